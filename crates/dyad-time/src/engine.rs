//! The matching engine: tokenises the text, tries every rule at every token, keeps the longest
//! match (leftmost first), and converts token matches to byte spans.
//!
//! The rules themselves live in `rules_*.rs` as methods on [`Cx`]; this file holds the shared
//! token helpers (phrase lookup, numbers, months, weekdays, years) and the tense heuristic that
//! decides whether "on Monday" or "in June" points backwards or forwards.

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashSet;
use std::cell::{Cell, OnceCell};
use std::collections::BTreeMap;

use crate::lexicon::Lexicon;
use crate::scan::{self, Kind, Tok};

/// One recognised temporal expression (byte span, TIMEX3 type, value and optional `mod`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: &'static str,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 `mod` (`START`, `END`, `MID`, `MORE_THAN`, `LESS_THAN`, `APPROX`, …).
    pub modifier: Option<&'static str>,
}

/// A match in token indices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cand {
    pub s: usize,
    pub e: usize,
    pub kind: &'static str,
    pub value: String,
    pub m: Option<&'static str>,
}

impl Cand {
    pub fn new(s: usize, e: usize, kind: &'static str, value: impl Into<String>) -> Cand {
        Cand {
            s,
            e,
            kind,
            value: value.into(),
            m: None,
        }
    }
}

/// Verb tense around an expression, as far as cheap cues tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// A number read from text: exact, or vague ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Num {
    N(f64),
    Vague,
}

/// Matching context for one text.
pub(crate) struct Cx<'a> {
    pub t: Vec<Tok>,
    pub sid: Vec<usize>,
    pub lex: &'a Lexicon,
    pub r: Option<NaiveDate>,
    /// Tense cues from a tagger, keyed by token start byte (see [`find_with_hints`]).
    pub hints: BTreeMap<usize, Tense>,
    /// The last day-precise date found so far: the anchor of "the next day", "that day".
    pub last_day: Cell<Option<NaiveDate>>,
    /// Per token, the lexicon phrases that may start there ([`Cx::phrases_at`]), found on first
    /// use: the rules look up the same token in several lists.
    pub phrases: Vec<OnceCell<Option<Phrases>>>,
}

/// The lexicon phrases that may start at a token: the token heads a phrase of the lexicon
/// ([`Lexicon::heads`]), and these spans of the text from it are keys of some list.
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    /// Spans of two tokens or more, longest first: (end token, key).
    multi: Vec<(usize, String)>,
    /// The token alone is a key.
    single: bool,
}

/// Words (besides lexicon phrases and numbers) that can begin a rule's pattern.
const TRIGGERS: &[&str] = &[
    "the",
    "this",
    "last",
    "next",
    "coming",
    "past",
    "previous",
    "preceding",
    "current",
    "that",
    "earlier",
    "later",
    "early",
    "late",
    "mid",
    "more",
    "less",
    "fewer",
    "at",
    "up",
    "no",
    "nearly",
    "almost",
    "every",
    "each",
    "once",
    "twice",
    "per",
    "a",
    "an",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "noon",
    "midnight",
    "fiscal",
    "calendar",
    "year",
    "comparable",
    "corresponding",
    "same",
    "latest",
    "most",
    "another",
    "further",
    "additional",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// [`TRIGGERS`] hashed (asked of most words of a text).
fn triggers() -> &'static FxHashSet<&'static str> {
    static SET: std::sync::LazyLock<FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| TRIGGERS.iter().copied().collect());
    &SET
}

/// Recognise and normalise every temporal expression in `text`, relative to `reference`.
pub fn find(text: &str, reference: Option<NaiveDate>, lex: &Lexicon) -> Vec<Found> {
    find_with_hints(text, reference, lex, BTreeMap::new())
}

