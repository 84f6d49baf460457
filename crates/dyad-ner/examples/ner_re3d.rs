//! Development driver: `dyad eval re3d` without the CLI. Usage: ner_re3d MODELDIR RE3D_DIR
use std::path::Path;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let ner = dyad_ner::Ner::load_dir(Path::new(&a[1])).expect("model");
    let seg = dyad_text::Segmenter;
    let (r, _) = dyad_ner::eval::run_re3d(&ner, &seg, Path::new(&a[2])).expect("eval");
    print!("{r}");
}
