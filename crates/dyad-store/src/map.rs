//! The event map: events that carry a geocoded place, grouped by place and by country.
//!
//! A place is one (name, country, latitude, longitude) as the geocoder wrote it; coordinates are
//! rounded to 0.01° (about 1 km) so one city's events share a point. Events with a place country
//! but no coordinates count for their country only; events without a place are counted apart
//! (`unplaced`), never dropped silently.

use crate::query::{round2, EventFilter};
use crate::{Store, StoreError};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

/// Most points one map answer carries (the most active places).
pub const MAX_POINTS: usize = 2000;

/// A place on the map with its events.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MapPoint {
    /// Place name.
    pub name: Option<String>,
    /// Country code (ISO 3166-1 alpha-3).
    pub country: Option<String>,
    /// Latitude (rounded to 0.01°).
    pub lat: f64,
    /// Longitude (rounded to 0.01°).
    pub lon: f64,
    /// Events.
    pub count: i64,
    /// Mean Goldstein score.
    pub goldstein: f64,
    /// Events per quad class 1–4.
    pub quad: [i64; 4],
}

/// A country with the events placed in it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MapCountry {
    /// Country code (ISO 3166-1 alpha-3).
    pub country: String,
    /// Events.
    pub count: i64,
    /// Mean Goldstein score.
    pub goldstein: f64,
    /// Events per quad class 1–4.
    pub quad: [i64; 4],
}

/// The map of the events matching a filter.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventMap {
    /// Places with coordinates, most events first (at most [`MAX_POINTS`]).
    pub points: Vec<MapPoint>,
    /// Countries of places, most events first.
    pub countries: Vec<MapCountry>,
    /// Matching events with a place country.
    pub placed: i64,
    /// Matching events without one.
    pub unplaced: i64,
}

const AGG: &str = "COUNT(*) AS c, AVG(e.goldstein), SUM(e.quad = 1), SUM(e.quad = 2), SUM(e.quad = 3), SUM(e.quad = 4)";

fn quad(r: &rusqlite::Row, at: usize) -> rusqlite::Result<[i64; 4]> {
    Ok([r.get(at)?, r.get(at + 1)?, r.get(at + 2)?, r.get(at + 3)?])
}

impl Store {
    /// Points and countries of the events matching `f`.
    pub fn event_map(&self, f: &EventFilter) -> Result<EventMap, StoreError> {
        let (w, mut p) = f.sql_where()?;
        let from = "FROM events e JOIN documents d ON d.doc = e.doc";
        let n = p.len();
        p.push(Value::Integer(MAX_POINTS as i64));
        let sql = format!(
            "SELECT e.place_name, e.place_country, ROUND(e.lat, 2) AS la, ROUND(e.lon, 2) AS lo, {AGG}
             {from} WHERE {w} AND e.lat IS NOT NULL AND e.lon IS NOT NULL
             GROUP BY e.place_name, e.place_country, la, lo
             ORDER BY c DESC, e.place_name, la, lo LIMIT ?{}",
            n + 1
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let points = st
            .query_map(params_from_iter(p.iter()), |r| {
                Ok(MapPoint {
                    name: r.get(0)?,
                    country: r.get(1)?,
                    lat: r.get(2)?,
                    lon: r.get(3)?,
                    count: r.get(4)?,
                    goldstein: round2(r.get(5)?),
                    quad: quad(r, 6)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        p.truncate(n);
        let sql = format!(
            "SELECT e.place_country, {AGG} {from} WHERE {w} AND e.place_country IS NOT NULL
             GROUP BY e.place_country ORDER BY c DESC, e.place_country"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let countries = st
            .query_map(params_from_iter(p.iter()), |r| {
                Ok(MapCountry {
                    country: r.get(0)?,
                    count: r.get(1)?,
                    goldstein: round2(r.get(2)?),
                    quad: quad(r, 3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let placed = countries.iter().map(|c| c.count).sum();
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) {from} WHERE {w}"),
            params_from_iter(p.iter()),
            |r| r.get(0),
        )?;
        Ok(EventMap {
            points,
            countries,
            placed,
            unplaced: total - placed,
        })
    }
}
