//! Loading a SQLite registry: persons with their letters, events with the case details
//! of those that carry them (all from the typed rows' columns, no log body), read into a
//! `Builder` (what `SqliteStore::load` calls).

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;
use vigil_core::custody::EventFact;
use vigil_core::date::PartialDate;
use vigil_core::record::{
    person_letters_of, EventDetails, EventKind, Health, ReleaseReason, Sex, Visibility,
};
use vigil_core::registry::{Builder, PersonParts};

use super::{log_position, max_pk, unlock};
use crate::StoreError;

/// An event as read, before its person row is mapped to the builder's index.
pub(super) struct RawEvent {
    pub(super) person_pk: i64,
    pub(super) fact: EventFact,
    pub(super) visibility: Visibility,
    pub(super) reason: Option<ReleaseReason>,
    pub(super) announcement: Option<Box<str>>,
    pub(super) details: Option<EventDetails>,
}

/// Reads every person into the builder; returns person row → builder index.
pub(super) fn read_persons(conn: &Connection, b: &mut Builder) -> Result<Vec<u32>, StoreError> {
    // Few distinct role and health lists exist: parse each stored text once.
    let mut roles_cache: HashMap<String, Vec<String>> = HashMap::new();
    let mut health_cache: HashMap<String, Vec<Health>> = HashMap::new();
    let mut index_of_pk: Vec<u32> = Vec::with_capacity(max_pk(conn, "person")? + 1);
    let mut st = conn.prepare("SELECT pk, id, sex, birth, country, region, roles, health, prominent, visibility, letters FROM person")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let pk: i64 = r.get(0)?;
        let id = r
            .get_ref(1)?
            .as_str()
            .map_err(|_| StoreError::Damaged(format!("person row {pk}: id is not text")))?;
        let bad = |field: &str| {
            StoreError::Damaged(format!("person '{id}': stored {field} is unreadable"))
        };
        let text = |i: usize, field: &str| {
            r.get_ref(i)
                .map_err(StoreError::from)?
                .as_str_or_null()
                .map_err(|_| bad(field))
        };
        let sex = text(2, "sex")?
            .map(|s| Sex::parse(s).ok_or_else(|| bad("sex")))
            .transpose()?;
        let birth = text(3, "birth date")?
            .map(|s| s.parse::<PartialDate>().map_err(|_| bad("birth date")))
            .transpose()?;
        if let Some(j) = text(6, "roles")? {
            if !roles_cache.contains_key(j) {
                roles_cache.insert(
                    j.to_string(),
                    serde_json::from_str(j).map_err(|_| bad("roles"))?,
                );
            }
        }
        if let Some(j) = text(7, "health")? {
            if !health_cache.contains_key(j) {
                let names: Vec<String> = serde_json::from_str(j).map_err(|_| bad("health"))?;
                let health = names
                    .iter()
                    .map(|h| Health::parse(h).ok_or_else(|| bad("health")))
                    .collect::<Result<_, _>>()?;
                health_cache.insert(j.to_string(), health);
            }
        }
        let parts = PersonParts {
            id,
            sex,
            birth,
            country: text(4, "country")?,
            region: text(5, "region")?,
            roles: text(6, "roles")?.map(|j| roles_cache[j].as_slice()),
            health: text(7, "health")?.map(|j| health_cache[j].as_slice()),
            prominent: r.get(8)?,
            visibility: Visibility::parse(text(9, "visibility")?.unwrap_or_default())
                .ok_or_else(|| bad("visibility"))?,
        };
        let ix = b.add_person_parts(&parts);
        // The consents and envelope name (`rows::letters_text`), for the few who have them.
        if let Some(l) = text(10, "letters")? {
            if let Some((consent, envelope)) = person_letters_of(l).map_err(|_| bad("letters"))? {
                b.set_letters(ix, &consent, envelope.as_deref());
            }
        }
        let pk = pk as usize;
        if index_of_pk.len() <= pk {
            index_of_pk.resize(pk + 1, u32::MAX);
        }
        index_of_pk[pk] = ix;
    }
    Ok(index_of_pk)
}

/// Events read per message from the event reader to the builder.
pub(super) const EVENT_CHUNK: usize = 4096;

/// Messages the event reader may be ahead of the builder by: what bounds the memory of
/// events read but not yet added (a few MB), where a vector of every event was hundreds.
pub(super) const CHUNKS_AHEAD: usize = 8;

/// Reads every event on a connection of its own and sends them in chunks of
/// [`EVENT_CHUNK`], in row order; returns the log position it saw. Stops early, without
/// an error, when the receiver has gone (the builder failed).
pub(super) fn read_events(
    path: &Path,
    key: Option<&str>,
    to: &std::sync::mpsc::SyncSender<Vec<RawEvent>>,
) -> Result<i64, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    unlock(&conn, path, key)?;
    let tx = conn.unchecked_transaction()?;
    let seq = log_position(&tx)?;
    let mut out = Vec::with_capacity(EVENT_CHUNK);
    let mut st = tx.prepare(
        "SELECT pk, person_pk, kind, date, reason, announcement, visibility, details FROM event ORDER BY pk",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let bad = |field: &str| {
            StoreError::Damaged(format!(
                "event row {}: stored {field} is unreadable",
                r.get::<_, i64>(0).unwrap_or_default()
            ))
        };
        let kind = EventKind::parse(r.get_ref(2)?.as_str().map_err(|_| bad("kind"))?)
            .ok_or_else(|| bad("kind"))?;
        let date: PartialDate = r
            .get_ref(3)?
            .as_str()
            .map_err(|_| bad("date"))?
            .parse()
            .map_err(|_| bad("date"))?;
        let reason = r
            .get_ref(4)?
            .as_str_or_null()
            .map_err(|_| bad("reason"))?
            .map(|s| ReleaseReason::parse(s).ok_or_else(|| bad("reason")))
            .transpose()?;
        // The details object of the stored body (see `rows::details_text`).
        let detail = r
            .get_ref(7)?
            .as_str_or_null()
            .map_err(|_| bad("details"))?
            .map(|d| serde_json::from_str::<EventDetails>(d).map_err(|_| bad("details")))
            .transpose()?;
        out.push(RawEvent {
            details: detail,
            person_pk: r.get(1)?,
            fact: EventFact {
                kind,
                when: date.range(),
            },
            reason,
            visibility: Visibility::parse(r.get_ref(6)?.as_str().map_err(|_| bad("visibility"))?)
                .ok_or_else(|| bad("visibility"))?,
            announcement: r
                .get_ref(5)?
                .as_str_or_null()
                .map_err(|_| bad("announcement"))?
                .map(Box::from),
        });
        if out.len() == EVENT_CHUNK {
            let full = std::mem::replace(&mut out, Vec::with_capacity(EVENT_CHUNK));
            if to.send(full).is_err() {
                return Ok(seq);
            }
        }
    }
    if !out.is_empty() {
        let _ = to.send(out);
    }
    Ok(seq)
}
