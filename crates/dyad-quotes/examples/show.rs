//! Print the quotes the stage finds in a text file (a development aid; runs the quote stage alone,
//! with its fallback segmentation): `cargo run -p dyad-quotes --example show -- FILE`.

use dyad_doc::{Doc, Stage};
use dyad_quotes::QuoteStage;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: show FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).expect("readable file");
    let mut doc = Doc::new("show", text);
    QuoteStage::default()
        .process(&mut doc)
        .expect("quote stage never fails");
    for q in &doc.quotes {
        let sp = q
            .speaker
            .as_ref()
            .map(|s| format!("{:?} ({})", s.name, doc.slice(s.span)));
        println!(
            "[{}] speaker={} cue={:?} channel={:?}\n    {}",
            q.kind.as_str(),
            sp.unwrap_or_else(|| "-".into()),
            q.cue.map(|c| doc.slice(c)),
            q.channel,
            doc.slice(q.span)
        );
    }
}
