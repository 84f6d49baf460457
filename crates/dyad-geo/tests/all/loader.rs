//! Data-file validation: every bad line is reported as `file:line: message`, and a small gazetteer of
//! our own loads and matches.

use dyad_doc::Doc;
use dyad_geo::{Gazetteer, PlaceStage, Sources};

const GAZ: &str = "# kind\tname\tcountry\tadmin1\tpopulation\tlat\tlon\talternates\tneighbours
country\tRuritania\tRUR\t\t1000000\t45.0\t15.0\tKingdom of Ruritania\tZEN
country\tZenda\tZEN\t\t500000\t46.0\t16.0\t\tRUR
city\tStrelsau\tRUR\t01\t300000\t45.5\t15.5\tStrelsaw\t
";

fn sources<'a>(
    gaz: &'a str,
    features: &'a str,
    aliases: &'a str,
    ambiguous: &'a str,
    cues: &'a str,
) -> Sources<'a> {
    Sources {
        gazetteer: (gaz, "gazetteer.tsv"),
        features: (features, "features.tsv"),
        aliases: (aliases, "aliases.tsv"),
        ambiguous: (ambiguous, "ambiguous.tsv"),
        cues: (cues, "cues.tsv"),
    }
}

#[test]
fn the_embedded_data_loads() {
    let g = Gazetteer::embedded().expect("embedded data is valid");
    assert!(
        g.entries.len() > 30_000,
        "countries, regions and cities: {}",
        g.entries.len()
    );
    assert!(g.country("UKR").is_some() && g.country("XKX").is_some());
    assert!(!g.lookup_name("Black Sea").is_empty());
}

#[test]
fn a_small_gazetteer_of_our_own_works() {
    let g = Gazetteer::from_sources(sources(
        GAZ,
        "Zenda Sea\t-\tsea\t-\t44.0\t14.0\n",
        "Ruri\tcountry\tRUR\t-\n",
        "",
        "in\tlocative\nto\tlocative\n",
    ))
    .expect("valid");
    let stage = PlaceStage::with_gazetteer(g);
    let doc = Doc::new("t", "Envoys from Ruri flew to Strelsaw over the Zenda Sea.");
    let got: Vec<(String, Option<String>)> = stage
        .places(&doc)
        .into_iter()
        .map(|p| (p.name, p.country))
        .collect();
    assert_eq!(
        got,
        [
            ("Ruritania".to_string(), Some("RUR".to_string())),
            ("Strelsau".to_string(), Some("RUR".to_string())),
            ("Zenda Sea".to_string(), None)
        ]
    );
}

#[test]
fn bad_lines_are_reported_with_file_and_line() {
    let bad_gaz = format!("{GAZ}city\tNowhere\tRUR\t01\tmany\t45\t15\t\t\ntown\tX\tRUR\t\t1\t0\t0\t\t\ncity\tY\tRUR\n");
    let features = "# comment\nGood Sea\t-\tsea\t-\t10\t10\nBad Sea\t-\tsea\t-\t95\t10\nOdd\t-\tvolcano\t-\t1\t1\nLost\t-\tregion\tXYZ\t1\t1\n";
    let aliases = "Ruri\tcountry\tRUR\t-\nGhost\tcity\tRUR\tGhost Town\nShort\tcity\n";
    let ambiguous = "Strelsau\tsometimes\nStrelsau\tnever\nStrelsau\tevidence\n";
    let cues = "in\tlocative\nin\tlocative\nat\tplace\ntwo words\tlocative\n";
    let err =
        Gazetteer::from_sources(sources(&bad_gaz, features, aliases, ambiguous, cues)).unwrap_err();
    let lines: Vec<String> = err.errors.iter().map(|e| e.to_string()).collect();
    let expect = [
        "gazetteer.tsv:5: population `many` is not a whole number",
        "gazetteer.tsv:6: unknown kind `town`",
        "gazetteer.tsv:7: expected 9 tab-separated fields, found 3",
        "features.tsv:3: latitude 95 out of range",
        "features.tsv:4: unknown feature `volcano`",
        "features.tsv:5: country `XYZ` is not a gazetteer country",
        "aliases.tsv:2: no city `Ghost Town` in RUR",
        "aliases.tsv:3: expected 4 tab-separated fields",
        "ambiguous.tsv:1: unknown policy `sometimes`",
        "ambiguous.tsv:3: `Strelsau` is listed twice",
        "cues.tsv:2: `in` locative is listed twice",
        "cues.tsv:3: unknown class `place`",
        "cues.tsv:4: expected `word<TAB>class` with a single word",
    ];
    assert_eq!(lines.len(), expect.len(), "{lines:#?}");
    for (got, want) in lines.iter().zip(expect) {
        assert!(got.starts_with(want), "got `{got}`, want `{want}…`");
    }
    assert!(err.to_string().lines().count() == expect.len());
}

#[test]
fn a_corrupt_gzip_is_an_error_not_a_panic() {
    let err = dyad_geo::gazetteer::gunzip(b"not gzip at all", "x.tsv.gz").unwrap_err();
    assert!(
        err.to_string().starts_with("x.tsv.gz:0: cannot decompress"),
        "{err}"
    );
}

/// The embedded gazetteer is read from a binary form made at build time; it must be exactly the
/// gazetteer the text files under `data/geo/` load into, so the two can never diverge.
#[test]
fn the_embedded_binary_form_equals_the_text_sources() {
    use dyad_geo::gazetteer::{embedded, gunzip};
    let gaz = gunzip(embedded::GAZETTEER_GZ, "gazetteer.tsv.gz").expect("gzip");
    let from_text = Gazetteer::from_sources(Sources {
        gazetteer: (&gaz, "gazetteer.tsv.gz"),
        features: (embedded::FEATURES, "features.tsv"),
        aliases: (embedded::ALIASES, "aliases.tsv"),
        ambiguous: (embedded::AMBIGUOUS, "ambiguous.tsv"),
        cues: (embedded::CUES, "cues.tsv"),
    })
    .expect("valid");
    let compiled = Gazetteer::embedded().expect("embedded");
    assert_eq!(compiled.entries, from_text.entries);
    assert_eq!(compiled.name_count(), from_text.name_count());
    for key in from_text.name_keys() {
        assert_eq!(compiled.lookup(key), from_text.lookup(key), "{key}");
    }
    assert!(
        *compiled == from_text,
        "policies, cues, countries or index layout differ"
    );
}

#[test]
fn the_binary_form_round_trips_and_rejects_damage() {
    let g = Gazetteer::from_sources(sources(
        GAZ,
        "Zenda Sea\t-\tsea\t-\t44.0\t14.0\n",
        "Ruri\tcountry\tRUR\t-\n",
        "Zenda\tevidence\n",
        "in\tlocative\nin\tbefore\n",
    ))
    .expect("valid");
    let bytes = g.to_bytes();
    assert_eq!(Gazetteer::from_bytes(&bytes), Some(g.clone()));
    assert_eq!(
        Gazetteer::from_bytes(&bytes).unwrap().lookup_name("Ruri"),
        g.lookup_name("Ruri")
    );
    for cut in [0, 8, bytes.len() / 2, bytes.len() - 1] {
        assert_eq!(Gazetteer::from_bytes(&bytes[..cut]), None, "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(Gazetteer::from_bytes(&longer), None);
}
