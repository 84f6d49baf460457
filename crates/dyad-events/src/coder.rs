//! The event coder: finds pattern matches in a parsed sentence and turns them into events with
//! source and target actors, negation, modality, date, place and evidence.
//!
//! Works in layers so that it degrades gracefully: patterns match on lemmas/forms in token order
//! (no parse needed); arguments come from the dependency parse when there is one (subject, object,
//! prepositional arguments, passives, conjunctions, appositions) and from word order otherwise.

use crate::dict::{Elem, EventDict, Governor, Pattern, TriggerKind};
use crate::mentions::Mention;
use crate::ontology::Ontology;
use crate::words::{find_stem, inflects, lower};
use dyad_doc::{Doc, Event, EventActor, EventPlace, Span};
use std::collections::BTreeSet;
use std::ops::Range;

/// Tunable behaviour of the coder.
#[derive(Debug, Clone)]
pub struct CoderOptions {
    /// Most tokens allowed between two consecutive pattern elements.
    pub gap: usize,
    /// Code a 010 statement for a quote whose speaker is an actor when nothing else was coded.
    pub statement_fallback: bool,
    /// Pair the members of a compound source with each other when there is no target
    /// ("Russia and Ukraine agreed to talks" → RUS→UKR and UKR→RUS).
    pub reciprocal_compounds: bool,
    /// When the parse yields no source or target, fall back to word order.
    pub shallow_backoff: bool,
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            gap: 5,
            statement_fallback: true,
            reciprocal_compounds: true,
            shallow_backoff: std::env::var_os("DYAD_NO_BACKOFF").is_none(),
        }
    }
}

/// An ontology, a dictionary and options: everything needed to code a document.
#[derive(Debug, Clone)]
pub struct Coder {
    /// CAMEO table (Goldstein, quad, PLOVER).
    pub onto: Ontology,
    /// Patterns, classes, governors, composition table.
    pub dict: EventDict,
    /// Options.
    pub opts: CoderOptions,
}

/// One pattern match in a sentence.
#[derive(Debug, Clone)]
struct Match {
    pat: usize,
    trigger: Range<usize>,
    last: usize,
    used: Vec<usize>,
    target: Option<usize>,
    source: Option<usize>,
    weight: usize,
}

/// A sentence prepared for matching.
struct Sent<'a> {
    doc: &'a Doc,
    range: Range<usize>,
    lemma: Vec<String>,
    form: Vec<String>,
    upos: Vec<&'a str>,
    mention_of: Vec<Option<usize>>,
    mentions: &'a [Mention],
    children: Vec<Vec<usize>>,
    parsed: bool,
}

impl<'a> Sent<'a> {
    fn new(doc: &'a Doc, s: usize, mentions: &'a [Mention]) -> Sent<'a> {
        let range = doc.sentences[s].tokens.clone();
        let n = range.len();
        let mut lemma = Vec::with_capacity(n);
        let mut form = Vec::with_capacity(n);
        let mut upos = Vec::with_capacity(n);
        let mut children = vec![Vec::new(); n];
        let mut parsed = false;
        for t in range.clone() {
            let tok = &doc.tokens[t];
            let f = lower(doc.text.get(tok.span.start..tok.span.end).unwrap_or(""));
            lemma.push(if tok.lemma.is_empty() {
                f.clone()
            } else {
                lower(&tok.lemma)
            });
            form.push(f);
            upos.push(tok.upos.as_str());
            if let Some(h) = tok.head {
                if range.contains(&h) && h != t {
                    children[h - range.start].push(t);
                    parsed = true;
                }
            }
        }
        // Mentions are sorted and disjoint (`mentions::normalise`): only those ending after the
        // sentence starts are visited, so coding stays linear in the length of the document.
        debug_assert!(mentions
            .windows(2)
            .all(|w| w[0].tokens.end <= w[1].tokens.start));
        let mut mention_of = vec![None; n];
        let first = mentions.partition_point(|m| m.tokens.end <= range.start);
        for (i, m) in mentions.iter().enumerate().skip(first) {
            if m.tokens.start >= range.end {
                break;
            }
            for t in m.tokens.clone() {
                if range.contains(&t) {
                    mention_of[t - range.start] = Some(i);
                }
            }
        }
        Sent {
            doc,
            range,
            lemma,
            form,
            upos,
            mention_of,
            mentions,
            children,
            parsed,
        }
    }
    fn lemma(&self, t: usize) -> &str {
        &self.lemma[t - self.range.start]
    }
    fn form(&self, t: usize) -> &str {
        &self.form[t - self.range.start]
    }
    /// The lemmas of tokens `ts`, as a slice for set look-ups without copying.
    fn lemmas(&self, ts: Range<usize>) -> &[String] {
        &self.lemma[ts.start - self.range.start..ts.end - self.range.start]
    }
    /// The forms of tokens `ts`.
    fn forms(&self, ts: Range<usize>) -> &[String] {
        &self.form[ts.start - self.range.start..ts.end - self.range.start]
    }
    fn upos(&self, t: usize) -> &str {
        self.upos[t - self.range.start]
    }
    fn mention(&self, t: usize) -> Option<usize> {
        self.mention_of
            .get(t.wrapping_sub(self.range.start))
            .copied()
            .flatten()
    }
    fn head(&self, t: usize) -> Option<usize> {
        self.doc.tokens[t]
            .head
            .filter(|h| self.range.contains(h) && *h != t)
    }
    fn rel(&self, t: usize) -> &str {
        &self.doc.tokens[t].deprel
    }
    fn base_rel(&self, t: usize) -> &str {
        self.rel(t).split(':').next().unwrap_or("")
    }
    fn kids(&self, t: usize) -> &[usize] {
        &self.children[t - self.range.start]
    }
    fn kid(&self, t: usize, rel: &str) -> Option<usize> {
        self.kids(t).iter().copied().find(|&c| self.rel(c) == rel)
    }
    /// Whether dictionary word `w` matches token `t`.
    fn word_is(&self, t: usize, w: &str) -> bool {
        self.lemma(t) == w || inflects(w, self.form(t))
    }
    fn seq_at(&self, t: usize, seq: &[String]) -> bool {
        t + seq.len() <= self.range.end
            && seq.iter().enumerate().all(|(k, w)| self.word_is(t + k, w))
    }
    fn is_barrier(&self, t: usize) -> bool {
        let f = self.form(t);
        matches!(
            f,
            "." | ";" | ":" | "!" | "?" | "\u{201c}" | "\u{201d}" | "\""
        ) || (self.parsed
            && self.upos(t) == "VERB"
            && self.mention(t).is_none()
            // "cancelled a planned visit": a participle modifying a noun is no clause.
            && !matches!(self.rel(t), "amod" | "compound"))
    }
    /// The case marker (preposition) of a nominal dependent.
    fn case_of(&self, t: usize) -> Option<&str> {
        self.kids(t)
            .iter()
            .copied()
            .find(|&c| matches!(self.rel(c), "case" | "mark"))
            .map(|c| self.lemma(c))
    }
}

