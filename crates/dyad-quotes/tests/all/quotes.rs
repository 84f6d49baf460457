//! Behaviour of the quote stage on small hand-written articles (one construction per test), on a
//! hand-built document with entity and cluster layers, and on random text (never panics).

use dyad_doc::{Cluster, Doc, Entity, Quote, QuoteKind, Span, Stage};
use dyad_quotes::QuoteStage;

fn run(doc: &mut Doc) {
    QuoteStage::default()
        .process(doc)
        .expect("the quote stage never fails");
}

fn quotes(text: &str) -> (Doc, Vec<Quote>) {
    let mut doc = Doc::new("t", text);
    run(&mut doc);
    let q = doc.quotes.clone();
    (doc, q)
}

/// (kind, content, speaker name, speaker text, cue, channel) of a quote.
type Row = (
    &'static str,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Every quote as a [`Row`], for failure messages.
fn table(doc: &Doc, qs: &[Quote]) -> Vec<Row> {
    qs.iter()
        .map(|q| {
            (
                q.kind.as_str(),
                doc.slice(q.span).to_string(),
                q.speaker.as_ref().and_then(|s| s.name.clone()),
                q.speaker.as_ref().map(|s| doc.slice(s.span).to_string()),
                q.cue.map(|c| doc.slice(c).to_string()),
                q.channel.clone(),
            )
        })
        .collect()
}

fn find<'a>(doc: &Doc, qs: &'a [Quote], content_start: &str) -> &'a Quote {
    qs.iter()
        .find(|q| doc.slice(q.span).starts_with(content_start))
        .unwrap_or_else(|| {
            panic!(
                "no quote starting with {content_start:?} in {:#?}",
                table(doc, qs)
            )
        })
}

fn name(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().and_then(|s| s.name.as_deref())
}

#[test]
fn direct_quote_with_speaker_after() {
    let (doc, qs) = quotes("Foreign Minister Anna Keller met her counterpart in Vienna.\n“The door to talks remains open,” Keller said.");
    let q = find(&doc, &qs, "The door");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(doc.slice(q.span), "The door to talks remains open");
    assert_eq!(
        name(q),
        Some("Anna Keller"),
        "a surname expands to the full name met earlier"
    );
    assert_eq!(doc.slice(q.cue.unwrap()), "said");
}

#[test]
fn inverted_speaker_and_straight_marks() {
    let (doc, qs) = quotes("\"We will not sign this treaty,\" said Defence Minister Lars Holm.");
    let q = find(&doc, &qs, "We will not");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(name(q), Some("Lars Holm"));
}

#[test]
fn split_quote_shares_speaker_and_cue() {
    let (doc, qs) = quotes(
        "“The first round went well,” Keller told journalists. “The second will be harder.”",
    );
    let a = find(&doc, &qs, "The first");
    let b = find(&doc, &qs, "The second");
    assert_eq!(name(a), Some("Keller"));
    assert_eq!(name(b), Some("Keller"));
    assert_eq!(
        a.cue, b.cue,
        "both halves of a split quote carry the one cue"
    );
    assert_eq!(a.channel.as_deref(), Some("journalists"));
}

#[test]
fn a_question_quote_takes_its_speaker_from_the_short_sentence_after_it() {
    // The quotation's own "?" ends the sentence; "Keller asked." is only speaker and cue.
    let (doc, qs) = quotes("“Is that not a bribe?” Keller asked. “I think it is.”");
    let q = find(&doc, &qs, "Is that not");
    assert_eq!(
        q.cue.map(|c| doc.slice(c)),
        Some("asked"),
        "{:#?}",
        table(&doc, &qs)
    );
    assert_eq!(name(q), Some("Keller"));
    let next = find(&doc, &qs, "I think");
    assert_eq!(
        next.cue, q.cue,
        "the quotation after it continues the attribution"
    );
}

#[test]
fn quote_introduced_by_colon_and_by_comma() {
    let (doc, qs) = quotes(
        "Prime Minister Omar Saleh answered: “We are ready to talk.”\n\
         He went on to describe the mood in the capital, “People are tired of waiting.”",
    );
    let a = find(&doc, &qs, "We are ready");
    assert_eq!((a.kind, name(a)), (QuoteKind::Direct, Some("Omar Saleh")));
    let b = find(&doc, &qs, "People are tired");
    assert_eq!(b.kind, QuoteKind::Direct);
    assert_eq!(
        name(b),
        Some("Omar Saleh"),
        "“He” resolves to the previous speaker"
    );
}

