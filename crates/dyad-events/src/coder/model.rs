//! The trained event classifier in the coder: features of a trigger (its lemma, dependents,
//! argument types and the sentence), the trigger a training example points at, and model events
//! for sentences no pattern codes.

use super::args::ActorRef;
use super::matching::Match;
use super::sent::Sent;
use super::Coder;
use crate::classifier::Classifier;
use crate::dict::Governor;
use crate::mentions::Mention;
use dyad_doc::{Doc, Event, Span};
use std::collections::BTreeSet;
use std::sync::Arc;

/// The committed classifier (`data/models/events/classifier.tsv`), read once; `None` when the file
/// is empty.
pub(super) fn embedded() -> Option<Arc<Classifier>> {
    static MODEL: once_cell::sync::Lazy<Option<Arc<Classifier>>> =
        once_cell::sync::Lazy::new(|| {
            Classifier::embedded(
                include_str!("../../../../data/models/events/classifier.tsv"),
                "data/models/events/classifier.tsv",
            )
        });
    MODEL.clone()
}

/// The sentence's content words (nouns, verbs, adjectives outside actor mentions) as sorted
/// `s=LEMMA` features, with how many tokens have each lemma.
pub(super) struct Words(Vec<(String, usize)>);

impl Words {
    pub(super) fn of(st: &Sent) -> Words {
        let mut m: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        for x in st.range.clone() {
            if Words::counts(st, x) {
                *m.entry(cat(&["s=", st.lemma(x)])).or_default() += 1;
            }
        }
        Words(m.into_iter().collect())
    }

    /// Whether token `x` is one of the words.
    fn counts(st: &Sent, x: usize) -> bool {
        matches!(st.upos(x), "NOUN" | "VERB" | "ADJ") && st.mention(x).is_none()
    }

    /// The features of the words other than token `t` (the trigger).
    pub(super) fn except<'a>(
        &'a self,
        st: &'a Sent,
        t: usize,
    ) -> impl Iterator<Item = &'a str> + 'a {
        let own = Words::counts(st, t).then(|| st.lemma(t));
        self.0
            .iter()
            .filter(move |(f, n)| *n >= 2 || own.is_none_or(|l| &f[2..] != l))
            .map(|(f, _)| f.as_str())
    }
}

/// Two sorted, distinct string sequences merged in order (a string in both once).
pub(super) struct Merge<'a, A: Iterator<Item = &'a str>, B: Iterator<Item = &'a str>> {
    a: std::iter::Peekable<A>,
    b: std::iter::Peekable<B>,
}

impl<'a, A: Iterator<Item = &'a str>, B: Iterator<Item = &'a str>> Merge<'a, A, B> {
    pub(super) fn new(a: A, b: B) -> Self {
        Merge {
            a: a.peekable(),
            b: b.peekable(),
        }
    }
}

impl<'a, A: Iterator<Item = &'a str>, B: Iterator<Item = &'a str>> Iterator for Merge<'a, A, B> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        match (self.a.peek(), self.b.peek()) {
            (Some(x), Some(y)) if x == y => {
                self.b.next();
                self.a.next()
            }
            (Some(x), Some(y)) if x < y => self.a.next(),
            (Some(_), Some(_)) | (None, _) => self.b.next(),
            (Some(_), None) => self.a.next(),
        }
    }
}

/// The pieces joined into one string, allocated once: a feature name (`format!` costs several
/// times as much for these short strings, and the coder writes dozens per sentence).
pub(super) fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// Relations whose dependent lemma is a feature of the trigger.
const DEP_RELS: &[&str] = &[
    "obj", "iobj", "obl", "nmod", "xcomp", "ccomp", "advmod", "aux", "compound", "advcl", "nsubj",
];

/// The sector part of an actor code (`USAGOV` → `GOV`), or `STATE` for a bare country.
fn sector(m: &Mention) -> String {
    let c = &m.actor.code;
    match m.actor.country.as_deref() {
        Some(k) if c.len() > k.len() && c.starts_with(k) => c[k.len()..].to_string(),
        Some(_) => "STATE".into(),
        None => c
            .get(3..)
            .filter(|s| !s.is_empty())
            .unwrap_or("X")
            .to_string(),
    }
}

impl Coder {
    /// Features of token `t` as a trigger (strings, sorted and distinct): its own
    /// ([`Self::verb_features`]) and the sentence's content words but itself ([`Words`]).
    pub(super) fn trigger_features(&self, st: &Sent, t: usize) -> Vec<String> {
        let mut f = self.verb_features(st, t);
        f.extend(st.words().except(st, t).map(String::from));
        f.sort();
        f.dedup();
        f
    }

