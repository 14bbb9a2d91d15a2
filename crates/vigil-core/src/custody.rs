//! One person's timeline: custody intervals, recognition spans and self-contradictions.
//!
//! The rules are CONTRACT.md's. A custody interval opens at `detained` and closes at the
//! first later `released`, `pardoned` or `died_in_custody`; a `pardoned` followed by a
//! later `released` closes at the release instead, when nothing in between (a new
//! detention, a death in custody) says the pardon was the exit.
//!
//! Events are put in order by their first possible day, then by kind (a detention before
//! a closing event on the same day), then by id. That order is the timeline: a partial
//! date then ranges over its days without reordering it, which is what the bounds mean
//! (see [`Span`]). Timelines that contradict themselves are walked anyway, the best one
//! can, and the contradiction is reported, never silently repaired in the data.

use crate::date::{Day, DayRange};
use crate::record::EventKind;

/// The facts of one event the counting engine needs; small, so millions fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventFact {
    pub kind: EventKind,
    pub when: DayRange,
}

/// Sort rank of a kind among events on the same first day.
#[must_use]
pub fn kind_rank(kind: EventKind) -> u8 {
    match kind {
        EventKind::Detained => 0,
        EventKind::Recognized => 1,
        EventKind::Charged
        | EventKind::Sentenced
        | EventKind::Transferred
        | EventKind::Conditions => 2,
        EventKind::Pardoned => 3,
        EventKind::Released => 4,
        EventKind::DiedInCustody => 5,
        EventKind::RecognitionWithdrawn
        | EventKind::Exiled
        | EventKind::Harassed
        | EventKind::Disappeared => 6,
    }
}

/// Days as half-open ranges `[from, to)`; `to == Day(i32::MAX)` means still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HalfOpen {
    pub from: Day,
    pub to: Day,
}

/// "Still open": the end of every range that has not closed.
pub const OPEN: Day = Day(i32::MAX);

impl HalfOpen {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.from >= self.to
    }

    #[must_use]
    pub fn contains(&self, d: Day) -> bool {
        self.from <= d && d < self.to
    }
}

/// A period between an opening and a closing event, with partial dates.
///
/// On day D the span is: *headline* when `open.lo <= D < close.lo` (a partial date taken
/// as its first day); *surely* when `open.hi <= D < close.lo` (every day the dates could
/// stand for gives it); *possibly* when `open.lo <= D < close.hi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub open: DayRange,
    pub close: Option<DayRange>,
}

impl Span {
    #[must_use]
    pub fn headline(&self) -> HalfOpen {
        HalfOpen {
            from: self.open.lo,
            to: self.close.map_or(OPEN, |c| c.lo),
        }
    }

    #[must_use]
    pub fn surely(&self) -> HalfOpen {
        HalfOpen {
            from: self.open.hi,
            to: self.close.map_or(OPEN, |c| c.lo),
        }
    }

    #[must_use]
    pub fn possibly(&self) -> HalfOpen {
        HalfOpen {
            from: self.open.lo,
            to: self.close.map_or(OPEN, |c| c.hi),
        }
    }
}

/// A contradiction in a timeline, for `vigil check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contradiction {
    pub day: Day,
    pub message: String,
}

/// What one person's events say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    pub custody: Vec<Span>,
    pub recognition: Vec<Span>,
    /// A `recognized` event not followed by `recognition_withdrawn`.
    pub recognized: bool,
    pub contradictions: Vec<Contradiction>,
}

