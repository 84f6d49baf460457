//! Antecedents of speaker phrases that name nobody by themselves: a relative pronoun ("officials
//! *who* said"), a plural pronoun ("the rebels … *they* said") and a definite organisation noun
//! ("the Independent Commission … *the commission* found").
//!
//! The quote stage resolves such a phrase when its antecedent is a name (an entity, a coreference
//! cluster); what is left for the `speaker-roles` stage is an antecedent that is a role ("local
//! officials, who said" → officials, with a country by the usual evidence) or that coreference
//! did not reach. The antecedent is found in the parse only, never guessed from word order:
//!
//! - `who`/`which`/`that` as the subject of a relative clause (`acl:relcl`, or `acl`): the noun
//!   the clause modifies (the name it stands in apposition to: "Trump, the businessman who"), when no verb stands between them (a clause between means the parse
//!   reached past the nearer noun); else a person or organisation named right before it and set
//!   off by a dash, a parenthesis or a comma ("Chuck Schumer - who had called");
//! - `they`: the nearest preceding subject in its sentence that agrees (a plural noun or proper
//!   noun, a coordination of common nouns, a collective noun such as "police", "the government";
//!   not an organisation's singular name, not a coordination of names: "Ann and Bo" is no one
//!   actor), else the main-clause subject of one of the two sentences before; a `they`
//!   subject there is followed to its own antecedent. A pronoun outside quotation marks takes no
//!   antecedent named only inside them;
//! - `the X` (two words, X a singular common noun): the latest organisation named in the last
//!   eight sentences whose proper name is headed by X ("the Independent Commission" … "the
//!   commission", "the University of Malaya" … "the university"; not a description such as "Reuters news agency"). It is named by its own text
//!   unless its cluster's or actor's name also ends with X (a fund named after a country is not
//!   that country).
//! - else, for "the company" (a generic organisation noun of a closed list): the organisation
//!   that is the nearest subject before it in its sentence, or the main-clause subject of one of
//!   the two sentences before ("BP posted a profit, the company announced");
//! - an age epithet ("the 57-year-old", "the 51-year-old writer"): the nearest person subject
//!   (a name, or `he`/`she` of a named cluster) in its sentence or the three before, skipping a
//!   person whose stated age differs ("Ian Stewart, 56,");
//! - an occupational epithet ("the veteran politician", "The artist": the `epithet` class of
//!   `speaker-nouns.txt`, no name right after it, no restrictive relative clause): the person
//!   named beside an earlier use of its noun (with the same noun modifier), else, when the noun
//!   is new, the nearest person subject in its sentence or the two before.
//!
//! For a quote without any speaker whose cue is an adjunct participle ("…, *citing* costs",
//! "*Admitting* defeat, X said"), [`participle_cue`] and [`participle_subject`] give the
//! `speaker-roles` stage the reporting verb or the subject whose speaker it shares.
//!
//! The caller resolves the antecedent phrase like any speaker phrase (a named entity, else a role
//! with a country, else nothing).

use crate::speaker_nouns::speaker_nouns;
use dyad_doc::{Doc, Span, SpanIndex};
use std::ops::Range;

/// Sentences before the pronoun's that `they` looks through for its antecedent.
const THEY_SENTENCES_BACK: usize = 2;
/// Sentences before the phrase's that "the commission" looks through for the organisation.
const ORG_SENTENCES_BACK: usize = 8;
/// How many `they` subjects an antecedent chain may pass through.
const MAX_CHAIN: usize = 3;

/// Dependents of a noun that belong to its phrase on the left ("the two *local* officials").
const LEFT_MODIFIERS: &[&str] = &[
    "det",
    "amod",
    "compound",
    "nmod:poss",
    "nummod",
    "case",
    "flat",
    "det:poss",
];

/// What a speaker phrase stands for, when it names nobody by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Antecedent {
    /// The token range of the antecedent noun phrase.
    Phrase(Range<usize>),
    /// An entity (index into `doc.entities`).
    Entity(usize),
    /// An organisation that a definite noun names (index into `doc.entities`).
    Organisation(usize),
    /// An organisation that "the company" stands for as the subject before it (index into
    /// `doc.entities`).
    Subject(usize),
}

/// The antecedent of the speaker phrase at `span` (see the module documentation), or `None`.
/// `quoted` are the spans inside quotation marks.
pub fn antecedent(doc: &Doc, span: Span, quoted: &SpanIndex) -> Option<Antecedent> {
    let toks = doc.tokens_in(span);
    if !parsed(doc) || toks.is_empty() {
        return None;
    }
    let words: Vec<String> = toks.clone().map(|t| lower(doc, t)).collect();
    let found = match words.as_slice() {
        [w] if matches!(w.as_str(), "who" | "which" | "that") => relative(doc, toks.start)
            .map(Antecedent::Phrase)
            .or_else(|| set_off(doc, toks.start).map(Antecedent::Entity)),
        [w] if w == "they" => plural(doc, toks.start, quoted, 0).map(Antecedent::Phrase),
        [the, _] if the == "the" => organisation(doc, toks.end - 1, quoted)
            .map(Antecedent::Organisation)
            .or_else(|| subject_organisation(doc, toks.end - 1, quoted).map(Antecedent::Subject)),
        _ => None,
    };
    found
        .or_else(|| {
            epithet_age(doc.slice(span))
                .and_then(|age| aged_person(doc, toks.start, age, quoted))
                .map(Antecedent::Entity)
        })
        .or_else(|| {
            epithet_noun(doc, toks.clone())
                .then(|| described_person(doc, toks.start, toks.end - 1, quoted))
                .flatten()
                .map(Antecedent::Entity)
        })
}

/// Sentences before the phrase's that an occupational epithet ("the singer") looks through.
const DESCRIBED_SENTENCES_BACK: usize = 2;

/// Tokens between an earlier use of an epithet's noun and the name it describes ("chief
/// designer of the center Val Ode").
const NOUN_NAME_GAP: usize = 8;

/// Whether tokens `r` are an occupational epithet: "the" + lower-case modifiers + a singular
/// noun of the `epithet` class of `speaker-nouns.txt` ("the singer", "the veteran politician",
/// "The airline mogul"), at most four words, not followed by a restrictive relative clause
/// ("the comedian who pretended …" introduces someone new).
fn epithet_noun(doc: &Doc, r: Range<usize>) -> bool {
    if !(2..=4).contains(&r.len()) || lower(doc, r.start) != "the" {
        return false;
    }
    let head = r.end - 1;
    let lower_case = (r.start + 1..r.end).all(|t| {
        doc.token_text(t)
            .chars()
            .all(|c| c.is_lowercase() || c == '-')
            && matches!(doc.tokens[t].upos.as_str(), "NOUN" | "ADJ")
    });
    // A restrictive clause right after the noun; "the veteran politician, who …" is no
    // introduction.
    let relative = doc.tokens.get(r.end).is_some_and(|t| {
        t.head == Some(head) && t.deprel.starts_with("acl")
            || matches!(doc.token_text(r.end), "who" | "whose" | "whom" | "that")
            || doc.token_text(r.end) != ","
                && doc
                    .children(head)
                    .any(|c| c > head && doc.tokens[c].deprel.starts_with("acl"))
    });
    // "The novelist Stephen King": the name follows, this is no epithet.
    let named = doc.tokens.get(r.end).is_some_and(|t| t.upos == "PROPN");
    lower_case
        && !named
        && doc.tokens[head].xpos == "NN"
        && speaker_nouns().epithet.contains(&lower(doc, head))
        && !relative
}

