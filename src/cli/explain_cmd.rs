//! `keysweep explain FINGERPRINT`: scans the way `scan` (or `git` with `--git`) does and says,
//! for the finding with that fingerprint, which rule matched (and what it looks for), which
//! validator proved it, and whether a filter dropped it and which. For a user wondering "why is
//! this reported?" or "why is this not reported any more?". Never prints the secret.

use super::output::Output;
use super::{ExplainArgs, Outcome};
use crate::config::Config;
use crate::finding::Finding;
use crate::report::redact::redact;

/// Explains one finding; exit 2 when no finding has the fingerprint.
pub fn run(args: ExplainArgs) -> anyhow::Result<Outcome> {
    let wanted = args.fingerprint.trim().to_ascii_lowercase();
    if wanted.len() < 8 || wanted.len() > 64 || !wanted.bytes().all(|b| b.is_ascii_hexdigit()) {
        anyhow::bail!(
            "'{}' is not a fingerprint (8 to 64 hex digits, as reports and baselines give it)",
            args.fingerprint
        );
    }
    let (outcome, context) = super::setup::scan_tree_or_history(
        &args.path,
        args.git.as_deref(),
        &args.input,
        &args.filter,
        true,
    )?;
    if crate::interrupt::requested() {
        eprintln!("keysweep: interrupted");
        return Ok(Outcome::Interrupted);
    }
    let reported = outcome
        .findings
        .iter()
        .filter(|f| f.fingerprint.starts_with(&wanted))
        .map(|f| (f, None));
    let dropped = outcome
        .dropped
        .iter()
        .filter(|d| d.finding.fingerprint.starts_with(&wanted))
        .map(|d| (&d.finding, Some(d.reason.describe())));
    let places: Vec<(&Finding, Option<String>)> = reported.chain(dropped).collect();
    let mut fingerprints: Vec<&str> = places.iter().map(|(f, _)| f.fingerprint.as_str()).collect();
    fingerprints.sort();
    fingerprints.dedup();
    match fingerprints.len() {
        0 => anyhow::bail!(
            "no finding has the fingerprint {wanted} in {} ({} files scanned); the secret, its rule or its path changed, or the rule is disabled",
            context.root.display(),
            outcome.stats.files_scanned
        ),
        1 => {}
        _ => anyhow::bail!(
            "the prefix {wanted} is ambiguous: {}",
            fingerprints.join(", ")
        ),
    }
    let root = match &args.git {
        Some(_) => Some(context.root.as_path()),
        None => args.path.is_dir().then_some(args.path.as_path()),
    };
    let config = Config::discover(args.input.config.as_deref(), root)?;
    let rules = config.rules(crate::rules::builtin_rules()?)?;
    Output::Stdout.write_with(|out| {
        let (first, _) = places[0];
        writeln!(out, "fingerprint  {}", first.fingerprint)?;
        writeln!(
            out,
            "             sha256 of the rule id, the secret and the path (not the line)"
        )?;
        if let Some(rule) = rules.iter().find(|r| r.id == first.rule_id) {
            writeln!(
                out,
                "rule         {} ({}): {}",
                rule.id,
                rule.severity.as_str(),
                rule.description
            )?;
            if !rule.keywords.is_empty() {
                writeln!(out, "keywords     {}", rule.keywords.join(", "))?;
            }
            writeln!(out, "regex        {}", rule.regex)?;
            if let Some(e) = rule.min_entropy {
                writeln!(
                    out,
                    "entropy      at least {e} bits per byte (this secret: {:.2})",
                    first.entropy
                )?;
            }
            let validation = match (&rule.validate, &first.validation) {
                (_, Some(v)) if first.validation_failed => {
                    format!("{v}: FAILED (reported because of --report-invalid)")
                }
                (_, Some(v)) => {
                    format!("{v}: passed (checked offline, from the secret's structure)")
                }
                (Some(v), None) => format!("{v}: not run"),
                (None, None) => "none: this format has no offline check".to_string(),
            };
            writeln!(out, "validator    {validation}")?;
            if !rule.source_file.is_empty() {
                writeln!(out, "defined in   {}", rule.source_file)?;
            }
        }
        writeln!(out, "secret       {}", redact(&first.secret))?;
        for (f, drop) in &places {
            let mut place = format!("{}:{}:{}", f.path, f.span.line, f.span.column);
            if let Some(g) = &f.git {
                place.push_str(&format!(
                    " (commit {}, {} <{}>, {})",
                    g.commit, g.author, g.email, g.date
                ));
            }
            match drop {
                None => writeln!(out, "found at     {place}: reported")?,
                Some(why) => writeln!(out, "found at     {place}: dropped by {why}")?,
            }
        }
        Ok(())
    })?;
    Ok(Outcome::Clean)
}
