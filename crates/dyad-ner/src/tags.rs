//! Tag schemes: IOB1 (CoNLL-2003 files), IOB2 (Dyad's `ner` output) and BILOU (the model's
//! internal tags). BILOU lets the decoder forbid ill-formed sequences and gives each entity
//! boundary its own weights, which helps a linear model.

/// The four CoNLL entity types, in the model's fixed order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Number of BILOU tags: `O` plus B, I, L, U for each type.
pub const N_TAGS: usize = 1 + 4 * TYPES.len();

/// Position part of a BILOU tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// Outside any entity.
    O,
    /// First token of a multi-token entity.
    B,
    /// Inside a multi-token entity.
    I,
    /// Last token of a multi-token entity.
    L,
    /// Single-token entity.
    U,
}

/// A BILOU tag as a small index: 0 = `O`, then `1 + 4 * type + {B=0, I=1, L=2, U=3}`.
pub type Tag = u8;

/// The `O` tag.
pub const O: Tag = 0;

/// Builds a tag from a position and a type index (`pos` must not be `O`).
pub fn tag(pos: Pos, ty: usize) -> Tag {
    let p = match pos {
        Pos::O => return O,
        Pos::B => 0,
        Pos::I => 1,
        Pos::L => 2,
        Pos::U => 3,
    };
    (1 + 4 * ty + p) as Tag
}

/// Splits a tag into position and type index (type is 0 for `O`).
pub fn split(t: Tag) -> (Pos, usize) {
    if t == O {
        return (Pos::O, 0);
    }
    let k = (t - 1) as usize;
    let pos = match k % 4 {
        0 => Pos::B,
        1 => Pos::I,
        2 => Pos::L,
        _ => Pos::U,
    };
    (pos, k / 4)
}

/// Printable name of a BILOU tag (`O`, `B-PER`, `U-LOC`, …).
pub fn name(t: Tag) -> String {
    match split(t) {
        (Pos::O, _) => "O".to_string(),
        (p, ty) => format!("{:?}-{}", p, TYPES[ty]),
    }
}

/// Whether `next` may follow `prev` in a well-formed BILOU sequence (`None` = sentence start).
pub fn allowed(prev: Option<Tag>, next: Tag) -> bool {
    let open = prev
        .map(|p| matches!(split(p).0, Pos::B | Pos::I))
        .unwrap_or(false);
    let (np, nt) = split(next);
    if open {
        let pt = split(prev.unwrap_or(O)).1;
        matches!(np, Pos::I | Pos::L) && nt == pt
    } else {
        matches!(np, Pos::O | Pos::B | Pos::U)
    }
}

/// Whether a sequence may end on `last`.
pub fn allowed_end(last: Tag) -> bool {
    matches!(split(last).0, Pos::O | Pos::L | Pos::U)
}

/// An entity as a token range and a type index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index into [`TYPES`].
    pub ty: usize,
}

/// Index of a type name in [`TYPES`].
pub fn type_index(name: &str) -> Option<usize> {
    TYPES.iter().position(|t| *t == name)
}

/// Chunks of a sequence of IOB tags (IOB1 or IOB2, as strings) following conlleval's rules: a chunk
/// starts at `B-X`, at `I-X` after `O` or another type, and ends before `O`, `B-*` or another type.
/// Returns `(start, end, type)` token ranges; types are kept as written.
pub fn iob_chunks(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (prefix, ty) = parse_iob(t);
        let starts = match prefix {
            'B' | 'S' | 'U' => true,
            'I' | 'E' | 'L' => open.as_ref().map(|(_, oty)| oty != ty).unwrap_or(true),
            _ => false,
        };
        let ends_here = prefix == 'O' || starts;
        if ends_here {
            if let Some((s, oty)) = open.take() {
                out.push((s, i, oty));
            }
        }
        if starts {
            open = Some((i, ty.to_string()));
        }
        // conlleval also closes a chunk after E-/S-/U-/L- tags.
        if matches!(prefix, 'E' | 'S' | 'U' | 'L') {
            if let Some((s, oty)) = open.take() {
                out.push((s, i + 1, oty));
            }
        }
    }
    if let Some((s, oty)) = open {
        out.push((s, tags.len(), oty));
    }
    out
}

fn parse_iob(t: &str) -> (char, &str) {
    if t == "O" || t.len() < 2 {
        return ('O', "");
    }
    match t.split_once('-') {
        Some((p, ty)) if p.len() == 1 => (p.chars().next().unwrap_or('O'), ty),
        _ => ('O', ""),
    }
}

/// Converts IOB1 tags (CoNLL-2003: `I-X` unless two entities of one type touch) to IOB2 (every
/// entity starts with `B-X`). Unknown strings are kept as they are.
pub fn iob1_to_iob2(tags: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
    for (s, _e, ty) in iob_chunks(tags) {
        out[s] = format!("B-{ty}");
    }
    out
}

