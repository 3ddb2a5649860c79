//! Where a report goes. A report file is created (as a temporary file beside the target) before
//! the scan starts, so a bad output path fails at once rather than after a long scan, and it is
//! renamed into place only when complete — except JSON Lines, which is written in place as
//! findings come, so that a reader can follow it. [`Reports`] writes every report of a run.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Context;

use super::{Outcome, ReportArgs};
use crate::finding::Finding;
use crate::report::{jsonl, write_report, Format, ReportContext, ReportOptions};
use crate::rules::Severity;
use crate::scan::{FindingObserver, FindingSink, ScanOutcome};

/// Standard output, or a temporary file that becomes `path` on [`Reports::finish`].
pub enum Output {
    /// Standard output.
    Stdout,
    /// A file being written.
    File {
        /// The temporary file.
        tmp: tempfile::NamedTempFile,
        /// Where it goes when complete.
        path: PathBuf,
    },
    /// A destination that must be written in place, not replaced: a device such as
    /// `/dev/null`, a FIFO, or a symlink (renaming over them would destroy them).
    Direct {
        /// The open destination.
        file: std::fs::File,
        /// Its path, for errors.
        path: PathBuf,
    },
}

impl Output {
    /// Opens the destination: `None` is standard output.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        let Some(path) = path else {
            return Ok(Output::Stdout);
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            anyhow::bail!(
                "{}: output directory {} does not exist",
                path.display(),
                dir.display()
            );
        }
        match std::fs::symlink_metadata(path) {
            Ok(m) if m.is_dir() => anyhow::bail!("{}: is a directory", path.display()),
            Ok(m) if !m.is_file() => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .truncate(true)
                    .open(path)
                    .with_context(|| format!("{}: cannot open the report file", path.display()))?;
                return Ok(Output::Direct {
                    file,
                    path: path.to_path_buf(),
                });
            }
            _ => {}
        }
        let tmp = tempfile::Builder::new()
            .prefix(".keysweep-report-")
            .tempfile_in(dir)
            .with_context(|| format!("{}: cannot create the report file", path.display()))?;
        Ok(Output::File {
            tmp,
            path: path.to_path_buf(),
        })
    }

    /// True when colour makes sense: standard output is a terminal and `NO_COLOR` is unset.
    pub fn wants_color(&self) -> bool {
        matches!(self, Output::Stdout)
            && io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    }

    /// Writes the report with `write` and puts the file in place.
    pub fn write_with(
        self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        match self {
            Output::Stdout => {
                let stdout = io::stdout();
                let mut lock = io::BufWriter::new(stdout.lock());
                match write(&mut lock).and_then(|()| lock.flush()) {
                    Ok(()) => Ok(()),
                    // A closed pipe (`keysweep scan | head`) is the reader's choice, not an error.
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                    Err(e) => Err(e).context("cannot write the report to standard output"),
                }
            }
            Output::File { tmp, path } => {
                let mut w = io::BufWriter::new(tmp.as_file());
                write(&mut w)
                    .and_then(|()| w.flush())
                    .with_context(|| format!("{}: cannot write the report", path.display()))?;
                drop(w);
                tmp.persist(&path)
                    .map_err(|e| e.error)
                    .with_context(|| format!("{}: cannot write the report", path.display()))?;
                Ok(())
            }
            Output::Direct { file, path } => {
                let mut w = io::BufWriter::new(file);
                write(&mut w)
                    .and_then(|()| w.flush())
                    .with_context(|| format!("{}: cannot write the report", path.display()))
            }
        }
    }
}

/// One `--report FORMAT:PATH` (or `--format`/`--output`): a format and where it goes (`None`:
/// standard output).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSpec {
    /// The format.
    pub format: Format,
    /// The file, or `None` for standard output (`-`).
    pub path: Option<PathBuf>,
}

/// Parses `FORMAT:PATH` for `--report` (`-` as PATH is standard output). The format is the part
/// before the first ':', so a PATH may hold ':' itself.
pub fn parse_report_spec(s: &str) -> Result<ReportSpec, String> {
    let (name, path) = s
        .split_once(':')
        .ok_or_else(|| format!("'{s}': expected FORMAT:PATH, e.g. sarif:keysweep.sarif"))?;
    let format = <Format as clap::ValueEnum>::from_str(name, true).map_err(|_| {
        format!("'{name}': unknown format (text, json, jsonl, sarif, csv, junit, gitlab)")
    })?;
    if path.is_empty() {
        return Err(format!(
            "'{s}': no PATH after '{name}:' (use - for standard output)"
        ));
    }
    Ok(ReportSpec {
        format,
        path: (path != "-").then(|| PathBuf::from(path)),
    })
}

