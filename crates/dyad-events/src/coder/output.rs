//! The output rule: source × target pairs (reciprocal compounds, self-targets, duplicates),
//! evidence, date and place, reverse codes, and the 010 statement fallback for quotes.

use super::args::{to_actor, ActorRef};
use super::matching::Match;
use super::sent::Sent;
use super::{quad_of, Coder};
use crate::dict::Governor;
use crate::mentions::Mention;
use dyad_doc::{Doc, Event, EventActor, Span};
use std::collections::BTreeSet;

/// Two unnamed actors of one code written with different nouns ("Cairo's security chief warned
/// that police ..."): different groups of one state, not an actor and itself.
fn distinct_groups(st: &Sent, a: &EventActor, b: &EventActor) -> bool {
    let noun = |x: &EventActor| {
        x.span.map(|s| {
            st.doc
                .slice(s)
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase()
        })
    };
    // A pronoun ("they") is the group named before it.
    let pronoun = |x: &EventActor| {
        x.span.is_some_and(|s| {
            let r = st.doc.tokens_in(s);
            r.end > r.start && st.doc.tokens[r.end - 1].upos == "PRON"
        })
    };
    a.name.is_none()
        && b.name.is_none()
        && a.span != b.span
        && noun(a) != noun(b)
        && !pronoun(a)
        && !pronoun(b)
}

impl Coder {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn emit_with(
        &self,
        st: &Sent,
        s: usize,
        m: &Match,
        code: &str,
        negated: bool,
        modality: &str,
        sources: Vec<ActorRef>,
        targets: Vec<usize>,
        h: usize,
        fallback_target: Option<EventActor>,
        out: &mut Vec<Event>,
    ) {
        if sources.is_empty() || self.irrealis(code, modality) {
            return;
        }
        let src_mentions: Vec<Option<usize>> = sources.iter().map(|a| a.mention()).collect();
        let mut tgts: Vec<usize> = targets
            .into_iter()
            .filter(|t| !src_mentions.contains(&Some(*t)))
            .collect();
        tgts.dedup();
        // "Ukrainian President, Volodymyr Zelenskiy": the bare country of a modifier next to a
        // more specific actor of that country is the same actor.
        let snapshot = tgts.clone();
        tgts.retain(|&t| {
            let a = &st.mentions[t];
            !snapshot.iter().any(|&u| {
                let b = &st.mentions[u];
                u != t
                    && a.actor.country.is_some()
                    && b.actor.country == a.actor.country
                    && b.actor.code.len() > a.actor.code.len()
                    && b.actor.code.starts_with(&a.actor.code)
                    && b.tokens.start >= a.tokens.end
                    && b.tokens.start - a.tokens.end <= 3
            })
        });
        let mut pairs: Vec<(EventActor, Option<EventActor>)> = Vec::new();
        let ea = |i: usize| to_actor(&st.mentions[i]);
        if tgts.is_empty() {
            let ids: Vec<usize> = src_mentions.iter().flatten().copied().collect();
            // A named target without a code (`named.rs`) is written in the text: no pairing.
            let written = fallback_target
                .as_ref()
                .is_some_and(|t| t.code.is_none() && t.span.is_some());
            if self.opts.reciprocal_compounds
                && !written
                && mutual_code(code)
                && ids.len() >= 2
                // A list of more than three ("A, B, C and D all signed the declaration") acts
                // together, not on each other; a "between" phrase names partners of any number.
                && (ids.len() <= 3 || !self.between_actors(st, m).is_empty())
                && ids.len() == sources.len()
            {
                for &a in &ids {
                    for &b in &ids {
                        if a != b && st.mentions[a].actor.code != st.mentions[b].actor.code {
                            pairs.push((ea(a), Some(ea(b))));
                        }
                    }
                }
            }
            if pairs.is_empty() {
                for a in &sources {
                    let sa = a.actor(st);
                    // A fallback target naming the source's own place is kept for a domestic
                    // protest (`XXXGOV`) but not when it repeats the source's code.
                    let ta = fallback_target.clone().filter(|t| t.code != sa.code);
                    pairs.push((sa, ta));
                }
            }
        } else {
            for a in &sources {
                for &t in &tgts {
                    let sa = a.actor(st);
                    let ta = ea(t);
                    if sa.code.is_some()
                        && sa.code == ta.code
                        && sa.name == ta.name
                        && !distinct_groups(st, &sa, &ta)
                    {
                        continue;
                    }
                    // "vowed to set up a White House commission", "issued the administration's
                    // warning": the source's own government as the owner of a thing is no target
                    // (not for investigations, disapproval and rejection, which may be aimed at
                    // one's own side: "an inspector general's inquiry into the administration's
                    // move").
                    if !matches!(code.get(..2), Some("09" | "11" | "12"))
                        && own_government(&sa, &ta)
                        && own_thing(st, t)
                    {
                        continue;
                    }
                    pairs.push((sa, Some(ta)));
                }
            }
            if pairs.is_empty() {
                // Every target was the source itself: the event stands without a target.
                for a in &sources {
                    pairs.push((a.actor(st), None));
                }
            }
        }
        // Two mentions of one actor ("Polish officials and their partners" resolved alike)
        // give one event.
        let mut seen = BTreeSet::new();
        pairs.retain(|(a, b)| {
            seen.insert((
                a.code.clone(),
                a.name.clone(),
                b.as_ref().and_then(|b| b.code.clone()),
                b.as_ref().and_then(|b| b.name.clone()),
            ))
        });
        let mut ev_end = st.doc.tokens[m.last].span.end;
        if let Some(t) = m.target {
            ev_end = ev_end.max(st.mentions[t].span.end);
        }
        let evidence = Span::new(st.doc.tokens[m.trigger.start].span.start, ev_end);
        let date = self.date_for(st, h);
        let place = self.place_for(st, h);
        // Reciprocal patterns (PETRARCH `[032:033]`): the target→source event as well.
        // (A model match has no pattern: `pat` is out of range.)
        let pat = self.dict.patterns.get(m.pat);
        let rev: Vec<(&str, EventActor, Option<EventActor>)> =
            match pat.and_then(|p| p.reverse.as_ref().zip(Some(&p.code))) {
                Some((rc, pc)) if pc == code => pairs
                    .iter()
                    .filter_map(|(sa, ta)| {
                        // A target without a code is never made a source, nor an unknown
                        // doer a target.
                        let ta = ta.clone().filter(|t| t.code.is_some())?;
                        if *sa == EventActor::default() {
                            return None;
                        }
                        Some((rc.as_str(), ta, Some(sa.clone())))
                    })
                    .collect(),
                _ => Vec::new(),
            };
        let all = pairs.into_iter().map(|(sa, ta)| (code, sa, ta)).chain(rev);
        for (code, sa, ta) in all {
            let info = self.onto.get(code);
            out.push(Event {
                sentence: s,
                cameo: code.to_string(),
                goldstein: info.map_or(0.0, |c| c.goldstein),
                quad: info.map_or_else(|| quad_of(code), |c| c.quad),
                plover: info.and_then(|c| c.plover.clone()),
                // An unknown doer (`ActorRef::Unknown`) is written as no source.
                source: (sa != EventActor::default()).then_some(sa),
                target: ta,
                negated,
                modality: modality.to_string(),
                date: date.clone(),
                place: place.clone(),
                evidence,
                by: "pattern",
                confidence: 1.0,
                check: None,
            });
        }
    }

