//! `dyad eval ud-seg`: segmentation accuracy against a UD treebank.
//!
//! The raw text of each document is rebuilt from the `# text` lines (sentences of a paragraph joined
//! by a space, paragraphs — `# newpar` — by a blank line, documents split at `# newdoc`), segmented,
//! and compared with the gold sentences and words by character span:
//! - `boundary_f1`: sentence-boundary F1 — sentence ends, ignoring each document's final end
//!   (which is free); the figure the CI floor applies to;
//! - `sentence_span_f1`: exact sentence spans (stricter, as in the CoNLL 2018 shared task);
//! - `token_f1`: exact spans of syntactic words (multi-word tokens such as `don't` are split into
//!   their words when the words spell the surface form, else kept whole).

use crate::segment::segment;
use std::collections::BTreeSet;
use std::path::Path;

struct GoldDoc {
    text: String,
    sentences: Vec<(usize, usize)>,
    words: Vec<(usize, usize)>,
}

/// Parse the treebank into rebuilt documents with gold spans.
fn read_gold(conllu: &str) -> Vec<GoldDoc> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut cur = GoldDoc {
        text: String::new(),
        sentences: vec![],
        words: vec![],
    };
    let mut pending_par = false;
    let mut sent_start = 0;
    let mut cursor = 0;
    let mut mwt_end: usize = 0; // last word id covered by the current multi-word token
    let mut mwt_words: Vec<String> = Vec::new();
    let mut mwt_range = (0, 0);
    let flush_mwt = |cur: &mut GoldDoc, words: &mut Vec<String>, range: (usize, usize)| {
        if words.is_empty() {
            return;
        }
        let surface = &cur.text[range.0..range.1];
        if words.concat() == surface {
            let mut at = range.0;
            for w in words.iter() {
                cur.words.push((at, at + w.len()));
                at += w.len();
            }
        } else {
            cur.words.push(range);
        }
        words.clear();
    };
    for line in conllu.lines() {
        if let Some(rest) = line.strip_prefix("# newdoc") {
            let _ = rest;
            if !cur.text.is_empty() {
                docs.push(std::mem::replace(
                    &mut cur,
                    GoldDoc {
                        text: String::new(),
                        sentences: vec![],
                        words: vec![],
                    },
                ));
            }
            pending_par = false;
        } else if line.starts_with("# newpar") {
            pending_par = true;
        } else if let Some(text) = line.strip_prefix("# text = ") {
            if !cur.text.is_empty() {
                cur.text.push_str(if pending_par { "\n\n" } else { " " });
            }
            pending_par = false;
            sent_start = cur.text.len();
            cur.text.push_str(text);
            cursor = sent_start;
        } else if line.is_empty() {
            if cur.text.len() > sent_start || !cur.text.is_empty() {
                cur.sentences.push((sent_start, cur.text.len()));
            }
            sent_start = cur.text.len();
        } else if !line.starts_with('#') {
            let mut cols = line.split('\t');
            let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
                continue;
            };
            if id.contains('.') {
                continue; // empty nodes have no surface
            }
            // Skip whitespace, then expect the form.
            let find = |cursor: usize, form: &str, text: &str| -> Option<usize> {
                let rest = &text[cursor..];
                let skipped = rest.len() - rest.trim_start().len();
                rest[skipped..]
                    .starts_with(form)
                    .then_some(cursor + skipped)
            };
            if let Some((a, b)) = id.split_once('-') {
                let (a, b): (usize, usize) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
                let _ = a;
                mwt_end = b;
                if let Some(at) = find(cursor, form, &cur.text) {
                    mwt_range = (at, at + form.len());
                    cursor = at + form.len();
                }
                continue;
            }
            let n: usize = id.parse().unwrap_or(0);
            if n <= mwt_end && !mwt_range.0.eq(&mwt_range.1) {
                mwt_words.push(form.to_string());
                if n == mwt_end {
                    flush_mwt(&mut cur, &mut mwt_words, mwt_range);
                    mwt_range = (0, 0);
                }
                continue;
            }
            if let Some(at) = find(cursor, form, &cur.text) {
                cur.words.push((at, at + form.len()));
                cursor = at + form.len();
            } else {
                // The form is not spelled in the text (rare treebank quirks): count it as missed.
                cur.words.push((usize::MAX, usize::MAX));
            }
        }
    }
    if !cur.text.is_empty() {
        docs.push(cur);
    }
    docs
}

fn f1(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    dyad_doc::metrics::prf(tp, pred, tp, gold)
}

