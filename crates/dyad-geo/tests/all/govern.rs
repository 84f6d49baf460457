//! `governing_place` on hand-parsed sentences.

use dyad_doc::{Doc, Sentence, Span, Stage, Token};
use dyad_geo::{governing_place, PlaceStage};

/// A one-sentence document from `(word, head, deprel)` triples (heads are token indices, `None` for
/// the root); words are separated by single spaces.
fn parsed(words: &[(&str, Option<usize>, &str)]) -> Doc {
    let text = words.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
    let mut doc = Doc::new("t", text.clone());
    let mut at = 0;
    for (w, head, rel) in words {
        doc.tokens.push(Token {
            span: Span::new(at, at + w.len()),
            space_after: true,
            head: *head,
            deprel: dyad_doc::Tag::new(rel),
            ..Token::default()
        });
        at += w.len() + 1;
    }
    doc.sentences.push(Sentence {
        span: Span::new(0, text.len()),
        tokens: 0..words.len(),
        paragraph: 0,
    });
    PlaceStage::new().unwrap().process(&mut doc).unwrap();
    doc
}

#[test]
fn a_locative_place_attached_to_the_trigger_governs() {
    // Negotiators met in Istanbul , not in Geneva .
    let doc = parsed(&[
        ("Negotiators", Some(1), "nsubj"),
        ("met", None, "root"),
        ("in", Some(3), "case"),
        ("Istanbul", Some(1), "obl"),
        (",", Some(7), "punct"),
        ("not", Some(7), "advmod"),
        ("in", Some(7), "case"),
        ("Geneva", Some(3), "conj"),
        (".", Some(1), "punct"),
    ]);
    assert_eq!(doc.places.len(), 2);
    assert_eq!(
        governing_place(&doc, 0, 1).map(|p| p.name.as_str()),
        Some("Istanbul")
    );
}

#[test]
fn places_without_a_locative_cue_do_not_govern() {
    // Trump threatened sanctions against Moscow .
    let doc = parsed(&[
        ("Trump", Some(1), "nsubj"),
        ("threatened", None, "root"),
        ("sanctions", Some(1), "obj"),
        ("against", Some(4), "case"),
        ("Moscow", Some(2), "nmod"),
        (".", Some(1), "punct"),
    ]);
    assert_eq!(doc.places.len(), 1);
    assert!(governing_place(&doc, 0, 1).is_none());
}

#[test]
fn without_a_parse_the_nearest_locative_place_governs() {
    let doc = parsed(&[
        ("Putin", None, ""),
        ("spoke", None, ""),
        ("from", None, ""),
        ("Sochi", None, ""),
        ("about", None, ""),
        ("Kyiv", None, ""),
    ]);
    assert_eq!(
        governing_place(&doc, 0, 1).map(|p| p.name.as_str()),
        Some("Sochi")
    );
    assert!(governing_place(&doc, 5, 1).is_none(), "no such sentence");
}
