//! End-to-end tests of the tagger on hand-written text: the embedded model, the pipeline stage,
//! training on a toy corpus, and odd input.

use dyad_doc::{Doc, Sentence, Span, Stage, Token};
use dyad_ner::clusters::Clusters;
use dyad_ner::conll;
use dyad_ner::tags::TYPES;
use dyad_ner::train::{train, train_refit, TrainOptions};
use dyad_ner::{models_from_bytes, models_to_bytes, Ner, NerStage};

/// A document tokenized on spaces (punctuation must be written apart), one sentence per line.
fn doc(text: &str) -> Doc {
    let mut d = Doc::new("t", text);
    let mut offset = 0;
    for line in text.split('\n') {
        let first = d.tokens.len();
        let mut at = offset;
        for w in line.split(' ') {
            if !w.is_empty() {
                d.tokens.push(Token {
                    span: Span::new(at, at + w.len()),
                    space_after: true,
                    ..Token::default()
                });
            }
            at += w.len() + 1;
        }
        if d.tokens.len() > first {
            let span = Span::new(
                d.tokens[first].span.start,
                d.tokens[d.tokens.len() - 1].span.end,
            );
            d.sentences.push(Sentence {
                span,
                tokens: first..d.tokens.len(),
                paragraph: 0,
            });
        }
        offset += line.len() + 1;
    }
    d
}

fn entities(d: &Doc) -> Vec<(String, String)> {
    d.entities
        .iter()
        .map(|e| (d.slice(e.span).to_string(), e.kind.clone()))
        .collect()
}

#[test]
fn embedded_model_finds_people_and_places() {
    let stage = NerStage::embedded().expect("embedded model loads");
    let mut d = doc("Chancellor Angela Merkel met the French president in Berlin on Tuesday .");
    stage.process(&mut d).unwrap();
    let e = entities(&d);
    assert!(e.contains(&("Angela Merkel".into(), "PER".into())), "{e:?}");
    assert!(e.contains(&("Berlin".into(), "LOC".into())), "{e:?}");
    assert!(e.contains(&("French".into(), "MISC".into())), "{e:?}");
    assert!(
        d.entities
            .windows(2)
            .all(|w| w[0].span.start < w[1].span.start),
        "text order"
    );
    assert!(d
        .entities
        .iter()
        .all(|e| e.actor.is_none() && e.cluster.is_none()));
}

#[test]
fn embedded_model_handles_news_style_text() {
    let stage = NerStage::embedded().unwrap();
    let mut d = doc(
        "German Chancellor Friedrich Merz told reporters in Brussels that the European Union would act .\n\
         Kremlin aide Yuri Ushakov said the U.S. had not set a date .\n\
         European Commission President Ursula von der Leyen called the talks \u{201C}useful\u{201D} .",
    );
    stage.process(&mut d).unwrap();
    let e = entities(&d);
    for want in [
        ("Friedrich Merz", "PER"),
        ("Brussels", "LOC"),
        ("European Union", "ORG"),
        ("Yuri Ushakov", "PER"),
        ("U.S.", "LOC"),
        ("European Commission", "ORG"),
        ("Ursula von der Leyen", "PER"),
    ] {
        assert!(
            e.contains(&(want.0.to_string(), want.1.to_string())),
            "missing {want:?} in {e:?}"
        );
    }
}

#[test]
fn odd_input_does_not_panic() {
    let stage = NerStage::embedded().unwrap();
    for text in [
        "",
        " ",
        "\u{201C}\u{201D}",
        "日本 の 首相",
        "A",
        "- - -",
        "ÉLYSÉE PALACE !!!",
    ] {
        let mut d = doc(text);
        stage.process(&mut d).unwrap();
        for e in &d.entities {
            assert!(TYPES.contains(&e.kind.as_str()));
            assert!(d.text.is_char_boundary(e.span.start) && d.text.is_char_boundary(e.span.end));
        }
    }
    // Sentences whose token ranges run past the tokens are skipped, not a panic.
    let mut d = doc("Paris is calm .");
    d.sentences[0].tokens = 0..99;
    stage.process(&mut d).unwrap();
    let ner = Ner::embedded().unwrap();
    assert!(ner.tag(&[]).is_empty());
    assert!(ner.tag_document(&[]).is_empty());
}

const TOY_TRAIN: &str = "\
-DOCSTART- -X- -X- O

Zorblat I-PER
visited O
Quimbria I-LOC
. O

Zorblat I-PER
works O
for O
Acme I-ORG
Widgets I-ORG
. O

Mira I-PER
Quell I-PER
flew O
to O
Quimbria I-LOC
. O

Acme I-ORG
Widgets I-ORG
hired O
Mira I-PER
Quell I-PER
. O

The O
Quimbrian I-MISC
team O
lost O
. O
";

/// Asserts that `ner` tags every sentence of `doc` (one sentence at a time) as its gold tags.
fn assert_tags_as_gold(ner: &Ner, doc: &conll::ConllDoc) {
    for s in &doc.sentences {
        let words: Vec<&str> = s.words.iter().map(|w| w.as_str()).collect();
        let gold: Vec<&str> = s.gold.iter().map(|g| g.as_str()).collect();
        let want = dyad_ner::tags::iob1_to_iob2(&gold);
        let got = dyad_ner::tags::bilou_to_iob2(&ner.tag(&words));
        assert_eq!(got, want, "{words:?}");
    }
}

