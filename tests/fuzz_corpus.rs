//! The saved fuzz corpus (`fuzz/corpus/<target>/`, minimized) and every crash found
//! (`fuzz/regressions/<target>/`) replayed through the fuzz targets' bodies on stable, so that
//! each `cargo test` checks that no input found by fuzzing panics again.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            let data = std::fs::read(entry.path()).expect("read corpus file");
            run(&data);
            n += 1;
        }
    }
    assert!(n > 0, "no saved corpus for {target}");
}

#[test]
fn engine_corpus() {
    replay("engine", keysweep::fuzz_entry::engine);
}

#[test]
fn config_corpus() {
    replay("config", keysweep::fuzz_entry::config);
}

#[test]
fn validators_corpus() {
    replay("validators", keysweep::fuzz_entry::validators);
}

#[test]
fn archive_corpus() {
    replay("archive", keysweep::fuzz_entry::archive);
}
