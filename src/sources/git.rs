//! The git history source: every unique blob reachable from the selected commits, each read and
//! scanned once however many commits and paths hold it.
//!
//! The walk goes through commits oldest first (reverse topological order), so the first commit
//! in which a blob appears is the one that introduced it; trees already seen are skipped, which
//! is what makes a 20,000-commit history cheap (most commits change a few files, so most of
//! their trees were seen before). Memory grows with the number of unique trees and blobs, never
//! with their content: blob bytes are read later, by the scanning workers, one at a time.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use git2::{ObjectType, Oid, Repository, Sort};

use crate::error::{ConfigError, ScanError, SkipReason};

/// Which commits to walk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Selection {
    /// Every commit reachable from any ref (branches, tags, remotes, HEAD): the default.
    #[default]
    AllRefs,
    /// Commits reachable from one branch (or any revision).
    Branch(String),
    /// `A..B`: commits reachable from B and not from A. Blobs already in the trees just outside
    /// the range (A itself and any other parent the range merges in) are not reported again.
    Range {
        /// The excluded side (A).
        base: String,
        /// The included side (B).
        head: String,
    },
    /// Commits reachable from the refs (all, or `branch`) and not from `base`.
    Since {
        /// The excluded revision.
        base: String,
        /// One branch instead of all refs.
        branch: Option<String>,
    },
}

impl Selection {
    /// Parses `--range`: exactly `A..B`. `A...B` (symmetric difference) is rejected, because it
    /// would also scan commits only in A, which is not what a CI range means.
    pub fn parse_range(range: &str) -> Result<Selection, ConfigError> {
        let bad = |message: &str| ConfigError::Invalid {
            location: "--range".into(),
            message: format!("'{range}': {message}"),
        };
        if range.contains("...") {
            return Err(bad(
                "'A...B' (symmetric difference) is not supported; use 'A..B' for the commits reachable from B and not from A",
            ));
        }
        let Some((base, head)) = range.split_once("..") else {
            return Err(bad("expected 'A..B'"));
        };
        if base.is_empty() || head.is_empty() {
            return Err(bad("both sides of 'A..B' are required"));
        }
        Ok(Selection::Range {
            base: base.to_string(),
            head: head.to_string(),
        })
    }
}

/// Where a blob first appears: the commit and the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobPlace {
    /// The blob.
    pub oid: Oid,
    /// The introducing commit.
    pub commit: Oid,
    /// The commit's position in history order (smaller is older): which of several places
    /// holding the same secret came first.
    pub order: u64,
    /// Path inside the repository, '/'-separated.
    pub path: String,
    /// Other paths at which the same blob appears later in history.
    pub other_paths: Vec<String>,
}

/// The result of a walk: commits in walk order, unique blobs in discovery order, and the
/// objects that could not be read.
#[derive(Debug, Default)]
pub struct History {
    /// Walked commits, oldest first.
    pub commits: Vec<Oid>,
    /// Unique blobs, in the order they were discovered.
    pub blobs: Vec<BlobPlace>,
    /// Objects and refs that could not be read.
    pub errors: Vec<ScanError>,
    /// True when the repository is a shallow clone: history before the cut is missing.
    pub shallow: bool,
    /// For ranges: the commits just outside the range (A, and any other parent a range commit
    /// merges in). Their content is what "already there" means.
    pub boundary: Vec<Oid>,
    /// The commits the walk started from (ref tips): after a complete scan, everything
    /// reachable from them has been scanned.
    pub tips: Vec<Oid>,
}

/// Process-wide libgit2 settings for scanning. libgit2 recomputes every object's SHA-1 (with
/// collision detection) when it reads it, which cost a third of a history scan's CPU and half
/// of a staged diff; `git cat-file` does not do it either, zlib's checksum still catches
/// corrupt data, and a missing object is still an error. The object cache is off too: the walk
/// reads each tree once (it skips trees it has seen) and workers read each blob once, so a
/// cache only costs memory (150+ MB on large histories).
pub fn tune_libgit2() {
    git2::opts::strict_hash_verification(false);
    git2::opts::enable_caching(false);
}

/// Opens the repository at or above `path`, as `git` does (a bare repository, a work tree or
/// any subdirectory of one).
pub fn open_repository(path: &Path) -> Result<Repository, ConfigError> {
    Repository::discover(path).map_err(|e| ConfigError::Path {
        path: path.to_path_buf(),
        message: format!("not a git repository: {}", e.message()),
    })
}

