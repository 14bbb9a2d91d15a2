//! Updating a built [`Registry`] from what a save changed, instead of building it again:
//! the persons touched get their events, spans and public timeline derived again (by
//! `build::derive`, the one derivation), announcements and figures are replaced by id,
//! and every per-day curve already built is moved by the touched persons' old and new
//! days. The old registry is left as it is (readers keep answering from it) and the new
//! one is swapped in by the caller.
//!
//! Case facts come along: a touched person's events keep their details (read by
//! `build::case_detail`, the one reading; a transfer's place resolved against the places
//! held) and its letters (`build::letters_of`). Places are not patched.
//!
//! What it does not do — a merge, an unmerge, a retracted person or announcement, a
//! place put or retracted (the caller, `vigil_store::follow`, does not ask) — makes
//! [`Registry::patched`] answer `None`, and the caller loads the registry whole. The
//! result equals a full load (`describe`), checked after every step of the write-path
//! property test on both backends.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::breakdown::{Split, SplitKey};
use super::build::{case_detail, derive, person_letters};
use super::count::{Curve, Curves, PersonDays};
use super::{EventRow, Mode, PersonFacts, PersonParts, Registry, NONE};
use crate::access;
use crate::custody::{self, EventFact, HalfOpen, OPEN};
use crate::date::Day;
use crate::record::{Announcement, Event, Figure, Person};

/// What a save (or another process's writes) changed, read back as the records now are.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Persons put (new or corrected), as they now are.
    pub persons: Vec<Person>,
    /// Per person id, every current event recorded for it: for each person whose events
    /// or facts may have changed, and for every person merged with it
    /// ([`Registry::merge_class`]).
    pub events: Vec<(String, Vec<Event>)>,
    /// Announcements put, as they now are.
    pub announcements: Vec<Announcement>,
    /// Figures put, as they now are.
    pub figures: Vec<Figure>,
    /// Figures retracted, by id.
    pub figures_retracted: Vec<String>,
}

pub(super) const MODES: [Mode; 3] = [Mode::Recognized, Mode::RecognizedByDate, Mode::All];

impl Registry {
    /// The ids whose events count as this person's: the person it counts as (itself
    /// unless merged) and everyone merged into that one. Just `id` for an unknown person.
    #[must_use]
    pub fn merge_class(&self, id: &str) -> Vec<String> {
        let Some(p) = self.person_index(id) else {
            return vec![id.to_string()];
        };
        let root = self.merged_into(p).unwrap_or(p);
        let mut class = vec![self.person_id(root).to_string()];
        for (q, &k) in self.merged_into.iter().enumerate() {
            if k == root {
                class.push(self.person_id(q as u32).to_string());
            }
        }
        class
    }

