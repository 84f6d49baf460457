//! PETRARCH/TABARI actor dictionaries (`*.actors.txt`): phrase blocks with `+` synonyms and codes
//! restricted by date, compiled into a word trie for longest-match lookup as of a date.

use super::reader::content_lines;
use super::{normalize_word, phrase_words, LoadError};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::Path;

/// When a code applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRestriction {
    /// No restriction: the default code of the entry.
    Always,
    /// `[CODE <D]`: strictly before `D`.
    Before(NaiveDate),
    /// `[CODE >D]`: on or after `D`.
    From(NaiveDate),
    /// `[CODE D1-D2]`: from `D1` to `D2`, both included.
    Between(NaiveDate, NaiveDate),
}

impl DateRestriction {
    /// Whether the restriction holds on `date`.
    pub fn holds(&self, date: NaiveDate) -> bool {
        match *self {
            DateRestriction::Always => true,
            DateRestriction::Before(d) => date < d,
            DateRestriction::From(d) => date >= d,
            DateRestriction::Between(a, b) => a <= date && date <= b,
        }
    }
}

/// One `[...]` code group of an entry: one or more codes (`[ELR/GAL]`) and when they apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// Upper-case codes as written (`---` is PETRARCH's "known but not coded").
    pub codes: Vec<String>,
    /// When the codes apply.
    pub when: DateRestriction,
}

/// One actor entry: its phrases (the head phrase first, then `+` synonyms) and code groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetrActor {
    /// Normalised words of each phrase; the first is the entry's head phrase.
    pub phrases: Vec<Vec<String>>,
    /// Code groups in file order.
    pub codes: Vec<DatedCode>,
    /// Source file and 1-based line of the head phrase.
    pub origin: (String, usize),
}

impl PetrActor {
    /// The head phrase as one space-separated string.
    pub fn name(&self) -> String {
        self.phrases
            .first()
            .map(|p| p.join(" "))
            .unwrap_or_default()
    }

    /// Codes as of `date`: the first date-restricted group that holds on the date (file order), else
    /// the first unrestricted group; with no date, the first unrestricted group. Empty if none applies.
    pub fn codes_at(&self, date: Option<NaiveDate>) -> &[String] {
        if let Some(d) = date {
            if let Some(c) = self
                .codes
                .iter()
                .find(|c| c.when != DateRestriction::Always && c.when.holds(d))
            {
                return &c.codes;
            }
        }
        self.codes
            .iter()
            .find(|c| c.when == DateRestriction::Always)
            .map(|c| c.codes.as_slice())
            .unwrap_or(&[])
    }
}

/// The result of a longest-match lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMatch<'a> {
    /// Number of words matched from the start of the query.
    pub len: usize,
    /// The matched entry.
    pub actor: &'a PetrActor,
    /// Its codes as of the query date (may be empty).
    pub codes: &'a [String],
}

#[derive(Debug, Default, Clone)]
struct Node {
    children: HashMap<String, u32>,
    entry: Option<u32>,
}

/// A loaded set of PETRARCH actor dictionaries.
#[derive(Debug, Clone)]
pub struct PetrActors {
    entries: Vec<PetrActor>,
    nodes: Vec<Node>,
    warnings: Vec<String>,
}

impl Default for PetrActors {
    fn default() -> Self {
        PetrActors {
            entries: Vec::new(),
            nodes: vec![Node::default()],
            warnings: Vec::new(),
        }
    }
}

/// Reads one PETRARCH actor dictionary from `path`.
pub fn load_actors(path: impl AsRef<Path>) -> Result<PetrActors, LoadError> {
    let mut a = PetrActors::default();
    a.load_file(path)?;
    Ok(a)
}

/// Parses actor-dictionary text; `name` is used in warnings (`name:line: message`).
pub fn parse_actors(name: &str, text: &str) -> PetrActors {
    let mut a = PetrActors::default();
    a.add_text(name, text);
    a
}

