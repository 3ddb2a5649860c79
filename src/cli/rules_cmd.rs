//! `keysweep rules`: list the built-in rules, or check a rule file the way the test suite checks
//! the built-in ones (parse, compile, run every example).

use anyhow::Context;
use serde::Serialize;

use super::output::Output;
use super::{Outcome, RulesArgs};
use crate::engine::ScannerBuilder;
use crate::report::Format;
use crate::rules::{builtin_rules, check_examples, parse_rule_file};

#[derive(Serialize)]
struct RuleRow<'a> {
    id: &'a str,
    severity: &'a str,
    description: &'a str,
    keywords: &'a [std::borrow::Cow<'static, str>],
    validate: Option<&'a str>,
}

/// A rule file has `[[rule]]` tables; anything else is a config file (keysweep's, whose custom
/// rules are `[[rules]]`, or gitleaks'). A file that does not parse is taken as a rule file, so
/// the error names its line.
fn is_rule_file(text: &str) -> bool {
    text.parse::<toml::Table>()
        .map(|t| t.contains_key("rule"))
        .unwrap_or(true)
}

/// Lists or checks rules.
pub fn run(args: RulesArgs) -> anyhow::Result<Outcome> {
    if let Some(file) = &args.check {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("{}: cannot read", file.display()))?;
        let rules = if is_rule_file(&text) {
            parse_rule_file(&file.display().to_string(), &text)?
        } else {
            let config = crate::config::Config::parse_file(file, &text)?;
            for w in &config.warnings {
                eprintln!("keysweep: warning: {w}");
            }
            if config.custom_rules.is_empty() {
                anyhow::bail!(
                    "{}: no rules to check (neither [[rule]] nor [[rules]])",
                    file.display()
                );
            }
            config.custom_rules
        };
        let scanner = ScannerBuilder::new().rules(rules).build()?;
        scanner.compile_all()?;
        let failures = check_examples(&scanner);
        for f in &failures {
            eprintln!("{}: {f}", file.display());
        }
        if !failures.is_empty() {
            anyhow::bail!("{}: {} example(s) failed", file.display(), failures.len());
        }
        println!("{}: {} rule(s) OK", file.display(), scanner.rule_count());
        return Ok(Outcome::Clean);
    }
    if !matches!(args.format, Format::Json | Format::Text) {
        anyhow::bail!(
            "rules: --format {} is for scan reports; the listing is text or json",
            args.format.name()
        );
    }
    let rules = builtin_rules()?;
    // Through the report output, so a reader that stops early (`keysweep rules | head`) is
    // treated as reports treat it.
    Output::Stdout.write_with(|out| {
        if args.format == Format::Json {
            let rows: Vec<RuleRow> = rules
                .iter()
                .map(|r| RuleRow {
                    id: &r.id,
                    severity: r.severity.as_str(),
                    description: &r.description,
                    keywords: &r.keywords,
                    validate: r.validate.as_deref(),
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            return writeln!(out);
        }
        for r in &rules {
            writeln!(
                out,
                "{:<40} {:<9} {}",
                r.id,
                r.severity.as_str(),
                r.description
            )?;
        }
        writeln!(out, "{} rules", rules.len())
    })?;
    Ok(Outcome::Clean)
}
