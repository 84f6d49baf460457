//! Finds dictionary forms in a text with one Aho-Corasick automaton, built once per stage.
//!
//! Matching runs on a normalised copy of the text (lower case, plain quotes and dashes, collapsed
//! spaces) so it does not depend on the tokenizer; hits are mapped back to byte spans of the
//! original text, must start and end on word boundaries, and must respect the capitals of the form
//! as written ("Turkey" does not match "turkey"; "US" does not match "us").
//!
//! In a document without a case signal ([`Casing::Lower`] or [`Casing::Upper`], measured by the
//! `ner` stage) capitals say nothing, so [`Matcher::find_in`] matches case-insensitively, but a
//! form with capitals (a name) must then be safe without them: two or more words ("white
//! house"), or one word of at least four letters, or an acronym ("un", "nato") — and in every
//! one-word case not a word news writes in lower case (`data/actors/caseless-common.txt`, generated
//! by `scripts/build-caseless-common.py`: "us", "who", "aid", "rice", "young").

use crate::dict::{Dictionary, EntryKind, Form, Tier};
use aho_corasick::{AhoCorasick, MatchKind};
use dyad_doc::{Casing, Span};
use std::collections::{BTreeSet, HashSet};

/// Words news writes in lower case (one per line, `#` comments): one-word names spelt like them
/// are not matched in caseless documents.
const CASELESS_COMMON: &str = include_str!("../../../data/actors/caseless-common.txt");

/// Parses a list of lower-case words (one per line; `#` starts a comment line); bad lines are
/// skipped and reported as `name:line: message`.
pub fn parse_word_list(text: &str, name: &str) -> (BTreeSet<String>, Vec<String>) {
    let mut words = BTreeSet::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let w = line.trim();
        if w.is_empty() || w.starts_with('#') {
            continue;
        }
        if w.contains(char::is_whitespace) {
            errors.push(format!("{name}:{}: expected one word, got `{w}`", i + 1));
        } else if w.chars().any(char::is_uppercase) {
            errors.push(format!("{name}:{}: `{w}` is not in lower case", i + 1));
        } else {
            words.insert(w.to_string());
        }
    }
    (words, errors)
}

pub use crate::norm::normalize;

/// One dictionary form found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Byte span in the original text.
    pub span: Span,
    /// Index into [`Dictionary::entries`].
    pub entry: usize,
}

/// A fast non-cryptographic hash for the lookup sets (the Fx hash of rustc).
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// The 64-bit Fx hash of a normalised form: the lookup sets keep these instead of the strings,
/// which makes them several times quicker to build (start-up, issue 15). A colliding hash cannot
/// change what is found: a span the lookup reports is looked up in [`Dictionary::forms`], and a
/// form found there that belongs to the automaton is one the automaton reports at the same span
/// anyway (the duplicate hit is dropped with the overlapping ones).
fn form_hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    std::hash::Hasher::write(&mut h, s.as_bytes());
    h.0
}

/// Longest form (in words) looked up word by word instead of through the automaton.
const MAX_LOOKUP_WORDS: usize = 6;

/// The compiled matcher: an Aho-Corasick automaton over the curated and user forms (and generated
/// forms that are not capitalised names), and a word n-gram lookup for the generated names (tens
/// of thousands: a hash set is quick to build, where an automaton over them takes longer to compile
/// than the rest of the dictionary).
pub struct Matcher {
    ac: AhoCorasick,
    variants: Vec<Vec<Form>>,
    /// Words news writes in lower case: one-word names spelt like them are not matched in
    /// caseless documents (see [`caseless_ok`]).
    common: BTreeSet<String>,
    /// Generated-only forms of up to [`MAX_LOOKUP_WORDS`] words, found by [`Matcher::lookup`]
    /// (their [`form_hash`]es).
    lookup: HashSet<u64, FxBuild>,
    /// Every run of whole words that starts a form of `lookup` ("zorvan", "zorvan tekel"), hashed.
    prefixes: HashSet<u64, FxBuild>,
    /// Most words in a form of `lookup`.
    lookup_words: usize,
}

