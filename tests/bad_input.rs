//! Bad input: every case gives an exact message and exit code, the scan goes on where it can,
//! and an incomplete scan never exits 0.

use std::path::Path;
use std::process::Command as StdCommand;

use crate::util::{commit, git, git_init, json, ks, run, Dir, Fake};

/// Runs keysweep as an unprivileged user when the tests run as root (root reads every file
/// whatever its mode, so permission cases need another user); `None` when that is impossible.
fn as_unprivileged(dir: &Dir, args: &[&str]) -> Option<(i32, String, String)> {
    let bin = assert_cmd::cargo::cargo_bin("keysweep");
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let mut cmd = if root {
        if StdCommand::new("setpriv")
            .arg("--version")
            .output()
            .is_err()
        {
            return None;
        }
        let mut c = StdCommand::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        StdCommand::new(&bin)
    };
    set_mode(dir.path(), 0o755);
    let out = cmd.args(args).current_dir(dir.path()).output().ok()?;
    Some((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn a_path_that_does_not_exist() {
    let dir = Dir::new();
    let (code, out, err) = run(ks(&dir).args(["scan", "nope"]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "keysweep: error: nope: cannot scan: No such file or directory (os error 2)\n"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_and_directory_are_listed_and_the_run_exits_2() {
    let dir = Dir::new();
    let mut fake = Fake::new(400);
    dir.create("ok.txt", &format!("t={}\n", fake.github_pat()));
    let locked = dir.create("locked.txt", "x\n");
    set_mode(&locked, 0o000);
    std::fs::create_dir(dir.join("lockdir")).expect("mkdir");
    dir.create("lockdir/inside.txt", "x\n");
    set_mode(&dir.join("lockdir"), 0o000);
    let Some((code, out, err)) = as_unprivileged(&dir, &["scan", "--format", "json"]) else {
        eprintln!("skipped: cannot run as an unprivileged user");
        return;
    };
    set_mode(&dir.join("lockdir"), 0o755);
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "keysweep: warning: lockdir: cannot read: Permission denied (os error 13)\n\
         keysweep: warning: locked.txt: cannot read: Permission denied (os error 13)\n\
         keysweep: error: scan incomplete: 2 input(s) could not be read (listed in the report)\n"
    );
    let r = json(&out);
    assert_eq!(r["findings"][0]["path"], "ok.txt", "the scan went on");
    assert_eq!(r["skipped"][1]["reason"], "unreadable");
    assert_eq!(r["stats"]["errors"], 2);
}

#[cfg(unix)]
#[test]
fn symlink_loops_fifos_and_devices() {
    let dir = Dir::new();
    std::fs::create_dir(dir.join("l")).expect("mkdir");
    std::os::unix::fs::symlink("../l", dir.join("l/loop")).expect("symlink");
    std::os::unix::fs::symlink("self", dir.join("l/self")).expect("symlink");
    dir.create("l/a.txt", "plain\n");
    let (code, out, err) = run(ks(&dir).args(["scan", "l"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.starts_with("0 findings in 1 file,"), "{out}");

    let fifo = dir.join("f");
    let c = std::ffi::CString::new(fifo.to_str().expect("utf8")).expect("cstring");
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    for named in ["f", "/dev/null"] {
        let (code, out, err) = run(ks(&dir).args(["scan", named]));
        assert_eq!(
            (code, err.as_str()),
            (0, ""),
            "{named}: a special file is a policy skip"
        );
        assert!(
            out.starts_with(&format!("skipped {named}: not a regular file\n")),
            "{out}"
        );
    }
    // In a directory, special files are passed over without a word.
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 0);
    assert_eq!(json(&out)["skipped"], serde_json::json!([]));
}

#[test]
fn a_100_mb_single_line_file() {
    let dir = Dir::new();
    let mut fake = Fake::new(401);
    let pat = fake.github_pat();
    let mut data = vec![b'a'; 100 << 20];
    data.extend_from_slice(format!(" {pat}").as_bytes());
    dir.create_bytes("one-line.txt", &data);
    let (code, out, err) =
        run(ks(&dir).args(["scan", "--format", "json", "--max-file-size", "200M"]));
    assert_eq!(code, 1, "{err}");
    let f = &json(&out)["findings"][0];
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(1), Some((100 << 20) + 2))
    );
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 0);
    assert_eq!(
        json(&out)["skipped"][0]["message"],
        "too large (104857641 bytes, over --max-file-size)"
    );
}

#[test]
fn nul_after_8_kib_and_invalid_utf8_are_text() {
    let dir = Dir::new();
    let mut fake = Fake::new(402);
    let mut data = format!("t={}\n", fake.github_pat()).into_bytes();
    data.resize(8 * 1024, b'x');
    data.extend(vec![0u8; 64 * 1024]);
    dir.create_bytes("nul-tail.bin", &data);
    let mut bad = b"caf\xe9 \xc3\x28 \xff\r\nkey: ".to_vec();
    bad.extend_from_slice(fake.github_pat().as_bytes());
    dir.create_bytes("latin1.txt", &bad);
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let r = json(&out);
    let places: Vec<(String, u64, u64)> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("latin1.txt".to_string(), 2, 6),
            ("nul-tail.bin".to_string(), 1, 3)
        ]
    );
}

#[test]
fn a_file_deleted_between_walk_and_read_makes_the_scan_incomplete() {
    use keysweep::error::ScanError;
    use keysweep::sources::fs::FsSource;
    use keysweep::sources::BlobSink;
    use std::sync::Mutex;

    let dir = Dir::new();
    for i in 0..20 {
        dir.create(&format!("f{i:02}.txt"), "x\n");
    }
    struct DeleteOthers<'a> {
        dir: &'a Path,
        skipped: &'a Mutex<Vec<ScanError>>,
    }
    impl BlobSink for DeleteOthers<'_> {
        fn blob(&mut self, _path: &str, _data: &[u8]) {
            // The walk has listed the directory: delete every file not read yet.
            for e in std::fs::read_dir(self.dir).expect("read_dir").flatten() {
                let _ = std::fs::remove_file(e.path());
            }
        }
        fn skipped(&mut self, error: ScanError) {
            self.skipped.lock().expect("lock").push(error);
        }
    }
    let skipped = Mutex::new(Vec::new());
    let mut source = FsSource::new(vec![dir.path().to_path_buf()]);
    source.threads(1);
    source.run(|| {
        Box::new(DeleteOthers {
            dir: dir.path(),
            skipped: &skipped,
        })
    });
    let skipped = skipped.into_inner().expect("lock");
    assert_eq!(skipped.len(), 19, "{skipped:?}");
    for s in &skipped {
        assert!(s.reason.is_error(), "an incomplete scan: {s:?}");
        assert_eq!(
            s.reason.to_string(),
            "cannot read: No such file or directory (os error 2)"
        );
    }
}

