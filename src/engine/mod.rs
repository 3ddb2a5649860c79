//! The detection engine: a compiled rule set that turns a blob's bytes into raw matches.
//!
//! Cost model (see DESIGN.md, "Performance model"): one keyword pass over the whole blob (see
//! `keyword_filter`: a shift-or filter, where DESIGN.md says aho-corasick, whose automaton for
//! the full rule pack's keywords no longer fits in the cache) finds keyword hits; everything
//! else (regex, entropy, validators) runs only in small windows around those hits, and only for
//! the rules whose keywords were hit. Regexes are compiled the first time one of their keywords
//! hits, so a pre-commit run over a few files pays for a few regexes, not for the whole rule
//! pack.

mod code_words;
pub mod decode;
mod file_names;
mod keyword_filter;
mod keyword_groups;
mod pairing;
mod placeholder;
mod prefilter;
mod required_words;
mod shape;
mod shape_summary;
mod shared_cache;

#[cfg(test)]
pub(crate) use required_words::required_words_hir;
#[cfg(test)]
pub(crate) use shape_summary::rule_anchor;
pub use shape_summary::KeywordAnchor;
pub(crate) use shape_summary::{decode_hir, parse as parse_regex, rule_hash, words_contain};
#[cfg(test)]
pub(crate) use shape_summary::{required_bytes_hir, summarize_hir};
mod anchored;
mod search_regex;
pub mod validators;
mod window;
mod word_run;
mod word_set;

use std::sync::OnceLock;

use crate::error::ConfigError;
use crate::rules::{Rule, WHOLE_FILE_LIMIT};
pub use prefilter::{keyword_list, main_keyword_list, KeywordList};
use prefilter::{Companions, PendingPrefilter, Prefilter};
use search_regex::SearchRegex;
use shape::SecretShape;

/// Regex size limit per rule. Generous, because rules are reviewed data; a regex that exceeds
/// it is reported when it is first compiled (`keysweep rules --check` compiles every rule).
const REGEX_SIZE_LIMIT: usize = 32 * 1024 * 1024;

/// One match that passed every engine check, in byte offsets of the blob. Plain data: the
/// caller turns it into a located, fingerprinted finding.
#[derive(Debug, Clone, PartialEq)]
pub struct RawMatch {
    /// Index of the rule in the scanner (see [`Scanner::rule`]).
    pub rule: usize,
    /// Start of the secret (the rule's secret group), inclusive.
    pub start: usize,
    /// End of the secret, exclusive.
    pub end: usize,
    /// Shannon entropy of the secret in bits per byte.
    pub entropy: f32,
    /// What the offline validator checked, when the rule has one (it passed, unless
    /// `validation_failed`).
    pub validation: Option<&'static str>,
    /// The validator failed and the scanner reports such matches anyway
    /// ([`ScannerBuilder::report_invalid`]): a token of the right shape whose checksum is
    /// wrong, shown at low severity.
    pub validation_failed: bool,
    /// Length of the whole regex match (the secret plus the context the rule required): when
    /// two rules find the same secret, the one that required more context is the more
    /// specific and the only one reported.
    pub context_len: usize,
    /// Matches of companion rules folded into this one (see [`Rule::pair_with`]), in blob order.
    pub companions: Vec<Companion>,
    /// For a secret found in encoded text (`start..end` is then the encoded text): the
    /// decoded secret and the encodings peeled, outermost first.
    pub decoded: Option<Box<DecodedSecret>>,
}

/// A secret that was found only after decoding: what it is and how it was hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedSecret {
    /// The secret itself (decoded bytes).
    pub secret: Vec<u8>,
    /// Encodings peeled to reach it, outermost first (`["base64"]`, `["base64", "hex"]`).
    pub encodings: Vec<&'static str>,
}

/// A companion rule's match folded into a primary match: an exchange API key beside its
/// secret, a passphrase, a keystore's password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Companion {
    /// Index of the companion rule in the scanner.
    pub rule: usize,
    /// Start of the companion secret, inclusive.
    pub start: usize,
    /// End of the companion secret, exclusive.
    pub end: usize,
}

/// Builds a [`Scanner`]. Explicit setters with documented defaults, so that callers (the CLI,
/// tests, a future library user) say what they change and nothing else.
#[derive(Debug, Default)]
pub struct ScannerBuilder {
    rules: Vec<Rule>,
    max_decode_depth: Option<usize>,
    report_invalid: bool,
}

/// How many layers of encoding are peeled by default (`--max-decode-depth`): base64 of a file
/// that holds hex or percent-encoded values is two.
pub const DEFAULT_DECODE_DEPTH: usize = 2;

impl ScannerBuilder {
    /// A builder with no rules.
    pub fn new() -> ScannerBuilder {
        ScannerBuilder::default()
    }

    /// Adds rules (default: none). Use [`crate::rules::builtin_rules`] for the built-in set.
    pub fn rules(&mut self, rules: Vec<Rule>) -> &mut ScannerBuilder {
        if self.rules.is_empty() {
            self.rules = rules;
        } else {
            self.rules.extend(rules);
        }
        self
    }

    /// Layers of base64/hex/percent encoding to peel and scan inside (default
    /// [`DEFAULT_DECODE_DEPTH`]; 0 turns decoding off).
    pub fn max_decode_depth(&mut self, depth: usize) -> &mut ScannerBuilder {
        self.max_decode_depth = Some(depth);
        self
    }

    /// Also report matches whose offline validator fails (default: they are dropped), marked
    /// `validation_failed`: for a user who wants to see checksum-failing look-alikes.
    pub fn report_invalid(&mut self, yes: bool) -> &mut ScannerBuilder {
        self.report_invalid = yes;
        self
    }

