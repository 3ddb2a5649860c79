//! What a rule's secret is made of, read from its regex: the bytes its secret group can match
//! and the least length of that group. Shared, by `#[path]`, with build.rs, which computes it
//! for every built-in rule at build time (parsing a large rule pack's regexes at run time cost
//! 20 ms of every scan), and used at run time for any other rule. Only `regex-syntax`.

use std::borrow::Cow;

use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind,
    Look, Repetition,
};
use regex_syntax::ParserBuilder;

/// Secrets shorter than this are not worth a run test (it passes almost everywhere).
pub const MIN_USEFUL_LEN: usize = 12;

/// `pattern` parsed the way the engine compiles it (bytes, Unicode off): the one parse behind
/// the syntax check of a rule and both summaries below.
pub fn parse(pattern: &str) -> Result<Hir, Box<regex_syntax::Error>> {
    ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .map_err(Box::new)
}

/// The bytes the secret of a parsed regex can hold and its least length: capture group
/// `secret_group`, or when that is not set, group 1 if the pattern has one and else the whole
/// match (as the engine picks it). `None` when that says nothing useful (a secret that can be
/// short or empty, a group that is not found).
pub fn summarize_hir(hir: &Hir, secret_group: Option<usize>) -> Option<([bool; 256], usize)> {
    let secret = secret_hir(hir, secret_group)?;
    let min_len = secret.properties().minimum_len()?;
    if min_len < MIN_USEFUL_LEN {
        return None;
    }
    let mut allowed = [false; 256];
    add_bytes(secret, &mut allowed);
    Some((allowed, min_len))
}

/// At most this many required bytes are kept (see [`required_bytes_hir`]): each costs a `memchr`
/// per window.
pub const MAX_REQUIRED: usize = 3;

/// Punctuation bytes that every match of a parsed regex contains (`@` of a URL with a
/// password): a window without one of them cannot match, and is skipped with a `memchr`
/// instead of a regex search. Letters and digits are left out (a window holds the keyword, and
/// they are everywhere), and so are bytes that every one of the rule's `keywords` holds: a
/// window holds one of its keywords (the `:` and `/` of `://` were two of the three `memchr`s
/// of each of the eleven thousand URL lines of the cargo tree).
pub fn required_bytes_hir<K: AsRef<str>>(hir: &Hir, keywords: &[K]) -> Vec<u8> {
    let set = required(hir);
    let in_every_keyword =
        |b: u8| !keywords.is_empty() && keywords.iter().all(|k| k.as_ref().as_bytes().contains(&b));
    (0..=255u8)
        .filter(|&b| set[usize::from(b)] && b.is_ascii_punctuation() && !in_every_keyword(b))
        .take(MAX_REQUIRED)
        .collect()
}

