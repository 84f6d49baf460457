//! Readings that are no event: word-sense guards beyond the dictionary's `000` patterns ("called
//! the plan a disaster") and nominal events that are only a topic or belong to the main clause.

use super::sent::Sent;
use super::Coder;
use std::collections::BTreeSet;

impl Coder {
    /// "called the plan a disaster", "called him a liar": a verb of naming with an object and a second,
    /// predicative nominal (a noun or adjective without preposition) names or characterises; it
    /// is no phone call or visit.
    pub(super) fn predicative_naming(&self, st: &Sent, h: usize) -> bool {
        if !matches!(
            st.lemma(h),
            "call" | "name" | "dub" | "label" | "brand" | "term"
        ) {
            return false;
        }
        // "a measure called the American Health Care Act": a reduced relative names its noun.
        if st.base_rel(h) == "acl" && st.kid(h, "nsubj").is_none() {
            return true;
        }
        // "condemned what he called Iran's aggression": a free relative on "what" names its object.
        if st.base_rel(h) == "acl"
            && st
                .head(h)
                .is_some_and(|w| matches!(st.lemma(w), "what" | "whatever"))
        {
            return true;
        }
        // "the measure, called the American Health Care Act, will": a participle set off by a
        // comma after a common noun, without a subject of its own, names that noun (the parse may
        // take it for a conjunct of the main verb).
        if st.form(h) == "called"
            && h >= st.range.start + 2
            && st.form(h - 1) == ","
            && st.upos(h - 2) == "NOUN"
            && st.mention(h - 2).is_none()
            && st.kid(h, "nsubj").is_none()
            && st.base_rel(h) != "root"
        {
            return true;
        }
        let kids = st.kids(h);
        let Some(o) = kids.iter().copied().find(|&c| st.rel(c) == "obj") else {
            return false;
        };
        // "called Sessions an \"honest man\"", "calling the Dutch \"Nazi remnants\"": the parse
        // often loses the second nominal when it is quoted; a quote after the object (before a
        // verb or a comma: "called the president's remarks on the courts \"shameful\"") marks it.
        let quote = |t: usize| matches!(st.form(t), "\"" | "\u{201c}" | "``" | "'" | "\u{2018}");
        let quoted = (o + 1..(o + 3).min(st.range.end)).any(quote)
            || (o + 1..(o + 8).min(st.range.end))
                .take_while(|&t| !matches!(st.upos(t), "VERB" | "AUX") && st.form(t) != ",")
                .any(quote);
        quoted
            || kids.iter().any(|&c| {
                c > o
                    && matches!(st.rel(c), "obj" | "xcomp" | "obl:unmarked" | "obl:npmod")
                    && matches!(st.upos(c), "NOUN" | "ADJ")
                    && st.case_of(c).is_none()
            })
    }

    /// "demonstrated resolve", "showed that he is in charge": `demonstrate` or `show` with an
    /// object or a clausal complement shows something; a street protest (14) is intransitive
    /// ("demonstrated against the law", "protesters demonstrated in the capital").
    pub(super) fn shown_not_protested(&self, st: &Sent, h: usize) -> bool {
        matches!(st.lemma(h), "demonstrate" | "show" | "display")
            && st
                .kids(h)
                .iter()
                .any(|&c| matches!(st.base_rel(c), "obj" | "ccomp"))
    }

    /// "ahead of key talks with Germany", "the upcoming meeting with Y", "planned talks": a
    /// nominal event placed after the time of the report (by "ahead of" or a modifier of the
    /// future, `@FUTURE` in classes.txt) has not happened.
    pub(super) fn future_nominal(&self, st: &Sent, h: usize) -> bool {
        let ahead = st.kids(h).iter().any(|&c| {
            st.rel(c) == "case" && st.lemma(c) == "ahead"
                || st.rel(c) == "case"
                    && st.lemma(c) == "of"
                    && c > st.range.start
                    && st.lemma(c - 1) == "ahead"
        });
        ahead
            || st.kids(h).iter().any(|&c| {
                matches!(st.rel(c), "amod" | "compound")
                    && (self.dict.in_class("FUTURE", st.lemmas(c..c + 1))
                        || self.dict.in_class("FUTURE", st.forms(c..c + 1)))
            })
            // "talks scheduled for February 20", "meetings expected to focus on trade": a reduced
            // relative of the future (a participle without auxiliary or subject of its own).
            || st.kids(h).iter().any(|&c| {
                st.rel(c) == "acl"
                    && c > h
                    && self.dict.in_class("FUTURE", st.forms(c..c + 1))
                    && !st.kids(c).iter().any(|&k| {
                        matches!(st.base_rel(k), "aux" | "nsubj" | "mark")
                            && !(st.rel(k) == "mark" && st.lemma(k) == "to")
                    })
            })
    }

