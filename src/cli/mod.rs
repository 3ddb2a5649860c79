//! Command-line definitions (clap derive), one file per subcommand. Raw flags are checked and
//! turned into library calls in the subcommand files; `main.rs` only maps the result to an exit
//! code.

pub mod baseline_cmd;
pub mod explain_cmd;
pub mod git_cmd;
pub mod hook_cmd;
pub mod output;
pub mod rules_cmd;
pub mod scan_cmd;
pub mod setup;
mod size;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::report::Format;

/// keysweep: find leaked API keys, tokens, private keys and wallet secrets, offline.
#[derive(Debug, Parser)]
#[command(name = "keysweep", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files and directories (default: the current directory).
    Scan(ScanArgs),
    /// Scan git history: every blob reachable from every ref (default), a branch, a range
    /// (`--range A..B`), or what the next commit adds (`--staged`).
    Git(GitArgs),
    /// List the built-in rules, or check a rule file or a config's custom rules (`--check FILE`).
    Rules(RulesArgs),
    /// Write a git pre-commit hook that runs `keysweep git --staged`.
    InstallHook(InstallHookArgs),
    /// Write today's findings to a baseline file; `--baseline FILE` on a later scan then
    /// reports only new ones.
    Baseline(BaselineArgs),
    /// Say for one finding (by fingerprint) which rule matched, what was validated, and which
    /// filter, if any, dropped it.
    Explain(ExplainArgs),
}

/// `keysweep baseline`.
#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// The directory to scan (ignored with --git).
    #[arg(value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
    /// Scan the whole history of this repository instead of files.
    #[arg(long, value_name = "REPO")]
    pub git: Option<PathBuf>,
    /// Where to write the baseline.
    #[arg(
        long,
        short = 'o',
        value_name = "FILE",
        default_value = ".keysweep-baseline.json"
    )]
    pub output: PathBuf,
    /// What to read and how.
    #[command(flatten)]
    pub input: InputArgs,
    /// Put findings into the baseline even when their line carries an allow comment.
    #[arg(long)]
    pub ignore_inline_allow: bool,
    /// Print nothing on stderr but errors.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// `keysweep explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The finding's fingerprint (from any report, or a baseline); a unique prefix of at least
    /// 8 hex digits is enough.
    #[arg(value_name = "FINGERPRINT")]
    pub fingerprint: String,
    /// The directory to scan (ignored with --git).
    #[arg(value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
    /// Look in the whole history of this repository instead of files.
    #[arg(long, value_name = "REPO")]
    pub git: Option<PathBuf>,
    /// What to read and how.
    #[command(flatten)]
    pub input: InputArgs,
    /// Which findings to leave out.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Flags that change which findings are dropped (besides the config file).
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Report findings even when their line carries an allow comment (`keysweep:allow`,
    /// `gitleaks:allow`, `pragma: allowlist secret`).
    #[arg(long)]
    pub ignore_inline_allow: bool,
    /// Drop findings whose fingerprint is in FILE (written by `keysweep baseline`, or any
    /// keysweep JSON report): only new findings are reported.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Report only findings of this severity or worse (critical, high, medium, low); the
    /// others are dropped and counted in stats.
    #[arg(long, value_name = "SEVERITY", value_parser = output::parse_severity)]
    pub min_severity: Option<crate::rules::Severity>,
    /// Also report secrets whose offline check fails (a GitHub or npm token with a wrong
    /// checksum, a key that does not decode), at low severity with `validation_failed`:
    /// look-alikes that are most likely not keys.
    #[arg(long)]
    pub report_invalid: bool,
}

/// `keysweep git`.
#[derive(Debug, Args)]
pub struct GitArgs {
    /// The repository (a work tree, any directory inside one, or a bare repository).
    #[arg(value_name = "REPO", default_value = ".")]
    pub repo: PathBuf,
    /// Only the history of this branch (or any revision) instead of all refs.
    #[arg(long, value_name = "BRANCH", conflicts_with_all = ["range", "staged"])]
    pub branch: Option<String>,
    /// Only commits reachable from B and not from A (`A..B`); secrets already in A are not
    /// reported again. `A...B` is rejected.
    #[arg(long, value_name = "A..B", conflicts_with_all = ["since", "staged"])]
    pub range: Option<String>,
    /// Only commits not reachable from REF (on all refs, or on --branch).
    #[arg(long, value_name = "REF", conflicts_with = "staged")]
    pub since: Option<String>,
    /// Scan what the next commit adds: the index against HEAD, added lines only.
    #[arg(long)]
    pub staged: bool,
    /// Report flags.
    #[command(flatten)]
    pub report: ReportArgs,
    /// What to read and how.
    #[command(flatten)]
    pub input: InputArgs,
    /// Which findings to leave out.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// No progress bar (it is shown only when stderr is a terminal anyway).
    #[arg(long)]
    pub no_progress: bool,
    /// Remember blobs scanned clean in DIR, keyed by the rule set, and skip them next time.
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
}

