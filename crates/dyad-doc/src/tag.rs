//! [`Tag`]: a part-of-speech tag or dependency relation name, stored once per process.
//!
//! Every token carries a UPOS tag, a Penn Treebank tag and a relation name, all drawn from small
//! closed sets (the models' label lists). As `String`s they cost 24 bytes plus a heap allocation
//! each per token, which made tags most of a long document's memory. A `Tag` is a `&'static str`
//! (16 bytes, `Copy`, no allocation): each distinct name is allocated once, when first seen (in
//! practice when a model's label list is loaded), and kept for the rest of the process.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Mutex, OnceLock};

/// A tag or relation name (`NOUN`, `NNP`, `nsubj`, …), compared and read like a `&str`.
///
/// Equality and order are those of the text. The empty tag (the [`Default`]) means "not tagged".
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Tag(&'static str);

/// Distinct tag names seen so far; each is leaked once, so the set is bounded by the number of
/// distinct names (closed label sets), not by the number of tokens.
fn interned() -> &'static Mutex<HashSet<&'static str>> {
    static SET: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    SET.get_or_init(Default::default)
}

impl Tag {
    /// The empty tag: not tagged or not parsed.
    pub const EMPTY: Tag = Tag("");

    /// A tag for a name known at compile time (no lookup, usable in `const`).
    pub const fn from_static(s: &'static str) -> Tag {
        Tag(s)
    }

    /// The tag named `s`, storing the name the first time it is seen. Call it where labels are
    /// loaded (once per label), not per token: it takes a lock.
    pub fn new(s: &str) -> Tag {
        if s.is_empty() {
            return Tag::EMPTY;
        }
        // A poisoned lock only means another thread panicked while inserting; the set itself
        // is always valid (insertion is the only mutation).
        let mut set = interned().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&known) = set.get(s) {
            return Tag(known);
        }
        let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
        set.insert(leaked);
        Tag(leaked)
    }

    /// The name.
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::ops::Deref for Tag {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Tag {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl std::borrow::Borrow<str> for Tag {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl From<&str> for Tag {
    fn from(s: &str) -> Tag {
        Tag::new(s)
    }
}

impl From<String> for Tag {
    fn from(s: String) -> Tag {
        Tag::new(&s)
    }
}

impl From<&String> for Tag {
    fn from(s: &String) -> Tag {
        Tag::new(s)
    }
}

impl From<Tag> for String {
    fn from(t: Tag) -> String {
        t.0.to_string()
    }
}

impl serde::Serialize for Tag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl fmt::Debug for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<str> for Tag {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Tag {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Tag {
    fn eq(&self, other: &String) -> bool {
        self.0 == other.as_str()
    }
}

impl PartialEq<Tag> for str {
    fn eq(&self, other: &Tag) -> bool {
        self == other.0
    }
}

impl PartialEq<Tag> for &str {
    fn eq(&self, other: &Tag) -> bool {
        *self == other.0
    }
}

impl PartialEq<Tag> for String {
    fn eq(&self, other: &Tag) -> bool {
        self.as_str() == other.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_names_share_one_allocation_and_compare_as_text() {
        let a = Tag::new(&String::from("nmod:poss"));
        let b = Tag::from("nmod:poss");
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(a, "nmod:poss");
        assert_eq!("nmod:poss", a);
        assert_eq!(a, String::from("nmod:poss"));
        assert!(a.starts_with("nmod"));
        assert_eq!(Tag::from_static("nmod:poss"), a);
        assert_ne!(a, Tag::new("nmod"));
    }

    #[test]
    fn empty_is_default_and_untagged() {
        assert_eq!(Tag::default(), Tag::EMPTY);
        assert_eq!(Tag::new(""), Tag::EMPTY);
        assert!(Tag::default().is_empty());
        assert_eq!(
            format!("{:?} {}", Tag::new("VBD"), Tag::new("VBD")),
            "\"VBD\" VBD"
        );
    }

    #[test]
    fn order_is_that_of_the_text() {
        let mut v = [Tag::new("obj"), Tag::new("amod"), Tag::new("nsubj")];
        v.sort();
        assert_eq!(v.map(Tag::as_str), ["amod", "nsubj", "obj"]);
    }
}
