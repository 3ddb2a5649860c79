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
use sha2::{Digest, Sha256};

use crate::rules::Rule;

/// A set of blob ids known clean under one rule set, backed by an append-only file of raw
/// 20-byte ids.
#[derive(Debug, Clone)]
pub struct BlobCache {
    path: PathBuf,
    known: HashSet<Oid>,
}

/// A stable hash of the rule set and the engine version: the cache key.
pub fn rules_hash(rules: &[Rule]) -> String {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
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
    pub fn open(dir: &Path, rules: &[Rule]) -> Result<BlobCache, String> {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create cache directory: {e}", dir.display()))?;
        let path = dir.join(format!("clean-blobs-{}.bin", rules_hash(rules)));
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
        Ok(BlobCache { path, known })
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
        let cache = BlobCache::open(dir.path(), &rules).expect("open");
        assert!(cache.is_empty());
        let a = Oid::from_str("0123456789abcdef0123456789abcdef01234567").expect("oid");
        cache.record_clean(&[a]).expect("record");
        let again = BlobCache::open(dir.path(), &rules).expect("open");
        assert!(again.contains(&a));
        let mut changed = rules.clone();
        changed[0].regex.push('x');
        let other = BlobCache::open(dir.path(), &changed).expect("open");
        assert!(!other.contains(&a), "a rule change invalidates the cache");
    }
}
