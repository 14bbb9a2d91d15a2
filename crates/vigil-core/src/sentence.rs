//! When a sentenced person is expected to be released: the one copy of the rule, with
//! bounds where dates are partial (docs/cases.md).
//!
//! The verdicts that count are those dated inside the custody interval (on or after it
//! opened, before it closed). A later verdict of the same case (an appeal, a retrial)
//! replaces an earlier one. A custodial term runs from its `term_start` — by default the
//! first day of the custody interval, so pre-trial detention counts — for `term_months`
//! calendar months, and the release is expected on the last day of the term (in Belarus
//! and Russia a prisoner is released on the last day of the term: КИК РБ ст. 186, УИК РФ
//! ст. 173). With several cases the latest end is the one that holds; a verdict marked
//! `extends` (a new case opened before release whose term is added, or a term extended)
//! adds its months to the end reached so far, in the order of the verdicts. A penalty
//! served outside (restricted freedom, house arrest, fine, suspended) or compulsory
//! treatment (no fixed term) gives no release day.
//!
//! An appeal written on a verdict (`details.appeal`) acts on it from the appeal's date
//! (from the verdict's, when the appeal's is not known): `reduced` or `increased` put the
//! appeal's term (and regime, when given) in the verdict's place, `overturned` takes the
//! verdict away (the person awaits a new trial), `upheld` and `pending` change nothing.
//! The expected release reads every appeal recorded; the keys of a day (`held --by`)
//! those dated on or before it ([`Verdict::known_on`]).
//!
//! Bounds: every partial date is a range of days; the earliest release takes each start
//! at its first day, the latest at its last. Adding months never moves a later start
//! before an earlier one, so the ends of the ranges give the bounds (the property test in
//! `tests/sentence_model.rs` checks this against every day each date could stand for).

use chrono::Months;

use crate::custody::Span;
use crate::date::{Day, DayRange};
use crate::record::{AppealOutcome, Regime};

/// What an appeal does to the verdict it is written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AppealEffect {
    /// The appeal's date; `None`: not known (it acts from the verdict's date).
    pub when: Option<DayRange>,
    pub outcome: AppealOutcome,
    /// `reduced` / `increased`: the term after the appeal.
    pub term_months: Option<u32>,
    /// `reduced` / `increased`: the regime after the appeal, when it changed.
    pub regime: Option<Regime>,
}

/// One verdict, as the rule reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// The verdict's date.
    pub when: DayRange,
    /// The case it belongs to (an interned id); `None`: its own case.
    pub case: Option<u32>,
    pub term_months: Option<u32>,
    pub regime: Option<Regime>,
    pub term_start: Option<DayRange>,
    pub extends: bool,
    /// The appeal against it, if one is recorded.
    pub appeal: Option<AppealEffect>,
}

impl Verdict {
    /// The verdict as its appeal leaves it: `None` when the appeal overturned it; the
    /// appeal's term and regime in its place when the appeal reduced or increased it.
    #[must_use]
    pub fn as_appealed(&self) -> Option<Verdict> {
        let Some(a) = self.appeal else {
            return Some(*self);
        };
        match a.outcome {
            AppealOutcome::Overturned => None,
            AppealOutcome::Reduced | AppealOutcome::Increased => Some(Verdict {
                term_months: a.term_months.or(self.term_months),
                regime: a.regime.or(self.regime),
                ..*self
            }),
            AppealOutcome::Upheld | AppealOutcome::Pending => Some(*self),
        }
    }

    /// The verdict as known on day `on`: an appeal dated after it is not yet there.
    #[must_use]
    pub fn known_on(mut self, on: Day) -> Verdict {
        if self
            .appeal
            .is_some_and(|a| a.when.is_some_and(|w| w.lo > on))
        {
            self.appeal = None;
        }
        self
    }

    /// Does the verdict send the person to (or keep them in) custody for a term?
    #[must_use]
    pub fn is_custodial(&self) -> bool {
        self.term_months.is_some_and(|m| m > 0) && self.custodial_regime()
    }

    /// Is its regime one of custody (or not given)?
    #[must_use]
    pub fn custodial_regime(&self) -> bool {
        self.regime.is_none_or(|r| {
            matches!(
                r,
                Regime::General
                    | Regime::Reinforced
                    | Regime::Strict
                    | Regime::Special
                    | Regime::Prison
                    | Regime::Settlement
            )
        })
    }
}

/// The last day of a term of `months` calendar months starting on `start`.
#[must_use]
pub fn term_end(start: Day, months: u32) -> Day {
    let end = start
        .to_naive()
        .checked_add_months(Months::new(months))
        .map_or(Day(i32::MAX / 2), Day::from_naive);
    Day(end.0 - 1)
}

