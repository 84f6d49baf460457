//! The event check (issue 16): a trained model of whether a written event is *real with the right
//! CAMEO root*, learned from the project's hand-judged NewsArticles sheets
//! (`data/eval/precision-seed*.tsv`, read by [`crate::check_train`]). The coder's own models learn
//! from PLV and PETRARCH, where every sentence has an event; this one has seen Dyad's wrong events.
//!
//! This module has one job: the features of a written event, read from the finished document
//! layers (tokens and parse, entities, quotes) and the event itself, and the check that scores
//! them ([`apply`]: each event gets `Event::check`, events under the threshold are left out and
//! counted). Features: the trigger (lemma, UPOS, relation, governor, auxiliaries and markers,
//! governing lemmas, its arguments with their word and kind), the code (root, code, with the
//! lemma), how it was coded (pattern, model, nominal, quote statement), modality and negation, the
//! coder's trained models' opinion of the event ([`Coder::opinion`]); for the source and the target, the kind of
//! mention (named person or organisation, agent noun, pronoun, place or locative phrase, modifier
//! of a thing or of a group, none, outside the sentence), the dependency path to the trigger (in
//! its clause, from a governing clause, from a reporting clause, from another clause), the
//! distance and side; and the sentence (headline, all caps, length, question, colon or dash
//! lead, several lines, inside a quote).

use crate::classifier::Classifier;
use crate::mentions::Mention;
use crate::Coder;
use dyad_doc::{Doc, Event, EventActor, Span};
use std::sync::Arc;

/// The committed check's file (embedded).
const FILE: &str = include_str!("../../../data/models/events/check.tsv");
/// Its name in errors.
const NAME: &str = "data/models/events/check.tsv";

/// The class of events judged real with the right root.
pub const OK: &str = "ok";
/// The class of the other judged events.
pub const BAD: &str = "bad";

/// The committed check (`data/models/events/check.tsv`), read once; `None` when the file is empty.
pub fn embedded() -> Option<Arc<Classifier>> {
    static MODEL: once_cell::sync::Lazy<Option<Arc<Classifier>>> =
        once_cell::sync::Lazy::new(|| Classifier::embedded(FILE, NAME));
    MODEL.clone()
}

/// The default least check probability for an event to be written (`dyad code --min-check`; 0
/// keeps every event): the threshold chosen by leave-one-sheet-out cross-validation when the
/// committed model was trained, stored in its file as a `# min-check P` line (0 without one).
pub fn default_min_check() -> f32 {
    min_check_of(FILE)
}

/// The `# min-check P` line of a check file (0 when there is none or it is not a probability).
pub fn min_check_of(text: &str) -> f32 {
    text.lines()
        .filter_map(|l| l.strip_prefix("# min-check "))
        .filter_map(|v| v.trim().parse::<f32>().ok())
        .find(|p| (0.0..=1.0).contains(p))
        .unwrap_or(0.0)
}

/// The probability that `feats` describe a real event with the right root (0.5 for a model
/// without the [`OK`] class).
pub fn probability(model: &Classifier, feats: &[String]) -> f32 {
    let Some(k) = model.labels.iter().position(|l| l == OK) else {
        return 0.5;
    };
    model.probs(feats)[k]
}

/// Score every event of `events` (coded from `doc`) with `model`: each gets `check` (its
/// probability, two decimals as written), and those under `min` are removed. Returns how many
/// were removed. Without a model nothing changes.
pub fn apply(model: Option<&Classifier>, min: f32, doc: &Doc, events: &mut Vec<Event>) -> usize {
    apply_with(model, min, doc, events, None)
}

/// [`apply`] with the coder that wrote the events and the document's actor mentions it coded
/// with: its trained models give the check their opinion of each event ([`Coder::opinion`]; the
/// committed check was trained with the embedded coder's).
pub fn apply_with(
    model: Option<&Classifier>,
    min: f32,
    doc: &Doc,
    events: &mut Vec<Event>,
    coder: Option<(&Coder, &[Mention])>,
) -> usize {
    let Some(model) = model else {
        return 0;
    };
    for e in events.iter_mut() {
        let p = probability(model, &features_of(doc, e, coder));
        e.check = Some((p * 100.0).round() / 100.0);
    }
    let before = events.len();
    events.retain(|e| e.check.is_none_or(|p| p >= min));
    before - events.len()
}

/// Lemmas of reporting verbs (a source found through one is the speaker, not the doer).
const REPORTING: &[&str] = &[
    "say", "tell", "announce", "report", "state", "claim", "add", "note", "write", "insist",
    "confirm", "explain", "declare", "argue", "allege", "accord",
];

/// The check's features of event `e` of `doc` (sorted, distinct), without the coder's opinion.
pub fn features(doc: &Doc, e: &Event) -> Vec<String> {
    features_of(doc, e, None)
}

