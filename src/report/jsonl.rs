//! JSON Lines: one finding per line, each exactly a `findings[]` object of the JSON report, and
//! nothing else — no header, no trailing stats line — so `jq -c`, `grep` and line-by-line
//! readers never have to tell record kinds apart. Whether the scan was complete is the exit code
//! (2 when some input could not be read), as for every format.
//!
//! During a scan the lines are written as findings are confirmed ([`write_finding`], called from
//! the workers through `ScanContext::on_finding`), so a consumer can start before the scan ends;
//! they then come in discovery order, not report order.

use std::io::{self, Write};

use super::redact::FindingView;
use super::ReportOptions;
use crate::finding::Finding;
use crate::scan::ScanOutcome;

/// Writes one finding as one line (a single `write_all`, so lines from concurrent callers behind
/// one lock never interleave).
pub fn write_finding(f: &Finding, show_secrets: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut line = serde_json::to_vec(&FindingView::new(f, show_secrets))?;
    line.push(b'\n');
    out.write_all(&line)
}

/// Writes every finding of a finished scan, in report order.
pub fn write(outcome: &ScanOutcome, options: ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    for f in &outcome.findings {
        write_finding(f, options.show_secrets, out)?;
    }
    Ok(())
}
