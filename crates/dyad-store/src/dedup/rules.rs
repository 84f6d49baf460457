//! When are two event mentions the same real-world event? Pure functions, no SQL.
//!
//! Two mentions are compared only when they share a *key*: source actor code, target actor code,
//! CAMEO root and negation (a denied meeting is not the meeting). Within a key they are compatible
//! when all of these hold (thresholds in `docs/store.md`, "Canonical events"):
//!
//! - **CAMEO**: the same three-digit code, or a parent/child pair (a root-level code such as `04`
//!   or `040`, "not specified below", is the parent of every code of its root);
//! - **day**: the same day when both mentions carry their own full date; within
//!   [`UNDATED_WINDOW`] days when either day comes from the publication date (a report published
//!   the morning after the call);
//! - **place**: no conflict: two named places that differ and lie more than [`PLACE_KM`] apart
//!   (or whose countries differ) are two events;
//! - **statements** (CAMEO root `01`, "said", "noted"): the code says nothing of *what* was said,
//!   so two statements are one only when they come from copies of one story (a republished
//!   article), never from one document or from independent articles.

/// Days either side when a mention's day comes from its article's publication date.
pub const UNDATED_WINDOW: i64 = 1;
/// Two named places closer than this (km) are the same place (a city and its district).
pub const PLACE_KM: f64 = 50.0;

/// What the rules need to know about one event mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Store row id (`events.event`).
    pub event: i64,
    /// Document id (`documents.id`), for a stable order.
    pub doc_id: String,
    /// Event index in its document.
    pub idx: i64,
    /// CAMEO code.
    pub cameo: String,
    /// Day counted on, as a day number (days since 1970-01-01).
    pub day: i64,
    /// Whether `day` is the event's own full date (not the publication date).
    pub dated: bool,
    /// Place name, when coded.
    pub place: Option<String>,
    /// Place country, when coded.
    pub place_country: Option<String>,
    /// Place coordinates, when coded.
    pub coords: Option<(f64, f64)>,
    /// Both actors are named (canonical names), for choosing the representative.
    pub named: bool,
    /// Document row id.
    pub doc: i64,
    /// Story: the row id of the first article of which this one is a copy (else its own).
    pub story: i64,
}

/// The code a CAMEO code is compared at: its first three digits, or its root when those are the
/// root's generic `x0` code.
fn level(cameo: &str) -> &str {
    let c = &cameo[..cameo.len().min(3)];
    if c.len() == 3 && c.ends_with('0') {
        &c[..2]
    } else {
        c
    }
}

/// Same three-digit code, or one is the other's parent (a prefix at the compared level).
pub fn cameo_compatible(a: &str, b: &str) -> bool {
    let (a, b) = (level(a), level(b));
    a == b || (a.len() < b.len() && b.starts_with(a)) || (b.len() < a.len() && a.starts_with(b))
}

/// The day rule: same day when both are dated, else within [`UNDATED_WINDOW`].
pub fn days_compatible(a: &Mention, b: &Mention) -> bool {
    let gap = (a.day - b.day).abs();
    if a.dated && b.dated {
        gap == 0
    } else {
        gap <= UNDATED_WINDOW
    }
}

/// Great-circle distance in km.
fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Whether the two mentions name places that cannot be the same.
pub fn places_conflict(a: &Mention, b: &Mention) -> bool {
    if let (Some(x), Some(y)) = (&a.place_country, &b.place_country) {
        if x != y {
            return true;
        }
    }
    match (&a.place, &b.place) {
        (Some(x), Some(y)) if !x.eq_ignore_ascii_case(y) => match (a.coords, b.coords) {
            (Some(p), Some(q)) => km(p, q) > PLACE_KM,
            _ => true,
        },
        _ => false,
    }
}

/// The statement rule: root-01 mentions are one event only across copies of one story.
pub fn statements_compatible(a: &Mention, b: &Mention) -> bool {
    let statement = |m: &Mention| m.cameo.starts_with("01");
    if !(statement(a) || statement(b)) {
        return true;
    }
    a.story == b.story && a.doc != b.doc
}

/// All rules together (the key is checked by the caller).
pub fn compatible(a: &Mention, b: &Mention) -> bool {
    cameo_compatible(&a.cameo, &b.cameo)
        && days_compatible(a, b)
        && !places_conflict(a, b)
        && statements_compatible(a, b)
}

/// Group one run of same-key mentions. Mentions are taken in (day, document id, index) order;
/// each joins the first group all of whose members it is compatible with (complete linkage, so
/// a chain of one-day steps never merges a Monday call with a Wednesday call), else starts a
/// group. Returns groups of indices into `run`, in creation order.
pub fn group(run: &[Mention]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..run.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&run[i], &run[j]);
        (a.day, &a.doc_id, a.idx).cmp(&(b.day, &b.doc_id, b.idx))
    });
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let m = &run[i];
        match groups
            .iter_mut()
            .find(|g| g.iter().all(|&j| compatible(m, &run[j])))
        {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}

