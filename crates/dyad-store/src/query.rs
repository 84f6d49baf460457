//! Read queries: events, timelines, the actor network, dyads, quotes, speakers, documents.
//!
//! Every filter value reaches SQLite as a bound parameter; the only SQL built from input is chosen
//! from fixed whitelists (sort orders, time buckets). Page sizes are clamped to [`MAX_LIMIT`].
//! Validation errors are [`StoreError::BadParam`], which the server answers with HTTP 400.

use crate::{Store, StoreError};
use dyad_output::Document;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};
use serde::Serialize;

/// Largest page size any list query returns.
pub const MAX_LIMIT: usize = 500;
/// Page size when none is asked for.
pub const DEFAULT_LIMIT: usize = 50;

/// Which events to select. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Actor: matches either side's code by prefix (`RUSGOV`, `RUS`) or name exactly.
    pub actor: Option<String>,
    /// Source actor: code by prefix or name exactly, as `actor` but on the source side only.
    pub source_actor: Option<String>,
    /// Target actor: as `source_actor`, on the target side.
    pub target_actor: Option<String>,
    /// Country (or IGO) code on either side.
    pub country: Option<String>,
    /// A dyad of two country codes.
    pub dyad: Option<(String, String)>,
    /// With `dyad`: only source = first, target = second (default: either direction).
    pub directed: bool,
    /// Source country code.
    pub source: Option<String>,
    /// Target country code.
    pub target: Option<String>,
    /// CAMEO root codes (`"04"`, `"19"`); any of them.
    pub roots: Vec<String>,
    /// CAMEO code prefix (`"04"`, `"0431"`).
    pub cameo: Option<String>,
    /// PLOVER type (`CONSULT`).
    pub plover: Option<String>,
    /// Quad class 1–4.
    pub quad: Option<u8>,
    /// Modality (`actual`, `intent`, `demand`, `threat`, `hypothetical`).
    pub modality: Option<String>,
    /// Country code of the event's place.
    pub place_country: Option<String>,
    /// Name of the event's place (exact).
    pub place: Option<String>,
    /// First day, inclusive (`YYYY-MM-DD`), on the day `time` names.
    pub from: Option<String>,
    /// Last day, inclusive.
    pub to: Option<String>,
    /// Which day `from`/`to` (and timelines) read: the event's day (default) or its article's
    /// publication day.
    pub time: TimeBasis,
    /// Full-text search over document titles and text (words, all must occur).
    pub q: Option<String>,
    /// One document id.
    pub doc: Option<String>,
    /// `Some(false)`: only events that happened; `Some(true)`: only negated; `None`: all.
    pub negated: Option<bool>,
    /// Issue tag (`ceasefire`, a tag of `data/threads/issues.txt`): only events tagged with it.
    pub tag: Option<String>,
    /// Count and list every mention; `false` (the default): one row per canonical event (its
    /// representative mention when that matches the filter, else its earliest matching one).
    pub mentions: bool,
}

/// The day an event is placed on in time: its own (`events.day`) or its article's publication
/// date (`documents.date`, first ten characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TimeBasis {
    /// `events.day`: the event's own date, else the publication date.
    #[default]
    Event,
    /// The article's publication day.
    Published,
}

impl TimeBasis {
    /// Parse `event` or `published`.
    pub fn parse(s: &str) -> Result<TimeBasis, StoreError> {
        match s {
            "event" => Ok(TimeBasis::Event),
            "published" => Ok(TimeBasis::Published),
            _ => Err(StoreError::BadParam(format!(
                "time: expected event or published, got {s:?}"
            ))),
        }
    }

    /// The SQL expression of the day (over `events e JOIN documents d`).
    pub(crate) fn day_sql(self) -> &'static str {
        match self {
            TimeBasis::Event => "e.day",
            TimeBasis::Published => "substr(d.date, 1, 10)",
        }
    }
}

/// A field validated as a short code (letters, digits, `_`, `-`, `.`).
pub fn check_code(name: &str, v: &str) -> Result<String, StoreError> {
    let v = v.trim();
    if v.is_empty()
        || v.len() > 64
        || !v
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        return Err(StoreError::BadParam(format!(
            "{name}: expected a code (letters, digits, _ - .), got {v:?}"
        )));
    }
    Ok(v.to_string())
}

