//! Embeds the built-in rules (`rules/*.toml`) into the binary. The TOML is parsed here, at build
//! time, and written out as Rust data (`BuiltinRule` literals): a bad rule file fails the build
//! naming its file and rule, and at run time nothing is parsed — start-up time matters for the
//! pre-commit hook, and parsing a thousand rules from JSON was most of it. Every regex's syntax
//! is checked here too, and each regex's secret shape read (see `engine::shape_summary`).

// Not every summary function is needed here (`strip_name_run` is for the engine).
#[allow(dead_code)]
#[path = "src/engine/shape_summary.rs"]
mod shape_summary;

// The prefilter's own code, to build the built-in rules' prefilters (the search is the engine's).
#[allow(dead_code)]
#[path = "src/engine/keyword_filter.rs"]
mod keyword_filter;
#[path = "src/engine/keyword_groups.rs"]
mod keyword_groups;
#[path = "src/engine/required_words.rs"]
mod required_words;

use std::env;

/// What build.rs reads from a built-in rule's regex (see `rules::BuiltinShape`, the row it
/// becomes).
struct RuleShape {
    id: String,
    /// Of the regex, keywords and file names.
    hash: u64,
    /// Allowed bytes and least length of the secret.
    shape: Option<([bool; 256], usize)>,
    /// Punctuation every match holds.
    required: Vec<u8>,
    anchor: Option<shape_summary::KeywordAnchor>,
    /// The regex, encoded.
    hir: Vec<u8>,
    words: required_words::RequiredWords,
}
use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The built-in rules' strings, one after the other in one text (`builtin_text.txt`, compiled
/// in as `rules::TEXT`); the rule data holds offsets into it (`Text { at, len }`), not
/// pointers. A pointer in static data is one more relocation the loader applies at every start,
/// and every page that holds one is copied (a page fault each): the rule table with its
/// thousand rules' string pointers was a hundred such pages, a third of a millisecond before
/// `main`. Identical strings (file names, keywords) are stored once. The text is in three
/// parts, by when it is read: what making the rules reads at every start (ids, keywords,
/// excluded words…), then what only a woken rule or a finding reads (regexes, descriptions,
/// remediations: `LAZY` is where they start), then what only the tests read (the examples,
/// most of the text: `COLD`). Start-up then reads some 60 KiB of it, together: with the
/// regexes and descriptions between the ids, it touched the pages of 480 KiB, and making the
/// 930 rules took half a millisecond more.
#[derive(Default)]
struct TextBlob {
    /// What making the rules reads at every start (names, ids, keywords, excluded words…).
    hot: TextPart,
    /// What only a woken rule or a finding reads (regexes, descriptions, remediations).
    lazy: TextPart,
    /// What only the tests read (examples).
    cold: TextPart,
}

/// One part of the [`TextBlob`]: its strings one after the other, each stored once.
#[derive(Default)]
struct TextPart {
    text: String,
    /// Where each stored string already is, as (offset, length) in `text`.
    stored: HashMap<String, (usize, usize)>,
}

impl TextPart {
    /// `s` in the part (once), as (offset, length).
    fn store(&mut self, s: &str) -> (usize, usize) {
        if let Some(&span) = self.stored.get(s) {
            return span;
        }
        let span = (self.text.len(), s.len());
        self.text.push_str(s);
        self.stored.insert(s.to_string(), span);
        span
    }
}

impl TextBlob {
    /// `s` stored, as a `Text` literal.
    fn add(&mut self, s: &str) -> String {
        let (at, len) = self.hot.store(s);
        format!("Text {{ at: {at}, len: {len} }}")
    }

    /// `s` stored after everything `add` stores, as a `Text` literal.
    fn add_lazy(&mut self, s: &str) -> String {
        let (at, len) = self.lazy.store(s);
        text_after("LAZY", at, len)
    }

    /// `s` stored after everything `add_lazy` stores, as a `Text` literal.
    fn add_cold(&mut self, s: &str) -> String {
        let (at, len) = self.cold.store(s);
        text_after("COLD", at, len)
    }

