//! Finding quotations: direct segments in marks, reported speech around cue verbs, and the
//! mixed quotes that combine them; then attaching speaker, cue and channel.
//!
//! Three passes over the document:
//! 1. **Direct**: each quoted segment that stands as a clause (introduced by nothing, a comma, a
//!    colon or a cue) is a direct quote; its cue and speaker come from the words after it
//!    (`“…,” Peskov told RIA`) or before it (`Trump replied, “…”`).
//! 2. **Reported**: every remaining cue verb claims its content: the clause after it
//!    (`X said (that) …`, `quoted X as saying …`, `according to X, …`) or before it
//!    (`…, a source said.`). Content holding quoted words is *mixed*.
//! 3. **Continuation**: a direct quote with no cue of its own (the second half of a split quote, a
//!    quote standing after a cue sentence) takes the speaker and cue of the quote just before it.

use crate::channel::Channels;
use crate::cuemodel::CueModel;
use crate::filter::{self, AttrFilter};
use crate::lexicon::{Cue, CueClass, Lexicon};
use crate::marks::{self, Segment};
use crate::speaker::{Np, Resolver};
use crate::view::View;
use dyad_doc::{Doc, Quote, QuoteKind, Span, SpanIndex, SpanSet};
use std::ops::Range;

mod trailing;

/// A quote before its speaker phrase is resolved.
#[derive(Debug, Clone)]
struct Cand {
    content: Span,
    kind: QuoteKind,
    /// Cue token range.
    cue: Option<Range<usize>>,
    /// Speaker phrase token range.
    speaker: Option<Range<usize>>,
    /// The phrase the speaker resolves through when the mention itself names no one: the
    /// antecedent of "who", the speaker of the quote around a first-person cue.
    refers: Option<Range<usize>>,
    /// Sentence of the cue (or of the quote).
    sent: usize,
    /// A channel fixed by the construction ("Russian media quoted X as saying").
    channel: Option<String>,
    /// The cue is known only by its parse frame (not a reporting verb of the lexicon): the quote
    /// stands only when its speaker resolves to someone.
    frame_only: bool,
    /// Sentence token range searched for a channel.
    scope: Range<usize>,
}

impl Cand {
    /// An indirect candidate with content `span`, cue `cue` and speaker phrase `speaker`, in
    /// sentence `s`.
    fn indirect(
        span: Span,
        cue: Range<usize>,
        speaker: Option<Range<usize>>,
        s: usize,
        sent: &Range<usize>,
        channel: Option<String>,
    ) -> Cand {
        Cand {
            content: span,
            kind: QuoteKind::Indirect,
            cue: Some(cue),
            speaker,
            refers: None,
            sent: s,
            channel,
            frame_only: false,
            scope: sent.clone(),
        }
    }
}

/// The form of reported content after its cue (see `Ctx::content_form`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ContentForm {
    Clause,
    Infinitive,
    /// A phrase with a direct object of the cue ("the office on Monday").
    Object,
    Phrase,
}

const SPLIT_WORDS: &[&str] = &["according"];

/// How many sentences a direct quote without a cue may lie after the quote whose speaker it
/// continues (within the same or the next paragraph): news quotes run on over several sentences
/// (on PolNeAR train 1 → 5 raised direct precision 0.865 → 0.873 with recall unchanged).
const MAX_CONTINUATION_GAP: usize = 5;

/// Cue-model probability from which a verb inside another candidate's content makes its own
/// attribution (`nested_cue`). Chosen on fold 0 of 5 of PolNeAR train with the filter retrained
/// on the other folds (docs/models.md): 0.95 → 0.6 trade recall for precision, 0.8 did best
/// (with the filter's keep threshold 0.35: P 0.814 R 0.645 → P 0.815 R 0.653).
const NESTED_CUE_P: f32 = 0.8;

/// Whether participial adjunct cues (`Finder::adjunct_cue`) make attributions of their own.
const ADJUNCT_CUES: bool = true;

/// Cue-model probability from which an "-ing" verb after a comma, dash, "and", "before", "after"
/// or "while" is a participial adjunct cue (`Finder::adjunct_cue`). Chosen on PolNeAR train
/// (quote stage, shipped models; matched / predicted 13,812 / 16,765 before). Without the
/// clause test: 0.9 gives 13,846 / 16,806, 0.8 13,865 / 16,835, 0.6 13,888 / 16,873 (on news
/// about half of the new quotes were acts: "ordering a round"); with it (shipped): 0.8 13,852 /
/// 16,813, 0.6 13,864 / 16,831, 0.3 13,863 / 16,838. "by" as a connective added 4 matches for
/// 36 predictions and is left out.
const ADJUNCT_CUE_P: f32 = 0.6;

/// Finds the quotes of a document with a given lexicon.
pub struct Finder {
    lex: Lexicon,
    cues: CueModel,
    filter: AttrFilter,
}

struct Ctx<'a> {
    doc: &'a Doc,
    v: &'a View<'a>,
    lex: &'a Lexicon,
    np: Np<'a>,
    segs: Vec<Segment>,
    /// For each token, the segment whose outer span holds it.
    seg_of: Vec<Option<usize>>,
    /// For each token, whether it lies in a quotation paragraph left open and run into the next
    /// one (`marks::run_on_quotes`): quoted speech outside every segment.
    run_on: Vec<bool>,
    used: Vec<bool>,
    claimed: Claimed,
    /// Per token, its strongest complement in the parse (`ccomp`, `xcomp`, `obj`, `acl`, `none`).
    frame: Vec<&'static str>,
    /// Per token, the trained cue model's probability that it heads a cue (0 when not scored).
    cue_p: Vec<f32>,
    model: &'a CueModel,
    /// Cue-model probability from which a word is a cue: the model's own threshold, or the
    /// filter's lower one when the filter judges the candidates.
    cue_threshold: f32,
    filter: &'a AttrFilter,
}

/// Spans already taken by a candidate, in the order they were claimed (the last can be given
/// back), with a [`SpanSet`] so that checking a token against them stays cheap in long documents.
#[derive(Default)]
struct Claimed {
    order: Vec<Span>,
    set: SpanSet,
}

impl Claimed {
    fn push(&mut self, s: Span) {
        self.order.push(s);
        self.set.insert(s);
    }

    fn pop(&mut self) -> Option<Span> {
        let s = self.order.pop()?;
        self.set.remove(s);
        Some(s)
    }

    fn contains(&self, s: Span) -> bool {
        self.set.contains(s)
    }
}

impl Finder {
    /// A finder using `lex` and the embedded cue model.
    pub fn new(lex: Lexicon) -> Finder {
        Finder::with_model(lex, CueModel::embedded())
    }

    /// A finder using `lex`, the cue model `cues` (an empty model finds no cue by itself) and
    /// the embedded attribution filter.
    pub fn with_model(lex: Lexicon, cues: CueModel) -> Finder {
        Finder::with_models(lex, cues, AttrFilter::embedded())
    }

    /// A finder using `lex`, the cue model `cues` and the attribution filter `filter` (an empty
    /// filter keeps every candidate and leaves the cue model's threshold as it is).
    pub fn with_models(lex: Lexicon, cues: CueModel, filter: AttrFilter) -> Finder {
        Finder { lex, cues, filter }
    }

    /// All quotes of `doc`, sorted by content start.
    pub fn find(&self, doc: &Doc) -> Vec<Quote> {
        self.run(doc, false).into_iter().map(|(q, _)| q).collect()
    }

    /// Every candidate quote of `doc` before the attribution filter, with the filter's features
    /// for those that have a cue (training data for the filter, `examples/cached.rs`).
    pub fn candidates(&self, doc: &Doc) -> Vec<(Quote, Option<Vec<String>>)> {
        self.run(doc, true)
    }

    fn run(&self, doc: &Doc, collect: bool) -> Vec<(Quote, Option<Vec<String>>)> {
        let v = View::new(doc);
        if v.toks.is_empty() || v.sents.is_empty() {
            return Vec::new();
        }
        let segs = marks::segments(&doc.text);
        let mut seg_of = vec![None; v.toks.len()];
        let mut si = 0;
        for (k, t) in v.toks.iter().enumerate() {
            while si < segs.len() && segs[si].outer.end <= t.span.start {
                si += 1;
            }
            if si < segs.len() && segs[si].outer.contains(t.span) {
                seg_of[k] = Some(si);
            }
        }
        let mut run_on = vec![false; v.toks.len()];
        let stretches = marks::run_on_quotes(&doc.text);
        let mut ri = 0;
        for (k, t) in v.toks.iter().enumerate() {
            while ri < stretches.len() && stretches[ri].end <= t.span.start {
                ri += 1;
            }
            run_on[k] = ri < stretches.len() && stretches[ri].contains(t.span);
        }
        let mut frame = vec!["none"; v.toks.len()];
        if v.parsed {
            let rank = |f: &str| {
                ["ccomp", "xcomp", "obj", "acl"]
                    .iter()
                    .position(|x| *x == f)
            };
            for t in &v.toks {
                let Some(h) = t.head else { continue };
                let rel = t.deprel.split(':').next().unwrap_or("");
                if let Some(r) = rank(rel) {
                    let cur = rank(frame[h]).unwrap_or(usize::MAX);
                    if r < cur {
                        frame[h] = ["ccomp", "xcomp", "obj", "acl"][r];
                    }
                }
            }
        }
        let cue_p = crate::cuemodel::probs(&v, &self.cues);
        let mut cx = Ctx {
            doc,
            v: &v,
            lex: &self.lex,
            np: Np {
                v: &v,
                lex: &self.lex,
            },
            segs,
            seg_of,
            run_on,
            used: vec![false; v.toks.len()],
            claimed: Claimed::default(),
            frame,
            cue_p,
            model: &self.cues,
            cue_threshold: match self.filter.cue_threshold {
                Some(t) if !self.filter.is_empty() => t,
                _ => self.cues.threshold,
            },
            filter: &self.filter,
        };
        let mut cands = Vec::new();
        let mut direct = cx.direct(&mut cands);
        cx.reported(&mut cands, &mut direct);
        cx.continuations(&mut cands);
        cx.finish(cands, collect)
    }
}