    /// This registry with `changes` applied, or `None` when they need a full load (an
    /// event of an unknown person or announcement, a merged person's events missing).
    #[must_use]
    pub fn patched(&self, changes: &Changes) -> Option<Registry> {
        let mut symbols = self.symbols.clone();
        let mut persons = self.persons.clone();
        let mut person_ix = self.person_ix.clone();
        let mut merged_into = self.merged_into.clone();
        let mut recognized = self.recognized.clone();
        let mut letters = self.letters.clone();
        for person in &changes.persons {
            let f = PersonFacts::from(person);
            let row = symbols.row(&PersonParts::from(&f));
            let ix = if let Some(&ix) = person_ix.get(f.id.as_str()) {
                persons[ix as usize] = row;
                ix
            } else {
                let ix = persons.len() as u32;
                person_ix.insert(std::sync::Arc::clone(&row.id), ix);
                persons.push(row);
                merged_into.push(u32::MAX);
                recognized.push(false);
                ix
            };
            match person_letters(person) {
                Some(l) => letters.insert(ix, l),
                None => letters.remove(&ix),
            };
        }
        let old_n = self.persons.len();
        let n = persons.len();

        // Announcements and figures by id, kept in id order when they were.
        let mut announcements = self.announcements.clone();
        let mut renumber: Option<Vec<u32>> = None;
        for a in &changes.announcements {
            if let Some(i) = announcements.iter().position(|x| x.id == a.id) {
                announcements[i] = a.clone();
                continue;
            }
            let sorted = announcements.windows(2).all(|w| w[0].id <= w[1].id);
            let at = if sorted {
                announcements.partition_point(|x| x.id < a.id)
            } else {
                announcements.len()
            };
            announcements.insert(at, a.clone());
            let map =
                renumber.get_or_insert_with(|| (0..self.announcements.len() as u32).collect());
            for v in map.iter_mut() {
                if *v >= at as u32 {
                    *v += 1;
                }
            }
        }
        let announcement_ix: HashMap<&str, u32> = announcements
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i as u32))
            .collect();
        let mut figures = self.figures.clone();
        figures.retain(|f| !changes.figures_retracted.contains(&f.id));
        for f in &changes.figures {
            if let Some(i) = figures.iter().position(|x| x.id == f.id) {
                figures[i] = f.clone();
            } else {
                let at = figures.partition_point(|x| x.id < f.id);
                figures.insert(at, f.clone());
            }
        }

        // The persons whose timelines are derived again: the roots of everyone touched.
        let root = |p: u32| match merged_into[p as usize] {
            u32::MAX => p,
            k => k,
        };
        let given: HashMap<&str, &Vec<Event>> = changes
            .events
            .iter()
            .map(|(id, evs)| (id.as_str(), evs))
            .collect();
        let mut affected = BTreeSet::new();
        for f in &changes.persons {
            affected.insert(root(person_ix[f.id.as_str()]));
        }
        // Case details of the events read again; those of the events they replace stay
        // behind unreferenced until the next full load.
        let mut details = self.details.clone();
        for (id, evs) in &given {
            match person_ix.get(*id) {
                Some(&p) => {
                    affected.insert(root(p));
                }
                // A person no longer there that an event was once about.
                None if evs.is_empty() => {}
                None => return None,
            }
        }
        let mut members: BTreeMap<u32, Vec<u32>> = affected.iter().map(|&r| (r, vec![r])).collect();
        if merged_into.iter().any(|&k| k != u32::MAX) {
            for (q, &k) in merged_into.iter().enumerate() {
                if let Some(m) = members.get_mut(&k) {
                    m.push(q as u32);
                }
            }
        }
        let mut fresh: BTreeMap<u32, Vec<EventRow>> = BTreeMap::new();
        for (&r, class) in &members {
            let mut rows = Vec::new();
            for &q in class {
                let recorded_for = persons[q as usize].visibility;
                for e in *given.get(&*persons[q as usize].id)? {
                    let announcement = match e.announcement.as_deref() {
                        Some(a) => Some(*announcement_ix.get(a)?),
                        None => None,
                    };
                    let detail = match case_detail(&mut symbols, e.kind, &e.details) {
                        None => NONE,
                        Some((mut facts, place)) => {
                            facts.place = place.and_then(|p| self.place_ix.get(&*p).copied());
                            details.push(facts);
                            (details.len() - 1) as u32
                        }
                    };
                    rows.push(EventRow {
                        person: r,
                        fact: EventFact {
                            kind: e.kind,
                            when: e.date.range(),
                        },
                        visibility: access::event_visibility(e.visibility, Some(recorded_for)),
                        reason: e.details.reason,
                        announcement,
                        detail,
                    });
                }
            }
            // Stable: events the key does not order keep the store's order of recording,
            // as in a full load (`Builder::build`).
            rows.sort_by_key(|e| custody::sort_key(&e.fact));
            fresh.insert(r, rows);
        }

        // Events regrouped in one pass: the untouched copied (renumbered if announcements
        // moved), the touched replaced.
        let mut events = Vec::with_capacity(self.events.len() + 16);
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0u32);
        for p in 0..n {
            if let Some(rows) = fresh.get(&(p as u32)) {
                events.extend_from_slice(rows);
            } else if p < old_n {
                let old = self.events_of(p as u32);
                match &renumber {
                    None => events.extend_from_slice(old),
                    Some(map) => events.extend(old.iter().map(|e| EventRow {
                        announcement: e.announcement.map(|a| map[a as usize]),
                        ..*e
                    })),
                }
            }
            offsets.push(events.len() as u32);
        }

        let mut custody_new = Vec::new();
        let mut recognition_new = Vec::new();
        let mut contradictions_new = Vec::new();
        let mut public_view = self.public_view.clone();
        let mut facts = Vec::new();
        for (&p, rows) in &fresh {
            let named = persons[p as usize].visibility.is_public() && root(p) == p;
            let org = |e: &EventRow| super::recognitions::org_key(&details, &symbols, e);
            let d = derive(rows, named, &mut facts, &org);
            custody_new.extend(d.custody.into_iter().map(|s| (p, s)));
            recognition_new.extend(d.recognition.into_iter().map(|s| (p, s)));
            contradictions_new.extend(d.contradictions.into_iter().map(|c| (p, c)));
            recognized[p as usize] = d.recognized;
            match d.public {
                Some(t) => public_view.insert(p, t),
                None => public_view.remove(&p),
            };
        }
        let next = Registry {
            persons,
            symbols,
            person_ix,
            events,
            offsets,
            custody: splice(&self.custody, custody_new, &affected),
            recognition: splice(&self.recognition, recognition_new, &affected),
            recognized,
            contradictions: splice(&self.contradictions, contradictions_new, &affected),
            announcements,
            figures,
            merged_into,
            public_view,
            curves: Default::default(),
            places: self.places.clone(),
            place_ix: self.place_ix.clone(),
            details,
            letters,
            splits: std::sync::Mutex::default(),
            flows: Default::default(),
            release_days: super::release_months::Lazy::default(),
        };
        // Curves and breakdowns already built are moved by the difference; the others
        // stay lazy.
        let mut kept = [false; 3];
        for (slot, mode) in MODES.into_iter().enumerate() {
            if let Some(old) = self.curves[slot].get() {
                if let Some(c) = moved(self, &next, old, mode, &affected) {
                    let _ = next.curves[slot].set(c);
                    kept[slot] = true;
                }
            }
        }
        let splits = super::built_so_far(&self.splits);
        let mut moved_splits = HashMap::new();
        for (key, split) in splits {
            let slot = MODES.iter().position(|m| *m == key.0).expect("a mode");
            if kept[slot] {
                if let Some(s) = moved_split(self, &next, &split, key, &affected) {
                    moved_splits.insert(key, std::sync::Arc::new(s));
                }
            }
        }
        *next
            .splits
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = moved_splits;
        *next
            .release_days
            .months
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) =
            super::release_months::moved_months(self, &next, &affected, |mode| {
                MODES
                    .iter()
                    .position(|m| *m == mode)
                    .is_some_and(|slot| kept[slot])
            });
        *next
            .release_days
            .released
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) =
            super::released_days::moved_released(self, &next, &affected);
        let flows = super::flows::moved_flows(self, &next, &affected);
        let mut next = next;
        next.flows = flows;
        Some(next)
    }
}

