//! Who was in an anonymous announcement? Identified persons, what remains of the
//! breakdown, contradictions, and the candidates with the exact probability that each is
//! among the unidentified.
//!
//! The probability space: every selection of the remaining size from the candidates, and
//! for each selected person whose attribute is unknown, either value of it (vigil never
//! guesses an unknown attribute); a pair (selection, values) counts when every remaining
//! breakdown count holds; all such pairs are equally likely. Persons of the same attribute
//! type are interchangeable, so the count is a dynamic program over types, not a search,
//! kept in log space so thousands of candidates do not overflow.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::access::Audience;
use crate::date::{Day, PartialDate};
use crate::record::{Health, Sex};
use crate::registry::{age_on, PersonFacts, Registry, Status};

/// Pension ages by country, for the `pensioners` key. Belarus since 2022: women 58, men 63.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PensionAge {
    pub women: u32,
    pub men: u32,
}

/// The pension age configured for a country; `None` makes `pensioners` not checkable there.
#[must_use]
pub fn pension_age(country: Option<&str>) -> Option<PensionAge> {
    match country {
        Some(c) if c.eq_ignore_ascii_case("BY") => Some(PensionAge { women: 58, men: 63 }),
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Candidate {
    pub person: String,
    pub probability: f64,
}

/// The contract's answer to `vigil announcement ID`, with what else a monitor needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Identification {
    pub id: String,
    pub total: Option<u32>,
    pub identified: Vec<String>,
    pub remaining: BTreeMap<String, i64>,
    pub contradictions: Vec<String>,
    /// Best first.
    pub candidates: Vec<Candidate>,
    /// Prominent candidates, best first: "could a prominent person be among them?"
    pub prominent: Vec<Candidate>,
    /// Breakdown keys vigil has no attribute for.
    pub not_checkable: Vec<String>,
    /// Candidates with an unknown attribute that matters, counted as fitting either way.
    pub candidates_with_unknowns: usize,
    /// Identified persons and candidates left out of the lists because the audience may
    /// not see them (always 0 for a trusted audience). Probabilities still count them.
    pub identified_not_shown: usize,
    pub candidates_not_shown: usize,
    /// Why candidates were not computed, when they were not (the exact count would need
    /// more memory than allowed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidates_not_computed: Option<String>,
    /// Why the candidates' probabilities are approximate, when they are: the exact count
    /// would not fit, and the maximum-entropy approximation of the same space was taken
    /// (`identify::approx`; on generated waves it is within 2.1·10⁻⁴ of the exact count).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidates_approximate: Option<String>,
    /// For the public, the breakdown keys whose remaining counts (and the checks and
    /// candidates that rest on them) are withheld: fewer than `fewer_than` identified
    /// persons are not shown, and their attributes could be read off these figures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub withheld: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fewer_than: Option<i64>,
    /// Indexes into `contradictions` of the messages that count identified persons'
    /// attributes (what `withhold_small` takes out).
    #[serde(skip)]
    by_attribute: Vec<usize>,
}

impl Identification {
    /// The small-cell rule for a public answer: when one or two (fewer than `threshold`)
    /// identified persons are not shown, every figure that counts identified persons'
    /// attributes is withheld — the remaining count of each key other than the total,
    /// the checks comparing attributes with the breakdown, and the candidates, whose
    /// probabilities rest on those remainders. Counts and the total stay.
    pub fn withhold_small(&mut self, threshold: i64) {
        let hidden = self.identified_not_shown as i64;
        if threshold <= 1 || hidden == 0 || hidden >= threshold {
            return;
        }
        self.withheld = self
            .remaining
            .keys()
            .filter(|k| *k != "total")
            .cloned()
            .collect();
        self.remaining.retain(|k, _| k == "total");
        let by_attribute = std::mem::take(&mut self.by_attribute);
        let mut i = 0;
        self.contradictions.retain(|_| {
            i += 1;
            !by_attribute.contains(&(i - 1))
        });
        if !self.withheld.is_empty() {
            self.candidates.clear();
            self.prominent.clear();
            self.candidates_not_shown = 0;
            self.candidates_with_unknowns = 0;
            self.candidates_approximate = None;
            self.candidates_not_computed = Some(format!(
                "withheld: fewer than {threshold} identified persons are not shown publicly, and the candidates' chances would tell their attributes"
            ));
        }
        self.fewer_than = Some(threshold);
    }
}

mod approx;
mod count;

/// How far an approximate probability may be from the exact one, as said with it: the
/// largest difference measured on generated waves where both are counted
/// (`approx::tests`, docs/performance.md "Larger waves, approximately"), rounded up.
pub const APPROXIMATION_ERROR: f64 = 0.001;
#[cfg(test)]
mod scale;

pub use count::STATE_BUDGET;

/// A breakdown key vigil can check, and a person's value for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Women,
    Men,
    Under25,
    Minors,
    Pensioners,
    Disabled,
    Chronic,
}

