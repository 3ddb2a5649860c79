//! UTF-16 text (Windows tools write `.reg` exports, PowerShell output and some configs this
//! way): detected and decoded to UTF-8 so that it is scanned as text instead of skipped as
//! binary. Lines and columns then count in the decoded text. `char::decode_utf16` does the
//! decoding; the detection (a byte-order mark, or the NUL pattern of mostly-ASCII text) is a
//! few lines that no crate packages on its own.

use super::BINARY_PROBE;

/// Byte order of UTF-16 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endian {
    /// Little-endian (`FF FE`): Windows' default.
    Little,
    /// Big-endian (`FE FF`).
    Big,
}

/// The byte order when `data` looks like UTF-16 text: a byte-order mark, or (without one) in
/// its first 8 KiB nearly every other byte NUL and the bytes between them not, as ASCII text
/// encoded in UTF-16 is.
pub fn detect(data: &[u8]) -> Option<Endian> {
    let probe = &data[..data.len().min(BINARY_PROBE) & !1];
    let bom = match data {
        [0xFF, 0xFE, ..] => Some(Endian::Little),
        [0xFE, 0xFF, ..] => Some(Endian::Big),
        _ => None,
    };
    if let Some(endian) = bom {
        // `FF FE` can also open an 8-bit file (Latin-1 `ÿþ`, or junk): UTF-16 text has NULs
        // (ASCII characters) or, for other scripts, few bytes that read as printable ASCII.
        let rest = &probe[2..];
        let ascii = rest
            .iter()
            .filter(|&&b| (0x20..0x7f).contains(&b) || b == b'\n')
            .count();
        let has_nul = memchr::memchr(0, rest).is_some();
        return (has_nul || rest.is_empty() || ascii * 10 < rest.len() * 9).then_some(endian);
    }
    // Without a byte-order mark only mostly-ASCII text is recognized, and that has NULs: most
    // files are ruled out by one memchr.
    if probe.len() < 16 || memchr::memchr(0, probe).is_none() {
        return None;
    }
    let pairs = probe.len() / 2;
    let zero_even = probe.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = probe.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(zero_odd) && rarely(zero_even) {
        Some(Endian::Little)
    } else if mostly(zero_even) && rarely(zero_odd) {
        Some(Endian::Big)
    } else {
        None
    }
}

/// `data` decoded from UTF-16 to UTF-8, without its byte-order mark. Unpaired surrogates
/// become U+FFFD; an odd last byte is dropped.
pub fn decode(data: &[u8], endian: Endian) -> Vec<u8> {
    let units = data.chunks_exact(2).map(|p| match endian {
        Endian::Little => u16::from_le_bytes([p[0], p[1]]),
        Endian::Big => u16::from_be_bytes([p[0], p[1]]),
    });
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    text.as_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, endian: Endian, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = bom.then_some(0xFEFF).into_iter().chain(s.encode_utf16());
        for u in units {
            out.extend(match endian {
                Endian::Little => u.to_le_bytes(),
                Endian::Big => u.to_be_bytes(),
            });
        }
        out
    }

    #[test]
    fn both_orders_with_and_without_bom() {
        let text = "[HKEY_CURRENT_USER\\Software]\r\n\"Token\"=\"abc\" é ✓\r\n";
        for endian in [Endian::Little, Endian::Big] {
            for bom in [true, false] {
                let data = utf16(text, endian, bom);
                assert_eq!(detect(&data), Some(endian), "{endian:?} bom={bom}");
                assert_eq!(decode(&data, endian), text.as_bytes());
            }
        }
    }

    #[test]
    fn binary_and_utf8_are_not_utf16() {
        assert_eq!(detect(b"plain ascii text, long enough to probe"), None);
        assert_eq!(
            detect(b"\xff\xfe then 8-bit text that is mostly ASCII\r\n"),
            None
        );
        let cjk: Vec<u8> = "\u{feff}秘密の鍵"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(detect(&cjk), Some(Endian::Little));
        let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
        assert_eq!(detect(&binary), None);
        assert_eq!(detect(&[0u8; 64]), None);
        assert_eq!(
            decode(&[0x41, 0x00, 0x00, 0xD8, 0x42], Endian::Little),
            "A\u{fffd}".as_bytes()
        );
    }
}
