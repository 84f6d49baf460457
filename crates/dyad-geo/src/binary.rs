//! A compact binary form of a loaded [`Gazetteer`], written at build time by `build.rs` from the
//! text sources under `data/geo/` and read back on every run by [`Gazetteer::embedded`].
//!
//! The text files stay the source of truth: the build script regenerates this form whenever they (or
//! the loading code) change, and a test checks that the embedded gazetteer equals the one
//! [`Gazetteer::from_sources`] builds from the text. Integers are little-endian; floats are stored
//! as their bits, so coordinates round-trip exactly.

use crate::gazetteer::{Cues, Entry, Feature, Gazetteer, NameKind, NameRef, Policy};
use crate::index::NameIndex;

/// Start of every blob: format name and version.
const MAGIC: &[u8; 8] = b"DYADGZ01";

const FEATURES: [Feature; 15] = [
    Feature::Country,
    Feature::Admin1,
    Feature::City,
    Feature::Continent,
    Feature::Sea,
    Feature::Ocean,
    Feature::Gulf,
    Feature::Strait,
    Feature::Canal,
    Feature::Lake,
    Feature::River,
    Feature::Peninsula,
    Feature::Island,
    Feature::Region,
    Feature::Coast,
];

const POLICIES: [Policy; 3] = [Policy::Never, Policy::Evidence, Policy::Person];
const KINDS: [NameKind; 3] = [NameKind::Primary, NameKind::Alternate, NameKind::Alias];

fn position<T: PartialEq>(all: &[T], x: &T) -> u8 {
    all.iter().position(|y| y == x).expect("listed") as u8
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: usize) {
        self.0
            .extend_from_slice(&u32::try_from(v).expect("fits u32").to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn u32s(&mut self, v: &[u32]) {
        self.u32(v.len());
        for &x in v {
            self.u32(x as usize);
        }
    }
}

/// Reads a blob; `None` at any inconsistency (a truncated or foreign blob).
struct Reader<'a> {
    b: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.b.len() {
            return None;
        }
        let (head, rest) = self.b.split_at(n);
        self.b = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn len(&mut self) -> Option<usize> {
        Some(self.u32()? as usize)
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len()?;
        let bytes = self.take(n.checked_mul(4)?)?;
        Some(
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }
    fn pick<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(self.u8()? as usize).copied()
    }
}

/// Sorted `(key, value)` pairs of a map, so the blob does not depend on iteration order.
fn sorted<'m, V>(map: impl IntoIterator<Item = (&'m String, &'m V)>) -> Vec<(&'m String, &'m V)> {
    let mut v: Vec<_> = map.into_iter().collect();
    v.sort_unstable_by(|a, b| a.0.cmp(b.0));
    v
}

fn cue_bits(c: &Cues) -> u8 {
    [
        c.locative, c.evidence, c.after, c.before, c.region, c.city, c.country,
    ]
    .iter()
    .enumerate()
    .fold(0, |acc, (i, &b)| acc | (u8::from(b) << i))
}

fn cues_of(bits: u8) -> Cues {
    let on = |i: u8| bits & (1 << i) != 0;
    Cues {
        locative: on(0),
        evidence: on(1),
        after: on(2),
        before: on(3),
        region: on(4),
        city: on(5),
        country: on(6),
    }
}

