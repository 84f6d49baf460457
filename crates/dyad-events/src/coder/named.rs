//! Named targets outside the actor dictionaries: "convicted Siemens", "an investigation into
//! Flynn", "met with Acme Corp". The actor stages code only what their dictionaries know, so an
//! event whose object is a company or a private person otherwise loses its target and reads as
//! an act directed at no one. When the parse gives no actor target, a person or organisation
//! entity without an actor code in an object or target-preposition slot of the trigger becomes
//! the target, with its name and no code (`EventActor::code` is `None`, as PETRARCH's `---`).

use super::matching::Match;
use super::sent::Sent;
use super::Coder;
use dyad_doc::EventActor;

/// Prepositions whose object is the party an act is directed at (not its place, time or topic:
/// "at", "in", "over", "about", "for" are left out; `of` only after a nominal trigger).
const NAMED_PREPS: &[&str] = &[
    "with", "against", "to", "on", "upon", "toward", "towards", "into", "from", "between", "of",
];

impl Coder {
    /// The named target of match `m` at trigger `h` when the parse found no actor target (see the
    /// module doc): the first object or target-preposition argument of `h` or of another word of
    /// the match that holds a person or organisation entity without an actor; for material
    /// hostile codes (roots 17–20), with `places`, also a place that is the direct object
    /// ("shelled Idlib").
    pub(super) fn named_target(
        &self,
        st: &Sent,
        m: &Match,
        h: usize,
        noun: bool,
        code: &str,
        places: bool,
    ) -> Option<EventActor> {
        if !st.parsed {
            return None;
        }
        let hostile = places && matches!(code.get(..2), Some("17" | "18" | "19" | "20"));
        let mut heads = vec![h];
        heads.extend(m.used.iter().copied().filter(|&u| u != h));
        for x in heads {
            let nominal = noun || !matches!(st.upos(x), "VERB" | "AUX");
            for &c in st.kids(x) {
                let place_ok = match st.base_rel(c) {
                    "obj" | "iobj" if !nominal => hostile,
                    "obl" | "nmod" if st.rel(c) != "nmod:poss" => {
                        let Some(p) = st.case_of(c) else { continue };
                        if !NAMED_PREPS.contains(&p) || (p == "of" && !nominal) {
                            continue;
                        }
                        false
                    }
                    _ => continue,
                };
                if let Some(e) = self.uncoded_entity(st, c, place_ok) {
                    return Some(e);
                }
            }
        }
        None
    }

    /// The entity without an actor named by argument head `c` (the head itself or a name in
    /// apposition, `flat` or `compound` to it): a person or organisation, or with `place_ok` a
    /// place that is the head itself. `None` when any token of it belongs to an actor mention.
    fn uncoded_entity(&self, st: &Sent, c: usize, place_ok: bool) -> Option<EventActor> {
        let mut toks = vec![(c, place_ok)];
        // A place modifying the argument is no target ("arrested a California man").
        toks.extend(
            st.kids(c)
                .iter()
                .copied()
                .filter(|&k| matches!(st.rel(k), "appos" | "flat" | "compound"))
                .map(|k| (k, false)),
        );
        let doc = st.doc;
        for (t, place_ok) in toks {
            let at = doc.tokens[t].span;
            // Entities are sorted by start (the NER stage sorts them): a binary search keeps
            // this cheap in long documents; the few entities starting before the token are
            // the only ones that can hold it.
            let i = doc.entities.partition_point(|e| e.span.start <= at.start);
            let Some(e) = doc.entities[..i]
                .iter()
                .rev()
                .take(4)
                .find(|e| e.span.contains(at))
            else {
                continue;
            };
            let kind_ok = match e.kind.as_str() {
                "PER" | "ORG" => true,
                "LOC" | "GPE" => place_ok,
                _ => false,
            };
            let clustered = e
                .cluster
                .and_then(|k| doc.clusters.get(k))
                .is_some_and(|k| k.actor.is_some());
            if !kind_ok || e.actor.is_some() || clustered {
                continue;
            }
            let span = doc.tokens_in(e.span);
            if span.is_empty() || span.clone().any(|x| st.mention(x).is_some()) {
                continue;
            }
            return Some(EventActor {
                span: Some(e.span),
                name: Some(doc.slice(e.span).to_string()),
                code: None,
                country: None,
                country_from: None,
            });
        }
        None
    }
}
