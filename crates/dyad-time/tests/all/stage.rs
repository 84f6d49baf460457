//! The pipeline stage and the event-anchoring helper on a hand-built document.

use chrono::NaiveDate;
use dyad_doc::{Doc, Sentence, Span, Stage, Token};
use dyad_time::{governing_time, TimeStage};

const TEXT: &str = "Leaders met on Monday after a 30-day truce. Talks will resume next week.";

fn doc() -> Doc {
    let mut d = Doc::new("t", TEXT);
    d.date = NaiveDate::from_ymd_opt(2025, 5, 20);
    // Tokens by whitespace/punctuation, enough for the helper.
    let mut start = None;
    for (i, c) in TEXT
        .char_indices()
        .chain(std::iter::once((TEXT.len(), ' ')))
    {
        if c.is_alphanumeric() || c == '-' {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                d.tokens.push(Token {
                    span: Span::new(s, i),
                    ..Token::default()
                });
            }
            if c == '.' {
                d.tokens.push(Token {
                    span: Span::new(i, i + 1),
                    ..Token::default()
                });
            }
        }
    }
    let dot = d
        .tokens
        .iter()
        .position(|t| &TEXT[t.span.start..t.span.end] == ".")
        .unwrap();
    let n = d.tokens.len();
    d.sentences = vec![
        Sentence {
            span: Span::new(0, d.tokens[dot].span.end),
            tokens: 0..dot + 1,
            paragraph: 0,
        },
        Sentence {
            span: Span::new(d.tokens[dot + 1].span.start, TEXT.len()),
            tokens: dot + 1..n,
            paragraph: 0,
        },
    ];
    d
}

#[test]
fn stage_fills_times_sorted_with_the_publication_date() {
    let mut d = doc();
    let stage = TimeStage::new().unwrap();
    assert_eq!(stage.name(), "times");
    stage.process(&mut d).unwrap();
    let got: Vec<(&str, &str, &str)> = d
        .times
        .iter()
        .map(|t| (d.slice(t.span), t.kind.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Monday", "DATE", "2025-05-19"),
            ("30-day", "DURATION", "P30D"),
            ("next week", "DATE", "2025-W22")
        ]
    );
}

#[test]
fn stage_without_date_leaves_values_unresolved() {
    let mut d = doc();
    d.date = None;
    TimeStage::default().process(&mut d).unwrap();
    assert_eq!(d.times[0].value, "XXXX-WXX-1");
}

#[test]
fn governing_time_prefers_attached_then_nearest_date() {
    let mut d = doc();
    TimeStage::default().process(&mut d).unwrap();
    let tok = |w: &str| {
        d.tokens
            .iter()
            .position(|t| &TEXT[t.span.start..t.span.end] == w)
            .unwrap()
    };
    let (met, truce, resume) = (tok("met"), tok("truce"), tok("resume"));
    // Nearest DATE/TIME in the sentence; the DURATION "30-day" never governs.
    assert_eq!(
        governing_time(&d, 0, truce).map(|t| t.value.as_str()),
        Some("2025-05-19")
    );
    assert_eq!(
        governing_time(&d, 1, resume).map(|t| t.value.as_str()),
        Some("2025-W22")
    );
    // Attachment wins over distance.
    let monday = tok("Monday");
    d.tokens[monday].head = Some(met);
    assert_eq!(
        governing_time(&d, 0, met).map(|t| t.value.as_str()),
        Some("2025-05-19")
    );
    assert!(
        governing_time(&d, 7, met).is_none(),
        "bad sentence index gives None"
    );
}

#[test]
fn tagger_tense_hints_override_word_lists() {
    let text = "Negotiators will say the envoy flew on Friday.";
    let mut d = Doc::new("h", text);
    d.date = NaiveDate::from_ymd_opt(2025, 5, 20);
    let stage = TimeStage::default();
    stage.process(&mut d).unwrap();
    // "flew" is in no cue list, so the nearest cue is "will": future.
    assert_eq!(d.times[0].value, "2025-05-23");
    let s = text.find("flew").unwrap();
    d.tokens = vec![Token {
        span: Span::new(s, s + 4),
        xpos: "VBD".into(),
        ..Token::default()
    }];
    stage.process(&mut d).unwrap();
    assert_eq!(d.times[0].value, "2025-05-16", "a VBD tag marks the past");
}
