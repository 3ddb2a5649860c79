//! The rule schema. Unknown keys are errors: a typo in a rule must not silently change what is
//! detected.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// How bad a leak of this credential is. Ordered, so `--fail-on` style thresholds compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informative; generic matches.
    Low,
    /// Limited access or billing abuse.
    Medium,
    /// Privileged access, bounded in scope.
    High,
    /// Broad production access, private keys, wallet secrets.
    Critical,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// Companion matches further apart than this are separate findings: "a few lines" is what a
/// `.env` file or a config object spans.
pub const DEFAULT_PAIR_LINES: usize = 5;

/// Files named by a rule's `file_names` are scanned whole by that rule only up to this size: a
/// keypair or key file is a few hundred bytes.
pub const WHOLE_FILE_LIMIT: usize = 64 * 1024;

/// A rule file: `[[rule]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The rules, in file order.
    #[serde(default)]
    pub rule: Vec<Rule>,
}

/// One credential type: how to find it (keywords → regex → entropy → validator), how bad it is,
/// and what to do about it. Its examples make it self-testing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable kebab-case id; keys fingerprints, baselines and SARIF rule ids, so never rename.
    /// (`Cow`: a built-in rule's id is borrowed from the compiled-in text, not one of a
    /// thousand allocations at every start.)
    pub id: Cow<'static, str>,
    /// One line for people. (`Cow`: a built-in rule's long texts stay in the binary's data,
    /// not copied at every start, for the few findings that show them.)
    pub description: Cow<'static, str>,
    /// How bad a leak is.
    pub severity: Severity,
    /// Literals of which at least one appears in every match; they drive the prefilter. A rule
    /// without keywords runs on every blob, which is the expensive kind.
    #[serde(default)]
    pub keywords: Vec<Cow<'static, str>>,
    /// Globs on a file's name (`id.json`, `*keypair*.json`) for files that hold nothing but the
    /// secret, so no keyword can announce it: in a file so named the rule runs over the whole
    /// file (up to [`WHOLE_FILE_LIMIT`] bytes), keyword or not.
    #[serde(default)]
    pub file_names: Vec<String>,
    /// A regex on the file's path (relative to the scanned root; `archive.zip!member` inside
    /// archives): the rule runs only on files it matches, as gitleaks' rule `path` does. A
    /// team's rule for its own config format (`deploy/.*\.properties$`) then stays out of
    /// every other file. Matches in text of unknown path (rule examples) are kept.
    #[serde(default)]
    pub path: Option<String>,
    /// Rust `regex` syntax over bytes, Unicode off.
    pub regex: Cow<'static, str>,
    /// The capture group that holds the secret; default 1 when the regex has a group, else 0.
    #[serde(default)]
    pub secret_group: Option<usize>,
    /// Shannon entropy floor (bits per byte) for the secret; random formats set it so that
    /// words and placeholders of the right shape are dropped.
    #[serde(default)]
    pub min_entropy: Option<f32>,
    /// Name of an offline validator (see `engine::validators`).
    #[serde(default)]
    pub validate: Option<String>,
    /// For multi-line secrets: how many bytes after a keyword hit the match may span. Without
    /// it the regex only sees the keyword's line.
    #[serde(default)]
    pub window: Option<usize>,
    /// Ids of companion rules (an exchange API key next to its secret, a passphrase, a
    /// keystore's password): a companion match within [`Rule::pair_lines`] lines of this rule's
    /// match is folded into this one finding, which names both, instead of being reported
    /// apart. A key and its secret are one incident with one remediation.
    #[serde(default)]
    pub pair_with: Vec<String>,
    /// How many lines apart a companion may be (default [`DEFAULT_PAIR_LINES`]); 0 means
    /// anywhere in the same blob.
    #[serde(default)]
    pub pair_lines: Option<usize>,
    /// Severity when at least one companion was found: a keystore is low alone and high with
    /// its password beside it.
    #[serde(default)]
    pub paired_severity: Option<Severity>,
    /// Matches of this rule are only reported folded into a primary rule's finding (a bare
    /// passphrase or password is not a finding; next to an exchange secret it is part of one).
    #[serde(default)]
    pub companion_only: bool,
    /// A catch-all rule (a secret-named variable, a password in a URL): a match of it that
    /// overlaps the secret of any rule that is not generic is dropped, so the provider's rule,
    /// which knows the format and the remediation, reports it (or, having rejected it, does
    /// not).
    #[serde(default)]
    pub generic: bool,
    /// Words (matched case-insensitively anywhere in the regex's whole match: the name and the
    /// value) that say the match is not a secret: generic rules, whose name part is open, use
    /// them to skip `publicToken`, `csrf_token` and the like.
    #[serde(default)]
    pub exclude_words: Vec<Cow<'static, str>>,
    /// Values that a capture group of a match must not hold (a netrc `machine` that is a
    /// documentation host, a password that is a provider's token which that provider's rule
    /// reports): such a match is dropped, as if the regex had not matched there. A regex has no
    /// look-ahead, so saying "not this word" in it means spelling the word out as a trie of
    /// classes, which made a rule's regex ten times slower to compile for a handful of words.
    #[serde(default)]
    pub excluded_values: Vec<ExcludedValues>,
    /// What to do: where to revoke or rotate, then purge history.
    pub remediation: Cow<'static, str>,
    /// Allowlists for this rule only (`[[rules.allowlist]]` in a config): a finding of this
    /// rule that one of them matches is dropped.
    #[serde(default)]
    pub allowlist: Vec<crate::config::AllowlistSpec>,
    /// Texts in which this rule must find a secret.
    #[serde(default)]
    pub examples: Vec<String>,
    /// Texts in which this rule must find nothing.
    #[serde(default)]
    pub negative_examples: Vec<String>,
    /// The file that defined the rule, for error messages.
    #[serde(skip)]
    pub source_file: Cow<'static, str>,
}

