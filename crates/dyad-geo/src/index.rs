//! The name index: name keys to their readings, as one open-addressing hash table over flat arrays.
//!
//! Flat arrays (one string of all keys, one array of all readings) instead of a map of owned
//! strings, so that the index can be written at build time and read back by a few copies (see
//! `binary.rs`): building it from the text sources on every run was most of the gazetteer's load.

use crate::gazetteer::NameRef;
use rustc_hash::FxHashMap as HashMap;

/// Name keys and their readings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NameIndex {
    /// Hash table: 0 is an empty slot, otherwise a key number plus one. Length `1 << bits`.
    pub(crate) slots: Vec<u32>,
    /// log2 of the table length.
    pub(crate) bits: u32,
    /// All keys, concatenated in key order.
    pub(crate) text: String,
    /// Key `k` is `text[key_at[k]..key_at[k + 1]]`.
    pub(crate) key_at: Vec<u32>,
    /// Readings of key `k` are `refs[ref_at[k]..ref_at[k + 1]]`.
    pub(crate) ref_at: Vec<u32>,
    /// All readings, grouped by key.
    pub(crate) refs: Vec<NameRef>,
}

/// A hash of a key, fixed here (not the standard library's) so that a table written at build time
/// is read the same on every platform: FxHash-style, eight bytes at a time.
fn hash(key: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h: u64 = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K)
}

impl NameIndex {
    /// Build the index from a map of keys to readings; keys are laid out in sorted order so the
    /// result does not depend on the map's iteration order.
    pub fn build(map: HashMap<String, Vec<NameRef>>) -> NameIndex {
        let mut entries: Vec<(String, Vec<NameRef>)> = map.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // At most half full, at least 16 slots.
        let bits = (entries.len().max(8) * 2)
            .next_power_of_two()
            .trailing_zeros();
        let mut ix = NameIndex {
            slots: vec![0; 1 << bits],
            bits,
            text: String::new(),
            key_at: vec![0],
            ref_at: vec![0],
            refs: Vec::new(),
        };
        for (k, (key, refs)) in entries.into_iter().enumerate() {
            let mut i = ix.home(key.as_bytes());
            while ix.slots[i] != 0 {
                i = (i + 1) & (ix.slots.len() - 1);
            }
            ix.slots[i] = k as u32 + 1;
            ix.text.push_str(&key);
            ix.key_at.push(ix.text.len() as u32);
            ix.refs.extend(refs);
            ix.ref_at.push(ix.refs.len() as u32);
        }
        ix
    }

    /// The first slot to probe: the hash's high bits, which mix all input bits.
    fn home(&self, key: &[u8]) -> usize {
        (hash(key) >> (64 - self.bits)) as usize
    }

    /// Key number `k`.
    fn key(&self, k: usize) -> &str {
        &self.text[self.key_at[k] as usize..self.key_at[k + 1] as usize]
    }

    /// Readings of a key (empty when the key is not in the index).
    pub fn get(&self, key: &str) -> &[NameRef] {
        if self.slots.is_empty() {
            return &[];
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key.as_bytes());
        loop {
            let s = self.slots[i] as usize;
            if s == 0 {
                return &[];
            }
            if self.key(s - 1) == key {
                return &self.refs[self.ref_at[s - 1] as usize..self.ref_at[s] as usize];
            }
            i = (i + 1) & mask;
        }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.key_at.len().saturating_sub(1)
    }

    /// All keys, in sorted order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|k| self.key(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::NameKind;

    fn r(entry: u32) -> NameRef {
        NameRef {
            entry,
            kind: NameKind::Primary,
            caps: false,
        }
    }

    #[test]
    fn finds_every_key_and_only_those() {
        let mut map = HashMap::default();
        for i in 0..1000u32 {
            map.insert(format!("name {i}"), vec![r(i), r(i + 1)]);
        }
        map.insert(String::new(), vec![r(7)]);
        let ix = NameIndex::build(map.clone());
        assert_eq!(ix.len(), 1001);
        for (k, v) in &map {
            assert_eq!(ix.get(k), v.as_slice(), "{k}");
        }
        assert!(ix.get("name 1000").is_empty() && ix.get("nam").is_empty());
        let keys: Vec<&str> = ix.keys().collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        assert!(NameIndex::default().get("x").is_empty());
    }
}
