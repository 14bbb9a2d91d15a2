//! An import into an empty SQLite registry: the `record` rows are kept in memory and
//! written once, sorted by key, at commit; the secondary indexes (the log's by time and
//! by record, events by person, references both ways) are dropped at the start and built
//! again at commit, each in one sorted pass instead of one random B-tree insert per row.
//!
//! All of it happens inside the one write transaction, so a failed import rolls back the
//! dropped indexes with everything else. That transaction uses a rollback journal instead
//! of the WAL when this connection has the file alone ([`Journal`]): the pages an import
//! adds to an empty file are then written once, into the file, instead of into the WAL
//! and again by the checkpoint. Anything the fast path does not cover (a
//! correction, a retraction, a question about references or bodies) first ends bulk mode:
//! the buffered rows and the indexes are written, and the writer goes on as usual.

use foldhash::HashMap;

use rusqlite::{Connection, Statement, Transaction};
use vigil_core::chain::{Entry, Hash};
use vigil_core::record::RecordType;

use crate::rows::{EventCols, PersonCols};
use crate::{Current, StoreError};

/// What a record's `record` row will hold.
#[derive(Clone)]
pub(super) struct Row {
    pub(super) seq: u64,
    pub(super) digest: Hash,
    pub(super) pk: Option<i64>,
}

/// The bulk state of a writer (see the module's documentation).
pub(super) struct Bulk {
    /// Per record type (by rank), id → the row to write.
    records: Vec<HashMap<Box<str>, Row>>,
    /// The indexes dropped at the start, as `sqlite_master` gave them.
    indexes: Vec<String>,
    /// The row keys the next person and event get: the writer assigns them, so rows can
    /// wait to be written many per statement.
    next_person: i64,
    next_event: i64,
    /// Rows waiting for a full statement (at most [`ROWS_PER_INSERT`] each).
    log: Vec<Entry>,
    persons: Vec<(i64, PersonCols)>,
    events: Vec<(i64, i64, EventCols)>,
    references: Vec<[String; 4]>,
}

/// Rows written by one statement in bulk mode (at most 11 values each, far under
/// SQLite's limit of 32,766 per statement). One statement per row spends more in
/// SQLite's statement machinery than in the B-tree.
const ROWS_PER_INSERT: usize = 256;

/// The tables whose secondary indexes a bulk import builds at the end.
const TABLES: &str = "'log', 'event', 'reference', 'person'";

/// The one index kept while importing: every entry of an import has the same time and
/// a greater `seq` than the last, so each goes at the end of `log_at`, which is cheaper
/// than reading the whole log again at the end to build it.
const KEPT: &str = "log_at";

