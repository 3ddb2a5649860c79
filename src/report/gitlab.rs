//! GitLab's secret-detection report (security report schema 15.x), the file a job declares as
//! `artifacts:reports:secret_detection` so that findings reach the merge-request widget, the
//! pipeline's security tab and the vulnerability report — keysweep in place of GitLab's own
//! analyzer.
//!
//! Decisions: `id` is a UUID-shaped hash of the fingerprint, the location and the commit, so it
//! is stable across runs and distinct for two copies of one secret; `location.commit.sha` is
//! required by the schema, so files on disk (no commit) get the scanned revision when the
//! command knows it, else `0000000` as GitLab's analyzer writes; the raw secret
//! (`raw_source_code_extract`) is written only with `--show-secrets`.

use std::io::{self, Write};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::redact::FindingView;
use super::time::gitlab_utc;
use super::{severity_title, ReportContext, ReportOptions, PURGE_ADVICE};
use crate::finding::Finding;
use crate::scan::ScanOutcome;

/// The schema version written.
const SCHEMA_VERSION: &str = "15.0.7";

#[derive(Serialize)]
struct GitlabReport<'a> {
    version: &'static str,
    scan: Scan,
    vulnerabilities: Vec<Vulnerability<'a>>,
}

#[derive(Serialize)]
struct Scan {
    analyzer: Tool,
    scanner: Tool,
    #[serde(rename = "type")]
    kind: &'static str,
    start_time: String,
    end_time: String,
    status: &'static str,
}

#[derive(Serialize)]
struct Tool {
    id: &'static str,
    name: &'static str,
    url: &'static str,
    version: &'static str,
    vendor: Vendor,
}

#[derive(Serialize)]
struct Vendor {
    name: &'static str,
}

#[derive(Serialize)]
struct Vulnerability<'a> {
    id: String,
    category: &'static str,
    name: &'a str,
    description: String,
    severity: &'static str,
    solution: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw_source_code_extract: Option<String>,
    location: Location<'a>,
    identifiers: Vec<Identifier>,
}

#[derive(Serialize)]
struct Location<'a> {
    file: &'a str,
    start_line: usize,
    end_line: usize,
    commit: Commit<'a>,
}

#[derive(Serialize)]
struct Commit<'a> {
    sha: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
}

#[derive(Serialize)]
struct Identifier {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
    value: String,
}

fn tool() -> Tool {
    Tool {
        id: "keysweep",
        name: "keysweep",
        url: env!("CARGO_PKG_REPOSITORY"),
        version: env!("CARGO_PKG_VERSION"),
        vendor: Vendor { name: "keysweep" },
    }
}

/// Writes the report as pretty JSON followed by a newline.
pub fn write(
    outcome: &ScanOutcome,
    options: ReportOptions,
    context: &ReportContext,
    out: &mut dyn Write,
) -> io::Result<()> {
    let default_sha = context
        .vcs
        .as_ref()
        .and_then(|v| v.revision_id.as_deref())
        .unwrap_or("0000000");
    let report = GitlabReport {
        version: SCHEMA_VERSION,
        scan: Scan {
            analyzer: tool(),
            scanner: tool(),
            kind: "secret_detection",
            start_time: gitlab_utc(context.started),
            end_time: gitlab_utc(context.finished),
            status: if outcome.incomplete() {
                "failure"
            } else {
                "success"
            },
        },
        vulnerabilities: outcome
            .findings
            .iter()
            .map(|f| vulnerability(f, options.show_secrets, default_sha))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}

fn vulnerability<'a>(f: &'a Finding, show: bool, default_sha: &'a str) -> Vulnerability<'a> {
    let v = FindingView::new(f, show);
    let mut description = format!(
        "{} ({}) in {} at line {}: {}.",
        f.description, f.rule_id, f.path, f.span.line, v.secret
    );
    match &f.validation {
        Some(check) if f.validation_failed => description.push_str(&format!(
            " Its offline check ({check}) failed: most likely not a key."
        )),
        Some(check) => {
            description.push_str(&format!(" Its structure was proven offline ({check})."));
        }
        None => {}
    }
    let git = f.git.as_ref();
    Vulnerability {
        id: uuid_for(f),
        category: "secret_detection",
        name: &f.description,
        description,
        severity: severity_title(f.severity),
        solution: format!("{} {PURGE_ADVICE}", f.remediation),
        raw_source_code_extract: show.then(|| f.secret.clone()),
        location: Location {
            file: &f.path,
            start_line: f.span.line,
            end_line: f.span.end_line,
            commit: Commit {
                sha: git.map_or(default_sha, |g| g.commit.as_str()),
                author: git.map(|g| format!("{} <{}>", g.author, g.email)),
                date: git.map(|g| g.date.as_str()),
                message: git.map(|g| g.message.as_str()),
            },
        },
        identifiers: vec![Identifier {
            kind: "keysweep_rule_id",
            name: format!("keysweep rule ID {}", f.rule_id),
            value: f.rule_id.clone(),
        }],
    }
}

/// A UUID-shaped (version 8, RFC 9562 variant) identity for one occurrence of a finding.
fn uuid_for(f: &Finding) -> String {
    let mut h = Sha256::new();
    h.update(f.fingerprint.as_bytes());
    h.update(format!("\0{}:{}\0", f.span.line, f.span.column).as_bytes());
    if let Some(g) = &f.git {
        h.update(g.commit.as_bytes());
    }
    let mut b: [u8; 16] = h.finalize()[..16].try_into().expect("32 >= 16 bytes");
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}
