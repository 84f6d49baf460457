//! The quote stage on parsed documents (segmenter, parser, NER and actors run first): the trained
//! cue model and the content rules that read the parse.

use dyad_doc::{Doc, Quote, QuoteKind, Stage};
use dyad_quotes::{cuemodel, CueModel, QuoteStage};

pub(crate) fn parsed(text: &str) -> Doc {
    let mut doc = Doc::new("t", text);
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(dyad_text::Segmenter),
        Box::new(dyad_syntax::SyntaxStage::new(None).expect("syntax model")),
        Box::new(dyad_ner::NerStage::from_model_dir(None).expect("ner model")),
        Box::new(dyad_actors::ActorStage::new()),
    ];
    for s in &stages {
        s.process(&mut doc).expect("upstream stage");
    }
    doc
}

/// A parsed document with its quotes found by the default stage.
fn quoted(text: &str) -> Doc {
    let mut doc = parsed(text);
    QuoteStage::default().process(&mut doc).unwrap();
    doc
}

/// The quote of `doc` whose content starts with `start`.
pub(crate) fn quote_at<'a>(doc: &'a Doc, start: &str) -> &'a Quote {
    doc.quotes
        .iter()
        .find(|q| doc.slice(q.span).starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting with {start:?}: {:?}", doc.quotes))
}

/// The first quote of `doc` whose cue is `cue`.
fn quote_with_cue<'a>(doc: &'a Doc, cue: &str) -> &'a Quote {
    doc.quotes
        .iter()
        .find(|q| q.cue.is_some_and(|c| doc.slice(c) == cue))
        .unwrap_or_else(|| panic!("no quote with the cue {cue:?}: {:?}", doc.quotes))
}

/// The cue model's probability for the first token whose text is `word`.
fn prob(doc: &Doc, word: &str) -> f32 {
    let m = CueModel::embedded();
    let feats = cuemodel::doc_features(doc);
    let i = doc
        .tokens
        .iter()
        .position(|t| doc.slice(t.span) == word)
        .expect("word in the text");
    feats[i].as_ref().map_or(0.0, |f| m.prob(f))
}

#[test]
fn streamed_scores_equal_the_scores_of_collected_features() {
    let doc = parsed(
        "The ministry said in a statement that talks would resume, and Kim Lee, who leads the \
         party, told reporters he was not expected to attend. Officials denied it.",
    );
    let m = CueModel::embedded();
    let feats = cuemodel::doc_features(&doc);
    let streamed = cuemodel::doc_probs(&doc, &m);
    assert_eq!(streamed.len(), feats.len());
    assert!(feats.iter().filter(|f| f.is_some()).count() >= 5);
    for (f, p) in feats.iter().zip(&streamed) {
        let want = f.as_ref().map_or(0.0, |f| m.prob(f));
        assert_eq!(want.to_bits(), p.to_bits());
    }
}

#[test]
fn word_classes_raise_rare_cue_words_the_model_has_no_weight_for() {
    // Neither lemma is in the model's vocabulary (features seen fewer than ten times in PolNeAR
    // train are dropped); their word clusters are those of frequent reporting verbs.
    let doc = parsed(
        "The senator lambasted the plan, and the governor bemoaned that the bill would fail.",
    );
    let m = CueModel::embedded();
    let feats = cuemodel::doc_features(&doc);
    for word in ["lambasted", "bemoaned"] {
        let i = doc
            .tokens
            .iter()
            .position(|t| doc.slice(t.span) == word)
            .expect("word in the text");
        let f = feats[i].as_ref().expect("a scored verb");
        let lemma = format!("l={}", doc.tokens[i].lemma);
        assert!(
            m.prob(&[lemma]) == m.prob(&[]),
            "{word}: lemma has a weight"
        );
        let without: Vec<String> = f.iter().filter(|x| !x.starts_with('k')).cloned().collect();
        let (with_p, without_p) = (m.prob(f), m.prob(&without));
        assert!(
            with_p > without_p + 0.1,
            "{word}: {with_p} with its word class, {without_p} without"
        );
    }
}