#[test]
fn quote_spanning_paragraphs_news_style() {
    let text = "Mayor Ruth Adler spoke at length. “We rebuilt the bridge in a year.\n\n“Now we will rebuild the school,” Adler said.";
    let (doc, qs) = quotes(text);
    let q = find(&doc, &qs, "We rebuilt");
    assert!(doc.slice(q.span).ends_with("rebuild the school"));
    assert_eq!(name(q), Some("Ruth Adler"));
}

#[test]
fn standalone_quote_after_a_cue_sentence() {
    let (doc, qs) = quotes("Senator Paul Okafor continued:\n\n“This bill is a mistake.”");
    let q = find(&doc, &qs, "This bill");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(name(q), Some("Paul Okafor"));
    assert_eq!(doc.slice(q.cue.unwrap()), "continued");
}

#[test]
fn indirect_said_that_with_pronoun() {
    let (doc, qs) = quotes(
        "Finnish President Elsa Virtanen visited the border on Tuesday. She said that the fence would be finished by June.",
    );
    let q = find(&doc, &qs, "the fence");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(name(q), Some("Elsa Virtanen"));
    assert_eq!(doc.slice(q.span), "the fence would be finished by June");
}

#[test]
fn reported_speech_with_cue_after_content() {
    let (doc, qs) = quotes("The convoy reached the city before dawn, a senior aid official said.");
    let q = find(&doc, &qs, "The convoy");
    assert_eq!(q.kind, QuoteKind::Indirect);
    let sp = q.speaker.as_ref().expect("an unnamed source is a speaker");
    assert_eq!(doc.slice(sp.span), "a senior aid official");
    assert_eq!(sp.name, None, "an unnamed source has no name");
}

#[test]
fn according_to_before_and_after() {
    let (doc, qs) = quotes(
        "According to ministry spokesman Ivo Marek, the talks will resume next week. \
         The ceasefire held overnight, according to local officials.",
    );
    let a = find(&doc, &qs, "the talks");
    assert_eq!(name(a), Some("Ivo Marek"));
    assert_eq!(doc.slice(a.cue.unwrap()), "According to");
    let b = find(&doc, &qs, "The ceasefire");
    assert_eq!(b.kind, QuoteKind::Indirect);
    assert_eq!(
        b.speaker.as_ref().map(|s| doc.slice(s.span)),
        Some("local officials")
    );
}

#[test]
fn according_to_set_off_inside_or_opening_a_clause() {
    let (doc, qs) = quotes(
        "The bridge plan is too costly, according to Mayor Lina Varga, because it doubles the \
         budget. The vote was close: According to the council clerk, nine members backed it.",
    );
    let a = find(&doc, &qs, "The bridge plan");
    assert!(
        doc.slice(a.span).ends_with("doubles the budget"),
        "{}",
        doc.slice(a.span)
    );
    let b = find(&doc, &qs, "nine members");
    assert_eq!(doc.slice(b.cue.unwrap()), "According to");
    assert_eq!(
        b.speaker.as_ref().map(|s| doc.slice(s.span)),
        Some("the council clerk")
    );
}

#[test]
fn according_to_in_parentheses_or_after_a_copula() {
    let (doc, qs) = quotes(
        "The plant reopened in March. (According to the regional water board, the river is \
         clean again.) That's according to figures the board released on Monday.",
    );
    let a = find(&doc, &qs, "the river is clean");
    assert_eq!(doc.slice(a.cue.unwrap()), "According to");
    let b = find(&doc, &qs, "That");
    assert_eq!(doc.slice(b.cue.unwrap()), "according to");
    assert_eq!(doc.slice(b.span), "That");
}

#[test]
fn quoted_as_saying_gives_speaker_and_channel() {
    let (doc, qs) = quotes(
        "State television quoted Interior Minister Karim Nasser as saying the border would stay closed.",
    );
    let q = find(&doc, &qs, "the border");
    assert_eq!(name(q), Some("Karim Nasser"));
    assert_eq!(q.channel.as_deref(), Some("State television"));
}

