//! Reading CoNLL-2003 files: one token per line (word first, gold tag last, columns separated by
//! spaces or tabs), blank lines between sentences, `-DOCSTART-` lines between documents.

/// One sentence of a CoNLL file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllSentence {
    /// Words (first column).
    pub words: Vec<String>,
    /// Gold tags as given (last column; `O` when the line has a single column).
    pub gold: Vec<String>,
}

/// One document (the sentences between two `-DOCSTART-` lines).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllDoc {
    /// Sentences in order.
    pub sentences: Vec<ConllSentence>,
}

/// Parses a CoNLL-2003 text into documents. Never fails: odd lines are read as best as possible.
pub fn parse(text: &str) -> Vec<ConllDoc> {
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut cur = ConllDoc::default();
    let mut sent = ConllSentence::default();
    let flush_sent = |sent: &mut ConllSentence, cur: &mut ConllDoc| {
        if !sent.words.is_empty() {
            cur.sentences.push(std::mem::take(sent));
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let mut cols = line.split([' ', '\t']).filter(|c| !c.is_empty());
        let Some(word) = cols.next() else {
            flush_sent(&mut sent, &mut cur);
            continue;
        };
        if word == "-DOCSTART-" {
            flush_sent(&mut sent, &mut cur);
            if !cur.sentences.is_empty() {
                docs.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let gold = cols.next_back().unwrap_or("O");
        sent.words.push(word.to_string());
        sent.gold.push(gold.to_string());
    }
    flush_sent(&mut sent, &mut cur);
    if !cur.sentences.is_empty() {
        docs.push(cur);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_sentences() {
        let text = "-DOCSTART- -X- -X- O\n\nMerkel NNP B-NP I-PER\nspoke VBD B-VP O\n\nBerlin NNP B-NP I-LOC\n\n\
                    -DOCSTART- -X- -X- O\n\nParis\tI-LOC\nalone\n";
        let docs = parse(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].words, ["Merkel", "spoke"]);
        assert_eq!(docs[0].sentences[0].gold, ["I-PER", "O"]);
        assert_eq!(docs[1].sentences[0].gold, ["I-LOC", "O"]);
        assert!(parse("").is_empty());
        assert!(parse("\n\n-DOCSTART-\n\n").is_empty());
    }
}
