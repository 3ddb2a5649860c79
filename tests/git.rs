//! `keysweep git`: history, attribution, ranges, odd repositories, staged scans and the hook.
//! Every repository is built at test time with the `git` command.

use crate::util::{commit, git, git_at, git_init, json, ks, run, Dir, Fake};

fn findings(report: &serde_json::Value) -> Vec<serde_json::Value> {
    report["findings"].as_array().cloned().unwrap_or_default()
}

fn scan_git(dir: &Dir, extra: &[&str]) -> (i32, serde_json::Value, String) {
    let mut args = vec!["git", "--format", "json", "--no-progress"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(ks(dir).args(&args));
    let report = if out.trim().is_empty() {
        serde_json::Value::Null
    } else {
        json(&out)
    };
    (code, report, err)
}

#[test]
fn a_secret_removed_later_is_found_and_attributed_to_the_commit_that_added_it() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(100);
    let pat = fake.github_pat();
    commit(&dir, &[("README.md", "hello\n")], "first");
    dir.create(
        "app/config.py",
        &format!("DEBUG = True\nTOKEN = \"{pat}\"\n"),
    );
    git(dir.path(), &["add", "-A"]);
    git_at(
        dir.path(),
        &["commit", "-q", "-m", "add config\n\nbody"],
        "2024-03-04T05:06:07+02:00",
    );
    let added = git(dir.path(), &["rev-parse", "HEAD"]);
    commit(
        &dir,
        &[("app/config.py", "DEBUG = True\nTOKEN = os.environ['T']\n")],
        "remove token",
    );

    let (code, r, err) = scan_git(&dir, &[]);
    assert_eq!(code, 1, "{err}");
    let f = findings(&r);
    assert_eq!(f.len(), 1, "{r}");
    assert_eq!(f[0]["rule_id"], "github-classic-pat");
    assert_eq!(f[0]["path"], "app/config.py");
    assert_eq!(f[0]["line"], 2);
    assert_eq!(f[0]["column"], 10);
    assert_eq!(f[0]["commit"], added.as_str());
    assert_eq!(f[0]["author"], "Ada Tester");
    assert_eq!(f[0]["email"], "ada@example.test");
    assert_eq!(f[0]["date"], "2024-03-04T05:06:07+02:00");
    assert_eq!(f[0]["message"], "add config");
    assert_eq!(f[0]["still_in_head"], false);
    assert_eq!(f[0]["also_in"], 0);
    assert_eq!(r["scope"]["mode"], "history");
    assert_eq!(r["scope"]["commits"], 3);
    assert_eq!(r["scope"]["shallow"], false);
    assert!(!r.to_string().contains(&pat), "redacted");
}

#[test]
fn the_same_secret_in_many_places_is_one_finding_with_also_in() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(101);
    let key = fake.aws_key_id();
    let first = commit(
        &dir,
        &[("a.env", &format!("AWS_ACCESS_KEY_ID={key}\n"))],
        "a",
    );
    commit(
        &dir,
        &[("a.env", &format!("X=1\nAWS_ACCESS_KEY_ID={key}\n"))],
        "edit a",
    );
    commit(
        &dir,
        &[("copy/b.env", &format!("AWS_ACCESS_KEY_ID={key}\n"))],
        "copy",
    );
    let (code, r, _) = scan_git(&dir, &[]);
    assert_eq!(code, 1);
    let f = findings(&r);
    assert_eq!(f.len(), 1, "{r}");
    assert_eq!(f[0]["commit"], first.as_str());
    assert_eq!(f[0]["path"], "a.env");
    // The first blob of a.env is also at copy/b.env; the edited a.env is a second blob.
    assert_eq!(f[0]["also_in"], 2);
    assert_eq!(f[0]["still_in_head"], true);
}

