//! Living with findings: the config file (custom rules, disabled rules, allowlists), inline
//! allow comments, baselines, ignore files and `explain`.

use crate::util::{commit, git_init, json, ks, run, Dir, Fake};

/// A custom rule in keysweep's format: `acme_` and 20 lowercase letters or digits.
const ACME_RULE: &str = r#"id = "acme-token"
description = "Acme API token"
severity = "high"
keywords = ["acme_"]
regex = '''\b(acme_[a-z0-9]{20})\b'''
remediation = "Rotate it in the Acme console."
"#;

fn acme(fake: &mut Fake) -> String {
    format!(
        "acme_{}",
        fake.chars(b"abcdefghijklmnopqrstuvwxyz0123456789", 20)
    )
}

fn rule_ids(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule_id"].as_str().expect("rule_id").to_string())
        .collect()
}

fn scan_json(dir: &Dir, extra: &[&str]) -> (i32, serde_json::Value, String) {
    let mut args = vec!["scan", "--format", "json"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(ks(dir).args(&args));
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    (code, json(&out), err)
}

#[test]
fn custom_rules_disabled_rules_and_extend_default() {
    let dir = Dir::new();
    let mut fake = Fake::new(100);
    dir.create(
        "a.env",
        &format!("ACME={}\nGH={}\n", acme(&mut fake), fake.github_pat()),
    );
    dir.create(".keysweep.toml", &format!("[[rules]]\n{ACME_RULE}"));
    let (_, r, _) = scan_json(&dir, &[]);
    assert_eq!(rule_ids(&r), ["acme-token", "github-classic-pat"]);

    dir.create(
        ".keysweep.toml",
        &format!("[rules.disable]\nids = [\"github-classic-pat\"]\n[[rules.custom]]\n{ACME_RULE}"),
    );
    let (_, r, _) = scan_json(&dir, &[]);
    assert_eq!(rule_ids(&r), ["acme-token"]);

    dir.create(
        ".keysweep.toml",
        &format!("extend_default = false\n[[rules]]\n{ACME_RULE}"),
    );
    let (_, r, _) = scan_json(&dir, &[]);
    assert_eq!(rule_ids(&r), ["acme-token"]);
}

#[test]
fn config_errors_name_file_line_and_key_and_exit_2() {
    let dir = Dir::new();
    dir.create("a.txt", "nothing\n");
    let cases = [
        (
            format!("[[rules]]\n{ACME_RULE}secret_grup = 1\n"),
            ".keysweep.toml:8:",
            "secret_grup",
        ),
        (
            format!("# c\n[[rules]]\n{}", ACME_RULE.replace("{20}", "{20")),
            r#".keysweep.toml:7:1: rule 'acme-token': regex: unclosed counted repetition at byte 16 of "\b(acme_[a-z0-9]{20)\b""#,
            "regex",
        ),
        (
            "[allowlist]\nregexes = [\"(\"]\n".to_string(),
            ".keysweep.toml:2:12: allowlist regexes: '(': unclosed group at byte 0",
            "allowlist regexes",
        ),
        (
            "[rules.disable]\nids = [\"no-such-rule\"]\n".to_string(),
            ".keysweep.toml:2:",
            "no-such-rule",
        ),
        (
            "[[allowlists]]\nrules = [\"nope\"]\npaths = [\"x\"]\n".to_string(),
            ".keysweep.toml:1:",
            "nope",
        ),
        (
            "extend_defaults = false\n".to_string(),
            ".keysweep.toml:1:",
            "extend_defaults",
        ),
    ];
    for (text, location, key) in cases {
        dir.create(".keysweep.toml", &text);
        let (code, _, err) = run(ks(&dir).args(["scan"]));
        assert_eq!(code, 2, "{text}");
        assert!(err.contains(location) && err.contains(key), "{text}\n{err}");
    }
}

#[test]
fn rules_check_runs_the_examples_of_a_configs_custom_rules() {
    let dir = Dir::new();
    let mut fake = Fake::new(101);
    let good = format!(
        "[[rules]]\n{ACME_RULE}examples = ['t = \"{}\"']\nnegative_examples = ['t = \"acme_short\"']\n",
        acme(&mut fake)
    );
    let path = dir.create("custom.keysweep.toml", &good);
    let (code, out, err) = run(ks(&dir).args(["rules", "--check"]).arg(&path));
    assert_eq!(code, 0, "{out}{err}");
    let bad = good.replace("acme_short", &acme(&mut fake));
    dir.create("custom.keysweep.toml", &bad);
    let (code, _, err) = run(ks(&dir).args(["rules", "--check"]).arg(&path));
    assert_eq!(code, 2);
    assert!(err.contains("acme-token"), "{err}");
}

#[test]
fn allowlists_drop_and_count_per_reason() {
    let dir = Dir::new();
    let mut fake = Fake::new(102);
    let by_regex = acme(&mut fake).replace("acme_", "acme_test");
    let by_regex = by_regex[..25].to_string();
    let by_stopword = format!("acme_internal{}", fake.chars(b"abcdef0123456789", 12));
    let by_rule_allowlist = format!("acme_ci{}", fake.chars(b"abcdef0123456789", 18));
    let kept = acme(&mut fake);
    dir.create(
        "a.env",
        &format!("A={by_regex}\nB={by_stopword}\nC={by_rule_allowlist}\nD={kept}\n"),
    );
    dir.create("docs/x.md", &format!("E={}\n", acme(&mut fake)));
    dir.create(
        ".keysweep.toml",
        &format!(
            "[[rules]]\n{ACME_RULE}[[rules.allowlist]]\nregexes = ['^acme_ci']\n\
             [allowlist]\nregexes = ['^acme_test']\nstopwords = ['INTERNAL']\n\
             [[allowlists]]\nrules = ['acme-token']\npaths = ['docs/**']\n"
        ),
    );
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json", "--verbose"]));
    assert_eq!(code, 1, "{err}");
    let r = json(&out);
    assert_eq!(r["findings"].as_array().map(|a| a.len()), Some(1));
    assert_eq!(r["findings"][0]["line"], 4);
    let d = &r["stats"]["dropped"];
    assert_eq!(
        (
            d["allowlist_regex"].as_u64(),
            d["allowlist_stopword"].as_u64()
        ),
        (Some(2), Some(1))
    );
    assert_eq!(d["allowlist_path"], 1);
    assert!(err.contains("dropped a.env:1 acme-token"), "{err}");
    assert!(err.contains("allowlist stopword"), "{err}");
    assert!(err.contains("dropped docs/x.md:1"), "{err}");
    // A rule's own allowlist is named by its own line (the `[[rules.allowlist]]` header).
    let header = 2 + ACME_RULE.lines().count();
    assert!(
        err.contains(&format!("allowlist regex (.keysweep.toml:{header}:1)")),
        "{err}"
    );
    for secret in [&by_regex, &by_stopword, &by_rule_allowlist] {
        assert!(
            !err.contains(secret.as_str()),
            "verbose must not print secrets: {err}"
        );
    }
}

#[test]
fn inline_allow_markers_and_the_flag_that_ignores_them() {
    let dir = Dir::new();
    let mut fake = Fake::new(103);
    dir.create(
        "a.py",
        &format!(
            "a = '{}'  # keysweep:allow\nb = '{}'  // gitleaks:allow\nc = '{}'  # pragma: allowlist secret\nd = '{}'\n",
            fake.github_pat(),
            fake.github_pat(),
            fake.github_pat(),
            fake.github_pat()
        ),
    );
    let (_, r, _) = scan_json(&dir, &[]);
    assert_eq!(r["findings"].as_array().map(|a| a.len()), Some(1));
    assert_eq!(r["findings"][0]["line"], 4);
    assert_eq!(r["stats"]["dropped"]["inline_allow"], 3);
    let (_, r, _) = scan_json(&dir, &["--ignore-inline-allow"]);
    assert_eq!(r["findings"].as_array().map(|a| a.len()), Some(4));
}

#[test]
fn scoped_inline_allow_with_reason_and_expiry() {
    let dir = Dir::new();
    let mut fake = Fake::new(104);
    let line = |secret: String, comment: &str| format!("t = \"{secret}\"  # {comment}\n");
    let text = [
        line(
            fake.github_pat(),
            r#"keysweep:allow github-classic-pat reason="revoked in INC-12" until=2999-12-31"#,
        ),
        line(
            fake.github_pat(),
            r#"keysweep:allow stripe-live-secret-key reason="another rule""#,
        ),
        line(
            fake.github_pat(),
            r#"keysweep:allow github-classic-pat reason="expired" until=2001-01-01"#,
        ),
        line(fake.github_pat(), "keysweep:allow this is a test fixture"),
    ]
    .concat();
    dir.create("a.py", &text);
    let (_, r, _) = scan_json(&dir, &[]);
    let lines: Vec<u64> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(lines, [2, 3], "other rule and expired date are reported");
    let s = &r["suppressions"];
    assert_eq!(s.as_array().map(|a| a.len()), Some(2));
    assert_eq!(s[0]["line"], 1);
    assert_eq!(s[0]["rule"], "github-classic-pat");
    assert_eq!(s[0]["reason"], "revoked in INC-12");
    assert_eq!(s[0]["until"], "2999-12-31");
    assert_eq!(s[0]["marker"], "keysweep:allow");
    assert_eq!(s[1]["line"], 4);
    assert!(s[1].get("rule").is_none(), "free text is no rule: {s}");
}

#[test]
fn inline_allow_in_git_history_comes_from_the_same_blob() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(105);
    let pat = fake.github_pat();
    commit(
        &dir,
        &[("a.py", &format!("t = '{pat}'  # keysweep:allow\n"))],
        "allowed",
    );
    commit(
        &dir,
        &[("a.py", &format!("t = '{pat}'\n"))],
        "comment removed",
    );
    let (code, out, err) = run(ks(&dir).args(["git", "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let r = json(&out);
    assert_eq!(r["findings"].as_array().map(|a| a.len()), Some(1));
    assert_eq!(r["findings"][0]["message"], "comment removed");
    assert_eq!(r["stats"]["dropped"]["inline_allow"], 1);
}

fn baseline(dir: &Dir, args: &[&str]) -> String {
    let (code, _, err) = run(ks(dir).arg("baseline").args(args));
    assert_eq!(code, 0, "{err}");
    std::fs::read_to_string(dir.join(".keysweep-baseline.json")).expect("baseline written")
}

#[test]
fn baseline_reports_only_new_findings_and_is_stable() {
    let dir = Dir::new();
    let mut fake = Fake::new(106);
    let old = fake.github_pat();
    dir.create("src/a.env", &format!("T={old}\n"));
    let first = baseline(&dir, &[]);
    assert!(!first.contains(&old), "no plaintext secret in a baseline");
    assert_eq!(
        first,
        baseline(&dir, &[]),
        "byte-identical on an unchanged tree"
    );

    let (code, r, _) = scan_json(&dir, &["--baseline", ".keysweep-baseline.json"]);
    assert_eq!(
        (code, r["stats"]["dropped"]["baseline"].as_u64()),
        (0, Some(1))
    );

    // Lines added above the secret: still the same finding.
    dir.create("src/a.env", &format!("# header\n\nX=1\nT={old}\n"));
    let (code, _, _) = scan_json(&dir, &["--baseline", ".keysweep-baseline.json"]);
    assert_eq!(code, 0);

    // Scanned from another working directory: paths are relative to the scanned root.
    let (code, out, err) = run(ks(&dir).current_dir(dir.join("src")).args([
        "scan",
        "..",
        "--format",
        "json",
        "--baseline",
        "../.keysweep-baseline.json",
    ]));
    assert_eq!(code, 0, "{out}{err}");
    let (code, _, err) = run(ks(&dir)
        .current_dir("/")
        .arg("scan")
        .arg(dir.path())
        .arg("--baseline")
        .arg(dir.join(".keysweep-baseline.json")));
    assert_eq!(code, 0, "{err}");

    // With --show-secrets the baseline applies the same way, and a report written with
    // --show-secrets works as a baseline too.
    let (code, _, _) = scan_json(
        &dir,
        &["--show-secrets", "--baseline", ".keysweep-baseline.json"],
    );
    assert_eq!(code, 0);

    // A different secret on the baselined line is new.
    let new = fake.github_pat();
    dir.create("src/a.env", &format!("# header\n\nX=1\nT={new}\n"));
    let (code, r, _) = scan_json(&dir, &["--baseline", ".keysweep-baseline.json"]);
    assert_eq!(code, 1);
    assert_eq!(r["findings"][0]["line"], 4);
}

#[test]
fn a_report_with_secrets_shown_is_a_baseline_like_one_without() {
    let dir = Dir::new();
    let mut fake = Fake::new(107);
    dir.create("a.env", &format!("T={}\n", fake.github_pat()));
    let reports = Dir::new();
    let report = reports.join("report.json");
    for flags in [&["--show-secrets"][..], &[][..]] {
        let (_, out, _) = run(ks(&dir).args(["scan", "--format", "json"]).args(flags));
        std::fs::write(&report, out).expect("write");
        let (code, r, _) = scan_json(&dir, &["--baseline", &report.display().to_string()]);
        assert_eq!(
            (code, r["stats"]["dropped"]["baseline"].as_u64()),
            (0, Some(1))
        );
    }
}

#[test]
fn scan_and_git_give_the_same_fingerprint_for_the_same_content() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(108);
    commit(
        &dir,
        &[("cfg/a.env", &format!("T={}\n", fake.github_pat()))],
        "add",
    );
    let from_git = baseline(&dir, &["--git", "."]);
    let from_scan = baseline(&dir, &[]);
    let fp = |text: &str| json(text)["findings"][0]["fingerprint"].clone();
    assert_eq!(fp(&from_git), fp(&from_scan));
    let (code, _, err) = run(ks(&dir).args(["git", "--baseline", ".keysweep-baseline.json"]));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_file_named_on_the_command_line_has_one_fingerprint_from_any_directory() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(112);
    dir.create("cfg/a.env", &format!("T={}\n", fake.github_pat()));
    let absolute = dir.join("cfg/a.env").display().to_string();
    let scan_from = |cwd: &str, arg: &str| {
        let (code, out, err) = run(ks(&dir)
            .current_dir(dir.join(cwd))
            .args(["scan", arg, "--format", "json"]));
        assert_eq!(code, 1, "{err}");
        let f = &json(&out)["findings"][0];
        (f["path"].clone(), f["fingerprint"].clone())
    };
    let from_root = scan_from(".", "cfg/a.env");
    assert_eq!(from_root.0, "cfg/a.env", "relative to the work tree");
    assert_eq!(scan_from("cfg", "a.env"), from_root);
    assert_eq!(scan_from("cfg", &absolute), from_root);
    let whole_tree =
        json(&scan_json(&dir, &[]).1.to_string())["findings"][0]["fingerprint"].clone();
    assert_eq!(
        whole_tree, from_root.1,
        "the same as a scan of the whole tree"
    );

    // The work tree's config applies to the files named in it.
    dir.create(".keysweep.toml", "[allowlist]\npaths = [\"cfg/**\"]\n");
    let (code, out, err) = run(ks(&dir)
        .current_dir(dir.join("cfg"))
        .args(["scan", "a.env", "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(json(&out)["stats"]["dropped"]["allowlist_path"], 1);
}

#[test]
fn ignore_files_drop_entries_and_report_stale_ones() {
    let dir = Dir::new();
    let mut fake = Fake::new(109);
    dir.create("a.env", &format!("A={}\n", fake.github_pat()));
    dir.create("b.env", &format!("B={}\n", fake.github_pat()));
    dir.create("c.env", &format!("C={}\n", fake.github_pat()));
    let (_, r, _) = scan_json(&dir, &[]);
    let fp_a = r["findings"][0]["fingerprint"]
        .as_str()
        .expect("fp")
        .to_string();
    dir.create(
        ".keysweepignore",
        &format!("# reviewed\n{fp_a}\nb.env:github-classic-pat:1\ngone.env:github-classic-pat:9\na.env:github-classic-pat:1 # a again: not stale\n"),
    );
    // gitleaks' rule ids are not keysweep's: path and line decide.
    dir.create(".gitleaksignore", "c.env:github-pat:1\n");
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    let r = json(&out);
    assert_eq!(r["stats"]["dropped"]["ignore_file"], 3);
    let stale = r["stats"]["stale_ignore_entries"]
        .as_array()
        .expect("stale");
    assert_eq!(stale.len(), 1);
    assert!(
        stale[0]
            .as_str()
            .is_some_and(|s| s.ends_with(".keysweepignore:4: gone.env:github-classic-pat:9")),
        "{stale:?}"
    );
    assert!(
        err.contains("stale ignore entry") && err.contains("gone.env"),
        "{err}"
    );

    dir.create(".keysweepignore", "not an entry\n");
    let (code, _, err) = run(ks(&dir).args(["scan"]));
    assert_eq!(code, 2);
    assert!(err.contains(".keysweepignore:1:"), "{err}");
}

#[test]
fn explain_says_which_rule_validator_and_filter() {
    let dir = Dir::new();
    let mut fake = Fake::new(110);
    let pat = fake.github_pat();
    dir.create("a.env", &format!("A={pat}\n"));
    let (_, r, _) = scan_json(&dir, &[]);
    let fp = r["findings"][0]["fingerprint"]
        .as_str()
        .expect("fp")
        .to_string();
    let (code, out, err) = run(ks(&dir).args(["explain", &fp[..12]]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("rule         github-classic-pat"), "{out}");
    assert!(out.contains("a.env:1:3: reported"), "{out}");
    assert!(out.contains("regex"), "{out}");
    assert!(!out.contains(&pat), "{out}");

    dir.create(
        "a.env",
        &format!("A={pat} # keysweep:allow reason=\"demo\"\n"),
    );
    let (code, out, _) = run(ks(&dir).args(["explain", &fp]));
    assert_eq!(code, 0);
    assert!(
        out.contains("dropped by inline `keysweep:allow`, reason: demo"),
        "{out}"
    );

    let (code, _, err) = run(ks(&dir).args(["explain", "0123456789abcdef"]));
    assert_eq!(code, 2);
    assert!(err.contains("no finding has the fingerprint"), "{err}");
}

#[test]
fn a_gitleaks_config_at_the_root_is_read_in_gitleaks_format() {
    let dir = Dir::new();
    let mut fake = Fake::new(111);
    let allowed = format!("acme_{}", fake.chars(b"0123456789", 20));
    dir.create(
        "a.env",
        &format!(
            "ACME={}\nACME2={allowed}\nGH={}\n",
            acme(&mut fake),
            fake.github_pat()
        ),
    );
    let config = r#"title = "team config"

[extend]
useDefault = true

[[rules]]
id = "acme-token"
description = "Acme API token"
regex = '''\b(acme_[a-z0-9]{20})\b'''
secretGroup = 1
keywords = ["acme_"]
frobnicate = true

[[rules.allowlists]]
regexes = ['''^acme_[0-9]+$''']
"#;
    dir.create(".gitleaks.toml", config);
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let r = json(&out);
    assert_eq!(rule_ids(&r), ["acme-token", "github-classic-pat"]);
    assert_eq!(r["stats"]["dropped"]["allowlist_regex"], 1);
    assert!(
        err.contains(".gitleaks.toml:12") && err.contains("frobnicate"),
        "{err}"
    );

    // A keysweep config wins over a gitleaks one.
    dir.create(
        ".keysweep.toml",
        "[rules.disable]\nids = [\"github-classic-pat\"]\n",
    );
    let (_, r, _) = scan_json(&dir, &[]);
    assert_eq!(rule_ids(&r), Vec::<String>::new());

    // Go RE2 syntax that Rust's regex does not take: an error naming the rule.
    std::fs::remove_file(dir.join(".keysweep.toml")).expect("rm");
    dir.create(
        ".gitleaks.toml",
        &config.replace(r"\b(acme_", r"(?=x)\b(acme_"),
    );
    let (code, _, err) = run(ks(&dir).args(["scan"]));
    assert_eq!(code, 2);
    assert!(
        err.contains(".gitleaks.toml:") && err.contains("acme-token"),
        "{err}"
    );
}
