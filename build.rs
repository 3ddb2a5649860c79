//! Embeds the built-in rules (`rules/*.toml`) into the binary. The TOML is parsed here, at build
//! time, and embedded as JSON: a bad rule file fails the build with its file and line, and at
//! run time parsing JSON costs a fraction of parsing TOML (startup time matters for the
//! pre-commit hook). Every regex's syntax is checked here too.
//!
//! The keyword automata of the built-in rules are built here as well (regex-automata dense
//! DFAs, serialized): building the automaton for a few hundred keywords costs 1.5 ms at every
//! start, loading a prebuilt one a tenth of that.

#[path = "src/engine/shape_summary.rs"]
mod shape_summary;

use std::env;

/// A built-in rule's secret shape: (rule id, hash of its regex, allowed bytes and least length).
type RuleShape = (String, u64, Option<([bool; 256], usize)>);
use std::fs;
use std::path::{Path, PathBuf};

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
        "/// Built-in rule files: (file name, the rules as JSON without their examples, the rules\n\
         /// as JSON with them), sorted by name. Scans parse the first: examples are a third of the\n\
         /// text and only the rule tests read them.\n",
    );
    index.push_str("pub static EMBEDDED_RULE_FILES: &[(&str, &str, &str)] = &[\n");
    let mut keywords = KeywordSets::default();
    let mut shapes: Vec<RuleShape> = Vec::new();
    for (i, f) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = format!(
            "rules/{}",
            f.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("rules.toml")
        );
        let (lean, full) = to_json(&name, f, &mut keywords, &mut shapes);
        let lean_path = out_dir.join(format!("rules-{i}.json"));
        let full_path = out_dir.join(format!("rules-{i}-with-examples.json"));
        fs::write(&lean_path, lean).expect("write embedded rule JSON");
        fs::write(&full_path, full).expect("write embedded rule JSON");
        index.push_str(&format!(
            "    ({:?}, include_str!({:?}), include_str!({:?})),\n",
            name,
            lean_path.display().to_string(),
            full_path.display().to_string()
        ));
    }
    index.push_str("];\n");
    index.push_str(&shapes_table(shapes));
    fs::write(out_dir.join("embedded_rules.rs"), index).expect("write embedded_rules.rs");
    write_keyword_automata(&out_dir, &keywords);
}

/// The built-in rules' keywords, lowercased and deduplicated in rule order: those of rules that
/// report on their own, and those of companion-only rules (searched separately).
#[derive(Default)]
struct KeywordSets {
    main: Vec<String>,
    companion: Vec<String>,
}

/// Writes `embedded_keywords.rs`: per keyword set, its keywords in the DFA's pattern order and
/// the DFA's bytes (for the target's endianness). Patterns go longest first: the DFA's
/// leftmost-first match is then the longest keyword starting at the leftmost position, the
/// leftmost-longest semantics that the engine's aho-corasick fallback uses.
fn write_keyword_automata(out_dir: &Path, sets: &KeywordSets) {
    use regex_automata::dfa::{dense, StartKind};
    let big_endian = env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    let mut code = String::new();
    for (name, set) in [("MAIN", &sets.main), ("COMPANION", &sets.companion)] {
        let mut patterns = set.clone();
        patterns.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let escaped: Vec<String> = patterns.iter().map(|p| regex_syntax::escape(p)).collect();
        let dfa = dense::Builder::new()
            .configure(dense::Config::new().start_kind(StartKind::Unanchored))
            .syntax(
                regex_automata::util::syntax::Config::new()
                    .unicode(false)
                    .utf8(false),
            )
            .build_many(&escaped)
            .unwrap_or_else(|e| panic!("keyword automaton: {e}"));
        let (bytes, pad) = if big_endian {
            dfa.to_bytes_big_endian()
        } else {
            dfa.to_bytes_little_endian()
        };
        let file = out_dir.join(format!("keywords-{}.dfa", name.to_lowercase()));
        fs::write(&file, &bytes[pad..]).expect("write keyword DFA");
        let mut sorted: Vec<(&str, usize)> = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_str(), i))
            .collect();
        sorted.sort();
        code.push_str(&format!(
            "/// Keywords of the built-in rules ({name}), in the pattern order of the DFA below.\n\
             pub static {name}_KEYWORDS: &[&str] = &{patterns:?};\n\
             /// The same keywords sorted, each with its pattern index: looked up by binary search.\n\
             pub static {name}_SORTED: &[(&str, usize)] = &{sorted:?};\n\
             /// The serialized DFA over [`{name}_KEYWORDS`].\n\
             pub static {name}_KEYWORD_DFA: &Aligned<[u8]> = &Aligned {{ _align: [], bytes: *include_bytes!({:?}) }};\n",
            file.display().to_string()
        ));
    }
    fs::write(out_dir.join("embedded_keywords.rs"), code).expect("write embedded_keywords.rs");
}

