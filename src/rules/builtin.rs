//! The built-in rules as compiled-in data. build.rs parses `rules/*.toml` (checking keys, types
//! and regex syntax) and writes each rule as a [`BuiltinRule`] literal, so a scan's start-up
//! only makes [`Rule`]s of it (the ids and the long texts, regex, description and remediation,
//! are borrowed, not copied): parsing the thousand rules' megabyte of text, as JSON,
//! was most of it (a tenth of a small tree's scan, a fifth of a pre-commit run).

use std::borrow::Cow;

use super::model::{Rule, Severity};
use crate::error::ConfigError;

/// A string of the built-in rules: where it is in [`super::TEXT`], which holds them all. Offsets,
/// not a `&'static str`: static data without pointers needs no relocation at start-up and
/// stays in the binary's read-only pages, read only where it is used (see build.rs,
/// `TextBlob`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text {
    pub at: u32,
    pub len: u32,
}

impl Text {
    /// The string.
    pub(crate) fn get(self) -> &'static str {
        let (at, len) = (self.at as usize, self.len as usize);
        let bytes = &super::TEXT.as_bytes()[at..at + len];
        // SAFETY: build.rs cuts every `Text` at the ends of the strings it joined into `TEXT`
        // (a test checks every one), so the bytes are whole UTF-8 characters. Checking here
        // (`&TEXT[range]` reads the bytes at both ends) touched the text's pages for every
        // field of every rule at each start.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }

    /// The items of a list stored as one string, each ended by U+001F. Split as bytes: a
    /// `char` pattern searches for each item's end with a `memchr` call, and the thousands of
    /// short items (the generic rules' excluded words) made that a quarter of making the rules.
    pub(crate) fn items(self) -> impl Iterator<Item = &'static str> {
        let text = self.get();
        let items = text.strip_suffix('\u{1f}').unwrap_or(text);
        (!text.is_empty())
            .then(|| items.as_bytes().split(|&b| b == 0x1f))
            .into_iter()
            .flatten()
            // SAFETY: U+001F is one byte, never part of another character's encoding: cutting
            // UTF-8 text at it leaves UTF-8 text.
            .map(|item| unsafe { std::str::from_utf8_unchecked(item) })
    }
}

/// One built-in rule, field for field a [`Rule`] as build.rs read it from its file. Lists
/// (keywords, file names, examples…) are one [`Text`] each, every item ended by a unit
/// separator, U+001F (build.rs checks that none holds one).
#[derive(Debug)]
pub(crate) struct BuiltinRule {
    pub file: Text,
    pub id: Text,
    pub description: Text,
    pub severity: Severity,
    pub keywords: Text,
    pub file_names: Text,
    pub path: Option<Text>,
    pub regex: Text,
    pub secret_group: Option<usize>,
    pub min_entropy: Option<f32>,
    pub validate: Option<Text>,
    pub window: Option<usize>,
    pub pair_with: Text,
    pub pair_lines: Option<usize>,
    pub paired_severity: Option<Severity>,
    pub companion_only: bool,
    pub generic: bool,
    pub exclude_words: Text,
    /// The rule's `excluded_values` as JSON (empty: none), as `allowlist`.
    pub excluded_values: Text,
    pub remediation: Text,
    /// The rule's `[[rule.allowlist]]` tables as JSON (empty: none); few rules have one, and
    /// this keeps their schema in one place (`config::AllowlistSpec`).
    pub allowlist: Text,
    pub examples: Text,
    pub negative_examples: Text,
}

impl BuiltinRule {
    /// A list field stored as JSON (`allowlist`, `excluded_values`): empty text for none.
    fn json<T: serde::de::DeserializeOwned>(
        &self,
        field: &str,
        text: Text,
    ) -> Result<Vec<T>, ConfigError> {
        match text.get() {
            "" => Ok(Vec::new()),
            json => serde_json::from_str(json).map_err(|e| ConfigError::Invalid {
                location: self.file.get().to_string(),
                message: format!("rule '{}': {field}: {e}", self.id.get()),
            }),
        }
    }

    /// The rule, with or without its examples (only the rule tests read them).
    pub(crate) fn to_rule(&self, with_examples: bool) -> Result<Rule, ConfigError> {
        let strings = |list: Text| list.items().map(str::to_string).collect();
        let allowlist = self.json("allowlist", self.allowlist)?;
        let excluded_values = self.json("excluded_values", self.excluded_values)?;
        Ok(Rule {
            id: Cow::Borrowed(self.id.get()),
            description: Cow::Borrowed(self.description.get()),
            severity: self.severity,
            keywords: self.keywords.items().map(Cow::Borrowed).collect(),
            file_names: strings(self.file_names),
            path: self.path.map(|p| p.get().to_string()),
            regex: Cow::Borrowed(self.regex.get()),
            secret_group: self.secret_group,
            min_entropy: self.min_entropy,
            validate: self.validate.map(|v| v.get().to_string()),
            window: self.window,
            pair_with: strings(self.pair_with),
            pair_lines: self.pair_lines,
            paired_severity: self.paired_severity,
            companion_only: self.companion_only,
            generic: self.generic,
            // Borrowed: the generic rules list hundreds each.
            exclude_words: self.exclude_words.items().map(Cow::Borrowed).collect(),
            excluded_values,
            remediation: Cow::Borrowed(self.remediation.get()),
            allowlist,
            examples: if with_examples {
                strings(self.examples)
            } else {
                Vec::new()
            },
            negative_examples: if with_examples {
                strings(self.negative_examples)
            } else {
                Vec::new()
            },
            source_file: Cow::Borrowed(self.file.get()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_boundaries(text: Text) -> bool {
        let (at, len) = (text.at as usize, text.len as usize);
        super::super::TEXT.is_char_boundary(at) && super::super::TEXT.is_char_boundary(at + len)
    }

    /// The fields of a rule that are lists (see [`Text::items`]).
    fn lists(r: &BuiltinRule) -> [Text; 6] {
        [
            r.keywords,
            r.file_names,
            r.pair_with,
            r.exclude_words,
            r.examples,
            r.negative_examples,
        ]
    }

    /// The byte split gives the items a `char` split gives, for every list of every rule.
    #[test]
    fn items_are_those_of_a_split_at_the_separator() {
        for r in super::super::BUILTIN_RULES {
            for list in lists(r) {
                let split: Vec<&str> = list.get().split_terminator('\u{1f}').collect();
                assert_eq!(list.items().collect::<Vec<_>>(), split);
            }
        }
    }

    /// Every string of the compiled-in rules starts and ends on a character boundary of the
    /// text (what [`Text::get`] relies on).
    #[test]
    fn every_text_is_cut_at_character_boundaries() {
        for r in super::super::BUILTIN_RULES {
            let texts = [
                r.file,
                r.id,
                r.description,
                r.regex,
                r.excluded_values,
                r.remediation,
                r.allowlist,
            ];
            let optional = [r.path, r.validate];
            let all = texts.into_iter().chain(lists(r));
            for text in all.chain(optional.into_iter().flatten()) {
                assert!(on_boundaries(text), "rule {}: {text:?}", r.id.get());
            }
        }
        for shape in super::super::BUILTIN_SHAPES {
            assert!(
                on_boundaries(shape.id)
                    && on_boundaries(shape.required)
                    && on_boundaries(shape.words)
            );
        }
    }
}