    /// "a report released Thursday", "released its statement", "freed up the labour market",
    /// "liberated an area": a release of persons (0841) whose patient (the object, the noun a
    /// participle modifies, or a passive subject) is a common noun of a thing (`@RELEASED_THINGS`
    /// in classes.txt) that names no actor releases a thing, not a person.
    pub(super) fn thing_released(&self, st: &Sent, h: usize) -> bool {
        if !matches!(st.lemma(h), "release" | "free" | "liberate") {
            return false;
        }
        let patient = st
            .kid(h, "obj")
            .or_else(|| st.kid(h, "nsubj:pass"))
            .or_else(|| (st.base_rel(h) == "acl").then(|| st.head(h)).flatten())
            // "a joint statement by X released simultaneously said": the parse's active subject
            // of a release without an object.
            .or_else(|| st.kid(h, "nsubj"));
        patient.is_some_and(|n| {
            st.upos(n) == "NOUN"
                && st.mention(n).is_none()
                && (self.dict.in_class("RELEASED_THINGS", st.lemmas(n..n + 1))
                    || self.dict.in_class("RELEASED_THINGS", st.forms(n..n + 1)))
        })
    }

    /// A nominal event introduced by a temporal preposition ("following a call with Y", "after
    /// talks with Y"), set off by a comma or at the start of the sentence: it belongs to the main
    /// clause, whatever verb the parser attached it to.
    pub(super) fn adverbial_nominal(&self, st: &Sent, h: usize) -> bool {
        let Some(c) = st
            .kids(h)
            .iter()
            .copied()
            .find(|&c| matches!(st.rel(c), "case" | "mark"))
        else {
            return false;
        };
        matches!(st.form(c), "following" | "after" | "during")
            && (c == st.range.start || st.form(c - 1) == ",")
    }

    /// A bare nominal event (a noun pattern without further elements, like "ceasefire") that is
    /// only the topic of another word ("talks toward a ceasefire", "the topic of a prisoner
    /// exchange", "a timeline for a truce"): not reported as happening.
    pub(super) fn topic_nominal(&self, st: &Sent, h: usize) -> bool {
        let rel = st.base_rel(h);
        if rel == "compound" {
            // "ceasefire talks": a modifier of another noun.
            return true;
        }
        if rel == "obj" {
            // "securing a truce", "hosting talks": only verbs that report the event itself
            // ("held talks", "declared a truce", "signed the accord") make a bare noun an event.
            return st.head(h).is_some_and(|v| {
                !matches!(
                    st.lemma(v),
                    "hold"
                        | "have"
                        | "conduct"
                        | "begin"
                        | "start"
                        | "open"
                        | "resume"
                        | "continue"
                        | "complete"
                        | "attend"
                        | "join"
                        | "launch"
                        | "stage"
                        | "sign"
                        | "reach"
                        | "announce"
                        | "declare"
                        | "observe"
                        | "implement"
                        | "accept"
                        | "end"
                        | "break"
                        | "violate"
                        | "call"
                        | "organize"
                        | "organise"
                        | "mount"
                        | "carry"
                        | "extend"
                        | "renew"
                        | "agree"
                        | "approve"
                        | "conclude"
                        | "finalize"
                        | "finalise"
                        | "broker"
                        | "go"
                )
            });
        }
        if !matches!(rel, "obl" | "nmod") {
            return false;
        }
        match st.case_of(h) {
            Some(p) => matches!(
                p,
                "toward"
                    | "towards"
                    | "for"
                    | "on"
                    | "of"
                    | "about"
                    | "over"
                    | "regarding"
                    | "into"
                    | "to"
            ),
            None => rel == "nmod",
        }
    }

    /// "a rebel group opposed to the regime", "people opposed to the law", "as opposed to": a
    /// participle of attitude (`@STATE_PARTICIPLES` in classes.txt) used as an adjective (a
    /// reduced relative or modifier of a noun, or after "as") describes a standing position, not
    /// an act. The verb ("China opposed the launch"), a passive with its agent ("was opposed by
    /// the senate") and the predicate of a stated position ("Israel is opposed to French
    /// mediation", coded REJECT by the PLOVER GSR) stay events.
    pub(super) fn state_participle(&self, st: &Sent, h: usize) -> bool {
        if !self.dict.in_class("STATE_PARTICIPLES", st.forms(h..h + 1)) {
            return false;
        }
        let kids = st.kids(h);
        let agent = kids.iter().any(|&c| {
            st.rel(c) == "obl:agent" || (st.base_rel(c) == "obl" && st.case_of(c) == Some("by"))
        });
        // (An object or a subject makes it the verb: "X opposed the resolution".)
        if agent
            || kids.iter().any(|&c| {
                matches!(
                    st.rel(c),
                    "obj" | "nsubj" | "nsubj:pass" | "cop" | "aux:pass"
                )
            })
        {
            return false;
        }
        matches!(st.rel(h), "acl" | "amod") || (h > st.range.start && st.lemma(h - 1) == "as")
    }

