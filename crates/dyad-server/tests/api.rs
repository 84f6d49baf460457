//! API tests: a temporary database built from the store's fixture corpus, requests sent to the
//! router in-process (no socket). Expected values come from the fixture documents.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dyad_output::Document;
use dyad_server::{router, App};
use http_body_util::BodyExt;
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

// Slow and oversized requests over a real socket (issue 20).
#[path = "api/abuse.rs"]
mod abuse;

fn fixture() -> Vec<Document> {
    include_str!("../../dyad-store/tests/fixtures/corpus.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

struct Server {
    _dir: tempfile::TempDir,
    app: axum::Router,
    docs: Vec<Document>,
}

fn server() -> Server {
    server_with(fixture())
}

fn server_with(docs: Vec<Document>) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite");
    let mut store = dyad_store::Store::open(&path).unwrap();
    store.put_batch(&docs).unwrap();
    drop(store);
    let app = router(Arc::new(App::open(&path).unwrap()));
    Server {
        _dir: dir,
        app,
        docs,
    }
}

impl Server {
    async fn get(&self, uri: &str) -> (StatusCode, Value) {
        let (status, _, body) = self.raw(uri).await;
        let v = serde_json::from_slice(&body).unwrap_or(Value::Null);
        (status, v)
    }

    async fn raw(&self, uri: &str) -> (StatusCode, String, Vec<u8>) {
        let res = self
            .app
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = res.status();
        let ct = res
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        (status, ct, body)
    }

    fn count_events(&self, pred: impl Fn(&dyad_output::EventOut) -> bool) -> usize {
        self.docs
            .iter()
            .flat_map(|d| &d.events)
            .filter(|e| pred(e))
            .count()
    }
}

fn country(a: &Option<dyad_output::EventActorOut>) -> Option<&str> {
    a.as_ref().and_then(|a| a.country.as_deref())
}

#[tokio::test]
async fn stats_count_the_corpus() {
    let s = server();
    let (st, v) = s.get("/api/stats").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(v["documents"], s.docs.len());
    assert_eq!(v["events"], s.count_events(|_| true));
    assert_eq!(v["schema_version"], dyad_store::SCHEMA_VERSION);
}

#[tokio::test]
async fn events_by_dyad_paginate() {
    let s = server();
    let want = s.count_events(|e| {
        matches!(
            (country(&e.source), country(&e.target)),
            (Some("RUS"), Some("UKR")) | (Some("UKR"), Some("RUS"))
        )
    });
    let (st, v) = s.get("/api/events?dyad=RUS-UKR&limit=2").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(v["total"], want);
    assert_eq!(v["items"].as_array().unwrap().len(), 2.min(want));
    let (_, p2) = s.get("/api/events?dyad=rus-ukr&limit=2&offset=2").await;
    assert_eq!(p2["offset"], 2);
    assert_ne!(v["items"][0], p2["items"][0]);
    for e in v["items"].as_array().unwrap() {
        let pair = (e["source_country"].as_str(), e["target_country"].as_str());
        assert!(pair == (Some("RUS"), Some("UKR")) || pair == (Some("UKR"), Some("RUS")));
    }
}

#[tokio::test]
async fn events_filters() {
    let s = server();
    let (_, v) = s.get("/api/events?root=19,17&limit=500").await;
    assert_eq!(
        v["total"],
        s.count_events(|e| e.root == "19" || e.root == "17")
    );
    let (_, v) = s.get("/api/events?plover=consult").await;
    assert_eq!(
        v["total"],
        s.count_events(|e| e.plover.as_ref().map(|p| p.kind.as_str()) == Some("CONSULT"))
    );
    let (_, v) = s.get("/api/events?q=refinery").await;
    assert!(v["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["doc_id"] == "fx-004"));
    let (_, v) = s
        .get("/api/events?from=2025-03-01&to=2025-03-31&limit=500")
        .await;
    for e in v["items"].as_array().unwrap() {
        let d = e["day"].as_str().unwrap();
        assert!(("2025-03-01"..="2025-03-31").contains(&d));
    }
    let (_, v) = s.get("/api/events?negated=true").await;
    assert_eq!(v["total"], s.count_events(|e| e.negated));
}

#[tokio::test]
async fn bad_parameters_are_400_json() {
    let s = server();
    for uri in [
        "/api/events?dyad=RUS",
        "/api/events?from=yesterday",
        "/api/events?limit=501",
        "/api/events?limit=-1",
        "/api/events?quad=9",
        "/api/events?root=99",
        "/api/events?sort=random",
        "/api/events?country=RUS%27%3B%20DROP%20TABLE%20events",
        "/api/events?nosuchparam=1",
        "/api/timeline?interval=year",
        "/api/network?level=planet",
        "/api/events?from=2025-04-01&to=2025-03-01",
    ] {
        let (st, v) = s.get(uri).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{uri}");
        assert!(
            v["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{uri}: {v}"
        );
    }
    // The events table survived the injection attempt.
    let (_, v) = s.get("/api/stats").await;
    assert_eq!(v["events"], s.count_events(|_| true));
    let long = format!("/api/events?q={}", "a".repeat(5000));
    let (st, v) = s.get(&long).await;
    assert_eq!(st, StatusCode::URI_TOO_LONG);
    assert!(v["error"].is_string());
    let (st, _) = s.get("/api/nothing").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn unknown_paths_and_methods_answer_json() {
    let s = server();
    for uri in ["/api/nothing", "/nothing.html", "/api/stats/extra/x"] {
        let (st, ct, body) = s.raw(uri).await;
        assert_eq!(st, StatusCode::NOT_FOUND, "{uri}");
        assert!(ct.starts_with("application/json"), "{uri}: {ct}");
        let v: Value = serde_json::from_slice(&body).unwrap();
        assert!(v["error"].as_str().is_some_and(|e| !e.is_empty()), "{uri}");
    }
    for (method, uri) in [
        ("POST", "/api/stats"),
        ("DELETE", "/api/events"),
        ("PUT", "/"),
    ] {
        let res = s
            .app
            .clone()
            .oneshot(
                Request::builder()
                    .method(method)
                    .uri(uri)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {uri}"
        );
        let body = res.into_body().collect().await.unwrap().to_bytes();
        let v: Value = serde_json::from_slice(&body).unwrap();
        assert!(
            v["error"].as_str().is_some_and(|e| e.contains(method)),
            "{method} {uri}: {v}"
        );
    }
}

#[tokio::test]
async fn timeline_counts_and_goldstein() {
    let s = server();
    // By publication date: by event date, fx-001's shelling of 2 February falls before the first
    // article and off the axis (crates/dyad-store/tests/all/dashboard.rs).
    let (st, v) = s
        .get("/api/timeline?dyad=RUS-UKR&interval=week&time=published")
        .await;
    assert_eq!(st, StatusCode::OK);
    let pts = v.as_array().unwrap();
    let sum: i64 = pts.iter().map(|p| p["count"].as_i64().unwrap()).sum();
    let want = s.count_events(|e| {
        !e.negated
            && matches!(
                (country(&e.source), country(&e.target)),
                (Some("RUS"), Some("UKR")) | (Some("UKR"), Some("RUS"))
            )
    });
    assert_eq!(sum as usize, want);
    for p in pts {
        let coop = p["cooperation"].as_i64().unwrap();
        let conf = p["conflict"].as_i64().unwrap();
        assert_eq!(coop + conf, p["count"].as_i64().unwrap());
        // Empty weeks are listed too, with no mean.
        match p["goldstein"].as_f64() {
            Some(g) => assert!((-10.0..=10.0).contains(&g)),
            None => assert_eq!(p["count"], 0),
        }
    }
}

#[tokio::test]
async fn dashboard_filters_sorts_map_and_csv() {
    let s = server();
    // Every filter parameter is documented on every filtered endpoint.
    let (_, api) = s.get("/api/openapi.json").await;
    for path in [
        "/api/events",
        "/api/events.csv",
        "/api/timeline",
        "/api/network",
        "/api/map",
    ] {
        let names: Vec<&str> = api["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        for f in dyad_server::params::FILTER_PARAMS {
            assert!(names.contains(f), "{path} does not document {f}");
        }
    }
    // Newest first, and the source-side actor filter.
    let (st, v) = s
        .get("/api/events?sort=-day&source_actor=USA&count=mentions&limit=500")
        .await;
    assert_eq!(st, StatusCode::OK);
    let items = v["items"].as_array().unwrap();
    let want = s.count_events(|e| {
        e.source
            .as_ref()
            .and_then(|a| a.code.as_deref())
            .is_some_and(|c| c.starts_with("USA"))
    });
    assert_eq!(items.len(), want);
    let days: Vec<&str> = items.iter().map(|e| e["day"].as_str().unwrap()).collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    // Map: a place filter narrows the events to the place.
    let (st, m) = s.get("/api/map?count=mentions").await;
    assert_eq!(st, StatusCode::OK);
    let ukr = m["countries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["country"] == "UKR")
        .unwrap()["count"]
        .as_i64()
        .unwrap();
    let (_, v) = s
        .get("/api/events?place_country=UKR&count=mentions&negated=false")
        .await;
    assert_eq!(v["total"].as_i64().unwrap(), ukr);
    // CSV download: the export columns, one row per event, as an attachment.
    let (st, ct, body) = s.raw("/api/events.csv?count=mentions&sort=goldstein").await;
    assert_eq!(st, StatusCode::OK);
    assert!(ct.starts_with("text/csv"), "{ct}");
    let text = String::from_utf8(body).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, dyad_store::query::EVENT_COLUMNS);
    assert_eq!(r.records().count(), s.count_events(|_| true));
    // Completion, facets; bad values are 400.
    let (st, c) = s.get("/api/complete?field=country&q=ukr&side=target").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(c[0]["value"], "UKR");
    let (st, f) = s.get("/api/facets").await;
    assert_eq!(st, StatusCode::OK);
    assert!(!f["plover"].as_array().unwrap().is_empty());
    for bad in [
        "/api/events.csv?sort=evidence",
        "/api/complete?field=place",
        "/api/complete?side=both",
        "/api/map?time=later",
        "/api/events?modality=perhaps",
    ] {
        let (st, v) = s.get(bad).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{bad}");
        assert!(v["error"].is_string(), "{bad}");
    }
    // By publication date the timeline covers the publication range, one bucket per day.
    let (_, t) = s.get("/api/timeline?time=published&interval=day").await;
    let t = t.as_array().unwrap();
    let first = s.docs.iter().filter_map(|d| d.date.clone()).min().unwrap();
    let last = s.docs.iter().filter_map(|d| d.date.clone()).max().unwrap();
    assert_eq!(t[0]["bucket"], first.as_str());
    assert_eq!(t.last().unwrap()["bucket"], last.as_str());
}

#[tokio::test]
async fn network_edges_weighted() {
    let s = server();
    let (st, v) = s.get("/api/network").await;
    assert_eq!(st, StatusCode::OK);
    let edges = v["edges"].as_array().unwrap();
    let e = edges
        .iter()
        .find(|e| e["source"] == "RUS" && e["target"] == "UKR")
        .unwrap();
    let want = s.count_events(|e| {
        !e.negated && country(&e.source) == Some("RUS") && country(&e.target) == Some("UKR")
    });
    assert_eq!(e["count"], want);
    let (_, v) = s.get("/api/network?level=actor&min_count=1").await;
    assert!(v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["id"] == "USAGOV"));
}

#[tokio::test]
async fn document_with_annotations() {
    let s = server();
    let (st, v) = s.get("/api/documents/wire%2Ffx-006").await;
    assert_eq!(st, StatusCode::OK);
    let d: Document = serde_json::from_value(v).unwrap();
    assert_eq!(
        d,
        s.docs
            .iter()
            .find(|d| d.id == "wire/fx-006")
            .unwrap()
            .clone()
    );
    // Also with a raw slash.
    let (st, _) = s.get("/api/documents/wire/fx-006").await;
    assert_eq!(st, StatusCode::OK);
    let (st, v) = s.get("/api/documents/nope").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert!(v["error"].is_string());
    let (_, v) = s.get("/api/documents?q=Istanbul").await;
    assert_eq!(v["items"][0]["id"], "fx-005");
}

#[tokio::test]
async fn quotes_by_speaker() {
    let s = server();
    let (_, sp) = s.get("/api/speakers").await;
    let top = sp[0]["name"].as_str().unwrap().to_string();
    let want = s
        .docs
        .iter()
        .flat_map(|d| &d.quotes)
        .filter(|q| q.speaker.as_ref().and_then(|s| s.name.as_deref()) == Some(top.as_str()))
        .count();
    let uri = format!("/api/quotes?speaker={}", top.replace(' ', "%20"));
    let (st, v) = s.get(&uri).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(v["total"], want);
    assert!(v["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|q| q["speaker_name"] == top.as_str()));
}

#[tokio::test]
async fn openapi_describes_every_endpoint() {
    let s = server();
    let (st, v) = s.get("/api/openapi.json").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(v["openapi"], "3.1.0");
    let paths = v["paths"].as_object().unwrap();
    for p in dyad_server::openapi::paths() {
        assert!(paths.contains_key(p));
        // Every described endpoint answers (documents/{id} with a real id).
        let uri = p.replace("{id}", "fx-001").replace("{canonical}", "1");
        let uri = if uri == "/api/thread" {
            "/api/thread?a=RUS&b=UKR".into()
        } else {
            uri
        };
        let (st, _) = s.get(&uri).await;
        assert_eq!(st, StatusCode::OK, "{uri}");
    }
}

#[tokio::test]
async fn ui_is_served() {
    let s = server();
    let (st, ct, body) = s.raw("/").await;
    assert_eq!(st, StatusCode::OK);
    assert!(ct.starts_with("text/html"));
    assert!(String::from_utf8(body).unwrap().contains("app.js"));
    for (path, _, _) in dyad_server::assets::FILES {
        let (st, _, _) = s.raw(path).await;
        assert_eq!(st, StatusCode::OK, "{path}");
    }
    let (_, v) = s.get("/api/cameo").await;
    assert!(v["041"]["name"].is_string());
}

/// The store's dedup fixture: a phone call reported three times (one reprint), a second call
/// reported twice (see `make_dedup.py`).
#[tokio::test]
async fn canonical_counts_by_default_mentions_on_request() {
    let docs: Vec<Document> = include_str!("../../dyad-store/tests/fixtures/dedup.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let s = server_with(docs);
    let q = "dyad=USA-RUS&negated=false";
    let sum = |v: &Value| -> i64 {
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| p["count"].as_i64().unwrap())
            .sum()
    };
    // By publication date: Monday's call (5 May) happened the day before the first article, so
    // by event date it lies before the timeline's axis.
    let (_, canon) = s.get(&format!("/api/timeline?{q}&time=published")).await;
    let (_, ment) = s
        .get(&format!("/api/timeline?{q}&count=mentions&time=published"))
        .await;
    assert_eq!((sum(&canon), sum(&ment)), (2, 5));
    let (_, net) = s.get(&format!("/api/network?{q}&count=mentions")).await;
    assert_eq!(net["edges"][0]["count"], 5);
    let (_, dy) = s.get(&format!("/api/dyads?{q}")).await;
    assert_eq!(dy[0]["count"], 2);
    let (st, _) = s.get("/api/timeline?count=bogus").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    // Events list: canonical rows with counts, expandable through /api/canonical/{id}.
    let (_, page) = s.get(&format!("/api/events?{q}")).await;
    assert_eq!(page["total"], 2);
    let first = &page["items"][0];
    assert_eq!(first["num_mentions"], 3);
    let (st, ev) = s
        .get(&format!("/api/canonical/{}", first["canonical"]))
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(ev["mentions"].as_array().unwrap().len(), 3);
    assert_eq!(ev["num_sources"], 3);
    assert_eq!(
        s.get("/api/canonical/999999").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(s.get("/api/canonical/x").await.0, StatusCode::BAD_REQUEST);
    // Copies link both ways.
    let (_, c) = s.get("/api/copies/dd-002").await;
    assert_eq!(c[0]["id"], "dd-001");
    assert_eq!(c[0]["publisher"], "wire.example.com");
    let (_, st) = s.get("/api/stats").await;
    assert_eq!(st["copies"], 1);
}

#[tokio::test]
async fn thread_endpoint() {
    let docs: Vec<Document> = include_str!("../../dyad-store/tests/fixtures/threads.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let s = server_with(docs);
    let (st, t) = s.get("/api/thread?a=ukr&b=RUS").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(t["items"].as_array().unwrap().len(), 7);
    assert_eq!(t["items"][0]["move"], "proposes de-escalation");
    assert_eq!(t["items"][0]["issues"][0], "ceasefire");
    assert_eq!(t["lines"][0].as_array().unwrap().len(), 6);
    let (_, t) = s.get("/api/thread?a=UKR&b=RUS&issue=venue").await;
    assert_eq!(t["items"].as_array().unwrap().len(), 2);
    assert_eq!(s.get("/api/thread?a=UKR").await.0, StatusCode::BAD_REQUEST);
    assert_eq!(
        s.get("/api/thread?a=UKR&b=RUS&issue=weather").await.0,
        StatusCode::BAD_REQUEST
    );
}

// ---- Unresolved speakers (issue 17): never ranked, counted apart. ----

#[tokio::test]
async fn speakers_rank_resolved_only_and_count_unresolved_apart() {
    let mut docs = fixture();
    // Two more quotes in the first document: a pronoun without an antecedent and no speaker.
    let q = |speaker: Value| -> dyad_output::QuoteOut {
        serde_json::from_value(serde_json::json!({
            "start": 0, "end": 5, "text": "Trump", "kind": "direct",
            "speaker": speaker, "cue": null, "channel": null
        }))
        .unwrap()
    };
    for _ in 0..3 {
        docs[0].quotes.push(q(serde_json::json!({
            "start": 0, "end": 2, "text": "It", "name": null, "cluster": null, "resolved": false
        })));
    }
    docs[0].quotes.push(q(Value::Null));
    let s = server_with(docs);
    let (st, sp) = s.get("/api/speakers?limit=500").await;
    assert_eq!(st, StatusCode::OK);
    let names: Vec<&str> = sp
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    // "It" has more quotes than several named speakers but is not ranked.
    assert!(!names.contains(&"It"), "{names:?}");
    let resolved = s
        .docs
        .iter()
        .flat_map(|d| &d.quotes)
        .filter(|q| q.speaker.as_ref().is_some_and(|s| s.is_resolved()))
        .count();
    let ranked: i64 = sp
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["quotes"].as_i64().unwrap())
        .sum();
    assert_eq!(ranked as usize, resolved);
    let (st, u) = s.get("/api/speakers/unresolved").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(u["quotes"], 4);
    assert_eq!(u["without_speaker"], 1);
    assert_eq!(u["documents"], 1);
    let (st, _) = s.get("/api/speakers/unresolved?limit=3").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
}

/// Found by the server_query fuzz target: a document id whose percent-escapes are not UTF-8 was
/// answered by axum's plain-text 400; every API error is a JSON object.
#[tokio::test]
async fn malformed_path_ids_are_json_errors() {
    let s = server();
    for uri in [
        "/api/documents/pub%2Fpub%2F2Fb2%FF%FF%FF%FF%FF%FF%FF%FF%FF%FFFb",
        "/api/copies/%C3%28",
        "/api/canonical/%FF",
    ] {
        let (st, v) = s.get(uri).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{uri}");
        assert!(
            v["error"]
                .as_str()
                .is_some_and(|e| e.contains("malformed path")),
            "{uri}: {v}"
        );
    }
}
