//! The PostgreSQL backend's audit chain: linking each audit row to the one before it
//! under an advisory lock, and bringing an older database's audit trail into the chain
//! (see `crate::accounts` for what the chain is); and the spreadsheet column mappings
//! kept per source and the saved day arrays (`crate::counts`), also beside the log.

use super::{pg, PgStore, AUDIT_LOCK};
use crate::accounts::AuditRow;
use crate::{Store, StoreError};

impl PgStore {
    /// Links an older database's audit rows into a chain and gives every account and
    /// token a first committed state (rows by `vigil`, action `audit chain started`).
    pub(super) fn start_audit_chain(&self) -> Result<(), StoreError> {
        let (accounts, tokens) = (self.accounts()?, self.tokens()?);
        self.rt.block_on(async {
            let mut tx = self.pool.begin().await.map_err(pg)?;
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(AUDIT_LOCK)
                .execute(&mut *tx)
                .await
                .map_err(pg)?;
            let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
                "SELECT id, at, actor, action, subject FROM audit WHERE hash IS NULL ORDER BY id",
            )
            .fetch_all(&mut *tx)
            .await
            .map_err(pg)?;
            let mut prev = String::new();
            let mut at = String::new();
            for (id, row_at, actor, action, subject) in rows {
                let row = AuditRow {
                    at: row_at,
                    actor,
                    action,
                    subject,
                };
                prev = crate::accounts::audit_link(&prev, &row, None);
                sqlx::query("UPDATE audit SET hash = $1 WHERE id = $2")
                    .bind(&prev)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(pg)?;
                at = row.at;
            }
            if at.is_empty() {
                let last: Option<String> = sqlx::query_scalar("SELECT max(at) FROM log")
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(pg)?;
                at = last.unwrap_or_default();
            }
            for a in &accounts {
                let row = chain_started(&at, &format!("account {}", a.name));
                insert_audit(&mut tx, &row, Some(&crate::accounts::account_state(a))).await?;
            }
            for (hash, t) in &tokens {
                let row = chain_started(&at, &format!("token of {}", t.name));
                insert_audit(&mut tx, &row, Some(&crate::accounts::token_state(hash, t))).await?;
            }
            tx.commit().await.map_err(pg)
        })
    }
}

impl PgStore {
    pub(super) fn load_counts(&self) -> Result<Option<crate::counts::Saved>, StoreError> {
        let row: Option<(i64, String, String, Vec<u8>)> = self.rt.block_on(async {
            sqlx::query_as("SELECT entries, head, program, body FROM counts WHERE id = 1")
                .fetch_optional(&self.pool)
                .await
                .map_err(pg)
        })?;
        Ok(
            row.map(|(entries, head, program, body)| crate::counts::Saved {
                entries: entries as u64,
                head,
                program,
                body,
            }),
        )
    }

    pub(super) fn store_counts(&self, s: &crate::counts::Saved) -> Result<(), StoreError> {
        self.rt.block_on(async {
            sqlx::query(
                "INSERT INTO counts (id, entries, head, program, body) VALUES (1, $1, $2, $3, $4)
                 ON CONFLICT (id) DO UPDATE SET entries = excluded.entries, head = excluded.head,
                     program = excluded.program, body = excluded.body",
            )
            .bind(s.entries as i64)
            .bind(&s.head)
            .bind(&s.program)
            .bind(&s.body)
            .execute(&self.pool)
            .await
            .map_err(pg)?;
            Ok(())
        })
    }

    pub(super) fn load_sheet_mapping(&self, source: &str) -> Result<Option<String>, StoreError> {
        self.rt.block_on(async {
            sqlx::query_scalar("SELECT mapping FROM sheet_mapping WHERE source = $1")
                .bind(source)
                .fetch_optional(&self.pool)
                .await
                .map_err(pg)
        })
    }

    pub(super) fn store_sheet_mapping(
        &self,
        source: &str,
        mapping: &str,
        audit: &AuditRow,
    ) -> Result<(), StoreError> {
        self.rt.block_on(async {
            let mut tx = self.pool.begin().await.map_err(pg)?;
            sqlx::query(
                "INSERT INTO sheet_mapping (source, mapping, saved_by, saved_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (source) DO UPDATE SET mapping = excluded.mapping,
                     saved_by = excluded.saved_by, saved_at = excluded.saved_at",
            )
            .bind(source)
            .bind(mapping)
            .bind(&audit.actor)
            .bind(&audit.at)
            .execute(&mut *tx)
            .await
            .map_err(pg)?;
            insert_audit(&mut tx, audit, None).await?;
            tx.commit().await.map_err(pg)
        })
    }
}

/// Appends a row to the audit chain, inside the caller's transaction (which it locks
/// against other writers of the chain until it ends).
pub(super) async fn insert_audit(
    conn: &mut sqlx::PgConnection,
    a: &AuditRow,
    state: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(AUDIT_LOCK)
        .execute(&mut *conn)
        .await
        .map_err(pg)?;
    let prev: Option<String> =
        sqlx::query_scalar("SELECT hash FROM audit ORDER BY id DESC LIMIT 1")
            .fetch_optional(&mut *conn)
            .await
            .map_err(pg)?
            .flatten();
    let hash = crate::accounts::audit_link(prev.as_deref().unwrap_or(""), a, state);
    sqlx::query(
        "INSERT INTO audit (at, actor, action, subject, state, hash) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&a.at)
    .bind(&a.actor)
    .bind(&a.action)
    .bind(&a.subject)
    .bind(state)
    .bind(hash)
    .execute(conn)
    .await
    .map_err(pg)?;
    Ok(())
}

/// An `audit` row as read: at, actor, action, subject, state, hash.
pub(super) type AuditTableRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// The row that gives an account or token of an older database its first committed state.
fn chain_started(at: &str, subject: &str) -> AuditRow {
    AuditRow {
        at: at.to_string(),
        actor: "vigil".into(),
        action: "audit chain started".into(),
        subject: subject.to_string(),
    }
}
