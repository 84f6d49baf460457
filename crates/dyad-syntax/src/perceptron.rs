//! Averaged multiclass perceptron over hashed sparse features.
//!
//! [`Trainer`] holds full-precision weights with lazy averaging (Daumé's trick: each weight keeps
//! its running total and the time of its last change). [`Weights`] is the frozen, averaged,
//! pruned and `i16`-quantised form used at run time and stored in model files: an open-addressing
//! table from feature key to a short run of `(class, weight)` pairs. Both are sparse per feature,
//! because a perceptron only ever touches the true and the predicted class of a feature.

use crate::binio::{Reader, Writer};
use crate::hash::IdBuild;
use crate::ModelError;
use std::collections::HashMap;

/// Anything that scores classes from a list of feature keys.
pub trait Scorer {
    /// Number of classes.
    fn nclasses(&self) -> usize;
    /// Add each feature's class weights into `out` (`out.len() == nclasses`, zeroed by the caller).
    fn score(&self, feats: &[u64], out: &mut [f32]);
}

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    total: f64,
    ts: u32,
}

/// Full-precision averaged perceptron used during training.
pub struct Trainer {
    nclasses: usize,
    index: HashMap<u64, u32, IdBuild>,
    rows: Vec<Vec<Entry>>,
    now: u32,
}

impl Trainer {
    /// An empty model over `nclasses` classes.
    pub fn new(nclasses: usize) -> Trainer {
        Trainer {
            nclasses,
            index: HashMap::default(),
            rows: Vec::new(),
            now: 0,
        }
    }

    /// Advance the averaging clock by one training instance.
    pub fn tick(&mut self) {
        self.now += 1;
    }

    fn bump(&mut self, feat: u64, class: usize, delta: f32) {
        let next = self.rows.len() as u32;
        let r = *self.index.entry(feat).or_insert(next) as usize;
        if r == self.rows.len() {
            self.rows.push(Vec::with_capacity(2));
        }
        let now = self.now;
        let row = &mut self.rows[r];
        let e = match row.iter().position(|e| e.class as usize == class) {
            Some(i) => &mut row[i],
            None => {
                row.push(Entry {
                    class: class as u16,
                    w: 0.0,
                    total: 0.0,
                    ts: now,
                });
                row.last_mut().expect("just pushed")
            }
        };
        e.total += (now - e.ts) as f64 * e.w as f64;
        e.ts = now;
        e.w += delta;
    }

    /// Perceptron update: reward `truth`, penalise `guess` on `feats` (no-op if they agree).
    pub fn update(&mut self, truth: usize, guess: usize, feats: &[u64]) {
        if truth == guess {
            return;
        }
        for &f in feats {
            self.bump(f, truth, 1.0);
            self.bump(f, guess, -1.0);
        }
    }

    /// Freeze to averaged, quantised weights. Weights whose magnitude quantises below `min_q`
    /// (on the `i16` scale) are pruned.
    pub fn freeze(&self, min_q: i16) -> Weights {
        let now = self.now.max(1) as f64;
        let avg = |e: &Entry| ((e.total + (self.now - e.ts) as f64 * e.w as f64) / now) as f32;
        let mut max_abs = 0f32;
        for row in &self.rows {
            for e in row {
                max_abs = max_abs.max(avg(e).abs());
            }
        }
        let scale = if max_abs > 0.0 {
            max_abs / 32767.0
        } else {
            1.0
        };
        let mut feats: Vec<(u64, Vec<(u8, i16)>)> = Vec::with_capacity(self.index.len());
        for (&key, &r) in &self.index {
            let mut vals: Vec<(u8, i16)> = self.rows[r as usize]
                .iter()
                .filter_map(|e| {
                    let q = (avg(e) / scale).round() as i32;
                    (q.abs() >= min_q.max(1) as i32).then_some((e.class as u8, q as i16))
                })
                .collect();
            if !vals.is_empty() {
                vals.sort_unstable();
                feats.push((key, vals));
            }
        }
        feats.sort_unstable_by_key(|f| f.0);
        Weights::build(self.nclasses, scale, &feats)
    }
}

impl Scorer for Trainer {
    fn nclasses(&self) -> usize {
        self.nclasses
    }
    fn score(&self, feats: &[u64], out: &mut [f32]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    out[e.class as usize] += e.w;
                }
            }
        }
    }
}

/// Index of the highest score, the lowest index on ties: what a scan in index order keeping
/// strictly higher scores finds, for scores that are never NaN (sums of weights). The highest
/// score is found four lanes at a time (a `max` of non-NaN values is exact), then its first
/// index, which the compiler turns into vector instructions where a scan with a running index
/// stays one dependent compare per class.
pub fn first_max(scores: &[f32]) -> usize {
    let mut lanes = [f32::NEG_INFINITY; 4];
    let mut chunks = scores.chunks_exact(4);
    for c in &mut chunks {
        for (m, &v) in lanes.iter_mut().zip(c) {
            *m = if v > *m { v } else { *m };
        }
    }
    let mut top = lanes[0].max(lanes[1]).max(lanes[2].max(lanes[3]));
    for &v in chunks.remainder() {
        top = if v > top { v } else { top };
    }
    scores.iter().position(|&v| v == top).unwrap_or(0)
}

/// Bits of a feature key kept in the frozen table and in model files (collisions among a few
/// million features in 2^40 are negligible, and 5 bytes per key instead of 8 keeps files small).
pub const KEY_BITS: u32 = 40;

#[inline]
fn short_key(key: u64) -> u64 {
    key >> (64 - KEY_BITS)
}

