//! Behaviour of the recogniser on hand-written sentences, reference date 2025-05-20 (a Tuesday).

use chrono::NaiveDate;
use dyad_time::Tagger;

fn reference() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 5, 20)
}

/// Every expression as `text|TYPE|value`.
fn tag_with(text: &str, date: Option<NaiveDate>) -> Vec<String> {
    let tagger = Tagger::embedded().unwrap();
    tagger
        .tag(text, date)
        .iter()
        .map(|t| format!("{}|{}|{}", &text[t.span.start..t.span.end], t.kind, t.value))
        .collect()
}

/// Asserts the expressions found in `text` (reference 2025-05-20).
fn check(text: &str, expected: &[&str]) {
    assert_eq!(tag_with(text, reference()), expected, "in {text:?}");
}

#[test]
fn weekdays_look_back_unless_future() {
    check(
        "The envoys met on Monday in Geneva.",
        &["Monday|DATE|2025-05-19"],
    );
    check(
        "Monday's talks ended without a deal.",
        &["Monday|DATE|2025-05-19"],
    );
    check(
        "The ministers will meet again on Monday.",
        &["Monday|DATE|2025-05-26"],
    );
    check(
        "Talks resume next Monday.",
        &["next Monday|DATE|2025-05-26"],
    );
    check("He spoke last Friday.", &["last Friday|DATE|2025-05-16"]);
    check(
        "The vote took place on Tuesday.",
        &["Tuesday|DATE|2025-05-20"],
    );
}

#[test]
fn present_tense_trips_and_sittings_look_ahead() {
    // A travel or scheduling verb in the third-person present announces the act; a clause
    // in the past before it ("last month") does not decide.
    check(
        "The envoy visited the capital last month, and when she goes to Lagos Saturday she will sign.",
        &["last month|DATE|2025-04", "Saturday|DATE|2025-05-24"],
    );
    check(
        "The committee holds its first hearing on Thursday.",
        &["Thursday|DATE|2025-05-22"],
    );
    check(
        "The country heads to the polls on Sunday.",
        &["Sunday|DATE|2025-05-25"],
    );
    // The past tense still looks back.
    check(
        "The committee held its first hearing on Thursday.",
        &["Thursday|DATE|2025-05-15"],
    );
}

#[test]
fn calendar_dates() {
    check(
        "The accord was signed on May 19, 2025.",
        &["May 19, 2025|DATE|2025-05-19"],
    );
    check("It was signed on 19 May.", &["19 May|DATE|2025-05-19"]);
    check("Filed 2025-05-19 in Kyiv.", &["2025-05-19|DATE|2025-05-19"]);
    check("The summit opened May 19.", &["May 19|DATE|2025-05-19"]);
    check("The deadline is Sept. 30.", &["Sept. 30|DATE|2025-09-30"]);
    check(
        "On Monday, May 12, the envoy left.",
        &["Monday, May 12|DATE|2025-05-12"],
    );
}

#[test]
fn relative_days_weeks_months_years() {
    check(
        "Officials said today that yesterday's strike was the worst.",
        &["today|DATE|2025-05-20", "yesterday|DATE|2025-05-19"],
    );
    check(
        "A vote is planned for tomorrow.",
        &["tomorrow|DATE|2025-05-21"],
    );
    check(
        "After last week's meeting in Turkey, hopes rose.",
        &["last week|DATE|2025-W20"],
    );
    check("Prices rose last week.", &["last week|DATE|2025-W20"]);
    check(
        "The plan was drafted this month.",
        &["this month|DATE|2025-05"],
    );
    check("Exports fell last month.", &["last month|DATE|2025-04"]);
    check("Elections are due next year.", &["next year|DATE|2026"]);
    check(
        "The war began three years ago.",
        &["three years ago|DATE|2022"],
    );
    check(
        "Sanctions imposed earlier this year remain.",
        &["earlier this year|DATE|2025"],
    );
    check(
        "The treaty lapsed two weeks ago.",
        &["two weeks ago|DATE|2025-W19"],
    );
}

#[test]
fn months_years_decades_quarters_seasons() {
    check("The ceasefire collapsed in March.", &["March|DATE|2025-03"]);
    check(
        "Their first talks since March 2022 ended.",
        &["March 2022|DATE|2022-03"],
    );
    check(
        "The report will be published in July.",
        &["July|DATE|2025-07"],
    );
    check("The bank was founded in 2019.", &["2019|DATE|2019"]);
    check("Unrest grew in the 1990s.", &["1990s|DATE|199"]);
    check(
        "Growth slowed in the first quarter.",
        &["the first quarter|DATE|2025-Q1"],
    );
    check(
        "The offensive stalled last summer.",
        &["last summer|DATE|2024-SU"],
    );
    check(
        "It was a war of the 20th century.",
        &["20th century|DATE|19"],
    );
    check("Early 2024 saw a thaw.", &["Early 2024|DATE|2024"]);
    check(
        "He retired in late last July.",
        &["late last July|DATE|2024-07"],
    );
}

