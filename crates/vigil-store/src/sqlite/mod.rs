//! The SQLite backend: one file, WAL, migrations embedded from `migrations/sqlite/`.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use vigil_core::chain::{Entry, Hash, Op};
use vigil_core::record::{parse_record, Parsed, Record, RecordType};
use vigil_core::registry::{Builder, EventRow, Registry, NO_DETAIL};

use crate::accounts::{Account, AuditRow, ChainedAudit, TokenRow};
use crate::{derived, Current, Head, Store, StoreError, Writer};

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/sqlite/0001_init.sql"),
    include_str!("../../migrations/sqlite/0002_event_person.sql"),
    include_str!("../../migrations/sqlite/0003_accounts.sql"),
    include_str!("../../migrations/sqlite/0004_log_record.sql"),
    include_str!("../../migrations/sqlite/0005_reference.sql"),
    include_str!("../../migrations/sqlite/0006_token_expiry.sql"),
    include_str!("../../migrations/sqlite/0007_event_visibility.sql"),
    include_str!("../../migrations/sqlite/0008_audit_chain.sql"),
    include_str!("../../migrations/sqlite/0009_sheet_mapping.sql"),
    include_str!("../../migrations/sqlite/0010_event_details.sql"),
    include_str!("../../migrations/sqlite/0011_person_letters.sql"),
    include_str!("../../migrations/sqlite/0012_counts.sql"),
    include_str!("../../migrations/sqlite/0013_event_person_reference.sql"),
];

/// The newest schema that added a derived column (the person's letters; before it the
/// event's details, the event's visibility, the `reference` table): a file older than
/// this has its derived tables rebuilt from the log when it is brought up to date.
const DERIVED_SCHEMA: i64 = 11;

/// The page cache of a connection (negative: in KiB), and while a load reads the file.
const CACHE_KIB: i64 = -131_072;
const LOAD_CACHE_KIB: i64 = -8_192;

/// The first schema whose audit trail is chained: an older file's rows are linked when it
/// is brought up to date.
const AUDIT_CHAIN_SCHEMA: i64 = 8;

/// A registry in one SQLite file, encrypted with SQLCipher when opened with a key.
pub struct SqliteStore {
    conn: Connection,
    /// The file, for the second connection that loads events in parallel.
    path: std::path::PathBuf,
    /// The SQLCipher passphrase, held in memory only: never written to the database.
    key: Option<String>,
    /// The file itself, held with a shared lock (`flock`, apart from SQLite's own
    /// locks) while this store is open, so a whole-file operation in another process
    /// (rekey, restore) can tell that someone would go on writing to the old file.
    presence: Option<std::fs::File>,
}

