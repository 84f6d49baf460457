//! Finding place mentions: dictionary matching over capitalised words, filtered by NER, part of speech
//! and the words around each match.
//!
//! The scan is greedy and longest-first ("New York City" before "New York"), case-aware (a name matches
//! only capitalised text, and an all-caps alias like "US" only all-caps text), and never crosses a
//! sentence boundary. A match is then dropped when it is evidently part of something else: inside a
//! larger person/organisation entity, a person's name ("Jordan Peterson": a capitalised neighbour that
//! is not a cue word), a capitalised sentence-initial common word, or a listed non-place ("White House").
//! Names that are also common words, and small or foreign-spelled places, must show evidence.
//!
//! A document without a case signal (`Doc::casing` lower or upper, set by the `ner` stage) has no
//! capitals to scan for: its places are the LOC entities NER found (tagged by the caseless model)
//! whose text is a gazetteer name.

use crate::gazetteer::{Feature, Gazetteer, NameKind, NameRef, Policy};
use crate::text::{fold_into, is_all_caps, is_capitalised, split_words, Word};
use dyad_doc::{Doc, Span};

/// Cities smaller than this need evidence (a cue, NER, a pattern or their country in the document).
const SMALL_CITY: u64 = 50_000;

/// The document's words with what the scanner needs to know about each.
pub(crate) struct Words<'a> {
    pub text: &'a str,
    pub words: Vec<Word>,
    /// Folded form of each word (empty for punctuation).
    pub folded: Vec<String>,
    /// Sentence number of each word (document sentences when present, else our own split).
    pub sentence: Vec<usize>,
    /// First alphanumeric word of its sentence.
    pub initial: Vec<bool>,
    /// Universal POS of the pipeline token starting at the word, when tagged.
    pub upos: Vec<Option<&'a str>>,
    /// Folded forms of the words the document writes in lower case.
    pub lower: rustc_hash::FxHashSet<String>,
}

impl<'a> Words<'a> {
    pub fn new(doc: &'a Doc) -> Words<'a> {
        let text = doc.text.as_str();
        let words = split_words(text);
        let mut folded = Vec::with_capacity(words.len());
        let mut sentence = Vec::with_capacity(words.len());
        let mut initial = Vec::with_capacity(words.len());
        let mut upos = Vec::with_capacity(words.len());
        let mut own_sentence = 0usize;
        let mut last_sentence = usize::MAX;
        let mut prev_end = 0usize;
        let mut prev_stop = true;
        let mut tok = 0usize;
        for w in &words {
            let s = &text[w.start..w.end];
            let mut f = String::new();
            if w.alpha {
                fold_into(s, &mut f);
            }
            folded.push(f);
            let sid = if doc.sentences.is_empty() {
                // No segmentation: a new sentence after . ! ? or a line break.
                if prev_stop || text[prev_end..w.start].contains('\n') {
                    own_sentence += 1;
                }
                own_sentence
            } else {
                doc.sentence_at(w.start).unwrap_or(usize::MAX - 1)
            };
            prev_stop = !w.alpha && matches!(s, "." | "!" | "?");
            prev_end = w.end;
            let first = w.alpha && sid != last_sentence;
            if w.alpha {
                last_sentence = sid;
            }
            sentence.push(sid);
            initial.push(first);
            while tok < doc.tokens.len() && doc.tokens[tok].span.start < w.start {
                tok += 1;
            }
            upos.push(
                doc.tokens
                    .get(tok)
                    .filter(|t| t.span.start == w.start && !t.upos.is_empty())
                    .map(|t| t.upos.as_str()),
            );
        }
        let lower = words
            .iter()
            .zip(&folded)
            .filter(|(w, _)| w.alpha && text[w.start..].starts_with(|c: char| c.is_lowercase()))
            .map(|(_, f)| f.clone())
            .collect();
        Words {
            text,
            words,
            folded,
            sentence,
            initial,
            upos,
            lower,
        }
    }

    pub fn str(&self, i: usize) -> &'a str {
        let w = self.words[i];
        &self.text[w.start..w.end]
    }

    pub fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.words[from].start, self.words[to - 1].end)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence[a] == self.sentence[b]
    }

    /// Whether word `i` is adjacent to word `j` with only spaces between.
    fn touching(&self, i: usize, j: usize) -> bool {
        let (a, b) = if i < j { (i, j) } else { (j, i) };
        self.text[self.words[a].end..self.words[b].start]
            .chars()
            .all(|c| c == ' ')
    }
}

