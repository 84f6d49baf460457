//! When are two event mentions the same real-world event? Pure functions, no SQL.
//!
//! Mentions are compared only within a *block*: the unordered pair of their two sides' anchors
//! (an actor's country, else its code) and negation (a denied meeting is not the meeting). Every
//! CAMEO root shares the block; the family of a root (`data/dedup/roots.tsv`: roots coders swap
//! for one act, such as assault and fight) decides how much evidence two roots need. Within a
//! block two mentions are compatible when all of these hold (thresholds and reasons in
//! `docs/store.md`, "Canonical events"):
//!
//! - **actors**: each side's codes are equal or one is the other's country-level parent through a
//!   state sector (`CHN` and `CHNGOV`, data file `data/dedup/actors.tsv`), or both name one
//!   person of one country (the coder's sector for a person varies); the sides line up
//!   directly (A→B, A→B) or, for joint acts (meetings, talks, agreements) and mirrored codes
//!   (visit/host) or two codings of one sentence with one three-digit code, reversed (A→B, B→A);
//! - **people**: when both mentions name a person on the same side, the names share a word;
//! - **CAMEO**: the same three-digit code, or a parent/child pair (a root-level code such as `04`
//!   or `040`, "not specified below", is the parent of every code of its root), after mirroring;
//!   or two roots of one family with strong evidence ([`words_compatible`]: one span, echoing
//!   sentences, an attack and its toll in one sentence), or two roots of no one family whose
//!   different sentences echo ([`ROOT_ECHO`]), sides lined up directly;
//! - **host**: the side a visit happens at compares by country alone (`host` in
//!   `data/dedup/actors.tsv`);
//! - **trip** ([`same_trip`]): a visit and the meetings of one named person with one country
//!   (`trip` codes) are one trip whatever their words, dated up to [`TRIP_DAYS`] apart;
//! - **time** ([`When`]): dated mentions on the same day (one day apart when their sentences
//!   echo, [`dates_slip`]); a mention dated only by its article
//!   within [`UNDATED_WINDOW`] days of the other's day (two naming the same person on each side
//!   with one code within [`PEOPLE_WINDOW`], [`people_days`]); a period (`2016-12`, `2017-W11`) by
//!   overlap (two periods only so), and a period long past at publication (ending more than [`PAST_DAYS`] before it)
//!   only by overlap with another period or date;
//! - **place**: no conflict: two named places that differ and lie more than [`PLACE_KM`] apart
//!   (or whose countries differ) are two events;
//! - **shared words**: mentions from different sentences, not copies of one story, share at
//!   least [`SHARED_WORDS`] of their sentences' content words ([`PARENT_WORDS`] for a generic or
//!   parent code and a child); one code twice needs none when both name the same people on both
//!   sides;
//! - **modality**: an act that happened and one planned, demanded, threatened or imagined are two
//!   events, unless both are codings of one sentence or two roots of one family (an appeal's
//!   `demand` is its root's own mode);
//! - **headline**: a headline and a body sentence of its article echo each other when the body
//!   sentence holds [`HEAD_ECHO`] of the headline's words (not across roots of no one family);
//! - **underspecified codings**: statements (root `01`, "said") say nothing of *what* was said,
//!   so they merge only across copies of one story or when their (different) sentences echo
//!   each other ([`STATEMENT_WORDS`]); dyads with the same code on both sides (`USAGOV→USAGOV`:
//!   who acted on whom?) only across copies; domestic dyads (both sides anchored in one country,
//!   `USALEG→USAGOV`) only within one article or across copies.
//!
//! - **pair model** ([`model_links`], off unless `data/dedup/link.tsv` holds one): a logistic
//!   regression over [`pair_features`] may link two mentions of one root the rules leave apart
//!   ([`model_candidate`]).
//!
//! Codings of one span (one sentence, overlapping evidence) form a *unit* that [`group`] treats
//! as one act; [`group`] joins units strongest link first, every pair of a group within the
//! constraints ([`constraints_hold`]) and most pairs linked ([`LINK_SHARE`]), whatever order the
//! mentions arrive in.

#[cfg(test)]
use super::lexicon::LinkModel;
use super::lexicon::{Host, Vocab};

/// Days before and after (one day) a mention's publication day that an event it does not date
/// itself may lie on (a report published the morning after, a story retold for two days).
pub const UNDATED_WINDOW: i64 = 2;
/// A period ending more than this many days before the article is long past: it no longer
/// matches by publication day ("his first visit in 1985").
pub const PAST_DAYS: i64 = 365;
/// Two mentions from different sentences (and not copies of one story) must share at least
/// this Jaccard similarity of their sentences' content words: two reports of one act name its
/// participants, place, object; two acts that only share codes rarely share their words.
pub const SHARED_WORDS: f64 = 0.1;
/// A generic or parent code and a child (`040` and `042`, `020` and `023`) say less of the act
/// than one code twice, so mentions from different sentences coded so must share at least this
/// much: a "meeting" sentence and a "visit" sentence of one day often tell two occasions.
pub const PARENT_WORDS: f64 = 0.25;
/// Statements (root `01`) from different sentences are one claim when their sentences share at
/// least this much: the same sentence reprinted or closely re-worded (a headline and its body,
/// a quote carried by two outlets). Two claims of one speaker on one day share far less.
pub const STATEMENT_WORDS: f64 = 0.3;
/// Two mentions of two roots of one family (`data/dedup/roots.tsv`) from different sentences
/// are one act when their sentences share at least this much (as [`STATEMENT_WORDS`]: one
/// sentence reprinted or closely re-worded, a headline and its body): a demand and an appeal of
/// one day that merely share actors are usually two utterances.
pub const CROSS_WORDS: f64 = 0.3;
/// Two mentions of two roots of no one family (`0874` the notice of leaving and `166` the exit,
/// `137` "vows to demolish" and `030` "vowed to destroy") from different sentences are one act
/// when their sentences share at least this much: the coder's choice of root for one reported
/// act differs between a headline and its body or between two outlets' sentences, but the
/// sentences still name the act's participants, object and place.
pub const ROOT_ECHO: f64 = 0.3;
/// Two mentions dated one day apart are one act when their sentences share at least this much:
/// a sentence retold nearly word for word, its weekday resolved against two publication days
/// (the coder's date error), not two acts of two days.
pub const DATE_ECHO: f64 = 0.5;
/// Two dated mentions of one trip ([`same_trip`]) may lie this many days apart: a visit of two
/// days ("arrives in Tokyo late Wednesday", "held talks on Thursday").
pub const TRIP_DAYS: i64 = 1;
/// Two mentions without a date of their own that name the same two people with one code (the
/// adviser's talks with the ambassador) may lie this many publication days apart: a named
/// pair's act retold through a week of follow-up stories, the publication day being no date of
/// the act ([`people_days`]).
pub const PEOPLE_WINDOW: i64 = 7;
/// Two groups of one run join when no pair of their units breaks a constraint and at least this
/// share of the pairs is linked by the shared-words evidence ([`group`]): one act told in many
/// ways (a visit, its talks, its welcome) has reports that do not all share words with each
/// other, and every one of them sharing words with every other is too strict a test.
pub const LINK_SHARE: f64 = 0.67;
/// A headline and a sentence of its article's body echo each other when at least this share of
/// the headline's content words is in the body sentence ([`echo`]): a headline is short, so the
/// Jaccard share of the two is low even when the body sentence tells the headline's act in full.
pub const HEAD_ECHO: f64 = 0.5;

/// Words before (and after) an evidence span searched for a planned-act cue ([`planned_cue`]).
pub const PLANNED_WINDOW: usize = 5;
/// Two named places closer than this (km) are the same place (a city and its district).
pub const PLACE_KM: f64 = 50.0;

/// When a mention's event happened, as far as its coding says (days are day numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Its own full date (a time expression of the article).
    Dated(i64),
    /// No date of its own: the article's publication day.
    Undated(i64),
    /// A period (`2016-12`, `2017-W11`, `2016`): first and last day, and the publication day.
    Period(i64, i64, i64),
}

impl When {
    /// Whether this is a period long past at publication.
    fn past(self) -> bool {
        matches!(self, When::Period(_, end, published) if end < published - PAST_DAYS)
    }

    /// The days the event itself may lie on, ignoring the publication-day fallback.
    fn span(self) -> (i64, i64) {
        match self {
            When::Dated(d) => (d, d),
            When::Undated(p) => (p - UNDATED_WINDOW, p + 1),
            When::Period(s, e, _) => (s, e),
        }
    }

    /// The widest range of days a compatible mention's reach must meet ([`Mention::reach`]
    /// widens it for a named pair): runs of overlapping reaches can be grouped apart from each
    /// other.
    pub fn reach(self) -> (i64, i64) {
        match self {
            When::Period(s, e, p) if !self.past() => (s.min(p - UNDATED_WINDOW), e.max(p + 1)),
            // A date one day off may still be the same act ([`DATE_ECHO`], [`TRIP_DAYS`]).
            When::Dated(d) => (d - 1, d + 1),
            w => w.span(),
        }
    }

    /// The day it is ordered by (its own date, its publication day, a period's start).
    pub fn day(self) -> i64 {
        match self {
            When::Dated(d) | When::Undated(d) => d,
            When::Period(s, _, p) => {
                if self.past() {
                    s
                } else {
                    p
                }
            }
        }
    }
}

/// One side of a mention.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Side {
    /// Actor code (`CHNGOV`).
    pub code: String,
    /// Actor country (`CHN`), when known.
    pub country: Option<String>,
    /// Canonical name, when the actor is a named person.
    pub person: Option<String>,
}

/// What the rules need to know about one event mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Store row id (`events.event`).
    pub event: i64,
    /// Document id (`documents.id`), for a stable order.
    pub doc_id: String,
    /// Event index in its document.
    pub idx: i64,
    /// Sentence index in its document.
    pub sentence: i64,
    /// CAMEO code.
    pub cameo: String,
    /// Modality as coded (`actual`, `intent`, `threat`, `demand`, `hypothetical`).
    pub modality: String,
    /// Whether words near its evidence mark the act as planned ([`planned_cue`]).
    pub planned: bool,
    /// Whether words before its evidence deny the act the coder did not negate ([`denial_cue`]:
    /// "I never met").
    pub denied: bool,
    /// Source and target.
    pub src: Side,
    /// Target.
    pub tgt: Side,
    /// When it happened.
    pub when: When,
    /// Place name, when coded.
    pub place: Option<String>,
    /// Place country, when coded.
    pub place_country: Option<String>,
    /// Place coordinates, when coded.
    pub coords: Option<(f64, f64)>,
    /// Content words of its sentence ([`content_words`]), sorted and unique.
    pub words: Vec<String>,
    /// Content words of its evidence span (the trigger and its arguments), sorted and unique:
    /// a feature of the pair model ([`pair_features`]).
    pub ev_words: Vec<String>,
    /// Both actors are named (canonical names), for choosing the representative.
    pub named: bool,
    /// Document row id.
    pub doc: i64,
    /// Story: the row id of the first article of which this one is a copy (else its own).
    pub story: i64,
    /// Evidence span in its document (code points): two codings of one sentence whose spans
    /// overlap code one act.
    pub evidence: (i64, i64),
    /// Head word of the act's object ([`object_head`]: "talks on *trade*"), when the words
    /// after its trigger name one.
    pub object: Option<String>,
    /// Whether its sentence is its document's headline (the title).
    pub headline: bool,
    /// Whether its source is a news outlet telling the act rather than doing it ([`teller`]):
    /// that side compares by country alone.
    pub teller: bool,
}

impl Mention {
    /// Whether both sides name a person: the pair whose act [`people_days`] follows across
    /// publication days.
    fn named_pair(&self) -> bool {
        self.src.person.is_some() && self.tgt.person.is_some()
    }

    /// The widest range of days a compatible mention's reach must meet ([`When::reach`],
    /// widened to [`PEOPLE_WINDOW`] for an undated act of two named people).
    pub fn reach(&self) -> (i64, i64) {
        match self.when {
            When::Undated(p) if self.named_pair() => (p - PEOPLE_WINDOW, p + PEOPLE_WINDOW),
            w => w.reach(),
        }
    }
}

/// The people rule's time: two mentions without dates of their own, coded with one three-digit
/// code, that name the same person on each side ([`same_people`]) lie at most
/// [`PEOPLE_WINDOW`] publication days apart.
pub fn people_days(a: &Mention, b: &Mention) -> bool {
    matches!((a.when, b.when), (When::Undated(x), When::Undated(y)) if (x - y).abs() <= PEOPLE_WINDOW)
        && level3(&a.cameo) == level3(&b.cameo)
        && same_people(a, b)
}

/// CAMEO roots of verbal acts (statements, appeals, investigations, demands, disapproval,
/// rejection, threats): an outlet may be their source itself ("the paper accused the minister"),
/// so the press rule ([`teller`]) leaves them alone.
pub const VERBAL_ROOTS: [&str; 7] = ["01", "02", "09", "10", "11", "12", "13"];

/// The press rule: a mention whose source is a news outlet (a `press` sector of
/// `data/dedup/actors.tsv`, `MED`), whose act is not verbal ([`VERBAL_ROOTS`]) and whose
/// sentence has a word of reporting (`data/dedup/reported.txt`) before the evidence (`pre`)
/// tells of someone else's act: "The Washington Post first reports that the attorney general
/// met twice with the ambassador" is the attorney general's meeting, which the coder gave the
/// outlet as its source. Such a source compares by country alone ([`actors_compatible`]).
pub fn teller(src: &Side, cameo: &str, pre: &str, v: &Vocab) -> bool {
    sector(src).is_some_and(|s| v.press.contains(s))
        && !VERBAL_ROOTS.contains(&root(cameo))
        && cue_words(pre).iter().any(|w| v.report.contains(w))
}

/// The code a CAMEO code is compared at: its first three digits, or its root when those are the
/// root's generic `x0` code.
fn level(cameo: &str) -> &str {
    let c = &cameo[..cameo.len().min(3)];
    if c.len() == 3 && c.ends_with('0') {
        &c[..2]
    } else {
        c
    }
}

/// The three-digit level used by the data file (`04` → `040`, `0421` → `042`).
fn level3(cameo: &str) -> String {
    let c = &cameo[..cameo.len().min(3)];
    if c.len() == 2 {
        format!("{c}0")
    } else {
        c.to_string()
    }
}

/// Same three-digit code, or one is the other's parent (a prefix at the compared level).
pub fn cameo_compatible(a: &str, b: &str) -> bool {
    let (a, b) = (level(a), level(b));
    a == b || (a.len() < b.len() && b.starts_with(a)) || (b.len() < a.len() && a.starts_with(b))
}

