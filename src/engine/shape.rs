//! The shape of a rule's secret: which bytes it can contain and how short it can be, read from
//! the rule's regex. A window with no run of that many such bytes cannot hold the secret, so
//! the rule's regex is neither searched there nor, if no window has one, compiled at all.
//!
//! Why: a keyword such as `private_key`, `seed` or `okx` turns up in ordinary code far more
//! often than a key does. Compiling a rule's regex costs 0.1-0.5 ms, parsing it for its shape
//! a tenth of that, and the run test is a table lookup per byte of a window of a few KiB.
//! `regex-syntax` gives the parsed regex; no crate computes this summary of it, so it is
//! written here.

/// The bytes a secret is made of and its minimum length.
#[derive(Debug, Clone)]
pub struct SecretShape {
    allowed: [bool; 256],
    min_len: usize,
    /// `allowed` as at most [`MAX_RANGES`] inclusive ranges of ASCII bytes, when it is that
    /// simple (letters and a space, hex digits): the form the SIMD run search takes.
    ascii_ranges: Option<AsciiRanges>,
}

/// Ranges the SIMD run search tests per byte, at most.
const MAX_RANGES: usize = 4;

/// Inclusive ranges of ASCII bytes: the first `count` of `ranges`.
#[derive(Debug, Clone, Copy)]
struct AsciiRanges {
    ranges: [(u8, u8); MAX_RANGES],
    count: usize,
}

impl SecretShape {
    /// The shape of the secret of `pattern`: capture group `secret_group`, or when that is
    /// not set, group 1 if the pattern has one and else the whole match (as the engine picks
    /// it). Parsed the way the engine compiles it (bytes, Unicode off). `None` when the shape
    /// says nothing useful (the secret can be empty or short, or the group is not found): the
    /// rule then always runs.
    pub fn of(pattern: &str, secret_group: Option<usize>) -> Option<SecretShape> {
        let hir = super::shape_summary::parse(pattern).ok()?;
        let (allowed, min_len) = super::shape_summary::summarize_hir(&hir, secret_group)?;
        Some(SecretShape::from_parts(allowed, min_len))
    }

    /// The shape of a secret made of the `allowed` bytes, at least `min_len` of them (a summary
    /// made by [`super::shape_summary::summarize_hir`], at build time for the built-in rules).
    pub fn from_parts(allowed: [bool; 256], min_len: usize) -> SecretShape {
        SecretShape {
            allowed,
            min_len,
            ascii_ranges: ascii_ranges(&allowed),
        }
    }

    /// The maximal runs of allowed bytes in `data` that are at least `min_len` long, as
    /// `(start, end)`. For rules without keywords this pass touches every blob, so a long shape
    /// is searched a 16-byte block at a time (SSE2 on x86_64 when the allowed bytes are a few
    /// ASCII ranges): a byte-at-a-time loop cost 5 ms of CPU on the cargo tree, a twentieth of
    /// the whole scan. Short shapes (no built-in rule has one) use that byte loop.
    pub fn runs(&self, data: &[u8]) -> Vec<(usize, usize)> {
        if self.min_len < BLOCK_SKIP_MIN_LEN {
            return runs_by_byte(data, self.min_len, &self.allowed);
        }
        #[cfg(target_arch = "x86_64")]
        if let Some(ranges) = &self.ascii_ranges {
            // SAFETY: SSE2 is part of the x86_64 baseline; every x86_64 CPU has it.
            return unsafe { sse2::runs(data, self.min_len, ranges, &self.allowed) };
        }
        let full = |block: &[u8; 16]| block.iter().all(|&b| self.allowed[usize::from(b)]);
        let [bits] = even_block_bits(data, |block| [full(block)]);
        grow_runs(data, self.min_len, &self.allowed, &bits, full)
    }

    /// `window` holds at least `min_len` consecutive allowed bytes. Probes the last byte a run
    /// starting at the first possible start would need: when it is not allowed, no run can
    /// hold it and the next probe is `min_len` further, so a window without such a run (most
    /// windows) costs one test per `min_len` bytes, not one per byte (a fifth of the rule
    /// pack's cost over the engine's on the cargo tree was this loop).
    pub fn may_match(&self, window: &[u8]) -> bool {
        let len = self.min_len.max(1);
        let ok = |b: u8| self.allowed[usize::from(b)];
        // Invariant: no run of `len` starts before `start`; `probe` is its run's last byte.
        let mut start = 0;
        while let Some(&b) = window.get(start + len - 1) {
            let probe = start + len - 1;
            if !ok(b) {
                start = probe + 1;
                continue;
            }
            // Back from the probe while allowed: reaching `start` proves a run of `len`.
            let mut i = probe;
            while i > start && ok(window[i - 1]) {
                i -= 1;
            }
            if i == start {
                return true;
            }
            start = i;
        }
        false
    }
}