/// What an earlier scan of the same repository already did (`--cache`): the commits whose
/// whole history was walked (the tips of that scan), and the places of blobs that had findings
/// (they are scanned again, so that they are reported again, with their original attribution).
#[derive(Debug, Clone, Default)]
pub struct WalkSeed {
    /// Tips of earlier whole-history scans: they and their ancestors are hidden from the walk.
    pub tips: Vec<Oid>,
    /// Blobs to scan whatever the walk finds, with their known places.
    pub preloaded: Vec<BlobPlace>,
}

/// Walks the selected history. `on_blob` is called as each new blob is discovered (the place
/// is also in `history.blobs`, in the same order), so scanning can start before the walk ends.
pub fn walk(
    repo: &Repository,
    selection: &Selection,
    seed: &WalkSeed,
    mut on_blob: impl FnMut(&BlobPlace),
) -> Result<History, ConfigError> {
    let mut history = History {
        shallow: repo.is_shallow(),
        ..History::default()
    };
    let mut revwalk = repo
        .revwalk()
        .map_err(|e| git_config_error("revwalk", &e))?;
    revwalk
        .set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(|e| git_config_error("revwalk", &e))?;

    match selection {
        Selection::AllRefs => history.tips = push_all_refs(repo, &mut revwalk, &mut history.errors),
        Selection::Branch(b) => {
            let tip = resolve_commit(repo, b)?;
            revwalk.push(tip).map_err(|e| git_config_error(b, &e))?;
            history.tips.push(tip);
        }
        Selection::Range { base, head } => {
            revwalk
                .push(resolve_commit(repo, head)?)
                .map_err(|e| git_config_error(head, &e))?;
            revwalk
                .hide(resolve_commit(repo, base)?)
                .map_err(|e| git_config_error(base, &e))?;
        }
        Selection::Since { base, branch } => {
            match branch {
                Some(b) => revwalk
                    .push(resolve_commit(repo, b)?)
                    .map_err(|e| git_config_error(b, &e))?,
                None => {
                    push_all_refs(repo, &mut revwalk, &mut history.errors);
                }
            }
            revwalk
                .hide(resolve_commit(repo, base)?)
                .map_err(|e| git_config_error(base, &e))?;
        }
    }

    for &tip in &seed.tips {
        // A tip that no longer exists (garbage-collected) has nothing left to hide.
        let _ = revwalk.hide(tip);
    }
    for step in revwalk {
        if crate::interrupt::requested() {
            break;
        }
        match step {
            Ok(oid) => history.commits.push(oid),
            Err(e) => {
                history.errors.push(object_error("commit walk", &e));
                break;
            }
        }
    }

    let mut walker = TreeWalker {
        repo,
        seen_trees: HashSet::new(),
        blob_index: HashMap::new(),
        errors: Vec::new(),
    };
    let partial = !matches!(selection, Selection::AllRefs | Selection::Branch(_));
    if partial {
        // Mark what the commits just outside the range hold, so that blobs already there are
        // not reported as new.
        let inside: HashSet<Oid> = history.commits.iter().copied().collect();
        for &oid in &history.commits {
            let Ok(commit) = repo.find_commit(oid) else {
                continue;
            };
            for parent in commit.parent_ids().filter(|p| !inside.contains(p)) {
                if history.boundary.contains(&parent) {
                    continue;
                }
                history.boundary.push(parent);
                match repo.find_commit(parent) {
                    Ok(p) => walker.walk_tree(p.tree_id(), None, &mut |_| {}, &mut Vec::new()),
                    // In a shallow clone the boundary parent may be absent: nothing to exclude.
                    Err(_) => continue,
                }
            }
        }
    }

    let mut blobs = Vec::new();
    for place in &seed.preloaded {
        walker.blob_index.insert(place.oid, blobs.len());
        on_blob(place);
        blobs.push(place.clone());
    }
    let order_base = seed
        .preloaded
        .iter()
        .map(|p| p.order + 1)
        .max()
        .unwrap_or(0);
    for (i, &oid) in history.commits.iter().enumerate() {
        if crate::interrupt::requested() {
            break;
        }
        let tree = match repo.find_commit(oid) {
            Ok(c) => c.tree_id(),
            Err(e) => {
                walker.errors.push(ScanError {
                    path: format!("commit {oid}"),
                    reason: SkipReason::Unreadable(e.message().to_string()),
                });
                continue;
            }
        };
        let at = Introduced {
            commit: oid,
            order: order_base + i as u64,
        };
        walker.walk_tree(tree, Some(at), &mut on_blob, &mut blobs);
    }
    history.blobs = blobs;
    history.errors.extend(walker.errors);
    Ok(history)
}

