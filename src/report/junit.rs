//! JUnit XML, for CI systems that show nothing but test results (Jenkins, Azure Pipelines,
//! GitLab's test tab, CircleCI). Each rule with findings is a `<testsuite>`, each finding a
//! `<testcase>` holding a `<failure>`; inputs that could not be read are `<error>` test cases in
//! a suite of their own, since they make the scan incomplete. A clean, complete scan is one
//! passing test case, so that "no test results" is never mistaken for a broken job. No timing
//! attributes: the same input gives the same bytes.
//!
//! Written by hand: the document is a fixed shape, and escaping is the only subtle part (text
//! from scanned files may hold characters XML 1.0 cannot carry at all, which are shown as
//! `\xNN`).

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::redact::FindingView;
use super::{ReportOptions, PURGE_ADVICE};
use crate::finding::Finding;
use crate::scan::ScanOutcome;

/// Writes the report.
pub fn write(outcome: &ScanOutcome, options: ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &outcome.findings {
        by_rule.entry(&f.rule_id).or_default().push(f);
    }
    let errors: Vec<_> = outcome
        .skipped
        .iter()
        .filter(|s| s.reason.is_error())
        .collect();
    let clean = outcome.findings.is_empty() && errors.is_empty();
    let tests = outcome.findings.len() + errors.len() + usize::from(clean);

    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="keysweep" tests="{tests}" failures="{}" errors="{}">"#,
        outcome.findings.len(),
        errors.len()
    )?;
    for (rule, findings) in &by_rule {
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{n}" failures="{n}" errors="0" skipped="0">"#,
            xml(rule),
            n = findings.len()
        )?;
        for f in findings {
            write_case(&FindingView::new(f, options.show_secrets), out)?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    if !errors.is_empty() {
        writeln!(
            out,
            r#"  <testsuite name="unreadable" tests="{n}" failures="0" errors="{n}" skipped="0">"#,
            n = errors.len()
        )?;
        for s in &errors {
            let message = s.reason.to_string();
            writeln!(
                out,
                r#"    <testcase name="{p}" classname="keysweep.unreadable" file="{p}">"#,
                p = xml(&s.path)
            )?;
            writeln!(
                out,
                r#"      <error message="{m}" type="unreadable">{m}: the scan is incomplete</error>"#,
                m = xml(&message)
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    if clean {
        writeln!(
            out,
            r#"  <testsuite name="keysweep" tests="1" failures="0" errors="0" skipped="0">"#
        )?;
        writeln!(
            out,
            r#"    <testcase name="no secrets found" classname="keysweep"/>"#
        )?;
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

fn write_case(v: &FindingView<'_>, out: &mut dyn Write) -> io::Result<()> {
    let location = format!("{}:{}:{}", v.path, v.line, v.column);
    writeln!(
        out,
        r#"    <testcase name="{}" classname="keysweep.{}" file="{}" line="{}">"#,
        xml(&location),
        xml(v.rule_id),
        xml(v.path),
        v.line
    )?;
    let message = format!("{}: {}", v.description, v.secret);
    let mut body = format!(
        "{location}\n{} ({}, severity {})\nsecret: {}\nfingerprint: {}\n",
        v.description, v.rule_id, v.severity, v.secret, v.fingerprint
    );
    match v.validation {
        Some(check) if v.validation_failed => {
            body.push_str(&format!("offline check failed: {check}\n"));
        }
        Some(check) => body.push_str(&format!("validated offline: {check}\n")),
        None => {}
    }
    if let Some(g) = &v.git {
        body.push_str(&format!(
            "commit: {} by {} <{}> on {}: {}\n",
            g.commit, g.author, g.email, g.date, g.message
        ));
    }
    body.push_str(&format!("fix: {}\n{PURGE_ADVICE}", v.remediation));
    writeln!(
        out,
        r#"      <failure message="{}" type="{}">{}</failure>"#,
        xml(&message),
        v.severity,
        xml_text(&body)
    )?;
    writeln!(out, "    </testcase>")
}

/// `s` escaped for XML text and attribute values. Characters that XML 1.0 forbids outright
/// (most C0 controls, U+FFFE, U+FFFF) cannot be escaped, so they are written as visible `\xNN`
/// / `\u{…}` text; line breaks are kept as character references so attributes keep them.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02x}", c as u32)),
            '\u{fffe}' | '\u{ffff}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Like [`xml`] for element content, where line breaks and tabs can stay as they are.
fn xml_text(s: &str) -> String {
    xml(s)
        .replace("&#10;", "\n")
        .replace("&#9;", "\t")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
}

#[cfg(test)]
mod tests {
    use super::{xml, xml_text};

    #[test]
    fn escapes_markup_and_forbidden_characters() {
        assert_eq!(
            xml(r#"a<b>&"c"'d'"#),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;"
        );
        assert_eq!(xml("x\x1by\0z"), "x\\x1by\\x00z");
        assert_eq!(xml("l1\nl2"), "l1&#10;l2");
        assert_eq!(xml("ok ü \u{ffff}"), "ok ü \\u{ffff}");
        assert_eq!(xml_text("a\n'b'&"), "a\n'b'&amp;");
    }
}