/// Applies the SQLCipher key (the first statement on a connection) and checks that the
/// file can be read with it.
fn unlock(conn: &Connection, path: &Path, key: Option<&str>) -> Result<(), StoreError> {
    // SQLCipher would print decryption failures on stderr; the error below says it once.
    let _ = conn.pragma_update(None, "cipher_log_level", "NONE");
    if let Some(key) = key {
        conn.pragma_update(None, "key", key)?;
    }
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map(|_| ())
    .map_err(|e| StoreError::Locked {
        path: path.display().to_string(),
        why: if key.is_some() {
            format!("the key does not open it ({e})")
        } else {
            format!("it is encrypted: give its key with --key-file or VIGIL_DB_KEY ({e})")
        },
    })
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        Self::open_keyed(path, None)
    }

    /// As [`SqliteStore::open`], encrypted with `key` (a new file is created encrypted).
    pub fn open_keyed(path: &Path, key: Option<&str>) -> Result<SqliteStore, StoreError> {
        let conn = Connection::open(path)?;
        Self::setup(conn, path, key)
    }

    /// Opens an existing database without creating it or changing its schema.
    pub fn open_existing(path: &Path) -> Result<SqliteStore, StoreError> {
        Self::open_existing_keyed(path, None)
    }

    pub fn open_existing_keyed(path: &Path, key: Option<&str>) -> Result<SqliteStore, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::setup(conn, path, key)
    }

    /// Makes sure no other process has the file open, for an operation that replaces or
    /// refills it, and holds it exclusively until the store is dropped. Refused while
    /// another vigil (a running `vigil serve`, say) has it open: its writes would be lost.
    pub fn alone(&mut self) -> Result<(), StoreError> {
        if let Some(own) = self.presence.take() {
            let _ = own.unlock();
        }
        let f = std::fs::File::open(&self.path).map_err(|e| StoreError::Io {
            what: format!("opening {}", self.path.display()),
            source: e,
        })?;
        match f.try_lock() {
            Ok(()) => {
                self.presence = Some(f);
                Ok(())
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                // Back to sharing, as before.
                if f.lock_shared().is_ok() {
                    self.presence = Some(f);
                }
                Err(StoreError::Busy(format!(
                    "another vigil process (a running `vigil serve`?) has {} open; stop it first, or its writes would go to the old file",
                    self.path.display()
                )))
            }
            Err(std::fs::TryLockError::Error(e)) => Err(StoreError::Io {
                what: format!("locking {}", self.path.display()),
                source: e,
            }),
        }
    }

    /// Whether the file is encrypted (opened with a key).
    #[must_use]
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Changes the encryption: a new key for an encrypted file, or encrypts a plain one,
    /// or (with `None`) decrypts. The file is rewritten; the old key no longer opens it.
    pub fn rekey(mut self, new: Option<&str>) -> Result<SqliteStore, StoreError> {
        self.alone()?;
        let path = self.path.clone();
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        match (&self.key, new) {
            (Some(_), Some(new)) => {
                self.conn.pragma_update(None, "rekey", new)?;
                drop(self);
            }
            (_, new) => {
                // Between plain and encrypted: export into a new file, then replace.
                let tmp = path.with_extension("rekey-tmp");
                // An empty file is an empty database: the connection may not create files.
                std::fs::File::create(&tmp).map_err(|e| StoreError::Io {
                    what: format!("creating {}", tmp.display()),
                    source: e,
                })?;
                self.conn.execute(
                    "ATTACH DATABASE ?1 AS target KEY ?2",
                    rusqlite::params![tmp.to_string_lossy(), new.unwrap_or("")],
                )?;
                self.conn
                    .query_row("SELECT sqlcipher_export('target')", [], |_| Ok(()))?;
                let version: i64 = self
                    .conn
                    .pragma_query_value(None, "user_version", |r| r.get(0))?;
                self.conn
                    .execute_batch(&format!("PRAGMA target.user_version = {version}"))?;
                self.conn.execute("DETACH DATABASE target", [])?;
                drop(self);
                for suffix in ["-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(std::path::PathBuf::from(p));
                }
                std::fs::rename(&tmp, &path).map_err(|e| StoreError::Io {
                    what: format!("replacing {} after rekey", path.display()),
                    source: e,
                })?;
            }
        }
        SqliteStore::open_existing_keyed(&path, new)
    }

    fn setup(conn: Connection, path: &Path, key: Option<&str>) -> Result<SqliteStore, StoreError> {
        unlock(&conn, path, key)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", CACHE_KIB)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                path: path.display().to_string(),
                found: version,
                known,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
            tx.commit()?;
        }
        let presence = std::fs::File::open(path).ok();
        if let Some(f) = &presence {
            f.lock_shared().map_err(|e| StoreError::Io {
                what: format!("taking a shared lock on {}", path.display()),
                source: e,
            })?;
        }
        let mut store = SqliteStore {
            conn,
            path: path.to_path_buf(),
            key: key.map(str::to_string),
            presence,
        };
        if version > 0 && version < DERIVED_SCHEMA && store.head()?.entries > 0 {
            // The new derived rows and columns (and any row a bug of an older vigil
            // damaged) come from the log.
            store.rebuild_derived()?;
        }
        if version > 0 && version < AUDIT_CHAIN_SCHEMA {
            store.start_audit_chain()?;
        }
        Ok(store)
    }

    /// A consistent copy of the whole database file at `path` (`VACUUM INTO`), taken
    /// while others may be writing.
    pub fn vacuum_into(&self, path: &Path) -> Result<(), StoreError> {
        if self.key.is_some() {
            return Err(StoreError::Unsupported(
                "a file copy of an encrypted database is not made here: back up the log (a .jsonl file) and keep it encrypted yourself".into(),
            ));
        }
        self.conn
            .execute("VACUUM INTO ?1", [path.to_string_lossy()])?;
        Ok(())
    }

    /// The raw connection, for tests that play an attacker with plain SQL.
    #[must_use]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