/// Entity kinds from NER, grouped as the place stage uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntityClass {
    Place,
    Person,
    Other,
}

fn entity_class(kind: &str) -> EntityClass {
    match kind {
        "LOC" | "GPE" | "FAC" | "LOCATION" => EntityClass::Place,
        "PER" | "PERSON" => EntityClass::Person,
        _ => EntityClass::Other,
    }
}

/// What a mention must show, beyond the dictionary match, to be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Need {
    /// Nothing: a country, a big city, a hand-written feature.
    Nothing,
    /// Evidence, or its country (or a neighbour) named elsewhere in the document.
    Context,
    /// Evidence proper: NER, a cue word or a local pattern.
    Evidence,
}

/// A candidate place mention before disambiguation.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// First word.
    pub w0: usize,
    /// One past the last word.
    pub w1: usize,
    /// Readings of the name.
    pub cands: Vec<NameRef>,
    /// Some reason to believe it is a place beyond the dictionary (NER, cue, pattern).
    pub evidence: bool,
    /// What it must show to be kept.
    pub need: Need,
    /// A region cue follows or precedes ("Donetsk region", "the state of Georgia").
    pub region_cue: bool,
    /// A city cue precedes or follows ("city of Sumy", "Odesa port").
    pub city_cue: bool,
    /// A country cue precedes ("country of Georgia").
    pub country_cue: bool,
}

/// Scan the document for place mentions (unresolved).
pub(crate) fn find(doc: &Doc, g: &Gazetteer, w: &Words<'_>) -> Vec<Mention> {
    let entities = Entities::new(doc);
    let times = dyad_doc::SpanIndex::new(doc.times.iter().map(|t| t.span));
    let n = w.words.len();
    let mut out = Vec::new();
    let mut key = String::new();
    // `key[..ends[k]]`: the key of the words `i..=i + k` (all the keys of a start in one string).
    let mut ends: Vec<usize> = Vec::new();
    // Caseless text: only NER's LOC entities (below) are place mentions.
    let mut i = if doc.casing.is_caseless() { n } else { 0 };
    while i < n {
        if !w.words[i].alpha || !is_capitalised(w.str(i)) {
            i += 1;
            continue;
        }
        // Longest match first, within the sentence.
        let mut best: Option<(usize, Vec<NameRef>)> = None;
        let maxn = g.max_words().min(n - i);
        ends.clear();
        key.clear();
        for k in 0..maxn {
            let j = i + k;
            if !w.same_sentence(i, j) {
                break;
            }
            if k > 0 {
                key.push(' ');
            }
            if w.words[j].alpha {
                key.push_str(&w.folded[j]);
            } else {
                key.push_str(w.str(j));
            }
            ends.push(key.len());
        }
        for k in (0..ends.len()).rev() {
            let last = i + k;
            if !w.words[last].alpha || (k > 0 && !is_capitalised(w.str(last))) {
                continue;
            }
            let refs = g.lookup(&key[..ends[k]]);
            if refs.is_empty() {
                continue;
            }
            // "US" only as written in capitals; short all-caps words ("UN") only as capitalised names.
            let text_caps = is_all_caps(w.str(i));
            let short_caps = k == 0 && text_caps && w.str(i).chars().count() <= 3;
            let refs: Vec<NameRef> = refs
                .iter()
                .copied()
                .filter(|r| match (r.caps, r.kind) {
                    (true, _) => text_caps || k > 0,
                    // All-caps text ("DACA", "SANA") matches no foreign alternate spelling.
                    (false, NameKind::Alternate) => !text_caps,
                    (false, _) => !short_caps,
                })
                .collect();
            if !refs.is_empty() {
                best = Some((k + 1, refs));
                break;
            }
        }
        let Some((len, cands)) = best else {
            i += 1;
            continue;
        };
        let (w0, w1) = (i, i + len);
        i = w1;
        if let Some(m) = judge(
            g,
            w,
            &entities,
            &times,
            w0,
            w1,
            cands,
            &key[..ends[len - 1]],
        ) {
            out.push(m);
        }
    }
    add_ner_only(doc, g, w, &entities, &mut out);
    out
}

