//! Training the event check ([`crate::check`]) from the hand-judged precision sheets
//! (`data/eval/precision-seed*.tsv`, written by `scripts/precision-sample.py`; no text, offsets
//! only): each judged row is matched to an event of the current coder's output for its document,
//! labelled [`check::OK`] when it was judged real with the right root, and its features are those
//! the check computes at coding time. Optional extra positives: the PLV events `dyad eval plv`
//! scores with the right root, so that the check does not learn to remove gold-set events.
//! [`cross_validate`] holds out one sheet at a time and scores the events kept at each threshold
//! as `precision-sample.py score` does.

use crate::check::{self, BAD, OK};
use crate::classifier::{Classifier, TrainOptions};
use crate::mentions::Mention;
use crate::plv_eval;
use crate::Coder;
use dyad_doc::{Doc, Event, Span};
use std::collections::BTreeMap;
use std::path::Path;

/// One judged row of a sheet (offsets in code points, as the sheet stores them).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index of the sheet in the list given to training (the cross-validation fold).
    pub sheet: usize,
    /// Row number in its sheet (`n`).
    pub n: usize,
    /// Document id.
    pub doc: String,
    /// Evidence span (code points).
    pub evidence: (usize, usize),
    /// CAMEO code.
    pub cameo: String,
    /// Source mention (code points; -1 none, -2 outside the sentence).
    pub src: (i64, i64),
    /// Target mention (as `src`).
    pub tgt: (i64, i64),
    /// Judgements real, root, source, target, negation.
    pub judged: [bool; 5],
}

/// Read a judged sheet; rows without judgements are skipped. Errors are `path:line: message`.
pub fn read_sheet(path: &Path, sheet: usize) -> Result<Vec<Row>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_sheet(&text, &path.display().to_string(), sheet)
}

/// [`read_sheet`] on the sheet's text; `name` names it in errors.
pub fn parse_sheet(text: &str, name: &str, sheet: usize) -> Result<Vec<Row>, String> {
    let mut header: Option<Vec<&str>> = None;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let err = |m: String| format!("{name}:{}: {m}", i + 1);
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let Some(h) = &header else {
            header = Some(cells);
            continue;
        };
        let get = |c: &str| -> Result<&str, String> {
            h.iter()
                .position(|x| *x == c)
                .and_then(|k| cells.get(k).copied())
                .ok_or_else(|| err(format!("no column {c}")))
        };
        let num = |c: &str| -> Result<i64, String> {
            get(c)?
                .trim()
                .parse::<i64>()
                .map_err(|_| err(format!("{c} is not a number")))
        };
        let mut judged = [false; 5];
        let mut blank = true;
        for (k, c) in ["real", "root", "source", "target", "negation"]
            .iter()
            .enumerate()
        {
            match get(c).unwrap_or("").trim() {
                "y" => (judged[k], blank) = (true, false),
                "n" => blank = false,
                "" => {}
                other => return Err(err(format!("{c} must be y or n, got {other:?}"))),
            }
        }
        if blank {
            continue;
        }
        let (es, ee) = (num("ev_start")?, num("ev_end")?);
        if es < 0 || ee < es {
            return Err(err("bad evidence offsets".into()));
        }
        rows.push(Row {
            sheet,
            n: num("n")? as usize,
            doc: get("doc")?.to_string(),
            evidence: (es as usize, ee as usize),
            cameo: get("cameo")?.to_string(),
            src: (num("src_start")?, num("src_end")?),
            tgt: (num("tgt_start")?, num("tgt_end")?),
            judged,
        });
    }
    if header.is_none() {
        return Err(format!("{name}: no header line"));
    }
    Ok(rows)
}

/// A judged event matched to the current output: its features, its label and its judgements.
#[derive(Debug, Clone)]
pub struct Judged {
    /// The fold: the sheet's index (`None`: an extra example, e.g. from PLV, never held out).
    pub sheet: Option<usize>,
    /// The check's features of the matched event.
    pub features: Vec<String>,
    /// Judged real with the right root.
    pub ok: bool,
    /// Real, root, negation as judged.
    pub real: bool,
    /// See `real`.
    pub root: bool,
    /// See `real`.
    pub negation: bool,
    /// Source judged right, when the current event's source is the judged mention (else unknown).
    pub source: Option<bool>,
    /// Target judged right, when the current event's target is the judged mention.
    pub target: Option<bool>,
}

/// Byte offset of code point `cp` in `text` (`None` past the end).
fn byte_of(text: &str, cp: usize) -> Option<usize> {
    if cp == text.chars().count() {
        return Some(text.len());
    }
    text.char_indices().nth(cp).map(|(b, _)| b)
}