#[test]
fn training_learns_hand_written_sentences() {
    let docs = conll::parse(TOY_TRAIN);
    let base = Ner::untrained(Clusters::default());
    let opts = TrainOptions {
        epochs: 10,
        folds: 2,
        ..TrainOptions::default()
    };
    let (ner, report) = train(&base, &docs, &docs, &opts, &mut |_| {});
    assert!(report.best_epoch >= 1);
    // It reproduces its training data exactly.
    assert_tags_as_gold(&ner, &docs[0]);
    // The saved model gives the same tags after a round trip through bytes.
    let bytes = models_to_bytes(ner.model(), ner.second(), 0.0);
    let (m1, m2) = models_from_bytes(&bytes).unwrap();
    let again = Ner::new(
        m1,
        m2,
        dyad_ner::gazetteer::Gazetteer::embedded(),
        Clusters::default(),
    );
    let w = ["Mira", "Quell", "visited", "Quimbria", "."];
    assert_eq!(again.tag(&w), ner.tag(&w));
}

/// A dev document whose names never occur in `TOY_TRAIN`.
const TOY_DEV: &str = "\
-DOCSTART- -X- -X- O

Velka I-PER
Drossin I-PER
visited O
Thalmora I-LOC
. O

Velka I-PER
Drossin I-PER
works O
for O
Brindle I-ORG
Foods I-ORG
. O
";

#[test]
fn refit_trains_on_train_and_dev_with_the_epochs_chosen_on_dev() {
    let (tr, dv) = (conll::parse(TOY_TRAIN), conll::parse(TOY_DEV));
    let base = Ner::untrained(Clusters::default());
    let opts = TrainOptions {
        epochs: 6,
        folds: 2,
        ..TrainOptions::default()
    };
    let (chosen, last, rep) = train_refit(&base, &tr, &dv, &opts, &mut |_| {});
    // The selection run is the plain dev-selected training, unchanged.
    let (plain, plain_rep) = train(&base, &tr, &dv, &opts, &mut |_| {});
    assert_eq!(rep.selection.dev_f1, plain_rep.dev_f1);
    let bytes = |n: &Ner| models_to_bytes(n.model(), n.second(), 0.0);
    assert_eq!(bytes(&chosen), bytes(&plain));
    // The final run keeps exactly the chosen epoch counts (no dev: every epoch's F1 is 0).
    assert_eq!(last.second().is_some(), chosen.second().is_some());
    assert_eq!(rep.last.dev_f1.len(), rep.selection.best_epoch);
    assert_eq!(rep.last.first_best_epoch, rep.selection.first_best_epoch);
    assert!(rep.last.dev_f1.iter().all(|&f| f == 0.0));
    // It learnt the dev sentences, which the selection run never trained on.
    assert_tags_as_gold(&last, &dv[0]);
    // Deterministic: the same call gives the same bytes.
    let (_, again, _) = train_refit(&base, &tr, &dv, &opts, &mut |_| {});
    assert_eq!(bytes(&again), bytes(&last));
}

#[test]
fn optional_shared_data_check() {
    // Uses the public CoNLL++ test set when present (never required): the embedded model must be
    // well above the CI floor there. (Not dev: the shipped model is refitted on train + dev.)
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/conllpp/test.txt");
    if !p.exists() {
        return;
    }
    let ner = Ner::embedded().unwrap();
    let (_, metrics) = dyad_ner::eval::run_conll(ner, &p).unwrap();
    let f1 = metrics.iter().find(|(n, _)| n == "f1").unwrap().1;
    assert!(f1 > 0.88, "test F1 {f1}");
}

/// A short hand-written article, cased.
const ARTICLE: &str = "President Emmanuel Macron of France met German Chancellor Olaf Scholz in Berlin on Monday .\n\
                       The two leaders discussed support for Ukraine and the future of NATO .\n\
                       Macron later flew to Warsaw , where he met officials of the European Commission .";

#[test]
fn lower_cased_and_all_caps_articles_get_entities() {
    use dyad_doc::Casing;
    let stage = NerStage::embedded().expect("embedded model loads");
    let mut cased = doc(ARTICLE);
    stage.process(&mut cased).unwrap();
    assert_eq!(cased.casing, Casing::Mixed);
    for (text, casing) in [
        (ARTICLE.to_lowercase(), Casing::Lower),
        (ARTICLE.to_uppercase(), Casing::Upper),
    ] {
        let mut d = doc(&text);
        stage.process(&mut d).unwrap();
        assert_eq!(d.casing, casing, "{text}");
        let e: Vec<(String, String)> = entities(&d)
            .into_iter()
            .map(|(t, k)| (t.to_lowercase(), k))
            .collect();
        for (name, kind) in [
            ("emmanuel macron", "PER"),
            ("olaf scholz", "PER"),
            ("france", "LOC"),
            ("berlin", "LOC"),
            ("warsaw", "LOC"),
            ("european commission", "ORG"),
        ] {
            assert!(
                e.contains(&(name.to_string(), kind.to_string())),
                "{casing:?}: {name} {kind} missing in {e:?}"
            );
        }
    }
}

#[test]
fn the_caseless_model_is_embedded_and_routes_only_caseless_documents() {
    let ner = Ner::embedded().expect("embedded model loads");
    let folded = ner.folded().expect("a caseless model is embedded");
    assert!(folded.is_caseless() && !ner.is_caseless());
    // A cased sentence is tagged by the cased model alone.
    let words: Vec<&str> = "Olaf Scholz met Emmanuel Macron in Berlin on Monday ."
        .split(' ')
        .collect();
    assert_eq!(ner.tag(&words), {
        let mut plain = ner.clone();
        plain.set_folded(None);
        plain.tag(&words)
    });
}
