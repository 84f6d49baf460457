//! Query-string parameters: parsed, validated, turned into store filters.
//!
//! Every endpoint lists the parameters it accepts; an unknown name, a malformed value or a value
//! out of range is a [`BadRequest`] (HTTP 400 with a JSON error), never a silently ignored filter.

use dyad_store::query::{check_code, check_date, TimeBasis, MAX_LIMIT};
use dyad_store::EventFilter;

/// A client error: the message goes back as `{"error": ...}` with status 400.
#[derive(Debug, Clone, PartialEq)]
pub struct BadRequest(pub String);

/// Longest free-text parameter (search words, names, ids).
pub const MAX_TEXT: usize = 200;
/// Largest offset into a result list.
pub const MAX_OFFSET: usize = 1_000_000;

/// Parameters of the event filter, accepted by events, timeline, network, dyads.
pub const FILTER_PARAMS: &[&str] = &[
    "actor",
    "source_actor",
    "target_actor",
    "country",
    "dyad",
    "directed",
    "source",
    "target",
    "root",
    "cameo",
    "plover",
    "quad",
    "modality",
    "place",
    "place_country",
    "from",
    "to",
    "time",
    "q",
    "doc",
    "negated",
    "count",
    "tag",
];

/// Modalities an event may have (`docs/schema.md`).
pub const MODALITIES: &[&str] = &["actual", "intent", "demand", "threat", "hypothetical"];

/// Decoded `name=value` pairs of one request.
pub struct Params(pub Vec<(String, String)>);

impl Params {
    /// Refuse names not in `allowed` (or in [`FILTER_PARAMS`] when `filter`).
    pub fn only(&self, allowed: &[&str], filter: bool) -> Result<(), BadRequest> {
        for (k, _) in &self.0 {
            let ok =
                allowed.contains(&k.as_str()) || (filter && FILTER_PARAMS.contains(&k.as_str()));
            if !ok {
                return Err(BadRequest(format!("unknown parameter {k:?}")));
            }
        }
        Ok(())
    }

    /// The last non-empty value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    /// All values of `name`, comma-separated values split.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// Free text of at most [`MAX_TEXT`] characters.
    pub fn text(&self, name: &str) -> Result<Option<String>, BadRequest> {
        match self.get(name) {
            Some(v) if v.chars().count() > MAX_TEXT => Err(BadRequest(format!(
                "{name}: longer than {MAX_TEXT} characters"
            ))),
            v => Ok(v.map(str::to_string)),
        }
    }

    /// A code (letters, digits, `_ - .`), upper-cased.
    pub fn code(&self, name: &str) -> Result<Option<String>, BadRequest> {
        self.get(name)
            .map(|v| {
                check_code(name, v)
                    .map(|c| c.to_ascii_uppercase())
                    .map_err(bad)
            })
            .transpose()
    }

    /// A `YYYY-MM-DD` date.
    pub fn date(&self, name: &str) -> Result<Option<String>, BadRequest> {
        self.get(name)
            .map(|v| check_date(name, v).map_err(bad))
            .transpose()
    }

