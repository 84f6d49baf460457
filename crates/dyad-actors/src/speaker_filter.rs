//! Dropping quote candidates that name no source and whose construction is no attribution.
//!
//! The quote stage keeps a candidate when a cue and a content hold together; on everyday news
//! (interviews, features, first-person columns) many such candidates are not someone's reported
//! speech at all, and they are mostly the ones whose speaker names nobody (the hand-judged sheets
//! of docs/evaluation.md, "Quote precision on news"). A candidate is dropped here only when *both*
//! hold: its speaker is unresolved after [`crate::SpeakerRoleStage`] (no name, no role with a
//! country), and its construction is one of these (the reasons of [`Unsupported`]):
//!
//! - no cue and no speaker: a quotation nobody is found for;
//! - a passive cue ("is expected to", "it is hoped", "was found"): a prediction or a finding with
//!   no one who makes it;
//! - a first- or second-person speaker standing alone ("I think", "we know", "did you know"): the
//!   writer's voice or an address to the reader, or an interview answer whose person is unknown;
//! - a question ("Did X say that …?"): asked, not reported;
//! - an imperative cue (the root, base form, no subject: "Share this…", "Let …");
//! - a speaker phrase without a nominal word ("Asked …, X said" read as `Asked`; "Now", "Well"):
//!   the phrase is not the source, so the candidate has none;
//! - a speaker phrase headed by a common noun that is no source: not one of the nouns that stand
//!   in an annotated source of PolNeAR train (`data/actors/source-nouns.txt`, written by
//!   `scripts/quote-source-nouns.py`), not an agent or speaker noun of the actor dictionaries,
//!   not shaped like an agent noun (`-er`, `-ist`, `-ian`, …), without a digit ("the
//!   62-year-old") and not part of a name ("the sound echoed", "New images show", "temperatures
//!   remained", "Cubicles in A&E were full");
//! - an address to the reader: the cue's subject is "you", or the speaker's head is possessed by
//!   "your" ("the community that you identify with", "your browser does not support");
//! - a cue that reports no speech in the sense used (`data/actors/no-report-cues.txt`): a verb of
//!   seeming ("the race appeared close") or of wanting, planning, deciding or refusing with a
//!   to-infinitive ("Most want to see", "the partners refused to develop");
//! - a cue that is a noun or an adjective with content that holds no verb ("High hopes for the
//!   sector", "reported attacks", "deep learning, visual technologies"): a noun phrase, no report;
//! - no speaker and a cue that is a reduced passive (a past participle with no subject and no
//!   auxiliary: "a ship believed to be", "worse than expected", "channels, called oshanas",
//!   "Asked whether …") or a bare common noun (no owner, no clause, no "that" after it: "Plans
//!   for the port remain vague", "the desire to"; indirect candidates only);
//! - a cue that is a past participle modifying the speaker phrase's own noun, which is the
//!   subject of a later predicate or the root of a title ("the views expressed here are the
//!   author's own", "a campaign called X aims", "Body found in river"): what was said, not who;
//! - an expletive "it" of an adjective ("it is unclear whether", "it is important that"; not an
//!   adjective of feeling in "-ed"): the writer's assessment;
//! - a relative "which"/"that" right after a noun that is no source (the test above, on that
//!   noun: "a parade which ended with").
//!
//! Each rule was measured on the first 400 NewsArticles and on PolNeAR dev and train (the cost in
//! recall of attributions PolNeAR annotates): docs/evaluation.md, "session 12, branch speakers4".
//! Quotes with a resolved speaker are never dropped: a named source is evidence of an attribution.

use dyad_doc::{Doc, Quote, QuoteKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Why a candidate is dropped (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsupported {
    /// No cue and no speaker.
    Bare,
    /// The cue is a passive verb.
    Passive,
    /// The speaker is a lone first- or second-person pronoun.
    FirstOrSecondPerson,
    /// The cue's sentence is a question.
    Question,
    /// The cue is an imperative.
    Imperative,
    /// The speaker phrase has no nominal word.
    NotNominal,
    /// The speaker phrase is headed by a common noun that is no source.
    NoSourceNoun,
    /// The cue is a verb of seeming, or of wanting, planning or refusing with a to-infinitive.
    NoReportCue,
    /// The cue is a noun or an adjective and the content holds no verb.
    NominalCue,
    /// The cue is a past participle modifying the speaker phrase's own noun ("the views
    /// expressed here are", "a campaign called X aims"): the phrase is what was said or named,
    /// not who said it.
    PatientSpeaker,
    /// The speaker is an expletive "it" of an adjective ("it is unclear whether"): the writer's
    /// assessment, no one's report.
    Expletive,
}

/// The sense in which a cue of `no-report-cues.txt` reports nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoReportClass {
    /// A verb of seeming, in every use.
    Seeming,
    /// A verb of intention or decision, when a to-infinitive follows it.
    Infinitive,
    /// A verb of doing, having, moving or becoming, in every use: an act or a state, not what
    /// someone said.
    Act,
    /// A verb of perception that reports a view only with "as" ("sees the deal as a win"):
    /// without it, what someone sees or what a time sees ("the week will see rain").
    As,
}

/// The embedded no-report cues' path, for error messages.
const NO_REPORT_CUES_FILE: &str = "data/actors/no-report-cues.txt";

/// `data/actors/no-report-cues.txt`: cue lemmas that report no speech in one of their senses.
const NO_REPORT_CUES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/actors/no-report-cues.txt"
));

