//! vigil's storage: the [`Store`] trait every backend implements (SQLite and PostgreSQL),
//! the write operations every change goes through ([`ops`]), and the backend-independent
//! import built on them.
//!
//! **Architecture Invariant:** every change to a record is appended to the log through
//! [`Writer::append`], which updates the derived tables in the same transaction, and the
//! domain's write rules (references exist, the version matches, what may be retracted)
//! are checked once, in [`ops`], inside that transaction. Nothing deletes from the log.

use vigil_core::chain::{ChainError, Draft, Entry, Hash, Op, Verifier};
use vigil_core::record::{Parsed, RecordType};
use vigil_core::registry::{Registry, Replay};

pub mod accounts;
pub mod batch;
pub mod copy;
pub mod counts;
pub mod derived;
pub mod follow;
pub mod import;
pub mod ops;
pub mod pg;
pub mod rows;
pub mod sheet;
pub mod sqlite;

pub use import::{import, import_building, ImportFailure, ImportOptions, ImportReport, LineError};
pub use pg::PgStore;
pub use sqlite::SqliteStore;

/// What went wrong below the domain: the message says what to do where it can.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Invalid(String),
    #[error("cannot read {path}: {why}")]
    Locked { path: String, why: String },
    #[error("PostgreSQL: {0}")]
    Postgres(String),
    #[error("{path}: this database was written by a newer vigil (schema {found}; this vigil knows up to {known})")]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    /// The stored data contradicts itself (a row that does not parse, a chain that does
    /// not hash): `vigil verify` says where, `vigil db rebuild` repairs derived rows.
    #[error("stored data is damaged: {0}")]
    Damaged(String),
    /// A file could not be read or written (disk full, permissions): nothing is damaged.
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    /// A backup file that cannot be restored from.
    #[error("the backup cannot be used: {0}")]
    BadBackup(String),
    /// Another process holds what this operation needs alone.
    #[error("{0}")]
    Busy(String),
    /// Something this store cannot do, and what to do instead.
    #[error("{0}")]
    Unsupported(String),
    #[error("{rtype} '{rid}' is still referred to by {users}; retract those first")]
    InUse {
        rtype: RecordType,
        rid: String,
        users: String,
    },
    #[error(
        "the destination already holds {0} log entries; copy and restore need an empty database"
    )]
    NotEmpty(u64),
    #[error("{rtype} '{rid}' does not exist")]
    NotFound { rtype: RecordType, rid: String },
}

/// The log's end: how many entries and the last one's hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    pub entries: u64,
    pub hash: Hash,
}

/// The current state of one record, as the derived tables know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Current {
    pub seq: u64,
    pub digest: Hash,
    pub retracted: bool,
}

/// A `record` row as both backends read it: the state and the typed row's key.
pub(crate) fn current_from(
    rtype: RecordType,
    rid: &str,
    (seq, digest, retracted, pk): (i64, Vec<u8>, bool, Option<i64>),
) -> Result<(Current, Option<i64>), StoreError> {
    let digest = Hash::from_slice(&digest)
        .ok_or_else(|| StoreError::Damaged(format!("{rtype} '{rid}' has a malformed digest")))?;
    Ok((
        Current {
            seq: seq as u64,
            digest,
            retracted,
        },
        pk,
    ))
}

/// A registry's storage. Implemented per backend; the conformance tests run on each.
pub trait Store {
    /// Opens a write transaction holding the database's write lock. Dropping it without
    /// [`Writer::commit`] rolls everything back.
    fn begin(&mut self) -> Result<Box<dyn Writer + '_>, StoreError>;

