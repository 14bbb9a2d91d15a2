//! The SQLite write transaction: one log entry and its derived rows per append; reading
//! the derived rows back for `verify`, and rebuilding them from the log.

use super::bulk::{self, Bulk};
use super::{current_of, entry_from_row, head_of, SqliteStore};
use crate::rows::{references_of, EventCols, PersonCols};
use crate::{derived, Change, Current, Head, Meta, StoreError, Writer};
use foldhash::HashMap;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use vigil_core::chain::{Entry, Hash};
use vigil_core::record::{Record, RecordType};

pub(super) struct SqliteWriter<'c> {
    pub(super) tx: Transaction<'c>,
    pub(super) head: Head,
    /// Person id → row, for events written in this transaction.
    pub(super) person_pk: HashMap<String, i64>,
    /// The last record looked up: an import asks about a record just before appending it.
    pub(super) memo: Option<Lookup>,
    /// Rebuilding: the log is there already, only the derived rows are written.
    pub(super) derived_only: bool,
    /// An import into an empty registry (see [`super::bulk`]).
    pub(super) bulk: Option<Bulk>,
    /// The journal mode of the transaction; after `tx`, so it is dropped after it.
    pub(super) journal: bulk::Journal<'c>,
}

pub(super) type Lookup = (RecordType, String, Option<(Current, Option<i64>)>);

