//! Event-level filters of issue 16 (session 17): readings that report no act of the coded kind
//! as done. A nominal event still ahead of the report ("the meeting between X and Y may touch on",
//! "delayed her meeting with X", "arrived for talks with X"): an announced act is not the act.

use super::sent::Sent;
use super::Coder;
use dyad_doc::{Doc, Span};

impl Coder {
    /// A nominal event that has not (yet) happened by the clause it stands in (asked by the
    /// caller for meetings, visits and negotiations, 04: an agreed ceasefire that "will start on
    /// Tuesday" is coded as yielding by the PLV gold):
    /// - the subject of a verb with a future auxiliary ("the talks will focus on"; not a perfect,
    ///   "would not have taken place"), of a verb of taking place or of an agenda with a modal of
    ///   possibility ("the meeting between X and Y may touch on"), or of a clause introduced by
    ///   "before", "until" or "once" ("before the negotiations start");
    /// - the object or oblique of a word of delay, cancellation, waiting or preparation
    ///   (`@PENDING` in classes.txt: "delayed her meeting with X", "delays in talks");
    /// - the "for" purpose of a verb of travel (`@JOURNEY`: "arrived in Beijing for talks with X");
    /// - the object, or the "in"/"at"/"during" phrase, of a verb with a future auxiliary ("the trip
    ///   will include talks with X", "will face questions in their meeting with X"; session 20).
    pub(super) fn pending_nominal(&self, st: &Sent, h: usize) -> bool {
        let Some(p) = st.head(h) else { return false };
        let rel = st.base_rel(h);
        if rel == "nsubj" {
            let kids = st.kids(p);
            // "would not have taken place": a perfect looks back.
            let perfect = kids
                .iter()
                .any(|&c| st.base_rel(c) == "aux" && st.lemma(c) == "have");
            // A possibility says the event is ahead only with a verb of taking place or of an
            // agenda ("the talks may take place", "may touch on"); "the talks may help" speaks of
            // talks that are held.
            let happening = matches!(
                st.lemma(p),
                "take"
                    | "happen"
                    | "occur"
                    | "begin"
                    | "start"
                    | "resume"
                    | "open"
                    | "touch"
                    | "focus"
                    | "include"
                    | "cover"
                    | "address"
                    | "go"
            );
            let ahead = kids.iter().any(|&c| {
                (st.base_rel(c) == "aux"
                    && (matches!(st.lemma(c), "will" | "shall" | "'ll" | "would")
                        || (happening && matches!(st.lemma(c), "may" | "might" | "could"))))
                    || (st.rel(c) == "mark" && matches!(st.lemma(c), "before" | "until" | "once"))
            });
            if ahead && !perfect {
                return true;
            }
        }
        let word_of = |class: &str| {
            self.dict.in_class(class, st.lemmas(p..p + 1))
                || self.dict.in_class(class, st.forms(p..p + 1))
        };
        if matches!(rel, "obj" | "obl" | "nmod" | "nsubj:pass") && word_of("PENDING") {
            return true;
        }
        // "the trip will also include talks with X", "will face questions in their meeting with
        // X": the object (or an "in"/"at"/"during" phrase) of a verb with the auxiliary of the
        // future (not a perfect) is still ahead.
        if (rel == "obj" || (rel == "obl" && matches!(st.case_of(h), Some("in" | "at" | "during"))))
            && st.upos(p) == "VERB"
        {
            let kids = st.kids(p);
            let future = kids.iter().any(|&c| {
                st.base_rel(c) == "aux" && matches!(st.lemma(c), "will" | "shall" | "'ll")
            });
            let perfect = kids
                .iter()
                .any(|&c| st.base_rel(c) == "aux" && st.lemma(c) == "have");
            if future && !perfect {
                return true;
            }
        }
        rel == "obl" && st.upos(p) == "VERB" && st.case_of(h) == Some("for") && word_of("JOURNEY")
    }

    /// A stretch of fewer than two words ("RT?", the start of a tweet's credit line cut off by a
    /// mangled dash) says nothing: no statement is coded from a quote's words there.
    pub(super) fn wordless(doc: &Doc, span: Span) -> bool {
        doc.tokens[doc.tokens_in(span)]
            .iter()
            .filter(|t| {
                doc.text[t.span.start..t.span.end]
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count()
                    > 1
            })
            .count()
            < 2
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::add_sentence;
    use crate::Coder;
    use dyad_doc::{Doc, Span};

    #[test]
    fn a_stretch_of_one_word_says_nothing() {
        let mut d = Doc::new("t", "");
        add_sentence(
            &mut d,
            &[
                ("\"", "\"", "PUNCT", 3, "punct"),
                ("?", "?", "PUNCT", 3, "punct"),
                ("NN", "NN", "PROPN", 0, "root"),
                ("?", "?", "PUNCT", 3, "punct"),
            ],
            &[],
        );
        add_sentence(
            &mut d,
            &[
                ("Talks", "talk", "NOUN", 2, "nsubj"),
                ("failed", "fail", "VERB", 0, "root"),
            ],
            &[],
        );
        let (a, b) = (d.sentences[0].span, d.sentences[1].span);
        assert!(Coder::wordless(&d, a));
        assert!(!Coder::wordless(&d, b));
        assert!(!Coder::wordless(&d, Span::new(a.start, b.end)));
    }
}
