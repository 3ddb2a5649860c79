//! Filters drop findings that the user has allowed. They run after the engine and know nothing
//! of how a finding was made; every drop is counted per reason so that nothing is hidden
//! silently.

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Serialize;

use crate::config::Config;
use crate::error::ConfigError;
use crate::finding::Finding;

pub mod known_keys;

/// Why a finding was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason {
    /// Its path matches `[allowlist] paths`.
    AllowlistPath,
    /// A range scan found it in a file that already held it before the range.
    AlreadyInBase,
    /// It is a well-known public key (development-chain default account, spec test vector):
    /// see [`known_keys`].
    KnownPublicKey,
}

/// Counts of dropped findings, per reason (reported in `stats.dropped`).
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct DropCounts {
    /// Dropped by `[allowlist] paths`.
    pub allowlist_path: u64,
    /// Range scans: already in the file before the range.
    pub already_in_base: u64,
    /// Well-known public test keys (Hardhat/Anvil/Ganache/Truffle defaults, spec vectors).
    pub known_test_key: u64,
}

impl DropCounts {
    /// Counts one drop.
    pub fn add(&mut self, reason: DropReason) {
        match reason {
            DropReason::AllowlistPath => self.allowlist_path += 1,
            DropReason::AlreadyInBase => self.already_in_base += 1,
            DropReason::KnownPublicKey => self.known_test_key += 1,
        }
    }

    /// Adds another thread's counts.
    pub fn merge(&mut self, other: &DropCounts) {
        self.allowlist_path += other.allowlist_path;
        self.already_in_base += other.already_in_base;
        self.known_test_key += other.known_test_key;
    }
}

/// The compiled filters of one run.
#[derive(Debug, Clone)]
pub struct Filters {
    allow_paths: GlobSet,
}

impl Filters {
    /// Compiles the config's filters; a bad glob is a config error naming the file.
    pub fn new(config: &Config) -> Result<Filters, ConfigError> {
        let mut b = GlobSetBuilder::new();
        for pattern in &config.allowlist.paths {
            let glob = Glob::new(pattern).map_err(|e| ConfigError::Invalid {
                location: config
                    .source
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "config".into()),
                message: format!("allowlist.paths: bad glob '{pattern}': {e}"),
            })?;
            b.add(glob);
        }
        let allow_paths = b.build().map_err(|e| ConfigError::Invalid {
            location: "config".into(),
            message: e.to_string(),
        })?;
        Ok(Filters { allow_paths })
    }

    /// Filters without a config: only the well-known public keys are dropped.
    pub fn none() -> Filters {
        Filters {
            allow_paths: GlobSet::empty(),
        }
    }

    /// `Err(reason)` when the finding must be dropped.
    pub fn check(&self, finding: &Finding) -> Result<(), DropReason> {
        if self.allow_paths.is_match(&finding.path) {
            return Err(DropReason::AllowlistPath);
        }
        if known_keys::is_known_public(&finding.secret) {
            return Err(DropReason::KnownPublicKey);
        }
        Ok(())
    }
}