/// One table slot. Sixteen bytes, so four fill a cache line (a [`Line`]): scoring a feature whose
/// run is inline (about 86% of features, since the perceptron mostly touches two classes per
/// feature) costs one cache line, and so does a missing feature as a rule. Memory latency, not
/// arithmetic, is what bounds scoring speed.
#[derive(Clone, Copy, Default)]
#[repr(C)]
struct Slot {
    /// 40-bit key (bits 24–63), run length (bits 16–23), class of entry 0 (bits 8–15) and of
    /// entry 1 (bits 0–7); 0 means empty (a stored run is never empty).
    head: u64,
    /// Runs of up to [`INLINE`] entries: weight 0 (bits 0–15), weight 1 (16–31), class 2
    /// (32–39), weight 2 (40–55). Longer runs: their start in [`Weights::overflow`] (bits 0–31)
    /// and, for runs of more than [`DENSE_MIN`] entries, the offset of their dense row plus one
    /// (bits 32–63).
    body: u64,
}

/// Four slots, aligned so that a line is exactly one cache line. Probing starts at the first
/// slot of a line, so the first memory access of a lookup brings in the four slots it tries
/// first.
#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct Line([Slot; 4]);

/// Longest run stored inside its slot.
const INLINE: usize = 3;

/// Runs longer than this also get a dense row (one `i16` per class): the bias and tag-only
/// features touch most classes (about half the lookups, averaging 45 entries), and adding dense
/// rows is one vector instruction per four classes where a sparse run is one dependent scalar
/// add per entry.
const DENSE_MIN: usize = 12;

/// Classes summed together in [`Weights::add_dense`] (four SSE registers).
const BLOCK: usize = 16;

/// Class-score accumulators: every class count fits (classes are `u8`).
const MAX_CLASSES: usize = 256;

/// Frozen averaged weights: feature key → run of `(class, i16 weight)`.
///
/// An open-addressing table (linear probing from the start of a cache line) of [`Slot`]s holding
/// the 40-bit key with its run, inline when short; longer runs live in `overflow`, one `u32` per
/// entry packing the weight (low 16 bits) and the class (bits 16–23), and the longest also as
/// dense rows in `dense`. The file format is independent of this layout.
pub struct Weights {
    nclasses: usize,
    scale: f32,
    /// Slots in the table (`4 * lines.len()`).
    nslots: usize,
    lines: Vec<Line>,
    overflow: Vec<u32>,
    /// Dense rows of `stride` weights (classes padded to a multiple of [`BLOCK`] with zeros).
    /// Kept as `i16` and widened while summing: a row of 103 classes is then 4 cache lines
    /// instead of 7, and the lines a transition reads, not the additions, are what cost.
    dense: Vec<i16>,
    stride: usize,
    nfeats: usize,
    /// Entries stored (inline or not); bounds the table like the file format's 24-bit offsets.
    nentries: usize,
    /// Whether this CPU has AVX2 (for [`Weights::add_dense`]).
    avx2: bool,
}

/// Whether the CPU supports AVX2 (and `DYAD_NO_AVX2` is unset: a switch to test and time the
/// portable path on the same machine).
fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2") && std::env::var_os("DYAD_NO_AVX2").is_none()
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

const MAX_ENTRIES: usize = (1 << 24) - 2;

/// Highest share of table slots in use, in percent. A lookup whose key is not in its home line
/// (a displaced key, or an absent key whose home line is full) reads further lines, each a
/// dependent cache miss: on EWT train 1.3% of lookups did at 40%, 0.28% at 25%, which made
/// tagging and parsing about 5% faster (bench example, alternating runs) for 22 MB more memory.
/// 20% was no faster than 25%; 55% and 70% were slower.
const LOAD_PCT: usize = 25;

/// An empty vector with room for `n` items, backed by 2 MiB pages where the OS offers them on
/// request (Linux transparent huge pages in `madvise` mode, the common default). Scoring looks
/// up random entries of tables of tens of megabytes: with 4 KiB pages nearly every lookup also
/// misses the TLB and waits for a page walk. Only a hint: without it the table works the same,
/// just slower. Advised before it is filled, since a page already touched stays small.
fn huge_vec<T>(n: usize) -> Vec<T> {
    let v = Vec::with_capacity(n);
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let start = v.as_ptr() as usize;
        let end = start + n * std::mem::size_of::<T>();
        let (lo, hi) = (start.next_multiple_of(HUGE), end / HUGE * HUGE);
        if hi > lo {
            // SAFETY: `[lo, hi)` lies inside the allocation of `v`, which outlives the call;
            // MADV_HUGEPAGE changes only how pages are backed, never their contents, and a
            // failure (an old kernel, THP disabled) just leaves small pages.
            unsafe {
                libc::madvise(lo as *mut libc::c_void, hi - lo, libc::MADV_HUGEPAGE);
            }
        }
    }
    v
}

/// A zeroed table of `n` lines on huge pages ([`huge_vec`]).
fn huge_lines(n: usize) -> Vec<Line> {
    let mut lines = huge_vec(n);
    lines.resize(n, Line::default());
    lines
}

/// A copy of `items` on huge pages ([`huge_vec`]).
fn huge_copy<T: Copy>(items: &[T]) -> Vec<T> {
    let mut v = huge_vec(items.len());
    v.extend_from_slice(items);
    v
}

impl Weights {
    fn with_capacity(nclasses: usize, scale: f32, n: usize) -> Weights {
        // At most LOAD_PCT% full, so that nearly every key sits in its home line.
        let nlines = (n * 100).div_ceil(LOAD_PCT * 4).max(4);
        Weights {
            nclasses,
            scale,
            nslots: nlines * 4,
            lines: huge_lines(nlines),
            overflow: Vec::new(),
            dense: Vec::new(),
            stride: nclasses.div_ceil(BLOCK) * BLOCK,
            nfeats: 0,
            nentries: 0,
            avx2: has_avx2(),
        }
    }

