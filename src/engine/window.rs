//! Turns keyword hits into the byte windows that a rule's regex searches. A window is the
//! hit's line, capped so that a 100 MB one-line file costs time linear in its size: overlapping
//! windows are merged, so every byte is searched at most once per rule.

use memchr::{memchr, memrchr};

/// How far a window reaches before and after a hit on a very long line.
const MAX_LINE_REACH: usize = 1024;

/// A half-open byte range `[start, end)` of the blob.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First byte searched.
    pub start: usize,
    /// One past the last byte searched.
    pub end: usize,
}

/// The merged windows for one rule's keyword hits (`(start, end)` byte ranges, sorted),
/// written into `out` (cleared first: callers reuse one list for every rule of a blob). `extra`
/// is the rule's `window`: how many bytes past the hit a multi-line match may reach.
pub fn windows(data: &[u8], hits: &[(usize, usize)], extra: Option<usize>, out: &mut Vec<Window>) {
    debug_assert!(hits.is_sorted());
    out.clear();
    for &(hit_start, hit_end) in hits {
        if let Some(last) = out.last() {
            // A hit inside the last window whose own window could not reach further adds
            // nothing; skip the line search.
            if hit_start >= last.start && hit_end + reach(extra) <= last.end {
                continue;
            }
        }
        let w = window_for(data, hit_start, hit_end, extra);
        match out.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => out.push(w),
        }
    }
}

/// How far past a window's end a match that the end cut may be searched again: a line of
/// megabytes (minified code) must not make each such match cost its whole length.
const MAX_EXTENSION: usize = 64 * 1024;

/// The window ends at `end` inside a line, not at its end or the blob's.
pub fn cut_mid_line(data: &[u8], end: usize) -> bool {
    data.get(end).is_some_and(|&b| b != b'\n')
}

/// The end of the line holding `at` (its `\n`, or the blob's end), at most
/// [`MAX_EXTENSION`] bytes further.
pub fn line_end(data: &[u8], at: usize) -> usize {
    let hi = at.saturating_add(MAX_EXTENSION).min(data.len());
    memchr(b'\n', &data[at.min(hi)..hi]).map_or(hi, |i| at + i)
}

fn reach(extra: Option<usize>) -> usize {
    extra.unwrap_or(0)
}

fn window_for(data: &[u8], hit_start: usize, hit_end: usize, extra: Option<usize>) -> Window {
    let lo = hit_start.saturating_sub(MAX_LINE_REACH);
    let start = match memrchr(b'\n', &data[lo..hit_start]) {
        Some(i) => lo + i + 1,
        None => lo,
    };
    let after = (hit_end + extra.unwrap_or(0)).min(data.len());
    let hi = (after + MAX_LINE_REACH).min(data.len());
    let end = match memchr(b'\n', &data[after..hi]) {
        Some(i) => after + i,
        None => hi,
    };
    Window { start, end }
}

#[cfg(test)]
mod tests {
    /// A window's end inside a line is a cut; the line's end (or the blob's) is none. The line
    /// a cut match is searched again to ends at its `\n`, at most 64 KiB on.
    #[test]
    fn cuts_and_line_ends() {
        let data = b"key=abcdef\nnext";
        assert!(cut_mid_line(data, 5));
        assert!(!cut_mid_line(data, 10));
        assert!(!cut_mid_line(data, data.len()));
        assert_eq!(line_end(data, 5), 10);
        assert_eq!(line_end(data, 12), data.len());
        let long = vec![b'a'; 3 * MAX_EXTENSION];
        assert_eq!(line_end(&long, 10), 10 + MAX_EXTENSION);
    }

    use super::*;

    fn all_windows(data: &[u8], hits: &mut [(usize, usize)], extra: Option<usize>) -> Vec<Window> {
        hits.sort_unstable();
        let mut out = vec![Window { start: 1, end: 2 }];
        windows(data, hits, extra, &mut out);
        out
    }

    #[test]
    fn window_is_the_line() {
        let data = b"aaa\nbb KEY cc\ndd";
        let mut hits = vec![(7, 10)];
        assert_eq!(
            all_windows(data, &mut hits, None),
            vec![Window { start: 4, end: 13 }]
        );
    }

    #[test]
    fn hits_on_one_line_merge() {
        let data = b"KEY KEY KEY\nx";
        let mut hits = vec![(8, 11), (0, 3), (4, 7)];
        assert_eq!(
            all_windows(data, &mut hits, None),
            vec![Window { start: 0, end: 11 }]
        );
    }

    #[test]
    fn long_lines_are_capped_and_linear() {
        let data = vec![b'a'; 10 * MAX_LINE_REACH];
        let mut hits = vec![(5000, 5003)];
        let w = all_windows(&data, &mut hits, None);
        assert_eq!(
            w,
            vec![Window {
                start: 5000 - MAX_LINE_REACH,
                end: 5003 + MAX_LINE_REACH
            }]
        );
    }

    #[test]
    fn extra_reaches_following_lines() {
        let data = b"BEGIN\nline\nline\nEND\n";
        let mut hits = vec![(0, 5)];
        let w = all_windows(data, &mut hits, Some(12));
        assert_eq!(w, vec![Window { start: 0, end: 19 }]);
    }
}
