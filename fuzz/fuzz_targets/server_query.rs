//! The server's query parameters: arbitrary query strings (and document ids) sent in-process to
//! every API endpoint of a small database (the store's fixture corpus). Every answer must be a
//! JSON body with status 200, 400, 404 or 414: never a 500, a panic or a non-JSON error.
//! Bytes outside the URI grammar are percent-encoded so that every input is a valid request;
//! `%`, `&`, `=` and `+` stay as they are, so malformed escapes reach the decoder.
#![no_main]
use axum::body::Body;
use axum::http::{Request, StatusCode};
use dyad_output::Document;
use http_body_util::BodyExt;
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

struct Server {
    _dir: tempfile::TempDir,
    app: axum::Router,
    rt: tokio::runtime::Runtime,
}

static SERVER: OnceLock<Server> = OnceLock::new();

fn server() -> &'static Server {
    SERVER.get_or_init(|| {
        let docs: Vec<Document> =
            include_str!("../../crates/dyad-store/tests/fixtures/corpus.jsonl")
                .lines()
                .map(|l| serde_json::from_str(l).expect("fixture document"))
                .collect();
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("fuzz.sqlite");
        let mut store = dyad_store::Store::open(&path).expect("store");
        store.put_batch(&docs).expect("fixture stored");
        drop(store);
        let app = dyad_server::router(Arc::new(dyad_server::App::open(&path).expect("app")));
        // Timers on: the server's request time limit (`Limits::request`) runs on them.
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("runtime");
        Server { _dir: dir, app, rt }
    })
}

const ENDPOINTS: [&str; 14] = [
    "/api/stats?",
    "/api/events?",
    "/api/timeline?",
    "/api/network?",
    "/api/dyads?",
    "/api/quotes?",
    "/api/speakers?",
    "/api/documents?",
    "/api/thread?",
    "/api/cameo?",
    "/api/documents/",
    "/api/canonical/",
    "/api/copies/",
    "/api/nothing/",
];

/// Keep URI-safe bytes, `%`, `&`, `=`, `+`, `,`; percent-encode the rest.
fn encode(bytes: &[u8], path: bool) -> String {
    let mut out = String::new();
    for &b in bytes {
        let keep =
            b.is_ascii_alphanumeric() || b"-._~%,+".contains(&b) || (!path && b"&=".contains(&b));
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let endpoint = ENDPOINTS[usize::from(which) % ENDPOINTS.len()];
    let uri = format!("{endpoint}{}", encode(rest, endpoint.ends_with('/')));
    let Ok(req) = Request::get(&uri).body(Body::empty()) else {
        // The encoding keeps every URI valid; a rejected one is a bug of this target.
        panic!("invalid request URI {uri:?}");
    };
    let s = server();
    let (status, body) = s.rt.block_on(async {
        let res = s
            .app
            .clone()
            .oneshot(req)
            .await
            .expect("infallible service");
        let status = res.status();
        let body = res.into_body().collect().await.expect("body").to_bytes();
        (status, body)
    });
    assert!(
        [
            StatusCode::OK,
            StatusCode::BAD_REQUEST,
            StatusCode::NOT_FOUND,
            StatusCode::URI_TOO_LONG
        ]
        .contains(&status),
        "{uri}: status {status}"
    );
    let json: Result<serde_json::Value, _> = serde_json::from_slice(&body);
    assert!(json.is_ok(), "{uri}: status {status}, body not JSON");
});
