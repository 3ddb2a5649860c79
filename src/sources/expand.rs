//! What a source's bytes become before the engine sees them: text as it is, UTF-16 decoded to
//! UTF-8, archives opened into their members (each delivered the same way, so an archive in an
//! archive is opened too, up to a depth), and binary files skipped. Every source (files, history
//! blobs, staged blobs) goes through [`deliver`], so they all see the same content.
//!
//! Archives are bounded so that a decompression bomb costs a warning, not memory or time: a
//! total of uncompressed bytes per outermost archive, a member count, and a compression ratio
//! per member. Reading uses the `zip`, `tar` and `flate2` crates.

use std::io::{Cursor, Read};

use super::{looks_binary, utf16, BlobSink};
use crate::error::{ScanError, SkipReason};

/// The limits of archive expansion; [`Default`] gives keysweep's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExpandLimits {
    /// Archives within archives opened at most this deep (`--max-archive-depth`; 0: archives
    /// are not opened).
    pub max_depth: usize,
    /// Uncompressed bytes read from one outermost archive, all members and nested archives
    /// together.
    pub max_total_bytes: u64,
    /// Members read from one outermost archive.
    pub max_members: usize,
    /// A member whose size is more than this many times its compressed size (and over 1 MiB)
    /// is a bomb.
    pub max_ratio: u64,
    /// A member larger than this is skipped like a large file (`--max-file-size`).
    pub max_member_size: u64,
}

impl Default for ExpandLimits {
    fn default() -> ExpandLimits {
        ExpandLimits {
            max_depth: 2,
            max_total_bytes: 256 * 1024 * 1024,
            max_members: 10_000,
            max_ratio: 100,
            max_member_size: 10 * 1024 * 1024,
        }
    }
}

/// The archive formats, told by the file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Zip,
    Tar,
    TarGz,
    Gz,
}

fn archive_kind(path: &str) -> Option<Kind> {
    let name = path
        .rsplit(['/', '!'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    let ends = |exts: &[&str]| exts.iter().any(|e| name.ends_with(e));
    if ends(&[".zip", ".jar", ".war", ".ear", ".apk", ".whl", ".nupkg"]) {
        Some(Kind::Zip)
    } else if ends(&[".tar.gz", ".tgz"]) {
        Some(Kind::TarGz)
    } else if ends(&[".tar"]) {
        Some(Kind::Tar)
    } else if ends(&[".gz"]) {
        Some(Kind::Gz)
    } else {
        None
    }
}

/// True when `path` names an archive that [`deliver`] opens: sources read such files whole
/// even though they look binary.
pub fn is_archive(path: &str) -> bool {
    archive_kind(path).is_some()
}

/// Hands `data` (the content of `path`) to `sink` as text: decoded if UTF-16, opened if an
/// archive (members as `path!member`), or reported skipped if binary.
pub fn deliver(path: &str, data: &[u8], limits: &ExpandLimits, sink: &mut dyn BlobSink) {
    let mut budget = Budget {
        bytes: limits.max_total_bytes,
        members: limits.max_members,
    };
    deliver_at(path, data, limits, 0, &mut budget, sink);
}

struct Budget {
    bytes: u64,
    members: usize,
}

fn deliver_at(
    path: &str,
    data: &[u8],
    limits: &ExpandLimits,
    depth: usize,
    budget: &mut Budget,
    sink: &mut dyn BlobSink,
) {
    // With archives turned off (`--max-archive-depth 0`) an archive is a binary file.
    if let Some(kind) = archive_kind(path).filter(|_| limits.max_depth > 0) {
        if depth < limits.max_depth {
            if let Err(reason) = open_archive(kind, path, data, limits, depth, budget, sink) {
                sink.skipped(ScanError {
                    path: path.to_string(),
                    reason,
                });
            }
            return;
        }
        if looks_binary(data) {
            sink.skipped(ScanError {
                path: path.to_string(),
                reason: SkipReason::ArchiveLimit(format!(
                    "archive nested deeper than --max-archive-depth {}",
                    limits.max_depth
                )),
            });
            return;
        }
    }
    if let Some(endian) = utf16::detect(data) {
        sink.blob(path, &utf16::decode(data, endian));
        return;
    }
    if looks_binary(data) {
        sink.skipped(ScanError {
            path: path.to_string(),
            reason: SkipReason::Binary,
        });
        return;
    }
    sink.blob(path, data);
}

/// Reads every member of one archive and delivers it. `Err` ends the archive: it is corrupt,
/// or a limit was reached (members delivered before that were scanned).
fn open_archive(
    kind: Kind,
    path: &str,
    data: &[u8],
    limits: &ExpandLimits,
    depth: usize,
    budget: &mut Budget,
    sink: &mut dyn BlobSink,
) -> Result<(), SkipReason> {
    let mut member = |name: &str, bytes: Vec<u8>, budget: &mut Budget| {
        let inner = format!("{path}!{}", member_name(name));
        deliver_at(&inner, &bytes, limits, depth + 1, budget, sink);
    };
    match kind {
        Kind::Zip => read_zip(data, limits, &mut Counter::new(budget, limits), &mut member),
        Kind::Tar => read_tar(data, &mut Counter::new(budget, limits), &mut member),
        Kind::TarGz => read_tar(
            flate2::read::MultiGzDecoder::new(data),
            &mut Counter::new(budget, limits).with_ratio(data.len() as u64),
            &mut member,
        ),
        Kind::Gz => {
            let name = path.rsplit(['/', '!']).next().unwrap_or(path);
            let inner = name[..name.len() - 3].to_string();
            let mut counter = Counter::new(budget, limits).with_ratio(data.len() as u64);
            let bytes = counter.read(flate2::read::MultiGzDecoder::new(data), &inner)?;
            member(&inner, bytes, counter.budget);
            Ok(())
        }
    }
}

/// A member's name as reports show it: '/'-separated, without a leading '/', and with `..`
/// written `__`, so that a crafted archive ("zip slip") cannot put a path in a report that
/// points outside the scanned tree.
fn member_name(name: &str) -> String {
    let parts: Vec<&str> = name
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != ".")
        .map(|p| if p == ".." { "__" } else { p })
        .collect();
    if parts.is_empty() {
        "_".to_string()
    } else {
        parts.join("/")
    }
}

/// Enforces the limits while members are read.
struct Counter<'b> {
    budget: &'b mut Budget,
    limits: ExpandLimits,
    /// For streams without per-member sizes (gzip): the compressed size of the whole.
    compressed_total: Option<u64>,
    read_total: u64,
}

