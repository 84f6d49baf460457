//! Roles: the sources and targets of a composed match, from pattern slots, the parse (subjects,
//! passives, "between" phrases, the main clause of an adverbial nominal, quote speakers) and,
//! when the parse names no actor, word order.

use super::args::{mention_head, setting_mention, ActorRef, FIRST_PERSON, SETTING_PREPS};
use super::compose::{Coded, Ctx};
use super::matching::Match;
use super::sent::{ancestors, Sent};
use super::Coder;
use crate::dict::Governor;
use dyad_doc::EventActor;

/// Who did it and to whom: what the output rule pairs up.
pub(super) struct Roles {
    /// Sources.
    pub(super) sources: Vec<ActorRef>,
    /// Target mentions.
    pub(super) targets: Vec<usize>,
    /// The pattern's target slot as the evidence should end on it.
    pub(super) slot: Option<usize>,
    /// A target from the place or the source's country, when no target is written.
    pub(super) fallback: Option<EventActor>,
}

impl Coder {
    /// The roles of a match whose code is composed.
    pub(super) fn roles(&self, st: &Sent, m: &Match, ctx: &Ctx, coded: &Coded) -> Roles {
        let (noun, h, gov, shallow, adverbial) =
            (ctx.noun, ctx.h, ctx.gov, &ctx.shallow, ctx.adverbial);
        let (code, modality, gov_source) = (&coded.code, coded.modality, coded.gov_source);
        let mut gov_target = coded.gov_target.clone();
        // Sources.
        let mut sources: Vec<usize> = m.source.into_iter().collect();
        let mut passive_target = None;
        // The parse's subject of the trigger's clause, when it names no actor.
        let mut silent_subject = None;
        // Word order found an actor only outside the silent subject's phrase.
        let mut guessed_elsewhere = false;
        // Word order found only places where the act happened.
        let mut setting_guess = false;
        // Word order found only actors where no doer stands (`doer_position`).
        let mut unplaced = false;
        // The parse's subject named actors only as the place where its noun is
        // (`subject_setting`): that noun is the doer, no actor.
        let mut settled_subject = false;
        if !sources.is_empty() && m.target.is_none() && st.parsed {
            // The pattern names the source ("freed from $"): the subject is the other party.
            let (arg, pt) = self.source_arg(st, h, noun);
            passive_target = pt.or(arg.filter(|&a| st.rel(a) == "nsubj"));
        }
        if sources.is_empty() {
            if st.parsed {
                let between = self.between_actors(st, m);
                // "X launched a mediation effort between A and B": the mediator is the subject,
                // the parties between whom it mediates are the targets.
                if !between.is_empty() && code.starts_with("045") {
                    let (arg, _) = self.source_arg(st, h, noun);
                    let src: Vec<usize> = arg.map(|a| self.actors_of(st, a)).unwrap_or_default();
                    if !src.is_empty() && src.iter().all(|x| !between.contains(x)) {
                        return Roles {
                            sources: src.into_iter().map(ActorRef::Mention).collect(),
                            targets: between,
                            slot: m.target,
                            fallback: None,
                        };
                    }
                }
                if !between.is_empty() {
                    let src: Vec<ActorRef> = between.into_iter().map(ActorRef::Mention).collect();
                    return Roles {
                        sources: src,
                        targets: Vec::new(),
                        slot: m.target,
                        fallback: None,
                    };
                }
                let (arg, pt) = if adverbial {
                    // "X announced ..., following a phone call with Y": the main clause's subject.
                    let root = *ancestors(st, h).last().unwrap_or(&h);
                    (self.source_arg(st, root, false).0, None)
                } else {
                    self.source_arg(st, h, noun)
                };
                passive_target = pt;
                let arg = match (arg, gov_source) {
                    (None, Some(g)) => self.source_arg(st, g, false).0,
                    // The subject of a demanded clause is the demand's target, not its source.
                    (Some(a), Some(g)) if gov_target.contains(&a) => {
                        self.source_arg(st, g, false).0
                    }
                    (a, _) => a,
                };
                if let Some(a) = arg {
                    let kin = self.kin_subject(st, a);
                    sources = if kin {
                        // "the wife of an activist", "Pelosi's colleagues": a relation noun
                        // names its own person, not the one it is related to; only an
                        // apposition names the doer ("his son-in-law, X").
                        let mut v = Vec::new();
                        for &c in st.kids(a) {
                            if matches!(st.rel(c), "appos" | "flat") && st.mention(c).is_some() {
                                v.extend(self.actors_of(st, c));
                            }
                        }
                        v
                    } else {
                        let mut v = self.actors_of(st, a);
                        if st.mention(a).is_none() && self.cameo_rules() {
                            // "economists in the West complained", "a shopping centre in X
                            // that killed": a place where the subject's noun is, is not who
                            // acted (its home stays: "a group based in X").
                            let n = v.len();
                            v.retain(|&x| !self.subject_setting(st, x, a));
                            settled_subject = n > 0 && v.is_empty() && own_subject(st, a, h);
                        }
                        v
                    };
                    silent_subject = (sources.is_empty()
                        && (kin || settled_subject || self.silent_subject(st, a, h)))
                    .then_some((a, kin));
                    // A misparsed coordination can leave several subjects on one verb
                    // ("A, B, C and D welcomed ..."): they all are sources (when the first
                    // names actors; not "that Israel ease").
                    if let Some(hd) = st.head(a).filter(|_| {
                        st.rel(a) == "nsubj" && (!sources.is_empty() || settled_subject)
                    }) {
                        for &c in st.kids(hd) {
                            if c != a && st.rel(c) == "nsubj" {
                                for x in self.actors_of(st, c) {
                                    if !sources.contains(&x) {
                                        sources.push(x);
                                    }
                                }
                            }
                        }
                        sources.sort_by_key(|&x| st.mentions[x].tokens.start);
                        if !sources.is_empty() {
                            silent_subject = None;
                        }
                    }
                    if sources.is_empty() && FIRST_PERSON.contains(&st.form(a)) {
                        // Resolved below through the quote speaker.
                        sources = Vec::new();
                    }
                }
                if let Some(a) = arg {
                    if sources.is_empty() {
                        if let Some(sp) = self.speaker_for(st, a) {
                            return Roles {
                                sources: vec![sp],
                                targets: self.targets(st, m, h, noun, passive_target, &gov_target),
                                slot: m.target,
                                fallback: None,
                            };
                        }
                    }
                }
            } else {
                // Unparsed: the coordinated group of actors nearest before the governor or trigger.
                let from = shallow
                    .as_ref()
                    .and_then(|s| s.gov)
                    .map_or(m.trigger.start, |(_, g)| g.min(m.trigger.start));
                let from = shallow
                    .as_ref()
                    .and_then(|s| s.skipped)
                    .map_or(from, |sk| from.min(st.mentions[sk].tokens.start));
                sources = self.group_before(st, from);
                // "X announced ..., following a phone call with Y": an adverbial nominal event
                // belongs to the sentence's first actor (the main subject).
                if noun {
                    let mut k = m.trigger.start;
                    while k > st.range.start
                        && matches!(
                            st.form(k - 1),
                            "a" | "an" | "the" | "his" | "her" | "its" | "their"
                        )
                    {
                        k -= 1;
                    }
                    if k > st.range.start
                        && matches!(st.form(k - 1), "following" | "after" | "during")
                    {
                        if let Some(first) = (st.range.start..k).find_map(|t| st.mention(t)) {
                            sources = self.group_after(st, first);
                        }
                    }
                }
                if let Some(sk) = shallow.as_ref().and_then(|s| s.skipped) {
                    if matches!(gov, Some((Governor::Appeal | Governor::Demand, _))) {
                        gov_target = vec![st.mentions[sk].tokens.start];
                    }
                }
            }
        }
        // A passive trigger names its doer in the by-phrase or not at all ("was found guilty in
        // Singapore", "were threatened by terrorism"): no word-order guess.
        // Likewise a noun event in a passive clause ("was fired despite a meeting with X", "little
        // was achieved in the talks"): the clause's patient is no clue to the noun's doer.
        let passive_trigger = passive_target.is_some_and(|pt| {
            st.head(pt) == Some(h)
                || (noun
                    && self.cameo_rules()
                    && st.head(pt).is_some()
                    && st.head(pt) == st.head(h))
        });
        // "faces threats": the doer of what the subject of a verb of undergoing undergoes is
        // named in a from/by phrase (`source_arg`) or not at all.
        let undergone = noun
            && st.parsed
            && self.cameo_rules()
            && st.rel(h) == "obj"
            && st.head(h).is_some_and(|v| {
                self.dict.in_class("UNDERGO", st.lemmas(v..v + 1)) && st.kid(v, "nsubj").is_some()
            });
        let harm = self.objectless_harm(st, h, noun).is_some();
        // "stabbed an officer before being shot dead": a passive verb without a subject of its
        // own names its doer in the by-phrase or not at all (not the other clause's object).
        let own_passive = !noun
            && st.parsed
            && self.cameo_rules()
            && st.kids(h).iter().any(|&c| st.rel(c) == "aux:pass")
            && !st
                .kids(h)
                .iter()
                .any(|&c| matches!(st.base_rel(c), "nsubj" | "expl"));
        let passive_trigger = passive_trigger
            || undergone
            || harm
            || own_passive
            || self.under_reduced_passive(st, h, noun);
        if sources.is_empty() && st.parsed && self.opts.shallow_backoff && !passive_trigger {
            // The parse found no actor: back off to word order.
            let from = gov.map_or(m.trigger.start, |(_, g)| g.min(m.trigger.start));
            sources = self.group_before(st, from);
            let n = sources.len();
            sources.retain(|&x| self.doer_position(st, x, h));
            // The guesses stood where no doer can: the act has a doer the sentence does not
            // name as an actor (written with no source when it has a target).
            unplaced = n > 0 && sources.is_empty();
            if let Some((a, kin)) = silent_subject {
                let guessed = !sources.is_empty();
                // The parse names the doer by a noun that is no actor ("five people
                // complained", "the suspect carried out the attack"): word order may only find
                // an actor inside that noun's own phrase ("ambassadors from the UN's top body",
                // "a spokeswoman for X"), not one of another clause nor its setting ("immigrants
                // across the U.S.").
                sources.retain(|&x| {
                    let path: Vec<usize> = mention_head(st, x)
                        .map(|t| ancestors(st, t))
                        .unwrap_or_default();
                    // Not a setting, but a home ("a newspaper based in Beirut": `@AFFILIATION`).
                    let home = path
                        .iter()
                        .take_while(|&&t| t != a)
                        .any(|&t| self.dict.in_class("AFFILIATION", st.lemmas(t..t + 1)));
                    let inside = path.contains(&a) && (home || !setting_mention(st, x));
                    // Or just before it in the same phrase, which the parse split ("The Yemeni
                    // army and allied fighters have hit", "the Eritrean based OLF reached").
                    let end = st.mentions[x].tokens.end;
                    let next_to = end <= a
                        && a - end <= 3
                        && (end..a).all(|k| st.upos(k) != "PUNCT" && st.mention(k).is_none());
                    !kin && (inside || next_to)
                });
                guessed_elsewhere = guessed && sources.is_empty();
            }
            // "a car-bomb explosion in Baghdad killed ...": the place where an attack happened
            // is not who did it.
            if self.cameo_rules() {
                sources.retain(|&x| !self.event_setting(st, x));
            }
            // "a bomb went off in Kabul, killing ...": a bare place named by a preposition of
            // place on a clause is where the act happened, not who did it (used below, once the
            // targets are known).
            setting_guess = self.cameo_rules()
                && !sources.is_empty()
                && sources.iter().all(|&x| {
                    let a = &st.mentions[x].actor;
                    let place = a.code.len() == 3 && a.code.chars().all(|c| c.is_ascii_uppercase());
                    place && self.clause_setting(st, x)
                });
            // The subject of a passive without an agent ("five militants were killed") is
            // what the event was done to, never its source.
            if let Some(pt) = passive_target {
                sources.retain(|&x| !st.mentions[x].tokens.contains(&pt));
            }
        }
        // (Not in a passive: "Germany and Italy were threatened by ..." names no doers.)
        if st.parsed && passive_target.is_none() {
            if let Some(first) = self.initial_conjunct(st, &sources) {
                sources.insert(0, first);
            }
        }
        let mut m = m.clone();
        if st.parsed {
            // The evidence runs to the actor named, not to its modifier ("call with Russian").
            m.target = m.target.map(|t| self.phrase_head_mention(st, t));
        }
        if st.parsed
            && self.cameo_rules()
            && m.target.is_some_and(|t| self.subject_past_comma(st, t, h))
        {
            // A pattern slot that reached past a comma into the next clause's subject.
            m.target = None;
        }
        if harm
            && m.target.is_some_and(|t| {
                passive_target.is_none_or(|pt| !st.mentions[t].tokens.contains(&pt))
            })
        {
            // A verb of harm without its object: a slot after it is an oblique (a place, a
            // time), not what was done to.
            m.target = None;
        }
        if m.target.is_some_and(|t| sources.contains(&t)) {
            m.target = None;
        }
        if st.parsed && self.cameo_rules() {
            // "a protest in Lahore, Pakistan,": the country that locates a town is no actor.
            sources.retain(|&x| locator(st, x).is_none());
        }
        let m = &m;
        let src: Vec<ActorRef> = sources.into_iter().map(ActorRef::Mention).collect();
        let mut targets = self.targets(st, m, h, noun, passive_target, &gov_target);
        if harm {
            // A verb of harm without its object: its patient is the target, or no one named
            // (not an actor of an oblique or of the next clause: "the person arrested was not
            // known to police").
            targets = passive_target
                .map(|pt| self.actors_of(st, pt))
                .unwrap_or_default();
        }
        if st.parsed && self.cameo_rules() {
            // "attacked Arville, Sudria,": the town is the target, not the country locating it.
            // (A town that is an actor of its own stays, also where the slot reached past it.)
            let mut kept = Vec::new();
            for &t in &targets {
                let t = locator(st, t).map_or(Some(t), |y| st.mention(y));
                if let Some(t) = t.filter(|t| !kept.contains(t)) {
                    kept.push(t);
                }
            }
            targets = kept;
        }
        if st.parsed && self.cameo_rules() && setting_is_no_target(code) {
            // "a bilateral meeting in Bern", "said ... mandatory in the EU": the place where a
            // meeting at a third location (044), a statement (01) or an act of diplomatic
            // cooperation (05) happens is its setting, not a party to it.
            targets.retain(|&t| !setting_mention(st, t));
        }
        if st.parsed && self.cameo_rules() && code.starts_with("01") {
            // "said the EU rules ...", "a UN resolution": a name modifying a thing is no party.
            targets.retain(|&t| !thing_modifier(st, t));
        }
        if st.parsed && self.cameo_rules() {
            // "a trip to Asia", "projects across Europe": a region named as a place is where
            // the act goes or happens, not a party to it.
            targets.retain(|&t| !region_place(st, t));
        }
        if st.parsed && !noun {
            // "called X to congratulate him": the purpose of a call is addressed to the callee.
            let callee = self.callee(st, h);
            if !callee.is_empty() {
                targets = callee;
            }
        }
        if st.parsed && !noun && code.starts_with("15") {
            // The forces a source mobilises are its own, never the target: the enemy is
            // ("mobilized troops for a war against Iraq"), or no one.
            if let Some(enemy) = self.mobilised_against(st, h) {
                let o = st.kid(h, "obj");
                let forces = |t: &usize| {
                    o.is_some_and(|o| {
                        st.mentions[*t].tokens.contains(&o)
                            || super::sent::ancestors(st, st.mentions[*t].tokens.start).contains(&o)
                    })
                };
                if targets.iter().all(forces) {
                    targets = enemy;
                }
            }
        }
        if targets.is_empty() && st.parsed && noun {
            // "shared the news with X during a call": the call's participants are the verb's
            // "with" argument.
            if let Some(v) = st
                .head(h)
                .filter(|_| matches!(st.base_rel(h), "obl" | "obj"))
            {
                for &c in st.kids(v) {
                    if st.base_rel(c) == "obl" && st.case_of(c) == Some("with") {
                        targets.extend(self.actors_of(st, c));
                    }
                }
            }
        }
        if st.parsed
            && self.cameo_rules()
            && modality == "threat"
            && gov_source.map_or_else(
                || self.target_args_of(st, h, noun, false).is_empty(),
                |g| self.target_args_of(st, g, false, false).is_empty(),
            )
        {
            // "threatened to ban voting in X if Y runs": the party whose act the threat is
            // conditioned on is the one threatened, before the threatened act's own object (but
            // not before an addressee of the threat itself: "an ultimatum to X, warning of
            // action if Y does not withdraw").
            let cond = self.condition_subject(st, h);
            if !cond.is_empty() {
                targets = cond;
            }
        }
        if targets.is_empty() && st.parsed && self.cameo_rules() {
            if code.starts_with("12") {
                // "will not end the strike until Y ...": Y.
                targets = self.condition_subject(st, h);
            }
            if targets.is_empty()
                && !noun
                && matches!(code.get(..2), Some("02" | "10" | "11" | "13"))
            {
                // "demanded that Y ...", "warned that Y ...": Y.
                targets = self.complement_subject(st, h);
            }
        }
        // "Trump and Putin agreed to share information on North Korea": the topic of a joint act
        // is not its target; the partners are each other's. (Joint acts: statements,
        // cooperation, consultation, yielding and rejecting an agreement; "warned about X" and
        // "protested over X" are aimed at X.)
        let joint = matches!(
            code.get(..2),
            Some("01" | "03" | "04" | "05" | "06" | "07" | "08" | "12")
        );
        if joint && st.parsed && self.cameo_rules() && self.coordinated(st, &src) {
            // "Russia and Turkey agreed to improve coordination in Syria": the place where
            // partners act together is their setting; they are each other's targets.
            targets.retain(|&t| !setting_mention(st, t));
        }
        if joint
            && src.len() >= 2
            && src.iter().all(|a| a.mention().is_some())
            && !targets.is_empty()
        {
            // The mention is introduced by a preposition of topic, or sits in a phrase so
            // introduced that hangs on a word of the event itself ("renewed negotiations on an
            // Israeli troop pullback"; not "agreed to lift a ban on imports of Egyptian goods",
            // where the ban's object is no topic of the agreement).
            let topic = |t: &usize| {
                let is_topic = |x: usize| {
                    matches!(
                        st.case_of(x),
                        Some("on" | "about" | "over" | "regarding" | "concerning")
                    )
                };
                let toks = st.mentions[*t].tokens.clone();
                let outer = toks
                    .clone()
                    .find(|&x| st.head(x).is_none_or(|p| !toks.contains(&p)))
                    .map(|x| ancestors(st, x))
                    .unwrap_or_default();
                toks.clone().any(is_topic)
                    || outer
                        .into_iter()
                        .skip(1)
                        .take_while(|&a| a != h)
                        .take(3)
                        .find(|&a| is_topic(a))
                        .and_then(|a| st.head(a))
                        .is_some_and(|p| p == h || m.used.contains(&p))
            };
            if targets.iter().all(topic) {
                targets.clear();
            }
        }
        // No actor target: a named one outside the dictionaries (`named.rs`), else the place's
        // country or the protesters' government, else a named place attacked.
        let fallback = if targets.is_empty() && self.cameo_rules() {
            self.named_target(st, m, h, noun, code, false)
                .or_else(|| self.fallback_target(st, code, h, &src))
                .or_else(|| self.named_target(st, m, h, noun, code, true))
        } else {
            self.fallback_target(st, code, h, &src)
        };
        let mut src = src;
        if guessed_elsewhere && !targets.is_empty() {
            // "After X allowed Y to import cattle, the authority lifted its boycott of Z": the
            // doer is named (by a noun that is no actor), so the act is written against its
            // target with no source rather than with an actor of another clause.
            src.push(ActorRef::Unknown);
        }
        let reduced = passive_trigger && (harm || self.under_reduced_passive(st, h, noun));
        if (unplaced || reduced) && src.is_empty() && !targets.is_empty() {
            // "told TASS that the talks ...", "a soldier killed in a raid": the doer is not named;
            // the act is written against its target with no source.
            src.push(ActorRef::Unknown);
        }
        if setting_guess && !targets.is_empty() {
            // The act is written against its target with no source rather than with its place
            // as the doer. (Without a target the place stays: the PLV gold codes such sentences,
            // "arrested in X for collaborating", with the place as the source.)
            src = vec![ActorRef::Unknown];
        }
        if src.is_empty() && !noun && modality == "actual" && self.unknown_doer(st, code, h) {
            // "Three soldiers were killed by a roadside bomb": an attack on named victims whose
            // doer the sentence does not name is coded with no source (when reported as done,
            // not "if it is attacked"; only the verb's own subject or object as the victims,
            // not a place or a modifier).
            targets.retain(|&t| {
                let toks = st.mentions[t].tokens.clone();
                toks.clone()
                    .any(|x| st.head(x) == Some(h) && matches!(st.base_rel(x), "nsubj" | "obj"))
            });
            if !targets.is_empty() {
                src.push(ActorRef::Unknown);
            }
        }
        Roles {
            sources: src,
            targets,
            slot: m.target,
            fallback,
        }
    }