fn repo_with_history(dir: &Dir) {
    git_init(dir);
    for i in 1..=3 {
        commit(
            dir,
            &[(&format!("f{i}.txt"), &format!("line {i}\n"))],
            &format!("c{i}"),
        );
    }
}

#[test]
fn a_corrupt_git_object() {
    let dir = Dir::new();
    repo_with_history(&dir);
    let oid = git(dir.path(), &["rev-parse", "HEAD:f2.txt"]);
    let object = dir.join(&format!(".git/objects/{}/{}", &oid[..2], &oid[2..]));
    set_mode(&object, 0o644);
    std::fs::write(&object, "garbage").expect("corrupt");
    let (code, _, err) = run(ks(&dir).args(["git"]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "keysweep: warning: f2.txt (blob {oid}): cannot read: object {oid}: failed to inflate loose object\n\
             keysweep: error: scan incomplete: 1 input(s) could not be read (listed in the report)\n"
        )
    );
}

#[test]
fn a_truncated_packfile() {
    let dir = Dir::new();
    repo_with_history(&dir);
    git(dir.path(), &["gc", "-q"]);
    let pack = std::fs::read_dir(dir.join(".git/objects/pack"))
        .expect("pack dir")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pack"))
        .expect("a pack");
    set_mode(&pack, 0o644);
    let len = std::fs::metadata(&pack).expect("stat").len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&pack)
        .and_then(|f| f.set_len(len / 2))
        .expect("truncate");
    let branch = git(dir.path(), &["symbolic-ref", "HEAD"]);
    let (code, _, err) = run(ks(&dir).args(["git"]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "keysweep: warning: ref {branch}: cannot read: the reference '{branch}' cannot be peeled - Cannot retrieve reference target\n\
             keysweep: error: scan incomplete: 1 input(s) could not be read (listed in the report)\n"
        )
    );
}

