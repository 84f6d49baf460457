//! The OpenAPI 3.1 description served at `/api/openapi.json`, written by hand from one table of
//! endpoints and parameters so it stays next to the handlers it documents.

use serde_json::{json, Value};

/// (name, JSON type, description) of a query parameter.
type Param = (&'static str, &'static str, &'static str);

const FILTER: &[Param] = &[
    (
        "actor",
        "string",
        "Either side's actor code by prefix (RUSGOV, RUS) or exact canonical name",
    ),
    (
        "source_actor",
        "string",
        "Source actor: code by prefix or exact canonical name",
    ),
    (
        "target_actor",
        "string",
        "Target actor: code by prefix or exact canonical name",
    ),
    ("country", "string", "Country/IGO code on either side (RUS)"),
    (
        "dyad",
        "string",
        "Two country codes, RUS-UKR; either direction unless directed=true",
    ),
    ("directed", "boolean", "With dyad: only first → second"),
    ("source", "string", "Source country code"),
    ("target", "string", "Target country code"),
    (
        "root",
        "string",
        "CAMEO root(s) 01–20, comma-separated or repeated",
    ),
    ("cameo", "string", "CAMEO code prefix, 2–4 digits"),
    ("plover", "string", "PLOVER event type (CONSULT)"),
    ("quad", "integer", "Quad class 1–4"),
    (
        "modality",
        "string",
        "actual, intent, demand, threat or hypothetical",
    ),
    (
        "place_country",
        "string",
        "Country code (ISO alpha-3) of the event's place",
    ),
    ("place", "string", "Name of the event's place (exact)"),
    (
        "from",
        "string",
        "First day, YYYY-MM-DD (inclusive), on the day `time` names",
    ),
    ("to", "string", "Last day, YYYY-MM-DD (inclusive)"),
    (
        "time",
        "string",
        "event (default): from/to and timeline buckets on the event's day; published: on its article's publication day",
    ),
    (
        "q",
        "string",
        "Words that must all occur in the document (full-text search)",
    ),
    ("doc", "string", "One document id"),
    (
        "tag",
        "string",
        "Issue tag of data/threads/issues.txt (ceasefire, sanctions, …): only events whose sentence has one of its keywords",
    ),
    (
        "negated",
        "string",
        "true, false or all (events: all by default; aggregates: false)",
    ),
    (
        "count",
        "string",
        "canonical (default): one per real-world event, its mentions grouped; mentions: every coded mention",
    ),
];

struct Endpoint {
    path: &'static str,
    summary: &'static str,
    filter: bool,
    params: &'static [Param],
    response: &'static str,
}

const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        path: "/api/stats",
        summary: "Corpus totals and date range",
        filter: false,
        params: &[],
        response: "Stats",
    },
    Endpoint {
        path: "/api/events",
        summary: "Events matching the filter, paginated",
        filter: true,
        params: &[
            ("limit", "integer", "Page size, 1–500 (default 50)"),
            ("offset", "integer", "Rows to skip"),
            (
                "sort",
                "string",
                "day (default; the day `time` names), goldstein, source, target or code; a leading - sorts descending (-day: newest first)",
            ),
        ],
        response: "EventPage",
    },
    Endpoint {
        path: "/api/events.csv",
        summary: "Every event matching the filter as CSV (the columns of `dyad code --format csv`; counting canonical events, the default, adds canonical, num_mentions, num_articles, num_sources), as a download",
        filter: true,
        params: &[(
            "sort",
            "string",
            "As for /api/events (default day)",
        )],
        response: "csv",
    },
    Endpoint {
        path: "/api/map",
        summary: "Events by geocoded place (points) and by place country; events without a place are counted as unplaced",
        filter: true,
        params: &[],
        response: "Map",
    },
    Endpoint {
        path: "/api/complete",
        summary: "Completion of actor or country codes for the filters, most frequent first",
        filter: false,
        params: &[
            ("field", "string", "actor (default) or country"),
            ("q", "string", "Start of the code, or part of the name (case-insensitive)"),
            ("side", "string", "either (default), source or target"),
            ("limit", "integer", "Most suggestions, 1–100 (default 12)"),
        ],
        response: "Suggestions",
    },
    Endpoint {
        path: "/api/facets",
        summary: "PLOVER types and modalities present in the corpus, with event counts",
        filter: false,
        params: &[],
        response: "Facets",
    },
    Endpoint {
        path: "/api/timeline",
        summary: "Event counts, quad classes and mean Goldstein per day/week/month: every bucket of the corpus's publication range (narrowed by from/to), empty or not; events placed by `time`",
        filter: true,
        params: &[("interval", "string", "day (default), week or month")],
        response: "Timeline",
    },
    Endpoint {
        path: "/api/network",
        summary: "Directed actor network: edges weighted by event count and mean Goldstein",
        filter: true,
        params: &[
            ("level", "string", "country (default) or actor"),
            ("min_count", "integer", "Smallest edge weight"),
            ("limit", "integer", "Most edges, 1–500 (default 100)"),
        ],
        response: "Network",
    },
    Endpoint {
        path: "/api/dyads",
        summary: "Most active country pairs (either direction)",
        filter: true,
        params: &[("limit", "integer", "Most dyads, 1–500 (default 50)")],
        response: "Dyads",
    },
    Endpoint {
        path: "/api/quotes",
        summary: "Quotes, by speaker and/or full-text search",
        filter: false,
        params: &[
            (
                "speaker",
                "string",
                "Speaker's resolved name (or mention text)",
            ),
            ("q", "string", "Full-text search over documents"),
            ("doc", "string", "One document id"),
            ("limit", "integer", "Page size, 1–500"),
            ("offset", "integer", "Rows to skip"),
        ],
        response: "QuotePage",
    },
    Endpoint {
        path: "/api/speakers",
        summary: "Most quoted resolved speakers (named actors, roles with a country)",
        filter: false,
        params: &[("limit", "integer", "Most speakers, 1–500")],
        response: "Speakers",
    },
    Endpoint {
        path: "/api/speakers/unresolved",
        summary: "Quotes whose speaker is unresolved (pronoun, unnamed source) or missing, counted apart",
        filter: false,
        params: &[],
        response: "UnresolvedSpeakers",
    },
    Endpoint {
        path: "/api/documents",
        summary: "Documents, newest first, optionally by full-text search and date",
        filter: false,
        params: &[
            ("q", "string", "Full-text search"),
            ("from", "string", "First publication day"),
            ("to", "string", "Last publication day"),
            ("limit", "integer", "Page size, 1–500"),
            ("offset", "integer", "Rows to skip"),
        ],
        response: "DocumentPage",
    },
    Endpoint {
        path: "/api/documents/{id}",
        summary: "One schema-1 document with all annotations (code-point offsets)",
        filter: false,
        params: &[],
        response: "Document",
    },
    Endpoint {
        path: "/api/canonical/{canonical}",
        summary: "One canonical event: its counts, representative mention and every mention",
        filter: false,
        params: &[],
        response: "CanonicalEvent",
    },
    Endpoint {
        path: "/api/copies/{id}",
        summary: "Other articles of a document's story (republished copies), most similar first",
        filter: false,
        params: &[],
        response: "Copies",
    },
    Endpoint {
        path: "/api/thread",
        summary: "Negotiation thread between two sides: moves in time order, responses, lines, issue tags",
        filter: false,
        params: &[
            ("a", "string", "Side a: country codes, comma-separated (required)"),
            ("b", "string", "Side b: country codes, comma-separated (required)"),
            ("from", "string", "First day, YYYY-MM-DD"),
            ("to", "string", "Last day, YYYY-MM-DD"),
            ("issue", "string", "Only moves tagged with this issue (data/threads/issues.txt)"),
        ],
        response: "Thread",
    },
    Endpoint {
        path: "/api/cameo",
        summary: "CAMEO codes: name, Goldstein score, quad class",
        filter: false,
        params: &[],
        response: "Cameo",
    },
];

