//! Expected release against a slow, obvious model: random persons with a partial
//! detention date, verdicts of several cases (appeals replacing earlier verdicts,
//! extensions, penalties served outside, partial `term_start`s, appeals upholding,
//! reducing, increasing or overturning a verdict), sometimes released. The
//! model takes every day each partial date could stand for, computes the release of
//! each combination with plain calendar arithmetic, and the bounds are the earliest and
//! the latest of them. `PROPTEST_CASES=N` for a longer sweep.

use chrono::{Datelike, Duration, Months, NaiveDate};
use proptest::prelude::*;
use serde_json::json;
use vigil_core::access::Audience;
use vigil_core::date::{Day, PartialDate};
use vigil_core::record::parse_record;
use vigil_core::registry::Builder;

#[derive(Debug, Clone)]
struct Verdict {
    case: Option<u8>,
    months: u32,
    regime: &'static str,
    start: Option<(i32, u32, Option<u32>)>,
    extends: bool,
    /// The appeal's outcome, its term and regime (empty: unchanged).
    appeal: Option<(&'static str, u32, &'static str)>,
}

/// The verdict as its appeal leaves it: the obvious reading; `None` when overturned.
fn appealed(v: &Verdict) -> Option<(u32, &'static str)> {
    match v.appeal {
        None | Some(("upheld" | "pending", _, _)) => Some((v.months, v.regime)),
        Some(("overturned", _, _)) => None,
        Some((_, months, "")) => Some((months, v.regime)),
        Some((_, months, regime)) => Some((months, regime)),
    }
}

/// A date as year, month and an optional day (month precision without it).
fn partial(y: i32, m: u32, d: Option<u32>) -> PartialDate {
    match d {
        Some(d) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("{y:04}-{m:02}"),
    }
    .parse()
    .unwrap()
}

/// Every day a partial date could stand for.
fn days(p: PartialDate) -> Vec<NaiveDate> {
    let r = p.range();
    (r.lo.0..=r.hi.0).map(|d| Day(d).to_naive()).collect()
}

fn custodial(regime: &str) -> bool {
    matches!(
        regime,
        "" | "general" | "reinforced" | "strict" | "special" | "prison" | "settlement"
    )
}

/// The release for one choice of concrete days: the obvious reading of the rule.
fn model_one(detained: NaiveDate, verdicts: &[(Verdict, Option<NaiveDate>)]) -> Option<NaiveDate> {
    let last_day = |start: NaiveDate, months: u32| start + Months::new(months) - Duration::days(1);
    let mut end: Option<NaiveDate> = None;
    for (i, (v, start)) in verdicts.iter().enumerate() {
        let replaced = v.case.is_some() && verdicts[i + 1..].iter().any(|(w, _)| w.case == v.case);
        if replaced {
            continue;
        }
        let Some((months, regime)) = appealed(v) else {
            continue;
        };
        if !custodial(regime) || months == 0 {
            continue;
        }
        if v.extends {
            if let Some(e) = end {
                end = Some(last_day(e + Duration::days(1), months));
                continue;
            }
        }
        let this = last_day(start.unwrap_or(detained), months);
        end = Some(end.map_or(this, |e| e.max(this)));
    }
    end
}

/// Every combination of concrete days; the earliest and latest release.
fn model(detained: PartialDate, verdicts: &[Verdict]) -> Option<(NaiveDate, NaiveDate)> {
    let mut choices: Vec<Vec<(Verdict, Option<NaiveDate>)>> = vec![Vec::new()];
    for v in verdicts {
        let starts: Vec<Option<NaiveDate>> = match v.start {
            Some((y, m, d)) => days(partial(y, m, d)).into_iter().map(Some).collect(),
            None => vec![None],
        };
        choices = choices
            .into_iter()
            .flat_map(|c| {
                starts.iter().map(move |s| {
                    let mut c = c.clone();
                    c.push((v.clone(), *s));
                    c
                })
            })
            .collect();
    }
    let mut out: Option<(NaiveDate, NaiveDate)> = None;
    for d in days(detained) {
        for c in &choices {
            if let Some(r) = model_one(d, c) {
                out = Some(out.map_or((r, r), |(lo, hi)| (lo.min(r), hi.max(r))));
            }
        }
    }
    out
}