    /// Whether a violent act (CAMEO 18–20) at verb `h` whose sentence names no doer is still
    /// an attack: a word of its phrase other than the verb names a means of attack
    /// (`@VIOLENCE`: a bombing, an explosive device, gunfire, torture; "killed in a suicide car
    /// bombing", "a minefield explosion killed"). A death with no such word ("killed in a car
    /// crash") reports no attack, and "was attacked" alone may be an attack in words.
    fn unknown_doer(&self, st: &Sent, code: &str, h: usize) -> bool {
        if !st.parsed || !self.cameo_rules() || !matches!(code.get(..2), Some("18" | "19" | "20")) {
            return false;
        }
        st.range.clone().any(|t| {
            t != h
                && ancestors(st, t).contains(&h)
                && self.dict.in_class("VIOLENCE", st.lemmas(t..t + 1))
        })
    }
}

impl Coder {
    /// Whether subject `a` is a noun of personal relation (`@KIN` in classes.txt: "the wife of an
    /// activist", "Pelosi's colleagues", "a Trump loyalist"): it names its own person, never the
    /// one it is related to, so its modifiers are no source. Also a subject that names no actor
    /// whose apposition is such a noun or one of adversarial relation (`@ADVERSARY`: "X, a Trump
    /// loyalist, scolded", "X, one of Y's rivals, accused", "X, a critic of Y, said").
    fn kin_subject(&self, st: &Sent, a: usize) -> bool {
        if !self.cameo_rules() || st.rel(a) != "nsubj" || st.mention(a).is_some() {
            return false;
        }
        let kin = |x: usize| st.upos(x) == "NOUN" && self.dict.in_class("KIN", st.lemmas(x..x + 1));
        if kin(a) {
            return true;
        }
        let relation = |x: usize| {
            st.mention(x).is_none()
                && (kin(x)
                    || (st.upos(x) == "NOUN"
                        && self.dict.in_class("ADVERSARY", st.lemmas(x..x + 1))))
        };
        matches!(st.upos(a), "NOUN" | "PROPN")
            && st.kids(a).iter().any(|&c| {
                st.rel(c) == "appos"
                    && (relation(c)
                        || (st.lemma(c) == "one"
                            && st
                                .kids(c)
                                .iter()
                                .any(|&k| st.base_rel(k) == "nmod" && relation(k))))
            })
    }

