//! Odd input never panics, and every span is a valid, sorted, non-overlapping char-boundary range.

use chrono::NaiveDate;
use dyad_time::Tagger;
use proptest::prelude::*;

fn check_spans(text: &str, date: Option<NaiveDate>) {
    let tagger = Tagger::embedded().unwrap();
    let times = tagger.tag(text, date);
    let mut last_end = 0;
    for t in &times {
        assert!(t.span.start < t.span.end && t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(t.span.start >= last_end, "overlapping or unsorted spans");
        assert!(!t.value.is_empty());
        assert!(matches!(
            t.kind.as_str(),
            "DATE" | "TIME" | "DURATION" | "SET"
        ));
        last_end = t.span.end;
    }
}

/// Words that exercise the rules, glued together at random.
const VOCAB: &[&str] = &[
    "Monday",
    "May",
    "19",
    "2025",
    ",",
    ".",
    "-",
    "/",
    ":",
    "last",
    "next",
    "this",
    "week",
    "weeks",
    "year",
    "ago",
    "the",
    "a",
    "more",
    "than",
    "three",
    "30",
    "day",
    "every",
    "p.m.",
    "a.m.",
    "Sept",
    "1980s",
    "'",
    "s",
    "'80s",
    "early",
    "late",
    "mid",
    "of",
    "quarter",
    "third",
    "summer",
    "now",
    "1",
    "12",
    "99999999999999999999",
    "Q3",
    "twenty",
    "four",
    "hundred",
    "o'clock",
    "noon",
    "twice",
    "each",
    "Christmas",
    "GMT",
    "’",
    "é",
    "日本",
    "\n",
    "twentieth",
    "century",
    "year-earlier",
    "2.5",
    "1,000",
    "and",
    "half",
    "for",
    "years",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_strings_never_panic(text in "\\PC{0,80}", y in 1i32..9000, m in 1u32..13, d in 1u32..29) {
        check_spans(&text, NaiveDate::from_ymd_opt(y, m, d));
        check_spans(&text, None);
    }

    #[test]
    fn random_time_words_never_panic(words in prop::collection::vec(prop::sample::select(VOCAB), 0..14),
                                     spaces in prop::collection::vec(any::<bool>(), 14),
                                     y in -5000i32..9000) {
        let mut text = String::new();
        for (k, w) in words.iter().enumerate() {
            if spaces[k] { text.push(' '); }
            text.push_str(w);
        }
        check_spans(&text, NaiveDate::from_ymd_opt(y, 12, 31));
        check_spans(&text, None);
    }
}

#[test]
fn extreme_reference_dates_do_not_panic() {
    for d in [NaiveDate::MIN, NaiveDate::MAX] {
        check_spans("last week three years ago next month the 1990s 5 p.m. Monday Christmas the third quarter", Some(d));
    }
}
