//! The gazetteer: places with coordinates, and the name index the mention scanner looks up.
//!
//! Built once from five text sources (all embedded in the binary by default, see `docs/data.md`):
//! the generated `gazetteer.tsv.gz` (countries, first-level regions, cities, continents from GeoNames
//! data), and the hand-written `features.tsv` (seas, straits, named regions), `aliases.tsv` (extra
//! names and preferred readings), `ambiguous.tsv` (names that are also common words) and `cues.tsv`
//! (words around names). Every line is validated; errors name the file and line. The embedded
//! gazetteer is loaded from these at build time and read back from its binary form
//! (`build.rs`, `binary.rs`, [`Gazetteer::embedded`]).

use crate::index::NameIndex;
use crate::text::{name_key, split_words};
use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::io::Read;

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Feature {
    /// A sovereign state or dependent territory (ISO 3166-1).
    Country,
    /// A GeoNames first-level administrative division (state, oblast, province).
    Admin1,
    /// A populated place.
    City,
    /// A continent.
    Continent,
    /// A sea.
    Sea,
    /// An ocean.
    Ocean,
    /// A gulf or bay.
    Gulf,
    /// A strait.
    Strait,
    /// A canal.
    Canal,
    /// A lake.
    Lake,
    /// A river.
    River,
    /// A peninsula.
    Peninsula,
    /// An island.
    Island,
    /// A named region that is not an administrative unit ("Donbas", "Sahel").
    Region,
    /// A coast.
    Coast,
}

impl Feature {
    /// The feature-class name written to output (`country`, `region`, `city`, `sea`, …).
    /// First-level divisions and named regions are both `region`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Feature::Country => "country",
            Feature::Admin1 | Feature::Region => "region",
            Feature::City => "city",
            Feature::Continent => "continent",
            Feature::Sea => "sea",
            Feature::Ocean => "ocean",
            Feature::Gulf => "gulf",
            Feature::Strait => "strait",
            Feature::Canal => "canal",
            Feature::Lake => "lake",
            Feature::River => "river",
            Feature::Peninsula => "peninsula",
            Feature::Island => "island",
            Feature::Coast => "coast",
        }
    }

    fn from_hand(s: &str) -> Option<Feature> {
        Some(match s {
            "sea" => Feature::Sea,
            "ocean" => Feature::Ocean,
            "gulf" => Feature::Gulf,
            "strait" => Feature::Strait,
            "canal" => Feature::Canal,
            "lake" => Feature::Lake,
            "river" => Feature::River,
            "peninsula" => Feature::Peninsula,
            "island" => Feature::Island,
            "region" => Feature::Region,
            "coast" => Feature::Coast,
            _ => return None,
        })
    }
}

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Canonical name.
    pub name: String,
    /// ISO 3166-1 alpha-3 country (`None` for continents, seas and multi-state regions).
    pub country: Option<String>,
    /// GeoNames admin1 code within the country (regions and cities; empty otherwise).
    pub admin1: String,
    /// Population (0 when unknown).
    pub population: u64,
    /// Latitude, WGS84.
    pub lat: f64,
    /// Longitude, WGS84.
    pub lon: f64,
    /// Feature class.
    pub feature: Feature,
    /// Neighbouring countries (alpha-3; countries only).
    pub neighbours: Vec<String>,
    /// Written by hand (`features.tsv`) rather than generated.
    pub hand: bool,
}

/// How a name denotes an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// The entry's canonical name.
    Primary,
    /// A GeoNames alternate name (often a foreign spelling).
    Alternate,
    /// A hand-written alias: the preferred reading of the name.
    Alias,
}

/// One reading of a name: which entry, and how the name denotes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameRef {
    /// Index into [`Gazetteer::entries`].
    pub entry: u32,
    /// Primary, alternate or alias.
    pub kind: NameKind,
    /// The name is written in capitals ("US", "UAE"): it matches only capitalised text.
    pub caps: bool,
}

/// How a name that is also a common word or person name is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Never a place mention.
    Never,
    /// A place only with evidence (NER, a cue word, a pattern, country context).
    Evidence,
    /// A common person name: a place only with NER, a locative preposition or a pattern.
    Person,
}

/// Classes of cue words (a word may have several).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cues {
    /// A locative preposition.
    pub locative: bool,
    /// A word before a name that shows it is a place without locating an event ("of").
    pub evidence: bool,
    /// May follow a place name.
    pub after: bool,
    /// May precede a place name.
    pub before: bool,
    /// Marks a first-level region.
    pub region: bool,
    /// Marks a city.
    pub city: bool,
    /// Marks a country.
    pub country: bool,
}

