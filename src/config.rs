//! The project config file, `.keysweep.toml` at the scanned root (or `--config FILE`). Unknown
//! keys are errors that name the file and line, so that a typo cannot silently change what is
//! scanned. Today it holds the path allowlist; the full schema (custom rules, regex allowlists,
//! stopwords) grows here.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ConfigError;

/// The file name looked for at the scanned root.
pub const CONFIG_FILE_NAME: &str = ".keysweep.toml";

/// A parsed config file.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// What not to report.
    #[serde(default)]
    pub allowlist: AllowlistConfig,
    /// The file it came from, for messages.
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

/// `[allowlist]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowlistConfig {
    /// Globs (`globset` syntax, matched against the report path, relative to the scanned root):
    /// findings in matching files are dropped and counted.
    #[serde(default)]
    pub paths: Vec<String>,
}

impl Config {
    /// Parses config text; `file` names it in errors.
    pub fn parse(file: &Path, text: &str) -> Result<Config, ConfigError> {
        let name = file.display().to_string();
        let mut config: Config = toml::from_str(text).map_err(|e| ConfigError::Invalid {
            location: crate::rules::toml_location(&name, text, e.span()),
            message: e.message().trim().to_string(),
        })?;
        config.source = Some(file.to_path_buf());
        Ok(config)
    }

    /// Loads `explicit` if given (it must exist), else `.keysweep.toml` in `root` if present,
    /// else the empty config.
    pub fn discover(explicit: Option<&Path>, root: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => match root.map(|r| r.join(CONFIG_FILE_NAME)) {
                Some(p) if p.is_file() => p,
                _ => return Ok(Config::default()),
            },
        };
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError::Path {
            path: path.clone(),
            message: format!("cannot read config file: {e}"),
        })?;
        Config::parse(&path, &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_an_error_with_line() {
        let err = Config::parse(Path::new("c.toml"), "[allowlist]\npaths = []\npath = []\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.toml:3:"), "{err}");
        assert!(err.contains("unknown field `path`"), "{err}");
    }

    #[test]
    fn parses_paths() {
        let c = Config::parse(
            Path::new("c.toml"),
            "[allowlist]\npaths = [\"fixtures/**\"]\n",
        )
        .expect("parses");
        assert_eq!(c.allowlist.paths, vec!["fixtures/**"]);
    }
}
