//! Test helpers: a tiny segmenter (so these tests do not depend on the segmentation crate) and
//! lookups on the annotated document.

#![allow(dead_code)]

use chrono::NaiveDate;
use dyad_actors::ActorStage;
use dyad_doc::{Doc, Sentence, Span, Token};
use std::sync::OnceLock;

pub fn stage() -> &'static ActorStage {
    static S: OnceLock<ActorStage> = OnceLock::new();
    S.get_or_init(ActorStage::new)
}

/// Splits into paragraphs (line breaks), sentences (after . ! ? and closing quotes, before a
/// capital or opening quote) and tokens (words and single punctuation marks).
pub fn segment(doc: &mut Doc) {
    let text = doc.text.clone();
    let mut offset = 0;
    for (para, line) in text.split('\n').enumerate() {
        let base = offset;
        offset += line.len() + 1;
        let mut start: Option<usize> = None;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            if !c.is_whitespace() && start.is_none() {
                start = Some(i);
            }
            let end_mark = matches!(c, '.' | '!' | '?')
                || (matches!(c, '\u{201D}' | '"')
                    && k > 0
                    && matches!(chars[k - 1].1, '.' | '!' | '?'));
            let next = chars.get(k + 1).map(|x| x.1);
            let next2 = chars.get(k + 2).map(|x| x.1);
            let boundary = end_mark
                && (next.is_none()
                    || (next == Some(' ')
                        && next2.is_some_and(|n| n.is_uppercase() || n == '\u{201C}' || n == '"')))
                && !(c == '.' && is_abbrev(&line[start.unwrap_or(0)..=i]));
            if boundary || next.is_none() {
                if let Some(s) = start.take() {
                    push_sentence(doc, base + s, base + i + c.len_utf8(), para);
                }
            }
        }
    }
}

fn is_abbrev(s: &str) -> bool {
    s.ends_with("U.S.") || s.ends_with("U.K.") || s.ends_with("Mr.") || s.ends_with("U.N.")
}

fn push_sentence(doc: &mut Doc, s: usize, e: usize, paragraph: usize) {
    let first = doc.tokens.len();
    let text = doc.text[s..e].to_string();
    let mut tok: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || (matches!(c, '.' | '-' | '\'') && tok.is_some());
        if word {
            tok.get_or_insert(i);
            continue;
        }
        if let Some(t) = tok.take() {
            doc.tokens.push(Token {
                span: Span::new(s + t, s + i),
                ..Token::default()
            });
        }
        if !c.is_whitespace() {
            doc.tokens.push(Token {
                span: Span::new(s + i, s + i + c.len_utf8()),
                ..Token::default()
            });
        }
    }
    if let Some(t) = tok {
        doc.tokens.push(Token {
            span: Span::new(s + t, e),
            ..Token::default()
        });
    }
    let last = doc.tokens.len();
    doc.sentences.push(Sentence {
        span: Span::new(s, e),
        tokens: first..last,
        paragraph,
    });
}

/// Builds, segments and annotates a document dated `date` (YYYY-MM-DD).
pub fn run(text: &str, date: &str) -> Doc {
    let mut doc = Doc::new("t", text);
    doc.date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    segment(&mut doc);
    stage().annotate(&mut doc);
    doc
}

/// The code of the entity whose text is exactly `mention` (the `nth` occurrence, from 0).
pub fn code_of(doc: &Doc, mention: &str, nth: usize) -> Option<String> {
    entity(doc, mention, nth).and_then(|e| e.actor.as_ref().map(|a| a.code.clone()))
}

pub fn entity<'a>(doc: &'a Doc, mention: &str, nth: usize) -> Option<&'a dyad_doc::Entity> {
    doc.entities
        .iter()
        .filter(|e| doc.slice(e.span) == mention)
        .nth(nth)
}

/// The cluster name of the `nth` occurrence of the pronoun `word` (whole word, from 0).
pub fn pronoun_referent(doc: &Doc, word: &str, nth: usize) -> Option<String> {
    let mut seen = 0;
    let t = &doc.text;
    let mut from = 0;
    while let Some(k) = t[from..].find(word) {
        let s = from + k;
        let e = s + word.len();
        from = e;
        let before = t[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = t[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if !(before && after) {
            continue;
        }
        if seen == nth {
            let i = dyad_actors::cluster_at(doc, Span::new(s, e))?;
            return doc.clusters[i].name.clone();
        }
        seen += 1;
    }
    None
}
