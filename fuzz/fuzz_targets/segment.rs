//! The segmenter on arbitrary UTF-8: tokens and sentences well formed and in order.
#![no_main]
use dyad_doc::{Doc, Stage};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut doc = Doc::new("fuzz", text);
    dyad_text::Segmenter
        .process(&mut doc)
        .expect("segmenting never fails");
    dyad_fuzz::check_doc(&doc);
});
