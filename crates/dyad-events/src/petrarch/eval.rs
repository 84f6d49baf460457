//! `dyad eval petrarch`: PETRARCH's unit-test records (`PETR.UnitTest.records.xml`) coded from their
//! text with Dyad's segmenter and parser (the caller's closure), PETRARCH's own dictionaries
//! (`PETR.Validate.*` beside the records) and Dyad's coder, scored like PETRARCH's validator:
//! a record passes when its predicted (source, target, code) triples equal the expected ones.

use crate::coder::{Coder, CoderOptions};
use crate::dict::EventDict;
use crate::mentions::{normalise, Mention};
use crate::ontology::Ontology;
use chrono::NaiveDate;
use dyad_actors::petrarch::{load_actors, load_agents, AgentCode, PetrActors, PetrAgents};
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
    /// The `<Config>` options in force for this record.
    pub config: PetrConfig,
}

/// PETRARCH run options that the records file sets with `<Config option=".." value="..">` tags
/// between records; each tag holds for the records that follow it.
#[derive(Debug, Clone, PartialEq)]
pub struct PetrConfig {
    /// An event needs both a source and a target (`require_dyad`, default true).
    pub require_dyad: bool,
    /// Most words of a noun phrase coded as a new (quoted) actor; 0 = none (`new_actor_length`).
    pub new_actor_length: usize,
    /// Word-count bounds of comma-delimited clauses that are deleted before coding:
    /// internal (`comma_min`/`comma_max`), initial (`comma_bmin`/`comma_bmax`) and final
    /// (`comma_emin`/`comma_emax`); a max of 0 disables that deletion.
    pub comma: CommaLimits,
}

/// See [`PetrConfig::comma`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CommaLimits {
    /// Internal clauses: least words.
    pub min: usize,
    /// Internal clauses: most words.
    pub max: usize,
    /// Initial clauses: least words.
    pub bmin: usize,
    /// Initial clauses: most words.
    pub bmax: usize,
    /// Final clauses: least words.
    pub emin: usize,
    /// Final clauses: most words.
    pub emax: usize,
}

impl Default for PetrConfig {
    fn default() -> Self {
        PetrConfig {
            require_dyad: true,
            new_actor_length: 0,
            comma: CommaLimits {
                min: 2,
                max: 8,
                bmin: 0,
                bmax: 0,
                emin: 2,
                emax: 8,
            },
        }
    }
}

impl PetrConfig {
    /// Apply one `<Config>` option; unknown options and unreadable values are ignored.
    pub fn set(&mut self, option: &str, value: &str) {
        let v = value.trim();
        let b = || v.eq_ignore_ascii_case("true") || v == "1";
        let n = v.parse::<usize>().ok();
        let c = &mut self.comma;
        match (option.trim().to_ascii_lowercase().as_str(), n) {
            ("require_dyad", _) => self.require_dyad = b(),
            ("new_actor_length", Some(n)) => self.new_actor_length = n,
            ("comma_min", Some(n)) => c.min = n,
            ("comma_max", Some(n)) => c.max = n,
            ("comma_bmin", Some(n)) => c.bmin = n,
            ("comma_bmax", Some(n)) => c.bmax = n,
            ("comma_emin", Some(n)) => c.emin = n,
            ("comma_emax", Some(n)) => c.emax = n,
            _ => {}
        }
    }
}

