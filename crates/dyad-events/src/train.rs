//! Training the event classifier (`dyad train events`): examples from PLV sentences (the trigger
//! the marked source points at, the gold root), the PLOVER gold-standard records and the PETRARCH
//! validation records (the main-clause trigger, the gold type), each document run through the
//! caller's pipeline; then a [`Classifier`] whose classes are PLV roots (`YIELD` for PLOVER's
//! `RETREAT` and `CONCEDE`, and [`NONE`] for the other candidate verbs of each sentence) and whose
//! CAMEO code per class is the code the dictionary most often
//! gives events of that type in the training sentences.

use crate::classifier::{Classifier, TrainOptions};
use crate::plv_eval::plv_root;
use crate::{plover_eval, plv_eval, Coder, Ontology};
use dyad_doc::{Doc, Span};
use std::collections::BTreeMap;
use std::path::Path;

/// One training example.
#[derive(Debug, Clone)]
pub struct Example {
    /// Trigger features.
    pub features: Vec<String>,
    /// Gold class (a PLV root).
    pub label: String,
    /// PLV data row (for folds), `None` for the other sets.
    pub row: Option<usize>,
    /// Three-digit CAMEO codes of events of the gold type in the document (pattern events, or the
    /// gold codes of PETRARCH records).
    pub codes: Vec<String>,
}

/// The pipeline as the caller runs it.
pub type Run<'a> = &'a dyn Fn(&mut Doc) -> Result<(), String>;

/// The class of verbs that are not the coded event.
pub const NONE: &str = "NONE";

/// The examples of one parsed document: the trigger the marked source points at (`source`, else
/// the root) with the gold `label`, and the document's other candidate verbs as [`NONE`].
pub fn examples_of(
    coder: &Coder,
    doc: &Doc,
    source: Option<Span>,
    label: &str,
    row: Option<usize>,
) -> Vec<Example> {
    let Some((features, others)) = coder.examples(doc, source) else {
        return Vec::new();
    };
    // The codes the patterns alone give (not the committed re-ranker's: training must not depend
    // on the models it makes).
    let codes = coder
        .pattern_events(doc, &crate::mentions::from_doc(doc))
        .into_iter()
        .map(|(e, _)| e)
        .filter(|e| {
            e.plover
                .as_ref()
                .is_some_and(|p| plv_root(&p.kind) == label)
        })
        .filter_map(|e| e.cameo.get(..3).map(String::from))
        .collect();
    let mut out = vec![Example {
        features,
        label: label.to_string(),
        row,
        codes,
    }];
    out.extend(others.into_iter().map(|features| Example {
        features,
        label: NONE.to_string(),
        row,
        codes: Vec::new(),
    }));
    out
}

/// Examples from a PLV file (each with its data row, for folds): the classifier's and the
/// re-ranker's.
pub fn plv_examples(
    path: &Path,
    run: Run,
    coder: &Coder,
) -> Result<(Vec<Example>, Vec<Example>), String> {
    let gold = plv_eval::read(path)?;
    let (mut out, mut rr) = (Vec::new(), Vec::new());
    for g in &gold {
        let mut doc = Doc::new(g.id.clone(), g.text.clone());
        if run(&mut doc).is_ok() {
            out.extend(examples_of(
                coder,
                &doc,
                g.sources.first().copied(),
                &g.root,
                Some(g.row),
            ));
            rr.extend(plv_rerank_example(coder, &doc, g));
        }
    }
    Ok((out, rr))
}

/// The re-ranker's example of a PLV sentence: the pattern event the marking points at (as the
/// `plv` scorer selects it, among the events the patterns alone code), its features, the gold
/// root as the label.
pub fn plv_rerank_example(coder: &Coder, doc: &Doc, g: &plv_eval::Gold) -> Option<Example> {
    let cands = coder.pattern_events(doc, &crate::mentions::from_doc(doc));
    let events: Vec<dyad_doc::Event> = cands.iter().map(|(e, _)| e.clone()).collect();
    let e = plv_eval::select(doc, g, &events)?;
    let i = events.iter().position(|x| std::ptr::eq(x, e))?;
    rerank_example(&cands[i].1, &g.root, Some(g.row))
}

