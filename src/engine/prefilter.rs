//! The keyword prefilter: one search for every rule's keywords, matched ASCII
//! case-insensitively in a single pass over the blob. Its hits decide which rules run at all and
//! where their windows are.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::Arc;

use super::keyword_filter::{Entry, KeywordFilter, StaticTables};

use crate::rules::Rule;

/// The keyword search plus, for each keyword, the rules that listed it.
#[derive(Debug)]
pub struct Prefilter {
    filter: KeywordFilter,
    /// The rules that listed keyword `k`: `pattern_rules[rule_starts[k]..rule_starts[k + 1]]`
    /// (see [`keyword_groups`](super::keyword_groups)).
    pattern_rules: Cow<'static, [u32]>,
    rule_starts: Cow<'static, [u32]>,
    keywordless: Cow<'static, [usize]>,
}

/// Which of the built-in rules' two prefilters (see [`Prefilter::builtin`]).
#[derive(Debug, Clone, Copy)]
pub enum Companions {
    /// The main one: every rule but the companion-only ones.
    Left,
    /// The companion-only rules' own.
    Only,
}

// The built-in rules' two prefilters, built by build.rs with this module's code (see
// `Prefilter::builtin`): `MAIN_*`, `COMPANION_*` and their `*_tables()`.
include!(concat!(env!("OUT_DIR"), "/builtin_prefilters.rs"));

pub use super::keyword_groups::KeywordList;

/// The keyword list of the rules that `include` selects (indices stay those of `rules`), and
/// those of them that have no keyword and no file name.
pub fn keyword_list<'a>(
    rules: impl IntoIterator<Item = &'a Rule>,
    include: impl Fn(&Rule) -> bool,
) -> (KeywordList, Vec<usize>) {
    super::keyword_groups::keyword_list_of(rules.into_iter().map(|rule| {
        include(rule).then(|| (rule.keywords.iter().cloned(), !rule.file_names.is_empty()))
    }))
}

/// The keyword list of a rule set's main prefilter: every rule but the companion-only ones,
/// which get one of their own (see [`crate::engine::ScannerBuilder::build`]).
pub fn main_keyword_list(rules: &[Rule]) -> (KeywordList, Vec<usize>) {
    keyword_list(rules, |r| !r.companion_only)
}

/// A prefilter being built on a thread of its own, for a rule set that is not the built-in one
/// (whose prefilters are compiled in): the scanner builder checks and prepares the rules while
/// it is built.
#[derive(Debug)]
pub struct PendingPrefilter {
    /// `Err` (the list, shared with the closure that was not run) when no thread could be
    /// started: built at [`PendingPrefilter::finish`].
    thread: Result<std::thread::JoinHandle<Prefilter>, Arc<(KeywordList, Vec<usize>)>>,
}

impl PendingPrefilter {
    /// Starts building the prefilter of `keywords` (from [`keyword_list`]).
    pub fn start(keywords: KeywordList, keywordless: Vec<usize>) -> PendingPrefilter {
        let list = Arc::new((keywords, keywordless));
        let for_thread = Arc::clone(&list);
        let thread = std::thread::Builder::new()
            .name("keysweep-prefilter".into())
            .spawn(move || Prefilter::new(&for_thread.0, for_thread.1.clone()));
        PendingPrefilter {
            thread: thread.map_err(|_| list),
        }
    }

