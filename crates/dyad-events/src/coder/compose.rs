//! Composition: from a match, its governor and its clause to the event's code and modality
//! (intent/appeal/demand/threat compositions, refusals, announced hostile acts, reported demands),
//! then the roles, handed to the output rule.

use super::args::ActorRef;
use super::matching::Match;
use super::rerank::{recoded_modality, Verdict};
use super::roles::Roles;
use super::sent::{ancestors, Sent};
use super::shallow::Shallow;
use super::Coder;
use crate::dict::{Elem, Governor, TriggerKind};
use dyad_doc::{Event, EventActor};
use std::collections::BTreeSet;

/// What the coder knows about a match before composing its code.
pub(super) struct Ctx {
    /// A nominal trigger.
    pub(super) noun: bool,
    /// The trigger's head token.
    pub(super) h: usize,
    /// Word-order governor, for an unparsed sentence.
    pub(super) shallow: Option<Shallow>,
    /// A nominal event set off by "following"/"after"/"during" (belongs to the main clause).
    pub(super) adverbial: bool,
    /// The governor above the trigger and its token.
    pub(super) gov: Option<(Governor, usize)>,
}

/// The composed code of a match with its negation and modality, and what the governor adds.
pub(super) struct Coded {
    /// CAMEO code after composition.
    pub(super) code: String,
    /// Negated.
    pub(super) negated: bool,
    /// `actual`, `intent`, `demand`, `threat` or `hypothetical`.
    pub(super) modality: &'static str,
    /// The governing word when it may stand in for the subject ("agreed to meet").
    pub(super) gov_source: Option<usize>,
    /// The governor's objects ("urged X to"): targets.
    pub(super) gov_target: Vec<usize>,
}

impl Coder {
    /// Turn an accepted match into events: drop non-events, compose the code with the governor,
    /// let the re-ranker check its type, find the roles and hand them to the output rule. Returns
    /// the trigger head with the code and modality the patterns gave (before the re-ranker), or
    /// `None` when the match is no event.
    pub(super) fn emit(
        &self,
        st: &Sent,
        s: usize,
        m: &Match,
        triggers: &BTreeSet<usize>,
        out: &mut Vec<Event>,
    ) -> Option<(usize, String, &'static str)> {
        let ctx = self.context(st, m, triggers)?;
        let mut coded = self.compose(st, m, &ctx, triggers);
        // A question, a condition or a mere possibility reports no act (`modality.rs`, `unreal`);
        // a threat conditioned on the other side's act stays ("may halt mediation if ...").
        if coded.modality != "threat" && self.unreal(st, ctx.h, ctx.gov) {
            return Some((ctx.h, coded.code, coded.modality));
        }
        let roles = match self.reported_demand(st, m, &ctx, &mut coded) {
            Some((srcs, tgs)) => {
                let sources: Vec<ActorRef> = srcs.into_iter().map(ActorRef::Mention).collect();
                let fallback = self.fallback_target(st, &coded.code, ctx.h, &sources);
                Roles {
                    sources,
                    targets: tgs,
                    slot: m.target,
                    fallback,
                }
            }
            None => self.roles(st, m, &ctx, &coded),
        };
        let cand = (ctx.h, coded.code.clone(), coded.modality);
        // The re-ranker (parsed sentences, the project's own dictionary).
        let verdict = match self.reranker.as_deref() {
            Some(r) if st.parsed && self.cameo_rules() => {
                self.rerank(r, st, ctx.h, &coded.code, coded.modality)
            }
            _ => Verdict::Keep,
        };
        let mut m = m.clone();
        m.target = roles.slot;
        let n0 = out.len();
        let (code, modality, by) = match &verdict {
            Verdict::Keep => (coded.code.as_str(), coded.modality, None),
            Verdict::Recode(c, p) => (c.as_str(), recoded_modality(c, coded.modality), Some(*p)),
        };
        self.emit_with(
            st,
            s,
            &m,
            code,
            coded.negated,
            modality,
            roles.sources,
            roles.targets,
            ctx.h,
            roles.fallback,
            out,
        );
        if let Some(p) = by {
            for e in &mut out[n0..] {
                e.by = "model";
                e.confidence = p;
            }
        }
        Some(cand)
    }