impl Key {
    fn parse(k: &str) -> Option<Key> {
        Some(match k {
            "women" => Key::Women,
            "men" => Key::Men,
            "under_25" => Key::Under25,
            "minors" => Key::Minors,
            "pensioners" => Key::Pensioners,
            "disabled" => Key::Disabled,
            "chronic_illness" => Key::Chronic,
            _ => return None,
        })
    }
}

/// Whether a person has an attribute on a day: `Some` when known, `None` when unknown.
fn attribute(p: &PersonFacts, key: Key, on: Day, pension: Option<PensionAge>) -> Option<bool> {
    let ages = |birth: PartialDate| (age_on(birth.last_day(), on), age_on(birth.first_day(), on));
    // Known only when every day the birth date could stand for gives the same answer.
    let by_age = |test: &dyn Fn(u32) -> bool| {
        let (young, old) = ages(p.birth?);
        let (a, b) = (test(young.unwrap_or(0)), test(old.unwrap_or(0)));
        (a == b).then_some(a)
    };
    let health = |h: Health| p.health.as_ref().map(|v| v.contains(&h));
    match key {
        Key::Women => match p.sex? {
            Sex::Female => Some(true),
            Sex::Male => Some(false),
            Sex::Other | Sex::Unknown => None,
        },
        Key::Men => match p.sex? {
            Sex::Male => Some(true),
            Sex::Female => Some(false),
            Sex::Other | Sex::Unknown => None,
        },
        Key::Under25 => by_age(&|a| a < 25),
        Key::Minors => by_age(&|a| a < 18),
        Key::Pensioners => {
            let pension = pension?;
            match p.sex {
                Some(Sex::Female) => by_age(&|a| a >= pension.women),
                Some(Sex::Male) => by_age(&|a| a >= pension.men),
                // Unknown sex: known only if both thresholds agree.
                _ => {
                    let w = by_age(&|a| a >= pension.women)?;
                    let m = by_age(&|a| a >= pension.men)?;
                    (w == m).then_some(w)
                }
            }
        }
        Key::Disabled => health(Health::Disability),
        Key::Chronic => health(Health::ChronicIllness),
    }
}

/// Identification of one announcement; `None` if there is no such announcement.
#[must_use]
pub fn identify(reg: &Registry, id: &str, audience: Audience) -> Option<Identification> {
    identify_with(reg, id, true, audience)
}

/// The contradictions between an announcement and the persons identified in it, without
/// computing candidates (for `vigil check`).
#[must_use]
pub fn contradictions(reg: &Registry, id: &str, audience: Audience) -> Vec<String> {
    identify_with(reg, id, false, audience)
        .map(|i| i.contradictions)
        .unwrap_or_default()
}