    /// "insisted the ads were a waste of money", "insists it was not a ban": a verb that demands
    /// with a subjunctive complement ("insisted that allies pay more", "insisted it should") and
    /// asserts with an indicative one (`@ASSERT_OR_DEMAND` in classes.txt) makes a statement when
    /// its clausal complement is indicative.
    pub(super) fn asserted_not_demanded(&self, st: &Sent, h: usize) -> bool {
        // ("\"There is zero chaos,\" X insisted": the parse may hang the verb on the quote.)
        self.dict.in_class("ASSERT_OR_DEMAND", st.lemmas(h..h + 1))
            && !st.kids(h).iter().any(|&c| st.case_of(c) == Some("on"))
            && (st
                .kids(h)
                .iter()
                .any(|&c| st.base_rel(c) == "ccomp" && self.indicative(st, c))
                || st.rel(h) == "parataxis" && st.head(h).is_some_and(|p| self.indicative(st, p)))
    }

    /// Whether clause `c` is indicative: a tensed auxiliary or copula ("were", "'s", "has",
    /// "would"), or a verb tagged past or third-person present, and no "should"/"must"/bare "be".
    pub(super) fn indicative(&self, st: &Sent, c: usize) -> bool {
        let mut tensed = false;
        for &k in st.kids(c) {
            if !matches!(st.base_rel(k), "aux" | "cop") {
                continue;
            }
            match st.form(k) {
                "should" | "must" | "shall" | "ought" => return false,
                "is" | "was" | "were" | "are" | "am" | "'s" | "'re" | "'m" | "has" | "had"
                | "have" | "would" | "could" | "will" | "can" | "might" | "may" | "did"
                | "does" | "do" | "wo" | "ca" | "'ll" | "'d" => tensed = true,
                _ => {}
            }
        }
        // (A bare "be" alone is subjunctive: "insisted that he be removed".)
        tensed
            || matches!(&*st.doc.tokens[c].xpos, "VBD" | "VBZ")
            || (&*st.doc.tokens[c].xpos == "VBP" && matches!(st.lemma(c), "have" | "be"))
    }

    /// "agreed that the two-state solution is the only way", "agrees with X that the fallout could
    /// be serious": a verb of `@AGREE_IN_OPINION` with an opinion clause (`opinion_clause`) and no
    /// infinitive ("agreed to meet") agrees in opinion: an expression of accord (019).
    pub(super) fn agreed_in_opinion(&self, st: &Sent, h: usize) -> bool {
        self.dict.in_class("AGREE_IN_OPINION", st.lemmas(h..h + 1))
            && !st.kids(h).iter().any(|&c| st.base_rel(c) == "xcomp")
            && st
                .kids(h)
                .iter()
                .any(|&c| st.base_rel(c) == "ccomp" && self.opinion_clause(st, c))
    }

    /// Whether clause `c` states an opinion: indicative (`indicative`), not about the future
    /// ("will", "would", "shall": "agreed that the sides would meet" agrees on an act), and a
    /// modal only on a state ("could be serious"; "agreed that others could treat it as X"
    /// grants a permission).
    pub(super) fn opinion_clause(&self, st: &Sent, c: usize) -> bool {
        let state = st.lemma(c) == "be" || st.kids(c).iter().any(|&k| st.base_rel(k) == "cop");
        self.indicative(st, c)
            && !st.kids(c).iter().any(|&k| {
                matches!(st.base_rel(k), "aux" | "cop")
                    && match st.form(k).to_lowercase().as_str() {
                        "will" | "would" | "shall" | "'ll" | "'d" | "wo" => true,
                        "can" | "could" | "may" | "might" | "ca" => !state,
                        _ => false,
                    }
            })
    }

    /// "I want to thank you", "we would like to congratulate X", "offered praise for X",
    /// "expressed gratitude": a speech act (`@PERFORMATIVES`: the trigger, or the trigger verb's
    /// object) under a governor of `@PERFORMATIVE_GOVERNORS` is performed by saying so, not
    /// intended: a first-person subject's wish to do it, or a light verb that carries a speech-act
    /// noun. Not when the governor is itself denied, modal, future or an infinitive ("will offer
    /// thanks", "plans to offer praise").
    pub(super) fn performed_speech_act(&self, st: &Sent, noun: bool, h: usize, gt: usize) -> bool {
        if gt == h
            || st.head(h) != Some(gt)
            || st.upos(gt) != "VERB"
            || !self
                .dict
                .in_class("PERFORMATIVE_GOVERNORS", st.lemmas(gt..gt + 1))
            || self.negated_at(st, gt)
        {
            return false;
        }
        let speech = |t: usize| {
            self.dict.in_class("PERFORMATIVES", st.lemmas(t..t + 1))
                || self.dict.in_class("PERFORMATIVES", st.forms(t..t + 1))
        };
        let open = st.kids(gt).iter().any(|&k| {
            (st.rel(k) == "mark" && st.lemma(k) == "to")
                || (st.base_rel(k) == "aux"
                    && matches!(
                        st.lemma(k),
                        "will" | "shall" | "may" | "might" | "could" | "can" | "should" | "must"
                    ))
        });
        if open {
            return false;
        }
        if noun {
            // "did offer praise", "expressed his gratitude": the noun is the light verb's object.
            return st.base_rel(h) == "obj" && speech(h);
        }
        // "I want to thank you", "we would like to express our condolences".
        let first_person = st
            .kids(gt)
            .iter()
            .any(|&k| st.rel(k) == "nsubj" && matches!(st.lemma(k), "i" | "we"));
        st.base_rel(h) == "xcomp"
            && first_person
            && (speech(h) || st.kid(h, "obj").is_some_and(speech))
    }

