//! The `actors` scorer without the rest of the pipeline (dictionary only: no segmenter, NER or
//! parser): `cargo run --release -p dyad-actors --example eval_actors --
//! ../shared/data/plover-gsr/PLOVER_GSR_CAMEO.txt`. The full-pipeline figure comes from
//! `dyad eval actors FILE`.

use dyad_actors::ActorStage;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: eval_actors PLOVER_GSR_CAMEO.txt");
    let stage = ActorStage::new();
    let annotate = |d: &mut dyad_doc::Doc| {
        stage.annotate(d);
        Ok(())
    };
    match dyad_actors::eval::run(std::path::Path::new(&path), &annotate) {
        Ok((text, _)) => print!("{text}"),
        Err(e) => eprintln!("eval_actors: {e}"),
    }
}