impl Gazetteer {
    /// The binary form of this gazetteer (after loading; see the module documentation).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(MAGIC.to_vec());
        w.u32(self.entries.len());
        for e in &self.entries {
            w.str(&e.name);
            match &e.country {
                Some(c) => {
                    w.u8(1);
                    w.str(c);
                }
                None => w.u8(0),
            }
            w.str(&e.admin1);
            w.u64(e.population);
            w.u64(e.lat.to_bits());
            w.u64(e.lon.to_bits());
            w.u8(position(&FEATURES, &e.feature));
            w.u32(e.neighbours.len());
            for n in &e.neighbours {
                w.str(n);
            }
            w.u8(u8::from(e.hand));
        }
        let ix = &self.index;
        w.u32(ix.bits as usize);
        w.u32s(&ix.slots);
        w.str(&ix.text);
        w.u32s(&ix.key_at);
        w.u32s(&ix.ref_at);
        w.u32(ix.refs.len());
        for r in &ix.refs {
            w.u32(r.entry as usize);
            w.u8(position(&KINDS, &r.kind) | (u8::from(r.caps) << 4));
        }
        let policies = sorted(&self.policies);
        w.u32(policies.len());
        for (k, p) in policies {
            w.str(k);
            w.u8(position(&POLICIES, p));
        }
        let cues = sorted(&self.cues);
        w.u32(cues.len());
        for (k, c) in cues {
            w.str(k);
            w.u8(cue_bits(c));
        }
        let countries = sorted(&self.countries);
        w.u32(countries.len());
        for (k, &i) in countries {
            w.str(k);
            w.u32(i as usize);
        }
        w.u32(self.max_words);
        w.0
    }

    /// Read a gazetteer written by [`Gazetteer::to_bytes`]; `None` if the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Gazetteer> {
        let mut r = Reader { b: bytes };
        if r.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let mut g = Gazetteer::default();
        let n = r.len()?;
        g.entries.reserve(n);
        for _ in 0..n {
            let name = r.str()?.to_string();
            let country = match r.u8()? {
                0 => None,
                _ => Some(r.str()?.to_string()),
            };
            let admin1 = r.str()?.to_string();
            let population = r.u64()?;
            let lat = f64::from_bits(r.u64()?);
            let lon = f64::from_bits(r.u64()?);
            let feature = r.pick(&FEATURES)?;
            let neighbours = (0..r.len()?)
                .map(|_| r.str().map(str::to_string))
                .collect::<Option<Vec<_>>>()?;
            let hand = r.u8()? != 0;
            g.entries.push(Entry {
                name,
                country,
                admin1,
                population,
                lat,
                lon,
                feature,
                neighbours,
                hand,
            });
        }
        let bits = r.u32()?;
        let slots = r.u32s()?;
        let text = r.str()?.to_string();
        let key_at = r.u32s()?;
        let ref_at = r.u32s()?;
        let n = r.len()?;
        let mut refs = Vec::with_capacity(n);
        for _ in 0..n {
            let entry = r.u32()?;
            let b = r.u8()?;
            refs.push(NameRef {
                entry,
                kind: *KINDS.get(usize::from(b & 0xf))?,
                caps: b & 0x10 != 0,
            });
        }
        // Check what lookups index by, so a damaged blob cannot make a lookup panic.
        let keys = key_at.len().checked_sub(1)?;
        let sound = slots.len() == 1usize.checked_shl(bits)?
            && bits < 32
            && ref_at.len() == key_at.len()
            && slots.iter().all(|&s| s as usize <= keys)
            && key_at.windows(2).all(|w| {
                w[0] <= w[1]
                    && text.is_char_boundary(w[0] as usize)
                    && text.is_char_boundary(w[1] as usize)
            })
            && ref_at
                .windows(2)
                .all(|w| w[0] <= w[1] && w[1] as usize <= refs.len())
            && refs.iter().all(|r| (r.entry as usize) < g.entries.len());
        if !sound {
            return None;
        }
        g.index = NameIndex {
            slots,
            bits,
            text,
            key_at,
            ref_at,
            refs,
        };
        for _ in 0..r.len()? {
            let k = r.str()?.to_string();
            g.policies.insert(k, r.pick(&POLICIES)?);
        }
        for _ in 0..r.len()? {
            let k = r.str()?.to_string();
            g.cues.insert(k, cues_of(r.u8()?));
        }
        for _ in 0..r.len()? {
            let k = r.str()?.to_string();
            let i = r.u32()?;
            if i as usize >= g.entries.len() {
                return None;
            }
            g.countries.insert(k, i);
        }
        g.max_words = r.len()?;
        r.b.is_empty().then_some(g)
    }
}
