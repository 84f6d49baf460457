//! Pattern matching: which dictionary patterns match at a token (trigger words, elements in
//! order within the gap, class words, actor slots), and the choice of one match per trigger.

use super::sent::Sent;
use super::Coder;
use crate::dict::{Elem, Pattern, TriggerKind};
use crate::words::find_stem;
use std::collections::BTreeSet;
use std::ops::Range;

/// One pattern match in a sentence.
#[derive(Debug, Clone)]
pub(super) struct Match {
    /// Index of the pattern in the dictionary.
    pub(super) pat: usize,
    /// The trigger tokens.
    pub(super) trigger: Range<usize>,
    /// The last token the match covers.
    pub(super) last: usize,
    /// Tokens the match uses (no other match may reuse them).
    pub(super) used: Vec<usize>,
    /// The mention filling a target slot (`+`).
    pub(super) target: Option<usize>,
    /// The mention filling a source slot (`$`).
    pub(super) source: Option<usize>,
    /// The pattern's weight (more specific patterns weigh more).
    pub(super) weight: usize,
}

impl Match {
    /// A one-word match at token `t` that no pattern element extends (generated demands, model
    /// events: `pat` out of the dictionary's range means "no pattern").
    pub(super) fn single(pat: usize, t: usize) -> Match {
        Match {
            pat,
            trigger: t..t + 1,
            last: t,
            used: vec![t],
            target: None,
            source: None,
            weight: 0,
        }
    }
}

impl Coder {
    /// The accepted matches of a sentence of [`Self::select_guards`] (tests).
    #[cfg(test)]
    pub(super) fn select(&self, st: &Sent) -> Vec<Match> {
        self.select_guards(st).0
    }

    /// The accepted matches of a sentence in text order: the best match per trigger token, then
    /// verbs before nouns and heavier first, no match reusing words of an accepted one; word-sense
    /// guards take their words and are dropped. Also the tokens (ascending) whose best match is a
    /// word-sense guard ("released new regulations", "struck a pose"): the classifier does not
    /// code those words either ([`Self::model_sentence`]), which spares it finding their best
    /// match again.
    pub(super) fn select_guards(&self, st: &Sent) -> (Vec<Match>, Vec<usize>) {
        // 1. Best match per trigger token.
        let mut guards = Vec::new();
        let mut matches: Vec<Match> = st
            .range
            .clone()
            .filter_map(|t| {
                let m = self.best_at(st, t)?;
                if self.is_guard(&m) {
                    guards.push(t);
                }
                Some(m)
            })
            .collect();
        // 2. Verbs before nouns, heavier first; a match may not reuse words of an accepted one.
        matches.sort_by(|a, b| {
            let ka = self.dict.patterns[a.pat].kind == TriggerKind::Noun;
            let kb = self.dict.patterns[b.pat].kind == TriggerKind::Noun;
            ka.cmp(&kb)
                .then(b.weight.cmp(&a.weight))
                .then(a.trigger.start.cmp(&b.trigger.start))
        });
        let mut consumed = BTreeSet::new();
        let mut accepted: Vec<Match> = Vec::new();
        for m in matches {
            if m.used.iter().any(|u| consumed.contains(u)) {
                continue;
            }
            consumed.extend(m.used.iter().copied());
            accepted.push(m);
        }
        // Guards have used up their words; they code nothing.
        accepted.retain(|m| !self.is_guard(m));
        accepted.sort_by_key(|m| m.trigger.start);
        (accepted, guards)
    }

