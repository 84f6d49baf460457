//! Within-document coreference: groups entity mentions into clusters and links pronouns.
//!
//! - Names: mentions of one dictionary person share a cluster; unknown people are linked by full
//!   name or surname ("Jane Roe" … "Roe").
//! - Role nominals ("the president") join the latest person cluster holding that role.
//! - Other actors cluster by actor code ("Moscow", "the Kremlin" → RUSGOV); the rest by text.
//! - Pronouns outside quotations: he/him/his → the most salient compatible male (or unknown)
//!   person, she/her → female, they/them/their → a group. Salience: a cataphoric possessive in an
//!   opening phrase ("Following his call, X …") → X; otherwise a mention earlier in the sentence
//!   (the nearest subject: the parser's `nsubj`, or without a parse a mention followed by a
//!   lower-case non-preposition word; else the first); otherwise the subject (or first mention)
//!   of the nearest earlier sentence that has one, up to three sentences back.

use crate::dict::people::Gender;
use crate::resolve::Mention;
use dyad_doc::{Actor, Cluster, Doc, Span};
use std::collections::{BTreeMap, BTreeSet, HashMap};

struct Build {
    name: Option<String>,
    actor: Option<Actor>,
    mentions: Vec<Span>,
    person_name: Option<String>,
    role: Option<String>,
    is_person: bool,
}

/// Assigns clusters to `doc.entities` (parallel to `metas`) and fills `doc.clusters`.
/// Nominal mentions that do not link to a person are removed from both lists.
pub(crate) fn cluster(doc: &mut Doc, metas: &mut Vec<Mention>) {
    let mut builds: Vec<Build> = Vec::new();
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    let mut assigned: Vec<Option<usize>> = vec![None; metas.len()];
    let mut index = BuildIndex::default();
    for (i, m) in metas.iter().enumerate() {
        let text = &doc.text[m.span.start..m.span.end];
        let c = if let Some(p) = m.person {
            Some(
                *keys
                    .entry(format!("P{p}"))
                    .or_insert_with(|| new_build(&mut builds, m)),
            )
        } else if m.nominal {
            let country = m.actor.as_ref().and_then(|a| a.country.clone());
            index.latest_role(m.role.clone(), country)
        } else if m.is_person && m.name.is_some() {
            let name = m.name.as_deref().unwrap_or_default();
            let found = index.first_person(name);
            Some(match found {
                Some(c) => c,
                None => *keys
                    .entry(format!("N{name}"))
                    .or_insert_with(|| new_build(&mut builds, m)),
            })
        } else if let Some(a) = &m.actor {
            // A named actor is its name, not its code: "Democrats" and "Republicans" share
            // `USAPTY`, two rebel groups of one country share `…REB`.
            let key = match &a.name {
                Some(name) => format!("A{}/{name}", a.code),
                None => format!("A{}", a.code),
            };
            Some(*keys.entry(key).or_insert_with(|| new_build(&mut builds, m)))
        } else {
            Some(
                *keys
                    .entry(format!("T{}", text.to_lowercase()))
                    .or_insert_with(|| new_build(&mut builds, m)),
            )
        };
        if let Some(c) = c {
            let before = (c < index.len).then(|| Keys::of(&builds[c]));
            let b = &mut builds[c];
            b.mentions.push(m.span);
            if b.actor.is_none() {
                b.actor = m.actor.clone();
            }
            if b.role.is_none() {
                b.role = m.role.clone();
            }
            if b.person_name.is_none() && m.is_person && !m.nominal {
                b.person_name = m.name.clone();
                b.name = m.name.clone();
            }
            match before {
                Some(old) => index.update(c, old, Keys::of(&builds[c])),
                None => index.add_new(&builds),
            }
        }
        assigned[i] = c;
    }
    // Drop unlinked nominals.
    let mut k = 0;
    metas.retain(|_| {
        k += 1;
        assigned[k - 1].is_some()
    });
    let mut k = 0;
    doc.entities.retain(|_| {
        k += 1;
        assigned[k - 1].is_some()
    });
    assigned.retain(Option::is_some);
    // Person entities take their cluster's identity when they lack one.
    for (i, e) in doc.entities.iter_mut().enumerate() {
        let c = assigned[i].unwrap_or_default();
        e.cluster = Some(c);
        let b = &builds[c];
        if metas[i].is_person && b.is_person && (e.actor.is_none() || metas[i].nominal) {
            e.actor = b.actor.clone();
            metas[i].name = b.person_name.clone();
        }
    }
    doc.clusters = builds
        .into_iter()
        .map(|b| Cluster {
            name: b.name,
            actor: b.actor,
            mentions: b.mentions,
        })
        .collect();
    pronouns(doc, metas);
    for c in &mut doc.clusters {
        c.mentions.sort();
        c.mentions.dedup();
    }
}

