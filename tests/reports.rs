//! Report formats: a golden file per format on one fixture tree, the structure each consumer
//! relies on (SARIF for code scanning, JUnit parsed as XML, CSV read back, GitLab's fields),
//! redaction in every format, streaming JSON Lines, `--report`, `--fail-on`, and the SARIF
//! samples that CI runs through the SARIF validator.
//!
//! Golden files live in `tests/golden/` (only redacted secrets); the one golden file with a
//! secret in clear is under `fixtures/golden/` (allowlisted). `UPDATE_GOLDEN=1 cargo test`
//! rewrites them; timing fields and the temporary root are masked before comparing.

use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use keysweep::finding::{fingerprint, Finding, GitProvenance, Span};
use keysweep::report::{write_report, Format, ReportContext, ReportOptions, VcsContext};
use keysweep::rules::Severity;
use keysweep::scan::ScanOutcome;
use regex::Regex;

use crate::util::{json, ks, run, Dir, Fake};

const FORMATS: [(&str, &str); 7] = [
    ("text", "txt"),
    ("json", "json"),
    ("jsonl", "jsonl"),
    ("sarif", "sarif"),
    ("csv", "csv"),
    ("junit", "xml"),
    ("gitlab", "json"),
];

/// The fixture tree: three rules, one severity each of critical and high, a non-ASCII prefix
/// (SARIF's UTF-16 columns), a path with a space and a comma (URI encoding, CSV quoting), and
/// a clean file. Returns the secrets.
fn fixture(dir: &Dir) -> Vec<String> {
    let mut fake = Fake::new(40);
    let pat = fake.github_pat();
    let aws = fake.aws_key_id();
    let stripe = fake.stripe_live();
    let pat2 = fake.github_pat();
    dir.create(
        "src/app.py",
        &format!("# settings\nname = 'Zoë' ; token = \"{pat}\"\n"),
    );
    dir.create("config/.env", &format!("AWS_ACCESS_KEY_ID={aws}\n"));
    dir.create("pay.rb", &format!("Stripe.api_key = '{stripe}'\n"));
    dir.create("docs/notes, draft.txt", &format!("old token: {pat2}\n"));
    dir.create("README.md", "nothing to see\n");
    vec![pat, aws, stripe, pat2]
}

fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Masks what differs between runs: times, durations, the temporary root.
fn normalize(format: &str, text: &str) -> String {
    let mut s = text.to_string();
    let masks: &[(&str, &str)] = match format {
        "text" => &[(r", \d+ ms", ", <ms> ms")],
        "json" => &[(r#""duration_ms": \d+"#, r#""duration_ms": 0"#)],
        "sarif" => &[
            (r#"("(?:start|end)TimeUtc": )"[^"]*""#, r#"$1"<time>""#),
            (r#""uri": "file:///[^"]*/""#, r#""uri": "file:///<root>/""#),
        ],
        "gitlab" => &[(r#"("(?:start|end)_time": )"[^"]*""#, r#"$1"<time>""#)],
        _ => &[],
    };
    for (re, with) in masks {
        s = Regex::new(re)
            .expect("mask regex")
            .replace_all(&s, *with)
            .into_owned();
    }
    if format == "jsonl" {
        // Streamed in discovery order: compare as a set.
        let mut lines: Vec<&str> = s.lines().collect();
        lines.sort();
        s = lines.iter().map(|l| format!("{l}\n")).collect();
    }
    s
}

/// Compares `actual` with the golden file at `rel` (repository-relative), or rewrites it with
/// `UPDATE_GOLDEN=1`.
fn golden(rel: &str, actual: &str) {
    let path = repo_path(rel);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir golden");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{rel}: {e} (run with UPDATE_GOLDEN=1 to create it)"));
    assert!(
        expected == actual,
        "{rel} differs (UPDATE_GOLDEN=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

/// Scans the fixture with every format at once (one `--report` each) and returns the reports.
fn scan_all_formats(dir: &Dir, extra: &[&str]) -> Vec<(&'static str, String)> {
    let mut cmd = ks(dir);
    cmd.args(["scan", "--threads", "1"]);
    std::fs::create_dir_all(dir.join("out")).expect("mkdir out");
    for (format, ext) in FORMATS {
        cmd.arg("--report")
            .arg(format!("{format}:out/{format}.{ext}"));
    }
    cmd.args(extra);
    let (code, stdout, stderr) = run(&mut cmd);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty(), "every report went to a file: {stdout}");
    FORMATS
        .iter()
        .map(|(format, ext)| {
            let text = std::fs::read_to_string(dir.join(&format!("out/{format}.{ext}")))
                .unwrap_or_else(|e| panic!("{format} report: {e}"));
            (*format, text)
        })
        .collect()
}

#[test]
fn golden_files_for_every_format() {
    // The reports go to a directory of their own, outside the scanned tree.
    let dir = Dir::new();
    let tree = Dir::new();
    let secrets = fixture(&tree);
    let mut cmd = ks(&dir);
    cmd.arg("scan").arg(tree.path()).args(["--threads", "1"]);
    for (format, ext) in FORMATS {
        cmd.arg("--report").arg(format!("{format}:{format}.{ext}"));
    }
    let (code, stdout, stderr) = run(&mut cmd);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty(), "every report went to a file: {stdout}");
    for (format, ext) in FORMATS {
        let text = std::fs::read_to_string(dir.join(&format!("{format}.{ext}")))
            .unwrap_or_else(|e| panic!("{format} report: {e}"));
        for s in &secrets {
            assert!(!text.contains(s.as_str()), "{format} leaks a secret");
        }
        let name = if format == "gitlab" {
            "scan.gitlab.json".to_string()
        } else {
            format!("scan.{ext}")
        };
        golden(&format!("tests/golden/{name}"), &normalize(format, &text));
    }
}

#[test]
fn golden_file_with_secrets_shown() {
    let dir = Dir::new();
    let secrets = fixture(&dir);
    let (code, out, _) = run(ks(&dir).args([
        "scan",
        "--format",
        "jsonl",
        "--show-secrets",
        "--threads",
        "1",
    ]));
    assert_eq!(code, 1);
    for s in &secrets {
        assert!(out.contains(s.as_str()), "--show-secrets hides {s}");
    }
    golden(
        "fixtures/golden/show-secrets.jsonl",
        &normalize("jsonl", &out),
    );
}

#[test]
fn no_format_prints_a_secret_unless_asked() {
    let dir = Dir::new();
    let secrets = fixture(&dir);
    for (format, _) in FORMATS {
        let (code, out, err) = run(ks(&dir).args(["scan", "--format", format]));
        assert_eq!(code, 1, "{format}: {err}");
        assert!(!out.is_empty(), "{format} wrote nothing");
        for s in &secrets {
            assert!(
                !out.contains(s.as_str()) && !err.contains(s.as_str()),
                "{format} leaks a secret"
            );
        }
        let (_, out, _) = run(ks(&dir).args(["scan", "--show-secrets", "--format", format]));
        for s in &secrets {
            assert!(
                out.contains(s.as_str()),
                "{format} hides a secret with --show-secrets"
            );
        }
    }
    // The files written by --report go through the same view.
    for (format, text) in scan_all_formats(&dir, &[]) {
        for s in &secrets {
            assert!(
                !text.contains(s.as_str()),
                "{format} report file leaks a secret"
            );
        }
    }
}

#[test]
fn jsonl_lines_are_the_json_findings() {
    let dir = Dir::new();
    fixture(&dir);
    let (_, json_out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    let (code, jsonl_out, _) = run(ks(&dir).args(["scan", "--format", "jsonl"]));
    assert_eq!(code, 1);
    let mut from_json: Vec<String> = json(&json_out)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f.to_string())
        .collect();
    let mut from_jsonl: Vec<String> = jsonl_out.lines().map(|l| json(l).to_string()).collect();
    from_json.sort();
    from_jsonl.sort();
    assert_eq!(from_jsonl.len(), 4);
    assert_eq!(from_json, from_jsonl, "one line per finding, nothing else");
    // Nothing found: nothing written.
    let clean = Dir::new();
    clean.create("a.txt", "hello\n");
    let (code, out, _) = run(ks(&clean).args(["scan", "--format", "jsonl"]));
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn jsonl_file_is_written_in_place_while_scanning() {
    let dir = Dir::new();
    fixture(&dir);
    let out = Dir::new();
    let path = out.join("live.jsonl");
    let (code, _, err) = run(ks(&dir)
        .args(["scan", ".", "--report"])
        .arg(format!("jsonl:{}", path.display())));
    assert_eq!(code, 1, "{err}");
    let text = std::fs::read_to_string(&path).expect("jsonl written");
    assert_eq!(text.lines().count(), 4);
    let names: Vec<_> = std::fs::read_dir(out.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["live.jsonl"], "no temporary file for a stream");
}

#[test]
fn sarif_has_what_code_scanning_needs() {
    let dir = Dir::new();
    fixture(&dir);
    let (_, json_out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "sarif"]));
    assert_eq!(code, 1);
    let log = json(&out);
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().is_some_and(|s| s.contains("sarif")));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    for key in ["name", "version", "semanticVersion", "informationUri"] {
        assert!(driver[key].is_string(), "driver.{key}");
    }
    let root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .expect("SRCROOT");
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
    let rules = driver["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), 3);
    for rule in rules {
        for key in ["id", "name", "shortDescription", "fullDescription"] {
            assert!(!rule[key].is_null(), "rule.{key}");
        }
        assert!(rule["help"]["text"].is_string() && rule["help"]["markdown"].is_string());
        assert!(rule["defaultConfiguration"]["level"].is_string());
        assert_eq!(
            rule["properties"]["tags"],
            serde_json::json!(["security", "secret"])
        );
        let sev: f64 = rule["properties"]["security-severity"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .expect("security-severity is a number string");
        assert!((0.0..=10.0).contains(&sev));
    }
    let results = run["results"].as_array().expect("results");
    let findings = json(&json_out)["findings"]
        .as_array()
        .expect("findings")
        .clone();
    assert_eq!(results.len(), findings.len());
    for (r, f) in results.iter().zip(&findings) {
        let i = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        assert_eq!(r["ruleId"], f["rule_id"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let region = &loc["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64().is_some_and(|n| n >= 1), "{key}: {r}");
        }
        assert_eq!(region["startLine"], f["line"]);
        assert_eq!(region["endLine"], f["end_line"]);
        assert_eq!(
            r["partialFingerprints"]["keysweep/fingerprint/v1"],
            f["fingerprint"]
        );
    }
    // SARIF columns are UTF-16 code units: app.py has 'ë' (2 bytes, 1 unit) before the secret,
    // the other files only ASCII.
    for (r, f) in results.iter().zip(&findings) {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        let shift = u64::from(f["path"] == "src/app.py");
        assert_eq!(
            region["startColumn"].as_u64(),
            f["column"].as_u64().map(|c| c - shift)
        );
        assert_eq!(
            region["endColumn"].as_u64(),
            f["end_column"].as_u64().map(|c| c - shift)
        );
    }
    assert!(results.iter().any(|r| {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            == "docs/notes,%20draft.txt"
    }));
}

#[test]
fn junit_is_xml_with_a_suite_per_rule() {
    let dir = Dir::new();
    fixture(&dir);
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "junit"]));
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&out).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("tests"), Some("4"));
    assert_eq!(root.attribute("failures"), Some("4"));
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    let names: Vec<_> = suites.iter().filter_map(|s| s.attribute("name")).collect();
    assert_eq!(
        names,
        [
            "aws-access-key-id",
            "github-classic-pat",
            "stripe-live-secret-key"
        ]
    );
    for suite in &suites {
        assert_eq!(suite.tag_name().name(), "testsuite");
        let cases: Vec<_> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(
            suite.attribute("tests"),
            Some(cases.len().to_string().as_str())
        );
        for case in cases {
            let failure = case
                .children()
                .find(|n| n.has_tag_name("failure"))
                .expect("a failure per finding");
            assert!(failure
                .attribute("message")
                .is_some_and(|m| m.contains("*****")));
            assert!(failure.text().is_some_and(|t| t.contains("fix: ")));
            assert!(case.attribute("file").is_some() && case.attribute("line").is_some());
        }
    }
    let github = &suites[1];
    assert_eq!(github.attribute("tests"), Some("2"));

    // Clean: one passing test case.
    let clean = Dir::new();
    clean.create("a.txt", "hello\n");
    let (code, out, _) = run(ks(&clean).args(["scan", "--format", "junit"]));
    assert_eq!(code, 0);
    let doc = roxmltree::Document::parse(&out).expect("well-formed XML");
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 1);
    assert!(!doc.descendants().any(|n| n.has_tag_name("failure")));
}