#[test]
fn a_ref_to_a_missing_object() {
    let dir = Dir::new();
    repo_with_history(&dir);
    std::fs::write(
        dir.join(".git/refs/heads/ghost"),
        format!("{}\n", "1234567890".repeat(4)),
    )
    .expect("ref");
    let (code, out, err) = run(ks(&dir).args(["git", "--format", "json"]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "keysweep: warning: ref refs/heads/ghost: cannot read: the reference 'refs/heads/ghost' cannot be peeled - Cannot retrieve reference target\n\
         keysweep: error: scan incomplete: 1 input(s) could not be read (listed in the report)\n"
    );
    assert_eq!(
        json(&out)["stats"]["files_scanned"],
        3,
        "the other refs were scanned"
    );
}

#[test]
fn a_shallow_clone_is_scanned_and_says_so() {
    let origin = Dir::new();
    repo_with_history(&origin);
    let dir = Dir::new();
    let url = format!("file://{}", origin.path().display());
    git(dir.path(), &["clone", "-q", "--depth", "1", &url, "clone"]);
    let (code, out, err) = run(ks(&dir).args(["git", "clone", "--format", "json"]));
    assert_eq!(code, 0);
    assert_eq!(err, "keysweep: warning: shallow clone: history before the cut is not scanned (see \"scope\" in the JSON report)\n");
    assert_eq!(json(&out)["scope"]["shallow"], true);
}

#[test]
fn config_errors() {
    let dir = Dir::new();
    dir.create("a.txt", "x\n");
    let cases = [
        ("[allowlist\npaths = []\n", "keysweep: error: .keysweep.toml:1:11: invalid table header: expected `.`, `]`\n"),
        ("[allowlist]\npath = []\n", "keysweep: error: .keysweep.toml:2:1: unknown field `path`, expected one of `description`, `rules`, `paths`, `path_regexes`, `regexes`, `regex_target`, `stopwords`, `commits`, `match_all`\n"),
        ("[allowlist]\nregexes = ['(unclosed']\n", "keysweep: error: .keysweep.toml:2:12: allowlist regexes: '(unclosed': unclosed group at byte 0\n"),
    ];
    for (text, expected) in cases {
        dir.create(".keysweep.toml", text);
        let (code, out, err) = run(ks(&dir).args(["scan"]));
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (2, "", expected),
            "{text}"
        );
    }
}

#[test]
fn an_output_path_in_a_missing_directory_fails_before_scanning() {
    let dir = Dir::new();
    let mut fake = Fake::new(403);
    dir.create("a.txt", &format!("t={}\n", fake.github_pat()));
    let (code, out, err) = run(ks(&dir).args(["scan", "--output", "no/such/dir/r.json"]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "keysweep: error: no/such/dir/r.json: output directory no/such/dir does not exist\n"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_promptly_exits_130_and_leaves_no_report() {
    let dir = Dir::new();
    let line = "x".repeat(1023) + "\n";
    let block = line.repeat(64);
    for i in 0..1500 {
        dir.create(&format!("t/{i:04}.txt"), &block);
    }
    let bin = assert_cmd::cargo::cargo_bin("keysweep");
    let child = StdCommand::new(bin)
        .args(["scan", "t", "--threads", "1", "--output", "report.json"])
        .current_dir(dir.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(300));
    // SAFETY: kill with a valid pid and signal.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "keysweep: interrupted: no report written\n"
    );
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "t")
        .collect();
    assert!(left.is_empty(), "no report and no temporary file: {left:?}");
}
