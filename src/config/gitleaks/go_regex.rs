//! Go RE2 syntax rewritten for the regex crate, as keysweep runs it (over bytes, Unicode off).
//!
//! Rewritten, because the regex crate reads it differently or not at all: `\Q..\E` (quoted
//! literal), octal escapes (`\012`), `\xHH` above 0x7F (a character in Go, a byte here),
//! `\p{..}`/`\P{..}` and classes holding non-ASCII characters (wrapped in `(?u:..)`, the
//! Unicode meaning Go gives them), `\p{^X}` (as `\P{X}`), a `{` that does not start a
//! repetition (a literal in Go), escaped punctuation the regex crate gives a meaning (`\<`,
//! `\>` are word boundaries there), and class members `&&`, `~~`, `--`, `[` (set operations
//! or nesting there, literals in Go).
//!
//! Refused with a message, because neither side has it or RE2 rejects it: lookaround, atomic
//! groups, backreferences, `\C`, possessive and nested quantifiers (which the regex crate
//! would silently read as a repetition of a repetition), unknown escapes.
//!
//! Left as is, because both read it the same way over ASCII: everything else, `(?U)`, `\z`,
//! `\A`, `[[:word:]]`, named groups. Two known ASCII-level differences remain: Go's `\s` does
//! not match a vertical tab, and outside Unicode classes `.` and `[^..]` match one byte where
//! Go matches one character.

/// The largest repetition count RE2 accepts.
const MAX_REPEAT: u32 = 1000;

/// The regex crate's reading of `pattern`, or why there is none.
pub(super) fn translate(pattern: &str) -> Result<String, String> {
    let mut t = Translator {
        chars: pattern.chars().collect(),
        i: 0,
        out: String::with_capacity(pattern.len() + 8),
        last: Quantified::No,
    };
    t.run()?;
    Ok(t.out)
}

/// Whether the last thing emitted was a quantifier, to catch a second one.
enum Quantified {
    No,
    /// A quantifier, as written.
    Greedy(String),
    /// A quantifier made lazy with `?`.
    Lazy(String),
}

/// A member of a character class, as Go parsed it.
enum Member {
    Range(char, char),
    /// `[:alpha:]` or `[:^alpha:]`: the name with its `^`.
    Posix(String),
    /// `\d`, `\D`, `\s`, `\S`, `\w`, `\W`.
    Perl(char),
    Unicode {
        negated: bool,
        name: String,
    },
}

struct Translator {
    chars: Vec<char>,
    i: usize,
    out: String,
    last: Quantified,
}

fn not_in_either(what: &str, construct: &str) -> String {
    format!("{what} `{construct}` is not supported: neither Go RE2 (so neither gitleaks) nor the regex crate has it")
}

fn invalid(construct: &str, why: &str) -> String {
    format!("`{construct}`: {why} (Go RE2 rejects it too)")
}

