//! The automaton that finds keywords: a DFA built at compile time for the built-in rules'
//! keywords (see build.rs), or an aho-corasick DFA built at startup for any other keyword set
//! (custom rules). Both find the same matches: leftmost-longest, non-overlapping, over a
//! lowercased haystack.
//!
//! Why two: building the automaton for the built-in keywords costs about 1.5 ms at every start
//! (a fifth of a pre-commit run on an empty change), loading the prebuilt one 0.1 ms, and its
//! search is as fast or faster. Building a dense DFA at run time costs far more than
//! aho-corasick's, so keyword sets not known at build time keep aho-corasick.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_automata::dfa::{dense, Automaton};
use regex_automata::{Anchored, Input};

/// Bytes aligned for a zero-copy DFA load (the layout regex-automata documents).
#[repr(C)]
pub struct Aligned<B: ?Sized> {
    _align: [u32; 0],
    bytes: B,
}

mod embedded {
    use super::Aligned;
    include!(concat!(env!("OUT_DIR"), "/embedded_keywords.rs"));
}

/// A keyword searcher over a fixed list of lowercase patterns.
#[derive(Debug)]
pub struct KeywordAutomaton {
    patterns: Vec<String>,
    search: Search,
}

#[derive(Debug)]
enum Search {
    Prebuilt(Box<dense::DFA<&'static [u32]>>),
    Built(AhoCorasick),
}

impl KeywordAutomaton {
    /// A searcher that finds at least `wanted` (lowercase, deduplicated), and for each wanted
    /// keyword its pattern index: the prebuilt one when a built-in keyword set holds them all
    /// (its other patterns then simply credit no rule), else one built now from `wanted`.
    pub fn for_keywords(wanted: &[String]) -> Result<(KeywordAutomaton, Vec<usize>), String> {
        for (keywords, sorted, dfa) in [
            (
                embedded::MAIN_KEYWORDS,
                embedded::MAIN_SORTED,
                embedded::MAIN_KEYWORD_DFA,
            ),
            (
                embedded::COMPANION_KEYWORDS,
                embedded::COMPANION_SORTED,
                embedded::COMPANION_KEYWORD_DFA,
            ),
        ] {
            let found: Option<Vec<usize>> = wanted
                .iter()
                .map(|w| {
                    sorted
                        .binary_search_by(|(k, _)| (*k).cmp(w.as_str()))
                        .ok()
                        .map(|i| sorted[i].1)
                })
                .collect();
            let Some(indices) = found else {
                continue;
            };
            // SAFETY: the bytes were written by build.rs with `DFA::to_bytes_*_endian` of the
            // same regex-automata (one version in Cargo.lock) for this target's endianness,
            // and are embedded in the binary, so nobody else can have changed them; the
            // checked load costs a third of a millisecond at every start (it validates the
            // whole transition table), and `embedded_dfas_are_valid` runs it in the tests.
            let (dfa, _) = unsafe { dense::DFA::from_bytes_unchecked(&dfa.bytes) }
                .map_err(|e| format!("the embedded keyword automaton does not load: {e}"))?;
            let automaton = KeywordAutomaton {
                patterns: keywords.iter().map(|k| (*k).to_string()).collect(),
                search: Search::Prebuilt(Box::new(dfa)),
            };
            return Ok((automaton, indices));
        }
        let automaton = KeywordAutomaton::build(wanted.to_vec())?;
        Ok((automaton, (0..wanted.len()).collect()))
    }

    /// An aho-corasick searcher built from `patterns` (lowercase).
    pub fn build(patterns: Vec<String>) -> Result<KeywordAutomaton, String> {
        let automaton = AhoCorasick::builder()
            // Patterns are lowercase and the haystack is lowercased by the caller: a case-
            // insensitive automaton has a byte class per case of every letter, which doubles
            // the transition table (stride 128 instead of 64) and made the keyword pass 20 %
            // slower once the crypto rules doubled the keyword count.
            .ascii_case_insensitive(false)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| format!("cannot build the keyword automaton: {e}"))?;
        Ok(KeywordAutomaton {
            patterns,
            search: Search::Built(automaton),
        })
    }

