//! `dyad eval plv PLV_train.tsv`: end-to-end event coding on news sentences with a marked source
//! (`<s>…</s>`), a marked target (`<t>…</t>`) and a gold PLOVER root.
//!
//! Each sentence (the marked sentence without its markers) goes through the full pipeline as a
//! one-sentence document without a publication date, as `dyad code` would see it. The event scored
//! is the one the marking points at: among the events with a PLOVER type whose source text overlaps
//! a marked source, one whose target text also overlaps a marked target if there is one, then the
//! main-clause event (trigger highest in the parse), then text order; when there is none, the type
//! is read from the sentence's main-clause event (as in the `plover` suite). Definitions are in
//! `docs/evaluation.md` ("`dyad eval plv`"). The caller supplies the pipeline as a closure.

use crate::plover_eval;
use dyad_doc::{Doc, Event, Span};
use std::collections::BTreeMap;
use std::path::Path;

/// One gold sentence: the text without markers, the marked spans and the gold root.
#[derive(Debug, Clone, PartialEq)]
pub struct Gold {
    /// 0-based data row in the file (the header is not a row); fold = row % K.
    pub row: usize,
    /// The file's `sentence_id`, or the row number when the column is missing.
    pub id: String,
    /// The sentence with the markers removed.
    pub text: String,
    /// Byte spans of the `<s>…</s>` markings in `text` (none: the source is implicit).
    pub sources: Vec<Span>,
    /// Byte spans of the `<t>…</t>` markings in `text` (none: no recipient).
    pub targets: Vec<Span>,
    /// Gold PLOVER root (`YIELD` stands for Dyad's `RETREAT` and `CONCEDE`).
    pub root: String,
}

/// Remove `<s>`, `</s>`, `<t>`, `</t>` from a marked sentence, returning the plain text and the
/// byte spans of the source and target markings in it. An unclosed marking runs to the end.
pub fn strip_markers(marked: &str) -> (String, Vec<Span>, Vec<Span>) {
    let mut text = String::with_capacity(marked.len());
    let (mut sources, mut targets) = (Vec::new(), Vec::new());
    let (mut open_s, mut open_t): (Option<usize>, Option<usize>) = (None, None);
    let mut rest = marked;
    while !rest.is_empty() {
        let tag = ["<s>", "</s>", "<t>", "</t>"]
            .into_iter()
            .find(|t| rest.starts_with(t));
        match tag {
            Some("<s>") => open_s = Some(text.len()),
            Some("<t>") => open_t = Some(text.len()),
            Some("</s>") => {
                if let Some(b) = open_s.take() {
                    sources.push(trimmed(&text, b, text.len()));
                }
            }
            Some("</t>") => {
                if let Some(b) = open_t.take() {
                    targets.push(trimmed(&text, b, text.len()));
                }
            }
            _ => {
                let c = rest.chars().next().unwrap_or(' ');
                text.push(c);
                rest = &rest[c.len_utf8()..];
                continue;
            }
        }
        rest = &rest[tag.map_or(0, str::len)..];
    }
    if let Some(b) = open_s {
        sources.push(trimmed(&text, b, text.len()));
    }
    if let Some(b) = open_t {
        targets.push(trimmed(&text, b, text.len()));
    }
    (text, sources, targets)
}

/// The span `b..e` of `text` without surrounding whitespace.
fn trimmed(text: &str, b: usize, e: usize) -> Span {
    let s = &text[b..e];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(b + lead, (e - trail).max(b + lead))
}

/// Read the TSV file (header with at least `marked_sentence` and `gold_root`; `sentence_id`
/// optional). A field wrapped in double quotes is unquoted (`""` → `"`).
pub fn read(path: &Path) -> Result<Vec<Gold>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&raw).map_err(|e| format!("{}:{e}", path.display()))
}

