//! Words one of which every match of a rule's regex holds, read from the parsed regex: the
//! `token`, `secret`, `auth` of `github[\w.-]{0,16}?(?:token|secret|auth…)`, the `sk_` of a
//! checkout.com key after its `checkout` name. A window (around a keyword hit) that holds none
//! of them cannot match, and is skipped before the rule's regex is compiled for it: most rules
//! that common keywords wake (`curl`, `github`, `travis`, `checkout`) never match in a tree,
//! and compiling each took 50-180 µs. Shared, by `#[path]`, with build.rs, which reads them for
//! the built-in rules at build time. Only `regex-syntax`.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Shorter words pass almost everywhere.
const MIN_WORD: usize = 3;

/// More words cost more to look for than the check saves.
const MAX_WORDS: usize = 16;

/// Lowercase words one of which (as ASCII case-insensitive text) every match of `hir` holds;
/// empty when there is no useful set. A set of which every one of the rule's `keywords` holds
/// a word is no use (a window holds a keyword), and of the sets the regex gives the one whose
/// shortest word is longest is taken (fewer words when they tie).
pub fn required_words_hir<K: AsRef<str>>(hir: &Hir, keywords: &[K]) -> Vec<Vec<u8>> {
    let keywords: Vec<Vec<u8>> = keywords
        .iter()
        .map(|k| k.as_ref().to_ascii_lowercase().into_bytes())
        .collect();
    // Printable ASCII only: build.rs stores the built-in rules' words as text.
    let useful = |set: &Vec<Vec<u8>>| {
        set.iter()
            .all(|w| w.iter().all(|b| b.is_ascii_graphic() || *b == b' '))
            && !keywords.iter().all(|k| set.iter().any(|w| contains(k, w)))
    };
    let mut candidates = Vec::new();
    sets(hir, &mut candidates);
    candidates
        .into_iter()
        .filter(useful)
        .max_by_key(|set| {
            let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
            (shortest, std::cmp::Reverse(set.len()))
        })
        .unwrap_or_default()
}

/// Whether `hay` holds `word` (lowercase), ignoring ASCII case.
pub fn holds_word(hay: &[u8], word: &[u8]) -> bool {
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    let mut at = 0;
    while at + word.len() <= hay.len() {
        let found = if first.is_ascii_lowercase() {
            memchr::memchr2(first, first.to_ascii_uppercase(), &hay[at..])
        } else {
            memchr::memchr(first, &hay[at..])
        };
        let Some(i) = found else {
            return false;
        };
        let start = at + i;
        match hay.get(start + 1..start + word.len()) {
            Some(tail) if tail.eq_ignore_ascii_case(rest) => return true,
            Some(_) => at = start + 1,
            None => return false,
        }
    }
    false
}

fn contains(hay: &[u8], word: &[u8]) -> bool {
    hay.windows(word.len()).any(|w| w == word)
}

/// Adds to `out` every word set that `hir` requires (each one alone is a valid answer), and
/// gives the set of `hir` as a whole, if it has one (for an enclosing alternation).
fn sets(hir: &Hir, out: &mut Vec<Vec<Vec<u8>>>) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Concat(subs) => {
            let mut whole = None;
            let mut run: Vec<u8> = Vec::new();
            let end_run = |run: &mut Vec<u8>, out: &mut Vec<Vec<Vec<u8>>>| {
                if run.len() >= MIN_WORD {
                    out.push(vec![std::mem::take(run)]);
                }
                run.clear();
            };
            for sub in subs {
                if let Some(bytes) = literal_bytes(sub) {
                    run.extend(bytes);
                    continue;
                }
                if matches!(sub.kind(), HirKind::Look(_) | HirKind::Empty) {
                    // Zero-width: the bytes on both sides are next to each other.
                    continue;
                }
                end_run(&mut run, out);
                if let Some(set) = sets(sub, out) {
                    whole = Some(set);
                }
            }
            end_run(&mut run, out);
            // For an enclosing alternation, this branch's set: any one it requires will do.
            whole.or_else(|| out.last().cloned())
        }
        HirKind::Alternation(alts) => {
            let mut union: Vec<Vec<u8>> = Vec::new();
            for alt in alts {
                let mut inner = Vec::new();
                let own = sets(alt, &mut inner);
                let best = own
                    .into_iter()
                    .chain(inner)
                    .max_by_key(|set| set.iter().map(Vec::len).min().unwrap_or(0))?;
                for word in best {
                    if !union.contains(&word) {
                        union.push(word);
                    }
                }
            }
            if union.len() > MAX_WORDS {
                return None;
            }
            out.push(union.clone());
            Some(union)
        }
        HirKind::Capture(c) => sets(&c.sub, out),
        HirKind::Repetition(r) if r.min >= 1 => sets(&r.sub, out),
        HirKind::Literal(_) | HirKind::Class(_) => {
            let bytes = literal_bytes(hir)?;
            (bytes.len() >= MIN_WORD).then(|| {
                let set = vec![bytes];
                out.push(set.clone());
                set
            })
        }
        HirKind::Repetition(_) | HirKind::Look(_) | HirKind::Empty => None,
    }
}

