//! `keysweep baseline`: scan (files, or all of a repository's history) and write what was found
//! as a baseline (see `filters::baseline`). The scan is the one `scan`/`git` run, with the
//! same config and filters, so the baseline holds exactly what they would report.

use super::output::Output;
use super::{BaselineArgs, FilterArgs, Outcome};
use crate::filters::baseline;

/// Writes the baseline. An incomplete scan writes nothing (a baseline that misses findings
/// would hide them later) and exits 2.
pub fn run(args: BaselineArgs) -> anyhow::Result<Outcome> {
    let output = Output::open(Some(&args.output))?;
    let filter = FilterArgs {
        ignore_inline_allow: args.ignore_inline_allow,
        ..FilterArgs::default()
    };
    let (outcome, _) = super::setup::scan_tree_or_history(
        &args.path,
        args.git.as_deref(),
        &args.input,
        &filter,
        args.quiet,
    )?;
    if crate::interrupt::requested() {
        eprintln!("keysweep: interrupted");
        return Ok(Outcome::Interrupted);
    }
    if outcome.incomplete() {
        for s in outcome.skipped.iter().filter(|s| s.reason.is_error()) {
            eprintln!("keysweep: warning: {}: {}", s.path, s.reason);
        }
        anyhow::bail!(
            "{}: not written: the scan is incomplete ({} input(s) could not be read)",
            args.output.display(),
            outcome.stats.errors
        );
    }
    let json = baseline::to_json(&outcome.findings);
    output.write_with(|w| w.write_all(json.as_bytes()))?;
    if !args.quiet {
        eprintln!(
            "keysweep: baseline of {} finding(s) written to {}",
            outcome.findings.len(),
            args.output.display()
        );
    }
    Ok(Outcome::Clean)
}