/// Parse the TSV text (see [`read`]); errors are `line: message`.
pub fn parse(raw: &str) -> Result<Vec<Gold>, String> {
    let mut lines = raw.lines().enumerate();
    let Some((_, header)) = lines.next() else {
        return Ok(Vec::new());
    };
    let cols: Vec<&str> = header.split('\t').map(str::trim).collect();
    let col = |name: &str| cols.iter().position(|c| *c == name);
    let marked_col = col("marked_sentence").ok_or("1: no `marked_sentence` column")?;
    let root_col = col("gold_root").ok_or("1: no `gold_root` column")?;
    let id_col = col("sentence_id");
    let mut out = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<String> = line.split('\t').map(unquote).collect();
        let get = |c: usize| {
            f.get(c)
                .map(String::as_str)
                .ok_or_else(|| format!("{}: {} fields, column {} missing", i + 1, f.len(), c + 1))
        };
        let marked = get(marked_col)?;
        let root = get(root_col)?.trim().to_string();
        if root.is_empty() {
            return Err(format!("{}: empty gold_root", i + 1));
        }
        let (text, sources, targets) = strip_markers(marked);
        let row = out.len();
        let id = id_col
            .and_then(|c| f.get(c))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| row.to_string());
        out.push(Gold {
            row,
            id,
            text,
            sources,
            targets,
            root,
        });
    }
    Ok(out)
}

fn unquote(f: &str) -> String {
    if f.len() >= 2 && f.starts_with('"') && f.ends_with('"') {
        f[1..f.len() - 1].replace("\"\"", "\"")
    } else {
        f.to_string()
    }
}

/// Dyad's PLOVER type as a PLV root: `RETREAT` and `CONCEDE` are `YIELD`.
pub fn plv_root(kind: &str) -> &str {
    match kind {
        "RETREAT" | "CONCEDE" => "YIELD",
        other => other,
    }
}

fn overlaps(a: Span, spans: &[Span]) -> bool {
    spans.iter().any(|s| a.start < s.end && s.start < a.end)
}

/// The text span of an event role, when the actor is written in the sentence.
fn role_span(a: Option<&dyad_doc::EventActor>) -> Option<Span> {
    a.and_then(|a| a.span).filter(|s| s.end > s.start)
}

/// Whether an event's role matches the marked spans: overlap with one of them, or — when nothing
/// is marked — no actor written in the sentence (absent or implied, like a protest's `XXXGOV`).
fn role_ok(a: Option<&dyad_doc::EventActor>, marked: &[Span]) -> bool {
    match role_span(a) {
        Some(s) => overlaps(s, marked),
        None => marked.is_empty(),
    }
}

/// The event the marking points at (see the module doc), or `None` when no event with a PLOVER
/// type has a source matching the marked source.
pub fn select<'a>(doc: &Doc, g: &Gold, events: &'a [Event]) -> Option<&'a Event> {
    let depth = |e: &Event| {
        // Reuse the main-clause rule of the `plover` suite: rank of the event in its ordering.
        plover_eval::depth_of(doc, e)
    };
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.plover.is_some() && role_ok(e.source.as_ref(), &g.sources))
        .min_by_key(|(i, e)| {
            let t = !g.targets.is_empty() && role_ok(e.target.as_ref(), &g.targets);
            (!t, depth(e), *i)
        })
        .map(|(_, e)| e)
}

/// Counts for one group of sentences.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    n: usize,
    coded: usize,
    found: usize,
    ty: usize,
    dyad: usize,
}

impl Tally {
    fn add(&mut self, coded: bool, found: bool, ty: bool, dyad: bool) {
        self.n += 1;
        self.coded += coded as usize;
        self.found += found as usize;
        self.ty += ty as usize;
        self.dyad += dyad as usize;
    }
    fn f(&self, k: usize) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            k as f64 / self.n as f64
        }
    }
}