    /// The trigger head, the governor and the unparsed fallback of a match; `None` when the match
    /// is no event here (a bare noun without a parse, a topic nominal, an appeal whose complement
    /// is coded itself, a verb of naming).
    pub(super) fn context(&self, st: &Sent, m: &Match, triggers: &BTreeSet<usize>) -> Option<Ctx> {
        let p = &self.dict.patterns[m.pat];
        let noun = p.kind == TriggerKind::Noun;
        let h = self.head_tok(m);
        if noun && !st.parsed && m.target.is_none() {
            // Without a parse, a bare noun is too weak a cue (its actor is unknown).
            return None;
        }
        if noun && st.parsed && p.rest.is_empty() && self.topic_nominal(st, h) {
            return None;
        }
        let shallow = if st.parsed {
            None
        } else {
            Some(self.shallow_governor(st, m.trigger.start))
        };
        let adverbial = noun && st.parsed && self.adverbial_nominal(st, h);
        let gov = match &shallow {
            // "X said ..., following a call with Y": the call is not governed by the clause.
            None if adverbial => None,
            None => self.governor(st, h, triggers),
            Some(sh) => sh.gov,
        };
        // A generic appeal or order ("urged X to", "ordered X to") whose complement is itself
        // coded ("urged X to implement a ceasefire" → 0256) adds nothing.
        if st.parsed
            && matches!(p.code.as_str(), "020" | "100")
            && p.rest.iter().any(|e| matches!(e, Elem::Target))
            && st.kids(h).iter().any(|&c| {
                (st.rel(c) == "xcomp"
                    || (st.rel(c) == "advcl"
                        && st
                            .kids(c)
                            .iter()
                            .any(|&k| st.rel(k) == "mark" && st.lemma(k) == "to")))
                    && (triggers.contains(&c) || st.kids(c).iter().any(|k| triggers.contains(k)))
            })
        {
            return None;
        }
        // "the banned skiers", "the occupied West Bank": a participle modifying the noun after it
        // describes the noun; it reports no act. (Not after a name, a noun, an adverb or a comma:
        // "United States reduced military aid", "agents sexually abused immigrants" are clauses
        // the parse took for modifiers.)
        if st.parsed && !noun && st.rel(h) == "amod" && st.head(h).is_some_and(|n| n > h) {
            let before = (h > st.range.start).then(|| st.upos(h - 1));
            if before.is_none_or(|u| matches!(u, "DET" | "ADJ" | "ADP" | "CCONJ" | "NUM" | "PRON"))
            {
                return None;
            }
        }
        // Word sense: "called X a Y" is naming, not a call (nor any contact event).
        if st.parsed && !noun && p.code.starts_with("04") && self.predicative_naming(st, h) {
            return None;
        }
        // Word sense: "demonstrated resolve", "showed that ...": showing something is no protest.
        if st.parsed && !noun && p.code.starts_with("14") && self.shown_not_protested(st, h) {
            return None;
        }
        // "ahead of talks with X", "the upcoming meeting": a nominal event still to come.
        if st.parsed && noun && self.future_nominal(st, h) {
            return None;
        }
        // "the meeting may touch on", "delayed the talks", "arrived for talks": a meeting,
        // visit or negotiation (04) still ahead.
        if st.parsed
            && noun
            && p.code.starts_with("04")
            && gov.is_none()
            && self.pending_nominal(st, h)
        {
            return None;
        }
        // Word sense: "a report released Thursday", "freed up the market": no person is released.
        if st.parsed && !noun && p.code.starts_with("0841") && self.thing_released(st, h) {
            return None;
        }
        // Word sense: "compromised wildlife" harms a thing; yielding is intransitive.
        if st.parsed && !noun && p.code.starts_with("08") && self.harmed_not_yielded(st, h) {
            return None;
        }
        // Word sense: "two bomb blasts" are explosions, no criticism.
        if st.parsed && !noun && p.code.starts_with("11") && self.blast_noun(st, h) {
            return None;
        }
        // Word sense: "a scandal that threatens to topple X" endangers; no actor threatens.
        if st.parsed && !noun && p.code.starts_with("13") && self.thing_threatens(st, h) {
            return None;
        }
        // Word sense: "floods killed 246" (no doer), "recognized the potential" (acknowledging).
        if self.sense_dropped(st, m) {
            return None;
        }
        // "a group opposed to the regime", "are opposed to it": a standing position, no act.
        if st.parsed && !noun && self.state_participle(st, h) {
            return None;
        }
        // Word sense: "called X to congratulate him": the call is only the channel of the coded act.
        if st.parsed && !noun && p.code.starts_with("04") && self.purposive_call(st, h, triggers) {
            return None;
        }
        Some(Ctx {
            noun,
            h,
            shallow,
            adverbial,
            gov,
        })
    }