/// Like [`find`], with tense cues from a tagger: start byte of a word → past (`VBD`) or future
/// (modal `will`/`shall`). Words without a hint fall back to the built-in cue lists.
pub(crate) fn find_with_hints(
    text: &str,
    reference: Option<NaiveDate>,
    lex: &Lexicon,
    hints: BTreeMap<usize, Tense>,
) -> Vec<Found> {
    let t = scan::tokenize(text);
    let sid = scan::sentence_ids(&t);
    let phrases = std::iter::repeat_with(OnceCell::new)
        .take(t.len())
        .collect();
    let cx = Cx {
        t,
        sid,
        lex,
        r: reference,
        hints,
        last_day: Cell::new(None),
        phrases,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.t.len() {
        if !cx.may_start(i) {
            i += 1;
            continue;
        }
        match cx.best_at(i) {
            Some(c) if c.e > c.s => {
                if matches!(c.kind, "DATE" | "TIME") {
                    if let Some(d) = c
                        .value
                        .get(..10)
                        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
                    {
                        cx.last_day.set(Some(d));
                    }
                }
                out.push(Found {
                    start: cx.t[c.s].start,
                    end: cx.t[c.e - 1].end,
                    kind: c.kind,
                    value: c.value,
                    modifier: c.m,
                });
                i = c.e;
            }
            _ => i += 1,
        }
    }
    out
}

impl<'a> Cx<'a> {
    /// The longest candidate starting at token `i` (first rule wins ties).
    pub fn best_at(&self, i: usize) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        for c in self.all_at(i, true) {
            if best.as_ref().is_none_or(|b| c.e > b.e) {
                best = Some(c);
            }
        }
        best
    }

    /// Every rule's candidate at `i`; `with_mods` also tries modifier prefixes.
    pub fn all_at(&self, i: usize, with_mods: bool) -> Vec<Cand> {
        if i >= self.t.len() {
            return Vec::new();
        }
        let rules: [fn(&Cx<'a>, usize) -> Option<Cand>; 17] = [
            Cx::r_iso,
            Cx::r_date,
            Cx::r_month_year,
            Cx::r_month,
            Cx::r_year,
            Cx::r_decade,
            Cx::r_century,
            Cx::r_quarter,
            Cx::r_season,
            Cx::r_weekday,
            Cx::r_relday,
            Cx::r_ref,
            Cx::r_rel_unit,
            Cx::r_ago,
            Cx::r_duration,
            Cx::r_set,
            Cx::r_time,
        ];
        let mut out: Vec<Cand> = rules.iter().filter_map(|r| r(self, i)).collect();
        out.extend(self.r_holiday(i));
        if with_mods {
            out.extend(self.r_modified(i));
        }
        out
    }

    // ----- token helpers -----

    /// Lower-case text of token `i`, or "" past the end.
    pub fn w(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.lower.as_str())
    }

    /// Token `i` is `s`.
    pub fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }

    /// Token `i` is one of `ss`.
    pub fn any(&self, i: usize, ss: &[&str]) -> bool {
        let w = self.w(i);
        !w.is_empty() && ss.contains(&w)
    }

    /// Token `i` directly follows token `i - 1` with no space.
    pub fn adj(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    /// Tokens `i` and `j` are in the same sentence.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        i < self.t.len() && j < self.t.len() && self.sid[i] == self.sid[j]
    }

    /// Longest phrase of `map` starting at token `i`: (end token, value).
    ///
    /// `map` must be one of the lexicon's lists whose keys are in [`Lexicon::keys`].
    pub fn look<'m, V>(&self, i: usize, map: &'m BTreeMap<String, V>) -> Option<(usize, &'m V)> {
        let p = self.phrases_at(i)?;
        for (j, key) in &p.multi {
            if let Some(v) = map.get(key.as_str()) {
                return Some((*j, v));
            }
        }
        if !p.single {
            return None;
        }
        map.get(self.t[i].lower.as_str()).map(|v| (i + 1, v))
    }

    /// The phrases of the lexicon that may start at token `i` (`None`: the token heads none, or
    /// is punctuation): the spans of two tokens or more within the head's longest phrase and the
    /// sentence whose key ([`scan::key_of`]) some list holds, longest first, and whether the token
    /// alone is a key. Found once per token; [`Self::look`] then looks up only these keys.
    fn phrases_at(&self, i: usize) -> Option<&Phrases> {
        let t = self.t.get(i)?;
        self.phrases[i]
            .get_or_init(|| {
                if t.kind == Kind::Punct {
                    return None;
                }
                let n = *self.lex.heads.get(t.lower.as_str())?;
                let max = (i + n.max(1)).min(self.t.len());
                let mut p = Phrases {
                    multi: Vec::new(),
                    single: self.lex.keys.contains(t.lower.as_str()),
                };
                if max >= i + 2 {
                    // The keys grow a token at a time, as `key_of` joins them.
                    let mut key = t.lower.clone();
                    for j in i + 2..=max {
                        let u = &self.t[j - 1];
                        if u.space_before {
                            key.push(' ');
                        }
                        key.push_str(&u.lower);
                        if self.same_sentence(i, j - 1) && self.lex.keys.contains(key.as_str()) {
                            p.multi.push((j, key.clone()));
                        }
                    }
                    p.multi.reverse();
                }
                Some(p)
            })
            .as_ref()
    }

    /// Whether any rule can start at token `i` (cheap filter before trying them all).
    pub fn may_start(&self, i: usize) -> bool {
        let t = &self.t[i];
        match t.kind {
            Kind::Num => true,
            Kind::Punct => t.lower == "'" && self.t.get(i + 1).is_some_and(|n| n.kind == Kind::Num),
            Kind::Word => {
                let w = t.lower.as_str();
                self.phrases_at(i).is_some()
                    || triggers().contains(w)
                    || (w.len() == 2 && w.starts_with('q'))
                    || w.strip_suffix('s')
                        .is_some_and(|s| self.lex.weekdays.contains_key(s))
            }
        }
    }

    /// A month name at `i` (capitalised; abbreviations need a dot or a following number).
    pub fn month(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t.get(i)?;
        if !t.cap {
            return None;
        }
        let (j, &m) = self.look(i, &self.lex.months)?;
        if j != i + 1 {
            return None;
        }
        let abbrev = t.lower.len() <= 4 && !matches!(t.lower.as_str(), "may" | "june" | "july");
        if abbrev {
            if self.is(j, ".") && self.adj(j) {
                return Some((j + 1, m));
            }
            if self.t.get(j).is_some_and(|t| t.kind == Kind::Num) {
                return Some((j, m));
            }
            return None;
        }
        Some((j, m))
    }

    /// A weekday name at `i` (capitalised; abbreviations need a dot).
    pub fn weekday(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t.get(i)?;
        if !t.cap {
            return None;
        }
        let (j, &d) = self.look(i, &self.lex.weekdays)?;
        if t.lower.len() < 6 {
            return (self.is(j, ".") && self.adj(j)).then_some((j + 1, d));
        }
        Some((j, d))
    }

    /// Digits of a plain number token (no suffix).
    pub fn digits(&self, i: usize) -> Option<&str> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Num && t.lower.bytes().all(|b| b.is_ascii_digit()))
            .then_some(t.lower.as_str())
    }

    /// A four-digit year 1000..=2199 at `i` that is not part of a bigger number.
    pub fn year(&self, i: usize) -> Option<(usize, i32)> {
        let d = self.digits(i)?;
        if d.len() != 4 {
            return None;
        }
        let y: i32 = d.parse().ok()?;
        if !(1000..=2199).contains(&y) {
            return None;
        }
        // 1,2025 / 2025.5 / 2025,000 / $2025 / 2025% are not years.
        if self.any(i + 1, &[",", "."])
            && self.adj(i + 1)
            && self.digits(i + 2).is_some()
            && self.adj(i + 2)
        {
            return None;
        }
        if i > 0 && self.any(i - 1, &[",", ".", "$", "€", "£", "#"]) && self.adj(i) {
            return None;
        }
        if self.any(i + 1, &["%", "percent"]) {
            return None;
        }
        Some((i + 1, y))
    }

    /// A day of month 1..=31 at `i` (`19`, `19th`).
    pub fn day(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num {
            return None;
        }
        let digits: String = t.lower.chars().take_while(char::is_ascii_digit).collect();
        let suffix = &t.lower[digits.len()..];
        if digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        // "May 19:30" is a time, "May 19,000" a number.
        if self.is(i + 1, ":") && self.adj(i + 1) && self.adj(i + 2) && self.digits(i + 2).is_some()
        {
            return None;
        }
        if self.is(i + 1, ",") && self.adj(i + 1) && self.adj(i + 2) && self.digits(i + 2).is_some()
        {
            return None;
        }
        (1..=31).contains(&d).then_some((i + 1, d))
    }

    /// A number at `i`: digits (`30`, `1,000`, `2.5`), number words (`twenty-four`), or, when
    /// `article` is set, `a`/`an` as one.
    pub fn num(&self, i: usize, article: bool) -> Option<(usize, Num)> {
        if let Some(d) = self.digits(i) {
            let mut s = d.to_string();
            let mut j = i + 1;
            while self.is(j, ",")
                && self.adj(j)
                && self.adj(j + 1)
                && self.digits(j + 1).is_some_and(|x| x.len() == 3)
            {
                s.push_str(self.w(j + 1));
                j += 2;
            }
            if self.is(j, ".") && self.adj(j) && self.adj(j + 1) && self.digits(j + 1).is_some() {
                s.push('.');
                s.push_str(self.w(j + 1));
                j += 2;
            }
            return s.parse::<f64>().ok().map(|v| (j, Num::N(v)));
        }
        if article && self.any(i, &["a", "an"]) {
            // "a few", "a couple of", "a dozen" are longer phrases.
            if let Some((j, v)) = self.look(i, &self.lex.numbers) {
                return Some((j, Num::N(*v as f64)));
            }
            return Some((i + 1, Num::N(1.0)));
        }
        let (mut j, v) = self.look(i, &self.lex.numbers)?;
        let mut v = *v as f64;
        // twenty-four / twenty four
        if (20.0..100.0).contains(&v) && v % 10.0 == 0.0 {
            let k = if self.is(j, "-") && self.adj(j) {
                j + 1
            } else {
                j
            };
            if let Some((j2, &u)) = self.look(k, &self.lex.numbers) {
                if u < 10 && (k == j || self.adj(k)) {
                    v += u as f64;
                    j = j2;
                }
            }
        }
        // two hundred / three thousand
        if self.is(j, "hundred") {
            v *= 100.0;
            j += 1;
        } else if self.is(j, "thousand") {
            v *= 1000.0;
            j += 1;
        }
        Some((j, Num::N(v)))
    }

    /// A unit word at `i`: (end, unit code, plural).
    pub fn unit(&self, i: usize) -> Option<(usize, &'a str, bool)> {
        let lex: &'a Lexicon = self.lex;
        let (j, u) = self.look(i, &lex.units)?;
        // Plural unit words all end in "s" ("days", "hrs", "centuries").
        Some((j, u.as_str(), self.w(j - 1).ends_with('s')))
    }

    /// A part of day at `i`.
    pub fn part(&self, i: usize) -> Option<(usize, &'a str)> {
        let lex: &'a Lexicon = self.lex;
        lex.parts.get(self.w(i)).map(|p| (i + 1, p.as_str()))
    }

    // ----- tense -----

    /// Tense cues around tokens `s..e`: the nearest cue before, else after, in the same sentence.
    pub fn tense(&self, s: usize, e: usize) -> Tense {
        for k in (s.saturating_sub(10)..s).rev() {
            if !self.same_sentence(k, s) {
                break;
            }
            if let Some(t) = self.cue(k) {
                return t;
            }
        }
        for k in e..(e + 10).min(self.t.len()) {
            if !self.same_sentence(k, s.min(self.t.len() - 1)) {
                break;
            }
            if let Some(t) = self.cue(k) {
                return t;
            }
        }
        Tense::Unknown
    }

    fn cue(&self, k: usize) -> Option<Tense> {
        if let Some(&t) = self.hints.get(&self.t[k].start) {
            return Some(t);
        }
        let w = self.w(k);

        match self.lex.tense.get(w).map(String::as_str) {
            Some("FUTURE") => return Some(Tense::Future),
            Some("PAST") => return Some(Tense::Past),
            _ => {}
        }
        if w == "ll" && self.is(k.wrapping_sub(1), "'") {
            return Some(Tense::Future);
        }
        if matches!(w, "soon" | "early") && self.is(k.wrapping_sub(1), "as") {
            return Some(Tense::Future);
        }
        if w == "going" && self.is(k + 1, "to") {
            return Some(Tense::Future);
        }
        if w == "won" && self.is(k + 1, "'") && self.is(k + 2, "t") {
            return Some(Tense::Future);
        }
        const NOT_PAST: &[&str] = &[
            "need", "speed", "proceed", "succeed", "exceed", "indeed", "embed", "hundred", "breed",
            "seed", "feed", "bleed", "united", "limited", "red", "bed", "shed",
        ];
        if w.len() >= 5
            && w.ends_with("ed")
            && !NOT_PAST.contains(&w)
            && self.t[k].kind == Kind::Word
            && !self.t[k].cap
        {
            // Passives and adjectives ("will be named", "is supposed to", "the proposed deal") are
            // not past-tense cues; keep looking.
            let prev = if k > 0 { self.w(k - 1) } else { "" };
            let skip = [
                "be", "been", "being", "is", "are", "am", "the", "a", "an", "this", "its", "their",
                "his", "her", "still", "to",
            ];
            if skip.contains(&prev) {
                return None;
            }
            return Some(Tense::Past);
        }
        None
    }

    // ----- resolution helpers -----

    /// Year for a month/day without one: by tense (past: latest on or before the reference; future:
    /// earliest on or after; unknown: the closest).
    pub fn infer_year(&self, month: u32, day: Option<u32>, tense: Tense) -> Option<i32> {
        let r = self.r?;
        let key = |y: i32| (y, month, day.unwrap_or(0));
        let rk = (r.year(), r.month(), if day.is_some() { r.day() } else { 0 });
        let ys = [r.year() - 1, r.year(), r.year() + 1];
        let ok = |y: i32| day.is_none_or(|d| NaiveDate::from_ymd_opt(y, month, d).is_some());
        let dist = |y: i32| {
            let mm = (y * 12 + month as i32) - (r.year() * 12 + r.month() as i32);
            (mm * 31 + day.map_or(0, |d| d as i32 - r.day() as i32)).abs()
        };
        let closest = ys
            .iter()
            .copied()
            .filter(|&y| ok(y))
            .min_by_key(|&y| dist(y));
        let directed = match tense {
            Tense::Past => ys.iter().rev().copied().find(|&y| key(y) <= rk && ok(y)),
            Tense::Future => ys.iter().copied().find(|&y| key(y) >= rk && ok(y)),
            Tense::Unknown => closest,
        };
        // Tense cues are noisy: a specific day more than ~6 months away (a month more than ~8)
        // in the cued direction is less likely than the nearest occurrence.
        let limit = if day.is_some() { 6 * 31 } else { 8 * 31 };
        match directed {
            Some(y) if dist(y) <= limit => Some(y),
            _ => closest,
        }
    }
}

