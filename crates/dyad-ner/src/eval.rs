//! The evaluation suites behind `dyad eval conll FILE` (exact-match entity P/R/F1 with conlleval's
//! rules on a CoNLL-2003 file) and `dyad eval re3d DIR` (PER/ORG/LOC on the Dstl re3d corpus).

use crate::conll::{self, ConllDoc};
use crate::score::Scorer;
use crate::tags::iob1_to_iob2;
use crate::{Ner, NerStage};
use dyad_doc::{Doc, Stage};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Instant;

/// Predicted IOB2 tags for every sentence of every document (document context included).
pub fn predict(ner: &Ner, docs: &[ConllDoc]) -> Vec<Vec<Vec<String>>> {
    docs.iter()
        .map(|d| {
            let sentences: Vec<Vec<&str>> = d
                .sentences
                .iter()
                .map(|s| s.words.iter().map(|w| w.as_str()).collect())
                .collect();
            ner.tag_document_iob2(&sentences)
        })
        .collect()
}

/// Scores predictions against the gold column (IOB1 or IOB2; gold is converted to IOB2 so that
/// token accuracy compares like with like).
pub fn score(docs: &[ConllDoc], pred: &[Vec<Vec<String>>]) -> Scorer {
    let mut sc = Scorer::default();
    for (d, pd) in docs.iter().zip(pred) {
        for (s, p) in d.sentences.iter().zip(pd) {
            let g: Vec<&str> = s.gold.iter().map(|x| x.as_str()).collect();
            let g2 = iob1_to_iob2(&g);
            let g2: Vec<&str> = g2.iter().map(|x| x.as_str()).collect();
            let p: Vec<&str> = p.iter().map(|x| x.as_str()).collect();
            sc.add(&g2, &p);
        }
    }
    sc
}

/// How `dyad eval conll` rewrites the test words before tagging (the gold tags stay).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Recase {
    /// As in the file.
    #[default]
    AsIs,
    /// Every word lower-cased (`--lowercase`): text without a case signal.
    Lower,
    /// Every word upper-cased (`--uppercase`): all-caps text.
    Upper,
}

impl Recase {
    /// Rewrites every word of `docs`.
    pub fn apply(self, docs: &mut [ConllDoc]) {
        for d in docs {
            for s in &mut d.sentences {
                for w in &mut s.words {
                    match self {
                        Recase::AsIs => {}
                        Recase::Lower => *w = w.to_lowercase(),
                        Recase::Upper => *w = w.to_uppercase(),
                    }
                }
            }
        }
    }
}

/// `dyad eval conll FILE`: (printed report, metrics).
pub fn run_conll(ner: &Ner, path: &Path) -> Result<(String, Vec<(String, f64)>), String> {
    run_conll_recased(ner, path, Recase::AsIs)
}

/// `dyad eval conll FILE [--lowercase|--uppercase]`: the test words re-cased before tagging.
pub fn run_conll_recased(
    ner: &Ner,
    path: &Path,
    recase: Recase,
) -> Result<(String, Vec<(String, f64)>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = conll::parse(&text);
    recase.apply(&mut docs);
    let t0 = Instant::now();
    let c0 = thread_cpu_seconds();
    let pred = predict(ner, &docs);
    let secs = t0.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds().zip(c0).map(|(a, b)| a - b);
    let sc = score(&docs, &pred);
    let how = match recase {
        Recase::AsIs => "",
        Recase::Lower => ", lower-cased",
        Recase::Upper => ", upper-cased",
    };
    let mut report = format!(
        "NER on {} ({} documents{how})\n",
        path.display(),
        docs.len()
    );
    report.push_str(&sc.report());
    report.push_str(&format!(
        "tagging speed (one thread, both passes): {:.0} tokens/s wall-clock",
        sc.tokens as f64 / secs.max(1e-9)
    ));
    match cpu {
        Some(c) if c > 0.0 => report.push_str(&format!(
            ", {:.0} tokens per CPU-second\n",
            sc.tokens as f64 / c
        )),
        _ => report.push('\n'),
    }
    Ok((report, sc.metrics()))
}

/// re3d's entity types that map onto CoNLL types.
fn re3d_type(t: &str) -> Option<&'static str> {
    match t {
        "Person" => Some("PER"),
        "Organisation" => Some("ORG"),
        "Location" => Some("LOC"),
        _ => None,
    }
}

