//! Behaviour tests of the session-16 sense, root and modality rules (issue 16 precision, branch
//! `events18`) on hand-parsed sentences written for these tests: implicative verbs report the act
//! done, speech acts performed by saying so are no intents, agreeing in opinion is an expression of
//! accord (019), transitive "compromise" harms, backing away is no support, defending a country's
//! security is no verbal defence, and releasing a decision releases no person. Each rule has its
//! counterpart where the act keeps its code.

use crate::testutil::{add_sentence, code, named, t};
use dyad_doc::Doc;

fn codes(d: &Doc) -> Vec<(String, String)> {
    code(d).into_iter().map(|e| (e.cameo, e.modality)).collect()
}

#[test]
fn an_agreement_managed_is_reached_not_intended() {
    // "Norland and Sudria have managed to reach an agreement."
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 5, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Sudria", "Sudria", "PROPN", 1, "conj"),
            ("have", "have", "AUX", 5, "aux"),
            ("managed", "manage", "VERB", 0, "root"),
            ("to", "to", "PART", 7, "mark"),
            ("reach", "reach", "VERB", 5, "xcomp"),
            ("an", "a", "DET", 9, "det"),
            ("agreement", "agreement", "NOUN", 7, "obj"),
            (".", ".", "PUNCT", 5, "punct"),
        ],
        &[(0, 1, "NRL", "NRL"), (2, 3, "SUD", "SUD")],
    );
    let c = codes(&d);
    assert!(
        !c.is_empty() && c.iter().all(|(k, m)| k == "057" && m == "actual"),
        "{c:?}"
    );
    // "Norland and Sudria hope to reach an agreement." is still an intent.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 4, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Sudria", "Sudria", "PROPN", 1, "conj"),
            ("hope", "hope", "VERB", 0, "root"),
            ("to", "to", "PART", 6, "mark"),
            ("reach", "reach", "VERB", 4, "xcomp"),
            ("an", "a", "DET", 8, "det"),
            ("agreement", "agreement", "NOUN", 6, "obj"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[(0, 1, "NRL", "NRL"), (2, 3, "SUD", "SUD")],
    );
    let c = codes(&d);
    assert!(
        !c.is_empty() && c.iter().all(|(k, m)| k == "037" && m == "intent"),
        "{c:?}"
    );
}

/// "SUBJ want(s) to thank Sudria ." with the subject's form and lemma.
fn want_to_thank(subj: &str, lemma: &str, want: &str) -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            (subj, lemma, "PRON", 2, "nsubj"),
            (want, "want", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("thank", "thank", "VERB", 2, "xcomp"),
            ("Sudria", "Sudria", "PROPN", 4, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NRLGOV", "NRL"), (4, 5, "SUD", "SUD")],
    );
    d
}

#[test]
fn a_first_person_wish_to_thank_is_the_thanks() {
    // "We want to thank Sudria." thanks Sudria (051), no intent.
    let d = want_to_thank("We", "we", "want");
    assert_eq!(named(&code(&d)), vec![t("We", "051", "Sudria")]);
    assert_eq!(codes(&d), vec![("051".to_string(), "actual".to_string())]);
    // "They want to thank Sudria." reports a wish: still an intent (03x).
    let d = want_to_thank("They", "they", "want");
    let c = codes(&d);
    assert!(
        !c.is_empty() && c.iter().all(|(k, m)| k.starts_with("03") && m == "intent"),
        "{c:?}"
    );
}

/// "The Norland minister AUX offer(ed) praise for Sudria ."
fn offered_praise(aux: Option<&str>) -> Doc {
    let mut toks = vec![
        ("The", "the", "DET", 3, "det"),
        ("Norland", "Norland", "PROPN", 3, "compound"),
        ("minister", "minister", "NOUN", 4, "nsubj"),
    ];
    match aux {
        Some(a) => {
            toks.push((a, a, "AUX", 5, "aux"));
            toks.push(("offer", "offer", "VERB", 0, "root"));
        }
        None => toks.push(("offered", "offer", "VERB", 0, "root")),
    }
    let v = toks.len();
    toks.extend([
        ("praise", "praise", "NOUN", v, "obj"),
        ("for", "for", "ADP", v + 3, "case"),
        ("Sudria", "Sudria", "PROPN", v + 1, "nmod"),
        (".", ".", "PUNCT", v, "punct"),
    ]);
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &toks,
        &[(1, 3, "NRLGOV", "NRL"), (v + 2, v + 3, "SUD", "SUD")],
    );
    d
}

