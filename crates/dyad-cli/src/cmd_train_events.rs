//! `dyad train events --train PLV_train.tsv [--petrarch RECORDS.xml] [--gsr GSR.txt] -o DIR
//! [--epochs N] [--seed S]`: trains the event classifier (`dyad_events::train`) on PLV sentences
//! (the trigger the marked source points at, the gold root) and, when given, the PETRARCH
//! validation records and the PLOVER gold-standard records (main-clause trigger, gold type); each
//! text runs through the full pipeline. The other candidate verbs of each text are `NONE` examples. Writes `DIR/classifier.tsv`
//! and the re-ranker of pattern events, `DIR/reranker.tsv`, trained on the PLV and PETRARCH pattern
//! events (deterministic for a seed).

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
    let (mut examples, mut rerank) =
        dyad_events::train::plv_examples(plv, &run, &coder).map_err(anyhow::Error::msg)?;
    eprintln!(
        "{}: {} examples, {} re-ranker examples",
        plv.display(),
        examples.len(),
        rerank.len()
    );
    if let Some(p) = &args.petrarch {
        let v =
            dyad_events::train::petrarch_examples(p, &run, &coder).map_err(anyhow::Error::msg)?;
        let r = dyad_events::train::petrarch_rerank_examples(p, &run, &coder)
            .map_err(anyhow::Error::msg)?;
        eprintln!(
            "{}: {} examples, {} re-ranker examples",
            p.display(),
            v.len(),
            r.len()
        );
        examples.extend(v);
        rerank.extend(r);
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
    write_model(
        out,
        "classifier",
        "Event classifier",
        examples.len(),
        &model,
        &opts,
    )?;
    // The re-ranker of pattern events (PLV and PETRARCH records only: the GSR stays held out).
    let ropts = TrainOptions {
        epochs: opts.epochs,
        seed: opts.seed,
        ..dyad_events::train::rerank_options()
    };
    let refs: Vec<&dyad_events::train::Example> = rerank.iter().collect();
    let rr = dyad_events::train::train_reranker(&refs, &coder.onto, Some(&model), &ropts);
    write_model(
        out,
        "re-ranker",
        "Event re-ranker",
        rerank.len(),
        &rr,
        &ropts,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Write `DIR/<file>.tsv` (`classifier.tsv`, `reranker.tsv`) with a header naming the model, its
/// section of docs/models.md and how it was made.
fn write_model(
    dir: &std::path::Path,
    name: &str,
    section: &str,
    examples: usize,
    model: &dyad_events::classifier::Classifier,
    opts: &TrainOptions,
) -> Result<()> {
    let header = format!(
        "Dyad event {name} (docs/models.md, \"{section}\"): {examples} examples, {} classes, \
         {} features.\nMade by `dyad train events` (epochs {}, seed {}); do not edit by hand.",
        model.labels.len(),
        model.features(),
        opts.epochs,
        opts.seed
    );
    let path = dir.join(format!("{}.tsv", name.replace('-', "")));
    std::fs::write(&path, model.to_text(&header))
        .with_context(|| format!("writing {}", path.display()))?;
    eprintln!(
        "wrote {} ({} classes, {} features)",
        path.display(),
        model.labels.len(),
        model.features()
    );
    Ok(())
}
