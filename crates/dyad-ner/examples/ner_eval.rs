//! Development driver: `dyad eval conll` without the CLI. Usage: ner_eval MODELDIR FILE
use std::path::Path;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let ner = dyad_ner::Ner::load_dir(Path::new(&a[1])).expect("model");
    let (r, _) = dyad_ner::eval::run_conll(&ner, Path::new(&a[2])).expect("eval");
    print!("{r}");
}
