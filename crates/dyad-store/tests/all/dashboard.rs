//! The dashboard's queries (issue 21) on the fixture corpus: sort orders, the side, modality and
//! place filters, the publication-date axis with every bucket, the map, completion, facets and
//! the sorted CSV. Expected values come from the fixture documents.

use crate::store::ingested;
use dyad_output::Document;
use dyad_store::complete::Side;
use dyad_store::export::Format;
use dyad_store::query::{Interval, TimeBasis, GOLDSTEIN_MIN_EVENTS};
use dyad_store::EventFilter;

fn events(docs: &[Document]) -> impl Iterator<Item = (&Document, &dyad_output::EventOut)> {
    docs.iter()
        .flat_map(|d| d.events.iter().map(move |e| (d, e)))
}

fn all_mentions() -> EventFilter {
    EventFilter {
        mentions: true,
        ..Default::default()
    }
}

#[test]
fn every_sort_orders_rows_by_its_column() {
    let (_d, store, docs) = ingested();
    let n = events(&docs).count();
    let f = all_mentions();
    let page = |s: &str| store.events(&f, Some(s), Some(500), 0).unwrap().items;
    let days: Vec<String> = page("-day")
        .iter()
        .map(|e| e.day.clone().unwrap())
        .collect();
    assert_eq!(days.len(), n);
    assert!(
        days.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {days:?}"
    );
    // By publication day: newest articles first.
    let by_pub = EventFilter {
        time: TimeBasis::Published,
        ..all_mentions()
    };
    let pubs: Vec<String> = store
        .events(&by_pub, Some("-day"), Some(500), 0)
        .unwrap()
        .items
        .iter()
        .map(|e| e.published.clone().unwrap())
        .collect();
    assert!(pubs.windows(2).all(|w| w[0] >= w[1]), "{pubs:?}");
    let g: Vec<f64> = page("goldstein").iter().map(|e| e.goldstein).collect();
    assert!(g.windows(2).all(|w| w[0] <= w[1]));
    let g: Vec<f64> = page("-goldstein").iter().map(|e| e.goldstein).collect();
    assert!(g.windows(2).all(|w| w[0] >= w[1]));
    let name = |e: &dyad_store::EventRecord, src: bool| {
        if src {
            e.source_name.clone().or(e.source_text.clone())
        } else {
            e.target_name.clone().or(e.target_text.clone())
        }
    };
    for (key, src) in [("source", true), ("target", false)] {
        let asc: Vec<_> = page(key).iter().map(|e| name(e, src)).collect();
        assert!(
            asc.windows(2).all(|w| w[0] <= w[1] || w[1].is_none()),
            "{key}: {asc:?}"
        );
        let desc: Vec<_> = page(&format!("-{key}"))
            .iter()
            .map(|e| name(e, src))
            .collect();
        let named: Vec<_> = desc.iter().flatten().collect();
        assert!(named.windows(2).all(|w| w[0] >= w[1]), "-{key}: {desc:?}");
    }
    let codes: Vec<String> = page("code").iter().map(|e| e.cameo.clone()).collect();
    assert!(codes.windows(2).all(|w| w[0] <= w[1]));
    assert!(store.events(&f, Some("evidence"), None, 0).is_err());
}

#[test]
fn side_modality_and_place_filters() {
    let (_d, store, docs) = ingested();
    let count = |f: EventFilter| {
        store
            .events(
                &EventFilter {
                    mentions: true,
                    ..f
                },
                None,
                Some(500),
                0,
            )
            .unwrap()
            .total
    };
    let code = |a: &Option<dyad_output::EventActorOut>| a.as_ref().and_then(|a| a.code.clone());
    let src_usa = events(&docs)
        .filter(|(_, e)| code(&e.source).is_some_and(|c| c.starts_with("USA")))
        .count();
    let tgt_usa = events(&docs)
        .filter(|(_, e)| code(&e.target).is_some_and(|c| c.starts_with("USA")))
        .count();
    assert!(src_usa > 0 && tgt_usa > 0);
    let f = |s: Option<&str>, t: Option<&str>| EventFilter {
        source_actor: s.map(str::to_string),
        target_actor: t.map(str::to_string),
        ..Default::default()
    };
    assert_eq!(count(f(Some("USA"), None)), src_usa);
    assert_eq!(count(f(None, Some("USA"))), tgt_usa);
    // By canonical name, on one side only.
    let named = |a: &Option<dyad_output::EventActorOut>| {
        a.as_ref().and_then(|a| a.name.as_deref()) == Some("Vladimir Putin")
    };
    let putin_src = events(&docs).filter(|(_, e)| named(&e.source)).count();
    let putin_tgt = events(&docs).filter(|(_, e)| named(&e.target)).count();
    assert!(putin_src > 0 && putin_tgt > 0);
    assert_eq!(count(f(Some("Vladimir Putin"), None)), putin_src);
    assert_eq!(count(f(None, Some("Vladimir Putin"))), putin_tgt);

    let intent = events(&docs)
        .filter(|(_, e)| e.modality == "intent")
        .count();
    assert!(intent > 0);
    assert_eq!(
        count(EventFilter {
            modality: Some("intent".into()),
            ..Default::default()
        }),
        intent
    );
    let in_ukr = events(&docs)
        .filter(|(_, e)| e.place.as_ref().and_then(|p| p.country.as_deref()) == Some("UKR"))
        .count();
    assert!(in_ukr >= 2);
    assert_eq!(
        count(EventFilter {
            place_country: Some("UKR".into()),
            ..Default::default()
        }),
        in_ukr
    );
    assert_eq!(
        count(EventFilter {
            place: Some("Kharkiv".into()),
            place_country: Some("UKR".into()),
            ..Default::default()
        }),
        1
    );
}

