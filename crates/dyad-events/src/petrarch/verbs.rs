//! PETRARCH2 verb dictionaries: synsets (`&NAME` followed by `+MEMBER` lines), verb blocks
//! (`--- VERB [code] ---`, then verb forms with optional `{irregular forms}`, phrasal verbs
//! `+CALL_OFF [160]`, and patterns `- PRE * POST [code]` with `+` target, `$` source, `&SYN`,
//! `_`-joined words and `(…)`/`{…}` groups). Compiled to [`Pattern`]s so Dyad's coder runs them.
//!
//! Verb forms may mark the verb word with `+` (`WIRE_+TAP`: "wire" is a fixed prefix) and carry
//! their own `[code]`; synsets glued into words are expanded into word sequences.
//! Simplifications (documented in `docs/dictionaries.md`): groups are flattened to their words in
//! order; a `%` before the verb asks for a compound subject ([`Elem::Compound`]); `%` after it,
//! `^` markers and pre-verb actor slots are ignored; pre-verb words must occur within the gap
//! before the verb.
//! Like PETRARCH, the loader is lenient: bad lines are skipped and returned as `file:line` warnings.

use crate::dict::{Elem, EventDict, Pattern, TriggerKind};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A pattern code and its optional reverse code (`[032:033]`).
type Code = (String, Option<String>);

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
    struct Form {
        pre: Vec<String>,
        trig: Vec<String>,
        code: Option<(String, Option<String>)>,
    }
    struct Block {
        forms: Vec<Form>,
        code: Option<(String, Option<String>)>,
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
                code,
                pats: Vec::new(),
            });
            in_block = true;
            continue;
        }
        if let Some(s) = l.strip_prefix('&') {
            let n = syn_key(s.split_whitespace().next().unwrap_or(""));
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
        } else {
            // A verb form line: `VERB {IRREGULAR FORMS}`, `+PHRASAL_VERB {…}`, `WIRE_+TAP {…}`
            // (`+` marks the verb word; words before it are a fixed prefix), optionally `[code]`.
            let head = l.split(['{', '[']).next().unwrap_or("").trim();
            if head.is_empty() || head.contains(char::is_whitespace) {
                warnings.push(format!("{name}:{ln}: cannot read verb form `{l}`"));
                continue;
            }
            let code = l
                .rfind('[')
                .filter(|&a| l.find('{').is_none_or(|b| a > b))
                .and_then(|a| bracket_code(&l[a..]));
            let mut fs = vec![head.to_string()];
            if let (Some(a), Some(z)) = (l.find('{'), l.find('}')) {
                if a < z {
                    fs.extend(l[a + 1..z].split_whitespace().map(String::from));
                }
            }
            for f in fs {
                let (pre, trig) = verb_form(&f);
                if !trig.is_empty() {
                    b.forms.push(Form {
                        pre,
                        trig,
                        code: code.clone(),
                    });
                }
            }
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
        // Forms grouped by their fixed prefix (most blocks have one group, without prefix).
        let mut groups: BTreeMap<Vec<String>, Vec<Vec<String>>> = BTreeMap::new();
        for f in &b.forms {
            let g = groups.entry(f.pre.clone()).or_default();
            if !g.contains(&f.trig) {
                g.push(f.trig.clone());
            }
        }
        let prefix = |pre: &Vec<String>| -> Vec<Elem> {
            if pre.is_empty() {
                vec![]
            } else {
                vec![Elem::Before(vec![pre.clone()])]
            }
        };
        // Default codes: the block's, or a form's own `[code]`.
        let mut defaults: Vec<(Vec<String>, Code, Vec<Vec<String>>)> = Vec::new();
        for f in &b.forms {
            let Some(c) = f.code.clone().or_else(|| b.code.clone()) else {
                continue;
            };
            match defaults
                .iter_mut()
                .find(|(p, cc, _)| *p == f.pre && *cc == c)
            {
                Some((_, _, t)) => {
                    if !t.contains(&f.trig) {
                        t.push(f.trig.clone());
                    }
                }
                None => defaults.push((f.pre.clone(), c, vec![f.trig.clone()])),
            }
        }
        for (pre, (code, rev), trig) in defaults {
            if !pre.is_empty() {
                // The whole phrase as trigger too, for when the tagger makes the prefix the
                // verb ("will not wire tap").
                d.patterns.push(Pattern {
                    code: code.clone(),
                    reverse: rev.clone(),
                    kind: TriggerKind::Verb,
                    trigger: whole(&pre, &trig),
                    rest: vec![],
                    origin: name.to_string(),
                });
            }
            d.patterns.push(Pattern {
                code,
                reverse: rev,
                kind: TriggerKind::Verb,
                trigger: trig,
                rest: prefix(&pre),
                origin: name.to_string(),
            });
        }
        for (ln, p) in &b.pats {
            let Some((code, rev)) = bracket_code(p) else {
                warnings.push(format!("{name}:{ln}: pattern without a [code]"));
                continue;
            };
            if code == "---" {
                continue;
            }
            if !code.chars().any(|c| c.is_ascii_digit()) {
                // `[+++]`, `[###]`: not an event code; the pattern is inert.
                warnings.push(format!("{name}:{ln}: not an event code `{code}`"));
                continue;
            }
            let body = p.split('[').next().unwrap_or("");
            let Some((pre, post)) = body.split_once('*') else {
                warnings.push(format!("{name}:{ln}: pattern without `*`"));
                continue;
            };
            let mut rest = Vec::new();
            let mut bad = false;
            // Pre-verb words: nearest first (actor slots before the verb are not supported).
            for w in tokens(pre).into_iter().rev() {
                // `%` before the verb: the subject is a compound ("- % * [030:030]").
                if w == "%" {
                    rest.push(Elem::Compound);
                    continue;
                }
                for e in elems(&w, &d.classes, true, &mut bad).into_iter().rev() {
                    if let Elem::Words(a) = e {
                        rest.push(Elem::Before(a));
                    }
                }
            }
            // `*_OUT`: a particle glued to the verb.
            let post = post.trim_start_matches('_');
            for w in tokens(post) {
                rest.extend(elems(&w, &d.classes, false, &mut bad));
            }
            if bad {
                continue;
            }
            for (pre_words, trig) in &groups {
                if !pre_words.is_empty() {
                    d.patterns.push(Pattern {
                        code: code.clone(),
                        reverse: rev.clone(),
                        kind: TriggerKind::Verb,
                        trigger: whole(pre_words, trig),
                        rest: rest.clone(),
                        origin: format!("{name}:{ln}"),
                    });
                }
                let mut r = prefix(pre_words);
                r.extend(rest.iter().cloned());
                d.patterns.push(Pattern {
                    code: code.clone(),
                    reverse: rev.clone(),
                    kind: TriggerKind::Verb,
                    trigger: trig.clone(),
                    rest: r,
                    origin: format!("{name}:{ln}"),
                });
            }
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
            expand(&syn_key(r), syn, out, depth + 1);
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

/// Each verb form with its fixed prefix in front: `[wire] + [[tap], [tapped]]` → `[[wire, tap], …]`.
fn whole(pre: &[String], trig: &[Vec<String>]) -> Vec<Vec<String>> {
    trig.iter()
        .map(|t| pre.iter().chain(t).cloned().collect())
        .collect()
}

/// A synset's key: `&PREPOSIT1_` and `&preposit1` are the same synset.
fn syn_key(n: &str) -> String {
    n.trim_start_matches('&')
        .trim_end_matches('_')
        .to_uppercase()
}

/// A verb form `WIRE_+TAP` → (fixed prefix `[wire]`, verb words `[tap]`); `+CALL_OFF` and
/// `CALL_OFF` → (`[]`, `[call, off]`).
fn verb_form(f: &str) -> (Vec<String>, Vec<String>) {
    let parts: Vec<&str> = f.split('_').filter(|w| !w.is_empty()).collect();
    let vi = parts.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let clean = |ws: &[&str]| -> Vec<String> {
        ws.iter()
            .map(|w| w.trim_start_matches('+').to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    (clean(&parts[..vi]), clean(&parts[vi..]))
}

/// The elements of one whitespace-separated pattern token. `_` glues words that must be
/// adjacent; a synset inside a glued token (`NEW_&TIETYPES_RELATIONS`) is expanded into the
/// alternative word sequences; a lone synset stays a class unless `expand_classes`; `+`/`$` are
/// the target/source slots.
/// Sets `bad` for an unknown synset.
fn elems(
    w: &str,
    classes: &BTreeMap<String, BTreeSet<Vec<String>>>,
    expand_classes: bool,
    bad: &mut bool,
) -> Vec<Elem> {
    let pieces: Vec<&str> = w.split('_').filter(|p| !p.is_empty()).collect();
    let mut out = Vec::new();
    // Alternatives of the current run of glued words/synsets.
    let mut run: Vec<Vec<String>> = Vec::new();
    let flush = |run: &mut Vec<Vec<String>>, out: &mut Vec<Elem>| {
        if !run.is_empty() && !run.iter().all(|r| r.is_empty()) {
            out.push(Elem::Words(std::mem::take(run)));
        }
        run.clear();
    };
    let syn_name = |p: &str| syn_key(&p[1..]);
    if pieces.len() == 1 && pieces[0].starts_with('&') && !expand_classes {
        let n = syn_name(pieces[0]);
        if classes.contains_key(&n) {
            return vec![Elem::Class(n)];
        }
        *bad = true;
        return vec![];
    }
    for p in pieces {
        match p {
            "+" | "$" => {
                flush(&mut run, &mut out);
                out.push(if p == "+" { Elem::Target } else { Elem::Source });
            }
            "%" | "^" | "|" => flush(&mut run, &mut out),
            p if p.starts_with('&') => {
                let Some(members) = classes.get(&syn_name(p)) else {
                    *bad = true;
                    continue;
                };
                let base = if run.is_empty() {
                    vec![vec![]]
                } else {
                    run.clone()
                };
                run = base
                    .iter()
                    .flat_map(|r| {
                        members.iter().map(move |m| {
                            let mut x = r.clone();
                            x.extend(m.iter().cloned());
                            x
                        })
                    })
                    .take(500)
                    .collect();
            }
            p => {
                let ws = words(p.trim_start_matches(['+', '$']));
                if run.is_empty() {
                    run.push(vec![]);
                }
                for r in run.iter_mut() {
                    r.extend(ws.iter().cloned());
                }
            }
        }
    }
    flush(&mut run, &mut out);
    out
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

    const FORMS: &str = "&CUR_\n+DUCATS\n+GOLD_CROWNS\n\n&NEG\n+DID N'T\n+WILL NOT\n\n\
--- SEIZE [170:171] ---\nSEIZE\nWIRE_+TAP {WIRE_+TAPPED}\n+LOCK_UP {+LOCKED_UP} [172]\n\
- * NEW_&CUR_BONDS [173]\n- &NEG * [174]\n- * &CUR [175]\n- * FXX [+++]\n";

    fn pat<'a>(d: &'a EventDict, code: &str, f: impl Fn(&Pattern) -> bool) -> Option<&'a Pattern> {
        d.patterns.iter().find(|p| p.code == code && f(p))
    }

    fn seq(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn verb_forms_phrasal_verbs_and_prefixes() {
        let (d, w) = parse_verbs("t", FORMS);
        // The block's reverse code is kept.
        let base = pat(&d, "170", |p| p.trigger.contains(&seq(&["seize"]))).unwrap();
        assert_eq!(base.reverse.as_deref(), Some("171"));
        // `WIRE_+TAP`: "tap" is the verb, "wire" a fixed prefix; also the whole phrase.
        assert!(pat(&d, "170", |p| p.trigger.contains(&seq(&["tapped"]))
            && p.rest == vec![Elem::Before(vec![seq(&["wire"])])])
        .is_some());
        assert!(pat(&d, "170", |p| p.trigger.contains(&seq(&["wire", "tapped"]))).is_some());
        // `+LOCK_UP … [172]`: a phrasal form with its own code.
        assert!(pat(&d, "172", |p| p.trigger.contains(&seq(&["locked", "up"]))).is_some());
        // `[+++]` is not an event code.
        assert!(d.patterns.iter().all(|p| p.code != "+++"));
        assert!(w.iter().any(|w| w.contains("not an event code")), "{w:?}");
    }

    #[test]
    fn synsets_glued_before_the_verb_and_with_trailing_underscore() {
        let (d, _) = parse_verbs("t", FORMS);
        // A synset glued into words expands into adjacent word sequences.
        let p = pat(&d, "173", |p| p.trigger.contains(&seq(&["seize"]))).unwrap();
        let Elem::Words(alts) = &p.rest[0] else {
            panic!("{:?}", p.rest)
        };
        assert!(alts.contains(&seq(&["new", "gold", "crowns", "bonds"])));
        assert!(alts.contains(&seq(&["new", "ducats", "bonds"])));
        // A synset before the verb becomes its member phrases.
        let p = pat(&d, "174", |p| p.trigger.contains(&seq(&["seize"]))).unwrap();
        let Elem::Before(alts) = &p.rest[0] else {
            panic!("{:?}", p.rest)
        };
        assert!(alts.contains(&seq(&["did", "n't"])) && alts.contains(&seq(&["will", "not"])));
        // `&CUR` names the synset defined as `&CUR_`.
        let p = pat(&d, "175", |_| true).unwrap();
        assert_eq!(p.rest, vec![Elem::Class("CUR".into())]);
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
