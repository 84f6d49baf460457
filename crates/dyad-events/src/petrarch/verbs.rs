//! PETRARCH2 verb dictionaries: synsets (`&NAME` followed by `+MEMBER` lines), verb blocks
//! (`--- VERB [code] ---`, then verb forms with optional `{irregular forms}`, phrasal verbs
//! `+CALL_OFF [160]`, and patterns `- PRE * POST [code]` with `+` target, `$` source, `&SYN`,
//! `_`-joined words and `(…)`/`{…}` groups). Compiled to [`Pattern`]s so Dyad's coder runs them.
//!
//! Simplifications (documented in `docs/dictionaries.md`): groups are flattened to their words in
//! order; `%` (compound) markers are ignored; pre-verb words must occur within the gap before the verb.
//! Like PETRARCH, the loader is lenient: bad lines are skipped and returned as `file:line` warnings.

use crate::dict::{Elem, EventDict, Pattern, TriggerKind};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Load a verb dictionary file. Returns the dictionary and the warnings for skipped lines.
pub fn load_verbs(path: &Path) -> std::io::Result<(EventDict, Vec<String>)> {
    let text = std::fs::read(path)?;
    let text = String::from_utf8_lossy(&text);
    Ok(parse_verbs(&path.display().to_string(), &text))
}

fn strip_comment(l: &str) -> &str {
    let l = l.split('#').next().unwrap_or("");
    if l.trim_start().starts_with("<!--") {
        ""
    } else {
        l.trim()
    }
}

