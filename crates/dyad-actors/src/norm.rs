//! Text normalisation for dictionary matching (lower case, plain quotes and dashes, collapsed
//! spaces), shared by the dictionary loader and the matcher; its own module so that `build.rs` can
//! include the loader without the matcher.

/// Normalises text for matching and returns, for every byte of the result, the byte offset in the
/// input of the character it came from (plus one final entry: the input's length).
pub fn normalize(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let mut prev_space = false;
    for (i, c) in s.char_indices() {
        let c = fold_char(c);
        if c == ' ' {
            if prev_space {
                continue;
            }
            prev_space = true;
        } else {
            prev_space = false;
        }
        if c.is_ascii() {
            // Nearly every character: one byte, lowered as `to_lowercase` would.
            out.push(c.to_ascii_lowercase());
            map.push(i);
            continue;
        }
        for lc in c.to_lowercase() {
            let n = out.len();
            out.push(lc);
            for _ in n..out.len() {
                map.push(i);
            }
        }
    }
    map.push(s.len());
    (out, map)
}

fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
        ' ' | '\t' | '\u{00A0}' | '\u{202F}' => ' ',
        c => c,
    }
}