/// Run the evaluation: `run` annotates a document with the full pipeline; `folds` ≥ 2 adds
/// per-fold figures (fold = data row % folds) and cross-validates the event classifier: each
/// fold's events are recoded with a model trained on the other folds' sentences.
/// `min_confidence` overrides the coder's threshold for those models.
pub fn run(
    path: &Path,
    folds: usize,
    min_confidence: Option<f32>,
    run: &dyn Fn(&mut Doc) -> Result<(), String>,
) -> Result<(String, Vec<(String, f64)>), String> {
    let gold = read(path)?;
    let verbose = std::env::var("DYAD_EVAL_VERBOSE").ok();
    let k = folds.max(1);
    let mut all = Tally::default();
    let mut per_fold = vec![Tally::default(); k];
    let mut per_root: BTreeMap<String, Tally> = BTreeMap::new();
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut errors = 0usize;
    let coder = crate::Coder::embedded();
    let mut docs: Vec<Doc> = Vec::with_capacity(gold.len());
    let mut examples = Vec::with_capacity(gold.len());
    let mut rerank_examples = Vec::with_capacity(gold.len());
    for g in &gold {
        let mut doc = Doc::new(g.id.clone(), g.text.clone());
        if run(&mut doc).is_err() {
            errors += 1;
        } else if k > 1 {
            examples.extend(crate::train::examples_of(
                &coder,
                &doc,
                g.sources.first().copied(),
                &g.root,
                Some(g.row),
            ));
            // From the patterns alone (the committed models never see the held-out fold's codes).
            rerank_examples.extend(crate::train::plv_rerank_example(&coder, &doc, g));
        }
        docs.push(doc);
    }
    if k > 1 {
        // Cross-validation of the classifier and the re-ranker: fold f is coded by models trained
        // on the other folds (their PLV sentences only); the events layer is recoded with them.
        let ex: Vec<&crate::train::Example> = examples.iter().collect();
        let rex: Vec<&crate::train::Example> = rerank_examples.iter().collect();
        let onto = crate::Ontology::embedded();
        let rerank = std::env::var_os("DYAD_NO_RERANK").is_none();
        for f in 0..k {
            let other = |e: &&crate::train::Example| e.row.is_some_and(|r| r % k != f);
            let train: Vec<&crate::train::Example> = ex.iter().copied().filter(other).collect();
            let model = crate::train::train(&train, &onto, &Default::default());
            let rtrain: Vec<&crate::train::Example> = rex.iter().copied().filter(other).collect();
            let reranker = crate::train::train_reranker(
                &rtrain,
                &onto,
                Some(&model),
                &crate::train::rerank_options(),
            );
            let mut c = coder.clone();
            c.model = Some(std::sync::Arc::new(model));
            c.reranker = rerank.then(|| std::sync::Arc::new(reranker));
            if let Some(x) = std::env::var("DYAD_MIN_RECODE")
                .ok()
                .and_then(|v| v.parse().ok())
            {
                c.opts.min_recode = x;
            }
            if let Some(x) = min_confidence {
                c.opts.min_confidence = x;
            }
            for (g, doc) in gold.iter().zip(docs.iter_mut()) {
                if g.row % k == f {
                    let mentions = crate::mentions::from_doc(doc);
                    let mut events = c.code(doc, &mentions);
                    // The event check as the pipeline applies it (its default threshold).
                    let check = crate::check::embedded();
                    let min = crate::check::default_min_check();
                    crate::check::apply_with(
                        check.as_deref(),
                        min,
                        doc,
                        &mut events,
                        Some((&c, &mentions)),
                    );
                    doc.events = events;
                }
            }
        }
    }
    for (g, doc) in gold.iter().zip(&docs) {
        let coded = doc.events.iter().any(|e| e.plover.is_some());
        let e = select(doc, g, &doc.events);
        // Type: the marked source's event, else the sentence's main-clause event (an event with
        // the right type but a wrong source still codes the sentence's type right).
        let typed = e.or_else(|| plover_eval::pick(doc, &doc.events));
        let pred = typed
            .and_then(|e| e.plover.as_ref())
            .map_or("", |p| plv_root(&p.kind));
        let ok_t = pred == g.root;
        let ok_d = e.is_some_and(|e| {
            e.plover
                .as_ref()
                .is_some_and(|p| plv_root(&p.kind) == g.root)
                && role_ok(e.target.as_ref(), &g.targets)
        });
        all.add(coded, e.is_some(), ok_t, ok_d);
        per_fold[g.row % k].add(coded, e.is_some(), ok_t, ok_d);
        per_root
            .entry(g.root.clone())
            .or_default()
            .add(coded, e.is_some(), ok_t, ok_d);
        if !ok_t {
            let p = if pred.is_empty() { "-" } else { pred };
            *confusion
                .entry((g.root.clone(), p.to_string()))
                .or_default() += 1;
        }
        if let Some(v) = verbose.as_deref() {
            if v == "all" || !ok_d {
                print_record(doc, g, typed, ok_t, ok_d);
            }
        }
    }
    let mut report = format!(
        "PLV: {} sentences ({errors} pipeline errors){}\n",
        all.n,
        if k > 1 {
            format!(", {k} folds (row % {k})")
        } else {
            String::new()
        }
    );
    // One line per headline metric: name, value, count / sentences, what it counts.
    for (name, count, note) in [
        ("coded", all.coded, "  sentences with any PLOVER event"),
        (
            "found",
            all.found,
            "  an event whose source is the marked source",
        ),
        ("type_accuracy", all.ty, ""),
        ("dyad_accuracy", all.dyad, "  type, source and target right"),
    ] {
        report += &format!(
            "  {name:<15} {:.4} ({count}/{}){note}\n",
            all.f(count),
            all.n
        );
    }
    report += "  per gold root:    n   coded   found  type    dyad\n";
    for (root, t) in &per_root {
        report += &format!(
            "    {root:<10} {:>5}  {:>5}   {:>5}  {:>5}   {:>5}\n",
            t.n, t.coded, t.found, t.ty, t.dyad
        );
    }
    let mut conf: Vec<(&(String, String), &usize)> = confusion.iter().collect();
    conf.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    report +=
        "  most frequent type errors (gold -> predicted, - = no event for the marked source):\n";
    for ((g, p), c) in conf.iter().take(12) {
        report += &format!("    {g:<10} -> {p:<10} {c}\n");
    }
    let mut metrics = vec![
        ("coded".to_string(), all.f(all.coded)),
        ("found".to_string(), all.f(all.found)),
        ("type_accuracy".to_string(), all.f(all.ty)),
        ("dyad_accuracy".to_string(), all.f(all.dyad)),
    ];
    if k > 1 {
        report += "  per fold:     n   coded   type    dyad\n";
        let mut sums = [Vec::new(), Vec::new(), Vec::new()];
        for (i, t) in per_fold.iter().enumerate() {
            report += &format!(
                "    fold {i:<3} {:>4}  {:.4}  {:.4}  {:.4}\n",
                t.n,
                t.f(t.coded),
                t.f(t.ty),
                t.f(t.dyad)
            );
            sums[0].push(t.f(t.coded));
            sums[1].push(t.f(t.ty));
            sums[2].push(t.f(t.dyad));
        }
        let ms: Vec<(f64, f64)> = sums.iter().map(|v| mean_sd(v)).collect();
        report += &format!(
            "    mean±sd        {:.4}±{:.4}  {:.4}±{:.4}  {:.4}±{:.4}\n",
            ms[0].0, ms[0].1, ms[1].0, ms[1].1, ms[2].0, ms[2].1
        );
        metrics.push(("fold_mean_coded".into(), ms[0].0));
        metrics.push(("fold_mean_type_accuracy".into(), ms[1].0));
        metrics.push(("fold_mean_dyad_accuracy".into(), ms[2].0));
        metrics.push((
            "fold_min_type_accuracy".into(),
            per_fold.iter().map(|t| t.f(t.ty)).fold(1.0, f64::min),
        ));
    }
    Ok((report, metrics))
}