    /// Whether mention `x`, a place, names where an attack happened: it is introduced by a
    /// preposition of place (`SETTING_PREPS`) on a noun of violence or aggression (`@VIOLENCE`,
    /// `@AGGRESSION`: "a car-bomb explosion in Baghdad", "the attack on a market in X"), also
    /// through an adjective, compound or possessive ("in southern Baghdad").
    fn event_setting(&self, st: &Sent, x: usize) -> bool {
        let c = &st.mentions[x].actor.code;
        let sp = st.mentions[x].span;
        let places = &st.doc.places;
        let i = places.partition_point(|p| p.span.end <= sp.start);
        let place = (c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase()))
            || places.get(i).is_some_and(|p| p.span.overlaps(sp));
        let Some(mut y) = mention_head(st, x).filter(|_| place) else {
            return false;
        };
        for _ in 0..3 {
            if st.case_of(y).is_some_and(|p| SETTING_PREPS.contains(&p)) {
                return st.base_rel(y) == "nmod"
                    && st.head(y).is_some_and(|n| {
                        st.upos(n) == "NOUN"
                            && st.mention(n).is_none()
                            && ["VIOLENCE", "AGGRESSION"]
                                .iter()
                                .any(|c| self.dict.in_class(c, st.lemmas(n..n + 1)))
                    });
            }
            if !matches!(st.rel(y), "amod" | "compound" | "nmod:poss" | "flat") {
                return false;
            }
            match st.head(y) {
                Some(p) => y = p,
                None => return false,
            }
        }
        false
    }

    /// Whether mention `x`, a place found in the phrase of subject noun `a` (no actor itself), is
    /// only where that noun is: a place (a bare country or region code, or a gazetteer place)
    /// introduced by a preposition of place (`setting_mention`: "some economists in the West", "a
    /// general in X", "an attack on a shrine in X killed"), with no verb of affiliation between
    /// (`@AFFILIATION`: "a group based in X" names its home), and the noun no name.
    fn subject_setting(&self, st: &Sent, x: usize, a: usize) -> bool {
        let c = &st.mentions[x].actor.code;
        let sp = st.mentions[x].span;
        let place = (c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase()))
            || region_code(c)
            || st.doc.places.iter().any(|p| p.span.overlaps(sp));
        // "Kismayo airport in Somalia", "the Foreign Office ... in X": a name's place is the
        // home of what it names, not a setting.
        if !place || st.upos(a) == "PROPN" || !setting_mention(st, x) {
            return false;
        }
        let path: Vec<usize> = mention_head(st, x)
            .map(|t| ancestors(st, t))
            .unwrap_or_default();
        path.contains(&a)
            && !path
                .iter()
                .take_while(|&&t| t != a)
                .any(|&t| self.dict.in_class("AFFILIATION", st.lemmas(t..t + 1)))
    }

    /// Whether the sources are mentions the parse coordinates ("A and B agreed", "A, B and C
    /// signed"), not a modifier and its noun ("U.S. Secretary of State X").
    fn coordinated(&self, st: &Sent, src: &[ActorRef]) -> bool {
        let ms: Vec<usize> = src.iter().filter_map(|a| a.mention()).collect();
        if ms.len() < 2 || ms.len() != src.len() {
            return false;
        }
        ms.iter().any(|&a| {
            mention_head(st, a).is_some_and(|x| {
                st.rel(x) == "conj"
                    && st.head(x).is_some_and(|p| {
                        ms.iter()
                            .any(|&b| b != a && st.mentions[b].tokens.contains(&p))
                    })
            })
        })
    }

    /// Whether subject `a` (found by [`Self::source_arg`] for trigger `h`, naming no actor) is
    /// the doer the parse names: a noun or name ("the suspect carried out", "five people
    /// complained", "industry experts complain"), so that word order must not guess another
    /// clause's actor as the source.
    fn silent_subject(&self, st: &Sent, a: usize, h: usize) -> bool {
        if !self.cameo_rules() || st.rel(a) != "nsubj" || st.mention(a).is_some() {
            return false;
        }
        // Only the subject of the trigger's own clause (or of the verb whose object or open
        // complement the trigger is: "the suspect carried out the attack", "X agreed to meet"),
        // not one reached by climbing into other clauses, and only when the parse gives that
        // verb no second subject (a headline glued to the sentence: "Four-nation trip Fifteen
        // ambassadors ... flew", "VP Mike Pence vows").
        let Some(v) = st.head(a) else { return false };
        let own = Some(v) == st.head(h).filter(|_| matches!(st.rel(h), "obj" | "xcomp")) || v == h;
        if !own
            || st
                .kids(v)
                .iter()
                .any(|&c| c != a && matches!(st.base_rel(c), "nsubj" | "expl"))
        {
            return false;
        }
        matches!(st.upos(a), "NOUN" | "PROPN")
    }

    /// Whether a word-order guess `x` for the source of trigger `h` (parsed sentence) may be its
    /// doer: not an object or oblique of a verb of saying above `h` ("told TASS that the
    /// talks ...", "said in an interview with X that ...": the one spoken to).
    fn doer_position(&self, st: &Sent, x: usize, h: usize) -> bool {
        if !self.cameo_rules() {
            return true;
        }
        let up = ancestors(st, h);
        let Some(mut y) = mention_head(st, x) else {
            return true;
        };
        // Climb from the mention to the child of the first node above `h` it meets.
        for _ in 0..20 {
            if up.contains(&y) {
                return true;
            }
            match st.head(y) {
                Some(p) if up.contains(&p) => {
                    let arg = matches!(st.base_rel(y), "obj" | "iobj" | "obl" | "nmod");
                    return !(arg && self.is_say_verb(st, p));
                }
                Some(p) => y = p,
                None => return true,
            }
        }
        true
    }

    /// Whether mention `t` is a place named by a preposition of place on a clause ("went off in
    /// Kabul, killing ...", "were kidnapped in X"), not on a noun ("a court in Ecuador": the
    /// noun's home) nor as the home of a verb of affiliation (`@AFFILIATION`: "a weekly based in
    /// X").
    fn clause_setting(&self, st: &Sent, t: usize) -> bool {
        setting_mention(st, t)
            && mention_head(st, t).is_some_and(|mut x| {
                for _ in 0..3 {
                    if st.case_of(x).is_some() {
                        return st.base_rel(x) == "obl"
                            && st.head(x).is_some_and(|v| {
                                !self.dict.in_class("AFFILIATION", st.lemmas(v..v + 1))
                            });
                    }
                    match st.head(x) {
                        Some(p) => x = p,
                        None => return false,
                    }
                }
                false
            })
    }

    /// The actors called when `h` is the purpose clause of a call ("called X to congratulate
    /// him", "phoned X to express support"); empty otherwise.
    pub(super) fn callee(&self, st: &Sent, h: usize) -> Vec<usize> {
        let Some(v) = st.head(h) else {
            return Vec::new();
        };
        let purpose = matches!(st.base_rel(h), "xcomp" | "advcl")
            && st
                .kids(h)
                .iter()
                .any(|&k| st.rel(k) == "mark" && st.lemma(k) == "to");
        if !purpose || !matches!(st.lemma(v), "call" | "phone" | "telephone" | "ring") {
            return Vec::new();
        }
        st.kid(v, "obj")
            .map(|o| self.actors_of(st, o))
            .unwrap_or_default()
    }

    /// The first conjunct of a coordinated subject at the start of the sentence that the parse
    /// left out ("Kuwait and its allies agreed", "Japanese and the Australian armies have agreed",
    /// "A and his counterpart, B, signed": parsed with A as the root): the mention that ends just
    /// before the "and" leading to the first source, when nothing but names, nouns, adjectives
    /// and determiners stands before it.
    pub(super) fn initial_conjunct(&self, st: &Sent, sources: &[usize]) -> Option<usize> {
        let &first = sources
            .iter()
            .min_by_key(|&&x| st.mentions[x].tokens.start)?;
        let start = st.mentions[first].tokens.start;
        // Back over the first source's own modifiers ("its", "the", "his Jordanian counterpart ,").
        let mut k = start;
        let lo = start.saturating_sub(6).max(st.range.start);
        while k > lo
            && st.form(k - 1) != "and"
            && (matches!(st.upos(k - 1), "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM")
                || (st.upos(k - 1) == "PRON" && st.rel(k - 1) == "nmod:poss")
                || st.form(k - 1) == ",")
        {
            k -= 1;
        }
        if k <= st.range.start + 1 || st.form(k - 1) != "and" {
            return None;
        }
        let and = k - 1;
        let m1 = st.mention(and - 1)?;
        let clean = (st.range.start..and).all(|x| {
            matches!(st.upos(x), "DET" | "ADJ" | "NOUN" | "PROPN" | "PART")
                || (st.upos(x) == "PRON" && st.rel(x) == "nmod:poss")
                || st.mention(x).is_some()
        });
        (clean && !sources.contains(&m1)).then_some(m1)
    }
}

