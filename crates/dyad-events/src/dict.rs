//! The event dictionary: verb and noun patterns keyed by trigger lemma, word classes, and the
//! composition table for governed events ("urge X to negotiate" → 026). Loaded from the
//! human-editable files in `data/events/` (format in `docs/dictionaries.md`, section "Events"),
//! validated on load with `file:line` errors and embedded in the binary.

use crate::error::{DictError, Errors};
use crate::ontology::Ontology;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

const EMBEDDED: &[(&str, &str)] = &[
    (
        "data/events/classes.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/events/classes.txt"
        )),
    ),
    (
        "data/events/verbs.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/events/verbs.txt"
        )),
    ),
    (
        "data/events/nouns.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/events/nouns.txt"
        )),
    ),
    (
        "data/events/governors.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/events/governors.txt"
        )),
    ),
    (
        "data/events/compose.tsv",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/events/compose.tsv"
        )),
    ),
    (
        "data/events/statements.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/events/statements.txt"
        )),
    ),
];

/// The code of a word-sense guard pattern ("meet their needs" is no meeting): it competes with the
/// other patterns of its trigger, wins ties, uses up its words and emits no event.
pub const GUARD: &str = "000";

/// Whether a pattern's trigger is a verb or a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    /// A verb (or a verb-like word when the text is untagged).
    Verb,
    /// A nominal event ("a phone call with", "talks").
    Noun,
}

/// One element of a pattern after the trigger.
#[derive(Debug, Clone, PartialEq)]
pub enum Elem {
    /// One of several word sequences (each a run of adjacent lemmas or forms).
    Words(Vec<Vec<String>>),
    /// A member of a word class (`@SANCTION`).
    Class(String),
    /// An actor mention: the event's target.
    Target,
    /// An actor mention: the event's source (PETRARCH `$`).
    Source,
    /// Words that must appear *before* the trigger (PETRARCH pre-verb text), nearest first.
    Before(Vec<Vec<String>>),
    /// Any of several word or class alternatives (`truce|@WITHDRAWAL`).
    Any(Vec<Elem>),
    /// The trigger's subject is a compound of two or more actors (PETRARCH `%` before the verb:
    /// "X and Y agreed" is a joint act, coded apart from "X agreed").
    Compound,
}

/// One pattern: a trigger and the ordered elements that must follow it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// CAMEO code (or a PETRARCH code string) this pattern assigns.
    pub code: String,
    /// Reverse code for reciprocal PETRARCH patterns (`[032:033]`): the target→source event.
    pub reverse: Option<String>,
    /// Verb or noun trigger.
    pub kind: TriggerKind,
    /// Alternative trigger word sequences (adjacent tokens); the first word of each is its index key.
    pub trigger: Vec<Vec<String>>,
    /// Elements after the trigger, in order.
    pub rest: Vec<Elem>,
    /// Where the pattern was defined (`file:line`).
    pub origin: String,
}

impl Pattern {
    /// Specificity used to pick among patterns matching one trigger: more elements win.
    pub fn weight(&self) -> usize {
        let t = self.trigger.iter().map(|s| s.len()).max().unwrap_or(1);
        t + self
            .rest
            .iter()
            .map(|e| match e {
                Elem::Words(w) => 2 * w.iter().map(|s| s.len()).max().unwrap_or(1),
                Elem::Class(_) => 2,
                Elem::Target | Elem::Source | Elem::Compound => 1,
                Elem::Before(w) => 2 * w.iter().map(|s| s.len()).max().unwrap_or(1),
                Elem::Any(_) => 2,
            })
            .sum::<usize>()
    }
}

/// How a governing verb or adjective changes the event it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Governor {
    /// "ready to", "plans to", "offered to": intent to cooperate (03x).
    Intent,
    /// "urge X to", "called on X to": appeal (02x).
    Appeal,
    /// "demanded that", "insisted": demand (10x).
    Demand,
    /// "refused to", "declined to", "rejected": rejection (12x) or, without a parallel, negation.
    Reject,
    /// "threatened to", "warned it would": threat (13x).
    Threat,
    /// "failed to", "stopped short of": the event did not happen.
    Negate,
    /// "could", "might", "considering": hypothetical.
    Hypothetical,
}

impl Governor {
    fn parse(s: &str) -> Option<Governor> {
        Some(match s {
            "intent" => Governor::Intent,
            "appeal" => Governor::Appeal,
            "demand" => Governor::Demand,
            "reject" => Governor::Reject,
            "threat" => Governor::Threat,
            "negate" => Governor::Negate,
            "hypothetical" => Governor::Hypothetical,
            _ => return None,
        })
    }
}

/// Codes an event takes when governed by intent/appeal/demand/reject/threat.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Composition {
    /// Per governor, the composed code ("" = none).
    pub by: BTreeMap<Governor, String>,
}