#[test]
fn branch_selects_one_history_and_all_refs_include_tags_of_tags() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(102);
    commit(&dir, &[("a.txt", "a\n")], "base");
    git(dir.path(), &["checkout", "-q", "-b", "side"]);
    commit(
        &dir,
        &[("side.txt", &format!("t={}\n", fake.github_pat()))],
        "side secret",
    );
    git(dir.path(), &["checkout", "-q", "--orphan", "lonely"]);
    git(dir.path(), &["rm", "-rq", "--cached", "."]);
    commit(
        &dir,
        &[("tagged.txt", &format!("t={}\n", fake.stripe_live()))],
        "only tagged",
    );
    git(dir.path(), &["tag", "-a", "inner", "-m", "inner"]);
    git(
        dir.path(),
        &["tag", "-a", "outer", "inner^{tag}", "-m", "tag of a tag"],
    );
    git(dir.path(), &["tag", "-d", "inner"]);
    git(dir.path(), &["checkout", "-q", "main"]);
    git(dir.path(), &["branch", "-D", "lonely"]);

    let (_, r, _) = scan_git(&dir, &[]);
    let mut paths: Vec<String> = findings(&r)
        .iter()
        .map(|f| f["path"].as_str().unwrap_or("").to_string())
        .collect();
    paths.sort();
    assert_eq!(paths, vec!["side.txt", "tagged.txt"]);

    let (code, r, _) = scan_git(&dir, &["--branch", "main"]);
    assert_eq!(code, 0, "{r}");
    assert_eq!(findings(&r).len(), 0);
}

#[test]
fn a_range_reports_only_what_its_commits_introduce() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(103);
    let old = fake.github_pat();
    let new = fake.aws_key_id();
    commit(&dir, &[("old.txt", &format!("t={old}\n"))], "old secret");
    let base = commit(&dir, &[("x.txt", "x\n")], "base");
    git(dir.path(), &["checkout", "-q", "-b", "feature"]);
    commit(
        &dir,
        &[("old.txt", &format!("t={old}\nmore\n")), ("y.txt", "y\n")],
        "touch old",
    );
    let introduced = commit(&dir, &[("new.txt", &format!("k={new}\n"))], "new secret");

    let range = format!("{base}..feature");
    let (code, r, _) = scan_git(&dir, &["--range", &range]);
    assert_eq!(code, 1);
    let f = findings(&r);
    // old.txt changed in the range, but its secret was already there in the base.
    assert_eq!(f.len(), 1, "{r}");
    assert_eq!(f[0]["path"], "new.txt");
    assert_eq!(f[0]["commit"], introduced.as_str());
    assert_eq!(r["stats"]["dropped"]["already_in_base"], 1);
    assert_eq!(r["scope"]["mode"], "range");
    assert_eq!(r["scope"]["commits"], 2);

    let (code, _, err) = scan_git(&dir, &["--range", "main...feature"]);
    assert_eq!(code, 2);
    assert!(err.contains("symmetric difference"), "{err}");

    // --since REF on one branch covers the same commits.
    let (code, r, _) = scan_git(&dir, &["--since", &base, "--branch", "feature"]);
    assert_eq!(code, 1);
    assert_eq!(r["scope"]["commits"], 2);
}

#[test]
fn a_range_does_not_report_a_secret_already_in_base() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(104);
    commit(
        &dir,
        &[("keep.txt", &format!("t={}\n", fake.github_pat()))],
        "secret in base",
    );
    let base = git(dir.path(), &["rev-parse", "HEAD"]);
    commit(&dir, &[("other.txt", "unrelated\n")], "unrelated change");
    let (code, r, _) = scan_git(&dir, &["--range", &format!("{base}..HEAD")]);
    assert_eq!(code, 0, "{r}");
    assert_eq!(findings(&r).len(), 0);
}

