//! Times loading the embedded actor dictionary and compiling its matcher (manual check only).
use dyad_actors::dict::Dictionary;
use dyad_actors::matcher::Matcher;
use std::time::Instant;

fn main() {
    for _ in 0..3 {
        let t = Instant::now();
        let d = Dictionary::embedded();
        let t1 = t.elapsed();
        let m = Matcher::new(&d);
        let t2 = t.elapsed();
        let c = Dictionary::curated_only();
        let t3 = t.elapsed() - t2;
        let _mc = Matcher::new(&c);
        let t4 = t.elapsed() - t2 - t3;
        println!(
            "all: load {:?}, matcher {:?} ({} forms) | curated: load {:?}, matcher {:?} ({} forms)",
            t1,
            t2 - t1,
            d.forms.len(),
            t3,
            t4,
            c.forms.len()
        );
        drop(m);
    }
}
