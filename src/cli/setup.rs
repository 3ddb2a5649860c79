//! What every scanning command sets up the same way before reading a file: the config (found
//! at the scanned root or given with `--config`), the rule set it asks for, and the filters
//! (allowlists, inline allow, ignore files, baseline). All of it fails before the scan starts.

use std::path::Path;

use super::{FilterArgs, InputArgs};
use crate::config::Config;
use crate::filters::baseline::Baseline;
use crate::filters::ignore_file::IgnoreFile;
use crate::filters::Filters;
use crate::rules::Rule;

/// The rules and filters of one run.
pub struct Loaded {
    /// Built-in rules (minus disabled ones) and custom ones.
    pub rules: Vec<Rule>,
    /// What to drop.
    pub filters: Filters,
}

/// The scanner of a CLI run, never dropped: the process ends after the report, and freeing a
/// thousand rules with their compiled regexes and per-thread caches cost a millisecond of every
/// run.
pub fn scanner(
    rules: Vec<Rule>,
    input: &InputArgs,
    filter: &FilterArgs,
) -> anyhow::Result<std::mem::ManuallyDrop<crate::engine::Scanner>> {
    let scanner = crate::engine::ScannerBuilder::new()
        .rules(rules)
        .max_decode_depth(input.max_decode_depth)
        .report_invalid(filter.report_invalid)
        .build()?;
    Ok(std::mem::ManuallyDrop::new(scanner))
}

/// Loads config, rules and filters for a scan rooted at `root` (the scanned directory or the
/// repository's work tree, when there is one). Config warnings (gitleaks keys keysweep does not
/// apply) go to stderr unless `quiet`.
pub fn load(
    input: &InputArgs,
    filter: &FilterArgs,
    root: Option<&Path>,
    quiet: bool,
) -> anyhow::Result<Loaded> {
    let config = Config::discover(input.config.as_deref(), root)?;
    if !quiet {
        for w in &config.warnings {
            eprintln!("keysweep: warning: {w}");
        }
    }
    let rules = config.rules(crate::rules::builtin_rules()?)?;
    let mut filters = Filters::new(&config, &rules)?
        .with_inline_allow(!filter.ignore_inline_allow)
        .with_min_severity(filter.min_severity);
    if let Some(root) = root {
        filters = filters.with_ignore_file(IgnoreFile::discover(root)?);
    }
    if let Some(path) = &filter.baseline {
        filters = filters.with_baseline(Baseline::load(path)?);
    }
    Ok(Loaded { rules, filters })
}

/// A full scan of the directory `path`, or of all of `git`'s history when given: what
/// `baseline` and `explain` look at (with the same config and filters as `scan` and `git`).
pub fn scan_tree_or_history(
    path: &Path,
    git: Option<&Path>,
    input: &InputArgs,
    filter: &FilterArgs,
    quiet: bool,
) -> anyhow::Result<(crate::scan::ScanOutcome, crate::report::ReportContext)> {
    match git {
        Some(repo) => super::git_cmd::GitRun {
            repo,
            selection: crate::sources::git::Selection::AllRefs,
            staged: false,
            input,
            filter,
            quiet,
            progress: true,
            cache: None,
        }
        .scan(None),
        None => super::scan_cmd::FsRun {
            paths: std::slice::from_ref(&path.to_path_buf()),
            input,
            filter,
            no_ignore: false,
            quiet,
        }
        .scan(None),
    }
}
