//! NIST P-256 private keys, the form Coinbase CDP uses for its ECDSA API key secrets (SEC1 PEM,
//! `-----BEGIN EC PRIVATE KEY-----`) and for the CDP wallet secret (base64 of a PKCS#8 DER key,
//! `MIGHAgEAMBMGByqGSM49…`). The key is parsed by the `p256` crate, which checks the scalar's
//! range and that the embedded public key is the scalar times the generator: a random body of
//! the right shape does not pass.

use base64::Engine;
use p256::pkcs8::DecodePrivateKey;
use p256::SecretKey;

use super::pem::decode_pem;

/// `p256-private-key`: a SEC1 or PKCS#8 PEM block, or bare base64 PKCS#8 DER, holding a valid
/// P-256 key pair.
pub fn is_valid_p256_key(secret: &[u8]) -> bool {
    let trimmed = secret.trim_ascii();
    if trimmed.starts_with(b"-----BEGIN ") {
        return match decode_pem(trimmed) {
            Some((label, der)) if label == "EC PRIVATE KEY" => {
                SecretKey::from_sec1_der(&der).is_ok()
            }
            Some((label, der)) if label == "PRIVATE KEY" => SecretKey::from_pkcs8_der(&der).is_ok(),
            _ => false,
        };
    }
    base64::engine::general_purpose::STANDARD
        .decode(trimmed)
        .is_ok_and(|der| SecretKey::from_pkcs8_der(&der).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::test_bytes;
    use p256::pkcs8::EncodePrivateKey;

    fn key(seed: u64) -> SecretKey {
        (0..)
            .find_map(|i| SecretKey::from_slice(&test_bytes(seed * 100 + i, 32)).ok())
            .expect("a random 256-bit value is almost always a P-256 scalar")
    }

    fn b64(der: &[u8]) -> String {
        base64::engine::general_purpose::STANDARD.encode(der)
    }

    #[test]
    fn sec1_pem_with_real_and_escaped_newlines() {
        let k = key(1);
        let der = k.to_sec1_der().expect("encodes");
        let body = b64(&der);
        let pem = format!("-----BEGIN EC PRIVATE KEY-----\n{body}\n-----END EC PRIVATE KEY-----\n");
        assert!(is_valid_p256_key(pem.as_bytes()));
        let escaped = pem.replace('\n', "\\n");
        assert!(is_valid_p256_key(escaped.as_bytes()));
    }

    #[test]
    fn pkcs8_base64_is_the_cdp_wallet_secret_shape() {
        let der = key(2).to_pkcs8_der().expect("encodes");
        let text = b64(der.as_bytes());
        assert!(text.starts_with("MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg"));
        assert_eq!(text.len(), 184);
        assert!(is_valid_p256_key(text.as_bytes()));
    }

    #[test]
    fn a_mismatched_public_key_or_a_flipped_byte_fails() {
        let mut der = key(3).to_sec1_der().expect("encodes").to_vec();
        let last = der.len() - 1;
        der[last] ^= 1; // public key no longer matches the scalar
        let pem = format!(
            "-----BEGIN EC PRIVATE KEY-----\n{}\n-----END EC PRIVATE KEY-----",
            b64(&der)
        );
        assert!(!is_valid_p256_key(pem.as_bytes()));
        let mut pk8 = key(4).to_pkcs8_der().expect("encodes").as_bytes().to_vec();
        pk8[40] ^= 0x80; // inside the scalar: the embedded public key no longer matches
        assert!(!is_valid_p256_key(b64(&pk8).as_bytes()));
        assert!(!is_valid_p256_key(b64(&test_bytes(5, 138)).as_bytes()));
        assert!(!is_valid_p256_key(b"not a key"));
    }
}
