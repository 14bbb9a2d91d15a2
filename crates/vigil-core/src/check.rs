//! `vigil check`: what in the registry disagrees with itself or with what others report.
//!
//! Findings never change data: a contradicting timeline is stored as recorded and reported
//! here, so a monitor decides what is wrong.

use std::collections::HashMap;

use serde::Serialize;

use crate::access::Audience;
use crate::date::{Day, PartialDate};
use crate::format::{qualifier_words, thousands};
use crate::record::{Announcement, AnnouncementKind, Figure, Qualifier};
use crate::registry::{Mode, Registry};

/// One thing `check` found.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: &'static str,
    /// The id of the figure, announcement or person concerned.
    pub subject: String,
    pub message: String,
}

/// Runs every check. For a public audience, findings about persons it may not see are
/// left out and such persons are not named in messages. Duplicate findings name only
/// announcements and figures, which are public records (`Record::visibility`), so every
/// audience gets them.
#[must_use]
pub fn check(r: &Registry, audience: Audience) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(r.figures().iter().filter_map(|f| figure_mismatch(r, f)));
    out.extend(breakdowns(r));
    out.extend(duplicate_announcements(r.announcements()));
    out.extend(duplicate_figures(r.figures()));
    for a in r.announcements() {
        if r.identified(&a.id, Audience::Trusted).is_empty() {
            continue;
        }
        out.extend(
            crate::identify::contradictions(r, &a.id, audience)
                .into_iter()
                .map(|message| Finding {
                    kind: "identification",
                    subject: a.id.clone(),
                    message,
                }),
        );
    }
    out.extend(
        r.contradictions(audience)
            .into_iter()
            .map(|(p, c)| Finding {
                kind: "timeline",
                subject: r.person_id(p).to_string(),
                message: c.message.clone(),
            }),
    );
    out
}

/// Persons held on `today` whose expected release (its latest day) has passed with no
/// release recorded: "overdue: status to verify". A public audience hears only of public
/// persons, from the events it may see.
#[must_use]
pub fn overdue(r: &Registry, audience: Audience, today: Day) -> Vec<Finding> {
    (0..r.person_count() as u32)
        .filter(|&p| audience == Audience::Trusted || r.is_public(p))
        .filter(|&p| r.merged_into(p).is_none())
        .filter_map(|p| {
            let release = r.expected_release(p, audience)?;
            (release.hi < today).then(|| Finding {
                kind: "overdue",
                subject: r.person_id(p).to_string(),
                message: format!(
                    "overdue: status to verify — the term ended by {} (expected release {}) and no release is recorded",
                    release.hi,
                    if release.lo == release.hi {
                        release.lo.to_string()
                    } else {
                        format!("between {} and {}", release.lo, release.hi)
                    }
                ),
            })
        })
        .collect()
}

/// Does a computed value satisfy a reported one under its qualifier?
/// "approximately" tolerates 10 %; "at least N" holds when N ≤ computed; "more than N"
/// when N < computed; "up to N" when computed ≤ N.
#[must_use]
pub fn agrees(q: Qualifier, reported: f64, computed: f64) -> bool {
    match q {
        Qualifier::Exact => (reported - computed).abs() < 1e-9,
        Qualifier::Approximately => (reported - computed).abs() <= 0.1 * reported.abs(),
        Qualifier::AtLeast => reported <= computed,
        Qualifier::MoreThan => reported < computed,
        Qualifier::UpTo => computed <= reported,
    }
}