fn new_build(builds: &mut Vec<Build>, m: &Mention) -> usize {
    builds.push(Build {
        name: m
            .name
            .clone()
            .or_else(|| m.actor.as_ref().and_then(|a| a.name.clone())),
        actor: None,
        mentions: Vec::new(),
        person_name: None,
        role: None,
        is_person: m.is_person,
    });
    builds.len() - 1
}

/// What [`BuildIndex`] looks builds up by.
#[derive(PartialEq)]
struct Keys {
    person_name: Option<String>,
    /// (role, country) of a person cluster; `None` for other clusters.
    role: Option<(Option<String>, Option<String>)>,
}

impl Keys {
    fn of(b: &Build) -> Keys {
        Keys {
            person_name: b.person_name.clone(),
            role: b.is_person.then(|| {
                let country = b.actor.as_ref().and_then(|a| a.country.clone());
                (b.role.clone(), country)
            }),
        }
    }
}

/// Builds indexed by person name and by role, answering what a scan over all builds would
/// (the first build that is [`same_person`], the latest person build with a role) without making
/// clustering quadratic in the length of a long document.
#[derive(Default)]
struct BuildIndex {
    /// Builds indexed so far (`0..len`).
    len: usize,
    /// Full person name → first build with it.
    by_name: HashMap<String, usize>,
    /// Last word of a person name → first build whose name ends with it.
    by_last: HashMap<String, usize>,
    /// Role → person builds with it; (role, country) → the same, by country.
    by_role: HashMap<Option<String>, BTreeSet<usize>>,
    by_role_country: HashMap<(Option<String>, String), BTreeSet<usize>>,
}

impl BuildIndex {
    /// The first build whose person name is [`same_person`] as `name`.
    fn first_person(&self, name: &str) -> Option<usize> {
        let last = name.rsplit(' ').next().unwrap_or(name);
        let single = !name.contains(' ');
        [
            self.by_name.get(name),
            // A one-word name equal to this name's surname.
            self.by_name.get(last).filter(|_| !single),
            // This one-word name as the surname of a longer name.
            self.by_last.get(name).filter(|_| single),
        ]
        .into_iter()
        .flatten()
        .min()
        .copied()
    }

    /// The latest person build with `role` (and `country`, when given).
    fn latest_role(&self, role: Option<String>, country: Option<String>) -> Option<usize> {
        let set = match country {
            Some(c) => self.by_role_country.get(&(role, c)),
            None => self.by_role.get(&role),
        };
        set.and_then(|s| s.last().copied())
    }

    /// Indexes the builds created since the last call.
    fn add_new(&mut self, builds: &[Build]) {
        for (i, b) in builds.iter().enumerate().skip(self.len) {
            self.insert(i, Keys::of(b));
        }
        self.len = builds.len();
    }

    /// Re-indexes build `i` after its keys changed from `old` to `new`.
    fn update(&mut self, i: usize, old: Keys, new: Keys) {
        if old == new {
            return;
        }
        if let Some((role, country)) = old.role {
            if let Some(s) = self.by_role.get_mut(&role) {
                s.remove(&i);
            }
            if let Some(c) = country {
                if let Some(s) = self.by_role_country.get_mut(&(role, c)) {
                    s.remove(&i);
                }
            }
        }
        // A person name is set once and never removed: keeping the first build per key is enough.
        self.insert(i, new);
    }

    fn insert(&mut self, i: usize, k: Keys) {
        if let Some(n) = k.person_name {
            let last = n.rsplit(' ').next().unwrap_or(&n).to_string();
            if n.contains(' ') {
                let e = self.by_last.entry(last).or_insert(i);
                *e = (*e).min(i);
            }
            let e = self.by_name.entry(n).or_insert(i);
            *e = (*e).min(i);
        }
        if let Some((role, country)) = k.role {
            if let Some(c) = country {
                self.by_role_country
                    .entry((role.clone(), c))
                    .or_default()
                    .insert(i);
            }
            self.by_role.entry(role).or_default().insert(i);
        }
    }
}

