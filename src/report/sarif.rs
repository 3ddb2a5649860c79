//! SARIF 2.1.0, shaped for GitHub code scanning (checked in CI with Microsoft's SARIF Multitool
//! and its GitHub ingestion rules, `../shared/sarif/validate.sh`).
//!
//! Decisions:
//! - One run; `tool.driver.rules` holds exactly the rules that have results (sorted by id, so
//!   `ruleIndex` is stable), each with help text built from the rule's description and
//!   remediation, and a `security-severity` so GitHub ranks alerts (critical 9.5, high 8.0,
//!   medium 5.5, low 3.0).
//! - Paths are URIs relative to `%SRCROOT%`, which `originalUriBaseIds` maps to the scanned root
//!   as an absolute `file:///…/` URI; an absolute report path (several roots given on the
//!   command line) becomes a `file:` URI of its own.
//! - Regions: our columns count bytes, SARIF's (default `columnKind` `utf16CodeUnits`) count
//!   UTF-16 code units, so columns are converted with the text kept beside the secret
//!   ([`Finding::before`]); our `end_column` is already exclusive, as SARIF's is.
//! - `partialFingerprints` carry the JSON report's fingerprint, so code scanning follows a
//!   finding across runs and line moves.
//! - Git provenance goes in each result's `properties` (commit, author, date, …); the scanned
//!   repository and revision, when the command knows them, in `versionControlProvenance`.
//! - Messages show the secret redacted, like every format, unless `--show-secrets`.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use super::redact::FindingView;
use super::time::rfc3339_utc;
use super::{ReportContext, ReportOptions, PURGE_ADVICE};
use crate::error::SkipReason;
use crate::finding::Finding;
use crate::rules::Severity;
use crate::scan::ScanOutcome;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";
/// The key of our fingerprint in `partialFingerprints`; the `/v1` lets a future change of the
/// fingerprint's definition be told apart.
const FINGERPRINT_KEY: &str = "keysweep/fingerprint/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: [Invocation; 1],
    original_uri_base_ids: BTreeMap<&'static str, ArtifactLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    version_control_provenance: Vec<VersionControl<'a>>,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor<'a> {
    id: &'a str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: [&'static str; 2],
    precision: &'static str,
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    start_time_utc: String,
    end_time_utc: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: [Location; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct VersionControl<'a> {
    repository_uri: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    revision_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    branch: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    partial_fingerprints: BTreeMap<&'static str, &'a str>,
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    severity: &'static str,
    secret: String,
    validated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    validation: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    validation_failed: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    companions: Vec<super::redact::CompanionView<'a>>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    git: Option<super::redact::GitView<'a>>,
}

/// Writes the SARIF log as pretty JSON followed by a newline.
pub fn write(
    outcome: &ScanOutcome,
    options: ReportOptions,
    context: &ReportContext,
    out: &mut dyn Write,
) -> io::Result<()> {
    // One descriptor per rule that has a result, in id order; ruleIndex points into it.
    let mut first_of_rule: BTreeMap<&str, &Finding> = BTreeMap::new();
    for f in &outcome.findings {
        first_of_rule.entry(&f.rule_id).or_insert(f);
    }
    let index: BTreeMap<&str, usize> = first_of_rule
        .keys()
        .enumerate()
        .map(|(i, id)| (*id, i))
        .collect();
    let rules = first_of_rule.values().map(|f| descriptor(f)).collect();
    let results = outcome
        .findings
        .iter()
        .map(|f| result(f, index[f.rule_id.as_str()], options.show_secrets))
        .collect();
    let notifications = outcome
        .skipped
        .iter()
        .map(|s| Notification {
            level: if s.reason.is_error() { "error" } else { "note" },
            message: Text {
                text: format!("{}: {}.", skip_text(&s.reason), s.path),
            },
            locations: [Location {
                physical_location: PhysicalLocation {
                    artifact_location: artifact(&s.path),
                    region: None,
                },
            }],
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "keysweep",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules,
                },
            },
            invocations: [Invocation {
                execution_successful: !outcome.incomplete(),
                start_time_utc: rfc3339_utc(context.started),
                end_time_utc: rfc3339_utc(context.finished),
                tool_execution_notifications: notifications,
            }],
            original_uri_base_ids: BTreeMap::from([(
                SRCROOT,
                ArtifactLocation {
                    uri: dir_uri(&context.root),
                    uri_base_id: None,
                },
            )]),
            version_control_provenance: context
                .vcs
                .iter()
                .map(|v| VersionControl {
                    repository_uri: &v.repository_uri,
                    revision_id: v.revision_id.as_deref(),
                    branch: v.branch.as_deref(),
                })
                .collect(),
            results,
            column_kind: "utf16CodeUnits",
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

fn skip_text(reason: &SkipReason) -> String {
    match reason {
        SkipReason::Unreadable(e) => {
            format!("Could not read the file, the scan is incomplete ({e})")
        }
        other => format!("Not scanned, {other}"),
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

/// `github-classic-pat` → `GithubClassicPat`: SARIF wants `name` to be an identifier-like
/// Pascal-case word distinct from the id.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            let first = cs.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(cs).collect::<String>()
        })
        .collect()
}