impl Matcher {
    /// Compiles every form of `dict`.
    pub fn new(dict: &Dictionary) -> Matcher {
        let mut keys: Vec<&String> = Vec::new();
        let mut variants = Vec::new();
        let mut lookup_keys: Vec<&str> = Vec::new();
        let mut lookup_words = 0;
        for (key, vs) in &dict.forms {
            let words = key.split(' ').count();
            let generated = vs
                .iter()
                .all(|v| dict.entry_tier(v.entry) == Tier::Generated);
            // Names written with a capital first letter: they can only start at a capital.
            let plain = key.starts_with(char::is_alphanumeric)
                && !key.contains('\n')
                && vs.iter().all(|v| v.written.starts_with(char::is_uppercase));
            if generated && plain && words <= MAX_LOOKUP_WORDS {
                lookup_words = lookup_words.max(words);
                lookup_keys.push(key);
            } else {
                keys.push(key);
                variants.push(vs.clone());
            }
        }
        // Sized up front: growing them rehashed every key several times.
        let mut lookup = HashSet::with_capacity_and_hasher(lookup_keys.len(), FxBuild::default());
        let mut prefixes =
            HashSet::with_capacity_and_hasher(lookup_keys.len() * 3 / 2, FxBuild::default());
        for key in lookup_keys {
            lookup.insert(form_hash(key));
            for (p, _) in key.match_indices(' ') {
                prefixes.insert(form_hash(&key[..p]));
            }
            prefixes.insert(form_hash(key));
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .expect("dictionary forms compile into an automaton");
        let (common, _) = parse_word_list(CASELESS_COMMON, "caseless-common.txt");
        Matcher {
            ac,
            variants,
            common,
            lookup,
            prefixes,
            lookup_words,
        }
    }

    /// Spans of `norm` that are forms of the lookup set: runs of 1–`lookup_words` words starting
    /// at a word's first letter when it is a capital in `text` and ending at a word's end or before a punctuation mark
    /// inside the last word ("Obama" in "Obama's", "Obama,").
    fn lookup(&self, norm: &str, text: &str, map: &[usize], caseless: bool) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if self.lookup.is_empty() {
            return out;
        }
        let bytes = norm.as_bytes();
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut start = None;
        for (i, c) in norm.char_indices() {
            if c == ' ' || c == '\n' {
                if let Some(s) = start.take() {
                    words.push((s, i));
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            words.push((s, norm.len()));
        }
        for (i, &(ws, we)) in words.iter().enumerate() {
            let Some(s) = norm[ws..we]
                .char_indices()
                .find(|(_, c)| c.is_alphanumeric())
                .map(|(p, _)| ws + p)
            else {
                continue;
            };
            if !caseless && !text[map[s]..].starts_with(char::is_uppercase) {
                continue;
            }
            for &(js, je) in &words[i..words.len().min(i + self.lookup_words)] {
                let from = if js == ws { s } else { js };
                // Ends before a punctuation mark inside the word ("obama" in "obama's").
                let word = &norm[from..je];
                if !word.chars().all(char::is_alphanumeric) {
                    for (p, c) in word.char_indices() {
                        let e = from + p;
                        if e > s
                            && !c.is_alphanumeric()
                            && self.lookup.contains(&form_hash(&norm[s..e]))
                        {
                            out.push((s, e));
                        }
                    }
                }
                if je <= s {
                    break;
                }
                let run = &norm[s..je];
                let h = form_hash(run);
                if self.lookup.contains(&h) {
                    out.push((s, je));
                }
                // Words are joined by one space in the forms; stop when no form goes on.
                if bytes.get(je) != Some(&b' ') || !self.prefixes.contains(&h) {
                    break;
                }
            }
        }
        out
    }

    /// All hits in `text`, leftmost-longest and non-overlapping, in text order, respecting the
    /// capitals of each form.
    pub fn find(&self, dict: &Dictionary, text: &str) -> Vec<Hit> {
        self.find_in(dict, text, Casing::Mixed)
    }

    /// [`Matcher::find`] for a document with the given casing: case-insensitive (with the guards
    /// of the module documentation) when the document has no case signal.
    pub fn find_in(&self, dict: &Dictionary, text: &str, casing: Casing) -> Vec<Hit> {
        let caseless = casing.is_caseless();
        let (norm, map) = normalize(text);
        let mut cands: Vec<Hit> = Vec::new();
        let mut consider = |s: usize, e: usize, variants: &[Form]| {
            let first = norm[s..].chars().next().unwrap_or(' ');
            let last = norm[..e].chars().next_back().unwrap_or(' ');
            if first.is_alphanumeric()
                && norm[..s]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                return;
            }
            if last.is_alphanumeric() && norm[e..].chars().next().is_some_and(char::is_alphanumeric)
            {
                return;
            }
            let (os, oe) = (map[s], map[e]);
            let orig = &text[os..oe];
            let mut best: Option<usize> = None;
            for v in variants {
                let ok = if caseless {
                    match caseless_ok(&v.written, &self.common) {
                        Caseless::Yes => true,
                        Caseless::BeforeAgent => agent_follows(dict, &norm[e..]),
                        Caseless::No => false,
                    }
                } else {
                    case_ok(&v.written, orig)
                };
                if ok {
                    let better = match best {
                        None => true,
                        Some(b) => rank(&dict.entries[v.entry].kind) < rank(&dict.entries[b].kind),
                    };
                    if better {
                        best = Some(v.entry);
                    }
                }
            }
            if let Some(entry) = best {
                cands.push(Hit {
                    span: Span::new(os, oe.max(os)),
                    entry,
                });
            }
        };
        for m in self.ac.find_overlapping_iter(&norm) {
            consider(m.start(), m.end(), &self.variants[m.pattern().as_usize()]);
        }
        for (s, e) in self.lookup(&norm, text, &map, caseless) {
            if let Some(vs) = dict.forms.get(&norm[s..e]) {
                consider(s, e, vs);
            }
        }
        cands.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
                .then(a.entry.cmp(&b.entry))
        });
        let mut out: Vec<Hit> = Vec::new();
        for h in cands {
            if out.last().is_some_and(|l| h.span.start < l.span.end) || h.span.is_empty() {
                continue;
            }
            out.push(h);
        }
        out
    }
}

