//! Breakdowns precomputed per day, like the series: for a (mode, dimension, audience),
//! one cumulative day array per key, in total and per country, built on the first
//! question and moved by a patch (`patch.rs`) like the curves. `held_by` is then one
//! read per key.
//!
//! A dimension is a function from a person and the days it is counted on to keys over
//! days ([`Registry::keyed_days`]): most keys are the person's (sex, region, each role);
//! the age band changes on birthdays, so its days are split there. A new dimension is a
//! new arm there and nothing else. `held_by_scan` (the pass over custody spans this
//! replaced) is what tests compare it with.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::count::PersonDays;
use super::{By, CaseBy, Mode, Registry, NONE};
use crate::access::Audience;
use crate::custody::{HalfOpen, OPEN};
use crate::date::Day;
use crate::record::{Sex, Visibility};

/// Cumulative per-day counts per key, in total and per country.
#[derive(Debug, Clone, Default)]
pub(super) struct Split {
    pub(super) base: i32,
    pub(super) len: usize,
    keys: Vec<Box<str>>,
    key_ix: HashMap<Box<str>, u32>,
    /// Per key, a day array: deltas while building, cumulative once built.
    total: Vec<Vec<i32>>,
    by_country: HashMap<Box<str>, Vec<Vec<i32>>>,
}

/// Which split: counting mode, dimension, whether for the public.
pub(super) type SplitKey = (Mode, By, bool);

/// The splits built so far, shared by clones until one is moved.
pub(super) type Splits = std::sync::Mutex<HashMap<SplitKey, Arc<Split>>>;

impl Split {
    /// An empty split over `len` days from `base`.
    pub(super) fn over(base: i32, len: usize) -> Split {
        Split {
            base,
            len,
            ..Split::default()
        }
    }

    fn key(&mut self, k: &str) -> usize {
        if let Some(&i) = self.key_ix.get(k) {
            return i as usize;
        }
        let i = self.keys.len();
        self.keys.push(k.into());
        self.key_ix.insert(k.into(), i as u32);
        self.total.push(vec![0; self.len]);
        for arrays in self.by_country.values_mut() {
            arrays.push(vec![0; self.len]);
        }
        i
    }

    /// Adds `sign` on the days of `ranges` for `key` (cumulative: every day in range);
    /// `None` when a day is outside the arrays.
    pub(super) fn add(
        &mut self,
        country: Option<&str>,
        key: &str,
        ranges: &[HalfOpen],
        sign: i32,
    ) -> Option<()> {
        let k = self.key(key);
        let (base, len) = (self.base, self.len);
        let at = |d: Day| -> Option<usize> {
            let i = d.0.checked_sub(base)?;
            (0..=(len as i32 - 2)).contains(&i).then_some(i as usize)
        };
        let mut spans = Vec::with_capacity(ranges.len());
        for r in ranges.iter().filter(|r| !r.is_empty()) {
            let to = if r.to == OPEN { len } else { at(r.to)? };
            spans.push((at(r.from)?, to));
        }
        let nkeys = self.keys.len();
        let mut arrays: Vec<&mut Vec<i32>> = vec![&mut self.total[k]];
        if let Some(c) = country {
            let per = self
                .by_country
                .entry(c.into())
                .or_insert_with(|| vec![vec![0; len]; nkeys]);
            arrays.push(&mut per[k]);
        }
        for arr in arrays {
            for &(from, to) in &spans {
                for v in &mut arr[from..to] {
                    *v += sign;
                }
            }
        }
        Some(())
    }

    /// While building: `+1` where each range starts and `-1` where it ends (then
    /// [`Split::cumulate`]).
    pub(super) fn add_delta(&mut self, country: Option<&str>, key: &str, ranges: &[HalfOpen]) {
        let k = self.key(key);
        let (base, len, nkeys) = (self.base, self.len, self.keys.len());
        let mut arrays: Vec<&mut Vec<i32>> = vec![&mut self.total[k]];
        if let Some(c) = country {
            let per = self
                .by_country
                .entry(c.into())
                .or_insert_with(|| vec![vec![0; len]; nkeys]);
            arrays.push(&mut per[k]);
        }
        for arr in arrays {
            for r in ranges.iter().filter(|r| !r.is_empty()) {
                arr[(r.from.0 - base) as usize] += 1;
                if r.to != OPEN {
                    arr[(r.to.0 - base) as usize] -= 1;
                }
            }
        }
    }

    /// Turns the deltas of [`Split::add_delta`] into running sums.
    pub(super) fn cumulate(&mut self) {
        for arr in self
            .total
            .iter_mut()
            .chain(self.by_country.values_mut().flatten())
        {
            let mut acc = 0;
            for v in arr.iter_mut() {
                acc += *v;
                *v = acc;
            }
        }
    }

