//! Feature hash → weight row: an open-addressing table (linear probing) whose home slot grows
//! with the key, so that keys inserted in ascending order, as model files store them, fill it
//! front to back. Loading the model into a `HashMap` wrote each key to a random place of a
//! 4 MB table, one cache miss per feature, and was most of the NER model's start-up cost
//! (issue 15). A lookup reads one 16-byte slot, usually in the line of its home. Besides its
//! row number a slot holds one `f32` of the caller's (the model keeps the weight of its last
//! tag there, so that the rest of a row fills exactly one cache line).

/// The row number of a free slot (keys may be any `u64`).
const EMPTY: u32 = u32::MAX;

/// The map from feature hashes to row numbers (with one `f32` each).
#[derive(Debug, Clone, Default)]
pub struct FeatureIndex {
    /// `(key, row, extra)`; one array, as keys and rows apart would cost two cache lines a
    /// lookup.
    slots: Vec<(u64, u32, f32)>,
}

impl FeatureIndex {
    /// The index of `(key, row, extra)` triples; for a repeated key the last row wins (as a
    /// map's insert). Triples already in ascending key order (model files) are placed without
    /// sorting.
    pub fn new(mut pairs: Vec<(u64, u32, f32)>) -> FeatureIndex {
        if !pairs.windows(2).all(|p| p[0].0 <= p[1].0) {
            pairs.sort_by_key(|p| p.0);
        }
        // At most half full: probes stay short.
        let n = (pairs.len() * 2).max(8);
        let mut slots = vec![(0u64, EMPTY, 0f32); n];
        let mut last_at: Option<usize> = None;
        for (i, &(key, row, extra)) in pairs.iter().enumerate() {
            if i > 0 && pairs[i - 1].0 == key {
                if let Some(at) = last_at {
                    slots[at] = (key, row, extra);
                }
                continue;
            }
            let mut at = home(key, n);
            // Keys come in ascending order, so every slot before `at` that is taken belongs to a
            // smaller key; probing forward (wrapping) finds the first free one.
            while slots[at].1 != EMPTY {
                at = if at + 1 == n { 0 } else { at + 1 };
            }
            slots[at] = (key, row, extra);
            last_at = Some(at);
        }
        FeatureIndex { slots }
    }

    /// The row of `key` and its `f32`, if it is stored.
    #[inline]
    pub fn get(&self, key: u64) -> Option<(u32, f32)> {
        let n = self.slots.len();
        if n == 0 {
            return None;
        }
        let mut at = home(key, n);
        loop {
            let (k, row, extra) = self.slots[at];
            if row == EMPTY {
                return None;
            }
            if k == key {
                return Some((row, extra));
            }
            at = if at + 1 == n { 0 } else { at + 1 };
        }
    }

    /// Every `(key, row)`, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.1 != EMPTY)
            .map(|&(k, row, _)| (k, row))
    }
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
            pairs.push((key, i, i as f32 * 0.5));
        }
        let map: HashMap<u64, u32> = pairs.iter().map(|p| (p.0, p.1)).collect();
        for sorted in [false, true] {
            let mut p = pairs.clone();
            if sorted {
                p.sort_by_key(|p| p.0);
                // Equal keys keep their order, so the last row of each key still wins.
            }
            let idx = FeatureIndex::new(p);
            assert_eq!(idx.iter().count(), map.len());
            for (&k, &r) in &map {
                assert_eq!(idx.get(k), Some((r, r as f32 * 0.5)), "key {k:x}");
            }
            let mut y = 12345u64;
            for _ in 0..5000 {
                y = y.wrapping_mul(6364136223846793005).wrapping_add(1);
                assert_eq!(idx.get(y).map(|g| g.0), map.get(&y).copied());
            }
            let mut all: Vec<(u64, u32)> = idx.iter().collect();
            all.sort();
            let mut want: Vec<(u64, u32)> = map.iter().map(|(&k, &r)| (k, r)).collect();
            want.sort();
            assert_eq!(all, want);
        }
        assert_eq!(FeatureIndex::default().get(7), None);
    }
}