fn entry_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Entry, String>> {
    let seq: i64 = row.get(0)?;
    let op: String = row.get(4)?;
    let rtype: String = row.get(5)?;
    let prev: Vec<u8> = row.get(9)?;
    let hash: Vec<u8> = row.get(10)?;
    let parts = (
        Op::parse(&op),
        RecordType::parse(&rtype),
        Hash::from_slice(&prev),
        Hash::from_slice(&hash),
    );
    let (Some(op), Some(rtype), Some(prev), Some(hash)) = parts else {
        return Ok(Err(format!(
            "log entry {seq} has an unreadable op, type or hash"
        )));
    };
    Ok(Ok(Entry {
        seq: seq as u64,
        at: row.get(1)?,
        actor: row.get(2)?,
        reason: row.get(3)?,
        op,
        rtype,
        rid: row.get(6)?,
        refers_to: row.get::<_, Option<i64>>(7)?.map(|s| s as u64),
        body: row.get(8)?,
        prev,
        hash,
    }))
}

fn head_of(conn: &Connection) -> Result<Head, StoreError> {
    let row: Option<(i64, Vec<u8>)> = conn
        .query_row(
            "SELECT seq, hash FROM log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match row {
        None => Head {
            entries: 0,
            hash: Hash::GENESIS,
        },
        Some((seq, hash)) => Head {
            entries: seq as u64,
            hash: Hash::from_slice(&hash).ok_or_else(|| {
                StoreError::Damaged(format!("log entry {seq} has a malformed hash"))
            })?,
        },
    })
}

fn current_of(
    conn: &Connection,
    rtype: RecordType,
    rid: &str,
) -> Result<Option<(Current, Option<i64>)>, StoreError> {
    let mut st = conn.prepare_cached(
        "SELECT seq, digest, retracted, pk FROM record WHERE rtype = ?1 AND rid = ?2",
    )?;
    let row = st
        .query_row(params![rtype.as_str(), rid], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Vec<u8>>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, Option<i64>>(3)?,
            ))
        })
        .optional()?;
    row.map(|r| crate::current_from(rtype, rid, r)).transpose()
}

impl SqliteStore {
    /// A writer in an immediate transaction; with `import`, one that takes the bulk path
    /// when the file is empty, with a rollback journal if it has the file alone (`bulk.rs`).
    fn writer(&mut self, import: bool) -> Result<Box<dyn Writer + '_>, StoreError> {
        let journal = if import {
            bulk::Journal::for_import(&self.conn)?
        } else {
            bulk::Journal::wal()
        };
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let head = head_of(&tx)?;
        let bulk = if import {
            bulk::Bulk::start(&tx)?
        } else {
            None
        };
        Ok(Box::new(SqliteWriter {
            tx,
            head,
            person_pk: HashMap::default(),
            memo: None,
            derived_only: false,
            bulk,
            journal,
        }))
    }
}

