//! Boosted depth-2 decision trees over sparse string features, the attribution filter's learner
//! since branch `quotes8` (docs/models.md, "Quote attribution filter").
//!
//! A logistic model adds one weight per feature; it cannot say that a feature matters only
//! together with another ("the content is a `that` clause" *and* "the speaker is a pronoun").
//! Each tree here tests one feature, then another on each side, and adds a value to the log-odds;
//! gradient boosting (second order, as XGBoost) fits the trees one after another. Training is
//! deterministic: features are indexed in sorted order, ties go to the lower index, sums run in
//! example order.

use std::collections::{BTreeMap, HashSet};

/// One split of a tree's second level: the feature tested (none: a leaf) and the values added
/// when it is present and absent.
#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    /// The feature tested; `None`: a leaf (`yes` and `no` are equal).
    pub feature: Option<String>,
    /// The value added when the feature is present.
    pub yes: f32,
    /// The value added when it is absent.
    pub no: f32,
}

/// A depth-2 tree: the root feature, the branch taken when it is present and when it is absent.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    /// The feature tested first.
    pub root: String,
    /// The branch taken when it is present.
    pub yes: Branch,
    /// The branch taken when it is absent.
    pub no: Branch,
}

impl Tree {
    /// The value the tree adds for a candidate with these features.
    pub fn value(&self, feats: &HashSet<&str>) -> f32 {
        let b = if feats.contains(self.root.as_str()) {
            &self.yes
        } else {
            &self.no
        };
        match &b.feature {
            Some(f) if feats.contains(f.as_str()) => b.yes,
            Some(_) => b.no,
            None => b.yes,
        }
    }

    /// The tree as a line of the model file (`tree`, root, then per branch its feature or `-`
    /// and the two values).
    pub fn to_line(&self) -> String {
        let b = |b: &Branch| {
            format!(
                "{}\t{}\t{}",
                b.feature.as_deref().unwrap_or("-"),
                b.yes,
                b.no
            )
        };
        format!("tree\t{}\t{}\t{}", self.root, b(&self.yes), b(&self.no))
    }

    /// Parse a line written by `to_line`.
    pub fn parse(line: &str) -> Result<Tree, String> {
        let p: Vec<&str> = line.split('\t').collect();
        if p.len() != 8 || p[0] != "tree" {
            return Err("expected tree<TAB>ROOT then twice FEATURE<TAB>YES<TAB>NO".into());
        }
        let num = |s: &str| {
            s.parse::<f32>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| format!("not a number: {s:?}"))
        };
        let branch = |f: &str, y: &str, n: &str| -> Result<Branch, String> {
            Ok(Branch {
                feature: (f != "-").then(|| f.to_string()),
                yes: num(y)?,
                no: num(n)?,
            })
        };
        if p[1].is_empty() || p[1] == "-" {
            return Err("a tree needs a root feature".into());
        }
        Ok(Tree {
            root: p[1].to_string(),
            yes: branch(p[2], p[3], p[4])?,
            no: branch(p[5], p[6], p[7])?,
        })
    }
}