    /// The features of token `t` itself (sorted, distinct; none starts with `s=`).
    pub(super) fn verb_features(&self, st: &Sent, t: usize) -> Vec<String> {
        let l = st.lemma(t);
        let mut f = vec![
            cat(&["l=", l]),
            cat(&["u=", st.upos(t)]),
            cat(&["r=", st.base_rel(t)]),
            cat(&["lu=", l, "|", st.upos(t)]),
        ];
        if let Some(hd) = st.head(t) {
            f.push(cat(&["h=", st.lemma(hd)]));
            f.push(cat(&["hr=", st.lemma(hd), "|", st.base_rel(t)]));
        } else {
            f.push("root".into());
        }
        for &c in st.kids(t) {
            let r = st.base_rel(c);
            if !DEP_RELS.contains(&r) {
                continue;
            }
            let cl = st.lemma(c);
            let case = st.case_of(c).unwrap_or("");
            f.push(cat(&["d=", r]));
            match st.mention(c) {
                Some(m) => f.push(cat(&["da=", r, "|", case, "|", &sector(&st.mentions[m])])),
                None => {
                    f.push(cat(&["d=", r, "|", case, "|", cl]));
                    f.push(cat(&["ld=", l, "|", r, "|", case, "|", cl]));
                }
            }
            if case.is_empty() {
                continue;
            }
            f.push(cat(&["lc=", l, "|", case]));
        }
        if self.negated_at(st, t) {
            f.push("neg".into());
        }
        let noun = matches!(st.upos(t), "NOUN" | "PROPN");
        let (src, passive) = self.source_arg(st, t, noun);
        if passive.is_some() {
            f.push("passive".into());
        }
        match src
            .map(|a| self.actors_of(st, a))
            .unwrap_or_default()
            .first()
        {
            Some(&m) => f.push(cat(&["src=", &sector(&st.mentions[m])])),
            None => f.push("src=none".into()),
        }
        let tg: Vec<usize> = self
            .target_args(st, t, noun)
            .into_iter()
            .flat_map(|a| self.actors_of(st, a))
            .collect();
        match tg.first() {
            Some(&m) => f.push(cat(&["tgt=", &sector(&st.mentions[m])])),
            None => f.push("tgt=none".into()),
        }
        f.sort();
        f.dedup();
        f
    }

    /// The trigger a marked source points at: the head of the source phrase's clause (the verb
    /// whose subject or agent the phrase is), else the sentence root.
    pub(super) fn trigger_of_source(&self, st: &Sent, source: Option<Span>) -> Option<usize> {
        if let Some(sp) = source {
            let toks: Vec<usize> = st
                .range
                .clone()
                .filter(|&t| sp.contains(st.doc.tokens[t].span))
                .collect();
            // The phrase head: a token whose head is outside the phrase.
            if let Some(&x) = toks
                .iter()
                .find(|&&x| st.head(x).is_none_or(|h| !toks.contains(&h)))
            {
                let mut x = x;
                for _ in 0..3 {
                    let Some(h) = st.head(x) else { break };
                    match st.base_rel(x) {
                        "nsubj" | "csubj" => return Some(h),
                        "obl" if st.rel(x) == "obl:agent" || st.case_of(x) == Some("by") => {
                            return Some(h)
                        }
                        "nmod" if st.rel(x) == "nmod:poss" => return Some(h),
                        "conj" | "appos" | "flat" | "compound" | "amod" | "nmod" => x = h,
                        _ => break,
                    }
                }
            }
        }
        st.range
            .clone()
            .find(|&t| st.head(t).is_none() && st.base_rel(t) == "root")
    }

    /// A training example from a parsed document: the features of the trigger the marked source
    /// points at (sentence 0), or `None` when there is no such token.
    pub fn example(&self, doc: &Doc, source: Option<Span>) -> Option<Vec<String>> {
        self.examples(doc, source).map(|(f, _)| f)
    }

    /// [`Self::example`] with the counter-examples of the sentence: the features of every other verb
    /// the model would consider (a verb whose subject or agent names an actor), which are not the
    /// coded event (class `NONE`).
    pub fn examples(
        &self,
        doc: &Doc,
        source: Option<Span>,
    ) -> Option<(Vec<String>, Vec<Vec<String>>)> {
        if doc.sentences.is_empty() || doc.sentences[0].tokens.end > doc.tokens.len() {
            return None;
        }
        let mentions = crate::mentions::from_doc(doc);
        let st = Sent::new(doc, 0, &mentions);
        if !st.parsed {
            return None;
        }
        let t = self.trigger_of_source(&st, source)?;
        let others = st
            .range
            .clone()
            .filter(|&x| x != t && !self.actor_subjects(&st, x).is_empty())
            .map(|x| self.trigger_features(&st, x))
            .collect();
        Some((self.trigger_features(&st, t), others))
    }

