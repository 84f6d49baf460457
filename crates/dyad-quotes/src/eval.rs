//! The PolNeAR scorer behind `dyad eval polnear DIR`.
//!
//! Reads `DIR/text/*.txt` and `DIR/attributions/*.ann` (BRAT standoff; the first annotator file
//! per article in file-name order), runs the caller's pipeline on each text, and scores the
//! predicted quotes against the gold attributions:
//! - Predicted quotes sharing a cue span form one predicted attribution (a split quote is one
//!   attribution with discontinuous content, as in PolNeAR); its content is the union.
//! - A prediction matches a gold attribution when the cues overlap and the predicted content covers
//!   at least half of the gold content characters; pairs are matched one-to-one, best coverage first.
//! - Precision = matched predictions / predictions, recall = matched gold / gold, F1 their harmonic
//!   mean. `speaker_match` = share of matched pairs (with a gold source) whose predicted speaker
//!   overlaps the gold source. `*_direct` / `*_indirect` split gold by whether its content contains
//!   quotation marks and predictions by kind (direct or mixed vs indirect).
//!
//! The pipeline is passed in as a closure so that this crate needs no dependency on the facade
//! that registers it.

use dyad_doc::metrics::prf;
use dyad_doc::{Doc, QuoteKind, Span};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One gold attribution in byte spans.
#[derive(Debug, Clone, Default)]
pub struct GoldAttribution {
    /// Cue fragments.
    pub cue: Vec<Span>,
    /// Content fragments.
    pub content: Vec<Span>,
    /// Source fragments (empty for attributions without a source).
    pub source: Vec<Span>,
}

/// One predicted attribution: quotes grouped by cue.
#[derive(Debug, Clone)]
struct Pred {
    cue: Option<Span>,
    content: Vec<Span>,
    speaker: Option<Span>,
    direct: bool,
}

/// Counts accumulated over a corpus.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Gold attributions.
    pub gold: usize,
    /// Predicted attributions.
    pub pred: usize,
    /// Matched pairs.
    pub matched: usize,
    /// Matched pairs whose gold has a source.
    pub with_source: usize,
    /// … of which the predicted speaker overlaps the gold source.
    pub speaker_ok: usize,
    /// Gold / predicted / matched counts, direct.
    pub direct: (usize, usize, usize, usize),
    /// Gold / predicted / matched-gold / matched-pred counts, indirect.
    pub indirect: (usize, usize, usize, usize),
}

/// Parse a BRAT `.ann` file of PolNeAR into attributions with **byte** spans into `text`
/// (the file gives code-point offsets). Lines that do not parse (notes, continuation lines of
/// multi-line span texts) are skipped; spans outside the text are dropped.
pub fn parse_ann(ann: &str, text: &str) -> Vec<GoldAttribution> {
    let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of.push(text.len());
    let to_bytes = |c: usize| byte_of.get(c).copied();
    let mut spans: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in ann.lines() {
        let mut f = line.split('\t');
        let (Some(id), Some(body)) = (f.next(), f.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_, offsets)) = body.split_once(' ') else {
                continue;
            };
            let mut frag = Vec::new();
            for part in offsets.split(';') {
                let mut it = part.split_whitespace().map(str::parse::<usize>);
                if let (Some(Ok(s)), Some(Ok(e))) = (it.next(), it.next()) {
                    if let (Some(s), Some(e)) = (to_bytes(s), to_bytes(e)) {
                        if s < e {
                            frag.push(Span::new(s, e));
                        }
                    }
                }
            }
            spans.insert(id, frag);
        } else if id.starts_with('E') {
            events.push(
                body.split_whitespace()
                    .filter_map(|x| x.split_once(':'))
                    .collect(),
            );
        }
    }
    let mut out = Vec::new();
    for ev in events {
        let mut g = GoldAttribution::default();
        for (role, tid) in ev {
            let Some(sp) = spans.get(tid) else { continue };
            match role {
                "Cue" => g.cue.extend(sp),
                r if r.starts_with("Content") => g.content.extend(sp),
                "Source" => g.source.extend(sp),
                _ => {}
            }
        }
        if !g.cue.is_empty() && !g.content.is_empty() {
            out.push(g);
        }
    }
    out
}