    /// The running sum of `key` on `on` (in total or for a country, any case).
    pub(super) fn value(&self, country: Option<&str>, key: &str, on: Day) -> i64 {
        let Some(&k) = self.key_ix.get(key) else {
            return 0;
        };
        if self.len == 0 || on.0 < self.base {
            return 0;
        }
        let i = ((i64::from(on.0) - i64::from(self.base)) as usize).min(self.len - 1);
        let arrays = match country {
            None => &self.total,
            Some(code) => match self
                .by_country
                .iter()
                .find(|(c, _)| c.eq_ignore_ascii_case(code))
            {
                Some((_, a)) => a,
                None => return 0,
            },
        };
        i64::from(arrays[k as usize][i])
    }

    /// Every key's running sum on `on` that is not zero (in total or for a country,
    /// any case).
    pub(super) fn values_on(&self, country: Option<&str>, on: Day) -> BTreeMap<String, i64> {
        match country {
            None => self.at(&self.total, on),
            Some(code) => self
                .by_country
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(code))
                .map(|(_, arrays)| self.at(arrays, on))
                .unwrap_or_default(),
        }
    }

    /// The keys, in the order first seen.
    pub(super) fn keys(&self) -> &[Box<str>] {
        &self.keys
    }

    fn at(&self, arrays: &[Vec<i32>], on: Day) -> BTreeMap<String, i64> {
        let mut out = BTreeMap::new();
        if self.len == 0 || on.0 < self.base {
            return out;
        }
        let i = ((on.0 - self.base) as usize).min(self.len - 1);
        for (k, arr) in self.keys.iter().zip(arrays) {
            if arr[i] != 0 {
                out.insert(k.to_string(), i64::from(arr[i]));
            }
        }
        out
    }
}

impl Registry {
    /// The headline count on a day split by a dimension. A person with several roles
    /// counts once under each.
    #[must_use]
    pub fn held_by(
        &self,
        on: Day,
        country: Option<&str>,
        mode: Mode,
        by: By,
        audience: Audience,
    ) -> BTreeMap<String, i64> {
        let m = self
            .split((mode, by, audience == Audience::Public))
            .values_on(country, on);
        if by == By::RecognizedBy {
            super::recognitions::merge_spellings(m)
        } else {
            m
        }
    }

    pub(super) fn split(&self, key: SplitKey) -> Arc<Split> {
        let mut splits = self
            .splits
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(
            splits
                .entry(key)
                .or_insert_with(|| Arc::new(self.build_split(key))),
        )
    }

    fn build_split(&self, (mode, by, public): SplitKey) -> Split {
        let curves = self.curves(mode);
        let mut split = Split {
            base: curves.base,
            len: curves.total.held.len(),
            ..Split::default()
        };
        if split.len == 0 {
            return split;
        }
        let audience = if public {
            Audience::Public
        } else {
            Audience::Trusted
        };
        let mut pieces = Vec::new();
        let mut keyed = Vec::new();
        self.person_days(mode, |p, d| {
            keyed.clear();
            self.keyed_days(p, by, audience, &d, &mut keyed);
            for (k, ranges) in keyed.drain(..) {
                pieces.push((p, k, ranges));
            }
        });
        // A key can change after the last day the curves cover (an age band on a
        // birthday): the arrays reach the last such day.
        let last = pieces
            .iter()
            .flat_map(|(_, _, ranges)| ranges.iter())
            .filter(|r| r.to != OPEN)
            .map(|r| r.to.0)
            .max()
            .unwrap_or(i32::MIN);
        split.len = split
            .len
            .max((i64::from(last) - i64::from(split.base) + 2).max(0) as usize);
        for (p, k, ranges) in &pieces {
            split.add_delta(self.country_of(*p), k, ranges);
        }
        split.cumulate();
        split
    }

