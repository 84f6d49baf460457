//! Reuters-style SGML records, read as latin-1.
#![no_main]
use dyad_text::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dyad_fuzz::read_all("in.sgml", Some(Format::Sgml), data);
});
