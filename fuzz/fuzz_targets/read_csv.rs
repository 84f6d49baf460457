//! CSV: a header row and records (the first byte picks comma or tab, as a .tsv name does).
#![no_main]
use dyad_text::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let name = if mode & 1 == 0 { "in.csv" } else { "in.tsv" };
    dyad_fuzz::read_all(name, Some(Format::Csv), rest);
});