/// Two codes of one actor: equal, or a country code and that country's state sector
/// (`CHN`/`CHNGOV`).
pub fn codes_compatible(a: &Side, b: &Side, v: &Vocab) -> bool {
    if a.code == b.code {
        return true;
    }
    let parent = |x: &Side, y: &Side| {
        y.country.as_deref() == Some(x.code.as_str())
            && y.code
                .strip_prefix(x.code.as_str())
                .is_some_and(|s| v.state.contains(s))
    };
    parent(a, b) || parent(b, a)
}

/// Words of a name (lower case, three letters or more).
fn name_words(n: &str) -> Vec<String> {
    n.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Two named people who share no name word are two people ("Rex Tillerson", "Michael Flynn";
/// "Sergey Kislyak" and "Sergei Kislyak" are one).
pub fn people_conflict(a: &Side, b: &Side) -> bool {
    match (&a.person, &b.person) {
        (Some(x), Some(y)) => {
            let wy = name_words(y);
            !name_words(x).iter().any(|w| wy.contains(w))
        }
        _ => false,
    }
}

/// Whether two sides name one person (names sharing a word, [`people_conflict`]): the coder's
/// sector for one named person varies between articles (the adviser as `USAGOV` and as
/// `USAELI`), the person does not.
fn one_person(a: &Side, b: &Side) -> bool {
    a.person.is_some() && b.person.is_some() && !people_conflict(a, b)
}

/// The CAMEO root of a code (`0421` → `04`).
fn root(cameo: &str) -> &str {
    &cameo[..cameo.len().min(2)]
}

/// Whether two mentions carry codes of two different roots (of one family, as their block says).
fn cross_root(a: &Mention, b: &Mention) -> bool {
    root(&a.cameo) != root(&b.cameo)
}

/// The side of a mention that is the place of its act (`data/dedup/actors.tsv`, `host`).
fn host(m: &Mention, v: &Vocab) -> Option<Host> {
    v.host.get(&level3(&m.cameo)).copied()
}

/// The country a side stands for: its country, else its code.
fn anchor(s: &Side) -> &str {
    s.country.as_deref().unwrap_or(&s.code)
}

/// The sector part of a side's code (`RUSGOV` → `GOV`, `RUS` → empty); `None` for a code
/// without a country (`COP`, an IGO code), which compares only by equality.
fn sector(s: &Side) -> Option<&str> {
    let c = s.country.as_deref()?;
    s.code.strip_prefix(c)
}

/// The side rule (session 13): two sides are one actor when their codes are compatible
/// ([`codes_compatible`]), or, in one country, when they name one person ([`one_person`]), or
/// when their sectors are compatible: a bare
/// country code (no sector) with any sector, and a named person with their country's state
/// sectors (the coder's sector for one actor varies between articles: `RUS` and `RUSCVL`, the
/// adviser as `USAELI` and the government as `USAGOV`). Sectors of `apart` lines
/// (`data/dedup/actors.tsv`: rebels, opposition, parties) are never the country, its
/// government or another sector's person; two sectors (`RUSGOV`, `RUSMIL`; `RUSGOV`, `RUSCVL`)
/// stay two actors.
pub fn same_actor(x: &Side, y: &Side, v: &Vocab) -> bool {
    if codes_compatible(x, y, v) {
        return true;
    }
    if anchor(x) != anchor(y) {
        return false;
    }
    if one_person(x, y) {
        return true;
    }
    let (Some(sx), Some(sy)) = (sector(x), sector(y)) else {
        return false;
    };
    if v.apart.contains(sx) || v.apart.contains(sy) {
        return false;
    }
    let person_state = |p: &Side, g: &Side, sg: &str| {
        p.person.is_some() && g.person.is_none() && v.state.contains(sg)
    };
    sx.is_empty() || sy.is_empty() || person_state(x, y, sy) || person_state(y, x, sx)
}

/// The actor rule: sides line up directly, or reversed for joint and mirrored acts and for two
/// codings of one sentence; the CAMEO rule is checked in the same orientation (across roots of
/// one family, only directly: the family rule of [`words_compatible`] asks for the rest). The
/// host side of a visit compares by country ([`Host`]).
pub fn actors_compatible(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    let (ha, hb) = (host(a, v), host(b, v));
    // `x` is side `sx` of `a`, `y` side `sy` of `b`.
    let side_ok = |x: &Side, sx: Host, y: &Side, sy: Host| {
        // The host of a visit, or an outlet telling the act (the press rule), by country.
        let told = (sx == Host::Source && a.teller) || (sy == Host::Source && b.teller);
        let place = ha == Some(sx) || hb == Some(sy) || told;
        (same_actor(x, y, v) || (place && anchor(x) == anchor(y))) && !people_conflict(x, y)
    };
    let (src, tgt) = (Host::Source, Host::Target);
    let direct = side_ok(&a.src, src, &b.src, src) && side_ok(&a.tgt, tgt, &b.tgt, tgt);
    if cross_root(a, b) {
        return direct;
    }
    if direct && cameo_compatible(&a.cameo, &b.cameo) {
        return true;
    }
    if !(side_ok(&a.src, src, &b.tgt, tgt) && side_ok(&a.tgt, tgt, &b.src, src)) {
        return false;
    }
    // One act coded twice in one sentence carries one code ("stood firm", both ways).
    if one_sentence(a, b) && level3(&a.cameo) == level3(&b.cameo) {
        return true;
    }
    let (la, lb) = (level3(&a.cameo), level3(&b.cameo));
    let jointish = |l: &str| v.joint.contains(l) || v.mirror.contains_key(l);
    let mirrored = v.mirror.get(&lb).cloned().unwrap_or(lb.clone());
    jointish(&la) && jointish(&lb) && cameo_compatible(&la, &mirrored)
}

/// Words after a mention's evidence searched for an object preposition ([`object_head`]).
pub const OBJECT_WINDOW: usize = 2;

/// Words that may open an object phrase before its first content word ("talks on *the*
/// border").
const DETERMINERS: [&str; 12] = [
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
];

/// One word of a text for [`object_head`]: its letters (up to an apostrophe), whether a
/// quote or bracket opens before it and whether clause punctuation closes after it.
fn object_tokens(t: &str) -> Vec<(String, bool, bool)> {
    t.split_whitespace()
        .map(|chunk| {
            let core = chunk.trim_matches(|c: char| !c.is_alphanumeric());
            let word = core
                .split(['\'', '\u{2019}'])
                .next()
                .unwrap_or("")
                .to_string();
            let opens = chunk.starts_with(['"', '(', '\u{201c}']);
            let closes = !chunk.ends_with(char::is_alphanumeric)
                && chunk
                    .chars()
                    .rev()
                    .take_while(|c| !c.is_alphanumeric())
                    .any(|c| ",.;:!?\")\u{201d}".contains(c));
            (word, opens, closes)
        })
        .collect()
}

/// The head word of an act's object: the last lower-case content word of the phrase after
/// the first object preposition (`data/dedup/objects.txt`: "talks *on* the border dispute" →
/// `dispute`, "an investigation *into* the campaign contacts" → `contact`) found in the
/// evidence or among the [`OBJECT_WINDOW`] words after it, before any clause punctuation.
/// Capitalised words (names: "sanctions on Russia") are skipped; a function word (stop word,
/// under three letters) or punctuation ends the phrase. `None` when no such phrase follows.
/// Lower case, without a plural `s`.
pub fn object_head(evidence: &str, post: &str, v: &Vocab) -> Option<String> {
    let ev = object_tokens(evidence);
    let mut words = ev.clone();
    for (k, t) in object_tokens(post).into_iter().enumerate() {
        let closes = t.2;
        words.push(t);
        if closes || k >= OBJECT_WINDOW + 8 {
            break;
        }
    }
    let mut at = None;
    for (i, (w, opens, closes)) in words.iter().enumerate().take(ev.len() + OBJECT_WINDOW) {
        if i >= ev.len() && *opens {
            break;
        }
        if v.topic.contains(&w.to_lowercase()) && !closes {
            at = Some(i);
            break;
        }
        if i >= ev.len() && *closes {
            break;
        }
    }
    let mut head: Option<String> = None;
    let mut started = false;
    for (w, opens, closes) in &words[at? + 1..] {
        let lower = w.to_lowercase();
        let function = w.chars().count() < 3
            || v.stop.contains(&lower)
            || !w.chars().all(|c| c.is_alphabetic() || c == '-');
        if *opens && started {
            break;
        }
        if function {
            // Only a determiner may open the phrase ("on Friday", "about how" name no object).
            if started || !DETERMINERS.contains(&lower.as_str()) {
                break;
            }
        } else {
            started = true;
            if !w.starts_with(char::is_uppercase) {
                head = Some(lower);
            }
        }
        if *closes {
            break;
        }
    }
    head.map(|h| match h.strip_suffix('s') {
        Some(stem) if h.len() > 4 && !stem.ends_with('s') => stem.to_string(),
        _ => h,
    })
}

/// The object rule: two mentions from different sentences (not copies of one story) whose
/// objects are both known and differ ("talks on trade", "talks on security") are two acts.
///
/// Measured and **not applied** by [`constraints_hold`] (session 13, docs/evaluation.md): on
/// NewsArticles the pairs it splits are mostly one act told with two words for its object
/// ("interference", "meddling", "tampering"; "security of flights", "air operations"), and
/// on the judged development sheets it split two right pairs and no wrong one.
pub fn objects_conflict(a: &Mention, b: &Mention) -> bool {
    match (&a.object, &b.object) {
        (Some(x), Some(y)) => {
            x != y && !one_sentence(a, b) && !(a.story == b.story && a.doc != b.doc)
        }
        _ => false,
    }
}

/// Lower-case words of three letters or more of `sentence`, without `stop` words; sorted, unique.
pub fn content_words(sentence: &str, stop: &std::collections::BTreeSet<String>) -> Vec<String> {
    let mut w: Vec<String> = sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !stop.contains(w))
        .collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// Jaccard similarity of two sorted, unique word lists (1 for two empty lists).
fn jaccard(a: &[String], b: &[String]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        1.0
    } else {
        both as f64 / union as f64
    }
}

/// The shared-words rule: mentions from different sentences that are not copies of one story
/// share at least [`SHARED_WORDS`] of their sentences' content words ([`PARENT_WORDS`] when one
/// code is the other's parent or the root's generic code); one code twice needs no shared words
/// when both mentions name the same people on both sides ([`same_people`]: "Flynn's calls with
/// Kislyak"; a generic code and a child do: a call and a meeting of two leaders). A mention
/// without words (no sentence text) is no evidence either way.
///
/// Two roots of one family (`data/dedup/roots.tsv`) need more: codings of one sentence only
/// when one is an `outcome` code (an attack and its toll: "killed in a raid", "shot and
/// wounded"; one span is one unit anyway), and different sentences, copies included, at least
/// [`CROSS_WORDS`].
pub fn words_compatible(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    if cross_root(a, b) {
        let family = v.family_of(root(&a.cameo)) == v.family_of(root(&b.cameo));
        if one_sentence(a, b) {
            return family && v.is_outcome(&a.cameo) != v.is_outcome(&b.cameo);
        }
        // A headline's share ([`echo`]) speaks for one act only within a family: a headline's
        // act and another act its body sentence tells (a statement and the talks it followed)
        // share the headline's words as often as two reports of one act do.
        if family {
            return echo(a, b) >= CROSS_WORDS;
        }
        return jaccard_of(a, b) >= ROOT_ECHO;
    }
    if one_sentence(a, b) || (a.story == b.story && a.doc != b.doc) || same_trip(a, b, v) {
        return true;
    }
    let need = if level(&a.cameo) == level(&b.cameo) {
        if same_people(a, b) {
            return true;
        }
        SHARED_WORDS
    } else {
        PARENT_WORDS
    };
    a.words.is_empty() || b.words.is_empty() || echo(a, b) >= need
}

/// Fewer shared content words than this are no echo of one sentence in another, whatever their
/// share: two short quotes sharing one word ("They know nothing about it", "I have nothing to do
/// with Russia") share a third of their words and say two things.
pub const ECHO_MIN_WORDS: usize = 2;

/// How many words two sorted, unique word lists share.
fn shared_count(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|w| b.binary_search(w).is_ok()).count()
}

/// Jaccard similarity of two mentions' sentence words; 0 when either has none or they share
/// fewer than [`ECHO_MIN_WORDS`].
fn jaccard_of(a: &Mention, b: &Mention) -> f64 {
    if a.words.is_empty() || b.words.is_empty() || shared_count(&a.words, &b.words) < ECHO_MIN_WORDS
    {
        0.0
    } else {
        jaccard(&a.words, &b.words)
    }
}

/// How much two mentions' sentences echo each other: the Jaccard similarity of their content
/// words, or, for a headline and a sentence of its article's body, the share of the headline's
/// words found in the body sentence when that share is at least [`HEAD_ECHO`] (the body
/// sentence tells the headline's act). 0 when either has no words.
fn echo(a: &Mention, b: &Mention) -> f64 {
    if a.words.is_empty() || b.words.is_empty() || shared_count(&a.words, &b.words) < ECHO_MIN_WORDS
    {
        return 0.0;
    }
    let j = jaccard(&a.words, &b.words);
    match headline_share(a, b) {
        Some(c) if c >= HEAD_ECHO => j.max(c),
        _ => j,
    }
}

/// For a headline and a body sentence of one document, the share of the headline's content
/// words that the body sentence holds.
fn headline_share(a: &Mention, b: &Mention) -> Option<f64> {
    if a.doc != b.doc || a.headline == b.headline {
        return None;
    }
    let (h, body) = if a.headline { (a, b) } else { (b, a) };
    let both = h
        .words
        .iter()
        .filter(|w| body.words.binary_search(w).is_ok())
        .count();
    (!h.words.is_empty()).then(|| both as f64 / h.words.len() as f64)
}

/// The date-slip rule: two mentions dated one day apart whose sentences echo each other
/// ([`DATE_ECHO`]) tell one act, one of them misdated ("on Friday" resolved against two
/// publication days).
pub fn dates_slip(a: &Mention, b: &Mention) -> bool {
    matches!((a.when, b.when), (When::Dated(x), When::Dated(y)) if (x - y).abs() == 1)
        && echo(a, b) >= DATE_ECHO
}

