//! BIP39 mnemonics: 12, 15, 18, 21 or 24 words of one official wordlist whose last bits are the
//! first bits of SHA-256 of the entropy. The checksum is what separates a seed phrase from
//! prose that happens to use wordlist words (1 in 16 for 12 words, 1 in 256 for 24).
//!
//! The secret may be written as a plain phrase, words on separate lines, a comma-separated
//! list, a JSON/JS array or a YAML list: [`normalize`] keeps the words and drops the rest.

use bip39::{Language, Mnemonic};

/// How many words a BIP39 phrase has.
pub const PHRASE_WORDS: [usize; 5] = [12, 15, 18, 21, 24];

/// The words of `text` as written (not lowercased). Separators are whitespace (including the
/// ideographic space of Japanese phrases), ASCII punctuation (quotes, commas, brackets, YAML
/// dashes) and ASCII digits (numbered lists).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c.is_ascii_digit())
        .filter(|w| !w.is_empty())
}

/// The [`words`] of `secret`, lowercased and joined by single spaces; `None` when it is not
/// UTF-8.
pub fn normalize(secret: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(secret).ok()?;
    let words: Vec<String> = words(text).map(str::to_lowercase).collect();
    Some(words.join(" "))
}

/// True when `secret` is a BIP39 mnemonic with a valid checksum, in English or any of the
/// other official wordlists.
pub fn is_valid_mnemonic(secret: &[u8]) -> bool {
    let Some(phrase) = normalize(secret) else {
        return false;
    };
    let count = phrase.split(' ').count();
    if !PHRASE_WORDS.contains(&count) {
        return false;
    }
    // A run of distinct words in alphabetical order is an excerpt of a wordlist file (132 of
    // the 2037 12-word windows of english.txt pass the checksum), not a phrase: a random
    // 12-word phrase is in order once in 479 million.
    let words: Vec<&str> = phrase.split(' ').collect();
    if words.windows(2).all(|w| w[0] < w[1]) {
        return false;
    }
    if phrase.is_ascii() && Mnemonic::parse_in_normalized(Language::English, &phrase).is_ok() {
        return true;
    }
    // Other wordlists (language detected from the words; NFKD-normalized by the crate).
    Mnemonic::parse(phrase.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::test_bytes;

    fn phrase(lang: Language, entropy: &[u8]) -> String {
        Mnemonic::from_entropy_in(lang, entropy)
            .expect("valid entropy length")
            .to_string()
    }

    #[test]
    fn generated_phrases_of_every_length_pass() {
        for (i, len) in [16usize, 20, 24, 28, 32].into_iter().enumerate() {
            for round in 0..20u64 {
                let p = phrase(Language::English, &test_bytes(i as u64 * 100 + round, len));
                assert!(is_valid_mnemonic(p.as_bytes()), "{p}");
            }
        }
    }

    #[test]
    fn separators_and_arrays_are_normalized() {
        let p = phrase(Language::English, &test_bytes(7, 16));
        let words: Vec<&str> = p.split(' ').collect();
        let forms = [
            words.join("\n"),
            words.join(", "),
            format!("[\"{}\"]", words.join("\", \"")),
            format!("['{}']", words.join("',\n  '")),
            words.iter().map(|w| format!("- {w}\n")).collect::<String>(),
            words
                .iter()
                .enumerate()
                .map(|(i, w)| format!("{}. {w}\n", i + 1))
                .collect::<String>(),
            p.to_uppercase(),
            format!("\"{p}\""),
        ];
        for f in forms {
            assert!(is_valid_mnemonic(f.as_bytes()), "{f}");
        }
    }

    #[test]
    fn other_languages_pass() {
        for (i, lang) in Language::ALL.iter().enumerate() {
            let p = phrase(*lang, &test_bytes(1000 + i as u64, 32));
            assert!(is_valid_mnemonic(p.as_bytes()), "{lang:?}: {p}");
        }
    }

    #[test]
    fn corrupted_phrases_fail() {
        let mut failures = 0;
        for round in 0..50u64 {
            let p = phrase(Language::English, &test_bytes(5000 + round, 32));
            let mut words: Vec<&str> = p.split(' ').collect();
            // Swap the last word for another wordlist word: the checksum (8 bits for 24 words)
            // no longer holds unless the new word happens to keep it.
            let last = words[23];
            let list = Language::English.word_list();
            let idx = list.iter().position(|w| *w == last).unwrap();
            words[23] = list[(idx + 1) % 2048];
            if !is_valid_mnemonic(words.join(" ").as_bytes()) {
                failures += 1;
            }
            // A word with one letter changed is no longer a wordlist word.
            let typo = p.replacen(words[0], &format!("{}q", &words[0][1..]), 1);
            assert!(!is_valid_mnemonic(typo.as_bytes()), "{typo}");
        }
        // 24 words: 8 checksum bits, and a neighbouring last word changes them.
        assert!(
            failures >= 48,
            "only {failures} of 50 corrupted phrases failed"
        );
        assert!(!is_valid_mnemonic(b"abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"));
        assert!(!is_valid_mnemonic(b"abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abuot"));
    }

    #[test]
    fn wordlist_excerpts_fail() {
        let list = Language::English.word_list();
        let mut passing_windows = 0;
        for start in 0..list.len() - 12 {
            let window = list[start..start + 12].join(" ");
            if Mnemonic::parse_in_normalized(Language::English, &window).is_ok() {
                passing_windows += 1;
            }
            assert!(!is_valid_mnemonic(window.as_bytes()), "{window}");
        }
        // The checksum alone would accept some of them (132 per crypto-formats.md).
        assert!(passing_windows > 50, "{passing_windows}");
    }

    #[test]
    fn wrong_counts_and_prose_fail() {
        let p = phrase(Language::English, &test_bytes(9, 16));
        let eleven: Vec<&str> = p.split(' ').take(11).collect();
        assert!(!is_valid_mnemonic(eleven.join(" ").as_bytes()));
        let thirteen = format!("{p} zoo");
        assert!(!is_valid_mnemonic(thirteen.as_bytes()));
        assert!(!is_valid_mnemonic(
            b"the quick brown fox jumps over the lazy dog and then it runs away"
        ));
        assert!(!is_valid_mnemonic(b""));
        assert!(!is_valid_mnemonic(b"\xff\xfe abandon"));
    }
}
