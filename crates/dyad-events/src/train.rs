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
    let codes = doc
        .events
        .iter()
        .filter(|e| e.by == "pattern")
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

/// Examples from a PLV file (each with its data row, for folds).
pub fn plv_examples(path: &Path, run: Run, coder: &Coder) -> Result<Vec<Example>, String> {
    let gold = plv_eval::read(path)?;
    let mut out = Vec::new();
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
