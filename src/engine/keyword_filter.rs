//! Finds every occurrence of a few thousand keywords in one pass: a bucketed shift-or filter
//! over triples of bytes (the scheme of Hyperscan's FDR matcher), then an exact comparison
//! where the filter says a keyword may end. Keywords of one or two bytes, which a filter over
//! triples cannot describe, are found with `memchr::memmem`, one pass each.
//!
//! Hand-written because no crate we can use does this for thousands of patterns:
//! aho-corasick's SIMD searcher (Teddy) takes a few dozen patterns, and its automata (like
//! regex-automata's DFA, which this replaced) are a transition table that, for the built-in
//! 2,400 keywords, is 7 MB: every byte of a scan is a dependent load from it, 4.7 ns a byte on
//! source code against about 1.5 ns for this filter, whose table (32 or 128 KiB) stays in L1
//! or L2 and whose loads depend on the text only. aho-corasick remains the reference in the tests.
//!
//! How it works. Each keyword goes to one of 8 buckets (by length, so that short keywords do
//! not blunt the filter for long ones). `m = min(len, 8)` of its bytes are its filter part: the
//! whole keyword, or of a longer one the 8 whose triples are rarest in code (see
//! `filter_part_start`); the hash of triples is chosen for the keyword set (see
//! `choose_multiplier`).
//! A 64-bit state holds 8 lanes of 8 bucket bits; at each text byte the state shifts by one lane
//! and ORs in `reach[key(two bytes before, byte before, byte)]`, where a 0 bit at lane `i`,
//! bucket `b` says "some keyword of bucket `b` ends these three bytes at position `i` of its
//! filter part (right-aligned to lane 7)". The lanes of a keyword's first two bytes, which
//! follow bytes the keyword does not say, accept anything. A 0 bit in lane 7 after a byte means
//! every lane agreed: a keyword of that bucket may end its filter part here, and the few
//! keywords of that bucket ending in these two bytes are compared with the text. Triples, not
//! pairs: code is made of the same letter pairs as keywords are, and pairs let five times as
//! many positions through to the comparison.

use std::borrow::Cow;

/// Entries of the reach table (8 bytes each) for a small keyword set: 32 KiB, an L1 cache.
const SMALL_REACH: usize = 1 << 12;
/// Entries of the reach table for a large set: 128 KiB, in L2. Each keyword clears its triples'
/// entries, and a text triple that hashes to a cleared entry passes the filter; with the 2,400
/// built-in keywords, a table four times larger let through far fewer text positions to the
/// comparison, which paid for its loads missing L1 (cargo tree, profiling builds: 145 -> 138 ms
/// of CPU, 77 -> 73 ms of wall time; 13 bits gained less, 15 lost). A small set keeps the
/// L1-sized table: it has few collisions to save.
const LARGE_REACH: usize = 1 << 14;
/// Patterns from which a set gets the large table.
const LARGE_SET: usize = 1024;
/// Bytes of a keyword the filter looks at (the lanes of the state).
const LANES: usize = 8;
/// Buckets (bits per lane).
const BUCKETS: usize = 8;
/// Bits of the verification table's index per bucket.
const VERIFY_BITS: u32 = 10;

/// Hash of two adjacent bytes into `bits` bits (multiplicative; the filter only needs keys that
/// spread the pairs of letters, digits and punctuation that code is made of).
#[inline(always)]
fn pair_key(previous: u8, byte: u8, bits: u32) -> usize {
    let pair = u32::from(previous) | (u32::from(byte) << 8);
    (pair.wrapping_mul(GOLDEN) >> (32 - bits)) as usize
}

/// Index into a reach table of `N` entries (a power of two) of the three bytes that end at a
/// text position, given the last four bytes read (`window`, newest in the low byte: one shift
/// and one OR a byte): the shift drops the oldest. `multiplier` is the filter's (see
/// [`choose_multiplier`]). Always below `N`.
#[inline(always)]
fn window_key<const N: usize>(window: u32, multiplier: u32) -> usize {
    ((window << 8).wrapping_mul(multiplier) >> (32 - N.trailing_zeros())) as usize
}

/// [`window_key`] of three bytes.
fn triple_key<const N: usize>(triple: [u8; 3], multiplier: u32) -> usize {
    let [first, second, byte] = triple;
    window_key::<N>(
        (u32::from(first) << 16) | (u32::from(second) << 8) | u32::from(byte),
        multiplier,
    )
}

