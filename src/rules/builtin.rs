//! The built-in rules as compiled-in data. build.rs parses `rules/*.toml` (checking keys, types
//! and regex syntax) and writes each rule as a [`BuiltinRule`] literal, so a scan's start-up
//! only makes [`Rule`]s of it (the long texts, regex, description and remediation, are
//! borrowed, not copied): parsing the thousand rules' megabyte of text, as JSON,
//! was most of it (a tenth of a small tree's scan, a fifth of a pre-commit run).

use std::borrow::Cow;

use super::model::{Rule, Severity};
use crate::error::ConfigError;

/// One built-in rule, field for field a [`Rule`] as build.rs read it from its file.
#[derive(Debug)]
pub(crate) struct BuiltinRule {
    pub file: &'static str,
    pub id: &'static str,
    pub description: &'static str,
    pub severity: Severity,
    pub keywords: &'static [&'static str],
    pub file_names: &'static [&'static str],
    pub path: Option<&'static str>,
    pub regex: &'static str,
    pub secret_group: Option<usize>,
    pub min_entropy: Option<f32>,
    pub validate: Option<&'static str>,
    pub window: Option<usize>,
    pub pair_with: &'static [&'static str],
    pub pair_lines: Option<usize>,
    pub paired_severity: Option<Severity>,
    pub companion_only: bool,
    pub generic: bool,
    /// Each word ended by a unit separator, as `examples`.
    pub exclude_words: &'static str,
    pub remediation: &'static str,
    /// The rule's `[[rule.allowlist]]` tables as JSON (empty: none); few rules have one, and
    /// this keeps their schema in one place (`config::AllowlistSpec`).
    pub allowlist: &'static str,
    /// Each example ended by a unit separator, U+001F (build.rs checks that none holds one):
    /// one string, not a slice of strings, as the loader relocates every pointer in the binary
    /// at each start.
    pub examples: &'static str,
    pub negative_examples: &'static str,
}

impl BuiltinRule {
    /// The rule, with or without its examples (only the rule tests read them).
    pub(crate) fn to_rule(&self, with_examples: bool) -> Result<Rule, ConfigError> {
        let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        let allowlist = if self.allowlist.is_empty() {
            Vec::new()
        } else {
            serde_json::from_str(self.allowlist).map_err(|e| ConfigError::Invalid {
                location: self.file.to_string(),
                message: format!("rule '{}': allowlist: {e}", self.id),
            })?
        };
        Ok(Rule {
            id: self.id.to_string(),
            description: Cow::Borrowed(self.description),
            severity: self.severity,
            keywords: self.keywords.iter().map(|&k| Cow::Borrowed(k)).collect(),
            file_names: strings(self.file_names),
            path: self.path.map(str::to_string),
            regex: Cow::Borrowed(self.regex),
            secret_group: self.secret_group,
            min_entropy: self.min_entropy,
            validate: self.validate.map(str::to_string),
            window: self.window,
            pair_with: strings(self.pair_with),
            pair_lines: self.pair_lines,
            paired_severity: self.paired_severity,
            companion_only: self.companion_only,
            generic: self.generic,
            // Borrowed: the generic rules list hundreds each.
            exclude_words: items(self.exclude_words).map(Cow::Borrowed).collect(),
            remediation: Cow::Borrowed(self.remediation),
            allowlist,
            examples: if with_examples {
                items(self.examples).map(str::to_string).collect()
            } else {
                Vec::new()
            },
            negative_examples: if with_examples {
                items(self.negative_examples).map(str::to_string).collect()
            } else {
                Vec::new()
            },
            source_file: self.file.to_string(),
        })
    }
}

/// The items of a list compiled in as one string, each ended by U+001F (see
/// [`BuiltinRule::examples`]).
fn items(joined: &'static str) -> impl Iterator<Item = &'static str> {
    joined.split_terminator('\u{1f}')
}
