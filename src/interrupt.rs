//! Ctrl-C: the first one asks the scan to stop (sources stop handing out blobs, no report is
//! written, the run exits 130, and a report being written to `--output` is discarded, never
//! left truncated); a second one exits at once. The `ctrlc` crate installs the handler; the
//! flag is checked by the sources between blobs, so stopping takes at most one blob's scan.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// The exit code of an interrupted run (128 + SIGINT, as shells report it).
pub const EXIT_CODE: u8 = 130;

/// Installs the handler (once, from `main`). If it cannot be installed, Ctrl-C keeps its default
/// effect (the process ends at once), which loses nothing either: reports are written to a
/// temporary file and renamed.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        if REQUESTED.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(EXIT_CODE));
        }
    });
}

/// True once Ctrl-C was pressed: sources stop, commands exit 130.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::Relaxed)
}
