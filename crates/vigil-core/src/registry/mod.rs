//! The registry: the in-memory model every answer reads. Compact person storage
//! (`PersonRow`, interned `Symbols`), events, announcements, figures, resolved merges, and
//! the accessors over them (`status`, `has_role`, `country_of`, `countries`, …).
//!
//! Building (`build.rs`, the only merge resolution) and counting (`count.rs`, the per-day
//! curves behind `stats held`, `series`, `waves`, `flow`) are its two halves; this file is
//! what both share.

mod breakdown;
mod build;
mod cases;
mod count;
mod counts;
mod describe;
mod flows;
mod patch;
mod recognitions;
mod release_months;
mod released_days;
mod releases;

pub use build::{in_merge_order, merge_roots, Builder, DanglingReference, Replay, ReplayError};
pub use cases::{article_number, CaseBy, CaseFacts, Stay, Whereabouts};
pub use count::{age_band, age_on, step_days, By, Flow, Held, SeriesPoint, Step, Wave, Waves};
pub use counts::{Counts, DayCounts};
pub use patch::Changes;
pub use recognitions::{OrgCounts, Recognition, UNNAMED};
pub use releases::{Releases, RELEASE_KEYS};

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::access::Audience;
use crate::custody::{Contradiction, EventFact, Span};
use crate::date::{Day, PartialDate};
use crate::record::{Announcement, Figure, Health, Person, Place, ReleaseReason, Sex, Visibility};
use count::Curves;

/// What a lazily built table holds so far (its lock taken once, a poisoned one read as it
/// is): the keys and shared values, for a patch to move.
pub(super) fn built_so_far<K: Copy, V>(
    table: &std::sync::Mutex<HashMap<K, std::sync::Arc<V>>>,
) -> Vec<(K, std::sync::Arc<V>)> {
    table
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .iter()
        .map(|(k, v)| (*k, std::sync::Arc::clone(v)))
        .collect()
}

/// What the engine keeps of a person.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonFacts {
    pub id: String,
    pub sex: Option<Sex>,
    pub birth: Option<PartialDate>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub roles: Option<Vec<String>>,
    pub health: Option<Vec<Health>>,
    pub prominent: bool,
    pub visibility: Visibility,
}

impl From<&Person> for PersonFacts {
    fn from(p: &Person) -> Self {
        PersonFacts {
            id: p.id.clone(),
            sex: p.sex,
            birth: p.birth_date,
            country: p.country.clone(),
            region: p.region.clone(),
            roles: p.roles.clone(),
            health: p.health.clone(),
            prominent: p.prominent,
            visibility: p.visibility,
        }
    }
}

/// "No value" for an interned field.
const NONE: u32 = u32::MAX;

/// What the engine keeps of a person: one heap string and interned small fields, so
/// millions fit (a `PersonFacts` is several times larger and allocates per field).
#[derive(Debug, Clone)]
struct PersonRow {
    id: std::sync::Arc<str>,
    birth: Option<PartialDate>,
    country: u32,
    region: u32,
    /// Index into the role sets; `NONE` when roles are unknown.
    roles: u32,
    sex: Option<Sex>,
    /// Bit 0: known; bit 1: disability; bit 2: chronic illness.
    health: u8,
    prominent: bool,
    visibility: Visibility,
}

const HEALTH_KNOWN: u8 = 1;
const HEALTH_DISABILITY: u8 = 2;
const HEALTH_CHRONIC: u8 = 4;

/// Interned strings (countries, regions, roles) and role sets.
#[derive(Debug, Default, Clone)]
struct Symbols {
    names: Vec<Box<str>>,
    ix: HashMap<Box<str>, u32>,
    role_sets: Vec<Box<[u32]>>,
    role_set_ix: HashMap<Box<[u32]>, u32>,
}