/// The day an event counts on, computed from the fixture as the store documents it.
fn event_day(d: &Document, e: &dyad_output::EventOut) -> String {
    match e.date.as_deref() {
        Some(s) if s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() => {
            s.to_string()
        }
        _ => d.date.clone().unwrap(),
    }
}

#[test]
fn timeline_has_every_bucket_of_the_publication_range() {
    let (_d, store, docs) = ingested();
    let first = docs.iter().filter_map(|d| d.date.clone()).min().unwrap();
    let last = docs.iter().filter_map(|d| d.date.clone()).max().unwrap();
    let happened: Vec<_> = events(&docs).filter(|(_, e)| !e.negated).collect();
    let published = EventFilter {
        negated: Some(false),
        time: TimeBasis::Published,
        ..all_mentions()
    };
    let days = store.timeline(&published, Interval::Day).unwrap();
    let span = chrono::NaiveDate::parse_from_str(&last, "%Y-%m-%d").unwrap()
        - chrono::NaiveDate::parse_from_str(&first, "%Y-%m-%d").unwrap();
    assert_eq!(days.len() as i64, span.num_days() + 1, "one bucket per day");
    assert_eq!(days[0].bucket, first);
    let stats = store.stats().unwrap();
    assert_eq!(stats.first_published.as_deref(), Some(first.as_str()));
    assert_eq!(stats.last_published.as_deref(), Some(last.as_str()));
    assert_eq!(days.last().unwrap().bucket, last);
    assert!(days.iter().any(|p| p.count == 0), "empty days are kept");
    assert!(days.iter().all(|p| (p.count == 0) == p.goldstein.is_none()
        && p.reliable == (p.count >= GOLDSTEIN_MIN_EVENTS)));
    assert_eq!(
        days.iter().map(|p| p.count).sum::<i64>() as usize,
        happened.len(),
        "by publication date every event is in range"
    );
    // By publication date, each document's events fall on its date.
    for p in days.iter().filter(|p| p.count > 0) {
        let want = events(&docs)
            .filter(|(d, e)| !e.negated && d.date.as_deref() == Some(p.bucket.as_str()))
            .count();
        assert_eq!(p.count as usize, want, "{}", p.bucket);
    }
    // By event date, events before the first publication day are left out of the axis.
    let by_event = EventFilter {
        time: TimeBasis::Event,
        ..published.clone()
    };
    let ev = store.timeline(&by_event, Interval::Day).unwrap();
    assert_eq!(ev.len(), days.len());
    let inside = happened
        .iter()
        .filter(|(d, e)| event_day(d, e) >= first && event_day(d, e) <= last)
        .count();
    assert!(
        inside < happened.len(),
        "the fixture has an event dated before its first article"
    );
    assert_eq!(ev.iter().map(|p| p.count).sum::<i64>() as usize, inside);
    // Weeks and months cover the range without gaps; from/to narrow it.
    let weeks = store.timeline(&published, Interval::Week).unwrap();
    for w in weeks.windows(2) {
        let a = chrono::NaiveDate::parse_from_str(&w[0].bucket, "%Y-%m-%d").unwrap();
        let b = chrono::NaiveDate::parse_from_str(&w[1].bucket, "%Y-%m-%d").unwrap();
        assert_eq!((b - a).num_days(), 7);
    }
    let narrow = EventFilter {
        from: Some("2025-03-01".into()),
        to: Some("2025-03-31".into()),
        ..published.clone()
    };
    let march = store.timeline(&narrow, Interval::Day).unwrap();
    assert_eq!(march.len(), 31);
    let months = store.timeline(&published, Interval::Month).unwrap();
    let labels: Vec<&str> = months.iter().map(|p| p.bucket.as_str()).collect();
    assert_eq!(labels, ["2025-02-01", "2025-03-01", "2025-04-01"]);
}