    /// A statement for each quote whose speaker is an actor, when nothing was coded from the
    /// quote's sentences: the code its content warrants (`statements.txt`: the cue verb's own
    /// class, an evaluation of or an obligation on another actor, see [`Self::said_of`]), else 010
    /// when the quote mentions another actor (the target). Keeps statements rare.
    pub(super) fn statements(&self, doc: &Doc, mentions: &[Mention], events: &mut Vec<Event>) {
        let mut extra = Vec::new();
        // Sentences and mentions are in text order: each quote looks only at its own stretch.
        let coded: BTreeSet<usize> = events.iter().map(|e| e.sentence).collect();
        for q in &doc.quotes {
            let Some(sp) = &q.speaker else { continue };
            let Some(actor) = sp.actor.clone().or_else(|| {
                sp.cluster
                    .and_then(|c| doc.clusters.get(c))
                    .and_then(|c| c.actor.clone())
            }) else {
                continue;
            };
            let from = doc
                .sentences
                .partition_point(|s| s.span.end <= q.span.start);
            let sents: BTreeSet<usize> = (from..doc.sentences.len())
                .take_while(|&s| doc.sentences[s].span.start < q.span.end)
                .filter(|&s| doc.sentences[s].span.overlaps(q.span))
                .collect();
            if sents.iter().any(|s| coded.contains(s)) {
                continue;
            }
            // Another actor than the speaker, not merely the setting of what is said.
            let other = |m: &Mention| {
                m.actor.code != actor.code
                    && m.actor.country != actor.country
                    && !is_setting(doc, m)
            };
            let from = mentions.partition_point(|m| m.span.start < q.span.start);
            let target = mentions[from..]
                .iter()
                .take_while(|m| m.span.start < q.span.end)
                .find(|m| q.span.contains(m.span) && other(m));
            if sents.is_empty() {
                continue;
            }
            // Reported speech that is no clause, whose cue is read in the sense of a word-sense
            // guard with an object (a `000` line of verbs.txt: "blasted four missiles toward
            // Japan"): the cue is no verb of saying, nothing is said.
            let clause = doc.tokens[doc.tokens_in(q.span)]
                .iter()
                .any(|t| matches!(t.upos.as_str(), "VERB" | "AUX"));
            if !clause
                && q.cue.is_some_and(|c| {
                    let ts = doc.tokens_in(c);
                    let s = doc.sentences.partition_point(|x| x.tokens.end <= ts.start);
                    s < doc.sentences.len() && {
                        let st = Sent::new(doc, s, mentions);
                        ts.filter(|t| st.range.contains(t)).any(|t| {
                            self.best_at(&st, t).is_some_and(|m| {
                                self.is_guard(&m) && m.used.len() > m.trigger.len()
                            })
                        })
                    }
                })
            {
                continue;
            }
            // "According to X, ...": an attribution, not a statement made to anyone.
            if q.cue.is_some_and(|c| {
                doc.slice(c)
                    .trim_start()
                    .to_lowercase()
                    .starts_with("according")
            }) {
                continue;
            }
            // "footage showing troops near the site": a recording shows, nobody says (`@SHOWING`
            // said of `@RECORDINGS`, as `recording_shows`; the speaker's last word is its head).
            let lemma_in = |span: Span, class: &str| {
                doc.tokens[doc.tokens_in(span)]
                    .iter()
                    .any(|t| self.dict.in_class(class, &[t.lemma.to_lowercase()]))
            };
            if q.cue.is_some_and(|c| lemma_in(c, "SHOWING"))
                && doc.tokens[doc.tokens_in(sp.span)]
                    .last()
                    .is_some_and(|t| self.dict.in_class("RECORDINGS", &[t.lemma.to_lowercase()]))
            {
                continue;
            }
            // "He believes (that) ...", "X wants ...": a state of mind, not a statement.
            if q.cue.is_some_and(|c| {
                doc.tokens[doc.tokens_in(c)]
                    .iter()
                    .any(|t| self.dict.mind_verbs.contains(&t.lemma.to_lowercase()))
            }) {
                continue;
            }
            let said = self.said_of(doc, q, &sents, mentions, &other, actor.country.as_deref());
            // "We are ready to V", "we will V": an intent of the speaker's side (03x), not 010.
            let intent = || self.intent_of(doc, q, &sents, mentions, actor.country.as_deref());
            // The sentence of a mention.
            let sent_of = |m: &Mention| {
                doc.sentences
                    .partition_point(|x| x.span.end <= m.span.start)
            };
            let (code, s, target) = match (said, target) {
                (Some((code, s, m)), _) => (code, s, m.map(|m| &mentions[m])),
                (None, Some(t)) => {
                    // A statement is about the actor it names in the sentence it is written
                    // at: a quote whose first other actor stands in a later sentence is
                    // written at that sentence (not at the quote's first one).
                    let ts = sent_of(t);
                    match intent().filter(|&(_, s)| s == ts) {
                        Some((code, s)) => (code, s, Some(t)),
                        None if self.talked_with(doc, q, t, &actor.code) => ("040", ts, Some(t)),
                        None => ("010", ts, Some(t)),
                    }
                }
                (None, None) => continue,
            };
            let Some(info) = self.onto.get(code) else {
                continue;
            };
            let sent = doc.sentences[s].span;
            let h = doc
                .tokens_in(q.span)
                .start
                .max(doc.sentences[s].tokens.start);
            // The cue, when it is in the event's sentence (a continuation quote has the cue of
            // an earlier one); else the quote's words in that sentence, if they say anything.
            let cue = q.cue.filter(|c| sent.contains(*c));
            let words = Span::new(q.span.start.max(sent.start), q.span.end.min(sent.end));
            if cue.is_none() && Self::wordless(doc, words) {
                continue;
            }
            let evidence = cue.unwrap_or(words);
            let st = Sent::new(doc, s, mentions);
            extra.push(Event {
                sentence: s,
                cameo: code.into(),
                goldstein: info.goldstein,
                quad: info.quad,
                plover: info.plover.clone(),
                source: Some(EventActor {
                    span: Some(sp.span),
                    name: actor.name.clone(),
                    code: Some(actor.code.clone()),
                    country: actor.country.clone(),
                    country_from: actor.country_from,
                }),
                target: target.map(to_actor),
                negated: false,
                modality: "actual".into(),
                date: self.date_for(&st, h.min(doc.tokens.len().saturating_sub(1))),
                place: None,
                evidence,
                by: "pattern",
                confidence: 1.0,
                check: None,
            });
        }
        events.extend(extra);
        events.sort_by_key(|e| (e.sentence, e.evidence.start));
    }

