//! Building a [`Registry`]: records are collected, then `finish` resolves merges (chains
//! followed, cycles dropped — the only place merges are resolved), sorts events, derives
//! custody spans and indexes.

use std::collections::{BTreeMap, HashMap};

use super::{CaseFacts, EventRow, PersonFacts, PersonParts, PersonRow, Registry, Symbols, NONE};
use crate::access;
use crate::chain::Entry;
use crate::custody::{self, EventFact};
use crate::date::PartialDate;
use crate::record::{
    parse_record, Announcement, AnnouncementKind, Condition, Consent, EventDetails, EventKind,
    Figure, Place, Record, RecordType,
};
use crate::sentence::AppealEffect;

/// Collects records, then builds a [`Registry`].
#[derive(Debug, Default)]
pub struct Builder {
    persons: Vec<PersonRow>,
    symbols: Symbols,
    person_ix: HashMap<std::sync::Arc<str>, u32>,
    events: Vec<EventRow>,
    announcement_ix: HashMap<String, u32>,
    announcements: Vec<Option<Announcement>>,
    figures: Vec<Figure>,
    /// (keep, merged) person ids.
    merges: Vec<(String, String)>,
    places: Vec<Place>,
    place_ix: HashMap<String, u32>,
    details: Vec<CaseFacts>,
    /// Per detail, the place id it names, resolved when the registry is built.
    detail_place: Vec<Option<Box<str>>>,
    /// Each distinct (case facts, place id) once: events with the same details share one
    /// entry (most do: "recognized by Viasna", "charged under 342"), so the details take
    /// memory per distinct fact, not per event.
    detail_ix: HashMap<(CaseFacts, Option<Box<str>>), u32>,
    letters: HashMap<u32, super::Letters>,
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
        self.person_ix.insert(std::sync::Arc::clone(&row.id), ix);
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

    /// Adds an event with the case details it carries (articles, term, regime, the place
    /// of a transfer, conditions, the recognizing organisation).
    pub fn add_event_with(&mut self, mut row: EventRow, kind: EventKind, d: &EventDetails) {
        row.detail = self.case_detail(kind, d);
        self.events.push(row);
    }

    /// Sets what person `ix` consented to and the envelope form of their name (a store
    /// reads these from the person's body; `add_record` sets them itself).
    pub fn set_letters(&mut self, ix: u32, consent: &[Consent], envelope: Option<&str>) {
        match letters_of(consent, envelope) {
            Some(l) => self.letters.insert(ix, l),
            None => self.letters.remove(&ix),
        };
    }

    /// Adds (or replaces) a place of detention.
    pub fn add_place(&mut self, p: Place) {
        if let Some(&ix) = self.place_ix.get(&p.id) {
            self.places[ix as usize] = p;
            return;
        }
        self.place_ix.insert(p.id.clone(), self.places.len() as u32);
        self.places.push(p);
    }

    /// Keeps the details an event of this kind has; `NONE` when it has none.
    fn case_detail(&mut self, kind: EventKind, d: &EventDetails) -> u32 {
        let Some(key) = case_detail(&mut self.symbols, kind, d) else {
            return NONE;
        };
        if let Some(&ix) = self.detail_ix.get(&key) {
            return ix;
        }
        let ix = self.details.len() as u32;
        self.details.push(key.0.clone());
        self.detail_place.push(key.1.clone());
        self.detail_ix.insert(key, ix);
        ix
    }

    pub fn add_figure(&mut self, f: Figure) {
        self.figures.push(f);
    }

    /// Counts `merged`'s events as `keep`'s. Resolved when the registry is built, in
    /// [`in_merge_order`], so the order records arrive in does not matter; a merge naming an unknown person, or one
    /// that would close a cycle, is left out.
    pub fn add_merge(&mut self, keep: String, merged: String) {
        self.merges.push((keep, merged));
    }

