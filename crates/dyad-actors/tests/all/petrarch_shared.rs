//! Loads the PETRARCH dictionaries from `/work/shared/data/petrarch` in place, when present
//! (they are never copied into the project). Returns early on a fresh clone without them.

use chrono::NaiveDate;
use dyad_actors::petrarch::{load_actors, load_agents, PetrActors};
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/petrarch");

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn phoenix_dictionaries_load_and_resolve() {
    let dir = Path::new(DIR);
    if !dir.join("Phoenix.agents.txt").exists() {
        eprintln!("skipped: {DIR} not present");
        return;
    }
    let mut actors = PetrActors::default();
    for f in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ] {
        actors.load_file(dir.join(f)).unwrap();
    }
    eprintln!(
        "{} actor entries, {} warnings",
        actors.len(),
        actors.warnings().len()
    );
    for w in actors.warnings().iter().take(20) {
        eprintln!("  {w}");
    }
    assert!(actors.len() > 10_000);
    assert!(
        actors.warnings().len() < actors.len() / 100,
        "too many warnings"
    );
    let code = |p: &str, d| actors.lookup_phrase(p, d).map(|c| c.join("/"));
    assert_eq!(code("AFGHANISTAN", None), Some("AFG".into()));
    assert_eq!(code("KABUL", None), Some("AFG".into()));
    // Date-restricted person entries: a ruler coded GOV in office and ELI outside it.
    assert_eq!(
        code("MOHAMMAD ZAHIR SHAH", ymd(1950, 1, 1)),
        Some("AFGGOV".into())
    );
    assert_eq!(
        code("MOHAMMAD ZAHIR SHAH", ymd(1980, 1, 1)),
        Some("AFGELI".into())
    );
    // Consecutive spellings above one code block share it.
    assert_eq!(
        code("SECRETARY BREZHNEV", ymd(1970, 1, 1)),
        Some("RUSGOV".into())
    );

    let agents = load_agents(dir.join("Phoenix.agents.txt")).unwrap();
    eprintln!(
        "{} agent phrases, {} warnings",
        agents.len(),
        agents.warnings().len()
    );
    assert!(agents.len() > 2_000);
    assert!(
        agents.lookup_phrase("CONGRESSMEN").is_some() || agents.lookup_phrase("MINISTER").is_some()
    );
}

#[test]
fn validation_dictionaries_follow_petrarch_semantics() {
    let dir = Path::new(DIR);
    if !dir.join("PETR.Validate.actors.txt").exists() {
        return;
    }
    let actors = load_actors(dir.join("PETR.Validate.actors.txt")).unwrap();
    let code = |p: &str, d| actors.lookup_phrase(p, d).map(|c| c.join("/"));
    assert_eq!(
        code("SAM GAMGEE", ymd(2010, 1, 10)),
        Some("ORCHOB".into()),
        "first restriction wins"
    );
    assert_eq!(code("SAM GAMGEE", ymd(2005, 1, 1)), Some("HOBCIV".into()));
    assert_eq!(code("SAM GAMGEE", ymd(2014, 1, 1)), Some("HOBELI".into()));
    assert_eq!(code("SAM GAMGEE", None), Some("HOB".into()));
    assert_eq!(code("SMEAGOL", ymd(1997, 1, 1)), Some("HOBGOV".into()));
    assert_eq!(code("DENMARK", None), Some("DNK".into()));
    assert_eq!(code("ZEALAND", None), Some("DNK".into()));
    let agents = load_agents(dir.join("PETR.Validate.agents.txt")).unwrap();
    assert!(agents.warnings().is_empty(), "{:?}", agents.warnings());
    let a = agents.lookup_phrase("CONGRESSWOMEN").unwrap();
    assert_eq!(a[0].apply("USA"), "USALEG");
    assert_eq!(
        agents.lookup_phrase("HUMAN RIGHTS BODIES").unwrap()[0].apply("USA"),
        "NGOUSA"
    );
}
