//! The regex of a rule that searches its windows (a rule without a keyword anchor): a forward
//! lazy DFA finds where a match ends, a reverse one where it starts, the PikeVM its groups, as
//! `regex-automata`'s meta engine does, over bytes, Unicode off (secrets are ASCII; Unicode
//! classes make regexes larger and slower for no gain).
//!
//! What the meta engine would add is left out. Regexes run only in windows of a few KiB around
//! keyword hits, so literal prefilters and fully compiled DFAs, which cost more to build than
//! they ever save there, are out (a third less compile time per rule; a scan compiles every rule
//! whose keyword it meets); so is the bounded backtracker, whose per-thread visited set cost
//! more to allocate and clear than the PikeVM spends on a match, and the one-pass DFA: it only
//! speeds up reading the groups of a match, and matches are few, while building it was a tenth
//! of the compile time of the regexes real code wakes. And the reverse NFA is compiled on the
//! rule's first match, not with the rest: of the searching rules that scans of the `cargo` and
//! `requests` trees wake, 12 of 15 never match. Without the meta engine's set-up (its strategy
//! analysis, the reverse NFA) compiling such a rule takes a fraction of the time: the forward
//! NFA of `gcs-hmac-secret` 38 µs against 288 µs for the meta regex, of
//! `aws-secret-access-key` 23 against 259, of `curl-auth-header` 79 against 159.
//! The tests compare the matches with the meta engine's.

use std::sync::OnceLock;

use regex_automata::hybrid;
use regex_automata::nfa::thompson::{self, pikevm};
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, MatchKind};

use super::shared_cache::SharedCache;
use super::REGEX_SIZE_LIMIT;

/// Per-thread search state.
pub struct Caches {
    forward: ForwardCaches,
    /// Made with the reverse DFA, on the first match.
    reverse: Option<hybrid::dfa::Cache>,
}

/// A compiled searching regex (see the module documentation).
pub struct SearchRegex {
    forward: Forward,
    /// The parsed regex, for the reverse DFA.
    hir: regex_syntax::hir::Hir,
    reverse: OnceLock<Result<hybrid::dfa::DFA, String>>,
    caches: SharedCache<Caches>,
}

impl std::fmt::Debug for SearchRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchRegex").finish_non_exhaustive()
    }
}

fn nfa_config() -> thompson::Config {
    thompson::Config::new()
        .utf8(false)
        .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
}

fn dfa_config() -> hybrid::dfa::Config {
    hybrid::dfa::Config::new().cache_capacity(REGEX_SIZE_LIMIT)
}

/// The forward engines of a rule regex, as this module's and [`super::anchored`]'s regexes
/// both run it: a lazy DFA over its NFA (with groups) for where a match ends, and the PikeVM.
#[derive(Clone)]
pub(super) struct Forward {
    dfa: hybrid::dfa::DFA,
    pikevm: pikevm::PikeVM,
}

/// [`Forward`]'s scratch space.
#[derive(Debug)]
pub(super) struct ForwardCaches {
    dfa: hybrid::dfa::Cache,
    /// Made on first use: the PikeVM's tables are sized by the NFA (tens of KiB for the larger
    /// rules), and most regexes a scan wakes never need them.
    pikevm: Option<pikevm::Cache>,
}

impl Forward {
    /// Compiles `hir`; gives its NFA too, for the engines a regex adds.
    pub(super) fn new(hir: &regex_syntax::hir::Hir) -> Result<(Forward, thompson::NFA), String> {
        let nfa = thompson::Compiler::new()
            .configure(nfa_config())
            .build_from_hir(hir)
            .map_err(|e| e.to_string())?;
        let dfa = hybrid::dfa::Builder::new()
            .configure(dfa_config())
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let pikevm = pikevm::Builder::new()
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        Ok((Forward { dfa, pikevm }, nfa))
    }

    /// A cache for this thread's use (the PikeVM's is made when needed).
    pub(super) fn create_caches(&self) -> ForwardCaches {
        ForwardCaches {
            dfa: self.dfa.create_cache(),
            pikevm: None,
        }
    }

