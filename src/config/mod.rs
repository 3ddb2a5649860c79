//! The project config file: `.keysweep.toml` at the scanned root, `--config FILE`, or, for teams
//! coming from gitleaks, a `.gitleaks.toml` (see [`gitleaks`]). Both formats load into the same
//! [`Config`], which says which rules run (built-in ones, minus disabled ones, plus custom ones)
//! and what is allowed (allowlists). In keysweep's format an unknown key is an error naming the
//! file and line, so that a typo cannot silently change what is scanned.
//!
//! ```toml
//! extend_default = true            # false: only the custom rules below
//! [rules.disable]                  # with custom rules too: [rules.disable] + [[rules.custom]]
//! ids = ["generic-password"]
//! [[rules]]                        # a custom rule, in the built-in rules' format
//! id = "acme-token"
//! ...
//! [[rules.allowlist]]              # only for the rule above
//! regexes = ["^acme_test_"]
//! [allowlist]                      # for every rule
//! paths = ["fixtures/**"]
//! regexes = ["^EXAMPLE"]
//! stopwords = ["dummy"]
//! [[allowlists]]                   # more allowlists, optionally for some rules only
//! rules = ["aws-access-key-id"]
//! paths = ["docs/**"]
//! ```

pub mod gitleaks;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::ConfigError;
use crate::rules::Rule;

/// The file name looked for at the scanned root.
pub const CONFIG_FILE_NAME: &str = ".keysweep.toml";

/// gitleaks' config file name, looked for when there is no `.keysweep.toml`.
pub const GITLEAKS_CONFIG_FILE_NAME: &str = ".gitleaks.toml";

/// A loaded config, whatever its format.
#[derive(Debug, Clone)]
pub struct Config {
    /// Start from the built-in rules (`extend_default`, gitleaks' `[extend] useDefault`).
    pub extend_default: bool,
    /// Ids of built-in rules that do not run.
    pub disabled_rules: Vec<String>,
    /// Rules the user added, checked like built-in ones (their own allowlists in
    /// [`Rule::allowlist`]).
    pub custom_rules: Vec<Rule>,
    /// Allowlists: the global one first, then `[[allowlists]]` (some for listed rules only).
    pub allowlists: Vec<AllowlistSpec>,
    /// The file it came from, for messages.
    pub source: Option<PathBuf>,
    /// Things in the file that keysweep reads but does not apply (gitleaks keys it does not
    /// support), each naming the file, line and key: printed as warnings.
    pub warnings: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            extend_default: true,
            disabled_rules: Vec::new(),
            custom_rules: Vec::new(),
            allowlists: Vec::new(),
            source: None,
            warnings: Vec::new(),
        }
    }
}

/// One allowlist: a finding is dropped when any of its conditions holds (all of them, with
/// `match_all`), and it applies to every rule unless `rules` lists some.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowlistSpec {
    /// Why it exists, for people and for `explain`.
    #[serde(default)]
    pub description: Option<String>,
    /// Only for these rule ids (empty: every rule). In `[[rules.allowlist]]` the rule itself.
    #[serde(default)]
    pub rules: Vec<String>,
    /// Globs (`globset` syntax) matched against the report path, relative to the scanned root.
    #[serde(default)]
    pub paths: Vec<String>,
    /// Regexes matched against the report path (gitleaks' `paths`, which are regexes).
    #[serde(default)]
    pub path_regexes: Vec<String>,
    /// Regexes matched against the secret (or the line, see `regex_target`).
    #[serde(default)]
    pub regexes: Vec<String>,
    /// What `regexes` are matched against.
    #[serde(default)]
    pub regex_target: RegexTarget,
    /// A secret containing one of these (case-insensitive) is dropped.
    #[serde(default)]
    pub stopwords: Vec<String>,
    /// Commit ids (full or a prefix of at least 7): findings that git history attributes to one
    /// of them are dropped.
    #[serde(default)]
    pub commits: Vec<String>,
    /// All given conditions must hold (gitleaks' `condition = "AND"`), not any one.
    #[serde(default)]
    pub match_all: bool,
    /// `file:line` of the allowlist, for messages and `explain`.
    #[serde(skip)]
    pub origin: String,
}

/// What an allowlist's `regexes` are matched against.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegexTarget {
    /// The secret (the rule's secret group).
    #[default]
    Secret,
    /// The whole line (lines, for a secret that spans several) that holds the secret.
    Line,
}

