//! The keyword prefilter: one aho-corasick automaton over every rule's keywords, matched ASCII
//! case-insensitively in a single pass over the blob. Its hits decide which rules run at all and
//! where their windows are.

use std::cell::RefCell;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::rules::Rule;

/// The automaton plus, for each pattern, the rules that listed it as a keyword.
#[derive(Debug)]
pub struct Prefilter {
    automaton: AhoCorasick,
    pattern_rules: Vec<Vec<usize>>,
    keywordless: Vec<usize>,
    rule_count: usize,
}

/// Keyword hits grouped by rule: `(start, end)` byte ranges.
#[derive(Debug, Default)]
pub struct Hits {
    per_rule: Vec<Vec<(usize, usize)>>,
    touched: Vec<usize>,
}

impl Hits {
    /// The rules that had at least one hit, in rule order, each with its hits.
    pub fn into_rules(mut self) -> Vec<(usize, Vec<(usize, usize)>)> {
        self.touched.sort_unstable();
        let mut per_rule = self.per_rule;
        self.touched
            .into_iter()
            .map(|r| (r, std::mem::take(&mut per_rule[r])))
            .collect()
    }
}

thread_local! {
    /// Each worker's lowercased copy of the blob, reused across blobs (one allocation per
    /// thread, not per file).
    static LOWERCASE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A lowercase buffer larger than this is freed after use, so one huge file does not pin its
/// size in every worker for the rest of the run.
const KEEP_BUFFER: usize = 8 * 1024 * 1024;

impl Prefilter {
    /// Builds the automaton. Keywords are deduplicated case-insensitively, so a keyword shared
    /// by several rules is matched once.
    /// Only the rules that `include` selects are in the automaton (the others are neither
    /// matched nor keywordless); rule indices stay those of `rules`.
    pub fn new(rules: &[Rule], include: impl Fn(&Rule) -> bool) -> Result<Prefilter, String> {
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_rules: Vec<Vec<usize>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut keywordless = Vec::new();
        for (ri, rule) in rules.iter().enumerate() {
            if !include(rule) {
                continue;
            }
            if rule.keywords.is_empty() && rule.file_names.is_empty() {
                keywordless.push(ri);
            }
            for kw in &rule.keywords {
                let key = kw.to_ascii_lowercase();
                let pi = *index.entry(key.clone()).or_insert_with(|| {
                    patterns.push(key);
                    pattern_rules.push(Vec::new());
                    patterns.len() - 1
                });
                if !pattern_rules[pi].contains(&ri) {
                    pattern_rules[pi].push(ri);
                }
            }
        }
        // The search below is non-overlapping (much faster than an overlapping one, and it can
        // use SIMD prefilters). A keyword found inside a longer one would then go unseen, so
        // each pattern also credits the rules of every keyword it contains.
        // Every proper substring of every pattern that could be a keyword (its first byte
        // starts one and its length is one's) is looked up in `index`: a few hundred lookups
        // where comparing every pair of patterns cost a millisecond of startup.
        let mut first_bytes = [false; 256];
        let longest = patterns.iter().map(String::len).max().unwrap_or(0);
        let mut lengths = vec![false; longest + 1];
        for p in &patterns {
            if let Some(&b) = p.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
            lengths[p.len()] = true;
        }
        let direct = pattern_rules.clone();
        for (pi, p) in patterns.iter().enumerate() {
            let bytes = p.as_bytes();
            for start in 0..bytes.len() {
                if !first_bytes[usize::from(bytes[start])] {
                    continue;
                }
                for end in start + 1..=bytes.len() {
                    if end - start == bytes.len() || !lengths[end - start] {
                        continue;
                    }
                    let Some(&qi) = std::str::from_utf8(&bytes[start..end])
                        .ok()
                        .and_then(|sub| index.get(sub))
                    else {
                        continue;
                    };
                    for &r in &direct[qi] {
                        if !pattern_rules[pi].contains(&r) {
                            pattern_rules[pi].push(r);
                        }
                    }
                }
            }
        }
        let automaton = AhoCorasick::builder()
            // Patterns are lowercase and the haystack is lowercased in `hits`: a case-
            // insensitive automaton has a byte class per case of every letter, which doubles
            // the transition table (stride 128 instead of 64) and made the keyword pass 20 %
            // slower once the crypto rules doubled the keyword count.
            .ascii_case_insensitive(false)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| format!("cannot build the keyword automaton: {e}"))?;
        Ok(Prefilter {
            automaton,
            pattern_rules,
            keywordless,
            rule_count: rules.len(),
        })
    }

    /// Rules that have no keyword and so run on every blob.
    pub fn keywordless(&self) -> &[usize] {
        &self.keywordless
    }

    /// Every keyword occurrence in `data`, grouped by rule. Leftmost-longest and
    /// non-overlapping: a keyword nested in a longer one is credited through the longer one;
    /// two keywords that only partly overlap (`ab` and `bc` in `abc`) yield the first one.
    pub fn hits(&self, data: &[u8]) -> Hits {
        LOWERCASE.with(|buffer| {
            let mut lower = buffer.borrow_mut();
            lower.clear();
            lower.extend(data.iter().map(u8::to_ascii_lowercase));
            let hits = self.hits_in_lowercase(&lower);
            if lower.capacity() > KEEP_BUFFER {
                *lower = Vec::new();
            }
            hits
        })
    }

    fn hits_in_lowercase(&self, lower: &[u8]) -> Hits {
        let mut hits = Hits::default();
        for m in self.automaton.find_iter(lower) {
            for &ri in &self.pattern_rules[m.pattern().as_usize()] {
                if hits.per_rule.is_empty() {
                    hits.per_rule = vec![Vec::new(); self.rule_count];
                }
                let list = &mut hits.per_rule[ri];
                if list.is_empty() {
                    hits.touched.push(ri);
                }
                list.push((m.start(), m.end()));
            }
        }
        hits
    }
}