/// Multipliers [`choose_multiplier`] tries (odd, from a fixed SplitMix64 sequence, so that a
/// keyword set always gets the same one). More candidates fit the frequency list better but
/// not the text a scan meets (256 did worse than 64 on trees the list was not made from), and
/// each costs a pass over the list while the filter is built.
const MULTIPLIER_CANDIDATES: usize = 64;

/// The triples most frequent in source code, with their counts (see
/// `scripts/common_triples.py`, which made the file from the sources of 200 crates).
pub(crate) const COMMON_TRIPLES: &str = include_str!("common_triples.txt");

/// The hash multiplier of a filter whose three-byte patterns are `short` and whose reach table
/// has `N` entries. A three-byte pattern has one lane: every text triple that hashes to its
/// entry passes the filter, and text is mostly a few very frequent triples. With the built-in
/// keywords and the multiplier this replaced, `ing` (35,000 times in the cargo tree) and `fea`
/// (14,000) hashed onto keywords' entries: 63,000 of the 104,000 positions that passed there
/// were such collisions, each a mispredicted branch and a look at the verification table.
/// Of [`MULTIPLIER_CANDIDATES`], the one whose entries for `short` collide with the least of
/// [`COMMON_TRIPLES`]' count (a pattern's own triple is no collision: it is a hit).
fn choose_multiplier<const N: usize>(short: &[[u8; 3]]) -> u32 {
    if short.is_empty() {
        return DEFAULT_MULTIPLIER;
    }
    let common = CommonTriples::get();
    let mut state = 0u64;
    let mut best = (u64::MAX, DEFAULT_MULTIPLIER);
    let mut taken = vec![0u64; N / 64];
    for _ in 0..MULTIPLIER_CANDIDATES {
        let multiplier = (splitmix64(&mut state) as u32) | 1;
        taken.iter_mut().for_each(|word| *word = 0);
        for &triple in short {
            let key = triple_key::<N>(triple, multiplier);
            taken[key / 64] |= 1 << (key % 64);
        }
        // A pattern's own triple collides whatever the multiplier: it adds the same to every
        // candidate's sum, so it need not be left out.
        let collisions: u64 = common
            .list
            .iter()
            .filter(|&&(packed, _)| {
                let key = window_key::<N>(packed, multiplier);
                taken[key / 64] & (1 << (key % 64)) != 0
            })
            .map(|&(_, count)| count)
            .sum();
        if collisions < best.0 {
            best = (collisions, multiplier);
        }
    }
    best.1
}

/// 2^32 divided by the golden ratio: the multiplier of the filter's pair keys, of the common
/// triples' index, and of a filter without three-byte patterns (as good as any there).
const GOLDEN: u32 = 0x9E37_79B1;

/// The multiplier of a filter without three-byte patterns.
const DEFAULT_MULTIPLIER: u32 = GOLDEN;

/// The triple of one `hex count` line of [`COMMON_TRIPLES`], its bytes packed highest first;
/// `None` for a comment or a malformed line. A `const fn`: `engine::code_words` reads the list
/// at compile time, [`CommonTriples`] at run time.
pub(crate) const fn line_triple(line: &[u8]) -> Option<u32> {
    if line.len() < 8 || line[0] == b'#' || line[6] != b' ' {
        return None;
    }
    let mut packed = 0u32;
    let mut i = 0;
    while i < 6 {
        let digit = match line[i] {
            b @ b'0'..=b'9' => b - b'0',
            b @ b'a'..=b'f' => b - b'a' + 10,
            _ => return None,
        };
        packed = packed << 4 | digit as u32;
        i += 1;
    }
    Some(packed)
}

/// [`COMMON_TRIPLES`] read once, and indexed: a filter built at run time (a config's rules
/// beside the built-in ones) reads it for its multiplier and for its long keywords' parts.
struct CommonTriples {
    /// Each triple (its bytes from the highest, as [`window_key`] takes them) and its count,
    /// most frequent first.
    list: Vec<(u32, u64)>,
    /// Open addressing by a multiplicative hash of the triple: `index + 1` into `list`, 0 for
    /// an empty slot.
    slots: Vec<u32>,
}

/// Bits of [`CommonTriples::slots`]' index: at least twice as many slots as triples.
const COMMON_SLOT_BITS: u32 = 13;

