//! Tuning aid: run the stages before quotes (segment, syntax, NER, actors) once, cache their
//! layers as JSON Lines, then score the quote stage on the cache in seconds after each change.
//!
//! ```text
//! cargo run --release -p dyad-quotes --example cached -- prepare-polnear DIR CACHE
//! cargo run --release -p dyad-quotes --example cached -- prepare INPUT N CACHE [DATE]  # csv/jsonl/txt
//! cargo run --release -p dyad-quotes --example cached -- polnear DIR CACHE [MODEL [THRESHOLD [noframes]]]
//!                                                     # like `dyad eval polnear`; optional cue model
//! cargo run --release -p dyad-quotes --example cached -- train-cues DIR CACHE OUT [FOLDS [FOLD]]
//!                                                     # train the cue model (docs/models.md)
//! cargo run --release -p dyad-quotes --example cached -- train-filter DIR CACHE OUT FOLDS CUE_P [HOLD]
//!                                                     # train the attribution filter (docs/models.md)
//! cargo run --release -p dyad-quotes --example cached -- diagnose DIR CACHE MODEL [THRESHOLD]
//!                                                     # misses by cue-model probability (SHOW=1: contexts,
//!                                                     # LIST=1: one line a gold cue, IND=1: indirect gold only)
//! cargo run --release -p dyad-quotes --example cached -- speakers CACHE [TOP]   # speaker figures
//! cargo run --release -p dyad-quotes --example cached -- quotes CACHE           # every quote (TSV:
//!     kind, cue, mention, name, resolved, content, doc id, content/cue/mention byte starts;
//!     `FILTER=none`: the finder's candidates without the attribution filter)
//! ```
//! `DYAD_POLNEAR_MISSES=FILE` with `polnear` writes the misses as TSV; `FILTER=FILE` scores with
//! another attribution filter (`FILTER=none`: none). The figures equal
//! `dyad eval polnear` as long as the cache was prepared with the current upstream stages.
//! `CUE_CACHE=DIR` with `train-filter` keeps the fold cue models in `DIR` and reuses them on the
//! next run (for changes to the finder or the filter only; clear `DIR` when cue features change).

use dyad_doc::{Actor, Cluster, Doc, Entity, Sentence, Span, Stage, Token};
use dyad_quotes::{AttrFilter, CueModel, Lexicon, QuoteStage};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};

fn upstream() -> Vec<Box<dyn Stage>> {
    vec![
        Box::new(dyad_text::Segmenter),
        Box::new(dyad_syntax::SyntaxStage::new(None).expect("syntax model")),
        Box::new(dyad_ner::NerStage::from_model_dir(None).expect("ner model")),
        Box::new(dyad_actors::ActorStage::new()),
    ]
}

fn span(s: Span) -> Value {
    json!([s.start, s.end])
}

fn unspan(v: &Value) -> Span {
    Span::new(
        v[0].as_u64().unwrap() as usize,
        v[1].as_u64().unwrap() as usize,
    )
}

fn actor(a: &Option<Actor>) -> Value {
    match a {
        None => Value::Null,
        Some(a) => {
            json!({"name": a.name, "code": a.code, "country": a.country, "sector": a.sector})
        }
    }
}

fn unactor(v: &Value) -> Option<Actor> {
    if v.is_null() {
        return None;
    }
    let s = |k: &str| v[k].as_str().map(str::to_string);
    Some(Actor {
        name: s("name"),
        code: s("code").unwrap_or_default(),
        country: s("country"),
        sector: s("sector"),
        country_from: None,
    })
}

fn save(doc: &Doc) -> Value {
    json!({
        "id": doc.id,
        "text": doc.text,
        "date": doc.date.map(|d| d.to_string()),
        "title": doc.title,
        "sentences": doc.sentences.iter().map(|s| json!([s.span.start, s.span.end, s.tokens.start, s.tokens.end, s.paragraph])).collect::<Vec<_>>(),
        "tokens": doc.tokens.iter().map(|t| json!([t.span.start, t.span.end, t.space_after, t.upos, t.xpos, t.lemma, t.head, t.deprel])).collect::<Vec<_>>(),
        "entities": doc.entities.iter().map(|e| json!({"span": span(e.span), "kind": e.kind, "actor": actor(&e.actor), "cluster": e.cluster})).collect::<Vec<_>>(),
        "clusters": doc.clusters.iter().map(|c| json!({"name": c.name, "actor": actor(&c.actor), "mentions": c.mentions.iter().map(|m| span(*m)).collect::<Vec<_>>()})).collect::<Vec<_>>(),
    })
}

