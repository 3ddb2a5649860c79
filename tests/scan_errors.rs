//! Exit codes and error messages: a bad argument fails at once (exit 2) with a message naming
//! it; an input that cannot be read is a warning, the scan goes on, and the run exits 2.

use crate::util::{json, ks, run, Dir, Fake};

#[test]
fn a_missing_path_is_a_one_line_error() {
    let dir = Dir::new();
    let (code, out, err) = run(ks(&dir).args(["scan", "no/such/dir"]));
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/dir"), "{err}");
}

#[test]
fn a_bad_flag_exits_2() {
    let dir = Dir::new();
    let (code, _, err) = run(ks(&dir).args(["scan", "--no-such-flag"]));
    assert_eq!(code, 2);
    assert!(err.contains("--no-such-flag"), "{err}");
    let (code, _, err) = run(ks(&dir).args(["scan", "--max-file-size", "ten"]));
    assert_eq!(code, 2);
    assert!(err.contains("ten"), "{err}");
}

#[test]
fn an_output_path_in_a_missing_directory_fails_before_scanning() {
    let dir = Dir::new();
    dir.create("a.txt", "x\n");
    let (code, _, err) = run(ks(&dir).args(["scan", "--output", "missing/dir/report.json"]));
    assert_eq!(code, 2);
    assert!(err.contains("missing/dir"), "{err}");
    assert!(!dir.join("missing").exists());
}

#[test]
fn exit_code_flag_sets_the_findings_code() {
    let dir = Dir::new();
    let mut fake = Fake::new(20);
    dir.create("a.txt", &format!("t={}\n", fake.github_pat()));
    let (code, _, _) = run(ks(&dir).args(["scan", "--exit-code", "7"]));
    assert_eq!(code, 7);
    let (code, _, _) = run(ks(&dir).args(["scan", "--exit-code", "0"]));
    assert_eq!(code, 0);
}

#[test]
fn a_config_error_names_file_and_line() {
    let dir = Dir::new();
    dir.create(
        ".keysweep.toml",
        "[allowlist]\npaths = [\"a\"]\nregexs = []\n",
    );
    let (code, _, err) = run(ks(&dir).args(["scan"]));
    assert_eq!(code, 2);
    assert!(err.contains(".keysweep.toml:3:"), "{err}");
    assert!(err.contains("regexs"), "{err}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_listed_and_the_run_exits_2_with_its_findings() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    let mut fake = Fake::new(21);
    dir.create("found.txt", &format!("t={}\n", fake.github_pat()));
    let locked = dir.create("locked.txt", &format!("t={}\n", fake.github_pat()));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reads. The dangling-symlink case below
        // covers the same path through the code.
        eprintln!("skipping chmod case: running with read access to everything");
        return;
    }
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 2);
    assert!(err.contains("locked.txt"), "{err}");
    let r = json(&out);
    assert_eq!(r["findings"].as_array().map(|a| a.len()), Some(1));
    assert_eq!(r["skipped"][0]["path"], "locked.txt");
    assert_eq!(r["skipped"][0]["reason"], "unreadable");
    assert_eq!(r["stats"]["errors"], 1);
}

#[cfg(unix)]
#[test]
fn a_named_file_that_cannot_be_opened_makes_the_scan_incomplete() {
    let dir = Dir::new();
    let mut fake = Fake::new(22);
    dir.create("found.txt", &format!("t={}\n", fake.github_pat()));
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("dangling.txt")).expect("symlink");
    let (code, out, err) =
        run(ks(&dir).args(["scan", "found.txt", "dangling.txt", "--format", "json"]));
    assert_eq!(code, 2, "an incomplete scan never passes");
    assert!(err.contains("dangling.txt"), "{err}");
    assert!(err.contains("scan incomplete"), "{err}");
    let r = json(&out);
    assert_eq!(
        r["findings"].as_array().map(|a| a.len()),
        Some(1),
        "findings are still reported"
    );
    assert_eq!(r["skipped"][0]["path"], "dangling.txt");
    assert_eq!(r["skipped"][0]["reason"], "unreadable");
    assert_eq!(r["stats"]["errors"], 1);
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_makes_the_scan_incomplete() {
    let dir = Dir::new();
    dir.create("ok.txt", "x\n");
    // A directory entry that cannot be listed: a symlink loop named as a root.
    std::os::unix::fs::symlink(dir.join("self"), dir.join("self")).expect("symlink");
    let (code, _, err) = run(ks(&dir).args(["scan", "ok.txt", "self"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("self"), "{err}");
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    // `keysweep rules | head`, `keysweep scan | head`: the reader chose to stop. No message; a
    // scan's exit code is still its verdict (the scan itself ran to the end).
    use std::process::{Command, Stdio};
    let bin = assert_cmd::cargo::cargo_bin("keysweep");
    let dir = Dir::new();
    dir.create("a.txt", "nothing\n");
    dir.create(
        "b.txt",
        &format!("token = {}\n", Fake::new(50).github_pat()),
    );
    for (args, expected) in [(vec!["rules"], 0), (vec!["scan", "--format", "json"], 1)] {
        let mut child = Command::new(&bin)
            .args(&args)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawns");
        drop(child.stdout.take()); // the reader closes before anything is written
        let out = child.wait_with_output().expect("runs");
        assert_eq!(out.status.code(), Some(expected), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
