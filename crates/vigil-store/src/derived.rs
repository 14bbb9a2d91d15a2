//! Checking the derived tables against the log: the log is replayed in memory, the rows
//! every backend would derive from it are computed with the same functions the writers
//! use ([`crate::rows`]), and they are compared with what the tables hold. The first
//! record whose rows differ is named, with what differs.

use std::collections::{BTreeMap, HashMap};

use vigil_core::chain::{Hash, Op};
use vigil_core::record::{parse_record, Record, RecordType};

use crate::rows::{references_of, EventCols, PersonCols};
use crate::{Store, StoreError};

/// One `record` row as read back: the record's state, and the id found in the typed row
/// its key leads to (a person's or event's own id when all is well).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordState {
    pub rtype: RecordType,
    pub rid: String,
    pub seq: u64,
    pub digest: Hash,
    pub retracted: bool,
    pub typed: Option<String>,
}

/// Every derived row, decoded by the backend.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub records: Vec<RecordState>,
    pub persons: Vec<PersonCols>,
    pub events: Vec<EventCols>,
    /// (from type, from id, to type, to id).
    pub references: Vec<(RecordType, String, RecordType, String)>,
}

/// A derived row that does not match the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub rtype: RecordType,
    pub rid: String,
    /// What differs, in words.
    pub what: String,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} '{}': the derived tables disagree with the log: {}; repair with `vigil db rebuild`",
            self.rtype, self.rid, self.what
        )
    }
}

type Key = (RecordType, String);

/// Each record's last log position, the digest of its last body, and the record while it
/// is current.
type Replayed = BTreeMap<Key, (u64, Hash, Option<Record>)>;

/// What the log says each record is now: its last entry's position, digest, whether it
/// is retracted, and the record itself when it is not.
///
/// Beside it, each current event's `details` text (see [`crate::rows::details_text`]).
fn replay(store: &dyn Store) -> Result<(Replayed, HashMap<String, String>), StoreError> {
    let mut state: Replayed = BTreeMap::new();
    let mut details: HashMap<String, String> = HashMap::new();
    store.for_each_entry(None, &mut |e| {
        let key = (e.rtype, e.rid.clone());
        match (e.op, &e.body) {
            (Op::Put, Some(body)) => {
                let record = parse_record(body)
                    .map_err(|err| {
                        StoreError::Damaged(format!("log entry {} no longer parses: {err}", e.seq))
                    })?
                    .into_record();
                if let Record::Event(ev) = &record {
                    match crate::rows::details_text(ev.kind, body) {
                        Some(d) => details.insert(e.rid.clone(), d),
                        None => details.remove(&e.rid),
                    };
                }
                state.insert(key, (e.seq, Hash::of_body(body), Some(record)));
            }
            (Op::Retract, _) => {
                let digest = state.get(&key).map_or(Hash::GENESIS, |s| s.1);
                state.insert(key, (e.seq, digest, None));
            }
            (Op::Put, None) => {
                return Err(StoreError::Damaged(format!(
                    "log entry {} puts no record",
                    e.seq
                )))
            }
        }
        Ok(())
    })?;
    Ok((state, details))
}

fn show(v: Option<&String>) -> String {
    v.map_or_else(|| "nothing".into(), |s| format!("'{s}'"))
}