    /// An unsigned integer in `lo..=hi`.
    pub fn int(&self, name: &str, lo: usize, hi: usize) -> Result<Option<usize>, BadRequest> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (lo..=hi).contains(&n) => Ok(Some(n)),
                _ => Err(BadRequest(format!(
                    "{name}: expected an integer from {lo} to {hi}, got {v:?}"
                ))),
            },
        }
    }

    /// `true`/`false` (also `1`/`0`).
    pub fn flag(&self, name: &str) -> Result<Option<bool>, BadRequest> {
        match self.get(name) {
            None => Ok(None),
            Some("true" | "1") => Ok(Some(true)),
            Some("false" | "0") => Ok(Some(false)),
            Some(v) => Err(BadRequest(format!(
                "{name}: expected true or false, got {v:?}"
            ))),
        }
    }

    /// `limit` (1..=[`MAX_LIMIT`]) and `offset`.
    pub fn page(&self) -> Result<(Option<usize>, usize), BadRequest> {
        Ok((
            self.int("limit", 1, MAX_LIMIT)?,
            self.int("offset", 0, MAX_OFFSET)?.unwrap_or(0),
        ))
    }

    /// The event filter; `negated_default` applies when `negated` is absent.
    pub fn filter(&self, negated_default: Option<bool>) -> Result<EventFilter, BadRequest> {
        let dyad = match self.get("dyad") {
            None => None,
            Some(v) => {
                let parts: Vec<&str> = v.split(['-', ',', '~']).collect();
                if parts.len() != 2 {
                    return Err(BadRequest(format!(
                        "dyad: expected two codes like RUS-UKR, got {v:?}"
                    )));
                }
                let a = check_code("dyad", parts[0])
                    .map_err(bad)?
                    .to_ascii_uppercase();
                let b = check_code("dyad", parts[1])
                    .map_err(bad)?
                    .to_ascii_uppercase();
                Some((a, b))
            }
        };
        let mut roots = Vec::new();
        for r in self.all("root") {
            if r.len() != 2 || !r.chars().all(|c| c.is_ascii_digit()) || !("01"..="20").contains(&r)
            {
                return Err(BadRequest(format!(
                    "root: expected a CAMEO root 01–20, got {r:?}"
                )));
            }
            roots.push(r.to_string());
        }
        let cameo = match self.get("cameo") {
            Some(c) if !(2..=4).contains(&c.len()) || !c.chars().all(|c| c.is_ascii_digit()) => {
                return Err(BadRequest(format!("cameo: expected 2–4 digits, got {c:?}")))
            }
            c => c.map(str::to_string),
        };
        let negated = match self.get("negated") {
            None => negated_default,
            Some("all") => None,
            Some("true" | "1") => Some(true),
            Some("false" | "0") => Some(false),
            Some(v) => {
                return Err(BadRequest(format!(
                    "negated: expected true, false or all, got {v:?}"
                )))
            }
        };
        let modality = match self.get("modality") {
            Some(m) if !MODALITIES.contains(&m) => {
                return Err(BadRequest(format!(
                    "modality: expected one of {}, got {m:?}",
                    MODALITIES.join(", ")
                )))
            }
            m => m.map(str::to_string),
        };
        let time = match self.get("time") {
            None => TimeBasis::default(),
            Some(v) => TimeBasis::parse(v).map_err(bad)?,
        };
        let f = EventFilter {
            actor: self.text("actor")?,
            source_actor: self.text("source_actor")?,
            target_actor: self.text("target_actor")?,
            country: self.code("country")?,
            dyad,
            directed: self.flag("directed")?.unwrap_or(false),
            source: self.code("source")?,
            target: self.code("target")?,
            roots,
            cameo,
            plover: self.code("plover")?,
            quad: self.int("quad", 1, 4)?.map(|q| q as u8),
            modality,
            place_country: self.code("place_country")?,
            place: self.text("place")?,
            from: self.date("from")?,
            to: self.date("to")?,
            time,
            q: self.text("q")?,
            doc: self.text("doc")?,
            negated,
            tag: self.text("tag")?,
            mentions: match self.get("count") {
                None | Some("canonical" | "events") => false,
                Some("mentions") => true,
                Some(v) => {
                    return Err(BadRequest(format!(
                        "count: expected canonical or mentions, got {v:?}"
                    )))
                }
            },
        };
        if let (Some(a), Some(b)) = (&f.from, &f.to) {
            if a > b {
                return Err(BadRequest(format!("from {a} is after to {b}")));
            }
        }
        Ok(f)
    }
}

fn bad(e: dyad_store::StoreError) -> BadRequest {
    BadRequest(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(q: &[(&str, &str)]) -> Params {
        Params(
            q.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn dyad_and_roots_parse() {
        let f = p(&[("dyad", "rus-ukr"), ("root", "04,19"), ("root", "17")])
            .filter(None)
            .unwrap();
        assert_eq!(f.dyad, Some(("RUS".into(), "UKR".into())));
        assert_eq!(f.roots, vec!["04", "19", "17"]);
        let f = p(&[
            ("source_actor", "USAGOV"),
            ("modality", "threat"),
            ("place_country", "ukr"),
            ("place", "Kharkiv"),
            ("time", "published"),
        ])
        .filter(None)
        .unwrap();
        assert_eq!(f.source_actor.as_deref(), Some("USAGOV"));
        assert_eq!(f.modality.as_deref(), Some("threat"));
        assert_eq!(f.place_country.as_deref(), Some("UKR"));
        assert_eq!(f.place.as_deref(), Some("Kharkiv"));
        assert_eq!(f.time, TimeBasis::Published);
    }

    #[test]
    fn bad_values_are_errors() {
        assert!(p(&[("dyad", "RUS")]).filter(None).is_err());
        assert!(p(&[("root", "21")]).filter(None).is_err());
        assert!(p(&[("from", "2025-13-01")]).filter(None).is_err());
        assert!(p(&[("from", "2025-03-01"), ("to", "2025-02-01")])
            .filter(None)
            .is_err());
        assert!(p(&[("quad", "5")]).filter(None).is_err());
        assert!(p(&[("modality", "maybe")]).filter(None).is_err());
        assert!(p(&[("time", "tomorrow")]).filter(None).is_err());
        assert!(p(&[("limit", "501")]).page().is_err());
        assert!(p(&[("bogus", "1")]).only(&["limit"], true).is_err());
    }
}
