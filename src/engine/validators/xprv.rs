//! BIP32 extended private keys (xprv, tprv and the SLIP-0132 variants): base58check of 78
//! bytes = version(4) | depth(1) | parent fingerprint(4) | child number(4) | chain code(32) |
//! 0x00 | k(32). Extended public keys share the encoding and length and never pass: their
//! version bytes are not in [`PRIVATE_VERSIONS`] and their key byte is 0x02/0x03.

use super::scalar_in_range;

/// Version bytes of extended private keys (BIP32, SLIP-0132, Litecoin).
pub const PRIVATE_VERSIONS: &[(u32, &str)] = &[
    (0x0488_ADE4, "xprv"),
    (0x0435_8394, "tprv"),
    (0x049D_7878, "yprv"),
    (0x04B2_430C, "zprv"),
    (0x0295_B005, "Yprv"),
    (0x02AA_7A99, "Zprv"),
    (0x044A_4E28, "uprv"),
    (0x045F_18BC, "vprv"),
    (0x0242_85B5, "Uprv"),
    (0x0257_5048, "Vprv"),
    (0x019D_9CFE, "Ltpv"),
    (0x01B2_6792, "Mtpv"),
];

/// True when `secret` is a base58check extended private key with a known private version,
/// key byte 0x00, a scalar in [1, n-1], and (at depth 0) a zero fingerprint and child number.
pub fn is_valid_xprv(secret: &[u8]) -> bool {
    if secret.len() != 111 {
        return false;
    }
    let Ok(payload) = bs58::decode(secret).with_check(None).into_vec() else {
        return false;
    };
    if payload.len() != 78 {
        return false;
    }
    let version = u32::from_be_bytes([payload[0], payload[1], payload[2], payload[3]]);
    if !PRIVATE_VERSIONS.iter().any(|(v, _)| *v == version) {
        return false;
    }
    let depth = payload[4];
    if depth == 0 && payload[5..13].iter().any(|&b| b != 0) {
        return false;
    }
    payload[45] == 0 && scalar_in_range(&payload[46..78])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::{test_bytes, test_scalar};

    fn encode(version: u32, depth: u8, tail: &[u8], key_prefix: u8, k: &[u8]) -> String {
        let mut p = version.to_be_bytes().to_vec();
        p.push(depth);
        if depth == 0 {
            p.extend_from_slice(&[0; 8]);
        } else {
            p.extend_from_slice(&tail[..8]);
        }
        p.extend_from_slice(&tail[8..40]);
        p.push(key_prefix);
        p.extend_from_slice(k);
        bs58::encode(p).with_check().into_string()
    }

    #[test]
    fn generated_keys_of_every_version_pass() {
        for (i, (version, prefix)) in PRIVATE_VERSIONS.iter().enumerate() {
            for depth in [0u8, 3] {
                let k = test_scalar(i as u64 * 10 + depth as u64);
                let s = encode(*version, depth, &test_bytes(i as u64, 40), 0, &k);
                assert!(s.starts_with(prefix), "{s} for {prefix}");
                assert_eq!(s.len(), 111);
                assert!(is_valid_xprv(s.as_bytes()), "{s}");
            }
        }
    }

    #[test]
    fn corrupted_keys_fail() {
        let k = test_scalar(42);
        let tail = test_bytes(43, 40);
        let good = encode(0x0488_ADE4, 2, &tail, 0, &k);
        // One flipped character breaks the checksum.
        let mut b = good.clone().into_bytes();
        b[60] = if b[60] == b'A' { b'B' } else { b'A' };
        assert!(!is_valid_xprv(&b));
        // Extended public key (xpub version, 0x02 prefix): same shape, never a secret.
        let xpub = encode(0x0488_B21E, 2, &tail, 2, &k);
        assert!(xpub.starts_with("xpub"));
        assert!(!is_valid_xprv(xpub.as_bytes()));
        // Private version with a public-key prefix byte.
        assert!(!is_valid_xprv(
            encode(0x0488_ADE4, 2, &tail, 2, &k).as_bytes()
        ));
        // Scalar out of range: 0 and n.
        assert!(!is_valid_xprv(
            encode(0x0488_ADE4, 2, &tail, 0, &[0; 32]).as_bytes()
        ));
        let n = super::super::SECP256K1_N;
        assert!(!is_valid_xprv(
            encode(0x0488_ADE4, 2, &tail, 0, &n).as_bytes()
        ));
        // Depth 0 with a parent fingerprint.
        let mut p = 0x0488_ADE4u32.to_be_bytes().to_vec();
        p.push(0);
        p.extend_from_slice(&tail);
        p.push(0);
        p.extend_from_slice(&k);
        assert!(!is_valid_xprv(
            bs58::encode(p).with_check().into_string().as_bytes()
        ));
        assert!(!is_valid_xprv(b"xprv"));
    }
}
