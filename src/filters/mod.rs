//! Filters drop findings that the user has allowed. They run after the engine and know nothing
//! of how a finding was made; every drop is counted per reason (and recorded, for `--verbose`,
//! `explain` and the JSON report's `suppressions`) so that nothing is hidden silently.
//!
//! In order: allowlists (config, per rule), inline allow comments, the ignore file, the
//! baseline, then well-known public keys. Conditions on commits (allowlist `commits`,
//! `commit:path:rule:line` ignore entries) are decided after git history attribution, by
//! [`Filters::check_attributed`].

pub mod allowlist;
pub mod baseline;
pub mod ignore_file;
pub mod inline_allow;
pub mod known_keys;

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Serialize;

use crate::config::Config;
use crate::error::ConfigError;
use crate::finding::Finding;
use crate::rules::{Rule, Severity};
use allowlist::{AllowKind, Allowlist};
use baseline::Baseline;
use ignore_file::IgnoreFile;
use inline_allow::InlineAllow;

/// Why a finding was dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DropReason {
    /// An allowlist matched: which condition, and where the allowlist is defined.
    Allowlist {
        /// The condition that matched.
        kind: AllowKind,
        /// `file:line` of the allowlist.
        origin: String,
    },
    /// An allow comment on the finding's line.
    InlineAllow(InlineAllow),
    /// An entry of `.keysweepignore` / `.gitleaksignore` (`file:line` of it).
    IgnoreFile(String),
    /// Its fingerprint is in the `--baseline` file.
    Baseline,
    /// A range scan found it in a file that already held it before the range.
    AlreadyInBase,
    /// It is a well-known public key (development-chain default account, spec test vector):
    /// see [`known_keys`].
    KnownPublicKey,
    /// Its severity is below `--min-severity`.
    BelowMinSeverity,
}

impl DropReason {
    /// One line for people (`--verbose`, `explain`).
    pub fn describe(&self) -> String {
        match self {
            DropReason::Allowlist { kind, origin } => format!("{} ({origin})", kind.as_str()),
            DropReason::InlineAllow(a) => {
                let mut s = format!("inline `{}`", a.marker);
                if let Some(r) = &a.rule {
                    s.push_str(&format!(" for {r}"));
                }
                if let Some(r) = &a.reason {
                    s.push_str(&format!(", reason: {r}"));
                }
                if let Some(u) = &a.until {
                    s.push_str(&format!(", until {u}"));
                }
                s
            }
            DropReason::IgnoreFile(origin) => format!("ignore file entry ({origin})"),
            DropReason::Baseline => "in the baseline".into(),
            DropReason::AlreadyInBase => "already in the range's base".into(),
            DropReason::KnownPublicKey => "a well-known public test key".into(),
            DropReason::BelowMinSeverity => "below --min-severity".into(),
        }
    }
}

/// Counts of dropped findings, per reason (reported in `stats.dropped`).
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct DropCounts {
    /// Allowlist `paths` / `path_regexes`.
    pub allowlist_path: u64,
    /// Allowlist `regexes`.
    pub allowlist_regex: u64,
    /// Allowlist `stopwords`.
    pub allowlist_stopword: u64,
    /// Allowlist `commits`.
    pub allowlist_commit: u64,
    /// Inline allow comments.
    pub inline_allow: u64,
    /// Ignore file entries.
    pub ignore_file: u64,
    /// The `--baseline` file.
    pub baseline: u64,
    /// Range scans: already in the file before the range.
    pub already_in_base: u64,
    /// Well-known public test keys (Hardhat/Anvil/Ganache/Truffle defaults, spec vectors).
    pub known_test_key: u64,
    /// Below `--min-severity`.
    pub below_min_severity: u64,
}

impl DropCounts {
    /// Counts one drop.
    pub fn add(&mut self, reason: &DropReason) {
        let n = match reason {
            DropReason::Allowlist { kind, .. } => match kind {
                AllowKind::Path => &mut self.allowlist_path,
                AllowKind::Regex => &mut self.allowlist_regex,
                AllowKind::Stopword => &mut self.allowlist_stopword,
                AllowKind::Commit => &mut self.allowlist_commit,
            },
            DropReason::InlineAllow(_) => &mut self.inline_allow,
            DropReason::IgnoreFile(_) => &mut self.ignore_file,
            DropReason::Baseline => &mut self.baseline,
            DropReason::AlreadyInBase => &mut self.already_in_base,
            DropReason::KnownPublicKey => &mut self.known_test_key,
            DropReason::BelowMinSeverity => &mut self.below_min_severity,
        };
        *n += 1;
    }

