//! The pipeline stage: fills `Doc::times` from the text, using `Doc::date` as the reference.
//!
//! The rules work from the raw text alone; when the syntax stage has run, its tags add tense cues
//! (`VBD` = past, modal `will`/`shall`/`'ll` = future) that decide whether "on Monday" looks back
//! or ahead.

use std::collections::BTreeMap;

use dyad_doc::{Doc, Stage, StageError};

use crate::engine::{self, Tense};
use crate::{LexiconError, Tagger};

/// Recognises and normalises temporal expressions (`times` stage).
#[derive(Debug, Clone)]
pub struct TimeStage {
    tagger: Tagger,
}

impl TimeStage {
    /// The stage with the embedded lexicon.
    pub fn new() -> Result<TimeStage, LexiconError> {
        Ok(TimeStage {
            tagger: Tagger::embedded()?,
        })
    }

    /// The stage with a given tagger.
    pub fn with_tagger(tagger: Tagger) -> TimeStage {
        TimeStage { tagger }
    }
}

impl Default for TimeStage {
    /// The embedded lexicon (validated by this crate's tests, so loading cannot fail in a release).
    fn default() -> TimeStage {
        TimeStage::new().expect("embedded data/time/lexicon.tsv is valid")
    }
}

/// Tense cues from tagged tokens, keyed by start byte.
fn hints(doc: &Doc) -> BTreeMap<usize, Tense> {
    let mut out = BTreeMap::new();
    for t in &doc.tokens {
        if t.span.end > doc.text.len()
            || !doc.text.is_char_boundary(t.span.start)
            || !doc.text.is_char_boundary(t.span.end)
        {
            continue;
        }
        let modal = t.xpos == "MD" || (t.xpos.is_empty() && t.upos == "AUX");
        // Lower-cased only for modals: most tokens are none.
        if modal
            && matches!(
                doc.text[t.span.start..t.span.end].to_lowercase().as_str(),
                "will" | "shall" | "'ll" | "’ll" | "wo"
            )
        {
            out.insert(t.span.start, Tense::Future);
        } else if t.xpos == "VBD" {
            out.insert(t.span.start, Tense::Past);
        }
    }
    out
}

impl Stage for TimeStage {
    fn name(&self) -> &'static str {
        "times"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), StageError> {
        let found = engine::find_with_hints(&doc.text, doc.date, self.tagger.lexicon(), hints(doc));
        doc.times = crate::to_exprs(found);
        Ok(())
    }
}
