//! Rules for expressions relative to the reference date: today/yesterday/tomorrow, "this morning",
//! "last night", PRESENT_REF/PAST_REF/FUTURE_REF words, "last week", "next month", "earlier this
//! year", "three years ago", clock times ("3 p.m.", "15:00 GMT Saturday"), and the date modifiers
//! "early/late/mid", "the end of", "more than", "nearly".

use chrono::Duration;

use crate::engine::{Cand, Cx, Num};
use crate::point::Point;
use crate::rules_date::Dir;

/// Time zone abbreviations accepted after a clock time.
const ZONES: &[&str] = &[
    "gmt", "utc", "est", "edt", "cet", "cest", "bst", "pst", "pdt", "cst", "cdt", "mst", "mdt",
    "msk", "eet", "eest", "ist", "jst", "et", "pt", "ct",
];

impl Cx<'_> {
    /// Reference date shifted by `days`, as a value (`XXXX-XX-XX` without a reference).
    fn day_value(&self, days: i64) -> String {
        self.r
            .and_then(|r| r.checked_add_signed(Duration::try_days(days)?))
            .map(|d| Point::Day(d).value())
            .unwrap_or_else(|| "XXXX-XX-XX".into())
    }

    /// "today", "yesterday morning", "tonight", "this morning", "last night", "the day before yesterday".
    pub(crate) fn r_relday(&self, i: usize) -> Option<Cand> {
        let (k, off, part): (usize, i64, Option<&str>) = match self.w(i) {
            "today" => (i + 1, 0, None),
            "yesterday" => (i + 1, -1, None),
            "tomorrow" => (i + 1, 1, None),
            "tonight" => (i + 1, 0, Some("NI")),
            "this" | "last" => {
                let (k, p) = self.part(i + 1)?;
                match (self.w(i), p) {
                    ("last", "NI") | ("last", "EV") => (k, -1, Some(p)),
                    ("this", _) => (k, 0, Some(p)),
                    _ => return None,
                }
            }
            "that" | "the"
                if self.last_day.get().is_some() && {
                    let k = i + 1 + usize::from(self.is(i + 1, "same"));
                    (self.is(i, "that") || k > i + 1)
                        && self.is(k, "day")
                        && !self.any(k + 1, &["before", "after"])
                } =>
            {
                let k = i + 2 + usize::from(self.is(i + 1, "same"));
                let d = self.last_day.get()?;
                return Some(Cand::new(i, k, "DATE", Point::Day(d).value()));
            }
            "the" if self.is(i + 1, "day") && self.any(i + 2, &["before", "after"]) => {
                let off = if self.is(i + 2, "before") { -2 } else { 2 };
                let want = if off < 0 { "yesterday" } else { "tomorrow" };
                if !self.is(i + 3, want) {
                    return None;
                }
                (i + 4, off, None)
            }
            _ => return None,
        };
        let (k, part) = match (part, self.part(k)) {
            (None, Some((k2, p))) => (k2, Some(p)),
            _ => (k, part),
        };
        let v = self.day_value(off);
        Some(match part {
            Some(p) => Cand::new(i, k, "TIME", format!("{v}T{p}")),
            None => Cand::new(i, k, "DATE", v),
        })
    }

    /// PRESENT_REF / PAST_REF / FUTURE_REF phrases from the lexicon ("now", "recently", "the future").
    pub(crate) fn r_ref(&self, i: usize) -> Option<Cand> {
        let (k, v) = self.look(i, &self.lex.refs)?;
        // "now-defunct" is an adjective, not a time.
        if self.is(k, "-") && self.adj(k) {
            return None;
        }
        Some(Cand::new(i, k, "DATE", v.clone()))
    }

    /// "last week", "this year", "next month", "the coming year", "the past week" (a duration),
    /// "earlier this year", "later this month", "year-earlier", "the end of the year".
    pub(crate) fn r_rel_unit(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if self.any(j, &["earlier", "later"]) && self.any(j + 1, &["this", "last", "next"]) {
            j += 1;
        }
        if let Some(c) = self.year_earlier(i) {
            return Some(c);
        }
        let the = self.is(j, "the");
        if the && j == i && self.is(j + 1, "weekend") {
            return Some(Cand::new(i, j + 2, "DATE", self.the_weekend(i, j + 2)));
        }
        let w = if the { self.w(j + 1) } else { self.w(j) };
        let k = if the { j + 2 } else { j + 1 };
        let shift: i64 = match (the, w) {
            (false, "this") | (_, "current") | (false, "that") => 0,
            (_, "last") | (_, "previous") | (_, "preceding") => -1,
            (_, "next") | (_, "coming") | (true, "following") => 1,
            (_, "past") => {
                // "the past week" is a one-week duration.
                let (e, u, plural) = self.unit(k)?;
                if plural || !matches!(u, "Y" | "M" | "W" | "D" | "H" | "DE" | "CE" | "Q" | "MIN") {
                    return None;
                }
                return Some(Cand::new(
                    i,
                    e,
                    "DURATION",
                    crate::engine::dur_value(Num::N(1.0), u),
                ));
            }
            _ => return None,
        };
        if w == "that" && j <= i {
            return None;
        }
        // "this fiscal year"
        let k = if self.is(k, "fiscal") && self.is(k + 1, "year") {
            k + 1
        } else {
            k
        };
        let (e, u, plural) = self.unit(k)?;
        if plural || matches!(u, "H" | "MIN" | "S") {
            return None;
        }
        // "over the next decade", "for the coming year": a span, not a point.
        if the && shift != 0 && i > 0 && self.any(i - 1, &["over", "for", "within", "throughout"]) {
            return Some(Cand::new(
                i,
                e,
                "DURATION",
                crate::engine::dur_value(Num::N(1.0), u),
            ));
        }
        if u == "D" && shift == 0 {
            return None; // "this day"
        }
        // "the next day", "the previous day": relative to the last date mentioned, if any.
        if u == "D" && the {
            if let Some(d) = self.last_day.get().or(self.r) {
                return Some(Cand::new(i, e, "DATE", Point::Day(d).shift(shift)?.value()));
            }
        }
        let v = match self.r {
            Some(r) => Point::of(r, u).shift(shift)?.value(),
            None => crate::engine::unresolved(u),
        };
        Some(Cand::new(i, e, "DATE", v))
    }

    /// "the weekend": the latest weekend on or before the reference date, or the coming one when
    /// the tense is future.
    fn the_weekend(&self, s: usize, e: usize) -> String {
        let Some(r) = self.r else {
            return "XXXX-WXX-WE".into();
        };
        let wd = chrono::Datelike::weekday(&r).number_from_monday();
        let shift = match self.tense(s, e) {
            crate::engine::Tense::Future => 0,
            _ if wd >= 6 => 0,
            _ => -1,
        };
        Point::of(r, "WE")
            .shift(shift)
            .map_or_else(|| "XXXX-WXX-WE".into(), |p| p.value())
    }

    /// The sentence around token `i` talks about quarters ("third-quarter profit").
    pub(crate) fn quarter_context(&self, i: usize) -> bool {
        let sid = self.sid[i];
        let a = self.sid.partition_point(|&s| s < sid);
        let b = self.sid.partition_point(|&s| s <= sid);
        self.t[a..b]
            .iter()
            .any(|t| t.lower == "quarter" || t.lower == "quarterly")
    }

    /// "year-earlier", "the year-ago quarter", "the comparable year-earlier period": the previous
    /// year, or (with quarter/period) the same quarter a year before the latest one.
    fn year_earlier(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        if self.any(j, &["comparable", "corresponding", "same"]) {
            j += 1;
        }
        if !(self.is(j, "year")
            && self.is(j + 1, "-")
            && self.any(j + 2, &["earlier", "ago"])
            && self.adj(j + 1)
            && self.adj(j + 2))
        {
            return None;
        }
        let mut e = j + 3;
        let mut q = false;
        if self.any(e, &["quarter", "period"]) {
            q = true;
            e += 1;
        } else if self.lex.ordinals.get(self.w(e)).is_some_and(|&n| n <= 4)
            && self.is(e + 1, "quarter")
        {
            let n = self.lex.ordinals[self.w(e)];
            let v = self.r.map_or_else(
                || format!("XXXX-Q{n}"),
                |r| Point::Quarter(chrono::Datelike::year(&r) - 1, n).value(),
            );
            return Some(Cand::new(if j > i { i } else { j }, e + 2, "DATE", v));
        }
        if !q && self.quarter_context(i) {
            q = true;
        }
        if !q && j > i {
            // "the year-earlier nine months" etc.: keep only "year-earlier"
            let v = self.r.map_or("XXXX".into(), |r| {
                Point::of(r, "Y")
                    .shift(-1)
                    .map_or("XXXX".into(), |p| p.value())
            });
            return Some(Cand::new(j, j + 3, "DATE", v));
        }
        let v = match (self.r, q) {
            (Some(r), true) => Point::of(r, "Q").shift(-5)?.value(),
            (Some(r), false) => Point::of(r, "Y").shift(-1)?.value(),
            (None, true) => "XXXX-QX".into(),
            (None, false) => "XXXX".into(),
        };
        Some(Cand::new(i, e, "DATE", v))
    }

    /// "three years ago", "a year earlier", "nearly two weeks ago", "two days from now", "years ago".
    pub(crate) fn r_ago(&self, i: usize) -> Option<Cand> {
        let (j, m) = self.duration_mod(i);
        let (k, n, bare) = match self.num(j, true) {
            Some((k, n)) => (k, n, false),
            None => match self.look(j, &self.lex.vague) {
                Some((k, _)) => (k, Num::Vague, false),
                None => (j, Num::Vague, true),
            },
        };
        let (e, u, plural) = self.unit(k)?;
        if bare && !plural {
            return None; // "the year before"
        }
        // "a month earlier than usual" compares, it does not date.
        if self.is(e + 1, "than") {
            return None;
        }
        let (e, dir) = match self.w(e) {
            "ago" | "earlier" => (e + 1, -1),
            "later" | "hence" => (e + 1, 1),
            _ => return None,
        };
        let mut c = match n {
            Num::Vague => Cand::new(
                i,
                e,
                "DATE",
                if dir < 0 { "PAST_REF" } else { "FUTURE_REF" },
            ),
            Num::N(x) => {
                let v = match self.r {
                    // In earnings news "a year ago" is the same quarter a year before.
                    Some(r) if u == "Y" && x == 1.0 && dir < 0 && self.quarter_context(i) => {
                        Point::of(r, "Q").shift(-5)?.value()
                    }
                    Some(r) if x.fract() == 0.0 => Point::of(r, u).shift(dir * x as i64)?.value(),
                    _ => crate::engine::unresolved(u),
                };
                Cand::new(i, e, "DATE", v)
            }
        };
        c.m = m;
        Some(c)
    }

    /// Date modifiers in front of another expression: "early 2011", "late last July",
    /// "mid-November", "the end of the year", "the beginning of March".
    pub(crate) fn r_modified(&self, i: usize) -> Vec<Cand> {
        let hy = usize::from(self.is(i + 1, "-") && self.adj(i + 1) && self.adj(i + 2));
        let (j, m) = match self.w(i) {
            "early" => (i + 1 + hy, "START"),
            "late" => (i + 1 + hy, "END"),
            "mid" => (
                i + 1 + usize::from(self.is(i + 1, "-") && self.adj(i + 1)),
                "MID",
            ),
            "the"
                if self.any(i + 1, &["end", "beginning", "start", "middle"])
                    && self.is(i + 2, "of") =>
            {
                let m = match self.w(i + 1) {
                    "end" => "END",
                    "middle" => "MID",
                    _ => "START",
                };
                (i + 3, m)
            }
            _ => return Vec::new(),
        };
        let mut out = Vec::new();
        // "the end of the year/month/week" refers to the current one.
        if self.is(j, "the") {
            if let Some((e, u, false)) = self.unit(j + 1) {
                if matches!(u, "Y" | "M" | "W" | "Q" | "DE" | "CE" | "WE") {
                    let v = self
                        .r
                        .map_or_else(|| crate::engine::unresolved(u), |r| Point::of(r, u).value());
                    out.push(Cand {
                        s: i,
                        e,
                        kind: "DATE",
                        value: v,
                        m: Some(m),
                    });
                }
            }
        }
        for c in self.all_at(j, false) {
            let ok = c.kind == "DATE" && !c.value.ends_with("_REF") || c.kind == "TIME";
            if ok && c.s == j {
                out.push(Cand {
                    s: i,
                    m: Some(m),
                    ..c
                });
            }
        }
        out
    }

    /// A clock time "3 p.m.", "10:35 a.m.", "15:00 GMT", "noon", "midnight", optionally followed by
    /// a day ("3 p.m. Monday", "5 p.m. EST Nov. 9", "15:00 GMT Saturday").
    pub(crate) fn r_time(&self, i: usize) -> Option<Cand> {
        let (mut k, h, mi) = self.clock(i)?;
        // A following day.
        let mut date = None;
        let dk = if self.is(k, ",") { k + 1 } else { k };
        if let Some(c) = self.r_date(dk) {
            date = Some(c.value);
            k = c.e;
        } else if let Some((e, wd)) = self.weekday(dk) {
            let dir = if self.tense(i, e) == crate::engine::Tense::Future {
                Dir::OnOrAfter
            } else {
                Dir::OnOrBefore
            };
            date = Some(self.weekday_value(wd, dir));
            k = e;
        } else if let Some(c) = self.r_relday(dk) {
            if c.kind == "DATE" {
                date = Some(c.value);
                k = c.e;
            }
        }
        let date = date.unwrap_or_else(|| self.day_value(0));
        Some(Cand::new(i, k, "TIME", format!("{date}T{h:02}:{mi:02}")))
    }

    /// The clock part of a time: (end, hour 0..=24, minute).
    fn clock(&self, i: usize) -> Option<(usize, u32, u32)> {
        match self.w(i) {
            "noon" => return Some((i + 1, 12, 0)),
            "midnight" => return Some((i + 1, 24, 0)),
            _ => {}
        }
        let hd = self.digits(i)?;
        if hd.len() > 2 {
            return None;
        }
        let mut h: u32 = hd.parse().ok()?;
        let mut k = i + 1;
        let mut mi = 0;
        let mut has_minutes = false;
        if self.is(k, ":") && self.adj(k) && self.adj(k + 1) {
            let md = self.digits(k + 1)?;
            if md.len() != 2 {
                return None;
            }
            mi = md.parse().ok()?;
            k += 2;
            has_minutes = true;
            if self.is(k, ":") && self.adj(k) {
                return None; // 3:07:35 is a duration or a score
            }
        }
        if h > 24 || mi > 59 {
            return None;
        }
        // a.m. / p.m. / am / pm
        let (k2, ampm) = match self.w(k) {
            "am" | "pm" => (k + 1, Some(self.w(k).starts_with('p'))),
            "a" | "p"
                if self.is(k + 1, ".")
                    && self.adj(k + 1)
                    && self.is(k + 2, "m")
                    && self.adj(k + 2) =>
            {
                let mut e = k + 3;
                if self.is(e, ".") && self.adj(e) {
                    e += 1;
                }
                (e, Some(self.is(k, "p")))
            }
            _ => (k, None),
        };
        if let Some(pm) = ampm {
            if h == 0 || h > 12 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
            k = k2;
        } else if self.is(k, "o") && self.is(k + 1, "'") && self.is(k + 2, "clock") {
            k += 3;
        } else if !has_minutes {
            return None;
        } else {
            // 15:00 needs a zone or an "at"-like cue before it.
            let cue = i > 0
                && self.any(
                    i - 1,
                    &[
                        "at", "until", "from", "by", "before", "after", "around", "till",
                    ],
                );
            if !self.any(k, ZONES) && !cue {
                return None;
            }
        }
        if self.any(k, ZONES) {
            k += 1;
        } else if self.is(k, "local") && self.is(k + 1, "time") {
            k += 2;
        }
        Some((k, h, mi))
    }
}
