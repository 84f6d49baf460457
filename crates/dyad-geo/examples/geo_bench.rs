//! Throughput of the place stage alone on a CSV corpus with a `text` column (NewsArticles.csv):
//! `cargo run --release -p dyad-geo --example geo_bench -- ../shared/data/newsarticles/NewsArticles.csv [--dump]`.
//! Prints documents/s on one core and, with `--dump`, every mention as `text<TAB>name<TAB>country<TAB>feature`.
use dyad_doc::Doc;
use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: bench FILE.csv [--dump]");
    let dump = args.next().as_deref() == Some("--dump");
    let mut rd = csv::Reader::from_path(&path).expect("readable csv");
    let col = rd
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "text")
        .expect("a text column");
    let texts: Vec<String> = rd
        .records()
        .filter_map(Result::ok)
        .map(|r| r[col].to_string())
        .collect();
    let stage = dyad_geo::PlaceStage::new().expect("gazetteer");
    let t = std::time::Instant::now();
    let mut n = 0usize;
    let mut out = std::io::stdout().lock();
    for text in &texts {
        let doc = Doc::new("b", text.as_str());
        let ps = stage.places(&doc);
        n += ps.len();
        if dump {
            for p in ps {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    doc.slice(p.span),
                    p.name,
                    p.country.unwrap_or_default(),
                    p.feature
                )
                .ok();
            }
        }
    }
    let s = t.elapsed().as_secs_f64();
    eprintln!(
        "{} documents, {} places in {:.2}s: {:.0} docs/s",
        texts.len(),
        n,
        s,
        texts.len() as f64 / s
    );
}