#[allow(clippy::too_many_arguments)]
fn judge(
    g: &Gazetteer,
    w: &Words<'_>,
    entities: &Entities,
    times: &dyad_doc::SpanIndex,
    w0: usize,
    w1: usize,
    cands: Vec<NameRef>,
    key: &str,
) -> Option<Mention> {
    let policy = g.policy(key);
    if policy == Some(Policy::Never) {
        return None;
    }
    let span = w.span(w0, w1);
    let next = (w1 < w.words.len() && w.same_sentence(w1, w0)).then_some(w1);
    // Inside a longer entity, a name is still a place when what follows shows it is a modifier: a
    // title ("United States President Donald Trump"), a possessive ("Ukraine's foreign minister") or a
    // lower-case word ("U.S. officials"). Otherwise it is part of a name ("Kyiv City Council").
    let modifier = next.is_some_and(|x| {
        let xs = w.str(x);
        let function_word = matches!(
            xs,
            "of" | "and" | "for" | "the" | "de" | "del" | "la" | "le" | "on" | "in"
        );
        g.cues(xs).after
            || matches!(xs, "'s" | "’s" | "-")
            || (w.words[x].alpha && !is_capitalised(xs) && !function_word)
    });
    // Part of a time expression ("March 2022", "Independence Day").
    if times.any_overlaps(span) {
        return None;
    }
    let big = cands.iter().any(|r| {
        let e = g.entry(*r);
        matches!(e.feature, Feature::Country | Feature::Continent)
            || e.hand
            || e.population >= 1_000_000
    });
    let mut ner_place = false;
    let mut ner_any = false;
    for &(es, class) in entities.overlapping(span) {
        ner_any = true;
        match class {
            EntityClass::Place => ner_place = true,
            // Part of a longer person/organisation name ("Kyiv City Council", "Jordan Peterson",
            // "Bank of China"): a place only as a modifier inside it ("US president").
            _ if es.contains(span) && es.len() > span.len() && !(modifier && span.end < es.end) => {
                return None
            }
            // A town tagged as an organisation is a club, a company or an agency ("Dortmund",
            // "Xinhua"); capitals and big cities tagged so are metonyms ("Beijing said") and stay.
            EntityClass::Other if es == span && !big => return None,
            // Tagged as a person ("Jordan said"), unless a locative preposition says otherwise.
            EntityClass::Person if es == span && !locative_before(g, w, w0) => return None,
            _ => {}
        }
    }
    let prev = (w0 > 0 && w.same_sentence(w0 - 1, w0)).then(|| w0 - 1);

    if !ner_any {
        // A capitalised neighbour that is no cue word makes this part of another name.
        if let Some(p) = prev {
            let ps = w.str(p);
            if w.words[p].alpha && w.touching(p, w0) && is_capitalised(ps) && !is_all_caps(ps) {
                // A sentence-initial word is capitalised by position, not as a name (unless tagged PROPN).
                let positional = w.initial[p] && w.upos[p] != Some("PROPN");
                if !g.cues(ps).before && !positional {
                    return None;
                }
            }
        }
        if let Some(x) = next {
            let xs = w.str(x);
            if w.words[x].alpha && w.touching(w1 - 1, x) && is_capitalised(xs) && !g.cues(xs).after
            {
                return None;
            }
        }
    }
    if !ner_place {
        if let Some(u) = w.upos[w0] {
            let closed = matches!(
                u,
                "VERB"
                    | "AUX"
                    | "ADV"
                    | "ADP"
                    | "DET"
                    | "PRON"
                    | "CCONJ"
                    | "SCONJ"
                    | "PART"
                    | "NUM"
                    | "INTJ"
            );
            if closed || (w.initial[w0] && w1 - w0 == 1 && u != "PROPN" && !big) {
                return None;
            }
        }
    }

    let all_alternate = cands.iter().all(|r| r.kind == NameKind::Alternate);
    let max_pop = cands
        .iter()
        .map(|r| g.entry(*r).population)
        .max()
        .unwrap_or(0);
    let single = w1 - w0 == 1;
    // Strong evidence: foreign spellings of all but the biggest places, capitalised sentence starts
    // without a POS tag, and words the document also uses in lower case ("university", "she").
    let strong = policy == Some(Policy::Person)
        || (all_alternate && !big)
        || (w.initial[w0] && w.upos[w0].is_none() && single && !big && max_pop < 100_000)
        || (single && !big && !ner_place && w.lower.contains(w.folded[w0].as_str()));
    // Context suffices: listed ambiguous names, small cities, and (when NER ran) what NER did not tag.
    let weak = policy == Some(Policy::Evidence)
        || (!big && max_pop < SMALL_CITY)
        || (!big && !ner_place && !entities.list.is_empty());
    let need = if strong {
        Need::Evidence
    } else if weak {
        Need::Context
    } else {
        Need::Nothing
    };

    let after = next
        .filter(|&x| w.words[x].alpha)
        .map(|x| g.cues(w.str(x)))
        .unwrap_or_default();
    // "Donetsk region", "the state of Georgia", "the governor of Georgia".
    let region_cue = next.is_some_and(|x| w.words[x].alpha && after.region)
        || prev.is_some_and(|p| p > 0 && w.str(p) == "of" && g.cues(w.str(p - 1)).region);
    let (cue_prev, cue_prev2) = (
        prev.map(|p| g.cues(w.str(p))).unwrap_or_default(),
        prev.filter(|&p| p > 0 && w.str(p).eq_ignore_ascii_case("of"))
            .map(|p| g.cues(w.str(p - 1))),
    );
    let city_cue = after.city || cue_prev.city || cue_prev2.is_some_and(|c| c.city);
    let country_cue = cue_prev2.is_some_and(|c| c.country);
    let evidence_word =
        prev.is_some_and(|p| g.cues(w.str(p)).evidence) && policy != Some(Policy::Person);
    let evidence = ner_place
        || locative_before(g, w, w0)
        || evidence_word
        || city_cue
        || region_cue
        || country_cue;
    Some(Mention {
        w0,
        w1,
        cands,
        evidence,
        need,
        region_cue,
        city_cue,
        country_cue,
    })
}

