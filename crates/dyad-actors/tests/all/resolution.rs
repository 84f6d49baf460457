//! Actor resolution on hand-written articles in the style of wire copy.

use crate::common;
use common::{code_of, entity, run};

const WIRE: &str = "Russian President Vladimir Putin spoke by phone with Turkish President Recep Tayyip Erdogan on Tuesday, the Kremlin said.
German Chancellor, Friedrich Merz, told reporters in Berlin that European leaders would meet again next week.
Former Swedish Prime Minister, Carl Bildt, called the talks a setback for Kyiv.
Kremlin aide Yuri Ushakov said Moscow was open to a second round of talks.
Ukrainian officials accused Russia\u{2019}s military of shelling the city overnight.
The Kremlin spokesman said no date had been set.
Polish Deputy Foreign Minister Jan Kowalczyk, speaking in Warsaw, said the sanctions would stay.";

#[test]
fn titles_names_metonyms_and_groups() {
    let d = run(WIRE, "2025-06-10");
    let code = |m: &str| code_of(&d, m, 0);
    assert_eq!(code("Vladimir Putin").as_deref(), Some("RUSGOV"));
    assert_eq!(code("Recep Tayyip Erdogan").as_deref(), Some("TURGOV"));
    assert_eq!(code("Kremlin").as_deref(), Some("RUSGOV"), "metonym");
    assert_eq!(
        code("Friedrich Merz").as_deref(),
        Some("DEUGOV"),
        "title + name"
    );
    assert_eq!(
        code("European leaders").as_deref(),
        Some("EUR"),
        "region + agent"
    );
    assert_eq!(code("Carl Bildt").as_deref(), Some("SWEELI"), "former");
    assert_eq!(code("Kyiv").as_deref(), Some("UKRGOV"));
    assert_eq!(code("Yuri Ushakov").as_deref(), Some("RUSGOV"));
    assert_eq!(
        code("Moscow").as_deref(),
        Some("RUSGOV"),
        "capital as actor"
    );
    assert_eq!(
        code("Ukrainian officials").as_deref(),
        Some("UKRGOV"),
        "adjective + agent"
    );
    assert_eq!(
        code("Russia\u{2019}s military").as_deref(),
        Some("RUSMIL"),
        "possessive"
    );
    let spokesman = entity(&d, "Kremlin spokesman", 0).expect("role nominal is an entity");
    let a = spokesman.actor.as_ref().unwrap();
    assert_eq!(
        (a.code.as_str(), a.name.as_deref()),
        ("RUSGOV", Some("Dmitry Peskov")),
        "unique office holder"
    );
    let jan = entity(&d, "Jan Kowalczyk", 0).expect("unknown name after a title");
    let a = jan.actor.as_ref().unwrap();
    assert_eq!(
        (a.code.as_str(), a.name.as_deref(), a.sector.as_deref()),
        ("POLGOV", Some("Jan Kowalczyk"), Some("GOV"))
    );
    let merz = entity(&d, "Friedrich Merz", 0).unwrap();
    assert_eq!(merz.kind, "PER");
    assert_eq!(merz.actor.as_ref().unwrap().country.as_deref(), Some("DEU"));
}

#[test]
fn entities_are_sorted_and_unique() {
    let d = run(WIRE, "2025-06-10");
    for w in d.entities.windows(2) {
        assert!(
            w[0].span.start <= w[1].span.start && w[0].span != w[1].span,
            "{:?}",
            w
        );
    }
    assert!(
        d.entities.iter().all(|e| e.cluster.is_some()),
        "every entity carries its cluster"
    );
}

#[test]
fn group_nouns_take_their_sectors() {
    let text = "NATO troops arrived as Russian media reported clashes. Israeli police detained two men, while Syrian rebels \
                and Iranian protesters gathered. Vatican officials declined to comment. Hamas fighters withdrew, Pentagon officials said. \
                The Georgian opposition called for new elections.";
    let d = run(text, "2025-05-20");
    let code = |m: &str| code_of(&d, m, 0);
    assert_eq!(code("NATO troops").as_deref(), Some("NATOMIL"));
    assert_eq!(code("Russian media").as_deref(), Some("RUSMED"));
    assert_eq!(code("Israeli police").as_deref(), Some("ISRCOP"));
    assert_eq!(code("Syrian rebels").as_deref(), Some("SYRREB"));
    assert_eq!(code("Iranian protesters").as_deref(), Some("IRNCVL"));
    assert_eq!(code("Vatican officials").as_deref(), Some("VATGOV"));
    assert_eq!(
        code("Hamas fighters").as_deref(),
        Some("PSEREB"),
        "an armed group keeps its sector"
    );
    assert_eq!(
        code("Pentagon officials").as_deref(),
        Some("USAMIL"),
        "a MIL metonym keeps its sector"
    );
    assert_eq!(code("Georgian opposition").as_deref(), Some("GEOOPP"));
}