/// A field validated as a `YYYY-MM-DD` date.
pub fn check_date(name: &str, v: &str) -> Result<String, StoreError> {
    chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| StoreError::BadParam(format!("{name}: expected YYYY-MM-DD, got {v:?}")))
}

/// Turn free text into an FTS5 query that cannot be a syntax error: every word quoted, all required.
pub fn fts_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl EventFilter {
    /// The WHERE clause (over `events e JOIN documents d`) and its parameters.
    pub(crate) fn sql_where(&self) -> Result<(String, Vec<Value>), StoreError> {
        let mut w: Vec<String> = vec!["1=1".into()];
        let mut p: Vec<Value> = Vec::new();
        let mut bind = |w: &mut Vec<String>, clause: &str, vals: Vec<Value>| {
            // Number each `?` of the clause after the parameters bound so far.
            let mut c = String::with_capacity(clause.len() + 8);
            let mut vals = vals.into_iter();
            for ch in clause.chars() {
                c.push(ch);
                if ch == '?' {
                    p.push(vals.next().expect("one value per placeholder"));
                    c.push_str(&p.len().to_string());
                }
            }
            w.push(c);
        };
        let t = |s: &str| Value::Text(s.to_string());
        if let Some(a) = &self.actor {
            let prefix = format!("{}%", a.replace(['%', '_'], ""));
            bind(
                &mut w,
                "(e.source_code LIKE ? OR e.target_code LIKE ? OR e.source_name = ? OR e.target_name = ?)",
                vec![t(&prefix), t(&prefix), t(a), t(a)],
            );
        }
        for (side, v) in [
            ("source", &self.source_actor),
            ("target", &self.target_actor),
        ] {
            if let Some(a) = v {
                let prefix = format!("{}%", a.replace(['%', '_'], ""));
                bind(
                    &mut w,
                    &format!("(e.{side}_code LIKE ? OR e.{side}_name = ?)"),
                    vec![t(&prefix), t(a)],
                );
            }
        }
        if let Some(c) = &self.country {
            bind(
                &mut w,
                "(e.source_country = ? OR e.target_country = ?)",
                vec![t(c), t(c)],
            );
        }
        if let Some((a, b)) = &self.dyad {
            if self.directed {
                bind(
                    &mut w,
                    "(e.source_country = ? AND e.target_country = ?)",
                    vec![t(a), t(b)],
                );
            } else {
                bind(
                    &mut w,
                    "((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))",
                    vec![t(a), t(b), t(b), t(a)],
                );
            }
        }
        if let Some(s) = &self.source {
            bind(&mut w, "e.source_country = ?", vec![t(s)]);
        }
        if let Some(s) = &self.target {
            bind(&mut w, "e.target_country = ?", vec![t(s)]);
        }
        if !self.roots.is_empty() {
            let qs = vec!["?"; self.roots.len()].join(", ");
            bind(
                &mut w,
                &format!("e.root IN ({qs})"),
                self.roots.iter().map(|r| t(r)).collect(),
            );
        }
        if let Some(c) = &self.cameo {
            bind(
                &mut w,
                "e.cameo LIKE ?",
                vec![t(&format!("{}%", c.replace(['%', '_'], "")))],
            );
        }
        if let Some(pl) = &self.plover {
            bind(&mut w, "e.plover_type = ?", vec![t(pl)]);
        }
        if let Some(q) = self.quad {
            bind(&mut w, "e.quad = ?", vec![Value::Integer(q as i64)]);
        }
        if let Some(m) = &self.modality {
            bind(&mut w, "e.modality = ?", vec![t(m)]);
        }
        if let Some(c) = &self.place_country {
            bind(&mut w, "e.place_country = ?", vec![t(c)]);
        }
        if let Some(pl) = &self.place {
            bind(&mut w, "e.place_name = ?", vec![t(pl)]);
        }
        let day = self.time.day_sql();
        if let Some(f) = &self.from {
            bind(&mut w, &format!("{day} >= ?"), vec![t(f)]);
        }
        if let Some(f) = &self.to {
            bind(&mut w, &format!("{day} <= ?"), vec![t(f)]);
        }
        if let Some(q) = self.q.as_deref().and_then(fts_query) {
            bind(
                &mut w,
                "e.doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
                vec![t(&q)],
            );
        }
        if let Some(d) = &self.doc {
            bind(&mut w, "d.id = ?", vec![t(d)]);
        }
        if let Some(n) = self.negated {
            bind(&mut w, "e.negated = ?", vec![Value::Integer(n as i64)]);
        }
        if let Some(tag) = &self.tag {
            if !crate::tags::lexicon()?.has_issue(tag) {
                return Err(StoreError::BadParam(format!(
                    "tag: unknown issue tag {tag:?}"
                )));
            }
            bind(
                &mut w,
                "e.event IN (SELECT event FROM event_tags WHERE tag = ?)",
                vec![t(tag)],
            );
        }
        let w = w.join(" AND ");
        if self.mentions {
            return Ok((w, p));
        }
        // One mention per canonical event. The subquery repeats the clause with the same
        // numbered parameters (`?N` binds the same value wherever it occurs); a mention not yet
        // grouped counts as its own event.
        let one = format!(
            "{w} AND e.event IN (SELECT COALESCE(MIN(CASE WHEN e.event = c.rep_event THEN e.event END), MIN(e.event))
                FROM events e JOIN documents d ON d.doc = e.doc
                LEFT JOIN canonical_events c ON c.canonical = e.canonical
                WHERE {w} GROUP BY COALESCE(e.canonical, -e.event))"
        );
        Ok((one, p))
    }
}