    /// "X talked with Y", "X spoke to Y": a quote whose cue is a verb of talking (`@TALK_CUES`)
    /// directly followed by "with" or "to" and the target (up to six words of its noun phrase
    /// between) is a consultation, not a statement. Not an interview (either side a medium, `MED`)
    /// and not a target that is a bare country or organisation code (a newspaper named after its
    /// country, "spoke to China Daily").
    fn talked_with(&self, doc: &Doc, q: &dyad_doc::Quote, t: &Mention, source: &str) -> bool {
        let Some(c) = q.cue else { return false };
        let ts = doc.tokens_in(c);
        let talk = doc.tokens[ts.clone()]
            .iter()
            .any(|x| self.dict.in_class("TALK_CUES", &[x.lemma.to_lowercase()]));
        if !talk || ts.end >= doc.tokens.len() {
            return false;
        }
        let prep = doc.tokens[ts.end].lemma.to_lowercase();
        if !matches!(prep.as_str(), "with" | "to") || t.tokens.start <= ts.end {
            return false;
        }
        // Only the target's noun phrase between: determiners, adjectives, nouns, names, commas
        // ("with his Turkish counterpart, Mevlut Cavusoglu").
        let phrase = doc.tokens[ts.end + 1..t.tokens.start].iter().all(|x| {
            matches!(x.upos.as_str(), "DET" | "PRON" | "ADJ" | "NOUN" | "PROPN") || x.lemma == ","
        });
        let gap = t.tokens.start - ts.end - 1;
        let media = |code: &str| code.ends_with("MED") || code.ends_with("JRN");
        let sector = t.actor.code.len() > t.actor.country.as_deref().map_or(3, str::len);
        phrase && gap <= 6 && !media(source) && !media(&t.actor.code) && sector
    }