    fn build(nclasses: usize, scale: f32, feats: &[(u64, Vec<(u8, i16)>)]) -> Weights {
        let mut w = Weights::with_capacity(nclasses, scale, feats.len());
        // No table holds more features than MAX_ENTRIES (each has an entry).
        let slots: Vec<Slot> = feats[..feats.len().min(MAX_ENTRIES)]
            .iter()
            .filter(|f| !f.1.is_empty())
            .map(|(k, vals)| w.encode(short_key(*k), vals))
            .collect();
        w.place_all(&slots);
        w
    }

    /// Home slot of a (short) key: always the first slot of a line.
    #[inline]
    fn bucket(&self, k: u64) -> usize {
        // The key's 40 bits are already uniform (a mixed hash); scaled to [0, lines) by a
        // multiply-high rather than a mask, so the table need not be a power of two.
        (((k << (64 - KEY_BITS)) as u128 * self.lines.len() as u128) >> 64) as usize * 4
    }

    /// Insertion order for features with these (short) keys and run lengths: by home line,
    /// and within a line longest run first. Building line by line keeps the writes to the
    /// table sequential (a random insertion order makes loading several times slower). With
    /// linear probing, keys inserted early sit at or next to their home slot, and long runs
    /// belong to the most frequent features (bias, tags), so this also shortens the probes of
    /// most lookups. The set of stored keys, and so every score, does not depend on the order.
    fn insertion_order(&self, feats: impl Iterator<Item = (u64, usize)>) -> Vec<usize> {
        let line_bits = usize::BITS - self.lines.len().leading_zeros();
        let mut keys: Vec<u64> = feats
            .enumerate()
            .map(|(i, (k, len))| {
                let line = (self.bucket(k) >> 2) as u64;
                line << 32 | (255 - len.min(255) as u64) << 24 | i as u64
            })
            .collect();
        radix_sort(&mut keys, 32 + line_bits);
        keys.iter().map(|&k| (k & 0xff_ffff) as usize).collect()
    }

    /// The slot probed after slot `i` (linear probing, wrapping around).
    #[inline]
    fn next_slot(&self, i: usize) -> usize {
        if i + 1 == self.nslots {
            0
        } else {
            i + 1
        }
    }

    #[inline]
    fn slot(&self, i: usize) -> Slot {
        self.lines[i >> 2].0[i & 3]
    }

    /// [`Weights::place_all`] for slots in ascending key order, as model files and
    /// [`Trainer::freeze`] store them: the home line grows with the key ([`Weights::bucket`]
    /// scales it by a multiply-high), so that order is already [`Weights::insertion_order`]
    /// but within a line, where a stable sort puts the longest runs first. This skips the radix
    /// sort and the gather of all slots, most of the time of loading a model (start-up,
    /// issue 15); the table is the same.
    fn place_sorted(&mut self, slots: &[Slot]) {
        let len = |s: &Slot| (s.head >> 16) as u8;
        let mut group: Vec<Slot> = Vec::new();
        let mut rest = slots;
        while let Some(first) = rest.first() {
            let line = self.bucket(first.head >> 24);
            let n = 1 + rest[1..]
                .iter()
                .take_while(|s| self.bucket(s.head >> 24) == line)
                .count();
            if n == 1 {
                self.place(*first);
            } else {
                group.clear();
                group.extend_from_slice(&rest[..n]);
                group.sort_by_key(|s| std::cmp::Reverse(len(s)));
                for &s in &group {
                    self.place(s);
                }
            }
            rest = &rest[n..];
        }
    }

    /// The slot for (short) key `k` with a non-empty run `vals`; long runs are appended to
    /// `overflow` (and `dense`) here, so that loading reads the model file sequentially.
    fn encode(&mut self, k: u64, vals: &[(u8, i16)]) -> Slot {
        let n = vals.len() as u64;
        // Entries past the end of a short run repeat entry 0's class with weight 0, so that
        // scoring can add all three inline entries without looking at the length (and without
        // chaining the additions of unrelated features through one shared class).
        let class = |j: usize| vals.get(j).map_or(vals[0].0 as u64, |v| v.0 as u64);
        let weight = |j: usize| vals.get(j).map_or(0, |v| v.1 as u16 as u64);
        let head = (k << 24) | n << 16 | class(0) << 8 | class(1);
        let body = if vals.len() <= INLINE {
            weight(0) | weight(1) << 16 | class(2) << 32 | weight(2) << 40
        } else {
            let start = self.overflow.len() as u64;
            self.overflow.extend(
                vals.iter()
                    .map(|&(c, v)| (v as u16 as u32) | (c as u32) << 16),
            );
            let mut row = 0u64;
            if vals.len() > DENSE_MIN {
                let at = self.dense.len();
                row = at as u64 + 1;
                self.dense.resize(at + self.stride, 0);
                for &(c, v) in vals {
                    let w = &mut self.dense[at + c as usize];
                    *w = w.saturating_add(v);
                }
            }
            start | row << 32
        };
        Slot { head, body }
    }

    /// Store an encoded slot; a repeated key keeps its first run; a full table skips it.
    fn place(&mut self, s: Slot) {
        let (k, n) = (s.head >> 24, (s.head >> 16) as u8 as usize);
        if self.nentries + n > MAX_ENTRIES || (self.nfeats + 1) * 100 > self.nslots * LOAD_PCT {
            return;
        }
        let mut i = self.bucket(k);
        loop {
            let h = self.slot(i).head;
            if h == 0 {
                break;
            }
            if h >> 24 == k {
                return;
            }
            i = self.next_slot(i);
        }
        self.lines[i >> 2].0[i & 3] = s;
        self.nfeats += 1;
        self.nentries += n;
    }

