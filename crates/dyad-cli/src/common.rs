//! Pieces shared by the commands that read articles: input flags, record streams, progress.

use anyhow::{bail, Result};
use clap::Args;
use dyad_text::read::{self, Format, ReadOptions, Records};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Dictionary flags shared by `code` and `ingest`: the user's own actor knowledge, loaded over the
/// embedded dictionaries (docs/dictionaries.md).
#[derive(Args, Clone, Default)]
pub struct DictArgs {
    /// Actor dictionary files in Dyad's format (people, organisations, countries or regions; the
    /// kind is read from the file name or the field count). They add to and override the
    /// embedded dictionaries.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub actors: Vec<PathBuf>,
    /// Agent dictionary files in Dyad's format (`SECTOR | ROLE | forms`).
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub agents: Vec<PathBuf>,
    /// A directory of PETRARCH/TABARI dictionaries (`*.actors.txt`, `*agents*.txt`), converted
    /// to Dyad's format on load.
    #[arg(long, value_name = "DIR")]
    pub petrarch_dicts: Option<PathBuf>,
}

impl DictArgs {
    /// The user dictionaries for the pipeline.
    pub fn user_dicts(&self) -> dyad_actors::dict::UserDicts {
        dyad_actors::dict::UserDicts {
            actors: self.actors.clone(),
            agents: self.agents.clone(),
            petrarch_dir: self.petrarch_dicts.clone(),
        }
    }
}

/// Prints a pipeline's dictionary warnings on stderr (the first 20 and a count).
pub fn show_dict_warnings(pipeline: &dyad::Pipeline) {
    let w = pipeline.warnings();
    for line in w.iter().take(20) {
        eprintln!("warning: {line}");
    }
    if w.len() > 20 {
        eprintln!("warning: … {} more dictionary warnings", w.len() - 20);
    }
}

/// Input selection flags shared by `code`, `parse`, `ingest`.
#[derive(Args, Clone)]
pub struct InputArgs {
    /// Input files or directories (`-` for stdin). Directories are read recursively in name order.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Input format (default: from the extension; stdin is sniffed).
    #[arg(long, value_name = "txt|jsonl|csv|html|sgml")]
    pub input_format: Option<String>,
    /// Publication date for documents that carry none (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// CSV/JSON column holding the text.
    #[arg(long)]
    pub text_col: Option<String>,
    /// CSV/JSON column holding the id.
    #[arg(long)]
    pub id_col: Option<String>,
    /// CSV/JSON column holding the publication date.
    #[arg(long)]
    pub date_col: Option<String>,
    /// CSV/JSON column holding the title.
    #[arg(long)]
    pub title_col: Option<String>,
    /// Reject documents larger than this many bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_doc_bytes: usize,
}

impl InputArgs {
    /// Validate the flags into reader options.
    pub fn read_options(&self) -> Result<ReadOptions> {
        let format = match &self.input_format {
            Some(name) => match Format::from_name(name) {
                Some(f) => Some(f),
                None => {
                    bail!("unknown --input-format `{name}` (known: txt, jsonl, csv, html, sgml)")
                }
            },
            None => None,
        };
        let default_date = match &self.date {
            Some(d) => match chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => bail!("--date `{d}`: expected YYYY-MM-DD"),
            },
            None => None,
        };
        if self.inputs.is_empty() && std::io::stdin().is_terminal() {
            bail!("no input: give files or directories, or pipe text to stdin with `-`");
        }
        Ok(ReadOptions {
            format,
            text_col: self.text_col.clone(),
            id_col: self.id_col.clone(),
            date_col: self.date_col.clone(),
            title_col: self.title_col.clone(),
            default_date,
            max_doc_bytes: self.max_doc_bytes,
        })
    }

    /// All records of all inputs, in order.
    pub fn records(&self, opts: &ReadOptions) -> Records {
        let mut paths = Vec::new();
        if self.inputs.is_empty() {
            paths.push("-".to_string());
        }
        for input in &self.inputs {
            expand(input, &mut paths);
        }
        let opts = opts.clone();
        Box::new(paths.into_iter().flat_map(move |p| read::open(&p, &opts)))
    }
}

/// Expand a directory into its files (sorted, recursive); keep files and `-` as they are.
fn expand(path: &PathBuf, out: &mut Vec<String>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(_) => {
                out.push(path.display().to_string());
                return;
            }
        };
        entries.sort();
        for e in entries {
            if e.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            expand(&e, out);
        }
    } else {
        out.push(path.display().to_string());
    }
}

/// A progress spinner on stderr, shown only when stderr is a terminal.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A spinner counting `unit`s; hidden when `quiet` or stderr is not a terminal.
    pub fn new(quiet: bool, unit: &str) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = ProgressBar::new_spinner();
        let template =
            format!("{{spinner}} {{human_pos}} {unit} ({{per_sec}}) {{elapsed_precise}}");
        bar.set_style(
            ProgressStyle::with_template(&template)
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Progress { bar: Some(bar) }
    }

    /// Count one more unit.
    pub fn inc(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    /// Print a line above the bar (or to stderr).
    pub fn println(&self, msg: &str) {
        match &self.bar {
            Some(b) => b.println(msg),
            None => eprintln!("{msg}"),
        }
    }

    /// Remove the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
