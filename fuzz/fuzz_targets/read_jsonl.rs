//! JSON Lines: one object per line, any fields.
#![no_main]
use dyad_text::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dyad_fuzz::read_all("in.jsonl", Some(Format::Jsonl), data);
});
