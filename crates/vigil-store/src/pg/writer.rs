//! The PostgreSQL write transaction: entries and their derived rows gathered and written
//! in batches (`batch.rs`); reading the derived rows back for `verify`.

use super::batch::{Batch, CopyText};
use super::bulk::PgBulk;
use super::{current_of, pg};
use crate::rows::{references_of, EventCols, PersonCols};
use crate::{derived, Change, Current, Head, Meta, StoreError, Writer};
use foldhash::HashMap;
use sqlx::{PgPool, Postgres, Transaction};
use vigil_core::chain::{Entry, Hash};
use vigil_core::record::{Record, RecordType};

/// Rows are written in batches of this many entries.
pub(super) const BATCH: usize = 4096;
/// After this many lookups a writer reads the whole record table once instead: it is an
/// import, and one query beats a round trip per line.
pub(super) const LOOKUPS_BEFORE_PRELOAD: usize = 512;

/// A row of `record` as read: rtype, rid, seq, digest, retracted, pk.
pub(super) type RecordTableRow = (String, String, i64, Vec<u8>, bool, Option<i64>);

#[derive(Clone)]
pub(super) struct RecordRow {
    pub(super) seq: i64,
    pub(super) digest: Hash,
    pub(super) retracted: bool,
    pub(super) pk: Option<i64>,
}

#[derive(Default)]
pub(super) struct Pending {
    /// The new log entries, already in `COPY`'s text.
    pub(super) log: CopyText,
    /// Upserts of `record`, last write wins.
    pub(super) records: HashMap<(RecordType, String), RecordRow>,
    /// In bulk mode, the `record` rows of new records (each written once: anything else
    /// ends bulk mode), in `COPY`'s text.
    pub(super) new_records: CopyText,
    pub(super) persons: Vec<(i64, vigil_core::record::Person)>,
    pub(super) events: Vec<(i64, i64, EventCols)>,
    pub(super) delete_persons: Vec<i64>,
    pub(super) delete_events: Vec<i64>,
    /// Records whose stored references go (before `refs` are inserted).
    pub(super) delete_refs: Vec<(RecordType, String)>,
    /// (from type, from id, to type, to id).
    pub(super) refs: Vec<(RecordType, String, RecordType, String)>,
}

pub(super) struct PgWriter<'s> {
    pub(super) rt: &'s tokio::runtime::Runtime,
    /// For statistics after a bulk write.
    pub(super) pool: PgPool,
    /// The first entry this writer appends.
    pub(super) first_seq: u64,
    /// Idle or busy until committed.
    pub(super) tx: Slot,
    pub(super) head: Head,
    /// Records this transaction knows: written by it, or read (all of them once preloaded).
    pub(super) known: HashMap<(RecordType, String), Option<RecordRow>>,
    pub(super) preloaded: bool,
    pub(super) lookups: usize,
    pub(super) next_person_pk: i64,
    pub(super) next_event_pk: i64,
    pub(super) pending: Pending,
    /// Rebuilding: the log is there already, only the derived rows are written.
    pub(super) derived_only: bool,
    /// An import into an empty registry (see [`PgBulk`]): new `record` rows go with `COPY`.
    pub(super) bulk: Option<PgBulk>,
}

