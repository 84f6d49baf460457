//! The quote lexicon: reporting verbs (`data/quotes/cues.txt`) and closed word lists
//! (`data/quotes/words.txt`), parsed and validated once, with errors naming file and line.
//!
//! Knowledge lives in these human-editable files so that adding a cue verb or a channel noun needs
//! no code change; the defaults are embedded in the binary.

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Embedded default cue file.
pub const DEFAULT_CUES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/quotes/cues.txt"
));
/// Embedded cue frames (lemma, POS, parse frame), counted by `scripts/quote-cue-frames.py`.
pub const DEFAULT_FRAMES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/quotes/frames.tsv"
));
/// Embedded default word lists.
pub const DEFAULT_WORDS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/quotes/words.txt"
));

/// A lexicon file could not be parsed.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    /// File name as given to the loader.
    pub file: String,
    /// One-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Semantic class of a cue verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Spoken statement ("said").
    Speech,
    /// Written or posted statement ("wrote", "tweeted").
    Write,
    /// Findings of polls, studies and outlets ("shows", "reported").
    Report,
    /// Reported belief or expectation ("believes").
    Belief,
    /// Reported stance towards someone ("urged", "accused").
    Stance,
}

/// One inflected form of a cue verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Base form.
    pub lemma: String,
    /// Class of the verb.
    pub class: CueClass,
    /// Ambiguous form: needs "that", ":" or a quote mark after it when there is no parse.
    pub needs_that: bool,
    /// Takes an addressee object before the content.
    pub takes_object: bool,
    /// "describe X as Y".
    pub takes_as: bool,
}

impl Cue {
    /// Whether the form is a present participle ("saying"), which attaches to a main clause.
    pub fn is_participle(form: &str) -> bool {
        form.ends_with("ing")
    }
}

/// Cue frames: lemma → (UPOS, frame, share of occurrences that were cues).
type Frames = HashMap<String, Vec<(String, String, f32)>>;

/// All the lexicon files, parsed.
#[derive(Debug, Clone)]
pub struct Lexicon {
    cues: BTreeMap<String, Cue>,
    sections: BTreeMap<String, BTreeSet<String>>,
    /// lemma → (upos, frame, share of occurrences that were cues). Keyed by lemma alone so that
    /// a lookup (once per token of the quote stage) borrows its key instead of building three
    /// strings; a lemma has only a few (upos, frame) entries.
    frames: Frames,
}

const SECTIONS: &[&str] = &[
    "titles",
    "sources",
    "pronouns",
    "addressees",
    "platforms",
    "adverbs",
    "nonnames",
    "documents",
    "acts",
];

impl Lexicon {
    /// The embedded default lexicon.
    pub fn embedded() -> Lexicon {
        Lexicon::parse(
            DEFAULT_CUES,
            "data/quotes/cues.txt",
            DEFAULT_WORDS,
            "data/quotes/words.txt",
        )
        .expect("embedded quote lexicon is valid (checked by tests)")
        .with_frames(DEFAULT_FRAMES, "data/quotes/frames.tsv")
        .expect("embedded cue frames are valid (checked by tests)")
    }

    /// Add cue frames from a `frames.tsv` text (`LEMMA UPOS FRAME SHARE COUNT` per line).
    pub fn with_frames(mut self, text: &str, name: &str) -> Result<Lexicon, LexiconError> {
        self.frames = parse_frames(text, name)?;
        Ok(self)
    }

    /// The cue share of a parsed token: its lemma (lower case), UPOS tag and frame (`ccomp`,
    /// `xcomp`, `obj`, `acl` or `none`), when listed in the frames file.
    pub fn frame_share(&self, lemma: &str, upos: &str, frame: &str) -> Option<f32> {
        self.frames
            .get(lemma)?
            .iter()
            .find(|(u, f, _)| u == upos && f == frame)
            .map(|&(_, _, share)| share)
    }

    /// Parse a cue file and a word-list file; `*_name` is used in error messages.
    pub fn parse(
        cues: &str,
        cues_name: &str,
        words: &str,
        words_name: &str,
    ) -> Result<Lexicon, LexiconError> {
        Ok(Lexicon {
            cues: parse_cues(cues, cues_name)?,
            sections: parse_words(words, words_name)?,
            frames: HashMap::new(),
        })
    }

    /// The cue entry for a lower-case token, if it is a cue form.
    pub fn cue(&self, lower: &str) -> Option<&Cue> {
        self.cues.get(lower)
    }

    /// Whether `lower` (lower case) is listed in `section`.
    pub fn is(&self, section: &str, lower: &str) -> bool {
        self.sections
            .get(section)
            .is_some_and(|s| s.contains(lower))
    }

    /// Entries of a section.
    pub fn section(&self, section: &str) -> impl Iterator<Item = &str> {
        self.sections
            .get(section)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }
}

