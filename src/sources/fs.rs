//! The filesystem source: a parallel directory walk (`ignore::WalkParallel`, as ripgrep does)
//! that honours `.gitignore`/`.ignore`, scans hidden files (`.env`, `.npmrc` and `.ssh/` are
//! where secrets live) but never enters `.git/`, and does not follow symlinks (no loops).

use std::path::{Path, PathBuf};

use ignore::{WalkBuilder, WalkState};

use super::expand::{self, ExpandLimits};
use super::read::read_file;
use super::BlobSink;
use crate::error::{ScanError, SkipReason};

/// A walk over one or more roots. Build it with the setters; their defaults are those of
/// `keysweep scan`.
#[derive(Debug, Clone)]
pub struct FsSource {
    roots: Vec<PathBuf>,
    threads: usize,
    honor_ignore_files: bool,
    max_file_size: u64,
    expand: ExpandLimits,
    relative_to: Option<PathBuf>,
}

impl FsSource {
    /// A walk over `roots` (files or directories, which must exist).
    pub fn new(roots: Vec<PathBuf>) -> FsSource {
        FsSource {
            roots,
            threads: 0,
            honor_ignore_files: true,
            max_file_size: 10 * 1024 * 1024,
            expand: ExpandLimits::default(),
            relative_to: None,
        }
    }

    /// When the roots are not one directory (files, several paths): report paths relative to
    /// `root` (an absolute directory, the git work tree the caller found) instead of as given,
    /// so a file's path, and its fingerprint, do not depend on the working directory.
    pub fn paths_relative_to(&mut self, root: PathBuf) -> &mut FsSource {
        self.relative_to = Some(root);
        self
    }

    /// Worker threads; `0` (the default) uses every core.
    pub fn threads(&mut self, n: usize) -> &mut FsSource {
        self.threads = n;
        self
    }

    /// Whether `.gitignore`, `.ignore` and git's exclude files apply (default: yes). Files named
    /// as roots are scanned either way.
    pub fn honor_ignore_files(&mut self, yes: bool) -> &mut FsSource {
        self.honor_ignore_files = yes;
        self
    }

    /// Files larger than this are skipped and listed (default 10 MiB); so are archive members.
    pub fn max_file_size(&mut self, bytes: u64) -> &mut FsSource {
        self.max_file_size = bytes;
        self.expand.max_member_size = bytes;
        self
    }

    /// Archives within archives are opened this deep (default 2; 0: archives are skipped as
    /// binary files).
    pub fn max_archive_depth(&mut self, depth: usize) -> &mut FsSource {
        self.expand.max_depth = depth;
        self
    }

    /// Walks every root, calling a sink made by `make_sink` on each worker thread. Returns when
    /// the walk is complete.
    pub fn run<'s, F>(&self, make_sink: F)
    where
        F: Fn() -> Box<dyn BlobSink + 's> + Sync,
    {
        let Some((first, rest)) = self.roots.split_first() else {
            return;
        };
        let mut builder = WalkBuilder::new(first);
        for r in rest {
            builder.add(r);
        }
        let ignore = self.honor_ignore_files;
        builder
            .threads(self.threads)
            .hidden(false)
            .parents(ignore)
            .ignore(ignore)
            .git_ignore(ignore)
            .git_global(ignore)
            .git_exclude(ignore)
            .require_git(false)
            .follow_links(false)
            .filter_entry(|entry| {
                !(entry.file_name() == ".git" && entry.file_type().is_some_and(|t| t.is_dir()))
            });
        let display = PathDisplay::new(&self.roots, self.relative_to.as_deref());
        let max = self.max_file_size;
        let limits = self.expand;
        builder.build_parallel().run(|| {
            let mut sink = make_sink();
            let mut buf = Vec::new();
            let display = &display;
            Box::new(move |entry| {
                if crate::interrupt::requested() {
                    return WalkState::Quit;
                }
                match entry {
                    Ok(entry) => visit(&entry, display, max, &limits, &mut buf, sink.as_mut()),
                    Err(err) => sink.skipped(walk_error(err, display)),
                }
                WalkState::Continue
            })
        });
    }
}

fn visit(
    entry: &ignore::DirEntry,
    display: &PathDisplay,
    max: u64,
    limits: &ExpandLimits,
    buf: &mut Vec<u8>,
    sink: &mut dyn BlobSink,
) {
    let Some(file_type) = entry.file_type() else {
        return; // stdin, which `scan` never walks
    };
    let is_root = entry.depth() == 0;
    if file_type.is_dir() {
        return;
    }
    if file_type.is_symlink() && !is_root {
        return; // not followed: symlink loops and files outside the tree stay out
    }
    let path = display.show(entry.path());
    if !file_type.is_file() && !file_type.is_symlink() {
        // FIFOs, sockets and devices: reading could block or never end. Only a root named on
        // the command line is worth telling the user about.
        if is_root {
            sink.skipped(ScanError {
                path,
                reason: SkipReason::NotAFile,
            });
        }
        return;
    }
    let archive = limits.max_depth > 0 && expand::is_archive(&path);
    match read_file(entry.path(), max, buf, archive) {
        Ok(()) => expand::deliver(&path, buf, limits, sink),
        Err(reason) => sink.skipped(ScanError { path, reason }),
    }
}