#[test]
fn offered_praise_is_praise_but_will_offer_praise_an_intent() {
    let c = codes(&offered_praise(None));
    assert_eq!(c, vec![("051".to_string(), "actual".to_string())]);
    let c = codes(&offered_praise(Some("will")));
    assert!(
        !c.is_empty() && c.iter().all(|(k, m)| k.starts_with("03") && m == "intent"),
        "{c:?}"
    );
}

/// "The Norland minister agreed that COMPLEMENT ." where the complement is given as tokens whose
/// heads are relative to the sentence (the complement's verb hangs on "agreed", token 4).
fn agreed_that(
    rest: &[(
        &'static str,
        &'static str,
        &'static str,
        usize,
        &'static str,
    )],
) -> Doc {
    let mut toks = vec![
        ("The", "the", "DET", 3, "det"),
        ("Norland", "Norland", "PROPN", 3, "compound"),
        ("minister", "minister", "NOUN", 4, "nsubj"),
        ("agreed", "agree", "VERB", 0, "root"),
        ("that", "that", "SCONJ", 0, "mark"),
    ];
    toks.extend_from_slice(rest);
    toks.push((".", ".", "PUNCT", 4, "punct"));
    // "that" marks the complement's verb: the first token of `rest` that hangs on "agreed".
    let verb = rest
        .iter()
        .position(|r| r.3 == 4)
        .expect("a complement verb")
        + 6;
    toks[4].3 = verb;
    let mut d = Doc::new("t", "");
    add_sentence(&mut d, &toks, &[(1, 3, "NRLGOV", "NRL")]);
    d
}

#[test]
fn agreeing_that_something_is_so_expresses_accord() {
    // "The Norland minister agreed that the plan is flawed."
    let d = agreed_that(&[
        ("the", "the", "DET", 7, "det"),
        ("plan", "plan", "NOUN", 9, "nsubj"),
        ("is", "be", "AUX", 9, "cop"),
        ("flawed", "flawed", "ADJ", 4, "ccomp"),
    ]);
    assert_eq!(codes(&d), vec![("019".to_string(), "actual".to_string())]);
    // "The Norland minister agreed that the talks would resume." agrees on an act: no 019.
    let d = agreed_that(&[
        ("the", "the", "DET", 7, "det"),
        ("talks", "talk", "NOUN", 9, "nsubj"),
        ("would", "would", "AUX", 9, "aux"),
        ("resume", "resume", "VERB", 4, "ccomp"),
    ]);
    let c = codes(&d);
    assert!(c.iter().all(|(k, _)| k != "019"), "{c:?}");
}

/// "Norland VERB PARTICLE-OR-DET WORD ." (a three-token clause after the subject).
fn clause(
    verb: (&'static str, &'static str),
    rest: &[(
        &'static str,
        &'static str,
        &'static str,
        usize,
        &'static str,
    )],
    acts: &[(usize, usize, &'static str, &'static str)],
) -> Doc {
    let mut toks = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        (verb.0, verb.1, "VERB", 0, "root"),
    ];
    toks.extend_from_slice(rest);
    toks.push((".", ".", "PUNCT", 2, "punct"));
    let mut d = Doc::new("t", "");
    let mut all = vec![(0, 1, "NRL", "NRL")];
    all.extend_from_slice(acts);
    add_sentence(&mut d, &toks, &all);
    d
}

#[test]
fn backing_away_is_no_support_but_backing_sudria_is() {
    // "Norland backed away from the deal."
    let d = clause(
        ("backed", "back"),
        &[
            ("away", "away", "ADV", 2, "advmod"),
            ("from", "from", "ADP", 6, "case"),
            ("the", "the", "DET", 6, "det"),
            ("deal", "deal", "NOUN", 2, "obl"),
        ],
        &[],
    );
    assert!(codes(&d).iter().all(|(k, _)| k != "051"), "{:?}", codes(&d));
    // "Norland backed Sudria."
    let d = clause(
        ("backed", "back"),
        &[("Sudria", "Sudria", "PROPN", 2, "obj")],
        &[(2, 3, "SUD", "SUD")],
    );
    assert_eq!(named(&code(&d)), vec![t("Norland", "051", "Sudria")]);
}