    /// Capture groups of the regex, the whole match included.
    pub(super) fn captures_len(&self) -> usize {
        self.pikevm
            .get_nfa()
            .group_info()
            .group_len(regex_automata::PatternID::ZERO)
    }

    /// Space for a match and its groups.
    pub(super) fn create_captures(&self) -> Captures {
        self.pikevm.create_captures()
    }

    /// Where the leftmost-first match in `input` ends, by the lazy DFA. `None` when there is
    /// none, or when the DFA gave up (it only does on pathological input) and the PikeVM
    /// searched instead: its match, if any, is then in `caps`.
    pub(super) fn end(
        &self,
        caches: &mut ForwardCaches,
        input: &Input<'_>,
        caps: &mut Captures,
    ) -> Option<usize> {
        match self.dfa.try_search_fwd(&mut caches.dfa, input) {
            Ok(found) => found.map(|half| half.offset()),
            Err(_) => {
                self.pikevm_search(caches, input, caps);
                None
            }
        }
    }

    /// The PikeVM's leftmost-first match in `input`, with its groups.
    pub(super) fn pikevm_search(
        &self,
        caches: &mut ForwardCaches,
        input: &Input<'_>,
        caps: &mut Captures,
    ) {
        let vm = &self.pikevm;
        vm.search(
            caches.pikevm.get_or_insert_with(|| vm.create_cache()),
            input,
            caps,
        );
    }
}

impl SearchRegex {
    /// Compiles a rule regex, parsed as the engine reads them (bytes, Unicode off).
    pub fn new(hir: regex_syntax::hir::Hir) -> Result<SearchRegex, String> {
        let (forward, _) = Forward::new(&hir)?;
        let caches = {
            let forward = forward.clone();
            SharedCache::new(move || Caches {
                forward: forward.create_caches(),
                reverse: None,
            })
        };
        Ok(SearchRegex {
            forward,
            hir,
            reverse: OnceLock::new(),
            caches,
        })
    }

    /// Capture groups, the whole match included.
    pub fn captures_len(&self) -> usize {
        self.forward.captures_len()
    }

    /// Space for a match and its groups.
    pub fn create_captures(&self) -> Captures {
        self.forward.create_captures()
    }

    /// Runs `each` with caches (taken once for all of a blob's searches; see [`SharedCache`]).
    pub fn with_caches<R>(&self, each: impl FnOnce(&mut Caches) -> R) -> R {
        self.caches.with(each)
    }

    /// The leftmost-first match in `hay[start..]` (`hay` is the blob up to the end of the
    /// window, so that `\b` and `^` see the byte before `start`), with its groups, in `caps`;
    /// or no match.
    pub fn search(&self, caches: &mut Caches, hay: &[u8], start: usize, caps: &mut Captures) {
        caps.set_pattern(None);
        let input = Input::new(hay).range(start..);
        let Some(end) = self.forward.end(&mut caches.forward, &input, caps) else {
            return;
        };
        let Some(begin) = self.match_start(caches, hay, start, end) else {
            self.forward
                .pikevm_search(&mut caches.forward, &input, caps);
            return;
        };
        // The groups of the match: the same leftmost-first match, read from its own bytes.
        let span = Input::new(hay).range(begin..end).anchored(Anchored::Yes);
        self.forward.pikevm_search(&mut caches.forward, &span, caps);
    }

