//! The JSON report, `schema_version` 1 (documented in README.md). Field order is fixed by the
//! structs and findings are sorted, so the same input gives the same bytes (but for
//! `stats.duration_ms`).

use std::io::{self, Write};

use serde::Serialize;

use super::redact::FindingView;
use super::ReportOptions;
use crate::scan::{GitScope, ScanOutcome, Stats};

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    tool: Tool,
    findings: Vec<FindingView<'a>>,
    skipped: Vec<Skipped<'a>>,
    suppressions: Vec<Suppression<'a>>,
    stats: &'a Stats,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'a GitScope>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Skipped<'a> {
    path: &'a str,
    reason: &'static str,
    message: String,
}

/// An inline allow comment that dropped a finding: reviewers see what was allowed, by which
/// comment, why and until when.
#[derive(Serialize)]
struct Suppression<'a> {
    rule_id: &'a str,
    path: &'a str,
    line: usize,
    fingerprint: &'a str,
    #[serde(flatten)]
    allow: &'a crate::filters::inline_allow::InlineAllow,
}

/// Writes the whole report as pretty JSON followed by a newline.
pub fn write(outcome: &ScanOutcome, options: ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let report = JsonReport {
        schema_version: 1,
        tool: Tool {
            name: "keysweep",
            version: env!("CARGO_PKG_VERSION"),
        },
        findings: outcome
            .findings
            .iter()
            .map(|f| FindingView::new(f, options.show_secrets))
            .collect(),
        skipped: outcome
            .skipped
            .iter()
            .map(|s| Skipped {
                path: &s.path,
                reason: reason_code(&s.reason),
                message: s.reason.to_string(),
            })
            .collect(),
        suppressions: outcome
            .dropped
            .iter()
            .filter_map(|d| match &d.reason {
                crate::filters::DropReason::InlineAllow(allow) => Some(Suppression {
                    rule_id: &d.finding.rule_id,
                    path: &d.finding.path,
                    line: d.finding.span.line,
                    fingerprint: &d.finding.fingerprint,
                    allow,
                }),
                _ => None,
            })
            .collect(),
        stats: &outcome.stats,
        scope: outcome.scope.as_ref(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}

fn reason_code(r: &crate::error::SkipReason) -> &'static str {
    use crate::error::SkipReason::*;
    match r {
        Binary => "binary",
        TooLarge(_) => "too_large",
        Unreadable(_) => "unreadable",
        NotAFile => "not_a_file",
        ArchiveLimit(_) => "archive_limit",
        BadArchive(_) => "bad_archive",
    }
}
