//! Version-2 macaroons: LND's (Lightning node credentials; `admin.macaroon` controls the node
//! and its funds), as they are pasted into configs: hex (`LND_MACAROON=0201036c6e64…`) or base64
//! (`AgEDbG5k…`), and PyPI API tokens (`pypi-` + base64url of a macaroon located at
//! `pypi.org`). An LND macaroon is parsed whole as a version-2 macaroon (packets of type,
//! length, data): a location packet `lnd`, an identifier, the caveat sections and a 32-byte
//! signature, with nothing left over. A PyPI token is checked only up to its location packet
//! (see [`is_valid_pypi_token`] for why). Hand-written: the format is a few packet types and no
//! maintained crate parses v2 macaroons without pulling in their crypto.

use base64::Engine;

const EOS: u64 = 0;
const LOCATION: u64 = 1;
const IDENTIFIER: u64 = 2;
const VERIFICATION_ID: u64 = 4;
const SIGNATURE: u64 = 6;

/// `lnd-macaroon`: a well-formed v2 macaroon whose location is `lnd`.
pub fn is_valid_lnd_macaroon(secret: &[u8]) -> bool {
    decode(secret.trim_ascii()).is_some_and(|bytes| location(&bytes) == Some(b"lnd"))
}

/// `pypi-macaroon`: `pypi-` then base64url whose decoded head is a version-2 macaroon whose
/// first packet is the location `pypi.org` or `test.pypi.org`: what the issue asks of this
/// check ("base64 macaroon with a pypi.org location"). The text must be base64url throughout
/// (no `=` inside, not one byte over a whole group); its whole 4-character groups are decoded,
/// so the bits a cut-off last group leaves over do not matter.
///
/// Unlike LND's, the rest of the macaroon (identifier, caveats, signature) is not parsed: that
/// header is what identifies a PyPI token (every token PyPI issues starts with it, and it is
/// the prefix PyPI's secret-scanning partners match), a token whose body was cut at a line
/// wrap or partly edited is still that credential's leak, and the body's one real proof, the
/// HMAC signature, cannot be checked offline anyway. Whether the value is long and random
/// enough is the rule's regex and entropy floor, not this check.
pub fn is_valid_pypi_token(secret: &[u8]) -> bool {
    let Some(encoded) = secret.trim_ascii().strip_prefix(b"pypi-") else {
        return false;
    };
    let body = encoded
        .strip_suffix(b"==")
        .or_else(|| encoded.strip_suffix(b"="));
    let body = body.unwrap_or(encoded);
    let base64url = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_';
    if body.len() % 4 == 1 || !body.iter().all(base64url) {
        return false;
    }
    let whole = &body[..body.len() / 4 * 4];
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(whole) else {
        return false;
    };
    let mut r = Reader { b: &bytes, pos: 0 };
    if r.byte() != Some(2) {
        return false;
    }
    matches!(
        r.packet(),
        Some((LOCATION, b"pypi.org")) | Some((LOCATION, b"test.pypi.org"))
    )
}

fn decode(text: &[u8]) -> Option<Vec<u8>> {
    if text.len() % 2 == 0 && text.iter().all(u8::is_ascii_hexdigit) {
        return text
            .chunks(2)
            .map(|pair| {
                let s = std::str::from_utf8(pair).ok()?;
                u8::from_str_radix(s, 16).ok()
            })
            .collect();
    }
    let unpadded: Vec<u8> = text.iter().copied().filter(|&b| b != b'=').collect();
    let engine = if unpadded.iter().any(|&b| b == b'-' || b == b'_') {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
    } else {
        base64::engine::general_purpose::STANDARD_NO_PAD
    };
    engine.decode(unpadded).ok()
}

