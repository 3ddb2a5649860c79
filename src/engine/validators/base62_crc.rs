//! Tokens that end in a CRC32 checksum of their random part, written as six base62 digits:
//! GitHub's `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` tokens and npm's `npm_` tokens
//! (`prefix_` + 30 random base62 characters + the checksum). A random string of the right
//! shape passes about once in 57 billion, so a passing token is a real token's structure.
//! Hand-written: base62 of a u32 and a CRC32 call are a few lines over `crc32fast`.

/// The base62 alphabet of these tokens (digits, upper, lower).
const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// Length of the random part.
const RANDOM_LEN: usize = 30;
/// Length of the checksum.
const CHECKSUM_LEN: usize = 6;

/// `github-crc32`: `gh[pousr]_` + 30 base62 + base62(CRC32 of those 30), 6 digits.
pub fn is_valid_github_token(secret: &[u8]) -> bool {
    matches!(
        secret,
        [b'g', b'h', b'p' | b'o' | b'u' | b's' | b'r', b'_', ..]
    ) && checksum_holds(&secret[4..])
}

/// `npm-crc32`: `npm_` + 30 base62 + base62(CRC32 of those 30), 6 digits.
pub fn is_valid_npm_token(secret: &[u8]) -> bool {
    secret.starts_with(b"npm_") && checksum_holds(&secret[4..])
}

fn checksum_holds(rest: &[u8]) -> bool {
    if rest.len() != RANDOM_LEN + CHECKSUM_LEN || !rest.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let (random, checksum) = rest.split_at(RANDOM_LEN);
    decode_base62(checksum) == Some(u64::from(crc32fast::hash(random)))
}

fn decode_base62(digits: &[u8]) -> Option<u64> {
    digits.iter().try_fold(0u64, |acc, &d| {
        let v = BASE62.iter().position(|&c| c == d)?;
        Some(acc * 62 + v as u64)
    })
}

/// Base62 with leading zeros to six digits, as the token formats write the checksum.
#[cfg(test)]
pub(crate) fn encode_base62(mut n: u64) -> String {
    let mut out = [b'0'; CHECKSUM_LEN];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A token of `prefix` with a valid checksum, from seeded random bytes (tests only).
#[cfg(test)]
pub(crate) fn test_token(prefix: &str, seed: u64) -> String {
    let random: String = super::test_bytes(seed, RANDOM_LEN)
        .iter()
        .map(|b| BASE62[usize::from(*b) % 62] as char)
        .collect();
    let checksum = encode_base62(u64::from(crc32fast::hash(random.as_bytes())));
    format!("{prefix}{random}{checksum}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_tokens_pass() {
        for (i, prefix) in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"].iter().enumerate() {
            let t = test_token(prefix, i as u64);
            assert_eq!(t.len(), 40);
            assert!(is_valid_github_token(t.as_bytes()), "{t}");
            assert!(!is_valid_npm_token(t.as_bytes()));
        }
        let npm = test_token("npm_", 9);
        assert!(is_valid_npm_token(npm.as_bytes()));
        assert!(!is_valid_github_token(npm.as_bytes()));
    }

    #[test]
    fn one_changed_character_fails() {
        let t = test_token("ghp_", 42);
        for i in 4..t.len() {
            let mut b = t.clone().into_bytes();
            b[i] = if b[i] == b'a' { b'b' } else { b'a' };
            assert!(!is_valid_github_token(&b), "position {i}");
        }
    }

    #[test]
    fn wrong_shapes_fail() {
        let t = test_token("ghp_", 7);
        assert!(!is_valid_github_token(&t.as_bytes()[..39]));
        assert!(!is_valid_github_token(format!("{t}0").as_bytes()));
        assert!(!is_valid_github_token(t.replace("ghp_", "ghx_").as_bytes()));
        assert!(!is_valid_github_token(b"ghp_"));
        assert!(!is_valid_github_token(b""));
        assert!(!is_valid_npm_token(
            b"npm_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
        ));
        assert_eq!(encode_base62(0), "000000");
        assert_eq!(decode_base62(b"zzzzzz"), Some(62u64.pow(6) - 1));
    }
}
