//! Property: a finding's fingerprint does not depend on the secret's line. The fingerprint is
//! what baselines and `.keysweepignore` key on, and it is documented to survive lines added
//! above the secret; here that goes through the real scan path (a config with a custom rule and
//! an allowlist, the built-in rules, the engine, location, filters), not the hash function alone.

use std::path::Path;

use keysweep::config::Config;
use keysweep::engine::{Scanner, ScannerBuilder};
use keysweep::filters::Filters;
use keysweep::scan::scan_bytes;
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};

use crate::util::Fake;

/// A project config as a team would write it: a custom rule, and an allowlist that matches
/// neither secret (so the filters run and keep both).
const CONFIG: &str = r#"[[rules]]
id = "acme-token"
description = "Acme API token"
severity = "high"
keywords = ["acme_"]
regex = '''\b(acme_[a-z0-9]{20})\b'''
remediation = "Rotate it in the Acme console."

[allowlist]
paths = ["docs/**"]
stopwords = ["dummy"]
"#;

/// The path the blob is scanned as: part of the fingerprint, fixed here.
const PATH: &str = "deploy/app.env";

/// The engine and filters that `keysweep scan` would build from [`CONFIG`].
fn engine() -> (Scanner, Filters) {
    let config = Config::parse(Path::new(".keysweep.toml"), CONFIG).expect("config parses");
    let rules = config
        .rules(keysweep::rules::builtin_rules().expect("built-in rules"))
        .expect("rule set");
    let filters = Filters::new(&config, &rules).expect("filters");
    let scanner = ScannerBuilder::new().rules(rules).build().expect("scanner");
    (scanner, filters)
}

/// (rule id, line, fingerprint) of the findings of the two rules under test, in report order.
fn findings(scanner: &Scanner, filters: &Filters, text: &str) -> Vec<(String, usize, String)> {
    scan_bytes(scanner, filters, PATH, text.as_bytes())
        .into_iter()
        .filter(|f| f.rule_id == "acme-token" || f.rule_id == "github-classic-pat")
        .map(|f| (f.rule_id, f.span.line, f.fingerprint))
        .collect()
}

#[test]
fn fingerprints_do_not_change_when_lines_are_inserted_above_the_secret() {
    let (scanner, filters) = engine();
    let mut fake = Fake::new(4242);
    let acme = format!(
        "acme_{}",
        fake.chars(b"abcdefghijklmnopqrstuvwxyz0123456789", 20)
    );
    let body = format!("GH_TOKEN={}\nACME_TOKEN={acme}\n", fake.github_pat());
    let original = findings(&scanner, &filters, &body);
    let rules: Vec<&str> = original.iter().map(|(id, ..)| id.as_str()).collect();
    assert_eq!(rules, ["github-classic-pat", "acme-token"]);
    assert_eq!((original[0].1, original[1].1), (1, 2));

    // Inserted text is lowercase letters and spaces: it cannot hold a secret of either rule.
    let inserted = prop::collection::vec("[a-z ]{0,60}", 0..50);
    let mut runner = TestRunner::new(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let outcome = runner.run(&inserted, |lines| {
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect::<String>() + &body;
        let moved = findings(&scanner, &filters, &text);
        prop_assert_eq!(moved.len(), original.len(), "{:?}", moved);
        for ((id, line, fingerprint), (id0, line0, fingerprint0)) in moved.iter().zip(&original) {
            prop_assert_eq!(id, id0);
            // The finding did move (the property is not vacuous) ...
            prop_assert_eq!(*line, line0 + lines.len());
            // ... and kept its identity.
            prop_assert_eq!(fingerprint, fingerprint0);
        }
        Ok(())
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