/// What a capture group of a rule's matches must not be (see [`Rule::excluded_values`]).
/// Compared ASCII case-insensitively, so the words are written in lowercase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExcludedValues {
    /// The capture group (1 or more; one that did not take part in a match excludes nothing).
    pub group: usize,
    /// The group must not be exactly one of these.
    #[serde(default)]
    pub words: Vec<String>,
    /// The group must not start with one of these.
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// The group must not be longer than this many bytes. A value that is always a whole run of
    /// its bytes (`([…]{20,})(?:[^…]|$)`) is bounded here at no cost, where a bound in the
    /// regex (`{20,256}`) costs a state per byte of it to compile.
    #[serde(default)]
    pub longer_than: Option<usize>,
}

impl ExcludedValues {
    /// Whether `value`, the group's bytes, is excluded.
    pub fn excludes(&self, value: &[u8]) -> bool {
        self.longer_than.is_some_and(|max| value.len() > max)
            || self
                .words
                .iter()
                .any(|w| value.eq_ignore_ascii_case(w.as_bytes()))
            || self.prefixes.iter().any(|p| {
                value
                    .get(..p.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
            })
    }
}

impl Rule {
    /// The companion distance in lines, 0 for "anywhere in the blob".
    pub fn pair_distance(&self) -> usize {
        self.pair_lines.unwrap_or(DEFAULT_PAIR_LINES)
    }

    /// Checks what can be checked without compiling the regex.
    pub fn check(&self) -> Result<(), String> {
        self.check_except_globs()?;
        if self
            .file_names
            .iter()
            .any(|g| globset::Glob::new(g).is_err())
        {
            return Err("file_names holds an invalid glob".into());
        }
        Ok(())
    }

    /// [`Rule::check`] but for the `file_names` globs: the scanner builder's check, as it
    /// compiles the globs itself (and reports a bad one, naming the rule); parsing them twice
    /// was half the check of the built-in rules at every start.
    pub fn check_except_globs(&self) -> Result<(), String> {
        let id_ok = !self.id.is_empty()
            && self
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !self.id.starts_with('-')
            && !self.id.ends_with('-');
        if !id_ok {
            return Err("id must be kebab-case (a-z, 0-9, '-')".into());
        }
        if let Some(path) = &self.path {
            crate::rules::check_regex_syntax(path).map_err(|m| format!("path: {m}"))?;
        }
        if self.keywords.iter().any(|k| k.is_empty()) {
            return Err("empty keyword".into());
        }
        if self
            .exclude_words
            .iter()
            .any(|w| w.is_empty() || w.bytes().any(|b| b.is_ascii_uppercase()))
        {
            return Err("exclude_words must be non-empty lowercase words".into());
        }
        for excluded in &self.excluded_values {
            let lowercase =
                |w: &String| !w.is_empty() && !w.bytes().any(|b| b.is_ascii_uppercase());
            if excluded.group == 0
                || excluded.words.is_empty()
                    && excluded.prefixes.is_empty()
                    && excluded.longer_than.is_none()
                || !excluded
                    .words
                    .iter()
                    .chain(&excluded.prefixes)
                    .all(lowercase)
            {
                return Err(
                    "excluded_values: each needs a group of 1 or more and non-empty lowercase \
                     words or prefixes, or longer_than"
                        .into(),
                );
            }
        }
        if let Some(e) = self.min_entropy {
            if !(0.0..=8.0).contains(&e) {
                return Err(format!("min_entropy {e} is outside 0..8 bits per byte"));
            }
        }
        if self.pair_with.iter().any(|id| id == &self.id) {
            return Err("pair_with names the rule itself".into());
        }
        if self.companion_only && !self.pair_with.is_empty() {
            return Err("a companion_only rule cannot have companions of its own".into());
        }
        if let Some(name) = &self.validate {
            if !crate::engine::validators::exists(name) {
                return Err(format!(
                    "unknown validator '{name}' (known: {})",
                    crate::engine::validators::NAMES.join(", ")
                ));
            }
        }
        Ok(())
    }
}
