//! JSON endpoints under `/api`: thin handlers that validate parameters and run one store query on a
//! blocking thread.
//!
//! Errors are JSON objects `{"error": "..."}`: 400 for bad parameters, 404 for unknown documents
//! and paths (also outside `/api`), 405 for methods other than GET, 414 for overlong request
//! targets, 500 (logged to stderr) for database failures, 503 for a request that ran out of time
//! (`Limits::request`).

use crate::params::{BadRequest, Params};
use crate::pool::Cancel;
use crate::App;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use dyad_store::complete::Side;
use dyad_store::export::Format;
use dyad_store::query::Interval;
use dyad_store::{Store, StoreError};
use serde::Serialize;
use std::sync::Arc;

/// An API error and its HTTP status.
#[derive(Debug)]
pub enum ApiError {
    /// 400.
    Bad(String),
    /// 404.
    NotFound(String),
    /// 405.
    MethodNotAllowed(String),
    /// 414.
    TooLong(String),
    /// 503: the request ran out of time.
    Unavailable(String),
    /// 500.
    Internal(String),
}

impl From<BadRequest> for ApiError {
    fn from(b: BadRequest) -> ApiError {
        ApiError::Bad(b.0)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::BadParam(m) => ApiError::Bad(m),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, msg) = match self {
            ApiError::Bad(m) => (StatusCode::BAD_REQUEST, m),
            ApiError::NotFound(m) => (StatusCode::NOT_FOUND, m),
            ApiError::MethodNotAllowed(m) => (StatusCode::METHOD_NOT_ALLOWED, m),
            ApiError::TooLong(m) => (StatusCode::URI_TOO_LONG, m),
            ApiError::Unavailable(m) => (StatusCode::SERVICE_UNAVAILABLE, m),
            ApiError::Internal(m) => {
                eprintln!("dyad serve: internal error: {m}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal error".to_string(),
                )
            }
        };
        (status, Json(serde_json::json!({ "error": msg }))).into_response()
    }
}

type ApiResult<T> = Result<Json<T>, ApiError>;
type RawParams = Result<Query<Vec<(String, String)>>, QueryRejection>;

type RawPath = Result<Path<String>, PathRejection>;

/// The `{id}` of a path; a malformed one (percent-escapes that are not UTF-8) is a JSON 400, not
/// axum's plain-text rejection.
fn path_id(p: RawPath) -> Result<String, ApiError> {
    p.map(|Path(id)| id)
        .map_err(|e| ApiError::Bad(format!("malformed path: {e}")))
}

fn params(q: RawParams) -> Result<Params, ApiError> {
    match q {
        Ok(Query(v)) => Ok(Params(v)),
        Err(e) => Err(ApiError::Bad(format!("malformed query string: {e}"))),
    }
}

/// Interrupts the request's query when dropped before the query ended (the request timed out).
struct CancelOnDrop(Cancel);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// Run a store query on a blocking thread with a pooled connection.
async fn run<T, F>(app: &Arc<App>, f: F) -> ApiResult<T>
where
    T: Serialize + Send + 'static,
    F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
{
    let app = app.clone();
    // A turn among the queries that may run at once; it is held until the query has ended,
    // also when the request ran out of time and its query is being interrupted.
    let turn = app
        .queries
        .clone()
        .acquire_owned()
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let cancel = Cancel::default();
    let guard = CancelOnDrop(cancel.clone());
    let out = tokio::task::spawn_blocking(move || {
        let out = app.pool.with(&cancel, f);
        drop(turn);
        out
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))??;
    // The query is over: nothing left to interrupt.
    drop(guard);
    Ok(Json(out))
}

