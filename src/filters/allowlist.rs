//! Allowlists compiled for matching: the config's global ones, `[[allowlists]]`, and each
//! rule's own. Paths are globs in keysweep's format and regexes in gitleaks' (both kept);
//! `regexes` match the secret or the line; `stopwords` are case-insensitive substrings of the
//! secret; `commits` match what git history attributes a finding to.

use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::bytes::Regex;

use crate::config::{AllowlistSpec, RegexTarget};
use crate::error::ConfigError;
use crate::finding::Finding;

/// Which condition of an allowlist matched: the drop reasons counted in `stats.dropped`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllowKind {
    /// `paths` (globs) or `path_regexes`.
    Path,
    /// `regexes`.
    Regex,
    /// `stopwords`.
    Stopword,
    /// `commits`.
    Commit,
}

impl AllowKind {
    /// The name used in `--verbose` and `explain`.
    pub fn as_str(self) -> &'static str {
        match self {
            AllowKind::Path => "allowlist path",
            AllowKind::Regex => "allowlist regex",
            AllowKind::Stopword => "allowlist stopword",
            AllowKind::Commit => "allowlist commit",
        }
    }
}

/// One allowlist, ready to match.
#[derive(Debug, Clone)]
pub struct Allowlist {
    rules: Vec<String>,
    paths: GlobSet,
    has_paths: bool,
    path_regexes: Vec<Regex>,
    regexes: Vec<Regex>,
    target: RegexTarget,
    stopwords: Vec<String>,
    commits: Vec<String>,
    match_all: bool,
    /// `file:line` of its definition.
    pub origin: String,
    /// Its description, if it has one.
    pub description: Option<String>,
}