/// A list sorted by person with the `affected` persons' items replaced by `fresh` (sorted
/// by person, each person's in order).
fn splice<T: Clone>(
    old: &[(u32, T)],
    fresh: Vec<(u32, T)>,
    affected: &BTreeSet<u32>,
) -> Vec<(u32, T)> {
    let mut out = Vec::with_capacity(old.len() + fresh.len());
    let mut fresh = fresh.into_iter().peekable();
    for item in old {
        while fresh.peek().is_some_and(|(p, _)| *p < item.0) {
            out.extend(fresh.next());
        }
        if !affected.contains(&item.0) {
            out.push(item.clone());
        }
    }
    out.extend(fresh);
    out
}

/// `old`'s curves moved by the affected persons' change from `before` to `after`; `None`
/// when a new day falls outside the days the curves cover (they are built again lazily).
fn moved(
    before: &Registry,
    after: &Registry,
    old: &Curves,
    mode: Mode,
    affected: &BTreeSet<u32>,
) -> Option<Curves> {
    if old.total.held.is_empty() {
        return None;
    }
    let mut c = old.clone();
    let len = c.total.held.len();
    for &p in affected {
        let was = ((p as usize) < before.person_count())
            .then(|| before.days_of(p, mode))
            .flatten();
        let now = after.days_of(p, mode);
        for (registry, days, sign) in [(before, was, -1), (after, now, 1)] {
            let Some(days) = days else { continue };
            let country = registry.country_of(p).map(str::to_string);
            apply(&mut c.total, c.base, len, &days, sign)?;
            if let Some(country) = country {
                let curve = c.by_country.entry(country).or_insert_with(|| Curve {
                    held: vec![0; len],
                    min: vec![0; len],
                    max: vec![0; len],
                });
                apply(curve, c.base, len, &days, sign)?;
            }
        }
    }
    Some(c)
}

/// A breakdown moved by the affected persons' change, like [`moved`].
fn moved_split(
    before: &Registry,
    after: &Registry,
    old: &Split,
    (mode, by, public): SplitKey,
    affected: &BTreeSet<u32>,
) -> Option<Split> {
    if old.len == 0 {
        return None;
    }
    let audience = if public {
        access::Audience::Public
    } else {
        access::Audience::Trusted
    };
    let mut s = old.clone();
    let mut keyed = Vec::new();
    for &p in affected {
        let was = ((p as usize) < before.person_count())
            .then(|| before.days_of(p, mode))
            .flatten();
        let now = after.days_of(p, mode);
        for (registry, days, sign) in [(before, was, -1), (after, now, 1)] {
            let Some(days) = days else { continue };
            keyed.clear();
            registry.keyed_days(p, by, audience, &days, &mut keyed);
            for (k, ranges) in &keyed {
                s.add(registry.country_of(p), k, ranges, sign)?;
            }
        }
    }
    Some(s)
}