fn verdict() -> impl Strategy<Value = Verdict> {
    (
        prop_oneof![Just(None), (0..2u8).prop_map(Some)],
        0..200u32,
        prop::sample::select(vec![
            "",
            "general",
            "strict",
            "settlement",
            "restricted_freedom",
            "suspended",
            "fine",
        ]),
        prop::option::weighted(0.3, (2020..2022i32, 1..=12u32, prop::option::of(1..=28u32))),
        prop::bool::weighted(0.2),
        prop::option::weighted(
            0.4,
            (
                prop::sample::select(vec![
                    "upheld",
                    "pending",
                    "reduced",
                    "increased",
                    "overturned",
                ]),
                1..60u32,
                prop::sample::select(vec!["", "", "strict", "restricted_freedom"]),
            ),
        ),
    )
        .prop_map(|(case, months, regime, start, extends, appeal)| Verdict {
            case,
            months,
            regime,
            start,
            extends: extends && months > 0,
            // A reduction is below the verdict's term, an increase above it.
            appeal: appeal.and_then(|(outcome, delta, regime)| match outcome {
                "reduced" if months > delta => Some((outcome, months - delta, regime)),
                "reduced" => None,
                "increased" => Some((outcome, months + delta, regime)),
                _ => Some((outcome, 0, "")),
            }),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn expected_release_has_the_bounds_of_every_day_the_dates_could_stand_for(
        year in 2019..2021i32,
        month in 1..=12u32,
        day in prop::option::of(1..=28u32),
        verdicts in prop::collection::vec(verdict(), 0..4),
        released in prop::bool::weighted(0.15),
    ) {
        let detained = partial(year, month, day);
        let mut lines = vec![
            json!({"type":"person","id":"p1"}).to_string(),
            json!({"type":"event","id":"d","person":"p1","kind":"detained","date":detained.to_string()}).to_string(),
        ];
        // Verdicts after the detention, a month apart, in order.
        for (i, v) in verdicts.iter().enumerate() {
            let at = NaiveDate::from_ymd_opt(2022, 1, 15).unwrap() + Months::new(2 * i as u32);
            let mut details = json!({"term_months": v.months});
            if !v.regime.is_empty() {
                details["regime"] = v.regime.into();
            }
            if let Some(c) = v.case {
                details["case"] = format!("case-{c}").into();
            }
            if let Some((y, m, d)) = v.start {
                details["term_start"] = partial(y, m, d).to_string().into();
            }
            if v.extends {
                details["extends"] = true.into();
            }
            if let Some((outcome, months, regime)) = v.appeal {
                let mut a = json!({"date": format!("{:04}-{:02}", at.year(), at.month() + 1), "outcome": outcome});
                if matches!(outcome, "reduced" | "increased") {
                    a["term_months"] = months.into();
                    if !regime.is_empty() {
                        a["regime"] = regime.into();
                    }
                }
                details["appeal"] = a;
            }
            lines.push(json!({"type":"event","id":format!("v{i}"),"person":"p1","kind":"sentenced",
                "date": format!("{:04}-{:02}-{:02}", at.year(), at.month(), at.day()),"details":details}).to_string());
        }
        if released {
            lines.push(json!({"type":"event","id":"r","person":"p1","kind":"released","date":"2023-12-01"}).to_string());
        }
        let mut b = Builder::new();
        for l in &lines {
            b.add_record(parse_record(l).unwrap().record()).unwrap();
        }
        let reg = b.finish();
        let got = reg
            .expected_release(0, Audience::Trusted)
            .map(|r| (r.lo.to_naive(), r.hi.to_naive()));
        let want = if released { None } else { model(detained, &verdicts) };
        prop_assert_eq!(got, want, "{}", lines.join("\n"));
    }
}