#[test]
fn csv_reads_back_field_for_field() {
    let dir = Dir::new();
    fixture(&dir);
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "csv"]));
    assert_eq!(code, 1);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(&header[..4], ["rule_id", "description", "severity", "path"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.len() == header.len()));
    assert_eq!(&rows[0][3], "config/.env");
    assert_eq!(
        &rows[1][3], "docs/notes, draft.txt",
        "comma quoted and read back"
    );
    let aws_description = &rows[0][1];
    assert!(aws_description.contains(','), "{aws_description}");
}

#[test]
fn gitlab_report_has_the_schema_fields() {
    let dir = Dir::new();
    fixture(&dir);
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "gitlab"]));
    assert_eq!(code, 1);
    let r = json(&out);
    assert!(r["version"].as_str().is_some_and(|v| v.starts_with("15.")));
    let scan = &r["scan"];
    assert_eq!(scan["type"], "secret_detection");
    assert_eq!(scan["status"], "success");
    let time = Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$").expect("regex");
    for key in ["start_time", "end_time"] {
        assert!(
            scan[key].as_str().is_some_and(|t| time.is_match(t)),
            "{key}"
        );
    }
    for tool in ["analyzer", "scanner"] {
        for key in ["id", "name", "version"] {
            assert!(scan[tool][key].is_string(), "{tool}.{key}");
        }
        assert!(scan[tool]["vendor"]["name"].is_string());
    }
    let vulns = r["vulnerabilities"].as_array().expect("vulnerabilities");
    assert_eq!(vulns.len(), 4);
    let mut ids = std::collections::HashSet::new();
    for v in vulns {
        assert!(
            ids.insert(v["id"].as_str().expect("id").to_string()),
            "ids unique"
        );
        assert_eq!(v["category"], "secret_detection");
        assert!(
            ["Critical", "High", "Medium", "Low"].contains(&v["severity"].as_str().unwrap_or(""))
        );
        assert!(v["name"].is_string() && v["description"].is_string());
        assert!(v["location"]["file"].is_string());
        assert!(v["location"]["start_line"].as_u64().is_some_and(|n| n >= 1));
        assert!(v["location"]["commit"]["sha"]
            .as_str()
            .is_some_and(|s| !s.is_empty()));
        let ident = &v["identifiers"][0];
        for key in ["type", "name", "value"] {
            assert!(ident[key].is_string(), "identifier.{key}");
        }
        assert!(v.get("raw_source_code_extract").is_none());
    }
}