/// A term of `months` added after the last day `end` of what is already served.
fn extend(end: Day, months: u32) -> Day {
    term_end(Day(end.0 + 1), months)
}

/// The verdicts in force for the custody interval `span`: those dated inside it, the
/// last of each case replacing the earlier ones of that case, each as its appeal leaves
/// it (one overturned is not in force), in timeline order.
#[must_use]
pub fn in_force(span: &Span, verdicts: &[Verdict]) -> Vec<Verdict> {
    let inside =
        |v: &&Verdict| v.when.lo >= span.open.lo && span.close.is_none_or(|c| v.when.lo < c.lo);
    let inside: Vec<&Verdict> = verdicts.iter().filter(inside).collect();
    inside
        .iter()
        .enumerate()
        .filter(|(i, v)| {
            v.case
                .is_none_or(|c| !inside[i + 1..].iter().any(|w| w.case == Some(c)))
        })
        .filter_map(|(_, v)| v.as_appealed())
        .collect()
}

/// The custodial term in force for the interval, in months: the longest term of the
/// cases in force that is not added to another, plus the months every `extends` verdict
/// adds; `None` when no custodial term is known (before a verdict, a penalty served
/// outside, a term not given). The sentence-length distribution counts by it.
#[must_use]
pub fn term_in_force(span: &Span, verdicts: &[Verdict]) -> Option<u32> {
    let current = in_force(span, verdicts);
    let custodial = || current.iter().filter(|v| v.is_custodial());
    let longest = custodial()
        .filter(|v| !v.extends)
        .filter_map(|v| v.term_months)
        .max();
    let added: u32 = custodial()
        .filter(|v| v.extends)
        .filter_map(|v| v.term_months)
        .sum();
    match (longest, added) {
        (None, 0) => None,
        (l, a) => Some(l.unwrap_or(0).saturating_add(a)),
    }
}

/// The band of a custodial term for the sentence-length distribution: `under_1`, `1_3`,
/// `3_5`, `5_10`, `10_15`, `15_plus` years (each from its lower end, up to the next).
#[must_use]
pub fn term_band(months: u32) -> &'static str {
    match months {
        0..12 => "under_1",
        12..36 => "1_3",
        36..60 => "3_5",
        60..120 => "5_10",
        120..180 => "10_15",
        _ => "15_plus",
    }
}

/// The keys of the sentence-length distribution, in order: the bands, then a custodial
/// verdict with no term given (`unknown`), a penalty served outside (`non_custodial`),
/// no verdict yet (`pre_trial`).
pub const TERM_KEYS: &[&str] = &[
    "under_1",
    "1_3",
    "3_5",
    "5_10",
    "10_15",
    "15_plus",
    "unknown",
    "non_custodial",
    "pre_trial",
];

