//! The actors + coreference pipeline stage.

use crate::coref;
use crate::dict::{Diagnostic, Dictionary, EntryKind};
use crate::matcher::Matcher;
use crate::resolve::{Mention, Resolver};
use dyad_doc::{Doc, Entity, Span, Stage, StageError};
use std::collections::BTreeMap;
use std::path::Path;

/// Resolves actors and coreference. Built once (the automaton is compiled here), shared across
/// threads.
pub struct ActorStage {
    dict: Dictionary,
    matcher: Matcher,
    /// Print every cluster to stderr (set by `DYAD_DEBUG_ACTORS` when the stage is built).
    debug: bool,
}

impl Default for ActorStage {
    fn default() -> Self {
        ActorStage::new()
    }
}

impl ActorStage {
    /// The stage with the embedded dictionary.
    pub fn new() -> ActorStage {
        ActorStage::with_dictionary(Dictionary::embedded())
    }

    /// The stage with the dictionary files of `dir` (missing files fall back to the embedded ones);
    /// also returns the problems found in them.
    pub fn from_dir(dir: impl AsRef<Path>) -> std::io::Result<(ActorStage, Vec<Diagnostic>)> {
        let (dict, diags) = Dictionary::load_dir(dir)?;
        Ok((ActorStage::with_dictionary(dict), diags))
    }

    /// The stage with a given dictionary.
    pub fn with_dictionary(dict: Dictionary) -> ActorStage {
        let matcher = Matcher::new(&dict);
        let debug = std::env::var_os("DYAD_DEBUG_ACTORS").is_some();
        ActorStage {
            dict,
            matcher,
            debug,
        }
    }

    /// The dictionary in use.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// Runs resolution and coreference on `doc` (the [`Stage`] entry point, infallible).
    pub fn annotate(&self, doc: &mut Doc) {
        let mut hits = self.matcher.find_in(&self.dict, &doc.text, doc.casing);
        drop_compass_adjectives(&self.dict, &doc.text, &mut hits);
        crate::bearers::drop_other_bearers(&self.dict, doc, &mut hits);
        // A PER entity that is exactly a title ("Chancellor") is not a name.
        let dict = &self.dict;
        doc.entities.retain(|e| {
            e.kind != "PER"
                || !hits.iter().any(|h| {
                    h.span == e.span
                        && matches!(
                            dict.entries[h.entry].kind,
                            EntryKind::Agent { .. } | EntryKind::Former
                        )
                })
        });
        let resolver = Resolver {
            dict: &self.dict,
            doc,
            date: doc.date,
        };
        let mut mentions = resolver.mentions(&hits);
        // A dateline ("MOSCOW (Reuters) -") says where the story was filed, not who acts.
        if let Some(zone) = crate::country::doc_dateline_zone(doc) {
            mentions.retain(|m| !zone.contains(m.span));
        }
        // "NATO-member Norway", "Iran-backed rebels": the first part names a patron or a
        // membership of the phrase's head, which is the actor.
        mentions.retain(|m| !is_patron_modifier(&doc.text, m.span));
        add_surnames(doc, &mut mentions);
        let mut metas = merge(doc, mentions);
        crate::organ::name_organs(&self.dict, doc, &hits, &mut metas);
        coref::cluster(doc, &mut metas);
        if self.debug {
            for (i, c) in doc.clusters.iter().enumerate() {
                let texts: Vec<String> = c
                    .mentions
                    .iter()
                    .map(|m| format!("{}@{}", doc.slice(*m), m.start))
                    .collect();
                let code = c.actor.as_ref().map(|a| a.code.as_str()).unwrap_or("-");
                eprintln!(
                    "[actors] {} cluster {i} {:?} {code}: {}",
                    doc.id,
                    c.name,
                    texts.join(" | ")
                );
            }
        }
    }
}

impl Stage for ActorStage {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), StageError> {
        self.annotate(doc);
        Ok(())
    }
}

/// Region adjectives that are also points of the compass ("Western" → the West).
const COMPASS: &[&str] = &["western", "eastern", "northern", "southern"];

