//! Offline validators: pure functions from a secret's bytes to "structurally valid or not", so
//! that a checksum or a key derivation, not a regex alone, proves a finding. One file per family.
//! A validator never touches the network.

mod aip80;
mod aws;
mod base62_crc;
mod base64_len;
mod bech32_keys;
mod bip39;
mod ed25519;
mod generic;
mod jwt;
mod macaroon;
mod p256;
mod pem;
mod secp256k1;
mod slack;
mod wif;
mod xprv;

/// What a validator concluded and what it checked (shown as `validation` in reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validation {
    /// The structure holds.
    pub valid: bool,
    /// A short name of the check, e.g. `secp256k1-scalar`.
    pub checked: &'static str,
    /// Passing proves the secret's structure (a checksum, a key derivation, a parse). A
    /// heuristic filter (`generic-secret`, `typed-password`, `slack-token`) only drops
    /// look-alikes: its findings are not marked validated.
    pub proof: bool,
}

/// Every validator name a rule may give in `validate`.
pub const NAMES: &[&str] = &[
    "secp256k1-scalar",
    "bip39-checksum",
    "base58check-xprv",
    "base58check-wif",
    "ed25519-keypair",
    "p256-private-key",
    "base64-64-bytes",
    "pem-der",
    "sui-private-key",
    "nostr-nsec",
    "age-secret-key",
    "cardano-signing-key",
    "aip80-private-key",
    "lnd-macaroon",
    "jwt",
    "github-crc32",
    "npm-crc32",
    "pypi-macaroon",
    "pem-private-key",
    "gcp-service-account",
    "aws-key-id",
    "generic-secret",
    "typed-password",
    "basic-auth",
    "slack-token",
];

/// True when `name` is a known validator.
pub fn exists(name: &str) -> bool {
    NAMES.contains(&name)
}

/// The validators that only drop look-alikes (see [`Validation::proof`]).
fn is_heuristic(name: &str) -> bool {
    matches!(name, "generic-secret" | "typed-password" | "slack-token")
}

/// Runs the validator `name` on `secret`; `None` for an unknown name (rules are checked at
/// load time, so this does not happen in a built scanner).
pub fn validate(name: &str, secret: &[u8]) -> Option<Validation> {
    // The check is reported under its own name.
    let checked = *NAMES.iter().find(|&&n| n == name)?;
    let valid = match checked {
        "secp256k1-scalar" => secp256k1::is_valid_private_key_hex(secret),
        "bip39-checksum" => bip39::is_valid_mnemonic(secret),
        "base58check-xprv" => xprv::is_valid_xprv(secret),
        "base58check-wif" => wif::is_valid_wif(secret),
        "ed25519-keypair" => ed25519::is_valid_keypair(secret),
        "p256-private-key" => p256::is_valid_p256_key(secret),
        "base64-64-bytes" => base64_len::is_base64_of_64_bytes(secret),
        "pem-der" => pem::is_valid_pem_der(secret),
        "sui-private-key" => bech32_keys::is_valid_sui_key(secret),
        "nostr-nsec" => bech32_keys::is_valid_nsec(secret),
        "age-secret-key" => bech32_keys::is_valid_age_key(secret),
        "cardano-signing-key" => bech32_keys::is_valid_cardano_key(secret),
        "aip80-private-key" => aip80::is_valid_aip80(secret),
        "lnd-macaroon" => macaroon::is_valid_lnd_macaroon(secret),
        "jwt" => jwt::is_valid_jwt(secret),
        "github-crc32" => base62_crc::is_valid_github_token(secret),
        "npm-crc32" => base62_crc::is_valid_npm_token(secret),
        "pypi-macaroon" => macaroon::is_valid_pypi_token(secret),
        // The rule's regex holds the JSON's `"type": "service_account"`; the secret is its
        // `private_key`, which must be a key.
        "pem-private-key" | "gcp-service-account" => pem::is_valid_pem_private_key(secret),
        "aws-key-id" => aws::is_valid_access_key_id(secret),
        "basic-auth" => generic::is_basic_auth(secret),
        "generic-secret" => generic::looks_generated(secret),
        "typed-password" => generic::is_typed_password(secret),
        "slack-token" => slack::is_slack_token(secret),
        _ => return None,
    };
    Some(Validation {
        valid,
        checked,
        proof: !is_heuristic(checked),
    })
}

/// The words of a BIP39 phrase as the validator reads them (lowercase, single spaces), for
/// comparing a finding with the well-known public mnemonics.
pub fn normalize_mnemonic(secret: &[u8]) -> Option<String> {
    bip39::normalize(secret)
}

pub use bip39::{words as mnemonic_words, PHRASE_WORDS as MNEMONIC_WORDS};

/// `n` characters in a row, each one more than the last (`abcde`, `12345`, `LMNOP`): typed by a
/// person, not generated (the generic and Slack checks): a random value of the lengths they see
/// holds a run of five about once in a million.
fn has_ascending_run(s: &[u8], n: usize) -> bool {
    s.windows(n)
        .any(|w| w.windows(2).all(|p| p[1] == p[0].wrapping_add(1)))
}

/// The order n of secp256k1, big-endian.
#[cfg(test)]
pub(crate) const SECP256K1_N: [u8; 32] = [
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
    0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41,
];

/// True when `k` (32 bytes, big-endian) is a secp256k1 private scalar: 1 ≤ k ≤ n−1.
pub(crate) fn scalar_in_range(k: &[u8]) -> bool {
    k.len() == 32 && k256::SecretKey::from_slice(k).is_ok()
}

/// Deterministic pseudo-random bytes for tests (splitmix64): inputs are generated, never pasted.
#[cfg(test)]
pub(crate) fn test_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        out.extend_from_slice(&z.to_le_bytes());
    }
    out.truncate(n);
    out
}

/// A random valid secp256k1 scalar for tests.
#[cfg(test)]
pub(crate) fn test_scalar(seed: u64) -> Vec<u8> {
    (0..)
        .map(|i| test_bytes(seed * 1000 + i, 32))
        .find(|k| scalar_in_range(k))
        .expect("a random 256-bit value is almost always below n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_dispatches() {
        for name in NAMES {
            let v = validate(name, b"").expect("known validator");
            assert!(!v.valid);
            assert_eq!(v.checked, *name);
        }
        assert!(validate("nope", b"").is_none());
    }

    #[test]
    fn scalar_range_edges() {
        assert!(!scalar_in_range(&[0; 32]));
        assert!(!scalar_in_range(&SECP256K1_N));
        let mut n_minus_1 = SECP256K1_N;
        n_minus_1[31] -= 1;
        assert!(scalar_in_range(&n_minus_1));
        assert!(!scalar_in_range(&[1; 31]));
    }
}