/// Parses a severity name for `--fail-on`.
pub fn parse_severity(s: &str) -> Result<Severity, String> {
    match s.to_ascii_lowercase().as_str() {
        "critical" => Ok(Severity::Critical),
        "high" => Ok(Severity::High),
        "medium" => Ok(Severity::Medium),
        "low" => Ok(Severity::Low),
        _ => Err(format!(
            "'{s}': unknown severity (critical, high, medium, low)"
        )),
    }
}

/// Every report a run writes (`--format`/`--output` and each `--report`), opened before the
/// scan so that a bad destination fails at once. Streaming formats (JSON Lines) are written
/// finding by finding through [`Reports::stream`]; the others once, by [`Reports::finish`].
/// A subcommand that reports calls `open` before scanning, sets `ScanContext::on_finding` to
/// [`Reports::observer`], then calls `finish` and [`exit_outcome`].
pub struct Reports {
    destinations: Vec<Destination>,
    show_secrets: bool,
}

struct Destination {
    format: Format,
    sink: Sink,
}

enum Sink {
    /// Written whole at the end.
    Whole(Output),
    /// Written as findings come.
    Stream(Mutex<Stream>),
}

struct Stream {
    out: Box<dyn Write + Send>,
    /// `path` or "standard output", for errors.
    name: String,
    /// The first write error; later findings are not written.
    error: Option<io::Error>,
}

impl Reports {
    /// Opens every destination of `args`: at most one may be standard output, and no two may be
    /// the same file. The default, without `--format`, `--output` or `--report`, is text on
    /// standard output.
    pub fn open(args: &ReportArgs) -> anyhow::Result<Reports> {
        let mut specs = Vec::new();
        if args.format.is_some() || args.output.is_some() || args.report.is_empty() {
            specs.push(ReportSpec {
                format: args.format.unwrap_or(Format::Text),
                path: args.output.clone(),
            });
        }
        specs.extend(args.report.iter().cloned());
        if specs.iter().filter(|s| s.path.is_none()).count() > 1 {
            anyhow::bail!(
                "more than one report goes to standard output; give all but one a file \
                 (--output FILE, --report FORMAT:FILE)"
            );
        }
        for (i, a) in specs.iter().enumerate() {
            if let Some(p) = &a.path {
                if specs[..i].iter().any(|b| b.path.as_ref() == Some(p)) {
                    anyhow::bail!(
                        "{}: more than one report would be written there",
                        p.display()
                    );
                }
            }
        }
        let destinations = specs
            .into_iter()
            .map(|s| {
                let sink = if s.format.streams() {
                    Sink::Stream(Mutex::new(Stream::open(s.path.as_deref())?))
                } else {
                    Sink::Whole(Output::open(s.path.as_deref())?)
                };
                Ok(Destination {
                    format: s.format,
                    sink,
                })
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Reports {
            destinations,
            show_secrets: args.show_secrets,
        })
    }

    /// True when some report wants findings as they are found.
    pub fn streams(&self) -> bool {
        self.destinations
            .iter()
            .any(|d| matches!(d.sink, Sink::Stream(_)))
    }

    /// The scan observer to install when some report streams (`None` otherwise, so that a
    /// scan without streaming formats pays nothing per finding).
    pub fn observer(&self) -> Option<FindingObserver<'_>> {
        if self.streams() {
            Some(self)
        } else {
            None
        }
    }

    /// Writes one confirmed finding to every streaming report (called from worker threads).
    pub fn stream(&self, finding: &Finding) {
        for d in &self.destinations {
            if let Sink::Stream(stream) = &d.sink {
                let mut s = stream.lock().unwrap_or_else(|p| p.into_inner());
                if s.error.is_none() {
                    let res = jsonl::write_finding(finding, self.show_secrets, &mut s.out)
                        .and_then(|()| s.out.flush());
                    if let Err(e) = res {
                        s.error = Some(e);
                    }
                }
            }
        }
    }

    /// Writes the reports that are written whole and closes the streaming ones. Every report is
    /// attempted; the first failure is returned.
    pub fn finish(self, outcome: &ScanOutcome, context: &ReportContext) -> anyhow::Result<()> {
        let mut first_error = None;
        for d in self.destinations {
            let res = match d.sink {
                Sink::Whole(output) => {
                    let options = ReportOptions {
                        show_secrets: self.show_secrets,
                        color: d.format == Format::Text && output.wants_color(),
                    };
                    output.write_with(|w| write_report(d.format, outcome, options, context, w))
                }
                Sink::Stream(stream) => stream
                    .into_inner()
                    .unwrap_or_else(|p| p.into_inner())
                    .close(),
            };
            if let Err(e) = res {
                first_error.get_or_insert(e);
            }
        }
        first_error.map_or(Ok(()), Err)
    }
}