/// The bytes every match of `hir` contains.
fn required(hir: &Hir) -> [bool; 256] {
    let mut set = [false; 256];
    match hir.kind() {
        HirKind::Literal(lit) => {
            for &b in lit.0.iter() {
                set[usize::from(b)] = true;
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            if let [range] = class.ranges() {
                if range.start() == range.end() {
                    set[usize::from(range.start())] = true;
                }
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            if let [range] = class.ranges() {
                if range.start() == range.end() && range.start().is_ascii() {
                    set[range.start() as usize] = true;
                }
            }
        }
        HirKind::Capture(c) => set = required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => set = required(&r.sub),
        HirKind::Concat(subs) => {
            for sub in subs {
                let inner = required(sub);
                for (s, i) in set.iter_mut().zip(inner) {
                    *s |= i;
                }
            }
        }
        HirKind::Alternation(subs) => {
            set = [true; 256];
            for sub in subs {
                let inner = required(sub);
                for (s, i) in set.iter_mut().zip(inner) {
                    *s &= i;
                }
            }
        }
        HirKind::Repetition(_) | HirKind::Empty | HirKind::Look(_) => {}
    }
    set
}

/// Where every match of a rule's regex starts, relative to a keyword hit (see
/// [`keyword_anchor`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeywordAnchor {
    /// `least..=most` bytes before the hit: a bounded prefix (`\b(?:https?|ftp)` before `://`).
    Offsets {
        /// Fewest bytes before the hit.
        least: usize,
        /// Most bytes before the hit.
        most: usize,
    },
    /// At the start of the run of `bytes` (a 256-bit set) that ends at the hit: the regex
    /// begins with `[\w.-]*?` before the keyword, so that the whole variable name is part of
    /// the match (`STRIPE_API_KEY`: a generic rule's excluded words are looked for in it). The
    /// engine runs the rest of the regex (see [`strip_name_run`]) at the hit, which is the
    /// same match (the lazy run stops at the first keyword where the rest matches, and every
    /// such keyword is a hit), and takes the run back to its start itself: a lazy DFA that
    /// follows a name byte by byte looking for a keyword anywhere in it builds a state for
    /// every name it meets.
    NameRun {
        /// The bytes of the run, as a 256-bit set.
        bytes: [u64; 4],
    },
}

/// Where every match of a parsed regex starts relative to an occurrence of one of `keywords`
/// (lowercase), when the regex is a bounded prefix, or an unbounded run of one class, followed
/// by text that always begins with a keyword: `(?i:github)…` is 0 bytes before, `\b(?:https?|ftp)://…`
/// with the keyword `://` 3 to 5 bytes before, `[\w.-]*?(?:token|secret)…` at the start of
/// the name that ends at `token`. The engine then tries the regex anchored there instead of
/// searching the hit's whole line: for the rules that real code wakes (`github` in every
/// `Cargo.lock`, `://` in every URL, `token` in every other function), that was most of the
/// search and nearly all of the lazy DFA's states. `None` when the regex is not of that form (a
/// keyword that is not where the match begins, a keyword inside a class).
pub fn keyword_anchor(hir: &Hir, keywords: &[&str]) -> Option<KeywordAnchor> {
    if keywords.is_empty() || keywords.iter().any(|k| k.is_empty()) {
        return None;
    }
    if let Some((run, rest)) = name_run(hir) {
        let mut parts = Vec::new();
        rest.iter().for_each(|s| flatten_concat(s, &mut parts));
        if !starts_with_keyword(&parts, keywords) {
            return None;
        }
        let mut allowed = [false; 256];
        add_bytes(&run.sub, &mut allowed);
        return Some(KeywordAnchor::NameRun {
            bytes: byte_set_words(&allowed),
        });
    }
    let mut parts = Vec::new();
    flatten_concat(hir, &mut parts);
    let (mut least, mut most) = (0usize, 0usize);
    for (i, part) in parts.iter().enumerate() {
        if starts_with_keyword(&parts[i..], keywords) {
            return Some(KeywordAnchor::Offsets { least, most });
        }
        least += part.properties().minimum_len()?;
        most += part.properties().maximum_len()?;
        if most > MAX_ANCHOR_REACH {
            return None;
        }
    }
    None
}

/// The leading run of a [`KeywordAnchor::NameRun`] regex and the parts after it: an unbounded
/// repetition (from zero) of one class, first in the regex's top concatenation (not inside a
/// group, whose number stripping it would change).
fn name_run(hir: &Hir) -> Option<(&Repetition, &[Hir])> {
    let HirKind::Concat(subs) = hir.kind() else {
        return None;
    };
    let (first, rest) = subs.split_first()?;
    match first.kind() {
        HirKind::Repetition(rep)
            if rep.min == 0 && rep.max.is_none() && matches!(rep.sub.kind(), HirKind::Class(_)) =>
        {
            Some((rep, rest))
        }
        _ => None,
    }
}

/// The regex without its leading name run (see [`KeywordAnchor::NameRun`]); `None` if it has
/// none.
pub fn strip_name_run(hir: &Hir) -> Option<Hir> {
    let (_, rest) = name_run(hir)?;
    Some(Hir::concat(rest.to_vec()))
}

/// A set of bytes as four 64-bit words: how build.rs writes a secret's bytes into the binary,
/// and how a name run's bytes travel with its anchor.
pub fn byte_set_words(set: &[bool; 256]) -> [u64; 4] {
    let mut words = [0u64; 4];
    for (b, _) in set.iter().enumerate().filter(|(_, &a)| a) {
        words[b / 64] |= 1 << (b % 64);
    }
    words
}

/// Byte `b` is in a set [`byte_set_words`] wrote.
pub fn words_contain(words: &[u64; 4], b: u8) -> bool {
    words[usize::from(b) / 64] & (1 << (b % 64)) != 0
}

/// Bytes before the keyword beyond which anchoring is not worth it (one anchored try per
/// offset).
const MAX_ANCHOR_REACH: usize = 16;

/// The parts of a concatenation, through groups and literals: `(a)(?:bc)d` is `a`, `b`, `c`,
/// `d` (a capture group's text is part of the match like any other, and a keyword may begin
/// inside a literal: `BEGIN PRIVATE KEY` in `-----BEGIN PRIVATE KEY-----`).
fn flatten_concat<'h>(hir: &'h Hir, out: &mut Vec<Cow<'h, Hir>>) {
    match hir.kind() {
        HirKind::Concat(subs) => subs.iter().for_each(|s| flatten_concat(s, out)),
        HirKind::Capture(c) => flatten_concat(&c.sub, out),
        HirKind::Literal(lit) if lit.0.len() > 1 => {
            out.extend(lit.0.iter().map(|&b| Cow::Owned(Hir::literal([b]))))
        }
        _ => out.push(Cow::Borrowed(hir)),
    }
}

