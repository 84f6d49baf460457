//! The Dyad document model.
//!
//! A [`Doc`] is one article: its text (never edited after reading), its metadata, and the annotation
//! layers that pipeline stages add in turn (sentences, tokens, entities, quotes, events, times, places).
//!
//! Invariants:
//! - `Doc::text` never changes once read; every [`Span`] is a **byte** range into it that starts and
//!   ends on char boundaries. Code-point offsets exist only at output (`dyad-output`).
//! - Tokens and sentences are flat, parallel arrays; a sentence owns a contiguous token range.
//! - Dependency heads are **document-level** token indices (`None` = root of its sentence).
//! - This crate does no IO (its CoNLL-U reader parses strings); stages live in their own crates and implement [`Stage`].

#![deny(missing_docs)]

mod annotations;
mod casing;
pub mod conllu;
pub mod metrics;
mod span;
mod stage;
mod tag;

pub use annotations::*;
pub use casing::Casing;
pub use span::{Span, SpanIndex, SpanSet};
pub use stage::{Stage, StageError};
pub use tag::Tag;

use chrono::NaiveDate;
use std::ops::Range;

/// One token with its whitespace and (once the syntax stage ran) its morpho-syntactic annotation.
///
/// Tags and relations are [`Tag`]s (shared names, no allocation per token): a long document holds
/// millions of tokens, and their layers are most of its memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Token {
    /// Byte span in `Doc::text`.
    pub span: Span,
    /// Whether whitespace follows the token in the text (CoNLL-U `SpaceAfter`).
    pub space_after: bool,
    /// Universal POS tag (`NOUN`, `PROPN`, …); empty until tagged.
    pub upos: Tag,
    /// Penn Treebank tag (`NNP`, `VBD`, …); empty until tagged.
    pub xpos: Tag,
    /// Lemma; empty until lemmatized.
    pub lemma: String,
    /// Document-level index of the syntactic head; `None` for the sentence root or when unparsed.
    pub head: Option<usize>,
    /// Universal dependency relation to the head (`nsubj`, `obj`, …); empty until parsed.
    pub deprel: Tag,
}

/// One sentence: a byte span and the contiguous range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in `Doc::text` (first token start to last token end).
    pub span: Span,
    /// Indices into `Doc::tokens`.
    pub tokens: Range<usize>,
    /// Zero-based paragraph number (paragraphs are separated by blank lines or, in one-line-per-paragraph
    /// text, by line breaks).
    pub paragraph: usize,
}

/// An article and everything the pipeline learned about it.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// Document id (file stem, `id` field, CSV id column, or a generated `<file>:<line>`).
    pub id: String,
    /// The analysed text, exactly as read (after JSON/CSV decoding). Never modified.
    pub text: String,
    /// Publication date: the reference for relative time expressions and actor roles.
    pub date: Option<NaiveDate>,
    /// Title, when the input carries one.
    pub title: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// Outlet / source name, when known.
    pub source: Option<String>,
    /// Other input fields, kept verbatim.
    pub meta: serde_json::Map<String, serde_json::Value>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Named entities and actor-bearing noun phrases.
    pub entities: Vec<Entity>,
    /// Coreference clusters; `Entity::cluster` indexes this.
    pub clusters: Vec<Cluster>,
    /// Quotations and reported speech.
    pub quotes: Vec<Quote>,
    /// Coded events.
    pub events: Vec<Event>,
    /// Temporal expressions.
    pub times: Vec<TimeExpr>,
    /// Place mentions.
    pub places: Vec<Place>,
    /// Whether capitals carry information in this text ([`Casing::Mixed`]) or the document is
    /// written all in lower or upper case. Set once by the `ner` stage ([`Casing::of_doc`]);
    /// stages after it read it instead of measuring again.
    pub casing: Casing,
    /// Events the event stage's check left out (their check probability under the threshold,
    /// `dyad code --min-check`): counted, not written.
    pub events_dropped: usize,
}

impl Doc {
    /// A new document with only text and id set.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Doc {
        Doc {
            id: id.into(),
            text: text.into(),
            ..Doc::default()
        }
    }

    /// The text covered by `span`.
    ///
    /// # Panics
    /// If the span is out of range or not on char boundaries (a bug in the stage that made it).
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.slice(self.tokens[i].span)
    }

    /// Tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        &self.tokens[self.sentences[s].tokens.clone()]
    }

    /// Index of the sentence that contains token `t`, by binary search.
    pub fn sentence_of_token(&self, t: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= t);
        (i < self.sentences.len() && self.sentences[i].tokens.contains(&t)).then_some(i)
    }

    /// Index of the sentence that contains byte offset `b`.
    pub fn sentence_at(&self, b: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= b);
        (i < self.sentences.len() && self.sentences[i].span.start <= b).then_some(i)
    }

    /// The smallest token range covering `span` (tokens that overlap it), or an empty range at the
    /// insertion point if none overlaps.
    pub fn tokens_in(&self, span: Span) -> Range<usize> {
        let start = self.tokens.partition_point(|t| t.span.end <= span.start);
        let end = self.tokens.partition_point(|t| t.span.start < span.end);
        start..end.max(start)
    }

    /// Byte span covering tokens `range` (must be non-empty).
    pub fn span_of_tokens(&self, range: Range<usize>) -> Span {
        Span::new(
            self.tokens[range.start].span.start,
            self.tokens[range.end - 1].span.end,
        )
    }

    /// Dependents (document-level indices) of token `t`, in text order.
    pub fn children(&self, t: usize) -> impl Iterator<Item = usize> + '_ {
        let range = self
            .sentence_of_token(t)
            .map(|s| self.sentences[s].tokens.clone())
            .unwrap_or(0..0);
        range.filter(move |&c| self.tokens[c].head == Some(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_with_tokens() -> Doc {
        let mut d = Doc::new("t", "Putin declined. He left.");
        let spans = [(0, 5), (6, 14), (14, 15), (16, 18), (19, 23), (23, 24)];
        d.tokens = spans
            .iter()
            .map(|&(s, e)| Token {
                span: Span::new(s, e),
                ..Token::default()
            })
            .collect();
        d.sentences = vec![
            Sentence {
                span: Span::new(0, 15),
                tokens: 0..3,
                paragraph: 0,
            },
            Sentence {
                span: Span::new(16, 24),
                tokens: 3..6,
                paragraph: 0,
            },
        ];
        d.tokens[0].head = Some(1);
        d.tokens[2].head = Some(1);
        d
    }

    #[test]
    fn token_stays_small() {
        // 16 (span) + 3 × 16 (tags) + 24 (lemma) + 16 (head) + 1: a long document's memory is
        // mostly its tokens (docs/performance.md, "Long documents").
        assert!(
            std::mem::size_of::<Token>() <= 112,
            "{}",
            std::mem::size_of::<Token>()
        );
    }

    #[test]
    fn lookups_find_sentences_and_tokens() {
        let d = doc_with_tokens();
        assert_eq!(d.sentence_of_token(4), Some(1));
        assert_eq!(d.sentence_of_token(9), None);
        assert_eq!(
            d.sentence_at(15),
            None,
            "the gap between sentences belongs to none"
        );
        assert_eq!(d.sentence_at(17), Some(1));
        assert_eq!(d.tokens_in(Span::new(3, 10)), 0..2);
        assert_eq!(d.token_text(1), "declined");
        assert_eq!(d.children(1).collect::<Vec<_>>(), vec![0, 2]);
        assert_eq!(d.slice(d.span_of_tokens(3..5)), "He left");
    }
}
