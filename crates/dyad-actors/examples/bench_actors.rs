//! Throughput of the actors stage alone: `cargo run --release -p dyad-actors --example bench_actors
//! -- ../shared/data/newsarticles/NewsArticles.csv` reads the CSV's `text` column, splits each
//! article into line-paragraph sentences (a rough stand-in for the segmenter), and reports
//! documents per second on one thread, excluding reading and splitting. With `DYAD_CURATED_ONLY=1`
//! the stage uses only the curated dictionary files (no `data/actors/generated/`).

use dyad_actors::ActorStage;
use dyad_doc::{Doc, Sentence, Span};
use std::time::Instant;

fn split(doc: &mut Doc) {
    let text = doc.text.clone();
    let mut start = 0;
    let mut para = 0;
    for (i, c) in text.char_indices() {
        let end = match c {
            '\n' => Some(i),
            '.' | '?' | '!' if text[i + 1..].starts_with(' ') => Some(i + 1),
            _ => None,
        };
        if let Some(e) = end {
            if !text[start..e].trim().is_empty() {
                doc.sentences.push(Sentence {
                    span: Span::new(start, e),
                    tokens: 0..0,
                    paragraph: para,
                });
            }
            if c == '\n' {
                para += 1;
            }
            start = i + c.len_utf8();
        }
    }
    if !text[start..].trim().is_empty() {
        doc.sentences.push(Sentence {
            span: Span::new(start, text.len()),
            tokens: 0..0,
            paragraph: para,
        });
    }
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: bench_actors FILE.csv");
    let mut rdr = csv::Reader::from_path(&path).expect("readable CSV");
    let col = rdr
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "text")
        .expect("a `text` column");
    let mut docs: Vec<Doc> = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let Ok(rec) = rec else { continue };
        let mut d = Doc::new(i.to_string(), rec.get(col).unwrap_or_default());
        d.date = chrono::NaiveDate::from_ymd_opt(2017, 1, 15);
        split(&mut d);
        docs.push(d);
    }
    let t0 = Instant::now();
    // DYAD_CURATED_ONLY=1: without the generated knowledge, for comparison.
    let stage = if std::env::var_os("DYAD_CURATED_ONLY").is_some() {
        ActorStage::with_dictionary(dyad_actors::dict::Dictionary::curated_only())
    } else {
        ActorStage::new()
    };
    let build = t0.elapsed();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t1 = Instant::now();
    let (mut ents, mut clusters) = (0, 0);
    for d in &mut docs {
        stage.annotate(d);
        ents += d.entities.len();
        clusters += d.clusters.len();
    }
    let secs = t1.elapsed().as_secs_f64();
    println!(
        "stage built in {:.1} ms; {} docs ({:.1} MB) in {:.2} s = {:.0} docs/s, {:.1} MB/s; {} entities, {} clusters",
        build.as_secs_f64() * 1e3,
        docs.len(),
        bytes as f64 / 1e6,
        secs,
        docs.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        ents,
        clusters
    );
}