/// The person named beside a use of a noun at token `k`: after it in the same phrase, with no
/// verb and no punctuation between but a comma right before the name ("chief designer of the
/// center Val Ode", "the director of the school, Ann Roe"), at most [`NOUN_NAME_GAP`] tokens on;
/// or right before it ("Ann Roe, the director"). The longest such name ("Dr" and "Ann Roe": Ann
/// Roe).
fn named_beside(doc: &Doc, k: usize) -> Option<usize> {
    let s = doc.sentence_of_token(k)?;
    let sent = doc.sentences[s].tokens.clone();
    let person = |t: usize| {
        let at = doc.tokens[t].span;
        doc.entities
            .iter()
            .position(|e| e.kind == "PER" && e.span.contains(at))
    };
    let mut after = Vec::new();
    for t in k + 1..(k + 1 + NOUN_NAME_GAP).min(sent.end) {
        if let Some(e) = person(t) {
            after.push(e);
            continue;
        }
        // A comma or an abbreviation's point right before a name ("school, Ann Roe", "Dr. Ann
        // Roe") joins it.
        let w = doc.token_text(t);
        if matches!(w, "," | ".") && t + 1 < sent.end && person(t + 1).is_some() {
            continue;
        }
        let blocked = matches!(doc.tokens[t].upos.as_str(), "VERB" | "AUX")
            || doc.tokens[t].upos == "PUNCT" && !matches!(w, "-" | "\u{2010}");
        if blocked || !after.is_empty() {
            break;
        }
    }
    // "Ann Roe, the director": the name, a comma, an article, the noun's modifiers.
    let before = (sent.start..k)
        .rev()
        .take(NOUN_NAME_GAP)
        .take_while(|&t| {
            person(t).is_some()
                || doc.token_text(t) == ","
                || matches!(doc.tokens[t].upos.as_str(), "DET" | "ADJ" | "NOUN")
        })
        .find(|&t| doc.token_text(t) == ",")
        .and_then(|c| c.checked_sub(1))
        .and_then(person);
    after
        .into_iter()
        .chain(before)
        .max_by_key(|&e| doc.entities[e].span.len())
}

/// The person an occupational epithet at token `p` describes: the nearest subject before it
/// that is a person (a name, or `he`/`she` of a cluster with a name), in its sentence or the
/// [`DESCRIBED_SENTENCES_BACK`] before (outside quotation marks when the epithet is). When the
/// document used the noun before, it is the person named beside that use (within
/// [`NOUN_NAME_GAP`] tokens), or no one.
fn described_person(doc: &Doc, p: usize, head: usize, quoted: &SpanIndex) -> Option<usize> {
    // The noun used before of someone ("chief designer Val Ode … the designer"): that person,
    // or no one when nobody is named beside it.
    let noun = lower(doc, head);
    // With a noun modifier ("the school director") only a use with the same modifier ("school
    // director Ann Roe") is the same person; another ("IOM director Bo Li") is someone else.
    let modifier = (head > p && doc.tokens[head - 1].upos == "NOUN").then(|| lower(doc, head - 1));
    // Earlier uses of the noun with a name set beside it, latest first; a use with another noun
    // modifier is someone else.
    let beside = (1..p)
        .rev()
        .filter(|&k| lower(doc, k) == noun)
        .filter_map(|k| {
            let same = modifier.as_ref().is_none_or(|m| lower(doc, k - 1) == *m);
            named_beside(doc, k).map(|e| (e, same))
        })
        .next();
    if let Some((e, same)) = beside {
        return same.then_some(e);
    }
    let s = doc.sentence_of_token(p)?;
    let first = doc.sentences[s.saturating_sub(DESCRIBED_SENTENCES_BACK)]
        .tokens
        .start;
    let outside = !quoted.any_contains(doc.tokens[p].span);
    (first..p)
        .rev()
        .filter(|&t| doc.tokens[t].deprel.starts_with("nsubj"))
        .filter(|&t| !(outside && quoted.any_contains(doc.tokens[t].span)))
        .find_map(|t| person_of_subject(doc, t))
}

/// A participle cue of a quote without a speaker: "X said …, *citing* security concerns",
/// "*Admitting* defeat, X told reporters". An adjunct participle has no subject of its own; the
/// one who cites or admits is the subject of the clause it hangs on. Only a present participle
/// (`VBG`) without a subject ("with prices *rising*" has one), opening its sentence or set off
/// by a comma, attached as an adjunct (a clause or a conjunct, not a subject or an object).
/// Returns its token.
pub fn participle_cue(doc: &Doc, cue: Span) -> Option<usize> {
    let toks = doc.tokens_in(cue);
    if !parsed(doc) || toks.len() != 1 {
        return None;
    }
    let t = toks.start;
    let s = doc.sentence_of_token(t)?;
    let first = doc.sentences[s].tokens.start;
    let set_off = t == first || doc.token_text(t - 1) == ",";
    let own_subject = doc
        .children(t)
        .any(|c| doc.tokens[c].deprel.starts_with("nsubj"));
    // A gerund that is itself a subject ("*Explaining* the reasons, he says, can help") or an
    // object is no adjunct.
    let adjunct = matches!(
        doc.tokens[t].deprel.as_str(),
        "advcl" | "conj" | "root" | "acl" | "xcomp" | "parataxis"
    );
    (doc.tokens[t].xpos == "VBG" && set_off && adjunct && !own_subject).then_some(t)
}

/// Whether tokens `a` and `b` lie on one chain of heads at most [`PARTICIPLE_STEPS`] apart:
/// the parse hangs an adjunct participle on the reporting verb, on its content clause ("said
/// the talks had failed, citing") or, opening the sentence, above it.
pub fn linked(doc: &Doc, a: usize, b: usize) -> bool {
    let reaches = |mut x: usize, y: usize| {
        for _ in 0..PARTICIPLE_STEPS {
            match doc.tokens[x].head {
                Some(h) if h == y => return true,
                Some(h) => x = h,
                None => return false,
            }
        }
        false
    };
    reaches(a, b) || reaches(b, a)
}

/// Steps between an adjunct participle and the reporting verb whose speaker it shares.
const PARTICIPLE_STEPS: usize = 2;

/// The active subject (`nsubj`, not `nsubj:pass`: "he was sacked, citing …" names no one who
/// cites) of the main-clause verb an adjunct participle at `t` modifies (`advcl`), when that
/// verb is no content clause of another (`ccomp`).
pub fn participle_subject(doc: &Doc, t: usize) -> Option<usize> {
    if doc.tokens[t].deprel != "advcl" {
        return None;
    }
    let head = doc.tokens[t].head?;
    let h = &doc.tokens[head];
    if !matches!(h.upos.as_str(), "VERB" | "AUX") || h.deprel == "ccomp" {
        return None;
    }
    doc.children(head)
        .find(|&c| doc.tokens[c].deprel == "nsubj")
}

