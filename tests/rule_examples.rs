//! Every built-in rule's `examples` must be found by that rule and its `negative_examples` must
//! not, through the whole engine with every rule loaded. A failure names the rule and example.

use keysweep::engine::ScannerBuilder;
use keysweep::rules::{builtin_rules_with_examples, check_examples};

#[test]
fn every_rule_example_behaves() {
    let rules = builtin_rules_with_examples().expect("built-in rules parse");
    let scanner = ScannerBuilder::new()
        .rules(rules)
        .build()
        .expect("scanner builds");
    scanner.compile_all().expect("every regex compiles");
    let failures = check_examples(&scanner);
    let report: Vec<String> = failures.iter().map(|f| f.to_string()).collect();
    assert!(
        report.is_empty(),
        "{} failing example(s):\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn every_rule_has_examples_keywords_and_remediation() {
    let rules = builtin_rules_with_examples().expect("built-in rules parse");
    assert!(rules.len() >= 30, "only {} built-in rules", rules.len());
    let scanner = ScannerBuilder::new()
        .rules(rules.clone())
        .build()
        .expect("scanner builds");
    for (i, r) in rules.iter().enumerate() {
        assert!(!r.examples.is_empty(), "rule '{}' has no examples", r.id);
        assert!(
            !r.negative_examples.is_empty(),
            "rule '{}' has no negative examples",
            r.id
        );
        assert!(
            !scanner.searches_every_byte(i),
            "rule '{}' has no keywords, no file names and no secret shape",
            r.id
        );
        assert!(
            r.remediation.len() > 20,
            "rule '{}' has no useful remediation",
            r.id
        );
        assert!(
            !r.description.is_empty(),
            "rule '{}' has no description",
            r.id
        );
    }
}

/// A validator that no rule names proves nothing: the npm token's CRC32 check had its tests
/// and no rule, and npm look-alikes with wrong checksums were reported as critical.
#[test]
fn every_validator_is_named_by_a_rule() {
    let rules = builtin_rules_with_examples().expect("built-in rules parse");
    for name in keysweep::engine::validators::NAMES {
        assert!(
            rules.iter().any(|r| r.validate.as_deref() == Some(*name)),
            "no built-in rule names the validator '{name}'"
        );
    }
}
