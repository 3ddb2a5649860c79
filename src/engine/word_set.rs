//! A set of words tested against short texts: does the text contain any of them, ignoring
//! ASCII case? A rule's `exclude_words` are tested against each of its matches (a name and a
//! value, a few dozen bytes); the words one of which every match of a rule's regex holds (see
//! `required_words`) against its windows, until its regex is compiled.
//!
//! Written here rather than taken from a crate because of the sizes involved: the generic rules
//! list hundreds of words each (`stripe`, `csrf`, …) and test them against short texts, a few
//! times per file at most. A `memmem` search per word cost 66 µs a match (675 words, a searcher
//! set up for each); an Aho-Corasick automaton over them answers in 80 ns but takes 2 ms to
//! build, more than a scan of a large repository spends on all of its generic matches. This
//! index builds in microseconds and answers in about the time the automaton does: the words by
//! first byte, and a bitmap of the byte pairs that start a word, so that a text position whose
//! two bytes start no word (most of them) costs one lookup.

/// The index of one rule's words.
#[derive(Debug)]
pub struct WordSet {
    /// The words (lowercase), grouped by first byte: those starting with byte `b` are
    /// `words[starts[b]..starts[b + 1]]`.
    words: Vec<Box<[u8]>>,
    starts: Vec<u32>,
    /// Bit `a << 8 | b` is set when a word starts with bytes `a`, `b`, or is the one byte `a`
    /// (then every `b` is set).
    pairs: Vec<u64>,
    /// The bytes a word starts with, in both cases, when there are at most three: the text is
    /// then searched for them with `memchr` (a rule's single required `secret`: the GitHub
    /// OAuth secret rule's ten thousand windows on the cargo tree), not tested byte by byte.
    firsts: Option<Vec<u8>>,
    /// Whether a word starts with byte `b`, in either case: the one test most bytes of a text
    /// get (a lookup of the byte pair took five times the instructions).
    starts_a_word: [bool; 256],
}

impl WordSet {
    /// Indexes `words`, lowercased (rule checks keep them lowercase already).
    pub fn new<S: AsRef<str>>(words: &[S]) -> WordSet {
        let mut words: Vec<Box<[u8]>> = words
            .iter()
            .map(|w| {
                w.as_ref()
                    .to_ascii_lowercase()
                    .into_bytes()
                    .into_boxed_slice()
            })
            .filter(|w| !w.is_empty())
            .collect();
        words.sort_unstable_by_key(|w| w[0]);
        let mut starts = vec![0u32; 257];
        for w in &words {
            starts[usize::from(w[0]) + 1] += 1;
        }
        for b in 0..256 {
            starts[b + 1] += starts[b];
        }
        let mut pairs = vec![0u64; 65536 / 64];
        let mut set = |key: usize| pairs[key / 64] |= 1 << (key % 64);
        for w in &words {
            let first = usize::from(w[0]) << 8;
            match w.get(1) {
                Some(&second) => set(first | usize::from(second)),
                None => (0..256).for_each(|b| set(first | b)),
            }
        }
        let mut firsts: Vec<u8> = words
            .iter()
            .flat_map(|w| [w[0], w[0].to_ascii_uppercase()])
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut starts_a_word = [false; 256];
        for &b in &firsts {
            starts_a_word[usize::from(b)] = true;
        }
        WordSet {
            words,
            starts,
            pairs,
            firsts: (firsts.len() <= 3).then_some(firsts),
            starts_a_word,
        }
    }

    /// `text` contains one of the words, ignoring ASCII case.
    pub fn found_in(&self, text: &[u8]) -> bool {
        match self.firsts.as_deref() {
            Some([]) => false,
            Some(&[a]) => memchr::memchr_iter(a, text).any(|i| self.starts_word(text, i)),
            Some(&[a, b]) => memchr::memchr2_iter(a, b, text).any(|i| self.starts_word(text, i)),
            Some(&[a, b, c]) => {
                memchr::memchr3_iter(a, b, c, text).any(|i| self.starts_word(text, i))
            }
            // The bytes that start a word found 64 at a time as a bit mask, without a branch
            // per byte: testing each byte mispredicted on most candidates.
            _ => text.chunks(64).enumerate().any(|(chunk_index, chunk)| {
                let mut candidates = 0u64;
                for (i, &b) in chunk.iter().enumerate() {
                    candidates |= u64::from(self.starts_a_word[usize::from(b)]) << i;
                }
                std::iter::from_fn(|| {
                    (candidates != 0).then(|| {
                        let i = candidates.trailing_zeros() as usize;
                        candidates &= candidates - 1;
                        chunk_index * 64 + i
                    })
                })
                .any(|i| self.starts_word(text, i))
            }),
        }
    }

    /// One of the words starts at `text[i]`, ignoring ASCII case.
    #[inline(always)]
    fn starts_word(&self, text: &[u8], i: usize) -> bool {
        let lower = |b: u8| b.to_ascii_lowercase();
        let first = lower(text[i]);
        // A one-byte word matches before the text's last byte too: pair it with any byte.
        let second = text.get(i + 1).map_or(0, |&b| lower(b));
        let key = usize::from(first) << 8 | usize::from(second);
        if i + 1 < text.len() && self.pairs[key / 64] & (1 << (key % 64)) == 0 {
            return false;
        }
        let bucket =
            self.starts[usize::from(first)] as usize..self.starts[usize::from(first) + 1] as usize;
        self.words[bucket].iter().any(|w| {
            text.get(i..i + w.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(w))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(words: &[String], text: &[u8]) -> bool {
        let lower = text.to_ascii_lowercase();
        words
            .iter()
            .filter(|w| !w.is_empty())
            .any(|w| memchr::memmem::find(&lower, w.to_ascii_lowercase().as_bytes()).is_some())
    }

    #[test]
    fn finds_words_anywhere_ignoring_case() {
        let words = WordSet::new(&["stripe", "csrf", "x"]);
        assert!(words.found_in(b"STRIPE_API_KEY = 'abc'"));
        assert!(words.found_in(b"my_csrf"));
        assert!(words.found_in(b"aaX"));
        assert!(!words.found_in(b"api_key = 'abc'"));
        assert!(!words.found_in(b"strip"));
        assert!(!WordSet::new::<&str>(&[]).found_in(b"anything"));
        // Few first bytes: searched for with memchr.
        let secret = WordSet::new(&["secret"]);
        assert!(secret.found_in(b"GITHUB_CLIENT_SECRET=1"));
        assert!(secret.found_in(b"a_Secret"));
        assert!(!secret.found_in(b"github.com/secre"));
        let two = WordSet::new(&["sk_", "pk_", "s"]);
        assert!(two.found_in(b"xPK_"));
        assert!(two.found_in(b"S"));
        assert!(!two.found_in(b"pk-k_"));
    }

    proptest! {
        /// The index agrees with a substring search for every word, on short alphabets that
        /// make matches and near-matches common.
        #[test]
        fn agrees_with_a_search_per_word(
            words in proptest::collection::vec("[abcA_]{1,4}", 0..12),
            text in proptest::collection::vec(proptest::sample::select(b"abcAB_-".to_vec()), 0..40),
        ) {
            let index = WordSet::new(&words);
            prop_assert_eq!(index.found_in(&text), naive(&words, &text));
        }
    }
}