fn sentence(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

fn descriptor(f: &Finding) -> ReportingDescriptor<'_> {
    let severity = f.severity.as_str();
    let remediation = sentence(&f.remediation);
    let description = sentence(&f.description);
    let what = format!(
        "{description} keysweep found a credential of this kind in the scanned files; anyone \
         who can read the files, the repository or its history can use it. Severity: {severity}."
    );
    ReportingDescriptor {
        id: &f.rule_id,
        name: pascal_case(&f.rule_id),
        short_description: Text { text: description },
        full_description: Text { text: what.clone() },
        help: Help {
            text: format!("{what}\n\nWhat to do: {remediation}\n\n{PURGE_ADVICE}"),
            markdown: format!(
                "**{}** (`{}`, severity {severity})\n\n{what}\n\n**What to do:** \
                 {remediation}\n\n{PURGE_ADVICE}",
                f.description, f.rule_id
            ),
        },
        default_configuration: Configuration {
            level: level(f.severity),
        },
        properties: RuleProperties {
            tags: ["security", "secret"],
            precision: "high",
            security_severity: security_severity(f.severity),
        },
    }
}

fn result(f: &Finding, rule_index: usize, show_secrets: bool) -> SarifResult<'_> {
    let v = FindingView::new(f, show_secrets);
    let mut text = format!("{}: {}", f.description, v.secret);
    for c in &v.companions {
        text.push_str(&format!(
            ", with {} {} at line {}",
            c.rule_id, c.secret, c.line
        ));
    }
    match &f.validation {
        Some(check) if f.validation_failed => {
            text.push_str(&format!(
                " (offline check {check} failed: most likely not a key)"
            ));
        }
        Some(check) => text.push_str(&format!(" (structure proven offline: {check})")),
        None => {}
    }
    if let Some(g) = &f.git {
        text.push_str(&format!(", introduced in commit {}", short(&g.commit)));
    }
    text.push('.');
    SarifResult {
        rule_id: &f.rule_id,
        rule_index,
        level: level(f.severity),
        message: Text { text },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact(&f.path),
                region: Some(region(f)),
            },
        }],
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, f.fingerprint.as_str())]),
        properties: ResultProperties {
            severity: f.severity.as_str(),
            secret: v.secret,
            validated: v.validated,
            validation: v.validation,
            validation_failed: v.validation_failed,
            companions: v.companions,
            git: v.git,
        },
    }
}

fn short(commit: &str) -> &str {
    commit.get(..12).unwrap_or(commit)
}