impl Translator {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).copied()
    }

    fn text(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        self.chars.get(start..end).unwrap_or(&[]).iter().collect()
    }

    fn starts_with(&self, s: &str) -> bool {
        s.chars().enumerate().all(|(k, c)| self.peek(k) == Some(c))
    }

    fn run(&mut self) -> Result<(), String> {
        while let Some(c) = self.peek(0) {
            match c {
                '*' | '+' | '?' => {
                    self.i += 1;
                    self.quantifier(c.to_string())?;
                    continue;
                }
                '{' => {
                    if let Some(q) = self.repetition()? {
                        self.quantifier(q)?;
                        continue;
                    }
                    self.i += 1;
                    self.out.push_str("\\{");
                }
                '\\' => self.escape()?,
                '[' => self.class()?,
                '(' => self.group()?,
                _ => {
                    self.i += 1;
                    self.out.push(c);
                }
            }
            self.last = Quantified::No;
        }
        Ok(())
    }

    /// Emits quantifier `q` (already consumed), refusing one that follows another.
    fn quantifier(&mut self, q: String) -> Result<(), String> {
        match std::mem::replace(&mut self.last, Quantified::No) {
            Quantified::No => {
                self.out.push_str(&q);
                self.last = Quantified::Greedy(q);
                Ok(())
            }
            Quantified::Greedy(prev) if q == "?" => {
                self.out.push('?');
                self.last = Quantified::Lazy(prev + "?");
                Ok(())
            }
            Quantified::Greedy(prev) if q == "+" => Err(format!(
                "possessive quantifier `{prev}+` is not supported: Go RE2 rejects it, and the regex crate would read it as a repetition of a repetition"
            )),
            Quantified::Greedy(prev) | Quantified::Lazy(prev) => Err(invalid(
                &format!("{prev}{q}"),
                "nested repetition operator",
            )),
        }
    }

    /// At `{`: the repetition `{n}`, `{n,}` or `{n,m}` (consumed), or `None` when Go reads
    /// the `{` as a literal (no digits, a leading zero, no closing `}`).
    fn repetition(&mut self) -> Result<Option<String>, String> {
        let start = self.i;
        let mut j = self.i + 1;
        let Some(min) = self.count_at(&mut j) else {
            return Ok(None);
        };
        let mut max = Some(min);
        if self.chars.get(j) == Some(&',') {
            j += 1;
            max = if self.chars.get(j) == Some(&'}') {
                None
            } else {
                match self.count_at(&mut j) {
                    Some(m) => Some(m),
                    None => return Ok(None),
                }
            };
        }
        if self.chars.get(j) != Some(&'}') {
            return Ok(None);
        }
        let text = self.text(start, j + 1);
        let too_big = |n: u32| n > MAX_REPEAT;
        if too_big(min) || max.is_some_and(|m| too_big(m) || m < min) {
            return Err(invalid(&text, "invalid repeat count"));
        }
        self.i = j + 1;
        Ok(Some(text))
    }

    /// A decimal count at `*j` (advanced past it), as Go reads one: no leading zero.
    /// Counts too large to hold are reported as `u32::MAX` (over the limit).
    fn count_at(&self, j: &mut usize) -> Option<u32> {
        let start = *j;
        while self.chars.get(*j).is_some_and(char::is_ascii_digit) {
            *j += 1;
        }
        let digits = self.text(start, *j);
        if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
            return None;
        }
        Some(digits.parse().unwrap_or(u32::MAX))
    }

    /// At `(`: refuses the Perl groups RE2 lacks, copies the others' opening.
    fn group(&mut self) -> Result<(), String> {
        if self.peek(1) != Some('?') {
            self.i += 1;
            self.out.push('(');
            return Ok(());
        }
        let refused = [
            ("(?=", "lookahead"),
            ("(?!", "negative lookahead"),
            ("(?<=", "lookbehind"),
            ("(?<!", "negative lookbehind"),
            ("(?>", "atomic group"),
            ("(?P=", "named backreference"),
            ("(?P>", "recursion"),
            ("(?R", "recursion"),
            ("(?#", "comment group"),
            ("(?|", "branch reset group"),
        ];
        for (prefix, what) in refused {
            if self.starts_with(prefix) {
                return Err(not_in_either(what, prefix));
            }
        }
        // Flags `(?i)`, `(?i:`, names `(?P<n>`, `(?<n>`: copied up to where the group's
        // body starts, so the name or flags are not read as pattern text.
        let start = self.i;
        let mut j = self.i + 2;
        let named = matches!(self.chars.get(j), Some('<'))
            || (self.chars.get(j) == Some(&'P') && self.chars.get(j + 1) == Some(&'<'));
        let stops: &[char] = if named { &['>'] } else { &[')', ':'] };
        while j < self.chars.len() && !stops.contains(&self.chars[j]) {
            j += 1;
        }
        let end = (j + 1).min(self.chars.len());
        self.out.push_str(&self.text(start, end));
        self.i = end;
        Ok(())
    }

    /// At `\` outside a class.
    fn escape(&mut self) -> Result<(), String> {
        let Some(c) = self.peek(1) else {
            return Err(invalid("\\", "trailing backslash"));
        };
        match c {
            'Q' => {
                self.quoted();
                return Ok(());
            }
            'C' => return Err(not_in_either("any-byte escape", "\\C")),
            'A' | 'z' | 'b' | 'B' | 'd' | 'D' | 's' | 'S' | 'w' | 'W' => {
                self.i += 2;
                self.out.push('\\');
                self.out.push(c);
                return Ok(());
            }
            'p' | 'P' => {
                let (negated, name) = self.unicode_class()?;
                let p = if negated { 'P' } else { 'p' };
                self.out.push_str(&format!("(?u:\\{p}{{{name}}})"));
                return Ok(());
            }
            _ => {}
        }
        let start = self.i;
        let ch = self.escaped_char()?;
        let written = self.text(start, self.i);
        if ch.is_ascii_punctuation() {
            push_literal(&mut self.out, ch);
        } else if written.starts_with("\\x") && (ch as u32) < 0x80 {
            // Same meaning in both: keep it as written.
            self.out.push_str(&written);
        } else if matches!(c, 'a' | 'f' | 't' | 'n' | 'r' | 'v') {
            self.out.push_str(&written);
        } else {
            self.out.push_str(&format!("\\x{{{:X}}}", ch as u32));
        }
        Ok(())
    }

    /// At `\Q`: the text up to `\E` (or the end), as literals.
    fn quoted(&mut self) {
        self.i += 2;
        let start = self.i;
        while self.i < self.chars.len() && !self.starts_with("\\E") {
            self.i += 1;
        }
        let literal = self.text(start, self.i);
        if self.i < self.chars.len() {
            self.i += 2;
        }
        regex_syntax::escape_into(&literal, &mut self.out);
    }

    /// At `\p` or `\P`: the (negated?) class name, `\pL` or `\p{Name}` or `\p{^Name}`.
    fn unicode_class(&mut self) -> Result<(bool, String), String> {
        let start = self.i;
        let mut negated = self.peek(1) == Some('P');
        self.i += 2;
        let mut name = match self.peek(0) {
            None => return Err(invalid(&self.text(start, self.i), "missing class name")),
            Some('{') => {
                let open = self.i;
                while self.peek(0).is_some_and(|c| c != '}') {
                    self.i += 1;
                }
                if self.peek(0).is_none() {
                    return Err(invalid(&self.text(start, self.i), "missing closing }"));
                }
                self.i += 1;
                self.text(open + 1, self.i - 1)
            }
            Some(c) => {
                self.i += 1;
                c.to_string()
            }
        };
        if let Some(rest) = name.strip_prefix('^') {
            negated = !negated;
            name = rest.to_string();
        }
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(invalid(
                &self.text(start, self.i),
                "invalid Unicode class name",
            ));
        }
        Ok((negated, name))
    }

    /// At `\`: the character an escape stands for in Go (octal, hex, control, or escaped
    /// punctuation), consumed. Other escapes are errors, as in Go.
    fn escaped_char(&mut self) -> Result<char, String> {
        let start = self.i;
        self.i += 1;
        let Some(c) = self.peek(0) else {
            return Err(invalid("\\", "trailing backslash"));
        };
        self.i += 1;
        let simple = match c {
            'a' => Some('\x07'),
            'f' => Some('\x0C'),
            't' => Some('\t'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            'v' => Some('\x0B'),
            _ if c.is_ascii() && !c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        };
        if let Some(ch) = simple {
            return Ok(ch);
        }
        match c {
            '0'..='7' => self.octal(start, c),
            'x' => self.hex(start),
            '8' | '9' => Err(not_in_either("backreference", &self.text(start, self.i))),
            _ => Err(invalid(
                &self.text(start, self.i),
                "invalid escape sequence",
            )),
        }
    }

    /// After `\` and a first octal digit: Go reads up to three octal digits, except that a
    /// lone `\1`..`\7` is a backreference.
    fn octal(&mut self, start: usize, first: char) -> Result<char, String> {
        let is_octal = |c: Option<char>| c.is_some_and(|c| ('0'..='7').contains(&c));
        if first != '0' && !is_octal(self.peek(0)) {
            return Err(not_in_either("backreference", &self.text(start, self.i)));
        }
        let mut value = first.to_digit(8).unwrap_or(0);
        for _ in 0..2 {
            if !is_octal(self.peek(0)) {
                break;
            }
            value = value * 8 + self.peek(0).and_then(|c| c.to_digit(8)).unwrap_or(0);
            self.i += 1;
        }
        char::from_u32(value).ok_or_else(|| invalid(&self.text(start, self.i), "invalid escape"))
    }

    /// After `\x`: two hex digits, or any number in braces.
    fn hex(&mut self, start: usize) -> Result<char, String> {
        let bad = |t: &Translator| invalid(&t.text(start, t.i), "invalid escape sequence");
        let digits = if self.peek(0) == Some('{') {
            let open = self.i + 1;
            while self.peek(0).is_some_and(|c| c != '}') {
                self.i += 1;
            }
            if self.peek(0).is_none() {
                return Err(bad(self));
            }
            self.i += 1;
            self.text(open, self.i - 1)
        } else {
            let two = self.text(self.i, self.i + 2);
            self.i = (self.i + 2).min(self.chars.len());
            if two.chars().count() != 2 {
                return Err(bad(self));
            }
            two
        };
        if digits.is_empty() || digits.len() > 8 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(bad(self));
        }
        u32::from_str_radix(&digits, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| bad(self))
    }

    /// At `[`: the class as Go reads it, written so the regex crate reads the same.
    fn class(&mut self) -> Result<(), String> {
        let start = self.i;
        self.i += 1;
        let negated = self.peek(0) == Some('^');
        if negated {
            self.i += 1;
        }
        let mut members = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek(0) else {
                return Err(invalid(&self.text(start, self.i), "missing closing ]"));
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            members.push(self.class_member()?);
        }
        self.out.push_str(&write_class(negated, &members));
        Ok(())
    }

    fn class_member(&mut self) -> Result<Member, String> {
        if self.starts_with("[:") {
            if let Some(m) = self.posix_class()? {
                return Ok(m);
            }
        }
        if self.peek(0) == Some('\\') {
            match self.peek(1) {
                Some('p' | 'P') => {
                    let (negated, name) = self.unicode_class()?;
                    return Ok(Member::Unicode { negated, name });
                }
                Some(c @ ('d' | 'D' | 's' | 'S' | 'w' | 'W')) => {
                    self.i += 2;
                    return Ok(Member::Perl(c));
                }
                _ => {}
            }
        }
        let start = self.i;
        let lo = self.class_char()?;
        if self.peek(0) == Some('-') && self.peek(1).is_some_and(|c| c != ']') {
            self.i += 1;
            let hi = self.class_char()?;
            if hi < lo {
                return Err(invalid(
                    &self.text(start, self.i),
                    "invalid character class range",
                ));
            }
            return Ok(Member::Range(lo, hi));
        }
        Ok(Member::Range(lo, lo))
    }

    /// At `[:`: a POSIX class if a `:]` closes it (a bad name is an error, as in Go), or
    /// `None` when there is no `:]` and the `[` is a literal.
    fn posix_class(&mut self) -> Result<Option<Member>, String> {
        const NAMES: [&str; 14] = [
            "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print",
            "punct", "space", "upper", "word", "xdigit",
        ];
        let mut j = self.i + 2;
        while j + 1 < self.chars.len() && !(self.chars[j] == ':' && self.chars[j + 1] == ']') {
            j += 1;
        }
        if j + 1 >= self.chars.len() {
            return Ok(None);
        }
        let name = self.text(self.i + 2, j);
        if !NAMES.contains(&name.strip_prefix('^').unwrap_or(&name)) {
            return Err(invalid(
                &self.text(self.i, j + 2),
                "invalid character class range",
            ));
        }
        self.i = j + 2;
        Ok(Some(Member::Posix(name)))
    }

    /// One character of a class: literal or escaped.
    fn class_char(&mut self) -> Result<char, String> {
        match self.peek(0) {
            Some('\\') => self.escaped_char(),
            Some(c) => {
                self.i += 1;
                Ok(c)
            }
            None => Err(invalid("[", "missing closing ]")),
        }
    }
}