impl Allowlist {
    /// Compiles a spec; `only_rule` scopes a rule's own allowlist to it. Bad globs and regexes
    /// are config errors naming the file and the line of the entry (the allowlist's own line
    /// when the entry's is not known), with the reason on one line.
    pub fn compile(
        spec: &AllowlistSpec,
        only_rule: Option<&str>,
    ) -> Result<Allowlist, ConfigError> {
        let bad =
            |what: &'static str, index: usize, pattern: &str, e: String| ConfigError::Invalid {
                location: spec.origin_of(what, index).to_string(),
                message: format!("allowlist {what}: '{pattern}': {e}"),
            };
        let mut globs = GlobSetBuilder::new();
        for (i, p) in spec.paths.iter().enumerate() {
            globs.add(Glob::new(p).map_err(|e| bad("paths", i, p, e.kind().to_string()))?);
        }
        let paths = globs.build().map_err(|e| ConfigError::Invalid {
            location: spec.origin.clone(),
            message: format!("allowlist paths: {e}"),
        })?;
        let regex = |what: &'static str, (i, p): (usize, &String)| {
            Regex::new(p).map_err(|e| bad(what, i, p, regex_error(p, &e)))
        };
        let path_regexes = spec
            .path_regexes
            .iter()
            .enumerate()
            .map(|p| regex("path_regexes", p))
            .collect::<Result<_, _>>()?;
        let regexes = spec
            .regexes
            .iter()
            .enumerate()
            .map(|p| regex("regexes", p))
            .collect::<Result<_, _>>()?;
        for (i, c) in spec.commits.iter().enumerate() {
            if c.len() < 7 || !c.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(bad(
                    "commits",
                    i,
                    c,
                    "not a commit id (7 to 40 hex digits)".into(),
                ));
            }
        }
        let rules = match only_rule {
            Some(id) => vec![id.to_string()],
            None => spec.rules.clone(),
        };
        Ok(Allowlist {
            rules,
            has_paths: !spec.paths.is_empty(),
            paths,
            path_regexes,
            regexes,
            target: spec.regex_target,
            stopwords: spec.stopwords.iter().map(|s| s.to_lowercase()).collect(),
            commits: spec.commits.iter().map(|c| c.to_lowercase()).collect(),
            match_all: spec.match_all,
            origin: spec.origin.clone(),
            description: spec.description.clone(),
        })
    }

    /// The same allowlist as a rule's own, for rule `id` (see [`Allowlist::compile`]): a copy
    /// of its compiled patterns, for another rule whose spec is the same.
    pub fn for_rule(&self, id: &str) -> Allowlist {
        Allowlist {
            rules: vec![id.to_string()],
            ..self.clone()
        }
    }

    /// The rule ids it is limited to (empty: every rule).
    pub fn rules(&self) -> &[String] {
        &self.rules
    }

    /// True when it has commit conditions, which only git history attribution can decide.
    pub fn needs_commit(&self) -> bool {
        !self.commits.is_empty()
    }

    /// The condition that allows `finding`, if any. `line` is the text of the finding's line(s)
    /// (for `regex_target = "line"`). Commit conditions are decided on `finding.git`: before
    /// history attribution they do not match (and with `match_all` nothing matches).
    pub fn allows(&self, finding: &Finding, line: &[u8]) -> Option<AllowKind> {
        if !self.rules.is_empty() && !self.rules.iter().any(|r| r == &finding.rule_id) {
            return None;
        }
        let checks: [(AllowKind, bool, &dyn Fn() -> bool); 4] = [
            (
                AllowKind::Path,
                self.has_paths || !self.path_regexes.is_empty(),
                &|| {
                    (self.has_paths && self.paths.is_match(&finding.path))
                        || self
                            .path_regexes
                            .iter()
                            .any(|r| r.is_match(finding.path.as_bytes()))
                },
            ),
            (AllowKind::Regex, !self.regexes.is_empty(), &|| {
                let target = match self.target {
                    RegexTarget::Secret => finding.secret.as_bytes(),
                    RegexTarget::Line => line,
                };
                self.regexes.iter().any(|r| r.is_match(target))
            }),
            (AllowKind::Stopword, !self.stopwords.is_empty(), &|| {
                let secret = finding.secret.to_lowercase();
                self.stopwords.iter().any(|w| secret.contains(w.as_str()))
            }),
            (AllowKind::Commit, !self.commits.is_empty(), &|| {
                finding.git.as_ref().is_some_and(|g| {
                    self.commits
                        .iter()
                        .any(|c| g.commit.starts_with(c.as_str()))
                })
            }),
        ];
        let mut first = None;
        let mut any_condition = false;
        for (kind, present, test) in checks {
            if !present {
                continue;
            }
            any_condition = true;
            let hit = test();
            if self.match_all && !hit {
                return None;
            }
            if hit && first.is_none() {
                first = Some(kind);
                if !self.match_all {
                    return first;
                }
            }
        }
        if any_condition {
            first
        } else {
            None
        }
    }
}

/// Why an allowlist regex does not compile, on one line: for a syntax error what and where
/// (`unclosed group at byte 0`), read from the syntax parser configured as `Regex::new` parses
/// (Unicode on, any bytes); otherwise (a size limit) the compiler's message on one line.
fn regex_error(pattern: &str, e: &regex::Error) -> String {
    match regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(pattern)
    {
        Err(syntax) => crate::rules::regex_syntax_message(&syntax),
        Ok(_) => one_line(&e.to_string()),
    }
}

