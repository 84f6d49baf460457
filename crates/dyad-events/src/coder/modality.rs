//! Attributes of an event from its clause: the governor above the trigger (intent, appeal,
//! demand, reject, threat, negation, hypothetical), negation and conditionals.

use super::sent::Sent;
use super::Coder;
use crate::dict::Governor;
use std::collections::BTreeSet;

impl Coder {
    /// The governor above `h` (a verb/adjective/noun that changes the event), if any.
    pub(super) fn governor(
        &self,
        st: &Sent,
        h: usize,
        triggers: &BTreeSet<usize>,
    ) -> Option<(Governor, usize)> {
        // A headline's or announcement's bare infinitive: "X to meet Y on April 6" (the verb the
        // root, or a clause on the root name) is an announced act, an intent.
        if self.headline_infinitive(st, h) {
            return Some((Governor::Intent, h));
        }
        // Auxiliaries of the trigger itself, or shared with the verb it is conjoined to: "could
        // violate the armistice, defy X and attack Y", "should take a firm line and take legal
        // action", "will travel to X and meet Y" (a conjunct without a subject or auxiliary of its
        // own; the parse hangs a list's second verb as `parataxis`).
        let mut v = h;
        let mut via_means = false;
        for _ in 0..4 {
            if let Some(g) = self.aux_governor(st, v, h) {
                // (A means clause takes only a modal of possibility: "will achieve growth by
                // capturing this opportunity" intends no capture.)
                if !via_means || g.0 == Governor::Hypothetical {
                    return Some(g);
                }
                break;
            }
            let own = st
                .kids(v)
                .iter()
                .any(|&k| matches!(st.base_rel(k), "nsubj" | "aux" | "cop" | "mark" | "csubj"));
            // (Only a bare infinitive shares it: "would not exert ... and called for" is past.)
            let bare = st.form(v).eq_ignore_ascii_case(st.lemma(v));
            // "could have signalled respect by attending the meeting and rebuffing questions": a
            // means clause ("by" and a gerund, or a gerund conjoined to one; the parse may hang it
            // on a noun of the clause) shares the modal of the verb it serves.
            let by_gerund = |c: usize| {
                st.form(c).ends_with("ing")
                    && st.upos(c) == "VERB"
                    && matches!(st.base_rel(c), "advcl" | "acl")
                    && st
                        .kids(c)
                        .iter()
                        .any(|&k| st.rel(k) == "mark" && st.lemma(k) == "by")
            };
            let means = by_gerund(v)
                || (st.form(v).ends_with("ing")
                    && st.base_rel(v) == "conj"
                    && st.head(v).is_some_and(by_gerund));
            // The verb served: the head, or the verb above the noun the clause hangs on.
            let served = |mut p: usize| {
                for _ in 0..3 {
                    if st.upos(p) == "VERB" {
                        return Some(p);
                    }
                    p = st.head(p)?;
                }
                None
            };
            match st.head(v) {
                Some(p)
                    if !own
                        && bare
                        && st.upos(v) == "VERB"
                        && st.upos(p) == "VERB"
                        && matches!(st.base_rel(v), "conj" | "parataxis") =>
                {
                    v = p
                }
                Some(p)
                    if means
                        && served(p).is_some()
                        && !st.kids(v).iter().any(|&k| {
                            matches!(st.base_rel(k), "nsubj" | "aux" | "cop" | "csubj")
                        }) =>
                {
                    via_means = true;
                    v = served(p).unwrap_or(p)
                }
                _ => break,
            }
        }
        let mut x = h;
        // "is expected to meet Assad and hold talks": a verb conjoined to a governed infinitive,
        // without a subject or auxiliary of its own, shares its governor.
        if st.base_rel(h) == "conj" && st.upos(h) == "VERB" {
            if let Some(p) = st.head(h).filter(|&p| {
                st.upos(p) == "VERB"
                    && st.base_rel(p) == "xcomp"
                    && !st
                        .kids(h)
                        .iter()
                        .any(|&k| matches!(st.base_rel(k), "nsubj" | "aux" | "cop"))
            }) {
                x = p;
            }
        }
        for _ in 0..3 {
            let p = st.head(x)?;
            let rel = st.base_rel(x);
            if !matches!(
                rel,
                "xcomp" | "ccomp" | "acl" | "advcl" | "obl" | "nmod" | "obj" | "csubj"
            ) {
                return None;
            }
            // "Hopes ... were dashed when X declined": a temporal or causal clause is not governed.
            if rel == "advcl"
                && st.kids(x).iter().any(|&c| {
                    matches!(st.base_rel(c), "mark" | "advmod")
                        && matches!(
                            st.lemma(c),
                            "when"
                                | "after"
                                | "before"
                                | "because"
                                | "while"
                                | "as"
                                | "since"
                                | "although"
                                | "though"
                                | "where"
                                | "whereas"
                        )
                })
            {
                return None;
            }
            if self.dict.say_verbs.contains(st.lemma(p)) {
                return None;
            }
            // "insisted the ads were a waste": an indicative complement is asserted, not demanded.
            if rel == "ccomp"
                && self.dict.in_class("ASSERT_OR_DEMAND", st.lemmas(p..p + 1))
                && self.indicative(st, x)
            {
                return None;
            }
            if let Some(&g) = self.dict.governors.get(st.lemma(p)) {
                // A governing noun ("call", "demand") takes its event through "for"/"to"/"on"
                // ("a call for talks"), not through any modifier ("a call held after talks").
                let noun_gov = matches!(st.upos(p), "NOUN" | "PROPN");
                let through = st
                    .case_of(x)
                    .is_some_and(|c| matches!(c, "for" | "to" | "on"));
                // "called Erdogan to congratulate him": a call with a direct object is a phone
                // call with a purpose, not an appeal ("called on X to", "called for").
                let phoned = self.phoned(st, p);
                if !(phoned || noun_gov && g == Governor::Appeal && !through) {
                    return Some((g, p));
                }
            }
            // "signaled hesitation to align ..." parsed with the infinitive on the verb: the
            // verb's object noun governs.
            if matches!(rel, "advcl" | "xcomp") {
                if let Some(o) = st.kid(p, "obj").filter(|&o| o != x) {
                    if st.upos(o) == "NOUN" {
                        if let Some(&g) = self.dict.governors.get(st.lemma(o)) {
                            return Some((g, o));
                        }
                    }
                }
            }
            if triggers.contains(&p) {
                return None;
            }
            // "is going to X", "set to X": auxiliaries of the governing verb.
            x = p;
        }
        None
    }

