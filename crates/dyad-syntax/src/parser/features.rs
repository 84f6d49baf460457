//! The parser's feature templates, in groups by the part of a configuration they read.
//!
//! Most templates read one item of the configuration: a stack word, the buffer front, or the
//! subtree built so far under one of them. Such a group's features stay the same as long as its
//! item does, and during a parse the same item comes back again and again (the buffer front
//! stays while words are reduced onto it; a stack word resurfaces when the words above it are
//! popped). [`super::memo`] keeps each group's summed weights per item, so that only groups whose
//! item changed are looked up again. The groups partition the templates: every feature belongs to
//! exactly one group, and [`features`] (all groups) is what training sees.

use super::{dist_bucket, PTok, State, NONE};
use crate::hash::{f1, f2, f3, str_hash};

/// A group of feature templates, named after what it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Group {
    /// The top stack word itself (form, tag, cluster).
    S0Word,
    /// The top stack word with its children so far (valency, label sets, edge children).
    S0Tree,
    /// The second stack word itself.
    S1Word,
    /// The second stack word with its children so far.
    S1Tree,
    /// The third stack word itself.
    S2Word,
    /// The first three buffer words (all fixed by the buffer front's position).
    Buffer,
    /// The buffer front with its left children so far.
    B0Tree,
    /// The top two stack words together, and their distance.
    S1S0,
    /// Everything else: the bias, templates across stack and buffer, and stack depth.
    Rest,
}

/// Every group, [`Group::Rest`] last.
pub(super) const GROUPS: [Group; 9] = [
    Group::S0Word,
    Group::S0Tree,
    Group::S1Word,
    Group::S1Tree,
    Group::S2Word,
    Group::Buffer,
    Group::B0Tree,
    Group::S1S0,
    Group::Rest,
];

/// The items of a configuration the templates read: word indices (`NONE` when absent, `n` for
/// the root) and their parser atoms.
pub(super) struct View<'a> {
    st: &'a State,
    /// Stack words from the top.
    pub s0i: u32,
    pub s1i: u32,
    pub s2i: u32,
    /// Buffer front.
    pub b0i: u32,
    s0: PTok,
    s1: PTok,
    s2: PTok,
    b0: PTok,
    b1: PTok,
    b2: PTok,
    s0li: u32,
    s0l2i: u32,
    s0ri: u32,
    s0r2i: u32,
    s1li: u32,
    s1ri: u32,
    b0li: u32,
    b0l2i: u32,
}

const ROOT_C: u64 = 0xfff0;
const NONE_C: u64 = 0xfff1;

