//! Expected releases per month precomputed per day, like the breakdowns: for a (mode,
//! audience), one cumulative day array per key, in total and per country, built on the
//! first question and moved by a patch. A held person's expected release is fixed for
//! the custody interval (the audience's) covering a day, so their key on a day is
//! `by YYYY-MM` (the month of the earliest expected day) up to that day and `overdue`
//! after it; `none` and `withheld` as the scan gives them. The bounds need two more
//! families: `min YYYY-MM` (a release surely in one month, up to its first day) and
//! `hi YYYY-MM` / `hi passed` (the latest expected day's month, up to it and after).
//!
//! The arrays end on the last day the curves cover; on and after it every person still
//! counted is held for good, so the answer is read from the sorted releases of those
//! (`Tail`). `releases_by_month_scan` (`releases.rs`) is what tests compare it with.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, PoisonError};

use super::breakdown::Split;
use super::count::PersonDays;
use super::releases::{month_key, window, Releases};
use super::{Mode, Registry};
use crate::access::Audience;
use crate::custody::{HalfOpen, OPEN};
use crate::date::{Day, DayRange};
use crate::record::Visibility;
use crate::sentence;

/// Which precomputed releases: counting mode, whether for the public.
pub(super) type MonthKey = (Mode, bool);

/// The releases per month built so far, and the released-between counts
/// (`released_days.rs`), shared by clones until one is moved.
#[derive(Debug, Default)]
pub(super) struct Lazy {
    pub(super) months: Mutex<HashMap<MonthKey, Arc<MonthDays>>>,
    pub(super) released: Mutex<HashMap<Mode, Arc<super::released_days::ReleasedDays>>>,
}

impl Clone for Lazy {
    fn clone(&self) -> Lazy {
        Lazy {
            months: Mutex::new(
                self.months
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .clone(),
            ),
            released: Mutex::new(
                self.released
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .clone(),
            ),
        }
    }
}

/// What a person's release is on some of their counted days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Withheld,
    None,
    Known(DayRange),
}

/// The releases of the persons held for good from the arrays' last day on, sorted.
#[derive(Debug, Clone, Default)]
pub(super) struct Tail {
    lo: Vec<i32>,
    hi: Vec<i32>,
    /// `lo` of the releases whose earliest and latest day fall in one month.
    same: Vec<i32>,
    none: i64,
    withheld: i64,
}

impl Tail {
    /// Adds (`sign` 1) or takes away (-1) a release; while `building`, appended
    /// unsorted (sorted once by [`Tail::sort`]: an insertion each would be quadratic).
    fn change(&mut self, rel: Rel, sign: i32, building: bool) -> Option<()> {
        let edit = |v: &mut Vec<i32>, x: i32| -> Option<()> {
            if building {
                v.push(x);
                return Some(());
            }
            let at = v.partition_point(|&y| y < x);
            if sign > 0 {
                v.insert(at, x);
            } else {
                (v.get(at) == Some(&x)).then(|| v.remove(at))?;
            }
            Some(())
        };
        match rel {
            Rel::Withheld => self.withheld += i64::from(sign),
            Rel::None => self.none += i64::from(sign),
            Rel::Known(r) => {
                edit(&mut self.lo, r.lo.0)?;
                edit(&mut self.hi, r.hi.0)?;
                if month_key(r.lo) == month_key(r.hi) {
                    edit(&mut self.same, r.lo.0)?;
                }
            }
        }
        Some(())
    }

    fn sort(&mut self) {
        for v in [&mut self.lo, &mut self.hi, &mut self.same] {
            v.sort_unstable();
        }
    }
}

/// How many of sorted `v` lie in `from..=to`.
fn within(v: &[i32], from: i32, to: i32) -> i64 {
    if from > to {
        return 0;
    }
    (v.partition_point(|&x| x <= to) - v.partition_point(|&x| x < from)) as i64
}

/// Expected releases per day for one (mode, audience).
#[derive(Debug, Clone, Default)]
pub(super) struct MonthDays {
    split: Split,
    total: Tail,
    by_country: HashMap<Box<str>, Tail>,
}

