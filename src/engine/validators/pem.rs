//! PEM and DER structure shared by the key validators: the base64 body of a PEM block as it is
//! found in code (wrapped lines, or one line with literal `\n` escapes inside a JSON or `.env`
//! string), decoded, and the outer DER SEQUENCE checked. Hand-written because no crate reads
//! PEM with escaped newlines, and this is a few lines over `base64`.

use base64::Engine;

/// The label and decoded body of the PEM block in `secret` (`-----BEGIN <label>-----`).
/// Escaped newlines (`\n`, `\r`), quotes and whitespace between body lines are skipped; PEM
/// headers (`Proc-Type: …`) make it fail, as an encrypted key is not a structure we can check.
pub fn decode_pem(secret: &[u8]) -> Option<(String, Vec<u8>)> {
    let text = std::str::from_utf8(secret).ok()?;
    let begin = text.find("-----BEGIN ")? + "-----BEGIN ".len();
    let label_end = begin + text[begin..].find("-----")?;
    let label = text[begin..label_end].to_string();
    let body_start = label_end + "-----".len();
    let body_end = body_start + text[body_start..].find("-----END ")?;
    let body = text[body_start..body_end]
        .replace("\\n", "")
        .replace("\\r", "");
    let clean: String = body
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && *c != '"' && *c != '\'')
        .collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(clean.as_bytes())
        .ok()?;
    Some((label, der))
}

/// True when `der` is exactly one DER SEQUENCE whose declared length is the rest of the bytes:
/// a key body that decodes to this is a real structure, not random base64 of the right size.
pub fn is_one_der_sequence(der: &[u8]) -> bool {
    let [0x30, first, rest @ ..] = der else {
        return false;
    };
    let (len, body) = match *first {
        n if n < 0x80 => (usize::from(n), rest),
        0x81 => match rest {
            [n, body @ ..] if *n >= 0x80 => (usize::from(*n), body),
            _ => return false,
        },
        0x82 => match rest {
            [hi, lo, body @ ..] if *hi > 0 => ((usize::from(*hi) << 8) | usize::from(*lo), body),
            _ => return false,
        },
        _ => return false,
    };
    body.len() == len
}

/// `pem-der`: the PEM block's base64 body decodes to one well-formed DER SEQUENCE.
pub fn is_valid_pem_der(secret: &[u8]) -> bool {
    decode_pem(secret).is_some_and(|(_, der)| is_one_der_sequence(&der))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::test_bytes;

    fn pem(label: &str, der: &[u8], newline: &str) -> String {
        let body = base64::engine::general_purpose::STANDARD.encode(der);
        let lines: Vec<&str> = body
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).expect("base64 is ascii"))
            .collect();
        format!(
            "-----BEGIN {label}-----{newline}{}{newline}-----END {label}-----",
            lines.join(newline)
        )
    }

    fn sequence(content: &[u8]) -> Vec<u8> {
        let mut der = vec![0x30, 0x82, (content.len() >> 8) as u8, content.len() as u8];
        der.extend_from_slice(content);
        der
    }

    #[test]
    fn wrapped_and_escaped_bodies_decode() {
        let der = sequence(&test_bytes(1, 600));
        for newline in ["\n", "\r\n", "\\n"] {
            let p = pem("PRIVATE KEY", &der, newline);
            assert!(is_valid_pem_der(p.as_bytes()), "{newline:?}");
            let (label, body) = decode_pem(p.as_bytes()).expect("decodes");
            assert_eq!(label, "PRIVATE KEY");
            assert_eq!(body, der);
        }
    }

    #[test]
    fn wrong_length_random_body_and_garbage_fail() {
        let mut der = sequence(&test_bytes(2, 600));
        der.pop();
        assert!(!is_valid_pem_der(pem("PRIVATE KEY", &der, "\n").as_bytes()));
        let random = test_bytes(3, 600);
        assert!(!is_valid_pem_der(
            pem("PRIVATE KEY", &random, "\n").as_bytes()
        ));
        assert!(!is_valid_pem_der(
            b"-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----"
        ));
        assert!(!is_valid_pem_der(b"-----BEGIN PRIVATE KEY-----"));
        assert!(!is_one_der_sequence(&[0x30]));
        assert!(!is_one_der_sequence(&[0x30, 0x81, 0x10]));
        assert!(is_one_der_sequence(&[0x30, 0x00]));
    }
}
