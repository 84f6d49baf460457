//! Build the embedded gazetteer once, at build time: load `data/geo/` with the crate's own loader
//! (the same source files, included below) and write its binary form (`src/binary.rs`) to
//! `$OUT_DIR/gazetteer.bin`, which `Gazetteer::embedded` reads on every run. Building the name
//! index from the text was most of the gazetteer's start-up cost. A data error fails the build
//! with the loader's `file:line: message` lines.
#![allow(dead_code)]

#[path = "src/binary.rs"]
mod binary;
#[path = "src/gazetteer.rs"]
mod gazetteer;
#[path = "src/index.rs"]
mod index;
#[path = "src/text.rs"]
mod text;

use gazetteer::{embedded, gunzip, Gazetteer, Sources};

fn main() {
    for f in [
        "gazetteer.tsv.gz",
        "features.tsv",
        "aliases.tsv",
        "ambiguous.tsv",
        "cues.tsv",
    ] {
        println!("cargo:rerun-if-changed=../../data/geo/{f}");
    }
    for f in ["binary.rs", "gazetteer.rs", "index.rs", "text.rs"] {
        println!("cargo:rerun-if-changed=src/{f}");
    }
    println!("cargo:rerun-if-changed=build.rs");
    let g = gunzip(embedded::GAZETTEER_GZ, "data/geo/gazetteer.tsv.gz")
        .and_then(|gaz| {
            Gazetteer::from_sources(Sources {
                gazetteer: (&gaz, "data/geo/gazetteer.tsv.gz"),
                features: (embedded::FEATURES, "data/geo/features.tsv"),
                aliases: (embedded::ALIASES, "data/geo/aliases.tsv"),
                ambiguous: (embedded::AMBIGUOUS, "data/geo/ambiguous.tsv"),
                cues: (embedded::CUES, "data/geo/cues.tsv"),
            })
        })
        .unwrap_or_else(|e| panic!("the gazetteer data does not load:\n{e}"));
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("gazetteer.bin");
    std::fs::write(&out, g.to_bytes())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