    /// "compromised wildlife", "compromise the investigation": a verb of `@YIELD_INTRANSITIVE`
    /// yields only without an object; with an object that names no actor it harms that thing.
    pub(super) fn harmed_not_yielded(&self, st: &Sent, h: usize) -> bool {
        self.dict
            .in_class("YIELD_INTRANSITIVE", st.lemmas(h..h + 1))
            && st.kid(h, "obj").is_some_and(|o| st.mention(o).is_none())
    }

    /// "have managed to reach agreements", "succeeded in reaching": an act in the open
    /// complement of an implicative verb (`@IMPLICATIVE`) that is not denied happened.
    pub(super) fn implicative_complement(&self, st: &Sent, h: usize) -> bool {
        matches!(st.base_rel(h), "xcomp" | "advcl")
            && st.head(h).is_some_and(|p| {
                self.dict.in_class("IMPLICATIVE", st.lemmas(p..p + 1)) && !self.negated_at(st, p)
            })
    }

    /// "who feel the country has taken in too many refugees", "media reports that its planes had
    /// bombed X": the act is the content of a belief (a clausal complement of a verb of
    /// `@BELIEF`) or of a report or claim (a "that" clause with its own subject on a noun of
    /// `@CLAIM_NOUNS`), climbing open complements and conjuncts; it is not reported as done.
    pub(super) fn believed_or_claimed(&self, st: &Sent, h: usize) -> bool {
        let mut x = h;
        for _ in 0..4 {
            let Some(p) = st.head(x) else { return false };
            match st.rel(x) {
                "xcomp" | "conj" => x = p,
                "ccomp" if st.upos(p) == "VERB" => {
                    // ("agreed that X had violated it": the content of an agreement in opinion.)
                    return self.dict.in_class("BELIEF", st.lemmas(p..p + 1))
                        || (self.dict.in_class("AGREE_IN_OPINION", st.lemmas(p..p + 1))
                            && self.opinion_clause(st, x));
                }
                "ccomp" | "acl" if matches!(st.upos(p), "NOUN") => {
                    // (A content clause: its own subject and "that"; not "according to
                    // reports the UK is pushing for", an attribution the parse hung on the noun.)
                    let kids = st.kids(x);
                    return self.dict.in_class("CLAIM_NOUNS", st.forms(p..p + 1))
                        && kids
                            .iter()
                            .any(|&k| matches!(st.rel(k), "nsubj" | "nsubj:pass"))
                        && kids
                            .iter()
                            .any(|&k| st.rel(k) == "mark" && st.lemma(k) == "that");
                }
                _ => return false,
            }
        }
        false
    }

    /// "called Erdogan to congratulate him": a call (`call`, `phone`, `telephone`) whose purpose clause
    /// ("to V", as `xcomp` or `advcl`) holds a coded trigger; the act is the event, the call its
    /// channel.
    pub(super) fn purposive_call(&self, st: &Sent, h: usize, triggers: &BTreeSet<usize>) -> bool {
        if !matches!(st.lemma(h), "call" | "phone" | "telephone" | "ring") {
            return false;
        }
        st.kids(h).iter().any(|&c| {
            matches!(st.base_rel(c), "xcomp" | "advcl")
                && st
                    .kids(c)
                    .iter()
                    .any(|&k| st.rel(k) == "mark" && st.lemma(k) == "to")
                && (triggers.contains(&c) || st.kids(c).iter().any(|k| triggers.contains(k)))
        })
    }

    /// "two bomb blasts", "the blasts near the hideout": `blast` after a number, a determiner, an
    /// adjective or a means of attack (`@VIOLENCE`, "bomb") is the noun, an explosion the parse
    /// took for a verb; it is no criticism ("X blasts Y" keeps its name or pronoun subject).
    pub(super) fn blast_noun(&self, st: &Sent, h: usize) -> bool {
        st.lemma(h) == "blast"
            && h > st.range.start
            && (matches!(st.upos(h - 1), "NUM" | "DET" | "ADJ")
                || self.dict.in_class("VIOLENCE", st.lemmas(h - 1..h)))
    }

