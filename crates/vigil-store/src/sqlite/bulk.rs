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

use std::collections::HashMap;

use rusqlite::{params, Connection, Transaction};
use vigil_core::chain::Hash;
use vigil_core::record::RecordType;

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
}

/// `record` rows written by one statement at the end of a bulk import (5 values each,
/// under SQLite's limit of 32,766 per statement).
const ROWS_PER_INSERT: usize = 256;

/// The tables whose secondary indexes a bulk import builds at the end.
const TABLES: &str = "'log', 'event', 'reference', 'person'";

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
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({TABLES}) ORDER BY name"
            ))?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                indexes.push((r.get::<_, String>(0)?, r.get::<_, String>(1)?));
            }
        }
        for (name, _) in &indexes {
            tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        Ok(Some(Bulk {
            records: vec![HashMap::new(); RecordType::ALL.len()],
            indexes: indexes.into_iter().map(|(_, sql)| sql).collect(),
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

    /// Writes the `record` rows in key order and builds the dropped indexes again.
    pub(super) fn finish(self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        let mut types: Vec<(RecordType, HashMap<Box<str>, Row>)> =
            RecordType::ALL.iter().copied().zip(self.records).collect();
        // The table's key is (rtype, rid) compared as text.
        types.sort_by_key(|(t, _)| t.as_str());
        // Many rows per statement: one statement per row spends more in SQLite's
        // statement machinery than in the B-tree, which is appended to in key order here.
        let one = "(?, ?, ?, ?, 0, ?)";
        let many = format!(
            "INSERT INTO record (rtype, rid, seq, digest, retracted, pk) VALUES {}",
            vec![one; ROWS_PER_INSERT].join(", ")
        );
        let mut st = tx.prepare(&many)?;
        let mut single = tx.prepare_cached(&format!(
            "INSERT INTO record (rtype, rid, seq, digest, retracted, pk) VALUES {one}"
        ))?;
        for (rtype, by_id) in types {
            let mut rows: Vec<(Box<str>, Row)> = by_id.into_iter().collect();
            rows.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            let mut chunks = rows.chunks_exact(ROWS_PER_INSERT);
            for chunk in &mut chunks {
                for (i, (rid, r)) in chunk.iter().enumerate() {
                    let at = i * 5 + 1;
                    st.raw_bind_parameter(at, rtype.as_str())?;
                    st.raw_bind_parameter(at + 1, &**rid)?;
                    st.raw_bind_parameter(at + 2, r.seq as i64)?;
                    st.raw_bind_parameter(at + 3, r.digest.0.as_slice())?;
                    st.raw_bind_parameter(at + 4, r.pk)?;
                }
                st.raw_execute()?;
            }
            for (rid, r) in chunks.remainder() {
                single.execute(params![
                    rtype.as_str(),
                    &**rid,
                    r.seq as i64,
                    r.digest.0.as_slice(),
                    r.pk
                ])?;
            }
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