impl Symbols {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.ix.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.into());
        self.ix.insert(name.into(), i);
        i
    }

    fn intern_opt(&mut self, name: Option<&str>) -> u32 {
        name.map_or(NONE, |n| self.intern(n))
    }

    fn name(&self, i: u32) -> Option<&str> {
        (i != NONE).then(|| &*self.names[i as usize])
    }

    fn intern_roles(&mut self, roles: &[String]) -> u32 {
        let set: Vec<u32> = roles.iter().map(|r| self.intern(r)).collect();
        if let Some(&i) = self.role_set_ix.get(set.as_slice()) {
            return i;
        }
        let set = set.into_boxed_slice();
        let i = self.role_sets.len() as u32;
        self.role_sets.push(set.clone());
        self.role_set_ix.insert(set, i);
        i
    }

    fn row(&mut self, p: &PersonParts<'_>) -> PersonRow {
        let health = p.health.map_or(0, |h| {
            HEALTH_KNOWN
                | if h.contains(&Health::Disability) {
                    HEALTH_DISABILITY
                } else {
                    0
                }
                | if h.contains(&Health::ChronicIllness) {
                    HEALTH_CHRONIC
                } else {
                    0
                }
        });
        PersonRow {
            country: self.intern_opt(p.country),
            region: self.intern_opt(p.region),
            roles: p.roles.map_or(NONE, |r| self.intern_roles(r)),
            id: p.id.into(),
            birth: p.birth,
            sex: p.sex,
            health,
            prominent: p.prominent,
            visibility: p.visibility,
        }
    }

    fn facts(&self, r: &PersonRow) -> PersonFacts {
        let name = |i| self.name(i).map(str::to_string);
        let health = (r.health & HEALTH_KNOWN != 0).then(|| {
            let mut h = Vec::new();
            if r.health & HEALTH_DISABILITY != 0 {
                h.push(Health::Disability);
            }
            if r.health & HEALTH_CHRONIC != 0 {
                h.push(Health::ChronicIllness);
            }
            h
        });
        PersonFacts {
            id: r.id.to_string(),
            sex: r.sex,
            birth: r.birth,
            country: name(r.country),
            region: name(r.region),
            roles: (r.roles != NONE).then(|| {
                self.role_sets[r.roles as usize]
                    .iter()
                    .map(|&s| self.names[s as usize].to_string())
                    .collect()
            }),
            health,
            prominent: r.prominent,
            visibility: r.visibility,
        }
    }
}

/// A person's facts, borrowed: how a store adds persons without allocating per field.
#[derive(Debug, Clone, Copy)]
pub struct PersonParts<'a> {
    pub id: &'a str,
    pub sex: Option<Sex>,
    pub birth: Option<PartialDate>,
    pub country: Option<&'a str>,
    pub region: Option<&'a str>,
    pub roles: Option<&'a [String]>,
    pub health: Option<&'a [Health]>,
    pub prominent: bool,
    pub visibility: Visibility,
}

impl<'a> From<&'a PersonFacts> for PersonParts<'a> {
    fn from(p: &'a PersonFacts) -> Self {
        PersonParts {
            id: &p.id,
            sex: p.sex,
            birth: p.birth,
            country: p.country.as_deref(),
            region: p.region.as_deref(),
            roles: p.roles.as_deref(),
            health: p.health.as_deref(),
            prominent: p.prominent,
            visibility: p.visibility,
        }
    }
}

/// What the engine keeps of an event: 28 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventRow {
    pub person: u32,
    pub fact: EventFact,
    /// The event's own visibility as added; in a built registry, raised to its person's
    /// (the person it was recorded for, before any merge): who may see that it happened.
    pub visibility: Visibility,
    pub reason: Option<ReleaseReason>,
    /// Index into the announcements.
    pub announcement: Option<u32>,
    /// Index into the case details (`NO_DETAIL` when it has none): set by
    /// `Builder::add_event_with`.
    pub detail: u32,
}

/// `EventRow::detail` of an event without case details.
pub const NO_DETAIL: u32 = NONE;

/// Which persons a count includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Mode {
    /// Recognized political prisoners: a `recognized` event not followed by a withdrawal,
    /// as the registry knows it now.
    #[default]
    Recognized,
    /// Only those already recognized on the day counted.
    RecognizedByDate,
    /// Everyone in custody.
    All,
}

/// The registry's indexes, immutable once built; shared freely between threads.
#[derive(Debug)]
pub struct Registry {
    persons: Vec<PersonRow>,
    symbols: Symbols,
    person_ix: HashMap<std::sync::Arc<str>, u32>,
    /// Sorted by person, then timeline order.
    events: Vec<EventRow>,
    /// `events[offsets[p]..offsets[p + 1]]` are person p's.
    offsets: Vec<u32>,
    custody: Vec<(u32, Span)>,
    recognition: Vec<(u32, Span)>,
    recognized: Vec<bool>,
    contradictions: Vec<(u32, Contradiction)>,
    announcements: Vec<Announcement>,
    figures: Vec<Figure>,
    /// Per person, the person it was merged into (`u32::MAX` if none).
    merged_into: Vec<u32>,
    /// For each public person with an event the public may not see: the timeline walked
    /// over the events the public may see. What the public is told about a named person
    /// comes from here; counts still come from every event.
    public_view: HashMap<u32, PublicTimeline>,
    curves: [OnceLock<Curves>; 3],
    places: Vec<Place>,
    place_ix: HashMap<String, u32>,
    details: Vec<CaseFacts>,
    /// Persons with a consent or an envelope name.
    letters: HashMap<u32, Letters>,
    /// Breakdowns per day, built on the first question for each (`breakdown.rs`).
    splits: breakdown::Splits,
    /// Flow per day, built on the first question (`flows.rs`).
    flows: flows::Flows,
    /// Expected releases per month and released between two days, per day, built on
    /// the first question (`release_months.rs`, `released_days.rs`).
    release_days: release_months::Lazy,
}

