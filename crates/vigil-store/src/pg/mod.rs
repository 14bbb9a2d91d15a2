//! The PostgreSQL backend (sqlx): the same tables and the same rules as SQLite's, for a
//! team server. The `Store` trait is synchronous (the CLI and the counting engine are), so
//! the store owns a small tokio runtime and blocks on it; callers inside an async server
//! reach it from blocking threads, as they do SQLite.
//!
//! Writers are serialised in the database: `begin` takes a transaction-scoped advisory
//! lock before reading the log's head, so any number of processes append to one chain.
//! It is longer than 800 lines because the `Store` trait's PostgreSQL implementation is
//! one impl block (its SQL helpers are already in `accounts.rs` and `writer.rs`); the next
//! method added should move the loading into its own file, as SQLite's `load.rs`.

use std::collections::HashMap;
use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::{Connection, PgPool, Row};
use vigil_core::chain::{Entry, Hash, Op};
use vigil_core::custody::EventFact;
use vigil_core::date::PartialDate;
use vigil_core::record::{
    parse_record, person_letters_of, EventDetails, EventKind, Health, Parsed, Record, RecordType,
    ReleaseReason, Sex, Visibility,
};
use vigil_core::registry::{Builder, EventRow, PersonParts, Registry, NO_DETAIL};

use crate::accounts::{Account, AuditRow, ChainedAudit, Role, TokenRow};
use crate::{derived, Current, Head, Store, StoreError, Writer};

/// Schema migrations, applied in order; `vigil_schema` records how many ran.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/postgres/0001_init.sql"),
    include_str!("../../migrations/postgres/0002_accounts.sql"),
    include_str!("../../migrations/postgres/0003_log_record.sql"),
    include_str!("../../migrations/postgres/0004_reference.sql"),
    include_str!("../../migrations/postgres/0005_token_expiry.sql"),
    include_str!("../../migrations/postgres/0006_event_visibility.sql"),
    include_str!("../../migrations/postgres/0007_audit_chain.sql"),
    include_str!("../../migrations/postgres/0008_sheet_mapping.sql"),
    include_str!("../../migrations/postgres/0009_event_details.sql"),
    include_str!("../../migrations/postgres/0010_person_letters.sql"),
    include_str!("../../migrations/postgres/0011_counts.sql"),
    include_str!("../../migrations/postgres/0012_event_person_reference.sql"),
];

/// The newest schema that added a derived column (the person's letters; before it the
/// event's details, the event's visibility, the `reference` table): an older database
/// has its derived tables rebuilt from the log when it is brought up to date.
const DERIVED_SCHEMA: i64 = 10;

/// The first schema whose audit trail is chained: an older database's rows are linked
/// when it is brought up to date.
const AUDIT_CHAIN_SCHEMA: i64 = 7;

/// The advisory lock key of the audit chain's writers ("audit" in ASCII).
const AUDIT_LOCK: i64 = 0x0061_7564_6974;

/// The advisory lock key every writer takes ("vigil" in ASCII).
const WRITE_LOCK: i64 = 0x0076_6967_696c;

/// A registry in a PostgreSQL database.
pub struct PgStore {
    rt: tokio::runtime::Runtime,
    pool: PgPool,
    url: String,
}

#[allow(clippy::needless_pass_by_value)] // shaped for `map_err`
fn pg(e: sqlx::Error) -> StoreError {
    StoreError::Postgres(e.to_string())
}

