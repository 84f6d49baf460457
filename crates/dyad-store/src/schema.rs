//! The database schema as an ordered list of migrations, and the code that applies them.
//!
//! The schema version lives in SQLite's `PRAGMA user_version`. Opening a database applies every
//! migration newer than its version, each in its own transaction, so an old corpus upgrades in
//! place; a database written by a newer Dyad is refused rather than misread. Migrations are only
//! ever appended: a released migration's SQL never changes. `docs/store.md` documents every table.

use crate::StoreError;
use rusqlite::Connection;

/// One schema step: the version it produces and the SQL that gets there from the version before.
pub struct Migration {
    /// Version after this migration (1, 2, …).
    pub version: u32,
    /// What it changes, for `docs/store.md` and error messages.
    pub description: &'static str,
    /// SQL run in one transaction.
    pub sql: &'static str,
}

/// Every migration, in order. The last one's version is [`SCHEMA_VERSION`].
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        description: "documents, sentences, entities, quotes, events, times, places; actors view; FTS5 over documents",
        sql: r#"
CREATE TABLE documents (
    doc          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    date         TEXT,
    title        TEXT,
    url          TEXT,
    source       TEXT,
    text         TEXT NOT NULL,
    n_events     INTEGER NOT NULL,
    n_quotes     INTEGER NOT NULL,
    annotations  TEXT NOT NULL,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE sentences (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    actor_name TEXT,
    actor_code TEXT,
    country TEXT,
    sector TEXT,
    cluster INTEGER,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities(actor_code);

CREATE VIEW actors AS
    SELECT actor_code AS code, actor_name AS name, country, sector,
           COUNT(*) AS mentions, COUNT(DISTINCT doc) AS documents
    FROM entities WHERE actor_code IS NOT NULL
    GROUP BY actor_code, actor_name, country, sector;

CREATE TABLE quotes (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    speaker_name TEXT,
    speaker_code TEXT,
    speaker_cluster INTEGER,
    cue_text TEXT,
    channel TEXT,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_name);

CREATE TABLE events (
    event INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    goldstein REAL NOT NULL,
    quad INTEGER NOT NULL,
    plover_type TEXT,
    plover_mode TEXT,
    plover_context TEXT,
    source_text TEXT,
    source_name TEXT,
    source_code TEXT,
    source_country TEXT,
    target_text TEXT,
    target_name TEXT,
    target_code TEXT,
    target_country TEXT,
    negated INTEGER NOT NULL,
    modality TEXT NOT NULL,
    date TEXT,
    day TEXT,
    place_name TEXT,
    place_country TEXT,
    lat REAL,
    lon REAL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    UNIQUE (doc, idx)
);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_dyad ON events(source_country, target_country, day);
CREATE INDEX events_target ON events(target_country, day);
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);
CREATE INDEX events_root ON events(root, day);
CREATE INDEX events_plover ON events(plover_type, day);

CREATE TABLE times (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE places (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    feature TEXT,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX places_country ON places(country);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc', tokenize='unicode61'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.doc, old.title, old.text);
END;
"#,
    },
    Migration {
        version: 2,
        description: "canonical events (events.canonical, canonical_events, dedup_pending); near-duplicate articles (doc_signatures, doc_bands)",
        sql: r#"
ALTER TABLE events ADD COLUMN canonical INTEGER;
CREATE INDEX events_canonical ON events(canonical);
CREATE INDEX events_key ON events(source_code, target_code, root, day);

CREATE TABLE canonical_events (
    canonical    INTEGER PRIMARY KEY AUTOINCREMENT,
    rep_event    INTEGER NOT NULL,
    source_code  TEXT,
    target_code  TEXT,
    root         TEXT NOT NULL,
    negated      INTEGER NOT NULL,
    cameo        TEXT NOT NULL,
    day          TEXT,
    first_seen   TEXT,
    last_seen    TEXT,
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    num_stories  INTEGER NOT NULL,
    num_sources  INTEGER NOT NULL
);
CREATE INDEX canonical_events_day ON canonical_events(day);

CREATE TABLE dedup_pending (
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,
    root        TEXT NOT NULL,
    negated     INTEGER NOT NULL,
    day         TEXT NOT NULL,
    PRIMARY KEY (source_code, target_code, root, negated, day)
) WITHOUT ROWID;

CREATE TABLE doc_signatures (
    doc        INTEGER PRIMARY KEY REFERENCES documents(doc) ON DELETE CASCADE,
    story      INTEGER NOT NULL,
    copy_of    INTEGER,
    similarity REAL,
    sig        BLOB NOT NULL
);
CREATE INDEX doc_signatures_story ON doc_signatures(story);

CREATE TABLE doc_bands (
    band INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    doc  INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, doc)
) WITHOUT ROWID;
CREATE INDEX doc_bands_doc ON doc_bands(doc);
"#,
    },
    Migration {
        version: 3,
        description: "grouping by block (events_block index; dedup_pending no longer used; every mention regrouped by the next pass under the block rules); issue tags (event_tags)",
        sql: r#"
CREATE INDEX events_block ON events(COALESCE(source_country, source_code),
    COALESCE(target_country, target_code), root, negated);
DELETE FROM canonical_events;
UPDATE events SET canonical = NULL;
DELETE FROM dedup_pending;

CREATE TABLE event_tags (
    event INTEGER NOT NULL REFERENCES events(event) ON DELETE CASCADE,
    tag   TEXT NOT NULL,
    PRIMARY KEY (event, tag)
) WITHOUT ROWID;
CREATE INDEX event_tags_tag ON event_tags(tag, event);
"#,
    },
    Migration {
        version: 4,
        description: "quotes.speaker_resolved: whether the speaker is a named actor or a role with a country",
        // Rows written before the column existed take the flag from the stored annotations
        // (output that carries `speaker.resolved`), else from whether a name or code is set, the
        // rule `SpeakerOut::is_resolved` applies to old output.
        sql: r#"
ALTER TABLE quotes ADD COLUMN speaker_resolved INTEGER NOT NULL DEFAULT 0;
UPDATE quotes SET speaker_resolved = COALESCE(
    (SELECT json_extract(d.annotations, '$.quotes[' || quotes.idx || '].speaker.resolved')
     FROM documents d WHERE d.doc = quotes.doc),
    speaker_name IS NOT NULL OR speaker_code IS NOT NULL
) WHERE speaker_start IS NOT NULL;
CREATE INDEX quotes_resolved ON quotes(speaker_resolved, speaker_name);
"#,
    },
];

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// The database's schema version (0 for a new, empty file).
pub fn version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0))?)
}

/// Bring the database up to [`SCHEMA_VERSION`]; returns the versions applied.
pub fn migrate(conn: &mut Connection) -> Result<Vec<u32>, StoreError> {
    let current = version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    let mut applied = Vec::new();
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        let tx = conn.transaction()?;
        tx.execute_batch(m.sql)
            .map_err(|e| StoreError::Migration(m.version, e.to_string()))?;
        // PRAGMA does not take parameters; the version is a compile-time integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", m.version))?;
        tx.commit()?;
        applied.push(m.version);
    }
    Ok(applied)
}