#[test]
fn mixed_quote_inside_reported_speech() {
    let (doc, qs) = quotes(
        "Central bank governor Mira Holt spoke after the meeting, saying inflation was “finally under control.”",
    );
    let q = find(&doc, &qs, "inflation");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(name(q), Some("Mira Holt"));
    assert!(doc.slice(q.span).contains("“finally under control.”"));
}

#[test]
fn scare_quote_is_not_a_direct_quote() {
    let (doc, qs) = quotes("Observers called the vote “flawed” and left early.");
    assert!(
        qs.iter().all(|q| q.kind != QuoteKind::Direct),
        "a one-word scare quote is no direct quote: {:#?}",
        table(&doc, &qs)
    );
}

#[test]
fn described_as_with_post_on_platform() {
    let (doc, qs) = quotes(
        "Commission President Lena Strand described the summit as “productive” in a post on X.",
    );
    let q = find(&doc, &qs, "the summit");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(name(q), Some("Lena Strand"));
    assert_eq!(q.channel.as_deref(), Some("X"));
    assert!(
        !doc.slice(q.span).contains("post on X"),
        "the channel phrase is not content"
    );
}

#[test]
fn channels_on_via_told_and_statement() {
    let (doc, qs) = quotes(
        "Chancellor Jonas Berg wrote via Telegram that the sanctions would stay.\n\
         “We are not leaving,” Berg told TASS.\n\
         In a televised statement, Berg said that elections would be held in May.\n\
         Berg later told reporters that he was confident.",
    );
    assert_eq!(
        find(&doc, &qs, "the sanctions").channel.as_deref(),
        Some("Telegram")
    );
    assert_eq!(
        find(&doc, &qs, "We are not").channel.as_deref(),
        Some("TASS")
    );
    assert_eq!(
        find(&doc, &qs, "elections").channel.as_deref(),
        Some("statement")
    );
    assert_eq!(
        find(&doc, &qs, "he was confident").channel.as_deref(),
        Some("reporters")
    );
}

#[test]
fn told_a_person_is_not_a_channel() {
    let (doc, qs) = quotes("“We need more time,” Holm told Keller.");
    let q = find(&doc, &qs, "We need");
    assert_eq!(q.channel, None, "{:#?}", table(&doc, &qs));
}

#[test]
fn quote_without_a_speaker_keeps_none() {
    let (doc, qs) = quotes("The banner read simply.\n\n“No more war.”");
    if let Some(q) = qs.iter().find(|q| doc.slice(q.span).starts_with("No more")) {
        assert!(q.speaker.is_none(), "{:#?}", table(&doc, &qs));
    }
}

#[test]
fn pronoun_speaker_resolves_through_coreference_cluster() {
    // A hand-built document as the actors stage would leave it: an entity for "Mara Quist" in
    // cluster 0, and "He" (a pronoun mention of another cluster) — the cluster decides.
    let text = "Mara Quist met Tomas Ek on Friday. He argued that the deal was “dead on arrival.”";
    let mut doc = Doc::new("t", text);
    let he = text.find("He ").unwrap();
    let ek = text.find("Tomas Ek").unwrap();
    doc.entities = vec![
        Entity {
            span: Span::new(0, 10),
            kind: "PER".into(),
            actor: None,
            cluster: Some(0),
        },
        Entity {
            span: Span::new(ek, ek + 8),
            kind: "PER".into(),
            actor: None,
            cluster: Some(1),
        },
    ];
    doc.clusters = vec![
        Cluster {
            name: Some("Mara Quist".into()),
            actor: None,
            mentions: vec![Span::new(0, 10)],
        },
        Cluster {
            name: Some("Tomas Ek".into()),
            actor: None,
            mentions: vec![Span::new(ek, ek + 8), Span::new(he, he + 2)],
        },
    ];
    run(&mut doc);
    let qs = doc.quotes.clone();
    let q = find(&doc, &qs, "the deal");
    assert_eq!(q.kind, QuoteKind::Mixed);
    let sp = q.speaker.as_ref().unwrap();
    assert_eq!(
        (sp.name.as_deref(), sp.cluster),
        (Some("Tomas Ek"), Some(1))
    );
}