#[test]
fn cue_model_separates_attitudes_from_actions() {
    let doc = parsed(
        "Opposition leader Kim Lee fears that the election will be delayed. \
         The farmer planted corn in the northern field.",
    );
    let fears = prob(&doc, "fears");
    let planted = prob(&doc, "planted");
    assert!(fears > 0.5, "fears {fears}");
    assert!(planted < 0.1, "planted {planted}");
}

#[test]
fn coordinated_verb_inside_the_content_does_not_cut_it() {
    let doc = quoted(
        "Governor Ana Ruiz says she is proud of the campaign and expects to win the next vote.",
    );
    let q = quote_with_cue(&doc, "says");
    assert!(
        doc.slice(q.span).ends_with("expects to win the next vote"),
        "{}",
        doc.slice(q.span)
    );
}

#[test]
fn quotation_right_after_the_cue_runs_on_as_mixed_content() {
    let doc = quoted(
        "Senator Tom Reyes says “the budget is broken” because the committee ignored the deficit.",
    );
    let q = quote_with_cue(&doc, "says");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert!(
        doc.slice(q.span).ends_with("ignored the deficit"),
        "{}",
        doc.slice(q.span)
    );
}

#[test]
fn it_speaks_for_the_organisation_named_before() {
    let doc = quoted(
        "The European Commission published new fishing quotas on Monday. \
         It said the limits would protect cod stocks in the Baltic Sea.",
    );
    let q = quote_at(&doc, "the limits");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(doc.slice(sp.span), "It");
    assert!(sp.is_resolved(), "{sp:?}");
    assert!(
        sp.name.as_deref().is_some_and(|n| n.contains("Commission")),
        "{sp:?}"
    );
}

#[test]
fn direct_quotes_running_on_keep_the_speaker() {
    let doc = quoted(
        "“We will not give up the harbour,” Mayor Lena Brandt said at the rally. The crowd \
         cheered. Many waved flags.\n\n“The city has waited too long. The ships will come back.”",
    );
    let q = quote_at(&doc, "The city");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert!(
        sp.name.as_deref().is_some_and(|n| n.contains("Brandt")),
        "{sp:?}"
    );
}

#[test]
fn cue_set_off_by_commas_keeps_both_halves_of_the_content() {
    let doc = quoted("This harbour plan, the minister says, is far too expensive.");
    let q = quote_at(&doc, "This harbour plan");
    assert!(
        doc.slice(q.span).ends_with("far too expensive"),
        "{}",
        doc.slice(q.span)
    );
}

#[test]
fn determiner_that_opens_no_content_clause() {
    let doc = quoted("Mayor Lena Brandt rejected that idea at the council meeting.");
    quote_at(&doc, "that idea");
}

#[test]
fn the_title_refers_to_the_person_introduced_with_it() {
    let doc = quoted(
        "Finance Minister Carla Moreno met the bankers in Lisbon on Tuesday. \
         The talks lasted four hours. The minister said the budget would be balanced by 2027.",
    );
    let q = quote_at(&doc, "the budget");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(doc.slice(sp.span), "The minister");
    assert!(
        sp.name.as_deref().is_some_and(|n| n.contains("Moreno")),
        "{sp:?}"
    );
}

#[test]
fn clitic_after_an_apostrophe_typed_as_a_mark_is_no_speaker() {
    let doc = quoted("The players didn\"t know the plan. Fans didn\"t want the season to end.");
    for q in &doc.quotes {
        if let Some(sp) = &q.speaker {
            assert_ne!(doc.slice(sp.span), "t", "{:?}", doc.quotes);
        }
    }
}

#[test]
fn left_part_that_does_not_hang_on_the_cue_is_no_content() {
    // An adverbial phrase and an appositive subject before the cue are not what was said.
    let doc = quoted(
        "In a letter sent to the court on Monday, the agency said the inquiry was still open. \
         Paul Okafor, the veteran organiser who founded the league in 1990, has endorsed Mia Tan.",
    );
    for q in &doc.quotes {
        let c = doc.slice(q.span);
        assert!(
            !c.starts_with("In a letter") && !c.starts_with("Paul Okafor"),
            "{c:?} in {:?}",
            doc.quotes
        );
    }
    quote_at(&doc, "the inquiry was still open");
}