const FIRST_PERSON: &[&str] = &["i", "we", "me", "us"];
const TARGET_PREPS: &[&str] = &[
    "with", "against", "to", "on", "at", "toward", "towards", "from", "for", "into", "over",
    "upon", "about", "of", "between", "by",
];

impl Coder {
    /// The embedded ontology and dictionary with default options.
    pub fn embedded() -> Coder {
        let onto = Ontology::embedded();
        let dict = EventDict::embedded(&onto);
        Coder {
            onto,
            dict,
            opts: CoderOptions::default(),
        }
    }

    /// Code every sentence of `doc` with the given actor mentions (sorted and disjoint, as
    /// [`crate::mentions::from_doc`] and [`crate::mentions::normalise`] give them); returns the
    /// events in text order.
    pub fn code(&self, doc: &Doc, mentions: &[Mention]) -> Vec<Event> {
        let mut events = Vec::new();
        for s in 0..doc.sentences.len() {
            if doc.sentences[s].tokens.end > doc.tokens.len() || doc.sentences[s].tokens.is_empty()
            {
                continue;
            }
            let st = Sent::new(doc, s, mentions);
            self.code_sentence(&st, s, &mut events);
        }
        if self.opts.statement_fallback {
            self.statements(doc, mentions, &mut events);
        }
        events
    }

    /// The patterns whose trigger key is the lemma or a stem of token `t`: indices ascending,
    /// each once.
    fn candidates(&self, st: &Sent, t: usize) -> Vec<usize> {
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
    fn is_say_verb(&self, st: &Sent, t: usize) -> bool {
        let say = &self.dict.say_verbs;
        find_stem(st.form(t), |k| say.contains(k).then_some(())).is_some()
            || say.contains(st.lemma(t))
    }

    fn kind_ok(&self, st: &Sent, t: usize, kind: TriggerKind) -> bool {
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
                    || (u == "NOUN" && st.base_rel(t) == "root")
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

    fn match_at(&self, st: &Sent, pi: usize, t: usize) -> Option<Match> {
        let p: &Pattern = &self.dict.patterns[pi];
        if !self.kind_ok(st, t, p.kind) {
            return None;
        }
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
    fn elem_at(
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
            Elem::Class(c) => (1..=3).rev().find_map(|len| {
                if j + len > st.range.end {
                    return None;
                }
                let ts = j..j + len;
                (self.dict.in_class(c, st.lemmas(ts.clone()))
                    || self.dict.in_class(c, st.forms(ts)))
                .then_some((j, j + len))
            }),
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
            Elem::Before(_) => None,
        }
    }

    fn code_sentence(&self, st: &Sent, s: usize, out: &mut Vec<Event>) {
        // 1. Best match per trigger token.
        let mut matches: Vec<Match> = Vec::new();
        for t in st.range.clone() {
            if st.mention(t).is_some() {
                continue;
            }
            let best = self
                .candidates(st, t)
                .into_iter()
                .filter_map(|pi| self.match_at(st, pi, t))
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
                });
            if let Some(m) = best {
                matches.push(m);
            }
        }
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
        let triggers: BTreeSet<usize> = accepted.iter().map(|m| self.head_tok(m)).collect();
        for m in &accepted {
            self.emit(st, s, m, &triggers, out);
        }
        if st.parsed && self.cameo_rules() {
            self.must_demands(st, s, &triggers, out);
        }
    }

