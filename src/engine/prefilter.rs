//! The keyword prefilter: one aho-corasick automaton over every rule's keywords, matched ASCII
//! case-insensitively in a single pass over the blob. Its hits decide which rules run at all and
//! where their windows are.

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

impl Prefilter {
    /// Builds the automaton. Keywords are deduplicated case-insensitively, so a keyword shared
    /// by several rules is matched once.
    pub fn new(rules: &[Rule]) -> Result<Prefilter, String> {
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_rules: Vec<Vec<usize>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut keywordless = Vec::new();
        for (ri, rule) in rules.iter().enumerate() {
            if rule.keywords.is_empty() {
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
        let direct = pattern_rules.clone();
        for (pi, p) in patterns.iter().enumerate() {
            for (qi, q) in patterns.iter().enumerate() {
                if pi != qi
                    && q.len() < p.len()
                    && memchr::memmem::find(p.as_bytes(), q.as_bytes()).is_some()
                {
                    for &r in &direct[qi] {
                        if !pattern_rules[pi].contains(&r) {
                            pattern_rules[pi].push(r);
                        }
                    }
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
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
        let mut hits = Hits::default();
        for m in self.automaton.find_iter(data) {
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
