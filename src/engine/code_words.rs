//! Whether a run of letters reads like a word of source code, by how many of its letter
//! triples are among those most frequent in code. The identifier test
//! ([`super::placeholder::looks_like_identifier`]) splits a value into pieces at case changes
//! and separators and calls a piece with a vowel a word; in a random value of 12-16 characters,
//! pieces like `Xpdpaoxt` pass that test often enough (1 in 46 Sumo Logic access ids, 1 in 80
//! random 14-character keys) to drop real keys as names. Words of code are made of common
//! triples (`spe`, `eci`, `ial`); random letters mostly are not (`xpd`, `pdp`, `aox`).
//! Hand-written: a 2 KiB table built at compile time from the triple counts the keyword filter
//! already embeds (`common_triples.txt`).

use super::keyword_filter::{line_triple, COMMON_TRIPLES};

/// Triples of lowercase ASCII letters, `aaa` to `zzz`.
const LETTER_TRIPLES: usize = 26 * 26 * 26;

/// Bit `i` set: letter triple `i` (see [`letter_triple_index`]) is among the common triples.
static COMMON_LETTER_TRIPLES: [u64; LETTER_TRIPLES.div_ceil(64)] =
    letter_triple_bits(COMMON_TRIPLES.as_bytes());

/// Reads `common_triples.txt` at compile time (see [`line_triple`]) and keeps the triples of
/// three lowercase letters.
const fn letter_triple_bits(text: &[u8]) -> [u64; LETTER_TRIPLES.div_ceil(64)] {
    let mut bits = [0u64; LETTER_TRIPLES.div_ceil(64)];
    let mut rest = text;
    while !rest.is_empty() {
        let mut end = 0;
        while end < rest.len() && rest[end] != b'\n' {
            end += 1;
        }
        let (line, after) = rest.split_at(end);
        if let Some(packed) = line_triple(line) {
            let triple = [(packed >> 16) as u8, (packed >> 8) as u8, packed as u8];
            if let Some(index) = letter_triple_index(triple) {
                bits[index / 64] |= 1 << (index % 64);
            }
        }
        rest = match after.split_first() {
            Some((_, next)) => next,
            None => after,
        };
    }
    bits
}

/// `aaa` is 0, `zzz` is 26³ − 1; `None` unless all three are lowercase letters.
const fn letter_triple_index(triple: [u8; 3]) -> Option<usize> {
    let [a, b, c] = triple;
    if a.is_ascii_lowercase() && b.is_ascii_lowercase() && c.is_ascii_lowercase() {
        Some(((a - b'a') as usize * 26 + (b - b'a') as usize) * 26 + (c - b'a') as usize)
    } else {
        None
    }
}

/// Tallies the letter triples of word-like pieces: how many there were, and how many of them
/// are common in code.
#[derive(Debug, Default, Clone, Copy)]
pub struct TripleTally {
    /// Triples seen.
    pub total: usize,
    /// Of those, the ones among the common triples.
    pub common: usize,
}

impl TripleTally {
    /// Counts the triples of `piece` (ASCII letters; case is ignored).
    pub fn add(&mut self, piece: &[u8]) {
        for window in piece.windows(3) {
            let triple = [
                window[0].to_ascii_lowercase(),
                window[1].to_ascii_lowercase(),
                window[2].to_ascii_lowercase(),
            ];
            self.total += 1;
            if let Some(index) = letter_triple_index(triple) {
                self.common +=
                    usize::from(COMMON_LETTER_TRIPLES[index / 64] & (1 << (index % 64)) != 0);
            }
        }
    }

    /// A quarter or more of the triples are common ones (or there were none): the pieces read
    /// as words of code. Of the names in 3,000 files of `~/.cargo/registry/src` that the
    /// identifier test took for names, 0.4 % fall below a quarter (`HWCAP2_SME_SF8DP2`,
    /// `MFD_HUGE_2MB`, measured with a port of the test); of random 14-character values it
    /// took for names, four in five do. A third would halve those again and lose three
    /// times as many names.
    pub fn reads_as_words(&self) -> bool {
        4 * self.common >= self.total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(pieces: &[&str]) -> TripleTally {
        let mut tally = TripleTally::default();
        pieces.iter().for_each(|p| tally.add(p.as_bytes()));
        tally
    }

    #[test]
    fn the_table_holds_the_letter_triples_of_the_list() {
        let listed = COMMON_TRIPLES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.get(..6))
            .filter(|hex| {
                (0..3).all(|i| {
                    u8::from_str_radix(&hex[2 * i..2 * i + 2], 16)
                        .is_ok_and(|b| b.is_ascii_lowercase())
                })
            })
            .count();
        let set: u32 = COMMON_LETTER_TRIPLES.iter().map(|w| w.count_ones()).sum();
        assert_eq!(set as usize, listed);
        assert!(listed > 1000, "{listed}");
        for common in ["con", "ing", "the", "ent"] {
            let t = common.as_bytes();
            let index = letter_triple_index([t[0], t[1], t[2]]).unwrap_or(usize::MAX);
            assert!(
                COMMON_LETTER_TRIPLES[index / 64] & (1 << (index % 64)) != 0,
                "{common}"
            );
        }
    }

    #[test]
    fn words_of_code_and_random_letters() {
        assert!(tally(&["Shell", "Special", "Folder", "Constants"]).reads_as_words());
        assert!(tally(&["user", "Credentials"]).reads_as_words());
        assert!(tally(&["PROTOCOL", "MESSAGE", "TYPE"]).reads_as_words());
        assert!(tally(&[]).reads_as_words());
        assert!(!tally(&["sug", "Xpdpaoxt"]).reads_as_words());
        assert!(!tally(&["Qzvkwy", "Jxupq"]).reads_as_words());
    }
}
