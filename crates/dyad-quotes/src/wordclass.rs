//! Distributional word classes for the cue model: the word clusters of the NER model
//! (`data/models/ner/clusters.txt`, computed from raw news text; docs/models.md, NER), so that a
//! cue word seen rarely or never in training ("lambasted", "bemoaned") shares weights with the
//! frequent words that occur in the same contexts ("criticized", "complained").

use once_cell::sync::Lazy;

/// The embedded cluster table, parsed once (about 50,000 word forms).
static CLUSTERS: Lazy<dyad_ner::clusters::Clusters> = Lazy::new(|| {
    dyad_ner::clusters::Clusters::parse(dyad_ner::EMBEDDED_CLUSTERS)
        .expect("embedded cluster table is valid (checked by dyad-ner's tests)")
});

/// Cluster ids of a lower-cased word form at three granularities (coarse, middle, fine), or
/// `None` for a word outside the table.
pub(crate) fn of(word: &str) -> Option<[u16; 3]> {
    CLUSTERS.get(word)
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
