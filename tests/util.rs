//! Test helpers: a per-test directory ([`Dir`]), the binary under test ([`ks`]) and fake secrets
//! generated at run time ([`Fake`]). Secrets are assembled from a deterministic PRNG here, so
//! that this repository holds no literal that looks like a credential.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A temporary directory that disappears with the test.
pub struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    /// A new empty directory.
    pub fn new() -> Dir {
        Dir {
            tmp: tempfile::tempdir().expect("create temp dir"),
        }
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// `path/name`.
    pub fn join(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// Writes a file (creating parent directories).
    pub fn create(&self, name: &str, contents: &str) -> PathBuf {
        self.create_bytes(name, contents.as_bytes())
    }

    /// Writes a file of raw bytes (creating parent directories).
    pub fn create_bytes(&self, name: &str, contents: &[u8]) -> PathBuf {
        let p = self.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create parent dir");
        }
        std::fs::write(&p, contents).expect("write file");
        p
    }
}

/// The binary, run in `dir`.
pub fn ks(dir: &Dir) -> Command {
    let mut c = Command::cargo_bin("keysweep").expect("binary built");
    c.current_dir(dir.path()).env_remove("NO_COLOR");
    c
}

/// Runs the command and returns (exit code, stdout, stderr).
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("run keysweep");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Parses a JSON report.
pub fn json(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
}

/// Deterministic fake-secret generator (xorshift64*): same seed, same secrets.
pub struct Fake {
    state: u64,
}

/// Letters and digits, for fake tokens.
pub const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/// GitHub's base62 digit order (digits, upper, lower) for checksums: ALNUM's order.
const BASE62: &[u8] = ALNUM;

impl Fake {
    /// A generator seeded with `seed` (non-zero).
    pub fn new(seed: u64) -> Fake {
        Fake { state: seed | 1 }
    }

    fn next(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// `n` characters drawn from `alphabet`.
    pub fn chars(&mut self, alphabet: &[u8], n: usize) -> String {
        (0..n)
            .map(|_| alphabet[(self.next() % alphabet.len() as u64) as usize] as char)
            .collect()
    }

    /// A GitHub classic personal access token: 30 random base62 characters and their CRC32
    /// in six base62 digits, as GitHub writes them (the `github-crc32` validator checks it).
    pub fn github_pat(&mut self) -> String {
        self.crc_token(&["gh", "p_"].concat())
    }

    /// An npm access token: the same layout as GitHub's (the `npm-crc32` validator checks it).
    pub fn npm_token(&mut self) -> String {
        self.crc_token(&["np", "m_"].concat())
    }

    /// `prefix`, 30 random base62 characters and their CRC32 in six base62 digits.
    fn crc_token(&mut self, prefix: &str) -> String {
        let random = self.chars(ALNUM, 30);
        let mut crc = u64::from(crc32fast::hash(random.as_bytes()));
        let mut checksum = [b'0'; 6];
        for slot in checksum.iter_mut().rev() {
            *slot = BASE62[(crc % 62) as usize];
            crc /= 62;
        }
        format!("{prefix}{random}{}", String::from_utf8_lossy(&checksum))
    }

    /// A GitHub token shape whose checksum is wrong (one of its 30 random characters changed).
    pub fn github_pat_bad_checksum(&mut self) -> String {
        let mut t = self.github_pat().into_bytes();
        t[10] = if t[10] == b'a' { b'b' } else { b'a' };
        String::from_utf8(t).expect("ascii")
    }

    /// An AWS access key id shape.
    pub fn aws_key_id(&mut self) -> String {
        format!("{}{}", ["AK", "IA"].concat(), self.chars(BASE32, 16))
    }

    /// A Stripe live secret key shape.
    pub fn stripe_live(&mut self) -> String {
        format!("{}{}", ["sk_", "live_"].concat(), self.chars(ALNUM, 32))
    }
}

/// Runs `git` in `dir` with a fixed identity and clock, panicking on failure; returns stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    git_at(dir, args, "2024-01-02T03:04:05+00:00")
}

/// Like [`git`], with the author and committer date set to `date`.
pub fn git_at(dir: &Path, args: &[&str], date: &str) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "tag.gpgsign=false",
            "-c",
            "user.name=Ada Tester",
            "-c",
            "user.email=ada@example.test",
            "-c",
            "protocol.file.allow=always",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A new repository in `dir` (branch `main`).
pub fn git_init(dir: &Dir) {
    git(dir.path(), &["init", "-q"]);
}

/// Writes `files` (name, contents), stages everything and commits with `message`; returns the
/// commit id.
pub fn commit(dir: &Dir, files: &[(&str, &str)], message: &str) -> String {
    for (name, contents) in files {
        dir.create(name, contents);
    }
    git(dir.path(), &["add", "-A"]);
    git(
        dir.path(),
        &["commit", "-q", "--allow-empty", "-m", message],
    );
    git(dir.path(), &["rev-parse", "HEAD"])
}
