//! `--cache DIR`: the ids of blobs already scanned clean, so a nightly audit of an unchanged
//! repository rescans nothing. The file name carries a hash of the rule set and the keysweep
//! version: changing any rule (or upgrading) starts a new cache, because a blob clean under the
//! old rules may not be clean under the new ones. Blobs with findings are never recorded (they
//! are rescanned to be reported), nor are skipped ones.

use std::collections::HashSet;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use git2::Oid;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::sources::git::{BlobPlace, WalkSeed};

use crate::rules::Rule;

/// A set of blob ids known clean under one rule set, backed by an append-only file of raw
/// 20-byte ids; plus, for whole-history scans, the commits already walked and the places of
/// blobs with findings (`history-*.json`), so that an unchanged repository is not even walked
/// again.
#[derive(Debug, Clone)]
pub struct BlobCache {
    path: PathBuf,
    history_path: PathBuf,
    known: HashSet<Oid>,
}

/// The persisted form of a [`WalkSeed`].
#[derive(Debug, Default, Serialize, Deserialize)]
struct HistoryFile {
    tips: Vec<String>,
    findings: Vec<PlaceFile>,
}

#[derive(Debug, Serialize, Deserialize)]
struct PlaceFile {
    oid: String,
    commit: String,
    order: u64,
    path: String,
    other_paths: Vec<String>,
}

/// A stable hash of the rule set and the engine version: the cache key.
pub fn rules_hash(rules: &[Rule], decode_depth: usize, report_invalid: bool) -> String {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(format!("decode-depth={decode_depth}\0report-invalid={report_invalid}\0").as_bytes());
    for r in rules {
        h.update(format!("{r:?}").as_bytes());
        h.update([0]);
    }
    h.finalize()
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl BlobCache {
    /// Opens (creating `dir` if needed) the cache for this rule set.
    pub fn open(
        dir: &Path,
        rules: &[Rule],
        decode_depth: usize,
        report_invalid: bool,
    ) -> Result<BlobCache, String> {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create cache directory: {e}", dir.display()))?;
        let hash = rules_hash(rules, decode_depth, report_invalid);
        let path = dir.join(format!("clean-blobs-{hash}.bin"));
        let history_path = dir.join(format!("history-{hash}.json"));
        let mut known = HashSet::new();
        match std::fs::read(&path) {
            Ok(bytes) => {
                // A trailing partial record (an interrupted write) is ignored.
                for chunk in bytes.chunks_exact(20) {
                    if let Ok(oid) = Oid::from_bytes(chunk) {
                        known.insert(oid);
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: cannot read cache: {e}", path.display())),
        }
        Ok(BlobCache {
            path,
            history_path,
            known,
        })
    }

    /// The cache file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when `oid` was scanned clean under this rule set.
    pub fn contains(&self, oid: &Oid) -> bool {
        self.known.contains(oid)
    }

    /// How many blobs are known clean.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    /// True when nothing is cached yet.
    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// What earlier whole-history scans walked. A missing or unreadable file is an empty seed
    /// (the cache is an optimisation: it can always be rebuilt).
    pub fn load_history(&self) -> WalkSeed {
        let Ok(text) = std::fs::read_to_string(&self.history_path) else {
            return WalkSeed::default();
        };
        let Ok(file) = serde_json::from_str::<HistoryFile>(&text) else {
            return WalkSeed::default();
        };
        let tips = file
            .tips
            .iter()
            .filter_map(|h| Oid::from_str(h).ok())
            .collect();
        let preloaded = file
            .findings
            .into_iter()
            .filter_map(|p| {
                Some(BlobPlace {
                    oid: Oid::from_str(&p.oid).ok()?,
                    commit: Oid::from_str(&p.commit).ok()?,
                    order: p.order,
                    path: p.path,
                    other_paths: p.other_paths,
                })
            })
            .collect();
        WalkSeed { tips, preloaded }
    }

    /// Replaces the history file (written whole, then renamed into place).
    pub fn record_history(&self, tips: &[Oid], findings: &[BlobPlace]) -> Result<(), String> {
        let mut tips: Vec<String> = tips.iter().map(|o| o.to_string()).collect();
        tips.sort();
        let file = HistoryFile {
            tips,
            findings: findings
                .iter()
                .map(|p| PlaceFile {
                    oid: p.oid.to_string(),
                    commit: p.commit.to_string(),
                    order: p.order,
                    path: p.path.clone(),
                    other_paths: p.other_paths.clone(),
                })
                .collect(),
        };
        let json = serde_json::to_string(&file).map_err(|e| e.to_string())?;
        let dir = self.history_path.parent().unwrap_or(Path::new("."));
        let mut tmp =
            tempfile::NamedTempFile::new_in(dir).map_err(|e| format!("cannot write cache: {e}"))?;
        tmp.write_all(json.as_bytes())
            .map_err(|e| format!("cannot write cache: {e}"))?;
        tmp.persist(&self.history_path)
            .map_err(|e| format!("cannot write cache: {}", e.error))?;
        Ok(())
    }

    /// Appends newly clean blobs.
    pub fn record_clean(&self, oids: &[Oid]) -> Result<(), String> {
        let mut buf = Vec::with_capacity(oids.len() * 20);
        for oid in oids.iter().filter(|o| !self.known.contains(o)) {
            buf.extend_from_slice(oid.as_bytes());
        }
        if buf.is_empty() {
            return Ok(());
        }
        let mut f = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map_err(|e| format!("cannot write cache: {e}"))?;
        f.write_all(&buf)
            .map_err(|e| format!("cannot write cache: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rule_change() {
        let dir = tempfile::tempdir().expect("tempdir");
        let rules = crate::rules::builtin_rules().expect("rules");
        let cache = BlobCache::open(dir.path(), &rules, 2, false).expect("open");
        assert!(cache.is_empty());
        let a = Oid::from_str("0123456789abcdef0123456789abcdef01234567").expect("oid");
        cache.record_clean(&[a]).expect("record");
        let again = BlobCache::open(dir.path(), &rules, 2, false).expect("open");
        assert!(again.contains(&a));
        let mut changed = rules.clone();
        changed[0].regex.to_mut().push('x');
        let other = BlobCache::open(dir.path(), &changed, 2, false).expect("open");
        assert!(!other.contains(&a), "a rule change invalidates the cache");
    }
}