/// The check's features of event `e` of `doc` (sorted, distinct); with a coder and the
/// document's actor mentions, its models' opinion of the event too ([`Coder::opinion`]).
pub fn features_of(doc: &Doc, e: &Event, coder: Option<(&Coder, &[Mention])>) -> Vec<String> {
    let mut f = Vec::new();
    let root = e.cameo.get(..2).unwrap_or("");
    let code3 = e.cameo.get(..3).unwrap_or(&e.cameo);
    f.push(format!("root={root}"));
    f.push(format!("code={code3}"));
    f.push(format!("mod={}", e.modality));
    if e.negated {
        f.push("neg".into());
    }
    let sent = doc.sentences.get(e.sentence);
    let trig = trigger(doc, e.evidence);
    let lemma = trig.map_or(String::new(), |t| doc.tokens[t].lemma.to_lowercase());
    let parsed = trig.is_some_and(|t| !doc.tokens[t].deprel.is_empty());
    let statement = is_quote_statement(doc, e);
    let how = if statement {
        "statement"
    } else if e.by == "model" {
        "model"
    } else if trig.is_some_and(|t| matches!(&*doc.tokens[t].upos, "NOUN" | "PROPN")) {
        "nominal"
    } else {
        "pattern"
    };
    f.push(format!("how={how}"));
    if let (Some((c, mentions)), Some(t)) = (coder, trig) {
        f.extend(c.opinion(doc, mentions, e, t));
    }
    f.push(format!("how_root={how}|{root}"));
    f.push(format!("lem={lemma}"));
    f.push(format!("lem_root={lemma}|{root}"));
    f.push(format!("lem_mod={lemma}|{}", e.modality));
    if !parsed {
        f.push("unparsed".into());
    }
    if let Some(t) = trig {
        let tok = &doc.tokens[t];
        f.push(format!("upos={}", tok.upos));
        f.push(format!("rel={}", tok.deprel));
        f.push(format!("rel_root={}|{root}", tok.deprel));
        if tok.xpos.starts_with("VB") {
            f.push(format!("xpos={}", tok.xpos));
        }
        for c in doc.children(t) {
            let ct = &doc.tokens[c];
            let cl = ct.lemma.to_lowercase();
            match &*ct.deprel {
                "aux" | "aux:pass" | "mark" => f.push(format!("{}={cl}", ct.deprel)),
                "advmod" if matches!(cl.as_str(), "not" | "never" | "also" | "again") => {
                    f.push(format!("adv={cl}"))
                }
                "det" | "nmod:poss" | "amod" | "compound" => f.push(format!("dep={}", ct.deprel)),
                "obj" | "obl" | "nmod" | "xcomp" | "ccomp" | "nsubj" | "nsubj:pass" => {
                    // The words the trigger governs tell its sense ("meet repayments").
                    let case = doc
                        .children(c)
                        .find(|&g| doc.tokens[g].deprel == "case")
                        .map(|g| doc.tokens[g].lemma.to_lowercase());
                    let rel = match case {
                        Some(p) => format!("{}:{p}", ct.deprel),
                        None => ct.deprel.to_string(),
                    };
                    f.push(format!("arg={rel}"));
                    f.push(format!("arg={rel}|{cl}"));
                    f.push(format!("lem_arg={lemma}|{rel}"));
                    // Word sense: what kind of word the argument is (person, organisation,
                    // place, other name, common noun, pronoun, clause).
                    f.push(format!("akind={rel}|{}", word_kind(doc, c)));
                }
                _ => {}
            }
        }
        // Governing words (up to three steps): purposes, wishes, reports, conditions.
        let mut h = t;
        for step in 0..3 {
            let Some(g) = doc.tokens[h].head else { break };
            let rel = &doc.tokens[h].deprel;
            let gl = doc.tokens[g].lemma.to_lowercase();
            if step == 0 {
                f.push(format!("gov={gl}"));
                f.push(format!("gov_rel={rel}|{gl}"));
            }
            f.push(format!("anc={gl}"));
            f.push(format!("up={rel}"));
            h = g;
        }
    }
    // The sentence.
    if let Some(s) = sent {
        let text = doc.slice(s.span);
        let n = s.tokens.len();
        f.push(format!("len={}", bucket(n, &[6, 12, 25, 40])));
        if in_title(doc, s.span) {
            f.push("headline".into());
        }
        if e.sentence == 0 {
            f.push("first".into());
        }
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() >= 8
            && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 6
        {
            f.push("caps".into());
        }
        if text.trim_end().ends_with('?') {
            f.push("question".into());
        }
        if text.contains('\n') {
            f.push("lines".into());
        }
        if text.matches(';').count() >= 2 || text.matches(',').count() >= 6 {
            f.push("list".into());
        }
        let lead = &text[..text.floor_char_boundary_compat(40)];
        if lead.contains(" - ")
            || lead.contains('—')
            || lead.contains(" – ")
            || lead.contains("(Reuters)")
        {
            f.push("dateline".into());
        }
        if text.contains(':') {
            f.push("colon".into());
        }
        if !text
            .trim_end()
            .ends_with(['.', '"', '”', '?', '!', '\'', '’'])
        {
            f.push("no_stop".into());
        }
    }
    if let Some(q) = doc.quotes.iter().find(|q| q.span.contains(e.evidence)) {
        f.push(format!("in_quote={}", q.kind.as_str()));
    }
    // Source and target.
    let sid = sent.map(|s| s.span);
    for (role, a) in [("s", &e.source), ("t", &e.target)] {
        let kind = mention_kind(doc, a.as_ref(), sid, trig);
        f.push(format!("{role}={kind}"));
        f.push(format!("{role}_root={kind}|{root}"));
        f.push(format!("{role}_how={kind}|{how}"));
        let Some(a) = a else { continue };
        if a.code.is_none() {
            f.push(format!("{role}_nocode"));
        }
        let cf = a.country_from.map_or("none", |c| c.as_str());
        f.push(format!("{role}_cf={cf}"));
        if let Some(sector) = a.code.as_deref().and_then(|c| c.get(3..6)) {
            f.push(format!("{role}_sec={sector}"));
        }
        if let (Some(m), Some(t)) = (a.span.and_then(|sp| head_of(doc, sp)), trig) {
            if sid.is_some_and(|s| s.contains(doc.tokens[m].span)) {
                for p in path(doc, m, t, e) {
                    f.push(format!("{role}_{p}"));
                }
                let d = m.abs_diff(t);
                let side = if m < t { "before" } else { "after" };
                f.push(format!("{role}_dist={side}{}", bucket(d, &[2, 5, 10, 20])));
            }
        }
    }
    if let (Some(s), Some(t)) = (&e.source, &e.target) {
        if s.country.is_some() && s.country == t.country {
            f.push("same_country".into());
        }
    }
    f.sort();
    f.dedup();
    f
}