/// The codes of "Norland VERB DET NOUN ." (a common noun as the object).
fn with_object(
    verb: (&'static str, &'static str),
    det: &'static str,
    noun: (&'static str, &'static str),
) -> Vec<String> {
    let d = clause(
        verb,
        &[
            (det, det, "DET", 4, "det"),
            (noun.0, noun.1, "NOUN", 2, "obj"),
        ],
        &[],
    );
    codes(&d).into_iter().map(|(k, _)| k).collect()
}

#[test]
fn a_thing_as_the_object_changes_the_sense() {
    // "Norland defended its security.": a military posture, no verbal defence (052).
    assert!(with_object(("defended", "defend"), "its", ("security", "security")).is_empty());
    // "Norland released its ruling." publishes a text; "Norland released the prisoners." frees.
    assert!(with_object(("released", "release"), "its", ("ruling", "ruling")).is_empty());
    assert_eq!(
        with_object(("released", "release"), "the", ("prisoners", "prisoner")),
        vec!["0841".to_string()]
    );
    // "Norland compromised the investigation." harms it; no concession (08).
    let c = with_object(
        ("compromised", "compromise"),
        "the",
        ("investigation", "investigation"),
    );
    assert!(c.iter().all(|k| !k.starts_with("08")), "{c:?}");
    // "Norland compromised with Sudria." yields; "Norland defended Sudria." defends verbally.
    let d = clause(
        ("compromised", "compromise"),
        &[
            ("with", "with", "ADP", 4, "case"),
            ("Sudria", "Sudria", "PROPN", 2, "obl"),
        ],
        &[(3, 4, "SUD", "SUD")],
    );
    assert_eq!(codes(&d), vec![("080".to_string(), "actual".to_string())]);
    let d = clause(
        ("defended", "defend"),
        &[("Sudria", "Sudria", "PROPN", 2, "obj")],
        &[(2, 3, "SUD", "SUD")],
    );
    assert_eq!(named(&code(&d)), vec![t("Norland", "052", "Sudria")]);
}

/// Scholz referred to Poland's plan as a “WORD”.
fn referred_as(word: &'static str) -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Scholz", "Scholz", "PROPN", 2, "nsubj"),
            ("referred", "refer", "VERB", 0, "root"),
            ("to", "to", "ADP", 6, "case"),
            ("Poland", "Poland", "PROPN", 6, "nmod:poss"),
            ("'s", "'s", "PART", 4, "case"),
            ("plan", "plan", "NOUN", 2, "obl"),
            ("as", "as", "ADP", 10, "case"),
            ("a", "a", "DET", 10, "det"),
            ("“", "“", "PUNCT", 10, "punct"),
            (word, word, "NOUN", 2, "obl"),
            ("”", "”", "PUNCT", 10, "punct"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(3, 4, "POL", "POL")],
    );
    crate::tests::push_scholz_quote(&mut d, 8..11, 0, 1);
    d
}

#[test]
fn referring_to_a_party_as_a_mistake_is_criticism() {
    assert_eq!(
        named(&code(&referred_as("mistake"))),
        vec![t("Olaf Scholz", "111", "Poland")]
    );
    // A praise word is no criticism (and a quote naming nobody gets no 010 either).
    let c = codes(&referred_as("success"));
    assert!(c.iter().all(|(k, _)| k != "111"), "{c:?}");
}

/// Scholz called Poland's leader a “WORD”.
fn called(word: &'static str) -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Scholz", "Scholz", "PROPN", 2, "nsubj"),
            ("called", "call", "VERB", 0, "root"),
            ("Poland", "Poland", "PROPN", 5, "nmod:poss"),
            ("'s", "'s", "PART", 3, "case"),
            ("leader", "leader", "NOUN", 2, "obj"),
            ("a", "a", "DET", 8, "det"),
            ("“", "“", "PUNCT", 8, "punct"),
            (word, word, "NOUN", 2, "xcomp"),
            ("”", "”", "PUNCT", 8, "punct"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(2, 3, "POL", "POL")],
    );
    crate::tests::push_scholz_quote(&mut d, 6..9, 0, 1);
    d
}