    /// Word sense: a match whose trigger is read in a sense that is no event, so that the
    /// classifier must not code that word either (like a `000` guard): a killing by a natural
    /// force or accident ("floods killed 246", `natural_cause`), recognising a fact or a thing
    /// ("recognized the potential", `acknowledged_not_recognised`).
    pub(super) fn sense_dropped(&self, st: &Sent, m: &Match) -> bool {
        let p = &self.dict.patterns[m.pat];
        if !st.parsed || p.kind == TriggerKind::Noun {
            return false;
        }
        let h = self.head_tok(m);
        let violent = ["18", "19", "20"].iter().any(|r| p.code.starts_with(r));
        (violent && self.natural_cause(st, h))
            || (p.code.starts_with("054") && self.acknowledged_not_recognised(st, h))
            || (p.code.starts_with("042") && self.traveller_arrival(st, h))
            || self.recording_shows(st, h)
            || (p.code.starts_with("18") && self.contest_won(st, h))
    }

    /// The code, negation and modality of a match from its pattern, its governor and its clause.
    pub(super) fn compose(
        &self,
        st: &Sent,
        m: &Match,
        ctx: &Ctx,
        triggers: &BTreeSet<usize>,
    ) -> Coded {
        let p = &self.dict.patterns[m.pat];
        let (noun, h, gov, shallow) = (ctx.noun, ctx.h, ctx.gov, &ctx.shallow);
        let mut code = p.code.clone();
        // Word sense: "insisted the ads were a waste" asserts (010); "insisted that allies pay"
        // demands.
        if st.parsed && !noun && code.starts_with("10") && self.asserted_not_demanded(st, h) {
            code = "010".into();
        }
        // Word sense: "agreed that the plan is flawed" expresses accord (019); "agreed to meet"
        // stays an intent.
        if st.parsed && !noun && code.starts_with("03") && self.agreed_in_opinion(st, h) {
            code = "019".into();
        }
        // Word sense: "welcomed Merkel to the White House" hosts a visit (043), no praise.
        if st.parsed && !noun && code.starts_with("05") && self.welcomed_to_place(st, h) {
            code = "043".into();
        }
        // Wrong root: "backed by Turkish fighter jets", "supported the rebels" is military aid
        // (072), no praise.
        if st.parsed && !noun && code == "051" && self.armed_backing(st, h) {
            code = "072".into();
        }
        // Wrong root: "an airstrike killed three soldiers" is an aerial attack (195), no assault.
        if st.parsed
            && !noun
            && (code.starts_with("18") || code.starts_with("202"))
            && self.aerial_means(st, h)
        {
            code = "195".into();
        }
        // Wrong root: "the fighting killed 26 soldiers" is a death in combat (190), no assault.
        if st.parsed
            && !noun
            && code.starts_with("18")
            && !code.starts_with("180")
            && self.killed_in_combat(st, h)
        {
            code = "190".into();
        }
        // Wrong root: "dismissed NATO as obsolete" disparages (111); it rejects no proposal.
        if st.parsed && !noun && code.starts_with("12") && self.dismissed_as(st, h) {
            code = "111".into();
        }
        // Word sense: "a car bomb struck a bus" is a blow (190), not a labour strike.
        if st.parsed && !noun && code.starts_with("14") && self.transitive_strike(st, h) {
            code = "190".into();
        }
        // Word sense: troops sent or arriving for peacekeeping provide it (074), rather than
        // mobilising (15x) or visiting (042/043).
        if st.parsed
            && !noun
            && (code.starts_with("15") || matches!(code.as_str(), "042" | "043"))
            && self.peacekeeping(st, h)
        {
            code = "074".into();
        }
        let mut negated = if st.parsed {
            self.negated_at(st, h)
        } else {
            shallow.as_ref().is_some_and(|s| s.negated)
        };
        // "is not attending the talks": a nominal event is denied with the verb that reports it.
        if noun && st.parsed && !negated {
            if let Some(v) = st.head(h) {
                if matches!(st.base_rel(h), "obj" | "obl")
                    && st.upos(v) == "VERB"
                    && !triggers.contains(&v)
                    && gov.is_none_or(|(_, g)| g != v)
                    && self.negated_at(st, v)
                {
                    negated = true;
                }
            }
        }
        let mut modality = "actual";
        let mut gov_source = None;
        let mut gov_target = Vec::new();
        // "the court ordered the release of X", "decided to lift sanctions": an authority's order
        // of an act, or a decision to yield, is the act itself, done by the one who orders or
        // decides (the governor stays only for negation).
        // "I want to thank you", "offered praise for X": a speech act performed by saying so.
        let gov = gov.filter(|&(_, gt)| {
            !(st.parsed
                && (self.act_by_order(st, &p.code, noun, h, gt)
                    || self.performed_speech_act(st, noun, h, gt)))
        });
        if let Some((g, gt)) = gov {
            if st.parsed && gt != h && self.negated_at(st, gt) {
                negated = !negated;
            }
            let composed = self.dict.composed(&code, g).map(String::from);
            match g {
                Governor::Intent => {
                    modality = "intent";
                    if let Some(c) = composed {
                        code = c;
                    }
                }
                Governor::Appeal | Governor::Demand => {
                    modality = "demand";
                    code = composed.unwrap_or_else(|| {
                        if g == Governor::Appeal {
                            "020".into()
                        } else {
                            "100".into()
                        }
                    });
                    gov_target = st
                        .kids(gt)
                        .iter()
                        .copied()
                        .filter(|&c| matches!(st.rel(c), "obj" | "iobj"))
                        .collect();
                    if gov_target.is_empty() {
                        gov_target = st
                            .kids(gt)
                            .iter()
                            .copied()
                            .filter(|&c| st.base_rel(c) == "obl" && st.case_of(c) == Some("on"))
                            .collect();
                    }
                    // "demanded that Israel ease restrictions": the subject of the demanded
                    // clause is whom the demand is made of (its source is the governor's).
                    if gov_target.is_empty() && st.parsed && gt != h && !noun {
                        gov_target = st
                            .kids(h)
                            .iter()
                            .copied()
                            .filter(|&c| st.rel(c) == "nsubj" && !self.actors_of(st, c).is_empty())
                            .take(1)
                            .collect();
                    }
                }
                Governor::Reject => match composed {
                    Some(c) => code = c,
                    None => negated = !negated,
                },
                Governor::Threat => {
                    modality = "threat";
                    code = composed.unwrap_or_else(|| "130".into());
                }
                Governor::Negate => negated = !negated,
                Governor::Hypothetical => modality = "hypothetical",
            }
            if gt != h && st.doc.tokens[gt].upos != "AUX" && st.rel(gt) != "aux" {
                gov_source = Some(gt);
            }
        }
        // "expected to sign a pact", "must reach an agreement", "toward reaching a treaty": an
        // agreement not (yet) concluded is an intent to conclude it (PLOVER: "will sign an
        // agreement" is AGREE).
        if gov.is_none() && st.parsed && !noun && code.starts_with("057") && self.unconcluded(st, h)
        {
            if let Some(c) = self.dict.composed(&code, Governor::Intent) {
                code = c.to_string();
            }
            modality = "intent";
        }
        if modality == "actual" && st.parsed && self.hypothetical_at(st, h) {
            modality = "hypothetical";
        }
        if modality == "actual" {
            // Codes that are themselves intents, appeals, demands or threats.
            modality = match code.get(..2) {
                Some("03") => "intent",
                Some("02") | Some("10") => "demand",
                Some("13") => "threat",
                _ => "actual",
            };
        }
        // "X will not / would not V": X refuses to V (when the table has a refusal code).
        if self.cameo_rules() && negated && modality == "intent" && st.parsed {
            let by_aux = st.kids(h).iter().any(|&c| {
                st.base_rel(c) == "aux" && matches!(st.lemma(c), "will" | "would" | "shall")
            });
            if by_aux && self.negated_at(st, h) {
                if let Some(c) = self.dict.composed(&p.code, Governor::Reject) {
                    code = c.to_string();
                    negated = false;
                    modality = "actual";
                }
            }
        }
        // An announced hostile act ("will impose sanctions", "said they would boycott",
        // "ready to impose a blockade") is a threat.
        // A decision ("decided/resolved/agreed to impose sanctions") is the act itself.
        let decided = gov.is_some_and(|(_, g)| {
            matches!(
                st.lemma(g),
                "decide" | "resolve" | "agree" | "move" | "vote" | "approve"
            )
        });
        // "may halt mediation if ...": a conditional hostile act is a threat too.
        let conditional = modality == "hypothetical"
            && st.parsed
            && st.kids(h).iter().any(|&c| {
                st.base_rel(c) == "advcl"
                    && st
                        .kids(c)
                        .iter()
                        .any(|&k| st.rel(k) == "mark" && matches!(st.lemma(k), "if" | "unless"))
            });
        if self.cameo_rules()
            && (modality == "intent" || conditional)
            && !decided
            && matches!(
                p.code.get(..2),
                Some("14" | "16" | "17" | "18" | "19" | "20")
            )
        {
            if let Some(c) = self.dict.composed(&p.code, Governor::Threat) {
                code = c.to_string();
                modality = "threat";
            }
        }
        Coded {
            code,
            negated,
            modality,
            gov_source,
            gov_target,
        }
    }