    /// Store encoded slots in [`Weights::insertion_order`].
    fn place_all(&mut self, slots: &[Slot]) {
        let key = |s: &Slot| s.head >> 24;
        if slots.windows(2).all(|p| key(&p[0]) < key(&p[1])) {
            self.place_sorted(slots);
        } else {
            self.place_in_order(slots);
        }
        self.overflow = huge_copy(&self.overflow);
        self.dense = huge_copy(&self.dense);
    }

    /// Store slots in any order: sorted into [`Weights::insertion_order`] first.
    fn place_in_order(&mut self, slots: &[Slot]) {
        let order = self.insertion_order(
            slots
                .iter()
                .map(|s| (s.head >> 24, (s.head >> 16) as u8 as usize)),
        );
        // Gathered in a loop of its own: independent loads whose cache misses overlap, where
        // interleaved with the branchy probing they would wait one by one.
        let sorted: Vec<Slot> = order.iter().map(|&i| slots[i]).collect();
        for s in sorted {
            self.place(s);
        }
    }

    /// The slot holding (short) key `k`, or an empty slot (run length 0) if it is not stored.
    /// The whole home line is compared at once (one cache line, no branch per slot); a key is
    /// in its home line unless that line is full, and absent if the home line has an empty
    /// slot, so probing further is rare. No branch on whether the key was found either (which
    /// a CPU cannot predict) in that common case.
    #[inline]
    fn find_or_empty(&self, k: u64) -> Slot {
        let home = self.bucket(k);
        let line = &self.lines[home >> 2].0;
        let (mut hit, mut empty) = (0u32, 0u32);
        for (q, s) in line.iter().enumerate() {
            hit |= ((s.head != 0 && s.head >> 24 == k) as u32) << q;
            empty |= ((s.head == 0) as u32) << q;
        }
        if hit | empty == 0 {
            return self.probe(k, home);
        }
        let s = line[(hit.trailing_zeros() & 3) as usize];
        let keep = 0u64.wrapping_sub((hit != 0) as u64);
        Slot {
            head: s.head & keep,
            body: s.body & keep,
        }
    }

    /// [`Weights::find_or_empty`] past a full home line: linear probing from the next line
    /// until the key, an empty slot or the home slot again.
    #[cold]
    fn probe(&self, k: u64, home: usize) -> Slot {
        let mut i = home + 3;
        loop {
            i = self.next_slot(i);
            let s = self.slot(i);
            if s.head == 0 || i == home {
                return Slot::default();
            }
            if s.head >> 24 == k {
                return s;
            }
        }
    }

    /// Add the out-of-line run of a stored slot (longer than [`INLINE`], without a dense row)
    /// into `acc`.
    #[inline]
    fn add_overflow(&self, s: Slot, acc: &mut [i32]) {
        let n = (s.head >> 16) as u8 as usize;
        let start = s.body as u32 as usize;
        for &e in &self.overflow[start..start + n] {
            acc[(e >> 16) as u8 as usize] += e as u16 as i16 as i32;
        }
    }

    /// Add dense rows (offsets into `dense`) into `acc`, one block of classes at a time so the
    /// block's sums stay in registers. With AVX2 (checked once, when the table is made) a
    /// block is two instructions per row; the portable loop widens four classes at a time.
    #[inline]
    fn add_dense(&self, rows: &[(usize, usize)], acc: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is set only where the CPU reports AVX2 (`Weights::with_capacity`).
            unsafe {
                match self.stride / BLOCK {
                    // 97–112 classes: the tagger (102) and the parser (103).
                    7 => add_dense_avx2_rows::<7>(&self.dense, rows, acc),
                    _ => add_dense_avx2(&self.dense, self.stride, rows, acc),
                }
            }
            return;
        }
        for b in (0..self.stride).step_by(BLOCK) {
            let mut sum = [0i32; BLOCK];
            for &(at, _) in rows {
                let row: &[i16; BLOCK] = self.dense[at + b..at + b + BLOCK]
                    .try_into()
                    .expect("rows are whole blocks");
                for (s, &v) in sum.iter_mut().zip(row) {
                    *s += v as i32;
                }
            }
            for (a, &s) in acc[b..b + BLOCK].iter_mut().zip(&sum) {
                *a += s;
            }
        }
    }

    /// The `(class, weight)` run of a stored slot, appended to `out`.
    fn run(&self, s: Slot, out: &mut Vec<(u8, i16)>) {
        let (head, body) = (s.head, s.body);
        let n = (head >> 16) as u8 as usize;
        if n <= INLINE {
            let inline = [
                ((head >> 8) as u8, body as u16 as i16),
                (head as u8, (body >> 16) as u16 as i16),
                ((body >> 32) as u8, (body >> 40) as u16 as i16),
            ];
            out.extend_from_slice(&inline[..n]);
        } else {
            let start = body as u32 as usize;
            out.extend(
                self.overflow[start..start + n]
                    .iter()
                    .map(|&e| ((e >> 16) as u8, e as u16 as i16)),
            );
        }
    }

    /// Number of stored features.
    pub fn len(&self) -> usize {
        self.nfeats
    }

    /// Whether no feature is stored.
    pub fn is_empty(&self) -> bool {
        self.nfeats == 0
    }

    /// Serialise (features sorted by key, so output is deterministic): per feature a 5-byte key,
    /// a count byte and `(class u8, weight i16)` pairs.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.nclasses as u32);
        w.f32(self.scale);
        let mut keys: Vec<(u64, usize)> = (0..self.nslots)
            .map(|i| (self.slot(i).head, i))
            .filter(|&(h, _)| h != 0)
            .map(|(h, i)| (h >> 24, i))
            .collect();
        keys.sort_unstable();
        w.u32(keys.len() as u32);
        let mut run = Vec::new();
        for (k, i) in keys {
            w.buf.extend_from_slice(&k.to_le_bytes()[..5]);
            run.clear();
            self.run(self.slot(i), &mut run);
            w.u8(run.len() as u8);
            for &(c, v) in &run {
                w.u8(c);
                w.i16(v);
            }
        }
    }

    /// Deserialise what [`Weights::write`] wrote.
    pub fn read(r: &mut Reader) -> Result<Weights, ModelError> {
        let nclasses = r.u32()? as usize;
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        if n > MAX_ENTRIES {
            return Err(r.error("implausible feature count"));
        }
        if nclasses > MAX_CLASSES {
            return Err(r.error("too many classes"));
        }
        // Features are encoded in file order and then placed in `insertion_order`; keys are
        // unique in files `write` makes (sorted), a repeat keeps the first.
        let mut w = Weights::with_capacity(nclasses, scale, n);
        let mut slots: Vec<Slot> = Vec::with_capacity(n);
        let mut vals: Vec<(u8, i16)> = Vec::new();
        let mut last = None;
        for _ in 0..n {
            let head = r.bytes(6)?;
            let mut kb = [0u8; 8];
            kb[..5].copy_from_slice(&head[..5]);
            let k = u64::from_le_bytes(kb);
            vals.clear();
            for e in r.bytes(3 * head[5] as usize)?.chunks_exact(3) {
                if e[0] as usize >= nclasses {
                    return Err(r.error("class index out of range"));
                }
                vals.push((e[0], i16::from_le_bytes([e[1], e[2]])));
            }
            if !vals.is_empty() && last != Some(k) {
                slots.push(w.encode(k, &vals));
                last = Some(k);
            }
        }
        w.place_all(&slots);
        Ok(w)
    }
}

