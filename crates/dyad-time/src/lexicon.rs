//! The temporal lexicon: month, weekday, number, unit, season, holiday and reference words.
//!
//! Knowledge lives in `data/time/lexicon.tsv` (embedded into the binary); this module parses and
//! validates it so that a bad line is reported with its file and line number instead of silently
//! changing what the recogniser matches.

use rustc_hash::FxHashSet;
use std::collections::BTreeMap;

use crate::scan;

/// The default lexicon text, embedded at build time.
pub const EMBEDDED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/time/lexicon.tsv"
));

/// A lexicon file could not be parsed.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    /// File name (or `<embedded>`).
    pub file: String,
    /// One-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A holiday's date rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// The `n`th (0 = last) `weekday` (1 = Monday) of `month`.
    NthWeekday {
        /// Month 1..=12.
        month: u32,
        /// Which occurrence: 1..=5, or 0 for the last.
        n: u32,
        /// ISO weekday 1..=7.
        weekday: u32,
    },
    /// Days after Western Easter Sunday (may be negative).
    Easter(i64),
}

/// All word lists the recogniser uses, keyed by normalised phrase (lower case, single spaces, `'`
/// for apostrophes; see [`crate::scan::phrase_key`]).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Month names and abbreviations → 1..=12.
    pub months: BTreeMap<String, u32>,
    /// Weekday names and abbreviations → 1 (Monday) ..= 7.
    pub weekdays: BTreeMap<String, u32>,
    /// Number words → value.
    pub numbers: BTreeMap<String, u32>,
    /// Ordinal words → value.
    pub ordinals: BTreeMap<String, u32>,
    /// Unit words → TIMEX3 unit code (`Y`, `M`, `W`, `D`, `H`, `MIN`, `S`, `Q`, `DE`, `CE`, `WE`, `HY`, `FN`).
    pub units: BTreeMap<String, String>,
    /// Season words → `SP`, `SU`, `FA`, `WI`.
    pub seasons: BTreeMap<String, String>,
    /// Part-of-day words → `MO`, `AF`, `EV`, `NI`, `MI`, `DT`.
    pub parts: BTreeMap<String, String>,
    /// Holiday names → date rule.
    pub holidays: BTreeMap<String, Holiday>,
    /// Reference phrases → `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    pub refs: BTreeMap<String, String>,
    /// Frequency adverbs → SET value.
    pub sets: BTreeMap<String, String>,
    /// Vague quantifiers usable before a plural unit.
    pub vague: BTreeMap<String, String>,
    /// Tense cue words → `FUTURE` or `PAST`.
    pub tense: BTreeMap<String, String>,
    /// Words that make a preceding capitalised weekday or holiday part of a name.
    pub name_tails: BTreeMap<String, String>,
    /// Longest phrase in tokens, across all lists.
    pub max_tokens: usize,
    /// First token of every phrase → the longest phrase (in tokens) starting with it; lets the
    /// matcher reject most words with one lookup.
    pub heads: BTreeMap<String, usize>,
    /// The key of every phrase of the lists that start expressions (all but `tense` and
    /// `name_tails`), hashed: the matcher tests a phrase of the text here before looking it up
    /// in one list.
    pub keys: FxHashSet<String>,
}

const UNITS: &[&str] = &[
    "Y", "M", "W", "D", "H", "MIN", "S", "Q", "DE", "CE", "WE", "HY", "FN",
];

impl Lexicon {
    /// The embedded default lexicon.
    pub fn embedded() -> Result<Lexicon, LexiconError> {
        Lexicon::parse(EMBEDDED, "data/time/lexicon.tsv")
    }

