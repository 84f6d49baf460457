//! Development driver: lists the entity errors of a model on a CoNLL file (missed and spurious
//! entities with their sentence), for error analysis.
//! Usage: cargo run --release -p dyad-ner --example ner_errors -- MODELDIR FILE

use dyad_ner::{conll, eval, tags::iob1_to_iob2, tags::iob_chunks, Ner};
use std::path::Path;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let ner = Ner::load_dir(Path::new(&a[1])).expect("model");
    let docs = conll::parse(&std::fs::read_to_string(&a[2]).expect("read"));
    let pred = eval::predict(&ner, &docs);
    for (d, pd) in docs.iter().zip(&pred) {
        for (s, p) in d.sentences.iter().zip(pd) {
            let g: Vec<&str> = s.gold.iter().map(|x| x.as_str()).collect();
            let g2 = iob1_to_iob2(&g);
            let g2: Vec<&str> = g2.iter().map(|x| x.as_str()).collect();
            let p: Vec<&str> = p.iter().map(|x| x.as_str()).collect();
            let gc = iob_chunks(&g2);
            let pc = iob_chunks(&p);
            let text = |c: &(usize, usize, String)| s.words[c.0..c.1].join(" ");
            for c in &gc {
                if !pc.contains(c) {
                    let other = pc.iter().find(|x| x.0 < c.1 && c.0 < x.1);
                    let o = other
                        .map(|x| format!("{} [{}]", x.2, text(x)))
                        .unwrap_or("-".into());
                    println!(
                        "MISS\t{}\t{}\t{}\t|| {}",
                        c.2,
                        text(c),
                        o,
                        s.words.join(" ")
                    );
                }
            }
            for c in &pc {
                if !gc.iter().any(|x| x.0 < c.1 && c.0 < x.1) {
                    println!("SPUR\t{}\t{}\t-\t|| {}", c.2, text(c), s.words.join(" "));
                }
            }
        }
    }
}
