//! Exact-match entity scoring with conlleval's rules: an entity is correct only when both its
//! boundaries and its type match the gold entity; precision, recall and F1 overall and per type.

use crate::tags::iob_chunks;
use std::collections::{BTreeMap, BTreeSet};

/// Counts for one entity type (or all types).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted entities that exactly match a gold entity.
    pub correct: usize,
    /// Predicted entities.
    pub guessed: usize,
    /// Gold entities.
    pub gold: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.guessed == 0 {
            0.0
        } else {
            self.correct as f64 / self.guessed as f64
        }
    }
    /// Recall (0 when there is no gold entity).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        dyad_doc::metrics::f1(self.precision(), self.recall())
    }
}

/// Accumulates entity and token counts over sentences.
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    /// Per-type counts (sorted by type name).
    pub by_type: BTreeMap<String, Counts>,
    /// All types together.
    pub total: Counts,
    /// Tokens seen.
    pub tokens: usize,
    /// Tokens whose predicted tag equals the gold tag (conlleval's "accuracy").
    pub tokens_correct: usize,
}

impl Scorer {
    /// Adds one sentence given gold and predicted IOB tags (IOB1 or IOB2, equal lengths).
    pub fn add(&mut self, gold: &[&str], pred: &[&str]) {
        let n = gold.len().min(pred.len());
        self.tokens += n;
        self.tokens_correct += (0..n).filter(|&i| gold[i] == pred[i]).count();
        let g: BTreeSet<(usize, usize, String)> = iob_chunks(&gold[..n]).into_iter().collect();
        let p: BTreeSet<(usize, usize, String)> = iob_chunks(&pred[..n]).into_iter().collect();
        for c in &g {
            self.by_type.entry(c.2.clone()).or_default().gold += 1;
            self.total.gold += 1;
        }
        for c in &p {
            let e = self.by_type.entry(c.2.clone()).or_default();
            e.guessed += 1;
            self.total.guessed += 1;
            if g.contains(c) {
                e.correct += 1;
                self.total.correct += 1;
            }
        }
    }

    /// Token accuracy.
    pub fn accuracy(&self) -> f64 {
        if self.tokens == 0 {
            0.0
        } else {
            self.tokens_correct as f64 / self.tokens as f64
        }
    }

    /// A conlleval-style report.
    pub fn report(&self) -> String {
        let t = &self.total;
        let mut s = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens, t.gold, t.guessed, t.correct
        );
        s.push_str(&format!(
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
            100.0 * self.accuracy(),
            100.0 * t.precision(),
            100.0 * t.recall(),
            100.0 * t.f1()
        ));
        for (ty, c) in &self.by_type {
            s.push_str(&format!(
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}\n",
                ty,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.guessed
            ));
        }
        s
    }

    /// Named metrics: `f1`, `precision`, `recall`, `accuracy`, and `f1_X`, `precision_X`,
    /// `recall_X` per type.
    pub fn metrics(&self) -> Vec<(String, f64)> {
        let t = &self.total;
        let mut m = vec![
            ("f1".to_string(), t.f1()),
            ("precision".to_string(), t.precision()),
            ("recall".to_string(), t.recall()),
            ("accuracy".to_string(), self.accuracy()),
        ];
        for (ty, c) in &self.by_type {
            m.push((format!("f1_{ty}"), c.f1()));
            m.push((format!("precision_{ty}"), c.precision()));
            m.push((format!("recall_{ty}"), c.recall()));
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_made_example() {
        // Gold: [Angela Merkel]PER met [Emmanuel Macron]PER in [Paris]LOC ; [EU]ORG
        // Pred: [Angela Merkel]PER right, [Emmanuel]PER wrong boundary, [Paris]ORG wrong type,
        //       [EU]ORG right, plus a spurious [met]MISC.
        let gold = [
            "I-PER", "I-PER", "O", "I-PER", "I-PER", "O", "I-LOC", "O", "I-ORG",
        ];
        let pred = [
            "B-PER", "I-PER", "B-MISC", "B-PER", "O", "O", "B-ORG", "O", "B-ORG",
        ];
        let mut s = Scorer::default();
        s.add(&gold, &pred);
        assert_eq!(
            s.total,
            Counts {
                correct: 2,
                guessed: 5,
                gold: 4
            }
        );
        assert!((s.total.precision() - 0.4).abs() < 1e-12);
        assert!((s.total.recall() - 0.5).abs() < 1e-12);
        assert!((s.total.f1() - 4.0 / 9.0).abs() < 1e-12);
        assert_eq!(
            s.by_type["PER"],
            Counts {
                correct: 1,
                guessed: 2,
                gold: 2
            }
        );
        assert_eq!(
            s.by_type["LOC"],
            Counts {
                correct: 0,
                guessed: 0,
                gold: 1
            }
        );
        assert_eq!(
            s.by_type["ORG"],
            Counts {
                correct: 1,
                guessed: 2,
                gold: 1
            }
        );
        let m = s.metrics();
        assert!(m
            .iter()
            .any(|(n, v)| n == "f1_PER" && (*v - 0.5).abs() < 1e-12));
        assert!(s.report().contains("found: 5 phrases; correct: 2."));
        // Token accuracy compares tag strings as given: 3 of 9 agree.
        assert_eq!(s.tokens_correct, 3);
    }

    #[test]
    fn empty_is_zero_not_nan() {
        let s = Scorer::default();
        assert_eq!(s.total.f1(), 0.0);
        assert_eq!(s.accuracy(), 0.0);
    }
}
