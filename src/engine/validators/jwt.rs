//! JSON Web Tokens (RFC 7519, compact JWS form): `header.payload.signature`, each part base64url
//! without padding. Provider rules whose keys are JWTs (Moralis, Pinata) use this check so that a
//! finding is a token a server would at least parse, not `eyJ…`-shaped noise: a truncated or
//! hand-edited token, a fragment of a larger base64 blob, a header without an algorithm.
//!
//! Nothing is verified cryptographically (that needs the issuer's key, and the scanner is
//! offline): the check is structural only. The signature part must be non-empty base64url, so an
//! unsecured token (`alg: none`, empty third part) grants nothing and is not reported.

use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use serde_json::{Map, Value};

/// base64url with no `=` padding, as RFC 7515 section 2 requires; a padded part is rejected.
/// Non-zero trailing bits are tolerated: some encoders emit them, and the JSON check that follows
/// is the real test.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true),
);

/// The JSON object that a base64url part decodes to, or `None` (not base64url, not JSON, or JSON
/// that is not an object). serde_json bounds its recursion, so hostile nesting is an error, not a
/// stack overflow.
fn json_object(part: &[u8]) -> Option<Map<String, Value>> {
    let bytes = BASE64URL.decode(part).ok()?;
    match serde_json::from_slice::<Value>(&bytes).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

/// True when `secret` is a structurally valid signed JWT: exactly three dot-separated base64url
/// parts, the header a JSON object with a string `alg`, the payload a JSON object, and a
/// non-empty signature. Never panics, whatever the bytes.
pub fn is_valid_jwt(secret: &[u8]) -> bool {
    let mut parts = secret.split(|&b| b == b'.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    if signature.is_empty() || BASE64URL.decode(signature).is_err() {
        return false;
    }
    let Some(header) = json_object(header) else {
        return false;
    };
    if !matches!(header.get("alg"), Some(Value::String(_))) {
        return false;
    }
    json_object(payload).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::test_bytes;

    fn b64(data: &[u8]) -> String {
        BASE64URL.encode(data)
    }

    /// A token from raw header and payload bytes and a random signature.
    fn token(header: &[u8], payload: &[u8], seed: u64) -> String {
        format!(
            "{}.{}.{}",
            b64(header),
            b64(payload),
            b64(&test_bytes(seed, 32))
        )
    }

    /// A valid token with a generated subject and issue time.
    fn valid(seed: u64) -> String {
        let alg = ["HS256", "RS256", "ES256"][(seed % 3) as usize];
        let header = format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#);
        let sub: String = test_bytes(seed, 12)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let iat = 1_600_000_000 + seed * 7919;
        let payload = format!(r#"{{"sub":"{sub}","iat":{iat},"exp":{}}}"#, iat + 3600);
        token(header.as_bytes(), payload.as_bytes(), seed)
    }

    #[test]
    fn generated_tokens_are_valid() {
        for seed in 0..50 {
            let t = valid(seed);
            assert!(is_valid_jwt(t.as_bytes()), "{t}");
        }
    }

    #[test]
    fn flipped_header_character_is_rejected() {
        for seed in 0..20 {
            let mut t = valid(seed).into_bytes();
            // The second character carries the low bits of `{` and the high bits of `"`.
            t[1] = if t[1] == b'z' { b'y' } else { b'z' };
            assert!(!is_valid_jwt(&t), "{}", String::from_utf8_lossy(&t));
        }
    }

    #[test]
    fn any_single_flip_never_panics() {
        let t = valid(7).into_bytes();
        for i in 0..t.len() {
            for c in [b'A', b'_', b'-', b'.', b'=', b'+', 0xFF] {
                let mut u = t.clone();
                u[i] = c;
                let _ = is_valid_jwt(&u);
            }
        }
    }

    #[test]
    fn wrong_number_of_parts_is_rejected() {
        let t = valid(3);
        let two = t.rsplit_once('.').map(|(a, _)| a).unwrap_or_default();
        assert!(!is_valid_jwt(two.as_bytes()));
        assert!(!is_valid_jwt(format!("{t}.{}", b64(b"extra")).as_bytes()));
        assert!(
            !is_valid_jwt(format!("{two}.").as_bytes()),
            "empty signature"
        );
    }

    #[test]
    fn header_must_be_json_with_string_alg() {
        let payload = br#"{"sub":"42"}"#;
        assert!(!is_valid_jwt(token(b"not json", payload, 1).as_bytes()));
        assert!(!is_valid_jwt(
            token(br#"{"alg":"HS256""#, payload, 2).as_bytes()
        ));
        assert!(!is_valid_jwt(
            token(br#"{"typ":"JWT"}"#, payload, 3).as_bytes()
        ));
        assert!(!is_valid_jwt(
            token(br#"{"alg":256}"#, payload, 4).as_bytes()
        ));
        assert!(!is_valid_jwt(
            token(br#"["alg","HS256"]"#, payload, 5).as_bytes()
        ));
        assert!(is_valid_jwt(
            token(br#"{"alg":"HS256"}"#, payload, 6).as_bytes()
        ));
    }

    #[test]
    fn payload_must_be_a_json_object() {
        let header = br#"{"alg":"HS256"}"#;
        assert!(!is_valid_jwt(token(header, b"[1,2,3]", 1).as_bytes()));
        assert!(!is_valid_jwt(token(header, br#"{"sub":"x""#, 2).as_bytes()));
        assert!(!is_valid_jwt(token(header, b"", 3).as_bytes()));
    }

    #[test]
    fn padding_and_foreign_alphabets_are_rejected() {
        let header = b64(br#"{"alg":"HS256","typ":"JWT"}"#);
        let payload = b64(br#"{"sub":"1"}"#);
        let sig = b64(&test_bytes(9, 32));
        assert!(is_valid_jwt(format!("{header}.{payload}.{sig}").as_bytes()));
        assert!(!is_valid_jwt(
            format!("{header}=.{payload}.{sig}").as_bytes()
        ));
        assert!(!is_valid_jwt(
            format!("{header}.{payload}.{sig}+/").as_bytes()
        ));
    }

    #[test]
    fn junk_is_rejected_without_panicking() {
        for input in [
            &b""[..],
            b".",
            b"..",
            b"...",
            b"eyJ.eyJ.x",
            b"not a secret",
            &[0xFF, 0x2E, 0xFE, 0x2E, 0x00],
        ] {
            assert!(!is_valid_jwt(input));
        }
        for seed in 0..200 {
            let _ = is_valid_jwt(&test_bytes(seed, (seed % 97) as usize));
        }
        // Deep nesting hits serde_json's recursion limit instead of the stack.
        let deep = format!(
            r#"{{"alg":"HS256","x":{}1{}}}"#,
            "[".repeat(5000),
            "]".repeat(5000)
        );
        assert!(!is_valid_jwt(token(deep.as_bytes(), b"{}", 1).as_bytes()));
    }
}
