//! The re-ranker: a second trained classifier that checks the type of each pattern event against
//! the trigger's context. Patterns are chosen by the words alone; the same verb has other senses
//! ("backed the plan" is support, "backed away" is a retreat) and a composed code may point at the
//! wrong type. The re-ranker sees the trigger's features (as the event classifier does) and the
//! type, code and modality the patterns gave; where it is sure of another type, the event is
//! recoded to that type's code (`by = "model"`).

use super::model::Merge;
use super::sent::Sent;
use super::Coder;
use crate::classifier::Classifier;
use crate::plv_eval::plv_root;
use std::sync::Arc;

/// The committed re-ranker (`data/models/events/reranker.tsv`), read once; `None` when the file
/// is empty.
pub(super) fn embedded() -> Option<Arc<Classifier>> {
    static MODEL: once_cell::sync::Lazy<Option<Arc<Classifier>>> =
        once_cell::sync::Lazy::new(|| {
            Classifier::embedded(
                include_str!("../../../../data/models/events/reranker.tsv"),
                "data/models/events/reranker.tsv",
            )
        });
    MODEL.clone()
}

/// Default of [`super::CoderOptions::min_recode`] (docs/models.md, "Event re-ranker").
pub const DEFAULT_MIN_RECODE: f32 = 0.5;

/// What the re-ranker makes of a pattern event.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Verdict {
    /// Keep the pattern's code.
    Keep,
    /// Another type is more probable by the margin: its code and probability.
    Recode(String, f32),
}

impl Coder {
    /// The PLV root of a CAMEO code (`-` for codes without a PLOVER type, like 010 statements).
    pub fn type_of_code(&self, code: &str) -> &str {
        self.onto
            .get(code)
            .and_then(|c| c.plover.as_ref())
            .map_or("-", |p| plv_root(&p.kind))
    }

    /// The re-ranker's features of a pattern event at trigger `h` with composed `code` and
    /// `modality`: the trigger's features and the pattern's type, code and modality, alone and
    /// with the trigger lemma (sorted, distinct).
    pub(super) fn candidate_features(
        &self,
        st: &Sent,
        h: usize,
        code: &str,
        modality: &str,
    ) -> Vec<String> {
        let mut f = self.own_candidate_features(st, h, code, modality);
        f.extend(st.words().except(st, h).map(String::from));
        f.sort();
        f.dedup();
        f
    }

    /// [`Self::candidate_features`] but the sentence's words (sorted, distinct; none starts with
    /// `s=`).
    fn own_candidate_features(
        &self,
        st: &Sent,
        h: usize,
        code: &str,
        modality: &str,
    ) -> Vec<String> {
        let ty = self.type_of_code(code);
        let l = st.lemma(h);
        let mut f = self.verb_features(st, h);
        f.push(format!("pt={ty}"));
        f.push(format!("pc={}", code.get(..3).unwrap_or(code)));
        f.push(format!("pm={modality}"));
        f.push(format!("ptl={ty}|{l}"));
        f.push(format!("ptm={ty}|{modality}"));
        f.push(format!("ptr={ty}|{}", st.base_rel(h)));
        f.sort();
        f.dedup();
        f
    }

    /// The re-ranker's verdict on a pattern event: recode when the most probable class is
    /// another type (not `NONE`, and a class with a code) with at least
    /// [`super::CoderOptions::min_recode`] probability.
    pub(super) fn rerank(
        &self,
        model: &Classifier,
        st: &Sent,
        h: usize,
        code: &str,
        modality: &str,
    ) -> Verdict {
        let ty = self.type_of_code(code);
        // Statements and other codes without a PLOVER type are left alone, and so are appeals,
        // intents, demands and threats (roots 02, 03, 10, 13): their root states the act's
        // modality, which the training labels leave out (PLV types "warned it would impose
        // sanctions" SANCTION and "called for talks" by the act called for), not its sense.
        if ty == "-" || matches!(code.get(..2), Some("02" | "03" | "10" | "13")) {
            return Verdict::Keep;
        }
        // The same sorted features as `candidate_features`, merged without copying the words.
        let own = self.own_candidate_features(st, h, code, modality);
        let words = st.words();
        let feats = Merge::new(own.iter().map(String::as_str), words.except(st, h));
        let Some((k, p)) = model.best_of(feats) else {
            return Verdict::Keep;
        };
        if model.labels[k] == ty || model.codes[k].is_empty() || p < self.opts.min_recode {
            return Verdict::Keep;
        }
        // An act the patterns found done ("his visit to X") is not recoded to an intent (03): an
        // intent needs a word that expresses it, which the patterns' governors would have found.
        // (Recodes to a demand stay: "pressuring workers to cancel" is one in the PLOVER GSR.)
        if modality == "actual" && model.codes[k].starts_with("03") {
            return Verdict::Keep;
        }
        Verdict::Recode(model.codes[k].clone(), p)
    }
}