/// A re-ranker example from a candidate's features (none: an unparsed sentence, no example).
fn rerank_example(features: &[String], label: &str, row: Option<usize>) -> Option<Example> {
    (!features.is_empty()).then(|| Example {
        features: features.to_vec(),
        label: label.to_string(),
        row,
        codes: Vec::new(),
    })
}

/// The re-ranker's examples of the PETRARCH validation records with expected events: the
/// main-clause pattern event of each, labelled with the type of the lowest expected code.
pub fn petrarch_rerank_examples(
    path: &Path,
    run: Run,
    coder: &Coder,
) -> Result<Vec<Example>, String> {
    let xml = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for r in crate::petrarch::eval::read_records(&xml) {
        let Some((_, _, code)) = r.expected.iter().next() else {
            continue;
        };
        let kind = coder.type_of_code(code);
        if kind == "-" {
            continue;
        }
        let mut doc = Doc::new(r.id.clone(), r.text.clone());
        doc.date = r.date;
        if run(&mut doc).is_err() {
            continue;
        }
        let cands = coder.pattern_events(&doc, &crate::mentions::from_doc(&doc));
        let events: Vec<dyad_doc::Event> = cands.iter().map(|(e, _)| e.clone()).collect();
        let Some(e) = plover_eval::pick(&doc, &events).filter(|e| e.plover.is_some()) else {
            continue;
        };
        if let Some(i) = events.iter().position(|x| std::ptr::eq(x, e)) {
            out.extend(rerank_example(&cands[i].1, kind, None));
        }
    }
    Ok(out)
}

/// Examples from the PLOVER gold-standard records (JSON array; the `DOCUMENT` record skipped).
pub fn gsr_examples(path: &Path, run: Run, coder: &Coder) -> Result<Vec<Example>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let recs: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for r in &recs {
        let (Some(label), Some(sentence)) = (
            r.get("event").and_then(|v| v.as_str()),
            r.get("text").and_then(|v| v.as_str()),
        ) else {
            continue;
        };
        if label == "DOCUMENT" {
            continue;
        }
        let mut doc = Doc::new("gsr", sentence);
        doc.date = chrono::NaiveDate::from_ymd_opt(2000, 1, 1);
        if run(&mut doc).is_err() {
            continue;
        }
        let label = plv_root(plover_eval::map_gold_label(label));
        out.extend(examples_of(coder, &doc, None, label, None));
    }
    Ok(out)
}

/// Examples from the PETRARCH validation records with expected events (the lowest gold code's
/// type; records expecting none are skipped).
pub fn petrarch_examples(path: &Path, run: Run, coder: &Coder) -> Result<Vec<Example>, String> {
    let xml = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for r in crate::petrarch::eval::read_records(&xml) {
        let Some((_, _, code)) = r.expected.iter().next() else {
            continue;
        };
        let Some(kind) = coder
            .onto
            .get(code)
            .and_then(|c| c.plover.as_ref())
            .map(|p| plv_root(&p.kind).to_string())
        else {
            continue;
        };
        let mut doc = Doc::new(r.id.clone(), r.text.clone());
        doc.date = r.date;
        if run(&mut doc).is_err() {
            continue;
        }
        let mut v = examples_of(coder, &doc, None, &kind, None);
        if let Some(ex) = v.first_mut() {
            ex.codes = code.get(..3).map(String::from).into_iter().collect();
        }
        out.extend(v);
    }
    Ok(out)
}