/// Preference among meanings of one form.
fn rank(k: &EntryKind) -> u8 {
    match k {
        EntryKind::Person(_) => 0,
        EntryKind::Org { .. } => 1,
        EntryKind::CountryName => 2,
        EntryKind::Metonym { .. } => 3,
        EntryKind::RegionName => 4,
        EntryKind::CountryAdjective => 5,
        EntryKind::RegionAdjective => 6,
        EntryKind::Former => 7,
        EntryKind::Agent { .. } => 8,
    }
}

/// Whether a form is an acronym: at least two letters, all capitals ("NATO", "U.S.").
fn is_acronym(written: &str) -> bool {
    let mut n = 0;
    for c in written.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// Whether `orig` (the matched text) respects the capitals of `written`: every capital of the
/// form is a capital in the text, and an all-capital form (an acronym) matches only all capitals.
fn case_ok(written: &str, orig: &str) -> bool {
    let acronym = is_acronym(written);
    let mut o = orig.chars().filter(|c| !c.is_whitespace());
    for w in written.chars().filter(|c| !c.is_whitespace()) {
        let Some(c) = o.next() else { return true };
        if w.is_uppercase() && !c.is_uppercase() {
            return false;
        }
        if acronym && w.is_alphabetic() && !c.is_uppercase() {
            return false;
        }
    }
    true
}

/// Whether a form may match in a caseless document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caseless {
    /// Always.
    Yes,
    /// Only right before an agent noun: an acronym that is also a common word ("us troops",
    /// "who officials").
    BeforeAgent,
    /// Never.
    No,
}

/// Whether the (normalised) text starts, after spaces, with a dictionary agent noun ("troops",
/// "officials", "army").
fn agent_follows(dict: &Dictionary, rest: &str) -> bool {
    let rest = rest.trim_start_matches(' ');
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..end];
    let is_agent = |w: &str| {
        dict.forms.get(w).is_some_and(|vs| {
            vs.iter()
                .any(|v| matches!(dict.entries[v.entry].kind, EntryKind::Agent { .. }))
        })
    };
    !word.is_empty() && (is_agent(word) || word.strip_suffix('s').is_some_and(is_agent))
}