impl SqliteStore {
    /// The registry, its persons and events read from one snapshot: events on a second
    /// connection while persons are read here, both at the same log position (checked by
    /// the position each sees, retried if a write landed in between).
    fn load_snapshot(&self) -> Result<Registry, StoreError> {
        loop {
            let tx = self.conn.unchecked_transaction()?;
            let seq = log_position(&tx)?;
            let (registry, events_seq) = std::thread::scope(|scope| {
                let path = self.path.as_path();
                let key = self.key.as_deref();
                let (to, from) = std::sync::mpsc::sync_channel(load::CHUNKS_AHEAD);
                let events = scope.spawn(move || read_events(path, key, &to));
                let mut b = Builder::with_capacity(max_pk(&tx, "person")?, max_pk(&tx, "event")?);
                let index_of_pk = read_persons(&tx, &mut b)?;
                export_type_in(&tx, RecordType::Place, &mut |body| {
                    if let Record::Place(p) = reparse(body)? {
                        b.add_place(p);
                    }
                    Ok(())
                })?;
                export_type_in(&tx, RecordType::Announcement, &mut |body| {
                    if let Record::Announcement(a) = reparse(body)? {
                        b.add_announcement(a);
                    }
                    Ok(())
                })?;
                export_type_in(&tx, RecordType::Figure, &mut |body| {
                    if let Record::Figure(f) = reparse(body)? {
                        b.add_figure(f);
                    }
                    Ok(())
                })?;
                export_type_in(&tx, RecordType::Merge, &mut |body| {
                    if let Record::Merge(m) = reparse(body)? {
                        b.add_merge(m.keep, m.merged);
                    }
                    Ok(())
                })?;
                for e in from.iter().flatten() {
                    let person = index_of_pk
                        .get(e.person_pk as usize)
                        .copied()
                        .filter(|&i| i != u32::MAX)
                        .ok_or_else(|| orphan_event(&tx, e.person_pk))?;
                    let announcement = e.announcement.as_deref().map(|a| b.announcement_slot(a));
                    let row = EventRow {
                        person,
                        fact: e.fact,
                        visibility: e.visibility,
                        reason: e.reason,
                        announcement,
                        detail: NO_DETAIL,
                    };
                    match &e.details {
                        Some(d) => b.add_event_with(row, e.fact.kind, d),
                        None => b.add_event(row),
                    }
                }
                drop(from);
                let events_seq = events.join().expect("event reader does not panic")?;
                Ok::<_, StoreError>((b.finish(), events_seq))
            })?;
            tx.commit()?;
            if events_seq == seq {
                return Ok(registry);
            }
        }
    }
}

