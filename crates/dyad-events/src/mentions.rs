//! Actor mentions as the coder sees them: token ranges with a resolved [`Actor`], gathered from the
//! entity layer (with coreference clusters supplying actors for pronouns and role nominals), or
//! from another matcher (PETRARCH actor dictionaries). Keeps the coder independent of how actors
//! were found.

use dyad_doc::{Actor, Doc, Span};
use once_cell::sync::Lazy;
use regex::Regex;
use std::ops::Range;

/// An actor mention in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Document-level token range.
    pub tokens: Range<usize>,
    /// Byte span of the mention.
    pub span: Span,
    /// The resolved actor.
    pub actor: Actor,
}

/// A dateline at the start of a sentence: a place in capitals, optionally a comma and a region and a
/// news agency in parentheses, then a dash or colon ("BERLIN - ", "GAZA CITY, Gaza Strip -- ",
/// "TIRANA, Albania (AP) -- ", "ANKARA: ").
static DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"^\s*[A-Z][A-Z.'’ -]*[A-Z.](?:,\s*[A-Z][A-Za-z.' ]{1,40})?(?:\s*(\((?:[A-Z][A-Za-z]{1,15})\)))?\s*(?:(?:--|-|—|–|:|(")) |"\?)"#,
    )
    .expect("dateline regex")
});

/// A dateline in ordinary case: a place, a comma, its country or region, a dash ("Qayyarah, Iraq - ").
static PLACE_DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"^\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:--|-|—|–) "#)
        .expect("place dateline regex")
});

/// Where the dateline of the sentence starting at byte `start` ends (a byte offset), if it has one.
/// The capitals must include a word of three letters or more; a bare `"` separator counts only after
/// an agency ("CAIRO (AP) \" ").
pub fn dateline_end(text: &str, start: usize) -> Option<usize> {
    let rest = text.get(start..)?;
    // "Qayyarah, Iraq - Six months after": a place and its country in ordinary case, when a
    // capital starts the sentence after the dash.
    if let Some(m) = PLACE_DATELINE.find(rest) {
        if rest[m.end()..].starts_with(|c: char| c.is_uppercase()) {
            return Some(start + m.end());
        }
    }
    let c = DATELINE.captures(rest)?;
    let m = c.get(0)?;
    if c.get(2).is_some() && c.get(1).is_none() {
        return None;
    }
    let caps = m.as_str();
    let long_word = caps
        .split(|ch: char| !ch.is_ascii_uppercase())
        .any(|w| w.len() >= 3);
    long_word.then(|| start + m.end())
}

/// Suffixes that make a name describe a thing ("a Singapore-based firm", "China-style reforms",
/// "Russia-related materials", "US-made missiles"): such a name acts as nothing.
const THING_SUFFIXES: &[&str] = &[
    "based",
    "style",
    "related",
    "made",
    "born",
    "built",
    "owned",
    "listed",
    "registered",
    "flagged",
    "bound",
    "produced",
    "designed",
];

/// Whether the name at `span` ends in (or is followed by) a hyphen and one of [`THING_SUFFIXES`].
fn thing_modifier(doc: &Doc, span: Span) -> bool {
    let text = doc.slice(span);
    let after = doc.text.get(span.end..).unwrap_or("");
    let suffix = |rest: &str| {
        let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        THING_SUFFIXES.contains(&w.to_lowercase().as_str())
    };
    text.rsplit_once('-').is_some_and(|(_, w)| suffix(w))
        || after.strip_prefix('-').is_some_and(suffix)
}

/// Mentions from `doc.entities` (actor, or the actor of its cluster) and from cluster mentions
/// (pronouns) whose cluster has an actor. Sorted by position; overlapping spans keep the first/longest.
/// Mentions inside a sentence's dateline ("KABUL - ...") are left out: a dateline names where the
/// story was filed, never an actor of the sentence. So are names that only describe a thing
/// ("a Singapore-based firm": [`THING_SUFFIXES`]).
pub fn from_doc(doc: &Doc) -> Vec<Mention> {
    let datelines: Vec<Span> = doc
        .sentences
        .iter()
        .filter_map(|s| dateline_end(&doc.text, s.span.start).map(|e| Span::new(s.span.start, e)))
        .collect();
    let in_dateline = |sp: Span| {
        datelines
            .iter()
            .any(|d| sp.start >= d.start && sp.end <= d.end)
    };
    let mut out: Vec<Mention> = Vec::new();
    for e in &doc.entities {
        let actor = e.actor.clone().or_else(|| {
            e.cluster
                .and_then(|c| doc.clusters.get(c))
                .and_then(|c| c.actor.clone())
        });
        if let Some(actor) = actor {
            if !in_dateline(e.span) && !thing_modifier(doc, e.span) {
                push(doc, &mut out, e.span, actor);
            }
        }
    }
    for c in &doc.clusters {
        if let Some(actor) = &c.actor {
            for &m in &c.mentions {
                if !in_dateline(m) && !thing_modifier(doc, m) {
                    push(doc, &mut out, m, actor.clone());
                }
            }
        }
    }
    normalise(out)
}

fn push(doc: &Doc, out: &mut Vec<Mention>, span: Span, actor: Actor) {
    if span.end > doc.text.len() || span.is_empty() {
        return;
    }
    let tokens = doc.tokens_in(span);
    if tokens.is_empty() {
        return;
    }
    out.push(Mention {
        tokens,
        span,
        actor,
    });
}

/// Sort by start, drop mentions overlapping an earlier longer one.
pub fn normalise(mut v: Vec<Mention>) -> Vec<Mention> {
    v.sort_by(|a, b| {
        a.tokens
            .start
            .cmp(&b.tokens.start)
            .then(b.tokens.end.cmp(&a.tokens.end))
    });
    let mut out: Vec<Mention> = Vec::with_capacity(v.len());
    for m in v {
        if out.last().is_some_and(|p| p.tokens.end > m.tokens.start) {
            continue;
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::dateline_end;

    #[test]
    fn datelines_are_found_at_sentence_starts() {
        fn end(t: &str) -> Option<&str> {
            dateline_end(t, 0).map(|e| &t[..e])
        }
        assert_eq!(end("BERLIN - The court ruled."), Some("BERLIN - "));
        assert_eq!(end("KABUL -- Troops left."), Some("KABUL -- "));
        assert_eq!(
            end("GAZA CITY, Gaza Strip -- Officials met."),
            Some("GAZA CITY, Gaza Strip -- ")
        );
        assert_eq!(
            end("TIRANA, Albania (AP) -- Parliament voted."),
            Some("TIRANA, Albania (AP) -- ")
        );
        assert_eq!(end("ANKARA: A court ruled."), Some("ANKARA: "));
        assert_eq!(end("CAIRO (AP) \" Police said."), Some("CAIRO (AP) \" "));
        // A dash mangled into `"?` ahead of the first word; a place and country in ordinary case.
        assert_eq!(
            end("CAPITALIA \"?Senate leaders met."),
            Some("CAPITALIA \"?")
        );
        assert_eq!(
            end("Portville, Norland - Six months after the raid."),
            Some("Portville, Norland - ")
        );
        // Not datelines: ordinary sentence starts, acronyms of two letters, a quote without agency.
        assert_eq!(end("Smith, Jones - and others agreed."), None);
        assert_eq!(end("Norland, Sudria and Ruritania agreed."), None);
        assert_eq!(end("Germany - and France - agreed."), None);
        assert_eq!(end("US - China talks resumed."), None);
        assert_eq!(end("NATO \" said more."), None);
        assert_eq!(end("The EU: a union."), None);
    }
}