/// `.keysweep.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default = "yes")]
    extend_default: bool,
    #[serde(default)]
    rules: RulesSection,
    #[serde(default)]
    allowlist: Option<toml::Spanned<AllowlistSpec>>,
    #[serde(default)]
    allowlists: Vec<toml::Spanned<AllowlistSpec>>,
}

fn yes() -> bool {
    true
}

/// `rules`: either `[[rules]]` (custom rules only) or a table with `disable` and `custom`,
/// because TOML cannot hold both `[[rules]]` and `[rules.disable]`.
#[derive(Debug, Default)]
struct RulesSection {
    disable: Vec<toml::Spanned<String>>,
    custom: Vec<toml::Spanned<Rule>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesTable {
    #[serde(default)]
    disable: Option<DisableTable>,
    #[serde(default)]
    custom: Vec<toml::Spanned<Rule>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DisableTable {
    ids: Vec<toml::Spanned<String>>,
}

impl<'de> Deserialize<'de> for RulesSection {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RulesSection, D::Error> {
        struct SectionVisitor;
        impl<'de> Visitor<'de> for SectionVisitor {
            type Value = RulesSection;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("[[rules]] tables, or a [rules] table with `disable` and `custom`")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RulesSection, A::Error> {
                let custom = Vec::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(RulesSection {
                    disable: Vec::new(),
                    custom,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RulesSection, A::Error> {
                let t = RulesTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RulesSection {
                    disable: t.disable.map(|d| d.ids).unwrap_or_default(),
                    custom: t.custom,
                })
            }
        }
        deserializer.deserialize_any(SectionVisitor)
    }
}

impl Config {
    /// Parses keysweep-format config text; `file` names it in errors. Custom rules are checked
    /// like rule files (ids, validators, regex syntax), with the line of the rule.
    pub fn parse(file: &Path, text: &str) -> Result<Config, ConfigError> {
        let name = file.display().to_string();
        let parsed: ConfigFile = toml::from_str(text).map_err(|e| ConfigError::Invalid {
            location: crate::rules::toml_location(&name, text, e.span()),
            message: crate::rules::toml_message(e.message()),
        })?;
        let at =
            |span: std::ops::Range<usize>| crate::rules::toml_location(&name, text, Some(span));
        let mut custom_rules = Vec::new();
        for spanned in parsed.rules.custom {
            let location = at(spanned.span());
            let mut rule = spanned.into_inner();
            for a in &mut rule.allowlist {
                a.origin = location.clone();
                if !a.rules.is_empty() {
                    return Err(ConfigError::Invalid {
                        location,
                        message: format!(
                            "rule '{}': allowlist: `rules` is for [[allowlists]]; an allowlist under a rule is for that rule",
                            rule.id
                        ),
                    });
                }
            }
            crate::rules::finish_rule(&location, &mut rule, true)?;
            custom_rules.push(rule);
        }
        let mut disabled_rules = Vec::new();
        if !parsed.rules.disable.is_empty() {
            let builtin = crate::rules::builtin_rules()?;
            for spanned in parsed.rules.disable {
                let location = at(spanned.span());
                let id = spanned.into_inner();
                if !builtin.iter().any(|r| r.id == id) {
                    return Err(ConfigError::Invalid {
                        location,
                        message: format!(
                            "rules.disable.ids: no built-in rule has the id '{id}' (see `keysweep rules`)"
                        ),
                    });
                }
                disabled_rules.push(id);
            }
        }
        let mut allowlists = Vec::new();
        for spanned in parsed.allowlist.into_iter().chain(parsed.allowlists) {
            let origin = at(spanned.span());
            let mut a = spanned.into_inner();
            a.origin = origin;
            allowlists.push(a);
        }
        Ok(Config {
            extend_default: parsed.extend_default,
            disabled_rules,
            custom_rules,
            allowlists,
            source: Some(file.to_path_buf()),
            warnings: Vec::new(),
        })
    }

    /// Parses a config file in the format its name says: gitleaks' for a name containing
    /// `gitleaks`, keysweep's otherwise.
    pub fn parse_file(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase());
        if name.is_some_and(|n| n.contains("gitleaks")) {
            gitleaks::parse(path, text)
        } else {
            Config::parse(path, text)
        }
    }

    /// Loads `explicit` if given (it must exist), else `.keysweep.toml` in `root` if present,
    /// else `.gitleaks.toml` there, else the empty config.
    pub fn discover(explicit: Option<&Path>, root: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => {
                let found = root.and_then(|r| {
                    [CONFIG_FILE_NAME, GITLEAKS_CONFIG_FILE_NAME]
                        .iter()
                        .map(|n| {
                            if r == Path::new(".") {
                                PathBuf::from(n)
                            } else {
                                r.join(n)
                            }
                        })
                        .find(|p| p.is_file())
                });
                match found {
                    Some(p) => p,
                    None => return Ok(Config::default()),
                }
            }
        };
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError::Path {
            path: path.clone(),
            message: format!("cannot read config file: {e}"),
        })?;
        Config::parse_file(&path, &text)
    }

    /// The rule set this config asks for: the built-in rules (unless `extend_default` is off)
    /// without the disabled ones, then the custom ones. Disabling an id that no built-in rule
    /// has is an error (a typo would otherwise leave the rule on); so is a custom rule that
    /// reuses a built-in id.
    pub fn rules(&self, builtin: Vec<Rule>) -> Result<Vec<Rule>, ConfigError> {
        let location = self
            .source
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "config".into());
        for id in &self.disabled_rules {
            if !builtin.iter().any(|r| &r.id == id) {
                return Err(ConfigError::Invalid {
                    location: location.clone(),
                    message: format!(
                        "rules.disable: no built-in rule has the id '{id}' (see `keysweep rules`)"
                    ),
                });
            }
        }
        let mut rules: Vec<Rule> = if self.extend_default {
            builtin
                .into_iter()
                .filter(|r| !self.disabled_rules.contains(&r.id))
                .collect()
        } else {
            Vec::new()
        };
        rules.extend(self.custom_rules.iter().cloned());
        crate::rules::check_unique_ids(&rules)?;
        Ok(rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: &str = "id = \"acme-token\"\ndescription = \"Acme token\"\nseverity = \"high\"\n\
        keywords = [\"acme_\"]\nregex = '''\\b(acme_[a-z0-9]{16})\\b'''\nremediation = \"Rotate it.\"\n";

    #[test]
    fn unknown_key_is_an_error_with_line() {
        let err = Config::parse(Path::new("c.toml"), "[allowlist]\npaths = []\npath = []\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.toml:3:"), "{err}");
        assert!(err.contains("unknown field `path`"), "{err}");
    }

    #[test]
    fn parses_paths() {
        let c = Config::parse(
            Path::new("c.toml"),
            "[allowlist]\npaths = [\"fixtures/**\"]\n",
        )
        .expect("parses");
        assert_eq!(c.allowlists[0].paths, vec!["fixtures/**"]);
        assert_eq!(c.allowlists[0].origin, "c.toml:1:1");
    }

    #[test]
    fn custom_rules_in_both_forms() {
        let c =
            Config::parse(Path::new("c.toml"), &format!("[[rules]]\n{RULE}")).expect("array form");
        assert_eq!(c.custom_rules[0].id, "acme-token");
        let text = format!(
            "extend_default = false\n[rules.disable]\nids = [\"github-classic-pat\"]\n[[rules.custom]]\n{RULE}"
        );
        let c = Config::parse(Path::new("c.toml"), &text).expect("table form");
        assert_eq!(c.custom_rules.len(), 1);
        assert_eq!(c.disabled_rules, vec!["github-classic-pat"]);
        assert!(!c.extend_default);
    }

    #[test]
    fn errors_in_custom_rules_name_the_line_and_key() {
        let text = format!("[[rules]]\n{RULE}secret_grup = 1\n");
        let err = Config::parse(Path::new("c.toml"), &text)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.toml:8:"), "{err}");
        assert!(err.contains("secret_grup"), "{err}");
        let text = format!(
            "\n[[rules]]\n{}",
            RULE.replace("[a-z0-9]{16}", "[a-z0-9{16}")
        );
        let err = Config::parse(Path::new("c.toml"), &text)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.toml:2:"), "{err}");
        assert!(err.contains("acme-token") && err.contains("regex"), "{err}");
    }

    #[test]
    fn disabling_an_unknown_rule_is_an_error_with_line() {
        let err = Config::parse(
            Path::new("c.toml"),
            "[rules.disable]\nids = [\n  \"github-classic-pat\",\n  \"no-such\",\n]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("c.toml:4:"), "{err}");
        assert!(err.contains("no-such"), "{err}");
    }
}