    /// Whether governor `gt` above trigger `h` is an order whose object is the nominal act
    /// ("ordered the release / arrest / withdrawal of X") or a participle ("ordered X jailed"),
    /// or a decision to yield ("decided to
    /// lift sanctions", code 08x): the act itself rather than a demand or an intent.
    pub(super) fn act_by_order(
        &self,
        st: &Sent,
        code: &str,
        noun: bool,
        h: usize,
        gt: usize,
    ) -> bool {
        if gt == h || st.head(h) != Some(gt) || self.negated_at(st, gt) {
            return false;
        }
        let ordered = noun && st.lemma(gt) == "order" && st.rel(h) == "obj";
        // "ordered nine officials jailed", "ordered him deported": a participle complement of an
        // order is the act ordered and done (not "ordered X to leave", a demand).
        let ordered_done = !noun
            && st.lemma(gt) == "order"
            && st.rel(h) == "xcomp"
            && st.upos(h) == "VERB"
            && !st
                .kids(h)
                .iter()
                .any(|&k| st.rel(k) == "mark" || st.rel(k).starts_with("aux"));
        let decided = !noun
            && code.starts_with("08")
            && matches!(st.lemma(gt), "decide" | "resolve")
            && st.rel(h) == "xcomp";
        ordered || ordered_done || decided
    }

