//! What `keysweep scan` reads and finds: ignore files, hidden files, `.git/`, binary and large
//! files, odd bytes, file arguments, the path allowlist.

use crate::util::{json, ks, run, Dir, Fake};

fn finding_paths(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_string())
        .collect()
}

#[test]
fn finds_a_secret_with_exact_location() {
    let dir = Dir::new();
    let mut fake = Fake::new(1);
    let pat = fake.github_pat();
    dir.create("src/app.py", &format!("import os\n\nTOKEN = \"{pat}\"\n"));
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "stderr: {err}");
    let r = json(&out);
    let f = &r["findings"][0];
    assert_eq!(f["rule_id"], "github-classic-pat");
    assert_eq!(f["path"], "src/app.py");
    assert_eq!(f["line"], 3);
    assert_eq!(f["column"], 10);
    assert_eq!(f["end_line"], 3);
    assert_eq!(f["end_column"], 10 + 40);
    assert_eq!(f["severity"], "critical");
    assert_eq!(r["findings"].as_array().map(|a| a.len()), Some(1));
    assert!(!out.contains(&pat), "secret must be redacted");
}

#[test]
fn clean_tree_exits_zero() {
    let dir = Dir::new();
    dir.create("README.md", "nothing to see\n");
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 0);
    let r = json(&out);
    assert_eq!(r["findings"].as_array().map(|a| a.len()), Some(0));
    assert_eq!(r["stats"]["files_scanned"], 1);
}

#[test]
fn honours_gitignore_scans_hidden_files_and_skips_dot_git() {
    let dir = Dir::new();
    let mut fake = Fake::new(2);
    dir.create(".gitignore", "ignored.txt\nbuild/\n");
    dir.create("ignored.txt", &format!("t={}\n", fake.github_pat()));
    dir.create("build/out.txt", &format!("t={}\n", fake.github_pat()));
    dir.create(".env", &format!("GITHUB_TOKEN={}\n", fake.github_pat()));
    dir.create(".ssh/config.txt", &format!("t={}\n", fake.github_pat()));
    dir.create(".git/config", &format!("t={}\n", fake.github_pat()));
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1);
    assert_eq!(finding_paths(&json(&out)), vec![".env", ".ssh/config.txt"]);

    let (_, out, _) = run(ks(&dir).args(["scan", "--no-ignore", "--format", "json"]));
    assert_eq!(
        finding_paths(&json(&out)),
        vec![".env", ".ssh/config.txt", "build/out.txt", "ignored.txt"]
    );
}

#[test]
fn a_file_named_on_the_command_line_is_scanned_even_if_ignored() {
    let dir = Dir::new();
    let mut fake = Fake::new(3);
    dir.create(".gitignore", "secret.txt\n");
    dir.create("secret.txt", &format!("t={}\n", fake.github_pat()));
    dir.create("other.txt", &format!("t={}\n", fake.github_pat()));
    let (code, out, _) = run(ks(&dir).args(["scan", "secret.txt", "--format", "json"]));
    assert_eq!(code, 1);
    assert_eq!(finding_paths(&json(&out)), vec!["secret.txt"]);
}

#[test]
fn pre_commit_style_file_list_reports_paths_as_given() {
    let dir = Dir::new();
    let mut fake = Fake::new(4);
    dir.create("a/one.txt", &format!("t={}\n", fake.github_pat()));
    dir.create("b/two.txt", &format!("t={}\n", fake.aws_key_id()));
    dir.create("c/three.txt", &format!("t={}\n", fake.github_pat()));
    let (code, out, _) =
        run(ks(&dir).args(["scan", "./a/one.txt", "b/two.txt", "--format", "json"]));
    assert_eq!(code, 1);
    assert_eq!(finding_paths(&json(&out)), vec!["a/one.txt", "b/two.txt"]);
}

#[test]
fn binary_and_large_files_are_skipped_and_counted() {
    let dir = Dir::new();
    let mut fake = Fake::new(5);
    let mut bin = b"\x7fELF\0\0".to_vec();
    bin.extend_from_slice(fake.github_pat().as_bytes());
    dir.create_bytes("tool.bin", &bin);
    let big = format!("t={}\n{}", fake.github_pat(), "x".repeat(2000));
    dir.create("big.txt", &big);
    dir.create("small.txt", "hello\n");
    let (code, out, _) = run(ks(&dir).args(["scan", "--max-file-size", "1K", "--format", "json"]));
    assert_eq!(code, 0, "skips are not errors");
    let r = json(&out);
    assert_eq!(r["stats"]["skipped_binary"], 1);
    assert_eq!(r["stats"]["skipped_too_large"], 1);
    assert_eq!(r["stats"]["files_scanned"], 1);
    let skipped = r["skipped"].as_array().expect("skipped");
    assert_eq!(
        skipped.len(),
        1,
        "binary files are only counted: {skipped:?}"
    );
    assert_eq!(skipped[0]["path"], "big.txt");
    assert_eq!(skipped[0]["reason"], "too_large");

    let (_, out, _) = run(ks(&dir).args([
        "scan",
        "--max-file-size",
        "1K",
        "--list-skipped",
        "--format",
        "json",
    ]));
    assert_eq!(json(&out)["skipped"].as_array().map(|a| a.len()), Some(2));
}