/// Least-significant-digit radix sort of `u64` keys on their low `bits` bits, 11 bits a pass.
fn radix_sort(keys: &mut Vec<u64>, bits: u32) {
    let mut tmp = vec![0u64; keys.len()];
    let mut shift = 0;
    while shift < bits {
        let mut start = [0usize; 2049];
        for &k in keys.iter() {
            start[((k >> shift) & 2047) as usize + 1] += 1;
        }
        for d in 1..2049 {
            start[d] += start[d - 1];
        }
        for &k in keys.iter() {
            let d = ((k >> shift) & 2047) as usize;
            tmp[start[d]] = k;
            start[d] += 1;
        }
        std::mem::swap(keys, &mut tmp);
        shift += 11;
    }
}

/// [`Weights::add_dense`] with AVX2: each block of [`BLOCK`] `i16` weights of a row is widened
/// to `i32` and added in two instructions each, where SSE2 needs four per four classes. Dense
/// rows are about half of all lookups, so this is most of the arithmetic of scoring.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_dense_avx2(dense: &[i16], stride: usize, rows: &[(usize, usize)], acc: &mut [i32]) {
    use std::arch::x86_64::*;
    const _: () = assert!(BLOCK == 16, "a block is two registers of eight classes");
    for b in (0..stride).step_by(BLOCK) {
        let (mut lo, mut hi) = (_mm256_setzero_si256(), _mm256_setzero_si256());
        for &(at, _) in rows {
            let row: &[i16; BLOCK] = dense[at + b..at + b + BLOCK]
                .try_into()
                .expect("rows are whole blocks");
            // SAFETY: `row` is 16 readable `i16`s (32 bytes); unaligned loads are allowed.
            let (l, h) = unsafe {
                (
                    _mm_loadu_si128(row.as_ptr() as *const __m128i),
                    _mm_loadu_si128(row.as_ptr().add(8) as *const __m128i),
                )
            };
            lo = _mm256_add_epi32(lo, _mm256_cvtepi16_epi32(l));
            hi = _mm256_add_epi32(hi, _mm256_cvtepi16_epi32(h));
        }
        let out: &mut [i32; BLOCK] = (&mut acc[b..b + BLOCK])
            .try_into()
            .expect("rows are whole blocks");
        let p = out.as_mut_ptr() as *mut __m256i;
        // SAFETY: `out` is 16 writable `i32`s (two 32-byte registers); unaligned is allowed.
        unsafe {
            _mm256_storeu_si256(p, _mm256_add_epi32(_mm256_loadu_si256(p), lo));
            _mm256_storeu_si256(p.add(1), _mm256_add_epi32(_mm256_loadu_si256(p.add(1)), hi));
        }
    }
}

/// Masks of the slots of `line` holding (short) key `k` and of its empty slots (bit `q` for
/// slot `q`), as [`Weights::find_or_empty`] computes them slot by slot: the four heads are
/// gathered into one register and compared at once.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn find_home_avx2(line: &Line, k: u64) -> (u32, u32) {
    use std::arch::x86_64::*;
    let p = line as *const Line as *const __m256i;
    // SAFETY: a `Line` is 64 bytes aligned to 64: two aligned 32-byte loads, slots 0–1 and 2–3.
    let (v0, v1) = unsafe { (_mm256_load_si256(p), _mm256_load_si256(p.add(1))) };
    // [h0, h2, h1, h3] (the low 64-bit lanes of each 128-bit half), then [h0, h1, h2, h3].
    let heads = _mm256_permute4x64_epi64::<0b11_01_10_00>(_mm256_unpacklo_epi64(v0, v1));
    let empty = _mm256_cmpeq_epi64(heads, _mm256_setzero_si256());
    let eq = _mm256_cmpeq_epi64(_mm256_srli_epi64::<24>(heads), _mm256_set1_epi64x(k as i64));
    let hit = _mm256_andnot_si256(empty, eq);
    (
        _mm256_movemask_pd(_mm256_castsi256_pd(hit)) as u32,
        _mm256_movemask_pd(_mm256_castsi256_pd(empty)) as u32,
    )
}