fn load(v: &Value) -> Doc {
    let u = |x: &Value| x.as_u64().unwrap() as usize;
    let mut doc = Doc::new(v["id"].as_str().unwrap(), v["text"].as_str().unwrap());
    doc.date = v["date"].as_str().and_then(|d| d.parse().ok());
    doc.title = v["title"].as_str().map(str::to_string);
    for s in v["sentences"].as_array().unwrap() {
        doc.sentences.push(Sentence {
            span: Span::new(u(&s[0]), u(&s[1])),
            tokens: u(&s[2])..u(&s[3]),
            paragraph: u(&s[4]),
        });
    }
    for t in v["tokens"].as_array().unwrap() {
        doc.tokens.push(Token {
            span: Span::new(u(&t[0]), u(&t[1])),
            space_after: t[2].as_bool().unwrap(),
            upos: t[3].as_str().unwrap().into(),
            xpos: t[4].as_str().unwrap().into(),
            lemma: t[5].as_str().unwrap().to_string(),
            head: t[6].as_u64().map(|h| h as usize),
            deprel: t[7].as_str().unwrap().into(),
        });
    }
    for e in v["entities"].as_array().unwrap() {
        doc.entities.push(Entity {
            span: unspan(&e["span"]),
            kind: e["kind"].as_str().unwrap().to_string(),
            actor: unactor(&e["actor"]),
            cluster: e["cluster"].as_u64().map(|c| c as usize),
        });
    }
    for c in v["clusters"].as_array().unwrap() {
        doc.clusters.push(Cluster {
            name: c["name"].as_str().map(str::to_string),
            actor: unactor(&c["actor"]),
            mentions: c["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .map(unspan)
                .collect(),
        });
    }
    doc
}

fn write_cache(docs: impl Iterator<Item = Doc>, path: &str) {
    let stages = upstream();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("cache file"));
    for mut doc in docs {
        for s in &stages {
            if s.process(&mut doc).is_err() {
                break;
            }
        }
        writeln!(out, "{}", save(&doc)).unwrap();
    }
}

fn read_cache(path: &str) -> Vec<Doc> {
    let f = std::io::BufReader::new(std::fs::File::open(path).expect("cache file"));
    f.lines()
        .map(|l| load(&serde_json::from_str(&l.unwrap()).unwrap()))
        .collect()
}

fn cache_map(cache: &str) -> BTreeMap<String, Doc> {
    read_cache(cache)
        .into_iter()
        .map(|d| (d.id.clone(), d))
        .collect()
}

/// The gold attributions of the cached articles of a PolNeAR split, in file-name order, with
/// each article's index.
fn gold_docs<'c>(
    dir: &str,
    cache: &'c BTreeMap<String, Doc>,
) -> Vec<(usize, &'c Doc, Vec<dyad_quotes::eval::GoldAttribution>)> {
    let arts = dyad_quotes::eval::articles(std::path::Path::new(dir)).unwrap();
    let mut out = Vec::new();
    for (n, (txt, ann)) in arts.iter().enumerate() {
        let id = txt.file_stem().unwrap().to_string_lossy().to_string();
        let Some(doc) = cache.get(&id) else { continue };
        let gold = dyad_quotes::eval::parse_ann(&std::fs::read_to_string(ann).unwrap(), &doc.text);
        out.push((n, doc, gold));
    }
    out
}

/// Cue-model training examples of the articles `keep` accepts: every scored token, positive when
/// it heads a gold cue (the cue token whose parse head lies outside the cue). Tokens inside
/// another attribution's content and not in a cue are left out: PolNeAR does not annotate
/// nested attributions.
fn cue_examples(
    docs: &[(usize, &Doc, Vec<dyad_quotes::eval::GoldAttribution>)],
    keep: impl Fn(usize) -> bool,
) -> Vec<(Vec<String>, bool)> {
    let mut examples = Vec::new();
    for (n, doc, gold) in docs {
        if !keep(*n) {
            continue;
        }
        let feats = dyad_quotes::cuemodel::doc_features(doc);
        for (i, f) in feats.into_iter().enumerate() {
            let Some(f) = f else { continue };
            let t = &doc.tokens[i];
            let cue_of = gold
                .iter()
                .find(|g| g.cue.iter().any(|c| c.overlaps(t.span)));
            let label = cue_of.is_some_and(|g| {
                t.head
                    .is_none_or(|h| !g.cue.iter().any(|c| c.overlaps(doc.tokens[h].span)))
            });
            if cue_of.is_none()
                && gold
                    .iter()
                    .any(|g| g.content.iter().any(|c| c.overlaps(t.span)))
            {
                continue;
            }
            examples.push((f, label));
        }
    }
    examples
}