/// Parse a no-report-cues file (`LEMMA CLASS` a line); an error names `file` and the line.
pub fn parse_no_report_cues(
    text: &str,
    file: &str,
) -> Result<HashMap<String, NoReportClass>, String> {
    let mut out = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |msg: &str| format!("{file}:{}: {msg}", i + 1);
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [lemma, class] = fields[..] else {
            return Err(at("expected `LEMMA CLASS`"));
        };
        if lemma.chars().any(char::is_uppercase) {
            return Err(at(&format!("lemma `{lemma}` must be lower case")));
        }
        let class = match class {
            "seeming" => NoReportClass::Seeming,
            "infinitive" => NoReportClass::Infinitive,
            "act" => NoReportClass::Act,
            "as" => NoReportClass::As,
            other => {
                return Err(at(&format!(
                    "unknown class `{other}` (expected seeming, infinitive, act or as)"
                )))
            }
        };
        if out.insert(lemma.to_string(), class).is_some() {
            return Err(at(&format!("duplicate lemma `{lemma}`")));
        }
    }
    Ok(out)
}

/// The embedded no-report cues, parsed once (validated by this crate's tests).
fn no_report_cues() -> &'static HashMap<String, NoReportClass> {
    static CUES: OnceLock<HashMap<String, NoReportClass>> = OnceLock::new();
    CUES.get_or_init(|| {
        parse_no_report_cues(NO_REPORT_CUES, NO_REPORT_CUES_FILE).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Whether the cue token `c` reports nothing in the sense `no-report-cues.txt` gives its lemma:
/// a verb of seeming, or a verb of intention whose `xcomp` is a verb marked by "to".
fn no_report_cue(doc: &Doc, c: usize) -> bool {
    let tok = &doc.tokens[c];
    let lemma = if tok.lemma.is_empty() {
        doc.slice(tok.span).to_lowercase()
    } else {
        tok.lemma.to_lowercase()
    };
    match no_report_cues().get(&lemma) {
        None => false,
        Some(NoReportClass::Seeming | NoReportClass::Act) => true,
        // "as" on the verb or on one of its dependents ("see it as a win", "see the deal as").
        Some(NoReportClass::As) => !doc.children(c).any(|k| {
            std::iter::once(k)
                .chain(doc.children(k))
                .any(|m| doc.slice(doc.tokens[m].span).eq_ignore_ascii_case("as"))
        }),
        Some(NoReportClass::Infinitive) => doc.children(c).any(|k| {
            doc.tokens[k].deprel.as_str() == "xcomp"
                && doc.children(k).any(|m| {
                    doc.tokens[m].deprel.as_str() == "mark"
                        && doc.slice(doc.tokens[m].span).eq_ignore_ascii_case("to")
                })
        }),
    }
}

/// Whether the cue token `c` is a noun or an adjective ("high hopes for", "reported attacks",
/// "deep learning") and the content `span` holds no verb: a noun phrase, no reported clause.
fn nominal_cue(doc: &Doc, c: usize, span: dyad_doc::Span) -> bool {
    matches!(doc.tokens[c].upos.as_str(), "NOUN" | "ADJ" | "PROPN")
        && !doc
            .tokens_in(span)
            .any(|t| matches!(doc.tokens[t].upos.as_str(), "VERB" | "AUX"))
}

/// Whether any child of token `t` has a dependency relation starting with one of `rels`.
fn has_child(doc: &Doc, t: usize, rels: &[&str]) -> bool {
    doc.children(t).any(|k| {
        rels.iter()
            .any(|r| doc.tokens[k].deprel.as_str().starts_with(r))
    })
}

/// Whether the cue token `c` of a candidate without a speaker is a reduced passive: a past
/// participle with no subject and no auxiliary ("a ship *believed* to be", "worse than
/// *expected*", "a system of channels, *called* oshanas", "*Asked* whether …, she said"): a
/// prediction, a naming or a question with no one who makes it. A participle modifying a noun
/// or standing alone takes no object or clause (that is a verb whose subject the parse lost);
/// an adjunct participle may ("Asked whether …").
fn reduced_passive(doc: &Doc, c: usize) -> bool {
    let tok = &doc.tokens[c];
    if tok.xpos.as_str() != "VBN" || has_child(doc, c, &["nsubj", "aux", "expl", "csubj"]) {
        return false;
    }
    let rel = tok.deprel.as_str().split(':').next().unwrap_or("");
    match rel {
        "advcl" => true,
        "acl" | "amod" | "obl" | "advmod" | "xcomp" | "root" => {
            !has_child(doc, c, &["obj", "iobj", "ccomp"])
        }
        _ => false,
    }
}

/// Whether the cue token `c` of a candidate without a speaker is a bare common noun ("*plans*
/// for the port remain sketchy", "the *desire* to shave", "*Hopes* high as …"): no owner, no
/// complement clause ("allegations *that* …", "his claim that …" report a claim), so a noun
/// phrase, not a report. Only for indirect candidates: a quotation after a noun ("the report:
/// "…"") is a document's words.
fn bare_noun_cue(doc: &Doc, c: usize) -> bool {
    let tok = &doc.tokens[c];
    if !matches!(tok.xpos.as_str(), "NN" | "NNS") || has_child(doc, c, &["nmod:poss"]) {
        return false;
    }
    let clause = doc.children(c).any(|k| {
        matches!(
            doc.tokens[k].deprel.as_str().split(':').next(),
            Some("acl" | "ccomp")
        ) && has_child(doc, k, &["mark"])
    });
    // The word after the noun, whatever the parse made of it ("a note that …").
    let next = doc
        .tokens
        .get(c + 1)
        .map(|t| doc.slice(t.span).to_lowercase())
        .unwrap_or_default();
    !clause && !matches!(next.as_str(), "that" | "whether" | "if")
}

/// Whether the cue token `c` is a past participle modifying a noun of the speaker phrase `sp`
/// (a reduced relative: "the views *expressed* here are the author's own", "a campaign *called*
/// X aims", "Body *found* in river" as a title) rather than its verb: no subject, auxiliary,
/// object, clause or `by` agent of its own, and the noun is the subject of a predicate after
/// it, or the root of the document's first sentence (a headline).
fn patient_speaker(doc: &Doc, c: usize, sp: dyad_doc::Span) -> bool {
    let tok = &doc.tokens[c];
    if tok.xpos.as_str() != "VBN"
        || !matches!(tok.deprel.as_str().split(':').next(), Some("acl" | "amod"))
        || has_child(
            doc,
            c,
            &["nsubj", "aux", "obj", "iobj", "ccomp", "obl:agent", "expl"],
        )
    {
        return false;
    }
    let Some(h) = tok.head else { return false };
    let noun = &doc.tokens[h];
    if !sp.contains(noun.span) {
        return false;
    }
    if noun.deprel.as_str().starts_with("nsubj") {
        return noun.head.is_some_and(|p| p > c);
    }
    noun.head.is_none() && doc.sentence_of_token(c) == Some(0)
}

/// The noun a lone relative pronoun `which`/`that` (the speaker phrase `sp`) stands for: the
/// head of the relative clause whose verb is the cue token `c`, when it stands right before the
/// pronoun.
fn relative_antecedent(doc: &Doc, c: usize, sp: dyad_doc::Span) -> Option<usize> {
    let word = doc.slice(sp).trim().to_lowercase();
    if !matches!(word.as_str(), "which" | "that")
        || !doc.tokens[c].deprel.as_str().starts_with("acl")
    {
        return None;
    }
    let h = doc.tokens[c].head?;
    // The noun right before the pronoun (past a comma): "portions of the report that …" may
    // hang the clause on either noun, and is left alone.
    let p = doc.tokens_in(sp).start;
    let before = (0..p)
        .rev()
        .find(|&t| doc.tokens[t].upos.as_str() != "PUNCT")?;
    (before == h && doc.tokens[h].upos.as_str() == "NOUN").then_some(h)
}

/// Whether the candidate addresses the reader: the cue's subject is "you", or the speaker
/// phrase's head is possessed by "your" ("the community that you identify with", "your browser
/// does not support").
fn second_person(doc: &Doc, c: usize, sp: Option<dyad_doc::Span>) -> bool {
    let is = |t: usize, rel: &str, word: &str| {
        doc.tokens[t].deprel.as_str().starts_with(rel)
            && doc.slice(doc.tokens[t].span).eq_ignore_ascii_case(word)
    };
    if doc.children(c).any(|k| is(k, "nsubj", "you")) {
        return true;
    }
    let Some(sp) = sp else { return false };
    let toks = doc.tokens_in(sp);
    toks.clone()
        .filter(|&t| doc.tokens[t].head.is_none_or(|h| !toks.contains(&h)))
        .any(|h| doc.children(h).any(|k| is(k, "nmod:poss", "your")))
}

/// The embedded source nouns' path, for error messages.
const SOURCE_NOUNS_FILE: &str = "data/actors/source-nouns.txt";

/// `data/actors/source-nouns.txt`: lemmas of the common nouns that stand in annotated sources.
const SOURCE_NOUNS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/actors/source-nouns.txt"
));