/// A locative preposition right before the name, skipping "the" ("in the Black Sea").
pub(crate) fn locative_before(g: &Gazetteer, w: &Words<'_>, w0: usize) -> bool {
    let mut p = w0;
    for _ in 0..2 {
        if p == 0 || !w.same_sentence(p - 1, w0) {
            return false;
        }
        p -= 1;
        let s = w.str(p);
        if g.cues(s).locative {
            return true;
        }
        if !s.eq_ignore_ascii_case("the") {
            return false;
        }
    }
    false
}

/// The NER entities with their classes, sorted by start, found by position in O(log n) so that
/// judging place names stays linear in the length of a long document.
struct Entities {
    list: Vec<(Span, EntityClass)>,
    longest: usize,
}

impl Entities {
    fn new(doc: &Doc) -> Entities {
        let mut list: Vec<(Span, EntityClass)> = doc
            .entities
            .iter()
            .map(|e| (e.span, entity_class(&e.kind)))
            .collect();
        list.sort_by_key(|(s, _)| (s.start, s.end));
        let longest = list.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
        Entities { list, longest }
    }

    /// The entities overlapping `span`, by start.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = &(Span, EntityClass)> {
        let from = span.start.saturating_sub(self.longest);
        let i = self.list.partition_point(|(s, _)| s.start < from);
        self.list[i..]
            .iter()
            .take_while(move |(s, _)| s.start < span.end)
            .filter(move |(s, _)| s.overlaps(span))
    }
}

/// LOC/GPE entities that the dictionary scan missed (for instance lower-case "the Hague" forms) but
/// whose whole text, less a leading "the", is a gazetteer name.
fn add_ner_only(
    doc: &Doc,
    g: &Gazetteer,
    w: &Words<'_>,
    entities: &Entities,
    out: &mut Vec<Mention>,
) {
    let mut taken = dyad_doc::SpanSet::new();
    for m in out.iter() {
        taken.insert(w.span(m.w0, m.w1));
    }
    for &(es, class) in &entities.list {
        if class != EntityClass::Place || taken.any_overlaps(es) {
            continue;
        }
        let Some(text) = doc.text.get(es.start..es.end) else {
            continue;
        };
        let w0 = w.words.partition_point(|x| x.start < es.start);
        let w1 = w.words.partition_point(|x| x.end <= es.end);
        if w0 >= w1 || w.words[w0].start != es.start {
            continue;
        }
        let (w0, text) = match text
            .strip_prefix("the ")
            .or_else(|| text.strip_prefix("The "))
        {
            Some(rest) => (w0 + 1, rest),
            None => (w0, text),
        };
        if w0 >= w1 {
            continue;
        }
        let cands = g.lookup_name(text).to_vec();
        if cands.is_empty() || g.policy(&crate::text::name_key(text)) == Some(Policy::Never) {
            continue;
        }
        taken.insert(w.span(w0, w1));
        out.push(Mention {
            w0,
            w1,
            cands,
            evidence: true,
            need: Need::Nothing,
            region_cue: false,
            city_cue: false,
            country_cue: false,
        });
    }
    out.sort_by_key(|m| m.w0);
}
