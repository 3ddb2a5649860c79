//! `keysweep git`: history, range and staged scans of a git repository.

use std::io::IsTerminal;

use super::output::Output;
use super::{GitArgs, Outcome};
use crate::config::Config;
use crate::engine::ScannerBuilder;
use crate::filters::Filters;
use crate::report::escape::escape_for_terminal;
use crate::report::{write_report, ReportOptions};
use crate::scan::{ScanContext, ScanOutcome};
use crate::scan_git::{scan_history, scan_staged, BlobCache, GitScanOptions};
use crate::sources::git::{open_repository, Selection};

/// Runs a git scan.
pub fn run(args: GitArgs) -> anyhow::Result<Outcome> {
    let repo = open_repository(&args.repo)?;
    let selection = match (&args.range, &args.since, &args.branch) {
        (Some(range), _, _) => Selection::parse_range(range)?,
        (None, Some(base), branch) => Selection::Since {
            base: base.clone(),
            branch: branch.clone(),
        },
        (None, None, Some(branch)) => Selection::Branch(branch.clone()),
        (None, None, None) => Selection::AllRefs,
    };
    let config = Config::discover(args.config.as_deref(), repo.workdir())?;
    let filters = Filters::new(&config)?;
    let rules = crate::rules::builtin_rules()?;
    let cache = match &args.cache {
        Some(dir) => Some(BlobCache::open(dir, &rules).map_err(anyhow::Error::msg)?),
        None => None,
    };
    let scanner = ScannerBuilder::new().rules(rules).build()?;
    let output = Output::open(args.report.output.as_deref())?;

    let mut ctx = ScanContext::new(&scanner, &filters);
    ctx.list_binary = args.list_skipped;
    let outcome: ScanOutcome = if args.staged {
        scan_staged(&repo, args.max_file_size, &ctx)?
    } else {
        if repo.is_shallow() && !args.report.quiet {
            eprintln!("keysweep: warning: shallow clone: history before the cut is not scanned (see \"scope\" in the JSON report)");
        }
        let options = GitScanOptions {
            selection,
            max_file_size: args.max_file_size,
            threads: args.threads,
            progress: !args.no_progress && !args.report.quiet && std::io::stderr().is_terminal(),
            cache,
        };
        scan_history(repo.path(), &options, &ctx)?
    };

    for s in outcome.skipped.iter().filter(|s| s.reason.is_error()) {
        eprintln!(
            "keysweep: error: {}: {}",
            escape_for_terminal(&s.path),
            escape_for_terminal(&s.reason.to_string())
        );
    }
    let options = ReportOptions {
        show_secrets: args.report.show_secrets,
        color: output.wants_color(),
    };
    let format = args.report.format;
    output.write_with(|w| write_report(format, &outcome, options, w))?;
    if outcome.incomplete() {
        eprintln!(
            "keysweep: error: scan incomplete: {} object(s) could not be read (listed in the report)",
            outcome.stats.errors
        );
        return Ok(Outcome::Error);
    }
    Ok(if outcome.findings.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings(args.report.exit_code)
    })
}
