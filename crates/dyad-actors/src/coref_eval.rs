//! `dyad eval coref`: third-person pronoun resolution scored against a treebank with gold
//! coreference (GUM's `Entity=` annotations in the CoNLL-U MISC column).
//!
//! Each gold document's text is rebuilt from its words; the full pipeline (the caller's closure)
//! annotates it, and every he/him/his/she/her/they/them/their… that Dyad put into a cluster is
//! checked against the gold entities:
//! - a **link is correct** when the pronoun is a gold mention and the Dyad cluster also holds a
//!   non-pronoun mention that overlaps a gold mention of the same gold entity;
//! - **precision** = correct links / links Dyad made;
//! - **recall** = correct links / gold pronouns whose entity was named earlier in the document (a
//!   mention containing a proper noun before the pronoun): the pronouns an actor-coding tool is
//!   expected to resolve.
//!
//! Pronouns inside quotation marks are left alone by Dyad by design (they refer to the speaker's
//! frame); they still count in recall, so the figure is conservative.
//!
//! The reading of CoNLL-U is the caller's: it hands over [`GoldSentence`]s, so that this crate
//! needs no treebank reader of its own.

use dyad_doc::{Doc, Span};
use std::collections::BTreeMap;

/// One word of a gold sentence.
#[derive(Debug, Clone, Default)]
pub struct GoldWord {
    /// Surface form.
    pub form: String,
    /// Whether a space follows the word in the running text.
    pub space_after: bool,
    /// Universal part of speech (`PROPN` marks a named mention).
    pub upos: String,
    /// The value of `Entity=` in MISC (`(3-person-…`, `3)`, `(5-…)`), empty when absent.
    pub entity: String,
}

/// One gold sentence.
#[derive(Debug, Clone, Default)]
pub struct GoldSentence {
    /// Set when the sentence opens a new document (`# newdoc id = …`).
    pub new_doc: Option<String>,
    /// Whether the sentence opens a paragraph (`# newpar`).
    pub new_par: bool,
    /// Words in order.
    pub words: Vec<GoldWord>,
}

/// The personal pronouns Dyad resolves (third person).
const PRONOUNS: &[&str] = &[
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

fn is_pronoun(w: &str) -> bool {
    PRONOUNS.contains(&w.to_lowercase().as_str())
}

/// A gold mention: entity id and byte span in the rebuilt text.
#[derive(Debug, Clone)]
struct GoldMention {
    entity: String,
    span: Span,
    named: bool,
    pronoun: bool,
}

/// A gold document: rebuilt text and its mentions.
struct GoldDoc {
    id: String,
    text: String,
    mentions: Vec<GoldMention>,
}

/// Opening and closing brackets of one `Entity=` value, in order: `(id-…` opens, `(id-…)` opens and
/// closes, `id)` closes.
fn brackets(v: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut rest = v;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('(') {
            let end = r.find(['(', ')']).unwrap_or(r.len());
            let id = r[..end].split('-').next().unwrap_or("").to_string();
            out.push((true, id.clone()));
            rest = &r[end..];
            if let Some(r2) = rest.strip_prefix(')') {
                out.push((false, id));
                rest = r2;
            }
        } else {
            let end = rest.find(')').unwrap_or(rest.len());
            let id = rest[..end].to_string();
            if !id.is_empty() && end < rest.len() {
                out.push((false, id));
            }
            rest = &rest[(end + 1).min(rest.len())..];
        }
    }
    out
}

fn build_docs(sents: &[GoldSentence]) -> Vec<GoldDoc> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    // Open mentions per entity id: (start byte, named so far).
    let mut open: BTreeMap<String, Vec<(usize, bool)>> = BTreeMap::new();
    for s in sents {
        if s.new_doc.is_some() || docs.is_empty() {
            docs.push(GoldDoc {
                id: s.new_doc.clone().unwrap_or_else(|| "doc".into()),
                text: String::new(),
                mentions: Vec::new(),
            });
            open.clear();
        }
        let d = docs.last_mut().expect("a document was pushed");
        if !d.text.is_empty() {
            d.text.push_str(if s.new_par { "\n\n" } else { " " });
        }
        for (i, w) in s.words.iter().enumerate() {
            let start = d.text.len();
            d.text.push_str(&w.form);
            let end = d.text.len();
            let proper = w.upos == "PROPN";
            for (opening, id) in brackets(&w.entity) {
                if opening {
                    open.entry(id).or_default().push((start, false));
                } else if let Some((s0, named)) = open.get_mut(&id).and_then(|v| v.pop()) {
                    let span = Span::new(s0, end);
                    let single = s0 == start;
                    d.mentions.push(GoldMention {
                        entity: id,
                        span,
                        named: named || proper,
                        pronoun: single && is_pronoun(&w.form),
                    });
                }
            }
            // A proper noun inside an open mention makes it a named mention.
            if proper {
                for v in open.values_mut() {
                    for m in v.iter_mut() {
                        m.1 = true;
                    }
                }
            }
            if w.space_after && i + 1 < s.words.len() {
                d.text.push(' ');
            }
        }
    }
    docs
}

/// Counts of one run.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold_pronouns: usize,
    resolvable: usize,
    linked: usize,
    correct: usize,
    correct_resolvable: usize,
}

