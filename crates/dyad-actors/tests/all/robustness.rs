//! Odd input never panics the stage, and its output keeps the document model's invariants.

use crate::common;
use dyad_doc::Doc;

const PIECES: &[&str] = &[
    "Putin",
    " ",
    "President",
    ", ",
    "the",
    "Kremlin",
    "\u{2019}s",
    "'s",
    " of the ",
    "U.S.",
    "-",
    "\u{201C}",
    "\u{201D}",
    "\"",
    "He",
    " he ",
    "they",
    "her",
    "former",
    "ex-",
    "Ukrainian",
    "officials",
    "\n",
    "\n\n",
    ".",
    "İstanbul",
    "é",
    "Zelenskiy",
    "European leaders",
    "NATO",
    "Ursula von der Leyen",
    "Former Swedish Prime Minister",
    "Carl",
    "Bildt",
    "ÉLYSÉE",
    "🙂",
    "\t",
    "Mr",
    "de",
    "al-",
    "Monday",
    "spokesman",
    "and",
    "Russian",
    "presidents",
    ",",
    "Jan Roe",
];

fn check(doc: &Doc) {
    for e in &doc.entities {
        assert!(e.span.start < e.span.end && e.span.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(e.span.start) && doc.text.is_char_boundary(e.span.end));
        assert!(e.cluster.is_some_and(|c| c < doc.clusters.len()));
    }
    for w in doc.entities.windows(2) {
        assert!(w[0].span.start <= w[1].span.start && w[0].span != w[1].span);
    }
    for c in &doc.clusters {
        assert!(c.mentions.windows(2).all(|w| w[0] < w[1]));
        for m in &c.mentions {
            assert!(
                doc.text.is_char_boundary(m.start)
                    && doc.text.is_char_boundary(m.end)
                    && m.end <= doc.text.len()
            );
        }
    }
}

#[test]
fn random_texts_do_not_panic() {
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for _ in 0..500 {
        let n = next() % 40;
        let text: String = (0..n).map(|_| PIECES[next() % PIECES.len()]).collect();
        for date in ["2025-05-20", "1990-01-01", "bad"] {
            let doc = common::run(&text, date);
            check(&doc);
            // And without sentences or tokens at all.
            let mut bare = Doc::new("b", text.clone());
            common::stage().annotate(&mut bare);
            check(&bare);
        }
    }
}

#[test]
fn empty_and_whitespace_documents() {
    for t in ["", " ", "\n\n", "He.", "\u{201C}"] {
        check(&common::run(t, "2025-05-20"));
    }
}
