//! `.keysweepignore` (and `.gitleaksignore`, for users coming from gitleaks) at the scanned
//! root: one finding per line, `#` starts a comment. An entry is a keysweep fingerprint (64 hex
//! digits), or gitleaks' `path:rule:line` / `commit:path:rule:line`. Since gitleaks' rule ids
//! are not keysweep's, an entry whose rule is not a keysweep rule matches any rule at that path
//! and line. Entries that match nothing in a scan are reported as stale, so ignore files do not
//! rot; `commit:` entries are only judged in git history scans.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::ConfigError;
use crate::finding::Finding;

/// The ignore file names looked for at the scanned root, in this order (all that exist are
/// read).
pub const IGNORE_FILE_NAMES: [&str; 2] = [".keysweepignore", ".gitleaksignore"];

#[derive(Debug)]
enum Entry {
    Fingerprint(String),
    Place {
        commit: Option<String>,
        path: String,
        rule: String,
        line: usize,
    },
}

#[derive(Debug)]
struct Line {
    /// `file:line` of the entry.
    origin: String,
    text: String,
    entry: Entry,
    used: AtomicBool,
}

/// The entries of the ignore files of one scan.
#[derive(Debug, Default)]
pub struct IgnoreFile {
    lines: Vec<Line>,
}

impl IgnoreFile {
    /// Reads the ignore files at `root` (none is fine). A line that is no entry is an error
    /// naming the file and line.
    pub fn discover(root: &Path) -> Result<IgnoreFile, ConfigError> {
        let mut out = IgnoreFile::default();
        for name in IGNORE_FILE_NAMES {
            let path = if root == Path::new(".") {
                Path::new(name).to_path_buf()
            } else {
                root.join(name)
            };
            if !path.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|e| ConfigError::Path {
                path: path.clone(),
                message: format!("cannot read ignore file: {e}"),
            })?;
            out.add(&path.display().to_string(), &text)?;
        }
        Ok(out)
    }

    /// Adds the entries of one file's text; `file` names it in errors.
    pub fn add(&mut self, file: &str, text: &str) -> Result<(), ConfigError> {
        for (i, raw) in text.lines().enumerate() {
            // A comment is a line that starts with `#`, or ` #` after an entry: a `#` inside
            // a path (`docs/#1/a.env:rule:3`) is part of it.
            let text = raw.trim();
            let text = if text.starts_with('#') {
                ""
            } else {
                let end = text.find(" #").or_else(|| text.find("\t#"));
                end.map_or(text, |e| &text[..e]).trim()
            };
            if text.is_empty() {
                continue;
            }
            let origin = format!("{file}:{}", i + 1);
            let entry = parse(text).ok_or_else(|| ConfigError::Invalid {
                location: origin.clone(),
                message: format!(
                    "'{text}' is not a fingerprint (64 hex digits), path:rule:line or commit:path:rule:line"
                ),
            })?;
            self.lines.push(Line {
                origin,
                text: text.to_string(),
                entry,
                used: AtomicBool::new(false),
            });
        }
        Ok(())
    }

    /// True when no entry was read.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The entry that ignores `finding`, if any (`file:line` of it), marking it used.
    /// `is_rule` tells keysweep rule ids from others. Commit entries match only findings
    /// attributed to a commit.
    /// Every entry that matches is marked used (one line by fingerprint and one by place may
    /// both name a finding: neither is stale).
    pub fn matches(&self, finding: &Finding, is_rule: &dyn Fn(&str) -> bool) -> Option<&str> {
        let mut first = None;
        for l in self.lines.iter().filter(|l| match &l.entry {
            Entry::Fingerprint(fp) => *fp == finding.fingerprint,
            Entry::Place {
                commit,
                path,
                rule,
                line,
            } => {
                let commit_ok = match (commit, &finding.git) {
                    (None, _) => true,
                    (Some(c), Some(g)) => g.commit.starts_with(c.as_str()),
                    (Some(_), None) => false,
                };
                commit_ok
                    && *path == finding.path
                    && *line == finding.span.line
                    && (*rule == finding.rule_id || !is_rule(rule))
            }
        }) {
            l.used.store(true, Ordering::Relaxed);
            first.get_or_insert(l.origin.as_str());
        }
        first
    }

    /// Entries that matched nothing, as `file:line: entry`. With `history` false (a scan of
    /// files), `commit:` entries are left out: they cannot match there.
    pub fn stale(&self, history: bool) -> Vec<String> {
        self.lines
            .iter()
            .filter(|l| !l.used.load(Ordering::Relaxed))
            .filter(|l| {
                history
                    || !matches!(
                        l.entry,
                        Entry::Place {
                            commit: Some(_),
                            ..
                        }
                    )
            })
            .map(|l| format!("{}: {}", l.origin, l.text))
            .collect()
    }
}

fn parse(text: &str) -> Option<Entry> {
    let hex = |s: &str| s.bytes().all(|b| b.is_ascii_hexdigit());
    if text.len() == 64 && hex(text) {
        return Some(Entry::Fingerprint(text.to_ascii_lowercase()));
    }
    let (rest, line) = text.rsplit_once(':')?;
    let line: usize = line.parse().ok()?;
    let (rest, rule) = rest.rsplit_once(':')?;
    let (commit, path) = match rest.split_once(':') {
        Some((c, p)) if c.len() >= 7 && c.len() <= 40 && hex(c) => {
            (Some(c.to_ascii_lowercase()), p)
        }
        _ => (None, rest),
    };
    if path.is_empty() || rule.is_empty() {
        return None;
    }
    Some(Entry::Place {
        commit,
        path: path.to_string(),
        rule: rule.to_string(),
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_forms() {
        let fp = "a".repeat(64);
        assert!(matches!(parse(&fp), Some(Entry::Fingerprint(_))));
        match parse("src/a.rs:generic-api-key:12") {
            Some(Entry::Place {
                commit: None,
                path,
                rule,
                line,
            }) => {
                assert_eq!(
                    (path.as_str(), rule.as_str(), line),
                    ("src/a.rs", "generic-api-key", 12)
                );
            }
            other => panic!("{other:?}"),
        }
        let c = "0123456789abcdef0123456789abcdef01234567";
        match parse(&format!("{c}:a/b.env:aws-access-token:3")) {
            Some(Entry::Place {
                commit: Some(k),
                path,
                ..
            }) => {
                assert_eq!((k.as_str(), path.as_str()), (c, "a/b.env"));
            }
            other => panic!("{other:?}"),
        }
        assert!(parse("just words").is_none());
        assert!(parse("a.rs:rule:notaline").is_none());
    }

    #[test]
    fn bad_line_names_file_and_line() {
        let mut f = IgnoreFile::default();
        let err = f
            .add(".keysweepignore", "# c\n\nnope\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(".keysweepignore:3: "), "{err}");
    }

    #[test]
    fn a_hash_inside_a_path_is_not_a_comment() {
        let mut f = IgnoreFile::default();
        f.add("i", "docs/#1/a.env:generic-api-key:3  # issue 1\n")
            .expect("one entry");
        match &f.lines[0].entry {
            Entry::Place { path, line, .. } => {
                assert_eq!((path.as_str(), *line), ("docs/#1/a.env", 3))
            }
            other => panic!("{other:?}"),
        }
    }
}
