//! Dictionaries given at run time (`dyad code --actors FILE… --agents FILE… --petrarch-dicts DIR`):
//! they are loaded as the [`Tier::User`] tier on top of the embedded files, so they add to and
//! override the shipped knowledge.
//!
//! - Dyad-format files (`docs/dictionaries.md`): the kind of an `--actors` file is read from its
//!   name (`…people.txt`, `…orgs.txt`, `…countries.txt`, `…regions.txt`, `…agents.txt`), else from
//!   the field count of its first record (8 = people, 4 = countries, 3 = organisations). Every
//!   problem is an error `file:line: message`.
//! - PETRARCH/TABARI dictionaries (`DIR/*.actors.txt`, `DIR/*agents*.txt`) are read by the
//!   lenient loaders of [`crate::petrarch`] and converted: an entry with date-restricted codes
//!   becomes a person with one dated role per code, an entry with an unrestricted code an
//!   organisation (or, for a bare country code, another name of the country's actor), an agent
//!   `[~SECTOR]` an agent noun. Codes are mapped by `data/actors/phoenix-codes.txt`. Problems are
//!   warnings that name the PETRARCH file and line (PETRARCH itself skips bad lines too).

use super::{Diagnostic, Dictionary, FileKind, Source, Tier};
use crate::petrarch::{self, DateRestriction, PetrActor};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The flag a user dictionary file was given with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserKind {
    /// `--actors`: people, organisations, countries or regions.
    Actors,
    /// `--agents`: titles and group nouns.
    Agents,
}

/// User dictionaries to load over the embedded ones.
#[derive(Debug, Clone, Default)]
pub struct UserDicts {
    /// Dyad-format actor files (`--actors`).
    pub actors: Vec<PathBuf>,
    /// Dyad-format agent files (`--agents`).
    pub agents: Vec<PathBuf>,
    /// A directory of PETRARCH/TABARI dictionaries (`--petrarch-dicts`).
    pub petrarch_dir: Option<PathBuf>,
}

/// A text to parse and where its lines come from.
struct Text {
    kind: FileKind,
    name: String,
    text: String,
    /// For converted PETRARCH entries: the original `file:line` of each line of `text`.
    origins: Option<Vec<(String, usize)>>,
}

const CODE_MAP_NAME: &str = "data/actors/phoenix-codes.txt";
const CODE_MAP: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/actors/phoenix-codes.txt"
));

impl UserDicts {
    /// Whether no user dictionary was given.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.agents.is_empty() && self.petrarch_dir.is_none()
    }

    /// The embedded dictionary with the user's files on top. Fails when a file cannot be read or
    /// a Dyad-format file has problems (all of them listed, one `file:line: message` per line);
    /// otherwise returns the dictionary and the warnings of the PETRARCH conversion.
    pub fn load(&self) -> Result<(Dictionary, Vec<Diagnostic>), String> {
        let mut texts = Vec::new();
        for (paths, flag) in [
            (&self.actors, UserKind::Actors),
            (&self.agents, UserKind::Agents),
        ] {
            for p in paths {
                let text =
                    std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
                let name = p.display().to_string();
                let kind = kind_of(p, &text, flag).map_err(|m| format!("{name}: {m}"))?;
                texts.push(Text {
                    kind,
                    name,
                    text,
                    origins: None,
                });
            }
        }
        let mut warnings = Vec::new();
        if let Some(dir) = &self.petrarch_dir {
            let known = known_codes(&texts);
            texts.extend(convert_petrarch(dir, &known, &mut warnings)?);
        }
        let mut sources: Vec<(Tier, Source)> = texts
            .iter()
            .map(|t| {
                (
                    Tier::User,
                    Source {
                        kind: t.kind,
                        name: &t.name,
                        text: &t.text,
                    },
                )
            })
            .collect();
        sources.extend(Dictionary::embedded_sources());
        let (dict, diags) = Dictionary::from_tiered_sources(&sources);
        let mut errors = Vec::new();
        for mut d in diags {
            match texts.iter().find(|t| t.name == d.file) {
                Some(Text {
                    origins: Some(o), ..
                }) => {
                    if let Some((file, line)) = o.get(d.line.wrapping_sub(1)) {
                        d.file = file.clone();
                        d.line = *line;
                    }
                    warnings.push(d);
                }
                Some(_) => errors.push(d.to_string()),
                None => warnings.push(d),
            }
        }
        if errors.is_empty() {
            Ok((dict, warnings))
        } else {
            Err(errors.join("\n"))
        }
    }
}

