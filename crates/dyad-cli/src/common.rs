//! Pieces shared by the commands that read articles: input flags, record streams (with a tally of
//! what each input yielded and renaming of repeated ids), safe output files, the thread cap and
//! progress.

use anyhow::{bail, Context, Result};
use clap::Args;
use dyad_text::read::{self, Format, ReadOptions, Records};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::{BTreeMap, HashMap};
use std::io::IsTerminal;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Exit code when an input could not be opened or read, or yielded no document (the other inputs
/// are still processed and written); also the code of usage and setup errors.
pub const EXIT_INPUT: u8 = 2;

/// `--threads` parser: 0 (one per core) to [`dyad::MAX_THREADS`], with a clear message above it.
pub fn parse_threads(s: &str) -> Result<usize, String> {
    let n: u64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number of threads"))?;
    dyad::check_threads(n)
}

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

    /// The input files in reading order: directories expanded (recursively, in name order,
    /// hidden files skipped), `-` for stdin when no input is given. A directory without any file
    /// is kept as itself, so that it is reported as an input that yielded nothing.
    pub fn files(&self) -> Vec<String> {
        let mut paths = Vec::new();
        if self.inputs.is_empty() {
            paths.push("-".to_string());
        }
        for input in &self.inputs {
            let before = paths.len();
            expand(input, &mut paths);
            if paths.len() == before {
                paths.push(input.display().to_string());
            }
        }
        paths
    }

    /// All records of all input files (from [`InputArgs::files`]), in order, with a tally of what
    /// each file yielded. A document whose id was already used by an earlier document of the run
    /// is renamed `ID~2` (`~3`, …) with a warning, so that no document replaces another.
    pub fn records(&self, files: Vec<String>, opts: &ReadOptions) -> (Records, Tally) {
        let tally = Tally::default();
        let opts = opts.clone();
        let t = tally.clone();
        let records = files.into_iter().flat_map(move |p| {
            let t = t.clone();
            t.start(&p);
            read::open(&p, &opts).map(move |rec| t.record(&p, rec))
        });
        (Box::new(records), tally)
    }
}

/// What the inputs of a run yielded: documents per file, and the ids seen so far.
#[derive(Clone, Default)]
pub struct Tally {
    inner: Arc<Mutex<TallyInner>>,
}

#[derive(Default)]
struct TallyInner {
    /// File → documents read from it (in reading order of first sight; BTreeMap for determinism).
    docs: BTreeMap<String, usize>,
    /// Files in reading order.
    order: Vec<String>,
    /// Id → how many documents used it (membership only: never iterated).
    ids: HashMap<String, usize>,
    /// Warnings to print (renamed ids, decoded encodings).
    warnings: Vec<String>,
}

impl Tally {
    fn start(&self, file: &str) {
        let mut t = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if !t.docs.contains_key(file) {
            t.order.push(file.to_string());
        }
        t.docs.entry(file.to_string()).or_insert(0);
    }

    fn record(
        &self,
        file: &str,
        rec: Result<dyad_doc::Doc, read::ReadError>,
    ) -> Result<dyad_doc::Doc, read::ReadError> {
        let mut doc = rec?;
        let mut t = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        *t.docs.entry(file.to_string()).or_insert(0) += 1;
        if doc.meta.get("encoding").and_then(|v| v.as_str()) == Some("windows-1252") {
            t.warnings.push(format!(
                "dyad: warning: {file}: not valid UTF-8; decoded as Windows-1252"
            ));
        }
        if let Some(new_id) = unique_id(&mut t.ids, &doc.id) {
            t.warnings.push(renamed_warning(file, &doc.id, &new_id));
            doc.id = new_id;
        }
        Ok(doc)
    }

    /// Warnings gathered since the last call (print them as they come).
    pub fn take_warnings(&self) -> Vec<String> {
        let mut t = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut t.warnings)
    }

    /// The input files that yielded no document (could not be opened or read, had no usable
    /// header, or held no record that could be read), in reading order.
    pub fn empty_inputs(&self) -> Vec<String> {
        let t = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        t.order
            .iter()
            .filter(|f| t.docs.get(*f) == Some(&0))
            .cloned()
            .collect()
    }

    /// Print one line per input that yielded nothing and return the exit code for the run:
    /// [`EXIT_INPUT`] if there is any, else `ok`.
    pub fn exit_code(&self, ok: std::process::ExitCode) -> std::process::ExitCode {
        let empty = self.empty_inputs();
        for f in &empty {
            eprintln!("dyad: error: input {f} yielded no document");
        }
        if empty.is_empty() {
            ok
        } else {
            std::process::ExitCode::from(EXIT_INPUT)
        }
    }
}