    /// Where the match that ends at `end` starts: the leftmost start of a match that ends there,
    /// found by the reverse DFA from `end` back to `start`. `None` if the reverse DFA cannot be
    /// built or gives up (the caller then searches with the PikeVM).
    fn match_start(
        &self,
        caches: &mut Caches,
        hay: &[u8],
        start: usize,
        end: usize,
    ) -> Option<usize> {
        let reverse = self
            .reverse
            .get_or_init(|| {
                let nfa = thompson::Compiler::new()
                    .configure(
                        nfa_config()
                            .reverse(true)
                            .which_captures(thompson::WhichCaptures::None),
                    )
                    .build_from_hir(&self.hir)
                    .map_err(|e| e.to_string())?;
                hybrid::dfa::Builder::new()
                    .configure(dfa_config().match_kind(MatchKind::All))
                    .build_from_nfa(nfa)
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .ok()?;
        let cache = caches.reverse.get_or_insert_with(|| reverse.create_cache());
        let input = Input::new(hay).range(start..end).anchored(Anchored::Yes);
        match reverse.try_search_rev(cache, &input) {
            Ok(Some(half)) => Some(half.offset()),
            Ok(None) | Err(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each match's groups (the whole match first), in order.
    type Matches = Vec<Vec<Option<(usize, usize)>>>;

    /// The groups of every match `search(from)` finds, searching again from each match's end
    /// (one byte further after an empty match), as the engine does.
    fn every_match(
        hay: &[u8],
        mut search: impl FnMut(usize) -> Option<(std::ops::Range<usize>, Vec<Option<(usize, usize)>>)>,
    ) -> Matches {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos <= hay.len() {
            let Some((span, groups)) = search(pos) else {
                break;
            };
            out.push(groups);
            pos = if span.end > span.start {
                span.end
            } else {
                span.end + 1
            };
        }
        out
    }

    /// Every match (start, end, groups) of `pattern` in `hay`, searched from each match's end
    /// as the engine does, with this regex and with the meta engine.
    fn both(pattern: &str, hay: &str) -> (Matches, Matches) {
        let hir = super::super::shape_summary::parse(pattern).expect("parses");
        let ours = SearchRegex::new(hir).expect("compiles");
        let meta = super::super::compile_regex(pattern).expect("compiles");
        let hay = hay.as_bytes();
        let groups = |caps: &Captures| {
            (0..caps.group_len())
                .map(|g| caps.get_group(g).map(|s| (s.start, s.end)))
                .collect::<Vec<_>>()
        };
        let mut caps = ours.create_captures();
        let a = ours.with_caches(|c| {
            every_match(hay, |pos| {
                ours.search(c, hay, pos, &mut caps);
                caps.get_match().map(|m| (m.range(), groups(&caps)))
            })
        });
        let mut caps = meta.create_captures();
        let mut cache = meta.create_cache();
        let b = every_match(hay, |pos| {
            meta.search_captures_with(&mut cache, &Input::new(hay).range(pos..), &mut caps);
            caps.get_match().map(|m| (m.range(), groups(&caps)))
        });
        (a, b)
    }

    #[test]
    fn matches_and_groups_are_the_meta_engines() {
        let cases = [
            (
                r"\b(?i:token)\s*=\s*([a-z0-9]{8,})",
                "x TOKEN = abcdef123456; token=zz token =12345678",
            ),
            (r"(a+)(b*)", "aab ab b aaa"),
            (r"(?:x|xy)(z?)", "xyz xz x"),
            (
                r"https?://([^:@/\s]+):([^@/\s]{3,})@",
                "see https://u:pass@h and http://a:bcd@e",
            ),
            (
                r"\b(?:key|secret)[ =]+([A-Za-z0-9/+]{20})\b",
                "secret = abcdefghij0123456789 key=short",
            ),
            (r"(a*)", "baab"),
            (
                r"(?m)^pass(word)?:\s*(\S+)$",
                "user: x\npassword: hunter22\npass: y",
            ),
        ];
        for (pattern, hay) in cases {
            let (ours, meta) = both(pattern, hay);
            assert!(!meta.is_empty(), "{pattern}: no match in the test");
            assert_eq!(ours, meta, "{pattern} in {hay:?}");
        }
    }

    #[test]
    fn no_match_builds_no_reverse_dfa() {
        let hir = super::super::shape_summary::parse(r"secret=([a-z]{8})").expect("parses");
        let re = SearchRegex::new(hir).expect("compiles");
        let mut caps = re.create_captures();
        re.with_caches(|c| re.search(c, b"nothing here", 0, &mut caps));
        assert!(caps.get_match().is_none());
        assert!(re.reverse.get().is_none());
        re.with_caches(|c| re.search(c, b"a secret=abcdefgh", 0, &mut caps));
        assert_eq!(caps.get_group(1).map(|s| (s.start, s.end)), Some((9, 17)));
        assert!(re.reverse.get().is_some());
    }
}