/// One bad line in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// File name (as given to the loader).
    pub file: String,
    /// One-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// The gazetteer could not be loaded: every bad line, in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The bad lines.
    pub errors: Vec<LineError>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

/// The text of the five data sources a gazetteer is built from.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// `gazetteer.tsv` (decompressed) and the name to use in errors.
    pub gazetteer: (&'a str, &'a str),
    /// `features.tsv`.
    pub features: (&'a str, &'a str),
    /// `aliases.tsv`.
    pub aliases: (&'a str, &'a str),
    /// `ambiguous.tsv`.
    pub ambiguous: (&'a str, &'a str),
    /// `cues.tsv`.
    pub cues: (&'a str, &'a str),
}

/// The embedded default data (see `docs/data.md`).
pub mod embedded {
    /// `data/geo/gazetteer.tsv.gz`, generated by `scripts/build-gazetteer.py`.
    pub const GAZETTEER_GZ: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/geo/gazetteer.tsv.gz"
    ));
    /// `data/geo/features.tsv`.
    pub const FEATURES: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/geo/features.tsv"
    ));
    /// `data/geo/aliases.tsv`.
    pub const ALIASES: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/geo/aliases.tsv"
    ));
    /// `data/geo/ambiguous.tsv`.
    pub const AMBIGUOUS: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/geo/ambiguous.tsv"
    ));
    /// `data/geo/cues.tsv`.
    pub const CUES: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/geo/cues.tsv"
    ));
}

/// Places, their names, and the word lists the place stage uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gazetteer {
    /// All places: generated entries first, then hand-written features.
    pub entries: Vec<Entry>,
    /// Name keys to readings, built from `names` at the end of loading.
    pub(crate) index: NameIndex,
    /// Names added while loading (empty once loaded).
    names: HashMap<String, Vec<NameRef>>,
    pub(crate) policies: HashMap<String, Policy>,
    pub(crate) cues: HashMap<String, Cues>,
    pub(crate) countries: HashMap<String, u32>,
    pub(crate) max_words: usize,
}

/// Decompress a gzip byte string into text.
pub fn gunzip(bytes: &[u8], file: &str) -> Result<String, LoadError> {
    let mut out = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut out)
        .map_err(|e| LoadError {
            errors: vec![LineError {
                file: file.into(),
                line: 0,
                message: format!("cannot decompress: {e}"),
            }],
        })?;
    Ok(out)
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

fn parse_coord(s: &str, max: f64, what: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{what} `{s}` is not a number"))?;
    if !v.is_finite() || v.abs() > max {
        return Err(format!("{what} {v} out of range ±{max}"));
    }
    Ok(v)
}

fn check_iso3(s: &str) -> Result<(), String> {
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(format!("country `{s}` is not an ISO alpha-3 code"))
    }
}

impl Gazetteer {
    /// Build a gazetteer from the text of its sources, validating every line.
    pub fn from_sources(src: Sources<'_>) -> Result<Gazetteer, LoadError> {
        let mut g = Gazetteer::default();
        // Size the index once: about three names per line (rehashing dominated the load time).
        let lines = src.gazetteer.0.bytes().filter(|&b| b == b'\n').count();
        g.names.reserve(lines * 7 / 2);
        g.entries.reserve(lines + 128);
        let mut errors = Vec::new();
        g.load_gazetteer(src.gazetteer, &mut errors);
        g.load_features(src.features, &mut errors);
        g.load_aliases(src.aliases, &mut errors);
        g.load_ambiguous(src.ambiguous, &mut errors);
        g.load_cues(src.cues, &mut errors);
        g.index = NameIndex::build(std::mem::take(&mut g.names));
        if errors.is_empty() {
            Ok(g)
        } else {
            Err(LoadError { errors })
        }
    }

    fn add_name(&mut self, name: &str, r: NameRef) {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        let words = key.split(' ').count();
        self.max_words = self.max_words.max(words);
        let r = NameRef {
            caps: crate::text::is_all_caps(name),
            ..r
        };
        let refs = self.names.entry(key).or_default();
        // One reading per entry: keep the strongest way the name denotes it.
        if let Some(old) = refs.iter_mut().find(|o| o.entry == r.entry) {
            if r.kind == NameKind::Alias
                || (r.kind == NameKind::Primary && old.kind == NameKind::Alternate)
            {
                old.kind = r.kind;
            }
            old.caps &= r.caps;
        } else {
            refs.push(r);
        }
    }

