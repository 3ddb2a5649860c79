//! Which rules run over a whole file because of its name: the rules' `file_names` globs
//! (`id.json`, `*.pgpass`, `*keypair*.json`), matched against a file's last path component,
//! ignoring case.
//!
//! Every file's name is tested, so the test is cheap where it can be: each glob's literal tail
//! (`.json` of `*keypair*.json`) must end the name, and the tails are looked up by their last
//! byte. The globs are matched by `globset`, one set per tail, built the first time a name ends
//! in that tail: a set compiles a regex, and one set of every glob took half a millisecond to
//! build for the first `.json` or `.txt` file of any repository, with the other worker waiting
//! for it.

use std::sync::OnceLock;

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};

use crate::error::ConfigError;
use crate::rules::Rule;

/// The rules' file-name globs, grouped by literal tail (see the module documentation).
#[derive(Debug)]
pub struct FileNameRules {
    /// The groups whose tail ends in byte `b` (lowercase): `by_last[b]`.
    by_last: Vec<Vec<TailGroup>>,
    /// Globs that end in a wildcard (no tail): tried on every name.
    anywhere: Option<TailGroup>,
    /// No rule has file names (asked for every blob: not the 256 lists each time).
    empty: bool,
}

/// Globs that share a literal tail.
#[derive(Debug)]
struct TailGroup {
    /// Lowercase; empty for the group tried on every name.
    tail: String,
    globs: Vec<Glob>,
    /// Each glob's rule.
    rules: Vec<usize>,
    /// `globs` as a set, on first use; `None` if it cannot be built: every glob then counts as
    /// matching (a slower scan, not a partial one).
    set: OnceLock<Option<GlobSet>>,
}

impl TailGroup {
    fn new(tail: String) -> TailGroup {
        TailGroup {
            tail,
            globs: Vec::new(),
            rules: Vec::new(),
            set: OnceLock::new(),
        }
    }

    fn add_matches(&self, name: &str, out: &mut Vec<usize>) {
        let set = self.set.get_or_init(|| {
            let mut set = GlobSetBuilder::new();
            for glob in &self.globs {
                set.add(glob.clone());
            }
            set.build().ok()
        });
        match set {
            Some(set) => out.extend(set.matches(name).into_iter().map(|g| self.rules[g])),
            None => out.extend_from_slice(&self.rules),
        }
    }
}

impl FileNameRules {
    /// Compiles the `file_names` globs of `rules` (indices stay those of `rules`).
    pub fn new(rules: &[Rule]) -> Result<FileNameRules, ConfigError> {
        let mut by_last: Vec<Vec<TailGroup>> = (0..256).map(|_| Vec::new()).collect();
        let mut anywhere: Option<TailGroup> = None;
        for (index, rule) in rules.iter().enumerate() {
            for pattern in &rule.file_names {
                let glob = GlobBuilder::new(pattern)
                    .case_insensitive(true)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| ConfigError::Invalid {
                        location: rule.source_file.to_string(),
                        message: format!("rule '{}': file_names: {e}", rule.id),
                    })?;
                let tail = pattern
                    .rsplit(['*', '?', ']', '}'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let group = match tail.as_bytes().last() {
                    None => anywhere.get_or_insert_with(|| TailGroup::new(String::new())),
                    Some(&last) => {
                        let groups = &mut by_last[usize::from(last)];
                        match groups.iter().position(|g| g.tail == tail) {
                            Some(i) => &mut groups[i],
                            None => {
                                groups.push(TailGroup::new(tail));
                                groups
                                    .last_mut()
                                    .unwrap_or_else(|| unreachable!("just pushed"))
                            }
                        }
                    }
                };
                group.globs.push(glob);
                group.rules.push(index);
            }
        }
        let empty = anywhere.is_none() && by_last.iter().all(Vec::is_empty);
        Ok(FileNameRules {
            by_last,
            anywhere,
            empty,
        })
    }

    /// No rule has file names.
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// The rules with a glob that matches `name` (a file's last path component), in rule
    /// order, each once.
    pub fn matching(&self, name: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some(&last) = name.as_bytes().last() {
            for group in &self.by_last[usize::from(last.to_ascii_lowercase())] {
                if ends_with_ignore_case(name, &group.tail) {
                    group.add_matches(name, &mut out);
                }
            }
        }
        if let Some(group) = &self.anywhere {
            group.add_matches(name, &mut out);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// `name` ends in `tail` (lowercase), ignoring ASCII case; no allocation (it runs per file).
fn ends_with_ignore_case(name: &str, tail: &str) -> bool {
    name.len() >= tail.len()
        && name.as_bytes()[name.len() - tail.len()..].eq_ignore_ascii_case(tail.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(file_names: &[&[&str]]) -> Vec<Rule> {
        let bodies: Vec<String> = file_names
            .iter()
            .map(|names| format!("keywords = []\nfile_names = {names:?}"))
            .collect();
        crate::rules::test_rules(&bodies)
    }

    #[test]
    fn names_match_their_rules_ignoring_case() {
        let set = FileNameRules::new(&rules(&[
            &["id.json", "*keypair*.json"],
            &[".git-credentials", "*.git-credentials"],
            &["*.tfvars", "*.tfvars.json"],
            &[],
        ]))
        .expect("globs compile");
        assert!(!set.is_empty());
        // `id.json` (a glob without wildcards is all tail), `.json` and `.tfvars.json`.
        assert_eq!(set.by_last[usize::from(b'n')].len(), 3);
        assert_eq!(set.matching("ID.JSON"), [0]);
        assert_eq!(set.matching("my-keypair-1.json"), [0]);
        assert_eq!(set.matching("other.json"), Vec::<usize>::new());
        assert_eq!(set.matching(".git-credentials"), [1]);
        assert_eq!(set.matching("prod.tfvars.json"), [2]);
        assert_eq!(set.matching("main.rs"), Vec::<usize>::new());
        assert_eq!(set.matching(""), Vec::<usize>::new());
    }

    #[test]
    fn a_glob_ending_in_a_wildcard_is_tried_on_every_name() {
        let set = FileNameRules::new(&rules(&[&["mnemonic*"], &["*.key"]])).expect("globs");
        assert_eq!(set.matching("mnemonic.backup"), [0]);
        assert_eq!(set.matching("master.KEY"), [1]);
        assert_eq!(set.matching("main.rs"), Vec::<usize>::new());
        assert!(FileNameRules::new(&rules(&[&[]]))
            .expect("no globs")
            .is_empty());
    }

    #[test]
    fn a_bad_glob_names_its_rule() {
        // Rule checks reject it when a rule file is read; a rule made in code meets it here.
        let mut bad = rules(&[&["x"]]);
        bad[0].file_names = vec!["a[b".into()];
        let err = FileNameRules::new(&bad).expect_err("unclosed class");
        assert!(err.to_string().contains("rule 'r0': file_names"), "{err}");
    }
}