impl<'b> Counter<'b> {
    fn new(budget: &'b mut Budget, limits: &ExpandLimits) -> Counter<'b> {
        Counter {
            budget,
            limits: *limits,
            compressed_total: None,
            read_total: 0,
        }
    }

    fn with_ratio(mut self, compressed: u64) -> Counter<'b> {
        self.compressed_total = Some(compressed.max(1));
        self
    }

    /// Reads one member whole, within the limits.
    fn read(&mut self, reader: impl Read, name: &str) -> Result<Vec<u8>, SkipReason> {
        if self.budget.members == 0 {
            return Err(limit(format!(
                "more than {} members",
                self.limits.max_members
            )));
        }
        self.budget.members -= 1;
        let cap = self.limits.max_member_size.min(self.budget.bytes);
        let mut bytes = Vec::new();
        reader
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| SkipReason::BadArchive(format!("{name}: {e}")))?;
        let n = bytes.len() as u64;
        if n > self.budget.bytes {
            return Err(limit(format!(
                "more than {} uncompressed bytes",
                self.limits.max_total_bytes
            )));
        }
        if n > self.limits.max_member_size {
            return Err(limit(format!(
                "member {name} is larger than --max-file-size ({} bytes)",
                self.limits.max_member_size
            )));
        }
        self.budget.bytes -= n;
        self.read_total += n;
        if let Some(compressed) = self.compressed_total {
            self.check_ratio(self.read_total, compressed, name)?;
        }
        Ok(bytes)
    }

    fn check_ratio(&self, size: u64, compressed: u64, name: &str) -> Result<(), SkipReason> {
        if size > 1 << 20 && size / compressed.max(1) > self.limits.max_ratio {
            return Err(limit(format!(
                "{name} expands {}x (over {}x: a decompression bomb?)",
                size / compressed.max(1),
                self.limits.max_ratio
            )));
        }
        Ok(())
    }
}

fn limit(message: String) -> SkipReason {
    SkipReason::ArchiveLimit(message)
}

fn read_zip(
    data: &[u8],
    limits: &ExpandLimits,
    counter: &mut Counter<'_>,
    member: &mut dyn FnMut(&str, Vec<u8>, &mut Budget),
) -> Result<(), SkipReason> {
    let bad = |e: zip::result::ZipError| SkipReason::BadArchive(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(data)).map_err(bad)?;
    for i in 0..archive.len() {
        let file = archive.by_index(i).map_err(bad)?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().to_string();
        let declared = file.size();
        let compressed = file.compressed_size();
        if declared > limits.max_member_size {
            return Err(limit(format!(
                "member {name} is larger than --max-file-size ({declared} bytes)"
            )));
        }
        counter.check_ratio(declared, compressed, &name)?;
        let bytes = counter.read(file, &name)?;
        // The declared size can lie: check the ratio on what was actually read too.
        counter.check_ratio(bytes.len() as u64, compressed, &name)?;
        member(&name, bytes, counter.budget);
    }
    Ok(())
}

