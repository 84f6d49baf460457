//! Finding the speaker phrase of a cue and resolving it to a name, a coreference cluster and an
//! actor.
//!
//! With a dependency parse the speaker is the cue's subject; without one, the noun phrase next to
//! the cue (skipping adverbs and auxiliaries) or the first noun phrase of the clause. Resolution
//! prefers the layers of earlier stages (entities, clusters); without them a pronoun falls back to
//! the first person named in the closest preceding sentence, and a surname to the longest full name
//! that ends with it.

use crate::lexicon::Lexicon;
use crate::view::View;
use dyad_doc::{Doc, Entity, Span, SpanIndex, Speaker};
use std::ops::Range;

const PARTICLES: &[&str] = &[
    "von", "der", "van", "de", "da", "al", "bin", "ibn", "la", "le", "du", "of",
];
const PREPOSITIONS: &[&str] = &[
    "with",
    "of",
    "involving",
    "for",
    "to",
    "about",
    "by",
    "from",
    "in",
    "on",
    "at",
    "into",
    "than",
    "against",
    "between",
    "over",
    "among",
    "like",
    "toward",
    "towards",
    "under",
    "after",
    "before",
];
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "another", "some", "several", "many", "two", "three", "one", "other",
];
const OBJ_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me", "you", "it"];

/// Words that end a noun phrase when walking over lower-case words.
/// A day of the week, lower case.
pub(crate) fn is_weekday(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

fn is_function(lower: &str) -> bool {
    PREPOSITIONS.contains(&lower)
        || matches!(
            lower,
            "and"
                | "or"
                | "but"
                | "that"
                | "which"
                | "who"
                | "whom"
                | "whose"
                | "when"
                | "while"
                | "as"
                | "if"
                | "because"
                | "so"
                | "not"
                | "also"
                | "has"
                | "have"
                | "had"
                | "is"
                | "was"
                | "were"
                | "are"
                | "be"
                | "been"
                | "will"
                | "would"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "did"
                | "does"
                | "do"
        )
}

fn is_word(lower: &str) -> bool {
    lower.chars().next().is_some_and(char::is_alphanumeric)
}

/// Nationality-like adjectives ("Russian", "Swedish", "Chinese") are not part of a name.
/// A courtesy title before a surname.
fn is_honorific(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mrs" | "ms" | "miss" | "mr." | "mrs." | "ms." | "dr" | "dr."
    )
}

fn is_nationality(lower: &str) -> bool {
    [
        "ian",
        "ish",
        "ese",
        "ican",
        "ean",
        "german",
        "french",
        "dutch",
        "greek",
        "swiss",
        "thai",
        "israeli",
        "iraqi",
        "saudi",
        "pakistani",
        "afghan",
        "yemeni",
        "kuwaiti",
        "qatari",
    ]
    .iter()
    .any(|s| lower.ends_with(s))
        && lower.len() > 4
}

/// Helpers over a view and its lexicon.
pub struct Np<'a> {
    /// Token view.
    pub v: &'a View<'a>,
    /// Word lists.
    pub lex: &'a Lexicon,
}

impl<'a> Np<'a> {
    fn lower(&self, i: usize) -> &str {
        &self.v.toks[i].lower
    }

    fn is_adverb(&self, i: usize) -> bool {
        let w = self.lower(i);
        self.lex.is("adverbs", w) || (w.ends_with("ly") && w.len() > 4 && !self.v.toks[i].cap)
    }

    /// How many tokens before `j` (down to `lo`) form a time adverbial that may stand between a
    /// subject and its verb: "last month", "this week", "on Tuesday", "yesterday" ("X, the chairman,
    /// last month called on …"). 0 when none does.
    pub fn time_before(&self, lo: usize, j: usize) -> usize {
        let is_unit = |w: &str| {
            matches!(
                w,
                "week"
                    | "month"
                    | "year"
                    | "weekend"
                    | "night"
                    | "morning"
                    | "afternoon"
                    | "evening"
            ) || is_weekday(w)
        };
        if j > lo && matches!(self.lower(j - 1), "yesterday" | "today" | "tonight") {
            return 1;
        }
        if j >= lo + 2 && is_unit(self.lower(j - 1)) {
            let m = self.lower(j - 2);
            if matches!(m, "last" | "this" | "next" | "past" | "on") {
                return 2;
            }
        }
        0
    }

