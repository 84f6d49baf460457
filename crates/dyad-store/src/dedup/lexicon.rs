//! The grouping data file `data/dedup/actors.tsv`: joint and mirrored CAMEO codes (which acts
//! may be told as A→B or B→A), the state sectors a country-level actor code stands for and the
//! sectors kept apart from it; with the stop words, planned-act cues, object prepositions and
//! root families, reporting and denial words of the other `data/dedup/` files.
//! Embedded, parsed once and validated (errors name the file and line).

use crate::StoreError;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const ACTORS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/dedup/actors.tsv"
));
const STOPWORDS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/dedup/stopwords.txt"
));
const PLANNED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/dedup/planned.txt"
));
const OBJECTS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/dedup/objects.txt"
));
const REPORTED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/dedup/reported.txt"
));
const DENIED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/dedup/denied.txt"
));
const ROOTS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/dedup/roots.tsv"
));
const LINK: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/dedup/link.tsv"
));

/// The pair model (`data/dedup/link.tsv`, trained by `scripts/dedup-link-train.py`): a
/// logistic regression over [`super::rules::FEATURES`] that links two mentions the rules leave
/// apart when its probability reaches `threshold` ([`super::rules::model_links`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkModel {
    /// One weight per feature, in [`super::rules::FEATURES`] order.
    pub weights: Vec<f64>,
    /// Probability from which a pair is linked.
    pub threshold: f64,
}

impl LinkModel {
    /// The model's probability that two mentions with these features tell one act.
    pub fn probability(&self, x: &[f64]) -> f64 {
        let z: f64 = self.weights.iter().zip(x).map(|(w, v)| w * v).sum();
        1.0 / (1.0 + (-z).exp())
    }

    /// Parse a model file: `threshold P` once and `weight FEATURE W` for every feature of
    /// [`super::rules::FEATURES`] (any order, each once); a file with neither is no model.
    /// `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Option<LinkModel>, StoreError> {
        let names = super::rules::FEATURES;
        let mut weights: Vec<Option<f64>> = vec![None; names.len()];
        let mut threshold: Option<f64> = None;
        let number = |n: usize, s: &str| -> Result<f64, StoreError> {
            s.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| err(file, n, format!("{s:?} is not a number")))
        };
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let l = raw.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            match (f[0], f.len()) {
                ("threshold", 2) => {
                    let t = number(n, f[1])?;
                    if !(0.0..=1.0).contains(&t) || threshold.is_some() {
                        return Err(err(file, n, "one threshold, a probability"));
                    }
                    threshold = Some(t);
                }
                ("weight", 3) => {
                    let k = names
                        .iter()
                        .position(|x| *x == f[1])
                        .ok_or_else(|| err(file, n, format!("unknown feature {:?}", f[1])))?;
                    if weights[k].is_some() {
                        return Err(err(file, n, format!("feature {} twice", f[1])));
                    }
                    weights[k] = Some(number(n, f[2])?);
                }
                _ => {
                    return Err(err(
                        file,
                        n,
                        "expected `threshold P` or `weight FEATURE W` (tab separated)",
                    ))
                }
            }
        }
        if threshold.is_none() && weights.iter().all(Option::is_none) {
            return Ok(None);
        }
        let last = text.lines().count();
        let threshold = threshold.ok_or_else(|| err(file, last, "no threshold line"))?;
        let weights = weights
            .into_iter()
            .zip(names)
            .map(|(w, name)| w.ok_or_else(|| err(file, last, format!("no weight for {name}"))))
            .collect::<Result<_, _>>()?;
        Ok(Some(LinkModel { weights, threshold }))
    }
}

/// Which side of a mention is the place an act happens at (`042` visit A→B: B hosts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    /// The source hosts (`043` A hosts B).
    Source,
    /// The target hosts (`042` A visits B).
    Target,
}