/// The kind of word token `c` is: the entity type of a named entity over it, else its UPOS
/// (pronouns, common and proper nouns, verbs) or `other`.
fn word_kind(doc: &Doc, c: usize) -> &'static str {
    let sp = doc.tokens[c].span;
    if let Some(en) = doc.entities.iter().find(|en| en.span.overlaps(sp)) {
        return match en.kind.as_str() {
            "PER" => "PER",
            "ORG" => "ORG",
            "LOC" | "GPE" => "PLACE",
            _ => "ENT",
        };
    }
    match &*doc.tokens[c].upos {
        "PRON" => "PRON",
        "NOUN" => "NOUN",
        "PROPN" => "PROPN",
        "VERB" => "VERB",
        "NUM" => "NUM",
        _ => "other",
    }
}

/// `&str` helper: the largest char boundary at or below `i` (stable `floor_char_boundary`).
trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, i: usize) -> usize {
        let mut i = i.min(self.len());
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// Index of the first bound `n` is at most, as `le<bound>`, or `gt<last>`.
fn bucket(n: usize, bounds: &[usize]) -> String {
    bounds.iter().find(|&&b| n <= b).map_or_else(
        || format!("gt{}", bounds[bounds.len() - 1]),
        |b| format!("le{b}"),
    )
}

/// Whether `span` lies in the document's title (the CSV and JSON readers put it first).
fn in_title(doc: &Doc, span: Span) -> bool {
    doc.title
        .as_deref()
        .is_some_and(|t| !t.is_empty() && doc.text.starts_with(t) && span.start < t.len())
}

/// The trigger token: the first token of the evidence whose head lies outside it (else its first
/// token); `None` when the evidence covers no token.
pub fn trigger(doc: &Doc, evidence: Span) -> Option<usize> {
    let r = doc.tokens_in(evidence);
    if r.is_empty() {
        return None;
    }
    r.clone()
        .find(|&t| doc.tokens[t].head.is_none_or(|h| !r.contains(&h)))
        .or(Some(r.start))
}

/// The head token of a mention span (the first whose head lies outside it).
fn head_of(doc: &Doc, span: Span) -> Option<usize> {
    trigger(doc, span)
}

/// Whether the event is the 010 statement written for a quote: its source is the quote's speaker
/// and its evidence the quote's cue or words.
fn is_quote_statement(doc: &Doc, e: &Event) -> bool {
    e.cameo == "010"
        && doc.quotes.iter().any(|q| {
            let sp = q.speaker.as_ref().map(|s| s.span);
            sp.is_some()
                && e.source.as_ref().and_then(|a| a.span) == sp
                && (q.cue == Some(e.evidence)
                    || q.span.contains(e.evidence)
                    || e.evidence.contains(q.span))
        })
}

/// What kind of mention an event's source or target is.
pub fn mention_kind(
    doc: &Doc,
    a: Option<&EventActor>,
    sent: Option<Span>,
    trig: Option<usize>,
) -> &'static str {
    let Some(a) = a else { return "none" };
    let Some(span) = a.span else { return "nospan" };
    if sent.is_some_and(|s| !s.contains(span)) {
        return "outside";
    }
    let r = doc.tokens_in(span);
    if r.is_empty() {
        return "nospan";
    }
    let Some(m) = head_of(doc, span) else {
        return "nospan";
    };
    let tok = &doc.tokens[m];
    if r.clone()
        .all(|t| matches!(&*doc.tokens[t].upos, "PRON" | "DET"))
    {
        return "pronoun";
    }
    // A modifier of another noun: of a group of people (an actor) or of a thing.
    if matches!(&*tok.deprel, "amod" | "compound" | "nmod:poss" | "nmod")
        && tok.head.is_some_and(|h| Some(h) != trig)
    {
        let h = tok.head.unwrap_or(m);
        let plural = doc.tokens[h].xpos.ends_with('S');
        return if plural { "mod_plural" } else { "mod_thing" };
    }
    let locative = doc.children(m).any(|c| {
        doc.tokens[c].deprel == "case"
            && matches!(
                doc.tokens[c].lemma.to_lowercase().as_str(),
                "in" | "at" | "across" | "near" | "inside" | "into" | "throughout" | "within"
            )
    });
    let entity = doc
        .entities
        .iter()
        .find(|en| en.span.overlaps(span))
        .map(|en| en.kind.as_str());
    if locative {
        return "locative";
    }
    match entity {
        Some("LOC" | "GPE") => "place",
        Some("PER") => "person",
        Some("ORG") => "org",
        _ if matches!(&*tok.upos, "NOUN") => "agent_noun",
        _ if matches!(&*tok.upos, "PROPN") => "name",
        Some(_) => "other_entity",
        _ => "other",
    }
}