/// What a person agreed to and how an envelope names them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letters {
    pub letters: bool,
    pub calendar: bool,
    pub envelope: Option<Box<str>>,
}

/// A public person's timeline from their public events only (`Registry::public_view`).
#[derive(Debug, Clone, Default)]
struct PublicTimeline {
    custody: Vec<Span>,
    recognized: bool,
    contradictions: Vec<Contradiction>,
}

/// Where a person is on a day (`Registry::status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Held,
    /// Held before, not on the day.
    Released,
    NotDetained,
}

impl Status {
    /// The wire name: `held`, `released`, `not_detained`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Released => "released",
            Status::NotDetained => "not_detained",
        }
    }
}

impl Registry {
    #[must_use]
    pub fn person_count(&self) -> usize {
        self.persons.len()
    }

    /// The id of person `p` (an index from this registry).
    #[must_use]
    pub fn person_id(&self, p: u32) -> &str {
        &self.persons[p as usize].id
    }

    /// What the registry knows of person `p`.
    #[must_use]
    pub fn person_facts(&self, p: u32) -> PersonFacts {
        self.symbols.facts(&self.persons[p as usize])
    }

    /// May the public see person `p`? Counts include everyone; names and records only these.
    #[must_use]
    pub fn is_public(&self, p: u32) -> bool {
        self.persons[p as usize].visibility.is_public() && self.merged_into(p).is_none()
    }

    /// The public person a merged record now counts as, if the merged record was public
    /// itself: where the address of its page leads (a restricted record's leads nowhere,
    /// so its id says nothing of whom it was merged into).
    #[must_use]
    pub fn public_successor(&self, p: u32) -> Option<u32> {
        let k = self.merged_into(p)?;
        (self.persons[p as usize].visibility.is_public() && self.is_public(k)).then_some(k)
    }

    /// The person a merged record now counts as, if it was merged.
    #[must_use]
    pub fn merged_into(&self, p: u32) -> Option<u32> {
        self.merged_into
            .get(p as usize)
            .copied()
            .filter(|&k| k != u32::MAX)
    }

    /// The index of a person by id.
    #[must_use]
    pub fn person_index(&self, id: &str) -> Option<u32> {
        self.person_ix.get(id).copied()
    }

    #[must_use]
    pub fn event_count(&self) -> usize {
        self.events.len()
    }

    #[must_use]
    pub fn announcements(&self) -> &[Announcement] {
        &self.announcements
    }