    /// The governor an auxiliary of verb `v` gives the act at `h`: `will`/`shall` an intent, a
    /// reported `would` an intent, a modal of `governors.txt` hypothetical.
    fn aux_governor(&self, st: &Sent, v: usize, h: usize) -> Option<(Governor, usize)> {
        for &c in st.kids(v) {
            if st.rel(c) == "aux" {
                match st.lemma(c) {
                    "will" | "shall" | "'ll" => return Some((Governor::Intent, c)),
                    // Sequence of tenses: "said it would X" reports "will X".
                    "would" | "'d" if self.reported(st, h) || self.reported(st, v) => {
                        return Some((Governor::Intent, c))
                    }
                    l => {
                        if let Some(&g) = self.dict.governors.get(l) {
                            if g == Governor::Hypothetical {
                                return Some((g, c));
                            }
                        }
                    }
                }
            }
        }
        None
    }

    /// "Macron to meet Putin on April 6": `h` has the infinitive marker `to` and is the sentence
    /// root or a clause on a root name (the parser's reading of a headline's subject).
    pub(super) fn headline_infinitive(&self, st: &Sent, h: usize) -> bool {
        if st.upos(h) != "VERB"
            || !st
                .kids(h)
                .iter()
                .any(|&c| st.rel(c) == "mark" && st.lemma(c) == "to")
        {
            return false;
        }
        match st.head(h) {
            None => true,
            Some(p) => {
                // (A tagger may read a headline's name as an adjective: any root mention.)
                matches!(st.base_rel(h), "acl" | "advcl")
                    && st.head(p).is_none()
                    && st.mention(p).is_some()
            }
        }
    }

    /// Whether the clause of `h` is reported speech: (through open complements and
    /// conjuncts) the clausal complement of a verb of saying ("X said it would ...").
    pub(super) fn reported(&self, st: &Sent, h: usize) -> bool {
        let mut x = h;
        for _ in 0..4 {
            let Some(p) = st.head(x) else { return false };
            match st.base_rel(x) {
                "xcomp" | "conj" => x = p,
                "ccomp" | "parataxis" => return self.is_say_verb(st, p),
                _ => return false,
            }
        }
        false
    }

