//! Actor resolution: turns dictionary hits and NER entities into actor mentions.
//!
//! A small grammar over the hits in text order recognises the noun phrases that carry actors:
//! `[former] [country|org|region|metonym ['s]] [filler] agent+ [of [the] country] [,] [name]`
//! ("Former Swedish Prime Minister, Carl Bildt", "Russia's military", "the president of the
//! United States"), names followed by an apposition ("Jane Roe, a senior Ukrainian official"),
//! coordinated modifiers ("the U.S. and Russian presidents") and bare modifiers ("Moscow"). Each
//! phrase is coded as of the document's date: a known person's dated role wins, then the title;
//! "former" makes ELI.

use crate::dict::people::Gender;
use crate::dict::{Dictionary, Entry, EntryKind};
use crate::matcher::Hit;
use chrono::NaiveDate;
use dyad_doc::{Actor, CountryFrom, Doc, Span};

/// One actor mention found in a document, with what coreference needs to know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte span.
    pub span: Span,
    /// Entity kind (`PER`, `GPE`, `ORG`, `NORP`, `LOC`).
    pub kind: String,
    /// Resolved actor.
    pub actor: Option<Actor>,
    /// Dictionary person, when known.
    pub person: Option<usize>,
    /// Name of the person (dictionary or text), for person mentions.
    pub name: Option<String>,
    /// Gender, for person mentions.
    pub gender: Gender,
    /// Office named by the title, or held on the date by a known person.
    pub role: Option<String>,
    /// Whether the mention denotes one person.
    pub is_person: bool,
    /// Whether the mention denotes a group ("officials", "troops").
    pub plural: bool,
    /// A role nominal without a name ("the president"), kept only if coreference links it.
    pub nominal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum It {
    Entry(usize),
    /// An NER entity (index into `doc.entities`) of kind PER not covered by the dictionary.
    NerPer(usize),
    /// A capitalised name found after a title.
    Cap,
}

/// What an agent noun says: its sector, the office it names, number, and whether it stands
/// as an actor on its own.
#[derive(Debug, Clone, Default)]
struct Ag {
    sector: String,
    role: Option<String>,
    plural: bool,
    standalone: bool,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    span: Span,
    it: It,
}

/// Words allowed between a modifier and an agent ("Russian *deputy* foreign minister").
const FILLERS: &[&str] = &[
    "deputy",
    "senior",
    "top",
    "chief",
    "acting",
    "interim",
    "special",
    "first",
    "new",
    "then",
    "outgoing",
    "incoming",
    "presidential",
    "state",
    "state-run",
    "state-owned",
    "own",
    "two",
    "three",
    "several",
    "some",
    "many",
    "other",
    "local",
    "regional",
    "federal",
    "national",
    "two",
    "high-ranking",
    "unnamed",
    "anonymous",
    "elected",
    "longtime",
    "long-time",
    "veteran",
    "embattled",
];

/// Verbs of a relative clause that give a person the title that follows ("X, who heads the army").
const RELATIVE_HEADS: &[&str] = &[
    "heads",
    "headed",
    "leads",
    "led",
    "commands",
    "commanded",
    "runs",
    "ran",
    "chairs",
    "chaired",
    "directs",
    "directed",
    "is",
    "was",
    "serves",
    "served",
];

/// Possessors that stand for the article's own country ("the country's interior minister").
const DEICTIC_POSSESSORS: &[&str] = &[
    "country's",
    "country\u{2019}s",
    "nation's",
    "nation\u{2019}s",
    "state's",
    "state\u{2019}s",
];

/// Capitalised words that never start a name after a title.
const NOT_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "The",
    "A",
    "An",
    "He",
    "She",
    "They",
    "It",
    "In",
    "On",
    "At",
    "And",
    "But",
    "For",
    "To",
    "Of",
    "As",
    "This",
    "That",
    "I",
    "We",
    "His",
    "Her",
    "Their",
    "Office",
];

/// Name particles allowed inside a capitalised name.
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "da", "di", "du", "dos", "la", "le", "bin", "ibn",
    "al", "el",
];

pub(crate) struct Resolver<'a> {
    pub dict: &'a Dictionary,
    pub doc: &'a Doc,
    pub date: Option<NaiveDate>,
}

fn is_ws(g: &str) -> bool {
    !g.contains('\n') && g.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
}