impl PgWriter<'_> {
    pub(super) fn new<'s>(
        rt: &'s tokio::runtime::Runtime,
        pool: PgPool,
        tx: Transaction<'static, Postgres>,
        head: Head,
        pks: (i64, i64),
    ) -> PgWriter<'s> {
        PgWriter {
            rt,
            pool,
            first_seq: head.entries + 1,
            tx: Slot::Idle(tx),
            head,
            known: HashMap::default(),
            preloaded: false,
            lookups: 0,
            next_person_pk: pks.0 + 1,
            next_event_pk: pks.1 + 1,
            pending: Pending::default(),
            derived_only: false,
            bulk: None,
        }
    }

    pub(super) fn tx(&mut self) -> Result<&mut Transaction<'static, Postgres>, StoreError> {
        let tx = self.take_tx()?;
        self.tx = Slot::Idle(tx);
        match &mut self.tx {
            Slot::Idle(tx) => Ok(tx),
            _ => unreachable!("just set"),
        }
    }

    pub(super) fn lookup(
        &mut self,
        rtype: RecordType,
        rid: &str,
    ) -> Result<Option<RecordRow>, StoreError> {
        if let Some(found) = self.known.get(&(rtype, rid.to_string())) {
            return Ok(found.clone());
        }
        if self.preloaded {
            return Ok(None);
        }
        self.lookups += 1;
        if self.lookups > LOOKUPS_BEFORE_PRELOAD {
            self.preload()?;
            return Ok(self.known.get(&(rtype, rid.to_string())).cloned().flatten());
        }
        let rt = self.rt;
        let found = rt
            .block_on(current_of(self.tx()?, rtype, rid))?
            .map(|(c, pk)| RecordRow {
                seq: c.seq as i64,
                digest: c.digest,
                retracted: c.retracted,
                pk,
            });
        self.known.insert((rtype, rid.to_string()), found.clone());
        Ok(found)
    }

    /// Reads every record's state once; what this transaction wrote stays as written.
    pub(super) fn preload(&mut self) -> Result<(), StoreError> {
        let rt = self.rt;
        let rows: Vec<RecordTableRow> = rt
            .block_on(
                sqlx::query_as("SELECT rtype, rid, seq, digest, retracted, pk FROM record")
                    .fetch_all(&mut **self.tx()?),
            )
            .map_err(pg)?;
        for (rtype, rid, seq, digest, retracted, pk) in rows {
            let rtype = RecordType::parse(&rtype)
                .ok_or_else(|| StoreError::Damaged(format!("record '{rid}' has type {rtype}")))?;
            let digest = Hash::from_slice(&digest).ok_or_else(|| {
                StoreError::Damaged(format!("{rtype} '{rid}' has a malformed digest"))
            })?;
            self.known.entry((rtype, rid)).or_insert(Some(RecordRow {
                seq,
                digest,
                retracted,
                pk,
            }));
        }
        self.preloaded = true;
        Ok(())
    }

    /// Writes what is pending (see [`Batch`]). The statements run on the client
    /// runtime while the writer goes on; whatever uses the transaction next waits for
    /// them and fails with their error.
    pub(super) fn flush(&mut self) -> Result<(), StoreError> {
        if Batch::is_empty(&self.pending) {
            return Ok(());
        }
        // The next batch's log text is about as long as this one's: room for it now.
        let room = self.pending.log.capacity();
        let batch = Batch::of(std::mem::take(&mut self.pending));
        self.pending.log = CopyText::with_capacity(room);
        let mut tx = self.take_tx()?;
        self.tx = Slot::Busy(self.rt.spawn(async move {
            match batch.write(&mut tx).await {
                Ok(()) => Ok(tx),
                // A failed statement has aborted the transaction: nothing more is written.
                Err(e) => {
                    let _ = tx.rollback().await;
                    Err(e)
                }
            }
        }));
        Ok(())
    }

    /// Leaves bulk mode: what is pending, the `record` rows and the indexes are written.
    pub(super) fn end_bulk(&mut self) -> Result<(), StoreError> {
        let Some(bulk) = self.bulk.take() else {
            return Ok(());
        };
        self.flush()?;
        let mut tx = self.take_tx()?;
        match self.rt.block_on(bulk.finish(&mut tx)) {
            Ok(()) => {
                self.tx = Slot::Idle(tx);
                Ok(())
            }
            // The transaction is aborted: it ends here, and nothing more can be written.
            Err(e) => {
                let _ = self.rt.block_on(tx.rollback());
                Err(e)
            }
        }
    }

    /// The transaction, once the batch being written (if any) is done.
    pub(super) fn take_tx(&mut self) -> Result<Transaction<'static, Postgres>, StoreError> {
        match std::mem::replace(&mut self.tx, Slot::Gone) {
            Slot::Idle(tx) => Ok(tx),
            Slot::Busy(handle) => self
                .rt
                .block_on(handle)
                .map_err(|e| StoreError::Postgres(format!("writing a batch of rows: {e}")))?,
            Slot::Gone => Err(StoreError::Postgres(
                "the transaction ended after a failed write".into(),
            )),
        }
    }
}

