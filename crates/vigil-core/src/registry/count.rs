//! Counting over a [`Registry`]: cumulative per-day arrays (one per country and in total,
//! for the headline figure and both bounds), built lazily per counting mode, so a count on a
//! day is one array read and a series one read per point. `held`, `held_by`, `series`,
//! `waves`, `flow`, and the answer types they return.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Months};
use serde::Serialize;

use super::{spans_of, Mode, Registry};
use crate::access::Audience;
use crate::custody::{self, HalfOpen, Span, OPEN};
use crate::date::{Day, PartialDate};
use crate::record::{Announcement, AnnouncementKind};

/// A count on a day with its bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Held {
    pub held: i64,
    pub held_min: i64,
    pub held_max: i64,
}

/// A breakdown dimension for `stats held --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum By {
    Sex,
    Age,
    Role,
    Region,
    /// The main article: the first of the latest verdict's (or charge's) articles.
    Article,
    /// The current place (or `in_transit`, `address_unknown`, `unknown`).
    Place,
    /// The latest verdict's regime, `pre_trial` before one.
    Regime,
    /// `pre_trial`, `convicted`, `restricted_freedom`, `house_arrest`.
    Status,
    /// Each organisation that recognizes the person (a person counts once under each).
    RecognizedBy,
    /// The custodial term in force, in bands: the sentence-length distribution.
    Term,
}

impl By {
    /// Every dimension (the tests that compare the precomputed breakdowns with the scan
    /// and `describe` go through all of them).
    pub const ALL: [By; 10] = [
        By::Sex,
        By::Age,
        By::Role,
        By::Region,
        By::Article,
        By::Place,
        By::Regime,
        By::Status,
        By::RecognizedBy,
        By::Term,
    ];

    #[must_use]
    pub fn parse(s: &str) -> Option<By> {
        match s {
            "sex" => Some(By::Sex),
            "age" => Some(By::Age),
            "role" => Some(By::Role),
            "region" => Some(By::Region),
            "article" => Some(By::Article),
            "place" => Some(By::Place),
            "regime" => Some(By::Regime),
            "status" => Some(By::Status),
            "recognized_by" => Some(By::RecognizedBy),
            "term" => Some(By::Term),
            _ => None,
        }
    }
}

/// Series spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Day,
    Week,
    Month,
}

