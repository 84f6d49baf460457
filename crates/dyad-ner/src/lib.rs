//! Named-entity recognition for Dyad: finds PER, ORG, LOC and MISC mentions in tokenized text.
//!
//! The model is a linear structured predictor (averaged perceptron) over BILOU tags with exact
//! Viterbi decoding, using word, shape, affix, context, capitalisation, word-cluster, gazetteer and
//! document-level features ([`features`]). It is trained on CoNLL-2003 by `dyad train ner`
//! ([`train`]); the default weights, cluster table and gazetteers are embedded in the binary.
//!
//! Main types: [`Ner`] (the tagger: model + gazetteer + clusters), [`NerStage`] (the pipeline stage
//! that fills `Doc::entities`), [`score::Scorer`] (conlleval-style scoring), [`eval`] (the
//! `dyad eval conll` and `dyad eval re3d` suites).

#![deny(missing_docs)]

pub mod cluster_train;
pub mod clusters;
pub mod conll;
pub mod eval;
pub mod features;
pub mod gazetteer;
mod index;
pub mod model;
pub mod score;
mod stage;
pub mod tags;
pub mod text;
pub mod train;

pub use stage::NerStage;

use clusters::Clusters;
use dyad_doc::Casing;
use features::{DocContext, DocMemory, Extractor};
use gazetteer::Gazetteer;
use model::Model;
use once_cell::sync::Lazy;
use std::path::Path;
use tags::{bilou_chunks, bilou_to_iob2, Chunk, Tag};

/// The embedded model weights (`data/models/ner/model.bin`).
pub const EMBEDDED_MODEL: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/ner/model.bin"
));

/// The embedded word-cluster table (`data/models/ner/clusters.txt`).
pub const EMBEDDED_CLUSTERS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/ner/clusters.txt"
));

/// The embedded model for caseless documents (`data/models/ner/caseless.bin`; empty: none).
pub const EMBEDDED_CASELESS_MODEL: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/ner/caseless.bin"
));

static EMBEDDED: Lazy<Result<Ner, String>> = Lazy::new(|| {
    let (model, second) = models_from_bytes(EMBEDDED_MODEL).map_err(|e| e.to_string())?;
    let clusters = Clusters::parse(EMBEDDED_CLUSTERS)?;
    let mut ner = Ner::new(model, second, Gazetteer::embedded(), clusters);
    if !EMBEDDED_CASELESS_MODEL.is_empty() {
        ner.folded = Folded::Embedded;
    }
    Ok(ner)
});

/// The embedded caseless tagger, loaded on the first document without a case signal: most runs
/// never see one, and loading it was about 3% of start-up (issue 15).
static EMBEDDED_FOLDED: Lazy<Ner> = Lazy::new(|| {
    let (model, second) = models_from_bytes(EMBEDDED_CASELESS_MODEL)
        .expect("embedded caseless.bin is valid (checked by tests)");
    let clusters = match Ner::embedded() {
        Ok(ner) => ner.clusters.clone(),
        Err(_) => Clusters::parse(EMBEDDED_CLUSTERS).unwrap_or_default(),
    };
    Ner::new(model, second, Gazetteer::embedded(), clusters).caseless()
});

/// The embedded word-cluster table, parsed once per process: the embedded tagger's own when it
/// is loaded (the pipeline loads it before any document), else a copy parsed on first use. The
/// quote stage's word classes read it; parsing the 50,000 lines a second time took 1.7% of the
/// instructions of a 30-article run (callgrind, docs/performance.md, session 13).
pub fn embedded_clusters() -> &'static Clusters {
    static OWN: Lazy<Clusters> = Lazy::new(|| {
        Clusters::parse(EMBEDDED_CLUSTERS)
            .expect("embedded cluster table is valid (checked by tests)")
    });
    match Lazy::get(&EMBEDDED) {
        Some(Ok(ner)) => &ner.clusters,
        _ => &OWN,
    }
}

/// Where a tagger's caseless counterpart comes from.
#[derive(Debug, Clone)]
enum Folded {
    /// None: caseless documents go to the tagger itself.
    None,
    /// One given by [`Ner::set_folded`] or loaded from a directory.
    Owned(Box<Ner>),
    /// The embedded caseless model, loaded on first use ([`EMBEDDED_FOLDED`]).
    Embedded,
}

