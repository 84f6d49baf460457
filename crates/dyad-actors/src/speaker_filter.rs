//! Dropping quote candidates that name no source and whose construction is no attribution.
//!
//! The quote stage keeps a candidate when a cue and a content hold together; on everyday news
//! (interviews, features, first-person columns) many such candidates are not someone's reported
//! speech at all, and they are mostly the ones whose speaker names nobody (the hand-judged sheets
//! of docs/evaluation.md, "Quote precision on news"). A candidate is dropped here only when *both*
//! hold: its speaker is unresolved after [`crate::SpeakerRoleStage`] (no name, no role with a
//! country), and its construction is one of these (the reasons of [`Unsupported`]):
//!
//! - no cue and no speaker: a quotation nobody is found for;
//! - a passive cue ("is expected to", "it is hoped", "was found"): a prediction or a finding with
//!   no one who makes it;
//! - a first- or second-person speaker standing alone ("I think", "we know", "did you know"): the
//!   writer's voice or an address to the reader, or an interview answer whose person is unknown;
//! - a question ("Did X say that …?"): asked, not reported;
//! - an imperative cue (the root, base form, no subject: "Share this…", "Let …");
//! - a speaker phrase without a nominal word ("Asked …, X said" read as `Asked`; "Now", "Well"):
//!   the phrase is not the source, so the candidate has none.
//!
//! Each rule was measured on the first 400 NewsArticles and on PolNeAR dev and train (the cost in
//! recall of attributions PolNeAR annotates): docs/evaluation.md, "session 12, branch speakers4".
//! Quotes with a resolved speaker are never dropped: a named source is evidence of an attribution.

use dyad_doc::{Doc, Quote};

/// Why a candidate is dropped (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsupported {
    /// No cue and no speaker.
    Bare,
    /// The cue is a passive verb.
    Passive,
    /// The speaker is a lone first- or second-person pronoun.
    FirstOrSecondPerson,
    /// The cue's sentence is a question.
    Question,
    /// The cue is an imperative.
    Imperative,
    /// The speaker phrase has no nominal word.
    NotNominal,
}

/// Personal pronouns of the first and second person (a closed grammatical class, lower case):
/// as a lone speaker they are the writer, the reader or an interviewee nobody names.
const FIRST_SECOND_PERSON: &[&str] = &["i", "we", "you"];

/// Universal POS tags of a phrase that can name a source ("some", "all" and "many" are
/// determiners and adjectives that stand for people, so they count).
const NOMINAL: &[&str] = &["NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ", "X", "SYM"];

/// Why `q` of `doc` names no source and reports nothing, or `None` to keep it. Quotes with a
/// resolved speaker are always kept.
pub fn unsupported(doc: &Doc, q: &Quote) -> Option<Unsupported> {
    if q.speaker.as_ref().is_some_and(|s| s.is_resolved()) {
        return None;
    }
    let Some(cue) = q.cue else {
        return q.speaker.is_none().then_some(Unsupported::Bare);
    };
    if let Some(sp) = &q.speaker {
        let words = doc.slice(sp.span).trim().to_lowercase();
        if FIRST_SECOND_PERSON.contains(&words.as_str()) {
            return Some(Unsupported::FirstOrSecondPerson);
        }
        let toks = doc.tokens_in(sp.span);
        let tagged = toks.clone().any(|t| !doc.tokens[t].upos.is_empty());
        if tagged
            && !toks
                .clone()
                .any(|t| NOMINAL.contains(&doc.tokens[t].upos.as_str()))
        {
            return Some(Unsupported::NotNominal);
        }
    }
    // The rules below read the cue's word in the parse; an unparsed document keeps the rest.
    let c = doc.tokens_in(cue).start;
    let Some(tok) = doc.tokens.get(c).filter(|t| !t.deprel.is_empty()) else {
        return None;
    };
    if doc
        .children(c)
        .any(|k| matches!(doc.tokens[k].deprel.as_str(), "aux:pass" | "nsubj:pass"))
    {
        return Some(Unsupported::Passive);
    }
    if tok.head.is_none()
        && tok.xpos.as_str() == "VB"
        && !doc
            .children(c)
            .any(|k| doc.tokens[k].deprel.starts_with("nsubj"))
    {
        return Some(Unsupported::Imperative);
    }
    let question = doc.sentence_of_token(c).is_some_and(|s| {
        doc.slice(doc.sentences[s].span)
            .trim_end_matches(|ch: char| ch.is_whitespace() || "\"'”’»".contains(ch))
            .ends_with('?')
    });
    question.then_some(Unsupported::Question)
}

/// Drop the quotes of `doc` that [`unsupported`] rejects; returns how many were dropped.
pub fn drop_unsupported(doc: &mut Doc) -> usize {
    let keep: Vec<bool> = doc
        .quotes
        .iter()
        .map(|q| unsupported(doc, q).is_none())
        .collect();
    let before = doc.quotes.len();
    let mut k = keep.iter();
    doc.quotes.retain(|_| *k.next().unwrap_or(&true));
    before - doc.quotes.len()
}
