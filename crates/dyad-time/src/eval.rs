//! `dyad eval timeml DIR`: TempEval-3 scoring of the recogniser on TimeML files.
//!
//! For every `.tml` file under DIR (recursively, in path order) the `TEXT` element is tagged with
//! its `CREATION_TIME` as the reference date. Scoring follows TempEval-3 task A: extents match
//! strictly (same span) or relaxed (overlap); type and value are scored over relaxed matches
//! (accuracy = correct / matched; the attribute F1 uses correct / system and correct / gold). The
//! creation-time TIMEX3 itself is not scored (nor any system match overlapping it).

use dyad_doc::metrics::{f1, ratio};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::engine::Found;
use crate::tml::{self, GoldTimex};
use crate::Tagger;

/// Counts accumulated over documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold TIMEX3s.
    pub gold: usize,
    /// System TIMEX3s.
    pub system: usize,
    /// System spans exactly equal to a gold span.
    pub strict_sys: usize,
    /// Gold spans exactly equal to a system span.
    pub strict_gold: usize,
    /// System spans overlapping a gold span.
    pub relaxed_sys: usize,
    /// Gold spans overlapping a system span.
    pub relaxed_gold: usize,
    /// One-to-one relaxed pairs.
    pub matched: usize,
    /// Pairs with the same type.
    pub type_ok: usize,
    /// Pairs with the same value.
    pub value_ok: usize,
}

/// Score one document's system output against its gold TIMEX3s; mismatches go to `log` when given.
pub fn score(
    text: &str,
    gold: &[GoldTimex],
    sys: &[Found],
    counts: &mut Counts,
    mut log: Option<&mut String>,
) {
    let ct: Vec<&GoldTimex> = gold.iter().filter(|g| g.creation_time).collect();
    let gold: Vec<&GoldTimex> = gold.iter().filter(|g| !g.creation_time).collect();
    let sys: Vec<&Found> = sys
        .iter()
        .filter(|s| !ct.iter().any(|g| s.start < g.end && g.start < s.end))
        .collect();
    let ov = |g: &GoldTimex, s: &Found| s.start < g.end && g.start < s.end;
    counts.gold += gold.len();
    counts.system += sys.len();
    counts.strict_sys += sys
        .iter()
        .filter(|s| gold.iter().any(|g| g.start == s.start && g.end == s.end))
        .count();
    counts.strict_gold += gold
        .iter()
        .filter(|g| sys.iter().any(|s| g.start == s.start && g.end == s.end))
        .count();
    counts.relaxed_sys += sys.iter().filter(|s| gold.iter().any(|g| ov(g, s))).count();
    counts.relaxed_gold += gold.iter().filter(|g| sys.iter().any(|s| ov(g, s))).count();
    let mut used = vec![false; sys.len()];
    for g in &gold {
        let pick = (0..sys.len()).find(|&k| !used[k] && ov(g, sys[k]));
        let gtext = &text[g.start..g.end];
        match pick {
            Some(k) => {
                used[k] = true;
                let s = sys[k];
                counts.matched += 1;
                let tok = s.kind == g.kind;
                let vok = s.value == g.value;
                counts.type_ok += usize::from(tok);
                counts.value_ok += usize::from(vok);
                if let Some(log) = log.as_deref_mut() {
                    let stext = &text[s.start..s.end];
                    if !tok || !vok || stext != gtext {
                        let _ = writeln!(
                            log,
                            "  MISMATCH gold [{gtext}] {} {} | sys [{stext}] {} {} || {}",
                            g.kind,
                            g.value,
                            s.kind,
                            s.value,
                            context(text, g.start, g.end)
                        );
                    }
                }
            }
            None => {
                if let Some(log) = log.as_deref_mut() {
                    let _ = writeln!(log, "  MISSED   [{gtext}] {} {}", g.kind, g.value);
                }
            }
        }
    }
    if let Some(log) = log {
        for (k, s) in sys.iter().enumerate() {
            if !used[k] && !gold.iter().any(|g| ov(g, s)) {
                let _ = writeln!(
                    log,
                    "  SPURIOUS [{}] {} {}",
                    &text[s.start..s.end],
                    s.kind,
                    s.value
                );
            }
        }
    }
}