/// The writer's transaction: ready, busy writing a batch, or ended.
pub(super) enum Slot {
    Idle(Transaction<'static, Postgres>),
    Busy(tokio::task::JoinHandle<Result<Transaction<'static, Postgres>, StoreError>>),
    Gone,
}

impl Writer for PgWriter<'_> {
    fn current(&mut self, rtype: RecordType, rid: &str) -> Result<Option<Current>, StoreError> {
        Ok(self.lookup(rtype, rid)?.map(|r| Current {
            seq: r.seq as u64,
            digest: r.digest,
            retracted: r.retracted,
        }))
    }

    fn next_seq(&self) -> u64 {
        self.head.entries + 1
    }

    fn record_body(&mut self, rtype: RecordType, rid: &str) -> Result<Option<String>, StoreError> {
        self.end_bulk()?;
        self.flush()?;
        let rt = self.rt;
        rt.block_on(record_body_in(self.tx()?, rtype, rid))
    }

    fn referrers(
        &mut self,
        rtype: RecordType,
        rid: &str,
    ) -> Result<(u64, Vec<(RecordType, String)>), StoreError> {
        self.end_bulk()?;
        self.flush()?;
        let rt = self.rt;
        let tx = self.tx()?;
        // What points at it: the `reference` rows, and a person's events (their own rows).
        let n: i64 = rt
            .block_on(
                sqlx::query_scalar(
                    "SELECT (SELECT count(*) FROM reference WHERE to_type = $1 AND to_id = $2)
                          + (SELECT count(*) FROM record p JOIN event e ON e.person_pk = p.pk
                             WHERE $1 = 'person' AND p.rtype = 'person' AND p.rid = $2 AND NOT p.retracted)",
                )
                .bind(rtype.as_str())
                .bind(rid)
                .fetch_one(&mut **tx),
            )
            .map_err(pg)?;
        let first: Vec<(String, String)> = rt
            .block_on(
                sqlx::query_as(
                    "SELECT from_type, from_id FROM (
                         SELECT from_type, from_id FROM reference WHERE to_type = $1 AND to_id = $2
                         UNION ALL
                         SELECT 'event', e.id FROM record p JOIN event e ON e.person_pk = p.pk
                         WHERE $1 = 'person' AND p.rtype = 'person' AND p.rid = $2 AND NOT p.retracted) r
                     ORDER BY from_type COLLATE \"C\", from_id COLLATE \"C\" LIMIT 5",
                )
                .bind(rtype.as_str())
                .bind(rid)
                .fetch_all(&mut **tx),
            )
            .map_err(pg)?;
        let first = first
            .into_iter()
            .map(|(t, id)| {
                RecordType::parse(&t).map(|t| (t, id)).ok_or_else(|| {
                    StoreError::Damaged(format!("a reference from an unknown type '{t}'"))
                })
            })
            .collect::<Result<_, _>>()?;
        Ok((n as u64, first))
    }

