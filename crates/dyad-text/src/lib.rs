//! Reading articles and segmenting them into sentences and tokens.
//!
//! - [`read`]: input readers (txt, jsonl, csv, html, Reuters SGML, stdin) that turn files into
//!   [`dyad_doc::Doc`]s, reporting malformed records with file and line instead of failing the run.
//! - [`Segmenter`]: the first pipeline stage, UD-style tokens and news-aware sentences.
#![deny(missing_docs)]

pub mod read;
pub mod segment;
pub use segment::{segment, Segmenter};

/// Segmentation evaluation against UD treebanks (`dyad eval ud-seg`).
pub mod eval_ud_seg;
