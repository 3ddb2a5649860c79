//! Joins the pipeline for one run: a source's blobs go through the engine, located findings go
//! through the filters, and what survives is gathered with the skipped inputs and the stats.
//! Each worker thread gathers locally and merges once when it ends, so threads never contend
//! per finding.

use std::sync::Mutex;
use std::time::Instant;

use serde::Serialize;

use crate::engine::Scanner;
use crate::error::{ScanError, SkipReason};
use crate::filters::{lines_around, DropCounts, Dropped, Filters};
use crate::finding::{locate, Finding};
use crate::sources::fs::FsSource;
use crate::sources::BlobSink;

/// Counters for the report's `stats`.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Files read and scanned.
    pub files_scanned: u64,
    /// Bytes scanned.
    pub bytes_scanned: u64,
    /// Files skipped as binary.
    pub skipped_binary: u64,
    /// Files skipped for exceeding `--max-file-size`.
    pub skipped_too_large: u64,
    /// FIFOs, sockets and devices not read.
    pub skipped_not_file: u64,
    /// Archives (or their rest) not opened: a limit was reached, or they cannot be read.
    pub skipped_archive: u64,
    /// Inputs that could not be read: any makes the run incomplete (exit 2).
    pub errors: u64,
    /// Findings reported.
    pub findings: u64,
    /// Findings dropped, per filter.
    pub dropped: DropCounts,
    /// Ignore file entries that matched nothing in this scan (`file:line: entry`): remove them.
    pub stale_ignore_entries: Vec<String>,
    /// Wall time of the scan in milliseconds (the only field that differs between two runs).
    pub duration_ms: u64,
}

/// Everything a scan produced.
#[derive(Debug, Default)]
pub struct ScanOutcome {
    /// Findings in report order.
    pub findings: Vec<Finding>,
    /// Inputs not scanned: too large, unreadable, special files (binary ones only when asked).
    pub skipped: Vec<ScanError>,
    /// Counters.
    pub stats: Stats,
    /// Findings the filters dropped, with the reason, in report order (for `--verbose`,
    /// `explain` and the JSON report's `suppressions`).
    pub dropped: Vec<Dropped>,
    /// What part of a git repository was scanned (`keysweep git` only), so that a partial scan
    /// (a shallow clone, a range) never passes for a full one.
    pub scope: Option<GitScope>,
}

/// The extent of a git scan, reported as `scope` in JSON.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct GitScope {
    /// `history` (all refs or one branch), `range`, `since` or `staged`.
    pub mode: &'static str,
    /// The range or revision given, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revisions: Option<String>,
    /// Commits walked.
    pub commits: u64,
    /// Unique blobs found in those commits (scanned, cached, or skipped).
    pub blobs: u64,
    /// Blobs not rescanned because `--cache` knew them clean.
    pub cached_blobs: u64,
    /// True for a shallow clone: history before the cut was not scanned.
    pub shallow: bool,
}

impl ScanOutcome {
    /// True when some input could not be read: the scan is incomplete and must not pass.
    pub fn incomplete(&self) -> bool {
        self.stats.errors > 0
    }
}

/// Sees each finding as soon as it is confirmed (after the filters), from any worker thread:
/// streaming formats write it at once. Closures are observers too.
pub trait FindingSink: Sync {
    /// One confirmed finding.
    fn found(&self, finding: &Finding);
}

impl<F: Fn(&Finding) + Sync> FindingSink for F {
    fn found(&self, finding: &Finding) {
        self(finding)
    }
}

/// The observer a [`ScanContext`] hands findings to.
pub type FindingObserver<'a> = &'a dyn FindingSink;

/// What every scan needs besides its source: the engine, the filters and the reporting policy.
#[derive(Clone, Copy)]
pub struct ScanContext<'a> {
    /// The compiled rules.
    pub scanner: &'a Scanner,
    /// What the user allowed.
    pub filters: &'a Filters,
    /// List binary files in `skipped` too (they are always counted).
    pub list_binary: bool,
    /// Sees each confirmed finding as it is found (for streaming reports).
    pub on_finding: Option<FindingObserver<'a>>,
}

impl<'a> ScanContext<'a> {
    /// A context with no streaming observer and binary files only counted.
    pub fn new(scanner: &'a Scanner, filters: &'a Filters) -> ScanContext<'a> {
        ScanContext {
            scanner,
            filters,
            list_binary: false,
            on_finding: None,
        }
    }
}

