//! The regex of a rule whose matches start at a known place before a keyword hit (see
//! [`super::KeywordAnchor`]): only ever tried anchored, a few bytes at a time.
//!
//! Why not `meta::Regex`: it is built for searching, so it compiles a reverse NFA to find where
//! a match starts (a third of its compile time; an anchored search knows the start), and it
//! reads a match's groups with the PikeVM, which on the large NFAs of assignment rules
//! (`[\w.-]*?(?:api[_.-]?key|…)…{20,256}`) cost tens of microseconds a match — more than all
//! the anchored searches of a blob. Here: one forward NFA, a lazy DFA over it for where the
//! match ends, and the bounded backtracker over just the match for its groups (the PikeVM when
//! the match is too long for the backtracker's visited set, or when the lazy DFA gives up). The
//! engines are `regex-automata`'s; this only assembles them, as `meta` does for a search.

use std::fmt;

use regex_automata::nfa::thompson::backtrack;
use regex_automata::util::captures::Captures;
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Anchored, Input, PatternID};

use super::search_regex::{Forward, ForwardCaches};
use super::shared_cache::SharedCache;

/// Scratch space for the three engines (shared by the workers in turn, see [`SharedCache`]).
#[derive(Debug)]
pub struct Caches {
    /// The lazy DFA's, and the PikeVM's for a match too long for the backtracker.
    forward: ForwardCaches,
    backtrack: backtrack::Cache,
}

/// A compiled rule regex for anchored tries (see the module documentation).
pub struct AnchoredRegex {
    forward: Forward,
    backtrack: backtrack::BoundedBacktracker,
    caches: SharedCache<Caches>,
    /// The regex is its group 1 with only looks around it (`\b(ghp_…)\b`, a PEM block): the
    /// group is the match, which the lazy DFA finds alone. The backtracker over a 2 KB PEM
    /// block was a quarter of a millisecond a key.
    group_is_match: bool,
}

impl fmt::Debug for AnchoredRegex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnchoredRegex").finish_non_exhaustive()
    }
}

impl AnchoredRegex {
    /// Compiles a rule regex, parsed as the engine reads them (bytes, Unicode off); without its
    /// leading name run if `strip_name_run` (see [`super::KeywordAnchor::NameRun`]).
    pub fn new(
        mut hir: regex_syntax::hir::Hir,
        strip_name_run: bool,
    ) -> Result<AnchoredRegex, String> {
        if strip_name_run {
            hir = super::shape_summary::strip_name_run(&hir)
                .ok_or_else(|| "the regex does not start with a name run".to_string())?;
        }
        let group_is_match = group_is_match(&hir);
        let (forward, nfa) = Forward::new(&hir)?;
        let backtrack = backtrack::Builder::new()
            .build_from_nfa(nfa)
            .map_err(|e| e.to_string())?;
        let caches = {
            let (forward, backtrack) = (forward.clone(), backtrack.clone());
            SharedCache::new(move || Caches {
                forward: forward.create_caches(),
                backtrack: backtrack.create_cache(),
            })
        };
        Ok(AnchoredRegex {
            forward,
            backtrack,
            caches,
            group_is_match,
        })
    }

    /// Space for a match and its groups.
    pub fn create_captures(&self) -> Captures {
        self.forward.create_captures()
    }

    /// Capture groups, the whole match included.
    pub fn captures_len(&self) -> usize {
        self.forward.captures_len()
    }

    /// Runs `each` with caches (taken once for all of a blob's tries; see [`SharedCache`]).
    pub fn with_caches<R>(&self, each: impl FnOnce(&mut Caches) -> R) -> R {
        self.caches.with(each)
    }

    /// Tries the regex anchored at `start` of `hay` (the blob up to the end of the window,
    /// so that `\b` and `^` see the byte before `start`), leaving the match and its groups in
    /// `caps`, or no match.
    pub fn try_at(&self, caches: &mut Caches, hay: &[u8], start: usize, caps: &mut Captures) {
        caps.set_pattern(None);
        let input = Input::new(hay).range(start..).anchored(Anchored::Yes);
        let Some(end) = self.forward.end(&mut caches.forward, &input, caps) else {
            return;
        };
        // Group 0 and group 1 are both the match.
        if self.group_is_match {
            if let (Some(s), Some(e)) = (NonMaxUsize::new(start), NonMaxUsize::new(end)) {
                caps.set_pattern(Some(PatternID::ZERO));
                for (i, slot) in caps.slots_mut().iter_mut().enumerate() {
                    *slot = Some(if i % 2 == 0 { s } else { e });
                }
                return;
            }
        }
        // The groups of the match that ends there: the same leftmost-first match, read from
        // its own bytes only.
        let span = Input::new(hay).range(start..end).anchored(Anchored::Yes);
        if end - start <= self.backtrack.max_haystack_len()
            && self
                .backtrack
                .try_search(&mut caches.backtrack, &span, caps)
                .is_ok()
        {
            return;
        }
        self.forward.pikevm_search(&mut caches.forward, &span, caps);
    }
}

