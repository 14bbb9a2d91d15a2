//! The SQLite backend's accounts, tokens and audit chain: decoding account rows, linking
//! each audit row to the one before it inside a write transaction, and bringing an older
//! file's audit trail into the chain (see `crate::accounts` for what the chain is); and
//! the spreadsheet column mappings kept per source and the saved day arrays
//! (`crate::counts`), also beside the log.

use rusqlite::{params, Connection};

use super::SqliteStore;
use crate::accounts::{Account, AuditRow, Role};
use crate::{Store, StoreError};

impl SqliteStore {
    /// A write transaction taken at once (`BEGIN IMMEDIATE`), so two processes adding to
    /// the audit chain cannot both link to the same last row.
    pub(super) fn audit_transaction(&self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        Ok(rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?)
    }

    /// Links an older file's audit rows into a chain and gives every account and token
    /// a first committed state (rows by `vigil`, action `audit chain started`).
    pub(super) fn start_audit_chain(&self) -> Result<(), StoreError> {
        let tx = self.audit_transaction()?;
        let rows: Vec<(i64, AuditRow)> = {
            let mut st = tx.prepare(
                "SELECT id, at, actor, action, subject FROM audit WHERE hash IS NULL ORDER BY id",
            )?;
            let rows = st.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    AuditRow {
                        at: r.get(1)?,
                        actor: r.get(2)?,
                        action: r.get(3)?,
                        subject: r.get(4)?,
                    },
                ))
            })?;
            rows.collect::<Result<_, _>>()?
        };
        let mut prev = String::new();
        let mut at = String::new();
        for (id, row) in &rows {
            prev = crate::accounts::audit_link(&prev, row, None);
            tx.execute(
                "UPDATE audit SET hash = ?1 WHERE id = ?2",
                params![prev, id],
            )?;
            at.clone_from(&row.at);
        }
        if at.is_empty() {
            at = tx.query_row("SELECT coalesce(max(at), '') FROM log", [], |r| r.get(0))?;
        }
        for a in self.accounts()? {
            let row = chain_started(&at, &format!("account {}", a.name));
            insert_audit(&tx, &row, Some(&crate::accounts::account_state(&a)))?;
        }
        for (hash, t) in self.tokens()? {
            let row = chain_started(&at, &format!("token of {}", t.name));
            insert_audit(&tx, &row, Some(&crate::accounts::token_state(&hash, &t)))?;
        }
        tx.commit()?;
        Ok(())
    }
}

impl SqliteStore {
    pub(super) fn load_sheet_mapping(&self, source: &str) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT mapping FROM sheet_mapping WHERE source = ?1",
                [source],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub(super) fn store_sheet_mapping(
        &self,
        source: &str,
        mapping: &str,
        audit: &AuditRow,
    ) -> Result<(), StoreError> {
        let tx = self.audit_transaction()?;
        tx.execute(
            "INSERT INTO sheet_mapping (source, mapping, saved_by, saved_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (source) DO UPDATE SET mapping = excluded.mapping,
                 saved_by = excluded.saved_by, saved_at = excluded.saved_at",
            params![source, mapping, audit.actor, audit.at],
        )?;
        insert_audit(&tx, audit, None)?;
        tx.commit()?;
        Ok(())
    }

    pub(super) fn load_counts(&self) -> Result<Option<crate::counts::Saved>, StoreError> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT entries, head, program, body FROM counts WHERE id = 1",
                [],
                |r| {
                    Ok(crate::counts::Saved {
                        entries: r.get::<_, i64>(0)? as u64,
                        head: r.get(1)?,
                        program: r.get(2)?,
                        body: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    pub(super) fn store_counts(&self, s: &crate::counts::Saved) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO counts (id, entries, head, program, body) VALUES (1, ?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET entries = excluded.entries, head = excluded.head,
                 program = excluded.program, body = excluded.body",
            params![s.entries as i64, s.head, s.program, s.body],
        )?;
        Ok(())
    }
}

pub(super) type AccountResult = Result<Account, StoreError>;

pub(super) fn account_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AccountResult> {
    let name: String = r.get(0)?;
    let role: String = r.get(1)?;
    Ok(match Role::parse(&role) {
        Some(role) => Ok(Account {
            name,
            role,
            hash: r.get(2)?,
            disabled: r.get(3)?,
        }),
        None => Err(StoreError::Damaged(format!("account {name}: role {role}"))),
    })
}

/// The row that gives an account or token of an older file its first committed state.
fn chain_started(at: &str, subject: &str) -> AuditRow {
    AuditRow {
        at: at.to_string(),
        actor: "vigil".into(),
        action: "audit chain started".into(),
        subject: subject.to_string(),
    }
}

/// Appends a row to the audit chain; the caller holds a write transaction.
pub(super) fn insert_audit(
    conn: &Connection,
    a: &AuditRow,
    state: Option<&str>,
) -> Result<(), StoreError> {
    let prev: String = conn.query_row(
        "SELECT coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '')",
        [],
        |r| r.get(0),
    )?;
    let hash = crate::accounts::audit_link(&prev, a, state);
    conn.prepare_cached(
        "INSERT INTO audit (at, actor, action, subject, state, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![a.at, a.actor, a.action, a.subject, state, hash])?;
    Ok(())
}
