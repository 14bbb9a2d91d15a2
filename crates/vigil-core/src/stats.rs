//! The counting engine: compact in-memory indexes built once from the registry's records,
//! answering `stats held`, `series`, `waves` and `flow`.
//!
//! Daily counts are kept as cumulative per-day arrays (one per country and in total, for
//! the headline figure and both bounds), built lazily per counting mode. A count on a day
//! is then one array read, and a series one read per point.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::{Datelike, Months};
use serde::Serialize;

use crate::custody::{self, Contradiction, EventFact, HalfOpen, Span, OPEN};
use crate::date::{Day, DayRange, PartialDate};
use crate::record::{
    Announcement, AnnouncementKind, EventKind, Figure, Health, Person, Record, ReleaseReason, Sex,
    Visibility,
};

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
    id: Box<str>,
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
#[derive(Debug, Default)]
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

/// What the engine keeps of an event: 24 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventRow {
    pub person: u32,
    pub fact: EventFact,
    pub reason: Option<ReleaseReason>,
    /// Index into the announcements.
    pub announcement: Option<u32>,
}

/// Which persons a count includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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

/// Collects records, then builds a [`Registry`].
#[derive(Debug, Default)]
pub struct Builder {
    persons: Vec<PersonRow>,
    symbols: Symbols,
    person_ix: HashMap<String, u32>,
    events: Vec<EventRow>,
    announcement_ix: HashMap<String, u32>,
    announcements: Vec<Option<Announcement>>,
    figures: Vec<Figure>,
    /// (keep, merged) person ids.
    merges: Vec<(String, String)>,
}

/// A record that points at something the builder has not seen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{rtype} '{id}' refers to unknown {target} '{target_id}'")]
pub struct DanglingReference {
    pub rtype: &'static str,
    pub id: String,
    pub target: &'static str,
    pub target_id: String,
}

impl Builder {
    #[must_use]
    pub fn new() -> Builder {
        Builder::default()
    }

    /// A builder with room for about this many persons and events, so loading a large
    /// registry does not grow (and copy) its vectors again and again.
    #[must_use]
    pub fn with_capacity(persons: usize, events: usize) -> Builder {
        Builder {
            persons: Vec::with_capacity(persons),
            person_ix: HashMap::with_capacity(persons),
            events: Vec::with_capacity(events),
            ..Builder::default()
        }
    }

    /// Adds (or replaces) a person; returns its index.
    pub fn add_person(&mut self, p: &PersonFacts) -> u32 {
        self.add_person_parts(&PersonParts::from(p))
    }

    /// Adds (or replaces) a person from borrowed parts; returns its index.
    pub fn add_person_parts(&mut self, p: &PersonParts<'_>) -> u32 {
        let row = self.symbols.row(p);
        if let Some(&ix) = self.person_ix.get(&*row.id) {
            self.persons[ix as usize] = row;
            return ix;
        }
        let ix = self.persons.len() as u32;
        self.person_ix.insert(row.id.to_string(), ix);
        self.persons.push(row);
        ix
    }

    #[must_use]
    pub fn person_index(&self, id: &str) -> Option<u32> {
        self.person_ix.get(id).copied()
    }

    /// The index an announcement has or will have once added.
    pub fn announcement_slot(&mut self, id: &str) -> u32 {
        if let Some(&ix) = self.announcement_ix.get(id) {
            return ix;
        }
        let ix = self.announcements.len() as u32;
        self.announcement_ix.insert(id.to_string(), ix);
        self.announcements.push(None);
        ix
    }

    pub fn add_announcement(&mut self, a: Announcement) {
        let ix = self.announcement_slot(&a.id);
        self.announcements[ix as usize] = Some(a);
    }

    pub fn add_event(&mut self, row: EventRow) {
        self.events.push(row);
    }

    pub fn add_figure(&mut self, f: Figure) {
        self.figures.push(f);
    }

