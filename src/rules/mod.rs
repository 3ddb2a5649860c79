//! Rules are data: TOML files (`rules/*.toml`, embedded at build time, or a user's file) that
//! say what a credential looks like. This module parses and checks them; it compiles nothing, so
//! that loading 400 rules costs microseconds and a pre-commit run only pays for the regexes that
//! its keywords select (see `engine`).

mod builtin;
mod examples;
mod model;

pub use examples::{check_examples, ExampleFailure};
pub use model::{ExcludedValues, Rule, RuleFile, Severity, DEFAULT_PAIR_LINES, WHOLE_FILE_LIMIT};

use crate::error::ConfigError;

/// A row of `BUILTIN_SHAPES`: what build.rs read from a built-in rule's regex, so that a start
/// does not parse a thousand regexes (see [`BuiltinChecks`], what the engine makes of it).
pub(crate) struct BuiltinShape {
    /// The rule's id (the table is sorted by it).
    id: Text,
    /// Of the rule's regex, keywords and file names: a config that changed the rule gets none.
    hash: u64,
    /// The bytes of its secret, as a 256-bit set.
    allowed: [u64; 4],
    /// The secret's least length; 0: no useful shape.
    min_len: usize,
    /// Punctuation every match holds.
    required: Text,
    anchor: Option<KeywordAnchor>,
    /// Where its encoded regex is in `BUILTIN_HIRS`.
    hir: (usize, usize),
    /// Words one of which every match holds, each ended by U+001F.
    words: Text,
    /// How far into a match one of them ends at most.
    word_reach: Option<usize>,
}

use crate::engine::KeywordAnchor;
use builtin::{BuiltinRule, Text};

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// Parses one rule file (TOML) and checks every rule, regex syntax included. `file` names it in
/// error messages, with the line of the problem.
pub fn parse_rule_file(file: &str, text: &str) -> Result<Vec<Rule>, ConfigError> {
    let parsed: RuleFile = toml::from_str(text).map_err(|e| toml_error(file, text, &e))?;
    finish_rules(file, parsed.rule, true)
}

fn finish_rules(
    file: &str,
    mut rules: Vec<Rule>,
    check_regex: bool,
) -> Result<Vec<Rule>, ConfigError> {
    for rule in &mut rules {
        finish_rule(file, rule, check_regex)?;
    }
    Ok(rules)
}

/// Records where `rule` was defined (`location`: `file` or `file:line:column`) and checks it;
/// with `check_regex`, its regex syntax too (built-in rules had theirs checked at build time).
pub(crate) fn finish_rule(
    location: &str,
    rule: &mut Rule,
    check_regex: bool,
) -> Result<(), ConfigError> {
    rule.source_file = location.to_string().into();
    let checked = rule.check().and_then(|()| {
        if check_regex {
            crate::rules::check_regex(rule)
        } else {
            Ok(())
        }
    });
    checked.map_err(|message| ConfigError::Invalid {
        location: location.to_string(),
        message: format!("rule '{}': {message}", rule.id),
    })
}

/// A rule's secret shape (allowed bytes, least length) as built-in summaries hold it.
pub(crate) type ShapeSummary = Option<([bool; 256], usize)>;

/// What build.rs read from a built-in rule's regex (see `engine::shape_summary`).
#[derive(Debug, PartialEq)]
pub(crate) struct BuiltinChecks {
    /// The secret's shape; `None` when it has no useful one.
    pub shape: ShapeSummary,
    /// The punctuation every match holds.
    pub required: &'static [u8],
    /// Where matches start relative to a keyword hit.
    pub anchor: Option<KeywordAnchor>,
    /// The parsed regex, encoded (see `engine::shape_summary::encode_hir`).
    pub hir: &'static [u8],
    /// Words one of which every match holds (see `engine::required_words`).
    pub words: Vec<&'static str>,
    /// How far into a match one of them ends at most.
    pub word_reach: Option<usize>,
}