/// [`add_dense_avx2`] for rows of `NB` blocks, row by row: the sums of all `2 * NB` registers
/// of eight classes stay in registers (`NB` ≤ 7 fits the sixteen AVX2 registers), so a row
/// costs one bounds check and two instructions per eight classes, where block by block every
/// row is sliced, checked and addressed once per block. Same integer sums, so the same scores.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_dense_avx2_rows<const NB: usize>(
    dense: &[i16],
    rows: &[(usize, usize)],
    acc: &mut [i32],
) {
    use std::arch::x86_64::*;
    let mut sums = [_mm256_setzero_si256(); 16];
    let sums = &mut sums[..2 * NB];
    for &(at, _) in rows {
        let row = &dense[at..at + NB * BLOCK];
        for (k, s) in sums.iter_mut().enumerate() {
            // SAFETY: `row` holds `2 * NB` runs of eight `i16`s (16 bytes each), and `k < 2 * NB`;
            // unaligned loads are allowed.
            let v = unsafe { _mm_loadu_si128(row.as_ptr().add(8 * k) as *const __m128i) };
            *s = _mm256_add_epi32(*s, _mm256_cvtepi16_epi32(v));
        }
    }
    let out = &mut acc[..NB * BLOCK];
    for (k, s) in sums.iter().enumerate() {
        // SAFETY: `out` holds `2 * NB` runs of eight `i32`s (32 bytes each), and `k < 2 * NB`;
        // unaligned loads and stores are allowed.
        unsafe {
            let p = out.as_mut_ptr().add(8 * k) as *mut __m256i;
            _mm256_storeu_si256(p, _mm256_add_epi32(_mm256_loadu_si256(p), *s));
        }
    }
}

/// Ask the CPU to start loading the cache line at `p`. Unlike a load, a prefetch does not hold
/// up the instructions behind it while it waits for memory, so a loop of prefetches puts many
/// more cache misses in flight at once than a loop of loads whose values are used.
#[inline(always)]
fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it never faults and changes no memory or state that
    // the program can observe, and `p` is a valid reference anyway.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(p as *const T as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Features scored per batch: the home-line reads of a batch are independent, so the CPU
/// overlaps their cache misses; a whole parser configuration (111 features) fits in one batch.
const BATCH: usize = 128;

impl Weights {
    /// Length of a class-score row as [`Weights::accumulate`] writes it: the class count
    /// rounded up to whole blocks of [`BLOCK`] classes (the padding always stays zero).
    pub fn stride(&self) -> usize {
        self.stride
    }

    /// Add each feature's class weights into its own row of `acc`: feature `i` into
    /// `acc[dests[i] as usize..][..self.stride()]`. Lets a caller score several groups of
    /// features, kept apart, with the cache misses of all of them overlapped.
    ///
    /// # Panics
    /// If `dests` is shorter than `feats` or a row does not fit in `acc`.
    pub fn accumulate(&self, feats: &[u64], dests: &[u32], acc: &mut [i32]) {
        self.add_all(feats, |i| dests[i] as usize, acc);
    }

    /// In passes over a batch, each issuing independent loads the CPU can overlap: home lines;
    /// probing (rarely beyond the home line); touching the long runs' memory; then summing,
    /// feature `i` into the row of `acc` starting at `dest(i)`. Weights are summed as integers
    /// (exact, like the `f32` sums they replace, since no total nears 2^24).
    #[inline(always)]
    fn add_all(&self, feats: &[u64], dest: impl Fn(usize) -> usize, acc: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is set only where the CPU reports AVX2 (`Weights::with_capacity`).
            unsafe { self.add_all_avx2(feats, dest, acc) };
            return;
        }
        self.add_all_with::<false>(feats, dest, acc);
    }

    /// [`Weights::add_all_with`] compiled for AVX2, so that the home-line compare
    /// ([`find_home_avx2`]) and the dense sums inline into it.
    ///
    /// # Safety
    /// The CPU must support AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn add_all_avx2(&self, feats: &[u64], dest: impl Fn(usize) -> usize, acc: &mut [i32]) {
        self.add_all_with::<true>(feats, dest, acc);
    }

    /// The slot of (short) key `k`, as [`Weights::find_or_empty`] finds it; with `AVX2` (only
    /// inside [`Weights::add_all_avx2`]) the home line is compared in a few vector
    /// instructions instead of a scalar compare per slot.
    #[inline(always)]
    fn find<const AVX2: bool>(&self, k: u64) -> Slot {
        #[cfg(target_arch = "x86_64")]
        if AVX2 {
            let home = self.bucket(k);
            // SAFETY: `AVX2` is true only in `add_all_avx2`, which runs where the CPU has AVX2.
            let (hit, empty) = unsafe { find_home_avx2(&self.lines[home >> 2], k) };
            if hit | empty == 0 {
                return self.probe(k, home);
            }
            let s = self.lines[home >> 2].0[(hit.trailing_zeros() & 3) as usize];
            let keep = 0u64.wrapping_sub((hit != 0) as u64);
            return Slot {
                head: s.head & keep,
                body: s.body & keep,
            };
        }
        self.find_or_empty(k)
    }

    /// [`Weights::add_all`]'s work; `AVX2` only where the CPU has it.
    #[inline(always)]
    fn add_all_with<const AVX2: bool>(
        &self,
        feats: &[u64],
        dest: impl Fn(usize) -> usize,
        acc: &mut [i32],
    ) {
        // Hits sorted by kind into three lists without a branch per hit (the kind of the next
        // feature is as good as random, and a mispredicted branch costs more than the work).
        let mut inline = Hits::<(Slot, u32)>::new();
        let mut runs = Hits::<(Slot, u32)>::new();
        let mut rows = Hits::<(usize, usize)>::new();
        for (c, chunk) in feats.chunks(BATCH).enumerate() {
            for &f in chunk {
                prefetch(&self.lines[self.bucket(short_key(f)) >> 2]);
            }
            inline.clear();
            runs.clear();
            rows.clear();
            for (j, &f) in chunk.iter().enumerate() {
                let s = self.find::<AVX2>(short_key(f));
                let d = dest(c * BATCH + j);
                let n = (s.head >> 16) as u8 as usize;
                inline.push_if((s, d as u32), (1..=INLINE).contains(&n));
                runs.push_if((s, d as u32), (INLINE + 1..=DENSE_MIN).contains(&n));
                let row = ((s.body >> 32) as usize).wrapping_sub(1);
                rows.push_if((row, d), n > DENSE_MIN);
            }
            let (inline, runs, rows) = (inline.as_slice(), runs.as_slice(), rows.as_slice());
            for (s, _) in runs {
                let start = s.body as u32 as usize;
                let n = (s.head >> 16) as u8 as usize;
                prefetch(&self.overflow[start]);
                prefetch(&self.overflow[start + n - 1]);
            }
            for &(at, _) in rows {
                let row = &self.dense[at..at + self.stride];
                for v in row.iter().step_by(32) {
                    prefetch(v);
                }
                prefetch(&row[self.stride - 1]);
            }
            for &(s, d) in inline {
                // Entries past the run's length have weight 0 (`Weights::encode`).
                let acc = &mut acc[d as usize..d as usize + self.stride];
                let (head, body) = (s.head, s.body);
                acc[(head >> 8) as u8 as usize] += body as u16 as i16 as i32;
                acc[head as u8 as usize] += (body >> 16) as u16 as i16 as i32;
                acc[(body >> 32) as u8 as usize] += (body >> 40) as u16 as i16 as i32;
            }
            for &(s, d) in runs {
                self.add_overflow(s, &mut acc[d as usize..d as usize + self.stride]);
            }
            // Dense rows of the same destination (adjacent, as callers group features by
            // destination) are summed together in registers.
            let mut i = 0;
            while i < rows.len() {
                let d = rows[i].1;
                let mut j = i + 1;
                while j < rows.len() && rows[j].1 == d {
                    j += 1;
                }
                self.add_dense(&rows[i..j], &mut acc[d..d + self.stride]);
                i = j;
            }
        }
    }
}

