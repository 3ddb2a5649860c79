//! Inline allow comments: a finding is dropped when its line says so. Recognized markers, in
//! any comment syntax (only the marker text is looked for, so `#`, `//`, `--`, `<!-- -->` all
//! work): `keysweep:allow`, `gitleaks:allow` and detect-secrets' `pragma: allowlist secret`.
//!
//! The scoped form, `keysweep:allow RULE-ID reason="why" until=YYYY-MM-DD`, drops only that
//! rule's finding and only until the date (inclusive): after it the finding comes back, so a
//! "temporary" exception cannot become permanent by being forgotten. Reviewers see the reason
//! in the code and in the JSON report's `suppressions`. Hand-written: a few fixed markers and a
//! `key=value` tail need no parser crate.

use serde::Serialize;

/// One allow comment, as found on a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InlineAllow {
    /// The marker as written (`keysweep:allow`, `gitleaks:allow`, `pragma: allowlist secret`).
    pub marker: &'static str,
    /// The rule it is scoped to; `None`: every finding on the line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// `reason="..."`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `until=YYYY-MM-DD`: the last day it applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

impl InlineAllow {
    /// Whether this comment drops a finding of `rule_id` on `today` (`YYYY-MM-DD`, UTC). A
    /// malformed `until` date allows nothing: a broken exception must not hide a secret.
    pub fn applies(&self, rule_id: &str, today: &str) -> bool {
        if self.rule.as_deref().is_some_and(|r| r != rule_id) {
            return false;
        }
        match &self.until {
            None => true,
            Some(until) => is_date(until) && today <= until.as_str(),
        }
    }
}

const MARKERS: [&str; 3] = [
    "keysweep:allow",
    "gitleaks:allow",
    "pragma: allowlist secret",
];

/// Every allow comment on `line` (several rules can be scoped on one line).
pub fn find(line: &[u8]) -> Vec<InlineAllow> {
    let mut out = Vec::new();
    for marker in MARKERS {
        let mut from = 0;
        while let Some(i) = memchr::memmem::find(&line[from..], marker.as_bytes()) {
            let after = from + i + marker.len();
            let tail = if marker == "keysweep:allow" {
                &line[after..]
            } else {
                &[][..]
            };
            out.push(parse_tail(marker, tail));
            from = after;
        }
    }
    out
}

/// Reads `RULE-ID reason="..." until=...` after `keysweep:allow`, stopping at the first word
/// that is none of these (the rest of the comment is free text). The first word is taken as a
/// rule id when it could be one; the caller forgets it if no rule has that id.
fn parse_tail(marker: &'static str, tail: &[u8]) -> InlineAllow {
    let mut allow = InlineAllow {
        marker,
        rule: None,
        reason: None,
        until: None,
    };
    let text = String::from_utf8_lossy(tail);
    let mut rest = text.as_ref();
    let mut first = true;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        if let Some(r) = rest.strip_prefix("reason=") {
            let (value, left) = quoted_or_word(r);
            allow.reason = Some(value);
            rest = left;
        } else if let Some(r) = rest.strip_prefix("until=") {
            let (value, left) = quoted_or_word(r);
            allow.until = Some(value);
            rest = left;
        } else if first {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                .collect();
            let ends_word = rest[word.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || matches!(c, '*' | '-' | '>' | '"' | '\''));
            if word.len() < 2 || !word.starts_with(|c: char| c.is_ascii_lowercase()) || !ends_word {
                break;
            }
            rest = &rest[word.len()..];
            allow.rule = Some(word);
        } else {
            break;
        }
        first = false;
    }
    allow
}

/// A `"quoted value"` (no escapes) or a bare word, and what follows it.
fn quoted_or_word(s: &str) -> (String, &str) {
    if let Some(q) = s.strip_prefix('"') {
        match q.find('"') {
            Some(end) => (q[..end].to_string(), &q[end + 1..]),
            None => (q.trim_end().to_string(), ""),
        }
    } else {
        let end = s.find(char::is_whitespace).unwrap_or(s.len());
        (s[..end].to_string(), &s[end..])
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
        return false;
    }
    if !digits(5..7) || !digits(8..10) {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> InlineAllow {
        let mut all = find(line.as_bytes());
        assert_eq!(all.len(), 1, "{line}");
        all.remove(0)
    }

    #[test]
    fn markers_in_any_comment_syntax() {
        for line in [
            "token = \"x\" # keysweep:allow",
            "token = \"x\"; // gitleaks:allow",
            "token: x  # pragma: allowlist secret",
            "<!-- keysweep:allow --> token",
            "-- keysweep:allow",
        ] {
            let a = one(line);
            assert!(
                a.rule.is_none() && a.applies("any-rule", "2026-01-01"),
                "{line}"
            );
        }
        assert!(find(b"token = \"x\" # keysweep allow").is_empty());
    }

    #[test]
    fn scoped_form_with_reason_and_date() {
        let a = one(
            r#"k = "v" # keysweep:allow aws-access-key-id reason="test account, no access" until=2027-03-31"#,
        );
        assert_eq!(a.rule.as_deref(), Some("aws-access-key-id"));
        assert_eq!(a.reason.as_deref(), Some("test account, no access"));
        assert_eq!(a.until.as_deref(), Some("2027-03-31"));
        assert!(a.applies("aws-access-key-id", "2027-03-31"));
        assert!(!a.applies("aws-access-key-id", "2027-04-01"), "expired");
        assert!(!a.applies("github-pat", "2026-01-01"), "other rule");
    }

    #[test]
    fn free_text_after_the_marker() {
        // The first word is taken as a rule id; the filter forgets it when no rule has that id
        // (see `Filters`), so free text keeps the comment unscoped.
        let a = one("x # keysweep:allow this is a test key");
        assert_eq!(a.rule.as_deref(), Some("this"));
        let a = one("x # keysweep:allow reason=fixture");
        assert_eq!((a.rule, a.reason.as_deref()), (None, Some("fixture")));
    }

    #[test]
    fn a_malformed_date_allows_nothing() {
        let a = one("x # keysweep:allow until=2027-13-01");
        assert!(!a.applies("r", "2026-01-01"));
        let a = one("x # keysweep:allow until=soon");
        assert!(!a.applies("r", "2026-01-01"));
    }

    #[test]
    fn several_scoped_allows_on_one_line() {
        let all = find(b"x # keysweep:allow rule-a keysweep:allow rule-b");
        let rules: Vec<_> = all.iter().filter_map(|a| a.rule.as_deref()).collect();
        assert_eq!(rules, ["rule-a", "rule-b"]);
    }
}