/// Whether a form may match without regard to case (in a caseless document): a form without
/// capitals always; a name when it has two or more words, or is one word of at least four letters
/// or an acronym, and is not a common lower-case word (such an acronym only before an agent noun).
fn caseless_ok(written: &str, common: &BTreeSet<String>) -> Caseless {
    if !written.chars().any(char::is_uppercase) || written.split_whitespace().count() >= 2 {
        return Caseless::Yes;
    }
    let acronym = is_acronym(written);
    if common.contains(written.to_lowercase().as_str()) {
        return if acronym {
            Caseless::BeforeAgent
        } else {
            Caseless::No
        };
    }
    let letters = written.chars().filter(|c| c.is_alphabetic()).count();
    if acronym || letters >= 4 {
        Caseless::Yes
    } else {
        Caseless::No
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caseless_guards() {
        let (common, errors) = parse_word_list(CASELESS_COMMON, "caseless-common.txt");
        assert!(errors.is_empty(), "{errors:?}");
        for w in ["us", "who", "aid", "it"] {
            assert!(common.contains(w), "{w} is a common lower-case word");
        }
        for yes in ["president", "White House", "Macron", "UN", "NATO", "U.S."] {
            assert_eq!(caseless_ok(yes, &common), Caseless::Yes, "{yes}");
        }
        assert_eq!(caseless_ok("US", &common), Caseless::BeforeAgent);
        assert_eq!(caseless_ok("WHO", &common), Caseless::BeforeAgent);
        assert_eq!(
            caseless_ok("Xi", &common),
            Caseless::No,
            "short names need capitals"
        );
        assert_eq!(caseless_ok("Rice", &common), Caseless::No, "a common word");
        let (_, errors) = parse_word_list("# c\nok\nTwo words\nBad\n", "t.txt");
        assert_eq!(
            errors,
            [
                "t.txt:3: expected one word, got `Two words`",
                "t.txt:4: `Bad` is not in lower case"
            ]
        );
    }

    #[test]
    fn normalisation_keeps_offsets() {
        let t = "Russia\u{2019}s  ÉLYSÉE";
        let (n, map) = normalize(t);
        assert_eq!(n, "russia's élysée");
        assert_eq!(map[n.find('é').unwrap()], t.find('É').unwrap());
        assert_eq!(*map.last().unwrap(), t.len());
    }

    #[test]
    fn capitals() {
        assert!(case_ok("Turkey", "Turkey"));
        assert!(case_ok("Turkey", "TURKEY"));
        assert!(!case_ok("Turkey", "turkey"));
        assert!(!case_ok("US", "us"));
        assert!(!case_ok("US", "Us"));
        assert!(case_ok("president", "President"));
        assert!(case_ok("Nato", "NATO"));
    }
}

#[cfg(test)]
mod lookup_tests {
    use super::*;
    use crate::dict::{FileKind, Source};

    #[test]
    fn generated_forms_are_found_word_by_word() {
        let src = |kind, name, text| Source { kind, name, text };
        let (d, diags) = Dictionary::from_tiered_sources(&[
            (
                Tier::Curated,
                src(FileKind::Agents, "agents.txt", "GOV | - | minister\n"),
            ),
            (
                Tier::Curated,
                src(
                    FileKind::Countries,
                    "countries.txt",
                    "KEN | Kenya | Kenyan | \n",
                ),
            ),
            (
                Tier::Generated,
                src(
                    FileKind::People,
                    "gen/people.txt",
                    "Zorvan Tekel | Z. Tekel | - | KEN | GOV | - | 2001 |\n",
                ),
            ),
        ]);
        assert!(diags.is_empty(), "{diags:?}");
        let m = Matcher::new(&d);
        assert!(
            m.lookup.contains(&form_hash("zorvan tekel")),
            "not in the automaton"
        );
        let found = |t: &str| -> Vec<String> {
            m.find(&d, t)
                .iter()
                .map(|h| t[h.span.start..h.span.end].to_string())
                .collect()
        };
        assert_eq!(
            found("Kenyan minister Zorvan Tekel's aide (Z. Tekel) spoke."),
            ["Kenyan", "minister", "Zorvan Tekel", "Z. Tekel"]
        );
        assert_eq!(found("ZORVAN  TEKEL, said"), ["ZORVAN  TEKEL"]);
        assert!(found("Zorvan Tekelson and zorvan tekel").is_empty());
    }
}
