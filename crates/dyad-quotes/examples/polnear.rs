//! Score the quote stage alone (fallback segmentation, no parse/NER) on a PolNeAR split — a tuning
//! aid; `dyad eval polnear DIR` scores the full pipeline.
//! `cargo run --release -p dyad-quotes --example polnear -- DIR`

use dyad_doc::Stage;
use dyad_quotes::QuoteStage;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: polnear DIR");
        std::process::exit(2);
    };
    let stage = QuoteStage::default();
    let run = |doc: &mut dyad_doc::Doc| stage.process(doc).map_err(|e| e.to_string());
    match dyad_quotes::eval::run(std::path::Path::new(&dir), &run) {
        Ok((text, _)) => print!("{text}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