impl Stream {
    /// Standard output, or `path` created (or truncated) now and written in place, so that a
    /// reader can follow it while the scan runs.
    fn open(path: Option<&Path>) -> anyhow::Result<Stream> {
        let Some(path) = path else {
            return Ok(Stream {
                out: Box::new(io::stdout()),
                name: "standard output".to_string(),
                error: None,
            });
        };
        let file = std::fs::File::create(path)
            .with_context(|| format!("{}: cannot create the report file", path.display()))?;
        Ok(Stream {
            out: Box::new(file),
            name: path.display().to_string(),
            error: None,
        })
    }

    fn close(mut self) -> anyhow::Result<()> {
        let res = match self.error.take() {
            Some(e) => Err(e),
            None => self.out.flush(),
        };
        match res {
            Ok(()) => Ok(()),
            // A closed pipe (`keysweep scan --format jsonl | head`) is the reader's choice.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(e).with_context(|| format!("{}: cannot write the report", self.name)),
        }
    }
}

/// Ends a run the same way for every command: each input that could not be read is named on
/// stderr, the reports are written, an incomplete scan is said to be one, and the exit outcome
/// is chosen.
pub fn finish_run(
    outcome: &ScanOutcome,
    reports: Reports,
    context: &ReportContext,
    args: &ReportArgs,
) -> anyhow::Result<Outcome> {
    use crate::report::escape::escape_for_terminal;
    if crate::interrupt::requested() {
        // What was found so far is not a scan result: no report (the temporary files go away
        // with `reports`), nothing that could pass for one.
        eprintln!("keysweep: interrupted: no report written");
        return Ok(Outcome::Interrupted);
    }
    let warn = |s: &&crate::error::ScanError| {
        s.reason.is_error()
            || (!args.quiet
                && matches!(
                    s.reason,
                    crate::error::SkipReason::ArchiveLimit(_)
                        | crate::error::SkipReason::BadArchive(_)
                ))
    };
    for s in outcome.skipped.iter().filter(warn) {
        eprintln!(
            "keysweep: warning: {}: {}",
            escape_for_terminal(&s.path),
            escape_for_terminal(&s.reason.to_string())
        );
    }
    if args.verbose {
        for d in &outcome.dropped {
            let f = &d.finding;
            eprintln!(
                "keysweep: dropped {}:{} {} [{}]: {}",
                escape_for_terminal(&f.path),
                f.span.line,
                f.rule_id,
                &f.fingerprint[..f.fingerprint.len().min(16)],
                escape_for_terminal(&d.reason.describe())
            );
        }
    }
    if !args.quiet {
        for entry in &outcome.stats.stale_ignore_entries {
            eprintln!(
                "keysweep: warning: stale ignore entry (matched nothing, remove it): {}",
                escape_for_terminal(entry)
            );
        }
    }
    reports.finish(outcome, context)?;
    if outcome.incomplete() {
        eprintln!(
            "keysweep: error: scan incomplete: {} input(s) could not be read (listed in the report)",
            outcome.stats.errors
        );
    }
    Ok(exit_outcome(outcome, args))
}

/// The exit outcome of a finished scan: an incomplete scan is an error whatever was found;
/// otherwise findings fail the run (`--exit-code`, default 1) only if one is at or above
/// `--fail-on` (any, without it).
pub fn exit_outcome(outcome: &ScanOutcome, args: &ReportArgs) -> Outcome {
    if outcome.incomplete() {
        return Outcome::Error;
    }
    let failing = outcome
        .findings
        .iter()
        .any(|f| args.fail_on.is_none_or(|min| f.severity >= min));
    if failing {
        Outcome::Findings(args.exit_code)
    } else {
        Outcome::Clean
    }
}

impl FindingSink for Reports {
    fn found(&self, finding: &Finding) {
        self.stream(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_specs() {
        assert_eq!(
            parse_report_spec("sarif:out/a.sarif"),
            Ok(ReportSpec {
                format: Format::Sarif,
                path: Some(PathBuf::from("out/a.sarif"))
            })
        );
        assert_eq!(
            parse_report_spec("JSONL:-"),
            Ok(ReportSpec {
                format: Format::Jsonl,
                path: None
            })
        );
        assert_eq!(
            parse_report_spec("csv:c:/x.csv").map(|s| s.path),
            Ok(Some(PathBuf::from("c:/x.csv")))
        );
        assert!(parse_report_spec("sarif").is_err());
        assert!(parse_report_spec("sarif:").is_err());
        assert!(parse_report_spec("pdf:x.pdf").is_err());
        assert_eq!(parse_severity("High"), Ok(Severity::High));
        assert!(parse_severity("urgent").is_err());
    }
}
