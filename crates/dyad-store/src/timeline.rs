//! Timelines: event counts, quad classes and mean Goldstein per day, week or month.
//!
//! The axis is the corpus's **publication range** (first to last publication day of its
//! documents), narrowed by the filter's `from`/`to`, and every bucket of it appears, empty or not,
//! so the axis is even. Events are placed by their article's publication day or by their own day
//! ([`crate::query::TimeBasis`]); by their own day, events outside the publication range (a 1917 revolution
//! recalled in a 2017 article) are left out of the timeline, though they stay in the events list.
//! The mean Goldstein score of a bucket is marked `reliable` only from [`GOLDSTEIN_MIN_EVENTS`]
//! events up: a mean of one or two events swings between −10 and +10 and says little.

use crate::query::{round2, EventFilter};
use crate::{Store, StoreError};
use chrono::{Datelike, Duration, Months, NaiveDate};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;
use std::collections::HashMap;

/// Fewest events in a bucket for its mean Goldstein score to be drawn as a line.
pub const GOLDSTEIN_MIN_EVENTS: i64 = 10;
/// Most buckets one timeline may have (about 13 years of days); beyond it ask for weeks or months.
pub const MAX_BUCKETS: usize = 5000;

/// Time buckets of timelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    /// One bucket per day.
    Day,
    /// ISO weeks, labelled by their Monday.
    Week,
    /// Calendar months, labelled by their first day.
    Month,
}

impl Interval {
    /// Parse `day`, `week` or `month`.
    pub fn parse(s: &str) -> Result<Interval, StoreError> {
        match s {
            "day" => Ok(Interval::Day),
            "week" => Ok(Interval::Week),
            "month" => Ok(Interval::Month),
            _ => Err(StoreError::BadParam(format!(
                "interval: expected day, week or month, got {s:?}"
            ))),
        }
    }

    /// The SQL expression of the bucket of day expression `day`.
    fn sql(self, day: &str) -> String {
        match self {
            Interval::Day => day.to_string(),
            Interval::Week => format!("date({day}, '-6 days', 'weekday 1')"),
            Interval::Month => format!("substr({day}, 1, 7) || '-01'"),
        }
    }

    /// The first day of the bucket holding `d` (as [`Interval::sql`] computes it).
    fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Interval::Day => d,
            Interval::Week => d - Duration::days(d.weekday().num_days_from_monday() as i64),
            Interval::Month => d.with_day(1).expect("day 1 exists"),
        }
    }

    /// The first day of the bucket after the one starting on `d`.
    fn next(self, d: NaiveDate) -> NaiveDate {
        match self {
            Interval::Day => d + Duration::days(1),
            Interval::Week => d + Duration::days(7),
            Interval::Month => d + Months::new(1),
        }
    }
}

/// One timeline bucket.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimelinePoint {
    /// First day of the bucket.
    pub bucket: String,
    /// Events in it.
    pub count: i64,
    /// Mean Goldstein score; null for an empty bucket.
    pub goldstein: Option<f64>,
    /// At least [`GOLDSTEIN_MIN_EVENTS`] events: the mean is worth drawing.
    pub reliable: bool,
    /// Events per quad class: verbal cooperation, material cooperation, verbal conflict,
    /// material conflict.
    pub quad: [i64; 4],
    /// Quad 1 + 2.
    pub cooperation: i64,
    /// Quad 3 + 4.
    pub conflict: i64,
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

impl Store {
    /// First and last publication day of the corpus's documents (dates that start `YYYY-MM-DD`).
    pub fn publication_range(&self) -> Result<Option<(NaiveDate, NaiveDate)>, StoreError> {
        let (a, b): (Option<String>, Option<String>) = self.conn.query_row(
            "SELECT MIN(substr(date, 1, 10)), MAX(substr(date, 1, 10)) FROM documents
             WHERE date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(
            match (
                a.as_deref().and_then(parse_day),
                b.as_deref().and_then(parse_day),
            ) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            },
        )
    }

    /// Every bucket of the publication range (narrowed by `f.from`/`f.to`) with the events
    /// matching `f` placed on `f.time`'s day; see the module documentation.
    pub fn timeline(
        &self,
        f: &EventFilter,
        interval: Interval,
    ) -> Result<Vec<TimelinePoint>, StoreError> {
        let Some((first, last)) = self.publication_range()? else {
            return Ok(Vec::new());
        };
        let lo = f
            .from
            .as_deref()
            .and_then(parse_day)
            .map_or(first, |d| d.max(first));
        let hi =
            f.to.as_deref()
                .and_then(parse_day)
                .map_or(last, |d| d.min(last));
        if lo > hi {
            return Ok(Vec::new());
        }
        let mut labels = Vec::new();
        let mut b = interval.start(lo);
        while b <= hi {
            if labels.len() == MAX_BUCKETS {
                return Err(StoreError::BadParam(format!(
                    "interval: more than {MAX_BUCKETS} buckets from {lo} to {hi}; use week or month"
                )));
            }
            labels.push(b.format("%Y-%m-%d").to_string());
            b = interval.next(b);
        }

        let (w, mut p) = f.sql_where()?;
        let day = f.time.day_sql();
        let n = p.len();
        p.push(Value::Text(lo.format("%Y-%m-%d").to_string()));
        p.push(Value::Text(hi.format("%Y-%m-%d").to_string()));
        let bucket = interval.sql(day);
        let sql = format!(
            "SELECT {bucket} AS bucket, COUNT(*), AVG(e.goldstein),
                SUM(e.quad = 1), SUM(e.quad = 2), SUM(e.quad = 3), SUM(e.quad = 4)
             FROM events e JOIN documents d ON d.doc = e.doc
             WHERE {w} AND {day} BETWEEN ?{} AND ?{} GROUP BY bucket",
            n + 1,
            n + 2
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut found: HashMap<String, TimelinePoint> = HashMap::new();
        let rows = st.query_map(params_from_iter(p.iter()), |r| {
            let quad = [r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?];
            let count: i64 = r.get(1)?;
            Ok(TimelinePoint {
                bucket: r.get(0)?,
                count,
                goldstein: Some(round2(r.get(2)?)),
                reliable: count >= GOLDSTEIN_MIN_EVENTS,
                quad,
                cooperation: quad[0] + quad[1],
                conflict: quad[2] + quad[3],
            })
        })?;
        for r in rows {
            let r = r?;
            found.insert(r.bucket.clone(), r);
        }
        Ok(labels
            .into_iter()
            .map(|bucket| {
                found.remove(&bucket).unwrap_or(TimelinePoint {
                    bucket,
                    count: 0,
                    goldstein: None,
                    reliable: false,
                    quad: [0; 4],
                    cooperation: 0,
                    conflict: 0,
                })
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_starts_match_sqlite_labels() {
        let d = NaiveDate::from_ymd_opt(2017, 3, 5).unwrap(); // a Sunday
        assert_eq!(Interval::Week.start(d).to_string(), "2017-02-27");
        assert_eq!(Interval::Month.start(d).to_string(), "2017-03-01");
        assert_eq!(
            Interval::Month
                .next(NaiveDate::from_ymd_opt(2017, 1, 1).unwrap())
                .to_string(),
            "2017-02-01"
        );
    }
}