/// Adds `sign` to a cumulative curve on every day of `days`.
fn apply(curve: &mut Curve, base: i32, len: usize, days: &PersonDays, sign: i32) -> Option<()> {
    let at = |d: Day| -> Option<usize> {
        let i = d.0.checked_sub(base)?;
        (0..=(len as i32 - 2)).contains(&i).then_some(i as usize)
    };
    for (arr, ranges) in [
        (&mut curve.held, &days.headline),
        (&mut curve.min, &days.surely),
        (&mut curve.max, &days.possibly),
    ] {
        for r in ranges.iter().filter(|r: &&HalfOpen| !r.is_empty()) {
            let from = at(r.from)?;
            let to = if r.to == OPEN { len } else { at(r.to)? };
            for v in &mut arr[from..to] {
                *v += sign;
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{parse_record, Record};
    use crate::registry::Builder;

    fn build(records: &[Record]) -> Registry {
        let mut sorted: Vec<&Record> = records.iter().collect();
        sorted.sort_by_key(|r| r.record_type().rank());
        let mut b = Builder::new();
        for r in sorted {
            b.add_record(r).unwrap();
        }
        b.finish()
    }

    fn record(line: &str) -> Record {
        parse_record(line).unwrap().into_record()
    }

    /// Saves of every kind the patch takes, on a generated registry whose day arrays,
    /// breakdowns and flows are built: the patched registry describes like one built
    /// from the same records.
    #[test]
    fn a_patched_registry_equals_one_built_whole() {
        let mut records = Vec::new();
        crate::generate::generate(
            crate::generate::Settings {
                persons: 150,
                seed: 9,
            },
            &mut |line| {
                records.push(record(line));
            },
        );
        let before = build(&records);
        let (from, to) = (
            Day::ymd(2020, 1, 1).unwrap(),
            Day::ymd(2026, 12, 31).unwrap(),
        );
        let _ = before.describe(from, to);
        let p0 = before.person_id(3).to_string();
        let p1 = before.person_id(7).to_string();
        let saved = [
            format!(r#"{{"type":"event","id":"new-e1","person":"{p0}","kind":"detained","date":"2022-03"}}"#),
            format!(r#"{{"type":"event","id":"new-e2","person":"{p0}","kind":"recognized","date":"2022-04-01"}}"#),
            format!(r#"{{"type":"person","id":"{p1}","sex":"female","birth_date":"1960-02-29","country":"RU","visibility":"restricted"}}"#),
            r#"{"type":"person","id":"new-p","country":"BY","region":"Minsk"}"#.to_string(),
            r#"{"type":"event","id":"new-e3","person":"new-p","kind":"detained","date":"2023-01-05"}"#.to_string(),
            r#"{"type":"announcement","id":"a-000","kind":"pardon","date":"2024-07-03","country":"BY","total":9}"#.to_string(),
            r#"{"type":"event","id":"new-e4","person":"new-p","kind":"pardoned","date":"2024-07-03","announcement":"a-000"}"#.to_string(),
        ];
        let mut changes = Changes::default();
        let mut all = records.clone();
        for line in &saved {
            let r = record(line);
            match &r {
                Record::Person(p) => {
                    all.retain(|x| !matches!(x, Record::Person(q) if q.id == p.id));
                    changes.persons.push(p.clone());
                }
                Record::Announcement(a) => changes.announcements.push(a.clone()),
                _ => {}
            }
            all.push(r);
        }
        for id in [&p0, &p1, &"new-p".to_string()] {
            let events = all
                .iter()
                .filter_map(|r| match r {
                    Record::Event(e) if &e.person == id => Some(e.clone()),
                    _ => None,
                })
                .collect();
            changes.events.push((id.clone(), events));
        }
        let patched = before.patched(&changes).expect("patchable");
        // The releases per month and released counts were moved, not left to be built.
        let built = &patched.release_days;
        assert_eq!(built.months.lock().map(|m| m.len()).ok(), Some(6));
        assert_eq!(built.released.lock().map(|m| m.len()).ok(), Some(3));
        let whole = build(&all);
        let (a, b) = (patched.describe(from, to), whole.describe(from, to));
        for (k, v) in &b {
            assert_eq!(a.get(k), Some(v), "{k}");
        }
        assert_eq!(a.len(), b.len());
    }
}