    /// Counts `merged`'s events as `keep`'s. Resolved when the registry is built, so the
    /// order records arrive in does not matter; a merge naming an unknown person, or one
    /// that would close a cycle, is left out.
    pub fn add_merge(&mut self, keep: String, merged: String) {
        self.merges.push((keep, merged));
    }

    /// Adds a validated record. Persons must come before their events.
    pub fn add_record(&mut self, r: &Record) -> Result<(), DanglingReference> {
        match r {
            Record::Source(_) => {}
            Record::Person(p) => {
                self.add_person(&p.into());
            }
            Record::Announcement(a) => self.add_announcement(a.clone()),
            Record::Figure(f) => self.add_figure(f.clone()),
            Record::Merge(m) => self.add_merge(m.keep.clone(), m.merged.clone()),
            Record::Event(e) => {
                let person = self
                    .person_index(&e.person)
                    .ok_or_else(|| DanglingReference {
                        rtype: "event",
                        id: e.id.clone(),
                        target: "person",
                        target_id: e.person.clone(),
                    })?;
                let announcement = e.announcement.as_deref().map(|a| self.announcement_slot(a));
                self.add_event(EventRow {
                    person,
                    fact: EventFact {
                        kind: e.kind,
                        when: e.date.range(),
                    },
                    reason: e.details.reason,
                    announcement,
                });
            }
        }
        Ok(())
    }

    /// Builds the indexes.
    #[must_use]
    pub fn finish(self) -> Registry {
        let Builder {
            persons,
            symbols,
            person_ix,
            mut events,
            announcements,
            figures,
            merges,
            ..
        } = self;
        // Merges: each merged person points at the one kept, followed to the end of a
        // chain (a into b, b into c); a merge that would make a cycle is dropped.
        let mut merged_into = vec![u32::MAX; persons.len()];
        for (keep, merged) in &merges {
            let (Some(&k), Some(&m)) = (person_ix.get(keep), person_ix.get(merged)) else {
                continue;
            };
            let mut root = k;
            let mut steps = 0;
            while merged_into[root as usize] != u32::MAX && steps <= persons.len() {
                root = merged_into[root as usize];
                steps += 1;
            }
            if root != m {
                merged_into[m as usize] = k;
            }
        }
        let resolve = |mut p: u32| {
            let mut steps = 0;
            while merged_into[p as usize] != u32::MAX && steps <= merged_into.len() {
                p = merged_into[p as usize];
                steps += 1;
            }
            p
        };
        for e in &mut events {
            e.person = resolve(e.person);
        }
        let merged_into: Vec<u32> = (0..persons.len() as u32)
            .map(|p| {
                if merged_into[p as usize] == u32::MAX {
                    u32::MAX
                } else {
                    resolve(p)
                }
            })
            .collect();
        // Group by person with a counting pass (linear), then order each person's few events.
        let mut offsets = vec![0u32; persons.len() + 1];
        for e in &events {
            offsets[e.person as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut next = offsets.clone();
        let mut grouped = vec![None; events.len()];
        for e in events.drain(..) {
            let slot = &mut next[e.person as usize];
            grouped[*slot as usize] = Some(e);
            *slot += 1;
        }
        let mut events: Vec<EventRow> = grouped
            .into_iter()
            .map(|e| e.expect("every slot filled"))
            .collect();
        for p in 0..persons.len() {
            events[offsets[p] as usize..offsets[p + 1] as usize]
                .sort_unstable_by_key(|e| custody::sort_key(&e.fact));
        }
        let mut custody = Vec::new();
        let mut recognition = Vec::new();
        let mut recognized = vec![false; persons.len()];
        let mut contradictions = Vec::new();
        let mut facts = Vec::new();
        for p in 0..persons.len() as u32 {
            let (start, end) = (
                offsets[p as usize] as usize,
                offsets[p as usize + 1] as usize,
            );
            facts.clear();
            facts.extend(events[start..end].iter().map(|e| e.fact));
            let t = custody::walk(&facts);
            custody.extend(t.custody.into_iter().map(|s| (p, s)));
            recognition.extend(t.recognition.into_iter().map(|s| (p, s)));
            recognized[p as usize] = t.recognized;
            contradictions.extend(t.contradictions.into_iter().map(|c| (p, c)));
        }
        let announcements: Vec<Announcement> = announcements
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                a.unwrap_or_else(|| {
                    // Referenced but never given: keep the slot so indexes stay valid.
                    let id = format!("(missing announcement #{i})");
                    Announcement {
                        id,
                        kind: AnnouncementKind::Release,
                        date: PartialDate::year(1970).expect("valid"),
                        country: None,
                        issuer: None,
                        total: None,
                        breakdown: BTreeMap::new(),
                        names_disclosed: None,
                        claims: Vec::new(),
                        sources: Vec::new(),
                    }
                })
            })
            .collect();
        Registry {
            persons,
            symbols,
            person_ix,
            events,
            offsets,
            custody,
            recognition,
            recognized,
            contradictions,
            announcements,
            figures,
            merged_into,
            curves: Default::default(),
        }
    }
}

