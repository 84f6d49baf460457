//! The coder's trained models asked about an event already written (for the event check,
//! [`crate::check`]): how sure the event classifier is that the trigger is an event at all and of
//! the event's type, and how sure the re-ranker is of the type. Both learned word senses from far
//! more sentences (PLV, the GSR, PETRARCH) than the judged sheets hold, so their agreement carries
//! sense where the check's own lexical features are too sparse.

use super::sent::Sent;
use super::Coder;
use crate::classifier::Classifier;
use crate::mentions::Mention;
use dyad_doc::{Doc, Event};

/// Probability bands of the opinion features.
const BANDS: [(f32, &str); 5] = [
    (0.1, "le10"),
    (0.3, "le30"),
    (0.5, "le50"),
    (0.7, "le70"),
    (0.9, "le90"),
];

fn band(p: f32) -> &'static str {
    BANDS
        .iter()
        .find(|&&(b, _)| p <= b)
        .map_or("gt90", |&(_, n)| n)
}

/// `name_own` (the band of the event type's probability), `name_top` (whether the most probable
/// class is the event's type, `NONE` or another) and, with a `NONE` class, `name_none`.
fn push(f: &mut Vec<String>, name: &str, model: &Classifier, probs: &[f32], ty: &str) {
    let own = model.labels.iter().position(|l| l == ty);
    let top = probs
        .iter()
        .enumerate()
        .fold(None, |b: Option<(usize, f32)>, (k, &p)| match b {
            Some((_, bp)) if bp >= p => b,
            _ => Some((k, p)),
        })
        .map(|(k, _)| k);
    let p_own = own.map_or(0.0, |k| probs[k]);
    f.push(format!("{name}_own={}", band(p_own)));
    let top_is = match top {
        Some(k) if Some(k) == own => "own",
        Some(k) if model.labels[k] == "NONE" => "none",
        _ => "other",
    };
    f.push(format!("{name}_top={top_is}"));
    if let Some(k) = model.labels.iter().position(|l| l == "NONE") {
        f.push(format!("{name}_none={}", band(probs[k])));
    }
}

impl Coder {
    /// The opinion features of event `e` of `doc` at trigger token `t` (document index), with
    /// the document's actor `mentions` ([`crate::mentions::from_doc`]): `oc_*` from the event
    /// classifier, `or_*` from the re-ranker (only for events whose code has a PLOVER type).
    /// Empty without the models or when `t` lies outside the event's sentence.
    pub fn opinion(&self, doc: &Doc, mentions: &[Mention], e: &Event, t: usize) -> Vec<String> {
        let mut f = Vec::new();
        let Some(s) = doc.sentences.get(e.sentence) else {
            return f;
        };
        if !s.tokens.contains(&t) {
            return f;
        }
        let st = Sent::new(doc, e.sentence, mentions);
        let ty = self.type_of_code(&e.cameo).to_string();
        if let Some(m) = &self.model {
            let probs = m.probs(&self.trigger_features(&st, t));
            push(&mut f, "oc", m, &probs, &ty);
        }
        if let Some(r) = self.reranker.as_ref().filter(|_| ty != "-") {
            let probs = r.probs(&self.candidate_features(&st, t, &e.cameo, &e.modality));
            push(&mut f, "or", r, &probs, &ty);
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_name_their_upper_bound() {
        assert_eq!(band(0.05), "le10");
        assert_eq!(band(0.5), "le50");
        assert_eq!(band(0.95), "gt90");
    }
}
