//! Byte spans into a document's text.

/// A half-open byte range `[start, end)` into `Doc::text`, always on char boundaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A fixed set of spans answering "does any of them overlap / contain this span?" in O(log n),
/// where scanning the list would make a stage quadratic in the length of a long document.
/// The answers are exactly those of [`Span::overlaps`] and [`Span::contains`] over the whole set.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    /// The spans sorted by start.
    starts: Vec<usize>,
    /// `max_end[i]`: the greatest end among the first `i + 1` spans (by start).
    max_end: Vec<usize>,
}

impl SpanIndex {
    /// The index of `spans` (any order, overlaps allowed).
    pub fn new(spans: impl IntoIterator<Item = Span>) -> SpanIndex {
        let mut v: Vec<Span> = spans.into_iter().collect();
        v.sort_unstable();
        let starts = v.iter().map(|s| s.start).collect();
        let max_end = v
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        SpanIndex { starts, max_end }
    }

    /// Whether some span of the set overlaps `q` (as [`Span::overlaps`]).
    pub fn any_overlaps(&self, q: Span) -> bool {
        let n = self.starts.partition_point(|&s| s < q.end);
        n > 0 && self.max_end[n - 1] > q.start
    }

    /// Whether some span of the set contains `q` (as [`Span::contains`]).
    pub fn any_contains(&self, q: Span) -> bool {
        let n = self.starts.partition_point(|&s| s <= q.start);
        n > 0 && self.max_end[n - 1] >= q.end
    }

    /// Number of spans in the set.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

/// A growing set of spans (insertions and removals in any order) answering the same questions as
/// [`SpanIndex`]. Each query looks only at the spans that start within the longest span's length
/// before it, so it stays cheap while spans are short compared with the text.
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    /// Span → how many times it was inserted.
    spans: std::collections::BTreeMap<Span, usize>,
    longest: usize,
}

impl SpanSet {
    /// An empty set.
    pub fn new() -> SpanSet {
        SpanSet::default()
    }

    /// Adds `s` (a span may be added more than once).
    pub fn insert(&mut self, s: Span) {
        self.longest = self.longest.max(s.len());
        *self.spans.entry(s).or_insert(0) += 1;
    }

    /// Removes one copy of `s`; returns whether it was there.
    pub fn remove(&mut self, s: Span) -> bool {
        match self.spans.get_mut(&s) {
            Some(n) if *n > 1 => *n -= 1,
            Some(_) => {
                self.spans.remove(&s);
            }
            None => return false,
        }
        true
    }

    /// Whether `s` itself is in the set.
    pub fn contains(&self, s: Span) -> bool {
        self.spans.contains_key(&s)
    }

    /// The spans starting in `[from, to)`.
    fn starting_in(&self, from: usize, to: usize) -> impl Iterator<Item = &Span> {
        let to = to.max(from);
        self.spans
            .range(Span::new(from, from)..Span::new(to, to))
            .map(|(s, _)| s)
    }

    /// Whether some span of the set overlaps `q` (as [`Span::overlaps`]).
    pub fn any_overlaps(&self, q: Span) -> bool {
        // An overlapping span starts before `q` ends and at most `longest` bytes before it.
        self.starting_in(q.start.saturating_sub(self.longest), q.end)
            .any(|s| s.overlaps(q))
    }

    /// Whether some span of the set contains `q` (as [`Span::contains`]).
    pub fn any_contains(&self, q: Span) -> bool {
        // A containing span starts at or before `q` and at most `longest` bytes before its end.
        self.starting_in(q.end.saturating_sub(self.longest), q.start + 1)
            .any(|s| s.contains(q))
    }
}

#[cfg(test)]
mod tests {
    use super::{Span, SpanIndex, SpanSet};

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)), "end is exclusive");
        assert!(a.contains(Span::new(1, 5)));
        assert_eq!(a.cover(Span::new(7, 9)), Span::new(0, 9));
        assert_eq!(Span::new(3, 3).len(), 0);
    }

    /// Checks `overlaps` and `contains` answers against a plain scan of `list`, for every query
    /// span over a small grid.
    fn agrees_with_scan(
        list: &[Span],
        overlaps: impl Fn(Span) -> bool,
        contains: impl Fn(Span) -> bool,
    ) {
        for a in 0..35 {
            for b in a..35 {
                let q = Span::new(a, b);
                assert_eq!(overlaps(q), list.iter().any(|s| s.overlaps(q)), "{q:?}");
                assert_eq!(contains(q), list.iter().any(|s| s.contains(q)), "{q:?}");
            }
        }
    }

    /// Spans with nesting, overlaps, duplicates and an empty span.
    const SPANS: [(usize, usize); 8] = [
        (2, 5),
        (3, 4),
        (8, 8),
        (10, 20),
        (12, 14),
        (12, 14),
        (30, 31),
        (0, 1),
    ];

    #[test]
    fn span_index_answers_as_a_scan_would() {
        let set = SPANS.map(|(a, b)| Span::new(a, b));
        let index = SpanIndex::new(set);
        agrees_with_scan(&set, |q| index.any_overlaps(q), |q| index.any_contains(q));
        assert!(!SpanIndex::new([]).any_contains(Span::new(0, 0)));
        assert_eq!(index.len(), 8);
    }

    #[test]
    fn span_set_answers_as_a_scan_would_while_it_changes() {
        let mut set = SpanSet::new();
        let mut list: Vec<Span> = Vec::new();
        for (k, &(a, b)) in SPANS.iter().enumerate() {
            set.insert(Span::new(a, b));
            list.push(Span::new(a, b));
            if k == 5 {
                // Remove one copy of a duplicate and one of a single span.
                assert!(set.remove(Span::new(12, 14)) && set.remove(Span::new(3, 4)));
                assert!(!set.remove(Span::new(3, 4)), "already removed");
                assert!(!set.contains(Span::new(3, 4)) && set.contains(Span::new(12, 14)));
                list.retain(|s| *s != Span::new(3, 4));
                let i = list.iter().position(|s| *s == Span::new(12, 14)).unwrap();
                list.remove(i);
            }
            agrees_with_scan(&list, |q| set.any_overlaps(q), |q| set.any_contains(q));
        }
    }
}