#[test]
fn quote_followed_by_a_name_and_a_model_cue_is_attributed() {
    // A quotation of a few words before a cue the lexicon does not list is mostly a fragment in
    // PolNeAR, and the attribution filter drops it; a sentence-long one stands.
    let doc = quoted(
        "“Leave the building now and take your signs and your friends with you,” Sheriff Dana \
         Wells barked at the protesters.",
    );
    let q = quote_at(&doc, "Leave the building now");
    assert_eq!(q.cue.map(|c| doc.slice(c)), Some("barked"), "{q:?}");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert!(doc.slice(sp.span).ends_with("Dana Wells"), "{sp:?}");
}

#[test]
fn the_title_reaches_a_name_introduced_further_back() {
    // The title stands five words before the name, and the name five sentences back.
    let doc = quoted(
        "The ambassador to the Republic of Chile Erik Halvorsen visited the port of Valparaiso on Monday. \
         The port handles most of the country's copper exports. \
         Trade between the two countries grew last year. \
         Salmon farms in the south employ thousands of workers. \
         Several new shipping lines opened in the spring. \
         The ambassador said the two governments would sign a fisheries agreement in May.",
    );
    let q = quote_at(&doc, "the two governments");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(doc.slice(sp.span), "The ambassador");
    assert!(
        sp.name.as_deref().is_some_and(|n| n.contains("Halvorsen")),
        "{sp:?}"
    );
}

#[test]
fn she_after_a_long_quotation_is_the_person_named_before_it() {
    let doc = quoted(
        "Dr. Helena Marsh runs the only clinic on the island. \
         \"We see more patients every winter. The ferry stops when the sea is rough. \
         Then nobody can reach the hospital on the mainland. We keep two beds free for that. \
         It is never enough,\" she said.",
    );
    let q = quote_at(&doc, "We see more patients");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(doc.slice(sp.span), "she");
    assert!(
        sp.name.as_deref().is_some_and(|n| n.contains("Marsh")),
        "{sp:?}"
    );
}

#[test]
fn a_speaker_phrase_keeps_its_prepositional_modifiers() {
    // The noun right before the cue ends the subject; it is not the subject itself.
    let doc = quoted(
        "Ghana's ambassador to the African Union said on Friday that the summit would go ahead. \
         The head of the World Bank mission to Malawi said that the loan was approved.",
    );
    let sp = quote_at(&doc, "the summit")
        .speaker
        .as_ref()
        .expect("a speaker");
    assert_eq!(
        doc.slice(sp.span),
        "Ghana's ambassador to the African Union"
    );
    assert_eq!(sp.actor.as_ref().map(|a| a.code.as_str()), Some("GHAGOV"));
    // Among the organisations and places of the phrase, the affiliation nearest the head.
    let sp = quote_at(&doc, "the loan")
        .speaker
        .as_ref()
        .expect("a speaker");
    assert_eq!(
        doc.slice(sp.span),
        "The head of the World Bank mission to Malawi"
    );
    assert!(
        sp.name.as_deref().is_some_and(|n| n.contains("World Bank")),
        "{sp:?}"
    );
}

#[test]
fn a_second_cue_coordinated_with_the_first_makes_its_own_attribution() {
    let doc = quoted(
        "The governor says she admires the mayor's energy but argues that the new tax will \
         drive families out of the province.",
    );
    let cues: Vec<&str> = doc
        .quotes
        .iter()
        .filter_map(|q| q.cue.map(|c| doc.slice(c)))
        .collect();
    assert!(cues.contains(&"says"), "{cues:?}");
    let q = quote_at(&doc, "the new tax");
    assert_eq!(q.cue.map(|c| doc.slice(c)), Some("argues"));
    assert!(doc.slice(q.span).ends_with("province"));
}