/// Read the records with the `<Config>` options in force for each (XML comments are ignored);
/// records expecting a reader error (`dateline`, `bad_input_parse`) are skipped.
pub fn read_records(xml: &str) -> Vec<Record> {
    let xml = Regex::new(r"(?s)<!--.*?-->")
        .expect("valid regex")
        .replace_all(xml, " ");
    let sent = Regex::new(r"(?s)<Sentence\s([^>]*)>(.*?)</Sentence>|<Config\s([^>]*)>")
        .expect("valid regex");
    let attr = |a: &str, k: &str| {
        Regex::new(&format!(r#"{k}\s*=\s*"([^"]*)""#))
            .ok()
            .and_then(|r| r.captures(a).map(|c| c[1].to_string()))
    };
    let coding = Regex::new(r"<EventCoding\s([^>]*)>").expect("valid regex");
    let text_re = Regex::new(r"(?s)<Text>(.*?)</Text>").expect("valid regex");
    let mut out = Vec::new();
    let mut config = PetrConfig::default();
    for c in sent.captures_iter(&xml) {
        if let Some(cf) = c.get(3) {
            if let (Some(o), Some(v)) = (attr(cf.as_str(), "option"), attr(cf.as_str(), "value")) {
                config.set(&o, &v);
            }
            continue;
        }
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
            config: config.clone(),
        });
    }
    out
}

/// Actor mentions by longest match of PETRARCH actor phrases over the tokens, with agents attached
/// after the actor ("Norland cleric", "Sudria's government"), before it ("the government of Sudria",
/// "lawmakers and officials in Norland and Sudria": the agents distribute over the coordinated actors)
/// or as a prefix ("MSF Norland"), and bare agents as `---AGENT`.
///
/// An actor with several codes (`[AAA/BBB]`), or one with several agents, gets all its codes joined
/// by `/`; [`split_codes`] expands them into one actor each when scoring.
pub fn petrarch_mentions(doc: &Doc, actors: &PetrActors, agents: &PetrAgents) -> Vec<Mention> {
    let words: Vec<String> = doc
        .tokens
        .iter()
        .map(|t| doc.text[t.span.start..t.span.end].to_string())
        .collect();
    let low = |k: usize| words[k].to_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    // Agents before "of/in/from" that distribute over the following coordinated actors.
    let mut carry: Option<(Vec<&AgentCode>, usize)> = None;
    while i < words.len() {
        let sent_end = doc
            .sentence_of_token(i)
            .map_or(words.len(), |s| doc.sentences[s].tokens.end);
        // A prefix agent glued to an actor: "MSF Norland".
        let mut pre: Vec<&AgentCode> = Vec::new();
        let start = i;
        if actors
            .longest_match(&words[i..sent_end], doc.date)
            .is_none()
        {
            if let Some(ag) = agents.longest_match(&words[i..sent_end]) {
                if i + ag.len < sent_end
                    && actors
                        .longest_match(&words[i + ag.len..sent_end], doc.date)
                        .is_some_and(|m| !m.codes.is_empty())
                {
                    pre.extend(ag.codes.iter().take(1));
                    i += ag.len;
                }
            }
        }
        if let Some(m) = actors.longest_match(&words[i..sent_end], doc.date) {
            if m.codes.is_empty() {
                i += 1;
                continue;
            }
            let mut codes: Vec<String> = m
                .codes
                .iter()
                .map(|c| pre.iter().fold(c.clone(), |c, a| apply_agent(&c, a)))
                .collect();
            let (mut a, mut b) = (start, i + m.len);
            // Agent after: "Norland cleric", "Sudria 's government", "Sudria 's new and popular
            // minister" (adjectives may come between a possessive and its agent).
            let mut j = b;
            if j < sent_end && (words[j] == "'s" || words[j] == "’s") {
                j += 1;
                let mut k = j;
                while k < sent_end
                    && k < j + 5
                    && (doc.tokens[k].upos == "ADJ" || low(k) == "and")
                    && agents.longest_match(&words[k..sent_end]).is_none()
                {
                    k += 1;
                }
                if k < sent_end && agents.longest_match(&words[k..sent_end]).is_some() {
                    j = k;
                }
            }
            let after = agents.longest_match(&words[j.min(sent_end)..sent_end]);
            if let Some(ag) = after.as_ref().filter(|ag| !ag.codes.is_empty()) {
                codes = codes.iter().map(|c| apply_agent(c, &ag.codes[0])).collect();
                b = j + ag.len;
                carry = None;
                // The person named after the agent belongs to this actor:
                // "Bree President Romendacil".
                if let Some(n) = actors.longest_match(&words[b..sent_end], doc.date) {
                    b += n.len;
                }
            } else if let Some((ags, _)) = carry.take().filter(|(_, end)| *end == start) {
                // "... of Norland, Vestmark and Sudria": the carried agents apply here too.
                codes = distribute(&codes, &ags);
                carry = Some((ags, b));
            } else if start >= 2 && matches!(low(start - 1).as_str(), "of" | "in" | "from") {
                // Agents before: "the government of Sudria", "lawmakers and officials in Sudria".
                let (k0, ags) = agents_ending_at(agents, &words, start - 1);
                if !ags.is_empty() {
                    codes = distribute(&codes, &ags);
                    a = k0;
                    carry = Some((ags, b));
                }
            }
            out.push(mention(doc, a..b, &codes.join("/"), &m.actor.name()));
            // Let the carried agents reach the next actor of a list "A, B and C".
            if let Some((ags, _)) = carry.take() {
                let skip = |mut k: usize| {
                    let mut and = false;
                    while k < sent_end && matches!(low(k).as_str(), "," | "and" | "or" | "the") {
                        and |= matches!(low(k).as_str(), "and" | "or");
                        k += 1;
                    }
                    (k, and)
                };
                // The list must end with "and/or ACTOR".
                let mut k = b;
                let closed = loop {
                    let (n, and) = skip(k);
                    if n == k || n >= sent_end {
                        break false;
                    }
                    match actors.longest_match(&words[n..sent_end], doc.date) {
                        Some(_) if and => break true,
                        Some(m) => k = n + m.len,
                        None => break false,
                    }
                };
                if closed {
                    let (k, _) = skip(b);
                    carry = Some((ags, k));
                    i = k;
                    continue;
                }
            }
            i = b;
            continue;
        }
        i = start;
        if let Some(ag) = agents.longest_match(&words[i..sent_end]) {
            let end = i + ag.len;
            // Skip an agent (or a list of them) followed by "of/in <actor>": handled above.
            let mut k = end;
            while k + 1 < sent_end && low(k) == "and" {
                match agents.longest_match(&words[k + 1..sent_end]) {
                    Some(a2) => k += 1 + a2.len,
                    None => break,
                }
            }
            let followed = k + 1 < sent_end
                && matches!(low(k).as_str(), "of" | "in" | "from")
                && actors
                    .longest_match(&words[k + 1..sent_end], doc.date)
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
            i = k + 1;
            continue;
        }
        i += 1;
    }
    normalise(out)
}

