//! The seed article (read in place from /work/shared when present; skipped otherwise): every direct
//! quotation has the right speaker, including those introduced by "He"; Merz's and Peskov's reported
//! statements are found; channels read X, RIA and reporters. Runs the quote stage alone (its
//! fallback segmentation); `dyad code` on the same file runs it after the full pipeline.

use dyad_doc::{Doc, QuoteKind, Stage};
use dyad_quotes::QuoteStage;
use std::collections::BTreeMap;

const SEED: &str = "/work/shared/seed/000_53aa588ecf29c111.txt";

#[test]
fn seed_article_quotes() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("seed article not present; skipped");
        return;
    };
    let mut doc = Doc::new("seed", text);
    QuoteStage::default().process(&mut doc).unwrap();
    let name = |q: &dyad_doc::Quote| {
        q.speaker
            .as_ref()
            .and_then(|s| s.name.clone())
            .unwrap_or_default()
    };

    // Every direct quotation has one of the four direct speakers (Trump has four on their own and
    // one inside his "warned that" statement, which is a mixed quote).
    let mut direct: BTreeMap<String, usize> = BTreeMap::new();
    for q in doc.quotes.iter().filter(|q| q.kind == QuoteKind::Direct) {
        *direct.entry(name(q)).or_default() += 1;
    }
    let expected: BTreeMap<String, usize> = [
        ("Donald Trump", 4),
        ("Vladimir Putin", 3),
        ("Dmitry Peskov", 1),
        ("Volodymyr Zelenskiy", 1),
    ]
    .into_iter()
    .map(|(n, c)| (n.to_string(), c))
    .collect();
    assert_eq!(direct, expected);

    // Quotes introduced by "He" resolve to Trump, Putin and Bildt.
    let mut he: Vec<String> = doc
        .quotes
        .iter()
        .filter(|q| {
            q.speaker
                .as_ref()
                .is_some_and(|s| doc.slice(s.span) == "He")
        })
        .map(name)
        .collect();
    he.sort();
    he.dedup();
    assert_eq!(he, vec!["Carl Bildt", "Donald Trump", "Vladimir Putin"]);

    // Reported statements of Merz (via X) and Peskov.
    assert!(doc.quotes.iter().any(|q| name(q) == "Friedrich Merz"
        && q.kind == QuoteKind::Indirect
        && q.channel.as_deref() == Some("X")));
    assert!(
        doc.quotes
            .iter()
            .filter(|q| name(q) == "Dmitry Peskov" && q.kind != QuoteKind::Direct)
            .count()
            >= 2
    );

    // Channels.
    let channels: Vec<&str> = doc
        .quotes
        .iter()
        .filter_map(|q| q.channel.as_deref())
        .collect();
    for c in ["X", "RIA", "reporters"] {
        assert!(
            channels.contains(&c),
            "channel {c} missing from {channels:?}"
        );
    }
    assert!(doc
        .quotes
        .iter()
        .any(|q| name(q) == "Dmitry Peskov" && q.channel.as_deref() == Some("RIA")));

    // The unnamed source is a speaker without a name.
    assert!(doc.quotes.iter().any(|q| q
        .speaker
        .as_ref()
        .is_some_and(|s| s.name.is_none() && doc.slice(s.span).starts_with("A source"))));
}