/// `allowed` as at most [`MAX_RANGES`] ranges of ASCII bytes, or `None`.
fn ascii_ranges(allowed: &[bool; 256]) -> Option<AsciiRanges> {
    if allowed[0x80..].iter().any(|&a| a) {
        return None;
    }
    let mut ranges: Vec<(u8, u8)> = Vec::new();
    for b in 0..0x80u8 {
        if !allowed[usize::from(b)] {
            continue;
        }
        match ranges.last_mut() {
            Some((_, hi)) if *hi + 1 == b => *hi = b,
            _ => ranges.push((b, b)),
        }
    }
    if ranges.is_empty() || ranges.len() > MAX_RANGES {
        return None;
    }
    let mut out = AsciiRanges {
        ranges: [(0, 0); MAX_RANGES],
        count: ranges.len(),
    };
    out.ranges[..ranges.len()].copy_from_slice(&ranges);
    Some(out)
}

/// The runs of [`SecretShape::runs`], one byte at a time.
fn runs_by_byte(data: &[u8], len: usize, allowed: &[bool; 256]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run_start = 0;
    for (i, &b) in data.iter().enumerate() {
        if !allowed[usize::from(b)] {
            if i - run_start >= len {
                out.push((run_start, i));
            }
            run_start = i + 1;
        }
    }
    if data.len() - run_start >= len {
        out.push((run_start, data.len()));
    }
    out
}

/// Runs at least this long always hold two whole aligned 16-byte blocks, one of them at an
/// even block index: only even blocks need testing ([`grow_runs`]).
const BLOCK_SKIP_MIN_LEN: usize = 3 * 16 - 1;

/// Several shapes whose runs are searched in one pass over each blob: the encoded-text
/// alphabet (see `decode`) and the shape of each rule without keywords (a BIP39 phrase's
/// letters and spaces). Each search was a pass of its own over every blob, and the second one
/// was a sixth of the full rule pack's extra time on the cargo tree; here each 16-byte block is
/// read and classified once for all of them. Made once per scanner: the classifier's tables
/// cost more to make than a small blob's search.
#[derive(Debug)]
pub struct ShapeSet {
    shapes: Vec<SecretShape>,
    /// The shapes searched by the SIMD block test, by index.
    simd: Vec<usize>,
    /// Their nibble classes, when they fit (see [`ssse3::Classes`]) and the CPU has SSSE3.
    #[cfg(target_arch = "x86_64")]
    classes: Option<ssse3::Classes>,
}

impl ShapeSet {
    /// The set of `shapes`, searched in this order.
    pub fn new(shapes: Vec<SecretShape>) -> ShapeSet {
        let simd: Vec<usize> = (0..shapes.len())
            .filter(|&i| {
                shapes[i].min_len >= BLOCK_SKIP_MIN_LEN && shapes[i].ascii_ranges.is_some()
            })
            .collect();
        #[cfg(target_arch = "x86_64")]
        let classes = {
            let allowed: Vec<&[bool; 256]> = simd.iter().map(|&i| &shapes[i].allowed).collect();
            ssse3::Classes::of(&allowed).filter(|_| is_x86_feature_detected!("ssse3"))
        };
        ShapeSet {
            shapes,
            simd,
            #[cfg(target_arch = "x86_64")]
            classes,
        }
    }