/// Groups that act in the news on their own, with no country or name before them, are actors
/// (the `standalone` flag of `agents.txt`); a group noun without the flag is not.
#[test]
fn standalone_group_nouns_are_actors() {
    let text =
        "Teachers walked out of their classrooms on Monday. The NGO denounced the closures. \
                A suicide bomber struck a market. Hundreds of asylum-seekers refused food. \
                Factory employees staged a sit-in. Critics say the plan is too costly. \
                Some families left the valley. The department declined to comment. \
         Later the federal police detained a reporter. Rebel forces shelled the road.";
    let d = run(text, "2025-05-20");
    let code = |m: &str| code_of(&d, m, 0);
    assert_eq!(code("Teachers").as_deref(), Some("EDU"));
    assert_eq!(code("NGO").as_deref(), Some("NGO"));
    assert_eq!(
        code("suicide bomber").as_deref(),
        Some("REB"),
        "not the aircraft"
    );
    assert_eq!(code("asylum-seekers").as_deref(), Some("REF"));
    assert_eq!(code("employees").as_deref(), Some("LAB"));
    assert_eq!(code("Critics").as_deref(), Some("OPP"));
    assert_eq!(code("department").as_deref(), Some("GOV"));
    assert_eq!(
        code("federal police").as_deref(),
        Some("COP"),
        "a generated form takes the flag of its head"
    );
    assert_eq!(code("families"), None, "a group noun without the flag");
    assert_eq!(
        code("Rebel forces").as_deref(),
        Some("REB"),
        "a unit of a standalone group of the same sector"
    );
}

#[test]
fn roles_follow_the_document_date() {
    let text = "Olaf Scholz met the U.S. president in Washington.";
    let before = run(text, "2024-06-01");
    let after = run(text, "2025-06-10");
    assert_eq!(
        code_of(&before, "Olaf Scholz", 0).as_deref(),
        Some("DEUGOV")
    );
    assert_eq!(
        code_of(&after, "Olaf Scholz", 0).as_deref(),
        Some("DEUELI"),
        "out of office after 2025-05-06"
    );
    let name = |d: &dyad_doc::Doc| {
        entity(d, "U.S. president", 0).and_then(|e| e.actor.as_ref()?.name.clone())
    };
    assert_eq!(name(&before).as_deref(), Some("Joe Biden"));
    assert_eq!(name(&after).as_deref(), Some("Donald Trump"));
    // The day of a handover.
    let handover = run("The U.S. president spoke.", "2025-01-20");
    assert_eq!(name(&handover).as_deref(), Some("Donald Trump"));
    let eve = run("The U.S. president spoke.", "2025-01-19");
    assert_eq!(name(&eve).as_deref(), Some("Joe Biden"));
}

#[test]
fn of_phrases_coordination_and_spellings() {
    let text = "The president of the United States spoke with the U.S. and Russian presidents' aides. Zelensky, Zelenskiy and Zelenskyy are one man.";
    let d = run(text, "2025-05-20");
    let e = entity(&d, "president of the United States", 0).expect("of-phrase");
    assert_eq!(
        e.actor.as_ref().unwrap().name.as_deref(),
        Some("Donald Trump")
    );
    assert_eq!(
        code_of(&d, "U.S.", 0).as_deref(),
        Some("USAGOV"),
        "coordinated modifier shares the agent"
    );
    assert_eq!(
        code_of(&d, "Russian presidents", 0).as_deref(),
        Some("RUSGOV")
    );
    let c: Vec<_> = ["Zelensky", "Zelenskiy", "Zelenskyy"]
        .iter()
        .map(|n| entity(&d, n, 0).unwrap().cluster)
        .collect();
    assert!(
        c[0].is_some() && c[0] == c[1] && c[1] == c[2],
        "spellings share a cluster"
    );
}