/// A list of at most [`BATCH`] items on the stack whose unused room is never initialised
/// (zeroing three lists of [`BATCH`] items for every scoring call costs more than filling them).
struct Hits<T: Copy> {
    items: [std::mem::MaybeUninit<T>; BATCH],
    len: usize,
}

impl<T: Copy> Hits<T> {
    fn new() -> Self {
        Hits {
            items: [const { std::mem::MaybeUninit::uninit() }; BATCH],
            len: 0,
        }
    }

    fn clear(&mut self) {
        self.len = 0;
    }

    /// Write `v` after the last item and keep it if `keep`, without a branch. Panics when the
    /// list is full (callers push at most [`BATCH`] items between clears).
    #[inline(always)]
    fn push_if(&mut self, v: T, keep: bool) {
        self.items[self.len].write(v);
        self.len += keep as usize;
    }

    fn as_slice(&self) -> &[T] {
        // SAFETY: every index below `len` was written by `push_if` before `len` moved past it,
        // and `MaybeUninit<T>` has the layout of `T`.
        unsafe { std::slice::from_raw_parts(self.items.as_ptr() as *const T, self.len) }
    }
}

impl Scorer for Weights {
    fn nclasses(&self) -> usize {
        self.nclasses
    }

    /// All features into one row ([`Weights::add_all`]), added to `out` once at the end.
    #[inline]
    fn score(&self, feats: &[u64], out: &mut [f32]) {
        let mut acc = [0i32; MAX_CLASSES];
        self.add_all(feats, |_| 0, &mut acc);
        for (o, &a) in out.iter_mut().zip(&acc[..self.nclasses]) {
            *o += a as f32;
        }
        let _ = self.scale;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let mut t = Trainer::new(3);
        let h = crate::hash::mix;
        let data = [
            (vec![h(1), h(10)], 0usize),
            (vec![h(2), h(10)], 1),
            (vec![h(3), h(10)], 2),
        ];
        for _ in 0..5 {
            for (f, y) in &data {
                t.tick();
                let mut s = vec![0.0; 3];
                t.score(f, &mut s);
                let g = argmax(&s);
                t.update(*y, g, f);
            }
        }
        let w = t.freeze(1);
        let mut buf = Writer::default();
        w.write(&mut buf);
        let w2 = Weights::read(&mut Reader::new(&buf.buf, "test")).unwrap();
        for (f, y) in &data {
            let mut s = vec![0.0; 3];
            w2.score(f, &mut s);
            assert_eq!(argmax(&s), *y);
        }
    }

    /// Every stored key scores exactly its run, wherever probing placed it (home line, a later
    /// line, or wrapped around to the start), and absent keys score nothing.
    #[test]
    fn every_key_scores_its_own_run() {
        let mut rng = crate::rng::Rng::new(11);
        let nclasses = 40;
        let mut feats: Vec<(u64, Vec<(u8, i16)>)> = (0..3000u64)
            .map(|i| {
                let len = 1 + rng.below(20);
                let mut classes: Vec<u8> = (0..nclasses as u8).collect();
                rng.shuffle(&mut classes);
                let mut run: Vec<(u8, i16)> = classes[..len]
                    .iter()
                    .map(|&c| (c, rng.below(2001) as i16 - 1000))
                    .filter(|e| e.1 != 0)
                    .collect();
                run.sort_unstable();
                (crate::hash::mix(i) | 1 << 63, run)
            })
            .filter(|f| !f.1.is_empty())
            .collect();
        feats.sort_unstable_by_key(|f| f.0);
        let w = Weights::build(nclasses, 1.0, &feats);
        assert_eq!(w.len(), feats.len());
        for (key, run) in &feats {
            let mut got = vec![0.0; nclasses];
            w.score(&[*key], &mut got);
            let mut want = vec![0.0; nclasses];
            for &(c, v) in run {
                want[c as usize] = v as f32;
            }
            assert_eq!(got, want);
        }
        for i in 5000..6000u64 {
            let mut got = vec![0.0; nclasses];
            w.score(&[crate::hash::mix(i) | 1 << 63], &mut got);
            assert!(got.iter().all(|&v| v == 0.0));
        }
    }

