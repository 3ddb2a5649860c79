//! A finer test than the secret's shape for a rule without keywords whose secret is a sequence
//! of words (a BIP39 phrase: `(?:[a-z]{3,8} +){14,}[a-z]{3,8}`): before its regex searches a run
//! of letters and spaces, the run must hold enough consecutive words of the right lengths.
//!
//! Such a rule searches every run of 59 or more letters and spaces in every file, and prose
//! (comments, documentation) is made of them: on the cargo tree the regex searched 4,800 runs
//! and its lazy DFA built the same few hundred states in each worker, a tenth of the full rule
//! pack's cost over the foundation's. Prose fails this test at its first short word ("a",
//! "of", "is") or long one, and the test reads a run a separator at a time.

use regex_syntax::hir::{Hir, HirKind};

/// A secret made of at least `min_words` words of `word_len` bytes of the word class, separated
/// by runs of separator bytes.
#[derive(Debug, Clone)]
pub struct WordRun {
    separator: [bool; 256],
    word_len: (usize, usize),
    min_words: usize,
}

impl WordRun {
    /// The word structure of `secret` (the secret group of a rule's regex), when it is exactly
    /// `(?:W{a,b} S+){n,}W{a,b}` with word bytes `W` and separator bytes `S` disjoint.
    pub fn of(secret: &Hir) -> Option<WordRun> {
        let secret = match secret.kind() {
            HirKind::Capture(c) => &*c.sub,
            _ => secret,
        };
        let HirKind::Concat(parts) = secret.kind() else {
            return None;
        };
        let [words, last] = parts.as_slice() else {
            return None;
        };
        let HirKind::Repetition(rep) = words.kind() else {
            return None;
        };
        if rep.max.is_some() || rep.min == 0 {
            return None;
        }
        let HirKind::Concat(word_and_gap) = rep.sub.kind() else {
            return None;
        };
        let [word, gap] = word_and_gap.as_slice() else {
            return None;
        };
        let (word_bytes, word_len) = counted_class(word)?;
        if counted_class(last)? != (word_bytes, word_len) {
            return None;
        }
        let HirKind::Repetition(gap) = gap.kind() else {
            return None;
        };
        if gap.min != 1 || gap.max.is_some() {
            return None;
        }
        let separator = byte_set(&gap.sub)?;
        if (0..256).any(|b| separator[b] && word_bytes[b]) {
            return None;
        }
        Some(WordRun {
            separator,
            word_len,
            min_words: usize::try_from(rep.min).ok()?.checked_add(1)?,
        })
    }

    /// `run` (bytes of the words and separators only, as a run of the secret's shape is) holds
    /// `min_words` consecutive words of the right length: a match of the regex in it needs them.
    pub fn may_match(&self, run: &[u8]) -> bool {
        let (shortest, longest) = self.word_len;
        let mut streak = 0;
        // Where the word being read started: just past the last separator.
        let mut word_start = 0;
        let ends_word = |end: usize, word_start: usize, streak: &mut usize| {
            let len = end - word_start;
            if len == 0 {
                return false; // separators in a row
            }
            if (shortest..=longest).contains(&len) {
                *streak += 1;
            } else {
                *streak = 0;
            }
            *streak >= self.min_words
        };
        // Separators found 64 bytes at a time as a bit mask, without a branch per byte:
        // testing each byte mispredicted on every word and cost as much as the regex.
        for (chunk_index, chunk) in run.chunks(64).enumerate() {
            let mut separators = 0u64;
            for (i, &b) in chunk.iter().enumerate() {
                separators |= u64::from(self.separator[usize::from(b)]) << i;
            }
            while separators != 0 {
                let at = chunk_index * 64 + separators.trailing_zeros() as usize;
                separators &= separators - 1;
                if ends_word(at, word_start, &mut streak) {
                    return true;
                }
                word_start = at + 1;
            }
        }
        ends_word(run.len(), word_start, &mut streak)
    }
}

