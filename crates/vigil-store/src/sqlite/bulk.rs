//! An import into an empty SQLite registry: the `record` rows are kept in memory and
//! written once, sorted by key, at commit; the secondary indexes (the log's by time and
//! by record, events by person, references both ways) are dropped at the start and built
//! again at commit, each in one sorted pass instead of one random B-tree insert per row.
//!
//! All of it happens inside the one write transaction, so a failed import rolls back the
//! dropped indexes with everything else. Anything the fast path does not cover (a
//! correction, a retraction, a question about references or bodies) first ends bulk mode:
//! the buffered rows and the indexes are written, and the writer goes on as usual.

use std::collections::HashMap;

use rusqlite::{params, Transaction};
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

/// The tables whose secondary indexes a bulk import builds at the end.
const TABLES: &str = "'log', 'event', 'reference', 'person'";

impl Bulk {
    /// Starts bulk mode if the registry is empty (no log entry, no record row); drops
    /// the secondary indexes.
    pub(super) fn start(tx: &Transaction<'_>) -> Result<Option<Bulk>, StoreError> {
        let empty: bool = tx.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM log) AND NOT EXISTS (SELECT 1 FROM record)",
            [],
            |r| r.get(0),
        )?;
        if !empty {
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
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO record (rtype, rid, seq, digest, retracted, pk) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
            )?;
            for (rtype, rows) in types {
                let mut rows: Vec<(Box<str>, Row)> = rows.into_iter().collect();
                rows.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
                for (rid, r) in rows {
                    st.execute(params![
                        rtype.as_str(),
                        &*rid,
                        r.seq as i64,
                        r.digest.0.as_slice(),
                        r.pk
                    ])?;
                }
            }
        }
        for sql in &self.indexes {
            tx.execute_batch(sql)?;
        }
        Ok(())
    }
}