    /// Adds a validated record. Persons must come before their events.
    pub fn add_record(&mut self, r: &Record) -> Result<(), DanglingReference> {
        match r {
            Record::Source(_) => {}
            Record::Place(p) => self.add_place(p.clone()),
            Record::Person(p) => {
                let ix = self.add_person(&p.into());
                match person_letters(p) {
                    Some(l) => self.letters.insert(ix, l),
                    None => self.letters.remove(&ix),
                };
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
                let row = EventRow {
                    person,
                    fact: EventFact {
                        kind: e.kind,
                        when: e.date.range(),
                    },
                    visibility: e.visibility,
                    reason: e.details.reason,
                    announcement,
                    detail: NONE,
                };
                self.add_event_with(row, e.kind, &e.details);
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
            places,
            place_ix,
            mut details,
            detail_place,
            letters,
            ..
        } = self;
        // A transfer to a place the registry does not hold keeps no place (import refuses
        // it; a replay of a damaged log may not).
        for (d, place) in details.iter_mut().zip(&detail_place) {
            d.place = place.as_deref().and_then(|p| place_ix.get(p).copied());
        }
        let roots = merge_roots(
            persons.len(),
            in_merge_order(&merges).filter_map(|(k, m)| {
                Some((*person_ix.get(k.as_str())?, *person_ix.get(m.as_str())?))
            }),
        );
        for e in &mut events {
            // Who may see that it happened is decided by the person it was recorded for:
            // a merged restricted person's events stay hidden in the public person's.
            let recorded_for = persons[e.person as usize].visibility;
            e.visibility = access::event_visibility(e.visibility, Some(recorded_for));
            e.person = roots[e.person as usize];
        }
        let merged_into: Vec<u32> = (0..persons.len())
            .map(|p| {
                if roots[p] == p as u32 {
                    u32::MAX
                } else {
                    roots[p]
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
        // Each event's slot in that order (stable), then the permutation applied in place
        // by following its cycles: a second copy of the events would be the load's peak
        // (320 MB at 10M events), the slots are 4 bytes an event.
        let mut next = offsets.clone();
        let mut slots: Vec<u32> = events
            .iter()
            .map(|e| {
                let slot = &mut next[e.person as usize];
                *slot += 1;
                *slot - 1
            })
            .collect();
        for i in 0..events.len() {
            while slots[i] as usize != i {
                let j = slots[i] as usize;
                events.swap(i, j);
                slots.swap(i, j);
            }
        }
        drop(slots);
        // Stable: events the key does not order (two transfers of one day) keep the order
        // they were added in, which both stores give as the order of recording.
        for p in 0..persons.len() {
            events[offsets[p] as usize..offsets[p + 1] as usize]
                .sort_by_key(|e| custody::sort_key(&e.fact));
        }
        let mut custody = Vec::new();
        let mut recognition = Vec::new();
        let mut recognized = vec![false; persons.len()];
        let mut contradictions = Vec::new();
        let mut public_view = HashMap::new();
        let mut facts = Vec::new();
        for p in 0..persons.len() as u32 {
            let (start, end) = (
                offsets[p as usize] as usize,
                offsets[p as usize + 1] as usize,
            );
            let named = persons[p as usize].visibility.is_public() && roots[p as usize] == p;
            let org = |e: &EventRow| super::recognitions::org_key(&details, &symbols, e);
            let d = derive(&events[start..end], named, &mut facts, &org);
            custody.extend(d.custody.into_iter().map(|s| (p, s)));
            recognition.extend(d.recognition.into_iter().map(|s| (p, s)));
            recognized[p as usize] = d.recognized;
            contradictions.extend(d.contradictions.into_iter().map(|c| (p, c)));
            if let Some(t) = d.public {
                public_view.insert(p, t);
            }
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
            public_view,
            curves: Default::default(),
            places,
            place_ix,
            details,
            letters,
            splits: std::sync::Mutex::default(),
            flows: Default::default(),
            release_days: super::release_months::Lazy::default(),
        }
    }
}

/// (keep, merged) merges in the one order they are resolved in, whatever order they were
/// read in (log order for a replay, table order for a load): by the merged person's id.
/// A merged person has at most one live merge, so the order is total; it decides which
/// merge of a loop is dropped (the operations refuse loops; an imported file may hold one).
pub fn in_merge_order(merges: &[(String, String)]) -> impl Iterator<Item = &(String, String)> {
    let mut sorted: Vec<&(String, String)> = merges.iter().collect();
    sorted.sort_unstable_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    sorted.into_iter()
}

/// The case details an event of this kind keeps, and the id of the place it names (a
/// transfer's, resolved by the caller); `None` when it keeps none. The one reading of
/// an event's details: `Builder` and `Registry::patched` both call it.
pub(super) fn case_detail(
    symbols: &mut Symbols,
    kind: EventKind,
    d: &EventDetails,
) -> Option<(CaseFacts, Option<Box<str>>)> {
    let articles: Box<[u32]> = match (&d.articles, kind) {
        (Some(a), EventKind::Charged | EventKind::Sentenced) => a
            .items()
            .into_iter()
            .map(|t| symbols.intern(&super::article_number(t)))
            .collect(),
        _ => Box::new([]),
    };
    let conditions = if kind == EventKind::Conditions {
        d.condition_list().iter().fold(0u16, |bits, c| {
            bits | 1 << Condition::ALL.iter().position(|x| x == c).expect("listed")
        })
    } else {
        0
    };
    let by = match kind {
        EventKind::Recognized | EventKind::RecognitionWithdrawn => {
            d.by.as_deref().map(|b| symbols.intern(b.trim()))
        }
        _ => None,
    };
    let sentenced = kind == EventKind::Sentenced;
    let transferred = kind == EventKind::Transferred;
    let facts = CaseFacts {
        place: None,
        in_transit: transferred && d.in_transit,
        address_unknown: transferred && d.address_unknown,
        articles: (!articles.is_empty()).then(|| articles.into()),
        regime: d.regime.filter(|_| sentenced),
        term_months: d.term_months.filter(|_| sentenced),
        term_start: d.term_start.filter(|_| sentenced).map(|t| t.range()),
        case: d.case.as_deref().map(|c| symbols.intern(c)),
        extends: sentenced && d.extends,
        appeal: d
            .appeal
            .as_ref()
            .filter(|_| sentenced)
            .map(|a| AppealEffect {
                when: a.date.map(|w| w.range()),
                outcome: a.outcome(),
                term_months: a.term_months,
                regime: a.regime,
            }),
        conditions,
        by,
    };
    let place = d.place.as_deref().filter(|_| transferred).map(Box::from);
    if facts == CaseFacts::default() && place.is_none() {
        return None;
    }
    Some((facts, place))
}

/// What a person's consent and envelope name keep; `None` when neither is recorded. The
/// one reading: `Builder::set_letters` and `Registry::patched` both call it.
pub(super) fn letters_of(consent: &[Consent], envelope: Option<&str>) -> Option<super::Letters> {
    if consent.is_empty() && envelope.is_none() {
        return None;
    }
    Some(super::Letters {
        letters: consent.contains(&Consent::Letters),
        calendar: consent.contains(&Consent::Calendar),
        envelope: envelope.map(Box::from),
    })
}

/// What a person record's consent and envelope name keep.
pub(super) fn person_letters(p: &crate::record::Person) -> Option<super::Letters> {
    let consent = match &p.consent {
        Some(crate::record::ConsentField::List(l)) => l.as_slice(),
        _ => &[],
    };
    letters_of(consent, p.envelope.as_deref())
}

/// What one person's events give: custody and recognition spans, contradictions, and
/// (for a named person with an event the public may not see) the public's timeline. The
/// one derivation: `finish` and `patch` both call it.
pub(super) struct Derived {
    pub custody: Vec<custody::Span>,
    pub recognition: Vec<custody::Span>,
    pub recognized: bool,
    pub contradictions: Vec<custody::Contradiction>,
    pub public: Option<super::PublicTimeline>,
}

/// Derives a person's timeline from its events (sorted by [`custody::sort_key`]); `named`:
/// the person is public and not merged into another. `facts` is scratch space.
pub(super) fn derive(
    events: &[EventRow],
    named: bool,
    facts: &mut Vec<EventFact>,
    org: &dyn Fn(&EventRow) -> Option<String>,
) -> Derived {
    let t = walk(events.iter(), facts, org);
    let public = (named && events.iter().any(|e| !e.visibility.is_public())).then(|| {
        let t = walk(
            events.iter().filter(|e| e.visibility.is_public()),
            facts,
            org,
        );
        super::PublicTimeline {
            custody: t.custody,
            recognized: t.recognized,
            contradictions: t.contradictions,
        }
    });
    Derived {
        custody: t.custody,
        recognition: t.recognition,
        recognized: t.recognized,
        contradictions: t.contradictions,
        public,
    }
}

/// [`custody::walk`] of `events`, with recognition per organisation
/// (`recognitions::per_organisation`), and so what a withdrawal contradicts: the walk's
/// own findings about withdrawals read no organisation, so where the recognitions name
/// several they are taken from a walk without the withdrawals (nothing else the walk finds
/// depends on them) and each withdrawal is checked against its own organisation.
fn walk<'a>(
    events: impl Iterator<Item = &'a EventRow> + Clone,
    facts: &mut Vec<EventFact>,
    org: &dyn Fn(&EventRow) -> Option<String>,
) -> custody::Timeline {
    facts.clear();
    facts.extend(events.clone().map(|e| e.fact));
    let mut t = custody::walk(facts);
    if let Some((spans, now, withdrawals)) = super::recognitions::per_organisation(events, org) {
        facts.retain(|f| f.kind != EventKind::RecognitionWithdrawn);
        let mut found = custody::walk(facts).contradictions;
        found.extend(withdrawals);
        found.sort_by_key(|c| c.day);
        t.contradictions = found;
        t.recognition = spans;
        t.recognized = now;
    }
    t
}

/// Merge resolution, the only copy (the registry and the name search both use it): for
/// persons `0..n` and their (keep, merged) merges in the order given ([`in_merge_order`]), the person each now
/// counts as (itself when not merged). A merged person points at the one kept, followed to
/// the end of a chain (a into b, b into c); a merge that would make a cycle is dropped.
#[must_use]
pub fn merge_roots(n: usize, merges: impl IntoIterator<Item = (u32, u32)>) -> Vec<u32> {
    let mut merged_into = vec![u32::MAX; n];
    for (k, m) in merges {
        let mut root = k;
        let mut steps = 0;
        while merged_into[root as usize] != u32::MAX && steps <= n {
            root = merged_into[root as usize];
            steps += 1;
        }
        if root != m {
            merged_into[m as usize] = k;
        }
    }
    (0..n as u32)
        .map(|mut p| {
            let mut steps = 0;
            while merged_into[p as usize] != u32::MAX && steps <= n {
                p = merged_into[p as usize];
                steps += 1;
            }
            p
        })
        .collect()
}

/// Why a log prefix could not be replayed into a registry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    #[error("log entry {seq} ({rid}) no longer parses: {message}")]
    Unparsable {
        seq: u64,
        rid: String,
        message: String,
    },
    #[error("as of entry {seq}: {source}")]
    Dangling { seq: u64, source: DanglingReference },
}

/// The log replayed, one entry at a time: the last entry per record wins, and a retract
/// means the record is absent. `finish` adds the surviving records in type-rank order (then
/// log order), so references point backwards as the builder needs.
#[derive(Debug, Default)]
pub struct Replay {
    /// Per record, the seq and body of its last entry (`None`: retracted).
    state: HashMap<(RecordType, String), (u64, Option<String>)>,
}

impl Replay {
    /// Takes the next entry of the log (entries come in log order).
    pub fn push(&mut self, e: Entry) {
        self.state.insert((e.rtype, e.rid), (e.seq, e.body));
    }

    /// Builds the registry of the entries pushed.
    pub fn finish(self) -> Result<Registry, ReplayError> {
        let mut records = Vec::with_capacity(self.state.len());
        for ((_, rid), (seq, body)) in self.state {
            if let Some(body) = body {
                let r = parse_record(&body).map_err(|e| ReplayError::Unparsable {
                    seq,
                    rid,
                    message: e.to_string(),
                })?;
                let r = r.into_record();
                records.push((r.record_type().rank(), seq, r));
            }
        }
        records.sort_unstable_by_key(|(rank, seq, _)| (*rank, *seq));
        let mut b = Builder::new();
        for (_, seq, r) in &records {
            b.add_record(r)
                .map_err(|source| ReplayError::Dangling { seq: *seq, source })?;
        }
        Ok(b.finish())
    }
}

impl Builder {
    /// A registry from log entries, in one pass: see [`Replay`].
    pub fn from_log(entries: impl IntoIterator<Item = Entry>) -> Result<Registry, ReplayError> {
        let mut replay = Replay::default();
        for e in entries {
            replay.push(e);
        }
        replay.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::{Hash, Op};

    fn entry(seq: u64, rtype: RecordType, rid: &str, body: Option<&str>) -> Entry {
        Entry {
            seq,
            at: String::new(),
            actor: "test".into(),
            reason: None,
            op: if body.is_some() { Op::Put } else { Op::Retract },
            rtype,
            rid: rid.into(),
            refers_to: None,
            body: body.map(str::to_string),
            prev: Hash([0; 32]),
            hash: Hash([0; 32]),
        }
    }

    #[test]
    fn the_last_entry_per_record_wins_and_a_retract_means_absent() {
        // The event comes first in the log; type-rank order still adds its person first.
        let log = vec![
            entry(
                1,
                RecordType::Event,
                "e1",
                Some(
                    r#"{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-07-14"}"#,
                ),
            ),
            entry(
                2,
                RecordType::Person,
                "p1",
                Some(r#"{"type":"person","id":"p1","country":"BY"}"#),
            ),
            entry(
                3,
                RecordType::Person,
                "p1",
                Some(r#"{"type":"person","id":"p1","country":"RU"}"#),
            ),
            entry(
                4,
                RecordType::Person,
                "p2",
                Some(r#"{"type":"person","id":"p2","country":"BY"}"#),
            ),
            entry(5, RecordType::Person, "p2", None),
        ];
        let r = Builder::from_log(log).unwrap();
        assert_eq!(r.person_count(), 1);
        let p1 = r.person_index("p1").unwrap();
        assert_eq!(r.country_of(p1), Some("RU"));
        assert_eq!(r.events_of(p1).len(), 1);
        assert_eq!(r.person_index("p2"), None);
    }

    #[test]
    fn a_dangling_reference_names_its_entry() {
        let log = vec![entry(
            7,
            RecordType::Event,
            "e1",
            Some(r#"{"type":"event","id":"e1","person":"p9","kind":"detained","date":"2021"}"#),
        )];
        let e = Builder::from_log(log).unwrap_err();
        assert_eq!(
            e.to_string(),
            "as of entry 7: event 'e1' refers to unknown person 'p9'"
        );
    }
}