    /// "a scandal that threatens to topple the president", "a tie that threatened to defeat
    /// her", "the drought threatens farmers": `threaten` whose subject (the antecedent of a
    /// relative pronoun; for a conjunct without a subject, its head's) is a common noun that is
    /// no actor mention endangers; it is no threat (13).
    pub(super) fn thing_threatens(&self, st: &Sent, h: usize) -> bool {
        if st.lemma(h) != "threaten" {
            return false;
        }
        let subj_of = |v: usize| {
            st.kids(v)
                .iter()
                .copied()
                .find(|&k| matches!(st.rel(k), "nsubj" | "csubj"))
        };
        let mut v = h;
        let mut s = subj_of(v);
        for _ in 0..3 {
            if s.is_some() || st.base_rel(v) != "conj" {
                break;
            }
            v = match st.head(v) {
                Some(p) => p,
                None => break,
            };
            s = subj_of(v);
        }
        let Some(mut s) = s else { return false };
        if st.rel(s) == "csubj" {
            return true;
        }
        // A relative pronoun stands for the noun its clause modifies.
        if matches!(st.lemma(s), "that" | "which") && st.base_rel(v) == "acl" {
            match st.head(v) {
                Some(n) => s = n,
                None => return false,
            }
        }
        // (An actor named on the noun makes it a group: "Netanyahu associates", "Arab countries".)
        st.upos(s) == "NOUN"
            && st.mention(s).is_none()
            && !st.kids(s).iter().any(|&k| {
                matches!(st.rel(k), "compound" | "nmod:poss" | "amod") && st.mention(k).is_some()
            })
    }

    /// "welcomed Chancellor Merkel to the White House": `welcome` whose object is an actor and
    /// that has a `to` phrase of a place (a noun, not an infinitive) hosts a visit (043), rather
    /// than praising (051: "welcomed X's decision to", "welcomed the proposal by X to").
    pub(super) fn welcomed_to_place(&self, st: &Sent, h: usize) -> bool {
        st.lemma(h) == "welcome"
            && st.kid(h, "obj").is_some_and(|o| {
                st.mention(o).is_some()
                    && !st.kids(o).iter().any(|&k| st.rel(k) == "case")
                    && st.kids(h).iter().chain(st.kids(o)).any(|&k| {
                        matches!(st.base_rel(k), "obl" | "nmod")
                            && matches!(st.upos(k), "NOUN" | "PROPN")
                            && st.case_of(k) == Some("to")
                    })
            })
    }

    /// "a Russian airstrike killed three soldiers", "a fighter jet bombed X, killing three": the
    /// subject of the killing (for a participle or conjunct without one, the subject of its head
    /// verb) is an aerial means of `@AIR_MEANS` (its head noun, or a compound with it: "air
    /// strike"), so the killing is an aerial attack (195).
    pub(super) fn aerial_means(&self, st: &Sent, h: usize) -> bool {
        // (A noun before the verb that the parse hung on it as an adjective, "the airstrike
        // killed", is its subject too.)
        let subj = |v: usize| {
            st.kids(v).iter().copied().find(|&k| {
                matches!(st.rel(k), "nsubj" | "obl:agent") || (st.rel(k) == "amod" && k < v)
            })
        };
        let s = subj(h).or_else(|| {
            st.head(h)
                .filter(|_| {
                    st.base_rel(h) == "conj"
                        || (matches!(st.base_rel(h), "advcl" | "xcomp")
                            && st.form(h).ends_with("ing"))
                })
                .and_then(subj)
        });
        let Some(s) = s else { return false };
        let air = |ws: &[String]| self.dict.in_class("AIR_MEANS", ws);
        air(st.lemmas(s..s + 1))
            || air(st.forms(s..s + 1))
            || st.kids(s).iter().any(|&k| {
                st.rel(k) == "compound"
                    && k + 1 == s
                    && air(&[format!("{}_{}", st.lemma(k), st.lemma(s))])
            })
    }

