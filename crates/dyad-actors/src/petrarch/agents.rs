//! PETRARCH/TABARI agent dictionaries (`agents.txt`): role nouns whose codes attach to an actor's
//! code (`[~GOV]` after it, `[NGO~]` before it), with automatic or `{explicit}` plurals and
//! `!MARKER! = A, B` substitution sets.

use super::reader::content_lines;
use super::{normalize_word, phrase_words, LoadError};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// An agent code and where it attaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentCode {
    /// The code without `~` (`GOV`, `NGO`).
    pub code: String,
    /// `true` for `[CODE~]` (goes before the actor code), `false` for `[~CODE]` (goes after).
    pub prefix: bool,
}

impl AgentCode {
    /// Combines with an actor code: `USA` + `~GOV` = `USAGOV`; `USA` + `NGO~` = `NGOUSA`.
    pub fn apply(&self, actor: &str) -> String {
        if self.prefix {
            format!("{}{actor}", self.code)
        } else {
            format!("{actor}{}", self.code)
        }
    }
}

/// The result of a longest-match agent lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentMatch<'a> {
    /// Number of words matched.
    pub len: usize,
    /// The agent codes (usually one).
    pub codes: &'a [AgentCode],
}

#[derive(Debug, Default, Clone)]
struct Node {
    children: HashMap<String, u32>,
    codes: Option<Vec<AgentCode>>,
}

/// A loaded PETRARCH agent dictionary.
#[derive(Debug, Clone)]
pub struct PetrAgents {
    nodes: Vec<Node>,
    count: usize,
    warnings: Vec<String>,
}

impl Default for PetrAgents {
    fn default() -> Self {
        PetrAgents {
            nodes: vec![Node::default()],
            count: 0,
            warnings: Vec::new(),
        }
    }
}

/// Reads a PETRARCH agent dictionary from `path`.
pub fn load_agents(path: impl AsRef<Path>) -> Result<PetrAgents, LoadError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(parse_agents(
        &path.display().to_string(),
        &String::from_utf8_lossy(&bytes),
    ))
}

/// Parses agent-dictionary text; `name` is used in warnings (`name:line: message`).
pub fn parse_agents(name: &str, text: &str) -> PetrAgents {
    let mut a = PetrAgents::default();
    let mut markers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in content_lines(text) {
        let t = line.text;
        let mut warn = |m: String| a.warnings.push(format!("{name}:{}: {m}", line.no));
        if t.starts_with('!') && t.contains('=') && !t.contains('[') {
            let (lhs, rhs) = t.split_once('=').unwrap_or((t, ""));
            let marker = lhs.trim().trim_matches('!');
            if marker.is_empty() || lhs.trim().matches('!').count() != 2 {
                warn(format!(
                    "bad substitution marker definition `{}`",
                    lhs.trim()
                ));
                continue;
            }
            let items = rhs
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            markers.insert(marker.to_string(), items);
            continue;
        }
        let Some(open) = t.find('[') else {
            warn("agent without a `[code]`; line skipped".into());
            continue;
        };
        let Some(close) = t[open..].find(']') else {
            warn("missing `]`; line skipped".into());
            continue;
        };
        let mut codes = Vec::new();
        for raw in t[open + 1..open + close].split_whitespace() {
            let (code, prefix) = if let Some(c) = raw.strip_prefix('~') {
                (c, false)
            } else if let Some(c) = raw.strip_suffix('~') {
                (c, true)
            } else {
                (raw, false)
            };
            if !code.is_empty() {
                codes.push(AgentCode {
                    code: code.to_ascii_uppercase(),
                    prefix,
                });
            }
        }
        if codes.is_empty() {
            warn("empty agent code; line skipped".into());
            continue;
        }
        let head = t[..open].trim();
        let (phrase, plural) = match head.find('{') {
            Some(o) => {
                let Some(c) = head[o..].find('}') else {
                    warn("missing `}`; line skipped".into());
                    continue;
                };
                (
                    head[..o].trim(),
                    Some(head[o + 1..o + c].trim().to_string()),
                )
            }
            None => (head, None),
        };
        if phrase.is_empty() {
            warn("code without an agent phrase; line skipped".into());
            continue;
        }
        if let Some(p) = phrase.find('!') {
            let Some(q) = phrase[p + 1..].find('!') else {
                warn(format!("bad substitution marker in `{phrase}`"));
                continue;
            };
            let marker = &phrase[p + 1..p + 1 + q];
            let Some(items) = markers.get(marker) else {
                warn(format!("substitution marker !{marker}! is not defined"));
                continue;
            };
            for item in items.clone() {
                let expanded = format!("{}{}{}", &phrase[..p], item, &phrase[p + 2 + q..]);
                a.insert(&phrase_words(&expanded), &codes);
            }
            continue;
        }
        a.insert(&phrase_words(phrase), &codes);
        let plural = match plural {
            Some(p) => p,
            None => auto_plural(phrase.trim_end_matches('_')),
        };
        if !plural.is_empty() {
            a.insert(&phrase_words(&plural), &codes);
        }
    }
    a
}

