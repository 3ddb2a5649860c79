//! The staged-changes source for the pre-commit hook: what the index adds relative to HEAD (or
//! to the empty tree before the first commit). Blobs are read from the index, not the work
//! tree, so a secret that is staged is found even if the file was edited afterwards; and only
//! the lines the commit adds count, with line numbers of the staged file.

use git2::{Delta, DiffFindOptions, DiffOptions, Oid, Repository};

use crate::error::{ConfigError, ScanError, SkipReason};

/// One staged file: its blob and the line ranges (1-based, inclusive) the commit adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagedFile {
    /// Path in the repository, '/'-separated.
    pub path: String,
    /// The staged blob.
    pub oid: Oid,
    /// Added line ranges, sorted.
    pub added: Vec<(usize, usize)>,
}

impl StagedFile {
    /// True when some line of `first..=last` is added by the commit.
    pub fn adds_any(&self, first: usize, last: usize) -> bool {
        self.added.iter().any(|&(a, b)| a <= last && first <= b)
    }
}

/// Lists the staged files with added lines. Renames are detected, so moving a file with a
/// secret in it does not report the secret again.
pub fn staged_files(repo: &Repository) -> Result<(Vec<StagedFile>, Vec<ScanError>), ConfigError> {
    let err = |e: git2::Error| ConfigError::Invalid {
        location: "staged changes".into(),
        message: e.message().to_string(),
    };
    let head_tree = match repo.head() {
        Ok(head) => Some(head.peel_to_tree().map_err(err)?),
        // No commit yet (unborn branch): compare with the empty tree.
        Err(e)
            if e.code() == git2::ErrorCode::UnbornBranch
                || e.code() == git2::ErrorCode::NotFound =>
        {
            None
        }
        Err(e) => return Err(err(e)),
    };
    let index = repo.index().map_err(err)?;
    let mut opts = DiffOptions::new();
    opts.context_lines(0).include_typechange(true);
    let mut diff = repo
        .diff_tree_to_index(head_tree.as_ref(), Some(&index), Some(&mut opts))
        .map_err(err)?;
    let mut find = DiffFindOptions::new();
    find.renames(true).copies(false);
    diff.find_similar(Some(&mut find)).map_err(err)?;

    let mut files = Vec::new();
    let mut errors = Vec::new();
    for (i, delta) in diff.deltas().enumerate() {
        if !matches!(
            delta.status(),
            Delta::Added | Delta::Modified | Delta::Renamed | Delta::Copied | Delta::Typechange
        ) {
            continue;
        }
        let new = delta.new_file();
        // Symlinks and submodules hold no file content.
        if new.mode() == git2::FileMode::Link || new.mode() == git2::FileMode::Commit {
            continue;
        }
        let path = new
            .path_bytes()
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .unwrap_or_default();
        let patch = match git2::Patch::from_diff(&diff, i) {
            Ok(Some(p)) if !delta.flags().is_binary() => p,
            // git gives no lines for a binary file (an archive, UTF-16 text): the whole file
            // is what the commit adds.
            Ok(_) => {
                files.push(StagedFile {
                    path,
                    oid: new.id(),
                    added: vec![(1, usize::MAX)],
                });
                continue;
            }
            Err(e) => {
                errors.push(ScanError {
                    path,
                    reason: SkipReason::Unreadable(e.message().to_string()),
                });
                continue;
            }
        };
        let mut added: Vec<(usize, usize)> = Vec::new();
        for h in 0..patch.num_hunks() {
            let Ok((hunk, _)) = patch.hunk(h) else {
                continue;
            };
            if hunk.new_lines() == 0 {
                continue;
            }
            let first = hunk.new_start() as usize;
            added.push((first, first + hunk.new_lines() as usize - 1));
        }
        if added.is_empty() {
            continue; // a pure deletion or mode change adds no line
        }
        added.sort_unstable();
        files.push(StagedFile {
            path,
            oid: new.id(),
            added,
        });
    }
    Ok((files, errors))
}
