//! The finding model: the one contract every report format derives from. A [`Finding`] holds the
//! raw secret; reports redact it (see `report::redact`) unless the user asked for secrets, so the
//! type deliberately does not implement `Serialize`.

use sha2::{Digest, Sha256};

use crate::engine::{RawMatch, Scanner};
use crate::rules::Severity;

/// Where a secret is: 1-based lines; 1-based byte columns; `end_column` is exclusive (the column
/// just after the secret's last byte), as in SARIF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    /// Line of the secret's first byte.
    pub line: usize,
    /// Column of the secret's first byte.
    pub column: usize,
    /// Line of the secret's last byte.
    pub end_line: usize,
    /// Column just after the secret's last byte.
    pub end_column: usize,
}

/// One reported secret.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule's stable id.
    pub rule_id: String,
    /// The rule's description.
    pub description: String,
    /// The rule's severity.
    pub severity: Severity,
    /// '/'-separated path relative to the scanned root.
    pub path: String,
    /// Where in the file.
    pub span: Span,
    /// The secret's byte range in the blob it was found in (for the filters, which look at its
    /// line).
    pub offset: std::ops::Range<usize>,
    /// The secret, raw. Never print it without going through `report::redact`.
    pub secret: String,
    /// Text on the secret's first line before it (at most [`CONTEXT_CHARS`] bytes, raw).
    pub before: String,
    /// Text after the secret on its last line (at most [`CONTEXT_CHARS`] bytes, raw).
    pub after: String,
    /// Stable identity: sha256 over rule id, secret and path (see [`fingerprint`]).
    pub fingerprint: String,
    /// Shannon entropy of the secret, bits per byte.
    pub entropy: f32,
    /// The offline validator that ran, if the rule has one; it passed unless
    /// `validation_failed`.
    pub validation: Option<String>,
    /// The validator failed (reported only with `--report-invalid`, at low severity): the
    /// shape is right but the checksum or structure is not, so it is most likely not a key.
    pub validation_failed: bool,
    /// What to do about it.
    pub remediation: String,
    /// Where in git history the secret entered, for findings of `keysweep git`.
    pub git: Option<GitProvenance>,
    /// The other parts of the same credential found beside it (an exchange API key next to its
    /// secret, a passphrase, a keystore's password), in file order.
    pub companions: Vec<CompanionPart>,
    /// For a secret found inside encoded text (whose place `span` gives): the encodings
    /// peeled to reach it, outermost first (`["base64"]`). Empty for a plain secret.
    pub decoded: Vec<&'static str>,
}

/// One other part of a credential, reported inside the finding of its main part.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanionPart {
    /// The companion rule's id (e.g. `bybit-api-key`).
    pub rule_id: String,
    /// Where it is, in the same file.
    pub span: Span,
    /// The value, raw; redacted by reports like the main secret.
    pub secret: String,
}

/// Where a secret found in git history came from, so the user knows whom to ask and whether
/// rotating is enough or history must be purged too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitProvenance {
    /// Full id of the commit that introduced the blob at this path (the earliest in history
    /// order).
    pub commit: String,
    /// The commit's author name.
    pub author: String,
    /// The commit's author email.
    pub email: String,
    /// The commit's author date, RFC 3339.
    pub date: String,
    /// The first line of the commit message.
    pub message: String,
    /// How many other (commit, path) places hold the same secret for the same rule.
    pub also_in: u64,
    /// True when the secret is still reachable from the tip of some branch.
    pub still_in_head: bool,
}

impl Finding {
    /// True when an offline validator proved the secret's structure.
    pub fn validated(&self) -> bool {
        self.validation.is_some() && !self.validation_failed
    }

    /// The deterministic report order: path, line, column, rule.
    pub fn sort_key(&self) -> (&str, usize, usize, &str, usize, usize) {
        (
            &self.path,
            self.span.line,
            self.span.column,
            &self.rule_id,
            self.span.end_line,
            self.span.end_column,
        )
    }
}

/// How much of the line around a secret is kept for display.
pub const CONTEXT_CHARS: usize = 80;

