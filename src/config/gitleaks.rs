//! placeholder
use super::Config;
use crate::error::ConfigError;
use std::path::Path;
/// todo
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let _ = (path, text);
    Err(ConfigError::Invalid {
        location: path.display().to_string(),
        message: "gitleaks configs are not supported yet".into(),
    })
}
