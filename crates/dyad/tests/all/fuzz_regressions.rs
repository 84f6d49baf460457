//! Inputs found by the fuzz targets (`fuzz/`, docs/reliability.md "Fuzzing"), kept as tests: the
//! full pipeline on each, checked with the invariants the `pipeline` fuzz target asserts.

use dyad::doc::Doc;
use dyad::{Pipeline, PipelineOptions};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&PipelineOptions::default()).expect("pipeline"))
}

/// Code `text` and check that every event points at a sentence that holds its evidence.
fn coded(text: &str) -> Doc {
    let mut doc = Doc::new("fuzz", text);
    pipeline().run(&mut doc).expect("coded");
    for e in &doc.events {
        let s = doc
            .sentences
            .get(e.sentence)
            .expect("sentence index valid")
            .span;
        assert!(
            s.contains(e.evidence),
            "{} event: evidence {:?} ({:?}) outside its sentence {:?} ({:?})",
            e.cameo,
            e.evidence,
            doc.slice(e.evidence),
            s,
            doc.slice(s)
        );
    }
    doc
}

/// Crash 1 (pipeline): a quote left open after "the ministry said." continued that quote, and the
/// 010 statement coded from it took the earlier sentence's cue "said" as its evidence while
/// pointing at the quote's own sentence.
#[test]
fn statement_evidence_lies_in_its_sentence() {
    let doc = coded("police arrested two men in lagos yesterday, the ministry said. ALLreign ministers of Freedonia and Sylvania met in Geneva on Tuesday. \"We will not accept new sanctia and Sylvania met in  CAPS HEADLINE ABOUT'TALKS IN MOSCOW");
    assert!(
        doc.events.iter().any(|e| e.cameo == "010"),
        "the statement is still coded"
    );
}