fn param(p: &Param, in_: &str) -> Value {
    json!({ "name": p.0, "in": in_, "required": in_ == "path", "description": p.2, "schema": { "type": p.1 } })
}

fn nullable(t: &str) -> Value {
    json!({ "type": [t, "null"] })
}

fn object(props: &[(&str, Value)]) -> Value {
    let mut m = serde_json::Map::new();
    for (k, v) in props {
        m.insert(k.to_string(), v.clone());
    }
    json!({ "type": "object", "properties": m })
}

fn page_of(item: &str) -> Value {
    object(&[
        ("total", json!({"type": "integer"})),
        ("limit", json!({"type": "integer"})),
        ("offset", json!({"type": "integer"})),
        (
            "items",
            json!({"type": "array", "items": {"$ref": format!("#/components/schemas/{item}")}}),
        ),
    ])
}

fn schemas() -> Value {
    let s = || json!({"type": "string"});
    let i = || json!({"type": "integer"});
    let n = || json!({"type": "number"});
    let mut event = Vec::new();
    for c in dyad_store::query::EVENT_COLUMNS {
        let v = match c {
            "idx" | "sentence" | "quad" | "evidence_start" | "evidence_end" => i(),
            "goldstein" => n(),
            "lat" | "lon" => nullable("number"),
            "negated" => json!({"type": "boolean"}),
            "doc_id" | "cameo" | "root" | "modality" | "evidence_text" => s(),
            _ => nullable("string"),
        };
        event.push((c, v));
    }
    let mut event_counts = event.clone();
    for c in ["canonical", "num_mentions", "num_articles", "num_sources"] {
        event_counts.push((c, i()));
    }
    event_counts.push(("published", nullable("string")));
    json!({
        "Error": object(&[("error", s())]),
        "Stats": object(&[("schema_version", i()), ("documents", i()), ("events", i()),
            ("canonical_events", i()), ("copies", i()), ("quotes", i()),
            ("entities", i()), ("first_day", nullable("string")), ("last_day", nullable("string")),
            ("first_published", nullable("string")), ("last_published", nullable("string"))]),
        "Event": object(&event_counts),
        "Mention": object(&event),
        "CanonicalEvent": object(&[("canonical", i()), ("cameo", s()), ("day", nullable("string")),
            ("first_seen", nullable("string")), ("last_seen", nullable("string")), ("num_mentions", i()),
            ("num_articles", i()), ("num_stories", i()), ("num_sources", i()),
            ("representative", json!({"$ref": "#/components/schemas/Mention"})),
            ("mentions", json!({"type": "array", "items": {"$ref": "#/components/schemas/Mention"}}))]),
        "Thread": object(&[("a", json!({"type": "array", "items": s()})), ("b", json!({"type": "array", "items": s()})),
            ("items", json!({"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/Event"},
                object(&[("side", s()), ("move", s()), ("issues", json!({"type": "array", "items": s()})),
                    ("sentence", s()), ("response", nullable("integer")), ("response_reads", nullable("string"))])]}})),
            ("lines", json!({"type": "array", "items": {"type": "array", "items": i()}}))]),
        "Copies": {"type": "array", "items": object(&[("id", s()), ("title", nullable("string")),
            ("date", nullable("string")), ("publisher", nullable("string")), ("similarity", n())])},
        "EventPage": page_of("Event"),
        "TimelinePoint": object(&[("bucket", s()), ("count", i()), ("goldstein", nullable("number")),
            ("reliable", json!({"type": "boolean", "description": format!("at least {} events: the mean Goldstein is worth drawing", dyad_store::query::GOLDSTEIN_MIN_EVENTS)})),
            ("quad", json!({"type": "array", "items": {"type": "integer"}, "minItems": 4, "maxItems": 4})),
            ("cooperation", i()), ("conflict", i())]),
        "Timeline": {"type": "array", "items": {"$ref": "#/components/schemas/TimelinePoint"}},
        "Network": object(&[
            ("nodes", json!({"type": "array", "items": object(&[("id", s()), ("count", i())])})),
            ("edges", json!({"type": "array", "items": object(&[("source", s()), ("target", s()), ("count", i()),
                ("goldstein", n()), ("cooperation", i()), ("conflict", i())])})),
        ]),
        "Map": object(&[
            ("points", json!({"type": "array", "items": object(&[("name", nullable("string")), ("country", nullable("string")),
                ("lat", n()), ("lon", n()), ("count", i()), ("goldstein", n()),
                ("quad", json!({"type": "array", "items": {"type": "integer"}, "minItems": 4, "maxItems": 4}))])})),
            ("countries", json!({"type": "array", "items": object(&[("country", s()), ("count", i()), ("goldstein", n()),
                ("quad", json!({"type": "array", "items": {"type": "integer"}, "minItems": 4, "maxItems": 4}))])})),
            ("placed", i()), ("unplaced", i()),
        ]),
        "Suggestions": {"type": "array", "items": object(&[("value", s()), ("label", nullable("string")), ("count", i())])},
        "Facets": object(&[
            ("plover", json!({"type": "array", "items": object(&[("value", s()), ("count", i())])})),
            ("modality", json!({"type": "array", "items": object(&[("value", s()), ("count", i())])})),
        ]),
        "Dyads": {"type": "array", "items": object(&[("a", s()), ("b", s()), ("count", i()), ("goldstein", n())])},
        "Quote": object(&[("doc_id", s()), ("title", nullable("string")), ("date", nullable("string")), ("idx", i()),
            ("start", i()), ("end", i()), ("text", s()), ("kind", s()), ("speaker_name", nullable("string")),
            ("speaker_text", nullable("string")), ("speaker_code", nullable("string")), ("cue", nullable("string")),
            ("channel", nullable("string"))]),
        "QuotePage": page_of("Quote"),
        "Speakers": {"type": "array", "items": object(&[("name", s()), ("code", nullable("string")), ("quotes", i()), ("documents", i())])},
        "UnresolvedSpeakers": object(&[("quotes", i()), ("without_speaker", i()), ("documents", i())]),
        "DocumentSummary": object(&[("id", s()), ("date", nullable("string")), ("title", nullable("string")),
            ("source", nullable("string")), ("events", i()), ("quotes", i())]),
        "DocumentPage": page_of("DocumentSummary"),
        "Document": {"type": "object", "description": "A schema-1 document exactly as `dyad code` writes it (see docs/schema.md); offsets are code points into `text`."},
        "Cameo": {"type": "object", "additionalProperties": object(&[("name", s()), ("goldstein", n()), ("quad", i())])},
    })
}

