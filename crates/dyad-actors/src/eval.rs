//! `dyad eval actors FILE`: actor coding scored on the PLOVER gold-standard records
//! (`plover-gsr/PLOVER_GSR_CAMEO.txt`, read in place).
//!
//! Every gold source and target actor (`actorText`, `code`, optional `sector`) is looked up in the
//! annotated sentence at the first occurrence of `actorText`: the prediction is the entity holding
//! the phrase's syntactic head (by the parse: "Rebels in the Ivory Coast" → "Rebels"), else the last
//! entity with an actor that starts inside that span, else the first one overlapping it. Reported: `found` (an entity with an actor overlaps the gold text), `country` (its
//! country equals the gold code), `sector` (over gold actors that have a sector: equal sectors).
//! Gold codes are CAMEO's, which differ from ISO for a few states; they are compared as written,
//! except that CAMEO's `IGO` matches any international organisation's code of Dyad's dictionary
//! (`UN`, `NATO`, `EU`), the file's three non-ISO state codes are read as ISO (`JAP`→`JPN`,
//! `ITL`→`ITA`, `VTN`→`VNM`; as in `dyad eval plover`), and a gold sector `***` (left open by the
//! annotators) is not scored.

use dyad_doc::{Doc, Span};
use std::path::Path;

/// Runs the evaluation; `annotate` is the pipeline (segmentation, NER, actors).
pub fn run(
    path: &Path,
    annotate: &dyn Fn(&mut Doc) -> Result<(), String>,
) -> Result<(String, Vec<(String, f64)>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let records: Vec<serde_json::Value> = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a JSON array: {e}", path.display()))?;
    let dict = crate::dict::Dictionary::embedded();
    let (mut total, mut found, mut country, mut with_sector, mut sector) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    for r in &records {
        let Some(sentence) = r.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let mut doc = Doc::new(
            r.get("id").and_then(|v| v.as_str()).unwrap_or("?"),
            sentence,
        );
        doc.date = r
            .get("date")
            .and_then(|d| d.as_str())
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        annotate(&mut doc)?;
        for role in ["source", "target"] {
            let Some(list) = r.get(role).and_then(|v| v.as_array()) else {
                continue;
            };
            for g in list {
                let (Some(at), Some(code)) = (
                    g.get("actorText").and_then(|v| v.as_str()),
                    g.get("code").and_then(|v| v.as_str()),
                ) else {
                    continue;
                };
                let Some(pos) = sentence.find(at) else {
                    continue;
                };
                total += 1;
                let span = Span::new(pos, pos + at.len());
                // The phrase's head: the last entity with an actor that starts inside the gold span
                // ("Dutch Finance Minister Jan Smit" → the entity "Jan Smit"), else any overlap.
                let with_actor = || doc.entities.iter().filter(|e| e.actor.is_some());
                // First the entity holding the phrase's syntactic head ("Rebels in the Ivory
                // Coast" → "Rebels"), when the sentence is parsed.
                let head = phrase_head(&doc, span);
                let best = head
                    .and_then(|h| with_actor().find(|e| e.span.contains(h)))
                    .or_else(|| {
                        with_actor()
                            .rev()
                            .find(|e| span.start <= e.span.start && e.span.start < span.end)
                    })
                    .or_else(|| with_actor().find(|e| e.span.overlaps(span)));
                // `***` marks a sector the annotators left open: nothing to score against.
                let gold_sector = g
                    .get("sector")
                    .and_then(|v| v.as_str())
                    .filter(|s| !s.is_empty() && !s.starts_with("***"));
                if gold_sector.is_some() {
                    with_sector += 1;
                }
                let Some(a) = best.and_then(|e| e.actor.as_ref()) else {
                    misses.push(format!("{role} `{at}` {code}: not found"));
                    continue;
                };
                found += 1;
                // The file's three non-ISO state codes, read as ISO (as `dyad eval plover` does).
                let code = match code {
                    "JAP" => "JPN",
                    "ITL" => "ITA",
                    "VTN" => "VNM",
                    c => c,
                };
                if a.country.as_deref() == Some(code)
                    || (code == "IGO" && a.country.as_deref().is_some_and(|c| is_igo(&dict, c)))
                {
                    country += 1;
                } else {
                    misses.push(format!("{role} `{at}` {code}: got {}", a.code));
                }
                if let Some(s) = gold_sector {
                    if a.sector.as_deref() == Some(s) {
                        sector += 1;
                    } else if std::env::var_os("DYAD_EVAL_VERBOSE").is_some() {
                        eprintln!("sector miss: {role} `{at}` {code}{s}: got {}", a.code);
                    }
                }
            }
        }
    }
    let frac = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let metrics = vec![
        ("found".to_string(), frac(found, total)),
        ("country".to_string(), frac(country, total)),
        ("sector".to_string(), frac(sector, with_sector)),
    ];
    let mut report = format!(
        "actors on {}: {total} gold actors; found {found} ({:.3}); country right {country} ({:.3}); \
         sector right {sector} of {with_sector} with a gold sector ({:.3})\n",
        path.display(),
        metrics[0].1,
        metrics[1].1,
        metrics[2].1
    );
    let shown = if std::env::var_os("DYAD_EVAL_VERBOSE").is_some() {
        misses.len()
    } else {
        15
    };
    for m in misses.iter().take(shown) {
        report.push_str(&format!("  miss: {m}\n"));
    }
    Ok((report, metrics))
}

/// The span of the syntactic head of the tokens inside `span`: the one token whose head lies
/// outside it (None without a parse, or when several do).
fn phrase_head(doc: &Doc, span: Span) -> Option<Span> {
    let inside: Vec<usize> = (0..doc.tokens.len())
        .filter(|&t| span.contains(doc.tokens[t].span))
        .collect();
    if inside.iter().any(|&t| doc.tokens[t].deprel.is_empty()) {
        return None;
    }
    let mut heads = inside
        .iter()
        .filter(|&&t| doc.tokens[t].head.is_none_or(|h| !inside.contains(&h)));
    // A phrase the parse splits (two tokens attached outside it) has no single head.
    match (heads.next(), heads.next()) {
        (Some(&t), None) => Some(doc.tokens[t].span),
        _ => None,
    }
}

/// Whether `code` is an international organisation's code in Dyad's dictionary ("UN", "NATO",
/// "EU"): CAMEO codes every such body `IGO`.
fn is_igo(dict: &crate::dict::Dictionary, code: &str) -> bool {
    use crate::dict::EntryKind;
    let org = dict
        .entries
        .iter()
        .any(|e| e.code == code && matches!(e.kind, EntryKind::Org { .. }));
    let state = dict.entries.iter().any(|e| {
        e.code == code
            && matches!(
                e.kind,
                EntryKind::CountryName | EntryKind::RegionName | EntryKind::RegionAdjective
            )
    });
    org && !state
}