fn figure_mismatch(r: &Registry, f: &Figure) -> Option<Finding> {
    let place = f
        .country
        .as_deref()
        .map_or(String::new(), |c| format!(" in {c}"));
    let reported = format!("{}{}", qualifier_words(f.qualifier), thousands(f.value));
    let (computed, message) = match f.metric.as_str() {
        "political_prisoners_held" => {
            let on = f.as_of.first_day();
            let h = r.held(on, f.country.as_deref(), Mode::Recognized);
            let bounds = if h.held_min == h.held_max {
                String::new()
            } else {
                format!(
                    " (between {} and {})",
                    thousands(h.held_min as f64),
                    thousands(h.held_max as f64)
                )
            };
            (
                h.held as f64,
                format!(
                    "reported {reported} political prisoners held{place} on {on}; vigil computes {}{bounds}",
                    thousands(h.held as f64)
                ),
            )
        }
        metric @ ("pardoned_total_year" | "pardon_waves_year") => {
            // The as-of day includes what happened on it.
            let until = f.as_of.last_day();
            let country = f.country.as_deref()?;
            let waves = r.waves(country, until.year(), AnnouncementKind::Pardon);
            let counted: Vec<_> = waves
                .waves
                .iter()
                .filter(|w| w.first_day <= until)
                .collect();
            if metric == "pardon_waves_year" {
                let n = counted.len() as f64;
                (n, format!("reported {reported} pardon waves{place} in {} up to {until}; vigil counts {}", until.year(), thousands(n)))
            } else {
                let total = counted.last().map_or(0, |w| w.running_total) as f64;
                // A reported total often misses or anticipates one wave: say which.
                let mut hint = String::new();
                for (i, w) in waves.waves.iter().enumerate() {
                    let before = if i == 0 {
                        0
                    } else {
                        waves.waves[i - 1].running_total
                    };
                    if (f.value - before as f64).abs() < 1e-9 && w.first_day <= until {
                        hint = format!(
                            "; {} is the total before the wave of {}, with it vigil counts {}",
                            thousands(f.value),
                            w.date,
                            w.running_total
                        );
                        break;
                    }
                    if (f.value - w.running_total as f64).abs() < 1e-9 && w.first_day > until {
                        hint = format!(
                            "; {} is the total with the wave of {}, after {until}",
                            thousands(f.value),
                            w.date
                        );
                        break;
                    }
                }
                (
                    total,
format!(
                        "reported {reported} pardoned{place} in {} up to {until}; vigil counts {} in {} waves{hint}",
                        until.year(),
                        thousands(total),
                        counted.len()
                    )
                )
            }
        }
        _ => return None,
    };
    (!agrees(f.qualifier, f.value, computed)).then(|| Finding {
        kind: "figure_mismatch",
        subject: f.id.clone(),
        message,
    })
}

/// How many days apart two dates are at their closest: 0 when the days they could stand
/// for overlap (2024-12 and 2024-12-09).
fn days_apart(a: &PartialDate, b: &PartialDate) -> i32 {
    let (a0, a1) = (a.first_day().0, a.last_day().0);
    let (b0, b1) = (b.first_day().0, b.last_day().0);
    (b0 - a1).max(a0 - b1).max(0)
}

/// Announcements that are probably one act stored twice (the same report imported under
/// two ids, or reported by two outlets): same kind, same country, same total, dates at
/// most a day apart (a partial date at its closest day). Counted twice, they add a wave
/// and double a running total. Each is named once, as the subject, beside the first
/// earlier one it repeats (in date order, then id order, as waves are).
fn duplicate_announcements(all: &[Announcement]) -> Vec<Finding> {
    let mut list: Vec<&Announcement> = all.iter().filter(|a| a.total.is_some()).collect();
    list.sort_by(|a, b| (a.date.first_day(), &a.id).cmp(&(b.date.first_day(), &b.id)));
    // Only announcements of one kind, country and total are compared, each group in order.
    let mut groups: HashMap<_, Vec<&Announcement>> = HashMap::new();
    let mut out = Vec::new();
    for later in list {
        let key = (
            later.kind,
            later.country.as_deref().map(str::to_ascii_lowercase),
            later.total,
        );
        let group = groups.entry(key).or_default();
        let earlier = group
            .iter()
            .find(|e| days_apart(&e.date, &later.date) <= 1)
            .copied();
        group.push(later);
        let Some(earlier) = earlier else {
            continue;
        };
        let total = later.total.unwrap_or_default();
        let place = later
            .country
            .as_deref()
            .map_or(String::new(), |c| format!(" in {c}"));
        out.push(Finding {
            kind: "duplicate",
            subject: later.id.clone(),
            message: format!(
                "announcement {} ({} of {total}{place} on {}) is probably announcement {} ({} of {total} on {}) stored twice: as two waves they count {}; retract one, or correct the date or total if these are two acts",
                later.id,
                later.kind,
                later.date,
                earlier.id,
                earlier.kind,
                earlier.date,
                2 * u64::from(total)
            ),
        });
    }
    out
}