/// The person a `he`/`she` subject (or a name) at token `t` stands for: see
/// [`person_of_subject`].
pub fn person_at(doc: &Doc, t: usize) -> Option<usize> {
    person_of_subject(doc, t)
}

/// Sentences before the phrase's that an age epithet ("the 57-year-old") looks through.
const EPITHET_SENTENCES_BACK: usize = 3;

/// The age of an age epithet: "the 57-year-old", "The 51-year-old writer", "the 71-year old"
/// (a singular lower-case noun may follow). `None` for anything else, a plural noun included.
fn epithet_age(phrase: &str) -> Option<u32> {
    let lower = phrase
        .to_lowercase()
        .replace(['\u{2010}', '\u{2011}', '\u{2013}'], "-");
    let rest = lower.strip_prefix("the ")?;
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    let age: u32 = rest[..digits].parse().ok()?;
    let tail = ["-year-old", "-year old", " year old", "-years-old"]
        .iter()
        .find_map(|t| rest[digits..].strip_prefix(t))?;
    let noun = tail.trim();
    let singular_noun =
        noun.chars().all(|c| c.is_ascii_lowercase()) && !noun.ends_with('s') && !noun.contains(' ');
    (noun.is_empty() || singular_noun && !speaker_nouns().organisation.contains(noun))
        .then_some(age)
}

/// The person an age epithet at token `p` refers to: the nearest person subject before it (a
/// name, or a `he`/`she` of a cluster with a name) in its sentence or the
/// [`EPITHET_SENTENCES_BACK`] before, skipping anyone whose stated age ("Ross, 79,") differs.
/// Returns the person's name entity.
fn aged_person(doc: &Doc, p: usize, age: u32, quoted: &SpanIndex) -> Option<usize> {
    let s = doc.sentence_of_token(p)?;
    let first = doc.sentences[s.saturating_sub(EPITHET_SENTENCES_BACK)]
        .tokens
        .start;
    let outside = !quoted.any_contains(doc.tokens[p].span);
    (first..p)
        .rev()
        .filter(|&t| doc.tokens[t].deprel.starts_with("nsubj"))
        .filter(|&t| !(outside && quoted.any_contains(doc.tokens[t].span)))
        .filter_map(|t| person_of_subject(doc, t))
        .find(|&e| stated_age(doc, e).is_none_or(|a| a == age))
}

/// The person name entity a subject token stands for: the name it lies in, or for `he`/`she`
/// the latest name of its cluster before it.
fn person_of_subject(doc: &Doc, t: usize) -> Option<usize> {
    let span = doc.tokens[t].span;
    if let Some(e) = doc
        .entities
        .iter()
        .position(|e| e.kind == "PER" && e.span.contains(span))
    {
        return Some(e);
    }
    if !matches!(lower(doc, t).as_str(), "he" | "she") {
        return None;
    }
    let c = doc
        .clusters
        .iter()
        .position(|c| c.mentions.contains(&span))?;
    doc.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == "PER" && e.cluster == Some(c) && e.span.end <= span.start)
        .map(|(i, _)| i)
        .next_back()
}

/// The age stated for the person of entity `e` by a number right after one of its names (of its
/// cluster, or ending with its surname): "Ross, 79,", "Ross (79)".
fn stated_age(doc: &Doc, e: usize) -> Option<u32> {
    let ent = &doc.entities[e];
    let surname = |x: &dyad_doc::Entity| doc.slice(x.span).rsplit(' ').next().unwrap_or("");
    let same = |x: &dyad_doc::Entity| {
        x.span == ent.span
            || x.cluster.is_some() && x.cluster == ent.cluster
            || surname(x) == surname(ent)
    };
    doc.entities
        .iter()
        .filter(|x| x.kind == "PER" && same(x))
        .find_map(|x| {
            let after = doc.text[x.span.end..].trim_start_matches([',', '(', ' ']);
            let n = after.find(|c: char| !c.is_ascii_digit())?;
            let rest = &after[n..];
            (n > 0
                && n <= 3
                && rest.starts_with([',', ')', ' ', '.'])
                && !rest.starts_with(" year"))
            .then(|| after[..n].parse().ok())
            .flatten()
        })
}

/// The organisation "the company" (a generic organisation noun of `speaker-nouns.txt` at token `n`) stands for: the
/// nearest subject before it in its sentence, else the main-clause subject of one of the two
/// sentences before, when that subject is an organisation's name. Any other subject between
/// decides against it.
fn subject_organisation(doc: &Doc, n: usize, quoted: &SpanIndex) -> Option<usize> {
    if !speaker_nouns().organisation.contains(&lower(doc, n)) || doc.tokens[n].xpos != "NN" {
        return None;
    }
    let s = doc.sentence_of_token(n)?;
    let outside = !quoted.any_contains(doc.tokens[n].span);
    let usable = |t: usize| {
        doc.tokens[t].deprel.starts_with("nsubj")
            && !(outside && quoted.any_contains(doc.tokens[t].span))
    };
    // An organisation's proper name ("Bank of Ireland"), not a description the recogniser took
    // for one ("Indonesian authorities", "Rescue workers in Syria").
    let org = |t: usize| {
        let span = doc.tokens[t].span;
        doc.entities.iter().position(|e| {
            e.kind == "ORG"
                && e.span.contains(span)
                && doc.slice(e.span).split_whitespace().all(|w| {
                    w.starts_with(|c: char| !c.is_lowercase())
                        || matches!(w, "the" | "of" | "for" | "and" | "on" | "in")
                })
        })
    };
    let sent = doc.sentences[s].tokens.clone();
    if let Some(t) = (sent.start..n - 1).rev().find(|&t| usable(t)) {
        return org(t);
    }
    for back in 1..=THEY_SENTENCES_BACK {
        let Some(ps) = s.checked_sub(back) else { break };
        let r = doc.sentences[ps].tokens.clone();
        let main = r.clone().filter(|&t| usable(t)).find(|&t| {
            doc.tokens[t]
                .head
                .is_some_and(|h| doc.tokens[h].head.is_none())
        });
        if let Some(t) = main {
            return org(t);
        }
    }
    None
}

fn parsed(doc: &Doc) -> bool {
    doc.tokens.iter().any(|t| !t.deprel.is_empty())
}

fn lower(doc: &Doc, t: usize) -> String {
    doc.token_text(t).to_lowercase()
}

/// The noun a relative clause whose subject is token `rel` modifies.
fn relative(doc: &Doc, rel: usize) -> Option<Range<usize>> {
    let t = &doc.tokens[rel];
    if !t.deprel.starts_with("nsubj") {
        return None;
    }
    let verb = t.head?;
    if !doc.tokens[verb].deprel.starts_with("acl") {
        return None;
    }
    let noun = doc.tokens[verb].head?;
    // Between the noun and the pronoun only its modifiers ("officials in Kabul, who"), no verb:
    // a clause between means the parse reached past the nearer noun.
    let clear = (noun + 1..rel).all(|t| !matches!(doc.tokens[t].upos.as_str(), "VERB" | "AUX"));
    if !(noun < rel && is_noun(doc, noun) && clear) {
        return None;
    }
    // "Trump, the businessman who touted": the apposition's name is who spoke.
    let noun = match doc.tokens[noun].head {
        Some(h) if doc.tokens[noun].deprel == "appos" && names(doc, h) => h,
        _ => noun,
    };
    Some(phrase(doc, noun))
}

