//! Words one of which every match of a rule's regex holds, read from the parsed regex: the
//! `token`, `secret`, `auth` of `github[\w.-]{0,16}?(?:token|secret|auth…)`, the `sk_` of a
//! checkout.com key after its `checkout` name. A window (around a keyword hit) that holds none
//! of them cannot match, and is skipped before the rule's regex is compiled for it: most rules
//! that common keywords wake (`curl`, `github`, `travis`, `checkout`) never match in a tree,
//! and compiling each took 50-180 µs (the engine looks for them with a `word_set::WordSet`).
//! With the words comes how far into a match one of them ends at most (the `github` and the
//! sixteen name bytes before the `token`): for a rule whose matches start at its keyword hits,
//! only that span after each hit need hold one, not the hit's whole line.
//! Shared, by `#[path]`, with build.rs, which reads them for the built-in rules at build time.
//! Only `regex-syntax` and `memchr`.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Shorter words pass almost everywhere.
const MIN_WORD: usize = 3;

/// More words cost more to look for than the check saves.
const MAX_WORDS: usize = 16;

/// Words one of which every match of a regex holds (see [`required_words_hir`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequiredWords {
    /// Lowercase, matched as ASCII case-insensitive text; empty when there is no useful set.
    pub words: Vec<String>,
    /// Every match holds one of the words ending at most this many bytes after its start;
    /// `None` when that is unbounded (a word after a `.*` or a `\s+`).
    pub reach: Option<usize>,
}

/// A set of words one of which every match of a part of a regex holds, and how far into the
/// part's match one ends at most.
#[derive(Debug, Clone)]
struct Candidate {
    words: Vec<Vec<u8>>,
    reach: Option<usize>,
}

/// The words one of which (as ASCII case-insensitive text) every match of `hir` holds. A set of
/// which every one of the rule's `keywords` holds a word is no use (a window holds a keyword),
/// and of the sets the regex gives the best (see [`score`]) is taken.
pub fn required_words_hir<K: AsRef<str>>(hir: &Hir, keywords: &[K]) -> RequiredWords {
    let keywords: Vec<String> = keywords
        .iter()
        .map(|k| k.as_ref().to_ascii_lowercase())
        .collect();
    let held_by =
        |keyword: &String, word: &Vec<u8>| memchr::memmem::find(keyword.as_bytes(), word).is_some();
    // Printable ASCII only: build.rs stores the built-in rules' words as text.
    let useful = |set: &Candidate| {
        set.words
            .iter()
            .all(|w| w.iter().all(|b| b.is_ascii_graphic() || *b == b' '))
            && !keywords
                .iter()
                .all(|k| set.words.iter().any(|w| held_by(k, w)))
    };
    let mut candidates = Vec::new();
    push_sets(hir, &mut candidates);
    match candidates
        .into_iter()
        .filter(useful)
        .max_by_key(|set| score(&set.words))
    {
        Some(best) => RequiredWords {
            words: best
                .words
                .iter()
                .map(|w| String::from_utf8_lossy(w).into_owned())
                .collect(),
            reach: best.reach,
        },
        None => RequiredWords::default(),
    }
}

/// How good a set is: the longer its shortest word, the fewer the windows that hold one by
/// chance; then the fewer its words, the cheaper the search.
fn score(set: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(set.len()))
}

