//! Rules test themselves: each `examples` entry must produce a finding of its rule and each
//! `negative_examples` entry must not. The built-in set is checked by `tests/rule_examples.rs`,
//! a user's file by `keysweep rules --check`.

use std::fmt;

use crate::engine::Scanner;
use crate::filters::Filters;
use crate::scan::scan_bytes;

/// One example that did not behave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The rule.
    pub rule_id: String,
    /// True for a positive example that found nothing, false for a negative one that matched.
    pub positive: bool,
    /// The example text.
    pub example: String,
}

impl fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.positive {
            write!(
                f,
                "rule '{}': example not detected: {:?}",
                self.rule_id, self.example
            )
        } else {
            write!(
                f,
                "rule '{}': negative example detected: {:?}",
                self.rule_id, self.example
            )
        }
    }
}

/// Runs every rule's examples through the whole engine (all rules loaded, as in a real scan).
/// A companion rule's example counts as found when its match is folded into another rule's
/// finding (a passphrase is only ever reported that way).
pub fn check_examples(scanner: &Scanner) -> Vec<ExampleFailure> {
    let filters = Filters::none();
    let mut failures = Vec::new();
    for i in 0..scanner.rule_count() {
        let rule = scanner.rule(i);
        // A rule that runs by file name is shown its examples as a file of that name.
        let path = rule
            .file_names
            .iter()
            .find(|g| !g.contains(['*', '?', '[', '{']))
            .map_or("example", String::as_str);
        for (positive, list) in [(true, &rule.examples), (false, &rule.negative_examples)] {
            for example in list {
                let found = scan_bytes(scanner, &filters, path, example.as_bytes())
                    .iter()
                    .any(|f| {
                        f.rule_id == rule.id || f.companions.iter().any(|c| c.rule_id == rule.id)
                    });
                if found != positive {
                    failures.push(ExampleFailure {
                        rule_id: rule.id.to_string(),
                        positive,
                        example: example.clone(),
                    });
                }
            }
        }
    }
    failures
}