/// "Jane Roe" and "Roe" (or "Jane Roe") denote the same person (the rule [`BuildIndex`] indexes).
#[cfg(test)]
fn same_person(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let last = |s: &str| s.rsplit(' ').next().unwrap_or(s).to_string();
    let (aw, bw) = (a.split(' ').count(), b.split(' ').count());
    (aw == 1 && last(b) == a) || (bw == 1 && last(a) == b)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PronKind {
    Male,
    Female,
    Plural,
}

struct Cand {
    span: Span,
    cluster: usize,
    gender: Gender,
    person: bool,
    plural: bool,
    subject: bool,
    /// Followed by a verb-like word ("Trump updated"): a subject by surface form, which catches
    /// subjects of subordinate clauses the parser attached elsewhere.
    surface_subject: bool,
}

const OPENERS: &[&str] = &[
    "Following",
    "After",
    "Before",
    "During",
    "In",
    "Despite",
    "Since",
    "While",
    "When",
    "Upon",
    "Ahead",
    "Speaking",
    "Asked",
    "Shortly",
    "Hours",
    "Days",
    "Earlier",
    "Later",
    "On",
    "At",
];

fn pronoun_kind(w: &str) -> Option<(PronKind, bool)> {
    // Asked of every word: ASCII words (nearly all) are lower-cased on the stack, and no pronoun
    // is longer than ten letters.
    if !w.is_ascii() {
        return pronoun_kind_lower(&w.to_lowercase());
    }
    let mut buf = [0u8; 10];
    let b = buf.get_mut(..w.len())?;
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    pronoun_kind_lower(std::str::from_utf8(b).unwrap_or(""))
}

/// [`pronoun_kind`] of a lower-cased word.
fn pronoun_kind_lower(w: &str) -> Option<(PronKind, bool)> {
    Some(match w {
        "he" => (PronKind::Male, true),
        "him" | "his" | "himself" => (PronKind::Male, false),
        "she" => (PronKind::Female, true),
        "her" | "hers" | "herself" => (PronKind::Female, false),
        "they" => (PronKind::Plural, true),
        "them" | "their" | "theirs" | "themselves" => (PronKind::Plural, false),
        _ => return None,
    })
}

/// Byte ranges inside quotation marks (curly pairs, or straight quotes taken two by two), sorted.
pub(crate) fn quoted(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\u{201C}' => open = Some(i),
            '\u{201D}' => {
                if let Some(s) = open.take() {
                    out.push(Span::new(s, i));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push(Span::new(s, i)),
                None => open = Some(i),
            },
            '\n' => open = None,
            _ => {}
        }
    }
    out
}