/// Compares the derived tables with a replay of the log; `None` when they agree.
pub fn check(store: &dyn Store) -> Result<Option<Mismatch>, StoreError> {
    let (state, details) = replay(store)?;
    let rows = store.derived_rows()?;
    let mut found: Vec<(u64, Mismatch)> = Vec::new();
    let seq_of = |key: &Key| state.get(key).map_or(u64::MAX, |s| s.0);
    let mut differ = |key: &Key, what: String| {
        found.push((
            seq_of(key),
            Mismatch {
                rtype: key.0,
                rid: key.1.clone(),
                what,
            },
        ));
    };

    // The `record` table.
    let mut records: HashMap<Key, &RecordState> = HashMap::new();
    for r in &rows.records {
        records.insert((r.rtype, r.rid.clone()), r);
    }
    for (key, (seq, digest, record)) in &state {
        let typed = match (key.0, record) {
            (RecordType::Person | RecordType::Event, Some(_)) => Some(key.1.clone()),
            _ => None,
        };
        match records.get(key) {
            None => differ(key, "it has no `record` row".into()),
            Some(r) if r.seq != *seq => differ(
                key,
                format!(
                    "its `record` row names log entry {} instead of {seq}",
                    r.seq
                ),
            ),
            Some(r) if r.retracted != record.is_none() => differ(
                key,
                if r.retracted {
                    "it is marked retracted, the log says it is current".into()
                } else {
                    "it is marked current, the log says it is retracted".into()
                },
            ),
            Some(r) if r.digest != *digest => {
                differ(key, "its `record` row has another digest".into());
            }
            Some(r) if r.typed != typed => differ(
                key,
                format!(
                    "its `record` row leads to the typed row of {} instead of {}",
                    show(r.typed.as_ref()),
                    show(typed.as_ref())
                ),
            ),
            Some(_) => {}
        }
    }
    for r in &rows.records {
        let key = (r.rtype, r.rid.clone());
        if !state.contains_key(&key) {
            differ(&key, "it has a `record` row but no log entry".into());
        }
    }

    // Typed rows: persons and events, by id.
    compare_typed(
        RecordType::Person,
        &state,
        &rows.persons,
        |p| &p.id,
        |r| match r {
            Record::Person(p) => Some(PersonCols::of(p)),
            _ => None,
        },
        PersonCols::fields,
        &mut differ,
    );
    compare_typed(
        RecordType::Event,
        &state,
        &rows.events,
        |e| &e.id,
        |r| match r {
            Record::Event(e) => Some(EventCols::with_details(e, details.get(&e.id).cloned())),
            _ => None,
        },
        EventCols::fields,
        &mut differ,
    );

    // References, grouped by the record that points.
    let mut stored: BTreeMap<Key, Vec<(RecordType, String)>> = BTreeMap::new();
    for (ft, fid, tt, tid) in &rows.references {
        stored
            .entry((*ft, fid.clone()))
            .or_default()
            .push((*tt, tid.clone()));
    }
    for v in stored.values_mut() {
        v.sort_unstable_by(|a, b| (a.0.as_str(), &a.1).cmp(&(b.0.as_str(), &b.1)));
    }
    for (key, (_, _, record)) in &state {
        let expected = record.as_ref().map(references_of).unwrap_or_default();
        let actual = stored.remove(key).unwrap_or_default();
        if expected != actual {
            differ(
                key,
                format!(
                    "its references are [{}] where the log says [{}]",
                    refs_text(&actual),
                    refs_text(&expected)
                ),
            );
        }
    }
    for key in stored.keys() {
        differ(key, "it has references but no log entry".into());
    }

    found.sort_by_key(|(seq, _)| *seq);
    Ok(found.into_iter().next().map(|(_, m)| m))
}

fn refs_text(refs: &[(RecordType, String)]) -> String {
    refs.iter()
        .map(|(t, id)| format!("{t} '{id}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Compares one typed table with what the log's current records of `rtype` give.
fn compare_typed<C: PartialEq>(
    rtype: RecordType,
    state: &Replayed,
    actual: &[C],
    id: impl Fn(&C) -> &String,
    of: impl Fn(&Record) -> Option<C>,
    fields: impl Fn(&C) -> Vec<(&'static str, String)>,
    differ: &mut impl FnMut(&Key, String),
) {
    let mut by_id: HashMap<&str, &C> = HashMap::new();
    for row in actual {
        if by_id.insert(id(row).as_str(), row).is_some() {
            differ(
                &(rtype, id(row).clone()),
                format!("it has more than one `{rtype}` row"),
            );
        }
    }
    for (key, (_, _, record)) in state.range((rtype, String::new())..) {
        if key.0 != rtype {
            break;
        }
        let expected = record.as_ref().and_then(&of);
        match (expected, by_id.remove(key.1.as_str())) {
            (Some(_), None) => differ(key, format!("its `{rtype}` row is missing")),
            (None, Some(_)) => differ(
                key,
                format!("it has a `{rtype}` row but the log says it is retracted"),
            ),
            (Some(want), Some(have)) if want != *have => {
                let (w, h) = (fields(&want), fields(have));
                let what = w
                    .iter()
                    .zip(&h)
                    .filter(|(a, b)| a != b)
                    .map(|((name, want), (_, have))| {
                        format!("{name} is {have} where the log says {want}")
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                differ(key, format!("its `{rtype}` row differs: {what}"));
            }
            (None, None) | (Some(_), Some(_)) => {}
        }
    }
    for (rid, _) in by_id {
        differ(
            &(rtype, rid.to_string()),
            format!("it has a `{rtype}` row but no current record"),
        );
    }
}