/// Every text that `parts` (in sequence) match starts with one of `keywords`, compared in
/// lowercase.
fn starts_with_keyword(parts: &[Cow<'_, Hir>], keywords: &[&str]) -> bool {
    let mut pending = vec![Vec::new()];
    for part in parts {
        match extend(part, pending, keywords) {
            Some(next) if next.is_empty() => return true,
            Some(next) => pending = next,
            None => return false,
        }
    }
    false
}

/// The texts (lowercase) that `pending` becomes when `hir` matches after it, each still a
/// proper prefix of a keyword: a text that reaches a keyword is done and dropped. `None` as
/// soon as one can no longer begin with a keyword. Only prefixes of keywords are ever held, so
/// the sets stay small whatever `hir` is (`[\w.-]*` after `git` fails at its first byte).
fn extend(hir: &Hir, pending: Vec<Vec<u8>>, keywords: &[&str]) -> Option<Vec<Vec<u8>>> {
    if pending.is_empty() {
        return Some(pending);
    }
    let mut out = match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => pending,
        HirKind::Literal(lit) => {
            let mut out = pending;
            for &b in lit.0.iter() {
                out = add_byte(&out, &[b], keywords)?;
            }
            out
        }
        HirKind::Class(_) => {
            let mut allowed = [false; 256];
            add_bytes(hir, &mut allowed);
            let bytes: Vec<u8> = (0..=255u8).filter(|&b| allowed[usize::from(b)]).collect();
            add_byte(&pending, &bytes, keywords)?
        }
        HirKind::Capture(c) => extend(&c.sub, pending, keywords)?,
        HirKind::Concat(subs) => {
            let mut out = pending;
            for sub in subs {
                out = extend(sub, out, keywords)?;
            }
            out
        }
        HirKind::Alternation(subs) => {
            let mut out = Vec::new();
            for sub in subs {
                out.extend(extend(sub, pending.clone(), keywords)?);
            }
            out
        }
        HirKind::Repetition(rep) => {
            let mut current = pending;
            for _ in 0..rep.min {
                current = extend(&rep.sub, current, keywords)?;
            }
            let mut all = current.clone();
            let mut count = rep.min;
            // Stops when a repetition adds no new text: every text held is a proper prefix
            // of a keyword, so that comes within the longest keyword's length.
            while rep.max.is_none_or(|max| count < max) && !current.is_empty() {
                current = extend(&rep.sub, current, keywords)?;
                current.retain(|t| !all.contains(t));
                all.extend(current.iter().cloned());
                count += 1;
            }
            all
        }
    };
    out.sort_unstable();
    out.dedup();
    Some(out)
}

