//! Which time expression dates an event: used by the events stage for `Event::date`.

use dyad_doc::{Doc, TimeExpr};

/// The time expression that governs the event whose trigger is token `trigger_token` of sentence
/// `sentence`, if any.
///
/// Only `DATE` and `TIME` expressions inside the sentence qualify (a `DURATION` such as "30-day"
/// or a `SET` does not date an event, and neither do `PRESENT_REF`/`PAST_REF`/`FUTURE_REF`
/// values such as "now" or "recently", which say less than the publication date). Preference order:
/// 1. an expression with a token whose dependency head is the trigger ("met *on Monday*");
/// 2. otherwise the expression nearest to the trigger in bytes (ties: the one before it).
///
/// Returns `None` when the sentence has no such expression; callers then fall back to the
/// publication date.
pub fn governing_time(doc: &Doc, sentence: usize, trigger_token: usize) -> Option<&TimeExpr> {
    let s = doc.sentences.get(sentence)?;
    let trig = doc.tokens.get(trigger_token)?.span;
    let cands: Vec<&TimeExpr> = doc
        .times
        .iter()
        .filter(|t| {
            matches!(t.kind.as_str(), "DATE" | "TIME")
                && !t.value.ends_with("_REF")
                && s.span.contains(t.span)
        })
        .collect();
    let attached = cands.iter().find(|t| {
        doc.tokens_in(t.span).any(|k| {
            doc.tokens
                .get(k)
                .is_some_and(|tok| tok.head == Some(trigger_token))
        })
    });
    if let Some(t) = attached {
        return Some(t);
    }
    cands.into_iter().min_by_key(|t| {
        if t.span.end <= trig.start {
            (trig.start - t.span.end, 0)
        } else if t.span.start >= trig.end {
            (t.span.start - trig.end, 1)
        } else {
            (0, 0)
        }
    })
}