impl Step {
    #[must_use]
    pub fn parse(s: &str) -> Option<Step> {
        match s {
            "day" => Some(Step::Day),
            "week" => Some(Step::Week),
            "month" => Some(Step::Month),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Day => "day",
            Step::Week => "week",
            Step::Month => "month",
        }
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeriesPoint {
    pub date: String,
    pub held: i64,
    pub held_min: i64,
    pub held_max: i64,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Wave {
    /// The announcement's first day, for comparisons.
    #[serde(skip)]
    pub first_day: Day,
    pub ordinal: u32,
    pub date: String,
    pub announcement: String,
    pub count: u64,
    pub running_total: u64,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Waves {
    pub country: String,
    pub year: i32,
    pub waves: Vec<Wave>,
    pub total: u64,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flow {
    pub from: String,
    pub to: String,
    pub detained: u64,
    pub recognized: u64,
    pub released: BTreeMap<String, u64>,
    /// Persons pardoned in the period: pardon announcements' totals plus pardons recorded
    /// on persons without an announcement.
    pub pardoned: u64,
    /// `pardoned` events on persons in the registry (linked to an announcement or not).
    pub pardoned_identified: u64,
    /// Sum of the totals of pardon announcements in the period.
    pub pardoned_announced: u64,
    pub ratio_recognized_to_pardoned: Option<f64>,
}

/// Cumulative day arrays for one counting mode.
#[derive(Debug, Default, Clone, PartialEq, Serialize, serde::Deserialize)]
pub(super) struct Curves {
    pub(super) base: i32,
    pub(super) total: Curve,
    pub(super) by_country: HashMap<String, Curve>,
}

#[derive(Debug, Default, Clone, PartialEq, Serialize, serde::Deserialize)]
pub(super) struct Curve {
    pub(super) held: Vec<i32>,
    pub(super) min: Vec<i32>,
    pub(super) max: Vec<i32>,
}

impl Curves {
    /// Held on a day, in all or in one country (its code in any case).
    pub(super) fn held(&self, on: Day, country: Option<&str>) -> Held {
        match country {
            None => self.total.at(self.base, on),
            Some(code) => self
                .by_country
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(code))
                .map(|(_, curve)| curve.at(self.base, on))
                .unwrap_or_default(),
        }
    }
}

impl Curve {
    fn at(&self, base: i32, day: Day) -> Held {
        if self.held.is_empty() || day.0 < base {
            return Held::default();
        }
        let i = ((day.0 - base) as usize).min(self.held.len() - 1);
        Held {
            held: i64::from(self.held[i]),
            held_min: i64::from(self.min[i]),
            held_max: i64::from(self.max[i]),
        }
    }
}

/// One person's days for the three measures.
pub(super) struct PersonDays {
    pub(super) headline: Vec<HalfOpen>,
    pub(super) surely: Vec<HalfOpen>,
    pub(super) possibly: Vec<HalfOpen>,
}

impl Registry {
    /// The days person-by-person on which each counts under `mode`; persons with none are skipped.
    pub(super) fn person_days(&self, mode: Mode, mut visit: impl FnMut(u32, PersonDays)) {
        let mut i = 0;
        while i < self.custody.len() {
            let p = self.custody[i].0;
            let n = self.custody[i..]
                .iter()
                .take_while(|(q, _)| *q == p)
                .count();
            let spans = &self.custody[i..i + n];
            i += n;
            if let Some(d) = self.days_from(p, spans, mode) {
                visit(p, d);
            }
        }
    }

    /// The days person `p` counts on under `mode`, if any.
    pub(super) fn days_of(&self, p: u32, mode: Mode) -> Option<PersonDays> {
        let spans = spans_of(&self.custody, p);
        if spans.is_empty() {
            return None;
        }
        self.days_from(p, spans, mode)
    }

    fn days_from(&self, p: u32, spans: &[(u32, Span)], mode: Mode) -> Option<PersonDays> {
        if mode == Mode::Recognized && !self.recognized[p as usize] {
            return None;
        }
        let days = |f: fn(&Span) -> HalfOpen, spans: &[(u32, Span)]| {
            custody::merge(spans.iter().map(|(_, s)| f(s)).collect())
        };
        let mut d = PersonDays {
            headline: days(Span::headline, spans),
            surely: days(Span::surely, spans),
            possibly: days(Span::possibly, spans),
        };
        if mode == Mode::RecognizedByDate {
            let rec = spans_of(&self.recognition, p);
            d.headline = custody::intersect(&d.headline, &days(Span::headline, rec));
            d.surely = custody::intersect(&d.surely, &days(Span::surely, rec));
            d.possibly = custody::intersect(&d.possibly, &days(Span::possibly, rec));
        }
        Some(d)
    }

    pub(super) fn curves(&self, mode: Mode) -> &Curves {
        self.curves[slot(mode)].get_or_init(|| self.build_curves(mode))
    }

    fn build_curves(&self, mode: Mode) -> Curves {
        // Day span covered by any change.
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        // Recognition days matter too: with `RecognizedByDate` a count can start on one.
        for (_, s) in self.custody.iter().chain(&self.recognition) {
            for r in [s.headline(), s.surely(), s.possibly()] {
                lo = lo.min(r.from.0);
                hi = hi.max(r.from.0);
                if r.to != OPEN {
                    hi = hi.max(r.to.0);
                }
            }
        }
        if lo > hi {
            return Curves::default();
        }
        let len = (hi - lo + 2) as usize;
        let new_curve = || Curve {
            held: vec![0; len],
            min: vec![0; len],
            max: vec![0; len],
        };
        let mut total = new_curve();
        let mut by_country: HashMap<String, Curve> = HashMap::new();
        let add = |arr: &mut Vec<i32>, ranges: &[HalfOpen]| {
            for r in ranges {
                if r.is_empty() {
                    continue;
                }
                arr[(r.from.0 - lo) as usize] += 1;
                if r.to != OPEN {
                    arr[(r.to.0 - lo) as usize] -= 1;
                }
            }
        };
        self.person_days(mode, |p, d| {
            let country_curve = self
                .symbols
                .name(self.persons[p as usize].country)
                .map(|c| by_country.entry(c.to_string()).or_insert_with(new_curve));
            for curve in [Some(&mut total), country_curve].into_iter().flatten() {
                add(&mut curve.held, &d.headline);
                add(&mut curve.min, &d.surely);
                add(&mut curve.max, &d.possibly);
            }
        });
        for curve in std::iter::once(&mut total).chain(by_country.values_mut()) {
            for arr in [&mut curve.held, &mut curve.min, &mut curve.max] {
                let mut acc = 0;
                for v in arr.iter_mut() {
                    acc += *v;
                    *v = acc;
                }
            }
        }
        Curves {
            base: lo,
            total,
            by_country,
        }
    }

    /// Held on a day (a partial date counts as its first day), with bounds.
    #[must_use]
    pub fn held(&self, on: Day, country: Option<&str>, mode: Mode) -> Held {
        self.curves(mode).held(on, country)
    }

    /// Held on each step from `from` to `to`, both included.
    #[must_use]
    pub fn series(
        &self,
        from: Day,
        to: Day,
        step: Step,
        country: Option<&str>,
        mode: Mode,
    ) -> Vec<SeriesPoint> {
        super::DayCounts::series_of(self, from, to, step, country, mode)
    }

    /// Announcements of a kind in a country and year, in date order, with ordinals and running totals.
    #[must_use]
    pub fn waves(&self, country: &str, year: i32, kind: AnnouncementKind) -> Waves {
        let mut list: Vec<&Announcement> = self
            .announcements
            .iter()
            .filter(|a| {
                a.kind == kind
                    && a.date.year_number() == year
                    && a.country
                        .as_deref()
                        .is_some_and(|c| c.eq_ignore_ascii_case(country))
            })
            .collect();
        list.sort_by(|a, b| (a.date.first_day(), &a.id).cmp(&(b.date.first_day(), &b.id)));
        let mut running = 0;
        let waves: Vec<Wave> = list
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let count = u64::from(
                    a.total
                        .unwrap_or_else(|| self.identified_count(&a.id) as u32),
                );
                running += count;
                Wave {
                    first_day: a.date.first_day(),
                    ordinal: i as u32 + 1,
                    date: a.date.to_string(),
                    announcement: a.id.clone(),
                    count,
                    running_total: running,
                }
            })
            .collect();
        Waves {
            country: country.to_string(),
            year,
            waves,
            total: running,
        }
    }

    fn identified_count(&self, announcement_id: &str) -> usize {
        self.identified(announcement_id, Audience::Trusted).len()
    }
}

/// Where a mode's curves are kept (`Registry::curves`, `Counts`).
pub(super) fn slot(mode: Mode) -> usize {
    match mode {
        Mode::Recognized => 0,
        Mode::RecognizedByDate => 1,
        Mode::All => 2,
    }
}

/// The points of a series from a count per day.
pub(super) fn series_of(
    held: impl Fn(Day) -> Held,
    from: Day,
    to: Day,
    step: Step,
) -> Vec<SeriesPoint> {
    step_days(from, to, step)
        .map(|d| {
            let h = held(d);
            SeriesPoint {
                date: d.to_string(),
                held: h.held,
                held_min: h.held_min,
                held_max: h.held_max,
            }
        })
        .collect()
}

pub(super) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The days of a series: `from`, then every step, up to `to`. Months keep the day of month
/// where they can (Jan 31 → Feb 28/29 → Mar 31).
pub fn step_days(from: Day, to: Day, step: Step) -> impl Iterator<Item = Day> {
    let start = from.to_naive();
    (0u32..)
        .map(move |k| match step {
            Step::Day => Day(from.0 + k as i32),
            Step::Week => Day(from.0 + 7 * k as i32),
            Step::Month => start
                .checked_add_months(Months::new(k))
                .map_or(OPEN, Day::from_naive),
        })
        .take_while(move |d| *d <= to)
}

/// The age band on a day, from a birth date's first day; `unknown` without one.
#[must_use]
pub fn age_band(birth: Option<PartialDate>, on: Day) -> &'static str {
    let Some(b) = birth else { return "unknown" };
    let Some(age) = age_on(b.first_day(), on) else {
        return "unknown";
    };
    match age {
        0..=17 => "0-17",
        18..=24 => "18-24",
        25..=34 => "25-34",
        35..=44 => "35-44",
        45..=54 => "45-54",
        55..=64 => "55-64",
        _ => "65+",
    }
}

/// Whole years from `birth` to `on`; `None` before birth.
#[must_use]
pub fn age_on(birth: Day, on: Day) -> Option<u32> {
    let (b, d) = (birth.to_naive(), on.to_naive());
    let mut years = d.year() - b.year();
    if (d.month(), d.day()) < (b.month(), b.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::record::{parse_record, Record};
    use crate::registry::Builder;

    pub(crate) fn registry(lines: &str) -> Registry {
        let mut records: Vec<Record> = lines
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| parse_record(l).unwrap().into_record())
            .collect();
        records.sort_by_key(|r| r.record_type().rank());
        let mut b = Builder::new();
        for r in &records {
            b.add_record(r).unwrap();
        }
        b.finish()
    }

    fn day(s: &str) -> Day {
        s.parse::<PartialDate>().unwrap().first_day()
    }

    const SMALL: &str = r#"
{"type":"person","id":"p1","sex":"male","birth_date":"1962-09-25","country":"BY","region":"Minsk","roles":["human_rights_defender"]}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-07-14"}
{"type":"event","id":"e2","person":"p1","kind":"recognized","date":"2021-07"}
{"type":"event","id":"e4","person":"p1","kind":"released","date":"2025-12-13","details":{"reason":"deported"}}
{"type":"person","id":"p2","sex":"female","country":"BY","roles":[]}
{"type":"event","id":"e5","person":"p2","kind":"detained","date":"2021-03"}
{"type":"event","id":"e6","person":"p2","kind":"recognized","date":"2021-05-01"}
{"type":"event","id":"e7","person":"p2","kind":"pardoned","date":"2024-12-09","announcement":"a1"}
{"type":"person","id":"p3","country":"RU"}
{"type":"event","id":"e8","person":"p3","kind":"detained","date":"2022-02-01"}
{"type":"announcement","id":"a1","kind":"pardon","date":"2024-12-09","country":"BY","total":29}
{"type":"announcement","id":"a0","kind":"pardon","date":"2024-07-03","country":"BY","total":18}
"#;

    #[test]
    fn held_on_a_day_counts_recognized_with_bounds() {
        let r = registry(SMALL);
        let h = |d, c, m| r.held(day(d), c, m);
        assert_eq!(
            h("2021-03-15", None, Mode::Recognized),
            Held {
                held: 1,
                held_min: 0,
                held_max: 1
            }
        );
        assert_eq!(
            h("2021-07-14", Some("BY"), Mode::Recognized),
            Held {
                held: 2,
                held_min: 2,
                held_max: 2
            }
        );
        assert_eq!(
            h("2021-07-13", Some("by"), Mode::Recognized).held,
            1,
            "country is case-insensitive"
        );
        assert_eq!(
            h("2024-12-09", None, Mode::Recognized).held,
            1,
            "pardoned on D is not held on D"
        );
        assert_eq!(
            h("2025-12-13", None, Mode::Recognized).held,
            0,
            "released on D is not held on D"
        );
        assert_eq!(
            h("2023-01-01", None, Mode::All).held,
            3,
            "--all counts the unrecognized"
        );
        assert_eq!(
            h("2021-04-01", None, Mode::RecognizedByDate).held,
            0,
            "not yet recognized"
        );
        assert_eq!(
            h("2021-07-20", None, Mode::RecognizedByDate),
            Held {
                held: 2,
                held_min: 1,
                held_max: 2
            }
        );
        assert_eq!(
            h("2030-01-01", Some("RU"), Mode::All).held,
            1,
            "open intervals run on"
        );
        assert_eq!(h("2023-01-01", Some("VE"), Mode::All).held, 0);
    }

    #[test]
    fn held_by_dimensions() {
        let r = registry(SMALL);
        let on = day("2023-01-01");
        let by = |b| {
            r.held_by(on, None, Mode::Recognized, b, Audience::Trusted)
                .into_iter()
                .collect::<Vec<_>>()
        };
        assert_eq!(
            by(By::Sex),
            [("female".to_string(), 1), ("male".to_string(), 1)]
        );
        assert_eq!(
            by(By::Age),
            [("55-64".to_string(), 1), ("unknown".to_string(), 1)]
        );
        assert_eq!(
            by(By::Role),
            [
                ("human_rights_defender".to_string(), 1),
                ("none".to_string(), 1)
            ]
        );
        assert_eq!(
            by(By::Region),
            [("Minsk".to_string(), 1), ("unknown".to_string(), 1)]
        );
    }

    #[test]
    fn waves_have_ordinals_and_running_totals() {
        let r = registry(SMALL);
        let w = r.waves("BY", 2024, AnnouncementKind::Pardon);
        let got: Vec<_> = w
            .waves
            .iter()
            .map(|w| (w.ordinal, w.date.as_str(), w.count, w.running_total))
            .collect();
        assert_eq!(got, [(1, "2024-07-03", 18, 18), (2, "2024-12-09", 29, 47)]);
        assert_eq!(w.total, 47);
        assert!(r
            .waves("BY", 2023, AnnouncementKind::Pardon)
            .waves
            .is_empty());
    }

    #[test]
    fn flow_counts_in_and_out() {
        let r = registry(SMALL);
        let f = r.flow(day("2021-01-01"), day("2025-12-31"), None, Mode::Recognized);
        assert_eq!(
            (
                f.detained,
                f.recognized,
                f.pardoned_identified,
                f.pardoned_announced,
                f.pardoned
            ),
            (2, 2, 1, 47, 47)
        );
        assert_eq!(f.released.get("deported"), Some(&1));
        assert_eq!(f.ratio_recognized_to_pardoned, Some(0.04));
        let all = r.flow(day("2021-01-01"), day("2025-12-31"), None, Mode::All);
        assert_eq!(all.detained, 3);
    }

    #[test]
    fn series_steps() {
        let days: Vec<String> = step_days(day("2024-01-31"), day("2024-05-01"), Step::Month)
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            days,
            ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]
        );
        assert_eq!(
            step_days(day("2024-01-01"), day("2024-01-15"), Step::Week).count(),
            3
        );
        let r = registry(SMALL);
        let s = r.series(
            day("2021-07-13"),
            day("2021-07-15"),
            Step::Day,
            None,
            Mode::Recognized,
        );
        assert_eq!(s.iter().map(|p| p.held).collect::<Vec<_>>(), [1, 2, 2]);
    }

    #[test]
    fn age_bands_use_the_day_counted() {
        assert_eq!(age_on(day("2000-06-15"), day("2025-06-14")), Some(24));
        assert_eq!(age_on(day("2000-06-15"), day("2025-06-15")), Some(25));
        assert_eq!(
            age_band(Some("2000-06-15".parse().unwrap()), day("2025-06-14")),
            "18-24"
        );
        assert_eq!(age_band(None, day("2025-06-14")), "unknown");
    }
}
