//! Secrets hidden in encoded text: base64 (standard and URL-safe), hex and percent-encoding.
//! A Kubernetes `Secret` holds its values in base64, CI variables are often base64, and URLs
//! percent-encode tokens. Candidates are picked cheaply, decoded, and the decoded bytes are
//! scanned again by the caller (up to a depth), under a byte budget per blob, so that a file
//! of hashes or minified code costs little.
//!
//! The cheap pick, per encoding:
//! - base64 and hex: runs of 48+ bytes of their alphabets, found by the 16-byte block search
//!   of `SecretShape` (a third of the cost of a byte loop). 48 characters decode to 24 (hex)
//!   or 36 (base64) bytes: shorter encoded text rarely holds a whole prefixed credential.
//!   Base64 of text has a tell: each 4-character group starts with a character worth less
//!   than 32 (`A-Z`, `a-f`), because its first byte is below 0x80. Identifiers, paths and
//!   long words fail it at once, before any decoding.
//! - percent-encoding: a `%` followed by two hex digits, at least twice in one token.
//!
//! Decoded bytes must be text (printable ASCII and whitespace, 90 % or more): binary payloads
//! (images, compressed data, hashes) are not scanned. No crate picks candidates this way;
//! decoding itself is the `base64` crate's.

use std::sync::OnceLock;

use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine;

use super::shape::SecretShape;

/// The least length of a base64 or hex candidate.
pub const MIN_ENCODED_LEN: usize = 48;

/// Decoded bytes scanned per blob at most (all depths together): a file of nothing but base64
/// costs a bounded amount of work.
pub const MAX_DECODED_PER_BLOB: usize = 1 << 20;

/// How a candidate was encoded, as findings name it (`decoded: ["base64"]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Standard or URL-safe base64, with or without padding.
    Base64,
    /// Hexadecimal, either case.
    Hex,
    /// Percent-encoding (`%2F`).
    Percent,
}

impl Encoding {
    /// The name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Base64 => "base64",
            Encoding::Hex => "hex",
            Encoding::Percent => "percent",
        }
    }
}

/// Encoded text and what it decodes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Where the encoded text is in the blob.
    pub start: usize,
    /// End of the encoded text, exclusive.
    pub end: usize,
    /// How it was encoded.
    pub encoding: Encoding,
    /// The decoded bytes (text).
    pub bytes: Vec<u8>,
}

/// The decodable candidates of `data`, in blob order, spending at most `budget` decoded bytes
/// (reduced by what is spent). The tests' entry; the scanner gives the runs.
#[cfg(test)]
pub fn candidates(data: &[u8], budget: &mut usize) -> Vec<Decoded> {
    let runs = if *budget == 0 {
        Vec::new()
    } else {
        alphabet_shape().runs(data)
    };
    candidates_in(data, &runs, budget)
}

/// [`candidates`], given the runs of [`alphabet_shape`] in `data` (the scanner finds them in
/// the same pass as the runs its rules need, see `shape::ShapeSet`).
pub fn candidates_in(data: &[u8], runs: &[(usize, usize)], budget: &mut usize) -> Vec<Decoded> {
    let mut out = Vec::new();
    if *budget == 0 {
        return out;
    }
    for &(start, end) in runs {
        for (s, e) in exact_runs(data, start, end) {
            if *budget == 0 {
                return out;
            }
            if let Some(d) = decode_run(data, s, e) {
                *budget = budget.saturating_sub(d.bytes.len());
                out.push(d);
            }
        }
    }
    percent_candidates(data, budget, &mut out);
    out.sort_by_key(|d| d.start);
    out
}

/// Runs of `[+-9A-Z_a-z]`: base64 of both alphabets and hex, plus `,` and `.` (one range is
/// cheaper to test than three; [`exact_runs`] splits at them).
pub fn alphabet_shape() -> &'static SecretShape {
    static SHAPE: OnceLock<SecretShape> = OnceLock::new();
    SHAPE.get_or_init(|| {
        SecretShape::of(&format!("([+-9A-Z_a-z]{{{MIN_ENCODED_LEN},}})"), None)
            .unwrap_or_else(|| unreachable!("a literal class with a fixed least length"))
    })
}