/// One page of results.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    /// Rows matching the filter, over all pages.
    pub total: usize,
    /// Page size used.
    pub limit: usize,
    /// Rows skipped.
    pub offset: usize,
    /// This page's rows.
    pub items: Vec<T>,
}

/// An event row as stored (one per event), flat for tables and exports.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventRecord {
    /// Document id.
    pub doc_id: String,
    /// Document title.
    pub title: Option<String>,
    /// Event index within the document.
    pub idx: i64,
    /// Sentence index.
    pub sentence: i64,
    /// Event date as coded (TIMEX3 value).
    pub date: Option<String>,
    /// Day the event is counted on (event date, else publication date).
    pub day: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root.
    pub root: String,
    /// Goldstein score.
    pub goldstein: f64,
    /// Quad class 1–4.
    pub quad: i64,
    /// PLOVER type.
    pub plover_type: Option<String>,
    /// PLOVER mode.
    pub plover_mode: Option<String>,
    /// PLOVER context.
    pub plover_context: Option<String>,
    /// Source mention text.
    pub source_text: Option<String>,
    /// Source canonical name.
    pub source_name: Option<String>,
    /// Source actor code.
    pub source_code: Option<String>,
    /// Source country.
    pub source_country: Option<String>,
    /// Target mention text.
    pub target_text: Option<String>,
    /// Target canonical name.
    pub target_name: Option<String>,
    /// Target actor code.
    pub target_code: Option<String>,
    /// Target country.
    pub target_country: Option<String>,
    /// Denied / did not happen.
    pub negated: bool,
    /// Modality.
    pub modality: String,
    /// Place name.
    pub place_name: Option<String>,
    /// Place country.
    pub place_country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Evidence start (code points).
    pub evidence_start: i64,
    /// Evidence end (code points, exclusive).
    pub evidence_end: i64,
    /// Evidence text.
    pub evidence_text: String,
    /// Canonical event (`canonical_events.canonical`); in canonical exports only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<i64>,
    /// Its mentions; in canonical exports only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num_mentions: Option<i64>,
    /// Its articles; in canonical exports only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num_articles: Option<i64>,
    /// Its publishers; in canonical exports only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num_sources: Option<i64>,
    /// Publication date of the document; not in exports (they carry `day` and `date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// Columns of [`EventRecord`] in order (also the CSV header of `dyad export`).