#[test]
fn ner_names_with_appositions() {
    let text = "Mirela Dragan, a senior Romanian official, said the talks would resume. Dragan spoke in Bucharest.";
    let mut doc = dyad_doc::Doc::new("t", text);
    doc.date = chrono::NaiveDate::from_ymd_opt(2025, 5, 20);
    common::segment(&mut doc);
    // What the NER stage would have found.
    for name in ["Mirela Dragan", "Bucharest"] {
        let s = text.find(name).unwrap();
        let kind = if name == "Bucharest" { "LOC" } else { "PER" };
        doc.entities.push(dyad_doc::Entity {
            span: dyad_doc::Span::new(s, s + name.len()),
            kind: kind.into(),
            actor: None,
            cluster: None,
        });
    }
    common::stage().annotate(&mut doc);
    let a = entity(&doc, "Mirela Dragan", 0)
        .unwrap()
        .actor
        .clone()
        .expect("role from the apposition");
    assert_eq!(
        (a.code.as_str(), a.name.as_deref()),
        ("ROUGOV", Some("Mirela Dragan"))
    );
    let dragan = entity(&doc, "Dragan", 0).expect("surname found again");
    assert_eq!(
        dragan.cluster,
        entity(&doc, "Mirela Dragan", 0).unwrap().cluster
    );
    assert_eq!(dragan.actor.as_ref().unwrap().code, "ROUGOV");
    assert_eq!(
        entity(&doc, "Bucharest", 0).unwrap().kind,
        "LOC",
        "NER kind kept"
    );
    assert_eq!(code_of(&doc, "Bucharest", 0).as_deref(), Some("ROUGOV"));
}

#[test]
fn lowercase_words_and_acronyms_do_not_match_names() {
    let d = run(
        "They told us the turkey was cooked in china bowls, and the US said nothing.",
        "2025-05-20",
    );
    let texts: Vec<&str> = d.entities.iter().map(|e| d.slice(e.span)).collect();
    assert_eq!(texts, vec!["US"], "{texts:?}");
}

#[test]
fn ner_noise_does_not_swallow_groups() {
    // A weak NER model may tag a sentence adverb or a bare title as PER.
    let text = "Meanwhile, Ukrainian officials said the German Chancellor would visit.";
    let mut doc = dyad_doc::Doc::new("t", text);
    doc.date = chrono::NaiveDate::from_ymd_opt(2025, 5, 20);
    common::segment(&mut doc);
    for w in ["Meanwhile", "Chancellor"] {
        let s = text.find(w).unwrap();
        doc.entities.push(dyad_doc::Entity {
            span: dyad_doc::Span::new(s, s + w.len()),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        });
    }
    common::stage().annotate(&mut doc);
    assert_eq!(
        code_of(&doc, "Ukrainian officials", 0).as_deref(),
        Some("UKRGOV"),
        "a plural group is no apposition"
    );
    assert!(
        entity(&doc, "Chancellor", 0).is_none(),
        "a bare title is not a person"
    );
    let merz = entity(&doc, "German Chancellor", 0).expect("role nominal");
    assert_eq!(
        merz.actor.as_ref().unwrap().name.as_deref(),
        Some("Friedrich Merz")
    );
}

#[test]
fn possessive_fillers_group_heads_and_demonyms() {
    let text = "Lebanon's new president spoke as Afghan rebel leaders met. Nine Russians were freed, Egyptian warships sailed and French farmers protested.";
    let d = run(text, "2025-05-20");
    let e = entity(&d, "Lebanon's new president", 0).expect("possessive with a filler");
    assert_eq!(
        e.actor.as_ref().unwrap().name.as_deref(),
        Some("Joseph Aoun")
    );
    assert_eq!(
        code_of(&d, "Afghan rebel leaders", 0).as_deref(),
        Some("AFGREB"),
        "leaders of rebels"
    );
    assert_eq!(
        code_of(&d, "Russians", 0).as_deref(),
        Some("RUSCVL"),
        "plural demonym"
    );
    assert_eq!(
        code_of(&d, "Egyptian warships", 0).as_deref(),
        Some("EGYMIL")
    );
    assert_eq!(code_of(&d, "French farmers", 0).as_deref(), Some("FRAAGR"));
}

