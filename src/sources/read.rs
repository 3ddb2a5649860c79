//! Reading one file safely: never block on a FIFO or a device, never read more than the size
//! limit, and tell binary files by a NUL in the first 8 KiB without reading the rest.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::error::SkipReason;

/// How much of a file is looked at to decide whether it is binary (as git and ripgrep do).
pub const BINARY_PROBE: usize = 8 * 1024;

/// True when `data` looks binary: a NUL byte in its first [`BINARY_PROBE`] bytes. The one
/// test every source uses (files, history blobs, staged blobs).
pub fn looks_binary(data: &[u8]) -> bool {
    memchr::memchr(0, &data[..data.len().min(BINARY_PROBE)]).is_some()
}

/// Reads `path` into `buf` (cleared first). On `Err`, the file was not scanned, for the reason
/// given. A binary file is not read past its first 8 KiB, unless it is an `archive` (opened by
/// `expand`) or UTF-16 text.
pub fn read_file(
    path: &Path,
    max_size: u64,
    buf: &mut Vec<u8>,
    archive: bool,
) -> Result<(), SkipReason> {
    let binary =
        |data: &[u8]| !archive && looks_binary(data) && super::utf16::detect(data).is_none();
    buf.clear();
    let mut file = open_nonblocking(path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    let meta = file
        .metadata()
        .map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(SkipReason::NotAFile);
    }
    if meta.len() > max_size {
        return Err(SkipReason::TooLarge(meta.len()));
    }
    let probe_len = (BINARY_PROBE as u64).min(meta.len()) as usize;
    buf.resize(probe_len, 0);
    if let Err(e) = file.read_exact(&mut buf[..probe_len]) {
        // The file shrank between stat and read: treat what is left as the file.
        if e.kind() != io::ErrorKind::UnexpectedEof {
            return Err(SkipReason::Unreadable(e.to_string()));
        }
        buf.clear();
        return read_rest(&mut file, max_size, buf, &binary);
    }
    if binary(buf) {
        return Err(SkipReason::Binary);
    }
    read_rest(&mut file, max_size, buf, &binary)?;
    Ok(())
}

/// Reads to the end, still capped: a file can grow after `stat`.
fn read_rest(
    file: &mut File,
    max_size: u64,
    buf: &mut Vec<u8>,
    binary: &dyn Fn(&[u8]) -> bool,
) -> Result<(), SkipReason> {
    let already = buf.len() as u64;
    let mut limited = file.take(max_size.saturating_sub(already) + 1);
    limited
        .read_to_end(buf)
        .map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if buf.len() as u64 > max_size {
        return Err(SkipReason::TooLarge(buf.len() as u64));
    }
    if already == 0 && binary(buf) {
        return Err(SkipReason::Binary);
    }
    Ok(())
}

/// Opens without blocking: opening a FIFO for reading blocks until a writer appears, so
/// `O_NONBLOCK` is set and the caller checks the file type on the open handle.
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_detects_binary_and_size() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = dir.path().join("t");
        std::fs::write(&text, b"hello\r\nworld").expect("write");
        let mut buf = Vec::new();
        read_file(&text, 100, &mut buf, false).expect("readable");
        assert_eq!(buf, b"hello\r\nworld");
        assert_eq!(
            read_file(&text, 5, &mut buf, false),
            Err(SkipReason::TooLarge(12))
        );
        let bin = dir.path().join("b");
        std::fs::write(&bin, b"ab\0cd").expect("write");
        assert_eq!(
            read_file(&bin, 100, &mut buf, false),
            Err(SkipReason::Binary)
        );
        let late_nul = dir.path().join("late");
        let mut data = vec![b'a'; BINARY_PROBE + 10];
        data[BINARY_PROBE + 5] = 0;
        std::fs::write(&late_nul, &data).expect("write");
        read_file(&late_nul, 1 << 20, &mut buf, false).expect("NUL after the probe is text");
    }

    #[cfg(unix)]
    #[test]
    fn fifo_is_not_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("f");
        let c = std::ffi::CString::new(fifo.to_str().expect("utf8").as_bytes()).expect("cstring");
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let mut buf = Vec::new();
        assert_eq!(
            read_file(&fifo, 100, &mut buf, false),
            Err(SkipReason::NotAFile)
        );
    }
}