/// Note `id` as used; when an earlier document of the run already used it, return the first free
/// `ID~2`, `ID~3`, … (also noted as used) for this one.
pub fn unique_id(ids: &mut HashMap<String, usize>, id: &str) -> Option<String> {
    let n = ids.entry(id.to_string()).or_insert(0);
    *n += 1;
    if *n == 1 {
        return None;
    }
    let mut k = *n;
    let mut new_id = format!("{id}~{k}");
    while ids.contains_key(&new_id) {
        k += 1;
        new_id = format!("{id}~{k}");
    }
    ids.insert(new_id.clone(), 1);
    Some(new_id)
}

/// The warning printed when a repeated id is renamed.
pub fn renamed_warning(file: &str, id: &str, new_id: &str) -> String {
    format!("dyad: warning: {file}: id `{id}` was already used by an earlier document of this run; renamed `{new_id}`")
}

/// Refuse an output path (`out_what`: "output", "database") that is one of the inputs (`what`:
/// "input", "database"): writing it would destroy what is being read. Checked before anything is
/// written.
pub fn check_output(output: &Path, out_what: &str, inputs: &[String], what: &str) -> Result<()> {
    for input in inputs {
        if input != "-" && same_file(output, Path::new(input)) {
            bail!(
                "{out_what} {} is the same file as {what} {input}; refusing to overwrite it",
                output.display()
            );
        }
    }
    Ok(())
}

/// Fail (before anything is created) when an input file cannot be opened.
pub fn check_inputs_open(files: &[String]) -> Result<()> {
    for f in files {
        if f != "-" {
            std::fs::File::open(f).with_context(|| format!("cannot open input {f}"))?;
        }
    }
    Ok(())
}

/// Whether two paths name the same existing file (same device and inode on Unix).
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        match (a.canonicalize(), b.canonicalize()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

/// An output file written safely: to a temporary file in the same directory, renamed over the
/// destination by [`SafeOutput::commit`]. Dropped without a commit (an error, a panic), the
/// temporary file is removed and the destination is untouched. Devices and pipes (`/dev/stdout`)
/// are written directly.
pub struct SafeOutput {
    file: Option<std::io::BufWriter<std::fs::File>>,
    tmp: Option<PathBuf>,
    dest: PathBuf,
}

impl SafeOutput {
    /// Create the temporary file next to `dest`.
    pub fn create(dest: &Path) -> Result<SafeOutput> {
        let special = std::fs::metadata(dest).is_ok_and(|m| !m.is_file() && !m.is_dir());
        if special {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(dest)
                .with_context(|| format!("cannot open {}", dest.display()))?;
            return Ok(SafeOutput {
                file: Some(std::io::BufWriter::new(f)),
                tmp: None,
                dest: dest.to_path_buf(),
            });
        }
        let name = dest
            .file_name()
            .with_context(|| format!("{}: not a file name", dest.display()))?
            .to_string_lossy()
            .into_owned();
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut n = 0u32;
        loop {
            let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
            {
                Ok(f) => {
                    return Ok(SafeOutput {
                        file: Some(std::io::BufWriter::new(f)),
                        tmp: Some(tmp),
                        dest: dest.to_path_buf(),
                    })
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot create {}", dest.display()))
                }
            }
        }
    }

    /// Flush and move the finished file into place.
    pub fn commit(mut self) -> Result<()> {
        let file = self.file.take().expect("committed once");
        let file = file
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("cannot write {}", self.dest.display()))?;
        file.sync_all().ok();
        drop(file);
        if let Some(tmp) = self.tmp.take() {
            if let Err(e) = std::fs::rename(&tmp, &self.dest) {
                std::fs::remove_file(&tmp).ok();
                return Err(e).with_context(|| format!("cannot write {}", self.dest.display()));
            }
        }
        Ok(())
    }
}

impl Write for SafeOutput {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.as_mut().expect("not committed").write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().expect("not committed").flush()
    }
}

impl Drop for SafeOutput {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            drop(self.file.take());
            std::fs::remove_file(tmp).ok();
        }
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

/// A probability flag: a number in [0, 1].
pub fn parse_probability(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("`{s}` is not a number between 0 and 1")),
    }
}