/// `hir` is one capture group (group 1, with no group inside it) with only looks around it.
fn group_is_match(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::HirKind;
    let is_group = |h: &regex_syntax::hir::Hir| match h.kind() {
        HirKind::Capture(c) => c.index == 1 && c.sub.properties().explicit_captures_len() == 0,
        _ => false,
    };
    match hir.kind() {
        HirKind::Concat(parts) => {
            parts.iter().filter(|p| is_group(p)).count() == 1
                && parts
                    .iter()
                    .all(|p| is_group(p) || matches!(p.kind(), HirKind::Look(_)))
        }
        _ => is_group(hir),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(pattern: &str) -> regex_syntax::hir::Hir {
        super::super::shape_summary::parse(pattern).expect("parses")
    }

    fn try_at(re: &AnchoredRegex, hay: &str, start: usize) -> Option<(usize, usize, usize, usize)> {
        let mut caps = re.create_captures();
        re.with_caches(|c| re.try_at(c, hay.as_bytes(), start, &mut caps));
        let m = caps.get_match()?;
        let g = caps.get_group(1)?;
        Some((m.start(), m.end(), g.start, g.end))
    }

    #[test]
    fn anchored_match_and_group() {
        let re = AnchoredRegex::new(parsed(r"(?i:token)\s*=\s*([a-z0-9]{8,})"), false)
            .expect("compiles");
        assert_eq!(re.captures_len(), 2);
        let hay = "x TOKEN = abcdef123456;";
        assert_eq!(try_at(&re, hay, 2), Some((2, 22, 10, 22)));
        // Anchored: no match starts at 0 or 1, and none is searched for further on.
        assert_eq!(try_at(&re, hay, 0), None);
        assert_eq!(try_at(&re, hay, 1), None);
    }

    #[test]
    fn look_behind_sees_the_byte_before_start() {
        let re = AnchoredRegex::new(parsed(r"\bkey=([0-9]+)"), false).expect("compiles");
        assert_eq!(try_at(&re, "akey=123", 1), None);
        assert_eq!(try_at(&re, " key=123", 1), Some((1, 8, 5, 8)));
    }

    #[test]
    fn long_match_falls_back_to_the_pikevm() {
        // A match longer than the backtracker's visited set takes: the PikeVM reads its groups.
        let re = AnchoredRegex::new(parsed(r"k:([a-z]+)"), false).expect("compiles");
        let long = format!("k:{}", "a".repeat(re.backtrack.max_haystack_len() + 10));
        assert_eq!(try_at(&re, &long, 0), Some((0, long.len(), 2, long.len())));
    }

    #[test]
    fn same_groups_as_the_meta_regex() {
        let generic = r#"(?i:[\w.-]*?(?:api[_.-]?key|secret|token))["']?\s*[:=]\s*["']?([0-9A-Za-z_+/=.~-]{20,256})(?:[^0-9A-Za-z_+/=.~-]|$)"#;
        let pem = r"(-----BEGIN KEY-----\s*[a-z\s]*?[a-z]{8}[a-z\s]*?-----END KEY-----)";
        let token = r"\b(tok_[a-z]{8})\b";
        for (pattern, group_is_match, hays) in [
            (
                generic,
                false,
                &[
                    "MY_API_KEY = 'abcdefghij0123456789xyz'",
                    "secret: abcdefghij0123456789xyzabcdefghij0123456789xyz\n",
                    "token=short",
                    "a.b-token_secret = \"zzzzzzzzzzzzzzzzzzzzzzzz\"",
                ][..],
            ),
            (
                pem,
                true,
                &[
                    "-----BEGIN KEY-----\nabcdefghijk\nlm\n-----END KEY----- tail",
                    "-----BEGIN KEY-----\nabc\n-----END KEY-----",
                ][..],
            ),
            (
                token,
                true,
                &["tok_abcdefgh x", "tok_abcdefghi", "tok_abc"][..],
            ),
        ] {
            let re = AnchoredRegex::new(parsed(pattern), false).expect("compiles");
            assert_eq!(re.group_is_match, group_is_match, "{pattern}");
            check_against_meta(&re, pattern, hays);
        }
    }

    fn check_against_meta(re: &AnchoredRegex, pattern: &str, hays: &[&str]) {
        let meta = super::super::compile_regex(pattern).expect("compiles");
        for &hay in hays {
            let mut caps = meta.create_captures();
            meta.search_captures(&Input::new(hay).anchored(Anchored::Yes), &mut caps);
            let want = caps
                .get_match()
                .zip(caps.get_group(1))
                .map(|(m, g)| (m.start(), m.end(), g.start, g.end));
            assert_eq!(try_at(re, hay, 0), want, "{hay}");
        }
    }
}
