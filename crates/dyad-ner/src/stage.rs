//! The pipeline stage: tags every sentence of a document and appends its entities to
//! `Doc::entities` in text order, and records the document's case signal in `Doc::casing`
//! (measured once here; lower- and upper-cased documents go to the caseless model).

use crate::tags::TYPES;
use crate::Ner;
use dyad_doc::{Casing, Doc, Entity, Stage, StageError};
use std::path::Path;

/// Fills `Doc::entities` with PER/ORG/LOC/MISC mentions (actor and cluster left empty) and sets
/// `Doc::casing`.
pub struct NerStage {
    ner: NerRef,
}

enum NerRef {
    Embedded(&'static Ner),
    Owned(Box<Ner>),
}

impl NerStage {
    /// The stage with the embedded model.
    pub fn embedded() -> Result<NerStage, String> {
        Ok(NerStage {
            ner: NerRef::Embedded(Ner::embedded()?),
        })
    }

    /// The stage with a given tagger.
    pub fn with(ner: Ner) -> NerStage {
        NerStage {
            ner: NerRef::Owned(Box::new(ner)),
        }
    }

    /// The stage for a pipeline: the model in `MODEL_DIR/ner/` when that directory has a
    /// `model.bin`, else the embedded one.
    pub fn from_model_dir(model_dir: Option<&Path>) -> Result<NerStage, String> {
        match model_dir.map(|d| d.join("ner")) {
            Some(d) if d.join("model.bin").exists() => Ok(NerStage::with(Ner::load_dir(&d)?)),
            _ => NerStage::embedded(),
        }
    }

    fn ner(&self) -> &Ner {
        match &self.ner {
            NerRef::Embedded(n) => n,
            NerRef::Owned(n) => n,
        }
    }
}

impl Stage for NerStage {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), StageError> {
        let ner = self.ner();
        let n = doc.tokens.len();
        let words: Vec<&str> = doc
            .tokens
            .iter()
            .map(|t| doc.text.get(t.span.start..t.span.end).unwrap_or(""))
            .collect();
        let ranges: Vec<std::ops::Range<usize>> = doc
            .sentences
            .iter()
            .map(|s| s.tokens.start.min(n)..s.tokens.end.min(n))
            .filter(|r| r.start < r.end)
            .collect();
        let sentences: Vec<Vec<&str>> = ranges.iter().map(|r| words[r.clone()].to_vec()).collect();
        let casing = Casing::of_sentences(&sentences);
        let mut found = Vec::new();
        for (r, chunks) in ranges
            .iter()
            .zip(ner.document_entities_as(&sentences, casing))
        {
            for c in chunks {
                let span = dyad_doc::Span::new(
                    doc.tokens[r.start + c.start].span.start,
                    doc.tokens[r.start + c.end - 1].span.end,
                );
                found.push(Entity {
                    span,
                    kind: TYPES[c.ty].to_string(),
                    actor: None,
                    cluster: None,
                });
            }
        }
        found.sort_by_key(|e| (e.span.start, e.span.end));
        doc.casing = casing;
        doc.entities.extend(found);
        doc.entities.sort_by_key(|e| (e.span.start, e.span.end));
        Ok(())
    }
}