    /// The actors of the subject (or passive agent) of verb `t`; empty when `t` is no verb the
    /// model considers.
    fn actor_subjects(&self, st: &Sent, t: usize) -> Vec<usize> {
        if st.upos(t) != "VERB" || st.mention(t).is_some() {
            return Vec::new();
        }
        let (arg, _) = self.source_arg(st, t, false);
        arg.map(|a| self.actors_of(st, a)).unwrap_or_default()
    }

    /// The model event of a sentence no pattern coded: the verb with an actor as subject that the
    /// classifier is surest of (its class not `NONE`), when its probability reaches
    /// `min_confidence`. `guards`: the tokens whose best pattern match is a word-sense guard
    /// (ascending, from [`Self::select_guards`]), which the classifier does not code either.
    pub(super) fn model_sentence(
        &self,
        st: &Sent,
        s: usize,
        model: &Classifier,
        guards: &[usize],
        out: &mut Vec<Event>,
    ) {
        if !st.parsed {
            return;
        }
        let words = st.words();
        let mut best: Option<(f32, usize, usize, Vec<usize>)> = None;
        for t in st.range.clone() {
            let srcs = self.actor_subjects(st, t);
            if srcs.is_empty() || guards.binary_search(&t).is_ok() {
                continue;
            }
            // "footage showing troops": a recording shows; no actor acts (as `sense_dropped`).
            if self.recording_shows(st, t) {
                continue;
            }
            // The same sorted feature set as `trigger_features`, merged without copying.
            let own = self.verb_features(st, t);
            let feats = Merge::new(own.iter().map(String::as_str), words.except(st, t));
            let Some((k, p)) = model.best_of(feats) else {
                continue;
            };
            // The class `NONE` (no event) has no code.
            if model.codes[k].is_empty() {
                continue;
            }
            // "a passenger flight arrived in X": no visit (as `sense_dropped`).
            if model.codes[k].starts_with("042") && self.traveller_arrival(st, t) {
                continue;
            }
            if p >= self.opts.min_confidence && best.as_ref().is_none_or(|b| p > b.0) {
                best = Some((p, t, k, srcs));
            }
        }
        if let Some((p, t, k, srcs)) = best {
            self.emit_model_event(st, s, t, &model.codes[k], p, srcs, out);
        }
    }