    /// "floods killed 246 people", "killed in an avalanche", "injured in a boat accident": a
    /// killing, wounding or destruction whose subject, agent or "in"/"by" phrase (for a conjunct or
    /// participle without one, its head verb's) is a natural force, illness or accident
    /// (`@NATURAL_CAUSES`, the head noun or the compound before it) has no doer: no event.
    pub(super) fn natural_cause(&self, st: &Sent, h: usize) -> bool {
        let nat = |n: usize| {
            let hit = |t: usize| {
                self.dict.in_class("NATURAL_CAUSES", st.lemmas(t..t + 1))
                    || self.dict.in_class("NATURAL_CAUSES", st.forms(t..t + 1))
            };
            st.mention(n).is_none()
                && matches!(st.upos(n), "NOUN" | "PROPN")
                && (hit(n)
                    || (n > st.range.start
                        && st.rel(n - 1) == "compound"
                        && st.head(n - 1) == Some(n)
                        && hit(n - 1)
                        && st.upos(n - 1) == "NOUN"))
        };
        let causes = |v: usize| {
            st.kids(v).iter().any(|&k| match st.rel(k) {
                // "a famine which killed 250,000": the relative pronoun stands for its noun.
                "nsubj" if st.upos(k) == "PRON" => self.verb_subject(st, v).is_some_and(nat),
                "nsubj" | "obl:agent" => nat(k),
                _ => {
                    st.base_rel(k) == "obl"
                        && matches!(st.case_of(k), Some("in" | "by" | "during"))
                        && nat(k)
                }
            })
        };
        causes(h)
            || (matches!(st.base_rel(h), "conj" | "acl" | "advcl")
                && !st.kids(h).iter().any(|&k| st.base_rel(k) == "nsubj")
                && st
                    .head(h)
                    .is_some_and(|p| st.upos(p) == "VERB" && causes(p)))
    }

    /// The noun a verb is said of: its subject (a relative pronoun stands for the noun its clause
    /// modifies: "a famine which killed", "a survey that examined"), or, for a participle or relative
    /// without a subject of its own, the noun it modifies ("footage showing troops", "troops killed
    /// in the offensive").
    pub(super) fn verb_subject(&self, st: &Sent, h: usize) -> Option<usize> {
        let s = st
            .kids(h)
            .iter()
            .copied()
            .find(|&k| matches!(st.rel(k), "nsubj" | "nsubj:pass"));
        match s {
            Some(s)
                if st.upos(s) == "PRON"
                    && matches!(st.lemma(s), "which" | "that" | "who")
                    && st.base_rel(h) == "acl" =>
            {
                st.head(h)
            }
            Some(s) => Some(s),
            None if st.base_rel(h) == "acl" => st.head(h),
            None => None,
        }
    }

    /// Whether token `n` (a common or proper noun, or the compound before it) is in `class`.
    fn noun_in_class(&self, st: &Sent, n: usize, class: &str) -> bool {
        let hit = |t: usize| {
            self.dict.in_class(class, st.lemmas(t..t + 1))
                || self.dict.in_class(class, st.forms(t..t + 1))
        };
        matches!(st.upos(n), "NOUN" | "PROPN")
            && (hit(n)
                || (n > st.range.start
                    && st.rel(n - 1) == "compound"
                    && st.head(n - 1) == Some(n)
                    && hit(n - 1)))
    }

    /// "a passenger flight arrived in X", "refugees landed in Italy", "the missile did not land in
    /// Japanese waters": an arrival or travel (042) whose subject (or the noun a participle
    /// modifies) is a vehicle, a missile or a traveller of `@TRAVELLERS` is no visit by a
    /// political actor: no event.
    pub(super) fn traveller_arrival(&self, st: &Sent, h: usize) -> bool {
        self.verb_subject(st, h)
            .is_some_and(|s| self.noun_in_class(st, s, "TRAVELLERS"))
    }

    /// "footage showing troops near the site", "a week of coverage examining the health service",
    /// "a survey that examined": a verb of showing or examining (`@SHOWING`) said of a recording,
    /// a broadcast or a study (`@RECORDINGS`) is no statement, investigation or other act of an
    /// actor: no event.
    pub(super) fn recording_shows(&self, st: &Sent, h: usize) -> bool {
        self.dict.in_class("SHOWING", st.lemmas(h..h + 1))
            && self
                .verb_subject(st, h)
                .is_some_and(|s| self.noun_in_class(st, s, "RECORDINGS"))
    }

    /// "the fighting killed 26 soldiers", "troops killed in the offensive", "died in clashes": a
    /// killing whose subject or "in"/"during" phrase is combat (`@COMBAT`) is a death in fighting
    /// (190), not an assault (18).
    pub(super) fn killed_in_combat(&self, st: &Sent, h: usize) -> bool {
        let combat = |n: usize| st.mention(n).is_none() && self.noun_in_class(st, n, "COMBAT");
        let in_phrase = |v: usize| {
            st.kids(v).iter().any(|&k| {
                st.base_rel(k) == "obl"
                    && matches!(st.case_of(k), Some("in" | "during" | "amid"))
                    && combat(k)
            })
        };
        self.verb_subject(st, h)
            .is_some_and(|s| st.rel(s).starts_with("nsubj") && combat(s))
            || in_phrase(h)
    }