/// Combine an actor code with an agent code, skipping an agent the code already carries
/// ("White House trade officials": `USAGOV` + `~GOV` stays `USAGOV`).
pub fn apply_agent(code: &str, ag: &AgentCode) -> String {
    let has = if ag.prefix {
        code.starts_with(&ag.code)
    } else {
        code.get(3..)
            .is_some_and(|rest| rest.len() >= ag.code.len() && rest.contains(&ag.code))
    };
    if has {
        code.to_string()
    } else {
        ag.apply(code)
    }
}

/// Every code combined with every agent (one agent each).
fn distribute(codes: &[String], ags: &[&AgentCode]) -> Vec<String> {
    let mut v = Vec::new();
    for c in codes {
        for a in ags {
            let x = apply_agent(c, a);
            if !v.contains(&x) {
                v.push(x);
            }
        }
    }
    v
}

/// The agents (longest match each) ending just before token `end`, coordinated by "and":
/// "lawmakers and officials" → (start token, [LEG, GOV]); empty if none ends there.
fn agents_ending_at<'a>(
    agents: &'a PetrAgents,
    words: &[String],
    end: usize,
) -> (usize, Vec<&'a AgentCode>) {
    let mut ags = Vec::new();
    let mut e = end;
    let mut first = end;
    loop {
        let hit = (e.saturating_sub(5)..e).find_map(|k| {
            agents
                .longest_match(&words[k..e])
                .filter(|m| k + m.len == e)
                .and_then(|m| m.codes.first())
                .map(|c| (k, c))
        });
        let Some((k, c)) = hit else { break };
        ags.insert(0, c);
        first = k;
        if k >= 2 && words[k - 1].eq_ignore_ascii_case("and") {
            e = k - 1;
        } else {
            break;
        }
    }
    (first, ags)
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
            country_from: None,
        },
    }
}

