//! A sentence prepared for the coder: lower-cased lemmas and forms, UPOS, the actor mention of each
//! token, and the dependency tree (heads, relations, children) restricted to the sentence.

use super::model::Words;
use crate::mentions::Mention;
use crate::words::{inflects, lower};
use dyad_doc::Doc;
use std::cell::OnceCell;
use std::ops::Range;

/// A sentence prepared for matching.
pub(super) struct Sent<'a> {
    pub(super) doc: &'a Doc,
    pub(super) range: Range<usize>,
    pub(super) lemma: Vec<String>,
    pub(super) form: Vec<String>,
    pub(super) upos: Vec<&'a str>,
    pub(super) mention_of: Vec<Option<usize>>,
    pub(super) mentions: &'a [Mention],
    pub(super) children: Vec<Vec<usize>>,
    pub(super) parsed: bool,
    /// The sentence's content words for the trained models, made on first use
    /// ([`Sent::words`]): the classifier, the re-ranker and the check's opinion each ask.
    pub(super) words: OnceCell<Words>,
}

impl<'a> Sent<'a> {
    pub(super) fn new(doc: &'a Doc, s: usize, mentions: &'a [Mention]) -> Sent<'a> {
        let range = doc.sentences[s].tokens.clone();
        let n = range.len();
        let mut lemma = Vec::with_capacity(n);
        let mut form = Vec::with_capacity(n);
        let mut upos = Vec::with_capacity(n);
        let mut children = vec![Vec::new(); n];
        let mut parsed = false;
        for t in range.clone() {
            let tok = &doc.tokens[t];
            let f = lower(doc.text.get(tok.span.start..tok.span.end).unwrap_or(""));
            lemma.push(if tok.lemma.is_empty() {
                f.clone()
            } else {
                lower(&tok.lemma)
            });
            form.push(f);
            upos.push(tok.upos.as_str());
            if let Some(h) = tok.head {
                if range.contains(&h) && h != t {
                    children[h - range.start].push(t);
                    parsed = true;
                }
            }
        }
        // Mentions are sorted and disjoint (`mentions::normalise`): only those ending after the
        // sentence starts are visited, so coding stays linear in the length of the document.
        debug_assert!(mentions
            .windows(2)
            .all(|w| w[0].tokens.end <= w[1].tokens.start));
        let mut mention_of = vec![None; n];
        let first = mentions.partition_point(|m| m.tokens.end <= range.start);
        for (i, m) in mentions.iter().enumerate().skip(first) {
            if m.tokens.start >= range.end {
                break;
            }
            for t in m.tokens.clone() {
                if range.contains(&t) {
                    mention_of[t - range.start] = Some(i);
                }
            }
        }
        Sent {
            doc,
            range,
            lemma,
            form,
            upos,
            mention_of,
            mentions,
            children,
            parsed,
            words: OnceCell::new(),
        }
    }
    /// The sentence's content words ([`Words::of`]), made once.
    pub(super) fn words(&self) -> &Words {
        self.words.get_or_init(|| Words::of(self))
    }
    pub(super) fn lemma(&self, t: usize) -> &str {
        &self.lemma[t - self.range.start]
    }
    pub(super) fn form(&self, t: usize) -> &str {
        &self.form[t - self.range.start]
    }
    /// The lemmas of tokens `ts`, as a slice for set look-ups without copying.
    pub(super) fn lemmas(&self, ts: Range<usize>) -> &[String] {
        &self.lemma[ts.start - self.range.start..ts.end - self.range.start]
    }
    /// The forms of tokens `ts`.
    pub(super) fn forms(&self, ts: Range<usize>) -> &[String] {
        &self.form[ts.start - self.range.start..ts.end - self.range.start]
    }
    pub(super) fn upos(&self, t: usize) -> &str {
        self.upos[t - self.range.start]
    }
    pub(super) fn mention(&self, t: usize) -> Option<usize> {
        self.mention_of
            .get(t.wrapping_sub(self.range.start))
            .copied()
            .flatten()
    }
    pub(super) fn head(&self, t: usize) -> Option<usize> {
        self.doc.tokens[t]
            .head
            .filter(|h| self.range.contains(h) && *h != t)
    }
    pub(super) fn rel(&self, t: usize) -> &str {
        &self.doc.tokens[t].deprel
    }
    /// The relation of `t` without its subtype (`nsubj:pass` → `nsubj`).
    pub(super) fn base_rel(&self, t: usize) -> &str {
        let r = self.rel(t);
        // A byte scan: relations are a few ASCII letters, shorter than a `memchr` call is worth.
        match r.bytes().position(|b| b == b':') {
            Some(k) => &r[..k],
            None => r,
        }
    }
    pub(super) fn kids(&self, t: usize) -> &[usize] {
        &self.children[t - self.range.start]
    }
    pub(super) fn kid(&self, t: usize, rel: &str) -> Option<usize> {
        self.kids(t).iter().copied().find(|&c| self.rel(c) == rel)
    }
    /// Whether dictionary word `w` matches token `t`.
    pub(super) fn word_is(&self, t: usize, w: &str) -> bool {
        self.lemma(t) == w || inflects(w, self.form(t))
    }
    pub(super) fn seq_at(&self, t: usize, seq: &[String]) -> bool {
        t + seq.len() <= self.range.end
            && seq.iter().enumerate().all(|(k, w)| self.word_is(t + k, w))
    }
    pub(super) fn is_barrier(&self, t: usize) -> bool {
        let f = self.form(t);
        matches!(
            f,
            "." | ";" | ":" | "!" | "?" | "\u{201c}" | "\u{201d}" | "\""
        ) || (self.parsed
            && self.upos(t) == "VERB"
            && self.mention(t).is_none()
            // "cancelled a planned visit": a participle modifying a noun is no clause.
            && !matches!(self.rel(t), "amod" | "compound"))
    }
    /// The case marker (preposition) of a nominal dependent.
    pub(super) fn case_of(&self, t: usize) -> Option<&str> {
        self.kids(t)
            .iter()
            .copied()
            .find(|&c| matches!(self.rel(c), "case" | "mark"))
            .map(|c| self.lemma(c))
    }
}

/// `h` and its heads up to the root (at most 21, stopping at a cycle).
pub(super) fn ancestors(st: &Sent, h: usize) -> Vec<usize> {
    let mut v = vec![h];
    let mut x = h;
    while let Some(p) = st.head(x) {
        if v.contains(&p) || v.len() > 20 {
            break;
        }
        v.push(p);
        x = p;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::condemned;
    use super::*;

    #[test]
    fn sentence_view_has_lemmas_tree_and_mentions() {
        let (d, ms) = condemned();
        let st = Sent::new(&d, 0, &ms);
        assert!(st.parsed);
        assert_eq!(
            (st.lemma(3), st.form(0), st.upos(3)),
            ("condemn", "russia", "VERB")
        );
        assert_eq!(st.kids(3), &[0, 4, 5]);
        assert_eq!(st.kid(3, "obj"), Some(4));
        assert_eq!(st.head(2), Some(0));
        assert_eq!(st.base_rel(2), "conj");
        assert_eq!(
            (st.mention(0), st.mention(2), st.mention(3)),
            (Some(0), Some(1), None)
        );
        assert_eq!(ancestors(&st, 2), vec![2, 0, 3]);
        // A finite verb is a clause barrier for pattern elements; a name is not.
        assert!(st.is_barrier(3) && !st.is_barrier(4) && st.is_barrier(5));
    }
}
