//! Behaviour tests of the session-19 role rules (branch `events28`) on hand-parsed sentences
//! written for these tests: a past participle whose by-phrase names an actor is a passive
//! however the parse hangs it (its doer is the by-phrase, not the noun or clause it is set on),
//! and a passive verb without a subject of its own gets no doer by word order. Each rule has its
//! counterpart.

use crate::testutil::{add_sentence, code, named};
use dyad_doc::{Doc, Tag};

/// "Leaders include Sudria and Tarvia, supported by Norland." with the participle parsed as a
/// conjunct of the main verb.
fn supported_conjunct() -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Leaders", "leader", "NOUN", 2, "nsubj"),
            ("include", "include", "VERB", 0, "root"),
            ("Sudria", "Sudria", "PROPN", 2, "obj"),
            ("and", "and", "CCONJ", 5, "cc"),
            ("Tarvia", "Tarvia", "PROPN", 3, "conj"),
            (",", ",", "PUNCT", 7, "punct"),
            ("supported", "support", "VERB", 2, "conj"),
            ("by", "by", "ADP", 9, "case"),
            ("Norland", "Norland", "PROPN", 7, "obl:agent"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (2, 3, "SDR", "SDR"),
            (4, 5, "TRV", "TRV"),
            (8, 9, "NOR", "NOR"),
        ],
    );
    d.tokens[6].xpos = Tag::new("VBN");
    d
}

/// "Backed by Norland, the rebels attacked Sudria." (`by`: with the by-phrase; else "Backed
/// loudly, ...", no agent.)
fn backed_adverbial(by: bool) -> Doc {
    let mut d = Doc::new("t", "");
    let (toks, acts): (Vec<_>, Vec<_>) = if by {
        (
            vec![
                ("Backed", "back", "VERB", 7, "advcl"),
                ("by", "by", "ADP", 3, "case"),
                ("Norland", "Norland", "PROPN", 1, "obl:agent"),
                (",", ",", "PUNCT", 1, "punct"),
                ("the", "the", "DET", 6, "det"),
                ("rebels", "rebel", "NOUN", 7, "nsubj"),
                ("attacked", "attack", "VERB", 0, "root"),
                ("Sudria", "Sudria", "PROPN", 7, "obj"),
                (".", ".", "PUNCT", 7, "punct"),
            ],
            vec![
                (2, 3, "NOR", "NOR"),
                (5, 6, "SDRREB", "SDR"),
                (7, 8, "SDR", "SDR"),
            ],
        )
    } else {
        (
            vec![
                ("Backed", "back", "VERB", 6, "advcl"),
                ("loudly", "loudly", "ADV", 1, "advmod"),
                (",", ",", "PUNCT", 1, "punct"),
                ("the", "the", "DET", 5, "det"),
                ("rebels", "rebel", "NOUN", 6, "nsubj"),
                ("attacked", "attack", "VERB", 0, "root"),
                ("Sudria", "Sudria", "PROPN", 6, "obj"),
                (".", ".", "PUNCT", 6, "punct"),
            ],
            vec![(4, 5, "SDRREB", "SDR"), (6, 7, "SDR", "SDR")],
        )
    };
    add_sentence(&mut d, &toks, &acts);
    d.tokens[0].xpos = Tag::new("VBN");
    d
}

#[test]
fn a_participle_with_an_agent_is_a_passive_wherever_it_hangs() {
    let ev = named(&code(&supported_conjunct()));
    assert!(ev.iter().any(|e| e.0 == "Norland"), "{ev:?}");
    assert!(
        !ev.iter()
            .any(|e| matches!(e.0.as_str(), "Sudria" | "Tarvia")),
        "{ev:?}"
    );
    let ev = named(&code(&backed_adverbial(true)));
    assert!(
        ev.iter().any(|e| e.0 == "Norland" && e.2 == "rebels"),
        "{ev:?}"
    );
    assert!(
        !ev.iter().any(|e| e.0 == "rebels" && e.2 == "Norland"),
        "{ev:?}"
    );
    // The clause's own act keeps its subject as the doer.
    assert!(
        ev.iter().any(|e| e.0 == "rebels" && e.2 == "Sudria"),
        "{ev:?}"
    );
    // Without an agent the rule does not apply: the main act is unchanged.
    let ev = named(&code(&backed_adverbial(false)));
    assert!(
        ev.iter().any(|e| e.0 == "rebels" && e.2 == "Sudria"),
        "{ev:?}"
    );
}

/// "The gunman stabbed an officer before being shot dead [by police]." (the gunman names no
/// actor).
fn shot_after(by_police: bool) -> Doc {
    let mut d = Doc::new("t", "");
    let mut toks = vec![
        ("The", "the", "DET", 2, "det"),
        ("gunman", "gunman", "NOUN", 3, "nsubj"),
        ("stabbed", "stab", "VERB", 0, "root"),
        ("an", "a", "DET", 5, "det"),
        ("officer", "officer", "NOUN", 3, "obj"),
        ("before", "before", "SCONJ", 8, "mark"),
        ("being", "be", "AUX", 8, "aux:pass"),
        ("shot", "shoot", "VERB", 3, "advcl"),
        ("dead", "dead", "ADJ", 8, "xcomp"),
    ];
    let mut acts = vec![(4, 5, "COP", "")];
    if by_police {
        toks.push(("by", "by", "ADP", 11, "case"));
        toks.push(("police", "police", "NOUN", 8, "obl:agent"));
        acts.push((10, 11, "NORCOP", "NOR"));
    }
    toks.push((".", ".", "PUNCT", 3, "punct"));
    add_sentence(&mut d, &toks, &acts);
    d.tokens[7].xpos = Tag::new("VBN");
    d
}

#[test]
fn a_passive_without_its_own_subject_gets_no_doer_by_word_order() {
    let ev = named(&code(&shot_after(false)));
    assert!(!ev.iter().any(|e| e.0 == "officer"), "{ev:?}");
    // Its by-phrase names the doer.
    let ev = named(&code(&shot_after(true)));
    assert!(
        ev.iter().any(|e| e.1.starts_with("18") && e.0 == "police"),
        "{ev:?}"
    );
}

/// "Norland troops attacked Arville, Sudria, on Monday." with the town coded `town` (`None`: the
/// town is neither an actor nor a known place).
fn attacked_town(town: Option<&str>) -> Doc {
    let mut d = Doc::new("t", "");
    let mut acts = vec![(0, 2, "NORMIL", "NOR")];
    acts.extend(town.map(|c| (3, 4, c, c)));
    acts.push((5, 6, "SDR", "SDR"));
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 2, "compound"),
            ("troops", "troop", "NOUN", 3, "nsubj"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("Arville", "Arville", "PROPN", 3, "obj"),
            (",", ",", "PUNCT", 6, "punct"),
            ("Sudria", "Sudria", "PROPN", 4, "appos"),
            (",", ",", "PUNCT", 9, "punct"),
            ("on", "on", "ADP", 9, "case"),
            ("Monday", "Monday", "PROPN", 3, "obl"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &acts,
    );
    d
}

#[test]
fn the_country_locating_a_town_is_no_actor() {
    let ev = named(&code(&attacked_town(Some("SDR"))));
    assert!(
        ev.iter()
            .any(|e| e.0 == "Norland troops" && e.2 == "Arville"),
        "{ev:?}"
    );
    assert!(!ev.iter().any(|e| e.2 == "Sudria"), "{ev:?}");
    // After a name that is no place the country stays the target.
    let ev = named(&code(&attacked_town(None)));
    assert!(ev.iter().any(|e| e.2 == "Sudria"), "{ev:?}");
}