    /// The runs of each shape in `data`, one list per shape in the set's order, each as
    /// [`SecretShape::runs`] gives it.
    pub fn runs(&self, data: &[u8]) -> Vec<Vec<(usize, usize)>> {
        let shapes = &self.shapes;
        let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); shapes.len()];
        // The shapes classified together; each other one is searched alone.
        #[cfg_attr(not(target_arch = "x86_64"), allow(unused_mut))]
        let mut together: &[usize] = &[];
        #[cfg(target_arch = "x86_64")]
        if let Some(classes) = &self.classes {
            // SAFETY: the CPU has SSSE3 (`classes` is only made when it does).
            let tables = unsafe { ssse3::Tables::new(classes) };
            // SAFETY: as above.
            let bits = unsafe { ssse3::full_even_blocks(data, &tables) };
            for (k, (&i, bits)) in self.simd.iter().zip(bits).enumerate() {
                // SAFETY: as above.
                let full = |block: &[u8; 16]| unsafe { tables.full_block(block, k) };
                out[i] = grow_runs(data, shapes[i].min_len, &shapes[i].allowed, &bits, full);
            }
            together = &self.simd;
        }
        for (i, shape) in shapes.iter().enumerate() {
            if !together.contains(&i) {
                out[i] = shape.runs(data);
            }
        }
        out
    }
}

/// Bit `k % 64` of word `k / 64` of list `s` is set when `full` says that the 16 bytes at
/// `32 * k` (the even blocks) are all allowed by shape `s`: the blocks [`grow_runs`] starts
/// from. The one loop of the table, SSE2 and SSSE3 tests, inlined into each so that the test is
/// compiled with its CPU features.
#[inline(always)]
fn even_block_bits<const S: usize>(
    data: &[u8],
    full: impl Fn(&[u8; 16]) -> [bool; S],
) -> [Vec<u64>; S] {
    let words = even_blocks(data.len()).div_ceil(64);
    let mut bits: [Vec<u64>; S] = std::array::from_fn(|_| vec![0u64; words]);
    for (w, chunk) in data.chunks(32 * 64).enumerate() {
        let mut found = [0u64; S];
        for (k, pair) in chunk.chunks(32).enumerate() {
            // The last pair may be shorter than a block: no even block starts there.
            let Some(block) = pair.get(..16).and_then(|b| <&[u8; 16]>::try_from(b).ok()) else {
                break;
            };
            for (word, is_full) in found.iter_mut().zip(full(block)) {
                *word |= u64::from(is_full) << k;
            }
        }
        for (list, word) in bits.iter_mut().zip(found) {
            // A last chunk shorter than a block has no word.
            if let Some(slot) = list.get_mut(w) {
                *slot = word;
            }
        }
    }
    bits
}

/// Even blocks (16 bytes at `32 * k`) that fit in `len` bytes.
fn even_blocks(len: usize) -> usize {
    if len < 16 {
        0
    } else {
        (len - 16) / 32 + 1
    }
}

/// The runs of [`SecretShape::runs`] for `len >= BLOCK_SKIP_MIN_LEN`, from the full even
/// blocks (`bits`, see [`even_block_bits`]; `full` tests a block as they were
/// tested): a full block is grown into its run, byte by byte, only when a neighbouring block
/// is full too. Half the bytes are tested, and most blocks of code are not full.
#[inline(always)]
fn grow_runs(
    data: &[u8],
    len: usize,
    allowed: &[bool; 256],
    bits: &[u64],
    full: impl Fn(&[u8; 16]) -> bool,
) -> Vec<(usize, usize)> {
    let ok = |i: usize| allowed[usize::from(data[i])];
    let whole =
        |at: usize| <&[u8; 16]>::try_from(data.get(at..at + 16).unwrap_or(&[])).is_ok_and(&full);
    let mut out = Vec::new();
    // Bytes before `seen` belong to a run already grown (or to the byte that ended it).
    let mut seen = 0;
    for (w, &word) in bits.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            let start = 32 * (w * 64 + rest.trailing_zeros() as usize);
            rest &= rest - 1;
            if start < seen {
                continue;
            }
            // A long run holds two whole blocks in a row, so a full block alone (indentation
            // before a line of code) is no candidate: its neighbours are tested before any
            // byte by byte growing, which cost more than all the block tests.
            if !(whole(start + 16) || start >= 16 && whole(start - 16)) {
                continue;
            }
            // Grown a whole block at a time while blocks are full, then byte by byte.
            let mut run_start = start;
            while run_start >= seen + 16 && whole(run_start - 16) {
                run_start -= 16;
            }
            while run_start > seen && ok(run_start - 1) {
                run_start -= 1;
            }
            let mut end = start + 16;
            while whole(end) {
                end += 16;
            }
            while end < data.len() && ok(end) {
                end += 1;
            }
            if end - run_start >= len {
                out.push((run_start, end));
            }
            // `data[end]` is not allowed (or is past the end).
            seen = end + 1;
        }
    }
    out
}