impl PetrActors {
    /// Adds the entries of another file (later entries override earlier ones with the same phrase).
    pub fn load_file(&mut self, path: impl AsRef<Path>) -> Result<(), LoadError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8_lossy(&bytes);
        self.add_text(&path.display().to_string(), &text);
        Ok(())
    }

    /// Adds the entries in `text`; `name` is used in warnings.
    pub fn add_text(&mut self, name: &str, text: &str) {
        let mut cur: Option<PetrActor> = None;
        for line in content_lines(text) {
            let t = line.text;
            let warn = |w: &mut Vec<String>, m: String| w.push(format!("{name}:{}: {m}", line.no));
            if t.starts_with('[') {
                match cur.as_mut() {
                    Some(e) => {
                        let (_, groups) = split_codes(t, &mut |m| warn(&mut self.warnings, m));
                        e.codes.extend(groups);
                    }
                    None => warn(
                        &mut self.warnings,
                        "code line before any actor phrase".into(),
                    ),
                }
                continue;
            }
            let (phrase, groups) = split_codes(t, &mut |m| warn(&mut self.warnings, m));
            let synonym = phrase.starts_with('+');
            let words = phrase_words(phrase.trim_start_matches('+'));
            if synonym {
                match cur.as_mut() {
                    Some(e) if !words.is_empty() => {
                        e.phrases.push(words);
                        e.codes.extend(groups);
                    }
                    Some(_) => warn(&mut self.warnings, "empty synonym".into()),
                    None => warn(&mut self.warnings, "synonym before any actor phrase".into()),
                }
                continue;
            }
            if words.is_empty() {
                warn(&mut self.warnings, "line has codes but no phrase".into());
                continue;
            }
            // A phrase that follows a phrase still waiting for its codes shares them (TABARI
            // writes several spellings on consecutive lines above one code block).
            if let Some(e) = cur.as_mut().filter(|e| e.codes.is_empty()) {
                e.phrases.push(words);
                e.codes.extend(groups);
                continue;
            }
            if let Some(e) = cur.take() {
                self.push(e);
            }
            cur = Some(PetrActor {
                phrases: vec![words],
                codes: groups,
                origin: (name.to_string(), line.no),
            });
        }
        if let Some(e) = cur.take() {
            self.push(e);
        }
    }

    fn push(&mut self, e: PetrActor) {
        if e.codes.is_empty() {
            self.warnings.push(format!(
                "{}:{}: actor `{}` has no code",
                e.origin.0,
                e.origin.1,
                e.name()
            ));
            return;
        }
        let id = self.entries.len() as u32;
        for p in &e.phrases {
            let mut n = 0usize;
            for w in p {
                n = match self.nodes[n].children.get(w) {
                    Some(&c) => c as usize,
                    None => {
                        let c = self.nodes.len();
                        self.nodes.push(Node::default());
                        self.nodes[n].children.insert(w.clone(), c as u32);
                        c
                    }
                };
            }
            self.nodes[n].entry = Some(id);
        }
        self.entries.push(e);
    }

    /// The longest entry phrase that starts at `words[0]` (words are normalised here), with its
    /// codes as of `date`.
    pub fn longest_match<S: AsRef<str>>(
        &self,
        words: &[S],
        date: Option<NaiveDate>,
    ) -> Option<ActorMatch<'_>> {
        let mut n = 0usize;
        let mut best = None;
        for (i, w) in words.iter().enumerate() {
            let Some(&c) = self.nodes[n].children.get(&normalize_word(w.as_ref())) else {
                break;
            };
            n = c as usize;
            if let Some(e) = self.nodes[n].entry {
                best = Some((i + 1, e));
            }
        }
        best.map(|(len, e)| {
            let actor = &self.entries[e as usize];
            ActorMatch {
                len,
                actor,
                codes: actor.codes_at(date),
            }
        })
    }

    /// The codes of an exact phrase (`"UNITED STATES"` or `"UNITED_STATES"`) as of `date`.
    pub fn lookup_phrase(&self, phrase: &str, date: Option<NaiveDate>) -> Option<&[String]> {
        let words = phrase_words(phrase);
        self.longest_match(&words, date)
            .filter(|m| m.len == words.len())
            .map(|m| m.codes)
    }

    /// All entries in load order.
    pub fn entries(&self) -> &[PetrActor] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no entry was loaded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Skipped or suspicious lines, each as `path:line: message`.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

/// Splits `PHRASE [C1 date] [C2]` into the phrase and its parsed code groups.
fn split_codes<'a>(t: &'a str, warn: &mut dyn FnMut(String)) -> (&'a str, Vec<DatedCode>) {
    let Some(open) = t.find('[') else {
        return (t, Vec::new());
    };
    let phrase = t[..open].trim();
    let mut rest = &t[open..];
    let mut groups = Vec::new();
    while let Some(o) = rest.find('[') {
        let Some(c) = rest[o..].find(']') else {
            warn(format!("missing `]` in `{}`", rest.trim()));
            break;
        };
        let inner = &rest[o + 1..o + c];
        match parse_group(inner) {
            Ok(g) => groups.push(g),
            Err(m) => warn(m),
        }
        rest = &rest[o + c + 1..];
    }
    (phrase, groups)
}