    /// Parse lexicon text; `file` names the source in errors.
    pub fn parse(text: &str, file: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for (n, raw) in text.lines().enumerate() {
            let err = |message: String| LexiconError {
                file: file.to_string(),
                line: n + 1,
                message,
            };
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 3 {
                return Err(err(format!(
                    "expected 3 TAB-separated fields, found {}",
                    fields.len()
                )));
            }
            let (cat, phrase, value) = (fields[0].trim(), fields[1].trim(), fields[2].trim());
            if phrase.is_empty() || value.is_empty() {
                return Err(err("empty phrase or value".into()));
            }
            let key = scan::phrase_key(phrase);
            let toks = scan::tokenize(phrase);
            let ntok = toks.len();
            if matches!(cat, "tense" | "nametail") {
                // Single context words, looked up directly; they start no expression.
                if ntok != 1 {
                    return Err(err(format!("`{phrase}`: {cat} entries must be one word")));
                }
                let map = if cat == "tense" {
                    &mut lex.tense
                } else {
                    &mut lex.name_tails
                };
                if cat == "tense" && !["FUTURE", "PAST"].contains(&value) {
                    return Err(err(format!("tense value `{value}` must be FUTURE or PAST")));
                }
                map.insert(key, value.to_string());
                continue;
            }
            lex.max_tokens = lex.max_tokens.max(ntok);
            if let Some(first) = toks.first() {
                let h = lex.heads.entry(first.lower.clone()).or_insert(0);
                *h = (*h).max(ntok);
            }
            lex.keys.insert(key.clone());
            let int = |lo: u32, hi: u32| -> Result<u32, LexiconError> {
                match value.parse::<u32>() {
                    Ok(v) if (lo..=hi).contains(&v) => Ok(v),
                    _ => Err(err(format!(
                        "value `{value}` is not a number in {lo}..={hi}"
                    ))),
                }
            };
            match cat {
                "month" => {
                    lex.months.insert(key, int(1, 12)?);
                }
                "weekday" => {
                    lex.weekdays.insert(key, int(1, 7)?);
                }
                "number" => {
                    lex.numbers.insert(key, int(0, 1_000_000)?);
                }
                "ordinal" => {
                    lex.ordinals.insert(key, int(1, 1000)?);
                }
                "unit" => {
                    if !UNITS.contains(&value) {
                        return Err(err(format!(
                            "unknown unit `{value}` (known: {})",
                            UNITS.join(" ")
                        )));
                    }
                    lex.units.insert(key, value.to_string());
                }
                "season" => {
                    if !["SP", "SU", "FA", "WI"].contains(&value) {
                        return Err(err(format!("unknown season code `{value}`")));
                    }
                    lex.seasons.insert(key, value.to_string());
                }
                "partofday" => {
                    if !["MO", "AF", "EV", "NI", "MI", "DT"].contains(&value) {
                        return Err(err(format!("unknown part-of-day code `{value}`")));
                    }
                    lex.parts.insert(key, value.to_string());
                }
                "holiday" => {
                    let h = parse_holiday(value)
                        .ok_or_else(|| err(format!("bad holiday rule `{value}`")))?;
                    lex.holidays.insert(key, h);
                }
                "ref" => {
                    if !["PRESENT_REF", "PAST_REF", "FUTURE_REF"].contains(&value) {
                        return Err(err(format!("unknown reference value `{value}`")));
                    }
                    lex.refs.insert(key, value.to_string());
                }
                "set" => {
                    if !value.starts_with('P') {
                        return Err(err(format!("SET value `{value}` must be a period (P...)")));
                    }
                    lex.sets.insert(key, value.to_string());
                }
                "vague" => {
                    lex.vague.insert(key, value.to_string());
                }
                other => return Err(err(format!("unknown category `{other}`"))),
            }
        }
        Ok(lex)
    }
}

/// `MM-DD`, `MM-Wn-D` (n = 1..5 or L for last), or `EASTER+n` / `EASTER-n`.
fn parse_holiday(v: &str) -> Option<Holiday> {
    if let Some(rest) = v.strip_prefix("EASTER") {
        let n: i64 = rest.strip_prefix('+').unwrap_or(rest).parse().ok()?;
        return Some(Holiday::Easter(n));
    }
    let parts: Vec<&str> = v.split('-').collect();
    match parts.as_slice() {
        [m, d] => {
            let (m, d) = (m.parse().ok()?, d.parse().ok()?);
            chrono::NaiveDate::from_ymd_opt(2000, m, d)?;
            Some(Holiday::Fixed(m, d))
        }
        [m, w, d] => {
            let month: u32 = m.parse().ok()?;
            let n = match w.strip_prefix('W')? {
                "L" => 0,
                x => x.parse().ok().filter(|n| (1..=5).contains(n))?,
            };
            let weekday: u32 = d.parse().ok().filter(|d| (1..=7).contains(d))?;
            (1..=12)
                .contains(&month)
                .then_some(Holiday::NthWeekday { month, n, weekday })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hold_every_phrase_the_matcher_looks_up() {
        let lex = Lexicon::embedded().unwrap();
        let lists: [Vec<&String>; 9] = [
            lex.months.keys().collect(),
            lex.weekdays.keys().collect(),
            lex.numbers.keys().collect(),
            lex.ordinals.keys().collect(),
            lex.units.keys().collect(),
            lex.holidays.keys().collect(),
            lex.refs.keys().collect(),
            lex.sets.keys().collect(),
            lex.vague.keys().collect(),
        ];
        for k in lists.iter().flatten() {
            assert!(lex.keys.contains(k.as_str()), "{k}");
        }
        assert!(lex.keys.contains("a couple of") && !lex.keys.contains("a couple of days"));
    }

    #[test]
    fn embedded_lexicon_loads() {
        let lex = Lexicon::embedded().unwrap();
        assert_eq!(lex.months["sept"], 9);
        assert_eq!(lex.weekdays["monday"], 1);
        assert_eq!(
            lex.holidays["thanksgiving"],
            Holiday::NthWeekday {
                month: 11,
                n: 4,
                weekday: 4
            }
        );
        assert_eq!(lex.holidays["new year's day"], Holiday::Fixed(1, 1));
        assert!(lex.max_tokens >= 3);
        assert_eq!(lex.tense["will"], "FUTURE");
        assert_eq!(lex.tense["said"], "PAST");
        assert!(lex.name_tails.contains_key("agreement"));
        assert!(
            !lex.heads.contains_key("said"),
            "context words start no expression"
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = Lexicon::parse("# c\nmonth\tfoo\t13\n", "x.tsv").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("x.tsv", 2));
        assert!(e.to_string().starts_with("x.tsv:2:"));
        assert!(Lexicon::parse("unit\tfoo\tZ\n", "x").is_err());
        assert!(Lexicon::parse("holiday\tfoo\t13-40\n", "x").is_err());
        assert!(Lexicon::parse("month\tfoo\n", "x").is_err());
        assert!(Lexicon::parse("tense\twill\tSOON\n", "x").is_err());
        assert!(Lexicon::parse("tense\tgoing to\tFUTURE\n", "x").is_err());
    }
}