/// The registry's indexes, immutable once built; shared freely between threads.
#[derive(Debug)]
pub struct Registry {
    persons: Vec<PersonRow>,
    symbols: Symbols,
    person_ix: HashMap<String, u32>,
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
    curves: [OnceLock<Curves>; 3],
}

/// A count on a day with its bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Held {
    pub held: i64,
    pub held_min: i64,
    pub held_max: i64,
}

/// Who an answer is for. The public sees counts of everyone, but a breakdown key taken
/// from a non-public person's own free-text fields (region, roles) could name them, so
/// for the public such persons count under `withheld`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    Public,
    /// Editors and the command line: every key.
    #[default]
    Trusted,
}

/// A breakdown dimension for `stats held --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Sex,
    Age,
    Role,
    Region,
}

impl By {
    #[must_use]
    pub fn parse(s: &str) -> Option<By> {
        match s {
            "sex" => Some(By::Sex),
            "age" => Some(By::Age),
            "role" => Some(By::Role),
            "region" => Some(By::Region),
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
#[derive(Debug, Default)]
struct Curves {
    base: i32,
    total: Curve,
    by_country: HashMap<String, Curve>,
}

#[derive(Debug, Default, Clone)]
struct Curve {
    held: Vec<i32>,
    min: Vec<i32>,
    max: Vec<i32>,
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
struct PersonDays {
    headline: Vec<HalfOpen>,
    surely: Vec<HalfOpen>,
    possibly: Vec<HalfOpen>,
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

    /// Where person `p` is on a day: `held`, `released` (held before, not now) or
    /// `not_detained`.
    #[must_use]
    pub fn status(&self, p: u32, on: Day) -> &'static str {
        let spans = spans_of(&self.custody, p);
        if spans.iter().any(|(_, s)| s.headline().contains(on)) {
            "held"
        } else if spans.iter().any(|(_, s)| s.headline().from <= on) {
            "released"
        } else {
            "not_detained"
        }
    }

    /// The countries persons and announcements are recorded in, sorted.
    #[must_use]
    pub fn countries(&self) -> Vec<&str> {
        let mut c: Vec<&str> = self
            .persons
            .iter()
            .filter_map(|r| self.symbols.name(r.country))
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

    /// Persons with an event pointing at an announcement, in index order.
    #[must_use]
    pub fn identified(&self, announcement_id: &str) -> Vec<u32> {
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
            .map(|e| e.person)
            .collect();
        persons.dedup();
        persons
    }

    /// Timeline contradictions, with the person's index.
    #[must_use]
    pub fn contradictions(&self) -> &[(u32, Contradiction)] {
        &self.contradictions
    }

    /// Is person `p` counted as a recognized political prisoner (as known now)?
    #[must_use]
    pub fn is_recognized(&self, p: u32) -> bool {
        self.recognized[p as usize]
    }

    fn country_matches(&self, p: u32, country: Option<&str>) -> bool {
        country.is_none_or(|c| {
            self.symbols
                .name(self.persons[p as usize].country)
                .is_some_and(|pc| pc.eq_ignore_ascii_case(c))
        })
    }

    /// The days person-by-person on which each counts under `mode`; persons with none are skipped.
    fn person_days(&self, mode: Mode, mut visit: impl FnMut(u32, PersonDays)) {
        let mut i = 0;
        while i < self.custody.len() {
            let p = self.custody[i].0;
            let n = self.custody[i..]
                .iter()
                .take_while(|(q, _)| *q == p)
                .count();
            let spans = &self.custody[i..i + n];
            i += n;
            if mode == Mode::Recognized && !self.recognized[p as usize] {
                continue;
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
            visit(p, d);
        }
    }

    fn curves(&self, mode: Mode) -> &Curves {
        let slot = match mode {
            Mode::Recognized => 0,
            Mode::RecognizedByDate => 1,
            Mode::All => 2,
        };
        self.curves[slot].get_or_init(|| self.build_curves(mode))
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
        let c = self.curves(mode);
        match country {
            None => c.total.at(c.base, on),
            Some(code) => c
                .by_country
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(code))
                .map(|(_, curve)| curve.at(c.base, on))
                .unwrap_or_default(),
        }
    }

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
                Mode::RecognizedByDate => spans_of(&self.recognition, p)
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
                && matches!(by, By::Region | By::Role)
            {
                bump("withheld");
                continue;
            }
            match by {
                By::Sex => bump(person.sex.unwrap_or(Sex::Unknown).as_str()),
                By::Region => bump(self.symbols.name(person.region).unwrap_or("unknown")),
                By::Age => bump(age_band(person.birth, on)),
                By::Role => match person.roles {
                    NONE => bump("unknown"),
                    set => {
                        let roles = &self.symbols.role_sets[set as usize];
                        if roles.is_empty() {
                            bump("none");
                        }
                        for &r in roles {
                            bump(&self.symbols.names[r as usize]);
                        }
                    }
                },
            }
        }
        out
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
        step_days(from, to, step)
            .map(|d| {
                let h = self.held(d, country, mode);
                SeriesPoint {
                    date: d.to_string(),
                    held: h.held,
                    held_min: h.held_min,
                    held_max: h.held_max,
                }
            })
            .collect()
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
        self.identified(announcement_id).len()
    }

    /// Inflow and outflow between two days, both included; event dates at their first day.
    #[must_use]
    pub fn flow(&self, from: Day, to: Day, country: Option<&str>, mode: Mode) -> Flow {
        let within = |r: DayRange| from <= r.lo && r.lo <= to;
        let (mut detained, mut recognized, mut pardoned_identified, mut pardoned_unannounced) =
            (0, 0, 0, 0);
        let mut released = BTreeMap::new();
        for e in &self.events {
            if !within(e.fact.when) || !self.country_matches(e.person, country) {
                continue;
            }
            if e.fact.kind == EventKind::Recognized {
                recognized += 1;
                continue;
            }
            if mode != Mode::All && !self.recognized[e.person as usize] {
                continue;
            }
            match e.fact.kind {
                EventKind::Detained => detained += 1,
                EventKind::Released => {
                    *released
                        .entry(
                            e.reason
                                .map_or("unspecified", ReleaseReason::as_str)
                                .to_string(),
                        )
                        .or_insert(0) += 1;
                }
                EventKind::Pardoned => {
                    pardoned_identified += 1;
                    if e.announcement.is_none() {
                        pardoned_unannounced += 1;
                    }
                }
                _ => {}
            }
        }
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
                .then(|| round2(recognized as f64 / pardoned as f64)),
        }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Person `p`'s spans in a list sorted by person.
fn spans_of(spans: &[(u32, Span)], p: u32) -> &[(u32, Span)] {
    let start = spans.partition_point(|(q, _)| *q < p);
    let end = start + spans[start..].partition_point(|(q, _)| *q == p);
    &spans[start..end]
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
mod tests {
    use super::*;
    use crate::record::parse_record;

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