/// The region in SARIF's UTF-16 columns. `before` holds the line's bytes before the secret (up
/// to 80); where it is the whole prefix the conversion is exact, else the unseen start of the
/// line is taken as ASCII. Text that was not valid UTF-8 (shown as U+FFFD) keeps byte columns,
/// which can only be off on such lines.
fn region(f: &Finding) -> Region {
    let s = f.span;
    let lossy = f.before.contains('\u{fffd}') || f.secret.contains('\u{fffd}');
    if lossy {
        return Region {
            start_line: s.line,
            start_column: s.column,
            end_line: s.end_line,
            end_column: s.end_column,
        };
    }
    let surplus = |t: &str| t.len() - t.encode_utf16().count();
    let start_column = s.column - surplus(&f.before);
    let end_column = if s.end_line == s.line {
        start_column + f.secret.encode_utf16().count()
    } else {
        let last = f.secret.rsplit('\n').next().unwrap_or_default();
        last.encode_utf16().count() + 1
    };
    Region {
        start_line: s.line,
        start_column,
        end_line: s.end_line,
        end_column,
    }
}

fn artifact(path: &str) -> ArtifactLocation {
    if Path::new(path).is_absolute() {
        ArtifactLocation {
            uri: format!("file://{}", encode_path(path)),
            uri_base_id: None,
        }
    } else {
        let rel = path.trim_start_matches("./");
        ArtifactLocation {
            uri: encode_path(rel),
            uri_base_id: Some(SRCROOT),
        }
    }
}

/// `file:///abs/dir/` for the scanned root (SARIF requires the trailing slash).
fn dir_uri(root: &Path) -> String {
    let mut p = root.to_string_lossy().replace('\\', "/");
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    if !p.ends_with('/') {
        p.push('/');
    }
    format!("file://{}", encode_path(&p))
}

/// Percent-encodes a '/'-separated path for a URI: everything but unreserved characters, '/'
/// and a few sub-delimiters. ':' is encoded too, so a relative path never reads as a scheme.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Span;

    fn finding(before: &str, secret: &str, span: Span) -> Finding {
        Finding {
            rule_id: "r".into(),
            description: "d".into(),
            severity: Severity::High,
            path: "p".into(),
            span,
            offset: 0..secret.len(),
            secret: secret.into(),
            before: before.into(),
            after: String::new(),
            fingerprint: "f".into(),
            entropy: 4.0,
            validation: None,
            validation_failed: false,
            remediation: "x".into(),
            git: None,
            companions: Vec::new(),
            decoded: Vec::new(),
        }
    }

    #[test]
    fn columns_become_utf16() {
        // "é = " is 5 bytes, 4 UTF-16 units.
        let f = finding(
            "é = ",
            "abc",
            Span {
                line: 2,
                column: 6,
                end_line: 2,
                end_column: 9,
            },
        );
        assert_eq!(
            region(&f),
            Region {
                start_line: 2,
                start_column: 5,
                end_line: 2,
                end_column: 8
            }
        );
        // ASCII: unchanged.
        let f = finding(
            "k=",
            "abc",
            Span {
                line: 1,
                column: 3,
                end_line: 1,
                end_column: 6,
            },
        );
        assert_eq!(region(&f).start_column, 3);
        assert_eq!(region(&f).end_column, 6);
        // Multi-line: the end column is on the last line.
        let f = finding(
            "",
            "-----BEGIN X-----\nAAAA\n-----END X-----",
            Span {
                line: 1,
                column: 1,
                end_line: 3,
                end_column: 16,
            },
        );
        assert_eq!(region(&f).end_column, 16);
    }

    #[test]
    fn uris() {
        assert_eq!(encode_path("src/a b/c:d.py"), "src/a%20b/c%3Ad.py");
        assert_eq!(encode_path("ü"), "%C3%BC");
        assert_eq!(dir_uri(Path::new("/tmp/x y")), "file:///tmp/x%20y/");
        assert_eq!(artifact("./a.txt").uri, "a.txt");
        assert_eq!(artifact("/abs/a.txt").uri, "file:///abs/a.txt");
        assert_eq!(artifact("/abs/a.txt").uri_base_id, None);
        assert_eq!(pascal_case("github-classic-pat"), "GithubClassicPat");
    }
}