    /// What a quote says of another actor (`statements.txt`), as (code, sentence, mention index):
    /// the class of its cue verb ("accused", "urged"), with the cue's object as the target when it
    /// is another actor, else the quote's first other actor; or, in text order, the first
    /// evaluative word or obligation of the quote whose subject (or, for the complement of a cue
    /// such as "called X reckless", object) contains another actor.
    fn said_of(
        &self,
        doc: &Doc,
        q: &dyad_doc::Quote,
        sents: &BTreeSet<usize>,
        mentions: &[Mention],
        other: &dyn Fn(&Mention) -> bool,
        country: Option<&str>,
    ) -> Option<(&str, usize, Option<usize>)> {
        let lex = &self.dict.statements;
        let cue = q.cue.map(|c| doc.tokens_in(c));
        if let Some(c) = cue.clone() {
            let s = doc.sentences.partition_point(|x| x.tokens.end <= c.start);
            let hit = c.clone().find_map(|t| {
                let l = doc.tokens[t].lemma.to_lowercase();
                lex.cues.get(&l).map(|code| (t, code.as_str()))
            });
            // Only a cue in the quote's own sentences: a continuation quote of "accused" need
            // not accuse anyone.
            if let (Some((t, code)), true) = (hit, sents.contains(&s)) {
                let st = Sent::new(doc, s, mentions);
                // A warning that names a repercussion ("would be met with a response") is coercive.
                let code = if code == "012" {
                    sents
                        .iter()
                        .find_map(|&s| {
                            let st = Sent::new(doc, s, mentions);
                            st.range.clone().find_map(|t| {
                                lex.coerce
                                    .iter()
                                    .find(|(w, _)| {
                                        q.span.contains(doc.tokens[t].span) && st.seq_at(t, w)
                                    })
                                    .map(|(_, c)| c.as_str())
                            })
                        })
                        .or_else(|| {
                            own_act(&st, q.span, country).then_some(lex.coerce.first()?.1.as_str())
                        })
                        .unwrap_or(code)
                } else {
                    code
                };
                let objs: Vec<usize> = st
                    .kids(t)
                    .iter()
                    .copied()
                    .filter(|&k| matches!(st.base_rel(k), "obj" | "iobj"))
                    .collect();
                let obj = objs.iter().find_map(|&k| party(&st, k, other));
                let quoted = || {
                    sents.iter().find_map(|&s| {
                        let st = Sent::new(doc, s, mentions);
                        st.range
                            .clone()
                            .filter_map(|t| st.mention(t))
                            .find(|&m| q.span.contains(mentions[m].span) && other(&mentions[m]))
                            .map(|m| (s, m))
                    })
                };
                // An object that names no other actor ("urged the audience to ...") is whom the
                // act is addressed to: the quote's actors are not its target.
                match obj {
                    Some(m) => return Some((code, s, Some(m))),
                    None if objs.is_empty() => {
                        if let Some((s, m)) = quoted() {
                            return Some((code, s, Some(m)));
                        }
                    }
                    None => {}
                }
                // A threat stands without a target ("warned that police will no longer tolerate
                // rallies"); other cue classes need one.
                if lex.coerce.iter().any(|(_, c)| c == code) && code != hit?.1 {
                    return Some((code, s, None));
                }
            }
        }
        for &s in sents {
            let st = Sent::new(doc, s, mentions);
            if !st.parsed {
                continue;
            }
            // An asked quote states nothing of anyone.
            if st.range.clone().any(|t| self.question_mark(&st, t)) {
                continue;
            }
            for t in st.range.clone() {
                if !q.span.contains(doc.tokens[t].span) {
                    continue;
                }
                // "We urge X to ...", "I condemn X": the speaker's own act, named in the quote.
                if let Some(code) = lex.cues.get(st.lemma(t)).filter(|_| {
                    st.upos(t) == "VERB"
                        && st
                            .kid(t, "nsubj")
                            .is_some_and(|n| matches!(st.lemma(n), "we" | "i"))
                }) {
                    // The addressee is the object, or the actor a phrase on it names ("we urge
                    // our counterparts in Washington to ...": the counterparts are Washington's).
                    let obj = st
                        .kids(t)
                        .iter()
                        .copied()
                        .filter(|&k| matches!(st.base_rel(k), "obj" | "iobj"))
                        .find_map(|k| {
                            party(&st, k, other).or_else(|| {
                                st.kids(k)
                                    .iter()
                                    .copied()
                                    .filter(|&d| st.base_rel(d) == "nmod")
                                    .find_map(|d| st.mention(d).filter(|&m| other(&st.mentions[m])))
                            })
                        });
                    if let Some(m) = obj {
                        return Some((code.as_str(), s, Some(m)));
                    }
                }
                let judged = [st.lemma(t), st.form(t)].iter().find_map(|w| {
                    lex.judge.get(*w).and_then(|v| {
                        v.iter()
                            .find(|(seq, _)| st.seq_at(t, seq))
                            .map(|(seq, code)| (t + seq.len() - 1, code.as_str()))
                    })
                });
                let found = match judged {
                    Some((n, code)) => self.judged_party(&st, n).map(|p| (p, code)),
                    None => self.obliged_party(&st, t),
                };
                if let Some((p, code)) = found {
                    if let Some(m) = party(&st, p, other) {
                        return Some((code, s, Some(m)));
                    }
                }
            }
        }
        None
    }

