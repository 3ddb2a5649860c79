//! Ed25519 keypairs as Solana writes them: 64 bytes = seed(32) | public key(32), either as a
//! JSON array of 64 integers (`solana-keygen`'s id.json), base58 (wallet exports) or base64
//! (CometBFT/Tendermint `priv_validator_key.json`). The
//! public half is derived from the seed and compared, which also rejects 64-byte transaction
//! signatures and random 64-byte strings.

use base64::Engine;
use ed25519_dalek::SigningKey;

/// The 64 bytes of `secret`: a `[n, n, …]` array of 64 integers 0–255, or base58.
fn decode(secret: &[u8]) -> Option<[u8; 64]> {
    let trimmed = secret.trim_ascii();
    let mut out = [0u8; 64];
    if trimmed.first() == Some(&b'[') {
        let inner = trimmed.strip_prefix(b"[")?.strip_suffix(b"]")?;
        let text = std::str::from_utf8(inner).ok()?;
        let mut n = 0;
        for part in text.split(',') {
            let part = part.trim();
            if n == 64 {
                return None;
            }
            out[n] = part.parse::<u8>().ok()?;
            n += 1;
        }
        return (n == 64).then_some(out);
    }
    // Base64 of 64 bytes is 88 characters ending in `==` (CometBFT/Tendermint key files,
    // Coinbase CDP); `=` is not a base58 character, so the two encodings cannot be confused.
    let decoded = if trimmed.len() == 88 && trimmed.ends_with(b"==") {
        base64::engine::general_purpose::STANDARD
            .decode(trimmed)
            .ok()?
    } else {
        bs58::decode(trimmed).into_vec().ok()?
    };
    if decoded.len() != 64 {
        return None;
    }
    out.copy_from_slice(&decoded);
    Some(out)
}

/// True when the last 32 bytes are the Ed25519 public key of the first 32.
pub fn is_valid_keypair(secret: &[u8]) -> bool {
    let Some(bytes) = decode(secret) else {
        return false;
    };
    let mut seed = [0u8; 32];
    seed.copy_from_slice(&bytes[..32]);
    let public = SigningKey::from_bytes(&seed).verifying_key();
    public.as_bytes() == &bytes[32..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::test_bytes;

    fn keypair(i: u64) -> Vec<u8> {
        let seed: [u8; 32] = test_bytes(i, 32).try_into().unwrap();
        let mut out = seed.to_vec();
        out.extend_from_slice(SigningKey::from_bytes(&seed).verifying_key().as_bytes());
        out
    }

    fn json(bytes: &[u8]) -> String {
        let nums: Vec<String> = bytes.iter().map(|b| b.to_string()).collect();
        format!("[{}]", nums.join(","))
    }

    #[test]
    fn generated_keypairs_pass_in_both_encodings() {
        for i in 0..50 {
            let kp = keypair(i);
            let b58 = bs58::encode(&kp).into_string();
            assert!(is_valid_keypair(b58.as_bytes()), "{b58}");
            assert!(is_valid_keypair(json(&kp).as_bytes()));
            let spaced = json(&kp).replace(',', ", ");
            assert!(is_valid_keypair(spaced.as_bytes()));
            let lines = json(&kp).replace(',', ",\n  ");
            assert!(is_valid_keypair(lines.as_bytes()));
            let b64 = base64::engine::general_purpose::STANDARD.encode(&kp);
            assert!(is_valid_keypair(b64.as_bytes()), "{b64}");
        }
    }

    #[test]
    fn corrupted_keypairs_and_signatures_fail() {
        let kp = keypair(3);
        let mut flipped = kp.clone();
        flipped[40] ^= 1;
        assert!(!is_valid_keypair(json(&flipped).as_bytes()));
        assert!(!is_valid_keypair(
            bs58::encode(&flipped).into_string().as_bytes()
        ));
        let mut b58 = bs58::encode(&kp).into_string().into_bytes();
        b58[10] = if b58[10] == b'z' { b'y' } else { b'z' };
        assert!(!is_valid_keypair(&b58));
        let b64 = base64::engine::general_purpose::STANDARD.encode(&flipped);
        assert!(!is_valid_keypair(b64.as_bytes()));
        // A 64-byte signature-shaped random string.
        let sig = test_bytes(99, 64);
        assert!(!is_valid_keypair(
            bs58::encode(&sig).into_string().as_bytes()
        ));
        // Wrong lengths, values out of range.
        assert!(!is_valid_keypair(json(&kp[..63]).as_bytes()));
        let mut long = kp.clone();
        long.push(1);
        assert!(!is_valid_keypair(json(&long).as_bytes()));
        assert!(!is_valid_keypair(
            json(&kp).replacen(',', ",256,", 1).as_bytes()
        ));
        assert!(!is_valid_keypair(b"[]"));
        assert!(!is_valid_keypair(
            bs58::encode(&kp[..32]).into_string().as_bytes()
        ));
    }
}
