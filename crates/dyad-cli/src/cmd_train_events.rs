//! `dyad train events --train PLV_train.tsv [--petrarch RECORDS.xml] [--gsr GSR.txt] -o DIR
//! [--epochs N] [--seed S]`: trains the event classifier (`dyad_events::train`) on PLV sentences
//! (the trigger the marked source points at, the gold root) and, when given, the PETRARCH
//! validation records and the PLOVER gold-standard records (main-clause trigger, gold type); each
//! text runs through the full pipeline. The other candidate verbs of each text are `NONE` examples. Writes `DIR/classifier.tsv`
//! (deterministic for a seed).

use crate::cmd_train::TrainArgs;
use anyhow::{bail, Context, Result};
use dyad_events::classifier::TrainOptions;
use std::process::ExitCode;

pub fn run(args: &TrainArgs) -> Result<ExitCode> {
    let Some(plv) = &args.train else {
        bail!("--train PLV_train.tsv is required for `dyad train events`");
    };
    let out = &args.output;
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let pipe = dyad::Pipeline::new(&dyad::PipelineOptions {
        model_dir: args.model.clone(),
        ..Default::default()
    })
    .map_err(anyhow::Error::msg)?;
    let run = |d: &mut dyad_doc::Doc| pipe.run(d).map_err(|e| e.to_string());
    let coder = dyad_events::Coder::embedded();
    let mut examples =
        dyad_events::train::plv_examples(plv, &run, &coder).map_err(anyhow::Error::msg)?;
    eprintln!("{}: {} examples", plv.display(), examples.len());
    if let Some(p) = &args.petrarch {
        let v =
            dyad_events::train::petrarch_examples(p, &run, &coder).map_err(anyhow::Error::msg)?;
        eprintln!("{}: {} examples", p.display(), v.len());
        examples.extend(v);
    }
    if let Some(p) = &args.gsr {
        let v = dyad_events::train::gsr_examples(p, &run, &coder).map_err(anyhow::Error::msg)?;
        eprintln!("{}: {} examples", p.display(), v.len());
        examples.extend(v);
    }
    let opts = TrainOptions {
        epochs: args.epochs.unwrap_or(TrainOptions::default().epochs),
        seed: args.seed,
        ..Default::default()
    };
    let refs: Vec<&dyad_events::train::Example> = examples.iter().collect();
    let model = dyad_events::train::train(&refs, &coder.onto, &opts);
    let header = format!(
        "Dyad event classifier (docs/models.md, \"Event classifier\"): {} examples, {} classes, \
         {} features.\nMade by `dyad train events` (epochs {}, seed {}); do not edit by hand.",
        examples.len(),
        model.labels.len(),
        model.features(),
        opts.epochs,
        opts.seed
    );
    let path = out.join("classifier.tsv");
    std::fs::write(&path, model.to_text(&header))
        .with_context(|| format!("writing {}", path.display()))?;
    eprintln!(
        "wrote {} ({} classes, {} features)",
        path.display(),
        model.labels.len(),
        model.features()
    );
    Ok(ExitCode::SUCCESS)
}