/// Up to 80 bytes either side of a span, on one line (for error listings).
fn context(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(80);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 80).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!(
        "{}<<{}>>{}",
        &text[a..start],
        &text[start..end],
        &text[end..b]
    )
    .replace('\n', " ")
}

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let p = entry?.path();
        if p.is_dir() {
            tml_files(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Evaluate on every `.tml` file under `path`; with `show_errors`, the report lists every miss,
/// spurious match and wrong type/value per document.
pub fn evaluate(path: &Path, show_errors: bool) -> Result<(String, Vec<(String, f64)>), String> {
    let mut files = Vec::new();
    tml_files(path, &mut files).map_err(|e| format!("{}: {e}", path.display()))?;
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .tml files", path.display()));
    }
    let tagger = Tagger::embedded().map_err(|e| e.to_string())?;
    let mut c = Counts::default();
    let mut log = String::new();
    for f in &files {
        let xml = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let doc = tml::parse(&xml).map_err(|e| format!("{}: {e}", f.display()))?;
        let sys = tagger.find(&doc.text, doc.dct);
        if show_errors {
            let _ = writeln!(log, "{} (DCT {:?})", f.display(), doc.dct);
            score(&doc.text, &doc.timexes, &sys, &mut c, Some(&mut log));
        } else {
            score(&doc.text, &doc.timexes, &sys, &mut c, None);
        }
    }
    let strict_p = ratio(c.strict_sys, c.system);
    let strict_r = ratio(c.strict_gold, c.gold);
    let relaxed_p = ratio(c.relaxed_sys, c.system);
    let relaxed_r = ratio(c.relaxed_gold, c.gold);
    let type_acc = ratio(c.type_ok, c.matched);
    let value_acc = ratio(c.value_ok, c.matched);
    let value_f1 = f1(ratio(c.value_ok, c.system), ratio(c.value_ok, c.gold));
    let type_f1 = f1(ratio(c.type_ok, c.system), ratio(c.type_ok, c.gold));
    let metrics = vec![
        ("strict_precision".to_string(), strict_p),
        ("strict_recall".to_string(), strict_r),
        ("strict_f1".to_string(), f1(strict_p, strict_r)),
        ("relaxed_precision".to_string(), relaxed_p),
        ("relaxed_recall".to_string(), relaxed_r),
        ("relaxed_f1".to_string(), f1(relaxed_p, relaxed_r)),
        ("type_accuracy".to_string(), type_acc),
        ("value_accuracy".to_string(), value_acc),
        ("type_f1".to_string(), type_f1),
        ("value_f1".to_string(), value_f1),
    ];
    let mut text = String::new();
    if show_errors {
        text.push_str(&log);
    }
    let _ = writeln!(
        text,
        "timeml: {} documents, {} gold TIMEX3 (creation times excluded), {} system",
        files.len(),
        c.gold,
        c.system
    );
    let _ = writeln!(
        text,
        "  strict   P {:.4}  R {:.4}  F1 {:.4}",
        strict_p,
        strict_r,
        f1(strict_p, strict_r)
    );
    let _ = writeln!(
        text,
        "  relaxed  P {:.4}  R {:.4}  F1 {:.4}",
        relaxed_p,
        relaxed_r,
        f1(relaxed_p, relaxed_r)
    );
    let _ = writeln!(
        text,
        "  type  accuracy {:.4} ({}/{} relaxed matches)  F1 {:.4}",
        type_acc, c.type_ok, c.matched, type_f1
    );
    let _ = writeln!(
        text,
        "  value accuracy {:.4} ({}/{} relaxed matches)  F1 {:.4}",
        value_acc, c.value_ok, c.matched, value_f1
    );
    Ok((text, metrics))
}

/// The `timeml` eval suite: (printed report, named metrics).
pub fn run(path: &Path) -> Result<(String, Vec<(String, f64)>), String> {
    evaluate(path, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(start: usize, end: usize, kind: &str, value: &str) -> GoldTimex {
        GoldTimex {
            start,
            end,
            kind: kind.into(),
            value: value.into(),
            creation_time: false,
        }
    }

    fn s(start: usize, end: usize, kind: &'static str, value: &str) -> Found {
        Found {
            start,
            end,
            kind,
            value: value.into(),
            modifier: None,
        }
    }

    #[test]
    fn strict_relaxed_and_attributes() {
        let text = "x".repeat(100);
        let gold = [
            g(0, 6, "DATE", "2025-05-19"),
            g(10, 20, "DURATION", "P3Y"),
            g(30, 35, "DATE", "2022-03"),
        ];
        let sys = [
            s(0, 6, "DATE", "2025-05-19"),
            s(12, 20, "DURATION", "P4Y"),
            s(50, 55, "SET", "P1W"),
        ];
        let mut c = Counts::default();
        score(&text, &gold, &sys, &mut c, None);
        assert_eq!((c.gold, c.system), (3, 3));
        assert_eq!((c.strict_sys, c.relaxed_sys, c.relaxed_gold), (1, 2, 2));
        assert_eq!((c.matched, c.type_ok, c.value_ok), (2, 2, 1));
    }
}
