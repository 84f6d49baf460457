//! Lines of a record or timeline list ("PARIS, FRANCE June, 2015 TARGET: 3 killed in shooting
//! ATTACKER: ..."): labelled fields that the sentence splitter merged into one "sentence". Their
//! words are no clause: the place of one entry, the victims of another and the attacker of a third
//! would be read as one event's roles, so such a line is not coded.

use super::sent::Sent;

/// How many different upper-case field labels (`TARGET:`, `ATTACKER:`) make a line a record list.
/// (One label repeated, "READ: ... READ: ...", is a run of link lines before a real sentence.)
const MIN_LABELS: usize = 2;

/// Whether the sentence holds at least [`MIN_LABELS`] different field labels: a word of three or
/// more letters, all upper case, directly followed by a colon.
pub(super) fn record_line(st: &Sent) -> bool {
    let labels: std::collections::BTreeSet<&str> = st
        .range
        .clone()
        .filter(|&t| t + 1 < st.range.end && st.form(t + 1) == ":")
        .filter(|&t| {
            // The text as written (the view's forms are lower-cased).
            let sp = st.doc.tokens[t].span;
            let w = st.doc.text.get(sp.start..sp.end).unwrap_or("");
            w.chars().count() >= 3 && w.chars().all(|c| c.is_ascii_uppercase())
        })
        .map(|t| st.form(t))
        .collect();
    labels.len() >= MIN_LABELS
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::doc;
    use super::*;

    #[test]
    fn labelled_fields_make_a_record_line() {
        // "TARGET : two killed in shooting ATTACKER : unidentified"
        let (d, ms) = doc(
            &[
                ("TARGET", "target", "NOUN", 0, "root"),
                (":", ":", "PUNCT", 1, "punct"),
                ("two", "two", "NUM", 4, "nsubj:pass"),
                ("killed", "kill", "VERB", 1, "appos"),
                ("ATTACKER", "attacker", "NOUN", 4, "obl"),
                (":", ":", "PUNCT", 5, "punct"),
                ("unidentified", "unidentified", "ADJ", 5, "amod"),
            ],
            &[],
        );
        assert!(record_line(&Sent::new(&d, 0, &ms)));
        // One label ("UPDATE: troops withdrew") is an ordinary sentence.
        let (d, ms) = doc(
            &[
                ("UPDATE", "update", "NOUN", 4, "dep"),
                (":", ":", "PUNCT", 1, "punct"),
                ("troops", "troop", "NOUN", 4, "nsubj"),
                ("withdrew", "withdraw", "VERB", 0, "root"),
            ],
            &[],
        );
        assert!(!record_line(&Sent::new(&d, 0, &ms)));
        // One label repeated ("READ: a link READ: another") is no record list.
        let (d, ms) = doc(
            &[
                ("READ", "read", "VERB", 0, "root"),
                (":", ":", "PUNCT", 1, "punct"),
                ("link", "link", "NOUN", 1, "obj"),
                ("READ", "read", "VERB", 1, "conj"),
                (":", ":", "PUNCT", 4, "punct"),
                ("other", "other", "ADJ", 4, "obj"),
            ],
            &[],
        );
        assert!(!record_line(&Sent::new(&d, 0, &ms)));
    }
}