#[test]
fn fail_on_fails_only_at_or_above_the_severity() {
    let dir = Dir::new();
    let mut fake = Fake::new(41);
    dir.create(
        "a.env",
        &format!("AWS_ACCESS_KEY_ID={}\n", fake.aws_key_id()),
    );
    let code = |args: &[&str]| run(ks(&dir).arg("scan").args(args)).0;
    assert_eq!(code(&[]), 1);
    assert_eq!(
        code(&["--fail-on", "critical"]),
        0,
        "high is below critical"
    );
    assert_eq!(code(&["--fail-on", "high"]), 1);
    assert_eq!(code(&["--fail-on", "low"]), 1);
    assert_eq!(code(&["--fail-on", "high", "--exit-code", "7"]), 7);
    assert_eq!(code(&["--fail-on", "urgent"]), 2);
    // Below the threshold the finding is still reported.
    let (_, out, _) = run(ks(&dir).args(["scan", "--fail-on", "critical", "--format", "json"]));
    assert_eq!(json(&out)["findings"].as_array().map(Vec::len), Some(1));
}

#[test]
fn report_flag_checks_its_destinations() {
    let dir = Dir::new();
    dir.create("a.txt", "hello\n");
    let (code, _, err) = run(ks(&dir).args(["scan", "--report", "sarif:-", "--format", "json"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("more than one report goes to standard output"),
        "{err}"
    );
    let (code, _, err) = run(ks(&dir).args(["scan", "--report", "csv:x", "--report", "json:x"]));
    assert_eq!(code, 2);
    assert!(err.contains("more than one report"), "{err}");
    let (code, _, err) = run(ks(&dir).args(["scan", "--report", "pdf:x.pdf"]));
    assert_eq!(code, 2);
    assert!(err.contains("unknown format"), "{err}");
    let (code, _, err) = run(ks(&dir).args(["scan", "--report", "sarif:no/such/dir/x.sarif"]));
    assert_eq!(code, 2);
    assert!(err.contains("does not exist"), "{err}");
    // --report alone: no text on stdout; with --format, both.
    let (code, out, _) = run(ks(&dir).args(["scan", "--report", "sarif:x.sarif"]));
    assert_eq!((code, out.as_str()), (0, ""));
    let (_, out, _) = run(ks(&dir).args(["scan", "--report", "sarif:y.sarif", "--format", "text"]));
    assert!(out.contains("0 findings"), "{out}");
    assert!(dir.join("y.sarif").exists());
}

/// Where CI's SARIF validation step finds the samples (`target/sarif-samples/`).
fn sarif_samples_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .join("sarif-samples");
    std::fs::create_dir_all(&dir).expect("mkdir sarif-samples");
    dir
}

#[test]
fn sarif_sample_scan_with_findings() {
    let dir = Dir::new();
    fixture(&dir);
    let out = sarif_samples_dir().join("findings.sarif");
    let (code, _, err) = run(ks(&dir)
        .args(["scan", "--report"])
        .arg(format!("sarif:{}", out.display())));
    assert_eq!(code, 1, "{err}");
}

#[test]
fn sarif_sample_scan_without_findings() {
    let dir = Dir::new();
    dir.create("src/main.rs", "fn main() {}\n");
    let out = sarif_samples_dir().join("clean.sarif");
    let (code, _, err) = run(ks(&dir)
        .args(["scan", "--report"])
        .arg(format!("sarif:{}", out.display())));
    assert_eq!(code, 0, "{err}");
    let log = json(&std::fs::read_to_string(&out).expect("written"));
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"],
        serde_json::json!([])
    );
}