    /// Person `p`'s counted days (headline) under each key of a dimension.
    pub(super) fn keyed_days(
        &self,
        p: u32,
        by: By,
        audience: Audience,
        d: &PersonDays,
        out: &mut Vec<(String, Vec<HalfOpen>)>,
    ) {
        let person = &self.persons[p as usize];
        let all = |k: &str, out: &mut Vec<(String, Vec<HalfOpen>)>| {
            out.push((k.to_string(), d.headline.clone()));
        };
        if audience == Audience::Public
            && person.visibility != Visibility::Public
            && !matches!(by, By::Sex | By::Age)
        {
            return all("withheld", out);
        }
        match by {
            By::Sex => all(person.sex.unwrap_or(Sex::Unknown).as_str(), out),
            By::Region => all(self.symbols.name(person.region).unwrap_or("unknown"), out),
            By::Role => match person.roles {
                NONE => all("unknown", out),
                set => {
                    let roles = &self.symbols.role_sets[set as usize];
                    if roles.is_empty() {
                        all("none", out);
                    }
                    for &r in &**roles {
                        all(&self.symbols.names[r as usize], out);
                    }
                }
            },
            By::RecognizedBy => {
                let orgs = self.recognized_by(p, audience);
                if orgs.is_empty() {
                    all("none", out);
                }
                for o in &orgs {
                    all(o, out);
                }
            }
            By::Article => self.case_days(p, CaseBy::Article, audience, d, out),
            By::Place => self.case_days(p, CaseBy::Place, audience, d, out),
            By::Regime => self.case_days(p, CaseBy::Regime, audience, d, out),
            By::Status => self.case_days(p, CaseBy::Status, audience, d, out),
            By::Term => self.case_days(p, CaseBy::Term, audience, d, out),
            By::Age => {
                // The band changes on birthdays: cut the days there.
                let mut by_band: Vec<(String, Vec<HalfOpen>)> = Vec::new();
                for r in &d.headline {
                    let mut from = r.from;
                    while from < r.to {
                        let band = super::age_band(person.birth, from);
                        let next = person
                            .birth
                            .and_then(|b| next_band_change(b.first_day(), from))
                            .map_or(r.to, |n| n.min(r.to));
                        let piece = HalfOpen { from, to: next };
                        match by_band.iter_mut().find(|(k, _)| k == band) {
                            Some((_, v)) => v.push(piece),
                            None => by_band.push((band.to_string(), vec![piece])),
                        }
                        from = next;
                    }
                }
                out.extend(by_band);
            }
        }
    }

