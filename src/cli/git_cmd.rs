//! `keysweep git`: history, range and staged scans of a git repository.

use std::io::IsTerminal;

use std::time::SystemTime;

use std::path::Path;

use super::output::{finish_run, Reports};
use super::{FilterArgs, GitArgs, InputArgs, Outcome};
use crate::report::{ReportContext, VcsContext};
use crate::scan::{FindingObserver, ScanContext, ScanOutcome};
use crate::scan_git::{scan_history, scan_staged, BlobCache, GitScanOptions};
use crate::sources::git::{open_repository, Selection};

/// Runs a git scan.
pub fn run(args: GitArgs) -> anyhow::Result<Outcome> {
    let selection = match (&args.range, &args.since, &args.branch) {
        (Some(range), _, _) => Selection::parse_range(range)?,
        (None, Some(base), branch) => Selection::Since {
            base: base.clone(),
            branch: branch.clone(),
        },
        (None, None, Some(branch)) => Selection::Branch(branch.clone()),
        (None, None, None) => Selection::AllRefs,
    };
    let reports = Reports::open(&args.report)?;
    let run = GitRun {
        repo: &args.repo,
        selection,
        staged: args.staged,
        input: &args.input,
        filter: &args.filter,
        quiet: args.report.quiet,
        progress: !args.no_progress,
        cache: args.cache.as_deref(),
    };
    let (outcome, context) = run.scan(reports.observer())?;
    finish_run(&outcome, reports, &context, &args.report)
}

/// A git scan as `git`, `baseline --git` and `explain --git` run it.
pub struct GitRun<'a> {
    /// Any path in the repository.
    pub repo: &'a Path,
    /// Which commits.
    pub selection: Selection,
    /// What the next commit adds, instead of history.
    pub staged: bool,
    /// How to read.
    pub input: &'a InputArgs,
    /// What to drop.
    pub filter: &'a FilterArgs,
    /// No warnings on stderr.
    pub quiet: bool,
    /// A progress bar when stderr is a terminal.
    pub progress: bool,
    /// `--cache DIR`.
    pub cache: Option<&'a Path>,
}

impl GitRun<'_> {
    /// Loads everything, scans, and gives the outcome with the report context.
    pub fn scan(
        self,
        observer: Option<FindingObserver<'_>>,
    ) -> anyhow::Result<(ScanOutcome, ReportContext)> {
        let repo = open_repository(self.repo)?;
        let loaded = super::setup::load(self.input, self.filter, repo.workdir(), self.quiet)?;
        let cache = match self.cache {
            Some(dir) => Some(
                BlobCache::open(
                    dir,
                    &loaded.rules,
                    self.input.max_decode_depth,
                    self.filter.report_invalid,
                )
                .map_err(anyhow::Error::msg)?,
            ),
            None => None,
        };
        let scanner = super::setup::scanner(loaded.rules, self.input, self.filter)?;

        let mut ctx = ScanContext::new(&scanner, &loaded.filters);
        ctx.list_binary = self.input.list_skipped;
        ctx.on_finding = observer;
        let whole_history = matches!(self.selection, Selection::AllRefs) && !self.staged;
        let started = SystemTime::now();
        let mut outcome: ScanOutcome = if self.staged {
            scan_staged(
                &repo,
                &self.input.expand_limits(),
                self.input.max_file_size,
                &ctx,
            )?
        } else {
            if repo.is_shallow() && !self.quiet {
                eprintln!("keysweep: warning: shallow clone: history before the cut is not scanned (see \"scope\" in the JSON report)");
            }
            let options = GitScanOptions {
                selection: self.selection,
                max_file_size: self.input.max_file_size,
                threads: self.input.threads,
                progress: self.progress && !self.quiet && std::io::stderr().is_terminal(),
                cache,
                expand: self.input.expand_limits(),
            };
            scan_history(repo.path(), &options, &ctx)?
        };
        let finished = SystemTime::now();
        if !whole_history {
            // Only a scan of all history can tell that an ignore entry matches nothing.
            outcome.stats.stale_ignore_entries.clear();
        }

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
        Ok((outcome, context))
    }
}

/// The repository's `origin` URL when it has one (what code scanning shows), else its path.
fn repository_uri(repo: &git2::Repository, root: &std::path::Path) -> String {
    repo.find_remote("origin")
        .ok()
        .and_then(|r| r.url().map(str::to_string))
        .unwrap_or_else(|| format!("file://{}", root.display()))
}