    /// "X said Y must V" (X demands that Y V) and "X demanded that Y V": the demander and the
    /// addressee, recoding `coded` as a demand where the must-clause makes it one.
    pub(super) fn reported_demand(
        &self,
        st: &Sent,
        m: &Match,
        ctx: &Ctx,
        coded: &mut Coded,
    ) -> Option<(Vec<usize>, Vec<usize>)> {
        let p = &self.dict.patterns[m.pat];
        let (noun, h, gov) = (ctx.noun, ctx.h, ctx.gov);
        // "X said Y must V": X demands that Y V.
        let mut demand_args: Option<(Vec<usize>, Vec<usize>)> = None;
        if st.parsed && self.cameo_rules() && !noun && m.source.is_none() {
            if let Some((gw, clause)) = self.must_clause(st, h) {
                let gw_noun = matches!(st.upos(gw), "NOUN" | "PROPN");
                let srcs = self
                    .source_arg(st, gw, gw_noun)
                    .0
                    .map(|a| self.actors_of(st, a))
                    .unwrap_or_default();
                if !srcs.is_empty() {
                    coded.code = self
                        .dict
                        .composed(&p.code, Governor::Demand)
                        .map_or_else(|| "100".to_string(), String::from);
                    coded.modality = "demand";
                    let tg = st
                        .kid(clause, "nsubj")
                        .map(|a| self.actors_of(st, a))
                        .unwrap_or_default();
                    demand_args = Some((srcs, tg));
                }
            }
            // "X demanded that Y V" / "X's demand that Y V": the demander is the source, Y the target.
            if demand_args.is_none() {
                if let Some((Governor::Appeal | Governor::Demand, gt)) = gov {
                    if gt != h && st.rel(gt) != "aux" {
                        let own = st
                            .kid(h, "nsubj")
                            .map(|a| self.actors_of(st, a))
                            .unwrap_or_default();
                        if !own.is_empty() {
                            let gt_noun = matches!(st.upos(gt), "NOUN" | "PROPN");
                            let mut srcs = self
                                .source_arg(st, gt, gt_noun)
                                .0
                                .map(|a| self.actors_of(st, a))
                                .unwrap_or_default();
                            if srcs.is_empty() && gt_noun {
                                // "X reiterated its demand that Y V" with "its" unresolved: the
                                // subject of the verb that voices the demand.
                                srcs = self
                                    .source_arg(st, gt, false)
                                    .0
                                    .map(|a| self.actors_of(st, a))
                                    .unwrap_or_default();
                            }
                            if !srcs.is_empty() && srcs.iter().all(|x| !own.contains(x)) {
                                demand_args = Some((srcs, own));
                            }
                        }
                    }
                }
            }
        }
        demand_args
    }

