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

#[derive(Default)]
struct GoldDoc {
    text: String,
    sentences: Vec<(usize, usize)>,
    words: Vec<(usize, usize)>,
}

impl GoldDoc {
    /// Where `form` starts at or after `cursor`, past whitespace only.
    fn find(&self, cursor: usize, form: &str) -> Option<usize> {
        let rest = &self.text[cursor..];
        let skipped = rest.len() - rest.trim_start().len();
        rest[skipped..]
            .starts_with(form)
            .then_some(cursor + skipped)
    }
}

/// Parse the treebank (with the project's CoNLL-U reader) into rebuilt documents with gold spans.
fn read_gold(conllu: &str) -> Result<Vec<GoldDoc>, String> {
    let sents = dyad_doc::conllu::parse(conllu).map_err(|e| e.to_string())?;
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut cur = GoldDoc::default();
    for s in &sents {
        let marked = |m: &str| s.comments.iter().any(|c| c.starts_with(m));
        if marked("# newdoc") && !cur.text.is_empty() {
            docs.push(std::mem::take(&mut cur));
        }
        let sent_start = if let Some(text) = s.text() {
            if !cur.text.is_empty() {
                cur.text
                    .push_str(if marked("# newpar") { "\n\n" } else { " " });
            }
            let at = cur.text.len();
            cur.text.push_str(text);
            at
        } else {
            cur.text.len()
        };
        add_words(&mut cur, s, sent_start);
        if !cur.text.is_empty() {
            cur.sentences.push((sent_start, cur.text.len()));
        }
    }
    if !cur.text.is_empty() {
        docs.push(cur);
    }
    Ok(docs)
}

/// Gold word spans of sentence `s`, whose text starts at `cursor` in `doc`. A multiword token
/// (`don't`) is split into its words when they spell its surface form, else kept whole; a word
/// not spelled in the text (rare treebank quirks) counts as missed.
fn add_words(doc: &mut GoldDoc, s: &dyad_doc::conllu::Sentence, mut cursor: usize) {
    let mwts = s.multiword_tokens();
    let mut i = 0;
    while i < s.words.len() {
        if let Some((_, last, surface)) = mwts.iter().find(|m| m.0 == i) {
            if let Some(at) = doc.find(cursor, surface) {
                let words = &s.words[i..=*last];
                if words.iter().map(|w| w.form.as_str()).collect::<String>() == *surface {
                    let mut p = at;
                    for w in words {
                        doc.words.push((p, p + w.form.len()));
                        p += w.form.len();
                    }
                } else {
                    doc.words.push((at, at + surface.len()));
                }
                cursor = at + surface.len();
                i = last + 1;
                continue;
            }
        }
        let form = &s.words[i].form;
        if let Some(at) = doc.find(cursor, form) {
            doc.words.push((at, at + form.len()));
            cursor = at + form.len();
        } else {
            doc.words.push((usize::MAX, usize::MAX));
        }
        i += 1;
    }
}

fn f1(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    dyad_doc::metrics::prf(tp, pred, tp, gold)
}

/// Score segmentation of the treebank at `path`: (printed report, metrics).
pub fn run(path: &Path) -> Result<(String, Vec<(String, f64)>), String> {
    let conllu = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let docs = read_gold(&conllu).map_err(|e| format!("{}: {e}", path.display()))?;
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
    for d in read_gold(&conllu).unwrap_or_default() {
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

    /// A small treebank: a paragraph of two sentences (one with a multiword token whose words
    /// spell it, one whose words do not), then a second paragraph; a second document.
    fn treebank() -> String {
        let line = |id: &str, form: &str| format!("{id}\t{form}\t_\t_\t_\t_\t_\t_\t_\t_\n");
        let mut t = String::from("# newdoc id = d1\n# newpar id = p1\n# text = I don't know.\n");
        for (id, form) in [("1", "I"), ("2-3", "don't"), ("2", "do"), ("3", "n't")] {
            t += &line(id, form);
        }
        t += &(line("4", "know") + &line("5", ".") + "\n# text = Gonna go.\n");
        for (id, form) in [
            ("1-2", "Gonna"),
            ("1", "going"),
            ("2", "to"),
            ("3", "go"),
            ("4", "."),
        ] {
            t += &line(id, form);
        }
        t += &format!("\n# newpar id = p2\n# text = Bye\n{}\n", line("1", "Bye"));
        t += &format!("# newdoc id = d2\n# text = Yes\n{}\n", line("1", "Yes"));
        t
    }

    #[test]
    fn gold_is_rebuilt_with_paragraphs_and_words() {
        let docs = read_gold(&treebank()).unwrap();
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.text, "I don't know. Gonna go.\n\nBye");
        assert_eq!(d.sentences, vec![(0, 13), (14, 23), (25, 28)]);
        let words: Vec<&str> = d.words.iter().map(|&(a, b)| &d.text[a..b]).collect();
        assert_eq!(
            words,
            ["I", "do", "n't", "know", ".", "Gonna", "go", ".", "Bye"]
        );
        assert_eq!(docs[1].text, "Yes");
        let (_, sentences) = segment(&d.text);
        assert_eq!(sentences.len(), 3);
    }

    #[test]
    fn malformed_treebank_is_an_error_with_its_line() {
        let err = read_gold("# text = A\n1\tA\n\n").err().unwrap();
        assert!(err.starts_with("line 2:"), "{err}");
    }
}