pub use dyad_output::EVENT_COLUMNS;

pub(crate) const EVENT_SELECT: &str =
    "SELECT d.id, d.title, e.idx, e.sentence, e.date, e.day, e.cameo, e.root,
    e.goldstein, e.quad, e.plover_type, e.plover_mode, e.plover_context, e.source_text,
    e.source_name, e.source_code, e.source_country, e.target_text, e.target_name, e.target_code,
    e.target_country, e.negated, e.modality, e.place_name, e.place_country, e.lat, e.lon,
    e.evidence_start, e.evidence_end, e.evidence_text, e.canonical, c.num_mentions, c.num_articles,
    c.num_sources, e.event, d.date
    FROM events e JOIN documents d ON d.doc = e.doc
    LEFT JOIN canonical_events c ON c.canonical = e.canonical";

pub(crate) fn event_from_row(r: &Row) -> rusqlite::Result<EventRecord> {
    Ok(EventRecord {
        doc_id: r.get(0)?,
        title: r.get(1)?,
        idx: r.get(2)?,
        sentence: r.get(3)?,
        date: r.get(4)?,
        day: r.get(5)?,
        cameo: r.get(6)?,
        root: r.get(7)?,
        goldstein: r.get(8)?,
        quad: r.get(9)?,
        plover_type: r.get(10)?,
        plover_mode: r.get(11)?,
        plover_context: r.get(12)?,
        source_text: r.get(13)?,
        source_name: r.get(14)?,
        source_code: r.get(15)?,
        source_country: r.get(16)?,
        target_text: r.get(17)?,
        target_name: r.get(18)?,
        target_code: r.get(19)?,
        target_country: r.get(20)?,
        negated: r.get(21)?,
        modality: r.get(22)?,
        place_name: r.get(23)?,
        place_country: r.get(24)?,
        lat: r.get(25)?,
        lon: r.get(26)?,
        evidence_start: r.get(27)?,
        evidence_end: r.get(28)?,
        evidence_text: r.get(29)?,
        canonical: r.get(30)?,
        num_mentions: r.get(31)?,
        num_articles: r.get(32)?,
        num_sources: r.get(33)?,
        published: r.get(35)?,
    })
}

/// Sort orders of the events list and CSV download: name → `ORDER BY` clause. A leading `-`
/// sorts descending; rows without a value (no actor name) come last either way, and ties keep
/// (day, document, event index) order. `DAY` stands for the day of the filter's [`TimeBasis`]:
/// sorting by day with `time=published` lists the newest articles first.
pub const EVENT_SORTS: [(&str, &str); 10] = [
    ("day", "DAY IS NULL, DAY ASC, e.day ASC, d.id ASC, e.idx ASC"),
    ("-day", "DAY IS NULL, DAY DESC, e.day DESC, d.id ASC, e.idx ASC"),
    (
        "goldstein",
        "e.goldstein ASC, e.day ASC, d.id ASC, e.idx ASC",
    ),
    (
        "-goldstein",
        "e.goldstein DESC, e.day ASC, d.id ASC, e.idx ASC",
    ),
    (
        "source",
        "COALESCE(e.source_name, e.source_text) IS NULL, COALESCE(e.source_name, e.source_text) ASC, e.day ASC, d.id ASC, e.idx ASC",
    ),
    (
        "-source",
        "COALESCE(e.source_name, e.source_text) IS NULL, COALESCE(e.source_name, e.source_text) DESC, e.day ASC, d.id ASC, e.idx ASC",
    ),
    (
        "target",
        "COALESCE(e.target_name, e.target_text) IS NULL, COALESCE(e.target_name, e.target_text) ASC, e.day ASC, d.id ASC, e.idx ASC",
    ),
    (
        "-target",
        "COALESCE(e.target_name, e.target_text) IS NULL, COALESCE(e.target_name, e.target_text) DESC, e.day ASC, d.id ASC, e.idx ASC",
    ),
    ("code", "e.cameo ASC, e.day ASC, d.id ASC, e.idx ASC"),
    ("-code", "e.cameo DESC, e.day ASC, d.id ASC, e.idx ASC"),
];