impl Ctx<'_> {
    fn lower(&self, i: usize) -> &str {
        &self.v.toks[i].lower
    }

    fn cue(&self, i: usize) -> Option<&Cue> {
        self.lex.cue(&self.v.toks[i].lower)
    }

    /// A cue form used in a passive or a role sense, not as a reporting verb: "welcomed by Moscow",
    /// "X Confirmed as Education Secretary", "was announced on Monday" — unless a content clause or
    /// a quote follows ("it was reported that …", "was quoted as saying").
    fn passive_or_role(&self, i: usize, sent: &Range<usize>, takes_as: bool) -> bool {
        let next = (i + 1 < sent.end).then(|| self.lower(i + 1));
        if next == Some("by") {
            return true; // "welcomed by Moscow"
        }
        if next == Some("as") && !takes_as {
            return true; // "confirmed as secretary", "named as"
        }
        let w = self.lower(i);
        if !w.ends_with("ed") && !matches!(w, "told" | "shown" | "known" | "thought" | "seen") {
            return false;
        }
        let mut j = i;
        while j > sent.start && self.np_adverb(j - 1) {
            j -= 1;
        }
        let aux = j > sent.start
            && matches!(
                self.lower(j - 1),
                "was" | "were" | "been" | "being" | "be" | "is" | "are" | "get" | "got"
            );
        let content_follows = (i + 1..(i + 4).min(sent.end)).any(|k| {
            matches!(self.lower(k), "that" | ":")
                || self.seg_of[k]
                    .is_some_and(|s| self.segs[s].outer.start == self.v.toks[k].span.start)
        });
        // A passive of approval or appointment ("was confirmed today to serve").
        aux && !content_follows && self.cue(i).is_some_and(|c| c.class != CueClass::Belief)
    }

    /// Whether a candidate's cue is a verb of material action (`[acts]` of words.txt) whose
    /// content is its direct object.
    fn act_on_object(&self, c: &Cand) -> bool {
        c.cue.as_ref().is_some_and(|r| {
            self.lex.is("acts", &self.v.toks[r.end - 1].lemma)
                && self.content_form(c) == ContentForm::Object
        })
    }

    /// With a parse: the form of a candidate's content after its cue — a clause (a "that"/wh
    /// clause, a clause with its own subject, a clausal complement of the cue), an infinitive
    /// ("to resist") or a phrase (a noun phrase, an adjective, a bare participle: "the office on
    /// Monday", "guilty"). Without a parse every content counts as a clause.
    fn content_form(&self, c: &Cand) -> ContentForm {
        if !self.v.parsed {
            return ContentForm::Clause;
        }
        let toks = &self.v.toks;
        let lo = toks.partition_point(|t| t.span.start < c.content.start);
        let hi = toks.partition_point(|t| t.span.start < c.content.end);
        let inside = |j: usize| (lo..hi).contains(&j);
        let Some(first) = (lo..hi).find(|&j| toks[j].upos != "PUNCT") else {
            return ContentForm::Clause;
        };
        if matches!(
            toks[first].lower.as_ref(),
            "that" | "whether" | "if" | "what" | "why" | "how" | "who" | "when" | "where" | "which"
        ) {
            return ContentForm::Clause;
        }
        // The content's roots: its tokens whose head lies outside it.
        let roots: Vec<usize> = (lo..hi)
            .filter(|&j| toks[j].upos != "PUNCT" && toks[j].head.is_none_or(|h| !inside(h)))
            .collect();
        let mut infinitive = false;
        for &r in &roots {
            let rel = toks[r].deprel.split(':').next().unwrap_or("");
            if matches!(rel, "ccomp" | "parataxis" | "csubj") {
                return ContentForm::Clause;
            }
            let has =
                |pred: &dyn Fn(usize) -> bool| (lo..hi).any(|j| toks[j].head == Some(r) && pred(j));
            if has(&|j| {
                let d = toks[j].deprel.split(':').next().unwrap_or("");
                matches!(d, "nsubj" | "csubj" | "expl")
            }) {
                return ContentForm::Clause;
            }
            if has(&|j| toks[j].deprel.starts_with("mark") && toks[j].lower == "to") {
                infinitive = true;
            }
        }
        if infinitive || toks[first].lower == "to" {
            ContentForm::Infinitive
        } else if roots
            .iter()
            .any(|&r| matches!(toks[r].deprel.split(':').next(), Some("obj" | "iobj")))
        {
            ContentForm::Object
        } else {
            ContentForm::Phrase
        }
    }

    /// Whether a parsed token is a cue by its frame (lemma, POS and strongest complement), as
    /// listed in `data/quotes/frames.tsv` (triples that were cues at least 70% of the time outside other attributions).
    fn frame_cue(&self, i: usize) -> bool {
        let t = &self.v.toks[i];
        let p = self.cue_p[i];
        let m = self.model;
        !m.is_empty() && p >= self.cue_threshold
            || self.v.parsed
                && (m.is_empty() || p >= m.frame_floor)
                && self
                    .lex
                    .frame_share(&t.lemma, &t.upos, self.frame[i])
                    .is_some()
    }

    /// The cue entry of token `i`: from the cue lexicon, else a belief-like cue for a frame cue.
    fn cue_at(&self, i: usize) -> Option<Cue> {
        self.cue(i).cloned().or_else(|| {
            self.frame_cue(i).then(|| Cue {
                lemma: self.v.toks[i].lemma.to_string(),
                class: CueClass::Belief,
                needs_that: false,
                takes_object: false,
                takes_as: false,
            })
        })
    }

    fn tspan(&self, r: &Range<usize>) -> Span {
        Span::new(
            self.v.toks[r.start].span.start,
            self.v.toks[r.end - 1].span.end,
        )
    }

    fn is_claimed(&self, k: usize) -> bool {
        let s = self.v.toks[k].span;
        self.claimed.set.any_overlaps(s)
    }

    fn is_participle(&self, i: usize) -> bool {
        Cue::is_participle(self.lower(i))
    }

    /// Whether a verb form used without a parse reads as a cue here.
    fn cue_ok(&self, i: usize, sent: &Range<usize>) -> bool {
        let Some(cue) = self.cue(i) else { return false };
        let t = &self.v.toks[i];
        if self.passive_or_role(i, sent, cue.takes_as) {
            return false;
        }
        if self.v.tagged && !matches!(t.upos.as_str(), "VERB" | "") && !self.headline_verb(i, sent)
        {
            return false;
        }
        if i > sent.start
            && matches!(
                self.lower(i - 1),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "this"
            )
        {
            return false;
        }
        if i > sent.start
            && matches!(
                self.lower(i - 1),
                "may"
                    | "might"
                    | "could"
                    | "would"
                    | "should"
                    | "will"
                    | "can"
                    | "must"
                    | "to"
                    | "not"
            )
            && !(i + 1 < sent.end && matches!(self.lower(i + 1), "that" | ":" | ","))
        {
            return false;
        }
        if cue.needs_that {
            let end = (i + 6).min(sent.end);
            // A subject pronoun right after the verb starts its content clause ("wrote he was").
            if i + 1 < sent.end
                && matches!(
                    self.lower(i + 1),
                    "he" | "she" | "they" | "we" | "i" | "it" | "there"
                )
            {
                return true;
            }
            // A subject followed closely by an auxiliary ("polls show Clinton is leading").
            if (i + 2..(i + 6).min(sent.end)).any(|k| {
                matches!(
                    self.lower(k),
                    "is" | "are"
                        | "was"
                        | "were"
                        | "will"
                        | "would"
                        | "has"
                        | "have"
                        | "had"
                        | "could"
                        | "can"
                        | "should"
                        | "may"
                        | "might"
                        | "must"
                        | "did"
                        | "does"
                        | "do"
                ) && (i + 1..k).all(|j| {
                    self.lower(j)
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                        && !matches!(self.lower(j), "to" | "who" | "which" | "that")
                })
            }) {
                return true;
            }
            return (i + 1..end).any(|k| {
                let w = self.lower(k);
                w == "that"
                    || w == ":"
                    || self.seg_of[k]
                        .is_some_and(|s| self.segs[s].outer.start == self.v.toks[k].span.start)
            });
        }
        true
    }

    /// Whether token `i` is a present-tense verb of a title-case headline ("Pence Endorses Ryan",
    /// "Carson Slams Clinton"), which taggers often take for part of a name: a capitalised
    /// "-s" form after the first word of a sentence whose words are mostly capitalised.
    fn headline_verb(&self, i: usize, sent: &Range<usize>) -> bool {
        if i == sent.start || !self.v.toks[i].cap || !self.lower(i).ends_with('s') {
            return false;
        }
        let (mut words, mut caps) = (0, 0);
        for j in sent.clone() {
            if self
                .lower(j)
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
            {
                words += 1;
                caps += usize::from(self.v.toks[j].cap);
            }
        }
        words >= 4 && caps * 4 >= words * 3
    }

    /// Index of the sentence holding byte `b`.
    fn sent_of(&self, b: usize) -> usize {
        self.v.sent_at(b).unwrap_or(0)
    }

    /// The subject of the cue at `c` in `lo..c`: the phrase next to it, else the clause's first.
    fn subject(&self, lo: usize, c: usize) -> Option<Range<usize>> {
        if self.v.parsed {
            if let Some(r) = self.parsed_subject(c) {
                return Some(r);
            }
        }
        self.np.left_np(lo, c).or_else(|| self.np.first_np(lo, c))
    }

    /// Whether token `j` lies in a prepositional modifier (`nmod`) of token `head`, by the parse.
    fn in_nmod_of(&self, j: usize, head: usize) -> bool {
        let mut t = j;
        for _ in 0..6 {
            let Some(h) = self.v.toks[t].head else {
                return false;
            };
            if h == head {
                return t != j && self.v.toks[t].deprel.starts_with("nmod")
                    || self.v.toks[j].head == Some(head)
                        && self.v.toks[j].deprel.starts_with("nmod");
            }
            t = h;
        }
        false
    }

    /// With a parse: the `nsubj` of the cue (or of the verb a participle cue hangs on).
    fn parsed_subject(&self, c: usize) -> Option<Range<usize>> {
        let sent = self.v.sent_at(self.v.toks[c].span.start)?;
        let range = self.v.sents[sent].toks.clone();
        let mut verb = c;
        for _ in 0..3 {
            if let Some(s) = range.clone().find(|&k| {
                self.v.toks[k].head == Some(verb) && self.v.toks[k].deprel.starts_with("nsubj")
            }) {
                // A subject inside quotation marks or in a coordination is a parse error here.
                if self.seg_of[s].is_some()
                    || (s > range.start && matches!(self.lower(s - 1), "and" | "or"))
                {
                    return None;
                }
                // The subject's phrase: its contiguous left dependents and itself, plus an
                // apposition ("United States President, Donald Trump,").
                let mut start = s;
                while start > range.start
                    && self.v.toks[start - 1]
                        .head
                        .is_some_and(|h| h == s || self.v.toks[h].head == Some(s))
                    && self.v.toks[start - 1].lower != ","
                {
                    start -= 1;
                }
                let mut end = s + 1;
                // The rest of a name: "Andrii" ← flat "Sybiha".
                while end < c
                    && self.v.toks[end]
                        .head
                        .is_some_and(|h| h == s || h + 1 == end && h > s)
                    && matches!(
                        self.v.toks[end].deprel.as_str(),
                        "flat" | "flat:name" | "compound" | "fixed"
                    )
                {
                    end += 1;
                }
                if let Some(a) = (s + 1..c)
                    .find(|&k| self.v.toks[k].head == Some(s) && self.v.toks[k].deprel == "appos")
                {
                    end = a + 1;
                }
                // Prepositional modifiers up to the cue: "Russia's ambassador to the EU", "the
                // head of the IMF mission" (the affiliation, and never the last noun alone).
                while end < c && self.in_nmod_of(end, s) {
                    end += 1;
                }
                return Some(start..end);
            }
            match self.v.toks[verb].head {
                Some(h)
                    if matches!(
                        self.v.toks[verb].deprel.as_str(),
                        "advcl" | "xcomp" | "conj" | "ccomp" | "parataxis"
                    ) =>
                {
                    verb = h
                }
                _ => return None,
            }
        }
        None
    }

    /// Pass 1: direct quotes. Returns, per segment, whether it became a direct quote.
    fn direct(&mut self, cands: &mut Vec<Cand>) -> Vec<bool> {
        let mut is_direct = vec![false; self.segs.len()];
        #[allow(clippy::needless_range_loop)]
        // `si` indexes two vectors and `self` is borrowed mutably
        for si in 0..self.segs.len() {
            let seg = self.segs[si];
            let s_open = self.sent_of(seg.outer.start);
            let sent = self.v.sents[s_open].toks.clone();
            // Lead: tokens of the opening sentence before the mark, after any earlier segment.
            let open_tok = self.v.tok_from(seg.outer.start);
            let mut lead_lo = sent.start;
            for k in (sent.start..open_tok.min(sent.end)).rev() {
                if self.seg_of[k].is_some() {
                    lead_lo = k + 1;
                    break;
                }
            }
            let lead = lead_lo..open_tok.max(lead_lo).min(sent.end.max(lead_lo));
            let lead_last = lead.clone().last().map(|k| self.lower(k).to_string());
            let lead_cue = lead.clone().rev().find(|&k| self.cue(k).is_some());
            // A complementizer after any cue of the lead makes the quote part of reported speech.
            let that_between = lead.clone().any(|c| {
                self.cue(c).is_some() && (c + 1..lead.end).any(|k| self.lower(k) == "that")
            });
            let content = self.doc.text[seg.content.start..seg.content.end].trim_end();
            let words = content.split_whitespace().count();
            let terminal = content.ends_with(['.', ',', '!', '?', '…', ':', ';', '—']);
            let starts_clause = match lead_last.as_deref() {
                None => true,
                Some(w) => {
                    matches!(w, "," | ":" | "—" | "–" | "(") || lead_cue == Some(lead.end - 1)
                }
            };
            if !starts_clause || that_between || (words <= 3 && !terminal) {
                continue;
            }
            is_direct[si] = true;
            let content_span = trim_content(&self.doc.text, seg.content);
            // Tail: after the closing mark, within its sentence, before the next segment.
            let close_tok = self.v.tok_from(seg.outer.end);
            let s_close = self.sent_of(seg.outer.end.saturating_sub(1));
            let close_sent = self.v.sents[s_close].toks.clone();
            let mut tail_end = close_sent.end.max(close_tok);
            // A stray "?" glued to the closing mark (an encoding artefact for a space in some
            // feeds: `choice,"?Sen. Warren said`) is no sentence end: the tail goes on after it.
            let glued = close_tok < self.v.toks.len()
                && self.lower(close_tok) == "?"
                && self.v.toks[close_tok].span.start == seg.outer.end
                && content.ends_with([',', '.', '!', '?']);
            if glued && tail_end <= close_tok + 1 && s_close + 1 < self.v.sents.len() {
                tail_end = self.v.sents[s_close + 1].toks.end;
            } else if close_tok >= tail_end
                && seg.closed
                && content.ends_with(['?', '!'])
                && self.speaker_sentence(s_close + 1, self.v.sents[s_close].paragraph)
            {
                // "“… isn't it?” Trump asked.": the quotation's own "?" or "!" ended the
                // sentence, and the next one is only its speaker and cue.
                tail_end = self.v.sents[s_close + 1].toks.end;
            }
            if let Some(k) = (close_tok..tail_end).find(|&k| self.seg_of[k].is_some()) {
                tail_end = k;
            }
            let mut cand = Cand {
                content: content_span,
                kind: QuoteKind::Direct,
                cue: None,
                speaker: None,
                refers: None,
                sent: s_close,
                channel: None,
                frame_only: false,
                scope: close_sent.start.min(lead.start)..tail_end,
            };
            let mut t0 = close_tok;
            if glued {
                t0 += 1;
            }
            while t0 < tail_end && matches!(self.lower(t0), "," | "—" | "–" | "-") {
                t0 += 1;
            }
            let window = (t0 + 9).min(tail_end);
            let tail_cue = if seg.closed && close_tok < tail_end {
                (t0..window)
                    .take_while(|&k| !matches!(self.lower(k), "." | "!" | "?" | ";"))
                    .find(|&k| self.cue(k).is_some() && !self.used[k])
                    .or_else(|| {
                        // "“…,” Trump barked": a cue of the model or frame table right after
                        // the quote or after a noun phrase that starts there.
                        (t0..window)
                            .take_while(|&k| !matches!(self.lower(k), "." | "!" | "?" | ";" | ","))
                            .find(|&k| {
                                !self.used[k]
                                    && self.frame_cue(k)
                                    && (k == t0
                                        || self.np.left_np(t0, k).is_some_and(|r| r.start == t0))
                            })
                    })
                    .or_else(|| {
                        // "“…,” Dana Wells, the party's long-serving adviser, said": with a
                        // parse, a reporting verb further on whose subject is all that lies
                        // between the quote and it.
                        (window..(t0 + 24).min(tail_end))
                            .take_while(|&k| !matches!(self.lower(k), "." | "!" | "?" | ";"))
                            .find(|&k| {
                                !self.used[k]
                                    && self.cue(k).is_some()
                                    && self.subject_between(t0, k)
                            })
                    })
            } else {
                None
            };
            if let Some(c) = tail_cue {
                cand.cue = Some(c..c + 1);
                cand.speaker = if c > t0 {
                    self.np.left_np(t0, c).or_else(|| self.np.first_np(t0, c))
                } else {
                    // "“…,” according to X" (the cue is both words); "“…,” says, X" (a stray
                    // comma before the name).
                    let mut s0 = c + 1;
                    if self.lower(c) == "according" && s0 < tail_end && self.lower(s0) == "to" {
                        cand.cue = Some(c..c + 2);
                        s0 += 1;
                    }
                    if s0 < tail_end && self.lower(s0) == "," {
                        s0 += 1;
                    }
                    self.np.right_np(s0, tail_end, 6)
                };
                self.used[c] = true;
            } else if let Some(c) = lead_cue {
                cand.cue = Some(c..c + 1);
                cand.sent = s_open;
                // "X says “…” because …": a quotation right after the cue whose sentence goes on
                // is part of reported content running to the clause's end (a mixed quote).
                if c + 1 == lead.end
                    && s_close == s_open
                    && seg.closed
                    && t0 == close_tok
                    && t0 < tail_end
                    && is_wordlike(self.lower(t0))
                    && !self.v.toks[t0].cap
                {
                    let e = self.content_end(t0, &close_sent);
                    if e > t0 {
                        cand.content = Span::new(content_span.start, self.v.toks[e - 1].span.end);
                        cand.kind = QuoteKind::Mixed;
                    }
                }
                cand.speaker = if self.is_participle(c) {
                    self.main_subject(cands, sent.start, c)
                } else {
                    // "Speaking to reporters, Jane Roe, a senator, said: “…”"
                    self.trailing_chain(c, &sent)
                        .map(|(_, r)| r)
                        .or_else(|| self.subject(sent.start, c))
                };
                self.used[c] = true;
            } else if lead_last.as_deref() == Some(":") && lead.len() >= 2 {
                // "Trump on the wall: “…”" — the colon is the cue.
                let c = lead.end - 1;
                cand.cue = Some(c..c + 1);
                cand.sent = s_open;
                cand.speaker = self.np.first_np(lead.start, c);
            }
            self.claimed.push(seg.outer);
            cands.push(cand);
        }
        is_direct
    }

    /// Whether sentence `s` exists in paragraph `para` and is no more than a speaker and a
    /// reporting verb of the lexicon ("Trump asked.", "Rubio said on Tuesday.", "asked Mr.
    /// Cruz."): a short sentence outside quotation marks whose cue comes within its first nine
    /// tokens, with no verb before it and at most five tokens, none a verb, after it.
    fn speaker_sentence(&self, s: usize, para: usize) -> bool {
        let Some(sent) = self.v.sents.get(s) else {
            return false;
        };
        let r = sent.toks.clone();
        if sent.paragraph != para || r.is_empty() || r.clone().any(|k| self.seg_of[k].is_some()) {
            return false;
        }
        let verb = |k: usize| matches!(self.v.toks[k].upos.as_str(), "VERB" | "AUX");
        let Some(c) = (r.start..(r.start + 9).min(r.end)).find(|&k| self.cue(k).is_some()) else {
            return false;
        };
        if (r.start..c).any(verb) {
            return false;
        }
        if r.end - c <= 6 && !(c + 1..r.end).any(verb) {
            return true;
        }
        // With a parse, a longer sentence whose cue has no clause of its own ("Trump said of
        // Apple in February, when the company …"): the quotation before is what it reports.
        self.v.parsed
            && c + 1 < r.end
            && !matches!(self.lower(c + 1), "that" | ":" | "\u{201c}" | "\"")
            && !r.clone().any(|k| {
                self.v.toks[k].head == Some(c)
                    && matches!(
                        self.v.toks[k].deprel.split(':').next(),
                        Some("ccomp" | "xcomp" | "parataxis" | "csubj" | "obj")
                    )
                    && !(self.v.toks[c].lemma.as_str() == "tell"
                        && self.v.toks[k].deprel.as_str() == "obj")
            })
    }

    /// The main-clause subject for a participle cue at `c`: the speaker of an earlier quote in the
    /// same sentence, else the clause's first noun phrase.
    fn main_subject(&self, cands: &[Cand], lo: usize, c: usize) -> Option<Range<usize>> {
        if self.v.parsed {
            if let Some(r) = self.parsed_subject(c) {
                return Some(r);
            }
        }
        let sent = self.sent_of(self.v.toks[c].span.start);
        if let Some(prev) = cands
            .iter()
            .rev()
            .find(|q| q.sent == sent && q.speaker.as_ref().is_some_and(|s| s.end <= c))
        {
            return prev.speaker.clone();
        }
        self.np.first_np(lo, c)
    }

    /// Pass 2: reported speech around cues.
    fn reported(&mut self, cands: &mut Vec<Cand>, is_direct: &mut [bool]) {
        for s in 0..self.v.sents.len() {
            let sent = self.v.sents[s].toks.clone();
            let mut i = sent.start;
            while i < sent.end {
                let k = i;
                i += 1;
                if self.used[k]
                    || self.seg_of[k].is_some()
                    || self.is_claimed(k) && !self.coordinated_cue(k) && !self.nested_cue(k)
                {
                    continue;
                }
                if k == sent.start {
                    if let Some(c) = self
                        .colon_lead(s, &sent)
                        .or_else(|| self.in_document(s, &sent))
                    {
                        cands.push(c);
                        continue;
                    }
                }
                if self.lower(k) == "according" && k + 1 < sent.end && self.lower(k + 1) == "to" {
                    if let Some(c) = self.according(s, k, &sent) {
                        cands.push(c);
                    }
                    continue;
                }
                let by_frame = self.frame_cue(k) && !self.passive_or_role(k, &sent, false);
                if !by_frame && !self.cue_ok(k, &sent) {
                    continue;
                }
                if k > sent.start
                    && matches!(
                        self.lower(k - 1),
                        "to" | "when" | "if" | "after" | "before" | "once" | "unless"
                    )
                    && !(ADJUNCT_CUES && self.adjunct_cue(k, &sent))
                    // "When asked whether …, X said": the question is attributed.
                    && !(self.lower(k - 1) == "when" && self.lower(k) == "asked")
                {
                    continue;
                }
                if let Some(c) = self.around_cue(cands, s, k, &sent) {
                    // A cue known only by its frame needs a speaker to count as an attribution.
                    // A cue inside quoted speech (a quotation paragraph run into the next) is
                    // the quoted person's words: a nested report stands only when its speaker is
                    // named or is "he"/"she" with a verb of speaking or writing, never with a
                    // word of the quote ("it", "that", "they", "the club") as speaker.
                    if c.speaker.is_none() && self.cue(k).is_none()
                        || self.nested(&c) && !self.nested_speaker(k, c.speaker.as_ref())
                    {
                        self.claimed.pop();
                        continue;
                    }
                    self.used[k] = true;
                    let mut c = c;
                    c.frame_only = self.cue(k).is_none();
                    cands.push(c);
                }
            }
        }
        // Content holding quoted words is mixed; those segments are part of it.
        for c in cands.iter_mut() {
            if c.kind == QuoteKind::Direct {
                continue;
            }
            // Segments are in text order and do not overlap (`marks::segments`): start at the
            // first that ends after the content starts; the content may grow as segments join it.
            let first = self
                .segs
                .partition_point(|seg| seg.content.end <= c.content.start);
            for (si, seg) in self.segs.iter().enumerate().skip(first) {
                if seg.content.start >= c.content.end {
                    break;
                }
                if c.content.overlaps(seg.content) && !is_direct[si] {
                    c.kind = QuoteKind::Mixed;
                    // Keep the partial quotation whole: end at its closing mark.
                    if seg.closed
                        && seg.outer.end > c.content.end
                        && seg.content.start >= c.content.start
                    {
                        c.content.end = seg.outer.end;
                    }
                }
            }
        }
        let _ = is_direct;
    }

    /// Whether a candidate's cue lies inside quoted speech (a run-on quotation paragraph) with
    /// content after it. A cue after its content ("…, the coach said. “…") is the writer's
    /// attribution of a quotation whose closing mark was lost, not a nested report.
    fn nested(&self, c: &Cand) -> bool {
        c.cue.as_ref().is_some_and(|cue| {
            self.run_on[cue.start] && c.content.end > self.v.toks[cue.start].span.start
        })
    }

    /// Whether the speaker of cue `k`, a cue inside quoted speech, may stand: a phrase that names
    /// someone (a proper noun with a parse, or a person, organisation or group entity), or a lone
    /// "he"/"she" with a cue of speaking or writing ("she replied", not "he knows").
    fn nested_speaker(&self, k: usize, speaker: Option<&Range<usize>>) -> bool {
        let Some(r) = speaker else { return false };
        if r.is_empty() {
            return false;
        }
        if r.len() == 1 && matches!(self.lower(r.start), "he" | "she") {
            return self
                .cue(k)
                .is_some_and(|c| matches!(c.class, CueClass::Speech | CueClass::Write));
        }
        if self.v.parsed && r.clone().any(|j| self.v.toks[j].upos == "PROPN") {
            return true;
        }
        let span = self.tspan(r);
        self.doc.entities.iter().any(|e| {
            e.span.overlaps(span) && matches!(e.kind.as_str(), "PER" | "ORG" | "NORP" | "GPE")
        })
    }

    /// With a parse: whether the tokens `a..k` are the subject of `k` (an `nsubj` of `k` and
    /// what hangs on it, punctuation aside).
    fn subject_between(&self, a: usize, k: usize) -> bool {
        if !self.v.parsed || a >= k {
            return false;
        }
        let toks = &self.v.toks;
        let Some(j) =
            (a..k).find(|&j| toks[j].head == Some(k) && toks[j].deprel.starts_with("nsubj"))
        else {
            return false;
        };
        (a..k).all(|m| {
            if m == j || toks[m].upos == "PUNCT" {
                return true;
            }
            // Walk up from `m`: it belongs to the subject when it reaches `j` before `k`.
            let mut cur = m;
            for _ in 0..32 {
                match toks[cur].head {
                    Some(h) if h == j => return true,
                    Some(h) if h == k => return false,
                    Some(h) => cur = h,
                    None => return false,
                }
            }
            false
        })
    }

    /// With a parse: whether token `k` is a second cue coordinated with a cue already used
    /// (it hangs on it as `conj` or `advcl`: "says she respects him but argues that …", "hailed
    /// the vote, telling reporters that …"). Such a cue makes its own attribution even inside
    /// the first one's content: PolNeAR annotates both.
    fn coordinated_cue(&self, k: usize) -> bool {
        if !self.v.parsed || self.seg_of[k].is_some() {
            return false;
        }
        let t = &self.v.toks[k];
        t.head.is_some_and(|h| self.used[h])
            && matches!(t.deprel.split(':').next(), Some("conj" | "advcl"))
            && (self.cue(k).is_some() || self.cue_p[k] >= self.cue_threshold)
    }

    /// With a parse: whether token `k`, inside another candidate's content, is a cue of its own
    /// with its own subject ("…, which the FBI said was careless"): a verb the cue model rates at
    /// least [`NESTED_CUE_P`], outside quotation marks.
    fn nested_cue(&self, k: usize) -> bool {
        let t = &self.v.toks[k];
        self.v.parsed
            && self.seg_of[k].is_none()
            && t.upos == "VERB"
            && (self.v.sents[self.sent_of(t.span.start)].toks.start..k).any(|j| {
                let d = &self.v.toks[j];
                d.head == Some(k)
                    && d.deprel.starts_with("nsubj")
                    // "… to Republicans who say the law is a money pit": a speech verb of the
                    // lexicon whose subject is a relative pronoun.
                    && (self.cue_p[k] >= NESTED_CUE_P
                        || self.cue(k).is_some() && matches!(self.lower(j), "who" | "which"))
            })
    }

    /// With a parse: whether token `k` is a cue in a participial adjunct of the clause around
    /// it ("…, claiming that …", "… and vowing to …", "… before adding that …", "After saying
    /// …, X …"): an "-ing" verb right after a comma, dash, "and", "before", "after" or "while"
    /// that the cue model rates at least [`ADJUNCT_CUE_P`], outside quotation marks, with words
    /// after it, and that is a reporting verb of the lexicon or governs a content clause or a
    /// quotation (not an act on an object: "…, ordering a round", "offering this technology").
    /// Its speaker is the clause's subject, and a content before it ends there.
    fn adjunct_cue(&self, k: usize, sent: &Range<usize>) -> bool {
        self.v.parsed
            && k > sent.start
            && k + 1 < sent.end
            && self.seg_of[k].is_none()
            && self.v.toks[k].upos == "VERB"
            && self.is_participle(k)
            && matches!(
                self.lower(k - 1),
                "," | "—" | "–" | "and" | "before" | "after" | "while"
            )
            && self.cue_p[k] >= ADJUNCT_CUE_P
            && (self.cue(k).is_some() || self.reports_clause(k))
    }

    /// With a parse: whether the verb `k` governs a content clause or a quotation: "that" or an
    /// opening quotation mark right after it, or a `ccomp` dependent after it ("suggesting they
    /// issue alerts"), not an object noun phrase ("ordering a round").
    fn reports_clause(&self, k: usize) -> bool {
        let n = k + 1;
        n < self.v.toks.len()
            && (self.lower(n) == "that"
                || self.seg_of[n].is_some()
                || self.v.toks[n..]
                    .iter()
                    .take(12)
                    .any(|t| t.head == Some(k) && t.deprel.starts_with("ccomp")))
    }

    /// End of a reported content starting at `from` in `sent`: before a split point (", saying",
    /// ", according to", ";") or a claimed span; the sentence's final punctuation is left out.
    fn content_end(&self, from: usize, sent: &Range<usize>) -> usize {
        let mut e = sent.end;
        // An empty range (a cue set off by a comma that ends the text) has no first word.
        let subordinate = sent.start < sent.end
            && matches!(
                self.lower(sent.start),
                "while"
                    | "when"
                    | "if"
                    | "although"
                    | "though"
                    | "as"
                    | "after"
                    | "because"
                    | "since"
                    | "before"
                    | "whereas"
            );
        for k in from..sent.end {
            if self.used[k] {
                // A cue already used by another quote: stop at the comma before its clause, or
                // at the conjunction right before it ("said he would go and added, “…”").
                e = (from..k)
                    .rev()
                    .find(|&j| self.lower(j) == ",")
                    .or_else(|| {
                        (k > from + 1 && matches!(self.lower(k - 1), "and" | "but"))
                            .then_some(k - 1)
                    })
                    .unwrap_or(from);
                break;
            }
            if subordinate && self.lower(k) == "," && k > from + 1 {
                e = k;
                break;
            }
            if self.is_claimed(k)
                && self.seg_of[k].is_some_and(|s| self.claimed.contains(self.segs[s].outer))
            {
                e = k;
                break;
            }
            let w = self.lower(k);
            if w == ";" {
                e = k;
                break;
            }
            if ADJUNCT_CUES && k > from + 1 && self.adjunct_cue(k + 1, sent) {
                e = k;
                break;
            }
            if w == "," && k + 1 < sent.end {
                let n = self.lower(k + 1);
                if SPLIT_WORDS.contains(&n)
                    || (self.cue(k + 1).is_some() && self.is_participle(k + 1) && k + 2 < sent.end)
                    || self.attribution_follows(k + 1, sent)
                    || self.chain_attribution_at(k + 1, sent)
                {
                    e = k;
                    break;
                }
            }
            // "… and said …": a second cue coordinated with the first (with a parse: its head
            // lies before the content; "says he is proud and expects …" goes on).
            if w == "and"
                && k > from
                && k + 1 < sent.end
                && self.cue(k + 1).is_some()
                && !self.is_participle(k + 1)
                && !(self.v.parsed
                    && self.v.toks[k + 1].lemma.as_str() != "say"
                    && self.v.toks[k + 1]
                        .head
                        .is_some_and(|h| h >= from && h < k && self.v.toks[k + 1].deprel == "conj"))
            {
                e = k;
                break;
            }
        }
        while e > from && matches!(self.lower(e - 1), "." | "!" | "?" | "," | ":" | "—" | "–") {
            e -= 1;
        }
        e
    }

    /// Whether `c0..b` opens with a name followed by a comma ("Sanders, who …," / "Lee, an aide,"):
    /// then the comma before the cue closes an appositive, and the content follows the cue.
    fn appositive_subject(&self, c0: usize, b: usize) -> bool {
        let mut j = c0;
        while j < b
            && matches!(
                self.lower(j),
                "but" | "and" | "so" | "yet" | "however" | "meanwhile" | "still"
            )
        {
            j += 1;
        }
        let start = j;
        while j < b
            && (self.v.toks[j].cap
                || self.lex.is("titles", self.lower(j))
                || matches!(self.lower(j), "of" | "von" | "de" | "der" | "van" | "al"))
        {
            j += 1;
        }
        j > start && j < b && self.lower(j) == ","
    }

    /// Whether tokens `r` after cue `k` are only the cue's adjuncts of place, time or manner ("…,
    /// lawyers said in Kisumu on Tuesday."), not its content: no verb or quotation, and with a
    /// parse every word hangs on the cue as an oblique or adverb (through its own phrase); without
    /// one the words open with a preposition or a time word.
    fn adjunct_tail(&self, k: usize, r: Range<usize>) -> bool {
        if r.is_empty() {
            return true;
        }
        if self.clause_like(r.clone()) || r.clone().any(|j| self.seg_of[j].is_some()) {
            return false;
        }
        if self.v.parsed {
            return r.clone().all(|j| {
                let t = &self.v.toks[j];
                match t.head {
                    Some(h) if r.contains(&h) => true,
                    Some(h) if h == k => {
                        matches!(t.deprel.split(':').next(), Some("obl" | "advmod" | "punct"))
                    }
                    _ => t.upos == "PUNCT",
                }
            });
        }
        matches!(
            self.lower(r.start),
            "in" | "on"
                | "at"
                | "during"
                | "from"
                | "late"
                | "earlier"
                | "last"
                | "yesterday"
                | "today"
        )
    }

    /// Whether tokens `r` read as a clause (have a verb), not a bare noun phrase or appositive.
    fn clause_like(&self, r: Range<usize>) -> bool {
        r.clone().any(|j| {
            let t = &self.v.toks[j];
            if self.v.tagged {
                return matches!(t.upos.as_str(), "VERB" | "AUX");
            }
            let w = t.lower.as_str();
            self.seg_of[j].is_some()
                || matches!(
                    w,
                    "is" | "are"
                        | "was"
                        | "were"
                        | "be"
                        | "been"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "should"
                        | "has"
                        | "have"
                        | "had"
                        | "do"
                        | "does"
                        | "did"
                        | "may"
                        | "might"
                        | "must"
                        | "’s"
                        | "'s"
                        | "’re"
                        | "’ll"
                        | "won’t"
                        | "isn’t"
                        | "don’t"
                        | "doesn’t"
                        | "didn’t"
                        | "wasn’t"
                        | "aren’t"
                        | "can’t"
                )
                || (!t.cap && w.len() > 4 && w.ends_with("ed"))
        })
    }

    /// Whether another attribution starts at `j`: an optional conjunction, a short noun phrase and a
    /// cue ("while 22 percent said", "he said", "said an official").
    fn attribution_follows(&self, j: usize, sent: &Range<usize>) -> bool {
        let mut j = j;
        if j < sent.end && matches!(self.lower(j), "and" | "but" | "while" | "whereas" | "as") {
            j += 1;
        }
        let lim = (j + 7).min(sent.end);
        for c in j..lim {
            let w = self.lower(c);
            // The subject may carry a modifier ("…, diplomats in Brussels said"): by the parse,
            // the cue's subject phrase starts right there.
            if self.cue(c).is_some()
                && !self.is_participle(c)
                && (c == j
                    || self.np.left_np(j, c).is_some_and(|r| r.start == j)
                    || self.v.parsed && self.parsed_subject(c).is_some_and(|r| r.start == j))
            {
                return !(c + 1..(c + 3).min(sent.end)).any(|t| self.lower(t) == "to");
            }
            if !w.chars().next().is_some_and(char::is_alphanumeric) || w == "that" {
                return false;
            }
        }
        false
    }

    /// "Mark Cuban: I'd consider a bid." / "Q: And the wall?" — a sentence opening with a short
    /// name (or a speaker label) and a colon, followed by unquoted words: the colon is the cue.
    fn colon_lead(&mut self, s: usize, sent: &Range<usize>) -> Option<Cand> {
        let colon = (sent.start..(sent.start + 5).min(sent.end)).find(|&k| self.lower(k) == ":")?;
        if colon == sent.start
            || self.used[colon]
            || (sent.start..colon).any(|k| self.seg_of[k].is_some())
        {
            return None;
        }
        let names = (sent.start..colon)
            .all(|k| self.v.toks[k].cap && !self.lex.is("nonnames", self.lower(k)));
        // The lead is a person: a PER entity (with an entity layer), else a two-word name; or a
        // source that is a document or an organisation ("Poll: …", "IG report: …", "AP: …").
        let lead = self.tspan(&(sent.start..colon));
        let person = names
            && if self.doc.entities.is_empty() {
                colon - sent.start >= 2
            } else {
                self.doc
                    .entities
                    .iter()
                    .any(|e| e.kind == "PER" && e.span.overlaps(lead))
            };
        // Sources only in a headline (the first sentence), and not before a question ("Reality
        // Check: Will it …?"); in the body such labels are an interviewer's turns.
        let last = self.v.toks[colon - 1].span;
        let question = self.lower(sent.end - 1) == "?";
        let source = s == 0
            && !question
            && (self.lex.is("documents", self.lower(colon - 1))
                || names
                    && self
                        .doc
                        .entities
                        .iter()
                        .any(|e| e.kind == "ORG" && e.span.contains(last)));
        let c0 = colon + 1;
        if !(person || source) || c0 < sent.end && self.seg_of[c0].is_some() {
            return None; // not a person or source, or a quotation (the direct pass handles it)
        }
        let e = self.content_end(c0, sent);
        let words = (c0..e).filter(|&j| is_wordlike(self.lower(j))).count();
        if words < 3 {
            return None;
        }
        let span = self.tspan(&(c0..e));
        self.used[colon] = true;
        self.claimed.push(span);
        let speaker = Some(sent.start..colon);
        Some(Cand::indirect(
            span,
            colon..colon + 1,
            speaker,
            s,
            sent,
            None,
        ))
    }

    /// "In a new poll released Monday, 40 percent back X." — a sentence opening with a phrase on a
    /// document or medium: the preposition is the cue, the document the source, the clause after
    /// the comma the content (unless the clause has a cue verb of its own).
    fn in_document(&mut self, s: usize, sent: &Range<usize>) -> Option<Cand> {
        let k = sent.start;
        if self.lower(k) != "in" {
            return None;
        }
        let comma = (k + 1..(k + 12).min(sent.end)).find(|&j| self.lower(j) == ",")?;
        let doc_noun = (k + 1..comma).find(|&j| self.lex.is("documents", self.lower(j)))?;
        if (k + 1..comma).any(|j| self.seg_of[j].is_some()) {
            return None;
        }
        let c0 = comma + 1;
        let e = self.content_end(c0, sent);
        if (c0..e).any(|j| self.cue(j).is_some() || self.frame_cue(j)) {
            return None;
        }
        let words = (c0..e).filter(|&j| is_wordlike(self.lower(j))).count();
        if words < 3 {
            return None;
        }
        let span = self.tspan(&(c0..e));
        self.claimed.push(span);
        let speaker = Some(k + 1..doc_noun + 1);
        Some(Cand::indirect(span, k..k + 1, speaker, s, sent, None))
    }

    fn according(&mut self, s: usize, k: usize, sent: &Range<usize>) -> Option<Cand> {
        let sp = self.np.right_np(k + 2, sent.end, 8)?;
        let cue = k..k + 2;
        // "According to X" opening a clause: at the sentence start, or after a colon, a dash or
        // a conjunction that does ("… unnoticed: According to recent polls, …").
        let mut lead = k;
        while lead > sent.start
            && matches!(
                self.lower(lead - 1),
                "," | "but" | "and" | "yet" | "so" | "still"
            )
        {
            lead -= 1;
        }
        let opens =
            lead == sent.start || matches!(self.lower(lead - 1), ":" | "—" | "–" | ";" | "(");
        let content = if opens {
            // "According to X, …"
            let mut c0 = sp.end;
            while c0 < sent.end && self.lower(c0) != "," {
                c0 += 1;
            }
            let c0 = c0 + 1;
            let e = self.content_end(c0, sent);
            (c0 < e).then_some(c0..e)?
        } else if k > sent.start && self.lower(k - 1) == "," {
            // "…, according to X."
            let mut b = sent.start;
            while b < k - 1 && self.seg_of[b].is_none() && matches!(self.lower(b), "," | "—") {
                b += 1;
            }
            // "That is bad, according to X, because …": set off by commas inside its content,
            // which runs on after X.
            let after = (sp.end < sent.end && self.lower(sp.end) == ",")
                .then(|| self.content_end(sp.end + 1, sent));
            match after {
                Some(e) if e > sp.end + 2 && b < k - 1 => b..e,
                _ => (b < k - 1).then_some(b..k - 1)?,
            }
        } else if k >= sent.start + 2 && matches!(self.lower(k - 1), "’s" | "'s" | "is" | "was") {
            // "That's according to X": the clause's subject is the content.
            sent.start..k - 1
        } else if k >= sent.start + 3 {
            sent.start..k
        } else {
            return None;
        };
        let span = self.tspan(&content);
        self.claimed
            .push(span.cover(self.tspan(&cue)).cover(self.tspan(&sp)));
        Some(Cand::indirect(span, cue, Some(sp), s, sent, None))
    }

    fn around_cue(
        &mut self,
        cands: &[Cand],
        s: usize,
        k: usize,
        sent: &Range<usize>,
    ) -> Option<Cand> {
        let cue = self.cue_at(k)?;
        let participle = self.is_participle(k);
        if !participle {
            if let Some(c) = self.as_clause(s, k, sent) {
                return Some(c);
            }
        }
        let mut channel = None;
        let mut cue_range = k..k + 1;
        // Speaker.
        let after_comma = k > sent.start && matches!(self.lower(k - 1), "," | "—");
        let speaker = if k > sent.start && self.lower(k - 1) == "as" && participle {
            // "quoted X as saying": X speaks; the quoting subject is the channel.
            let q = (sent.start..k - 1)
                .rev()
                .find(|&j| matches!(self.lower(j), "quoted" | "cited" | "quoting" | "citing"));
            cue_range = k - 1..k + 1;
            match q {
                Some(q) if q + 1 < k - 1 => {
                    if let Some(ch) = self.np.left_np(sent.start, q) {
                        channel = Some(
                            self.doc.text[self.tspan(&ch).start..self.tspan(&ch).end].to_string(),
                        );
                    }
                    Some(q + 1..k - 1)
                }
                _ => self.main_subject(cands, sent.start, k),
            }
        } else if participle && after_comma || ADJUNCT_CUES && self.adjunct_cue(k, sent) {
            self.main_subject(cands, sent.start, k)
        } else {
            None
        };
        // Content after the cue.
        let mut r0 = k + 1;
        while r0 < sent.end && self.np_adverb(r0) {
            r0 += 1;
        }
        let mut object = None;
        if cue.takes_object && r0 < sent.end && !matches!(self.lower(r0), "that" | "," | ":") {
            if let Some(o) = self.np.right_np(r0, sent.end, 6) {
                r0 = o.end;
                // "called Trump a fascist": a predicate after the object keeps the object in the
                // content (with a parse: no clause follows).
                let pred_follows = self.v.parsed
                    && o.end < sent.end
                    && !matches!(self.lower(o.end), "that" | "to" | "," | ":" | "." | "as")
                    && !self.clause_like(o.end..self.content_end(o.end, sent));
                // "called on the United States to attack": the object is the infinitive's subject.
                let to_follows = o.end < sent.end && self.lower(o.end) == "to";
                if pred_follows || to_follows {
                    r0 = o.start;
                }
                object = Some(o);
            }
        }
        // Skip a short prepositional or time phrase before "that" ("said on Monday that").
        let lim = (r0 + 9).min(sent.end);
        // With a parse, a "that" that is a determiner or a pronoun ("rejected that idea") opens
        // no content clause.
        let complementizer = |j: usize| {
            self.lower(j) == "that"
                && !(self.v.parsed
                    && (self.v.toks[j].deprel == "det"
                        || self.v.toks[j].deprel.starts_with("obj")
                        || self.v.toks[j].deprel.starts_with("nsubj")))
        };
        if let Some(t) = (r0..lim).find(|&j| complementizer(j)) {
            let first = self.lower(r0);
            let pp = t == r0
                || object.is_some()
                || matches!(
                    first,
                    "in" | "on"
                        | "at"
                        | "during"
                        | "via"
                        | "through"
                        | "to"
                        | "this"
                        | "last"
                        | "earlier"
                        | "late"
                        | "yesterday"
                        | "today"
                        | "privately"
                        | "publicly"
                        | "repeatedly"
                )
                || crate::speaker::is_weekday(first);
            if pp && !(r0..t).any(|j| self.lower(j) == "," || self.seg_of[j].is_some()) {
                r0 = t + 1;
            }
        } else if r0 < sent.end && self.lower(r0) == ":" {
            r0 += 1;
        }
        let mut right_end = self.content_end(r0, sent);
        // "praised the initiative and said …": an object with nothing after it is the content.
        if let Some(o) = object.as_ref().filter(|_| cue.class == CueClass::Stance) {
            if r0 >= right_end
                || matches!(self.lower(r0), "and" | "," | "." | ";" | "but")
                    && self.lower(r0) != "that"
            {
                r0 = o.start;
                right_end = o.end;
            }
        }
        let right_words = (r0..right_end)
            .filter(|&j| self.lower(j).chars().any(char::is_alphanumeric))
            .count();
        // Content before the cue: "…, a source said." / "…, said Trump." / "…,” she said."
        let left_speaker = if speaker.is_none() {
            self.np.left_np(sent.start, k)
        } else {
            None
        };
        // "…, Jane Roe, the head of the press office, said": the speaker is a chain of comma-set
        // pieces, and the content ends before it.
        let chain = speaker
            .is_none()
            .then(|| self.trailing_chain(k, sent))
            .flatten();
        let left_chain = chain.clone().filter(|(c, _)| self.reports_left(*c, sent));
        let boundary = if let Some((c, _)) = &left_chain {
            Some(*c)
        } else if speaker.is_none() {
            (k.saturating_sub(9).max(sent.start)..k).rev().find(|&j| {
                let w = self.lower(j);
                matches!(w, "," | "—" | "–" | "”" | "\"" | "''" | "'")
            })
        } else {
            None
        };
        let words_between = left_chain.is_some()
            || boundary.is_some_and(|b| {
                (b + 1..k).all(|j| {
                    let w = self.lower(j);
                    (w.chars().next().is_some_and(char::is_alphanumeric)
                        || matches!(w, "’s" | "'s" | "." | "-"))
                        && !matches!(
                            w,
                            "while"
                                | "and"
                                | "but"
                                | "who"
                                | "which"
                                | "that"
                                | "when"
                                | "as"
                                | "if"
                                | "because"
                                | "so"
                                | "whereas"
                                | "although"
                                | "though"
                                | "where"
                        )
                })
            });
        let has_that = (k + 1..right_end).any(|j| self.lower(j) == "that");
        if let (Some(b), true, false) = (boundary, words_between, has_that) {
            let mut c0 = sent.start;
            if let Some(last) = (sent.start..b).rev().find(|&j| {
                self.is_claimed(j)
                    && self.seg_of[j].is_none_or(|si| self.claimed.contains(self.segs[si].outer))
            }) {
                c0 = last + 1;
                // A nested attribution: the claimed stretch is the content of a cue in this same
                // clause, outside quotation marks ("The EU has not [agreed] on X, diplomats
                // said"): the whole clause is still what the trailing cue reports.
                let first = (sent.start..=last)
                    .find(|&j| self.is_claimed(j))
                    .unwrap_or(last);
                let nested = first > sent.start
                    && self.used[first - 1]
                    && (sent.start..=last).all(|j| self.seg_of[j].is_none());
                if nested {
                    c0 = sent.start;
                }
            }
            while c0 < b && matches!(self.lower(c0), "," | "—" | "–") {
                c0 += 1;
            }
            let mut e = b;
            while e > c0 && matches!(self.lower(e - 1), "," | "—") {
                e -= 1;
            }
            if self.lower(b) != "," && self.seg_of[b].is_some() {
                // Closing mark: keep it (and the comma inside) in the content.
                e = b + 1;
            }
            let content_words = (c0..e)
                .filter(|&j| self.lower(j).chars().any(char::is_alphanumeric))
                .count();
            let inverted = left_chain.is_none() && b + 1 == k;
            // With a parse, a clause with its own subject that the cue governs after it ("…,
            // she said he had her vote", "X, wearing a cap, said he is proud") is the content,
            // however long the part before.
            let right_clause = self.governed_clause(k, r0..right_end);
            let tail_short = !right_clause
                && (right_words <= 3
                || (right_words <= 12 && content_words >= 2 * right_words)
                || inverted
                || self.adjunct_tail(k, r0..right_end)
                // After a name with its appositive, only a colon or a quotation opens content.
                || left_chain.is_some()
                    && !(r0 < sent.end && (self.lower(r0) == ":" || self.seg_of[r0].is_some())));
            // With a parse, the left part must hang on the cue (its head, or a clause or object
            // of it): "In a letter filed Monday, the agency said …" is an adverbial and "Smith, the
            // party's founder, has endorsed Jones" a subject, not content.
            // A name with its appositive between them is link enough: the parser often makes
            // the content's noun the cue's subject there.
            let linked = !self.v.parsed
                || left_chain.is_some()
                || self.v.toks[k].head.is_some_and(|h| (c0..e).contains(&h))
                || (c0..e).any(|j| {
                    self.v.toks[j].head == Some(k)
                        && matches!(
                            self.v.toks[j].deprel.split(':').next().unwrap_or(""),
                            "ccomp" | "parataxis" | "xcomp" | "advcl" | "obj"
                        )
                });
            if content_words >= 3
                && tail_short
                && linked
                && (!inverted || self.clause_like(c0..e) && !self.appositive_subject(c0, b))
            {
                let sp = if let Some((_, r)) = &left_chain {
                    Some(r.clone())
                } else if inverted {
                    // "…, said-Hamid Reza": a hyphen glued after the cue stands for a lost space.
                    let s0 = if k + 1 < sent.end && self.lower(k + 1) == "-" {
                        k + 2
                    } else {
                        k + 1
                    };
                    self.np.right_np(s0, sent.end, 8)
                } else {
                    Some(b + 1..k)
                };
                let sp = sp.map(|r| {
                    let mut e = r.end;
                    while e > r.start + 1 && self.np_adverb(e - 1) {
                        e -= 1;
                    }
                    r.start..e
                });
                let span = self.tspan(&(c0..e));
                self.claimed.push(span);
                return Some(Cand::indirect(span, cue_range, sp, s, sent, channel));
            }
        }
        if right_words < 2
            && !(right_words == 1 && matches!(cue.class, CueClass::Stance | CueClass::Belief))
        {
            return None;
        }
        let mut e = right_end;
        if cue.takes_as {
            let ch = Channels {
                doc: self.doc,
                v: self.v,
                lex: self.lex,
            };
            if let Some(t) = ch.trailing_phrase(r0, e) {
                if t > r0 + 1 {
                    e = t;
                }
            }
        }
        // The phrase next to the cue is the speaker unless it is only the end of the parsed
        // subject ("Russia's ambassador to [the EU] said").
        let parsed = speaker
            .is_none()
            .then(|| self.v.parsed.then(|| self.parsed_subject(k)).flatten())
            .flatten();
        let left_speaker = match (left_speaker, parsed) {
            (Some(l), Some(p)) if p.start < l.start && l.end <= p.end => Some(p),
            // "Experts have long warned": a neighbour the tagger reads as an adverb, auxiliary or
            // verb is no phrase of its own; the parsed subject (or the clause's) stands instead.
            (Some(l), _) if !self.nominal(l.end - 1) => None,
            (l, _) => l,
        };
        let speaker = speaker
            .or(chain.map(|(_, r)| r))
            .or(left_speaker)
            .or_else(|| self.subject(sent.start, k))
            .filter(|r| !self.passive_subject(k, r));
        // "This campaign, he says, is different": a cue set off by commas inside its content; the
        // content runs from the clause start over the cue to its end.
        if let (Some(b), true) = (boundary, words_between) {
            let lead = (sent.start..b)
                .rev()
                .take_while(|&j| !self.is_claimed(j) && !self.used[j] && self.seg_of[j].is_none())
                .last();
            if self.lower(b) == ","
                && b + 1 < k
                && k + 1 < sent.end
                && self.lower(k + 1) == ","
                && lead == Some(sent.start)
                && (sent.start..b).any(|j| is_wordlike(self.lower(j)))
            {
                r0 = sent.start;
            }
        }
        let span = self.tspan(&(r0..e));
        self.claimed.push(span);
        Some(Cand::indirect(span, cue_range, speaker, s, sent, channel))
    }

    /// "As X reported on Friday, CLAUSE" / "CLAUSE, as X noted in a column.": a cue in an "as"
    /// clause whose only words after it are adjuncts reports the clause the "as" clause is set
    /// off from, not those adjuncts; X is the speaker.
    fn as_clause(&mut self, s: usize, k: usize, sent: &Range<usize>) -> Option<Cand> {
        // "as" within eight words before the cue, opening the sentence or set off by a comma
        // or dash, with only a noun phrase between it and the cue.
        let j = (k.saturating_sub(9).max(sent.start)..k)
            .rev()
            .find(|&j| self.lower(j) == "as")?;
        let opens = j == sent.start;
        if !opens && !matches!(self.lower(j - 1), "," | "—" | "–") {
            return None;
        }
        if j + 1 >= k
            || (j + 1..k).any(|t| {
                let w = self.lower(t);
                !(is_wordlike(w) || matches!(w, "’s" | "'s" | "." | "-"))
                    || self.seg_of[t].is_some()
                    || (self.v.tagged
                        && matches!(self.v.toks[t].upos.as_str(), "VERB" | "AUX" | "SCONJ"))
            })
        {
            return None;
        }
        // The cue's own words: up to the next comma, dash or sentence end, adjuncts only.
        let t = (k + 1..sent.end)
            .find(|&t| matches!(self.lower(t), "," | "—" | "–" | "." | "!" | "?" | ";" | ":"))
            .unwrap_or(sent.end);
        // Adjuncts only: nothing, or words opening with a preposition or adverb ("on Friday",
        // "in a column", "recently"); a colon opens content of the cue's own.
        if self.cue(k).is_none()
            || (t < sent.end && self.lower(t) == ":")
            || (t > k + 1
                && self.v.tagged
                && !matches!(self.v.toks[k + 1].upos.as_str(), "ADP" | "ADV"))
            || !self.adjunct_tail(k, k + 1..t)
        {
            return None;
        }
        // Set off on both sides ("As X reported, CLAUSE", "…, given that, as X reported,
        // CLAUSE"): the clause after; closing the sentence ("CLAUSE, as X noted."): the one before.
        let set_off = t < sent.end && matches!(self.lower(t), "," | "—" | "–");
        let right = set_off.then(|| (t + 1, self.content_end(t + 1, &(t + 1..sent.end))));
        let coordinated = right.is_some_and(|(c0, e)| {
            c0 < e && matches!(self.lower(c0), "and" | "but" | "or" | "while")
        });
        let (c0, e) =
            if opens || !coordinated && right.is_some_and(|(c0, e)| self.clause_like(c0..e)) {
                right?
            } else if set_off && !coordinated {
                return None;
            } else {
                let mut c0 = sent.start;
                if let Some(last) = (sent.start..j)
                    .rev()
                    .find(|&x| self.is_claimed(x) || self.used[x])
                {
                    c0 = last + 1;
                }
                while c0 < j && matches!(self.lower(c0), "," | "—" | "–") {
                    c0 += 1;
                }
                (c0, j - 1)
            };
        if c0 >= e
            || (c0..e).filter(|&x| is_wordlike(self.lower(x))).count() < 3
            || !self.clause_like(c0..e)
            || (c0..e).any(|x| self.is_claimed(x) || self.used[x])
        {
            return None;
        }
        let span = self.tspan(&(c0..e));
        self.claimed.push(span);
        Some(Cand::indirect(
            span,
            k..k + 1,
            Some(j + 1..k),
            s,
            sent,
            None,
        ))
    }

    /// With a parse: whether tokens `r` hold a clause that cue `k` governs (a `ccomp` of it)
    /// with a subject of its own.
    fn governed_clause(&self, k: usize, r: Range<usize>) -> bool {
        let toks = &self.v.toks;
        self.v.parsed
            && r.clone().any(|j| {
                toks[j].head == Some(k)
                    && toks[j].deprel.as_str() == "ccomp"
                    && r.clone()
                        .any(|m| toks[m].head == Some(j) && toks[m].deprel.starts_with("nsubj"))
            })
    }

    /// Whether `r` holds the passive subject of the cue at `k` ("Storms [are expected] to hit"):
    /// what is reported, not who reports it; PolNeAR gives such attributions no source (train: 47
    /// of 52 `expected`/`believed` cues have none).
    fn passive_subject(&self, k: usize, r: &Range<usize>) -> bool {
        self.v.parsed
            && r.clone()
                .any(|t| self.v.toks[t].head == Some(k) && self.v.toks[t].deprel == "nsubj:pass")
    }

    /// Whether token `i` can head a noun phrase by its part of speech (always, without tags).
    fn nominal(&self, i: usize) -> bool {
        !self.v.tagged
            || !matches!(
                self.v.toks[i].upos.as_str(),
                "ADV" | "AUX" | "VERB" | "ADP" | "PART" | "SCONJ" | "CCONJ" | "INTJ"
            )
    }

    fn np_adverb(&self, i: usize) -> bool {
        let w = self.lower(i);
        matches!(
            w,
            "also"
                | "later"
                | "then"
                | "again"
                | "simply"
                | "previously"
                | "repeatedly"
                | "further"
                | "publicly"
                | "privately"
                | "flatly"
                | "recently"
                | "earlier"
                | "instead"
        )
    }

    /// Pass 3: direct quotes without a cue take the attribution of the quote just before them (up to
    /// [`MAX_CONTINUATION_GAP`] sentences back), or of a previous sentence ending in a colon.
    /// With a parse: where the relative clause of verb `k` hangs ("X, who noted …" → X's
    /// token): its head when the parser makes it a relative clause, else its relative-pronoun
    /// subject ("who"/"which"; the parser sometimes takes the clause for a complement).
    fn relative_clause_at(&self, k: usize) -> Option<usize> {
        if !self.v.parsed {
            return None;
        }
        let t = &self.v.toks[k];
        if t.deprel.as_str() == "acl:relcl" {
            return t.head;
        }
        let sent = &self.v.sents[self.sent_of(t.span.start)].toks;
        (sent.start..k).rev().find(|&j| {
            self.v.toks[j].head == Some(k)
                && self.v.toks[j].deprel.starts_with("nsubj")
                && matches!(self.lower(j), "who" | "which")
        })
    }

    fn continuations(&mut self, cands: &mut [Cand]) {
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by_key(|&i| cands[i].content.start);
        for (n, &i) in order.iter().enumerate() {
            if cands[i].cue.is_some() || cands[i].kind != QuoteKind::Direct {
                continue;
            }
            let s_open = self.sent_of(cands[i].content.start);
            // A report nested in quoted speech (its cue in a run-on quotation paragraph) does not
            // attribute the quotation after it: the quoted person goes on speaking.
            let prev = order[..n].iter().rev().copied().find(|&j| {
                cands[j].cue.is_some()
                    && !self.nested(&cands[j])
                    && cands[j].content.end <= cands[i].content.start
            });
            // "“A,” X said, referring to …. “B.”": a participle cue set off after a quotation's
            // cue does not take the quotation running on; the quotation's cue does. So does a
            // cue in a relative clause on the quotation's speaker or on a phrase after its cue
            // ("“A,” said X, who noted that …. “B.”", "“A,” X said in a film that showed …").
            let prev = prev.map(|j| {
                let Some(c) = cands[j].cue.clone() else {
                    return j;
                };
                let set_off =
                    self.is_participle(c.start) && c.start > 0 && self.lower(c.start - 1) == ",";
                let adverbial = self.v.parsed && self.v.toks[c.start].deprel.as_str() == "advcl";
                let relative_on = self.relative_clause_at(c.start);
                if !set_off && !adverbial && relative_on.is_none() {
                    return j;
                }
                order[..n]
                    .iter()
                    .rev()
                    .copied()
                    .find(|&m| {
                        m != j
                            && cands[m].kind == QuoteKind::Direct
                            && cands[m].sent == cands[j].sent
                            && cands[m].cue.as_ref().is_some_and(|mc| {
                                mc.end <= c.start
                                    && (set_off
                                        || self.v.toks[c.start].head == Some(mc.start)
                                        || relative_on.is_some_and(|h| {
                                            (mc.start..c.start).contains(&h)
                                                || cands[m]
                                                    .speaker
                                                    .as_ref()
                                                    .is_some_and(|s| s.contains(&h))
                                        }))
                            })
                    })
                    .unwrap_or(j)
            });
            if let Some(j) = prev {
                let p = cands[j].clone();
                let gap = s_open
                    .saturating_sub(p.sent.max(self.sent_of(p.content.end.saturating_sub(1))));
                if gap <= MAX_CONTINUATION_GAP
                    && self.v.sents[s_open]
                        .paragraph
                        .abs_diff(self.v.sents[p.sent].paragraph)
                        <= 1
                {
                    cands[i].cue = p.cue;
                    cands[i].speaker = p.speaker;
                    cands[i].channel = p.channel;
                    cands[i].scope = p.scope;
                    cands[i].sent = p.sent;
                    continue;
                }
            }
            // "Cruz continued:" — a cue sentence ending with a colon just before.
            if s_open > 0 {
                let ps = self.v.sents[s_open - 1].toks.clone();
                if ps.end > ps.start && self.lower(ps.end - 1) == ":" {
                    // The cue of that sentence, else its colon ("… in Obama’s word:").
                    let cue = ps
                        .clone()
                        .rev()
                        .find(|&k| self.cue(k).is_some() && !self.used[k])
                        .or(Some(ps.end - 1));
                    if let Some(c) = cue {
                        cands[i].cue = Some(c..c + 1);
                        cands[i].speaker = self.subject(ps.start, c);
                        cands[i].scope = ps.clone();
                        cands[i].sent = s_open - 1;
                        self.used[c] = true;
                    }
                }
            }
        }
    }

    /// Speaker phrases that are not speakers by themselves: a relative pronoun takes its antecedent
    /// ("the minister, who said" → "the minister"); a first-person pronoun in a cue inside a direct
    /// quote takes that quote's speaker; a name cut short is extended over the rest of its entity;
    /// a lone article, clitic (also one split off by an apostrophe typed as a quotation mark) or
    /// complementizer is dropped.
    fn repair_speakers(&self, cands: &mut [Cand]) {
        let turns = self.interview_turns();
        let directs: Vec<(Span, Option<Range<usize>>)> = cands
            .iter()
            .filter(|c| c.kind == QuoteKind::Direct)
            .map(|c| (c.content, c.speaker.clone()))
            .collect();
        for c in cands.iter_mut() {
            let Some(r) = c.speaker.clone() else { continue };
            if r.is_empty() {
                c.speaker = None;
                continue;
            }
            let mut r = r;
            if r.len() == 1 && matches!(self.lower(r.start), "who" | "which" | "that") {
                c.refers = self.relative_antecedent(r.start);
                continue;
            }
            if r.len() == 1 && matches!(self.lower(r.start), "i" | "we" | "me" | "us") {
                if let Some(cue) = &c.cue {
                    let at = self.v.toks[cue.start].span;
                    if let Some((_, sp)) = directs.iter().find(|(d, _)| d.contains(at)) {
                        c.refers = sp.clone();
                        continue;
                    }
                }
                // An interview's answer: the person whose turn it is ("Jane Roe: I think …").
                let k = turns.partition_point(|(colon, _)| *colon < r.start);
                if let Some((_, name)) = k.checked_sub(1).map(|k| &turns[k]) {
                    c.refers = name.clone();
                }
                continue;
            }
            // Drop leading function words and clitics ("n't", "the" standing alone).
            while r.start < r.end
                && matches!(
                    self.lower(r.start),
                    "n't" | "’s" | "'s" | "," | "and" | "but" | "or" | "—" | "–"
                )
            {
                r.start += 1;
            }
            if r.is_empty()
                || r.len() == 1
                    && matches!(
                        self.lower(r.start),
                        "the"
                            | "a"
                            | "an"
                            | "n't"
                            | "’s"
                            | "'s"
                            | "which"
                            | "that"
                            | "who"
                            | "whom"
                            // Clitics left by an apostrophe typed as a quotation mark ("didn"t").
                            | "t"
                            | "s"
                            | "d"
                            | "ll"
                            | "re"
                            | "ve"
                            | "m"
                    )
                // A lone word the tagger reads as no noun ("now", "Despite", "Since"); a
                // capitalised one only when a function word (a name may be mis-tagged a verb).
                || r.len() == 1
                    && !self.nominal(r.start)
                    && (!self.v.toks[r.start].cap
                        || matches!(
                            self.v.toks[r.start].upos.as_str(),
                            "ADP" | "SCONJ" | "CCONJ" | "PART" | "AUX"
                        ))
            {
                c.speaker = None;
                continue;
            }
            // A name cut short: extend over a person or organisation entity that starts inside and
            // ends after it ("the United Nations High Commission" for Refugees).
            let span = self.tspan(&r);
            // Entities are sorted by start: look only at those starting inside the span.
            let ents = &self.doc.entities;
            let from = ents.partition_point(|e| e.span.start < span.start);
            let mut inside = ents[from..].iter().take_while(|e| e.span.start < span.end);
            if let Some(e) = inside.find(|e| {
                matches!(e.kind.as_str(), "PER" | "ORG")
                    && e.span.start >= span.start
                    && e.span.start < span.end
                    && e.span.end > span.end
            }) {
                let end = self.v.tok_until(e.span.end);
                if end > r.end && (r.end..end).all(|k| self.seg_of[k].is_none()) {
                    r.end = end;
                }
            }
            c.speaker = Some(r);
        }
    }

    /// The entities that end at byte `end` (among the few starting last before it: entities are
    /// sorted by start, so this is a binary search, not a scan of the document).
    fn entities_ending_at(&self, end: usize) -> impl Iterator<Item = &dyad_doc::Entity> + '_ {
        let ents = &self.doc.entities;
        let upto = ents.partition_point(|e| e.span.start < end);
        ents[..upto]
            .iter()
            .rev()
            .take(4)
            .filter(move |e| e.span.end == end)
    }

    /// The turns of an interview printed as a transcript: a person's name right after a question
    /// and followed by a colon ("… to do? Jane Roe: I find it deplorable"), as (colon token, name
    /// tokens) in text order. The title is skipped ("Jane Roe: 'I was wrong'" heads a story about
    /// her, not a transcript), and so is an interviewer that is an organisation ("DW:"): its turns
    /// end the previous answer without giving first-person speakers a name.
    fn interview_turns(&self) -> Vec<(usize, Option<Range<usize>>)> {
        let title_end = match &self.doc.title {
            Some(t) if self.doc.text.starts_with(t.as_str()) => t.len(),
            _ => 0,
        };
        let mut out = Vec::new();
        for (k, t) in self.v.toks.iter().enumerate() {
            if k == 0 || t.lower != ":" || t.span.start < title_end {
                continue;
            }
            let Some(e) = self.entities_ending_at(self.v.toks[k - 1].span.end).next() else {
                continue;
            };
            // An answer follows a question: the name comes right after a question mark (a
            // "Name: subtitle" heading does not). An organisation opening a sentence with a colon
            // is the interviewer asking: its turn names no one.
            let from = self.v.tok_from(e.span.start);
            let after_question = (from.saturating_sub(2)..from).any(|j| self.lower(j) == "?");
            let opens = from == 0 || self.v.sents[self.sent_of(e.span.start)].toks.start == from;
            if e.kind == "PER" && after_question {
                out.push((k, Some(from..k)));
            } else if e.kind != "PER" && (opens || after_question) {
                out.push((k, None));
            }
        }
        out
    }

    /// The antecedent of the relative pronoun at `rel`: with a parse the noun its clause modifies
    /// (`acl:relcl`), else the noun phrase before it ("the minister, who …").
    fn relative_antecedent(&self, rel: usize) -> Option<Range<usize>> {
        let sent = self.v.sents[self.sent_of(self.v.toks[rel].span.start)]
            .toks
            .clone();
        // A person or organisation named right before ", who" is its antecedent, whatever the
        // parse attached the clause to ("the message from Minister X, who said").
        let before = if rel > sent.start && self.lower(rel - 1) == "," {
            rel - 1
        } else {
            rel
        };
        if before > sent.start {
            if let Some(e) = self
                .entities_ending_at(self.v.toks[before - 1].span.end)
                .find(|e| matches!(e.kind.as_str(), "PER" | "ORG"))
            {
                let from = self.v.tok_from(e.span.start);
                if from >= sent.start && from < before {
                    return Some(from..before);
                }
            }
        }
        if let (true, Some(mut v)) = (self.v.parsed, self.v.toks[rel].head) {
            for _ in 0..2 {
                if self.v.toks[v].deprel.starts_with("acl") {
                    let Some(h) = self.v.toks[v].head else { break };
                    if h < rel && h >= sent.start {
                        let mut start = h;
                        while start > sent.start
                            && self.v.toks[start - 1]
                                .head
                                .is_some_and(|x| x == h || self.v.toks[x].head == Some(h))
                            && !matches!(self.lower(start - 1), "," | "“" | "\"")
                        {
                            start -= 1;
                        }
                        return Some(start..h + 1);
                    }
                }
                let Some(h) = self.v.toks[v].head else { break };
                v = h;
            }
        }
        let end = if rel > sent.start && self.lower(rel - 1) == "," {
            rel - 1
        } else {
            rel
        };
        self.np.left_np(sent.start, end)
    }

    fn finish(&self, mut cands: Vec<Cand>, collect: bool) -> Vec<(Quote, Option<Vec<String>>)> {
        // Trim punctuation left at the edges of reported content.
        for c in cands.iter_mut() {
            let t = &self.doc.text[c.content.start..c.content.end];
            let lead = t.len() - t.trim_start_matches([',', ';', ' ', '—', '–', '\n']).len();
            c.content.start += lead;
        }
        // A short quoted phrase with no cue and no speaker is a title or slogan, not a quotation.
        cands.retain(|c| {
            !c.content.is_empty()
                && (c.cue.is_some()
                    || self.doc.text[c.content.start..c.content.end]
                        .split_whitespace()
                        .count()
                        >= 5)
        });
        cands.sort_by_key(|c| (c.content.start, c.content.end));
        self.repair_speakers(&mut cands);
        let quoted: Vec<Span> = self.segs.iter().map(|s| s.content).collect();
        let resolver = Resolver::new(self.doc, &self.np, &quoted);
        let channels = Channels {
            doc: self.doc,
            v: self.v,
            lex: self.lex,
        };
        // Channels are not looked for inside quoted text or any content.
        let skip = SpanIndex::new(
            cands
                .iter()
                .map(|c| c.content)
                .chain(quoted.iter().copied()),
        );
        let mut out: Vec<(Quote, Option<Vec<String>>)> = Vec::with_capacity(cands.len());
        let mut shared: std::collections::HashMap<(usize, usize), usize> =
            std::collections::HashMap::new();
        for c in &cands {
            if let Some(r) = &c.cue {
                *shared.entry((r.start, r.end)).or_default() += 1;
            }
        }
        let inputs = filter::Inputs {
            v: self.v,
            lex: self.lex,
            cue_p: &self.cue_p,
            frame: &self.frame,
        };
        // (sentence of the cue, resolved speaker) of quotes already resolved, in text order.
        let mut recent: Vec<(usize, dyad_doc::Speaker)> = Vec::new();
        let mut recent_by_sent: std::collections::HashMap<usize, Vec<usize>> =
            std::collections::HashMap::new();
        for c in cands {
            // The latest resolved quote of this sentence or the one before (looked up by
            // sentence, not scanned: a long document has many quotes).
            let hint = [c.sent, c.sent.wrapping_sub(1)]
                .iter()
                .filter_map(|s| recent_by_sent.get(s))
                .flatten()
                .copied()
                .filter(|&i| {
                    let (_, sp): &(usize, dyad_doc::Speaker) = &recent[i];
                    sp.name.is_some() && c.speaker.as_ref().is_none_or(|r| self.tspan(r) != sp.span)
                })
                .max()
                .map(|i| &recent[i].1);
            let speaker = c.speaker.clone().filter(|r| r.start < r.end).map(|r| {
                match c.refers.clone().filter(|a| a.start < a.end) {
                    // Resolve through the antecedent; the mention stays the speaker span.
                    Some(a) => {
                        let mut sp = resolver.speaker(a, hint);
                        sp.span = self.tspan(&r);
                        sp
                    }
                    None => resolver.speaker(r, hint),
                }
            });
            let channel = c.channel.clone().or_else(|| {
                c.cue.as_ref().and_then(|cue| {
                    channels.find(Some(cue.end - 1), c.scope.start, c.scope.end, &skip)
                })
            });
            // An attitude of an unresolved first or second person ("I think", "you know", "we
            // want") outside a quotation is the writer's or a generic voice, not an attribution.
            if c.frame_only
                && speaker.as_ref().is_some_and(|s| {
                    !s.is_resolved()
                        && matches!(
                            self.doc.text[s.span.start..s.span.end]
                                .to_lowercase()
                                .as_str(),
                            "i" | "you" | "we" | "me" | "us" | "one"
                        )
                })
            {
                continue;
            }
            // A cue known only by the cue model or the frame table that is a verb of material
            // action (`[acts]` of words.txt: "raided", "signed", "launched") reports nothing
            // when its content is its direct object ("raided the office"): the act itself.
            // Clauses, quotations and other complements ("voted for X") still count.
            if c.frame_only && c.kind == QuoteKind::Indirect && self.act_on_object(&c) {
                continue;
            }
            // The trained filter judges every candidate with a cue (all of them when collecting
            // its training data) in a parsed document: it was trained on parsed text only.
            let fc = c
                .cue
                .as_ref()
                .filter(|_| self.v.parsed && (collect || !self.filter.is_empty()))
                .map(|cue| filter::Cand {
                    kind: c.kind,
                    cue,
                    speaker: c.speaker.as_ref().filter(|r| r.start < r.end),
                    resolved: speaker.as_ref().is_some_and(|s| s.is_resolved()),
                    content: c.content,
                    sent: c.sent,
                    nested: skip.any_contains(self.tspan(cue)),
                    shared: shared.get(&(cue.start, cue.end)).copied().unwrap_or(1),
                });
            // Scored without writing the features out unless they are collected.
            let feats = fc
                .as_ref()
                .filter(|_| collect)
                .map(|fc| filter::features(&inputs, fc));
            if !collect
                && fc
                    .as_ref()
                    .is_some_and(|fc| !filter::keeps(self.filter, &inputs, fc))
            {
                continue;
            }
            if let Some(sp) = &speaker {
                let sent = c.sent.max(self.sent_of(c.content.end.saturating_sub(1)));
                recent_by_sent.entry(sent).or_default().push(recent.len());
                recent.push((sent, sp.clone()));
            }
            out.push((
                Quote {
                    span: c.content,
                    kind: c.kind,
                    speaker,
                    cue: c.cue.as_ref().map(|r| self.tspan(r)),
                    channel,
                },
                feats,
            ));
        }
        out
    }
}

/// Whether a lower-case token is a word (starts with a letter or digit).
fn is_wordlike(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric)
}

/// Trim whitespace and a trailing comma from a direct quote's content.
fn trim_content(text: &str, s: Span) -> Span {
    let inner = &text[s.start..s.end];
    let lead = inner.len() - inner.trim_start().len();
    let t = inner.trim_start().trim_end();
    let t = t.strip_suffix(',').unwrap_or(t).trim_end();
    if t.is_empty() {
        return s;
    }
    Span::new(s.start + lead, s.start + lead + t.len())
}
