//! Shape checks for secrets that carry no structure of their own: values assigned to a
//! `*_SECRET` / `*_TOKEN` / `password` name, and the user:password pair inside an HTTP Basic
//! header. Hand-written: a few byte tests that no crate offers.

use base64::Engine;

use super::has_ascending_run;

/// `generic-secret`: the value looks like a generated secret rather than code or prose. It
/// holds a digit and a letter; it is not a dotted name path (`X25519.secret_length`,
/// `config.db.password`), a version (`1.2.3`), a URL or file path; and it does not spell the
/// words that code puts in such places (`password`, `token`, `length`, `true`…). A heuristic,
/// not a proof: findings it lets through are not marked validated.
pub fn looks_generated(secret: &[u8]) -> bool {
    if !secret.iter().any(u8::is_ascii_digit) || !secret.iter().any(u8::is_ascii_alphabetic) {
        return false;
    }
    let lower = secret.to_ascii_lowercase();
    const PREFIXES: [&[u8]; 7] = [b"http:", b"https:", b"file:", b"/", b"./", b"../", b"~/"];
    if PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return false;
    }
    const WORDS: [&[u8]; 12] = [
        b"passw",
        b"secret",
        b"token",
        b"apikey",
        b"api_key",
        b"length",
        b"size",
        b"true",
        b"false",
        b"null",
        b"none",
        b"undefined",
    ];
    if WORDS
        .iter()
        .any(|w| memchr::memmem::find(&lower, w).is_some())
    {
        return false;
    }
    !is_name_path(secret) && !has_version(secret) && !has_ascending_run(secret, 5)
}

/// `a.b_c.d` where some part is a lowercase word of four or more letters: code, not a key.
fn is_name_path(s: &[u8]) -> bool {
    if !s.contains(&b'.') {
        return false;
    }
    let mut has_word = false;
    for part in s.split(|&b| b == b'.') {
        let ident = part
            .first()
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
            && part.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if !ident {
            return false;
        }
        has_word |= part.len() >= 4 && part.iter().all(|b| b.is_ascii_lowercase() || *b == b'_');
    }
    has_word
}

/// Holds `digits.digits.digits` (a version or an address, not a key).
fn has_version(s: &[u8]) -> bool {
    // 1: in the first digits, 2: after its dot, 3: in the second digits, 4: after their dot.
    let mut state = 0;
    for &b in s {
        state = match (state, b.is_ascii_digit(), b == b'.') {
            (4, true, _) => return true,
            (2 | 3, true, _) => 3,
            (_, true, _) => 1,
            (1, _, true) => 2,
            (3, _, true) => 4,
            _ => 0,
        };
    }
    false
}

/// Values that stand in for a password in templates, docs, compose files and tests.
const PLACEHOLDER_PASSWORDS: [&str; 64] = [
    "password",
    "passwd",
    "pass",
    "pwd",
    "secret",
    "changeme",
    "change_me",
    "changeit",
    "admin",
    "root",
    "test",
    "testing",
    "example",
    "sample",
    "dummy",
    "none",
    "null",
    "nil",
    "empty",
    "undefined",
    "default",
    "todo",
    "tbd",
    "fixme",
    "your_password",
    "yourpassword",
    "your-password",
    "string",
    "value",
    "required",
    "optional",
    "true",
    "false",
    "redacted",
    "username",
    "mypassword",
    "my-password",
    "my_password",
    "password1",
    "password123",
    "password_here",
    "some_password",
    "smtp_password",
    "123456",
    "12345678",
    "s3cret",
    "postgres",
    "android",
    "qwerty",
    "repopwd",
    "guest",
    "user",
    "mysql",
    "redis",
    "mongo",
    "rabbitmq",
    // RFC 7617's example (`Aladdin:open sesame`), copied into countless tests and how-tos.
    "open_sesame",
    "opensesame",
    "open-sesame",
    // The metasyntactic variables of tests and docs.
    "foo",
    "bar",
    "baz",
    "qux",
    "foobar",
];

/// Starts of values that point at a secret kept elsewhere (an environment variable, a vault, a
/// YAML tag) rather than being one.
const REFERENCE_PREFIXES: [&str; 13] = [
    "env:",
    "vault:",
    "os.environ",
    "process.env",
    "getenv",
    "secrets.",
    "import.meta.env",
    "!vault",
    "!ref",
    "!sub",
    "!getatt",
    "!env",
    "!secret",
];

