//! Rules for calendar dates: ISO and numeric dates, "May 19, 2025", "19 May", months, years,
//! decades, centuries, quarters, seasons, weekdays and holidays.
//!
//! Dates without a year take it from the reference date and the tense around them; weekdays
//! resolve to the most recent such day on or before the reference unless the context says future.

use chrono::{Datelike, Duration, NaiveDate};

use crate::engine::{Cand, Cx, Tense};
use crate::lexicon::Holiday;
use crate::point::{self, season_code, Point};
use crate::scan::Kind;

/// How a weekday relates to the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
    ThisWeek,
}

/// Prepositions and modifiers after which "May" is the month, not the modal verb.
const MAY_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "of",
    "from",
    "through",
    "to",
    "before",
    "after",
    "during",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "throughout",
    "between",
    "and",
    "or",
    "end",
    "beginning",
    "start",
    "middle",
    "-",
    "each",
    "every",
    "until",
    "that",
    "coming",
    "past",
];

impl Cx<'_> {
    /// Token `k` continues a name ("Sunday Times", "Good Friday Agreement").
    pub(crate) fn name_follows(&self, k: usize) -> bool {
        self.t.get(k).is_some_and(|t| t.cap) && self.lex.name_tails.contains_key(self.w(k))
    }

    /// The weekday `wd` relative to the reference date.
    pub(crate) fn weekday_date(&self, wd: u32, dir: Dir) -> Option<NaiveDate> {
        let r = self.r?;
        let cur = r.weekday().number_from_monday() as i64;
        let wd = wd as i64;
        let back = (cur - wd).rem_euclid(7);
        let fwd = (wd - cur).rem_euclid(7);
        let delta = match dir {
            Dir::OnOrBefore => -back,
            Dir::Before => -(if back == 0 { 7 } else { back }),
            Dir::OnOrAfter => fwd,
            Dir::After => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            Dir::ThisWeek => wd - cur,
        };
        r.checked_add_signed(Duration::try_days(delta)?)
    }

    /// The value of weekday `wd` in direction `dir`, or `XXXX-WXX-n` without a reference.
    pub(crate) fn weekday_value(&self, wd: u32, dir: Dir) -> String {
        self.weekday_date(wd, dir)
            .map(|d| Point::Day(d).value())
            .unwrap_or_else(|| format!("XXXX-WXX-{wd}"))
    }

    /// `2025-05-19`, `2025/05/19`, `5/19/2025`, `2025-05`.
    pub(crate) fn r_iso(&self, i: usize) -> Option<Cand> {
        let a = self.digits(i)?;
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.adj(i + 1) || !self.adj(i + 2) {
            return None;
        }
        let b = self.digits(i + 2)?;
        let glued3 = self.is(i + 3, sep) && self.adj(i + 3) && self.adj(i + 4);
        if a.len() == 4 && b.len() <= 2 && sep != "." {
            let (y, m): (i32, u32) = (a.parse().ok()?, b.parse().ok()?);
            if glued3 {
                let c = self.digits(i + 4)?;
                let d: u32 = c.parse().ok()?;
                if c.len() > 2 {
                    return None;
                }
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                return Some(Cand::new(i, i + 5, "DATE", Point::Day(date).value()));
            }
            if sep == "-" && (1..=12).contains(&m) && b.len() == 2 && (1900..=2100).contains(&y) {
                return Some(Cand::new(i, i + 3, "DATE", Point::Month(y, m).value()));
            }
            return None;
        }
        if a.len() <= 2 && b.len() <= 2 && glued3 && sep != "-" {
            let c = self.digits(i + 4)?;
            if c.len() != 4 {
                return None;
            }
            let (x, z, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
            let (m, d) = if sep == "/" && x <= 12 {
                (x, z)
            } else {
                (z, x)
            };
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(Cand::new(i, i + 5, "DATE", Point::Day(date).value()));
        }
        None
    }

    /// "[Monday,] May 19[, 2025]" and "[Monday,] 19 [of] May [2025]".
    pub(crate) fn r_date(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if let Some((k, _)) = self.weekday(i) {
            j = if self.is(k, ",") { k + 1 } else { k };
        }
        let (mut k, m, d) = if let Some((k, m)) = self.month(j) {
            let (k2, d) = self.day(k)?;
            (k2, m, d)
        } else {
            let (k, d) = self.day(j)?;
            let k = if self.is(k, "of") { k + 1 } else { k };
            let (k2, m) = self.month(k)?;
            (k2, m, d)
        };
        let mut year = None;
        let yk = if self.is(k, ",") { k + 1 } else { k };
        if let Some((k2, y)) = self.year(yk) {
            year = Some(y);
            k = k2;
        }
        let y = match year {
            Some(y) => y,
            None => match self.infer_year(m, Some(d), self.tense(i, k)) {
                Some(y) => y,
                None => return Some(Cand::new(i, k, "DATE", format!("XXXX-{m:02}-{d:02}"))),
            },
        };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some(Cand::new(i, k, "DATE", Point::Day(date).value()))
    }

    /// "March 2022", "March of 2022", "March, 2022".
    pub(crate) fn r_month_year(&self, i: usize) -> Option<Cand> {
        let (k, m) = self.month(i)?;
        let k = if self.any(k, &["of", ","]) { k + 1 } else { k };
        let (k, y) = self.year(k)?;
        Some(Cand::new(i, k, "DATE", Point::Month(y, m).value()))
    }

    /// "March", "last March", "January this year"; year from modifier or tense.
    pub(crate) fn r_month(&self, i: usize) -> Option<Cand> {
        let rel = ["last", "this", "next", "coming", "past"];
        let pre = self.any(i, &rel).then(|| self.w(i));
        let j = if pre.is_some() { i + 1 } else { i };
        let (mut k, m) = self.month(j)?;
        if self.day(k).is_some() {
            return None; // "last Oct. 23": the date rule takes "Oct. 23"
        }
        if pre.is_none() {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            match self.w(i) {
                "may" if !MAY_CONTEXT.contains(&prev) => return None,
                "march" if matches!(prev, "the" | "a" | "to") && self.digits(k).is_none() => {
                    return None
                }
                _ => {}
            }
        }
        let mut year_shift = None;
        if self.any(k, &["this", "last", "next"]) && self.is(k + 1, "year") {
            year_shift = Some(match self.w(k) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            });
            k += 2;
        }
        let Some(r) = self.r else {
            return Some(Cand::new(i, k, "DATE", format!("XXXX-{m:02}")));
        };
        let (ry, rm) = (r.year(), r.month());
        let y = if let Some(s) = year_shift {
            ry + s
        } else {
            match pre {
                Some("last") | Some("past") => {
                    if m < rm {
                        ry
                    } else {
                        ry - 1
                    }
                }
                Some("next") | Some("coming") => {
                    if m > rm {
                        ry
                    } else {
                        ry + 1
                    }
                }
                Some(_) => ry,
                None => self.infer_year(m, None, self.tense(i, k))?,
            }
        };
        Some(Cand::new(i, k, "DATE", Point::Month(y, m).value()))
    }

    /// A four-digit year: "2009", "fiscal 2024", "the year 2000".
    pub(crate) fn r_year(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if self.is(i, "fiscal") || self.is(i, "calendar") {
            j = i + 1;
        } else if self.is(i, "the") && self.is(i + 1, "year") {
            j = i + 2;
        }
        let (k, y) = self.year(j)?;
        // A year directly followed by a unit ("2000 years") is a number.
        if self.unit(k).is_some() && !self.adj(k) {
            return None;
        }
        // Years in running text: only plausible ones, or any with a cue before.
        let prev = if j > 0 { self.w(j - 1) } else { "" };
        // "about 2000 people", "1500 troops" are counts.
        const COUNT_PREV: &[&str] = &[
            "about",
            "around",
            "nearly",
            "almost",
            "some",
            "than",
            "approximately",
            "roughly",
            "least",
            "over",
            "under",
            "only",
            "just",
        ];
        const COUNT_NEXT: &[&str] = &[
            "people",
            "troops",
            "soldiers",
            "civilians",
            "votes",
            "tonnes",
            "tons",
            "km",
            "kilometres",
            "kilometers",
            "miles",
            "dollars",
            "euros",
            "metres",
            "meters",
            "feet",
            "barrels",
            "residents",
            "refugees",
            "prisoners",
            "children",
            "men",
            "women",
            "members",
            "points",
            "units",
            "cases",
            "deaths",
            "times",
        ];
        if j == i && (COUNT_PREV.contains(&prev) || self.any(k, COUNT_NEXT)) {
            return None;
        }
        let cue = matches!(
            prev,
            "in" | "since"
                | "of"
                | "by"
                | "until"
                | "from"
                | "to"
                | "before"
                | "after"
                | "during"
                | "-"
                | "early"
                | "late"
                | "mid"
                | "through"
                | "fiscal"
                | "year"
                | "and"
                | "or"
        );
        if !(1900..=2100).contains(&y) && !cue {
            return None;
        }
        Some(Cand::new(i, k, "DATE", Point::Year(y).value()))
    }

    /// "the 1980s", "the '90s", "the nineties", "the early 2000s".
    pub(crate) fn r_decade(&self, i: usize) -> Option<Cand> {
        let j = i;
        let (j, m) = match self.w(j) {
            "early" => (j + 1, Some("START")),
            "mid" => (j + 1 + usize::from(self.is(j + 1, "-")), Some("MID")),
            "late" => (j + 1, Some("END")),
            _ => (j, None),
        };
        let w = self.w(j);
        let (k, dec) =
            if w.len() == 5 && w.ends_with('s') && w[..4].bytes().all(|b| b.is_ascii_digit()) {
                let y: i32 = w[..4].parse().ok()?;
                if y % 10 != 0 {
                    return None;
                }
                (j + 1, y / 10)
            } else if w == "'" && self.adj(j + 1) {
                let w2 = self.w(j + 1);
                if w2.len() != 3 || !w2.ends_with('s') {
                    return None;
                }
                let d: i32 = w2[..2].parse().ok()?;
                if d % 10 != 0 {
                    return None;
                }
                let ref_yy = self.r.map_or(30, |r| r.year() % 100);
                (
                    j + 2,
                    if d <= ref_yy {
                        200 + d / 10
                    } else {
                        190 + d / 10
                    },
                )
            } else {
                let d = match w {
                    "twenties" => 192,
                    "thirties" => 193,
                    "forties" => 194,
                    "fifties" => 195,
                    "sixties" => 196,
                    "seventies" => 197,
                    "eighties" => 198,
                    "nineties" => 199,
                    _ => return None,
                };
                if i == 0 || !self.is(i - 1, "the") {
                    return None;
                }
                (j + 1, d)
            };
        let mut c = Cand::new(i, k, "DATE", format!("{dec:03}"));
        c.m = m;
        Some(c)
    }

    /// "the 20th century", "the twenty-first century".
    pub(crate) fn r_century(&self, i: usize) -> Option<Cand> {
        let j = i;
        let w = self.w(j);
        let n: i32 = if self.t.get(j)?.kind == Kind::Num {
            let d: String = w.chars().take_while(char::is_ascii_digit).collect();
            if !matches!(&w[d.len()..], "st" | "nd" | "rd" | "th") {
                return None;
            }
            d.parse().ok()?
        } else {
            let (k, &n) = self.look(j, &self.lex.ordinals)?;
            if k != j + 1 {
                // multi-token ordinals like twenty-first
                if !self.any(k, &["century", "-"]) {
                    return None;
                }
            }
            let step = k - j;
            return self.century_tail(i, j + step, n as i32);
        };
        self.century_tail(i, j + 1, n)
    }

    fn century_tail(&self, i: usize, k: usize, n: i32) -> Option<Cand> {
        let k = if self.is(k, "-") && self.adj(k) {
            k + 1
        } else {
            k
        };
        if !self.is(k, "century") || !(1..=30).contains(&n) {
            return None;
        }
        Some(Cand::new(i, k + 1, "DATE", format!("{:02}", n - 1)))
    }

    /// "the third quarter [of 2024]", "fourth-quarter", "Q3 2024", "the first half", "the quarter".
    pub(crate) fn r_quarter(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut shift = 0;
        let mut latest = false;
        if self.any(j, &["the", "this", "last", "next"]) {
            shift = match self.w(j) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            j += 1;
        }
        let mut current = false;
        if self.any(j, &["latest", "current", "previous", "same", "most"]) {
            latest = self.any(j, &["latest", "most"]);
            current = self.is(j, "current");
            if self.is(j, "previous") {
                shift = -1;
            }
            j += 1 + usize::from(self.is(j, "most") && self.is(j + 1, "recent"));
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        let mut pre_year = None;
        if let Some((k, y)) = self.year(j) {
            if self.lex.ordinals.contains_key(self.w(k)) {
                pre_year = Some(y);
                j = k;
            }
        }
        let w = self.w(j);
        let (k, n, half) =
            if w.len() == 2 && w.starts_with('q') && (b'1'..=b'4').contains(&w.as_bytes()[1]) {
                (j + 1, (w.as_bytes()[1] - b'0') as u32, false)
            } else {
                let (k, n) = match self.look(j, &self.lex.ordinals) {
                    Some((k, &n)) => (k, n),
                    None => {
                        let d: String = w.chars().take_while(char::is_ascii_digit).collect();
                        if d.is_empty() || !matches!(&w[d.len()..], "st" | "nd" | "rd" | "th") {
                            // "the quarter", "the latest quarter": the last completed one.
                            if self.is(j, "quarter") && j > i {
                                let s = if current || self.is(i, "this") {
                                    0
                                } else if latest || shift == 0 {
                                    -1
                                } else {
                                    shift
                                };
                                return self.quarter_rel(i, j + 1, s);
                            }
                            return None;
                        }
                        (j + 1, d.parse().ok()?)
                    }
                };
                let hyphen = self.is(k, "-") && self.adj(k);
                if hyphen && self.is(i, "the") && j == i + 1 {
                    return None; // "the third-quarter results": extent starts at "third"
                }
                let k = if hyphen { k + 1 } else { k };
                match self.w(k) {
                    "quarter" if (1..=4).contains(&n) => (k + 1, n, false),
                    "half" if (1..=2).contains(&n) => (k + 1, n, true),
                    _ => return None,
                }
            };
        let mut e = k;
        let mut year = None;
        let yk = if self.is(k, "of") { k + 1 } else { k };
        if let Some((k2, y)) = self.year(yk) {
            year = Some(y);
            e = k2;
        } else if self.is(k, "of")
            && self.any(k + 1, &["this", "last", "next"])
            && self.is(k + 2, "year")
        {
            let s = match self.w(k + 1) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            year = self.r.map(|r| r.year() + s);
            e = k + 3;
        }
        let year = year.or(pre_year).or_else(|| {
            self.r
                .map(|r| r.year() + if shift != 0 { shift as i32 } else { 0 })
        });
        let v = match (year, half) {
            (Some(y), false) => Point::Quarter(y, n).value(),
            (Some(y), true) => Point::Half(y, n).value(),
            (None, false) => format!("XXXX-Q{n}"),
            (None, true) => format!("XXXX-H{n}"),
        };
        Some(Cand::new(i, e, "DATE", v))
    }

    fn quarter_rel(&self, i: usize, e: usize, shift: i64) -> Option<Cand> {
        let v = match self.r {
            Some(r) => Point::of(r, "Q").shift(shift)?.value(),
            None => "XXXX-QX".into(),
        };
        Some(Cand::new(i, e, "DATE", v))
    }

    /// "last summer", "this spring", "the winter of 2012", "summer 2012", "in the fall".
    pub(crate) fn r_season(&self, i: usize) -> Option<Cand> {
        let pre = self
            .any(i, &["last", "this", "next", "the", "past", "coming"])
            .then(|| self.w(i));
        let j = if pre.is_some() { i + 1 } else { i };
        let s = season_code(self.lex.seasons.get(self.w(j))?);
        let mut k = j + 1;
        let mut year = None;
        let yk = if self.is(k, "of") { k + 1 } else { k };
        if let Some((k2, y)) = self.year(yk) {
            year = Some(y);
            k = k2;
        }
        if pre.is_none() && year.is_none() {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if !matches!(
                prev,
                "in" | "during"
                    | "over"
                    | "by"
                    | "until"
                    | "since"
                    | "through"
                    | "throughout"
                    | "early"
                    | "late"
                    | "this"
                    | "last"
                    | "next"
                    | "before"
                    | "after"
            ) {
                return None;
            }
        }
        if self.t[j].cap
            && year.is_none()
            && !self.t[j].newline_before
            && j > 0
            && !self.is(j - 1, ".")
        {
            return None; // "Arab Spring"
        }
        let idx = |s: &str| {
            ["SP", "SU", "FA", "WI"]
                .iter()
                .position(|x| *x == s)
                .unwrap_or(0) as i32
        };
        let y = match (year, self.r) {
            (Some(y), _) => y,
            (None, None) => return Some(Cand::new(i, k, "DATE", format!("XXXX-{s}"))),
            (None, Some(r)) => {
                let (sy, si) = match r.month() {
                    1 | 2 => (r.year() - 1, 3),
                    3..=5 => (r.year(), 0),
                    6..=8 => (r.year(), 1),
                    9..=11 => (r.year(), 2),
                    _ => (r.year(), 3),
                };
                let t = idx(s);
                match pre {
                    Some("last") | Some("past") => {
                        if t < si {
                            sy
                        } else {
                            sy - 1
                        }
                    }
                    Some("next") | Some("coming") => {
                        if t > si {
                            sy
                        } else {
                            sy + 1
                        }
                    }
                    // "this summer": the current season-year's, whether it is past or coming.
                    Some("this") => sy,
                    _ => match self.tense(i, k) {
                        Tense::Past => {
                            if t <= si {
                                sy
                            } else {
                                sy - 1
                            }
                        }
                        Tense::Future => {
                            if t >= si {
                                sy
                            } else {
                                sy + 1
                            }
                        }
                        Tense::Unknown => sy,
                    },
                }
            }
        };
        Some(Cand::new(i, k, "DATE", Point::Season(y, s).value()))
    }

    /// "Monday", "last Friday", "next Monday", "Monday morning" (TIME).
    pub(crate) fn r_weekday(&self, i: usize) -> Option<Cand> {
        let pre = self
            .any(i, &["last", "this", "next", "coming", "past", "previous"])
            .then(|| self.w(i));
        let j = if pre.is_some() { i + 1 } else { i };
        let (mut k, wd) = self.weekday(j)?;
        if self.name_follows(k) {
            return None;
        }
        let dir = match pre {
            Some("last") | Some("past") | Some("previous") => Dir::Before,
            Some("next") | Some("coming") => Dir::After,
            Some(_) => Dir::ThisWeek,
            // "Monday's talks" are (nearly always) already reported.
            None if self.is(k, "'") && self.is(k + 1, "s") => Dir::OnOrBefore,
            None => match self.tense(i, k) {
                Tense::Future => Dir::OnOrAfter,
                _ => Dir::OnOrBefore,
            },
        };
        let mut v = self.weekday_value(wd, dir);
        let mut kind = "DATE";
        if let Some((k2, p)) = self.part(k) {
            // "Saturday Night Live" is a title.
            if self.t[k].cap
                && self
                    .t
                    .get(k2)
                    .is_some_and(|t| t.cap && t.kind == Kind::Word)
            {
                return None;
            }
            v = format!("{v}T{p}");
            kind = "TIME";
            k = k2;
        }
        Some(Cand::new(i, k, kind, v))
    }

    /// Holidays from the lexicon: "Christmas", "Thanksgiving Day", "Easter".
    pub(crate) fn r_holiday(&self, i: usize) -> Option<Cand> {
        let pre = self.any(i, &["last", "this", "next"]).then(|| self.w(i));
        let j = if pre.is_some() { i + 1 } else { i };
        if !self.t.get(j)?.cap {
            return None;
        }
        let (mut k, &h) = self.look(j, &self.lex.holidays)?;
        if self.name_follows(k) {
            return None;
        }
        let date_in = |y: i32| -> Option<NaiveDate> {
            match h {
                Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
                Holiday::NthWeekday { month, n, weekday } => {
                    point::nth_weekday(y, month, n, weekday)
                }
                Holiday::Easter(off) => {
                    point::easter(y)?.checked_add_signed(Duration::try_days(off)?)
                }
            }
        };
        let yk = if self.is(k, ",") { k + 1 } else { k };
        let date = if let Some((k2, y)) = self.year(yk) {
            k = k2;
            date_in(y)?
        } else if let Some(r) = self.r {
            let cands: Vec<NaiveDate> = [r.year() - 1, r.year(), r.year() + 1]
                .iter()
                .filter_map(|&y| date_in(y))
                .collect();
            let tense = match pre {
                Some("last") => Tense::Past,
                Some("next") => Tense::Future,
                _ => self.tense(i, k),
            };
            match tense {
                Tense::Past => cands.iter().rev().find(|d| **d <= r).copied()?,
                Tense::Future => cands.iter().find(|d| **d >= r).copied()?,
                Tense::Unknown => *cands.iter().min_by_key(|d| (**d - r).num_days().abs())?,
            }
        } else {
            let v = match h {
                Holiday::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
                _ => "XXXX-XX-XX".into(),
            };
            return Some(Cand::new(i, k, "DATE", v));
        };
        Some(Cand::new(i, k, "DATE", Point::Day(date).value()))
    }
}