#[test]
fn the_attribution_filter_keeps_plain_reported_speech_and_scores_features() {
    let doc = quoted(
        "The foreign minister said on Tuesday that the border crossing would reopen next week. \
         The old bridge was painted blue last summer.",
    );
    let q = quote_at(&doc, "the border crossing");
    assert_eq!(q.cue.map(|c| doc.slice(c)), Some("said"));
    // Every candidate with a cue carries the filter's features; the kept ones pass it.
    let stage = QuoteStage::default();
    let cands = stage.finder().candidates(&doc);
    let filter = dyad_quotes::AttrFilter::embedded();
    assert!(!filter.is_empty(), "the embedded filter has weights");
    for (q, f) in &cands {
        let f = f.as_ref().expect("a candidate with a cue has features");
        assert!(q.cue.is_some());
        assert!(f.iter().any(|x| x.starts_with("l=")));
    }
    let kept = cands
        .iter()
        .filter(|(_, f)| filter.keeps(f.as_ref().unwrap()))
        .count();
    assert_eq!(kept, doc.quotes.len());
}

#[test]
fn a_long_appositive_between_a_quotation_and_its_cue_keeps_the_attribution() {
    let doc = quoted(
        "“We will not sign an agreement that leaves our farmers without a market,” Marta \
         Olsen, the agriculture minister of the northern coalition, said on Friday.",
    );
    let q = quote_at(&doc, "We will not sign");
    assert_eq!(q.cue.map(|c| doc.slice(c)), Some("said"), "{q:?}");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert!(doc.slice(sp.span).contains("Olsen"), "{sp:?}");
}

#[test]
fn place_and_time_after_a_trailing_cue_are_not_the_content() {
    let doc = quoted(
        "The two activists were freed on bail, their lawyers said in Kisumu late on Tuesday.",
    );
    let q = quote_with_cue(&doc, "said");
    let content = doc.slice(q.span);
    assert!(
        content.starts_with("The two activists were freed"),
        "content {content:?}"
    );
    assert!(!content.contains("Kisumu"), "content {content:?}");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(doc.slice(sp.span), "their lawyers");
}

#[test]
fn a_cue_inside_another_content_makes_its_own_attribution() {
    let doc = quoted(
        "Opposition leaders said the minister ignored the budget office, which the auditors \
         said would cost the state billions over ten years.",
    );
    let cues: Vec<&str> = doc
        .quotes
        .iter()
        .filter_map(|q| q.cue.map(|c| doc.slice(c)))
        .collect();
    let inner = doc
        .quotes
        .iter()
        .find(|q| {
            q.cue.is_some_and(|c| doc.slice(c) == "said")
                && q.speaker
                    .as_ref()
                    .is_some_and(|s| doc.slice(s.span).contains("auditors"))
        })
        .unwrap_or_else(|| panic!("no quote of the auditors; cues {cues:?}: {:?}", doc.quotes));
    assert!(doc.slice(inner.span).contains("would cost"));
}

#[test]
fn a_passive_of_appointment_is_still_no_cue() {
    let doc = quoted("Maria Olsen was named as the new ambassador to Norway on Monday.");
    assert!(
        doc.quotes
            .iter()
            .all(|q| q.cue.is_none_or(|c| doc.slice(c) != "named")),
        "{:?}",
        doc.quotes
    );
}

#[test]
fn an_as_clause_reports_the_clause_it_is_set_off_from() {
    // Opening the sentence: the clause after the comma, not the cue's adjuncts.
    let doc = quoted(
        "As the city newspaper reported on Monday, the mayor plans to close three libraries \
         before the winter.",
    );
    let q = quote_with_cue(&doc, "reported");
    let content = doc.slice(q.span);
    assert!(
        content.starts_with("the mayor plans to close"),
        "content {content:?}"
    );
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(doc.slice(sp.span), "the city newspaper");
    // Closing the sentence: the clause before the comma.
    let doc =
        quoted("The old bridge will stay closed until March, as the engineers noted in a letter.");
    let q = quote_with_cue(&doc, "noted");
    let content = doc.slice(q.span);
    assert!(
        content.starts_with("The old bridge will stay closed"),
        "content {content:?}"
    );
    assert!(!content.contains("letter"), "content {content:?}");
}