/// Converts IOB tags (IOB1 or IOB2) to BILOU tag indices; chunks of unknown types become `O`.
pub fn iob_to_bilou(tags: &[&str]) -> Vec<Tag> {
    let mut out = vec![O; tags.len()];
    for (s, e, ty) in iob_chunks(tags) {
        let Some(t) = type_index(&ty) else { continue };
        if e - s == 1 {
            out[s] = tag(Pos::U, t);
        } else {
            out[s] = tag(Pos::B, t);
            for o in out.iter_mut().take(e - 1).skip(s + 1) {
                *o = tag(Pos::I, t);
            }
            out[e - 1] = tag(Pos::L, t);
        }
    }
    out
}

/// Chunks of a BILOU sequence (robust to ill-formed input: a stray `I`/`L` opens a chunk).
pub fn bilou_chunks(tags: &[Tag]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let (p, ty) = split(t);
        match p {
            Pos::O => {
                if let Some((s, oty)) = open.take() {
                    out.push(Chunk {
                        start: s,
                        end: i,
                        ty: oty,
                    });
                }
            }
            Pos::B | Pos::U => {
                if let Some((s, oty)) = open.take() {
                    out.push(Chunk {
                        start: s,
                        end: i,
                        ty: oty,
                    });
                }
                if p == Pos::U {
                    out.push(Chunk {
                        start: i,
                        end: i + 1,
                        ty,
                    });
                } else {
                    open = Some((i, ty));
                }
            }
            Pos::I | Pos::L => {
                let s = match open {
                    Some((s, oty)) if oty == ty => s,
                    Some((s, oty)) => {
                        out.push(Chunk {
                            start: s,
                            end: i,
                            ty: oty,
                        });
                        i
                    }
                    None => i,
                };
                if p == Pos::L {
                    out.push(Chunk {
                        start: s,
                        end: i + 1,
                        ty,
                    });
                    open = None;
                } else {
                    open = Some((s, ty));
                }
            }
        }
    }
    if let Some((s, ty)) = open {
        out.push(Chunk {
            start: s,
            end: tags.len(),
            ty,
        });
    }
    out
}

/// IOB2 strings for a BILOU sequence (`B-X` at each chunk start, `I-X` inside, `O` elsewhere).
pub fn bilou_to_iob2(tags: &[Tag]) -> Vec<String> {
    let mut out = vec!["O".to_string(); tags.len()];
    for c in bilou_chunks(tags) {
        out[c.start] = format!("B-{}", TYPES[c.ty]);
        for o in out.iter_mut().take(c.end).skip(c.start + 1) {
            *o = format!("I-{}", TYPES[c.ty]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_becomes_iob2() {
        let iob1 = ["I-ORG", "O", "I-PER", "I-PER", "B-PER", "I-LOC", "I-MISC"];
        let iob2 = iob1_to_iob2(&iob1);
        assert_eq!(
            iob2,
            ["B-ORG", "O", "B-PER", "I-PER", "B-PER", "B-LOC", "B-MISC"]
        );
        // IOB2 input is left as it is.
        let again: Vec<&str> = iob2.iter().map(|s| s.as_str()).collect();
        assert_eq!(iob1_to_iob2(&again), iob2);
    }

    #[test]
    fn bilou_round_trip() {
        let iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-LOC", "I-LOC"];
        let b = iob_to_bilou(&iob1);
        let names: Vec<String> = b.iter().map(|&t| name(t)).collect();
        assert_eq!(
            names,
            ["B-PER", "L-PER", "U-PER", "O", "B-LOC", "I-LOC", "L-LOC"]
        );
        assert_eq!(
            bilou_to_iob2(&b),
            ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "I-LOC", "I-LOC"]
        );
    }

    #[test]
    fn transitions_are_constrained() {
        let b_per = tag(Pos::B, 0);
        assert!(allowed(None, b_per));
        assert!(!allowed(None, tag(Pos::I, 0)));
        assert!(allowed(Some(b_per), tag(Pos::L, 0)));
        assert!(!allowed(Some(b_per), tag(Pos::L, 1)));
        assert!(!allowed(Some(b_per), O));
        assert!(!allowed_end(b_per));
        assert!(allowed_end(tag(Pos::U, 3)));
        for t in 0..N_TAGS as Tag {
            let (p, ty) = split(t);
            assert_eq!(tag(p, ty), t);
        }
    }

    #[test]
    fn stray_tags_still_make_chunks() {
        let c = bilou_chunks(&[tag(Pos::I, 2), tag(Pos::I, 2), O, tag(Pos::B, 1)]);
        assert_eq!(
            c,
            vec![
                Chunk {
                    start: 0,
                    end: 2,
                    ty: 2
                },
                Chunk {
                    start: 3,
                    end: 4,
                    ty: 1
                }
            ]
        );
    }
}