    /// "recognized the potential of China", "recognises the importance of", "recognized that it
    /// is impossible": `recognize` with a clausal complement or with an object of
    /// `@ACKNOWLEDGED` (a thing, no actor) acknowledges; it grants no recognition (054).
    pub(super) fn acknowledged_not_recognised(&self, st: &Sent, h: usize) -> bool {
        if !matches!(st.lemma(h), "recognize" | "recognise") {
            return false;
        }
        st.kids(h).iter().any(|&k| match st.base_rel(k) {
            "ccomp" => true,
            "obj" => {
                st.mention(k).is_none()
                    && (self.dict.in_class("ACKNOWLEDGED", st.lemmas(k..k + 1))
                        || self.dict.in_class("ACKNOWLEDGED", st.forms(k..k + 1)))
            }
            _ => false,
        })
    }

    /// "dismissed NATO as obsolete", "dismissed the opposition as an elite": `dismiss` whose object
    /// is an actor itself (no possessor's thing: "dismissed X's remarks as ranting" rejects the
    /// remarks) and that has an "as" phrase after it disparages the actor (111), no rejection (120).
    pub(super) fn dismissed_as(&self, st: &Sent, h: usize) -> bool {
        if st.lemma(h) != "dismiss" {
            return false;
        }
        let Some(o) = st.kid(h, "obj") else {
            return false;
        };
        st.mention(o).is_some()
            && !st.kids(o).iter().any(|&k| st.rel(k) == "case")
            && (o + 1..(o + 4).min(st.range.end)).any(|t| st.form(t).eq_ignore_ascii_case("as"))
    }

    /// "struck a bus", "struck targets": the verb `strike` with a direct object hits something (190);
    /// a labour strike (143) is intransitive ("workers struck", "went on strike").
    pub(super) fn transitive_strike(&self, st: &Sent, h: usize) -> bool {
        st.lemma(h) == "strike" && st.kid(h, "obj").is_some()
    }

    /// "Britain beat Portugal 3-0", "easily beat the Freedom party", "beat Yale for the title",
    /// "beaten into third place": `beat` or `defeat` with a score, an adverb of winning
    /// (`@WINNING`), or an object or "in"/"for"/"into"/"at" phrase that is a contest, a rival or a
    /// standing (`@CONTESTS`) wins a contest; no one is assaulted.
    pub(super) fn contest_won(&self, st: &Sent, h: usize) -> bool {
        if !matches!(st.lemma(h), "beat" | "defeat" | "beat_out") {
            return false;
        }
        let in_class = |t: usize, class: &str| {
            self.dict.in_class(class, st.lemmas(t..t + 1))
                || self.dict.in_class(class, st.forms(t..t + 1))
        };
        let score = |t: usize| {
            let f = st.form(t);
            let mut parts = f.split(['-', ':', '\u{2013}']);
            matches!(
                (parts.next(), parts.next(), parts.next()),
                (Some(a), Some(b), None)
                    if !a.is_empty() && !b.is_empty()
                        && a.chars().all(|c| c.is_ascii_digit())
                        && b.chars().all(|c| c.is_ascii_digit())
            )
        };
        // (A phrase the parse hangs lower, "beat Yale on Sunday for the title", counts too.)
        let below = |t: usize| t != h && super::sent::ancestors(st, t)[1..].contains(&h);
        st.kids(h).iter().any(|&k| match st.base_rel(k) {
            "advmod" => in_class(k, "WINNING"),
            "obj" | "nsubj:pass" => st.mention(k).is_none() && in_class(k, "CONTESTS"),
            _ => false,
        }) || st.range.clone().any(|t| {
            (score(t) && below(t))
                || (matches!(st.base_rel(t), "obl" | "nmod")
                    && matches!(st.case_of(t), Some("in" | "for" | "into" | "at"))
                    && in_class(t, "CONTESTS")
                    && below(t))
        })
    }

    /// "Cuba supported the rebels", "Assad's forces, backed by Russia", "backed by Turkish fighter
    /// jets", "US warplanes are supporting the Iraqi army": `support` or `back` whose backed party
    /// (the object, a passive subject, or the noun a participle modifies) is an armed party
    /// (`@ARMED_PARTIES`), or whose backer (the subject or the by-phrase) is an armed means
    /// (`@ARMED_MEANS`), gives military aid (072), not praise (051).
    pub(super) fn armed_backing(&self, st: &Sent, h: usize) -> bool {
        if !matches!(st.lemma(h), "support" | "back") {
            return false;
        }
        let armed = |n: usize| self.noun_in_class(st, n, "ARMED_PARTIES");
        let means = |n: usize| self.noun_in_class(st, n, "ARMED_MEANS");
        (st.base_rel(h) == "acl" && st.head(h).is_some_and(armed))
            || st.kids(h).iter().any(|&k| match st.rel(k) {
                "obj" | "nsubj:pass" => armed(k),
                "nsubj" | "obl:agent" => means(k),
                _ => st.base_rel(k) == "obl" && st.case_of(k) == Some("by") && means(k),
            })
    }

