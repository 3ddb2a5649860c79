//! gitleaks v8 config files (`.gitleaks.toml`, or a `--config` whose name contains `gitleaks`),
//! loaded into the same [`Config`] as keysweep's own format, so that a team can switch scanners
//! without first rewriting its custom rules and allowlists.
//!
//! The two formats disagree in ways this module settles:
//!
//! - **Unknown keys are warnings, not errors.** A gitleaks config was written for another tool;
//!   refusing it over a key keysweep has no use for (a composite rule's `[[rules.required]]`,
//!   `skipReport`, `[extend] path`) would block the switch. Every warning names the file, line
//!   and key. Wrong value types and invalid regexes are still errors: ignoring those would
//!   change what is scanned without saying so.
//! - **Rule ids are two namespaces.** gitleaks' default rules are not keysweep's built-in ones,
//!   so `disabledRules`, `targetRules` and rule entries that only add allowlists to a default
//!   rule keep the ids keysweep knows and warn about the others. A gitleaks id that is not
//!   kebab-case is lowercased for keysweep (ids key fingerprints and baselines).
//! - **Regexes are Go RE2.** The regex crate reads most of RE2 the same way, but not all:
//!   `\Q..\E`, octal escapes, `\p{..}` under keysweep's Unicode-off default, a `{` that is not
//!   a repetition, `\<`, or `&&` inside a class either fail or mean something else. Those are
//!   rewritten (see `go_regex` below); what cannot be carried over is an error naming the
//!   rule, the construct and the line.
//! - **Regexes see more than one line in gitleaks.** keysweep runs a rule's regex on the lines
//!   of its keyword hits; a custom rule whose regex can match a newline gets a `window` as long
//!   as its longest match, so it still finds what it found under gitleaks.
//!
//! Not carried over (each warned about where it appears): `[extend] path`/`url`, path-only
//! rules (gitleaks' "this file exists" findings), `path` on a rule with a regex (the rule runs
//! on every file), composite rules (`[[rules.required]]`), `skipReport`, and `regexTarget =
//! "match"` (keysweep matches such regexes against the line(s) of the secret). Also different:
//! with no `secretGroup`, gitleaks takes the first non-empty group and keysweep group 1 (warned
//! about when group 1 can be unset); a keyword only has to appear somewhere in the file for
//! gitleaks, near the match for keysweep; keysweep's own placeholder filter and its one finding
//! per secret still apply. gitleaks refuses `[allowlist]` next to `[[allowlists]]` (and the two
//! rule forms together); keysweep reads both.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::Path;

use regex_syntax::hir::{Class, Hir, HirKind};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::{AllowlistSpec, Config, RegexTarget};
use crate::error::ConfigError;
use crate::rules::{Rule, Severity};

/// The remediation of every custom rule: a gitleaks rule carries none, and this one is right
/// for any credential.
const REMEDIATION: &str = "Custom rule from a gitleaks config: revoke or rotate the credential \
                           at its provider, then purge it from history.";

/// The longest `window` given to a custom rule whose regex spans lines: as far as the largest
/// built-in one, so one unbounded regex (`[\s\S]*?`) cannot make every keyword hit cost a scan
/// of the rest of the file.
const MAX_WINDOW: usize = 8192;

/// Parses gitleaks-format config text; `path` names it in errors and warnings. What keysweep
/// does not support is listed in [`Config::warnings`]; what it would misread is an error.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let mut cx = Cx {
        file: path.display().to_string(),
        text,
        warnings: Vec::new(),
    };
    let root = read_document(&cx.file, text)?;
    let mut top = Fields::new(root, "the top level");
    for metadata in ["title", "description", "minVersion", "tags"] {
        top.take(metadata);
    }
    let extend = top.take("extend");
    let rule_entries = top.take("rules");
    let old_allowlist = top.take("allowlist");
    let new_allowlists = top.take("allowlists");
    top.finish(&mut cx);

    let builtin: HashSet<String> = crate::rules::builtin_rules()?
        .into_iter()
        .map(|r| r.id.into_owned())
        .collect();
    let extend = match extend {
        Some(e) => read_extend(&mut cx, e, &builtin)?,
        None => Extend::default(),
    };
    let mut rules = RuleSet::new(extend, builtin);
    if let Some(e) = rule_entries {
        for (span, entries) in cx.array_of_tables(e, "the top level")? {
            read_rule(&mut cx, &mut rules, span, entries)?;
        }
    }
    let mut allowlists = Vec::new();
    if let Some(e) = old_allowlist {
        for (origin, entries) in cx.tables(e, "the top level")? {
            allowlists.extend(read_allowlist(
                &mut cx,
                origin,
                entries,
                "[allowlist]",
                None,
            )?);
        }
    }
    if let Some(e) = new_allowlists {
        for (origin, entries) in cx.tables(e, "the top level")? {
            let read = read_allowlist(&mut cx, origin, entries, "[[allowlists]]", Some(&rules))?;
            allowlists.extend(read);
        }
    }
    allowlists.append(&mut rules.extra_allowlists);
    Ok(Config {
        extend_default: rules.extend.use_default,
        disabled_rules: rules.extend.disabled,
        custom_rules: rules.custom,
        allowlists,
        source: Some(path.to_path_buf()),
        warnings: cx.warnings,
    })
}

// ---------------------------------------------------------------------------------------------
// The document: TOML values that remember where each key was written.

/// A TOML value whose table keys keep their byte spans, so that a warning about a key can
/// name its line. (`toml::Value` forgets positions; `toml::Spanned` around every value fails on
/// the implicit tables that dotted keys create, which have no span; keys always have one.)
#[derive(Debug)]
enum Node {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// Elements of arrays (array-of-tables elements included) do keep a span.
    Array(Vec<Spanned<Node>>),
    Table(Vec<Entry>),
}

/// One key of a table and its value.
#[derive(Debug)]
struct Entry {
    key: String,
    span: Range<usize>,
    value: Node,
}

