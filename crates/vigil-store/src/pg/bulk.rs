//! An import into an empty PostgreSQL registry: the secondary indexes and `record`'s
//! primary key are dropped inside the import's transaction and built again once, from
//! sorted rows, when bulk mode ends; the `record` rows of the new records are copied
//! batch by batch (each is written once in bulk mode) instead of upserted.
//! A failure rolls the drops back with everything else. While the transaction lasts,
//! other sessions reading the tables wait for it (it holds them locked).
//!
//! The five tables are locked by one statement, before any drop, and only if it has them
//! all within [`LOCK_WAIT`]: dropping index by index would lock them one at a time, and a
//! reader holding one and waiting for another would deadlock with the import. A registry
//! being read meanwhile (or vacuumed) is imported the usual way instead.

use super::pg;
use crate::StoreError;
use sqlx::PgConnection;

/// How long bulk mode waits for its locks, all five together (`statement_timeout`;
/// `lock_timeout` alone would allow this much per table): below PostgreSQL's
/// `deadlock_timeout` (1 s by default), so the import gives way before a reader would be
/// cancelled.
const LOCK_WAIT: &str = "300ms";

/// What was dropped, to be made again.
pub(super) struct PgBulk {
    /// `CREATE INDEX …` statements, as PostgreSQL gave them.
    indexes: Vec<String>,
    /// `record`'s primary key, as PostgreSQL gave it (`PRIMARY KEY (rtype, rid)`).
    record_key: String,
}

impl PgBulk {
    /// Bulk mode, if the registry is empty: its indexes dropped in `tx`.
    pub(super) async fn start(tx: &mut PgConnection) -> Result<Option<PgBulk>, StoreError> {
        let empty: bool = sqlx::query_scalar(
            "SELECT NOT EXISTS (SELECT 1 FROM log) AND NOT EXISTS (SELECT 1 FROM record)",
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(pg)?;
        if !empty || !lock(tx).await? {
            return Ok(None);
        }
        let dropped: Vec<(String, String)> = sqlx::query_as(
            "SELECT ic.relname::text, pg_get_indexdef(i.indexrelid)
             FROM pg_index i
             JOIN pg_class ic ON ic.oid = i.indexrelid
             JOIN pg_class t ON t.oid = i.indrelid
             WHERE t.relnamespace = current_schema()::regnamespace
               AND t.relname IN ('log', 'event', 'person', 'reference', 'record')
               AND NOT i.indisunique
             ORDER BY 1",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(pg)?;
        let record_key: String = sqlx::query_scalar(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint
             WHERE conrelid = 'record'::regclass AND contype = 'p'",
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(pg)?;
        for (name, _) in &dropped {
            // The name is PostgreSQL's own, quoted as an identifier.
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "DROP INDEX \"{}\"",
                name.replace('"', "\"\"")
            )))
            .execute(&mut *tx)
            .await
            .map_err(pg)?;
        }
        sqlx::raw_sql("ALTER TABLE record DROP CONSTRAINT record_pkey")
            .execute(&mut *tx)
            .await
            .map_err(pg)?;
        Ok(Some(PgBulk {
            indexes: dropped.into_iter().map(|(_, def)| def).collect(),
            record_key,
        }))
    }

    /// Ends bulk mode: every index made again.
    pub(super) async fn finish(self, tx: &mut PgConnection) -> Result<(), StoreError> {
        let mut again = vec![format!(
            "ALTER TABLE record ADD CONSTRAINT record_pkey {}",
            self.record_key
        )];
        again.extend(self.indexes);
        for statement in again {
            sqlx::raw_sql(sqlx::AssertSqlSafe(statement))
                .execute(&mut *tx)
                .await
                .map_err(pg)?;
        }
        Ok(())
    }
}

/// The five tables locked for the drops, or `false` if readers hold them: a savepoint
/// keeps the transaction usable when the wait ends in a timeout or a deadlock.
async fn lock(tx: &mut PgConnection) -> Result<bool, StoreError> {
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "SAVEPOINT vigil_bulk; SET LOCAL lock_timeout = '{LOCK_WAIT}'; SET LOCAL statement_timeout = '{LOCK_WAIT}'"
    )))
    .execute(&mut *tx)
    .await
    .map_err(pg)?;
    let locked =
        sqlx::raw_sql("LOCK TABLE log, event, person, reference, record IN ACCESS EXCLUSIVE MODE")
            .execute(&mut *tx)
            .await;
    match locked {
        Ok(_) => {
            sqlx::raw_sql(
                "SET LOCAL lock_timeout = DEFAULT; SET LOCAL statement_timeout = DEFAULT; RELEASE SAVEPOINT vigil_bulk",
            )
                .execute(&mut *tx)
                .await
                .map_err(pg)?;
            Ok(true)
        }
        // lock_not_available, query_canceled (the statement's time), deadlock_detected:
        // the lock waits, the SET LOCALs with it, undone.
        Err(sqlx::Error::Database(e))
            if matches!(e.code().as_deref(), Some("55P03" | "57014" | "40P01")) =>
        {
            tracing::info!(
                "the tables are in use: importing row by row ({})",
                e.message()
            );
            sqlx::raw_sql("ROLLBACK TO SAVEPOINT vigil_bulk; RELEASE SAVEPOINT vigil_bulk")
                .execute(&mut *tx)
                .await
                .map_err(pg)?;
            Ok(false)
        }
        Err(e) => Err(pg(e)),
    }
}
