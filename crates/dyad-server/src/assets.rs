//! The web UI's static files, embedded at compile time from `web/` (no CDN, no build step).
//!
//! Plain ES modules, one stylesheet, hand-written SVG charts, and the map's vendor files (d3-geo,
//! topojson-client, world-atlas outlines) built once by `scripts/build-web-vendor.sh` and committed:
//! the binary is the whole deployment, and the page fetches nothing from outside hosts.

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
    ("/app.js", JS, web!("app.js")),
    ("/api.js", JS, web!("api.js")),
    ("/state.js", JS, web!("state.js")),
    ("/filters.js", JS, web!("filters.js")),
    ("/complete.js", JS, web!("complete.js")),
    ("/table.js", JS, web!("table.js")),
    ("/svg.js", JS, web!("svg.js")),
    ("/timeline.js", JS, web!("timeline.js")),
    ("/network.js", JS, web!("network.js")),
    ("/map.js", JS, web!("map.js")),
    ("/dialog.js", JS, web!("dialog.js")),
    ("/docview.js", JS, web!("docview.js")),
    ("/canonical.js", JS, web!("canonical.js")),
    ("/thread.js", JS, web!("thread.js")),
    ("/speakers.js", JS, web!("speakers.js")),
    ("/favicon.svg", "image/svg+xml", web!("favicon.svg")),
    // Map vendor files, built by scripts/build-web-vendor.sh (licences in docs/data.md).
    (
        "/vendor/d3-array.min.js",
        JS,
        web!("vendor/d3-array.min.js"),
    ),
    ("/vendor/d3-geo.min.js", JS, web!("vendor/d3-geo.min.js")),
    (
        "/vendor/topojson-client.min.js",
        JS,
        web!("vendor/topojson-client.min.js"),
    ),
    (
        "/vendor/countries-110m.json",
        "application/json",
        web!("vendor/countries-110m.json"),
    ),
];

const JS: &str = "text/javascript; charset=utf-8";

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