/// A table's insert: its columns, and how one row's values are bound from `at` on.
struct Insert<T> {
    head: &'static str,
    columns: usize,
    bind: fn(&mut Statement<'_>, usize, &T) -> rusqlite::Result<()>,
}

impl<T> Insert<T> {
    /// Writes `rows`: [`ROWS_PER_INSERT`] per statement, the rest one by one.
    fn write(&self, tx: &Transaction<'_>, rows: &[T]) -> Result<(), StoreError> {
        let one = format!("({})", vec!["?"; self.columns].join(", "));
        let mut chunks = rows.chunks_exact(ROWS_PER_INSERT);
        if rows.len() >= ROWS_PER_INSERT {
            let many = format!(
                "{} VALUES {}",
                self.head,
                vec![one.as_str(); ROWS_PER_INSERT].join(", ")
            );
            let mut st = tx.prepare_cached(&many)?;
            for chunk in &mut chunks {
                for (i, row) in chunk.iter().enumerate() {
                    (self.bind)(&mut st, i * self.columns + 1, row)?;
                }
                st.raw_execute()?;
            }
        }
        let mut st = tx.prepare_cached(&format!("{} VALUES {one}", self.head))?;
        for row in chunks.remainder() {
            (self.bind)(&mut st, 1, row)?;
            st.raw_execute()?;
        }
        Ok(())
    }
}

const LOG: Insert<Entry> = Insert {
    head: "INSERT INTO log (seq, at, actor, reason, op, rtype, rid, refers_to, body, prev, hash)",
    columns: 11,
    bind: |st, at, e| {
        st.raw_bind_parameter(at, e.seq as i64)?;
        st.raw_bind_parameter(at + 1, &e.at)?;
        st.raw_bind_parameter(at + 2, &e.actor)?;
        st.raw_bind_parameter(at + 3, &e.reason)?;
        st.raw_bind_parameter(at + 4, e.op.as_str())?;
        st.raw_bind_parameter(at + 5, e.rtype.as_str())?;
        st.raw_bind_parameter(at + 6, &e.rid)?;
        st.raw_bind_parameter(at + 7, e.refers_to.map(|s| s as i64))?;
        st.raw_bind_parameter(at + 8, &e.body)?;
        st.raw_bind_parameter(at + 9, e.prev.0.as_slice())?;
        st.raw_bind_parameter(at + 10, e.hash.0.as_slice())
    },
};

const PERSON: Insert<(i64, PersonCols)> = Insert {
    head: "INSERT INTO person (pk, id, sex, birth, country, region, roles, health, prominent, visibility, letters)",
    columns: 11,
    bind: |st, at, (pk, c)| {
        st.raw_bind_parameter(at, pk)?;
        st.raw_bind_parameter(at + 1, &c.id)?;
        st.raw_bind_parameter(at + 2, &c.sex)?;
        st.raw_bind_parameter(at + 3, &c.birth)?;
        st.raw_bind_parameter(at + 4, &c.country)?;
        st.raw_bind_parameter(at + 5, &c.region)?;
        st.raw_bind_parameter(at + 6, &c.roles)?;
        st.raw_bind_parameter(at + 7, &c.health)?;
        st.raw_bind_parameter(at + 8, c.prominent)?;
        st.raw_bind_parameter(at + 9, &c.visibility)?;
        st.raw_bind_parameter(at + 10, &c.letters)
    },
};

const EVENT: Insert<(i64, i64, EventCols)> = Insert {
    head: "INSERT INTO event (pk, id, person_pk, kind, date, reason, announcement, visibility, details)",
    columns: 9,
    bind: |st, at, (pk, person_pk, c)| {
        st.raw_bind_parameter(at, pk)?;
        st.raw_bind_parameter(at + 1, &c.id)?;
        st.raw_bind_parameter(at + 2, person_pk)?;
        st.raw_bind_parameter(at + 3, &c.kind)?;
        st.raw_bind_parameter(at + 4, &c.date)?;
        st.raw_bind_parameter(at + 5, &c.reason)?;
        st.raw_bind_parameter(at + 6, &c.announcement)?;
        st.raw_bind_parameter(at + 7, &c.visibility)?;
        st.raw_bind_parameter(at + 8, &c.details)
    },
};

const REFERENCE: Insert<[String; 4]> = Insert {
    head: "INSERT INTO reference (from_type, from_id, to_type, to_id)",
    columns: 4,
    bind: |st, at, r| {
        for (i, v) in r.iter().enumerate() {
            st.raw_bind_parameter(at + i, v)?;
        }
        Ok(())
    },
};

const RECORD: Insert<(RecordType, Box<str>, Row)> = Insert {
    head: "INSERT INTO record (rtype, rid, seq, digest, retracted, pk)",
    columns: 6,
    bind: |st, at, (rtype, rid, r)| {
        st.raw_bind_parameter(at, rtype.as_str())?;
        st.raw_bind_parameter(at + 1, &**rid)?;
        st.raw_bind_parameter(at + 2, r.seq as i64)?;
        st.raw_bind_parameter(at + 3, r.digest.0.as_slice())?;
        st.raw_bind_parameter(at + 4, 0)?;
        st.raw_bind_parameter(at + 5, r.pk)
    },
};

/// Adds `row` to `rows`, writing them all once a statement's worth is there.
fn push<T>(
    tx: &Transaction<'_>,
    insert: &Insert<T>,
    rows: &mut Vec<T>,
    row: T,
) -> Result<(), StoreError> {
    rows.push(row);
    if rows.len() == ROWS_PER_INSERT {
        insert.write(tx, rows)?;
        rows.clear();
    }
    Ok(())
}

impl Bulk {
    /// Starts bulk mode if the registry is empty (no log entry, no record row); drops
    /// the secondary indexes.
    pub(super) fn start(tx: &Transaction<'_>) -> Result<Option<Bulk>, StoreError> {
        if !is_empty(tx)? {
            return Ok(None);
        }
        let mut indexes = Vec::new();
        {
            let mut st = tx.prepare(&format!(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({TABLES}) AND name <> '{KEPT}' ORDER BY name"
            ))?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                indexes.push((r.get::<_, String>(0)?, r.get::<_, String>(1)?));
            }
        }
        for (name, _) in &indexes {
            tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        let next = |table: &str| -> Result<i64, StoreError> {
            Ok(tx.query_row(
                &format!("SELECT coalesce(max(pk), 0) + 1 FROM {table}"),
                [],
                |r| r.get(0),
            )?)
        };
        Ok(Some(Bulk {
            records: vec![HashMap::default(); RecordType::ALL.len()],
            indexes: indexes.into_iter().map(|(_, sql)| sql).collect(),
            next_person: next("person")?,
            next_event: next("event")?,
            log: Vec::with_capacity(ROWS_PER_INSERT),
            persons: Vec::with_capacity(ROWS_PER_INSERT),
            events: Vec::with_capacity(ROWS_PER_INSERT),
            references: Vec::with_capacity(ROWS_PER_INSERT),
        }))
    }

    /// The current state of a record this import wrote (the table is empty otherwise).
    pub(super) fn get(&self, rtype: RecordType, rid: &str) -> Option<(Current, Option<i64>)> {
        self.records[rtype.rank()].get(rid).map(|r| {
            (
                Current {
                    seq: r.seq,
                    digest: r.digest,
                    retracted: false,
                },
                r.pk,
            )
        })
    }