    /// Person `p`'s counted days under a case key (`case_key`). The key on a day is read
    /// from the events on or before it within the custody span that covers it, so it
    /// only changes on an event's day, an appeal's, or where a span (the audience's) begins or ends:
    /// the days are cut there and each piece takes the key of its first day.
    fn case_days(
        &self,
        p: u32,
        by: CaseBy,
        audience: Audience,
        d: &PersonDays,
        out: &mut Vec<(String, Vec<HalfOpen>)>,
    ) {
        let mut cuts: Vec<Day> = self.events_of(p).iter().map(|e| e.fact.when.lo).collect();
        // An appeal changes the keys from its own date on.
        cuts.extend(self.events_of(p).iter().filter_map(|e| {
            self.case_facts(e)
                .and_then(|c| c.appeal)
                .and_then(|a| a.when)
                .map(|w| w.lo)
        }));
        let public = self.public_view.get(&p).map(|t| t.custody.as_slice());
        let spans = super::spans_of(&self.custody, p).iter().map(|(_, s)| s);
        for s in spans.chain(public.unwrap_or_default()) {
            let h = s.headline();
            cuts.extend([s.open.lo, h.from, h.to]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let start = out.len();
        for r in &d.headline {
            let mut from = r.from;
            while from < r.to {
                let next = cuts[cuts.partition_point(|&c| c <= from)..]
                    .first()
                    .map_or(r.to, |&c| c.min(r.to));
                let key = self.case_key(p, from, by, audience);
                let piece = HalfOpen { from, to: next };
                match out[start..].iter_mut().find(|(k, _)| *k == key) {
                    Some((_, v)) => match v.last_mut() {
                        Some(last) if last.to == from => last.to = next,
                        _ => v.push(piece),
                    },
                    None => out.push((key, vec![piece])),
                }
                from = next;
            }
        }
    }

    /// The pass over custody spans `held_by` was before it was precomputed: what tests
    /// compare it with.
    #[doc(hidden)]
    #[must_use]
    pub fn held_by_scan(
        &self,
        on: Day,
        country: Option<&str>,
        mode: Mode,
        by: By,
        audience: Audience,
    ) -> BTreeMap<String, i64> {
        let mut out = BTreeMap::new();
        let mut last = None;
        for &(p, span) in &self.custody {
            // Spans are grouped by person; a person counts once however many spans cover the day.
            if last == Some(p) || !span.headline().contains(on) {
                continue;
            }
            let counted = match mode {
                Mode::All => true,
                Mode::Recognized => self.recognized[p as usize],
                Mode::RecognizedByDate => super::spans_of(&self.recognition, p)
                    .iter()
                    .any(|(_, r)| r.headline().contains(on)),
            };
            if !counted || !self.country_matches(p, country) {
                continue;
            }
            last = Some(p);
            let person = &self.persons[p as usize];
            let mut bump = |k: &str| *out.entry(k.to_string()).or_insert(0) += 1;
            if audience == Audience::Public
                && person.visibility != Visibility::Public
                && !matches!(by, By::Sex | By::Age)
            {
                bump("withheld");
                continue;
            }
            match by {
                By::Sex => bump(person.sex.unwrap_or(Sex::Unknown).as_str()),
                By::Region => bump(self.symbols.name(person.region).unwrap_or("unknown")),
                By::Age => bump(super::age_band(person.birth, on)),
                By::Article => bump(&self.case_key(p, on, CaseBy::Article, audience)),
                By::Place => bump(&self.case_key(p, on, CaseBy::Place, audience)),
                By::Regime => bump(&self.case_key(p, on, CaseBy::Regime, audience)),
                By::Status => bump(&self.case_key(p, on, CaseBy::Status, audience)),
                By::Term => bump(&self.case_key(p, on, CaseBy::Term, audience)),
                By::RecognizedBy => {
                    let orgs = self.recognized_by(p, audience);
                    if orgs.is_empty() {
                        bump("none");
                    }
                    for o in orgs {
                        bump(&o);
                    }
                }
                By::Role => match person.roles {
                    NONE => bump("unknown"),
                    set => {
                        let roles = &self.symbols.role_sets[set as usize];
                        if roles.is_empty() {
                            bump("none");
                        }
                        for &r in &**roles {
                            bump(&self.symbols.names[r as usize]);
                        }
                    }
                },
            }
        }
        if by == By::RecognizedBy {
            return super::recognitions::merge_spellings(out);
        }
        out
    }
}

/// The first day after `from` on which someone born on `birth` enters another age band
/// (`age_band`'s bounds), if any.
fn next_band_change(birth: Day, from: Day) -> Option<Day> {
    const BOUNDS: [u32; 7] = [0, 18, 25, 35, 45, 55, 65];
    BOUNDS
        .iter()
        .filter_map(|&years| turning(birth, years))
        .find(|&d| d > from)
}

/// The first day someone born on `birth` is `years` old (`age_on`'s rule: a 29 February
/// birthday is reached on 1 March in other years).
fn turning(birth: Day, years: u32) -> Option<Day> {
    use chrono::Datelike;
    let b = birth.to_naive();
    let y = b.year() + i32::try_from(years).ok()?;
    let d = chrono::NaiveDate::from_ymd_opt(y, b.month(), b.day())
        .or_else(|| chrono::NaiveDate::from_ymd_opt(y, 3, 1))?;
    Some(Day::from_naive(d))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::record::{parse_record, Record};
    use crate::registry::Builder;

    /// A generated registry, built as a store loads one (persons before events).
    pub(crate) fn generated(persons: u64, seed: u64) -> Registry {
        let mut records = Vec::new();
        crate::generate::generate(crate::generate::Settings { persons, seed }, &mut |line| {
            records.push(parse_record(line).unwrap().into_record());
        });
        records.sort_by_key(|r: &Record| r.record_type().rank());
        let mut b = Builder::new();
        for r in &records {
            b.add_record(r).unwrap();
        }
        b.finish()
    }

    #[test]
    fn precomputed_breakdowns_equal_the_scan_on_every_day() {
        let reg = generated(400, 3);
        let (from, to) = (Day::ymd(2019, 6, 1).unwrap(), Day::ymd(2027, 1, 1).unwrap());
        let mut nonzero = 0;
        for mode in [Mode::Recognized, Mode::RecognizedByDate, Mode::All] {
            for by in super::super::describe::ALL_BY {
                for audience in [Audience::Trusted, Audience::Public] {
                    for country in [None, Some("BY"), Some("by"), Some("XX")] {
                        for d in (from.0..to.0).step_by(5) {
                            let got = reg.held_by(Day(d), country, mode, by, audience);
                            let want = reg.held_by_scan(Day(d), country, mode, by, audience);
                            assert_eq!(
                                got,
                                want,
                                "{mode:?} {by:?} {audience:?} {country:?} {}",
                                Day(d)
                            );
                            nonzero += usize::from(!got.is_empty());
                        }
                    }
                }
            }
        }
        assert!(nonzero > 1000, "the registry has persons held ({nonzero})");
    }

    #[test]
    fn an_age_band_changes_on_the_birthday() {
        let birth = Day::ymd(2000, 2, 29).unwrap();
        assert_eq!(turning(birth, 18), Day::ymd(2018, 3, 1));
        assert_eq!(turning(birth, 24), Day::ymd(2024, 2, 29));
        assert_eq!(
            next_band_change(birth, Day::ymd(2010, 1, 1).unwrap()),
            Day::ymd(2018, 3, 1)
        );
        assert_eq!(next_band_change(birth, Day::ymd(2070, 1, 1).unwrap()), None);
    }
}