fn pronouns(doc: &mut Doc, metas: &[Mention]) {
    let text = doc.text.clone();
    let sentences: Vec<Span> = if doc.sentences.is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        doc.sentences.iter().map(|s| s.span).collect()
    };
    let sent_of = |b: usize| {
        sentences
            .partition_point(|s| s.end <= b)
            .min(sentences.len().saturating_sub(1))
    };
    let parsed = doc.tokens.iter().any(|t| !t.deprel.is_empty());
    let subject_at = |span: Span| -> bool {
        if parsed {
            doc.tokens_in(span)
                .any(|t| doc.tokens[t].deprel.starts_with("nsubj"))
        } else {
            looks_like_subject(&text, span)
        }
    };
    // A group named in the plural ("Senate Democrats", "the Houthis") is a "they" as much as an
    // agent noun is: the tagger's plural noun tag on the mention's last word says so.
    let plural_name = |span: Span| {
        doc.tokens_in(span)
            .last()
            .is_some_and(|t| matches!(doc.tokens[t].xpos.as_str(), "NNS" | "NNPS"))
    };
    let cands: Vec<Cand> = doc
        .entities
        .iter()
        .zip(metas)
        .map(|(e, m)| {
            let plural = m.plural || m.person.is_none() && e.kind != "PER" && plural_name(e.span);
            (e, m, plural)
        })
        .filter(|(_, m, plural)| m.is_person || *plural)
        .map(|(e, m, plural)| Cand {
            span: e.span,
            cluster: e.cluster.unwrap_or_default(),
            gender: m.gender,
            person: m.is_person && !plural,
            plural,
            subject: subject_at(e.span),
            surface_subject: looks_like_subject(&text, e.span),
        })
        .collect();
    let quotes = dyad_doc::SpanIndex::new(quoted(&text));
    let entities = dyad_doc::SpanIndex::new(doc.entities.iter().map(|e| e.span));
    // Candidates from entities and from resolved pronouns, each sorted by start (pronouns are
    // taken in text order); a sentence's candidates are found by binary search, so resolution
    // stays linear in the length of a long document.
    let mut resolved: Vec<Cand> = Vec::new();
    let mut found: Vec<(Span, usize)> = Vec::new();
    for (start, word) in words(&text) {
        let Some((kind, nominative)) = pronoun_kind(word) else {
            continue;
        };
        let span = Span::new(start, start + word.len());
        if quotes.any_contains(span) || entities.any_overlaps(span) {
            continue;
        }
        let ok = |c: &Cand| match kind {
            PronKind::Male => c.person && c.gender != Gender::Female,
            PronKind::Female => c.person && c.gender != Gender::Male,
            PronKind::Plural => c.plural,
        };
        let s = sent_of(start);
        let sent = sentences[s];
        // A pronoun outside quotation marks does not refer to someone named only inside them:
        // in "“I never met Smith,” he said" the speaker is not Smith.
        let in_sent: Vec<&Cand> = within(&cands, &resolved, sent)
            .into_iter()
            .filter(|c| !quotes.any_contains(c.span))
            .collect();
        // 1. Cataphora in an opening phrase.
        let opening = &text[sent.start..start];
        let first_word = text[sent.start..sent.end]
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let mut pick: Option<usize> = None;
        if OPENERS.contains(&first_word) && !opening.contains(',') {
            if let Some(comma) = text[start..sent.end].find(',').map(|k| start + k) {
                pick = in_sent
                    .iter()
                    .filter(|c| ok(c) && c.span.start > comma && c.span.start <= comma + 3)
                    .map(|c| c.cluster)
                    .next();
            }
        }
        // 2. Earlier in the same sentence.
        if pick.is_none() {
            let before: Vec<&Cand> = in_sent
                .iter()
                .copied()
                .filter(|c| c.span.end <= start && ok(c))
                .collect();
            // The nearest preceding subject, by parse or by surface form: a possessive in a
            // subordinate clause ("after Rubio briefed them on his trip") belongs to that
            // clause's subject even when the parse puts the clause under the main subject.
            let subj = before.iter().rev().find(|c| c.subject || c.surface_subject);
            pick = match (subj, kind) {
                (Some(c), _) => Some(c.cluster),
                (None, PronKind::Plural) => before.last().map(|c| c.cluster),
                (None, _) => before.first().map(|c| c.cluster),
            };
        }
        // 3. The subject of an earlier sentence.
        // A sentence wholly inside quotation marks (a paragraph of someone's words) does not
        // count against the distance, up to `QUOTED_SKIPPED` of them: "X is the head of Y. “…”
        // “…” She says …" is X.
        if pick.is_none() {
            let (mut counted, mut skip, mut ps) = (0, QUOTED_SKIPPED, s);
            while counted < 3 {
                let Some(p) = ps.checked_sub(1) else { break };
                ps = p;
                let prev = sentences[ps];
                if skip > 0 && all_quoted(&text, prev, &quotes) {
                    // A quotation naming someone counts: past it the reference is less clear,
                    // or the marks are unbalanced and the "quotation" is the story's own text.
                    if !within(&cands, &resolved, prev).iter().any(|c| c.person) {
                        skip -= 1;
                        continue;
                    }
                }
                // Only the quotation right before the pronoun's sentence is looked past.
                skip = 0;
                counted += 1;
                let here: Vec<&Cand> = within(&cands, &resolved, prev)
                    .into_iter()
                    .filter(|c| ok(c) && !quotes.any_contains(c.span))
                    .collect();
                if let Some(c) = here.iter().find(|c| c.subject).or(here.first()) {
                    pick = Some(c.cluster);
                    break;
                }
            }
        }
        if let Some(c) = pick {
            let (gender, person, plural) = match kind {
                PronKind::Male => (Gender::Male, true, false),
                PronKind::Female => (Gender::Female, true, false),
                PronKind::Plural => (Gender::Unknown, false, true),
            };
            let cand = Cand {
                span,
                cluster: c,
                gender,
                person,
                plural,
                subject: if parsed { subject_at(span) } else { nominative },
                surface_subject: nominative,
            };
            resolved.push(cand);
            found.push((span, c));
        }
    }
    for (span, c) in found {
        doc.clusters[c].mentions.push(span);
    }
}

/// Sentences wholly inside quotation marks that a pronoun looks past without counting them.
const QUOTED_SKIPPED: usize = 12;