/// A class in the regex crate's syntax: every literal that could start a set operation or
/// a nested class escaped, and Unicode mode around it when Go gave it Unicode members.
fn write_class(negated: bool, members: &[Member]) -> String {
    let unicode = members.iter().any(|m| match m {
        Member::Unicode { .. } => true,
        Member::Range(_, hi) => !hi.is_ascii(),
        _ => false,
    });
    let mut s = String::from(if negated { "[^" } else { "[" });
    for m in members {
        match m {
            Member::Range(lo, hi) => {
                push_class_char(&mut s, *lo);
                if hi != lo {
                    s.push('-');
                    push_class_char(&mut s, *hi);
                }
            }
            Member::Posix(name) => s.push_str(&format!("[:{name}:]")),
            Member::Perl(c) if unicode => s.push_str(ascii_perl_class(*c)),
            Member::Perl(c) => {
                s.push('\\');
                s.push(*c);
            }
            Member::Unicode { negated, name } => {
                let p = if *negated { 'P' } else { 'p' };
                s.push_str(&format!("\\{p}{{{name}}}"));
            }
        }
    }
    s.push(']');
    if unicode {
        format!("(?u:{s})")
    } else {
        s
    }
}

/// RE2's ASCII `\d`, `\s`, `\w` and complements, spelled out for a class in Unicode mode
/// (where the regex crate's would be Unicode-wide).
fn ascii_perl_class(c: char) -> &'static str {
    match c {
        'd' => "0-9",
        'D' => "[^0-9]",
        's' => "\\t\\n\\x0C\\r ",
        'S' => "[^\\t\\n\\x0C\\r ]",
        'w' => "0-9A-Za-z_",
        _ => "[^0-9A-Za-z_]",
    }
}

fn push_class_char(s: &mut String, c: char) {
    if regex_syntax::is_meta_character(c) {
        s.push('\\');
        s.push(c);
    } else if c.is_ascii_control() || c == ' ' {
        s.push_str(&format!("\\x{{{:X}}}", c as u32));
    } else {
        s.push(c);
    }
}

/// A literal outside a class: meta characters escaped, other punctuation bare (the regex
/// crate gives `\<` and `\>` a meaning).
fn push_literal(s: &mut String, c: char) {
    if regex_syntax::is_meta_character(c) {
        s.push('\\');
    }
    s.push(c);
}
