//! The shape of a rule's secret: which bytes it can contain and how short it can be, read from
//! the rule's regex. A window with no run of that many such bytes cannot hold the secret, so
//! the rule's regex is neither searched there nor, if no window has one, compiled at all.
//!
//! Why: a keyword such as `private_key`, `seed` or `okx` turns up in ordinary code far more
//! often than a key does. Compiling a rule's regex costs 0.1-0.5 ms, parsing it for its shape
//! a tenth of that, and the run test is a table lookup per byte of a window of a few KiB.
//! `regex-syntax` gives the parsed regex; no crate computes this summary of it, so it is
//! written here.

use regex_syntax::hir::{Class, Hir, HirKind};
use regex_syntax::ParserBuilder;

/// The bytes a secret is made of and its minimum length.
#[derive(Debug, Clone)]
pub struct SecretShape {
    allowed: [bool; 256],
    min_len: usize,
}

impl SecretShape {
    /// The shape of the secret of `pattern`: capture group `secret_group`, or when that is
    /// not set, group 1 if the pattern has one and else the whole match (as the engine picks
    /// it). Parsed the way the engine compiles it (bytes, Unicode off). `None` when the shape
    /// says nothing useful (the secret can be empty or short, or the group is not found): the
    /// rule then always runs.
    pub fn of(pattern: &str, secret_group: Option<usize>) -> Option<SecretShape> {
        let hir = ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(pattern)
            .ok()?;
        let group = match secret_group {
            Some(g) => g,
            None if hir.properties().explicit_captures_len() > 0 => 1,
            None => 0,
        };
        let secret = if group == 0 {
            &hir
        } else {
            find_group(&hir, group)?
        };
        let min_len = secret.properties().minimum_len()?;
        // A run test for a short secret passes almost everywhere: not worth the scan.
        if min_len < MIN_USEFUL_LEN {
            return None;
        }
        let mut allowed = [false; 256];
        add_bytes(secret, &mut allowed);
        Some(SecretShape { allowed, min_len })
    }

    /// The maximal runs of allowed bytes in `data` that are at least `min_len` long, as
    /// `(start, end)`. Reads about one byte in `min_len` where runs are short: every run that
    /// long holds a byte at a multiple of `min_len` (less one), so only those are looked at,
    /// and only a looked-at allowed byte is grown into its run.
    pub fn runs(&self, data: &[u8]) -> Vec<(usize, usize)> {
        let allowed = |i: usize| self.allowed[usize::from(data[i])];
        let mut out = Vec::new();
        let mut probe = self.min_len - 1;
        // Bytes before `known` belong to runs already seen (or to none).
        let mut known = 0;
        while probe < data.len() {
            if !allowed(probe) {
                probe += self.min_len;
                continue;
            }
            let mut start = probe;
            while start > known && allowed(start - 1) {
                start -= 1;
            }
            let mut end = probe + 1;
            while end < data.len() && allowed(end) {
                end += 1;
            }
            if end - start >= self.min_len {
                out.push((start, end));
            }
            // `data[end]` is not allowed: the next long run starts after it and so holds
            // `end + min_len`.
            known = end;
            probe = end + self.min_len;
        }
        out
    }

    /// `window` holds at least `min_len` consecutive allowed bytes.
    pub fn may_match(&self, window: &[u8]) -> bool {
        let mut run = 0;
        for &b in window {
            if self.allowed[usize::from(b)] {
                run += 1;
                if run >= self.min_len {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        false
    }
}

/// Secrets shorter than this are not gated.
const MIN_USEFUL_LEN: usize = 12;

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
fn add_bytes(hir: &Hir, allowed: &mut [bool; 256]) {
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

    #[test]
    fn hex_key_needs_a_run_of_64_hex() {
        let shape = SecretShape::of(r"(?i:private[_-]?key)\W+(?:0x)?([0-9a-fA-F]{64})\b", None)
            .expect("a shape");
        assert!(!shape.may_match(b"private_key = load(path)"));
        assert!(!shape.may_match(&[b'a'; 63]));
        let mut line = b"PRIVATE_KEY=0x".to_vec();
        line.extend([b'C'; 64]);
        assert!(shape.may_match(&line));
    }

    #[test]
    fn case_insensitive_literals_allow_both_cases() {
        let shape = SecretShape::of(r"((?i)sk_live_[a-z0-9]{24})", None).expect("a shape");
        assert!(shape.may_match(b"x = SK_LIVE_ABCDEFGHIJKLMNOPQRSTUVWX"));
    }

    #[test]
    fn whole_match_when_group_zero() {
        let shape = SecretShape::of(r"AKIA[0-9A-Z]{16}", None).expect("a shape");
        assert!(shape.may_match(b"id: AKIAABCDEFGHIJKLMNOP."));
        assert!(!shape.may_match(b"id: AKIA-short"));
    }

    #[test]
    fn runs_are_found_wherever_they_fall() {
        let shape = SecretShape::of(r"([a-z]{12,})", None).expect("a shape");
        let mut data = Vec::new();
        let mut expected = Vec::new();
        // Runs of every length 1..40 at every offset: the probing must find exactly the
        // runs of 12 or more, whatever their alignment to the probe stride.
        for len in 1..40 {
            data.push(b'.');
            if len >= 12 {
                expected.push((data.len(), data.len() + len));
            }
            data.extend(std::iter::repeat_n(b'q', len));
        }
        assert_eq!(shape.runs(&data), expected);
        assert_eq!(shape.runs(b"short"), Vec::<(usize, usize)>::new());
        assert_eq!(shape.runs(b"abcdefghijklmnop"), vec![(0, 16)]);
    }

    #[test]
    fn short_or_missing_groups_do_not_gate() {
        assert!(SecretShape::of(r"key=(\w{4})", None).is_none());
        assert!(SecretShape::of(r"key=(\w+)", None).is_none());
        assert!(SecretShape::of(r"key=(\w{20})", Some(2)).is_none());
        assert!(SecretShape::of(r"(", None).is_none());
    }

    #[test]
    fn alternatives_and_repetitions_take_the_shortest_and_every_byte() {
        // A BIP39-like run: words and separators, at least 12 words of 3 letters.
        let shape =
            SecretShape::of(r"((?:[a-z]{3,8}[\s,]+){11,}[a-z]{3,8})", None).expect("a shape");
        assert!(shape.may_match(b"abc abc abc abc abc abc abc abc abc abc abc abc"));
        assert!(!shape.may_match(b"abc abc abc abc abc abc abc abc abc abc abc"));
        assert!(!shape.may_match(b"let x = foo(bar, baz);"));
    }
}
