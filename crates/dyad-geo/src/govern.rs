//! `governing_place`: the place an event happened at, for the events stage.
//!
//! A place governs a trigger when, in the trigger's sentence, it is introduced by a locative
//! preposition (in, at, from, near, inside, outside, across, …: the `locative` cues of
//! `data/geo/cues.tsv`, read from the `case` dependent or the word just before, skipping "the").
//! Among those, one syntactically attached to the trigger (the trigger is among the place's first
//! four heads) wins; otherwise the one nearest the trigger in tokens. Places without a locative cue
//! ("sanctions against Moscow", "talks between Moscow and Kyiv") are actors, not locations, and never
//! govern.

use crate::gazetteer::Gazetteer;
use dyad_doc::{Doc, Place};

/// The place that governs the event triggered by token `trigger_token` in sentence `sentence`, if
/// any: see the module documentation. Returns `None` for out-of-range indices.
pub fn governing_place(doc: &Doc, sentence: usize, trigger_token: usize) -> Option<&Place> {
    let s = doc.sentences.get(sentence)?;
    let cues = Gazetteer::embedded().ok();
    let is_locative = |word: &str| match cues {
        Some(g) => g.cues(word).locative,
        None => matches!(word.to_lowercase().as_str(), "in" | "at" | "from" | "near"),
    };
    let first = doc.places.partition_point(|p| p.span.start < s.span.start);
    let mut best: Option<(bool, usize, &Place)> = None;
    for p in doc.places[first..]
        .iter()
        .take_while(|p| p.span.end <= s.span.end)
    {
        let range = doc.tokens_in(p.span);
        if range.is_empty() || range.start < s.tokens.start {
            continue;
        }
        // The place's syntactic head: the token whose head lies outside the place.
        let head = range
            .clone()
            .find(|&t| doc.tokens[t].head.is_none_or(|h| !range.contains(&h)))
            .unwrap_or(range.end - 1);
        let case_child = doc
            .children(head)
            .any(|c| doc.tokens[c].deprel == "case" && is_locative(doc.token_text(c)));
        let mut before = range.start;
        let mut locative = false;
        for _ in 0..2 {
            if before == s.tokens.start {
                break;
            }
            before -= 1;
            let t = doc.token_text(before);
            if is_locative(t) {
                locative = true;
                break;
            }
            if !t.eq_ignore_ascii_case("the") {
                break;
            }
        }
        if !(locative || case_child) {
            continue;
        }
        let mut attached = false;
        let mut t = head;
        for _ in 0..4 {
            match doc.tokens[t].head {
                Some(h) if h == trigger_token => {
                    attached = true;
                    break;
                }
                Some(h) if h < doc.tokens.len() => t = h,
                _ => break,
            }
        }
        let distance = head.abs_diff(trigger_token);
        let better = match best {
            None => true,
            Some((a, d, _)) => (attached, std::cmp::Reverse(distance)) > (a, std::cmp::Reverse(d)),
        };
        if better {
            best = Some((attached, distance, p));
        }
    }
    best.map(|(_, _, p)| p)
}