/// Resolves a revision (branch, tag, commit id, `HEAD~2`…) to a commit.
pub fn resolve_commit(repo: &Repository, rev: &str) -> Result<Oid, ConfigError> {
    let obj = repo
        .revparse_single(rev)
        .map_err(|e| ConfigError::Invalid {
            location: format!("revision '{rev}'"),
            message: e.message().to_string(),
        })?;
    obj.peel_to_commit()
        .map(|c| c.id())
        .map_err(|e| ConfigError::Invalid {
            location: format!("revision '{rev}'"),
            message: format!("not a commit: {}", e.message()),
        })
}

/// Pushes every ref that leads to a commit (tags of tags are peeled). A ref to a missing
/// object is an error for the report, not a reason to stop.
/// Returns the commits pushed.
fn push_all_refs(
    repo: &Repository,
    revwalk: &mut git2::Revwalk<'_>,
    errors: &mut Vec<ScanError>,
) -> Vec<Oid> {
    let mut tips = Vec::new();
    let refs = match repo.references() {
        Ok(r) => r,
        Err(e) => {
            errors.push(object_error("refs", &e));
            return tips;
        }
    };
    for reference in refs {
        let reference = match reference {
            Ok(r) => r,
            Err(e) => {
                errors.push(object_error("refs", &e));
                continue;
            }
        };
        let name = String::from_utf8_lossy(reference.name_bytes()).into_owned();
        match reference.peel(ObjectType::Any) {
            Ok(obj) => match obj.kind() {
                Some(ObjectType::Commit) => match revwalk.push(obj.id()) {
                    Ok(()) => tips.push(obj.id()),
                    Err(e) => errors.push(object_error(&name, &e)),
                },
                // A ref to a tree or blob (rare, e.g. some tags): not history, skipped.
                _ => continue,
            },
            Err(e) => errors.push(ScanError {
                path: format!("ref {name}"),
                reason: SkipReason::Unreadable(e.message().to_string()),
            }),
        }
    }
    // A detached HEAD may point to a commit no ref holds.
    if let Ok(head) = repo.head() {
        if let Some(oid) = head.target() {
            if revwalk.push(oid).is_ok() {
                tips.push(oid);
            }
        }
    }
    tips
}

/// The commit a tree walk attributes new blobs to.
#[derive(Debug, Clone, Copy)]
struct Introduced {
    commit: Oid,
    order: u64,
}

struct TreeWalker<'r> {
    repo: &'r Repository,
    seen_trees: HashSet<Oid>,
    blob_index: HashMap<Oid, usize>,
    errors: Vec<ScanError>,
}

