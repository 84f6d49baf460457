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

use crate::cuemodel::{CueModel, CueModelError};
use crate::lexicon::Lexicon;
use crate::trees::Tree;
use crate::view::View;
use dyad_doc::{QuoteKind, Span};
use std::collections::HashSet;
use std::ops::Range;

/// The newest feature set (`AttrFilter::features`).
pub const FEATURES: u32 = 2;

/// Embedded default weights.
pub const DEFAULT_FILTER: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/quotes/filter.tsv"
));

/// The filter: a logistic model over candidate features and the cue-model threshold it was
/// trained with.
#[derive(Debug, Clone)]
pub struct AttrFilter {
    /// The weights; its `threshold` is the keep threshold. An empty model keeps everything.
    pub model: CueModel,
    /// Cue-model probability from which a word is a candidate cue when the filter is on.
    pub cue_threshold: Option<f32>,
    /// The feature set the weights were trained with (`# features N`; 1 when absent): 1 is
    /// the set of branch `quotes4`–`quotes7`, 2 adds `more_features`.
    pub features: u32,
    /// Boosted trees (`tree` lines, `crate::trees`) whose values add to the log-odds.
    pub trees: Vec<Tree>,
}

impl Default for AttrFilter {
    /// No weights (keeps everything), newest feature set.
    fn default() -> AttrFilter {
        AttrFilter {
            model: CueModel::default(),
            cue_threshold: None,
            features: FEATURES,
            trees: Vec::new(),
        }
    }
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
        let mut features = 1;
        let mut trees = Vec::new();
        // Tree lines are parsed here and blanked for the weights' parser (line numbers kept).
        let mut rest_text = String::with_capacity(text.len());
        for (n, line) in text.lines().enumerate() {
            if line.starts_with("tree\t") {
                trees.push(Tree::parse(line).map_err(|message| CueModelError {
                    file: name.to_string(),
                    line: n + 1,
                    message,
                })?);
                rest_text.push('\n');
                continue;
            }
            rest_text.push_str(line);
            rest_text.push('\n');
            if let Some(rest) = line.strip_prefix("# features ") {
                features = rest
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|v| (1..=FEATURES).contains(v))
                    .ok_or_else(|| CueModelError {
                        file: name.to_string(),
                        line: n + 1,
                        message: format!("features must be 1..={FEATURES}: {rest:?}"),
                    })?;
            }
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
            model: CueModel::parse(&rest_text, name)?,
            cue_threshold,
            features,
            trees,
        })
    }

    /// Whether the filter has weights (an empty one keeps every candidate).
    pub fn is_empty(&self) -> bool {
        self.model.is_empty() && self.trees.is_empty()
    }

    /// The probability that a candidate with these features is an attribution.
    pub fn prob(&self, feats: &[String]) -> f32 {
        let mut z = self.model.logit(feats);
        if !self.trees.is_empty() {
            let set: HashSet<&str> = feats.iter().map(String::as_str).collect();
            z += self.trees.iter().map(|t| t.value(&set)).sum::<f32>();
        }
        1.0 / (1.0 + (-z).exp())
    }

    /// Whether a candidate with these features is kept.
    pub fn keeps(&self, feats: &[String]) -> bool {
        self.is_empty() || self.prob(feats) >= self.model.threshold
    }

    /// The weights file text, `header` as comments first.
    pub fn to_text(&self, header: &str) -> String {
        let mut h = header.to_string();
        if let Some(p) = self.cue_threshold {
            h.push_str(&format!("\ncue-threshold {p}"));
        }
        if self.features > 1 {
            h.push_str(&format!("\nfeatures {}", self.features));
        }
        let mut s = self.model.to_text(&h);
        for t in &self.trees {
            s.push_str(&t.to_line());
            s.push('\n');
        }
        s
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
    /// How many other candidates with a cue have their cue in the same sentence.
    pub in_sent: usize,
    /// Whether a candidate with a cue has its cue in the sentence before.
    pub prev_sent: bool,
}

