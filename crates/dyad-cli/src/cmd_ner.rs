//! `dyad ner`: named-entity recognition only. With `--input-format conll` it reads CoNLL-2003
//! (word first, gold tag last) and writes `WORD GOLD PRED` lines (pred in IOB2), blank lines between
//! sentences, so the output can be fed to conlleval; with plain text it segments first and writes
//! one entity per line: `START<TAB>END<TAB>TYPE<TAB>TEXT` (code-point offsets).

use anyhow::{bail, Context, Result};
use clap::Args;
use dyad_doc::Stage;
use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dyad ner`.
#[derive(Args)]
pub struct NerArgs {
    /// Input file (`-` or nothing for stdin).
    pub input: Option<PathBuf>,
    /// `conll` (CoNLL-2003 columns) or `txt` (raw text).
    #[arg(long, default_value = "txt")]
    pub input_format: String,
    /// Output file (default: stdout).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Use the NER model in this directory (`DIR/ner/` or `DIR`) instead of the embedded one.
    #[arg(long)]
    pub model: Option<PathBuf>,
}

pub fn run(args: NerArgs) -> Result<ExitCode> {
    if let (Some(o), Some(i)) = (&args.output, &args.input) {
        crate::common::check_output(o, "output", &[i.display().to_string()], "input")?;
    }
    let mut text = String::new();
    match &args.input {
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
        Some(p) if p.as_os_str() == "-" => {
            std::io::stdin().read_to_string(&mut text)?;
        }
        Some(p) => {
            text = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?
        }
    }
    let ner = dyad_ner::Ner::from_option(args.model.as_deref()).map_err(anyhow::Error::msg)?;
    let out: Box<dyn Write> = match &args.output {
        Some(p) => {
            Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    match args.input_format.as_str() {
        "conll" => {
            let docs = dyad_ner::conll::parse(&text);
            let pred = dyad_ner::eval::predict(&ner, &docs);
            for (d, pd) in docs.iter().zip(&pred) {
                writeln!(out, "-DOCSTART- O O\n")?;
                for (s, ps) in d.sentences.iter().zip(pd) {
                    for ((w, g), p) in s.words.iter().zip(&s.gold).zip(ps) {
                        writeln!(out, "{w} {g} {p}")?;
                    }
                    writeln!(out)?;
                }
            }
        }
        "txt" => {
            let mut doc = dyad_doc::Doc::new("input", text);
            dyad_text::Segmenter.process(&mut doc)?;
            dyad_ner::NerStage::with(ner).process(&mut doc)?;
            for e in &doc.entities {
                let start = doc.text[..e.span.start].chars().count();
                let end = start + doc.slice(e.span).chars().count();
                writeln!(out, "{start}\t{end}\t{}\t{}", e.kind, doc.slice(e.span))?;
            }
        }
        other => bail!("dyad ner: unknown --input-format `{other}` (use conll or txt)"),
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
