//! The keyword prefilter: one search for every rule's keywords, matched ASCII
//! case-insensitively in a single pass over the blob. Its hits decide which rules run at all and
//! where their windows are.

use std::cell::RefCell;

use super::keyword_filter::KeywordFilter;

use crate::rules::Rule;

/// The keyword search plus, for each keyword, the rules that listed it.
#[derive(Debug)]
pub struct Prefilter {
    filter: KeywordFilter,
    /// For each keyword of the filter, the rules that listed it.
    pattern_rules: Vec<Vec<usize>>,
    keywordless: Vec<usize>,
}

/// Keyword hits, as `(rule, start, end)` in the order found; grouped by rule on the way out.
/// A flat list, not a list per rule: a blob has a handful of hits, and a table as long as the
/// rule set, allocated and dropped for every blob, cost more as rules were added.
#[derive(Debug, Default)]
pub struct Hits {
    found: Vec<(usize, usize, usize)>,
}

impl Hits {
    /// Calls `each` for every rule that had at least one hit, in rule order, with its hits in
    /// blob order. One sort and one reused list for the whole blob: a list per rule, for the
    /// dozens of rules a source file wakes, was a tenth of the allocations of a scan.
    pub fn for_each_rule(mut self, mut each: impl FnMut(usize, &[(usize, usize)])) {
        self.found.sort_unstable();
        let mut list: Vec<(usize, usize)> = Vec::new();
        let mut rest = self.found.as_slice();
        while let Some(&(rule, _, _)) = rest.first() {
            let n = rest.partition_point(|&(r, _, _)| r == rule);
            list.clear();
            list.extend(rest[..n].iter().map(|&(_, start, end)| (start, end)));
            each(rule, &list);
            rest = &rest[n..];
        }
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
    /// Builds the search. Keywords are deduplicated case-insensitively, so a keyword shared
    /// by several rules is matched once.
    /// Only the rules that `include` selects are searched for (the others are neither
    /// matched nor keywordless); rule indices stay those of `rules`.
    pub fn new(rules: &[Rule], include: impl Fn(&Rule) -> bool) -> Prefilter {
        let mut keywordless = Vec::new();
        // (keyword, rule), sorted and grouped: no hash map of strings (a thousand rules' start-up).
        // Keywords are borrowed when already lowercase (all built-in ones are).
        let mut pairs: Vec<(std::borrow::Cow<str>, usize)> = Vec::new();
        for (ri, rule) in rules.iter().enumerate() {
            if !include(rule) {
                continue;
            }
            if rule.keywords.is_empty() && rule.file_names.is_empty() {
                keywordless.push(ri);
            }
            pairs.extend(rule.keywords.iter().map(|kw| {
                let kw = if kw.bytes().any(|b| b.is_ascii_uppercase()) {
                    std::borrow::Cow::Owned(kw.to_ascii_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(&**kw)
                };
                (kw, ri)
            }));
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut wanted: Vec<String> = Vec::new();
        let mut wanted_rules: Vec<Vec<usize>> = Vec::new();
        for (keyword, ri) in pairs {
            if wanted.last().map(String::as_str) == Some(&*keyword) {
                if let Some(rules) = wanted_rules.last_mut() {
                    rules.push(ri);
                }
            } else {
                wanted.push(keyword.into_owned());
                wanted_rules.push(vec![ri]);
            }
        }
        Prefilter {
            filter: KeywordFilter::new(&wanted),
            pattern_rules: wanted_rules,
            keywordless,
        }
    }

    /// Rules that have no keyword and so run on every blob.
    pub fn keywordless(&self) -> &[usize] {
        &self.keywordless
    }

    /// Every keyword occurrence in `data`, overlapping ones included, grouped by rule.
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
        self.filter.find(lower, |pattern, start, end| {
            for &ri in &self.pattern_rules[pattern] {
                hits.found.push((ri, start, end));
            }
        });
        hits
    }
}
