//! `dyad train event-check --news NewsArticles.csv --sheet data/eval/precision-seed1.tsv …
//! [--train PLV_train.tsv] -o DIR`: trains the event check (`dyad_events::check`) on the
//! hand-judged precision sheets. The documents the sheets name are coded with the full pipeline
//! (every event kept), each judged row is matched to an event of that output
//! (`dyad_events::check_train::match_rows`), and the check is cross-validated leaving one sheet
//! out at a time: the table of kept-event precision per threshold is printed, and the threshold
//! with the most kept events judged right minus kept events judged wrong (pooled over the
//! held-out sheets) becomes the model's default (`# min-check P` in its header). The model
//! trained on every sheet (and, with `--train`, the PLV events `dyad eval plv` scores with the
//! gold root, as positives) is written to `DIR/check.tsv`. Deterministic: the same sheets and
//! data give the same bytes.

use crate::cmd_train::TrainArgs;
use anyhow::{bail, Context, Result};
use dyad_events::check_train::{self, Judged, Rates, Row};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;

/// Thresholds tried in cross-validation.
const THRESHOLDS: [f32; 15] = [
    0.0, 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9,
];

pub fn run(args: &TrainArgs) -> Result<ExitCode> {
    let Some(news) = &args.news else {
        bail!("--news NewsArticles.csv is required for `dyad train event-check`");
    };
    if args.sheet.is_empty() {
        bail!("at least one --sheet data/eval/precision-seedN.tsv is required");
    }
    let mut rows: Vec<Row> = Vec::new();
    for (k, p) in args.sheet.iter().chain(&args.holdout).enumerate() {
        rows.extend(check_train::read_sheet(p, k).map_err(anyhow::Error::msg)?);
    }
    let folds = args.sheet.len();
    let pipe = dyad::Pipeline::new(&dyad::PipelineOptions {
        model_dir: args.model.clone(),
        min_check: Some(0.0),
        ..Default::default()
    })
    .map_err(anyhow::Error::msg)?;
    // The coder whose models give the check their opinion (the pipeline's: the embedded one).
    let coder = dyad_events::Coder::embedded();
    // The documents the sheets name, with ids made unique as `dyad code` makes them.
    let mut wanted: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        wanted.entry(r.doc.as_str()).or_default().push(r);
    }
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut docs = Vec::new();
    let path = news.display().to_string();
    for rec in dyad_text::read::open(&path, &Default::default()) {
        let Ok(mut doc) = rec else { continue };
        if let Some(new_id) = crate::common::unique_id(&mut ids, &doc.id) {
            doc.id = new_id;
        }
        if wanted.contains_key(doc.id.as_str()) {
            docs.push(doc);
        }
    }
    eprintln!(
        "{} judged rows in {} sheets; coding their {} documents",
        rows.len(),
        args.sheet.len(),
        docs.len()
    );
    let coded: Vec<(usize, Vec<Judged>)> = docs
        .into_par_iter()
        .map(|mut doc| {
            if pipe.run(&mut doc).is_err() {
                return (0, Vec::new());
            }
            let rs = &wanted[doc.id.as_str()];
            let m = check_train::match_rows(&doc, &doc.events, rs);
            let mentions = dyad_events::mentions::from_doc(&doc);
            let op = Some((&coder, &mentions[..]));
            let out = m
                .iter()
                .map(|&(ri, ei, s, t)| check_train::judged(&doc, &doc.events[ei], rs[ri], s, t, op))
                .collect();
            (rs.len(), out)
        })
        .collect();
    // The gold-set guard: the PLOVER GSR events `dyad eval plover` scores with the right type
    // (not trained on; the default threshold must not remove any of them).
    let mut guard: Vec<Vec<String>> = Vec::new();
    if let Some(gsr) = &args.gsr {
        let text =
            std::fs::read_to_string(gsr).with_context(|| format!("reading {}", gsr.display()))?;
        let recs: Vec<serde_json::Value> =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", gsr.display()))?;
        guard = recs
            .par_iter()
            .filter_map(|r| {
                let label = r.get("event")?.as_str()?;
                let sentence = r.get("text")?.as_str()?;
                if label == "DOCUMENT" {
                    return None;
                }
                let mut doc = dyad_doc::Doc::new("gsr", sentence);
                doc.date = chrono::NaiveDate::from_ymd_opt(2000, 1, 1);
                pipe.run(&mut doc).ok()?;
                let e = dyad_events::plover_eval::pick(&doc, &doc.events)?;
                let gold = dyad_events::plv_eval::plv_root(
                    dyad_events::plover_eval::map_gold_label(label),
                );
                let ty = dyad_events::plv_eval::plv_root(&e.plover.as_ref()?.kind);
                let mentions = dyad_events::mentions::from_doc(&doc);
                (ty == gold)
                    .then(|| dyad_events::check::features_of(&doc, e, Some((&coder, &mentions))))
            })
            .collect();
        eprintln!(
            "{}: {} right-typed events guarded",
            gsr.display(),
            guard.len()
        );
    }
    let (held, mut examples): (Vec<Judged>, Vec<Judged>) = coded
        .into_iter()
        .flat_map(|(_, j)| j)
        .partition(|j| j.sheet.is_some_and(|k| k >= folds));
    let per_sheet = |f: &dyn Fn(&Judged) -> bool| {
        (0..folds)
            .map(|k| {
                examples
                    .iter()
                    .filter(|j| j.sheet == Some(k) && f(j))
                    .count()
            })
            .collect::<Vec<_>>()
    };
    eprintln!(
        "matched rows per sheet: {:?} of {:?}; source known {:?}, target known {:?}; ok {:?}",
        per_sheet(&|_| true),
        (0..folds)
            .map(|k| rows.iter().filter(|r| r.sheet == k).count())
            .collect::<Vec<_>>(),
        per_sheet(&|j| j.source.is_some()),
        per_sheet(&|j| j.target.is_some()),
        per_sheet(&|j| j.ok),
    );
    if let Some(plv) = &args.train {
        let gold = dyad_events::plv_eval::read(plv).map_err(anyhow::Error::msg)?;
        let extra: Vec<Judged> = gold
            .par_iter()
            .filter_map(|g| {
                let mut doc = dyad_doc::Doc::new(g.id.clone(), g.text.clone());
                pipe.run(&mut doc).ok()?;
                let mentions = dyad_events::mentions::from_doc(&doc);
                check_train::plv_positive(&doc, g, &doc.events, Some((&coder, &mentions)))
            })
            .collect();
        eprintln!("{}: {} positive examples", plv.display(), extra.len());
        examples.extend(extra);
    }
    let opts = dyad_events::classifier::TrainOptions {
        epochs: args.epochs.unwrap_or(check_train::options().epochs),
        seed: args.seed,
        ..check_train::options()
    };
    // Leave one sheet out.
    let cv = check_train::cross_validate(&examples, args.sheet.len(), &opts);
    let mut table: Vec<Vec<Rates>> =
        vec![vec![Rates::default(); args.sheet.len()]; THRESHOLDS.len()];
    for (k, scored) in cv.iter().enumerate() {
        for &(i, p) in scored {
            for (ti, &t) in THRESHOLDS.iter().enumerate() {
                table[ti][k].add(&examples[i], p, t);
            }
        }
    }
    println!("leave-one-sheet-out cross-validation of the event check (held-out sheet: kept-event rates)");
    println!("threshold\tsheet\treal\troot\tsource\ttarget\tall\tkept\tkept/total");
    let mut best = (i64::MIN, 0.0f32);
    for (ti, &t) in THRESHOLDS.iter().enumerate() {
        let mut pooled = Rates::default();
        let mut mean = [0.0f64; 6];
        for (k, r) in table[ti].iter().enumerate() {
            pooled = pooled.plus(r);
            let v = r.values();
            for (m, x) in mean.iter_mut().zip(v) {
                *m += x / args.sheet.len() as f64;
            }
            println!(
                "{t:.2}\t{}\t{}\t{}/{}",
                sheet_name(&args.sheet[k]),
                fmt(&v),
                r.kept,
                r.total
            );
        }
        println!("{t:.2}\tmean\t{}", fmt(&mean));
        println!(
            "{t:.2}\tpooled\t{}\t{}/{}\tnet {}",
            fmt(&pooled.values()),
            pooled.kept,
            pooled.total,
            pooled.net()
        );
        if pooled.net() > best.0 {
            best = (pooled.net(), t);
        }
    }
    let refs: Vec<&Judged> = examples.iter().collect();
    let model = check_train::train(&refs, &opts);
    // The guard's least probability under the model trained on everything: the default
    // threshold stays at or under it.
    let floor = guard
        .iter()
        .map(|f| dyad_events::check::probability(&model, f))
        .fold(f32::INFINITY, f32::min);
    let mut chosen = (i64::MIN, 0.0f32);
    for (ti, &t) in THRESHOLDS.iter().enumerate() {
        let lost = guard
            .iter()
            .filter(|f| dyad_events::check::probability(&model, f) < t)
            .count();
        let net = table[ti]
            .iter()
            .fold(Rates::default(), |a, r| a.plus(r))
            .net();
        println!(
            "{t:.2}	gold-set events removed {lost} of {}	net {net}",
            guard.len()
        );
        if t <= floor && net > chosen.0 {
            chosen = (net, t);
        }
    }
    let min_check = chosen.1;
    for (h, p) in args.holdout.iter().enumerate() {
        let name = sheet_name(p);
        let mine: Vec<&Judged> = held.iter().filter(|j| j.sheet == Some(folds + h)).collect();
        println!(
            "held-out sheet {name} ({} matched rows), scored by the model trained on every --sheet",
            mine.len()
        );
        for &t in &THRESHOLDS {
            let mut r = Rates::default();
            for j in &mine {
                r.add(j, dyad_events::check::probability(&model, &j.features), t);
            }
            println!(
                "{t:.2}\t{name}\t{}\t{}/{}\tnet {}",
                fmt(&r.values()),
                r.kept,
                r.total,
                r.net()
            );
        }
    }
    if let Some(path) = &args.dump {
        let tri = |b: Option<bool>| b.map_or("-", |b| if b { "y" } else { "n" });
        let mut out = String::from("fold\tok\treal\troot\tnegation\tsource\ttarget\tfeatures\n");
        let fold = |j: &Judged| match j.sheet {
            Some(k) => sheet_name(
                &args
                    .sheet
                    .iter()
                    .chain(&args.holdout)
                    .nth(k)
                    .cloned()
                    .unwrap_or_default(),
            ),
            None => "plv".to_string(),
        };
        for j in examples.iter().chain(&held) {
            out += &format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                fold(j),
                tri(Some(j.ok)),
                tri(Some(j.real)),
                tri(Some(j.root)),
                tri(Some(j.negation)),
                tri(j.source),
                tri(j.target),
                j.features.join("\t")
            );
        }
        for f in &guard {
            out += &format!("gsr\ty\ty\ty\ty\t-\t-\t{}\n", f.join("\t"));
        }
        std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))?;
    }
    println!(
        "best threshold (most kept right minus kept wrong, pooled): {:.2}; chosen, removing no \
         guarded gold-set event: {min_check:.2}",
        best.1
    );
    let out = &args.output;
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let sheets: Vec<String> = args.sheet.iter().map(|p| sheet_name(p)).collect();
    let header = format!(
        "Dyad event check (docs/models.md, \"Event check\"): {} examples ({} judged events of {}{}), \
         {} features.\nMade by `dyad train event-check` (epochs {}, seed {}); do not edit by hand.\n\
         min-check {min_check}",
        examples.len(),
        examples.iter().filter(|j| j.sheet.is_some()).count(),
        sheets.join(" "),
        if args.train.is_some() { ", PLV positives" } else { "" },
        model.features(),
        opts.epochs,
        opts.seed
    );
    let path = out.join("check.tsv");
    std::fs::write(&path, model.to_text(&header))
        .with_context(|| format!("writing {}", path.display()))?;
    eprintln!(
        "wrote {} ({} features, min-check {min_check})",
        path.display(),
        model.features()
    );
    Ok(ExitCode::SUCCESS)
}

fn sheet_name(p: &std::path::Path) -> String {
    p.file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

fn fmt(v: &[f64; 6]) -> String {
    v.iter()
        .map(|x| format!("{x:.3}"))
        .collect::<Vec<_>>()
        .join("\t")
}