/// The modality of an event recoded to `code`: the code's own (02/10 demand, 03 intent, 13
/// threat); otherwise the clause's, when it was hypothetical or an intent, else actual.
pub(super) fn recoded_modality(code: &str, before: &'static str) -> &'static str {
    match code.get(..2) {
        Some("03") => "intent",
        Some("02" | "10") => "demand",
        Some("13") => "threat",
        _ if matches!(before, "hypothetical" | "intent") => before,
        _ => "actual",
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::condemned;
    use super::super::model::Words;
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn committed_reranker_parses() {
        if let Some(m) = embedded() {
            for (l, c) in m.labels.iter().zip(&m.codes) {
                assert!(!c.is_empty(), "{l} has a code");
            }
        }
    }

    #[test]
    fn a_sure_model_recodes_and_an_unsure_one_keeps() {
        let mut c = Coder::embedded();
        let (d, ms) = condemned();
        let st = Sent::new(&d, 0, &ms);
        let f = c.candidate_features(&st, 3, "111", "actual");
        for x in [
            "pt=ACCUSE",
            "pc=111",
            "pm=actual",
            "ptl=ACCUSE|condemn",
            "l=condemn",
        ] {
            assert!(f.contains(&x.to_string()), "{x} in {f:?}");
        }
        // A model that learned this context is a rejection (REJECT → 120).
        let codes = BTreeMap::from([
            ("ACCUSE".to_string(), "110".to_string()),
            ("REJECT".to_string(), "120".to_string()),
        ]);
        let data: Vec<_> = (0..10)
            .map(|i| {
                (
                    f.clone(),
                    if i < 9 { "REJECT" } else { "ACCUSE" }.to_string(),
                )
            })
            .collect();
        let opts = crate::classifier::TrainOptions {
            min_count: 1,
            ..Default::default()
        };
        let m = Classifier::train(&data, &codes, &opts);
        match c.rerank(&m, &st, 3, "111", "actual") {
            Verdict::Recode(code, p) => assert!(code == "120" && p > 0.5 && p < 1.0),
            v => panic!("{v:?}"),
        }
        // Not sure enough: kept.
        c.opts.min_recode = 0.999;
        assert_eq!(c.rerank(&m, &st, 3, "111", "actual"), Verdict::Keep);
        // A statement (no PLOVER type) is never recoded, nor is a threat, an appeal or a demand.
        c.opts.min_recode = 0.0;
        for code in ["010", "130", "020", "100", "036"] {
            assert_eq!(
                c.rerank(&m, &st, 3, code, "actual"),
                Verdict::Keep,
                "{code}"
            );
        }
        // A model agreeing with the pattern keeps it.
        let data: Vec<_> = (0..10).map(|_| (f.clone(), "ACCUSE".to_string())).collect();
        let m = Classifier::train(&data, &codes, &opts);
        assert_eq!(c.rerank(&m, &st, 3, "111", "actual"), Verdict::Keep);
    }

    #[test]
    fn merged_features_are_the_sorted_candidate_features() {
        let c = Coder::embedded();
        let (d, ms) = super::super::fixtures::will_attack(true);
        let st = Sent::new(&d, 0, &ms);
        let words = Words::of(&st);
        for t in st.range.clone() {
            let own = c.own_candidate_features(&st, t, "1384", "threat");
            let merged: Vec<&str> =
                Merge::new(own.iter().map(String::as_str), words.except(&st, t)).collect();
            assert_eq!(
                merged,
                c.candidate_features(&st, t, "1384", "threat"),
                "token {t}"
            );
        }
    }

    #[test]
    fn recoded_modality_follows_the_code() {
        assert_eq!(recoded_modality("100", "actual"), "demand");
        assert_eq!(recoded_modality("036", "actual"), "intent");
        assert_eq!(recoded_modality("040", "demand"), "actual");
        assert_eq!(recoded_modality("040", "hypothetical"), "hypothetical");
    }
}
