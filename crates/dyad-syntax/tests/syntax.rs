//! Behaviour tests on hand-written fixtures: the trainers learn a tiny treebank, the CoNLL-U
//! writer round-trips, odd input never panics, and the embedded model parses a news sentence.

use dyad_doc::{Doc, Sentence as DocSentence, Span, Stage, Token};
use dyad_syntax::clusters::Clusters;
use dyad_syntax::conllu;
use dyad_syntax::lemma::Lemmatizer;
use dyad_syntax::parser::{self, Example, Parser};
use dyad_syntax::tagger::{self, Atoms, Tagger};
use dyad_syntax::{Syntax, SyntaxStage};

const TINY: &str = include_str!("fixtures/tiny.conllu");

fn tiny() -> Vec<conllu::Sentence> {
    conllu::parse(TINY).expect("fixture parses")
}

fn train_tiny() -> (Tagger, Lemmatizer, Parser) {
    let sents = tiny();
    let topts = tagger::TrainOptions {
        epochs: 8,
        seed: 7,
        min_q: 1,
    };
    let none = Clusters::default();
    let t = tagger::train(&sents, &[], &topts, &none, &mut |_| {});
    let lem = Lemmatizer::train(&sents);
    let exs: Vec<Example> = sents
        .iter()
        .map(|s| {
            let tags: Vec<(String, String)> = s
                .words
                .iter()
                .map(|w| (w.upos.clone(), w.xpos.clone()))
                .collect();
            Example::new(s, &tags, &none)
        })
        .collect();
    let popts = parser::TrainOptions {
        epochs: 15,
        seed: 7,
        explore: 0.9,
        min_q: 1,
    };
    let p = parser::train(
        &exs,
        &[],
        &popts,
        none.fingerprint(),
        &mut |_| {},
        &mut |_| {},
    );
    (t, lem, p)
}

fn tiny_syntax() -> Syntax {
    let (t, l, p) = train_tiny();
    // Round-trip through bytes, as a model directory would.
    Syntax {
        clusters: Clusters::default(),
        tagger: Tagger::from_bytes(&t.to_bytes()).unwrap(),
        lemmatizer: Lemmatizer::from_bytes(&l.to_bytes()).unwrap(),
        parser: Parser::from_bytes(&p.to_bytes()).unwrap(),
    }
}

#[test]
fn trained_models_learn_the_fixture() {
    let syn = tiny_syntax();
    let sents = tiny();
    let (mut tags, mut lemmas, mut heads, mut n) = (0, 0, 0, 0);
    for s in &sents {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        for (w, a) in s.words.iter().zip(syn.analyze(&words)) {
            tags += (a.upos == w.upos && a.xpos == w.xpos) as usize;
            lemmas += (a.lemma == w.lemma) as usize;
            heads += (a.head.map_or(0, |h| h + 1) == w.head && a.deprel == w.deprel) as usize;
            n += 1;
        }
    }
    assert_eq!(tags, n, "tagger should fit its training sentences");
    assert_eq!(lemmas, n, "lemmatizer should fit its training words");
    assert!(
        heads as f64 >= 0.95 * n as f64,
        "parser fits {heads}/{n} labelled arcs"
    );
}

#[test]
fn lemmatizer_generalises_suffix_rules() {
    let lem = Lemmatizer::train(&tiny());
    // Unseen plural nouns follow the learned NNS rule; irregular `fled` is an exception.
    assert_eq!(lem.lemma("tanks", "NNS"), "tank");
    assert_eq!(lem.lemma("fled", "VBD"), "flee");
    assert_eq!(lem.lemma("Fled", "VBD"), "flee");
}

#[test]
fn features_see_affixes_and_shape() {
    let c = Clusters::default();
    let a = Atoms::new("Ukraine", &c);
    let b = Atoms::new("ukraine", &c);
    assert_eq!(a.lower, b.lower);
    assert_ne!(a.form, b.form);
    assert_ne!(a.shape, b.shape);
    assert_eq!(a.suf, b.suf);
    assert_eq!(
        Atoms::new("1999", &c).lower,
        Atoms::new("2024", &c).lower,
        "digits are normalised"
    );
    let mut f = Vec::new();
    tagger::features(&[a, b], 1, 3, 0xffff, &mut f);
    assert!(f.len() > 20);
}

#[test]
fn conllu_round_trip_of_fixture() {
    let sents = tiny();
    assert_eq!(sents.len(), 10);
    assert_eq!(conllu::write(&sents), TINY);
}