/// Walks one person's events, which must already be in timeline order (see [`sort_key`]).
#[must_use]
pub fn walk(events: &[EventFact]) -> Timeline {
    let mut t = Timeline::default();
    let mut open: Option<DayRange> = None;
    let mut pardon: Option<DayRange> = None;
    let mut recognized_since: Option<DayRange> = None;
    let mut died: Option<Day> = None;
    let mut contradictions = Vec::new();
    let mut contradict =
        |day: Day, message: String| contradictions.push(Contradiction { day, message });
    // A closing event already used for a same-day re-arrest (see `Detained` below).
    let mut consumed: Option<usize> = None;

    for (i, e) in events.iter().enumerate() {
        if consumed == Some(i) {
            continue;
        }
        let day = e.when.lo;
        if let Some(death) = died {
            if !matches!(
                e.kind,
                EventKind::Recognized | EventKind::RecognitionWithdrawn
            ) {
                contradict(
                    day,
                    format!("{} on {day} after death in custody on {death}", e.kind),
                );
            }
        }
        match e.kind {
            EventKind::Detained => match (open, pardon) {
                (Some(o), Some(p)) => {
                    t.custody.push(Span {
                        open: o,
                        close: Some(p),
                    });
                    pardon = None;
                    open = Some(e.when);
                }
                (Some(o), None) => {
                    // Released and re-arrested on one day: the release came first.
                    let same_day_close = events[i + 1..]
                        .iter()
                        .position(|n| {
                            n.when.lo == day
                                && matches!(n.kind, EventKind::Released | EventKind::Pardoned)
                        })
                        .map(|k| i + 1 + k);
                    if let Some(k) = same_day_close {
                        t.custody.push(Span {
                            open: o,
                            close: Some(events[k].when),
                        });
                        consumed = Some(k);
                        open = Some(e.when);
                    } else {
                        contradict(
                            day,
                            format!("detained on {day} while already held since {}", o.lo),
                        );
                    }
                }
                (None, _) => open = Some(e.when),
            },
            EventKind::Pardoned => match open {
                Some(_) => {
                    pardon.get_or_insert(e.when);
                }
                None => contradict(
                    day,
                    format!("pardoned on {day} without a detention before it"),
                ),
            },
            EventKind::Released => match open.take() {
                Some(o) => {
                    pardon = None;
                    t.custody.push(Span {
                        open: o,
                        close: Some(e.when),
                    });
                }
                None => {
                    if pardon.is_none() {
                        contradict(
                            day,
                            format!("released on {day} without a detention before it"),
                        );
                    }
                }
            },
            EventKind::DiedInCustody => {
                match open.take() {
                    Some(o) => {
                        let close = pardon.take().unwrap_or(e.when);
                        t.custody.push(Span {
                            open: o,
                            close: Some(close),
                        });
                        if close != e.when {
                            contradict(
                                day,
                                format!(
                                    "died in custody on {day} after being pardoned on {}",
                                    close.lo
                                ),
                            );
                        }
                    }
                    None => contradict(
                        day,
                        format!("died in custody on {day} without a detention before it"),
                    ),
                }
                died = Some(day);
            }
            EventKind::Recognized => {
                recognized_since.get_or_insert(e.when);
                t.recognized = true;
            }
            EventKind::RecognitionWithdrawn => {
                if let Some(r) = recognized_since.take() {
                    t.recognition.push(Span {
                        open: r,
                        close: Some(e.when),
                    });
                } else {
                    contradict(
                        day,
                        format!("recognition withdrawn on {day} without a recognition before it"),
                    );
                }
                t.recognized = false;
            }
            EventKind::Charged
            | EventKind::Sentenced
            | EventKind::Transferred
            | EventKind::Conditions
            | EventKind::Exiled
            | EventKind::Harassed
            | EventKind::Disappeared => {}
        }
    }
    if let Some(o) = open {
        t.custody.push(Span {
            open: o,
            close: pardon,
        });
    }
    if let Some(r) = recognized_since {
        t.recognition.push(Span {
            open: r,
            close: None,
        });
    }
    t.contradictions = contradictions;
    t
}

/// The order of a person's events on the timeline.
#[must_use]
pub fn sort_key(e: &EventFact) -> (Day, u8, Day) {
    (e.when.lo, kind_rank(e.kind), e.when.hi)
}

/// Merges half-open ranges sorted by start into disjoint ones.
#[must_use]
pub fn merge(mut ranges: Vec<HalfOpen>) -> Vec<HalfOpen> {
    ranges.retain(|r| !r.is_empty());
    ranges.sort_by_key(|r| r.from);
    let mut out: Vec<HalfOpen> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.from <= last.to => last.to = last.to.max(r.to),
            _ => out.push(r),
        }
    }
    out
}