/// Learner settings.
#[derive(Debug, Clone, Copy)]
pub struct Boost {
    /// Number of trees.
    pub rounds: usize,
    /// Shrinkage of each tree's values.
    pub eta: f64,
    /// L2 penalty on a leaf value (XGBoost's lambda).
    pub lambda: f64,
    /// Features seen in fewer training examples are not tested.
    pub min_count: usize,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Train trees on `(features, label)` examples, starting from `base` (the log-odds each example
/// starts with, e.g. a logistic model's; empty: the prior log-odds, returned as the bias).
/// Returns the bias and the trees; leaf values are rounded to three decimals.
pub fn train(examples: &[(Vec<String>, bool)], base: &[f32], cfg: Boost) -> (f32, Vec<Tree>) {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for (f, _) in examples {
        let uniq: HashSet<&str> = f.iter().map(String::as_str).collect();
        for x in uniq {
            *count.entry(x).or_default() += 1;
        }
    }
    let names: Vec<&str> = count
        .iter()
        .filter(|(_, &c)| c >= cfg.min_count)
        .map(|(f, _)| *f)
        .collect();
    let index: std::collections::HashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, f)| (*f, i as u32))
        .collect();
    let rows: Vec<Vec<u32>> = examples
        .iter()
        .map(|(f, _)| {
            let mut ix: Vec<u32> = f
                .iter()
                .filter_map(|x| index.get(x.as_str()).copied())
                .collect();
            ix.sort_unstable();
            ix.dedup();
            ix
        })
        .collect();
    let y: Vec<f64> = examples
        .iter()
        .map(|e| if e.1 { 1.0 } else { 0.0 })
        .collect();
    let n = rows.len();
    let (bias, mut score): (f32, Vec<f64>) = if base.len() == n {
        (0.0, base.iter().map(|&b| b as f64).collect())
    } else {
        let pos = y.iter().sum::<f64>().clamp(1.0, (n as f64 - 1.0).max(1.0));
        let b = (pos / (n as f64 - pos).max(1.0)).ln();
        let b = ((b * 1000.0).round() / 1000.0) as f32;
        (b, vec![b as f64; n])
    };
    let d = names.len();
    let mut gsum = vec![0f64; d];
    let mut hsum = vec![0f64; d];
    let mut touched: Vec<u32> = Vec::new();
    let has = |i: usize, j: u32| rows[i].binary_search(&j).is_ok();
    let round = |x: f64| ((x * 1000.0).round() / 1000.0) as f32;
    let mut trees = Vec::new();
    // The best feature to split `ids` on (gain over not splitting), with the sums of `ids`.
    let mut best_split = |ids: &[usize], g: &[f64], h: &[f64]| -> Option<u32> {
        touched.clear();
        let (mut gt, mut ht) = (0f64, 0f64);
        for &i in ids {
            gt += g[i];
            ht += h[i];
            for &j in &rows[i] {
                if gsum[j as usize] == 0.0 && hsum[j as usize] == 0.0 {
                    touched.push(j);
                }
                gsum[j as usize] += g[i];
                hsum[j as usize] += h[i];
            }
        }
        touched.sort_unstable();
        let base = gt * gt / (ht + cfg.lambda);
        let mut best: (f64, Option<u32>) = (1e-9, None);
        for &j in &touched {
            let (gl, hl) = (gsum[j as usize], hsum[j as usize]);
            let (gr, hr) = (gt - gl, ht - hl);
            if hl >= 1.0 && hr >= 1.0 {
                let gain = gl * gl / (hl + cfg.lambda) + gr * gr / (hr + cfg.lambda) - base;
                if gain > best.0 {
                    best = (gain, Some(j));
                }
            }
            gsum[j as usize] = 0.0;
            hsum[j as usize] = 0.0;
        }
        best.1
    };
    let leaf = |ids: &[usize], g: &[f64], h: &[f64]| -> f64 {
        let gs: f64 = ids.iter().map(|&i| g[i]).sum();
        let hs: f64 = ids.iter().map(|&i| h[i]).sum();
        -gs / (hs + cfg.lambda) * cfg.eta
    };
    for _ in 0..cfg.rounds {
        let p: Vec<f64> = score.iter().map(|&z| sigmoid(z)).collect();
        let g: Vec<f64> = (0..n).map(|i| p[i] - y[i]).collect();
        let h: Vec<f64> = (0..n).map(|i| (p[i] * (1.0 - p[i])).max(1e-6)).collect();
        let all: Vec<usize> = (0..n).collect();
        let Some(j) = best_split(&all, &g, &h) else {
            break;
        };
        let (yes, no): (Vec<usize>, Vec<usize>) = all.iter().partition(|&&i| has(i, j));
        let mut branch = |part: &[usize]| -> Branch {
            let b = match best_split(part, &g, &h) {
                Some(j2) => {
                    let (a, b): (Vec<usize>, Vec<usize>) = part.iter().partition(|&&i| has(i, j2));
                    Branch {
                        feature: Some(names[j2 as usize].to_string()),
                        yes: round(leaf(&a, &g, &h)),
                        no: round(leaf(&b, &g, &h)),
                    }
                }
                None => {
                    let v = round(leaf(part, &g, &h));
                    Branch {
                        feature: None,
                        yes: v,
                        no: v,
                    }
                }
            };
            for &i in part {
                let v = match &b.feature {
                    Some(f) if has(i, index[f.as_str()]) => b.yes,
                    Some(_) => b.no,
                    None => b.yes,
                };
                score[i] += v as f64;
            }
            b
        };
        let yb = branch(&yes);
        let nb = branch(&no);
        trees.push(Tree {
            root: names[j as usize].to_string(),
            yes: yb,
            no: nb,
        });
    }
    (bias, trees)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(f: &[&str], y: bool) -> (Vec<String>, bool) {
        (f.iter().map(|s| s.to_string()).collect(), y)
    }

    #[test]
    fn learns_a_conjunction_and_round_trips() {
        // The label is "a and b": no single feature separates it, one depth-2 tree does.
        let mut data = Vec::new();
        for i in 0..400 {
            let a = i % 2 == 0;
            let b = i % 3 == 0;
            let mut f = vec!["x"];
            if a {
                f.push("a");
            }
            if b {
                f.push("b");
            }
            data.push(ex(&f, a && b));
        }
        let cfg = Boost {
            rounds: 30,
            eta: 0.3,
            lambda: 1.0,
            min_count: 1,
        };
        let (bias, trees) = train(&data, &[], cfg);
        let score = |f: &[&str]| {
            let s: HashSet<&str> = f.iter().copied().collect();
            bias + trees.iter().map(|t| t.value(&s)).sum::<f32>()
        };
        assert!(score(&["x", "a", "b"]) > 1.0);
        assert!(score(&["x", "a"]) < -1.0);
        assert!(score(&["x", "b"]) < -1.0);
        for t in &trees {
            assert_eq!(&Tree::parse(&t.to_line()).unwrap(), t);
        }
        // Deterministic.
        assert_eq!(train(&data, &[], cfg).1, trees);
    }

    #[test]
    fn bad_tree_lines_are_refused() {
        assert!(Tree::parse("tree\ta\tb\t1\t2").is_err());
        assert!(Tree::parse("tree\ta\tb\t1\tx\t-\t0\t0").is_err());
        assert!(Tree::parse("tree\t-\tb\t1\t2\t-\t0\t0").is_err());
    }
}
