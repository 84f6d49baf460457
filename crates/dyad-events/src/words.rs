//! Word matching without a lemmatizer: whether a dictionary word matches a token, by its lemma,
//! its lower-cased form, or a regular English inflection of the word. This keeps the coder working
//! when the syntax layer is missing or its lemma is wrong ("agreed", "talks", "ramped").

/// Lower-case `s` (ASCII fast path).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase().replace(['’', '‘'], "'")
    }
}

/// Whether `form` (lower-cased surface word) is `word` or a regular inflection of it.
pub fn inflects(word: &str, form: &str) -> bool {
    if word == form {
        return true;
    }
    let Some(rest) = form.strip_prefix(word) else {
        // Every other inflection of a word of two letters or more begins with its first letter
        // (hoping, tried, held), but for the irregular words of `FIRST_LETTER_CHANGES` (tested). The coder asks this of
        // every dictionary word near a trigger, and most differ right away: this spares them the
        // scan of the irregular table.
        if word.len() > 1
            && form.as_bytes().first() != word.as_bytes().first()
            && !FIRST_LETTER_CHANGES.contains(&word)
        {
            return false;
        }
        return irregular(word, form) || stem_variants(word, form);
    };
    // "-es" only where English writes it (push → pushes, veto → vetoes, fix → fixes: "aides" is no
    // form of "aid"), "-d" only after a final "e" (agree → agreed: "bard" is no form of "bar").
    let es_ok = ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| word.ends_with(e));
    matches!(rest, "s" | "ed" | "ing" | "'s")
        || (rest == "es" && es_ok)
        || (rest == "d" && word.ends_with('e'))
        || (rest.len() == 3
            && rest.as_bytes()[0] == *word.as_bytes().last().unwrap_or(&0)
            && matches!(&rest[1..], "ed"))
        || (rest.len() == 4
            && rest.as_bytes()[0] == *word.as_bytes().last().unwrap_or(&0)
            && &rest[1..] == "ing")
}

fn stem_variants(word: &str, form: &str) -> bool {
    // agree → agreeing handled above; hope → hoping; try → tries/tried
    if let Some(stem) = word.strip_suffix('e') {
        if form.strip_prefix(stem).is_some_and(|r| r == "ing") {
            return true;
        }
    }
    if let Some(stem) = word.strip_suffix('y') {
        if form
            .strip_prefix(stem)
            .is_some_and(|r| r == "ies" || r == "ied")
        {
            return true;
        }
    }
    false
}

/// A few irregular verb forms common in news, for untagged text: (word, its irregular forms).
/// Every form belongs to one word only (tested), so a form has at most one base.
const IRR: &[(&str, &[&str])] = &[
    ("hold", &["held"]),
    ("meet", &["met"]),
    ("take", &["took", "taken"]),
    ("speak", &["spoke", "spoken"]),
    ("fight", &["fought"]),
    ("strike", &["struck"]),
    ("seek", &["sought"]),
    ("give", &["gave", "given"]),
    ("shoot", &["shot"]),
    ("break", &["broke", "broken"]),
    ("freeze", &["froze", "frozen"]),
    ("send", &["sent"]),
    ("lend", &["lent"]),
    ("bring", &["brought"]),
    ("beat", &["beaten"]),
    ("lay", &["laid"]),
    ("have", &["has", "had"]),
    ("be", &["is", "are", "was", "were", "been", "am"]),
    ("make", &["made"]),
    ("fly", &["flew", "flown"]),
    ("tell", &["told"]),
    ("say", &["said"]),
    ("go", &["went", "gone"]),
    ("lead", &["led"]),
    ("win", &["won"]),
    ("set", &["set"]),
    ("put", &["put"]),
    ("cut", &["cut"]),
    ("quit", &["quit"]),
    ("forgive", &["forgave", "forgiven"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("blow", &["blew", "blown"]),
    ("stand", &["stood"]),
    ("drive", &["drove", "driven"]),
    ("begin", &["began", "begun"]),
    ("overcome", &["overcame"]),
    ("undertake", &["undertook", "undertaken"]),
];

/// The words of `IRR` with a form that does not begin with the word's first letter.
const FIRST_LETTER_CHANGES: &[&str] = &["be", "go"];

/// Whether `form` is an irregular form of `word`.
fn irregular(word: &str, form: &str) -> bool {
    IRR.iter()
        .any(|(w, fs)| quick_eq(w, word) && fs.iter().any(|f| quick_eq(f, form)))
}

/// The word `form` is an irregular form of, if any (tests: `find_stem` asks
/// [`stem_keyed_base`]).
#[cfg(test)]
fn irregular_base(form: &str) -> Option<&'static str> {
    IRR.iter()
        .find(|(_, fs)| fs.iter().any(|f| quick_eq(f, form)))
        .map(|(w, _)| *w)
}

/// String equality that rejects on length and first byte before comparing bytes: the table
/// above is scanned for most tokens, and nearly every entry differs right away.
fn quick_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// The irregular words whose forms `stems` offers as dictionary keys: a subset of `IRR` (not
/// `be`, `have`, `say`, `beat`, `set`, `put`, `cut`, `quit`).
const STEM_KEYED: &[&str] = &[
    "hold",
    "meet",
    "take",
    "speak",
    "fight",
    "strike",
    "seek",
    "give",
    "shoot",
    "break",
    "freeze",
    "send",
    "lend",
    "bring",
    "make",
    "fly",
    "tell",
    "withdraw",
    "blow",
    "begin",
    "forgive",
    "overcome",
    "undertake",
    "lay",
    "drive",
    "stand",
    "go",
    "lead",
    "win",
];

/// Candidate dictionary keys for a surface form: the form and its regular stems.
pub fn stems(form: &str) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    find_stem(form, |s| {
        if !v.iter().any(|x| x == s) {
            v.push(s.to_string());
        }
        None::<()>
    });
    v
}