/// The lowercase bytes a literal, or a class of one byte or of one ASCII letter in both cases
/// (`(?i)` parses `a` as `[Aa]`), always matches.
fn literal_bytes(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(lit.0.to_ascii_lowercase()),
        HirKind::Class(Class::Bytes(class)) => {
            let ranges: Vec<(u8, u8)> = class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect();
            one_byte(&ranges)
        }
        HirKind::Class(Class::Unicode(class)) => {
            let ranges: Vec<(u8, u8)> = class
                .ranges()
                .iter()
                .map(|r| (u8::try_from(r.start()).ok(), u8::try_from(r.end()).ok()))
                .map(|(s, e)| Some((s?, e?)))
                .collect::<Option<_>>()?;
            one_byte(&ranges)
        }
        _ => None,
    }
}

fn one_byte(ranges: &[(u8, u8)]) -> Option<Vec<u8>> {
    match *ranges {
        [(a, b)] if a == b => Some(vec![a.to_ascii_lowercase()]),
        [(u, u2), (l, l2)]
            if u == u2 && l == l2 && u.is_ascii_uppercase() && l == u.to_ascii_lowercase() =>
        {
            Some(vec![l])
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(pattern: &str, keywords: &[&str]) -> Vec<String> {
        let hir = crate::engine::parse_regex(pattern).expect("parses");
        let mut words: Vec<String> = required_words_hir(&hir, keywords)
            .into_iter()
            .map(|w| String::from_utf8(w).expect("ascii"))
            .collect();
        words.sort();
        words
    }

    #[test]
    fn words_after_a_name() {
        assert_eq!(
            words(
                r"(?i:github[\w.-]{0,16}?(?:token|secret|auth(?:[_.-]|\b)))\s*=\s*([0-9a-f]{40})",
                &["github"]
            ),
            ["auth", "secret", "token"]
        );
        assert_eq!(
            words(
                r"checkout[\w.-]{0,8}=\s*(sk_(?:test_)?[0-9a-z]{26})",
                &["checkout"]
            ),
            ["sk_"]
        );
    }

    /// A word that one keyword holds still sorts out the windows of the others. (The parser
    /// factors the branches' common `g` out of the alternation.)
    #[test]
    fn words_some_keywords_hold() {
        assert_eq!(
            words(
                r"(?i:gs_secret|gcs[\w.-]{0,24}?secret)\s*=\s*([a-z]{40})",
                &["gs_secret", "gcs"]
            ),
            ["s_secret", "secret"]
        );
    }

    #[test]
    fn no_words_when_a_branch_has_none_or_the_keyword_is_one() {
        assert!(words(r"(?:token|[0-9]+)=([a-z]{20})", &["="]).is_empty());
        assert!(words(r"(?i:secret_key)\s*=\s*([a-z]{20})", &["secret_key"]).is_empty());
        assert!(words(r"x{0,3}([a-z]{20})", &["x"]).is_empty());
    }

    #[test]
    fn the_longest_shortest_word_wins() {
        assert_eq!(
            words(r"abc=(?:password|passwd)=([a-z]{20})", &["="]),
            ["passwd", "password"]
        );
    }

    #[test]
    fn words_are_found_ignoring_case() {
        assert!(holds_word(b"x GitHub_TOKEN = y", b"token"));
        assert!(holds_word(b"sk_live", b"sk_"));
        assert!(!holds_word(b"tokeN", b"tokens"));
        assert!(!holds_word(b"tok", b"token"));
        assert!(holds_word(b"ttoken", b"token"));
    }

    /// Every example of every built-in rule holds one of its rule's words (the words are a
    /// necessary condition of a match, so a rule whose words an example lacks would miss it).
    #[test]
    fn every_builtin_example_holds_one_of_its_rules_words() {
        let rules = crate::rules::builtin_rules_with_examples().expect("built-in rules");
        let mut with_words = 0;
        for rule in &rules {
            let hir = crate::engine::parse_regex(&rule.regex).expect("parses");
            let words = required_words_hir(&hir, &rule.keywords);
            if words.is_empty() {
                continue;
            }
            with_words += 1;
            for example in &rule.examples {
                assert!(
                    words.iter().any(|w| holds_word(example.as_bytes(), w)),
                    "rule '{}': example {example:?} holds none of {words:?}",
                    rule.id
                );
            }
        }
        assert!(with_words > 100, "only {with_words} rules have words");
    }
}
