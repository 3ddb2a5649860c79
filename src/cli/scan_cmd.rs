//! `keysweep scan`: check the arguments, load rules and config, walk, report, pick the exit
//! code. Every problem with the arguments is found before the first file is read.

use std::time::SystemTime;

use anyhow::Context;

use super::output::{finish_run, Reports};
use super::{Outcome, ScanArgs};
use crate::config::Config;
use crate::engine::ScannerBuilder;
use crate::filters::Filters;
use crate::report::ReportContext;
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
    let config = Config::discover(args.input.config.as_deref(), root_dir)?;
    let filters = Filters::new(&config)?;
    let scanner = ScannerBuilder::new()
        .rules(crate::rules::builtin_rules()?)
        .build()?;
    let reports = Reports::open(&args.report)?;

    let mut source = FsSource::new(args.paths.clone());
    source
        .threads(args.input.threads)
        .honor_ignore_files(!args.no_ignore)
        .max_file_size(args.input.max_file_size);
    let mut ctx = ScanContext::new(&scanner, &filters);
    ctx.list_binary = args.input.list_skipped;
    ctx.on_finding = reports.observer();
    let started = SystemTime::now();
    let outcome = scan_fs(&source, &ctx);
    let finished = SystemTime::now();

    // Report paths are relative to the one scanned directory, else to the current directory.
    let root = match root_dir {
        Some(dir) => dir.to_path_buf(),
        None => std::env::current_dir().context("cannot read the current directory")?,
    };
    let root = std::fs::canonicalize(&root)
        .or_else(|_| std::path::absolute(&root))
        .unwrap_or(root);
    finish_run(
        &outcome,
        reports,
        &ReportContext::new(root, started, finished),
        &args.report,
    )
}