/// Score segmentation of the treebank at `path`: (printed report, metrics).
pub fn run(path: &Path) -> Result<(String, Vec<(String, f64)>), String> {
    let conllu = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let docs = read_gold(&conllu);
    let (mut s_tp, mut s_pred, mut s_gold) = (0, 0, 0);
    let (mut b_tp, mut b_pred, mut b_gold) = (0, 0, 0);
    let (mut t_tp, mut t_pred, mut t_gold) = (0, 0, 0);
    let mut bytes = 0usize;
    let started = std::time::Instant::now();
    for d in &docs {
        bytes += d.text.len();
        let (tokens, sentences) = segment(&d.text);
        let pred_s: BTreeSet<(usize, usize)> = sentences
            .iter()
            .map(|s| (s.span.start, s.span.end))
            .collect();
        let gold_s: BTreeSet<(usize, usize)> = d.sentences.iter().copied().collect();
        s_tp += pred_s.intersection(&gold_s).count();
        s_pred += pred_s.len();
        s_gold += gold_s.len();
        let end = d.text.trim_end().len();
        let pb: BTreeSet<usize> = pred_s.iter().map(|s| s.1).filter(|&e| e < end).collect();
        let gb: BTreeSet<usize> = gold_s.iter().map(|s| s.1).filter(|&e| e < end).collect();
        b_tp += pb.intersection(&gb).count();
        b_pred += pb.len();
        b_gold += gb.len();
        let pred_t: BTreeSet<(usize, usize)> =
            tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
        let gold_t: BTreeSet<(usize, usize)> = d.words.iter().copied().collect();
        t_tp += pred_t.intersection(&gold_t).count();
        t_pred += pred_t.len();
        t_gold += d.words.len();
    }
    let secs = started.elapsed().as_secs_f64();
    let (sp, sr, sf) = f1(s_tp, s_pred, s_gold);
    let (bp, br, bf) = f1(b_tp, b_pred, b_gold);
    let (tp, tr, tf) = f1(t_tp, t_pred, t_gold);
    let text = format!(
        "ud-seg {}: {} documents, {} sentences, {} words\n\
         sentences (exact span)  P {sp:.4}  R {sr:.4}  F1 {sf:.4}\n\
         sentence boundaries     P {bp:.4}  R {br:.4}  F1 {bf:.4}\n\
         tokens (words)          P {tp:.4}  R {tr:.4}  F1 {tf:.4}\n\
         speed                   {:.1} MB/s ({} bytes in {:.3}s, one thread)\n",
        path.display(),
        docs.len(),
        s_gold,
        t_gold,
        bytes as f64 / 1e6 / secs.max(1e-9),
        bytes,
        secs
    );
    let metrics = vec![
        ("sentence_span_f1".to_string(), sf),
        ("boundary_f1".to_string(), bf),
        ("token_f1".to_string(), tf),
        ("token_precision".to_string(), tp),
        ("token_recall".to_string(), tr),
    ];
    Ok((text, metrics))
}

/// Print segmentation errors (development aid): `mode` is `sent` or `tok`.
#[doc(hidden)]
pub fn debug(path: &Path, mode: &str) {
    let conllu = std::fs::read_to_string(path).unwrap_or_default();
    for d in read_gold(&conllu) {
        let (tokens, sentences) = segment(&d.text);
        if mode == "sent" {
            let pred: BTreeSet<usize> = sentences.iter().map(|s| s.span.end).collect();
            for &(_, e) in &d.sentences {
                if !pred.contains(&e) {
                    let a = d.text[..e].char_indices().rev().nth(30).map_or(0, |x| x.0);
                    let b = d.text[e..]
                        .char_indices()
                        .nth(25)
                        .map_or(d.text.len(), |x| e + x.0);
                    println!("MISS {:?} || {:?}", &d.text[a..e], &d.text[e..b]);
                }
            }
        } else if mode == "miss" {
            let pred: BTreeSet<(usize, usize)> =
                tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
            for &(a, b) in &d.words {
                if b != usize::MAX && !pred.contains(&(a, b)) {
                    println!("MISS {:?}", &d.text[a..b]);
                }
            }
        } else {
            let gold: BTreeSet<(usize, usize)> = d.words.iter().copied().collect();
            for t in &tokens {
                if !gold.contains(&(t.span.start, t.span.end)) {
                    println!("BAD {:?}", &d.text[t.span.start..t.span.end]);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREEBANK: &str = "# newdoc id = d1\n# newpar id = p1\n# text = I don't know.\n1\tI\t_\n2-3\tdon't\n2\tdo\t_\n3\tn't\t_\n4\tknow\t_\n5\t.\t_\n\n# text = Fine.\n1\tFine\t_\n2\t.\t_\n\n# newpar id = p2\n# text = Bye\n1\tBye\t_\n\n";

    #[test]
    fn gold_is_rebuilt_with_paragraphs_and_words() {
        let tb = TREEBANK;
        let docs = read_gold(tb);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "I don't know. Fine.\n\nBye");
        assert_eq!(d.sentences, vec![(0, 13), (14, 19), (21, 24)]);
        let words: Vec<&str> = d.words.iter().map(|&(a, b)| &d.text[a..b]).collect();
        assert_eq!(words, ["I", "do", "n't", "know", ".", "Fine", ".", "Bye"]);
        let (tokens, sentences) = segment(&d.text);
        assert_eq!(tokens.len(), 8);
        assert_eq!(sentences.len(), 3);
    }
}