#[test]
fn a_secret_only_a_merge_resolution_introduces_is_attributed_to_the_merge() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(105);
    commit(&dir, &[("conf.txt", "value = 1\n")], "base");
    git(dir.path(), &["checkout", "-q", "-b", "other"]);
    commit(&dir, &[("conf.txt", "value = 2\n")], "other");
    git(dir.path(), &["checkout", "-q", "main"]);
    commit(&dir, &[("conf.txt", "value = 3\n")], "main");
    let out = std::process::Command::new("git")
        .current_dir(dir.path())
        .args([
            "-c",
            "user.name=Ada Tester",
            "-c",
            "user.email=ada@example.test",
            "merge",
            "-q",
            "other",
        ])
        .output()
        .expect("git merge");
    assert!(!out.status.success(), "the merge must conflict");
    let pat = fake.github_pat();
    dir.create("conf.txt", &format!("value = 4\ntoken = {pat}\n"));
    git(dir.path(), &["add", "conf.txt"]);
    git(dir.path(), &["commit", "-q", "--no-edit"]);
    let merge = git(dir.path(), &["rev-parse", "HEAD"]);
    let (code, r, _) = scan_git(&dir, &[]);
    assert_eq!(code, 1);
    let f = findings(&r);
    assert_eq!(f.len(), 1, "{r}");
    assert_eq!(f[0]["commit"], merge.as_str());
    assert_eq!(f[0]["line"], 2);
}

#[test]
fn bare_repositories_subdirectories_and_not_a_repository() {
    let dir = Dir::new();
    let work = dir.join("work");
    std::fs::create_dir_all(&work).expect("mkdir");
    let mut fake = Fake::new(106);
    git(&work, &["init", "-q"]);
    std::fs::create_dir_all(work.join("deep/er")).expect("mkdir");
    std::fs::write(
        work.join("deep/er/s.txt"),
        format!("t={}\n", fake.github_pat()),
    )
    .expect("write");
    git(&work, &["add", "-A"]);
    git(&work, &["commit", "-q", "-m", "c"]);
    git(dir.path(), &["clone", "-q", "--bare", "work", "bare.git"]);

    for repo in ["bare.git", "work/deep/er"] {
        let (code, out, err) = run(ks(&dir).args(["git", repo, "--format", "json"]));
        assert_eq!(code, 1, "{repo}: {err}");
        assert_eq!(json(&out)["findings"][0]["path"], "deep/er/s.txt", "{repo}");
    }
    std::fs::create_dir_all(dir.join("plain")).expect("mkdir");
    let outside = tempfile::tempdir().expect("tempdir");
    let (code, out, err) = run(ks(&dir).args(["git", outside.path().to_str().expect("utf8")]));
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("not a git repository"), "{err}");
}