    /// An intent the quote states for the speaker's own side (`intend` lines of
    /// `statements.txt`): an act with a future auxiliary ("we will use all tools"), or a word
    /// governing an infinitive ("we are ready to establish contacts", "Moscow plans to ..."),
    /// whose subject is the speaker's side (see [`own_subject`]). Not when negated, asked or
    /// conditional, for a state (`be`, `have`) or a repercussion (`coerce` words: a threat).
    fn intent_of(
        &self,
        doc: &Doc,
        q: &dyad_doc::Quote,
        sents: &BTreeSet<usize>,
        mentions: &[Mention],
        country: Option<&str>,
    ) -> Option<(&str, usize)> {
        let lex = &self.dict.statements;
        let blocked = |st: &Sent, x: usize| {
            st.kids(x).iter().any(|&k| {
                let l = st.lemma(k);
                // (Any subordinator: "if", "whether", and "the point is that we will ...".)
                (st.base_rel(k) == "advmod" && matches!(l, "not" | "never" | "n't"))
                    || (st.base_rel(k) == "mark" && l != "to")
            }) || st.base_rel(x) == "advcl"
        };
        let state = |st: &Sent, x: usize| {
            matches!(st.lemma(x), "be" | "have")
                || lex
                    .coerce
                    .iter()
                    .any(|(w, _)| w.len() == 1 && w[0] == st.lemma(x))
        };
        for &s in sents {
            let st = Sent::new(doc, s, mentions);
            if !st.parsed || st.range.clone().any(|t| self.question_mark(&st, t)) {
                continue;
            }
            for t in st.range.clone() {
                if !q.span.contains(doc.tokens[t].span) || blocked(&st, t) || state(&st, t) {
                    continue;
                }
                // A future auxiliary on the act itself.
                let aux = st.kids(t).iter().find_map(|&k| {
                    (st.base_rel(k) == "aux")
                        .then(|| lex.intend.get(st.lemma(k)))
                        .flatten()
                });
                // A word governing the act as its infinitive ("ready to V", "plans to V").
                let gov = || {
                    (st.base_rel(t) == "xcomp")
                        .then(|| st.head(t))
                        .flatten()
                        .filter(|&h| !blocked(&st, h))
                        // (By form too: a passive parse lemmatises "is prepared to" as
                        // "prepare".)
                        .and_then(|h| {
                            lex.intend
                                .get(st.lemma(h))
                                .or_else(|| lex.intend.get(st.form(h).to_lowercase().as_str()))
                                .map(|c| (h, c))
                        })
                };
                let (subj_of, code) = match (aux, gov()) {
                    (Some(c), _) => (t, c),
                    (None, Some((h, c))) => (h, c),
                    _ => continue,
                };
                // Said as the quote's own claim: the clause is the quote's main one (its root, a
                // clause conjoined to it, or the complement of a cue outside the quote), not a
                // clause under another verb of the quote ("hoped that we will stay").
                // A subordinator on a first conjunct scopes over the rest ("that we will
                // win ... and will keep").
                let main = |x: usize| {
                    let mut x = x;
                    while st.base_rel(x) == "conj" {
                        match st.head(x) {
                            Some(h) if !blocked(&st, h) => x = h,
                            Some(_) => return false,
                            None => break,
                        }
                    }
                    match st.base_rel(x) {
                        "root" => true,
                        "parataxis" => st.head(x).is_none_or(|h| {
                            !q.span.contains(doc.tokens[h].span) || !blocked(&st, h)
                        }),
                        "ccomp" => st
                            .head(x)
                            .is_some_and(|h| !q.span.contains(doc.tokens[h].span)),
                        _ => false,
                    }
                };
                // "whatever prizes I will win", "the work that we will do": a free or
                // relative clause, no claim.
                let wh = |x: usize| {
                    st.kids(x).iter().any(|&k| {
                        matches!(st.lemma(k), "what" | "whatever" | "whichever" | "however")
                            // A relative pronoun ("the work that we will do").
                            || (matches!(st.lemma(k), "that" | "which" | "who" | "whom")
                                && matches!(st.base_rel(k), "obj" | "nsubj" | "obl"))
                            || st.kids(k).iter().any(|&d| {
                                st.base_rel(d) == "det" && matches!(st.lemma(d), "what" | "whatever" | "whichever")
                            })
                    })
                };
                if st.upos(t) != "VERB"
                    || wh(t)
                    || !main(subj_of)
                    || self.dict.mind_verbs.contains(st.lemma(t))
                    || self.dict.say_verbs.contains(st.lemma(t))
                    || self.conflict_verb(st.lemma(t))
                    || !own_subject(&st, subj_of, country)
                {
                    continue;
                }
                // The specific intent of the act's own pattern ("we will resume talks" → 036,
                // "we are ready to send aid" → 033): the intent column of compose.tsv.
                let specific = self
                    .best_at(&st, t)
                    .filter(|m| !self.is_guard(m))
                    .and_then(|m| {
                        self.dict
                            .composed(&self.dict.patterns[m.pat].code, Governor::Intent)
                    })
                    .filter(|c| c.starts_with("03"));
                return Some((specific.unwrap_or(code.as_str()), s));
            }
        }
        None
    }

