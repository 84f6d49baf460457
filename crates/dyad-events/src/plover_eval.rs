//! `dyad eval plover`: PLOVER event type, source and target country accuracy on the PLOVER
//! gold-standard records (`PLOVER_GSR_CAMEO.txt`, a JSON array, PLOVER 0.5 labels).
//!
//! The caller supplies the pipeline as a closure (this crate cannot depend on the `dyad` facade,
//! which depends on it). Label mapping and scoring rules are documented in `docs/evaluation.md`.

use dyad_doc::{Doc, Event};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
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

/// The gold file's few non-ISO state codes (CAMEO typos) → ISO 3166-1 alpha-3.
pub fn map_gold_code(c: &str) -> &str {
    match c {
        "JAP" => "JPN",
        "ITL" => "ITA",
        "VTN" => "VNM",
        other => other,
    }
}

fn codes(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.get("code").and_then(Value::as_str))
            .map(|s| map_gold_code(&s.to_uppercase()).to_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// Codes of organisations in Dyad's actor dictionary that are not states (`UN`, `EU`, `AMN`, `ILO`…).
fn org_codes() -> BTreeSet<String> {
    use dyad_actors::dict::{Dictionary, EntryKind};
    let d = Dictionary::embedded();
    let states: BTreeSet<&str> = d
        .entries
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EntryKind::CountryName
                    | EntryKind::CountryAdjective
                    | EntryKind::RegionName
                    | EntryKind::RegionAdjective
            )
        })
        .map(|e| e.code.as_str())
        .collect();
    d.entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Org { .. }) && !states.contains(e.code.as_str()))
        .map(|e| e.code.clone())
        .collect()
}

/// Whether a predicted country matches one gold code. A gold `IGO` or `NGO` (the file's codes for
/// international governmental and non-governmental organisations) matches any organisation code
/// of `orgs` (and any code that is not three capitals, or starts with `IGO`).
fn country_matches(pred: &str, gold: &[String], orgs: &BTreeSet<String>) -> bool {
    gold.iter().any(|g| {
        g == pred
            || ((g == "IGO" || g == "NGO")
                && (pred.starts_with("IGO")
                    || orgs.contains(pred)
                    || !(pred.len() == 3 && pred.chars().all(|c| c.is_ascii_uppercase()))))
    })
}

/// Gold actors marked `SRC/TAR` in the record's markup: a joint action of a compound actor
/// ("X and Y agreed"), which the file lists under `source` only.
fn joint_actors(r: &Value, gs: &[String]) -> bool {
    r.get("textInfo")
        .and_then(|t| t.get("markup"))
        .and_then(Value::as_str)
        .is_some_and(|m| m.contains("SRC/TAR"))
        && gs.len() >= 2
}

/// Depth of an event's trigger (the first token of its evidence) in the dependency tree
/// (0 = the sentence root); `usize::MAX` when the document has no parse.
pub fn depth_of(doc: &Doc, e: &Event) -> usize {
    let toks = doc.tokens_in(e.evidence);
    let Some(mut t) = (toks.start < doc.tokens.len()).then_some(toks.start) else {
        return usize::MAX;
    };
    let mut d = 0;
    while let Some(h) = doc.tokens[t]
        .head
        .filter(|&h| h != t && h < doc.tokens.len())
    {
        d += 1;
        t = h;
        if d > 50 {
            break;
        }
    }
    d
}

/// The predicted event of a record: among the events with a PLOVER type, the one of the main
/// clause (its trigger highest in the dependency tree; text order breaks ties), else the first
/// event.
pub fn pick<'a>(doc: &Doc, events: &'a [Event]) -> Option<&'a Event> {
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.plover.is_some())
        .min_by_key(|(i, e)| (depth_of(doc, e), *i))
        .map(|(_, e)| e)
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
    let orgs = org_codes();
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
        let e = pick(&doc, &doc.events);
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
        let ok_s = ps
            .as_deref()
            .is_some_and(|c| country_matches(c, &gs, &orgs));
        let ok_g = if gt.is_empty() {
            // A joint action is coded by Dyad as reciprocal events (X→Y, Y→X): a target that is
            // another member of the gold `SRC/TAR` compound is right.
            ptg.is_none()
                || (joint_actors(r, &gs)
                    && ptg.as_deref().is_some_and(|c| {
                        ps.as_deref() != Some(c) && country_matches(c, &gs, &orgs)
                    }))
        } else {
            ptg.as_deref()
                .is_some_and(|c| country_matches(c, &gt, &orgs))
        };
        let verbose = std::env::var("DYAD_EVAL_VERBOSE").ok();
        let all_events = verbose.as_deref() == Some("all");
        if verbose.is_some() && (all_events || !(ok_t && ok_s && ok_g)) {
            let c = |a: Option<&dyad_doc::EventActor>| {
                a.and_then(|a| a.country.clone()).unwrap_or_default()
            };
            let mark = if ok_t && ok_s && ok_g { "ok" } else { "ERR" };
            eprintln!(
                "{id} {mark}: {sentence}\n  gold {gold} {gs:?} -> {gt:?}\n  got  {pt} {} {} -> {} [{}]",
                e.map(|e| e.cameo.as_str()).unwrap_or("-"),
                c(e.and_then(|e| e.source.as_ref())),
                c(e.and_then(|e| e.target.as_ref())),
                e.map(|e| doc.slice(e.evidence)).unwrap_or("")
            );
            if all_events {
                // `DYAD_EVAL_VERBOSE=all`: every record, with all its events.
                for x in &doc.events {
                    eprintln!(
                        "    - {} {} {} -> {} {}{} [{}]",
                        x.cameo,
                        x.plover.as_ref().map_or("", |p| p.kind.as_str()),
                        c(x.source.as_ref()),
                        c(x.target.as_ref()),
                        x.modality,
                        if x.negated { " neg" } else { "" },
                        doc.slice(x.evidence)
                    );
                }
            }
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
        let orgs = org_codes();
        assert!(country_matches("EU", &["IGO".to_string()], &orgs));
        assert!(country_matches("AMN", &["NGO".to_string()], &orgs));
        assert!(!country_matches("FRA", &["IGO".to_string()], &orgs));
        assert!(!country_matches("EUR", &["IGO".to_string()], &orgs));
        assert!(country_matches(
            "FRA",
            &["USA".to_string(), "FRA".to_string()],
            &orgs
        ));
        assert_eq!(map_gold_code("JAP"), "JPN");
    }
}
