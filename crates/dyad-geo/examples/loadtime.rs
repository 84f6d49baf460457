//! Measure the gazetteer load: `cargo run --release -p dyad-geo --example loadtime` (use `perf stat`
//! for CPU time on a busy machine).
fn main() {
    let t = std::time::Instant::now();
    let g = dyad_geo::Gazetteer::embedded().expect("embedded gazetteer");
    eprintln!(
        "load {:?}: {} entries, {} names",
        t.elapsed(),
        g.entries.len(),
        g.name_count()
    );
}
