//! `dyad eval plover`: PLOVER event type, source and target country accuracy on the PLOVER
//! gold-standard records (`PLOVER_GSR_CAMEO.txt`, a JSON array, PLOVER 0.5 labels).
//!
//! The caller supplies the pipeline as a closure (this crate cannot depend on the `dyad` facade,
//! which depends on it). Label mapping and scoring rules are documented in `docs/evaluation.md`.

use dyad_doc::{Doc, Event};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// PLOVER 0.5 labels of the gold file → the current (2021) types Dyad emits.
pub fn map_gold_label(l: &str) -> &str {
    match l {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        // The 2021 CAMEO→PLOVER table maps CAMEO 09 INVESTIGATE to ACCUSE (mode `investigate`).
        "INVESTIGATE" => "ACCUSE",
        other => other,
    }
}

fn codes(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.get("code").and_then(Value::as_str))
            .map(|s| s.to_uppercase())
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether a predicted country matches one gold code (`IGO` matches any international organisation).
fn country_matches(pred: &str, gold: &[String]) -> bool {
    gold.iter().any(|g| {
        g == pred
            || (g == "IGO"
                && (pred.starts_with("IGO")
                    || !(pred.len() == 3 && pred.chars().all(|c| c.is_ascii_uppercase()))))
    })
}

/// The predicted event of a record: the first event with a PLOVER type, else the first event.
pub fn pick(events: &[Event]) -> Option<&Event> {
    events
        .iter()
        .find(|e| e.plover.is_some())
        .or_else(|| events.first())
}

/// Run the evaluation. `run` annotates a document with the full pipeline.
pub fn run(
    path: &Path,
    run: &dyn Fn(&mut Doc) -> Result<(), String>,
) -> Result<(String, Vec<(String, f64)>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let recs: Vec<Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let (mut n, mut ty, mut so, mut ta, mut all) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut per_type: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut errors = 0usize;
    for r in &recs {
        let Some(label) = r.get("event").and_then(Value::as_str) else {
            continue;
        };
        if label == "DOCUMENT" {
            continue;
        }
        let Some(sentence) = r.get("text").and_then(Value::as_str) else {
            continue;
        };
        let id = r.get("id").and_then(Value::as_str).unwrap_or("?");
        let mut doc = Doc::new(id, sentence);
        doc.date = chrono::NaiveDate::from_ymd_opt(2000, 1, 1);
        if run(&mut doc).is_err() {
            errors += 1;
        }
        n += 1;
        let gold = map_gold_label(label);
        let gs = codes(r.get("source"));
        let gt = codes(r.get("target"));
        let e = pick(&doc.events);
        let pt = e
            .and_then(|e| e.plover.as_ref())
            .map(|p| p.kind.as_str())
            .unwrap_or("");
        let ps = e
            .and_then(|e| e.source.as_ref())
            .and_then(|a| a.country.clone());
        let ptg = e
            .and_then(|e| e.target.as_ref())
            .and_then(|a| a.country.clone());
        let ok_t = pt == gold;
        let ok_s = ps.as_deref().is_some_and(|c| country_matches(c, &gs));
        let ok_g = if gt.is_empty() {
            ptg.is_none()
        } else {
            ptg.as_deref().is_some_and(|c| country_matches(c, &gt))
        };
        if std::env::var_os("DYAD_EVAL_VERBOSE").is_some() && !(ok_t && ok_s && ok_g) {
            let c = |a: Option<&dyad_doc::EventActor>| {
                a.and_then(|a| a.country.clone()).unwrap_or_default()
            };
            eprintln!(
                "{id}: {sentence}\n  gold {gold} {gs:?} -> {gt:?}\n  got  {pt} {} {} -> {} [{}]",
                e.map(|e| e.cameo.as_str()).unwrap_or("-"),
                c(e.and_then(|e| e.source.as_ref())),
                c(e.and_then(|e| e.target.as_ref())),
                e.map(|e| doc.slice(e.evidence)).unwrap_or("")
            );
        }
        ty += ok_t as usize;
        so += ok_s as usize;
        ta += ok_g as usize;
        all += (ok_t && ok_s && ok_g) as usize;
        let pe = per_type.entry(gold.to_string()).or_default();
        pe.0 += 1;
        pe.1 += ok_t as usize;
    }
    let f = |k: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    let mut report = format!("PLOVER GSR: {n} records ({errors} pipeline errors)\n");
    report += &format!("  type_accuracy   {:.4} ({ty}/{n})\n", f(ty));
    report += &format!("  source_accuracy {:.4} ({so}/{n})\n", f(so));
    report += &format!("  target_accuracy {:.4} ({ta}/{n})\n", f(ta));
    report += &format!("  all_three       {:.4} ({all}/{n})\n", f(all));
    report += "  per gold type (type correct / records):\n";
    for (k, (c, ok)) in &per_type {
        report += &format!("    {k:<10} {ok}/{c}\n");
    }
    Ok((
        report,
        vec![
            ("type_accuracy".into(), f(ty)),
            ("source_accuracy".into(), f(so)),
            ("target_accuracy".into(), f(ta)),
            ("all_three".into(), f(all)),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_countries_map() {
        assert_eq!(map_gold_label("DEMAND"), "REQUEST");
        assert_eq!(map_gold_label("FIGHT"), "ASSAULT");
        assert!(country_matches("EU", &["IGO".to_string()]));
        assert!(!country_matches("FRA", &["IGO".to_string()]));
        assert!(country_matches(
            "FRA",
            &["USA".to_string(), "FRA".to_string()]
        ));
    }
}