impl CommonTriples {
    fn get() -> &'static CommonTriples {
        static PARSED: std::sync::OnceLock<CommonTriples> = std::sync::OnceLock::new();
        PARSED.get_or_init(CommonTriples::parse)
    }

    /// Reads the `hex count` lines by hand: `str::split` and `from_str_radix` on each of the
    /// 4,000 lines, and a `HashMap` of them, took half a millisecond of a config's start-up.
    fn parse() -> CommonTriples {
        let mut list = Vec::with_capacity(1 << (COMMON_SLOT_BITS - 1));
        for line in COMMON_TRIPLES.as_bytes().split(|&b| b == b'\n') {
            let Some(hex) = line_triple(line) else {
                continue;
            };
            let count = line[7..].iter().try_fold(0u64, |acc, &b| {
                Some(acc * 10 + u64::from(char::from(b).to_digit(10)?))
            });
            if let Some(count) = count {
                list.push((hex, count));
            }
        }
        list.truncate(1 << (COMMON_SLOT_BITS - 1));
        let mut slots = vec![0u32; 1 << COMMON_SLOT_BITS];
        for (i, &(packed, _)) in list.iter().enumerate() {
            let mut slot = Self::slot(packed);
            while slots[slot] != 0 {
                slot = (slot + 1) % slots.len();
            }
            slots[slot] = i as u32 + 1;
        }
        CommonTriples { list, slots }
    }

    fn slot(packed: u32) -> usize {
        (packed.wrapping_mul(GOLDEN) >> (32 - COMMON_SLOT_BITS)) as usize
    }

    /// How often `triple` occurs in the list's code (0 when it is not among the most frequent).
    fn count(&self, triple: &[u8]) -> u64 {
        let packed = triple.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b));
        let mut slot = Self::slot(packed);
        loop {
            match self.slots[slot] {
                0 => return 0,
                i => {
                    let (p, count) = self.list[i as usize - 1];
                    if p == packed {
                        return count;
                    }
                }
            }
            slot = (slot + 1) % self.slots.len();
        }
    }
}

/// Where the filter part (the [`LANES`] bytes the filter looks at) of a pattern longer than
/// that starts: at the run of its bytes whose triples are least frequent in code (by
/// [`COMMON_TRIPLES`]' counts), the first such run on a tie. The filter lets through every text
/// that holds a pattern's filter part, and many keywords begin with a common word: with their
/// first bytes as filter part, `optimize`, `director`, `artifact`, `package_` and `credenti` let
/// 8,000 positions of the cargo tree through to a comparison that then failed
/// (`optimizely`, `artifactory`…).
fn filter_part_start(pattern: &[u8]) -> usize {
    if pattern.len() <= LANES {
        return 0;
    }
    let common = CommonTriples::get();
    let counts: Vec<u64> = pattern.windows(3).map(|t| common.count(t)).collect();
    // A part of `LANES` bytes holds `LANES - 2` triples. `Entry::skip` is a byte.
    let last = (pattern.len() - LANES).min(usize::from(u8::MAX));
    (0..=last)
        .min_by_key(|&start| (counts[start..start + LANES - 2].iter().sum::<u64>(), start))
        .unwrap_or(0)
}