fn is_base64_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_')
}

/// The sub-runs of `data[start..end]` without `,` and `.`, long enough to be candidates.
fn exact_runs(data: &[u8], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = start;
    for piece in data[start..end].split(|&b| !is_base64_byte(b)) {
        if piece.len() >= MIN_ENCODED_LEN {
            out.push((s, s + piece.len()));
        }
        s += piece.len() + 1;
    }
    out
}

/// Decodes one run as hex (all hex digits, even length) or else base64, if it passes the
/// cheap tests and decodes to text.
fn decode_run(data: &[u8], start: usize, end: usize) -> Option<Decoded> {
    let run = &data[start..end];
    if run.len() % 2 == 0 && run.iter().all(u8::is_ascii_hexdigit) {
        let bytes = decode_hex(run)?;
        return is_text(&bytes).then_some(Decoded {
            start,
            end,
            encoding: Encoding::Hex,
            bytes,
        });
    }
    if !looks_like_base64_text(run) {
        return None;
    }
    // Padding is outside the run's alphabet: take up to two `=` after it.
    let pad = data[end..]
        .iter()
        .take(2)
        .take_while(|&&b| b == b'=')
        .count();
    let url_safe = run.iter().any(|&b| b == b'-' || b == b'_');
    let standard = run.iter().any(|&b| b == b'+' || b == b'/');
    if url_safe && standard {
        return None;
    }
    // A length of 1 mod 4 is never valid base64; drop the last character (a run can end in
    // a character that is not part of the encoding, e.g. `…==x`).
    let usable = if run.len() % 4 == 1 {
        &run[..run.len() - 1]
    } else {
        run
    };
    let engine = if url_safe {
        &URL_SAFE_NO_PAD
    } else {
        &STANDARD_NO_PAD
    };
    let bytes = engine.decode(usable).ok()?;
    is_text(&bytes).then_some(Decoded {
        start,
        end: end + pad,
        encoding: Encoding::Base64,
        bytes,
    })
}

/// Each 4-character group starts with a character worth less than 32 (`A-Z`, `a-f`): true of
/// all base64 of ASCII text, false of almost every identifier, path or word.
fn looks_like_base64_text(run: &[u8]) -> bool {
    run.iter()
        .step_by(4)
        .all(|&b| b.is_ascii_uppercase() || (b'a'..=b'f').contains(&b))
}

fn decode_hex(run: &[u8]) -> Option<Vec<u8>> {
    let nibble = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(run.len() / 2);
    for pair in run.chunks_exact(2) {
        let byte = nibble(pair[0])? << 4 | nibble(pair[1])?;
        // Hashes and keys decode to random bytes: give up at the first that is not text.
        if out.len() < 8 && !is_text_byte(byte) {
            return None;
        }
        out.push(byte);
    }
    Some(out)
}

fn is_text_byte(b: u8) -> bool {
    (0x20..0x7f).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r')
}

/// At least 90 % printable ASCII or whitespace.
fn is_text(bytes: &[u8]) -> bool {
    let text = bytes.iter().filter(|&&b| is_text_byte(b)).count();
    !bytes.is_empty() && text * 10 >= bytes.len() * 9
}