#[cfg(target_arch = "x86_64")]
mod ssse3 {
    //! The full-block test for several shapes at once with SSSE3, by nibble tables (the
    //! "shufti" classifier of Hyperscan): two table lookups (`pshufb`) by the low and the high
    //! half of each byte, ANDed, give a byte of class bits; a shape is a set of classes. Six
    //! vector operations classify 16 bytes for every shape at once and three test each
    //! shape, where the range tests took four per range of each shape (six ranges for the
    //! encoded-text alphabet and a BIP39 phrase's letters and spaces). On the cargo tree the
    //! two searches took 1,100 profile samples as range tests and 390 so. Hand-written: no
    //! crate we can use offers a byte-set classifier.
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
        _mm_setzero_si128, _mm_shuffle_epi8, _mm_srli_epi16,
    };

    use super::even_block_bits;

    /// Shapes classified in one pass at most (the words of their bits kept at once).
    const MAX_SHAPES: usize = 2;

    /// Nibble tables for a few byte sets (see the module documentation).
    #[derive(Debug)]
    pub struct Classes {
        /// Class bits of each low nibble, and of each high nibble.
        low: [u8; 16],
        high: [u8; 16],
        /// Each shape's classes.
        masks: Vec<u8>,
    }

    impl Classes {
        /// The tables for the byte sets `allowed`, or `None` when they need more than 8 classes
        /// or more than [`MAX_SHAPES`] sets, or hold a non-ASCII byte. A class is a set of high
        /// nibbles times a set of low nibbles: each set of bytes takes one per distinct set of
        /// low nibbles among its high nibbles (`[a-z ]` takes three, the base64 alphabet five).
        pub fn of(allowed: &[&[bool; 256]]) -> Option<Classes> {
            if allowed.is_empty() || allowed.len() > MAX_SHAPES {
                return None;
            }
            let (mut low, mut high) = ([0u8; 16], [0u8; 16]);
            let mut masks = Vec::new();
            let mut next = 0u32;
            for set in allowed {
                if set[0x80..].iter().any(|&a| a) {
                    return None;
                }
                let mut mask = 0u8;
                let mut classes: Vec<(u16, u8)> = Vec::new();
                for h in 0..8 {
                    let lows = (0..16)
                        .filter(|&l| set[h * 16 + l])
                        .fold(0u16, |acc, l| acc | 1 << l);
                    if lows == 0 {
                        continue;
                    }
                    let bit = match classes.iter().find(|c| c.0 == lows) {
                        Some(&(_, bit)) => bit,
                        None => {
                            let bit = 1u8.checked_shl(next).filter(|_| next < 8)?;
                            next += 1;
                            classes.push((lows, bit));
                            (0..16)
                                .filter(|&l| lows & 1 << l != 0)
                                .for_each(|l| low[l] |= bit);
                            bit
                        }
                    };
                    high[h] |= bit;
                    mask |= bit;
                }
                masks.push(mask);
            }
            Some(Classes { low, high, masks })
        }
    }

    /// [`Classes`] as vectors, with each set's mask.
    pub struct Tables {
        low: __m128i,
        high: __m128i,
        nibble: __m128i,
        masks: [__m128i; MAX_SHAPES],
        /// How many of `masks` are sets'.
        shapes: usize,
    }

    impl Tables {
        /// # Safety
        /// The CPU must have SSSE3.
        #[target_feature(enable = "ssse3")]
        pub fn new(classes: &Classes) -> Tables {
            let mask = |i: usize| classes.masks.get(i).copied().unwrap_or(0);
            Tables {
                low: load(&classes.low),
                high: load(&classes.high),
                nibble: _mm_set1_epi8(0x0f),
                masks: std::array::from_fn(|i| _mm_set1_epi8(mask(i) as i8)),
                shapes: classes.masks.len(),
            }
        }

        /// Every byte of `block` is in set `shape`.
        ///
        /// # Safety
        /// The CPU must have SSSE3.
        #[target_feature(enable = "ssse3")]
        pub fn full_block(&self, block: &[u8; 16], shape: usize) -> bool {
            let mask = self
                .masks
                .get(shape)
                .copied()
                .unwrap_or(_mm_setzero_si128());
            all_in(classify(load(block), self), mask)
        }
    }

    #[target_feature(enable = "ssse3")]
    fn load(block: &[u8; 16]) -> __m128i {
        // SAFETY: `block` is 16 readable bytes; the load is unaligned.
        unsafe { _mm_loadu_si128(block.as_ptr().cast::<__m128i>()) }
    }

    /// The class bits of each byte of `x`.
    #[target_feature(enable = "ssse3")]
    fn classify(x: __m128i, t: &Tables) -> __m128i {
        let low = _mm_shuffle_epi8(t.low, _mm_and_si128(x, t.nibble));
        let high = _mm_shuffle_epi8(t.high, _mm_and_si128(_mm_srli_epi16::<4>(x), t.nibble));
        _mm_and_si128(low, high)
    }

    /// Every byte of `classes` has a bit of `mask`.
    #[target_feature(enable = "ssse3")]
    fn all_in(classes: __m128i, mask: __m128i) -> bool {
        let outside = _mm_cmpeq_epi8(_mm_and_si128(classes, mask), _mm_setzero_si128());
        _mm_movemask_epi8(outside) == 0
    }

    /// The full even blocks of `data` (see `super::even_block_bits`) for each set of
    /// `tables`, reading and classifying each block once.
    ///
    /// # Safety
    /// The CPU must have SSSE3.
    #[target_feature(enable = "ssse3")]
    pub fn full_even_blocks(data: &[u8], tables: &Tables) -> Vec<Vec<u64>> {
        match tables.shapes {
            1 => Vec::from(blocks_of::<1>(tables, data)),
            2 => Vec::from(blocks_of::<2>(tables, data)),
            _ => Vec::new(),
        }
    }

    #[target_feature(enable = "ssse3")]
    fn blocks_of<const S: usize>(tables: &Tables, data: &[u8]) -> [Vec<u64>; S] {
        let masks: [__m128i; S] = std::array::from_fn(|i| tables.masks[i]);
        even_block_bits(data, |block| {
            let x = classify(load(block), tables);
            masks.map(|mask| all_in(x, mask))
        })
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    //! The full-block test with SSE2: 16 bytes tested against every range at once.
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_set_epi64x, _mm_setzero_si128, _mm_sub_epi8,
    };

    use super::{even_block_bits, grow_runs, AsciiRanges};

    /// Every byte of `bytes` is in one of the `N` ranges. A function of its own with
    /// fixed-size arrays: written as a closure over the ranges it ran at half the speed; `N` is
    /// the number of ranges the shape has (letters and a space are two), not the most it may.
    #[target_feature(enable = "sse2")]
    fn full16<const N: usize>(
        bytes: &[u8; 16],
        lows: &[__m128i; N],
        widths: &[__m128i; N],
    ) -> bool {
        let mut lo = [0u8; 8];
        let mut hi = [0u8; 8];
        lo.copy_from_slice(&bytes[..8]);
        hi.copy_from_slice(&bytes[8..]);
        let x = _mm_set_epi64x(i64::from_le_bytes(hi), i64::from_le_bytes(lo));
        let mut hit = _mm_setzero_si128();
        for i in 0..N {
            // x - lo <= hi - lo (unsigned) for x in [lo, hi]: min(x - lo, width) == x - lo.
            let d = _mm_sub_epi8(x, lows[i]);
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_min_epu8(d, widths[i]), d));
        }
        _mm_movemask_epi8(hit) == 0xffff
    }

    /// [`super::SecretShape::runs`] for allowed bytes that are `ranges`.
    #[target_feature(enable = "sse2")]
    pub fn runs(
        data: &[u8],
        len: usize,
        ranges: &AsciiRanges,
        allowed: &[bool; 256],
    ) -> Vec<(usize, usize)> {
        match ranges.count {
            0 => Vec::new(),
            1 => runs_in::<1>(data, len, ranges, allowed),
            2 => runs_in::<2>(data, len, ranges, allowed),
            3 => runs_in::<3>(data, len, ranges, allowed),
            _ => runs_in::<4>(data, len, ranges, allowed),
        }
    }

    #[target_feature(enable = "sse2")]
    fn runs_in<const N: usize>(
        data: &[u8],
        len: usize,
        ranges: &AsciiRanges,
        allowed: &[bool; 256],
    ) -> Vec<(usize, usize)> {
        let lows: [__m128i; N] = std::array::from_fn(|i| _mm_set1_epi8(ranges.ranges[i].0 as i8));
        let widths: [__m128i; N] = std::array::from_fn(|i| {
            let (lo, hi) = ranges.ranges[i];
            _mm_set1_epi8((hi - lo) as i8)
        });
        let full = |block: &[u8; 16]| full16(block, &lows, &widths);
        let [bits] = even_block_bits(data, |block| [full(block)]);
        grow_runs(data, len, allowed, &bits, full)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_key_needs_a_run_of_64_hex() {
        let shape = SecretShape::of(r"(?i:private[_-]?key)\W+(?:0x)?([0-9a-fA-F]{64})\b", None)
            .expect("a shape");
        assert!(!shape.may_match(b"private_key = load(path)"));
        assert!(!shape.may_match(&[b'a'; 63]));
        let mut line = b"PRIVATE_KEY=0x".to_vec();
        line.extend([b'C'; 64]);
        assert!(shape.may_match(&line));
    }

    #[test]
    fn case_insensitive_literals_allow_both_cases() {
        let shape = SecretShape::of(r"((?i)sk_live_[a-z0-9]{24})", None).expect("a shape");
        assert!(shape.may_match(b"x = SK_LIVE_ABCDEFGHIJKLMNOPQRSTUVWX"));
    }

    #[test]
    fn whole_match_when_group_zero() {
        let shape = SecretShape::of(r"ZKEY[0-9A-Z]{16}", None).expect("a shape");
        assert!(shape.may_match(b"id: ZKEYABCDEFGHIJKLMNOP."));
        assert!(!shape.may_match(b"id: ZKEY-short"));
    }

    #[test]
    fn runs_are_found_wherever_they_fall() {
        let shape = SecretShape::of(r"([a-z]{12,})", None).expect("a shape");
        let mut data = Vec::new();
        let mut expected = Vec::new();
        // Runs of every length 1..40 at every offset: the probing must find exactly the
        // runs of 12 or more, whatever their alignment to the probe stride.
        for len in 1..40 {
            data.push(b'.');
            if len >= 12 {
                expected.push((data.len(), data.len() + len));
            }
            data.extend(std::iter::repeat_n(b'q', len));
        }
        assert_eq!(shape.runs(&data), expected);
        assert_eq!(shape.runs(b"short"), Vec::<(usize, usize)>::new());
        assert_eq!(shape.runs(b"abcdefghijklmnop"), vec![(0, 16)]);
    }

    /// The SIMD search and the byte-by-byte one find the same runs, on text where runs of
    /// every length start at every offset of a 64-byte chunk.
    #[test]
    fn simd_and_scalar_runs_agree() {
        // One to four ranges: the SIMD search is specialised on their number.
        for (pattern, count, inside, outside) in [
            (r"([a-z]{50,})", 1, b'k', b'K'),
            (r"((?:[a-z]{3,8} +){14,}[a-z]{3,8})", 2, b'k', b'K'),
            (r"([0-9A-Za-z]{50,})", 3, b'Q', b'-'),
            (r"([0-9A-Za-z+/]{50,})", 4, b'7', b'='),
        ] {
            let shape = SecretShape::of(pattern, None).expect("shape");
            let ranges = shape.ascii_ranges.expect("ascii ranges");
            assert_eq!(ranges.count, count, "{pattern}");
            let mut scalar = shape.clone();
            scalar.ascii_ranges = None;
            let mut state = 0x2545_f491_u32;
            let mut data = Vec::new();
            for _ in 0..40_000 {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                let run = (state % 90) as usize;
                data.extend(std::iter::repeat_n(inside, run));
                data.push(if state & 1 == 0 { outside } else { 0xe9 });
            }
            let by_byte = |part: &[u8]| runs_by_byte(part, shape.min_len, &shape.allowed);
            for cut in [data.len(), data.len() - 1, 4_000, 63, 64, 65] {
                let part = &data[..cut];
                assert_eq!(shape.runs(part), scalar.runs(part), "{pattern} cut {cut}");
                assert_eq!(shape.runs(part), by_byte(part), "{pattern} cut {cut}");
            }
            assert!(!shape.runs(&data).is_empty(), "{pattern}");
        }
    }

    /// A set of shapes finds what each shape finds alone, byte by byte: with the nibble
    /// classifier (two shapes that fit it) and without (shapes that need more classes).
    #[test]
    fn shape_sets_find_each_shapes_runs() {
        let encoded = r"([+-9A-Z_a-z]{48,})";
        let phrase = r"((?:[a-z]{3,8} +){14,}[a-z]{3,8})";
        // Three ranges across high nibbles: six classes, eleven with `encoded`.
        let scattered = r"([./01M-Rl-s]{50,})";
        let mut state = 0x9e37_79b9_u32;
        let mut data = Vec::new();
        let alphabet = b"abcdefghijklmnopqrstuvwxyz  ABCZ09+/-_.,!%ace";
        while data.len() < 200_000 {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let run = (state % 120) as usize;
            let pick = (state >> 8) as usize;
            for i in 0..run {
                let b = match pick % 4 {
                    0 => alphabet[(pick + i * 7) % 26],
                    1 => alphabet[(pick + i * 11) % alphabet.len()],
                    2 => b"./01MNOPQRlmnopqrs"[(pick + i) % 18],
                    _ => {
                        if i % 5 == 4 {
                            b' '
                        } else {
                            b'q'
                        }
                    }
                };
                data.push(b);
            }
            data.push(if state & 1 == 0 { b'\n' } else { 0xe9 });
        }
        for patterns in [
            vec![encoded, phrase],
            vec![phrase],
            vec![encoded, scattered],
            vec![scattered, phrase, encoded],
        ] {
            let shapes: Vec<SecretShape> = patterns
                .iter()
                .map(|p| SecretShape::of(p, None).expect("a shape"))
                .collect();
            let set = ShapeSet::new(shapes.clone());
            for cut in [data.len(), data.len() - 3, 2048 + 5, 2048, 100, 15] {
                let part = &data[..cut];
                let found = set.runs(part);
                assert_eq!(found.len(), shapes.len());
                for (runs, shape) in found.iter().zip(&shapes) {
                    let by_byte = runs_by_byte(part, shape.min_len, &shape.allowed);
                    assert_eq!(runs, &by_byte, "{patterns:?} cut {cut}");
                    assert!(cut < data.len() || !runs.is_empty(), "{patterns:?}");
                }
            }
            #[cfg(target_arch = "x86_64")]
            if is_x86_feature_detected!("ssse3") {
                let classified = set.classes.is_some();
                assert_eq!(classified, !patterns.contains(&scattered), "{patterns:?}");
            }
        }
        assert!(
            !ShapeSet::new(vec![SecretShape::of(phrase, None).expect("a shape")]).runs(&data)[0]
                .is_empty()
        );
    }

    /// The probing `may_match` agrees with a byte-by-byte count on windows with runs of every
    /// length at every offset.
    #[test]
    fn may_match_agrees_with_a_byte_count() {
        let shape = SecretShape::of(r"([a-z]{12,})", None).expect("a shape");
        let by_byte = |w: &[u8]| {
            let mut run = 0;
            w.iter().any(|&b| {
                run = if b.is_ascii_lowercase() { run + 1 } else { 0 };
                run >= 12
            })
        };
        let mut state = 0x1234_5678_u32;
        for _ in 0..5_000 {
            let mut w = Vec::new();
            while w.len() < 60 {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                let run = (state % 16) as usize;
                w.extend(std::iter::repeat_n(b'q', run));
                w.push(b'-');
            }
            for cut in [0, 1, 11, 12, 13, 30, w.len()] {
                let part = &w[..cut.min(w.len())];
                assert_eq!(shape.may_match(part), by_byte(part), "{part:?}");
            }
        }
    }

    #[test]
    fn short_or_missing_groups_do_not_gate() {
        assert!(SecretShape::of(r"key=(\w{4})", None).is_none());
        assert!(SecretShape::of(r"key=(\w+)", None).is_none());
        assert!(SecretShape::of(r"key=(\w{20})", Some(2)).is_none());
        assert!(SecretShape::of(r"(", None).is_none());
    }

    #[test]
    fn alternatives_and_repetitions_take_the_shortest_and_every_byte() {
        // A BIP39-like run: words and separators, at least 12 words of 3 letters.
        let shape =
            SecretShape::of(r"((?:[a-z]{3,8}[\s,]+){11,}[a-z]{3,8})", None).expect("a shape");
        assert!(shape.may_match(b"abc abc abc abc abc abc abc abc abc abc abc abc"));
        assert!(!shape.may_match(b"abc abc abc abc abc abc abc abc abc abc abc"));
        assert!(!shape.may_match(b"let x = foo(bar, baz);"));
    }
}
