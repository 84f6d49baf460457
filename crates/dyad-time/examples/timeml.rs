//! Development helper: `cargo run -p dyad-time --example timeml -- DIR [--errors]` prints the
//! TempEval-3 scores and, with `--errors`, every miss, spurious match and wrong value.
//! Also `--tag YYYY-MM-DD TEXT` to see what the recogniser finds in a sentence.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--tag") && args.len() >= 3 {
        let date = chrono::NaiveDate::parse_from_str(&args[1], "%Y-%m-%d").ok();
        let tagger = dyad_time::Tagger::embedded().expect("lexicon");
        let text = args[2..].join(" ");
        for f in tagger.find(&text, date) {
            println!(
                "{}\t{}\t{}\t{:?}",
                &text[f.start..f.end],
                f.kind,
                f.value,
                f.modifier
            );
        }
        return;
    }
    let Some(dir) = args.first() else {
        eprintln!("usage: timeml DIR [--errors] | --tag YYYY-MM-DD TEXT");
        std::process::exit(2);
    };
    let errors = args.iter().any(|a| a == "--errors");
    match dyad_time::eval::evaluate(std::path::Path::new(dir), errors) {
        Ok((text, _)) => print!("{text}"),
        Err(e) => {
            eprintln!("timeml: {e}");
            std::process::exit(2);
        }
    }
}
