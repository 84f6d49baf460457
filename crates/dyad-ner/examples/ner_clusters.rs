//! Development driver for the cluster computation (same code as `dyad train ner-clusters`).
//! Usage: cargo run --release -p dyad-ner --example ner_clusters -- OUT FILE...

use dyad_ner::cluster_train::{compute_from_files, ClusterOptions};
use std::path::PathBuf;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 3 {
        eprintln!("usage: ner_clusters OUT FILE...");
        std::process::exit(2);
    }
    let files: Vec<PathBuf> = a[2..].iter().map(PathBuf::from).collect();
    let table = compute_from_files(&files, &ClusterOptions::default(), &mut |l| {
        eprintln!("{l}")
    })
    .expect("clusters");
    std::fs::write(&a[1], table).expect("write");
}