/// The loaded event dictionary.
#[derive(Debug, Clone, Default)]
pub struct EventDict {
    /// Patterns in definition order.
    pub patterns: Vec<Pattern>,
    /// Trigger key (first lemma) → pattern indices (hashed: looked up several times per word, by
    /// the FxHash of short keys: the default hasher was a tenth of the event stage).
    pub index: FxHashMap<String, Vec<usize>>,
    /// Word classes: name → word sequences.
    pub classes: BTreeMap<String, BTreeSet<Vec<String>>>,
    /// Governing words (lemmas) → governor kind (hashed: looked up for many words).
    pub governors: FxHashMap<String, Governor>,
    /// Code prefix → composed codes.
    pub compose: BTreeMap<String, Composition>,
    /// Verbs of saying whose subject is a speaker (used for the 010 fallback).
    pub say_verbs: BTreeSet<String>,
    /// Verbs and adjectives of mind (believe, want, concerned): a quote they introduce reports a state
    /// of mind, not a statement, so the 010 fallback skips it (`mind` lines of governors.txt).
    pub mind_verbs: BTreeSet<String>,
    /// Governors of mere possibility ("may", "could", "likely"): hypothetical, and the act they
    /// govern is no event (`possibility` lines of governors.txt).
    pub possibility: BTreeSet<String>,
    /// What a quote says: the codes of its cue verbs, evaluative words and obligations
    /// (`statements.txt`, read by the statement step of `coder/output.rs`).
    pub statements: StatementLexicon,
}

/// The statement lexicon (`data/events/statements.txt`): word sequences → CAMEO code.
#[derive(Debug, Clone, Default)]
pub struct StatementLexicon {
    /// Cue verb lemma → the code of a quote it introduces ("accuse" → 112).
    pub cues: BTreeMap<String, String>,
    /// Evaluative words said of a party, by first word → (word sequence, code) ("mistake" → 111).
    pub judge: BTreeMap<String, Vec<(Vec<String>, String)>>,
    /// Obligations laid on a party: auxiliaries (`must`) or `WORD_to` verbs (`have_to`) → code.
    pub oblige: Vec<(Vec<String>, String)>,
    /// Repercussions (word sequences) that make a warning (a quote whose cue codes 012) coercive
    /// → code ("warned X of retaliation" → 130).
    pub coerce: Vec<(Vec<String>, String)>,
    /// Intents of the speaker's own side: a future auxiliary (`will`) on an act, or a word
    /// governing an infinitive (`ready`, `plan`) whose subject is the speaker's side → code.
    pub intend: BTreeMap<String, String>,
}

impl EventDict {
    /// The embedded default dictionary, validated against `onto`.
    pub fn embedded(onto: &Ontology) -> EventDict {
        let files: Vec<(String, String)> = EMBEDDED
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        EventDict::parse(&files, onto).expect("embedded event dictionary is valid (tested)")
    }

    /// Load from `(file name, text)` pairs; the file name's ending selects the syntax
    /// (`classes`, `verbs`, `nouns`, `governors`, `compose`, `statements`).
    pub fn parse(files: &[(String, String)], onto: &Ontology) -> Result<EventDict, Errors> {
        let mut d = EventDict::default();
        let mut errs = Errors::default();
        // Classes first: patterns refer to them.
        for (name, text) in files.iter().filter(|(n, _)| n.contains("classes")) {
            d.parse_classes(name, text, &mut errs);
        }
        for (name, text) in files {
            if name.contains("classes") {
                continue;
            } else if name.contains("verbs") {
                d.parse_patterns(name, text, TriggerKind::Verb, onto, &mut errs);
            } else if name.contains("nouns") {
                d.parse_patterns(name, text, TriggerKind::Noun, onto, &mut errs);
            } else if name.contains("governors") {
                d.parse_governors(name, text, &mut errs);
            } else if name.contains("compose") {
                d.parse_compose(name, text, onto, &mut errs);
            } else if name.contains("statements") {
                d.parse_statements(name, text, onto, &mut errs);
            } else {
                errs.push(DictError::new(name, 0, "unknown event dictionary file (expected classes/verbs/nouns/governors/compose/statements in the name)"));
            }
        }
        d.reindex();
        errs.into_result(d)
    }

    /// Rebuild the trigger index after patterns changed.
    pub fn reindex(&mut self) {
        self.index.clear();
        for (i, p) in self.patterns.iter().enumerate() {
            let mut keys: Vec<&String> = p.trigger.iter().filter_map(|s| s.first()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                self.index.entry(k.clone()).or_default().push(i);
            }
        }
    }