/// `GET /api/stats`
pub async fn stats(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<dyad_store::query::Stats> {
    params(q)?.only(&[], false)?;
    run(&app, |s| s.stats()).await
}

/// `GET /api/events`
pub async fn events(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<dyad_store::Page<dyad_store::EventRecord>> {
    let p = params(q)?;
    p.only(&["limit", "offset", "sort"], true)?;
    let f = p.filter(None)?;
    let (limit, offset) = p.page()?;
    let sort = p.get("sort").map(str::to_string);
    run(&app, move |s| s.events(&f, sort.as_deref(), limit, offset)).await
}

/// `GET /api/events.csv`: every event matching the filter, in `sort` order, as the CSV of
/// `dyad code --format csv` (the store's export writer), as a download.
pub async fn events_csv(State(app): State<Arc<App>>, q: RawParams) -> Result<Response, ApiError> {
    let p = params(q)?;
    p.only(&["sort"], true)?;
    let f = p.filter(None)?;
    let sort = p.get("sort").map(str::to_string);
    let Json(body) = run(&app, move |s| {
        let mut out = Vec::new();
        s.export_events_sorted(
            &f,
            Format::Csv,
            Some(sort.as_deref().unwrap_or("day")),
            &mut out,
        )?;
        Ok(out)
    })
    .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"dyad-events.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}

/// `GET /api/map`
pub async fn map(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<dyad_store::map::EventMap> {
    let p = params(q)?;
    p.only(&[], true)?;
    let f = p.filter(Some(false))?;
    run(&app, move |s| s.event_map(&f)).await
}

/// `GET /api/complete?field=actor&q=put&side=source`
pub async fn complete(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<Vec<dyad_store::complete::Suggestion>> {
    let p = params(q)?;
    p.only(&["field", "q", "side", "limit"], false)?;
    let country = match p.get("field").unwrap_or("actor") {
        "actor" => false,
        "country" => true,
        v => {
            return Err(ApiError::Bad(format!(
                "field: expected actor or country, got {v:?}"
            )))
        }
    };
    let side = Side::parse(p.get("side").unwrap_or("either"))?;
    let text = p.text("q")?.unwrap_or_default();
    let limit = p.int("limit", 1, 100)?.or(Some(12));
    run(&app, move |s| s.complete(&text, country, side, limit)).await
}

/// `GET /api/facets`
pub async fn facets(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<dyad_store::complete::Facets> {
    params(q)?.only(&[], false)?;
    run(&app, |s| s.facets()).await
}

/// `GET /api/timeline`
pub async fn timeline(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<Vec<dyad_store::query::TimelinePoint>> {
    let p = params(q)?;
    p.only(&["interval"], true)?;
    let f = p.filter(Some(false))?;
    let interval = Interval::parse(p.get("interval").unwrap_or("day"))?;
    run(&app, move |s| s.timeline(&f, interval)).await
}

/// `GET /api/network`
pub async fn network(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<dyad_store::query::Network> {
    let p = params(q)?;
    p.only(&["level", "min_count", "limit"], true)?;
    let f = p.filter(Some(false))?;
    let by_actor = match p.get("level").unwrap_or("country") {
        "country" => false,
        "actor" => true,
        v => {
            return Err(ApiError::Bad(format!(
                "level: expected country or actor, got {v:?}"
            )))
        }
    };
    let min = p.int("min_count", 1, 1_000_000)?.unwrap_or(1);
    let limit = p
        .int("limit", 1, dyad_store::query::MAX_LIMIT)?
        .unwrap_or(100);
    run(&app, move |s| s.network(&f, by_actor, min, limit)).await
}

/// `GET /api/dyads`
pub async fn dyads(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<Vec<dyad_store::query::DyadCount>> {
    let p = params(q)?;
    p.only(&["limit"], true)?;
    let f = p.filter(Some(false))?;
    let (limit, _) = p.page()?;
    run(&app, move |s| s.dyads(&f, limit)).await
}

/// `GET /api/quotes`
pub async fn quotes(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<dyad_store::Page<dyad_store::query::QuoteRecord>> {
    let p = params(q)?;
    p.only(&["speaker", "q", "doc", "limit", "offset"], false)?;
    let (speaker, text, doc) = (p.text("speaker")?, p.text("q")?, p.text("doc")?);
    let (limit, offset) = p.page()?;
    run(&app, move |s| {
        s.quotes(
            speaker.as_deref(),
            text.as_deref(),
            doc.as_deref(),
            limit,
            offset,
        )
    })
    .await
}

/// `GET /api/speakers`: resolved speakers only (named actors, roles with a country).
pub async fn speakers(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<Vec<dyad_store::query::SpeakerCount>> {
    let p = params(q)?;
    p.only(&["limit"], false)?;
    let (limit, _) = p.page()?;
    run(&app, move |s| s.speakers(limit)).await
}

/// `GET /api/speakers/unresolved`: the quotes whose speaker `/api/speakers` does not rank.
pub async fn unresolved_speakers(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<dyad_store::query::UnresolvedSpeakers> {
    params(q)?.only(&[], false)?;
    run(&app, |s| s.unresolved_speakers()).await
}

/// `GET /api/documents`
pub async fn documents(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<dyad_store::Page<dyad_store::query::DocSummary>> {
    let p = params(q)?;
    p.only(&["q", "from", "to", "limit", "offset"], false)?;
    let (text, from, to) = (p.text("q")?, p.date("from")?, p.date("to")?);
    let (limit, offset) = p.page()?;
    run(&app, move |s| {
        s.documents(
            text.as_deref(),
            from.as_deref(),
            to.as_deref(),
            limit,
            offset,
        )
    })
    .await
}

/// `GET /api/documents/{id}`
pub async fn document(State(app): State<Arc<App>>, id: RawPath) -> Result<Response, ApiError> {
    let id = path_id(id)?;
    if id.chars().count() > crate::params::MAX_TEXT {
        return Err(ApiError::Bad("document id too long".into()));
    }
    let key = id.clone();
    let Json(doc) = run(&app, move |s| s.document(&key)).await?;
    match doc {
        Some(d) => Ok(Json(d).into_response()),
        None => Err(ApiError::NotFound(format!("no document {id:?}"))),
    }
}

/// `GET /api/canonical/{canonical}`: one canonical event with its mentions.
pub async fn canonical(
    State(app): State<Arc<App>>,
    id: RawPath,
) -> ApiResult<dyad_store::dedup::CanonicalEvent> {
    let id = path_id(id)?;
    let n: i64 = id
        .parse()
        .map_err(|_| ApiError::Bad(format!("canonical: expected an integer id, got {id:?}")))?;
    let Json(ev) = run(&app, move |s| s.canonical(n)).await?;
    ev.map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no canonical event {n}")))
}

/// `GET /api/copies/{id}`: the other articles of a document's story.
pub async fn copies(
    State(app): State<Arc<App>>,
    id: RawPath,
) -> ApiResult<Vec<dyad_store::dedup::Copy>> {
    let id = path_id(id)?;
    if id.chars().count() > crate::params::MAX_TEXT {
        return Err(ApiError::Bad("document id too long".into()));
    }
    run(&app, move |s| s.copies(&id)).await
}

/// `GET /api/thread?a=UKR&b=RUS`: the negotiation thread between two sides.
pub async fn thread(
    State(app): State<Arc<App>>,
    q: RawParams,
) -> ApiResult<dyad_store::threads::Thread> {
    let p = params(q)?;
    p.only(&["a", "b", "from", "to", "issue"], false)?;
    let side = |name: &str| -> Result<Vec<String>, ApiError> {
        let v = p.get(name).ok_or_else(|| {
            ApiError::Bad(format!("{name}: required (country codes, comma-separated)"))
        })?;
        let codes: Vec<String> = v
            .split(',')
            .map(|c| dyad_store::query::check_code(name, c.trim()).map(|c| c.to_ascii_uppercase()))
            .collect::<Result<_, _>>()?;
        if codes.is_empty() || codes.len() > 8 {
            return Err(ApiError::Bad(format!("{name}: 1 to 8 country codes")));
        }
        Ok(codes)
    };
    let (a, b) = (side("a")?, side("b")?);
    let (from, to) = (p.date("from")?, p.date("to")?);
    let issue = p.text("issue")?;
    run(&app, move |s| {
        s.thread(&a, &b, from.as_deref(), to.as_deref(), issue.as_deref())
    })
    .await
}

/// `GET /api/cameo`
pub async fn cameo(State(app): State<Arc<App>>) -> Response {
    Json(&app.cameo).into_response()
}

/// `GET /api/openapi.json`
pub async fn openapi(State(app): State<Arc<App>>) -> Response {
    Json(&app.openapi).into_response()
}

/// Any other `/api/...` path.
pub async fn not_found() -> ApiError {
    ApiError::NotFound("no such endpoint; see /api/openapi.json".into())
}

/// Any other unknown path: 404 with a JSON body.
pub async fn not_found_page(uri: axum::http::Uri) -> ApiError {
    ApiError::NotFound(format!(
        "no such page: {}; the UI is at / and the API under /api (see /api/openapi.json)",
        uri.path()
    ))
}

/// A method other than GET (and HEAD) on a known path: 405 with a JSON body.
pub async fn method_not_allowed(method: axum::http::Method) -> ApiError {
    ApiError::MethodNotAllowed(format!(
        "method {method} not allowed: every endpoint is GET"
    ))
}
