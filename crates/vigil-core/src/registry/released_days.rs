//! Released between two days precomputed, per counting mode: the custody closes that
//! count (a release, a pardon, a deportation — not a death in custody; the person
//! counted on the day before) as running counts over their first day, one per width of
//! the close (`hi - lo`: a day, a month, a year given), in total and per country. Over
//! any period each bound is then a difference of two reads per width: released in it
//! (`lo` within), surely (`lo` and `hi` within), possibly (`lo` no later than its end,
//! `hi` no earlier than its start).
//!
//! A person counts once in each bound however many of their closes do. Where a person's
//! closes run in order (each `lo` and `hi` no earlier than the one before), those that
//! count in a bound follow one another, so each consecutive pair that both count is one
//! too many: the pairs are kept sorted and taken off. A person whose closes do not run
//! in order is counted as the scan does. `released_between_scan` (`releases.rs`) is
//! what tests compare it with.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, PoisonError};

use super::breakdown::Split;
use super::count::Held;
use super::{spans_of, Mode, Registry};
use crate::custody::{HalfOpen, OPEN};
use crate::date::{Day, DayRange};
use crate::record::EventKind;

/// The closes of one mode.
#[derive(Debug, Clone, Default)]
pub(super) struct ReleasedDays {
    /// Keys: the width of a close in days; running counts over `lo`.
    split: Split,
    /// Consecutive closes of one person `(person, earlier, later)`, by `earlier.lo`.
    pairs: Vec<(u32, DayRange, DayRange)>,
    /// The widest earlier close of a pair.
    widest: i32,
    /// Persons whose closes do not run in order, with them.
    odd: Vec<(u32, Vec<DayRange>)>,
}

fn in_order(closes: &[DayRange]) -> bool {
    closes
        .windows(2)
        .all(|w| w[0].lo <= w[1].lo && w[0].hi <= w[1].hi)
}

/// Whether a close counts in each bound over `from..=to`: (headline, surely, possibly).
fn counts(c: DayRange, from: Day, to: Day) -> [bool; 3] {
    let possibly = c.lo <= to && c.hi >= from;
    [
        possibly && c.lo >= from,
        possibly && c.lo >= from && c.hi <= to,
        possibly,
    ]
}

impl Registry {
    /// Person `p`'s closes that count as releases under `mode`, in custody order.
    fn counted_closes(&self, p: u32, mode: Mode) -> Vec<DayRange> {
        spans_of(&self.custody, p)
            .iter()
            .filter_map(|(_, s)| s.close)
            .filter(|&c| self.counted_on(p, Day(c.lo.0 - 1), mode))
            .filter(|&c| {
                !self
                    .events_of(p)
                    .iter()
                    .any(|e| e.fact.kind == EventKind::DiedInCustody && e.fact.when == c)
            })
            .collect()
    }

    fn released_days(&self, mode: Mode) -> Arc<ReleasedDays> {
        let mut all = self
            .release_days
            .released
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        Arc::clone(
            all.entry(mode)
                .or_insert_with(|| Arc::new(self.build_released(mode))),
        )
    }

    fn build_released(&self, mode: Mode) -> ReleasedDays {
        let mut persons: Vec<u32> = self.custody.iter().map(|(p, _)| *p).collect();
        persons.dedup();
        let closes: Vec<(u32, Vec<DayRange>)> = persons
            .into_iter()
            .map(|p| (p, self.counted_closes(p, mode)))
            .filter(|(_, c)| !c.is_empty())
            .collect();
        let (lo, hi) = closes
            .iter()
            .flat_map(|(_, c)| c)
            .fold((i32::MAX, i32::MIN), |(a, b), c| {
                (a.min(c.lo.0), b.max(c.lo.0))
            });
        let mut r = ReleasedDays {
            split: Split::over(lo, if lo > hi { 0 } else { (hi - lo + 2) as usize }),
            ..ReleasedDays::default()
        };
        for (p, c) in closes {
            r.change(self, p, &c, 1, true);
        }
        r.split.cumulate();
        r.pairs.sort_by_key(|(_, a, _)| a.lo);
        r
    }