    /// "X said Y must V" where V is no event of the dictionary: a generic demand (100) by X on Y.
    /// "X said Y should V" is one too, whatever V is: an obligation writes no event of its own
    /// (`should` is a governor of possibility), so the demand is all the sentence reports.
    pub(super) fn must_demands(
        &self,
        st: &Sent,
        s: usize,
        triggers: &BTreeSet<usize>,
        out: &mut Vec<Event>,
    ) {
        for t in st.range.clone() {
            // The relation first: it rules out nearly every token without a look at its
            // dependents.
            if !matches!(st.base_rel(t), "ccomp" | "acl" | "parataxis") {
                continue;
            }
            let aux = |w: &str| {
                st.kids(t)
                    .iter()
                    .any(|&c| st.base_rel(c) == "aux" && st.lemma(c) == w)
            };
            let should = aux("should") || aux("ought");
            if !(aux("must") || should) {
                continue;
            }
            if !obligation_is_a_demand(st, t) {
                continue;
            }
            // Coded already through a pattern inside the clause (an obligation's own trigger
            // wrote no event).
            if coded_inside(st, t, triggers) && !(should && triggers.contains(&t)) {
                continue;
            }
            let Some(p) = st.head(t) else { continue };
            let p_noun = matches!(st.upos(p), "NOUN" | "PROPN");
            let srcs = self
                .source_arg(st, p, p_noun)
                .0
                .map(|a| self.actors_of(st, a))
                .unwrap_or_default();
            let tgts = st
                .kid(t, "nsubj")
                .map(|a| self.actors_of(st, a))
                .unwrap_or_default();
            if srcs.is_empty() || tgts.is_empty() || tgts.iter().any(|x| srcs.contains(x)) {
                continue;
            }
            let m = Match::single(0, t);
            let src = srcs.into_iter().map(ActorRef::Mention).collect();
            let negated = self.negated_at(st, t);
            self.emit_with(st, s, &m, "100", negated, "demand", src, tgts, t, None, out);
        }
    }