/// The summary build.rs made of built-in rule `rule.id`, if the rule is still that rule (same
/// regex, keywords and file names); `None` when there is none for it (a custom rule, or a
/// built-in one a config changed: its summary is then read at run time).
pub(crate) fn builtin_shape(rule: &Rule) -> Option<BuiltinChecks> {
    let i = BUILTIN_SHAPES
        .binary_search_by(|row| row.id.get().cmp(&rule.id))
        .ok()?;
    let row = &BUILTIN_SHAPES[i];
    if row.hash != crate::engine::rule_hash(&rule.regex, &rule.keywords, &rule.file_names) {
        return None;
    }
    let shape = (row.min_len > 0).then(|| {
        let mut allowed = [false; 256];
        for (b, a) in (0..=255u8).zip(allowed.iter_mut()) {
            *a = crate::engine::words_contain(&row.allowed, b);
        }
        (allowed, row.min_len)
    });
    let (at, len) = row.hir;
    Some(BuiltinChecks {
        shape,
        required: row.required.get().as_bytes(),
        anchor: row.anchor,
        hir: BUILTIN_HIRS.get(at..at + len).unwrap_or(&[]),
        words: row.words.items().collect(),
        word_reach: row.word_reach,
    })
}

/// The built-in rule set, without the rules' examples (scans do not need them). build.rs parsed
/// the rule files, checked their regexes and found their ids unique, and compiled the rules in
/// as data (see [`builtin`]): this copies them, a fraction of a millisecond.
pub fn builtin_rules() -> Result<Vec<Rule>, ConfigError> {
    embedded(false)
}

/// `rules` give the prefilters the built-in rules' keyword lists, so that the compiled-in ones
/// serve them (see `engine::prefilter::Prefilter::builtin`): they are the built-in rules, in
/// order, as far as the lists can tell (keywords, companion-only, file names or not). Compared
/// with the compiled-in data: making the lists to compare them was a quarter of a millisecond of
/// every start.
pub(crate) fn has_builtin_keywords(rules: &[Rule]) -> bool {
    rules.len() == BUILTIN_RULES.len()
        && rules.iter().zip(BUILTIN_RULES).all(|(rule, builtin)| {
            rule.companion_only == builtin.companion_only
                && rule.file_names.is_empty() == (builtin.file_names.len == 0)
                && same_keywords(&rule.keywords, builtin.keywords)
        })
}