    /// The prefilter, once built.
    pub fn finish(self) -> Prefilter {
        match self.thread {
            Ok(thread) => match thread.join() {
                Ok(prefilter) => prefilter,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(list) => Prefilter::new(&list.0, list.1.clone()),
        }
    }
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
    ///
    /// Many hits (a file full of URLs wakes a rule for each `://`) are grouped by a counting
    /// sort on the rule, which keeps each rule's hits in the order found: comparison-sorting
    /// the tens of thousands of hits of the cargo tree was a twentieth of the rule pack's cost.
    pub fn for_each_rule(mut self, mut each: impl FnMut(usize, &[(usize, usize)])) {
        if self.found.len() <= COUNTING_SORT_FROM {
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
            return;
        }
        // Taken out while `each` runs, which may scan (and so group) again.
        let mut counts = RULE_COUNTS.with(|c| std::mem::take(&mut *c.borrow_mut()));
        let mut rules = Vec::new();
        for &(rule, _, _) in &self.found {
            if rule >= counts.len() {
                counts.resize(rule + 1, 0);
            }
            if counts[rule] == 0 {
                rules.push(rule);
            }
            counts[rule] += 1;
        }
        rules.sort_unstable();
        // Each rule's count becomes where its group starts, then, as its hits are placed,
        // where it ends.
        let mut next = 0;
        for &rule in &rules {
            next += std::mem::replace(&mut counts[rule], next);
        }
        let mut grouped = vec![(0, 0); self.found.len()];
        for &(rule, start, end) in &self.found {
            grouped[counts[rule]] = (start, end);
            counts[rule] += 1;
        }
        let mut group_start = 0;
        for &rule in &rules {
            let group_end = std::mem::take(&mut counts[rule]);
            let group = &mut grouped[group_start..group_end];
            // Found in order of where they end: overlapping keywords of one rule may start
            // out of order.
            if !group.is_sorted() {
                group.sort_unstable();
            }
            each(rule, group);
            group_start = group_end;
        }
        RULE_COUNTS.with(|c| *c.borrow_mut() = counts);
    }
}

/// Below this many hits a blob's hits are grouped by a plain sort (see
/// [`Hits::for_each_rule`]).
const COUNTING_SORT_FROM: usize = 64;

thread_local! {
    /// Each worker's hit count by rule for [`Hits::for_each_rule`], all zero between blobs.
    static RULE_COUNTS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    /// Each worker's lowercased copy of the blob, reused across blobs (one allocation per
    /// thread, not per file).
    static LOWERCASE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A lowercase buffer larger than this is freed after use, so one huge file does not pin its
/// size in every worker for the rest of the run.
const KEEP_BUFFER: usize = 8 * 1024 * 1024;

impl Prefilter {
    /// Builds the search over `keywords` (from [`keyword_list`]). Keywords are deduplicated, so
    /// a keyword shared by several rules is matched once.
    pub fn new(keywords: &KeywordList, keywordless: Vec<usize>) -> Prefilter {
        let groups = super::keyword_groups::group_keywords(keywords);
        Prefilter {
            filter: KeywordFilter::new(&groups.keywords),
            pattern_rules: Cow::Owned(groups.pattern_rules),
            rule_starts: Cow::Owned(groups.rule_starts),
            keywordless: Cow::Owned(keywordless),
        }
    }

    /// One of the built-in rules' two prefilters, compiled in: build.rs builds them from the
    /// rule files with [`keyword_groups`](super::keyword_groups) and [`KeywordFilter`], as
    /// [`Prefilter::new`] builds one from [`keyword_list`] (a test compares them). Building the
    /// main one was a millisecond of every start, on a thread the start-up then waited for.
    pub fn builtin(which: Companions) -> Prefilter {
        let (tables, pattern_rules, rule_starts, keywordless): (
            StaticTables,
            &'static [u32],
            &'static [u32],
            &'static [usize],
        ) = match which {
            Companions::Left => (
                main_tables(),
                &MAIN_PATTERN_RULES,
                &MAIN_RULE_STARTS,
                &MAIN_KEYWORDLESS,
            ),
            Companions::Only => (
                companion_tables(),
                &COMPANION_PATTERN_RULES,
                &COMPANION_RULE_STARTS,
                &COMPANION_KEYWORDLESS,
            ),
        };
        Prefilter {
            filter: KeywordFilter::from_static(tables),
            pattern_rules: Cow::Borrowed(pattern_rules),
            rule_starts: Cow::Borrowed(rule_starts),
            keywordless: Cow::Borrowed(keywordless),
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
            let rules = self.rule_starts[pattern] as usize..self.rule_starts[pattern + 1] as usize;
            for &ri in &self.pattern_rules[rules] {
                hits.found.push((ri as usize, start, end));
            }
        });
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(keywords: &[(&'static str, usize)]) -> KeywordList {
        keywords
            .iter()
            .map(|&(k, r)| (Cow::Borrowed(k), r))
            .collect()
    }

    fn rules_hit(prefilter: Prefilter, data: &[u8]) -> Vec<(usize, Vec<(usize, usize)>)> {
        let mut out = Vec::new();
        prefilter
            .hits(data)
            .for_each_rule(|rule, hits| out.push((rule, hits.to_vec())));
        out
    }

    /// Many hits are grouped by rule, in rule order, each rule's in blob order (overlapping
    /// hits that were found out of order included), as few hits are.
    #[test]
    fn many_hits_group_as_few_do() {
        for n in [3, COUNTING_SORT_FROM, COUNTING_SORT_FROM + 1, 1000] {
            let mut found = Vec::new();
            for i in 0..n {
                let rule = (i * 7919) % 13 * 3;
                // Every fifth hit after a longer one that starts earlier and ends with it.
                if i % 5 == 0 {
                    found.push((rule, 10 * i + 2, 10 * i + 6));
                    found.push((rule, 10 * i, 10 * i + 6));
                } else {
                    found.push((rule, 10 * i, 10 * i + 4));
                }
            }
            let mut expected: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
            let mut sorted = found.clone();
            sorted.sort_unstable();
            for (rule, start, end) in sorted {
                match expected.last_mut() {
                    Some((r, hits)) if *r == rule => hits.push((start, end)),
                    _ => expected.push((rule, vec![(start, end)])),
                }
            }
            let mut got = Vec::new();
            Hits { found }.for_each_rule(|rule, hits| got.push((rule, hits.to_vec())));
            assert_eq!(got, expected, "{n} hits");
        }
    }

    fn same(a: &Prefilter, b: &Prefilter) -> bool {
        a.filter.same_tables(&b.filter)
            && a.pattern_rules == b.pattern_rules
            && a.rule_starts == b.rule_starts
            && a.keywordless == b.keywordless
    }

    /// The compiled-in prefilters are the ones the built-in rules' keyword lists give, as the
    /// scanner builder would build them (build.rs built them from the rule files).
    #[test]
    fn compiled_in_prefilters_are_those_of_the_builtin_rules() {
        let rules = crate::rules::builtin_rules().expect("built-in rules");
        let (keywords, keywordless) = main_keyword_list(&rules);
        assert!(same(
            &Prefilter::builtin(Companions::Left),
            &Prefilter::new(&keywords, keywordless)
        ));
        let (keywords, keywordless) = keyword_list(&rules, |r| r.companion_only);
        assert!(!keywords.is_empty());
        assert!(same(
            &Prefilter::builtin(Companions::Only),
            &Prefilter::new(&keywords, keywordless)
        ));
    }

    /// A prefilter built on a thread is the one built in place, and finds the same hits.
    #[test]
    fn a_pending_prefilter_is_the_one_built_in_place() {
        let keywords = list(&[("token", 0), ("secret", 1), ("a", 3)]);
        let built = PendingPrefilter::start(keywords.clone(), vec![2]).finish();
        assert!(same(&built, &Prefilter::new(&keywords, vec![2])));
        assert_eq!(built.keywordless(), &[2]);
        assert_eq!(
            rules_hit(built, b"a token, a secret"),
            vec![
                (0, vec![(2, 7)]),
                (1, vec![(11, 17)]),
                (3, vec![(0, 1), (9, 10)])
            ]
        );
    }

    /// Keywords are matched lowercase, and a keyword a rule lists twice wakes it once.
    #[test]
    fn keyword_lists_lowercase_and_group() {
        let (keywords, keywordless) = super::super::keyword_groups::keyword_list_of([
            Some((
                vec![Cow::Borrowed("API_KEY"), Cow::Borrowed("api_key")],
                false,
            )),
            None,
            Some((vec![], true)),
            Some((vec![], false)),
        ]);
        assert_eq!(keywordless, vec![3]);
        let prefilter = Prefilter::new(&keywords, keywordless);
        assert_eq!(
            rules_hit(prefilter, b"x API_KEY=1"),
            vec![(0, vec![(2, 9)])]
        );
    }
}
