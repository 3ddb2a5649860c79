//! Fuzz target: see `keysweep::fuzz_entry::engine`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| keysweep::fuzz_entry::engine(data));
