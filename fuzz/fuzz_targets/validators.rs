//! Fuzz target: see `keysweep::fuzz_entry::validators`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| keysweep::fuzz_entry::validators(data));
