//! Counting by releases: the expected releases of the persons held on a day, per month
//! ahead (`releases_by_month`, with bounds where dates are partial), and the persons
//! released in a period (`released_between`: "released this week"). Each reads the
//! custody spans and verdicts the counting rules give (`custody`, `sentence`), person by
//! person, so one key per person: the parts of `releases_by_month` add up to `held`.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};

use super::{spans_of, Held, Mode, Registry};
use crate::access::Audience;
use crate::custody::Span;
use crate::date::{Day, DayRange};
use crate::record::{EventKind, Visibility};
use crate::sentence;

/// The expected releases of the persons held on a day: `by` has one key per person —
/// a month `YYYY-MM` of the window (the month of the earliest expected day), `later`
/// (after the window), `overdue` (expected before the day, still held), `none` (no
/// custodial term known: pre-trial, a penalty served outside, no term given) and, for the
/// public, `withheld` (persons who are not public). `min` and `max` bound each month:
/// persons expected surely within it, and persons who could be released in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Releases {
    pub by: BTreeMap<String, i64>,
    pub min: BTreeMap<String, i64>,
    pub max: BTreeMap<String, i64>,
}

/// The keys of the release breakdown besides its months, in the order shown.
pub const RELEASE_KEYS: &[&str] = &["later", "overdue", "none", "withheld"];

/// The first day of the month `months` after the month of `d`.
fn month_start(d: Day, months: u32) -> Day {
    let n = d.to_naive();
    let first = NaiveDate::from_ymd_opt(n.year(), n.month(), 1).unwrap_or(n);
    Day::from_naive(
        first
            .checked_add_months(Months::new(months))
            .unwrap_or(first),
    )
}

pub(super) fn month_key(d: Day) -> String {
    let n = d.to_naive();
    format!("{:04}-{:02}", n.year(), n.month())
}

/// The months of a window of `months` from the month of `on`: each month's key, first
/// and last day (the first month from `on`), and the window's last day.
pub(super) fn window(on: Day, months: u32) -> (Vec<(String, Day, Day)>, Day) {
    let bounds = (0..months)
        .map(|i| {
            let start = month_start(on, i);
            (
                month_key(start),
                start.max(on),
                Day(month_start(on, i + 1).0 - 1),
            )
        })
        .collect();
    (bounds, Day(month_start(on, months).0 - 1))
}

impl Releases {
    /// Every month of the window and every other key, at zero.
    pub(super) fn zeroed(bounds: &[(String, Day, Day)]) -> Releases {
        let mut r = Releases::default();
        for (k, _, _) in bounds {
            r.by.insert(k.clone(), 0);
            r.min.insert(k.clone(), 0);
            r.max.insert(k.clone(), 0);
        }
        for k in RELEASE_KEYS {
            r.by.insert((*k).to_string(), 0);
        }
        r
    }
}

impl Registry {
    /// Is person `p`, whose span is `span`, counted under `mode` on day `on`?
    pub(super) fn counted_on(&self, p: u32, on: Day, mode: Mode) -> bool {
        match mode {
            Mode::All => true,
            Mode::Recognized => self.recognized[p as usize],
            Mode::RecognizedByDate => spans_of(&self.recognition, p)
                .iter()
                .any(|(_, r)| r.headline().contains(on)),
        }
    }

    /// The persons held on `on` (as `held` counts them), once each.
    fn held_persons(&self, on: Day, country: Option<&str>, mode: Mode) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for &(p, span) in &self.custody {
            if out.last() == Some(&p) || !span.headline().contains(on) {
                continue;
            }
            if self.counted_on(p, on, mode) && self.country_matches(p, country) {
                out.push(p);
            }
        }
        out
    }

    /// When person `p`, held on `on`, is expected to be released from the custody
    /// interval covering `on`, from what this audience may see.
    pub(super) fn release_of(&self, p: u32, on: Day, audience: Audience) -> Option<DayRange> {
        let (events, spans) = self.timeline_for(p, audience);
        let span: &Span = spans.iter().find(|s| s.headline().contains(on))?;
        sentence::expected_release(span, &self.verdicts(&events))
    }

    /// The pass over held persons `releases_by_month` was before it was precomputed
    /// (`release_months.rs`): what tests compare it with.
    #[doc(hidden)]
    #[must_use]
    pub fn releases_by_month_scan(
        &self,
        on: Day,
        months: u32,
        country: Option<&str>,
        mode: Mode,
        audience: Audience,
    ) -> Releases {
        let (bounds, end) = window(on, months);
        let mut r = Releases::zeroed(&bounds);
        let bump = |m: &mut BTreeMap<String, i64>, k: &str| {
            *m.entry(k.to_string()).or_insert(0) += 1;
        };
        for p in self.held_persons(on, country, mode) {
            if audience == Audience::Public
                && self.persons[p as usize].visibility != Visibility::Public
            {
                bump(&mut r.by, "withheld");
                continue;
            }
            let Some(when) = self.release_of(p, on, audience) else {
                bump(&mut r.by, "none");
                continue;
            };
            if when.lo < on {
                bump(&mut r.by, "overdue");
            } else if when.lo > end {
                bump(&mut r.by, "later");
            } else {
                bump(&mut r.by, &month_key(when.lo));
            }
            for (k, from, to) in &bounds {
                if *from <= when.lo && when.hi <= *to {
                    bump(&mut r.min, k);
                }
                if when.lo <= *to && when.hi >= *from {
                    bump(&mut r.max, k);
                }
            }
        }
        r
    }

    /// The pass over custody spans `released_between` was before it was precomputed
    /// (`release_months.rs`): what tests compare it with.
    #[doc(hidden)]
    #[must_use]
    pub fn released_between_scan(
        &self,
        from: Day,
        to: Day,
        country: Option<&str>,
        mode: Mode,
    ) -> Held {
        let mut out = Held::default();
        let mut last: Option<(u32, u8)> = None;
        for &(p, span) in &self.custody {
            let Some(c) = span.close else { continue };
            if c.lo > to || c.hi < from || !self.country_matches(p, country) {
                continue;
            }
            if !self.counted_on(p, Day(c.lo.0 - 1), mode) {
                continue;
            }
            let died = self
                .events_of(p)
                .iter()
                .any(|e| e.fact.kind == EventKind::DiedInCustody && e.fact.when == c);
            if died {
                continue;
            }
            // A person counts once in each bound, however many intervals close.
            let seen = last.filter(|(q, _)| *q == p).map_or(0, |(_, s)| s);
            let mut now = seen;
            if c.lo >= from && seen & 1 == 0 {
                out.held += 1;
                now |= 1;
            }
            if c.lo >= from && c.hi <= to && seen & 2 == 0 {
                out.held_min += 1;
                now |= 2;
            }
            if seen & 4 == 0 {
                out.held_max += 1;
                now |= 4;
            }
            last = Some((p, now));
        }
        out
    }
}
