//! Aptos private keys in the AIP-80 form, `ed25519-priv-0x<64 hex>` or
//! `secp256k1-priv-0x<64 hex>`: the scheme is named in the string, so the key length (and,
//! for secp256k1, the scalar range) is all there is to check.

use super::secp256k1::is_valid_private_key_hex;

/// `aip80-private-key`.
pub fn is_valid_aip80(secret: &[u8]) -> bool {
    let s = secret.trim_ascii();
    if let Some(hex) = s.strip_prefix(b"secp256k1-priv-") {
        return is_valid_private_key_hex(hex);
    }
    let Some(hex) = s.strip_prefix(b"ed25519-priv-0x") else {
        return false;
    };
    hex.len() == 64 && hex.iter().all(u8::is_ascii_hexdigit) && hex.iter().any(|&b| b != b'0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::{test_scalar, SECP256K1_N};

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn both_schemes() {
        let k = hex(&test_scalar(1));
        assert!(is_valid_aip80(format!("ed25519-priv-0x{k}").as_bytes()));
        assert!(is_valid_aip80(format!("secp256k1-priv-0x{k}").as_bytes()));
        let n = hex(&SECP256K1_N);
        assert!(!is_valid_aip80(format!("secp256k1-priv-0x{n}").as_bytes()));
        assert!(!is_valid_aip80(
            format!("ed25519-priv-0x{}", &k[..62]).as_bytes()
        ));
        assert!(!is_valid_aip80(
            format!("ed25519-priv-0x{}", "0".repeat(64)).as_bytes()
        ));
        assert!(!is_valid_aip80(format!("rsa-priv-0x{k}").as_bytes()));
    }
}
