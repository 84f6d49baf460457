//! Lenient publication-date parsing: `2017/2/7`, `2017-02-07`, ISO timestamps, `Feb 7, 2017`,
//! `7 February 2017`, `20170207`.

use chrono::NaiveDate;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// Parse a date in one of the common formats; `None` if it is not one.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // ISO timestamp or date with - or / separators: take the date part.
    let head: &str = s.split(['T', ' ']).next().unwrap_or(s);
    let nums: Vec<&str> = head.split(['-', '/', '.']).collect();
    // Every part a number (a run of digits too long for a u32 is none).
    let v: Vec<u32> = nums
        .iter()
        .map_while(|p| {
            p.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    if nums.len() == 3 && v.len() == 3 {
        if nums[0].len() == 4 {
            return NaiveDate::from_ymd_opt(v[0] as i32, v[1], v[2]);
        }
        if nums[2].len() == 4 {
            // Day-first unless that is impossible (US month-first dates).
            return NaiveDate::from_ymd_opt(v[2] as i32, v[1], v[0])
                .or_else(|| NaiveDate::from_ymd_opt(v[2] as i32, v[0], v[1]));
        }
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    // Words: "Feb 7, 2017", "7 February 2017", "Tuesday, 7 Feb 2017".
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = words.iter().find_map(|w| month_of(w))?;
    let numbers: Vec<u32> = words
        .iter()
        .filter_map(|w| w.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok())
        .collect();
    let year = numbers.iter().find(|&&n| n > 31)?;
    let day = numbers.iter().find(|&&n| (1..=31).contains(&n))?;
    NaiveDate::from_ymd_opt(*year as i32, month, *day)
}

#[cfg(test)]
mod tests {
    use super::parse_date;
    use chrono::NaiveDate;

    #[test]
    fn common_formats() {
        let d = NaiveDate::from_ymd_opt(2017, 2, 7).unwrap();
        for s in [
            "2017/2/7",
            "2017-02-07",
            "2017-02-07T10:00:00Z",
            "Feb 7, 2017",
            "7 February 2017",
            "20170207",
            "Tuesday, 7th Feb 2017",
        ] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2017-13-45"), None);
    }

    /// Found by the read_csv fuzz target: a part of digits too long for a number was dropped,
    /// and the day was then read past the end of the parts (index out of bounds).
    #[test]
    fn overlong_number_is_no_date() {
        assert_eq!(
            parse_date("3347-00-2022200000000000000000000000705955446"),
            None
        );
        assert_eq!(parse_date("99999999999/1/2017"), None);
    }
}