impl PgStore {
    /// Connects and brings the schema up to date. `schema`, when given, is created if
    /// needed and used as the search path (tests use one schema each).
    pub fn open(url: &str, schema: Option<&str>) -> Result<PgStore, StoreError> {
        // One worker thread: a writer's batch of rows is sent while the writer gathers the
        // next one (`batch.rs`); everything else runs in `block_on` on the caller's thread.
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|e| StoreError::Postgres(format!("starting the client runtime: {e}")))?;
        let mut options = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError::Postgres(format!("{}: {e}", redact(url))))?;
        if let Some(s) = schema {
            if s.is_empty() || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(StoreError::Postgres(format!(
                    "schema name '{s}': use letters, digits and _ only"
                )));
            }
            options = options.options([("search_path", s)]);
        }
        let pool = rt.block_on(async {
            if let Some(s) = schema {
                let mut c = sqlx::PgConnection::connect_with(
                    &options.clone().options([("search_path", "public")]),
                )
                .await?;
                // A schema name is an identifier: letters, digits and _ only (checked).
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "CREATE SCHEMA IF NOT EXISTS \"{s}\""
                )))
                .execute(&mut c)
                .await?;
            }
            PgPoolOptions::new()
                .max_connections(4)
                .connect_with(options)
                .await
        });
        let pool = pool.map_err(|e| StoreError::Postgres(format!("{}: {e}", redact(url))))?;
        let store = PgStore {
            rt,
            pool,
            url: redact(url),
        };
        let mut store = store;
        let from = store.migrate()?;
        if from > 0 && from < DERIVED_SCHEMA && store.head()?.entries > 0 {
            // The new derived rows and columns (and any row a bug of an older vigil
            // damaged) come from the log.
            store.rebuild()?;
        }
        if from > 0 && from < AUDIT_CHAIN_SCHEMA {
            store.start_audit_chain()?;
        }
        Ok(store)
    }

    /// Applies what migrations are missing; returns the version found.
    fn migrate(&self) -> Result<i64, StoreError> {
        self.rt.block_on(async {
            let mut tx = self.pool.begin().await.map_err(pg)?;
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(WRITE_LOCK)
                .execute(&mut *tx)
                .await
                .map_err(pg)?;
            sqlx::query("CREATE TABLE IF NOT EXISTS vigil_schema (version BIGINT NOT NULL)")
                .execute(&mut *tx)
                .await
                .map_err(pg)?;
            let version: Option<i64> = sqlx::query_scalar("SELECT max(version) FROM vigil_schema")
                .fetch_one(&mut *tx)
                .await
                .map_err(pg)?;
            let version = version.unwrap_or(0);
            let known = MIGRATIONS.len() as i64;
            if version > known {
                return Err(StoreError::TooNew {
                    path: self.url.clone(),
                    found: version,
                    known,
                });
            }
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
                sqlx::raw_sql(*sql).execute(&mut *tx).await.map_err(pg)?;
                sqlx::query("INSERT INTO vigil_schema (version) VALUES ($1)")
                    .bind(i as i64 + 1)
                    .execute(&mut *tx)
                    .await
                    .map_err(pg)?;
            }
            tx.commit().await.map_err(pg)?;
            Ok(version)
        })
    }

    /// Opens a write transaction under the write lock.
    fn begin_writer(&self, derived_only: bool) -> Result<PgWriter<'_>, StoreError> {
        let (tx, head) = self.rt.block_on(async {
            let mut tx = self.pool.begin().await.map_err(pg)?;
            // One writer at a time across every process sharing the database.
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(WRITE_LOCK)
                .execute(&mut *tx)
                .await
                .map_err(pg)?;
            let head = head_of(&mut tx).await?;
            // Row keys are given here, under the lock: rows go in batches.
            let pks: (i64, i64) = sqlx::query_as(
                "SELECT (SELECT coalesce(max(pk), 0) FROM person), (SELECT coalesce(max(pk), 0) FROM event)",
            )
            .fetch_one(&mut *tx)
            .await
            .map_err(pg)?;
            Ok::<_, StoreError>((tx, head, pks))
        })
        .map(|(tx, head, pks)| (tx, (head, pks)))?;
        let (head, pks) = head;
        let mut w = PgWriter::new(&self.rt, self.pool.clone(), tx, head, pks);
        w.derived_only = derived_only;
        Ok(w)
    }

    /// Runs plain SQL, for tests that play an attacker.
    pub fn execute_raw(&self, sql: &str) -> Result<(), StoreError> {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        self.rt
            .block_on(async { sqlx::raw_sql(sql).execute(&self.pool).await })
            .map(|_| ())
            .map_err(pg)
    }
}

/// A URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:…{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