/// A finding's identity for baselines and code scanning: hex sha256 of `rule_id`, the secret
/// and the path, NUL-separated. It does not include the line, so it survives edits above the
/// secret; it does not depend on redaction, so baselines work with and without
/// `--show-secrets`.
pub fn fingerprint(rule_id: &str, secret: &[u8], path: &str) -> String {
    let mut h = Sha256::new();
    h.update(rule_id.as_bytes());
    h.update([0]);
    h.update(secret);
    h.update([0]);
    h.update(path.as_bytes());
    let digest = h.finalize();
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Turns the engine's raw matches (sorted by start) into located findings for the blob at
/// `path`. Line numbers are computed here, and only for matches: one forward pass counting
/// newlines, so the cost is linear in the blob however many matches it has.
pub fn locate(scanner: &Scanner, path: &str, data: &[u8], matches: &[RawMatch]) -> Vec<Finding> {
    let mut cursor = LineCursor::default();
    let mut out = Vec::with_capacity(matches.len());
    for m in matches {
        let rule = scanner.rule(m.rule);
        let (line, line_start) = cursor.advance(data, m.start);
        let mut end_line = line;
        let mut end_line_start = line_start;
        let last = m.end.saturating_sub(1).max(m.start);
        for i in memchr::memchr_iter(b'\n', &data[m.start..last]) {
            end_line += 1;
            end_line_start = m.start + i + 1;
        }
        let secret: &[u8] = match &m.decoded {
            Some(d) => &d.secret,
            None => &data[m.start..m.end],
        };
        let companions = m
            .companions
            .iter()
            .map(|c| CompanionPart {
                rule_id: scanner.rule(c.rule).id.to_string(),
                span: span_near(data, m.start, line, line_start, c.start, c.end),
                secret: String::from_utf8_lossy(&data[c.start..c.end]).into_owned(),
            })
            .collect::<Vec<_>>();
        let severity = match rule.paired_severity {
            _ if m.validation_failed => Severity::Low,
            Some(s) if !companions.is_empty() => s,
            _ => rule.severity,
        };
        let before_start = m.start.saturating_sub(CONTEXT_CHARS).max(line_start);
        let after_end = line_end(data, m.end, CONTEXT_CHARS);
        out.push(Finding {
            rule_id: rule.id.to_string(),
            description: rule.description.to_string(),
            severity,
            path: path.to_string(),
            span: Span {
                line,
                column: m.start - line_start + 1,
                end_line,
                end_column: m.end - end_line_start + 1,
            },
            offset: m.start..m.end,
            secret: String::from_utf8_lossy(secret).into_owned(),
            before: String::from_utf8_lossy(&data[before_start..m.start]).into_owned(),
            after: String::from_utf8_lossy(&data[m.end..after_end]).into_owned(),
            fingerprint: fingerprint(&rule.id, secret, path),
            entropy: m.entropy,
            validation: m.validation.map(str::to_string),
            validation_failed: m.validation_failed,
            remediation: rule.remediation.to_string(),
            git: None,
            companions,
            decoded: m
                .decoded
                .as_ref()
                .map(|d| d.encodings.clone())
                .unwrap_or_default(),
        });
    }
    out
}

/// The span of `start..end`, located from a known anchor (`anchor` is on line `line`, which
/// starts at `line_start`) by counting only the newlines in between: companions are near their
/// primary, so this costs a few lines, not the file.
fn span_near(
    data: &[u8],
    anchor: usize,
    line: usize,
    line_start: usize,
    start: usize,
    end: usize,
) -> Span {
    let (first_line, first_line_start) = if start >= anchor {
        let mut l = line;
        let mut ls = line_start;
        for i in memchr::memchr_iter(b'\n', &data[anchor..start]) {
            l += 1;
            ls = anchor + i + 1;
        }
        (l, ls)
    } else if start >= line_start {
        (line, line_start)
    } else {
        let back = memchr::memchr_iter(b'\n', &data[start..line_start]).count();
        let ls = memchr::memrchr(b'\n', &data[..start]).map_or(0, |i| i + 1);
        (line - back, ls)
    };
    let last = end.saturating_sub(1).max(start);
    let mut end_line = first_line;
    let mut end_line_start = first_line_start;
    for i in memchr::memchr_iter(b'\n', &data[start..last]) {
        end_line += 1;
        end_line_start = start + i + 1;
    }
    Span {
        line: first_line,
        column: start - first_line_start + 1,
        end_line,
        end_column: end - end_line_start + 1,
    }
}

/// The end of the line that holds `from`, looking at most `limit` bytes ahead (a one-line
/// 100 MB file must not cost a scan to its end per finding).
fn line_end(data: &[u8], from: usize, limit: usize) -> usize {
    let hi = (from + limit).min(data.len());
    match memchr::memchr2(b'\n', b'\r', &data[from..hi]) {
        Some(i) => from + i,
        None => hi,
    }
}

/// Remembers the last located offset so that successive lookups only count the newlines in
/// between.
#[derive(Default)]
struct LineCursor {
    offset: usize,
    line: usize,
    line_start: usize,
}

impl LineCursor {
    /// (1-based line, offset of that line's first byte) for `offset`, which must not be smaller
    /// than the previous call's.
    fn advance(&mut self, data: &[u8], offset: usize) -> (usize, usize) {
        if self.line == 0 {
            self.line = 1;
        }
        if offset < self.offset {
            *self = LineCursor::default();
            self.line = 1;
        }
        for i in memchr::memchr_iter(b'\n', &data[self.offset..offset]) {
            self.line += 1;
            self.line_start = self.offset + i + 1;
        }
        self.offset = offset;
        (self.line, self.line_start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_stable_and_distinguishes() {
        let a = fingerprint("r", b"s", "p");
        assert_eq!(a, fingerprint("r", b"s", "p"));
        assert_eq!(a.len(), 64);
        assert_ne!(a, fingerprint("r", b"s2", "p"));
        assert_ne!(a, fingerprint("r", b"s", "q"));
        assert_ne!(fingerprint("ab", b"c", "p"), fingerprint("a", b"bc", "p"));
    }

    #[test]
    fn cursor_counts_lines() {
        let data = b"a\nbb\r\nccc\n";
        let mut c = LineCursor::default();
        assert_eq!(c.advance(data, 0), (1, 0));
        assert_eq!(c.advance(data, 3), (2, 2));
        assert_eq!(c.advance(data, 7), (3, 6));
        assert_eq!(c.advance(data, 1), (1, 0));
    }
}
