//! Sources yield blobs: the bytes of one file (or, later, one git object) plus the path that
//! reports show. Each source calls a [`BlobSink`] per worker thread, so that reading, scanning
//! and dropping a blob happen on one core without copying it across threads.

pub mod expand;
pub mod fs;
pub mod git;
pub mod pack_order;
mod read;
pub mod staged;
pub mod timefmt;
pub mod utf16;

pub use read::{looks_binary, BINARY_PROBE};

use crate::error::ScanError;

/// Receives what a source produces on one worker thread.
pub trait BlobSink: Send {
    /// A readable blob: `path` as reports show it, `data` valid only during the call.
    fn blob(&mut self, path: &str, data: &[u8]);
    /// An input that was not scanned, and why.
    fn skipped(&mut self, error: ScanError);
}