/// Tokens (no whitespace, quotes or angle brackets) with two or more `%XX` escapes.
fn percent_candidates(data: &[u8], budget: &mut usize, out: &mut Vec<Decoded>) {
    const MAX_TOKEN: usize = 4096;
    let is_token =
        |b: u8| !b.is_ascii_whitespace() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'`');
    let escape_at = |i: usize| {
        i + 2 < data.len() && data[i + 1].is_ascii_hexdigit() && data[i + 2].is_ascii_hexdigit()
    };
    let mut next_free = 0;
    for i in memchr::memchr_iter(b'%', data) {
        if i < next_free || !escape_at(i) || *budget == 0 {
            continue;
        }
        let lo = i.saturating_sub(MAX_TOKEN);
        let start = data[lo..i]
            .iter()
            .rposition(|&b| !is_token(b))
            .map_or(lo, |p| lo + p + 1);
        let hi = (i + MAX_TOKEN).min(data.len());
        let end = data[i..hi]
            .iter()
            .position(|&b| !is_token(b))
            .map_or(hi, |p| i + p);
        next_free = end;
        // In a URL, the authority's escapes (`user:P%40ss@host`) are URL syntax that the URL
        // rules read as written; decoding them would put a second `@` in the userinfo and
        // split the password wrongly. Only the path, query and fragment are decoded.
        let start = match memchr::memmem::find(&data[start..end], b"://") {
            None => start,
            Some(p) => {
                let authority = start + p + 3;
                match data[authority..end]
                    .iter()
                    .position(|b| matches!(b, b'/' | b'?' | b'#'))
                {
                    Some(q) => authority + q,
                    None => continue,
                }
            }
        };
        let token = &data[start..end];
        let escapes = (0..token.len())
            .filter(|&j| token[j] == b'%' && escape_at(start + j))
            .count();
        if escapes < 2 {
            continue;
        }
        let bytes = decode_percent(token);
        if is_text(&bytes) {
            *budget = budget.saturating_sub(bytes.len());
            out.push(Decoded {
                start,
                end,
                encoding: Encoding::Percent,
                bytes,
            });
        }
    }
}

fn decode_percent(token: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(token.len());
    let mut i = 0;
    while i < token.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if token[i] == b'%' && i + 2 < token.len() {
            if let (Some(h), Some(l)) = (hex(token[i + 1]), hex(token[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(token[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::{STANDARD, URL_SAFE};

    fn all(data: &[u8]) -> Vec<Decoded> {
        let mut budget = MAX_DECODED_PER_BLOB;
        candidates(data, &mut budget)
    }

    #[test]
    fn base64_both_alphabets_with_location() {
        let text = b"token: abc_def-ghi_jkl and a long enough text to encode, padded?";
        for encoded in [STANDARD.encode(text), URL_SAFE.encode(text)] {
            let data = format!("value: {encoded}\n");
            let found = all(data.as_bytes());
            assert_eq!(found.len(), 1, "{data}");
            assert_eq!(found[0].bytes, text);
            assert_eq!(found[0].encoding, Encoding::Base64);
            assert_eq!(&data[found[0].start..found[0].end], encoded);
        }
    }

    #[test]
    fn hex_and_percent() {
        let text = b"user=admin&password=correct-horse-battery";
        let hex: String = text.iter().map(|b| format!("{b:02x}")).collect();
        let found = all(format!("x = \"{hex}\"").as_bytes());
        assert_eq!((found.len(), found[0].encoding), (1, Encoding::Hex));
        assert_eq!(found[0].bytes, text);
        let url = "https://example.com/cb?next=%2Fhome%3Ftoken%3Dabc&x=1";
        let found = all(format!("see {url} here").as_bytes());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].encoding, Encoding::Percent);
        assert_eq!(found[0].bytes, b"/cb?next=/home?token=abc&x=1");
        // The userinfo's escapes stay as written (the URL rules read them).
        let found = all(b"mongodb://app:D1ff%40ult%21@%2Ftmp%2Fmongo.sock");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn code_hashes_and_binary_payloads_are_not_candidates() {
        let sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        let ident = "this_is_a_very_long_identifier_name_in_some_code_base_indeed";
        let path = "/usr/local/lib/python3/site-packages/requests/adapters/module";
        let random = STANDARD.encode(
            (0u8..60)
                .map(|i| i.wrapping_mul(97) ^ 0xa5)
                .collect::<Vec<_>>(),
        );
        for s in [sha, ident, path, &random, "printf(\"%d%%\", x)"] {
            assert!(all(s.as_bytes()).is_empty(), "{s}");
        }
    }

    #[test]
    fn the_budget_bounds_the_work() {
        let text = b"some printable text that is long enough to be a candidate!!";
        let line = format!("{}\n", STANDARD.encode(text));
        let data = line.repeat(100);
        let mut budget = 10 * text.len();
        let found = candidates(data.as_bytes(), &mut budget);
        assert!(found.len() <= 11, "{}", found.len());
        assert_eq!(budget, 0);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for s in [
            "%",
            "%4",
            "%41",
            "%41%4",
            "a%41%42",
            "==",
            "A===",
            &"A".repeat(49),
        ] {
            let _ = all(s.as_bytes());
        }
    }
}
