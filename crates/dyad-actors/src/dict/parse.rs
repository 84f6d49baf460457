//! Line parsers for the dictionary files: `|`-separated fields, `;`-separated lists, `#` comments.
//! Every malformed line becomes a diagnostic and is skipped.

use super::people::{Gender, Person, Role};
use super::{Diagnostic, Dictionary, Entry, EntryKind, FileKind, Source};
use chrono::NaiveDate;

struct Ctx<'a> {
    file: &'a str,
    line: usize,
    diags: &'a mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn err(&mut self, message: impl Into<String>) {
        self.diags.push(Diagnostic {
            file: self.file.to_string(),
            line: self.line,
            message: message.into(),
        });
    }
}

/// Parses one file into `d`.
pub(super) fn parse_file(d: &mut Dictionary, src: &Source, diags: &mut Vec<Diagnostic>) {
    let expected = match src.kind {
        FileKind::Countries => 4,
        FileKind::Orgs | FileKind::Regions | FileKind::Agents => 3,
        FileKind::People => 8,
    };
    for (i, raw) in src.text.lines().enumerate() {
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let mut cx = Ctx {
            file: src.name,
            line: i + 1,
            diags,
        };
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        // Agents take an optional fourth field of flags (`standalone`).
        let optional = usize::from(src.kind == FileKind::Agents);
        if fields.len() < expected || fields.len() > expected + optional {
            cx.err(format!(
                "expected {expected} `|`-separated fields for {}, found {}",
                src.kind.file_name(),
                fields.len()
            ));
            continue;
        }
        match src.kind {
            FileKind::Countries => country(d, &fields, &mut cx),
            FileKind::Orgs => org(d, &fields, &mut cx),
            FileKind::Regions => region(d, &fields, &mut cx),
            FileKind::Agents => agent(d, &fields, &mut cx),
            FileKind::People => person(d, &fields, &mut cx),
        }
    }
}

/// Removes a comment: a line starting with `#`, or ` #` and what follows.
fn strip_comment(raw: &str) -> &str {
    if raw.trim_start().starts_with('#') {
        return "";
    }
    match raw.find(" #") {
        Some(p) => &raw[..p],
        None => raw,
    }
}

fn list(field: &str) -> Vec<String> {
    field
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn is_code(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Registers a new country or region `code` under the first of its `names` and returns that name;
/// reports a missing name, or `duplicate` when the code is already taken, and returns `None`.
fn claim_code(
    d: &mut Dictionary,
    code: &str,
    names: &[String],
    duplicate: String,
    cx: &mut Ctx,
) -> Option<String> {
    let Some(name) = names.first().cloned() else {
        cx.err(format!("{code}: no name"));
        return None;
    };
    if d.names.contains_key(code) {
        match d.code_tier.get(code) {
            // A code a lower tier claimed first (a generated organisation loads before the
            // regions): this line names it.
            Some(t) if *t > d.tier => {}
            // A code a higher tier defines (a user file over the shipped one): skipped quietly.
            Some(t) if *t < d.tier => return None,
            _ => {
                cx.err(duplicate);
                return None;
            }
        }
    }
    d.names.insert(code.to_string(), name.clone());
    d.code_tier.insert(code.to_string(), d.tier);
    Some(name)
}

fn is_sector(s: &str) -> bool {
    s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase())
}

fn country(d: &mut Dictionary, f: &[&str], cx: &mut Ctx) {
    let code = f[0];
    if !(code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())) {
        return cx.err(format!(
            "country code `{code}` is not three capital letters"
        ));
    }
    let names = list(f[1]);
    let duplicate = format!("country {code} is listed twice");
    let Some(name) = claim_code(d, code, &names, duplicate, cx) else {
        return;
    };
    let at = (cx.file, cx.line);
    let e = |kind| Entry {
        code: code.to_string(),
        name: name.clone(),
        kind,
    };
    d.add(e(EntryKind::CountryName), &names, at, cx.diags);
    d.add(e(EntryKind::CountryAdjective), &list(f[2]), at, cx.diags);
    let mut by_sector: Vec<(String, Vec<String>)> = Vec::new();
    for m in list(f[3]) {
        let (form, sector) = match m.split_once('=') {
            Some((form, sec)) => (form.trim().to_string(), sec.trim().to_string()),
            None => (m.clone(), "GOV".to_string()),
        };
        if !is_sector(&sector) {
            cx.err(format!(
                "metonym `{m}`: sector `{sector}` is not three capital letters"
            ));
            continue;
        }
        match by_sector.iter_mut().find(|(s, _)| *s == sector) {
            Some((_, forms)) => forms.push(form),
            None => by_sector.push((sector, vec![form])),
        }
    }
    for (sector, forms) in by_sector {
        d.add(e(EntryKind::Metonym { sector }), &forms, at, cx.diags);
    }
}