/// Who met whom where: two mentions of acts held in person (`trip` codes of
/// `data/dedup/actors.tsv`: meetings, visits, talks; not calls) between two countries in which
/// the same side names the same person ("Lavrov's visit to Tokyo", "talks with Japanese
/// officials in Tokyo, Lavrov said"; "Xi met Tillerson", "Tillerson's talks with Chinese
/// leaders") tell one trip, whatever their words and however generic one code is: a minister
/// travels to one country once in a few days, and reports name the trip as a visit, an arrival,
/// talks or a meeting. The sides line up by country (A→B with A→B, or reversed); the people
/// rule of [`actors_compatible`] keeps two different counterparts apart.
pub fn same_trip(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    let in_person = |m: &Mention| v.trip.contains(&level3(&m.cameo));
    // The place: one of the two is a visit (it names where the trip went); two meetings of a
    // busy person with one country's officials in a few days are often two occasions.
    let visit = host(a, v).is_some() || host(b, v).is_some();
    if !(visit && in_person(a) && in_person(b)) || domestic(a) || domestic(b) {
        return false;
    }
    let agree =
        |x: &Side, y: &Side| x.person.is_some() && y.person.is_some() && !people_conflict(x, y);
    if anchor(&a.src) == anchor(&b.src) {
        agree(&a.src, &b.src) || agree(&a.tgt, &b.tgt)
    } else {
        agree(&a.src, &b.tgt) || agree(&a.tgt, &b.src)
    }
}

/// The trip rule's time: two dated mentions of one trip ([`same_trip`]) at most [`TRIP_DAYS`]
/// apart (an arrival one evening, the talks the next day).
pub fn trip_days(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    matches!((a.when, b.when), (When::Dated(x), When::Dated(y)) if (x - y).abs() <= TRIP_DAYS)
        && same_trip(a, b, v)
}

/// Whether both mentions name a person on both sides and the names agree side by side, in the
/// direct or the reversed orientation (the actor rule checks which one the codes allow).
pub fn same_people(a: &Mention, b: &Mention) -> bool {
    let agree =
        |x: &Side, y: &Side| x.person.is_some() && y.person.is_some() && !people_conflict(x, y);
    (agree(&a.src, &b.src) && agree(&a.tgt, &b.tgt))
        || (agree(&a.src, &b.tgt) && agree(&a.tgt, &b.src))
}

/// Whether two mentions come from one sentence of one document.
fn one_sentence(a: &Mention, b: &Mention) -> bool {
    a.doc == b.doc && a.sentence == b.sentence
}

/// The modality rule: an act that happened and one planned, demanded, threatened or imagined
/// are two events ("to meet" vs "met"), except as two codings of one sentence ("protested,
/// demanding the resignation"); so are an act and its denial ([`denial_cue`]: "I never met").
///
/// An `actual` mention with a planned-act cue near its evidence ([`planned_cue`]) counts as
/// planned.
pub fn modality_compatible(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    if a.denied != b.denied && !one_sentence(a, b) {
        return false;
    }
    let real = |m: &Mention| m.modality == "actual" && !m.planned;
    // Two roots of one family: an appeal's or demand's mode (`demand`) is the root's own, not
    // an unreal act; only a hypothetical or planned utterance is unreal.
    let family = cross_root(a, b) && v.family_of(root(&a.cameo)) == v.family_of(root(&b.cameo));
    let uttered = |m: &Mention| m.modality != "hypothetical" && !m.planned;
    real(a) == real(b) || one_sentence(a, b) || (family && uttered(a) && uttered(b))
}

/// Words that do not count towards the [`PLANNED_WINDOW`]: articles and conjunctions between a
/// planning verb and its act ("will make *a* brief, *but* appointment-packed visit").
const WINDOW_FILLERS: [&str; 5] = ["a", "an", "the", "but", "and"];

/// The words of a text for the planned-act window: one per whitespace-separated token (a
/// compound such as "appointment-packed" or a possessive "Merkel's" is one word), each as its
/// lower-case letter runs, without [`WINDOW_FILLERS`] and tokens without letters.
///
/// The window ends at the last "of" before the evidence: a cue before it governs another noun
/// ("will top the agenda *of* her talks", "will begin the formal process *of* leaving"), not
/// the act.
fn window_words(t: &str) -> Vec<Vec<String>> {
    let words: Vec<Vec<String>> = t
        .split_whitespace()
        .map(cue_words)
        .filter(|p| match p.as_slice() {
            [] => false,
            [w] => !WINDOW_FILLERS.contains(&w.as_str()),
            _ => true,
        })
        .collect();
    match words.iter().rposition(|p| p.len() == 1 && p[0] == "of") {
        Some(k) => words[k + 1..].to_vec(),
        _ => words,
    }
}

/// The lower-case words of a text, split at every non-letter, for the cue lists.
fn cue_words(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the words around an evidence span mark the act as planned, expected or possible:
/// a `before` cue of `data/dedup/planned.txt` among the [`PLANNED_WINDOW`] words before the
/// evidence (`pre`, the sentence up to it) or in the evidence itself ("due to meet", "will
/// meet", "a tentative summit"), or an `after` cue among the words after it (`post`: "a meeting
/// between the ministers is due in Tokyo"). The coder's modality misses such cues when the
/// planning word governs the verb from outside its clause.
pub fn planned_cue(pre: &str, evidence: &str, post: &str, v: &Vocab) -> bool {
    let pre = window_words(pre);
    // A cue counts as a whole word: "would" of "would-be successors" is no plan.
    let before = pre[pre.len().saturating_sub(PLANNED_WINDOW)..]
        .iter()
        .filter(|p| p.len() == 1)
        .flatten()
        .chain(cue_words(evidence).iter())
        .any(|w| v.planned_before.contains(w));
    before
        || cue_words(post)
            .iter()
            .take(PLANNED_WINDOW)
            .any(|w| v.planned_after.contains(w))
}

/// [`planned_cue`] for a mention of code `cameo`: for a statement (root `01`) only the words
/// before its evidence count. A statement's evidence and the words after it are what was said
/// ("We're going to have a good relationship, I *hope*"; "said the talks are *expected* to
/// resume"), not whether the saying happened: a plan in a quote is the quote's content.
pub fn statement_planned_cue(
    cameo: &str,
    pre: &str,
    evidence: &str,
    post: &str,
    v: &Vocab,
) -> bool {
    if root(cameo) == "01" {
        planned_cue(pre, "", "", v)
    } else {
        planned_cue(pre, evidence, post, v)
    }
}

/// Marks that end the clause a denial word must share with the evidence ([`denial_cue`]):
/// quotation marks, commas, semicolons, colons, dashes, brackets.
const CLAUSE_MARKS: [char; 11] = [
    '"', '\u{201c}', '\u{201d}', ',', ';', ':', '(', ')', '\u{2013}', '\u{2014}', '-',
];

/// Words before an evidence span searched for a denial ([`denial_cue`]).
pub const DENIAL_WINDOW: usize = 3;

/// Whether the words just before an evidence span deny the act: a word of
/// `data/dedup/denied.txt` among the [`DENIAL_WINDOW`] words before it ("I *never* met with
/// any officials", "he had *never* discussed", "*denied* having meetings"). Not in the evidence:
/// there "denied a request" or "denies entry" is the act (a rejection), and "found not guilty"
/// a verdict. For mentions the coder did not negate (a negated mention is in another block
/// already): a denial told as a quote is often coded as the act itself, and it is not the act.
pub fn denial_cue(pre: &str, v: &Vocab) -> bool {
    // Only the evidence's own clause: a denial word before a quote's end or a comma belongs to
    // another clause ("'... but if we don't, we don't,' Trump said"; "who never met him, said").
    let pre = pre.rfind(CLAUSE_MARKS).map_or(pre, |k| &pre[k..]);
    let pre = cue_words(pre);
    pre[pre.len().saturating_sub(DENIAL_WINDOW)..]
        .iter()
        .any(|w| v.denial.contains(w))
}

/// The time rule (see [`When`]).
pub fn times_compatible(a: When, b: When) -> bool {
    use When::*;
    let overlap = |x: (i64, i64), y: (i64, i64)| x.0 <= y.1 && y.0 <= x.1;
    match (a, b) {
        (Dated(x), Dated(y)) => x == y,
        (Undated(p), Undated(q)) => (p - q).abs() <= UNDATED_WINDOW,
        (Dated(d), Undated(p)) | (Undated(p), Dated(d)) => d >= p - UNDATED_WINDOW && d <= p + 1,
        (Period(..), Period(..)) => overlap(a.span(), b.span()),
        (Period(..), _) | (_, Period(..)) => {
            if a.past() || b.past() {
                // A long-past period matches only dates and periods, never "now".
                !matches!(a, Undated(_)) && !matches!(b, Undated(_)) && overlap(a.span(), b.span())
            } else {
                // A recent period is also as good as its article's day (it often governs
                // another clause of the sentence).
                let as_undated = |w: When| match w {
                    Period(_, _, p) => Undated(p),
                    w => w,
                };
                overlap(a.span(), b.span()) || times_compatible(as_undated(a), as_undated(b))
            }
        }
    }
}

/// A day number (days since 0001-01-01, as chrono counts them).
pub fn day_number(d: chrono::NaiveDate) -> i64 {
    use chrono::Datelike;
    d.num_days_from_ce() as i64
}

/// First and last day of a TIMEX3 period value: a year (`2016`), month (`2016-12`), ISO week
/// (`2017-W11`, its weekend `2017-W11-WE`), quarter (`2017-Q1`), decade (`201`) or century
/// (`19`). `None` for anything else.
pub fn period(value: &str) -> Option<(i64, i64)> {
    use chrono::NaiveDate;
    let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).map(day_number);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let year_end = |y: i32| ymd(y, 12, 31);
    match value.len() {
        2 | 3 if digits(value) => {
            let n: i32 = value.parse().ok()?;
            let span = if value.len() == 2 { 100 } else { 10 };
            Some((ymd(n * span, 1, 1)?, year_end(n * span + span - 1)?))
        }
        4 if digits(value) => {
            let y: i32 = value.parse().ok()?;
            Some((ymd(y, 1, 1)?, year_end(y)?))
        }
        _ => {
            let (y, rest) = value.split_once('-')?;
            if y.len() != 4 || !digits(y) {
                return None;
            }
            let y: i32 = y.parse().ok()?;
            if rest.len() == 2 && digits(rest) {
                let m: u32 = rest.parse().ok()?;
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)?
                };
                return Some((day_number(first), day_number(next) - 1));
            }
            if let Some(q) = rest.strip_prefix('Q').filter(|q| q.len() == 1 && digits(q)) {
                let q: u32 = q.parse().ok()?;
                if !(1..=4).contains(&q) {
                    return None;
                }
                let first = ymd(y, 3 * q - 2, 1)?;
                let last = if q == 4 {
                    year_end(y)?
                } else {
                    ymd(y, 3 * q + 1, 1)? - 1
                };
                return Some((first, last));
            }
            let (w, weekend) = match rest.strip_suffix("-WE") {
                Some(w) => (w, true),
                None => (rest, false),
            };
            let w = w.strip_prefix('W').filter(|w| w.len() == 2 && digits(w))?;
            let monday = NaiveDate::from_isoywd_opt(y, w.parse().ok()?, chrono::Weekday::Mon)?;
            let m = day_number(monday);
            Some(if weekend { (m + 5, m + 6) } else { (m, m + 6) })
        }
    }
}

