//! A trained attribution filter: does this candidate quote hold up as a whole?
//!
//! The cue model (`cuemodel`) judges one word at a time; it cannot see what the finder built
//! around the word (the content's length and shape, whether the parse links it to the cue, who
//! the speaker is). Lowering its threshold finds more attributions but brings as many false ones
//! (docs/evaluation.md, Quotes). The filter scores each finished candidate with a logistic model
//! over features of the cue, the content, their parse link and the speaker, trained on PolNeAR
//! train with candidates made by cue models that did not see the article (cross-fitting,
//! `scripts/train-quote-filter.sh`; weights in `data/models/quotes/filter.tsv`, docs/models.md).
//! When the filter is present, the finder takes cue-model cues from the filter's lower
//! `# cue-threshold` and keeps a candidate whose score reaches the filter's `# threshold`.

use crate::cuemodel::{CueModel, CueModelError, StrSink};
use crate::lexicon::{CueClass, Lexicon};
use crate::view::View;
use dyad_doc::{QuoteKind, Span};
use std::ops::Range;

/// Embedded default weights.
pub const DEFAULT_FILTER: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/quotes/filter.tsv"
));

/// The filter: a logistic model over candidate features and the cue-model threshold it was
/// trained with.
#[derive(Debug, Clone, Default)]
pub struct AttrFilter {
    /// The weights; its `threshold` is the keep threshold. An empty model keeps everything.
    pub model: CueModel,
    /// Cue-model probability from which a word is a candidate cue when the filter is on.
    pub cue_threshold: Option<f32>,
}

impl AttrFilter {
    /// The embedded filter.
    pub fn embedded() -> AttrFilter {
        AttrFilter::parse(DEFAULT_FILTER, "data/models/quotes/filter.tsv")
            .expect("embedded attribution filter is valid (checked by tests)")
    }

    /// Parse a filter file: the cue-model format (`# threshold`, `# bias`, `FEATURE<TAB>WEIGHT`)
    /// plus an optional `# cue-threshold P` line.
    pub fn parse(text: &str, name: &str) -> Result<AttrFilter, CueModelError> {
        let mut cue_threshold = None;
        for (n, line) in text.lines().enumerate() {
            if let Some(rest) = line.strip_prefix("# cue-threshold ") {
                let p = rest
                    .trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|p| (0.0..=1.0).contains(p))
                    .ok_or_else(|| CueModelError {
                        file: name.to_string(),
                        line: n + 1,
                        message: format!("cue-threshold must be a number within 0..1: {rest:?}"),
                    })?;
                cue_threshold = Some(p);
            }
        }
        Ok(AttrFilter {
            model: CueModel::parse(text, name)?,
            cue_threshold,
        })
    }

    /// Whether the filter has weights (an empty one keeps every candidate).
    pub fn is_empty(&self) -> bool {
        self.model.is_empty()
    }

    /// Whether a candidate with these features is kept.
    pub fn keeps(&self, feats: &[String]) -> bool {
        self.is_empty() || self.model.prob(feats) >= self.model.threshold
    }

    /// The weights file text, `header` as comments first.
    pub fn to_text(&self, header: &str) -> String {
        let mut h = header.to_string();
        if let Some(p) = self.cue_threshold {
            h.push_str(&format!("\ncue-threshold {p}"));
        }
        self.model.to_text(&h)
    }
}

/// What the filter sees of a candidate.
pub(crate) struct Cand<'a> {
    pub kind: QuoteKind,
    pub cue: &'a Range<usize>,
    pub speaker: Option<&'a Range<usize>>,
    /// The speaker resolved to a named actor or a role with a country.
    pub resolved: bool,
    pub content: Span,
    /// Sentence of the cue.
    pub sent: usize,
    /// The cue lies inside a quotation or another candidate's content.
    pub nested: bool,
    /// How many candidates share the cue (a quotation split by its cue counts two).
    pub shared: usize,
}

/// Inputs shared by every candidate of a document.
pub(crate) struct Inputs<'a> {
    pub v: &'a View<'a>,
    pub lex: &'a Lexicon,
    pub cue_p: &'a [f32],
    pub frame: &'a [&'static str],
}

/// A coarse size class of a token count.
fn size(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=8 => "5-8",
        9..=16 => "9-16",
        17..=32 => "17-32",
        _ => "33+",
    }
}

