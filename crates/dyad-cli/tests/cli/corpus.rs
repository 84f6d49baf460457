//! An invented corpus for the ingest reliability tests (`kill_resume`, `serve_ingest`): short
//! news items made from templates (every one different, with events between named leaders), and
//! bad records of each kind the readers reject, at fixed places.

use std::path::Path;

/// splitmix64: a small deterministic generator (no crate needed for a test corpus).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

const LEADERS: &[(&str, &str)] = &[
    ("Macron", "France"),
    ("Scholz", "Germany"),
    ("Erdogan", "Turkey"),
    ("Modi", "India"),
    ("Lula", "Brazil"),
    ("Ramaphosa", "South Africa"),
    ("Kishida", "Japan"),
    ("Albanese", "Australia"),
    ("Sanchez", "Spain"),
    ("Meloni", "Italy"),
];
const VERBS: &[&str] = &[
    "met",
    "criticized",
    "praised",
    "accused",
    "thanked",
    "threatened",
    "called",
];
const CITIES: &[&str] = &[
    "Paris", "Berlin", "Ankara", "Delhi", "Brasilia", "Pretoria", "Tokyo", "Canberra", "Madrid",
    "Rome",
];
const TOPICS: &[&str] = &[
    "trade",
    "energy",
    "migration",
    "security",
    "climate",
    "debt",
    "fisheries",
    "railways",
    "vaccines",
    "satellites",
];

/// JSON Lines input for `dyad ingest` and what an ingest of it must give.
pub struct Corpus {
    /// One input line each (without the newline); some are not valid UTF-8.
    pub lines: Vec<Vec<u8>>,
    /// Records that must be stored (each exactly once).
    pub good: usize,
    /// Records that must be rejected.
    pub rejected: usize,
}

impl Corpus {
    pub fn write(&self, path: &Path) {
        let mut out = Vec::new();
        for l in &self.lines {
            out.extend_from_slice(l);
            out.push(b'\n');
        }
        std::fs::write(path, out).unwrap();
    }
}

/// `n` articles `{"id","date","title","text"}` plus, at fixed places, a line that is not JSON,
/// a record without text, a line with invalid UTF-8, an empty text (all four rejected) and a
/// repeated id (stored, renamed `ID~2`).
pub fn raw(n: usize, seed: u64) -> Corpus {
    let mut r = Rng::new(seed);
    let mut lines = Vec::new();
    for i in 0..n {
        let a = *r.pick(LEADERS);
        let mut b = *r.pick(LEADERS);
        while b == a {
            b = *r.pick(LEADERS);
        }
        let (verb, city) = (r.pick(VERBS), r.pick(CITIES));
        let (topic, other) = (r.pick(TOPICS), r.pick(TOPICS));
        let date = format!("2024-{:02}-{:02}", 1 + r.below(12), 1 + r.below(28));
        let text = format!(
            "{} {verb} {} in {city} on Tuesday over {topic}. The {} government said talks on \
             {other} would continue next month. Officials in {} declined to comment on report \
             number {i}.",
            a.0, b.0, a.1, b.1
        );
        let rec = serde_json::json!({
            "id": format!("g{i:04}"),
            "date": date,
            "title": format!("{} and {} on {topic} ({i})", a.0, b.0),
            "text": text,
        });
        lines.push(rec.to_string().into_bytes());
        match i {
            _ if i == n / 5 => lines.push(b"{not json".to_vec()),
            _ if i == 2 * n / 5 => lines.push(br#"{"id":"no-text","date":"2024-01-01"}"#.to_vec()),
            _ if i == n / 2 => lines.push(
                serde_json::json!({"id": "g0000", "date": "2024-02-02",
                    "text": format!("{} met {} in {city} again.", b.0, a.0)})
                .to_string()
                .into_bytes(),
            ),
            _ if i == 3 * n / 5 => {
                lines.push(b"{\"id\":\"bad-utf8\",\"text\":\"a \xff b\"}".to_vec())
            }
            _ if i == 4 * n / 5 => lines.push(br#"{"id":"empty","text":""}"#.to_vec()),
            _ => {}
        }
    }
    Corpus {
        lines,
        good: n + 1,
        rejected: 4,
    }
}

/// Schema-1 JSON Lines (`dyad code` output, `good` documents) with three lines `dyad ingest
/// --from-jsonl` must reject: not JSON, invalid UTF-8, JSON that is not a schema-1 document.
pub fn coded_with_bad_lines(coded: &str) -> Corpus {
    let docs: Vec<&str> = coded.lines().filter(|l| !l.trim().is_empty()).collect();
    let n = docs.len();
    let mut lines = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        lines.push(d.as_bytes().to_vec());
        match i {
            _ if i == n / 4 => lines.push(b"{not json".to_vec()),
            _ if i == n / 2 => lines.push(b"{\"id\":\"x\xfe\"}".to_vec()),
            _ if i == 3 * n / 4 => lines.push(br#"{"id":"not-a-document"}"#.to_vec()),
            _ => {}
        }
    }
    Corpus {
        lines,
        good: n,
        rejected: 3,
    }
}

/// The counts of an ingest's summary line: read, stored, replaced, skipped, rejected.
pub fn summary(stderr: &str) -> [usize; 5] {
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.contains(" documents read, "))
        .unwrap_or_else(|| panic!("no summary line in {stderr}"));
    let nums: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .filter(|w| !w.is_empty() && !w.contains('.'))
        .take(5)
        .map(|w| w.parse().unwrap())
        .collect();
    nums.try_into()
        .unwrap_or_else(|_| panic!("summary line {line:?}"))
}