    /// One model event at trigger `t`: roles from the parse, negation and modality from the clause.
    #[allow(clippy::too_many_arguments)]
    fn emit_model_event(
        &self,
        st: &Sent,
        s: usize,
        t: usize,
        code: &str,
        p: f32,
        srcs: Vec<usize>,
        out: &mut Vec<Event>,
    ) {
        let (_, passive) = self.source_arg(st, t, false);
        let mut targets: Vec<usize> = passive.map(|a| self.actors_of(st, a)).unwrap_or_default();
        if targets.is_empty() {
            for a in self.target_args(st, t, false) {
                targets.extend(self.actors_of(st, a));
            }
        }
        let gov = self.governor(st, t, &BTreeSet::new());
        if self.unreal(st, t, gov) {
            return;
        }
        let mut negated = self.negated_at(st, t);
        let mut modality = if self.hypothetical_at(st, t) {
            "hypothetical"
        } else {
            "actual"
        };
        match gov.map(|(g, _)| g) {
            Some(Governor::Intent) => modality = "intent",
            Some(Governor::Hypothetical) => modality = "hypothetical",
            Some(Governor::Threat) => modality = "threat",
            Some(Governor::Appeal | Governor::Demand) => modality = "demand",
            Some(Governor::Negate | Governor::Reject) => negated = !negated,
            None => {}
        }
        let m = Match::single(usize::MAX, t);
        let n0 = out.len();
        let src = srcs.into_iter().map(ActorRef::Mention).collect();
        self.emit_with(
            st, s, &m, code, negated, modality, src, targets, t, None, out,
        );
        for e in &mut out[n0..] {
            e.by = "model";
            e.confidence = p;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{condemned, shelled};
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn merged_features_are_the_sorted_trigger_features() {
        let c = Coder::embedded();
        let (d, ms) = super::super::fixtures::will_attack(true);
        let st = Sent::new(&d, 0, &ms);
        let words = Words::of(&st);
        for t in st.range.clone() {
            let own = c.verb_features(&st, t);
            let merged: Vec<&str> =
                Merge::new(own.iter().map(String::as_str), words.except(&st, t)).collect();
            assert_eq!(merged, c.trigger_features(&st, t), "token {t}");
        }
    }

    #[test]
    fn committed_model_parses() {
        // `embedded` panics on a bad file; an empty file is no model.
        if let Some(m) = embedded() {
            // Every class but NONE has a code.
            for (l, c) in m.labels.iter().zip(&m.codes) {
                assert_eq!(c.is_empty(), l == crate::train::NONE, "{l}");
            }
        }
    }

    #[test]
    fn features_name_lemma_dependents_and_argument_types() {
        let c = Coder::embedded();
        let (d, ms) = condemned();
        let st = Sent::new(&d, 0, &ms);
        let f = c.trigger_features(&st, 3);
        for x in [
            "l=condemn",
            "u=VERB",
            "root",
            "src=STATE",
            "tgt=STATE",
            "da=obj||STATE",
        ] {
            assert!(f.contains(&x.to_string()), "{x} in {f:?}");
        }
        let (d, ms) = shelled();
        let st = Sent::new(&d, 0, &ms);
        let f = c.trigger_features(&st, 2);
        assert!(f.contains(&"passive".to_string()) && f.contains(&"src=MIL".to_string()));
    }

    #[test]
    fn marked_source_points_at_its_verb() {
        let c = Coder::embedded();
        let (d, ms) = shelled();
        let st = Sent::new(&d, 0, &ms);
        // "Russian artillery" is the agent of "shelled".
        let sp = d.tokens[4].span.cover(d.tokens[5].span);
        assert_eq!(c.trigger_of_source(&st, Some(sp)), Some(2));
        assert_eq!(c.trigger_of_source(&st, None), Some(2));
        assert!(c.example(&d, Some(sp)).is_some());
        // "Iran will attack Israel if Israel withdraws": the root is the example, the other verb
        // with an actor subject a counter-example.
        let (d, _) = super::super::fixtures::will_attack(false);
        let (pos, neg) = c.examples(&d, None).unwrap();
        assert!(pos.contains(&"l=attack".to_string()));
        assert_eq!(neg.len(), 1);
        assert!(neg[0].contains(&"l=withdraw".to_string()));
    }

    #[test]
    fn model_codes_an_uncoded_sentence_above_the_threshold() {
        let mut c = Coder::embedded();
        let (d, ms) = condemned();
        // A model trained on this one trigger's features (label ACCUSE → 112).
        let f = c.example(&d, None).unwrap();
        let data: Vec<_> = (0..10)
            .map(|i| {
                (
                    f.clone(),
                    if i < 8 { "ACCUSE" } else { "CONSULT" }.to_string(),
                )
            })
            .collect();
        let codes = BTreeMap::from([
            ("ACCUSE".to_string(), "112".to_string()),
            ("CONSULT".to_string(), "040".to_string()),
        ]);
        let opts = crate::classifier::TrainOptions {
            min_count: 1,
            ..Default::default()
        };
        let model = Classifier::train(&data, &codes, &opts);
        let mut out = Vec::new();
        c.opts.min_confidence = 0.5;
        let st = Sent::new(&d, 0, &ms);
        c.model_sentence(&st, 0, &model, &c.select_guards(&st).1, &mut out);
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(out.iter().all(|e| e.cameo == "112" && e.by == "model"));
        assert!(out[0].confidence > 0.5 && out[0].confidence < 1.0);
        assert_eq!(
            out[0].target.as_ref().and_then(|a| a.code.as_deref()),
            Some("JPN")
        );
        // A sentence coded by a pattern gets nothing ("condemned" is one); nor does one below the
        // threshold.
        let mut with_model = c.clone();
        with_model.model = Some(Arc::new(model.clone()));
        let ev = with_model.code(&d, &ms);
        assert!(!ev.is_empty() && ev.iter().all(|e| e.by == "pattern"));
        let mut out = Vec::new();
        c.opts.min_confidence = 0.99;
        c.model_sentence(&st, 0, &model, &c.select_guards(&st).1, &mut out);
        assert!(out.is_empty());
        // Nor does a word a word-sense guard takes ("000 condemn +": the guard is the best match
        // at "condemned", so the classifier does not code that word either).
        let mut guarded = c.clone();
        guarded.dict = crate::dict::EventDict::parse(
            &[("verbs.txt".to_string(), "000 condemn +\n".to_string())],
            &crate::ontology::Ontology::embedded(),
        )
        .unwrap();
        guarded.opts.min_confidence = 0.5;
        let mut out = Vec::new();
        guarded.model_sentence(&st, 0, &model, &guarded.select_guards(&st).1, &mut out);
        assert!(out.is_empty(), "{out:?}");
        // A model for which the verb is most likely no event (`NONE`, no code) codes nothing.
        let data: Vec<_> = (0..10)
            .map(|i| (f.clone(), if i < 8 { "NONE" } else { "ACCUSE" }.to_string()))
            .collect();
        let model = Classifier::train(&data, &codes, &opts);
        c.opts.min_confidence = 0.0;
        c.model_sentence(&st, 0, &model, &c.select_guards(&st).1, &mut out);
        assert!(out.is_empty());
    }
}