#[test]
fn shallow_clones_say_so() {
    let dir = Dir::new();
    let src = dir.join("src");
    std::fs::create_dir_all(&src).expect("mkdir");
    git(&src, &["init", "-q"]);
    let mut fake = Fake::new(107);
    for i in 0..3 {
        std::fs::write(
            src.join(format!("f{i}.txt")),
            format!("t={}\n", fake.github_pat()),
        )
        .expect("write");
        git(&src, &["add", "-A"]);
        git(&src, &["commit", "-q", "-m", &format!("c{i}")]);
    }
    let url = format!("file://{}", src.display());
    git(
        dir.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let (code, out, err) = run(ks(&dir).args(["git", "shallow", "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("shallow clone"), "{err}");
    let r = json(&out);
    assert_eq!(r["scope"]["shallow"], true);
    assert_eq!(r["scope"]["commits"], 1);
    // The one commit there holds all three files.
    assert_eq!(r["findings"].as_array().map(|a| a.len()), Some(3));
}

#[test]
fn submodules_are_not_followed_and_binary_blobs_are_counted() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(108);
    commit(&dir, &[("a.txt", "a\n")], "a");
    let head = git(dir.path(), &["rev-parse", "HEAD"]);
    git(
        dir.path(),
        &[
            "update-index",
            "--add",
            "--cacheinfo",
            &format!("160000,{head},vendor/sub"),
        ],
    );
    let mut bin = b"\0\0ELF".to_vec();
    bin.extend_from_slice(fake.github_pat().as_bytes());
    dir.create_bytes("tool.bin", &bin);
    git(dir.path(), &["add", "tool.bin"]);
    git(dir.path(), &["commit", "-q", "-m", "submodule and binary"]);
    let (code, r, err) = scan_git(&dir, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(r["stats"]["skipped_binary"], 1);
    assert_eq!(r["stats"]["errors"], 0);
}

#[test]
fn an_empty_repository_is_clean() {
    let dir = Dir::new();
    git_init(&dir);
    let (code, r, err) = scan_git(&dir, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(r["scope"]["commits"], 0);
}

#[test]
fn a_missing_object_is_an_error_naming_it_and_the_scan_goes_on() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(109);
    commit(
        &dir,
        &[("found.txt", &format!("t={}\n", fake.github_pat()))],
        "one",
    );
    commit(&dir, &[("lost.txt", "this blob will go missing\n")], "two");
    let blob = git(dir.path(), &["rev-parse", "HEAD:lost.txt"]);
    let object = dir.join(&format!(".git/objects/{}/{}", &blob[..2], &blob[2..]));
    std::fs::remove_file(&object).expect("remove loose object");
    let (code, r, err) = scan_git(&dir, &[]);
    assert_eq!(code, 2, "an incomplete scan never passes");
    assert!(err.contains(&blob), "{err}");
    assert_eq!(
        findings(&r).len(),
        1,
        "the rest is still scanned and reported"
    );
    assert_eq!(r["stats"]["errors"], 1);
}

#[test]
fn a_ref_to_a_missing_object_is_an_error() {
    let dir = Dir::new();
    git_init(&dir);
    commit(&dir, &[("a.txt", "a\n")], "a");
    std::fs::write(
        dir.join(".git/refs/heads/broken"),
        "0123456789abcdef0123456789abcdef01234567\n",
    )
    .expect("write ref");
    let (code, _, err) = scan_git(&dir, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("refs/heads/broken"), "{err}");
}

#[test]
fn staged_reports_only_added_lines_from_the_index() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(110);
    let old = fake.github_pat();
    commit(
        &dir,
        &[("cfg.txt", &format!("a = 1\nold = {old}\n"))],
        "old secret, already committed",
    );
    let new = fake.aws_key_id();
    dir.create(
        "cfg.txt",
        &format!("a = 1\nold = {old}\nb = 2\nnew = {new}\n"),
    );
    git(dir.path(), &["add", "cfg.txt"]);
    // The work tree no longer has it; the index still does.
    dir.create("cfg.txt", "a = 1\n");
    let (code, r, err) = scan_git(&dir, &["--staged"]);
    assert_eq!(code, 1, "{err}");
    let f = findings(&r);
    assert_eq!(f.len(), 1, "{r}");
    assert_eq!(f[0]["rule_id"], "aws-access-key-id");
    assert_eq!(f[0]["line"], 4);
    assert_eq!(f[0]["path"], "cfg.txt");
    assert_eq!(r["scope"]["mode"], "staged");
}

#[test]
fn staged_works_before_the_first_commit_and_on_renames() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(111);
    let pat = fake.github_pat();
    dir.create("first.txt", &format!("t = {pat}\n"));
    git(dir.path(), &["add", "-A"]);
    let (code, r, _) = scan_git(&dir, &["--staged"]);
    assert_eq!(code, 1);
    assert_eq!(findings(&r)[0]["path"], "first.txt");
    git(dir.path(), &["commit", "-q", "-m", "first"]);
    git(dir.path(), &["mv", "first.txt", "moved.txt"]);
    let (code, r, _) = scan_git(&dir, &["--staged"]);
    assert_eq!(code, 0, "a moved file adds no line: {r}");
}

#[test]
fn install_hook_blocks_a_commit_with_a_secret_and_respects_foreign_hooks() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(112);
    commit(&dir, &[("a.txt", "a\n")], "a");
    let (code, _, err) = run(ks(&dir).args(["install-hook"]));
    assert_eq!(code, 0, "{err}");
    let hook = dir.join(".git/hooks/pre-commit");
    assert!(std::fs::read_to_string(&hook)
        .expect("hook")
        .contains("git --staged"));
    // Reinstalling our own hook is fine.
    let (code, _, _) = run(ks(&dir).args(["install-hook"]));
    assert_eq!(code, 0);

    dir.create("leak.txt", &format!("t={}\n", fake.github_pat()));
    git(dir.path(), &["add", "leak.txt"]);
    let bin_dir = assert_cmd::cargo::cargo_bin("keysweep");
    let path = format!(
        "{}:{}",
        bin_dir.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("git")
        .current_dir(dir.path())
        .env("PATH", path)
        .args([
            "-c",
            "user.name=A",
            "-c",
            "user.email=a@example.test",
            "commit",
            "-q",
            "-m",
            "leak",
        ])
        .output()
        .expect("git commit");
    assert!(!out.status.success(), "the hook must block the commit");

    std::fs::write(&hook, "#!/bin/sh\necho mine\n").expect("write foreign hook");
    let (code, _, err) = run(ks(&dir).args(["install-hook"]));
    assert_eq!(code, 2);
    assert!(err.contains("not overwriting"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&hook).expect("hook"),
        "#!/bin/sh\necho mine\n"
    );
}

#[test]
fn cache_skips_blobs_scanned_clean() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(113);
    for i in 0..5 {
        commit(&dir, &[(&format!("f{i}.txt"), &format!("line {i}\n"))], "c");
    }
    commit(
        &dir,
        &[("s.txt", &format!("t={}\n", fake.github_pat()))],
        "secret",
    );
    let cache = dir.join("cache");
    let cache = cache.to_str().expect("utf8");
    let (code, first, _) = scan_git(&dir, &["--cache", cache]);
    assert_eq!(code, 1);
    assert_eq!(first["scope"]["cached_blobs"], 0);
    assert_eq!(first["scope"]["commits"], 6);
    let (code, second, _) = scan_git(&dir, &["--cache", cache]);
    assert_eq!(code, 1, "findings are rescanned and reported");
    assert_eq!(
        second["scope"]["commits"], 0,
        "an unchanged repository is not walked again"
    );
    assert_eq!(second["findings"], first["findings"]);

    // A new commit: only it is walked; a blob it shares with old commits is known clean.
    let new_secret = fake.aws_key_id();
    commit(
        &dir,
        &[
            ("f0.txt", "line 0\n"),
            ("new.txt", &format!("k={new_secret}\n")),
        ],
        "new",
    );
    git(dir.path(), &["checkout", "-q", "-b", "other"]);
    commit(&dir, &[("f1.txt", "changed\n")], "other");
    let (code, third, _) = scan_git(&dir, &["--cache", cache]);
    assert_eq!(code, 1);
    assert_eq!(third["scope"]["commits"], 2);
    let f = findings(&third);
    assert_eq!(f.len(), 2, "{third}");
    assert_eq!(f[0]["path"], "new.txt");
    assert_eq!(
        f[1], first["findings"][0],
        "the old finding keeps its attribution"
    );
    // Without the cache the same findings come out.
    let (_, full, _) = scan_git(&dir, &[]);
    assert_eq!(full["findings"], third["findings"]);
}

/// CI validates this file with the SARIF Multitool (`.ci/run`): SARIF from a real history scan.
#[test]
fn sarif_sample_from_a_git_history_scan() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(114);
    commit(&dir, &[("a.txt", "a\n")], "a");
    commit(
        &dir,
        &[("conf/b.env", &format!("X=1\nTOKEN={}\n", fake.github_pat()))],
        "b",
    );
    commit(&dir, &[("conf/b.env", "X=1\n")], "remove");
    let samples = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .join("sarif-samples");
    std::fs::create_dir_all(&samples).expect("mkdir");
    let out = samples.join("git-history.sarif");
    let (code, _, err) = run(ks(&dir)
        .args(["git", "--no-progress", "--format", "sarif", "--output"])
        .arg(&out));
    assert_eq!(code, 1, "{err}");
    let sarif = json(&std::fs::read_to_string(&out).expect("sarif written"));
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "github-classic-pat");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    assert!(result["properties"]["commit"].is_string(), "{result}");
    assert!(
        sarif["runs"][0]["versionControlProvenance"][0]["revisionId"].is_string(),
        "{sarif}"
    );
}
