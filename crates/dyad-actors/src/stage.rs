//! The actors + coreference pipeline stage.

use crate::coref;
use crate::dict::{Diagnostic, Dictionary, EntryKind};
use crate::matcher::Matcher;
use crate::resolve::{Mention, Resolver};
use dyad_doc::{Doc, Entity, Span, Stage, StageError};
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
        let hits = self.matcher.find_in(&self.dict, &doc.text, doc.casing);
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
        if let Some(zone) = crate::country::dateline_zone(&doc.text) {
            mentions.retain(|m| !zone.contains(m.span));
        }
        add_surnames(doc, &mut mentions);
        let mut metas = merge(doc, mentions);
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

/// Later bare surnames of unknown people named in full ("Jane Roe" … "Roe said").
fn add_surnames(doc: &Doc, mentions: &mut Vec<Mention>) {
    let mut extra = Vec::new();
    for m in mentions
        .iter()
        .filter(|m| m.is_person && m.person.is_none() && !m.nominal)
    {
        let Some(name) = &m.name else { continue };
        let Some((_, last)) = name.rsplit_once(' ') else {
            continue;
        };
        if last.chars().count() < 3 || !last.starts_with(char::is_uppercase) {
            continue;
        }
        let text = &doc.text;
        let mut from = m.span.end;
        while let Some(k) = text[from..].find(last) {
            let s = from + k;
            let e = s + last.len();
            from = e;
            let before_ok = !text[..s].ends_with(char::is_alphanumeric);
            let after_ok = !text[e..].starts_with(char::is_alphanumeric);
            let span = Span::new(s, e);
            let taken = mentions
                .iter()
                .chain(&extra)
                .any(|x: &Mention| x.span.overlaps(span))
                || doc.entities.iter().any(|x| x.span.overlaps(span));
            if before_ok && after_ok && !taken {
                let mut copy = m.clone();
                copy.span = span;
                extra.push(copy);
            }
        }
    }
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
    let old = std::mem::take(&mut doc.entities);
    let mut ents: Vec<(Entity, Mention)> = old
        .into_iter()
        .map(|e| {
            let m = ner_meta(doc, &e);
            (e, m)
        })
        .collect();
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    for m in mentions {
        if let Some(k) = ents.iter().position(|(e, _)| e.span == m.span) {
            let (e, meta) = &mut ents[k];
            e.actor = m.actor.clone();
            *meta = Mention {
                kind: e.kind.clone(),
                ..m
            };
            continue;
        }
        if let Some(k) = ents.iter().position(|(e, _)| e.span.contains(m.span)) {
            let (e, meta) = &mut ents[k];
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
            .iter()
            .any(|(e, _)| e.span.overlaps(m.span) && !m.span.contains(e.span))
        {
            continue; // crossing spans: keep the NER entity
        }
        ents.retain(|(e, _)| !m.span.contains(e.span));
        ents.push((
            Entity {
                span: m.span,
                kind: m.kind.clone(),
                actor: m.actor.clone(),
                cluster: None,
            },
            m,
        ));
    }
    ents.sort_by_key(|(e, _)| (e.span.start, e.span.end));
    ents.dedup_by(|a, b| a.0.span == b.0.span);
    let (entities, metas): (Vec<Entity>, Vec<Mention>) = ents.into_iter().unzip();
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
