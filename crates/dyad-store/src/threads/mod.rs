//! Negotiation threads: the proposals, demands, appeals, offers, meetings, agreements,
//! rejections, threats and concessions between two sides, in time order, each with the response
//! that followed it, so that "proposed a ceasefire → rejected → proposed talks in a third
//! country → accepted" reads as one line.
//!
//! Which events are moves, and how each reads, comes from `data/threads/moves.tsv`; issue tags
//! from `data/threads/issues.txt` ([`lexicon`]). One item per canonical event (repeated reports
//! count once). The **response** to an item is the first later item by the other side within
//! [`RESPONSE_DAYS`] days; a response with the same move as the item it answers (talks proposed,
//! talks proposed back) reads "accepts".

pub mod lexicon;

use crate::query::{event_from_row, EventRecord, EVENT_SELECT};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension};
use serde::Serialize;

/// Days within which a later move by the other side counts as the response.
pub const RESPONSE_DAYS: i64 = 7;

/// One move of a thread.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ThreadItem {
    /// The event (representative mention of its canonical event, with counts).
    #[serde(flatten)]
    pub event: EventRecord,
    /// `a` or `b`: whose move it is.
    pub side: String,
    /// The move (`proposes talks`, `rejection`, …).
    #[serde(rename = "move")]
    pub move_: String,
    /// Issue tags found in the evidence sentence.
    pub issues: Vec<String>,
    /// The evidence sentence.
    pub sentence: String,
    /// Index (in the thread) of the response, if any.
    pub response: Option<usize>,
    /// How the response reads relative to this move (`accepts`, or its own move).
    pub response_reads: Option<String>,
}

/// A thread: its items in time order and the lines they form.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Thread {
    /// Side a's country codes.
    pub a: Vec<String>,
    /// Side b's country codes.
    pub b: Vec<String>,
    /// Every move, by day.
    pub items: Vec<ThreadItem>,
    /// Chains of items linked by responses (indices), each starting at an item that answers
    /// nothing; a chain of one is a move without answer.
    pub lines: Vec<Vec<usize>>,
}

fn day_number(d: Option<&str>) -> Option<i64> {
    use chrono::Datelike;
    NaiveDate::parse_from_str(d?, "%Y-%m-%d")
        .ok()
        .map(|d| d.num_days_from_ce() as i64)
}

impl Store {
    /// The thread between sides `a` and `b` (country codes; several make a coalition), within
    /// the day range, optionally only the moves tagged with `issue`.
    pub fn thread(
        &self,
        a: &[String],
        b: &[String],
        from: Option<&str>,
        to: Option<&str>,
        issue: Option<&str>,
    ) -> Result<Thread, StoreError> {
        let lex = lexicon::Lexicon::embedded()?;
        if let Some(t) = issue {
            if !lex.has_issue(t) {
                return Err(StoreError::BadParam(format!("issue: unknown tag {t:?}")));
            }
        }
        let mut p: Vec<Value> = Vec::new();
        let mut list = |codes: &[String]| {
            let qs: Vec<String> = codes
                .iter()
                .map(|c| {
                    p.push(Value::Text(c.clone()));
                    format!("?{}", p.len())
                })
                .collect();
            qs.join(", ")
        };
        let (la, lb) = (list(a), list(b));
        let mut w = format!(
            "((e.source_country IN ({la}) AND e.target_country IN ({lb}))
              OR (e.source_country IN ({lb}) AND e.target_country IN ({la})))
             AND e.negated = 0 AND e.day IS NOT NULL"
        );
        for (op, v) in [(">=", from), ("<=", to)] {
            if let Some(v) = v {
                p.push(Value::Text(v.to_string()));
                w.push_str(&format!(" AND e.day {op} ?{}", p.len()));
            }
        }
        let sql = format!("{EVENT_SELECT} WHERE {w} ORDER BY e.day, d.date, d.id, e.idx");
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(p.iter()), |r| {
            Ok((r.get::<_, i64>(34)?, event_from_row(r)?))
        })?;
        let mut sent = self.conn.prepare_cached(
            "SELECT substr(d.text, s.start + 1, s.\"end\" - s.start) FROM events e
             JOIN documents d ON d.doc = e.doc JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence
             WHERE e.event = ?1",
        )?;
        let mut seen = std::collections::BTreeSet::new();
        let mut items: Vec<ThreadItem> = Vec::new();
        for row in rows {
            let (id, e) = row?;
            let Some(mv) = lex.move_of(&e.cameo) else {
                continue;
            };
            // One item per canonical event: its first mention in time order.
            if !seen.insert(e.canonical.unwrap_or(-id)) {
                continue;
            }
            // A document stored without sentences falls back to the evidence span.
            let sentence: String = sent
                .query_row([id], |r| r.get::<_, Option<String>>(0))
                .optional()?
                .flatten()
                .unwrap_or_else(|| e.evidence_text.clone());
            let issues = lex.issues_in(&sentence);
            if issue.is_some_and(|t| !issues.iter().any(|i| i == t)) {
                continue;
            }
            let side = if e.source_country.as_ref().is_some_and(|c| a.contains(c)) {
                "a"
            } else {
                "b"
            };
            items.push(ThreadItem {
                side: side.into(),
                move_: mv.to_string(),
                issues,
                sentence,
                response: None,
                response_reads: None,
                event: e,
            });
        }
        link_responses(&mut items, &lex);
        let lines = lines_of(&items);
        Ok(Thread {
            a: a.to_vec(),
            b: b.to_vec(),
            items,
            lines,
        })
    }
}

/// Each item's response: the first later item by the other side within [`RESPONSE_DAYS`].
fn link_responses(items: &mut [ThreadItem], lex: &lexicon::Lexicon) {
    for i in 0..items.len() {
        let Some(d) = day_number(items[i].event.day.as_deref()) else {
            continue;
        };
        let found = (i + 1..items.len()).find(|&j| {
            items[j].side != items[i].side
                && day_number(items[j].event.day.as_deref())
                    .is_some_and(|dj| dj >= d && dj - d <= RESPONSE_DAYS)
        });
        if let Some(j) = found {
            let same = lex.prefix_of(&items[i].event.cameo) == lex.prefix_of(&items[j].event.cameo);
            items[i].response = Some(j);
            items[i].response_reads = Some(if same {
                "accepts".to_string()
            } else {
                items[j].move_.clone()
            });
        }
    }
}

/// Chains from every item that answers nothing, following responses.
fn lines_of(items: &[ThreadItem]) -> Vec<Vec<usize>> {
    let answered: std::collections::BTreeSet<usize> =
        items.iter().filter_map(|i| i.response).collect();
    (0..items.len())
        .filter(|i| !answered.contains(i))
        .map(|start| {
            let mut line = vec![start];
            let mut at = start;
            while let Some(next) = items[at].response {
                line.push(next);
                at = next;
            }
            line
        })
        .collect()
}