fn walk_error(err: ignore::Error, display: &PathDisplay) -> ScanError {
    let path = error_path(&err)
        .map(|p| display.show(p))
        .unwrap_or_default();
    ScanError {
        path,
        reason: SkipReason::Unreadable(error_message(&err)),
    }
}

fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

fn error_message(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => error_message(err),
        other => other.to_string(),
    }
}

/// How paths appear in reports: relative to the root when a single directory is scanned;
/// otherwise relative to the directory the caller gave (see [`FsSource::paths_relative_to`])
/// when the path is inside it, else as given on the command line. Always '/'-separated,
/// without a leading `./`.
#[derive(Debug)]
pub struct PathDisplay {
    strip: Option<PathBuf>,
    /// The current directory, for making a relative argument absolute before stripping the
    /// given directory from it (only when there is one).
    cwd: Option<PathBuf>,
}

impl PathDisplay {
    /// The display rule for these roots; `relative_to` as in [`FsSource::paths_relative_to`].
    pub fn new(roots: &[PathBuf], relative_to: Option<&Path>) -> PathDisplay {
        match (roots, relative_to) {
            ([only], _) if only.is_dir() => PathDisplay {
                strip: Some(only.clone()),
                cwd: None,
            },
            (_, Some(root)) => PathDisplay {
                strip: Some(root.to_path_buf()),
                cwd: std::env::current_dir()
                    .ok()
                    .and_then(|d| std::fs::canonicalize(d).ok()),
            },
            (_, None) => PathDisplay {
                strip: None,
                cwd: None,
            },
        }
    }

    /// The report path for `path`.
    pub fn show(&self, path: &Path) -> String {
        if let (Some(root), None) = (&self.strip, &self.cwd) {
            if let Some(shown) = clean_suffix(path, root) {
                return shown.to_string();
            }
        }
        match (&self.strip, &self.cwd) {
            (Some(root), Some(cwd)) => match lexical_join(cwd, path).strip_prefix(root) {
                Ok(inside) => normalize(inside),
                Err(_) => normalize(path),
            },
            (Some(root), None) => normalize(path.strip_prefix(root).unwrap_or(path)),
            (None, _) => normalize(path),
        }
    }
}

/// The root of the git work tree that holds `dir` (the nearest ancestor with a `.git`), where
/// a team's `.keysweep.toml` and ignore file live.
pub fn work_tree_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// `base/path` with `.` and `..` resolved by name (`path` may not exist any more, and symlinks
/// are the user's business): `a/../b` is `b`.
fn lexical_join(base: &Path, path: &Path) -> PathBuf {
    let mut out = if path.is_absolute() {
        PathBuf::new()
    } else {
        base.to_path_buf()
    };
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` past `root` and a `/`, when that is already what [`normalize`] would make of
/// `path.strip_prefix(root)`: UTF-8, `/`-separated names that are neither empty nor `.`. The
/// walker joins every path it yields this way under the root it was given, and the component
/// by component strip and rebuild, a `String` per name, was 5,600 instructions of every file
/// (3 % of a scan of the cargo tree).
fn clean_suffix<'a>(path: &'a Path, root: &Path) -> Option<&'a str> {
    let rest = path
        .to_str()?
        .strip_prefix(root.to_str()?)?
        .strip_prefix('/')?;
    let clean = !rest.is_empty() && rest.split('/').all(|name| !name.is_empty() && name != ".");
    clean.then_some(rest)
}

/// '/'-separated, no `./` components. Lossy for non-UTF-8 names (reports are UTF-8).
pub fn normalize(path: &Path) -> String {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::RootDir => parts.push(String::new()),
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    let s = parts.join("/");
    if s.is_empty() && path.is_absolute() {
        "/".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut gives what the strip and rebuild give, or leaves the path to them.
    #[test]
    fn clean_suffixes_are_what_normalize_makes() {
        let cases = [
            ("dir", "dir/a/b.rs"),
            (".", "./src/main.rs"),
            ("/abs/root", "/abs/root/x"),
            ("dir/", "dir/a"),
            ("dir", "dir//a"),
            ("dir", "dir/./a"),
            ("dir", "dirx/a"),
            ("dir", "dir/../a"),
            ("a/./b", "a/./b/c"),
            ("dir", "dir/a/"),
            ("dir", "dir"),
        ];
        for (root, path) in cases {
            let (root, path) = (Path::new(root), Path::new(path));
            let slow = normalize(path.strip_prefix(root).unwrap_or(path));
            if let Some(fast) = clean_suffix(path, root) {
                assert_eq!(fast, slow, "{root:?} {path:?}");
            }
        }
        assert_eq!(
            clean_suffix(Path::new("./x/y"), Path::new(".")),
            Some("x/y")
        );
        assert_eq!(clean_suffix(Path::new("dir/./a"), Path::new("dir")), None);
    }

    #[test]
    fn normalize_paths() {
        assert_eq!(normalize(Path::new("./a/b.txt")), "a/b.txt");
        assert_eq!(normalize(Path::new("a/./b")), "a/b");
        assert_eq!(normalize(Path::new("/x/y")), "/x/y");
        assert_eq!(normalize(Path::new("../x")), "../x");
    }
}