/// SplitMix64's next output (Steele, Lea and Flood): a fixed, well-mixed sequence.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The searcher over a fixed set of byte strings (the caller lowercases both sides). Its tables
/// are either built at run time or, for the built-in rules' keywords, static data that build.rs
/// wrote with [`KeywordFilter::write_static`] (no work, and no page of it touched, at start-up).
#[derive(Debug, Clone)]
pub struct KeywordFilter {
    /// Every pattern's bytes, one after another: pattern `i` is
    /// `bytes[ends[i - 1]..ends[i]]` (one allocation, not one per pattern).
    bytes: Cow<'static, [u8]>,
    ends: Cow<'static, [u32]>,
    /// Shift-or masks, indexed by [`window_key`] of the last three bytes: [`SMALL_REACH`] or
    /// [`LARGE_REACH`] entries (the search is compiled for each size, so that the index, a
    /// shift result, needs no bounds check in the hot loop).
    reach: Cow<'static, [u64]>,
    /// For each (bucket, key of the last two bytes of the filter part): a range of `entries`.
    offsets: Cow<'static, [u32]>,
    /// For each key of two bytes: the buckets (bits) whose range of `entries` for it is not
    /// empty (see [`KeywordFilter::verify`]).
    pair_buckets: Cow<'static, [u8]>,
    entries: Cow<'static, [Entry]>,
    /// Keywords of one or two bytes, searched on their own: `(pattern, finder)`.
    short: Vec<(usize, memchr::memmem::Finder<'static>)>,
    /// The hash multiplier of the reach table's keys (see [`choose_multiplier`]).
    multiplier: u32,
}

/// The tables of a [`KeywordFilter`] as static data (see [`KeywordFilter::write_static`]).
pub struct StaticTables {
    pub bytes: &'static [u8],
    pub ends: &'static [u32],
    pub reach: &'static [u64],
    pub offsets: &'static [u32],
    pub pair_buckets: &'static [u8],
    pub entries: &'static [Entry],
    /// The patterns of one or two bytes.
    pub short: &'static [u32],
    /// The hash multiplier.
    pub multiplier: u32,
}

/// A pattern to compare where its filter part may end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pattern: u32,
    /// Length of the filter part.
    m: u8,
    /// Bytes of the pattern before its filter part (see [`filter_part_start`]).
    skip: u8,
    /// The pattern's first 8 bytes (little-endian, zero-padded) and the mask of those that
    /// exist: most comparisons are one load and one compare, not a `memcmp` call.
    head: u64,
    head_mask: u64,
}

impl Entry {
    /// For the static tables build.rs writes.
    pub const fn new(pattern: u32, m: u8, skip: u8, head: u64, head_mask: u64) -> Entry {
        Entry {
            pattern,
            m,
            skip,
            head,
            head_mask,
        }
    }
}

/// `static {name}: [{ty}; N] = [...];` with the `items` as written by `Display`: the form of
/// every table build.rs compiles in (the keyword filters' and the prefilters' rule lists).
#[allow(dead_code)] // build.rs writes with it; the engine only reads
pub fn static_array<T: std::fmt::Display>(
    name: &str,
    ty: &str,
    items: impl Iterator<Item = T>,
) -> String {
    let items: Vec<String> = items.map(|i| i.to_string()).collect();
    format!(
        "static {name}: [{ty}; {}] = [{}];\n",
        items.len(),
        items.join(",")
    )
}

/// Pattern `i` of the patterns `bytes` holds one after another, ending at `ends`.
fn pattern_in<'a>(bytes: &'a [u8], ends: &[u32], i: usize) -> &'a [u8] {
    let start = match i {
        0 => 0,
        _ => ends[i - 1] as usize,
    };
    &bytes[start..ends[i] as usize]
}

/// Up to the first 8 bytes of `bytes` as a little-endian word, and the mask of the bytes taken.
fn head_of(bytes: &[u8]) -> (u64, u64) {
    let mut word = [0u8; 8];
    let n = bytes.len().min(8);
    word[..n].copy_from_slice(&bytes[..n]);
    let mask = if n == 8 { !0 } else { (1u64 << (8 * n)) - 1 };
    (u64::from_le_bytes(word), mask)
}