#[test]
fn map_groups_placed_events_and_counts_the_rest() {
    let (_d, store, docs) = ingested();
    let m = store.event_map(&all_mentions()).unwrap();
    let placed: Vec<_> = events(&docs)
        .filter_map(|(_, e)| e.place.as_ref())
        .collect();
    assert_eq!(m.placed as usize, placed.len());
    assert_eq!((m.placed + m.unplaced) as usize, events(&docs).count());
    let ukr = m.countries.iter().find(|c| c.country == "UKR").unwrap();
    let want = placed
        .iter()
        .filter(|p| p.country.as_deref() == Some("UKR"))
        .count();
    assert_eq!(ukr.count as usize, want);
    assert_eq!(ukr.quad.iter().sum::<i64>(), ukr.count);
    let kharkiv = m
        .points
        .iter()
        .find(|p| p.name.as_deref() == Some("Kharkiv"))
        .unwrap();
    assert_eq!(kharkiv.count, 1);
    assert!((kharkiv.lat - 49.99).abs() < 0.01 && (kharkiv.lon - 36.23).abs() < 0.01);
    assert!(m.points.windows(2).all(|w| w[0].count >= w[1].count));
    // The map follows the other filters.
    let m = store
        .event_map(&EventFilter {
            quad: Some(4),
            ..all_mentions()
        })
        .unwrap();
    assert!(m.points.iter().all(|p| p.quad[3] == p.count));
}

#[test]
fn completion_and_facets() {
    let (_d, store, docs) = ingested();
    let s = store.complete("usa", false, Side::Either, None).unwrap();
    assert!(!s.is_empty());
    assert!(s.iter().all(|x| x.value.starts_with("USA")), "{s:?}");
    assert!(s.windows(2).all(|w| w[0].count >= w[1].count));
    // Names match anywhere, case-insensitively; the side narrows the counts.
    let putin = store.complete("putin", false, Side::Either, None).unwrap();
    assert!(putin.iter().any(|x| x.value == "RUSGOV"), "{putin:?}");
    let as_target = store.complete("putin", false, Side::Target, None).unwrap();
    assert!(as_target
        .iter()
        .all(|x| x.value != "RUSGOV" || x.label.as_deref() != Some("Vladimir Putin")));
    let c = store.complete("uk", true, Side::Target, None).unwrap();
    let want = events(&docs)
        .filter(|(_, e)| e.target.as_ref().and_then(|a| a.country.as_deref()) == Some("UKR"))
        .count();
    assert_eq!(c[0].value, "UKR");
    assert_eq!(c[0].count as usize, want);
    assert_eq!(c[0].label.as_deref(), Some("Ukraine"));
    let f = store.facets().unwrap();
    let assault = events(&docs)
        .filter(|(_, e)| e.plover.as_ref().map(|p| p.kind.as_str()) == Some("ASSAULT"))
        .count();
    assert_eq!(
        f.plover
            .iter()
            .find(|v| v.value == "ASSAULT")
            .unwrap()
            .count as usize,
        assault
    );
    assert_eq!(f.modality[0].value, "actual");
}

#[test]
fn csv_download_follows_the_sort_with_export_columns() {
    let (_d, store, docs) = ingested();
    let mut out = Vec::new();
    let n = store
        .export_events_sorted(&all_mentions(), Format::Csv, Some("-goldstein"), &mut out)
        .unwrap();
    assert_eq!(n, events(&docs).count());
    let mut r = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, dyad_store::query::EVENT_COLUMNS);
    let gi = header.iter().position(|h| h == "goldstein").unwrap();
    let g: Vec<f64> = r
        .records()
        .map(|x| x.unwrap()[gi].parse().unwrap())
        .collect();
    assert_eq!(g.len(), n);
    assert!(g.windows(2).all(|w| w[0] >= w[1]));
    assert!(store
        .export_events_sorted(&all_mentions(), Format::Csv, Some("bogus"), Vec::new())
        .is_err());
}
