//! `dyad parse`: tagging, lemmatization and dependency parsing only, written as CoNLL-U.
//!
//! With `--input-format conllu` the given sentences and words are kept (comments and multiword
//! lines too) and only UPOS, XPOS, LEMMA, HEAD and DEPREL are replaced; with raw text the input
//! is segmented first by `dyad_text::Segmenter`.

use anyhow::{bail, Context, Result};
use clap::Args;
use dyad_doc::{Doc, Stage};
use dyad_syntax::conllu;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dyad parse`.
#[derive(Args)]
pub struct ParseArgs {
    /// Input file (`-` or nothing for stdin).
    pub input: Option<PathBuf>,
    /// `conllu` (keep the gold sentences and words) or `txt` (raw text, segmented first).
    #[arg(long, default_value = "txt")]
    pub input_format: String,
    /// Output file (default: stdout).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Use the syntax models in this directory (`DIR/syntax/` or `DIR`) instead of the embedded ones.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Print model load time and tagging+parsing throughput (words/s, one thread) to stderr.
    #[arg(long)]
    pub stats: bool,
}

pub fn run(args: ParseArgs) -> Result<ExitCode> {
    if let (Some(o), Some(i)) = (&args.output, &args.input) {
        crate::common::check_output(o, "output", &[i.display().to_string()], "input")?;
    }
    let mut text = String::new();
    match &args.input {
        Some(p) if p.as_os_str() != "-" => {
            text = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?
        }
        _ => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let t0 = std::time::Instant::now();
    let stage = dyad_syntax::SyntaxStage::new(args.model.as_deref()).map_err(anyhow::Error::msg)?;
    let load = t0.elapsed();
    let mut words_done = 0usize;
    let mut analysis = std::time::Duration::ZERO;
    let out = match args.input_format.as_str() {
        "conllu" => {
            let name = args
                .input
                .as_ref()
                .map_or("stdin".to_string(), |p| p.display().to_string());
            let mut sents = conllu::parse(&text)
                .map_err(|e| anyhow::anyhow!("{name}:{}: {}", e.line, e.message))?;
            for s in &mut sents {
                let t = std::time::Instant::now();
                words_done += stage.syntax().annotate(s);
                analysis += t.elapsed();
            }
            conllu::write(&sents)
        }
        "txt" => {
            let mut doc = Doc::new("input", text);
            dyad_text::Segmenter.process(&mut doc)?;
            let t = std::time::Instant::now();
            stage.process(&mut doc)?;
            analysis += t.elapsed();
            words_done += doc.tokens.len();
            conllu::write(&conllu::from_doc(&doc))
        }
        other => bail!("unknown --input-format `{other}` for parse (known: conllu, txt)"),
    };
    if args.stats {
        eprintln!(
            "dyad parse: model load {:.1} ms; tagged+lemmatized+parsed {} words in {:.3} s = {:.0} words/s (one thread)",
            load.as_secs_f64() * 1000.0,
            words_done,
            analysis.as_secs_f64(),
            words_done as f64 / analysis.as_secs_f64().max(1e-9)
        );
    }
    match &args.output {
        Some(p) => std::fs::write(p, out).with_context(|| format!("writing {}", p.display()))?,
        None => std::io::stdout().lock().write_all(out.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
