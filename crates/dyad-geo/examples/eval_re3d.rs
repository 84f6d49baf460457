//! Run the re3d place scorer without the CLI: `cargo run --release -p dyad-geo --example eval_re3d -- ../shared/data/re3d`.
fn main() {
    let dir = std::env::args().nth(1).expect("usage: eval_re3d DIR");
    match dyad_geo::eval::run_re3d(std::path::Path::new(&dir), None) {
        Ok((text, _)) => print!("{text}"),
        Err(e) => {
            eprintln!("eval_re3d: {e}");
            std::process::exit(2);
        }
    }
}
