//! Drops candidate secrets that are obviously placeholders (`<your-key>`, `${TOKEN}`,
//! `xxxxxxxx`, `EXAMPLE`): documentation and templates are full of them, and a regex of the right
//! shape cannot tell them from keys. Hand-written because it is a short list of substrings.

/// Substrings (lowercase) that no real secret of any supported format contains by chance often
/// enough to matter, and that templates and docs use all the time.
const MARKERS: &[&[u8]] = &[
    b"example",
    b"xxxxx",
    b"${",
    b"{{",
    b"<",
    b">",
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
    fn placeholders() {
        assert!(looks_like_placeholder(b"AKIAIOSFODNN7EXAMPLE"));
        assert!(looks_like_placeholder(b"${GITHUB_TOKEN}"));
        assert!(looks_like_placeholder(b"<your-api-key>"));
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
