//! Reports: every format is written from the same [`ScanOutcome`] and the same redacted finding
//! view ([`redact::FindingView`]), so no format can forget to redact and adding a format never
//! touches the engine. What some formats need besides the findings (the scanned root for SARIF's
//! URIs, start and end times for SARIF and GitLab) comes in a [`ReportContext`] built by the
//! command, not by the engine.

mod csv;
pub mod escape;
mod gitlab;
mod json;
pub mod jsonl;
mod junit;
pub mod redact;
mod sarif;
mod text;
pub(crate) mod time;

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::SystemTime;

use crate::rules::Severity;
use crate::scan::ScanOutcome;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: one block per finding and a summary line.
    Text,
    /// The machine contract: `schema_version` 1, documented in the README.
    Json,
    /// JSON Lines: one finding object per line (the JSON report's findings), streamed as found.
    Jsonl,
    /// SARIF 2.1.0, as GitHub code scanning ingests it.
    Sarif,
    /// CSV with a header row (RFC 4180).
    Csv,
    /// JUnit XML: a failing test case per finding, a test suite per rule.
    Junit,
    /// GitLab's secret-detection report (schema 15.x) for the security dashboard.
    Gitlab,
}

impl Format {
    /// The name used on the command line (`--format`, `--report NAME:PATH`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Sarif => "sarif",
            Format::Csv => "csv",
            Format::Junit => "junit",
            Format::Gitlab => "gitlab",
        }
    }

    /// True for formats written finding by finding while the scan runs (see
    /// [`jsonl::write_finding`]) rather than once at the end.
    pub fn streams(self) -> bool {
        self == Format::Jsonl
    }
}

/// How to write a report.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    /// Print secrets in clear (`--show-secrets`).
    pub show_secrets: bool,
    /// ANSI colour in text output.
    pub color: bool,
}

/// What a report says about the run besides its findings. Built by the command around the scan,
/// so that SARIF can make paths into URIs and GitLab can give the scan's times without the engine
/// knowing about either.
#[derive(Debug, Clone)]
pub struct ReportContext {
    /// The absolute directory that report paths are relative to (the scanned directory when one
    /// was scanned, else the current directory).
    pub root: PathBuf,
    /// When the scan started.
    pub started: SystemTime,
    /// When it ended.
    pub finished: SystemTime,
    /// The repository and revision scanned, for history scans; `None` for files on disk.
    pub vcs: Option<VcsContext>,
}

/// The version-control identity of a scanned repository: SARIF's `versionControlProvenance`
/// (GitHub uses it to tie results to a commit) and GitLab's default commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VcsContext {
    /// Where the repository lives: its remote URL, or a `file://` URI of its directory.
    pub repository_uri: String,
    /// The commit the scan started from (e.g. HEAD), if known.
    pub revision_id: Option<String>,
    /// The branch scanned, if one was (e.g. `refs/heads/main`).
    pub branch: Option<String>,
}

impl ReportContext {
    /// A context for a scan rooted at `root` that ran from `started` to `finished`, without
    /// version control.
    pub fn new(root: PathBuf, started: SystemTime, finished: SystemTime) -> ReportContext {
        ReportContext {
            root,
            started,
            finished,
            vcs: None,
        }
    }
}

/// Writes `outcome` in `format` to `out`. A streaming format written this way gets every finding
/// at once, in report order.
pub fn write_report(
    format: Format,
    outcome: &ScanOutcome,
    options: ReportOptions,
    context: &ReportContext,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => text::write(outcome, options, out),
        Format::Json => json::write(outcome, options, out),
        Format::Jsonl => jsonl::write(outcome, options, out),
        Format::Sarif => sarif::write(outcome, options, context, out),
        Format::Csv => csv::write(outcome, options, out),
        Format::Junit => junit::write(outcome, options, out),
        Format::Gitlab => gitlab::write(outcome, options, context, out),
    }
}

/// The name of a severity with a capital initial, as GitLab and people expect.
pub fn severity_title(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "Critical",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
    }
}

/// What every format says a user should do about a leaked secret beyond the rule's own
/// remediation: removing it in a new commit leaves it in history and in every clone.
pub const PURGE_ADVICE: &str = "Removing it in a new commit is not enough: it stays in git \
history and in every clone. Revoke or rotate it first, move the new one to a secret store or \
an environment variable, then purge the old one from history (e.g. git filter-repo \
--replace-text) and check the provider's logs for use since the leak.";
