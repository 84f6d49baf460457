//! `dyad eval re3d-places DIR`: the place stage alone against the Location entities of Dstl re3d.
//!
//! re3d's `Location` type mixes names ("Mosul") with nominals ("the city", "fighting positions"), so
//! the scorer reports: precision (a predicted place overlaps a gold Location, or a gold Nationality
//! for names like "US-led"), recall over *named* gold Locations (their text starts with a capital
//! letter and is not a determiner phrase), and their F1. Offsets are code points in re3d and bytes in
//! Dyad; they are converted per document. `dyad eval re3d-places` runs the full pipeline; the example
//! `eval_re3d` runs the place stage alone (no NER, no POS).

use crate::PlaceStage;
use dyad_doc::Doc;
use std::collections::BTreeMap;
use std::path::Path;

struct Gold {
    start: usize,
    end: usize,
    kind: String,
    text: String,
}

fn json_lines(path: &Path) -> Result<Vec<serde_json::Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        out.push(
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?,
        );
    }
    Ok(out)
}

fn named(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    text.starts_with(|c: char| c.is_uppercase())
        && !matches!(
            first,
            "The" | "A" | "An" | "This" | "That" | "These" | "Those"
        )
}

/// A function that runs the full pipeline (including the place stage) on a document.
pub type Pipeline<'a> = &'a dyn Fn(&mut Doc) -> Result<(), String>;

/// Score places on a re3d directory (with one subfolder per source): with `pipeline`, the places the
/// full pipeline writes to `Doc::places`; without, the place stage alone. Returns the printed report
/// and the metrics `precision`, `recall_named`, `f1`.
pub fn run_re3d(
    dir: &Path,
    pipeline: Option<Pipeline<'_>>,
) -> Result<(String, Vec<(String, f64)>), String> {
    let stage = PlaceStage::new().map_err(|e| e.to_string())?;
    let mut subdirs: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("documents.json").is_file() && p.join("entities.json").is_file())
        .collect();
    subdirs.sort();
    if subdirs.is_empty() {
        return Err(format!(
            "{}: no re3d source folders (documents.json + entities.json)",
            dir.display()
        ));
    }
    let (mut pred, mut pred_ok, mut gold_named, mut gold_found, mut docs) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut misses: BTreeMap<String, usize> = BTreeMap::new();
    let mut false_hits: BTreeMap<String, usize> = BTreeMap::new();
    for sub in &subdirs {
        let mut gold: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
        for e in json_lines(&sub.join("entities.json"))? {
            let (Some(id), Some(b), Some(en), Some(kind)) = (
                e["documentId"].as_str(),
                e["begin"].as_u64(),
                e["end"].as_u64(),
                e["type"].as_str(),
            ) else {
                continue;
            };
            gold.entry(id.to_string()).or_default().push(Gold {
                start: b as usize,
                end: en as usize,
                kind: kind.to_string(),
                text: e["value"].as_str().unwrap_or("").to_string(),
            });
        }
        for d in json_lines(&sub.join("documents.json"))? {
            let (Some(id), Some(text)) = (d["_id"].as_str(), d["text"].as_str()) else {
                continue;
            };
            docs += 1;
            let mut doc = Doc::new(id, text);
            // Byte offset → code-point offset.
            let mut cp = vec![0usize; text.len() + 1];
            let mut n = 0;
            for (b, c) in text.char_indices() {
                for k in 0..c.len_utf8() {
                    cp[b + k] = n;
                }
                n += 1;
            }
            cp[text.len()] = n;
            let places = match pipeline {
                Some(run) => {
                    run(&mut doc).map_err(|e| format!("{id}: {e}"))?;
                    std::mem::take(&mut doc.places)
                }
                None => stage.places(&doc),
            };
            let golds = gold.get(id).map(Vec::as_slice).unwrap_or(&[]);
            for p in &places {
                let (s, e) = (cp[p.span.start], cp[p.span.end]);
                pred += 1;
                let hit = golds.iter().any(|g| {
                    (g.kind == "Location" || g.kind == "Nationality") && g.start < e && s < g.end
                });
                if hit {
                    pred_ok += 1;
                } else {
                    *false_hits.entry(doc.slice(p.span).to_string()).or_default() += 1;
                }
            }
            for g in golds
                .iter()
                .filter(|g| g.kind == "Location" && named(&g.text))
            {
                gold_named += 1;
                if places
                    .iter()
                    .any(|p| cp[p.span.start] < g.end && g.start < cp[p.span.end])
                {
                    gold_found += 1;
                } else {
                    *misses.entry(g.text.clone()).or_default() += 1;
                }
            }
        }
    }
    let (p, r, f) = dyad_doc::metrics::prf(pred_ok, pred, gold_found, gold_named);
    let top = |m: &BTreeMap<String, usize>| {
        let mut v: Vec<(&String, &usize)> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.iter()
            .take(15)
            .map(|(k, n)| format!("{k} ({n})"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let text = format!(
        "re3d places ({docs} documents, {})\n  precision    {p:.4}  ({pred_ok}/{pred} predicted places overlap a gold Location/Nationality)\n  recall_named {r:.4}  ({gold_found}/{gold_named} named gold Locations overlapped)\n  f1           {f:.4}\n  most missed: {}\n  most unmatched predictions: {}\n",
        if pipeline.is_some() { "full pipeline" } else { "place stage alone" },
        top(&misses),
        top(&false_hits)
    );
    Ok((
        text,
        vec![
            ("precision".into(), p),
            ("recall_named".into(), r),
            ("f1".into(), f),
        ],
    ))
}
