//! `keysweep git`: history, range and staged scans of a git repository.

use std::io::IsTerminal;

use std::time::SystemTime;

use super::output::{finish_run, Reports};
use super::{GitArgs, Outcome};
use crate::config::Config;
use crate::engine::ScannerBuilder;
use crate::filters::Filters;
use crate::report::{ReportContext, VcsContext};
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
    let config = Config::discover(args.input.config.as_deref(), repo.workdir())?;
    let filters = Filters::new(&config)?;
    let rules = crate::rules::builtin_rules()?;
    let cache = match &args.cache {
        Some(dir) => Some(BlobCache::open(dir, &rules).map_err(anyhow::Error::msg)?),
        None => None,
    };
    let scanner = ScannerBuilder::new().rules(rules).build()?;
    let reports = Reports::open(&args.report)?;

    let mut ctx = ScanContext::new(&scanner, &filters);
    ctx.list_binary = args.input.list_skipped;
    ctx.on_finding = reports.observer();
    let started = SystemTime::now();
    let outcome: ScanOutcome = if args.staged {
        scan_staged(&repo, args.input.max_file_size, &ctx)?
    } else {
        if repo.is_shallow() && !args.report.quiet {
            eprintln!("keysweep: warning: shallow clone: history before the cut is not scanned (see \"scope\" in the JSON report)");
        }
        let options = GitScanOptions {
            selection,
            max_file_size: args.input.max_file_size,
            threads: args.input.threads,
            progress: !args.no_progress && !args.report.quiet && std::io::stderr().is_terminal(),
            cache,
        };
        scan_history(repo.path(), &options, &ctx)?
    };
    let finished = SystemTime::now();

    let root = repo.workdir().unwrap_or_else(|| repo.path()).to_path_buf();
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    let mut context = ReportContext::new(root.clone(), started, finished);
    context.vcs = Some(VcsContext {
        repository_uri: repository_uri(&repo, &root),
        revision_id: repo
            .head()
            .ok()
            .and_then(|h| h.target())
            .map(|o| o.to_string()),
        branch: repo.head().ok().and_then(|h| h.name().map(str::to_string)),
    });
    finish_run(&outcome, reports, &context, &args.report)
}

/// The repository's `origin` URL when it has one (what code scanning shows), else its path.
fn repository_uri(repo: &git2::Repository, root: &std::path::Path) -> String {
    repo.find_remote("origin")
        .ok()
        .and_then(|r| r.url().map(str::to_string))
        .unwrap_or_else(|| format!("file://{}", root.display()))
}
