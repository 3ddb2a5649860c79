//! WIF (Wallet Import Format) private keys: base58check of version | k(32) [| 0x01]. Mainnet
//! version 0x80 (`5…` uncompressed, `K…`/`L…` compressed), testnet 0xEF (`9…`, `c…`).
//! Bitcoin and Tron addresses are base58check too; their version bytes and 21-byte payloads
//! fail here.

use super::scalar_in_range;

/// True when `secret` is a WIF key: checksum, version 0x80 or 0xEF, 33 bytes or 34 ending in
/// the compression flag 0x01, scalar in [1, n-1].
pub fn is_valid_wif(secret: &[u8]) -> bool {
    if !(secret.len() == 51 || secret.len() == 52) {
        return false;
    }
    let Ok(payload) = bs58::decode(secret).with_check(None).into_vec() else {
        return false;
    };
    let key = match payload.len() {
        33 => &payload[1..33],
        34 if payload[33] == 0x01 => &payload[1..33],
        _ => return false,
    };
    matches!(payload[0], 0x80 | 0xEF) && scalar_in_range(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::{test_bytes, test_scalar, SECP256K1_N};

    fn wif(version: u8, k: &[u8], compressed: bool) -> String {
        let mut p = vec![version];
        p.extend_from_slice(k);
        if compressed {
            p.push(1);
        }
        bs58::encode(p).with_check().into_string()
    }

    #[test]
    fn generated_keys_pass_with_the_documented_prefixes() {
        for i in 0..100u64 {
            let k = test_scalar(i);
            let u = wif(0x80, &k, false);
            let c = wif(0x80, &k, true);
            let tu = wif(0xEF, &k, false);
            let tc = wif(0xEF, &k, true);
            assert!(u.starts_with('5') && u.len() == 51, "{u}");
            assert!(
                (c.starts_with('K') || c.starts_with('L')) && c.len() == 52,
                "{c}"
            );
            assert!(tu.starts_with('9') && tu.len() == 51, "{tu}");
            assert!(tc.starts_with('c') && tc.len() == 52, "{tc}");
            for s in [u, c, tu, tc] {
                assert!(is_valid_wif(s.as_bytes()), "{s}");
            }
        }
    }

    #[test]
    fn corrupted_keys_and_addresses_fail() {
        let k = test_scalar(7);
        let good = wif(0x80, &k, true);
        let mut b = good.into_bytes();
        b[20] = if b[20] == b'z' { b'y' } else { b'z' };
        assert!(!is_valid_wif(&b));
        // Wrong compression flag, wrong version, out-of-range scalars.
        let mut p = vec![0x80];
        p.extend_from_slice(&k);
        p.push(0x02);
        assert!(!is_valid_wif(
            bs58::encode(p).with_check().into_string().as_bytes()
        ));
        assert!(!is_valid_wif(wif(0x81, &k, true).as_bytes()));
        assert!(!is_valid_wif(wif(0x80, &[0; 32], true).as_bytes()));
        assert!(!is_valid_wif(wif(0x80, &SECP256K1_N, false).as_bytes()));
        // Addresses: P2PKH (0x00), P2SH (0x05), Tron (0x41), 21-byte payloads.
        for version in [0x00u8, 0x05, 0x41, 0x6f] {
            let mut a = vec![version];
            a.extend_from_slice(&test_bytes(version as u64, 20));
            let addr = bs58::encode(a).with_check().into_string();
            assert!(!is_valid_wif(addr.as_bytes()), "{addr}");
        }
    }
}
