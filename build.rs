//! Embeds the built-in rules (`rules/*.toml`) into the binary. The TOML is parsed here, at build
//! time, and embedded as JSON: a bad rule file fails the build with its file and line, and at
//! run time parsing JSON costs a fraction of parsing TOML (startup time matters for the
//! pre-commit hook). Every regex's syntax is checked here too.

#[path = "src/engine/shape_summary.rs"]
mod shape_summary;

use std::env;

/// A built-in rule's secret shape: (rule id, hash of its regex, allowed bytes and least length).
type RuleShape = (String, u64, Option<([bool; 256], usize)>, Vec<u8>);
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
    let mut shapes: Vec<RuleShape> = Vec::new();
    for (i, f) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = format!(
            "rules/{}",
            f.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("rules.toml")
        );
        let (lean, full) = to_json(&name, f, &mut shapes);
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
}

/// Parses one rule file and returns it as JSON, without and with the examples; panics (failing the build) with the file, line
/// and problem on a TOML error or a regex that does not parse.
fn to_json(name: &str, path: &Path, shapes: &mut Vec<RuleShape>) -> (String, String) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    if let Some(rules) = value.get("rule").and_then(|r| r.as_array()) {
        for rule in rules {
            let id = rule.get("id").and_then(|v| v.as_str()).unwrap_or("?");
            if let Some(re) = rule.get("regex").and_then(|v| v.as_str()) {
                let hir = shape_summary::parse(re)
                    .unwrap_or_else(|e| panic!("{name}: rule '{id}': invalid regex: {e}"));
                let group = rule
                    .get("secret_group")
                    .and_then(|g| g.as_integer())
                    .and_then(|g| usize::try_from(g).ok());
                shapes.push((
                    id.to_string(),
                    shape_summary::regex_hash(re),
                    shape_summary::summarize_hir(&hir, group),
                    shape_summary::required_bytes_hir(&hir),
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
/// allowed bytes as four 64-bit words, least length, bytes every match holds)`, sorted by id; a
/// least length of 0 means "no useful shape".
fn shapes_table(mut shapes: Vec<RuleShape>) -> String {
    shapes.sort_by(|a, b| a.0.cmp(&b.0));
    // Ids key fingerprints, baselines and SARIF rule indexes: a duplicate fails the build, so
    // that the scanner need not look for one at every start.
    if let Some(pair) = shapes.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        panic!("rule id '{}' is defined twice in rules/", pair[0].0);
    }
    let mut out = String::from(
        "/// Secret shapes of the built-in rules, read from their regexes at build time (see\n\
         /// `engine::shape_summary`): (rule id, hash of the regex, allowed bytes as a 256-bit\n\
         /// set, least length; 0 = no useful shape; punctuation every match holds), sorted by id.\n\
         pub static BUILTIN_SHAPES: &[BuiltinShape] = &[\n",
    );
    for (id, hash, shape, required) in shapes {
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
        out.push_str(&format!(
            "    ({id:?}, {hash:#x}, {words:?}, {min_len}, &{required:?}),\n"
        ));
    }
    out.push_str("];\n");
    out
}
