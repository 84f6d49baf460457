//! Trailing attributions whose speaker is a name with an appositive, set off by commas:
//! "…, Jane Roe, the head of the agency's press office, said on Tuesday." and "…, agency
//! spokesman, John Doe, also said." Wire copy (TASS above all) attributes most statements this
//! way. The phrase next to the cue is then only the end of the appositive (or an adverb, or
//! nothing), and the parser often attaches the name to the content, so the chain of comma-set
//! pieces is read on the surface: a name and an appositive (or a relative clause), or a title and
//! a name, between the content and the cue.

use super::Ctx;
use std::ops::Range;

/// Longest piece of the chain, in tokens (an appositive with its prepositional modifiers and an
/// abbreviation in brackets).
const MAX_PIECE: usize = 24;

/// Longest name piece, in tokens.
const MAX_NAME: usize = 6;

/// Longest title piece ("Foreign Ministry spokesman"), in tokens.
const MAX_TITLE: usize = 7;

/// Words that may stand lower-case inside a name ("Abu Bakr al Baghdadi", "Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "of", "de", "da", "del", "der", "den", "van", "von", "al", "el", "bin", "ibn", "la", "le", "du",
];

impl Ctx<'_> {
    /// For the cue at `k` in `sent`, a speaker chain right before it: the comma that opens the
    /// chain and the speaker's token range (name and appositive together, without the commas).
    /// Adverbs and time phrases between the chain and the cue are skipped ("…, the chief of staff,
    /// also said", "…, the chairman, last month called on").
    /// What lies before the chain may be the content ([`Ctx::reports_left`]) or an adverbial
    /// ("Speaking to reporters, Jane Roe, a senator, said …").
    pub(super) fn trailing_chain(
        &self,
        k: usize,
        sent: &Range<usize>,
    ) -> Option<(usize, Range<usize>)> {
        let mut b = k;
        loop {
            if b > sent.start && self.np_adverb(b - 1) {
                b -= 1;
            } else if self.np.time_before(sent.start, b) > 0 {
                b -= self.np.time_before(sent.start, b);
            } else {
                break;
            }
        }
        if b <= sent.start + 1 || self.lower(b - 1) != "," {
            return None;
        }
        let b = b - 1; // the comma closing the chain
        let c1 = self.comma_before(b, sent)?;
        let c2 = self.comma_before(c1, sent)?;
        let (near, far) = (c1 + 1..b, c2 + 1..c1);
        let chain = if self.name_piece(&far) && self.appositive_piece(&near) {
            // "Jane Roe, the head of the press office,"
            far.start..near.end
        } else if self.title_piece(&far) && self.name_piece(&near) {
            // "agency spokesman, John Doe,"
            far.start..near.end
        } else {
            return None;
        };
        Some((c2, chain))
    }

    /// Whether the words of `sent` before the comma at `comma` read as a reported clause: at
    /// least three words and a verb.
    pub(super) fn reports_left(&self, comma: usize, sent: &Range<usize>) -> bool {
        let content = sent.start..comma;
        let words = content
            .clone()
            .filter(|&j| self.lower(j).chars().any(char::is_alphanumeric))
            .count();
        words >= 3 && self.clause_like(content)
    }

    /// Whether a trailing speaker chain starts at token `j` (right after a comma) and leads to a
    /// cue: the content of an earlier cue ends before it.
    pub(super) fn chain_attribution_at(&self, j: usize, sent: &Range<usize>) -> bool {
        let lim = (j + 2 * MAX_PIECE + 4).min(sent.end);
        (j + 2..lim).any(|c| {
            self.cue(c).is_some()
                && !self.is_participle(c)
                && self
                    .trailing_chain(c, sent)
                    .is_some_and(|(comma, _)| comma + 1 == j && self.reports_left(comma, sent))
        })
    }

    /// The comma before token `b` within [`MAX_PIECE`] tokens, with no quotation mark, colon or
    /// semicolon in between.
    fn comma_before(&self, b: usize, sent: &Range<usize>) -> Option<usize> {
        let lo = b.saturating_sub(MAX_PIECE + 1).max(sent.start);
        for j in (lo..b).rev() {
            match self.lower(j) {
                "," => return Some(j),
                ";" | ":" | "“" | "”" | "\"" => return None,
                _ if self.seg_of[j].is_some() => return None,
                _ => {}
            }
        }
        None
    }

    /// A person's or organisation's name: capitalised words (with name particles), one of them a
    /// PER or ORG entity when the document has an entity layer, else at least two words.
    fn name_piece(&self, r: &Range<usize>) -> bool {
        if r.is_empty() || r.len() > MAX_NAME || !self.v.toks[r.start].cap {
            return false;
        }
        let words_ok = r.clone().all(|j| {
            let t = &self.v.toks[j];
            (t.cap && t.lower.chars().any(char::is_alphabetic)
                || NAME_PARTICLES.contains(&self.lower(j))
                || matches!(self.lower(j), "." | "-"))
                && !self.lex.is("titles", self.lower(j))
                && self.cue(j).is_none()
        });
        if !words_ok {
            return false;
        }
        if self.doc.entities.is_empty() {
            return r.len() >= 2;
        }
        // Entities are sorted by start: those overlapping the piece start before its end, and
        // a name piece is short, so the few just before that point are enough to look at.
        let span = self.tspan(r);
        let ents = &self.doc.entities;
        let upto = ents.partition_point(|e| e.span.start < span.end);
        ents[..upto]
            .iter()
            .rev()
            .take(MAX_NAME)
            .any(|e| matches!(e.kind.as_str(), "PER" | "ORG") && e.span.overlaps(span))
    }

    /// An appositive noun phrase ("the head of the agency (NFA)", "a former minister") or a
    /// relative clause ("who heads the agency"): no verb outside a relative clause, not opening
    /// with a preposition or conjunction.
    fn appositive_piece(&self, r: &Range<usize>) -> bool {
        if r.is_empty() {
            return false;
        }
        let first = self.lower(r.start);
        if matches!(first, "who" | "whose") {
            return true;
        }
        if matches!(
            first,
            "and" | "but" | "or" | "while" | "as" | "if" | "when" | "which" | "that"
        ) || self.v.tagged && self.v.toks[r.start].upos == "ADP"
        {
            return false;
        }
        !self.clause_like(r.clone())
            && r.clone().any(|j| {
                let t = &self.v.toks[j];
                if self.v.tagged {
                    matches!(t.upos.as_str(), "NOUN" | "PROPN")
                } else {
                    t.lower.chars().any(char::is_alphabetic)
                }
            })
    }

    /// A title ending in an office noun ("Foreign Ministry spokesman", "Interior Minister").
    fn title_piece(&self, r: &Range<usize>) -> bool {
        !r.is_empty()
            && r.len() <= MAX_TITLE
            && self.lex.is("titles", self.lower(r.end - 1))
            && !self.clause_like(r.clone())
    }
}