#[test]
fn a_second_said_coordinated_after_a_content_starts_its_own_attribution() {
    let doc = quoted(
        "The governor said the harbour works went far over budget and said the new ferry \
         tax would pay for the repairs.",
    );
    let said: Vec<&str> = doc
        .quotes
        .iter()
        .filter(|q| q.cue.is_some_and(|c| doc.slice(c) == "said"))
        .map(|q| doc.slice(q.span))
        .collect();
    assert_eq!(said.len(), 2, "quotes {said:?}");
    assert!(
        said[0].starts_with("the harbour works") && !said[0].contains("ferry"),
        "first content {:?}",
        said[0]
    );
    assert!(
        said[1].starts_with("the new ferry tax"),
        "second content {:?}",
        said[1]
    );
}

#[test]
fn a_quotation_running_on_after_a_participle_keeps_the_quotations_cue() {
    let doc = quoted(
        "“The river has never been this low,” Dana Whitfield said, pointing to the dry banks. \
         “We will have to ration water before August.”",
    );
    assert_runs_on(
        &doc,
        "The river has never",
        "We will have to ration",
        "said",
    );
}

/// The quotation starting with `second` continues the one starting with `first`: both have the
/// cue `cue`.
fn assert_runs_on(doc: &Doc, first: &str, second: &str, cue: &str) {
    let a = quote_at(doc, first);
    let b = quote_at(doc, second);
    assert_eq!(a.cue, b.cue, "quotes {:?}", doc.quotes);
    assert_eq!(doc.slice(b.cue.expect("a cue")), cue);
}

#[test]
fn a_question_quotation_takes_a_speaker_sentence_with_adjuncts_after_it() {
    let doc = quoted(
        "“Why should farmers pay twice for the same water?” Whitfield asked at a meeting in the \
         valley on Tuesday, when the council had not yet voted.",
    );
    assert_cue_and_speaker(&doc, "Why should farmers pay", "asked", "Whitfield");
}

/// The quote starting with `start` has the cue `cue` and the speaker mention `speaker`.
fn assert_cue_and_speaker(doc: &Doc, start: &str, cue: &str, speaker: &str) {
    let q = quote_at(doc, start);
    assert_eq!(
        doc.slice(q.cue.expect("a cue")),
        cue,
        "quotes {:?}",
        doc.quotes
    );
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(doc.slice(sp.span), speaker);
}

#[test]
fn a_quotation_running_on_after_a_relative_clause_on_its_speaker_keeps_the_quotations_cue() {
    let doc = quoted(
        "“The harbour will not be ready before winter,” said Marta Ilves, an engineer who \
         warned the council in May. “Nobody has ordered the cranes yet.”",
    );
    assert_runs_on(&doc, "The harbour will not", "Nobody has ordered", "said");
}

#[test]
fn a_headline_source_that_is_a_document_or_an_organisation_takes_the_colon_as_cue() {
    let doc = quoted(
        "Poll: farmers in the valley back the new water tax.\n\nThe survey of 800 farmers was \
         taken last week.",
    );
    assert_cue_and_speaker(&doc, "farmers in the valley back", ":", "Poll");
}

#[test]
fn a_clause_the_cue_governs_after_it_is_the_content_however_long_the_part_before() {
    let doc = quoted(
        "After the mayor gave a long answer about the ferry schedule, she said he had her vote. \
         Pavel Dunn, wearing a cap covered in campaign pins, said he is proud of the volunteers.",
    );
    assert_cue_and_speaker(&doc, "he had her vote", "said", "she");
    assert_cue_and_speaker(&doc, "he is proud of the volunteers", "said", "Pavel Dunn");
}

#[test]
fn a_content_ends_at_the_conjunction_before_a_cue_another_quote_used() {
    let doc = quoted(
        "In an interview last year, Imre Tass said he welcomed the court's ruling and added, \
         “We will not appeal.”",
    );
    assert_cue_and_speaker(&doc, "he welcomed the court", "said", "Imre Tass");
    let q = quote_at(&doc, "he welcomed the court");
    assert_eq!(doc.slice(q.span), "he welcomed the court's ruling");
}

