//! Flow precomputed per day: running counts of events by what they are (detained,
//! recognized, released by reason, pardoned with or without an announcement), in total
//! and per country, one set counting every person and one only the recognized, built on
//! the first question and moved by a patch. `flow` over any period is then two reads per
//! count; `flow_scan` (the pass over events this replaced) is what tests compare it with.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use super::breakdown::Split;
use super::{count::Flow, EventRow, Mode, Registry};
use crate::custody::{HalfOpen, OPEN};
use crate::date::{Day, DayRange};
use crate::record::{AnnouncementKind, EventKind, ReleaseReason};

/// The two sets: every person (`Mode::All`) and the recognized only.
pub(super) type Flows = [OnceLock<Arc<Split>>; 2];

const RECOGNIZED: &str = "recognized";
const DETAINED: &str = "detained";
const PARDONED: &str = "pardoned";
const UNANNOUNCED: &str = "pardoned unannounced";

/// What an event counts as in a flow, if anything (`all`: the set counting everyone).
fn category(e: &EventRow, recognized: bool, all: bool) -> Vec<String> {
    if e.fact.kind == EventKind::Recognized {
        return vec![RECOGNIZED.into()];
    }
    if !all && !recognized {
        return Vec::new();
    }
    match e.fact.kind {
        EventKind::Detained => vec![DETAINED.into()],
        EventKind::Released => vec![format!(
            "released {}",
            e.reason.map_or("unspecified", ReleaseReason::as_str)
        )],
        EventKind::Pardoned if e.announcement.is_none() => {
            vec![PARDONED.into(), UNANNOUNCED.into()]
        }
        EventKind::Pardoned => vec![PARDONED.into()],
        _ => Vec::new(),
    }
}

fn from_day(d: Day) -> [HalfOpen; 1] {
    [HalfOpen { from: d, to: OPEN }]
}

impl Registry {
    fn flows(&self, all: bool) -> Arc<Split> {
        Arc::clone(self.flows[usize::from(all)].get_or_init(|| Arc::new(self.build_flows(all))))
    }

    fn build_flows(&self, all: bool) -> Split {
        let (lo, hi) = self
            .events
            .iter()
            .fold((i32::MAX, i32::MIN), |(lo, hi), e| {
                (lo.min(e.fact.when.lo.0), hi.max(e.fact.when.lo.0))
            });
        let mut s = Split::over(lo, if lo > hi { 0 } else { (hi - lo + 2) as usize });
        if s.len == 0 {
            return s;
        }
        for e in &self.events {
            for c in category(e, self.recognized[e.person as usize], all) {
                s.add_delta(self.country_of(e.person), &c, &from_day(e.fact.when.lo));
            }
        }
        s.cumulate();
        s
    }

    /// Inflow and outflow between two days, both included; event dates at their first day.
    #[must_use]
    pub fn flow(&self, from: Day, to: Day, country: Option<&str>, mode: Mode) -> Flow {
        let s = self.flows(mode == Mode::All);
        let count = |key: &str| {
            let before = Day(from.0.saturating_sub(1));
            (s.value(country, key, to) - s.value(country, key, before)).max(0) as u64
        };
        let released: BTreeMap<String, u64> = s
            .keys()
            .iter()
            .filter_map(|k| k.strip_prefix("released "))
            .map(|reason| (reason.to_string(), count(&format!("released {reason}"))))
            .filter(|(_, n)| *n > 0)
            .collect();
        self.flow_from(
            from,
            to,
            country,
            [
                count(DETAINED),
                count(RECOGNIZED),
                count(PARDONED),
                count(UNANNOUNCED),
            ],
            released,
        )
    }

