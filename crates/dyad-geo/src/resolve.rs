//! Disambiguation: choosing one gazetteer entry per mention by prior, document context and local
//! patterns.
//!
//! Scores are additive and small enough to reason about:
//! - prior: countries 10, continents 9.5, hand-written features 9, cities log10(population),
//!   first-level regions log10(population) − 0.5; a hand alias (preferred reading) +2, an alternate
//!   (foreign) spelling −1.5;
//! - context, from the current readings of the *other* mentions (first by prior alone, then twice
//!   re-scored): for a city or region, other places in
//!   the same country +4 (+1.5 per extra, cities capped at +3.5), its country named +1, a place in the
//!   same first-level region +2 (+3 for a region whose capital or city is named), for a region other
//!   regions of its country named +1.5; for a country, its
//!   cities or regions named +2.5, a neighbour named +1;
//! - local patterns: "Sochi, Russia" / "Paris (Texas)" +10 (+12 same region), "Russia's Black Sea
//!   coast" / "Ukraine's Kharkiv" +10, cue words ("state of", "X region", "city of", "country of") +6.
//!
//! A town under a third of the population of a namesake city gets at most +0.5 from context outside
//! its own first-level region (Moscow, Idaho does not beat Moscow because an article is American).
//!
//! The readings a scan found are first pruned: a region that shares its name with a city inside it,
//! or with a city of its country of at least a fifth of its population, yields to the city ("Kiev",
//! "Moscow", "Donetsk") unless a region cue follows ("Donetsk region"); then the best scoring reading
//! wins (ties: the earlier entry, so output is deterministic).

use crate::gazetteer::{Entry, Feature, Gazetteer, NameKind, NameRef};
use crate::mentions::{Mention, Need, Words};
use std::collections::{BTreeMap, BTreeSet};

fn prior(g: &Gazetteer, r: NameRef) -> f64 {
    let e = g.entry(r);
    let base = if e.hand {
        9.0
    } else {
        match e.feature {
            Feature::Country => 10.0,
            Feature::Continent => 9.5,
            Feature::Admin1 => (e.population as f64 + 1.0).log10() - 0.5,
            _ => (e.population as f64 + 1.0).log10(),
        }
    };
    base + match r.kind {
        NameKind::Alias => 2.0,
        NameKind::Primary => 0.0,
        NameKind::Alternate => -1.5,
    }
}

/// Drop readings the cue words rule out; keep at least one.
fn prune(g: &Gazetteer, m: &Mention) -> Vec<NameRef> {
    let mut c = m.cands.clone();
    let has = |c: &[NameRef], f: Feature| c.iter().any(|r| g.entry(*r).feature == f);
    if m.region_cue && has(&c, Feature::Admin1) {
        c.retain(|r| g.entry(*r).feature != Feature::City);
    } else {
        // Cities known by this name as their own (not by a foreign alternate spelling): country → the
        // biggest one's population.
        let mut cities: BTreeMap<&str, u64> = BTreeMap::new();
        let mut seats: BTreeSet<(&str, &str)> = BTreeSet::new();
        for e in c
            .iter()
            .filter(|r| r.kind != NameKind::Alternate)
            .map(|r| g.entry(*r))
        {
            if let (Feature::City, Some(k)) = (e.feature, e.country.as_deref()) {
                let p = cities.entry(k).or_default();
                *p = (*p).max(e.population);
                seats.insert((k, e.admin1.as_str()));
            }
        }
        // A region yields to a same-name city inside it (the region is named after its seat:
        // Donetsk) or of its country and not small beside it (a fifth of the region's population:
        // Kyiv beside Kiev region, but not Wyoming, Michigan beside the state of Wyoming).
        let keep: Vec<NameRef> = c
            .iter()
            .copied()
            .filter(|r| {
                let e = g.entry(*r);
                let Some(k) = e.country.as_deref() else {
                    return true;
                };
                let city = cities.get(k).copied();
                e.feature != Feature::Admin1
                    || (!seats.contains(&(k, e.admin1.as_str()))
                        && city.is_none_or(|p| p.saturating_mul(5) < e.population))
            })
            .collect();
        if !keep.is_empty() {
            c = keep;
        }
    }
    c
}

