//! Developer shortcut for training without the CLI:
//! `train tagger|parser|clusters TRAIN DEV OUT EPOCHS SEED [JACKKNIFE] [RAW...]`.
use dyad_syntax::train::{train_clusters, train_parser, train_tagger, TrainConfig};
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let mut cfg = TrainConfig::new(
        a[2].clone().into(),
        Some(a[3].clone().into()),
        a[4].clone().into(),
    );
    cfg.epochs = a[5].parse().unwrap();
    cfg.seed = a[6].parse().unwrap();
    cfg.jackknife = a.get(7).map_or(0, |x| x.parse().unwrap());
    cfg.raw = a.iter().skip(8).map(|s| s.into()).collect();
    let mut log = |m: &str| eprintln!("{m}");
    let r = match a[1].as_str() {
        "tagger" => train_tagger(&cfg, &mut log),
        "clusters" => train_clusters(&cfg, &mut log),
        "lemmatizer" => dyad_syntax::train::train_lemmatizer(&cfg, &mut log),
        _ => train_parser(&cfg, &mut log),
    };
    r.unwrap();
}