    /// Checks the rules and builds the keyword search. Regexes are only parsed here (to
    /// reject bad syntax before any file is read), not compiled. The rules move into the
    /// scanner (the builder is left without rules): copying a thousand rules cost a tenth of
    /// a scan's start-up.
    pub fn build(&mut self) -> Result<Scanner, ConfigError> {
        let all = std::mem::take(&mut self.rules);
        let by_id = crate::rules::check_unique_ids(&all)?;
        for rule in &all {
            rule.check_except_globs()
                .map_err(|message| ConfigError::Invalid {
                    location: rule.source_file.to_string(),
                    message: format!("rule '{}': {message}", rule.id),
                })?;
        }
        // Companion-only rules (passwords, passphrases) get their own small prefilter, run
        // only on blobs where a rule that pairs with them matched: their keywords ("password")
        // are common words that would otherwise sit on the hot path of every blob's scan.
        // The built-in rules' two are compiled in; another rule set's main one (thousands of
        // keywords, a millisecond to build) is built on a thread of its own while this one
        // makes the rest: start-up is on the path of every run.
        let builtin = crate::rules::has_builtin_keywords(&all);
        let building = (!builtin).then(|| {
            let (keywords, keywordless) = prefilter::main_keyword_list(&all);
            PendingPrefilter::start(keywords, keywordless)
        });
        let companion_prefilter = if !all.iter().any(|r| r.companion_only) {
            None
        } else if builtin {
            Some(Prefilter::builtin(Companions::Only))
        } else {
            let (keywords, keywordless) = prefilter::keyword_list(&all, |r| r.companion_only);
            Some(Prefilter::new(&keywords, keywordless))
        };
        let mut companions_of = Vec::with_capacity(all.len());
        for rule in &all {
            let mut companions = Vec::with_capacity(rule.pair_with.len());
            for id in &rule.pair_with {
                let Some(&i) = by_id.get(id.as_str()) else {
                    return Err(ConfigError::Invalid {
                        location: rule.source_file.to_string(),
                        message: format!("rule '{}': pair_with names unknown rule '{id}'", rule.id),
                    });
                };
                companions.push(i);
            }
            companions_of.push(companions);
        }
        drop(by_id);
        let file_names = file_names::FileNameRules::new(&all)?;
        let mut compiled = Vec::with_capacity(all.len());
        for (rule, companions) in all.iter().zip(companions_of) {
            let path = match &rule.path {
                None => None,
                Some(pattern) => Some(regex::bytes::Regex::new(pattern).map_err(|e| {
                    ConfigError::Invalid {
                        location: rule.source_file.to_string(),
                        // The syntax was checked above; what is left is a size limit.
                        message: format!(
                            "rule '{}': path: {}",
                            rule.id,
                            crate::filters::allowlist::one_line(&e.to_string())
                        ),
                    }
                })?),
            };
            compiled.push(CompiledRule {
                regex: OnceLock::new(),
                checks: OnceLock::new(),
                exclude_words: OnceLock::new(),
                word_run: OnceLock::new(),
                companions: companions.into_boxed_slice(),
                path: path.map(Box::new),
            });
        }
        let pairing = all
            .iter()
            .zip(&compiled)
            .any(|(r, c)| !c.companions.is_empty() || r.companion_only);
        let path_scoped = compiled.iter().any(|c| c.path.is_some());
        let prefilter = match building {
            Some(building) => building.finish(),
            None => Prefilter::builtin(Companions::Left),
        };
        Ok(Scanner {
            rules: all,
            compiled,
            file_names,
            prefilter,
            companion_prefilter,
            pairing,
            path_scoped,
            max_decode_depth: self.max_decode_depth.unwrap_or(DEFAULT_DECODE_DEPTH),
            report_invalid: self.report_invalid,
            blob_shapes: OnceLock::new(),
        })
    }
}

/// What a window must hold for a rule's regex to match in it.
#[derive(Debug)]
struct WindowChecks {
    /// The secret's bytes and least length.
    shape: Option<SecretShape>,
    /// Punctuation that every match holds (see [`shape_summary::required_bytes_hir`]).
    required: Vec<u8>,
    /// Words one of which every match holds (see [`required_words`]), indexed; `None` when
    /// the regex gives none. Looked for only until the rule's regex is compiled, to spare the
    /// compile where none is found (see [`CompiledRule::word_search`]).
    words: Option<word_set::WordSet>,
    /// How far into a match one of `words` ends at most (see [`required_words`]).
    word_reach: Option<usize>,
    /// The rule's regex parsed at build time and encoded (see
    /// [`shape_summary::encode_hir`]); empty for a rule that has none (its regex is parsed).
    hir: &'static [u8],
    /// Every match starts this many bytes (least, most) before a keyword hit (see
    /// [`shape_summary::keyword_anchor`]): the regex is tried there, anchored, instead of
    /// searched through the hit's line.
    anchor: Option<KeywordAnchor>,
}

/// What the scanner keeps for a rule beside the rule itself: its lazily compiled regex and
/// checks. A list parallel to the rules, not a wrapper around each: the thousand rules (a few
/// hundred bytes each) were moved into new wrappers at every start.
#[derive(Debug)]
struct CompiledRule {
    regex: OnceLock<Result<RuleRegex, Box<str>>>,
    /// What a window must hold for the regex to match in it, read from the regex on the rule's
    /// first hit: windows without it are skipped before the regex is compiled or run.
    checks: OnceLock<Box<WindowChecks>>,
    /// `rule.exclude_words` indexed, on the rule's first match. Boxed, as `word_run`: few
    /// rules have excluded words.
    exclude_words: OnceLock<Box<word_set::WordSet>>,
    /// For a rule without keywords whose secret is a word sequence: its structure, read from
    /// the regex on the rule's first run (see [`word_run`]). Boxed: a word run is a 256-byte
    /// table that one or two rules have, and the list of a thousand rules' states is made
    /// (its fresh pages faulted in) at every start.
    word_run: OnceLock<Option<Box<word_run::WordRun>>>,
    /// `rule.pair_with` resolved to rule indices.
    companions: Box<[usize]>,
    /// `rule.path` compiled: the files the rule runs on. Boxed, as the other rare parts: this
    /// list of a thousand states is made, its fresh pages faulted in, at every start (a state
    /// was 160 bytes, now 104).
    path: Option<Box<regex::bytes::Regex>>,
}

/// A rule's regex, compiled for how the rule runs.
#[derive(Debug)]
enum RuleRegex {
    /// Searched through windows (or whole blobs). Boxed: its caches take a kilobyte and a
    /// half, and a rule's state holds this whether or not it ever compiles.
    Search(Box<SearchRegex>),
    /// Only tried anchored before keyword hits, where the anchor says. Boxed: it holds three
    /// engines (and the anchor with them: beside the box it made every rule's state larger).
    Anchored(Box<(anchored::AnchoredRegex, KeywordAnchor)>),
}

impl CompiledRule {
    fn regex(&self, rule: &Rule) -> Result<&RuleRegex, &str> {
        // The error is a `Box<str>`, not a `String`: 8 bytes less in each rule's state.
        self.regex
            .get_or_init(|| {
                let checks = self.checks(rule);
                // A built-in rule's regex was parsed at build time.
                let hir = match decode_hir(checks.hir) {
                    Some(hir) => hir,
                    None => shape_summary::parse(&rule.regex)
                        .map_err(|e| e.to_string().into_boxed_str())?,
                };
                match checks.anchor {
                    Some(anchor) => anchored::AnchoredRegex::new(
                        hir,
                        matches!(anchor, KeywordAnchor::NameRun { .. }),
                    )
                    .map(|regex| RuleRegex::Anchored(Box::new((regex, anchor)))),
                    None => SearchRegex::new(hir).map(|r| RuleRegex::Search(Box::new(r))),
                }
                .map_err(String::into_boxed_str)
            })
            .as_ref()
            .map_err(|e| &**e)
    }

    /// The regex for a search through windows or a whole blob. A rule with a keyword anchor
    /// has keywords and no file names (see [`shape_summary::rule_anchor`]), so it only ever
    /// runs anchored, never here.
    fn search_regex(&self, rule: &Rule) -> Option<&SearchRegex> {
        match self.regex(rule) {
            Ok(RuleRegex::Search(regex)) => Some(regex),
            Ok(RuleRegex::Anchored(..)) => {
                debug_assert!(false, "rule '{}' is anchored", rule.id);
                None
            }
            Err(_) => None,
        }
    }

