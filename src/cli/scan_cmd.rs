//! `keysweep scan`: check the arguments, load rules and config, walk, report, pick the exit
//! code. Every problem with the arguments is found before the first file is read.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Context;

use super::output::{finish_run, Reports};
use super::{FilterArgs, InputArgs, Outcome, ScanArgs};
use crate::report::ReportContext;
use crate::scan::{scan_fs, FindingObserver, ScanContext, ScanOutcome};
use crate::sources::fs::FsSource;

/// Runs a scan of files and directories.
pub fn run(args: ScanArgs) -> anyhow::Result<Outcome> {
    let reports_check = Reports::open(&args.report)?;
    let run = FsRun {
        paths: &args.paths,
        input: &args.input,
        filter: &args.filter,
        no_ignore: args.no_ignore,
        quiet: args.report.quiet,
    };
    let (outcome, context) = run.scan(reports_check.observer())?;
    finish_run(&outcome, reports_check, &context, &args.report)
}

/// A scan of files and directories as `scan`, `baseline` and `explain` run it.
pub struct FsRun<'a> {
    /// What to scan.
    pub paths: &'a [PathBuf],
    /// How to read.
    pub input: &'a InputArgs,
    /// What to drop.
    pub filter: &'a FilterArgs,
    /// Do not honour ignore files.
    pub no_ignore: bool,
    /// No warnings on stderr.
    pub quiet: bool,
}

impl FsRun<'_> {
    /// Loads everything, scans, and gives the outcome with the report context (paths are
    /// relative to the one scanned directory, else to the current directory).
    pub fn scan(
        &self,
        observer: Option<FindingObserver<'_>>,
    ) -> anyhow::Result<(ScanOutcome, ReportContext)> {
        for p in self.paths {
            // symlink_metadata: a dangling symlink named on the command line is still "there".
            std::fs::symlink_metadata(p)
                .with_context(|| format!("{}: cannot scan", p.display()))?;
        }
        let root_dir: Option<&Path> = match self.paths {
            [only] if only.is_dir() => Some(only.as_path()),
            _ => None,
        };
        // Files and several paths: the config and ignore file of the work tree they are in,
        // whose root their report paths are relative to (see `PathDisplay`).
        let work_tree = match root_dir {
            Some(_) => None,
            None => std::env::current_dir()
                .ok()
                .and_then(|d| std::fs::canonicalize(d).ok())
                .and_then(|d| crate::sources::fs::work_tree_root(&d)),
        };
        let config_root = root_dir.or(work_tree.as_deref());
        let loaded = super::setup::load(self.input, self.filter, config_root, self.quiet)?;
        let scanner = super::setup::scanner(loaded.rules, self.input, self.filter)?;

        let mut source = FsSource::new(self.paths.to_vec());
        source
            .threads(self.input.threads)
            .honor_ignore_files(!self.no_ignore)
            .max_file_size(self.input.max_file_size)
            .max_archive_depth(self.input.max_archive_depth);
        if let Some(tree) = &work_tree {
            source.paths_relative_to(tree.clone());
        }
        let mut ctx = ScanContext::new(&scanner, &loaded.filters);
        ctx.list_binary = self.input.list_skipped;
        ctx.on_finding = observer;
        let started = SystemTime::now();
        let mut outcome = scan_fs(&source, &ctx);
        let finished = SystemTime::now();
        if root_dir.is_none() {
            // Only a scan of the whole root can tell that an ignore entry matches nothing.
            outcome.stats.stale_ignore_entries.clear();
        }

        let root = match (root_dir, &work_tree) {
            (Some(dir), _) => dir.to_path_buf(),
            (None, Some(tree)) => tree.clone(),
            (None, None) => std::env::current_dir().context("cannot read the current directory")?,
        };
        let root = std::fs::canonicalize(&root)
            .or_else(|_| std::path::absolute(&root))
            .unwrap_or(root);
        Ok((outcome, ReportContext::new(root, started, finished)))
    }
}
