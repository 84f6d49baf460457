//! Dyad's HTTP server: the JSON API over a corpus database and the analyst web UI.
//!
//! `dyad serve --db corpus.sqlite` calls [`serve`]. [`router`] builds the axum app (also used by
//! the tests without a socket): JSON endpoints under `/api` ([`api`]), the OpenAPI description at
//! `/api/openapi.json` ([`openapi`]), and the static UI from `web/` embedded in the binary
//! ([`assets`]). Queries run on tokio's blocking threads with pooled read-only SQLite connections
//! ([`pool`]); the server never writes to the database.
//!
//! **API boundary**: the server knows the wire format only through `dyad-store`; it has no
//! pipeline, so it starts in milliseconds and serves whatever the coders produced.

#![deny(missing_docs)]

pub mod api;
pub mod assets;
pub mod cameo;
pub mod limits;
pub mod openapi;
pub mod params;
pub mod pool;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

pub use limits::Limits;

/// Longest accepted request target (path + query), in bytes.
pub const MAX_URI: usize = 4096;
/// Largest accepted request body, in bytes (every endpoint is a GET).
pub const MAX_BODY: usize = 16 * 1024;

/// Shared server state.
pub struct App {
    /// Database connections.
    pub pool: pool::Pool,
    /// CAMEO code → name, Goldstein, quad.
    pub cameo: BTreeMap<String, cameo::CameoCode>,
    /// The OpenAPI document.
    pub openapi: serde_json::Value,
    /// Timeouts and size limits.
    pub limits: Limits,
    /// One permit per query that may run at once ([`Limits::max_queries`]); a request waits for
    /// one within its time limit.
    pub queries: Arc<tokio::sync::Semaphore>,
}

impl App {
    /// State over the database at `db` (migrated to the current schema first), default limits.
    pub fn open(db: &Path) -> Result<App, String> {
        App::open_with(db, Limits::default())
    }

    /// State over the database at `db` with `limits`.
    pub fn open_with(db: &Path, limits: Limits) -> Result<App, String> {
        if !db.exists() {
            return Err(format!(
                "{}: no such database; create it with `dyad ingest INPUT --db {}`",
                db.display(),
                db.display()
            ));
        }
        // Opening read-write once applies pending migrations; the pool then reads only.
        drop(dyad_store::Store::open(db).map_err(|e| format!("{}: {e}", db.display()))?);
        Ok(App {
            pool: pool::Pool::new(db.to_path_buf())
                .map_err(|e| format!("{}: {e}", db.display()))?,
            cameo: cameo::embedded()?,
            openapi: openapi::document(),
            queries: Arc::new(tokio::sync::Semaphore::new(limits.max_queries.max(1))),
            limits,
        })
    }
}

async fn limit_uri(req: Request, next: Next) -> Response {
    let len = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().len())
        .unwrap_or(0);
    if len > MAX_URI {
        return api::ApiError::TooLong(format!("request target longer than {MAX_URI} bytes"))
            .into_response();
    }
    next.run(req).await
}

/// Answer 503 with a JSON error when a request takes longer than [`Limits::request`]; dropping
/// the handler interrupts its SQLite query (`api::run`).
async fn limit_time(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let limit = app.limits.request;
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => api::ApiError::Unavailable(format!(
            "the request took longer than {:.1} s; narrow the filter",
            limit.as_secs_f64()
        ))
        .into_response(),
    }
}

/// The whole application: API, OpenAPI and UI.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/api/stats", get(api::stats))
        .route("/api/events", get(api::events))
        .route("/api/events.csv", get(api::events_csv))
        .route("/api/map", get(api::map))
        .route("/api/complete", get(api::complete))
        .route("/api/facets", get(api::facets))
        .route("/api/timeline", get(api::timeline))
        .route("/api/network", get(api::network))
        .route("/api/dyads", get(api::dyads))
        .route("/api/quotes", get(api::quotes))
        .route("/api/speakers", get(api::speakers))
        .route("/api/speakers/unresolved", get(api::unresolved_speakers))
        .route("/api/documents", get(api::documents))
        .route("/api/documents/{*id}", get(api::document))
        .route("/api/canonical/{id}", get(api::canonical))
        .route("/api/copies/{*id}", get(api::copies))
        .route("/api/thread", get(api::thread))
        .route("/api/cameo", get(api::cameo))
        .route("/api/openapi.json", get(api::openapi))
        .route("/api/{*rest}", get(api::not_found))
        .merge(assets::routes())
        .fallback(api::not_found_page)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn_with_state(app.clone(), limit_time))
        .layer(middleware::from_fn(limit_uri))
        .with_state(app)
}

/// Serve the UI and API for `db` on `addr` until the process is stopped.
pub fn serve(db: &Path, addr: SocketAddr) -> Result<(), String> {
    let app = Arc::new(App::open(db)?);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        eprintln!("dyad serve: http://{local}/ ({})", db.display());
        let limits = app.limits.clone();
        limits::accept_loop(listener, router(app), limits).await;
        Ok(())
    })
}