    fn checks(&self, rule: &Rule) -> &WindowChecks {
        // Boxed: a shape is 300 bytes, and most of a thousand rules never need theirs; the
        // scanner's rule list is built (and moved) at every start.
        self.checks.get_or_init(|| {
            // The built-in rules' checks were read from their regexes at build time.
            Box::new(match crate::rules::builtin_shape(rule) {
                Some(built) => WindowChecks {
                    shape: built
                        .shape
                        .map(|(allowed, min_len)| SecretShape::from_parts(allowed, min_len)),
                    required: built.required.to_vec(),
                    words: index_words(&built.words),
                    word_reach: built.word_reach,
                    anchor: built.anchor,
                    hir: built.hir,
                },
                // A custom rule: one parse for both.
                None => match shape_summary::parse(&rule.regex) {
                    Ok(hir) => {
                        let words = required_words::required_words_hir(&hir, &rule.keywords);
                        WindowChecks {
                            shape: shape_summary::summarize_hir(&hir, rule.secret_group).map(
                                |(allowed, min_len)| SecretShape::from_parts(allowed, min_len),
                            ),
                            required: shape_summary::required_bytes_hir(&hir, &rule.keywords),
                            words: index_words(&words.words),
                            word_reach: words.reach,
                            anchor: shape_summary::rule_anchor(
                                &hir,
                                &rule.keywords,
                                &rule.file_names,
                            ),
                            hir: &[],
                        }
                    }
                    Err(_) => WindowChecks {
                        shape: None,
                        required: Vec::new(),
                        words: None,
                        word_reach: None,
                        anchor: None,
                        hir: &[],
                    },
                },
            })
        })
    }

    fn shape(&self, rule: &Rule) -> Option<&SecretShape> {
        self.checks(rule).shape.as_ref()
    }

    fn word_run(&self, rule: &Rule) -> Option<&word_run::WordRun> {
        self.word_run
            .get_or_init(|| {
                let hir = match decode_hir(self.checks(rule).hir) {
                    Some(hir) => hir,
                    None => shape_summary::parse(&rule.regex).ok()?,
                };
                word_run::WordRun::of(shape_summary::secret_hir(&hir, rule.secret_group)?)
                    .map(Box::new)
            })
            .as_deref()
    }

    /// Where an uncompiled rule's words are looked for: after each hit, within their reach,
    /// for a rule whose matches start at its hits (the GitHub token rules, woken by every
    /// `github.com` of a changelog, need only look at the thirty bytes after it, not its line);
    /// else in its windows. `None` when the rule has no words.
    fn word_search(&self, rule: &Rule) -> Option<WordSearch<'_>> {
        let checks = self.checks(rule);
        let words = checks.words.as_ref()?;
        Some(match (checks.anchor, checks.word_reach) {
            (Some(KeywordAnchor::Offsets { least, most }), Some(reach)) => WordSearch::Hits {
                words,
                least,
                most,
                reach,
            },
            _ => WordSearch::Windows(words),
        })
    }

    /// The windows that could hold a match: each holds every required byte and a run of the
    /// secret's bytes long enough and, with `words`, one of them.
    fn plausible(
        &self,
        rule: &Rule,
        data: &[u8],
        windows: &mut Vec<window::Window>,
        words: Option<&word_set::WordSet>,
    ) {
        let checks = self.checks(rule);
        windows.retain(|w| {
            let text = &data[w.start..w.end];
            checks
                .required
                .iter()
                .all(|&b| memchr::memchr(b, text).is_some())
                && checks.shape.as_ref().is_none_or(|s| s.may_match(text))
                && words.is_none_or(|set| set.found_in(text))
        });
    }
}

/// How an uncompiled rule's words are looked for (see [`CompiledRule::word_search`]).
enum WordSearch<'a> {
    /// In the `least..=most` bytes before each hit and the `reach` bytes after its earliest
    /// match start: the hits without one are dropped.
    Hits {
        words: &'a word_set::WordSet,
        least: usize,
        most: usize,
        reach: usize,
    },
    /// In each window.
    Windows(&'a word_set::WordSet),
}

impl WordSearch<'_> {
    /// The hits after which a match could start (see [`WordSearch::Hits`]); `None` when every
    /// hit could, or the words are looked for in windows. Nothing is allocated when no hit
    /// (most often) or every hit could.
    fn keep_hits(&self, data: &[u8], hits: &[(usize, usize)]) -> Option<Vec<(usize, usize)>> {
        let WordSearch::Hits {
            words,
            least,
            most,
            reach,
        } = *self
        else {
            return None;
        };
        let could_start = |&&(hit, _): &&(usize, usize)| {
            let Some(last_start) = hit.checked_sub(least) else {
                return false;
            };
            let span = hit.saturating_sub(most)..(last_start + reach).min(data.len());
            data.get(span).is_some_and(|text| words.found_in(text))
        };
        let first_not = hits.iter().position(|hit| !could_start(&hit))?;
        let mut kept = hits[..first_not].to_vec();
        kept.extend(hits[first_not + 1..].iter().filter(could_start));
        Some(kept)
    }

    /// The words to look for in windows, when that is where they are looked for.
    fn in_windows(&self) -> Option<&word_set::WordSet> {
        match self {
            WordSearch::Windows(words) => Some(words),
            WordSearch::Hits { .. } => None,
        }
    }
}

/// One finding for a secret that a rule found as encoded text and another found in what that
/// text decodes to, at the same place: a base64-wrapped PEM key is `private-key-pem-base64` on
/// the encoded text (or `kubeconfig-client-key-data`, which says where it sits) and
/// `private-key-rsa` inside. The encoded text's match stays, with its rule's context, and takes
/// the proof of the decoded twin's validator when it has none of its own; the twin goes.
fn merge_encoded_twins(out: &mut Vec<RawMatch>) {
    let proven = |m: &RawMatch| m.validation.is_some() && !m.validation_failed;
    // The decoded matches by start (a file may hold thousands of findings: no search per pair).
    let mut decoded: Vec<(usize, usize)> = (0..out.len())
        .filter(|&i| out[i].decoded.is_some() && !out[i].validation_failed)
        .map(|i| (out[i].start, i))
        .collect();
    if decoded.is_empty() {
        return;
    }
    decoded.sort_unstable();
    let mut gone = vec![false; out.len()];
    for i in 0..out.len() {
        if out[i].decoded.is_some() {
            continue;
        }
        let at = decoded.partition_point(|&(start, _)| start < out[i].start);
        let Some(&(start, twin)) = decoded.get(at) else {
            continue;
        };
        if start != out[i].start {
            continue;
        }
        if !proven(&out[i]) && proven(&out[twin]) {
            out[i].validation = out[twin].validation;
        }
        gone[twin] = true;
    }
    let mut index = 0;
    out.retain(|_| {
        index += 1;
        !gone[index - 1]
    });
}

