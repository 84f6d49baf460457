//! Place finding and disambiguation on hand-written sentences (no other pipeline stage runs, except
//! where a test adds NER entities or tokens by hand).

use dyad_doc::{Doc, Entity, Place, Span, Stage};
use dyad_geo::PlaceStage;
use once_cell::sync::Lazy;

static STAGE: Lazy<PlaceStage> = Lazy::new(|| PlaceStage::new().expect("embedded gazetteer loads"));

fn places(text: &str) -> Vec<(String, String, Option<String>, String)> {
    let doc = Doc::new("t", text);
    STAGE
        .places(&doc)
        .into_iter()
        .map(|p| (doc.slice(p.span).to_string(), p.name, p.country, p.feature))
        .collect()
}

fn find<'a>(ps: &'a [Place], doc: &Doc, text: &str) -> Option<&'a Place> {
    ps.iter().find(|p| doc.slice(p.span) == text)
}

fn country_of(text: &str, mention: &str) -> Option<String> {
    places(text)
        .into_iter()
        .find(|p| p.0 == mention)
        .and_then(|p| p.2)
}

#[test]
fn sochi_on_the_black_sea_is_in_russia() {
    let text = "The Russian leader spoke by video link from Sochi, the resort on Russia’s Black Sea coast.";
    let mut doc = Doc::new("t", text);
    STAGE.process(&mut doc).unwrap();
    let sochi = find(&doc.places, &doc, "Sochi").expect("Sochi found");
    assert_eq!(sochi.country.as_deref(), Some("RUS"));
    assert_eq!(sochi.feature, "city");
    assert!(
        (sochi.lat - 43.60).abs() < 0.02 && (sochi.lon - 39.73).abs() < 0.02,
        "{sochi:?}"
    );
    let sea = find(&doc.places, &doc, "Black Sea").expect("Black Sea found");
    assert_eq!(
        (sea.feature.as_str(), sea.country.as_deref()),
        ("sea", None)
    );
    assert_eq!(
        find(&doc.places, &doc, "Russia").unwrap().feature,
        "country"
    );
    let starts: Vec<usize> = doc.places.iter().map(|p| p.span.start).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "sorted by start");
}

#[test]
fn capitals_and_big_cities_resolve() {
    let ps = places(
        "Delegations met in Istanbul last week, and the Kremlin said Moscow was ready to talk.",
    );
    assert_eq!(
        ps.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
        ["Istanbul", "Moscow"]
    );
    assert_eq!(ps[0].2.as_deref(), Some("TUR"));
    assert_eq!(ps[1].2.as_deref(), Some("RUS"));
    assert_eq!(ps[1].3, "city");
}

#[test]
fn kyiv_and_kiev_are_the_same_city() {
    for text in [
        "Drones struck Kyiv overnight.",
        "Officials in Kiev said the talks would go on.",
    ] {
        let ps = places(text);
        assert_eq!(ps.len(), 1, "{text}: {ps:?}");
        assert_eq!(
            (ps[0].1.as_str(), ps[0].2.as_deref(), ps[0].3.as_str()),
            ("Kyiv", Some("UKR"), "city")
        );
    }
}

#[test]
fn paris_by_population_and_by_context() {
    assert_eq!(
        country_of("Macron hosted the summit in Paris on Friday.", "Paris").as_deref(),
        Some("FRA")
    );
    assert_eq!(
        country_of("U.S. officials met their counterparts in Paris.", "Paris").as_deref(),
        Some("FRA"),
        "naming the United States alone does not move Paris to Texas"
    );
    assert_eq!(
        country_of("A storm hit Paris, Texas, on Sunday.", "Paris").as_deref(),
        Some("USA")
    );
    assert_eq!(
        country_of(
            "Flooding closed roads from Dallas to Paris as Texas officials urged caution.",
            "Paris"
        )
        .as_deref(),
        Some("USA")
    );
}