/// Whether token `t` lies in a person or organisation name.
fn names(doc: &Doc, t: usize) -> bool {
    let s = doc.tokens[t].span;
    doc.entities
        .iter()
        .any(|e| e.span.contains(s) && matches!(e.kind.as_str(), "PER" | "ORG"))
}

/// A person or organisation named right before the pronoun at token `rel`, set off by a dash or
/// a parenthesis ("Chuck Schumer - who had called", "Isabel (who called him uncle)"), when the
/// parse did not make the clause relative. (The quote stage already takes a name before a comma.)
fn set_off(doc: &Doc, rel: usize) -> Option<usize> {
    let p = rel.checked_sub(1)?;
    if !matches!(doc.token_text(p), "-" | "–" | "—" | "(" | ",") || p == 0 {
        return None;
    }
    let s = doc.sentence_of_token(rel)?;
    let named_at = |end: usize| {
        let before = doc.tokens[end].span.end;
        doc.entities
            .iter()
            .position(|e| e.span.end == before && matches!(e.kind.as_str(), "PER" | "ORG"))
            .filter(|&e| doc.entities[e].span.start >= doc.sentences[s].span.start)
    };
    named_at(p - 1).or_else(|| {
        // A person's age or party tag set off by commas between the name and the pronoun
        // ("Ann Roe, 44, who", "Sen. Bo Li, D-Conn., who").
        if doc.token_text(p) != "," {
            return None;
        }
        let first = doc.sentences[s].tokens.start;
        let c = (p.saturating_sub(SET_OFF_TAG_WORDS + 1).max(first)..p)
            .rev()
            .find(|&t| doc.token_text(t) == ",")?;
        let tag: String = (c + 1..p).map(|t| doc.token_text(t)).collect();
        (c > first && (is_age(&tag) || is_party_tag(&tag)))
            .then(|| named_at(c - 1))
            .flatten()
            .filter(|&e| doc.entities[e].kind == "PER")
    })
}

/// Tokens an age or a party tag set off between a name and "who" may take ("D-Conn.").
const SET_OFF_TAG_WORDS: usize = 4;

/// Whether `w` is a person's age: one to three digits.
fn is_age(w: &str) -> bool {
    (1..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
}

/// Whether `w` is a US party-and-state tag: a party letter, a hyphen and a capitalised state
/// abbreviation ("D-Conn.", "R-Texas", "I-Vt.").
fn is_party_tag(w: &str) -> bool {
    let Some(rest) = w
        .strip_prefix("D-")
        .or_else(|| w.strip_prefix("R-"))
        .or_else(|| w.strip_prefix("I-"))
    else {
        return false;
    };
    let rest = rest.strip_suffix('.').unwrap_or(rest);
    (2..=14).contains(&rest.len())
        && rest.starts_with(|c: char| c.is_ascii_uppercase())
        && rest
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '.' || c == ' ')
}

fn is_noun(doc: &Doc, t: usize) -> bool {
    matches!(doc.tokens[t].upos.as_str(), "NOUN" | "PROPN")
}

/// The noun phrase of head `h`: its left modifiers (and theirs), and name parts on the right.
fn phrase(doc: &Doc, h: usize) -> Range<usize> {
    let sent = doc
        .sentence_of_token(h)
        .map_or(0..doc.tokens.len(), |s| doc.sentences[s].tokens.clone());
    // The dependent of `h` that token `x` descends from (within four steps), if any.
    let top = |mut x: usize| {
        for _ in 0..4 {
            match doc.tokens[x].head {
                Some(p) if p == h => return Some(x),
                Some(p) => x = p,
                None => return None,
            }
        }
        None
    };
    let mut start = h;
    while start > sent.start
        && doc.tokens[start - 1].deprel != "punct"
        && top(start - 1).is_some_and(|c| LEFT_MODIFIERS.contains(&doc.tokens[c].deprel.as_str()))
    {
        start -= 1;
    }
    let mut end = h + 1;
    while end < sent.end
        && doc.tokens[end].head == Some(h)
        && matches!(doc.tokens[end].deprel.as_str(), "flat" | "compound")
    {
        end += 1;
    }
    start..end
}

/// Whether the subject at token `t` can be what "they" refers to.
fn agrees(doc: &Doc, t: usize) -> bool {
    let tok = &doc.tokens[t];
    matches!(tok.xpos.as_str(), "NNS" | "NNPS")
        || speaker_nouns().collective.contains(&lower(doc, t))
        || tok.upos == "NOUN" && coordinated(doc, t)
}

/// Whether token `t` heads a coordination of nouns ("Ann and her colleagues").
fn coordinated(doc: &Doc, t: usize) -> bool {
    doc.children(t)
        .any(|c| doc.tokens[c].deprel == "conj" && is_noun(doc, c))
}

/// The antecedent phrase of the `they` at token `p`.
fn plural(doc: &Doc, p: usize, quoted: &SpanIndex, depth: usize) -> Option<Range<usize>> {
    let s = doc.sentence_of_token(p)?;
    let outside = !quoted.any_contains(doc.tokens[p].span);
    let usable = |t: usize| {
        doc.tokens[t].deprel.starts_with("nsubj")
            && !(outside && quoted.any_contains(doc.tokens[t].span))
    };
    // 1. The nearest subject before it in its sentence.
    let sent = doc.sentences[s].tokens.clone();
    if let Some(t) = (sent.start..p)
        .rev()
        .find(|&t| usable(t) && subject_ok(doc, t))
    {
        return resolve_subject(doc, t, quoted, depth);
    }
    // 2. The main-clause subject (else the first subject) of an earlier sentence.
    for back in 1..=THEY_SENTENCES_BACK {
        let Some(ps) = s.checked_sub(back) else { break };
        let r = doc.sentences[ps].tokens.clone();
        let subjects: Vec<usize> = r.clone().filter(|&t| usable(t)).collect();
        let main = subjects
            .iter()
            .copied()
            .find(|&t| {
                doc.tokens[t]
                    .head
                    .is_some_and(|h| doc.tokens[h].head.is_none())
            })
            .or(subjects.first().copied());
        if let Some(t) = main {
            // The main subject decides: if it does not agree, "they" is not about it, and an
            // earlier subject is too far to trust.
            return subject_ok(doc, t)
                .then(|| resolve_subject(doc, t, quoted, depth))
                .flatten();
        }
    }
    None
}

/// A subject that agrees with "they", or is itself "they".
fn subject_ok(doc: &Doc, t: usize) -> bool {
    lower(doc, t) == "they" || is_noun(doc, t) && agrees(doc, t)
}

fn resolve_subject(doc: &Doc, t: usize, quoted: &SpanIndex, depth: usize) -> Option<Range<usize>> {
    if lower(doc, t) == "they" {
        return (depth < MAX_CHAIN)
            .then(|| plural(doc, t, quoted, depth + 1))
            .flatten();
    }
    // A coordination with a name ("The West and the Arab League") is no one actor.
    let with_name = doc
        .children(t)
        .any(|c| doc.tokens[c].deprel == "conj" && doc.tokens[c].upos == "PROPN");
    (!with_name).then(|| phrase(doc, t))
}

