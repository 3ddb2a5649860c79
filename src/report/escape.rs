//! Makes untrusted text safe for a terminal: file names and file contents can hold escape
//! sequences that rewrite the screen, and bidirectional overrides that hide text.

/// `s` with control characters (C0, DEL, C1) and Unicode bidi controls replaced by visible
/// escapes (`\x1b`, `\u{202e}`); tabs become a space.
pub fn escape_for_terminal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if ('\u{80}'..='\u{9f}').contains(&c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls() {
        assert_eq!(escape_for_terminal("a\x1b[2Jb"), "a\\x1b[2Jb");
        assert_eq!(escape_for_terminal("x\r\n"), "x\\x0d\\x0a");
        assert_eq!(escape_for_terminal("evil\u{202e}txt"), "evil\\u{202e}txt");
        assert_eq!(escape_for_terminal("plain ü"), "plain ü");
    }
}
