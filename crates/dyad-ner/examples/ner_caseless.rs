//! Development driver for the caseless model: trains on lower-cased copies of a CoNLL train file
//! (epoch picked on the lower-cased dev file), saves `OUTDIR/caseless.bin`, and scores the test file
//! as is, lower-cased and upper-cased with the embedded cased model plus the new caseless one —
//! the same code path as `dyad train ner --caseless` followed by `dyad eval conll [--lowercase]`.
//! Usage: cargo run --release -p dyad-ner --example ner_caseless -- TRAIN DEV TEST OUTDIR [CLUSTERS|-] [EPOCHS] [PRUNE]

use dyad_ner::eval::Recase;
use dyad_ner::{clusters::Clusters, conll, eval, train, Ner};
use std::path::Path;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 5 {
        eprintln!("usage: ner_caseless TRAIN DEV TEST OUTDIR [CLUSTERS|-] [EPOCHS] [PRUNE]");
        std::process::exit(2);
    }
    let read = |p: &str| {
        let mut d = conll::parse(&std::fs::read_to_string(p).expect("read"));
        Recase::Lower.apply(&mut d);
        d
    };
    let (tr, dv) = (read(&a[1]), read(&a[2]));
    let ctext = match a.get(5).filter(|c| !c.is_empty() && *c != "-") {
        Some(p) => std::fs::read_to_string(p).expect("clusters"),
        None => dyad_ner::EMBEDDED_CLUSTERS.to_string(),
    };
    let clusters = Clusters::parse(&ctext).expect("clusters");
    let base = Ner::untrained(clusters).caseless();
    let mut opts = train::TrainOptions::default();
    if let Some(e) = a.get(6) {
        opts.epochs = e.parse().expect("epochs");
    }
    if let Some(p) = a.get(7) {
        opts.prune = p.parse().expect("prune");
    }
    let (folded, rep) = train::train(&base, &tr, &dv, &opts, &mut |l| eprintln!("{l}"));
    eprintln!("best epoch {} features {}", rep.best_epoch, rep.n_features);
    let out = Path::new(&a[4]);
    std::fs::create_dir_all(out).expect("mkdir");
    let bytes = dyad_ner::models_to_bytes(folded.model(), folded.second(), opts.prune);
    eprintln!("caseless model size {} bytes", bytes.len());
    std::fs::write(out.join("caseless.bin"), &bytes).expect("write");
    let mut ner = Ner::embedded().expect("embedded").clone();
    let (m, s) = dyad_ner::models_from_bytes(&bytes).expect("reload");
    let folded = Ner::new(
        m,
        s,
        dyad_ner::gazetteer::Gazetteer::embedded(),
        folded.clusters().clone(),
    );
    ner.set_folded(Some(folded.caseless()));
    let (report, _) = eval::run_conll_recased(&ner, Path::new(&a[2]), Recase::Lower).expect("eval");
    println!("== dev Lower\n{report}");
    for recase in [Recase::AsIs, Recase::Lower, Recase::Upper] {
        let (report, _) = eval::run_conll_recased(&ner, Path::new(&a[3]), recase).expect("eval");
        println!("== test {recase:?}\n{report}");
    }
}