/// The location of a well-formed v2 macaroon (empty when it has none); None when the bytes are
/// not one.
fn location(b: &[u8]) -> Option<&[u8]> {
    let mut r = Reader { b, pos: 0 };
    if r.byte()? != 2 {
        return None;
    }
    // Header section: optional location, required identifier.
    let mut location = None;
    let mut identifier = false;
    loop {
        let (kind, data) = r.packet()?;
        match kind {
            EOS => break,
            LOCATION if location.is_none() && !identifier => location = Some(data),
            IDENTIFIER if !identifier => identifier = true,
            _ => return None,
        }
    }
    if !identifier {
        return None;
    }
    // Caveat sections, each closed by EOS; an empty section ends the list.
    loop {
        let mut fields = 0;
        loop {
            let (kind, _) = r.packet()?;
            match kind {
                EOS => break,
                LOCATION | IDENTIFIER | VERIFICATION_ID => fields += 1,
                _ => return None,
            }
        }
        if fields == 0 {
            break;
        }
    }
    let (kind, signature) = r.packet()?;
    if kind != SIGNATURE || signature.len() != 32 || r.pos != b.len() {
        return None;
    }
    Some(location.unwrap_or_default())
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let v = *self.b.get(self.pos)?;
        self.pos += 1;
        Some(v)
    }

    /// Unsigned LEB128, at most 9 bytes.
    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..63).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// One packet: (type, data); EOS has no length or data.
    fn packet(&mut self) -> Option<(u64, &'a [u8])> {
        let kind = self.varint()?;
        if kind == EOS {
            return Some((EOS, &[]));
        }
        let len = usize::try_from(self.varint()?).ok()?;
        let end = self.pos.checked_add(len)?;
        let data = self.b.get(self.pos..end)?;
        self.pos = end;
        Some((kind, data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::test_bytes;

    fn field(kind: u8, data: &[u8]) -> Vec<u8> {
        let mut v = vec![kind, data.len() as u8];
        v.extend_from_slice(data);
        v
    }

    /// A v2 macaroon at `location` with one first-party caveat and a random signature.
    fn macaroon(location: &[u8], seed: u64) -> Vec<u8> {
        let mut m = vec![2];
        m.extend(field(1, location));
        let mut id = vec![3];
        id.extend(test_bytes(seed, 40));
        m.extend(field(2, &id));
        m.push(0);
        m.extend(field(2, b"time-before 2031-01-01T00:00:00Z"));
        m.push(0);
        m.push(0);
        m.extend(field(6, &test_bytes(seed + 1, 32)));
        m
    }

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn hex_and_base64_lnd_macaroons() {
        let m = macaroon(b"lnd", 1);
        assert!(hex(&m).starts_with("0201036c6e64"));
        assert!(is_valid_lnd_macaroon(hex(&m).as_bytes()));
        let b64 = base64::engine::general_purpose::STANDARD.encode(&m);
        assert!(b64.starts_with("AgEDbG5k"));
        assert!(is_valid_lnd_macaroon(b64.as_bytes()));
        let url = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&m);
        assert!(is_valid_lnd_macaroon(url.as_bytes()));
    }

    #[test]
    fn pypi_tokens() {
        let url = |m: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m);
        let token = format!("pypi-{}", url(&macaroon(b"pypi.org", 5)));
        assert!(token.starts_with("pypi-AgEIcHlwaS5vcmc"));
        assert!(is_valid_pypi_token(token.as_bytes()));
        let test = format!("pypi-{}", url(&macaroon(b"test.pypi.org", 6)));
        assert!(is_valid_pypi_token(test.as_bytes()));
        let padded = format!(
            "pypi-{}",
            base64::engine::general_purpose::URL_SAFE.encode(macaroon(b"pypi.org", 8))
        );
        assert!(is_valid_pypi_token(padded.as_bytes()));
        assert!(!is_valid_lnd_macaroon(token.as_bytes()));
    }

    /// Only the header is checked: a token cut short, or with a body that is not a macaroon
    /// (edited, or random bytes after the location), still passes, whatever bits its last
    /// group leaves over.
    #[test]
    fn pypi_body_is_not_parsed() {
        let url = |m: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m);
        let token = format!("pypi-{}", url(&macaroon(b"pypi.org", 5)));
        for cut in [4, 7, 40] {
            let short = &token.as_bytes()[..token.len() - cut];
            assert!(is_valid_pypi_token(short), "cut {cut}");
        }
        let mut random = vec![2, 1, 8];
        random.extend_from_slice(b"pypi.org");
        random.extend(test_bytes(9, 48));
        let random = format!("pypi-{}", url(&random));
        assert!(is_valid_pypi_token(random.as_bytes()));
        // A last group of 3 characters whose leftover bits are not zero.
        let mut odd = format!("pypi-{}", url(&macaroon(b"pypi.org", 10)));
        while (odd.len() - 5) % 4 != 2 {
            odd.push('A');
        }
        odd.push('f');
        assert!(is_valid_pypi_token(odd.as_bytes()));
    }

    #[test]
    fn pypi_header_must_hold() {
        let url = |m: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m);
        let token = format!("pypi-{}", url(&macaroon(b"pypi.org", 5)));
        // Foreign locations, a location that only starts like PyPI's, no location packet.
        for location in [
            &b"lnd"[..],
            b"pypi.org.invalid",
            b"pypi.or",
            b"api.github.com",
        ] {
            let other = format!("pypi-{}", url(&macaroon(location, 7)));
            assert!(!is_valid_pypi_token(other.as_bytes()));
        }
        let mut no_location = vec![2, 2, 36];
        no_location.extend(test_bytes(11, 80));
        assert!(!is_valid_pypi_token(
            format!("pypi-{}", url(&no_location)).as_bytes()
        ));
        // Version 1 (and any other first byte).
        let mut v3 = macaroon(b"pypi.org", 12);
        v3[0] = 3;
        assert!(!is_valid_pypi_token(
            format!("pypi-{}", url(&v3)).as_bytes()
        ));
        // Not base64url: a standard-alphabet byte, `=` inside, a dot, one byte over a group.
        let corrupt = |at: usize, with: &str| {
            let mut t = token.clone();
            t.replace_range(at..at + 1, with);
            t
        };
        for bad in [
            corrupt(30, "+"),
            corrupt(30, "/"),
            corrupt(30, "="),
            corrupt(30, "."),
        ] {
            assert!(!is_valid_pypi_token(bad.as_bytes()), "{bad}");
        }
        let mut over = token.clone();
        while (over.len() - 5) % 4 != 1 {
            over.push('A');
        }
        assert!(!is_valid_pypi_token(over.as_bytes()));
        // A corrupted header byte, the prefix alone, no prefix, nothing.
        assert!(!is_valid_pypi_token(corrupt(12, "X").as_bytes()));
        assert!(!is_valid_pypi_token(b"pypi-AgEIcHlwaS5vcmc"));
        assert!(!is_valid_pypi_token(
            token.trim_start_matches("pypi-").as_bytes()
        ));
        assert!(!is_valid_pypi_token(b"pypi-"));
        assert!(!is_valid_pypi_token(b""));
    }

    #[test]
    fn truncated_padded_foreign_or_random_fail() {
        let m = macaroon(b"lnd", 2);
        assert!(!is_valid_lnd_macaroon(hex(&m[..m.len() - 1]).as_bytes()));
        let mut extra = m.clone();
        extra.push(0);
        assert!(!is_valid_lnd_macaroon(hex(&extra).as_bytes()));
        assert!(!is_valid_lnd_macaroon(
            hex(&macaroon(b"pypi.org", 3)).as_bytes()
        ));
        let mut random = vec![2, 1, 3, b'l', b'n', b'd'];
        random.extend(test_bytes(4, 120));
        assert!(!is_valid_lnd_macaroon(hex(&random).as_bytes()));
        assert!(!is_valid_lnd_macaroon(b"0201036c6e64"));
        assert!(!is_valid_lnd_macaroon(b""));
    }
}