    /// "X said Y must V" where V is no event of the dictionary: a generic demand (100) by X on Y.
    fn must_demands(&self, st: &Sent, s: usize, triggers: &BTreeSet<usize>, out: &mut Vec<Event>) {
        for t in st.range.clone() {
            let has_must = st
                .kids(t)
                .iter()
                .any(|&c| st.base_rel(c) == "aux" && st.lemma(c) == "must");
            if !has_must || !matches!(st.base_rel(t), "ccomp" | "acl" | "parataxis") {
                continue;
            }
            // Coded already through a pattern inside the clause.
            if triggers
                .iter()
                .any(|&h| ancestors(st, h).iter().take(4).any(|&a| a == t))
            {
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
            let m = Match {
                pat: 0,
                trigger: t..t + 1,
                last: t,
                used: vec![t],
                target: None,
                source: None,
                weight: 0,
            };
            let src = srcs.into_iter().map(ActorRef::Mention).collect();
            let negated = self.negated_at(st, t);
            self.emit_with(st, s, &m, "100", negated, "demand", src, tgts, t, None, out);
        }
    }

    /// Whether the match's trigger words are the surface forms of its tokens.
    /// Whether a match is a word-sense guard (code `000`, see [`crate::dict::GUARD`]).
    fn is_guard(&self, m: &Match) -> bool {
        self.dict.patterns[m.pat].code == crate::dict::GUARD
    }

    fn exact_form(&self, st: &Sent, m: &Match) -> bool {
        self.dict.patterns[m.pat].trigger.iter().any(|a| {
            a.len() == m.trigger.len() && m.trigger.clone().zip(a).all(|(k, w)| st.form(k) == w)
        })
    }

    fn head_tok(&self, m: &Match) -> usize {
        match self.dict.patterns[m.pat].kind {
            TriggerKind::Verb => m.trigger.start,
            TriggerKind::Noun => m.trigger.end - 1,
        }
    }

    /// The governor above `h` (a verb/adjective/noun that changes the event), if any.
    fn governor(
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
        // Auxiliaries of the trigger itself.
        for &c in st.kids(h) {
            if st.rel(c) == "aux" {
                match st.lemma(c) {
                    "will" | "shall" | "'ll" => return Some((Governor::Intent, c)),
                    // Sequence of tenses: "said it would X" reports "will X".
                    "would" | "'d" if self.reported(st, h) => return Some((Governor::Intent, c)),
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
        let mut x = h;
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
            if let Some(&g) = self.dict.governors.get(st.lemma(p)) {
                // A governing noun ("call", "demand") takes its event through "for"/"to"/"on"
                // ("a call for talks"), not through any modifier ("a call held after talks").
                let noun_gov = matches!(st.upos(p), "NOUN" | "PROPN");
                let through = st
                    .case_of(x)
                    .is_some_and(|c| matches!(c, "for" | "to" | "on"));
                if !(noun_gov && g == Governor::Appeal && !through) {
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

    /// "Macron to meet Putin on April 6": `h` has the infinitive marker `to` and is the sentence
    /// root or a clause on a root name (the parser's reading of a headline's subject).
    fn headline_infinitive(&self, st: &Sent, h: usize) -> bool {
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

    /// "called the plan a disaster", "called him a liar": a verb of naming with an object and a second,
    /// predicative nominal (a noun or adjective without preposition) names or characterises; it
    /// is no phone call or visit.
    fn predicative_naming(&self, st: &Sent, h: usize) -> bool {
        if !matches!(
            st.lemma(h),
            "call" | "name" | "dub" | "label" | "brand" | "term"
        ) {
            return false;
        }
        let kids = st.kids(h);
        let Some(o) = kids.iter().copied().find(|&c| st.rel(c) == "obj") else {
            return false;
        };
        kids.iter().any(|&c| {
            c > o
                && matches!(st.rel(c), "obj" | "xcomp" | "obl:unmarked" | "obl:npmod")
                && matches!(st.upos(c), "NOUN" | "ADJ")
                && st.case_of(c).is_none()
        })
    }

    /// Whether the clause of `h` is reported speech: (through open complements and
    /// conjuncts) the clausal complement of a verb of saying ("X said it would ...").
    fn reported(&self, st: &Sent, h: usize) -> bool {
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

    /// The mention a modifier mention belongs to: "Russian" in "Russian President Vladimir Putin"
    /// → "Vladimir Putin" (climbing `amod`/`compound`/`nmod:desc`/`flat` to another mention of the
    /// same country); else `t` itself.
    fn phrase_head_mention(&self, st: &Sent, t: usize) -> usize {
        let toks = st.mentions[t].tokens.clone();
        let Some(mut x) = toks
            .clone()
            .find(|&x| st.head(x).is_none_or(|hh| !toks.contains(&hh)))
        else {
            return t;
        };
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
    fn between_actors(&self, st: &Sent, m: &Match) -> Vec<usize> {
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

    /// Rules that rely on the CAMEO composition table (reported demands, threats by intent,
    /// place targets); off for dictionaries without one (PETRARCH's).
    fn cameo_rules(&self) -> bool {
        !self.dict.compose.is_empty()
    }

    /// "X said (that) Y must V": the clause of `h` (climbing open complements) has the modal
    /// `must` and is the complement of a verb or noun whose subject is the demander. Returns
    /// (governing word, clause head).
    fn must_clause(&self, st: &Sent, h: usize) -> Option<(usize, usize)> {
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

    /// The subject of the condition ("unless Y ...", "if Y ...") attached to `h` or to its open
    /// complement: the party a threat is aimed at.
    fn condition_subject(&self, st: &Sent, h: usize) -> Vec<usize> {
        let mut heads = vec![h];
        heads.extend(st.kids(h).iter().copied().filter(|&c| st.rel(c) == "xcomp"));
        if let Some(p) = st.head(h).filter(|_| st.rel(h) == "xcomp") {
            heads.push(p);
        }
        for x in heads {
            for &c in st.kids(x) {
                if st.base_rel(c) != "advcl"
                    || !st
                        .kids(c)
                        .iter()
                        .any(|&k| st.rel(k) == "mark" && matches!(st.lemma(k), "unless" | "if"))
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

    /// The subject of the clausal complement of `h` ("demanded that Y ...", "warned that Y ...").
    fn complement_subject(&self, st: &Sent, h: usize) -> Vec<usize> {
        for &c in st.kids(h) {
            if st.base_rel(c) == "ccomp" {
                if let Some(sj) = st.kid(c, "nsubj") {
                    return self.actors_of(st, sj);
                }
            }
        }
        Vec::new()
    }

    /// A nominal event introduced by a temporal preposition ("following a call with Y", "after
    /// talks with Y"), set off by a comma or at the start of the sentence: it belongs to the main
    /// clause, whatever verb the parser attached it to.
    fn adverbial_nominal(&self, st: &Sent, h: usize) -> bool {
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
    fn topic_nominal(&self, st: &Sent, h: usize) -> bool {
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

    fn negated_at(&self, st: &Sent, t: usize) -> bool {
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
    fn denied_subject(&self, st: &Sent, c: usize) -> bool {
        matches!(st.rel(c), "nsubj" | "nsubj:pass")
            && st
                .kids(c)
                .iter()
                .any(|&d| st.base_rel(d) == "det" && st.lemma(d) == "no")
    }

    fn hypothetical_at(&self, st: &Sent, t: usize) -> bool {
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
                Some(p) if matches!(st.base_rel(x), "xcomp" | "conj" | "advcl") => x = p,
                _ => break,
            }
        }
        false
    }

    /// Actor mentions denoted by argument token `arg`, expanding conjunctions and looking into
    /// appositions and modifiers of non-actor heads ("leaders from the EU, France and Italy").
    fn actors_of(&self, st: &Sent, arg: usize) -> Vec<usize> {
        self.actors_from(st, arg, 0)
    }

    /// [`Self::actors_of`] starting at modifier depth `depth0`.
    fn actors_from(&self, st: &Sent, arg: usize, depth0: u8) -> Vec<usize> {
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
                let appos: Vec<usize> = kids
                    .iter()
                    .copied()
                    .filter(|&c| st.rel(c) == "appos")
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
    fn source_arg(&self, st: &Sent, h: usize, noun: bool) -> (Option<usize>, Option<usize>) {
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
        let mut x = h;
        let mut passive_target = None;
        for _ in 0..6 {
            if let Some(s) = st.kid(x, "nsubj") {
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

    fn target_args(&self, st: &Sent, h: usize, noun: bool) -> Vec<usize> {
        let v = self.target_args_of(st, h, noun);
        if !v.is_empty() || noun {
            return v;
        }
        // "threatened to impose sanctions on X": the arguments of an open complement.
        for &c in st.kids(h) {
            if st.rel(c) == "xcomp" {
                let v = self.target_args_of(st, c, false);
                if !v.is_empty() {
                    return v;
                }
            }
        }
        v
    }

    fn target_args_of(&self, st: &Sent, h: usize, noun: bool) -> Vec<usize> {
        let kids = st.kids(h);
        if !noun {
            for rel in ["obj", "iobj"] {
                if let Some(o) = kids.iter().copied().find(|&c| st.rel(c) == rel) {
                    if !self.actors_of(st, o).is_empty() {
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
                    if TARGET_PREPS.contains(&p) && p != "by" && !self.actors_of(st, c).is_empty() {
                        return vec![c];
                    }
                }
            }
        }
        Vec::new()
    }

    fn emit(
        &self,
        st: &Sent,
        s: usize,
        m: &Match,
        triggers: &BTreeSet<usize>,
        out: &mut Vec<Event>,
    ) {
        let p = &self.dict.patterns[m.pat];
        let noun = p.kind == TriggerKind::Noun;
        let h = self.head_tok(m);
        if noun && !st.parsed && m.target.is_none() {
            // Without a parse, a bare noun is too weak a cue (its actor is unknown).
            return;
        }
        if noun && st.parsed && p.rest.is_empty() && self.topic_nominal(st, h) {
            return;
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
            return;
        }
        // Word sense: "called X a Y" is naming, not a call (nor any contact event).
        if st.parsed && !noun && p.code.starts_with("04") && self.predicative_naming(st, h) {
            return;
        }
        let mut code = p.code.clone();
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
                    code = self
                        .dict
                        .composed(&p.code, Governor::Demand)
                        .map_or_else(|| "100".to_string(), String::from);
                    modality = "demand";
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
                            let srcs = self
                                .source_arg(st, gt, gt_noun)
                                .0
                                .map(|a| self.actors_of(st, a))
                                .unwrap_or_default();
                            if !srcs.is_empty() && srcs.iter().all(|x| !own.contains(x)) {
                                demand_args = Some((srcs, own));
                            }
                        }
                    }
                }
            }
        }
        if let Some((srcs, tgs)) = demand_args {
            let src: Vec<ActorRef> = srcs.into_iter().map(ActorRef::Mention).collect();
            let fallback = self.fallback_target(st, &code, h, &src);
            return self.emit_with(
                st, s, m, &code, negated, modality, src, tgs, h, fallback, out,
            );
        }

        // Sources.
        let mut sources: Vec<usize> = m.source.into_iter().collect();
        let mut passive_target = None;
        if !sources.is_empty() && m.target.is_none() && st.parsed {
            // The pattern names the source ("freed from $"): the subject is the other party.
            let (arg, pt) = self.source_arg(st, h, noun);
            passive_target = pt.or(arg.filter(|&a| st.rel(a) == "nsubj"));
        }
        if sources.is_empty() {
            if st.parsed {
                let between = self.between_actors(st, m);
                if !between.is_empty() {
                    let src: Vec<ActorRef> = between.into_iter().map(ActorRef::Mention).collect();
                    return self.emit_with(
                        st,
                        s,
                        m,
                        &code,
                        negated,
                        modality,
                        src,
                        Vec::new(),
                        h,
                        None,
                        out,
                    );
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
                    (a, _) => a,
                };
                if let Some(a) = arg {
                    sources = self.actors_of(st, a);
                    // A misparsed coordination can leave several subjects on one verb
                    // ("A, B, C and D welcomed ..."): they all are sources (when the first
                    // names actors; not "that Israel ease").
                    if let Some(hd) = st
                        .head(a)
                        .filter(|_| st.rel(a) == "nsubj" && !sources.is_empty())
                    {
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
                    }
                    if sources.is_empty() && FIRST_PERSON.contains(&st.form(a)) {
                        // Resolved below through the quote speaker.
                        sources = Vec::new();
                    }
                }
                if let Some(a) = arg {
                    if sources.is_empty() {
                        if let Some(sp) = self.speaker_for(st, a) {
                            return self.emit_with(
                                st,
                                s,
                                m,
                                &code,
                                negated,
                                modality,
                                vec![sp],
                                self.targets(st, m, h, noun, passive_target, &gov_target),
                                h,
                                None,
                                out,
                            );
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
        if sources.is_empty() && st.parsed && self.opts.shallow_backoff {
            // The parse found no actor: back off to word order.
            let from = gov.map_or(m.trigger.start, |(_, g)| g.min(m.trigger.start));
            sources = self.group_before(st, from);
            // The subject of a passive without an agent ("five militants were killed") is
            // what the event was done to, never its source.
            if let Some(pt) = passive_target {
                sources.retain(|&x| !st.mentions[x].tokens.contains(&pt));
            }
        }
        let mut m = m.clone();
        if st.parsed {
            // The evidence runs to the actor named, not to its modifier ("call with Russian").
            m.target = m.target.map(|t| self.phrase_head_mention(st, t));
        }
        if m.target.is_some_and(|t| sources.contains(&t)) {
            m.target = None;
        }
        let m = &m;
        let src: Vec<ActorRef> = sources.into_iter().map(ActorRef::Mention).collect();
        let mut targets = self.targets(st, m, h, noun, passive_target, &gov_target);
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
        if targets.is_empty() && st.parsed && self.cameo_rules() {
            if modality == "threat" {
                // "threatened to X unless Y ...": Y.
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
        let fallback = self.fallback_target(st, &code, h, &src);
        self.emit_with(
            st, s, m, &code, negated, modality, src, targets, h, fallback, out,
        );
    }

    /// The target of a protest or of force with no target in the text: the country of the place
    /// where it happened ("demonstrated in Kirkuk" → IRQ, "shelled targets in Jericho" → PSE),
    /// else, for protests, the authorities of the protesters' own country (a domestic protest).
    fn fallback_target(
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

    fn targets(
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
        for a in self.target_args(st, h, noun) {
            v.extend(self.actors_of(st, a));
        }
        if v.is_empty() && self.opts.shallow_backoff {
            if let Some(mi) = (m.trigger.end..=m.last)
                .find_map(|t| st.mention(t))
                .or_else(|| self.first_after(st, m.last + 1))
            {
                v = self.group_after(st, mi);
            }
        }
        v
    }

    /// Shallow governor detection for unparsed text: the words just before the trigger in its clause.
    fn shallow_governor(&self, st: &Sent, start: usize) -> Shallow {
        let mut out = Shallow::default();
        let mut j = start;
        let mut steps = 0;
        while j > st.range.start && steps < 7 {
            j -= 1;
            steps += 1;
            let f = st.form(j);
            if matches!(
                f,
                "." | ";" | ":" | "," | "\u{201c}" | "\u{201d}" | "\"" | "(" | ")"
            ) {
                break;
            }
            if matches!(f, "not" | "n't" | "never" | "no") {
                out.negated = !out.negated;
                continue;
            }
            if let Some(mi) = st.mention(j) {
                if out.skipped.is_some() || out.gov.is_some() {
                    break;
                }
                out.skipped = Some(mi);
                j = st.mentions[mi].tokens.start;
                continue;
            }
            if out.gov.is_some() {
                continue;
            }
            let g = match f {
                "will" | "shall" | "'ll" => Some(Governor::Intent),
                _ => {
                    if self.is_say_verb(st, j) {
                        break;
                    }
                    let gov = |k: &str| self.dict.governors.get(k).copied();
                    find_stem(f, gov).or_else(|| gov(st.lemma(j)))
                }
            };
            if let Some(g) = g {
                // A mention between governor and trigger is only an object for appeals/demands.
                if out.skipped.is_some() && !matches!(g, Governor::Appeal | Governor::Demand) {
                    break;
                }
                out.gov = Some((g, j));
                if !matches!(g, Governor::Intent | Governor::Hypothetical) {
                    break;
                }
            }
        }
        if out.gov.is_none() {
            out.skipped = None;
        }
        out
    }

    fn clause_stop(&self, st: &Sent, t: usize) -> bool {
        let f = st.form(t);
        matches!(
            f,
            "." | ";"
                | ":"
                | "that"
                | "who"
                | "which"
                | "whose"
                | "\u{201c}"
                | "\u{201d}"
                | "\""
                | "while"
                | "but"
                | "because"
                | "after"
                | "before"
                | "when"
                | "if"
        ) || self.is_say_verb(st, t)
    }

    /// The nearest actor mention before token `pos` in its clause, with actors coordinated with it.
    fn group_before(&self, st: &Sent, pos: usize) -> Vec<usize> {
        // "Pakistan, a key U.S. ally, has refused": skip a parenthetical that ends just before the verb.
        let mut pos = pos;
        let mut b = pos;
        while b > st.range.start
            && matches!(
                st.form(b - 1),
                "has"
                    | "have"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "also"
                    | "again"
                    | "on"
                    | "then"
            )
        {
            b -= 1;
        }
        if b > st.range.start && st.form(b - 1) == "," {
            let lo = b.saturating_sub(14).max(st.range.start);
            if let Some(k) = (lo..b - 1).rev().find(|&k| st.form(k) == ",") {
                if k > st.range.start && st.mention(k - 1).is_some() {
                    pos = k;
                }
            }
        }
        let mut j = pos;
        let mut first = None;
        while j > st.range.start {
            j -= 1;
            if let Some(mi) = st.mention(j) {
                first = Some(mi);
                break;
            }
            if matches!(st.form(j), "." | ";" | "\u{201c}" | "\u{201d}" | "\"") {
                break;
            }
        }
        let Some(mut cur) = first else {
            return Vec::new();
        };
        let mut v = vec![cur];
        loop {
            let s = st.mentions[cur].tokens.start;
            let mut k = s;
            let mut linked = false;
            while k > st.range.start && s - k < 3 {
                k -= 1;
                match st.form(k) {
                    "and" | "," | "or" | "&" | "nor" => linked = true,
                    "the" => {}
                    _ => break,
                }
            }
            if !linked {
                break;
            }
            let Some(prev) = (k..s)
                .rev()
                .find_map(|t| st.mention(t))
                .or_else(|| st.mention(k))
            else {
                break;
            };
            if prev == cur || v.contains(&prev) {
                break;
            }
            v.push(prev);
            cur = prev;
        }
        v.reverse();
        v
    }

    /// The first actor mention at or after `pos` in the clause (within 10 tokens).
    fn first_after(&self, st: &Sent, pos: usize) -> Option<usize> {
        let end = (pos + 10).min(st.range.end);
        for t in pos..end {
            if let Some(mi) = st.mention(t) {
                return Some(mi);
            }
            if t == pos && st.form(t) == "that" {
                continue;
            }
            if self.clause_stop(st, t)
                || (st.form(t) == "," && t + 1 < st.range.end && st.mention(t + 1).is_none())
            {
                return None;
            }
        }
        None
    }

    /// Mention `mi` and the actors coordinated after it ("Mauritania and Senegal").
    fn group_after(&self, st: &Sent, mi: usize) -> Vec<usize> {
        let mut v = vec![mi];
        let mut cur = mi;
        loop {
            let mut k = st.mentions[cur].tokens.end;
            let mut linked = false;
            while k < st.range.end && matches!(st.form(k), "and" | "," | "or" | "&" | "the") {
                linked |= st.form(k) != "the";
                k += 1;
            }
            let Some(next) = (k < st.range.end).then(|| st.mention(k)).flatten() else {
                break;
            };
            if !linked || v.contains(&next) {
                break;
            }
            v.push(next);
            cur = next;
        }
        v
    }

    /// The quote speaker standing behind a first-person argument inside a quotation.
    fn speaker_for(&self, st: &Sent, arg: usize) -> Option<ActorRef> {
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

    #[allow(clippy::too_many_arguments)]
    fn emit_with(
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
        if sources.is_empty() {
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
            if self.opts.reciprocal_compounds && ids.len() >= 2 && ids.len() == sources.len() {
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
                    if sa.code.is_some() && sa.code == ta.code && sa.name == ta.name {
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
        let pat = &self.dict.patterns[m.pat];
        let rev: Vec<(&str, EventActor, Option<EventActor>)> = match &pat.reverse {
            Some(rc) if pat.code == code => pairs
                .iter()
                .filter_map(|(sa, ta)| Some((rc.as_str(), ta.clone()?, Some(sa.clone()))))
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
                source: Some(sa),
                target: ta,
                negated,
                modality: modality.to_string(),
                date: date.clone(),
                place: place.clone(),
                evidence,
            });
        }
    }

    /// The governing time expression (same sentence, attached to the trigger's clause, else the
    /// nearest one in the sentence), else the publication date.
    fn date_for(&self, st: &Sent, h: usize) -> Option<String> {
        let sent_span = st.doc.sentences[st.doc.sentence_of_token(h).unwrap_or(0)].span;
        let mut best: Option<(usize, &str)> = None;
        for t in &st.doc.times {
            if !sent_span.contains(t.span) || !(t.kind == "DATE" || t.kind == "TIME") {
                continue;
            }
            if !t
                .value
                .as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_digit())
            {
                continue;
            }
            let toks = st.doc.tokens_in(t.span);
            if toks.is_empty() {
                continue;
            }
            // Distance in the tree when parsed (attached to the trigger or its ancestors), else linear.
            let mut score = toks.start.abs_diff(h) + 100;
            if st.parsed {
                let anc = ancestors(st, h);
                let mut other_noun = false;
                for tt in toks.clone() {
                    if let Some(hh) = st.head(tt) {
                        if !toks.contains(&hh) {
                            if let Some(k) = anc.iter().position(|&a| a == hh) {
                                score = score.min(k);
                            } else if matches!(st.upos(hh), "NOUN" | "PROPN") {
                                other_noun = true;
                            }
                        }
                    }
                }
                // "last week's meeting": the date of another noun, not of this event.
                if other_noun && score >= 100 {
                    continue;
                }
            }
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, t.value.as_str()));
            }
        }
        match best {
            // A date with a time of day (`2025-05-20T10:30`, `2025-05-20TMO`) is kept to its day;
            // any other value (`2017-W10-WE`, `2025-05`) is kept whole.
            Some((_, v)) => Some(match v.split_once('T') {
                Some((day, _)) if day.len() == 10 && v.as_bytes()[4] == b'-' => day.to_string(),
                _ => v.to_string(),
            }),
            None => self
                .narrative_date(st.doc, sent_span.start)
                .or_else(|| st.doc.date.map(|d| d.format("%Y-%m-%d").to_string())),
        }
    }

    /// The reference time a sentence without a date of its own inherits: the last day-precise
    /// date (`YYYY-MM-DD`) written before it in the document, when it is within the week before
    /// the publication date ("Trump spoke with Putin on Monday. ... He later told reporters ...").
    fn narrative_date(&self, doc: &Doc, before: usize) -> Option<String> {
        let pubd = doc.date?;
        doc.times
            .iter()
            .filter(|t| t.span.end <= before && t.kind == "DATE")
            .rev()
            .find_map(|t| {
                let d = chrono::NaiveDate::parse_from_str(t.value.get(..10)?, "%Y-%m-%d").ok()?;
                (t.value.len() == 10 && d <= pubd && (pubd - d).num_days() <= 7).then_some(d)
            })
            .map(|d| d.format("%Y-%m-%d").to_string())
    }

    /// A place governing the trigger: a place mention in the sentence attached to the trigger or
    /// an ancestor by `in`/`at`/`from`.
    fn place_for(&self, st: &Sent, h: usize) -> Option<EventPlace> {
        let sent_span = st.doc.sentences[st.doc.sentence_of_token(h).unwrap_or(0)].span;
        let anc = if st.parsed { ancestors(st, h) } else { vec![h] };
        for p in &st.doc.places {
            if !sent_span.contains(p.span) {
                continue;
            }
            let toks = st.doc.tokens_in(p.span);
            let attached = toks.clone().any(|t| {
                st.head(t)
                    .is_some_and(|hh| anc.contains(&hh) && !toks.contains(&hh))
                    && st
                        .case_of(t)
                        .is_some_and(|c| matches!(c, "in" | "at" | "from" | "near"))
            });
            if attached {
                return Some(EventPlace {
                    name: p.name.clone(),
                    country: p.country.clone(),
                    lat: Some(p.lat),
                    lon: Some(p.lon),
                });
            }
        }
        None
    }

    /// 010 for quotes whose speaker is an actor, when nothing was coded from the quote's sentences
    /// and the quote mentions another actor (the target). Keeps statements rare.
    fn statements(&self, doc: &Doc, mentions: &[Mention], events: &mut Vec<Event>) {
        let Some(info) = self.onto.get("010") else {
            return;
        };
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
            let from = mentions.partition_point(|m| m.span.start < q.span.start);
            let Some(target) = mentions[from..]
                .iter()
                .take_while(|m| m.span.start < q.span.end)
                .find(|m| {
                    q.span.contains(m.span)
                        && m.actor.code != actor.code
                        && m.actor.country != actor.country
                })
            else {
                continue;
            };
            let Some(&s) = sents.iter().next() else {
                continue;
            };
            // "According to X, ...": an attribution, not a statement made to anyone.
            if q.cue.is_some_and(|c| {
                doc.slice(c)
                    .trim_start()
                    .to_lowercase()
                    .starts_with("according")
            }) {
                continue;
            }
            let h = doc.tokens_in(q.span).start;
            let st = Sent::new(doc, s, mentions);
            extra.push(Event {
                sentence: s,
                cameo: "010".into(),
                goldstein: info.goldstein,
                quad: info.quad,
                plover: None,
                source: Some(EventActor {
                    span: Some(sp.span),
                    name: actor.name.clone(),
                    code: Some(actor.code.clone()),
                    country: actor.country.clone(),
                    country_from: actor.country_from,
                }),
                target: Some(to_actor(target)),
                negated: false,
                modality: "actual".into(),
                date: self.date_for(&st, h.min(doc.tokens.len().saturating_sub(1))),
                place: None,
                evidence: q.cue.unwrap_or(q.span),
            });
        }
        events.extend(extra);
        events.sort_by_key(|e| (e.sentence, e.evidence.start));
    }
}

/// Result of shallow governor detection.
#[derive(Debug, Default)]
struct Shallow {
    gov: Option<(Governor, usize)>,
    negated: bool,
    skipped: Option<usize>,
}

/// A source: an actor mention, or a quote speaker standing in for "we"/"I".
enum ActorRef {
    Mention(usize),
    Speaker(EventActor),
}

impl ActorRef {
    fn mention(&self) -> Option<usize> {
        match self {
            ActorRef::Mention(m) => Some(*m),
            ActorRef::Speaker(_) => None,
        }
    }
    fn actor(&self, st: &Sent) -> EventActor {
        match self {
            ActorRef::Mention(m) => to_actor(&st.mentions[*m]),
            ActorRef::Speaker(a) => a.clone(),
        }
    }
}

fn to_actor(m: &Mention) -> EventActor {
    EventActor {
        span: Some(m.span),
        name: m.actor.name.clone(),
        code: Some(m.actor.code.clone()),
        country: m.actor.country.clone(),
        country_from: m.actor.country_from,
    }
}

fn ancestors(st: &Sent, h: usize) -> Vec<usize> {
    let mut v = vec![h];
    let mut x = h;
    while let Some(p) = st.head(x) {
        if v.contains(&p) || v.len() > 20 {
            break;
        }
        v.push(p);
        x = p;
    }
    v
}

/// Quad class from the root of a code, for codes outside the ontology.
pub fn quad_of(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=9) => 2,
        Some(10..=14) => 3,
        Some(15..=20) => 4,
        _ => 0,
    }
}