/// Codes whose place named by a preposition of place ("in", "at", "across", ...) is the setting
/// and never the target: a meeting at a third location (044, by definition no party's ground),
/// statements (01) and diplomatic cooperation (05). Not visits (042/043: the host is the
/// target), material acts (an attack, aid or a deployment in a country is aimed at it) nor other
/// consultations (the PLV gold codes the place of "attended a summit in X" as the target).
/// Whether mention `t` is the country or state that locates the town before it ("in Lahore,
/// Pakistan, on Monday", "Jacksonville, Florida, police"): a bare place code whose name follows
/// another place name after one comma, as the last of their pair (not a list: "Austria,
/// Ireland, Mexico"), with the same country as that town or no actor of its own. Returns the
/// town's token.
fn locator(st: &Sent, t: usize) -> Option<usize> {
    let mt = &st.mentions[t];
    let code = mt.actor.code.as_str();
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let x = mention_head(st, t)?;
    let y = st
        .head(x)
        .filter(|&y| y < mt.tokens.start && matches!(st.base_rel(x), "appos" | "conj" | "flat"))?;
    let start = mt.tokens.start;
    let town_end = st.mention(y).map_or(y + 1, |m| st.mentions[m].tokens.end);
    if start < 1 || town_end + 1 != start || st.form(start - 1) != "," || st.upos(y) != "PROPN" {
        return None;
    }
    // The town: a place of the gazetteer or a mention of the same country.
    let ys = st.doc.tokens[y].span;
    let place = st.doc.places.iter().any(|p| p.span.overlaps(ys));
    let same = st.mention(y).map(|m| st.mentions[m].actor.code.as_str());
    let town = match same {
        Some(c) => c == code || (place && c.get(..3) == Some(code)),
        None => place,
    };
    // The last of the pair: no conjunct after it, and punctuation or the end after it.
    let end = mt.tokens.end;
    let last = !st
        .kids(y)
        .iter()
        .any(|&c| c > x && st.base_rel(c) == "conj")
        && st.kids(x).iter().all(|&c| st.base_rel(c) != "conj")
        && (end >= st.range.end || st.upos(end) == "PUNCT");
    (town && last).then_some(y)
}

