//! Where a report goes. A report file is created (as a temporary file beside the target) before
//! the scan starts, so a bad output path fails at once rather than after a long scan, and it is
//! renamed into place only when complete.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Standard output, or a temporary file that becomes `path` on [`Output::finish`].
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
        }
    }
}