    fn parse_classes(&mut self, name: &str, text: &str, errs: &mut Errors) {
        for (i, line) in lines(text) {
            let Some((lhs, rhs)) = line.split_once('=') else {
                errs.push(DictError::new(
                    name,
                    i,
                    "expected `@NAME = word word_sequence ...`",
                ));
                continue;
            };
            let lhs = lhs.trim();
            if !lhs.starts_with('@') || lhs.len() < 2 || lhs[1..].contains(char::is_whitespace) {
                errs.push(DictError::new(
                    name,
                    i,
                    format!("class name `{lhs}` must be `@NAME`"),
                ));
                continue;
            }
            let set = self.classes.entry(lhs[1..].to_uppercase()).or_default();
            for w in rhs.split_whitespace() {
                set.insert(w.to_lowercase().split('_').map(String::from).collect());
            }
        }
    }

    fn parse_patterns(
        &mut self,
        name: &str,
        text: &str,
        kind: TriggerKind,
        onto: &Ontology,
        errs: &mut Errors,
    ) {
        for (i, line) in lines(text) {
            let mut it = line.split_whitespace();
            let code = it.next().unwrap_or("");
            // `000` is a word-sense guard: the pattern matches and codes nothing.
            if code != GUARD && !onto.contains(code) {
                errs.push(DictError::new(
                    name,
                    i,
                    format!("unknown CAMEO code `{code}`"),
                ));
                continue;
            }
            let Some(trig) = it.next() else {
                errs.push(DictError::new(name, i, "missing trigger"));
                continue;
            };
            let trigger = alternatives(trig);
            if trig.starts_with(['@', '+', '$']) || trigger.is_empty() {
                errs.push(DictError::new(
                    name,
                    i,
                    format!("trigger `{trig}` must be a word (alternatives with `|`)"),
                ));
                continue;
            }
            let mut rest = Vec::new();
            let mut bad = false;
            for tok in it {
                match tok {
                    "+" => rest.push(Elem::Target),
                    "$" => rest.push(Elem::Source),
                    t if t.contains('@') => {
                        let mut any = Vec::new();
                        for a in t.split('|').filter(|a| !a.is_empty()) {
                            if let Some(c) = a.strip_prefix('@') {
                                let c = c.to_uppercase();
                                if !self.classes.contains_key(&c) {
                                    errs.push(DictError::new(
                                        name,
                                        i,
                                        format!("unknown class `{a}`"),
                                    ));
                                    bad = true;
                                }
                                any.push(Elem::Class(c));
                            } else {
                                any.push(Elem::Words(alternatives(a)));
                            }
                        }
                        rest.push(if any.len() == 1 {
                            any.pop().unwrap_or(Elem::Target)
                        } else {
                            Elem::Any(any)
                        });
                    }
                    t => rest.push(Elem::Words(alternatives(t))),
                }
            }
            if bad {
                continue;
            }
            self.patterns.push(Pattern {
                code: code.to_string(),
                reverse: None,
                kind,
                trigger,
                rest,
                origin: format!("{name}:{i}"),
            });
        }
    }

    fn parse_governors(&mut self, name: &str, text: &str, errs: &mut Errors) {
        for (i, line) in lines(text) {
            let mut it = line.split_whitespace();
            let kind = it.next().unwrap_or("");
            if kind == "say" {
                self.say_verbs.extend(it.map(|w| w.to_lowercase()));
                continue;
            }
            if kind == "mind" {
                self.mind_verbs.extend(it.map(|w| w.to_lowercase()));
                continue;
            }
            if kind == "possibility" {
                for w in it {
                    self.possibility.insert(w.to_lowercase());
                    self.governors
                        .insert(w.to_lowercase(), Governor::Hypothetical);
                }
                continue;
            }
            let Some(g) = Governor::parse(kind) else {
                errs.push(DictError::new(name, i, format!("unknown governor kind `{kind}` (intent, appeal, demand, reject, threat, negate, hypothetical, possibility, say, mind)")));
                continue;
            };
            for w in it {
                self.governors.insert(w.to_lowercase(), g);
            }
        }
    }

    fn parse_compose(&mut self, name: &str, text: &str, onto: &Ontology, errs: &mut Errors) {
        const COLS: [Governor; 5] = [
            Governor::Intent,
            Governor::Appeal,
            Governor::Demand,
            Governor::Reject,
            Governor::Threat,
        ];
        for (i, line) in lines(text) {
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            if f.len() != 6 {
                errs.push(DictError::new(name, i, format!("expected 6 tab-separated fields (base intent appeal demand reject threat), found {}", f.len())));
                continue;
            }
            if !onto.contains(f[0]) {
                errs.push(DictError::new(
                    name,
                    i,
                    format!("unknown CAMEO code `{}`", f[0]),
                ));
                continue;
            }
            let mut c = Composition::default();
            for (g, v) in COLS.iter().zip(&f[1..]) {
                if *v == "-" || v.is_empty() {
                    continue;
                }
                if !onto.contains(v) {
                    errs.push(DictError::new(name, i, format!("unknown CAMEO code `{v}`")));
                    continue;
                }
                c.by.insert(*g, v.to_string());
            }
            self.compose.insert(f[0].to_string(), c);
        }
    }