    fn load_gazetteer(&mut self, (text, file): (&str, &str), errors: &mut Vec<LineError>) {
        for (line, l) in data_lines(text) {
            let err = |message: String| LineError {
                file: file.into(),
                line,
                message,
            };
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() != 9 {
                errors.push(err(format!(
                    "expected 9 tab-separated fields, found {}",
                    f.len()
                )));
                continue;
            }
            let feature = match f[0] {
                "country" => Feature::Country,
                "region" => Feature::Admin1,
                "city" => Feature::City,
                "continent" => Feature::Continent,
                other => {
                    errors.push(err(format!(
                        "unknown kind `{other}` (country, region, city, continent)"
                    )));
                    continue;
                }
            };
            let name = f[1].trim();
            if name.is_empty() {
                errors.push(err("empty name".into()));
                continue;
            }
            let country = if f[2].is_empty() && feature == Feature::Continent {
                None
            } else if let Err(m) = check_iso3(f[2]) {
                errors.push(err(m));
                continue;
            } else {
                Some(f[2].to_string())
            };
            let population: u64 = match f[4].parse() {
                Ok(p) => p,
                Err(_) => {
                    errors.push(err(format!("population `{}` is not a whole number", f[4])));
                    continue;
                }
            };
            let (lat, lon) = match (
                parse_coord(f[5], 90.0, "latitude"),
                parse_coord(f[6], 180.0, "longitude"),
            ) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(m), _) | (_, Err(m)) => {
                    errors.push(err(m));
                    continue;
                }
            };
            let neighbours: Vec<String> = f[8]
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            if let Some(bad) = neighbours.iter().find(|n| check_iso3(n).is_err()) {
                errors.push(err(format!("neighbour `{bad}` is not an ISO alpha-3 code")));
                continue;
            }
            let id = self.entries.len() as u32;
            if feature == Feature::Country {
                if let Some(c) = &country {
                    self.countries.insert(c.clone(), id);
                }
            }
            self.entries.push(Entry {
                name: name.to_string(),
                country,
                admin1: f[3].to_string(),
                population,
                lat,
                lon,
                feature,
                neighbours,
                hand: false,
            });
            self.add_name(
                name,
                NameRef {
                    entry: id,
                    kind: NameKind::Primary,
                    caps: false,
                },
            );
            for alt in f[7].split('|').filter(|a| !a.trim().is_empty()) {
                self.add_name(
                    alt,
                    NameRef {
                        entry: id,
                        kind: NameKind::Alternate,
                        caps: false,
                    },
                );
            }
        }
    }

    fn load_features(&mut self, (text, file): (&str, &str), errors: &mut Vec<LineError>) {
        for (line, l) in data_lines(text) {
            let err = |message: String| LineError {
                file: file.into(),
                line,
                message,
            };
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() != 6 {
                errors.push(err(format!(
                    "expected 6 tab-separated fields, found {}",
                    f.len()
                )));
                continue;
            }
            let name = f[0].trim();
            if name.is_empty() {
                errors.push(err("empty name".into()));
                continue;
            }
            let Some(feature) = Feature::from_hand(f[2]) else {
                errors.push(err(format!(
                    "unknown feature `{}` (sea, ocean, gulf, strait, canal, lake, river, peninsula, island, region, coast)",
                    f[2]
                )));
                continue;
            };
            let country = match f[3] {
                "-" => None,
                c if check_iso3(c).is_ok() && self.countries.contains_key(c) => Some(c.to_string()),
                c => {
                    errors.push(err(format!(
                        "country `{c}` is not a gazetteer country (ISO alpha-3 or -)"
                    )));
                    continue;
                }
            };
            let (lat, lon) = match (
                parse_coord(f[4], 90.0, "latitude"),
                parse_coord(f[5], 180.0, "longitude"),
            ) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(m), _) | (_, Err(m)) => {
                    errors.push(err(m));
                    continue;
                }
            };
            let id = self.entries.len() as u32;
            self.entries.push(Entry {
                name: name.to_string(),
                country,
                admin1: String::new(),
                population: 0,
                lat,
                lon,
                feature,
                neighbours: Vec::new(),
                hand: true,
            });
            self.add_name(
                name,
                NameRef {
                    entry: id,
                    kind: NameKind::Alias,
                    caps: false,
                },
            );
            for alt in f[1]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty() && *a != "-")
            {
                self.add_name(
                    alt,
                    NameRef {
                        entry: id,
                        kind: NameKind::Alias,
                        caps: false,
                    },
                );
            }
        }
    }

    fn load_aliases(&mut self, (text, file): (&str, &str), errors: &mut Vec<LineError>) {
        for (line, l) in data_lines(text) {
            let err = |message: String| LineError {
                file: file.into(),
                line,
                message,
            };
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() != 4 {
                errors.push(err(format!(
                    "expected 4 tab-separated fields, found {}",
                    f.len()
                )));
                continue;
            }
            let (alias, kind, country, target) = (f[0].trim(), f[1], f[2], f[3].trim());
            if alias.is_empty() {
                errors.push(err("empty alias".into()));
                continue;
            }
            let feature = match kind {
                "country" => Feature::Country,
                "region" => Feature::Admin1,
                "city" => Feature::City,
                other => {
                    errors.push(err(format!(
                        "unknown kind `{other}` (country, region, city)"
                    )));
                    continue;
                }
            };
            let found = if feature == Feature::Country {
                self.countries.get(country).copied()
            } else {
                self.entries
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| {
                        e.feature == feature
                            && e.country.as_deref() == Some(country)
                            && e.name == target
                    })
                    .max_by_key(|(i, e)| (e.population, std::cmp::Reverse(*i)))
                    .map(|(i, _)| i as u32)
            };
            match found {
                Some(id) => self.add_name(
                    alias,
                    NameRef {
                        entry: id,
                        kind: NameKind::Alias,
                        caps: false,
                    },
                ),
                None => errors.push(err(format!(
                    "no {kind} `{target}` in {country} in the gazetteer"
                ))),
            }
        }
    }

    fn load_ambiguous(&mut self, (text, file): (&str, &str), errors: &mut Vec<LineError>) {
        for (line, l) in data_lines(text) {
            let err = |message: String| LineError {
                file: file.into(),
                line,
                message,
            };
            let f: Vec<&str> = l.split('\t').collect();
            let policy = match f.as_slice() {
                [_, "never"] => Policy::Never,
                [_, "evidence"] => Policy::Evidence,
                [_, "person"] => Policy::Person,
                [_, other] => {
                    errors.push(err(format!(
                        "unknown policy `{other}` (never, evidence, person)"
                    )));
                    continue;
                }
                _ => {
                    errors.push(err(format!(
                        "expected 2 tab-separated fields, found {}",
                        f.len()
                    )));
                    continue;
                }
            };
            let key = name_key(f[0]);
            if key.is_empty() {
                errors.push(err("empty name".into()));
            } else if self.policies.insert(key, policy).is_some() {
                errors.push(err(format!("`{}` is listed twice", f[0].trim())));
            }
        }
    }

    fn load_cues(&mut self, (text, file): (&str, &str), errors: &mut Vec<LineError>) {
        for (line, l) in data_lines(text) {
            let err = |message: String| LineError {
                file: file.into(),
                line,
                message,
            };
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() != 2 || split_words(f[0]).len() != 1 {
                errors.push(err("expected `word<TAB>class` with a single word".into()));
                continue;
            }
            let c = self.cues.entry(f[0].trim().to_lowercase()).or_default();
            let slot = match f[1] {
                "locative" => &mut c.locative,
                "evidence" => &mut c.evidence,
                "after" => &mut c.after,
                "before" => &mut c.before,
                "region" => &mut c.region,
                "city" => &mut c.city,
                "country" => &mut c.country,
                other => {
                    errors.push(err(format!(
                        "unknown class `{other}` (locative, evidence, after, before, region, city, country)"
                    )));
                    continue;
                }
            };
            if *slot {
                errors.push(err(format!("`{}` {} is listed twice", f[0], f[1])));
            }
            *slot = true;
        }
    }

    /// Readings of a name key (see [`crate::text::name_key`]).
    pub fn lookup(&self, key: &str) -> &[NameRef] {
        self.index.get(key)
    }

    /// Readings of a place name as written ("Kyiv", "Black Sea").
    pub fn lookup_name(&self, name: &str) -> &[NameRef] {
        self.lookup(&name_key(name))
    }

    /// The entry at `i`.
    pub fn entry(&self, r: NameRef) -> &Entry {
        &self.entries[r.entry as usize]
    }

    /// The country entry for an alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Entry> {
        self.countries.get(iso3).map(|&i| &self.entries[i as usize])
    }

    /// The policy for an ambiguous name key, if listed.
    pub fn policy(&self, key: &str) -> Option<Policy> {
        self.policies.get(key).copied()
    }

    /// Cue classes of a word (case-insensitive; empty when not a cue).
    pub fn cues(&self, word: &str) -> Cues {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.cues
                .get(&word.to_lowercase())
                .copied()
                .unwrap_or_default()
        } else {
            self.cues.get(word).copied().unwrap_or_default()
        }
    }

    /// The longest name, in words.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Number of distinct name keys.
    pub fn name_count(&self) -> usize {
        self.index.len()
    }

    /// All name keys, in sorted order.
    pub fn name_keys(&self) -> impl Iterator<Item = &str> {
        self.index.keys()
    }
}
