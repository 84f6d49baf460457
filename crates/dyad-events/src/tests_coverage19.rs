//! Behaviour tests of the session-19 nominal aid patterns (branch plv19) on hand-parsed sentences
//! written for these tests: a donor of aid in a recipient, and a sum contributed to a recipient,
//! are the giver's aid (CAMEO 070); a sum contributed to a thing that names no actor has no target.

use crate::testutil::{add_sentence, code, named, t, Tok};
use dyad_doc::Doc;

#[test]
fn the_largest_donor_of_aid_in_a_country_gives_it_aid() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Japan", "Japan", "PROPN", 5, "nsubj"),
            ("is", "be", "AUX", 5, "cop"),
            ("the", "the", "DET", 5, "det"),
            ("largest", "large", "ADJ", 5, "amod"),
            ("donor", "donor", "NOUN", 0, "root"),
            ("of", "of", "ADP", 8, "case"),
            ("food", "food", "NOUN", 8, "compound"),
            ("aid", "aid", "NOUN", 5, "nmod"),
            ("in", "in", "ADP", 10, "case"),
            ("Sudan", "Sudan", "PROPN", 8, "nmod"),
            (".", ".", "PUNCT", 5, "punct"),
        ],
        &[(0, 1, "JPN", "JPN"), (9, 10, "SDN", "SDN")],
    );
    assert_eq!(named(&code(&d)), vec![t("Japan", "070", "Sudan")]);
}

fn contribution(recipient: &[Tok<'static>]) -> Doc {
    let mut d = Doc::new("t", "");
    let mut toks = vec![
        ("Norway", "Norway", "PROPN", 2, "nsubj"),
        ("announced", "announce", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("contribution", "contribution", "NOUN", 2, "obj"),
        ("of", "of", "ADP", 8, "case"),
        ("20", "20", "NUM", 7, "compound"),
        ("million", "million", "NUM", 8, "nummod"),
        ("euros", "euro", "NOUN", 4, "nmod"),
    ];
    toks.extend_from_slice(recipient);
    let n = toks.len();
    toks.push((".", ".", "PUNCT", 2, "punct"));
    let acts: Vec<_> = if toks[n - 1].0 == "Mali" {
        vec![(0, 1, "NOR", "NOR"), (n - 1, n, "MLI", "MLI")]
    } else {
        vec![(0, 1, "NOR", "NOR")]
    };
    add_sentence(&mut d, &toks, &acts);
    d
}

#[test]
fn a_sum_contributed_to_a_country_is_aid() {
    let d = contribution(&[
        ("to", "to", "ADP", 10, "case"),
        ("Mali", "Mali", "PROPN", 8, "nmod"),
    ]);
    assert_eq!(named(&code(&d)), vec![t("Norway", "070", "Mali")]);
}

#[test]
fn a_sum_contributed_to_a_thing_is_aid_without_a_target() {
    let d = contribution(&[
        ("to", "to", "ADP", 11, "case"),
        ("the", "the", "DET", 11, "det"),
        ("fund", "fund", "NOUN", 8, "nmod"),
    ]);
    assert_eq!(named(&code(&d)), vec![t("Norway", "070", "")]);
}