/// A match (in `caps`) that ends at its window's end inside a line may be cut there: a one-line
/// secret longer than its window (a base64 key of 2 KB) would be reported as its first 1,024
/// bytes. `search_again` then searches the text up to the line's end (see
/// [`window::line_end`]) from the cut match's start, and a match found there from that start
/// replaces the cut one. Rare: most windows end at a line's end.
fn whole_past_window(
    data: &[u8],
    window_end: usize,
    caps: &mut regex_automata::util::captures::Captures,
    search_again: impl FnOnce(&[u8], usize, &mut regex_automata::util::captures::Captures),
) {
    let Some(cut) = caps.get_match() else {
        return;
    };
    if cut.end() != window_end || !window::cut_mid_line(data, window_end) {
        return;
    }
    let mut longer = caps.clone();
    search_again(
        &data[..window::line_end(data, window_end)],
        cut.start(),
        &mut longer,
    );
    if longer.get_match().is_some_and(|m| m.start() == cut.start()) {
        *caps = longer;
    }
}

/// A rule's words indexed; `None` for none.
fn index_words<S: AsRef<str>>(words: &[S]) -> Option<word_set::WordSet> {
    (!words.is_empty()).then(|| word_set::WordSet::new(words))
}

/// The capture group that is the secret: `secret_group`, else group 1 if the regex (with
/// `captures_len` groups, the whole match included) has one, else the whole match.
fn secret_group(rule: &Rule, captures_len: usize) -> usize {
    match rule.secret_group {
        Some(g) => g,
        None if captures_len > 1 => 1,
        None => 0,
    }
}

/// A rule regex compiled with `regex-automata`'s meta engine, configured as the engine's own
/// searches run (over bytes, Unicode off; no prefilters, full DFAs, backtracker or one-pass
/// DFA, see [`search_regex`]): the reference the engine's regexes are tested against.
#[cfg(test)]
pub(crate) fn compile_regex(pattern: &str) -> Result<regex_automata::meta::Regex, String> {
    use regex_automata::meta;
    let hir = shape_summary::parse(pattern).map_err(|e| e.to_string())?;
    let config = meta::Config::new()
        .utf8_empty(false)
        .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
        .hybrid_cache_capacity(REGEX_SIZE_LIMIT)
        .dfa(false)
        .auto_prefilter(false)
        .backtrack(false)
        .onepass(false);
    meta::Builder::new()
        .configure(config)
        .build_from_hir(&hir)
        .map_err(|e| e.to_string())
}

/// The shapes whose runs every blob is searched for (see [`Scanner::blob_runs`]).
#[derive(Debug)]
struct BlobShapes {
    /// Those of the rules without keywords that have a shape.
    plain: shape::ShapeSet,
    /// The encoded-text alphabet, then the same.
    with_encoded: shape::ShapeSet,
    /// For each rule without keywords, in the prefilter's order: whether it has a shape.
    has_shape: Vec<bool>,
}

/// A blob's runs, found in one pass (see [`Scanner::blob_runs`]).
struct BlobRuns {
    /// Of encoded text's alphabet (see [`decode`]); empty when the scan does not decode.
    encoded: Vec<(usize, usize)>,
    /// For each rule without keywords, in the prefilter's order: its secret's runs, or `None`
    /// when its secret has no shape (the rule runs over the whole blob).
    keywordless: Vec<Option<Vec<(usize, usize)>>>,
}

/// A compiled rule set. `Sync`: one scanner serves every worker thread.
#[derive(Debug)]
pub struct Scanner {
    rules: Vec<Rule>,
    /// Each rule's compiled state, by the same index.
    compiled: Vec<CompiledRule>,
    /// The rules that run over a whole file because of its name.
    file_names: file_names::FileNameRules,
    prefilter: Prefilter,
    /// The keywords of companion-only rules, searched only when a primary needs them.
    companion_prefilter: Option<Prefilter>,
    /// Some rule pairs or is a companion: the pairing pass has work to do.
    pairing: bool,
    /// Some rule has a `path`: matches of it in other files are dropped.
    path_scoped: bool,
    /// Layers of encoding peeled (see [`decode`]).
    max_decode_depth: usize,
    /// Matches whose validator fails are kept, marked (see [`ScannerBuilder::report_invalid`]).
    report_invalid: bool,
    /// Made on the first blob: the shapes of the rules without keywords are read then.
    blob_shapes: OnceLock<BlobShapes>,
}

impl Scanner {
    /// The rules, in the order that [`RawMatch::rule`] indexes.
    pub fn rule(&self, index: usize) -> &Rule {
        &self.rules[index]
    }

    /// How many rules the scanner holds.
    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    /// The rule at `index` has no keyword, no file name and no secret shape to narrow it: its
    /// regex runs over every byte of every blob (slow; `rules --check` warns about it).
    pub fn searches_every_byte(&self, index: usize) -> bool {
        let rule = &self.rules[index];
        rule.keywords.is_empty()
            && rule.file_names.is_empty()
            && self.compiled[index].shape(rule).is_none()
    }

    /// Compiles every rule's regex now, returning the first failure. For `rules --check` and
    /// tests; scanning compiles lazily.
    pub fn compile_all(&self) -> Result<(), ConfigError> {
        for (r, c) in self.rules.iter().zip(&self.compiled) {
            c.regex(r).map_err(|message| ConfigError::BadRegex {
                file: r.source_file.to_string(),
                rule_id: r.id.to_string(),
                message: message.to_string(),
            })?;
        }
        Ok(())
    }

    /// Finds every secret in `data`. Matches are sorted by (start, rule) and never panic on any
    /// input: the blob is untrusted bytes.
    pub fn scan(&self, data: &[u8]) -> Vec<RawMatch> {
        self.scan_file("", data)
    }

    /// [`Scanner::scan`] for a blob whose path is known: rules whose `file_names` match the
    /// path's last component also run over the whole blob (a bare `id.json`).
    pub fn scan_file(&self, path: &str, data: &[u8]) -> Vec<RawMatch> {
        let decode = self.max_decode_depth > 0;
        let runs = self.blob_runs(data, decode);
        let mut out = self.scan_plain(path, data, &runs.keywordless);
        if decode {
            let mut budget = decode::MAX_DECODED_PER_BLOB;
            let before = out.len();
            let encoded = &runs.encoded;
            self.scan_encoded(
                path,
                data,
                encoded,
                self.max_decode_depth,
                &mut budget,
                &mut out,
            );
            if out.len() > before {
                // A generic rule that matched the encoded text yields to what it decodes to.
                self.drop_generic_overlaps(&mut out);
                merge_encoded_twins(&mut out);
                out.sort_by_key(|m| (m.start, m.rule, m.end));
            }
        }
        if self.path_scoped && !path.is_empty() {
            out.retain(|m| {
                self.compiled[m.rule]
                    .path
                    .as_ref()
                    .is_none_or(|re| re.is_match(path.as_bytes()))
            });
        }
        out
    }

