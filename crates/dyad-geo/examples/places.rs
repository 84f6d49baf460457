//! Print the places the stage finds in a text file (no other stages): `cargo run -p dyad-geo --example places FILE`.
use dyad_doc::Doc;

fn main() {
    let path = std::env::args().nth(1).expect("usage: places FILE");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let t = std::time::Instant::now();
    let stage = dyad_geo::PlaceStage::new().expect("embedded gazetteer");
    eprintln!(
        "load: {:?}, {} entries, {} names",
        t.elapsed(),
        stage.gazetteer().entries.len(),
        stage.gazetteer().name_count()
    );
    let doc = Doc::new("x", text);
    for p in stage.places(&doc) {
        println!(
            "{}\t{}\t{}\t{:?}\t{:.3}\t{:.3}\t{}",
            p.span.start,
            doc.slice(p.span),
            p.name,
            p.country,
            p.lat,
            p.lon,
            p.feature
        );
    }
}