/// `keywords` are the compiled-in keyword list `list`. A built-in rule's keywords are the very
/// bytes of the list (borrowed slices of [`TEXT`], in order, each followed by its separator):
/// that is checked by address, without reading the text (reading the thousand rules' keywords
/// to compare them was a sixth of a millisecond of every start); other keywords are compared.
fn same_keywords(keywords: &[std::borrow::Cow<'static, str>], list: Text) -> bool {
    let mut at = TEXT.as_ptr() as usize + list.at as usize;
    let end = at + list.len as usize;
    let by_address = keywords.iter().all(|k| {
        let here = matches!(k, std::borrow::Cow::Borrowed(_)) && k.as_ptr() as usize == at;
        at += k.len() + 1;
        here
    }) && at == end;
    by_address || keywords.iter().map(|k| k.as_ref()).eq(list.items())
}

/// The built-in rule set with every rule's `examples` and `negative_examples`, for the tests
/// that run them.
pub fn builtin_rules_with_examples() -> Result<Vec<Rule>, ConfigError> {
    embedded(true)
}

fn embedded(with_examples: bool) -> Result<Vec<Rule>, ConfigError> {
    // Ids are unique (build.rs fails the build otherwise) and every rule passes `Rule::check`
    // (a test checks them all; the scanner builder checks every rule again).
    // Sized up front: collecting `Result`s gives no size hint, and the list (a thousand rules
    // of a few hundred bytes) was copied into each larger allocation as it grew.
    let mut rules = Vec::with_capacity(BUILTIN_RULES.len());
    for rule in BUILTIN_RULES {
        rules.push(rule.to_rule(with_examples)?);
    }
    Ok(rules)
}

/// Rejects a rule set in which two rules share an id; else gives each id's index in `rules`
/// (ids key fingerprints, baselines, SARIF rule indexes and `pair_with`).
pub fn check_unique_ids(
    rules: &[Rule],
) -> Result<std::collections::HashMap<&str, usize>, ConfigError> {
    let mut seen = std::collections::HashMap::with_capacity(rules.len());
    for (i, rule) in rules.iter().enumerate() {
        if let Some(first) = seen.insert(&*rule.id, i) {
            return Err(ConfigError::Invalid {
                location: rule.source_file.to_string(),
                message: format!(
                    "rule id '{}' is already defined in {}",
                    rule.id, rules[first].source_file
                ),
            });
        }
    }
    Ok(seen)
}

/// Parses a rule's regex the way the engine will (bytes, Unicode off) without compiling it, so
/// that a user's bad rule is rejected before any file is read. The error is one line, what and
/// where (`regex: unclosed group at byte 0 of "(a+"`): the parser's own message spreads the
/// pattern, a caret and the reason over several lines, which a `file:line: message` cannot
/// carry.
pub(crate) fn check_regex_syntax(pattern: &str) -> Result<(), String> {
    crate::engine::parse_regex(pattern)
        .map(|_| ())
        .map_err(|e| format!("regex: {} of \"{pattern}\"", regex_syntax_message(&e)))
}

/// [`check_regex_syntax`] of a rule's regex, and that the groups its `excluded_values` name
/// exist in it (an exclusion of a group the regex lacks would silently exclude nothing).
pub(crate) fn check_regex(rule: &Rule) -> Result<(), String> {
    let hir = crate::engine::parse_regex(&rule.regex)
        .map_err(|e| format!("regex: {} of \"{}\"", regex_syntax_message(&e), rule.regex))?;
    let groups = hir.properties().explicit_captures_len();
    match rule.excluded_values.iter().find(|e| e.group > groups) {
        Some(e) => Err(format!(
            "excluded_values: group {} is not in the regex, which has {groups}",
            e.group
        )),
        None => Ok(()),
    }
}

/// A regex syntax error as `what at byte N` (N counts from the pattern's start), for one-line
/// messages that then name the pattern.
pub(crate) fn regex_syntax_message(e: &regex_syntax::Error) -> String {
    match e {
        regex_syntax::Error::Parse(x) => format!("{} at byte {}", x.kind(), x.span().start.offset),
        regex_syntax::Error::Translate(x) => {
            format!("{} at byte {}", x.kind(), x.span().start.offset)
        }
        _ => crate::filters::allowlist::one_line(&e.to_string()),
    }
}

/// A TOML parse or schema error as a config error: `file:line:column` and the message on one
/// line. serde's messages about a value (`invalid type: string "x", expected a sequence`,
/// `unknown variant`) do not say which key holds it, so the key whose value is at the error's
/// position is put in front (`keywords: invalid type: ...`): in a rule of twenty keys the
/// column alone leaves the reader counting.
pub(crate) fn toml_error(file: &str, text: &str, e: &toml::de::Error) -> ConfigError {
    let mut message = toml_message(e.message());
    const ABOUT_A_VALUE: [&str; 4] = [
        "invalid type:",
        "invalid value:",
        "invalid length ",
        "unknown variant ",
    ];
    if let Some(span) = e.span() {
        if ABOUT_A_VALUE.iter().any(|p| message.starts_with(p)) {
            if let Some(key) = toml_key_at(text, span.start) {
                message = format!("{key}: {message}");
            }
        }
    }
    ConfigError::Invalid {
        location: toml_location(file, text, e.span()),
        message,
    }
}

/// The key whose value is being written at byte `offset` of TOML `text`, as written (`keywords`,
/// `a.b`): the innermost `key =` still open there, so an element of a multi-line array gives the
/// array's key and a value in an inline table the inline key. A light scan (strings, comments,
/// brackets, headers), for messages only: `None` when `offset` is in no key's value.
pub(crate) fn toml_key_at(text: &str, offset: usize) -> Option<String> {
    /// One open level: the document (or a header's table), an inline table or an array.
    struct Level {
        table: bool,
        key: Option<(usize, usize)>,
        segment: usize,
    }
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack = vec![Level {
        table: true,
        key: None,
        segment: 0,
    }];
    let mut line_start = true;
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        if line_start && stack.len() == 1 && b == b'[' {
            // A `[table]` header: no key is open after it.
            i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            stack[0].key = None;
            continue;
        }
        if !b.is_ascii_whitespace() {
            line_start = false;
        }
        match b {
            b'\n' => {
                line_start = true;
                if stack.len() == 1 {
                    stack[0] = Level {
                        table: true,
                        key: None,
                        segment: i + 1,
                    };
                }
            }
            b'#' => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'"' | b'\'' => {
                let triple = bytes[i..].starts_with(&[b; 3]);
                let quote: &[u8] = if triple {
                    &bytes[i..i + 3]
                } else {
                    &bytes[i..i + 1]
                };
                let mut j = i + quote.len();
                let closed = loop {
                    match bytes.get(j) {
                        None => break false,
                        Some(b'\n') if !triple => break false,
                        Some(_) if bytes[j..].starts_with(quote) => break true,
                        Some(b'\\') if b == b'"' => j += 2,
                        Some(_) => j += 1,
                    }
                };
                i = if closed { j + quote.len() } else { j };
                continue;
            }
            b'[' | b'{' => stack.push(Level {
                table: b == b'{',
                key: None,
                segment: i + 1,
            }),
            b']' | b'}' if stack.len() > 1 => {
                stack.pop();
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    top.segment = i + 1;
                    if top.table {
                        top.key = None;
                    }
                }
            }
            b'=' => {
                if let Some(top) = stack.last_mut().filter(|t| t.table && t.key.is_none()) {
                    top.key = Some((top.segment, i));
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack.iter().rev().find_map(|level| {
        let (from, to) = level.key?;
        let key = text.get(from..to)?.trim();
        (!key.is_empty()).then(|| key.to_string())
    })
}

/// A TOML document's keys with their byte spans, and the spans of array elements (`[[rules]]`
/// tables included), and nothing else: read beside the typed parse, it lets a message point at
/// the entry a problem is in (the bad glob in a list, the `regex =` line of a rule) rather than
/// at its table. (Values of keys have no span of their own: `toml::Spanned` fails on the
/// implicit tables that dotted headers such as `[rules.disable]` create.)
#[derive(Debug)]
pub(crate) enum TomlNode {
    /// A table (`[header]`, `[[header]]` element or inline): its keys and values in file order.
    Table(Vec<(toml::Spanned<String>, TomlNode)>),
    /// An array.
    Array(Vec<toml::Spanned<TomlNode>>),
    /// A string, number or boolean.
    Scalar,
}

impl TomlNode {
    /// The document's tree, or `None` for text that is not TOML or that holds a date or time
    /// (which keysweep's formats never take): callers then fall back to coarser locations.
    pub(crate) fn parse(text: &str) -> Option<TomlNode> {
        toml::from_str(text).ok()
    }

    /// The value of `key` in a table (`None` in anything else).
    pub(crate) fn get(&self, key: &str) -> Option<&TomlNode> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The span of `key` itself (not its value) in a table.
    pub(crate) fn key_span(&self, key: &str) -> Option<std::ops::Range<usize>> {
        self.entry(key).map(|(k, _)| k.span())
    }

    fn entry(&self, key: &str) -> Option<&(toml::Spanned<String>, TomlNode)> {
        match self {
            TomlNode::Table(entries) => entries.iter().find(|(k, _)| k.get_ref() == key),
            _ => None,
        }
    }

    /// The elements of an array (none for anything else).
    pub(crate) fn items(&self) -> &[toml::Spanned<TomlNode>] {
        match self {
            TomlNode::Array(items) => items,
            _ => &[],
        }
    }
}

impl<'de> serde::Deserialize<'de> for TomlNode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<TomlNode, D::Error> {
        use serde::de::{MapAccess, SeqAccess, Visitor};
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = TomlNode;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a TOML value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<TomlNode, E> {
                Ok(TomlNode::Scalar)
            }
            fn visit_i64<E>(self, _: i64) -> Result<TomlNode, E> {
                Ok(TomlNode::Scalar)
            }
            fn visit_u64<E>(self, _: u64) -> Result<TomlNode, E> {
                Ok(TomlNode::Scalar)
            }
            fn visit_f64<E>(self, _: f64) -> Result<TomlNode, E> {
                Ok(TomlNode::Scalar)
            }
            fn visit_str<E>(self, _: &str) -> Result<TomlNode, E> {
                Ok(TomlNode::Scalar)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TomlNode, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(TomlNode::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TomlNode, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key()? {
                    entries.push((key, map.next_value()?));
                }
                Ok(TomlNode::Table(entries))
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

/// The TOML parser's message on one line (it spreads some over several).
pub(crate) fn toml_message(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}

/// `file:line:column` for a byte span reported by the TOML parser, or just `file`.
pub(crate) fn toml_location(
    file: &str,
    text: &str,
    span: Option<std::ops::Range<usize>>,
) -> String {
    match span {
        Some(span) => {
            let before = &text.as_bytes()[..span.start.min(text.len())];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            format!("{file}:{line}:{col}")
        }
        None => file.to_string(),
    }
}

/// Rules for tests: rule `r{i}` for each of `bodies` (TOML keys, `keywords` among them), with a
/// description, a severity, a regex and a remediation filled in.
#[cfg(test)]
pub(crate) fn test_rules(bodies: &[String]) -> Vec<Rule> {
    let toml: String = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            format!(
                "[[rule]]\nid = \"r{i}\"\ndescription = \"d\"\nseverity = \"low\"\n{body}\n\
                 regex = 'x{i}'\nremediation = \"r\"\n"
            )
        })
        .collect();
    parse_rule_file("test.toml", &toml).expect("test rules parse")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An exclusion must name a group of the regex, and lowercase words: a group the regex
    /// lacks, or an uppercase word (compared case-insensitively, so never equal), would
    /// silently exclude nothing.
    #[test]
    fn excluded_values_are_checked() {
        let parsed = |excluded: &str| {
            let text = format!(
                "[[rule]]\nid = \"x\"\ndescription = \"d\"\nseverity = \"low\"\n\
                 keywords = [\"k\"]\nregex = 'k=([a-z]+)'\nremediation = \"r\"\n\
                 excluded_values = [{excluded}]\n"
            );
            parse_rule_file("x.toml", &text)
        };
        assert!(parsed(r#"{ group = 1, words = ["none"] }"#).is_ok());
        assert!(parsed(r#"{ group = 1, longer_than = 64 }"#).is_ok());
        for bad in [
            r#"{ group = 2, words = ["none"] }"#,
            r#"{ group = 0, words = ["none"] }"#,
            r#"{ group = 1 }"#,
            r#"{ group = 1, prefixes = ["Upper"] }"#,
            r#"{ group = 1, words = [""] }"#,
            r#"{ group = 1, word = ["typo"] }"#,
        ] {
            let err = parsed(bad).expect_err(bad).to_string();
            assert!(err.contains("x.toml"), "{bad}: {err}");
        }
        let err = parsed(r#"{ group = 2, words = ["none"] }"#)
            .expect_err("group 2")
            .to_string();
        assert!(err.contains("group 2 is not in the regex"), "{err}");
    }

    /// The compiled-in examples and exclude words (lists stored as one string each) are the
    /// rule files' own, every one of them, in order.
    #[test]
    fn compiled_in_examples_are_the_rule_files() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut from_files = Vec::new();
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("rules dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("rule file");
            from_files.extend(parse_rule_file("rule file", &text).expect("parses"));
        }
        let mut embedded = builtin_rules_with_examples().expect("built-in rules");
        let key = |r: &Rule| {
            let words: Vec<String> = r.exclude_words.iter().map(|w| w.to_string()).collect();
            (
                r.id.clone(),
                r.examples.clone(),
                r.negative_examples.clone(),
                words,
                r.excluded_values.clone(),
            )
        };
        from_files.sort_by(|a, b| a.id.cmp(&b.id));
        embedded.sort_by(|a, b| a.id.cmp(&b.id));
        let examples: usize = embedded.iter().map(|r| r.examples.len()).sum();
        let words: usize = embedded.iter().map(|r| r.exclude_words.len()).sum();
        assert!(
            examples > 1000 && words > 1000,
            "{examples} examples, {words} words"
        );
        assert_eq!(
            embedded.iter().map(key).collect::<Vec<_>>(),
            from_files.iter().map(key).collect::<Vec<_>>()
        );
    }

    /// The built-in rules are recognised as such, and a rule set whose keyword list differs
    /// (a rule disabled, a keyword changed, a rule made companion-only) is not; nor is one
    /// whose list only might (an uppercased keyword: the list is then made and compared).
    #[test]
    fn only_the_builtin_rules_have_the_builtin_keywords() {
        let rules = builtin_rules().expect("built-in rules");
        assert!(has_builtin_keywords(&rules));
        // Recognised by address, and by content when the keywords are copies.
        let mut copied = rules.clone();
        for rule in &mut copied {
            for k in &mut rule.keywords {
                *k = std::borrow::Cow::Owned(k.to_string());
            }
        }
        assert!(has_builtin_keywords(&copied));
        let mut fewer = rules.clone();
        fewer.remove(3);
        assert!(!has_builtin_keywords(&fewer));
        let index = rules
            .iter()
            .position(|r| !r.keywords.is_empty())
            .expect("a rule with keywords");
        let mut changed = rules.clone();
        changed[index].keywords[0] = "another-keyword".into();
        assert!(!has_builtin_keywords(&changed));
        let mut upper = rules.clone();
        upper[index].keywords[0] = rules[index].keywords[0].to_uppercase().into();
        assert!(!has_builtin_keywords(&upper));
        let mut companion = rules;
        companion[index].companion_only = !companion[index].companion_only;
        assert!(!has_builtin_keywords(&companion));
    }

    /// The shapes build.rs embedded are the ones the engine would read from the regexes, and a
    /// changed regex gets none (its shape is then read at run time).
    #[test]
    fn embedded_shapes_match_the_regexes() {
        let rules = builtin_rules().expect("built-in rules parse");
        for rule in &rules {
            let embedded = builtin_shape(rule)
                .unwrap_or_else(|| panic!("no embedded shape for '{}'", rule.id));
            let hir = crate::engine::parse_regex(&rule.regex).expect("parses");
            let computed = crate::engine::summarize_hir(&hir, rule.secret_group);
            assert_eq!(embedded.shape, computed, "rule '{}'", rule.id);
            let required = crate::engine::required_bytes_hir(&hir, &rule.keywords);
            assert_eq!(embedded.required, required.as_slice(), "rule '{}'", rule.id);
            let anchor = crate::engine::rule_anchor(&hir, &rule.keywords, &rule.file_names);
            assert_eq!(embedded.anchor, anchor, "rule '{}'", rule.id);
            assert_eq!(
                crate::engine::decode_hir(embedded.hir).as_ref(),
                Some(&hir),
                "rule '{}': the embedded regex is not the one parsed",
                rule.id
            );
            let words = crate::engine::required_words_hir(&hir, &rule.keywords);
            assert_eq!(embedded.words, words.words, "rule '{}'", rule.id);
            assert_eq!(embedded.word_reach, words.reach, "rule '{}'", rule.id);
        }
        let mut changed = rules[0].clone();
        changed.regex = "(x{20})".into();
        assert_eq!(builtin_shape(&changed), None);
        let mut changed = rules[0].clone();
        changed.keywords.push("zz-new-keyword".into());
        assert_eq!(builtin_shape(&changed), None);
        changed.id = "zz-no-such-rule".into();
        assert_eq!(builtin_shape(&changed), None);
    }

    /// The rules build.rs compiled in are the rules `parse_rule_file` reads from the same files
    /// (its serde schema rejects unknown keys and wrong types), field for field.
    #[test]
    fn compiled_in_rules_are_the_rule_files_parsed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("rules/")
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| n.ends_with(".toml"))
            .collect();
        names.sort();
        let mut parsed = Vec::new();
        for name in names {
            let text = std::fs::read_to_string(dir.join(&name)).expect("readable");
            parsed.extend(parse_rule_file(&format!("rules/{name}"), &text).expect("parses"));
        }
        let compiled = builtin_rules_with_examples().expect("built-in rules");
        assert_eq!(compiled.len(), parsed.len());
        for (c, p) in compiled.iter().zip(&parsed) {
            assert_eq!(format!("{c:?}"), format!("{p:?}"), "rule '{}'", p.id);
            c.check().unwrap_or_else(|e| panic!("rule '{}': {e}", c.id));
        }
    }

    #[test]
    fn builtin_rules_parse_and_have_unique_ids() {
        let rules = builtin_rules().expect("built-in rules parse");
        check_unique_ids(&rules).expect("unique ids");
        assert!(rules.len() >= 30, "only {} built-in rules", rules.len());
    }

    #[test]
    fn a_bad_regex_is_one_line_naming_what_and_where() {
        assert_eq!(
            check_regex_syntax("(a+"),
            Err(r#"regex: unclosed group at byte 0 of "(a+""#.to_string())
        );
        assert_eq!(
            check_regex_syntax(r"x\pZ"),
            Err(r#"regex: Unicode not allowed here at byte 1 of "x\pZ""#.to_string())
        );
        assert_eq!(check_regex_syntax(r"\b(ab[0-9]{4})\b"), Ok(()));
    }

    #[test]
    fn the_key_of_a_value_is_read_back_from_the_text() {
        let key = |text: &str, at: &str| toml_key_at(text, text.find(at).expect("marker"));
        assert_eq!(
            key("a = 1\nkeywords = \"x\"\n", "\"x"),
            Some("keywords".into())
        );
        assert_eq!(
            key("[t]\nk = [\n  1,\n  \"v\",\n]\n", "\"v"),
            Some("k".into())
        );
        assert_eq!(key("k = { a = 1, b = \"v\" }\n", "\"v"), Some("b".into()));
        assert_eq!(key("k = [{ a = '=' }, 'v']\n", "'v"), Some("k".into()));
        assert_eq!(
            key("k = \"a = [\" # = {\nm = 'v'\n", "'v"),
            Some("m".into())
        );
        assert_eq!(
            key("k = \"\"\"\n= [\n\"\"\"\nm.n = 'v'\n", "'v"),
            Some("m.n".into())
        );
        assert_eq!(key("k = 1\n[t]\n", "t]"), None);
    }

    #[test]
    fn a_mistyped_value_in_a_rule_file_names_its_key() {
        let text = "[[rule]]\nid = \"a\"\nkeywords = 3\n";
        let err = parse_rule_file("x.toml", text).unwrap_err().to_string();
        assert_eq!(
            err,
            "x.toml:3:12: keywords: invalid type: integer `3`, expected a sequence"
        );
    }

    #[test]
    fn parse_error_names_file_and_line() {
        let text = "[[rule]]\nid = \"a\"\nbogus = 1\n";
        let err = parse_rule_file("x.toml", text).unwrap_err().to_string();
        assert!(err.starts_with("x.toml:3:"), "{err}");
        assert!(err.contains("bogus"), "{err}");
    }
}