/// Findings with git provenance, as `keysweep git` will produce them, written by the library's
/// SARIF writer.
fn git_outcome() -> ScanOutcome {
    let mut fake = Fake::new(42);
    let finding = |rule: &str, severity, secret: String, path: &str, line, commit: &str| {
        let end_column = 9 + secret.len();
        Finding {
            rule_id: rule.to_string(),
            description: format!("Test rule {rule}"),
            severity,
            path: path.to_string(),
            span: Span {
                line,
                column: 9,
                end_line: line,
                end_column,
            },
            offset: 0..secret.len(),
            fingerprint: fingerprint(rule, secret.as_bytes(), path),
            secret,
            before: "token = ".to_string(),
            after: String::new(),
            entropy: 4.5,
            validation: None,
            validation_failed: false,
            remediation: "Revoke it, then purge it from history.".to_string(),
            git: Some(GitProvenance {
                commit: commit.to_string(),
                author: "Ada Lovelace".to_string(),
                email: "ada@example.com".to_string(),
                date: "2024-05-01T12:00:00+02:00".to_string(),
                message: "Add config".to_string(),
                also_in: 2,
                still_in_head: false,
            }),
            companions: Vec::new(),
            decoded: Vec::new(),
        }
    };
    let commit_a = "3f2c1a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a";
    let commit_b = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b";
    let findings = vec![
        finding(
            "github-classic-pat",
            Severity::Critical,
            fake.github_pat(),
            "app/settings.py",
            4,
            commit_a,
        ),
        finding(
            "aws-access-key-id",
            Severity::High,
            fake.aws_key_id(),
            "deploy/.env",
            1,
            commit_b,
        ),
    ];
    let mut findings = findings;
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut outcome = ScanOutcome::default();
    outcome.stats.findings = findings.len() as u64;
    outcome.findings = findings;
    outcome
}