/// Calls `f` on the keys of [`stems`] in their order (a key may come more than once) until it
/// returns `Some`. Allocates only for stems that add a letter ("hoping" → "hope"): it runs for
/// most tokens, and callers only look the keys up.
pub fn find_stem<T>(form: &str, mut f: impl FnMut(&str) -> Option<T>) -> Option<T> {
    if let Some(x) = f(form) {
        return Some(x);
    }
    let mut g = |s: &str| if s.is_empty() { None } else { f(s) };
    let mut buf = String::new();
    for suf in ["s", "es", "ed", "d", "ing", "'s"] {
        let Some(s) = form.strip_suffix(suf) else {
            continue;
        };
        if let Some(x) = g(s) {
            return Some(x);
        }
        if suf == "ing" || suf == "ed" {
            if let Some(x) = g(joined(&mut buf, s, 'e')) {
                return Some(x);
            }
            // "stopped" → "stop".
            let b = s.as_bytes();
            if b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] {
                if let Some(x) = g(&s[..s.len() - 1]) {
                    return Some(x);
                }
            }
        }
    }
    for suf in ["ies", "ied"] {
        if let Some(s) = form.strip_suffix(suf) {
            if let Some(x) = g(joined(&mut buf, s, 'y')) {
                return Some(x);
            }
        }
    }
    stem_keyed_base(form).and_then(g)
}

/// The word of `STEM_KEYED` that `form` is an irregular form of, if any: a hashed look-up, as
/// `find_stem` asks it of nearly every token and scanning `IRR` cost more than the rest of it.
/// The same answer as `irregular_base(form).filter(|w| STEM_KEYED.contains(w))` (tested).
fn stem_keyed_base(form: &str) -> Option<&'static str> {
    static BASES: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
        std::sync::LazyLock::new(|| {
            IRR.iter()
                .filter(|(w, _)| STEM_KEYED.contains(w))
                .flat_map(|&(w, fs)| fs.iter().map(move |&f| (f, w)))
                .collect()
        });
    BASES.get(form).copied()
}

