//! Argument finding over the parse: the actors an argument denotes (conjuncts, appositions,
//! modifiers), the source (subject, passive agent, possessor, by-phrase) and the targets (objects,
//! prepositional arguments, pattern slots), and quote speakers standing in for "we"/"I".

use super::matching::Match;
use super::sent::Sent;
use super::Coder;
use crate::mentions::Mention;
use dyad_doc::EventActor;
use std::collections::BTreeSet;

/// First-person pronouns: a source resolved through the quote speaker.
pub(super) const FIRST_PERSON: &[&str] = &["i", "we", "me", "us"];
/// Prepositions that introduce a target.
pub(super) const TARGET_PREPS: &[&str] = &[
    "with", "against", "to", "on", "at", "toward", "towards", "from", "for", "into", "over",
    "upon", "about", "of", "between", "by",
];

/// Words of time that stand between a verb and its "that" clause ("demanded Friday that").
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
];

/// A source: an actor mention, or a quote speaker standing in for "we"/"I".
pub(super) enum ActorRef {
    /// An actor mention of the sentence.
    Mention(usize),
    /// The speaker of the quote around a first-person argument.
    Speaker(EventActor),
    /// A doer the sentence does not name (an attack by an unnamed hand): no source is written.
    Unknown,
}

impl ActorRef {
    /// The mention, if this is one.
    pub(super) fn mention(&self) -> Option<usize> {
        match self {
            ActorRef::Mention(m) => Some(*m),
            ActorRef::Speaker(_) | ActorRef::Unknown => None,
        }
    }
    /// The event actor it stands for.
    pub(super) fn actor(&self, st: &Sent) -> EventActor {
        match self {
            ActorRef::Mention(m) => to_actor(&st.mentions[*m]),
            ActorRef::Speaker(a) => a.clone(),
            ActorRef::Unknown => EventActor::default(),
        }
    }
}

/// The event actor of a mention.
pub(super) fn to_actor(m: &Mention) -> EventActor {
    EventActor {
        span: Some(m.span),
        name: m.actor.name.clone(),
        code: Some(m.actor.code.clone()),
        country: m.actor.country.clone(),
        country_from: m.actor.country_from,
    }
}

impl Coder {
    /// The mention a modifier mention belongs to: "Russian" in "Russian President Vladimir Putin"
    /// → "Vladimir Putin" (climbing `amod`/`compound`/`nmod:desc`/`flat` to another mention of the
    /// same country), "his" in "his deputy Jacob Zuma" → "Jacob Zuma"; else `t` itself.
    pub(super) fn phrase_head_mention(&self, st: &Sent, t: usize) -> usize {
        let toks = st.mentions[t].tokens.clone();
        let Some(mut x) = toks
            .clone()
            .find(|&x| st.head(x).is_none_or(|hh| !toks.contains(&hh)))
        else {
            return t;
        };
        // "released his deputy Jacob Zuma", "agreed with his Iranian counterpart, X": a possessive
        // pronoun only points at the actor named by the noun it modifies.
        if st.rel(x) == "nmod:poss" && st.upos(x) == "PRON" {
            if let Some(p) = st.head(x) {
                if let Some(mi) = st.mention(p).filter(|&mi| mi != t) {
                    return mi;
                }
                // The noun's own name, apposition or nationality ("his Russian counterpart,
                // Sergey Lavrov"), not actors of its prepositional modifiers ("his experience in
                // Iraq").
                let kid_named = |rels: &[&str]| {
                    st.kids(p).iter().copied().find_map(|c| {
                        rels.contains(&st.rel(c))
                            .then(|| st.mention(c))
                            .flatten()
                            .filter(|&mi| mi != t)
                    })
                };
                let named = kid_named(&["appos", "flat", "nmod:desc"])
                    .or_else(|| kid_named(&["amod", "compound"]));
                if let Some(mi) = named {
                    return mi;
                }
                // Else an actor further inside the noun phrase ("his presidential rival Laurent
                // Gbagbo"), not behind a preposition.
                let inside = self.actors_of(st, p).into_iter().find(|&mi| {
                    mi != t
                        && st.mentions[mi]
                            .tokens
                            .clone()
                            .all(|x| st.case_of(x).is_none())
                });
                if let Some(mi) = inside {
                    return mi;
                }
            }
            return t;
        }
        for _ in 0..3 {
            if !matches!(st.rel(x), "amod" | "compound" | "nmod:desc" | "flat") {
                break;
            }
            let Some(p) = st.head(x) else { break };
            if let Some(mi) = st.mention(p).filter(|&mi| mi != t) {
                let same = st.mentions[mi].actor.country == st.mentions[t].actor.country;
                return if same { mi } else { t };
            }
            x = p;
        }
        // "President" heading an apposition or name: "Russian President Vladimir Putin".
        for &c in st.kids(x) {
            if matches!(st.rel(c), "nmod:desc" | "appos" | "flat") {
                if let Some(mi) = st.mention(c).filter(|&mi| mi != t) {
                    if st.mentions[mi].actor.country == st.mentions[t].actor.country {
                        return mi;
                    }
                }
            }
        }
        t
    }

