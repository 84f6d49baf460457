//! Stable 64-bit hashing for feature keys.
//!
//! Feature keys must be identical across runs, platforms and Rust versions (they are stored in the
//! committed model files), so we use our own FNV-1a + SplitMix64 finaliser rather than `std`'s
//! randomly seeded hasher.

/// SplitMix64 finaliser: a cheap bijective bit mixer.
#[inline]
pub const fn mix(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// FNV-1a offset basis: the state of [`StrHasher`] before any input.
const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// Hash of a string (FNV-1a, then mixed). A `const fn`, so that the hashes of fixed markers
/// (`<ROOT>`, `<S>`) are worked out at compile time, not for every feature that uses them.
#[inline]
pub const fn str_hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h: u64 = FNV_BASIS;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    mix(h)
}

/// [`str_hash`] fed piece by piece, to hash a string that is never built: feeding the pieces
/// of a string gives that string's hash.
#[derive(Debug, Clone, Copy)]
pub struct StrHasher(u64);

impl Default for StrHasher {
    fn default() -> Self {
        StrHasher(FNV_BASIS)
    }
}

impl StrHasher {
    /// Feed the UTF-8 bytes of `c`.
    #[inline]
    pub fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// The hash of everything fed so far.
    #[inline]
    pub fn finish(&self) -> u64 {
        mix(self.0)
    }
}

/// Feature key of template `t` with one atomic value.
#[inline]
pub fn f1(t: u64, a: u64) -> u64 {
    mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a)
}

/// Feature key of template `t` with two atomic values.
#[inline]
pub fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(f1(t, a) ^ b.rotate_left(23).wrapping_mul(0xc2b2_ae3d_27d4_eb4f))
}

/// Feature key of template `t` with three atomic values.
#[inline]
pub fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(f2(t, a, b) ^ c.rotate_left(41).wrapping_mul(0x1656_67b1_9e37_79f9))
}

/// Identity hasher for maps keyed by already-mixed `u64` keys.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

/// `HashMap` builder for [`IdHasher`].
pub type IdBuild = std::hash::BuildHasherDefault<IdHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_distinct() {
        assert_eq!(str_hash("abc"), str_hash("abc"));
        assert_ne!(str_hash("abc"), str_hash("abd"));
        assert_ne!(f2(1, 2, 3), f2(1, 3, 2));
        assert_ne!(f1(1, 5), f1(2, 5));
    }
}
