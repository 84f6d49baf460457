//! Developer shortcut: `eval GOLD.conllu MODEL_DIR` (gold tokenization only).
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let (text, _) = dyad_syntax::eval::run(a[1].as_ref(), Some(a[2].as_ref()), None).unwrap();
    print!("{text}");
}
