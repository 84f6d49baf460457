//! CAMEO event-code names for the UI's hover titles, from `data/cameo/codes.tsv`.
//!
//! The file belongs to the event coder (format: `code<TAB>goldstein<TAB>quad<TAB>name`, `#`
//! comments); it is embedded here too so the server needs no data directory. Parsing is strict:
//! a malformed line is an error naming file and line.

use std::collections::BTreeMap;

const CODES_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/cameo/codes.tsv"
));

/// One CAMEO code's facts.
#[derive(Debug, Clone, serde::Serialize, PartialEq)]
pub struct CameoCode {
    /// Name ("Make statement").
    pub name: String,
    /// Goldstein score.
    pub goldstein: f64,
    /// Quad class 1–4.
    pub quad: u8,
}

/// Parse a codes table; errors read `file:line: message`.
pub fn parse(text: &str, file: &str) -> Result<BTreeMap<String, CameoCode>, String> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |m: &str| format!("{file}:{}: {m}", i + 1);
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            return Err(err(
                "expected code, goldstein, quad, name separated by tabs",
            ));
        }
        let code = cols[0].trim();
        if code.len() < 2 || code.len() > 4 || !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(err(&format!("bad CAMEO code {code:?}")));
        }
        let goldstein: f64 = cols[1]
            .trim()
            .parse()
            .map_err(|_| err(&format!("bad Goldstein value {:?}", cols[1])))?;
        let quad: u8 = match cols[2].trim().parse() {
            Ok(q @ 1..=4) => q,
            _ => return Err(err(&format!("bad quad class {:?}", cols[2]))),
        };
        out.insert(
            code.to_string(),
            CameoCode {
                name: cols[3].trim().to_string(),
                goldstein,
                quad,
            },
        );
    }
    Ok(out)
}

/// The embedded table.
pub fn embedded() -> Result<BTreeMap<String, CameoCode>, String> {
    parse(CODES_TSV, "data/cameo/codes.tsv")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_loads() {
        let t = embedded().unwrap();
        assert!(t.len() > 200);
        assert!(t.contains_key("04"));
    }

    #[test]
    fn bad_line_names_file_and_line() {
        let e = parse("# c\n04\t1\t1\tConsult\n0x1\t1\t1\tBad\n", "t.tsv").unwrap_err();
        assert!(e.starts_with("t.tsv:3:"), "{e}");
        assert!(parse("04\t1\t9\tX\n", "t").is_err());
    }
}
