//! The text report, for people at a terminal or reading CI logs: one block per finding (where,
//! what, the line with the secret masked, what to do) and a one-line summary. Everything taken
//! from the scanned files is escaped before it reaches the terminal.

use std::io::{self, Write};

use super::escape::escape_for_terminal;
use super::redact::shown;
use super::ReportOptions;
use crate::finding::Finding;
use crate::rules::Severity;
use crate::scan::ScanOutcome;

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

fn severity_code(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "1;31",
        Severity::High => "31",
        Severity::Medium => "33",
        Severity::Low => "36",
    }
}

/// Writes the findings, the skipped inputs and the summary.
pub fn write(outcome: &ScanOutcome, options: ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let style = Style { on: options.color };
    for f in &outcome.findings {
        write_finding(f, &style, options.show_secrets, out)?;
    }
    for s in &outcome.skipped {
        writeln!(
            out,
            "{} {}: {}",
            style.paint("33", "skipped"),
            escape_for_terminal(&s.path),
            escape_for_terminal(&s.reason.to_string())
        )?;
    }
    writeln!(out, "{}", summary(outcome))
}

fn write_finding(f: &Finding, style: &Style, show: bool, out: &mut dyn Write) -> io::Result<()> {
    let secret = shown(&f.secret, show);
    let location = format!(
        "{}:{}:{}",
        escape_for_terminal(&f.path),
        f.span.line,
        f.span.column
    );
    writeln!(
        out,
        "{}  {}  {}",
        style.paint("1", &location),
        f.rule_id,
        style.paint(
            severity_code(f.severity),
            &format!("[{}]", f.severity.as_str())
        )
    )?;
    writeln!(out, "  {}", f.description)?;
    let shown_secret = first_line(&secret);
    writeln!(
        out,
        "  | {}{}{}",
        escape_for_terminal(f.before.trim_start()),
        style.paint("7", &escape_for_terminal(shown_secret)),
        if f.span.end_line == f.span.line {
            escape_for_terminal(f.after.trim_end())
        } else {
            " …".to_string()
        }
    )?;
    for c in &f.companions {
        let value = shown(&c.secret, show);
        writeln!(
            out,
            "  with: {} at line {}:{}  {}",
            c.rule_id,
            c.span.line,
            c.span.column,
            escape_for_terminal(first_line(&value))
        )?;
    }
    if !f.decoded.is_empty() {
        writeln!(
            out,
            "  decoded: {} (the secret is inside the encoded text at this place)",
            f.decoded.join(" > ")
        )?;
    }
    match &f.validation {
        Some(v) if f.validation_failed => writeln!(
            out,
            "  validation failed: {v} (the shape matches but the structure does not: most likely not a key)"
        )?,
        Some(v) => writeln!(out, "  validated: {v}")?,
        None => {}
    }
    writeln!(out, "  fix: {}", f.remediation)?;
    writeln!(out)
}

fn first_line(s: &str) -> &str {
    s.split(['\n', '\r']).next().unwrap_or(s)
}

fn summary(o: &ScanOutcome) -> String {
    let s = &o.stats;
    let mut by_sev = Vec::new();
    for sev in [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ] {
        let n = o.findings.iter().filter(|f| f.severity == sev).count();
        if n > 0 {
            by_sev.push(format!("{n} {}", sev.as_str()));
        }
    }
    let mut line = format!(
        "{} finding{}{} in {} file{}, {}, {} ms",
        s.findings,
        if s.findings == 1 { "" } else { "s" },
        if by_sev.is_empty() {
            String::new()
        } else {
            format!(" ({})", by_sev.join(", "))
        },
        s.files_scanned,
        if s.files_scanned == 1 { "" } else { "s" },
        human_bytes(s.bytes_scanned),
        s.duration_ms
    );
    let skipped = s.skipped_binary + s.skipped_too_large + s.skipped_not_file;
    if skipped > 0 {
        line.push_str(&format!(
            "; skipped {} binary, {} too large, {} special",
            s.skipped_binary, s.skipped_too_large, s.skipped_not_file
        ));
    }
    if s.errors > 0 {
        line.push_str(&format!("; {} unreadable: SCAN INCOMPLETE", s.errors));
    }
    line
}

fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}
