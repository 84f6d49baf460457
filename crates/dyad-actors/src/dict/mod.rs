//! The project's own actor dictionary: states, organisations, regions, agents (titles and group
//! nouns) and people with dated roles, read from the human-editable files in `data/actors/`.
//!
//! Loading validates every line and reports each problem as a [`Diagnostic`] (`path:line:
//! message`); a bad line is skipped and the rest still loads. The default files are embedded in the
//! binary; [`Dictionary::load_dir`] reads replacements from a directory.

mod binary;
mod parse;
pub(crate) use parse::pluralize;
pub mod people;
mod standalone;
mod user;

pub use user::{UserDicts, UserKind};

use people::Person;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

/// One problem found while loading a dictionary file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// File name or path.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Which dictionary file a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    /// `agents.txt`: titles and group nouns.
    Agents,
    /// `countries.txt`: states and territories.
    Countries,
    /// `orgs.txt`: organisations and groups.
    Orgs,
    /// `regions.txt`: regions and blocs.
    Regions,
    /// `people.txt`: people with dated roles.
    People,
}

impl FileKind {
    /// All kinds, in load order (agents first: people refer to their roles).
    pub const ALL: [FileKind; 5] = [
        FileKind::Agents,
        FileKind::Countries,
        FileKind::Orgs,
        FileKind::Regions,
        FileKind::People,
    ];

    /// The file name in `data/actors/`.
    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Agents => "agents.txt",
            FileKind::Countries => "countries.txt",
            FileKind::Orgs => "orgs.txt",
            FileKind::Regions => "regions.txt",
            FileKind::People => "people.txt",
        }
    }

    /// The generated file of this kind in `data/actors/generated/` (made by
    /// `scripts/extract-phoenix-actors.py`), if there is one.
    fn generated(self) -> Option<&'static str> {
        match self {
            FileKind::Agents => Some(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/actors/generated/agents.txt"
            ))),
            FileKind::Orgs => Some(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/actors/generated/orgs.txt"
            ))),
            FileKind::People => Some(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/actors/generated/people.txt"
            ))),
            FileKind::Countries | FileKind::Regions => None,
        }
    }

    fn embedded(self) -> &'static str {
        match self {
            FileKind::Agents => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/actors/agents.txt"
            )),
            FileKind::Countries => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/actors/countries.txt"
            )),
            FileKind::Orgs => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/actors/orgs.txt"
            )),
            FileKind::Regions => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/actors/regions.txt"
            )),
            FileKind::People => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/actors/people.txt"
            )),
        }
    }
}

/// Where a dictionary text comes from; on conflict the earlier tier wins (user files override the
/// curated files, which override the generated ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Tier {
    /// Given at run time (`dyad code --actors FILE`).
    User,
    /// The hand-written files in `data/actors/`.
    #[default]
    Curated,
    /// Extracted by a script (`data/actors/generated/`).
    Generated,
}

/// What a dictionary form means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    /// A state's name ("Ukraine").
    CountryName,
    /// A state's adjective or demonym ("Ukrainian").
    CountryAdjective,
    /// A capital or seat of power standing for a state organ ("Kremlin" → GOV).
    Metonym {
        /// Sector of the organ.
        sector: String,
    },
    /// An organisation, organ or group.
    Org {
        /// Sector of the organ, if any.
        sector: Option<String>,
    },
    /// A region's name ("Europe").
    RegionName,
    /// A region's adjective ("European").
    RegionAdjective,
    /// A title or group noun.
    Agent {
        /// CAMEO sector.
        sector: String,
        /// Office it names, if any.
        role: Option<String>,
        /// Whether the form is plural ("officials").
        plural: bool,
        /// Whether the noun denotes an actor on its own, without a country or name before it
        /// ("police", "protesters"; not "people" or "side"): flag `standalone` in agents.txt.
        standalone: bool,
        /// Whether the noun is also a given name: capitalised right before a capitalised surname
        /// that NER reads as one name with it, it is the first name ("Marine Le Pen"), not the
        /// agent: flag `given-name` in agents.txt.
        given_name: bool,
    },
    /// A modifier that makes an actor a former official ("former", "ex-").
    Former,
    /// A person (index into [`Dictionary::people`]).
    Person(usize),
}