fn score_doc(g: &GoldDoc, doc: &Doc, c: &mut Counts) {
    let gold_pron: Vec<&GoldMention> = g.mentions.iter().filter(|m| m.pronoun).collect();
    c.gold_pronouns += gold_pron.len();
    let resolvable = |p: &GoldMention| {
        g.mentions
            .iter()
            .any(|m| m.entity == p.entity && m.named && m.span.end <= p.span.start)
    };
    c.resolvable += gold_pron.iter().filter(|p| resolvable(p)).count();
    for cl in &doc.clusters {
        for &m in &cl.mentions {
            if !is_pronoun(&doc.text[m.start..m.end]) {
                continue;
            }
            c.linked += 1;
            let Some(gp) = gold_pron.iter().find(|p| p.span == m) else {
                continue;
            };
            let right = cl.mentions.iter().any(|&o| {
                o != m
                    && !is_pronoun(&doc.text[o.start..o.end])
                    && g.mentions
                        .iter()
                        .any(|gm| gm.entity == gp.entity && !gm.pronoun && gm.span.overlaps(o))
            });
            if !right && std::env::var_os("DYAD_EVAL_VERBOSE").is_some() {
                let ctx = &doc.text[m.start.saturating_sub(80)..m.end];
                let ctx = ctx.get(ctx.find(' ').unwrap_or(0)..).unwrap_or(ctx);
                let to: Vec<&str> = cl
                    .mentions
                    .iter()
                    .map(|&o| &doc.text[o.start..o.end])
                    .collect();
                eprintln!("{}: …{} → {:?}", g.id, ctx.replace('\n', " "), to);
            }
            if right {
                c.correct += 1;
                if resolvable(gp) {
                    c.correct_resolvable += 1;
                }
            }
        }
    }
}

/// Score pronoun resolution on gold sentences. `run` annotates a document with the full
/// pipeline. Returns the printed report and the metrics `pronoun_precision`, `pronoun_recall`
/// and `pronoun_f1`.
pub fn run(
    sents: &[GoldSentence],
    run: &dyn Fn(&mut Doc) -> Result<(), String>,
) -> (String, Vec<(String, f64)>) {
    let docs = build_docs(sents);
    let mut c = Counts::default();
    let mut errors = 0usize;
    for g in &docs {
        let mut doc = Doc::new(g.id.clone(), g.text.clone());
        if run(&mut doc).is_err() {
            errors += 1;
            continue;
        }
        score_doc(g, &doc, &mut c);
    }
    let (p, r, f) = dyad_doc::metrics::prf(c.correct, c.linked, c.correct_resolvable, c.resolvable);
    let text = format!(
        "coreference (third-person pronouns): {} documents ({errors} pipeline errors)\n  \
         gold pronouns {} (named antecedent: {}), linked by Dyad {}, correct {}\n  \
         pronoun_precision {p:.4}  pronoun_recall {r:.4}  pronoun_f1 {f:.4}\n",
        docs.len(),
        c.gold_pronouns,
        c.resolvable,
        c.linked,
        c.correct,
    );
    let metrics = vec![
        ("pronoun_precision".to_string(), p),
        ("pronoun_recall".to_string(), r),
        ("pronoun_f1".to_string(), f),
    ];
    (text, metrics)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(form: &str, upos: &str, entity: &str) -> GoldWord {
        GoldWord {
            form: form.into(),
            space_after: true,
            upos: upos.into(),
            entity: entity.into(),
        }
    }

    #[test]
    fn brackets_open_and_close() {
        assert_eq!(
            brackets("(7-person-new-x-coref)6)5)"),
            vec![
                (true, "7".into()),
                (false, "7".into()),
                (false, "6".into()),
                (false, "5".into())
            ]
        );
        assert_eq!(brackets("(3-person-new-sgl"), vec![(true, "3".into())]);
        assert!(brackets("").is_empty());
    }

    fn gold() -> Vec<GoldSentence> {
        vec![GoldSentence {
            new_doc: Some("d1".into()),
            new_par: true,
            words: vec![
                w("Mayor", "NOUN", "(1-person-new"),
                w("Ana", "PROPN", ""),
                w("Lind", "PROPN", "1)"),
                w("met", "VERB", ""),
                w("Bo", "PROPN", "(2-person-new)"),
                w(".", "PUNCT", ""),
                w("She", "PRON", "(1-person-giv)"),
                w("left", "VERB", ""),
            ],
        }]
    }

    #[test]
    fn text_and_mentions_are_rebuilt() {
        let docs = build_docs(&gold());
        assert_eq!(docs[0].text, "Mayor Ana Lind met Bo . She left");
        let m = &docs[0].mentions;
        assert_eq!(m.len(), 3);
        assert!(m[0].named && !m[0].pronoun && m[0].entity == "1");
        assert!(m[2].pronoun && m[2].entity == "1");
    }

    #[test]
    fn right_and_wrong_links_are_counted() {
        let sents = gold();
        let link_to = |target: &'static str| {
            move |d: &mut Doc| {
                let at = |s: &str| {
                    let i = d.text.find(s).unwrap();
                    Span::new(i, i + s.len())
                };
                let mentions = vec![at(target), at("She")];
                d.clusters.push(dyad_doc::Cluster {
                    name: None,
                    actor: None,
                    mentions,
                });
                Ok(())
            }
        };
        let (_, m) = run(&sents, &link_to("Ana Lind"));
        assert_eq!(m[0].1, 1.0, "precision");
        assert_eq!(m[1].1, 1.0, "recall");
        let (_, m) = run(&sents, &link_to("Bo"));
        assert_eq!(m[0].1, 0.0);
        assert_eq!(m[1].1, 0.0);
        let (_, m) = run(&sents, &|_d: &mut Doc| Ok(()));
        assert_eq!(m[1].1, 0.0, "nothing linked, nothing recalled");
    }
}