    fn append(&mut self, meta: &Meta, change: Change<'_>) -> Result<Entry, StoreError> {
        let entry = change.seal(meta, self.next_seq(), self.head.hash);
        // Refuse before writing anything, so a refused entry leaves the writer usable.
        let previous = self.lookup(entry.rtype, &entry.rid)?;
        if self.bulk.is_some() && (previous.is_some() || matches!(change, Change::Retract { .. })) {
            // Not a new record: the usual path, with every table and index in place.
            self.end_bulk()?;
        }
        let put_digest = match change {
            Change::Put { digest, .. } => Some(digest),
            Change::Retract { .. } => None,
        };
        debug_assert!(
            put_digest.is_none_or(|d| entry.body.as_deref().is_some_and(|b| d == Hash::of_body(b)))
        );
        let record = match change {
            Change::Put { record, .. } => Some(record.record()),
            Change::Retract { .. } => {
                if previous.as_ref().is_none_or(|r| r.retracted) {
                    return Err(StoreError::NotFound {
                        rtype: entry.rtype,
                        rid: entry.rid,
                    });
                }
                None
            }
        };
        let event_person = match record {
            Some(Record::Event(e)) => Some(
                self.lookup(RecordType::Person, &e.person)?
                    .filter(|r| !r.retracted)
                    .and_then(|r| r.pk)
                    .ok_or_else(|| StoreError::NotFound {
                        rtype: RecordType::Person,
                        rid: e.person.clone(),
                    })?,
            ),
            _ => None,
        };
        // The typed row the record had goes; a put writes it again under the same key,
        // so events keep pointing at a corrected person.
        let previous_pk = previous.as_ref().and_then(|r| r.pk);
        if let Some(pk) = previous_pk {
            match entry.rtype {
                RecordType::Person => {
                    let before = self.pending.persons.len();
                    self.pending.persons.retain(|(p, _)| *p != pk);
                    if self.pending.persons.len() == before {
                        self.pending.delete_persons.push(pk);
                    }
                }
                RecordType::Event => {
                    let before = self.pending.events.len();
                    self.pending.events.retain(|(p, _, _)| *p != pk);
                    if self.pending.events.len() == before {
                        self.pending.delete_events.push(pk);
                    }
                }
                _ => {}
            }
        }
        // What it pointed at goes too; a put says again what it points at.
        let key = (entry.rtype, entry.rid.clone());
        if previous.is_some() {
            self.pending
                .refs
                .retain(|(t, id, _, _)| (*t, id) != (key.0, &key.1));
            self.pending.delete_refs.push(key.clone());
        }
        if let Some(record) = record {
            for (t, id) in references_of(record) {
                self.pending.refs.push((key.0, key.1.clone(), t, id));
            }
        }
        let row = if let Some(record) = record {
            let pk = match record {
                Record::Person(p) => {
                    let pk = previous_pk.unwrap_or_else(|| {
                        self.next_person_pk += 1;
                        self.next_person_pk - 1
                    });
                    self.pending.persons.push((pk, p.clone()));
                    Some(pk)
                }
                Record::Event(e) => {
                    let pk = previous_pk.unwrap_or_else(|| {
                        self.next_event_pk += 1;
                        self.next_event_pk - 1
                    });
                    self.pending.events.push((
                        pk,
                        event_person.expect("looked up above"),
                        EventCols::of(e, entry.body.as_deref().unwrap_or_default()),
                    ));
                    Some(pk)
                }
                Record::Source(_)
                | Record::Place(_)
                | Record::Announcement(_)
                | Record::Figure(_)
                | Record::Merge(_) => None,
            };
            RecordRow {
                seq: entry.seq as i64,
                digest: put_digest.expect("a put has its digest"),
                retracted: false,
                pk,
            }
        } else {
            RecordRow {
                seq: entry.seq as i64,
                digest: previous.as_ref().expect("checked above").digest,
                retracted: true,
                pk: None,
            }
        };
        if self.bulk.is_some() {
            self.pending.new_records.record(key.0, &key.1, &row);
            self.known.insert(key, Some(row));
        } else {
            self.known.insert(key.clone(), Some(row.clone()));
            self.pending.records.insert(key, row);
        }
        if !self.derived_only {
            self.pending.log.entry(&entry);
        }
        self.head = Head {
            entries: entry.seq,
            hash: entry.hash,
        };
        if self.pending.log.len() >= BATCH || self.pending.records.len() >= BATCH {
            self.flush()?;
        }
        Ok(entry)
    }

    fn commit(mut self: Box<Self>) -> Result<Head, StoreError> {
        self.end_bulk()?;
        self.flush()?;
        let head = self.head;
        let written = head.entries.saturating_sub(self.first_seq - 1);
        let mut tx = self.take_tx()?;
        // After a refused statement (its error handled, or not, by the caller) PostgreSQL
        // answers COMMIT by rolling back, with no error: ask before committing.
        if let Err(e) = self
            .rt
            .block_on(sqlx::raw_sql("SELECT 1").execute(&mut *tx))
        {
            let _ = self.rt.block_on(tx.rollback());
            return Err(StoreError::Postgres(format!(
                "nothing was written: a statement of this transaction was refused ({e})"
            )));
        }
        self.rt.block_on(tx.commit()).map_err(pg)?;
        // After a bulk write the planner's row estimates are stale until autovacuum gets
        // to it; with empty statistics it joins record and log by scanning (minutes at
        // 100k rows, seen under load). Refresh them now.
        // The write is committed whatever happens here: a failure is logged, not returned.
        if written >= 1000 {
            let pool = self.pool.clone();
            if let Err(e) = self.rt.block_on(
                sqlx::raw_sql("ANALYZE log; ANALYZE record; ANALYZE person; ANALYZE event")
                    .execute(&pool),
            ) {
                tracing::warn!("statistics not refreshed after a large write: {e}");
            }
        }
        Ok(head)
    }
}