fn is_filler(g: &str) -> bool {
    if g.contains('\n') || !g.starts_with(' ') || !g.ends_with(' ') {
        return false;
    }
    let words: Vec<&str> = g.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|w| FILLERS.contains(&w.to_lowercase().as_str()))
}

fn is_comma(g: &str) -> bool {
    !g.contains('\n') && g.trim() == ","
}

fn is_poss(g: &str) -> bool {
    if g.contains('\n') {
        return false;
    }
    let (head, rest) = match g.find(' ') {
        Some(k) => (&g[..k], &g[k..]),
        None => return false,
    };
    matches!(head, "'s" | "\u{2019}s" | "'" | "\u{2019}")
        && (rest.trim().is_empty() || is_filler(rest))
}

/// "for", "for the", "of", "of the", "at the": what joins a title to the body it serves.
fn is_for_of(g: &str) -> bool {
    let t = g.trim().to_lowercase();
    !g.contains('\n') && matches!(t.as_str(), "for" | "for the" | "of" | "of the" | "at the")
}

fn is_of(g: &str) -> bool {
    let t = g.trim().to_lowercase();
    !g.contains('\n') && (t == "of" || t == "of the")
}

impl Resolver<'_> {
    fn entry(&self, it: &Item) -> Option<&Entry> {
        match it.it {
            It::Entry(e) => Some(&self.dict.entries[e]),
            _ => None,
        }
    }

    fn kind(&self, it: &Item) -> Option<&EntryKind> {
        self.entry(it).map(|e| &e.kind)
    }

    fn gap(&self, a: &Item, b: &Item) -> &str {
        if b.span.start < a.span.end {
            return "";
        }
        &self.doc.text[a.span.end..b.span.start]
    }

    fn is_modifier(&self, it: &Item) -> bool {
        matches!(
            self.kind(it),
            Some(
                EntryKind::CountryName
                    | EntryKind::CountryAdjective
                    | EntryKind::Metonym { .. }
                    | EntryKind::Org { .. }
                    | EntryKind::RegionName
                    | EntryKind::RegionAdjective
            )
        )
    }

    /// One or two lower-case nouns or adjectives between a modifier and an agent ("U.S. *narcotics*
    /// agent", "Kenya's *police* spokesman"), judged by the tagger; never without tags.
    fn nominal_gap(&self, a: &Item, b: &Item) -> bool {
        let g = self.gap(a, b);
        let g = g
            .strip_prefix("'s")
            .or_else(|| g.strip_prefix("\u{2019}s"))
            .unwrap_or(g);
        if g.contains('\n') || !g.starts_with(' ') || !g.ends_with(' ') {
            return false;
        }
        let words: Vec<&str> = g.split_whitespace().collect();
        if words.is_empty() || words.len() > 2 {
            return false;
        }
        let lower = |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-');
        // In a capitalised title the portfolio is capitalised too ("Irish *Health* Minister"):
        // capitalised words only before a capitalised agent, and then a proper noun tag is fine.
        let title_case = !words.iter().all(lower)
            && self.doc.text[b.span.start..].starts_with(char::is_uppercase)
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
            })
            // A title before a name only: capitalised words before a capitalised noun are mostly
            // the name of a body ("Customs Union"), not a portfolio.
            && self.doc.text[b.span.end..].starts_with(' ')
            && capitalised_run(&self.doc.text, b.span.end + 1, self.doc.text.len()).is_some()
            // Not a person's name ending in an agent noun ("Al Jazeera's Alan Fisher").
            && !self.doc.entities.iter().any(|e| {
                e.kind == "PER" && e.span.overlaps(Span::new(a.span.end, b.span.end))
            });
        if !title_case && !words.iter().all(lower) {
            return false;
        }
        let from = a.span.end;
        let to = b.span.start;
        let toks = &self.doc.tokens;
        let first = toks.partition_point(|t| t.span.start < from);
        let tokens: Vec<&dyad_doc::Token> = toks[first..]
            .iter()
            .take_while(|t| t.span.end <= to)
            .filter(|t| t.span.start < t.span.end)
            .filter(|t| !matches!(self.doc.slice(t.span), "'s" | "\u{2019}s"))
            .collect();
        tokens.len() == words.len()
            && tokens.iter().all(|t| {
                matches!(t.upos.as_str(), "NOUN" | "ADJ") || (title_case && t.upos == "PROPN")
            })
    }

    fn is_agent(&self, it: &Item) -> bool {
        matches!(self.kind(it), Some(EntryKind::Agent { .. }))
    }

    fn is_name(&self, it: &Item) -> bool {
        matches!(it.it, It::NerPer(_) | It::Cap)
            || matches!(self.kind(it), Some(EntryKind::Person(_)))
    }

    /// Finds all actor mentions of the document.
    pub fn mentions(&self, hits: &[Hit]) -> Vec<Mention> {
        let mut items: Vec<Item> = Vec::new();
        for h in hits {
            match self.given_name(h) {
                Some(span) => items.push(Item { span, it: It::Cap }),
                None => items.push(Item {
                    span: h.span,
                    it: It::Entry(h.entry),
                }),
            }
        }
        let hits: Vec<Hit> = hits
            .iter()
            .zip(&items)
            .filter(|(_, it)| matches!(it.it, It::Entry(_)))
            .map(|(h, _)| *h)
            .collect();
        let hits = hits.as_slice();
        let hit_spans = dyad_doc::SpanIndex::new(hits.iter().map(|h| h.span));
        for (i, e) in self.doc.entities.iter().enumerate() {
            let first_named = items
                .iter()
                .any(|it| matches!(it.it, It::Cap) && it.span.overlaps(e.span));
            if e.kind == "PER" && !hit_spans.any_overlaps(e.span) && !first_named {
                items.push(Item {
                    span: e.span,
                    it: It::NerPer(i),
                });
            }
        }
        items.sort_by_key(|i| (i.span.start, std::cmp::Reverse(i.span.end)));
        self.add_capitalised_names(&mut items);

        let mut out = Vec::new();
        let mut i = 0;
        while i < items.len() {
            i = self.phrase(&items, i, &mut out, true);
        }
        out
    }

    /// The whole name when the agent hit `h` is a first name: a form flagged `given-name`,
    /// capitalised, followed by a capitalised surname, and one NER entity (a person, or the
    /// organisation NER makes of a name opening a sentence) that starts with it and covers the
    /// surname ("Marine Le Pen"). A title before a name ("General Pierre Martin") has no flag.
    fn given_name(&self, h: &Hit) -> Option<Span> {
        let EntryKind::Agent {
            given_name: true,
            plural: false,
            ..
        } = &self.dict.entries[h.entry].kind
        else {
            return None;
        };
        let text = &self.doc.text;
        if !text[h.span.start..].starts_with(char::is_uppercase) {
            return None;
        }
        let rest = text.get(h.span.end..)?;
        if !rest.starts_with(' ') {
            return None;
        }
        let e = self.doc.entities.iter().find(|e| {
            e.span.start == h.span.start
                && e.span.end > h.span.end
                && matches!(e.kind.as_str(), "PER" | "ORG")
        })?;
        let run = capitalised_run(text, h.span.end + 1, e.span.end)?;
        (run.end == e.span.end).then(|| Span::new(h.span.start, run.end))
    }

    /// Adds `Cap` items: capitalised names right after a singular title that no dictionary hit or
    /// NER entity covers ("Lithuanian President Gitanas Nauseda").
    fn add_capitalised_names(&self, items: &mut Vec<Item>) {
        let text = &self.doc.text;
        let mut extra = Vec::new();
        for (k, it) in items.iter().enumerate() {
            let Some(EntryKind::Agent { plural: false, .. }) = self.kind(it) else {
                continue;
            };
            let next_start = items.get(k + 1).map_or(text.len(), |n| n.span.start);
            let mut p = it.span.end;
            let rest = &text[p..next_start];
            let skip = rest.len() - rest.trim_start_matches([' ', ',']).len();
            if rest[..skip].contains("  ") || skip == 0 {
                continue;
            }
            p += skip;
            if let Some(span) = capitalised_run(text, p, next_start) {
                extra.push(Item { span, it: It::Cap });
            }
        }
        items.extend(extra);
        items.sort_by_key(|i| (i.span.start, std::cmp::Reverse(i.span.end)));
    }

    /// Parses the phrase starting at item `i`; returns the index after it.
    fn phrase(&self, items: &[Item], i: usize, out: &mut Vec<Mention>, lookup: bool) -> usize {
        let mut j = i;
        let mut former = false;
        if matches!(self.kind(&items[j]), Some(EntryKind::Former)) {
            match items.get(j + 1) {
                Some(n) if is_ws(self.gap(&items[j], n)) => {
                    former = true;
                    j += 1;
                }
                _ => return i + 1,
            }
        }
        let mut modifier: Option<usize> = None;
        if self.is_modifier(&items[j]) {
            if let Some(n) = items.get(j + 1) {
                let g = self.gap(&items[j], n);
                let glue = is_ws(g) || is_filler(g) || is_poss(g) || self.nominal_gap(&items[j], n);
                if (glue && self.is_agent(n)) || (is_ws(g) && former && self.is_name(n)) {
                    modifier = Some(j);
                    j += 1;
                } else if g.trim() == "and" && !g.contains('\n') {
                    // "the U.S. and Russian presidents": the first modifier shares the agent.
                    if let (Some(m2), Some(a)) = (items.get(j + 1), items.get(j + 2)) {
                        if self.is_modifier(m2) && self.is_agent(a) && is_ws(self.gap(m2, a)) {
                            let agent = self.agent_of(a);
                            out.push(self.group(
                                former,
                                Some(&items[j]),
                                &[agent],
                                items[j].span,
                                false,
                            ));
                            return j + 1;
                        }
                    }
                }
            }
            if modifier.is_none() && !former {
                out.push(self.bare(&items[j]));
                return j + 1;
            }
        }
        // Agents.
        let mut agents: Vec<Ag> = Vec::new();
        let first_agent = j;
        while j < items.len() && self.is_agent(&items[j]) {
            if j > first_agent && !is_ws(self.gap(&items[j - 1], &items[j])) {
                break;
            }
            agents.push(self.agent_of(&items[j]));
            j += 1;
        }
        // "president of (the) United States"
        let mut post_modifier = None;
        if !agents.is_empty()
            && modifier.is_none()
            && j < items.len()
            && self.is_modifier(&items[j])
            && is_of(self.gap(&items[j - 1], &items[j]))
        {
            post_modifier = Some(j);
            j += 1;
        }
        // "spokesman for the Afghan interior ministry", "a commander of the army": the body a
        // title belongs to gives its country and sector; the title stays the head.
        if !agents.is_empty()
            && modifier.is_none()
            && post_modifier.is_none()
            && j < items.len()
            && is_for_of(self.gap(&items[j - 1], &items[j]))
        {
            let mut k = j;
            let body_modifier = self.is_modifier(&items[k]).then_some(k);
            if body_modifier.is_some() {
                k += 1;
            }
            let mut body = Vec::new();
            while k < items.len() && self.is_agent(&items[k]) {
                let g = self.gap(&items[k - 1], &items[k]);
                let glue = k == j
                    || is_ws(g)
                    || is_filler(g)
                    || self.nominal_gap(&items[k - 1], &items[k]);
                if !glue {
                    break;
                }
                body.push(self.agent_of(&items[k]));
                k += 1;
            }
            if !body.is_empty() {
                post_modifier = body_modifier;
                let head = agents.pop().unwrap_or_default();
                agents.extend(body);
                agents.push(head);
                j = k;
            }
        }
        let head_end = items[j.max(1) - 1].span.end;
        // A name after the title.
        let singular = agents.last().is_some_and(|a| !a.plural);
        if (singular || (former && agents.is_empty())) && j < items.len() && j > i {
            let g = self.gap(&items[j - 1], &items[j]);
            if self.is_name(&items[j]) && (is_ws(g) || is_comma(g)) {
                let m = modifier.or(post_modifier).map(|k| &items[k]);
                for k in [modifier, post_modifier].into_iter().flatten() {
                    out.push(self.bare(&items[k]));
                }
                let head = effective_agent(&agents);
                let mut p = self.person(&items[j], former, m, head.as_ref());
                p.role = p
                    .role
                    .or_else(|| agents.last().and_then(|a| a.role.clone()));
                out.push(p);
                return j + 1;
            }
        }
        if !agents.is_empty() {
            let start = items[i].span.start;
            let m = modifier.or(post_modifier).map(|k| &items[k]);
            let span = Span::new(start, head_end);
            let bare_title = m.is_none() && !former;
            if bare_title {
                // "the president": a role nominal, resolved by coreference if at all.
                let a = agents.last().cloned().unwrap_or_default();
                if lookup && !a.plural && a.role.is_some() && self.preceded_by_the(span) {
                    out.push(Mention {
                        span,
                        kind: "PER".into(),
                        actor: None,
                        person: None,
                        name: None,
                        gender: Gender::Unknown,
                        role: a.role,
                        is_person: true,
                        plural: false,
                        nominal: true,
                    });
                } else if !lookup
                    || (agents.iter().any(|a| a.standalone) && self.heads_its_phrase(span))
                {
                    // "Police arrested …", "an official said": a sector now, a country later
                    // (`country::infer` runs once places are known).
                    out.push(self.group(false, None, &agents, span, false));
                }
                return j;
            }
            out.push(self.group(former, m, &agents, span, lookup));
            return j;
        }
        if self.is_name(&items[j.min(items.len() - 1)]) && j < items.len() {
            let mut p = self.person(&items[j], former, None, None);
            let next = self.apposition(items, j, &mut p);
            out.push(p);
            return next;
        }
        j.max(i + 1)
    }

    fn preceded_by_the(&self, span: Span) -> bool {
        let before = self.doc.text[..span.start].trim_end();
        let Some(word) = before.len().checked_sub(3).and_then(|k| before.get(k..)) else {
            return false;
        };
        before.len() < span.start
            && word.eq_ignore_ascii_case("the")
            && !before[..before.len() - 3].ends_with(|c: char| c.is_alphanumeric())
    }

    fn agent_of(&self, it: &Item) -> Ag {
        match self.kind(it) {
            Some(EntryKind::Agent {
                sector,
                role,
                plural,
                standalone,
                ..
            }) => Ag {
                sector: sector.clone(),
                role: role.clone(),
                plural: *plural,
                standalone: *standalone,
            },
            _ => Ag::default(),
        }
    }

    /// "Jane Roe, a senior Ukrainian official," → the person takes the apposition's role when the
    /// dictionary does not know her. Returns the index after what was consumed.
    fn apposition(&self, items: &[Item], j: usize, p: &mut Mention) -> usize {
        let after = j + 1;
        let Some(next) = items.get(after) else {
            return after;
        };
        let g = self.gap(&items[j], next);
        let Some(rest) = g.trim().strip_prefix(',') else {
            return after;
        };
        let comma = items[j].span.end + g.find(',').unwrap_or(0) + 1;
        let ok = !g.contains('\n') && self.apposition_lead(rest, comma, next.span.start);
        if !ok
            || !(self.is_modifier(next)
                || self.is_agent(next)
                || matches!(self.kind(next), Some(EntryKind::Former)))
        {
            return after;
        }
        let mut sub = Vec::new();
        let end = self.phrase(items, after, &mut sub, false);
        match sub.as_slice() {
            [m] if !m.plural && (!m.is_person || m.nominal || m.name.is_none()) => {
                if p.person.is_none() || p.actor.as_ref().is_none_or(|a| a.sector.is_none()) {
                    if let Some(a) = &m.actor {
                        let mut a = a.clone();
                        a.name = p.name.clone();
                        p.actor = Some(a);
                    }
                    p.role = p.role.clone().or(m.role.clone());
                }
                end
            }
            _ => after,
        }
    }

    /// "President Kagame", "Chancellor Merz": a title before a lone surname names the one known
    /// person with that surname whose standing on the date has the title's sector (and the
    /// modifier's country, when there is one).
    fn titled_surname(&self, name: &str, country: &str, agent: Option<&Ag>) -> Option<usize> {
        let agent = agent?;
        if name.contains(' ') || agent.sector.is_empty() {
            return None;
        }
        let mut found = self.dict.by_surname(name).iter().copied().filter(|&pid| {
            self.dict.people[pid].at(self.date).is_some_and(|st| {
                st.sector == Some(agent.sector.as_str())
                    && (country.is_empty() || st.country == country)
            })
        });
        match (found.next(), found.next()) {
            (Some(pid), None) => Some(pid),
            _ => None,
        }
    }

    /// Whether a bare agent phrase stands as a noun phrase of its own: not an adjective or the
    /// first part of a compound ("*official* protest", "*military* aid", "*army* reservists"), and
    /// not owned by someone already named ("*its* troops", "*their* government"). Judged by the
    /// tagger; without tags the phrase is taken as it is.
    fn heads_its_phrase(&self, span: Span) -> bool {
        let toks = &self.doc.tokens;
        let first = toks.partition_point(|t| t.span.start < span.start);
        let last = toks.partition_point(|t| t.span.start < span.end);
        if first >= last || toks[last - 1].upos.is_empty() {
            return true;
        }
        let head = &toks[last - 1];
        if !matches!(head.upos.as_str(), "NOUN" | "PROPN") {
            return false;
        }
        if toks
            .get(last)
            .is_some_and(|n| matches!(n.upos.as_str(), "NOUN" | "PROPN") && !n.span.is_empty())
        {
            return false;
        }
        let owner = first
            .checked_sub(1)
            .map(|k| self.doc.slice(toks[k].span).to_lowercase());
        !matches!(
            owner.as_deref(),
            Some("its" | "their" | "his" | "her" | "our" | "my" | "your")
        )
    }

    /// Whether the words between an apposition's comma and its title may stand there: an optional
    /// relative lead ("who heads", "who commands"), an optional article, then fillers, the
    /// document's own country as a possessor ("the country's") or, when tagged, up to two nouns
    /// and adjectives ("the *interior* minister").
    fn apposition_lead(&self, rest: &str, from: usize, to: usize) -> bool {
        let mut words: Vec<&str> = rest.split_whitespace().collect();
        if words.len() >= 2
            && matches!(words[0].to_lowercase().as_str(), "who" | "which")
            && RELATIVE_HEADS.contains(&words[1].to_lowercase().as_str())
        {
            words.drain(..2);
        }
        if words
            .first()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the"))
        {
            words.remove(0);
        }
        let mut nominal = 0;
        for w in words {
            let lw = w.to_lowercase();
            if FILLERS.contains(&lw.as_str()) || DEICTIC_POSSESSORS.contains(&lw.as_str()) {
                continue;
            }
            let tagged = self.word_tag(w, from, to);
            if !matches!(tagged, Some("NOUN" | "ADJ")) || !w.starts_with(char::is_lowercase) {
                return false;
            }
            nominal += 1;
        }
        nominal <= 2
    }

    /// The UPOS tag of the token with text `w` between bytes `from` and `to`.
    fn word_tag(&self, w: &str, from: usize, to: usize) -> Option<&str> {
        let toks = &self.doc.tokens;
        let first = toks.partition_point(|t| t.span.start < from);
        toks[first..]
            .iter()
            .take_while(|t| t.span.end <= to)
            .find(|t| self.doc.slice(t.span) == w)
            .map(|t| t.upos.as_str())
    }

    /// A bare modifier: a country, metonym, organisation or region on its own.
    fn bare(&self, it: &Item) -> Mention {
        let e = self
            .entry(it)
            .expect("modifier items are dictionary entries");
        let (kind, sector) = match &e.kind {
            EntryKind::CountryName => ("GPE", None),
            EntryKind::CountryAdjective | EntryKind::RegionAdjective => ("NORP", None),
            EntryKind::Metonym { sector } => ("GPE", Some(sector.clone())),
            EntryKind::Org { sector } => ("ORG", sector.clone()),
            _ => ("LOC", None),
        };
        let text = &self.doc.text[it.span.start..it.span.end];
        // A plural demonym ("Russians": "Russian" is a form too) denotes people: civilians.
        let plural = kind == "NORP"
            && text.ends_with('s')
            && self
                .dict
                .forms
                .contains_key(&crate::dict::normalize_form(&text[..text.len() - 1]));
        let sector = if plural && matches!(e.kind, EntryKind::CountryAdjective) {
            Some("CVL".to_string())
        } else {
            sector
        };
        let code = format!("{}{}", e.code, sector.as_deref().unwrap_or(""));
        Mention {
            span: it.span,
            kind: kind.into(),
            actor: Some(Actor {
                name: Some(e.name.clone()),
                code,
                country: Some(e.code.clone()),
                sector,
                country_from: Some(CountryFrom::Name),
            }),
            person: None,
            name: None,
            gender: Gender::Unknown,
            role: None,
            is_person: false,
            plural,
            nominal: false,
        }
    }

    /// Country code and own sector of a modifier.
    fn modifier_parts<'e>(&self, m: &'e Entry) -> (&'e str, Option<&'e str>, bool) {
        match &m.kind {
            EntryKind::Metonym { sector } => (&m.code, Some(sector), false),
            EntryKind::Org { sector } => (&m.code, sector.as_deref(), false),
            EntryKind::RegionName | EntryKind::RegionAdjective => (&m.code, None, true),
            _ => (&m.code, None, false),
        }
    }

    /// A group or role phrase without a name ("Ukrainian officials", "the Kremlin spokesman").
    fn group(
        &self,
        former: bool,
        m: Option<&Item>,
        agents: &[Ag],
        span: Span,
        lookup: bool,
    ) -> Mention {
        let Ag {
            sector: mut agent_sector,
            role,
            plural,
            ..
        } = agents.last().cloned().unwrap_or_default();
        // "rebel leaders", "opposition spokesman": a generic GOV head takes its group's sector.
        if agent_sector == "GOV" {
            if let Some(a) = agents.iter().rev().skip(1).find(|a| a.sector != "GOV") {
                agent_sector = a.sector.clone();
            }
        }
        let me = m.and_then(|m| self.entry(m));
        let (country, own_sector, region) = me
            .map(|e| self.modifier_parts(e))
            .unwrap_or(("", None, false));
        // A unique office holder ("the Ukrainian president" → Zelenskyy).
        if lookup && !plural && !former && !country.is_empty() {
            if let Some(r) = &role {
                if let Some(pid) = self.dict.holder(country, r, self.date) {
                    let mut p = self.known_person(pid, span, false, None, None);
                    p.role = Some(r.clone());
                    return p;
                }
            }
        }
        let sector = if former {
            Some("ELI".to_string())
        } else if region {
            None
        } else {
            match own_sector {
                Some(s) if agent_sector == "GOV" => Some(s.to_string()),
                _ => Some(agent_sector.clone()).filter(|s| !s.is_empty()),
            }
        };
        let actor = sector_or_country(None, country, &sector);
        let person_like = !plural && role.is_some();
        let kind = if person_like {
            "PER"
        } else if matches!(
            me.map(|e| &e.kind),
            Some(EntryKind::CountryAdjective | EntryKind::RegionAdjective)
        ) {
            "NORP"
        } else {
            "ORG"
        };
        Mention {
            span,
            kind: kind.into(),
            actor,
            person: None,
            name: None,
            gender: Gender::Unknown,
            role,
            is_person: person_like,
            plural,
            nominal: false,
        }
    }

    fn known_person(
        &self,
        pid: usize,
        span: Span,
        former: bool,
        m: Option<&Entry>,
        agent: Option<&Ag>,
    ) -> Mention {
        let p = &self.dict.people[pid];
        let st = p.at(self.date);
        let (country, mut sector, role) = match &st {
            Some(s) => (
                s.country.to_string(),
                s.sector.map(String::from),
                s.role.map(|r| r.role.clone()),
            ),
            None => (String::new(), None, None),
        };
        let mut role = role;
        if former {
            sector = Some("ELI".into());
        } else if let Some(a) = agent.filter(|a| a.sector != "ELI") {
            // The title the text gives now is better evidence than the dictionary's dates: before
            // any recorded role, and when the dates say the person is out of office (ELI: the
            // document date may be missing, wrong, or past the end of an outdated term table),
            // "President X" says what X is in this text.
            if role.is_none() && matches!(sector.as_deref(), None | Some("ELI")) {
                sector = Some(a.sector.clone());
                role.clone_from(&a.role);
            }
        }
        let _ = m;
        Mention {
            span,
            kind: "PER".into(),
            actor: Some(Actor {
                name: Some(p.name.clone()),
                code: format!("{country}{}", sector.as_deref().unwrap_or("")),
                country_from: (!country.is_empty()).then_some(CountryFrom::Name),
                country: Some(country).filter(|c| !c.is_empty()),
                sector,
            }),
            person: Some(pid),
            name: Some(p.name.clone()),
            gender: p.gender,
            role,
            is_person: true,
            plural: false,
            nominal: false,
        }
    }

    /// A name, possibly with a title and modifier before it.
    fn person(&self, it: &Item, former: bool, m: Option<&Item>, agent: Option<&Ag>) -> Mention {
        let me = m.and_then(|m| self.entry(m));
        if let Some(EntryKind::Person(pid)) = self.kind(it) {
            return self.known_person(*pid, it.span, former, me, agent);
        }
        let name = self.doc.text[it.span.start..it.span.end].to_string();
        let (country, own_sector, region) = me
            .map(|e| self.modifier_parts(e))
            .unwrap_or(("", None, false));
        if let Some(pid) = self.titled_surname(&name, country, agent) {
            return self.known_person(pid, it.span, former, me, agent);
        }
        let sector = if former {
            Some("ELI".to_string())
        } else if region {
            None
        } else {
            match (own_sector, agent) {
                (Some(s), Some(a)) if a.sector == "GOV" => Some(s.to_string()),
                (_, Some(a)) => Some(a.sector.clone()),
                (s, None) => s.map(String::from),
            }
        };
        let actor = sector_or_country(Some(&name), country, &sector);
        Mention {
            span: it.span,
            kind: "PER".into(),
            actor,
            person: None,
            name: Some(name),
            gender: Gender::Unknown,
            role: agent.and_then(|a| a.role.clone()),
            is_person: true,
            plural: false,
            nominal: false,
        }
    }
}