/// The kind of a speaker phrase: pronoun person, relative, name, common noun.
fn speaker_kind(v: &View, r: &Range<usize>) -> &'static str {
    if r.end != r.start + 1 {
        let t = &v.toks[r.end - 1];
        return match t.upos.as_str() {
            "PROPN" => "name+",
            "NOUN" => "noun+",
            _ => "other+",
        };
    }
    let t = &v.toks[r.start];
    match t.lower.as_str() {
        "he" | "she" | "they" => "p3",
        "i" | "we" => "p1",
        "you" => "p2",
        "it" | "this" | "that" => "it",
        "who" | "which" => "rel",
        _ => match t.upos.as_str() {
            "PROPN" => "name",
            "NOUN" => "noun",
            "PRON" => "pron",
            "" if t.cap => "cap",
            _ => "other",
        },
    }
}

/// The features of a candidate (see the module doc).
pub(crate) fn features(x: &Inputs, c: &Cand) -> Vec<String> {
    let mut f = List(Vec::with_capacity(48));
    each_feature(x, c, &mut f);
    f.0
}

/// Whether the filter keeps a candidate: [`AttrFilter::keeps`] of its [`features`], scored as
/// they are made (hashed piece by piece, no feature string written out).
pub(crate) fn keeps(filter: &AttrFilter, x: &Inputs, c: &Cand) -> bool {
    if filter.is_empty() {
        return true;
    }
    let mut s = filter.model.scorer();
    each_feature(x, c, &mut s);
    s.prob() >= filter.model.threshold
}

/// Collects the features of one candidate as strings.
struct List(Vec<String>);

impl StrSink for List {
    fn feature(&mut self, parts: &[&str]) {
        self.0.push(parts.concat());
    }
}

/// A cue class as `{:?}` writes it.
fn class_name(c: CueClass) -> &'static str {
    match c {
        CueClass::Speech => "Speech",
        CueClass::Write => "Write",
        CueClass::Report => "Report",
        CueClass::Belief => "Belief",
        CueClass::Stance => "Stance",
    }
}