    /// "X ordered Y to V" where V is no event of the dictionary and the order itself matched no
    /// pattern (its addressee named outside the actor dictionaries, or far from the verb): a
    /// generic demand (100) by X on Y, as "ordered Y to leave" is when Y is an actor.
    pub(super) fn order_demands(
        &self,
        st: &Sent,
        s: usize,
        triggers: &BTreeSet<usize>,
        out: &mut Vec<Event>,
    ) {
        for t in st.range.clone() {
            if st.rel(t) != "xcomp" || st.upos(t) != "VERB" {
                continue;
            }
            let Some(p) = st.head(t) else { continue };
            if !matches!(st.lemma(p), "order" | "instruct" | "direct" | "command")
                || st.upos(p) != "VERB"
                || triggers.contains(&p)
                || st.kid(p, "obj").is_none()
                || !st
                    .kids(t)
                    .iter()
                    .any(|&k| st.rel(k) == "mark" && st.lemma(k) == "to")
            {
                continue;
            }
            // Coded already through a pattern inside the ordered clause.
            if triggers.contains(&t) || coded_inside(st, t, triggers) {
                continue;
            }
            let srcs = self
                .source_arg(st, p, false)
                .0
                .map(|a| self.actors_of(st, a))
                .unwrap_or_default();
            if srcs.is_empty() {
                continue;
            }
            let tgts: Vec<usize> = st
                .kid(p, "obj")
                .map(|o| self.actors_of(st, o))
                .unwrap_or_default()
                .into_iter()
                .filter(|x| !srcs.contains(x))
                .collect();
            let m = Match::single(0, p);
            let src = srcs.into_iter().map(ActorRef::Mention).collect();
            let negated = self.negated_at(st, p);
            let modality = if self.hypothetical_at(st, p) {
                "hypothetical"
            } else {
                "demand"
            };
            self.emit_with(st, s, &m, "100", negated, modality, src, tgts, p, None, out);
        }
    }

    /// Rules that rely on the CAMEO composition table (reported demands, threats by intent,
    /// place targets); off for dictionaries without one (PETRARCH's).
    pub(super) fn cameo_rules(&self) -> bool {
        !self.dict.compose.is_empty()
    }

    /// "X said (that) Y must V": the clause of `h` (climbing open complements) has the modal
    /// `must` and is the complement of a verb or noun whose subject is the demander. Returns
    /// (governing word, clause head).
    pub(super) fn must_clause(&self, st: &Sent, h: usize) -> Option<(usize, usize)> {
        let mut x = h;
        for _ in 0..3 {
            let p = st.head(x)?;
            let has_must = st
                .kids(x)
                .iter()
                .any(|&c| st.base_rel(c) == "aux" && st.lemma(c) == "must");
            if has_must {
                return matches!(st.base_rel(x), "ccomp" | "acl" | "parataxis").then_some((p, x));
            }
            if st.base_rel(x) != "xcomp" {
                return None;
            }
            x = p;
        }
        None
    }

