//! HTML: main-text extraction of a web page.
#![no_main]
use dyad_text::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dyad_fuzz::read_all("in.html", Some(Format::Html), data);
});
