//! A rule set's `(keyword, rule)` pairs grouped into the distinct keywords the prefilter searches
//! for and, for each, the rules that listed it. Plain functions on plain data (std only): the
//! prefilter groups a custom rule set's keywords at run time, and build.rs groups the built-in
//! rules' keywords with the same code when it builds their prefilter ahead of time.

use std::borrow::Cow;

/// The keywords of a rule set as `(keyword, rule)`, for `Prefilter::new`: plain data, so that
/// the scanner builder can hand it to another thread while it builds the rest.
pub type KeywordList = Vec<(Cow<'static, str>, usize)>;

/// The keyword list (see `prefilter::keyword_list`) of rules given as, for each rule in order,
/// `None` when the prefilter leaves it out, else its keywords and whether it has file names;
/// with the indices of those that have neither. build.rs makes the built-in rules' lists with
/// it too.
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

/// Distinct keywords, sorted, and the rules of keyword `k`:
/// `pattern_rules[rule_starts[k]..rule_starts[k + 1]]` (one list for all keywords: a `Vec` each
/// was 2,500 allocations at every start).
#[derive(Debug)]
pub struct KeywordGroups<'a> {
    pub keywords: Vec<&'a str>,
    pub pattern_rules: Vec<u32>,
    pub rule_starts: Vec<u32>,
}

/// Groups `pairs` of (keyword, rule index); a keyword listed twice by one rule counts once.
pub fn group_keywords<K: AsRef<str>>(pairs: &[(K, usize)]) -> KeywordGroups<'_> {
    // (sort key, keyword, rule) as plain integers, sorted and grouped: no hash map of strings,
    // and the sort moves 16 bytes an item, not a string's 40.
    let mut order: Vec<(u64, u32, u32)> = pairs
        .iter()
        .enumerate()
        .map(|(i, (kw, ri))| (sort_prefix(kw.as_ref().as_bytes()), i as u32, *ri as u32))
        .collect();
    order.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| {
                pairs[a.1 as usize]
                    .0
                    .as_ref()
                    .cmp(pairs[b.1 as usize].0.as_ref())
            })
            .then(a.2.cmp(&b.2))
    });
    let mut keywords: Vec<&str> = Vec::new();
    let mut pattern_rules: Vec<u32> = Vec::with_capacity(order.len());
    let mut rule_starts = Vec::new();
    for &(_, k, ri) in &order {
        let keyword = pairs[k as usize].0.as_ref();
        if keywords.last() != Some(&keyword) {
            keywords.push(keyword);
            rule_starts.push(pattern_rules.len() as u32);
        } else if pattern_rules.last() == Some(&ri) {
            continue; // the same keyword twice in one rule
        }
        pattern_rules.push(ri);
    }
    rule_starts.push(pattern_rules.len() as u32);
    KeywordGroups {
        keywords,
        pattern_rules,
        rule_starts,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_sorted_and_each_lists_its_rules_once() {
        let pairs = [
            ("token", 2),
            ("api_key", 0),
            ("token", 0),
            ("token", 2),
            ("a", 1),
        ];
        let g = group_keywords(&pairs);
        assert_eq!(g.keywords, ["a", "api_key", "token"]);
        let rules: Vec<&[u32]> = (0..g.keywords.len())
            .map(|k| &g.pattern_rules[g.rule_starts[k] as usize..g.rule_starts[k + 1] as usize])
            .collect();
        assert_eq!(rules, [&[1][..], &[0], &[0, 2]]);
    }
}
