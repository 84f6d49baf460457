//! Agent forms that inherit the `standalone` flag of their head noun.
//!
//! The generated Phoenix agent list has many modified forms of nouns that the curated list marks
//! `standalone` ("federal police", "border police", "army troops"). As a longer match such a form
//! wins over its head, and without the flag the whole group stopped being an actor ("Federal
//! police arrested …" had no source). A modifier before the head does not make a group less able
//! to act, so such a form takes the flag of its last word. Forms with "of" are left alone: their
//! head is before it ("head of national police"). A form whose first word is a standalone agent of
//! the same sector is a member or a unit of that group and acts as it does ("rebel forces",
//! "rebel commander", "police chief": REB, REB, COP), although "forces" and "commander" alone are
//! no actors.

use super::{Dictionary, EntryKind};

impl Dictionary {
    /// Gives the `standalone` flag to every agent form whose last word is a standalone agent of the
    /// same number. The entry is copied for those forms only (other forms of its line keep theirs).
    pub(super) fn inherit_standalone(&mut self) {
        let mut changes: Vec<(String, usize)> = Vec::new();
        for (norm, variants) in &self.forms {
            if !norm.contains(' ') || norm.contains(" of ") {
                continue;
            }
            let last = norm.rsplit(' ').next().unwrap_or(norm);
            let first = norm.split(' ').next().unwrap_or(norm);
            for (k, v) in variants.iter().enumerate() {
                let EntryKind::Agent {
                    standalone: false,
                    plural,
                    sector,
                    ..
                } = &self.entries[v.entry].kind
                else {
                    continue;
                };
                if self.is_standalone_agent(last, *plural)
                    || self.standalone_sector(first).is_some_and(|s| s == sector)
                {
                    changes.push((norm.clone(), k));
                }
            }
        }
        for (norm, k) in changes {
            let Some(v) = self.forms.get(&norm).and_then(|vs| vs.get(k)) else {
                continue;
            };
            let mut entry = self.entries[v.entry].clone();
            let tier = self.entry_tier(v.entry);
            if let EntryKind::Agent { standalone, .. } = &mut entry.kind {
                *standalone = true;
            }
            let idx = self.entries.len();
            self.entries.push(entry);
            self.entry_tier.push(tier);
            if let Some(v) = self.forms.get_mut(&norm).and_then(|vs| vs.get_mut(k)) {
                v.entry = idx;
            }
        }
    }

    /// The sector of `form` as a singular standalone agent ("rebel" → REB), if it is one.
    fn standalone_sector(&self, form: &str) -> Option<&str> {
        self.forms
            .get(form)?
            .iter()
            .find_map(|h| match &self.entries[h.entry].kind {
                EntryKind::Agent {
                    standalone: true,
                    plural: false,
                    sector,
                    ..
                } => Some(sector.as_str()),
                _ => None,
            })
    }

    fn is_standalone_agent(&self, form: &str, plural: bool) -> bool {
        self.forms.get(form).is_some_and(|vs| {
            vs.iter().any(|h| {
                matches!(&self.entries[h.entry].kind,
                    EntryKind::Agent { standalone: true, plural: p, .. } if *p == plural)
            })
        })
    }
}