#[test]
fn small_namesakes_need_more_than_country_context() {
    let text = "Senators from Texas, Ohio and Florida in Washington warned Moscow again.";
    assert_eq!(country_of(text, "Moscow").as_deref(), Some("RUS"));
    assert_eq!(
        country_of("Students returned to Moscow, Idaho, on Monday.", "Moscow").as_deref(),
        Some("USA")
    );
    let text = "Officials from Washington and New York flew to Geneva for talks.";
    assert_eq!(country_of(text, "Geneva").as_deref(), Some("CHE"));
    let text = "Officials from Chicago and Springfield, Illinois, met in Geneva.";
    assert_eq!(
        country_of(text, "Geneva").as_deref(),
        Some("USA"),
        "its own state brings it home"
    );
    assert_eq!(
        places("Protests spread across Oregon.")
            .first()
            .map(|p| (p.2.clone(), p.3.clone())),
        Some((Some("USA".to_string()), "region".to_string())),
        "a small city named Oregon does not hide the state"
    );
}

#[test]
fn georgia_the_country_and_the_state() {
    let ps = places("Georgia’s president rejected the results as protesters gathered in Tbilisi.");
    assert_eq!(
        (ps[0].0.as_str(), ps[0].2.as_deref(), ps[0].3.as_str()),
        ("Georgia", Some("GEO"), "country")
    );
    let ps = places("Voters in Atlanta, Georgia, lined up before dawn.");
    let g = ps.iter().find(|p| p.0 == "Georgia").unwrap();
    assert_eq!((g.2.as_deref(), g.3.as_str()), (Some("USA"), "region"));
    let ps =
        places("The governor of Georgia signed the bill, and Florida and Alabama soon followed.");
    let g = ps.iter().find(|p| p.0 == "Georgia").unwrap();
    assert_eq!(
        (g.2.as_deref(), g.3.as_str()),
        (Some("USA"), "region"),
        "{ps:?}"
    );
    let ps = places("Russia and Georgia fought a short war in 2008.");
    assert_eq!(ps[1].2.as_deref(), Some("GEO"));
}

#[test]
fn seas_straits_and_named_regions() {
    let ps = places(
        "Tankers avoided the Red Sea and the Strait of Hormuz, while fighting in Donbas and the Gaza Strip went on.",
    );
    let got: Vec<(&str, &str)> = ps.iter().map(|p| (p.1.as_str(), p.3.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Red Sea", "sea"),
            ("Strait of Hormuz", "strait"),
            ("Donbas", "region"),
            ("Gaza Strip", "region")
        ]
    );
    assert_eq!(ps[2].2.as_deref(), Some("UKR"));
    assert_eq!(ps[3].2.as_deref(), Some("PSE"));
    let ps = places("Ships left ports on the Sea of Azov and in Crimea.");
    assert_eq!(
        ps.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(),
        ["Sea of Azov", "Crimea"]
    );
}

#[test]
fn regions_yield_to_cities_unless_named_as_regions() {
    let ps = places("Shelling hit Donetsk overnight.");
    assert_eq!(
        (ps[0].2.as_deref(), ps[0].3.as_str()),
        (Some("UKR"), "city")
    );
    let ps = places("Russia claims the whole Donetsk region.");
    let d = ps.iter().find(|p| p.0 == "Donetsk").unwrap();
    assert_eq!((d.2.as_deref(), d.3.as_str()), (Some("UKR"), "region"));
    let ps = places("Snow fell across Wyoming.");
    assert_eq!(
        (ps[0].2.as_deref(), ps[0].3.as_str()),
        (Some("USA"), "region"),
        "the state, not the Michigan city"
    );
}