/// `typed-password`: a value someone typed as a password, not a stand-in for one: not a known
/// placeholder word, not a fill (`****`, `xxxx`), not a reference (`$VAR`, `%(x)s`, `@var`,
/// `#id`, `#{x}`, `env:X`, `!vault`) and not a constant's name (`DB_PASSWORD`). A heuristic, not a
/// proof: findings it lets through are not marked validated.
pub fn is_typed_password(secret: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(secret.trim_ascii()) else {
        return false;
    };
    let lower = text.to_ascii_lowercase();
    if text.chars().count() < 4 || PLACEHOLDER_PASSWORDS.contains(&lower.as_str()) {
        return false;
    }
    if text.starts_with(['$', '%', '@', '&', '*', '{', '(', '<', ':'])
        || is_hash_reference(text)
        || REFERENCE_PREFIXES.iter().any(|p| lower.starts_with(p))
    {
        return false;
    }
    if text
        .bytes()
        .all(|b| matches!(b, b'*' | b'x' | b'X' | b'.' | b'-' | b'_' | b'?'))
    {
        return false;
    }
    if has_reference_inside(text.as_bytes()) {
        return false;
    }
    if only_placeholder_words(&lower) {
        return false;
    }
    let constant_name = text.contains('_')
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    !constant_name && !is_short_word(text) && !is_secret_name(text) && !mostly_ascending(secret)
}

/// `x123456789`, `012345abcdef`: runs like `123456` or `abcdef` (one of six or more) make up
/// most of the value: a test value or a keyboard walk. A word with such a run after it
/// (`abuser123456`) is a weak password someone typed, and leaks like any other.
fn mostly_ascending(s: &[u8]) -> bool {
    // One pass: the longest ascending run, and the bytes in runs of four or more.
    let (mut longest, mut covered, mut run) = (0, 0, 1);
    for i in 1..=s.len() {
        if i < s.len() && s[i] == s[i - 1].wrapping_add(1) {
            run += 1;
        } else {
            longest = longest.max(run);
            if run >= 4 {
                covered += run;
            }
            run = 1;
        }
    }
    longest >= 6 && 2 * covered > s.len()
}

/// `bowser`, `hunter`: six lowercase letters or fewer, a word (a test fixture's or a tutorial's
/// password), not one that guards anything.
fn is_short_word(text: &str) -> bool {
    text.len() <= 6 && text.bytes().all(|b| b.is_ascii_lowercase())
}

/// `typed-password`, `db_password`, `client.secret`: a lowercase name made of words joined by
/// `-`, `_` or `.`, one of which says password or secret. That is the name of one (a list of
/// names, `["generic-secret", "typed-password"]`, read as a name and its value), not a
/// password someone typed.
fn is_secret_name(text: &str) -> bool {
    const SECRET_WORDS: [&str; 6] = ["password", "passwd", "passphrase", "secret", "pwd", "token"];
    text.contains(['-', '_', '.'])
        && text.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
        && text.split(['-', '_', '.']).any(|word| {
            SECRET_WORDS
                .iter()
                .any(|s| word.starts_with(s) || word.ends_with(s))
        })
}

/// `#{password}` (Ruby), `#add-password`, `#pwd` (an anchor or element id): a `#` then a
/// template or a name of letters, `-` and `_`. A `#` before digits or other symbols
/// (`#gets0m3`) starts a typed password: where the rule's syntax allows `#` as a first byte at
/// all (a connection string has no comments), it is one more symbol.
fn is_hash_reference(text: &str) -> bool {
    text.strip_prefix('#').is_some_and(|rest| {
        rest.starts_with('{')
            || rest
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'_')
    })
}

/// `pass%20pass`, `test_password`, `user-pass`: placeholder words joined by separators or
/// percent-escapes.
fn only_placeholder_words(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    let mut plain = String::with_capacity(lower.len());
    let mut i = 0;
    while i < bytes.len() {
        let escape = bytes[i] == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if escape {
            plain.push(' ');
            i += 3;
        } else {
            plain.push(char::from(bytes[i]));
            i += 1;
        }
    }
    // Single letters are filler (`foo(b]c`): the words that count are the longer ones.
    let mut words = plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 1)
        .peekable();
    words.peek().is_some() && words.all(|w| PLACEHOLDER_PASSWORDS.contains(&w))
}

/// `pre${X}`, `a$HOME`, `$(cmd)`, `%s`, `%(name)s`: a template that is filled in elsewhere.
fn has_reference_inside(text: &[u8]) -> bool {
    text.windows(2).any(|w| match w[0] {
        b'$' => w[1].is_ascii_uppercase() || matches!(w[1], b'_' | b'{' | b'('),
        b'%' => matches!(w[1], b's' | b'd' | b'('),
        _ => false,
    })
}