/// Each text of `pending` followed by each byte of `bytes` (lowercased), as [`extend`] keeps
/// them.
fn add_byte(pending: &[Vec<u8>], bytes: &[u8], keywords: &[&str]) -> Option<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    for text in pending {
        for &b in bytes {
            let mut next = text.clone();
            next.push(b.to_ascii_lowercase());
            if keywords.iter().any(|k| next.starts_with(k.as_bytes())) {
                continue;
            }
            if !keywords.iter().any(|k| k.as_bytes().starts_with(&next)) {
                return None;
            }
            out.push(next);
        }
    }
    Some(out)
}

/// A parsed regex as bytes, written by build.rs for every built-in rule and read back by
/// [`decode_hir`] when the rule's regex is compiled: parsing a regex (its syntax tree, then the
/// translation) was two fifths of compiling it, and real code wakes a few dozen rules on every
/// scan. `regex-syntax` has no serialization of its `Hir`; this is a plain preorder walk.
#[cfg_attr(not(test), allow(dead_code))] // build.rs writes; the engine only reads
pub fn encode_hir(hir: &Hir, out: &mut Vec<u8>) {
    match hir.kind() {
        HirKind::Empty => out.push(0),
        HirKind::Literal(lit) => {
            out.push(1);
            put_len(out, lit.0.len());
            out.extend_from_slice(&lit.0);
        }
        HirKind::Class(Class::Bytes(class)) => {
            out.push(2);
            put_len(out, class.ranges().len());
            for r in class.ranges() {
                out.extend_from_slice(&[r.start(), r.end()]);
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            out.push(3);
            put_len(out, class.ranges().len());
            for r in class.ranges() {
                put_len(out, r.start() as usize);
                put_len(out, r.end() as usize);
            }
        }
        HirKind::Look(look) => {
            out.push(4);
            put_len(out, look.as_repr() as usize);
        }
        HirKind::Repetition(rep) => {
            out.push(5);
            put_len(out, rep.min as usize);
            put_len(out, rep.max.map_or(0, |m| m as usize + 1));
            out.push(u8::from(rep.greedy));
            encode_hir(&rep.sub, out);
        }
        HirKind::Capture(cap) => {
            out.push(6);
            put_len(out, cap.index as usize);
            match &cap.name {
                None => put_len(out, 0),
                Some(name) => {
                    put_len(out, name.len() + 1);
                    out.extend_from_slice(name.as_bytes());
                }
            }
            encode_hir(&cap.sub, out);
        }
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            out.push(if matches!(hir.kind(), HirKind::Concat(_)) {
                7
            } else {
                8
            });
            put_len(out, subs.len());
            for sub in subs {
                encode_hir(sub, out);
            }
        }
    }
}

/// The regex [`encode_hir`] wrote; `None` if the bytes are not such a regex.
pub fn decode_hir(bytes: &[u8]) -> Option<Hir> {
    let mut at = 0;
    let hir = read_hir(bytes, &mut at)?;
    (at == bytes.len()).then_some(hir)
}

