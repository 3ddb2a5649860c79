//! Redaction, and the one finding view that every format serializes: the raw secret only
//! leaves through [`FindingView::new`] with `show_secrets` set.

use serde::Serialize;

use crate::finding::Finding;

/// What stands in for the hidden part of a secret.
pub const MASK: &str = "*****";

/// A secret as reports show it by default: a short prefix (at most 4 characters and at most a
/// fifth of the secret, so the kind of token stays recognisable) and a fixed mask that does not
/// give the length away.
pub fn redact(secret: &str) -> String {
    if let Some(header) = pem_header(secret) {
        return format!("{header}{MASK}");
    }
    let chars = secret.chars().count();
    let keep = (chars / 5).min(4);
    let prefix: String = secret.chars().take(keep).collect();
    format!("{prefix}{MASK}")
}

/// `secret` as reports show it: raw with `--show-secrets`, else [`redact`]ed.
pub fn shown(secret: &str, show_secrets: bool) -> String {
    if show_secrets {
        secret.to_string()
    } else {
        redact(secret)
    }
}

/// The `-----BEGIN … -----` line of a PEM block: it names the key type and is not secret.
fn pem_header(secret: &str) -> Option<&str> {
    if !secret.starts_with("-----BEGIN ") {
        return None;
    }
    let end = secret[11..].find("-----")? + 11 + 5;
    (end <= 80).then(|| &secret[..end])
}

/// The serializable view of a finding, with the secret already redacted (or not, on request).
#[derive(Debug, Clone, Serialize)]
pub struct FindingView<'a> {
    /// See [`Finding`].
    pub rule_id: &'a str,
    /// Rule description.
    pub description: &'a str,
    /// `critical`, `high`, `medium` or `low`.
    pub severity: &'a str,
    /// Relative, '/'-separated.
    pub path: &'a str,
    /// 1-based.
    pub line: usize,
    /// 1-based byte column.
    pub column: usize,
    /// 1-based.
    pub end_line: usize,
    /// 1-based byte column just after the secret (exclusive).
    pub end_column: usize,
    /// Redacted unless `--show-secrets`.
    pub secret: String,
    /// Stable identity (sha256 hex of rule id, secret and path).
    pub fingerprint: &'a str,
    /// Bits per byte, rounded to 3 decimals.
    pub entropy: f64,
    /// True when an offline validator proved the structure.
    pub validated: bool,
    /// The check that ran, or null.
    pub validation: Option<&'a str>,
    /// The check failed (only with `--report-invalid`; absent otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub validation_failed: bool,
    /// What to do.
    pub remediation: &'a str,
    /// The other parts of the same credential found beside it (absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub companions: Vec<CompanionView<'a>>,
    /// Encodings peeled to find the secret, outermost first (absent for a plain secret).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub decoded: &'a [&'static str],
    /// Git provenance (`keysweep git` only; absent for files on disk).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub git: Option<GitView<'a>>,
}

/// One companion part (an API key beside its secret, a passphrase), redacted like the secret.
#[derive(Debug, Clone, Serialize)]
pub struct CompanionView<'a> {
    /// The companion rule's id.
    pub rule_id: &'a str,
    /// 1-based line in the same file.
    pub line: usize,
    /// 1-based byte column.
    pub column: usize,
    /// Redacted unless `--show-secrets`.
    pub secret: String,
}

/// The git fields of a finding, flattened into it in JSON.
#[derive(Debug, Clone, Serialize)]
pub struct GitView<'a> {
    /// Commit that introduced the secret at this path.
    pub commit: &'a str,
    /// Author name.
    pub author: &'a str,
    /// Author email.
    pub email: &'a str,
    /// Author date, RFC 3339.
    pub date: &'a str,
    /// First line of the commit message.
    pub message: &'a str,
    /// Other places (commit, path) that hold the same secret.
    pub also_in: u64,
    /// Still reachable from a branch tip.
    pub still_in_head: bool,
}

impl<'a> FindingView<'a> {
    /// The view of `f`.
    pub fn new(f: &'a Finding, show_secrets: bool) -> FindingView<'a> {
        FindingView {
            rule_id: &f.rule_id,
            description: &f.description,
            severity: f.severity.as_str(),
            path: &f.path,
            line: f.span.line,
            column: f.span.column,
            end_line: f.span.end_line,
            end_column: f.span.end_column,
            secret: shown(&f.secret, show_secrets),
            fingerprint: &f.fingerprint,
            entropy: (f64::from(f.entropy) * 1000.0).round() / 1000.0,
            validated: f.validated(),
            validation: f.validation.as_deref(),
            validation_failed: f.validation_failed,
            remediation: &f.remediation,
            companions: f
                .companions
                .iter()
                .map(|c| CompanionView {
                    rule_id: &c.rule_id,
                    line: c.span.line,
                    column: c.span.column,
                    secret: shown(&c.secret, show_secrets),
                })
                .collect(),
            decoded: &f.decoded,
            git: f.git.as_ref().map(|g| GitView {
                commit: &g.commit,
                author: &g.author,
                email: &g.email,
                date: &g.date,
                message: &g.message,
                also_in: g.also_in,
                still_in_head: g.still_in_head,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_keeps_a_short_prefix() {
        let token = concat!("gh", "p_abcdefghijklmnopqrstuvwxyz0123456789");
        assert_eq!(redact(token), "ghp_*****");
        let pem =
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
        assert_eq!(redact(pem), "-----BEGIN RSA PRIVATE KEY-----*****");
        assert_eq!(redact("short"), "s*****");
        assert_eq!(redact("abc"), "*****");
        assert_eq!(redact(""), "*****");
    }
}
