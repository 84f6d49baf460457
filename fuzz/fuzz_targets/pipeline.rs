//! The full pipeline on arbitrary UTF-8 (with and without a publication date): no stage panics,
//! and the annotated document satisfies every invariant of `dyad_fuzz::check_doc`.
//! `Pipeline::run` is called, not `process`, so a panic is a crash here rather than a rejection.
#![no_main]
use dyad::{Pipeline, PipelineOptions};
use dyad_doc::Doc;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let pipeline =
        PIPELINE.get_or_init(|| Pipeline::new(&PipelineOptions::default()).expect("pipeline"));
    let mut doc = Doc::new("fuzz", text);
    if mode & 1 == 1 {
        doc.date = chrono::NaiveDate::from_ymd_opt(2025, 3, 14);
    }
    match pipeline.run(&mut doc) {
        Ok(()) => dyad_fuzz::check_doc(&doc),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
