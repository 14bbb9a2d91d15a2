//! Following the log: a registry loaded at one log position brought up to the store's
//! head from the entries written since (by this process or another), without loading it
//! whole. The records those entries touched are read back as they now are and handed to
//! `Registry::patched` (persons with their consent and envelope name, events with their
//! case details); what it cannot patch (a merge, a retracted person or announcement, a
//! place put or retracted, a record type it does not know) is answered `Reload`.

use std::collections::BTreeSet;

use vigil_core::record::{parse_record, Event, Person, Record, RecordType};
use vigil_core::registry::{Changes, Registry};

use crate::{Head, Store, StoreError};

/// What following the log came to.
#[derive(Debug)]
pub enum Followed {
    /// Nothing was written since.
    Current,
    /// The registry as of `head`, and the persons put since (as they now are).
    Patched {
        registry: Box<Registry>,
        head: Head,
        persons: Vec<Person>,
    },
    /// The changes need a full load.
    Reload,
}

/// Brings `registry`, loaded at log position `seen`, up to the store's head.
pub fn follow(store: &dyn Store, registry: &Registry, seen: u64) -> Result<Followed, StoreError> {
    // A write landing while the touched records are read is caught by the head moving;
    // then the read is made again from `seen`.
    for _ in 0..3 {
        let head = store.head()?;
        if head.entries == seen {
            return Ok(Followed::Current);
        }
        let Some((changes, persons, last)) = gather(store, registry, seen)? else {
            return Ok(Followed::Reload);
        };
        let after = store.head()?;
        if after.entries != last {
            continue;
        }
        return Ok(match registry.patched(&changes) {
            Some(registry) => Followed::Patched {
                registry: Box::new(registry),
                head: after,
                persons,
            },
            None => Followed::Reload,
        });
    }
    Ok(Followed::Reload)
}

type Gathered = (Changes, Vec<Person>, u64);

/// The changes since `seen`, the persons put, and the last entry read; `None` when they
/// need a full load.
fn gather(
    store: &dyn Store,
    registry: &Registry,
    seen: u64,
) -> Result<Option<Gathered>, StoreError> {
    let entries = store.entries_after(seen)?;
    let Some(last) = entries.last().map(|e| e.seq) else {
        return Ok(None);
    };
    let (mut persons, mut events, mut announcements, mut figures) = (
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
    );
    for e in &entries {
        let put = e.body.is_some();
        match e.rtype {
            RecordType::Source => {}
            RecordType::Person if put => {
                persons.insert(e.rid.clone());
            }
            RecordType::Event => {
                events.insert(e.rid.clone());
            }
            RecordType::Announcement if put => {
                announcements.insert(e.rid.clone());
            }
            RecordType::Figure => {
                figures.insert(e.rid.clone());
            }
            _ => return Ok(None),
        }
    }
    let mut changes = Changes::default();
    let mut put_persons = Vec::new();
    for id in &persons {
        let Some(Record::Person(p)) = current(store, RecordType::Person, id)? else {
            return Ok(None);
        };
        changes.persons.push(p.clone());
        put_persons.push(p);
    }
    // Every person an event was ever about: its old person loses it.
    let mut touched: BTreeSet<String> = persons.clone();
    for id in &events {
        for entry in store.history(RecordType::Event, id)? {
            if let Some(Record::Event(e)) = entry.body.as_deref().and_then(reparse) {
                touched.insert(e.person);
            }
        }
    }
    let mut class: BTreeSet<String> = BTreeSet::new();
    for id in &touched {
        class.extend(registry.merge_class(id));
    }
    for id in class {
        let mut list: Vec<Event> = Vec::new();
        for body in store.events_of(&id)? {
            match reparse(&body) {
                Some(Record::Event(e)) => list.push(e),
                _ => return Ok(None),
            }
        }
        changes.events.push((id, list));
    }
    for id in &announcements {
        let Some(Record::Announcement(a)) = current(store, RecordType::Announcement, id)? else {
            return Ok(None);
        };
        changes.announcements.push(a);
    }
    for id in &figures {
        match current(store, RecordType::Figure, id)? {
            Some(Record::Figure(f)) => changes.figures.push(f),
            Some(_) => return Ok(None),
            None => changes.figures_retracted.push(id.clone()),
        }
    }
    Ok(Some((changes, put_persons, last)))
}

fn current(store: &dyn Store, rtype: RecordType, id: &str) -> Result<Option<Record>, StoreError> {
    Ok(store.record_body(rtype, id)?.as_deref().and_then(reparse))
}

fn reparse(body: &str) -> Option<Record> {
    parse_record(body)
        .ok()
        .map(vigil_core::record::Parsed::into_record)
}