/// The latest organisation before the noun at token `n` (in its sentence or the
/// [`ORG_SENTENCES_BACK`] before, outside quotation marks) whose name ends with that noun.
fn organisation(doc: &Doc, n: usize, quoted: &SpanIndex) -> Option<usize> {
    let tok = &doc.tokens[n];
    if tok.upos != "NOUN" || tok.xpos != "NN" {
        return None;
    }
    let noun = lower(doc, n);
    let s = doc.sentence_of_token(n)?;
    let lo = doc.sentences[s.saturating_sub(ORG_SENTENCES_BACK)]
        .span
        .start;
    let hi = tok.span.start;
    doc.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == "ORG" && e.span.start >= lo && e.span.end <= hi)
        .filter(|(_, e)| !quoted.any_contains(e.span))
        .filter(|(_, e)| {
            let name = doc.slice(e.span);
            // A proper name ("the Independent Commission"), not a description ("Reuters news
            // agency", "Asia's top university").
            let proper = name.split_whitespace().all(|w| {
                w.starts_with(|c: char| c.is_uppercase())
                    || matches!(w, "the" | "of" | "for" | "and" | "on" | "in")
            });
            // The noun heads the name: its last word ("the Independent Commission"), or its
            // first before "of" ("the University of Malaya").
            let words: Vec<String> = name
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty() && *w != "the")
                .map(str::to_lowercase)
                .collect();
            let heads = words.last() == Some(&noun)
                || words.len() > 2 && words[0] == noun && words[1] == "of";
            proper && words.len() > 1 && heads
        })
        .map(|(i, _)| i)
        .next_back()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use dyad_doc::{Entity, Sentence, Tag, Token};

    /// One parsed row: word, UPOS, XPOS, head (index within its sentence; `None` for the root),
    /// relation.
    pub(crate) type Row<'a> = (&'a str, &'a str, &'a str, Option<usize>, &'a str);

    /// A document of parsed sentences, words separated by single spaces.
    pub(crate) fn parsed(sentences: &[&[Row]]) -> Doc {
        let text = sentences
            .iter()
            .flat_map(|s| s.iter().map(|r| r.0))
            .collect::<Vec<_>>()
            .join(" ");
        let mut doc = Doc::new("t", text);
        let mut at = 0;
        for rows in sentences {
            let first = doc.tokens.len();
            for (w, upos, xpos, head, deprel) in rows.iter() {
                doc.tokens.push(Token {
                    span: Span::new(at, at + w.len()),
                    space_after: true,
                    upos: Tag::new(upos),
                    xpos: Tag::new(xpos),
                    lemma: w.to_lowercase(),
                    head: head.map(|h| first + h),
                    deprel: Tag::new(deprel),
                });
                at += w.len() + 1;
            }
            let last = doc.tokens.len();
            doc.sentences.push(Sentence {
                span: Span::new(doc.tokens[first].span.start, doc.tokens[last - 1].span.end),
                tokens: first..last,
                paragraph: 0,
            });
        }
        doc
    }

    fn of(doc: &Doc, word: &str, nth: usize) -> Option<Antecedent> {
        let t = (0..doc.tokens.len())
            .filter(|&t| doc.token_text(t) == word)
            .nth(nth)
            .unwrap();
        antecedent(doc, doc.tokens[t].span, &SpanIndex::new([]))
    }

    fn text(doc: &Doc, a: Option<Antecedent>) -> Option<String> {
        match a? {
            Antecedent::Phrase(r) => Some(doc.slice(doc.span_of_tokens(r)).to_string()),
            Antecedent::Entity(e) | Antecedent::Organisation(e) | Antecedent::Subject(e) => {
                Some(doc.slice(doc.entities[e].span).to_string())
            }
        }
    }

    #[test]
    fn a_relative_pronoun_refers_to_the_noun_its_clause_modifies() {
        // "Local officials , who declined to be named , said ."
        let doc = parsed(&[&[
            ("Local", "ADJ", "JJ", Some(1), "amod"),
            ("officials", "NOUN", "NNS", Some(9), "nsubj"),
            (",", "PUNCT", ",", Some(4), "punct"),
            ("who", "PRON", "WP", Some(4), "nsubj"),
            ("declined", "VERB", "VBD", Some(1), "acl:relcl"),
            ("to", "PART", "TO", Some(7), "mark"),
            ("be", "AUX", "VB", Some(7), "aux:pass"),
            ("named", "VERB", "VBN", Some(4), "xcomp"),
            (",", "PUNCT", ",", Some(4), "punct"),
            ("said", "VERB", "VBD", None, "root"),
        ]]);
        assert_eq!(
            text(&doc, of(&doc, "who", 0)).as_deref(),
            Some("Local officials")
        );
    }

    #[test]
    fn a_relative_clause_the_parse_hung_past_another_clause_is_not_followed() {
        // "the firm that owns the site over a report that claimed": the second "that" hangs on
        // "firm" across the verb "owns".
        let doc = parsed(&[&[
            ("the", "DET", "DT", Some(1), "det"),
            ("firm", "NOUN", "NN", None, "root"),
            ("that", "PRON", "WDT", Some(3), "nsubj"),
            ("owns", "VERB", "VBZ", Some(1), "acl:relcl"),
            ("the", "DET", "DT", Some(5), "det"),
            ("site", "NOUN", "NN", Some(3), "obj"),
            ("over", "ADP", "IN", Some(8), "case"),
            ("a", "DET", "DT", Some(8), "det"),
            ("report", "NOUN", "NN", Some(3), "obl"),
            ("that", "PRON", "WDT", Some(10), "nsubj"),
            ("claimed", "VERB", "VBD", Some(1), "acl:relcl"),
        ]]);
        assert_eq!(text(&doc, of(&doc, "that", 0)).as_deref(), Some("the firm"));
        assert_eq!(of(&doc, "that", 1), None);
    }

    fn they_after(first: &[Row]) -> Doc {
        parsed(&[
            first,
            &[
                ("They", "PRON", "PRP", Some(1), "nsubj"),
                ("said", "VERB", "VBD", None, "root"),
                ("talks", "NOUN", "NNS", Some(4), "nsubj"),
                ("will", "AUX", "MD", Some(4), "aux"),
                ("resume", "VERB", "VB", Some(1), "ccomp"),
            ],
        ])
    }

    #[test]
    fn they_refers_to_a_plural_or_collective_subject_before_it() {
        let doc = they_after(&[
            ("Rebel", "ADJ", "JJ", Some(1), "amod"),
            ("commanders", "NOUN", "NNS", Some(2), "nsubj"),
            ("met", "VERB", "VBD", None, "root"),
            ("in", "ADP", "IN", Some(4), "case"),
            ("Nairobi", "PROPN", "NNP", Some(2), "obl"),
        ]);
        assert_eq!(
            text(&doc, of(&doc, "They", 0)).as_deref(),
            Some("Rebel commanders")
        );
        let doc = they_after(&[
            ("The", "DET", "DT", Some(1), "det"),
            ("police", "NOUN", "NN", Some(2), "nsubj"),
            ("arrived", "VERB", "VBD", None, "root"),
        ]);
        assert_eq!(
            text(&doc, of(&doc, "They", 0)).as_deref(),
            Some("The police")
        );
    }

    #[test]
    fn they_takes_no_singular_name_and_no_pair_of_names() {
        // "The bank raised rates ." — a singular subject: "they" is not about it.
        let doc = they_after(&[
            ("The", "DET", "DT", Some(1), "det"),
            ("bank", "NOUN", "NN", Some(2), "nsubj"),
            ("raised", "VERB", "VBD", None, "root"),
            ("rates", "NOUN", "NNS", Some(2), "obj"),
        ]);
        assert_eq!(of(&doc, "They", 0), None);
        // "Ann and Bo met ." — two people are no one actor.
        let doc = they_after(&[
            ("Ann", "PROPN", "NNP", Some(3), "nsubj"),
            ("and", "CCONJ", "CC", Some(2), "cc"),
            ("Bo", "PROPN", "NNP", Some(0), "conj"),
            ("met", "VERB", "VBD", None, "root"),
        ]);
        assert_eq!(of(&doc, "They", 0), None);
    }

    #[test]
    fn the_commission_is_the_organisation_named_with_that_noun() {
        let mut doc = parsed(&[
            &[
                ("The", "DET", "DT", Some(2), "det"),
                ("Independent", "PROPN", "NNP", Some(2), "compound"),
                ("Commission", "PROPN", "NNP", Some(3), "nsubj"),
                ("met", "VERB", "VBD", None, "root"),
            ],
            &[
                ("The", "DET", "DT", Some(1), "det"),
                ("commission", "NOUN", "NN", Some(2), "nsubj"),
                ("said", "VERB", "VBD", None, "root"),
                ("the", "DET", "DT", Some(4), "det"),
                ("company", "NOUN", "NN", Some(2), "obj"),
            ],
        ]);
        doc.entities.push(Entity {
            span: doc.span_of_tokens(1..3),
            kind: "ORG".into(),
            actor: None,
            cluster: None,
        });
        let commission = doc.span_of_tokens(4..6);
        assert_eq!(
            antecedent(&doc, commission, &SpanIndex::new([])),
            Some(Antecedent::Organisation(0))
        );
        // No organisation ends with "company".
        let company = doc.span_of_tokens(7..9);
        assert_eq!(antecedent(&doc, company, &SpanIndex::new([])), None);
    }

    #[test]
    fn the_university_is_the_university_of_x_named_last() {
        // "the University of Malaya rose . The university said"
        let mut doc = parsed(&[
            &[
                ("the", "DET", "DT", Some(1), "det"),
                ("University", "PROPN", "NNP", Some(4), "nsubj"),
                ("of", "ADP", "IN", Some(3), "case"),
                ("Malaya", "PROPN", "NNP", Some(1), "nmod"),
                ("rose", "VERB", "VBD", None, "root"),
            ],
            &[
                ("The", "DET", "DT", Some(1), "det"),
                ("university", "NOUN", "NN", Some(2), "nsubj"),
                ("said", "VERB", "VBD", None, "root"),
            ],
        ]);
        doc.entities.push(Entity {
            span: doc.span_of_tokens(1..4),
            kind: "ORG".into(),
            actor: None,
            cluster: None,
        });
        let university = doc.span_of_tokens(5..7);
        assert_eq!(
            antecedent(&doc, university, &SpanIndex::new([])),
            Some(Antecedent::Organisation(0))
        );
    }

    #[test]
    fn a_name_set_off_by_a_dash_is_the_antecedent_the_parse_missed() {
        // "Leader Ann Roe - who had called it a disgrace" (the parse makes the clause parataxis).
        let mut doc = parsed(&[&[
            ("Leader", "PROPN", "NNP", Some(1), "compound"),
            ("Ann", "PROPN", "NNP", None, "root"),
            ("Roe", "PROPN", "NNP", Some(1), "flat"),
            ("-", "PUNCT", ",", Some(6), "punct"),
            ("who", "PRON", "WP", Some(6), "nsubj"),
            ("had", "AUX", "VBD", Some(6), "aux"),
            ("called", "VERB", "VBN", Some(1), "parataxis"),
        ]]);
        doc.entities.push(Entity {
            span: doc.span_of_tokens(1..3),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        });
        assert_eq!(of(&doc, "who", 0), Some(Antecedent::Entity(0)));
        // Without the name there is nothing to refer to.
        doc.entities.clear();
        assert_eq!(of(&doc, "who", 0), None);
    }

    #[test]
    fn a_name_before_an_age_or_a_party_tag_set_off_by_commas_is_the_antecedent() {
        // "Critics met Ann Roe , 61 , who said" (the parse hangs "who" on the number).
        let rows = |tag: &'static str, upos: &'static str| {
            parsed(&[&[
                ("Critics", "NOUN", "NNS", Some(1), "nsubj"),
                ("met", "VERB", "VBD", None, "root"),
                ("Ann", "PROPN", "NNP", Some(1), "obj"),
                ("Roe", "PROPN", "NNP", Some(2), "flat"),
                (",", "PUNCT", ",", Some(5), "punct"),
                (tag, upos, "CD", Some(2), "appos"),
                (",", "PUNCT", ",", Some(8), "punct"),
                ("who", "PRON", "WP", Some(8), "nsubj"),
                ("said", "VERB", "VBD", Some(1), "parataxis"),
            ]])
        };
        for (tag, upos) in [("61", "NUM"), ("D-Conn.", "PROPN"), ("R-Texas", "PROPN")] {
            let mut doc = rows(tag, upos);
            doc.entities.push(Entity {
                span: doc.span_of_tokens(2..4),
                kind: "PER".into(),
                actor: None,
                cluster: None,
            });
            assert_eq!(of(&doc, "who", 0), Some(Antecedent::Entity(0)), "{tag}");
        }
        // Another phrase between the commas ("Ann Roe, a lawyer, who") is left to the parse, and
        // an organisation has no age.
        for (tag, kind) in [("lawyers", "PER"), ("61", "ORG")] {
            let mut doc = rows(tag, "NOUN");
            doc.entities.push(Entity {
                span: doc.span_of_tokens(2..4),
                kind: kind.into(),
                actor: None,
                cluster: None,
            });
            assert_eq!(of(&doc, "who", 0), None, "{tag} {kind}");
        }
    }

    #[test]
    fn a_relative_on_an_apposition_refers_to_its_name() {
        // "Ann Roe , the businesswoman who touted"
        let mut doc = parsed(&[&[
            ("Ann", "PROPN", "NNP", None, "root"),
            ("Roe", "PROPN", "NNP", Some(0), "flat"),
            (",", "PUNCT", ",", Some(4), "punct"),
            ("the", "DET", "DT", Some(4), "det"),
            ("businesswoman", "NOUN", "NN", Some(0), "appos"),
            ("who", "PRON", "WP", Some(6), "nsubj"),
            ("touted", "VERB", "VBD", Some(4), "acl:relcl"),
        ]]);
        assert_eq!(
            text(&doc, of(&doc, "who", 0)).as_deref(),
            Some("the businesswoman")
        );
        doc.entities.push(Entity {
            span: doc.span_of_tokens(0..2),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        });
        assert_eq!(text(&doc, of(&doc, "who", 0)).as_deref(), Some("Ann Roe"));
    }

    #[test]
    fn a_description_tagged_as_an_organisation_is_no_name_for_the_noun() {
        // "Reuters news agency reported . The agency said"
        let mut doc = parsed(&[
            &[
                ("Reuters", "PROPN", "NNP", Some(2), "compound"),
                ("news", "NOUN", "NN", Some(2), "compound"),
                ("agency", "NOUN", "NN", Some(3), "nsubj"),
                ("reported", "VERB", "VBD", None, "root"),
            ],
            &[
                ("The", "DET", "DT", Some(1), "det"),
                ("agency", "NOUN", "NN", Some(2), "nsubj"),
                ("said", "VERB", "VBD", None, "root"),
            ],
        ]);
        doc.entities.push(Entity {
            span: doc.span_of_tokens(0..3),
            kind: "ORG".into(),
            actor: None,
            cluster: None,
        });
        let agency = doc.span_of_tokens(4..6);
        assert_eq!(antecedent(&doc, agency, &SpanIndex::new([])), None);
    }

    #[test]
    fn age_epithets_are_read_and_nothing_else() {
        assert_eq!(epithet_age("the 57-year-old"), Some(57));
        assert_eq!(epithet_age("The 51-year-old writer"), Some(51));
        assert_eq!(epithet_age("the 71-year old"), Some(71));
        // Indefinite, plural, an organisation, or no age: no epithet of a person named before.
        assert_eq!(epithet_age("a 27-year-old woman"), None);
        assert_eq!(epithet_age("the 20-year-olds"), None);
        assert_eq!(epithet_age("the two 20-year-old men"), None);
        assert_eq!(epithet_age("the 100-year-old company"), None);
        assert_eq!(epithet_age("the old man"), None);
    }

    /// "Coach Steve Hansen [, AGE ,] described the charge . The 57-year-old said ."
    fn hansen(age: Option<&str>) -> Doc {
        let mut first: Vec<Row> = vec![
            ("Coach", "PROPN", "NNP", Some(1), "compound"),
            ("Steve", "PROPN", "NNP", Some(3), "nsubj"),
            ("Hansen", "PROPN", "NNP", Some(1), "flat"),
        ];
        if let Some(a) = age {
            first.push((",", "PUNCT", ",", Some(4), "punct"));
            first.push((a, "NUM", "CD", Some(1), "appos"));
            first.push((",", "PUNCT", ",", Some(4), "punct"));
        }
        let verb = first.len();
        first[1].3 = Some(verb);
        first.push(("described", "VERB", "VBD", None, "root"));
        first.push(("the", "DET", "DT", Some(verb + 2), "det"));
        first.push(("charge", "NOUN", "NN", Some(verb), "obj"));
        let mut doc = parsed(&[
            &first,
            &[
                ("The", "DET", "DT", Some(1), "det"),
                ("57-year-old", "NOUN", "NN", Some(2), "nsubj"),
                ("said", "VERB", "VBD", None, "root"),
            ],
        ]);
        doc.entities.push(Entity {
            span: doc.span_of_tokens(1..3),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        });
        doc
    }

    #[test]
    fn an_age_epithet_is_the_person_subject_named_before() {
        let doc = hansen(None);
        let n = doc.tokens.len();
        let epithet = doc.span_of_tokens(n - 3..n - 1);
        let none = SpanIndex::new([]);
        assert_eq!(
            antecedent(&doc, epithet, &none),
            Some(Antecedent::Entity(0))
        );
        // A person whose stated age differs is someone else.
        let doc = hansen(Some("60"));
        let n = doc.tokens.len();
        let epithet = doc.span_of_tokens(n - 3..n - 1);
        assert_eq!(antecedent(&doc, epithet, &none), None);
        // The same age confirms.
        let doc = hansen(Some("57"));
        let n = doc.tokens.len();
        let epithet = doc.span_of_tokens(n - 3..n - 1);
        assert_eq!(
            antecedent(&doc, epithet, &none),
            Some(Antecedent::Entity(0))
        );
        // No person named: nothing.
        let mut doc = hansen(None);
        doc.entities.clear();
        let n = doc.tokens.len();
        let epithet = doc.span_of_tokens(n - 3..n - 1);
        assert_eq!(antecedent(&doc, epithet, &none), None);
    }

    /// "Mara Quill won the award . The veteran singer said she was glad ." with the second
    /// subject phrase `second` (words, head last).
    fn quill(second: &[(&'static str, &'static str, &'static str)], relative: bool) -> Doc {
        let mut rows: Vec<Row> = Vec::new();
        let n = second.len();
        for (k, (w, u, x)) in second.iter().enumerate() {
            let rel = if k + 1 == n {
                "nsubj"
            } else if k == 0 {
                "det"
            } else {
                "amod"
            };
            let head = if k + 1 == n {
                n + usize::from(relative) * 2
            } else {
                n - 1
            };
            rows.push((w, u, x, Some(head), rel));
        }
        if relative {
            rows.push(("who", "PRON", "WP", Some(n + 1), "nsubj"));
            rows.push(("sang", "VERB", "VBD", Some(n - 1), "acl:relcl"));
        }
        rows.push(("said", "VERB", "VBD", None, "root"));
        let mut doc = parsed(&[
            &[
                ("Mara", "PROPN", "NNP", Some(2), "nsubj"),
                ("Quill", "PROPN", "NNP", Some(0), "flat"),
                ("won", "VERB", "VBD", None, "root"),
                ("the", "DET", "DT", Some(4), "det"),
                ("award", "NOUN", "NN", Some(2), "obj"),
            ],
            &rows,
        ]);
        doc.entities.push(Entity {
            span: doc.span_of_tokens(0..2),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        });
        doc
    }

    #[test]
    fn an_occupational_epithet_is_the_person_subject_named_before() {
        let none = SpanIndex::new([]);
        let the = ("The", "DET", "DT");
        let singer = ("singer", "NOUN", "NN");
        let doc = quill(&[the, ("veteran", "ADJ", "JJ"), singer], false);
        assert_eq!(
            antecedent(&doc, doc.span_of_tokens(5..8), &none),
            Some(Antecedent::Entity(0))
        );
        let doc = quill(&[the, singer], false);
        assert_eq!(
            antecedent(&doc, doc.span_of_tokens(5..7), &none),
            Some(Antecedent::Entity(0))
        );
        // A restrictive relative clause introduces someone new: "The singer who sang said".
        let doc = quill(&[the, singer], true);
        assert_eq!(antecedent(&doc, doc.span_of_tokens(5..7), &none), None);
        // Not an epithet: a spokesman speaks for someone else, a plural is a group, a
        // capitalised modifier makes a name.
        let doc = quill(&[the, ("spokesman", "NOUN", "NN")], false);
        assert_eq!(antecedent(&doc, doc.span_of_tokens(5..7), &none), None);
        let doc = quill(&[the, ("singers", "NOUN", "NNS")], false);
        assert_eq!(antecedent(&doc, doc.span_of_tokens(5..7), &none), None);
        let doc = quill(&[the, ("Opera", "PROPN", "NNP"), singer], false);
        assert_eq!(antecedent(&doc, doc.span_of_tokens(5..8), &none), None);
        // No person named before: nothing.
        let mut doc = quill(&[the, singer], false);
        doc.entities.clear();
        assert_eq!(antecedent(&doc, doc.span_of_tokens(5..7), &none), None);
    }

    #[test]
    fn an_epithet_whose_noun_was_used_before_is_the_person_named_beside_it() {
        // "Chief designer Val Ode spoke . Mara Quill won . The designer said ." and the same with
        // "The school designer": a use with another noun modifier is someone else.
        let build = |school: bool| {
            let mut last: Vec<Row> = vec![("The", "DET", "DT", Some(1), "det")];
            if school {
                last[0].3 = Some(2);
                last.push(("school", "NOUN", "NN", Some(2), "compound"));
            }
            let h = last.len();
            last.push(("designer", "NOUN", "NN", Some(h + 1), "nsubj"));
            last.push(("said", "VERB", "VBD", None, "root"));
            let mut doc = parsed(&[
                &[
                    ("Chief", "ADJ", "JJ", Some(1), "amod"),
                    ("designer", "NOUN", "NN", Some(2), "compound"),
                    ("Val", "PROPN", "NNP", Some(4), "nsubj"),
                    ("Ode", "PROPN", "NNP", Some(2), "flat"),
                    ("spoke", "VERB", "VBD", None, "root"),
                ],
                &[
                    ("Mara", "PROPN", "NNP", Some(2), "nsubj"),
                    ("Quill", "PROPN", "NNP", Some(0), "flat"),
                    ("won", "VERB", "VBD", None, "root"),
                ],
                &last,
            ]);
            for r in [2..4, 5..7] {
                doc.entities.push(Entity {
                    span: doc.span_of_tokens(r),
                    kind: "PER".into(),
                    actor: None,
                    cluster: None,
                });
            }
            doc
        };
        let none = SpanIndex::new([]);
        let doc = build(false);
        let n = doc.tokens.len();
        assert_eq!(
            antecedent(&doc, doc.span_of_tokens(n - 3..n - 1), &none),
            Some(Antecedent::Entity(0))
        );
        let doc = build(true);
        let n = doc.tokens.len();
        assert_eq!(
            antecedent(&doc, doc.span_of_tokens(n - 4..n - 1), &none),
            None
        );
    }

    #[test]
    fn an_adjunct_participle_is_found_and_a_gerund_subject_is_not() {
        // "Citing costs , Ann Roe resigned ." (the parse hangs the root on the participle)
        let doc = parsed(&[&[
            ("Citing", "VERB", "VBG", None, "root"),
            ("costs", "NOUN", "NNS", Some(0), "obj"),
            (",", "PUNCT", ",", Some(0), "punct"),
            ("Ann", "PROPN", "NNP", Some(5), "nsubj"),
            ("Roe", "PROPN", "NNP", Some(3), "flat"),
            ("resigned", "VERB", "VBD", Some(0), "conj"),
        ]]);
        assert_eq!(participle_cue(&doc, doc.tokens[0].span), Some(0));
        assert!(linked(&doc, 0, 5));
        // "Ann Roe quit , blaming costs ." : the subject of the verb it modifies.
        let doc = parsed(&[&[
            ("Ann", "PROPN", "NNP", Some(2), "nsubj"),
            ("Roe", "PROPN", "NNP", Some(0), "flat"),
            ("quit", "VERB", "VBD", None, "root"),
            (",", "PUNCT", ",", Some(4), "punct"),
            ("blaming", "VERB", "VBG", Some(2), "advcl"),
            ("costs", "NOUN", "NNS", Some(4), "obj"),
        ]]);
        let t = participle_cue(&doc, doc.tokens[4].span).expect("participle");
        assert_eq!(participle_subject(&doc, t), Some(0));
        // "Ann Roe was sacked , blaming costs .": a passive subject did not blame.
        let doc = parsed(&[&[
            ("Ann", "PROPN", "NNP", Some(3), "nsubj:pass"),
            ("Roe", "PROPN", "NNP", Some(0), "flat"),
            ("was", "AUX", "VBD", Some(3), "aux:pass"),
            ("sacked", "VERB", "VBN", None, "root"),
            (",", "PUNCT", ",", Some(5), "punct"),
            ("blaming", "VERB", "VBG", Some(3), "advcl"),
            ("costs", "NOUN", "NNS", Some(5), "obj"),
        ]]);
        assert_eq!(participle_subject(&doc, 5), None);
        // "Explaining rules , he says , helps ." : a gerund subject is no adjunct.
        let doc = parsed(&[&[
            ("Explaining", "VERB", "VBG", Some(6), "csubj"),
            ("rules", "NOUN", "NNS", Some(0), "obj"),
            (",", "PUNCT", ",", Some(4), "punct"),
            ("he", "PRON", "PRP", Some(4), "nsubj"),
            ("says", "VERB", "VBZ", Some(6), "parataxis"),
            (",", "PUNCT", ",", Some(4), "punct"),
            ("helps", "VERB", "VBZ", None, "root"),
        ]]);
        assert_eq!(participle_cue(&doc, doc.tokens[0].span), None);
        // "With prices rising , …": a participle with its own subject.
        let doc = parsed(&[&[
            ("Ann", "PROPN", "NNP", Some(1), "nsubj"),
            ("left", "VERB", "VBD", None, "root"),
            (",", "PUNCT", ",", Some(4), "punct"),
            ("prices", "NOUN", "NNS", Some(4), "nsubj"),
            ("rising", "VERB", "VBG", Some(1), "advcl"),
        ]]);
        assert_eq!(participle_cue(&doc, doc.tokens[4].span), None);
    }

    #[test]
    fn the_company_is_the_organisation_just_the_subject() {
        // "BP posted a profit , the company announced ."
        let mut doc = parsed(&[&[
            ("BP", "PROPN", "NNP", Some(1), "nsubj"),
            ("posted", "VERB", "VBD", Some(7), "ccomp"),
            ("a", "DET", "DT", Some(3), "det"),
            ("profit", "NOUN", "NN", Some(1), "obj"),
            (",", "PUNCT", ",", Some(7), "punct"),
            ("the", "DET", "DT", Some(6), "det"),
            ("company", "NOUN", "NN", Some(7), "nsubj"),
            ("announced", "VERB", "VBD", None, "root"),
        ]]);
        doc.entities.push(Entity {
            span: doc.tokens[0].span,
            kind: "ORG".into(),
            actor: None,
            cluster: None,
        });
        let company = doc.span_of_tokens(5..7);
        let none = SpanIndex::new([]);
        assert_eq!(
            antecedent(&doc, company, &none),
            Some(Antecedent::Subject(0))
        );
        // A description taken for an organisation ("officials" tagged ORG) is no name.
        let mut described = doc.clone();
        described.text.replace_range(0..2, "bp");
        assert_eq!(antecedent(&described, company, &none), None);
        // The subject is no organisation ("Profits rose , the company announced"): nothing.
        doc.entities.clear();
        assert_eq!(antecedent(&doc, company, &none), None);
    }
}
