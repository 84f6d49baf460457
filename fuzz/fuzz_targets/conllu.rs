//! The CoNLL-U reader (`dyad_doc::conllu`, used by every UD evaluation and by training): a
//! parsed document written back must parse again to the same sentences.
#![no_main]
use dyad_doc::conllu;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(sents) = conllu::parse(text) else {
        return;
    };
    for s in &sents {
        let _ = s.text();
        let _ = s.multiword_tokens();
    }
    let written = conllu::write(&sents);
    let again = conllu::parse(&written).expect("written CoNLL-U parses again");
    assert_eq!(
        again.len(),
        sents.len(),
        "sentence count after a round trip"
    );
    for (a, b) in again.iter().zip(&sents) {
        assert_eq!(
            a.words.len(),
            b.words.len(),
            "word count after a round trip"
        );
    }
});
