//! Developer shortcut: `bench FILE.conllu [OUT.conllu]` — model load time, then tagging,
//! lemmatization and parsing throughput on one thread (gold tokenization), like
//! `dyad parse --stats --input-format conllu` without the rest of the CLI.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&a[1]).unwrap();
    let mut sents = dyad_syntax::conllu::parse(&text).unwrap();
    let t0 = std::time::Instant::now();
    let syn = dyad_syntax::Syntax::embedded().unwrap();
    let load = t0.elapsed();
    let t = std::time::Instant::now();
    let mut n = 0;
    for s in &mut sents {
        n += syn.annotate(s);
    }
    let el = t.elapsed().as_secs_f64();
    eprintln!(
        "load {:.1} ms; {n} words in {el:.3} s = {:.0} words/s",
        load.as_secs_f64() * 1000.0,
        n as f64 / el
    );
    if let Some(out) = a.get(2) {
        std::fs::write(out, dyad_syntax::conllu::write(&sents)).unwrap();
    }
}
