//! `dyad train tagger|parser`: trains the syntax models from CoNLL-U files with a fixed seed,
//! printing per-epoch dev scores, and writes the model files into an output directory (the
//! layout `--model DIR` reads). The heavy lifting is in `dyad_syntax::train`.

use anyhow::{bail, Result};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dyad train`.
#[derive(Args)]
pub struct TrainArgs {
    /// What to train: `clusters` (writes clusters.bin from --raw text), `tagger` (writes
    /// tagger.bin + lemmatizer.bin), `lemmatizer` (lemmatizer.bin only) or `parser` (parser.bin).
    pub what: String,
    /// Training CoNLL-U file (for clusters: its words are added to the raw text).
    #[arg(long)]
    pub train: Option<PathBuf>,
    /// Development CoNLL-U file (per-epoch scores; the best epoch is kept).
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Output directory.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Training epochs (default: 10 for the tagger, 12 for the parser).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Seed for shuffling and exploration.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Parser: jackknife folds for the training tags (0 = gold tags).
    #[arg(long, default_value_t = 5)]
    pub jackknife: usize,
    /// Parser: epochs of each jackknife tagger.
    #[arg(long, default_value_t = 8)]
    pub tagger_epochs: usize,
    /// Parser: directory whose tagger tags the dev set (default: the output directory, else embedded).
    #[arg(long)]
    pub tagger: Option<PathBuf>,
    /// Prune averaged weights smaller than this many quantisation steps (the largest weight is
    /// 32767 steps); 400 keeps the files small at a cost of under 0.1 point.
    #[arg(long, default_value_t = 400)]
    pub min_q: i16,
    /// Cluster table to train with (default: OUTPUT/clusters.bin if present, else the embedded one).
    #[arg(long)]
    pub clusters: Option<PathBuf>,
    /// Clusters: raw text files (UTF-8 or Latin-1; SGML markup is stripped). Repeatable.
    #[arg(long)]
    pub raw: Vec<PathBuf>,
    /// Events: PETRARCH validation records (XML) as extra training data.
    #[arg(long)]
    pub petrarch: Option<PathBuf>,
    /// Events: PLOVER gold-standard records (JSON) as extra training data.
    #[arg(long)]
    pub gsr: Option<PathBuf>,
    /// Events: models directory for the pipeline that parses the training texts.
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// NER: once each pass's epoch count is chosen on --dev, train again from scratch on train +
    /// dev with those counts (written to OUTPUT; the train-only models go to OUTPUT/selection/).
    #[arg(long)]
    pub refit: bool,
    /// Event check: the NewsArticles CSV the judged sheets were drawn from.
    #[arg(long, value_name = "CSV")]
    pub news: Option<PathBuf>,
    /// Event check: a judged precision sheet (`data/eval/precision-seedN.tsv`). Repeatable;
    /// each sheet is one cross-validation fold.
    #[arg(long, value_name = "TSV")]
    pub sheet: Vec<PathBuf>,
    /// Event check: a judged sheet held out (scored by the model trained on the --sheet sheets,
    /// never trained on; its kept-event rates are printed per threshold). Repeatable.
    #[arg(long, value_name = "TSV")]
    pub holdout: Vec<PathBuf>,
    /// Event check: write every example (fold, labels, features; the held-out sheets' and the
    /// guarded GSR events' too) to this TSV, for analysis.
    #[arg(long, value_name = "TSV")]
    pub dump: Option<PathBuf>,
}

pub fn run(args: TrainArgs) -> Result<ExitCode> {
    // NER targets (`ner`, `ner-clusters`) live in cmd_train_ner.rs.
    if args.what == "ner" || args.what == "ner-clusters" {
        return crate::cmd_train_ner::run(&args);
    }
    if args.what == "events" {
        return crate::cmd_train_events::run(&args);
    }
    if args.what == "event-check" {
        return crate::cmd_train_check::run(&args);
    }
    let default_epochs = match args.what.as_str() {
        "tagger" => 10,
        "parser" => 12,
        "clusters" => 12,
        "lemmatizer" => 1,
        other => {
            bail!("unknown training target `{other}` (known: clusters, tagger, lemmatizer, parser, ner, ner-clusters, events, event-check)")
        }
    };
    let train = match (args.train, args.what.as_str()) {
        (Some(t), _) => t,
        (None, "clusters") => PathBuf::new(),
        (None, _) => bail!("--train FILE is required for `dyad train {}`", args.what),
    };
    if args.what == "clusters" && args.raw.is_empty() {
        bail!("`dyad train clusters` needs at least one --raw FILE");
    }
    let mut cfg = dyad_syntax::train::TrainConfig::new(train, args.dev, args.output);
    cfg.epochs = args.epochs.unwrap_or(default_epochs);
    cfg.seed = args.seed;
    cfg.jackknife = args.jackknife;
    cfg.tagger_epochs = args.tagger_epochs;
    cfg.tagger_dir = args.tagger;
    cfg.min_q = args.min_q;
    cfg.clusters = args.clusters;
    cfg.raw = args.raw;
    let mut log = |m: &str| eprintln!("{m}");
    let r = match args.what.as_str() {
        "tagger" => dyad_syntax::train::train_tagger(&cfg, &mut log),
        "clusters" => dyad_syntax::train::train_clusters(&cfg, &mut log),
        "lemmatizer" => dyad_syntax::train::train_lemmatizer(&cfg, &mut log),
        _ => dyad_syntax::train::train_parser(&cfg, &mut log),
    };
    r.map_err(anyhow::Error::msg)?;
    Ok(ExitCode::SUCCESS)
}
