//! `PlaceStage`: the pipeline stage that finds, disambiguates and geocodes place mentions.

use crate::gazetteer::{Gazetteer, LoadError};
use crate::mentions::{self, Words};
use crate::resolve::resolve;
use dyad_doc::{Doc, Place, Stage, StageError};

/// Finds place mentions and pushes them, geocoded, into `Doc::places` (sorted by start).
///
/// Uses `Doc::entities` (LOC/GPE/PER/ORG from NER) and token POS tags when earlier stages filled
/// them, and works without them too. Never fails on odd input: a document it cannot read gets no
/// places.
pub struct PlaceStage {
    gazetteer: &'static Gazetteer,
}

impl PlaceStage {
    /// The stage over the embedded gazetteer (loaded once per process; about 40 ms in release).
    pub fn new() -> Result<PlaceStage, LoadError> {
        Ok(PlaceStage {
            gazetteer: Gazetteer::embedded()?,
        })
    }

    /// The stage over a gazetteer of your own (it is leaked: build it once per process).
    pub fn with_gazetteer(g: Gazetteer) -> PlaceStage {
        PlaceStage {
            gazetteer: Box::leak(Box::new(g)),
        }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gazetteer
    }

    /// The places of `doc`, in text order, without touching it.
    pub fn places(&self, doc: &Doc) -> Vec<Place> {
        let g = self.gazetteer;
        let words = Words::new(doc);
        let ms = mentions::find(doc, g, &words);
        let chosen = resolve(g, &words, &ms);
        let mut out: Vec<Place> = ms
            .iter()
            .zip(chosen)
            .filter_map(|(m, r)| {
                let e = g.entry(r?);
                Some(Place {
                    span: words.span(m.w0, m.w1),
                    name: e.name.clone(),
                    country: e.country.clone(),
                    lat: e.lat,
                    lon: e.lon,
                    feature: e.feature.as_str().to_string(),
                })
            })
            .collect();
        out.sort_by_key(|p| (p.span.start, p.span.end));
        out
    }
}

impl Stage for PlaceStage {
    fn name(&self) -> &'static str {
        "places"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), StageError> {
        let mut places = self.places(doc);
        doc.places.append(&mut places);
        doc.places.sort_by_key(|p| (p.span.start, p.span.end));
        Ok(())
    }
}
