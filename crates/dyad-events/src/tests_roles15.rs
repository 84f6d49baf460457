//! Behaviour tests of the session-15 source rules on hand-parsed sentences written for these
//! tests: a subject noun that names no actor keeps word order from taking another clause's actor
//! (but not one inside its own phrase, nor one the parse split off just before it), and nouns of
//! personal relation name their own person, not the one they are related to.

use crate::testutil::{add_sentence, code, named, t};
use dyad_doc::Doc;

#[test]
fn a_subject_that_names_no_actor_takes_no_source_from_another_clause() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Britain", "Britain", "PROPN", 2, "nsubj"),
            ("funded", "fund", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("study", "study", "NOUN", 2, "obj"),
            (",", ",", "PUNCT", 8, "punct"),
            ("but", "but", "CCONJ", 8, "cc"),
            ("experts", "expert", "NOUN", 8, "nsubj"),
            ("complained", "complain", "VERB", 2, "conj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "GBR", "GBR")],
    );
    let ev = code(&d);
    assert!(ev.iter().all(|e| e.cameo != "114"), "{:?}", named(&ev));
}

#[test]
fn word_order_still_finds_an_actor_inside_the_subject_phrase() {
    // "for" is no preposition the argument finder looks through; word order is.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("A", "a", "DET", 2, "det"),
            ("spokeswoman", "spokeswoman", "NOUN", 6, "nsubj"),
            ("for", "for", "ADP", 5, "case"),
            ("the", "the", "DET", 5, "det"),
            ("UN", "UN", "PROPN", 2, "nmod"),
            ("praised", "praise", "VERB", 0, "root"),
            ("Kenya", "Kenya", "PROPN", 6, "obj"),
            (".", ".", "PUNCT", 6, "punct"),
        ],
        &[(4, 5, "UN", "UN"), (6, 7, "KEN", "KEN")],
    );
    assert_eq!(named(&code(&d)), vec![t("UN", "051", "Kenya")]);
}

#[test]
fn the_setting_of_the_subject_is_no_source() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Farmers", "farmer", "NOUN", 5, "nsubj"),
            ("across", "across", "ADP", 4, "case"),
            ("the", "the", "DET", 4, "det"),
            ("country", "country", "NOUN", 1, "nmod"),
            ("boycotted", "boycott", "VERB", 0, "root"),
            ("Ruritania", "Ruritania", "PROPN", 5, "obj"),
            (".", ".", "PUNCT", 5, "punct"),
        ],
        &[(3, 4, "USA", "USA"), (5, 6, "RUR", "RUR")],
    );
    let ev = code(&d);
    assert!(
        ev.iter()
            .all(|e| e.source.as_ref().and_then(|s| s.name.as_deref()) != Some("country")),
        "{:?}",
        named(&ev)
    );
}

#[test]
fn an_actor_the_parse_split_off_just_before_the_subject_is_still_the_source() {
    // "The Freedonian based front reached an agreement with Sylvania", parsed with the
    // nationality as the subject of "based" and "front" (no actor) as that of "reached".
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("The", "the", "DET", 2, "det"),
            ("Freedonian", "Freedonian", "ADJ", 3, "nsubj"),
            ("based", "base", "VERB", 0, "root"),
            ("front", "front", "NOUN", 5, "nsubj"),
            ("reached", "reach", "VERB", 3, "advcl"),
            ("an", "a", "DET", 7, "det"),
            ("agreement", "agreement", "NOUN", 5, "obj"),
            ("with", "with", "ADP", 9, "case"),
            ("Sylvania", "Sylvania", "PROPN", 5, "obl"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(1, 2, "FRD", "FRD"), (8, 9, "SYL", "SYL")],
    );
    let ev = named(&code(&d));
    assert!(
        ev.iter()
            .any(|(s, _, o)| s == "Freedonian" && o == "Sylvania"),
        "{ev:?}"
    );
}

/// "The NOUN of an activist condemned Ruritania", the activist an opposition actor.
fn related_noun_condemned(noun: &str) -> Vec<(String, String, String)> {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("The", "the", "DET", 2, "det"),
            (noun, noun, "NOUN", 6, "nsubj"),
            ("of", "of", "ADP", 5, "case"),
            ("an", "a", "DET", 5, "det"),
            ("activist", "activist", "NOUN", 2, "nmod"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("Ruritania", "Ruritania", "PROPN", 6, "obj"),
            (".", ".", "PUNCT", 6, "punct"),
        ],
        &[(4, 5, "RUROPP", "RUR"), (6, 7, "RUR", "RUR")],
    );
    named(&code(&d))
}

#[test]
fn a_relative_is_not_the_person_related_to() {
    let ev = related_noun_condemned("wife");
    assert!(ev.iter().all(|(s, _, _)| s != "activist"), "{ev:?}");
    // Control: an activist's own lawyer may speak for the activist's side.
    assert_eq!(
        related_noun_condemned("lawyer"),
        vec![t("activist", "111", "Ruritania")]
    );
}

#[test]
fn a_relative_named_in_apposition_is_the_source() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("His", "his", "PRON", 2, "nmod:poss"),
            ("son-in-law", "son-in-law", "NOUN", 6, "nsubj"),
            (",", ",", "PUNCT", 4, "punct"),
            ("Mansfield", "Mansfield", "PROPN", 2, "appos"),
            (",", ",", "PUNCT", 4, "punct"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("Ruritania", "Ruritania", "PROPN", 6, "obj"),
            (".", ".", "PUNCT", 6, "punct"),
        ],
        &[(3, 4, "FRDGOV", "FRD"), (6, 7, "RUR", "RUR")],
    );
    assert_eq!(named(&code(&d)), vec![t("Mansfield", "111", "Ruritania")]);
}

#[test]
fn the_home_of_the_subject_stands_for_it() {
    // "A weekly based in Freedonia violated the ban": the home, unlike a setting, names the
    // subject's side.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("A", "a", "DET", 2, "det"),
            ("weekly", "weekly", "NOUN", 6, "nsubj"),
            ("based", "base", "VERB", 2, "acl"),
            ("in", "in", "ADP", 5, "case"),
            ("Freedonia", "Freedonia", "PROPN", 3, "obl"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("Ruritania", "Ruritania", "PROPN", 6, "obj"),
            (".", ".", "PUNCT", 6, "punct"),
        ],
        &[(4, 5, "FRD", "FRD"), (6, 7, "RUR", "RUR")],
    );
    assert_eq!(named(&code(&d)), vec![t("Freedonia", "111", "Ruritania")]);
}