fn read_hir(bytes: &[u8], at: &mut usize) -> Option<Hir> {
    let tag = *bytes.get(*at)?;
    *at += 1;
    Some(match tag {
        0 => Hir::empty(),
        1 => {
            let len = get_len(bytes, at)?;
            let lit = bytes.get(*at..*at + len)?;
            *at += len;
            Hir::literal(lit)
        }
        2 => {
            let n = get_len(bytes, at)?;
            let mut ranges = Vec::with_capacity(n.min(bytes.len()));
            for _ in 0..n {
                let pair = bytes.get(*at..*at + 2)?;
                *at += 2;
                ranges.push(ClassBytesRange::new(pair[0], pair[1]));
            }
            Hir::class(Class::Bytes(ClassBytes::new(ranges)))
        }
        3 => {
            let n = get_len(bytes, at)?;
            let mut ranges = Vec::with_capacity(n.min(bytes.len()));
            for _ in 0..n {
                let start = char::from_u32(u32::try_from(get_len(bytes, at)?).ok()?)?;
                let end = char::from_u32(u32::try_from(get_len(bytes, at)?).ok()?)?;
                ranges.push(ClassUnicodeRange::new(start, end));
            }
            Hir::class(Class::Unicode(ClassUnicode::new(ranges)))
        }
        4 => Hir::look(Look::from_repr(u32::try_from(get_len(bytes, at)?).ok()?)?),
        5 => {
            let min = u32::try_from(get_len(bytes, at)?).ok()?;
            let max = match get_len(bytes, at)? {
                0 => None,
                m => Some(u32::try_from(m - 1).ok()?),
            };
            let greedy = *bytes.get(*at)? != 0;
            *at += 1;
            let sub = Box::new(read_hir(bytes, at)?);
            Hir::repetition(Repetition {
                min,
                max,
                greedy,
                sub,
            })
        }
        6 => {
            let index = u32::try_from(get_len(bytes, at)?).ok()?;
            let name = match get_len(bytes, at)? {
                0 => None,
                n => {
                    let name = std::str::from_utf8(bytes.get(*at..*at + n - 1)?).ok()?;
                    *at += n - 1;
                    Some(Box::from(name))
                }
            };
            let sub = Box::new(read_hir(bytes, at)?);
            Hir::capture(Capture { index, name, sub })
        }
        7 | 8 => {
            let n = get_len(bytes, at)?;
            let mut subs = Vec::with_capacity(n.min(bytes.len()));
            for _ in 0..n {
                subs.push(read_hir(bytes, at)?);
            }
            if tag == 7 {
                Hir::concat(subs)
            } else {
                Hir::alternation(subs)
            }
        }
        _ => return None,
    })
}

/// LEB128: seven bits a byte, low first.
#[cfg_attr(not(test), allow(dead_code))]
fn put_len(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn get_len(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let mut n = 0usize;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        n |= usize::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(n);
        }
    }
    None
}

/// FNV-1a (64 bits) of what a summary is read from (a rule's regex, keywords and file names): a
/// summary made at build time is used only for the very rule it was made from, not for one a
/// config changed. Hand-written: a few lines, no crate needed.
pub fn rule_hash<K: AsRef<str>, F: AsRef<str>>(
    pattern: &str,
    keywords: &[K],
    file_names: &[F],
) -> u64 {
    let fnv = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    let mut h = pattern.bytes().fold(0xcbf2_9ce4_8422_2325, fnv);
    for keyword in keywords {
        h = keyword.as_ref().bytes().fold(fnv(h, 1), fnv);
    }
    for name in file_names {
        h = name.as_ref().bytes().fold(fnv(h, 2), fnv);
    }
    h
}

/// [`keyword_anchor`] for a rule: its keywords lowercased (as the prefilter matches them); none
/// for a rule selected by file name, which also runs over whole files.
pub fn rule_anchor<K: AsRef<str>, F>(
    hir: &Hir,
    keywords: &[K],
    file_names: &[F],
) -> Option<KeywordAnchor> {
    if !file_names.is_empty() {
        return None;
    }
    let lower: Vec<String> = keywords
        .iter()
        .map(|k| k.as_ref().to_ascii_lowercase())
        .collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    keyword_anchor(hir, &lower)
}

/// The part of `hir` that is the secret: capture group `secret_group`, else group 1 if there
/// is one, else the whole regex.
pub fn secret_hir(hir: &Hir, secret_group: Option<usize>) -> Option<&Hir> {
    let group = match secret_group {
        Some(g) => g,
        None if hir.properties().explicit_captures_len() > 0 => 1,
        None => 0,
    };
    if group == 0 {
        Some(hir)
    } else {
        find_group(hir, group)
    }
}