#[test]
fn crlf_invalid_utf8_and_missing_final_newline() {
    let dir = Dir::new();
    let mut fake = Fake::new(6);
    let pat = fake.github_pat();
    let mut data = b"\xff\xfe bad utf8\r\nsecond line\r\nkey: ".to_vec();
    data.extend_from_slice(pat.as_bytes());
    dir.create_bytes("win.txt", &data);
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1);
    let f = &json(&out)["findings"][0];
    assert_eq!(f["line"], 3);
    assert_eq!(f["column"], 6);
    assert_eq!(f["end_column"], 46);
}

#[test]
fn a_secret_at_the_end_of_a_long_single_line() {
    let dir = Dir::new();
    let mut fake = Fake::new(7);
    let first = fake.github_pat();
    let last = fake.aws_key_id();
    let mut line = format!("var a=\"{first}\";");
    while line.len() < 3 * 1024 * 1024 {
        line.push_str("function(x){return x+1};");
    }
    let col = line.len() + 1 + 4;
    line.push_str(&format!("var k=\"{last}\""));
    dir.create("bundle.min.js", &line);
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1);
    let r = json(&out);
    let findings = r["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert_eq!(findings[0]["column"], 8);
    assert_eq!(findings[1]["line"], 1);
    assert_eq!(findings[1]["column"], col + 3);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_fifos_do_not_hang() {
    let dir = Dir::new();
    let mut fake = Fake::new(8);
    dir.create("d/real.txt", &format!("t={}\n", fake.github_pat()));
    std::os::unix::fs::symlink(dir.join("d"), dir.join("d/loop")).expect("symlink");
    std::os::unix::fs::symlink(dir.join("d/real.txt"), dir.join("link.txt")).expect("symlink");
    let fifo = dir.join("pipe");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    let (code, out, _) = run(ks(&dir)
        .args(["scan", "--format", "json"])
        .timeout(std::time::Duration::from_secs(60)));
    assert_eq!(code, 1);
    assert_eq!(
        finding_paths(&json(&out)),
        vec!["d/real.txt"],
        "symlinks are not followed"
    );

    // A FIFO named on the command line is listed, not read.
    let (code, out, _) = run(ks(&dir)
        .args(["scan", "pipe", "--format", "json"])
        .timeout(std::time::Duration::from_secs(60)));
    assert_eq!(code, 0);
    let r = json(&out);
    assert_eq!(r["skipped"][0]["path"], "pipe");
    assert_eq!(r["skipped"][0]["reason"], "not_a_file");
}

#[test]
fn path_allowlist_in_config_drops_and_counts() {
    let dir = Dir::new();
    let mut fake = Fake::new(9);
    dir.create(".keysweep.toml", "[allowlist]\npaths = [\"fixtures/**\"]\n");
    dir.create("fixtures/a.txt", &format!("t={}\n", fake.github_pat()));
    dir.create("src/b.txt", &format!("t={}\n", fake.github_pat()));
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1);
    let r = json(&out);
    assert_eq!(finding_paths(&r), vec!["src/b.txt"]);
    assert_eq!(r["stats"]["dropped"]["allowlist_path"], 1);
}

#[test]
fn scanning_a_subdirectory_reports_paths_relative_to_it() {
    let dir = Dir::new();
    let mut fake = Fake::new(10);
    dir.create("proj/conf/app.env", &format!("T={}\n", fake.github_pat()));
    let (code, out, _) = run(ks(&dir).args(["scan", "proj", "--format", "json"]));
    assert_eq!(code, 1);
    assert_eq!(finding_paths(&json(&out)), vec!["conf/app.env"]);
}

#[test]
fn several_rules_in_one_file_are_sorted() {
    let dir = Dir::new();
    let mut fake = Fake::new(11);
    let text = format!(
        "stripe = \"{}\"\naws = \"{}\"\ngh = \"{}\"\n",
        fake.stripe_live(),
        fake.aws_key_id(),
        fake.github_pat()
    );
    dir.create("config.yml", &text);
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1);
    let r = json(&out);
    let lines: Vec<i64> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["line"].as_i64().expect("line"))
        .collect();
    assert_eq!(lines, vec![1, 2, 3]);
}

#[test]
fn well_known_public_keys_are_dropped_and_counted() {
    let dir = Dir::new();
    dir.create(
        "hardhat.config.js",
        concat!(
            "module.exports = { networks: { hardhat: { accounts: { mnemonic: ",
            "\"test test test test test test test test test test test junk\" } },\n",
            "  local: { url: \"http://127.0.0.1:8545\", accounts: [\n",
            "    \"0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80\",\n",
            "  ] } } };\n",
            "// PRIVATE_KEY=0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d\n",
        ),
    );
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 0, "{out}");
    let r = json(&out);
    assert_eq!(r["stats"]["dropped"]["known_test_key"], 3);
}