/// What the unambiguous mentions of a document say about where it is.
#[derive(Default)]
struct Context<'g> {
    /// Country → number of anchors that are that country.
    countries: BTreeMap<&'g str, i32>,
    /// Country → number of anchors that are places inside it (cities, regions, features).
    inside: BTreeMap<&'g str, i32>,
    /// (country, admin1) → number of anchors in that first-level region.
    admin1: BTreeMap<(&'g str, &'g str), i32>,
    /// Country → number of anchors that are first-level regions of it.
    regions: BTreeMap<&'g str, i32>,
}

impl<'g> Context<'g> {
    fn add(&mut self, e: &'g Entry, delta: i32) {
        let Some(c) = e.country.as_deref() else {
            return;
        };
        if e.feature == Feature::Country {
            *self.countries.entry(c).or_default() += delta;
        } else {
            *self.inside.entry(c).or_default() += delta;
            if e.feature == Feature::Admin1 {
                *self.regions.entry(c).or_default() += delta;
            }
            if !e.admin1.is_empty() {
                *self.admin1.entry((c, e.admin1.as_str())).or_default() += delta;
            }
        }
    }

    fn count(map: &BTreeMap<&'g str, i32>, c: &str) -> i32 {
        map.get(c).copied().unwrap_or(0).max(0)
    }

    /// (general context, same-first-level-region bonus) for reading `e`.
    fn score(&self, e: &Entry) -> (f64, f64) {
        let Some(c) = e.country.as_deref() else {
            return (0.0, 0.0);
        };
        let named = Self::count(&self.countries, c);
        let inside = Self::count(&self.inside, c);
        match e.feature {
            Feature::Country => {
                let mut s = if inside > 0 { 2.5 } else { 0.0 };
                let neighbour = e.neighbours.iter().any(|n| {
                    Self::count(&self.countries, n) > 0 || Self::count(&self.inside, n) > 0
                });
                if neighbour {
                    s += 1.0;
                }
                (s, 0.0)
            }
            Feature::City | Feature::Admin1 => {
                let mut s = if named > 0 { 1.0 } else { 0.0 };
                if inside > 0 {
                    let sub = 4.0 + 1.5 * f64::from((inside - 1).min(3));
                    s += if e.feature == Feature::City {
                        sub.min(3.5)
                    } else {
                        sub
                    };
                }
                if e.feature == Feature::Admin1 && Self::count(&self.regions, c) > 0 {
                    s += 1.5;
                }
                let same_admin = self
                    .admin1
                    .get(&(c, e.admin1.as_str()))
                    .copied()
                    .unwrap_or(0)
                    > 0;
                let admin = match (same_admin && !e.admin1.is_empty(), e.feature) {
                    (false, _) => 0.0,
                    (true, Feature::Admin1) => 3.0,
                    (true, _) => 2.0,
                };
                (s, admin)
            }
            _ => (if named > 0 || inside > 0 { 1.0 } else { 0.0 }, 0.0),
        }
    }
}

