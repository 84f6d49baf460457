//! Converting an annotated [`Doc`] (byte spans) into the schema-1 [`Document`] (code-point spans).

use crate::wire::*;
use dyad_doc::{Actor, Doc, EventActor, Span};

/// Maps byte offsets of one text to code-point offsets in O(log n) per lookup.
///
/// Built once per document; for pure-ASCII text it is the identity and allocates nothing.
pub struct CharIndex {
    /// Byte offset of every non-ASCII char start, with the number of extra bytes before it.
    /// Empty for ASCII text.
    marks: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut marks = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (b, c) in text.char_indices() {
                let w = c.len_utf8();
                if w > 1 {
                    extra += w - 1;
                    // After this char, byte offsets exceed char offsets by `extra`.
                    marks.push((b + w, extra));
                }
            }
        }
        CharIndex { marks }
    }

    /// Code-point offset of byte offset `b` (which must be a char boundary).
    pub fn char_of(&self, b: usize) -> usize {
        let i = self.marks.partition_point(|&(at, _)| at <= b);
        if i == 0 {
            b
        } else {
            b - self.marks[i - 1].1
        }
    }
}

struct Ctx<'a> {
    doc: &'a Doc,
    idx: CharIndex,
}

impl Ctx<'_> {
    fn span(&self, s: Span) -> SpanOut {
        SpanOut {
            start: self.idx.char_of(s.start),
            end: self.idx.char_of(s.end),
            text: self.doc.slice(s).to_string(),
        }
    }
}

fn actor_out(a: &Actor) -> ActorOut {
    ActorOut {
        name: a.name.clone(),
        code: a.code.clone(),
        country: a.country.clone(),
        sector: a.sector.clone(),
        country_from: a.country_from.map(|c| c.as_str().to_string()),
    }
}

fn event_actor_out(doc: &Doc, a: &EventActor) -> EventActorOut {
    EventActorOut {
        text: a.span.map(|s| doc.slice(s).to_string()),
        name: a.name.clone(),
        code: a.code.clone(),
        country: a.country.clone(),
        country_from: a.country_from.map(|c| c.as_str().to_string()),
    }
}

/// Options for conversion.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConvertOptions {
    /// Include tokens with their syntax (`--tokens`).
    pub tokens: bool,
}

/// Convert an annotated document to schema 1.
pub fn to_document(doc: &Doc, opts: ConvertOptions) -> Document {
    let cx = Ctx {
        doc,
        idx: CharIndex::new(&doc.text),
    };
    let c = |b: usize| cx.idx.char_of(b);
    Document {
        id: doc.id.clone(),
        date: doc.date.map(|d| d.format("%Y-%m-%d").to_string()),
        title: doc.title.clone(),
        url: doc.url.clone(),
        source: doc.source.clone(),
        schema: SCHEMA_VERSION,
        text: doc.text.clone(),
        meta: doc.meta.clone(),
        sentences: doc
            .sentences
            .iter()
            .map(|s| SentenceOut {
                start: c(s.span.start),
                end: c(s.span.end),
                paragraph: s.paragraph,
            })
            .collect(),
        tokens: opts.tokens.then(|| {
            doc.tokens
                .iter()
                .map(|t| TokenOut {
                    start: c(t.span.start),
                    end: c(t.span.end),
                    text: doc.slice(t.span).to_string(),
                    upos: t.upos.to_string(),
                    xpos: t.xpos.to_string(),
                    lemma: t.lemma.clone(),
                    head: t.head,
                    deprel: t.deprel.to_string(),
                })
                .collect()
        }),
        entities: doc
            .entities
            .iter()
            .map(|e| {
                let s = cx.span(e.span);
                EntityOut {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    kind: e.kind.clone(),
                    actor: e.actor.as_ref().map(actor_out),
                    cluster: e.cluster,
                }
            })
            .collect(),
        quotes: doc
            .quotes
            .iter()
            .map(|q| {
                let s = cx.span(q.span);
                QuoteOut {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    kind: q.kind.as_str().to_string(),
                    speaker: q.speaker.as_ref().map(|sp| {
                        let s = cx.span(sp.span);
                        SpeakerOut {
                            start: s.start,
                            end: s.end,
                            text: s.text,
                            name: sp.name.clone(),
                            cluster: sp.cluster,
                            code: sp.actor.as_ref().map(|a| a.code.clone()),
                            resolved: Some(sp.is_resolved()),
                        }
                    }),
                    cue: q.cue.map(|c| cx.span(c)),
                    channel: q.channel.clone(),
                }
            })
            .collect(),
        events: doc
            .events
            .iter()
            .map(|e| EventOut {
                sentence: e.sentence,
                cameo: e.cameo.clone(),
                root: e.cameo.chars().take(2).collect(),
                goldstein: e.goldstein,
                quad: e.quad,
                plover: e.plover.as_ref().map(|p| PloverOut {
                    kind: p.kind.clone(),
                    mode: p.mode.clone(),
                    context: p.context.clone(),
                }),
                source: e.source.as_ref().map(|a| event_actor_out(doc, a)),
                target: e.target.as_ref().map(|a| event_actor_out(doc, a)),
                negated: e.negated,
                modality: e.modality.clone(),
                date: e.date.clone(),
                place: e.place.as_ref().map(|p| EventPlaceOut {
                    name: p.name.clone(),
                    country: p.country.clone(),
                    lat: p.lat,
                    lon: p.lon,
                }),
                evidence: cx.span(e.evidence),
                by: e.by.to_string(),
                // Two decimals: enough to threshold, and the same bytes on every machine.
                confidence: (e.confidence * 100.0).round() / 100.0,
                check: e.check.map(|p| (p * 100.0).round() / 100.0),
            })
            .collect(),
        times: doc
            .times
            .iter()
            .map(|t| {
                let s = cx.span(t.span);
                TimeOut {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    kind: t.kind.clone(),
                    value: t.value.clone(),
                }
            })
            .collect(),
        places: doc
            .places
            .iter()
            .map(|p| {
                let s = cx.span(p.span);
                PlaceOut {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    name: p.name.clone(),
                    country: p.country.clone(),
                    lat: p.lat,
                    lon: p.lon,
                    feature: Some(p.feature.clone()),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_code_points() {
        let text = "“Peace,” he said — café.";
        let idx = CharIndex::new(text);
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of(b), ci, "byte {b}");
        }
        assert_eq!(idx.char_of(text.len()), text.chars().count());
        let ascii = CharIndex::new("plain");
        assert_eq!(ascii.char_of(3), 3);
    }

    #[test]
    fn conversion_writes_code_point_spans_and_empty_layers() {
        let mut d = Doc::new("x", "“Hi,” said Ann.");
        d.sentences.push(dyad_doc::Sentence {
            span: Span::new(0, d.text.len()),
            tokens: 0..0,
            paragraph: 0,
        });
        d.entities.push(dyad_doc::Entity {
            span: Span::new(d.text.find("Ann").unwrap(), d.text.len() - 1),
            kind: "PER".into(),
            actor: None,
            cluster: Some(0),
        });
        let out = to_document(&d, ConvertOptions::default());
        assert_eq!(out.sentences[0].end, 15);
        assert_eq!((out.entities[0].start, out.entities[0].end), (11, 14));
        assert_eq!(out.entities[0].text, "Ann");
        let json = serde_json::to_value(&out).unwrap();
        assert_eq!(json["events"], serde_json::json!([]));
        assert_eq!(json["title"], serde_json::Value::Null);
        assert!(json.get("tokens").is_none());
    }
}
