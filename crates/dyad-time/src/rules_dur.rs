//! Rules for durations ("30-day", "more than three years", "the past two months", "recent weeks")
//! and sets ("every Monday", "weekly", "each year", "twice a week", "on Mondays").

use crate::engine::{dur_value, Cand, Cx, Num};
use crate::scan::Kind;

/// Words in front of an amount that make "a year" a frequency ("$5 million a year").
const AMOUNT: &[&str] = &[
    "million", "billion", "trillion", "thousand", "percent", "%", "dollars", "times", "once",
    "twice",
];

impl Cx<'_> {
    /// Duration modifiers that belong to the expression: (next token, TIMEX3 mod).
    pub(crate) fn duration_mod(&self, i: usize) -> (usize, Option<&'static str>) {
        let two = |a: &str, b: &str| self.is(i, a) && self.is(i + 1, b);
        if two("more", "than") {
            (i + 2, Some("MORE_THAN"))
        } else if two("less", "than") || two("fewer", "than") {
            (i + 2, Some("LESS_THAN"))
        } else if two("at", "least") {
            (i + 2, Some("EQUAL_OR_MORE"))
        } else if two("at", "most") || two("up", "to") {
            (i + 2, Some("EQUAL_OR_LESS"))
        } else if self.is(i, "no") && self.is(i + 1, "more") && self.is(i + 2, "than") {
            (i + 3, Some("EQUAL_OR_LESS"))
        } else if self.any(i, &["nearly", "almost"]) {
            (i + 1, Some("APPROX"))
        } else {
            (i, None)
        }
    }

    /// "30-day", "three years", "the past two months", "the first nine months", "several days",
    /// "more than three years", "a week", "for years".
    pub(crate) fn r_duration(&self, i: usize) -> Option<Cand> {
        let (mut j, m) = self.duration_mod(i);
        let mut the = false;
        if self.any(j, &["the", "a"])
            && self.any(
                j + 1,
                &[
                    "past",
                    "last",
                    "next",
                    "first",
                    "coming",
                    "previous",
                    "final",
                    "following",
                    "remaining",
                    "latest",
                    "full",
                ],
            )
        {
            the = true;
            j += 2;
        } else if self.is(j, "the") {
            the = true;
            j += 1;
        } else if self.any(
            j,
            &[
                "past",
                "next",
                "last",
                "first",
                "another",
                "further",
                "additional",
            ],
        ) && self.num(j + 1, false).is_some()
        {
            j += 1;
        }
        let amount_before = i > 0 && (self.any(i - 1, AMOUNT) || self.t[i - 1].kind == Kind::Num);
        // Vague quantity + plural unit: "several years", "recent weeks", "the next few months".
        let vague_start = if the && j > i {
            j - 1
                - usize::from(self.any(
                    j - 1,
                    &[
                        "past",
                        "last",
                        "next",
                        "coming",
                        "first",
                        "previous",
                        "final",
                        "following",
                        "remaining",
                        "latest",
                        "full",
                    ],
                ))
        } else {
            j
        };
        if let Some((k, _)) = self.look(vague_start, &self.lex.vague) {
            if let Some((e, u, true)) = self.unit(k) {
                if self.is(e, "ago") || self.is(e, "-") && self.adj(e) {
                    return None;
                }
                return Some(Cand {
                    s: i,
                    e,
                    kind: "DURATION",
                    value: dur_value(Num::Vague, u),
                    m,
                });
            }
        }
        let (k, n) = self.num(j, !the)?;
        let article = self.any(j, &["a", "an"]);
        let (mut k, mut n) = (k, n);
        // "two and a half years"
        if self.is(k, "and") && self.is(k + 1, "a") && self.is(k + 2, "half") {
            if let Num::N(x) = n {
                n = Num::N(x + 0.5);
                k += 3;
            }
        }
        let hyphen = self.is(k, "-") && self.adj(k) && self.adj(k + 1);
        let uk = if hyphen { k + 1 } else { k };
        let (e, u, _) = self.unit(uk)?;
        if self.is(e, "-") && self.is(e + 1, "old") {
            return None; // ages
        }
        if matches!(n, Num::N(x) if x >= 1000.0) && matches!(u, "S" | "Q" | "MIN") {
            return None; // "the 1988 second quarter"
        }
        if hyphen && u == "Q" {
            return None; // "three-quarters" is a fraction
        }
        if self.any(e, &["ago", "earlier", "later", "hence"]) && !self.is(e + 1, "than") {
            return None; // dates: see r_ago
        }
        if article && matches!(u, "S" | "Q" | "WE") {
            return None; // "a second term", "a quarter of", "a weekend"
        }
        if article && amount_before {
            let mut c = Cand::new(i, e, "SET", dur_value(Num::N(1.0), u));
            c.m = m;
            return Some(c);
        }
        if u == "Q" && !matches!(n, Num::N(x) if x >= 2.0) && !the {
            return None;
        }
        // An adjectival "the 30-day truce" leaves the determiner outside the extent.
        let s = if hyphen && (the || j > i && m.is_none()) {
            j
        } else {
            i
        };
        Some(Cand {
            s,
            e,
            kind: "DURATION",
            value: dur_value(n, u),
            m,
        })
    }

    /// Bare plural units after a preposition ("for years", "in minutes", "take weeks").
    pub(crate) fn r_bare_units(&self, i: usize) -> Option<Cand> {
        let (e, u, plural) = self.unit(i)?;
        if !plural
            || i == 0
            || !self.any(
                i - 1,
                &[
                    "for", "over", "within", "in", "take", "takes", "took", "taking", "lasted",
                    "last", "lasting",
                ],
            )
        {
            return None;
        }
        if !matches!(u, "Y" | "M" | "W" | "D" | "H" | "MIN" | "DE" | "CE")
            || self.any(e, &["ago", "of", "-", "old"])
        {
            return None;
        }
        Some(Cand::new(i, e, "DURATION", dur_value(Num::Vague, u)))
    }

    /// "every Monday", "each year", "every other week", "every two weeks", "weekly", "twice a week",
    /// "on Mondays", "every morning".
    pub(crate) fn r_set(&self, i: usize) -> Option<Cand> {
        if let Some((k, v)) = self.look(i, &self.lex.sets) {
            // "the Daily Telegraph", "weekly magazine" capitalised as a name
            if self.t[i].cap && i > 0 && !self.is(i - 1, ".") && !self.t[i].newline_before {
                return None;
            }
            return Some(Cand::new(i, k, "SET", v.clone()));
        }
        // "once a week", "twice a year", "three times a month"
        let (j, freq) = match self.w(i) {
            "once" => (i + 1, true),
            "twice" => (i + 1, true),
            _ => match self.num(i, false) {
                Some((k, _)) if self.is(k, "times") => (k + 1, true),
                _ => (i, false),
            },
        };
        if freq {
            if self.any(j, &["a", "an", "per", "every", "each"]) {
                let (e, u, false) = self.unit(j + 1)? else {
                    return None;
                };
                return Some(Cand::new(i, e, "SET", dur_value(Num::N(1.0), u)));
            }
            return None;
        }
        if self.is(i, "per") {
            let (e, u, false) = self.unit(i + 1)? else {
                return None;
            };
            return Some(Cand::new(i, e, "SET", dur_value(Num::N(1.0), u)));
        }
        // Plural weekdays: "Mondays"
        if self.t[i].cap {
            let w = self.w(i);
            if let Some(stem) = w.strip_suffix('s') {
                if let Some(&d) = self.lex.weekdays.get(stem).filter(|_| stem.len() >= 6) {
                    let mut k = i + 1;
                    let mut v = format!("XXXX-WXX-{d}");
                    if let Some((k2, p)) = self.part(k) {
                        v.push_str(&format!("T{p}"));
                        k = k2;
                    }
                    return Some(Cand::new(i, k, "SET", v));
                }
            }
        }
        if !self.any(i, &["every", "each"]) {
            return self.r_bare_units(i);
        }
        let mut j = i + 1;
        let mut n = 1.0;
        if self.is(j, "other") {
            n = 2.0;
            j += 1;
        } else if let Some((k, Num::N(x))) = self.num(j, false) {
            n = x;
            j = k;
        }
        if let Some((e, u, _)) = self.unit(j) {
            return Some(Cand::new(i, e, "SET", dur_value(Num::N(n), u)));
        }
        if let Some((e, d)) = self.weekday(j) {
            let mut v = format!("XXXX-WXX-{d}");
            let mut e = e;
            if let Some((k2, p)) = self.part(e) {
                v.push_str(&format!("T{p}"));
                e = k2;
            }
            return Some(Cand::new(i, e, "SET", v));
        }
        if let Some((e, p)) = self.part(j) {
            return Some(Cand::new(i, e, "SET", format!("XXXX-XX-XXT{p}")));
        }
        if let Some((e, m)) = self.month(j) {
            return Some(Cand::new(i, e, "SET", format!("XXXX-{m:02}")));
        }
        if let Some(s) = self.lex.seasons.get(self.w(j)) {
            return Some(Cand::new(i, j + 1, "SET", format!("XXXX-{s}")));
        }
        None
    }
}