/// Words that start re3d mentions which are not names ("I", "A spokesman", "The secretary").
const NOT_NAME_START: &[&str] = &[
    "I", "We", "It", "He", "She", "They", "Her", "His", "Him", "Its", "Their", "Our", "Us", "You",
    "Your", "The", "A", "An", "Some", "This", "These", "That", "Those", "Both", "All", "Many",
    "Several", "Most", "One",
];

/// Whether a re3d mention is a name: starts with an upper-case letter and not with a pronoun or
/// determiner.
fn is_named(value: &str) -> bool {
    let first = value.split_whitespace().next().unwrap_or("");
    value
        .chars()
        .next()
        .map(|c| c.is_uppercase())
        .unwrap_or(false)
        && !NOT_NAME_START.iter().any(|w| first.eq_ignore_ascii_case(w))
}

/// `dyad eval re3d DIR`: segments each re3d document with `segmenter`, tags it, and compares
/// PER/ORG/LOC entities with re3d's Person/Organisation/Location annotations.
///
/// re3d also marks pronouns, common-noun mentions ("a military airport") and nested phrases ("west
/// of Damascus"); only **named** gold mentions are scored: those whose text starts with an upper-case
/// letter and not with a pronoun or determiner. re3d spans often include titles ("President
/// Hollande"), so besides exact matches an *overlap* score is reported (same type, spans overlap). A gold span annotated with two types (re3d marks "Syria" both Location and
/// Organisation) is one gold entity that either predicted type matches. Predicted MISC entities
/// are not scored.
pub fn run_re3d(
    ner: &Ner,
    segmenter: &dyn Stage,
    dir: &Path,
) -> Result<(String, Vec<(String, f64)>), String> {
    let mut subdirs: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("documents.json").exists())
        .collect();
    subdirs.sort();
    if subdirs.is_empty() {
        return Err(format!("{}: no */documents.json found", dir.display()));
    }
    let stage = NerStage::with(ner.clone());
    // type -> (correct, guessed, gold)
    let mut counts: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut span_counts = [0usize; 3];
    // overlap matching: [pred overlapping same-type gold, predicted, gold overlapped by same-type pred, gold]
    let mut overlap = [0usize; 4];
    let mut n_docs = 0;
    for sd in &subdirs {
        let docs_text = read(&sd.join("documents.json"))?;
        let ents_text = read(&sd.join("entities.json"))?;
        // documentId -> set of (char begin, char end) -> types
        let mut gold: BTreeMap<String, BTreeMap<(usize, usize), BTreeSet<&'static str>>> =
            BTreeMap::new();
        for line in ents_text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{}: {e}", sd.display()))?;
            let Some(ty) = v["type"].as_str().and_then(re3d_type) else {
                continue;
            };
            let value = v["value"].as_str().unwrap_or("");
            if !is_named(value) {
                continue;
            }
            let (Some(b), Some(e)) = (v["begin"].as_u64(), v["end"].as_u64()) else {
                continue;
            };
            let id = v["documentId"].as_str().unwrap_or("").to_string();
            gold.entry(id)
                .or_default()
                .entry((b as usize, e as usize))
                .or_default()
                .insert(ty);
        }
        for line in docs_text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{}: {e}", sd.display()))?;
            let id = v["_id"].as_str().unwrap_or("").to_string();
            let text = v["text"].as_str().unwrap_or("").to_string();
            let mut doc = Doc::new(id.clone(), text);
            segmenter.process(&mut doc).map_err(|e| e.to_string())?;
            stage.process(&mut doc).map_err(|e| e.to_string())?;
            n_docs += 1;
            // byte offset -> char offset
            let mut char_at = vec![0usize; doc.text.len() + 1];
            let mut ci = 0;
            for (b, ch) in doc.text.char_indices() {
                for x in char_at.iter_mut().skip(b).take(ch.len_utf8()) {
                    *x = ci;
                }
                ci += 1;
            }
            char_at[doc.text.len()] = ci;
            let empty = BTreeMap::new();
            let g = gold.get(&id).unwrap_or(&empty);
            let mut pred: BTreeMap<(usize, usize), &str> = BTreeMap::new();
            for e in &doc.entities {
                let ty = match e.kind.as_str() {
                    "PER" => "PER",
                    "ORG" => "ORG",
                    "LOC" => "LOC",
                    _ => continue,
                };
                pred.insert((char_at[e.span.start], char_at[e.span.end]), ty);
            }
            for (span, tys) in g {
                // A span with several gold types counts once, under its first type in
                // PER < ORG < LOC order... unless the prediction matches one of them.
                let p = pred.get(span);
                let ty = match p {
                    Some(pt) if tys.contains(pt) => *pt,
                    _ => *tys.iter().next().unwrap_or(&"LOC"),
                };
                counts.entry(ty).or_default()[2] += 1;
                span_counts[2] += 1;
                if p.is_some() {
                    span_counts[0] += 1;
                }
            }
            let same_type_overlap =
                |a: &(usize, usize), ta: &str, b: &(usize, usize), tb: &BTreeSet<&str>| {
                    a.0 < b.1 && b.0 < a.1 && tb.contains(ta)
                };
            for (gs, gt) in g {
                overlap[3] += 1;
                if pred
                    .iter()
                    .any(|(ps, pt)| same_type_overlap(ps, pt, gs, gt))
                {
                    overlap[2] += 1;
                }
            }
            for (ps, pt) in &pred {
                overlap[1] += 1;
                if g.iter().any(|(gs, gt)| same_type_overlap(ps, pt, gs, gt)) {
                    overlap[0] += 1;
                }
            }
            for (span, pt) in &pred {
                let c = counts.entry(pt).or_default();
                c[1] += 1;
                span_counts[1] += 1;
                if g.get(span).map(|t| t.contains(pt)).unwrap_or(false) {
                    c[0] += 1;
                }
            }
        }
    }
    let prf = |c: [usize; 3]| dyad_doc::metrics::prf(c[0], c[1], c[0], c[2]);
    let mut total = [0usize; 3];
    for c in counts.values() {
        for k in 0..3 {
            total[k] += c[k];
        }
    }
    let (p, r, f) = prf(total);
    let mut report = format!(
        "re3d named PER/ORG/LOC on {} documents: gold {}, found {}, correct {}\n\
         precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
        n_docs,
        total[2],
        total[1],
        total[0],
        100.0 * p,
        100.0 * r,
        100.0 * f
    );
    let mut metrics = vec![
        ("f1".to_string(), f),
        ("precision".to_string(), p),
        ("recall".to_string(), r),
    ];
    for (ty, c) in &counts {
        let (p, r, f) = prf(*c);
        report.push_str(&format!(
            "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}\n",
            ty,
            100.0 * p,
            100.0 * r,
            100.0 * f,
            c[1]
        ));
        metrics.push((format!("f1_{ty}"), f));
    }
    let (sp, sr, sf) = prf(span_counts);
    report.push_str(&format!(
        "spans only (type ignored): precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
        100.0 * sp,
        100.0 * sr,
        100.0 * sf
    ));
    metrics.push(("span_f1".to_string(), sf));
    let op = if overlap[1] == 0 {
        0.0
    } else {
        overlap[0] as f64 / overlap[1] as f64
    };
    let or = if overlap[3] == 0 {
        0.0
    } else {
        overlap[2] as f64 / overlap[3] as f64
    };
    let of = if op + or == 0.0 {
        0.0
    } else {
        2.0 * op * or / (op + or)
    };
    report.push_str(&format!(
        "overlap (same type, spans overlap): precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
        100.0 * op,
        100.0 * or,
        100.0 * of
    ));
    metrics.push(("overlap_f1".to_string(), of));
    Ok((report, metrics))
}

/// CPU time of the calling thread in seconds (Linux `/proc/thread-self/schedstat`), so speed
/// figures are not distorted by other processes on a busy machine; `None` elsewhere.
pub fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn read(p: &Path) -> Result<String, String> {
    std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn re3d_names_exclude_pronouns_and_common_nouns() {
        assert!(is_named("Philip Hammond"));
        assert!(is_named("President Hollande"));
        assert!(!is_named("I"));
        assert!(!is_named("A spokesman"));
        assert!(!is_named("the army"));
        assert_eq!(re3d_type("Organisation"), Some("ORG"));
        assert_eq!(re3d_type("Weapon"), None);
    }
}