/// The expected release for the custody interval `span` from the person's verdicts (in
/// timeline order), as the earliest and latest day; `None` when no custodial term is
/// known for it.
#[must_use]
pub fn expected_release(span: &Span, verdicts: &[Verdict]) -> Option<DayRange> {
    let current = in_force(span, verdicts);
    let mut end: Option<DayRange> = None;
    for v in &current {
        if !v.is_custodial() {
            continue;
        }
        let months = v.term_months.unwrap_or(0);
        if v.extends {
            if let Some(e) = &mut end {
                e.lo = extend(e.lo, months);
                e.hi = extend(e.hi, months);
                continue;
            }
        }
        let start = v.term_start.unwrap_or(span.open);
        let this = DayRange {
            lo: term_end(start.lo, months),
            hi: term_end(start.hi, months),
        };
        end = Some(match end {
            None => this,
            Some(e) => DayRange {
                lo: e.lo.max(this.lo),
                hi: e.hi.max(this.hi),
            },
        });
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;

    fn range(s: &str) -> DayRange {
        s.parse::<PartialDate>().unwrap().range()
    }

    fn verdict(date: &str, months: u32, regime: Option<Regime>) -> Verdict {
        Verdict {
            when: range(date),
            case: None,
            term_months: Some(months),
            regime,
            term_start: None,
            extends: false,
            appeal: None,
        }
    }

    fn span(open: &str) -> Span {
        Span {
            open: range(open),
            close: None,
        }
    }

    fn days(r: Option<DayRange>) -> Option<(String, String)> {
        r.map(|r| (r.lo.to_string(), r.hi.to_string()))
    }

    #[test]
    fn eleven_years_from_the_detention_end_the_day_before_its_anniversary() {
        let v = [verdict("2021-03-03", 132, Some(Regime::General))];
        assert_eq!(
            days(expected_release(&span("2020-08-10"), &v)),
            Some(("2031-08-09".into(), "2031-08-09".into()))
        );
    }

    #[test]
    fn a_partial_detention_gives_bounds_and_term_start_overrides_it() {
        let v = [verdict("2021-03-03", 36, None)];
        assert_eq!(
            days(expected_release(&span("2020-08"), &v)),
            Some(("2023-07-31".into(), "2023-08-30".into()))
        );
        let mut v = v;
        v[0].term_start = Some(range("2021-03-03"));
        assert_eq!(
            days(expected_release(&span("2020-08"), &v)),
            Some(("2024-03-02".into(), "2024-03-02".into()))
        );
    }

    #[test]
    fn an_appeal_replaces_the_verdict_of_its_case_and_an_extension_adds() {
        let mut first = verdict("2021-03-03", 60, None);
        first.case = Some(1);
        let mut appeal = verdict("2021-06-01", 48, None);
        appeal.case = Some(1);
        let mut added = verdict("2023-01-10", 12, None);
        added.extends = true;
        assert_eq!(
            days(expected_release(&span("2020-08-10"), &[first, appeal])),
            Some(("2024-08-09".into(), "2024-08-09".into()))
        );
        assert_eq!(
            days(expected_release(
                &span("2020-08-10"),
                &[first, appeal, added]
            )),
            Some(("2025-08-09".into(), "2025-08-09".into()))
        );
    }

    #[test]
    fn the_term_in_force_is_the_longest_case_plus_what_extensions_add() {
        let span = span("2020-08-10");
        let mut first = verdict("2021-03-03", 60, None);
        first.case = Some(1);
        let mut appeal = verdict("2021-06-01", 48, None);
        appeal.case = Some(1);
        let other = verdict("2021-09-01", 36, Some(Regime::Strict));
        let mut added = verdict("2023-01-10", 12, None);
        added.extends = true;
        assert_eq!(term_in_force(&span, &[first, appeal]), Some(48));
        assert_eq!(
            term_in_force(&span, &[first, appeal, other, added]),
            Some(60)
        );
        assert_eq!(term_band(132), "10_15");
        assert_eq!(term_band(120), "10_15");
        assert_eq!(term_band(119), "5_10");
        assert_eq!(
            term_in_force(&span, &[verdict("2021", 24, Some(Regime::HouseArrest))]),
            None
        );
    }

    #[test]
    fn penalties_served_outside_and_verdicts_of_another_interval_give_none() {
        for r in [
            Regime::RestrictedFreedom,
            Regime::HouseArrest,
            Regime::Fine,
            Regime::Suspended,
            Regime::CompulsoryTreatment,
        ] {
            assert_eq!(
                expected_release(&span("2020-08-10"), &[verdict("2021", 24, Some(r))]),
                None
            );
        }
        assert_eq!(
            expected_release(&span("2022-01-01"), &[verdict("2021", 24, None)]),
            None
        );
    }

    fn appealed(outcome: AppealOutcome, months: Option<u32>) -> Verdict {
        let mut v = verdict("2021-03-03", 132, Some(Regime::General));
        v.appeal = Some(AppealEffect {
            when: Some(range("2021-06-01")),
            outcome,
            term_months: months,
            regime: None,
        });
        v
    }

    #[test]
    fn an_appeal_upheld_keeps_the_release_and_one_that_reduces_the_term_moves_it() {
        let span = span("2020-08-10");
        let release = |v: Verdict| days(expected_release(&span, &[v]));
        let eleven = Some(("2031-08-09".into(), "2031-08-09".into()));
        assert_eq!(release(appealed(AppealOutcome::Upheld, None)), eleven);
        assert_eq!(release(appealed(AppealOutcome::Pending, None)), eleven);
        assert_eq!(
            release(appealed(AppealOutcome::Reduced, Some(96))),
            Some(("2028-08-09".into(), "2028-08-09".into()))
        );
        assert_eq!(
            release(appealed(AppealOutcome::Increased, Some(144))),
            Some(("2032-08-09".into(), "2032-08-09".into()))
        );
        assert_eq!(release(appealed(AppealOutcome::Overturned, None)), None);
        assert_eq!(
            term_in_force(&span, &[appealed(AppealOutcome::Reduced, Some(96))]),
            Some(96)
        );
        assert!(in_force(&span, &[appealed(AppealOutcome::Overturned, None)]).is_empty());
    }

    #[test]
    fn an_appeal_acts_from_its_date_on_and_one_to_a_penalty_served_outside_frees() {
        let v = appealed(AppealOutcome::Reduced, Some(96));
        let before = v.known_on(range("2021-05-31").lo);
        assert_eq!(before.appeal, None, "not yet appealed on 2021-05-31");
        assert_eq!(v.known_on(range("2021-06-01").lo), v);
        let mut outside = appealed(AppealOutcome::Reduced, Some(36));
        outside.appeal.as_mut().unwrap().regime = Some(Regime::RestrictedFreedom);
        assert_eq!(expected_release(&span("2020-08-10"), &[outside]), None);
    }
}