impl<'a> View<'a> {
    /// The view of configuration `st` of the sentence `toks`.
    pub fn new(st: &'a State, toks: &[PTok]) -> View<'a> {
        let tok = |i: u32| token(st, toks, i);
        let sl = st.stack.len();
        let stack = |k: usize| {
            if sl > k {
                st.stack[sl - 1 - k] as u32
            } else {
                NONE
            }
        };
        let buffer = |k: usize| {
            if st.b + k <= st.n {
                (st.b + k) as u32
            } else {
                NONE
            }
        };
        let (s0i, s1i, s2i) = (stack(0), stack(1), stack(2));
        let (b0i, b1i, b2i) = (buffer(0), buffer(1), buffer(2));
        let child = |v: &Vec<u32>, i: u32| if i == NONE { NONE } else { v[i as usize] };
        View {
            st,
            s0i,
            s1i,
            s2i,
            b0i,
            s0: tok(s0i),
            s1: tok(s1i),
            s2: tok(s2i),
            b0: tok(b0i),
            b1: tok(b1i),
            b2: tok(b2i),
            s0li: child(&st.lc1, s0i),
            s0l2i: child(&st.lc2, s0i),
            s0ri: child(&st.rc1, s0i),
            s0r2i: child(&st.rc2, s0i),
            s1li: child(&st.lc1, s1i),
            s1ri: child(&st.rc1, s1i),
            b0li: child(&st.lc1, b0i),
            b0l2i: child(&st.lc2, b0i),
        }
    }

    fn tok(&self, toks: &[PTok], i: u32) -> PTok {
        token(self.st, toks, i)
    }

    fn lab(&self, i: u32) -> u64 {
        if i == NONE {
            0xffff
        } else {
            self.st.labels[i as usize] as u64
        }
    }

    fn count(&self, v: &[u8], i: u32) -> u64 {
        if i == NONE {
            0xff
        } else {
            v[i as usize] as u64
        }
    }

    fn set(&self, v: &[u64], i: u32) -> u64 {
        if i == NONE {
            0
        } else {
            v[i as usize]
        }
    }

    /// Distance bucket between two words, 99 if either is absent.
    fn dist(&self, a: u32, b: u32) -> u64 {
        if a == NONE || b == NONE {
            99
        } else {
            dist_bucket(a as usize, b as usize)
        }
    }
}

/// Parser atoms of word `i` of the configuration (the root and absent words have their own).
fn token(st: &State, toks: &[PTok], i: u32) -> PTok {
    const ABSENT: PTok = PTok {
        w: str_hash("<NONE>"),
        t: str_hash("<NONE>"),
        c: NONE_C,
    };
    const ROOT: PTok = PTok {
        w: str_hash("<ROOT>"),
        t: str_hash("<ROOT>"),
        c: ROOT_C,
    };
    if i == NONE {
        ABSENT
    } else if i as usize >= st.n {
        ROOT
    } else {
        toks[i as usize]
    }
}

fn wt(p: PTok) -> u64 {
    f2(999, p.w, p.t)
}

/// Append the feature keys of group `g` in the configuration `v` to `out`.
pub(super) fn emit(g: Group, v: &View, toks: &[PTok], out: &mut Vec<u64>) {
    let st = v.st;
    let (s0, s1, s2, b0, b1, b2) = (v.s0, v.s1, v.s2, v.b0, v.b1, v.b2);
    match g {
        Group::S0Word => {
            out.extend([f1(1, s0.w), f1(2, s0.t), f1(3, wt(s0)), f1(100, s0.c)]);
        }
        Group::S1Word => {
            out.extend([f1(4, s1.w), f1(5, s1.t), f1(6, wt(s1)), f1(103, s1.c)]);
        }
        Group::S2Word => {
            out.extend([f1(15, s2.t), f1(16, s2.w)]);
        }
        Group::Buffer => {
            out.extend([
                f1(7, b0.w),
                f1(8, b0.t),
                f1(9, wt(b0)),
                f1(10, b1.w),
                f1(11, b1.t),
                f1(12, wt(b1)),
                f1(13, b2.w),
                f1(14, b2.t),
                f2(24, b0.t, b1.t),
                f3(30, b0.t, b1.t, b2.t),
                f2(93, b0.w, b1.w),
                f1(101, b0.c),
                f1(102, b1.c),
                f2(110, b0.c, b1.t),
            ]);
        }
        Group::S1S0 => {
            let (s1wt, s0wt) = (wt(s1), wt(s0));
            let d10 = v.dist(v.s1i, v.s0i);
            out.extend([
                f2(25, s1wt, s0wt),
                f2(26, s1.w, s0.w),
                f2(27, s1.t, s0.t),
                f2(28, s1wt, s0.t),
                f2(29, s1.t, s0wt),
                f3(46, s1.t, s0.t, d10),
                f2(47, s1.w, d10),
                f2(48, s0.w, d10),
                f2(107, s1.c, s0.c),
                f2(108, s1.t, s0.c),
                f2(109, s1.c, s0.t),
            ]);
        }
        Group::S0Tree => {
            let (l, l2, r, r2) = (
                v.tok(toks, v.s0li),
                v.tok(toks, v.s0l2i),
                v.tok(toks, v.s0ri),
                v.tok(toks, v.s0r2i),
            );
            let (nr, nl) = (v.count(&st.nr, v.s0i), v.count(&st.nl, v.s0i));
            let (rset, lset) = (v.set(&st.rset, v.s0i), v.set(&st.lset, v.s0i));
            out.extend([
                f2(49, s0.w, nr),
                f2(50, s0.t, nr),
                f2(51, s0.w, nl),
                f2(52, s0.t, nl),
                f1(58, l.w),
                f1(59, l.t),
                f1(60, v.lab(v.s0li)),
                f1(61, r.w),
                f1(62, r.t),
                f1(63, v.lab(v.s0ri)),
                f1(73, l2.w),
                f1(74, l2.t),
                f1(75, v.lab(v.s0l2i)),
                f1(76, r2.w),
                f1(77, r2.t),
                f1(78, v.lab(v.s0r2i)),
                f3(82, s0.t, l.t, l2.t),
                f3(83, s0.t, r.t, r2.t),
                f2(85, s0.w, rset),
                f2(86, s0.t, rset),
                f2(87, s0.w, lset),
                f2(88, s0.t, lset),
                f3(92, s0.t, v.lab(v.s0li), v.lab(v.s0ri)),
                f1(111, l.c),
                f1(112, r.c),
            ]);
        }
        Group::S1Tree => {
            let (l, r) = (v.tok(toks, v.s1li), v.tok(toks, v.s1ri));
            let (nr, nl) = (v.count(&st.nr, v.s1i), v.count(&st.nl, v.s1i));
            out.extend([
                f2(55, s1.w, nr),
                f2(56, s1.t, nr),
                f2(57, s1.t, nl),
                f1(67, l.w),
                f1(68, l.t),
                f1(69, v.lab(v.s1li)),
                f1(70, r.w),
                f1(71, r.t),
                f1(72, v.lab(v.s1ri)),
                f2(91, s1.t, v.set(&st.rset, v.s1i)),
            ]);
        }
        Group::B0Tree => {
            let (l, l2) = (v.tok(toks, v.b0li), v.tok(toks, v.b0l2i));
            let nl = v.count(&st.nl, v.b0i);
            out.extend([
                f2(53, b0.w, nl),
                f2(54, b0.t, nl),
                f1(64, l.w),
                f1(65, l.t),
                f1(66, v.lab(v.b0li)),
                f1(79, l2.w),
                f1(80, l2.t),
                f1(81, v.lab(v.b0l2i)),
                f3(84, b0.t, l.t, l2.t),
                f2(89, b0.w, v.set(&st.lset, v.b0i)),
                f2(90, b0.t, v.set(&st.lset, v.b0i)),
                f1(113, l.c),
            ]);
        }
        Group::Rest => {
            out.push(bias());
            emit_rest_unbiased(v, toks, out);
        }
    }
}

/// Key of the bias feature (in [`Group::Rest`]), the same in every configuration.
pub(super) fn bias() -> u64 {
    f1(0, 0)
}

/// Append the keys of [`Group::Rest`] but the bias, whose class weights are the same in every
/// configuration, so that [`super::memo`] looks them up once per sentence.
pub(super) fn emit_rest_unbiased(v: &View, toks: &[PTok], out: &mut Vec<u64>) {
    let st = v.st;
    let (s0, s1, s2, b0, b1) = (v.s0, v.s1, v.s2, v.b0, v.b1);
    let (s0wt, b0wt) = (wt(s0), wt(b0));
    let (s0l, s0r, b0l) = (
        v.tok(toks, v.s0li),
        v.tok(toks, v.s0ri),
        v.tok(toks, v.b0li),
    );
    let (s1l, s1r) = (v.tok(toks, v.s1li), v.tok(toks, v.s1ri));
    let d01 = v.dist(v.s0i, v.b0i);
    let sl = st.stack.len();
    out.extend([
        f2(17, s0wt, b0wt),
        f2(18, s0wt, b0.w),
        f2(19, s0.w, b0wt),
        f2(20, s0wt, b0.t),
        f2(21, s0.t, b0wt),
        f2(22, s0.w, b0.w),
        f2(23, s0.t, b0.t),
        f3(31, s0.t, b0.t, b1.t),
        f3(32, s1.t, s0.t, b0.t),
        f3(33, s0.t, s0l.t, b0.t),
        f3(34, s0.t, s0r.t, b0.t),
        f3(35, s0.t, b0.t, b0l.t),
        f3(36, s1.t, s0.t, s0l.t),
        f3(37, s1.t, s0.t, s0r.t),
        f3(38, s1.t, s1r.t, s0.t),
        f3(39, s2.t, s1.t, s0.t),
        f3(40, s1.t, s1l.t, s0.t),
        f2(41, s0.w, d01),
        f2(42, s0.t, d01),
        f2(43, b0.w, d01),
        f2(44, b0.t, d01),
        f3(45, s0.t, b0.t, d01),
        f3(94, s0.t, sl.min(4) as u64, (st.b >= st.n) as u64),
        f3(95, s0.t, b0.t, v.lab(v.s0li)),
        f3(96, s1.t, s0.t, v.lab(v.s1ri)),
        f2(104, s0.c, b0.c),
        f2(105, s0.c, b0.t),
        f2(106, s0.t, b0.c),
    ]);
}

/// All feature keys of configuration `st` (every group), as training scores and updates them.
pub(super) fn features(st: &State, toks: &[PTok], out: &mut Vec<u64>) {
    out.clear();
    let v = View::new(st, toks);
    for g in GROUPS {
        emit(g, &v, toks, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups together hold all 111 templates, none is empty, and no two templates give
    /// the same key (what the memo's equivalence test in `memo.rs` then relies on).
    #[test]
    fn groups_partition_the_templates() {
        let toks: Vec<PTok> = (0..6)
            .map(|i| PTok {
                w: 100 + i,
                t: 200 + i % 3,
                c: 300 + i % 2,
            })
            .collect();
        let mut st = State::new(toks.len());
        // SHIFT, SHIFT, LEFT(label 1): a configuration with a stack, a buffer and an arc.
        st.apply(0);
        st.apply(0);
        st.apply(3);
        st.apply(0);
        let v = View::new(&st, &toks);
        let mut per_group = Vec::new();
        let mut all = Vec::new();
        for g in GROUPS {
            let mut out = Vec::new();
            emit(g, &v, &toks, &mut out);
            assert!(!out.is_empty(), "{g:?} has no templates");
            per_group.push(out.len());
            all.extend(out);
        }
        assert_eq!(per_group.iter().sum::<usize>(), 111);
        let mut dedup = all.clone();
        dedup.sort_unstable();
        dedup.dedup();
        assert_eq!(dedup.len(), all.len(), "two templates gave the same key");
    }
}