/// The dependency path from mention head `m` to trigger `t`: `in=REL` when `m` depends on the
/// trigger (directly: its relation; deeper: the relation under the trigger), otherwise the
/// relations the trigger climbs to the common ancestor (`climb=`), whether that ancestor is a
/// reporting verb or a quote's cue (`reporting`), and `apart` when the two are not connected.
fn path(doc: &Doc, m: usize, t: usize, e: &Event) -> Vec<String> {
    let up = |mut x: usize| {
        let mut chain = vec![x];
        while let Some(h) = doc.tokens[x].head {
            if chain.len() > 30 || chain.contains(&h) {
                break;
            }
            chain.push(h);
            x = h;
        }
        chain
    };
    let from_m = up(m);
    let from_t = up(t);
    if let Some(i) = from_m.iter().position(|&x| x == t) {
        let under = if i == 0 { m } else { from_m[i - 1] };
        let rel = if i == 0 {
            "self".to_string()
        } else {
            doc.tokens[under].deprel.to_string()
        };
        return vec![format!("in={rel}"), format!("depth={}", i.min(3))];
    }
    let Some((j, &lca)) = from_t.iter().enumerate().find(|(_, x)| from_m.contains(x)) else {
        return vec!["apart".into()];
    };
    let mut out = Vec::new();
    let climb: Vec<&str> = from_t[..j]
        .iter()
        .map(|&x| &*doc.tokens[x].deprel)
        .take(3)
        .collect();
    out.push(format!("climb={}", climb.join(">")));
    out.push(format!("climb1={}", climb.first().copied().unwrap_or("")));
    let under_m = from_m
        .iter()
        .position(|&x| x == lca)
        .and_then(|k| k.checked_sub(1))
        .map(|k| &*doc.tokens[from_m[k]].deprel)
        .unwrap_or("");
    out.push(format!("lca_rel={under_m}"));
    let ll = doc.tokens[lca].lemma.to_lowercase();
    let cue = doc.quotes.iter().any(|q| {
        q.cue.is_some_and(|c| c.contains(doc.tokens[lca].span)) && q.span.contains(e.evidence)
    });
    if cue || REPORTING.contains(&ll.as_str()) {
        out.push("reporting".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_name_their_bound() {
        assert_eq!(bucket(0, &[2, 5]), "le2");
        assert_eq!(bucket(5, &[2, 5]), "le5");
        assert_eq!(bucket(9, &[2, 5]), "gt5");
    }
}
