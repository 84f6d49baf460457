//! A compact binary form of a loaded [`Dictionary`] (with the diagnostics of its load), written at
//! build time by `build.rs` from the embedded text files in `data/actors/` and read back by
//! [`Dictionary::embedded`]: parsing and validating some 30,000 lines of curated and generated
//! text was the largest part of start-up (issue 15).
//!
//! The text files stay the only source: the build script regenerates this form whenever they or
//! the loader change, and a test checks that the embedded dictionary equals the one
//! [`Dictionary::from_tiered_sources`] builds from the text. Dictionaries with user files
//! (`UserDicts::load`) are still built from text, the user tier over the embedded texts.
//! Integers are little-endian; dates are days from the Common Era.

use super::people::{Gender, Person, Role};
use super::{Diagnostic, Dictionary, Entry, EntryKind, Form, Tier};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// Start of every blob: format name and version.
const MAGIC: &[u8; 8] = b"DYADAD01";

const TIERS: [Tier; 3] = [Tier::User, Tier::Curated, Tier::Generated];
const GENDERS: [Gender; 3] = [Gender::Male, Gender::Female, Gender::Unknown];

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
    fn str(&mut self, s: &str) {
        self.u32(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }
    fn date(&mut self, d: NaiveDate) {
        self.0
            .extend_from_slice(&chrono::Datelike::num_days_from_ce(&d).to_le_bytes());
    }
    fn tier(&mut self, t: Tier) {
        self.u8(position(&TIERS, &t));
    }
    fn indices(&mut self, v: &[usize]) {
        self.u32(v.len());
        for &i in v {
            self.u32(i);
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
    fn u32(&mut self) -> Option<usize> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?) as usize)
    }
    fn str(&mut self) -> Option<&'a str> {
        let n = self.u32()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    fn string(&mut self) -> Option<String> {
        self.str().map(String::from)
    }
    fn opt_string(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.string()?)),
            _ => None,
        }
    }
    fn date(&mut self) -> Option<NaiveDate> {
        let days = i32::from_le_bytes(self.take(4)?.try_into().ok()?);
        NaiveDate::from_num_days_from_ce_opt(days)
    }
    fn tier(&mut self) -> Option<Tier> {
        TIERS.get(self.u8()? as usize).copied()
    }
    fn indices(&mut self) -> Option<Vec<usize>> {
        let n = self.u32()?;
        (0..n).map(|_| self.u32()).collect()
    }
    /// `n` items read by `f`, with room reserved for at most what the blob can hold.
    fn list<T>(&mut self, f: impl Fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.u32()?;
        let mut out = Vec::with_capacity(n.min(self.b.len()));
        for _ in 0..n {
            out.push(f(self)?);
        }
        Some(out)
    }
}

fn write_entry(w: &mut Writer, e: &Entry) {
    w.str(&e.code);
    w.str(&e.name);
    match &e.kind {
        EntryKind::CountryName => w.u8(0),
        EntryKind::CountryAdjective => w.u8(1),
        EntryKind::Metonym { sector } => {
            w.u8(2);
            w.str(sector);
        }
        EntryKind::Org { sector } => {
            w.u8(3);
            w.opt_str(sector.as_deref());
        }
        EntryKind::RegionName => w.u8(4),
        EntryKind::RegionAdjective => w.u8(5),
        EntryKind::Agent {
            sector,
            role,
            plural,
            standalone,
            given_name,
        } => {
            w.u8(6);
            w.str(sector);
            w.opt_str(role.as_deref());
            w.u8(u8::from(*plural) | u8::from(*standalone) << 1 | u8::from(*given_name) << 2);
        }
        EntryKind::Former => w.u8(7),
        EntryKind::Person(i) => {
            w.u8(8);
            w.u32(*i);
        }
    }
}

fn read_entry(r: &mut Reader) -> Option<Entry> {
    let code = r.string()?;
    let name = r.string()?;
    let kind = match r.u8()? {
        0 => EntryKind::CountryName,
        1 => EntryKind::CountryAdjective,
        2 => EntryKind::Metonym {
            sector: r.string()?,
        },
        3 => EntryKind::Org {
            sector: r.opt_string()?,
        },
        4 => EntryKind::RegionName,
        5 => EntryKind::RegionAdjective,
        6 => {
            let sector = r.string()?;
            let role = r.opt_string()?;
            let flags = r.u8()?;
            EntryKind::Agent {
                sector,
                role,
                plural: flags & 1 != 0,
                standalone: flags & 2 != 0,
                given_name: flags & 4 != 0,
            }
        }
        7 => EntryKind::Former,
        8 => EntryKind::Person(r.u32()?),
        _ => return None,
    };
    Some(Entry { code, name, kind })
}

fn write_person(w: &mut Writer, p: &Person) {
    w.str(&p.name);
    w.u32(p.aliases.len());
    for a in &p.aliases {
        w.str(a);
    }
    w.u8(position(&GENDERS, &p.gender));
    w.u32(p.roles.len());
    for r in &p.roles {
        w.str(&r.country);
        w.str(&r.sector);
        w.str(&r.role);
        w.date(r.from);
        match r.to {
            None => w.u8(0),
            Some(t) => {
                w.u8(1);
                w.date(t);
            }
        }
    }
}

