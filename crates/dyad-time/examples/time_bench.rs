//! Development helper: `cargo run --release -p dyad-time --example time_bench -- FILE` tags a whole
//! text file (e.g. a corpus dump) with a fixed reference date and prints bytes, expressions and time.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bench FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let tagger = dyad_time::Tagger::embedded().expect("lexicon");
    let date = chrono::NaiveDate::from_ymd_opt(2017, 2, 1);
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for para in text.split("\n\n") {
        n += tagger.tag(para, date).len();
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{} bytes, {n} expressions, {secs:.2} s, {:.1} MB/s",
        text.len(),
        text.len() as f64 / secs / 1e6
    );
}