#[test]
fn person_names_and_common_words_are_not_places() {
    assert!(places("Jordan Peterson spoke at length.").is_empty());
    assert!(places("Chad said he would run again.").is_empty());
    assert!(places("Vladimir Putin met Donald Trump at the White House.").is_empty());
    assert!(places("Most people agreed. Of course, nobody left.").is_empty());
    assert!(places("Talks resumed in March and again on Monday.").is_empty());
    assert!(places("It was a nice day for reading in the garden.").is_empty());
    // With evidence the same names are places.
    assert_eq!(
        country_of("Troops were sent to Chad.", "Chad").as_deref(),
        Some("TCD")
    );
    assert_eq!(
        country_of("King Abdullah of Jordan met Egyptian officials.", "Jordan").as_deref(),
        Some("JOR")
    );
    assert_eq!(
        country_of("The attack in Nice killed many people.", "Nice").as_deref(),
        Some("FRA")
    );
}

#[test]
fn abbreviations_and_lists() {
    let ps = places(
        "Leaders from the U.S., the U.K., France and the Vatican discussed U.S.-Russia relations.",
    );
    let got: Vec<(&str, Option<&str>)> =
        ps.iter().map(|p| (p.0.as_str(), p.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("U.S.", Some("USA")),
            ("U.K.", Some("GBR")),
            ("France", Some("FRA")),
            ("Vatican", Some("VAT")),
            ("U.S.", Some("USA")),
            ("Russia", Some("RUS"))
        ]
    );
    assert!(
        places("Let us talk.").is_empty(),
        "lower-case `us` is not the United States"
    );
    assert!(
        places("Us and them.").is_empty(),
        "all-caps aliases need all-caps text"
    );
}

#[test]
fn ner_entities_override_the_dictionary() {
    let text = "Reading was quiet, said Jordan.";
    let mut doc = Doc::new("t", text);
    doc.entities = vec![
        Entity {
            span: Span::new(0, 7),
            kind: "LOC".into(),
            actor: None,
            cluster: None,
        },
        Entity {
            span: Span::new(24, 30),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        },
    ];
    STAGE.process(&mut doc).unwrap();
    let got: Vec<(&str, Option<&str>)> = doc
        .places
        .iter()
        .map(|p| (doc.slice(p.span), p.country.as_deref()))
        .collect();
    assert_eq!(got, [("Reading", Some("GBR"))]);

    let text = "The Kyiv City Council met.";
    let mut doc = Doc::new("t", text);
    doc.entities = vec![Entity {
        span: Span::new(4, 21),
        kind: "ORG".into(),
        actor: None,
        cluster: None,
    }];
    STAGE.process(&mut doc).unwrap();
    assert!(
        doc.places.is_empty(),
        "a place inside an organisation's name is not a mention"
    );

    // Actor noun phrases (from the actors stage) keep their place modifiers.
    let text = "United States President, Donald Trump, called U.S. officials.";
    let mut doc = Doc::new("t", text);
    doc.entities = vec![
        Entity {
            span: Span::new(0, 37),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        },
        Entity {
            span: Span::new(46, 60),
            kind: "ORG".into(),
            actor: None,
            cluster: None,
        },
    ];
    STAGE.process(&mut doc).unwrap();
    let got: Vec<&str> = doc.places.iter().map(|p| doc.slice(p.span)).collect();
    assert_eq!(got, ["United States", "U.S."]);
}

#[test]
fn odd_input_never_panics() {
    for text in [
        "",
        " ",
        "...",
        "’s",
        "'",
        "U.",
        "U.S",
        "A.B.C.D.E.F.",
        "🇺🇦 Kyiv 🇺🇦",
        "ÅÄÖ Ł ß Straße",
        "Sea of",
        "New York New York New York",
        "Paris, Paris, Paris (Paris) Paris's Paris’",
        "In\n\nMoscow\n",
        "\u{0}\u{200b}Moscow\u{feff}",
    ] {
        let mut doc = Doc::new("t", text);
        STAGE.process(&mut doc).unwrap();
        for p in &doc.places {
            assert!(
                doc.text.get(p.span.start..p.span.end).is_some(),
                "{text:?}: span on char boundaries"
            );
        }
    }
    let long = "In Moscow, Kyiv and Paris. ".repeat(2000);
    let ps = STAGE.places(&Doc::new("t", long));
    assert!(!ps.is_empty());
}
