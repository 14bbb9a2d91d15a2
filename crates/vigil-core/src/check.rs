//! `vigil check`: what in the registry disagrees with itself or with what others report.
//!
//! Findings never change data: a contradicting timeline is stored as recorded and reported
//! here, so a monitor decides what is wrong.

use serde::Serialize;

use crate::record::{AnnouncementKind, Figure, Qualifier};
use crate::stats::{Audience, Mode, Registry};

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
/// left out and such persons are not named in messages.
#[must_use]
pub fn check(r: &Registry, audience: Audience) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(r.figures().iter().filter_map(|f| figure_mismatch(r, f)));
    out.extend(breakdowns(r));
    for a in r.announcements() {
        if r.identified(&a.id).is_empty() {
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
        r.contradictions()
            .iter()
            .filter(|(p, _)| audience == Audience::Trusted || r.is_public(*p))
            .map(|(p, c)| Finding {
                kind: "timeline",
                subject: r.person_id(*p).to_string(),
                message: c.message.clone(),
            }),
    );
    out
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

/// A number as people write it: 1,300.
#[must_use]
pub fn thousands(n: f64) -> String {
    if n.fract() != 0.0 {
        return format!("{n}");
    }
    let digits = format!("{}", n.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A qualifier as it reads before a number: "approximately ", "at least ", …
#[must_use]
pub fn qualifier_words(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::Approximately => "approximately ",
        Qualifier::AtLeast => "at least ",
        Qualifier::MoreThan => "more than ",
        Qualifier::UpTo => "up to ",
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
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn numbers_read_as_people_write_them() {
        assert_eq!(thousands(1300.0), "1,300");
        assert_eq!(thousands(13000.0), "13,000");
        assert_eq!(thousands(178.0), "178");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(2.5), "2.5");
    }
}