    /// The whole text, and the Rust source of `LAZY` and `COLD`.
    fn finish(self) -> (String, String) {
        let lazy = self.hot.text.len();
        let cold = lazy + self.lazy.text.len();
        assert!(
            u32::try_from(cold + self.cold.text.len()).is_ok(),
            "the built-in rules' text passed 4 GiB"
        );
        let consts = format!(
            "/// Where the regexes, descriptions and remediations start in `TEXT` (see build.rs,\n\
             /// `TextBlob`).\n\
             const LAZY: u32 = {lazy};\n\
             /// Where the examples start in `TEXT`.\n\
             const COLD: u32 = {cold};\n"
        );
        (self.hot.text + &self.lazy.text + &self.cold.text, consts)
    }

    /// `s`, when given, stored, as an `Option<Text>` literal.
    fn add_opt(&mut self, s: Option<String>) -> String {
        match s {
            Some(s) => format!("Some({})", self.add(&s)),
            None => "None".to_string(),
        }
    }
}

/// A `Text` literal `at` bytes after the part that starts at the constant `base` (no `+ 0`,
/// which clippy flags in the generated code).
fn text_after(base: &str, at: usize, len: usize) -> String {
    match at {
        0 => format!("Text {{ at: {base}, len: {len} }}"),
        _ => format!("Text {{ at: {base} + {at}, len: {len} }}"),
    }
}

fn main() {
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let rules_dir = manifest.join("rules");
    println!("cargo:rerun-if-changed={}", rules_dir.display());

    let mut files: Vec<PathBuf> = match fs::read_dir(&rules_dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();

    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut index = String::from(
        "/// The built-in rules as Rust data (see `rules::builtin`), in file order, files sorted by\n\
         /// name: compiled into the binary, so that a scan's start-up parses nothing.\n\
         pub(crate) static BUILTIN_RULES: &[BuiltinRule] = &[\n",
    );
    let mut shapes: Vec<RuleShape> = Vec::new();
    let mut keywords: Vec<RuleKeywords> = Vec::new();
    let mut blob = TextBlob::default();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = format!(
            "rules/{}",
            f.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("rules.toml")
        );
        rules_source(&name, f, &mut shapes, &mut keywords, &mut blob, &mut index);
    }
    index.push_str("];\n");
    index.push_str(&shapes_table(shapes, &mut blob, &out_dir));
    let (text, cold) = blob.finish();
    index.push_str(&cold);
    fs::write(out_dir.join("builtin_text.txt"), text).expect("write builtin_text.txt");
    fs::write(
        out_dir.join("builtin_prefilters.rs"),
        prefilters_source(&keywords),
    )
    .expect("write builtin_prefilters.rs");
    index.push_str(
        "/// Every string of the built-in rules (see `builtin::Text`).\n\
         const TEXT: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/builtin_text.txt\"));\n",
    );
    fs::write(out_dir.join("embedded_rules.rs"), index).expect("write embedded_rules.rs");
}