/// Adds to `out` every word set that `hir` requires: each one alone is a valid answer. Their
/// reaches count from the start of `hir`'s match.
fn push_sets(hir: &Hir, out: &mut Vec<Candidate>) {
    match hir.kind() {
        HirKind::Concat(subs) => {
            // Literal bytes next to each other (looks between them are zero-width) are one
            // word; every part of a concatenation is required, so are its parts' sets. A
            // part starts at most `before` bytes into the match: the longest the parts
            // before it can be.
            let mut run: Vec<u8> = Vec::new();
            let mut run_start: Option<usize> = Some(0);
            let mut before: Option<usize> = Some(0);
            let end_run = |run: &mut Vec<u8>, start: Option<usize>, out: &mut Vec<Candidate>| {
                if run.len() >= MIN_WORD {
                    let reach = start.map(|s| s + run.len());
                    out.push(Candidate {
                        words: vec![std::mem::take(run)],
                        reach,
                    });
                }
                run.clear();
            };
            for sub in subs {
                if let Some(bytes) = literal_bytes(sub) {
                    if run.is_empty() {
                        run_start = before;
                    }
                    run.extend(bytes);
                } else if !matches!(sub.kind(), HirKind::Look(_) | HirKind::Empty) {
                    end_run(&mut run, run_start, out);
                    let mut inner = Vec::new();
                    push_sets(sub, &mut inner);
                    out.extend(inner.into_iter().map(|set| Candidate {
                        reach: before.zip(set.reach).map(|(b, r)| b + r),
                        ..set
                    }));
                }
                before = before
                    .zip(sub.properties().maximum_len())
                    .map(|(b, n)| b + n);
            }
            end_run(&mut run, run_start, out);
        }
        HirKind::Alternation(alts) => {
            // The union of one set from each branch; none when a branch has none.
            let mut union: Vec<Vec<u8>> = Vec::new();
            let mut reach = Some(0);
            for alt in alts {
                let mut inner = Vec::new();
                push_sets(alt, &mut inner);
                let Some(best) = inner.into_iter().max_by_key(|set| score(&set.words)) else {
                    return;
                };
                reach = reach.zip(best.reach).map(|(a, b)| a.max(b));
                for word in best.words {
                    if !union.contains(&word) {
                        union.push(word);
                    }
                }
            }
            if union.len() <= MAX_WORDS {
                out.push(Candidate {
                    words: union,
                    reach,
                });
            }
        }
        HirKind::Capture(c) => push_sets(&c.sub, out),
        // The first repetition starts where the repetition does.
        HirKind::Repetition(r) if r.min >= 1 => push_sets(&r.sub, out),
        HirKind::Literal(_) | HirKind::Class(_) => {
            if let Some(bytes) = literal_bytes(hir).filter(|b| b.len() >= MIN_WORD) {
                out.push(Candidate {
                    reach: Some(bytes.len()),
                    words: vec![bytes],
                });
            }
        }
        HirKind::Repetition(_) | HirKind::Look(_) | HirKind::Empty => {}
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
    use crate::engine::word_set::WordSet;

    fn words(pattern: &str, keywords: &[&str]) -> Vec<String> {
        let hir = crate::engine::parse_regex(pattern).expect("parses");
        let mut words = required_words_hir(&hir, keywords).words;
        words.sort();
        words
    }

    fn reach(pattern: &str, keywords: &[&str]) -> Option<usize> {
        let hir = crate::engine::parse_regex(pattern).expect("parses");
        required_words_hir(&hir, keywords).reach
    }

    /// How far into a match a word ends: the longest the parts before it can be, plus the
    /// longest word of the set.
    #[test]
    fn reach_counts_the_longest_text_before_a_word() {
        let github =
            r"(?i:github[\w.-]{0,16}?(?:token|secret|auth(?:[_.-]|\b)))\s*=\s*([0-9a-f]{40})";
        assert_eq!(reach(github, &["github"]), Some(6 + 16 + 6));
        assert_eq!(
            reach(r"\b(?:x|yy)=(?:ab)?(?:tokens|pass)", &["="]),
            Some(2 + 1 + 2 + 6)
        );
        assert_eq!(reach(r"(?:key|id)\s*=\s*(?:token|secret)", &["="]), None);
        assert_eq!(reach(r"\s+sk_[a-z]{20}", &["x"]), None);
        assert_eq!(reach(r"(?:ab|abc)(?:sk_){2,}", &["x"]), Some(3 + 3));
        assert_eq!(reach(r"x{0,3}([a-z]{20})", &["x"]), None);
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

    /// The engine looks for the words with a [`WordSet`], ignoring ASCII case.
    #[test]
    fn words_are_found_ignoring_case() {
        let found = |text: &[u8], word: &str| WordSet::new(&[word]).found_in(text);
        assert!(found(b"x GitHub_TOKEN = y", "token"));
        assert!(found(b"sk_live", "sk_"));
        assert!(!found(b"tokeN", "tokens"));
        assert!(!found(b"tok", "token"));
        assert!(found(b"ttoken", "token"));
    }

    /// Every example of every built-in rule holds one of its rule's words (the words are a
    /// necessary condition of a match, so a rule whose words an example lacks would miss it),
    /// and every match in it holds one within its reach.
    #[test]
    fn every_builtin_example_holds_one_of_its_rules_words() {
        let rules = crate::rules::builtin_rules_with_examples().expect("built-in rules");
        let (mut with_words, mut with_reach) = (0, 0);
        for rule in &rules {
            let hir = crate::engine::parse_regex(&rule.regex).expect("parses");
            let RequiredWords { words, reach } = required_words_hir(&hir, &rule.keywords);
            if words.is_empty() {
                continue;
            }
            with_words += 1;
            let set = WordSet::new(&words);
            let regex = regex::bytes::Regex::new(&rule.regex).expect("compiles");
            for example in &rule.examples {
                let text = example.as_bytes();
                assert!(
                    set.found_in(text),
                    "rule '{}': example {example:?} holds none of {words:?}",
                    rule.id
                );
                let Some(reach) = reach else { continue };
                with_reach += 1;
                for m in regex.find_iter(text) {
                    let span = &text[m.start()..(m.start() + reach).min(text.len())];
                    assert!(
                        set.found_in(span),
                        "rule '{}': the match {:?} holds none of {words:?} in its first {reach} \
                         bytes",
                        rule.id,
                        String::from_utf8_lossy(m.as_bytes())
                    );
                }
            }
        }
        assert!(with_words > 100, "only {with_words} rules have words");
        assert!(with_reach > 100, "only {with_reach} examples have a reach");
    }
}
