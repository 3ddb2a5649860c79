//! AWS access key ids: a four-letter prefix naming the kind of key, then 16 characters of
//! RFC 4648 base32 (10 bytes, whose first six carry the owning account's number in keys issued
//! since about 2019). The check is the prefix and the base32 body. The account number is not
//! required to be in range: keys issued before the account was encoded hold arbitrary bits
//! there, and about one in eleven of them would fail such a test. Hand-written: a table lookup.

/// Prefixes of access key ids the `aws-access-key-id` rule reports: long-term user keys
/// (AKIA), temporary STS keys (ASIA), and the ABIA/ACCA kinds.
const PREFIXES: [&[u8; 4]; 4] = [b"AKIA", b"ASIA", b"ABIA", b"ACCA"];

/// `aws-key-id`: a known prefix and a 16-character base32 body.
pub fn is_valid_access_key_id(secret: &[u8]) -> bool {
    let [a, b, c, d, body @ ..] = secret else {
        return false;
    };
    body.len() == 16
        && PREFIXES.contains(&&[*a, *b, *c, *d])
        && body
            .iter()
            .all(|ch| ch.is_ascii_uppercase() || (b'2'..=b'7').contains(ch))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_prefixes_with_base32_bodies_pass() {
        let body: String = crate::engine::validators::test_bytes(5, 16)
            .iter()
            .map(|b| b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[usize::from(*b) % 32] as char)
            .collect();
        for prefix in ["AKIA", "ASIA", "ABIA", "ACCA"] {
            assert!(is_valid_access_key_id(format!("{prefix}{body}").as_bytes()));
        }
        assert!(!is_valid_access_key_id(format!("AKIB{body}").as_bytes()));
        assert!(!is_valid_access_key_id(
            format!("AKIA{}", &body[..15]).as_bytes()
        ));
        assert!(!is_valid_access_key_id(
            format!("AKIA{}1", &body[..15]).as_bytes()
        ));
        assert!(!is_valid_access_key_id(
            format!("AKIA{}a", &body[..15]).as_bytes()
        ));
        assert!(!is_valid_access_key_id(b""));
    }
}