    /// The noun phrase ending just before `cue` (after skipping adverbs), within `lo..cue`.
    /// Returns `None` when the neighbour is punctuation or a preposition-governed phrase.
    pub fn left_np(&self, lo: usize, cue: usize) -> Option<Range<usize>> {
        let mut j = cue;
        loop {
            if j > lo && self.is_adverb(j - 1) {
                j -= 1;
            } else if self.time_before(lo, j) > 0 {
                j -= self.time_before(lo, j);
            } else {
                break;
            }
        }
        if j == lo {
            return None;
        }
        let end = j;
        let last = j - 1;
        let w = self.lower(last);
        if self.lex.is("pronouns", w) {
            return Some(last..end);
        }
        if !is_word(w) || is_function(w) || OBJ_PRONOUNS.contains(&w) {
            return None;
        }
        let mut start = last;
        if self.v.toks[last].cap {
            while start > lo {
                let p = start - 1;
                let pl = self.lower(p);
                let ok = self.v.toks[p].cap
                    || (PARTICLES.contains(&pl) && pl != "of" && self.cap_before_particles(lo, p))
                    || self.lex.is("titles", pl)
                    || pl == "’s"
                    || pl == "'s";
                if !ok || self.lex.is("nonnames", pl) && !self.v.toks[p].cap {
                    break;
                }
                start = p;
            }
        } else {
            // Lower-case head: walk over modifiers (at most four words) to a determiner.
            while start > lo && end - start < 5 {
                let p = start - 1;
                let pl = self.lower(p);
                if DETERMINERS.contains(&pl) {
                    start = p;
                    break;
                }
                if !is_word(pl) || is_function(pl) || self.lex.cue(pl).is_some() {
                    break;
                }
                start = p;
            }
        }
        if start > lo && PREPOSITIONS.contains(&self.lower(start - 1)) {
            return None;
        }
        // A member of a coordination ("Macron, Scholz, and Nordic leaders said") is not the
        // subject by itself: let the caller look for the clause's first phrase.
        if start > lo && matches!(self.lower(start - 1), "and" | "or" | "nor") {
            return None;
        }
        // Drop a leading sentence-adverb ("However") or conjunction.
        while start < end
            && self.lex.is("nonnames", self.lower(start))
            && !DETERMINERS.contains(&self.lower(start))
        {
            start += 1;
        }
        (start < end).then_some(start..end)
    }

    /// Whether a run of name particles starting at `k` ("von der") is followed by a capitalised word.
    fn particles_then_cap(&self, k: usize, hi: usize) -> bool {
        let mut q = k;
        while q < hi && PARTICLES.contains(&self.lower(q)) && self.lower(q) != "of" {
            q += 1;
        }
        q > k && q < hi && self.v.toks[q].cap
    }

    /// Whether a capitalised word follows within two lower-case content words ("Central bank
    /// governor Mira Holt").
    fn cap_ahead(&self, e: usize, hi: usize) -> bool {
        (e + 1..(e + 3).min(hi))
            .find(|&k| {
                let l = self.lower(k);
                self.v.toks[k].cap || !is_word(l) || is_function(l)
            })
            .is_some_and(|k| self.v.toks[k].cap)
    }

    /// Whether a capitalised word precedes the run of name particles ending at `p`.
    fn cap_before_particles(&self, lo: usize, p: usize) -> bool {
        let mut q = p;
        while q > lo && PARTICLES.contains(&self.lower(q)) {
            q -= 1;
        }
        q < p && self.v.toks[q].cap
    }

    /// The first noun phrase of the clause `lo..hi`, skipping an introductory phrase that ends with a
    /// comma ("However,", "In a statement on Monday,").
    pub fn first_np(&self, lo: usize, hi: usize) -> Option<Range<usize>> {
        let mut s = lo;
        // Skip introductory phrases: a sentence adverb or a prepositional/subordinate phrase up to a comma.
        loop {
            if s >= hi {
                return None;
            }
            let w = self.lower(s);
            let intro = self.lex.is("nonnames", w)
                && !DETERMINERS.contains(&w)
                && !self.lex.is("pronouns", w)
                || PREPOSITIONS.contains(&w)
                || w.ends_with("ing") && !self.v.toks[s].cap;
            if !intro && is_word(w) {
                break;
            }
            if !is_word(w) && !intro {
                s += 1;
                continue;
            }
            match (s..hi).find(|&k| self.lower(k) == ",") {
                Some(c) if c + 1 < hi => s = c + 1,
                _ => s += 1,
            }
        }
        let w = self.lower(s);
        if self.lex.is("pronouns", w) {
            return Some(s..s + 1);
        }
        let mut e = s;
        let mut saw_cap = false;
        while e < hi && e - s < 8 {
            let l = self.lower(e);
            let t = &self.v.toks[e];
            if t.cap {
                saw_cap = true;
                e += 1;
                continue;
            }
            // Appositive comma after a title: "German Chancellor, Friedrich Merz,".
            if l == "," && saw_cap && e + 1 < hi && self.v.toks[e + 1].cap && self.all_titles(s, e)
            {
                e += 1;
                continue;
            }
            if l == "," || !is_word(l) || is_function(l) || self.lex.cue(l).is_some() {
                if PARTICLES.contains(&l) && saw_cap && e + 1 < hi && self.v.toks[e + 1].cap {
                    e += 1;
                    continue;
                }
                break;
            }
            if saw_cap
                && !self.lex.is("titles", l)
                && !self.lex.is("sources", l)
                && !self.cap_ahead(e, hi)
            {
                break;
            }
            e += 1;
        }
        (e > s).then_some(s..e)
    }

    fn all_titles(&self, s: usize, e: usize) -> bool {
        (s..e).all(|k| {
            let l = self.lower(k);
            self.lex.is("titles", l)
                || is_nationality(l)
                || DETERMINERS.contains(&l)
                || self.v.toks[k].cap && k + 1 < e
        })
    }

