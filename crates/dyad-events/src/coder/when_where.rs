//! Attributes of an event from the other layers: its date (a governing time expression, the
//! narrative date, the publication date) and its place (a governing place).

use super::sent::{ancestors, Sent};
use super::Coder;
use dyad_doc::{Doc, EventPlace};

impl Coder {
    /// The governing time expression (same sentence, attached to the trigger's clause, else the
    /// nearest one in the sentence), else the publication date.
    pub(super) fn date_for(&self, st: &Sent, h: usize) -> Option<String> {
        let sent_span = st.doc.sentences[st.doc.sentence_of_token(h).unwrap_or(0)].span;
        let mut best: Option<(usize, &str)> = None;
        for t in &st.doc.times {
            if !sent_span.contains(t.span) || !(t.kind == "DATE" || t.kind == "TIME") {
                continue;
            }
            if !t
                .value
                .as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_digit())
            {
                continue;
            }
            let toks = st.doc.tokens_in(t.span);
            if toks.is_empty() {
                continue;
            }
            // Distance in the tree when parsed (attached to the trigger or its ancestors), else linear.
            let mut score = toks.start.abs_diff(h) + 100;
            if st.parsed {
                let anc = ancestors(st, h);
                let mut other_noun = false;
                for tt in toks.clone() {
                    if let Some(hh) = st.head(tt) {
                        if !toks.contains(&hh) {
                            if let Some(k) = anc.iter().position(|&a| a == hh) {
                                score = score.min(k);
                            } else if matches!(st.upos(hh), "NOUN" | "PROPN") {
                                other_noun = true;
                            }
                        }
                    }
                }
                // "last week's meeting": the date of another noun, not of this event.
                if other_noun && score >= 100 {
                    continue;
                }
            }
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, t.value.as_str()));
            }
        }
        match best {
            // A date with a time of day (`2025-05-20T10:30`, `2025-05-20TMO`) is kept to its day;
            // any other value (`2017-W10-WE`, `2025-05`) is kept whole.
            Some((_, v)) => Some(match v.split_once('T') {
                Some((day, _)) if day.len() == 10 && v.as_bytes()[4] == b'-' => day.to_string(),
                _ => v.to_string(),
            }),
            None => self
                .narrative_date(st.doc, sent_span.start)
                .or_else(|| st.doc.date.map(|d| d.format("%Y-%m-%d").to_string())),
        }
    }

    /// The reference time a sentence without a date of its own inherits: the last day-precise
    /// date (`YYYY-MM-DD`) written before it in the document, when it is within the week before
    /// the publication date ("Trump spoke with Putin on Monday. ... He later told reporters ...").
    pub(super) fn narrative_date(&self, doc: &Doc, before: usize) -> Option<String> {
        let pubd = doc.date?;
        doc.times
            .iter()
            .filter(|t| t.span.end <= before && t.kind == "DATE")
            .rev()
            .find_map(|t| {
                let d = chrono::NaiveDate::parse_from_str(t.value.get(..10)?, "%Y-%m-%d").ok()?;
                (t.value.len() == 10 && d <= pubd && (pubd - d).num_days() <= 7).then_some(d)
            })
            .map(|d| d.format("%Y-%m-%d").to_string())
    }

    /// A place governing the trigger: a place mention in the sentence attached to the trigger or
    /// an ancestor by `in`/`at`/`from`.
    pub(super) fn place_for(&self, st: &Sent, h: usize) -> Option<EventPlace> {
        let sent_span = st.doc.sentences[st.doc.sentence_of_token(h).unwrap_or(0)].span;
        let anc = if st.parsed { ancestors(st, h) } else { vec![h] };
        for p in &st.doc.places {
            if !sent_span.contains(p.span) {
                continue;
            }
            let toks = st.doc.tokens_in(p.span);
            let attached = toks.clone().any(|t| {
                st.head(t)
                    .is_some_and(|hh| anc.contains(&hh) && !toks.contains(&hh))
                    && st
                        .case_of(t)
                        .is_some_and(|c| matches!(c, "in" | "at" | "from" | "near"))
            });
            if attached {
                return Some(EventPlace {
                    name: p.name.clone(),
                    country: p.country.clone(),
                    lat: Some(p.lat),
                    lon: Some(p.lon),
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::condemned;
    use super::*;
    use chrono::NaiveDate;
    use dyad_doc::{Place, Span, TimeExpr};

    #[test]
    fn date_falls_back_to_narrative_then_publication_date() {
        let c = Coder::embedded();
        let (mut d, ms) = condemned();
        assert_eq!(c.date_for(&Sent::new(&d, 0, &ms), 3), None);
        d.date = NaiveDate::from_ymd_opt(2025, 5, 20);
        assert_eq!(
            c.date_for(&Sent::new(&d, 0, &ms), 3).as_deref(),
            Some("2025-05-20")
        );
        // A time expression in the sentence with a clock time is kept to its day.
        let japan = d.tokens[4].span;
        d.times.push(TimeExpr {
            span: japan,
            kind: "TIME".into(),
            value: "2025-05-19T10:30".into(),
        });
        assert_eq!(
            c.date_for(&Sent::new(&d, 0, &ms), 3).as_deref(),
            Some("2025-05-19")
        );
        // A full date written before the sentence, within the week: the narrative date.
        d.times[0].span = Span::new(0, 0);
        d.times[0].kind = "DATE".into();
        d.times[0].value = "2025-05-18".into();
        assert_eq!(c.narrative_date(&d, 1).as_deref(), Some("2025-05-18"));
        d.times[0].value = "2025-04-01".into();
        assert_eq!(c.narrative_date(&d, 1), None);
    }

    #[test]
    fn place_needs_a_locative_attachment() {
        let c = Coder::embedded();
        let (mut d, ms) = condemned();
        // "Japan" as an object is no place of the event, even when it is a place.
        d.places.push(Place {
            span: d.tokens[4].span,
            name: "Japan".into(),
            country: Some("JPN".into()),
            lat: 36.0,
            lon: 138.0,
            feature: "country".into(),
        });
        assert!(c.place_for(&Sent::new(&d, 0, &ms), 3).is_none());
        // "protested in Kyiv": a place under "in" on the trigger.
        let (mut d, ms) = super::super::fixtures::doc(
            &[
                ("Ukraine", "Ukraine", "PROPN", 2, "nsubj"),
                ("protested", "protest", "VERB", 0, "root"),
                ("in", "in", "ADP", 4, "case"),
                ("Kyiv", "Kyiv", "PROPN", 2, "obl"),
            ],
            &[(0, 1, "UKR", "UKR")],
        );
        d.places.push(Place {
            span: d.tokens[3].span,
            name: "Kyiv".into(),
            country: Some("UKR".into()),
            lat: 50.45,
            lon: 30.52,
            feature: "city".into(),
        });
        let pl = c.place_for(&Sent::new(&d, 0, &ms), 1).expect("a place");
        assert_eq!(
            (pl.name.as_str(), pl.country.as_deref()),
            ("Kyiv", Some("UKR"))
        );
    }
}