impl ScanContext<'_> {
    /// Applies the filters to one finding, `line` being the text of its line(s): true to keep
    /// it, otherwise the drop is counted in `counts` and recorded in `log`. Every source goes
    /// through here, so every drop is counted the same way.
    pub fn allows(
        &self,
        finding: &Finding,
        line: &[u8],
        counts: &mut DropCounts,
        log: &mut Vec<Dropped>,
    ) -> bool {
        self.record(self.filters.check(finding, line), finding, counts, log)
    }

    /// [`ScanContext::allows`] for the conditions on commits, once history has attributed a
    /// finding to one.
    pub fn allows_attributed(
        &self,
        finding: &Finding,
        counts: &mut DropCounts,
        log: &mut Vec<Dropped>,
    ) -> bool {
        self.record(self.filters.check_attributed(finding), finding, counts, log)
    }

    fn record(
        &self,
        verdict: Result<(), crate::filters::DropReason>,
        finding: &Finding,
        counts: &mut DropCounts,
        log: &mut Vec<Dropped>,
    ) -> bool {
        match verdict {
            Ok(()) => true,
            Err(reason) => {
                counts.add(&reason);
                log.push(Dropped {
                    finding: finding.clone(),
                    reason,
                });
                false
            }
        }
    }

    /// Hands a kept finding to the streaming observer, if there is one.
    pub fn observe(&self, finding: &Finding) {
        if let Some(observer) = self.on_finding {
            observer.found(finding);
        }
    }
}

/// Scans the filesystem source.
pub fn scan_fs(source: &FsSource, ctx: &ScanContext<'_>) -> ScanOutcome {
    let started = Instant::now();
    let shared = Mutex::new(ScanOutcome::default());
    source.run(|| {
        Box::new(Worker {
            ctx: *ctx,
            local: ScanOutcome::default(),
            shared: &shared,
        })
    });
    let mut outcome = shared
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    outcome
        .findings
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    outcome.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    outcome
        .dropped
        .sort_by(|a, b| a.finding.sort_key().cmp(&b.finding.sort_key()));
    outcome.stats.findings = outcome.findings.len() as u64;
    outcome.stats.stale_ignore_entries = ctx.filters.stale_ignore_entries(false);
    outcome.stats.duration_ms = started.elapsed().as_millis() as u64;
    outcome
}

/// Scans one in-memory blob: the same path a file takes, for tests and the rule examples.
pub fn scan_bytes(scanner: &Scanner, filters: &Filters, path: &str, data: &[u8]) -> Vec<Finding> {
    let mut worker = Worker {
        ctx: ScanContext::new(scanner, filters),
        local: ScanOutcome::default(),
        shared: &Mutex::new(ScanOutcome::default()),
    };
    worker.blob(path, data);
    std::mem::take(&mut worker.local.findings)
}

struct Worker<'a> {
    ctx: ScanContext<'a>,
    local: ScanOutcome,
    shared: &'a Mutex<ScanOutcome>,
}

impl BlobSink for Worker<'_> {
    fn blob(&mut self, path: &str, data: &[u8]) {
        self.local.stats.files_scanned += 1;
        self.local.stats.bytes_scanned += data.len() as u64;
        let matches = self.ctx.scanner.scan_file(path, data);
        if matches.is_empty() {
            return;
        }
        for finding in locate(self.ctx.scanner, path, data, &matches) {
            let line = lines_around(data, finding.offset.clone());
            let local = &mut self.local;
            if self
                .ctx
                .allows(&finding, line, &mut local.stats.dropped, &mut local.dropped)
            {
                self.ctx.observe(&finding);
                self.local.findings.push(finding);
            }
        }
    }

    fn skipped(&mut self, error: ScanError) {
        let stats = &mut self.local.stats;
        let listed = match &error.reason {
            SkipReason::Binary => {
                stats.skipped_binary += 1;
                self.ctx.list_binary
            }
            SkipReason::TooLarge(_) => {
                stats.skipped_too_large += 1;
                true
            }
            SkipReason::NotAFile => {
                stats.skipped_not_file += 1;
                true
            }
            SkipReason::ArchiveLimit(_) | SkipReason::BadArchive(_) => {
                stats.skipped_archive += 1;
                true
            }
            SkipReason::Unreadable(_) => {
                stats.errors += 1;
                true
            }
        };
        if listed {
            self.local.skipped.push(error);
        }
    }
}

impl Drop for Worker<'_> {
    fn drop(&mut self) {
        let mut shared = self
            .shared
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let local = std::mem::take(&mut self.local);
        shared.findings.extend(local.findings);
        shared.skipped.extend(local.skipped);
        shared.dropped.extend(local.dropped);
        let (s, l) = (&mut shared.stats, &local.stats);
        s.files_scanned += l.files_scanned;
        s.bytes_scanned += l.bytes_scanned;
        s.skipped_binary += l.skipped_binary;
        s.skipped_too_large += l.skipped_too_large;
        s.skipped_not_file += l.skipped_not_file;
        s.skipped_archive += l.skipped_archive;
        s.errors += l.errors;
        s.dropped.merge(&l.dropped);
    }
}
