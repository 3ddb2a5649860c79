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
use crate::rules::{Rule, TomlNode};

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
    /// Where each entry of `paths`, `path_regexes`, `regexes` and `commits` was written, so that
    /// a bad glob or regex is reported at its own line rather than at the allowlist's header
    /// (which may be far above it). Empty for allowlists whose entries have no known position.
    #[serde(skip)]
    pub entry_origins: Vec<EntryOrigin>,
}

impl AllowlistSpec {
    /// `file:line:column` of entry `index` of `field` (`"paths"`, `"regexes"`, ...), or the
    /// allowlist's own origin when the entry's position is not known.
    pub fn origin_of(&self, field: &str, index: usize) -> &str {
        self.entry_origins
            .iter()
            .find(|e| e.field == field && e.index == index)
            .map_or(self.origin.as_str(), |e| e.location.as_str())
    }
}

/// The position of one entry of an allowlist's list (see [`AllowlistSpec::entry_origins`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryOrigin {
    /// The list: `paths`, `path_regexes`, `regexes` or `commits`.
    pub field: &'static str,
    /// The entry's index in it.
    pub index: usize,
    /// `file:line:column` of the entry.
    pub location: String,
}

/// The allowlist fields whose entries [`EntryOrigin`] locates.
const LOCATED_FIELDS: [&str; 4] = ["paths", "path_regexes", "regexes", "commits"];

/// Records where each entry of the allowlist `node` (its TOML table) was written.
fn locate_entries(
    spec: &mut AllowlistSpec,
    node: Option<&TomlNode>,
    at: &dyn Fn(std::ops::Range<usize>) -> String,
) {
    let Some(node) = node else {
        return;
    };
    for field in LOCATED_FIELDS {
        if let Some(list) = node.get(field) {
            for (index, item) in list.items().iter().enumerate() {
                spec.entry_origins.push(EntryOrigin {
                    field,
                    index,
                    location: at(item.span()),
                });
            }
        }
    }
}