/// The OpenAPI document.
pub fn document() -> Value {
    let mut paths = serde_json::Map::new();
    for e in ENDPOINTS {
        let mut ps: Vec<Value> = Vec::new();
        if e.path.contains("{id}") {
            ps.push(param(
                &("id", "string", "Document id (URL-encoded)"),
                "path",
            ));
        }
        if e.path.contains("{canonical}") {
            ps.push(param(
                &(
                    "canonical",
                    "integer",
                    "Canonical event id (`canonical` of an event)",
                ),
                "path",
            ));
        }
        if e.filter {
            ps.extend(FILTER.iter().map(|p| param(p, "query")));
        }
        ps.extend(e.params.iter().map(|p| param(p, "query")));
        let ok = if e.response == "csv" {
            json!({"description": "OK", "content": {"text/csv": {"schema": {"type": "string"}}}})
        } else {
            json!({"description": "OK", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{}", e.response)}}}})
        };
        let err = json!({"description": "Bad parameter", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
        paths.insert(
            e.path.to_string(),
            json!({ "get": {
                "summary": e.summary,
                "parameters": ps,
                "responses": {
                    "200": ok,
                    "400": err,
                    "404": {"description": "Not found", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                    "414": {"description": "Request target over 4 KiB", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                    "503": {"description": "The request took longer than the server's limit (30 s)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                }
            }}),
        );
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Dyad corpus API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Political events, quotes and documents coded by Dyad (schema 1), read from a dyad-store database. All endpoints are GET and return JSON; errors are {\"error\": message}."
        },
        "paths": paths,
        "components": { "schemas": schemas() }
    })
}

/// Paths described (for tests that compare them with the router).
pub fn paths() -> Vec<&'static str> {
    ENDPOINTS.iter().map(|e| e.path).collect()
}