    /// The runs of `data` that the rules without keywords search and, when `encoded`, the runs
    /// of encoded text (see [`decode`]): one pass over the blob for all of them.
    fn blob_runs(&self, data: &[u8], encoded: bool) -> BlobRuns {
        let shapes = self.blob_shapes.get_or_init(|| {
            let keywordless: Vec<Option<SecretShape>> = self
                .prefilter
                .keywordless()
                .iter()
                .map(|&r| self.compiled[r].shape(&self.rules[r]).cloned())
                .collect();
            let of_rules = keywordless.iter().flatten().cloned();
            BlobShapes {
                plain: shape::ShapeSet::new(of_rules.clone().collect()),
                with_encoded: shape::ShapeSet::new(
                    std::iter::once(decode::alphabet_shape().clone())
                        .chain(of_rules)
                        .collect(),
                ),
                has_shape: keywordless.iter().map(Option::is_some).collect(),
            }
        });
        let set = if encoded {
            &shapes.with_encoded
        } else {
            &shapes.plain
        };
        let mut found = set.runs(data).into_iter();
        let encoded_runs = if encoded {
            found.next().unwrap_or_default()
        } else {
            Vec::new()
        };
        // A rule without a shape has no runs: it runs over the whole blob.
        let keywordless = shapes
            .has_shape
            .iter()
            .map(|&has| has.then(|| found.next().unwrap_or_default()))
            .collect();
        BlobRuns {
            encoded: encoded_runs,
            keywordless,
        }
    }

    /// Finds encoded text in `data` (see [`decode`]) among `encoded` (the runs of its alphabet),
    /// scans what it decodes to (and, with `depth` left, the encoded text inside that), and
    /// adds the matches located at the encoded text, with the decoded secret.
    fn scan_encoded(
        &self,
        path: &str,
        data: &[u8],
        encoded: &[(usize, usize)],
        depth: usize,
        budget: &mut usize,
        out: &mut Vec<RawMatch>,
    ) {
        for candidate in decode::candidates_in(data, encoded, budget) {
            // The encoded text inside it only when there is a layer and budget left to decode.
            let runs = self.blob_runs(&candidate.bytes, depth > 1 && *budget > 0);
            let mut inner = self.scan_plain(path, &candidate.bytes, &runs.keywordless);
            if depth > 1 {
                let bytes = &candidate.bytes;
                self.scan_encoded(path, bytes, &runs.encoded, depth - 1, budget, &mut inner);
            }
            for m in inner {
                let (secret, mut encodings) = match m.decoded {
                    Some(d) => (d.secret, d.encodings),
                    None => (candidate.bytes[m.start..m.end].to_vec(), Vec::new()),
                };
                encodings.insert(0, candidate.encoding.as_str());
                out.push(RawMatch {
                    start: candidate.start,
                    end: candidate.end,
                    companions: Vec::new(),
                    decoded: Some(Box::new(DecodedSecret { secret, encodings })),
                    ..m
                });
            }
        }
    }

    /// The scan of `data` as it is, without decoding; `keywordless` are the runs of the rules
    /// without keywords (see [`Scanner::blob_runs`]).
    fn scan_plain(
        &self,
        path: &str,
        data: &[u8],
        keywordless: &[Option<Vec<(usize, usize)>>],
    ) -> Vec<RawMatch> {
        let mut out = Vec::new();
        if !self.file_names.is_empty() && !path.is_empty() && data.len() <= WHOLE_FILE_LIMIT {
            let name = path.rsplit(['/', '!']).next().unwrap_or(path);
            for rule_index in self.file_names.matching(name) {
                self.scan_whole(rule_index, data, &mut out);
            }
        }
        self.scan_keywords(data, keywordless, out)
    }

    /// The keyword-driven part of a scan (every blob), added to `out`, then deduplicated and
    /// paired.
    fn scan_keywords(
        &self,
        data: &[u8],
        keywordless: &[Option<Vec<(usize, usize)>>],
        mut out: Vec<RawMatch>,
    ) -> Vec<RawMatch> {
        for (&rule_index, runs) in self.prefilter.keywordless().iter().zip(keywordless) {
            self.scan_keywordless(rule_index, data, runs.as_deref(), &mut out);
        }
        let mut windows = Vec::new();
        self.prefilter
            .hits(data)
            .for_each_rule(|rule_index, rule_hits| {
                self.scan_rule(rule_index, rule_hits, data, &mut windows, &mut out);
            });
        if let Some(companions) = &self.companion_prefilter {
            let wanted: Vec<usize> = out
                .iter()
                .flat_map(|m| self.companions_of(m.rule).iter().copied())
                .filter(|&r| self.rules[r].companion_only)
                .collect();
            if !wanted.is_empty() {
                companions
                    .hits(data)
                    .for_each_rule(|rule_index, rule_hits| {
                        if wanted.contains(&rule_index) {
                            self.scan_rule(rule_index, rule_hits, data, &mut windows, &mut out);
                        }
                    });
            }
        }
        // The same bytes found by two rules (a GCP service-account key is also a PKCS#8 key):
        // one finding, from the most specific rule. A companion-only rule never takes the
        // bytes from a rule that reports on its own (`"key": "xprv…"` is a wallet key, not
        // an exchange config's API key), and a rule without keywords yields to one that found
        // the secret by its context (a phrase named `mnemonic` says more than a phrase). A
        // generic rule yields to every other, companions included.
        out.sort_by_key(|m| {
            let rule = &self.rules[m.rule];
            (
                m.start,
                m.end,
                rule.generic,
                rule.companion_only,
                rule.keywords.is_empty() && rule.file_names.is_empty(),
                std::cmp::Reverse(m.context_len),
                m.rule,
            )
        });
        out.dedup_by_key(|m| (m.start, m.end));
        self.drop_generic_overlaps(&mut out);
        out.sort_by_key(|m| (m.start, m.rule, m.end));
        if self.pairing && !out.is_empty() {
            out = pairing::fold_companions(self, data, out);
        }
        out
    }

    /// Drops the matches of generic rules whose secret overlaps the secret of a specific rule's
    /// match.
    fn drop_generic_overlaps(&self, out: &mut Vec<RawMatch>) {
        let is_generic = |m: &RawMatch| self.rules[m.rule].generic;
        if !out.iter().any(is_generic) {
            return;
        }
        let specific: Vec<(usize, usize)> = out
            .iter()
            .filter(|m| !is_generic(m))
            .map(|m| (m.start, m.end))
            .collect();
        out.retain(|m| {
            !is_generic(m)
                || !specific
                    .iter()
                    .any(|&(start, end)| start < m.end && m.start < end)
        });
    }

    /// The resolved companion rule indices of rule `index`.
    fn companions_of(&self, index: usize) -> &[usize] {
        &self.compiled[index].companions
    }

    /// Runs a rule without keywords: in `runs`, those of the bytes its secret is made of, when
    /// its secret has a shape (a BIP39 phrase needs no context, but is 59+ bytes of letters and
    /// separators), else over the whole blob. A run starts the search, so such a rule cannot
    /// anchor to the start of the blob.
    fn scan_keywordless(
        &self,
        rule_index: usize,
        data: &[u8],
        runs: Option<&[(usize, usize)]>,
        out: &mut Vec<RawMatch>,
    ) {
        let (rule, compiled) = (&self.rules[rule_index], &self.compiled[rule_index]);
        let Some(runs) = runs else {
            self.scan_whole(rule_index, data, out);
            return;
        };
        let words = compiled.word_run(rule);
        let runs: Vec<window::Window> = runs
            .iter()
            .copied()
            .filter(|&(start, end)| words.is_none_or(|w| w.may_match(&data[start..end])))
            .map(|(start, end)| window::Window { start, end })
            .collect();
        if runs.is_empty() {
            return;
        }
        if let Some(regex) = compiled.search_regex(rule) {
            self.scan_windows(rule_index, regex, data, &runs, out);
        }
    }

