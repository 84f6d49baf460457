//! Test helpers: build a parsed [`Doc`] by hand (tokens with lemma/UPOS/head/deprel, entities with
//! actors), so the coder is tested without the other stages.

use dyad_doc::{Actor, Doc, Entity, Event, Sentence, Span, Tag, Token};

/// One token: form, lemma, UPOS, head (1-based within the sentence, 0 = root), deprel.
pub type Tok<'a> = (&'a str, &'a str, &'a str, usize, &'a str);

/// An actor over tokens `start..end` (0-based, sentence-relative): code and country.
pub type Act<'a> = (usize, usize, &'a str, &'a str);

/// Append a parsed sentence to `doc`; tokens are separated by single spaces (no space before
/// punctuation). Returns the sentence index.
pub fn add_sentence(doc: &mut Doc, toks: &[Tok], acts: &[Act]) -> usize {
    if !doc.text.is_empty() {
        doc.text.push(' ');
    }
    let base = doc.tokens.len();
    let start = doc.text.len();
    for (i, (form, lemma, upos, head, rel)) in toks.iter().enumerate() {
        let no_space = i > 0 && matches!(*form, "." | "," | "'s" | "”" | "?" | "!" | ";" | ":");
        let after_open = i > 0 && toks[i - 1].0 == "“";
        if i > 0 && !no_space && !after_open {
            doc.text.push(' ');
        }
        let s = doc.text.len();
        doc.text.push_str(form);
        doc.tokens.push(Token {
            span: Span::new(s, doc.text.len()),
            space_after: true,
            upos: Tag::new(upos),
            xpos: Tag::EMPTY,
            lemma: lemma.to_string(),
            head: if *head == 0 {
                None
            } else {
                Some(base + head - 1)
            },
            deprel: Tag::new(rel),
        });
    }
    let end = doc.text.len();
    doc.sentences.push(Sentence {
        span: Span::new(start, end),
        tokens: base..doc.tokens.len(),
        paragraph: 0,
    });
    for &(a, b, code, country) in acts {
        let span = Span::new(
            doc.tokens[base + a].span.start,
            doc.tokens[base + b - 1].span.end,
        );
        let name = doc.text[span.start..span.end].to_string();
        doc.entities.push(Entity {
            span,
            kind: "ORG".into(),
            actor: Some(Actor {
                name: Some(name),
                code: code.to_string(),
                country: Some(country.to_string()),
                sector: None,
                country_from: None,
            }),
            cluster: None,
        });
    }
    doc.sentences.len() - 1
}

/// A document of one hand-parsed sentence with its actor spans (`add_sentence` on an empty doc).
pub fn sentence(toks: &[Tok], acts: &[Act]) -> Doc {
    let mut doc = Doc::new("t", "");
    add_sentence(&mut doc, toks, acts);
    doc
}

/// The events the embedded coder finds in `doc` (mentions from its entities).
pub fn code(doc: &Doc) -> Vec<Event> {
    crate::Coder::embedded().code(doc, &crate::mentions::from_doc(doc))
}

/// (source name, code, target name) of each event, in event order.
pub fn named(ev: &[Event]) -> Vec<(String, String, String)> {
    let n = |a: &Option<dyad_doc::EventActor>| {
        a.as_ref().and_then(|a| a.name.clone()).unwrap_or_default()
    };
    ev.iter()
        .map(|e| (n(&e.source), e.cameo.clone(), n(&e.target)))
        .collect()
}

/// A (source, code, target) triple of owned strings.
pub fn t(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.into(), b.into(), c.into())
}