fn parse_group(inner: &str) -> Result<DatedCode, String> {
    let inner = inner.trim();
    let mut it = inner.splitn(2, char::is_whitespace);
    let code = it.next().unwrap_or("").trim();
    if code.is_empty() {
        return Err("empty code `[]`".into());
    }
    if code.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Err(format!("code group `[{inner}]` has a date but no code"));
    }
    let codes = code
        .split('/')
        .filter(|c| !c.is_empty())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let spec: String = it
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let when = if spec.is_empty() {
        DateRestriction::Always
    } else if let Some(d) = spec.strip_prefix('<') {
        DateRestriction::Before(parse_date(d)?)
    } else if let Some(d) = spec.strip_prefix('>') {
        DateRestriction::From(parse_date(d)?)
    } else if let Some((a, b)) = spec.split_once('-') {
        DateRestriction::Between(parse_date(a)?, parse_date(b)?)
    } else {
        return Err(format!("bad date restriction `{spec}` in `[{inner}]`"));
    };
    Ok(DatedCode { codes, when })
}

/// Parses `YYYYMMDD` or TABARI's `YYMMDD` (years 00–30 are 20YY, others 19YY).
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let bad = || format!("bad date `{s}` (expected YYYYMMDD or YYMMDD)");
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().map_err(|_| bad())?, &s[4..]),
        6 => {
            let yy = s[..2].parse::<i32>().map_err(|_| bad())?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return Err(bad()),
    };
    let m = rest[..2].parse::<u32>().map_err(|_| bad())?;
    let d = rest[2..].parse::<u32>().map_err(|_| bad())?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    const SAMPLE: &str = "\
<!-- test dictionary -->
ELBERETH [ELB] # a default code
+ELBERETHIAN
GREY WARDEN_  # codes on the next lines
\t[WARGOV < 950601]
\t[WARMIL 19950601 - 19990815]
\t[WARREB > 990816]
ANGMAR_
WITCH_KING
	[ANGGOV]
IRONHILL [IRN/DWF]
+IRON_HILLS
BADDATE [BAD 20101340]
";

    #[test]
    fn blocks_synonyms_and_dates() {
        let a = parse_actors("t.txt", SAMPLE);
        assert_eq!(
            a.len(),
            4,
            "BADDATE has no valid code group: {:?}",
            a.warnings()
        );
        assert_eq!(
            a.lookup_phrase("ELBERETHIAN", None),
            Some(&["ELB".to_string()][..])
        );
        let at = |d| a.lookup_phrase("GREY_WARDEN", d).map(|c| c.join("/"));
        assert_eq!(at(ymd(1990, 1, 1)), Some("WARGOV".into()));
        assert_eq!(at(ymd(1995, 6, 1)), Some("WARMIL".into()));
        assert_eq!(at(ymd(1999, 8, 15)), Some("WARMIL".into()));
        assert_eq!(at(ymd(2003, 1, 1)), Some("WARREB".into()));
        assert_eq!(at(None), Some(String::new()), "no unrestricted code");
        assert_eq!(
            a.lookup_phrase("iron hills", None).map(|c| c.join("/")),
            Some("IRN/DWF".into())
        );
        assert_eq!(
            a.lookup_phrase("angmar", None).map(|c| c.join("/")),
            Some("ANGGOV".into())
        );
        let m = a.longest_match(&["Iron", "Hills", "army"], None).unwrap();
        assert_eq!(m.len, 2);
        assert!(
            a.warnings()
                .iter()
                .any(|w| w.starts_with("t.txt:13: bad date")),
            "{:?}",
            a.warnings()
        );
        assert!(a
            .warnings()
            .iter()
            .any(|w| w.starts_with("t.txt:13: actor `BADDATE` has no code")));
    }

    #[test]
    fn two_digit_years_follow_tabari() {
        assert_eq!(
            parse_date("300101").unwrap(),
            NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()
        );
        assert_eq!(
            parse_date("310101").unwrap(),
            NaiveDate::from_ymd_opt(1931, 1, 1).unwrap()
        );
        assert!(parse_date("20100229").is_err());
    }
}