    /// The patterns whose trigger key is the lemma or a stem of token `t`: indices ascending,
    /// each once.
    pub(super) fn candidates(&self, st: &Sent, t: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut add = |k: &str| {
            if let Some(v) = self.dict.index.get(k) {
                out.extend_from_slice(v);
            }
        };
        find_stem(st.form(t), |k| {
            add(k);
            None::<()>
        });
        add(st.lemma(t));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether token `t` is a verb of saying, by a stem of its form or by its lemma.
    pub(super) fn is_say_verb(&self, st: &Sent, t: usize) -> bool {
        let say = &self.dict.say_verbs;
        find_stem(st.form(t), |k| say.contains(k).then_some(())).is_some()
            || say.contains(st.lemma(t))
    }

    /// Whether noun `t` is a predicate with a copula whose subject is an actor (a mention, a name or
    /// a personal pronoun: "China is the second-largest trade partner of X", "Kung is the defending
    /// champion"): a description of the actor, no act. ("It was a bomb attack", "the encounter was
    /// the most serious clash" identify an act and stay.)
    pub(super) fn described_actor(&self, st: &Sent, t: usize) -> bool {
        st.kids(t).iter().any(|&c| st.rel(c) == "cop")
            && st.kids(t).iter().any(|&c| {
                st.rel(c) == "nsubj"
                    && (st.mention(c).is_some()
                        || st.upos(c) == "PROPN"
                        || matches!(st.lemma(c), "he" | "she" | "they" | "we" | "i" | "you"))
            })
    }

    pub(super) fn kind_ok(&self, st: &Sent, t: usize, kind: TriggerKind) -> bool {
        let u = st.upos(t);
        // A capitalised word inside an untagged sentence is a name or a month ("since March"), not a verb.
        if u.is_empty()
            && kind == TriggerKind::Verb
            && t > st.range.start
            && st.doc.token_text(t).starts_with(|c: char| c.is_uppercase())
        {
            return false;
        }
        match kind {
            TriggerKind::Verb => {
                (u.is_empty()
                    && !(t > st.range.start
                        && matches!(
                            st.form(t - 1),
                            "a" | "an"
                                | "the"
                                | "this"
                                | "his"
                                | "her"
                                | "its"
                                | "their"
                                | "our"
                                | "my"
                                | "your"
                                | "'s"
                                | "’s"
                        )))
                    || u == "VERB"
                    // (A headline's verb tagged as a noun; not a predicate noun with a copula
                    // said of an actor, which describes the actor: "X is the defending
                    // champion", "Y are key partners of Z", "X is in charge of the FBI".)
                    || (u == "NOUN" && st.base_rel(t) == "root" && !self.described_actor(st, t))
            }
            TriggerKind::Noun => {
                (u.is_empty()
                    && !(t > st.range.start
                        && matches!(
                            st.form(t - 1),
                            "to" | "will"
                                | "would"
                                | "not"
                                | "n't"
                                | "they"
                                | "we"
                                | "he"
                                | "she"
                                | "it"
                        )))
                    || u == "NOUN"
                    || u == "PROPN"
            }
        }
    }

    /// Pattern `p` (index `pi`) matched at token `t`, where [`Self::kind_ok`] holds for its
    /// trigger kind ([`Self::best_at`] asks that once per token).
    fn match_at(&self, st: &Sent, p: &Pattern, pi: usize, t: usize) -> Option<Match> {
        let alt = p
            .trigger
            .iter()
            .filter(|a| st.seq_at(t, a))
            .max_by_key(|a| a.len())?;
        let mut used: Vec<usize> = (t..t + alt.len()).collect();
        let mut pos = t + alt.len();
        let mut last = pos - 1;
        let (mut target, mut source) = (None, None);
        for e in &p.rest {
            if let Elem::Before(alts) = e {
                // PETRARCH pre-verb words: within `gap` tokens before the trigger.
                let lo = t.saturating_sub(self.opts.gap + 1).max(st.range.start);
                let hit = (lo..t)
                    .rev()
                    .find(|&j| alts.iter().any(|a| st.seq_at(j, a)))?;
                used.push(hit);
                continue;
            }
            if matches!(e, Elem::Compound) {
                if !self.compound_subject(st, t) {
                    return None;
                }
                continue;
            }
            let end = (pos + self.opts.gap + 1).min(st.range.end);
            let mut found = None;
            for j in pos..end {
                if j > pos && st.is_barrier(j - 1) {
                    break;
                }
                found = self.elem_at(st, e, j, pos, &mut target, &mut source);
                if found.is_some() {
                    break;
                }
            }
            let (a, b) = found?;
            if !matches!(e, Elem::Target | Elem::Source) {
                used.extend(a..b);
            }
            pos = b;
            last = b - 1;
        }
        Some(Match {
            pat: pi,
            trigger: t..t + alt.len(),
            last,
            used,
            target,
            source,
            weight: p.weight(),
        })
    }

    /// Whether element `e` matches at token `j`; returns the covered token range.
    pub(super) fn elem_at(
        &self,
        st: &Sent,
        e: &Elem,
        j: usize,
        pos: usize,
        target: &mut Option<usize>,
        source: &mut Option<usize>,
    ) -> Option<(usize, usize)> {
        match e {
            Elem::Words(alts) => alts
                .iter()
                .filter(|a| st.seq_at(j, a))
                .max_by_key(|a| a.len())
                .map(|a| (j, j + a.len())),
            Elem::Class(c) => {
                // The class is looked up once for the six sequences tried.
                let class = self.dict.classes.get(c)?;
                (1..=3).rev().find_map(|len| {
                    if j + len > st.range.end {
                        return None;
                    }
                    let ts = j..j + len;
                    (class.contains(st.lemmas(ts.clone())) || class.contains(st.forms(ts)))
                        .then_some((j, j + len))
                })
            }
            Elem::Target | Elem::Source => {
                let m = st.mention(j)?;
                let mt = &st.mentions[m];
                if mt.tokens.start != j && j != pos {
                    return None;
                }
                // "hosting talks at the Vatican": a place, not a target (unless the pattern
                // itself asks for the preposition: "arrive in +").
                if j > pos {
                    let mut k = j - 1;
                    while k > pos && matches!(st.form(k), "the" | "a") {
                        k -= 1;
                    }
                    if matches!(st.form(k), "in" | "at") && k >= pos {
                        return None;
                    }
                }
                if matches!(e, Elem::Target) {
                    *target = Some(m);
                } else {
                    *source = Some(m);
                }
                Some((j, mt.tokens.end.min(st.range.end)))
            }
            Elem::Any(v) => v
                .iter()
                .find_map(|x| self.elem_at(st, x, j, pos, target, source)),
            Elem::Before(_) | Elem::Compound => None,
        }
    }

    /// Whether the subject of trigger `t` names two or more actors ("Gondor and Osgiliath
    /// agreed"): its `nsubj` in the parse, else the coordinated group just before it.
    pub(super) fn compound_subject(&self, st: &Sent, t: usize) -> bool {
        if st.parsed {
            return st
                .kid(t, "nsubj")
                .is_some_and(|s| self.actors_of(st, s).len() >= 2);
        }
        self.group_before(st, t).len() >= 2
    }

    /// The best match of the patterns triggered at token `t` (none on an actor mention).
    pub(super) fn best_at(&self, st: &Sent, t: usize) -> Option<Match> {
        if st.mention(t).is_some() {
            return None;
        }
        // Whether the token can be a verb or a noun trigger: asked once, not per pattern.
        let verb_ok = std::cell::OnceCell::new();
        let noun_ok = std::cell::OnceCell::new();
        self.candidates(st, t)
            .into_iter()
            .filter_map(|pi| {
                let p = &self.dict.patterns[pi];
                let ok = match p.kind {
                    TriggerKind::Verb => &verb_ok,
                    TriggerKind::Noun => &noun_ok,
                };
                if !*ok.get_or_init(|| self.kind_ok(st, t, p.kind)) {
                    return None;
                }
                self.match_at(st, p, pi, t)
            })
            .max_by(|a, b| {
                // Equal weights: a trigger written as the very form in the text ("left")
                // beats one reached through the lemma ("leave").
                a.weight
                    .cmp(&b.weight)
                    // A word-sense guard wins ties.
                    .then(self.is_guard(a).cmp(&self.is_guard(b)))
                    .then(self.exact_form(st, a).cmp(&self.exact_form(st, b)))
                    // Then the match covering more words ("peacekeeping force" over "force").
                    .then(a.used.len().cmp(&b.used.len()))
                    .then(b.pat.cmp(&a.pat))
            })
    }

    /// Whether a match is a word-sense guard (code `000`, see [`crate::dict::GUARD`]).
    pub(super) fn is_guard(&self, m: &Match) -> bool {
        self.dict.patterns[m.pat].code == crate::dict::GUARD
    }

    /// Whether the match's trigger words are the surface forms of its tokens.
    pub(super) fn exact_form(&self, st: &Sent, m: &Match) -> bool {
        self.dict.patterns[m.pat].trigger.iter().any(|a| {
            a.len() == m.trigger.len() && m.trigger.clone().zip(a).all(|(k, w)| st.form(k) == w)
        })
    }

    /// The token that heads the trigger: a verb's first word, a noun phrase's last.
    pub(super) fn head_tok(&self, m: &Match) -> usize {
        match self.dict.patterns[m.pat].kind {
            TriggerKind::Verb => m.trigger.start,
            TriggerKind::Noun => m.trigger.end - 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{condemned, unparsed};
    use super::*;

    #[test]
    fn longest_pattern_wins_and_records_its_slot() {
        let (d, ms) = condemned();
        let st = Sent::new(&d, 0, &ms);
        let c = Coder::embedded();
        let acc = c.select(&st);
        assert_eq!(acc.len(), 1);
        let m = &acc[0];
        assert_eq!(c.dict.patterns[m.pat].code, "111");
        assert_eq!(
            (m.trigger.clone(), m.target, c.head_tok(m)),
            (3..4, Some(2), 3)
        );
        // The pattern with the target slot beats the bare verb.
        assert!(c.dict.patterns[m.pat]
            .rest
            .iter()
            .any(|e| matches!(e, Elem::Target)));
        // Reached through the lemma, not written as the form in the text.
        assert!(!c.exact_form(&st, m));
    }

    #[test]
    fn untagged_words_match_on_forms() {
        let (d, ms) = unparsed();
        let st = Sent::new(&d, 0, &ms);
        let c = Coder::embedded();
        assert!(!st.parsed);
        // An untagged capitalised word inside the sentence is never a verb trigger.
        assert!(!c.kind_ok(&st, 2, TriggerKind::Verb));
        assert!(c.kind_ok(&st, 4, TriggerKind::Verb));
        let acc = c.select(&st);
        assert_eq!(acc.len(), 1);
        assert_eq!(acc[0].trigger, 4..5);
        assert!(!c.candidates(&st, 4).is_empty());
    }
}