pub(super) async fn record_body_in(
    conn: &mut sqlx::PgConnection,
    rtype: RecordType,
    rid: &str,
) -> Result<Option<String>, StoreError> {
    sqlx::query_scalar(
        "SELECT l.body FROM record r JOIN log l ON l.seq = r.seq WHERE r.rtype = $1 AND r.rid = $2 AND NOT r.retracted",
    )
    .bind(rtype.as_str())
    .bind(rid)
    .fetch_optional(conn)
    .await
    .map_err(pg)
}

/// A `record` row with the id its typed row carries.
pub(super) type RecordRowText = (String, String, i64, Vec<u8>, bool, Option<String>);
pub(super) type PersonRowText = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
    String,
    Option<String>,
);
pub(super) type EventRowText = (
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

/// Every derived row, decoded (see [`crate::derived`]), from one snapshot.
pub(super) async fn read_derived(pool: &PgPool) -> Result<derived::Rows, StoreError> {
    let mut tx = pool.begin().await.map_err(pg)?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        .execute(&mut *tx)
        .await
        .map_err(pg)?;
    let rtype = |t: &str| {
        RecordType::parse(t)
            .ok_or_else(|| StoreError::Damaged(format!("a derived row of unknown type '{t}'")))
    };
    let mut rows = derived::Rows::default();
    let records: Vec<RecordRowText> = sqlx::query_as(
        "SELECT r.rtype, r.rid, r.seq, r.digest, r.retracted,
                CASE r.rtype WHEN 'person' THEN (SELECT id FROM person WHERE pk = r.pk)
                             WHEN 'event' THEN (SELECT id FROM event WHERE pk = r.pk) END
         FROM record r",
    )
    .fetch_all(&mut *tx)
    .await
    .map_err(pg)?;
    for (t, rid, seq, digest, retracted, typed) in records {
        let t = rtype(&t)?;
        let (current, _) = crate::current_from(t, &rid, (seq, digest, retracted, None))?;
        rows.records.push(derived::RecordState {
            rtype: t,
            rid,
            seq: current.seq,
            digest: current.digest,
            retracted: current.retracted,
            typed,
        });
    }

    let persons: Vec<PersonRowText> = sqlx::query_as(
        "SELECT id, sex, birth, country, region, roles, health, prominent, visibility, letters FROM person",
    )
    .fetch_all(&mut *tx)
    .await
    .map_err(pg)?;
    for (id, sex, birth, country, region, roles, health, prominent, visibility, letters) in persons
    {
        rows.persons.push(PersonCols {
            id,
            sex,
            birth,
            country,
            region,
            roles,
            health,
            prominent,
            visibility,
            letters,
        });
    }

    let events: Vec<EventRowText> = sqlx::query_as(
        "SELECT e.id, p.id, e.kind, e.date, e.reason, e.announcement, e.visibility, e.details FROM event e LEFT JOIN person p ON p.pk = e.person_pk",
    )
    .fetch_all(&mut *tx)
    .await
    .map_err(pg)?;
    for (id, person, kind, date, reason, announcement, visibility, details) in events {
        rows.events.push(EventCols {
            id,
            person,
            kind,
            date,
            reason,
            announcement,
            visibility,
            details,
        });
    }
    let refs: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT from_type, from_id, to_type, to_id FROM reference")
            .fetch_all(&mut *tx)
            .await
            .map_err(pg)?;
    for (ft, fid, tt, tid) in refs {
        rows.references.push((rtype(&ft)?, fid, rtype(&tt)?, tid));
    }
    tx.commit().await.map_err(pg)?;
    Ok(rows)
}