/// Whether every word of `sent` lies inside one of the `quotes`.
fn all_quoted(text: &str, sent: Span, quotes: &dyad_doc::SpanIndex) -> bool {
    let mut any = false;
    for (start, word) in words(&text[sent.start..sent.end]) {
        any = true;
        let at = sent.start + start;
        if !quotes.any_contains(Span::new(at, at + word.len())) {
            return false;
        }
    }
    any
}

/// The candidates of `a` and `b` (each sorted by start) lying inside `span`, by start.
fn within<'c>(a: &'c [Cand], b: &'c [Cand], span: Span) -> Vec<&'c Cand> {
    let part = |v: &'c [Cand]| {
        let from = v.partition_point(|c| c.span.start < span.start);
        v[from..]
            .iter()
            .take_while(move |c| c.span.start < span.end)
            .filter(move |c| span.contains(c.span))
    };
    let mut out: Vec<&Cand> = part(a).chain(part(b)).collect();
    out.sort_by_key(|c| c.span.start);
    out
}

/// Words after which a mention is not the subject of a verb.
const NOT_VERBS: &[&str] = &[
    "and", "or", "but", "nor", "of", "in", "on", "at", "to", "from", "with", "for", "by", "as",
    "about", "than", "the", "a", "an", "into", "over", "after", "before", "during", "via",
    "versus", "who",
];

/// Without a parse: a mention followed (after an optional comma) by a lower-case word that is not a
/// preposition or conjunction is taken for the subject of that word ("Trump stated", "Putin,
/// speaking", "Merz, shared").
fn looks_like_subject(text: &str, span: Span) -> bool {
    let rest = text[span.end..].trim_start_matches([' ', ',']);
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    !word.is_empty() && word.starts_with(char::is_lowercase) && !NOT_VERBS.contains(&word.as_str())
}

/// Alphabetic words with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_links() {
        assert!(same_person("Jane Roe", "Roe"));
        assert!(same_person("Roe", "Jane Roe"));
        assert!(!same_person("Jane Roe", "John Roe"));
    }

    #[test]
    fn person_index_finds_what_a_scan_finds() {
        let names = [
            "Jane Roe",
            "Roe",
            "John Roe",
            "Ali",
            "Ali Hassan",
            "Hassan",
            "Mary Ann Lee",
            "Lee",
            "Ann Lee",
            "Lee Kim",
            "Kim",
        ];
        let builds: Vec<Build> = names
            .iter()
            .map(|n| Build {
                name: None,
                actor: None,
                mentions: Vec::new(),
                person_name: Some(n.to_string()),
                role: None,
                is_person: true,
            })
            .collect();
        for upto in 0..=builds.len() {
            let mut index = BuildIndex::default();
            index.add_new(&builds[..upto]);
            for q in names.iter().chain(&["Roe Smith", "Nobody", "Jane"]) {
                let scan = builds[..upto]
                    .iter()
                    .position(|b| same_person(b.person_name.as_deref().unwrap(), q));
                assert_eq!(index.first_person(q), scan, "{q} among {upto}");
            }
        }
    }

    #[test]
    fn role_index_gives_the_latest_person_with_the_role() {
        let build = |role: &str, country: Option<&str>, person: bool| Build {
            name: None,
            actor: country.map(|c| Actor {
                country: Some(c.to_string()),
                ..Actor::default()
            }),
            mentions: Vec::new(),
            person_name: None,
            role: Some(role.to_string()),
            is_person: person,
        };
        let mut builds = vec![
            build("minister", Some("FRA"), true),
            build("minister", Some("DEU"), true),
            build("minister", None, false),
        ];
        let mut index = BuildIndex::default();
        index.add_new(&builds);
        let minister = || Some("minister".to_string());
        assert_eq!(index.latest_role(minister(), None), Some(1));
        assert_eq!(index.latest_role(minister(), Some("FRA".into())), Some(0));
        assert_eq!(index.latest_role(minister(), Some("ITA".into())), None);
        // Build 1 changes country: it moves to the new key.
        let old = Keys::of(&builds[1]);
        builds[1].actor.as_mut().unwrap().country = Some("ITA".into());
        index.update(1, old, Keys::of(&builds[1]));
        assert_eq!(index.latest_role(minister(), Some("DEU".into())), None);
        assert_eq!(index.latest_role(minister(), Some("ITA".into())), Some(1));
    }

    #[test]
    fn quotes_are_found() {
        let t = "He said \u{201C}he will\u{201D} and \"she won't\".";
        let q = quoted(t);
        assert_eq!(q.len(), 2);
        assert!(q[0].contains(Span::new(
            t.find("he will").unwrap(),
            t.find("he will").unwrap() + 2
        )));
    }
}