const CONTAINER: &[u8; 8] = b"DYADNERM";

/// Documents of up to this many tokens keep their first-pass features for the second pass
/// (about 35 MB at the limit); longer ones make them again per sentence (see `Ner::tag_own`).
const KEEP_FEATURES_UP_TO: usize = 60_000;

/// Serialises a tagger's models: the first pass and, when present, the second (document-memory)
/// pass. Format: magic `DYADNERM`, count `u32`, then per model its length `u64` and its bytes
/// ([`Model::to_bytes`]).
pub fn models_to_bytes(first: &Model, second: Option<&Model>, min_abs: f32) -> Vec<u8> {
    let mut out = CONTAINER.to_vec();
    let models: Vec<&Model> = std::iter::once(first).chain(second).collect();
    out.extend_from_slice(&(models.len() as u32).to_le_bytes());
    for m in models {
        let b = m.to_bytes(min_abs);
        out.extend_from_slice(&(b.len() as u64).to_le_bytes());
        out.extend_from_slice(&b);
    }
    out
}

/// Reads [`models_to_bytes`] output (or a single [`Model`]).
pub fn models_from_bytes(b: &[u8]) -> Result<(Model, Option<Model>), model::ModelError> {
    if !b.starts_with(CONTAINER) {
        return Ok((Model::from_bytes(b)?, None));
    }
    let bad = || model::ModelError("truncated model container".into());
    let mut at = 8;
    let count = u32::from_le_bytes(
        b.get(at..at + 4)
            .ok_or_else(bad)?
            .try_into()
            .map_err(|_| bad())?,
    );
    at += 4;
    let mut models = Vec::new();
    for _ in 0..count.min(2) {
        let len = u64::from_le_bytes(
            b.get(at..at + 8)
                .ok_or_else(bad)?
                .try_into()
                .map_err(|_| bad())?,
        ) as usize;
        at += 8;
        let end = at.checked_add(len).ok_or_else(bad)?;
        models.push(Model::from_bytes(b.get(at..end).ok_or_else(bad)?)?);
        at = end;
    }
    let mut it = models.into_iter();
    let first = it
        .next()
        .ok_or_else(|| model::ModelError("empty model container".into()))?;
    Ok((first, it.next()))
}

/// A named-entity tagger: model weights plus the gazetteer and cluster table its features use.
///
/// Tagging runs in two passes when the model has a second pass: the first tags each sentence on
/// its own; the second sees, for every capitalised word, what the first pass said about the same
/// word elsewhere in the document, and makes the final decision.
///
/// A document without a case signal ([`Casing::of_sentences`]: all lower case, or all capitals)
/// goes to the *folded* tagger when there is one: a model trained on lower-cased copies of the
/// training data, which sees the document's words lower-cased.
#[derive(Debug, Clone)]
pub struct Ner {
    model: Model,
    second: Option<Model>,
    gaz: Gazetteer,
    clusters: Clusters,
    /// This tagger expects case-folded (lower-cased) words.
    caseless: bool,
    /// The tagger for caseless documents.
    folded: Folded,
}

