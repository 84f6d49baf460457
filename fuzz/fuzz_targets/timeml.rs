//! The TempEval-3 TimeML reader (`dyad eval timeml`): gold TIMEX3 spans must be well formed and
//! in order in the text it returns; the times stage then runs on that text, as the scorer does.
#![no_main]
use dyad_doc::{Doc, Span, Stage};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static STAGE: OnceLock<dyad_time::TimeStage> = OnceLock::new();

fuzz_target!(|xml: &str| {
    let Ok(tml) = dyad_time::tml::parse(xml) else {
        return;
    };
    let mut prev = 0;
    for t in &tml.timexes {
        dyad_fuzz::check_span(&tml.text, Span::new(t.start, t.end), "gold TIMEX3");
        assert!(t.start >= prev, "gold TIMEX3 out of order");
        prev = t.start;
    }
    let stage = STAGE.get_or_init(|| dyad_time::TimeStage::new().expect("time lexicon"));
    let mut doc = Doc::new("fuzz", tml.text);
    doc.date = tml.dct;
    stage
        .process(&mut doc)
        .expect("the times stage never fails");
    dyad_fuzz::check_doc(&doc);
});