    /// The noun phrase starting at `s` going right (object of a cue or speaker after it), at most
    /// `max` tokens, stopping at punctuation and function words.
    pub fn right_np(&self, s: usize, hi: usize, max: usize) -> Option<Range<usize>> {
        if s >= hi {
            return None;
        }
        let w = self.lower(s);
        if self.lex.is("pronouns", w) || OBJ_PRONOUNS.contains(&w) {
            return Some(s..s + 1);
        }
        let mut e = s;
        let mut saw_cap = false;
        while e < hi && e - s < max {
            let l = self.lower(e);
            if self.v.toks[e].cap {
                saw_cap = true;
            } else if DETERMINERS.contains(&l) && e == s {
            } else if !is_word(l)
                || is_function(l)
                || (self.lex.cue(l).is_some()
                    && !(e > s && DETERMINERS.contains(&self.lower(e - 1))))
            {
                if PARTICLES.contains(&l) && saw_cap && e + 1 < hi && self.v.toks[e + 1].cap {
                    e += 1;
                    continue;
                }
                break;
            } else if saw_cap && !self.lex.is("titles", l) {
                break;
            }
            e += 1;
        }
        let bare_det = e == s + 1
            && DETERMINERS.contains(&w)
            && !matches!(
                w,
                "some" | "many" | "several" | "one" | "two" | "three" | "other"
            );
        (e > s && !bare_det).then_some(s..e)
    }

    /// The name inside a speaker phrase: its last run of capitalised words after any titles and
    /// nationality adjectives ("Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov").
    pub fn name_run(&self, r: Range<usize>) -> Option<Range<usize>> {
        let mut best: Option<Range<usize>> = None;
        let mut k = r.start;
        while k < r.end {
            let l = self.lower(k);
            let t = &self.v.toks[k];
            let nameish = t.cap
                && !self.lex.is("titles", l)
                && !self.lex.is("nonnames", l)
                && !(is_nationality(l)
                    && !(k + 1 < r.end
                        && self.v.toks[k + 1].cap
                        && !self.lex.is("titles", self.lower(k + 1))));
            if nameish {
                let s = k;
                while k < r.end
                    && (self.v.toks[k].cap && !self.lex.is("titles", self.lower(k))
                        || self.particles_then_cap(k, r.end))
                {
                    k += 1;
                }
                best = Some(s..k);
            } else {
                k += 1;
            }
        }
        best
    }
}

/// Sentences (the pronoun's and those before it) that "he"/"she" look through for the person
/// named before them. NewsArticles, first 400: 4 → 8 resolves 23 more speakers, nearly all after a
/// quotation of several sentences.
const PERSON_SENTENCES: usize = 8;
/// Sentences wholly inside quotation marks that "he"/"she" look past without counting them
/// against [`PERSON_SENTENCES`].
const QUOTED_SENTENCES_SKIPPED: usize = 12;
/// Sentences before the speaker's that "the ambassador" looks back through for the person
/// introduced with that title (NewsArticles, first 400: 3 → 8 resolves 7 more, all right).
const TITLE_SENTENCES_BACK: usize = 8;
/// Words after a document noun within which "by"/"from"/"of" introduces its issuer ("a report
/// published on Tuesday by").
const ISSUER_WORDS_AFTER: usize = 6;
/// Words between that preposition and the issuer's name ("by the rights group Amnesty").
const ISSUER_GAP: usize = 5;
/// Verbs whose subject issued the document that is their object ("X published a study").
/// Not "commission": who orders a report does not write it.
const ISSUING_VERBS: &[&str] = &["publish", "release", "issue", "produce", "unveil"];
/// Verbs of saying whose subject issued the document they were said in ("the ministry said in a
/// statement", "the group warned in its report").
const STATING_VERBS: &[&str] = &[
    "say", "state", "write", "announce", "add", "note", "confirm", "claim", "warn", "report",
];
/// Words before a name that may hold its title ("Russia's ambassador to Seoul, Aleksandr Timonin").
const TITLE_WORDS_BEFORE: usize = 6;
/// Words after a name that may hold its title in an apposition ("Ann Lee, the sports director").
const TITLE_WORDS_AFTER: usize = 5;

/// Resolves speaker phrases against the document's entity and cluster layers.
///
/// Entities (sorted by start) and cluster mentions are looked up by position, never scanned, so
/// resolving every quote of a long document stays linear in its length.
pub struct Resolver<'a> {
    doc: &'a Doc,
    np: &'a Np<'a>,
    /// Byte spans inside quotation marks (names there are not speakers).
    quoted: SpanIndex,
    /// Places, time expressions and place or miscellaneous entities: capitalised words there are
    /// no speaker's name.
    not_names: SpanIndex,
    /// Places and time expressions alone.
    places_times: SpanIndex,
    /// The longest entity, in bytes: an entity overlapping a span starts at most this far before it.
    longest_entity: usize,
    /// Every cluster mention with its cluster, sorted; and the longest mention.
    mentions: Vec<(Span, usize)>,
    longest_mention: usize,
}