    /// Adds another thread's counts.
    pub fn merge(&mut self, o: &DropCounts) {
        self.allowlist_path += o.allowlist_path;
        self.allowlist_regex += o.allowlist_regex;
        self.allowlist_stopword += o.allowlist_stopword;
        self.allowlist_commit += o.allowlist_commit;
        self.inline_allow += o.inline_allow;
        self.ignore_file += o.ignore_file;
        self.baseline += o.baseline;
        self.already_in_base += o.already_in_base;
        self.known_test_key += o.known_test_key;
        self.below_min_severity += o.below_min_severity;
    }
}

/// A dropped finding, as `--verbose`, `explain` and the JSON report's `suppressions` show it
/// (no secret: a dropped finding is not reported).
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    /// The finding, for the rule, place and fingerprint (its secret is never printed).
    pub finding: Finding,
    /// Why.
    pub reason: DropReason,
}

/// The ids of a run's rules, for the checks that ask whether an id names a rule: allowlists (at
/// load, when one names rules), inline allow comments and ignore entries (on findings). One
/// text of the ids, and a set made the first time one is asked for: a set of a thousand ids was
/// a tenth of a millisecond of every start, and most runs have no finding to check.
#[derive(Debug, Default)]
struct RuleIds {
    /// Every id, each ended by a newline (ids are kebab-case).
    joined: String,
    set: OnceLock<HashSet<String>>,
}

impl RuleIds {
    fn new(rules: &[Rule]) -> RuleIds {
        let mut joined = String::with_capacity(rules.iter().map(|r| r.id.len() + 1).sum());
        for rule in rules {
            joined.push_str(&rule.id);
            joined.push('\n');
        }
        RuleIds {
            joined,
            set: OnceLock::new(),
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.set
            .get_or_init(|| self.joined.lines().map(str::to_string).collect())
            .contains(id)
    }
}

/// The compiled filters of one run. Built with [`Filters::new`] and the `with_*` methods.
#[derive(Debug, Default)]
pub struct Filters {
    allowlists: Vec<Allowlist>,
    rule_ids: RuleIds,
    inline_allow: bool,
    today: String,
    ignore: IgnoreFile,
    baseline: Option<Baseline>,
    min_severity: Option<Severity>,
}

impl Filters {
    /// Compiles the config's allowlists and the rules' own; bad patterns are config errors
    /// naming the file and line. Inline allow comments are honoured.
    pub fn new(config: &Config, rules: &[Rule]) -> Result<Filters, ConfigError> {
        let mut allowlists = Vec::new();
        let rule_ids = RuleIds::new(rules);
        for spec in &config.allowlists {
            let a = Allowlist::compile(spec, None)?;
            if let Some(id) = a.rules().iter().find(|id| !rule_ids.contains(id)) {
                return Err(ConfigError::Invalid {
                    location: a.origin.clone(),
                    message: format!("allowlist rules: no rule has the id '{id}'"),
                });
            }
            allowlists.push(a);
        }
        // A rule's own allowlists name that rule: nothing to check. One compiled for the rule
        // before serves a rule whose spec is the same (the generic built-in rules share one
        // list of documentation paths: compiling its globs for each was a tenth of a
        // millisecond of every start).
        let mut last: Option<(&crate::config::AllowlistSpec, usize)> = None;
        for rule in rules {
            for spec in &rule.allowlist {
                let compiled = match last {
                    Some((same, i)) if same == spec => allowlists[i].for_rule(&rule.id),
                    _ => Allowlist::compile(spec, Some(&rule.id))?,
                };
                last = Some((spec, allowlists.len()));
                allowlists.push(compiled);
            }
        }
        Ok(Filters {
            allowlists,
            rule_ids,
            inline_allow: true,
            today: crate::report::time::utc_date(std::time::SystemTime::now()),
            ignore: IgnoreFile::default(),
            baseline: None,
            min_severity: None,
        })
    }

    /// Filters without a config: only the well-known public keys (and inline allow comments)
    /// drop findings.
    pub fn none() -> Filters {
        Filters {
            inline_allow: true,
            today: crate::report::time::utc_date(std::time::SystemTime::now()),
            ..Filters::default()
        }
    }