/// The CAMEO code of each class: the generic code (`XX0`) of the CAMEO root most frequent among the
/// examples' events of that type (ties: the lower root), when it has that type, else the root's most
/// frequent code; with no events, the lowest three-digit code of that type in the ontology. (The
/// classifier knows the type, not the specific act.)
pub fn label_codes(examples: &[&Example], onto: &Ontology) -> BTreeMap<String, String> {
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for e in examples {
        let c = counts.entry(e.label.as_str()).or_default();
        for code in &e.codes {
            *c.entry(code.as_str()).or_default() += 1;
        }
    }
    let of_type = |code: &str, label: &str| {
        onto.get(code)
            .and_then(|x| x.plover.as_ref())
            .is_some_and(|p| plv_root(&p.kind) == label)
    };
    let mut out = BTreeMap::new();
    for (label, c) in counts {
        let mut roots: BTreeMap<&str, usize> = BTreeMap::new();
        for (code, n) in &c {
            *roots.entry(&code[..2]).or_default() += n;
        }
        let top = |m: &BTreeMap<&str, usize>| {
            m.iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(k, _)| k.to_string())
        };
        let best = top(&roots)
            .map(|r| {
                let generic = format!("{r}0");
                if of_type(&generic, label) {
                    generic
                } else {
                    let in_root: BTreeMap<&str, usize> = c
                        .iter()
                        .filter(|(k, _)| k.starts_with(&r))
                        .map(|(k, v)| (*k, *v))
                        .collect();
                    top(&in_root).unwrap_or(generic)
                }
            })
            .or_else(|| {
                onto.codes()
                    .filter(|x| x.code.len() == 3 && of_type(&x.code, label))
                    .map(|x| x.code.clone())
                    .min()
            });
        if let Some(b) = best {
            out.insert(label.to_string(), b);
        }
    }
    out
}

/// The re-ranker's class codes: the generic code of each type (as [`label_codes`] gives it with
/// no events: the lowest three-digit code of that type in the ontology), or the code of the class
/// in `classifier` when it has one (the event classifier's codes come from the training events).
pub fn rerank_codes(
    examples: &[&Example],
    onto: &Ontology,
    classifier: Option<&Classifier>,
) -> BTreeMap<String, String> {
    let bare: Vec<Example> = examples
        .iter()
        .map(|e| Example {
            features: Vec::new(),
            label: e.label.clone(),
            row: None,
            codes: Vec::new(),
        })
        .collect();
    let refs: Vec<&Example> = bare.iter().collect();
    let mut codes = label_codes(&refs, onto);
    if let Some(c) = classifier {
        for (l, code) in c.labels.iter().zip(&c.codes) {
            if let Some(x) = codes.get_mut(l) {
                if !code.is_empty() {
                    *x = code.clone();
                }
            }
        }
    }
    codes
}

/// The re-ranker's training settings (the classifier's defaults).
pub fn rerank_options() -> TrainOptions {
    TrainOptions::default()
}

/// Train the re-ranker on `examples` (class codes from [`rerank_codes`]).
pub fn train_reranker(
    examples: &[&Example],
    onto: &Ontology,
    classifier: Option<&Classifier>,
    opts: &TrainOptions,
) -> Classifier {
    let data: Vec<(Vec<String>, String)> = examples
        .iter()
        .map(|e| (e.features.clone(), e.label.clone()))
        .collect();
    Classifier::train(&data, &rerank_codes(examples, onto, classifier), opts)
}

/// Train the classifier on `examples`.
pub fn train(examples: &[&Example], onto: &Ontology, opts: &TrainOptions) -> Classifier {
    let data: Vec<(Vec<String>, String)> = examples
        .iter()
        .map(|e| (e.features.clone(), e.label.clone()))
        .collect();
    Classifier::train(&data, &label_codes(examples, onto), opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(label: &str, codes: &[&str]) -> Example {
        Example {
            features: vec![format!("l={label}")],
            label: label.into(),
            row: None,
            codes: codes.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn class_codes_come_from_the_events_else_the_ontology() {
        let onto = Ontology::embedded();
        let a = ex("ACCUSE", &["090", "090", "111", "112", "114"]);
        let b = ex("CONSULT", &[]);
        let y = ex("YIELD", &[]);
        let codes = label_codes(&[&a, &b, &y], &onto);
        // Root 11 outweighs 09: its generic code.
        assert_eq!(codes["ACCUSE"], "110");
        assert_eq!(codes["CONSULT"], "040");
        // YIELD stands for CONCEDE and RETREAT: the lowest such code.
        assert_eq!(codes["YIELD"], "080");
        let m = train(
            &[&a, &b, &y],
            &onto,
            &TrainOptions {
                min_count: 1,
                ..Default::default()
            },
        );
        assert_eq!(m.codes, vec!["110", "040", "080"]);
    }
}