/// The `ORDER BY` clause of sort `name` (see [`EVENT_SORTS`]; `None` is `day`), days read on
/// `time`'s basis.
pub fn event_order(name: Option<&str>, time: TimeBasis) -> Result<String, StoreError> {
    let name = name.unwrap_or("day");
    EVENT_SORTS
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.replace("DAY", time.day_sql()))
        .ok_or_else(|| {
            let names: Vec<&str> = EVENT_SORTS.iter().map(|(k, _)| *k).collect();
            StoreError::BadParam(format!(
                "sort: expected one of {}, got {name:?}",
                names.join(", ")
            ))
        })
}

pub use crate::timeline::{Interval, TimelinePoint, GOLDSTEIN_MIN_EVENTS, MAX_BUCKETS};

/// A weighted directed edge of the actor network.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Edge {
    /// Source node.
    pub source: String,
    /// Target node.
    pub target: String,
    /// Events.
    pub count: i64,
    /// Mean Goldstein score.
    pub goldstein: f64,
    /// Cooperative events (quad 1–2).
    pub cooperation: i64,
    /// Conflictual events (quad 3–4).
    pub conflict: i64,
}

/// A node of the actor network.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Node {
    /// Country or actor code.
    pub id: String,
    /// Events it takes part in (over the returned edges).
    pub count: i64,
}

/// The actor network.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Network {
    /// Nodes, most active first.
    pub nodes: Vec<Node>,
    /// Edges, heaviest first.
    pub edges: Vec<Edge>,
}

/// A dyad (unordered pair of countries) with its event count.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DyadCount {
    /// First country (alphabetically).
    pub a: String,
    /// Second country.
    pub b: String,
    /// Events between them, either direction.
    pub count: i64,
    /// Mean Goldstein score.
    pub goldstein: f64,
}

/// A quote with its document.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteRecord {
    /// Document id.
    pub doc_id: String,
    /// Document title.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// Quote index within the document.
    pub idx: i64,
    /// Content start (code points).
    pub start: i64,
    /// Content end.
    pub end: i64,
    /// Content.
    pub text: String,
    /// direct / indirect / mixed.
    pub kind: String,
    /// Speaker's resolved name.
    pub speaker_name: Option<String>,
    /// Speaker mention.
    pub speaker_text: Option<String>,
    /// Speaker's actor code.
    pub speaker_code: Option<String>,
    /// Cue word(s).
    pub cue: Option<String>,
    /// Channel.
    pub channel: Option<String>,
}

/// A resolved speaker (a named actor or a role with a country) with the number of quotes.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpeakerCount {
    /// Resolved name (or the mention text of a role with a country that has no name).
    pub name: String,
    /// Actor code, when known.
    pub code: Option<String>,
    /// Quotes.
    pub quotes: i64,
    /// Documents quoting them.
    pub documents: i64,
}

/// The quotes whose speaker is not resolved, counted apart from the speaker ranking: pronouns
/// without an antecedent, unnamed sources ("a source familiar with the talks"), and quotes with
/// no speaker at all.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct UnresolvedSpeakers {
    /// Quotes with an unresolved speaker or none.
    pub quotes: i64,
    /// Of those, quotes with no speaker mention at all.
    pub without_speaker: i64,
    /// Documents holding such quotes.
    pub documents: i64,
}

/// A document in a list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DocSummary {
    /// Id.
    pub id: String,
    /// Publication date.
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Events.
    pub events: i64,
    /// Quotes.
    pub quotes: i64,
}

/// Corpus totals.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    /// Schema version of the database.
    pub schema_version: u32,
    /// Documents.
    pub documents: i64,
    /// Events (mentions).
    pub events: i64,
    /// Canonical events (real-world events the mentions were grouped into).
    pub canonical_events: i64,
    /// Documents that are copies of an earlier article.
    pub copies: i64,
    /// Quotes.
    pub quotes: i64,
    /// Entity mentions.
    pub entities: i64,
    /// First event day.
    pub first_day: Option<String>,
    /// Last event day.
    pub last_day: Option<String>,
    /// First publication day (the start of timelines' axis).
    pub first_published: Option<String>,
    /// Last publication day.
    pub last_published: Option<String>,
}

