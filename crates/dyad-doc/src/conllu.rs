//! CoNLL-U reading and writing (from and to strings): the one reader of UD treebanks, used by the
//! tagger and parser (`dyad parse`, training, `dyad eval ud`) and by the segmentation scorer.
//!
//! Sentences keep their comment lines and their multiword-token / empty-node lines verbatim, so
//! `dyad parse --input-format conllu` can write the input back with only the predicted columns
//! (UPOS, XPOS, LEMMA, HEAD, DEPREL) replaced.

use std::fmt::Write as _;

/// One syntactic word (a numbered CoNLL-U line).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Word {
    /// FORM.
    pub form: String,
    /// LEMMA.
    pub lemma: String,
    /// UPOS.
    pub upos: String,
    /// XPOS.
    pub xpos: String,
    /// FEATS (kept verbatim).
    pub feats: String,
    /// HEAD: 0 for the root, otherwise the 1-based id of the head word.
    pub head: usize,
    /// DEPREL.
    pub deprel: String,
    /// DEPS (kept verbatim).
    pub deps: String,
    /// MISC (kept verbatim).
    pub misc: String,
}

impl Word {
    /// Whether MISC says `SpaceAfter=No`.
    pub fn no_space_after(&self) -> bool {
        self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// Comment lines (with their leading `#`).
    pub comments: Vec<String>,
    /// Syntactic words in order (ids 1..=n).
    pub words: Vec<Word>,
    /// Multiword-token and empty-node lines, each with the 0-based word position it precedes.
    pub extra: Vec<(usize, String)>,
}

impl Sentence {
    /// The `# text = ...` comment, when present.
    pub fn text(&self) -> Option<&str> {
        self.comments
            .iter()
            .find_map(|c| c.strip_prefix("# text = "))
    }

    /// Multiword tokens as (first word index, last word index inclusive, surface form), 0-based.
    pub fn multiword_tokens(&self) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        for (_, line) in &self.extra {
            let mut cols = line.split('\t');
            let id = cols.next().unwrap_or("");
            let form = cols.next().unwrap_or("").to_string();
            if let Some((a, b)) = id.split_once('-') {
                if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                    if a >= 1 && b >= a && b <= self.words.len() {
                        out.push((a - 1, b - 1, form));
                    }
                }
            }
        }
        out
    }
}

/// A CoNLL-U syntax error with its 1-based line number.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parse a CoNLL-U document.
pub fn parse(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let err = |m: &str| ConlluError {
            line: ln + 1,
            message: m.to_string(),
        };
        if line.trim().is_empty() {
            if !cur.words.is_empty() || !cur.comments.is_empty() {
                finish(&mut cur).map_err(|m| err(&m))?;
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            cur.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(&format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let id = cols[0];
        if id.contains('-') {
            let pos = id
                .split('-')
                .next()
                .and_then(|a| a.parse::<usize>().ok())
                .ok_or_else(|| err("bad range id"))?;
            cur.extra.push((pos.saturating_sub(1), line.to_string()));
            continue;
        }
        if let Some((a, _)) = id.split_once('.') {
            let pos = a.parse::<usize>().map_err(|_| err("bad empty-node id"))?;
            cur.extra.push((pos, line.to_string()));
            continue;
        }
        let n: usize = id
            .parse()
            .map_err(|_| err(&format!("bad word id `{id}`")))?;
        if n != cur.words.len() + 1 {
            return Err(err(&format!("word id {n} out of sequence")));
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| err(&format!("bad head `{}`", cols[6])))?
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.words.is_empty() {
        finish(&mut cur).map_err(|m| ConlluError {
            line: text.lines().count(),
            message: m,
        })?;
        out.push(cur);
    }
    Ok(out)
}

fn finish(s: &mut Sentence) -> Result<(), String> {
    let n = s.words.len();
    for (i, w) in s.words.iter().enumerate() {
        if w.head > n {
            return Err(format!(
                "word {} has head {} beyond the sentence ({n} words)",
                i + 1,
                w.head
            ));
        }
    }
    Ok(())
}

fn col(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

/// Write sentences as CoNLL-U (each followed by a blank line).
pub fn write(sents: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sents {
        write_sentence(&mut out, s);
    }
    out
}

/// Append one sentence in CoNLL-U to `out`.
pub fn write_sentence(out: &mut String, s: &Sentence) {
    for c in &s.comments {
        out.push_str(c);
        out.push('\n');
    }
    let mut extra = s.extra.iter().peekable();
    for (i, w) in s.words.iter().enumerate() {
        while let Some((p, line)) = extra.peek() {
            if *p > i {
                break;
            }
            out.push_str(line);
            out.push('\n');
            extra.next();
        }
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i + 1,
            col(&w.form),
            col(&w.lemma),
            col(&w.upos),
            col(&w.xpos),
            col(&w.feats),
            w.head,
            col(&w.deprel),
            col(&w.deps),
            col(&w.misc)
        );
    }
    for (_, line) in extra {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
}

/// CoNLL-U sentences from an analysed [`crate::Doc`] (one per `Doc` sentence, with `# sent_id`
/// and `# text` comments; heads converted to sentence-level 1-based ids).
pub fn from_doc(doc: &crate::Doc) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    for (si, s) in doc.sentences.iter().enumerate() {
        let range = s.tokens.clone();
        if range.end > doc.tokens.len() {
            continue;
        }
        let text = doc.text.get(s.span.start..s.span.end).unwrap_or("");
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut sent = Sentence {
            comments: vec![
                format!("# sent_id = {}", si + 1),
                format!("# text = {flat}"),
            ],
            ..Sentence::default()
        };
        for t in range.clone() {
            let tok = &doc.tokens[t];
            let form = doc.text.get(tok.span.start..tok.span.end).unwrap_or("");
            let form: String = form
                .chars()
                .map(|c| if c.is_whitespace() { '_' } else { c })
                .collect();
            let head = match tok.head {
                Some(h) if range.contains(&h) => h - range.start + 1,
                _ => 0,
            };
            sent.words.push(Word {
                form,
                lemma: tok.lemma.clone(),
                upos: tok.upos.to_string(),
                xpos: tok.xpos.to_string(),
                feats: String::new(),
                head,
                deprel: tok.deprel.to_string(),
                deps: String::new(),
                misc: if tok.space_after || t + 1 == range.end {
                    String::new()
                } else {
                    "SpaceAfter=No".into()
                },
            });
        }
        out.push(sent);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = We don't know.\n1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn round_trip_keeps_comments_and_ranges() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(s[0].text(), Some("We don't know."));
        assert_eq!(s[0].multiword_tokens(), vec![(1, 2, "don't".to_string())]);
        assert!(s[0].words[3].no_space_after());
        assert_eq!(write(&s), SAMPLE);
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("1\tA\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse("1\ta\ta\tX\tX\t_\t9\tdep\t_\t_\n\n").unwrap_err();
        assert!(e.message.contains("beyond"), "{e}");
    }
}