/// `hir` as a repetition `{a,b}` of a byte class: its bytes and `(a, b)`.
fn counted_class(hir: &Hir) -> Option<([bool; 256], (usize, usize))> {
    let HirKind::Repetition(rep) = hir.kind() else {
        return None;
    };
    let max = rep.max?;
    Some((
        byte_set(&rep.sub)?,
        (usize::try_from(rep.min).ok()?, usize::try_from(max).ok()?),
    ))
}

/// The bytes of a class or one-byte literal, as the secret's shape counts them.
fn byte_set(hir: &Hir) -> Option<[bool; 256]> {
    let mut set = [false; 256];
    match hir.kind() {
        HirKind::Literal(lit) if lit.0.len() == 1 => {}
        HirKind::Class(_) => {}
        _ => return None,
    }
    super::shape_summary::add_bytes(hir, &mut set);
    Some(set)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::shape_summary;
    use proptest::prelude::*;

    const PHRASE_REGEX: &str = r"\b((?:[a-z]{3,8} +){14,}[a-z]{3,8})\b";

    fn word_run(pattern: &str) -> Option<WordRun> {
        let hir = shape_summary::parse(pattern).expect("parses");
        WordRun::of(shape_summary::secret_hir(&hir, None).expect("secret"))
    }

    #[test]
    fn reads_the_phrase_structure() {
        let w = word_run(PHRASE_REGEX).expect("a word run");
        assert_eq!((w.word_len, w.min_words), ((3, 8), 15));
        assert!(w.separator[usize::from(b' ')] && !w.separator[usize::from(b'a')]);
        // Not a word sequence: other shapes, bounded word counts, separators among the words.
        assert!(word_run(r"([a-z]{3,8} [a-z]{3,8})").is_none());
        assert!(word_run(r"((?:[a-z]{3,8} +){2,5}[a-z]{3,8})").is_none());
        assert!(word_run(r"((?:[a-z ]{3,8} +){14,}[a-z ]{3,8})").is_none());
        assert!(word_run(r"((?:[a-z]{3,8} +){14,}[a-f]{3,8})").is_none());
    }

    #[test]
    fn needs_enough_words_of_the_right_length() {
        let w = word_run(PHRASE_REGEX).expect("a word run");
        let fifteen = "abc defgh ijk lmnopqrs tuv wxyz abc  defgh ijk lmn opq rst uvw xyz abcd";
        assert!(w.may_match(fifteen.as_bytes()));
        assert!(w.may_match(format!("a {fifteen} b").as_bytes()));
        let fourteen = &fifteen[..fifteen.rfind(' ').expect("words")];
        assert!(!w.may_match(fourteen.as_bytes()));
        // A short or long word in the middle breaks the sequence.
        let broken = fifteen.replace("tuv", "tu");
        assert!(!w.may_match(broken.as_bytes()));
        let broken = fifteen.replace("tuv", "tuvwxyzab");
        assert!(!w.may_match(broken.as_bytes()));
    }

    proptest! {
        /// Wherever the regex matches in a run of letters and spaces, the test passes: it only
        /// ever skips runs the regex would find nothing in.
        #[test]
        fn never_skips_a_run_the_regex_matches(
            words in proptest::collection::vec(
                prop_oneof![9 => "[a-z]{3,8}", 1 => "[a-z]{1,10}"],
                0..40,
            ),
            gaps in proptest::collection::vec(1usize..3, 40),
        ) {
            let mut run = String::new();
            for (word, gap) in words.iter().zip(&gaps) {
                run.push_str(word);
                run.push_str(&" ".repeat(*gap));
            }
            let regex = crate::engine::compile_regex(PHRASE_REGEX).expect("compiles");
            let w = word_run(PHRASE_REGEX).expect("a word run");
            if regex.is_match(run.as_bytes()) {
                prop_assert!(w.may_match(run.as_bytes()), "{:?}", run);
            }
        }
    }
}
