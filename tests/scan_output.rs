//! The JSON contract and the text report: fields, redaction, determinism, escaping.

use crate::util::{json, ks, run, Dir, Fake};

#[test]
fn json_report_has_the_documented_shape() {
    let dir = Dir::new();
    let mut fake = Fake::new(30);
    dir.create(
        "a.env",
        &format!("AWS_ACCESS_KEY_ID={}\n", fake.aws_key_id()),
    );
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1);
    let r = json(&out);
    assert_eq!(r["schema_version"], 1);
    assert_eq!(r["tool"]["name"], "keysweep");
    assert!(r["tool"]["version"].is_string());
    for key in [
        "files_scanned",
        "bytes_scanned",
        "skipped_binary",
        "skipped_too_large",
        "errors",
        "duration_ms",
    ] {
        assert!(
            r["stats"][key].is_u64(),
            "stats.{key} missing: {}",
            r["stats"]
        );
    }
    let f = &r["findings"][0];
    for key in [
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
        "remediation",
    ] {
        assert!(!f[key].is_null(), "finding.{key} missing: {f}");
    }
    assert_eq!(f["fingerprint"].as_str().map(str::len), Some(64));
    assert!(r["skipped"].is_array());
}

#[test]
fn secrets_are_redacted_unless_asked() {
    let dir = Dir::new();
    let mut fake = Fake::new(31);
    let secret = fake.stripe_live();
    dir.create("pay.rb", &format!("Stripe.api_key = '{secret}'\n"));
    for format in ["json", "text"] {
        let (_, out, err) = run(ks(&dir).args(["scan", "--format", format]));
        assert!(
            !out.contains(&secret) && !err.contains(&secret),
            "{format} leaks the secret"
        );
        let (_, out, _) = run(ks(&dir).args(["scan", "--show-secrets", "--format", format]));
        assert!(
            out.contains(&secret),
            "{format} hides the secret with --show-secrets"
        );
    }
}

#[test]
fn two_runs_give_identical_output_but_for_the_duration() {
    let dir = Dir::new();
    let mut fake = Fake::new(32);
    for i in 0..40 {
        dir.create(
            &format!("d{}/f{i}.txt", i % 7),
            &format!("a={}\nb={}\n", fake.github_pat(), fake.aws_key_id()),
        );
    }
    let strip = |s: String| {
        let mut v = json(&s);
        v["stats"]["duration_ms"] = serde_json::Value::Null;
        serde_json::to_string_pretty(&v).expect("serialize")
    };
    let (_, a, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    let (_, b, _) = run(ks(&dir).args(["scan", "--format", "json", "--threads", "1"]));
    assert_eq!(json(&a)["findings"].as_array().map(|f| f.len()), Some(80));
    assert_eq!(strip(a), strip(b));
}

#[test]
fn output_file_is_written_whole() {
    let dir = Dir::new();
    let mut fake = Fake::new(33);
    dir.create("a.txt", &format!("t={}\n", fake.github_pat()));
    let (code, out, _) =
        run(ks(&dir).args(["scan", "--format", "json", "--output", "report.json"]));
    assert_eq!(code, 1);
    assert!(out.is_empty());
    let text = std::fs::read_to_string(dir.join("report.json")).expect("report written");
    assert_eq!(json(&text)["findings"].as_array().map(|a| a.len()), Some(1));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".keysweep-report-")
        })
        .collect();
    assert!(leftovers.is_empty(), "temporary report left behind");
}

#[test]
fn text_report_blocks_and_summary() {
    let dir = Dir::new();
    let mut fake = Fake::new(34);
    dir.create(
        "cfg/app.ini",
        &format!("[gh]\ntoken = {}\n", fake.github_pat()),
    );
    let (code, out, _) = run(ks(&dir).args(["scan"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("cfg/app.ini:2:9  github-classic-pat  [critical]"),
        "{out}"
    );
    assert!(out.contains("  | token = ghp_*****"), "{out}");
    assert!(out.contains("  fix: "), "{out}");
    assert!(out.contains("1 finding (1 critical) in 1 file"), "{out}");
    assert!(!out.contains('\x1b'), "no colour when not on a terminal");
}

#[test]
fn text_report_escapes_control_characters() {
    let dir = Dir::new();
    let mut fake = Fake::new(35);
    let name = "evil\x1b[2J.txt";
    dir.create(name, &format!("t=\x1b]0;pwned\x07 {}\n", fake.github_pat()));
    let (code, out, _) = run(ks(&dir).args(["scan"]));
    assert_eq!(code, 1);
    assert!(
        !out.contains('\x1b'),
        "raw escape reached the terminal: {out:?}"
    );
    assert!(
        !out.contains('\x07'),
        "raw BEL reached the terminal: {out:?}"
    );
    assert!(out.contains("evil\\x1b[2J.txt"), "{out}");
}

#[test]
fn rules_listing_and_check() {
    let dir = Dir::new();
    let (code, out, _) = run(ks(&dir).args(["rules"]));
    assert_eq!(code, 0);
    assert!(out.contains("github-classic-pat"), "{out}");
    dir.create(
        "my.toml",
        "[[rule]]\nid = \"acme\"\ndescription = \"Acme key\"\nseverity = \"high\"\nkeywords = [\"acme_\"]\n\
         regex = '''(acme_[a-z0-9]{16})'''\nremediation = \"Rotate it in the Acme console.\"\n\
         examples = [\"k = acme_q8w7e6r5t4y3u2i1\"]\nnegative_examples = [\"acme_short\"]\n",
    );
    let (code, out, err) = run(ks(&dir).args(["rules", "--check", "my.toml"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 rule(s) OK"), "{out}");
    dir.create(
        "bad.toml",
        "[[rule]]\nid = \"acme\"\ndescription = \"Acme key\"\nseverity = \"high\"\nkeywords = [\"acme_\"]\n\
         regex = '''(acme_[a-z0-9]{16})'''\nremediation = \"Rotate it in the Acme console.\"\n\
         examples = [\"k = acme_tooshort\"]\n",
    );
    let (code, _, err) = run(ks(&dir).args(["rules", "--check", "bad.toml"]));
    assert_eq!(code, 2);
    assert!(err.contains("example not detected"), "{err}");
}

#[cfg(unix)]
#[test]
fn output_to_a_device_or_symlink_writes_through_it() {
    let dir = Dir::new();
    let mut fake = Fake::new(36);
    dir.create("a.txt", &format!("t={}\n", fake.github_pat()));
    let (code, _, err) =
        run(ks(&dir).args(["scan", "a.txt", "--format", "json", "--output", "/dev/null"]));
    assert_eq!(code, 1, "{err}");
    let meta = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(!meta.is_file(), "/dev/null was replaced by a regular file");

    let target = dir.join("real.json");
    std::fs::write(&target, "old").expect("write");
    std::os::unix::fs::symlink(&target, dir.join("link.json")).expect("symlink");
    let (code, _, err) =
        run(ks(&dir).args(["scan", "a.txt", "--format", "json", "--output", "link.json"]));
    assert_eq!(code, 1, "{err}");
    assert!(std::fs::symlink_metadata(dir.join("link.json"))
        .expect("link")
        .file_type()
        .is_symlink());
    let text = std::fs::read_to_string(&target).expect("target");
    assert_eq!(json(&text)["findings"].as_array().map(|a| a.len()), Some(1));
}