fn preds_of(doc: &Doc) -> Vec<Pred> {
    let mut by_cue: BTreeMap<(usize, usize), Pred> = BTreeMap::new();
    let mut out = Vec::new();
    for q in &doc.quotes {
        let direct = q.kind != QuoteKind::Indirect;
        match q.cue {
            Some(c) => {
                let p = by_cue.entry((c.start, c.end)).or_insert(Pred {
                    cue: Some(c),
                    content: Vec::new(),
                    speaker: q.speaker.as_ref().map(|s| s.span),
                    direct,
                });
                p.content.push(q.span);
                p.direct |= direct;
            }
            None => out.push(Pred {
                cue: None,
                content: vec![q.span],
                speaker: None,
                direct,
            }),
        }
    }
    out.extend(by_cue.into_values());
    out
}

fn covered(gold: &[Span], pred: &[Span]) -> (usize, usize) {
    // Bytes of gold content covered by the union of predicted spans.
    let total: usize = gold.iter().map(|g| g.len()).sum();
    let mut cov = 0;
    for g in gold {
        let mut parts: Vec<(usize, usize)> = pred
            .iter()
            .filter(|p| p.overlaps(*g))
            .map(|p| (p.start.max(g.start), p.end.min(g.end)))
            .collect();
        parts.sort();
        let mut end = g.start;
        for (s, e) in parts {
            let s = s.max(end);
            if e > s {
                cov += e - s;
                end = e;
            }
        }
    }
    (cov, total)
}

/// Whether a predicted attribution (a cue and the content spans of its quotes) matches one of
/// `gold` as the scorer counts it: the cues overlap and the content covers at least half of the
/// gold content (not one-to-one; for labelling training candidates).
pub fn matches_any(gold: &[GoldAttribution], cue: Span, content: &[Span]) -> bool {
    gold.iter().any(|g| {
        g.cue.iter().any(|c| c.overlaps(cue)) && {
            let (cov, total) = covered(&g.content, content);
            total > 0 && cov * 2 >= total
        }
    })
}

fn is_direct_gold(text: &str, g: &GoldAttribution) -> bool {
    g.content
        .iter()
        .any(|c| text[c.start..c.end].contains(['“', '”', '"']))
}