/// Mean and sample standard deviation.
fn mean_sd(v: &[f64]) -> (f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0);
    }
    let m = v.iter().sum::<f64>() / v.len() as f64;
    if v.len() < 2 {
        return (m, 0.0);
    }
    let var = v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (v.len() - 1) as f64;
    (m, var.sqrt())
}

/// `DYAD_EVAL_VERBOSE`: one record to stderr with all its events.
fn print_record(doc: &Doc, g: &Gold, e: Option<&Event>, ok_t: bool, ok_d: bool) {
    let mark = match (ok_t, ok_d) {
        (_, true) => "ok",
        (true, false) => "ROLE",
        _ => "ERR",
    };
    let spans = |v: &[Span]| {
        v.iter()
            .map(|s| doc.slice(*s).to_string())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    eprintln!(
        "row {} id {} {mark}: {}\n  gold {} [{}] -> [{}]\n  got  {}",
        g.row,
        g.id,
        g.text,
        g.root,
        spans(&g.sources),
        spans(&g.targets),
        e.map_or("-".to_string(), |e| e.cameo.clone())
    );
    let a = |x: Option<&dyad_doc::EventActor>| {
        x.map_or(String::new(), |a| {
            let t = a.span.map_or(String::new(), |s| doc.slice(s).to_string());
            format!("{}:{}", a.code.clone().unwrap_or_default(), t)
        })
    };
    for x in &doc.events {
        eprintln!(
            "    - {} {} {} -> {} {}{} [{}]",
            x.cameo,
            x.plover.as_ref().map_or("", |p| p.kind.as_str()),
            a(x.source.as_ref()),
            a(x.target.as_ref()),
            x.modality,
            if x.negated { " neg" } else { "" },
            doc.slice(x.evidence)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_stripped_with_spans() {
        let (t, s, g) =
            strip_markers("<s>The union </s>sued <t>the city</t> and <t>its mayor</t>.");
        assert_eq!(t, "The union sued the city and its mayor.");
        assert_eq!(s.len(), 1);
        assert_eq!(&t[s[0].start..s[0].end], "The union");
        assert_eq!(
            g.iter().map(|x| &t[x.start..x.end]).collect::<Vec<_>>(),
            ["the city", "its mayor"]
        );
        let (t, s, g) = strip_markers("Nobody was marked.");
        assert_eq!((t.as_str(), s.len(), g.len()), ("Nobody was marked.", 0, 0));
    }

    #[test]
    fn parse_reads_columns_by_name() {
        let raw =
            "\tsentence_id\tmarked_sentence\tgold_root\n0\t17\t<s>A</s> met <t>B</t>.\tCONSULT\n";
        let g = parse(raw).unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!((g[0].id.as_str(), g[0].root.as_str()), ("17", "CONSULT"));
        assert_eq!(g[0].text, "A met B.");
        assert!(parse("a\tb\n").is_err());
    }

    #[test]
    fn yield_covers_retreat_and_concede() {
        assert_eq!(plv_root("RETREAT"), "YIELD");
        assert_eq!(plv_root("CONCEDE"), "YIELD");
        assert_eq!(plv_root("AID"), "AID");
    }

    #[test]
    fn roles_overlap_or_are_absent_when_unmarked() {
        let a = dyad_doc::EventActor {
            span: Some(Span::new(4, 9)),
            ..Default::default()
        };
        assert!(role_ok(Some(&a), &[Span::new(0, 5)]));
        assert!(!role_ok(Some(&a), &[Span::new(9, 12)]));
        assert!(!role_ok(Some(&a), &[]));
        assert!(role_ok(None, &[]));
        assert!(!role_ok(None, &[Span::new(0, 5)]));
        let implied = dyad_doc::EventActor {
            code: Some("XXXGOV".into()),
            ..Default::default()
        };
        assert!(role_ok(Some(&implied), &[]));
    }
}