/// Whether an event's mention is the one the row judged: both none, the same span (or the same
/// words at the judged offsets: the sheet records the occurrence nearest the evidence), or both
/// outside the judged stretch.
fn same_mention(doc: &Doc, a: Option<Span>, row: (i64, i64), stretch: Span) -> bool {
    match (a, row) {
        (None, (-1, _)) => true,
        (Some(sp), (-2, _)) => !stretch.contains(sp),
        (Some(sp), (s, e)) if s >= 0 => {
            let (Some(bs), Some(be)) = (
                byte_of(&doc.text, s as usize),
                byte_of(&doc.text, e as usize),
            ) else {
                return false;
            };
            sp == Span::new(bs, be) || doc.text.get(bs..be) == Some(doc.slice(sp))
        }
        _ => false,
    }
}

/// Match the judged `rows` of one document to its `events` (all written, none removed by the
/// check): same evidence span and code; among several, the one whose source and target are the
/// judged mentions. Returns `(row index, event index, source known, target known)`.
pub fn match_rows(doc: &Doc, events: &[Event], rows: &[&Row]) -> Vec<(usize, usize, bool, bool)> {
    let mut out = Vec::new();
    for (ri, r) in rows.iter().enumerate() {
        let (Some(bs), Some(be)) = (
            byte_of(&doc.text, r.evidence.0),
            byte_of(&doc.text, r.evidence.1),
        ) else {
            continue;
        };
        let ev = Span::new(bs, be);
        let best = events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.evidence == ev && e.cameo == r.cameo)
            .map(|(i, e)| {
                let stretch = doc.sentences.get(e.sentence).map_or(ev, |s| {
                    Span::new(s.span.start.min(ev.start), s.span.end.max(ev.end))
                });
                let s = same_mention(doc, e.source.as_ref().and_then(|a| a.span), r.src, stretch);
                let t = same_mention(doc, e.target.as_ref().and_then(|a| a.span), r.tgt, stretch);
                (i, s, t)
            })
            .max_by_key(|&(i, s, t)| (s as u8 + t as u8, std::cmp::Reverse(i)));
        if let Some((i, s, t)) = best {
            out.push((ri, i, s, t));
        }
    }
    out
}

/// The judged example of a matched row.
pub fn judged(
    doc: &Doc,
    e: &Event,
    r: &Row,
    src_known: bool,
    tgt_known: bool,
    coder: Option<(&Coder, &[Mention])>,
) -> Judged {
    let [real, root, source, target, negation] = r.judged;
    Judged {
        sheet: Some(r.sheet),
        features: check::features_of(doc, e, coder),
        ok: real && root,
        real,
        root,
        negation,
        source: src_known.then_some(source),
        target: tgt_known.then_some(target),
    }
}

/// The positive examples of one PLV sentence: the event `dyad eval plv` scores when its type is
/// the gold root (the check must not learn to remove what the gold set marks).
pub fn plv_positive(
    doc: &Doc,
    g: &plv_eval::Gold,
    events: &[Event],
    coder: Option<(&Coder, &[Mention])>,
) -> Option<Judged> {
    let e = plv_eval::select(doc, g, events)?;
    let kind = e.plover.as_ref()?;
    (plv_eval::plv_root(&kind.kind) == g.root).then(|| Judged {
        sheet: None,
        features: check::features_of(doc, e, coder),
        ok: true,
        real: true,
        root: true,
        negation: true,
        source: None,
        target: None,
    })
}

/// Training settings of the check (the classifier's, more regularised: the data are small; a
/// learning rate of 0.02 instead of 0.1 separates held-out sheets better and scores the guarded
/// GSR events higher, docs/evaluation.md "Session 15, branch `events15`").
pub fn options() -> TrainOptions {
    TrainOptions {
        epochs: 20,
        rate: 0.02,
        l2: 0.01,
        min_count: 3,
        seed: 1,
    }
}

/// Train the check on `examples` (classes [`OK`] and [`BAD`]).
pub fn train(examples: &[&Judged], opts: &TrainOptions) -> Classifier {
    let data: Vec<(Vec<String>, String)> = examples
        .iter()
        .map(|j| (j.features.clone(), if j.ok { OK } else { BAD }.to_string()))
        .collect();
    Classifier::train(&data, &BTreeMap::new(), opts)
}

/// Precision of the events kept at one threshold, as `precision-sample.py score` counts it: of
/// the kept judged events, how many are right on each count (source and target only where the
/// judged mention is still the event's; `all` where both are known).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rates {
    /// Judged events of the held-out set.
    pub total: usize,
    /// Events kept.
    pub kept: usize,
    /// Kept and judged real with the right root.
    pub ok: usize,
    /// Kept and real.
    pub real: usize,
    /// Kept with the right root.
    pub root: usize,
    /// Kept with a known source judgement / right.
    pub source: (usize, usize),
    /// Kept with a known target judgement / right.
    pub target: (usize, usize),
    /// Kept with both known / right on all five counts.
    pub all: (usize, usize),
}