/// The agent that heads a title: the last one, except that a generic government title takes the
/// sector of the group noun before it ("rebel leader" → REB, "police spokesman" → COP).
fn effective_agent(agents: &[Ag]) -> Option<Ag> {
    let mut head = agents.last()?.clone();
    if head.sector == "GOV" {
        if let Some(a) = agents.iter().rev().skip(1).find(|a| a.sector != "GOV") {
            head.sector = a.sector.clone();
        }
    }
    Some(head)
}

/// The actor of a phrase: with the modifier's country when there is one, else a sector alone (its
/// country is inferred later from the context), else none.
fn sector_or_country(name: Option<&str>, country: &str, sector: &Option<String>) -> Option<Actor> {
    if country.is_empty() && sector.is_none() {
        return None;
    }
    Some(Actor {
        name: name.map(str::to_string),
        code: format!("{country}{}", sector.as_deref().unwrap_or("")),
        country: Some(country.to_string()).filter(|c| !c.is_empty()),
        sector: sector.clone(),
        country_from: (!country.is_empty()).then_some(CountryFrom::Modifier),
    })
}

/// A run of 1–4 capitalised words (with name particles inside) starting at byte `p`, ending before
/// `limit`.
fn capitalised_run(text: &str, p: usize, limit: usize) -> Option<Span> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut q = p;
    loop {
        let rest = &text[q..limit];
        let w_len = rest
            .char_indices()
            .find(|&(_, c)| {
                !(c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}' || c == '.')
            })
            .map_or(rest.len(), |(k, _)| k);
        let mut w = &rest[..w_len];
        // A trailing period belongs to the sentence unless the word is an initial ("J.").
        if w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 1 {
            w = &w[..w.len() - 1];
        }
        let w = w.trim_end_matches(['\'', '\u{2019}']);
        if w.is_empty() {
            break;
        }
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        let particle = PARTICLES.contains(&w.to_lowercase().trim_end_matches('-'));
        if !(cap || (particle && !words.is_empty())) {
            break;
        }
        if words.is_empty() && NOT_NAMES.contains(&w) {
            return None;
        }
        words.push((q, q + w.len()));
        if words.len() > 5 {
            return None;
        }
        let after = &text[q + w.len()..limit];
        if after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_alphabetic()) {
            q += w.len() + 1;
        } else {
            break;
        }
    }
    // Do not end on a particle.
    while let Some(&(s, e)) = words.last() {
        if PARTICLES.contains(&text[s..e].to_lowercase().as_str()) {
            words.pop();
        } else {
            break;
        }
    }
    match (words.first(), words.last()) {
        (Some(&(s, _)), Some(&(_, e))) if words.len() <= 4 => Some(Span::new(s, e)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::capitalised_run;

    #[test]
    fn capitalised_names() {
        let t = "aide Ivan von Example said";
        let s = capitalised_run(t, 5, t.len()).unwrap();
        assert_eq!(&t[s.start..s.end], "Ivan von Example");
        let t = "spokesman Monday said";
        assert!(capitalised_run(t, 10, t.len()).is_none());
        let t = "envoy Jan Roe.";
        let s = capitalised_run(t, 6, t.len()).unwrap();
        assert_eq!(&t[s.start..s.end], "Jan Roe");
    }
}
