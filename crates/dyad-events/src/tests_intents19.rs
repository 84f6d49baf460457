//! Behaviour tests of quoted intents (session 16, branch `events19`): a quote that states an act
//! of the speaker's own side with a future auxiliary or a readiness word ("we are ready to V",
//! "we will V") is an intent (030, the `intend` lines of `data/events/statements.txt`), not a mere
//! statement (010); negated, or of another actor, it stays 010. Hand-parsed sentences written for
//! these tests.

use crate::testutil::{add_sentence, code, named, t};
use dyad_doc::Doc;

use crate::tests::push_scholz_quote as quote;

type Tok = (
    &'static str,
    &'static str,
    &'static str,
    usize,
    &'static str,
);

/// Adds the sentence, marks Poland (or Sudria) and quotes everything before the closing mark.
fn quoted(toks: &[Tok], mention: (usize, usize, &str)) -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        toks,
        &[(mention.0, mention.1, mention.2, mention.2)],
    );
    let n = toks.len();
    quote(&mut d, 1..n - 5, n - 3, n - 2);
    d
}

/// “We are [not] ready to listen to Poland,” Scholz said.
fn ready(negated: bool) -> Doc {
    let mut toks: Vec<Tok> = vec![
        ("“", "“", "PUNCT", 4, "punct"),
        ("We", "we", "PRON", 4, "nsubj"),
        ("are", "be", "AUX", 4, "cop"),
        ("ready", "ready", "ADJ", 0, "root"),
        ("to", "to", "PART", 6, "mark"),
        ("listen", "listen", "VERB", 4, "xcomp"),
        ("to", "to", "ADP", 8, "case"),
        ("Poland", "Poland", "PROPN", 6, "obl"),
        (",", ",", "PUNCT", 4, "punct"),
        ("”", "”", "PUNCT", 4, "punct"),
        ("Scholz", "Scholz", "PROPN", 12, "nsubj"),
        ("said", "say", "VERB", 4, "parataxis"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let mut poland = 7;
    if negated {
        toks.insert(3, ("not", "not", "PART", 5, "advmod"));
        for (i, tok) in toks.iter_mut().enumerate() {
            if i != 3 && tok.3 > 3 {
                tok.3 += 1;
            }
        }
        poland = 8;
    }
    quoted(&toks, (poland, poland + 1, "POL"))
}

#[test]
fn readiness_of_the_speakers_side_is_an_intent_unless_negated() {
    assert_eq!(
        named(&code(&ready(false))),
        vec![t("Olaf Scholz", "030", "Poland")]
    );
    assert_eq!(
        named(&code(&ready(true))),
        vec![t("Olaf Scholz", "010", "Poland")]
    );
}

/// “We will listen to Poland,” Scholz said. / “Sudria will listen to us,” Scholz said.
fn future(own: bool) -> Doc {
    let subject: Tok = if own {
        ("We", "we", "PRON", 4, "nsubj")
    } else {
        ("Sudria", "Sudria", "PROPN", 4, "nsubj")
    };
    let (obj, lemma): (&'static str, &'static str) = if own {
        ("Poland", "Poland")
    } else {
        ("us", "we")
    };
    let toks: Vec<Tok> = vec![
        ("“", "“", "PUNCT", 4, "punct"),
        subject,
        ("will", "will", "AUX", 4, "aux"),
        ("listen", "listen", "VERB", 0, "root"),
        ("to", "to", "ADP", 6, "case"),
        (obj, lemma, if own { "PROPN" } else { "PRON" }, 4, "obl"),
        (",", ",", "PUNCT", 4, "punct"),
        ("”", "”", "PUNCT", 4, "punct"),
        ("Scholz", "Scholz", "PROPN", 10, "nsubj"),
        ("said", "say", "VERB", 4, "parataxis"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    if own {
        quoted(&toks, (5, 6, "POL"))
    } else {
        quoted(&toks, (1, 2, "SUD"))
    }
}

#[test]
fn a_future_act_of_the_speakers_side_is_an_intent_but_not_another_actors() {
    assert_eq!(
        named(&code(&future(true))),
        vec![t("Olaf Scholz", "030", "Poland")]
    );
    assert_eq!(
        named(&code(&future(false))),
        vec![t("Olaf Scholz", "010", "Sudria")]
    );
}