#[test]
fn a_speech_verb_with_a_relative_subject_inside_another_content_is_its_own_attribution() {
    let doc = quoted(
        "The council offered new arguments to farmers who say the water tax is unfair to small \
         growers.",
    );
    assert_cue_and_speaker(&doc, "the water tax is unfair", "say", "who");
}

#[test]
fn a_present_tense_verb_of_a_title_case_headline_is_a_cue() {
    let doc = quoted(
        "Senator Mara Voss Endorses Governor Lind For Second Term.\n\nThe senator spoke on \
         Tuesday.",
    );
    assert_cue_and_speaker(
        &doc,
        "Governor Lind For Second Term",
        "Endorses",
        "Senator Mara Voss",
    );
}

#[test]
fn a_document_speaks_for_its_issuer_named_after_a_participle_or_as_the_subject_publishing_it() {
    // The issuer after a participle and a date, past a description ("the campaign group").
    let doc = quoted(
        "Air pollution rose again last year, according to a report published on Monday by the \
         campaign group Greenpeace.",
    );
    let q = quote_at(&doc, "Air pollution");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(sp.name.as_deref(), Some("Greenpeace"), "{sp:?}");
    // The subject of the verb that published it.
    let doc = quoted(
        "Last week the World Health Organization published a study. The study found that the \
         bridge was unsafe.",
    );
    let q = quote_at(&doc, "the bridge");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert!(
        sp.name
            .as_deref()
            .is_some_and(|n| n.contains("World Health Organization")),
        "{sp:?}"
    );
    // Whoever orders a study does not write it, and a study published further back, before
    // that one was introduced, is another study.
    let doc = quoted(
        "Last week the World Health Organization published a study on sleep. The minister Anna \
         Lind commissioned a study. The study found that the bridge was unsafe.",
    );
    let q = quote_at(&doc, "the bridge");
    assert!(
        !q.speaker.as_ref().is_some_and(|s| s.is_resolved()),
        "{q:?}"
    );
}

#[test]
fn a_document_speaks_for_whoever_said_something_in_it() {
    // "X said in a statement …", then "the statement said": the statement is X's.
    let doc = quoted(
        "The Norwegian Fisheries Agency said in a statement on Tuesday that quotas would fall. \
         The statement said that talks would resume in April.",
    );
    let q = quote_at(&doc, "talks would resume");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert!(
        sp.is_resolved()
            && sp
                .actor
                .as_ref()
                .is_some_and(|a| a.country.as_deref() == Some("NOR")),
        "{sp:?}"
    );
    // An indefinite phrase is another document than the one said in before.
    let doc = quoted(
        "The Norwegian Fisheries Agency said in a statement on Tuesday that quotas would fall. \
         A statement said that talks would resume in April.",
    );
    let q = quote_at(&doc, "talks would resume");
    assert!(
        !q.speaker.as_ref().is_some_and(|s| s.is_resolved()),
        "{q:?}"
    );
    // A document the speaker only spoke about ("in response to a report") is not theirs.
    let doc = quoted(
        "The Norwegian Fisheries Agency said it would act in response to a report. The report \
         said that stocks were falling.",
    );
    let q = quote_at(&doc, "stocks were falling");
    assert!(
        !q.speaker.as_ref().is_some_and(|s| s.is_resolved()),
        "{q:?}"
    );
}

#[test]
fn a_cue_inside_a_quotation_run_into_the_next_makes_no_quote_of_a_word_of_it() {
    // Paragraph breaks lost: the first quotation paragraph is left open and runs into the next.
    let doc = quoted(
        "Mayor Lena Brandt spoke at the harbour on Monday. \"The ships have gone. It seems that \
         nobody wants the old quay any more. They think it is finished. \"We will rebuild it \
         anyway,\" Brandt said.",
    );
    for q in &doc.quotes {
        let sp = q.speaker.as_ref().map(|s| doc.slice(s.span).to_lowercase());
        assert!(
            !matches!(sp.as_deref(), Some("it" | "they" | "nobody" | "that")),
            "a word of the quotation as speaker: {:?}",
            doc.quotes
        );
    }
    // A named person's report inside the quotation still stands, and the writer's attribution
    // after a quotation whose closing mark was lost too.
    let doc = quoted(
        "\"The talks failed. Minister Paul Oder told me that the port would close. \"It is sad,\" \
         Brandt said. \"We lost the vote, the 40-year-old mayor said. \"We go on.\"",
    );
    for (content, speaker) in [("the port would close", "Oder"), ("We go on", "mayor")] {
        let q = quote_at(&doc, content);
        assert!(
            q.speaker
                .as_ref()
                .is_some_and(|s| doc.slice(s.span).contains(speaker)),
            "{content}: {:?}",
            doc.quotes
        );
    }
}

