//! Drops candidate secrets that are obviously placeholders (`<your-key>`, `${TOKEN}`,
//! `xxxxxxxx`, `EXAMPLE`): documentation and templates are full of them, and a regex of the right
//! shape cannot tell them from keys. Hand-written because it is a short list of substrings.

use super::code_words::TripleTally;

/// Substrings (lowercase) that no real secret of any supported format contains by chance often
/// enough to matter, and that templates and docs use all the time.
const MARKERS: &[&[u8]] = &[
    b"example",
    b"xxxxx",
    b"${",
    b"{{",
    b"<",
    b"your_",
    b"your-",
    b"yourkey",
    b"changeme",
    b"placeholder",
    b"redacted",
    b"dummy",
    b"*****",
    b"....",
];

/// Secrets longer than this are not checked for runs of one character.
const MAX_RUN_CHECKED_LEN: usize = 100;

/// True when `secret` looks like a placeholder rather than a credential.
pub fn looks_like_placeholder(secret: &[u8]) -> bool {
    // A fill (`sk_live_0000…`, `AKIAAAAAAAAA…`) is one character repeated over much of the
    // secret. Real formats hold shorter runs by design (Twitter bearer tokens and Dropbox
    // tokens start with or contain `AAAAAAAAAA`, base64 of zero bytes), so a run counts only
    // when it is at least 8 long and covers a third of the secret. Long structured secrets
    // (PEM bodies) legitimately hold runs of zero bytes; their entropy floor does the work.
    if secret.len() <= MAX_RUN_CHECKED_LEN && has_long_run(secret, (secret.len() / 3).max(8)) {
        return true;
    }
    let lower: Vec<u8> = secret.iter().map(|b| b.to_ascii_lowercase()).collect();
    MARKERS
        .iter()
        .any(|m| memchr::memmem::find(&lower, m).is_some())
        || closes_placeholder_or_arrow(secret)
}

/// `>` ends a placeholder (`<your-key>`, or a capture that began after its `<`) or makes an
/// arrow of code (`=>`, `->`); a `<` anywhere is a marker of its own. Elsewhere `>` is one more
/// punctuation byte of a typed or random secret (`…k>qX…` in a JWT signing secret).
fn closes_placeholder_or_arrow(secret: &[u8]) -> bool {
    secret.last() == Some(&b'>')
        || secret
            .windows(2)
            .any(|w| w[1] == b'>' && matches!(w[0], b'=' | b'-'))
}

/// True when `secret` is a name from code rather than a random value: split at `_ . -`, at
/// case changes and between letters and digits, it holds at least one word (a capitalized
/// word with a vowel, lowercase at the start or after `_` for camelCase and snake_case, or a
/// CONSTANT word between underscores) and nothing but words, acronyms of at most five
/// capitals and numbers of at most three digits: `ShellSpecialFolderConstants`,
/// `MSV1_0_PROTOCOL_MESSAGE_TYPE`, `MI_UserCredentials_0`, `_libssh2_wincng_bignum_init`. A
/// type, constant or function after a secret-named field
/// (`ssfBITBUCKET: ShellSpecialFolderConstants`) has the length and entropy of a key; a random
/// value of those lengths splits into pieces like `f`, `3`, `vSz` or `RGNZSO` that are no
/// words. The words must also read as words of code by their letter triples
/// ([`TripleTally::reads_as_words`]): random values of 12-16 characters split into
/// vowel-bearing pieces like `Xpdpaoxt` often enough to lose 1 key in 46 otherwise. Only for
/// rules with an entropy floor (random formats); a typed password may well be words.
pub fn looks_like_identifier(secret: &[u8]) -> bool {
    let separator = |b: u8| matches!(b, b'_' | b'.' | b'-');
    let mut pieces = 0;
    let mut words = 0;
    let mut triples = TripleTally::default();
    let mut i = 0;
    while i < secret.len() {
        let b = secret[i];
        if separator(b) {
            i += 1;
            continue;
        }
        if !b.is_ascii_alphanumeric() {
            return false;
        }
        let start = i;
        let ok = if b.is_ascii_digit() {
            while i < secret.len() && secret[i].is_ascii_digit() {
                i += 1;
            }
            i - start <= 3
        } else if b.is_ascii_uppercase() && !secret.get(i + 1).is_some_and(u8::is_ascii_lowercase) {
            // Capitals: an acronym, or a CONSTANT word; `HTTPServer` leaves the `S` to the
            // next piece.
            while i < secret.len() && secret[i].is_ascii_uppercase() {
                i += 1;
            }
            if secret.get(i).is_some_and(u8::is_ascii_lowercase) {
                i -= 1;
            }
            let piece = &secret[start..i];
            // CONSTANT_CASE joins words with `_`; `-` and `.` join the groups of keys
            // (`8SMREW2-DVXN7F3-VTEQYKL`).
            let delimited = (start == 0 || secret[start - 1] == b'_')
                && (i == secret.len() || secret[i] == b'_');
            if delimited && piece.len() >= 3 && has_vowel(piece) {
                words += 1;
                triples.add(piece);
                true
            } else {
                piece.len() <= 5
            }
        } else {
            i += 1;
            while i < secret.len() && secret[i].is_ascii_lowercase() {
                i += 1;
            }
            let piece = &secret[start..i];
            // camelCase or snake_case: a lowercase piece starts the value or follows a `_`
            // (`cnid2onfhjimb7`, a random lowercase key, is not a name).
            let starts_word = b.is_ascii_uppercase() || start == 0 || secret[start - 1] == b'_';
            let word = starts_word && piece.len() >= 3 && has_vowel(piece);
            if word {
                words += 1;
                triples.add(piece);
            }
            word
        };
        if !ok {
            return false;
        }
        pieces += 1;
    }
    pieces >= 2 && words >= 1 && triples.reads_as_words()
}