/// `basic-auth`: the base64 of an HTTP Basic header decodes to printable `user:password` whose
/// password is a typed one (see [`is_typed_password`]): `foo:bar` and `user:password` in a test
/// or a how-to are not credentials.
pub fn is_basic_auth(secret: &[u8]) -> bool {
    let trimmed = secret.trim_ascii();
    let unpadded = trimmed
        .strip_suffix(b"==")
        .or_else(|| trimmed.strip_suffix(b"="));
    let Ok(decoded) =
        base64::engine::general_purpose::STANDARD_NO_PAD.decode(unpadded.unwrap_or(trimmed))
    else {
        return false;
    };
    let Some(colon) = decoded.iter().position(|&b| b == b':') else {
        return false;
    };
    colon > 0
        && colon + 1 < decoded.len()
        && decoded.iter().all(|b| (0x20..0x7f).contains(b))
        && is_typed_password(&decoded[colon + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Short lowercase words and names of secrets are not typed passwords; values that merely
    /// hold such a word, or hold more than a name's bytes, are.
    #[test]
    fn words_and_names_of_secrets_are_not_typed_passwords() {
        for (value, typed) in [
            ("bowser", false),
            ("hunter", false),
            ("abcd", false),
            ("typed-password", false),
            ("generic-secret", false),
            ("db_password", false),
            ("client.secret", false),
            ("api-token", false),
            ("bowser7", true),
            ("Bowser", true),
            ("letmein", true),
            ("bow$er", true),
            ("Sup3r-Secret!", true),
            ("my-Password-9", true),
            ("secret4ever", true),
            ("pass-phrase#1", true),
            ("token-of-Tr4de", true),
        ] {
            assert_eq!(is_typed_password(value.as_bytes()), typed, "{value}");
        }
    }

    #[test]
    fn generated_values_pass() {
        for s in [
            "Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB",
            "eyJ0eXAioiJKV1slS3oASx==",
            "dafa7817-e246-48f3-91a7-e87653d587b8",
            "8_P.tggjl7rwwHTOI_0DBUcwd5l3XJ.Li-VzzoxIPlP",
            "6fb1cff7690db9ac066cadbbde8e3c078efdabcf",
        ] {
            assert!(looks_generated(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn code_prose_and_versions_fail() {
        for s in [
            "X25519.secret_length",
            "config.db.password",
            "PdfEncryptionKeySize",
            "rc0.15.0_20231217_1420-SNAPSHOT",
            "lib-1.2.3-x86",
            "https://example.invalid/a1",
            "/etc/ssl/private/k1.pem",
            "abcdefghijklmnop",
            "12345678901234",
            "my_token_value_1",
            "undefined1",
            "abcdefgh12345678ZZ",
        ] {
            assert!(!looks_generated(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn typed_passwords() {
        for s in [
            "super$ecret",
            "4ian1234",
            "thisismypassword",
            "Rrhh1234",
            "`123QWERasdf",
            "!Passw0rd",
            "Pass123!@#",
            "s3c%r3t",
            "#gets0m3",
            "#Harbor.2024",
            "abuser123456",
        ] {
            assert!(is_typed_password(s.as_bytes()), "{s}");
        }
        for s in [
            "password",
            "Changeme",
            "****",
            "xxxxxxxx",
            "$DB_PASS",
            "%(pw)s",
            "DB_PASSWORD",
            "abc",
            "#add-password",
            "#{password}",
            "#db_pass",
            "#",
            "pre${SUFFIX}",
            "a$HOME",
            "conn%s",
            "pass%20pass",
            "test_password",
            "foo(b]c",
            "foobar",
            "💩",
            "",
            "env:DB_PASS",
            "!vault |",
            "x123456789",
            "012345abcdef",
            "Pass123456",
            "Guest",
        ] {
            assert!(!is_typed_password(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn basic_auth() {
        let enc = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        assert!(is_basic_auth(enc("deploy:s3cr3t-Pa55").as_bytes()));
        assert!(is_basic_auth(
            enc("u:Wq7-vLr2").trim_end_matches('=').as_bytes()
        ));
        // Test and how-to values are not credentials.
        for trivial in ["foo:bar", "user:password", "admin:$ADMIN_PASS", "u:p"] {
            assert!(!is_basic_auth(enc(trivial).as_bytes()), "{trivial}");
        }
        assert!(!is_basic_auth(enc("no colon here").as_bytes()));
        assert!(!is_basic_auth(enc("user:").as_bytes()));
        assert!(!is_basic_auth(enc(":pw").as_bytes()));
        assert!(!is_basic_auth(b"!!!!"));
        let mut binary = vec![0u8, 1, 2, b':', 3];
        binary.extend_from_slice(b"xyz");
        assert!(!is_basic_auth(
            base64::engine::general_purpose::STANDARD
                .encode(&binary)
                .as_bytes()
        ));
    }
}
