//! The seed article (read from ../shared when present; skipped otherwise) and random input.

use dyad_doc::{Doc, Stage};
use dyad_geo::PlaceStage;
use proptest::prelude::*;

#[test]
fn seed_article_places() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/000_53aa588ecf29c111.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("seed article not found at {path}; skipping");
        return;
    };
    let mut doc = Doc::new("seed", text);
    PlaceStage::new().unwrap().process(&mut doc).unwrap();
    let get = |name: &str| doc.places.iter().find(|p| doc.slice(p.span) == name);
    for (name, country) in [
        ("Sochi", "RUS"),
        ("Istanbul", "TUR"),
        ("Moscow", "RUS"),
        ("Kyiv", "UKR"),
        ("Turkey", "TUR"),
        ("Vatican", "VAT"),
    ] {
        let p = get(name).unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!(p.country.as_deref(), Some(country), "{name}");
    }
    let sochi = get("Sochi").unwrap();
    assert!((sochi.lat - 43.60).abs() < 0.02 && (sochi.lon - 39.73).abs() < 0.02);
    assert_eq!(get("Black Sea").map(|p| p.feature.as_str()), Some("sea"));
    for not_place in ["March", "Kremlin", "White House", "X", "Leo"] {
        assert!(get(not_place).is_none(), "{not_place} is not a place");
    }
    assert!(doc
        .places
        .iter()
        .all(|p| p.country.is_some() || p.feature == "sea"));
}

proptest! {
    #[test]
    fn random_text_never_panics(text in "[ A-Za-z.,'’()\\-\n\u{e9}\u{141}U.S]{0,80}") {
        let mut doc = Doc::new("p", text);
        PlaceStage::new().unwrap().process(&mut doc).unwrap();
        for p in &doc.places {
            prop_assert!(doc.text.get(p.span.start..p.span.end).is_some());
        }
    }

    #[test]
    fn place_names_in_random_frames_never_panic(
        pre in "[a-zA-Z ,.]{0,20}",
        name in prop::sample::select(vec!["Kyiv", "Georgia", "Paris, Texas", "U.S.", "Black Sea", "Jordan", "Ivano-Frankivsk"]),
        post in "[a-zA-Z ,.’s]{0,20}",
    ) {
        let mut doc = Doc::new("p", format!("{pre}{name}{post}"));
        PlaceStage::new().unwrap().process(&mut doc).unwrap();
        prop_assert!(doc.places.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    }
}
