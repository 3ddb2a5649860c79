//! Reports: every format is written from the same [`Report`] and the same redacted finding view
//! ([`redact::FindingView`]), so no format can forget to redact and adding a format never touches
//! the engine.

pub mod escape;
mod json;
pub mod redact;
mod text;

use std::io::{self, Write};

use crate::scan::ScanOutcome;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: one block per finding and a summary line.
    Text,
    /// The machine contract: `schema_version` 1, documented in the README.
    Json,
}

/// How to write a report.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    /// Print secrets in clear (`--show-secrets`).
    pub show_secrets: bool,
    /// ANSI colour in text output.
    pub color: bool,
}

/// Writes `outcome` in `format` to `out`.
pub fn write_report(
    format: Format,
    outcome: &ScanOutcome,
    options: ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::write(outcome, options, out),
        Format::Text => text::write(outcome, options, out),
    }
}