pub(crate) fn clamp(limit: Option<usize>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
}

impl Store {
    /// Corpus totals.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let c = &self.conn;
        let n = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0));
        let range = self.publication_range()?;
        let (first_day, last_day) =
            c.query_row("SELECT MIN(day), MAX(day) FROM events", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        Ok(Stats {
            schema_version: crate::schema::version(c)?,
            documents: n("SELECT COUNT(*) FROM documents")?,
            events: n("SELECT COUNT(*) FROM events")?,
            canonical_events: n("SELECT COUNT(*) FROM canonical_events")?,
            copies: n("SELECT COUNT(*) FROM doc_signatures WHERE copy_of IS NOT NULL")?,
            quotes: n("SELECT COUNT(*) FROM quotes")?,
            entities: n("SELECT COUNT(*) FROM entities")?,
            first_day,
            last_day,
            first_published: range.map(|r| r.0.format("%Y-%m-%d").to_string()),
            last_published: range.map(|r| r.1.format("%Y-%m-%d").to_string()),
        })
    }

    /// A page of events matching `f`, sorted by one of [`EVENT_SORTS`] (default `day`).
    pub fn events(
        &self,
        f: &EventFilter,
        sort: Option<&str>,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<Page<EventRecord>, StoreError> {
        let order = event_order(sort, f.time)?;
        let limit = clamp(limit);
        let (w, mut p) = f.sql_where()?;
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM events e JOIN documents d ON d.doc = e.doc WHERE {w}"),
            params_from_iter(p.iter()),
            |r| r.get(0),
        )?;
        let n = p.len();
        p.push(Value::Integer(limit as i64));
        p.push(Value::Integer(offset as i64));
        let sql = format!(
            "{EVENT_SELECT} WHERE {w} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let items = st
            .query_map(params_from_iter(p.iter()), event_from_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Page {
            total: total as usize,
            limit,
            offset,
            items,
        })
    }

    /// The directed network between countries (`by_actor = false`) or actor codes, with at most
    /// `max_edges` heaviest edges of at least `min_count` events.
    pub fn network(
        &self,
        f: &EventFilter,
        by_actor: bool,
        min_count: usize,
        max_edges: usize,
    ) -> Result<Network, StoreError> {
        let (w, mut p) = f.sql_where()?;
        let (s, t) = if by_actor {
            ("e.source_code", "e.target_code")
        } else {
            ("e.source_country", "e.target_country")
        };
        let n = p.len();
        p.push(Value::Integer(min_count.max(1) as i64));
        p.push(Value::Integer(max_edges.clamp(1, MAX_LIMIT) as i64));
        let sql = format!(
            "SELECT {s}, {t}, COUNT(*) AS c, AVG(e.goldstein), SUM(e.quad <= 2), SUM(e.quad >= 3)
             FROM events e JOIN documents d ON d.doc = e.doc
             WHERE {w} AND {s} IS NOT NULL AND {t} IS NOT NULL AND {s} <> {t}
             GROUP BY {s}, {t} HAVING c >= ?{} ORDER BY c DESC, {s}, {t} LIMIT ?{}",
            n + 1,
            n + 2
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let edges = st
            .query_map(params_from_iter(p.iter()), |r| {
                Ok(Edge {
                    source: r.get(0)?,
                    target: r.get(1)?,
                    count: r.get(2)?,
                    goldstein: round2(r.get(3)?),
                    cooperation: r.get(4)?,
                    conflict: r.get(5)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut counts = std::collections::BTreeMap::<&str, i64>::new();
        for e in &edges {
            *counts.entry(&e.source).or_default() += e.count;
            *counts.entry(&e.target).or_default() += e.count;
        }
        let mut nodes: Vec<Node> = counts
            .into_iter()
            .map(|(id, count)| Node {
                id: id.to_string(),
                count,
            })
            .collect();
        nodes.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.id.cmp(&b.id)));
        Ok(Network { nodes, edges })
    }

    /// The most active dyads (unordered country pairs) among events matching `f`.
    pub fn dyads(
        &self,
        f: &EventFilter,
        limit: Option<usize>,
    ) -> Result<Vec<DyadCount>, StoreError> {
        let (w, mut p) = f.sql_where()?;
        let n = p.len();
        p.push(Value::Integer(clamp(limit) as i64));
        let sql = format!(
            "SELECT MIN(e.source_country, e.target_country) AS a, MAX(e.source_country, e.target_country) AS b,
                COUNT(*) AS c, AVG(e.goldstein)
             FROM events e JOIN documents d ON d.doc = e.doc
             WHERE {w} AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL
                AND e.source_country <> e.target_country
             GROUP BY a, b ORDER BY c DESC, a, b LIMIT ?{}",
            n + 1
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(p.iter()), |r| {
            Ok(DyadCount {
                a: r.get(0)?,
                b: r.get(1)?,
                count: r.get(2)?,
                goldstein: round2(r.get(3)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Quotes, optionally by one speaker (resolved name, or mention text), matching text
    /// search `q` over the documents, and/or in one document.
    pub fn quotes(
        &self,
        speaker: Option<&str>,
        q: Option<&str>,
        doc: Option<&str>,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<Page<QuoteRecord>, StoreError> {
        let mut w = vec!["1=1".to_string()];
        let mut p: Vec<Value> = Vec::new();
        if let Some(s) = speaker {
            p.push(Value::Text(s.to_string()));
            w.push(format!(
                "(q.speaker_name = ?{0} OR (q.speaker_name IS NULL AND q.speaker_text = ?{0}))",
                p.len()
            ));
        }
        if let Some(fq) = q.and_then(fts_query) {
            p.push(Value::Text(fq));
            w.push(format!(
                "q.doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?{})",
                p.len()
            ));
        }
        if let Some(d) = doc {
            p.push(Value::Text(d.to_string()));
            w.push(format!("d.id = ?{}", p.len()));
        }
        let w = w.join(" AND ");
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM quotes q JOIN documents d ON d.doc = q.doc WHERE {w}"),
            params_from_iter(p.iter()),
            |r| r.get(0),
        )?;
        let limit = clamp(limit);
        let n = p.len();
        p.push(Value::Integer(limit as i64));
        p.push(Value::Integer(offset as i64));
        let sql = format!(
            "SELECT d.id, d.title, d.date, q.idx, q.start, q.\"end\", q.text, q.kind, q.speaker_name,
                q.speaker_text, q.speaker_code, q.cue_text, q.channel
             FROM quotes q JOIN documents d ON d.doc = q.doc WHERE {w}
             ORDER BY d.date, d.id, q.idx LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let items = st
            .query_map(params_from_iter(p.iter()), |r| {
                Ok(QuoteRecord {
                    doc_id: r.get(0)?,
                    title: r.get(1)?,
                    date: r.get(2)?,
                    idx: r.get(3)?,
                    start: r.get(4)?,
                    end: r.get(5)?,
                    text: r.get(6)?,
                    kind: r.get(7)?,
                    speaker_name: r.get(8)?,
                    speaker_text: r.get(9)?,
                    speaker_code: r.get(10)?,
                    cue: r.get(11)?,
                    channel: r.get(12)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Page {
            total: total as usize,
            limit,
            offset,
            items,
        })
    }

    /// The most quoted resolved speakers. Unresolved ones ("he" without an antecedent, "a
    /// source") are never ranked among them: [`Store::unresolved_speakers`] counts them apart.
    pub fn speakers(&self, limit: Option<usize>) -> Result<Vec<SpeakerCount>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT COALESCE(speaker_name, speaker_text) AS s, MAX(speaker_code), COUNT(*) AS c,
                COUNT(DISTINCT doc)
             FROM quotes WHERE speaker_resolved = 1 AND s IS NOT NULL
             GROUP BY s ORDER BY c DESC, s LIMIT ?1",
        )?;
        let rows = st.query_map([clamp(limit) as i64], |r| {
            Ok(SpeakerCount {
                name: r.get(0)?,
                code: r.get(1)?,
                quotes: r.get(2)?,
                documents: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many quotes have an unresolved speaker or none (the count shown beside the ranking).
    pub fn unresolved_speakers(&self) -> Result<UnresolvedSpeakers, StoreError> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*), COALESCE(SUM(speaker_start IS NULL), 0), COUNT(DISTINCT doc)
             FROM quotes WHERE speaker_resolved = 0",
            [],
            |r| {
                Ok(UnresolvedSpeakers {
                    quotes: r.get(0)?,
                    without_speaker: r.get(1)?,
                    documents: r.get(2)?,
                })
            },
        )?)
    }

    /// Documents, newest first, optionally matching text search `q` and a date range.
    pub fn documents(
        &self,
        q: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<Page<DocSummary>, StoreError> {
        let mut w = vec!["1=1".to_string()];
        let mut p: Vec<Value> = Vec::new();
        if let Some(fq) = q.and_then(fts_query) {
            p.push(Value::Text(fq));
            w.push(format!(
                "d.doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?{})",
                p.len()
            ));
        }
        if let Some(f) = from {
            p.push(Value::Text(f.to_string()));
            w.push(format!("d.date >= ?{}", p.len()));
        }
        if let Some(t) = to {
            p.push(Value::Text(t.to_string()));
            w.push(format!("d.date <= ?{}", p.len()));
        }
        let w = w.join(" AND ");
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM documents d WHERE {w}"),
            params_from_iter(p.iter()),
            |r| r.get(0),
        )?;
        let limit = clamp(limit);
        let n = p.len();
        p.push(Value::Integer(limit as i64));
        p.push(Value::Integer(offset as i64));
        let sql = format!(
            "SELECT d.id, d.date, d.title, d.source, d.n_events, d.n_quotes FROM documents d
             WHERE {w} ORDER BY d.date DESC, d.id LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let items = st
            .query_map(params_from_iter(p.iter()), |r| {
                Ok(DocSummary {
                    id: r.get(0)?,
                    date: r.get(1)?,
                    title: r.get(2)?,
                    source: r.get(3)?,
                    events: r.get(4)?,
                    quotes: r.get(5)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Page {
            total: total as usize,
            limit,
            offset,
            items,
        })
    }

    /// One document with all its annotations, exactly as ingested.
    pub fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT text, annotations FROM documents WHERE id = ?1")?;
        let mut rows = st.query([id])?;
        let Some(r) = rows.next()? else {
            return Ok(None);
        };
        let text: String = r.get(0)?;
        let ann: String = r.get(1)?;
        let mut doc: Document = serde_json::from_str(&ann)?;
        doc.text = text;
        Ok(Some(doc))
    }
}

pub(crate) fn round2(v: Option<f64>) -> f64 {
    v.map(|v| (v * 100.0).round() / 100.0).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_query_quotes_every_word() {
        assert_eq!(
            fts_query("peace talks").as_deref(),
            Some("\"peace\" \"talks\"")
        );
        assert_eq!(fts_query("\"OR* NEAR(").as_deref(), Some("\"OR\" \"NEAR\""));
        assert_eq!(fts_query("  ** "), None);
    }

    #[test]
    fn codes_and_dates_are_validated() {
        assert!(check_code("c", "RUS").is_ok());
        assert!(check_code("c", "RUS'; DROP").is_err());
        assert_eq!(check_date("from", "2017-02-07").unwrap(), "2017-02-07");
        assert!(check_date("from", "2017/02/07").is_err());
    }

    #[test]
    fn filter_numbers_parameters_in_order() {
        let f = EventFilter {
            dyad: Some(("RUS".into(), "UKR".into())),
            roots: vec!["04".into(), "19".into()],
            from: Some("2017-01-01".into()),
            ..Default::default()
        };
        let (w, p) = f.sql_where().unwrap();
        assert_eq!(p.len(), 7);
        assert!(w.contains("?7"), "{w}");
        assert!(!w.contains("RUS"), "values must be bound, not inlined: {w}");
    }
}