impl MonthDays {
    /// The arrays' last day: from it on, the tails answer.
    fn last(&self) -> i32 {
        self.split.base + self.split.len as i32 - 1
    }

    fn tail_mut(&mut self, country: Option<&str>) -> [Option<&mut Tail>; 2] {
        let c = country.map(|c| self.by_country.entry(c.into()).or_default());
        [Some(&mut self.total), c]
    }

    /// Adds (`sign` 1) or takes away (-1) a person's pieces; `None` when the arrays
    /// cannot take them (built again on the next question).
    fn change(
        &mut self,
        country: Option<&str>,
        pieces: &[(Rel, Vec<HalfOpen>)],
        sign: i32,
        building: bool,
    ) -> Option<()> {
        let last = Day(self.last());
        // The tails hold from the last day on: a piece that starts or ends after it
        // (a public timeline that begins later than the curves change) needs longer
        // arrays.
        let mut ends = pieces.iter().flat_map(|(_, rs)| rs.iter());
        if ends.any(|r| r.from > last || (r.to != OPEN && r.to > last)) {
            return None;
        }
        for (rel, ranges) in pieces {
            for (k, rs) in keyed(*rel, ranges, last) {
                if building {
                    self.split.add_delta(country, &k, &rs);
                } else {
                    self.split.add(country, &k, &rs, sign)?;
                }
            }
            if ranges.iter().any(|r| r.to == OPEN) {
                for t in self.tail_mut(country).into_iter().flatten() {
                    t.change(*rel, sign, building)?;
                }
            }
        }
        Some(())
    }
}

