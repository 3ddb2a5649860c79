//! Offline validation as the user sees it: `validated` on findings that a checksum proves, no
//! finding for a look-alike whose checksum fails (unless `--report-invalid`, then at low
//! severity), and `--min-severity`.

use crate::util::{json, ks, run, Dir, Fake, ALNUM};

#[test]
fn a_token_with_a_valid_checksum_is_reported_validated() {
    let dir = Dir::new();
    let token = Fake::new(11).github_pat();
    dir.create("deploy.sh", &format!("export GITHUB_TOKEN={token}\n"));
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "{out}");
    let r = json(&out);
    let f = &r["findings"][0];
    assert_eq!(f["rule_id"], "github-classic-pat");
    assert_eq!(f["validated"], true);
    assert_eq!(f["validation"], "github-crc32");
    assert_eq!(f["severity"], "critical");
    assert!(f.get("validation_failed").is_none(), "{f}");
}

#[test]
fn a_checksum_failure_is_not_reported_unless_asked_then_at_low_severity() {
    let dir = Dir::new();
    let token = Fake::new(12).github_pat_bad_checksum();
    dir.create("deploy.sh", &format!("export GITHUB_TOKEN={token}\n"));
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 0, "{out}");
    assert_eq!(json(&out)["findings"].as_array().map(Vec::len), Some(0));

    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json", "--report-invalid"]));
    assert_eq!(code, 1, "{out}");
    let r = json(&out);
    let f = &r["findings"][0];
    assert_eq!(f["rule_id"], "github-classic-pat");
    assert_eq!(f["severity"], "low");
    assert_eq!(f["validated"], false);
    assert_eq!(f["validation"], "github-crc32");
    assert_eq!(f["validation_failed"], true);

    let (_, text, _) = run(ks(&dir).args(["scan", "--report-invalid"]));
    assert!(text.contains("validation failed: github-crc32"), "{text}");
}

/// npm tokens carry GitHub's CRC32 layout: a valid one is reported validated, a look-alike
/// with one character changed only with `--report-invalid`.
#[test]
fn npm_tokens_are_checked_by_their_checksum() {
    let dir = Dir::new();
    let mut fake = Fake::new(13);
    let token = fake.npm_token();
    let mut bad = fake.npm_token().into_bytes();
    bad[12] = if bad[12] == b'a' { b'b' } else { b'a' };
    let bad = String::from_utf8(bad).expect("ascii");
    dir.create(
        ".npmrc",
        &format!("//registry.npmjs.org/:_authToken={token}\n"),
    );
    dir.create("ci/publish.sh", &format!("export NPM_TOKEN={bad}\n"));

    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "{out}");
    let r = json(&out);
    assert_eq!(r["findings"].as_array().map(Vec::len), Some(1), "{out}");
    let f = &r["findings"][0];
    assert_eq!(f["rule_id"], "npm-access-token");
    assert_eq!(f["path"], ".npmrc");
    assert_eq!(f["validated"], true);
    assert_eq!(f["validation"], "npm-crc32");

    let failed = failed_validation(&dir);
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["path"], "ci/publish.sh");
    assert_eq!(failed[0]["severity"], "low");
}

/// A JWT whose header names its `alg` is reported validated by `jwt`; the same shape with a
/// header that names none is not a signed token, and is reported only with `--report-invalid`.
#[test]
fn jwts_are_checked_by_their_structure() {
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let mut fake = Fake::new(14);
    let payload = b64(&format!(
        r#"{{"sub":"{}","iat":1767225600}}"#,
        fake.chars(b"0123456789abcdef", 24)
    ));
    let signature = fake.chars(ALNUM, 43);
    let signed = format!(
        "{}.{payload}.{signature}",
        b64(r#"{"alg":"HS256","typ":"JWT"}"#)
    );
    let no_alg = format!(
        "{}.{payload}.{signature}",
        b64(r#"{"typ":"JWT","kid":"k1"}"#)
    );
    let dir = Dir::new();
    dir.create(
        "session.txt",
        &format!("cookie: {signed}\nlegacy: {no_alg}\n"),
    );

    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "{out}");
    let r = json(&out);
    assert_eq!(r["findings"].as_array().map(Vec::len), Some(1), "{out}");
    let f = &r["findings"][0];
    assert_eq!(
        (f["rule_id"].as_str(), f["line"].as_u64()),
        (Some("jwt"), Some(1))
    );
    assert_eq!(f["validated"], true);
    assert_eq!(f["validation"], "jwt");

    let failed = failed_validation(&dir);
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["line"], 2);
}

/// The findings of `keysweep scan --report-invalid` in `dir` whose validation failed.
fn failed_validation(dir: &Dir) -> Vec<serde_json::Value> {
    let (_, out, _) = run(ks(dir).args(["scan", "--format", "json", "--report-invalid"]));
    json(&out)["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter(|f| f["validation_failed"] == true)
        .cloned()
        .collect()
}

#[test]
fn min_severity_drops_and_counts_what_is_below_it() {
    let dir = Dir::new();
    let mut fake = Fake::new(13);
    let key_id = fake.aws_key_id();
    let token = fake.github_pat();
    dir.create(
        "config.env",
        &format!("AWS_ACCESS_KEY_ID={key_id}\nGITHUB_TOKEN={token}\n"),
    );
    let (code, out, _) =
        run(ks(&dir).args(["scan", "--format", "json", "--min-severity", "critical"]));
    assert_eq!(code, 1, "{out}");
    let r = json(&out);
    let ids: Vec<&str> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule_id"].as_str())
        .collect();
    assert_eq!(ids, ["github-classic-pat"]);
    assert_eq!(r["stats"]["dropped"]["below_min_severity"], 1);

    dir.create("config.env", &format!("AWS_ACCESS_KEY_ID={key_id}\n"));
    let (code, out, _) =
        run(ks(&dir).args(["scan", "--format", "json", "--min-severity", "critical"]));
    assert_eq!(code, 0, "only a high finding, below critical: {out}");
    let (_, _, err) = run(ks(&dir).args(["scan", "--min-severity", "severe"]));
    assert!(err.contains("severe"), "{err}");
}