impl<'a> Resolver<'a> {
    /// A resolver for `doc`.
    pub fn new(doc: &'a Doc, np: &'a Np<'a>, quoted: &'a [Span]) -> Resolver<'a> {
        let mut mentions: Vec<(Span, usize)> = doc
            .clusters
            .iter()
            .enumerate()
            .flat_map(|(c, cl)| cl.mentions.iter().map(move |m| (*m, c)))
            .collect();
        mentions.sort_unstable();
        Resolver {
            doc,
            np,
            quoted: SpanIndex::new(quoted.iter().copied()),
            places_times: SpanIndex::new(
                doc.places
                    .iter()
                    .map(|p| p.span)
                    .chain(doc.times.iter().map(|t| t.span)),
            ),
            not_names: SpanIndex::new(
                doc.places
                    .iter()
                    .map(|p| p.span)
                    .chain(doc.times.iter().map(|t| t.span))
                    .chain(
                        doc.entities
                            .iter()
                            .filter(|e| matches!(e.kind.as_str(), "LOC" | "GPE" | "MISC"))
                            .map(|e| e.span),
                    ),
            ),
            longest_entity: doc.entities.iter().map(|e| e.span.len()).max().unwrap_or(0),
            longest_mention: mentions.iter().map(|(m, _)| m.len()).max().unwrap_or(0),
            mentions,
        }
    }

    fn in_quote(&self, s: Span) -> bool {
        self.quoted.any_contains(s)
    }

    /// The entities starting in `[lo, hi)`, in order.
    fn entities_starting(&self, lo: usize, hi: usize) -> &'a [Entity] {
        let ents = &self.doc.entities;
        let a = ents.partition_point(|e| e.span.start < lo);
        let b = ents.partition_point(|e| e.span.start < hi).max(a);
        &ents[a..b]
    }

    /// The first cluster with a mention that contains `s` or lies inside it.
    fn cluster_of(&self, s: Span) -> Option<usize> {
        let lo = s.start.saturating_sub(self.longest_mention);
        let a = self.mentions.partition_point(|(m, _)| m.start < lo);
        self.mentions[a..]
            .iter()
            .take_while(|(m, _)| m.start < s.end)
            .filter(|(m, _)| m.overlaps(s) && (m.contains(s) || s.contains(*m)))
            .map(|(_, c)| *c)
            .min()
    }

    /// Build the speaker for the token range `r`. `recent` is the speaker of a quote in the same or
    /// the previous sentence: a "he"/"she" with no coreference cluster refers to it first.
    pub fn speaker(&self, r: Range<usize>, recent: Option<&Speaker>) -> Speaker {
        let v = self.np.v;
        let span = Span::new(v.toks[r.start].span.start, v.toks[r.end - 1].span.end);
        let mut sp = Speaker {
            span,
            name: None,
            cluster: None,
            actor: None,
        };
        // 1. An entity inside the phrase (the last PER/ORG, which is the name after titles).
        // With an appositive ("X, al-Nusra's leader", "Y, who met Z") the name before the first
        // comma heads the phrase.
        let head_end = self.doc.text[span.start..span.end]
            .find(',')
            .map_or(span.end, |k| span.start + k);
        let ent = self
            .entities_starting(span.start.saturating_sub(self.longest_entity), span.end + 1)
            .iter()
            .filter(|e| span.contains(e.span) || e.span.contains(span))
            // A person, an organisation or an actor; not a nationality or a title ("Andalusian").
            .filter(|e| matches!(e.kind.as_str(), "PER" | "ORG") || e.actor.is_some())
            // A person first; else the affiliation nearest the head ("the head of [the IMF]
            // mission to Greece": fewer prepositions before it); else the last.
            .max_by_key(|e| {
                let before = &self.doc.text[span.start..e.span.start.max(span.start)];
                let preps = before
                    .split_whitespace()
                    .filter(|w| matches!(*w, "of" | "to" | "for" | "at" | "in" | "from" | "with"))
                    .count();
                (
                    e.kind == "PER",
                    e.span.end <= head_end,
                    std::cmp::Reverse(preps),
                    e.span.start,
                )
            });
        if let Some(e) = ent {
            sp.cluster = e.cluster.or_else(|| self.cluster_of(e.span));
            sp.actor = e.actor.clone();
            sp.name = self
                .cluster_name(sp.cluster)
                .or_else(|| e.actor.as_ref().and_then(|a| a.name.clone()));
            if sp.name.is_none() {
                sp.name = Some(self.doc.text[e.span.start..e.span.end].to_string());
            }
            return sp;
        }
        // 2. A cluster mention (pronouns, role nominals).
        if let Some(c) = self.cluster_of(span) {
            sp.cluster = Some(c);
            sp.actor = self.doc.clusters[c].actor.clone();
            sp.name = self.cluster_name(Some(c));
            if sp.name.is_some() {
                return sp;
            }
        }
        let first = &v.toks[r.start].lower;
        if r.len() == 1 && (first == "he" || first == "she") {
            if let Some(p) = recent.filter(|p| p.name.is_some()) {
                sp.name = p.name.clone();
                sp.cluster = sp.cluster.or(p.cluster);
                sp.actor = sp.actor.clone().or_else(|| p.actor.clone());
                return sp;
            }
            self.take_antecedent(&mut sp, &["PER"]);
            return sp;
        }
        // "The ministry … It said": "it" speaks for an organisation named before it (the first
        // one of its sentence, or of the closest earlier sentence naming one).
        if r.len() == 1 && first == "it" && !self.doc.entities.is_empty() {
            self.take_antecedent(&mut sp, &["ORG"]);
            return sp;
        }
        // "the ambassador said": the person introduced earlier with that title ("Ambassador
        // Anatoly Antonov", "Lee, the ambassador,"), within the last few sentences.
        // Modifiers may stand between ("the sports director", "the veteran politician").
        let head = &v.toks[r.end - 1].lower;
        if (2..=4).contains(&r.len()) && first == "the" && self.np.lex.is("titles", head) {
            if let Some(n) = self.titled_person(r.start, head) {
                return Speaker { span, ..n };
            }
        }
        // "the report found": the person or organisation that issued the document, named with it
        // earlier ("a report by Amnesty International", "the ministry's statement").
        // A participle after the noun may have been taken into the phrase ("a report published").
        let doc_end = if r.len() >= 2
            && v.toks[r.end - 1].upos == "VERB"
            && self.np.lex.is("documents", &v.toks[r.end - 2].lower)
        {
            r.end - 1
        } else {
            r.end
        };
        if doc_end - r.start <= 3 && self.np.lex.is("documents", &v.toks[doc_end - 1].lower) {
            if let Some(n) = self.issuer(r.start..doc_end) {
                return Speaker { span, ..n };
            }
        }
        // A relative pronoun the parse left unattached: the name just before it ("Lee, who said").
        if r.len() == 1 && matches!(first.as_str(), "who" | "which" | "that") {
            let lo = r.start.saturating_sub(2);
            let before = Span::new(v.toks[lo].span.start, span.start);
            let ent = self
                .entities_starting(
                    before.start.saturating_sub(self.longest_entity),
                    span.start + 1,
                )
                .iter()
                .filter(|e| e.span.end <= span.start && e.span.end > before.start)
                .filter(|e| matches!(e.kind.as_str(), "PER" | "ORG") && !self.in_quote(e.span))
                .max_by_key(|e| e.span.end);
            if let Some(e) = ent {
                let gap = &self.doc.text[e.span.end..span.start];
                let er = v.tok_from(e.span.start)..v.tok_until(e.span.end);
                if (gap.trim().is_empty() || gap.trim() == ",") && er.start < er.end {
                    return Speaker {
                        span,
                        ..self.speaker(er, None)
                    };
                }
            }
        }
        if self.np.lex.is("pronouns", first) {
            return sp;
        }
        // 3. A capitalised name in the phrase, expanded to the fullest form in the document. With
        // an entity layer, only a name the tagger reads as proper nouns throughout ("Ni", "Wong
        // Chiu Man": names the recogniser missed), and not one it knows as a place or a date.
        // An honorific and a capitalised word ("Mrs May", "Mr English"), the phrase perhaps cut
        // after the honorific: a person, whatever else the word may be (a month, a language).
        let next_cap = |k: usize| k < v.toks.len() && v.toks[k].cap && v.toks[k].upos == "PROPN";
        if r.len() <= 2
            && is_honorific(&v.toks[r.end - 1].lower)
            && next_cap(r.end)
            && (r.len() == 1 || v.toks[r.start].lower == "the")
        {
            let text = &self.doc.text[v.toks[r.end - 1].span.start..v.toks[r.end].span.end];
            sp.name = Some(text.to_string());
            return sp;
        }
        if r.len() == 2 && is_honorific(&v.toks[r.start].lower) && v.toks[r.end - 1].cap {
            let text = &self.doc.text[span.start..span.end];
            sp.name = Some(text.to_string());
            return sp;
        }
        if let Some(n) = self.np.name_run(r.clone()) {
            let text = &self.doc.text[v.toks[n.start].span.start..v.toks[n.end - 1].span.end];
            let name = self.expand_name(text);
            // The name heads the phrase ("Law enforcement officials" is no "Law"); a lone word
            // opening its sentence ("Whataboutism is …") is a name only when the document also
            // writes it capitalised elsewhere or in a longer name.
            let missed_name = || {
                v.tagged
                    && n.end == r.end
                    && n.clone().all(|k| v.toks[k].upos == "PROPN")
                    && n.clone()
                        .all(|k| !self.np.lex.is("nonnames", &v.toks[k].lower))
                    && (!self.is_place_or_time(n.clone()) || self.named_other(r.clone(), n.clone()))
                    && (n.len() > 1 || name.len() > text.len() || self.recurs_inside(n.start))
            };
            if self.doc.entities.is_empty() || missed_name() {
                sp.name = Some(name);
            }
        }
        sp
    }

    /// The speaker for the last person named before token `at` (in its sentence or the
    /// [`TITLE_SENTENCES_BACK`] before, outside quotes) with the title `title` among the
    /// [`TITLE_WORDS_BEFORE`] words before the name or the [`TITLE_WORDS_AFTER`] after it.
    fn titled_person(&self, at: usize, title: &str) -> Option<Speaker> {
        let v = self.np.v;
        let si = v.sent_at(v.toks[at].span.start)?;
        let lo = v.sents[si.saturating_sub(TITLE_SENTENCES_BACK)].span.start;
        let hi = v.toks[at].span.start;
        let e = self
            .entities_starting(lo, hi + 1)
            .iter()
            .filter(|e| e.kind == "PER" && e.span.start >= lo && e.span.end <= hi)
            .filter(|e| !self.in_quote(e.span))
            .filter(|e| {
                let (s, t) = (v.tok_from(e.span.start), v.tok_until(e.span.end));
                (s.saturating_sub(TITLE_WORDS_BEFORE)..s)
                    .chain(t..(t + TITLE_WORDS_AFTER).min(v.toks.len()))
                    .any(|k| v.toks[k].lower == title)
            })
            .max_by_key(|e| e.span.start)?;
        let er = v.tok_from(e.span.start)..v.tok_until(e.span.end);
        (er.start < er.end).then(|| self.speaker(er, None))
    }

    /// The issuer of the document named by the phrase `r` ("the report"): the phrase itself or the
    /// closest earlier mention of the same document noun (in this sentence or the [`TITLE_SENTENCES_BACK`] before,
    /// outside quotes) with a person or organisation right before it ("Amnesty's report", "the
    /// World Bank report") or after `by`/`from`/`of` ("a report by the UN").
    fn issuer(&self, r: Range<usize>) -> Option<Speaker> {
        let v = self.np.v;
        let noun = &v.toks[r.end - 1].lower;
        let si = v.sent_at(v.toks[r.start].span.start)?;
        let lo = v.sents[si.saturating_sub(TITLE_SENTENCES_BACK)].toks.start;
        let actor_at = |b: usize, e: usize| {
            self.entities_starting(b.saturating_sub(self.longest_entity), e)
                .iter()
                .filter(|x| matches!(x.kind.as_str(), "PER" | "ORG") && !self.in_quote(x.span))
                .filter(|x| x.span.start >= b && x.span.end <= e)
                .map(|x| v.tok_from(x.span.start)..v.tok_until(x.span.end))
                .find(|r| r.start < r.end)
        };
        // The phrase's own noun first ("according to a statement from the ministry"), then earlier
        // mentions.
        let nearest = (lo..r.start).rev().find(|&k| v.toks[k].lower == *noun);
        let issued = |k: usize| {
            // Before the noun: "Amnesty's report", "the World Bank report".
            let mut b = k;
            if b > lo && matches!(v.toks[b - 1].lower.as_str(), "'s" | "’s") {
                b -= 1;
            }
            let before = (b > lo)
                .then(|| {
                    actor_at(
                        v.toks[b.saturating_sub(6).max(lo)].span.start,
                        v.toks[b - 1].span.end,
                    )
                })
                .flatten()
                .filter(|x| x.end == b);
            // After it, perhaps past a date or a participle: "a report by the UN", "a new
            // report Monday from the UN mission", "a report published on Tuesday by the
            // rights group Amnesty International", "a statement from Texas Lt. Gov. X".
            // These wider forms and the publishing subject below only for the phrase's own
            // noun and the nearest earlier mention (further back, another document may have
            // come between); "of" with a described name only for the phrase's own noun ("the
            // final report of the South African commission" in a story about a UN report).
            let own = k >= r.start;
            let wide = own || Some(k) == nearest;
            let reach = if wide { ISSUER_WORDS_AFTER } else { 4 };
            let after = || {
                let p = (k + 1..(k + reach).min(v.toks.len()))
                    .take_while(|&j| v.toks[j].lower.chars().any(char::is_alphanumeric))
                    .find(|&j| matches!(v.toks[j].lower.as_str(), "by" | "from" | "of"))?;
                // Only a participle or a date between the noun and the preposition
                // ("a report *of* attacks … by" is about the attacks).
                let plain = p < k + 4
                    || (k + 1..p).all(|j| {
                        !v.tagged
                            || matches!(v.toks[j].upos.as_str(), "VERB" | "ADV" | "NUM")
                            || self.is_place_or_time(j..j + 1)
                            || self.np.lex.is("nonnames", &v.toks[j].lower)
                            || matches!(v.toks[j].lower.as_str(), "on" | "in" | "late" | "early")
                    });
                (plain && p + 1 < v.toks.len())
                    .then(|| {
                        let end = (p + 8).min(v.toks.len() - 1);
                        actor_at(v.toks[p + 1].span.start, v.toks[end].span.end)
                    })
                    .flatten()
                    .filter(|x| {
                        let strict = |j: usize| !v.toks[j].cap && v.toks[j].lower.len() <= 3;
                        if own || (wide && v.toks[p].lower != "of") {
                            x.start - p <= ISSUER_GAP && (p + 1..x.start).all(|j| self.describes(j))
                        } else {
                            (p + 1..x.start).all(strict)
                        }
                    })
            };
            // The subject of a verb that issued it: "UNEP published a study showing …", or of a
            // verb of saying the document carried: "the ministry said in a statement".
            let subject = || {
                let h = v.toks[k].head.filter(|_| wide)?;
                let lemma = v.toks[h].lemma.as_str();
                let issued = v.toks[k].deprel == "obj" && ISSUING_VERBS.contains(&lemma);
                // Only for a definite phrase: "a statement from the group" after "the Guard
                // said in a statement" is another document.
                let said_in = v.toks[k].deprel == "obl"
                    && !matches!(v.toks[r.start].lower.as_str(), "a" | "an")
                    && STATING_VERBS.contains(&lemma)
                    && (k.saturating_sub(4)..k).any(|j| {
                        v.toks[j].head == Some(k)
                            && v.toks[j].deprel == "case"
                            && v.toks[j].lower == "in"
                    });
                if !(issued || said_in) {
                    return None;
                }
                let s = (lo..v.toks.len().min(h + 1))
                    .rev()
                    .find(|&j| v.toks[j].head == Some(h) && v.toks[j].deprel == "nsubj")?;
                actor_at(v.toks[s].span.start, v.toks[s].span.end + 1)
                    .or_else(|| {
                        // The head of a longer name ("the United Nations Environment Program").
                        self.entities_starting(
                            v.toks[s].span.start.saturating_sub(self.longest_entity),
                            v.toks[s].span.end,
                        )
                        .iter()
                        .filter(|x| {
                            matches!(x.kind.as_str(), "PER" | "ORG") && !self.in_quote(x.span)
                        })
                        .find(|x| x.span.contains(v.toks[s].span))
                        .map(|x| v.tok_from(x.span.start)..v.tok_until(x.span.end))
                        .filter(|r| r.start < r.end)
                    })
                    .or_else(|| {
                        // A common-noun subject with its modifiers ("the Georgian government said
                        // in a statement"): resolved below as a role, or not at all.
                        let mut b = s;
                        while b > lo
                            && v.toks[b - 1].head == Some(s)
                            && matches!(v.toks[b - 1].deprel.as_str(), "det" | "amod" | "compound")
                        {
                            b -= 1;
                        }
                        (said_in && v.tagged && v.toks[s].upos.as_str() == "NOUN")
                            .then_some(b..s + 1)
                    })
            };
            let at = before.or_else(after).or_else(subject)?;
            let sp = self.speaker(at, None);
            sp.is_resolved().then_some(sp)
        };
        (lo..r.end)
            .rev()
            .filter(|&k| v.toks[k].lower == *noun)
            .find_map(issued)
    }

    /// Whether token `j` may stand between "a report by" and the issuer's name: an article, an
    /// adjective or a common noun describing it ("the rights group", "the independent"), a title
    /// ("Lt. Gov."), a place or a nationality ("Texas", "Russian").
    fn describes(&self, j: usize) -> bool {
        let t = &self.np.v.toks[j];
        if !t.cap && t.lower.len() <= 3 {
            return true;
        }
        if !self.np.v.tagged {
            return false;
        }
        (!t.cap && matches!(t.upos.as_str(), "DET" | "ADJ" | "NOUN"))
            || self.np.lex.is("titles", t.lower.trim_end_matches('.'))
            || is_nationality(&t.lower)
            || self.is_place_or_time(j..j + 1)
            || (t.cap && t.lower.ends_with('.') && t.lower.len() <= 5)
    }

    /// Name `sp` (and give it the cluster and its actor) after the antecedent of one of `kinds`.
    fn take_antecedent(&self, sp: &mut Speaker, kinds: &[&str]) {
        if let Some((name, cluster)) = self.antecedent(sp.span.start, kinds) {
            sp.name = Some(name);
            sp.cluster = sp.cluster.or(cluster);
            if let Some(c) = sp.cluster {
                sp.actor = self.doc.clusters.get(c).and_then(|c| c.actor.clone());
            }
        }
    }

    fn cluster_name(&self, c: Option<usize>) -> Option<String> {
        c.and_then(|c| self.doc.clusters.get(c)).and_then(|c| {
            c.name
                .clone()
                .or_else(|| c.actor.as_ref().and_then(|a| a.name.clone()))
        })
    }

    /// The longest capitalised name in the document that ends with `name` ("Trump" → "Donald Trump").
    fn expand_name(&self, name: &str) -> String {
        let v = self.np.v;
        let mut best = name.to_string();
        if name.contains(' ') {
            return best;
        }
        for (i, t) in v.toks.iter().enumerate() {
            if i == 0 || &self.doc.text[t.span.start..t.span.end] != name || !v.toks[i - 1].cap {
                continue;
            }
            let mut s = i;
            while s > 0
                && v.toks[s - 1].cap
                && (!v.tagged || v.toks[s - 1].upos == "PROPN")
                && !self.np.lex.is("titles", &v.toks[s - 1].lower)
                && !self.np.lex.is("nonnames", &v.toks[s - 1].lower)
                && !is_nationality(&v.toks[s - 1].lower)
                && i - s < 3
            {
                s -= 1;
            }
            let cand = &self.doc.text[v.toks[s].span.start..t.span.end];
            if cand.len() > best.len() && !cand.contains('\n') {
                best = cand.to_string();
            }
        }
        best
    }

    /// An antecedent for a pronoun at byte `at`: the first entity of one of `kinds` named (outside
    /// quotes) in the current sentence before it, else in the closest preceding sentence that names
    /// one (looking back three sentences, or [`PERSON_SENTENCES`] in all for a person).
    fn antecedent(&self, at: usize, kinds: &[&str]) -> Option<(String, Option<usize>)> {
        let v = self.np.v;
        let si = v.sent_at(at)?;
        // "he"/"she" may follow a long quotation of the person named before it; "it" stays close
        // (further back it mostly finds an unrelated organisation).
        let back = if kinds == ["PER"] {
            PERSON_SENTENCES
        } else {
            4
        };
        // The sentences wholly inside quotation marks right before the pronoun's sentence are
        // the words of someone already named: they do not count against the distance (a feature
        // story quotes a person for a paragraph or more, then "she says" goes on), up to
        // [`QUOTED_SENTENCES_SKIPPED`] of them for a person.
        let mut skip = if kinds == ["PER"] {
            QUOTED_SENTENCES_SKIPPED
        } else {
            0
        };
        let mut counted = 0;
        for s in (0..=si).rev() {
            if counted == back {
                break;
            }
            if s != si && skip > 0 && self.all_quoted(s) && !self.names_person(s) {
                skip -= 1;
            } else {
                // A quotation naming someone counts: past it the reference is less clear (or
                // the marks are unbalanced and the "quotation" is the story's own text).
                // Only the quotation right before the pronoun's sentence is looked past.
                if s != si {
                    skip = 0;
                }
                counted += 1;
            }
            let sent = &v.sents[s];
            let hi = if s == si {
                v.tok_until(at)
            } else {
                sent.toks.end
            };
            if !self.doc.entities.is_empty() {
                let lo_b = sent.span.start;
                let hi_b = if s == si { at } else { sent.span.end };
                let e = self
                    .entities_starting(lo_b, hi_b + 1)
                    .iter()
                    .filter(|e| {
                        kinds.contains(&e.kind.as_str())
                            && e.span.start >= lo_b
                            && e.span.end <= hi_b
                            && !self.in_quote(e.span)
                    })
                    .min_by_key(|e| e.span.start);
                if let Some(e) = e {
                    let cluster = e.cluster.or_else(|| self.cluster_of(e.span));
                    let name = self
                        .cluster_name(cluster)
                        .or_else(|| e.actor.as_ref().and_then(|a| a.name.clone()))
                        .unwrap_or_else(|| self.doc.text[e.span.start..e.span.end].to_string());
                    return Some((name, cluster));
                }
                continue;
            }
            // No entity layer: the first capitalised name run that is not sentence furniture.
            let mut k = sent.toks.start;
            while k < hi {
                let t = &v.toks[k];
                if t.cap && !self.in_quote(t.span) {
                    let mut e = k;
                    while e < hi
                        && (v.toks[e].cap
                            || PARTICLES.contains(&v.toks[e].lower.as_str())
                                && e + 1 < hi
                                && v.toks[e + 1].cap)
                    {
                        e += 1;
                    }
                    if let Some(n) = self.np.name_run(k..e) {
                        let next = v.toks.get(n.end).map(|t| t.lower.as_str()).unwrap_or("");
                        let possessive = next == "’s" || next == "'s";
                        if !possessive && !self.looks_like_place(n.clone()) {
                            let text = &self.doc.text
                                [v.toks[n.start].span.start..v.toks[n.end - 1].span.end];
                            return Some((self.expand_name(text), None));
                        }
                    }
                    k = e.max(k + 1);
                } else {
                    k += 1;
                }
            }
        }
        None
    }

    /// Whether sentence `s` holds a person entity.
    fn names_person(&self, s: usize) -> bool {
        let span = self.np.v.sents[s].span;
        self.entities_starting(span.start, span.end)
            .iter()
            .any(|e| e.kind == "PER")
    }

    /// Whether every word of sentence `s` lies inside a quotation.
    fn all_quoted(&self, s: usize) -> bool {
        let v = self.np.v;
        let mut words = v.toks[v.sents[s].toks.clone()]
            .iter()
            .filter(|t| t.lower.chars().any(char::is_alphanumeric))
            .peekable();
        words.peek().is_some() && words.all(|t| self.in_quote(t.span))
    }

    /// Whether the word at token `k` opens no sentence, or occurs capitalised elsewhere in the
    /// document's running text (after a lower-case word).
    fn recurs_inside(&self, k: usize) -> bool {
        let v = self.np.v;
        let opens = |j: usize| {
            v.sent_at(v.toks[j].span.start)
                .is_some_and(|s| v.sents[s].toks.start == j)
        };
        !opens(k) || self.capitalised_elsewhere(k)
    }

    /// Whether the word at token `k` occurs capitalised elsewhere in the document's running text
    /// (after a lower-case word, not opening a sentence).
    fn capitalised_elsewhere(&self, k: usize) -> bool {
        let v = self.np.v;
        let opens = |j: usize| {
            v.sent_at(v.toks[j].span.start)
                .is_some_and(|s| v.sents[s].toks.start == j)
        };
        let word = &self.doc.text[v.toks[k].span.start..v.toks[k].span.end];
        v.toks.iter().enumerate().any(|(j, t)| {
            // After a lower-case word: running text, not a title-case headline.
            j != k
                && t.cap
                && !opens(j)
                && !v.toks[j - 1].cap
                && v.toks[j - 1].lower.chars().all(char::is_alphabetic)
                && &self.doc.text[t.span.start..t.span.end] == word
        })
    }

    /// Whether the tokens `n` overlap a place or a time expression of the earlier stages.
    fn is_place_or_time(&self, n: Range<usize>) -> bool {
        let v = self.np.v;
        self.not_names.any_overlaps(Span::new(
            v.toks[n.start].span.start,
            v.toks[n.end - 1].span.end,
        ))
    }

    /// Whether the name run `n` is the whole phrase `r` (after "the") and exactly an entity the
    /// recogniser typed as a place or "other" with no actor, which the gazetteer and the time
    /// layer do not know and which is no nationality: a source it mistyped ("according to
    /// Euromonitor International", "the Daily Beast reported", "Wong Chiu Man said").
    fn named_other(&self, r: Range<usize>, n: Range<usize>) -> bool {
        let v = self.np.v;
        let span = Span::new(v.toks[n.start].span.start, v.toks[n.end - 1].span.end);
        let whole =
            n.start == r.start || (n.start == r.start + 1 && v.toks[r.start].lower == "the");
        // One word must also stand capitalised in running text elsewhere: a capitalised common
        // noun ("Historians say" after a heading run into the sentence) does not.
        whole
            && (n.len() > 1 || self.capitalised_elsewhere(n.start))
            && !self.places_times.any_overlaps(span)
            && n.clone().all(|k| !is_nationality(&v.toks[k].lower))
            && self
                .entities_starting(span.start, span.start + 1)
                .iter()
                .any(|e| {
                    e.span == span && matches!(e.kind.as_str(), "LOC" | "MISC") && e.actor.is_none()
                })
            // Not when a person or organisation elsewhere holds the name: the later stage
            // resolves it to that one ("Rudskoi" after "Colonel General Sergey Rudskoi").
            && {
                let name = &self.doc.text[span.start..span.end];
                !self.doc.entities.iter().any(|e| {
                    matches!(e.kind.as_str(), "PER" | "ORG")
                        && self.doc.text[e.span.start..e.span.end].contains(name)
                })
            }
    }

    fn looks_like_place(&self, n: Range<usize>) -> bool {
        // Without NER: a name right after "in", "from", "to" is probably a place or an organisation.
        n.start > 0
            && matches!(
                self.np.v.toks[n.start - 1].lower.as_str(),
                "in" | "from" | "to" | "the" | "of" | "with" | "at"
            )
    }
}