/// Print the parse and the actor mentions of a document (for `DYAD_EVAL_DEBUG=<record id>`).
fn debug_dump(doc: &Doc, mentions: &[Mention]) {
    for (i, t) in doc.tokens.iter().enumerate() {
        let m = mentions
            .iter()
            .find(|m| m.tokens.contains(&i))
            .map_or(String::new(), |m| m.actor.code.clone());
        eprintln!(
            "  {i:>3} {:<16} {:<12} {:<6} {:>4} {:<12} {m}",
            doc.token_text(i),
            t.lemma,
            t.upos,
            t.head.map_or("-".into(), |h| h.to_string()),
            t.deprel
        );
    }
}

fn triples(events: &[Event]) -> BTreeSet<(String, String, String)> {
    let code = |a: &Option<dyad_doc::EventActor>| {
        a.as_ref()
            .and_then(|a| a.code.clone())
            .unwrap_or_else(|| "---".into())
    };
    let mut out = BTreeSet::new();
    for e in events {
        for s in split_codes(&code(&e.source)) {
            for t in split_codes(&code(&e.target)) {
                if s != t {
                    out.insert((s.clone(), t, e.cameo.clone()));
                }
            }
        }
    }
    out
}

/// The actors of a mention code: `AAA/BBB` (several codes, see [`petrarch_mentions`]) → both.
pub fn split_codes(code: &str) -> Vec<String> {
    code.split('/')
        .filter(|c| !c.is_empty())
        .map(String::from)
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
            if std::env::var("DYAD_EVAL_DEBUG").is_ok_and(|d| d == r.id) {
                debug_dump(&doc, &m);
            }
            let evs = coder.code(&doc, &m);
            if std::env::var("DYAD_EVAL_DEBUG").is_ok_and(|d| d == r.id) {
                for e in &evs {
                    eprintln!(
                        "  event {} {:?} -> {:?} [{}]",
                        e.cameo,
                        e.source.as_ref().and_then(|a| a.code.clone()),
                        e.target.as_ref().and_then(|a| a.code.clone()),
                        &doc.text[e.evidence.start..e.evidence.end]
                    );
                }
            }
            finalize(triples(&evs), &r.config)
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
    let (p, rc, f1) = dyad_doc::metrics::prf(tp, np, tp, ng);
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

/// PETRARCH's output rules: an event code must be a real code (`---` means "no event", and
/// codes with markers such as `+++` or `025?` are not emitted), and with `require_dyad` both the
/// source and the target must be known (a bare `---` is an unknown actor; `---GOV` is known).
pub fn finalize(
    triples: BTreeSet<(String, String, String)>,
    config: &PetrConfig,
) -> BTreeSet<(String, String, String)> {
    triples
        .into_iter()
        .filter(|(s, t, c)| {
            !c.is_empty()
                && c.chars().all(|ch| ch.is_ascii_alphanumeric())
                && (!config.require_dyad || (s != "---" && t != "---" && !s.is_empty()))
        })
        .collect()
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
        model: None,
        reranker: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{add_sentence, Tok};
    use dyad_actors::petrarch::{parse_actors, parse_agents};

    // Invented dictionaries and sentences for these tests.
    const ACTORS: &str = "ZEMBLA [ZEM]\nQURAC [QUR]\nELBONIA [ELB]\nFREEDONIA [FRE]\n\
THE_TWINS [TWA/TWB]\nOSRIC [QUR]\nZEMBLA_PALACE [ZEMGOV]\n";
    const AGENTS: &str = "LAWMAKER [~LEG]\nOFFICIAL [~GOV]\nSECURITY_OFFICIALS [~GOV]\n\
SOLDIER [~MIL]\nPRESIDENT [~GOV]\nPEACE_ACTIVIST [~OPP]\nACTIVIST [~ACT]\nACME {} [NGO~]\n";
    const VERBS: &str = "--- PRAISE [051] ---\nPRAISE\n\n--- VISIT [042:043] ---\nVISIT\n\n\
--- LEAVE [012] ---\nLEAVE\n\n--- LEFT [032:033] ---\nLEFT\n\n--- CONDEMN [122] ---\nCONDEMN\n\n\
--- FREE [066] ---\nFREE\n- + * FROM $ [067]\n";

    fn doc(toks: &[Tok]) -> Doc {
        let mut d = Doc::new("t", "");
        d.date = NaiveDate::from_ymd_opt(2001, 1, 1);
        add_sentence(&mut d, toks, &[]);
        d
    }

    fn codes(d: &Doc) -> Vec<String> {
        let m = petrarch_mentions(d, &parse_actors("a", ACTORS), &parse_agents("g", AGENTS));
        m.iter().map(|m| m.actor.code.clone()).collect()
    }

    fn code(d: &Doc) -> BTreeSet<(String, String, String)> {
        let m = petrarch_mentions(d, &parse_actors("a", ACTORS), &parse_agents("g", AGENTS));
        let coder = petrarch_coder(super::super::parse_verbs("v", VERBS).0);
        finalize(triples(&coder.code(d, &m)), &PetrConfig::default())
    }

    fn t(a: &str, b: &str, c: &str) -> (String, String, String) {
        (a.into(), b.into(), c.into())
    }

    #[test]
    fn agents_attach_dedupe_and_distribute() {
        // Agents before "in" distribute over the coordinated actors.
        let d = doc(&[
            ("Lawmakers", "lawmaker", "NOUN", 5, "nsubj"),
            ("in", "in", "ADP", 3, "case"),
            ("Zembla", "Zembla", "PROPN", 1, "nmod"),
            ("and", "and", "CCONJ", 5, "cc"),
            ("Qurac", "Qurac", "PROPN", 3, "conj"),
            ("praised", "praise", "VERB", 0, "root"),
            ("Elbonia", "Elbonia", "PROPN", 6, "obj"),
            (".", ".", "PUNCT", 6, "punct"),
        ]);
        assert_eq!(codes(&d), vec!["ZEMLEG", "QURLEG", "ELB"]);
        assert_eq!(
            code(&d),
            [t("ZEMLEG", "ELB", "051"), t("QURLEG", "ELB", "051")]
                .into_iter()
                .collect()
        );
        // A repeated agent code is dropped; the longest agent before "in" wins; a prefix agent
        // and a name after the agent belong to the actor; several codes are kept together.
        let mut d = Doc::new("t", "");
        d.date = NaiveDate::from_ymd_opt(2001, 1, 1);
        let n = |w: &'static str| (w, w, "NOUN", 0, "root");
        for s in [
            &[n("Zembla"), n("Palace"), n("security"), n("officials")][..],
            &[n("peace"), n("activists"), n("in"), n("Zembla")],
            &[n("ACME"), n("Qurac")],
            &[n("Elbonia"), n("president"), n("Osric")],
            &[n("the"), n("Twins")],
        ] {
            add_sentence(&mut d, s, &[]);
        }
        assert_eq!(
            codes(&d),
            vec!["ZEMGOV", "ZEMOPP", "NGOQUR", "ELBGOV", "TWA/TWB"]
        );
        assert_eq!(split_codes("TWA/TWB"), vec!["TWA", "TWB"]);
        let g = AgentCode {
            code: "GOV".into(),
            prefix: false,
        };
        assert_eq!(apply_agent("USAGOV", &g), "USAGOV");
        assert_eq!(apply_agent("USA", &g), "USAGOV");
    }

    #[test]
    fn reciprocal_codes_and_exact_verb_forms() {
        let d = doc(&[
            ("Zembla", "Zembla", "PROPN", 2, "nsubj"),
            ("left", "leave", "VERB", 0, "root"),
            ("for", "for", "ADP", 4, "case"),
            ("Qurac", "Qurac", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ]);
        assert_eq!(
            code(&d),
            [t("ZEM", "QUR", "032"), t("QUR", "ZEM", "033")]
                .into_iter()
                .collect()
        );
    }

    #[test]
    fn misparsed_compound_subjects_all_count() {
        let d = doc(&[
            ("Zembla", "Zembla", "PROPN", 6, "nsubj"),
            (",", ",", "PUNCT", 3, "punct"),
            ("Qurac", "Qurac", "PROPN", 1, "conj"),
            ("and", "and", "CCONJ", 5, "cc"),
            ("Elbonia", "Elbonia", "PROPN", 6, "nsubj"),
            ("visited", "visit", "VERB", 0, "root"),
            ("Freedonia", "Freedonia", "PROPN", 6, "obj"),
        ]);
        let got = code(&d);
        for s in ["ZEM", "QUR", "ELB"] {
            assert!(got.contains(&t(s, "FRE", "042")), "{got:?}");
            assert!(got.contains(&t("FRE", s, "043")), "{got:?}");
        }
        assert_eq!(got.len(), 6);
    }

    #[test]
    fn object_modifier_nearest_actor_is_the_target() {
        let d = doc(&[
            ("Zembla", "Zembla", "PROPN", 2, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("an", "a", "DET", 4, "det"),
            ("attack", "attack", "NOUN", 2, "obj"),
            ("by", "by", "ADP", 7, "case"),
            ("Qurac", "Qurac", "PROPN", 7, "compound"),
            ("soldiers", "soldier", "NOUN", 4, "nmod"),
            ("in", "in", "ADP", 9, "case"),
            ("Elbonia", "Elbonia", "PROPN", 4, "nmod"),
        ]);
        assert_eq!(code(&d), [t("ZEM", "QURMIL", "122")].into_iter().collect());
    }

    #[test]
    fn pattern_source_makes_the_subject_the_target() {
        let d = doc(&[
            ("Zembla", "Zembla", "PROPN", 3, "nsubj:pass"),
            ("was", "be", "AUX", 3, "aux:pass"),
            ("freed", "free", "VERB", 0, "root"),
            ("from", "from", "ADP", 5, "case"),
            ("Qurac", "Qurac", "PROPN", 3, "obl"),
        ]);
        assert_eq!(code(&d), [t("QUR", "ZEM", "067")].into_iter().collect());
    }

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

    #[test]
    fn config_tags_apply_to_following_records() {
        let xml = r#"<Sentence id="A"><Text>a</Text></Sentence>
<!-- <Config option="new_actor_length" value="9"></Config> -->
<Config option="require_dyad" value="False"></Config><Config option="comma_emax" value="0"></Config>
<Sentence id="B"><Text>b</Text></Sentence>"#;
        let r = read_records(xml);
        assert_eq!(r.len(), 2);
        assert!(r[0].config.require_dyad);
        assert!(!r[1].config.require_dyad);
        assert_eq!(r[1].config.comma.emax, 0);
        assert_eq!(r[1].config.new_actor_length, 0);
    }

    #[test]
    fn finalize_drops_non_codes_and_monads() {
        let t = |s: &str, t: &str, c: &str| (s.to_string(), t.to_string(), c.to_string());
        let got: BTreeSet<_> = [
            t("AAA", "BBB", "042"),
            t("AAA", "BBB", "---"),
            t("AAA", "BBB", "025?"),
            t("---GOV", "---", "023"),
            t("---GOV", "BBB", "023"),
        ]
        .into_iter()
        .collect();
        let mut cfg = PetrConfig::default();
        let dyads = finalize(got.clone(), &cfg);
        assert_eq!(dyads.len(), 2);
        cfg.require_dyad = false;
        assert_eq!(finalize(got, &cfg).len(), 3);
    }
}
