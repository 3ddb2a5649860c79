//! The keyword prefilter: one search for every rule's keywords, matched ASCII
//! case-insensitively in a single pass over the blob. Its hits decide which rules run at all and
//! where their windows are.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::Arc;

use super::keyword_filter::KeywordFilter;

use crate::rules::Rule;

/// The keyword search plus, for each keyword, the rules that listed it.
#[derive(Debug)]
pub struct Prefilter {
    filter: KeywordFilter,
    /// The rules that listed keyword `k`: `pattern_rules[rule_starts[k]..rule_starts[k + 1]]`
    /// (one list for all keywords: a `Vec` each was 2,500 allocations at every start).
    pattern_rules: Vec<u32>,
    rule_starts: Vec<u32>,
    keywordless: Vec<usize>,
}

/// The keywords of a rule set as `(keyword, rule)`, for [`Prefilter::new`]: plain data, so that
/// the scanner builder can hand it to another thread while it builds the rest.
pub type KeywordList = Vec<(Cow<'static, str>, usize)>;

/// The keyword list of the rules that `include` selects (indices stay those of `rules`), and
/// those of them that have no keyword and no file name.
pub fn keyword_list<'a>(
    rules: impl IntoIterator<Item = &'a Rule>,
    include: impl Fn(&Rule) -> bool,
) -> (KeywordList, Vec<usize>) {
    keyword_list_of(rules.into_iter().map(|rule| {
        include(rule).then(|| (rule.keywords.iter().cloned(), !rule.file_names.is_empty()))
    }))
}

/// The keyword list of a rule set's main prefilter: every rule but the companion-only ones,
/// which get one of their own (see [`crate::engine::ScannerBuilder::build`]).
pub fn main_keyword_list(rules: &[Rule]) -> (KeywordList, Vec<usize>) {
    keyword_list(rules, |r| !r.companion_only)
}

/// [`keyword_list`] of rules given as, for each rule in order, `None` when the prefilter leaves
/// it out, else its keywords and whether it has file names: the built-in rules give theirs
/// before they are made [`Rule`]s (see [`PendingPrefilter`]).
pub fn keyword_list_of<K: IntoIterator<Item = Cow<'static, str>>>(
    rules: impl IntoIterator<Item = Option<(K, bool)>>,
) -> (KeywordList, Vec<usize>) {
    let mut keywordless = Vec::new();
    let mut pairs = Vec::new();
    for (ri, rule) in rules.into_iter().enumerate() {
        let Some((keywords, has_file_names)) = rule else {
            continue;
        };
        let before = pairs.len();
        // Borrowed when already lowercase, as all built-in keywords are.
        pairs.extend(keywords.into_iter().map(|kw| {
            let kw = if kw.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(kw.to_ascii_lowercase())
            } else {
                kw
            };
            (kw, ri)
        }));
        if pairs.len() == before && !has_file_names {
            keywordless.push(ri);
        }
    }
    (pairs, keywordless)
}

/// A prefilter being built on a thread of its own. A run starts the built-in rules' prefilter
/// (a millisecond of work) before it reads its config and makes its rules, and the scanner
/// builder takes it if its rule set gives the same keyword list: start-up is on the path of
/// every run, a pre-commit hook's most of all.
#[derive(Debug)]
pub struct PendingPrefilter {
    /// The keyword list it is built from, shared with the thread that builds it: `None` for
    /// the built-in rules' (made on the thread from their compiled-in data, see
    /// [`crate::rules::builtin_keyword_list`]).
    list: Option<Arc<(KeywordList, Vec<usize>)>>,
    /// `None` when no thread could be started: built at [`PendingPrefilter::finish`].
    thread: Option<std::thread::JoinHandle<Prefilter>>,
}

impl PendingPrefilter {
    /// Starts building the prefilter of `keywords` (from [`keyword_list`]).
    pub fn start(keywords: KeywordList, keywordless: Vec<usize>) -> PendingPrefilter {
        let list = Arc::new((keywords, keywordless));
        let for_thread = Arc::clone(&list);
        PendingPrefilter {
            list: Some(list),
            thread: spawn(move || Prefilter::new(&for_thread.0, for_thread.1.clone())),
        }
    }

    /// Starts building the built-in rules' prefilter; their keyword list is made on the thread
    /// too (a quarter of a millisecond that the start-up no longer waits for).
    pub fn start_builtin() -> PendingPrefilter {
        PendingPrefilter {
            list: None,
            thread: spawn(|| {
                let (keywords, keywordless) = crate::rules::builtin_keyword_list();
                Prefilter::new(&keywords, keywordless)
            }),
        }
    }

