//! Error types. Two kinds, because they end a run differently: a [`ConfigError`] is found before
//! any file is read and stops the run at once; a [`ScanError`] belongs to one input, is carried
//! next to the findings, and only changes the exit code once the scan has gone to the end.

use std::fmt;
use std::path::PathBuf;

/// A problem with the rules, the config file or the command line: nothing can be scanned until
/// it is fixed, so it is reported before any work starts (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A TOML rule or config file that does not parse or breaks the schema; `location` names the
    /// file and, when the parser knows it, the line.
    #[error("{location}: {message}")]
    Invalid {
        /// `file` or `file:line`.
        location: String,
        /// What is wrong, in the parser's or the validator's words.
        message: String,
    },
    /// A rule whose regex does not compile.
    #[error("{file}: rule '{rule_id}': invalid regex: {message}")]
    BadRegex {
        /// The file that defines the rule.
        file: String,
        /// The rule's id.
        rule_id: String,
        /// The regex compiler's message.
        message: String,
    },
    /// A path given on the command line or in a config file that cannot be used.
    #[error("{path}: {message}")]
    Path {
        /// The path as the user wrote it.
        path: PathBuf,
        /// Why it cannot be used.
        message: String,
    },
}

/// Why one input was not (fully) scanned. It travels with the findings so the report can list it
/// and so that an incomplete scan never exits 0.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ScanError {
    /// The input as it appears in reports ('/'-separated, relative to the scanned root).
    pub path: String,
    /// What went wrong.
    pub reason: SkipReason,
}

/// The reasons an input is skipped. Only [`SkipReason::Unreadable`] and
/// [`SkipReason::NotAFile`] for an explicitly named path are errors; the others are policy.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "detail")]
pub enum SkipReason {
    /// A NUL byte in the first 8 KiB: the file is treated as binary.
    Binary,
    /// Larger than `--max-file-size` (the size in bytes is given).
    TooLarge(u64),
    /// The file could not be opened or read (the OS error is given).
    Unreadable(String),
    /// A FIFO, socket or device: reading it could block forever or never end.
    NotAFile,
    /// An archive (or the rest of it) was not opened: a limit against decompression bombs was
    /// reached, or it is nested too deep. Members read before are scanned.
    ArchiveLimit(String),
    /// A file named as an archive that cannot be read as one (corrupt, encrypted, truncated).
    BadArchive(String),
}

impl SkipReason {
    /// True when the skip means part of the input was not scanned against the user's will, which
    /// makes the run incomplete (exit code 2).
    pub fn is_error(&self) -> bool {
        matches!(self, SkipReason::Unreadable(_))
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Binary => write!(f, "binary file"),
            SkipReason::TooLarge(n) => write!(f, "too large ({n} bytes, over --max-file-size)"),
            SkipReason::Unreadable(e) => write!(f, "cannot read: {e}"),
            SkipReason::NotAFile => write!(f, "not a regular file"),
            SkipReason::ArchiveLimit(m) => write!(f, "archive limit: {m}"),
            SkipReason::BadArchive(m) => write!(f, "not a readable archive: {m}"),
        }
    }
}