/// A clearer message for the mistake TOML makes easy with the two forms of `rules`:
/// `[rules.disable]` or `[[rules.custom]]` after `[[rules]]` is, to TOML, a key of the last rule
/// (serde then lists a rule's fields), and `[[rules]]` after `[rules.disable]` redefines
/// `rules`. Both forms exist because TOML cannot mix them; the message says which to write.
fn mixed_rules_forms(message: &str) -> Option<String> {
    const FIX: &str = "to disable built-in rules and add custom ones, write `[rules.disable]` and each custom rule as `[[rules.custom]]`";
    let in_a_rule = |key: &str| {
        message.starts_with(&format!("unknown field `{key}`")) && message.contains("`remediation`")
    };
    if in_a_rule("disable") {
        Some(format!(
            "`[rules.disable]` after `[[rules]]` is read by TOML as part of the rule above it; {FIX}"
        ))
    } else if in_a_rule("custom") {
        Some(format!(
            "`[[rules.custom]]` after `[[rules]]` is read by TOML as part of the rule above it; write every custom rule as `[[rules]]`, or, {FIX}"
        ))
    } else if message.contains("duplicate key `rules`") {
        Some(format!(
            "`[[rules]]` cannot be written beside a `[rules]` table such as `[rules.disable]`; {FIX}"
        ))
    } else {
        None
    }
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

/// Keys that only gitleaks' format has: a top-level `title` or `[extend]`, a rule with
/// `secretGroup`, `tags`, `allowlists`, `entropy` or `regexTarget`, an `[[allowlists]]` with
/// `targetRules`. Text that is not TOML is not gitleaks'.
fn looks_like_gitleaks(text: &str) -> bool {
    let Ok(table) = text.parse::<toml::Table>() else {
        return false;
    };
    const RULE_KEYS: [&str; 5] = [
        "secretGroup",
        "tags",
        "allowlists",
        "entropy",
        "regexTarget",
    ];
    let rule_says = |v: &toml::Value| {
        v.as_table()
            .is_some_and(|t| RULE_KEYS.iter().any(|k| t.contains_key(*k)))
    };
    table.contains_key("title")
        || table.contains_key("extend")
        || table
            .get("allowlists")
            .and_then(toml::Value::as_array)
            .is_some_and(|a| a.iter().any(|v| v.get("targetRules").is_some()))
        || table
            .get("rules")
            .and_then(toml::Value::as_array)
            .is_some_and(|rules| rules.iter().any(rule_says))
}

impl Config {
    /// Parses keysweep-format config text; `file` names it in errors. Custom rules are checked
    /// like rule files (ids, validators, regex syntax), with the line of the rule.
    pub fn parse(file: &Path, text: &str) -> Result<Config, ConfigError> {
        let name = file.display().to_string();
        let parsed: ConfigFile = toml::from_str(text).map_err(|e| {
            let mut error = crate::rules::toml_error(&name, text, &e);
            if let (ConfigError::Invalid { message, .. }, Some(hint)) =
                (&mut error, mixed_rules_forms(e.message()))
            {
                *message = hint;
            }
            error
        })?;
        let at =
            |span: std::ops::Range<usize>| crate::rules::toml_location(&name, text, Some(span));
        // The same text as a tree of spans, to point at entries (a rule's `regex =` line, an
        // allowlist's bad glob); without it (it cannot fail on text that parsed above, short of
        // a date), messages name the table instead.
        let tree = TomlNode::parse(text);
        let root = tree.as_ref();
        let rule_nodes = match root.and_then(|r| r.get("rules")) {
            Some(n @ TomlNode::Array(_)) => n.items(),
            Some(n) => n.get("custom").map_or(&[][..], TomlNode::items),
            None => &[],
        };
        let mut custom_rules = Vec::new();
        for (k, spanned) in parsed.rules.custom.into_iter().enumerate() {
            let location = at(spanned.span());
            let node = rule_nodes.get(k).map(toml::Spanned::get_ref);
            let mut rule = spanned.into_inner();
            let allowlist_nodes = node
                .and_then(|n| n.get("allowlist"))
                .map_or(&[][..], TomlNode::items);
            for (m, a) in rule.allowlist.iter_mut().enumerate() {
                // The allowlist's own place (for `--verbose` and `explain`), else the rule's.
                a.origin = allowlist_nodes
                    .get(m)
                    .map_or_else(|| location.clone(), |n| at(n.span()));
                locate_entries(a, allowlist_nodes.get(m).map(toml::Spanned::get_ref), &at);
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
            crate::rules::finish_rule(&location, &mut rule, false)?;
            if let Err(message) = crate::rules::check_regex(&rule) {
                return Err(ConfigError::Invalid {
                    location: node.and_then(|n| n.key_span("regex")).map_or(location, at),
                    message: format!("rule '{}': {message}", rule.id),
                });
            }
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
        let global_node = root.and_then(|r| r.get("allowlist"));
        let list_nodes = root
            .and_then(|r| r.get("allowlists"))
            .map_or(&[][..], TomlNode::items);
        let specs = parsed
            .allowlist
            .map(|a| (a, global_node))
            .into_iter()
            .chain(
                parsed
                    .allowlists
                    .into_iter()
                    .enumerate()
                    .map(|(j, a)| (a, list_nodes.get(j).map(toml::Spanned::get_ref))),
            );
        for (spanned, node) in specs {
            let origin = at(spanned.span());
            let mut a = spanned.into_inner();
            a.origin = origin;
            locate_entries(&mut a, node, &at);
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
    /// A file with another name is read as gitleaks' when its keys say so (see
    /// `looks_like_gitleaks`), with a warning, so that `--config leaks.toml` works too.
    pub fn parse_file(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase());
        if name.is_some_and(|n| n.contains("gitleaks")) {
            return gitleaks::parse(path, text);
        }
        match Config::parse(path, text) {
            Err(e) if looks_like_gitleaks(text) => {
                let mut config = gitleaks::parse(path, text)?;
                config.warnings.insert(
                    0,
                    format!(
                        "{}: read as a gitleaks config: its keys are gitleaks' (as keysweep's format it fails with: {e})",
                        path.display()
                    ),
                );
                Ok(config)
            }
            other => other,
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
        // In place: a thousand rules of a few hundred bytes each were moved into a new list
        // at every start, even with nothing disabled.
        let mut rules = builtin;
        if !self.extend_default {
            rules.clear();
        } else if !self.disabled_rules.is_empty() {
            rules.retain(|r| !self.disabled_rules.iter().any(|d| *d == r.id));
        }
        // The built-in ids are unique (build.rs fails otherwise): only custom rules can clash.
        if !self.custom_rules.is_empty() {
            rules.extend(self.custom_rules.iter().cloned());
            crate::rules::check_unique_ids(&rules)?;
        }
        Ok(rules)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_gitleaks_config_under_another_name_is_read_as_one_with_a_warning() {
        let text = "title = \"ours\"\n[[rules]]\nid = \"acme\"\nregex = '''acme_[a-z]{8}'''\nsecretGroup = 0\n";
        let c = super::Config::parse_file(std::path::Path::new("leaks.toml"), text)
            .expect("read as gitleaks");
        assert_eq!(c.custom_rules.len(), 1);
        assert!(
            c.warnings[0].starts_with("leaks.toml: read as a gitleaks config"),
            "{:?}",
            c.warnings
        );
        // keysweep's own format with a typo stays an error that names the key.
        let err = super::Config::parse_file(
            std::path::Path::new("k.toml"),
            "[[rules]]\nid = \"a\"\nregexx = 'b'\n",
        )
        .expect_err("unknown key");
        assert!(err.to_string().contains("regexx"), "{err}");
    }

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
        // A regex that does not parse: at the `regex =` line, on one line.
        let text = format!(
            "\n[[rules]]\n{}",
            RULE.replace("[a-z0-9]{16}", "[a-z0-9{16}")
        );
        let err = Config::parse(Path::new("c.toml"), &text)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            r#"c.toml:7:1: rule 'acme-token': regex: unclosed character class at byte 8 of "\b(acme_[a-z0-9{16})\b""#
        );
        // The same in the table form, below `[rules.disable]`.
        let text = format!(
            "[rules.disable]\nids = [\"github-classic-pat\"]\n[[rules.custom]]\n{}",
            RULE.replace("{16}", "{16")
        );
        let err = Config::parse(Path::new("c.toml"), &text)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            r#"c.toml:8:1: rule 'acme-token': regex: unclosed counted repetition at byte 16 of "\b(acme_[a-z0-9]{16)\b""#
        );
    }

    fn parse_error(text: &str) -> String {
        Config::parse(Path::new("c.toml"), text)
            .unwrap_err()
            .to_string()
    }

    /// The error that compiling a parsed config's allowlists gives (globs and regexes are
    /// compiled with the filters, after parsing).
    fn filters_error(text: &str) -> String {
        let c = Config::parse(Path::new("c.toml"), text).expect("parses");
        crate::filters::Filters::new(&c, &c.custom_rules)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn bad_allowlist_patterns_point_at_their_entry() {
        assert_eq!(
            filters_error(
                "[allowlist]\ndescription = \"x\"\npaths = [\n  \"ok/**\",\n  \"a[\",\n]\n"
            ),
            "c.toml:5:3: allowlist paths: 'a[': unclosed character class; missing ']'"
        );
        assert_eq!(
            filters_error("[allowlist]\nregexes = [\"ok\", \"(\"]\n"),
            "c.toml:2:18: allowlist regexes: '(': unclosed group at byte 0"
        );
        assert_eq!(
            filters_error(
                "[[allowlists]]\npaths = [\"a\"]\n[[allowlists]]\ncommits = [\n  \"abc\",\n]\n"
            ),
            "c.toml:5:3: allowlist commits: 'abc': not a commit id (7 to 40 hex digits)"
        );
        // A rule's own allowlists: the second one's bad path regex.
        let text = format!(
            "[[rules]]\n{RULE}[[rules.allowlist]]\nstopwords = [\"x\"]\n[[rules.allowlist]]\npath_regexes = ['a', 'b{{2']\n"
        );
        assert_eq!(
            filters_error(&text),
            "c.toml:11:22: allowlist path_regexes: 'b{2': unclosed counted repetition at byte 1"
        );
    }

    #[test]
    fn a_mistyped_value_names_its_key() {
        assert_eq!(
            parse_error("[[rules]]\nkeywords = \"x\"\n"),
            "c.toml:2:12: keywords: invalid type: string \"x\", expected a sequence"
        );
        assert_eq!(
            parse_error(&format!("[[rules]]\n{}", RULE.replace("\"high\"", "\"hgh\""))),
            "c.toml:4:12: severity: unknown variant `hgh`, expected one of `low`, `medium`, `high`, `critical`"
        );
        // An element of a multi-line array names the array; a value after an inline table in
        // the same array is the array's too.
        assert_eq!(
            parse_error("[allowlist]\nstopwords = [\n  \"a\",\n  3,\n]\n"),
            "c.toml:4:3: stopwords: invalid type: integer `3`, expected a string"
        );
        assert_eq!(
            parse_error("allowlists = [{ paths = [\"=\"] }, 3]\n"),
            "c.toml:1:34: allowlists: invalid type: integer `3`, expected struct AllowlistSpec"
        );
        assert_eq!(
            parse_error("[[allowlists]]\nmatch_all = \"yes\" # really\n"),
            "c.toml:2:13: match_all: invalid type: string \"yes\", expected a boolean"
        );
    }

    #[test]
    fn mixing_the_two_forms_of_rules_says_which_to_write() {
        let fix = "to disable built-in rules and add custom ones, write `[rules.disable]` and each custom rule as `[[rules.custom]]`";
        let disable = "[rules.disable]\nids = [\"github-classic-pat\"]\n";
        assert_eq!(
            parse_error(&format!("[[rules]]\n{RULE}{disable}")),
            format!("c.toml:8:8: `[rules.disable]` after `[[rules]]` is read by TOML as part of the rule above it; {fix}")
        );
        assert_eq!(
            parse_error(&format!("{disable}[[rules]]\n{RULE}")),
            format!("c.toml:3:1: `[[rules]]` cannot be written beside a `[rules]` table such as `[rules.disable]`; {fix}")
        );
        assert_eq!(
            parse_error(&format!("[[rules]]\n{RULE}[[rules.custom]]\n{RULE}")),
            format!("c.toml:8:9: `[[rules.custom]]` after `[[rules]]` is read by TOML as part of the rule above it; write every custom rule as `[[rules]]`, or, {fix}")
        );
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
