//! The progress bar of a history scan (stderr, terminals only): blobs scanned of blobs found so
//! far (the total grows while the walk goes on), bytes and rate.

use std::sync::atomic::{AtomicU64, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar, or nothing when disabled.
pub struct Progress {
    bar: Option<ProgressBar>,
    bytes: AtomicU64,
}

impl Progress {
    /// A bar on stderr when `enabled`.
    pub fn new(enabled: bool) -> Progress {
        let bar = enabled.then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr_with_hz(8));
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} blobs  {msg}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            bytes: AtomicU64::new(0),
        }
    }

    /// The walk found one more blob.
    pub fn found_blob(&self) {
        if let Some(b) = &self.bar {
            b.inc_length(1);
        }
    }

    /// A worker finished one blob of `bytes` bytes.
    pub fn scanned_blob(&self, bytes: u64) {
        let Some(b) = &self.bar else {
            return;
        };
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        b.inc(1);
        if b.position() % 512 == 0 {
            let secs = b.elapsed().as_secs_f64().max(0.001);
            b.set_message(format!(
                "{:.1} MiB, {:.1} MiB/s",
                total as f64 / 1048576.0,
                total as f64 / 1048576.0 / secs
            ));
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
