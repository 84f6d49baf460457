//! The document's case signal: whether capitals in its text carry information (ordinary prose)
//! or not (text lower-cased or upper-cased as a whole, as in scraped archives and wire headlines).
//!
//! Set once per document by the `ner` stage ([`Doc::casing`](crate::Doc::casing)); later stages
//! read it to decide whether a capital letter means "name". [`Casing::Mixed`], the default, keeps
//! every stage's ordinary case-aware behaviour.

/// How a document uses capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash)]
pub enum Casing {
    /// Ordinary text: names are capitalised (also the default when nothing was measured).
    #[default]
    Mixed,
    /// No capitals away from sentence starts: names are not marked by case.
    Lower,
    /// (Almost) every word is written in capitals.
    Upper,
}

/// Documents with fewer words than this are always [`Casing::Mixed`]: too little evidence.
const MIN_WORDS: usize = 6;

impl Casing {
    /// Whether capitals carry no information in this document (lower- or upper-cased text).
    pub fn is_caseless(self) -> bool {
        self != Casing::Mixed
    }

    /// Measures the case signal of a document given its words in order, each with whether it
    /// starts a sentence. Only words with at least two letters count.
    ///
    /// - [`Casing::Upper`]: at least 90% of the words have no lower-case letter;
    /// - [`Casing::Lower`]: fewer than 1 in 100 of the sentence-internal words start with a
    ///   capital (news prose has 10–20%; real articles without names 0–3%);
    /// - otherwise [`Casing::Mixed`], also when there are fewer than six counted words.
    pub fn of_words<'a>(words: impl IntoIterator<Item = (&'a str, bool)>) -> Casing {
        let (mut n, mut upper, mut internal, mut cap_internal) = (0usize, 0usize, 0usize, 0usize);
        for (w, initial) in words {
            let mut letters = 0;
            let mut has_lower = false;
            let mut first_upper = None;
            for c in w.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                has_lower |= c.is_lowercase();
                first_upper.get_or_insert(c.is_uppercase());
            }
            if letters < 2 {
                continue;
            }
            n += 1;
            if !has_lower {
                upper += 1;
            }
            if !initial {
                internal += 1;
                if first_upper == Some(true) {
                    cap_internal += 1;
                }
            }
        }
        if n < MIN_WORDS {
            Casing::Mixed
        } else if upper * 10 >= n * 9 {
            Casing::Upper
        } else if internal >= MIN_WORDS && cap_internal * 100 < internal {
            Casing::Lower
        } else {
            Casing::Mixed
        }
    }

    /// [`Casing::of_words`] over sentences of words (the first word of each starts a sentence).
    pub fn of_sentences<S: AsRef<str>>(sentences: &[Vec<S>]) -> Casing {
        Casing::of_words(
            sentences
                .iter()
                .flat_map(|s| s.iter().enumerate().map(|(i, w)| (w.as_ref(), i == 0))),
        )
    }

    /// [`Casing::of_words`] over raw text split at white space; a word starts a sentence at the
    /// start of the text or of a line, or after a word ending in `.`, `!`, `?` or `:` (closing
    /// quotes and brackets ignored).
    pub fn of_text(text: &str) -> Casing {
        let mut words = Vec::new();
        for line in text.lines() {
            let mut initial = true;
            for w in line.split_whitespace() {
                let core = w.trim_start_matches(|c: char| !c.is_alphanumeric());
                words.push((core, initial));
                let end = w.trim_end_matches(['"', '\'', ')', ']', '\u{201D}', '\u{2019}']);
                initial = end.ends_with(['.', '!', '?', ':']);
            }
        }
        Casing::of_words(words)
    }

    /// The casing of a segmented document (its sentences' tokens), or of its raw text when it has
    /// no sentences yet.
    pub fn of_doc(doc: &crate::Doc) -> Casing {
        if doc.sentences.is_empty() {
            return Casing::of_text(&doc.text);
        }
        let n = doc.tokens.len();
        Casing::of_words(doc.sentences.iter().flat_map(|s| {
            (s.tokens.start.min(n)..s.tokens.end.min(n)).map(move |t| {
                let sp = doc.tokens[t].span;
                (
                    doc.text.get(sp.start..sp.end).unwrap_or(""),
                    t == s.tokens.start,
                )
            })
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASED: &str = "President Emmanuel Macron of France met German Chancellor Olaf Scholz \
                         in Berlin on Monday. They talked about trade and the war in Ukraine.";

    #[test]
    fn cased_lower_and_upper_text() {
        assert_eq!(Casing::of_text(CASED), Casing::Mixed);
        assert_eq!(Casing::of_text(&CASED.to_lowercase()), Casing::Lower);
        assert_eq!(Casing::of_text(&CASED.to_uppercase()), Casing::Upper);
        // Sentence case (only sentence starts capitalised) carries no signal for names.
        let sentence_case = "The president met the chancellor in berlin on monday. They talked \
                             about trade and the war in ukraine.";
        assert_eq!(Casing::of_text(sentence_case), Casing::Lower);
        assert!(Casing::Lower.is_caseless() && Casing::Upper.is_caseless());
        assert!(!Casing::Mixed.is_caseless());
    }

    #[test]
    fn headlines_and_short_texts_keep_the_default() {
        // An all-caps headline over a cased body is ordinary text.
        let with_headline = format!("MACRON MEETS SCHOLZ IN BERLIN\n{CASED}");
        assert_eq!(Casing::of_text(&with_headline), Casing::Mixed);
        // Too few words to judge.
        assert_eq!(Casing::of_text("talks in berlin"), Casing::Mixed);
        assert_eq!(Casing::of_text(""), Casing::Mixed);
        // A lone capitalised "I" does not make lower-case text cased.
        let t = "i think the minister and the general met in kabul on tuesday, said i.";
        assert_eq!(Casing::of_text(t), Casing::Lower);
    }

    #[test]
    fn sentences_of_words() {
        let s = vec![
            vec!["macron", "met", "scholz", "in", "berlin", "."],
            vec!["they", "talked", "about", "trade", "."],
        ];
        assert_eq!(Casing::of_sentences(&s), Casing::Lower);
        let s = vec![vec![
            "Macron", "met", "Scholz", "in", "Berlin", "on", "Monday",
        ]];
        assert_eq!(Casing::of_sentences(&s), Casing::Mixed);
    }
}