impl Node {
    fn type_name(&self) -> &'static str {
        match self {
            Node::Str(_) => "a string",
            Node::Int(_) => "an integer",
            Node::Float(_) => "a float",
            Node::Bool(_) => "a boolean",
            Node::Array(_) => "an array",
            Node::Table(_) => "a table",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a TOML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Node, E> {
        i64::try_from(v)
            .map(Node::Int)
            .map_err(|_| E::custom("integer out of range"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            let span = key.span();
            let value = map.next_value::<Node>()?;
            entries.push(Entry {
                key: key.into_inner(),
                span,
                value,
            });
        }
        Ok(Node::Table(entries))
    }
}

/// Parses the whole file into its top-level entries. A TOML syntax error names file:line:col.
fn read_document(file: &str, text: &str) -> Result<Vec<Entry>, ConfigError> {
    let at = |span| crate::rules::toml_location(file, text, span);
    match toml::from_str::<Node>(text) {
        Ok(Node::Table(entries)) => Ok(entries),
        Ok(_) => Err(ConfigError::Invalid {
            location: file.to_string(),
            message: "not a TOML table".into(),
        }),
        Err(e) => {
            // Valid TOML that `Node` cannot hold is a date or time: gitleaks has no such value.
            let message = match toml::from_str::<toml::Table>(text) {
                Ok(_) => "a date or time, which no gitleaks key takes".to_string(),
                Err(_) => e.message().trim().to_string(),
            };
            Err(ConfigError::Invalid {
                location: at(e.span()),
                message,
            })
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading values: locations, warnings, typed getters.

/// The file being read and the warnings collected so far.
struct Cx<'a> {
    file: String,
    text: &'a str,
    warnings: Vec<String>,
}

impl Cx<'_> {
    fn at(&self, span: &Range<usize>) -> String {
        crate::rules::toml_location(&self.file, self.text, Some(span.clone()))
    }

    /// The location of a table written as `[header]`: where its line's `[` is, as for the
    /// tables of keysweep's own format; the key's own position otherwise (`t = { .. }`).
    fn table_at(&self, key_span: &Range<usize>) -> String {
        let before = self.text.get(..key_span.start).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let prefix = &before[line_start..];
        let indent = prefix.len() - prefix.trim_start().len();
        if prefix.trim_start().starts_with('[') {
            self.at(&(line_start + indent..line_start + indent))
        } else {
            self.at(key_span)
        }
    }

    fn warn(&mut self, location: &str, message: impl fmt::Display) {
        self.warnings.push(format!("{location}: {message}"));
    }

    fn invalid(&self, span: &Range<usize>, message: impl Into<String>) -> ConfigError {
        ConfigError::Invalid {
            location: self.at(span),
            message: message.into(),
        }
    }

    fn wrong_type(&self, e: &Entry, context: &str, wanted: &str) -> ConfigError {
        self.invalid(
            &e.span,
            format!(
                "key '{}' in {context} must be {wanted}, not {}",
                e.key,
                e.value.type_name()
            ),
        )
    }

    fn string(&self, e: Entry, context: &str) -> Result<String, ConfigError> {
        match e.value {
            Node::Str(s) => Ok(s),
            _ => Err(self.wrong_type(&e, context, "a string")),
        }
    }

    fn boolean(&self, e: Entry, context: &str) -> Result<bool, ConfigError> {
        match e.value {
            Node::Bool(b) => Ok(b),
            _ => Err(self.wrong_type(&e, context, "a boolean")),
        }
    }

    fn integer(&self, e: Entry, context: &str) -> Result<i64, ConfigError> {
        match e.value {
            Node::Int(i) => Ok(i),
            _ => Err(self.wrong_type(&e, context, "an integer")),
        }
    }

    fn number(&self, e: Entry, context: &str) -> Result<f64, ConfigError> {
        match e.value {
            Node::Float(f) => Ok(f),
            Node::Int(i) => Ok(i as f64),
            _ => Err(self.wrong_type(&e, context, "a number")),
        }
    }

    /// An array of strings, each with its own span (for errors about one of them).
    fn strings(&self, e: Entry, context: &str) -> Result<Vec<(String, Range<usize>)>, ConfigError> {
        let wrong = self.wrong_type(&e, context, "an array of strings");
        let Node::Array(items) = e.value else {
            return Err(wrong);
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let span = item.span();
            match item.into_inner() {
                Node::Str(s) => out.push((s, span)),
                _ => return Err(wrong),
            }
        }
        Ok(out)
    }

    /// `[[key]]` tables, each with its location.
    fn array_of_tables(
        &self,
        e: Entry,
        context: &str,
    ) -> Result<Vec<(String, Vec<Entry>)>, ConfigError> {
        let wrong = self.wrong_type(&e, context, "an array of tables ([[...]])");
        let Node::Array(items) = e.value else {
            return Err(wrong);
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let location = self.at(&item.span());
            match item.into_inner() {
                Node::Table(entries) => out.push((location, entries)),
                _ => return Err(wrong),
            }
        }
        Ok(out)
    }

    /// A table or an array of tables: allowlists come in both forms (`[allowlist]`,
    /// `[[allowlists]]`), and accepting either costs nothing.
    fn tables(&self, e: Entry, context: &str) -> Result<Vec<(String, Vec<Entry>)>, ConfigError> {
        match e.value {
            Node::Table(entries) => Ok(vec![(self.table_at(&e.span), entries)]),
            _ => self.array_of_tables(e, context),
        }
    }
}

/// The keys of one table, taken one by one by the code that knows them; what is left at the
/// end is what keysweep does not support, and is warned about.
struct Fields {
    entries: Vec<Entry>,
    context: String,
}

impl Fields {
    fn new(entries: Vec<Entry>, context: impl Into<String>) -> Fields {
        Fields {
            entries,
            context: context.into(),
        }
    }

    fn take(&mut self, key: &str) -> Option<Entry> {
        let i = self.entries.iter().position(|e| e.key == key)?;
        Some(self.entries.remove(i))
    }

    fn finish(self, cx: &mut Cx<'_>) {
        for e in self.entries {
            let location = cx.table_at(&e.span);
            cx.warn(
                &location,
                format!(
                    "key '{}' in {} is not supported by keysweep and is ignored",
                    e.key, self.context
                ),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// [extend]

/// What `[extend]` asks for, restricted to what keysweep can do.
#[derive(Debug, Default)]
struct Extend {
    /// `useDefault`: without it a gitleaks config replaces the default rules.
    use_default: bool,
    /// Built-in rule ids to turn off: `disabledRules` that keysweep knows, then built-in rules
    /// that a custom rule of the same id replaces.
    disabled: Vec<String>,
}

fn read_extend(
    cx: &mut Cx<'_>,
    e: Entry,
    builtin: &HashSet<String>,
) -> Result<Extend, ConfigError> {
    const CONTEXT: &str = "[extend]";
    let entries = match e.value {
        Node::Table(entries) => entries,
        _ => return Err(cx.wrong_type(&e, "the top level", "a table")),
    };
    let mut f = Fields::new(entries, CONTEXT);
    let mut extend = Extend::default();
    if let Some(e) = f.take("useDefault") {
        extend.use_default = cx.boolean(e, CONTEXT)?;
    }
    for key in ["path", "url"] {
        if let Some(e) = f.take(key) {
            let location = cx.at(&e.span);
            let what = cx.string(e, CONTEXT)?;
            cx.warn(
                &location,
                format!(
                    "[extend] {key} is not supported by keysweep: the rules of '{what}' are not loaded"
                ),
            );
        }
    }
    if let Some(e) = f.take("disabledRules") {
        for (id, span) in cx.strings(e, CONTEXT)? {
            if builtin.contains(&id) {
                if !extend.disabled.contains(&id) {
                    extend.disabled.push(id);
                }
            } else {
                let location = cx.at(&span);
                cx.warn(
                    &location,
                    format!(
                        "disabledRules: '{id}' is not a keysweep rule id, ignored (see `keysweep rules`)"
                    ),
                );
            }
        }
    }
    f.finish(cx);
    Ok(extend)
}

// ---------------------------------------------------------------------------------------------
// [[rules]]

/// The rules read so far, and what rule ids later tables may name.
struct RuleSet {
    extend: Extend,
    builtin: HashSet<String>,
    custom: Vec<Rule>,
    /// Custom rule ids, by their gitleaks id and by their keysweep id.
    ids: HashMap<String, String>,
    /// Where each custom rule id was defined, for duplicate errors.
    defined_at: HashMap<String, String>,
    /// Allowlists that entries without a regex add to built-in rules.
    extra_allowlists: Vec<AllowlistSpec>,
}

impl RuleSet {
    fn new(extend: Extend, builtin: HashSet<String>) -> RuleSet {
        RuleSet {
            extend,
            builtin,
            custom: Vec::new(),
            ids: HashMap::new(),
            defined_at: HashMap::new(),
            extra_allowlists: Vec::new(),
        }
    }

    /// True when built-in rule `id` will run.
    fn builtin_runs(&self, id: &str) -> bool {
        self.extend.use_default
            && self.builtin.contains(id)
            && !self.extend.disabled.iter().any(|d| d == id)
    }

    /// The keysweep id a `targetRules` entry names, if it names a rule that will run.
    fn resolve(&self, id: &str) -> Option<String> {
        match self.ids.get(id) {
            Some(k) => Some(k.clone()),
            None if self.builtin_runs(id) => Some(id.to_string()),
            None => None,
        }
    }
}

/// One `[[rules]]` table as written, before it becomes a rule or allowlists.
struct RuleEntry {
    location: String,
    gitleaks_id: String,
    id: String,
    description: Option<String>,
    regex: Option<(String, Range<usize>)>,
    secret_group: Option<(i64, Range<usize>)>,
    entropy: Option<f64>,
    keywords: Vec<String>,
    path: Option<String>,
    /// Keys that only mean something on a rule with a regex, for the warning on entries that
    /// only extend a built-in rule.
    rule_only_keys: Vec<String>,
    allowlists: Vec<AllowlistSpec>,
}

/// Turns one `[[rules]]` table into a custom rule, allowlists for a built-in rule, or nothing
/// (a path-only rule), as its keys say.
fn read_rule(
    cx: &mut Cx<'_>,
    rules: &mut RuleSet,
    location: String,
    entries: Vec<Entry>,
) -> Result<(), ConfigError> {
    let entry = read_rule_entry(cx, location, entries)?;
    match (&entry.regex, &entry.path) {
        (Some(_), _) => add_custom_rule(cx, rules, entry),
        (None, Some(path)) => {
            cx.warn(
                &entry.location,
                format!(
                    "rule '{}' has only a path ('{path}'): keysweep does not report files by path, so the rule is skipped",
                    entry.gitleaks_id
                ),
            );
            Ok(())
        }
        (None, None) if !entry.allowlists.is_empty() => {
            extend_builtin_rule(cx, rules, entry);
            Ok(())
        }
        (None, None) => Err(ConfigError::Invalid {
            location: entry.location,
            message: format!(
                "rule '{}' has neither a regex nor a path",
                entry.gitleaks_id
            ),
        }),
    }
}

fn read_rule_entry(
    cx: &mut Cx<'_>,
    location: String,
    entries: Vec<Entry>,
) -> Result<RuleEntry, ConfigError> {
    let mut f = Fields::new(entries, "[[rules]]");
    let Some(id_entry) = f.take("id") else {
        return Err(ConfigError::Invalid {
            location,
            message: "[[rules]] entry without an id".into(),
        });
    };
    let gitleaks_id = cx.string(id_entry, &f.context)?;
    f.context = format!("[[rules]] '{gitleaks_id}'");
    let id = kebab_case(&gitleaks_id);
    if id.is_empty() {
        return Err(ConfigError::Invalid {
            location,
            message: format!("rule id '{gitleaks_id}' has no letter or digit"),
        });
    }
    let context = f.context.clone();
    let mut entry = RuleEntry {
        location,
        gitleaks_id,
        id,
        description: None,
        regex: None,
        secret_group: None,
        entropy: None,
        keywords: Vec::new(),
        path: None,
        rule_only_keys: Vec::new(),
        allowlists: Vec::new(),
    };
    f.take("tags");
    if let Some(e) = f.take("description") {
        entry.description = Some(cx.string(e, &context)?);
    }
    if let Some(e) = f.take("regex") {
        let span = e.span.clone();
        entry.regex = Some((cx.string(e, &context)?, span));
    }
    if let Some(e) = f.take("secretGroup") {
        let span = e.span.clone();
        entry.rule_only_keys.push(e.key.clone());
        entry.secret_group = Some((cx.integer(e, &context)?, span));
    }
    if let Some(e) = f.take("entropy") {
        entry.rule_only_keys.push(e.key.clone());
        entry.entropy = Some(cx.number(e, &context)?);
    }
    if let Some(e) = f.take("keywords") {
        entry.rule_only_keys.push(e.key.clone());
        entry.keywords = cx.strings(e, &context)?.into_iter().map(|k| k.0).collect();
    }
    if let Some(e) = f.take("path") {
        entry.path = Some(cx.string(e, &context)?);
    }
    for key in ["allowlist", "allowlists"] {
        let Some(e) = f.take(key) else { continue };
        let what = format!("an allowlist of rule '{}'", entry.gitleaks_id);
        for (origin, entries) in cx.tables(e, &context)? {
            entry
                .allowlists
                .extend(read_allowlist(cx, origin, entries, &what, None)?);
        }
    }
    f.finish(cx);
    Ok(entry)
}

/// A gitleaks id as a keysweep id: lowercase, `[a-z0-9-]`, no `-` at either end.
fn kebab_case(id: &str) -> String {
    let mapped: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    mapped.trim_matches('-').to_string()
}

/// Adds the rule of an entry with a regex. A custom rule with a built-in id replaces the
/// built-in rule, as it replaces a default rule in gitleaks (keysweep would otherwise refuse
/// the duplicate id).
fn add_custom_rule(
    cx: &mut Cx<'_>,
    rules: &mut RuleSet,
    entry: RuleEntry,
) -> Result<(), ConfigError> {
    let RuleEntry {
        location,
        gitleaks_id,
        id,
        ..
    } = &entry;
    if let Some(first) = rules.defined_at.get(id) {
        return Err(ConfigError::Invalid {
            location: location.clone(),
            message: format!("rule id '{id}' is already used by the rule at {first}"),
        });
    }
    if id != gitleaks_id {
        cx.warn(
            location,
            format!("rule id '{gitleaks_id}' is not kebab-case: keysweep calls it '{id}'"),
        );
    }
    if rules.builtin_runs(id) {
        cx.warn(
            location,
            format!("rule '{id}' replaces keysweep's built-in rule of the same id"),
        );
        rules.extend.disabled.push(id.clone());
    }
    let gitleaks_id = gitleaks_id.clone();
    let rule = custom_rule(cx, entry)?;
    rules
        .defined_at
        .insert(rule.id.to_string(), rule.source_file.to_string());
    rules.ids.insert(gitleaks_id, rule.id.to_string());
    rules.ids.insert(rule.id.to_string(), rule.id.to_string());
    rules.custom.push(rule);
    Ok(())
}

/// Builds and checks the keysweep rule for an entry with a regex.
fn custom_rule(cx: &mut Cx<'_>, entry: RuleEntry) -> Result<Rule, ConfigError> {
    let Some((pattern, regex_span)) = entry.regex else {
        return Err(ConfigError::Invalid {
            location: entry.location,
            message: format!("rule '{}' has no regex", entry.gitleaks_id),
        });
    };
    let path = match &entry.path {
        None => None,
        Some(p) => Some(allowlist_regex(p).map_err(|m| ConfigError::Invalid {
            location: entry.location.clone(),
            message: format!("rule '{}': path: {m}", entry.gitleaks_id),
        })?),
    };
    let what = format!("rule '{}': regex", entry.gitleaks_id);
    let (regex, hir) =
        rule_regex(&pattern).map_err(|m| cx.invalid(&regex_span, format!("{what}: {m}")))?;
    let secret_group = match entry.secret_group {
        None | Some((0, _)) => None,
        Some((g, span)) => {
            let groups = hir.properties().explicit_captures_len();
            match usize::try_from(g) {
                Ok(g) if g <= groups => Some(g),
                _ => {
                    let id = &entry.gitleaks_id;
                    let message = format!(
                        "rule '{id}': secretGroup {g}, but the regex has {groups} capture group(s)"
                    );
                    return Err(cx.invalid(&span, message));
                }
            }
        }
    };
    if secret_group.is_none()
        && hir.properties().explicit_captures_len() > 0
        && !always_set(&hir, 1)
    {
        cx.warn(
            &entry.location,
            format!(
                "rule '{}': capture group 1 does not take part in every match; without secretGroup gitleaks then reports the first non-empty group, keysweep only matches where group 1 is set (set secretGroup to choose)",
                entry.gitleaks_id
            ),
        );
    }
    let window = if entry.keywords.is_empty() {
        None
    } else {
        multiline_window(&hir)
    };
    let mut rule = Rule {
        description: entry.description.unwrap_or_else(|| entry.id.clone()).into(),
        id: entry.id.into(),
        severity: Severity::High,
        keywords: entry.keywords.into_iter().map(Cow::Owned).collect(),
        file_names: Vec::new(),
        path,
        regex: regex.into(),
        secret_group,
        min_entropy: entry.entropy.filter(|&e| e > 0.0).map(|e| e as f32),
        validate: None,
        window,
        pair_with: Vec::new(),
        pair_lines: None,
        paired_severity: None,
        companion_only: false,
        generic: false,
        exclude_words: Vec::new(),
        excluded_values: Vec::new(),
        remediation: REMEDIATION.into(),
        allowlist: entry.allowlists,
        examples: Vec::new(),
        negative_examples: Vec::new(),
        source_file: Cow::Borrowed(""),
    };
    crate::rules::finish_rule(&entry.location, &mut rule, true)?;
    Ok(rule)
}

/// An entry without a regex or path, with allowlists: gitleaks' way of adding allowlists to a
/// default rule. They apply to the keysweep rule of that id if it is built in and runs.
fn extend_builtin_rule(cx: &mut Cx<'_>, rules: &mut RuleSet, entry: RuleEntry) {
    let (location, gitleaks_id, id) = (&entry.location, &entry.gitleaks_id, entry.id.clone());
    let ignored = if !rules.builtin.contains(&id) {
        Some("keysweep has no built-in rule of that id (see `keysweep rules`)")
    } else if !rules.extend.use_default {
        Some("built-in rules do not run without [extend] useDefault = true")
    } else if !rules.builtin_runs(&id) {
        Some("that built-in rule is disabled")
    } else {
        None
    };
    if let Some(why) = ignored {
        cx.warn(
            location,
            format!("rule '{gitleaks_id}' has no regex and only adds allowlists to a default rule, but {why}: ignored"),
        );
        return;
    }
    if !entry.rule_only_keys.is_empty() {
        cx.warn(
            location,
            format!(
                "{} of rule '{gitleaks_id}' ignored: an entry for a built-in rule only adds allowlists to it",
                entry.rule_only_keys.join(", ")
            ),
        );
    }
    for mut a in entry.allowlists {
        a.rules = vec![id.clone()];
        rules.extra_allowlists.push(a);
    }
}

// ---------------------------------------------------------------------------------------------
// Allowlists

/// Reads one allowlist table. `targets` is given for `[[allowlists]]`, whose `targetRules`
/// are resolved against it; elsewhere `targetRules` is an unsupported key. An allowlist left
/// without a condition, or whose targets all are unknown, is dropped with a warning.
fn read_allowlist(
    cx: &mut Cx<'_>,
    origin: String,
    entries: Vec<Entry>,
    context: &str,
    targets: Option<&RuleSet>,
) -> Result<Option<AllowlistSpec>, ConfigError> {
    let mut f = Fields::new(entries, context);
    let mut spec = AllowlistSpec {
        origin,
        ..AllowlistSpec::default()
    };
    if let Some(e) = f.take("description") {
        spec.description = Some(cx.string(e, context)?);
    }
    if let Some(e) = f.take("condition") {
        spec.match_all = read_condition(cx, e, context)?;
    }
    if let Some(e) = f.take("regexTarget") {
        spec.regex_target = read_regex_target(cx, e, context)?;
    }
    if let Some(e) = f.take("paths") {
        spec.path_regexes = allowlist_regexes(cx, e, context)?;
    }
    if let Some(e) = f.take("regexes") {
        spec.regexes = allowlist_regexes(cx, e, context)?;
    }
    if let Some(e) = f.take("stopwords") {
        spec.stopwords = non_empty(cx, e, context)?;
    }
    if let Some(e) = f.take("commits") {
        spec.commits = commit_ids(cx, e, context)?;
    }
    let target_rules = match targets {
        Some(_) => f.take("targetRules"),
        None => None,
    };
    f.finish(cx);
    if spec.path_regexes.is_empty()
        && spec.regexes.is_empty()
        && spec.stopwords.is_empty()
        && spec.commits.is_empty()
    {
        cx.warn(
            &spec.origin,
            format!("{context} has no paths, regexes, stopwords or commits: ignored"),
        );
        return Ok(None);
    }
    match (target_rules, targets) {
        (Some(e), Some(rules)) => resolve_targets(cx, spec, e, context, rules),
        _ => Ok(Some(spec)),
    }
}

/// `targetRules` → `rules`: the ids of rules that will run; the allowlist is dropped when it
/// names some rules but none of them runs (keeping it would widen it to every rule).
fn resolve_targets(
    cx: &mut Cx<'_>,
    mut spec: AllowlistSpec,
    e: Entry,
    context: &str,
    rules: &RuleSet,
) -> Result<Option<AllowlistSpec>, ConfigError> {
    let named = cx.strings(e, context)?;
    for (id, span) in &named {
        match rules.resolve(id) {
            Some(k) if !spec.rules.contains(&k) => spec.rules.push(k),
            Some(_) => {}
            None => {
                let location = cx.at(span);
                cx.warn(
                    &location,
                    format!("targetRules: '{id}' is not a rule of this config nor a built-in keysweep rule that runs, ignored"),
                );
            }
        }
    }
    if !named.is_empty() && spec.rules.is_empty() {
        cx.warn(
            &spec.origin,
            format!("{context} dropped: none of its targetRules is a keysweep rule"),
        );
        return Ok(None);
    }
    Ok(Some(spec))
}

fn read_condition(cx: &Cx<'_>, e: Entry, context: &str) -> Result<bool, ConfigError> {
    let span = e.span.clone();
    let condition = cx.string(e, context)?;
    match condition.trim().to_ascii_uppercase().as_str() {
        "AND" | "&&" => Ok(true),
        "OR" | "||" | "" => Ok(false),
        _ => Err(cx.invalid(
            &span,
            format!("{context}: condition '{condition}' is neither \"OR\" nor \"AND\""),
        )),
    }
}

fn read_regex_target(cx: &mut Cx<'_>, e: Entry, context: &str) -> Result<RegexTarget, ConfigError> {
    let span = e.span.clone();
    let target = cx.string(e, context)?;
    match target.to_ascii_lowercase().as_str() {
        "secret" | "" => Ok(RegexTarget::Secret),
        "line" => Ok(RegexTarget::Line),
        "match" => {
            let location = cx.at(&span);
            cx.warn(
                &location,
                format!("regexTarget \"match\" in {context}: keysweep matches these regexes against the line(s) holding the secret, not the rule's whole match"),
            );
            Ok(RegexTarget::Line)
        }
        _ => Err(cx.invalid(
            &span,
            format!("{context}: regexTarget '{target}' is not \"secret\", \"match\" or \"line\""),
        )),
    }
}

/// Stopwords without the empty one, which every secret contains.
fn non_empty(cx: &mut Cx<'_>, e: Entry, context: &str) -> Result<Vec<String>, ConfigError> {
    let mut out = Vec::new();
    for (word, span) in cx.strings(e, context)? {
        if word.is_empty() {
            let location = cx.at(&span);
            cx.warn(
                &location,
                format!("empty stopword in {context} ignored (it would allow every finding)"),
            );
        } else {
            out.push(word);
        }
    }
    Ok(out)
}

/// Commit ids keysweep can match (7 to 40 hex digits). gitleaks compares whole ids, so an
/// entry that is not one never matched there either: it is dropped with a warning.
fn commit_ids(cx: &mut Cx<'_>, e: Entry, context: &str) -> Result<Vec<String>, ConfigError> {
    let mut out = Vec::new();
    for (commit, span) in cx.strings(e, context)? {
        let c = commit.trim();
        if (7..=40).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_hexdigit()) {
            out.push(c.to_string());
        } else {
            let location = cx.at(&span);
            cx.warn(&location, format!("commits: '{commit}' in {context} is not a commit id (7 to 40 hex digits), ignored"));
        }
    }
    Ok(out)
}

/// An allowlist's `paths` or `regexes`, translated from Go RE2 and checked.
fn allowlist_regexes(cx: &Cx<'_>, e: Entry, context: &str) -> Result<Vec<String>, ConfigError> {
    let key = e.key.clone();
    let mut out = Vec::new();
    for (pattern, span) in cx.strings(e, context)? {
        let regex = allowlist_regex(&pattern)
            .map_err(|m| cx.invalid(&span, format!("{context}: {key}: {m}")))?;
        out.push(regex);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Regexes

/// A rule regex in keysweep's syntax, and its parsed form (for the secret group and window
/// checks). Errors are messages naming the construct.
fn rule_regex(pattern: &str) -> Result<(String, Hir), String> {
    let translated = go_regex::translate(pattern)?;
    let hir = parse_translated(&translated)?;
    Ok((translated, hir))
}

/// An allowlist regex in keysweep's syntax. Allowlists are compiled with Unicode on
/// (`filters::allowlist`); `(?-u)` keeps RE2's ASCII meaning of `\w`, `\d`, `\s` and `\b`.
fn allowlist_regex(pattern: &str) -> Result<String, String> {
    let translated = format!("(?-u){}", go_regex::translate(pattern)?);
    parse_translated(&translated)?;
    regex::bytes::Regex::new(&translated)
        .map_err(|e| crate::filters::allowlist::one_line(&e.to_string()))?;
    Ok(translated)
}

/// Parses a translated pattern the way the engine will (Unicode off, any bytes). A failure is
/// Go syntax that [`go_regex`] passed through and the regex crate rejects.
fn parse_translated(pattern: &str) -> Result<Hir, String> {
    let parsed = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern);
    parsed.map_err(|e| {
        let (kind, span) = match &e {
            regex_syntax::Error::Parse(x) => (x.kind().to_string(), Some(*x.span())),
            regex_syntax::Error::Translate(x) => (x.kind().to_string(), Some(*x.span())),
            _ => (crate::filters::allowlist::one_line(&e.to_string()), None),
        };
        let construct = span.map_or_else(String::new, |s| {
            construct_at(pattern, s.start.offset, s.end.offset)
        });
        format!(
            "`{construct}` is not supported (Go RE2 syntax that the regex crate does not accept): {kind}"
        )
    })
}

/// The text of an error span, or the few characters where it starts for an empty one.
fn construct_at(pattern: &str, start: usize, end: usize) -> String {
    match pattern.get(start..end) {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => {
            let rest = pattern.get(start..).unwrap_or("");
            let short: String = rest.chars().take(8).collect();
            if short.is_empty() {
                "end of pattern".into()
            } else {
                short
            }
        }
    }
}

/// A `window` for a regex that can match a newline: gitleaks runs it over the whole file, so
/// its matches may span lines; keysweep's default window is the keyword's line.
fn multiline_window(hir: &Hir) -> Option<usize> {
    if !matches_newline(hir) {
        return None;
    }
    let longest = hir.properties().maximum_len().unwrap_or(MAX_WINDOW);
    Some(longest.clamp(1, MAX_WINDOW))
}

/// True when capture group `index` is set in every match of `hir`.
fn always_set(hir: &Hir, index: u32) -> bool {
    match hir.kind() {
        HirKind::Capture(c) => c.index == index || always_set(&c.sub, index),
        HirKind::Concat(subs) => subs.iter().any(|s| always_set(s, index)),
        HirKind::Alternation(subs) => subs.iter().all(|s| always_set(s, index)),
        HirKind::Repetition(r) => r.min > 0 && always_set(&r.sub, index),
        _ => false,
    }
}

/// True when some match of `hir` can hold a `\n`.
fn matches_newline(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(lit) => lit.0.contains(&b'\n'),
        HirKind::Class(Class::Bytes(c)) => c
            .ranges()
            .iter()
            .any(|r| (r.start()..=r.end()).contains(&b'\n')),
        HirKind::Class(Class::Unicode(c)) => c
            .ranges()
            .iter()
            .any(|r| (r.start()..=r.end()).contains(&'\n')),
        HirKind::Repetition(r) => r.max != Some(0) && matches_newline(&r.sub),
        HirKind::Capture(c) => matches_newline(&c.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(matches_newline),
    }
}

mod go_regex;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Config {
        match parse(Path::new(".gitleaks.toml"), text) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        }
    }

    fn parse_err(text: &str) -> String {
        match parse(Path::new(".gitleaks.toml"), text) {
            Ok(c) => panic!("parsed: {c:?}"),
            Err(e) => e.to_string(),
        }
    }

    fn warned(c: &Config, needle: &str) -> bool {
        c.warnings.iter().any(|w| w.contains(needle))
    }

    fn translate(p: &str) -> String {
        match go_regex::translate(p) {
            Ok(t) => t,
            Err(e) => panic!("{p}: {e}"),
        }
    }

    /// Valid for gitleaks 8.30 too, which refuses the old and new allowlist forms in one rule
    /// (or one file, for the global ones).
    const ACME: &str = r#"
title = "team config"

[[rules]]
id = "acme-token"
description = "Acme API token"
regex = '''(?i)acme[_-]?token\s*[:=]\s*['"]?(acme_[a-z0-9]{16})'''
secretGroup = 1
entropy = 3.0
keywords = ["acme_"]
tags = ["team"]

[rules.allowlist]
regexes = ['''^acme_test''']
stopwords = ["example"]

[[rules]]
id = "acme-key"
regex = '''acme_key_[a-z0-9]{16}'''
keywords = ["acme_key_"]

[[rules.allowlists]]
description = "fixtures"
paths = ['''^fixtures/''']
condition = "AND"
regexTarget = "line"
regexes = ['''placeholder''']

[[rules.allowlists]]
stopwords = ["sample"]
"#;

    #[test]
    fn custom_rules_with_old_and_new_allowlist_forms() {
        let c = parse_ok(ACME);
        assert!(!c.extend_default, "no [extend] replaces the defaults");
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        assert!(
            c.allowlists.is_empty(),
            "rule allowlists stay with the rule"
        );
        let r = &c.custom_rules[0];
        assert_eq!(r.id, "acme-token");
        assert_eq!(r.description, "Acme API token");
        assert_eq!(r.severity, Severity::High);
        assert_eq!(r.secret_group, Some(1));
        assert_eq!(r.min_entropy, Some(3.0));
        assert_eq!(r.keywords, vec!["acme_"]);
        assert!(r.remediation.contains("gitleaks config"));
        assert_eq!(r.source_file, ".gitleaks.toml:4:1");
        assert_eq!(r.allowlist.len(), 1);
        let old = &r.allowlist[0];
        assert_eq!(old.regexes, vec!["(?-u)^acme_test"]);
        assert_eq!(old.stopwords, vec!["example"]);
        assert_eq!(old.origin, ".gitleaks.toml:13:1");
        assert!(old.rules.is_empty() && !old.match_all);

        let r = &c.custom_rules[1];
        assert_eq!(r.id, "acme-key");
        assert_eq!(
            r.description, "acme-key",
            "the id when there is no description"
        );
        assert_eq!((r.secret_group, r.min_entropy), (None, None));
        assert_eq!(r.allowlist.len(), 2);
        let new = &r.allowlist[0];
        assert_eq!(new.description.as_deref(), Some("fixtures"));
        assert_eq!(new.path_regexes, vec!["(?-u)^fixtures/"]);
        assert!(
            new.paths.is_empty(),
            "gitleaks paths are regexes, not globs"
        );
        assert!(new.match_all);
        assert_eq!(new.regex_target, RegexTarget::Line);
        assert_eq!(new.origin, ".gitleaks.toml:22:1");
        assert_eq!(r.allowlist[1].stopwords, vec!["sample"]);
        assert_eq!(r.allowlist[1].origin, ".gitleaks.toml:29:1");
    }

    #[test]
    fn secret_group_zero_means_default_and_too_large_is_an_error() {
        let c =
            parse_ok("[[rules]]\nid = \"a\"\nregex = '''x(acme_[a-z]{8})'''\nsecretGroup = 0\n");
        assert_eq!(c.custom_rules[0].secret_group, None);
        let err =
            parse_err("[[rules]]\nid = \"a\"\nregex = '''x(acme_[a-z]{8})'''\nsecretGroup = 2\n");
        assert!(err.starts_with(".gitleaks.toml:4:"), "{err}");
        assert!(err.contains("secretGroup 2"), "{err}");
    }

    #[test]
    fn optional_group_one_without_secret_group_is_warned_about() {
        let c =
            parse_ok("[[rules]]\nid = \"a\"\nregex = '''x(acme_[a-z]{8})|y(acme_[0-9]{8})'''\n");
        assert!(
            warned(&c, "capture group 1 does not take part in every match"),
            "{:?}",
            c.warnings
        );
        let c = parse_ok("[[rules]]\nid = \"a\"\nregex = '''(?:x|y)(acme_[a-z]{8})(z)?'''\n");
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    }

    #[test]
    fn use_default_true_and_false() {
        let c = parse_ok("[extend]\nuseDefault = true\n");
        assert!(c.extend_default);
        let c = parse_ok("[extend]\nuseDefault = false\n");
        assert!(!c.extend_default);
        let c = parse_ok("title = \"x\"\n");
        assert!(!c.extend_default);
        let err = parse_err("[extend]\nuseDefault = \"yes\"\n");
        assert!(err.starts_with(".gitleaks.toml:2:1:"), "{err}");
        assert!(
            err.contains("useDefault") && err.contains("boolean"),
            "{err}"
        );
    }

    #[test]
    fn disabled_rules_keep_keysweep_ids_and_warn_about_others() {
        let builtin = crate::rules::builtin_rules().expect("built-in rules");
        // An id both gitleaks' default rules and keysweep's built-in ones have.
        let known = String::from("jwt");
        assert!(builtin.iter().any(|r| r.id == known));
        let text = format!(
            "[extend]\nuseDefault = true\ndisabledRules = [\n  \"{known}\",\n  \"acme-gitleaks-only-rule\",\n]\npath = \"base.toml\"\n"
        );
        let c = parse_ok(&text);
        assert_eq!(c.disabled_rules, vec![known.clone()]);
        assert!(
            c.warnings
                .iter()
                .any(|w| w.starts_with(".gitleaks.toml:5:3:")
                    && w.contains("'acme-gitleaks-only-rule' is not a keysweep rule id, ignored")),
            "{:?}",
            c.warnings
        );
        assert!(
            warned(&c, "[extend] path is not supported"),
            "{:?}",
            c.warnings
        );
        let rules = c.rules(builtin).expect("disabled ids are known");
        assert!(rules.iter().all(|r| r.id != known));
    }

    /// A custom rule whose gitleaks id is not kebab-case, and a built-in rule set that runs.
    const EXTENDED: &str = r#"
[extend]
useDefault = true

[[rules]]
id = "Acme_Key"
regex = '''acme_[a-z0-9]{16}'''
keywords = ["acme_"]
"#;

    #[test]
    fn global_allowlist_old_form() {
        let text = format!(
            "{EXTENDED}\n[allowlist]\ndescription = \"global\"\npaths = ['''(?i)\\.md$''']\n\
             commits = [\"0123456789abcdef0123456789abcdef01234567\", \"nope\"]\n"
        );
        let c = parse_ok(&text);
        assert_eq!(c.allowlists.len(), 1, "{:?}", c.allowlists);
        let global = &c.allowlists[0];
        assert_eq!(global.description.as_deref(), Some("global"));
        assert_eq!(global.path_regexes, vec![r"(?-u)(?i)\.md$"]);
        assert_eq!(global.commits.len(), 1);
        assert!(global.rules.is_empty());
        assert_eq!(global.origin, ".gitleaks.toml:10:1");
        assert!(warned(&c, "commits: 'nope'"), "{:?}", c.warnings);
    }

    #[test]
    fn global_allowlists_new_form_with_target_rules_and_condition() {
        let text = format!(
            "{EXTENDED}\n[[allowlists]]\ntargetRules = [\"Acme_Key\", \"adafruit-api-key\"]\ncondition = \"AND\"\n\
             paths = ['''^docs/''']\nstopwords = [\"sample\"]\n\n\
             [[allowlists]]\ntargetRules = [\"zz-no-such-rule\"]\nregexes = ['''x''']\n"
        );
        let c = parse_ok(&text);
        assert_eq!(c.custom_rules[0].id, "acme-key");
        assert!(warned(
            &c,
            "rule id 'Acme_Key' is not kebab-case: keysweep calls it 'acme-key'"
        ));
        assert_eq!(c.allowlists.len(), 1, "{:?}", c.allowlists);
        let targeted = &c.allowlists[0];
        assert_eq!(
            targeted.rules,
            vec!["acme-key"],
            "the gitleaks id maps to keysweep's"
        );
        assert!(targeted.match_all);
        assert_eq!(targeted.path_regexes, vec!["(?-u)^docs/"]);
        assert_eq!(targeted.origin, ".gitleaks.toml:10:1");
        assert!(
            c.warnings
                .iter()
                .any(|w| w.starts_with(".gitleaks.toml:11:28:")
                    && w.contains("targetRules: 'adafruit-api-key'")),
            "{:?}",
            c.warnings
        );
        assert!(
            c.warnings
                .iter()
                .any(|w| w.starts_with(".gitleaks.toml:16:1:")
                    && w.contains("dropped: none of its targetRules")),
            "{:?}",
            c.warnings
        );
        let rules = c
            .rules(crate::rules::builtin_rules().expect("built-in"))
            .expect("rules");
        crate::filters::Filters::new(&c, &rules).expect("targets name rules that run");
    }

    #[test]
    fn regex_target_match_is_line_with_a_warning() {
        let c = parse_ok("[allowlist]\nregexTarget = \"match\"\nregexes = ['''acme_test_''']\n");
        assert_eq!(c.allowlists[0].regex_target, RegexTarget::Line);
        assert!(
            c.warnings
                .iter()
                .any(|w| w.starts_with(".gitleaks.toml:2:1:")
                    && w.contains("against the line(s) holding the secret")),
            "{:?}",
            c.warnings
        );
        let err = parse_err("[allowlist]\nregexTarget = \"word\"\nregexes = ['''x''']\n");
        assert!(err.contains("regexTarget 'word'"), "{err}");
    }

    #[test]
    fn entry_for_a_builtin_rule_adds_its_allowlists() {
        let builtin = crate::rules::builtin_rules().expect("built-in rules");
        let id = String::from("jwt");
        assert!(builtin.iter().any(|r| r.id == id));
        let text = format!(
            "[extend]\nuseDefault = true\n[[rules]]\nid = \"{id}\"\nkeywords = [\"x\"]\n[[rules.allowlists]]\nstopwords = [\"sample\"]\n"
        );
        let c = parse_ok(&text);
        assert!(c.custom_rules.is_empty());
        assert_eq!(c.allowlists.len(), 1);
        assert_eq!(c.allowlists[0].rules, vec![id.clone()]);
        assert_eq!(c.allowlists[0].origin, ".gitleaks.toml:6:1");
        assert!(warned(&c, "keywords of rule"), "{:?}", c.warnings);
        let rules = c.rules(builtin).expect("rules");
        crate::filters::Filters::new(&c, &rules).expect("the allowlist names a rule that runs");

        let c = parse_ok(&text.replace("useDefault = true", "useDefault = false"));
        assert!(c.allowlists.is_empty());
        assert!(warned(&c, "do not run without [extend] useDefault = true"));
        let c =
            parse_ok("[[rules]]\nid = \"gitleaks-only\"\n[rules.allowlist]\nstopwords = [\"x\"]\n");
        assert!(c.allowlists.is_empty());
        assert!(warned(&c, "keysweep has no built-in rule of that id"));
    }

    #[test]
    fn custom_rule_with_a_builtin_id_replaces_it() {
        let builtin = crate::rules::builtin_rules().expect("built-in rules");
        let id = String::from("jwt");
        assert!(builtin.iter().any(|r| r.id == id));
        let text = format!(
            "[extend]\nuseDefault = true\n[[rules]]\nid = \"{id}\"\nregex = '''acme_[a-z]{{12}}'''\n"
        );
        let c = parse_ok(&text);
        assert_eq!(c.disabled_rules, vec![id.clone()]);
        assert!(warned(&c, "replaces keysweep's built-in rule"));
        let rules = c.rules(builtin).expect("no duplicate id");
        assert_eq!(rules.iter().filter(|r| r.id == id).count(), 1);
    }

    #[test]
    fn quoted_literals_are_translated() {
        let c = parse_ok("[[rules]]\nid = \"q\"\nregex = '''\\Qacme.key+\\E=([a-z]{8})'''\n");
        assert_eq!(c.custom_rules[0].regex, r"acme\.key\+=([a-z]{8})");
        assert_eq!(translate(r"\Q(a|b)"), r"\(a\|b\)");
    }

    #[test]
    fn go_only_syntax_is_rewritten() {
        assert_eq!(translate(r"a{,5}x{foo}"), r"a\{,5}x\{foo}");
        assert_eq!(translate(r"\<tag\>"), "<tag>");
        assert_eq!(translate(r"[a&&b~~c]"), r"[a\&\&b\~\~c]");
        assert_eq!(translate(r"[\d-z]"), r"[\d\-z]");
        assert_eq!(translate(r"[[a]"), r"[\[a]");
        assert_eq!(translate(r"\012\0"), r"\x{A}\x{0}");
        assert_eq!(translate(r"\xe9\x41"), r"\x{E9}\x41");
        assert_eq!(translate(r"\pN\p{^Greek}"), r"(?u:\p{N})(?u:\P{Greek})");
        assert_eq!(translate(r"[\pL\d_]"), r"(?u:[\p{L}0-9_])");
        assert_eq!(translate(r"[^é]"), r"(?u:[^é])");
        assert_eq!(
            translate(r"(?i)(?P<k>[[:word:]]{3,})(?U)x+\z"),
            r"(?i)(?P<k>[[:word:]]{3,})(?U)x+\z"
        );
        for p in ["a{01}", "a{2}b*?c+", r"[]a]", r"[^]a-]", r"(?:x|\.)"] {
            parse_translated(&translate(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
        }
    }

    #[test]
    fn constructs_neither_side_has_are_refused_by_name() {
        let refused = [
            ("a(?=b)", "lookahead `(?=`"),
            ("(?<!a)b", "negative lookbehind `(?<!`"),
            (r"(a)\1", r"backreference `\1`"),
            (r"\C", r"`\C`"),
            ("a*+", "possessive quantifier `*+`"),
            ("a**", "nested repetition"),
            ("a{1001}", "invalid repeat count"),
            (r"\e", "invalid escape"),
            ("[a", "missing closing ]"),
            ("[[:foo:]]", "invalid character class"),
        ];
        for (p, needle) in refused {
            let e = rule_regex(p)
                .err()
                .unwrap_or_else(|| panic!("{p} accepted"));
            assert!(e.contains(needle), "{p}: {e}");
        }
    }

    #[test]
    fn lookahead_error_names_rule_construct_and_line() {
        let err = parse_err("\n[[rules]]\nid = \"acme\"\nregex = '''acme_(?=[a-z])'''\n");
        assert!(err.starts_with(".gitleaks.toml:4:1:"), "{err}");
        assert!(err.contains("rule 'acme': regex: lookahead `(?=`"), "{err}");
    }

    #[test]
    fn rust_rejections_after_translation_name_the_construct() {
        let err = parse_err("[[rules]]\nid = \"acme\"\nregex = '''\\p{Klingon}'''\n");
        assert!(
            err.starts_with(".gitleaks.toml:3:1: rule 'acme': regex: `"),
            "{err}"
        );
        assert!(
            err.contains("is not supported (Go RE2 syntax that the regex crate does not accept)"),
            "{err}"
        );
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn allowlist_regexes_are_checked_with_their_line() {
        let err = parse_err("[allowlist]\nregexes = [\n  '''ok''',\n  '''(?!bad)''',\n]\n");
        assert!(err.starts_with(".gitleaks.toml:4:3:"), "{err}");
        assert!(
            err.contains("[allowlist]: regexes: negative lookahead"),
            "{err}"
        );
    }

    #[test]
    fn unknown_keys_are_warnings_with_file_line_and_key() {
        let text = "minVersion = \"v8.25.0\"\nfoo = 1\n[[rules]]\nid = \"my-rule\"\nregex = '''acme_[a-z]{8}'''\n\
                    skipReport = true\n[[rules.required]]\nid = \"other\"\n[[allowlists]]\nbar = [1]\nstopwords = [\"x\"]\n";
        let c = parse_ok(text);
        let expected = [
            ".gitleaks.toml:2:1: key 'foo' in the top level is not supported by keysweep and is ignored",
            ".gitleaks.toml:6:1: key 'skipReport' in [[rules]] 'my-rule' is not supported by keysweep and is ignored",
            ".gitleaks.toml:7:1: key 'required' in [[rules]] 'my-rule' is not supported by keysweep and is ignored",
            ".gitleaks.toml:10:1: key 'bar' in [[allowlists]] is not supported by keysweep and is ignored",
        ];
        for w in expected {
            assert!(c.warnings.iter().any(|x| x == w), "{w}\n{:?}", c.warnings);
        }
        assert_eq!(c.warnings.len(), expected.len(), "{:?}", c.warnings);
    }

    #[test]
    fn path_only_rule_is_skipped_with_a_warning() {
        let c = parse_ok("[[rules]]\nid = \"keystore\"\npath = '''\\.jks$'''\n");
        assert!(c.custom_rules.is_empty());
        assert!(
            c.warnings
                .iter()
                .any(|w| w.starts_with(".gitleaks.toml:1:1:")
                    && w.contains("has only a path")
                    && w.contains("skipped")),
            "{:?}",
            c.warnings
        );
        let c = parse_ok(
            "[[rules]]\nid = \"a\"\npath = '''\\.env$'''\nregex = '''acme_[a-z]{8}'''\nkeywords = [\"acme_\"]\n",
        );
        assert_eq!(c.custom_rules.len(), 1);
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        let scanner = crate::engine::ScannerBuilder::new()
            .rules(c.custom_rules.clone())
            .build()
            .expect("the rule builds");
        let text = b"x = acme_abcdefgh\n";
        assert_eq!(scanner.scan_file("deploy/prod.env", text).len(), 1);
        assert!(
            scanner.scan_file("src/notenv.txt", text).is_empty(),
            "a rule's path keeps it out of other files"
        );
        let err = parse_err("[[rules]]\nid = \"a\"\npath = '(x'\nregex = 'y'\n");
        assert!(
            err.starts_with(".gitleaks.toml:1:1: rule 'a': path:"),
            "{err}"
        );
    }

    #[test]
    fn rule_without_regex_or_path_and_syntax_errors_name_the_line() {
        let err = parse_err("\n\n[[rules]]\nid = \"empty\"\n");
        assert!(err.starts_with(".gitleaks.toml:3:1:"), "{err}");
        assert!(err.contains("neither a regex nor a path"), "{err}");
        let err = parse_err("[[rules]]\nid = \"x\"\nregex = = 'a'\nkeywords = []\n");
        assert!(err.starts_with(".gitleaks.toml:3:9:"), "{err}");
        let err = parse_err("[[rules]]\nid = \"x\"\nregex = 1979-05-27\n");
        assert!(err.contains("date"), "{err}");
        let err = parse_err("[[rules]]\nregex = 'x'\n");
        assert!(err.contains("without an id"), "{err}");
        let err = parse_err(
            "[[rules]]\nid = \"a\"\nregex = 'acme_[a-z]{8}'\n[[rules]]\nid = \"A\"\nregex = 'x'\n",
        );
        assert!(
            err.starts_with(".gitleaks.toml:4:1:") && err.contains("already used"),
            "{err}"
        );
    }

    #[test]
    fn multiline_regexes_get_a_window() {
        let c = parse_ok(
            "[[rules]]\nid = \"a\"\nregex = '''acme_key\\s*=\\s*([a-z]{8})'''\nkeywords = [\"acme_key\"]\n\
             [[rules]]\nid = \"b\"\nregex = '''acme_key=[a-z]{8}'''\nkeywords = [\"acme_key\"]\n",
        );
        assert!(c.custom_rules[0].window.is_some());
        assert_eq!(c.custom_rules[1].window, None);
    }

    #[test]
    fn odd_input_is_an_error_or_a_warning_never_a_panic() {
        let inputs = [
            "rules = 1",
            "[rules]\nid = 'x'",
            "allowlist = 'x'",
            "[[allowlists]]\npaths = [1]",
            "[[rules]]\nid = ''\nregex = 'x'",
            "[[rules]]\nid = '--'\nregex = 'x'",
            "[[rules]]\nid = 'a'\nregex = '\\\\'",
            "[[rules]]\nid = 'a'\nregex = 'x\\'",
            "[[rules]]\nid = 'a'\nregex = '\\x+1'",
            "[[rules]]\nid = 'a'\nregex = '\\x{110000}'",
            "[[rules]]\nid = 'a'\nregex = '[\\x{7a}-\\x{61}]'",
            "[[rules]]\nid = 'a'\nregex = '(?P<n'",
            "[[rules]]\nid = 'a'\nregex = '\\p{'",
            "[[rules]]\nid = 'a'\nregex = 'x{99999999999}'",
            "[[rules]]\nid = 'a'\nregex = 'x'\nsecretGroup = -1",
            "[[rules]]\nid = 'a'\nregex = 'x'\nentropy = 99",
            "extend.useDefault = true\nextend.disabledRules = ['nope']",
            "[allowlist]\ncondition = 'XOR'\nstopwords = ['a']",
            "[allowlist]\nstopwords = ['']",
        ];
        for text in inputs {
            let _ = parse(Path::new("g.toml"), text);
        }
        let c = parse_ok("extend.useDefault = true\n");
        assert!(c.extend_default, "dotted keys make implicit tables");
    }

    #[test]
    fn end_to_end_through_the_public_api() {
        let text = r#"
[extend]
useDefault = true

[[rules]]
id = "acme-token"
regex = '''\b(acme_[a-z0-9]{16})\b'''
keywords = ["acme_"]

[[rules.allowlists]]
regexes = ['''^acme_allowed''']
"#;
        let config = Config::parse_file(Path::new(".gitleaks.toml"), text).expect("config");
        let rules = config
            .rules(crate::rules::builtin_rules().expect("built-in"))
            .expect("rules");
        let filters = crate::filters::Filters::new(&config, &rules).expect("filters");
        let scanner = crate::engine::ScannerBuilder::new()
            .rules(rules)
            .build()
            .expect("scanner");
        let data = b"FIRST=acme_q7w2e9r4t1y8u3i6\nSECOND=acme_allowedzz01x9ab4\n";
        let acme = |filters: &crate::filters::Filters| {
            crate::scan::scan_bytes(&scanner, filters, "x.env", data)
                .into_iter()
                .filter(|f| f.rule_id == "acme-token")
                .map(|f| f.secret)
                .collect::<Vec<_>>()
        };
        let unfiltered = acme(&crate::filters::Filters::none());
        assert_eq!(unfiltered.len(), 2, "both match the rule: {unfiltered:?}");
        assert_eq!(acme(&filters), vec!["acme_q7w2e9r4t1y8u3i6"]);
    }
}
