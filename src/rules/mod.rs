//! Rules are data: TOML files (`rules/*.toml`, embedded at build time, or a user's file) that
//! say what a credential looks like. This module parses and checks them; it compiles nothing, so
//! that loading 400 rules costs microseconds and a pre-commit run only pays for the regexes that
//! its keywords select (see `engine`).

mod examples;
mod model;

pub use examples::{check_examples, ExampleFailure};
pub use model::{Rule, RuleFile, Severity, WHOLE_FILE_LIMIT};

use crate::error::ConfigError;

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// Parses one rule file (TOML) and checks every rule, regex syntax included. `file` names it in
/// error messages, with the line of the problem.
pub fn parse_rule_file(file: &str, text: &str) -> Result<Vec<Rule>, ConfigError> {
    let parsed: RuleFile = toml::from_str(text).map_err(|e| ConfigError::Invalid {
        location: toml_location(file, text, e.span()),
        message: toml_message(e.message()),
    })?;
    finish_rules(file, parsed.rule, true)
}

fn finish_rules(
    file: &str,
    mut rules: Vec<Rule>,
    check_regex: bool,
) -> Result<Vec<Rule>, ConfigError> {
    for rule in &mut rules {
        finish_rule(file, rule, check_regex)?;
    }
    Ok(rules)
}

/// Records where `rule` was defined (`location`: `file` or `file:line:column`) and checks it;
/// with `check_regex`, its regex syntax too (built-in rules had theirs checked at build time).
pub(crate) fn finish_rule(
    location: &str,
    rule: &mut Rule,
    check_regex: bool,
) -> Result<(), ConfigError> {
    rule.source_file = location.to_string();
    let checked = rule.check().and_then(|()| {
        if check_regex {
            rule.check_regex()
        } else {
            Ok(())
        }
    });
    checked.map_err(|message| ConfigError::Invalid {
        location: location.to_string(),
        message: format!("rule '{}': {message}", rule.id),
    })
}

/// The secret shape that build.rs read from built-in rule `id`'s regex, if `regex` is still that
/// regex: `Some(None)` when it has no useful shape, `None` when there is no summary for it (a
/// custom rule, or a built-in one a config replaced).
pub(crate) fn builtin_shape(id: &str, regex: &str) -> Option<Option<([bool; 256], usize)>> {
    let i = BUILTIN_SHAPES
        .binary_search_by(|(rule_id, ..)| (*rule_id).cmp(id))
        .ok()?;
    let (_, hash, words, min_len) = BUILTIN_SHAPES[i];
    if hash != crate::engine::regex_hash(regex) {
        return None;
    }
    if min_len == 0 {
        return Some(None);
    }
    let mut allowed = [false; 256];
    for (b, a) in allowed.iter_mut().enumerate() {
        *a = words[b / 64] & (1 << (b % 64)) != 0;
    }
    Some(Some((allowed, min_len)))
}

/// The built-in rule set, without the rules' examples (scans do not need them). The embedded
/// files were parsed and their regexes checked at build time (`build.rs`) and are stored as
/// JSON, so this costs well under a millisecond per hundred rules. Duplicate ids across files
/// are an error because ids key fingerprints, baselines and SARIF rule indexes.
pub fn builtin_rules() -> Result<Vec<Rule>, ConfigError> {
    embedded(false)
}

/// The built-in rule set with every rule's `examples` and `negative_examples`, for the tests
/// that run them.
pub fn builtin_rules_with_examples() -> Result<Vec<Rule>, ConfigError> {
    embedded(true)
}

fn embedded(with_examples: bool) -> Result<Vec<Rule>, ConfigError> {
    let mut all = Vec::new();
    for (name, lean, full) in EMBEDDED_RULE_FILES {
        let json = if with_examples { full } else { lean };
        let parsed: RuleFile = serde_json::from_str(json).map_err(|e| ConfigError::Invalid {
            location: (*name).to_string(),
            message: e.to_string(),
        })?;
        all.extend(finish_rules(name, parsed.rule, false)?);
    }
    check_unique_ids(&all)?;
    Ok(all)
}

/// Rejects a rule set in which two rules share an id.
pub fn check_unique_ids(rules: &[Rule]) -> Result<(), ConfigError> {
    let mut seen = std::collections::HashMap::new();
    for rule in rules {
        if let Some(first) = seen.insert(rule.id.as_str(), rule.source_file.as_str()) {
            return Err(ConfigError::Invalid {
                location: rule.source_file.clone(),
                message: format!("rule id '{}' is already defined in {first}", rule.id),
            });
        }
    }
    Ok(())
}

/// The TOML parser's message on one line (it spreads some over several).
pub(crate) fn toml_message(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}

/// `file:line:column` for a byte span reported by the TOML parser, or just `file`.
pub(crate) fn toml_location(
    file: &str,
    text: &str,
    span: Option<std::ops::Range<usize>>,
) -> String {
    match span {
        Some(span) => {
            let before = &text.as_bytes()[..span.start.min(text.len())];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            format!("{file}:{line}:{col}")
        }
        None => file.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shapes build.rs embedded are the ones the engine would read from the regexes, and a
    /// changed regex gets none (its shape is then read at run time).
    #[test]
    fn embedded_shapes_match_the_regexes() {
        let rules = builtin_rules().expect("built-in rules parse");
        for rule in &rules {
            let embedded = builtin_shape(&rule.id, &rule.regex)
                .unwrap_or_else(|| panic!("no embedded shape for '{}'", rule.id));
            let computed = crate::engine::shape_summary_of(&rule.regex, rule.secret_group);
            assert_eq!(embedded, computed, "rule '{}'", rule.id);
        }
        assert_eq!(builtin_shape(&rules[0].id, "(x{20})"), None);
        assert_eq!(builtin_shape("zz-no-such-rule", "(x{20})"), None);
    }

    #[test]
    fn builtin_rules_parse_and_have_unique_ids() {
        let rules = builtin_rules().expect("built-in rules parse");
        assert!(rules.len() >= 30, "only {} built-in rules", rules.len());
    }

    #[test]
    fn parse_error_names_file_and_line() {
        let text = "[[rule]]\nid = \"a\"\nbogus = 1\n";
        let err = parse_rule_file("x.toml", text).unwrap_err().to_string();
        assert!(err.starts_with("x.toml:3:"), "{err}");
        assert!(err.contains("bogus"), "{err}");
    }
}