/// What the grouping rules read from the data file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocab {
    /// Three-digit CAMEO levels of joint acts (`040`, `046`, `057`).
    pub joint: BTreeSet<String>,
    /// Mirrored levels, both ways (`042` ↔ `043`).
    pub mirror: BTreeMap<String, String>,
    /// State sectors (`GOV`, `MIL`, …).
    pub state: BTreeSet<String>,
    /// Sectors never one actor with their bare country, its government or a person of another
    /// sector (`REB`, `OPP`, …: `apart` lines).
    pub apart: BTreeSet<String>,
    /// Words introducing an act's object ("talks *on* X", "an investigation *into* Y":
    /// `data/dedup/objects.txt`).
    pub topic: BTreeSet<String>,
    /// Words ignored when sentences are compared (`data/dedup/stopwords.txt`).
    pub stop: BTreeSet<String>,
    /// Planned-act cues before or in the evidence (`data/dedup/planned.txt`, `before`).
    pub planned_before: BTreeSet<String>,
    /// Planned-act cues after the evidence (`after`).
    pub planned_after: BTreeSet<String>,
    /// Words of reporting (`data/dedup/reported.txt`): a date given by a time expression next to
    /// one is the report's day, not the act's ([`super::rules::report_dated`]).
    pub report: BTreeSet<String>,
    /// Words that deny an act (`data/dedup/denied.txt`: "never met"), for mentions the coder
    /// did not negate ([`super::rules::denial_cue`]).
    pub denial: BTreeSet<String>,
    /// Sectors of news outlets (`MED`: `press` lines): an outlet coded as the source of an act
    /// its sentence reports ("The Post reports that the minister met …") is the report's
    /// teller, not the actor ([`super::rules::Mention::teller`]).
    pub press: BTreeSet<String>,
    /// Three-digit levels whose host side compares by country alone (`042` → target).
    pub host: BTreeMap<String, Host>,
    /// Three-digit levels of acts held in person (`040`, `042`): mentions naming one person
    /// on one side are one trip (`trip` lines).
    pub trip: BTreeSet<String>,
    /// CAMEO root → its family's key (the family's first root), from `data/dedup/roots.tsv`:
    /// roots of one family can code one act (the family rule); a root of no family is its own.
    pub family: BTreeMap<String, String>,
    /// Outcome codes (`182`, physical assault: wounded, killed): in one sentence with the same
    /// sides, such a mention and one of another root of its family tell one attack and its toll.
    pub outcome: BTreeSet<String>,
    /// The pair model (`data/dedup/link.tsv`), when the file has one.
    pub link: Option<LinkModel>,
}

fn err(file: &str, line: usize, msg: impl std::fmt::Display) -> StoreError {
    StoreError::Data(format!("{file}:{line}: {msg}"))
}

/// A CAMEO code of 2 or 3 digits at its three-digit level (`04` → `040`).
fn level(file: &str, line: usize, code: &str) -> Result<String, StoreError> {
    if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(err(
            file,
            line,
            format!("{code:?} is not a CAMEO code of 2-3 digits"),
        ));
    }
    Ok(if code.len() == 2 {
        format!("{code}0")
    } else {
        code.to_string()
    })
}