/// One meaning of a surface form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Country, organisation or region code (empty for agents and people).
    pub code: String,
    /// Canonical name of the country, organisation or region (empty for agents and people).
    pub name: String,
    /// What the form is.
    pub kind: EntryKind,
}

impl Entry {
    /// Meaning class used to detect conflicting duplicates.
    fn class(&self) -> (u8, &str, &str, usize) {
        match &self.kind {
            EntryKind::Agent { sector, .. } => (1, sector, "", 0),
            EntryKind::Former => (2, "", "", 0),
            EntryKind::Person(i) => (3, "", "", *i),
            EntryKind::Org { sector } => (4, &self.code, sector.as_deref().unwrap_or(""), 0),
            _ => (0, &self.code, "", 0),
        }
    }
}

/// A surface form as written in the file, and its meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The form exactly as written (its capitals are checked against the text).
    pub written: String,
    /// Index into [`Dictionary::entries`].
    pub entry: usize,
}

/// The loaded actor dictionary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dictionary {
    /// Every meaning.
    pub entries: Vec<Entry>,
    /// Normalised form (see [`normalize_form`]) → its written variants.
    pub forms: BTreeMap<String, Vec<Form>>,
    /// People.
    pub people: Vec<Person>,
    /// Canonical names by country, organisation and region code.
    pub names: BTreeMap<String, String>,
    /// Every role named in `agents.txt`.
    pub roles: BTreeSet<String>,
    person_index: BTreeMap<String, usize>,
    /// Tier of each entry (parallel to `entries`).
    entry_tier: Vec<Tier>,
    /// Tier of each person (parallel to `people`).
    person_tier: Vec<Tier>,
    /// Tier of the code behind each canonical name in `names`.
    code_tier: BTreeMap<String, Tier>,
    /// Tier of the text being parsed.
    tier: Tier,
    /// People holding each (country, named role) at some time, for [`Dictionary::holders`].
    role_index: BTreeMap<(String, String), Vec<usize>>,
    /// People by the last word of their canonical name, lower case, for [`Dictionary::by_surname`].
    surname_index: BTreeMap<String, Vec<usize>>,
}

/// One dictionary text to load.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// Which file it is.
    pub kind: FileKind,
    /// Name used in diagnostics (a path).
    pub name: &'a str,
    /// The file's text.
    pub text: &'a str,
}

impl Dictionary {
    /// The embedded texts: the curated files and the generated ones, with their tiers.
    pub fn embedded_sources() -> Vec<(Tier, Source<'static>)> {
        const CURATED: [&str; 5] = [
            "data/actors/agents.txt",
            "data/actors/countries.txt",
            "data/actors/orgs.txt",
            "data/actors/regions.txt",
            "data/actors/people.txt",
        ];
        const GENERATED: [&str; 5] = [
            "data/actors/generated/agents.txt",
            "",
            "data/actors/generated/orgs.txt",
            "",
            "data/actors/generated/people.txt",
        ];
        let mut out = Vec::new();
        for (i, kind) in FileKind::ALL.into_iter().enumerate() {
            out.push((
                Tier::Curated,
                Source {
                    kind,
                    name: CURATED[i],
                    text: kind.embedded(),
                },
            ));
            if let Some(text) = kind.generated() {
                out.push((
                    Tier::Generated,
                    Source {
                        kind,
                        name: GENERATED[i],
                        text,
                    },
                ));
            }
        }
        out
    }