/// Train a cue model (threshold and frame floor as shipped, see docs/models.md).
fn fit_cues(examples: &[(Vec<String>, bool)]) -> CueModel {
    // Features seen fewer than 10 times are dropped: on fold 0 that costs 0.005 F1 against 3
    // and keeps the file at a quarter of the size.
    let mut model = CueModel::train(examples, 8, 1e-5, 10);
    // Chosen on fold 0 of 5 of train with the model trained on the other folds (docs/models.md).
    model.threshold = 0.8;
    model.frame_floor = 0.1;
    model
}

/// Train the cue model on the cached articles of a PolNeAR split. With `folds` > 1, articles
/// whose index (in file-name order) is `fold` modulo `folds` are held out, for choosing the
/// threshold.
fn train_cues(dir: &str, cache: &str, out: &str, folds: usize, fold: usize) {
    let cache = cache_map(cache);
    let docs = gold_docs(dir, &cache);
    let examples = cue_examples(&docs, |n| folds <= 1 || n % folds != fold);
    let pos = examples.iter().filter(|e| e.1).count();
    eprintln!("{} examples, {pos} cues", examples.len());
    let model = fit_cues(&examples);
    let header = format!(
        "Attribution cue model (crates/dyad-quotes/src/cuemodel.rs), trained by\n\
         scripts/train-quote-cues.sh on PolNeAR train: {} tokens, {pos} cue heads{}.\n\
         Features and weights only; no text of the corpus.",
        examples.len(),
        if folds > 1 {
            format!(", fold {fold} of {folds} held out")
        } else {
            String::new()
        }
    );
    std::fs::write(out, model.to_text(&header)).unwrap();
}

/// The cue model trained without fold `k` of `folds`. With `CUE_CACHE=DIR` (a tuning aid for
/// changes to the finder or the filter: the cue models do not depend on them) it is read from
/// `DIR` when an earlier run with the same folds and the same cue features wrote it there.
fn fold_cues(
    docs: &[(usize, &Doc, Vec<dyad_quotes::eval::GoldAttribution>)],
    folds: usize,
    k: usize,
) -> CueModel {
    let path = std::env::var("CUE_CACHE")
        .ok()
        .map(|d| format!("{d}/cues-{folds}-{k}.tsv"));
    if let Some(p) = &path {
        if let Ok(text) = std::fs::read_to_string(p) {
            return CueModel::parse(&text, p).expect("cached cue model");
        }
    }
    let m = fit_cues(&cue_examples(docs, |n| n % folds != k));
    if let Some(p) = path {
        std::fs::write(p, m.to_text("cue model of a fold (CUE_CACHE)")).unwrap();
    }
    m
}