/// Parses one rule file and returns it as JSON, without and with the examples; panics (failing the build) with the file, line
/// and problem on a TOML error or a regex that does not parse.
fn to_json(
    name: &str,
    path: &Path,
    keywords: &mut KeywordSets,
    shapes: &mut Vec<RuleShape>,
) -> (String, String) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    if let Some(rules) = value.get("rule").and_then(|r| r.as_array()) {
        for rule in rules {
            let id = rule.get("id").and_then(|v| v.as_str()).unwrap_or("?");
            let companion = rule.get("companion_only").and_then(|v| v.as_bool()) == Some(true);
            let set = if companion {
                &mut keywords.companion
            } else {
                &mut keywords.main
            };
            for kw in rule
                .get("keywords")
                .and_then(|k| k.as_array())
                .into_iter()
                .flatten()
            {
                if let Some(kw) = kw.as_str().map(str::to_ascii_lowercase) {
                    if !set.contains(&kw) {
                        set.push(kw);
                    }
                }
            }
            if let Some(re) = rule.get("regex").and_then(|v| v.as_str()) {
                if let Err(e) = regex_syntax::ParserBuilder::new()
                    .unicode(false)
                    .utf8(false)
                    .build()
                    .parse(re)
                {
                    panic!("{name}: rule '{id}': invalid regex: {e}");
                }
                let group = rule
                    .get("secret_group")
                    .and_then(|g| g.as_integer())
                    .and_then(|g| usize::try_from(g).ok());
                shapes.push((
                    id.to_string(),
                    shape_summary::regex_hash(re),
                    shape_summary::summarize(re, group),
                ));
            }
        }
    }
    let full = serde_json::to_string(&value).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut lean = value;
    if let Some(rules) = lean.get_mut("rule").and_then(|r| r.as_array_mut()) {
        for rule in rules {
            if let Some(table) = rule.as_table_mut() {
                table.remove("examples");
                table.remove("negative_examples");
            }
        }
    }
    let lean = serde_json::to_string(&lean).unwrap_or_else(|e| panic!("{name}: {e}"));
    (lean, full)
}

/// The secret shapes of the built-in rules as Rust source: `(rule id, hash of its regex,
/// allowed bytes as four 64-bit words, least length)`, sorted by id; a least length of 0 means
/// "no useful shape".
fn shapes_table(mut shapes: Vec<RuleShape>) -> String {
    shapes.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::from(
        "/// Secret shapes of the built-in rules, read from their regexes at build time (see\n\
         /// `engine::shape_summary`): (rule id, hash of the regex, allowed bytes as a 256-bit\n\
         /// set, least length; 0 = no useful shape), sorted by id.\n\
         pub static BUILTIN_SHAPES: &[(&str, u64, [u64; 4], usize)] = &[\n",
    );
    for (id, hash, shape) in shapes {
        let (words, min_len) = match shape {
            Some((allowed, min_len)) => {
                let mut words = [0u64; 4];
                for (b, &a) in allowed.iter().enumerate() {
                    if a {
                        words[b / 64] |= 1 << (b % 64);
                    }
                }
                (words, min_len)
            }
            None => ([0; 4], 0),
        };
        out.push_str(&format!("    ({id:?}, {hash:#x}, {words:?}, {min_len}),\n"));
    }
    out.push_str("];\n");
    out
}