/// Score one document's predicted quotes against its gold attributions.
pub fn score_doc(doc: &Doc, gold: &[GoldAttribution], counts: &mut Counts) {
    let preds = preds_of(doc);
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in preds.iter().enumerate() {
            let Some(cue) = p.cue else { continue };
            if !g.cue.iter().any(|c| c.overlaps(cue)) {
                continue;
            }
            let (cov, total) = covered(&g.content, &p.content);
            if total > 0 && cov * 2 >= total {
                pairs.push((cov as f64 / total as f64, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gm = vec![false; gold.len()];
    let mut pm = vec![false; preds.len()];
    for (_, gi, pi) in pairs {
        if gm[gi] || pm[pi] {
            continue;
        }
        gm[gi] = true;
        pm[pi] = true;
        counts.matched += 1;
        let g = &gold[gi];
        if !g.source.is_empty() {
            counts.with_source += 1;
            if preds[pi]
                .speaker
                .is_some_and(|s| g.source.iter().any(|x| x.overlaps(s)))
            {
                counts.speaker_ok += 1;
            }
        }
    }
    counts.gold += gold.len();
    counts.pred += preds.len();
    for (gi, g) in gold.iter().enumerate() {
        let slot = if is_direct_gold(&doc.text, g) {
            &mut counts.direct
        } else {
            &mut counts.indirect
        };
        slot.0 += 1;
        slot.2 += gm[gi] as usize;
    }
    for (pi, p) in preds.iter().enumerate() {
        let slot = if p.direct {
            &mut counts.direct
        } else {
            &mut counts.indirect
        };
        slot.1 += 1;
        slot.3 += pm[pi] as usize;
    }
}

/// The kind of a row of [`misses`]: `extra` (a predicted attribution with no gold one: its cue is
/// marked `+`), `miss-content` (the cue was found, the content was not), `miss-cue`.
pub fn miss_kind(cue: &str, cue_hit: bool) -> &'static str {
    if cue.starts_with('+') {
        "extra"
    } else if cue_hit {
        "miss-content"
    } else {
        "miss-cue"
    }
}

/// Diagnostics for tuning: for each unmatched gold attribution, `(cue text, had a predicted quote
/// with an overlapping cue, gold content, cue start byte)`; for each unmatched prediction,
/// `("+" cue text, false, predicted content, cue start byte)`.
pub fn misses(doc: &Doc, gold: &[GoldAttribution]) -> Vec<(String, bool, String, usize)> {
    let preds = preds_of(doc);
    let mut out = Vec::new();
    let mut pm = vec![false; preds.len()];
    for g in gold {
        let mut hit = false;
        let mut cue_hit = false;
        for (pi, p) in preds.iter().enumerate() {
            let Some(cue) = p.cue else { continue };
            if g.cue.iter().any(|c| c.overlaps(cue)) {
                cue_hit = true;
                let (cov, total) = covered(&g.content, &p.content);
                if cov * 2 >= total {
                    hit = true;
                    pm[pi] = true;
                }
            }
        }
        if !hit {
            let cue: Vec<&str> = g.cue.iter().map(|c| &doc.text[c.start..c.end]).collect();
            let content: Vec<&str> = g
                .content
                .iter()
                .map(|c| &doc.text[c.start..c.end])
                .collect();
            let c0 = g.cue[0].start;
            let mut a = c0.saturating_sub(150);
            while !doc.text.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = (c0 + 100).min(doc.text.len());
            while !doc.text.is_char_boundary(b) {
                b += 1;
            }
            let ctx = format!(
                "{}[[{}]]{}",
                &doc.text[a..c0],
                &doc.text[c0..g.cue[0].end.max(c0)],
                &doc.text[g.cue[0].end.min(b)..b]
            );
            out.push((
                cue.join(" ").to_lowercase(),
                cue_hit,
                format!("{} ## {}", content.join(" | "), ctx),
                c0,
            ));
        }
    }
    for (pi, p) in preds.iter().enumerate() {
        if !pm[pi] {
            let cue = p
                .cue
                .map(|c| doc.text[c.start..c.end].to_lowercase())
                .unwrap_or_default();
            let content: Vec<&str> = p
                .content
                .iter()
                .map(|c| &doc.text[c.start..c.end])
                .collect();
            let at = p.cue.map_or(0, |c| c.start);
            out.push((format!("+{cue}"), false, content.join(" | "), at));
        }
    }
    out
}

/// The articles of a PolNeAR split: (text path, first annotator's .ann path), sorted by name.
pub fn articles(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    let ann_dir = dir.join("attributions");
    let text_dir = dir.join("text");
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("{}: {e}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut out: BTreeMap<String, (PathBuf, PathBuf)> = BTreeMap::new();
    for ann in anns {
        let name = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let Some((stem, _annotator)) = name.rsplit_once('_') else {
            continue;
        };
        let txt = text_dir.join(format!("{stem}.txt"));
        if txt.exists() && !out.contains_key(stem) {
            out.insert(stem.to_string(), (txt, ann));
        }
    }
    if out.is_empty() {
        return Err(format!(
            "{}: no articles with annotations found",
            dir.display()
        ));
    }
    Ok(out.into_values().collect())
}

/// Run `pipeline` on every article of the split in `dir` and score it. Returns the printed report
/// and the metrics (`f1`, `precision`, `recall`, `speaker_match`, `f1_direct`, `f1_indirect`, …).
pub fn run(
    dir: &Path,
    pipeline: &dyn Fn(&mut Doc) -> Result<(), String>,
) -> Result<(String, Vec<(String, f64)>), String> {
    let articles = articles(dir)?;
    let mut counts = Counts::default();
    let mut failed = 0;
    let start = std::time::Instant::now();
    // Tuning aid: `DYAD_POLNEAR_MISSES=FILE` writes every miss and extra prediction as a TSV line
    // (kind, cue, content ## context), as `examples/misses.rs` does for the stage alone.
    let dump_path = std::env::var_os("DYAD_POLNEAR_MISSES");
    let mut dump = String::new();
    for (txt, ann) in &articles {
        let text = std::fs::read_to_string(txt).map_err(|e| format!("{}: {e}", txt.display()))?;
        let ann_text =
            std::fs::read_to_string(ann).map_err(|e| format!("{}: {e}", ann.display()))?;
        let gold = parse_ann(&ann_text, &text);
        let id = txt
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let mut doc = Doc::new(id.clone(), text);
        if pipeline(&mut doc).is_err() {
            failed += 1;
            doc.quotes.clear();
        }
        score_doc(&doc, &gold, &mut counts);
        if dump_path.is_some() {
            for (cue, cue_hit, content, at) in misses(&doc, &gold) {
                let kind = miss_kind(&cue, cue_hit);
                let content: String = content.chars().take(600).collect();
                let _ = writeln!(
                    dump,
                    "{kind}\t{}\t{id}\t{at}\t{}",
                    cue.trim_start_matches('+').replace(['\n', '\t'], " "),
                    content.replace(['\n', '\t'], " ")
                );
            }
        }
    }
    if let Some(p) = &dump_path {
        std::fs::write(p, dump).map_err(|e| format!("{}: {e}", p.to_string_lossy()))?;
    }
    let secs = start.elapsed().as_secs_f64();
    Ok(report(&counts, articles.len(), failed, secs))
}

/// Format the report and metrics for accumulated counts.
pub fn report(
    c: &Counts,
    articles: usize,
    failed: usize,
    secs: f64,
) -> (String, Vec<(String, f64)>) {
    let (p, r, f) = prf(c.matched, c.pred, c.matched, c.gold);
    let spk = if c.with_source == 0 {
        0.0
    } else {
        c.speaker_ok as f64 / c.with_source as f64
    };
    let (pd, rd, fd) = prf(c.direct.3, c.direct.1, c.direct.2, c.direct.0);
    let (pi, ri, fi) = prf(c.indirect.3, c.indirect.1, c.indirect.2, c.indirect.0);
    let mut t = String::new();
    let _ = writeln!(
        t,
        "polnear: {articles} articles ({failed} failed), {:.1} s",
        secs
    );
    let _ = writeln!(
        t,
        "  gold {} attributions, predicted {}, matched {}",
        c.gold, c.pred, c.matched
    );
    let _ = writeln!(t, "  all       P {:.3}  R {:.3}  F1 {:.3}", p, r, f);
    let _ = writeln!(
        t,
        "  direct    P {:.3}  R {:.3}  F1 {:.3}  (gold {}, pred {})",
        pd, rd, fd, c.direct.0, c.direct.1
    );
    let _ = writeln!(
        t,
        "  indirect  P {:.3}  R {:.3}  F1 {:.3}  (gold {}, pred {})",
        pi, ri, fi, c.indirect.0, c.indirect.1
    );
    let _ = writeln!(
        t,
        "  speaker match {:.3} ({} of {} matches with a gold source)",
        spk, c.speaker_ok, c.with_source
    );
    let metrics = vec![
        ("f1".to_string(), f),
        ("precision".to_string(), p),
        ("recall".to_string(), r),
        ("speaker_match".to_string(), spk),
        ("f1_direct".to_string(), fd),
        ("f1_indirect".to_string(), fi),
        ("precision_direct".to_string(), pd),
        ("recall_direct".to_string(), rd),
        ("precision_indirect".to_string(), pi),
        ("recall_indirect".to_string(), ri),
    ];
    (t, metrics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_doc::{Quote, Speaker};

    #[test]
    fn brat_offsets_are_code_points_and_fragments_join() {
        let text = "“Déjà vu,” the aide said.";
        let ann = "T1\tSource 11 19\tthe aide\nT2\tCue 20 24\tsaid\nT3\tContent 0 8;8 10\t“Déjà vu,”\n\
                   T4\tAttribution 20 24\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tnote\n";
        let g = parse_ann(ann, text);
        assert_eq!(g.len(), 1);
        assert_eq!(&text[g[0].source[0].start..g[0].source[0].end], "the aide");
        assert_eq!(&text[g[0].cue[0].start..g[0].cue[0].end], "said");
        assert_eq!(g[0].content.len(), 2);
    }

    #[test]
    fn matching_needs_cue_overlap_and_half_the_content() {
        let text = "“Déjà vu,” the aide said.";
        let ann = "T1\tSource 11 19\tx\nT2\tCue 20 24\tx\nT3\tContent 0 10\tx\nE1\tCue:T2 Content:T3 Source:T1\n";
        let gold = parse_ann(ann, text);
        let said = text.find("said").unwrap();
        let aide = text.find("the aide").unwrap();
        let mut doc = Doc::new("t", text);
        doc.quotes.push(Quote {
            span: Span::new(3, text.find(',').unwrap()),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: Span::new(aide, aide + 8),
                name: None,
                cluster: None,
                actor: None,
            }),
            cue: Some(Span::new(said, said + 4)),
            channel: None,
        });
        let mut c = Counts::default();
        score_doc(&doc, &gold, &mut c);
        assert_eq!((c.gold, c.pred, c.matched, c.speaker_ok), (1, 1, 1, 1));
        assert_eq!(c.direct, (1, 1, 1, 1));
        // Wrong cue: no match.
        doc.quotes[0].cue = Some(Span::new(aide, aide + 3));
        let mut c = Counts::default();
        score_doc(&doc, &gold, &mut c);
        assert_eq!(c.matched, 0);
    }
}