    /// Whether a verb's bare pattern (the verb alone, no words or classes after it) codes a
    /// conflictual act (13–20): "we will attack" announces force, a threat, no intent to
    /// cooperate.
    fn conflict_verb(&self, lemma: &str) -> bool {
        self.dict.index.get(lemma).is_some_and(|ps| {
            ps.iter().any(|&i| {
                let p = &self.dict.patterns[i];
                p.trigger.iter().any(|t| t.len() == 1 && t[0] == lemma)
                    && p.rest.iter().all(|e| {
                        !matches!(e, crate::dict::Elem::Words(_) | crate::dict::Elem::Class(_))
                    })
                    && p.code.get(..2).is_some_and(|r| ("13".."21").contains(&r))
            })
        })
    }

    /// The party an evaluative word `n` is said of: the subject of the clause it predicates
    /// ("X's plan is a mistake", "X is acting badly"), or the object of the verb it completes
    /// ("called X reckless", "described X as a disaster"). None when the clause is negated,
    /// conditional or a mere possibility.
    fn judged_party(&self, st: &Sent, n: usize) -> Option<usize> {
        let mut p = n;
        // "a dangerous policy", "deeply biased", "biased and unfair": up to the predicate.
        for _ in 0..3 {
            if !matches!(
                st.base_rel(p),
                "amod" | "advmod" | "compound" | "conj" | "flat"
            ) {
                break;
            }
            p = st.head(p)?;
        }
        let blocked = |x: usize| {
            st.kids(x).iter().any(|&k| {
                let l = st.lemma(k);
                (st.base_rel(k) == "advmod" && matches!(l, "not" | "never" | "hardly"))
                    || (st.base_rel(k) == "det" && l == "no")
                    || (st.base_rel(k) == "mark" && matches!(l, "if" | "whether" | "unless"))
                    || (st.base_rel(k) == "aux" && matches!(l, "may" | "might" | "could" | "would"))
            })
        };
        if blocked(p) || blocked(n) {
            return None;
        }
        if let Some(s) = st
            .kids(p)
            .iter()
            .copied()
            .find(|&k| matches!(st.base_rel(k), "nsubj" | "csubj"))
        {
            // "X was badly treated by Y": what is judged is Y's doing.
            if st.rel(s) == "nsubj:pass" {
                return st.kids(p).iter().copied().find(|&k| {
                    st.rel(k) == "obl:agent"
                        || (st.base_rel(k) == "obl" && st.case_of(k) == Some("by"))
                });
            }
            return Some(s);
        }
        // The complement of a verb naming the party: its object, or for an infinitive without
        // its own subject ("wants to provoke") the subject it shares.
        if matches!(st.base_rel(p), "xcomp" | "obl" | "advcl") {
            let h = st.head(p)?;
            // "is going to react badly": a forecast, not a judgement.
            if blocked(h) || st.lemma(h) == "go" {
                return None;
            }
            // ("referred to X as a mistake": the party is the `to` phrase of the `as` complement.)
            let referred = || {
                (st.case_of(p) == Some("as"))
                    .then(|| {
                        st.kids(h).iter().copied().find(|&k| {
                            k != p && st.base_rel(k) == "obl" && st.case_of(k) == Some("to")
                        })
                    })
                    .flatten()
            };
            return st.kid(h, "obj").or_else(referred).or_else(|| {
                (st.base_rel(p) == "xcomp")
                    .then(|| {
                        st.kids(h)
                            .iter()
                            .copied()
                            .find(|&k| st.base_rel(k) == "nsubj")
                    })
                    .flatten()
            });
        }
        None
    }