/// A duration value: `P3Y`, `PT2H`, `PXD`, …
pub(crate) fn dur_value(n: Num, unit: &str) -> String {
    let f = |x: f64| {
        if x.fract() == 0.0 {
            format!("{}", x as i64)
        } else {
            format!("{x}")
        }
    };
    match n {
        Num::Vague => match unit {
            "H" => "PTXH".into(),
            "MIN" => "PTXM".into(),
            "S" => "PTXS".into(),
            "WE" => "PXWE".into(),
            "FN" => "PXW".into(),
            "HY" => "PXM".into(),
            u => format!("PX{u}"),
        },
        Num::N(x) => match unit {
            "H" => format!("PT{}H", f(x)),
            "MIN" => format!("PT{}M", f(x)),
            "S" => format!("PT{}S", f(x)),
            "DE" => format!("P{}Y", f(x * 10.0)),
            "CE" => format!("P{}Y", f(x * 100.0)),
            "WE" => format!("P{}D", f(x * 2.0)),
            "HY" => format!("P{}M", f(x * 6.0)),
            "FN" => format!("P{}W", f(x * 2.0)),
            u => format!("P{}{u}", f(x)),
        },
    }
}

/// The unresolved (no reference date) value of "this/last/next UNIT".
pub(crate) fn unresolved(unit: &str) -> String {
    match unit {
        "Y" => "XXXX",
        "M" => "XXXX-XX",
        "W" | "FN" => "XXXX-WXX",
        "WE" => "XXXX-WXX-WE",
        "Q" => "XXXX-QX",
        "HY" => "XXXX-HX",
        "DE" => "XXX",
        "CE" => "XX",
        _ => "XXXX-XX-XX",
    }
    .to_string()
}
