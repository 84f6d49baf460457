//! The syntax models bundled: loading (embedded or from `--model DIR`) and analysis of one
//! sentence (tag → lemmatize → parse, chunking very long sentences).

use crate::clusters::Clusters;
use crate::lemma::Lemmatizer;
use crate::parser::{PTok, Parser};
use crate::tagger::{Atoms, Tagger};
use crate::ModelError;
use dyad_doc::Tag;
use std::path::Path;

static TAGGER: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/syntax/tagger.bin"
));
static LEMMATIZER: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/syntax/lemmatizer.bin"
));
static PARSER: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/syntax/parser.bin"
));
static CLUSTERS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/syntax/clusters.bin"
));

/// The embedded cluster table's bytes (empty when none is committed).
pub fn embedded_clusters() -> &'static [u8] {
    CLUSTERS
}

/// The embedded tagger's bytes (loadable even when the embedded parser is of another format
/// version, as while training a parser of a new version).
pub fn embedded_tagger() -> &'static [u8] {
    TAGGER
}

/// Sentences longer than this are parsed in chunks of this many words; each later chunk's root
/// is attached to the first chunk's root as `parataxis`.
pub const MAX_PARSE_WORDS: usize = 200;

/// Analysis of one word.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Universal POS tag.
    pub upos: Tag,
    /// Penn Treebank tag.
    pub xpos: Tag,
    /// Lemma.
    pub lemma: String,
    /// Sentence-level index of the head word, `None` for the root.
    pub head: Option<usize>,
    /// Dependency relation.
    pub deprel: Tag,
}

/// Word clusters, tagger, lemmatizer and parser.
pub struct Syntax {
    /// Distributional word clusters (features of tagger and parser).
    pub clusters: Clusters,
    /// The POS tagger.
    pub tagger: Tagger,
    /// The lemmatizer.
    pub lemmatizer: Lemmatizer,
    /// The dependency parser.
    pub parser: Parser,
}

/// The directory holding syntax model files under a `--model DIR` option: `DIR/syntax/` when it
/// exists, otherwise `DIR` itself.
pub fn model_subdir(dir: &Path) -> std::path::PathBuf {
    let sub = dir.join("syntax");
    if sub.is_dir() {
        sub
    } else {
        dir.to_path_buf()
    }
}

fn load_one(
    dir: Option<&Path>,
    name: &str,
    embedded: &'static [u8],
) -> Result<(Vec<u8>, String), ModelError> {
    if let Some(d) = dir {
        let p = d.join(name);
        if p.exists() {
            let b =
                std::fs::read(&p).map_err(|e| ModelError::new(format!("{}: {e}", p.display())))?;
            return Ok((b, p.display().to_string()));
        }
    }
    Ok((embedded.to_vec(), format!("embedded {name}")))
}

fn nonempty(b: (Vec<u8>, String)) -> Result<(Vec<u8>, String), ModelError> {
    if b.0.is_empty() {
        return Err(ModelError::new(format!(
            "{}: no model: train one with `dyad train` and pass --model DIR",
            b.1
        )));
    }
    Ok(b)
}

impl Syntax {
    /// Load the models: files in `dir` (or `dir/syntax/`) override the embedded defaults one by one.
    pub fn load(dir: Option<&Path>) -> Result<Syntax, ModelError> {
        let sub = dir.map(model_subdir);
        let dir = sub.as_deref();
        let named = |(b, name): (Vec<u8>, String), e: ModelError| {
            let _ = b;
            ModelError::new(format!("{name}: {e}"))
        };
        let c = load_one(dir, "clusters.bin", CLUSTERS)?;
        let clusters = Clusters::from_bytes(&c.0).map_err(|e| named(c.clone(), e))?;
        let t = nonempty(load_one(dir, "tagger.bin", TAGGER)?)?;
        let tagger = Tagger::from_bytes(&t.0).map_err(|e| named(t.clone(), e))?;
        let l = nonempty(load_one(dir, "lemmatizer.bin", LEMMATIZER)?)?;
        let lemmatizer = Lemmatizer::from_bytes(&l.0).map_err(|e| named(l.clone(), e))?;
        let p = nonempty(load_one(dir, "parser.bin", PARSER)?)?;
        let parser = Parser::from_bytes(&p.0).map_err(|e| named(p.clone(), e))?;
        let fp = clusters.fingerprint();
        for (what, got) in [(&t.1, tagger.clusters_fp), (&p.1, parser.clusters_fp)] {
            if got != fp {
                return Err(ModelError::new(format!(
                    "{what} was trained with a different clusters.bin than {}; retrain it or use the matching clusters.bin",
                    c.1
                )));
            }
        }
        Ok(Syntax {
            clusters,
            tagger,
            lemmatizer,
            parser,
        })
    }

    /// The embedded models.
    pub fn embedded() -> Result<Syntax, ModelError> {
        Syntax::load(None)
    }

    /// Tag, lemmatize and parse one CoNLL-U sentence in place, keeping its gold words (UPOS, XPOS,
    /// LEMMA, HEAD and DEPREL are overwritten). Returns the number of words analysed.
    pub fn annotate(&self, s: &mut crate::conllu::Sentence) -> usize {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let an = self.analyze(&words);
        let n = words.len();
        for (w, a) in s.words.iter_mut().zip(an) {
            w.upos = a.upos.to_string();
            w.xpos = a.xpos.to_string();
            w.lemma = a.lemma;
            w.head = a.head.map_or(0, |h| h + 1);
            w.deprel = a.deprel.to_string();
        }
        n
    }

    /// Tag, lemmatize and parse one sentence of words.
    pub fn analyze(&self, words: &[&str]) -> Vec<Analysis> {
        let atoms: Vec<Atoms> = words
            .iter()
            .map(|w| Atoms::new(w, &self.clusters))
            .collect();
        let mut tags = Vec::with_capacity(words.len());
        self.tagger.tag_atoms(&atoms, &mut tags);
        let mut out: Vec<Analysis> = words
            .iter()
            .zip(&tags)
            .map(|(w, &t)| {
                let (u, x) = self.tagger.classes[t as usize];
                Analysis {
                    upos: u,
                    xpos: x,
                    lemma: self.lemmatizer.lemma_with(w, &x, Some(&self.clusters)),
                    head: None,
                    deprel: Tag::EMPTY,
                }
            })
            .collect();
        let toks: Vec<PTok> = words
            .iter()
            .zip(&atoms)
            .zip(&tags)
            .map(|((_, a), &t)| {
                let (u, x) = &self.tagger.classes[t as usize];
                PTok {
                    w: a.lower,
                    t: crate::parser::tag_hash(u, x),
                    c: a.cf,
                }
            })
            .collect();
        let mut first_root: Option<usize> = None;
        for start in (0..words.len()).step_by(MAX_PARSE_WORDS) {
            let end = (start + MAX_PARSE_WORDS).min(words.len());
            let (heads, labels) = self.parser.parse(&toks[start..end]);
            for i in 0..end - start {
                let a = &mut out[start + i];
                a.deprel = self.parser.labels[labels[i] as usize];
                a.head = heads[i].map(|h| h + start);
                if a.head.is_none() {
                    match first_root {
                        None => first_root = Some(start + i),
                        Some(r) => {
                            a.head = Some(r);
                            a.deprel = Tag::from_static("parataxis");
                        }
                    }
                }
            }
        }
        out
    }
}