fn has_vowel(piece: &[u8]) -> bool {
    piece.iter().any(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
        )
    })
}

/// True when some byte repeats `n` or more times in a row (`AAAAAAAA`, `00000000`): random
/// secrets of the lengths we detect essentially never do.
fn has_long_run(s: &[u8], n: usize) -> bool {
    let mut run = 0;
    let mut prev = None;
    for &b in s {
        if Some(b) == prev {
            run += 1;
            if run >= n {
                return true;
            }
        } else {
            run = 1;
            prev = Some(b);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        for name in [
            "ShellSpecialFolderConstants",
            "MSV1_0_PROTOCOL_MESSAGE_TYPE",
            "MI_UserCredentials_0",
            "HTTPServerConfig",
            "userCredentials_2",
            "_libssh2_wincng_bignum_init",
            "X509RequestInheritOptions",
        ] {
            assert!(looks_like_identifier(name.as_bytes()), "{name}");
        }
        for key in [
            "f3vSzYmZAtlZJYzbGn7ueYggVSb9cwHK",
            "6fb1cff7690db9ac066cadbbde8e3c078efdabcf",
            "dafa7817-e246-48f3-91a7-e87653d587b8",
            "RGNZSOXaLU1ccjRrBwiLaYH12CKKnrNt",
            "deadbeefcafe",
            "cnid2onfhjimb7",
            "a9f3_b2kdq7",
            // Split so that the scan of this repository does not report it.
            concat!("AKIA", "AC3XPT3LJOLYU5WM"),
            "MA73RWMDV50VQWGM70AC",
            "8SMREW2-DVXN7F3-VTEQYKL-AOYFE31",
            "API_KEYUIDFO3CI2KMBRKEYIFVZUQSQRRTT75FB",
        ] {
            assert!(!looks_like_identifier(key.as_bytes()), "{key}");
        }
    }

    /// Random base62 values of a short key's length are seldom taken for names: 1 in 450 of 14
    /// characters, 1 in 200 Sumo Logic access ids (`su` + 12). Before the words had to read as
    /// words of code, 1 in 80 and 1 in 46 were.
    #[test]
    fn random_short_keys_are_seldom_names() {
        const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        let samples = 20_000;
        for (prefix, len, most) in [("", 14, 0.004), ("su", 12, 0.008), ("", 20, 0.001)] {
            let bytes = crate::engine::validators::test_bytes(len as u64, samples * len);
            let names = bytes
                .chunks(len)
                .filter(|chunk| {
                    let mut value = prefix.as_bytes().to_vec();
                    value.extend(chunk.iter().map(|&b| BASE62[usize::from(b) % 62]));
                    looks_like_identifier(&value)
                })
                .count();
            #[allow(clippy::cast_precision_loss)] // small counts
            let share = names as f64 / samples as f64;
            assert!(share < most, "{prefix}+{len}: {names} of {samples}");
        }
    }

    #[test]
    fn placeholders() {
        assert!(looks_like_placeholder(b"AKIAIOSFODNN7EXAMPLE"));
        assert!(looks_like_placeholder(b"${GITHUB_TOKEN}"));
        assert!(looks_like_placeholder(b"<your-api-key>"));
        assert!(looks_like_placeholder(b"a9Fk2Lq7Zp4>"));
        assert!(looks_like_placeholder(b"k1Jh4=>Lm93Pq"));
        assert!(looks_like_placeholder(b"k1Jh4->Lm93Pq"));
        assert!(looks_like_placeholder(b"k1Jh4<Lm93Pq"));
        // A lone `>` inside a typed secret is punctuation.
        assert!(!looks_like_placeholder(b"q7`D}/vYR)k>qX??]G&3CF=;@vy"));
        assert!(looks_like_placeholder(b"sk_live_00000000000000000000"));
        assert!(looks_like_placeholder(b"0000000000000000000000001a2b3c4d"));
        // A token whose base64 starts with zero bytes is not a fill.
        let mut bearer = vec![b'A'; 22];
        bearer.extend_from_slice(
            b"Zq8v3Kp0aLmN4rT7yW2bC9dE6fG1hJ5kX0sUpq7Rt2Lm9Nb4Vc3Xz8Qw1Er6Ty0Ui5Op",
        );
        assert!(!looks_like_placeholder(&bearer));
        let token = concat!("gh", "p_Zq8v3Kp0aLmN4rT7yW2bC9dE6fG1hJ5kX0sU");
        assert!(!looks_like_placeholder(token.as_bytes()));
        let mut pem = b"b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAA".to_vec();
        pem.extend_from_slice(&[b'q'; 60]);
        assert!(
            !looks_like_placeholder(&pem),
            "OpenSSH key bodies hold long runs of A"
        );
    }
}