/// Train the attribution filter by cross-fitting: for each of `folds` folds, a cue model trained
/// on the other folds (with its threshold lowered to `cue_p`) makes the candidates of the fold's
/// articles; each candidate is labelled by whether its attribution (the quotes sharing its cue)
/// matches a gold one. The filter is trained on every fold's candidates, or on all but fold
/// `hold` (then the cue model of that fold is written to `OUT.cues`, to score the fold with both).
fn train_filter(dir: &str, cache: &str, out: &str, folds: usize, cue_p: f32, hold: Option<usize>) {
    let cache = cache_map(cache);
    let docs = gold_docs(dir, &cache);
    let mut examples: Vec<(Vec<String>, bool)> = Vec::new();
    for k in 0..folds {
        let mut cues = fold_cues(&docs, folds, k);
        if hold == Some(k) {
            std::fs::write(
                format!("{out}.cues"),
                cues.to_text(&format!("cue model without fold {k} of {folds}")),
            )
            .unwrap();
        }
        cues.threshold = cue_p;
        let finder =
            dyad_quotes::Finder::with_models(Lexicon::embedded(), cues, AttrFilter::default());
        let before = examples.len();
        for (n, doc, gold) in &docs {
            if n % folds != k {
                continue;
            }
            let cands = finder.candidates(doc);
            // The content of every quote sharing a cue: one predicted attribution.
            let mut by_cue: BTreeMap<(usize, usize), Vec<dyad_doc::Span>> = BTreeMap::new();
            for (q, _) in &cands {
                if let Some(c) = q.cue {
                    by_cue.entry((c.start, c.end)).or_default().push(q.span);
                }
            }
            if hold == Some(k) {
                continue;
            }
            for (q, f) in cands {
                let (Some(c), Some(f)) = (q.cue, f) else {
                    continue;
                };
                let label = dyad_quotes::eval::matches_any(gold, c, &by_cue[&(c.start, c.end)]);
                examples.push((f, label));
            }
        }
        eprintln!("fold {k}: {} candidates", examples.len() - before);
    }
    let pos = examples.iter().filter(|e| e.1).count();
    eprintln!("{} candidates, {pos} match gold", examples.len());
    // Tuning knobs (environment); the defaults are what ships. Chosen on fold 0 of 5 with the
    // filter trained on the other folds' candidates (docs/models.md): a weaker L2 or rarer
    // features (1e-5, 3) fit one-off words and lost recall; 1e-4 and 30 did best.
    let env = |k: &str, d: f32| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let mut model = CueModel::train(
        &examples,
        env("EPOCHS", 10.0) as usize,
        env("L2", 1e-4),
        env("MINC", 30.0) as usize,
    );
    // Keep threshold 0.3: the best F1 on folds 0 and 1 of train with the cue model's word
    // classes (each fold held out of both models; docs/models.md). 0.35 before.
    model.threshold = env("KEEP", 0.3);
    let filter = AttrFilter {
        model,
        cue_threshold: Some(cue_p),
    };
    let header = format!(
        "Attribution filter (crates/dyad-quotes/src/filter.rs), trained by\n\
         scripts/train-quote-filter.sh on PolNeAR train: {} candidates of cue models trained\n\
         on the other folds of {folds}, {pos} matching a gold attribution{}.\n\
         Features and weights only; no text of the corpus.",
        examples.len(),
        hold.map_or(String::new(), |h| format!(", fold {h} held out"))
    );
    std::fs::write(out, filter.to_text(&header)).unwrap();
}

