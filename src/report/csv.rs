//! CSV (RFC 4180, via the `csv` crate: fields with commas, quotes or line breaks are quoted and
//! quotes doubled), for spreadsheets and audit trails. One header row, then one row per finding
//! in report order. The columns are the JSON finding's fields in the same order, then the git
//! columns, which are always present (empty for files on disk) so that the header does not
//! depend on the scan.

use std::io::{self, Write};

use super::redact::FindingView;
use super::ReportOptions;
use crate::scan::ScanOutcome;

/// The header row.
const HEADER: [&str; 21] = [
    "rule_id",
    "description",
    "severity",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "secret",
    "fingerprint",
    "entropy",
    "validated",
    "validation",
    "remediation",
    "commit",
    "author",
    "email",
    "date",
    "message",
    "also_in",
    "still_in_head",
];

/// Writes the header and one row per finding.
pub fn write(outcome: &ScanOutcome, options: ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(HEADER)?;
    for f in &outcome.findings {
        let v = FindingView::new(f, options.show_secrets);
        let git = v.git.as_ref();
        let row: [String; 21] = [
            v.rule_id.to_string(),
            v.description.to_string(),
            v.severity.to_string(),
            v.path.to_string(),
            v.line.to_string(),
            v.column.to_string(),
            v.end_line.to_string(),
            v.end_column.to_string(),
            v.secret.clone(),
            v.fingerprint.to_string(),
            format!("{:.3}", v.entropy),
            v.validated.to_string(),
            v.validation.unwrap_or_default().to_string(),
            v.remediation.to_string(),
            git.map(|g| g.commit.to_string()).unwrap_or_default(),
            git.map(|g| g.author.to_string()).unwrap_or_default(),
            git.map(|g| g.email.to_string()).unwrap_or_default(),
            git.map(|g| g.date.to_string()).unwrap_or_default(),
            git.map(|g| g.message.to_string()).unwrap_or_default(),
            git.map(|g| g.also_in.to_string()).unwrap_or_default(),
            git.map(|g| g.still_in_head.to_string()).unwrap_or_default(),
        ];
        w.write_record(&row)?;
    }
    w.flush()
}