/// When a stored mention happened: `date` is its TIMEX3 value as coded, `day` its counted day,
/// `published` its article's day and `expressed` whether a time expression of its sentence
/// gives `date` (a full date equal to the publication day is otherwise the fallback).
pub fn when_of(date: Option<&str>, day: i64, published: Option<i64>, expressed: bool) -> When {
    let full = date
        .filter(|d| d.len() == 10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(day_number);
    match (full, date.and_then(period), published) {
        (Some(d), _, p) if Some(d) != p || expressed => When::Dated(d),
        (None, Some((s, e)), Some(p)) => When::Period(s, e, p),
        _ => When::Undated(day),
    }
}

/// Words on each side of a time expression searched for a word of reporting ([`report_dated`]):
/// "confirmed Thursday", "said in a statement on Friday" (before), "on Friday, the Post reported
/// that" (after).
pub const REPORT_WINDOW: (usize, usize) = (3, 4);

/// Whether a mention's date, given by the time expression at `timex` of its sentence, is the day
/// of a report rather than of its act: a word of reporting (`data/dedup/reported.txt`) stands
/// among the [`REPORT_WINDOW`] words before or after the expression, outside the evidence, and
/// the expression itself lies outside the evidence ("Sessions met the ambassador during the
/// campaign, ABC News confirmed Thursday"; "on Friday, the Post reported that the adviser
/// discussed sanctions"). `sentence` is the sentence text from code point `start`; `timex` and
/// `evidence` are code-point spans of the document. A statement whose evidence is the reporting
/// verb itself ("said on Sunday") keeps its date: the saying is the act.
pub fn report_dated(
    sentence: &str,
    start: i64,
    timex: (i64, i64),
    evidence: (i64, i64),
    v: &Vocab,
) -> bool {
    let inside = |s: i64, e: i64| s < evidence.1 && evidence.0 < e;
    if inside(timex.0, timex.1) {
        return false;
    }
    // Words with their code-point spans in the document.
    let mut words: Vec<(String, i64, i64)> = Vec::new();
    let mut cur = String::new();
    let mut from = 0;
    for (k, c) in sentence.chars().chain(std::iter::once(' ')).enumerate() {
        let at = start + k as i64;
        if c.is_alphabetic() {
            if cur.is_empty() {
                from = at;
            }
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            words.push((std::mem::take(&mut cur), from, at));
        }
    }
    let before = words
        .iter()
        .filter(|w| w.2 <= timex.0)
        .rev()
        .take(REPORT_WINDOW.0);
    let after = words
        .iter()
        .filter(|w| w.1 >= timex.1)
        .take(REPORT_WINDOW.1);
    before
        .chain(after)
        .any(|(w, s, e)| v.report.contains(w) && !inside(*s, *e))
}

/// Great-circle distance in km.
fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Whether the two mentions name places that cannot be the same.
pub fn places_conflict(a: &Mention, b: &Mention) -> bool {
    if let (Some(x), Some(y)) = (&a.place_country, &b.place_country) {
        if x != y {
            return true;
        }
    }
    match (&a.place, &b.place) {
        (Some(x), Some(y)) if !x.eq_ignore_ascii_case(y) => match (a.coords, b.coords) {
            (Some(p), Some(q)) => km(p, q) > PLACE_KM,
            _ => true,
        },
        _ => false,
    }
}

/// Whether a mention is a statement (root `01`, "said": the code does not say what was said).
fn statement(m: &Mention) -> bool {
    m.cameo.starts_with("01")
}

/// Whether both sides carry one code (`USAGOV→USAGOV`: who acted on whom?).
fn self_dyad(m: &Mention) -> bool {
    m.src.code == m.tgt.code
}

/// Whether both sides anchor in one country (`USAGOV→USALEG`): domestic politics, where one
/// block holds a country's whole political life.
fn domestic(m: &Mention) -> bool {
    anchor(&m.src) == anchor(&m.tgt)
}

/// The underspecified rule: self-dyads are one event only across copies of one story;
/// statements also when their sentences echo each other (at least [`STATEMENT_WORDS`] shared,
/// different sentences: two claims of one sentence are two statements); domestic dyads only
/// within one article or across copies.
pub fn statements_compatible(a: &Mention, b: &Mention) -> bool {
    if a.story == b.story && a.doc != b.doc {
        return true;
    }
    if self_dyad(a) || self_dyad(b) {
        return false;
    }
    if statement(a) || statement(b) {
        let echoed = !a.words.is_empty() && !b.words.is_empty() && echo(a, b) >= STATEMENT_WORDS;
        if one_sentence(a, b) || !echoed {
            return false;
        }
    }
    !(domestic(a) || domestic(b)) || a.doc == b.doc
}

/// All rules together (the block is checked by the caller).
pub fn compatible(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    constraints_hold(a, b, v) && words_compatible(a, b, v)
}

/// Every rule but the shared-words evidence ([`words_compatible`]) of one root: what two
/// mentions of one group must never break (time, actors, people, place, modality,
/// underspecified codings; across roots, the family and echo rules, as two roots are two acts
/// unless the two mentions themselves say otherwise).
pub fn constraints_hold(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    hard_constraints(a, b, v) && (!cross_root(a, b) || words_compatible(a, b, v))
}

/// The constraints two mentions of one group must never break: [`constraints_hold`] without
/// the cross-root evidence. Two roots whose sentences do not echo are no evidence of one act,
/// but no proof of two either (the minister's visit as `042` and the welcome in it as `051`,
/// told in other words): in [`group`] such a pair counts as unlinked, not as forbidden.
pub fn hard_constraints(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    time_compatible(a, b, v)
        && statements_compatible(a, b)
        && modality_compatible(a, b, v)
        && !places_conflict(a, b)
        && actors_compatible(a, b, v)
}

/// Names of the pair model's features ([`pair_features`], `data/dedup/link.tsv`), in order.
pub const FEATURES: [&str; 15] = [
    "bias",
    "sentence_jaccard",
    "echo",
    "evidence_jaccard",
    "shared_words",
    "same_code",
    "parent_code",
    "sibling_code",
    "actor_rule",
    "day_gap",
    "both_dated",
    "one_sentence",
    "same_document",
    "same_people",
    "statement",
];

/// Whether two sides may be one actor for the pair model: the actor rule's sides
/// ([`same_actor`]), or one country's two sectors (`RUSGOV`/`RUSCVL`: the coder's sector for
/// "the Russians" varies), neither of them an `apart` sector, and no two different people.
fn sides_near(x: &Side, y: &Side, v: &Vocab) -> bool {
    let apart = |s: &Side| sector(s).is_some_and(|c| v.apart.contains(c));
    (same_actor(x, y, v) || (anchor(x) == anchor(y) && !apart(x) && !apart(y)))
        && !people_conflict(x, y)
}

/// Whether the pair model may link two mentions of one block: time, underspecified codings,
/// modality and place as for every pair ([`hard_constraints`]), and the sides lined up as the
/// actor rule has them or directly by [`sides_near`], whatever the two codes of one root
/// (sibling codes `172`/`174`): the model weighs codes and sectors as features. Verbal acts
/// ([`SAID_ROOTS`]) stay with the rules. Two roots are
/// left to the rules: on the judged pairs, the model's links across roots (praise and
/// criticism of one visitor, a criticism and a request) were wrong as often as right.
pub fn model_candidate(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    !cross_root(a, b)
        && !SAID_ROOTS.contains(&root(&a.cameo))
        && time_compatible(a, b, v)
        && statements_compatible(a, b)
        && modality_compatible(a, b, v)
        && !places_conflict(a, b)
        && model_sides(a, b, v)
}

/// The sides as the pair model takes them ([`model_candidate`]).
fn model_sides(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    actors_compatible(a, b, v) || (sides_near(&a.src, &b.src, v) && sides_near(&a.tgt, &b.tgt, v))
}

/// CAMEO roots the pair model leaves to the rules: statements, appeals, intents, diplomatic
/// cooperation (praise, endorsement), investigations, demands, disapproval, rejection and
/// threats. Two such acts of one pair of sides on one day are one act only as the same claim of
/// the same speaker, which words of other sentences do not tell: on the judged pairs and in a
/// corpus read, the model's links of such pairs (two outlets' congratulations by two ministers,
/// two appeals, two claims of one delegate) were as often wrong as right.
pub const SAID_ROOTS: [&str; 9] = ["01", "02", "03", "05", "09", "10", "11", "12", "13"];

/// Which constraints of [`model_candidate`] two mentions of one block break, by name (`time`,
/// `statements`, `modality`, `place`, `sides`, after `roots` for two roots or `said` for a root of
/// [`SAID_ROOTS`]): why the pair model may not link them.
pub fn failed_constraints(a: &Mention, b: &Mention, v: &Vocab) -> Vec<&'static str> {
    let mut out = Vec::new();
    if cross_root(a, b) {
        out.push("roots");
    } else if SAID_ROOTS.contains(&root(&a.cameo)) {
        out.push("said");
    }
    if !time_compatible(a, b, v) {
        out.push("time");
    }
    if !statements_compatible(a, b) {
        out.push("statements");
    }
    if !modality_compatible(a, b, v) {
        out.push("modality");
    }
    if places_conflict(a, b) {
        out.push("place");
    }
    if !model_sides(a, b, v) {
        out.push("sides");
    }
    out
}

/// The pair model's features of two mentions, in [`FEATURES`] order (all in 0..=1).
pub fn pair_features(a: &Mention, b: &Mention, v: &Vocab) -> [f64; 15] {
    let f = |x: bool| if x { 1.0 } else { 0.0 };
    let (la, lb) = (level3(&a.cameo), level3(&b.cameo));
    let same_root = !cross_root(a, b);
    let compat = cameo_compatible(&a.cameo, &b.cameo);
    let gap = (a.when.day() - b.when.day()).abs().min(3) as f64 / 3.0;
    let dated = |m: &Mention| matches!(m.when, When::Dated(_));
    let share = |x: &[String], y: &[String]| {
        if x.is_empty() || y.is_empty() {
            0.0
        } else {
            jaccard(x, y)
        }
    };
    [
        1.0,
        share(&a.words, &b.words),
        echo(a, b),
        share(&a.ev_words, &b.ev_words),
        shared_count(&a.words, &b.words).min(10) as f64 / 10.0,
        f(la == lb),
        f(same_root && compat && la != lb),
        f(same_root && !compat),
        f(actors_compatible(a, b, v)),
        gap,
        f(dated(a) && dated(b)),
        f(one_sentence(a, b)),
        f(a.doc == b.doc && !one_sentence(a, b)),
        f(same_people(a, b)),
        f(statement(a) || statement(b)),
    ]
}

/// The pair model's link: two mentions the rules do not link ([`compatible`]) that the model
/// may link ([`model_candidate`]) and whose probability ([`pair_features`], weights of
/// `data/dedup/link.tsv`) reaches the model's threshold. No model, no link.
pub fn model_links(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    let Some(model) = &v.link else {
        return false;
    };
    model_candidate(a, b, v) && model.probability(&pair_features(a, b, v)) >= model.threshold
}

/// The time rule with its exceptions: compatible times ([`times_compatible`]), or one sentence
/// retold a day apart ([`dates_slip`]), one trip ([`trip_days`]), one named pair's act followed
/// for a week ([`people_days`]).
pub fn time_compatible(a: &Mention, b: &Mention, v: &Vocab) -> bool {
    times_compatible(a.when, b.when) || dates_slip(a, b) || trip_days(a, b, v) || people_days(a, b)
}

/// The order mentions are grouped in: reach start, then day, document id, index.
fn order_key(m: &Mention) -> (i64, i64, &str, i64) {
    (m.reach().0, m.when.day(), &m.doc_id, m.idx)
}

/// Group one run of one block. Codings of one span (one sentence, overlapping evidence spans:
/// "A and B signed" coded A→B and B→A, or with two codes of one country's actors) are first
/// joined into a *unit*. Two units are *linked* when some mention of the one is compatible with
/// some mention of the other (a report of the signing as A→B matches the unit through its A→B
/// coding); their link is as strong as the most similar such pair ([`link_strength`]). Links
/// are taken strongest first (ties in [`order_key`] order of the units), and each joins the
/// two groups of its units when every unit of the one is linked to every unit of the other
/// (complete linkage, so a chain of one-day steps never merges a Monday call with a Thursday
/// call). The order the mentions arrive in does not matter: a mention goes to the group it
/// resembles most, not to the first one it fits. Returns groups of indices into `run`, ordered
/// by their first mention.
pub fn group(run: &[Mention], v: &Vocab) -> Vec<Vec<usize>> {
    let units = units(run);
    let n = units.len();
    // `allowed`: some pair of the two units breaks no constraint; `linked`: some pair is
    // compatible (the constraints and the shared-words evidence).
    let mut allowed = vec![false; n * n];
    let mut linked = vec![false; n * n];
    let mut links: Vec<(f64, usize, usize)> = Vec::new();
    for x in 0..n {
        for y in x + 1..n {
            let mut best: Option<f64> = None;
            for &i in &units[x] {
                for &j in &units[y] {
                    let (a, b) = (&run[i], &run[j]);
                    let hard = hard_constraints(a, b, v);
                    let ruled = hard && words_compatible(a, b, v);
                    // The pair model links what the rules leave apart ([`model_links`]).
                    let linked_here = ruled || model_links(a, b, v);
                    if !(hard || linked_here) {
                        continue;
                    }
                    allowed[x * n + y] = true;
                    if linked_here {
                        let s = link_strength(a, b);
                        best = Some(best.map_or(s, |b: f64| b.max(s)));
                    }
                }
            }
            allowed[y * n + x] = allowed[x * n + y];
            if let Some(s) = best {
                linked[x * n + y] = true;
                linked[y * n + x] = true;
                links.push((s, x, y));
            }
        }
    }
    // Strongest first; units are numbered in `order_key` order, so ties are content-ordered.
    links.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|x| vec![x]).collect();
    for (_, x, y) in links {
        let (gx, gy) = (group_of[x], group_of[y]);
        if gx == gy {
            continue;
        }
        let pairs = || {
            members[gx]
                .iter()
                .flat_map(|&p| members[gy].iter().map(move |&q| p * n + q))
        };
        let together = pairs().all(|k| allowed[k])
            && pairs().filter(|&k| linked[k]).count() as f64
                >= LINK_SHARE * (members[gx].len() * members[gy].len()) as f64;
        if together {
            let (keep, gone) = (gx.min(gy), gx.max(gy));
            let moved = std::mem::take(&mut members[gone]);
            for &u in &moved {
                group_of[u] = keep;
            }
            members[keep].extend(moved);
            members[keep].sort_unstable();
        }
    }
    members
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|g| g.iter().flat_map(|&u| units[u].iter().copied()).collect())
        .collect()
}

/// How strongly two compatible mentions speak for one act, for the order [`group`] takes links
/// in: 1 for one sentence or copies of one story, else the share of their sentences' words.
fn link_strength(a: &Mention, b: &Mention) -> f64 {
    if one_sentence(a, b) || (a.story == b.story && a.doc != b.doc) {
        1.0
    } else {
        echo(a, b)
    }
}

/// The units of a run (see [`group`]), each in [`order_key`] order, the units ordered by their
/// first mention.
fn units(run: &[Mention]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..run.len()).collect();
    order.sort_by(|&i, &j| order_key(&run[i]).cmp(&order_key(&run[j])));
    // Union-find over the mentions of each sentence; the root of a unit is its first mention.
    let mut parent: Vec<usize> = (0..run.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let rank: Vec<usize> = {
        let mut r = vec![0; run.len()];
        for (k, &i) in order.iter().enumerate() {
            r[i] = k;
        }
        r
    };
    let mut by_sentence: std::collections::BTreeMap<(i64, i64), Vec<usize>> = Default::default();
    for &i in &order {
        by_sentence
            .entry((run[i].doc, run[i].sentence))
            .or_default()
            .push(i);
    }
    for members in by_sentence.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&run[i], &run[j]);
                // One span is one act whatever its codings: the coder's choice between two
                // actors of one country (`USAELI→USALEG`, `USAELI→USAPTY`) or two people of one
                // side does not make two acts.
                let overlap = a.evidence.0 < b.evidence.1 && b.evidence.0 < a.evidence.1;
                if overlap {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    if ri != rj {
                        let (lo, hi) = if rank[ri] < rank[rj] {
                            (ri, rj)
                        } else {
                            (rj, ri)
                        };
                        parent[hi] = lo;
                    }
                }
            }
        }
    }
    let mut units: Vec<Vec<usize>> = Vec::new();
    let mut slot: std::collections::BTreeMap<usize, usize> = Default::default();
    for &i in &order {
        let r = find(&mut parent, i);
        match slot.get(&r) {
            Some(&k) => units[k].push(i),
            None => {
                slot.insert(r, units.len());
                units.push(vec![i]);
            }
        }
    }
    units
}

/// The representative of a group: Dyad's events carry no confidence score, so the mention with
/// the most support: its own date, then a place, then both actors named, then the earliest.
pub fn representative(run: &[Mention], group: &[usize]) -> usize {
    let key = |m: &Mention| {
        (
            !matches!(m.when, When::Dated(_)),
            m.place.is_none(),
            !m.named,
            m.when.day(),
            m.doc_id.clone(),
            m.idx,
        )
    };
    *group
        .iter()
        .min_by(|&&i, &&j| key(&run[i]).cmp(&key(&run[j])))
        .expect("groups are never empty")
}