/// Tuning aid: for every gold attribution the stage misses, the cue model's probability of the
/// gold cue's head word (tenths), whether a predicted quote has an overlapping cue, and whether
/// the head word lies inside a predicted quote's content; counts per class. `SHOW=1` prints the
/// context of confident misses, `LIST=1` one line per gold attribution (see below).
fn diagnose(dir: &str, cache: &str, model: &str, thr: f32) {
    let cache = cache_map(cache);
    let docs = gold_docs(dir, &cache);
    let mut m = CueModel::parse(&std::fs::read_to_string(model).unwrap(), model).unwrap();
    m.threshold = thr;
    let stage = QuoteStage::with_models(Lexicon::embedded(), m.clone(), AttrFilter::default());
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (_, doc, gold) in &docs {
        let mut d = (*doc).clone();
        stage.process(&mut d).unwrap();
        let probs = dyad_quotes::cuemodel::doc_probs(doc, &m);
        for g in gold {
            let cues: Vec<dyad_doc::Span> = d.quotes.iter().filter_map(|q| q.cue).collect();
            let hit = d.quotes.iter().any(|q| {
                q.cue.is_some_and(|c| g.cue.iter().any(|x| x.overlaps(c)))
                    && dyad_quotes::eval::matches_any(
                        std::slice::from_ref(g),
                        q.cue.unwrap(),
                        &d.quotes
                            .iter()
                            .filter(|p| p.cue == q.cue)
                            .map(|p| p.span)
                            .collect::<Vec<_>>(),
                    )
            });
            // `IND=1`: only gold attributions whose content holds no quotation mark (the
            // indirect ones of `dyad eval polnear`).
            let direct = g
                .content
                .iter()
                .any(|c| doc.text[c.start..c.end].contains(['“', '”', '"']));
            if direct && std::env::var("IND").is_ok() {
                continue;
            }
            let head = (0..doc.tokens.len()).find(|&i| {
                let t = &doc.tokens[i];
                g.cue.iter().any(|c| c.overlaps(t.span))
                    && t.head
                        .is_none_or(|h| !g.cue.iter().any(|c| c.overlaps(doc.tokens[h].span)))
            });
            // LIST=1: one line per gold attribution with a head word, matched (`HIT`) or with no
            // predicted cue (`MISS`): cue probability in tenths, tag, word, lemma (and for misses
            // whether the word lies in another content). For counting misses by word rarity.
            if let (Some(h), true, true) = (head, hit, std::env::var("LIST").is_ok()) {
                let t = &doc.tokens[h];
                println!(
                    "HIT\t{}\t{}\t{}\t{}",
                    (probs[h] * 10.0) as i32,
                    t.upos,
                    doc.text[t.span.start..t.span.end].to_lowercase(),
                    t.lemma
                );
            }
            if hit {
                *counts.entry("matched".into()).or_default() += 1;
                continue;
            }
            let cue_hit = cues.iter().any(|c| g.cue.iter().any(|x| x.overlaps(*c)));
            let (p, upos, inside) = match head {
                None => (-1, "-".to_string(), false),
                Some(h) => (
                    (probs[h] * 10.0) as i32,
                    doc.tokens[h].upos.to_string(),
                    d.quotes.iter().any(|q| q.span.contains(doc.tokens[h].span)),
                ),
            };
            let key = if cue_hit {
                "miss-content".to_string()
            } else {
                format!("miss-cue p={p} inside={inside} {upos}")
            };
            if let (Some(h), false, true) = (head, cue_hit, std::env::var("LIST").is_ok()) {
                let t = &doc.tokens[h];
                println!(
                    "MISS\t{p}\t{}\t{}\t{}\t{inside}",
                    t.upos,
                    doc.text[t.span.start..t.span.end].to_lowercase(),
                    t.lemma
                );
            }
            if p >= 8 && !cue_hit && std::env::var("SHOW").is_ok() {
                let h = head.unwrap();
                let sp = doc.tokens[h].span;
                let mut a = sp.start.saturating_sub(120);
                while !doc.text.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (sp.end + 120).min(doc.text.len());
                while !doc.text.is_char_boundary(b) {
                    b += 1;
                }
                let content: Vec<&str> = g
                    .content
                    .iter()
                    .map(|c| &doc.text[c.start..c.end])
                    .collect();
                println!(
                    "{inside}\t{}[[{}]]{}\t## {}",
                    doc.text[a..sp.start].replace('\n', " "),
                    &doc.text[sp.start..sp.end],
                    doc.text[sp.end..b].replace('\n', " "),
                    content.join(" | ").chars().take(200).collect::<String>()
                );
            }
            *counts.entry(key).or_default() += 1;
        }
    }
    for (k, n) in counts {
        println!("{n:6}  {k}");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a = |i: usize| args.get(i).map(String::as_str).unwrap_or_default();
    match a(0) {
        "prepare-polnear" => {
            let arts = dyad_quotes::eval::articles(std::path::Path::new(a(1))).unwrap();
            let docs = arts.into_iter().map(|(txt, _)| {
                let id = txt.file_stem().unwrap().to_string_lossy().to_string();
                Doc::new(id, std::fs::read_to_string(&txt).unwrap())
            });
            write_cache(docs, a(2));
        }
        "prepare" => {
            let n: usize = a(2).parse().expect("N");
            let opts = dyad_text::read::ReadOptions {
                default_date: args.get(4).and_then(|d| d.parse().ok()),
                ..Default::default()
            };
            let docs = dyad_text::read::open(a(1), &opts)
                .filter_map(Result::ok)
                .take(n);
            write_cache(docs, a(3));
        }
        "polnear" => {
            let cache: BTreeMap<String, Doc> = read_cache(a(2))
                .into_iter()
                .map(|d| (d.id.clone(), d))
                .collect();
            let filter = match std::env::var("FILTER") {
                Ok(f) if f == "none" => AttrFilter::default(),
                Ok(f) => AttrFilter::parse(&std::fs::read_to_string(&f).unwrap(), &f).unwrap(),
                Err(_) => AttrFilter::embedded(),
            };
            let keep = std::env::var("KEEP").ok().and_then(|t| t.parse().ok());
            let filter = AttrFilter {
                model: {
                    let mut m = filter.model;
                    if let Some(t) = keep {
                        m.threshold = t;
                    }
                    m
                },
                ..filter
            };
            let stage = if args.len() > 3 {
                let mut m = CueModel::parse(&std::fs::read_to_string(a(3)).unwrap(), a(3)).unwrap();
                if let Ok(t) = a(4).parse() {
                    m.threshold = t;
                }
                if let Ok(t) = std::env::var("FLOOR").unwrap_or_default().parse() {
                    m.frame_floor = t;
                }
                let lex = if a(5) == "noframes" {
                    Lexicon::parse(
                        dyad_quotes::lexicon::DEFAULT_CUES,
                        "cues",
                        dyad_quotes::lexicon::DEFAULT_WORDS,
                        "words",
                    )
                    .unwrap()
                } else {
                    Lexicon::embedded()
                };
                QuoteStage::with_models(lex, m, filter)
            } else {
                QuoteStage::with_models(Lexicon::embedded(), CueModel::embedded(), filter)
            };
            let run = |d: &mut Doc| {
                if let Some(c) = cache.get(&d.id) {
                    *d = c.clone();
                }
                stage.process(d).map_err(|e| e.to_string())
            };
            let (text, _) = dyad_quotes::eval::run(std::path::Path::new(a(1)), &run).unwrap();
            print!("{text}");
        }
        "train-cues" => train_cues(
            a(1),
            a(2),
            a(3),
            a(4).parse().unwrap_or(0),
            a(5).parse().unwrap_or(0),
        ),
        "diagnose" => diagnose(a(1), a(2), a(3), a(4).parse().unwrap_or(0.8)),
        "train-filter" => train_filter(
            a(1),
            a(2),
            a(3),
            a(4).parse().expect("FOLDS"),
            a(5).parse().expect("CUE_P"),
            a(6).parse().ok(),
        ),
        "quotes" => {
            // `FILTER=none`: the finder's candidates, unfiltered.
            let stage = if std::env::var("FILTER").is_ok_and(|f| f == "none") {
                QuoteStage::with_models(
                    Lexicon::embedded(),
                    CueModel::embedded(),
                    AttrFilter::default(),
                )
            } else {
                QuoteStage::default()
            };
            for mut doc in read_cache(a(1)) {
                stage.process(&mut doc).unwrap();
                for q in &doc.quotes {
                    let sp = q.speaker.as_ref();
                    println!(
                        "{}\t{}\t{:?}\t{:?}\t{}\t{}\t{}\t{}\t{}\t{}",
                        q.kind.as_str(),
                        q.cue.map(|c| doc.slice(c)).unwrap_or(""),
                        sp.map(|s| doc.slice(s.span)),
                        sp.and_then(|s| s.name.as_deref()),
                        sp.is_some_and(|s| s.is_resolved()),
                        doc.slice(q.span).replace('\n', " "),
                        doc.id,
                        q.span.start,
                        q.cue.map_or(-1, |c| c.start as i64),
                        sp.map_or(-1, |s| s.span.start as i64),
                    );
                }
            }
        }
        "speakers" => {
            let top: usize = a(2).parse().unwrap_or(50);
            let stage = QuoteStage::default();
            let (mut quotes, mut resolved) = (0, 0);
            let mut names: BTreeMap<String, usize> = BTreeMap::new();
            let mut unres: BTreeMap<String, usize> = BTreeMap::new();
            for mut doc in read_cache(a(1)) {
                stage.process(&mut doc).unwrap();
                for q in &doc.quotes {
                    quotes += 1;
                    match &q.speaker {
                        Some(sp) if sp.is_resolved() => {
                            resolved += 1;
                            let n = sp
                                .name
                                .clone()
                                .or_else(|| sp.actor.as_ref().map(|a| a.code.clone()))
                                .unwrap_or_default();
                            *names.entry(n).or_default() += 1;
                        }
                        Some(sp) => *unres.entry(doc.slice(sp.span).to_string()).or_default() += 1,
                        None => *unres.entry("(none)".into()).or_default() += 1,
                    }
                }
            }
            println!(
                "quotes {quotes}, resolved {resolved} ({:.1}%)",
                100.0 * resolved as f64 / quotes.max(1) as f64
            );
            let mut v: Vec<_> = names.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (n, c) in v.iter().take(top) {
                println!("  {c:5}  {n}");
            }
            let mut u: Vec<_> = unres.into_iter().collect();
            u.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            println!("unresolved:");
            for (n, c) in u.iter().take(top) {
                println!("  {c:5}  {n}");
            }
        }
        _ => {
            eprintln!("usage: cached prepare-polnear DIR CACHE | prepare INPUT N CACHE | polnear DIR CACHE | speakers CACHE [TOP]");
            std::process::exit(2);
        }
    }
    std::io::stdout().flush().ok();
}