#[test]
fn a_title_before_a_lone_surname_names_the_known_holder() {
    // The generated dictionary knows the Rwandan leader by his full name only.
    let d = run(
        "President Kagame met the envoy in the capital on Monday.",
        "2010-06-01",
    );
    let e = entity(&d, "Kagame", 0).expect("an entity");
    let a = e.actor.as_ref().expect("an actor");
    assert_eq!(a.code, "RWAGOV");
    assert_eq!(a.name.as_deref(), Some("Paul Kagame"));
    // An unknown surname stays a titled person without a country.
    let d = run("President Zorvanek met the envoy on Monday.", "2010-06-01");
    let code = code_of(&d, "Zorvanek", 0);
    assert_ne!(code.as_deref(), Some("RWAGOV"));
}

#[test]
fn a_title_in_the_text_outweighs_the_term_tables() {
    // An office title without "former" says the person holds it in this text (a historical
    // account, or a document date that is missing or wrong); "former" and "ousted" say not.
    let titled = run("German Chancellor Olaf Scholz met the press.", "2025-06-10");
    assert_eq!(
        code_of(&titled, "Olaf Scholz", 0).as_deref(),
        Some("DEUGOV")
    );
    let former = run(
        "Former German Chancellor Olaf Scholz met the press.",
        "2024-06-01",
    );
    assert_eq!(
        code_of(&former, "Olaf Scholz", 0).as_deref(),
        Some("DEUELI")
    );
    let ousted = run(
        "Ousted German Chancellor Olaf Scholz met the press.",
        "2024-06-01",
    );
    assert_eq!(
        code_of(&ousted, "Olaf Scholz", 0).as_deref(),
        Some("DEUELI")
    );
}

/// An `ORG` entity of the NER stage with no dictionary line is a state organ when its name holds
/// an organ noun: the sector of the first one, the country of a country word inside or just
/// before the name; facilities and titles in names are not organs.
#[test]
fn named_organs_take_the_sector_of_their_organ_noun() {
    let text = "The Department of Fisheries will review the permits. \
                The Harbour City Police Bureau questioned two men. \
                The Senate Committee on Roads met on Friday. \
                Chile's Senate Water Board issued a notice. \
                Valmora Air Force Base was closed. \
                General Motors cut jobs. \
                Friends of the Valley opposed the plan. \
                The Valmora Unity Party walked out of the talks. \
                The Party was held in a barn.";
    let mut doc = dyad_doc::Doc::new("t", text);
    doc.date = chrono::NaiveDate::from_ymd_opt(2025, 5, 20);
    common::segment(&mut doc);
    for name in [
        "Department of Fisheries",
        "Harbour City Police Bureau",
        "Senate Committee on Roads",
        "Senate Water Board",
        "Valmora Air Force Base",
        "General Motors",
        "Friends of the Valley",
        "Valmora Unity Party",
        "Party",
    ] {
        let start = text.find(name).unwrap();
        doc.entities.push(dyad_doc::Entity {
            span: dyad_doc::Span::new(start, start + name.len()),
            kind: "ORG".into(),
            actor: None,
            cluster: None,
        });
    }
    common::stage().annotate(&mut doc);
    let code = |m: &str| code_of(&doc, m, 0);
    assert_eq!(code("Department of Fisheries").as_deref(), Some("GOV"));
    assert_eq!(code("Harbour City Police Bureau").as_deref(), Some("COP"));
    assert_eq!(
        code("Senate Committee on Roads").as_deref(),
        Some("LEG"),
        "the first organ noun gives the branch"
    );
    assert_eq!(
        code("Senate Water Board").as_deref(),
        Some("CHLLEG"),
        "the country just before the name"
    );
    let name =
        entity(&doc, "Senate Committee on Roads", 0).and_then(|e| e.actor.as_ref()?.name.clone());
    assert_eq!(name.as_deref(), Some("Senate Committee on Roads"));
    assert_eq!(code("Valmora Air Force Base"), None, "a facility");
    assert_eq!(code("General Motors"), None, "a title is no organ");
    assert_eq!(code("Friends of the Valley"), None, "no organ noun");
    assert_eq!(
        code("Valmora Unity Party").as_deref(),
        Some("PTY"),
        "a name ending in Party is a political party"
    );
    assert_eq!(code("Party"), None, "a bare word is no party name");
}