    /// Only the curated files (no generated knowledge), for comparisons and small tests.
    pub fn curated_only() -> Dictionary {
        let sources: Vec<(Tier, Source)> = Self::embedded_sources()
            .into_iter()
            .filter(|(t, _)| *t == Tier::Curated)
            .collect();
        Self::from_tiered_sources(&sources).0
    }

    /// Reads the dictionary files from `dir`; a file missing there is taken from the embedded
    /// defaults. The embedded generated files are loaded under them as usual.
    pub fn load_dir(dir: impl AsRef<Path>) -> std::io::Result<(Dictionary, Vec<Diagnostic>)> {
        let mut texts = Vec::new();
        for kind in FileKind::ALL {
            let path = dir.as_ref().join(kind.file_name());
            if path.exists() {
                texts.push((
                    kind,
                    path.display().to_string(),
                    std::fs::read_to_string(&path)?,
                ));
            } else {
                texts.push((
                    kind,
                    format!("<embedded>/{}", kind.file_name()),
                    kind.embedded().to_string(),
                ));
            }
        }
        let mut sources: Vec<(Tier, Source)> = texts
            .iter()
            .map(|(kind, name, text)| {
                (
                    Tier::Curated,
                    Source {
                        kind: *kind,
                        name,
                        text,
                    },
                )
            })
            .collect();
        // The generated knowledge stays underneath.
        sources.extend(
            Self::embedded_sources()
                .into_iter()
                .filter(|(t, _)| *t == Tier::Generated),
        );
        Ok(Self::from_tiered_sources(&sources))
    }

    /// Builds a dictionary from texts, validating every line.
    pub fn from_sources(sources: &[Source]) -> (Dictionary, Vec<Diagnostic>) {
        let tiered: Vec<(Tier, Source)> = sources.iter().map(|s| (Tier::Curated, *s)).collect();
        Self::from_tiered_sources(&tiered)
    }

    /// Builds a dictionary from texts of several tiers, validating every line. Files are read by
    /// kind (agents first: people refer to their roles), and within a kind by tier. A form, code or
    /// person that an earlier tier already defines is skipped silently (the earlier tier wins); a
    /// conflict inside one tier is reported.
    pub fn from_tiered_sources(sources: &[(Tier, Source)]) -> (Dictionary, Vec<Diagnostic>) {
        let mut sorted: Vec<&(Tier, Source)> = sources.iter().collect();
        sorted.sort_by_key(|(t, s)| (s.kind, *t));
        let mut d = Dictionary::default();
        let mut diags = Vec::new();
        for (tier, s) in sorted {
            d.tier = *tier;
            parse::parse_file(&mut d, s, &mut diags);
        }
        d.tier = Tier::default();
        d.inherit_standalone();
        for (i, p) in d.people.iter().enumerate() {
            if let Some(last) = p.name.rsplit(' ').next().filter(|w| w.chars().count() >= 3) {
                d.surname_index
                    .entry(last.to_lowercase())
                    .or_default()
                    .push(i);
            }
            for r in p.roles.iter().filter(|r| !r.role.is_empty()) {
                let held = d
                    .role_index
                    .entry((r.country.clone(), r.role.clone()))
                    .or_default();
                if held.last() != Some(&i) {
                    held.push(i);
                }
            }
        }
        (d, diags)
    }

    /// Tier of an entry.
    pub fn entry_tier(&self, entry: usize) -> Tier {
        self.entry_tier.get(entry).copied().unwrap_or_default()
    }

