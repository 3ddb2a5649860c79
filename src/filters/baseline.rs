//! Baselines: today's findings written down, so that a scan reports only new ones. A finding
//! is identified by its fingerprint (see `finding::fingerprint`: rule id, secret and path, not
//! the line), so it stays baselined when lines are added above it, when the tree is scanned
//! from another directory, and between `scan` and `git` of the same content; a different
//! secret in the same place is a different finding. The file holds no plaintext secret: the
//! fingerprint, the rule, the place, and the secret redacted as reports show it.
//!
//! A keysweep JSON report works as a baseline too (its `findings[].fingerprint` is read).

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use crate::error::ConfigError;
use crate::finding::Finding;
use crate::report::redact::redact;

/// The `format` value of a baseline file; bumped if the fingerprint's definition changes.
pub const BASELINE_FORMAT: &str = "keysweep-baseline/1";

/// The fingerprints of a baseline file.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    fingerprints: HashSet<String>,
}

impl Baseline {
    /// Reads a baseline (or a keysweep JSON report); errors name the file.
    pub fn load(path: &Path) -> Result<Baseline, ConfigError> {
        let err = |message: String| ConfigError::Path {
            path: path.to_path_buf(),
            message,
        };
        let text =
            std::fs::read_to_string(path).map_err(|e| err(format!("cannot read baseline: {e}")))?;
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| err(format!("not a baseline (JSON): {e}")))?;
        let findings = value
            .get("findings")
            .and_then(|f| f.as_array())
            .ok_or_else(|| err("not a baseline: no `findings` array".into()))?;
        let mut fingerprints = HashSet::new();
        for (i, f) in findings.iter().enumerate() {
            let fp = f
                .get("fingerprint")
                .and_then(|v| v.as_str())
                .ok_or_else(|| err(format!("findings[{i}] has no `fingerprint`")))?;
            fingerprints.insert(fp.to_string());
        }
        Ok(Baseline { fingerprints })
    }

    /// True when the finding was already there when the baseline was written.
    pub fn contains(&self, finding: &Finding) -> bool {
        self.fingerprints.contains(&finding.fingerprint)
    }
}

#[derive(Serialize)]
struct BaselineFile<'a> {
    format: &'static str,
    findings: Vec<BaselineEntry<'a>>,
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct BaselineEntry<'a> {
    path: &'a str,
    line: usize,
    rule_id: &'a str,
    fingerprint: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<&'a str>,
    secret: String,
}

/// The baseline of `findings` as JSON: sorted, without times or anything else that changes
/// between two runs on the same tree, so that writing it twice gives the same bytes.
pub fn to_json(findings: &[Finding]) -> String {
    let mut entries: Vec<BaselineEntry> = findings
        .iter()
        .map(|f| BaselineEntry {
            path: &f.path,
            line: f.span.line,
            rule_id: &f.rule_id,
            fingerprint: &f.fingerprint,
            commit: f.git.as_ref().map(|g| g.commit.as_str()),
            secret: redact(&f.secret),
        })
        .collect();
    entries.sort();
    entries.dedup();
    let file = BaselineFile {
        format: BASELINE_FORMAT,
        findings: entries,
    };
    let mut out = serde_json::to_string_pretty(&file).unwrap_or_default();
    out.push('\n');
    out
}
