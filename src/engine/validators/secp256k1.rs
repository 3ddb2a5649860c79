//! secp256k1 private keys (Ethereum/EVM and Bitcoin): a 32-byte scalar in [1, n-1]. Zero, the
//! curve order and anything above it are not keys, which drops sentinel values such as
//! `0x000…0` and `0xfff…f` that share the 64-hex shape.

/// True when `secret` is 64 hex digits (optionally `0x`-prefixed) encoding a valid scalar.
pub fn is_valid_private_key_hex(secret: &[u8]) -> bool {
    let hex = secret
        .strip_prefix(b"0x")
        .or_else(|| secret.strip_prefix(b"0X"))
        .unwrap_or(secret);
    let Some(bytes) = decode_hex32(hex) else {
        return false;
    };
    k256::SecretKey::from_slice(&bytes).is_ok()
}

/// Decodes exactly 64 hex digits. Hand-written: eight lines, and it avoids a dependency for a
/// fixed-size decode.
fn decode_hex32(hex: &[u8]) -> Option<[u8; 32]> {
    if hex.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in hex.chunks_exact(2).enumerate() {
        let hi = (pair[0] as char).to_digit(16)?;
        let lo = (pair[1] as char).to_digit(16)?;
        out[i] = (hi * 16 + lo) as u8;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const N: &str = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

    #[test]
    fn range() {
        assert!(is_valid_private_key_hex(
            b"0x426dad9284cb052c2cc7776322c274d1ec6475be43d7ac1e2ff5e2ab92551bbb"
        ));
        assert!(!is_valid_private_key_hex(&[b'0'; 64]));
        assert!(!is_valid_private_key_hex(N.as_bytes()));
        assert!(!is_valid_private_key_hex(&[b'f'; 64]));
        let n_minus_1 = N.replace("4141", "4140");
        assert!(is_valid_private_key_hex(n_minus_1.as_bytes()));
        assert!(!is_valid_private_key_hex(b"0x1234"));
        assert!(!is_valid_private_key_hex(&[b'g'; 64]));
    }
}