/// The kind of a user file: from its name, else from the field count of its first record.
fn kind_of(path: &Path, text: &str, flag: UserKind) -> Result<FileKind, String> {
    if flag == UserKind::Agents {
        return Ok(FileKind::Agents);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    for kind in FileKind::ALL {
        if name.ends_with(kind.file_name()) {
            return Ok(kind);
        }
    }
    let first = text.lines().find(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#')
    });
    match first.map(|l| l.split(" #").next().unwrap_or(l).split('|').count()) {
        Some(8) => Ok(FileKind::People),
        Some(4) => Ok(FileKind::Countries),
        Some(3) => Ok(FileKind::Orgs),
        None => Ok(FileKind::Orgs),
        Some(n) => Err(format!(
            "cannot tell the kind of dictionary: name it …people.txt, …orgs.txt, …countries.txt or \
             …regions.txt, or use 8 (people), 4 (countries) or 3 (organisations) fields, not {n}"
        )),
    }
}

/// Country, region and organisation codes of the embedded files and the user's own.
fn known_codes(user: &[Text]) -> BTreeSet<String> {
    let mut texts: Vec<(FileKind, &str)> = Dictionary::embedded_sources()
        .into_iter()
        .map(|(_, s)| (s.kind, s.text))
        .collect();
    texts.extend(user.iter().map(|t| (t.kind, t.text.as_str())));
    let mut out = BTreeSet::new();
    for (kind, text) in texts {
        if !matches!(
            kind,
            FileKind::Countries | FileKind::Regions | FileKind::Orgs
        ) {
            continue;
        }
        for line in text.lines() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            if let Some((code, _)) = line.split_once('|') {
                out.insert(code.trim().to_string());
            }
        }
    }
    out
}

/// `data/actors/phoenix-codes.txt`.
#[derive(Debug, Default)]
struct CodeMap {
    /// (prefix, code or `*`, sector), longest prefix first.
    prefixes: Vec<(String, String, Option<String>)>,
    sectors: BTreeMap<String, String>,
    religions: BTreeSet<String>,
}

impl CodeMap {
    fn embedded(warnings: &mut Vec<Diagnostic>) -> CodeMap {
        let mut m = CodeMap::default();
        for (i, raw) in CODE_MAP.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            match f.as_slice() {
                ["prefix", p, c, s] => m.prefixes.push((
                    p.to_string(),
                    c.to_string(),
                    (*s != "-").then(|| s.to_string()),
                )),
                ["sector", c, s] => {
                    m.sectors.insert(c.to_string(), s.to_string());
                }
                ["religion", c] => {
                    m.religions.insert(c.to_string());
                }
                _ => warnings.push(Diagnostic {
                    file: CODE_MAP_NAME.into(),
                    line: i + 1,
                    message: "expected `prefix | P | CODE | SECTOR`, `sector | C | S` or \
                              `religion | C`"
                        .into(),
                }),
            }
        }
        m.prefixes
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        m
    }

    /// The first sector group of `rest` (three letters at a time).
    fn sector_of(&self, rest: &str) -> Option<String> {
        (0..rest.len() / 3)
            .filter_map(|i| rest.get(i * 3..i * 3 + 3))
            .find_map(|g| self.sectors.get(g).cloned())
    }

    /// A Phoenix actor code as (Dyad code, sector); `None` when its country is unknown.
    fn actor(&self, code: &str, known: &BTreeSet<String>) -> Option<(String, Option<String>)> {
        for (prefix, target, sector) in &self.prefixes {
            if let Some(rest) = code.strip_prefix(prefix.as_str()) {
                let (target, rest) = if target == "*" {
                    (rest.get(..3)?.to_string(), rest.get(3..).unwrap_or(""))
                } else {
                    (target.clone(), rest)
                };
                return known.contains(&target).then(|| {
                    let s = sector.clone().or_else(|| self.sector_of(rest));
                    (target, s)
                });
            }
        }
        let country = code.get(..3)?;
        known
            .contains(country)
            .then(|| (country.to_string(), self.sector_of(&code[3..])))
    }

    /// An agent code (`GOVMED`) as a Dyad sector.
    fn agent(&self, code: &str) -> Option<String> {
        self.sector_of(code).or_else(|| {
            (0..code.len() / 3)
                .filter_map(|i| code.get(i * 3..i * 3 + 3))
                .any(|g| self.religions.contains(g))
                .then(|| "REL".to_string())
        })
    }
}

/// Words written in lower case in converted names (particles, function words).
const LOWER: &[&str] = &[
    "al", "el", "ul", "ud", "bin", "ibn", "bint", "de", "da", "di", "du", "del", "della", "der",
    "den", "des", "dos", "das", "van", "von", "la", "le", "of", "the", "and", "for", "in", "on",
    "at", "to", "y", "e", "et", "und", "ben", "en", "por", "para", "las", "los", "les",
];