impl KeywordFilter {
    /// A searcher for `patterns`. An empty pattern is never found (it would be everywhere).
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> KeywordFilter {
        let patterns: Vec<&[u8]> = patterns.iter().map(AsRef::as_ref).collect();
        let bucket = buckets(&patterns);
        let large = patterns.len() >= LARGE_SET;
        let three: Vec<[u8; 3]> = patterns
            .iter()
            .filter_map(|p| <[u8; 3]>::try_from(*p).ok())
            .collect();
        let key: fn([u8; 3], u32) -> usize = if large {
            triple_key::<LARGE_REACH>
        } else {
            triple_key::<SMALL_REACH>
        };
        let multiplier = if large {
            choose_multiplier::<LARGE_REACH>(&three)
        } else {
            choose_multiplier::<SMALL_REACH>(&three)
        };
        let mut reach = vec![!0u64; if large { LARGE_REACH } else { SMALL_REACH }];
        // Lanes left of a bucket's shortest filter part, and of the third byte of that part,
        // accept anything in that bucket.
        let mut shortest = [LANES; BUCKETS];
        // (slot, entry), in pattern order, placed by slot below into `offsets` and `entries`:
        // one allocation, not one per slot.
        let mut slotted: Vec<(usize, Entry)> = Vec::with_capacity(patterns.len());
        let mut short = Vec::new();
        for (id, p) in patterns.iter().enumerate() {
            if p.len() < 3 {
                if !p.is_empty() {
                    short.push((id, memchr::memmem::Finder::new(p).into_owned()));
                }
                continue;
            }
            let b = bucket[id];
            let m = p.len().min(LANES);
            shortest[b] = shortest[b].min(m);
            let offset = LANES - m;
            let skip = filter_part_start(p);
            let part = &p[skip..skip + m];
            for i in 2..m {
                let clear = !(1u64 << ((offset + i) * BUCKETS + b));
                reach[key([part[i - 2], part[i - 1], part[i]], multiplier)] &= clear;
            }
            let (head, head_mask) = head_of(p);
            let entry = Entry {
                pattern: id as u32,
                m: m as u8,
                skip: skip as u8,
                head,
                head_mask,
            };
            let slot = (b << VERIFY_BITS) | pair_key(part[m - 2], part[m - 1], VERIFY_BITS);
            slotted.push((slot, entry));
        }
        let mut dont_care = 0u64;
        for (b, &m) in shortest.iter().enumerate() {
            for lane in 0..(LANES - m + 2).min(LANES) {
                dont_care |= 1u64 << (lane * BUCKETS + b);
            }
        }
        for r in reach.iter_mut() {
            *r &= !dont_care;
        }
        // Slot `s` holds `entries[offsets[s]..offsets[s + 1]]`, in pattern order: a counting
        // sort by slot (a comparison sort of the entries was a sixth of the filter's build).
        let slots = BUCKETS << VERIFY_BITS;
        let mut offsets = vec![0u32; slots + 1];
        for &(slot, _) in &slotted {
            offsets[slot + 1] += 1;
        }
        for s in 0..slots {
            offsets[s + 1] += offsets[s];
        }
        let mut fill: Vec<u32> = offsets[..slots].to_vec();
        let mut entries = vec![
            Entry {
                pattern: 0,
                m: 0,
                skip: 0,
                head: 0,
                head_mask: 0,
            };
            slotted.len()
        ];
        for (slot, entry) in slotted {
            entries[fill[slot] as usize] = entry;
            fill[slot] += 1;
        }
        let mut bytes = Vec::with_capacity(patterns.iter().map(|p| p.len()).sum());
        let mut ends = Vec::with_capacity(patterns.len());
        for p in &patterns {
            bytes.extend_from_slice(p);
            ends.push(bytes.len() as u32);
        }
        let mut pair_buckets = vec![0u8; 1 << VERIFY_BITS];
        for (key, buckets) in pair_buckets.iter_mut().enumerate() {
            for b in 0..BUCKETS {
                let slot = (b << VERIFY_BITS) | key;
                if offsets[slot] != offsets[slot + 1] {
                    *buckets |= 1 << b;
                }
            }
        }
        KeywordFilter {
            bytes: Cow::Owned(bytes),
            ends: Cow::Owned(ends),
            reach: Cow::Owned(reach),
            offsets: Cow::Owned(offsets),
            pair_buckets: Cow::Owned(pair_buckets),
            entries: Cow::Owned(entries),
            short,
            multiplier,
        }
    }

    /// The filter whose tables build.rs wrote (see [`KeywordFilter::write_static`]).
    pub fn from_static(tables: StaticTables) -> KeywordFilter {
        let short = tables
            .short
            .iter()
            .map(|&id| {
                let pattern = pattern_in(tables.bytes, tables.ends, id as usize);
                (id as usize, memchr::memmem::Finder::new(pattern))
            })
            .collect();
        KeywordFilter {
            bytes: Cow::Borrowed(tables.bytes),
            ends: Cow::Borrowed(tables.ends),
            reach: Cow::Borrowed(tables.reach),
            offsets: Cow::Borrowed(tables.offsets),
            pair_buckets: Cow::Borrowed(tables.pair_buckets),
            entries: Cow::Borrowed(tables.entries),
            short,
            multiplier: tables.multiplier,
        }
    }

