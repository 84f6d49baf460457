//! The closed noun classes the speaker rules read, from `data/actors/speaker-nouns.txt`
//! (`CLASS | forms`; docs/dictionaries.md). Knowledge in data: a user adds a collective noun or
//! an organisation word by editing the file, not the rules.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The embedded file's path, for error messages.
const FILE: &str = "data/actors/speaker-nouns.txt";

/// The embedded file.
const TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/actors/speaker-nouns.txt"
));

/// The seven classes of `speaker-nouns.txt`, each a set of lower-case forms.
#[derive(Debug, Default)]
pub struct SpeakerNouns {
    /// Singular nouns that take a plural pronoun as a group ("police said they …").
    pub collective: HashSet<String>,
    /// Generic nouns for an organisation ("the company").
    pub organisation: HashSet<String>,
    /// Nouns of a source's knowledge ("the expert").
    pub source: HashSet<String>,
    /// Phrases that stand for their owner ("X's office").
    pub institution: HashSet<String>,
    /// Nouns that describe one person by occupation or standing, never an office that speaks
    /// for someone else ("the singer", "the veteran politician").
    pub epithet: HashSet<String>,
    /// Documents that speak for whoever issued them ("the report").
    pub document: HashSet<String>,
    /// Other nouns whose definite form continues an earlier speaker with the same noun ("the
    /// source", "the centre").
    pub continued: HashSet<String>,
}

/// Parse a speaker-nouns file; an error names `file` and the line.
pub fn parse(text: &str, file: &str) -> Result<SpeakerNouns, String> {
    let mut out = SpeakerNouns::default();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |msg: &str| format!("{file}:{}: {msg}", i + 1);
        let (class, forms) = line
            .split_once('|')
            .ok_or_else(|| at("expected `CLASS | forms`"))?;
        let set = match class.trim() {
            "collective" => &mut out.collective,
            "organisation" => &mut out.organisation,
            "source" => &mut out.source,
            "institution" => &mut out.institution,
            "epithet" => &mut out.epithet,
            "document" => &mut out.document,
            "continued" => &mut out.continued,
            other => {
                return Err(at(&format!(
                    "unknown class `{other}` (collective, organisation, source, institution, \
                     epithet, document, continued)"
                )))
            }
        };
        for form in forms.split(';').map(str::trim).filter(|f| !f.is_empty()) {
            if form.chars().any(|c| c.is_uppercase() || c == '|') {
                return Err(at(&format!("form `{form}` must be lower case")));
            }
            set.insert(form.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    Ok(out)
}

/// The embedded classes, parsed once. The file is validated by this crate's tests, so a parse
/// error here is a build that skipped them; it panics with the file and line.
pub fn speaker_nouns() -> &'static SpeakerNouns {
    static NOUNS: OnceLock<SpeakerNouns> = OnceLock::new();
    NOUNS.get_or_init(|| parse(TEXT, FILE).unwrap_or_else(|e| panic!("{e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_file_parses_and_fills_every_class() {
        let n = parse(TEXT, FILE).expect("valid file");
        assert!(n.collective.contains("police"));
        assert!(n.organisation.contains("company"));
        assert!(n.source.contains("expert"));
        assert!(n.institution.contains("press office"));
        assert!(!n.source.contains("spokeswoman"));
        assert!(n.epithet.contains("singer"));
        assert!(!n.epithet.contains("spokesman"));
        assert!(n.document.contains("report"));
        assert!(n.continued.contains("source"));
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = parse("# c\n\nsource | expert\nvillain | x\n", "f.txt").unwrap_err();
        assert!(e.starts_with("f.txt:4: unknown class `villain`"), "{e}");
        let e = parse("source expert\n", "f.txt").unwrap_err();
        assert!(e.starts_with("f.txt:1: expected"), "{e}");
        let e = parse("source | Expert\n", "f.txt").unwrap_err();
        assert!(e.starts_with("f.txt:1: form `Expert`"), "{e}");
    }
}