fn read_person(r: &mut Reader) -> Option<Person> {
    let name = r.string()?;
    let aliases = r.list(Reader::string)?;
    let gender = *GENDERS.get(r.u8()? as usize)?;
    let roles = r.list(|r| {
        Some(Role {
            country: r.string()?,
            sector: r.string()?,
            role: r.string()?,
            from: r.date()?,
            to: match r.u8()? {
                0 => None,
                1 => Some(r.date()?),
                _ => return None,
            },
        })
    })?;
    Some(Person {
        name,
        aliases,
        gender,
        roles,
    })
}

impl Dictionary {
    /// The binary form of this dictionary and the diagnostics of its load.
    pub fn to_bytes(&self, diags: &[Diagnostic]) -> Vec<u8> {
        let mut w = Writer(MAGIC.to_vec());
        w.u32(diags.len());
        for d in diags {
            w.str(&d.file);
            w.u32(d.line);
            w.str(&d.message);
        }
        w.u32(self.entries.len());
        for (e, &t) in self.entries.iter().zip(&self.entry_tier) {
            write_entry(&mut w, e);
            w.tier(t);
        }
        w.u32(self.forms.len());
        for (key, forms) in &self.forms {
            w.str(key);
            w.u32(forms.len());
            for f in forms {
                w.str(&f.written);
                w.u32(f.entry);
            }
        }
        w.u32(self.people.len());
        for (p, &t) in self.people.iter().zip(&self.person_tier) {
            write_person(&mut w, p);
            w.tier(t);
        }
        w.u32(self.names.len());
        for (code, name) in &self.names {
            w.str(code);
            w.str(name);
        }
        w.u32(self.roles.len());
        for r in &self.roles {
            w.str(r);
        }
        w.u32(self.person_index.len());
        for (name, &i) in &self.person_index {
            w.str(name);
            w.u32(i);
        }
        w.u32(self.code_tier.len());
        for (code, &t) in &self.code_tier {
            w.str(code);
            w.tier(t);
        }
        w.tier(self.tier);
        w.u32(self.role_index.len());
        for ((country, role), people) in &self.role_index {
            w.str(country);
            w.str(role);
            w.indices(people);
        }
        w.u32(self.surname_index.len());
        for (surname, people) in &self.surname_index {
            w.str(surname);
            w.indices(people);
        }
        w.0
    }

    /// Reads what [`Dictionary::to_bytes`] wrote; `None` for a truncated or foreign blob.
    /// Maps are rebuilt from their sorted entries (a bulk build, no rebalancing).
    pub fn from_bytes(b: &[u8]) -> Option<(Dictionary, Vec<Diagnostic>)> {
        let mut r = Reader { b };
        if r.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let diags = r.list(|r| {
            Some(Diagnostic {
                file: r.string()?,
                line: r.u32()?,
                message: r.string()?,
            })
        })?;
        let tiered = r.list(|r| Some((read_entry(r)?, r.tier()?)))?;
        let (entries, entry_tier) = tiered.into_iter().unzip();
        let forms: BTreeMap<String, Vec<Form>> = r
            .list(|r| {
                let key = r.string()?;
                let forms = r.list(|r| {
                    Some(Form {
                        written: r.string()?,
                        entry: r.u32()?,
                    })
                })?;
                Some((key, forms))
            })?
            .into_iter()
            .collect();
        let tiered = r.list(|r| Some((read_person(r)?, r.tier()?)))?;
        let (people, person_tier) = tiered.into_iter().unzip();
        let names: BTreeMap<String, String> = r
            .list(|r| Some((r.string()?, r.string()?)))?
            .into_iter()
            .collect();
        let roles: BTreeSet<String> = r.list(Reader::string)?.into_iter().collect();
        let person_index: BTreeMap<String, usize> = r
            .list(|r| Some((r.string()?, r.u32()?)))?
            .into_iter()
            .collect();
        let code_tier: BTreeMap<String, Tier> = r
            .list(|r| Some((r.string()?, r.tier()?)))?
            .into_iter()
            .collect();
        let tier = r.tier()?;
        let role_index: BTreeMap<(String, String), Vec<usize>> = r
            .list(|r| Some(((r.string()?, r.string()?), r.indices()?)))?
            .into_iter()
            .collect();
        let surname_index: BTreeMap<String, Vec<usize>> = r
            .list(|r| Some((r.string()?, r.indices()?)))?
            .into_iter()
            .collect();
        if !r.b.is_empty() {
            return None;
        }
        let d = Dictionary {
            entries,
            forms,
            people,
            names,
            roles,
            person_index,
            entry_tier,
            person_tier,
            code_tier,
            tier,
            role_index,
            surname_index,
        };
        Some((d, diags))
    }
}
