//! Exchange HMAC secrets that are base64 of a fixed number of random bytes (Kraken's private
//! key, the Coinbase Exchange/Prime secret: 64 bytes). The secret has no checksum, so decoding
//! to exactly that length is the only offline proof there is; it still rejects truncated
//! copies, wrong alphabets and text that merely has the right length.

use base64::Engine;

/// `base64-64-bytes`: standard base64 (padding optional) of exactly 64 bytes.
pub fn is_base64_of_64_bytes(secret: &[u8]) -> bool {
    let trimmed = secret.trim_ascii();
    let unpadded = trimmed.strip_suffix(b"==").unwrap_or(trimmed);
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(unpadded)
        .is_ok_and(|bytes| bytes.len() == 64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::test_bytes;

    #[test]
    fn sixty_four_bytes_pass_with_or_without_padding() {
        let s = base64::engine::general_purpose::STANDARD.encode(test_bytes(1, 64));
        assert_eq!(s.len(), 88);
        assert!(is_base64_of_64_bytes(s.as_bytes()));
        assert!(is_base64_of_64_bytes(s.trim_end_matches('=').as_bytes()));
    }

    #[test]
    fn other_lengths_and_alphabets_fail() {
        let s = base64::engine::general_purpose::STANDARD.encode(test_bytes(2, 63));
        assert!(!is_base64_of_64_bytes(s.as_bytes()));
        let s = base64::engine::general_purpose::STANDARD.encode(test_bytes(3, 64));
        let url_alphabet = format!("-{}", &s[1..]);
        assert!(!is_base64_of_64_bytes(url_alphabet.as_bytes()));
        assert!(!is_base64_of_64_bytes(&s.as_bytes()[1..]));
        assert!(!is_base64_of_64_bytes(b""));
    }
}