    /// The filter's tables as Rust statics named `{prefix}_BYTES` and so on, and a function
    /// `{prefix_lowercase}_tables()` that gives them as [`StaticTables`]: build.rs builds the
    /// built-in rules' filters with this code and compiles them in.
    #[allow(dead_code)] // build.rs writes with it; the engine only reads
    pub fn write_static(&self, prefix: &str) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let name = |table: &str| format!("{prefix}_{table}");
        out += &static_array(&name("BYTES"), "u8", self.bytes.iter());
        out += &static_array(&name("ENDS"), "u32", self.ends.iter());
        out += &static_array(&name("REACH"), "u64", self.reach.iter());
        out += &static_array(&name("OFFSETS"), "u32", self.offsets.iter());
        out += &static_array(&name("PAIR_BUCKETS"), "u8", self.pair_buckets.iter());
        let entries = self.entries.iter().map(|e| {
            format!(
                "Entry::new({}, {}, {}, {:#x}, {:#x})",
                e.pattern, e.m, e.skip, e.head, e.head_mask
            )
        });
        out += &static_array(&name("ENTRIES"), "Entry", entries);
        out += &static_array(&name("SHORT"), "u32", self.short.iter().map(|(id, _)| id));
        let _ = writeln!(
            out,
            "fn {}_tables() -> StaticTables {{ StaticTables {{ bytes: &{prefix}_BYTES, \
             ends: &{prefix}_ENDS, reach: &{prefix}_REACH, offsets: &{prefix}_OFFSETS, \
             pair_buckets: &{prefix}_PAIR_BUCKETS, \
             entries: &{prefix}_ENTRIES, short: &{prefix}_SHORT, multiplier: {:#x} }} }}",
            prefix.to_ascii_lowercase(),
            self.multiplier
        );
        out
    }

    /// Whether two filters have the same tables (the static built-in ones and those built at
    /// run time from the same keywords, in a test).
    #[cfg(test)]
    pub fn same_tables(&self, other: &KeywordFilter) -> bool {
        self.bytes == other.bytes
            && self.ends == other.ends
            && self.reach == other.reach
            && self.offsets == other.offsets
            && self.pair_buckets == other.pair_buckets
            && self.entries == other.entries
            && self.multiplier == other.multiplier
            && self
                .short
                .iter()
                .map(|s| s.0)
                .eq(other.short.iter().map(|s| s.0))
    }

    /// The bytes of pattern `i`.
    fn pattern(&self, i: usize) -> &[u8] {
        pattern_in(&self.bytes, &self.ends, i)
    }

    /// Calls `found(pattern, start, end)` for every occurrence of every pattern in `hay`,
    /// overlapping ones included: those of three bytes or more in order of the end of their
    /// first 8 bytes, then those of the shorter patterns, pattern by pattern.
    pub fn find(&self, hay: &[u8], mut found: impl FnMut(usize, usize, usize)) {
        match <&[u64; LARGE_REACH]>::try_from(&*self.reach) {
            Ok(reach) => self.find_long(reach, hay, &mut found),
            Err(_) => match <&[u64; SMALL_REACH]>::try_from(&*self.reach) {
                Ok(reach) => self.find_long(reach, hay, &mut found),
                Err(_) => unreachable!("the reach table has one of two sizes"),
            },
        }
        for (id, finder) in &self.short {
            let len = finder.needle().len();
            // Overlapping occurrences too (`aa` twice in `aaa`), as for the other patterns.
            let mut at = 0;
            while let Some(i) = finder.find(&hay[at..]) {
                found(*id, at + i, at + i + len);
                at += i + 1;
            }
        }
    }

    fn find_long<const N: usize>(
        &self,
        reach: &[u64; N],
        hay: &[u8],
        found: &mut impl FnMut(usize, usize, usize),
    ) {
        // 0, not all ones: lanes before the text then accept anything, which only lets a
        // keyword that would start before the text reach verification (and fail it there).
        let mut state = 0u64;
        let mut window = 0u32;
        let multiplier = self.multiplier;
        let mut states = [0u64; LANES];
        let mut blocks = hay.chunks_exact(LANES);
        let mut at = 0;
        for block in &mut blocks {
            // One test per 8 bytes: a 0 bit in lane 7 of any of them survives the AND.
            let mut all = !0u64;
            for (k, &byte) in block.iter().enumerate() {
                window = (window << 8) | u32::from(byte);
                state = (state << BUCKETS) | reach[window_key::<N>(window, multiplier)];
                states[k] = state;
                all &= state;
            }
            if all >> 56 != 0xff {
                for (k, s) in states.iter().enumerate() {
                    let candidates = !(s >> 56) as u8;
                    if candidates != 0 {
                        self.verify(hay, at + k, candidates, found);
                    }
                }
            }
            at += LANES;
        }
        for &byte in blocks.remainder() {
            window = (window << 8) | u32::from(byte);
            state = (state << BUCKETS) | reach[window_key::<N>(window, multiplier)];
            let candidates = !(state >> 56) as u8;
            if candidates != 0 {
                self.verify(hay, at, candidates, found);
            }
            at += 1;
        }
    }

    /// Compares the patterns of the `candidates` buckets whose filter part may end at `end`:
    /// first, in line, drops the buckets that have no pattern ending in the two bytes there.
    /// Most positions the filter lets through are such (with the built-in keywords, 62,000 of
    /// the cargo tree's 104,000, nearly all for the three-byte keywords), and a call each to
    /// find an empty slot was most of the comparison's time.
    #[inline(always)]
    fn verify(
        &self,
        hay: &[u8],
        end: usize,
        candidates: u8,
        found: &mut impl FnMut(usize, usize, usize),
    ) {
        let previous = if end > 0 { hay[end - 1] } else { 0 };
        let key = pair_key(previous, hay[end], VERIFY_BITS);
        let candidates = candidates & self.pair_buckets[key];
        if candidates != 0 {
            self.compare(hay, end, key, candidates, found);
        }
    }

    /// [`KeywordFilter::verify`] for the buckets that have patterns ending in the pair `key`.
    #[inline(never)]
    fn compare(
        &self,
        hay: &[u8],
        end: usize,
        key: usize,
        mut candidates: u8,
        found: &mut impl FnMut(usize, usize, usize),
    ) {
        while candidates != 0 {
            let b = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let slot = (b << VERIFY_BITS) | key;
            let range = self.offsets[slot] as usize..self.offsets[slot + 1] as usize;
            for entry in &self.entries[range] {
                let Some(start) =
                    (end + 1).checked_sub(usize::from(entry.m) + usize::from(entry.skip))
                else {
                    continue;
                };
                let head = match hay.get(start..start + 8) {
                    Some(bytes) => {
                        let mut word = [0u8; 8];
                        word.copy_from_slice(bytes);
                        u64::from_le_bytes(word)
                    }
                    None => head_of(&hay[start..]).0,
                };
                if head & entry.head_mask != entry.head {
                    continue;
                }
                let pattern = self.pattern(entry.pattern as usize);
                let Some(text) = hay.get(start..start + pattern.len()) else {
                    continue;
                };
                if pattern.len() <= 8 || text == pattern {
                    found(entry.pattern as usize, start, start + pattern.len());
                }
            }
        }
    }
}