/// Whether subject `a` is the doer the parse names for trigger `h`: the subject of `h` itself, the
/// antecedent `h` modifies as a relative or participle clause, or the subject of the verb of which
/// `h` is a subjectless object, complement, conjunct or adverbial clause ("resigned ..., accusing
/// X"); not a subject reached through a misparse across clauses.
fn own_subject(st: &Sent, a: usize, h: usize) -> bool {
    let v = st.head(a);
    v == Some(h)
        || st.head(h) == Some(a)
        || (v.is_some()
            && st.head(h) == v
            && matches!(st.base_rel(h), "obj" | "xcomp" | "advcl" | "conj")
            && !st
                .kids(h)
                .iter()
                .any(|&c| matches!(st.base_rel(c), "nsubj" | "expl")))
}

fn setting_is_no_target(code: &str) -> bool {
    matches!(code.get(..2), Some("01" | "05")) || code.starts_with("044")
}

/// Whether mention `t` only modifies a thing: it is a compound of a common noun, or an adjective
/// on a singular common noun ("EU rules", "a UN resolution", "the Russian theme"), that names
/// no actor itself.
fn thing_modifier(st: &Sent, t: usize) -> bool {
    let Some(x) = mention_head(st, t) else {
        return false;
    };
    let Some(p) = st.head(x) else { return false };
    if st.mention(p).is_some() || st.upos(p) != "NOUN" {
        return false;
    }
    let xpos = st.doc.tokens[p].xpos.as_str();
    match st.rel(x) {
        "compound" => matches!(xpos, "NN" | "NNS"),
        "amod" => xpos == "NN",
        _ => false,
    }
}

