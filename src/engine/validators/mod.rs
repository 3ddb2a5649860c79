//! Offline validators: pure functions from a secret's bytes to "structurally valid or not", so
//! that a checksum or a key derivation, not a regex alone, proves a finding. One file per family.
//! A validator never touches the network.

mod secp256k1;

/// What a validator concluded and what it checked (shown as `validation` in reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validation {
    /// The structure holds.
    pub valid: bool,
    /// A short name of the check, e.g. `secp256k1-scalar`.
    pub checked: &'static str,
}

/// Every validator name a rule may give in `validate`.
pub const NAMES: &[&str] = &["secp256k1-scalar"];

/// True when `name` is a known validator.
pub fn exists(name: &str) -> bool {
    NAMES.contains(&name)
}

/// Runs the validator `name` on `secret`; `None` for an unknown name (rules are checked at
/// load time, so this does not happen in a built scanner).
pub fn validate(name: &str, secret: &[u8]) -> Option<Validation> {
    match name {
        "secp256k1-scalar" => Some(Validation {
            valid: secp256k1::is_valid_private_key_hex(secret),
            checked: "secp256k1-scalar",
        }),
        _ => None,
    }
}
