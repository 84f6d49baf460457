//! Where a statement was made: "on X", "via X", "told reporters", "told RIA", "in a social media
//! statement". Returns the channel as written ("X", "RIA", "reporters", "social media").

use crate::lexicon::Lexicon;
use crate::view::View;
use dyad_doc::{Doc, Span, SpanIndex};
use std::ops::Range;

const MEDIA_NOUNS: &[&str] = &[
    "statement",
    "post",
    "interview",
    "tweet",
    "video",
    "speech",
    "letter",
    "message",
    "op-ed",
    "broadcast",
    "address",
    "briefing",
    "podcast",
    "column",
    "email",
    "memo",
    "appearance",
];
const MEDIA_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "journal",
    "radio",
    "tv",
    "television",
    "agency",
    "press",
    "network",
    "herald",
    "tribune",
    "telegraph",
    "guardian",
    "today",
];

/// Finds the channel of a statement.
pub struct Channels<'a> {
    /// The document (for entity types).
    pub doc: &'a Doc,
    /// Token view.
    pub v: &'a View<'a>,
    /// Word lists.
    pub lex: &'a Lexicon,
}

impl Channels<'_> {
    fn text(&self, r: Range<usize>) -> String {
        self.doc.text[self.v.toks[r.start].span.start..self.v.toks[r.end - 1].span.end].to_string()
    }

    /// A platform from the lexicon starting at token `i` (one or two words): its token range.
    fn platform_at(&self, i: usize, hi: usize) -> Option<Range<usize>> {
        if i + 1 < hi {
            let two = format!("{} {}", self.v.toks[i].lower, self.v.toks[i + 1].lower);
            if self.lex.is("platforms", &two) {
                return Some(i..i + 2);
            }
        }
        (i < hi && self.lex.is("platforms", &self.v.toks[i].lower)).then_some(i..i + 1)
    }

    /// A capitalised name run at `i` usable as a channel ("X", "Fox News", "RIA").
    fn name_at(&self, i: usize, hi: usize) -> Option<Range<usize>> {
        let mut s = i;
        if s < hi && self.v.toks[s].lower == "the" {
            s += 1;
        }
        let mut e = s;
        while e < hi
            && self.v.toks[e].cap
            && !self.lex.is("nonnames", &self.v.toks[e].lower)
            && e - s < 4
        {
            e += 1;
        }
        if e == s {
            return None;
        }
        if let Some(n) = self.v.toks.get(e) {
            if n.lower == "’s" || n.lower == "'s" {
                return None;
            }
        }
        Some(s..e)
    }

    /// Whether a told-object is a channel (a medium or an audience) rather than a person.
    fn is_medium(&self, r: Range<usize>) -> bool {
        let span = Span::new(
            self.v.toks[r.start].span.start,
            self.v.toks[r.end - 1].span.end,
        );
        if let Some(e) = self.doc.entities.iter().find(|e| e.span.overlaps(span)) {
            return e.kind != "PER";
        }
        r.clone().any(|k| {
            let t = &self.doc.text[self.v.toks[k].span.start..self.v.toks[k].span.end];
            (t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase()))
                || MEDIA_WORDS.contains(&self.v.toks[k].lower.as_str())
        }) || self.platform_at(r.start, r.end).is_some()
    }

    /// The channel for a cue at token `cue` in tokens `lo..hi`, ignoring tokens inside `skip` spans.
    pub fn find(
        &self,
        cue: Option<usize>,
        lo: usize,
        hi: usize,
        skip: &SpanIndex,
    ) -> Option<String> {
        let inside = |k: usize| skip.any_contains(self.v.toks[k].span);
        // "told reporters", "told RIA".
        if let Some(c) = cue {
            if matches!(
                self.v.toks[c].lower.as_str(),
                "told" | "tells" | "tell" | "telling"
            ) {
                let k = c + 1;
                if k < hi {
                    for a in self.lex.section("addressees") {
                        let n = a.split(' ').count();
                        if k + n <= hi
                            && (0..n)
                                .map(|j| self.v.toks[k + j].lower.as_str())
                                .collect::<Vec<_>>()
                                .join(" ")
                                == a
                        {
                            return Some(self.text(k + n - 1..k + n));
                        }
                    }
                    if let Some(r) = self.name_at(k, hi) {
                        if self.is_medium(r.clone()) {
                            return Some(self.text(r));
                        }
                    }
                }
            }
        }
        // "on X", "via X", "in a post on X" — the closest to the cue wins.
        let mut best: Option<(usize, String)> = None;
        let mut consider = |k: usize, s: String| {
            let d = cue.map_or(k, |c| k.abs_diff(c));
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, s));
            }
        };
        for k in lo..hi {
            if inside(k) {
                continue;
            }
            let w = self.v.toks[k].lower.as_str();
            if matches!(w, "on" | "via") {
                if let Some(r) = self.platform_at(k + 1, hi) {
                    consider(k, self.text(r));
                    continue;
                }
                if let Some(r) = self.name_at(k + 1, hi) {
                    if self.is_medium(r.clone()) || w == "via" {
                        consider(k, self.text(r));
                    }
                }
            }
        }
        if let Some((_, s)) = best {
            return Some(s);
        }
        // "in a social media statement", "in an interview".
        for k in lo..hi {
            if inside(k) || self.v.toks[k].lower != "in" {
                continue;
            }
            let mut j = k + 1;
            if j < hi
                && matches!(
                    self.v.toks[j].lower.as_str(),
                    "a" | "an" | "his" | "her" | "their" | "its" | "the"
                )
            {
                j += 1;
            }
            let end = (j + 4).min(hi);
            if let Some(n) =
                (j..end).find(|&m| MEDIA_NOUNS.contains(&self.v.toks[m].lower.as_str()))
            {
                let words: Vec<&str> = (j..n).map(|m| self.v.toks[m].lower.as_str()).collect();
                if words.windows(2).any(|w| w == ["social", "media"]) {
                    return Some("social media".to_string());
                }
                return Some(self.text(n..n + 1));
            }
        }
        None
    }

    /// Token index where a trailing channel phrase begins inside `lo..hi` ("in a post on X" at the
    /// end of a content span), if any.
    pub fn trailing_phrase(&self, lo: usize, hi: usize) -> Option<usize> {
        (lo..hi).find(|&k| {
            let w = self.v.toks[k].lower.as_str();
            (w == "in"
                && (k + 1..(k + 5).min(hi))
                    .any(|m| MEDIA_NOUNS.contains(&self.v.toks[m].lower.as_str())))
                || (matches!(w, "on" | "via")
                    && (self.platform_at(k + 1, hi).is_some_and(|r| r.end == hi)
                        || self.name_at(k + 1, hi).is_some_and(|r| r.end == hi)))
        })
    }
}