#[test]
fn empty_long_and_odd_sentences_do_not_panic() {
    let syn = tiny_syntax();
    assert!(syn.analyze(&[]).is_empty());
    let odd = [
        "",
        "\u{200b}",
        "🙂🙂",
        "é",
        "\t",
        "a\u{301}b",
        "ーー",
        "\u{202e}x",
    ];
    let an = syn.analyze(&odd);
    assert_eq!(an.len(), odd.len());
    let long: Vec<String> = (0..1000).map(|i| format!("w{}", i % 37)).collect();
    let refs: Vec<&str> = long.iter().map(|s| s.as_str()).collect();
    let an = syn.analyze(&refs);
    assert_eq!(an.len(), 1000);
    assert_eq!(
        an.iter().filter(|a| a.head.is_none()).count(),
        1,
        "one root even when chunked"
    );
    for (i, a) in an.iter().enumerate() {
        if let Some(h) = a.head {
            assert!(h < 1000 && h != i);
        }
    }
}

#[test]
fn every_parse_is_a_tree() {
    let syn = tiny_syntax();
    let words = [
        "Leaders", "sent", "the", "plan", "to", "Aleppo", "and", "Kyiv", "on", "Monday", ".",
    ];
    let an = syn.analyze(&words);
    assert_eq!(an.iter().filter(|a| a.head.is_none()).count(), 1);
    // No cycles: every word reaches the root.
    for i in 0..an.len() {
        let (mut j, mut steps) = (i, 0);
        while let Some(h) = an[j].head {
            j = h;
            steps += 1;
            assert!(steps <= an.len(), "cycle through word {i}");
        }
    }
}

fn doc_of(words: &[&str]) -> Doc {
    let text = words.join(" ");
    let mut doc = Doc::new("t", text.clone());
    let mut pos = 0;
    for w in words {
        let start = text[pos..].find(w).unwrap() + pos;
        doc.tokens.push(Token {
            span: Span::new(start, start + w.len()),
            space_after: true,
            ..Token::default()
        });
        pos = start + w.len();
    }
    doc.sentences.push(DocSentence {
        span: Span::new(0, text.len()),
        tokens: 0..words.len(),
        paragraph: 0,
    });
    doc
}

#[test]
fn stage_fills_every_token_with_document_level_heads() {
    let stage = SyntaxStage::from_syntax(tiny_syntax());
    let mut doc = doc_of(&["He", "declined", "the", "plan", ".", "Rebels", "fled", "."]);
    doc.sentences = vec![
        DocSentence {
            span: Span::new(0, 19),
            tokens: 0..5,
            paragraph: 0,
        },
        DocSentence {
            span: Span::new(20, doc.text.len()),
            tokens: 5..8,
            paragraph: 0,
        },
    ];
    stage.process(&mut doc).unwrap();
    for t in &doc.tokens {
        assert!(
            !t.upos.is_empty() && !t.xpos.is_empty() && !t.lemma.is_empty() && !t.deprel.is_empty()
        );
    }
    for t in &doc.tokens[5..] {
        if let Some(h) = t.head {
            assert!((5..8).contains(&h), "heads stay inside their sentence");
        }
    }
    let out = conllu::write(&conllu::from_doc(&doc));
    assert_eq!(conllu::parse(&out).unwrap().len(), 2);
}

#[test]
fn embedded_model_finds_subject_and_object() {
    let syn = match Syntax::embedded() {
        Ok(s) => s,
        Err(e) => panic!("embedded model must load: {e}"),
    };
    let words = ["Putin", "declined", "the", "proposal", "."];
    let an = syn.analyze(&words);
    assert_eq!(an[0].upos, "PROPN");
    assert_eq!(an[1].lemma, "decline");
    assert_eq!(an[0].head, Some(1));
    assert_eq!(an[0].deprel, "nsubj");
    assert_eq!(an[3].head, Some(1));
    assert_eq!(an[3].deprel, "obj");
    assert_eq!(an[1].head, None);
}

/// The run-time weight table must hold every key and run of the committed files exactly:
/// writing a loaded model back gives the same bytes.
#[test]
fn committed_models_round_trip_byte_for_byte() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/models/syntax");
    let read = |name: &str| std::fs::read(format!("{dir}/{name}")).expect("committed model");
    let t = read("tagger.bin");
    assert!(Tagger::from_bytes(&t).expect("tagger loads").to_bytes() == t);
    let p = read("parser.bin");
    assert!(Parser::from_bytes(&p).expect("parser loads").to_bytes() == p);
}
