//! Integration tests: the `keysweep` binary run on trees built at test time. One binary, a
//! module per feature (as ripgrep does), sharing `util`.

mod util;

mod archives;
mod bad_input;
mod decoding;
mod filters;
mod fingerprint_props;
mod fuzz_corpus;
mod git;
mod reports;
mod scan;
mod scan_errors;
mod scan_output;
mod validation;
