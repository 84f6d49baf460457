//! The CAMEO event ontology: every code with its name, Goldstein value, quad class and PLOVER
//! mapping. Loaded from `data/cameo/codes.tsv` and `data/cameo/plover.tsv` (embedded by default),
//! validated on load with `file:line` errors, so the tables stay human-editable.

use crate::error::{DictError, Errors};
use dyad_doc::Plover;
use std::collections::BTreeMap;

const CODES_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/cameo/codes.tsv"
));
const PLOVER_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/cameo/plover.tsv"
));

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code with leading zero (`"041"`, `"1312"`, root `"04"`).
    pub code: String,
    /// Short name ("Discuss by telephone").
    pub name: String,
    /// Goldstein conflict–cooperation value (−10 … +10).
    pub goldstein: f32,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad: u8,
    /// PLOVER type, mode and context; `None` for CAMEO 01x statements (PLOVER drops them).
    pub plover: Option<Plover>,
}

/// The CAMEO table, keyed by code.
#[derive(Debug, Clone, Default)]
pub struct Ontology {
    codes: BTreeMap<String, CameoCode>,
}

impl Ontology {
    /// The embedded default tables.
    pub fn embedded() -> Ontology {
        Ontology::parse(
            CODES_TSV,
            "data/cameo/codes.tsv",
            PLOVER_TSV,
            "data/cameo/plover.tsv",
        )
        .expect("embedded CAMEO tables are valid (tested)")
    }

    /// Parse the two tables; `*_name` is used in error messages.
    pub fn parse(
        codes: &str,
        codes_name: &str,
        plover: &str,
        plover_name: &str,
    ) -> Result<Ontology, Errors> {
        let mut errs = Errors::default();
        let mut out = BTreeMap::new();
        for (i, line) in codes.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |m: String| DictError::new(codes_name, i + 1, m);
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 4 {
                errs.push(err(format!(
                    "expected 4 tab-separated fields, found {}",
                    f.len()
                )));
                continue;
            }
            if !valid_code(f[0]) {
                errs.push(err(format!(
                    "`{}` is not a CAMEO code (2-4 digits, root 01-20)",
                    f[0]
                )));
                continue;
            }
            let Ok(g) = f[1].parse::<f32>() else {
                errs.push(err(format!("Goldstein value `{}` is not a number", f[1])));
                continue;
            };
            if !(-10.0..=10.0).contains(&g) {
                errs.push(err(format!("Goldstein value {g} outside -10..10")));
                continue;
            }
            let quad = match f[2].parse::<u8>() {
                Ok(q @ 1..=4) => q,
                _ => {
                    errs.push(err(format!("quad class `{}` must be 1-4", f[2])));
                    continue;
                }
            };
            if out.contains_key(f[0]) {
                errs.push(err(format!("duplicate code {}", f[0])));
                continue;
            }
            out.insert(
                f[0].to_string(),
                CameoCode {
                    code: f[0].into(),
                    name: f[3].trim().into(),
                    goldstein: g,
                    quad,
                    plover: None,
                },
            );
        }
        for (i, line) in plover.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |m: String| DictError::new(plover_name, i + 1, m);
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 2 || f.len() > 4 || f[1].trim().is_empty() {
                errs.push(err("expected code<TAB>type[<TAB>mode[<TAB>context]]".into()));
                continue;
            }
            let Some(c) = out.get_mut(f[0]) else {
                errs.push(err(format!("unknown CAMEO code {}", f[0])));
                continue;
            };
            let opt = |k: usize| {
                f.get(k)
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(String::from)
            };
            c.plover = Some(Plover {
                kind: f[1].trim().to_uppercase(),
                mode: opt(2),
                context: opt(3),
            });
        }
        // Roots take the PLOVER mapping of their `x0` code.
        let roots: Vec<String> = out.keys().filter(|k| k.len() == 2).cloned().collect();
        for r in roots {
            let p = out.get(&format!("{r}0")).and_then(|c| c.plover.clone());
            if let Some(c) = out.get_mut(&r) {
                c.plover = p.map(|p| Plover {
                    mode: None,
                    context: None,
                    ..p
                });
            }
        }
        errs.into_result(Ontology { codes: out })
    }

    /// Look a code up.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// Every code, in code order.
    pub fn codes(&self) -> impl Iterator<Item = &CameoCode> {
        self.codes.values()
    }

    /// Whether `code` is known.
    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains_key(code)
    }
}

/// Whether `s` looks like a CAMEO event code: 2–4 digits with a root between 01 and 20.
pub fn valid_code(s: &str) -> bool {
    (2..=4).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_digit())
        && matches!(s[..2].parse::<u8>(), Ok(1..=20))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_are_complete() {
        let o = Ontology::embedded();
        let roots: Vec<_> = o.codes().filter(|c| c.code.len() == 2).collect();
        assert_eq!(roots.len(), 20);
        assert!(o.codes().count() > 300);
        let c = o.get("041").unwrap();
        assert_eq!((c.goldstein, c.quad), (1.0, 1));
        assert_eq!(c.plover.as_ref().unwrap().kind, "CONSULT");
        assert_eq!(c.plover.as_ref().unwrap().mode.as_deref(), Some("phone"));
        assert_eq!(
            o.get("1312").unwrap().plover.as_ref().unwrap().kind,
            "THREATEN"
        );
        assert_eq!(o.get("195").unwrap().quad, 4);
        // Easing a curfew is a concession (the PLOVER manual), releasing a prisoner a retreat.
        let kind = |c: &str| o.get(c).unwrap().plover.as_ref().unwrap().kind.clone();
        assert_eq!(kind("0813"), "CONCEDE");
        assert_eq!(kind("0814"), "CONCEDE");
        assert_eq!(kind("0841"), "RETREAT");
        assert_eq!(kind("0831"), "RETREAT", "a resignation (the PLOVER manual)");
        // Every 3/4-digit code outside 01x has a PLOVER type.
        for c in o
            .codes()
            .filter(|c| c.code.len() > 2 && !c.code.starts_with("01"))
        {
            assert!(c.plover.is_some(), "{} lacks PLOVER", c.code);
        }
    }

    #[test]
    fn bad_lines_are_reported_with_file_and_line() {
        let e = Ontology::parse(
            "# c\n041\t1\t1\tPhone\n999\t1\t1\tx\n042\tx\t1\ty\n",
            "codes",
            "041\tCONSULT\n05\n",
            "pl",
        )
        .unwrap_err();
        let s = e.to_string();
        assert!(s.contains("codes:3:"), "{s}");
        assert!(s.contains("codes:4:"), "{s}");
        assert!(s.contains("pl:2:"), "{s}");
    }
}
