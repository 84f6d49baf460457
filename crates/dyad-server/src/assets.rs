//! The web UI's static files, embedded at compile time from `web/` (no CDN, no build step).
//!
//! Plain ES modules, one stylesheet, hand-written SVG charts: the binary is the whole deployment.

use crate::App;
use axum::http::header;
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

macro_rules! web {
    ($file:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../web/", $file))
    };
}

/// Every embedded file: URL path, content type, body.
pub const FILES: &[(&str, &str, &str)] = &[
    ("/", "text/html; charset=utf-8", web!("index.html")),
    ("/style.css", "text/css; charset=utf-8", web!("style.css")),
    ("/app.js", "text/javascript; charset=utf-8", web!("app.js")),
    ("/api.js", "text/javascript; charset=utf-8", web!("api.js")),
    (
        "/charts.js",
        "text/javascript; charset=utf-8",
        web!("charts.js"),
    ),
    (
        "/docview.js",
        "text/javascript; charset=utf-8",
        web!("docview.js"),
    ),
    (
        "/canonical.js",
        "text/javascript; charset=utf-8",
        web!("canonical.js"),
    ),
    (
        "/thread.js",
        "text/javascript; charset=utf-8",
        web!("thread.js"),
    ),
    (
        "/speakers.js",
        "text/javascript; charset=utf-8",
        web!("speakers.js"),
    ),
    ("/favicon.svg", "image/svg+xml", web!("favicon.svg")),
];

/// Routes serving [`FILES`].
pub fn routes() -> Router<Arc<App>> {
    let mut r = Router::new();
    for &(path, mime, body) in FILES {
        r = r.route(
            path,
            get(move || async move {
                (
                    [
                        (header::CONTENT_TYPE, mime),
                        (header::CACHE_CONTROL, "no-cache"),
                        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                    ],
                    body,
                )
            }),
        );
    }
    r
}
