//! Helpers shared by the fuzz targets in `fuzz_targets/`: reading a byte string with one of the
//! input readers, and the invariants every annotated document must satisfy.
//!
//! A target fails (libFuzzer records a crash) when the code under test panics or when one of the
//! checks here finds a broken invariant; a rejected record or a load error is a normal outcome.

use dyad_doc::{Doc, Span};
use dyad_text::read::{open_reader, Format, ReadError, ReadOptions};
use std::io::{BufRead, Cursor};

/// Read `data` as one input named `name`, with `format` forced (`None`: sniffed, as stdin is),
/// and return every record. Checks that the reader ends (no more records than bytes + 1), that
/// every document has text and an id, and that every error says something.
pub fn read_all(name: &str, format: Option<Format>, data: &[u8]) -> Vec<Result<Doc, ReadError>> {
    let opts = ReadOptions {
        format,
        // Small, so the size limit is reached by fuzzed inputs too.
        max_doc_bytes: 2048,
        default_date: chrono::NaiveDate::from_ymd_opt(2024, 2, 29),
        ..ReadOptions::default()
    };
    let reader: Box<dyn BufRead + Send> = Box::new(Cursor::new(data.to_vec()));
    let mut out = Vec::new();
    for rec in open_reader(name, None, reader, &opts) {
        assert!(
            out.len() <= data.len() + 1,
            "reader yields more records than input bytes"
        );
        match &rec {
            Ok(doc) => {
                assert!(!doc.text.trim().is_empty(), "document without text");
                assert!(!doc.id.is_empty(), "document without an id");
            }
            Err(e) => assert!(!e.message.is_empty(), "error without a message"),
        }
        out.push(rec);
    }
    out
}

/// A span is well formed: `start <= end`, inside the text, both ends on char boundaries.
pub fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what}: span {}..{} outside the text (length {})",
        s.start,
        s.end,
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what}: span {}..{} not on char boundaries",
        s.start,
        s.end
    );
}

/// Check every invariant of an annotated document (ARCHITECTURE.md, "Invariants"): every span
/// well formed; tokens and sentences in text order without overlap, sentence token ranges
/// contiguous and covering the tokens; heads inside the document; entities, times, places and
/// quotes sorted by start; cluster indices valid; events' sentence indices valid and their
/// evidence inside that sentence. Then convert to the wire format (byte → code-point offsets).
pub fn check_doc(doc: &Doc) {
    let text = doc.text.as_str();
    let mut prev_end = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        check_span(text, t.span, "token");
        assert!(t.span.start < t.span.end, "token {i} is empty");
        assert!(
            t.span.start >= prev_end,
            "token {i} overlaps the previous one"
        );
        prev_end = t.span.end;
        if let Some(h) = t.head {
            assert!(
                h < doc.tokens.len(),
                "token {i}: head {h} outside the document"
            );
        }
    }
    let mut next_token = 0;
    let mut prev_end = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        check_span(text, s.span, "sentence");
        assert!(
            s.span.start >= prev_end,
            "sentence {i} overlaps the previous one"
        );
        prev_end = s.span.end;
        assert_eq!(
            s.tokens.start, next_token,
            "sentence {i}: token ranges not contiguous"
        );
        assert!(
            s.tokens.end <= doc.tokens.len(),
            "sentence {i}: tokens outside the document"
        );
        next_token = s.tokens.end;
        for t in &doc.tokens[s.tokens.clone()] {
            assert!(
                s.span.start <= t.span.start && t.span.end <= s.span.end,
                "sentence {i}: a token outside its span"
            );
        }
    }
    if !doc.sentences.is_empty() {
        assert_eq!(
            next_token,
            doc.tokens.len(),
            "tokens outside every sentence"
        );
    }
    let sorted = |starts: &[usize], what: &str| {
        assert!(
            starts.windows(2).all(|w| w[0] <= w[1]),
            "{what} not sorted by start"
        );
    };
    for e in &doc.entities {
        check_span(text, e.span, "entity");
        if let Some(c) = e.cluster {
            assert!(c < doc.clusters.len(), "entity cluster {c} out of range");
        }
    }
    sorted(
        &doc.entities
            .iter()
            .map(|e| e.span.start)
            .collect::<Vec<_>>(),
        "entities",
    );
    for c in &doc.clusters {
        for m in &c.mentions {
            check_span(text, *m, "cluster mention");
        }
    }
    for t in &doc.times {
        check_span(text, t.span, "time");
    }
    sorted(
        &doc.times.iter().map(|t| t.span.start).collect::<Vec<_>>(),
        "times",
    );
    for p in &doc.places {
        check_span(text, p.span, "place");
    }
    sorted(
        &doc.places.iter().map(|p| p.span.start).collect::<Vec<_>>(),
        "places",
    );
    for q in &doc.quotes {
        check_span(text, q.span, "quote");
        if let Some(c) = q.cue {
            check_span(text, c, "quote cue");
        }
        if let Some(s) = &q.speaker {
            check_span(text, s.span, "speaker");
            if let Some(c) = s.cluster {
                assert!(c < doc.clusters.len(), "speaker cluster {c} out of range");
            }
        }
    }
    sorted(
        &doc.quotes.iter().map(|q| q.span.start).collect::<Vec<_>>(),
        "quotes",
    );
    for e in &doc.events {
        assert!(
            e.sentence < doc.sentences.len(),
            "event sentence {} of {}",
            e.sentence,
            doc.sentences.len()
        );
        check_span(text, e.evidence, "event evidence");
        let s = doc.sentences[e.sentence].span;
        assert!(
            s.start <= e.evidence.start && e.evidence.end <= s.end,
            "event evidence {:?} outside its sentence {:?}",
            e.evidence,
            s
        );
        for a in [&e.source, &e.target].into_iter().flatten() {
            if let Some(sp) = a.span {
                check_span(text, sp, "event actor");
            }
        }
    }
    let wire = dyad_output::to_document(doc, dyad_output::ConvertOptions { tokens: true });
    let mut line = Vec::new();
    dyad_output::write_jsonl(&mut line, &wire).expect("writing to memory");
}
