//! Fuzz target: see `keysweep::fuzz_entry::config`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| keysweep::fuzz_entry::config(data));