#[test]
fn participial_adjunct_cues_report_for_the_clause_subject() {
    // "before adding that …": the adjunct's cue makes its own attribution, the speaker is the
    // subject of the clause, and the first content ends before the adjunct.
    let doc = quoted(
        "Mayor Karin Holt praised the new stadium deal on Friday before adding that the city \
         would need many more buses.",
    );
    let q = quote_with_cue(&doc, "adding");
    assert_eq!(doc.slice(q.span), "the city would need many more buses");
    assert!(
        q.speaker
            .as_ref()
            .is_some_and(|s| doc.slice(s.span).contains("Holt")),
        "{:?}",
        doc.quotes
    );
    for other in doc.quotes.iter().filter(|o| o.cue != q.cue) {
        assert!(
            !doc.slice(other.span).contains("adding"),
            "{:?}",
            doc.quotes
        );
    }
    // "After warning that …, X …": the speaker is the main clause's subject after the adjunct.
    let doc = quoted(
        "After warning that the river could flood the lower town, Paulo Dias closed the old \
         bridge.",
    );
    let q = quote_with_cue(&doc, "warning");
    assert!(
        doc.slice(q.span).starts_with("the river could flood"),
        "{}",
        doc.slice(q.span)
    );
    assert!(
        q.speaker
            .as_ref()
            .is_some_and(|s| doc.slice(s.span).contains("Dias")),
        "{:?}",
        doc.quotes
    );
}

#[test]
fn she_after_a_long_quotation_is_the_person_introduced_before_it() {
    // Six quoted sentences stand between the person and "she says"; they do not count
    // against the distance "she" looks back over.
    let doc = quoted(
        "Maria Lopez is the head of nursing at a hospital in Leeds. She runs the night shift. \
         \"It has been hard. We have had no rest. Nobody has had a break. The wards are full. \
         Every bed is taken. The staff are tired.\" A former midwife, she says the team has \
         coped well.",
    );
    let q = quote_at(&doc, "the team has coped");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(sp.name.as_deref(), Some("Maria Lopez"), "{sp:?}");
}

#[test]
fn an_honorific_and_a_surname_name_a_person_even_when_the_surname_is_a_month() {
    let doc = quoted("Mrs May said on Tuesday that the talks with Brussels would go on.");
    let q = quote_at(&doc, "the talks with Brussels");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert!(sp.is_resolved(), "{sp:?}");
    assert!(
        sp.name.as_deref().is_some_and(|n| n.ends_with("May")),
        "{sp:?}"
    );
}

#[test]
fn action_verb_with_a_plain_object_is_no_attribution() {
    for text in [
        "Police raided the office on Monday.",
        "The governor signed the budget bill on Friday.",
    ] {
        let doc = quoted(text);
        assert!(doc.quotes.is_empty(), "{text}: {:?}", doc.quotes);
    }
}

#[test]
fn content_clauses_still_count_after_lexicon_and_frame_cues() {
    let doc = quoted("The minister denied that the army had fired.");
    assert_eq!(
        doc.slice(quote_with_cue(&doc, "denied").span),
        "the army had fired"
    );
    let doc = quoted("The mayor hinted that taxes would rise.");
    assert_eq!(
        doc.slice(quote_with_cue(&doc, "hinted").span),
        "taxes would rise"
    );
    let doc = quoted("The committee discussed whether the vote should wait.");
    let q = quote_with_cue(&doc, "discussed");
    assert_eq!(doc.slice(q.span), "whether the vote should wait");
    assert_eq!(q.kind, QuoteKind::Indirect);
}