/// Inputs shared by every candidate of a document.
pub(crate) struct Inputs<'a> {
    pub v: &'a View<'a>,
    pub lex: &'a Lexicon,
    pub cue_p: &'a [f32],
    pub frame: &'a [&'static str],
    /// The feature set (`AttrFilter::features`).
    pub version: u32,
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
    let v = x.v;
    let mut f = Vec::with_capacity(48);
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
    let lex = x
        .lex
        .cue(w)
        .map_or_else(|| "none".to_string(), |q| format!("{:?}", q.class));
    let fr = x
        .lex
        .frame_share(l, u, x.frame[h])
        .map_or("none", |_| "listed");
    let pb = (x.cue_p[h] * 10.0).floor().min(9.0) as u8;
    f.push(format!("k={kind}"));
    f.push(format!("l={l}"));
    f.push(format!("w={w}"));
    f.push(format!("lk={l}|{kind}"));
    f.push(format!("u={u}|{kind}"));
    f.push(format!("lex={lex}|{kind}"));
    f.push(format!("fr={fr}|{pb}"));
    f.push(format!("pb={pb}"));
    f.push(format!("lpb={l}|{pb}"));
    f.push(format!("nested={}|{kind}", c.nested));
    f.push(format!("shared={}", size(c.shared)));
    f.push(format!("pbk={pb}|{kind}|{lex}"));
    f.push(format!("cf={u}|{}", x.frame[h]));
    f.push(format!("cd={}", t.deprel.as_str()));
    f.push(format!("ncue={}", size(c.cue.len())));
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
    f.push(format!("pos={pos}|{kind}"));
    f.push(format!("lpos={l}|{pos}"));
    f.push(format!("len={}|{pos}", size(n)));
    f.push(format!("lenk={}|{kind}", size(n)));
    if a < b {
        let first = &v.toks[a];
        f.push(format!("f={}", first.lower.as_str()));
        f.push(format!("fu={}|{pos}", first.upos.as_str()));
        let gap = if pos == "after" {
            a - c.cue.end
        } else if pos == "before" {
            c.cue.start - b
        } else {
            0
        };
        f.push(format!("gap={}|{pos}", size(gap)));
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
            f.push(format!("roots={}", size(roots)));
            f.push(format!("link={linked}|{pos}"));
            f.push(format!("llink={l}|{linked}"));
            f.push(format!("ulink={u}|{linked}|{kind}"));
            let verb = (a..b).any(|k| matches!(v.toks[k].upos.as_str(), "VERB" | "AUX"));
            f.push(format!("verb={verb}|{pos}"));
        }
        let sents = v.sent_at(c.content.end.saturating_sub(1)).unwrap_or(c.sent);
        let s0 = v.sent_at(c.content.start).unwrap_or(c.sent);
        f.push(format!("multi={}", sents != s0));
    }
    // Speaker.
    let sk = c.speaker.map_or("none", |r| speaker_kind(v, r));
    f.push(format!("s={sk}|{}", c.resolved));
    f.push(format!("ls={l}|{sk}"));
    f.push(format!("sk={sk}|{kind}|{pos}"));
    if let Some(r) = c.speaker {
        let side = if r.start >= c.cue.end {
            "after"
        } else {
            "before"
        };
        f.push(format!("sside={side}|{pos}"));
        let d = if side == "after" {
            r.start - c.cue.end
        } else {
            c.cue.start.saturating_sub(r.end)
        };
        f.push(format!("sgap={}", size(d)));
    }
    // The sentence: the first of the document (a headline) or not.
    f.push(format!("first={}", c.sent == 0));
    if x.version >= 2 {
        more_features(x, c, h, &mut f);
    }
    f
}

/// The clause type of a content: how it opens ("that", "to", "if"/"whether", a wh-word, a
/// quotation mark) or its first word's tag.
fn clause_type(v: &View, a: usize, b: usize) -> &'static str {
    if a >= b {
        return "empty";
    }
    let t = &v.toks[a];
    match t.lower.as_str() {
        "that" => "that",
        "to" => "to",
        "if" | "whether" => "if",
        "what" | "why" | "how" | "when" | "where" | "who" | "which" => "wh",
        "\"" | "“" | "'" | "‘" => "quote",
        _ => match t.upos.as_str() {
            "PRON" => "pron",
            "PROPN" => "name",
            "NOUN" => "noun",
            "DET" => "det",
            "VERB" | "AUX" => "verb",
            "ADP" => "adp",
            _ => "other",
        },
    }
}

