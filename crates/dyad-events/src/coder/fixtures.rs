//! Hand-parsed sentences for the coder's module tests (written for these tests).

use crate::mentions::{from_doc, Mention};
use crate::testutil::{add_sentence, Act, Tok};
use dyad_doc::Doc;

/// A document of one sentence and its actor mentions.
pub(crate) fn doc(toks: &[Tok], acts: &[Act]) -> (Doc, Vec<Mention>) {
    let mut d = Doc::new("t", "");
    add_sentence(&mut d, toks, acts);
    let ms = from_doc(&d);
    (d, ms)
}

/// "Russia and China condemned Japan ." (coordinated subject, object target).
pub(crate) fn condemned() -> (Doc, Vec<Mention>) {
    doc(
        &[
            ("Russia", "Russia", "PROPN", 4, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("China", "China", "PROPN", 1, "conj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("Japan", "Japan", "PROPN", 4, "obj"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[
            (0, 1, "RUS", "RUS"),
            (2, 3, "CHN", "CHN"),
            (4, 5, "JPN", "JPN"),
        ],
    )
}

/// "Kharkiv was shelled by Russian artillery ." (passive with agent).
pub(crate) fn shelled() -> (Doc, Vec<Mention>) {
    doc(
        &[
            ("Kharkiv", "Kharkiv", "PROPN", 3, "nsubj:pass"),
            ("was", "be", "AUX", 3, "aux:pass"),
            ("shelled", "shell", "VERB", 0, "root"),
            ("by", "by", "ADP", 6, "case"),
            ("Russian", "Russian", "ADJ", 6, "amod"),
            ("artillery", "artillery", "NOUN", 3, "obl:agent"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(0, 1, "UKR", "UKR"), (4, 6, "RUSMIL", "RUS")],
    )
}

/// "Iran will not attack Israel if Israel withdraws ." with the negation and the modal on the
/// trigger and a conditional clause; `neg` chooses whether "not" is there.
pub(crate) fn will_attack(neg: bool) -> (Doc, Vec<Mention>) {
    let mut toks: Vec<Tok> = vec![
        ("Iran", "Iran", "PROPN", 4, "nsubj"),
        ("will", "will", "AUX", 4, "aux"),
        ("not", "not", "PART", 4, "advmod"),
        ("attack", "attack", "VERB", 0, "root"),
        ("Israel", "Israel", "PROPN", 4, "obj"),
        ("if", "if", "SCONJ", 8, "mark"),
        ("Israel", "Israel", "PROPN", 8, "nsubj"),
        ("withdraws", "withdraw", "VERB", 4, "advcl"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let mut acts: Vec<Act> = vec![
        (0, 1, "IRN", "IRN"),
        (4, 5, "ISR", "ISR"),
        (6, 7, "ISR", "ISR"),
    ];
    if !neg {
        toks.remove(2);
        for t in toks.iter_mut() {
            if t.3 > 3 {
                t.3 -= 1;
            }
        }
        for a in acts.iter_mut() {
            if a.0 > 2 {
                a.0 -= 1;
                a.1 -= 1;
            }
        }
    }
    doc(&toks, &acts)
}

/// "Russia and China will condemn Japan" without a parse (no UPOS, no heads).
pub(crate) fn unparsed() -> (Doc, Vec<Mention>) {
    doc(
        &[
            ("Russia", "", "", 0, ""),
            ("and", "", "", 0, ""),
            ("China", "", "", 0, ""),
            ("will", "", "", 0, ""),
            ("condemn", "", "", 0, ""),
            ("Japan", "", "", 0, ""),
        ],
        &[
            (0, 1, "RUS", "RUS"),
            (2, 3, "CHN", "CHN"),
            (5, 6, "JPN", "JPN"),
        ],
    )
}
