//! `dyad eval petrarch`: PETRARCH's unit-test records (`PETR.UnitTest.records.xml`) coded from their
//! text with Dyad's segmenter and parser (the caller's closure), PETRARCH's own dictionaries
//! (`PETR.Validate.*` beside the records) and Dyad's coder, scored like PETRARCH's validator:
//! a record passes when its predicted (source, target, code) triples equal the expected ones.

use crate::coder::{Coder, CoderOptions};
use crate::dict::EventDict;
use crate::mentions::{normalise, Mention};
use crate::ontology::Ontology;
use chrono::NaiveDate;
use dyad_actors::petrarch::{load_actors, load_agents, PetrActors, PetrAgents};
use dyad_doc::{Actor, Doc, Event};
use regex::Regex;
use std::collections::BTreeSet;
use std::path::Path;

/// One validation record.
#[derive(Debug, Clone)]
pub struct Record {
    /// Record id.
    pub id: String,
    /// Record date.
    pub date: Option<NaiveDate>,
    /// Sentence text.
    pub text: String,
    /// Expected (source, target, code) triples; empty = no events expected.
    pub expected: BTreeSet<(String, String, String)>,
}

/// Read the records; records expecting a reader error (`dateline`, `bad_input_parse`) are skipped.
pub fn read_records(xml: &str) -> Vec<Record> {
    let sent = Regex::new(r"(?s)<Sentence\s([^>]*)>(.*?)</Sentence>").expect("valid regex");
    let attr = |a: &str, k: &str| {
        Regex::new(&format!(r#"{k}\s*=\s*"([^"]*)""#))
            .ok()
            .and_then(|r| r.captures(a).map(|c| c[1].to_string()))
    };
    let coding = Regex::new(r"<EventCoding\s([^>]*)>").expect("valid regex");
    let text_re = Regex::new(r"(?s)<Text>(.*?)</Text>").expect("valid regex");
    let mut out = Vec::new();
    for c in sent.captures_iter(xml) {
        let (a, body) = (&c[1], &c[2]);
        let Some(t) = text_re.captures(body) else {
            continue;
        };
        let mut expected = BTreeSet::new();
        let mut skip = false;
        for e in coding.captures_iter(body) {
            let e = &e[1];
            if let Some(err) = attr(e, "error") {
                skip |= matches!(err.as_str(), "dateline" | "bad_input_parse");
                continue;
            }
            let get = |k: &str| {
                Regex::new(&format!(r#"{k}\s*=\s*(?:"([^"]*)"|'([^']*)')"#))
                    .ok()
                    .and_then(|r| {
                        r.captures(e).map(|c| {
                            c.get(1)
                                .or(c.get(2))
                                .map_or(String::new(), |m| m.as_str().to_string())
                        })
                    })
            };
            if let (Some(s), Some(t), Some(ev)) =
                (get("sourcecode"), get("targetcode"), get("eventcode"))
            {
                expected.insert((s, t, ev));
            }
        }
        if skip {
            continue;
        }
        let text = t[1]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace("&amp;", "&");
        out.push(Record {
            id: attr(a, "id").unwrap_or_default(),
            date: attr(a, "date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y%m%d").ok()),
            text,
            expected,
        });
    }
    out
}

/// Actor mentions by longest match of PETRARCH actor phrases over the tokens, with agents attached
/// after the actor ("Arnor cleric", "Gondor's government") or before it ("the government of Gondor"),
/// and bare agents as `---AGENT`.
pub fn petrarch_mentions(doc: &Doc, actors: &PetrActors, agents: &PetrAgents) -> Vec<Mention> {
    let words: Vec<String> = doc
        .tokens
        .iter()
        .map(|t| doc.text[t.span.start..t.span.end].to_string())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let sent_end = doc
            .sentence_of_token(i)
            .map_or(words.len(), |s| doc.sentences[s].tokens.end);
        if let Some(m) = actors.longest_match(&words[i..sent_end], doc.date) {
            let Some(code0) = m.codes.first() else {
                i += 1;
                continue;
            };
            let mut code = code0.clone();
            let (mut a, mut b) = (i, i + m.len);
            // Agent after: "Arnor cleric", "Gondor 's government".
            let mut j = b;
            if j < sent_end && (words[j] == "'s" || words[j] == "’s") {
                j += 1;
            }
            if let Some(ag) = agents.longest_match(&words[j.min(sent_end)..sent_end]) {
                if let Some(c) = ag.codes.first() {
                    code = c.apply(&code);
                    b = j + ag.len;
                }
            } else if a >= 2 && matches!(words[a - 1].to_lowercase().as_str(), "of" | "in" | "from")
            {
                // Agent before: "the government of Gondor".
                for k in (a.saturating_sub(4)..a - 1).rev() {
                    if let Some(ag) = agents.longest_match(&words[k..a - 1]) {
                        if k + ag.len == a - 1 {
                            if let Some(c) = ag.codes.first() {
                                code = c.apply(&code);
                                a = k;
                            }
                            break;
                        }
                    }
                }
            }
            out.push(mention(doc, a..b, &code, &m.actor.name()));
            i = b;
            continue;
        }
        if let Some(ag) = agents.longest_match(&words[i..sent_end]) {
            let end = i + ag.len;
            // Skip an agent immediately followed by "of/in <actor>": handled above.
            let followed = end + 1 < sent_end
                && matches!(words[end].to_lowercase().as_str(), "of" | "in" | "from")
                && actors
                    .longest_match(&words[end + 1..sent_end], doc.date)
                    .is_some();
            if !followed {
                if let Some(c) = ag.codes.first() {
                    out.push(mention(
                        doc,
                        i..end,
                        &c.apply("---"),
                        &words[i..end].join(" "),
                    ));
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    normalise(out)
}

fn mention(doc: &Doc, r: std::ops::Range<usize>, code: &str, name: &str) -> Mention {
    let span = doc.span_of_tokens(r.clone());
    Mention {
        tokens: r,
        span,
        actor: Actor {
            name: Some(name.to_string()),
            code: code.to_string(),
            country: Some(code.chars().take(3).collect()),
            sector: None,
        },
    }
}

fn triples(events: &[Event]) -> BTreeSet<(String, String, String)> {
    let code = |a: &Option<dyad_doc::EventActor>| {
        a.as_ref()
            .and_then(|a| a.code.clone())
            .unwrap_or_else(|| "---".into())
    };
    events
        .iter()
        .map(|e| (code(&e.source), code(&e.target), e.cameo.clone()))
        .collect()
}

/// Run the evaluation; `prep` segments and parses a document (other layers are ignored).
pub fn run(
    path: &Path,
    prep: &dyn Fn(&mut Doc) -> Result<(), String>,
) -> Result<(String, Vec<(String, f64)>), String> {
    let xml = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let xml = String::from_utf8_lossy(&xml);
    let dir = path.parent().unwrap_or(Path::new("."));
    let actors = load_actors(dir.join("PETR.Validate.actors.txt")).map_err(|e| e.to_string())?;
    let agents = load_agents(dir.join("PETR.Validate.agents.txt")).map_err(|e| e.to_string())?;
    let (dict, warns) =
        super::load_verbs(&dir.join("PETR.Validate.verbs.txt")).map_err(|e| e.to_string())?;
    let discards: Vec<String> = std::fs::read_to_string(dir.join("PETR.Validate.discards.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('<'))
        .map(|l| {
            l.trim_start_matches('+')
                .split('[')
                .next()
                .unwrap_or("")
                .replace('_', " ")
                .trim()
                .to_lowercase()
        })
        .filter(|l| !l.is_empty())
        .collect();
    let coder = petrarch_coder(dict);
    let recs = read_records(&xml);
    let (mut pass, mut tp, mut np, mut ng) = (0usize, 0usize, 0usize, 0usize);
    let mut failed = Vec::new();
    for r in &recs {
        let mut doc = Doc::new(&r.id, &r.text);
        doc.date = r.date.or(NaiveDate::from_ymd_opt(2000, 1, 1));
        let _ = prep(&mut doc);
        doc.entities.clear();
        doc.clusters.clear();
        doc.quotes.clear();
        doc.events.clear();
        let low = r.text.to_lowercase();
        let pred = if discards.iter().any(|d| contains_words(&low, d)) {
            BTreeSet::new()
        } else {
            let m = petrarch_mentions(&doc, &actors, &agents);
            triples(&coder.code(&doc, &m))
        };
        let hit = pred.intersection(&r.expected).count();
        tp += hit;
        np += pred.len();
        ng += r.expected.len();
        if pred == r.expected {
            pass += 1;
        } else {
            failed.push(r.id.clone());
            if std::env::var_os("DYAD_EVAL_VERBOSE").is_some() {
                eprintln!(
                    "{}: {}\n  expected {:?}\n  got      {:?}",
                    r.id, r.text, r.expected, pred
                );
            }
        }
    }
    let n = recs.len().max(1) as f64;
    let p = if np == 0 { 0.0 } else { tp as f64 / np as f64 };
    let rc = if ng == 0 { 0.0 } else { tp as f64 / ng as f64 };
    let f1 = if p + rc == 0.0 {
        0.0
    } else {
        2.0 * p * rc / (p + rc)
    };
    let mut text = format!(
        "PETRARCH unit-test records: {} records ({} verb-dictionary warnings)\n",
        recs.len(),
        warns.len()
    );
    text += &format!(
        "  pass_rate  {:.4} ({pass}/{})\n",
        pass as f64 / n,
        recs.len()
    );
    text += &format!("  triple precision {p:.4}  recall {rc:.4}  f1 {f1:.4} (tp {tp}, predicted {np}, expected {ng})\n");
    text += &format!("  failed: {}\n", failed.join(" "));
    Ok((
        text,
        vec![
            ("pass_rate".into(), pass as f64 / n),
            ("precision".into(), p),
            ("recall".into(), rc),
            ("f1".into(), f1),
        ],
    ))
}

fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[i + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

/// A coder with PETRARCH verb patterns and Dyad's governors (no code composition, no 010 fallback).
pub fn petrarch_coder(mut dict: EventDict) -> Coder {
    let onto = Ontology::embedded();
    let base = EventDict::embedded(&onto);
    dict.governors = base.governors.clone();
    dict.governors
        .retain(|_, g| matches!(g, crate::dict::Governor::Hypothetical));
    dict.say_verbs = base.say_verbs;
    Coder {
        onto,
        dict,
        opts: CoderOptions {
            statement_fallback: false,
            ..CoderOptions::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_with_codings_and_noevents() {
        let xml = r#"<Sentences><Sentence date="19950101" id="X-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor restored ties with
Gondor.
</Text></Sentence>
<Sentence date="19950101" id="X-2"><EventCoding noevents="True"></EventCoding><Text>Nothing.</Text></Sentence>
<Sentence date="19950101" id="X-3"><EventCoding error="dateline"></EventCoding><Text>A.</Text></Sentence></Sentences>"#;
        let r = read_records(xml);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].text, "Arnor restored ties with Gondor.");
        assert!(r[0]
            .expected
            .contains(&("ARN".into(), "GON".into(), "064".into())));
        assert!(r[1].expected.is_empty());
    }
}
