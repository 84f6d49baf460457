//! Build the embedded actor dictionary once, at build time: load the curated and generated files
//! of `data/actors/` with the crate's own loader (the same source files, included below) and write
//! its binary form (`src/dict/binary.rs`) to `$OUT_DIR/actors.bin`, which `Dictionary::embedded`
//! reads on every run. Parsing and validating the text was the largest part of start-up. Problems
//! in the shipped files are kept in the binary form (as the text load reports them) and shown as
//! build warnings.
#![allow(dead_code, unused_imports)]

#[path = "src/dict/mod.rs"]
mod dict;
#[path = "src/norm.rs"]
mod norm;
#[path = "src/petrarch/mod.rs"]
mod petrarch;

use dict::Dictionary;

fn main() {
    for f in [
        "agents.txt",
        "countries.txt",
        "orgs.txt",
        "regions.txt",
        "people.txt",
        "generated/agents.txt",
        "generated/orgs.txt",
        "generated/people.txt",
    ] {
        println!("cargo:rerun-if-changed=../../data/actors/{f}");
    }
    println!("cargo:rerun-if-changed=src/dict");
    println!("cargo:rerun-if-changed=src/norm.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let (d, diags) = Dictionary::from_tiered_sources(&Dictionary::embedded_sources());
    for e in &diags {
        println!("cargo:warning={e}");
    }
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("actors.bin");
    std::fs::write(&out, d.to_bytes(&diags))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