/// PETRARCH's regular plural: `Y` → `IES`, `S` → `SES`, otherwise `+S`.
fn auto_plural(s: &str) -> String {
    if let Some(stem) = s.strip_suffix(['Y', 'y']) {
        format!("{stem}IES")
    } else if s.ends_with(['S', 's']) {
        format!("{s}ES")
    } else {
        format!("{s}S")
    }
}

impl PetrAgents {
    fn insert(&mut self, words: &[String], codes: &[AgentCode]) {
        if words.is_empty() {
            return;
        }
        let mut n = 0usize;
        for w in words {
            n = match self.nodes[n].children.get(w) {
                Some(&c) => c as usize,
                None => {
                    let c = self.nodes.len();
                    self.nodes.push(Node::default());
                    self.nodes[n].children.insert(w.clone(), c as u32);
                    c
                }
            };
        }
        if self.nodes[n].codes.is_none() {
            self.count += 1;
        }
        self.nodes[n].codes = Some(codes.to_vec());
    }

    /// Every agent phrase (words joined by spaces) with its codes, sorted by phrase.
    pub fn phrases(&self) -> Vec<(String, &[AgentCode])> {
        let mut out = Vec::new();
        let mut stack: Vec<(usize, String)> = vec![(0, String::new())];
        while let Some((n, phrase)) = stack.pop() {
            if let Some(c) = &self.nodes[n].codes {
                out.push((phrase.clone(), c.as_slice()));
            }
            for (w, &child) in &self.nodes[n].children {
                let p = if phrase.is_empty() {
                    w.clone()
                } else {
                    format!("{phrase} {w}")
                };
                stack.push((child as usize, p));
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// The longest agent phrase starting at `words[0]` (words are normalised here).
    pub fn longest_match<S: AsRef<str>>(&self, words: &[S]) -> Option<AgentMatch<'_>> {
        let mut n = 0usize;
        let mut best = None;
        for (i, w) in words.iter().enumerate() {
            let Some(&c) = self.nodes[n].children.get(&normalize_word(w.as_ref())) else {
                break;
            };
            n = c as usize;
            if let Some(codes) = &self.nodes[n].codes {
                best = Some(AgentMatch { len: i + 1, codes });
            }
        }
        best
    }

    /// The codes of an exact agent phrase (`"FOREIGN MINISTER"`, `"foreign_ministers"`).
    pub fn lookup_phrase(&self, phrase: &str) -> Option<&[AgentCode]> {
        let words = phrase_words(phrase);
        self.longest_match(&words)
            .filter(|m| m.len == words.len())
            .map(|m| m.codes)
    }

    /// Number of distinct phrases (singulars, plurals and expansions).
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether no phrase was loaded.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Skipped lines, each as `path:line: message`.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
!HAND! = SMITH, SMITHS, WRIGHT
BLADE!HAND! [~ART]
RANGER [~MIL]
CAPTAIN_OF_THE_GUARD {CAPTAINS_OF_THE_GUARD} [~MIL]
ARMY {} [~MIL]
LIBRARY [~EDU]
HEALER_GUILD [NGO~]
NOCODE
TOWER!GHOST! [~X]
";

    #[test]
    fn plurals_markers_and_prefixes() {
        let a = parse_agents("ag.txt", SAMPLE);
        let code = |p: &str| a.lookup_phrase(p).map(|c| c[0].apply("GON"));
        assert_eq!(code("bladesmiths"), Some("GONART".into()));
        assert_eq!(code("BLADEWRIGHT"), Some("GONART".into()));
        assert_eq!(code("rangers"), Some("GONMIL".into()));
        assert_eq!(code("captains of the guard"), Some("GONMIL".into()));
        assert_eq!(code("armys"), None, "`{{}}` suppresses the plural");
        assert_eq!(code("libraries"), Some("GONEDU".into()));
        assert_eq!(code("healer guilds"), Some("NGOGON".into()));
        assert_eq!(
            a.longest_match(&["Captain", "of", "the", "guard", "said"])
                .unwrap()
                .len,
            4
        );
        let w = a.warnings();
        assert!(
            w.iter().any(|w| w.starts_with("ag.txt:8: agent without")),
            "{w:?}"
        );
        assert!(
            w.iter()
                .any(|w| w.starts_with("ag.txt:9: substitution marker !GHOST!")),
            "{w:?}"
        );
    }
}
