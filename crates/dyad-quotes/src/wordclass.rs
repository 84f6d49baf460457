//! Distributional word classes for the cue model: the word clusters of the NER model
//! (`data/models/ner/clusters.txt`, computed from raw news text; docs/models.md, NER), so that a
//! cue word seen rarely or never in training ("lambasted", "bemoaned") shares weights with the
//! frequent words that occur in the same contexts ("criticized", "complained"). The table is the
//! NER stage's own ([`dyad_ner::embedded_clusters`]), not parsed a second time.

/// Cluster ids of a lower-cased word form at three granularities (coarse, middle, fine), or
/// `None` for a word outside the table.
pub(crate) fn of(word: &str) -> Option<[u16; 3]> {
    dyad_ner::embedded_clusters().get(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_words_have_classes_and_nonsense_has_none() {
        assert!(of("said").is_some());
        assert!(of("qzxvbnw").is_none());
    }
}