fn words(s: &str) -> Vec<String> {
    s.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Parse verb-dictionary text (`name` for warnings).
pub fn parse_verbs(name: &str, text: &str) -> (EventDict, Vec<String>) {
    let mut warnings = Vec::new();
    let mut synsets: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut cur_syn: Option<String> = None;
    // Verb blocks: (forms, default code, patterns as (line, pre, post, code)).
    struct Block {
        forms: Vec<Vec<String>>,
        code: Option<String>,
        phrasal: Vec<(Vec<String>, Option<String>)>,
        pats: Vec<(usize, String)>,
    }
    let mut blocks: Vec<Block> = Vec::new();
    let mut in_block = false;
    for (i, raw) in text.lines().enumerate() {
        let ln = i + 1;
        let l = strip_comment(raw);
        if l.is_empty() {
            cur_syn = None;
            continue;
        }
        if l.starts_with("---") {
            cur_syn = None;
            let inner = l.trim_matches('-').trim();
            let code = bracket_code(inner);
            blocks.push(Block {
                forms: Vec::new(),
                code: code.map(|c| c.0),
                phrasal: Vec::new(),
                pats: Vec::new(),
            });
            in_block = true;
            continue;
        }
        if let Some(s) = l.strip_prefix('&') {
            let n = s.split_whitespace().next().unwrap_or("").to_uppercase();
            synsets.entry(n.clone()).or_default();
            cur_syn = Some(n);
            in_block = false;
            continue;
        }
        if let Some(syn) = &cur_syn {
            if let Some(m) = l.strip_prefix('+') {
                synsets
                    .entry(syn.clone())
                    .or_default()
                    .push(m.trim().to_string());
            } else {
                warnings.push(format!("{name}:{ln}: synset member must start with `+`"));
            }
            continue;
        }
        if !in_block {
            continue;
        }
        let Some(b) = blocks.last_mut() else { continue };
        if let Some(p) = l.strip_prefix('-') {
            b.pats.push((ln, p.trim().to_string()));
        } else if let Some(p) = l.strip_prefix('+') {
            let head = p.split(['{', '[']).next().unwrap_or("").trim();
            b.phrasal.push((words(head), bracket_code(p).map(|c| c.0)));
        } else {
            let head = l.split(['{', '[']).next().unwrap_or("").trim();
            if head.is_empty() || head.contains(char::is_whitespace) {
                warnings.push(format!("{name}:{ln}: cannot read verb form `{l}`"));
                continue;
            }
            let mut f = vec![words(head)];
            if let (Some(a), Some(z)) = (l.find('{'), l.find('}')) {
                if a < z {
                    f.extend(l[a + 1..z].split_whitespace().map(words));
                }
            }
            b.forms.extend(f);
        }
    }
    // Classes: synsets with nested references expanded.
    let mut d = EventDict::default();
    for n in synsets.keys() {
        let mut set = BTreeSet::new();
        expand(n, &synsets, &mut set, 0);
        d.classes.insert(n.clone(), set);
    }
    for b in &blocks {
        let trig: Vec<Vec<String>> = b.forms.iter().filter(|f| !f.is_empty()).cloned().collect();
        if trig.is_empty() {
            continue;
        }
        let origin = name.to_string();
        if let Some(c) = &b.code {
            d.patterns.push(Pattern {
                code: c.clone(),
                reverse: None,
                kind: TriggerKind::Verb,
                trigger: trig.clone(),
                rest: vec![],
                origin: origin.clone(),
            });
        }
        for (w, c) in &b.phrasal {
            if let Some(c) = c {
                d.patterns.push(Pattern {
                    code: c.clone(),
                    reverse: None,
                    kind: TriggerKind::Verb,
                    trigger: vec![w.clone()],
                    rest: vec![],
                    origin: origin.clone(),
                });
            }
        }
        for (ln, p) in &b.pats {
            let Some((code, rev)) = bracket_code(p) else {
                warnings.push(format!("{name}:{ln}: pattern without a [code]"));
                continue;
            };
            if code == "---" {
                continue;
            }
            let body = p.split('[').next().unwrap_or("");
            let Some((pre, post)) = body.split_once('*') else {
                warnings.push(format!("{name}:{ln}: pattern without `*`"));
                continue;
            };
            let mut rest = Vec::new();
            // Pre-verb words: nearest first.
            for w in tokens(pre).into_iter().rev() {
                if let Some(Elem::Words(a)) = elem(&w, &d.classes) {
                    rest.push(Elem::Before(a));
                }
            }
            let mut bad = false;
            for w in tokens(post) {
                match elem(&w, &d.classes) {
                    Some(e) => rest.push(e),
                    None => bad |= w.starts_with('&'),
                }
            }
            if bad {
                continue;
            }
            d.patterns.push(Pattern {
                code,
                reverse: rev,
                kind: TriggerKind::Verb,
                trigger: trig.clone(),
                rest,
                origin: format!("{name}:{ln}"),
            });
        }
    }
    d.reindex();
    (d, warnings)
}

fn expand(
    n: &str,
    syn: &BTreeMap<String, Vec<String>>,
    out: &mut BTreeSet<Vec<String>>,
    depth: usize,
) {
    if depth > 5 {
        return;
    }
    for m in syn.get(n).into_iter().flatten() {
        if let Some(r) = m.strip_prefix('&') {
            expand(&r.to_uppercase(), syn, out, depth + 1);
        } else {
            let w: Vec<String> = m
                .split(|c: char| c == '_' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .map(|w| w.to_lowercase())
                .collect();
            if !w.is_empty() {
                out.insert(w);
            }
        }
    }
}

/// Pattern tokens with groups flattened: `(TO {BANNED PARTIES})` → `TO BANNED PARTIES`.
fn tokens(s: &str) -> Vec<String> {
    s.replace(['(', ')', '{', '}'], " ")
        .split_whitespace()
        .map(String::from)
        .collect()
}

fn elem(w: &str, classes: &BTreeMap<String, BTreeSet<Vec<String>>>) -> Option<Elem> {
    match w {
        "+" => Some(Elem::Target),
        "$" => Some(Elem::Source),
        "%" | "^" | "|" => None,
        w if w.starts_with('&') => {
            let n = w[1..].trim_end_matches('_').to_uppercase();
            classes.contains_key(&n).then_some(Elem::Class(n))
        }
        w => {
            let ws = words(w.trim_start_matches('+').trim_start_matches('$'));
            (!ws.is_empty()).then(|| Elem::Words(vec![ws]))
        }
    }
}

/// `[032:033]` → ("032", Some("033")); `[---]` → ("---", None).
fn bracket_code(s: &str) -> Option<(String, Option<String>)> {
    let a = s.rfind('[')?;
    let z = s[a..].find(']')? + a;
    let inner = s[a + 1..z].trim();
    let mut it = inner.split(':');
    let c = it.next()?.trim().to_string();
    let r = it
        .next()
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty() && r != "---");
    Some((c, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "&TIES\n+MILITARY\n+ECONOMIC_AID\n\n--- MEET [040] ---\nMEET {MET MEETS}\n+MEET_WITH [041]\n- * &TIES WITH + [042]  # c\n- SAID * (TO {MEET}) [043:044]\n- * [---]\nnot a block line\n";

    #[test]
    fn parses_blocks_synsets_and_patterns() {
        let (d, w) = parse_verbs("t", SAMPLE);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].starts_with("t:11:"));
        assert!(d.classes["TIES"].contains(&vec!["economic".to_string(), "aid".to_string()]));
        let codes: Vec<&str> = d.patterns.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, vec!["040", "041", "042", "043"]);
        assert_eq!(d.patterns[3].reverse.as_deref(), Some("044"));
        assert!(matches!(
            d.patterns[2].rest[..],
            [Elem::Class(_), Elem::Words(_), Elem::Target]
        ));
        assert!(d.index.contains_key("met"));
    }

    #[test]
    fn loads_the_production_dictionary_in_place() {
        let p = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/petrarch/CAMEO.2.0.txt"
        ));
        if !p.exists() {
            return;
        }
        let (d, _w) = load_verbs(p).unwrap();
        assert!(d.patterns.len() > 3000, "{}", d.patterns.len());
        assert!(d.classes.len() > 20, "{}", d.classes.len());
        assert!(d.index.contains_key("accuse"));
    }
}
