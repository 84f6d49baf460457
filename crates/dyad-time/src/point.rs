//! Calendar points at TIMEX3 granularities and their arithmetic ("the week before", "three years ago").
//!
//! A [`Point`] is a day, week, month, quarter, half, season, year, decade or century; it can be
//! built from a reference date at any unit's granularity, shifted by whole units, and printed as a
//! TIMEX3 value (`2025-05-19`, `2025-W20`, `2025-04`, `2025-Q2`, `2025-SU`, `2025`, `202`, `20`).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A calendar period at some granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// One day.
    Day(NaiveDate),
    /// ISO week (ISO year, week number).
    Week(i32, u32),
    /// Weekend of an ISO week.
    Weekend(i32, u32),
    /// Month (year, 1..=12).
    Month(i32, u32),
    /// Quarter (year, 1..=4).
    Quarter(i32, u32),
    /// Half-year (year, 1..=2).
    Half(i32, u32),
    /// Season (year, code `SP`/`SU`/`FA`/`WI`).
    Season(i32, &'static str),
    /// Year.
    Year(i32),
    /// Decade, as its first three digits (198 = the 1980s).
    Decade(i32),
    /// Century, as its first two digits (19 = the 20th century).
    Century(i32),
}

/// The static season code for a lexicon season value.
pub fn season_code(s: &str) -> &'static str {
    match s {
        "SP" => "SP",
        "SU" => "SU",
        "FA" => "FA",
        _ => "WI",
    }
}

impl Point {
    /// The period of `unit` that contains `date` (hours and smaller fall back to the day).
    pub fn of(date: NaiveDate, unit: &str) -> Point {
        let (y, m) = (date.year(), date.month());
        match unit {
            "Y" => Point::Year(y),
            "M" => Point::Month(y, m),
            "W" | "FN" => {
                let w = date.iso_week();
                Point::Week(w.year(), w.week())
            }
            "WE" => {
                let w = date.iso_week();
                Point::Weekend(w.year(), w.week())
            }
            "Q" => Point::Quarter(y, (m - 1) / 3 + 1),
            "HY" => Point::Half(y, (m - 1) / 6 + 1),
            "DE" => Point::Decade(y.div_euclid(10)),
            "CE" => Point::Century(y.div_euclid(100)),
            _ => Point::Day(date),
        }
    }

    /// This period moved by `n` of its own units (a week by weeks, a month by months, …).
    pub fn shift(self, n: i64) -> Option<Point> {
        let n32 = i32::try_from(n).ok()?;
        Some(match self {
            Point::Day(d) => Point::Day(d.checked_add_signed(Duration::try_days(n)?)?),
            Point::Week(y, w) | Point::Weekend(y, w) => {
                let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                let d = monday
                    .checked_add_signed(Duration::try_weeks(n)?)?
                    .iso_week();
                if matches!(self, Point::Week(..)) {
                    Point::Week(d.year(), d.week())
                } else {
                    Point::Weekend(d.year(), d.week())
                }
            }
            Point::Month(y, m) => {
                let k = y
                    .checked_mul(12)?
                    .checked_add(m as i32 - 1)?
                    .checked_add(n32)?;
                Point::Month(k.div_euclid(12), k.rem_euclid(12) as u32 + 1)
            }
            Point::Quarter(y, q) => {
                let k = y
                    .checked_mul(4)?
                    .checked_add(q as i32 - 1)?
                    .checked_add(n32)?;
                Point::Quarter(k.div_euclid(4), k.rem_euclid(4) as u32 + 1)
            }
            Point::Half(y, h) => {
                let k = y
                    .checked_mul(2)?
                    .checked_add(h as i32 - 1)?
                    .checked_add(n32)?;
                Point::Half(k.div_euclid(2), k.rem_euclid(2) as u32 + 1)
            }
            Point::Season(y, s) => Point::Season(y.checked_add(n32)?, s),
            Point::Year(y) => Point::Year(y.checked_add(n32)?),
            Point::Decade(d) => Point::Decade(d.checked_add(n32)?),
            Point::Century(c) => Point::Century(c.checked_add(n32)?),
        })
    }

    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match self {
            Point::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }
}

/// Western Easter Sunday of `year` (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The `n`th (`0` = last) `weekday` (1 = Monday) of a month.
pub fn nth_weekday(year: i32, month: u32, n: u32, weekday: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let wd = first.weekday().number_from_monday();
    let offset = (weekday + 7 - wd) % 7;
    if n == 0 {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next.pred_opt()?;
        let back = (last.weekday().number_from_monday() + 7 - weekday) % 7;
        return last.checked_sub_signed(Duration::try_days(back as i64)?);
    }
    let d = first.checked_add_signed(Duration::try_days((offset + 7 * (n - 1)) as i64)?)?;
    (d.month() == month).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_shift_and_print() {
        let r = d(2025, 5, 20);
        assert_eq!(Point::of(r, "W").value(), "2025-W21");
        assert_eq!(Point::of(r, "W").shift(-1).unwrap().value(), "2025-W20");
        assert_eq!(Point::of(r, "M").shift(-5).unwrap().value(), "2024-12");
        assert_eq!(Point::of(r, "Q").shift(-2).unwrap().value(), "2024-Q4");
        assert_eq!(Point::of(r, "DE").value(), "202");
        assert_eq!(Point::of(d(2021, 1, 3), "W").value(), "2020-W53");
        assert_eq!(Point::of(r, "D").shift(-1).unwrap().value(), "2025-05-19");
    }

    #[test]
    fn holidays() {
        assert_eq!(easter(2025), Some(d(2025, 4, 20)));
        assert_eq!(nth_weekday(2025, 11, 4, 4), Some(d(2025, 11, 27)));
        assert_eq!(nth_weekday(2025, 5, 0, 1), Some(d(2025, 5, 26)));
    }
}