    /// Notes a record's row, to be written at the end.
    pub(super) fn put(&mut self, rtype: RecordType, rid: &str, row: Row) {
        self.records[rtype.rank()].insert(rid.into(), row);
    }

    /// A log entry, written with the next statement's worth.
    pub(super) fn log(&mut self, tx: &Transaction<'_>, entry: &Entry) -> Result<(), StoreError> {
        push(tx, &LOG, &mut self.log, entry.clone())
    }

    /// A new person's row; its row key.
    pub(super) fn person(
        &mut self,
        tx: &Transaction<'_>,
        cols: PersonCols,
    ) -> Result<i64, StoreError> {
        let pk = self.next_person;
        self.next_person += 1;
        push(tx, &PERSON, &mut self.persons, (pk, cols))?;
        Ok(pk)
    }

    /// A new event's row; its row key.
    pub(super) fn event(
        &mut self,
        tx: &Transaction<'_>,
        person_pk: i64,
        cols: EventCols,
    ) -> Result<i64, StoreError> {
        let pk = self.next_event;
        self.next_event += 1;
        push(tx, &EVENT, &mut self.events, (pk, person_pk, cols))?;
        Ok(pk)
    }

    /// A reference row of a new record.
    pub(super) fn reference(
        &mut self,
        tx: &Transaction<'_>,
        from: (RecordType, &str),
        to: (RecordType, String),
    ) -> Result<(), StoreError> {
        let row = [
            from.0.as_str().to_string(),
            from.1.to_string(),
            to.0.as_str().to_string(),
            to.1,
        ];
        push(tx, &REFERENCE, &mut self.references, row)
    }

    /// Writes the rows still waiting, the `record` rows in key order, and builds the
    /// dropped indexes again.
    pub(super) fn finish(self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        LOG.write(tx, &self.log)?;
        PERSON.write(tx, &self.persons)?;
        EVENT.write(tx, &self.events)?;
        REFERENCE.write(tx, &self.references)?;
        let mut types: Vec<(RecordType, HashMap<Box<str>, Row>)> =
            RecordType::ALL.iter().copied().zip(self.records).collect();
        // The table's key is (rtype, rid) compared as text; its B-tree is appended to in
        // key order here.
        types.sort_by_key(|(t, _)| t.as_str());
        for (rtype, by_id) in types {
            let mut rows: Vec<(RecordType, Box<str>, Row)> =
                by_id.into_iter().map(|(rid, r)| (rtype, rid, r)).collect();
            rows.sort_unstable_by(|a, b| a.1.as_bytes().cmp(b.1.as_bytes()));
            RECORD.write(tx, &rows)?;
        }
        for sql in &self.indexes {
            tx.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// Whether the registry is empty: no log entry, no record row.
fn is_empty(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM log) AND NOT EXISTS (SELECT 1 FROM record)",
        [],
        |r| r.get(0),
    )?)
}

/// An import's transaction in rollback-journal mode, and back to WAL when it ends
/// (committed or rolled back: the writer holds this after its transaction, so it is
/// dropped after it).
///
/// Taken only for an import into an empty file that no other connection has open
/// (SQLite refuses to leave WAL mode otherwise, at once, and the import stays in WAL).
/// All-or-nothing is kept: the journal holds the original content of every page the
/// import changes (an empty file's few schema and root pages; pages past the file's
/// original end need none), and a crash mid-import leaves a hot journal that the next
/// open rolls back — the file as it was, empty. `synchronous = FULL` for that
/// transaction, so the journal is on disk before any page of the file is overwritten.
pub(super) struct Journal<'c>(Option<&'c Connection>);

impl<'c> Journal<'c> {
    /// No change: the transaction runs in WAL mode.
    pub(super) fn wal() -> Journal<'c> {
        Journal(None)
    }

    /// A rollback journal, if the file is empty and this connection has it alone.
    pub(super) fn for_import(conn: &'c Connection) -> Result<Journal<'c>, StoreError> {
        if !is_empty(conn)? {
            return Ok(Journal(None));
        }
        let mode =
            conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get::<_, String>(0));
        match mode {
            Ok(m) if m.eq_ignore_ascii_case("delete") => {
                let journal = Journal(Some(conn));
                conn.pragma_update(None, "synchronous", "FULL")?;
                Ok(journal)
            }
            // Another connection has the file open ("database is locked"), or the
            // mode did not change: the import goes through the WAL as usual.
            _ => Ok(Journal(None)),
        }
    }

    /// Back to WAL, after the transaction committed (dropping does the same).
    pub(super) fn end(mut self) {
        self.back_to_wal();
    }

    fn back_to_wal(&mut self) {
        if let Some(conn) = self.0.take() {
            // Should this fail (another process opened the file meanwhile), the file
            // stays in rollback-journal mode, which is as safe; every open sets WAL.
            let _ = conn.pragma_update(None, "journal_mode", "WAL");
            let _ = conn.pragma_update(None, "synchronous", "NORMAL");
        }
    }
}

impl Drop for Journal<'_> {
    fn drop(&mut self) {
        self.back_to_wal();
    }
}