    /// An obligation at verb `v` ("X must V", "X should V", "X has to V"): its subject and code.
    fn obliged_party(&self, st: &Sent, v: usize) -> Option<(usize, &str)> {
        let (_, code) = self.dict.statements.oblige.iter().find(|(w, _)| {
            if w.len() == 1 {
                st.kids(v)
                    .iter()
                    .any(|&k| st.base_rel(k) == "aux" && st.lemma(k) == w[0])
                    && super::compose::obligation_is_a_demand(st, v)
            } else {
                // "has to V": the infinitive's `to` right after the verb ("has yet to" is none).
                st.lemma(v) == w[0]
                    && st.kids(v).iter().any(|&x| {
                        st.base_rel(x) == "xcomp"
                            && st.kids(x).iter().any(|&k| {
                                k == v + 1 && st.base_rel(k) == "mark" && st.lemma(k) == "to"
                            })
                    })
                    && !st.kids(v).iter().any(|&k| {
                        st.base_rel(k) == "advmod" && matches!(st.lemma(k), "not" | "never")
                    })
            }
        })?;
        // The obliged party is the doer: not the subject of a passive ("X should be punished"
        // obliges someone else), nor a clause that only gives a noun's content ("the
        // precondition that X should resign" reports another's demand).
        if st.base_rel(v) == "acl" || st.kids(v).iter().any(|&k| st.rel(k) == "aux:pass") {
            return None;
        }
        let s = st.kids(v).iter().copied().find(|&k| st.rel(k) == "nsubj")?;
        Some((s, code.as_str()))
    }
}

/// Whether the subject of `c` is the speaker's own side: "we", "I", "our government", or an
/// actor of the speaker's country ("Moscow", "Washington").
fn own_subject(st: &Sent, c: usize, country: Option<&str>) -> bool {
    let own_word = |n: usize| {
        matches!(
            st.lemma(n),
            "we" | "i" | "our" | "my" | "his" | "her" | "its"
        )
    };
    // (Also a passive subject: the parse reads "Moscow is prepared to V" as a passive.)
    let subj = st
        .kids(c)
        .iter()
        .copied()
        .find(|&k| matches!(st.rel(k), "nsubj" | "nsubj:pass"));
    subj.is_some_and(|n| {
        own_word(n)
            || st
                .kids(n)
                .iter()
                .any(|&k| st.rel(k) == "nmod:poss" && own_word(k))
            || st.mention(n).is_some_and(|m| {
                country.is_some() && st.mentions[m].actor.country.as_deref() == country
            })
    })
}

/// Whether the quote of a warning announces an act of the speaker's own side ("warned
/// that police will no longer tolerate ...", "warned that we would respond"): CAMEO 130 codes
/// conflictual behaviour forecast in the future tense as a threat.
fn own_act(st: &Sent, quote: Span, country: Option<&str>) -> bool {
    st.range
        .clone()
        // An act: not "will be" or "will have" (a state foretold).
        .filter(|&c| quote.contains(st.doc.tokens[c].span) && !matches!(st.lemma(c), "be" | "have"))
        .any(|c| {
            let future = st.kids(c).iter().any(|&k| {
                st.base_rel(k) == "aux" && matches!(st.lemma(k), "will" | "would" | "shall")
            });
            // "we", "his government", "Washington" (an actor of the speaker's country).
            future && own_subject(st, c, country)
        })
}

/// The actor a judgement or obligation falls on: the mention (passing `ok`) at token `root` (the
/// subject or object), else one naming its owner or kind ("X's plan", "the X approach", "the
/// policy of X") or coordinated with it; as an index into the mentions.
fn party(st: &Sent, root: usize, ok: &dyn Fn(&Mention) -> bool) -> Option<usize> {
    // A clausal subject ("for them to claim X is nonsense"): the party is its own subject.
    if st.base_rel(root) == "csubj" {
        if let Some(n) = st.kid(root, "nsubj") {
            return party(st, n, ok);
        }
    }
    let at = |t: usize| st.mention(t).filter(|&m| ok(&st.mentions[m]));
    at(root).or_else(|| {
        st.kids(root).iter().copied().find_map(|k| {
            let by_kind = match st.rel(k) {
                "nmod:poss" | "amod" | "compound" | "conj" | "appos" => true,
                "nmod" => matches!(st.case_of(k), Some("of" | "by")),
                _ => false,
            };
            if by_kind {
                at(k)
            } else {
                None
            }
        })
    })
}

/// Prepositions that make a place the setting of what is said ("cooperation in Syria", "resonating
/// across Europe"), not whom it concerns.
const SETTING_PREPS: &[&str] = &[
    "in",
    "across",
    "at",
    "throughout",
    "within",
    "inside",
    "around",
    "near",
    "into",
];