#[test]
fn calling_a_leader_a_fraud_is_criticism() {
    assert_eq!(
        named(&code(&called("fraud"))),
        vec![t("Olaf Scholz", "111", "Poland")]
    );
    let c = codes(&called("friend"));
    assert!(c.iter().all(|(k, _)| k != "111"), "{c:?}");
}

#[test]
fn talks_scheduled_for_later_have_not_happened() {
    // "Norland's talks with Sudria scheduled on Monday were reported.": a reduced relative of the
    // future on the talks; they have not happened.
    let toks = |part: &'static str| {
        vec![
            ("Norland", "Norland", "PROPN", 3, "nmod:poss"),
            ("'s", "'s", "PART", 1, "case"),
            ("talks", "talk", "NOUN", 10, "nsubj:pass"),
            ("with", "with", "ADP", 5, "case"),
            ("Sudria", "Sudria", "PROPN", 3, "nmod"),
            (part, part, "VERB", 3, "acl"),
            ("on", "on", "ADP", 8, "case"),
            ("Monday", "Monday", "PROPN", 6, "obl"),
            ("were", "be", "AUX", 10, "aux:pass"),
            ("reported", "report", "VERB", 0, "root"),
            (".", ".", "PUNCT", 10, "punct"),
        ]
    };
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &toks("scheduled"),
        &[(0, 1, "NRL", "NRL"), (4, 5, "SUD", "SUD")],
    );
    assert!(
        codes(&d).iter().all(|(k, _)| !k.starts_with("04")),
        "{:?}",
        codes(&d)
    );
    // "Norland's talks with Sudria held on Monday were reported." happened.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &toks("held"),
        &[(0, 1, "NRL", "NRL"), (4, 5, "SUD", "SUD")],
    );
    assert!(
        codes(&d).iter().any(|(k, _)| k.starts_with("04")),
        "{:?}",
        codes(&d)
    );
}

#[test]
fn a_verb_conjoined_to_a_planned_act_is_planned_too() {
    // "The Norland delegation plans to meet Sudria and hold talks."
    let toks = vec![
        ("The", "the", "DET", 3, "det"),
        ("Norland", "Norland", "PROPN", 3, "compound"),
        ("delegation", "delegation", "NOUN", 4, "nsubj"),
        ("plans", "plan", "VERB", 0, "root"),
        ("to", "to", "PART", 6, "mark"),
        ("meet", "meet", "VERB", 4, "xcomp"),
        ("Sudria", "Sudria", "PROPN", 6, "obj"),
        ("and", "and", "CCONJ", 9, "cc"),
        ("hold", "hold", "VERB", 6, "conj"),
        ("talks", "talk", "NOUN", 9, "obj"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &toks,
        &[(1, 3, "NRLGOV", "NRL"), (6, 7, "SUD", "SUD")],
    );
    let ev = code(&d);
    assert!(ev.len() >= 2, "{ev:?}");
    assert!(ev.iter().all(|e| e.modality == "intent"), "{:?}", codes(&d));
    // "The Norland delegation met Sudria and held talks." reports both acts done.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("The", "the", "DET", 3, "det"),
            ("Norland", "Norland", "PROPN", 3, "compound"),
            ("delegation", "delegation", "NOUN", 4, "nsubj"),
            ("met", "meet", "VERB", 0, "root"),
            ("Sudria", "Sudria", "PROPN", 4, "obj"),
            ("and", "and", "CCONJ", 7, "cc"),
            ("held", "hold", "VERB", 4, "conj"),
            ("talks", "talk", "NOUN", 7, "obj"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[(1, 3, "NRLGOV", "NRL"), (4, 5, "SUD", "SUD")],
    );
    let ev = code(&d);
    assert!(
        !ev.is_empty() && ev.iter().all(|e| e.modality == "actual"),
        "{:?}",
        codes(&d)
    );
}