fn org(d: &mut Dictionary, f: &[&str], cx: &mut Ctx) {
    let code = f[0];
    if !is_code(code, 2, 8) {
        return cx.err(format!(
            "organisation code `{code}` must be 2-8 capital letters or digits"
        ));
    }
    let sector = match f[1] {
        "-" => None,
        s if is_sector(s) => Some(s.to_string()),
        s => return cx.err(format!("sector `{s}` is not `-` or three capital letters")),
    };
    let names = list(f[2]);
    let Some(name) = names.first().cloned() else {
        return cx.err(format!("{code}: no name"));
    };
    let name = if sector.is_none() || !d.names.contains_key(code) {
        d.code_tier.entry(code.to_string()).or_insert(d.tier);
        d.names.entry(code.to_string()).or_insert(name).clone()
    } else {
        name
    };
    let at = (cx.file, cx.line);
    d.add(
        Entry {
            code: code.to_string(),
            name,
            kind: EntryKind::Org { sector },
        },
        &names,
        at,
        cx.diags,
    );
}

fn region(d: &mut Dictionary, f: &[&str], cx: &mut Ctx) {
    let code = f[0];
    if !is_code(code, 2, 8) {
        return cx.err(format!(
            "region code `{code}` must be 2-8 capital letters or digits"
        ));
    }
    let names = list(f[1]);
    let duplicate = format!("code {code} is already used");
    let Some(name) = claim_code(d, code, &names, duplicate, cx) else {
        return;
    };
    let at = (cx.file, cx.line);
    let e = |kind| Entry {
        code: code.to_string(),
        name: name.clone(),
        kind,
    };
    d.add(e(EntryKind::RegionName), &names, at, cx.diags);
    d.add(e(EntryKind::RegionAdjective), &list(f[2]), at, cx.diags);
}

fn agent(d: &mut Dictionary, f: &[&str], cx: &mut Ctx) {
    let sector = f[0];
    if !is_sector(sector) {
        return cx.err(format!("sector `{sector}` is not three capital letters"));
    }
    let forms = list(f[2]);
    if forms.is_empty() {
        return cx.err("no forms");
    }
    let at = (cx.file, cx.line);
    if f[1] == "former" {
        d.add(
            Entry {
                code: String::new(),
                name: String::new(),
                kind: EntryKind::Former,
            },
            &forms,
            at,
            cx.diags,
        );
        return;
    }
    let role = match f[1] {
        "-" => None,
        "" => return cx.err("empty role (write `-` for none)"),
        r => {
            d.roles.insert(r.to_string());
            Some(r.to_string())
        }
    };
    let (mut standalone, mut given_name) = (false, false);
    for flag in f.get(3).copied().unwrap_or("").split(',').map(str::trim) {
        match flag {
            "" => {}
            "standalone" => standalone = true,
            "given-name" => given_name = true,
            other => {
                return cx.err(format!(
                    "unknown agent flag `{other}` (the flags are `standalone` and `given-name`)"
                ))
            }
        }
    }
    let mut singular = Vec::new();
    let mut plural = Vec::new();
    for form in forms {
        if looks_plural(&form) {
            plural.push(form);
        } else {
            if let Some(p) = pluralize(&form) {
                plural.push(p);
            }
            singular.push(form);
        }
    }
    let e = |plural| Entry {
        code: String::new(),
        name: String::new(),
        kind: EntryKind::Agent {
            sector: sector.to_string(),
            role: role.clone(),
            plural,
            standalone,
            given_name,
        },
    };
    d.add(e(false), &singular, at, cx.diags);
    d.add(e(true), &plural, at, cx.diags);
}

/// Group nouns that are plural as written.
fn looks_plural(form: &str) -> bool {
    let last = form.rsplit(' ').next().unwrap_or(form);
    matches!(
        last,
        "people" | "police" | "media" | "forces" | "servicemen" | "officialdom"
    )
}