    /// "sent a platoon on a peacekeeping mission", "peacekeepers arrived in X", "peacekeepers
    /// began deploying": a deployment or arrival whose clause (the subtree of `h`: its subject,
    /// objects and purpose) names peacekeeping is peacekeeping (074), not a show of force or a
    /// visit.
    pub(super) fn peacekeeping(&self, st: &Sent, h: usize) -> bool {
        st.range.clone().any(|t| {
            let w = st.lemma(t);
            (w.starts_with("peacekeep") || w.starts_with("peace-keep"))
                && super::sent::ancestors(st, t).contains(&h)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::doc;
    use super::*;

    #[test]
    fn calling_something_a_name_is_no_call() {
        let c = Coder::embedded();
        let (d, ms) = doc(
            &[
                ("Lopez", "Lopez", "PROPN", 2, "nsubj"),
                ("called", "call", "VERB", 0, "root"),
                ("the", "the", "DET", 4, "det"),
                ("plan", "plan", "NOUN", 2, "obj"),
                ("a", "a", "DET", 6, "det"),
                ("disaster", "disaster", "NOUN", 2, "xcomp"),
            ],
            &[(0, 1, "MEXGOV", "MEX")],
        );
        let st = Sent::new(&d, 0, &ms);
        assert!(c.predicative_naming(&st, 1));
        let (d, ms) = doc(
            &[
                ("Lopez", "Lopez", "PROPN", 2, "nsubj"),
                ("called", "call", "VERB", 0, "root"),
                ("Biden", "Biden", "PROPN", 2, "obj"),
            ],
            &[(0, 1, "MEXGOV", "MEX"), (2, 3, "USAGOV", "USA")],
        );
        let st = Sent::new(&d, 0, &ms);
        assert!(!c.predicative_naming(&st, 1));
    }

    #[test]
    fn topic_and_adverbial_nominals() {
        let c = Coder::embedded();
        // "Following talks with Kenya , Uganda hosted ceasefire talks"
        let (d, ms) = doc(
            &[
                ("Following", "follow", "VERB", 2, "case"),
                ("talks", "talk", "NOUN", 7, "obl"),
                ("with", "with", "ADP", 4, "case"),
                ("Kenya", "Kenya", "PROPN", 2, "nmod"),
                (",", ",", "PUNCT", 2, "punct"),
                ("Uganda", "Uganda", "PROPN", 7, "nsubj"),
                ("hosted", "host", "VERB", 0, "root"),
                ("ceasefire", "ceasefire", "NOUN", 9, "compound"),
                ("talks", "talk", "NOUN", 7, "obj"),
            ],
            &[(3, 4, "KEN", "KEN"), (5, 6, "UGA", "UGA")],
        );
        let st = Sent::new(&d, 0, &ms);
        assert!(c.adverbial_nominal(&st, 1));
        assert!(!c.adverbial_nominal(&st, 8));
        // A compound modifier is a topic; "hosted talks" is not one of the reporting verbs.
        assert!(c.topic_nominal(&st, 7));
        assert!(c.topic_nominal(&st, 8));
    }

    #[test]
    fn a_call_with_a_purpose_and_a_transitive_strike() {
        let c = Coder::embedded();
        // "Khan called Erdogan to congratulate him"
        let (d, ms) = doc(
            &[
                ("Khan", "Khan", "PROPN", 2, "nsubj"),
                ("called", "call", "VERB", 0, "root"),
                ("Erdogan", "Erdogan", "PROPN", 2, "obj"),
                ("to", "to", "PART", 5, "mark"),
                ("congratulate", "congratulate", "VERB", 2, "advcl"),
                ("him", "he", "PRON", 5, "obj"),
            ],
            &[(0, 1, "PAKGOV", "PAK"), (2, 3, "TURGOV", "TUR")],
        );
        let st = Sent::new(&d, 0, &ms);
        assert!(c.phoned(&st, 1));
        // The purpose is coded: the call is only its channel; not when the purpose is no event.
        assert!(c.purposive_call(&st, 1, &BTreeSet::from([4])));
        assert!(!c.purposive_call(&st, 1, &BTreeSet::from([1])));
        // The governor of "congratulate" is not an appeal ("called on X to" would be).
        assert_eq!(c.governor(&st, 4, &BTreeSet::new()), None);
        // "The missiles struck a market" / "Workers struck"
        let (d, ms) = doc(
            &[
                ("Missiles", "missile", "NOUN", 2, "nsubj"),
                ("struck", "strike", "VERB", 0, "root"),
                ("a", "a", "DET", 4, "det"),
                ("market", "market", "NOUN", 2, "obj"),
            ],
            &[],
        );
        assert!(c.transitive_strike(&Sent::new(&d, 0, &ms), 1));
        let (d, ms) = doc(
            &[
                ("Workers", "worker", "NOUN", 2, "nsubj"),
                ("struck", "strike", "VERB", 0, "root"),
            ],
            &[],
        );
        assert!(!c.transitive_strike(&Sent::new(&d, 0, &ms), 1));
    }
}