/// Split reaches into runs: mentions whose reaches never overlap, directly or through others,
/// can never be compatible, so each run is grouped on its own. Returns `(first, last)` day of
/// each run's reach, in order.
pub fn runs(mut reaches: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    reaches.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::new();
    for (s, e) in reaches {
        match out.last_mut() {
            Some(r) if s <= r.1 => r.1 = r.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> &'static Vocab {
        Vocab::embedded().unwrap()
    }

    fn side(code: &str, country: &str) -> Side {
        Side {
            code: code.into(),
            country: Some(country.into()),
            person: None,
        }
    }

    /// A mention `src → tgt` (codes; countries are their first three letters).
    fn m(event: i64, cameo: &str, src: &str, tgt: &str, when: When) -> Mention {
        Mention {
            event,
            doc_id: format!("d{event}"),
            idx: 0,
            sentence: 0,
            cameo: cameo.into(),
            modality: "actual".into(),
            planned: false,
            denied: false,
            words: Vec::new(),
            ev_words: Vec::new(),
            src: side(src, &src[..3.min(src.len())]),
            tgt: side(tgt, &tgt[..3.min(tgt.len())]),
            when,
            place: None,
            place_country: None,
            coords: None,
            named: true,
            doc: event,
            story: event,
            evidence: (0, 5),
            object: None,
            headline: false,
            teller: false,
        }
    }

    fn meet(event: i64, day: i64, dated: bool) -> Mention {
        let w = if dated {
            When::Dated(day)
        } else {
            When::Undated(day)
        };
        m(event, "042", "USAGOV", "RUSGOV", w)
    }

    #[test]
    fn cameo_levels() {
        assert!(cameo_compatible("042", "042"));
        assert!(cameo_compatible("0421", "042"));
        assert!(cameo_compatible("04", "043"));
        assert!(
            cameo_compatible("040", "043"),
            "040 is the root's generic code"
        );
        assert!(!cameo_compatible("042", "043"));
        assert!(!cameo_compatible("190", "180"));
        assert!(cameo_compatible("0231", "0234"), "same three-digit code");
    }

    #[test]
    fn day_window_depends_on_dating() {
        let c = |a: &Mention, b: &Mention| times_compatible(a.when, b.when);
        assert!(c(&meet(1, 10, true), &meet(2, 10, true)));
        assert!(!c(&meet(1, 10, true), &meet(2, 11, true)), "two dated days");
        assert!(
            c(&meet(1, 10, true), &meet(2, 11, false)),
            "reported next day"
        );
        assert!(
            c(&meet(1, 10, true), &meet(2, 12, false)),
            "retold two days on"
        );
        assert!(!c(&meet(1, 10, true), &meet(2, 13, false)));
        assert!(
            !c(&meet(1, 12, true), &meet(2, 10, false)),
            "reported before it happened"
        );
        assert!(c(&meet(1, 10, false), &meet(2, 12, false)));
        assert!(!c(&meet(1, 10, false), &meet(2, 13, false)));
    }

    #[test]
    fn periods_match_by_overlap_and_long_past_ones_never_by_publication_day() {
        let dec = period("2016-12").unwrap();
        let pub_feb = day_number(chrono::NaiveDate::from_ymd_opt(2017, 2, 14).unwrap());
        let dec29 = day_number(chrono::NaiveDate::from_ymd_opt(2016, 12, 29).unwrap());
        let recent = When::Period(dec.0, dec.1, pub_feb);
        assert!(
            times_compatible(recent, When::Dated(dec29)),
            "a date in the month"
        );
        assert!(
            times_compatible(recent, When::Undated(pub_feb)),
            "or the article's day"
        );
        assert!(!times_compatible(recent, When::Dated(dec29 - 40)));
        let y1985 = period("1985").unwrap();
        let old = When::Period(y1985.0, y1985.1, pub_feb);
        assert!(old.past());
        assert!(
            !times_compatible(old, When::Undated(pub_feb)),
            "1985 is not this week"
        );
        let y1937 = period("1937").unwrap();
        assert!(!times_compatible(
            old,
            When::Period(y1937.0, y1937.1, pub_feb)
        ));
        assert!(times_compatible(
            old,
            When::Period(y1985.0, y1985.1, pub_feb + 3)
        ));
        // Reaches cover every compatible pair.
        for (a, b) in [
            (recent, When::Dated(dec29)),
            (recent, When::Undated(pub_feb)),
        ] {
            let (x, y) = (a.reach(), b.reach());
            assert!(x.0 <= y.1 && y.0 <= x.1);
        }
    }

    #[test]
    fn timex_periods_and_when() {
        let d = |y, m, dd| day_number(chrono::NaiveDate::from_ymd_opt(y, m, dd).unwrap());
        assert_eq!(period("2016"), Some((d(2016, 1, 1), d(2016, 12, 31))));
        assert_eq!(period("2016-02"), Some((d(2016, 2, 1), d(2016, 2, 29))));
        assert_eq!(period("2016-12"), Some((d(2016, 12, 1), d(2016, 12, 31))));
        assert_eq!(period("2017-W11"), Some((d(2017, 3, 13), d(2017, 3, 19))));
        assert_eq!(
            period("2017-W11-WE"),
            Some((d(2017, 3, 18), d(2017, 3, 19)))
        );
        assert_eq!(period("2017-Q2"), Some((d(2017, 4, 1), d(2017, 6, 30))));
        assert_eq!(period("201"), Some((d(2010, 1, 1), d(2019, 12, 31))));
        assert_eq!(period("19"), Some((d(1900, 1, 1), d(1999, 12, 31))));
        for bad in [
            "PRESENT_REF",
            "2017-SU",
            "2017-13",
            "2017-W60",
            "x",
            "2017-03-05",
        ] {
            assert_eq!(period(bad), None, "{bad}");
        }
        let p = d(2017, 3, 1);
        assert_eq!(
            when_of(Some("2017-02-27"), d(2017, 2, 27), Some(p), false),
            When::Dated(d(2017, 2, 27))
        );
        assert_eq!(
            when_of(Some("2017-03-01"), p, Some(p), false),
            When::Undated(p)
        );
        assert_eq!(
            when_of(Some("2017-03-01"), p, Some(p), true),
            When::Dated(p)
        );
        assert_eq!(
            when_of(Some("2016"), p, Some(p), false),
            When::Period(d(2016, 1, 1), d(2016, 12, 31), p)
        );
        assert_eq!(
            when_of(Some("PAST_REF"), p, Some(p), false),
            When::Undated(p)
        );
        assert_eq!(when_of(None, p, None, false), When::Undated(p));
    }

    #[test]
    fn places_conflict_only_when_both_named_and_apart() {
        let mut a = m(1, "190", "RUSMIL", "UKR", When::Dated(10));
        let mut b = m(2, "190", "RUSMIL", "UKR", When::Dated(10));
        assert!(!places_conflict(&a, &b));
        a.place = Some("Kharkiv".into());
        assert!(!places_conflict(&a, &b), "one unknown place is no conflict");
        b.place = Some("Odesa".into());
        assert!(places_conflict(&a, &b));
        a.coords = Some((50.0, 36.23));
        b.coords = Some((50.05, 36.3));
        assert!(!places_conflict(&a, &b), "a few km apart");
        b.place_country = Some("UKR".into());
        a.place_country = Some("RUS".into());
        assert!(places_conflict(&a, &b));
    }

    #[test]
    fn statements_and_self_dyads_merge_only_across_copies() {
        let v = vocab();
        let w = When::Dated(10);
        let (mut a, mut b) = (
            m(1, "010", "USAGOV", "RUS", w),
            m(2, "010", "USAGOV", "RUS", w),
        );
        assert!(!compatible(&a, &b, v), "independent articles");
        b.story = a.story;
        assert!(compatible(&a, &b, v), "a republished copy");
        b.doc = a.doc;
        assert!(!compatible(&a, &b, v), "two statements in one article");
        a.cameo = "042".into();
        b.cameo = "042".into();
        assert!(compatible(&a, &b, v), "a visit told twice in one article");
        let (x, y) = (
            m(3, "111", "USAGOV", "USAGOV", w),
            m(4, "111", "USAGOV", "USAGOV", w),
        );
        assert!(
            !compatible(&x, &y, v),
            "USAGOV criticises USAGOV: who, whom?"
        );
    }

    #[test]
    fn country_codes_stand_for_the_state_only() {
        let v = vocab();
        let w = When::Dated(10);
        let a = m(1, "191", "PAKGOV", "AFG", w);
        assert!(
            compatible(&a, &m(2, "191", "PAK", "AFG", w), v),
            "PAK and PAKGOV"
        );
        assert!(
            !compatible(&a, &m(3, "191", "PAKMIL", "AFG", w), v),
            "GOV and MIL are two actors"
        );
        assert!(compatible(
            &m(4, "191", "PAK", "AFG", w),
            &m(5, "191", "PAKMIL", "AFG", w),
            v
        ));
        assert!(
            !compatible(
                &m(6, "191", "PAK", "AFG", w),
                &m(7, "191", "PAKOPP", "AFG", w),
                v
            ),
            "the opposition is not the state"
        );
        assert!(
            compatible(&a, &m(8, "191", "PAKGOV", "AFGGOV", w), v),
            "AFG and AFGGOV"
        );
    }

    #[test]
    fn reversed_only_for_joint_acts_mirrors_and_one_sentence() {
        let v = vocab();
        let w = When::Dated(10);
        let talks = m(1, "046", "SYRGOV", "CHE", w);
        assert!(
            compatible(&talks, &m(2, "046", "CHE", "SYRGOV", w), v),
            "negotiations both ways"
        );
        assert!(
            compatible(
                &m(3, "042", "DEUGOV", "USAGOV", w),
                &m(4, "043", "USAGOV", "DEUGOV", w),
                v
            ),
            "visit = hosted"
        );
        assert!(
            compatible(
                &m(3, "042", "DEUGOV", "USAGOV", w),
                &m(5, "040", "USAGOV", "DEUGOV", w),
                v
            ),
            "visit and meeting"
        );
        assert!(
            !compatible(
                &m(3, "042", "DEUGOV", "USAGOV", w),
                &m(6, "042", "USAGOV", "DEUGOV", w),
                v
            ),
            "two visits"
        );
        let (a, mut b) = (m(7, "190", "GBR", "IRL", w), m(8, "190", "IRL", "GBR", w));
        assert!(!compatible(&a, &b, v), "attacks both ways: two attacks");
        b.doc = a.doc;
        assert!(compatible(&a, &b, v), "one sentence coded both ways");
        b.sentence = 1;
        assert!(!compatible(&a, &b, v));
    }

    #[test]
    fn reports_of_one_act_share_words() {
        let v = vocab();
        let w = When::Undated(10);
        let stop = &v.stop;
        let mut a = m(1, "040", "JPNGOV", "RUSGOV", w);
        let mut b = m(2, "040", "JPNGOV", "RUSGOV", w);
        a.words = content_words(
            "The foreign ministers met in Tokyo on Monday to discuss the disputed islands.",
            stop,
        );
        b.words = content_words(
            "Talks in Tokyo between the two foreign ministers covered the islands.",
            stop,
        );
        assert!(a.words.contains(&"tokyo".to_string()) && !a.words.contains(&"the".to_string()));
        assert!(compatible(&a, &b, v), "{:?} {:?}", a.words, b.words);
        b.words = content_words(
            "The two countries have negotiated a peace treaty for decades.",
            stop,
        );
        assert!(
            !compatible(&a, &b, v),
            "a long process and this week's meeting"
        );
        b.story = a.story;
        assert!(
            compatible(&a, &b, v),
            "a copy of one story needs no shared words"
        );
        b.story = b.event;
        b.words.clear();
        assert!(
            compatible(&a, &b, v),
            "no sentence text: no evidence either way"
        );
        assert_eq!(jaccard(&[], &[]), 1.0);
    }

    #[test]
    fn one_sentence_reversed_needs_one_code() {
        let v = vocab();
        let w = When::Dated(10);
        let (a, mut b) = (m(1, "191", "PAK", "AFG", w), m(2, "190", "AFG", "PAK", w));
        b.doc = a.doc;
        assert!(
            !compatible(&a, &b, v),
            "a border closure and the attack it answered"
        );
        b.cameo = "191".into();
        assert!(compatible(&a, &b, v));
    }

    #[test]
    fn planned_and_actual_acts_are_two_events() {
        let v = vocab();
        let w = When::Undated(10);
        let (a, mut b) = (
            m(1, "042", "DEUGOV", "POL", w),
            m(2, "042", "DEUGOV", "POL", w),
        );
        b.modality = "intent".into();
        assert!(!compatible(&a, &b, v), "will visit vs visited");
        let mut c = b.clone();
        c.event = 3;
        c.modality = "hypothetical".into();
        assert!(compatible(&b, &c, v), "two unrealised mentions of the plan");
        b.doc = a.doc;
        assert!(compatible(&a, &b, v), "one sentence");
    }

    #[test]
    fn domestic_dyads_merge_within_one_article_or_across_copies() {
        let v = vocab();
        let w = When::Undated(10);
        let (a, mut b) = (
            m(1, "141", "USALEG", "USAGOV", w),
            m(2, "141", "USA", "USAGOV", w),
        );
        assert!(
            !compatible(&a, &b, v),
            "two rallies in one country on one day"
        );
        b.story = a.story;
        assert!(compatible(&a, &b, v), "a republished copy");
        b.story = b.event;
        b.doc = a.doc;
        b.sentence = 3;
        assert!(compatible(&a, &b, v), "one article telling it twice");
    }

    #[test]
    fn two_explicit_periods_must_overlap() {
        let p = 20_000;
        let oct = When::Period(p - 150, p - 120, p);
        let may = When::Period(p + 80, p + 110, p);
        assert!(!times_compatible(oct, may), "an October visit, a May trip");
        assert!(
            times_compatible(oct, When::Undated(p)),
            "a recent period still meets its article's day"
        );
    }

    #[test]
    fn different_named_people_are_different_events() {
        let v = vocab();
        let w = When::Undated(10);
        let mut a = m(1, "040", "USAGOV", "RUSGOV", w);
        let mut b = m(2, "040", "USAGOV", "RUSGOV", w);
        a.src.person = Some("Rex Tillerson".into());
        b.src.person = Some("Michael Flynn".into());
        assert!(!compatible(&a, &b, v));
        b.src.person = Some("Tillerson".into());
        assert!(compatible(&a, &b, v));
        a.tgt.person = Some("Sergey Kislyak".into());
        b.tgt.person = Some("Sergei Kislyak".into());
        assert!(
            compatible(&a, &b, v),
            "one surname, two spellings of the first name"
        );
        b.tgt.person = None;
        assert!(compatible(&a, &b, v), "an unnamed side is no conflict");
    }

    #[test]
    fn complete_linkage_does_not_chain_days() {
        // Undated mentions on days 10, 12, 14: 10–12 and 12–14 are each within the window, but
        // 10–14 is not, so 14 starts a group of its own.
        let run = vec![meet(1, 10, false), meet(2, 12, false), meet(3, 14, false)];
        assert_eq!(group(&run, vocab()), vec![vec![0, 1], vec![2]]);
        assert_eq!(
            runs(vec![(12, 13), (10, 11), (11, 12), (20, 21), (14, 14)]),
            vec![(10, 13), (14, 14), (20, 21)]
        );
    }

    #[test]
    fn representative_prefers_dated_then_placed() {
        let mut run = vec![meet(1, 10, false), meet(2, 10, true), meet(3, 10, true)];
        run[2].place = Some("Riyadh".into());
        assert_eq!(representative(&run, &[0, 1, 2]), 2);
        assert_eq!(representative(&run, &[0, 1]), 1);
    }

    /// Content words of a hand-written sentence.
    fn said(text: &str) -> Vec<String> {
        content_words(text, &vocab().stop)
    }

    #[test]
    fn a_generic_code_and_a_child_need_more_shared_words() {
        let v = vocab();
        let w = When::Undated(10);
        let mut a = m(1, "040", "USAGOV", "JPNGOV", w);
        let mut b = m(2, "042", "USAGOV", "JPNGOV", w);
        a.words = said("Officials held discussions with Japanese diplomats about trade rules.");
        b.words = said("The secretary arrived in Tokyo to discuss trade rules and security.");
        let j = jaccard(&a.words, &b.words);
        assert!((SHARED_WORDS..PARENT_WORDS).contains(&j), "{j}");
        assert!(
            !compatible(&a, &b, v),
            "a meeting and a visit, few words shared"
        );
        b.cameo = "040".into();
        assert!(compatible(&a, &b, v), "one code twice: the usual threshold");
        b.cameo = "042".into();
        b.words = said("Officials held discussions in Tokyo with Japanese diplomats about trade.");
        assert!(compatible(&a, &b, v), "the same words: one act");
        b.words = said("Nothing in common here at all.");
        b.doc = a.doc;
        assert!(compatible(&a, &b, v), "one sentence needs no words");
    }

    #[test]
    fn the_same_people_on_both_sides_stand_for_shared_words() {
        let v = vocab();
        let w = When::Undated(10);
        let mut a = m(1, "041", "USAGOV", "RUSGOV", w);
        let mut b = m(2, "041", "USAGOV", "RUSGOV", w);
        a.words = said("The adviser spoke several times by telephone with the envoy.");
        b.words = said("Records show conversations that the White House later played down.");
        assert!(!compatible(&a, &b, v), "no shared words, no names");
        a.src.person = Some("Mikhail Flint".into());
        a.tgt.person = Some("Sergei Kislov".into());
        b.src.person = Some("Flint".into());
        b.tgt.person = Some("Sergey Kislov".into());
        assert!(same_people(&a, &b));
        assert!(compatible(&a, &b, v), "the same two people, one day");
        b.tgt.person = None;
        assert!(!compatible(&a, &b, v), "one side unnamed: words needed");
        b.tgt.person = Some("Sergey Kislov".into());
        b.cameo = "040".into();
        assert!(
            !compatible(&a, &b, v),
            "a call and a generic meeting of the same two: words needed"
        );
        // Reversed for a joint act: names agree crosswise.
        let mut c = m(3, "041", "RUSGOV", "USAGOV", w);
        c.words = said("Unrelated wording of the exchange.");
        c.src.person = Some("Kislov".into());
        c.tgt.person = Some("Mikhail Flint".into());
        assert!(compatible(&a, &c, v));
    }

    /// A headline of document 1 and a sentence of its body, both `src → tgt` on day 10.
    fn headline_and_body(cameo: (&str, &str), head: &str, body: &str) -> (Mention, Mention) {
        let w = When::Dated(10);
        let mut h = m(1, cameo.0, "RURGOV", "BORGOV", w);
        let mut b = m(2, cameo.1, "RURGOV", "BORGOV", w);
        (b.doc, b.story, b.sentence) = (h.doc, h.story, 3);
        h.headline = true;
        h.words = said(head);
        b.words = said(body);
        (h, b)
    }

    #[test]
    fn a_headline_echoes_the_body_sentence_that_tells_its_act() {
        let v = vocab();
        let body = "The border talks with Borduria have stalled over fishing quotas, a disputed \
                    lighthouse and the ferry timetable, the Ruritanian foreign minister told \
                    reporters in the capital after a long cabinet meeting on rail tariffs and harbour dues.";
        let (h, b) = headline_and_body(
            ("010", "010"),
            "Ruritanian minister says border talks with Borduria stalled",
            body,
        );
        assert!(jaccard(&h.words, &b.words) < STATEMENT_WORDS);
        assert!(headline_share(&h, &b).unwrap() >= HEAD_ECHO);
        assert!(compatible(&h, &b, v), "a headline's claim and the body's");
        let mut other = b.clone();
        (other.doc, other.story) = (7, 7);
        assert!(
            !compatible(&h, &other, v),
            "another article's sentence is no body of this headline"
        );
        let (h2, b2) = headline_and_body(
            ("010", "010"),
            "Ruritanian minister says border talks with Borduria stalled",
            "The minister also said the ferry timetable would be reviewed next year by experts.",
        );
        assert!(
            !compatible(&h2, &b2, v),
            "a body sentence with few of the headline's words"
        );
        // Two roots of one family (an appeal and a statement): the appeal's mode `demand` is
        // no unreal act.
        let (mut h3, mut b3) = headline_and_body(
            ("020", "010"),
            "Ruritania urges Borduria to reopen border crossing",
            "Borduria should reopen the border crossing it closed last month, since the \
             villages on both banks depend on the bridge for food and medicine, Ruritania's \
             foreign ministry said in a statement on Tuesday evening after floods.",
        );
        h3.modality = "demand".into();
        assert!(jaccard(&h3.words, &b3.words) < CROSS_WORDS);
        assert!(compatible(&h3, &b3, v), "one appeal, headline and body");
        h3.modality = "hypothetical".into();
        assert!(!compatible(&h3, &b3, v), "an imagined appeal is no appeal");
        h3.modality = "demand".into();
        // Two roots of no one family: the headline's words in the body sentence do not make
        // its claim and the talks the sentence also tells one act.
        b3.cameo = "040".into();
        assert!(
            !compatible(&h3, &b3, v),
            "an appeal and talks, headline and body"
        );
    }

    #[test]
    fn family_roots_merge_across_modes_but_not_plans_and_acts() {
        let v = vocab();
        let w = When::Dated(10);
        let text = "The foreign ministers urged the rebels to lay down their arms before the \
                    winter talks in Varna, the ministry said.";
        let mut appeal = m(1, "023", "RURGOV", "BORREB", w);
        let mut statement = m(2, "010", "RURGOV", "BORREB", w);
        appeal.modality = "demand".into();
        appeal.words = said(text);
        statement.words = said(text);
        statement.sentence = 2;
        assert!(
            compatible(&appeal, &statement, v),
            "one utterance, two roots of a family"
        );
        let mut intent = m(3, "036", "RURGOV", "BORREB", w);
        let mut meeting = m(4, "040", "RURGOV", "BORREB", w);
        intent.modality = "intent".into();
        intent.words = said(text);
        meeting.words = said(text);
        assert!(
            !compatible(&intent, &meeting, v),
            "a plan to meet and a meeting held are two events"
        );
    }

    #[test]
    fn statements_merge_when_their_sentences_echo() {
        let v = vocab();
        let w = When::Dated(10);
        let mut a = m(1, "010", "RUSGOV", "NATO", w);
        let mut b = m(2, "010", "RUSGOV", "NATO", w);
        a.words = said("The spokesman said the alliance's expansion threatens regional stability.");
        b.words = said(
            "Expansion of the alliance threatens regional stability, the spokesman told reporters.",
        );
        assert!(jaccard(&a.words, &b.words) >= STATEMENT_WORDS);
        assert!(compatible(&a, &b, v), "one claim carried by two outlets");
        b.words = said("The spokesman said talks on arms control could resume soon.");
        assert!(
            !compatible(&a, &b, v),
            "two claims of one speaker on one day"
        );
        b.words = a.words.clone();
        b.doc = a.doc;
        assert!(!compatible(&a, &b, v), "two claims of one sentence");
        b.sentence = 4;
        assert!(compatible(&a, &b, v), "a headline and its body");
        let (mut x, mut y) = (
            m(3, "010", "USAGOV", "USAGOV", w),
            m(4, "010", "USAGOV", "USAGOV", w),
        );
        x.words = a.words.clone();
        y.words = a.words.clone();
        assert!(!compatible(&x, &y, v), "self-dyads: only across copies");
    }

    #[test]
    fn one_span_coded_both_ways_is_one_unit() {
        let v = vocab();
        let w = When::Dated(10);
        // "A and B agreed to cooperate" coded A→B and B→A in one sentence (030 is not joint),
        // and another article's A→B report of the same agreement.
        let mut ab = m(1, "030", "ARCGOV", "BORGOV", w);
        let mut ba = m(2, "030", "BORGOV", "ARCGOV", w);
        ba.doc = ab.doc;
        ba.doc_id = ab.doc_id.clone();
        ba.idx = 1;
        let mut other = m(3, "030", "ARCGOV", "BORGOV", w);
        other.doc_id = "c0".into(); // taken first
        for x in [&mut ab, &mut ba, &mut other] {
            x.words = said("Arcadia and Borduria agreed to cooperate on river transport.");
        }
        assert!(compatible(&ab, &ba, v) && compatible(&ab, &other, v));
        assert!(
            !compatible(&ba, &other, v),
            "not joint: reversed only in one sentence"
        );
        let run = vec![ab.clone(), ba.clone(), other.clone()];
        assert_eq!(group(&run, v), vec![vec![2, 0, 1]], "one agreement");
        // Two verbs of one sentence (disjoint spans) are no unit: the reversed coding stays
        // apart from the other article's report.
        let mut ba2 = ba.clone();
        ba2.evidence = (40, 48);
        assert_eq!(group(&[ab, ba2, other], v), vec![vec![2, 0], vec![1]]);
    }

    /// `report_dated` on a sentence starting at document offset 100: the spans of `timex` and
    /// `evidence` are found in it.
    fn dated_by_report(sentence: &str, timex: &str, evidence: &str) -> bool {
        let at = |s: &str| {
            let b = sentence.find(s).expect("span in sentence");
            let start = 100 + sentence[..b].chars().count() as i64;
            (start, start + s.chars().count() as i64)
        };
        report_dated(sentence, 100, at(timex), at(evidence), vocab())
    }

    #[test]
    fn a_date_next_to_a_report_is_the_report_day() {
        // A past act told with the day it was confirmed or reported.
        assert!(dated_by_report(
            "The minister met the Freedonian envoy at the trade fair, the agency confirmed Thursday.",
            "Thursday",
            "met the Freedonian envoy"
        ));
        assert!(dated_by_report(
            "On Friday, the Gazette reported that the adviser discussed the tariffs with the envoy.",
            "Friday",
            "discussed the tariffs"
        ));
        assert!(dated_by_report(
            "The premier called the envoy last summer, ministry spokesman Olaf Brun said in a statement on Monday.",
            "Monday",
            "called the envoy"
        ));
        // The date of the act itself.
        assert!(!dated_by_report(
            "The minister met the Freedonian envoy on Tuesday in Port Alba.",
            "Tuesday",
            "met the Freedonian envoy"
        ));
        assert!(!dated_by_report(
            "The foreign ministers of the two countries met in Port Alba on Tuesday after months of talks.",
            "Tuesday",
            "met"
        ));
        // A statement's own day: its reporting verb is its evidence.
        assert!(!dated_by_report(
            "The premier said on Sunday that the border would stay open.",
            "Sunday",
            "said"
        ));
        // An expression inside the evidence dates the act.
        assert!(!dated_by_report(
            "Officials said the Tuesday meeting of the envoys was cordial.",
            "Tuesday",
            "Tuesday meeting"
        ));
    }

    #[test]
    fn a_denial_is_not_the_act() {
        let v = vocab();
        assert!(denial_cue("\"We have never ", v));
        assert!(denial_cue("The envoy said he had never ", v));
        assert!(denial_cue("But the minister denied ", v));
        assert!(denial_cue("The ministry said he didn't ", v));
        assert!(!denial_cue("The ministry said the two men ", v));
        // The act is a rejection ("denied a visa") when the word is the evidence itself.
        assert!(!denial_cue("The consulate ", v));
        assert!(
            !denial_cue("Not long after the vote, the minister ", v),
            "too far before"
        );
        // "I never met the envoy" (uncoded negation) and "the minister met the envoy": apart,
        // though they share the words and the day; two denials of one act go together.
        let day = When::Undated(100);
        let mut met = m(1, "040", "RURGOV", "FRDGOV", day);
        met.words = said("the minister met the freedonian envoy at the fair");
        let mut never = m(2, "040", "RURGOV", "FRDGOV", day);
        never.words = said("the minister never met the freedonian envoy at the fair");
        never.denied = true;
        assert!(!compatible(&met, &never, v), "an act and its denial");
        let mut again = never.clone();
        again.event = 3;
        again.doc = 3;
        again.story = 3;
        assert!(compatible(&never, &again, v), "two reports of one denial");
    }

    #[test]
    fn planned_cues_near_the_evidence() {
        let v = vocab();
        let cue = |pre: &str, ev: &str, post: &str| planned_cue(pre, ev, post, v);
        assert!(cue("The two leaders are due to ", "meet", " on Monday."));
        assert!(cue(
            "Officials confirmed a ",
            "tentative summit",
            " in April."
        ));
        assert!(cue(
            "The foreign minister will ",
            "hold talks",
            " with his counterpart."
        ));
        assert!(cue(
            "Ministers' talks and a separate ",
            "meeting between the two",
            " envoys are due in Tokyo on Friday."
        ));
        assert!(
            cue(
                "The two governments are looking forward to the first ",
                "meeting between the presidents",
                "."
            ),
            "a meeting looked forward to has not been held"
        );
        assert!(!cue(
            "The foreign ministers ",
            "met",
            " in Tokyo on Monday."
        ));
        assert!(
            !cue("Prime Minister Theresa May ", "met", " the president."),
            "the surname is no cue"
        );
        assert!(
            !cue(
                "They will say, as it happened long before, that the ministers ",
                "met",
                "."
            ),
            "a cue further than the window"
        );
        assert!(
            !cue(
                "The envoys ",
                "met",
                " on Monday, and they will meet again."
            ),
            "`will` after the evidence is another clause"
        );
        // A planned act the coder marks actual does not merge with the act held.
        let w = When::Undated(10);
        let (a, mut b) = (
            m(1, "040", "JPNGOV", "RUSGOV", w),
            m(2, "040", "JPNGOV", "RUSGOV", w),
        );
        assert!(compatible(&a, &b, v));
        b.planned = true;
        assert!(!compatible(&a, &b, v));
    }

    #[test]
    fn one_span_with_two_codes_of_one_country_is_one_unit() {
        let v = vocab();
        let w = When::Dated(10);
        // "…, warned the former senator": one span, the target coded as a legislator and as a
        // party member; codes the hierarchy does not join.
        let a = m(1, "130", "USAELI", "USALEG", w);
        let mut b = m(2, "130", "USAELI", "USAPTY", w);
        assert!(!compatible(&a, &b, v));
        b.doc = a.doc;
        b.doc_id = a.doc_id.clone();
        b.idx = 1;
        assert_eq!(group(&[a.clone(), b.clone()], v), vec![vec![0, 1]]);
        b.evidence = (30, 40);
        assert_eq!(
            group(&[a, b], v),
            vec![vec![0], vec![1]],
            "two spans of one sentence"
        );
    }

    #[test]
    fn roots_of_one_family_merge_on_strong_evidence_only() {
        let v = vocab();
        let w = When::Dated(10);
        // A headline's "slams" (111) and another outlet's "rejects" (120) of one plan.
        let mut a = m(1, "111", "RURGOV", "BORGOV", w);
        let mut b = m(2, "120", "RURGOV", "BORGOV", w);
        a.words = said("Ruritania slams Borduria's plan for a dam on the Varna river.");
        b.words = said("Ruritania rejects Borduria's plan for a dam on the Varna river.");
        assert!(jaccard(&a.words, &b.words) >= CROSS_WORDS);
        assert!(
            compatible(&a, &b, v),
            "one stance, two roots, echoing sentences"
        );
        b.words = said("Ruritania rejected Borduria's offer of talks on fishing quotas.");
        assert!(
            jaccard(&a.words, &b.words) >= SHARED_WORDS && !compatible(&a, &b, v),
            "a criticism and another rejection: same-root threshold is not enough"
        );
        b.words = a.words.clone();
        let mut r = b.clone();
        (r.src, r.tgt) = (b.tgt.clone(), b.src.clone());
        assert!(
            !compatible(&a, &r, v),
            "across roots the sides line up directly"
        );
        b.doc = a.doc;
        b.evidence = (30, 40);
        assert!(
            !compatible(&a, &b, v),
            "two verbal acts of one sentence stay two"
        );
        let (x, y) = (m(3, "010", "RUR", "BOR", w), m(4, "040", "RUR", "BOR", w));
        assert_ne!(v.family_of(root(&x.cameo)), v.family_of(root(&y.cameo)));
    }

    #[test]
    fn an_attack_and_its_toll_in_one_sentence_are_one_act() {
        let v = vocab();
        let w = When::Dated(10);
        // "Two soldiers were killed (1823) in a raid (190) on a border post."
        let raid = m(1, "190", "BORREB", "RURMIL", w);
        let mut killed = m(2, "1823", "BORREB", "RURMIL", w);
        killed.doc = raid.doc;
        killed.evidence = (20, 26);
        assert!(compatible(&raid, &killed, v));
        // "… conducted nuclear tests (2042) and fired missiles (194)": no outcome code.
        let mut fired = m(3, "194", "BORREB", "RURMIL", w);
        fired.doc = raid.doc;
        fired.evidence = (40, 46);
        let mut tests = m(4, "204", "BORREB", "RURMIL", w);
        tests.doc = raid.doc;
        tests.evidence = (50, 56);
        assert!(!compatible(&fired, &tests, v), "two acts of one sentence");
        let mut other = killed.clone();
        other.doc = 9;
        other.story = 9;
        assert!(
            !compatible(&raid, &other, v),
            "another article's killing, no shared words"
        );
    }

    #[test]
    fn the_host_of_a_visit_is_its_country() {
        let v = vocab();
        let w = When::Dated(10);
        let text = "The secretary arrived in Varna for his first visit to Borduria.";
        let mut a = m(1, "042", "RURGOV", "BORGOV", w);
        let mut b = m(2, "042", "RURGOV", "BORCVL", w);
        a.words = said(text);
        b.words = said(text);
        assert!(
            compatible(&a, &b, v),
            "the host's sector is the coder's guess"
        );
        let mut c = m(3, "043", "BORCVL", "RURGOV", w);
        c.words = said(text);
        assert!(compatible(&a, &c, v), "hosted, told from the host's side");
        let mut d = m(4, "042", "RURBUS", "BORGOV", w);
        d.words = said(text);
        assert!(!compatible(&a, &d, v), "the visitor's sector still counts");
        let (mut e, mut f) = (
            m(5, "040", "RURGOV", "BORGOV", w),
            m(6, "040", "RURGOV", "BORCVL", w),
        );
        e.words = said(text);
        f.words = said(text);
        assert!(!compatible(&e, &f, v), "a meeting has no host side");
    }

    #[test]
    fn an_echoed_sentence_one_day_off_is_one_act() {
        let v = vocab();
        let mut a = m(1, "020", "RUR", "BOR", When::Dated(10));
        let mut b = m(2, "020", "RUR", "BOR", When::Dated(11));
        a.words =
            said("Ruritania on Friday issued a plea for Borduria to free its political prisoners.");
        b.words =
            said("On Friday Ruritania issued a plea for Borduria to free political prisoners.");
        assert!(jaccard(&a.words, &b.words) >= DATE_ECHO);
        assert!(
            compatible(&a, &b, v),
            "one plea, its weekday resolved twice"
        );
        b.when = When::Dated(12);
        assert!(!compatible(&a, &b, v), "two days off");
        b.when = When::Dated(11);
        b.words = said("Ruritania renewed its appeal to Borduria over the detained journalists.");
        assert!(!compatible(&a, &b, v), "another plea the next day");
        let (x, y) = (When::Dated(10).reach(), When::Dated(11).reach());
        assert!(x.0 <= y.1 && y.0 <= x.1, "reaches meet");
    }

    #[test]
    fn one_person_met_in_one_country_is_one_trip() {
        let v = vocab();
        let person = |m: &mut Mention, src: Option<&str>, tgt: Option<&str>| {
            m.src.person = src.map(Into::into);
            m.tgt.person = tgt.map(Into::into);
        };
        // "Vidal's visit to Varna" and "Vidal said after talks with Bordurian officials".
        let mut visit = m(1, "042", "RURGOV", "BORGOV", When::Dated(10));
        let mut talks = m(2, "040", "RURGOV", "BORGOV", When::Dated(11));
        visit.words = said("The minister's visit to Varna aims at paving the way for a summit.");
        talks.words = said("Missile defence is a threat, Vidal said following talks on Monday.");
        assert!(
            !compatible(&visit, &talks, v),
            "no names: a visit and talks stay apart"
        );
        person(&mut visit, Some("Pablo Vidal"), None);
        person(&mut talks, Some("Vidal"), None);
        assert!(same_trip(&visit, &talks, v));
        assert!(
            compatible(&visit, &talks, v),
            "the same traveller, one day on"
        );
        talks.when = When::Dated(12);
        assert!(
            !compatible(&visit, &talks, v),
            "two days on: another occasion"
        );
        talks.when = When::Dated(11);
        // Told from the other side: "Borduria's president met Vidal".
        let mut met = m(3, "040", "BORGOV", "RURGOV", When::Dated(10));
        met.words = said("The president received him behind closed doors.");
        person(&mut met, Some("Ana Kral"), Some("Pablo Vidal"));
        assert!(
            compatible(&visit, &met, v),
            "the traveller on the other side"
        );
        person(&mut met, Some("Ana Kral"), Some("Marko Sten"));
        assert!(!compatible(&visit, &met, v), "another visitor");
        // A call is not a trip; nor is a domestic meeting.
        let mut call = m(4, "041", "RURGOV", "BORGOV", When::Dated(10));
        call.words = said("They spoke by telephone about the border.");
        person(&mut call, Some("Vidal"), None);
        assert!(!same_trip(&visit, &call, v) && !compatible(&visit, &call, v));
        let (mut x, mut y) = (
            m(5, "040", "RURGOV", "RURLEG", When::Dated(10)),
            m(6, "040", "RURGOV", "RURLEG", When::Dated(10)),
        );
        person(&mut x, Some("Vidal"), None);
        person(&mut y, Some("Vidal"), None);
        assert!(
            !same_trip(&x, &y, v),
            "domestic dyads hold a country's whole politics"
        );
        // The trip's days stay inside a dated mention's reach (runs are cut by reaches).
        let r = When::Dated(10).reach();
        assert!(r.0 <= 10 - TRIP_DAYS && r.1 >= 10 + TRIP_DAYS);
    }

    #[test]
    fn a_named_pair_is_followed_across_a_week_of_reports() {
        let v = vocab();
        // "The adviser discussed sanctions with the ambassador" retold by follow-up stories on
        // days 10 and 15, neither dating the talks.
        let mut a = m(1, "040", "RURGOV", "BORGOV", When::Undated(10));
        let mut b = m(2, "040", "RURGOV", "BORGOV", When::Undated(15));
        a.words = said("The adviser resigned after he discussed sanctions with the envoy.");
        b.words = said("Critics said nothing was wrong in holding talks before the inauguration.");
        assert!(
            !compatible(&a, &b, v),
            "no names: five publication days apart"
        );
        for x in [&mut a, &mut b] {
            x.src.person = Some("Mikhail Flint".into());
            x.tgt.person = Some("Sergei Kislov".into());
        }
        assert!(
            people_days(&a, &b) && compatible(&a, &b, v),
            "the same two people"
        );
        let reach = (a.reach(), b.reach());
        assert!(
            reach.0 .1 >= reach.1 .0,
            "their reaches meet, so one run holds both"
        );
        b.when = When::Undated(10 + PEOPLE_WINDOW + 1);
        assert!(!compatible(&a, &b, v), "beyond the window");
        b.when = When::Dated(15);
        assert!(!compatible(&a, &b, v), "a dated act keeps its day");
        b.when = When::Undated(15);
        b.cameo = "041".into();
        assert!(
            !compatible(&a, &b, v),
            "a call and a meeting of the pair: two occasions"
        );
        b.cameo = "040".into();
        b.tgt.person = Some("Ivan Other".into());
        assert!(!compatible(&a, &b, v), "another counterpart");
    }

    #[test]
    fn roots_of_no_family_merge_when_their_sentences_echo() {
        let v = vocab();
        let w = When::Undated(10);
        // A headline's threat (137) and another outlet's vow (030) of one address.
        let mut a = m(1, "137", "RURGOV", "BORREB", w);
        let mut b = m(2, "030", "RURGOV", "BORREB", w);
        a.words = said("Ruritania's president vows to demolish the rebel camps near Varna.");
        b.words = said("The president vowed to destroy the rebel camps near Varna in a speech.");
        assert_ne!(v.family_of(root(&a.cameo)), v.family_of(root(&b.cameo)));
        assert!(jaccard(&a.words, &b.words) >= ROOT_ECHO);
        assert!(compatible(&a, &b, v), "one vow under two roots");
        b.words = said("The president pledged new schools for the rebel provinces.");
        assert!(
            !compatible(&a, &b, v),
            "a threat and another pledge of the same sides"
        );
        b.words = a.words.clone();
        let mut r = b.clone();
        (r.src, r.tgt) = (b.tgt.clone(), b.src.clone());
        assert!(!compatible(&a, &r, v), "the sides line up directly");
        b.doc = a.doc;
        b.evidence = (30, 40);
        assert!(
            !compatible(&a, &b, v),
            "two acts of one sentence under two roots stay two"
        );
        let mut toll = m(3, "182", "RURGOV", "BORREB", w);
        toll.doc = a.doc;
        toll.evidence = (50, 60);
        let mut talks = m(4, "040", "RURGOV", "BORREB", w);
        talks.doc = a.doc;
        talks.evidence = (70, 80);
        assert!(
            !compatible(&toll, &talks, v),
            "the outcome rule holds within a family only"
        );
    }

    #[test]
    fn one_named_person_is_one_side_whatever_the_sector() {
        let v = vocab();
        let w = When::Undated(10);
        // The adviser coded as government in one article, as an elite in the other.
        let mut a = m(1, "040", "RURGOV", "BORGOV", w);
        let mut b = m(2, "040", "RURELI", "BOR", w);
        a.words =
            said("Adviser Anton Varga held talks with the Bordurian ambassador on sanctions.");
        b.words = said("Varga discussed sanctions with the ambassador of Borduria in December.");
        assert!(!compatible(&a, &b, v), "two sectors, nobody named");
        a.src.person = Some("Anton Varga".into());
        b.src.person = Some("Anton Varga".into());
        assert!(compatible(&a, &b, v), "one named adviser");
        b.src.person = Some("Ilse Moravec".into());
        assert!(!compatible(&a, &b, v), "two different people");
        b.src.person = Some("Anton Varga".into());
        b.src.country = Some("SYL".into());
        assert!(!compatible(&a, &b, v), "a namesake of another country");
    }

    #[test]
    fn a_mention_joins_the_group_it_resembles_most_in_any_order() {
        let v = vocab();
        let w = When::Dated(10);
        // Two different meetings of one day and a third report that fits both but retells the
        // second almost word for word: first-come grouping would give it to the first.
        let mut first = m(1, "040", "RURGOV", "BORGOV", w);
        let mut second = m(2, "040", "RURGOV", "BORGOV", w);
        let mut retold = m(3, "040", "RURGOV", "BORGOV", w);
        first.words =
            said("Ruritanian ministers met Bordurian officials on the river dam and fishing.");
        second.words =
            said("The trade ministers met in Varna to sign a grain export deal and a dam plan.");
        retold.words =
            said("Trade ministers met in Varna and signed a grain export deal and a dam plan.");
        first.place = Some("Olm".into());
        second.place = Some("Varna".into());
        assert!(compatible(&first, &retold, v) && compatible(&second, &retold, v));
        assert!(!compatible(&first, &second, v), "two places");
        let run = vec![first.clone(), second.clone(), retold.clone()];
        assert_eq!(group(&run, v), vec![vec![0], vec![1, 2]]);
        // Any arrival order gives the same partition.
        let orders = [[2, 0, 1], [1, 2, 0], [2, 1, 0]];
        for o in orders {
            let shuffled: Vec<Mention> = o.iter().map(|&i| run[i].clone()).collect();
            let mut parts: Vec<Vec<i64>> = group(&shuffled, v)
                .into_iter()
                .map(|g| {
                    let mut e: Vec<i64> = g.iter().map(|&i| shuffled[i].event).collect();
                    e.sort_unstable();
                    e
                })
                .collect();
            parts.sort();
            assert_eq!(parts, vec![vec![1], vec![2, 3]], "order {o:?}");
        }
    }

    /// A call between two countries' leaders as one outlet codes it (`RURGOV → BORGOV`).
    fn call(event: i64, src: &str, tgt: &str, day: i64, text: &str) -> Mention {
        let mut c = m(event, "041", src, tgt, When::Dated(day));
        c.words = said(text);
        c
    }

    #[test]
    fn sides_compare_by_country_and_compatible_sectors() {
        let v = vocab();
        let first =
            "The Ruritanian president spoke by phone with the Bordurian premier about the dam.";
        let retold =
            "Ruritania's president held a phone call with Borduria's premier on the river dam.";
        let a = call(1, "RURGOV", "BORGOV", 10, first);
        // The same call told with the country alone on one side: one call.
        let b = call(2, "RUR", "BORGOV", 10, retold);
        assert!(compatible(&a, &b, v), "RURGOV and RUR");
        assert_eq!(group(&[a.clone(), b.clone()], v), vec![vec![0, 1]]);
        // Another call of the same two on another day stays apart.
        let later = call(3, "RUR", "BORGOV", 12, retold);
        assert!(!compatible(&a, &later, v), "two calls, two days");
        assert_eq!(
            group(&[a.clone(), b.clone(), later.clone()], v),
            vec![vec![0, 1], vec![2]]
        );
        // A bare country and a non-state sector of it (the coder's sector varies): one actor.
        let cvl = call(4, "RURGOV", "BORCVL", 10, retold);
        let bare = call(5, "RURGOV", "BOR", 10, first);
        assert!(compatible(&cvl, &bare, v), "BOR and BORCVL");
        // Two sectors of one country stay two actors: government and civilians, government
        // and military, and never rebels (an `apart` sector) with the government or the country.
        assert!(!compatible(&a, &cvl, v), "BORGOV and BORCVL");
        let mil = call(6, "RURMIL", "BORGOV", 10, retold);
        assert!(!compatible(&a, &mil, v), "RURGOV and RURMIL");
        let reb = call(7, "RURGOV", "BORREB", 10, retold);
        assert!(!compatible(&a, &reb, v), "BORGOV and BORREB");
        assert!(!compatible(&bare, &reb, v), "BOR and BORREB");
        let reb2 = call(8, "RURGOV", "BORREB", 10, first);
        assert!(compatible(&reb, &reb2, v), "one rebel group twice");
        // A named person (whatever the coder's sector for them) and their government.
        let mut person = call(9, "RURELI", "BORGOV", 10, retold);
        assert!(!compatible(&a, &person, v), "ELI and GOV, nobody named");
        person.src.person = Some("Anton Varga".into());
        assert!(
            compatible(&a, &person, v),
            "the named president and his government"
        );
        let mut rebel_leader = call(10, "RURREB", "BORGOV", 10, retold);
        rebel_leader.src.person = Some("Ilse Moravec".into());
        assert!(
            !compatible(&a, &rebel_leader, v),
            "a rebel leader is not the government"
        );
        // A side without a country compares by its code alone.
        let bare_cop = call(11, "COP", "BORGOV", 10, retold);
        let mut gov = call(12, "RURGOV", "BORGOV", 10, first);
        gov.src.country = None;
        assert!(!compatible(&bare_cop, &gov, v));
    }

    #[test]
    fn the_object_head_is_the_noun_after_an_object_preposition() {
        let v = vocab();
        let o = |ev: &str, post: &str| object_head(ev, post, v);
        assert_eq!(
            o("held talks", " on the border dispute."),
            Some("dispute".into())
        );
        assert_eq!(
            o("imposed sanctions on", " steel imports"),
            Some("import".into())
        );
        assert_eq!(
            o(
                "opened an investigation into",
                " the campaign contacts, officials said"
            ),
            Some("contact".into())
        );
        assert_eq!(
            o("talks with Russia", " about air operations over Syria"),
            Some("operation".into())
        );
        // Names, time words and far prepositions give no object.
        assert_eq!(o("imposed sanctions", " on Russia."), None);
        assert_eq!(
            o("said", " on Friday he was optimistic about the future"),
            None
        );
        assert_eq!(o("met", ". The talks on trade"), None);
        assert_eq!(
            o("met", " the envoy in the capital to talk about trade"),
            None
        );
        assert_eq!(
            o("struck", " on an al-Qaeda meeting"),
            Some("meeting".into())
        );
        // The object rule: two reports of one dyad's acts on one day with different objects.
        let mut a = call(
            1,
            "RURGOV",
            "BORGOV",
            10,
            "Ruritania held talks with Borduria on trade.",
        );
        let mut b = call(
            2,
            "RURGOV",
            "BORGOV",
            10,
            "Ruritania held talks with Borduria on security.",
        );
        a.object = Some("trade".into());
        b.object = Some("security".into());
        assert!(objects_conflict(&a, &b));
        b.object = None;
        assert!(!objects_conflict(&a, &b), "one object unknown");
        b.object = Some("security".into());
        b.doc = a.doc;
        b.sentence = a.sentence;
        assert!(!objects_conflict(&a, &b), "codings of one sentence");
    }

    #[test]
    fn short_quotes_sharing_one_word_do_not_echo() {
        let v = vocab();
        // Two different claims of one speaker, each a short quote: one shared word is a third
        // of their words, but no echo of one sentence in the other.
        let mut a = m(1, "010", "RURGOV", "BOR", When::Undated(10));
        let mut b = m(2, "010", "RURGOV", "BOR", When::Undated(11));
        a.words = said("\"They know nothing about it.\"");
        b.words = said("\"I have nothing to do with Borduria.\"");
        assert!(jaccard(&a.words, &b.words) >= STATEMENT_WORDS);
        assert_eq!(shared_count(&a.words, &b.words), 1);
        assert!(!compatible(&a, &b, v), "two claims sharing one word");
        // One claim quoted and retold shares its words.
        b.words = said("He said they know nothing about it at all.");
        assert!(shared_count(&a.words, &b.words) >= ECHO_MIN_WORDS);
        assert!(compatible(&a, &b, v), "one claim, quoted and retold");
    }

    #[test]
    fn a_planning_verb_reaches_its_act_across_articles_and_compounds() {
        let v = vocab();
        let cue = |pre: &str, ev: &str| planned_cue(pre, ev, ".", v);
        assert!(
            cue(
                "On Tuesday, the chancellor will make a brief, but appointment-packed ",
                "visit to Varna"
            ),
            "articles, conjunctions and a compound do not stretch the window"
        );
        assert!(
            cue("The premier will pay Ruritania's capital a ", "visit"),
            "a possessive is one word"
        );
        assert!(
            !cue(
                "Her would-be successors praised the decision to ",
                "arrest the banker"
            ),
            "`would` of a compound is no plan"
        );
        assert!(
            !cue(
                "The vote will begin the formal process of ",
                "leaving the union"
            ),
            "the cue governs the process, not the act"
        );
        assert!(
            !cue(
                "Trade will top the agenda of her ",
                "talks with the premier"
            ),
            "the agenda is planned, not the talks"
        );
    }

    #[test]
    fn an_outlet_reporting_an_act_is_not_its_actor() {
        let v = vocab();
        let post = |code: &str| side(code, &code[..3]);
        let pre = "March 1: The Varna Post first reports that the minister ";
        assert!(teller(&post("RURMED"), "040", pre, v), "a meeting reported");
        assert!(
            !teller(&post("RURMED"), "010", pre, v),
            "a statement's source may be the outlet itself"
        );
        assert!(
            !teller(&post("RURMED"), "040", "The Varna Post editors ", v),
            "no word of reporting: the outlet itself met"
        );
        assert!(!teller(&post("RURGOV"), "040", pre, v), "not an outlet");
        // The minister's meeting, told by the outlet and by another article.
        let w = When::Undated(10);
        let mut a = m(1, "040", "RURMED", "BORGOV", w);
        let mut b = m(2, "040", "RURJUD", "BORGOV", w);
        a.words =
            said("The Varna Post reports that the minister met twice with the Bordurian envoy.");
        b.words = said("The minister's meetings with the Bordurian envoy took place in July.");
        assert!(
            !compatible(&a, &b, v),
            "an outlet and a minister are two actors"
        );
        a.teller = true;
        assert!(
            compatible(&a, &b, v),
            "the outlet only tells of the minister's act"
        );
        b.src = post("BORJUD");
        assert!(!compatible(&a, &b, v), "the teller's country still counts");
    }

    #[test]
    fn two_roots_without_echo_are_unlinked_not_forbidden() {
        let v = vocab();
        let w = When::Undated(10);
        let strike = |event: i64, cameo: &str, doc: i64, sentence: i64, text: &str| {
            let mut x = m(event, cameo, "RURMIL", "BORMIL", w);
            x.doc = doc;
            x.story = doc;
            x.sentence = sentence;
            x.headline = sentence == 0;
            x.words = said(text);
            x
        };
        // One air strike: a headline (`195`) and its body (`1823`), another outlet's headline,
        // and a report the next day that tells the toll in other words than the first headline.
        let head = strike(
            1,
            "195",
            1,
            0,
            "Ruritanian air strike kills three Bordurian soldiers",
        );
        let body = strike(
            2,
            "1823",
            1,
            1,
            "A Ruritanian air strike killed three Bordurian soldiers near Olm, officials said.",
        );
        let other = strike(
            3,
            "1823",
            2,
            0,
            "Ruritanian air strike kills three Bordurian soldiers",
        );
        let other_body = strike(
            5,
            "1823",
            2,
            1,
            "An air strike by Ruritania killed three Bordurian soldiers near Olm on Thursday.",
        );
        let mut later = strike(
            4,
            "1823",
            3,
            2,
            "Both armies agreed on better coordination after the strike killed three Bordurian soldiers near Olm.",
        );
        later.when = When::Undated(11);
        assert!(compatible(&body, &later, v) && compatible(&other, &later, v));
        assert!(
            !compatible(&head, &later, v),
            "two roots whose sentences do not echo: no link"
        );
        assert!(hard_constraints(&head, &later, v), "but no conflict either");
        // The later report links to three of the four (LINK_SHARE) and conflicts with none.
        assert_eq!(
            group(&[head, body, other, other_body, later], v),
            vec![vec![0, 1, 2, 3, 4]]
        );
    }

    #[test]
    fn a_plan_in_a_quote_is_what_was_said() {
        let v = vocab();
        let quote = "\"We are going to have a good relationship with Borduria, I hope.\"";
        assert!(planned_cue("", quote, "", v), "as the cue list reads it");
        assert!(
            !statement_planned_cue("010", "", quote, "", v),
            "the saying happened"
        );
        assert!(
            !statement_planned_cue(
                "012",
                "The minister ",
                "said",
                " talks are expected soon.",
                v
            ),
            "the plan is in what was said"
        );
        assert!(
            statement_planned_cue("010", "The minister will ", "say", ".", v),
            "a saying still to come"
        );
        assert!(
            statement_planned_cue(
                "040",
                "The ministers ",
                "talks",
                " are expected on Monday.",
                v
            ),
            "not a statement"
        );
    }

    #[test]
    fn a_denial_word_of_another_clause_is_no_denial() {
        let v = vocab();
        assert!(!denial_cue("\"If we don't, we don't,\" the president ", v));
        assert!(!denial_cue("The minister, who never met him, ", v));
        assert!(denial_cue("\"We have never ", v));
        assert!(denial_cue("He said he had never ", v));
    }

    /// Two reports of one meeting by two outlets, told in other words (no shared-words echo).
    fn retold_meeting(cameo_b: &str) -> (Mention, Mention) {
        let w = When::Undated(10);
        let mut a = m(1, "040", "RURGOV", "BORGOV", w);
        a.words = said("The Ruritanian envoy sat down with Bordurian officials in Olm on Monday.");
        a.ev_words = said("sat down with Bordurian officials");
        let mut b = m(2, cameo_b, "RURGOV", "BORGOV", w);
        b.words =
            said("Talks between the two neighbours' diplomats went ahead despite the dam dispute.");
        b.ev_words = said("Talks between the two neighbours' diplomats");
        (a, b)
    }

    /// The model trained on the judged pairs (`data/dedup/link-trained.tsv`).
    fn trained() -> Vocab {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/dedup/link-trained.tsv"
        ));
        let mut v = vocab().clone();
        v.link = LinkModel::parse("link-trained.tsv", text).unwrap();
        assert!(v.link.is_some());
        v
    }

    #[test]
    fn the_pair_model_links_one_act_told_in_other_words() {
        let v = &trained();
        let (a, b) = retold_meeting("040");
        assert!(!compatible(&a, &b, v), "the rules see too few shared words");
        assert!(model_candidate(&a, &b, v));
        assert!(model_links(&a, &b, v));
        assert_eq!(group(&[a.clone(), b.clone()], v), vec![vec![0, 1]]);
        // The embedded file has no model: the rules alone keep them apart.
        assert!(vocab().link.is_none());
        assert_eq!(
            group(&[a.clone(), b.clone()], vocab()),
            vec![vec![0], vec![1]]
        );
        // A generic meeting and a visit in other words speak less for one act than one code
        // twice (a meeting and a visit of one day often tell two occasions).
        let (a2, visit) = retold_meeting("042");
        let model = v.link.as_ref().unwrap();
        assert!(
            model.probability(&pair_features(&a2, &visit, v))
                < model.probability(&pair_features(&a, &b, v))
        );
        // Two statements in other words are left to the rules.
        let (mut s1, mut s2) = retold_meeting("010");
        s1.cameo = "010".into();
        s2.cameo = "010".into();
        assert!(!model_candidate(&s1, &s2, v), "verbal roots");
    }

    #[test]
    fn the_pair_model_never_links_across_hard_constraints() {
        // A model that links every candidate: only the constraints keep pairs apart.
        let mut v = vocab().clone();
        v.link = Some(LinkModel {
            weights: std::iter::once(10.0)
                .chain(std::iter::repeat(0.0))
                .take(FEATURES.len())
                .collect(),
            threshold: 0.5,
        });
        let (a, b) = retold_meeting("040");
        assert!(model_links(&a, &b, &v));
        // A planned meeting and the meeting held.
        let mut planned = b.clone();
        planned.planned = true;
        assert!(!model_links(&a, &planned, &v), "modality");
        // Two dated meetings two days apart.
        let (mut x, mut y) = retold_meeting("040");
        x.when = When::Dated(10);
        y.when = When::Dated(12);
        assert!(!model_links(&x, &y, &v), "time");
        // Two roots are left to the rules.
        let (a, praise) = retold_meeting("051");
        assert!(!model_links(&a, &praise, &v), "two roots");
        // Two sectors of one country may be one actor for the model, an apart sector never.
        let (a, mut rebels) = retold_meeting("040");
        rebels.src = side("RURREB", "RUR");
        assert!(
            !model_links(&a, &rebels, &v),
            "rebels are not the government"
        );
        let (a, mut people) = retold_meeting("040");
        people.src = side("RURCVL", "RUR");
        assert!(model_links(&a, &people, &v), "a sector the coder varies");
    }
}