/// Parses one rule file and appends its rules to `out` as `BuiltinRule` literals; panics
/// (failing the build) with the file, rule and problem on a TOML error, an unknown key, a value
/// of the wrong type or a regex that does not parse. The keys and types are those of
/// `rules::Rule` (a test parses every rule file with it and compares).
fn rules_source(
    name: &str,
    path: &Path,
    shapes: &mut Vec<RuleShape>,
    rule_keywords: &mut Vec<RuleKeywords>,
    blob: &mut TextBlob,
    out: &mut String,
) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let Some(table) = value.as_table() else {
        panic!("{name}: not a table");
    };
    if let Some(key) = table.keys().find(|k| *k != "rule") {
        panic!("{name}: unknown key '{key}' (a rule file holds [[rule]] tables)");
    }
    let rules = match table.get("rule") {
        None => return,
        Some(toml::Value::Array(rules)) => rules,
        Some(_) => panic!("{name}: 'rule' must be an array of tables ([[rule]])"),
    };
    for rule in rules {
        let Some(rule) = rule.as_table() else {
            panic!("{name}: 'rule' must be an array of tables ([[rule]])");
        };
        let id = rule.get("id").and_then(|v| v.as_str()).unwrap_or("?");
        let field = RuleFields {
            file: name,
            id,
            rule,
        };
        if let Some(key) = rule.keys().find(|k| !RULE_KEYS.contains(&k.as_str())) {
            panic!("{name}: rule '{id}': unknown key '{key}'");
        }
        let re = field.string("regex");
        let hir = shape_summary::parse(&re)
            .unwrap_or_else(|e| panic!("{name}: rule '{id}': invalid regex: {e}"));
        let group = field.opt_int("secret_group");
        let (keywords, file_names) = (field.strings("keywords"), field.strings("file_names"));
        rule_keywords.push((
            keywords.clone(),
            !file_names.is_empty(),
            field.bool("companion_only"),
        ));
        shapes.push(RuleShape {
            id: id.to_string(),
            hash: shape_summary::rule_hash(&re, &keywords, &file_names),
            shape: shape_summary::summarize_hir(&hir, group),
            required: shape_summary::required_bytes_hir(&hir, &keywords),
            anchor: shape_summary::rule_anchor(&hir, &keywords, &file_names),
            hir: {
                let mut encoded = Vec::new();
                shape_summary::encode_hir(&hir, &mut encoded);
                encoded
            },
            words: required_words::required_words_hir(&hir, &keywords),
        });
        let severity = |key: &str| {
            field.opt_string(key).map(|s| match s.as_str() {
                "low" => "Severity::Low",
                "medium" => "Severity::Medium",
                "high" => "Severity::High",
                "critical" => "Severity::Critical",
                other => panic!("{name}: rule '{id}': {key}: unknown severity '{other}'"),
            })
        };
        let as_json = |key: &str| match rule.get(key) {
            None => String::new(),
            Some(v) => serde_json::to_string(v).unwrap_or_else(|e| panic!("{name}: {e}")),
        };
        let allowlist = as_json("allowlist");
        let excluded_values = as_json("excluded_values");
        // Their schema is the engine's (`rules::ExcludedValues`, read at start-up); the groups
        // they name must be in the regex (as `rules::check_regex` checks a rule file's).
        if let Some(toml::Value::Array(items)) = rule.get("excluded_values") {
            let groups = hir.properties().explicit_captures_len();
            for item in items {
                match item.get("group").and_then(toml::Value::as_integer) {
                    Some(g) if g >= 1 && g as usize <= groups => {}
                    _ => {
                        panic!("{name}: rule '{id}': excluded_values: no group {item} in the regex")
                    }
                }
            }
        }
        let line = format!(
            "    BuiltinRule {{ file: {}, id: {}, description: {}, severity: {}, \
             keywords: {}, file_names: {}, path: {}, regex: {}, secret_group: {:?}, \
             min_entropy: {}, validate: {}, window: {:?}, pair_with: {}, pair_lines: {:?}, \
             paired_severity: {}, companion_only: {}, generic: {}, exclude_words: {}, \
             excluded_values: {}, remediation: {}, allowlist: {}, examples: {}, \
             negative_examples: {} }},\n",
            blob.add(name),
            blob.add(id),
            blob.add_lazy(&field.string("description")),
            severity("severity")
                .unwrap_or_else(|| panic!("{name}: rule '{id}': missing key 'severity'")),
            blob.add(&terminated(name, id, field.strings("keywords"))),
            blob.add(&terminated(name, id, field.strings("file_names"))),
            blob.add_opt(field.opt_string("path")),
            blob.add_lazy(&re),
            group,
            match field.opt_float("min_entropy") {
                Some(e) => format!("Some({e:?}_f32)"),
                None => "None".to_string(),
            },
            blob.add_opt(field.opt_string("validate")),
            field.opt_int("window"),
            blob.add(&terminated(name, id, field.strings("pair_with"))),
            field.opt_int("pair_lines"),
            match severity("paired_severity") {
                Some(s) => format!("Some({s})"),
                None => "None".to_string(),
            },
            field.bool("companion_only"),
            field.bool("generic"),
            blob.add(&terminated(name, id, field.strings("exclude_words"))),
            blob.add(&excluded_values),
            blob.add_lazy(&field.string("remediation")),
            blob.add(&allowlist),
            blob.add_cold(&terminated(name, id, field.strings("examples"))),
            blob.add_cold(&terminated(name, id, field.strings("negative_examples"))),
        );
        out.push_str(&line);
    }
}