/// The bucket of each pattern: one for each filter length from 3 to 7, and the rest (the long keywords, most of a rule set) split evenly over the others.
fn buckets(patterns: &[&[u8]]) -> Vec<usize> {
    let mut long: Vec<usize> = (0..patterns.len())
        .filter(|&i| patterns[i].len() >= LANES)
        .collect();
    // A stable sort finds the prefilter's keywords, which come sorted, in one pass.
    long.sort_by(|&a, &b| patterns[a].cmp(patterns[b]));
    let mut bucket: Vec<usize> = patterns
        .iter()
        .map(|p| match p.len() {
            0..=3 => 0, // only 3: shorter ones are searched apart
            4 => 1,
            5 => 2,
            6 => 3,
            7 => 4,
            _ => 5,
        })
        .collect();
    let long_buckets = BUCKETS - 5;
    for (rank, &i) in long.iter().enumerate() {
        bucket[i] = 5 + rank * long_buckets / long.len();
    }
    bucket
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    fn ours(patterns: &[String], hay: &[u8]) -> Vec<(usize, usize, usize)> {
        let filter = KeywordFilter::new(patterns);
        let mut out = Vec::new();
        filter.find(hay, |p, s, e| out.push((p, s, e)));
        out.sort_unstable();
        out
    }

    fn reference(patterns: &[String], hay: &[u8]) -> Vec<(usize, usize, usize)> {
        let nonempty: Vec<usize> = (0..patterns.len())
            .filter(|&i| !patterns[i].is_empty())
            .collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(nonempty.iter().map(|&i| &patterns[i]))
            .expect("builds");
        let mut out: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(hay)
            .map(|m| (nonempty[m.pattern().as_usize()], m.start(), m.end()))
            .collect();
        out.sort_unstable();
        out
    }

    fn xorshift(state: &mut u32) -> u32 {
        *state ^= *state << 13;
        *state ^= *state >> 17;
        *state ^= *state << 5;
        *state
    }

    /// The filter finds exactly what aho-corasick's overlapping search finds, on the built-in
    /// keywords and on text made of keyword pieces, overlaps, near-misses and random bytes.
    #[test]
    fn finds_what_aho_corasick_finds_with_the_builtin_keywords() {
        let mut keywords: Vec<String> = crate::rules::builtin_rules()
            .expect("built-in rules")
            .iter()
            .flat_map(|r| r.keywords.iter().map(|k| k.to_ascii_lowercase()))
            .collect();
        keywords.sort();
        keywords.dedup();
        let mut hay = Vec::new();
        let mut state = 0x9e37_79b9_u32;
        for _ in 0..40_000 {
            let r = xorshift(&mut state);
            let k = keywords[r as usize % keywords.len()].as_bytes();
            match r >> 29 {
                0 => hay.extend_from_slice(&k[..k.len() / 2]),
                1 => hay.extend_from_slice(&k[k.len() / 2..]),
                2 => hay.push(b' '),
                3 => hay.push((r >> 8) as u8),
                _ => hay.extend_from_slice(k),
            }
        }
        let found = ours(&keywords, &hay);
        assert!(found.len() > 20_000, "{}", found.len());
        assert_eq!(found, reference(&keywords, &hay));
    }

    /// A long keyword that starts with a common word is filtered by a rarer part of it, and
    /// found as the reference finds it wherever that part is (past the 255 bytes an entry can
    /// skip too).
    #[test]
    fn long_keywords_are_filtered_by_their_rarest_part() {
        assert_eq!(filter_part_start(b"short"), 0);
        assert_eq!(filter_part_start(b"exactly8"), 0);
        assert!(filter_part_start(b"the_string_xq7zvkj") > 0);
        let long = format!("{}zqxjkv", "the ".repeat(70));
        assert!(filter_part_start(long.as_bytes()) <= usize::from(u8::MAX));
        let set: Vec<String> = vec![long.clone(), "the_string_xq7zvkj".into(), "the".into()];
        let hay = format!("a {long} b the_string_xq7zvkj the_string_ {}", &long[..200]);
        assert_eq!(ours(&set, hay.as_bytes()), reference(&set, hay.as_bytes()));
    }

    /// Small and odd sets: one-byte keywords, keywords at the very start and end, nested and
    /// repeated keywords, an empty one, non-ASCII bytes.
    #[test]
    fn edge_cases_match_the_reference() {
        let sets: Vec<Vec<String>> = vec![
            vec!["a".into()],
            vec!["ab".into(), "b".into(), "abc".into(), "".into()],
            vec!["token".into(), "api_token".into(), "to".into(), "en".into()],
            vec!["exactly8".into(), "morethan8bytes".into(), "xactly8".into()],
            vec!["\u{e9}t\u{e9}".into(), "\u{ff}".into(), "\n\n".into()],
            (0..300).map(|i| format!("kw{i}_x")).collect(),
        ];
        let mut state = 7u32;
        for set in &sets {
            for len in [0usize, 1, 7, 8, 9, 64, 1000] {
                let mut hay = Vec::new();
                for _ in 0..len {
                    let r = xorshift(&mut state);
                    let nonempty: Vec<&String> = set.iter().filter(|p| !p.is_empty()).collect();
                    if r % 3 == 0 {
                        hay.extend_from_slice(nonempty[r as usize % nonempty.len()].as_bytes());
                    } else {
                        let bytes = b"abten_8xk\n\xc3\xa9\xff";
                        hay.push(bytes[(r >> 8) as usize % bytes.len()]);
                    }
                }
                assert_eq!(ours(set, &hay), reference(set, &hay), "{set:?} {hay:?}");
            }
            for p in set.iter().filter(|p| !p.is_empty()) {
                // Alone: the whole text is the keyword (starts at 0, ends at the end).
                let hay = p.as_bytes();
                assert_eq!(ours(set, hay), reference(set, hay), "{p:?}");
            }
        }
    }
}