fn identify_with(
    reg: &Registry,
    id: &str,
    with_candidates: bool,
    audience: Audience,
) -> Option<Identification> {
    let a = reg.announcement(id)?;
    // Persons the audience may not see are counted, never named; a public person is
    // told about from the events the public may see (`view`).
    let shown = |p: u32| audience == Audience::Trusted || reg.is_public(p);
    let view = |p: u32| {
        if shown(p) {
            audience
        } else {
            Audience::Trusted
        }
    };
    let identified_ix = reg.identified(id, Audience::Trusted);
    let named = reg.identified(id, audience);
    // Both are searched by bisection: `identified` gives persons in index order (events
    // are grouped by person, in order).
    debug_assert!(identified_ix.is_sorted() && named.is_sorted());
    let identified_shown = |p: u32| named.binary_search(&p).is_ok();
    let name = |p: u32| {
        if identified_shown(p) {
            reg.person_id(p).to_string()
        } else {
            "a person not shown publicly".to_string()
        }
    };
    let on = a.date.first_day();
    let before = Day(on.0 - 1);
    let pension = pension_age(a.country.as_deref());
    let mut contradictions = Vec::new();
    let mut not_checkable = Vec::new();
    // The keys to check, with their announced counts. Women and men are one attribute:
    // when both are given, `women` is checked and `men` follows from the total.
    let mut keys: Vec<(Key, String, u32)> = Vec::new();
    for (k, n) in &a.breakdown {
        match Key::parse(k) {
            Some(Key::Pensioners) if pension.is_none() => {
                not_checkable.push(format!("{k} (no pension age configured for this country)"));
            }
            Some(Key::Men) if a.breakdown.contains_key("women") => {}
            Some(key) => keys.push((key, k.clone(), *n)),
            None => not_checkable.push(k.clone()),
        }
    }
    let facts: Vec<PersonFacts> = identified_ix.iter().map(|&p| reg.person_facts(p)).collect();
    for p in &identified_ix {
        // A person named is told about from what the audience may see; one counted
        // without a name, from every event (the message does not say who).
        let told = if identified_shown(*p) {
            audience
        } else {
            Audience::Trusted
        };
        if reg.status(*p, before, told) != Status::Held {
            contradictions.push(format!(
                "{} was not in custody on {before}, the day before the announcement",
                name(*p)
            ));
        }
    }
    let mut remaining = BTreeMap::new();
    let identified_n = identified_ix.len() as i64;
    if let Some(total) = a.total {
        let rest = i64::from(total) - identified_n;
        if rest < 0 {
            contradictions.push(format!(
                "{identified_n} persons identified but the announcement names {total}"
            ));
        }
        remaining.insert("total".to_string(), rest);
    }
    let mut by_attribute = Vec::new();
    for (key, name, n) in &keys {
        let yes = facts
            .iter()
            .filter(|f| attribute(f, *key, on, pension) == Some(true))
            .count() as i64;
        let no = facts
            .iter()
            .filter(|f| attribute(f, *key, on, pension) == Some(false))
            .count() as i64;
        let left = i64::from(*n) - yes;
        if left < 0 {
            by_attribute.push(contradictions.len());
            contradictions.push(format!(
                "{yes} identified persons count as {name}, but the announcement gives {n}"
            ));
        }
        if let Some(total) = a.total {
            let others = i64::from(total) - i64::from(*n);
            if no > others {
                by_attribute.push(contradictions.len());
                contradictions.push(format!(
                    "{no} identified persons are not {name}, but the announcement leaves room for only {others}"
                ));
            }
        }
        remaining.insert(name.clone(), left);
    }
    // Men beside women are not a key of their own (they follow from the total), but a
    // monitor still reads how many men are left to find.
    if let (Some(m), true) = (a.breakdown.get("men"), a.breakdown.contains_key("women")) {
        let men = facts
            .iter()
            .filter(|f| attribute(f, Key::Men, on, pension) == Some(true))
            .count() as i64;
        remaining.insert("men".to_string(), i64::from(*m) - men);
    }
    if let (Some(m), Some(w), Some(total)) =
        (a.breakdown.get("men"), a.breakdown.get("women"), a.total)
    {
        if m + w != total {
            contradictions.push(format!(
                "women {w} + men {m} = {} but the total is {total}",
                m + w
            ));
        }
    }

    // Candidates: recognized prisoners of the country in custody the day before, not identified.
    let country = a.country.as_deref();
    let mut candidates: Vec<(u32, PersonFacts)> = Vec::new();
    for p in 0..reg.person_count() as u32 {
        if !with_candidates {
            break;
        }
        if identified_ix.binary_search(&p).is_ok()
            || !reg.is_recognized(p, view(p))
            || reg.status(p, before, view(p)) != Status::Held
        {
            continue;
        }
        if country.is_some_and(|c| {
            !reg.country_of(p)
                .is_some_and(|pc| pc.eq_ignore_ascii_case(c))
        }) {
            continue;
        }
        candidates.push((p, reg.person_facts(p)));
    }
    let size = remaining.get("total").copied().unwrap_or(0);
    let targets: Vec<i64> = keys.iter().map(|(_, name, _)| remaining[name]).collect();
    let types: Vec<Vec<Option<bool>>> = candidates
        .iter()
        .map(|(_, f)| {
            keys.iter()
                .map(|(k, _, _)| attribute(f, *k, on, pension))
                .collect()
        })
        .collect();
    let with_unknowns = types
        .iter()
        .filter(|t| t.iter().any(Option::is_none))
        .count();
    let (mut not_computed, mut approximate) = (None, None);
    let probabilities = if size > 0 && targets.iter().all(|&t| t >= 0) {
        let targets: Vec<usize> = targets.iter().map(|&t| t as usize).collect();
        // Women (or men) divide the candidates into halves counted apart.
        let split = keys
            .iter()
            .position(|(k, _, _)| matches!(k, Key::Women | Key::Men));
        match count::inclusion(&types, size as usize, &targets, split) {
            Ok(p) => p,
            Err(count::TooLarge(why)) => {
                if let Some(p) = approx::inclusion(&types, size as usize, &targets) {
                    approximate = Some(format!(
                        "{why}; these probabilities are its maximum-entropy approximation, each within about {APPROXIMATION_ERROR} of the exact one on waves of this kind"
                    ));
                    p
                } else {
                    not_computed = Some(why);
                    vec![0.0; types.len()]
                }
            }
        }
    } else {
        vec![0.0; types.len()]
    };
    let mut ranked: Vec<Candidate> = candidates
        .iter()
        .zip(&probabilities)
        .filter(|(_, &pr)| pr > 0.0)
        .filter(|((p, _), _)| shown(*p))
        .map(|((_, f), &pr)| Candidate {
            person: f.id.clone(),
            probability: pr,
        })
        .collect();
    let candidates_not_shown = candidates
        .iter()
        .zip(&probabilities)
        .filter(|((p, _), &pr)| pr > 0.0 && !shown(*p))
        .count();
    ranked.sort_by(|x, y| {
        y.probability
            .total_cmp(&x.probability)
            .then_with(|| x.person.cmp(&y.person))
    });
    // Looked up by id, not by a pass over the candidates for each (that was quadratic:
    // minutes for a wave of 2,000 among 100,000).
    let prominent_ids: std::collections::HashSet<&str> = candidates
        .iter()
        .filter(|(_, f)| f.prominent)
        .map(|(_, f)| f.id.as_str())
        .collect();
    let prominent = ranked
        .iter()
        .filter(|c| prominent_ids.contains(c.person.as_str()))
        .cloned()
        .collect();
    Some(Identification {
        id: a.id.clone(),
        total: a.total,
        identified: named
            .iter()
            .map(|&p| reg.person_id(p).to_string())
            .collect(),
        identified_not_shown: identified_ix.len() - named.len(),
        candidates_not_shown,
        remaining,
        contradictions,
        candidates: ranked,
        prominent,
        not_checkable,
        candidates_with_unknowns: with_unknowns,
        candidates_not_computed: not_computed,
        candidates_approximate: approximate,
        withheld: Vec::new(),
        fewer_than: None,
        by_attribute,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts (selection, values) pairs by enumerating every selection and every value of
    /// every unknown: the slow, obvious model.
    fn brute(persons: &[Vec<Option<bool>>], size: usize, targets: &[usize]) -> Vec<f64> {
        let n = persons.len();
        let (mut total, mut with) = (0u64, vec![0u64; n]);
        for mask in 0u32..(1 << n) {
            if mask.count_ones() as usize != size {
                continue;
            }
            let chosen: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
            let unknowns: Vec<(usize, usize)> = chosen
                .iter()
                .flat_map(|&i| {
                    (0..targets.len())
                        .filter(move |&k| persons[i][k].is_none())
                        .map(move |k| (i, k))
                })
                .collect();
            for values in 0u32..(1 << unknowns.len()) {
                let ok = (0..targets.len()).all(|k| {
                    let known = chosen
                        .iter()
                        .filter(|&&i| persons[i][k] == Some(true))
                        .count();
                    let assigned = unknowns
                        .iter()
                        .enumerate()
                        .filter(|(b, (_, kk))| *kk == k && values & (1 << b) != 0)
                        .count();
                    known + assigned == targets[k]
                });
                if ok {
                    total += 1;
                    for &i in &chosen {
                        with[i] += 1;
                    }
                }
            }
        }
        with.iter()
            .map(|&w| {
                if total == 0 {
                    0.0
                } else {
                    w as f64 / total as f64
                }
            })
            .collect()
    }

    #[test]
    fn exact_probabilities_match_enumeration() {
        // A deterministic spread of small registries: mixed known and unknown attributes.
        let mut seed = 12345u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        for case in 0..600 {
            let n = 1 + next() % 10;
            let keys = 1 + next() % 4;
            let persons: Vec<Vec<Option<bool>>> = (0..n)
                .map(|_| {
                    (0..keys)
                        .map(|_| match next() % 5 {
                            0 => None,
                            1 | 2 => Some(true),
                            _ => Some(false),
                        })
                        .collect()
                })
                .collect();
            let size = next() % (n + 1);
            let targets: Vec<usize> = (0..keys).map(|_| next() % (size + 1)).collect();
            let want = brute(&persons, size, &targets);
            // Counted in one space, and split into halves on each key in turn: the halves
            // are a way of counting, never a change in what is counted.
            // So is every way of spreading unknowns.
            for split in std::iter::once(None).chain((0..keys).map(Some)) {
                for way in 0..4 {
                    let got =
                        count::inclusion_by(&persons, size, &targets, split, count::Way::Nth(way))
                            .unwrap();
                    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
                        assert!((w - g).abs() < 1e-9, "case {case}, split {split:?}, way {way}, person {i}: {g} vs {w}; {persons:?} size {size} targets {targets:?}");
                    }
                }
                // And by blocks on every set of outer keys.
                for outer in 0..(1 << keys) - 1 {
                    let got = count::inclusion_by(
                        &persons,
                        size,
                        &targets,
                        split,
                        count::Way::Blocks(outer),
                    )
                    .unwrap();
                    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
                        assert!((w - g).abs() < 1e-9, "case {case}, split {split:?}, blocks on outer set {outer}, person {i}: {g} vs {w}; {persons:?} size {size} targets {targets:?}");
                    }
                }
                let got = count::inclusion(&persons, size, &targets, split).unwrap();
                assert!(
                    want.iter().zip(&got).all(|(w, g)| (w - g).abs() < 1e-9),
                    "case {case}: the cheapest way"
                );
            }
        }
    }

    #[test]
    fn an_announcement_too_large_to_count_exactly_is_approximated_and_says_so() {
        use crate::record::parse_record;
        // 3,000 of 6,000 released with every key in the thousands: far beyond what blocks
        // count in memory (a table over 2,001 sizes × 501 × 801 age counts). Only 375 of
        // the candidates are under 25 (born 2000–2003), so the second breakdown has no
        // selection at all.
        let registry = |under_25: u32| {
            let mut b = crate::registry::Builder::new();
            let mut add = |line: String| {
                b.add_record(&parse_record(&line).unwrap().into_record())
                    .unwrap();
            };
            add(format!(
                r#"{{"type":"announcement","id":"big","kind":"pardon","date":"2024-12-09","country":"BY","total":3000,"breakdown":{{"women":1000,"men":2000,"under_25":{under_25},"pensioners":800,"disabled":300,"chronic_illness":1200}}}}"#
            ));
            for p in 0..6000 {
                let sex = if p % 3 == 0 { "female" } else { "male" };
                let health = match p % 5 {
                    0 => r#","health":[]"#,
                    1 => r#","health":["disability"]"#,
                    2 => r#","health":["chronic_illness"]"#,
                    3 => r#","health":["disability","chronic_illness"]"#,
                    _ => "",
                };
                add(format!(
                    r#"{{"type":"person","id":"x{p}","sex":"{sex}","country":"BY","birth_date":"{}-01-01"{health}}}"#,
                    1940 + p % 64
                ));
                add(format!(
                    r#"{{"type":"event","id":"x{p}d","person":"x{p}","kind":"detained","date":"2022-01-01"}}"#
                ));
                add(format!(
                    r#"{{"type":"event","id":"x{p}r","person":"x{p}","kind":"recognized","date":"2022-02-01"}}"#
                ));
            }
            b.finish()
        };
        // Refused by the memory budget before any counting (a result, not a duration),
        // then approximated, and said so.
        let reg = registry(100);
        let a = identify(&reg, "big", Audience::Trusted).unwrap();
        assert_eq!(a.candidates_not_computed, None);
        let why = a.candidates_approximate.clone().unwrap();
        assert!(
            why.contains(&format!("more than the {STATE_BUDGET} allowed"))
                && why.contains("maximum-entropy approximation"),
            "{why}"
        );
        assert_eq!(a.remaining["total"], 3000);
        // On average the selection is the announcement's: 3,000, of them 1,000 women
        // (every sex is known).
        let sum: f64 = a.candidates.iter().map(|c| c.probability).sum();
        assert!((sum - 3000.0).abs() < 1e-6, "{sum}");
        let women: f64 = a
            .candidates
            .iter()
            .filter(|c| c.person[1..].parse::<u32>().unwrap() % 3 == 0)
            .map(|c| c.probability)
            .sum();
        assert!((women - 1000.0).abs() < 1e-6, "{women}");
        // The public is told the same.
        let public = identify(&reg, "big", Audience::Public).unwrap();
        assert_eq!(public.candidates_approximate, a.candidates_approximate);
        // No selection meets the second: nothing approximated, the refusal stands.
        let a = identify(&registry(500), "big", Audience::Trusted).unwrap();
        assert!(a.candidates.is_empty() && a.candidates_approximate.is_none());
        let why = a.candidates_not_computed.unwrap();
        assert!(
            why.contains(&format!("more than the {STATE_BUDGET} allowed")),
            "{why}"
        );
    }

    #[test]
    fn men_beside_women_count_as_the_rest_of_the_selection() {
        // 60 candidates, 20 women; 10 selected, 4 women, 3 under 25 (some unknown). With
        // "men" given beside "women" the count is the one on the other keys, and a men
        // target that does not complete the total leaves nobody.
        let persons: Vec<Vec<Option<bool>>> = (0..60)
            .map(|i| {
                let woman = i < 20;
                let young = (i % 7 != 0).then_some(i % 3 == 0);
                vec![Some(woman), Some(!woman), young]
            })
            .collect();
        let two: Vec<Vec<Option<bool>>> = persons.iter().map(|p| vec![p[0], p[2]]).collect();
        let want = count::inclusion(&two, 10, &[4, 3], Some(0)).unwrap();
        let got = count::inclusion(&persons, 10, &[4, 6, 3], Some(0)).unwrap();
        for (w, g) in want.iter().zip(&got) {
            assert!((w - g).abs() < 1e-12, "{g} vs {w}");
        }
        assert!(want.iter().all(|&p| p > 0.0));
        let none = count::inclusion(&persons, 10, &[4, 5, 3], Some(0)).unwrap();
        assert!(none.iter().all(|&p| p == 0.0), "{none:?}");
    }

    #[test]
    fn large_announcements_do_not_overflow() {
        // 1,000 candidates, 100 selected, 40 of them women: each woman 40/400, each man 60/600.
        let persons: Vec<Vec<Option<bool>>> = (0..1000).map(|i| vec![Some(i < 400)]).collect();
        let p = count::inclusion(&persons, 100, &[40], Some(0)).unwrap();
        assert!(
            (p[0] - 0.1).abs() < 1e-9 && (p[999] - 0.1).abs() < 1e-9,
            "{} {}",
            p[0],
            p[999]
        );
        let total: f64 = p.iter().sum();
        assert!(
            (total - 100.0).abs() < 1e-6,
            "probabilities sum to the number selected: {total}"
        );
    }
}