/// Features added in branch `quotes8` (docs/models.md, "Quote attribution filter"): the content's
/// clause type and where it ends, the cue's modality, negation and place in its sentence,
/// neighbouring candidates, the speaker's head word, and conjunctions of the strongest single
/// features (cue lemma, cue-model probability, parse link, speaker kind, content shape).
fn more_features(x: &Inputs, c: &Cand, h: usize, f: &mut Vec<String>) {
    let v = x.v;
    let t = &v.toks[h];
    let l = t.lemma.as_str();
    let kind = c.kind.as_str();
    let (a, b) = (v.tok_from(c.content.start), v.tok_until(c.content.end));
    let pos = if a >= c.cue.end {
        "after"
    } else if b <= c.cue.start {
        "before"
    } else {
        "around"
    };
    let pb = (x.cue_p[h] * 10.0).floor().min(9.0) as u8;
    let ct = clause_type(v, a, b);
    let sk = c.speaker.map_or("none", |r| speaker_kind(v, r));
    let n = size(b.saturating_sub(a));
    f.push(format!("ct={ct}|{pos}|{kind}"));
    f.push(format!("lct={l}|{ct}"));
    f.push(format!("pbct={pb}|{ct}"));
    // The cue's children: negation, modal or future auxiliary, a clausal or nominal subject.
    let mut neg = false;
    let mut modal = "none";
    let mut subj = "none";
    if v.parsed {
        for k in v.sents.get(c.sent).map_or(0..0, |s| s.toks.clone()) {
            if v.toks[k].head != Some(h) {
                continue;
            }
            let d = base(v.toks[k].deprel.as_str());
            let w = v.toks[k].lower.as_str();
            if d == "advmod" && matches!(w, "not" | "n't" | "never") {
                neg = true;
            }
            if d == "aux"
                && matches!(
                    w,
                    "will" | "would" | "could" | "can" | "may" | "might" | "should" | "must"
                )
            {
                modal = "modal";
            }
            if d == "nsubj" || d == "csubj" {
                subj = d;
            }
        }
        f.push(format!("neg={neg}|{pb}"));
        f.push(format!("modal={modal}|{kind}"));
        f.push(format!("subj={subj}|{sk}"));
        // Where the cue hangs: its relation, with the head's tag.
        let hrel = t.head.map_or("root", |hd| v.toks[hd].upos.as_str());
        f.push(format!("chead={}|{hrel}", base(t.deprel.as_str())));
    }
    // The cue's place in its sentence and the sentence's end (a question).
    if let Some(s) = v.sents.get(c.sent) {
        let len = s.toks.len().max(1);
        let rel = h.saturating_sub(s.toks.start) * 3 / len;
        f.push(format!("cpos={rel}|{pos}"));
        let last = s.toks.end.saturating_sub(1);
        let q = s.toks.end > s.toks.start && v.toks[last].lower.as_str() == "?";
        f.push(format!("question={q}"));
        // Whether the content reaches the end of the cue's sentence (or beyond).
        let to_end = b >= last;
        f.push(format!("toend={to_end}|{pos}"));
        f.push(format!("para={}", s.paragraph.min(3)));
    }
    // Neighbouring attributions.
    f.push(format!("insent={}", size(c.in_sent)));
    f.push(format!("prev={}|{kind}", c.prev_sent));
    // The speaker's head word (a common noun: "poll", "officials", "report").
    if let Some(r) = c.speaker {
        let st = &v.toks[r.end - 1];
        if st.upos.as_str() == "NOUN" {
            f.push(format!("sl={}", st.lemma.as_str()));
        }
    }
    // Conjunctions of strong single features.
    let link = feature_value(f, "link=");
    f.push(format!("x1={pb}|{link}"));
    f.push(format!("x2={sk}|{link}|{ct}"));
    f.push(format!("x3={l}|{n}"));
    f.push(format!("x4={pb}|{sk}|{pos}"));
    f.push(format!("x5={l}|{sk}|{pos}"));
    f.push(format!("x6={link}|{n}|{kind}"));
    f.push(format!("x7={}|{}|{pb}", c.resolved, c.nested));
}

/// The value of the first feature that starts with `prefix` (up to its first `|`), or "none".
fn feature_value(f: &[String], prefix: &str) -> String {
    f.iter()
        .find_map(|x| x.strip_prefix(prefix))
        .map_or("none", |x| x.split('|').next().unwrap_or(""))
        .to_string()
}

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
    fn embedded_filter_loads() {
        let f = AttrFilter::embedded();
        assert!(f.is_empty() || f.cue_threshold.is_some());
    }
}