    /// Actors joined by "between" on a word of the match ("talks between Moscow and Kyiv"):
    /// the event is theirs, reciprocally.
    pub(super) fn between_actors(&self, st: &Sent, m: &Match) -> Vec<usize> {
        for &u in &m.used {
            for &c in st.kids(u) {
                if matches!(st.base_rel(c), "nmod" | "obl") && st.case_of(c) == Some("between") {
                    let v = self.actors_of(st, c);
                    if v.len() >= 2 {
                        return v;
                    }
                }
            }
        }
        Vec::new()
    }

    /// Actor mentions denoted by argument token `arg`, expanding conjunctions and looking into
    /// appositions and modifiers of non-actor heads ("leaders from the EU, France and Italy").
    pub(super) fn actors_of(&self, st: &Sent, arg: usize) -> Vec<usize> {
        self.actors_from(st, arg, 0)
    }

    /// [`Self::actors_of`] starting at modifier depth `depth0`.
    pub(super) fn actors_from(&self, st: &Sent, arg: usize, depth0: u8) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut stack = vec![(arg, depth0)];
        let mut seen = BTreeSet::new();
        while let Some((x, depth)) = stack.pop() {
            if !seen.insert(x) {
                continue;
            }
            if let Some(m) = st.mention(x) {
                if !out.contains(&m) {
                    out.push(m);
                }
            } else if depth < 2 && st.parsed {
                let kids = st.kids(x);
                // "exercises this month, a Jordanian official confirmed": an "apposition" that
                // governs a verb of saying is the reporter of the sentence, misparsed.
                let reporter = |c: usize| {
                    st.kids(c)
                        .iter()
                        .any(|&k| st.base_rel(k) == "acl" && self.is_say_verb(st, k))
                };
                let appos: Vec<usize> = kids
                    .iter()
                    .copied()
                    .filter(|&c| st.rel(c) == "appos" && !reporter(c))
                    .collect();
                let pick: Vec<usize> = if appos.iter().any(|&a| st.mention(a).is_some()) {
                    appos
                } else {
                    kids.iter()
                        .copied()
                        .filter(|&c| {
                            matches!(
                                st.base_rel(c),
                                "nmod" | "compound" | "amod" | "flat" | "appos"
                            ) && !(st.rel(c) == "nmod:poss" && st.upos(c) == "PRON")
                                && !(st.rel(c) == "appos" && reporter(c))
                                && st
                                    .case_of(c)
                                    .is_none_or(|p| matches!(p, "of" | "from" | "in" | "'s" | "by"))
                        })
                        .collect()
                };
                // The nearest modifier naming actors ("an attack by X in Y" → X), with its
                // conjuncts.
                for c in pick {
                    let v = self.actors_from(st, c, depth + 1);
                    if !v.is_empty() {
                        for m in v {
                            if !out.contains(&m) {
                                out.push(m);
                            }
                        }
                        break;
                    }
                }
            }
            if st.parsed {
                // Conjuncts of the token, or of any token of its mention ("lawmakers in A and B").
                let span = st
                    .mention(x)
                    .map_or(x..x + 1, |m| st.mentions[m].tokens.clone());
                for y in span.rev() {
                    if !st.range.contains(&y) {
                        continue;
                    }
                    for &c in st.kids(y).iter().rev() {
                        if st.rel(c) == "conj" {
                            stack.push((c, depth));
                        }
                    }
                }
            }
        }
        out.sort_by_key(|&m| st.mentions[m].tokens.start);
        out
    }

    /// The subject-like argument of `h`, climbing through xcomp/conj/acl/advcl/obl chains.
    /// Returns (argument token, target-from-passive).
    pub(super) fn source_arg(
        &self,
        st: &Sent,
        h: usize,
        noun: bool,
    ) -> (Option<usize>, Option<usize>) {
        if noun {
            if let Some(p) = st.kid(h, "nmod:poss") {
                return (Some(p), None);
            }
            // "the arrest of X by Y": the noun's by-phrase is its agent.
            if let Some(b) = st.kids(h).iter().copied().find(|&c| {
                st.base_rel(c) == "nmod"
                    && st.case_of(c) == Some("by")
                    && !self.actors_of(st, c).is_empty()
            }) {
                return (Some(b), None);
            }
        }
        // "drew criticism from X", "faces threats", "survived an attack": the subject of a verb
        // of undergoing (`@UNDERGO` in classes.txt) is what the act is done to; its doer is the
        // from/by phrase of the verb or of the noun, or no one named.
        if noun && self.cameo_rules() && st.rel(h) == "obj" {
            if let Some(v) = st
                .head(h)
                .filter(|&v| self.dict.in_class("UNDERGO", st.lemmas(v..v + 1)))
            {
                if let Some(subj) = st.kid(v, "nsubj") {
                    let doer = [v, h].into_iter().find_map(|y| {
                        st.kids(y).iter().copied().find(|&c| {
                            matches!(st.base_rel(c), "obl" | "nmod")
                                && matches!(st.case_of(c), Some("from" | "by"))
                                && !self.actors_of(st, c).is_empty()
                        })
                    });
                    return (doer, Some(subj));
                }
            }
        }
        if let Some(p) = self.objectless_harm(st, h, noun) {
            return (agent_of_any(st, h), Some(p));
        }
        // "X ..., yet had been overrun by Y": a passive verb whose subject is shared with the verb
        // it is coordinated with or depends on names its doer only in its by-phrase.
        let own_passive = !noun
            && self.cameo_rules()
            && st.kids(h).iter().any(|&c| st.rel(c) == "aux:pass")
            && !st
                .kids(h)
                .iter()
                .any(|&c| matches!(st.rel(c), "nsubj" | "nsubj:pass" | "expl"));
        let agent_of = |x: usize| agent_of_any(st, x);
        if let Some(r) = self.agented_participle(st, h, noun) {
            return r;
        }
        // "a law restricting travel", "forces loyal to X attacking Y": an active participle or
        // a relative clause without a subject of its own is done by the noun it modifies (the
        // antecedent), not by the subject of the clause around that noun. (A past participle,
        // "a general killed in an attack", is left to the chain below: taking the noun as the
        // patient cost PLV and GSR events, docs/evaluation.md.)
        if !noun && self.cameo_rules() && st.base_rel(h) == "acl" {
            let subjectless = !st
                .kids(h)
                .iter()
                .any(|&c| matches!(st.base_rel(c), "nsubj" | "expl"));
            let infinitive = st
                .kids(h)
                .iter()
                .any(|&c| st.rel(c) == "mark" && st.lemma(c) == "to");
            let participle = st.doc.tokens[h].xpos.as_str() == "VBN"
                && !st.kids(h).iter().any(|&c| st.base_rel(c) == "aux");
            if let Some(p) = st
                .head(h)
                .filter(|_| subjectless && !infinitive && !participle)
            {
                if matches!(st.upos(p), "NOUN" | "PROPN") {
                    return (Some(p), None);
                }
            }
            if let Some(p) = self.reported_subject(st, h) {
                return (Some(p), None);
            }
            if self.reduced_passive(st, h) {
                // "prisoners held by X", "a commando killed in a raid": a past participle on a
                // noun is passive; its doer is its by-phrase or no one named, never the noun
                // nor the subject of the clause around the noun.
                // With a by-phrase the noun is what its agent did the act to ("the opposition,
                // supported by X", "civilians expelled by X").
                let agent = agent_of(h);
                let patient = st
                    .head(h)
                    .filter(|&p| agent.is_some() && matches!(st.upos(p), "NOUN" | "PROPN"));
                return (agent, patient);
            }
        }
        let mut x = h;
        let mut passive_target = None;
        for _ in 0..6 {
            if x != h && self.reduced_passive(st, x) {
                // "a soldier killed in a raid": the raid's doer is the participle's agent.
                return (agent_of(x), passive_target);
            }
            if let Some(s) = st.kid(x, "nsubj") {
                if own_passive && x != h {
                    return (agent_of(h), Some(s));
                }
                if let Some(a) = relative_antecedent(st, x, s) {
                    return (Some(a), passive_target);
                }
                return (Some(s), passive_target);
            }
            if let Some(s) = st.kid(x, "nsubj:pass") {
                if passive_target.is_none() {
                    passive_target = Some(s);
                }
                let agent = st.kids(x).iter().copied().find(|&c| {
                    st.rel(c) == "obl:agent"
                        || (st.base_rel(c) == "obl" && st.case_of(c) == Some("by"))
                });
                return (agent, passive_target);
            }
            let Some(p) = st.head(x) else { break };
            if !matches!(
                st.base_rel(x),
                "xcomp" | "conj" | "acl" | "advcl" | "obl" | "nmod" | "obj" | "ccomp" | "parataxis"
            ) {
                break;
            }
            // "Putin, whose army ..., has maintained demands" parsed with the clause hanging
            // off the name: the name is the subject.
            if st.base_rel(x) == "parataxis" && st.mention(p).is_some() && st.head(p).is_none() {
                return (Some(p), passive_target);
            }
            // For reported speech ("X said Y will ..."), a ccomp without subject takes the sayer.
            x = p;
        }
        (None, passive_target)
    }

    /// "the opposition, openly supported by X,", "A, B and C, backed by X": a past participle
    /// without an auxiliary, subject or object of its own whose by-phrase names an actor is a
    /// passive however the parse hangs it (on an apposition, as a conjunct of the main verb, as
    /// an adverbial clause): its doer is the by-phrase, and the noun it modifies (an `acl`) or
    /// the subject of the clause it is set on (an `advcl`) is what was done to.
    /// Returns (agent, patient).
    fn agented_participle(
        &self,
        st: &Sent,
        h: usize,
        noun: bool,
    ) -> Option<(Option<usize>, Option<usize>)> {
        if noun
            || !st.parsed
            || !self.cameo_rules()
            || st.doc.tokens[h].xpos.as_str() != "VBN"
            || !matches!(st.base_rel(h), "acl" | "conj" | "advcl")
            || st.rel(h) == "acl:relcl"
            || st.kids(h).iter().any(|&c| {
                matches!(
                    st.base_rel(c),
                    "aux" | "nsubj" | "expl" | "obj" | "iobj" | "ccomp" | "xcomp"
                )
            })
        {
            return None;
        }
        let agent = st.kids(h).iter().copied().find(|&c| {
            matches!(st.base_rel(c), "obl" | "obl:agent")
                && st.case_of(c) == Some("by")
                && !self.actors_of(st, c).is_empty()
        })?;
        let patient = match st.base_rel(h) {
            "acl" => st
                .head(h)
                .filter(|&p| matches!(st.upos(p), "NOUN" | "PROPN")),
            // "Backed by X, the rebels took ...": the subject of the clause it is set on.
            "advcl" => st.head(h).and_then(|v| st.kid(v, "nsubj")),
            _ => None,
        };
        Some((Some(agent), patient))
    }

    /// The patient of verb trigger `h` when it is a verb of harm that is never used without
    /// its object (`@HARM_TRANSITIVE`) and stands without one: no object or clausal complement,
    /// no auxiliary but a passive one or a copula, a past form ("two citizens wounded in a
    /// shooting", "an officer who was slightly injured", "refugees killed off the coast"). The
    /// patient is the noun it modifies, else its subject (a relative pronoun's antecedent); a
    /// relative clause with a subject of its own ("the prisoners it had captured") is left alone.
    pub(super) fn objectless_harm(&self, st: &Sent, h: usize, noun: bool) -> Option<usize> {
        if noun
            || !st.parsed
            || !self.cameo_rules()
            || st.upos(h) != "VERB"
            || !matches!(st.doc.tokens[h].xpos.as_str(), "VBN" | "VBD")
            || !self.dict.in_class("HARM_TRANSITIVE", st.lemmas(h..h + 1))
        {
            return None;
        }
        let kids = st.kids(h);
        if kids.iter().any(|&c| {
            matches!(
                st.base_rel(c),
                "obj" | "iobj" | "ccomp" | "xcomp" | "expl" | "aux"
            ) || (st.base_rel(c) == "nsubj" && st.rel(c) == "nsubj:pass")
                // A bare nominal after the verb is an object the parse labelled otherwise.
                || (c > h
                    && matches!(st.upos(c), "NOUN" | "PROPN" | "PRON" | "NUM")
                    && st.case_of(c).is_none())
                // "seized and destroyed a shipment": an object shared with a conjunct.
                || (st.rel(c) == "conj"
                    && st
                        .kids(c)
                        .iter()
                        .any(|&k| matches!(st.base_rel(k), "obj" | "ccomp")))
        }) {
            return None;
        }
        let subj = st.kid(h, "nsubj");
        if st.base_rel(h) == "acl" {
            return match subj {
                // "an officer who was injured": the antecedent (not "the judge who sentenced").
                Some(s) if kids.iter().any(|&c| st.rel(c) == "cop") => {
                    relative_antecedent(st, h, s)
                }
                Some(_) => None,
                None => st
                    .head(h)
                    .filter(|&p| matches!(st.upos(p), "NOUN" | "PROPN")),
            };
        }
        subj.filter(|&s| matches!(st.upos(s), "NOUN" | "PROPN"))
    }

    /// "said the army attacked the rebels" parsed with "attacked" as a participle on "army",
    /// the object of the verb of saying: a participle with an object of its own on such a noun
    /// is the reported clause's verb, and the noun its subject.
    fn reported_subject(&self, st: &Sent, h: usize) -> Option<usize> {
        let p = st.head(h)?;
        let v = st.head(p)?;
        (st.rel(p) == "obj"
            && self.is_say_verb(st, v)
            && st.kid(h, "obj").is_some()
            && matches!(st.upos(p), "NOUN" | "PROPN"))
        .then_some(p)
    }

    /// Whether the noun participle `h` modifies (through "of" phrases) is an argument of a
    /// clause's verb, other than the object of a verb of saying. Else the "participle" is mostly
    /// the past tense of a clause the parse missed: a sentence without another verb ("The
    /// governor of X called for ..."), a reported clause ("Thousands demonstrated ..., witnesses
    /// said", "said hundreds gathered").
    fn noun_in_clause(&self, st: &Sent, h: usize) -> bool {
        let Some(mut y) = st.head(h) else {
            return false;
        };
        for _ in 0..3 {
            if st.base_rel(y) != "nmod" {
                break;
            }
            match st.head(y) {
                Some(p) => y = p,
                None => return false,
            }
        }
        let Some(v) = st.head(y) else { return false };
        // A subject before its verb, an object or oblique after it (a misparse hangs a
        // sentence-initial noun on a later verb).
        let placed = match st.base_rel(y) {
            "nsubj" => y < v,
            "obj" | "iobj" | "obl" => y > v,
            _ => false,
        };
        placed && matches!(st.upos(v), "VERB" | "AUX" | "ADJ") && !self.is_say_verb(st, v)
    }

    /// Whether verb `h` is a past participle modifying a noun ("prisoners held by X", "a soldier
    /// killed in a raid"): a passive whose doer is only its by-phrase.
    pub(super) fn reduced_passive(&self, st: &Sent, h: usize) -> bool {
        self.cameo_rules()
            && st.parsed
            && st.base_rel(h) == "acl"
            && st.doc.tokens[h].xpos.as_str() == "VBN"
            && self.noun_in_clause(st, h)
            && !st.kids(h).iter().any(|&c| {
                // An object or a clausal complement, or an "agent" without "by", marks a past
                // tense the tagger took for a participle ("gunmen opened fire", "an official
                // denied X is ...", "X, the police chief, accused Y of").
                matches!(st.base_rel(c), "aux" | "nsubj" | "expl" | "obj" | "ccomp")
                    || (st.rel(c) == "obl:agent" && st.case_of(c) != Some("by"))
            })
    }

    /// [`Self::reduced_passive`] for a verb trigger, or for the verb a nominal trigger is an
    /// argument of ("a soldier killed in a raid": the raid's doer is not named either).
    pub(super) fn under_reduced_passive(&self, st: &Sent, h: usize, noun: bool) -> bool {
        let mut x = h;
        for _ in 0..3 {
            if !noun || st.upos(x) == "VERB" {
                return self.reduced_passive(st, x);
            }
            if !matches!(st.base_rel(x), "obl" | "nmod" | "obj") {
                return false;
            }
            match st.head(x) {
                Some(p) => x = p,
                None => return false,
            }
        }
        false
    }

    /// The target-like arguments of `h` (objects, then prepositional arguments), else those of its
    /// open complement.
    pub(super) fn target_args(&self, st: &Sent, h: usize, noun: bool) -> Vec<usize> {
        self.target_args_for(st, h, noun, false)
    }

    /// [`Self::target_args`]; `moved`: the act moves or hands over its object (material codes,
    /// see [`Self::moves_object`]), so that the oblique names the target rather than the addressee.
    pub(super) fn target_args_for(
        &self,
        st: &Sent,
        h: usize,
        noun: bool,
        moved: bool,
    ) -> Vec<usize> {
        let v = self.target_args_of(st, h, noun, moved);
        if !v.is_empty() || noun {
            return v;
        }
        // "ordered nine officials jailed": a participle complement's patient is the object of
        // the verb above it.
        if st.rel(h) == "xcomp"
            && st.upos(h) == "VERB"
            && !st
                .kids(h)
                .iter()
                .any(|&k| st.rel(k) == "mark" || st.rel(k).starts_with("aux"))
        {
            if let Some(o) = st.head(h).and_then(|p| st.kid(p, "obj")) {
                if !self.actors_of(st, o).is_empty() {
                    return vec![o];
                }
            }
        }
        // "threatened to impose sanctions on X": the arguments of an open complement.
        for &c in st.kids(h) {
            if st.rel(c) == "xcomp" {
                let v = self.target_args_of(st, c, false, moved);
                if !v.is_empty() {
                    return v;
                }
            }
        }
        v
    }

    /// The target-like arguments of `h` itself: an object naming actors, a prepositional modifier
    /// of the object, or an `obl`/`nmod` with a target preposition.
    pub(super) fn target_args_of(
        &self,
        st: &Sent,
        h: usize,
        noun: bool,
        moved: bool,
    ) -> Vec<usize> {
        let kids = st.kids(h);
        if !noun {
            for rel in ["obj", "iobj"] {
                if let Some(o) = kids.iter().copied().find(|&c| st.rel(c) == rel) {
                    if !self.actors_of(st, o).is_empty() {
                        // "returned six Iraqi artifacts to the government of Iraq", "withdrew
                        // peacekeepers from Rwanda": an object that names actors only through a
                        // modifier, or is the forces moved, is the thing moved; the oblique
                        // names whom the act is directed at.
                        if moved && (st.mention(o).is_none() || self.forces_noun(st, o)) {
                            if let Some(c) = self.directional_oblique(st, h) {
                                return vec![c];
                            }
                        }
                        return vec![o];
                    }
                    // "impose sanctions on Russia": the object's own prepositional modifiers.
                    for &c in st.kids(o) {
                        if st.base_rel(c) == "nmod"
                            && st
                                .case_of(c)
                                .is_some_and(|p| TARGET_PREPS.contains(&p) && p != "of")
                            && !self.actors_of(st, c).is_empty()
                        {
                            return vec![c];
                        }
                    }
                }
            }
        }
        for &c in kids {
            let r = st.base_rel(c);
            if matches!(r, "obl" | "nmod") && st.rel(c) != "nmod:poss" {
                if let Some(p) = st.case_of(c) {
                    // "on the eve of X's visit", "on the sidelines of the summit": a phrase of
                    // time or circumstance (`@CIRCUMSTANCE`) names no party to the act.
                    let circumstance = self.cameo_rules()
                        && self.dict.in_class("CIRCUMSTANCE", st.lemmas(c..c + 1));
                    if TARGET_PREPS.contains(&p)
                        && p != "by"
                        && !circumstance
                        && !self.actors_of(st, c).is_empty()
                    {
                        return vec![c];
                    }
                }
            }
        }
        Vec::new()
    }

    /// Whether the code of pattern `pat` is a material act whose object is what is moved or
    /// handed over (all roots but statements, appeals, demands, disapproval, rejection, threats
    /// and protests, where "to X" names the addressee: "complained to the UN over the raids").
    pub(super) fn moves_object(&self, pat: usize) -> bool {
        self.dict.patterns.get(pat).is_some_and(|p| {
            !matches!(
                p.code.get(..2),
                Some("01" | "02" | "10" | "11" | "12" | "13" | "14") | None
            )
        })
    }

    /// Whether token `o` heads a noun of forces that are sent or withdrawn (`@TROOPS`,
    /// `@PEACEKEEPERS`, `@OBSERVERS` in classes.txt).
    fn forces_noun(&self, st: &Sent, o: usize) -> bool {
        let w = st.lemmas(o..o + 1);
        ["TROOPS", "PEACEKEEPERS", "OBSERVERS"]
            .iter()
            .any(|c| self.dict.in_class(c, w))
    }

    /// "mobilized troops for a war against Iraq", "mobilized the army against X": when the object
    /// of a mobilisation (15x) is the forces moved, the enemy named by an against/into/toward
    /// oblique or inside a `for` purpose ("for a ground assault against X"); `None` when the
    /// object is not forces, `Some(empty)` when the forces are named but no enemy is.
    pub(super) fn mobilised_against(&self, st: &Sent, h: usize) -> Option<Vec<usize>> {
        st.kid(h, "obj").filter(|&o| self.forces_noun(st, o))?;
        let hostile = |p: &str| matches!(p, "against" | "into" | "toward" | "towards");
        for &c in st.kids(h) {
            if st.base_rel(c) != "obl" {
                continue;
            }
            match st.case_of(c) {
                Some(p) if hostile(p) => {
                    let v = self.actors_of(st, c);
                    if !v.is_empty() {
                        return Some(v);
                    }
                }
                Some("for") => {
                    for &k in st.kids(c) {
                        if st.base_rel(k) == "nmod" && st.case_of(k).is_some_and(hostile) {
                            let v = self.actors_of(st, k);
                            if !v.is_empty() {
                                return Some(v);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        Some(Vec::new())
    }

    /// An oblique of `h` naming actors with a preposition of direction ("to", "from", "into",
    /// "against", "toward(s)").
    fn directional_oblique(&self, st: &Sent, h: usize) -> Option<usize> {
        st.kids(h).iter().copied().find(|&c| {
            st.base_rel(c) == "obl"
                && st.case_of(c).is_some_and(|p| {
                    matches!(p, "to" | "from" | "into" | "against" | "toward" | "towards")
                })
                && !self.actors_of(st, c).is_empty()
        })
    }

    /// The target mentions of match `m`: its pattern slot (with coordinated actors), else the
    /// governor's object, the passive subject, the arguments of `h`, else word order.
    pub(super) fn targets(
        &self,
        st: &Sent,
        m: &Match,
        h: usize,
        noun: bool,
        passive: Option<usize>,
        gov_target: &[usize],
    ) -> Vec<usize> {
        if let Some(t) = m.target {
            if !st.parsed {
                return self.group_after(st, t);
            }
            // The slot may start a coordination ("with Sudria and Norland"), and may be only the
            // modifier of the actor named ("with Russian President Vladimir Putin").
            let t = self.phrase_head_mention(st, t);
            let mut v = vec![t];
            if st.parsed {
                let head_tok = (st.mentions[t].tokens.clone()).find(|&x| {
                    st.head(x)
                        .is_none_or(|hh| !st.mentions[t].tokens.contains(&hh))
                });
                if let Some(ht) = head_tok {
                    for x in self.actors_of(st, ht) {
                        if !v.contains(&x) {
                            v.push(x);
                        }
                    }
                }
            }
            return v;
        }
        if !st.parsed {
            if let Some(&g) = gov_target.first() {
                if let Some(mi) = st.mention(g) {
                    return self.group_after(st, mi);
                }
            }
            if let Some(mi) = (m.trigger.end..=m.last).find_map(|t| st.mention(t)) {
                return self.group_after(st, mi);
            }
            return match self.first_after(st, m.last + 1) {
                Some(mi) => self.group_after(st, mi),
                None => Vec::new(),
            };
        }
        for &g in gov_target {
            let v = self.actors_of(st, g);
            if !v.is_empty() {
                return v;
            }
        }
        if let Some(pt) = passive {
            let v = self.actors_of(st, pt);
            if !v.is_empty() {
                return v;
            }
        }
        let mut v = Vec::new();
        for a in self.target_args_for(st, h, noun, self.moves_object(m.pat)) {
            v.extend(self.actors_of(st, a));
        }
        if v.is_empty() && !noun && self.cameo_rules() {
            v = self.pronoun_object_antecedent(st, h);
        }
        if v.is_empty() && self.opts.shallow_backoff {
            if let Some(mi) = (m.trigger.end..=m.last)
                .find_map(|t| st.mention(t))
                .or_else(|| self.first_after(st, m.last + 1))
            {
                // Not the subject of the next clause ("... announced a ban, X tweeted").
                if !(self.cameo_rules() && self.subject_past_comma(st, mi, h)) {
                    v = self.group_after(st, mi);
                }
            }
        }
        v
    }

    /// "condemned the government, accusing it of ...", "criticised X and blamed him for ...":
    /// an object pronoun the actor stage left without an actor, on a verb coordinated with or
    /// set on (`conj`, `advcl`, `xcomp`) a verb whose object names actors, stands for that
    /// object ("him"/"her" only for a person, "it" only for what is no person). Empty otherwise.
    fn pronoun_object_antecedent(&self, st: &Sent, h: usize) -> Vec<usize> {
        let Some(o) = st.kid(h, "obj").filter(|&o| st.mention(o).is_none()) else {
            return Vec::new();
        };
        let form = st.form(o);
        if !matches!(form, "it" | "him" | "her" | "them") || st.upos(o) != "PRON" {
            return Vec::new();
        }
        let (mut x, mut found) = (h, None);
        for _ in 0..2 {
            if !matches!(st.base_rel(x), "conj" | "advcl" | "xcomp") {
                break;
            }
            let Some(p) = st.head(x).filter(|&p| st.upos(p) == "VERB") else {
                break;
            };
            if let Some(po) = st.kid(p, "obj") {
                found = Some(po);
                break;
            }
            x = p;
        }
        let Some(po) = found else {
            return Vec::new();
        };
        let person = |mi: usize| {
            let sp = st.mentions[mi].span;
            st.doc
                .entities
                .iter()
                .any(|e| e.kind == "PER" && e.span.overlaps(sp))
        };
        let v = self.actors_of(st, po);
        let agrees = match form {
            "him" | "her" => v.len() == 1 && person(v[0]),
            "it" => v.len() == 1 && !person(v[0]),
            _ => true,
        };
        if agrees {
            v
        } else {
            Vec::new()
        }
    }

    /// Whether mention `mi` stands after trigger `h` beyond a comma and is the subject of another
    /// clause: the parse makes it the subject of a verb other than `h`, or a finite verb follows
    /// it ("After X announced its travel ban, Y tweeted", "... through talks, X's ambassador
    /// said", "since X's invasion of Crimea, Y has praised"). Such a mention is no argument of the
    /// trigger, whether word order or a pattern slot reached it.
    pub(super) fn subject_past_comma(&self, st: &Sent, mi: usize, h: usize) -> bool {
        let toks = st.mentions[mi].tokens.clone();
        if toks.start <= h || !(h + 1..toks.start).any(|k| st.form(k) == ",") {
            return false;
        }
        let Some(x) = mention_head(st, mi) else {
            return false;
        };
        let parsed_subject =
            matches!(st.base_rel(x), "nsubj" | "expl") && st.head(x).is_some_and(|v| v != h);
        let mut k = toks.end;
        while k < st.range.end && st.upos(k) == "ADV" {
            k += 1;
        }
        let finite = k < st.range.end
            && matches!(st.upos(k), "VERB" | "AUX")
            && matches!(st.doc.tokens[k].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD");
        parsed_subject || finite
    }

    /// The subject of the condition ("unless Y ...", "if Y ...", "until Y ...") attached to `h` or
    /// to its open complement: the party a threat or a refusal is aimed at.
    pub(super) fn condition_subject(&self, st: &Sent, h: usize) -> Vec<usize> {
        let mut heads = vec![h];
        heads.extend(st.kids(h).iter().copied().filter(|&c| st.rel(c) == "xcomp"));
        if let Some(p) = st.head(h).filter(|_| st.rel(h) == "xcomp") {
            heads.push(p);
        }
        // "threatened to stop negotiations to reduce arms if Y ...": the parse may hang the
        // condition on a clause inside the threatened act's object.
        let mut k = 0;
        while k < heads.len() && heads.len() < 12 {
            let x = heads[k];
            k += 1;
            if x == h {
                continue;
            }
            for &c in st.kids(x) {
                if matches!(st.rel(c), "obj" | "acl" | "xcomp") && !heads.contains(&c) {
                    heads.push(c);
                }
            }
        }
        for x in heads {
            for &c in st.kids(x) {
                if st.base_rel(c) != "advcl"
                    || !st.kids(c).iter().any(|&k| {
                        st.rel(k) == "mark" && matches!(st.lemma(k), "unless" | "if" | "until")
                    })
                {
                    continue;
                }
                if let Some(sj) = st.kid(c, "nsubj") {
                    let v = self.actors_of(st, sj);
                    if !v.is_empty() {
                        return v;
                    }
                }
            }
        }
        Vec::new()
    }

    /// The subject of the clausal complement of `h` ("demanded that Y ...", "warned that Y ..."),
    /// also when the parse hangs the "that" clause on a day word between ("demanded Friday that
    /// Y ...", read as a relative clause of "Friday").
    pub(super) fn complement_subject(&self, st: &Sent, h: usize) -> Vec<usize> {
        for &c in st.kids(h) {
            let clause = if st.base_rel(c) == "ccomp" {
                Some(c)
            } else if TIME_WORDS.contains(&st.lemma(c).to_lowercase().as_str()) {
                st.kids(c).iter().copied().find(|&k| {
                    st.base_rel(k) == "acl"
                        && st
                            .kids(k)
                            .iter()
                            .any(|&m| st.rel(m) == "mark" && st.lemma(m) == "that")
                })
            } else {
                None
            };
            if let Some(sj) = clause.and_then(|cl| st.kid(cl, "nsubj")) {
                return self.actors_of(st, sj);
            }
        }
        Vec::new()
    }

    /// The quote speaker standing behind a first-person argument inside a quotation.
    pub(super) fn speaker_for(&self, st: &Sent, arg: usize) -> Option<ActorRef> {
        if !FIRST_PERSON.contains(&st.form(arg)) {
            return None;
        }
        let at = st.doc.tokens[arg].span;
        let q = st.doc.quotes.iter().find(|q| q.span.contains(at))?;
        let sp = q.speaker.as_ref()?;
        let actor = sp.actor.clone().or_else(|| {
            sp.cluster
                .and_then(|c| st.doc.clusters.get(c))
                .and_then(|c| c.actor.clone())
        })?;
        Some(ActorRef::Speaker(EventActor {
            span: Some(sp.span),
            name: actor.name.clone().or_else(|| sp.name.clone()),
            code: Some(actor.code.clone()),
            country: actor.country.clone(),
            country_from: actor.country_from,
        }))
    }
}

/// Prepositions of a setting: the place where something happens, not whom it is done to.
pub(super) const SETTING_PREPS: &[&str] = &[
    "in",
    "at",
    "across",
    "throughout",
    "inside",
    "within",
    "near",
    "around",
    "outside",
];

/// The by-phrase agent of verb `x` ("killed by X").
pub(super) fn agent_of_any(st: &Sent, x: usize) -> Option<usize> {
    st.kids(x).iter().copied().find(|&c| {
        st.rel(c) == "obl:agent" || (st.base_rel(c) == "obl" && st.case_of(c) == Some("by"))
    })
}

/// The token heading mention `t` (its head outside the mention).
pub(super) fn mention_head(st: &Sent, t: usize) -> Option<usize> {
    let toks = st.mentions[t].tokens.clone();
    toks.clone()
        .find(|&x| st.head(x).is_none_or(|hh| !toks.contains(&hh)))
}

/// Whether mention `t` names the setting of an act: it (or the noun it modifies as an adjective,
/// compound or possessive: "at a Berlin market") is introduced by a preposition of place ("in
/// Bern", "across the Middle East") on a clause (`obl`) or a noun (`nmod`: "a meeting in Bern").
pub(super) fn setting_mention(st: &Sent, t: usize) -> bool {
    let Some(mut x) = mention_head(st, t) else {
        return false;
    };
    for _ in 0..3 {
        if st.case_of(x).is_some_and(|p| SETTING_PREPS.contains(&p)) {
            return matches!(st.base_rel(x), "obl" | "nmod");
        }
        if !matches!(st.rel(x), "amod" | "compound" | "nmod:poss" | "flat") {
            return false;
        }
        let Some(p) = st.head(x) else { return false };
        x = p;
    }
    false
}

/// The noun a relative pronoun subject stands for: "the forces who attacked" → "forces" (the
/// head of the relative clause `x` whose subject is `s`).
pub(super) fn relative_antecedent(st: &Sent, x: usize, s: usize) -> Option<usize> {
    if st.rel(x) != "acl:relcl" || st.upos(s) != "PRON" {
        return None;
    }
    if !matches!(st.lemma(s), "who" | "which" | "that") {
        return None;
    }
    st.head(x)
        .filter(|&p| matches!(st.upos(p), "NOUN" | "PROPN"))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{condemned, shelled};
    use super::*;

    #[test]
    fn coordinated_subject_and_object() {
        let (d, ms) = condemned();
        let st = Sent::new(&d, 0, &ms);
        let c = Coder::embedded();
        assert_eq!(c.source_arg(&st, 3, false), (Some(0), None));
        assert_eq!(c.actors_of(&st, 0), vec![0, 1]);
        assert_eq!(c.target_args(&st, 3, false), vec![4]);
        assert_eq!(to_actor(&ms[2]).code.as_deref(), Some("JPN"));
    }

    #[test]
    fn passive_agent_is_source_and_subject_target() {
        let (d, ms) = shelled();
        let st = Sent::new(&d, 0, &ms);
        let c = Coder::embedded();
        let (agent, passive) = c.source_arg(&st, 2, false);
        assert_eq!((agent, passive), (Some(5), Some(0)));
        assert_eq!(c.actors_of(&st, 5), vec![1]);
        // "by" never introduces a target.
        assert!(c.target_args(&st, 2, false).is_empty());
    }

    #[test]
    fn a_possessive_pronoun_points_at_its_noun_not_through_prepositions() {
        use super::super::fixtures::doc;
        // "Mbeki freed his deputy Zuma" / "Mbeki praised his work in Iraq" ("his" = Mbeki).
        let run = |toks: &[crate::testutil::Tok], acts: &[crate::testutil::Act]| {
            let (d, mut ms) = doc(toks, acts);
            let mut his = ms[0].clone();
            his.tokens = 2..3;
            his.span = d.tokens[2].span;
            ms.push(his);
            let ms = crate::mentions::normalise(ms);
            let c = Coder::embedded();
            let st = Sent::new(&d, 0, &ms);
            let h = ms.iter().position(|m| m.tokens.start == 2).expect("his");
            let got = c.phrase_head_mention(&st, h);
            (ms[got].tokens.clone(), h == got)
        };
        let freed = [
            ("Mbeki", "Mbeki", "PROPN", 2, "nsubj"),
            ("freed", "free", "VERB", 0, "root"),
            ("his", "his", "PRON", 5, "nmod:poss"),
            ("deputy", "deputy", "NOUN", 5, "compound"),
            ("Zuma", "Zuma", "PROPN", 2, "obj"),
        ];
        assert_eq!(
            run(&freed, &[(0, 1, "ZAFGOV", "ZAF"), (4, 5, "ZAFELI", "ZAF")]).0,
            4..5
        );
        let praised = [
            ("Mbeki", "Mbeki", "PROPN", 2, "nsubj"),
            ("praised", "praise", "VERB", 0, "root"),
            ("his", "his", "PRON", 4, "nmod:poss"),
            ("work", "work", "NOUN", 2, "obj"),
            ("in", "in", "ADP", 6, "case"),
            ("Iraq", "Iraq", "PROPN", 4, "nmod"),
        ];
        assert!(run(&praised, &[(0, 1, "ZAFGOV", "ZAF"), (5, 6, "IRQ", "IRQ")]).1);
    }
}
