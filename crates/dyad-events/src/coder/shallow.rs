//! Word-order fallbacks for sentences without a parse (and back-off when the parse finds no actor):
//! governors just before the trigger, the actor group before a position, the first actor after it.

use super::sent::Sent;
use super::Coder;
use crate::dict::Governor;
use crate::words::find_stem;

/// Result of shallow governor detection.
#[derive(Debug, Default)]
pub(super) struct Shallow {
    /// The governor word and its kind.
    pub(super) gov: Option<(Governor, usize)>,
    /// An odd number of negations between governor and trigger.
    pub(super) negated: bool,
    /// A mention between governor and trigger (the addressee of an appeal or demand).
    pub(super) skipped: Option<usize>,
}

impl Coder {
    /// Shallow governor detection for unparsed text: the words just before the trigger in its clause.
    pub(super) fn shallow_governor(&self, st: &Sent, start: usize) -> Shallow {
        let mut out = Shallow::default();
        let mut j = start;
        let mut steps = 0;
        while j > st.range.start && steps < 7 {
            j -= 1;
            steps += 1;
            let f = st.form(j);
            if matches!(
                f,
                "." | ";" | ":" | "," | "\u{201c}" | "\u{201d}" | "\"" | "(" | ")"
            ) {
                break;
            }
            if matches!(f, "not" | "n't" | "never" | "no") {
                out.negated = !out.negated;
                continue;
            }
            if let Some(mi) = st.mention(j) {
                if out.skipped.is_some() || out.gov.is_some() {
                    break;
                }
                out.skipped = Some(mi);
                j = st.mentions[mi].tokens.start;
                continue;
            }
            if out.gov.is_some() {
                continue;
            }
            let g = match f {
                "will" | "shall" | "'ll" => Some(Governor::Intent),
                _ => {
                    if self.is_say_verb(st, j) {
                        break;
                    }
                    let gov = |k: &str| self.dict.governors.get(k).copied();
                    find_stem(f, gov).or_else(|| gov(st.lemma(j)))
                }
            };
            if let Some(g) = g {
                // A mention between governor and trigger is only an object for appeals/demands.
                if out.skipped.is_some() && !matches!(g, Governor::Appeal | Governor::Demand) {
                    break;
                }
                out.gov = Some((g, j));
                if !matches!(g, Governor::Intent | Governor::Hypothetical) {
                    break;
                }
            }
        }
        if out.gov.is_none() {
            out.skipped = None;
        }
        out
    }

    /// Whether token `t` ends the clause for word-order argument finding.
    pub(super) fn clause_stop(&self, st: &Sent, t: usize) -> bool {
        let f = st.form(t);
        matches!(
            f,
            "." | ";"
                | ":"
                | "that"
                | "who"
                | "which"
                | "whose"
                | "\u{201c}"
                | "\u{201d}"
                | "\""
                | "while"
                | "but"
                | "because"
                | "after"
                | "before"
                | "when"
                | "if"
        ) || self.is_say_verb(st, t)
    }

    /// The nearest actor mention before token `pos` in its clause, with actors coordinated with it.
    pub(super) fn group_before(&self, st: &Sent, pos: usize) -> Vec<usize> {
        // "Pakistan, a key U.S. ally, has refused": skip a parenthetical that ends just before the verb.
        let mut pos = pos;
        let mut b = pos;
        while b > st.range.start
            && matches!(
                st.form(b - 1),
                "has"
                    | "have"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "also"
                    | "again"
                    | "on"
                    | "then"
            )
        {
            b -= 1;
        }
        if b > st.range.start && st.form(b - 1) == "," {
            let lo = b.saturating_sub(14).max(st.range.start);
            if let Some(k) = (lo..b - 1).rev().find(|&k| st.form(k) == ",") {
                if k > st.range.start && st.mention(k - 1).is_some() {
                    pos = k;
                }
            }
        }
        let mut j = pos;
        let mut first = None;
        while j > st.range.start {
            j -= 1;
            if let Some(mi) = st.mention(j) {
                first = Some(mi);
                break;
            }
            if matches!(st.form(j), "." | ";" | "\u{201c}" | "\u{201d}" | "\"") {
                break;
            }
        }
        let Some(mut cur) = first else {
            return Vec::new();
        };
        let mut v = vec![cur];
        loop {
            let s = st.mentions[cur].tokens.start;
            let mut k = s;
            let mut linked = false;
            while k > st.range.start && s - k < 3 {
                k -= 1;
                match st.form(k) {
                    "and" | "," | "or" | "&" | "nor" => linked = true,
                    "the" => {}
                    _ => break,
                }
            }
            if !linked {
                break;
            }
            let Some(prev) = (k..s)
                .rev()
                .find_map(|t| st.mention(t))
                .or_else(|| st.mention(k))
            else {
                break;
            };
            if prev == cur || v.contains(&prev) {
                break;
            }
            v.push(prev);
            cur = prev;
        }
        v.reverse();
        v
    }

    /// The first actor mention at or after `pos` in the clause (within 10 tokens).
    pub(super) fn first_after(&self, st: &Sent, pos: usize) -> Option<usize> {
        let end = (pos + 10).min(st.range.end);
        for t in pos..end {
            if let Some(mi) = st.mention(t) {
                return Some(mi);
            }
            if t == pos && st.form(t) == "that" {
                continue;
            }
            if self.clause_stop(st, t)
                || (st.form(t) == "," && t + 1 < st.range.end && st.mention(t + 1).is_none())
            {
                return None;
            }
        }
        None
    }

    /// Mention `mi` and the actors coordinated after it ("Mauritania and Senegal").
    pub(super) fn group_after(&self, st: &Sent, mi: usize) -> Vec<usize> {
        let mut v = vec![mi];
        let mut cur = mi;
        loop {
            let mut k = st.mentions[cur].tokens.end;
            let mut linked = false;
            while k < st.range.end && matches!(st.form(k), "and" | "," | "or" | "&" | "the") {
                linked |= st.form(k) != "the";
                k += 1;
            }
            let Some(next) = (k < st.range.end).then(|| st.mention(k)).flatten() else {
                break;
            };
            if !linked || v.contains(&next) {
                break;
            }
            v.push(next);
            cur = next;
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::unparsed;
    use super::*;

    #[test]
    fn word_order_groups_and_governor() {
        let (d, ms) = unparsed();
        let st = Sent::new(&d, 0, &ms);
        let c = Coder::embedded();
        let sh = c.shallow_governor(&st, 4);
        assert_eq!(sh.gov, Some((Governor::Intent, 3)));
        assert!(!sh.negated && sh.skipped.is_none());
        assert_eq!(c.group_before(&st, 3), vec![0, 1]);
        assert_eq!(c.first_after(&st, 5), Some(2));
        assert_eq!(c.group_after(&st, 0), vec![0, 1]);
        assert!(!c.clause_stop(&st, 4) && !c.clause_stop(&st, 1));
    }
}