    #[must_use]
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }

    /// Events of person `p`, in timeline order.
    #[must_use]
    pub fn events_of(&self, p: u32) -> &[EventRow] {
        &self.events[self.offsets[p as usize] as usize..self.offsets[p as usize + 1] as usize]
    }

    /// Where person `p` is on a day, as this audience may be told: for the public, from
    /// the events the public may see (a hidden release does not make a public person
    /// "released").
    #[must_use]
    pub fn status(&self, p: u32, on: Day, audience: Audience) -> Status {
        let status = |spans: &mut dyn Iterator<Item = &Span>| {
            let mut status = Status::NotDetained;
            for s in spans {
                if s.headline().contains(on) {
                    return Status::Held;
                }
                if s.headline().from <= on {
                    status = Status::Released;
                }
            }
            status
        };
        match self.public_timeline(p, audience) {
            Some(t) => status(&mut t.custody.iter()),
            None => status(&mut spans_of(&self.custody, p).iter().map(|(_, s)| s)),
        }
    }

    /// The public timeline of person `p`, when the audience is the public and some of
    /// the person's events are hidden from it.
    fn public_timeline(&self, p: u32, audience: Audience) -> Option<&PublicTimeline> {
        match audience {
            Audience::Public => self.public_view.get(&p),
            Audience::Trusted => None,
        }
    }

    /// The countries persons and announcements are recorded in, sorted: for a trusted
    /// audience, every one; for the public, those with an announcement or with at least
    /// `min_cell` persons (a country known only from one or two hidden persons is not
    /// named, and counts for it are not given: `answers_for_country`).
    #[must_use]
    pub fn countries(&self, audience: Audience, min_cell: i64) -> Vec<&str> {
        let mut persons: HashMap<&str, i64> = HashMap::new();
        for r in &self.persons {
            if let Some(c) = self.symbols.name(r.country) {
                *persons.entry(c).or_default() += 1;
            }
        }
        let mut c: Vec<&str> = persons
            .into_iter()
            .filter(|&(_, n)| audience == Audience::Trusted || n >= min_cell)
            .map(|(c, _)| c)
            .collect();
        c.extend(
            self.announcements
                .iter()
                .filter_map(|a| a.country.as_deref()),
        );
        c.sort_unstable();
        c.dedup();
        c
    }

    /// Does this audience get counts for a country? The public, only for a country of
    /// `countries(Public, min_cell)` (any case); a trusted audience, always.
    #[must_use]
    pub fn answers_for_country(&self, country: &str, audience: Audience, min_cell: i64) -> bool {
        audience == Audience::Trusted
            || self
                .countries(audience, min_cell)
                .iter()
                .any(|c| c.eq_ignore_ascii_case(country))
    }

    /// The countries of public persons, sorted: what a public list of persons filters by.
    #[must_use]
    pub fn countries_of_public_persons(&self) -> Vec<&str> {
        let mut c: Vec<&str> = (0..self.persons.len() as u32)
            .filter(|&p| self.is_public(p))
            .filter_map(|p| self.country_of(p))
            .collect();
        c.sort_unstable();
        c.dedup();
        c
    }

    /// Does person `p` have this role?
    #[must_use]
    pub fn has_role(&self, p: u32, role: &str) -> bool {
        let set = self.persons[p as usize].roles;
        set != NONE
            && self.symbols.role_sets[set as usize]
                .iter()
                .any(|&r| &*self.symbols.names[r as usize] == role)
    }

    /// The country of person `p`.
    #[must_use]
    pub fn country_of(&self, p: u32) -> Option<&str> {
        self.symbols.name(self.persons[p as usize].country)
    }

    /// An announcement by id.
    #[must_use]
    pub fn announcement(&self, id: &str) -> Option<&Announcement> {
        self.announcements.iter().find(|a| a.id == id)
    }

    /// Persons with an event pointing at an announcement, in index order: for the public,
    /// only public persons identified by an event the public may see (the others are
    /// counted by `identified(.., Trusted)`, never named).
    #[must_use]
    pub fn identified(&self, announcement_id: &str, audience: Audience) -> Vec<u32> {
        let Some(ix) = self
            .announcements
            .iter()
            .position(|a| a.id == announcement_id)
        else {
            return Vec::new();
        };
        let mut persons: Vec<u32> = self
            .events
            .iter()
            .filter(|e| e.announcement == Some(ix as u32))
            .filter(|e| {
                audience == Audience::Trusted
                    || (e.visibility.is_public() && self.is_public(e.person))
            })
            .map(|e| e.person)
            .collect();
        persons.dedup();
        persons
    }

    /// Timeline contradictions, with the person's index: for the public, only those of
    /// public persons, found in the events the public may see.
    #[must_use]
    pub fn contradictions(&self, audience: Audience) -> Vec<(u32, &Contradiction)> {
        let all = self.contradictions.iter().map(|(p, c)| (*p, c));
        match audience {
            Audience::Trusted => all.collect(),
            Audience::Public => {
                let mut out: Vec<(u32, &Contradiction)> = all
                    .filter(|(p, _)| self.is_public(*p) && !self.public_view.contains_key(p))
                    .collect();
                out.extend(
                    self.public_view
                        .iter()
                        .flat_map(|(p, t)| t.contradictions.iter().map(move |c| (*p, c))),
                );
                out.sort_by_key(|(p, c)| (*p, c.day));
                out
            }
        }
    }

    /// Is person `p` a recognized political prisoner (as known now), as this audience
    /// may be told?
    #[must_use]
    pub fn is_recognized(&self, p: u32, audience: Audience) -> bool {
        self.public_timeline(p, audience)
            .map_or(self.recognized[p as usize], |t| t.recognized)
    }

    fn country_matches(&self, p: u32, country: Option<&str>) -> bool {
        country.is_none_or(|c| {
            self.symbols
                .name(self.persons[p as usize].country)
                .is_some_and(|pc| pc.eq_ignore_ascii_case(c))
        })
    }
}

/// Person `p`'s spans in a list sorted by person.
fn spans_of(spans: &[(u32, Span)], p: u32) -> &[(u32, Span)] {
    let start = spans.partition_point(|(q, _)| *q < p);
    let end = start + spans[start..].partition_point(|(q, _)| *q == p);
    &spans[start..end]
}