/// Whether code `c` is a region's (`data/actors/regions.txt`: "Europe", "the Middle East").
fn region_code(c: &str) -> bool {
    static REGIONS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    REGIONS
        .get_or_init(|| {
            include_str!("../../../../data/actors/regions.txt")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| l.split('|').next())
                .map(str::trim)
                .collect()
        })
        .contains(&c)
}

/// Whether mention `t` names a region only as a place: introduced (also through a compound or a
/// name's own words) by a preposition of place or direction ("a trip to Asia", "projects across
/// Europe", "in the Asia-Pacific region"); not a region's people or states ("European allies",
/// "the Balkan republic": the PLV gold codes these as the target).
fn region_place(st: &Sent, t: usize) -> bool {
    if !region_code(&st.mentions[t].actor.code) {
        return false;
    }
    let Some(mut x) = mention_head(st, t) else {
        return false;
    };
    for _ in 0..3 {
        if let Some(p) = st.case_of(x) {
            return matches!(st.base_rel(x), "obl" | "nmod")
                && (SETTING_PREPS.contains(&p)
                    || matches!(p, "to" | "into" | "toward" | "towards" | "from"));
        }
        // Through a name's own words, a compound ("the Asia-Pacific region") or a coordination
        // ("across Europe, Asia and the Middle East"), not an adjective ("European allies",
        // "the Balkan republic": a region's states).
        if !matches!(st.rel(x), "compound" | "flat" | "conj") {
            return false;
        }
        let Some(p) = st.head(x) else { return false };
        x = p;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{condemned, shelled};
    use super::*;
    use std::collections::BTreeSet;

    fn roles_of(c: &Coder, st: &Sent) -> Roles {
        let acc = c.select(st);
        let triggers = BTreeSet::from([c.head_tok(&acc[0])]);
        let ctx = c.context(st, &acc[0], &triggers).expect("an event");
        let coded = c.compose(st, &acc[0], &ctx, &triggers);
        c.roles(st, &acc[0], &ctx, &coded)
    }

    #[test]
    fn passive_roles_are_turned_round() {
        let c = Coder::embedded();
        let (d, ms) = shelled();
        let st = Sent::new(&d, 0, &ms);
        let r = roles_of(&c, &st);
        let src: Vec<_> = r.sources.iter().map(|a| a.mention()).collect();
        assert_eq!((src, r.targets), (vec![Some(1)], vec![0]));
    }

    #[test]
    fn coordinated_sources_and_slot_target() {
        let c = Coder::embedded();
        let (d, ms) = condemned();
        let st = Sent::new(&d, 0, &ms);
        let r = roles_of(&c, &st);
        let src: Vec<_> = r.sources.iter().map(|a| a.mention()).collect();
        assert_eq!(src, vec![Some(0), Some(1)]);
        assert_eq!((r.targets, r.slot), (vec![2], Some(2)));
        assert!(r.fallback.is_none());
    }
}