fn err(file: &str, line: usize, message: impl Into<String>) -> LexiconError {
    LexiconError {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

fn parse_cues(text: &str, name: &str) -> Result<BTreeMap<String, Cue>, LexiconError> {
    let mut out = BTreeMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 3 {
            return Err(err(
                name,
                i + 1,
                "expected `LEMMA CLASS FORM... [+FLAG...]`",
            ));
        }
        let class = match fields[1] {
            "speech" => CueClass::Speech,
            "write" => CueClass::Write,
            "report" => CueClass::Report,
            "belief" => CueClass::Belief,
            "stance" => CueClass::Stance,
            other => {
                return Err(err(
                    name,
                    i + 1,
                    format!("unknown class `{other}` (speech, write, report, belief, stance)"),
                ))
            }
        };
        let mut cue = Cue {
            lemma: fields[0].to_string(),
            class,
            needs_that: false,
            takes_object: false,
            takes_as: false,
        };
        let mut forms = Vec::new();
        for f in &fields[2..] {
            match *f {
                "+that" => cue.needs_that = true,
                "+obj" => cue.takes_object = true,
                "+as" => cue.takes_as = true,
                flag if flag.starts_with('+') => {
                    return Err(err(
                        name,
                        i + 1,
                        format!("unknown flag `{flag}` (+that, +obj, +as)"),
                    ))
                }
                form if form.chars().any(|c| c.is_uppercase() || !c.is_alphabetic()) => {
                    return Err(err(
                        name,
                        i + 1,
                        format!("form `{form}` must be lower-case letters"),
                    ))
                }
                form => forms.push(form),
            }
        }
        if forms.is_empty() {
            return Err(err(name, i + 1, "no forms listed"));
        }
        for form in forms {
            if out.insert(form.to_string(), cue.clone()).is_some() {
                return Err(err(name, i + 1, format!("form `{form}` is listed twice")));
            }
        }
    }
    Ok(out)
}

fn parse_frames(text: &str, name: &str) -> Result<Frames, LexiconError> {
    let mut out = Frames::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() != 5 {
            return Err(err(name, i + 1, "expected `LEMMA UPOS FRAME SHARE COUNT`"));
        }
        if !matches!(f[2], "ccomp" | "xcomp" | "obj" | "acl" | "none") {
            return Err(err(
                name,
                i + 1,
                format!("unknown frame `{}` (ccomp, xcomp, obj, acl, none)", f[2]),
            ));
        }
        let share: f32 = match f[3].parse() {
            Ok(x) if (0.0..=1.0).contains(&x) => x,
            _ => return Err(err(name, i + 1, format!("share `{}` is not in 0..1", f[3]))),
        };
        if f[4].parse::<u32>().is_err() {
            return Err(err(
                name,
                i + 1,
                format!("count `{}` is not a number", f[4]),
            ));
        }
        let entries = out.entry(f[0].to_string()).or_default();
        if entries.iter().any(|(u, fr, _)| u == f[1] && fr == f[2]) {
            return Err(err(name, i + 1, "triple listed twice"));
        }
        entries.push((f[1].to_string(), f[2].to_string(), share));
    }
    Ok(out)
}

fn parse_words(text: &str, name: &str) -> Result<BTreeMap<String, BTreeSet<String>>, LexiconError> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(sec) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if !SECTIONS.contains(&sec) {
                return Err(err(
                    name,
                    i + 1,
                    format!("unknown section `[{sec}]` (known: {})", SECTIONS.join(", ")),
                ));
            }
            current = Some(sec.to_string());
            continue;
        }
        let Some(sec) = &current else {
            return Err(err(name, i + 1, "entry before any `[section]` header"));
        };
        if line.chars().any(|c| c.is_uppercase()) || line.contains("  ") {
            return Err(err(
                name,
                i + 1,
                format!("`{line}`: entries are lower case, single-spaced"),
            ));
        }
        if !out.entry(sec.clone()).or_default().insert(line.to_string()) {
            return Err(err(
                name,
                i + 1,
                format!("`{line}` is listed twice in [{sec}]"),
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads() {
        let lex = Lexicon::embedded();
        let said = lex.cue("said").unwrap();
        assert_eq!(said.lemma, "say");
        assert!(lex.cue("told").unwrap().takes_object);
        assert!(lex.is("titles", "chancellor"));
        assert!(lex.is("platforms", "social media"));
        assert!(lex.frame_share("believe", "VERB", "ccomp").is_some());
        assert!(lex.is("documents", "poll"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let e =
            Lexicon::parse("say speech said\nsay speech said\n", "c.txt", "", "w.txt").unwrap_err();
        assert_eq!(e.to_string(), "c.txt:2: form `said` is listed twice");
        let e = Lexicon::parse("say talk said\n", "c.txt", "", "w.txt").unwrap_err();
        assert!(e.to_string().starts_with("c.txt:1: unknown class"));
        let e = Lexicon::parse("", "c.txt", "\n[nope]\n", "w.txt").unwrap_err();
        assert!(e.to_string().starts_with("w.txt:2: unknown section"));
        let lex = Lexicon::parse("", "c.txt", "", "w.txt").unwrap();
        let e = lex
            .clone()
            .with_frames("say VERB ccomp 0.9 10\nsay VERB oops 0.9 10\n", "f.tsv")
            .unwrap_err();
        assert!(e.to_string().starts_with("f.tsv:2: unknown frame"));
        let e = lex
            .with_frames("say VERB ccomp 1.5 10\n", "f.tsv")
            .unwrap_err();
        assert!(e.to_string().starts_with("f.tsv:1: share"));
        let e = Lexicon::parse("", "c.txt", "word\n", "w.txt").unwrap_err();
        assert_eq!(
            e.to_string(),
            "w.txt:1: entry before any `[section]` header"
        );
    }
}
