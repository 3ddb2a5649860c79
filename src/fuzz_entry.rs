//! The fuzz targets' bodies (`fuzz/fuzz_targets/*.rs` call these), kept in the library so that
//! the saved fuzz corpus also runs as an ordinary test (`tests/fuzz_corpus.rs`) on a machine
//! without a nightly toolchain. Each must return normally for any input: a panic is a bug.

use std::path::Path;
use std::sync::OnceLock;

use crate::config::Config;
use crate::engine::{Scanner, ScannerBuilder};
use crate::error::ScanError;
use crate::filters::Filters;
use crate::sources::expand::{deliver, ExpandLimits};
use crate::sources::BlobSink;

/// The engine with the full built-in rule set over arbitrary bytes, as a file of one of a few
/// names (the first byte picks it, so that file-name rules run too).
pub fn engine(data: &[u8]) {
    static SCANNER: OnceLock<Option<Scanner>> = OnceLock::new();
    let scanner = SCANNER.get_or_init(|| {
        let rules = crate::rules::builtin_rules().ok()?;
        ScannerBuilder::new().rules(rules).build().ok()
    });
    let Some(scanner) = scanner else {
        return;
    };
    let names = ["a.txt", "id.json", ".env", "seed.txt", "x.pem"];
    let name = names[usize::from(data.first().copied().unwrap_or(0)) % names.len()];
    let filters = Filters::none();
    let _ = crate::scan::scan_bytes(scanner, &filters, name, data);
}

/// Config loading (keysweep's format and gitleaks') over arbitrary text, then the filters and
/// rule set it describes.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for name in [".keysweep.toml", ".gitleaks.toml"] {
        if let Ok(config) = Config::parse_file(Path::new(name), text) {
            if let Ok(builtin) = crate::rules::builtin_rules() {
                if let Ok(rules) = config.rules(builtin) {
                    let _ = Filters::new(&config, &rules);
                }
            }
        }
    }
}

/// Every offline validator over the same arbitrary bytes.
pub fn validators(data: &[u8]) {
    for name in crate::engine::validators::NAMES {
        let _ = crate::engine::validators::validate(name, data);
    }
}

/// The archive reader over arbitrary bytes, as each archive kind.
pub fn archive(data: &[u8]) {
    struct Discard;
    impl BlobSink for Discard {
        fn blob(&mut self, _path: &str, _data: &[u8]) {}
        fn skipped(&mut self, _error: ScanError) {}
    }
    let limits = ExpandLimits {
        max_total_bytes: 16 << 20,
        max_member_size: 4 << 20,
        ..ExpandLimits::default()
    };
    for name in ["f.zip", "f.tar", "f.tgz", "f.gz"] {
        deliver(name, data, &limits, &mut Discard);
    }
}