    /// The target of a protest or of force with no target in the text: the country of the place
    /// where it happened ("demonstrated in Kirkuk" → IRQ, "shelled targets in Jericho" → PSE),
    /// else, for protests, the authorities of the protesters' own country (a domestic protest).
    pub(super) fn fallback_target(
        &self,
        st: &Sent,
        code: &str,
        h: usize,
        sources: &[ActorRef],
    ) -> Option<EventActor> {
        if !st.parsed || !self.cameo_rules() {
            return None;
        }
        let root: u8 = code.get(..2)?.parse().ok()?;
        if !(14..=20).contains(&root) || root == 15 {
            return None;
        }
        if let Some(pl) = self.place_for(st, h) {
            if let Some(c) = pl.country {
                return Some(EventActor {
                    span: None,
                    name: Some(pl.name),
                    code: Some(c.clone()),
                    country: Some(c),
                    country_from: Some(dyad_doc::CountryFrom::Name),
                });
            }
        }
        if root != 14 {
            return None;
        }
        let source = sources.first()?.actor(st);
        let c = source.country?;
        let state = c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase());
        state.then(|| EventActor {
            span: None,
            name: None,
            code: Some(format!("{c}GOV")),
            country: Some(c),
            country_from: source.country_from,
        })
    }
}

/// Whether the modal on `t` ("Y should V", "Y must V") asks something of Y, rather than being a
/// condition ("should he win, …": the modal before its subject), an open question ("whether Y
/// should V", "if Y must V") or a judgement of the past ("Y should have V-ed", "Y must have known").
pub(super) fn obligation_is_a_demand(st: &Sent, t: usize) -> bool {
    let kids = st.kids(t);
    let modal = kids
        .iter()
        .copied()
        .find(|&c| st.base_rel(c) == "aux" && matches!(st.lemma(c), "should" | "ought" | "must"));
    let Some(modal) = modal else { return false };
    let inverted = st.kid(t, "nsubj").is_some_and(|n| modal < n);
    let open_question = kids
        .iter()
        .any(|&c| st.base_rel(c) == "mark" && matches!(st.lemma(c), "whether" | "if"));
    let perfect = kids
        .iter()
        .any(|&c| c > modal && st.base_rel(c) == "aux" && st.lemma(c) == "have");
    !(inverted || open_question || perfect)
}

/// Whether a pattern trigger sits inside the clause headed by `t` (up to four levels below it).
fn coded_inside(st: &Sent, t: usize, triggers: &BTreeSet<usize>) -> bool {
    triggers
        .iter()
        .any(|&h| ancestors(st, h).iter().take(4).any(|&a| a == t))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{shelled, will_attack};
    use super::*;

    fn coded_of(c: &Coder, st: &Sent) -> (Ctx, Coded) {
        let acc = c.select(st);
        assert_eq!(acc.len(), 1, "one match");
        let triggers = BTreeSet::from([c.head_tok(&acc[0])]);
        let ctx = c.context(st, &acc[0], &triggers).expect("an event");
        let coded = c.compose(st, &acc[0], &ctx, &triggers);
        (ctx, coded)
    }

    #[test]
    fn announced_attack_is_a_threat() {
        let c = Coder::embedded();
        let (d, ms) = will_attack(false);
        let st = Sent::new(&d, 0, &ms);
        let (ctx, coded) = coded_of(&c, &st);
        assert_eq!(ctx.gov, Some((Governor::Intent, 1)));
        assert_eq!((coded.modality, coded.negated), ("threat", false));
        assert_eq!(coded.code, "1384");
        // "will not attack" (no refusal code for 190): the threat, denied.
        let (d, ms) = will_attack(true);
        let st = Sent::new(&d, 0, &ms);
        let (_, coded) = coded_of(&c, &st);
        assert_eq!(
            (coded.code.as_str(), coded.modality, coded.negated),
            ("1384", "threat", true)
        );
    }

    #[test]
    fn plain_past_act_is_actual() {
        let c = Coder::embedded();
        let (d, ms) = shelled();
        let st = Sent::new(&d, 0, &ms);
        let (ctx, coded) = coded_of(&c, &st);
        assert_eq!((ctx.h, ctx.gov.is_none(), ctx.noun), (2, true, false));
        assert_eq!(
            (coded.code.as_str(), coded.modality, coded.negated),
            ("194", "actual", false)
        );
        assert!(coded.gov_target.is_empty() && coded.gov_source.is_none());
    }
}