    /// Adds a meaning with its forms; reports forms that already mean something else.
    fn add(
        &mut self,
        entry: Entry,
        forms: &[String],
        at: (&str, usize),
        diags: &mut Vec<Diagnostic>,
    ) {
        let idx = self.entries.len();
        self.entries.push(entry);
        self.entry_tier.push(self.tier);
        let class = self.entries[idx].class();
        for f in forms {
            let key = normalize_form(f);
            if key.is_empty() {
                continue;
            }
            let variants = self.forms.entry(key).or_default();
            let tiers = &self.entry_tier;
            // A later tier overrides what an earlier-loaded, lower tier says; a higher tier wins.
            variants
                .retain(|v| self.entries[v.entry].class() == class || tiers[v.entry] <= self.tier);
            if let Some(other) = variants
                .iter()
                .find(|v| self.entries[v.entry].class() != class)
            {
                if self.entry_tier[other.entry] < self.tier {
                    continue;
                }
                diags.push(Diagnostic {
                    file: at.0.to_string(),
                    line: at.1,
                    message: format!(
                        "`{f}` already means something else (`{}`)",
                        describe(&self.entries[other.entry])
                    ),
                });
                continue;
            }
            if !variants.iter().any(|v| v.written == *f) {
                variants.push(Form {
                    written: f.clone(),
                    entry: idx,
                });
            }
        }
    }

    /// The person with this canonical name.
    pub fn person(&self, name: &str) -> Option<&Person> {
        self.person_index.get(name).map(|&i| &self.people[i])
    }

    /// Index of the person with this canonical name.
    pub fn person_id(&self, name: &str) -> Option<usize> {
        self.person_index.get(name).copied()
    }