impl Rates {
    /// Add one held-out event with its probability `p`, kept when `p >= min`.
    pub fn add(&mut self, j: &Judged, p: f32, min: f32) {
        self.total += 1;
        if p < min {
            return;
        }
        self.kept += 1;
        self.ok += j.ok as usize;
        self.real += j.real as usize;
        self.root += j.root as usize;
        if let Some(s) = j.source {
            self.source.0 += 1;
            self.source.1 += s as usize;
        }
        if let Some(t) = j.target {
            self.target.0 += 1;
            self.target.1 += t as usize;
        }
        if let (Some(s), Some(t)) = (j.source, j.target) {
            self.all.0 += 1;
            self.all.1 += (j.real && j.root && s && t && j.negation) as usize;
        }
    }

    /// Sum of two counts.
    pub fn plus(&self, o: &Rates) -> Rates {
        let p = |a: (usize, usize), b: (usize, usize)| (a.0 + b.0, a.1 + b.1);
        Rates {
            total: self.total + o.total,
            kept: self.kept + o.kept,
            ok: self.ok + o.ok,
            real: self.real + o.real,
            root: self.root + o.root,
            source: p(self.source, o.source),
            target: p(self.target, o.target),
            all: p(self.all, o.all),
        }
    }

    /// The rates real, root, source, target, all and the share kept.
    pub fn values(&self) -> [f64; 6] {
        let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        [
            r(self.real, self.kept),
            r(self.root, self.kept),
            r(self.source.1, self.source.0),
            r(self.target.1, self.target.0),
            r(self.all.1, self.all.0),
            r(self.kept, self.total),
        ]
    }

    /// Kept events judged real with the right root minus kept events that are not.
    pub fn net(&self) -> i64 {
        2 * self.ok as i64 - self.kept as i64
    }
}

/// Leave-one-sheet-out cross-validation: for each sheet, a check trained on every other example
/// (the other sheets and the extra examples) scores the sheet's events; returns per sheet the
/// held-out probabilities, in the order of `examples`.
pub fn cross_validate(
    examples: &[Judged],
    sheets: usize,
    opts: &TrainOptions,
) -> Vec<Vec<(usize, f32)>> {
    (0..sheets)
        .map(|k| {
            let train_set: Vec<&Judged> = examples.iter().filter(|j| j.sheet != Some(k)).collect();
            let model = train(&train_set, opts);
            examples
                .iter()
                .enumerate()
                .filter(|(_, j)| j.sheet == Some(k))
                .map(|(i, j)| (i, check::probability(&model, &j.features)))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = "# comment\n\
n\tdoc\tidx\tsent_start\tsent_end\tev_start\tev_end\tcameo\tnegated\tmodality\tsrc_code\tsrc_start\tsrc_end\ttgt_code\ttgt_start\ttgt_end\tsent_hash\tev_hash\treal\troot\tsource\ttarget\tnegation\terror\n\
1\td1\t0\t0\t30\t10\t16\t042\t0\tactual\tRUS\t0\t6\t-\t-1\t-1\tx\ty\ty\tn\ty\ty\ty\twrong root\n\
2\td1\t1\t0\t30\t10\t16\t042\t0\tactual\tRUS\t0\t6\t-\t-1\t-1\tx\ty\t\t\t\t\t\t\n";

    #[test]
    fn sheets_read_judged_rows_only() {
        let rows = parse_sheet(SHEET, "s.tsv", 3).unwrap();
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(
            (r.sheet, r.n, r.doc.as_str(), r.evidence),
            (3, 1, "d1", (10, 16))
        );
        assert_eq!(r.judged, [true, false, true, true, true]);
        assert_eq!((r.src, r.tgt), ((0, 6), (-1, -1)));
        let bad = SHEET.replace("\ty\tn\ty", "\tyes\tn\ty");
        assert!(parse_sheet(&bad, "s.tsv", 0)
            .unwrap_err()
            .starts_with("s.tsv:3: real must be y or n"));
    }

    #[test]
    fn code_points_become_bytes() {
        assert_eq!(byte_of("Kyiv — Moscow", 7), Some(9));
        assert_eq!(byte_of("ab", 2), Some(2));
        assert_eq!(byte_of("ab", 3), None);
    }

    #[test]
    fn rates_count_kept_events_and_known_roles() {
        let j = |ok: bool, s: Option<bool>| Judged {
            sheet: Some(0),
            features: Vec::new(),
            ok,
            real: ok,
            root: true,
            negation: true,
            source: s,
            target: Some(true),
        };
        let mut r = Rates::default();
        r.add(&j(true, Some(true)), 0.9, 0.5);
        r.add(&j(false, None), 0.7, 0.5);
        r.add(&j(false, Some(true)), 0.2, 0.5);
        assert_eq!(
            (r.total, r.kept, r.real, r.source, r.all),
            (3, 2, 1, (1, 1), (1, 1))
        );
        let v = r.values();
        assert!((v[0] - 0.5).abs() < 1e-9 && (v[5] - 2.0 / 3.0).abs() < 1e-9);
    }
}
