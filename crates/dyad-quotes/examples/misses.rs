//! Tuning aid: list what the quote stage (alone) misses on a PolNeAR split.
//! `cargo run --release -p dyad-quotes --example misses -- DIR > misses.tsv`
//! Columns: kind (miss-cue: no prediction with that cue; miss-content: cue found, content
//! insufficient; extra: unmatched prediction), cue, content.

use dyad_doc::{Doc, Stage};
use dyad_quotes::{eval, QuoteStage};

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: misses DIR"));
    let stage = QuoteStage::default();
    for (txt, ann) in eval::articles(&dir).expect("a PolNeAR split") {
        let text = std::fs::read_to_string(&txt).expect("text");
        let gold = eval::parse_ann(&std::fs::read_to_string(&ann).expect("ann"), &text);
        let mut doc = Doc::new("x", text);
        stage.process(&mut doc).expect("never fails");
        for (cue, cue_hit, content, _) in eval::misses(&doc, &gold) {
            let kind = eval::miss_kind(&cue, cue_hit);
            let content: String = content
                .chars()
                .take(600)
                .collect::<String>()
                .replace(['\n', '\t'], " ");
            println!(
                "{kind}\t{}\t{content}",
                cue.trim_start_matches('+').replace(['\n', '\t'], " ")
            );
        }
    }
}