/// Figures stored twice: same metric, country, as-of date, qualifier and value. With the
/// same sources it is one report's figure stored twice; with different sources, two
/// reports of one figure, better kept as one figure citing both. Figures that differ only
/// in value are a disagreement between sources, not a duplicate, and are not reported here.
fn duplicate_figures(all: &[Figure]) -> Vec<Finding> {
    let mut list: Vec<&Figure> = all.iter().collect();
    list.sort_by(|a, b| (a.as_of.first_day(), &a.id).cmp(&(b.as_of.first_day(), &b.id)));
    // The first figure of each (metric, country, as-of, qualifier, value).
    let mut first: HashMap<_, &Figure> = HashMap::new();
    let mut out = Vec::new();
    for later in list {
        let key = (
            later.metric.as_str(),
            later.country.as_deref().map(str::to_ascii_lowercase),
            later.as_of,
            later.qualifier,
            // Values come from JSON (no NaN); adding 0.0 makes -0.0 the same key as 0.0.
            (later.value + 0.0).to_bits(),
        );
        let earlier = *first.entry(key).or_insert(later);
        if std::ptr::eq(earlier, later) {
            continue;
        }
        let mut a = earlier.sources.clone();
        let mut b = later.sources.clone();
        a.sort();
        b.sort();
        let what = if a == b {
            "stored twice; retract one".to_string()
        } else {
            format!(
                "reported again by other sources ({} and {}); keep one figure citing both",
                list_or_none(&earlier.sources),
                list_or_none(&later.sources)
            )
        };
        let place = later
            .country
            .as_deref()
            .map_or(String::new(), |c| format!(" in {c}"));
        out.push(Finding {
            kind: "duplicate",
            subject: later.id.clone(),
            message: format!(
                "figure {} ({} {}{}{place} as of {}) repeats figure {}: {what}",
                later.id,
                later.metric,
                qualifier_words(later.qualifier),
                thousands(later.value),
                later.as_of,
                earlier.id
            ),
        });
    }
    out
}

fn list_or_none(ids: &[String]) -> String {
    if ids.is_empty() {
        "no source".into()
    } else {
        ids.join(", ")
    }
}

fn breakdowns(r: &Registry) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in r.announcements() {
        let Some(total) = a.total else { continue };
        let mut say = |message: String| {
            out.push(Finding {
                kind: "breakdown",
                subject: a.id.clone(),
                message,
            });
        };
        if let (Some(w), Some(m)) = (a.breakdown.get("women"), a.breakdown.get("men")) {
            if w + m != total {
                say(format!(
                    "women {w} + men {m} = {} but the total is {total}",
                    w + m
                ));
            }
        }
        for (key, n) in &a.breakdown {
            if *n > total {
                say(format!("{key} {n} exceeds the total {total}"));
            }
        }
        for claim in &a.claims {
            if let Some(message) = claim_against_counts(claim, total, &a.breakdown) {
                say(message);
            }
        }
    }
    out
}

