//! The Dyad dictionary loaders (`docs/dictionaries.md`). The first byte chooses the actor
//! dictionary (`data/actors/*.txt`) or the event dictionary (`data/events/*`); the rest is split
//! at NUL bytes into the files of that dictionary, in the order agents, countries, orgs, regions,
//! people (actors) or classes, verbs, nouns, governors, compose (events). Every problem must be a
//! diagnostic naming a file and a line inside it; an actor dictionary that loads is then compiled
//! into the actors stage and run on the input's text.
#![no_main]
use dyad_actors::dict::{Dictionary, FileKind, Source};
use dyad_doc::{Doc, Stage};
use dyad_events::{EventDict, Ontology};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static ONTOLOGY: OnceLock<Ontology> = OnceLock::new();

const EVENT_FILES: [&str; 5] = [
    "classes.txt",
    "verbs.txt",
    "nouns.txt",
    "governors.txt",
    "compose.txt",
];

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let parts: Vec<&str> = text.split('\0').take(5).collect();
    let lines = |i: usize| parts[i].lines().count().max(1);
    if mode & 1 == 0 {
        let sources: Vec<Source> = parts
            .iter()
            .enumerate()
            .map(|(i, t)| Source {
                kind: FileKind::ALL[i],
                name: FileKind::ALL[i].file_name(),
                text: t,
            })
            .collect();
        let (dict, diags) = Dictionary::from_sources(&sources);
        for d in &diags {
            let i = FileKind::ALL
                .iter()
                .position(|k| k.file_name() == d.file)
                .expect("diagnostic names a loaded file");
            assert!(d.line >= 1 && d.line <= lines(i), "diagnostic line {d}");
            assert!(!d.message.is_empty());
        }
        let stage = dyad_actors::ActorStage::with_dictionary(dict);
        let mut doc = Doc::new("fuzz", text.replace('\0', "\n"));
        doc.date = chrono::NaiveDate::from_ymd_opt(2020, 6, 1);
        dyad_text::Segmenter.process(&mut doc).expect("segment");
        stage
            .process(&mut doc)
            .expect("the actors stage never fails");
        dyad_fuzz::check_doc(&doc);
    } else {
        let onto = ONTOLOGY.get_or_init(Ontology::embedded);
        let files: Vec<(String, String)> = parts
            .iter()
            .enumerate()
            .map(|(i, t)| (EVENT_FILES[i].to_string(), t.to_string()))
            .collect();
        if let Err(errs) = EventDict::parse(&files, onto) {
            for e in &errs.0 {
                let i = EVENT_FILES
                    .iter()
                    .position(|f| *f == e.file)
                    .expect("error names a loaded file");
                assert!(e.line >= 1 && e.line <= lines(i), "error line {e}");
                assert!(!e.message.is_empty());
            }
        }
    }
});