    fn parse_statements(&mut self, name: &str, text: &str, onto: &Ontology, errs: &mut Errors) {
        for (i, line) in lines(text) {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() < 3 {
                errs.push(DictError::new(name, i, "expected `KIND CODE WORD ...`"));
                continue;
            }
            if !onto.contains(f[1]) {
                errs.push(DictError::new(
                    name,
                    i,
                    format!("unknown CAMEO code `{}`", f[1]),
                ));
                continue;
            }
            let code = f[1].to_string();
            let words = f[2..].iter().map(|w| {
                w.to_lowercase()
                    .split('_')
                    .filter(|x| !x.is_empty())
                    .map(String::from)
                    .collect::<Vec<_>>()
            });
            let lex = &mut self.statements;
            match f[0] {
                "cue" => {
                    for w in words {
                        if w.len() != 1 {
                            errs.push(DictError::new(name, i, "a cue is one verb lemma"));
                        } else if lex.cues.insert(w[0].clone(), code.clone()).is_some() {
                            errs.push(DictError::new(
                                name,
                                i,
                                format!("cue `{}` listed twice", w[0]),
                            ));
                        }
                    }
                }
                "judge" => {
                    for w in words {
                        let e = lex.judge.entry(w[0].clone()).or_default();
                        e.push((w, code.clone()));
                        // Longer sequences first: "witch hunt" before "witch".
                        e.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
                    }
                }
                "oblige" => {
                    for w in words {
                        if w.len() > 2 || (w.len() == 2 && w[1] != "to") {
                            errs.push(DictError::new(
                                name,
                                i,
                                "an obligation is an auxiliary (`must`) or `WORD_to`",
                            ));
                        } else {
                            lex.oblige.push((w, code.clone()));
                        }
                    }
                }
                "coerce" => lex.coerce.extend(words.map(|w| (w, code.clone()))),
                "intend" => {
                    for w in words {
                        if w.len() != 1 {
                            errs.push(DictError::new(name, i, "an intent word is one lemma"));
                        } else {
                            lex.intend.insert(w[0].clone(), code.clone());
                        }
                    }
                }
                k => errs.push(DictError::new(
                    name,
                    i,
                    format!("unknown kind `{k}` (cue, judge, oblige, coerce, intend)"),
                )),
            }
        }
    }

    /// The code `base` takes under governor `g`, by the longest matching prefix in the table.
    pub fn composed(&self, base: &str, g: Governor) -> Option<&str> {
        (2..=base.len())
            .rev()
            .find_map(|n| self.compose.get(&base[..n]))
            .and_then(|c| c.by.get(&g))
            .map(String::as_str)
    }

    /// Whether the word sequence is in class `c`.
    pub fn in_class(&self, c: &str, words: &[String]) -> bool {
        self.classes.get(c).is_some_and(|s| s.contains(words))
    }
}

/// Non-comment, non-blank lines with 1-based numbers; `#` starts a comment.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.split('#').next().unwrap_or("").trim();
        (!l.is_empty()).then_some((i + 1, l))
    })
}

/// `a|b_c` → [[a], [b, c]] (lower-cased).
fn alternatives(s: &str) -> Vec<Vec<String>> {
    s.split('|')
        .filter(|a| !a.is_empty())
        .map(|a| {
            a.to_lowercase()
                .split('_')
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect()
        })
        .filter(|v: &Vec<String>| !v.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionary_loads_and_covers_every_code() {
        let onto = Ontology::embedded();
        let d = EventDict::embedded(&onto);
        let covered: BTreeSet<&str> = d.patterns.iter().map(|p| p.code.as_str()).collect();
        let missing: Vec<&str> = onto
            .codes()
            .map(|c| c.code.as_str())
            .filter(|c| c.len() > 2 && !covered.contains(c))
            .collect();
        assert!(missing.is_empty(), "codes without a pattern: {missing:?}");
        assert_eq!(d.composed("046", Governor::Intent), Some("036"));
        assert_eq!(d.composed("163", Governor::Threat), Some("1312"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let onto = Ontology::embedded();
        let files = vec![
            (
                "classes.txt".to_string(),
                "@A = x y\nbad line\n".to_string(),
            ),
            (
                "verbs.txt".to_string(),
                "051 praise\n999 foo\n051 laud @NOPE\n".to_string(),
            ),
        ];
        let e = EventDict::parse(&files, &onto).unwrap_err().to_string();
        assert!(e.contains("classes.txt:2:"), "{e}");
        assert!(e.contains("verbs.txt:2:"), "{e}");
        assert!(e.contains("verbs.txt:3:"), "{e}");
    }
}