    /// The patterns, indexed as the matches of [`KeywordAutomaton::find`] index them.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// Calls `found(pattern, start, end)` for every match in `lower`, left to right.
    pub fn find(&self, lower: &[u8], mut found: impl FnMut(usize, usize, usize)) {
        match &self.search {
            Search::Built(automaton) => {
                for m in automaton.find_iter(lower) {
                    found(m.pattern().as_usize(), m.start(), m.end());
                }
            }
            Search::Prebuilt(dfa) => {
                let mut at = 0;
                while at < lower.len() {
                    let input = Input::new(lower).range(at..).anchored(Anchored::No);
                    // The DFA has no quit bytes and no Unicode word boundaries, the only
                    // causes of a search error: it cannot fail.
                    let Ok(Some(m)) = dfa.try_search_fwd(&input) else {
                        break;
                    };
                    let pattern = m.pattern().as_usize();
                    let end = m.offset();
                    let start = end.saturating_sub(self.patterns[pattern].len());
                    found(pattern, start, end);
                    at = end.max(at + 1);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(automaton: &KeywordAutomaton, hay: &[u8]) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        automaton.find(hay, |p, s, e| {
            out.push((automaton.patterns()[p].clone(), s, e))
        });
        out
    }

    /// The prebuilt DFA and aho-corasick built from the same keywords agree on text made of
    /// keyword pieces, overlaps and near-misses.
    #[test]
    fn prebuilt_and_built_find_the_same_matches() {
        for keywords in [embedded::MAIN_KEYWORDS, embedded::COMPANION_KEYWORDS] {
            let wanted: Vec<String> = keywords.iter().map(|k| k.to_string()).collect();
            let (prebuilt, indices) = KeywordAutomaton::for_keywords(&wanted).expect("loads");
            for (w, i) in wanted.iter().zip(indices) {
                assert_eq!(&prebuilt.patterns()[i], w);
            }
            assert!(matches!(prebuilt.search, Search::Prebuilt(_)));
            let built = KeywordAutomaton::build(wanted.clone()).expect("builds");
            // A deterministic mix: whole keywords, halves, joined pairs, separators.
            let mut hay = Vec::new();
            let mut state = 0x9e37_79b9_u32;
            for _ in 0..20_000 {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                let k = wanted[state as usize % wanted.len()].as_bytes();
                match state >> 29 {
                    0 => hay.extend_from_slice(&k[..k.len() / 2]),
                    1 => hay.extend_from_slice(&k[k.len() / 2..]),
                    2 => hay.push(b' '),
                    _ => hay.extend_from_slice(k),
                }
            }
            assert_eq!(all(&prebuilt, &hay), all(&built, &hay));
            assert!(!all(&prebuilt, &hay).is_empty());
        }
    }

    /// The checked load of every embedded DFA (the scanner uses the unchecked one).
    #[test]
    fn embedded_dfas_are_valid() {
        for dfa in [embedded::MAIN_KEYWORD_DFA, embedded::COMPANION_KEYWORD_DFA] {
            dense::DFA::from_bytes(&dfa.bytes).expect("valid DFA");
        }
    }

    #[test]
    fn keywords_outside_the_builtin_sets_get_a_built_automaton() {
        let wanted = vec!["zz-not-a-builtin-keyword".to_string()];
        let (automaton, indices) = KeywordAutomaton::for_keywords(&wanted).expect("builds");
        assert_eq!(indices, vec![0]);
        assert!(matches!(automaton.search, Search::Built(_)));
        assert_eq!(
            all(&automaton, b"x zz-not-a-builtin-keyword y"),
            vec![("zz-not-a-builtin-keyword".to_string(), 2, 26)]
        );
    }
}