/// "Western Cambodia", "northern Iraq": a compass adjective right before a state's or region's
/// name says where in it, not that the West acts. Its region hit is dropped.
fn drop_compass_adjectives(dict: &Dictionary, text: &str, hits: &mut Vec<crate::matcher::Hit>) {
    let names = |h: &crate::matcher::Hit| {
        matches!(
            dict.entries[h.entry].kind,
            EntryKind::CountryName | EntryKind::RegionName
        )
    };
    let drop: Vec<bool> = hits
        .iter()
        .map(|h| {
            dict.entries[h.entry].kind == EntryKind::RegionAdjective
                && COMPASS.contains(&text[h.span.start..h.span.end].to_lowercase().as_str())
                && hits
                    .iter()
                    .any(|n| n.span.start == h.span.end + 1 && names(n))
                && text[h.span.end..].starts_with(' ')
        })
        .collect();
    let mut k = 0;
    hits.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Second parts of hyphenated compounds whose first part is a patron, broker or bloc of the noun
/// that follows ("Iran-backed militias", "a Qatar-brokered truce", "NATO-member Norway"), not an
/// actor of the clause. ("Saudi-led" is not among them: the leader acts through what it leads.)
const PATRON_COMPOUNDS: &[&str] = &[
    "backed",
    "brokered",
    "sponsored",
    "funded",
    "financed",
    "trained",
    "armed",
    "supported",
    "allied",
    "aligned",
    "member",
    "friendly",
    "installed",
    "mediated",
];

/// Whether the mention at `span` is the first part of a patron compound (see
/// [`PATRON_COMPOUNDS`]) followed by a name, which is then the actor ("NATO-member Norway",
/// "U.S.-backed Syrian rebels"). Before a common noun the patron stays the only actor of the
/// phrase ("Iran-backed militias": no other word of it is one), as before.
fn is_patron_modifier(text: &str, span: Span) -> bool {
    let Some(rest) = text.get(span.end..).and_then(|r| r.strip_prefix('-')) else {
        return false;
    };
    let word_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let (word, after) = rest.split_at(word_end);
    PATRON_COMPOUNDS.contains(&word.to_lowercase().as_str())
        && after.starts_with(' ')
        && after[1..].starts_with(|c: char| c.is_uppercase())
}

/// Later bare surnames of unknown people named in full ("Jane Roe" … "Roe said").
///
/// All surnames are found in one pass over the text, and each occurrence is considered once
/// (for the first full name before it), so the cost stays linear in the length of the document.
fn add_surnames(doc: &Doc, mentions: &mut Vec<Mention>) {
    // Surnames in order of first use; for each, the full-name mentions that carry it.
    let mut surnames: Vec<&str> = Vec::new();
    let mut owners: Vec<Vec<usize>> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if !m.is_person || m.person.is_some() || m.nominal {
            continue;
        }
        let Some(name) = &m.name else { continue };
        let Some((_, last)) = name.rsplit_once(' ') else {
            continue;
        };
        if last.chars().count() < 3 || !last.starts_with(char::is_uppercase) {
            continue;
        }
        match surnames.iter().position(|s| *s == last) {
            Some(k) => owners[k].push(i),
            None => {
                surnames.push(last);
                owners.push(vec![i]);
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    let text = &doc.text;
    // Whole-word occurrences of each surname, in text order (non-overlapping per surname).
    let mut found: Vec<Vec<Span>> = vec![Vec::new(); surnames.len()];
    let ac = aho_corasick::AhoCorasick::new(&surnames).expect("surnames build an automaton");
    for hit in ac.find_overlapping_iter(text.as_str()) {
        let (s, e) = (hit.start(), hit.end());
        let list = &mut found[hit.pattern().as_usize()];
        if list.last().is_some_and(|p: &Span| p.end > s) {
            continue;
        }
        let before_ok = !text[..s].ends_with(char::is_alphanumeric);
        let after_ok = !text[e..].starts_with(char::is_alphanumeric);
        if before_ok && after_ok {
            list.push(Span::new(s, e));
        }
    }
    let taken = dyad_doc::SpanIndex::new(
        mentions
            .iter()
            .map(|m| m.span)
            .chain(doc.entities.iter().map(|e| e.span)),
    );
    // Added spans by start (they never overlap each other).
    let mut added: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (k, list) in found.iter().enumerate() {
        // Occurrences at or after `settled` were decided by an earlier full name.
        let mut settled = usize::MAX;
        for &i in &owners[k] {
            let from = mentions[i].span.end;
            for &span in list.iter().filter(|o| o.start >= from && o.start < settled) {
                let clash = added
                    .range(..span.end)
                    .next_back()
                    .is_some_and(|(_, (end, _))| *end > span.start);
                if !clash && !taken.any_overlaps(span) {
                    added.insert(span.start, (span.end, i));
                }
            }
            settled = settled.min(from);
        }
    }
    let extra: Vec<Mention> = added
        .into_iter()
        .map(|(start, (end, i))| {
            let mut copy = mentions[i].clone();
            copy.span = Span::new(start, end);
            copy
        })
        .collect();
    mentions.extend(extra);
}

fn ner_meta(doc: &Doc, e: &Entity) -> Mention {
    let person = e.kind == "PER";
    Mention {
        span: e.span,
        kind: e.kind.clone(),
        actor: e.actor.clone(),
        person: None,
        name: person.then(|| doc.text[e.span.start..e.span.end].to_string()),
        gender: crate::dict::people::Gender::Unknown,
        role: None,
        is_person: person,
        plural: false,
        nominal: false,
    }
}

/// Merges actor mentions into the NER stage's entities: an equal span is annotated, a mention
/// covering entities replaces them, an entity covering a mention takes its actor; the result is
/// sorted by start with no duplicates. Returns the per-entity metadata, parallel to `doc.entities`.
fn merge(doc: &mut Doc, mut mentions: Vec<Mention>) -> Vec<Mention> {
    // Entities keyed by (start, end): each mention only looks at the entities that start within
    // `longest` bytes before it, so merging stays linear in the length of a long document.
    let mut ents: BTreeMap<(usize, usize), (Entity, Mention)> = BTreeMap::new();
    let mut longest = 0;
    for e in std::mem::take(&mut doc.entities) {
        let m = ner_meta(doc, &e);
        longest = longest.max(e.span.len());
        ents.entry((e.span.start, e.span.end)).or_insert((e, m));
    }
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    for m in mentions {
        let key = (m.span.start, m.span.end);
        if let Some((e, meta)) = ents.get_mut(&key) {
            e.actor = m.actor.clone();
            *meta = Mention {
                kind: e.kind.clone(),
                ..m
            };
            continue;
        }
        let near = (m.span.start.saturating_sub(longest), 0)..(m.span.end, 0);
        let covering = ents
            .range(near.clone())
            .find(|(_, (e, _))| e.span.contains(m.span))
            .map(|(k, _)| *k);
        if let Some(k) = covering {
            let (e, meta) = ents.get_mut(&k).expect("key just found");
            if e.actor.is_none() && (e.kind == "PER") == m.is_person {
                e.actor = m.actor.clone();
                *meta = Mention {
                    span: e.span,
                    kind: e.kind.clone(),
                    ..m
                };
            }
            continue;
        }
        if ents
            .range(near.clone())
            .any(|(_, (e, _))| e.span.overlaps(m.span) && !m.span.contains(e.span))
        {
            continue; // crossing spans: keep the NER entity
        }
        let inside: Vec<_> = ents
            .range(near)
            .filter(|(_, (e, _))| m.span.contains(e.span))
            .map(|(k, _)| *k)
            .collect();
        for k in inside {
            ents.remove(&k);
        }
        longest = longest.max(m.span.len());
        ents.insert(
            key,
            (
                Entity {
                    span: m.span,
                    kind: m.kind.clone(),
                    actor: m.actor.clone(),
                    cluster: None,
                },
                m,
            ),
        );
    }
    let (entities, metas): (Vec<Entity>, Vec<Mention>) = ents.into_values().unzip();
    doc.entities = entities;
    metas
}

/// The coreference cluster with a mention that overlaps `span` (the mention covering it if any,
/// else the first overlapping one), for example the cluster of a quote's speaker span.
pub fn cluster_at(doc: &Doc, span: Span) -> Option<usize> {
    let mut best: Option<(bool, usize)> = None;
    for (i, c) in doc.clusters.iter().enumerate() {
        for m in &c.mentions {
            let covers = m.contains(span);
            if (covers
                || m.overlaps(span)
                || (span.is_empty() && m.start <= span.start && span.start < m.end))
                && best.is_none_or(|(bc, _)| covers && !bc)
            {
                best = Some((covers, i));
            }
        }
    }
    best.map(|(_, i)| i)
}

#[cfg(test)]
mod patron_tests {
    use super::*;

    #[test]
    fn patron_compounds_are_modifiers() {
        let t = "NATO-member Norway and Iran-backed Houthis met Saudi-led forces, Iran-backed \
                 militias; NATO-backed.";
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        assert!(is_patron_modifier(t, at("NATO")));
        assert!(is_patron_modifier(t, at("Iran")));
        assert!(!is_patron_modifier(t, at("Saudi")));
        assert!(!is_patron_modifier(t, at("Norway")));
        let s = t.rfind("Iran").unwrap();
        assert!(!is_patron_modifier(t, Span::new(s, s + 4)));
        // At the end of a sentence there is no head for it to modify.
        let s = t.rfind("NATO").unwrap();
        assert!(!is_patron_modifier(t, Span::new(s, s + 4)));
    }
}