/// The days in both of two sets of disjoint sorted ranges.
#[must_use]
pub fn intersect(left: &[HalfOpen], right: &[HalfOpen]) -> Vec<HalfOpen> {
    let (mut l, mut r, mut out) = (0, 0, Vec::new());
    while l < left.len() && r < right.len() {
        let both = HalfOpen {
            from: left[l].from.max(right[r].from),
            to: left[l].to.min(right[r].to),
        };
        if !both.is_empty() {
            out.push(both);
        }
        if left[l].to < right[r].to {
            l += 1;
        } else {
            r += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;

    fn ev(kind: EventKind, date: &str) -> EventFact {
        EventFact {
            kind,
            when: date.parse::<PartialDate>().unwrap().range(),
        }
    }

    fn held_days(t: &Timeline) -> Vec<(String, String)> {
        t.custody
            .iter()
            .map(|s| {
                let h = s.headline();
                (
                    h.from.to_string(),
                    if h.to == OPEN {
                        "open".into()
                    } else {
                        h.to.to_string()
                    },
                )
            })
            .collect()
    }

    fn timeline(mut events: Vec<EventFact>) -> Timeline {
        events.sort_by_key(sort_key);
        walk(&events)
    }

    use EventKind::{
        Detained, DiedInCustody, Pardoned, RecognitionWithdrawn, Recognized, Released,
    };

    #[test]
    #[allow(clippy::type_complexity)] // one inline row per case reads best
    fn custody_rules_table() {
        let cases: Vec<(&str, Vec<EventFact>, Vec<(&str, &str)>, usize)> = vec![
            (
                "still held",
                vec![ev(Detained, "2021-07-14")],
                vec![("2021-07-14", "open")],
                0,
            ),
            (
                "released",
                vec![ev(Detained, "2021-07-14"), ev(Released, "2025-12-13")],
                vec![("2021-07-14", "2025-12-13")],
                0,
            ),
            (
                "pardoned closes",
                vec![ev(Detained, "2021-01-01"), ev(Pardoned, "2024-12-09")],
                vec![("2021-01-01", "2024-12-09")],
                0,
            ),
            (
                "pardon then real release closes at the release",
                vec![
                    ev(Detained, "2021-01-01"),
                    ev(Pardoned, "2024-12-09"),
                    ev(Released, "2024-12-20"),
                ],
                vec![("2021-01-01", "2024-12-20")],
                0,
            ),
            (
                "pardon, re-arrest, release",
                vec![
                    ev(Detained, "2021-01-01"),
                    ev(Pardoned, "2022-01-01"),
                    ev(Detained, "2023-01-01"),
                    ev(Released, "2024-01-01"),
                ],
                vec![("2021-01-01", "2022-01-01"), ("2023-01-01", "2024-01-01")],
                0,
            ),
            (
                "death closes",
                vec![ev(Detained, "2021-01-01"), ev(DiedInCustody, "2023-02-03")],
                vec![("2021-01-01", "2023-02-03")],
                0,
            ),
            (
                "release before detention",
                vec![ev(Released, "2020-01-01"), ev(Detained, "2021-01-01")],
                vec![("2021-01-01", "open")],
                1,
            ),
            (
                "detained while held",
                vec![ev(Detained, "2020-01-01"), ev(Detained, "2021-01-01")],
                vec![("2020-01-01", "open")],
                1,
            ),
            (
                "same-day detention and release",
                vec![ev(Released, "2021-01-01"), ev(Detained, "2021-01-01")],
                vec![("2021-01-01", "2021-01-01")],
                0,
            ),
            (
                "released and re-arrested the same day stays held",
                vec![
                    ev(Detained, "2021-01-01"),
                    ev(Released, "2022-05-05"),
                    ev(Detained, "2022-05-05"),
                ],
                vec![("2021-01-01", "2022-05-05"), ("2022-05-05", "open")],
                0,
            ),
        ];
        for (name, events, want, contradictions) in cases {
            let t = timeline(events);
            let want: Vec<(String, String)> = want
                .into_iter()
                .map(|(a, b)| (a.into(), b.into()))
                .collect();
            assert_eq!(held_days(&t), want, "{name}");
            assert_eq!(
                t.contradictions.len(),
                contradictions,
                "{name}: {:?}",
                t.contradictions
            );
        }
    }

    #[test]
    fn partial_dates_give_bounds() {
        let t = timeline(vec![ev(Detained, "2021-03"), ev(Released, "2022")]);
        let s = t.custody[0];
        let d = |s: &str| s.parse::<PartialDate>().unwrap().first_day();
        assert_eq!(
            s.headline(),
            HalfOpen {
                from: d("2021-03-01"),
                to: d("2022-01-01")
            }
        );
        assert_eq!(
            s.surely(),
            HalfOpen {
                from: d("2021-03-31"),
                to: d("2022-01-01")
            }
        );
        assert_eq!(
            s.possibly(),
            HalfOpen {
                from: d("2021-03-01"),
                to: d("2022-12-31")
            }
        );
    }

    #[test]
    fn recognition_follows_withdrawals() {
        let t = timeline(vec![
            ev(Recognized, "2021-01"),
            ev(RecognitionWithdrawn, "2022-05-01"),
        ]);
        assert!(!t.recognized);
        assert_eq!(t.recognition.len(), 1);
        let t = timeline(vec![
            ev(Recognized, "2021"),
            ev(RecognitionWithdrawn, "2022"),
            ev(Recognized, "2023"),
        ]);
        assert!(t.recognized);
        assert_eq!(t.recognition.len(), 2);
    }

    #[test]
    fn merge_and_intersect() {
        let h = |a, b| HalfOpen {
            from: Day(a),
            to: Day(b),
        };
        assert_eq!(
            merge(vec![h(5, 9), h(1, 3), h(2, 6), h(10, 10)]),
            vec![h(1, 9)]
        );
        assert_eq!(
            intersect(&[h(0, 5), h(8, 20)], &[h(3, 10)]),
            vec![h(3, 5), h(8, 10)]
        );
    }
}
