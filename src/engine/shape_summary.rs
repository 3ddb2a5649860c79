//! What a rule's secret is made of, read from its regex: the bytes its secret group can match
//! and the least length of that group. Shared, by `#[path]`, with build.rs, which computes it
//! for every built-in rule at build time (parsing a large rule pack's regexes at run time cost
//! 20 ms of every scan), and used at run time for any other rule. Only `regex-syntax`.

use regex_syntax::hir::{Class, Hir, HirKind};
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
    let group = match secret_group {
        Some(g) => g,
        None if hir.properties().explicit_captures_len() > 0 => 1,
        None => 0,
    };
    let secret = if group == 0 {
        hir
    } else {
        find_group(hir, group)?
    };
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

/// Punctuation bytes that every match of a parsed regex contains (`@` and `:` of a URL with a
/// password): a window without one of them cannot match, and is skipped with a `memchr`
/// instead of a regex search. Letters and digits are left out (a window holds the keyword, and
/// they are everywhere).
pub fn required_bytes_hir(hir: &Hir) -> Vec<u8> {
    let set = required(hir);
    (0..=255u8)
        .filter(|&b| set[usize::from(b)] && b.is_ascii_punctuation())
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

/// FNV-1a (64 bits) of a regex's text: a summary made at build time is used only for the very
/// regex it was made from. Hand-written: five lines, no crate needed.
pub fn regex_hash(pattern: &str) -> u64 {
    pattern.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
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
