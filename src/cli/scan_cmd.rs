//! `keysweep scan`: check the arguments, load rules and config, walk, report, pick the exit
//! code. Every problem with the arguments is found before the first file is read.

use anyhow::Context;

use super::output::Output;
use super::{Outcome, ScanArgs};
use crate::config::Config;
use crate::engine::ScannerBuilder;
use crate::filters::Filters;
use crate::report::{write_report, ReportOptions};
use crate::scan::{scan_fs, ScanContext};
use crate::sources::fs::FsSource;

/// Runs a scan of files and directories.
pub fn run(args: ScanArgs) -> anyhow::Result<Outcome> {
    for p in &args.paths {
        // symlink_metadata: a dangling symlink named on the command line is still "there".
        std::fs::symlink_metadata(p).with_context(|| format!("{}: cannot scan", p.display()))?;
    }
    let root_dir = match args.paths.as_slice() {
        [only] if only.is_dir() => Some(only.as_path()),
        _ => None,
    };
    let config = Config::discover(args.config.as_deref(), root_dir)?;
    let filters = Filters::new(&config)?;
    let scanner = ScannerBuilder::new()
        .rules(crate::rules::builtin_rules()?)
        .build()?;
    let output = Output::open(args.report.output.as_deref())?;

    let mut source = FsSource::new(args.paths.clone());
    source
        .threads(args.threads)
        .honor_ignore_files(!args.no_ignore)
        .max_file_size(args.max_file_size);
    let mut ctx = ScanContext::new(&scanner, &filters);
    ctx.list_binary = args.list_skipped;
    let outcome = scan_fs(&source, &ctx);

    if !args.report.quiet || outcome.incomplete() {
        for s in outcome.skipped.iter().filter(|s| s.reason.is_error()) {
            eprintln!(
                "keysweep: warning: {}: {}",
                crate::report::escape::escape_for_terminal(&s.path),
                crate::report::escape::escape_for_terminal(&s.reason.to_string())
            );
        }
    }
    let options = ReportOptions {
        show_secrets: args.report.show_secrets,
        color: output.wants_color(),
    };
    let format = args.report.format;
    output.write_with(|w| write_report(format, &outcome, options, w))?;

    if outcome.incomplete() {
        eprintln!(
            "keysweep: error: scan incomplete: {} input(s) could not be read (listed in the report)",
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