fn find_group(hir: &Hir, group: usize) -> Option<&Hir> {
    match hir.kind() {
        HirKind::Capture(c) if c.index as usize == group => Some(hir),
        HirKind::Capture(c) => find_group(&c.sub, group),
        HirKind::Repetition(r) => find_group(&r.sub, group),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().find_map(|s| find_group(s, group))
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => None,
    }
}

/// Marks every byte that `hir` can match.
pub fn add_bytes(hir: &Hir, allowed: &mut [bool; 256]) {
    match hir.kind() {
        HirKind::Literal(lit) => {
            for &b in lit.0.iter() {
                allowed[usize::from(b)] = true;
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            for range in class.iter() {
                for b in range.start()..=range.end() {
                    allowed[usize::from(b)] = true;
                }
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            // Not produced with Unicode off, but a pattern may turn it on with `(?u)`. A
            // non-ASCII char is several bytes, every one of them >= 0x80.
            for range in class.iter() {
                for c in range.start()..=range.end().min('\u{7f}') {
                    allowed[c as usize] = true;
                }
                if range.end() > '\u{7f}' {
                    allowed[0x80..].iter_mut().for_each(|a| *a = true);
                }
            }
        }
        HirKind::Capture(c) => add_bytes(&c.sub, allowed),
        HirKind::Repetition(r) => add_bytes(&r.sub, allowed),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().for_each(|s| add_bytes(s, allowed))
        }
        HirKind::Empty | HirKind::Look(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(pattern: &str, keywords: &[&str]) -> Option<KeywordAnchor> {
        keyword_anchor(&parse(pattern).expect("parses"), keywords)
    }

    fn offsets(least: usize, most: usize) -> Option<KeywordAnchor> {
        Some(KeywordAnchor::Offsets { least, most })
    }

    /// Every match of a URL with a password holds `:`, `/` and `@`; a rule whose keywords all
    /// hold `:` and `/` (a window holds one of them) needs only the `@` tested.
    #[test]
    fn required_bytes_leave_out_what_every_keyword_holds() {
        let url = parse(r"https?://[a-z]+:([^@\s]+)@[a-z.]+").expect("parses");
        let none: [&str; 0] = [];
        assert_eq!(required_bytes_hir(&url, &none), b"/:@");
        assert_eq!(required_bytes_hir(&url, &["://"]), b"@");
        assert_eq!(required_bytes_hir(&url, &["://", "http"]), b"/:@");
        assert_eq!(required_bytes_hir(&url, &["://", "s:"]), b"/@");
    }

    #[test]
    fn bounded_prefixes_give_the_offsets_before_the_keyword() {
        let cases: [(&str, &[&str], Option<KeywordAnchor>); 12] = [
            (r"(?i:github)[\w.-]{0,16}?token", &["github"], offsets(0, 0)),
            (r"\bsk_live_[0-9a-z]{24}", &["sk_live_"], offsets(0, 0)),
            // Alternatives, each beginning with a keyword (here, a longer one than listed).
            (
                r"(?i:password|passwd|pwd)\s*=",
                &["pass", "pwd"],
                offsets(0, 0),
            ),
            // The text after a short alternative decides: `pass` then one of the listed
            // bytes; a tab after it is not a keyword until it is listed.
            (
                r"(?i:pass)(?:[:=]|[ \t]+)",
                &["pass:", "pass=", "pass "],
                None,
            ),
            (
                r"(?i:pass)(?:[:=]|[ \t]+)",
                &["pass:", "pass=", "pass ", "pass\t"],
                offsets(0, 0),
            ),
            (r"\b(?:https?|ftp)://[^@]+@", &["://"], offsets(3, 5)),
            (r"(?:^|[^:@/])(?i:secret)=", &["secret"], offsets(0, 1)),
            // Too far to be worth one try per offset.
            (r"[a-z]{0,40}github", &["github"], None),
            // A keyword inside a literal, after a fixed part of it (a PEM header's dashes),
            // compared in lowercase; and after a bounded prefix plus such a part.
            (
                r"(-----BEGIN PRIVATE KEY-----\s*[A-Za-z0-9+/=\s]*?-----END)",
                &["begin private key"],
                offsets(5, 5),
            ),
            (r"\s{0,2}xxBEGIN", &["begin"], offsets(2, 4)),
            (
                r"Authorization: Bearer ([a-z]+)",
                &["bearer"],
                offsets(15, 15),
            ),
            // The literal's rest must begin with the keyword and the rest match it on.
            (r"-----BEGIN KEY[ab]", &["begin keyz"], None),
        ];
        for (pattern, keywords, want) in cases {
            assert_eq!(anchor(pattern, keywords), want, "{pattern}");
        }
    }

    #[test]
    fn a_leading_name_run_anchors_at_the_run() {
        let Some(KeywordAnchor::NameRun { bytes }) = anchor(
            r"(?i:[\w.-]*?(?:api[_.-]?key|token))\s*=",
            &["api", "token"],
        ) else {
            panic!("not a name run");
        };
        let has = |b: u8| words_contain(&bytes, b);
        for b in [b'a', b'Z', b'0', b'_', b'.', b'-'] {
            assert!(has(b), "{}", b as char);
        }
        assert!(!has(b' '));
        let hir = parse(r"(?i:[\w.-]*?(?:api[_.-]?key|token))\s*=").expect("parses");
        let stripped = strip_name_run(&hir).expect("has a run");
        assert_eq!(keyword_anchor(&stripped, &["api", "token"]), offsets(0, 0));
        // Inside a group, the run is not stripped (group numbers would change).
        assert_eq!(anchor(r"([\w.-]*?token)=", &["token"]), None);
    }

    #[test]
    fn regexes_that_do_not_start_with_a_keyword_are_not_anchored() {
        // The keyword comes after text of unbounded length.
        assert_eq!(
            anchor(r"Authorization:\s*Bearer ([a-z]+)", &["bearer"]),
            None
        );
        // Some alternative starts with no keyword.
        assert_eq!(anchor(r"(?:token|key)=", &["token"]), None);
        // A class that holds more than the keyword's byte.
        assert_eq!(anchor(r"[a-z]ithub", &["github"]), None);
        assert_eq!(anchor(r"github", &[]), None);
        assert_eq!(anchor(r"github", &[""]), None);
    }

    #[test]
    fn encoded_regexes_decode_to_themselves() {
        for pattern in [
            r"(?i:github)[\w.-]{0,16}?(?P<secret>[0-9a-f]{40})\b",
            r"(?m:^)a|b$|\Bx+?y{2,}|(?u:\w)|[^\x00-\x7f]",
            r"()|(?:)|(a)(b(c))",
            r"(?s:.){300}",
        ] {
            let hir = parse(pattern).expect("parses");
            let mut bytes = Vec::new();
            encode_hir(&hir, &mut bytes);
            assert_eq!(decode_hir(&bytes), Some(hir), "{pattern}");
            // Cut or padded, it is not a regex.
            assert_eq!(decode_hir(&bytes[..bytes.len() - 1]), None, "{pattern}");
            bytes.push(0);
            assert_eq!(decode_hir(&bytes), None, "{pattern}");
        }
    }

    #[test]
    fn any_bytes_decode_without_panicking() {
        use proptest::prelude::*;
        proptest::proptest!(|(bytes in proptest::collection::vec(any::<u8>(), 0..64))| {
            let _ = decode_hir(&bytes);
        });
    }

    #[test]
    fn the_rule_hash_covers_regex_keywords_and_file_names() {
        let none: [&str; 0] = [];
        let base = rule_hash("a", &["k"], &none);
        assert_ne!(base, rule_hash("b", &["k"], &none));
        assert_ne!(base, rule_hash("a", &["k", "l"], &none));
        assert_ne!(base, rule_hash("a", &["k"], &["f"]));
        assert_ne!(rule_hash("a", &["k"], &none), rule_hash("a", &none, &["k"]));
    }
}