    /// People whose canonical name ends with `surname` (any case), as people indices.
    pub fn by_surname(&self, surname: &str) -> &[usize] {
        self.surname_index
            .get(&surname.to_lowercase())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Everyone who held `role` for `country` on `date` (with no date: now), as people indices.
    pub fn holders(
        &self,
        country: &str,
        role: &str,
        date: Option<chrono::NaiveDate>,
    ) -> Vec<usize> {
        let mut out = Vec::new();
        let key = (country.to_string(), role.to_string());
        let candidates = self.role_index.get(&key).map(Vec::as_slice).unwrap_or(&[]);
        for &i in candidates {
            let p = &self.people[i];
            let holds = p.roles.iter().any(|r| {
                r.country == country
                    && r.role == role
                    && match date {
                        Some(d) => r.holds(d),
                        None => r.to.is_none(),
                    }
            });
            if holds {
                out.push(i);
            }
        }
        out
    }

    /// The one person who held `role` for `country` on `date`; `None` if nobody or several did.
    pub fn holder(
        &self,
        country: &str,
        role: &str,
        date: Option<chrono::NaiveDate>,
    ) -> Option<usize> {
        let mut all = self.holders(country, role, date);
        if let (Some(d), true) = (date, all.len() > 1) {
            // On a handover day the incoming holder wins.
            let held = |i: usize, f: &dyn Fn(&people::Role) -> bool| {
                self.people[i]
                    .roles
                    .iter()
                    .any(|r| r.country == country && r.role == role && f(r))
            };
            if all.iter().any(|&i| held(i, &|r| r.from == d)) {
                all.retain(|&i| !held(i, &|r| r.to == Some(d)));
            }
        }
        match all.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

fn describe(e: &Entry) -> String {
    match &e.kind {
        EntryKind::Agent { sector, .. } => format!("agent {sector}"),
        EntryKind::Former => "former".into(),
        EntryKind::Person(_) => "a person".into(),
        _ => e.code.clone(),
    }
}

/// Normalises a form or text for matching: lower case, curly quotes and dashes made plain, runs of
/// spaces and tabs collapsed to one space.
pub fn normalize_form(s: &str) -> String {
    let t = s.trim();
    // Fast path for plain ASCII forms (nearly all of them), same result as the general one.
    if t.bytes()
        .all(|b| b.is_ascii() && b != b'\t' && b != b'`' && b != b'\r')
        && !t.contains("  ")
    {
        return t.to_ascii_lowercase();
    }
    crate::norm::normalize(s).0.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const AGENTS: &str = "GOV | president | president\nGOV | - | minister\n";
    const COUNTRIES: &str = "AAA | Aland; Alandia | Alandian | \nBBB | Borduria | Bordurian | \n";

    fn src(kind: FileKind, name: &'static str, text: &'static str) -> Source<'static> {
        Source { kind, name, text }
    }

    fn load(extra: &[(Tier, Source<'static>)]) -> (Dictionary, Vec<String>) {
        let mut s = vec![
            (Tier::Curated, src(FileKind::Agents, "agents.txt", AGENTS)),
            (
                Tier::Curated,
                src(FileKind::Countries, "countries.txt", COUNTRIES),
            ),
            (
                Tier::Curated,
                src(
                    FileKind::People,
                    "people.txt",
                    "Ann Lee | Lee | f | AAA | GOV | president | 2001 | 2004\n",
                ),
            ),
        ];
        s.extend_from_slice(extra);
        let (d, diags) = Dictionary::from_tiered_sources(&s);
        (d, diags.iter().map(ToString::to_string).collect())
    }

    fn person_of(d: &Dictionary, form: &str) -> Option<String> {
        d.forms
            .get(&normalize_form(form))?
            .iter()
            .find_map(|v| match d.entries[v.entry].kind {
                EntryKind::Person(i) => Some(d.people[i].name.clone()),
                _ => None,
            })
    }

    #[test]
    fn curated_entries_win_over_generated_ones_quietly() {
        let generated = src(
            FileKind::People,
            "gen/people.txt",
            "Ann Lee | | f | BBB | MIL | - | 1990 | 1995\n\
             Bo Lee | Lee | m | BBB | GOV | - | | 2010\n\
             Cy Kay | | m | BBB | GOV | - | 2003-02 |\n",
        );
        let (d, diags) = load(&[(Tier::Generated, generated)]);
        assert!(diags.is_empty(), "{diags:?}");
        // The curated Ann Lee keeps only her own line; "Lee" stays hers.
        let ann = d.person("Ann Lee").unwrap();
        assert_eq!(ann.roles.len(), 1);
        assert_eq!(person_of(&d, "Lee").as_deref(), Some("Ann Lee"));
        // A generated person without a named office: coded, but with no role.
        let bo = d.person("Bo Lee").unwrap();
        assert_eq!(bo.roles[0].from, NaiveDate::MIN, "empty start");
        let st = d
            .person("Cy Kay")
            .unwrap()
            .at(NaiveDate::from_ymd_opt(2004, 1, 1));
        let st = st.unwrap();
        assert_eq!((st.country, st.sector, st.role), ("BBB", Some("GOV"), None));
    }

    #[test]
    fn user_entries_override_and_same_tier_conflicts_are_reported() {
        let user = src(
            FileKind::People,
            "user/people.txt",
            "Dee Lee | Lee | f | BBB | GOV | president | 2020 |\n",
        );
        let (d, diags) = load(&[(Tier::User, user)]);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(person_of(&d, "Lee").as_deref(), Some("Dee Lee"));
        assert!(person_of(&d, "Ann Lee").is_some(), "the rest stays");

        let twice = src(
            FileKind::People,
            "gen/people.txt",
            "Eve Moe | Moe | f | BBB | GOV | - | 2001 |\nFay Moe | Moe | f | BBB | GOV | - | 2001 |\n",
        );
        let (_, diags) = load(&[(Tier::Generated, twice)]);
        assert_eq!(
            diags,
            vec!["gen/people.txt:2: `Moe` already means something else (`a person`)".to_string()]
        );
    }

    #[test]
    fn a_curated_code_claimed_first_by_a_generated_organisation_is_not_a_duplicate() {
        let orgs = src(FileKind::Orgs, "gen/orgs.txt", "RRR | BUS | Rim Traders\n");
        let regions = src(
            FileKind::Regions,
            "regions.txt",
            "RRR | the Rim | Rimmish\n",
        );
        let (d, diags) = load(&[(Tier::Generated, orgs), (Tier::Curated, regions)]);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.names["RRR"], "the Rim");
    }
}
