//! Actor mentions as the coder sees them: token ranges with a resolved [`Actor`], gathered from the
//! entity layer (with coreference clusters supplying actors for pronouns and role nominals), or
//! from another matcher (PETRARCH actor dictionaries). Keeps the coder independent of how actors
//! were found.

use dyad_doc::{Actor, Doc, Span};
use std::ops::Range;

/// An actor mention in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Document-level token range.
    pub tokens: Range<usize>,
    /// Byte span of the mention.
    pub span: Span,
    /// The resolved actor.
    pub actor: Actor,
}

/// Mentions from `doc.entities` (actor, or the actor of its cluster) and from cluster mentions
/// (pronouns) whose cluster has an actor. Sorted by position; overlapping spans keep the first/longest.
pub fn from_doc(doc: &Doc) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for e in &doc.entities {
        let actor = e.actor.clone().or_else(|| {
            e.cluster
                .and_then(|c| doc.clusters.get(c))
                .and_then(|c| c.actor.clone())
        });
        if let Some(actor) = actor {
            push(doc, &mut out, e.span, actor);
        }
    }
    for c in &doc.clusters {
        if let Some(actor) = &c.actor {
            for &m in &c.mentions {
                push(doc, &mut out, m, actor.clone());
            }
        }
    }
    normalise(out)
}

fn push(doc: &Doc, out: &mut Vec<Mention>, span: Span, actor: Actor) {
    if span.end > doc.text.len() || span.is_empty() {
        return;
    }
    let tokens = doc.tokens_in(span);
    if tokens.is_empty() {
        return;
    }
    out.push(Mention {
        tokens,
        span,
        actor,
    });
}

/// Sort by start, drop mentions overlapping an earlier longer one.
pub fn normalise(mut v: Vec<Mention>) -> Vec<Mention> {
    v.sort_by(|a, b| {
        a.tokens
            .start
            .cmp(&b.tokens.start)
            .then(b.tokens.end.cmp(&a.tokens.end))
    });
    let mut out: Vec<Mention> = Vec::with_capacity(v.len());
    for m in v {
        if out.last().is_some_and(|p| p.tokens.end > m.tokens.start) {
            continue;
        }
        out.push(m);
    }
    out
}
