//! Feature hash → weight run: an open-addressing table (linear probing) whose home slot grows
//! with the key, so that keys inserted in ascending order, as model files store them, fill it
//! front to back. Loading the model into a `HashMap` wrote each key to a random place of a
//! 4 MB table, one cache miss per feature, and was most of the NER model's start-up cost
//! (issue 15). A lookup reads one 16-byte slot, usually in the line of its home; the slot holds
//! where the feature's weights are, so no second table is read between the two.

/// Where a feature's nonzero weights are: `len` entries from `start` (in the model's array of
/// entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// First entry.
    pub start: u32,
    /// Number of entries.
    pub len: u32,
}

/// The run of a free slot (keys may be any `u64`).
const EMPTY: Run = Run {
    start: u32::MAX,
    len: u32::MAX,
};

/// The map from feature hashes to weight runs.
#[derive(Debug, Clone, Default)]
pub struct FeatureIndex {
    /// `(key, run)`; one array, as keys and runs apart would cost two cache lines a lookup.
    slots: Vec<(u64, Run)>,
}

impl FeatureIndex {
    /// The index of `(key, run)` pairs; for a repeated key the last run wins (as a map's insert).
    /// Pairs already in ascending key order (model files) are placed without sorting.
    pub fn new(mut pairs: Vec<(u64, Run)>) -> FeatureIndex {
        if !pairs.windows(2).all(|p| p[0].0 <= p[1].0) {
            pairs.sort_by_key(|p| p.0);
        }
        // At most half full: probes stay short.
        let n = (pairs.len() * 2).max(8);
        let mut slots = vec![(0u64, EMPTY); n];
        let mut last_at: Option<usize> = None;
        for (i, &(key, row)) in pairs.iter().enumerate() {
            if i > 0 && pairs[i - 1].0 == key {
                if let Some(at) = last_at {
                    slots[at].1 = row;
                }
                continue;
            }
            let mut at = home(key, n);
            // Keys come in ascending order, so every slot before `at` that is taken belongs to a
            // smaller key; probing forward (wrapping) finds the first free one.
            while slots[at].1.start != EMPTY.start {
                at = if at + 1 == n { 0 } else { at + 1 };
            }
            slots[at] = (key, row);
            last_at = Some(at);
        }
        FeatureIndex { slots }
    }

    /// Ask the CPU to start loading the home slot of `key` (a hint: [`FeatureIndex::get`] of
    /// many keys after their prefetches has their cache misses in flight together, where one
    /// `get` after another waits for each miss in turn).
    #[inline]
    pub fn prefetch(&self, key: u64) {
        if !self.slots.is_empty() {
            prefetch(&self.slots[home(key, self.slots.len())]);
        }
    }

    /// The run of `key`, if it is stored.
    #[inline]
    pub fn get(&self, key: u64) -> Option<Run> {
        let n = self.slots.len();
        if n == 0 {
            return None;
        }
        let mut at = home(key, n);
        loop {
            let (k, row) = self.slots[at];
            if row.start == EMPTY.start {
                return None;
            }
            if k == key {
                return Some(row);
            }
            at = if at + 1 == n { 0 } else { at + 1 };
        }
    }

    /// Every `(key, run)`, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, Run)> + '_ {
        self.slots
            .iter()
            .copied()
            .filter(|s| s.1.start != EMPTY.start)
    }
}

/// Ask the CPU to start loading the cache line at `p`. Unlike a load, a prefetch does not hold up
/// the instructions behind it, so a loop of prefetches puts many cache misses in flight at once.
#[inline(always)]
pub fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it never faults and changes no memory or state that the
    // program can observe, and `p` is a valid reference anyway.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(p as *const T as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Home slot of a key: scaled by a multiply-high, so it grows with the key (feature keys are
/// hashes, uniform over `u64`).
#[inline]
fn home(key: u64, n: usize) -> usize {
    ((key as u128 * n as u128) >> 64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn finds_what_a_map_finds() {
        // Pseudo-random keys, some repeated, some clustered at the top of the range (wrapping).
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut pairs = Vec::new();
        for i in 0..5000u32 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let key = match i % 50 {
                0 => u64::MAX - u64::from(i % 7),
                1 => 0,
                _ => x,
            };
            pairs.push((key, Run { start: i, len: 1 }));
        }
        let map: HashMap<u64, Run> = pairs.iter().copied().collect();
        for sorted in [false, true] {
            let mut p = pairs.clone();
            if sorted {
                p.sort_by_key(|p| p.0);
                // Equal keys keep their order, so the last row of each key still wins.
            }
            let idx = FeatureIndex::new(p);
            assert_eq!(idx.iter().count(), map.len());
            for (&k, &r) in &map {
                assert_eq!(idx.get(k), Some(r), "key {k:x}");
            }
            let mut y = 12345u64;
            for _ in 0..5000 {
                y = y.wrapping_mul(6364136223846793005).wrapping_add(1);
                assert_eq!(idx.get(y), map.get(&y).copied());
            }
            let mut all: Vec<(u64, u32)> = idx.iter().map(|(k, r)| (k, r.start)).collect();
            all.sort();
            let mut want: Vec<(u64, u32)> = map.iter().map(|(&k, &r)| (k, r.start)).collect();
            want.sort();
            assert_eq!(all, want);
        }
        assert_eq!(FeatureIndex::default().get(7), None);
    }
}
