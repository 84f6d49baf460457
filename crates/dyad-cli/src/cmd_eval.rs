//! `dyad eval SUITE PATH`: runs one of the project's scorers and checks optional floors.
//!
//! Every scorer returns its printed report and a list of named metrics; `--min name=value` makes the
//! command exit 1 when a metric falls below its floor (this is how `scripts/eval.sh` enforces the
//! CI floors).

use anyhow::{bail, Context, Result};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dyad eval`.
#[derive(Args)]
pub struct EvalArgs {
    /// Which scorer: ud-seg, ud, timeml, conll, re3d, re3d-places, actors, coref, polnear, plover,
    /// petrarch, plv.
    pub suite: String,
    /// The gold file or directory.
    pub path: PathBuf,
    /// Fail (exit 1) when a metric is below a floor, e.g. `--min sentence_f1=0.90`.
    #[arg(long = "min", value_name = "METRIC=VALUE")]
    pub min: Vec<String>,
    /// Override embedded models with the files in this directory.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// `conll` only: lower-case every test word first (text without a case signal).
    #[arg(long, conflicts_with = "uppercase")]
    pub lowercase: bool,
    /// `conll` only: upper-case every test word first (all-caps text).
    #[arg(long)]
    pub uppercase: bool,
    /// `plv` only: also report figures per fold (fold = data row % K); with K > 1 the event
    /// classifier is cross-validated (trained on the other folds, applied to each fold).
    #[arg(long, value_name = "K", default_value_t = 1)]
    pub folds: usize,
    /// `plv` only: least probability for a classifier-coded event (default 0.7, as `dyad code`).
    #[arg(long, value_name = "P", value_parser = crate::common::parse_probability)]
    pub min_confidence: Option<f32>,
    /// `plover`, `petrarch`: least event-check probability for an event to be written (default:
    /// the committed model's, as `dyad code`; 0 keeps every event).
    #[arg(long, value_name = "P", value_parser = crate::common::parse_probability)]
    pub min_check: Option<f32>,
}

/// A scorer's result: the human-readable report and the named metrics it measured.
pub struct Report {
    /// Printed as is.
    pub text: String,
    /// Metric name → value (fractions in 0..1, not percentages).
    pub metrics: Vec<(String, f64)>,
}

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    if (args.lowercase || args.uppercase) && args.suite != "conll" {
        bail!("--lowercase and --uppercase apply to `dyad eval conll` only");
    }
    let report = match args.suite.as_str() {
        "ud-seg" => report(dyad_text::eval_ud_seg::run(&args.path))?,
        "ud" => {
            let seg = dyad_text::Segmenter;
            let (text, metrics) = dyad_syntax::eval::run(&args.path, args.model.as_deref(), Some(&seg as &dyn dyad_doc::Stage))
                .map_err(anyhow::Error::msg)?;
            Report { text, metrics }
        }
        "timeml" => {
            let (text, metrics) = dyad_time::eval::run(&args.path).map_err(anyhow::Error::msg)?;
            crate::cmd_eval::Report { text, metrics }
        }
        "plover" => {
            let pipe = dyad::Pipeline::new(&dyad::PipelineOptions { model_dir: args.model.clone(), min_check: args.min_check, ..Default::default() })
                .map_err(anyhow::Error::msg)?;
            let (text, metrics) = dyad_events::plover_eval::run(&args.path, &|d| pipe.run(d).map_err(|e| e.to_string()))
                .map_err(anyhow::Error::msg)?;
            Report { text, metrics }
        }
        "conll" => {
            check_conll(&args.path)?;
            let ner = dyad_ner::Ner::from_option(args.model.as_deref()).map_err(anyhow::Error::msg)?;
            let recase = if args.lowercase {
                dyad_ner::eval::Recase::Lower
            } else if args.uppercase {
                dyad_ner::eval::Recase::Upper
            } else {
                dyad_ner::eval::Recase::AsIs
            };
            report(dyad_ner::eval::run_conll_recased(&ner, &args.path, recase))?
        }
        "re3d" => {
            let ner = dyad_ner::Ner::from_option(args.model.as_deref()).map_err(anyhow::Error::msg)?;
            report(dyad_ner::eval::run_re3d(&ner, &dyad_text::Segmenter, &args.path))?
        }
        "polnear" => {
            let pipe = dyad::Pipeline::new(&dyad::PipelineOptions { model_dir: args.model.clone(), ..Default::default() })
                .map_err(anyhow::Error::msg)?;
            report(dyad_quotes::eval::run(&args.path, &|d| pipe.run(d).map_err(|e| e.to_string())))?
        }
        "petrarch" => {
            // Dyad's own segmenter and parser (the full pipeline; the event stage re-codes with
            // PETRARCH's dictionaries and ignores the other layers).
            let pipe = dyad::Pipeline::new(&dyad::PipelineOptions { model_dir: args.model.clone(), min_check: args.min_check, ..Default::default() })
                .map_err(anyhow::Error::msg)?;
            let (text, metrics) = dyad_events::petrarch::eval::run(&args.path, &|d| pipe.run(d).map_err(|e| e.to_string()))
                .map_err(anyhow::Error::msg)?;
            Report { text, metrics }
        }
        "actors" => {
            let pipe = dyad::Pipeline::new(&dyad::PipelineOptions { model_dir: args.model.clone(), ..Default::default() })
                .map_err(anyhow::Error::msg)?;
            let (text, metrics) = dyad_actors::eval::run(&args.path, &|d| pipe.run(d).map_err(|e| e.to_string()))
                .map_err(anyhow::Error::msg)?;
            Report { text, metrics }
        }
        "re3d-places" => {
            let pipe = dyad::Pipeline::new(&dyad::PipelineOptions { model_dir: args.model.clone(), ..Default::default() })
                .map_err(anyhow::Error::msg)?;
            let (text, metrics) = dyad_geo::eval::run_re3d(&args.path, Some(&|d| pipe.run(d).map_err(|e| e.to_string())))
                .map_err(anyhow::Error::msg)?;
            Report { text, metrics }
        }
        "coref" => {
            let pipe = dyad::Pipeline::new(&dyad::PipelineOptions { model_dir: args.model.clone(), ..Default::default() })
                .map_err(anyhow::Error::msg)?;
            let sents = gold_coref_sentences(&args.path)?;
            let (text, metrics) = dyad_actors::coref_eval::run(&sents, &|d| pipe.run(d).map_err(|e| e.to_string()));
            Report { text, metrics }
        }
        "plv" => {
            let pipe = dyad::Pipeline::new(&dyad::PipelineOptions {
                model_dir: args.model.clone(),
                min_confidence: args.min_confidence,
                ..Default::default()
            })
            .map_err(anyhow::Error::msg)?;
            let (text, metrics) =
                dyad_events::plv_eval::run(&args.path, args.folds, args.min_confidence, &|d| pipe.run(d).map_err(|e| e.to_string()))
                    .map_err(anyhow::Error::msg)?;
            Report { text, metrics }
        }
        // SUITES: add `"name" => your_crate::eval::run(&args.path)...,` here.
        other => bail!(
            "unknown eval suite `{other}` (known: ud-seg, ud, timeml, conll, re3d, re3d-places, actors, coref, polnear, plover, petrarch, plv)"
        ),
    };
    print!("{}", report.text);
    check_floors(&report, &args.min)
}

/// Read a CoNLL-U treebank with gold coreference (`Entity=` in MISC, as in GUM) for the `coref`
/// scorer, with the project's one CoNLL-U reader.
fn gold_coref_sentences(
    path: &std::path::Path,
) -> Result<Vec<dyad_actors::coref_eval::GoldSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let sents = dyad_syntax::conllu::parse(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(sents
        .iter()
        .map(|s| dyad_actors::coref_eval::GoldSentence {
            new_doc: s
                .comments
                .iter()
                .find_map(|c| c.strip_prefix("# newdoc id = "))
                .map(str::to_string),
            new_par: s.comments.iter().any(|c| c.starts_with("# newpar")),
            words: s
                .words
                .iter()
                .map(|w| dyad_actors::coref_eval::GoldWord {
                    form: w.form.clone(),
                    space_after: !w.no_space_after(),
                    upos: w.upos.clone(),
                    entity: w
                        .misc
                        .split('|')
                        .find_map(|m| m.strip_prefix("Entity="))
                        .unwrap_or("")
                        .to_string(),
                })
                .collect(),
        })
        .collect())
}

/// Wrap a scorer's `(text, metrics)` result.
pub fn report(result: Result<(String, Vec<(String, f64)>), String>) -> Result<Report> {
    let (text, metrics) = result.map_err(anyhow::Error::msg)?;
    Ok(Report { text, metrics })
}

fn check_floors(report: &Report, floors: &[String]) -> Result<ExitCode> {
    let mut failed = false;
    for floor in floors {
        let (name, value) = floor
            .split_once('=')
            .with_context(|| format!("--min expects METRIC=VALUE, got `{floor}`"))?;
        let value: f64 = value
            .parse()
            .with_context(|| format!("--min {floor}: not a number"))?;
        let Some((_, got)) = report.metrics.iter().find(|(n, _)| n == name) else {
            let known: Vec<&str> = report.metrics.iter().map(|(n, _)| n.as_str()).collect();
            bail!(
                "--min {floor}: this suite has no metric `{name}` (it has: {})",
                known.join(", ")
            );
        };
        if *got < value {
            eprintln!("dyad eval: FLOOR FAILED: {name} = {got:.4} < {value}");
            failed = true;
        } else {
            eprintln!("dyad eval: floor ok: {name} = {got:.4} >= {value}");
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Refuse a file that is not CoNLL-2003 before scoring it (a plain-text file would otherwise be
/// scored as one-word sentences tagged `O` and exit 0): every line that is not blank or
/// `-DOCSTART-` needs a word and a last column that is an IOB/BILOU tag (`O`, `B-PER`, `I-LOC`, …),
/// and there must be at least one word.
fn check_conll(path: &std::path::Path) -> Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let is_tag = |t: &str| {
        t == "O"
            || t.split_once('-').is_some_and(|(p, ty)| {
                matches!(p, "B" | "I" | "E" | "S" | "L" | "U")
                    && !ty.is_empty()
                    && ty.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
    };
    let mut words = 0usize;
    for (i, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split([' ', '\t']).filter(|c| !c.is_empty()).collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            continue;
        }
        if cols.len() < 2 || !is_tag(cols[cols.len() - 1]) {
            bail!(
                "{}: line {}: not CoNLL-2003 (expected `WORD ... TAG` with a tag like O, B-PER, I-LOC): `{}`",
                path.display(),
                i + 1,
                line.chars().take(80).collect::<String>()
            );
        }
        words += 1;
    }
    if words == 0 {
        bail!("{}: no CoNLL-2003 tokens to score", path.display());
    }
    Ok(())
}
