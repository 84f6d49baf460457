//! Development driver: trains on a CoNLL train file, picks the epoch on dev, saves the model and
//! scores a test file — the same code path as `dyad train ner` followed by `dyad eval conll`.
//! Usage: cargo run --release -p dyad-ner --example ner_experiment -- TRAIN DEV TEST OUTDIR [EPOCHS] [PRUNE]

use dyad_ner::{clusters::Clusters, conll, eval, train, Ner};
use std::path::Path;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 5 {
        eprintln!("usage: ner_experiment TRAIN DEV TEST OUTDIR [EPOCHS] [PRUNE]");
        std::process::exit(2);
    }
    let read = |p: &str| conll::parse(&std::fs::read_to_string(p).expect("read"));
    let (tr, dv, te) = (read(&a[1]), read(&a[2]), read(&a[3]));
    let clusters = Clusters::parse(dyad_ner::EMBEDDED_CLUSTERS).expect("clusters");
    let base = Ner::untrained(clusters.clone());
    let mut opts = train::TrainOptions::default();
    if let Some(e) = a.get(5) {
        opts.epochs = e.parse().expect("epochs");
    }
    if let Some(p) = a.get(6) {
        opts.prune = p.parse().expect("prune");
    }
    if let Some(f) = a.get(7) {
        opts.folds = f.parse().expect("folds");
    }
    let (model, rep) = train::train(&base, &tr, &dv, &opts, &mut |l| eprintln!("{l}"));
    eprintln!("best epoch {} features {}", rep.best_epoch, rep.n_features);
    let out = Path::new(&a[4]);
    std::fs::create_dir_all(out).expect("mkdir");
    let bytes = dyad_ner::models_to_bytes(model.model(), model.second(), opts.prune);
    eprintln!("model size {} bytes", bytes.len());
    std::fs::write(out.join("model.bin"), &bytes).expect("write");
    std::fs::write(out.join("clusters.txt"), dyad_ner::EMBEDDED_CLUSTERS).expect("write");
    let ner = Ner::load_dir(out).expect("load");
    for (name, p) in [("dev", &a[2]), ("test", &a[3])] {
        let (report, _) = eval::run_conll(&ner, Path::new(p)).expect("eval");
        println!("== {name}\n{report}");
    }
    let _ = te;
}