    /// Runs one rule over the whole blob (rules selected by file name, keywordless rules
    /// whose secret has no shape).
    fn scan_whole(&self, rule_index: usize, data: &[u8], out: &mut Vec<RawMatch>) {
        let (rule, compiled) = (&self.rules[rule_index], &self.compiled[rule_index]);
        let mut whole = vec![window::Window {
            start: 0,
            end: data.len(),
        }];
        compiled.plausible(rule, data, &mut whole, None);
        if whole.is_empty() {
            return;
        }
        if let Some(regex) = compiled.search_regex(rule) {
            self.scan_windows(rule_index, regex, data, &whole, out);
        }
    }

    /// Runs one rule in the windows around its keyword hits (sorted). `windows` is scratch
    /// space, reused for every rule of a blob.
    fn scan_rule(
        &self,
        rule_index: usize,
        rule_hits: &[(usize, usize)],
        data: &[u8],
        windows: &mut Vec<window::Window>,
        out: &mut Vec<RawMatch>,
    ) {
        let (rule, compiled) = (&self.rules[rule_index], &self.compiled[rule_index]);
        // Until a hit or a window holds one of the words, the regex need not be compiled. Once
        // it is, trying it costs about what looking for the words would.
        let words = match compiled.regex.get() {
            None => compiled.word_search(rule),
            Some(_) => None,
        };
        let kept = words.as_ref().and_then(|w| w.keep_hits(data, rule_hits));
        let rule_hits = kept.as_deref().unwrap_or(rule_hits);
        if rule_hits.is_empty() {
            return;
        }
        window::windows(data, rule_hits, rule.window, windows);
        compiled.plausible(
            rule,
            data,
            windows,
            words.as_ref().and_then(WordSearch::in_windows),
        );
        if windows.is_empty() {
            return;
        }
        match compiled.regex(rule) {
            Ok(RuleRegex::Anchored(anchored)) => {
                let (regex, anchor) = &**anchored;
                self.scan_anchored(rule_index, regex, data, windows, rule_hits, *anchor, out)
            }
            Ok(RuleRegex::Search(regex)) => {
                self.scan_windows(rule_index, regex, data, windows, out)
            }
            Err(_) => {}
        }
    }

    /// Runs a rule whose matches start at a known place before a keyword hit (see
    /// [`KeywordAnchor`]): anchored there, for each hit in the windows, in order, instead of
    /// through the windows. It finds the same matches as [`Scanner::scan_windows`] would:
    /// every match starts at one of those places, inside its window; a match that starts
    /// inside a name run also starts at the run's start (the run absorbs what is before it),
    /// so the leftmost one is there or where the last match ended. A few bytes of search per
    /// hit, instead of its line.
    #[allow(clippy::too_many_arguments)]
    fn scan_anchored(
        &self,
        rule_index: usize,
        regex: &anchored::AnchoredRegex,
        data: &[u8],
        windows: &[window::Window],
        hits: &[(usize, usize)],
        anchor: KeywordAnchor,
        out: &mut Vec<RawMatch>,
    ) {
        let group = secret_group(&self.rules[rule_index], regex.captures_len());
        let mut caps = regex.create_captures();
        // Where a match may start, in order: for a name run, the hits.
        let mut starts: Vec<usize> = Vec::new();
        let mut next_hit = 0;
        regex.with_caches(|caches| {
            // Where the last match ended (see `scan_windows`).
            let mut matched_to = 0;
            for w in windows {
                while hits
                    .get(next_hit)
                    .is_some_and(|&(start, _)| start < w.start)
                {
                    next_hit += 1;
                }
                starts.clear();
                while let Some(&(hit, _)) = hits.get(next_hit).filter(|&&(start, _)| start < w.end)
                {
                    next_hit += 1;
                    match anchor {
                        KeywordAnchor::Offsets { least, most } => {
                            let Some(last) = hit.checked_sub(least).filter(|&l| l >= w.start)
                            else {
                                continue;
                            };
                            let first = hit.saturating_sub(most).max(w.start);
                            starts.extend(first..=last);
                        }
                        KeywordAnchor::NameRun { .. } => starts.push(hit),
                    }
                }
                starts.sort_unstable();
                starts.dedup();
                let hay = &data[..w.end];
                let mut pos = w.start.max(matched_to);
                for &start in &starts {
                    if start < pos {
                        continue;
                    }
                    regex.try_at(caches, hay, start, &mut caps);
                    whole_past_window(data, w.end, &mut caps, |line, from, longer| {
                        regex.try_at(caches, line, from, longer);
                    });
                    let Some(m) = caps.get_match() else {
                        continue;
                    };
                    // A name run's match starts where the name does (or where the last match
                    // ended, as a search from there would have started it).
                    let context_start = match anchor {
                        KeywordAnchor::Offsets { .. } => m.start(),
                        KeywordAnchor::NameRun { bytes } => {
                            let mut s = m.start();
                            while s > pos && words_contain(&bytes, data[s - 1]) {
                                s -= 1;
                            }
                            s
                        }
                    };
                    pos = if m.end() > context_start {
                        m.end()
                    } else {
                        m.end() + 1
                    };
                    matched_to = m.end();
                    self.take_match(rule_index, group, data, context_start, &caps, out);
                }
            }
        });
    }

    fn scan_windows(
        &self,
        rule_index: usize,
        search: &SearchRegex,
        data: &[u8],
        windows: &[window::Window],
        out: &mut Vec<RawMatch>,
    ) {
        let group = secret_group(&self.rules[rule_index], search.captures_len());
        let mut caps = search.create_captures();
        search.with_caches(|caches| {
            // Where the last match ended: a match searched again past its window's end (see
            // below) may cover the next windows, which then start after it.
            let mut matched_to = 0;
            for w in windows {
                // Searching `data[..end]` from `start` (not a sub-slice) lets `\b` and `^` see
                // the byte before the window.
                let hay = &data[..w.end];
                let mut pos = w.start.max(matched_to);
                while pos <= hay.len() {
                    search.search(caches, hay, pos, &mut caps);
                    whole_past_window(data, w.end, &mut caps, |line, from, longer| {
                        search.search(caches, line, from, longer);
                    });
                    let Some(m) = caps.get_match() else {
                        break;
                    };
                    pos = if m.end() > m.start() {
                        m.end()
                    } else {
                        m.end() + 1
                    };
                    matched_to = m.end();
                    self.take_match(rule_index, group, data, m.start(), &caps, out);
                }
            }
        });
    }