#[test]
fn durations() {
    check("Trump sought a 30-day truce.", &["30-day|DURATION|P30D"]);
    check(
        "It came after more than three years of war.",
        &["more than three years|DURATION|P3Y"],
    );
    check("The talks lasted two weeks.", &["two weeks|DURATION|P2W"]);
    check("She waited for 90 minutes.", &["90 minutes|DURATION|PT90M"]);
    check(
        "Fighting continued for several days.",
        &["several days|DURATION|PXD"],
    );
    check(
        "Prices doubled over the past two years.",
        &["the past two years|DURATION|P2Y"],
    );
    check(
        "They were married for a decade.",
        &["a decade|DURATION|P10Y"],
    );
}

#[test]
fn sets() {
    check(
        "The council meets every Monday.",
        &["every Monday|SET|XXXX-WXX-1"],
    );
    check("The bulletin appears weekly.", &["weekly|SET|P1W"]);
    check("Inspectors visit twice a week.", &["twice a week|SET|P1W"]);
    check("Reports are filed each year.", &["each year|SET|P1Y"]);
}

#[test]
fn times_of_day() {
    check(
        "The session opens at 3 p.m.",
        &["3 p.m.|TIME|2025-05-20T15:00"],
    );
    check(
        "They spoke on Monday morning.",
        &["Monday morning|TIME|2025-05-19TMO"],
    );
    check(
        "The deadline is 15:00 GMT Saturday, officials will confirm.",
        &["15:00 GMT Saturday|TIME|2025-05-24T15:00"],
    );
    check(
        "Shelling resumed last night.",
        &["last night|TIME|2025-05-19TNI"],
    );
}

#[test]
fn reference_words() {
    check("Talks are now under way.", &["now|DATE|PRESENT_REF"]);
    check(
        "He currently leads the party.",
        &["currently|DATE|PRESENT_REF"],
    );
    check("Relations recently improved.", &["recently|DATE|PAST_REF"]);
    check(
        "A deal is possible in the future.",
        &["the future|DATE|FUTURE_REF"],
    );
}

#[test]
fn context_decides_span_and_value() {
    check(
        "Fighting flared over the weekend.",
        &["the weekend|DATE|2025-W20-WE"],
    );
    check(
        "The season began a month earlier than usual.",
        &["a month|DURATION|P1M"],
    );
    check(
        "Investment will grow over the next decade.",
        &["the next decade|DURATION|P10Y"],
    );
    check(
        "Profit rose 5% from a year ago in the first quarter.",
        &["a year ago|DATE|2024-Q1", "the first quarter|DATE|2025-Q1"],
    );
    check("He watched Saturday Night Live.", &[]);
    check(
        "Monday's diplomatic push fell short, although talks will resume Monday.",
        &["Monday|DATE|2025-05-19", "Monday|DATE|2025-05-26"],
    );
}

#[test]
fn holidays() {
    check(
        "Troops will be home by Christmas.",
        &["Christmas|DATE|2025-12-25"],
    );
}

#[test]
fn without_reference_values_stay_unresolved() {
    let got = tag_with(
        "They met on Monday and again last week; the 30-day truce began May 19.",
        None,
    );
    assert_eq!(
        got,
        [
            "Monday|DATE|XXXX-WXX-1",
            "last week|DATE|XXXX-WXX",
            "30-day|DURATION|P30D",
            "May 19|DATE|XXXX-05-19"
        ]
    );
}

#[test]
fn non_times_are_left_alone() {
    check(
        "The May I ask you a question of 2,000 people and 1,500 troops?",
        &[],
    );
    check("The march to the capital drew 40% support.", &[]);
    check("He may sign the deal, a second term beckons.", &[]);
}

#[test]
fn counts_are_not_years() {
    check("About 2000 people marched; 1500 troops stayed.", &[]);
    check(
        "The 2024 elections were held in 2024.",
        &["2024|DATE|2024", "2024|DATE|2024"],
    );
}

#[test]
fn next_day_follows_the_last_date_mentioned() {
    check(
        "The envoys met on May 3. The next day, troops withdrew; that same day a truce began.",
        &[
            "May 3|DATE|2025-05-03",
            "The next day|DATE|2025-05-04",
            "that same day|DATE|2025-05-04",
        ],
    );
    check(
        "Talks ended on Sunday. The previous day, shelling stopped.",
        &["Sunday|DATE|2025-05-18", "The previous day|DATE|2025-05-17"],
    );
}

#[test]
fn names_are_not_dates() {
    check(
        "The Sunday Times said the Good Friday Agreement holds.",
        &[],
    );
    check(
        "The Yom Kippur War began in October 1973.",
        &["October 1973|DATE|1973-10"],
    );
}
