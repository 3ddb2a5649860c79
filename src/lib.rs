//! # keysweep
//!
//! A secret scanner for repositories: leaked API keys, tokens, private keys and crypto-wallet
//! secrets, found offline and proven by their structure where the format allows it.
//!
//! The module layout is the pipeline, in order:
//!
//! 1. [`sources`] yield blobs (files today; git history next) and the inputs they could not
//!    read.
//! 2. [`engine`] turns a blob into raw matches: a keyword prefilter (one pass of a shift-or filter)
//!    selects rules, their regexes run only in windows around keyword hits, and entropy,
//!    placeholder and offline validator checks decide what is a secret. [`rules`] is the data
//!    it is built from.
//! 3. [`finding`] locates matches (line, column, fingerprint) — only the survivors pay for it.
//! 4. [`filters`] drop what the user allowed, counting every drop.
//! 5. [`report`] writes one format from the one finding model, redacting secrets.
//!
//! [`scan`] joins the stages for one run; [`cli`] is the command line. Errors are of two kinds
//! ([`error`]): configuration errors stop a run before it starts; per-input errors travel with
//! the findings, and an incomplete scan never exits 0.
#![deny(missing_docs)]

pub mod cli;
pub mod config;
pub mod engine;
pub mod error;
pub mod filters;
pub mod finding;
#[doc(hidden)]
pub mod fuzz_entry;
pub mod interrupt;
pub mod report;
pub mod rules;
pub mod scan;
pub mod scan_git;
pub mod sources;