/// Whether a mention inside a quote is only the setting or a modifier of what is said, and so no
/// target of the speaker's statement: a modifier of a thing ("the Iraqi city", "a Malaysian
/// investigation", "an FBI bounty") or a country or region named as a location ("in Syria", "across
/// Europe"): the judging guideline of docs/evaluation.md ("Precision on NewsArticles", *target*).
/// Needs a parse; unparsed text keeps every mention.
fn is_setting(doc: &Doc, m: &Mention) -> bool {
    // The mention's head: its token whose syntactic head lies outside it.
    let Some(h) = m
        .tokens
        .clone()
        .find(|&t| doc.tokens[t].head.is_none_or(|p| !m.tokens.contains(&p)))
    else {
        return false;
    };
    // "in Germany and France": a later conjunct stands where the first does.
    let mut h = h;
    for _ in 0..4 {
        match doc.tokens[h].head {
            Some(p) if doc.tokens[h].deprel.as_str() == "conj" => h = p,
            _ => break,
        }
    }
    let tok = &doc.tokens[h];
    let rel = tok.deprel.as_str();
    if tok.head.is_none() || rel.is_empty() {
        return false;
    }
    // A modifier of a singular common noun is a thing's ("the Iraqi city", "an FBI bounty"); on a
    // plural or a name it is a group's or a person's ("Russian hackers", "German Chancellor X"),
    // and so the actor.
    if matches!(rel, "amod" | "compound") {
        // A noun modifier also of a plural thing ("EU rules", "UN resolutions").
        let plural = rel == "compound";
        return tok.head.is_some_and(|p| {
            let x = doc.tokens[p].xpos.as_str();
            x == "NN" || (plural && x == "NNS")
        });
    }
    // The owner of a thing ("Belarus' debt", "the White House's stance") is what is said about
    // through that thing: the target (the amended guideline of docs/evaluation.md, session 18).
    // A bare country or region code (no sector): a place, not an organ of it.
    let place = m.actor.code.len() == 3 && m.actor.code.chars().all(|c| c.is_ascii_uppercase());
    let located = (rel.starts_with("obl") || rel.starts_with("nmod"))
        // The preposition precedes its noun, a few words back at most ("in the Iraqi city").
        && (h.saturating_sub(6)..h).any(|c| {
            doc.tokens[c].head == Some(h)
                && doc.tokens[c].deprel.as_str() == "case"
                && SETTING_PREPS.contains(&doc.tokens[c].lemma.to_lowercase().as_str())
        });
    place && located
}

/// Whether target `ta` is the government of source `sa`'s own country as a whole (the same
/// `XXXGOV` code, named by no person or body of its own: "the White House", "the administration",
/// "Washington"), not a member or an organ of it ("Trump", "the Labor Department").
fn own_government(sa: &EventActor, ta: &EventActor) -> bool {
    static NAMES: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        include_str!("../../../../data/actors/countries.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('|').map(str::trim);
                let code = f.next()?;
                let name = f.next()?.split(';').next()?.trim();
                Some((code, name))
            })
            .collect()
    });
    let (Some(code), Some(country)) = (sa.code.as_deref(), ta.country.as_deref()) else {
        return false;
    };
    sa.code == ta.code
        && code.ends_with("GOV")
        && ta
            .name
            .as_deref()
            .is_none_or(|n| names.iter().any(|&(c, name)| c == country && name == n))
}

/// Whether target mention `t` only modifies a thing, as a compound, adjective or possessive of a
/// common noun that names no actor ("a White House initiative", "the administration's warning").
fn own_thing(st: &Sent, t: usize) -> bool {
    let Some(x) = super::args::mention_head(st, t) else {
        return false;
    };
    let Some(p) = st.head(x) else { return false };
    st.parsed
        && matches!(st.rel(x), "compound" | "amod" | "nmod:poss")
        && st.upos(p) == "NOUN"
        && st.mention(p).is_none()
}

/// Codes of acts that a coordinated group does to each other when no target is named ("A and B
/// agreed", "A and B met", "A and B clashed"), unlike acts that they do together to a third
/// party or to no one ("A and B complained", "A and B said").
fn mutual_code(code: &str) -> bool {
    matches!(
        code.get(..2),
        Some("03" | "04" | "05" | "06" | "07" | "08" | "12" | "16" | "19")
    )
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::condemned;
    use super::*;

    #[test]
    fn pairs_every_source_with_every_target_and_drops_self_targets() {
        let c = Coder::embedded();
        let (d, ms) = condemned();
        let st = Sent::new(&d, 0, &ms);
        let m = c.select(&st).remove(0);
        let run_as = |code: &str, src: Vec<ActorRef>, targets: Vec<usize>| {
            let mut out = Vec::new();
            c.emit_with(
                &st, 0, &m, code, false, "actual", src, targets, 3, None, &mut out,
            );
            out
        };
        let run = |src: Vec<ActorRef>, targets: Vec<usize>| run_as("111", src, targets);
        let both = || vec![ActorRef::Mention(0), ActorRef::Mention(1)];
        let out = run(both(), vec![2, 0]);
        let pairs: Vec<_> = out
            .iter()
            .map(|e| {
                let code = |a: &Option<EventActor>| a.as_ref().and_then(|a| a.code.clone());
                (code(&e.source), code(&e.target))
            })
            .collect();
        let s = |x: &str| Some(x.to_string());
        assert_eq!(pairs, vec![(s("RUS"), s("JPN")), (s("CHN"), s("JPN"))]);
        assert_eq!(d.slice(out[0].evidence), "condemned Japan");
        assert_eq!(
            (out[0].quad, out[0].plover.as_ref().map(|p| p.kind.as_str())),
            (3, Some("ACCUSE"))
        );
        // Without targets, the members of a compound source condemn no one ...
        let out = run(both(), vec![]);
        assert_eq!(out.len(), 2);
        assert!(out.iter().all(|e| e.target.is_none()));
        // ... but they meet each other.
        let out = run_as("040", both(), vec![]);
        assert_eq!(out.len(), 2);
        assert_eq!(
            out[0].target.as_ref().and_then(|a| a.code.as_deref()),
            Some("CHN")
        );
        // No source: nothing.
        assert!(run(vec![], vec![2]).is_empty());
    }
}
