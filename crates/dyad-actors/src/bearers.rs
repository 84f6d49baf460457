//! Other bearers of a known person's surname (issues 16/17).
//!
//! The dictionary knows people by their full names and by short forms, among them the bare
//! surname ("Harris" for Kamala Harris). When the text names *someone else* with that surname
//! ("Health Minister Simon Harris"), the bare surname must not stand for the known person: not
//! inside the full name, and not later in the document ("Harris told reporters"), unless the
//! document also names the known person in full. A known person's surname counts as borne by
//! someone else when a person entity of the NER stage covers it together with a capitalised
//! first name that is none of the words of the known person's names (initials, titles and other
//! dictionary hits before the surname are no evidence either way).

use crate::dict::{Dictionary, EntryKind};
use crate::matcher::Hit;
use dyad_doc::Doc;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Titles and honorifics before a name ("Mr", "Dr", "Sen."), lower-case without a final stop:
/// the one-word lines of the NER stage's title gazetteer (`data/ner/gazetteer/title.txt`).
fn is_title(word: &str) -> bool {
    static TITLES: OnceLock<HashSet<String>> = OnceLock::new();
    TITLES
        .get_or_init(|| {
            include_str!("../../../data/ner/gazetteer/title.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.contains(' '))
                .map(|l| l.trim_end_matches('.').to_lowercase())
                .collect()
        })
        .contains(&word.to_lowercase())
}

/// Drops the hits of known people's bare surnames that name someone else (see the module
/// documentation). A surname right after a title hit ("Vice President Harris") is kept.
pub(crate) fn drop_other_bearers(dict: &Dictionary, doc: &Doc, hits: &mut Vec<Hit>) {
    let person = |h: &Hit| match dict.entries[h.entry].kind {
        EntryKind::Person(pid) => Some(pid),
        _ => None,
    };
    let text = &doc.text;
    let bare = |h: &Hit| !text[h.span.start..h.span.end].contains(char::is_whitespace);
    // People whose surname the text gives to someone else, and the hits that do it.
    let mut others: HashSet<usize> = HashSet::new();
    // Starts of the surnames inside someone else's full name: never the known person.
    let mut inside: HashSet<usize> = HashSet::new();
    let titled = |h: &Hit| {
        hits.iter().any(|t| {
            t.span.end < h.span.start
                && text[t.span.end..h.span.start].trim().is_empty()
                && matches!(dict.entries[t.entry].kind, EntryKind::Agent { .. })
        })
    };
    // A headline's capitals say little ("More Trump advisers disclose …"): it gives no surname
    // to anyone, nor does its bare surname keep the known person in play.
    let title_end = doc
        .title
        .as_deref()
        .filter(|t| !t.is_empty() && text.starts_with(*t))
        .map_or(0, str::len);
    for h in hits.iter() {
        let Some(pid) = person(h) else { continue };
        if !bare(h) || h.span.start < title_end {
            continue;
        }
        let Some(e) = doc
            .entities
            .iter()
            .find(|e| e.kind == "PER" && e.span.start < h.span.start && e.span.end >= h.span.end)
        else {
            continue;
        };
        let before = &text[e.span.start..h.span.start];
        if !before.ends_with(' ') {
            continue; // "Al-Harris", "O'Harris": a part of another word
        }
        if first_names_of_another(dict, doc, pid, before, e.span.start, hits) {
            others.insert(pid);
            inside.insert(h.span.start);
        }
    }
    if others.is_empty() {
        return;
    }
    // The known person stays in play, and keeps the bare surname, when the text names them in
    // full or with a title ("Donald Trump", "President Trump"), or uses the bare surname in the
    // body before it first gives it to someone else: an article introduces a new person by full
    // name, so an earlier bare "Trump" is the known one and a later "Ivanka Trump" a relative.
    let first_inside = |pid: usize| {
        hits.iter()
            .filter(|h| person(h) == Some(pid) && inside.contains(&h.span.start))
            .map(|h| h.span.start)
            .min()
            .unwrap_or(usize::MAX)
    };
    let in_play: HashSet<usize> = others
        .iter()
        .copied()
        .filter(|&pid| {
            let first = first_inside(pid);
            hits.iter().any(|h| {
                person(h) == Some(pid)
                    && !inside.contains(&h.span.start)
                    && (!bare(h)
                        || titled(h)
                        || (h.span.start >= title_end && h.span.start < first))
            })
        })
        .collect();
    let drop: Vec<bool> = hits
        .iter()
        .map(|h| {
            inside.contains(&h.span.start)
                || person(h)
                    .is_some_and(|pid| others.contains(&pid) && bare(h) && !in_play.contains(&pid))
        })
        .collect();
    let mut k = 0;
    hits.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Whether the words `before` a known person's bare surname (inside one person entity that
/// starts at byte `from`) are a first name of someone else: at least one capitalised proper noun
/// of two or more letters that no dictionary hit covers and that is no title ("Mr", "Dr"), and
/// none of them a word of the person's own names ("Kamala", "Condi").
fn first_names_of_another(
    dict: &Dictionary,
    doc: &Doc,
    pid: usize,
    before: &str,
    from: usize,
    hits: &[Hit],
) -> bool {
    let p = &dict.people[pid];
    let own: HashSet<String> = std::iter::once(&p.name)
        .chain(p.aliases.iter())
        .flat_map(|n| n.split_whitespace())
        .map(|w| w.trim_matches('.').to_lowercase())
        .collect();
    let mut foreign = false;
    let mut at = from;
    for w in before.split(' ') {
        let start = at;
        at += w.len() + 1;
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let covered = hits
            .iter()
            .any(|h| h.span.start <= start && start < h.span.end);
        if covered || !w.starts_with(char::is_uppercase) || is_title(w) {
            continue;
        }
        if own.contains(&w.to_lowercase()) {
            return false;
        }
        // A proper noun by the tagger (not "More", "But" taken into the name); untagged text
        // is taken as it is.
        let tok = doc.tokens.partition_point(|t| t.span.start < start);
        let proper = doc
            .tokens
            .get(tok)
            .is_none_or(|t| t.upos.is_empty() || t.upos == "PROPN");
        if proper && w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            foreign = true;
        }
    }
    foreign
}