/// Endings of agent and person nouns ("campaigner", "operator", "agronomist", "historian",
/// "migrant", "volunteer", "employee", "chairman", "housewife"): such a noun names someone, listed
/// or not.
const AGENTIVE_ENDINGS: &[&str] = &[
    "er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "man", "woman", "men", "women", "people",
    "wife",
];

/// Parse a source-nouns file (one lower-case lemma a line); an error names `file` and the line.
pub fn parse_source_nouns(text: &str, file: &str) -> Result<HashSet<String>, String> {
    let mut out = HashSet::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |msg: &str| format!("{file}:{}: {msg}", i + 1);
        if line.split_whitespace().count() != 1 {
            return Err(at("expected one lemma a line"));
        }
        if line.chars().any(char::is_uppercase) {
            return Err(at(&format!("lemma `{line}` must be lower case")));
        }
        if !out.insert(line.to_string()) {
            return Err(at(&format!("duplicate lemma `{line}`")));
        }
    }
    Ok(out)
}

/// The embedded source nouns, parsed once. The file is validated by this crate's tests, so a
/// parse error here is a build that skipped them; it panics with the file and line.
fn source_nouns() -> &'static HashSet<String> {
    static NOUNS: OnceLock<HashSet<String>> = OnceLock::new();
    NOUNS.get_or_init(|| {
        parse_source_nouns(SOURCE_NOUNS, SOURCE_NOUNS_FILE).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Whether the speaker phrase at `span` is headed by a common noun that is no source: the token
/// of the phrase that the parse hangs outside it (the last such) is a `NOUN` written in lower
/// case (a capitalised one may be a name the tagger missed) and without a digit, inside no
/// entity, its lemma is not in `source-nouns.txt` nor a noun of `speaker-nouns.txt`, `agent` (the
/// actor dictionaries' agents and speaker roles) does not know it, and it does not end like an
/// agent noun.
fn no_source_noun(doc: &Doc, span: dyad_doc::Span, agent: &dyn Fn(&str) -> bool) -> bool {
    let toks = doc.tokens_in(span);
    let Some(h) = toks
        .clone()
        .rev()
        .find(|&t| doc.tokens[t].head.is_none_or(|h| !toks.contains(&h)))
    else {
        return false;
    };
    let tok = &doc.tokens[h];
    let word = doc.slice(tok.span);
    // A head with a digit is an epithet of age, size or rank ("the 62-year-old", "the
    // 30-somethings"): it names someone more often than not, so it is left alone.
    if tok.upos.as_str() != "NOUN"
        || tok.deprel.is_empty()
        || word.chars().next().is_some_and(char::is_uppercase)
        || word.chars().any(|ch| ch.is_ascii_digit())
        || doc.entities.iter().any(|e| e.span.overlaps(tok.span))
    {
        return false;
    }
    let lemma = if tok.lemma.is_empty() {
        word.to_lowercase()
    } else {
        tok.lemma.to_lowercase()
    };
    let lower = word.to_lowercase();
    let nouns = crate::speaker_nouns::speaker_nouns();
    let known = |w: &str| {
        source_nouns().contains(w)
            || agent(w)
            || [
                &nouns.collective,
                &nouns.organisation,
                &nouns.source,
                &nouns.epithet,
                &nouns.institution,
            ]
            .iter()
            .any(|set| set.contains(w))
            || AGENTIVE_ENDINGS.iter().any(|e| w.ends_with(e))
    };
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    // A compound is known by its whole ("eye-witness" as "eyewitness") or its last part.
    let joined = lemma.replace('-', "");
    let last = lemma.rsplit('-').next().unwrap_or(&lemma);
    ![lemma.as_str(), &lower, singular, &joined, last]
        .iter()
        .any(|w| known(w))
}

/// Personal pronouns of the first and second person (a closed grammatical class, lower case):
/// as a lone speaker they are the writer, the reader or an interviewee nobody names.
const FIRST_SECOND_PERSON: &[&str] = &["i", "we", "you"];

/// Universal POS tags of a phrase that can name a source ("some", "all" and "many" are
/// determiners and adjectives that stand for people, so they count).
const NOMINAL: &[&str] = &["NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ", "X", "SYM"];

/// Why `q` of `doc` names no source and reports nothing, or `None` to keep it. Quotes with a
/// resolved speaker are always kept.
pub fn unsupported(doc: &Doc, q: &Quote, agent: &dyn Fn(&str) -> bool) -> Option<Unsupported> {
    if q.speaker.as_ref().is_some_and(|s| s.is_resolved()) {
        return None;
    }
    let Some(cue) = q.cue else {
        return q.speaker.is_none().then_some(Unsupported::Bare);
    };
    if let Some(sp) = &q.speaker {
        let words = doc.slice(sp.span).trim().to_lowercase();
        if FIRST_SECOND_PERSON.contains(&words.as_str()) {
            return Some(Unsupported::FirstOrSecondPerson);
        }
        let toks = doc.tokens_in(sp.span);
        let tagged = toks.clone().any(|t| !doc.tokens[t].upos.is_empty());
        if tagged
            && !toks
                .clone()
                .any(|t| NOMINAL.contains(&doc.tokens[t].upos.as_str()))
        {
            return Some(Unsupported::NotNominal);
        }
    }
    // The rules below read the cue's word in the parse; an unparsed document keeps the rest.
    let c = doc.tokens_in(cue).start;
    let tok = doc.tokens.get(c).filter(|t| !t.deprel.is_empty())?;
    if doc
        .children(c)
        .any(|k| matches!(doc.tokens[k].deprel.as_str(), "aux:pass" | "nsubj:pass"))
    {
        return Some(Unsupported::Passive);
    }
    if q.speaker.is_none() {
        if reduced_passive(doc, c) {
            return Some(Unsupported::Passive);
        }
        if q.kind == QuoteKind::Indirect && bare_noun_cue(doc, c) {
            return Some(Unsupported::NominalCue);
        }
    }
    if tok.head.is_none()
        && tok.xpos.as_str() == "VB"
        && !doc
            .children(c)
            .any(|k| doc.tokens[k].deprel.starts_with("nsubj"))
    {
        return Some(Unsupported::Imperative);
    }
    let question = doc.sentence_of_token(c).is_some_and(|s| {
        doc.slice(doc.sentences[s].span)
            .trim_end_matches(|ch: char| ch.is_whitespace() || "\"'”’»".contains(ch))
            .ends_with('?')
    });
    if question {
        return Some(Unsupported::Question);
    }
    if second_person(doc, c, q.speaker.as_ref().map(|s| s.span)) {
        return Some(Unsupported::FirstOrSecondPerson);
    }
    if no_report_cue(doc, c) {
        return Some(Unsupported::NoReportCue);
    }
    if nominal_cue(doc, c, q.span) {
        return Some(Unsupported::NominalCue);
    }
    if let Some(sp) = &q.speaker {
        if patient_speaker(doc, c, sp.span) {
            return Some(Unsupported::PatientSpeaker);
        }
        // Not an adjective of feeling in "-ed" ("it was concerned that"): its "it" may be a
        // company.
        if tok.upos.as_str() == "ADJ"
            && !doc.slice(tok.span).to_lowercase().ends_with("ed")
            && doc.slice(sp.span).trim().eq_ignore_ascii_case("it")
        {
            return Some(Unsupported::Expletive);
        }
        // "the ceremony, which symbolizes …": a relative pronoun speaks for the noun its clause
        // modifies, which is held to the same test as a speaker phrase.
        if let Some(ante) = relative_antecedent(doc, c, sp.span) {
            if no_source_noun(doc, doc.tokens[ante].span, agent) {
                return Some(Unsupported::NoSourceNoun);
            }
        }
    }
    // A participle's subject is often not its source ("…, the camera shaking, shouting"): such
    // cues are left alone.
    let sp = q.speaker.as_ref()?;
    (tok.xpos.as_str() != "VBG" && no_source_noun(doc, sp.span, agent))
        .then_some(Unsupported::NoSourceNoun)
}

/// Drop the quotes of `doc` that [`unsupported`] rejects; returns how many were dropped.
pub fn drop_unsupported(doc: &mut Doc, agent: &dyn Fn(&str) -> bool) -> usize {
    let keep: Vec<bool> = doc
        .quotes
        .iter()
        .map(|q| unsupported(doc, q, agent).is_none())
        .collect();
    let before = doc.quotes.len();
    let mut k = keep.iter();
    doc.quotes.retain(|_| *k.next().unwrap_or(&true));
    before - doc.quotes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_doc::{Actor, QuoteKind, Speaker};

    /// A one-sentence document from `(word, upos, xpos, head, deprel)` rows (heads are token
    /// indices, `None` for the root), words separated by single spaces.
    fn parsed(rows: &[(&str, &str, &str, Option<usize>, &str)]) -> Doc {
        crate::speaker_antecedent::tests::parsed(&[rows])
    }

    /// The quote of `doc` with the speaker tokens `sp`, the cue token `cue` and the content
    /// tokens `content`.
    fn quote(
        doc: &Doc,
        sp: Option<std::ops::Range<usize>>,
        cue: usize,
        content: std::ops::Range<usize>,
    ) -> Quote {
        Quote {
            span: doc.span_of_tokens(content),
            kind: QuoteKind::Indirect,
            speaker: sp.map(|r| Speaker {
                span: doc.span_of_tokens(r),
                name: None,
                cluster: None,
                actor: None,
            }),
            cue: Some(doc.tokens[cue].span),
            channel: None,
        }
    }

    #[test]
    fn a_passive_cue_without_a_source_is_dropped_but_a_named_source_stays() {
        // "The bridge is expected to reopen soon ."
        let mut doc = parsed(&[
            ("The", "DET", "DT", Some(1), "det"),
            ("bridge", "NOUN", "NN", Some(3), "nsubj:pass"),
            ("is", "AUX", "VBZ", Some(3), "aux:pass"),
            ("expected", "VERB", "VBN", None, "root"),
            ("to", "PART", "TO", Some(5), "mark"),
            ("reopen", "VERB", "VB", Some(3), "xcomp"),
            ("soon", "ADV", "RB", Some(5), "advmod"),
            (".", "PUNCT", ".", Some(3), "punct"),
        ]);
        let q = quote(&doc, Some(0..2), 3, 4..7);
        assert_eq!(
            unsupported(&doc, &q, &|_| false),
            Some(Unsupported::Passive)
        );
        doc.quotes.push(q);
        assert_eq!(drop_unsupported(&mut doc, &|_| false), 1);
        assert!(doc.quotes.is_empty());
        // The same construction with a resolved speaker (a role with a country) is kept.
        let mut q = quote(&doc, Some(0..2), 3, 4..7);
        q.speaker.as_mut().unwrap().actor = Some(Actor {
            name: None,
            code: "KENGOV".into(),
            country: Some("KEN".into()),
            sector: Some("GOV".into()),
            country_from: None,
        });
        assert_eq!(unsupported(&doc, &q, &|_| false), None);
    }

    #[test]
    fn first_person_questions_and_imperatives_are_no_reports() {
        // "I think prices will rise ."
        let doc = parsed(&[
            ("I", "PRON", "PRP", Some(1), "nsubj"),
            ("think", "VERB", "VBP", None, "root"),
            ("prices", "NOUN", "NNS", Some(4), "nsubj"),
            ("will", "AUX", "MD", Some(4), "aux"),
            ("rise", "VERB", "VB", Some(1), "ccomp"),
            (".", "PUNCT", ".", Some(1), "punct"),
        ]);
        let q = quote(&doc, Some(0..1), 1, 2..5);
        assert_eq!(
            unsupported(&doc, &q, &|_| false),
            Some(Unsupported::FirstOrSecondPerson)
        );
        // "Did the mayor say that taxes rise ?"
        let doc = parsed(&[
            ("Did", "AUX", "VBD", Some(3), "aux"),
            ("the", "DET", "DT", Some(2), "det"),
            ("mayor", "NOUN", "NN", Some(3), "nsubj"),
            ("say", "VERB", "VB", None, "root"),
            ("that", "SCONJ", "IN", Some(6), "mark"),
            ("taxes", "NOUN", "NNS", Some(6), "nsubj"),
            ("rise", "VERB", "VBP", Some(3), "ccomp"),
            ("?", "PUNCT", ".", Some(3), "punct"),
        ]);
        let q = quote(&doc, Some(1..3), 3, 4..7);
        assert_eq!(
            unsupported(&doc, &q, &|_| false),
            Some(Unsupported::Question)
        );
        // "Tell us what you think ." (no subject: an imperative; the speaker finder fell back on
        // the object).
        let doc = parsed(&[
            ("Tell", "VERB", "VB", None, "root"),
            ("us", "PRON", "PRP", Some(0), "iobj"),
            ("what", "PRON", "WP", Some(4), "obj"),
            ("you", "PRON", "PRP", Some(4), "nsubj"),
            ("think", "VERB", "VBP", Some(0), "ccomp"),
            (".", "PUNCT", ".", Some(0), "punct"),
        ]);
        let q = quote(&doc, Some(1..2), 0, 2..5);
        assert_eq!(
            unsupported(&doc, &q, &|_| false),
            Some(Unsupported::Imperative)
        );
    }

    #[test]
    fn a_speaker_phrase_without_a_noun_is_no_source_but_a_plain_report_stays() {
        // "Now analysts say growth slows ." with the speaker taken as "Now".
        let doc = parsed(&[
            ("Now", "ADV", "RB", Some(2), "advmod"),
            ("analysts", "NOUN", "NNS", Some(2), "nsubj"),
            ("say", "VERB", "VBP", None, "root"),
            ("growth", "NOUN", "NN", Some(4), "nsubj"),
            ("slows", "VERB", "VBZ", Some(2), "ccomp"),
            (".", "PUNCT", ".", Some(2), "punct"),
        ]);
        let q = quote(&doc, Some(0..1), 2, 3..5);
        assert_eq!(
            unsupported(&doc, &q, &|_| false),
            Some(Unsupported::NotNominal)
        );
        // The same report with the right, unresolved speaker is kept: an unnamed source alone
        // is no reason to drop an attribution.
        let q = quote(&doc, Some(1..2), 2, 3..5);
        assert_eq!(unsupported(&doc, &q, &|_| false), None);
        // No cue and no speaker: dropped.
        let mut bare = quote(&doc, None, 2, 3..5);
        bare.cue = None;
        assert_eq!(
            unsupported(&doc, &bare, &|_| false),
            Some(Unsupported::Bare)
        );
    }

    #[test]
    fn a_speaker_headed_by_a_noun_that_is_no_source_is_dropped() {
        // "The fog suggests winter came early ." (a weather noun stands in no source).
        let rows = |head: &'static str, upos: &'static str| {
            parsed(&[
                ("The", "DET", "DT", Some(1), "det"),
                (head, upos, "NN", Some(2), "nsubj"),
                ("suggests", "VERB", "VBZ", None, "root"),
                ("winter", "NOUN", "NN", Some(4), "nsubj"),
                ("came", "VERB", "VBD", Some(2), "ccomp"),
                ("early", "ADV", "RB", Some(4), "advmod"),
                (".", "PUNCT", ".", Some(2), "punct"),
            ])
        };
        let doc = rows("fog", "NOUN");
        let q = quote(&doc, Some(0..2), 2, 3..6);
        assert_eq!(
            unsupported(&doc, &q, &|_| false),
            Some(Unsupported::NoSourceNoun)
        );
        // A noun that stands in sources ("survey"), an agent noun of the dictionaries, a noun
        // shaped like an agent or person noun ("plumber", "housewife"), a compound whose last part
        // is a source ("eye-witness"), a capitalised head (a name the tagger may have missed) and
        // a head with a digit (an age epithet) are kept.
        for head in [
            "survey",
            "plumber",
            "Fog",
            "housewife",
            "eye-witness",
            "45-year-old",
        ] {
            let doc = rows(head, "NOUN");
            let q = quote(&doc, Some(0..2), 2, 3..6);
            assert_eq!(unsupported(&doc, &q, &|_| false), None, "{head}");
        }
        let doc = rows("fog", "NOUN");
        let q = quote(&doc, Some(0..2), 2, 3..6);
        assert_eq!(unsupported(&doc, &q, &|w| w == "fog"), None);
        // A participle cue is left alone: its subject is often not its source.
        let mut doc = rows("fog", "NOUN");
        doc.tokens[2].xpos = dyad_doc::Tag::new("VBG");
        let q = quote(&doc, Some(0..2), 2, 3..6);
        assert_eq!(unsupported(&doc, &q, &|_| false), None);
    }

    #[test]
    fn verbs_of_seeming_and_of_intention_with_an_infinitive_report_nothing() {
        // "The race had appeared close ." (a verb of seeming: dropped in every use).
        let mut doc = parsed(&[
            ("The", "DET", "DT", Some(1), "det"),
            ("race", "NOUN", "NN", Some(3), "nsubj"),
            ("had", "AUX", "VBD", Some(3), "aux"),
            ("appeared", "VERB", "VBN", None, "root"),
            ("close", "ADJ", "JJ", Some(3), "xcomp"),
            (".", "PUNCT", ".", Some(3), "punct"),
        ]);
        doc.tokens[3].lemma = "appear".into();
        let q = quote(&doc, Some(0..2), 3, 4..5);
        assert_eq!(
            unsupported(&doc, &q, &|w| w == "race"),
            Some(Unsupported::NoReportCue)
        );
        // "Most voters want to cut taxes ." with a to-infinitive: an intention, dropped.
        let rows = |verb: &'static str, lemma: &'static str| {
            let mut doc = parsed(&[
                ("Most", "ADJ", "JJS", Some(1), "amod"),
                ("voters", "NOUN", "NNS", Some(2), "nsubj"),
                (verb, "VERB", "VBP", None, "root"),
                ("to", "PART", "TO", Some(4), "mark"),
                ("cut", "VERB", "VB", Some(2), "xcomp"),
                ("taxes", "NOUN", "NNS", Some(4), "obj"),
                (".", "PUNCT", ".", Some(2), "punct"),
            ]);
            doc.tokens[2].lemma = lemma.into();
            doc
        };
        let doc = rows("want", "want");
        let q = quote(&doc, Some(0..2), 2, 3..6);
        assert_eq!(
            unsupported(&doc, &q, &|_| false),
            Some(Unsupported::NoReportCue)
        );
        // A speech act with the same shape ("vow to cut") is a cue, and so is a named speaker's
        // intention (a resolved speaker keeps every quote).
        let doc = rows("vow", "vow");
        let q = quote(&doc, Some(0..2), 2, 3..6);
        assert_eq!(unsupported(&doc, &q, &|_| true), None);
        let doc = rows("want", "want");
        let mut q = quote(&doc, Some(0..2), 2, 3..6);
        q.speaker.as_mut().unwrap().actor = Some(Actor {
            name: None,
            code: "USACVL".into(),
            country: Some("USA".into()),
            sector: Some("CVL".into()),
            country_from: None,
        });
        assert_eq!(unsupported(&doc, &q, &|_| false), None);
        // "Both sides agree that talks failed ." with a clause: a stance, kept.
        let mut doc = parsed(&[
            ("Both", "DET", "DT", Some(1), "det"),
            ("sides", "NOUN", "NNS", Some(2), "nsubj"),
            ("agree", "VERB", "VBP", None, "root"),
            ("that", "SCONJ", "IN", Some(5), "mark"),
            ("talks", "NOUN", "NNS", Some(5), "nsubj"),
            ("failed", "VERB", "VBD", Some(2), "ccomp"),
            (".", "PUNCT", ".", Some(2), "punct"),
        ]);
        doc.tokens[2].lemma = "agree".into();
        let q = quote(&doc, Some(0..2), 2, 3..6);
        assert_eq!(unsupported(&doc, &q, &|_| true), None);
    }

    #[test]
    fn a_noun_cue_before_a_phrase_without_a_verb_is_no_report() {
        // "Rumours of a takeover grew ." read with the cue "Rumours" and the content "of a
        // takeover".
        let rows = |verb_upos: &'static str| {
            parsed(&[
                ("Rumours", "NOUN", "NNS", Some(4), "nsubj"),
                ("of", "ADP", "IN", Some(3), "case"),
                ("a", "DET", "DT", Some(3), "det"),
                ("takeover", "NOUN", "NN", Some(0), "nmod"),
                ("grew", verb_upos, "VBD", None, "root"),
                (".", "PUNCT", ".", Some(4), "punct"),
            ])
        };
        let doc = rows("VERB");
        let q = quote(&doc, None, 0, 1..4);
        assert_eq!(
            unsupported(&doc, &q, &|_| true),
            Some(Unsupported::NominalCue)
        );
        // With a verb in the content a noun cue with a speaker may report a claim; without a
        // speaker, a noun with no clause of its own is no report either way
        // (`a_reduced_passive_or_a_bare_noun_cue_without_a_speaker_is_no_report`).
        let q = quote(&doc, None, 0, 1..5);
        assert_eq!(
            unsupported(&doc, &q, &|_| true),
            Some(Unsupported::NominalCue)
        );
    }

    #[test]
    fn a_reduced_passive_or_a_bare_noun_cue_without_a_speaker_is_no_report() {
        // "The ferry , believed to be the oldest , sank ." (a participle with no one who believes).
        let doc = parsed(&[
            ("The", "DET", "DT", Some(1), "det"),
            ("ferry", "NOUN", "NN", Some(9), "nsubj"),
            (",", "PUNCT", ",", Some(3), "punct"),
            ("believed", "VERB", "VBN", Some(1), "acl"),
            ("to", "PART", "TO", Some(7), "mark"),
            ("be", "AUX", "VB", Some(7), "cop"),
            ("the", "DET", "DT", Some(7), "det"),
            ("oldest", "ADJ", "JJS", Some(3), "xcomp"),
            (",", "PUNCT", ",", Some(3), "punct"),
            ("sank", "VERB", "VBD", None, "root"),
            (".", "PUNCT", ".", Some(9), "punct"),
        ]);
        let q = quote(&doc, None, 3, 4..8);
        assert_eq!(unsupported(&doc, &q, &|_| true), Some(Unsupported::Passive));
        // The same participle with an object is a verb whose subject the parse lost: kept.
        let mut doc2 = doc.clone();
        doc2.tokens[7].deprel = dyad_doc::Tag::new("obj");
        let q = quote(&doc2, None, 3, 4..8);
        assert_eq!(unsupported(&doc2, &q, &|_| true), None);
        // "Plans for the bridge remain vague ." with the cue "Plans" and no speaker.
        let rows = |next: &'static str| {
            parsed(&[
                ("Plans", "NOUN", "NNS", Some(4), "nsubj"),
                (next, "ADP", "IN", Some(3), "case"),
                ("the", "DET", "DT", Some(3), "det"),
                ("bridge", "NOUN", "NN", Some(0), "nmod"),
                ("remain", "VERB", "VBP", None, "root"),
                ("vague", "ADJ", "JJ", Some(4), "xcomp"),
                (".", "PUNCT", ".", Some(4), "punct"),
            ])
        };
        let doc = rows("for");
        let q = quote(&doc, None, 0, 1..6);
        assert_eq!(
            unsupported(&doc, &q, &|_| true),
            Some(Unsupported::NominalCue)
        );
        // A noun before "that" may hold a claim ("Claims that the bridge ..."), and a quotation
        // after a noun is a document's words: both kept.
        let doc = rows("that");
        let q = quote(&doc, None, 0, 1..6);
        assert_eq!(unsupported(&doc, &q, &|_| true), None);
        let doc = rows("for");
        let mut q = quote(&doc, None, 0, 1..6);
        q.kind = QuoteKind::Direct;
        assert_eq!(unsupported(&doc, &q, &|_| true), None);
    }

    #[test]
    fn a_participle_modifying_its_own_speaker_noun_is_no_report() {
        // "The figures quoted here are estimates ." ("figures" the subject of "are", after the
        // participle).
        let doc = parsed(&[
            ("The", "DET", "DT", Some(1), "det"),
            ("figures", "NOUN", "NNS", Some(6), "nsubj"),
            ("quoted", "VERB", "VBN", Some(1), "acl"),
            ("here", "ADV", "RB", Some(2), "advmod"),
            ("are", "AUX", "VBP", Some(6), "cop"),
            ("rough", "ADJ", "JJ", Some(6), "amod"),
            ("estimates", "NOUN", "NNS", None, "root"),
            (".", "PUNCT", ".", Some(6), "punct"),
        ]);
        let q = quote(&doc, Some(0..2), 2, 3..7);
        assert_eq!(
            unsupported(&doc, &q, &|_| true),
            Some(Unsupported::PatientSpeaker)
        );
        // "The farmers quoted prices ." (a verb with an object, read as a participle): kept.
        let doc = parsed(&[
            ("The", "DET", "DT", Some(1), "det"),
            ("farmers", "NOUN", "NNS", None, "root"),
            ("quoted", "VERB", "VBN", Some(1), "acl"),
            ("prices", "NOUN", "NNS", Some(2), "obj"),
            (".", "PUNCT", ".", Some(1), "punct"),
        ]);
        let q = quote(&doc, Some(0..2), 2, 3..4);
        assert_eq!(unsupported(&doc, &q, &|_| true), None);
    }

    #[test]
    fn an_expletive_it_of_an_adjective_is_the_writers_voice() {
        // "It is unclear whether the vote counts ."
        let rows = |adj: &'static str| {
            parsed(&[
                ("It", "PRON", "PRP", Some(2), "nsubj"),
                ("is", "AUX", "VBZ", Some(2), "cop"),
                (adj, "ADJ", "JJ", None, "root"),
                ("whether", "SCONJ", "IN", Some(6), "mark"),
                ("the", "DET", "DT", Some(5), "det"),
                ("vote", "NOUN", "NN", Some(6), "nsubj"),
                ("counts", "VERB", "VBZ", Some(2), "ccomp"),
                (".", "PUNCT", ".", Some(2), "punct"),
            ])
        };
        let doc = rows("unclear");
        let q = quote(&doc, Some(0..1), 2, 3..7);
        assert_eq!(
            unsupported(&doc, &q, &|_| true),
            Some(Unsupported::Expletive)
        );
        // An adjective of feeling in "-ed" may have a company for its "it": kept.
        let doc = rows("concerned");
        let q = quote(&doc, Some(0..1), 2, 3..7);
        assert_eq!(unsupported(&doc, &q, &|_| true), None);
    }

    #[test]
    fn a_relative_pronoun_speaks_for_the_noun_before_it() {
        // "They met a fog which lifted by noon ." ("fog" stands in no source).
        let rows = |noun: &'static str| {
            parsed(&[
                ("They", "PRON", "PRP", Some(1), "nsubj"),
                ("met", "VERB", "VBD", None, "root"),
                ("a", "DET", "DT", Some(3), "det"),
                (noun, "NOUN", "NN", Some(1), "obj"),
                ("which", "PRON", "WDT", Some(5), "nsubj"),
                ("lifted", "VERB", "VBD", Some(3), "acl:relcl"),
                ("by", "ADP", "IN", Some(7), "case"),
                ("noon", "NOUN", "NN", Some(5), "obl"),
                (".", "PUNCT", ".", Some(1), "punct"),
            ])
        };
        let doc = rows("fog");
        let q = quote(&doc, Some(4..5), 5, 6..8);
        assert_eq!(
            unsupported(&doc, &q, &|_| false),
            Some(Unsupported::NoSourceNoun)
        );
        // A noun that stands in sources ("a law which says …") keeps its clause.
        let doc = rows("law");
        let q = quote(&doc, Some(4..5), 5, 6..8);
        assert_eq!(unsupported(&doc, &q, &|_| false), None);
    }

    #[test]
    fn an_address_to_the_reader_is_no_report() {
        // "Pick the team that you most identify with ." (the speaker phrase garbled to "that").
        let doc = parsed(&[
            ("Pick", "VERB", "VB", None, "root"),
            ("the", "DET", "DT", Some(2), "det"),
            ("team", "NOUN", "NN", Some(0), "obj"),
            ("that", "PRON", "WDT", Some(6), "obj"),
            ("you", "PRON", "PRP", Some(6), "nsubj"),
            ("most", "ADV", "RBS", Some(6), "advmod"),
            ("identify", "VERB", "VBP", Some(2), "acl:relcl"),
            ("with", "ADP", "IN", Some(6), "obl"),
            (".", "PUNCT", ".", Some(0), "punct"),
        ]);
        let q = quote(&doc, Some(3..6), 6, 7..8);
        assert_eq!(
            unsupported(&doc, &q, &|_| false),
            Some(Unsupported::FirstOrSecondPerson)
        );
        // "Your phone does not show the map ." (the head possessed by "your").
        let doc = parsed(&[
            ("Your", "PRON", "PRP$", Some(1), "nmod:poss"),
            ("phone", "NOUN", "NN", Some(4), "nsubj"),
            ("does", "AUX", "VBZ", Some(4), "aux"),
            ("not", "PART", "RB", Some(4), "advmod"),
            ("show", "VERB", "VB", None, "root"),
            ("the", "DET", "DT", Some(6), "det"),
            ("map", "NOUN", "NN", Some(4), "obj"),
            (".", "PUNCT", ".", Some(4), "punct"),
        ]);
        let q = quote(&doc, Some(0..2), 4, 5..7);
        assert_eq!(
            unsupported(&doc, &q, &|w| w == "phone"),
            Some(Unsupported::FirstOrSecondPerson)
        );
    }

    #[test]
    fn the_no_report_cues_file_parses_and_errors_name_the_file_and_line() {
        let cues = parse_no_report_cues(NO_REPORT_CUES, NO_REPORT_CUES_FILE).expect("valid file");
        assert_eq!(cues.get("seem"), Some(&NoReportClass::Seeming));
        assert_eq!(cues.get("want"), Some(&NoReportClass::Infinitive));
        assert_eq!(cues.get("remain"), Some(&NoReportClass::Act));
        assert_eq!(cues.get("see"), Some(&NoReportClass::As));
        assert!(!cues.contains_key("say") && !cues.contains_key("promise"));
        let e = parse_no_report_cues("want infinitive\nwant seeming\n", "f.txt").unwrap_err();
        assert!(e.starts_with("f.txt:2: duplicate lemma `want`"), "{e}");
        let e = parse_no_report_cues("want\n", "f.txt").unwrap_err();
        assert!(e.starts_with("f.txt:1: expected `LEMMA CLASS`"), "{e}");
        let e = parse_no_report_cues("want wishful\n", "f.txt").unwrap_err();
        assert!(e.starts_with("f.txt:1: unknown class `wishful`"), "{e}");
        let e = parse_no_report_cues("Want infinitive\n", "f.txt").unwrap_err();
        assert!(e.starts_with("f.txt:1: lemma `Want`"), "{e}");
    }

    #[test]
    fn the_source_nouns_file_parses_and_errors_name_the_file_and_line() {
        let nouns = parse_source_nouns(SOURCE_NOUNS, SOURCE_NOUNS_FILE).expect("valid file");
        assert!(nouns.contains("spokesman") && nouns.contains("poll"));
        assert!(nouns.contains("alliance"), "the lines added by hand count");
        let e = parse_source_nouns("# c\npoll\npoll\n", "f.txt").unwrap_err();
        assert!(e.starts_with("f.txt:3: duplicate lemma `poll`"), "{e}");
        let e = parse_source_nouns("Poll\n", "f.txt").unwrap_err();
        assert!(e.starts_with("f.txt:1: lemma `Poll`"), "{e}");
        let e = parse_source_nouns("two words\n", "f.txt").unwrap_err();
        assert!(e.starts_with("f.txt:1: expected one lemma"), "{e}");
    }
}