/// The regular plural of a form's last word; `None` for modifiers ending in `-`.
pub(crate) fn pluralize(form: &str) -> Option<String> {
    if form.ends_with('-') {
        return None;
    }
    let (head, last) = match form.rfind(' ') {
        Some(p) => (&form[..=p], &form[p + 1..]),
        None => ("", form),
    };
    let pl = if let Some(stem) = last.strip_suffix("man") {
        format!("{stem}men")
    } else if let Some(stem) = last.strip_suffix("woman") {
        format!("{stem}women")
    } else if last.ends_with('y')
        && !last.ends_with("ay")
        && !last.ends_with("ey")
        && !last.ends_with("oy")
    {
        format!("{}ies", &last[..last.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| last.ends_with(e))
    {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    // Titles such as "secretary of state" pluralise their head: "secretaries of state".
    if let Some(p) = form.find(" of ") {
        let first = &form[..p];
        return pluralize(first).map(|pf| format!("{pf}{}", &form[p..]));
    }
    Some(format!("{head}{pl}"))
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `end` picks the last day of a partial date.
fn parse_date(s: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.split('-').collect();
    let y: i32 = parts
        .first()?
        .parse()
        .ok()
        .filter(|_| parts[0].len() == 4)?;
    match parts.len() {
        1 => NaiveDate::from_ymd_opt(y, if end { 12 } else { 1 }, if end { 31 } else { 1 }),
        2 => {
            let m: u32 = parts[1].parse().ok().filter(|_| parts[1].len() == 2)?;
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            if end {
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)?
                };
                next.pred_opt()
            } else {
                Some(first)
            }
        }
        3 if parts[1].len() == 2 && parts[2].len() == 2 => {
            NaiveDate::from_ymd_opt(y, parts[1].parse().ok()?, parts[2].parse().ok()?)
        }
        _ => None,
    }
}

fn person(d: &mut Dictionary, f: &[&str], cx: &mut Ctx) {
    let name = f[0];
    if name.is_empty() {
        return cx.err("empty name");
    }
    let aliases = list(f[1]);
    let gender = match f[2] {
        "m" => Gender::Male,
        "f" => Gender::Female,
        "-" => Gender::Unknown,
        g => return cx.err(format!("gender `{g}` is not m, f or -")),
    };
    let country = f[3];
    if !d.names.contains_key(country) {
        return cx.err(format!("unknown country or organisation code `{country}`"));
    }
    let sector = f[4];
    if !is_sector(sector) {
        return cx.err(format!("sector `{sector}` is not three capital letters"));
    }
    // `-`: no named office (the generated people); stored as an empty role.
    let role = match f[5] {
        "-" => "",
        r if d.roles.contains(r) => r,
        r => return cx.err(format!("role `{r}` is not a role of agents.txt (or `-`)")),
    };
    // An empty start: in the role since before the records begin.
    let from = match f[6] {
        "" => NaiveDate::MIN,
        s => match parse_date(s, false) {
            Some(d) => d,
            None => {
                return cx.err(format!(
                    "bad start date `{s}` (YYYY-MM-DD, YYYY-MM or YYYY, or empty)"
                ))
            }
        },
    };
    let to = match f[7] {
        "" => None,
        s => match parse_date(s, true) {
            Some(t) => Some(t),
            None => {
                return cx.err(format!(
                    "bad end date `{s}` (YYYY-MM-DD, YYYY-MM or YYYY, or empty)"
                ))
            }
        },
    };
    if to.is_some_and(|t| t < from) {
        return cx.err(format!("role ends ({}) before it starts ({})", f[7], f[6]));
    }
    let r = Role {
        country: country.to_string(),
        sector: sector.to_string(),
        role: role.to_string(),
        from,
        to,
    };
    let at = (cx.file, cx.line);
    let idx = match d.person_index.get(name) {
        // A person an earlier tier defines keeps its own lines (curated over generated).
        Some(&i) if d.person_tier[i] < d.tier => return,
        Some(&i) => {
            let p = &mut d.people[i];
            if p.gender != gender {
                return cx.err(format!("{name}: gender differs from an earlier line"));
            }
            p.roles.push(r);
            p.roles.sort_by_key(|r| r.from);
            for a in &aliases {
                if !p.aliases.contains(a) {
                    p.aliases.push(a.clone());
                }
            }
            i
        }
        None => {
            let i = d.people.len();
            d.people.push(Person {
                name: name.to_string(),
                aliases: aliases.clone(),
                gender,
                roles: vec![r],
            });
            d.person_index.insert(name.to_string(), i);
            d.person_tier.push(d.tier);
            i
        }
    };
    let mut forms = vec![name.to_string()];
    forms.extend(aliases);
    d.add(
        Entry {
            code: String::new(),
            name: String::new(),
            kind: EntryKind::Person(idx),
        },
        &forms,
        at,
        cx.diags,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(pluralize("spokesman").as_deref(), Some("spokesmen"));
        assert_eq!(pluralize("authority").as_deref(), Some("authorities"));
        assert_eq!(
            pluralize("attorney general").as_deref(),
            Some("attorney generals")
        );
        assert_eq!(
            pluralize("secretary of state").as_deref(),
            Some("secretaries of state")
        );
        assert_eq!(pluralize("ex-"), None);
        assert_eq!(
            pluralize("police officer").as_deref(),
            Some("police officers")
        );
    }

    #[test]
    fn partial_dates() {
        assert_eq!(
            parse_date("2012-05", false),
            NaiveDate::from_ymd_opt(2012, 5, 1)
        );
        assert_eq!(
            parse_date("2012-02", true),
            NaiveDate::from_ymd_opt(2012, 2, 29)
        );
        assert_eq!(
            parse_date("1996", true),
            NaiveDate::from_ymd_opt(1996, 12, 31)
        );
        assert_eq!(parse_date("2012-5-1", false), None);
        assert_eq!(parse_date("2012-02-30", false), None);
    }
}