    /// The persons released from custody between `from` and `to`, both included (a
    /// custody interval closed then by a release, a pardon, a deportation — not a death
    /// in custody): the headline takes each release at its first day, the bounds count
    /// the releases surely in the period and those that could be. Two reads per width of
    /// the closes, as `released_between_scan` counts them.
    #[must_use]
    pub fn released_between(&self, from: Day, to: Day, country: Option<&str>, mode: Mode) -> Held {
        if from > to {
            return self.released_between_scan(from, to, country, mode);
        }
        let r = self.released_days(mode);
        let s = &r.split;
        let at = |key: &str, d: i32| s.value(country, key, Day(d));
        let mut out = Held::default();
        let before = from.0 - 1;
        for key in s.keys() {
            let Ok(w) = key.parse::<i32>() else { continue };
            out.held += at(key, to.0) - at(key, before);
            out.held_max += at(key, to.0) - at(key, before - w);
            if to.0 - w >= from.0 {
                out.held_min += at(key, to.0 - w) - at(key, before);
            }
        }
        // A pair of one person's closes both counted is one too many.
        let start = r
            .pairs
            .partition_point(|(_, a, _)| a.lo.0 < from.0.saturating_sub(r.widest));
        for (p, a, b) in &r.pairs[start..] {
            if a.lo > to {
                break;
            }
            if !self.country_matches(*p, country) {
                continue;
            }
            let (ca, cb) = (counts(*a, from, to), counts(*b, from, to));
            out.held -= i64::from(ca[0] && cb[0]);
            out.held_min -= i64::from(ca[1] && cb[1]);
            out.held_max -= i64::from(ca[2] && cb[2]);
        }
        for (p, closes) in &r.odd {
            if !self.country_matches(*p, country) {
                continue;
            }
            let mut any = [false; 3];
            for c in closes {
                for (a, b) in any.iter_mut().zip(counts(*c, from, to)) {
                    *a |= b;
                }
            }
            out.held += i64::from(any[0]);
            out.held_min += i64::from(any[1]);
            out.held_max += i64::from(any[2]);
        }
        out
    }
}

impl ReleasedDays {
    /// Adds (`sign` 1) or takes away (-1) person `p`'s closes; `None` when the arrays
    /// cannot take them. The pairs are sorted again by the caller.
    fn change(
        &mut self,
        reg: &Registry,
        p: u32,
        closes: &[DayRange],
        sign: i32,
        building: bool,
    ) -> Option<()> {
        if !in_order(closes) {
            if sign > 0 {
                self.odd.push((p, closes.to_vec()));
            } else {
                self.odd.retain(|(q, _)| *q != p);
            }
            return Some(());
        }
        let country = reg.country_of(p);
        for c in closes {
            let key = (c.hi.0 - c.lo.0).to_string();
            let from = [HalfOpen {
                from: c.lo,
                to: OPEN,
            }];
            if building {
                self.split.add_delta(country, &key, &from);
            } else {
                self.split.add(country, &key, &from, sign)?;
            }
        }
        if sign > 0 {
            for w in closes.windows(2) {
                self.widest = self.widest.max(w[0].hi.0 - w[0].lo.0);
                self.pairs.push((p, w[0], w[1]));
            }
        } else {
            self.pairs.retain(|(q, _, _)| *q != p);
        }
        Some(())
    }
}

/// The released counts already built, moved by the affected persons' change from
/// `before` to `after`; one that cannot be moved is built again on the next question.
pub(super) fn moved_released(
    before: &Registry,
    after: &Registry,
    affected: &BTreeSet<u32>,
) -> HashMap<Mode, Arc<ReleasedDays>> {
    let built = super::built_so_far(&before.release_days.released);
    let mut out = HashMap::new();
    for (mode, old) in built {
        if old.split.len == 0 {
            continue;
        }
        let mut r = (*old).clone();
        let ok = affected.iter().all(|&p| {
            [(before, -1), (after, 1)].into_iter().all(|(reg, sign)| {
                if p as usize >= reg.person_count() {
                    return true;
                }
                let closes = reg.counted_closes(p, mode);
                r.change(reg, p, &closes, sign, false).is_some()
            })
        });
        if ok {
            r.pairs.sort_by_key(|(_, a, _)| a.lo);
            out.insert(mode, Arc::new(r));
        }
    }
    out
}
