//! Plain text input, and stdin's format sniffing: the first byte chooses between reading the rest
//! as a `.txt` file and reading it as stdin does (sniffed: JSON Lines, HTML, CSV/TSV or text).
#![no_main]
use dyad_text::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let format = if mode & 1 == 0 {
        Some(Format::Txt)
    } else {
        None
    };
    let name = if mode & 2 == 0 { "<stdin>" } else { "in.tsv" };
    dyad_fuzz::read_all(name, format, rest);
});
