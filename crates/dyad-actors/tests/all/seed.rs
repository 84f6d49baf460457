//! The seed article (read in place when `/work/shared` is present; skipped otherwise): every
//! person named in it is found with the right country and sector, and every "He" that opens a
//! sentence points to the right person.

use crate::common;
use common::run;
use dyad_doc::Span;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_53aa588ecf29c111.txt"
);

#[test]
fn seed_people_and_sentence_initial_he() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("skipped: {SEED} not present");
        return;
    };
    let d = run(&text, "2025-05-20");
    if std::env::var_os("DYAD_DEBUG").is_some() {
        for e in &d.entities {
            eprintln!(
                "{:>5} {:<45} {:<5} {:?} c={:?}",
                e.span.start,
                d.slice(e.span),
                e.kind,
                e.actor.as_ref().map(|a| (&a.code, &a.name)),
                e.cluster
            );
        }
    }
    let people = [
        ("Donald Trump", "USA", "GOV"),
        ("Vladimir Putin", "RUS", "GOV"),
        ("Volodymyr Zelenskyy", "UKR", "GOV"),
        ("Friedrich Merz", "DEU", "GOV"),
        ("Yuri Ushakov", "RUS", "GOV"),
        ("Dmitry Peskov", "RUS", "GOV"),
        ("Carl Bildt", "SWE", "ELI"),
        ("Pope Leo XIV", "VAT", "GOV"),
        ("Ursula von der Leyen", "EU", "GOV"),
    ];
    for (name, country, sector) in people {
        let e = d
            .entities
            .iter()
            .find(|e| e.actor.as_ref().and_then(|a| a.name.as_deref()) == Some(name))
            .unwrap_or_else(|| panic!("{name} not found"));
        let a = e.actor.as_ref().unwrap();
        assert_eq!(
            (a.country.as_deref(), a.sector.as_deref()),
            (Some(country), Some(sector)),
            "{name}"
        );
    }
    // Sentence-initial "He" → the right person.
    let expected = [
        "Donald Trump",
        "Vladimir Putin",
        "Donald Trump",
        "Carl Bildt",
        "Vladimir Putin",
    ];
    let mut got = Vec::new();
    for s in &d.sentences {
        if d.slice(s.span).starts_with("He ") {
            let c = dyad_actors::cluster_at(&d, Span::new(s.span.start, s.span.start + 2));
            got.push(
                c.and_then(|c| d.clusters[c].name.clone())
                    .unwrap_or_default(),
            );
        }
    }
    assert_eq!(got, expected);
}