impl Ner {
    /// The embedded default tagger (loaded once, on first use).
    pub fn embedded() -> Result<&'static Ner, String> {
        EMBEDDED.as_ref().map_err(|e| e.clone())
    }

    /// A tagger from its parts.
    pub fn new(model: Model, second: Option<Model>, gaz: Gazetteer, clusters: Clusters) -> Ner {
        Ner {
            model,
            second,
            gaz,
            clusters,
            caseless: false,
            folded: Folded::None,
        }
    }

    /// The same tagger marked as expecting case-folded words (the folded model, and the base for
    /// training one): its features borrow clusters of capitalised forms and its document memory
    /// covers every word.
    pub fn caseless(mut self) -> Ner {
        self.caseless = true;
        self
    }

    /// Whether this tagger expects case-folded words.
    pub fn is_caseless(&self) -> bool {
        self.caseless
    }

    /// Sets (or removes) the tagger used for documents without a case signal.
    pub fn set_folded(&mut self, folded: Option<Ner>) {
        self.folded = folded.map_or(Folded::None, |f| Folded::Owned(Box::new(f)));
    }

    /// The tagger used for documents without a case signal, when there is one.
    pub fn folded(&self) -> Option<&Ner> {
        match &self.folded {
            Folded::None => None,
            Folded::Owned(f) => Some(f),
            Folded::Embedded => Some(&EMBEDDED_FOLDED),
        }
    }

    /// An untrained tagger (no weights) with the embedded gazetteer and the given clusters; the
    /// starting point for training.
    pub fn untrained(clusters: Clusters) -> Ner {
        let z = [0f32; tags::N_TAGS];
        Ner::new(
            Model::new(Vec::new(), z, z, [z; tags::N_TAGS]),
            None,
            Gazetteer::embedded(),
            clusters,
        )
    }

    /// Loads `DIR/model.bin` and `DIR/clusters.txt` (the output of `dyad train ner`), with the
    /// embedded gazetteer, and the caseless model `DIR/caseless.bin` (`dyad train ner --caseless`)
    /// when it exists and is not empty.
    pub fn load_dir(dir: &Path) -> Result<Ner, String> {
        let mp = dir.join("model.bin");
        let bytes = std::fs::read(&mp).map_err(|e| format!("{}: {e}", mp.display()))?;
        let (model, second) =
            models_from_bytes(&bytes).map_err(|e| format!("{}: {e}", mp.display()))?;
        let cp = dir.join("clusters.txt");
        let clusters = match std::fs::read_to_string(&cp) {
            Ok(t) => Clusters::parse(&t).map_err(|e| format!("{}: {e}", cp.display()))?,
            Err(_) => Clusters::parse(EMBEDDED_CLUSTERS)?,
        };
        let mut ner = Ner::new(model, second, Gazetteer::embedded(), clusters);
        let fp = dir.join("caseless.bin");
        if let Ok(bytes) = std::fs::read(&fp) {
            if !bytes.is_empty() {
                let (model, second) =
                    models_from_bytes(&bytes).map_err(|e| format!("{}: {e}", fp.display()))?;
                let clusters = ner.clusters.clone();
                let folded = Ner::new(model, second, Gazetteer::embedded(), clusters);
                ner.set_folded(Some(folded.caseless()));
            }
        }
        Ok(ner)
    }

    /// The tagger for a `--model DIR` option: `None` → embedded; otherwise `DIR/ner/` when it has a
    /// `model.bin`, else `DIR` itself.
    pub fn from_option(model_dir: Option<&Path>) -> Result<Ner, String> {
        match model_dir {
            None => Ner::embedded().cloned(),
            Some(d) if d.join("ner").join("model.bin").exists() => Ner::load_dir(&d.join("ner")),
            Some(d) => Ner::load_dir(d),
        }
    }

    /// The feature extractor over this tagger's gazetteer and clusters.
    pub fn extractor(&self) -> Extractor<'_> {
        Extractor {
            gaz: &self.gaz,
            clusters: &self.clusters,
            caseless: self.caseless,
        }
    }

    /// The first-pass model weights.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The second-pass model, when the tagger has one.
    pub fn second(&self) -> Option<&Model> {
        self.second.as_ref()
    }

    /// Replaces the second-pass model (training).
    pub fn set_second(&mut self, second: Option<Model>) {
        self.second = second;
    }

    /// Replaces the first-pass model (training).
    pub fn set_model(&mut self, model: Model) {
        self.model = model;
    }

    /// The cluster table.
    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    /// BILOU tags of every sentence of one document (both passes), by the folded tagger when the
    /// document has no case signal ([`Casing::of_sentences`]) and there is one.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        self.tag_document_as(sentences, Casing::of_sentences(sentences))
    }

    /// [`Ner::tag_document`] with the document's casing already measured.
    pub fn tag_document_as(&self, sentences: &[Vec<&str>], casing: Casing) -> Vec<Vec<Tag>> {
        match self.folded() {
            Some(f) if casing.is_caseless() => {
                let lower: Vec<Vec<String>> = sentences
                    .iter()
                    .map(|s| s.iter().map(|w| w.to_lowercase()).collect())
                    .collect();
                let refs: Vec<Vec<&str>> = lower
                    .iter()
                    .map(|s| s.iter().map(String::as_str).collect())
                    .collect();
                f.tag_own(&refs)
            }
            _ => self.tag_own(sentences),
        }
    }

    /// Tags with this tagger's own models (no routing by casing).
    fn tag_own(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        self.tag_own_keeping(sentences, KEEP_FEATURES_UP_TO)
    }

    /// [`Ner::tag_own`], keeping first-pass features when the document has at most `keep_limit`
    /// tokens.
    fn tag_own_keeping(&self, sentences: &[Vec<&str>], keep_limit: usize) -> Vec<Vec<Tag>> {
        let ctx = DocContext::new(sentences.iter().map(|s| s.iter().copied()));
        let ex = self.extractor();
        // The second pass extends the first pass's features. They are kept between the passes
        // for ordinary documents (faster), and made again per sentence for long ones: kept for a
        // whole document they cost about 600 bytes per token (1 GB for a 10 MB text).
        let tokens: usize = sentences.iter().map(Vec::len).sum();
        let keep = self.second.is_some() && tokens <= keep_limit;
        let mut feats: Vec<Vec<Vec<u64>>> =
            Vec::with_capacity(if keep { sentences.len() } else { 0 });
        let mut first = Vec::with_capacity(sentences.len());
        let mut f = Vec::new();
        for words in sentences {
            ex.sentence(words, &ctx, &mut f);
            first.push(self.model.decode(&f));
            if keep {
                feats.push(std::mem::take(&mut f));
            }
        }
        let Some(second) = &self.second else {
            return first;
        };
        let pairs: Vec<(&[&str], &[Tag])> = sentences
            .iter()
            .zip(&first)
            .map(|(w, t)| (w.as_slice(), t.as_slice()))
            .collect();
        let mem = DocMemory::new(&pairs, self.caseless);
        let mut kept = feats.into_iter();
        sentences
            .iter()
            .zip(first.iter())
            .map(|(words, s1)| {
                let mut f = match kept.next() {
                    Some(f) => f,
                    None => {
                        let mut f = Vec::new();
                        ex.sentence(words, &ctx, &mut f);
                        f
                    }
                };
                features::stage2(words, s1, &mem, &mut f);
                second.decode(&f)
            })
            .collect()
    }

    /// BILOU tags of a single sentence taken as its own document.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        self.tag_document(&[words.to_vec()])
            .pop()
            .unwrap_or_default()
    }

    /// IOB2 tags of every sentence of a document.
    pub fn tag_document_iob2(&self, sentences: &[Vec<&str>]) -> Vec<Vec<String>> {
        self.tag_document(sentences)
            .iter()
            .map(|t| bilou_to_iob2(t))
            .collect()
    }

    /// Entities of every sentence of a document, as token ranges within each sentence.
    pub fn document_entities(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Chunk>> {
        self.document_entities_as(sentences, Casing::of_sentences(sentences))
    }

    /// [`Ner::document_entities`] with the document's casing already measured.
    pub fn document_entities_as(&self, sentences: &[Vec<&str>], casing: Casing) -> Vec<Vec<Chunk>> {
        self.tag_document_as(sentences, casing)
            .iter()
            .map(|t| bilou_chunks(t))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Ner;

    #[test]
    fn long_documents_make_features_again_with_the_same_tags() {
        let ner = Ner::embedded().expect("embedded model");
        let text = [
            "Foreign Minister Ana Ruiz of Chile met Kenyan officials in Nairobi on Monday .",
            "Ruiz said the Mombasa port deal with Horizon Shipping Ltd would be signed soon .",
            "The United Nations welcomed the talks , a spokesman for Secretary-General Lee said .",
        ];
        let sentences: Vec<Vec<&str>> = text.iter().map(|s| s.split(' ').collect()).collect();
        let kept = ner.tag_own_keeping(&sentences, usize::MAX);
        let remade = ner.tag_own_keeping(&sentences, 0);
        assert_eq!(kept, remade);
        assert!(
            kept.iter().flatten().any(|t| *t != kept[0][0]),
            "some entity is tagged"
        );
    }
}