/// A PETRARCH phrase (upper-case words) as a Dyad form: "BARACK OBAMA" → "Barack Obama"; for
/// organisations, acronyms (no vowel, two letters, a one-word name of up to five letters) stay
/// in capitals. Lower-case letters of a form match either case, so the result stays lenient.
pub(crate) fn phrase_form(words: &[String], org: bool) -> Option<String> {
    let start = words
        .iter()
        .position(|w| w != "THE" && w != "A")
        .unwrap_or(words.len());
    let words = &words[start..];
    let single = words.len() == 1;
    let out: Vec<String> = words
        .iter()
        .map(|w| {
            let lw = w.to_lowercase();
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let vowel = w.chars().any(|c| "AEIOUY".contains(c));
            if LOWER.contains(&lw.as_str()) {
                lw
            } else if w.contains('.')
                || w.chars().any(|c| c.is_ascii_digit())
                || letters == 0
                || (org && (!vowel || letters == 2 || (single && letters <= 5)))
            {
                // Abbreviations, numbers and organisation acronyms keep their capitals.
                w.clone()
            } else {
                let mut cs = lw.chars();
                match cs.next() {
                    Some(c) => c.to_uppercase().chain(cs).collect(),
                    None => lw,
                }
            }
        })
        .collect();
    let form = out.join(" ");
    let ok = form.chars().filter(|c| c.is_alphanumeric()).count() >= 2
        && !form.contains(['|', ';', '#']);
    ok.then_some(form)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Reads and converts the PETRARCH dictionaries of `dir`.
fn convert_petrarch(
    dir: &Path,
    known: &BTreeSet<String>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<Text>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let lower = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default()
    };
    let actor_files: Vec<&PathBuf> = files
        .iter()
        .filter(|p| lower(p).ends_with(".actors.txt"))
        .collect();
    let agent_files: Vec<&PathBuf> = files
        .iter()
        .filter(|p| lower(p).contains("agents") && lower(p).ends_with(".txt"))
        .collect();
    if actor_files.is_empty() && agent_files.is_empty() {
        return Err(format!(
            "{}: no PETRARCH dictionaries (*.actors.txt, *agents*.txt) in this directory",
            dir.display()
        ));
    }
    let map = CodeMap::embedded(warnings);
    let parse_warning = |w: &str| {
        // The loaders' warnings read `path:line: message`.
        let mut it = w.rsplitn(2, ": ");
        let message = it.next().unwrap_or("").to_string();
        let at = it.next().unwrap_or("");
        let (file, line) = at.rsplit_once(':').unwrap_or((at, "0"));
        Diagnostic {
            file: file.to_string(),
            line: line.parse().unwrap_or(0),
            message,
        }
    };
    let mut actors = petrarch::PetrActors::default();
    for f in &actor_files {
        actors.load_file(f).map_err(|e| e.to_string())?;
    }
    warnings.extend(actors.warnings().iter().map(|w| parse_warning(w)));

    let mut people = (String::new(), Vec::new());
    let mut orgs = (String::new(), Vec::new());
    let line = |out: &mut (String, Vec<(String, usize)>), text: String, e: &PetrActor| {
        out.0.push_str(&text);
        out.0.push('\n');
        out.1.push(e.origin.clone());
    };
    for e in actors.entries() {
        let warn = |warnings: &mut Vec<Diagnostic>, message: String| {
            warnings.push(Diagnostic {
                file: e.origin.0.clone(),
                line: e.origin.1,
                message,
            })
        };
        let dated: Vec<_> = e
            .codes
            .iter()
            .filter(|c| c.when != DateRestriction::Always)
            .collect();
        let person = !dated.is_empty();
        let forms: Vec<String> = e
            .phrases
            .iter()
            .filter_map(|p| phrase_form(p, !person))
            .collect();
        let Some(name) = forms.first() else {
            warn(warnings, "no usable phrase".into());
            continue;
        };
        if person {
            let mut first = true;
            for c in dated {
                let Some(code) = c.codes.first() else {
                    continue;
                };
                let Some((country, Some(sector))) = map.actor(code, known) else {
                    warn(
                        warnings,
                        format!("`{code}`: unknown country or no sector; code skipped"),
                    );
                    continue;
                };
                let (from, to) = match c.when {
                    DateRestriction::Before(d) => (String::new(), d.pred_opt().map(iso)),
                    DateRestriction::From(d) => (iso(d), None),
                    DateRestriction::Between(a, b) => (iso(a), Some(iso(b))),
                    DateRestriction::Always => continue,
                };
                let aliases = if first {
                    forms[1..].join("; ")
                } else {
                    String::new()
                };
                first = false;
                let to = to.unwrap_or_default();
                line(
                    &mut people,
                    format!("{name} | {aliases} | - | {country} | {sector} | - | {from} | {to}"),
                    e,
                );
            }
        } else {
            let Some(code) = e.codes.iter().find_map(|c| c.codes.first()) else {
                continue;
            };
            if code == "---" {
                continue;
            }
            let Some((target, sector)) = map.actor(code, known) else {
                warn(
                    warnings,
                    format!("`{code}`: unknown country; entry skipped"),
                );
                continue;
            };
            let sector = sector.unwrap_or_else(|| "-".into());
            line(
                &mut orgs,
                format!("{target} | {sector} | {}", forms.join("; ")),
                e,
            );
        }
    }
    let at = dir.display().to_string();
    let mut texts = vec![
        Text {
            kind: FileKind::People,
            name: format!("{at}/*.actors.txt (people)"),
            text: people.0,
            origins: Some(people.1),
        },
        Text {
            kind: FileKind::Orgs,
            name: format!("{at}/*.actors.txt (organisations)"),
            text: orgs.0,
            origins: Some(orgs.1),
        },
    ];
    for f in agent_files {
        let agents = petrarch::load_agents(f).map_err(|e| e.to_string())?;
        warnings.extend(agents.warnings().iter().map(|w| parse_warning(w)));
        let phrases = agents.phrases();
        let all: BTreeSet<String> = phrases.iter().map(|(p, _)| p.to_lowercase()).collect();
        let plural_of_other = |p: &str| {
            all.iter()
                .any(|q| q != p && super::parse::pluralize(q).as_deref() == Some(p))
        };
        let (mut text, mut origins) = (String::new(), Vec::new());
        let name = f.display().to_string();
        for (phrase, codes) in &phrases {
            let form = phrase.to_lowercase();
            if plural_of_other(&form) || form.contains(['|', ';', '#']) {
                continue;
            }
            let Some(sector) = codes
                .iter()
                .find(|c| !c.prefix)
                .and_then(|c| map.agent(&c.code))
            else {
                continue;
            };
            text.push_str(&format!("{sector} | - | {form}\n"));
            origins.push((name.clone(), 0));
        }
        texts.push(Text {
            kind: FileKind::Agents,
            name: format!("{name} (agents)"),
            text,
            origins: Some(origins),
        });
    }
    Ok(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn phrases_become_matchable_forms() {
        assert_eq!(
            phrase_form(&words("BARACK OBAMA"), false).as_deref(),
            Some("Barack Obama")
        );
        assert_eq!(
            phrase_form(&words("BAN KI-MOON"), false).as_deref(),
            Some("Ban Ki-moon")
        );
        assert_eq!(
            phrase_form(&words("ABU BAKR AL BAGHDADI"), false).as_deref(),
            Some("Abu Bakr al Baghdadi")
        );
        assert_eq!(
            phrase_form(&words("THE UNITED NATIONS"), true).as_deref(),
            Some("United Nations")
        );
        assert_eq!(phrase_form(&words("PKK"), true).as_deref(), Some("PKK"));
        assert_eq!(
            phrase_form(&words("U.S. ARMY"), true).as_deref(),
            Some("U.S. Army")
        );
    }

    #[test]
    fn codes_map_to_dyad_codes() {
        let mut w = Vec::new();
        let m = CodeMap::embedded(&mut w);
        assert!(w.is_empty(), "{w:?}");
        let known: BTreeSet<String> = ["AFG", "USA", "UN", "IAEA", "IMG"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let a = |c: &str| m.actor(c, &known);
        assert_eq!(a("AFGGOVAGR"), Some(("AFG".into(), Some("GOV".into()))));
        assert_eq!(a("AFGINS"), Some(("AFG".into(), Some("REB".into()))));
        assert_eq!(a("AFG"), Some(("AFG".into(), None)));
        assert_eq!(a("MNCUSA"), Some(("USA".into(), Some("BUS".into()))));
        assert_eq!(a("IGOUNOIAE"), Some(("IAEA".into(), None)));
        assert_eq!(a("IGOUNO"), Some(("UN".into(), None)));
        assert_eq!(a("XYZGOV"), None);
        assert_eq!(m.agent("GOVMED").as_deref(), Some("GOV"));
        assert_eq!(m.agent("MUS").as_deref(), Some("REL"));
        assert_eq!(m.agent("RAD"), None);
    }
}