/// A claim about a share ("more than half of them had disabilities and chronic illnesses")
/// checked against the breakdown's counts. With counts c₁…cₖ of a total T, the number who
/// have any of the attributes lies in [max cᵢ, min(T, Σcᵢ)] and the number who have all of
/// them in [max(0, Σcᵢ − (k−1)T), min cᵢ]. A claim that no number in the range satisfies
/// contradicts the counts; one joined by "and" that holds only if read as "either" is
/// reported too, since the counts show at most min cᵢ could have both.
fn claim_against_counts(
    claim: &str,
    total: u32,
    breakdown: &std::collections::BTreeMap<String, u32>,
) -> Option<String> {
    let p = crate::extract::proportion(claim)?;
    let counts: Vec<(&str, u32)> = p
        .keys
        .iter()
        .map(|k| breakdown.get(k).map(|n| (k.as_str(), *n)))
        .collect::<Option<_>>()?;
    let listed = counts
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sum: u32 = counts.iter().map(|(_, n)| n).sum();
    let max = counts.iter().map(|(_, n)| *n).max()?;
    let min = counts.iter().map(|(_, n)| *n).min()?;
    let k = counts.len() as u32;
    let any = (max, sum.min(total));
    let all = (sum.saturating_sub((k - 1) * total), min);
    let possible = |(lo, hi): (u32, u32)| (lo..=hi).any(|x| p.compare.holds(x, total));
    let range = |(lo, hi): (u32, u32)| {
        if lo == hi {
            format!("{lo}")
        } else {
            format!("{lo} to {hi}")
        }
    };
    if !possible(any) {
        return Some(format!(
            "the claim \"{claim}\" contradicts the breakdown ({listed} of {total}): {} of {total} can have {}",
            range(any),
            if k > 1 { "any of these" } else { "it" }
        ));
    }
    if k > 1 && p.both && !possible(all) {
        return Some(format!(
            "the claim \"{claim}\" does not follow from the breakdown ({listed} of {total}): at most {} of {total} can have all of these; it holds only if read as \"either\" ({} of {total})",
            all.1,
            range(any)
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry(lines: &str) -> Registry {
        let mut records: Vec<crate::record::Record> = lines
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| crate::record::parse_record(l).unwrap().into_record())
            .collect();
        records.sort_by_key(|r| r.record_type().rank());
        let mut b = crate::registry::Builder::new();
        for r in &records {
            b.add_record(r).unwrap();
        }
        b.finish()
    }

    fn duplicates(r: &Registry, audience: Audience) -> Vec<Finding> {
        check(r, audience)
            .into_iter()
            .filter(|f| f.kind == "duplicate")
            .collect()
    }

    #[test]
    fn duplicate_announcements_table() {
        // (kind, date, country, total) of a second announcement beside
        // a1: a pardon of 29 in BY on 2024-12-09; is it reported as a1 stored twice?
        for (kind, date, country, total, duplicate) in [
            ("pardon", "2024-12-09", "BY", 29, true),
            ("pardon", "2024-12-10", "BY", 29, true),
            ("pardon", "2024-12-08", "BY", 29, true),
            ("pardon", "2024-12-11", "BY", 29, false),
            ("pardon", "2024-12-07", "BY", 29, false),
            ("pardon", "2024-12-10", "BY", 30, false),
            ("pardon", "2024-12-09", "RU", 29, false),
            ("amnesty", "2024-12-09", "BY", 29, false),
            ("pardon", "2024-12-09", "by", 29, true),
            // A month that contains the day could be that day.
            ("pardon", "2024-12", "BY", 29, true),
            ("pardon", "2024-11", "BY", 29, false),
        ] {
            let r = registry(&format!(
                r#"{{"type":"announcement","id":"a1","kind":"pardon","date":"2024-12-09","country":"BY","total":29}}
{{"type":"announcement","id":"a2","kind":"{kind}","date":"{date}","country":"{country}","total":{total}}}"#
            ));
            let found = duplicates(&r, Audience::Trusted);
            let case = format!("{kind} {date} {country} {total}: {found:?}");
            assert_eq!(found.len(), usize::from(duplicate), "{case}");
            if duplicate {
                let f = &found[0];
                // The later one is the subject; ties go by id, as waves order them.
                let later = if date < "2024-12-09" { "a1" } else { "a2" };
                assert_eq!(f.subject, later, "{case}");
                assert!(
                    f.message.contains("a1") && f.message.contains("a2"),
                    "{case}"
                );
                assert!(
                    f.message.contains("2024-12-09") && f.message.contains(date),
                    "{case}"
                );
                assert!(f.message.contains("of 29"), "{case}");
                assert!(f.message.contains("they count 58"), "{case}");
            }
        }
    }

    #[test]
    fn three_copies_give_two_findings_each_naming_the_first() {
        let r = registry(
            r#"{"type":"announcement","id":"b","kind":"pardon","date":"2024-12-09","country":"BY","total":29}
{"type":"announcement","id":"a","kind":"pardon","date":"2024-12-09","country":"BY","total":29}
{"type":"announcement","id":"c","kind":"pardon","date":"2024-12-10","country":"BY","total":29}
{"type":"announcement","id":"d","kind":"pardon","date":"2024-12-09","country":"BY"}
{"type":"announcement","id":"e","kind":"pardon","date":"2024-12-09","country":"BY"}"#,
        );
        let found = duplicates(&r, Audience::Trusted);
        let pairs: Vec<(&str, bool)> = found
            .iter()
            .map(|f| (f.subject.as_str(), f.message.contains("announcement a (")))
            .collect();
        // Without a total there is nothing to compare: d and e are not reported.
        assert_eq!(pairs, [("b", true), ("c", true)], "{found:?}");
    }

    #[test]
    fn duplicate_figures_table() {
        let first = r#"{"type":"figure","id":"f1","metric":"political_prisoners_held","value":1300,"qualifier":"approximately","as_of":"2024-12-09","country":"BY","sources":["s1"]}"#;
        // A second figure; is it reported as repeating f1, and how?
        for (second, expect) in [
            (
                r#""metric":"political_prisoners_held","value":1300,"qualifier":"approximately","as_of":"2024-12-09","country":"BY","sources":["s1"]"#,
                Some("stored twice"),
            ),
            (
                r#""metric":"political_prisoners_held","value":1300,"qualifier":"approximately","as_of":"2024-12-09","country":"BY","sources":["s2"]"#,
                Some("other sources (s1 and s2)"),
            ),
            (
                r#""metric":"political_prisoners_held","value":1300,"qualifier":"approximately","as_of":"2024-12-10","country":"BY","sources":["s1"]"#,
                None,
            ),
            (
                r#""metric":"political_prisoners_held","value":1301,"qualifier":"approximately","as_of":"2024-12-09","country":"BY","sources":["s1"]"#,
                None,
            ),
            (
                r#""metric":"political_prisoners_held","value":1300,"qualifier":"at_least","as_of":"2024-12-09","country":"BY","sources":["s1"]"#,
                None,
            ),
            (
                r#""metric":"political_prisoners_held","value":1300,"qualifier":"approximately","as_of":"2024-12-09","country":"RU","sources":["s1"]"#,
                None,
            ),
            (
                r#""metric":"exiled_total","value":1300,"qualifier":"approximately","as_of":"2024-12-09","country":"BY","sources":["s1"]"#,
                None,
            ),
        ] {
            let r = registry(&format!(
                "{{\"type\":\"source\",\"id\":\"s1\"}}\n{{\"type\":\"source\",\"id\":\"s2\"}}\n{first}\n{{\"type\":\"figure\",\"id\":\"f2\",{second}}}"
            ));
            let found = duplicates(&r, Audience::Trusted);
            match expect {
                None => assert!(found.is_empty(), "{second}: {found:?}"),
                Some(what) => {
                    assert_eq!(found.len(), 1, "{second}: {found:?}");
                    assert_eq!(found[0].subject, "f2");
                    let m = &found[0].message;
                    assert!(m.contains("figure f2 (political_prisoners_held approximately 1,300 in BY as of 2024-12-09) repeats figure f1"), "{m}");
                    assert!(m.contains(what), "{m}");
                }
            }
        }
    }

    #[test]
    fn duplicates_are_found_for_the_public_too() {
        // Announcements and figures are public records: the public check names them.
        let r = registry(
            r#"{"type":"announcement","id":"a1","kind":"pardon","date":"2024-12-09","country":"BY","total":29}
{"type":"announcement","id":"a2","kind":"pardon","date":"2024-12-09","country":"BY","total":29}
{"type":"figure","id":"f1","metric":"exiled_total","value":13000,"qualifier":"at_least","as_of":"2024-12-09","country":"BY"}
{"type":"figure","id":"f2","metric":"exiled_total","value":13000,"qualifier":"at_least","as_of":"2024-12-09","country":"BY"}"#,
        );
        let subjects = |a| {
            duplicates(&r, a)
                .into_iter()
                .map(|f| f.subject)
                .collect::<Vec<_>>()
        };
        assert_eq!(subjects(Audience::Public), ["a2", "f2"]);
        assert_eq!(subjects(Audience::Public), subjects(Audience::Trusted));
    }

    #[test]
    fn qualifiers_table() {
        use Qualifier::*;
        for (q, reported, computed, ok) in [
            (Exact, 29.0, 29.0, true),
            (Exact, 29.0, 28.0, false),
            (Approximately, 1300.0, 1170.0, true),
            (Approximately, 1300.0, 1430.0, true),
            (Approximately, 1300.0, 1169.0, false),
            (Approximately, 1300.0, 1431.0, false),
            (AtLeast, 13000.0, 13000.0, true),
            (AtLeast, 13000.0, 12999.0, false),
            (MoreThan, 100.0, 100.0, false),
            (MoreThan, 100.0, 101.0, true),
            (UpTo, 50.0, 50.0, true),
            (UpTo, 50.0, 51.0, false),
        ] {
            assert_eq!(
                agrees(q, reported, computed),
                ok,
                "{q} {reported} vs {computed}"
            );
        }
    }

    #[test]
    fn breakdown_claims_against_counts() {
        let seed: std::collections::BTreeMap<String, u32> = [
            ("women", 11),
            ("men", 18),
            ("under_25", 6),
            ("pensioners", 3),
            ("disabled", 2),
            ("chronic_illness", 15),
        ]
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect();
        // The seed report: true only as "either" (15 to 17 of 29), not as "both" (≤ 2).
        let m = claim_against_counts(
            "More than half of them had disabilities and chronic illnesses",
            29,
            &seed,
        )
        .unwrap();
        assert!(m.contains("at most 2 of 29 can have all of these"), "{m}");
        assert!(m.contains("read as \"either\" (15 to 17 of 29)"), "{m}");
        // Read with "or" the same counts agree.
        assert_eq!(
            claim_against_counts(
                "More than half had disabilities or chronic illnesses",
                29,
                &seed
            ),
            None
        );
        // No reading reaches half: a contradiction.
        let m =
            claim_against_counts("Most of them were pensioners or disabled", 29, &seed).unwrap();
        assert!(
            m.contains("contradicts the breakdown (pensioners 3, disabled 2 of 29): 3 to 5 of 29"),
            "{m}"
        );
        assert_eq!(
            claim_against_counts("About a third were women", 29, &seed),
            None
        );
        assert!(claim_against_counts("Two thirds were women", 29, &seed).is_some());
        // A key the breakdown lacks is not checkable.
        assert_eq!(claim_against_counts("Most were minors", 29, &seed), None);
        assert_eq!(
            claim_against_counts("All of those released repented", 29, &seed),
            None
        );
    }
}