/// `stem` followed by `c`, in the reused buffer `buf`.
fn joined<'b>(buf: &'b mut String, stem: &str, c: char) -> &'b str {
    buf.clear();
    buf.push_str(stem);
    buf.push(c);
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_match() {
        assert!(inflects("agree", "agreed"));
        assert!(inflects("ramp", "ramped"));
        assert!(inflects("stop", "stopped"));
        assert!(inflects("hope", "hoping"));
        assert!(inflects("talk", "talks"));
        assert!(inflects("hold", "held"));
        assert!(inflects("try", "tried"));
        assert!(!inflects("call", "calm"));
        // "-es" only after s, x, z, ch, sh or o; "-d" only after e.
        assert!(!inflects("aid", "aides"));
        assert!(!inflects("bar", "bard"));
        assert!(inflects("push", "pushes"));
        assert!(inflects("veto", "vetoes"));
        assert!(inflects("fix", "fixes"));
        assert!(inflects("free", "freed"));
        assert!(stems("stopped").contains(&"stop".to_string()));
        assert!(stems("agreed").contains(&"agree".to_string()));
        assert!(stems("met").contains(&"meet".to_string()));
    }

    #[test]
    fn irregular_forms_have_one_base() {
        let mut seen = std::collections::BTreeSet::new();
        for (w, fs) in IRR {
            for f in *fs {
                assert!(seen.insert(*f), "`{f}` is listed twice (again under `{w}`)");
                assert_eq!(irregular_base(f), Some(*w));
            }
        }
        assert_eq!(irregular_base("talks"), None);
        // `inflects` rejects a form with another first letter unless the word is listed.
        for (w, fs) in IRR {
            let changes = fs.iter().any(|f| f.as_bytes()[0] != w.as_bytes()[0]);
            assert_eq!(changes, FIRST_LETTER_CHANGES.contains(w), "{w}");
            // Past the fast rejection, forms that do not extend the word reach the table.
            assert!(
                fs.iter()
                    .filter(|f| !f.starts_with(w))
                    .all(|f| inflects(w, f)),
                "{w}"
            );
        }
        assert!(STEM_KEYED.iter().all(|w| IRR.iter().any(|(x, _)| x == w)));
        // The hashed look-up of `find_stem` answers as the table scan.
        let mut forms: Vec<&str> = IRR
            .iter()
            .flat_map(|(w, fs)| fs.iter().chain([w]))
            .copied()
            .collect();
        forms.extend(["", "talks", "undertaken", "undertakes", "x", "withdrawn!"]);
        for f in forms {
            assert_eq!(
                stem_keyed_base(f),
                irregular_base(f).filter(|w| STEM_KEYED.contains(w)),
                "{f}"
            );
        }
    }

    /// `stems` as first written (every keyed word checked against the whole table): the
    /// single-pass version must give the same keys in the same order.
    fn stems_reference(form: &str) -> Vec<String> {
        let mut v = vec![form.to_string()];
        let mut add = |s: &str| {
            if !s.is_empty() && !v.iter().any(|x| x == s) {
                v.push(s.to_string());
            }
        };
        for suf in ["s", "es", "ed", "d", "ing", "'s"] {
            if let Some(s) = form.strip_suffix(suf) {
                add(s);
                if suf == "ing" || suf == "ed" {
                    add(&format!("{s}e"));
                    let b = s.as_bytes();
                    if b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] {
                        add(&s[..s.len() - 1]);
                    }
                }
            }
        }
        for suf in ["ies", "ied"] {
            if let Some(s) = form.strip_suffix(suf) {
                add(&format!("{s}y"));
            }
        }
        for w in STEM_KEYED {
            if irregular(w, form) {
                add(w);
            }
        }
        v
    }

    #[test]
    fn stems_match_reference() {
        let mut forms: Vec<&str> = IRR
            .iter()
            .flat_map(|(w, fs)| fs.iter().chain([w]))
            .copied()
            .collect();
        forms.extend([
            "", "s", "'s", "ed", "ing", "led", "stopped", "agreed", "hoping", "tries", "tried",
            "talks", "leaders", "dressed", "sees", "ied", "studies", "went", "said", "has",
            "canceled", "meeting", "u.s.", "él", "ĳs",
        ]);
        for f in forms {
            assert_eq!(stems(f), stems_reference(f), "{f:?}");
            let mut all = Vec::new();
            find_stem(f, |k| {
                all.push(k.to_string());
                None::<()>
            });
            let mut seen = std::collections::BTreeSet::new();
            all.retain(|k| seen.insert(k.clone()));
            assert_eq!(all, stems(f), "{f:?}");
        }
    }
}