/// The representative of a group: Dyad's events carry no confidence score, so the mention with
/// the most support: its own date, then a place, then both actors named, then the earliest
/// (day, document id, index).
pub fn representative(run: &[Mention], group: &[usize]) -> usize {
    *group
        .iter()
        .min_by(|&&i, &&j| {
            let (a, b) = (&run[i], &run[j]);
            (
                !a.dated,
                a.place.is_none(),
                !a.named,
                a.day,
                &a.doc_id,
                a.idx,
            )
                .cmp(&(
                    !b.dated,
                    b.place.is_none(),
                    !b.named,
                    b.day,
                    &b.doc_id,
                    b.idx,
                ))
        })
        .expect("groups are never empty")
}

/// Split day-sorted days into runs: consecutive mentions more than the widest window apart can
/// never be compatible, so each run is grouped on its own. Returns `(first, last)` day per run.
pub fn runs(mut days: Vec<i64>) -> Vec<(i64, i64)> {
    days.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::new();
    for d in days {
        match out.last_mut() {
            Some(r) if d - r.1 <= UNDATED_WINDOW => r.1 = d,
            _ => out.push((d, d)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(event: i64, cameo: &str, day: i64, dated: bool) -> Mention {
        Mention {
            event,
            doc_id: format!("d{event}"),
            idx: 0,
            cameo: cameo.into(),
            day,
            dated,
            place: None,
            place_country: None,
            coords: None,
            named: true,
            doc: event,
            story: event,
        }
    }

    #[test]
    fn cameo_levels() {
        assert!(cameo_compatible("042", "042"));
        assert!(cameo_compatible("0421", "042"));
        assert!(cameo_compatible("04", "043"));
        assert!(
            cameo_compatible("040", "043"),
            "040 is the root's generic code"
        );
        assert!(!cameo_compatible("042", "043"));
        assert!(!cameo_compatible("190", "180"));
        assert!(cameo_compatible("0231", "0234"), "same three-digit code");
    }

    #[test]
    fn day_window_depends_on_dating() {
        assert!(days_compatible(
            &m(1, "042", 10, true),
            &m(2, "042", 10, true)
        ));
        assert!(!days_compatible(
            &m(1, "042", 10, true),
            &m(2, "042", 11, true)
        ));
        assert!(days_compatible(
            &m(1, "042", 10, true),
            &m(2, "042", 11, false)
        ));
        assert!(!days_compatible(
            &m(1, "042", 10, false),
            &m(2, "042", 12, false)
        ));
    }

    #[test]
    fn places_conflict_only_when_both_named_and_apart() {
        let mut a = m(1, "190", 10, true);
        let mut b = m(2, "190", 10, true);
        assert!(!places_conflict(&a, &b));
        a.place = Some("Kharkiv".into());
        assert!(!places_conflict(&a, &b), "one unknown place is no conflict");
        b.place = Some("Odesa".into());
        assert!(places_conflict(&a, &b));
        a.coords = Some((50.0, 36.23));
        b.coords = Some((50.05, 36.3));
        assert!(!places_conflict(&a, &b), "a few km apart");
        b.place_country = Some("UKR".into());
        a.place_country = Some("RUS".into());
        assert!(places_conflict(&a, &b));
    }

    #[test]
    fn statements_merge_only_across_copies() {
        let (mut a, mut b) = (m(1, "010", 10, true), m(2, "010", 10, true));
        assert!(!compatible(&a, &b), "independent articles");
        b.story = a.story;
        assert!(compatible(&a, &b), "a republished copy");
        b.doc = a.doc;
        assert!(!compatible(&a, &b), "two statements in one article");
        a.cameo = "042".into();
        b.cameo = "042".into();
        assert!(compatible(&a, &b), "a visit told twice in one article");
    }

    #[test]
    fn complete_linkage_does_not_chain_days() {
        // Undated mentions on days 10, 11, 12: 10–11 and 11–12 are each within the window, but
        // 10–12 is not, so 12 starts a group of its own.
        let run = vec![
            m(1, "042", 10, false),
            m(2, "042", 11, false),
            m(3, "042", 12, false),
        ];
        assert_eq!(group(&run), vec![vec![0, 1], vec![2]]);
        assert_eq!(
            runs(vec![12, 10, 11, 20, 14]),
            vec![(10, 12), (14, 14), (20, 20)]
        );
    }

    #[test]
    fn representative_prefers_dated_then_placed() {
        let mut run = vec![
            m(1, "042", 10, false),
            m(2, "042", 10, true),
            m(3, "042", 10, true),
        ];
        run[2].place = Some("Riyadh".into());
        assert_eq!(representative(&run, &[0, 1, 2]), 2);
        assert_eq!(representative(&run, &[0, 1]), 1);
    }
}