/// A built-in rule's keywords, whether it has file names and whether it is companion-only: what
/// its prefilters need of it.
type RuleKeywords = (Vec<String>, bool, bool);

/// The built-in rules' two prefilters (`engine::prefilter::Prefilter::builtin`) as Rust
/// statics: the main one (`MAIN_*`, every rule but the companion-only ones) and the
/// companion-only rules' (`COMPANION_*`), each built as `Prefilter::new` builds one from
/// `prefilter::keyword_list` (keywords lowercased, indexed by the rule's place in the set), with
/// the engine's own code.
fn prefilters_source(rules: &[RuleKeywords]) -> String {
    let mut out = String::new();
    for (prefix, companion_only) in [("MAIN", false), ("COMPANION", true)] {
        let (pairs, keywordless) = keyword_groups::keyword_list_of(rules.iter().map(
            |(keywords, has_file_names, companion)| {
                (*companion == companion_only).then(|| {
                    let keywords = keywords.iter().map(|k| Cow::Owned(k.clone()));
                    (keywords, *has_file_names)
                })
            },
        ));
        let groups = keyword_groups::group_keywords(&pairs);
        out.push_str(&keyword_filter::KeywordFilter::new(&groups.keywords).write_static(prefix));
        for (table, items) in [
            ("PATTERN_RULES", &groups.pattern_rules),
            ("RULE_STARTS", &groups.rule_starts),
        ] {
            let name = format!("{prefix}_{table}");
            out.push_str(&keyword_filter::static_array(&name, "u32", items.iter()));
        }
        let name = format!("{prefix}_KEYWORDLESS");
        out.push_str(&keyword_filter::static_array(
            &name,
            "usize",
            keywordless.iter(),
        ));
    }
    out
}

/// A list of strings (a rule's keywords, examples, exclude words) as one string, each ended by
/// a unit separator, U+001F (see `BuiltinRule::examples`): one `Text` per list.
fn terminated(file: &str, id: &str, examples: Vec<String>) -> String {
    let mut out = String::new();
    for example in examples {
        assert!(
            !example.contains('\u{1f}'),
            "{file}: rule '{id}': {example:?} holds a unit separator (U+001F)"
        );
        out.push_str(&example);
        out.push('\u{1f}');
    }
    out
}

/// The keys of a rule table (`rules::Rule`'s fields).
const RULE_KEYS: [&str; 22] = [
    "id",
    "description",
    "severity",
    "keywords",
    "file_names",
    "path",
    "regex",
    "secret_group",
    "min_entropy",
    "validate",
    "window",
    "pair_with",
    "pair_lines",
    "paired_severity",
    "companion_only",
    "generic",
    "exclude_words",
    "excluded_values",
    "remediation",
    "allowlist",
    "examples",
    "negative_examples",
];

/// Typed reads of one rule table's values; a wrong type fails the build naming file, rule and
/// key.
struct RuleFields<'a> {
    file: &'a str,
    id: &'a str,
    rule: &'a toml::map::Map<String, toml::Value>,
}

