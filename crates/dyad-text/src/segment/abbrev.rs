//! Abbreviations that keep their period, and which of them can end a sentence.
//!
//! The lists are short, closed and rarely change, so they live here rather than in a data file.

/// Abbreviations (with their final period) that never end a sentence: titles and the like, always
/// followed by a name or number.
const TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Mssrs.", "Messrs.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.",
    "Capt.", "Cmdr.", "Adm.", "Sgt.", "Cpl.", "Pvt.", "Sen.", "Sens.", "Rep.", "Reps.", "Gov.",
    "Pres.", "Amb.", "Rev.", "Fr.", "Hon.", "Atty.", "Supt.", "Brig.", "Gens.", "St.", "Mt.",
    "Ft.", "No.", "Nos.", "Vol.", "Fig.", "Art.", "Sec.", "vs.", "v.", "cf.", "approx.", "ca.",
    "Sept.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.",
    "Dec.", "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.",
    "Ave.", "Blvd.", "Rd.", "Calif.", "Ariz.", "Mass.", "Penn.", "Fla.", "Ill.", "Mich.", "Minn.",
    "Wash.", "Wis.", "Conn.", "Colo.", "Okla.", "Tenn.", "Ky.", "Va.", "Md.", "Ala.", "Ga.", "La.",
    "Miss.", "Mo.", "Neb.", "Nev.", "Ore.", "Tex.", "Kan.", "Ark.", "Del.", "Ind.", "Del.", "e.g.",
    "i.e.", "a.k.a.",
];

/// Abbreviations that often end a sentence as well ("... in the U.S. The ...").
const SENTENCE_FINAL_OK: &[&str] = &[
    "Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "Jr.", "Sr.", "etc.", "a.m.", "p.m.", "al.", "Plc.",
    "plc.", "LLC.",
];

/// Whether `word` (ending in `.`) keeps its period as part of the token.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    if !word.ends_with('.') || word.len() < 2 {
        return false;
    }
    if TITLES.contains(&word) || SENTENCE_FINAL_OK.contains(&word) {
        return true;
    }
    is_initial(word) || is_acronym(word)
}

/// `J.` — a single letter initial.
pub(crate) fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// `U.S.`, `D.C.`, `a.m.` — letters separated by periods.
fn is_acronym(word: &str) -> bool {
    let parts: Vec<&str> = word[..word.len() - 1].split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(char::is_alphabetic))
}

/// Whether an abbreviation token never ends a sentence (titles, months, initials).
pub(crate) fn never_ends_sentence(word: &str) -> bool {
    TITLES.contains(&word) || is_initial(word)
}

/// Capitalised words that typically start a sentence; after an ambiguous abbreviation
/// ("U.S.", "etc.") a sentence break is assumed only before one of these.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "However",
        "In",
        "On",
        "At",
        "For",
        "After",
        "Before",
        "When",
        "While",
        "If",
        "As",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "My",
        "Meanwhile",
        "Still",
        "Also",
        "Many",
        "Some",
        "Most",
        "Other",
        "Officials",
        "According",
        "Despite",
        "Although",
        "Since",
        "Last",
        "Earlier",
        "Later",
        "What",
        "Why",
        "How",
        "Who",
        "Where",
        "Now",
        "Then",
        "Thus",
        "Instead",
        "Nor",
        "Both",
        "Each",
        "All",
        "No",
        "Not",
        "Under",
        "Over",
        "With",
        "From",
        "By",
        "To",
        "During",
        "Separately",
    ];
    STARTERS.contains(&word)
}