    /// This one when it serves `rules` as their main prefilter (the keyword list of those not
    /// companion-only is the one it is built from), else one started for them (the other is
    /// left to finish unused). The built-in list is recognised by comparing the rules with the
    /// compiled-in data, without making either list.
    pub fn for_rules(self, rules: &[Rule]) -> PendingPrefilter {
        if self.list.is_none() && crate::rules::has_builtin_keywords(rules) {
            return self;
        }
        let (keywords, keywordless) = main_keyword_list(rules);
        match self.list.as_deref() {
            Some((k, kl)) if *k == keywords && *kl == keywordless => self,
            _ => PendingPrefilter::start(keywords, keywordless),
        }
    }

    /// The prefilter, once built.
    pub fn finish(self) -> Prefilter {
        match self.thread.map(|thread| thread.join()) {
            Some(Ok(prefilter)) => prefilter,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => match self.list {
                Some(list) => Prefilter::new(&list.0, list.1.clone()),
                None => {
                    let (keywords, keywordless) = crate::rules::builtin_keyword_list();
                    Prefilter::new(&keywords, keywordless)
                }
            },
        }
    }
}

/// Runs `build` on a thread of its own; `None` when none could be started (the caller then
/// builds in place).
fn spawn(
    build: impl FnOnce() -> Prefilter + Send + 'static,
) -> Option<std::thread::JoinHandle<Prefilter>> {
    std::thread::Builder::new()
        .name("keysweep-prefilter".into())
        .spawn(build)
        .ok()
}

/// The first 8 bytes of `s`, big-endian and zero-padded: compares as `s` does whenever the two
/// differ, and keywords mostly differ there, so a sort by it rarely calls `memcmp` (sorting the
/// thousands of keywords by their text was a quarter of the scanner's start-up).
fn sort_prefix(s: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    let n = s.len().min(8);
    word[..n].copy_from_slice(&s[..n]);
    u64::from_be_bytes(word)
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
        // (sort key, keyword, rule) as plain integers, sorted and grouped: no hash map of
        // strings, and the sort moves 16 bytes an item, not a string's 40.
        let mut order: Vec<(u64, u32, u32)> = keywords
            .iter()
            .enumerate()
            .map(|(i, (kw, ri))| (sort_prefix(kw.as_bytes()), i as u32, *ri as u32))
            .collect();
        order.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| keywords[a.1 as usize].0.cmp(&keywords[b.1 as usize].0))
                .then(a.2.cmp(&b.2))
        });
        let mut wanted: Vec<&str> = Vec::new();
        let mut pattern_rules: Vec<u32> = Vec::with_capacity(order.len());
        let mut rule_starts = Vec::new();
        for &(_, k, ri) in &order {
            let keyword = &*keywords[k as usize].0;
            if wanted.last() != Some(&keyword) {
                wanted.push(keyword);
                rule_starts.push(pattern_rules.len() as u32);
            } else if pattern_rules.last() == Some(&ri) {
                continue; // the same keyword twice in one rule
            }
            pattern_rules.push(ri);
        }
        rule_starts.push(pattern_rules.len() as u32);
        Prefilter {
            filter: KeywordFilter::new(&wanted),
            pattern_rules,
            rule_starts,
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

    /// Rules with these keywords each (none: a rule that runs on every blob).
    fn rules_with(keywords: &[&[&str]]) -> Vec<Rule> {
        let bodies: Vec<String> = keywords
            .iter()
            .map(|k| format!("keywords = {k:?}"))
            .collect();
        crate::rules::test_rules(&bodies)
    }

    /// A pending prefilter is used for the rules whose keyword list it was started for, and
    /// a different list (a config that disables or adds rules) gets its own.
    #[test]
    fn a_pending_prefilter_serves_only_its_own_keywords() {
        let started = list(&[("token", 0), ("secret", 1)]);
        let data = b"a token and a secret and a passwd";
        let same = PendingPrefilter::start(started.clone(), vec![2])
            .for_rules(&rules_with(&[&["TOKEN"], &["secret"], &[]]))
            .finish();
        assert_eq!(same.keywordless(), &[2]);
        assert_eq!(
            rules_hit(same, data),
            vec![(0, vec![(2, 7)]), (1, vec![(14, 20)])]
        );
        let other = PendingPrefilter::start(started, vec![2])
            .for_rules(&{
                let mut rules = rules_with(&[&["passwd"], &["secret"]]);
                rules[1].companion_only = true;
                rules
            })
            .finish();
        assert!(other.keywordless().is_empty());
        assert_eq!(rules_hit(other, data), vec![(0, vec![(27, 33)])]);
    }

    /// Keywords are matched lowercase, and a keyword a rule lists twice wakes it once.
    #[test]
    fn keyword_lists_lowercase_and_group() {
        let (keywords, keywordless) = keyword_list_of([
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
