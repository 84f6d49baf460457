//! The pipeline stage: fills UPOS, XPOS, lemma, head and deprel on every token of every sentence.

use crate::{ModelError, Syntax};
use dyad_doc::{Doc, Stage, StageError};
use std::path::Path;

/// Runs the tagger, lemmatizer and parser on each sentence of a [`Doc`].
pub struct SyntaxStage {
    syntax: Syntax,
}

impl SyntaxStage {
    /// A stage with the embedded models, or the files of `model_dir` where present.
    pub fn new(model_dir: Option<&Path>) -> Result<SyntaxStage, ModelError> {
        Ok(SyntaxStage {
            syntax: Syntax::load(model_dir)?,
        })
    }

    /// A stage around already-loaded models.
    pub fn from_syntax(syntax: Syntax) -> SyntaxStage {
        SyntaxStage { syntax }
    }

    /// The models.
    pub fn syntax(&self) -> &Syntax {
        &self.syntax
    }
}

impl Stage for SyntaxStage {
    fn name(&self) -> &'static str {
        "syntax"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), StageError> {
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            if range.end > doc.tokens.len() || range.start >= range.end {
                continue;
            }
            let words: Vec<&str> = range
                .clone()
                .map(|t| {
                    doc.text
                        .get(doc.tokens[t].span.start..doc.tokens[t].span.end)
                        .unwrap_or("")
                })
                .collect();
            let analysis = self.syntax.analyze(&words);
            for (i, a) in analysis.into_iter().enumerate() {
                let tok = &mut doc.tokens[range.start + i];
                tok.upos = a.upos;
                tok.xpos = a.xpos;
                tok.lemma = a.lemma;
                tok.head = a.head.map(|h| h + range.start);
                tok.deprel = a.deprel;
            }
        }
        Ok(())
    }
}