    /// As [`Store::begin`], for an import: a backend may write faster into an empty
    /// registry (SQLite builds its indexes and `record` rows once, at commit). What is
    /// written and what a failure leaves are the same.
    fn begin_import(&mut self) -> Result<Box<dyn Writer + '_>, StoreError> {
        self.begin()
    }

    fn head(&self) -> Result<Head, StoreError>;

    /// Visits log entries `1..=upto` (all when `None`) in order.
    fn for_each_entry(
        &self,
        upto: Option<u64>,
        visit: &mut dyn FnMut(Entry) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// Log entries after position `after`, in order: what a follower has not seen yet.
    fn entries_after(&self, after: u64) -> Result<Vec<Entry>, StoreError> {
        let mut out = Vec::new();
        self.for_each_entry(None, &mut |e| {
            if e.seq > after {
                out.push(e);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The current registry, from the derived tables.
    fn load(&self) -> Result<Registry, StoreError>;

    /// Visits every current (not retracted) record's canonical JSON, sources first,
    /// then persons, announcements, events, figures; each type in id order.
    fn export(
        &self,
        visit: &mut dyn FnMut(RecordType, &str) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// Visits the current (not retracted) records of one type, in id order: a list to
    /// pick from (the sources, the announcements) without reading the whole registry.
    fn records_of(
        &self,
        rtype: RecordType,
        visit: &mut dyn FnMut(&str) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.export(&mut |t, body| if t == rtype { visit(body) } else { Ok(()) })
    }

    /// The current state of one record.
    fn current(&self, rtype: RecordType, rid: &str) -> Result<Option<Current>, StoreError>;

    /// The current canonical JSON of one record; `None` if absent or retracted.
    fn record_body(&self, rtype: RecordType, rid: &str) -> Result<Option<String>, StoreError>;

    /// The current events of a person, by date, those of one date in the order they were
    /// first recorded (their row keys, which a correction keeps): the order a full load
    /// gives events the timeline does not order, so a registry patched from these agrees
    /// with one loaded whole.
    fn events_of(&self, person: &str) -> Result<Vec<String>, StoreError>;

    /// The last log position written at or before an RFC 3339 UTC time; 0 if none.
    fn seq_at(&self, at: &str) -> Result<u64, StoreError>;

    /// Every log entry about one record, oldest first: its history.
    fn history(&self, rtype: RecordType, rid: &str) -> Result<Vec<Entry>, StoreError>;

    /// An account by name.
    fn account(&self, name: &str) -> Result<Option<accounts::Account>, StoreError>;

    /// Every account, by name.
    fn accounts(&self) -> Result<Vec<accounts::Account>, StoreError>;

    /// Creates or replaces an account, and records in the audit trail who did it.
    fn save_account(
        &self,
        account: &accounts::Account,
        audit: &accounts::AuditRow,
    ) -> Result<(), StoreError>;

    /// An API token by the hash of its secret.
    fn token(&self, hash: &str) -> Result<Option<accounts::TokenRow>, StoreError>;

    /// Every token, by the hash of its secret, oldest first.
    fn tokens(&self) -> Result<Vec<(String, accounts::TokenRow)>, StoreError>;

    /// Stores a token's hash (a new one, or a revocation of it), and records who did it.
    fn save_token(
        &self,
        hash: &str,
        token: &accounts::TokenRow,
        audit: &accounts::AuditRow,
    ) -> Result<(), StoreError>;

    /// Adds a line to the audit trail (reads of restricted records, account changes).
    fn record_audit(&self, row: &accounts::AuditRow) -> Result<(), StoreError>;

    /// The column mapping last confirmed for spreadsheets from `source` (the text of a
    /// `--mapping` file), if any.
    fn sheet_mapping(&self, source: &str) -> Result<Option<String>, StoreError>;

    /// Keeps `mapping` as the one to offer for `source`'s next sheet, and records who did
    /// it in the audit trail, in one transaction.
    fn save_sheet_mapping(
        &self,
        source: &str,
        mapping: &str,
        audit: &accounts::AuditRow,
    ) -> Result<(), StoreError>;

    /// The day arrays saved last (`counts::save`), whatever log position they were
    /// computed at: `counts::saved` says whether they are the current ones.
    fn saved_counts(&self) -> Result<Option<counts::Saved>, StoreError>;

    /// Replaces the saved day arrays. Beside the log: no entry, no audit line (they are
    /// derived, and recomputed by anyone who finds them out of date).
    fn save_counts(&self, saved: &counts::Saved) -> Result<(), StoreError>;

    /// The audit trail, newest first.
    fn audit_trail(&self, limit: usize) -> Result<Vec<accounts::AuditRow>, StoreError>;

    /// The whole audit chain, oldest first, as stored.
    fn audit_chain(&self) -> Result<Vec<accounts::ChainedAudit>, StoreError>;

    /// Walks the audit chain (see `accounts::verify_audit`): its head, or what is wrong.
    fn verify_audit(&self) -> Result<Result<accounts::AuditHead, String>, StoreError> {
        Ok(accounts::verify_audit(
            &self.audit_chain()?,
            &self.accounts()?,
            &self.tokens()?,
        ))
    }

    /// Every derived row, decoded, for [`derived::check`] to compare with a replay.
    fn derived_rows(&self) -> Result<derived::Rows, StoreError>;

    /// Recreates every derived table from the log, in one transaction: what repairs a
    /// file whose derived rows were damaged. The log, accounts, tokens and audit trail
    /// are left as they are. Refused (nothing changed) if the log's chain is broken.
    fn rebuild(&mut self) -> Result<Head, StoreError>;

    /// For an operation that fills or replaces the whole database (restore, rekey):
    /// refused while another process has it open, then held alone until dropped. A
    /// server database is shared by design, so the default holds nothing.
    fn hold_alone(&mut self) -> Result<(), StoreError> {
        Ok(())
    }

    /// The registry as it was known at log position `seq`, rebuilt by replaying the log.
    fn load_as_of(&self, seq: u64) -> Result<Registry, StoreError> {
        let mut replay = Replay::default();
        self.for_each_entry(Some(seq), &mut |e| {
            replay.push(e);
            Ok(())
        })?;
        replay
            .finish()
            .map_err(|e| StoreError::Damaged(e.to_string()))
    }

    /// Recomputes the hash chain from the first entry.
    fn verify(&self) -> Result<Result<Head, ChainError>, StoreError> {
        let mut v = Verifier::default();
        let mut failure = None;
        self.for_each_entry(None, &mut |e| {
            if failure.is_none() {
                if let Err(err) = v.push(&e) {
                    failure = Some(err);
                }
            }
            Ok(())
        })?;
        Ok(match failure {
            Some(err) => Err(err),
            None => Ok(Head {
                entries: v.entries(),
                hash: v.head(),
            }),
        })
    }
}

/// Who writes, when and why: what a caller gives of a log entry besides the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// RFC 3339 UTC, fixed width (the log's time format).
    pub at: String,
    pub actor: String,
    pub reason: Option<String>,
}

/// What one log entry does. A put carries a [`Parsed`] record, so the body the log
/// stores and the typed rows derived from it cannot disagree.
#[derive(Debug, Clone, Copy)]
pub enum Change<'a> {
    /// Creates the record, or (with `refers_to`, the entry it replaces) corrects it.
    Put {
        record: &'a Parsed,
        refers_to: Option<u64>,
        /// `Hash::of_body(record.canonical())`, which the caller has computed already to
        /// compare with the stored record: the `record` row keeps it.
        digest: Hash,
    },
    /// Withdraws the record that entry `refers_to` put.
    Retract {
        rtype: RecordType,
        rid: &'a str,
        refers_to: u64,
    },
}

impl Change<'_> {
    /// The record this change is about.
    #[must_use]
    pub fn target(&self) -> (RecordType, &str) {
        match self {
            Change::Put { record, .. } => (record.record().record_type(), record.record().id()),
            Change::Retract { rtype, rid, .. } => (*rtype, rid),
        }
    }

    /// The entry this change makes, chained at `seq` after `prev`.
    #[must_use]
    pub fn seal(&self, meta: &Meta, seq: u64, prev: Hash) -> Entry {
        let (rtype, rid) = self.target();
        let (op, refers_to, body) = match self {
            Change::Put {
                record, refers_to, ..
            } => (Op::Put, *refers_to, Some(record.canonical().to_string())),
            Change::Retract { refers_to, .. } => (Op::Retract, Some(*refers_to), None),
        };
        Draft {
            at: meta.at.clone(),
            actor: meta.actor.clone(),
            reason: meta.reason.clone(),
            op,
            rtype,
            rid: rid.to_string(),
            refers_to,
            body,
        }
        .seal(seq, prev)
    }
}

/// A write transaction. Callers outside this crate write through [`ops`], which checks
/// the domain's rules before it appends.
pub trait Writer {
    /// The current state of a record, including what this transaction wrote.
    fn current(&mut self, rtype: RecordType, rid: &str) -> Result<Option<Current>, StoreError>;

    /// The position the next appended entry will get.
    fn next_seq(&self) -> u64;

    /// The current canonical JSON of one record, including what this transaction wrote.
    fn record_body(&mut self, rtype: RecordType, rid: &str) -> Result<Option<String>, StoreError>;

    /// The current records that refer to a record (an event to its person, announcement
    /// and sources, a merge to its persons…): how many, and the first few of them.
    fn referrers(
        &mut self,
        rtype: RecordType,
        rid: &str,
    ) -> Result<(u64, Vec<(RecordType, String)>), StoreError>;

    /// Appends one entry and updates the derived tables, keeping each typed row's
    /// identity across corrections (so nothing that points at it is orphaned).
    fn append(&mut self, meta: &Meta, change: Change<'_>) -> Result<Entry, StoreError>;

    fn commit(self: Box<Self>) -> Result<Head, StoreError>;
}

/// Every current person, and every current merge as (kept, merged).
pub type PersonsAndMerges = (Vec<vigil_core::record::Person>, Vec<(String, String)>);

/// Every current person and every current merge, each type read alone: a list of
/// persons without reading the events.
pub fn persons_and_merges(store: &dyn Store) -> Result<PersonsAndMerges, StoreError> {
    use vigil_core::record::{parse_record, Parsed, Record};
    let (mut persons, mut merges) = (Vec::new(), Vec::new());
    store.records_of(RecordType::Person, &mut |body| {
        if let Ok(Record::Person(p)) = parse_record(body).map(Parsed::into_record) {
            persons.push(p);
        }
        Ok(())
    })?;
    store.records_of(RecordType::Merge, &mut |body| {
        if let Ok(Record::Merge(m)) = parse_record(body).map(Parsed::into_record) {
            merges.push((m.keep, m.merged));
        }
        Ok(())
    })?;
    Ok((persons, merges))
}