/// `true` or `false`, as `{}` writes them.
fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Gives `sink` the features of a candidate, in the order [`features`] lists them.
fn each_feature(x: &Inputs, c: &Cand, f: &mut impl StrSink) {
    let v = x.v;
    let kind = c.kind.as_str();
    // The cue's head word: the cue token whose parse head lies outside the cue (the last one
    // without a parse).
    let h = c
        .cue
        .clone()
        .find(|&k| v.toks[k].head.is_none_or(|hd| !c.cue.contains(&hd)))
        .unwrap_or(c.cue.end - 1)
        .min(v.toks.len() - 1);
    let t = &v.toks[h];
    let (l, u) = (t.lemma.as_str(), t.upos.as_str());
    let w = t.lower.as_str();
    let lex = x.lex.cue(w).map_or("none", |q| class_name(q.class));
    let fr = x
        .lex
        .frame_share(l, u, x.frame[h])
        .map_or("none", |_| "listed");
    let pb = (x.cue_p[h] * 10.0).floor().min(9.0) as u8;
    let pb = DIGITS[pb as usize];
    f.feature(&["k=", kind]);
    f.feature(&["l=", l]);
    f.feature(&["w=", w]);
    f.feature(&["lk=", l, "|", kind]);
    f.feature(&["u=", u, "|", kind]);
    f.feature(&["lex=", lex, "|", kind]);
    f.feature(&["fr=", fr, "|", pb]);
    f.feature(&["pb=", pb]);
    f.feature(&["lpb=", l, "|", pb]);
    f.feature(&["nested=", bool_str(c.nested), "|", kind]);
    f.feature(&["shared=", size(c.shared)]);
    f.feature(&["pbk=", pb, "|", kind, "|", lex]);
    f.feature(&["cf=", u, "|", x.frame[h]]);
    f.feature(&["cd=", t.deprel.as_str()]);
    f.feature(&["ncue=", size(c.cue.len())]);
    // Content: where it lies from the cue, its size and shape.
    let (a, b) = (v.tok_from(c.content.start), v.tok_until(c.content.end));
    let pos = if a >= c.cue.end {
        "after"
    } else if b <= c.cue.start {
        "before"
    } else {
        "around"
    };
    let n = b.saturating_sub(a);
    f.feature(&["pos=", pos, "|", kind]);
    f.feature(&["lpos=", l, "|", pos]);
    f.feature(&["len=", size(n), "|", pos]);
    f.feature(&["lenk=", size(n), "|", kind]);
    if a < b {
        let first = &v.toks[a];
        f.feature(&["f=", first.lower.as_str()]);
        f.feature(&["fu=", first.upos.as_str(), "|", pos]);
        let gap = if pos == "after" {
            a - c.cue.end
        } else if pos == "before" {
            c.cue.start - b
        } else {
            0
        };
        f.feature(&["gap=", size(gap), "|", pos]);
        // The content's parse roots: tokens whose head lies outside it; their relation, and
        // whether the head is the cue.
        let mut roots = 0;
        let mut linked = "none";
        for k in a..b {
            let Some(hd) = v.toks[k].head else { continue };
            if (a..b).contains(&hd) {
                continue;
            }
            roots += 1;
            if c.cue.contains(&hd) || hd == h {
                linked = base(v.toks[k].deprel.as_str());
            } else if hd < v.toks.len() && v.toks[hd].head == Some(h) && linked == "none" {
                linked = "grand";
            }
        }
        if v.parsed {
            f.feature(&["roots=", size(roots)]);
            f.feature(&["link=", linked, "|", pos]);
            f.feature(&["llink=", l, "|", linked]);
            f.feature(&["ulink=", u, "|", linked, "|", kind]);
            let verb = (a..b).any(|k| matches!(v.toks[k].upos.as_str(), "VERB" | "AUX"));
            f.feature(&["verb=", bool_str(verb), "|", pos]);
        }
        let sents = v.sent_at(c.content.end.saturating_sub(1)).unwrap_or(c.sent);
        let s0 = v.sent_at(c.content.start).unwrap_or(c.sent);
        f.feature(&["multi=", bool_str(sents != s0)]);
    }
    // Speaker.
    let sk = c.speaker.map_or("none", |r| speaker_kind(v, r));
    f.feature(&["s=", sk, "|", bool_str(c.resolved)]);
    f.feature(&["ls=", l, "|", sk]);
    f.feature(&["sk=", sk, "|", kind, "|", pos]);
    if let Some(r) = c.speaker {
        let side = if r.start >= c.cue.end {
            "after"
        } else {
            "before"
        };
        f.feature(&["sside=", side, "|", pos]);
        let d = if side == "after" {
            r.start - c.cue.end
        } else {
            c.cue.start.saturating_sub(r.end)
        };
        f.feature(&["sgap=", size(d)]);
    }
    // The sentence: the first of the document (a headline) or not.
    f.feature(&["first=", bool_str(c.sent == 0)]);
}

/// The digits 0 to 9, as `{}` writes them.
const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// A dependency relation without its subtype.
fn base(r: &str) -> &str {
    r.split(':').next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cue_threshold_and_names_bad_lines() {
        let f = AttrFilter::parse(
            "# cue-threshold 0.4\n# threshold 0.5\n# bias 0.1\nk=direct\t1.5\n",
            "f.tsv",
        )
        .unwrap();
        assert_eq!(f.cue_threshold, Some(0.4));
        assert!(!f.is_empty());
        assert!(f.keeps(&["k=direct".into()]));
        let back = AttrFilter::parse(&f.to_text("test"), "t").unwrap();
        assert_eq!(back.cue_threshold, Some(0.4));
        let e = AttrFilter::parse("# cue-threshold x\n", "f.tsv").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("f.tsv", 1));
    }

    #[test]
    fn an_empty_filter_keeps_everything() {
        let f = AttrFilter::parse("# threshold 0.9\n", "f.tsv").unwrap();
        assert!(f.is_empty() && f.keeps(&[]));
    }

    #[test]
    fn class_names_and_booleans_are_written_as_format_writes_them() {
        use CueClass::*;
        for c in [Speech, Write, Report, Belief, Stance] {
            assert_eq!(class_name(c), format!("{c:?}"));
        }
        for b in [true, false] {
            assert_eq!(bool_str(b), b.to_string());
        }
        for (d, s) in DIGITS.iter().enumerate() {
            assert_eq!(*s, d.to_string());
        }
    }

    #[test]
    fn embedded_filter_loads() {
        let f = AttrFilter::embedded();
        assert!(f.is_empty() || f.cue_threshold.is_some());
    }
}