/// `ranges` before day `x` (`after`: from `x` on).
fn cut(ranges: &[HalfOpen], x: Day, after: bool) -> Vec<HalfOpen> {
    ranges
        .iter()
        .map(|r| {
            if after {
                HalfOpen {
                    from: r.from.max(x),
                    to: r.to,
                }
            } else {
                HalfOpen {
                    from: r.from,
                    to: r.to.min(x),
                }
            }
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The keys of a piece with their days, ended before the arrays' last day (`last`).
fn keyed(rel: Rel, ranges: &[HalfOpen], last: Day) -> Vec<(String, Vec<HalfOpen>)> {
    let mut out = match rel {
        Rel::Withheld => vec![("withheld".to_string(), ranges.to_vec())],
        Rel::None => vec![("none".to_string(), ranges.to_vec())],
        Rel::Known(r) => {
            let (lo, hi) = (Day(r.lo.0.saturating_add(1)), Day(r.hi.0.saturating_add(1)));
            let mut v = vec![
                (format!("by {}", month_key(r.lo)), cut(ranges, lo, false)),
                ("overdue".to_string(), cut(ranges, lo, true)),
                (format!("hi {}", month_key(r.hi)), cut(ranges, hi, false)),
                ("hi passed".to_string(), cut(ranges, hi, true)),
            ];
            if month_key(r.lo) == month_key(r.hi) {
                v.push((format!("min {}", month_key(r.lo)), cut(ranges, lo, false)));
            }
            v
        }
    };
    for (_, rs) in &mut out {
        rs.retain(|r| r.from < last);
        for r in rs.iter_mut() {
            if r.to >= last {
                r.to = OPEN;
            }
        }
    }
    out.retain(|(_, rs)| !rs.is_empty());
    out
}

/// Sorted, disjoint `a` within `b`, and `a` outside it.
fn split_by(a: &[HalfOpen], b: HalfOpen) -> (Vec<HalfOpen>, Vec<HalfOpen>) {
    let (mut inside, mut outside) = (Vec::new(), Vec::new());
    for r in a {
        let i = HalfOpen {
            from: r.from.max(b.from),
            to: r.to.min(b.to),
        };
        if i.is_empty() {
            outside.push(*r);
            continue;
        }
        inside.push(i);
        for o in [
            HalfOpen {
                from: r.from,
                to: i.from,
            },
            HalfOpen {
                from: i.to,
                to: r.to,
            },
        ] {
            if !o.is_empty() {
                outside.push(o);
            }
        }
    }
    (inside, outside)
}

impl Registry {
    /// Person `p`'s counted days (headline) by what their release is: the days of each
    /// custody interval the audience sees, with its expected release (the first interval
    /// covering a day, as the scan takes it).
    fn release_pieces(
        &self,
        p: u32,
        audience: Audience,
        d: &PersonDays,
    ) -> Vec<(Rel, Vec<HalfOpen>)> {
        if audience == Audience::Public && self.persons[p as usize].visibility != Visibility::Public
        {
            return vec![(Rel::Withheld, d.headline.clone())];
        }
        let (events, spans) = self.timeline_for(p, audience);
        let verdicts = self.verdicts(&events);
        let mut rest = d.headline.clone();
        let mut out = Vec::new();
        for s in &spans {
            let (inside, outside) = split_by(&rest, s.headline());
            rest = outside;
            if !inside.is_empty() {
                let rel = sentence::expected_release(s, &verdicts).map_or(Rel::None, Rel::Known);
                out.push((rel, inside));
            }
        }
        if !rest.is_empty() {
            out.push((Rel::None, rest));
        }
        out
    }

    fn month_days(&self, key: MonthKey) -> Arc<MonthDays> {
        let mut all = self
            .release_days
            .months
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        Arc::clone(
            all.entry(key)
                .or_insert_with(|| Arc::new(self.build_month_days(key))),
        )
    }

    fn build_month_days(&self, (mode, public): MonthKey) -> MonthDays {
        let curves = self.curves(mode);
        let mut m = MonthDays {
            split: Split::over(curves.base, curves.total.held.len()),
            ..MonthDays::default()
        };
        if m.split.len == 0 {
            return m;
        }
        let audience = audience(public);
        let mut all = Vec::new();
        self.person_days(mode, |p, d| {
            all.push((p, self.release_pieces(p, audience, &d)));
        });
        // What the audience sees can change after the last day the curves cover (a
        // public detention recorded after a confidential one): the arrays reach it.
        let latest = all
            .iter()
            .flat_map(|(_, pieces)| pieces.iter().flat_map(|(_, rs)| rs.iter()))
            .flat_map(|r| [r.from.0, if r.to == OPEN { i32::MIN } else { r.to.0 }])
            .max()
            .unwrap_or(i32::MIN);
        m.split.len = m
            .split
            .len
            .max((i64::from(latest) - i64::from(m.split.base) + 2).max(0) as usize);
        for (p, pieces) in &all {
            let _ = m.change(self.country_of(*p), pieces, 1, true);
        }
        m.split.cumulate();
        m.total.sort();
        for t in m.by_country.values_mut() {
            t.sort();
        }
        m
    }

    /// The expected releases of the persons held on `on`, for `months` months from the
    /// month of `on` (that month included): a read per key of the arrays built on the
    /// first question (as `releases_by_month_scan` counts them).
    #[must_use]
    pub fn releases_by_month(
        &self,
        on: Day,
        months: u32,
        country: Option<&str>,
        mode: Mode,
        audience: Audience,
    ) -> Releases {
        let (bounds, end) = window(on, months);
        let mut r = Releases::zeroed(&bounds);
        let m = self.month_days((mode, audience == Audience::Public));
        if m.split.len == 0 {
            return r;
        }
        if on.0 >= m.last() {
            let tail = match country {
                None => Some(&m.total),
                Some(c) => m
                    .by_country
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(c))
                    .map(|(_, t)| t),
            };
            if let Some(t) = tail {
                from_tail(&mut r, t, on, &bounds, end);
            }
            return r;
        }
        let vals = m.split.values_on(country, on);
        let get = |k: &str| vals.get(k).copied().unwrap_or(0);
        let last_key = bounds.last().map_or(String::new(), |(k, _, _)| k.clone());
        let mut later = 0;
        for (k, v) in &vals {
            if let Some(month) = k.strip_prefix("by ") {
                if month > last_key.as_str() {
                    later += v;
                }
            }
        }
        let overdue = get("overdue");
        for (k, _, _) in &bounds {
            r.by.insert(k.clone(), get(&format!("by {k}")));
            r.min.insert(k.clone(), get(&format!("min {k}")));
            // Possibly in the month: expected no later than its end, less those whose
            // latest day is before it.
            let mut max = overdue - get("hi passed");
            for (key, v) in &vals {
                if key.strip_prefix("by ").is_some_and(|x| x <= k.as_str()) {
                    max += v;
                }
                if key.strip_prefix("hi ").is_some_and(|x| x < k.as_str()) {
                    max -= v;
                }
            }
            r.max.insert(k.clone(), max);
        }
        for (k, v) in [
            ("later", later),
            ("overdue", overdue),
            ("none", get("none")),
            ("withheld", get("withheld")),
        ] {
            r.by.insert(k.to_string(), v);
        }
        r
    }
}

/// The answer on and after the arrays' last day, from the releases of those held for good.
fn from_tail(r: &mut Releases, t: &Tail, on: Day, bounds: &[(String, Day, Day)], end: Day) {
    for (k, from, to) in bounds {
        r.by.insert(k.clone(), within(&t.lo, from.0, to.0));
        r.min.insert(k.clone(), within(&t.same, from.0, to.0));
        let max = within(&t.lo, i32::MIN, to.0) - within(&t.hi, i32::MIN, from.0 - 1);
        r.max.insert(k.clone(), max);
    }
    for (k, v) in [
        ("later", within(&t.lo, end.0 + 1, i32::MAX)),
        ("overdue", within(&t.lo, i32::MIN, on.0 - 1)),
        ("none", t.none),
        ("withheld", t.withheld),
    ] {
        r.by.insert(k.to_string(), v);
    }
}

fn audience(public: bool) -> Audience {
    if public {
        Audience::Public
    } else {
        Audience::Trusted
    }
}

/// The releases per month already built, moved by the affected persons' change from
/// `before` to `after` (only where the mode's curves were kept, so the days are the
/// same); one that cannot be moved is built again on the next question.
pub(super) fn moved_months(
    before: &Registry,
    after: &Registry,
    affected: &BTreeSet<u32>,
    kept: impl Fn(Mode) -> bool,
) -> HashMap<MonthKey, Arc<MonthDays>> {
    let built = super::built_so_far(&before.release_days.months);
    let mut out = HashMap::new();
    for ((mode, public), old) in built {
        if !kept(mode) || old.split.len == 0 {
            continue;
        }
        let mut m = (*old).clone();
        let ok = affected.iter().all(|&p| {
            [(before, -1), (after, 1)].into_iter().all(|(r, sign)| {
                if p as usize >= r.person_count() {
                    return true;
                }
                let Some(d) = r.days_of(p, mode) else {
                    return true;
                };
                let pieces = r.release_pieces(p, audience(public), &d);
                m.change(r.country_of(p), &pieces, sign, false).is_some()
            })
        });
        if ok {
            out.insert((mode, public), Arc::new(m));
        }
    }
    out
}

/// The expected releases for 24 months on every 23rd day from `from` to `to` (and
/// the day after the arrays end), for `describe`.
pub(super) fn describe_months(
    reg: &Registry,
    mode: Mode,
    c: Option<&str>,
    (from, to): (Day, Day),
) -> String {
    let mut s = String::new();
    for d in (from.0..=to.0).step_by(23).chain([to.0 + 400]) {
        for audience in [Audience::Trusted, Audience::Public] {
            let r = reg.releases_by_month(Day(d), 24, c, mode, audience);
            let by: BTreeMap<_, _> = r.by.iter().filter(|(_, v)| **v != 0).collect();
            let _ = write!(s, "{by:?} {:?} {:?};", r.min, r.max);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On every day of a generated registry (and a year past its last), in every mode,
    /// audience and country, the precomputed releases per month and released in the week
    /// up to the day equal the scans.
    #[test]
    fn precomputed_releases_equal_the_scan_on_every_day() {
        let reg = super::super::breakdown::tests::generated(400, 5);
        let (from, to) = (Day::ymd(2019, 6, 1).unwrap(), Day::ymd(2027, 6, 1).unwrap());
        let (mut months_seen, mut released_seen) = (0, 0);
        for mode in [Mode::Recognized, Mode::RecognizedByDate, Mode::All] {
            for country in [None, Some("BY"), Some("ru"), Some("XX")] {
                for d in from.0..to.0 {
                    let on = Day(d);
                    for audience in [Audience::Trusted, Audience::Public] {
                        let months = if d % 2 == 0 { 12 } else { 3 };
                        let got = reg.releases_by_month(on, months, country, mode, audience);
                        let want = reg.releases_by_month_scan(on, months, country, mode, audience);
                        assert_eq!(got, want, "{mode:?} {country:?} {audience:?} {on}");
                        months_seen += got.min.values().sum::<i64>();
                    }
                    for days in [0, 6, 40, 400] {
                        let start = Day(d - days);
                        let got = reg.released_between(start, on, country, mode);
                        let want = reg.released_between_scan(start, on, country, mode);
                        assert_eq!(got, want, "{mode:?} {country:?} {start}..{on}");
                        released_seen += got.held_max;
                    }
                }
            }
        }
        assert!(months_seen > 1000, "releases expected ({months_seen})");
        assert!(released_seen > 1000, "releases made ({released_seen})");
    }

    fn registry(lines: &[&str]) -> Registry {
        let mut b = crate::registry::Builder::new();
        for l in lines {
            b.add_record(&crate::record::parse_record(l).unwrap().into_record())
                .unwrap();
        }
        b.finish()
    }

    const PERSON: &str = r#"{"type":"person","id":"p0","names":[{"text":"A"}],"country":"BY","visibility":"public"}"#;
    const HIDDEN: &str = r#"{"type":"event","id":"e0","kind":"detained","person":"p0","date":"2022-01-01","visibility":"confidential"}"#;
    const SEEN: &[&str] = &[
        r#"{"type":"event","id":"e1","kind":"detained","person":"p0","date":"2024-07-03"}"#,
        r#"{"type":"event","id":"e2","kind":"sentenced","person":"p0","date":"2024-07-03","details":{"term_months":106,"regime":"strict"}}"#,
    ];

    fn assert_scan_on_every_day(reg: &Registry) {
        for d in Day::ymd(2021, 6, 1).unwrap().0..Day::ymd(2034, 1, 1).unwrap().0 {
            for audience in [Audience::Trusted, Audience::Public] {
                let got = reg.releases_by_month(Day(d), 6, None, Mode::All, audience);
                let want = reg.releases_by_month_scan(Day(d), 6, None, Mode::All, audience);
                assert_eq!(got, want, "{audience:?} {}", Day(d));
            }
        }
    }

    /// Found by the write-path test: the public sees a detention only from 2024 (the
    /// one of 2022 is confidential), long after the curves' last change, so what the
    /// public is told changes after the arrays' last day. Fails when the arrays end
    /// there (the tail then answered "expected later" for 2022).
    #[test]
    fn a_public_timeline_that_begins_after_the_curves_end_is_read_right() {
        let mut lines = vec![PERSON, HIDDEN];
        lines.extend(SEEN);
        let reg = registry(&lines);
        let on = Day::ymd(2022, 6, 1).unwrap();
        let public = reg.releases_by_month(on, 6, None, Mode::All, Audience::Public);
        assert_eq!((public.by["none"], public.by["later"]), (1, 0));
        assert_scan_on_every_day(&reg);

        // The same reached by a patch of a registry whose arrays were built before the
        // public detention was recorded.
        let before = registry(&[PERSON, HIDDEN]);
        assert_scan_on_every_day(&before);
        let all: Vec<_> = lines[1..]
            .iter()
            .map(
                |l| match crate::record::parse_record(l).unwrap().into_record() {
                    crate::record::Record::Event(e) => e,
                    other => panic!("{other:?}"),
                },
            )
            .collect();
        let changes = super::super::Changes {
            events: vec![("p0".to_string(), all)],
            ..Default::default()
        };
        let after = before.patched(&changes).expect("patched");
        assert_scan_on_every_day(&after);
    }
}