    /// A flow from its event counts (detained, recognized, pardoned, pardoned without an
    /// announcement) and the pardon announcements of the period.
    fn flow_from(
        &self,
        from: Day,
        to: Day,
        country: Option<&str>,
        [detained, recognized, pardoned_identified, pardoned_unannounced]: [u64; 4],
        released: BTreeMap<String, u64>,
    ) -> Flow {
        let within = |r: DayRange| from <= r.lo && r.lo <= to;
        let pardoned_announced: u64 = self
            .announcements
            .iter()
            .filter(|a| {
                a.kind == AnnouncementKind::Pardon
                    && within(a.date.range())
                    && country.is_none_or(|c| {
                        a.country
                            .as_deref()
                            .is_some_and(|ac| ac.eq_ignore_ascii_case(c))
                    })
            })
            .map(|a| u64::from(a.total.unwrap_or(0)))
            .sum();
        let pardoned = pardoned_announced + pardoned_unannounced;
        Flow {
            from: from.to_string(),
            to: to.to_string(),
            detained,
            recognized,
            released,
            pardoned,
            pardoned_identified,
            pardoned_announced,
            ratio_recognized_to_pardoned: (pardoned > 0)
                .then(|| super::count::round2(recognized as f64 / pardoned as f64)),
        }
    }

    /// The pass over events `flow` was before it was precomputed: what tests compare it
    /// with.
    #[doc(hidden)]
    #[must_use]
    pub fn flow_scan(&self, from: Day, to: Day, country: Option<&str>, mode: Mode) -> Flow {
        let mut counts = [0u64; 4];
        let mut released = BTreeMap::new();
        for e in &self.events {
            let lo = e.fact.when.lo;
            if lo < from || lo > to || !self.country_matches(e.person, country) {
                continue;
            }
            for c in category(e, self.recognized[e.person as usize], mode == Mode::All) {
                match c.as_str() {
                    DETAINED => counts[0] += 1,
                    RECOGNIZED => counts[1] += 1,
                    PARDONED => counts[2] += 1,
                    UNANNOUNCED => counts[3] += 1,
                    r => {
                        let reason = r.strip_prefix("released ").unwrap_or(r).to_string();
                        *released.entry(reason).or_insert(0) += 1;
                    }
                }
            }
        }
        self.flow_from(from, to, country, counts, released)
    }
}

/// The flows already built, moved by the affected persons' events from `before` to
/// `after`; a set that cannot be moved (an event outside its days) is left to be built
/// again on the next question.
pub(super) fn moved_flows(before: &Registry, after: &Registry, affected: &BTreeSet<u32>) -> Flows {
    let out: Flows = Default::default();
    for (slot, all) in [(0, false), (1, true)] {
        let Some(old) = before.flows[slot].get() else {
            continue;
        };
        if old.len == 0 {
            continue;
        }
        let mut s = (**old).clone();
        let ok = affected.iter().all(|&p| {
            let mut one = |r: &Registry, sign: i32| {
                if p as usize >= r.person_count() {
                    return Some(());
                }
                let recognized = r.recognized[p as usize];
                for e in r.events_of(p) {
                    for c in category(e, recognized, all) {
                        s.add(r.country_of(p), &c, &from_day(e.fact.when.lo), sign)?;
                    }
                }
                Some(())
            };
            one(before, -1).is_some() && one(after, 1).is_some()
        });
        if ok {
            let _ = out[slot].set(Arc::new(s));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precomputed_flow_equals_the_scan_for_every_period() {
        let reg = super::super::breakdown::tests::generated(400, 4);
        let mut seen = 0;
        for mode in [Mode::Recognized, Mode::RecognizedByDate, Mode::All] {
            for country in [None, Some("BY"), Some("ru"), Some("XX")] {
                for y in 2018..=2027 {
                    for (m1, m2) in [(1, 12), (3, 5), (7, 7)] {
                        let from = Day::ymd(y, m1, 1).unwrap();
                        let to = Day::ymd(y, m2, 28).unwrap();
                        let got = reg.flow(from, to, country, mode);
                        assert_eq!(
                            got,
                            reg.flow_scan(from, to, country, mode),
                            "{mode:?} {country:?} {from}..{to}"
                        );
                        seen += got.detained + got.recognized;
                    }
                }
            }
        }
        assert!(seen > 100, "the periods have events ({seen})");
    }
}
