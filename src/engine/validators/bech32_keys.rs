//! Secret keys that name themselves in a Bech32 human-readable part: Sui (`suiprivkey1…`),
//! Nostr (`nsec1…`), age (`AGE-SECRET-KEY-1…`) and Cardano CIP-5 signing keys (`addr_sk1…`,
//! `root_xsk1…`, …). The checksum, the prefix and the payload length are checked; keys on
//! secp256k1 also have their scalar range checked. The `bech32` crate does the decoding.

use bech32::primitives::decode::CheckedHrpstring;
use bech32::Bech32;

use super::scalar_in_range;

/// The human-readable part (lowercase) and the payload bytes of a Bech32 string.
fn decode(secret: &[u8]) -> Option<(String, Vec<u8>)> {
    let text = std::str::from_utf8(secret.trim_ascii()).ok()?;
    let checked = CheckedHrpstring::new::<Bech32>(text).ok()?;
    let hrp = checked.hrp().to_lowercase();
    Some((hrp, checked.byte_iter().collect()))
}

/// `sui-private-key`: `suiprivkey` + 33 bytes = scheme flag (0 Ed25519, 1 secp256k1,
/// 2 secp256r1) and the 32-byte key.
pub fn is_valid_sui_key(secret: &[u8]) -> bool {
    match decode(secret) {
        Some((hrp, bytes)) if hrp == "suiprivkey" && bytes.len() == 33 => match bytes[0] {
            0 => true,
            1 => scalar_in_range(&bytes[1..]),
            2 => p256::SecretKey::from_slice(&bytes[1..]).is_ok(),
            _ => false,
        },
        _ => false,
    }
}

/// `nostr-nsec`: `nsec` + a 32-byte secp256k1 scalar (NIP-19).
pub fn is_valid_nsec(secret: &[u8]) -> bool {
    matches!(decode(secret), Some((hrp, bytes)) if hrp == "nsec" && scalar_in_range(&bytes))
}

/// `age-secret-key`: `age-secret-key-` + a 32-byte X25519 key.
pub fn is_valid_age_key(secret: &[u8]) -> bool {
    matches!(decode(secret), Some((hrp, bytes)) if hrp == "age-secret-key-" && bytes.len() == 32)
}

/// `cardano-signing-key`: a CIP-5 secret-key prefix (`*_sk`: 32-byte Ed25519 key; `*_xsk`:
/// 64-byte extended key, or 96 with the chain code).
pub fn is_valid_cardano_key(secret: &[u8]) -> bool {
    match decode(secret) {
        Some((hrp, bytes)) if hrp.ends_with("_xsk") => matches!(bytes.len(), 64 | 96),
        Some((hrp, bytes)) if hrp.ends_with("_sk") => bytes.len() == 32,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::{test_bytes, test_scalar};
    use bech32::Hrp;

    fn encode(hrp: &str, data: &[u8]) -> String {
        bech32::encode::<Bech32>(Hrp::parse(hrp).expect("valid hrp"), data).expect("encodes")
    }

    fn flip(s: &str, at: usize) -> String {
        let mut chars: Vec<char> = s.chars().collect();
        chars[at] = if chars[at] == 'q' { 'p' } else { 'q' };
        chars.into_iter().collect()
    }

    #[test]
    fn sui_keys_of_each_scheme() {
        let mut ed = vec![0u8];
        ed.extend(test_bytes(1, 32));
        let s = encode("suiprivkey", &ed);
        assert!(s.starts_with("suiprivkey1") && s.len() == 70, "{s}");
        assert!(is_valid_sui_key(s.as_bytes()));
        let mut k1 = vec![1u8];
        k1.extend(test_scalar(2));
        assert!(is_valid_sui_key(encode("suiprivkey", &k1).as_bytes()));
        let mut bad_flag = vec![7u8];
        bad_flag.extend(test_bytes(3, 32));
        assert!(!is_valid_sui_key(
            encode("suiprivkey", &bad_flag).as_bytes()
        ));
        assert!(!is_valid_sui_key(flip(&s, 20).as_bytes()));
        assert!(!is_valid_sui_key(
            encode("suiprivkey", &ed[..32]).as_bytes()
        ));
    }

    #[test]
    fn nsec_and_age_keys() {
        let n = encode("nsec", &test_scalar(4));
        assert!(n.starts_with("nsec1") && n.len() == 63, "{n}");
        assert!(is_valid_nsec(n.as_bytes()));
        assert!(!is_valid_nsec(flip(&n, 10).as_bytes()));
        assert!(!is_valid_nsec(encode("npub", &test_scalar(4)).as_bytes()));
        assert!(!is_valid_nsec(encode("nsec", &[0xff; 32]).as_bytes()));
        let a = encode("age-secret-key-", &test_bytes(5, 32)).to_uppercase();
        assert!(a.starts_with("AGE-SECRET-KEY-1") && a.len() == 74, "{a}");
        assert!(is_valid_age_key(a.as_bytes()));
        assert!(!is_valid_age_key(flip(&a.to_lowercase(), 30).as_bytes()));
    }

    #[test]
    fn cardano_keys_by_prefix_and_length() {
        assert!(is_valid_cardano_key(
            encode("addr_sk", &test_bytes(6, 32)).as_bytes()
        ));
        assert!(is_valid_cardano_key(
            encode("root_xsk", &test_bytes(7, 96)).as_bytes()
        ));
        assert!(!is_valid_cardano_key(
            encode("addr_vk", &test_bytes(8, 32)).as_bytes()
        ));
        assert!(!is_valid_cardano_key(
            encode("addr_sk", &test_bytes(9, 64)).as_bytes()
        ));
        assert!(!is_valid_cardano_key(b"addr_sk1notbech32"));
    }
}