    /// The checks after a regex match: its secret group, the rule's excluded words (in the
    /// match, from `context_start`), then [`Scanner::check_secret`].
    fn take_match(
        &self,
        rule_index: usize,
        group: usize,
        data: &[u8],
        context_start: usize,
        caps: &regex_automata::util::captures::Captures,
        out: &mut Vec<RawMatch>,
    ) {
        let rule = &self.rules[rule_index];
        let (Some(m), Some(span)) = (caps.get_match(), caps.get_group(group)) else {
            return;
        };
        let (start, end) = (span.start, span.end);
        if end <= start {
            return;
        }
        if !rule.exclude_words.is_empty()
            && self.compiled[rule_index]
                .exclude_words
                .get_or_init(|| Box::new(word_set::WordSet::new(&rule.exclude_words)))
                .found_in(&data[context_start..m.end()])
        {
            return;
        }
        if rule.excluded_values.iter().any(|excluded| {
            caps.get_group(excluded.group)
                .is_some_and(|g| excluded.excludes(&data[g.start..g.end]))
        }) {
            return;
        }
        if let Some(mut found) = self.check_secret(rule_index, data, start, end) {
            found.context_len = m.end() - context_start;
            out.push(found);
        }
    }

    /// Entropy, placeholder and validator checks on one candidate secret.
    fn check_secret(
        &self,
        rule_index: usize,
        data: &[u8],
        start: usize,
        end: usize,
    ) -> Option<RawMatch> {
        let rule = &self.rules[rule_index];
        let secret = &data[start..end];
        let entropy = entropy::shannon_entropy(secret);
        if let Some(min) = rule.min_entropy {
            if entropy < min {
                return None;
            }
        }
        // A BIP39 phrase is proven by its checksum, and `example` is one of its 2048 words:
        // the placeholder markers would drop about 1 real 24-word phrase in 90.
        let checksummed_words = rule.validate.as_deref() == Some("bip39-checksum");
        if !checksummed_words && placeholder::looks_like_placeholder(secret) {
            return None;
        }
        // A random format's secret is not a name from code; a password may be words.
        if rule.min_entropy.is_some()
            && rule.validate.as_deref() != Some("typed-password")
            && placeholder::looks_like_identifier(secret)
        {
            return None;
        }
        let (validation, validation_failed) = match &rule.validate {
            Some(name) => match validators::validate(name, secret) {
                Some(v) if v.valid => (v.proof.then_some(v.checked), false),
                Some(v) if self.report_invalid => (Some(v.checked), true),
                _ => return None,
            },
            None => (None, false),
        };
        Some(RawMatch {
            context_len: end - start,
            rule: rule_index,
            start,
            end,
            entropy,
            validation,
            validation_failed,
            companions: Vec::new(),
            decoded: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_rule_file;

    fn scanner(toml: &str) -> Scanner {
        let rules = parse_rule_file("test.toml", toml).expect("rules parse");
        ScannerBuilder::new()
            .rules(rules)
            .build()
            .expect("scanner builds")
    }

    const RULE: &str = r#"
[[rule]]
id = "tok"
description = "test token"
severity = "high"
keywords = ["tok_"]
regex = '''\b(tok_[a-z0-9]{12})\b'''
min_entropy = 2.5
remediation = "revoke"
"#;

    #[test]
    fn finds_secret_group_offsets() {
        let s = scanner(RULE);
        let data = b"x = 1\ny = \"tok_a1b2c3d4e5f6\"\n";
        let m = s.scan(data);
        assert_eq!(m.len(), 1);
        assert_eq!(&data[m[0].start..m[0].end], b"tok_a1b2c3d4e5f6");
    }

    /// A rule without keywords is searched only in long runs of its secret's bytes; a secret
    /// at any offset, after text of any length, is still found, and the context rule wins a
    /// tie over the same bytes.
    #[test]
    fn keywordless_rule_finds_its_secret_at_any_offset() {
        let rules = r#"
[[rule]]
id = "hex40"
description = "test"
severity = "high"
keywords = []
regex = '''\b([0-9a-f]{40})\b'''
remediation = "revoke"

[[rule]]
id = "named-hex40"
description = "test"
severity = "high"
keywords = ["hexkey"]
regex = '''hexkey=([0-9a-f]{40})\b'''
remediation = "revoke"
"#;
        let s = scanner(rules);
        assert!(!s.searches_every_byte(0));
        let secret = "0123456789abcdef0123456789abcdef01234567";
        for pad in 0..90 {
            let data = format!(
                "{}: {secret}.\n",
                "Zy".repeat(pad / 2) + &"x".repeat(pad % 2)
            );
            let m = s.scan(data.as_bytes());
            assert_eq!(m.len(), 1, "pad {pad}");
            assert_eq!(&data[m[0].start..m[0].end], secret, "pad {pad}");
        }
        let m = s.scan(format!("hexkey={secret}").as_bytes());
        assert_eq!(m.len(), 1);
        assert_eq!(s.rule(m[0].rule).id, "named-hex40");
        assert!(s
            .scan(b"0123456789abcdef0123456789abcdef0123456")
            .is_empty());
    }

    /// A match whose group holds an excluded value is dropped, whichever group it is and in
    /// any case; a group that did not take part in the match excludes nothing.
    #[test]
    fn excluded_values_drop_matches_by_group() {
        let s = scanner(
            r#"
[[rule]]
id = "account"
description = "test"
severity = "high"
keywords = ["acct"]
regex = '''acct ([^\s]+) with ([a-z0-9]{10,}|(pw-[a-z0-9]{10,}))'''
secret_group = 2
excluded_values = [
  { group = 1, words = ["localhost"], prefixes = ["example."] },
  { group = 3, prefixes = ["pw-test"] },
  { group = 2, longer_than = 16 },
]
remediation = "revoke"
"#,
        );
        let found = |text: &str| s.scan(text.as_bytes()).len();
        assert_eq!(found("acct db.acme.lan with a8f3k2m9q1z7"), 1);
        assert_eq!(found("acct localhost with a8f3k2m9q1z7"), 0);
        assert_eq!(found("acct LOCALHOST with a8f3k2m9q1z7"), 0);
        // A word is excluded only whole; a prefix wherever it starts the group.
        assert_eq!(found("acct localhost2 with a8f3k2m9q1z7"), 1);
        assert_eq!(found("acct Example.ORG with a8f3k2m9q1z7"), 0);
        // Group 3 is only set by the `pw-` branch.
        assert_eq!(found("acct db.acme.lan with pw-testa8f3k2m9"), 0);
        assert_eq!(found("acct db.acme.lan with pw-a8f3k2m9q1z7"), 1);
        assert_eq!(found("acct db.acme.lan with a8f3k2m9q1z7a8f3k"), 0);
    }

    /// A one-line secret longer than the 1,024 bytes a window reaches past its keyword is
    /// found whole, once, with a keyword inside it or not, and the next one after it too.
    #[test]
    fn a_secret_longer_than_its_window_is_whole() {
        let s = scanner(
            r#"
[[rule]]
id = "blob"
description = "test"
severity = "high"
keywords = ["blob"]
regex = '''\b(blob[a-z0-9]{20,})'''
min_entropy = 2.5
remediation = "revoke"
"#,
        );
        let body: String = crate::engine::validators::test_bytes(7, 3000)
            .iter()
            .map(|b| char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[usize::from(*b) % 36]))
            .collect();
        let (a, b) = body.split_at(1500);
        // One secret of 1,504 bytes; one of 3,008 with its keyword inside it again; a short one.
        let line = format!("x = blob{a}\nx = blob{a}blob{b} y blob{}\n", &b[..40]);
        let found: Vec<(usize, usize)> = s
            .scan(line.as_bytes())
            .iter()
            .map(|m| (m.start, m.end))
            .collect();
        let first = (4, 4 + 4 + 1500);
        let second = (first.1 + 5, first.1 + 5 + 4 + 1500 + 4 + 1500);
        let third = (second.1 + 3, second.1 + 3 + 44);
        assert_eq!(found, [first, second, third]);
    }

    #[test]
    fn keyword_is_case_insensitive_but_regex_decides() {
        let s = scanner(RULE);
        assert!(s.scan(b"TOK_a1b2c3d4e5f6").is_empty());
        assert_eq!(s.scan(b"TOK_ tok_a1b2c3d4e5f6").len(), 1);
    }

    #[test]
    fn low_entropy_and_placeholders_are_dropped() {
        let s = scanner(RULE);
        assert!(s.scan(b"tok_aaaaaaaaaaaa").is_empty());
        assert!(s.scan(b"tok_xxxxx1234567").is_empty());
    }

    #[test]
    fn word_boundary_sees_byte_before_window() {
        let s = scanner(RULE);
        assert!(s.scan(b"abctok_a1b2c3d4e5f6").is_empty());
    }

    #[test]
    fn many_matches_on_one_long_line() {
        let s = scanner(RULE);
        let mut data = Vec::new();
        for i in 0..2000 {
            data.extend_from_slice(format!("tok_a1b2c3d4{i:04} ").as_bytes());
        }
        assert_eq!(s.scan(&data).len(), 2000);
    }

    #[test]
    fn the_same_secret_from_two_rules_is_reported_once_by_the_more_specific() {
        let two = format!(
            "{RULE}\n[[rule]]\nid = \"tok-in-config\"\ndescription = \"d\"\nseverity = \"high\"\n\
             keywords = [\"token=\"]\nregex = 'token=(tok_[a-z0-9]{{12}})'\nremediation = \"r\"\n"
        );
        let s = scanner(&two);
        let m = s.scan(b"token=tok_a1b2c3d4e5f6");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(s.rule(m[0].rule).id, "tok-in-config");
    }

    #[test]
    fn invalid_utf8_and_crlf_do_not_matter() {
        let s = scanner(RULE);
        let data = b"\xff\xfe\r\nkey=tok_a1b2c3d4e5f6\r\n\xc3";
        assert_eq!(s.scan(data).len(), 1);
    }

    /// Every match the anchored tries find is one a search through the same windows finds,
    /// and the other way round (start, end and context), for each kind of anchor: the claim
    /// [`Scanner::scan_anchored`] rests on.
    #[test]
    fn anchored_tries_find_what_a_window_search_finds() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};

        let rules = [
            // Offsets 0..=0.
            (
                "github",
                r#"keywords = ["github"]
regex = '''(?i:github)[\w.-]{0,8}?(?:token|secret)["']?\s*[:=]\s*["']?([0-9A-Za-z]{16,40})\b'''"#,
            ),
            // Offsets 3..=5, a group other than 1.
            (
                "url",
                r#"keywords = ["://"]
regex = '''\b(?i:https?|ftp)://([a-z0-9]{1,16}):([a-z0-9_]{8,40})@'''
secret_group = 2"#,
            ),
            // A name run.
            (
                "name",
                r#"keywords = ["api_key", "api-key", "api.key", "apikey", "token", "secret"]
regex = '''(?i:[\w.-]*?(?:api[_.-]?key|token|secret))\s*[:=]\s*["']?([0-9A-Za-z_.-]{16,60})(?:[^0-9A-Za-z_.-]|$)'''"#,
            ),
        ];
        let words = [
            "token",
            "TOKEN",
            "api_key",
            "apikey",
            "github",
            "GitHub_",
            "secret",
            "://",
            "http",
            "ftp",
            "user",
            ":",
            "@",
            "=",
            " ",
            "\n",
            "\"",
            "'",
            "_",
            ".",
            "-",
            "x",
            "abcdefghij0123456789",
            "Q7f3kLm9Zp2Xw8Rt",
            "zz9",
        ];
        for (name, body) in rules {
            let toml = format!(
                "[[rule]]\nid = \"{name}\"\ndescription = \"d\"\nseverity = \"high\"\n{body}\n\
                 remediation = \"r\"\n"
            );
            let s = scanner(&toml);
            let (rule, compiled) = (&s.rules[0], &s.compiled[0]);
            let anchor = compiled.checks(rule).anchor.expect("the rule is anchored");
            let Ok(RuleRegex::Anchored(anchored)) = compiled.regex(rule) else {
                panic!("compiled for anchored tries");
            };
            let search =
                SearchRegex::new(parse_regex(&rule.regex).expect("parses")).expect("compiles");
            let strategy =
                proptest::collection::vec(proptest::sample::select(words.to_vec()), 0..40)
                    .prop_map(|parts| parts.concat());
            let mut runner = TestRunner::new(Config {
                cases: 400,
                ..Config::default()
            });
            runner
                .run(&strategy, |text| {
                    let data = text.as_bytes();
                    let (mut by_search, mut by_tries) = (Vec::new(), Vec::new());
                    let mut windows = Vec::new();
                    s.prefilter.hits(data).for_each_rule(|index, hits| {
                        window::windows(data, hits, rule.window, &mut windows);
                        s.scan_windows(index, &search, data, &windows, &mut by_search);
                        s.scan_anchored(
                            index,
                            &anchored.0,
                            data,
                            &windows,
                            hits,
                            anchor,
                            &mut by_tries,
                        );
                    });
                    let key = |m: &RawMatch| (m.start, m.end, m.context_len);
                    let by_search: Vec<_> = by_search.iter().map(key).collect();
                    let by_tries: Vec<_> = by_tries.iter().map(key).collect();
                    prop_assert_eq!(by_search, by_tries, "rule {} on {:?}", name, text);
                    Ok(())
                })
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }

    /// The built-in rules without keywords whose secret is a word sequence (the BIP39 phrase)
    /// get the word test before their regex, and the others do not.
    #[test]
    fn keywordless_phrase_rules_read_as_word_runs() {
        let s = ScannerBuilder::new()
            .rules(crate::rules::builtin_rules().expect("built-in rules"))
            .build()
            .expect("builds");
        let with_words: Vec<&str> = s
            .rules
            .iter()
            .zip(&s.compiled)
            .filter(|(r, c)| {
                r.keywords.is_empty() && r.file_names.is_empty() && c.word_run(r).is_some()
            })
            .map(|(r, _)| &*r.id)
            .collect();
        assert_eq!(with_words, ["bip39-mnemonic-long"]);
    }
}
