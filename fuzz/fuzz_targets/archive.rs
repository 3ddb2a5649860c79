//! Fuzz target: see `keysweep::fuzz_entry::archive`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| keysweep::fuzz_entry::archive(data));