/// A multi-line regex error (pattern, caret, message) on one line, for `file:line: message`.
pub(crate) fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{GitProvenance, Span};

    fn finding(rule: &str, path: &str, secret: &str) -> Finding {
        Finding {
            rule_id: rule.into(),
            description: String::new(),
            severity: crate::rules::Severity::High,
            path: path.into(),
            span: Span {
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 1,
            },
            offset: 0..0,
            secret: secret.into(),
            before: String::new(),
            after: String::new(),
            fingerprint: String::new(),
            entropy: 0.0,
            validation: None,
            validation_failed: false,
            remediation: String::new(),
            git: None,
            companions: Vec::new(),
            decoded: Vec::new(),
        }
    }

    fn spec(f: impl FnOnce(&mut AllowlistSpec)) -> Allowlist {
        let mut s = AllowlistSpec {
            origin: "c.toml:1:1".into(),
            ..AllowlistSpec::default()
        };
        f(&mut s);
        Allowlist::compile(&s, None).expect("compiles")
    }

    #[test]
    fn each_condition() {
        let f = finding("r-a", "docs/x.md", "tok_EXAMPLE_123");
        let a = spec(|s| s.paths = vec!["docs/**".into()]);
        assert_eq!(a.allows(&f, b""), Some(AllowKind::Path));
        let a = spec(|s| s.path_regexes = vec![r"^docs/.*\.md$".into()]);
        assert_eq!(a.allows(&f, b""), Some(AllowKind::Path));
        let a = spec(|s| s.regexes = vec!["EXAMPLE".into()]);
        assert_eq!(a.allows(&f, b""), Some(AllowKind::Regex));
        let a = spec(|s| s.stopwords = vec!["example".into()]);
        assert_eq!(a.allows(&f, b""), Some(AllowKind::Stopword));
        let a = spec(|s| {
            s.regexes = vec!["^let ".into()];
            s.regex_target = RegexTarget::Line;
        });
        assert_eq!(a.allows(&f, b"let t = 1"), Some(AllowKind::Regex));
        assert_eq!(a.allows(&f, b"const t = 1"), None);
        let a = spec(|s| s.stopwords = vec!["dummy".into()]);
        assert_eq!(a.allows(&f, b""), None);
    }

    #[test]
    fn scoped_to_rules_and_all_conditions() {
        let f = finding("r-a", "docs/x.md", "tok_EXAMPLE_123");
        let a = spec(|s| {
            s.rules = vec!["r-b".into()];
            s.paths = vec!["**".into()];
        });
        assert_eq!(a.allows(&f, b""), None);
        let a = spec(|s| {
            s.match_all = true;
            s.paths = vec!["docs/**".into()];
            s.stopwords = vec!["nope".into()];
        });
        assert_eq!(a.allows(&f, b""), None);
        let a = spec(|s| {
            s.match_all = true;
            s.paths = vec!["docs/**".into()];
            s.stopwords = vec!["example".into()];
        });
        assert_eq!(a.allows(&f, b""), Some(AllowKind::Path));
    }

    #[test]
    fn commits_match_attributed_findings_by_prefix() {
        let mut f = finding("r-a", "a", "s");
        let a = spec(|s| s.commits = vec!["ABCDEF1".into()]);
        assert_eq!(a.allows(&f, b""), None);
        f.git = Some(GitProvenance {
            commit: "abcdef1234".into(),
            author: String::new(),
            email: String::new(),
            date: String::new(),
            message: String::new(),
            also_in: 0,
            still_in_head: true,
        });
        assert_eq!(a.allows(&f, b""), Some(AllowKind::Commit));
    }

    #[test]
    fn bad_patterns_name_their_entry_or_the_allowlist() {
        let mut s = AllowlistSpec {
            origin: "c.toml:4:1".into(),
            regexes: vec!["ok".into(), "(".into()],
            ..AllowlistSpec::default()
        };
        let err = |s: &AllowlistSpec| Allowlist::compile(s, None).unwrap_err().to_string();
        assert_eq!(
            err(&s),
            "c.toml:4:1: allowlist regexes: '(': unclosed group at byte 0"
        );
        s.entry_origins = vec![crate::config::EntryOrigin {
            field: "regexes",
            index: 1,
            location: "c.toml:6:3".into(),
        }];
        assert_eq!(
            err(&s),
            "c.toml:6:3: allowlist regexes: '(': unclosed group at byte 0"
        );
        let s = AllowlistSpec {
            origin: "c.toml:4:1".into(),
            paths: vec!["a[".into()],
            ..AllowlistSpec::default()
        };
        assert_eq!(
            err(&s),
            "c.toml:4:1: allowlist paths: 'a[': unclosed character class; missing ']'"
        );
    }
}
