//! Where each object sits in its pack file, read from the pack indexes
//! (`objects/pack/*.idx`, version 2). Reading blobs in pack order lets libgit2's delta-base
//! cache do its job: on the cargo repository, reading every blob takes 2.0 s in pack order
//! against 3.8 s in the order the history walk finds them. libgit2 does not expose pack
//! offsets, so the index format (a documented, fixed layout) is read here by hand.

use std::path::Path;

use git2::Oid;

/// The version-2 pack index magic number, `\377tOc`.
const IDX_MAGIC: &[u8; 4] = b"\xfftOc";

/// The sort key of objects that are not in any pack (loose objects): after every packed one.
pub const NOT_PACKED: u64 = u64::MAX;

/// The indexes of a repository's packs.
#[derive(Debug, Default)]
pub struct PackOrder {
    packs: Vec<PackIndex>,
}

#[derive(Debug)]
struct PackIndex {
    data: Vec<u8>,
    count: usize,
}

impl PackOrder {
    /// Reads every version-2 `.idx` under `gitdir/objects/pack`. An index that cannot be read or
    /// has another format is ignored: order is an optimisation, never a reason to fail.
    pub fn load(gitdir: &Path) -> PackOrder {
        let mut paths: Vec<_> = match std::fs::read_dir(gitdir.join("objects/pack")) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "idx"))
                .collect(),
            Err(_) => Vec::new(),
        };
        paths.sort();
        let packs = paths
            .iter()
            .filter_map(|p| PackIndex::parse(std::fs::read(p).ok()?))
            .collect();
        PackOrder { packs }
    }

    /// A sort key: pack number in the high bits, offset in the pack in the low 40 bits
    /// ([`NOT_PACKED`] for objects in no pack).
    pub fn position(&self, oid: &Oid) -> u64 {
        for (i, pack) in self.packs.iter().enumerate() {
            if let Some(offset) = pack.offset(oid.as_bytes()) {
                return ((i as u64) << 40) | (offset & ((1 << 40) - 1));
            }
        }
        NOT_PACKED
    }
}

impl PackIndex {
    /// Layout: magic, version (2), 256 fan-out counts, N sorted 20-byte ids, N CRC32s, N 4-byte
    /// offsets (high bit set: index into a table of 8-byte offsets that follows).
    fn parse(data: Vec<u8>) -> Option<PackIndex> {
        if data.len() < 8 + 256 * 4 || &data[0..4] != IDX_MAGIC || be32(&data, 4)? != 2 {
            return None;
        }
        let count = be32(&data, 8 + 255 * 4)? as usize;
        let needed = 8 + 256 * 4 + count.checked_mul(28)?;
        (data.len() >= needed).then_some(PackIndex { data, count })
    }

    fn offset(&self, id: &[u8]) -> Option<u64> {
        let ids_at = 8 + 256 * 4;
        let (mut lo, mut hi) = (0usize, self.count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let at = ids_at + mid * 20;
            match self.data.get(at..at + 20)?.cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let offsets_at = ids_at + self.count * 24;
                    let small = be32(&self.data, offsets_at + mid * 4)?;
                    if small & 0x8000_0000 == 0 {
                        return Some(u64::from(small));
                    }
                    let large_at = offsets_at + self.count * 4 + (small & 0x7fff_ffff) as usize * 8;
                    let bytes = self.data.get(large_at..large_at + 8)?;
                    return Some(u64::from_be_bytes(bytes.try_into().ok()?));
                }
            }
        }
        None
    }
}

fn be32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_follow_the_pack_and_garbage_is_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let run = |args: &[&str]| {
            let ok = std::process::Command::new("git")
                .current_dir(dir.path())
                .args(["-c", "user.name=T", "-c", "user.email=t@example.test"])
                .args(args)
                .output()
                .expect("git")
                .status
                .success();
            assert!(ok, "git {args:?}");
        };
        run(&["init", "-q"]);
        for i in 0..5 {
            std::fs::write(dir.path().join(format!("f{i}")), format!("content {i}\n"))
                .expect("write");
        }
        run(&["add", "-A"]);
        run(&["commit", "-q", "-m", "c"]);
        run(&["gc", "-q"]);
        let repo = git2::Repository::open(dir.path()).expect("open");
        let order = PackOrder::load(repo.path());
        assert_eq!(order.packs.len(), 1);
        let blob = repo.revparse_single("HEAD:f0").expect("blob").id();
        let pos = order.position(&blob);
        assert!(pos != NOT_PACKED && pos > 0, "{pos}");
        let absent = Oid::from_str("0123456789abcdef0123456789abcdef01234567").expect("oid");
        assert_eq!(order.position(&absent), NOT_PACKED);
        assert!(PackIndex::parse(b"\xfftOc\0\0\0\x02short".to_vec()).is_none());
        assert!(PackIndex::parse(vec![0; 2000]).is_none());
    }
}
