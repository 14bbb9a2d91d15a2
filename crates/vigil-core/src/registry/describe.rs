//! A registry described by id (`Registry::describe`), so two registries of the same
//! records compare equal whatever order they were built in — what the tests of
//! `Registry::patched` compare a patched registry with a full load by — and `Clone`,
//! which keeps the day arrays, breakdowns and flows already built.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use super::count::Curves;
use super::{By, CaseFacts, EventRow, Registry};
use crate::access::Audience;
use crate::custody;
use crate::date::Day;

/// Every breakdown dimension, for `describe`.
pub(super) const ALL_BY: [By; 10] = By::ALL;

impl Registry {
    /// Everything the registry holds, by id — persons with their letters, events with
    /// their case facts (symbols and places by name), spans, places, announcements,
    /// figures — and the counts with their bounds on every day from `from` to `to` in
    /// every mode, in total and per country, the flows by year, and every breakdown,
    /// the expected releases per month and the released in a day, a week and a month
    /// every 23rd day: two registries of the same records describe alike whatever order
    /// they were built in.
    #[must_use]
    pub fn describe(&self, from: Day, to: Day) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let id_of = |p: u32| self.person_id(p).to_string();
        for p in 0..self.person_count() as u32 {
            let mut events: Vec<String> = self
                .events_of(p)
                .iter()
                .map(|e| {
                    format!(
                        "{:?} {:?} {:?} {:?} {}",
                        e.fact,
                        e.visibility,
                        e.reason,
                        e.announcement.map(|a| &self.announcements[a as usize].id),
                        self.describe_case(e),
                    )
                })
                .collect();
            events.sort();
            let spans = |list: &[(u32, custody::Span)]| {
                super::spans_of(list, p)
                    .iter()
                    .map(|(_, s)| *s)
                    .collect::<Vec<_>>()
            };
            let contradictions: Vec<_> = self
                .contradictions
                .iter()
                .filter(|(q, _)| *q == p)
                .map(|(_, c)| c)
                .collect();
            let mut s = String::new();
            let _ = write!(
                s,
                "{:?}\nmerged into {:?}\nrecognized {}\nevents {events:?}\ncustody {:?}\nrecognition {:?}\ncontradictions {contradictions:?}\npublic {:?}\nletters {:?}",
                self.person_facts(p),
                self.merged_into(p).map(id_of),
                self.recognized[p as usize],
                spans(&self.custody),
                spans(&self.recognition),
                self.public_view.get(&p),
                self.letters_of(p),
            );
            out.insert(format!("person {}", id_of(p)), s);
        }
        for pl in &self.places {
            out.insert(format!("place {}", pl.id), format!("{pl:?}"));
        }
        for a in &self.announcements {
            out.insert(format!("announcement {}", a.id), format!("{a:?}"));
        }
        for f in &self.figures {
            out.insert(format!("figure {}", f.id), format!("{f:?}"));
        }
        let countries: Vec<Option<&str>> = std::iter::once(None)
            .chain(self.countries(Audience::Trusted, 0).into_iter().map(Some))
            .collect();
        for mode in super::patch::MODES {
            for &c in &countries {
                let mut s = String::new();
                for d in from.0..=to.0 {
                    let h = self.held(Day(d), c, mode);
                    let _ = write!(s, "{} {} {};", h.held, h.held_min, h.held_max);
                }
                out.insert(format!("held {mode:?} {c:?}"), s);
                for year in 2019..=2025 {
                    let (a, b) = (
                        Day::ymd(year, 1, 1).unwrap_or(from),
                        Day::ymd(year, 12, 31).unwrap_or(to),
                    );
                    out.insert(
                        format!("flow {year} {mode:?} {c:?}"),
                        format!("{:?}", self.flow(a, b, c, mode)),
                    );
                }
                out.insert(
                    format!("releases by month {mode:?} {c:?}"),
                    super::release_months::describe_months(self, mode, c, (from, to)),
                );
                let mut s = String::new();
                for d in (from.0..=to.0 + 400).step_by(23) {
                    for days in [0, 6, 30] {
                        let h = self.released_between(Day(d - days), Day(d), c, mode);
                        let _ = write!(s, "{} {} {};", h.held, h.held_min, h.held_max);
                    }
                }
                out.insert(format!("released {mode:?} {c:?}"), s);
                for by in ALL_BY {
                    for audience in [Audience::Trusted, Audience::Public] {
                        let mut s = String::new();
                        for d in (from.0..=to.0).step_by(23) {
                            let _ = write!(s, "{:?};", self.held_by(Day(d), c, mode, by, audience));
                        }
                        out.insert(format!("held by {by:?} {mode:?} {audience:?} {c:?}"), s);
                    }
                }
            }
        }
        out
    }

    /// An event's case facts with symbols and the place by name (indexes differ between
    /// registries of the same records).
    fn describe_case(&self, e: &EventRow) -> String {
        let Some(c) = self.case_facts(e) else {
            return "-".into();
        };
        let CaseFacts {
            place,
            in_transit,
            address_unknown,
            articles,
            regime,
            term_months,
            term_start,
            case,
            extends,
            appeal,
            conditions,
            by,
        } = c;
        let articles: Vec<&str> = articles
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|&a| self.symbol(a))
            .collect();
        format!(
            "place {:?} transit {in_transit} unknown {address_unknown} articles {articles:?} regime {regime:?} term {term_months:?} from {term_start:?} case {:?} extends {extends} appeal {appeal:?} conditions {conditions} by {:?}",
            place.map(|i| &self.places[i as usize].id),
            case.map(|i| self.symbol(i)),
            by.map(|i| self.symbol(i)),
        )
    }
}

impl Clone for Registry {
    fn clone(&self) -> Registry {
        let curves: [OnceLock<Curves>; 3] = Default::default();
        for (slot, c) in self.curves.iter().enumerate() {
            if let Some(c) = c.get() {
                let _ = curves[slot].set(c.clone());
            }
        }
        Registry {
            persons: self.persons.clone(),
            symbols: self.symbols.clone(),
            person_ix: self.person_ix.clone(),
            events: self.events.clone(),
            offsets: self.offsets.clone(),
            custody: self.custody.clone(),
            recognition: self.recognition.clone(),
            recognized: self.recognized.clone(),
            contradictions: self.contradictions.clone(),
            announcements: self.announcements.clone(),
            figures: self.figures.clone(),
            merged_into: self.merged_into.clone(),
            public_view: self.public_view.clone(),
            curves,
            places: self.places.clone(),
            place_ix: self.place_ix.clone(),
            details: self.details.clone(),
            letters: self.letters.clone(),
            flows: self.flows.clone(),
            release_days: self.release_days.clone(),
            splits: std::sync::Mutex::new(
                self.splits
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .clone(),
            ),
        }
    }
}