#[test]
fn pronoun_falls_back_to_first_person_entity_of_previous_sentence() {
    let text = "Mara Quist met Tomas Ek on Friday. She said the deal was dead.";
    let mut doc = Doc::new("t", text);
    let ek = text.find("Tomas Ek").unwrap();
    doc.entities = vec![
        Entity {
            span: Span::new(0, 10),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        },
        Entity {
            span: Span::new(ek, ek + 8),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        },
    ];
    run(&mut doc);
    let qs = doc.quotes.clone();
    assert_eq!(name(find(&doc, &qs, "the deal")), Some("Mara Quist"));
}

#[test]
fn appointment_headline_is_not_a_quote() {
    let (doc, qs) = quotes(
        "Marta Olsen Confirmed as Trade Minister, With Speaker Casting Deciding Vote\n\n\
         Marta Olsen was confirmed today to serve as trade minister.",
    );
    assert!(
        qs.iter()
            .all(|q| q.cue.map(|c| doc.slice(c).to_lowercase()) != Some("confirmed".into())),
        "a passive of appointment is no cue: {:#?}",
        table(&doc, &qs)
    );
    let (doc, qs) = quotes("It was reported that the minister had resigned.");
    let q = find(&doc, &qs, "the minister had");
    assert_eq!(doc.slice(q.cue.unwrap()), "reported");
}

#[test]
fn relative_pronoun_speaker_resolves_to_antecedent() {
    let (doc, qs) =
        quotes("Defence Minister Lars Holm, who visited the base on Monday, said the army was ready.\n\
                Opposition leader Henrik Dahl, who voted against the budget, argued that it was too small.");
    let q = find(&doc, &qs, "the army");
    assert_eq!(name(q), Some("Lars Holm"));
    let q = find(&doc, &qs, "it was too small");
    assert_eq!(name(q), Some("Henrik Dahl"));
    assert!(qs
        .iter()
        .all(|q| q.speaker.as_ref().is_none_or(|s| s.is_resolved())));
}

#[test]
fn document_at_sentence_start_is_a_source() {
    let (doc, qs) =
        quotes("In a new poll released on Monday, 40 percent of voters back the mayor.");
    let q = find(&doc, &qs, "40 percent");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(doc.slice(q.cue.unwrap()), "In");
    let sp = q.speaker.as_ref().expect("the poll is the source");
    assert!(doc.slice(sp.span).ends_with("poll"));
}

#[test]
fn quotes_are_sorted_and_on_char_boundaries() {
    let (doc, qs) = quotes(
        "“Ça va,” dit-il. Über-Minister Jürgen Weiß said that “Größe” matters, and “Öl” too.\n\nKeller said the talks had failed.",
    );
    let starts: Vec<usize> = qs.iter().map(|q| q.span.start).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    for q in &qs {
        let _ = doc.slice(q.span);
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) {
        let mut doc = Doc::new("p", text);
        run(&mut doc);
        for q in &doc.quotes {
            for s in [Some(q.span), q.cue, q.speaker.as_ref().map(|s| s.span)]
                .into_iter()
                .flatten()
            {
                assert!(s.start <= s.end && s.end <= text.len());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
        assert!(doc
            .quotes
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start));
    }

    #[test]
    fn a_cue_set_off_by_a_comma_that_ends_the_text_does_not_panic() {
        // Found by `quote_heavy_text_never_panics`: the content after the comma is empty.
        check("as saying  said , ");
        check("He said ,");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn random_text_never_panics(text in "\\PC{0,300}") {
            check(&text);
        }

        #[test]
        fn quote_heavy_text_never_panics(parts in prop::collection::vec(prop_oneof![
            Just("“"), Just("”"), Just("\""), Just("''"), Just("‘"), Just("’"), Just(" said "), Just(" He "),
            Just(", "), Just(". "), Just(":"), Just("\n\n"), Just("\n"), Just("according to "), Just("Trump"),
            Just(" told reporters "), Just("that "), Just("as saying "), Just("é"), Just("—"), Just("word "),
        ], 0..60)) {
            check(&parts.concat());
        }
    }
}
