//! Near-duplicate text detection: word shingles, MinHash signatures and LSH bands.
//!
//! Hand-written (about a hundred lines) rather than a crate: the signature must be identical on
//! every machine and every build, because signatures are stored in the database and compared with
//! later documents; a fixed FNV-1a hash and a fixed seed sequence guarantee that.

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Hash functions per signature.
pub const HASHES: usize = 128;
/// LSH bands (`HASHES / BANDS` rows each): two texts with Jaccard similarity 0.6 share a band
/// with probability 0.99, at 0.3 with probability 0.23.
pub const BANDS: usize = 32;
const ROWS: usize = HASHES / BANDS;

/// A MinHash signature.
pub type Signature = Vec<u32>;

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// splitmix64: derives the per-function hash of a shingle from its base hash.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Lower-cased words of letters and digits: punctuation, quotes and spacing edits do not count.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Hashes of the text's word shingles (one shingle of all words when the text is shorter).
pub fn shingles(text: &str) -> Vec<u64> {
    let w = words(text);
    if w.is_empty() {
        return Vec::new();
    }
    let n = SHINGLE.min(w.len());
    let mut out: Vec<u64> = w
        .windows(n)
        .map(|s| {
            // FNV-1a over the words with a separator, without building the joined string.
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for word in s {
                for b in word.bytes().chain(std::iter::once(b' ')) {
                    h ^= b as u64;
                    h = h.wrapping_mul(0x0100_0000_01b3);
                }
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The MinHash signature of a text; `None` for a text without words.
pub fn signature(text: &str) -> Option<Signature> {
    let sh = shingles(text);
    if sh.is_empty() {
        return None;
    }
    // Hash function i is x ↦ high 32 bits of (a_i·mix(x) + b_i) with odd a_i: one multiply
    // per function and shingle.
    let ab: Vec<(u64, u64)> = (0..HASHES as u64)
        .map(|i| (mix(2 * i + 1) | 1, mix(2 * i + 2)))
        .collect();
    let mut sig = vec![u32::MAX; HASHES];
    for s in sh {
        let x = mix(s);
        for (slot, (a, b)) in sig.iter_mut().zip(&ab) {
            let h = (a.wrapping_mul(x).wrapping_add(*b) >> 32) as u32;
            if h < *slot {
                *slot = h;
            }
        }
    }
    Some(sig)
}

/// Estimated Jaccard similarity: the share of equal positions.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / HASHES as f64
}

/// One hash per band, as signed integers for SQLite.
pub fn bands(sig: &[u32]) -> Vec<i64> {
    sig.chunks(ROWS)
        .map(|rows| {
            let mut bytes = Vec::with_capacity(ROWS * 4);
            for r in rows {
                bytes.extend_from_slice(&r.to_le_bytes());
            }
            fnv1a(&bytes) as i64
        })
        .collect()
}

/// Signature as a little-endian blob, and back.
pub fn to_blob(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Signature from a blob written by [`to_blob`]; `None` when the length is wrong.
pub fn from_blob(b: &[u8]) -> Option<Signature> {
    (b.len() == HASHES * 4).then(|| {
        b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The foreign ministers of Norland and Suvia met in Geneva on Tuesday and \
        agreed to resume talks on the disputed border next month, officials from both sides said. \
        The meeting lasted four hours and ended with a joint statement calling for calm along the \
        frontier, where clashes last week left two soldiers dead.";

    #[test]
    fn copies_with_small_edits_are_similar_and_other_stories_are_not() {
        let edited = STORY
            .replace("Tuesday", "Tuesday, Reuters reported")
            .replace("four hours", "nearly four hours");
        let other =
            "Heavy rain flooded the capital of Suvia on Sunday, cutting power to thousands \
            of homes and closing schools, the city's mayor told a news conference.";
        let (a, b, c) = (
            signature(STORY).unwrap(),
            signature(&edited).unwrap(),
            signature(other).unwrap(),
        );
        assert!(similarity(&a, &b) > 0.6, "{}", similarity(&a, &b));
        assert!(similarity(&a, &c) < 0.1, "{}", similarity(&a, &c));
        assert!(bands(&a).iter().zip(bands(&b)).any(|(x, y)| *x == y));
        assert_eq!(from_blob(&to_blob(&a)).unwrap(), a);
        assert!(signature(" ,. ").is_none());
    }
}
