//! Completion and facets for the dashboard's filters: actor and country codes matching what the
//! analyst typed (on the source side, the target side or either), and the values of PLOVER type
//! and modality present in the corpus.

use crate::query::clamp;
use crate::{Store, StoreError};
use serde::Serialize;
use std::collections::BTreeMap;

/// Which side of an event a completion or filter looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Side {
    /// Source or target.
    #[default]
    Either,
    /// Source only.
    Source,
    /// Target only.
    Target,
}

impl Side {
    /// Parse `either`, `source` or `target`.
    pub fn parse(s: &str) -> Result<Side, StoreError> {
        match s {
            "either" => Ok(Side::Either),
            "source" => Ok(Side::Source),
            "target" => Ok(Side::Target),
            _ => Err(StoreError::BadParam(format!(
                "side: expected either, source or target, got {s:?}"
            ))),
        }
    }

    fn sides(self) -> &'static [&'static str] {
        match self {
            Side::Either => &["source", "target"],
            Side::Source => &["source"],
            Side::Target => &["target"],
        }
    }
}

/// A completion: the value to filter on, a readable label and how many events have it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Suggestion {
    /// Actor or country code.
    pub value: String,
    /// Canonical name (the most frequent one for the code).
    pub label: Option<String>,
    /// Events (mentions) with it on the side asked for.
    pub count: i64,
}

/// A value of a facet with its event count.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FacetValue {
    /// The value.
    pub value: String,
    /// Events (mentions).
    pub count: i64,
}

/// The values the filter menus offer.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Facets {
    /// PLOVER event types, most frequent first.
    pub plover: Vec<FacetValue>,
    /// Modalities, most frequent first.
    pub modality: Vec<FacetValue>,
}

impl Store {
    /// Actor codes (`country = false`) or country codes whose code starts with `q` or whose
    /// name contains it (case-insensitive), on `side`, most frequent first.
    pub fn complete(
        &self,
        q: &str,
        country: bool,
        side: Side,
        limit: Option<usize>,
    ) -> Result<Vec<Suggestion>, StoreError> {
        let q = q.trim();
        // The name of a country code is the name of the actor coded with the bare country code.
        let parts: Vec<String> = side
            .sides()
            .iter()
            .map(|s| {
                if country {
                    format!(
                        "SELECT {s}_country AS v, CASE WHEN {s}_code = {s}_country THEN {s}_name END AS n FROM events WHERE {s}_country IS NOT NULL"
                    )
                } else {
                    format!("SELECT {s}_code AS v, {s}_name AS n FROM events WHERE {s}_code IS NOT NULL")
                }
            })
            .collect();
        // Count (code, name) pairs in SQL; pick each code's most frequent name and match here
        // (a few thousand pairs even on large corpora).
        let sql = format!(
            "SELECT v, n, COUNT(*) FROM ({}) GROUP BY v, n",
            parts.join(" UNION ALL ")
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut by_code: BTreeMap<String, (i64, Option<(i64, String)>)> = BTreeMap::new();
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (v, n, c) = row?;
            let e = by_code.entry(v).or_default();
            e.0 += c;
            if let Some(n) = n {
                // Most frequent name; ties to the alphabetically first (rows come in any order).
                let better = match &e.1 {
                    None => true,
                    Some((bc, bn)) => c > *bc || (c == *bc && n < *bn),
                };
                if better {
                    e.1 = Some((c, n));
                }
            }
        }
        let ql = q.to_lowercase();
        let mut out: Vec<Suggestion> = by_code
            .into_iter()
            .filter(|(v, (_, n))| {
                v.to_lowercase().starts_with(&ql)
                    || n.as_ref()
                        .is_some_and(|(_, n)| n.to_lowercase().contains(&ql))
            })
            .map(|(value, (count, n))| Suggestion {
                value,
                label: n.map(|(_, n)| n),
                count,
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        out.truncate(clamp(limit));
        Ok(out)
    }

    /// PLOVER types and modalities present in the corpus.
    pub fn facets(&self) -> Result<Facets, StoreError> {
        let values = |col: &str| -> Result<Vec<FacetValue>, StoreError> {
            let mut st = self.conn.prepare_cached(&format!(
                "SELECT {col}, COUNT(*) AS c FROM events WHERE {col} IS NOT NULL AND {col} <> ''
                 GROUP BY {col} ORDER BY c DESC, {col}"
            ))?;
            let rows = st.query_map([], |r| {
                Ok(FacetValue {
                    value: r.get(0)?,
                    count: r.get(1)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        Ok(Facets {
            plover: values("plover_type")?,
            modality: values("modality")?,
        })
    }
}
