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

/// `pem-private-key`: the block's body, once headers (`Proc-Type:`, PGP armor headers), the PGP
/// checksum line, escaped newlines and string-literal quoting are set aside, decodes from
/// base64 to the start of a key structure: a DER SEQUENCE (PKCS#1, SEC1, PKCS#8, encrypted
/// PKCS#8), the `openssh-key-v1` magic, an OpenPGP packet, or, under a `Proc-Type` header,
/// ciphertext of whole cipher blocks. Truncated copies still pass (a leak of most of a key is
/// a leak); text that is not base64 of a key (`...`, `<key>`, words) does not.
pub fn is_valid_pem_private_key(secret: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(secret) else {
        return false;
    };
    let Some(begin) = text.find("-----BEGIN ") else {
        return false;
    };
    let label_start = begin + "-----BEGIN ".len();
    let Some(label_len) = text[label_start..].find("-----") else {
        return false;
    };
    let label = &text[label_start..label_start + label_len];
    let body_start = label_start + label_len + "-----".len();
    let body_end = text[body_start..]
        .find("-----END ")
        .map_or(text.len(), |i| body_start + i);
    let body = text[body_start..body_end]
        .replace("\\r", "\n")
        .replace("\\n", "\n");
    let mut encrypted_legacy = false;
    let mut clean = String::with_capacity(body.len());
    for line in body.lines() {
        // String-literal joins (`"…" +`), quotes and commas around each line.
        let line = line.trim().trim_end_matches('+').trim();
        let line = line.trim_matches(|c| c == '"' || c == '\'' || c == ',');
        if line.contains(':') {
            encrypted_legacy |= line.starts_with("Proc-Type:");
            continue; // a header
        }
        if line.starts_with('=') && line.len() == 5 {
            continue; // the PGP armor checksum
        }
        clean.extend(line.chars().filter(|c| !c.is_ascii_whitespace()));
    }
    let unpadded = clean.trim_end_matches('=');
    // A truncated copy may end mid-quantum: drop a dangling sixth of a byte.
    let usable = if unpadded.len() % 4 == 1 {
        &unpadded[..unpadded.len() - 1]
    } else {
        unpadded
    };
    let Ok(der) = LENIENT.decode(usable.as_bytes()) else {
        return false;
    };
    if der.len() < 16 {
        return false;
    }
    if encrypted_legacy {
        return true; // ciphertext: its length is the only structure, and copies get cut
    }
    der[0] == 0x30
        || der.starts_with(b"openssh-key-v1\0")
        || (label.starts_with("PGP") && der[0] & 0x80 != 0)
}

/// Standard base64 that accepts a missing or present padding and stray low bits in the last
/// character (truncated copies of a key end anywhere).
const LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

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
    fn private_key_bodies_in_every_dress_pass() {
        let der = sequence(&test_bytes(4, 600));
        for newline in ["\n", "\r\n", "\\n"] {
            assert!(is_valid_pem_private_key(
                pem("RSA PRIVATE KEY", &der, newline).as_bytes()
            ));
        }
        // Cut in the middle of the body, and with no END line.
        let p = pem("PRIVATE KEY", &der, "\n");
        assert!(is_valid_pem_private_key(&p.as_bytes()[..200]));
        // Joined string literals.
        let joined = p
            .lines()
            .map(|l| format!("\"{l}\" +"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(is_valid_pem_private_key(joined.as_bytes()));
        let mut ssh = b"openssh-key-v1\0".to_vec();
        ssh.extend(test_bytes(5, 300));
        assert!(is_valid_pem_private_key(
            pem("OPENSSH PRIVATE KEY", &ssh, "\n").as_bytes()
        ));
        let encrypted = format!(
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n{}\n-----END RSA PRIVATE KEY-----",
            base64::engine::general_purpose::STANDARD.encode(test_bytes(6, 64))
        );
        assert!(is_valid_pem_private_key(encrypted.as_bytes()));
        let mut pgp = vec![0x95, 0x01, 0xd8];
        pgp.extend(test_bytes(7, 200));
        let armored = pem("PGP PRIVATE KEY BLOCK", &pgp, "\n")
            .replace("-----\n", "-----\nVersion: GnuPG v2\n\n");
        assert!(is_valid_pem_private_key(armored.as_bytes()));
    }

    #[test]
    fn non_key_bodies_fail() {
        assert!(!is_valid_pem_private_key(
            b"-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----"
        ));
        assert!(!is_valid_pem_private_key(
            b"-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"
        ));
        let random = test_bytes(8, 600);
        let mut not_der = random.clone();
        not_der[0] = 0x31;
        assert!(!is_valid_pem_private_key(
            pem("PRIVATE KEY", &not_der, "\n").as_bytes()
        ));
        assert!(!is_valid_pem_private_key(b"-----BEGIN PRIVATE KEY-----"));
        assert!(!is_valid_pem_private_key(b"\xff\xfe"));
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