    /// Whether the word at `t` is denied: `not`/`never` on it, a `no` determiner, `without`, or a
    /// subject denied by "no" (also the subject of the verb an open complement hangs on).
    pub(super) fn negated_at(&self, st: &Sent, t: usize) -> bool {
        st.kids(t).iter().any(|&c| {
            let l = st.lemma(c);
            (matches!(l, "not" | "n't" | "never")
                && matches!(st.base_rel(c), "advmod" | "neg" | "aux"))
                || (l == "no" && st.base_rel(c) == "det")
                || (l == "without" && st.base_rel(c) == "case")
                || self.denied_subject(st, c)
        }) || (st.rel(t) == "xcomp"
            && st
                .head(t)
                .is_some_and(|p| st.kids(p).iter().any(|&c| self.denied_subject(st, c))))
    }

    /// "no venue had been agreed upon": a subject denied by "no".
    pub(super) fn denied_subject(&self, st: &Sent, c: usize) -> bool {
        matches!(st.rel(c), "nsubj" | "nsubj:pass")
            && st
                .kids(c)
                .iter()
                .any(|&d| st.base_rel(d) == "det" && st.lemma(d) == "no")
    }

    /// Whether the clause of `t` (climbing open complements, conjuncts and adverbial clauses) is
    /// introduced by "if", "unless" or "whether", is a purpose clause ("sent troops to attack",
    /// "in order to prove", "so that"), or the sentence asks a question about it (a `?` after `t`):
    /// the act is not reported as done.
    pub(super) fn hypothetical_at(&self, st: &Sent, t: usize) -> bool {
        if st.parsed && (t + 1..st.range.end).any(|x| self.question_mark(st, x)) {
            return true;
        }
        if self.conditional_at(st, t) {
            return true;
        }
        let mut x = t;
        for _ in 0..4 {
            // (Not the purpose of a call or letter, which the call itself carries out: "called
            // X to congratulate him".)
            if st.base_rel(x) == "advcl"
                && st.upos(x) == "VERB"
                && st.head(x).is_some_and(|p| {
                    !matches!(
                        st.lemma(p),
                        "call" | "phone" | "telephone" | "ring" | "write" | "meet"
                    )
                })
                && st.kids(x).iter().any(|&c| {
                    st.rel(c) == "mark"
                        && (st.lemma(c) == "to"
                            || (st.lemma(c) == "so"
                                && st.kids(x).iter().any(|&k| st.lemma(k) == "that")))
                })
            {
                return true;
            }
            match st.head(x) {
                Some(p) if matches!(st.base_rel(x), "xcomp" | "conj" | "advcl") => x = p,
                _ => break,
            }
        }
        false
    }

    /// Whether token `x` is a question mark: a `?` followed by a space, the end of the sentence or
    /// punctuation. Text whose curly quotes were mangled into `?` ("the \"lion's share\"?of") has a
    /// `?` glued to the next word, which asks nothing.
    pub(super) fn question_mark(&self, st: &Sent, x: usize) -> bool {
        st.form(x) == "?"
            && (st.doc.tokens[x].space_after
                || x + 1 >= st.range.end
                || !st.form(x + 1).starts_with(char::is_alphanumeric))
    }

    /// Whether an event of `code` with `modality` reports no act and is left out (the project's
    /// own dictionary only, unless [`super::CoderOptions::keep_irrealis`]): a hypothetical act
    /// (a question, a condition, a purpose, a possibility, a permission or attempt), or an
    /// announced act whose code has no intent form ("will investigate", "plans to criticise":
    /// roots 01, 09, 11, 12 and 15 have no 03x code, and the act itself has not happened).
    pub(super) fn irrealis(&self, code: &str, modality: &str) -> bool {
        self.cameo_rules()
            && !self.opts.keep_irrealis
            && modality == "intent"
            && !matches!(code.get(..2), Some("02" | "03" | "10" | "13"))
    }

    /// Whether the act at `h` is only asked about, set under a condition or reported as a mere
    /// possibility, so that no event is written (unless [`super::CoderOptions::keep_irrealis`]):
    /// a question (a `?` after it), a clause introduced by "if", "unless" or "whether" (also
    /// above a clausal complement: "asked whether he felt X agreed"), or a governor of
    /// possibility ("may", "could", "likely to", "a possibility of"). Purposes and attempts stay
    /// events marked `hypothetical`: the gold sets code them ("converged to protest", "tried to
    /// hack").
    pub(super) fn unreal(&self, st: &Sent, h: usize, gov: Option<(Governor, usize)>) -> bool {
        if !st.parsed || !self.cameo_rules() || self.opts.keep_irrealis {
            return false;
        }
        (h + 1..st.range.end).any(|x| self.question_mark(st, x))
            || self.conditional_at(st, h)
            || self.noun_purpose(st, h, gov)
            || self.believed_or_claimed(st, h)
            || gov.is_some_and(|(g, gt)| {
                g == Governor::Hypothetical && self.dict.possibility.contains(st.lemma(gt))
            })
    }