fn read_tar(
    reader: impl Read,
    counter: &mut Counter<'_>,
    member: &mut dyn FnMut(&str, Vec<u8>, &mut Budget),
) -> Result<(), SkipReason> {
    let bad = |e: std::io::Error| SkipReason::BadArchive(e.to_string());
    let mut archive = tar::Archive::new(reader);
    for entry in archive.entries().map_err(bad)? {
        let entry = entry.map_err(bad)?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let name = entry
            .path()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "?".into());
        let bytes = counter.read(entry, &name)?;
        member(&name, bytes, counter.budget);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[derive(Default)]
    struct Collect {
        blobs: Vec<(String, Vec<u8>)>,
        skipped: Vec<ScanError>,
    }

    impl BlobSink for Collect {
        fn blob(&mut self, path: &str, data: &[u8]) {
            self.blobs.push((path.to_string(), data.to_vec()));
        }
        fn skipped(&mut self, error: ScanError) {
            self.skipped.push(error);
        }
    }

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in files {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .expect("start");
            w.write_all(data).expect("write");
        }
        w.finish().expect("finish").into_inner()
    }

    fn tar_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        for (name, data) in files {
            let mut h = tar::Header::new_gnu();
            h.set_size(data.len() as u64);
            h.set_mode(0o644);
            h.set_cksum();
            b.append_data(&mut h, name, *data).expect("append");
        }
        b.into_inner().expect("tar")
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).expect("gz");
        e.finish().expect("gz")
    }

    fn run(path: &str, data: &[u8], limits: &ExpandLimits) -> Collect {
        let mut c = Collect::default();
        deliver(path, data, limits, &mut c);
        c
    }

    #[test]
    fn members_of_every_format_with_nested_paths() {
        let inner = zip_of(&[("conf/app.env", b"A=1\n")]);
        let outer = tar_of(&[("lib/inner.jar", &inner), ("README", b"hello\n")]);
        let c = run("backup.tgz", &gz(&outer), &ExpandLimits::default());
        let paths: Vec<&str> = c.blobs.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            ["backup.tgz!lib/inner.jar!conf/app.env", "backup.tgz!README"]
        );
        let c = run(
            "x/notes.txt.gz",
            &gz(b"secret notes\n"),
            &ExpandLimits::default(),
        );
        assert_eq!(
            c.blobs,
            [(
                "x/notes.txt.gz!notes.txt".to_string(),
                b"secret notes\n".to_vec()
            )]
        );
    }

    #[test]
    fn member_names_cannot_climb_out() {
        assert_eq!(member_name("../../etc/passwd"), "__/__/etc/passwd");
        assert_eq!(member_name("/abs/./x\\y"), "abs/x/y");
        assert_eq!(member_name(""), "_");
    }

    #[test]
    fn depth_limit() {
        let inner = zip_of(&[("a.txt", b"A=1\n")]);
        let outer = zip_of(&[("inner.zip", &inner)]);
        let limits = ExpandLimits {
            max_depth: 1,
            ..ExpandLimits::default()
        };
        let c = run("o.zip", &outer, &limits);
        assert!(c.blobs.is_empty());
        assert_eq!(c.skipped.len(), 1);
        assert_eq!(c.skipped[0].path, "o.zip!inner.zip");
        assert!(matches!(c.skipped[0].reason, SkipReason::ArchiveLimit(_)));
    }

    #[test]
    fn bombs_and_corrupt_archives_are_skipped_with_a_reason() {
        let zeros = vec![0u8; 8 << 20];
        let c = run(
            "bomb.zip",
            &zip_of(&[("z", &zeros)]),
            &ExpandLimits::default(),
        );
        assert!(c.blobs.is_empty());
        assert!(
            matches!(&c.skipped[0].reason, SkipReason::ArchiveLimit(m) if m.contains("bomb")),
            "{:?}",
            c.skipped
        );
        let c = run("bomb.gz", &gz(&zeros), &ExpandLimits::default());
        assert!(
            matches!(&c.skipped[0].reason, SkipReason::ArchiveLimit(_)),
            "{:?}",
            c.skipped
        );
        let many: Vec<(String, Vec<u8>)> = (0..20)
            .map(|i| (format!("f{i}"), b"x\n".to_vec()))
            .collect();
        let refs: Vec<(&str, &[u8])> = many
            .iter()
            .map(|(n, d)| (n.as_str(), d.as_slice()))
            .collect();
        let limits = ExpandLimits {
            max_members: 5,
            ..ExpandLimits::default()
        };
        let c = run("many.zip", &zip_of(&refs), &limits);
        assert_eq!(c.blobs.len(), 5);
        assert!(
            matches!(&c.skipped[0].reason, SkipReason::ArchiveLimit(m) if m.contains("members"))
        );
        for (name, data) in [
            ("bad.zip", &b"PK\x03\x04garbage"[..]),
            ("bad.tgz", b"\x1f\x8bnope"),
            ("bad.tar", &[1u8; 700][..]),
        ] {
            let c = run(name, data, &ExpandLimits::default());
            assert!(c.blobs.is_empty(), "{name}");
            assert!(
                matches!(c.skipped[0].reason, SkipReason::BadArchive(_)),
                "{name}: {:?}",
                c.skipped
            );
        }
    }

    #[test]
    fn utf16_and_binary() {
        let text: Vec<u8> = "key = value\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let c = run("a.reg", &text, &ExpandLimits::default());
        assert_eq!(c.blobs[0].1, b"key = value\n");
        let c = run("a.bin", b"\x00\x01\x02", &ExpandLimits::default());
        assert!(matches!(c.skipped[0].reason, SkipReason::Binary));
    }
}
