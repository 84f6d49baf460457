//! `dyad eval ud GOLD.conllu`: UPOS, XPOS, lemma accuracy, UAS and LAS (CoNLL 2018 definitions:
//! punctuation included, LAS on universal relations) on gold tokenization, and — when a
//! segmenter is supplied — end to end from the raw `# text` of each sentence, with words aligned
//! to the gold by character offsets (F1 of each metric, as in the shared task).

use crate::conllu::Sentence;
use crate::parser::universal;
use crate::train::read_conllu;
use crate::{ModelError, Syntax, SyntaxStage};
use dyad_doc::{Doc, Span, Stage};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Default)]
struct Counts {
    upos: usize,
    xpos: usize,
    lemma: usize,
    uas: usize,
    las: usize,
}

/// Run the evaluation; returns the printed report and the named metrics.
pub fn run(
    path: &Path,
    model_dir: Option<&Path>,
    segmenter: Option<&dyn Stage>,
) -> Result<(String, Vec<(String, f64)>), ModelError> {
    let gold = read_conllu(path)?;
    let syntax = Syntax::load(model_dir)?;
    let mut c = Counts::default();
    let mut n = 0usize;
    let t0 = std::time::Instant::now();
    for s in &gold {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let an = syntax.analyze(&words);
        for (i, (w, a)) in s.words.iter().zip(&an).enumerate() {
            let _ = i;
            c.upos += (a.upos == w.upos) as usize;
            c.xpos += (a.xpos == w.xpos) as usize;
            c.lemma += (a.lemma == w.lemma || w.lemma == "_") as usize;
            let h = a.head.map_or(0, |h| h + 1);
            if h == w.head {
                c.uas += 1;
                c.las += (universal(&a.deprel) == universal(&w.deprel)) as usize;
            }
            n += 1;
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let f = |x: usize| x as f64 / n.max(1) as f64;
    let mut text = String::new();
    let _ = writeln!(
        text,
        "ud {} — gold tokenization: {} sentences, {} words ({:.0} words/s)",
        path.display(),
        gold.len(),
        n,
        n as f64 / secs.max(1e-9)
    );
    let _ = writeln!(
        text,
        "  upos {:.4}  xpos {:.4}  lemma {:.4}  uas {:.4}  las {:.4}",
        f(c.upos),
        f(c.xpos),
        f(c.lemma),
        f(c.uas),
        f(c.las)
    );
    let mut metrics = vec![
        ("upos".to_string(), f(c.upos)),
        ("xpos".to_string(), f(c.xpos)),
        ("lemma".to_string(), f(c.lemma)),
        ("uas".to_string(), f(c.uas)),
        ("las".to_string(), f(c.las)),
    ];
    if let Some(seg) = segmenter {
        let stage = SyntaxStage::from_syntax(syntax);
        let (report, m) = end_to_end(&gold, seg, &stage)?;
        text.push_str(&report);
        metrics.extend(m);
    }
    Ok((text, metrics))
}

/// A gold word with its byte span in the reconstructed raw text.
struct GoldWord {
    span: Span,
    sent_start: usize,
}

/// Rebuild raw text from `# text` comments and locate every gold word in it.
fn raw_text(gold: &[Sentence]) -> (String, Vec<Vec<GoldWord>>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(gold.len());
    for (si, s) in gold.iter().enumerate() {
        let new_par = s
            .comments
            .iter()
            .any(|c| c.starts_with("# newpar") || c.starts_with("# newdoc"));
        if si > 0 {
            text.push_str(if new_par { "\n\n" } else { " " });
        }
        let start = text.len();
        let sent_text: String = match s.text() {
            Some(t) => t.to_string(),
            None => s
                .words
                .iter()
                .map(|w| w.form.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        };
        text.push_str(&sent_text);
        // Surface tokens: multiword tokens cover their words.
        let mwts = s.multiword_tokens();
        let mut words: Vec<GoldWord> = Vec::with_capacity(s.words.len());
        let mut cursor = start;
        let mut i = 0;
        while i < s.words.len() {
            let (surface, last) = match mwts.iter().find(|m| m.0 == i) {
                Some((_, b, f)) => (f.clone(), *b),
                None => (s.words[i].form.clone(), i),
            };
            let found = text[cursor..].find(&surface).map(|p| cursor + p);
            let (a, b) = match found {
                Some(a) => (a, a + surface.len()),
                None => (cursor, cursor),
            };
            if last == i {
                words.push(GoldWord {
                    span: Span::new(a, b),
                    sent_start: start,
                });
            } else {
                // Split the surface among the words when their forms concatenate to it.
                let forms: Vec<&str> = s.words[i..=last].iter().map(|w| w.form.as_str()).collect();
                let concat: String = forms.concat();
                let mut p = a;
                for f in forms {
                    let e = if concat == surface { p + f.len() } else { b };
                    words.push(GoldWord {
                        span: Span::new(if concat == surface { p } else { a }, e),
                        sent_start: start,
                    });
                    p = e;
                }
            }
            if found.is_some() {
                cursor = b;
            }
            i = last + 1;
        }
        spans.push(words);
    }
    (text, spans)
}

fn end_to_end(
    gold: &[Sentence],
    seg: &dyn Stage,
    stage: &SyntaxStage,
) -> Result<(String, Vec<(String, f64)>), ModelError> {
    let (text, gspans) = raw_text(gold);
    let mut doc = Doc::new("eval", text);
    seg.process(&mut doc)
        .map_err(|e| ModelError::new(e.to_string()))?;
    stage
        .process(&mut doc)
        .map_err(|e| ModelError::new(e.to_string()))?;
    // Gold word index by span; gold word (sentence, index) → flat id.
    let mut by_span: HashMap<Span, usize> = HashMap::new();
    let mut flat: Vec<(usize, usize)> = Vec::new();
    let mut offset = Vec::with_capacity(gold.len());
    for (si, ws) in gspans.iter().enumerate() {
        offset.push(flat.len());
        for (wi, w) in ws.iter().enumerate() {
            let _ = w.sent_start;
            if !w.span.is_empty() {
                by_span.entry(w.span).or_insert(flat.len());
            }
            flat.push((si, wi));
        }
    }
    let ngold = flat.len();
    let nsys = doc.tokens.len();
    let align: Vec<Option<usize>> = doc
        .tokens
        .iter()
        .map(|t| by_span.get(&t.span).copied())
        .collect();
    let mut c = Counts::default();
    let mut tokens = 0usize;
    for (ti, t) in doc.tokens.iter().enumerate() {
        let Some(g) = align[ti] else { continue };
        tokens += 1;
        let (si, wi) = flat[g];
        let w = &gold[si].words[wi];
        c.upos += (t.upos == w.upos) as usize;
        c.xpos += (t.xpos == w.xpos) as usize;
        c.lemma += (t.lemma == w.lemma || w.lemma == "_") as usize;
        let gold_head = if w.head == 0 {
            None
        } else {
            Some(offset[si] + w.head - 1)
        };
        let sys_head = match t.head {
            None => None,
            Some(h) => match align.get(h).copied().flatten() {
                Some(g) => Some(g),
                None => Some(usize::MAX),
            },
        };
        if sys_head == gold_head {
            c.uas += 1;
            c.las += (universal(&t.deprel) == universal(&w.deprel)) as usize;
        }
    }
    let f1 = |x: usize| dyad_doc::metrics::prf(x, nsys, x, ngold).2;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  end to end from raw text ({} gold words, {} system tokens, {} sentences found): F1",
        ngold,
        nsys,
        doc.sentences.len()
    );
    let _ = writeln!(
        out,
        "  tokens {:.4}  upos {:.4}  xpos {:.4}  lemma {:.4}  uas {:.4}  las {:.4}",
        f1(tokens),
        f1(c.upos),
        f1(c.xpos),
        f1(c.lemma),
        f1(c.uas),
        f1(c.las)
    );
    let m = vec![
        ("e2e_tokens".to_string(), f1(tokens)),
        ("e2e_upos".to_string(), f1(c.upos)),
        ("e2e_xpos".to_string(), f1(c.xpos)),
        ("e2e_lemma".to_string(), f1(c.lemma)),
        ("e2e_uas".to_string(), f1(c.uas)),
        ("e2e_las".to_string(), f1(c.las)),
    ];
    Ok((out, m))
}
