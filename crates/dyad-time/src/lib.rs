//! Dyad temporal expressions: recognise TIMEX3 expressions in raw text and normalise them against
//! a reference date (the publication date), HeidelTime-style.
//!
//! - [`Tagger`] holds the [`Lexicon`] (`data/time/lexicon.tsv`, embedded) and finds expressions:
//!   `tagger.tag("… on Monday …", Some(2025-05-20))` → `DATE 2025-05-19`.
//! - [`TimeStage`] is the pipeline stage: it fills `Doc::times` using `Doc::date`.
//! - [`governing_time`] picks the time expression that dates an event trigger.
//! - [`eval`] scores the recogniser on TempEval-3 TimeML files (`dyad eval timeml DIR`), read by [`tml`].
//!
//! How it works: a small tokenizer of its own (`scan`), a set of hand-written rules over tokens
//! (`rules_date`, `rules_rel`, `rules_dur`) tried at every token with longest-match-wins
//! (`engine`), and calendar arithmetic at TIMEX3 granularities (`point`). Without a reference
//! date, relative expressions stay unresolved in TIMEX3 style (`XXXX-WXX-1`).

#![deny(missing_docs)]

mod anchor;
mod engine;
pub mod eval;
mod lexicon;
mod point;
mod rules_date;
mod rules_dur;
mod rules_rel;
mod scan;
mod stage;
pub mod tml;

pub use anchor::governing_time;
pub use engine::Found;
pub use lexicon::{Holiday, Lexicon, LexiconError};
pub use stage::TimeStage;

use chrono::NaiveDate;
use dyad_doc::{Span, TimeExpr};

/// The recogniser: a lexicon plus the rules.
#[derive(Debug, Clone)]
pub struct Tagger {
    lex: Lexicon,
}

impl Tagger {
    /// A tagger with the embedded default lexicon.
    pub fn embedded() -> Result<Tagger, LexiconError> {
        Ok(Tagger {
            lex: Lexicon::embedded()?,
        })
    }

    /// A tagger with a custom lexicon.
    pub fn new(lex: Lexicon) -> Tagger {
        Tagger { lex }
    }

    /// Every expression in `text` with its `mod`, in text order.
    pub fn find(&self, text: &str, reference: Option<NaiveDate>) -> Vec<Found> {
        engine::find(text, reference, &self.lex)
    }

    /// Every expression in `text` as document-model [`TimeExpr`]s, sorted by start.
    pub fn tag(&self, text: &str, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
        to_exprs(self.find(text, reference))
    }

    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lex
    }
}

pub(crate) fn to_exprs(found: Vec<Found>) -> Vec<TimeExpr> {
    let mut v: Vec<TimeExpr> = found
        .into_iter()
        .map(|f| TimeExpr {
            span: Span::new(f.start, f.end),
            kind: f.kind.to_string(),
            value: f.value,
        })
        .collect();
    v.sort_by_key(|t| (t.span.start, t.span.end));
    v
}