/// `keysweep install-hook`.
#[derive(Debug, Args)]
pub struct InstallHookArgs {
    /// The repository.
    #[arg(value_name = "REPO", default_value = ".")]
    pub repo: PathBuf,
}

/// Flags shared by every command that writes a report (see `output::Reports`, which opens and
/// writes them all, and `output::exit_outcome`).
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Report format [default: text, unless only --report is given]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to FILE instead of standard output (written whole, then renamed into
    /// place, so an interrupted run never leaves a truncated report).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write a report in FORMAT to PATH ('-': standard output). Repeatable, e.g.
    /// --report sarif:keysweep.sarif --report junit:keysweep.xml
    #[arg(long, value_name = "FORMAT:PATH", value_parser = output::parse_report_spec)]
    pub report: Vec<output::ReportSpec>,
    /// Print secrets in clear instead of redacted.
    #[arg(long)]
    pub show_secrets: bool,
    /// Exit code when findings are reported (errors always exit 2).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(0..=125))]
    pub exit_code: u8,
    /// Fail only on findings of this severity or worse (critical, high, medium, low); the others
    /// are still reported, and the run exits 0 if none is at or above it.
    #[arg(long, value_name = "SEVERITY", value_parser = output::parse_severity)]
    pub fail_on: Option<crate::rules::Severity>,
    /// Print nothing on stderr but errors.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// List every dropped finding on stderr (place, rule, fingerprint and the filter that
    /// dropped it; never the secret).
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

/// `keysweep scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files or directories to scan. A file named here is scanned even if ignored.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Report flags.
    #[command(flatten)]
    pub report: ReportArgs,
    /// What to read and how.
    #[command(flatten)]
    pub input: InputArgs,
    /// Which findings to leave out.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Do not honour .gitignore, .ignore and git exclude files.
    #[arg(long)]
    pub no_ignore: bool,
}

/// Flags shared by the commands that read files or blobs.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Worker threads (0: one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub threads: usize,
    /// Skip files (or blobs) larger than this (bytes, or with K, M, G suffix; KiB/MiB/GiB also
    /// accepted).
    #[arg(long, value_name = "SIZE", default_value = "10MiB", value_parser = size::parse_size)]
    pub max_file_size: u64,
    /// Config file (default: .keysweep.toml in the scanned directory or at the work tree's
    /// root, if any).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Also list binary files in the report's `skipped` (they are always counted).
    #[arg(long)]
    pub list_skipped: bool,
    /// Archives (zip, jar, war, apk, whl, nupkg, tar, tar.gz, tgz, gz) within archives are
    /// opened this deep (0: archives are not opened).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub max_archive_depth: usize,
    /// Layers of base64, hex and percent-encoding to decode and scan inside (0: none).
    #[arg(long, value_name = "N", default_value_t = crate::engine::DEFAULT_DECODE_DEPTH)]
    pub max_decode_depth: usize,
}

impl InputArgs {
    /// The archive limits these flags ask for (the others are keysweep's defaults).
    pub fn expand_limits(&self) -> crate::sources::expand::ExpandLimits {
        crate::sources::expand::ExpandLimits {
            max_depth: self.max_archive_depth,
            max_member_size: self.max_file_size,
            ..Default::default()
        }
    }
}

/// `keysweep rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Check a rule file, or the custom rules of a config file (`.keysweep.toml`,
    /// `.gitleaks.toml`): parse, compile every regex and run every example.
    #[arg(long, value_name = "FILE")]
    pub check: Option<PathBuf>,
    /// Output format of the listing.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// How a run ended; `main` maps it to the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing found (at or above `--fail-on`), everything read: exit 0.
    Clean,
    /// Findings (at or above `--fail-on`) reported: exit 1 or `--exit-code N`.
    Findings(u8),
    /// An error, or an incomplete scan: exit 2, whatever was found.
    Error,
    /// Stopped by Ctrl-C: exit 130, no report written.
    Interrupted,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings(n) => n,
            Outcome::Error => 2,
            Outcome::Interrupted => crate::interrupt::EXIT_CODE,
        }
    }
}

/// Runs a parsed command line. `Err` is a fatal error (printed by `main`, exit 2).
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Scan(args) => scan_cmd::run(args),
        Command::Git(args) => git_cmd::run(args),
        Command::Rules(args) => rules_cmd::run(args),
        Command::InstallHook(args) => hook_cmd::run(args),
        Command::Baseline(args) => baseline_cmd::run(args),
        Command::Explain(args) => explain_cmd::run(args),
    }
}