    /// The AVX2 and the portable sums of dense rows agree (on a CPU without AVX2 both runs
    /// take the portable path, and the test still checks the scores against each other).
    #[test]
    fn avx2_and_portable_dense_sums_agree() {
        // 103 classes: the row-by-row sum of seven blocks; 40: the block-by-block one.
        for nclasses in [103, 40] {
            dense_sums_agree(nclasses);
        }
    }

    fn dense_sums_agree(nclasses: usize) {
        let mut rng = crate::rng::Rng::new(12);
        let mut feats: Vec<(u64, Vec<(u8, i16)>)> = (0..500u64)
            .map(|i| {
                let mut run = Vec::new();
                for c in 0..nclasses as u8 {
                    let v = (rng.below(60001) as i32 - 30000) as i16;
                    if rng.below(3) > 0 && v != 0 {
                        run.push((c, v));
                    }
                }
                (crate::hash::mix(i) | 1 << 63, run)
            })
            .collect();
        feats.sort_unstable_by_key(|f| f.0);
        let fast = Weights::build(nclasses, 1.0, &feats);
        let mut portable = Weights::build(nclasses, 1.0, &feats);
        portable.avx2 = false;
        let keys: Vec<u64> = feats.iter().map(|f| f.0).collect();
        for chunk in keys.chunks(37) {
            let (mut a, mut b) = (vec![0.0; nclasses], vec![0.0; nclasses]);
            fast.score(chunk, &mut a);
            portable.score(chunk, &mut b);
            assert_eq!(a, b);
            assert!(a.iter().any(|&v| v != 0.0));
        }
    }

    /// Slots in ascending key order are placed without the radix sort, into exactly the table
    /// the sort would give (same slot for every key), including full lines that spill over.
    #[test]
    fn sorted_placement_matches_the_general_order() {
        let mut rng = crate::rng::Rng::new(13);
        let nclasses = 30;
        let mut feats: Vec<(u64, Vec<(u8, i16)>)> = (0..4000u64)
            .map(|i| {
                let len = 1 + rng.below(8);
                let run = (0..len as u8).map(|c| (c * 3, c as i16 + 1)).collect();
                // Few distinct high bits: many keys share a home line, so lines fill and spill.
                (crate::hash::mix(i) >> 8 | (rng.below(64) as u64) << 58, run)
            })
            .collect();
        feats.sort_unstable_by_key(|f| f.0);
        feats.dedup_by_key(|f| short_key(f.0));
        let mut sorted = Weights::with_capacity(nclasses, 1.0, feats.len());
        let slots: Vec<Slot> = feats
            .iter()
            .map(|(k, vals)| sorted.encode(short_key(*k), vals))
            .collect();
        let mut general = Weights::with_capacity(nclasses, 1.0, feats.len());
        general.overflow = sorted.overflow.clone();
        general.dense = sorted.dense.clone();
        sorted.place_sorted(&slots);
        general.place_in_order(&slots);
        let heads = |w: &Weights| (0..w.nslots).map(|i| w.slot(i).head).collect::<Vec<_>>();
        assert_eq!(sorted.len(), feats.len());
        assert_eq!(heads(&sorted), heads(&general));
        let spilled = (0..sorted.nslots)
            .filter(|&i| {
                let h = sorted.slot(i).head;
                h != 0 && sorted.bucket(h >> 24) != i & !3
            })
            .count();
        assert!(spilled > 10, "only {spilled} keys outside their home line");
    }

    /// The AVX2 home-line compare finds exactly the slot the scalar one finds, for stored
    /// keys (in their home line or spilled past a full one) and absent keys.
    #[test]
    fn avx2_and_scalar_lookups_agree() {
        #[cfg(target_arch = "x86_64")]
        if has_avx2() {
            let mut rng = crate::rng::Rng::new(14);
            let mut feats: Vec<(u64, Vec<(u8, i16)>)> = (0..4000u64)
                .map(|i| {
                    let run = vec![(rng.below(20) as u8, 1 + rng.below(100) as i16)];
                    // Few distinct high bits: many keys share a home line, so lines fill.
                    (crate::hash::mix(i) >> 8 | (rng.below(64) as u64) << 58, run)
                })
                .collect();
            feats.sort_unstable_by_key(|f| f.0);
            feats.dedup_by_key(|f| short_key(f.0));
            let w = Weights::build(20, 1.0, &feats);
            let absent = (5000..7000u64).map(|i| crate::hash::mix(i) | 1 << 63);
            for key in feats.iter().map(|f| f.0).chain(absent).chain([0]) {
                let k = short_key(key);
                let (a, b) = (w.find::<true>(k), w.find_or_empty(k));
                assert_eq!((a.head, a.body), (b.head, b.body));
            }
        }
    }

    /// `first_max` picks what a scan keeping strictly higher scores picks, ties included.
    #[test]
    fn first_max_is_the_first_highest() {
        let mut rng = crate::rng::Rng::new(15);
        for len in 1..40 {
            for _ in 0..50 {
                let s: Vec<f32> = (0..len).map(|_| rng.below(4) as f32 - 2.0).collect();
                assert_eq!(first_max(&s), argmax(&s), "{s:?}");
            }
        }
    }

    fn argmax(s: &[f32]) -> usize {
        let mut b = 0;
        for i in 1..s.len() {
            if s[i] > s[b] {
                b = i;
            }
        }
        b
    }
}
