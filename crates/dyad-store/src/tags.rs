//! Issue tags of events (`event_tags`): the tags of `data/threads/issues.txt` whose keywords
//! occur, as whole words, in the sentence holding the event's evidence. Written with each
//! document at ingest; `dyad dedup --rebuild` recomputes them all (a database made before schema
//! 3 has none until then). Filtered by `EventFilter::tag` (`tag=` in the API).

use crate::threads::lexicon::Lexicon;
use crate::StoreError;
use rusqlite::{params, Transaction};
use std::sync::OnceLock;

/// The embedded thread lexicon, parsed once.
pub(crate) fn lexicon() -> Result<&'static Lexicon, StoreError> {
    static L: OnceLock<Result<Lexicon, String>> = OnceLock::new();
    L.get_or_init(|| Lexicon::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| StoreError::Data(e.clone()))
}

/// The text between code-point offsets `start` and `end` of `text` (`bytes` are the byte offsets
/// of its code points, plus its length).
fn slice<'t>(text: &'t str, bytes: &[usize], start: i64, end: i64) -> &'t str {
    let at = |i: i64| bytes[(i.max(0) as usize).min(bytes.len() - 1)];
    let (s, e) = (at(start), at(end));
    if s <= e {
        &text[s..e]
    } else {
        ""
    }
}

/// Tag the events of stored document `doc` (row id) whose text is `text`.
pub(crate) fn tag_document(tx: &Transaction, doc: i64, text: &str) -> Result<usize, StoreError> {
    let lex = lexicon()?;
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let rows: Vec<(i64, i64, i64)> = tx
        .prepare_cached(
            "SELECT e.event, s.start, s.\"end\" FROM events e
             JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence WHERE e.doc = ?1",
        )?
        .query_map([doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut ins =
        tx.prepare_cached("INSERT OR IGNORE INTO event_tags (event, tag) VALUES (?1, ?2)")?;
    let mut n = 0;
    for (event, s, e) in rows {
        for tag in lex.issues_in(slice(text, &bytes, s, e)) {
            n += ins.execute(params![event, tag])?;
        }
    }
    Ok(n)
}

/// Forget every tag and tag every stored event again.
pub(crate) fn retag_all(tx: &Transaction) -> Result<usize, StoreError> {
    tx.execute("DELETE FROM event_tags", [])?;
    let docs: Vec<(i64, String)> = tx
        .prepare("SELECT doc, text FROM documents ORDER BY doc")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut n = 0;
    for (doc, text) in docs {
        n += tag_document(tx, doc, &text)?;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::slice;

    #[test]
    fn slices_by_code_points() {
        let t = "Kyiv — ceasefire.";
        let b: Vec<usize> = t
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(t.len()))
            .collect();
        assert_eq!(slice(t, &b, 7, 16), "ceasefire");
        assert_eq!(slice(t, &b, 7, 999), "ceasefire.");
        assert_eq!(slice(t, &b, 9, 3), "");
    }
}
