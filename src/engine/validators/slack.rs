//! Slack tokens: `xox?-` (or `xapp-`), then numeric ids (workspace, user or bot, …) and last the
//! random secret. The ids are public numbers (they appear in Slack's URLs and API answers) and
//! carry no randomness, so an entropy floor over the whole token says little: ids written as
//! fills (`511111111`) pull a real secret below it, random-looking ids lift a stand-in secret
//! above it. This check looks at the secret part alone. Hand-written: a split and an entropy.

use crate::engine::placeholder;

/// `slack-token`: the token's last `-`-separated part, its secret, looks random: at least 8
/// ASCII letters and digits, not digits only (that is an id: the secret is missing), not a
/// placeholder or a fill, no ascending run of six (`abcdef`, `123456`), and a Shannon entropy
/// of at least 3 bits per byte, or 70% of the most its length allows (log2 of the length) when
/// it is shorter than 20 bytes: a short random part cannot reach 3 bits (ten hex digits hold at
/// most ten distinct bytes, and often repeat some). A heuristic, not a proof: findings are not
/// marked validated.
pub fn is_slack_token(secret: &[u8]) -> bool {
    let token = secret.trim_ascii();
    if !(token.starts_with(b"xox") || token.starts_with(b"xapp-")) {
        return false;
    }
    let Some(dash) = token.iter().rposition(|&b| b == b'-') else {
        return false;
    };
    let part = &token[dash + 1..];
    if part.len() < 8
        || !part.iter().all(u8::is_ascii_alphanumeric)
        || part.iter().all(u8::is_ascii_digit)
        || placeholder::looks_like_placeholder(part)
        || super::has_ascending_run(part, 6)
    {
        return false;
    }
    #[allow(clippy::cast_precision_loss)] // a token part is far shorter than 2^52 bytes
    let most = (part.len() as f32).log2();
    entropy::shannon_entropy(part) >= (0.7 * most).min(3.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validators::test_bytes;

    /// `n` random characters of `alphabet`, from the test bytes of `seed`.
    fn random(alphabet: &[u8], n: usize, seed: u64) -> String {
        test_bytes(seed, n)
            .iter()
            .map(|b| char::from(alphabet[usize::from(*b) % alphabet.len()]))
            .collect()
    }

    const HEX: &[u8] = b"0123456789abcdef";
    const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    const LOWER_DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

    #[test]
    fn random_secret_part_passes_whatever_the_ids() {
        let tokens = [
            format!(
                "xoxa-2-511111111-31111111111-3111111111111-{}",
                random(HEX, 18, 1)
            ),
            format!(
                "xoxa-2-{}-{}-{}",
                random(b"0123456789", 12, 2),
                random(b"0123456789", 13, 3),
                random(HEX, 64, 4)
            ),
            format!("xoxb-111111111111-2222222222222-{}", random(ALNUM, 24, 5)),
            format!("xoxp-1-2-3-{}", random(HEX, 32, 6)),
            format!("xoxr-1-{}", random(LOWER_DIGITS, 12, 7)),
            format!("xoxa-{}", random(LOWER_DIGITS, 12, 8)),
            format!("xapp-1-A0123456789-1234567890123-{}", random(HEX, 64, 9)),
        ];
        for t in &tokens {
            assert!(is_slack_token(t.as_bytes()), "{t}");
        }
    }

    #[test]
    fn stand_in_or_missing_secret_fails() {
        for t in [
            "xoxb-0000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx",
            "xoxa-2-511111111-31111111111-3111111111111-111111111111111111",
            "xoxa-2-511111111-31111111111-3111111111111",
            "xoxb-123456789012-abcdefghijklmnopqrstuvwx",
            "xoxb-123456789012-abcabcabcabcabcabcabcabc",
            "xoxp-123456789012-123456789012-123456789012-0123456789abcdef0123456789abcdef",
            "xoxb-your-bot-token",
            "xoxa-abc12",
            "xoxa-2-EXAMPLEe039d028",
            "xoxb-123456789012-aaaaaaaabbbbbbbbcccccccc",
            "ghp_0123456789abcdefghij-k8Qz4Lm2Xw9Tr5",
            "",
        ] {
            assert!(!is_slack_token(t.as_bytes()), "{t}");
        }
    }
}
