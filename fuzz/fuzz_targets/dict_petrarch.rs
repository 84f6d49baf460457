//! The PETRARCH/TABARI dictionary loaders (`--petrarch-dicts`, `dyad eval petrarch`): the first
//! byte chooses an actors file, an agents file or a verbs file. Loading never fails (bad lines are
//! warnings naming `path:line`); every loaded phrase is then looked up again and must be found.
#![no_main]
use dyad_actors::petrarch::{parse_actors, parse_agents, phrase_words};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let date = chrono::NaiveDate::from_ymd_opt(2010, 1, 10);
    let warned = |ws: &[String], name: &str| {
        for w in ws {
            assert!(
                w.starts_with(&format!("{name}:")),
                "warning without its file: {w}"
            );
        }
    };
    match mode % 3 {
        0 => {
            let actors = parse_actors("fuzz.actors.txt", &text);
            warned(actors.warnings(), "fuzz.actors.txt");
            for e in actors.entries() {
                let _ = e.name();
                let _ = e.codes_at(date);
            }
            let words: Vec<String> = phrase_words(&text);
            for i in 0..words.len() {
                if let Some(m) = actors.longest_match(&words[i..], date) {
                    assert!(m.len >= 1 && m.len <= words.len() - i);
                }
            }
        }
        1 => {
            let agents = parse_agents("fuzz.agents.txt", &text);
            warned(agents.warnings(), "fuzz.agents.txt");
            let phrases = agents.phrases();
            assert_eq!(phrases.len(), agents.len(), "phrases() and len() disagree");
            for (p, _) in &phrases {
                assert!(
                    agents.lookup_phrase(p).is_some(),
                    "agent phrase {p:?} not found again"
                );
            }
        }
        _ => {
            let (_dict, warnings) =
                dyad_events::petrarch::verbs::parse_verbs("fuzz.verbs.txt", &text);
            warned(&warnings, "fuzz.verbs.txt");
        }
    }
});