impl TreeWalker<'_> {
    /// Walks `root` and the subtrees not seen before, recording blobs not seen before as
    /// introduced by `commit` (`None`: the boundary of a range, only remembered).
    fn walk_tree(
        &mut self,
        root: Oid,
        commit: Option<Introduced>,
        on_blob: &mut dyn FnMut(&BlobPlace),
        blobs: &mut Vec<BlobPlace>,
    ) {
        if !self.seen_trees.insert(root) {
            return;
        }
        let mut stack: Vec<(Oid, String)> = vec![(root, String::new())];
        while let Some((tree_id, prefix)) = stack.pop() {
            let tree = match self.repo.find_tree(tree_id) {
                Ok(t) => t,
                Err(e) => {
                    let at = if prefix.is_empty() {
                        "/".to_string()
                    } else {
                        prefix
                    };
                    self.errors.push(ScanError {
                        path: format!("tree {tree_id} ({at})"),
                        reason: SkipReason::Unreadable(e.message().to_string()),
                    });
                    continue;
                }
            };
            for entry in tree.iter() {
                let name = entry.name_bytes();
                match entry.kind() {
                    Some(ObjectType::Tree) if self.seen_trees.insert(entry.id()) => {
                        stack.push((entry.id(), join_path(&prefix, name)));
                    }
                    // Regular and executable files; symlinks (0o120000) hold a path, not data.
                    Some(ObjectType::Blob) if entry.filemode() != 0o120000 => {
                        self.add_blob(entry.id(), commit, &prefix, name, on_blob, blobs)
                    }
                    // Submodule commits (gitlinks) are not followed.
                    _ => {}
                }
            }
        }
    }

    /// Records a blob met at `prefix/name`. Paths are only built for blobs not seen before
    /// (or seen at another path): most entries of most trees are blobs seen already.
    fn add_blob(
        &mut self,
        oid: Oid,
        commit: Option<Introduced>,
        prefix: &str,
        name: &[u8],
        on_blob: &mut dyn FnMut(&BlobPlace),
        blobs: &mut Vec<BlobPlace>,
    ) {
        let Some(at) = commit else {
            // Boundary of a range: only remember the blob.
            self.blob_index.insert(oid, usize::MAX);
            return;
        };
        match self.blob_index.get(&oid) {
            Some(&usize::MAX) => {}
            Some(&i) => {
                let place = &mut blobs[i];
                if !path_is(&place.path, prefix, name) {
                    let path = join_path(prefix, name);
                    if !place.other_paths.contains(&path) {
                        place.other_paths.push(path);
                    }
                }
            }
            None => {
                self.blob_index.insert(oid, blobs.len());
                let place = BlobPlace {
                    oid,
                    commit: at.commit,
                    order: at.order,
                    path: join_path(prefix, name),
                    other_paths: Vec::new(),
                };
                on_blob(&place);
                blobs.push(place);
            }
        }
    }
}

/// `prefix/name` ('/'-separated; lossy for names that are not UTF-8).
fn join_path(prefix: &str, name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    if prefix.is_empty() {
        name.into_owned()
    } else {
        format!("{prefix}/{name}")
    }
}

/// True when `path` is `prefix/name`, without building the string.
fn path_is(path: &str, prefix: &str, name: &[u8]) -> bool {
    let p = path.as_bytes();
    if prefix.is_empty() {
        return p == name;
    }
    p.len() == prefix.len() + 1 + name.len()
        && p.starts_with(prefix.as_bytes())
        && p[prefix.len()] == b'/'
        && p.ends_with(name)
}

/// The set of blobs in the trees of every branch tip (and HEAD): a secret in one of them is
/// still in the current code, so rotating is not enough — it must be removed too.
pub fn blobs_at_branch_tips(repo: &Repository) -> HashSet<Oid> {
    let mut tips = Vec::new();
    if let Ok(branches) = repo.branches(None) {
        for (branch, _) in branches.flatten() {
            if let Ok(c) = branch.get().peel_to_commit() {
                tips.push(c.tree_id());
            }
        }
    }
    if let Ok(head) = repo.head() {
        if let Ok(c) = head.peel_to_commit() {
            tips.push(c.tree_id());
        }
    }
    let mut seen_trees = HashSet::new();
    let mut blobs = HashSet::new();
    let mut stack = tips;
    while let Some(id) = stack.pop() {
        if !seen_trees.insert(id) {
            continue;
        }
        let Ok(tree) = repo.find_tree(id) else {
            continue;
        };
        for entry in tree.iter() {
            match entry.kind() {
                Some(ObjectType::Tree) => stack.push(entry.id()),
                Some(ObjectType::Blob) => {
                    blobs.insert(entry.id());
                }
                _ => {}
            }
        }
    }
    blobs
}

fn git_config_error(what: &str, e: &git2::Error) -> ConfigError {
    ConfigError::Invalid {
        location: what.to_string(),
        message: e.message().to_string(),
    }
}

fn object_error(what: &str, e: &git2::Error) -> ScanError {
    ScanError {
        path: what.to_string(),
        reason: SkipReason::Unreadable(e.message().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_parsing() {
        assert_eq!(
            Selection::parse_range("main..feature").expect("valid"),
            Selection::Range {
                base: "main".into(),
                head: "feature".into()
            }
        );
        let err = Selection::parse_range("a...b").unwrap_err().to_string();
        assert!(err.contains("symmetric difference"), "{err}");
        assert!(Selection::parse_range("a").is_err());
        assert!(Selection::parse_range("..b").is_err());
    }
}