impl SqliteWriter<'_> {
    pub(super) fn lookup(
        &mut self,
        rtype: RecordType,
        rid: &str,
    ) -> Result<Option<(Current, Option<i64>)>, StoreError> {
        if let Some((t, id, found)) = &self.memo {
            if *t == rtype && id == rid {
                return Ok(found.clone());
            }
        }
        let found = self.find(rtype, rid)?;
        self.memo = Some((rtype, rid.to_string(), found.clone()));
        Ok(found)
    }

    /// A record's state: from the bulk rows while importing into an empty registry,
    /// from the `record` table otherwise.
    fn find(
        &self,
        rtype: RecordType,
        rid: &str,
    ) -> Result<Option<(Current, Option<i64>)>, StoreError> {
        match &self.bulk {
            Some(b) => Ok(b.get(rtype, rid)),
            None => current_of(&self.tx, rtype, rid),
        }
    }

    /// Leaves bulk mode: the `record` rows and the indexes are written.
    pub(super) fn end_bulk(&mut self) -> Result<(), StoreError> {
        if let Some(b) = self.bulk.take() {
            b.finish(&self.tx)?;
        }
        Ok(())
    }

    pub(super) fn person_pk(&mut self, id: &str) -> Result<i64, StoreError> {
        if let Some(&pk) = self.person_pk.get(id) {
            return Ok(pk);
        }
        let pk = self
            .find(RecordType::Person, id)?
            .and_then(|(c, pk)| (!c.retracted).then_some(pk).flatten())
            .ok_or_else(|| StoreError::NotFound {
                rtype: RecordType::Person,
                rid: id.to_string(),
            })?;
        self.person_pk.insert(id.to_string(), pk);
        Ok(pk)
    }

    /// Removes the typed row a record had, if any.
    pub(super) fn drop_typed(
        &mut self,
        rtype: RecordType,
        pk: Option<i64>,
    ) -> Result<(), StoreError> {
        let Some(pk) = pk else { return Ok(()) };
        match rtype {
            RecordType::Person => self
                .tx
                .prepare_cached("DELETE FROM person WHERE pk = ?1")?
                .execute([pk])?,
            RecordType::Event => self
                .tx
                .prepare_cached("DELETE FROM event WHERE pk = ?1")?
                .execute([pk])?,
            _ => 0,
        };
        Ok(())
    }

    /// Writes a record's typed row under `keep` (its row key before a correction, so
    /// events keep pointing at their person) or a new key.
    pub(super) fn put_typed(
        &mut self,
        record: &Record,
        body: &str,
        keep: Option<i64>,
    ) -> Result<Option<i64>, StoreError> {
        if let Some(b) = &mut self.bulk {
            // A new record of an import into an empty registry (bulk mode ends before
            // anything else): the row waits for a statement's worth.
            debug_assert!(keep.is_none());
            return Ok(match record {
                Record::Person(p) => {
                    let pk = b.person(&self.tx, PersonCols::of(p))?;
                    self.person_pk.insert(p.id.clone(), pk);
                    Some(pk)
                }
                Record::Event(e) => {
                    let person_pk = match self.person_pk.get(&e.person) {
                        Some(&pk) => pk,
                        None => self.person_pk(&e.person)?,
                    };
                    let b = self.bulk.as_mut().expect("bulk mode, above");
                    Some(b.event(&self.tx, person_pk, EventCols::of(e, body))?)
                }
                _ => None,
            });
        }
        Ok(match record {
            Record::Person(p) => {
                let c = PersonCols::of(p);
                self.tx
                    .prepare_cached(
                        "INSERT OR REPLACE INTO person (pk, id, sex, birth, country, region, roles, health, prominent, visibility, letters)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    )?
                    .execute(params![
                        keep, c.id, c.sex, c.birth, c.country, c.region, c.roles, c.health,
                        c.prominent, c.visibility, c.letters,
                    ])?;
                let pk = keep.unwrap_or_else(|| self.tx.last_insert_rowid());
                self.person_pk.insert(p.id.clone(), pk);
                Some(pk)
            }
            Record::Event(e) => {
                let person_pk = self.person_pk(&e.person)?;
                let c = EventCols::of(e, body);
                self.tx
                    .prepare_cached(
                        "INSERT OR REPLACE INTO event (pk, id, person_pk, kind, date, reason, announcement, visibility, details) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    )?
                    .execute(params![keep, c.id, person_pk, c.kind, c.date, c.reason, c.announcement, c.visibility, c.details])?;
                Some(keep.unwrap_or_else(|| self.tx.last_insert_rowid()))
            }
            Record::Source(_)
            | Record::Place(_)
            | Record::Announcement(_)
            | Record::Figure(_)
            | Record::Merge(_) => None,
        })
    }

    /// Replaces what a record points at.
    pub(super) fn put_references(
        &mut self,
        rtype: RecordType,
        rid: &str,
        record: Option<&Record>,
        existed: bool,
    ) -> Result<(), StoreError> {
        // A record new to the store has no references yet: nothing to delete (most of an
        // import).
        if existed {
            self.tx
                .prepare_cached("DELETE FROM reference WHERE from_type = ?1 AND from_id = ?2")?
                .execute(params![rtype.as_str(), rid])?;
        }
        for (t, id) in record.map(references_of).unwrap_or_default() {
            if let Some(b) = &mut self.bulk {
                b.reference(&self.tx, (rtype, rid), (t, id))?;
                continue;
            }
            self.tx
                .prepare_cached(
                    "INSERT INTO reference (from_type, from_id, to_type, to_id) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![rtype.as_str(), rid, t.as_str(), id])?;
        }
        Ok(())
    }
}

impl Writer for SqliteWriter<'_> {
    fn current(&mut self, rtype: RecordType, rid: &str) -> Result<Option<Current>, StoreError> {
        Ok(self.lookup(rtype, rid)?.map(|(c, _)| c))
    }

    fn next_seq(&self) -> u64 {
        self.head.entries + 1
    }

    fn record_body(&mut self, rtype: RecordType, rid: &str) -> Result<Option<String>, StoreError> {
        self.end_bulk()?;
        record_body_in(&self.tx, rtype, rid)
    }

    fn referrers(
        &mut self,
        rtype: RecordType,
        rid: &str,
    ) -> Result<(u64, Vec<(RecordType, String)>), StoreError> {
        self.end_bulk()?;
        // What points at it: the `reference` rows, and a person's events (their own rows).
        let n: i64 = self
            .tx
            .prepare_cached(
                "SELECT (SELECT count(*) FROM reference WHERE to_type = ?1 AND to_id = ?2)
                      + (SELECT count(*) FROM record p JOIN event e ON e.person_pk = p.pk
                         WHERE ?1 = 'person' AND p.rtype = 'person' AND p.rid = ?2 AND p.retracted = 0)",
            )?
            .query_row(params![rtype.as_str(), rid], |r| r.get(0))?;
        let mut st = self.tx.prepare_cached(
            "SELECT from_type, from_id FROM (
                 SELECT from_type, from_id FROM reference WHERE to_type = ?1 AND to_id = ?2
                 UNION ALL
                 SELECT 'event', e.id FROM record p JOIN event e ON e.person_pk = p.pk
                 WHERE ?1 = 'person' AND p.rtype = 'person' AND p.rid = ?2 AND p.retracted = 0)
             ORDER BY from_type, from_id LIMIT 5",
        )?;
        let first = st
            .query_map(params![rtype.as_str(), rid], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .map(|r| {
                let (t, id) = r?;
                Ok((
                    RecordType::parse(&t).ok_or_else(|| {
                        StoreError::Damaged(format!("a reference from an unknown type '{t}'"))
                    })?,
                    id,
                ))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok((n as u64, first))
    }

    fn append(&mut self, meta: &Meta, change: Change<'_>) -> Result<Entry, StoreError> {
        let entry = change.seal(meta, self.next_seq(), self.head.hash);
        // Refuse before writing anything, so a refused entry leaves the writer usable.
        let previous = self.lookup(entry.rtype, &entry.rid)?;
        self.memo = None;
        if self.bulk.is_some() && (previous.is_some() || matches!(change, Change::Retract { .. })) {
            // Not a new record: the usual path, with every table and index in place.
            self.end_bulk()?;
        }
        let record = match change {
            Change::Put { record, .. } => Some(record.record()),
            Change::Retract { .. } => {
                if previous.as_ref().is_none_or(|(c, _)| c.retracted) {
                    return Err(StoreError::NotFound {
                        rtype: entry.rtype,
                        rid: entry.rid,
                    });
                }
                None
            }
        };
        if let Some(Record::Event(e)) = record {
            self.person_pk(&e.person)?;
        }
        if let (false, Some(b)) = (self.derived_only, &mut self.bulk) {
            b.log(&self.tx, &entry)?;
        } else if !self.derived_only {
            self.tx
                .prepare_cached(
                    "INSERT INTO log (seq, at, actor, reason, op, rtype, rid, refers_to, body, prev, hash)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                )?
                .execute(params![
                    entry.seq as i64,
                    entry.at,
                    entry.actor,
                    entry.reason,
                    entry.op.as_str(),
                    entry.rtype.as_str(),
                    entry.rid,
                    entry.refers_to.map(|s| s as i64),
                    entry.body,
                    entry.prev.0.as_slice(),
                    entry.hash.0.as_slice(),
                ])?;
        }
        let previous_pk = previous.as_ref().and_then(|(_, pk)| *pk);
        self.put_references(entry.rtype, &entry.rid, record, previous.is_some())?;
        if let Some(record) = record {
            let body = entry.body.as_deref().unwrap_or_default();
            let pk = self.put_typed(record, body, previous_pk)?;
            let digest = match change {
                Change::Put { digest, .. } => digest,
                Change::Retract { .. } => unreachable!("a put: it has a record"),
            };
            debug_assert_eq!(
                digest,
                Hash::of_body(entry.body.as_deref().unwrap_or_default())
            );
            if let Some(b) = &mut self.bulk {
                let row = bulk::Row {
                    seq: entry.seq,
                    digest,
                    pk,
                };
                b.put(entry.rtype, &entry.rid, row);
            } else {
                self.tx
                .prepare_cached(
                    "INSERT INTO record (rtype, rid, seq, digest, retracted, pk) VALUES (?1, ?2, ?3, ?4, 0, ?5)
                     ON CONFLICT (rtype, rid) DO UPDATE SET seq = excluded.seq, digest = excluded.digest, retracted = 0, pk = excluded.pk",
                )?
                .execute(params![entry.rtype.as_str(), entry.rid, entry.seq as i64, digest.0.as_slice(), pk])?;
            }
        } else {
            self.drop_typed(entry.rtype, previous_pk)?;
            if entry.rtype == RecordType::Person {
                self.person_pk.remove(&entry.rid);
            }
            self.tx
                .prepare_cached(
                    "UPDATE record SET retracted = 1, seq = ?3, pk = NULL WHERE rtype = ?1 AND rid = ?2",
                )?
                .execute(params![entry.rtype.as_str(), entry.rid, entry.seq as i64])?;
        }
        self.head = Head {
            entries: entry.seq,
            hash: entry.hash,
        };
        Ok(entry)
    }

    fn commit(mut self: Box<Self>) -> Result<Head, StoreError> {
        self.end_bulk()?;
        let head = self.head;
        self.tx.commit()?;
        self.journal.end();
        Ok(head)
    }
}

pub(super) fn record_body_in(
    conn: &Connection,
    rtype: RecordType,
    rid: &str,
) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT l.body FROM record r JOIN log l ON l.seq = r.seq WHERE r.rtype = ?1 AND r.rid = ?2 AND r.retracted = 0",
        )?
        .query_row(params![rtype.as_str(), rid], |r| r.get(0))
        .optional()?)
}

impl SqliteStore {
    /// Every derived row, decoded (see [`crate::derived`]).
    pub(super) fn read_derived(&self) -> Result<derived::Rows, StoreError> {
        let conn = &self.conn;
        let tx = conn.unchecked_transaction()?;
        let mut rows = derived::Rows::default();
        let rtype = |t: String| {
            RecordType::parse(&t)
                .ok_or_else(|| StoreError::Damaged(format!("a derived row of unknown type '{t}'")))
        };
        {
            let mut st = tx.prepare(
                "SELECT r.rtype, r.rid, r.seq, r.digest, r.retracted,
                        CASE r.rtype WHEN 'person' THEN (SELECT id FROM person WHERE pk = r.pk)
                                     WHEN 'event' THEN (SELECT id FROM event WHERE pk = r.pk) END
                 FROM record r",
            )?;
            let mut q = st.query([])?;
            while let Some(r) = q.next()? {
                let t = rtype(r.get(0)?)?;
                let rid: String = r.get(1)?;
                let (current, _) =
                    crate::current_from(t, &rid, (r.get(2)?, r.get(3)?, r.get(4)?, None))?;
                rows.records.push(derived::RecordState {
                    rtype: t,
                    rid,
                    seq: current.seq,
                    digest: current.digest,
                    retracted: current.retracted,
                    typed: r.get(5)?,
                });
            }
        }
        {
            let mut st = tx.prepare(
                "SELECT id, sex, birth, country, region, roles, health, prominent, visibility, letters FROM person",
            )?;
            let mut q = st.query([])?;
            while let Some(r) = q.next()? {
                rows.persons.push(PersonCols {
                    id: r.get(0)?,
                    sex: r.get(1)?,
                    birth: r.get(2)?,
                    country: r.get(3)?,
                    region: r.get(4)?,
                    roles: r.get(5)?,
                    health: r.get(6)?,
                    prominent: r.get(7)?,
                    visibility: r.get(8)?,
                    letters: r.get(9)?,
                });
            }
        }
        {
            let mut st = tx.prepare(
                "SELECT e.id, p.id, e.kind, e.date, e.reason, e.announcement, e.visibility, e.details FROM event e LEFT JOIN person p ON p.pk = e.person_pk",
            )?;
            let mut q = st.query([])?;
            while let Some(r) = q.next()? {
                rows.events.push(EventCols {
                    id: r.get(0)?,
                    person: r.get(1)?,
                    kind: r.get(2)?,
                    date: r.get(3)?,
                    reason: r.get(4)?,
                    announcement: r.get(5)?,
                    visibility: r.get(6)?,
                    details: r.get(7)?,
                });
            }
        }
        {
            let mut st = tx.prepare("SELECT from_type, from_id, to_type, to_id FROM reference")?;
            let mut q = st.query([])?;
            while let Some(r) = q.next()? {
                rows.references
                    .push((rtype(r.get(0)?)?, r.get(1)?, rtype(r.get(2)?)?, r.get(3)?));
            }
        }
        tx.commit()?;
        Ok(rows)
    }

    /// Recreates the derived tables from the log in one transaction.
    pub(super) fn rebuild_derived(&mut self) -> Result<Head, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "DELETE FROM record; DELETE FROM person; DELETE FROM event; DELETE FROM reference; DELETE FROM counts;",
        )?;
        let stored = head_of(&tx)?;
        let mut w = SqliteWriter {
            tx,
            head: Head {
                entries: 0,
                hash: Hash::GENESIS,
            },
            person_pk: HashMap::default(),
            memo: None,
            derived_only: true,
            bulk: None,
            journal: bulk::Journal::wal(),
        };
        let mut after = 0i64;
        loop {
            let chunk: Vec<Entry> = {
                let mut st = w.tx.prepare_cached(
                    "SELECT seq, at, actor, reason, op, rtype, rid, refers_to, body, prev, hash FROM log WHERE seq > ?1 ORDER BY seq LIMIT 10000",
                )?;
                let mut q = st.query([after])?;
                let mut out = Vec::new();
                while let Some(row) = q.next()? {
                    out.push(entry_from_row(row)?.map_err(StoreError::Damaged)?);
                }
                out
            };
            let Some(last) = chunk.last() else { break };
            after = last.seq as i64;
            for e in chunk {
                crate::copy::replay(&mut w, e)?;
            }
        }
        if w.head != stored {
            return Err(StoreError::Damaged(
                "the log's end does not match what was replayed".into(),
            ));
        }
        Box::new(w).commit()
    }
}