    /// Whether the act at `h` is an infinitive that modifies a noun of licence, duty or means
    /// (`@LICENCE` in classes.txt: "a mandate to hold a referendum", "a duty to work with", "the
    /// authority to investigate", "evidence to support it"): what the noun allows or asks for, not
    /// an act reported as done. Other nouns keep their purpose ("launched operations to detain",
    /// "sent a team to audit": the gold sets code the purpose), and so do nouns that compose a code
    /// with the act (intent, appeal, demand, refusal, threat: "a plan to", "a call to").
    pub(super) fn noun_purpose(&self, st: &Sent, h: usize, gov: Option<(Governor, usize)>) -> bool {
        st.base_rel(h) == "acl"
            && st.head(h).is_some_and(|n| {
                st.upos(n) == "NOUN"
                    && (self.dict.in_class("LICENCE", st.lemmas(n..n + 1))
                        || self.dict.in_class("LICENCE", st.forms(n..n + 1)))
            })
            && st
                .kids(h)
                .iter()
                .any(|&c| st.rel(c) == "mark" && st.lemma(c) == "to")
            && gov.is_none_or(|(g, _)| g == Governor::Hypothetical)
    }

    /// Whether the clause of `t` (climbing open and clausal complements, conjuncts and adverbial
    /// clauses) is introduced by "if", "unless" or "whether".
    pub(super) fn conditional_at(&self, st: &Sent, t: usize) -> bool {
        let mut x = t;
        for _ in 0..4 {
            if st
                .kids(x)
                .iter()
                .any(|&c| st.rel(c) == "mark" && matches!(st.lemma(c), "if" | "unless" | "whether"))
            {
                return true;
            }
            match st.head(x) {
                Some(p) if matches!(st.base_rel(x), "xcomp" | "conj" | "advcl" | "ccomp") => x = p,
                _ => break,
            }
        }
        false
    }

    /// Whether verb `h` is not (yet) done: an infinitive or open complement ("to reach", "expected
    /// to sign"), under a modal ("must reach", "would sign"), or a gerund that is not set after
    /// the fact ("toward reaching a treaty", but not "after reaching agreement").
    pub(super) fn unconcluded(&self, st: &Sent, h: usize) -> bool {
        // "have managed to reach agreements": an implicative verb reports the act done.
        if self.implicative_complement(st, h) {
            return false;
        }
        let kids = st.kids(h);
        let to = kids
            .iter()
            .any(|&c| st.rel(c) == "mark" && st.lemma(c) == "to");
        let modal = kids.iter().any(|&c| {
            st.base_rel(c) == "aux"
                && matches!(
                    st.lemma(c),
                    "should"
                        | "must"
                        | "would"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "will"
                        | "shall"
                )
        });
        let gerund = st.form(h).ends_with("ing")
            && !kids
                .iter()
                .any(|&c| st.base_rel(c) == "aux" && st.lemma(c) == "be")
            && !kids.iter().any(|&c| {
                matches!(st.rel(c), "mark" | "case")
                    && matches!(st.lemma(c), "after" | "since" | "by" | "upon" | "on")
            });
        to || modal || gerund || matches!(st.rel(h), "xcomp" | "amod")
    }

    /// Whether `p` is the verb "call" with a direct object ("called Erdogan"): a phone call.
    pub(super) fn phoned(&self, st: &Sent, p: usize) -> bool {
        st.lemma(p) == "call" && st.upos(p) == "VERB" && st.kid(p, "obj").is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::will_attack;
    use super::super::sent::Sent;
    use super::*;

    #[test]
    fn modal_negation_and_condition_on_the_trigger() {
        let c = Coder::embedded();
        let (d, ms) = will_attack(true);
        let st = Sent::new(&d, 0, &ms);
        assert_eq!(
            c.governor(&st, 3, &BTreeSet::new()),
            Some((Governor::Intent, 1))
        );
        assert!(c.negated_at(&st, 3));
        // The clause of the trigger is not conditional; the "if" clause is.
        assert!(!c.hypothetical_at(&st, 3));
        assert!(c.hypothetical_at(&st, 7));
        let (d, ms) = will_attack(false);
        let st = Sent::new(&d, 0, &ms);
        assert!(!c.negated_at(&st, 2));
        assert!(!c.reported(&st, 2));
    }
}