fn git_context() -> ReportContext {
    let started = UNIX_EPOCH + Duration::from_secs(1_714_557_600);
    ReportContext {
        root: PathBuf::from("/work/repo"),
        started,
        finished: started + Duration::from_millis(1_250),
        vcs: Some(VcsContext {
            repository_uri: "https://github.com/example/repo".to_string(),
            revision_id: Some("0123456789abcdef0123456789abcdef01234567".to_string()),
            branch: Some("refs/heads/main".to_string()),
        }),
    }
}

#[test]
fn sarif_sample_git_provenance() {
    let outcome = git_outcome();
    let mut bytes = Vec::new();
    write_report(
        Format::Sarif,
        &outcome,
        ReportOptions::default(),
        &git_context(),
        &mut bytes,
    )
    .expect("write SARIF");
    let text = String::from_utf8(bytes).expect("UTF-8");
    for f in &outcome.findings {
        assert!(!text.contains(&f.secret), "redacted");
    }
    std::fs::write(sarif_samples_dir().join("git.sarif"), &text).expect("write sample");
    let log = json(&text);
    let run = &log["runs"][0];
    assert_eq!(
        run["versionControlProvenance"][0]["revisionId"],
        "0123456789abcdef0123456789abcdef01234567"
    );
    let props = &run["results"][0]["properties"];
    assert_eq!(props["commit"], "3f2c1a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a");
    assert_eq!(props["author"], "Ada Lovelace");
    assert_eq!(props["still_in_head"], false);
    // Fixed times and root: the whole file is a golden.
    golden("tests/golden/git.sarif", &text);
}

#[test]
fn git_findings_in_every_format() {
    let outcome = git_outcome();
    for format in [
        Format::Json,
        Format::Jsonl,
        Format::Csv,
        Format::Junit,
        Format::Gitlab,
    ] {
        let mut bytes = Vec::new();
        write_report(
            format,
            &outcome,
            ReportOptions::default(),
            &git_context(),
            &mut bytes,
        )
        .expect("write");
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(
            text.contains("3f2c1a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a"),
            "{format:?} shows the commit"
        );
        for f in &outcome.findings {
            assert!(!text.contains(&f.secret), "{format:?} redacts");
        }
    }
    let mut bytes = Vec::new();
    write_report(
        Format::Gitlab,
        &outcome,
        ReportOptions::default(),
        &git_context(),
        &mut bytes,
    )
    .expect("write");
    let r = json(&String::from_utf8(bytes).expect("UTF-8"));
    assert_eq!(r["scan"]["start_time"], "2024-05-01T10:00:00");
    assert_eq!(r["scan"]["end_time"], "2024-05-01T10:00:01");
    assert_eq!(
        r["vulnerabilities"][1]["location"]["commit"]["sha"],
        "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b"
    );
}