impl Store for SqliteStore {
    fn begin(&mut self) -> Result<Box<dyn Writer + '_>, StoreError> {
        self.writer(false)
    }

    fn begin_import(&mut self) -> Result<Box<dyn Writer + '_>, StoreError> {
        self.writer(true)
    }

    fn head(&self) -> Result<Head, StoreError> {
        head_of(&self.conn)
    }

    fn for_each_entry(
        &self,
        upto: Option<u64>,
        visit: &mut dyn FnMut(Entry) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut st = self.conn.prepare(
            "SELECT seq, at, actor, reason, op, rtype, rid, refers_to, body, prev, hash FROM log WHERE seq <= ?1 ORDER BY seq",
        )?;
        let mut rows = st.query([upto.map_or(i64::MAX, |u| u as i64)])?;
        while let Some(row) = rows.next()? {
            visit(entry_from_row(row)?.map_err(StoreError::Damaged)?)?;
        }
        Ok(())
    }

    fn entries_after(&self, after: u64) -> Result<Vec<Entry>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT seq, at, actor, reason, op, rtype, rid, refers_to, body, prev, hash FROM log WHERE seq > ?1 ORDER BY seq",
        )?;
        let mut rows = st.query([after as i64])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(entry_from_row(row)?.map_err(StoreError::Damaged)?);
        }
        Ok(out)
    }

    fn load(&self) -> Result<Registry, StoreError> {
        // A load reads each page once, so a large page cache would only keep what is not
        // read again (128 MiB of a 10M-event registry's 1.3 GB): small while loading.
        self.conn
            .pragma_update(None, "cache_size", LOAD_CACHE_KIB)?;
        let loaded = self.load_snapshot();
        self.conn.pragma_update(None, "cache_size", CACHE_KIB)?;
        loaded
    }

    fn export(
        &self,
        visit: &mut dyn FnMut(RecordType, &str) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        for &rtype in RecordType::ALL {
            self.export_type(rtype, &mut |body| visit(rtype, body))?;
        }
        Ok(())
    }

    fn records_of(&self, t: RecordType, visit: &mut Visit<'_>) -> Result<(), StoreError> {
        export_type_in(&self.conn, t, visit)
    }

    fn current(&self, rtype: RecordType, rid: &str) -> Result<Option<Current>, StoreError> {
        Ok(current_of(&self.conn, rtype, rid)?.map(|(c, _)| c))
    }

    fn record_body(&self, rtype: RecordType, rid: &str) -> Result<Option<String>, StoreError> {
        record_body_in(&self.conn, rtype, rid)
    }

    fn derived_rows(&self) -> Result<derived::Rows, StoreError> {
        self.read_derived()
    }

    fn rebuild(&mut self) -> Result<Head, StoreError> {
        self.rebuild_derived()
    }

    fn hold_alone(&mut self) -> Result<(), StoreError> {
        self.alone()
    }

    fn events_of(&self, person: &str) -> Result<Vec<String>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT l.body FROM record p JOIN event e ON e.person_pk = p.pk
             JOIN record r ON r.rtype = 'event' AND r.rid = e.id JOIN log l ON l.seq = r.seq
             WHERE p.rtype = 'person' AND p.rid = ?1 AND p.retracted = 0 ORDER BY e.date, e.pk",
        )?;
        let rows = st.query_map([person], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn history(&self, rtype: RecordType, rid: &str) -> Result<Vec<Entry>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT seq, at, actor, reason, op, rtype, rid, refers_to, body, prev, hash FROM log WHERE rtype = ?1 AND rid = ?2 ORDER BY seq",
        )?;
        let mut rows = st.query(params![rtype.as_str(), rid])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(entry_from_row(row)?.map_err(StoreError::Damaged)?);
        }
        Ok(out)
    }

    fn account(&self, name: &str) -> Result<Option<Account>, StoreError> {
        self.conn
            .prepare_cached("SELECT name, role, hash, disabled FROM account WHERE name = ?1")?
            .query_row([name], account_row)
            .optional()?
            .transpose()
    }

    fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT name, role, hash, disabled FROM account ORDER BY name")?;
        let rows = st.query_map([], account_row)?;
        rows.map(|r| r.map_err(StoreError::from)?).collect()
    }

    fn save_account(&self, a: &Account, audit: &AuditRow) -> Result<(), StoreError> {
        let tx = self.audit_transaction()?;
        tx.execute(
            "INSERT INTO account (name, role, hash, disabled) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (name) DO UPDATE SET role = excluded.role, hash = excluded.hash, disabled = excluded.disabled",
            params![a.name, a.role.as_str(), a.hash, a.disabled],
        )?;
        insert_audit(&tx, audit, Some(&crate::accounts::account_state(a)))?;
        tx.commit()?;
        Ok(())
    }

    fn token(&self, hash: &str) -> Result<Option<TokenRow>, StoreError> {
        Ok(self
            .tokens()?
            .into_iter()
            .find(|(h, _)| h == hash)
            .map(|(_, t)| t))
    }

    fn tokens(&self) -> Result<Vec<(String, TokenRow)>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT hash, name, role, created, revoked, expires FROM token ORDER BY created, hash",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, bool>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        rows.map(|r| crate::accounts::token_row(r?)).collect()
    }

    fn save_token(&self, hash: &str, t: &TokenRow, audit: &AuditRow) -> Result<(), StoreError> {
        let tx = self.audit_transaction()?;
        tx.execute(
            "INSERT INTO token (hash, name, role, created, revoked, expires) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (hash) DO UPDATE SET revoked = excluded.revoked, expires = excluded.expires",
            params![hash, t.name, t.role.as_str(), t.created, t.revoked, t.expires],
        )?;
        insert_audit(&tx, audit, Some(&crate::accounts::token_state(hash, t)))?;
        tx.commit()?;
        Ok(())
    }

    fn sheet_mapping(&self, source: &str) -> Result<Option<String>, StoreError> {
        self.load_sheet_mapping(source)
    }

    fn save_sheet_mapping(&self, source: &str, m: &str, a: &AuditRow) -> Result<(), StoreError> {
        self.store_sheet_mapping(source, m, a)
    }

    fn saved_counts(&self) -> Result<Option<crate::counts::Saved>, StoreError> {
        self.load_counts()
    }

    fn save_counts(&self, saved: &crate::counts::Saved) -> Result<(), StoreError> {
        self.store_counts(saved)
    }

    fn record_audit(&self, row: &AuditRow) -> Result<(), StoreError> {
        let tx = self.audit_transaction()?;
        insert_audit(&tx, row, None)?;
        tx.commit()?;
        Ok(())
    }

    fn audit_chain(&self) -> Result<Vec<ChainedAudit>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT at, actor, action, subject, state, coalesce(hash, '') FROM audit ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(ChainedAudit {
                row: AuditRow {
                    at: r.get(0)?,
                    actor: r.get(1)?,
                    action: r.get(2)?,
                    subject: r.get(3)?,
                },
                state: r.get(4)?,
                hash: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn audit_trail(&self, limit: usize) -> Result<Vec<AuditRow>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT at, actor, action, subject FROM audit ORDER BY id DESC LIMIT ?1")?;
        let rows = st.query_map([limit as i64], |r| {
            Ok(AuditRow {
                at: r.get(0)?,
                actor: r.get(1)?,
                action: r.get(2)?,
                subject: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn seq_at(&self, at: &str) -> Result<u64, StoreError> {
        let seq: Option<i64> =
            self.conn
                .query_row("SELECT max(seq) FROM log WHERE at <= ?1", [at], |r| {
                    r.get(0)
                })?;
        Ok(seq.unwrap_or(0) as u64)
    }
}

/// The log position a read transaction sees.
fn log_position(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT coalesce(max(seq), 0) FROM log", [], |r| r.get(0))?)
}

/// Row ids only grow, so the largest is a cheap upper bound on a table's row count.
fn max_pk(conn: &Connection, table: &str) -> Result<usize, StoreError> {
    let n: Option<i64> =
        conn.query_row(&format!("SELECT max(pk) FROM {table}"), [], |r| r.get(0))?;
    Ok(n.unwrap_or(0) as usize)
}

/// The error for an event whose person row is missing, naming the event.
fn orphan_event(conn: &Connection, person_pk: i64) -> StoreError {
    let id: Option<String> = conn
        .query_row(
            "SELECT id FROM event WHERE person_pk = ?1 LIMIT 1",
            [person_pk],
            |r| r.get(0),
        )
        .optional()
        .ok()
        .flatten();
    StoreError::Damaged(format!(
        "event '{}' points at person row {person_pk}, which is not there: the derived tables disagree with the log; `vigil verify` names what differs, `vigil db rebuild` repairs it",
        id.unwrap_or_default()
    ))
}

fn export_type_in(
    conn: &Connection,
    rtype: RecordType,
    visit: &mut dyn FnMut(&str) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut st = conn.prepare_cached(
        "SELECT l.body FROM record r JOIN log l ON l.seq = r.seq WHERE r.rtype = ?1 AND r.retracted = 0 ORDER BY r.rid",
    )?;
    let mut rows = st.query([rtype.as_str()])?;
    while let Some(row) = rows.next()? {
        let body = row
            .get_ref(0)?
            .as_str()
            .map_err(|_| StoreError::Damaged(format!("a {rtype} body is not text")))?;
        visit(body)?;
    }
    Ok(())
}

fn reparse(body: &str) -> Result<Record, StoreError> {
    parse_record(body)
        .map(Parsed::into_record)
        .map_err(|e| StoreError::Damaged(format!("a stored record no longer parses: {e}")))
}

type Visit<'a> = dyn FnMut(&str) -> Result<(), StoreError> + 'a;

impl SqliteStore {
    fn export_type(&self, rtype: RecordType, visit: &mut Visit<'_>) -> Result<(), StoreError> {
        export_type_in(&self.conn, rtype, visit)
    }
}

mod accounts;
mod bulk;
use accounts::{account_row, insert_audit};
mod load;
mod writer;

use load::{read_events, read_persons};
use writer::{record_body_in, SqliteWriter};