fn entry_from_row(row: &PgRow) -> Result<Entry, StoreError> {
    let seq: i64 = row.try_get(0).map_err(pg)?;
    let op: String = row.try_get(4).map_err(pg)?;
    let rtype: String = row.try_get(5).map_err(pg)?;
    let prev: Vec<u8> = row.try_get(9).map_err(pg)?;
    let hash: Vec<u8> = row.try_get(10).map_err(pg)?;
    let parts = (
        Op::parse(&op),
        RecordType::parse(&rtype),
        Hash::from_slice(&prev),
        Hash::from_slice(&hash),
    );
    let (Some(op), Some(rtype), Some(prev), Some(hash)) = parts else {
        return Err(StoreError::Damaged(format!(
            "log entry {seq} has an unreadable op, type or hash"
        )));
    };
    Ok(Entry {
        seq: seq as u64,
        at: row.try_get(1).map_err(pg)?,
        actor: row.try_get(2).map_err(pg)?,
        reason: row.try_get(3).map_err(pg)?,
        op,
        rtype,
        rid: row.try_get(6).map_err(pg)?,
        refers_to: row
            .try_get::<Option<i64>, _>(7)
            .map_err(pg)?
            .map(|s| s as u64),
        body: row.try_get(8).map_err(pg)?,
        prev,
        hash,
    })
}