impl RuleFields<'_> {
    fn fail(&self, key: &str, expected: &str) -> ! {
        panic!(
            "{}: rule '{}': {key}: expected {expected}",
            self.file, self.id
        )
    }

    fn opt_string(&self, key: &str) -> Option<String> {
        self.rule.get(key).map(|v| match v.as_str() {
            Some(s) => s.to_string(),
            None => self.fail(key, "a string"),
        })
    }

    fn string(&self, key: &str) -> String {
        self.opt_string(key)
            .unwrap_or_else(|| panic!("{}: rule '{}': missing key '{key}'", self.file, self.id))
    }

    fn strings(&self, key: &str) -> Vec<String> {
        match self.rule.get(key) {
            None => Vec::new(),
            Some(toml::Value::Array(items)) => items
                .iter()
                .map(|v| match v.as_str() {
                    Some(s) => s.to_string(),
                    None => self.fail(key, "an array of strings"),
                })
                .collect(),
            Some(_) => self.fail(key, "an array of strings"),
        }
    }

    fn opt_int(&self, key: &str) -> Option<usize> {
        self.rule.get(key).map(|v| {
            v.as_integer()
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or_else(|| self.fail(key, "a non-negative integer"))
        })
    }

    fn opt_float(&self, key: &str) -> Option<f64> {
        self.rule.get(key).map(|v| match v {
            toml::Value::Float(f) => *f,
            toml::Value::Integer(n) => *n as f64,
            _ => self.fail(key, "a number"),
        })
    }

    fn bool(&self, key: &str) -> bool {
        match self.rule.get(key) {
            None => false,
            Some(v) => v
                .as_bool()
                .unwrap_or_else(|| self.fail(key, "true or false")),
        }
    }
}

/// What build.rs read from the built-in rules' regexes as Rust source: a `rules::BuiltinShape`
/// per rule, sorted by id (a least length of 0 means "no useful shape"), and their parsed
/// regexes in `builtin_hirs.bin`.
fn shapes_table(mut shapes: Vec<RuleShape>, blob: &mut TextBlob, out_dir: &Path) -> String {
    shapes.sort_by(|a, b| a.id.cmp(&b.id));
    // Ids key fingerprints, baselines and SARIF rule indexes: a duplicate fails the build, so
    // that the scanner need not look for one at every start.
    if let Some(pair) = shapes.windows(2).find(|pair| pair[0].id == pair[1].id) {
        panic!("rule id '{}' is defined twice in rules/", pair[0].id);
    }
    let mut out = String::from(
        "/// What build.rs read from the built-in rules' regexes (see `engine::shape_summary`),\n\
         /// sorted by rule id.\n\
         pub(crate) static BUILTIN_SHAPES: &[BuiltinShape] = &[\n",
    );
    // The parsed regexes, one after the other (see `shape_summary::encode_hir`).
    let mut hirs: Vec<u8> = Vec::new();
    for rule in shapes {
        let hir_at = (hirs.len(), rule.hir.len());
        hirs.extend_from_slice(&rule.hir);
        let (allowed, min_len) = match rule.shape {
            Some((allowed, min_len)) => (shape_summary::byte_set_words(&allowed), min_len),
            None => ([0; 4], 0),
        };
        let anchor = match rule.anchor {
            None => "None".to_string(),
            Some(shape_summary::KeywordAnchor::Offsets { least, most }) => {
                format!("Some(KeywordAnchor::Offsets {{ least: {least}, most: {most} }})")
            }
            Some(shape_summary::KeywordAnchor::NameRun { bytes }) => {
                format!("Some(KeywordAnchor::NameRun {{ bytes: {bytes:?} }})")
            }
        };
        // Punctuation (see `shape_summary::required_bytes_hir`): ASCII, so text.
        let required = String::from_utf8(rule.required).expect("required bytes are ASCII");
        let words = terminated("rules/", &rule.id, rule.words.words);
        out.push_str(&format!(
            "    BuiltinShape {{ id: {}, hash: {:#x}, allowed: {allowed:?}, min_len: {min_len}, \
             required: {}, anchor: {anchor}, hir: {hir_at:?}, words: {}, word_reach: {:?} }},\n",
            blob.add(&rule.id),
            rule.hash,
            blob.add(&required),
            blob.add_lazy(&words),
            rule.words.reach,
        ));
    }
    out.push_str("];\n");
    fs::write(out_dir.join("builtin_hirs.bin"), &hirs).expect("write builtin_hirs.bin");
    out.push_str(
        "/// The built-in rules' parsed regexes (see `engine::shape_summary::encode_hir`), at the\n\
         /// offsets in `BUILTIN_SHAPES`.\n\
         const BUILTIN_HIRS: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/builtin_hirs.bin\"));\n",
    );
    out
}