    /// `--ignore-inline-allow`: report findings whatever their line says.
    pub fn with_inline_allow(mut self, honour: bool) -> Filters {
        self.inline_allow = honour;
        self
    }

    /// The date inline `until=` dates are compared with (`YYYY-MM-DD`); today (UTC) by default.
    pub fn with_today(mut self, today: &str) -> Filters {
        self.today = today.to_string();
        self
    }

    /// The entries of the ignore files.
    pub fn with_ignore_file(mut self, ignore: IgnoreFile) -> Filters {
        self.ignore = ignore;
        self
    }

    /// Drop findings below this severity (`--min-severity`).
    pub fn with_min_severity(mut self, min: Option<Severity>) -> Filters {
        self.min_severity = min;
        self
    }

    /// Drop findings already in this baseline.
    pub fn with_baseline(mut self, baseline: Baseline) -> Filters {
        self.baseline = Some(baseline);
        self
    }

    /// `Err(reason)` when the finding must be dropped. `line` is the text of the finding's
    /// line(s) in its blob, for inline allow comments and line regexes. Conditions on commits
    /// are left to [`Filters::check_attributed`] when the finding has no commit yet.
    pub fn check(&self, finding: &Finding, line: &[u8]) -> Result<(), DropReason> {
        if self.min_severity.is_some_and(|min| finding.severity < min) {
            return Err(DropReason::BelowMinSeverity);
        }
        for a in &self.allowlists {
            if let Some(kind) = a.allows(finding, line) {
                return Err(DropReason::Allowlist {
                    kind,
                    origin: a.origin.clone(),
                });
            }
        }
        if self.inline_allow {
            for mut allow in inline_allow::find(line) {
                // A first word that no rule has as id is free text ("keysweep:allow test key"),
                // unless it looks like a rule id (has a '-'): a mistyped id must allow nothing
                // rather than everything on the line.
                if allow
                    .rule
                    .as_ref()
                    .is_some_and(|r| !self.rule_ids.contains(r) && !r.contains('-'))
                {
                    allow.rule = None;
                }
                if allow.applies(&finding.rule_id, &self.today) {
                    return Err(DropReason::InlineAllow(allow));
                }
            }
        }
        if let Some(origin) = self.ignore.matches(finding, &|r| self.rule_ids.contains(r)) {
            return Err(DropReason::IgnoreFile(origin.to_string()));
        }
        if self.baseline.as_ref().is_some_and(|b| b.contains(finding)) {
            return Err(DropReason::Baseline);
        }
        if known_keys::is_known_public(&finding.secret) {
            return Err(DropReason::KnownPublicKey);
        }
        Ok(())
    }

    /// The checks that need a commit, for findings just attributed to one by a history scan.
    pub fn check_attributed(&self, finding: &Finding) -> Result<(), DropReason> {
        for a in self.allowlists.iter().filter(|a| a.needs_commit()) {
            if let Some(kind) = a.allows(finding, b"") {
                return Err(DropReason::Allowlist {
                    kind,
                    origin: a.origin.clone(),
                });
            }
        }
        if let Some(origin) = self.ignore.matches(finding, &|r| self.rule_ids.contains(r)) {
            return Err(DropReason::IgnoreFile(origin.to_string()));
        }
        Ok(())
    }

    /// Ignore file entries that matched nothing (see [`IgnoreFile::stale`]).
    pub fn stale_ignore_entries(&self, history: bool) -> Vec<String> {
        self.ignore.stale(history)
    }
}

/// The text of the lines that hold `range` in `data` (at most 64 KiB on each side, so a
/// one-line 100 MB file costs little per finding): what inline allow comments and line regexes
/// look at.
pub fn lines_around(data: &[u8], range: std::ops::Range<usize>) -> &[u8] {
    const LIMIT: usize = 64 * 1024;
    let start = range.start.min(data.len());
    let end = range.end.clamp(start, data.len());
    let lo = start.saturating_sub(LIMIT);
    let from = memchr::memrchr(b'\n', &data[lo..start]).map_or(lo, |i| lo + i + 1);
    let hi = (end + LIMIT).min(data.len());
    let to = memchr::memchr(b'\n', &data[end..hi]).map_or(hi, |i| end + i);
    &data[from..to]
}