async fn head_of(conn: &mut sqlx::PgConnection) -> Result<Head, StoreError> {
    let row: Option<(i64, Vec<u8>)> =
        sqlx::query_as("SELECT seq, hash FROM log ORDER BY seq DESC LIMIT 1")
            .fetch_optional(conn)
            .await
            .map_err(pg)?;
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

async fn current_of(
    conn: &mut sqlx::PgConnection,
    rtype: RecordType,
    rid: &str,
) -> Result<Option<(Current, Option<i64>)>, StoreError> {
    let row: Option<(i64, Vec<u8>, bool, Option<i64>)> = sqlx::query_as(
        "SELECT seq, digest, retracted, pk FROM record WHERE rtype = $1 AND rid = $2",
    )
    .bind(rtype.as_str())
    .bind(rid)
    .fetch_optional(conn)
    .await
    .map_err(pg)?;
    row.map(|r| crate::current_from(rtype, rid, r)).transpose()
}

async fn bodies(
    conn: &mut sqlx::PgConnection,
    rtype: RecordType,
) -> Result<Vec<String>, StoreError> {
    sqlx::query_scalar(
        "SELECT l.body FROM record r JOIN log l ON l.seq = r.seq WHERE r.rtype = $1 AND NOT r.retracted ORDER BY r.rid COLLATE \"C\"",
    )
    .bind(rtype.as_str())
    .fetch_all(conn)
    .await
    .map_err(pg)
}

fn account_of(
    (name, role, hash, disabled): (String, String, String, bool),
) -> Result<Account, StoreError> {
    Ok(Account {
        role: Role::parse(&role)
            .ok_or_else(|| StoreError::Damaged(format!("account {name}: role {role}")))?,
        name,
        hash,
        disabled,
    })
}

fn reparse(body: &str) -> Result<Record, StoreError> {
    parse_record(body)
        .map(Parsed::into_record)
        .map_err(|e| StoreError::Damaged(format!("a stored record no longer parses: {e}")))
}

impl PgStore {
    /// Visits log entries after `after` up to `upto` (all when `None`), in pages, so a
    /// long log is never held in memory at once.
    fn entries_between(
        &self,
        mut after: i64,
        upto: Option<u64>,
        visit: &mut dyn FnMut(Entry) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let upto = upto.map_or(i64::MAX, |u| u as i64);
        loop {
            let rows = self.rt.block_on(
                sqlx::query(
                    "SELECT seq, at, actor, reason, op, rtype, rid, refers_to, body, prev, hash FROM log WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT 10000",
                )
                .bind(after)
                .bind(upto)
                .fetch_all(&self.pool),
            )
            .map_err(pg)?;
            if rows.is_empty() {
                return Ok(());
            }
            for row in &rows {
                let e = entry_from_row(row)?;
                after = e.seq as i64;
                visit(e)?;
            }
        }
    }
}

impl Store for PgStore {
    fn begin(&mut self) -> Result<Box<dyn Writer + '_>, StoreError> {
        Ok(Box::new(self.begin_writer(false)?))
    }

    fn begin_import(&mut self) -> Result<Box<dyn Writer + '_>, StoreError> {
        let mut w = self.begin_writer(false)?;
        let rt = w.rt;
        w.bulk = rt.block_on(bulk::PgBulk::start(w.tx()?))?;
        // An empty registry: nothing to look up but what this writer writes.
        w.preloaded |= w.bulk.is_some();
        Ok(Box::new(w))
    }

    fn head(&self) -> Result<Head, StoreError> {
        self.rt.block_on(async {
            let mut c = self.pool.acquire().await.map_err(pg)?;
            head_of(&mut c).await
        })
    }

    fn for_each_entry(
        &self,
        upto: Option<u64>,
        visit: &mut dyn FnMut(Entry) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.entries_between(0, upto, visit)
    }

    fn entries_after(&self, after: u64) -> Result<Vec<Entry>, StoreError> {
        let mut out = Vec::new();
        self.entries_between(after as i64, None, &mut |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    fn load(&self) -> Result<Registry, StoreError> {
        self.rt.block_on(async {
            // One snapshot for every table.
            let mut tx = self.pool.begin().await.map_err(pg)?;
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .execute(&mut *tx)
                .await
                .map_err(pg)?;
            let persons = sqlx::query(
                "SELECT pk, id, sex, birth, country, region, roles, health, prominent, visibility, letters FROM person",
            )
            .fetch_all(&mut *tx)
            .await
            .map_err(pg)?;
            let events = sqlx::query(
                "SELECT pk, person_pk, kind, date, reason, announcement, id, visibility, details FROM event ORDER BY pk",
            )
            .fetch_all(&mut *tx)
            .await
            .map_err(pg)?;
            let mut b = Builder::with_capacity(persons.len(), events.len());
            let mut index_of_pk: HashMap<i64, u32> = HashMap::with_capacity(persons.len());
            let mut roles_cache: HashMap<String, Vec<String>> = HashMap::new();
            let mut health_cache: HashMap<String, Vec<Health>> = HashMap::new();
            for r in &persons {
                let pk: i64 = r.try_get(0).map_err(pg)?;
                let id: String = r.try_get(1).map_err(pg)?;
                let bad = |field: &str| {
                    StoreError::Damaged(format!("person '{id}': stored {field} is unreadable"))
                };
                let text = |i: usize| r.try_get::<Option<String>, _>(i).map_err(pg);
                let sex = text(2)?
                    .map(|s| Sex::parse(&s).ok_or_else(|| bad("sex")))
                    .transpose()?;
                let birth = text(3)?
                    .map(|s| s.parse::<PartialDate>().map_err(|_| bad("birth date")))
                    .transpose()?;
                let roles_text = text(6)?;
                if let Some(j) = &roles_text {
                    if !roles_cache.contains_key(j) {
                        roles_cache.insert(j.clone(), serde_json::from_str(j).map_err(|_| bad("roles"))?);
                    }
                }
                let health_text = text(7)?;
                if let Some(j) = &health_text {
                    if !health_cache.contains_key(j) {
                        let names: Vec<String> = serde_json::from_str(j).map_err(|_| bad("health"))?;
                        let health = names
                            .iter()
                            .map(|h| Health::parse(h).ok_or_else(|| bad("health")))
                            .collect::<Result<_, _>>()?;
                        health_cache.insert(j.clone(), health);
                    }
                }
                let country = text(4)?;
                let region = text(5)?;
                let visibility: String = r.try_get(9).map_err(pg)?;
                let parts = PersonParts {
                    id: &id,
                    sex,
                    birth,
                    country: country.as_deref(),
                    region: region.as_deref(),
                    roles: roles_text.as_ref().map(|j| roles_cache[j].as_slice()),
                    health: health_text.as_ref().map(|j| health_cache[j].as_slice()),
                    prominent: r.try_get(8).map_err(pg)?,
                    visibility: Visibility::parse(&visibility).ok_or_else(|| bad("visibility"))?,
                };
                let ix = b.add_person_parts(&parts);
                index_of_pk.insert(pk, ix);
                // The consents and envelope name (`rows::letters_text`), for the few who have them.
                if let Some(l) = text(10)? {
                    if let Some((consent, envelope)) =
                        person_letters_of(&l).map_err(|_| bad("letters"))?
                    {
                        b.set_letters(ix, &consent, envelope.as_deref());
                    }
                }
            }
            for body in bodies(&mut tx, RecordType::Place).await? {
                if let Record::Place(p) = reparse(&body)? {
                    b.add_place(p);
                }
            }
            for body in bodies(&mut tx, RecordType::Announcement).await? {
                if let Record::Announcement(a) = reparse(&body)? {
                    b.add_announcement(a);
                }
            }
            for body in bodies(&mut tx, RecordType::Figure).await? {
                if let Record::Figure(f) = reparse(&body)? {
                    b.add_figure(f);
                }
            }
            for body in bodies(&mut tx, RecordType::Merge).await? {
                if let Record::Merge(m) = reparse(&body)? {
                    b.add_merge(m.keep, m.merged);
                }
            }
            for r in &events {
                let pk: i64 = r.try_get(0).map_err(pg)?;
                let bad = |field: &str| {
                    StoreError::Damaged(format!("event row {pk}: stored {field} is unreadable"))
                };
                let person_pk: i64 = r.try_get(1).map_err(pg)?;
                let person = *index_of_pk.get(&person_pk).ok_or_else(|| {
                    let id: String = r.try_get(6).unwrap_or_default();
                    StoreError::Damaged(format!(
                        "event '{id}' points at person row {person_pk}, which is not there: the derived tables disagree with the log; `vigil verify` names what differs, `vigil db rebuild` repairs it"
                    ))
                })?;
                let kind: String = r.try_get(2).map_err(pg)?;
                let date: String = r.try_get(3).map_err(pg)?;
                let reason: Option<String> = r.try_get(4).map_err(pg)?;
                let announcement: Option<String> = r.try_get(5).map_err(pg)?;
                let date: PartialDate = date.parse().map_err(|_| bad("date"))?;
                let announcement = announcement.as_deref().map(|a| b.announcement_slot(a));
                let visibility: String = r.try_get(7).map_err(pg)?;
                let kind = EventKind::parse(&kind).ok_or_else(|| bad("kind"))?;
                let row = EventRow {
                    visibility: Visibility::parse(&visibility).ok_or_else(|| bad("visibility"))?,
                    person,
                    fact: EventFact {
                        kind,
                        when: date.range(),
                    },
                    reason: reason
                        .map(|s| ReleaseReason::parse(&s).ok_or_else(|| bad("reason")))
                        .transpose()?,
                    announcement,
                    detail: NO_DETAIL,
                };
                // The details object of the stored body (see `rows::details_text`).
                let details: Option<String> = r.try_get(8).map_err(pg)?;
                let details = details
                    .map(|d| serde_json::from_str::<EventDetails>(&d).map_err(|_| bad("details")))
                    .transpose()?;
                match &details {
                    Some(d) => b.add_event_with(row, kind, d),
                    None => b.add_event(row),
                }
            }
            tx.commit().await.map_err(pg)?;
            Ok(b.finish())
        })
    }

    fn export(
        &self,
        visit: &mut dyn FnMut(RecordType, &str) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let all = self.rt.block_on(async {
            let mut tx = self.pool.begin().await.map_err(pg)?;
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .execute(&mut *tx)
                .await
                .map_err(pg)?;
            let mut all = Vec::new();
            for &rtype in RecordType::ALL {
                all.push((rtype, bodies(&mut tx, rtype).await?));
            }
            tx.commit().await.map_err(pg)?;
            Ok::<_, StoreError>(all)
        })?;
        for (rtype, list) in all {
            for body in list {
                visit(rtype, &body)?;
            }
        }
        Ok(())
    }

    fn records_of(
        &self,
        rtype: RecordType,
        visit: &mut dyn FnMut(&str) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let list = self.rt.block_on(async {
            let mut tx = self.pool.begin().await.map_err(pg)?;
            let list = bodies(&mut tx, rtype).await?;
            tx.commit().await.map_err(pg)?;
            Ok::<_, StoreError>(list)
        })?;
        list.iter().try_for_each(|b| visit(b))
    }

    fn current(&self, rtype: RecordType, rid: &str) -> Result<Option<Current>, StoreError> {
        self.rt.block_on(async {
            let mut c = self.pool.acquire().await.map_err(pg)?;
            Ok(current_of(&mut c, rtype, rid).await?.map(|(c, _)| c))
        })
    }

    fn record_body(&self, rtype: RecordType, rid: &str) -> Result<Option<String>, StoreError> {
        self.rt.block_on(async {
            let mut c = self.pool.acquire().await.map_err(pg)?;
            record_body_in(&mut c, rtype, rid).await
        })
    }

    fn derived_rows(&self) -> Result<derived::Rows, StoreError> {
        self.rt.block_on(read_derived(&self.pool))
    }

    fn rebuild(&mut self) -> Result<Head, StoreError> {
        let mut w = self.begin_writer(true)?;
        // Under the write lock: nobody appends while the log is read.
        let stored = self.head()?;
        let rt = w.rt;
        rt.block_on(
            sqlx::raw_sql(
                "DELETE FROM record; DELETE FROM person; DELETE FROM event; DELETE FROM reference; DELETE FROM counts;",
            )
            .execute(&mut **w.tx()?),
        )
        .map_err(pg)?;
        w.head = Head {
            entries: 0,
            hash: Hash::GENESIS,
        };
        w.next_person_pk = 1;
        w.next_event_pk = 1;
        w.preloaded = true;
        let mut entries = Vec::new();
        self.for_each_entry(None, &mut |e| {
            entries.push(e);
            Ok(())
        })?;
        for e in entries {
            crate::copy::replay(&mut w, e)?;
        }
        if w.head != stored {
            return Err(StoreError::Damaged(
                "the log's end does not match what was replayed".into(),
            ));
        }
        Box::new(w).commit()
    }

    fn events_of(&self, person: &str) -> Result<Vec<String>, StoreError> {
        self.rt
            .block_on(
                sqlx::query_scalar(
                    "SELECT l.body FROM record p JOIN event e ON e.person_pk = p.pk
                     JOIN record r ON r.rtype = 'event' AND r.rid = e.id JOIN log l ON l.seq = r.seq
                     WHERE p.rtype = 'person' AND p.rid = $1 AND NOT p.retracted ORDER BY e.date COLLATE \"C\", e.pk",
                )
                .bind(person)
                .fetch_all(&self.pool),
            )
            .map_err(pg)
    }

    fn history(&self, rtype: RecordType, rid: &str) -> Result<Vec<Entry>, StoreError> {
        let rows = self
            .rt
            .block_on(
                sqlx::query(
                    "SELECT seq, at, actor, reason, op, rtype, rid, refers_to, body, prev, hash FROM log WHERE rtype = $1 AND rid = $2 ORDER BY seq",
                )
                .bind(rtype.as_str())
                .bind(rid)
                .fetch_all(&self.pool),
            )
            .map_err(pg)?;
        rows.iter().map(entry_from_row).collect()
    }

    fn account(&self, name: &str) -> Result<Option<Account>, StoreError> {
        let row: Option<(String, String, String, bool)> = self
            .rt
            .block_on(
                sqlx::query_as("SELECT name, role, hash, disabled FROM account WHERE name = $1")
                    .bind(name)
                    .fetch_optional(&self.pool),
            )
            .map_err(pg)?;
        row.map(account_of).transpose()
    }

    fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let rows: Vec<(String, String, String, bool)> = self
            .rt
            .block_on(
                sqlx::query_as(
                    "SELECT name, role, hash, disabled FROM account ORDER BY name COLLATE \"C\"",
                )
                .fetch_all(&self.pool),
            )
            .map_err(pg)?;
        rows.into_iter().map(account_of).collect()
    }

    fn save_account(&self, a: &Account, audit: &AuditRow) -> Result<(), StoreError> {
        self.rt.block_on(async {
            let mut tx = self.pool.begin().await.map_err(pg)?;
            sqlx::query(
                "INSERT INTO account (name, role, hash, disabled) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (name) DO UPDATE SET role = excluded.role, hash = excluded.hash, disabled = excluded.disabled",
            )
            .bind(&a.name)
            .bind(a.role.as_str())
            .bind(&a.hash)
            .bind(a.disabled)
            .execute(&mut *tx)
            .await
            .map_err(pg)?;
            insert_audit(&mut tx, audit, Some(&crate::accounts::account_state(a))).await?;
            tx.commit().await.map_err(pg)
        })
    }

    fn token(&self, hash: &str) -> Result<Option<TokenRow>, StoreError> {
        Ok(self
            .tokens()?
            .into_iter()
            .find(|(h, _)| h == hash)
            .map(|(_, t)| t))
    }

    fn tokens(&self) -> Result<Vec<(String, TokenRow)>, StoreError> {
        let rows: Vec<crate::accounts::TokenTableRow> = self
            .rt
            .block_on(
                sqlx::query_as(
                    "SELECT hash, name, role, created, revoked, expires FROM token ORDER BY created COLLATE \"C\", hash COLLATE \"C\"",
                )
                .fetch_all(&self.pool),
            )
            .map_err(pg)?;
        rows.into_iter().map(crate::accounts::token_row).collect()
    }

    fn save_token(&self, hash: &str, t: &TokenRow, audit: &AuditRow) -> Result<(), StoreError> {
        self.rt.block_on(async {
            let mut tx = self.pool.begin().await.map_err(pg)?;
            sqlx::query(
                "INSERT INTO token (hash, name, role, created, revoked, expires) VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (hash) DO UPDATE SET revoked = excluded.revoked, expires = excluded.expires",
            )
            .bind(hash)
            .bind(&t.name)
            .bind(t.role.as_str())
            .bind(&t.created)
            .bind(t.revoked)
            .bind(&t.expires)
            .execute(&mut *tx)
            .await
            .map_err(pg)?;
            insert_audit(&mut tx, audit, Some(&crate::accounts::token_state(hash, t))).await?;
            tx.commit().await.map_err(pg)
        })
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
        self.rt.block_on(async {
            let mut tx = self.pool.begin().await.map_err(pg)?;
            insert_audit(&mut tx, row, None).await?;
            tx.commit().await.map_err(pg)
        })
    }

    fn audit_chain(&self) -> Result<Vec<ChainedAudit>, StoreError> {
        let rows: Vec<AuditTableRow> = self
            .rt
            .block_on(
                sqlx::query_as(
                    "SELECT at, actor, action, subject, state, hash FROM audit ORDER BY id",
                )
                .fetch_all(&self.pool),
            )
            .map_err(pg)?;
        Ok(rows
            .into_iter()
            .map(|(at, actor, action, subject, state, hash)| ChainedAudit {
                row: AuditRow {
                    at,
                    actor,
                    action,
                    subject,
                },
                state,
                hash: hash.unwrap_or_default(),
            })
            .collect())
    }

    fn audit_trail(&self, limit: usize) -> Result<Vec<AuditRow>, StoreError> {
        let rows: Vec<(String, String, String, String)> = self
            .rt
            .block_on(
                sqlx::query_as(
                    "SELECT at, actor, action, subject FROM audit ORDER BY id DESC LIMIT $1",
                )
                .bind(limit as i64)
                .fetch_all(&self.pool),
            )
            .map_err(pg)?;
        Ok(rows
            .into_iter()
            .map(|(at, actor, action, subject)| AuditRow {
                at,
                actor,
                action,
                subject,
            })
            .collect())
    }

    fn seq_at(&self, at: &str) -> Result<u64, StoreError> {
        let seq: Option<i64> = self
            .rt
            .block_on(
                sqlx::query_scalar("SELECT max(seq) FROM log WHERE at <= $1")
                    .bind(at)
                    .fetch_one(&self.pool),
            )
            .map_err(pg)?;
        Ok(seq.unwrap_or(0) as u64)
    }
}

/// A writer dropped without `commit` rolls back, inside the runtime its connection needs.
impl Drop for PgWriter<'_> {
    fn drop(&mut self) {
        if let Ok(tx) = self.take_tx() {
            let _ = self.rt.block_on(tx.rollback());
        }
    }
}

/// The pool's connections close inside the runtime that opened them.
impl Drop for PgStore {
    fn drop(&mut self) {
        let pool = self.pool.clone();
        self.rt.block_on(async move { pool.close().await });
    }
}

mod accounts;
mod batch;
mod bulk;
mod writer;

use accounts::{insert_audit, AuditTableRow};
use writer::{read_derived, record_body_in, PgWriter};