/// The chosen reading of each mention (`None` when the mention is dropped), in mention order.
pub(crate) fn resolve(g: &Gazetteer, w: &Words<'_>, mentions: &[Mention]) -> Vec<Option<NameRef>> {
    let cands: Vec<Vec<NameRef>> = mentions.iter().map(|m| prune(g, m)).collect();

    // Round 0: each mention's best reading by prior alone. Then twice: re-score every reading with the
    // context of the *other* mentions' current readings plus local patterns. Mentions that must show
    // evidence and have none contribute no context.
    let mut current: Vec<Option<(NameRef, bool)>> = mentions
        .iter()
        .zip(&cands)
        .map(|(m, c)| {
            let best = c
                .iter()
                .copied()
                .fold(None, |b: Option<(f64, NameRef)>, r| {
                    let s = prior(g, r);
                    if b.is_none_or(|(bs, _)| s > bs) {
                        Some((s, r))
                    } else {
                        b
                    }
                });
            best.map(|(_, r)| (r, m.need == Need::Nothing || m.evidence))
        })
        .collect();
    for _round in 0..2 {
        let mut ctx = Context::default();
        for (r, _) in current.iter().flatten().filter(|(_, counts)| *counts) {
            ctx.add(g.entry(*r), 1);
        }
        let mut next = Vec::with_capacity(mentions.len());
        for (k, (m, c)) in mentions.iter().zip(&cands).enumerate() {
            let own = current[k]
                .filter(|(_, counts)| *counts)
                .map(|(r, _)| g.entry(r));
            if let Some(e) = own {
                ctx.add(e, -1);
            }
            let mut best: Option<(f64, NameRef, bool)> = None;
            let biggest_city = c
                .iter()
                .map(|r| g.entry(*r))
                .filter(|e| e.feature == Feature::City)
                .map(|e| e.population)
                .max();
            for &r in c {
                let e = g.entry(r);
                let (mut context, admin) = ctx.score(e);
                // A town much smaller than a namesake city gets little from country-level context:
                // Moscow, Idaho and Geneva, Illinois need their state (or "Moscow, Idaho"), not just
                // American surroundings.
                if e.feature == Feature::City
                    && biggest_city.is_some_and(|b| e.population.saturating_mul(3) < b)
                {
                    context = context.min(0.5);
                }
                let context = context + admin;
                let local = patterns(g, w, mentions, &cands, k, e);
                let s = prior(g, r) + context + local;
                if best.is_none_or(|(bs, _, _)| s > bs) {
                    let shown = match m.need {
                        Need::Nothing => true,
                        Need::Context => m.evidence || local > 0.0 || context > 0.0,
                        Need::Evidence => m.evidence || local > 0.0,
                    };
                    best = Some((s, r, shown));
                }
            }
            if let Some(e) = own {
                ctx.add(e, 1);
            }
            next.push(best.map(|(_, r, shown)| (r, shown)));
        }
        current = next;
    }
    current
        .into_iter()
        .map(|c| c.filter(|(_, keep)| *keep).map(|(r, _)| r))
        .collect()
}

/// Local evidence for reading `e` of mention `k` from its neighbours and cue words.
fn patterns(
    g: &Gazetteer,
    w: &Words<'_>,
    ms: &[Mention],
    cands: &[Vec<NameRef>],
    k: usize,
    e: &Entry,
) -> f64 {
    let m = &ms[k];
    let mut s = 0.0;
    // Cue words.
    if m.region_cue && e.feature == Feature::Admin1 {
        s += 6.0;
    }
    if m.city_cue && e.feature == Feature::City {
        s += 6.0;
    }
    if m.country_cue && e.feature == Feature::Country {
        s += 6.0;
    }
    let Some(country) = e.country.as_deref() else {
        return s;
    };
    // "Sochi, Russia", "Paris (Texas)", "Atlanta, Georgia".
    if let Some(n) = ms.get(k + 1) {
        if n.w0 == m.w1 + 1 && matches!(w.str(m.w1), "," | "(") {
            let mut best: f64 = 0.0;
            for r in &cands[k + 1] {
                let q = g.entry(*r);
                if q.country.as_deref() != Some(country) || e.feature == Feature::Country {
                    continue;
                }
                best = best.max(match q.feature {
                    Feature::Country => 10.0,
                    Feature::Admin1 if q.admin1 == e.admin1 && e.feature == Feature::City => 12.0,
                    Feature::Admin1 => 4.0,
                    _ => 0.0,
                });
            }
            s += best;
        }
    }
    // "Russia's Black Sea coast", "Ukraine's Kharkiv region": a possessive country just before.
    if k > 0 {
        let p = &ms[k - 1];
        let between = m.w0.saturating_sub(p.w1);
        if (1..=3).contains(&between)
            && matches!(w.str(p.w1), "'s" | "’s" | "'S" | "’S")
            && (p.w1 + 1..m.w0).all(|x| w.words[x].alpha)
            && cands[k - 1].iter().any(|r| {
                let q = g.entry(*r);
                q.feature == Feature::Country && q.country.as_deref() == Some(country)
            })
            && e.feature != Feature::Country
        {
            s += 10.0;
        }
    }
    s
}
