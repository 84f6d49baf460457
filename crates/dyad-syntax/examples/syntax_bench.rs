//! Developer shortcut: `syntax_bench FILE.conllu [OUT.conllu]` — model load time, then tagging,
//! lemmatization and parsing throughput on one thread (gold tokenization), like
//! `dyad parse --stats --input-format conllu` without the rest of the CLI; then the same
//! sentences again, stage by stage, to show where the time goes. `MODEL=DIR` loads the models
//! from DIR as `--model DIR` does.
use dyad_syntax::parser::{tag_hash, PTok};
use dyad_syntax::tagger::Atoms;
use std::time::Instant;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&a[1]).unwrap();
    let mut sents = dyad_syntax::conllu::parse(&text).unwrap();
    let t0 = Instant::now();
    // MODEL=DIR loads models from DIR (files there replace the embedded ones), as `--model`.
    let dir = std::env::var_os("MODEL").map(std::path::PathBuf::from);
    let syn = dyad_syntax::Syntax::load(dir.as_deref()).unwrap();
    let load = t0.elapsed();
    let t = Instant::now();
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
    let words: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let mut secs = [0f64; 4];
    let mut clock = |i: usize, t: &mut Instant| {
        secs[i] += t.elapsed().as_secs_f64();
        *t = Instant::now();
    };
    let mut tags = Vec::new();
    for ws in &words {
        let mut t = Instant::now();
        let atoms: Vec<Atoms> = ws.iter().map(|w| Atoms::new(w, &syn.clusters)).collect();
        clock(0, &mut t);
        syn.tagger.tag_atoms(&atoms, &mut tags);
        clock(1, &mut t);
        let classes = &syn.tagger.classes;
        let lemmas: Vec<String> = ws
            .iter()
            .zip(&tags)
            .map(|(w, &c)| {
                syn.lemmatizer
                    .lemma_with(w, &classes[c as usize].1, Some(&syn.clusters))
            })
            .collect();
        std::hint::black_box(lemmas);
        clock(2, &mut t);
        let toks: Vec<PTok> = atoms
            .iter()
            .zip(&tags)
            .map(|(a, &c)| {
                let (u, x) = &classes[c as usize];
                PTok {
                    w: a.lower,
                    t: tag_hash(u, x),
                    c: a.cf,
                }
            })
            .collect();
        for chunk in toks.chunks(dyad_syntax::MAX_PARSE_WORDS) {
            std::hint::black_box(syn.parser.parse(chunk));
        }
        clock(3, &mut t);
    }
    for (name, s) in ["atoms", "tagger", "lemmatizer", "parser"].iter().zip(secs) {
        eprintln!(
            "  {name:<10} {:6.3} s  {:5.2} µs/word",
            s,
            s * 1e6 / n as f64
        );
    }
}