impl Vocab {
    /// The embedded file, parsed on first use.
    pub fn embedded() -> Result<&'static Vocab, StoreError> {
        static V: OnceLock<Result<Vocab, String>> = OnceLock::new();
        V.get_or_init(|| {
            let mut v = Vocab::parse("data/dedup/actors.tsv", ACTORS).map_err(|e| e.to_string())?;
            v.stop = Vocab::parse_stopwords("data/dedup/stopwords.txt", STOPWORDS)
                .map_err(|e| e.to_string())?;
            (v.planned_before, v.planned_after) =
                Vocab::parse_planned("data/dedup/planned.txt", PLANNED)
                    .map_err(|e| e.to_string())?;
            v.topic = Vocab::parse_stopwords("data/dedup/objects.txt", OBJECTS)
                .map_err(|e| e.to_string())?;
            v.report = Vocab::parse_stopwords("data/dedup/reported.txt", REPORTED)
                .map_err(|e| e.to_string())?;
            v.denial = Vocab::parse_stopwords("data/dedup/denied.txt", DENIED)
                .map_err(|e| e.to_string())?;
            (v.family, v.outcome) =
                Vocab::parse_roots("data/dedup/roots.tsv", ROOTS).map_err(|e| e.to_string())?;
            v.link = LinkModel::parse("data/dedup/link.tsv", LINK).map_err(|e| e.to_string())?;
            Ok(v)
        })
        .as_ref()
        .map_err(|e| StoreError::Data(e.clone()))
    }

    /// Parse a stopword list (lower-case words, `#` comments); `file` names it in errors.
    pub fn parse_stopwords(file: &str, text: &str) -> Result<BTreeSet<String>, StoreError> {
        let mut out = BTreeSet::new();
        for (i, raw) in text.lines().enumerate() {
            let l = raw.split('#').next().unwrap_or("");
            for w in l.split_whitespace() {
                if !w.chars().all(|c| c.is_lowercase()) {
                    return Err(err(file, i + 1, format!("{w:?}: lower-case letters only")));
                }
                out.insert(w.to_string());
            }
        }
        Ok(out)
    }

    /// Parse the planned-act cues (`before WORD…` / `after WORD…` lines, `#` comments); `file`
    /// names it in errors. Returns (before, after).
    pub fn parse_planned(
        file: &str,
        text: &str,
    ) -> Result<(BTreeSet<String>, BTreeSet<String>), StoreError> {
        let (mut before, mut after) = (BTreeSet::new(), BTreeSet::new());
        for (i, raw) in text.lines().enumerate() {
            let mut w = raw.split('#').next().unwrap_or("").split_whitespace();
            let Some(kind) = w.next() else { continue };
            let set = match kind {
                "before" => &mut before,
                "after" => &mut after,
                k => {
                    return Err(err(
                        file,
                        i + 1,
                        format!("unknown position {k:?} (before, after)"),
                    ))
                }
            };
            for word in w {
                if !word.chars().all(|c| c.is_lowercase()) {
                    return Err(err(
                        file,
                        i + 1,
                        format!("{word:?}: lower-case letters only"),
                    ));
                }
                set.insert(word.to_string());
            }
        }
        Ok((before, after))
    }

    /// The family key of a CAMEO root: its family's first root, else the root itself.
    pub fn family_of<'a>(&'a self, root: &'a str) -> &'a str {
        self.family.get(root).map_or(root, String::as_str)
    }

    /// Whether `cameo` is an outcome code (it starts with one of `outcome`).
    pub fn is_outcome(&self, cameo: &str) -> bool {
        self.outcome.iter().any(|o| cameo.starts_with(o.as_str()))
    }

    /// Parse the root families (`family ROOT ROOT…` / `outcome CODE…` lines, tab or space
    /// separated, `#` comments); `file` names it in errors. A root belongs to at most one
    /// family; an outcome code (3-4 digits) must have its root in a family. Returns (root →
    /// family key, outcome codes).
    pub fn parse_roots(
        file: &str,
        text: &str,
    ) -> Result<(BTreeMap<String, String>, BTreeSet<String>), StoreError> {
        let (mut family, mut outcome) = (BTreeMap::new(), BTreeSet::new());
        for (i, raw) in text.lines().enumerate() {
            let mut w = raw.split('#').next().unwrap_or("").split_whitespace();
            let Some(kind) = w.next() else { continue };
            let roots: Vec<&str> = w.collect();
            let len = if kind == "outcome" { 3..=4 } else { 2..=2 };
            for r in &roots {
                if !len.contains(&r.len()) || !r.chars().all(|c| c.is_ascii_digit()) {
                    return Err(err(
                        file,
                        i + 1,
                        format!("{r:?} is not a CAMEO code of {len:?} digits"),
                    ));
                }
            }
            match kind {
                "family" => {
                    if roots.len() < 2 {
                        return Err(err(file, i + 1, "a family takes two roots or more"));
                    }
                    let key = roots.iter().min().expect("two roots").to_string();
                    for r in &roots {
                        if family.insert(r.to_string(), key.clone()).is_some() {
                            return Err(err(file, i + 1, format!("root {r} is in two families")));
                        }
                    }
                }
                "outcome" => {
                    for r in &roots {
                        if !family.contains_key(&r[..2]) {
                            return Err(err(
                                file,
                                i + 1,
                                format!("outcome {r}: root {} is in no family above", &r[..2]),
                            ));
                        }
                        outcome.insert(r.to_string());
                    }
                }
                k => {
                    return Err(err(
                        file,
                        i + 1,
                        format!("unknown kind {k:?} (family, outcome)"),
                    ))
                }
            }
        }
        Ok((family, outcome))
    }

    /// Parse `text`; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Vocab, StoreError> {
        let mut v = Vocab::default();
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let l = raw.trim_end();
            if l.trim().is_empty() || l.trim_start().starts_with('#') {
                continue;
            }
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            match (f[0], f.len()) {
                ("joint", 2) => {
                    v.joint.insert(level(file, n, f[1])?);
                }
                ("trip", 2) => {
                    v.trip.insert(level(file, n, f[1])?);
                }
                ("mirror", 3) => {
                    let (a, b) = (level(file, n, f[1])?, level(file, n, f[2])?);
                    if a == b || v.mirror.contains_key(&a) || v.mirror.contains_key(&b) {
                        return Err(err(
                            file,
                            n,
                            "a mirror pair needs two codes not yet mirrored",
                        ));
                    }
                    v.mirror.insert(a.clone(), b.clone());
                    v.mirror.insert(b, a);
                }
                ("press", 2) => {
                    let s = f[1];
                    if s.len() != 3 || !s.chars().all(|c| c.is_ascii_uppercase()) {
                        return Err(err(
                            file,
                            n,
                            format!("{s:?} is not a sector code (3 capitals)"),
                        ));
                    }
                    v.press.insert(s.to_string());
                }
                ("state" | "apart", 2) => {
                    let s = f[1];
                    if s.len() != 3 || !s.chars().all(|c| c.is_ascii_uppercase()) {
                        return Err(err(
                            file,
                            n,
                            format!("{s:?} is not a sector code (3 capitals)"),
                        ));
                    }
                    let (set, other) = if f[0] == "state" {
                        (&mut v.state, &v.apart)
                    } else {
                        (&mut v.apart, &v.state)
                    };
                    if other.contains(s) {
                        return Err(err(file, n, format!("sector {s} is both state and apart")));
                    }
                    set.insert(s.to_string());
                }
                ("host", 3) => {
                    let side = match f[2] {
                        "source" => Host::Source,
                        "target" => Host::Target,
                        x => return Err(err(file, n, format!("host side {x:?} (source, target)"))),
                    };
                    v.host.insert(level(file, n, f[1])?, side);
                }
                ("host", _) => return Err(err(file, n, "host takes a code and a side")),
                ("joint" | "state" | "apart" | "trip" | "press", _) => {
                    return Err(err(file, n, format!("{} takes one value", f[0])))
                }
                ("mirror", _) => return Err(err(file, n, "mirror takes two codes")),
                (k, _) => {
                    return Err(err(
                        file,
                        n,
                        format!(
                            "unknown kind {k:?} (joint, mirror, state, apart, press, host, trip)"
                        ),
                    ))
                }
            }
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_loads() {
        let v = Vocab::embedded().unwrap();
        assert!(v.joint.contains("040") && v.joint.contains("046"));
        assert_eq!(v.mirror.get("043").map(String::as_str), Some("042"));
        assert!(v.state.contains("GOV") && !v.state.contains("OPP"));
        assert!(v.apart.contains("REB") && v.apart.contains("OPP") && !v.apart.contains("CVL"));
        assert!(v.topic.contains("on") && v.topic.contains("into") && !v.topic.contains("with"));
        assert!(v.stop.contains("the") && v.stop.contains("said") && !v.stop.contains("visit"));
        assert!(v.planned_before.contains("will") && v.planned_after.contains("due"));
        assert!(v.report.contains("said") && v.report.contains("confirmed"));
        assert!(v.denial.contains("never") && !v.denial.contains("won"));
        assert!(!v.planned_before.contains("may"));
        assert_eq!(v.host.get("042"), Some(&Host::Target));
        assert!(v.trip.contains("042") && v.trip.contains("040") && !v.trip.contains("041"));
        assert!(v.press.contains("MED") && !v.press.contains("GOV"));
        assert_eq!(v.family_of("12"), v.family_of("11"));
        assert_ne!(v.family_of("04"), v.family_of("03"));
        assert_eq!(v.family_of("05"), "05");
        assert_eq!(v.family_of("18"), v.family_of("20"));
        assert!(v.is_outcome("1823") && v.is_outcome("182") && !v.is_outcome("190"));
    }

    #[test]
    fn bad_root_lines_name_file_and_line() {
        let bad = [
            (
                "family\t11\t12\nfamily\t12\t13\n",
                "r.tsv:2: root 12 is in two families",
            ),
            ("family\t11\n", "r.tsv:1: a family takes two roots"),
            ("family\t11\t1x\n", "r.tsv:1: \"1x\" is not a CAMEO code"),
            ("family\t11\t120\n", "r.tsv:1: \"120\" is not a CAMEO code"),
            (
                "# c\noutcome\t182\n",
                "r.tsv:2: outcome 182: root 18 is in no family",
            ),
            (
                "family 17 18\noutcome 18\n",
                "r.tsv:2: \"18\" is not a CAMEO code",
            ),
            ("families\t11\t12\n", "r.tsv:1: unknown kind"),
        ];
        for (text, want) in bad {
            let e = Vocab::parse_roots("r.tsv", text).unwrap_err();
            assert!(e.to_string().contains(want), "{e}");
        }
        let (f, o) = Vocab::parse_roots("r.tsv", "family 12 11 # c\noutcome 122\n").unwrap();
        assert_eq!(f.get("12").map(String::as_str), Some("11"));
        assert!(o.contains("122"));
        let e = Vocab::parse("x.tsv", "host\t042\tvisitor\n").unwrap_err();
        assert!(e.to_string().contains("x.tsv:1: host side"), "{e}");
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let e = Vocab::parse("x.tsv", "# c\njoint\t04\njoint\t4x\n").unwrap_err();
        assert!(e.to_string().contains("x.tsv:3:"), "{e}");
        let e = Vocab::parse("x.tsv", "mirror\t042\n").unwrap_err();
        assert!(
            e.to_string().contains("x.tsv:1: mirror takes two codes"),
            "{e}"
        );
        let e = Vocab::parse("x.tsv", "press\tMED\npress\tmed\n").unwrap_err();
        assert!(
            e.to_string()
                .contains("x.tsv:2: \"med\" is not a sector code"),
            "{e}"
        );
        let e = Vocab::parse("x.tsv", "press\tMED\tCVL\n").unwrap_err();
        assert!(
            e.to_string().contains("x.tsv:1: press takes one value"),
            "{e}"
        );
        let e = Vocab::parse("x.tsv", "state\tgov\n").unwrap_err();
        assert!(e.to_string().contains("x.tsv:1:"), "{e}");
        let e = Vocab::parse("x.tsv", "state\tGOV\napart\tREB\napart\tGOV\n").unwrap_err();
        assert!(e.to_string().contains("x.tsv:3: sector GOV is both"), "{e}");
        let e = Vocab::parse("x.tsv", "mirror\t042\t043\nmirror\t043\t044\n").unwrap_err();
        assert!(e.to_string().contains("x.tsv:2:"), "{e}");
        let e = Vocab::parse_stopwords("s.txt", "the and\n# ok\nBut\n").unwrap_err();
        assert!(e.to_string().contains("s.txt:3:"), "{e}");
        let e = Vocab::parse_planned("p.txt", "before will\nbeside due\n").unwrap_err();
        assert!(e.to_string().contains("p.txt:2: unknown position"), "{e}");
        let e = Vocab::parse_planned("p.txt", "# c\nafter Due\n").unwrap_err();
        assert!(e.to_string().contains("p.txt:2:"), "{e}");
        let e = Vocab::parse("x.tsv", "trip\t040\t042\n").unwrap_err();
        assert!(
            e.to_string().contains("x.tsv:1: trip takes one value"),
            "{e}"
        );
        let e = Vocab::parse("x.tsv", "joins\t040\n").unwrap_err();
        assert!(e.to_string().contains("unknown kind"), "{e}");
        assert_eq!(
            Vocab::parse("x.tsv", "joint\t04\n").unwrap().joint,
            BTreeSet::from(["040".to_string()])
        );
    }

    #[test]
    fn link_model_lines_name_file_and_line() {
        let names = crate::dedup::rules::FEATURES;
        let full: String = std::iter::once("threshold\t0.6\n".to_string())
            .chain(names.iter().map(|n| format!("weight\t{n}\t0.5\n")))
            .collect();
        let m = LinkModel::parse("l.tsv", &full).unwrap().unwrap();
        assert_eq!(m.weights.len(), names.len());
        assert_eq!(m.threshold, 0.6);
        assert!((m.probability(&vec![0.0; names.len()]) - 0.5).abs() < 1e-12);
        assert_eq!(LinkModel::parse("l.tsv", "# no model\n").unwrap(), None);
        let e = |text: &str| LinkModel::parse("l.tsv", text).unwrap_err().to_string();
        assert!(e("weight\tnope\t1\n").contains("l.tsv:1: unknown feature"));
        assert!(e("threshold\t2\n").contains("l.tsv:1:"));
        assert!(e("threshold\t0.5\nweight\tbias\tx\n").contains("l.tsv:2:"));
        assert!(e("threshold\t0.5\nweight\tbias\t1\n").contains("no weight for"));
        assert!(e(&format!("{full}weight\tbias\t1\n")).contains("bias twice"));
        assert!(e("threshold 0.5\n").contains("l.tsv:1: expected"));
    }
}
