//! An import into an empty PostgreSQL registry takes the bulk path (rows sent with
//! `COPY`, the secondary indexes and `record` rows made once, when bulk mode ends): it
//! must leave what the row-by-row path leaves, keep every index when it fails, and hand
//! over to the usual path for anything but a new record. And a PostgreSQL writer whose
//! transaction a refused statement aborted never reports a commit.

mod common;

use vigil_core::date::PartialDate;
use vigil_core::record::{parse_record, RecordType};
use vigil_core::registry::Registry;
use vigil_store::ops::{self, Expect};
use vigil_store::{derived, import, ImportFailure, ImportOptions, Meta, PgStore, Store};

/// Values `COPY`'s text format must escape: tab, newline, carriage return, backslash.
const AWKWARD: &str = "line one\n\tline two\r\n back\\slash \\N \\.";

fn opts(reason: Option<&str>) -> ImportOptions {
    ImportOptions {
        actor: "suite\teditor".into(),
        reason: reason.map(str::to_string),
        at: "2026-01-01T00:00:00.000000Z".into(),
        update: false,
    }
}

fn load(store: &mut dyn Store, text: &str) -> Result<vigil_store::ImportReport, ImportFailure> {
    import(
        store,
        &mut text.as_bytes(),
        &opts(Some(AWKWARD)),
        &mut |_| {},
    )
}

/// Imports `text`, and says whether bulk mode's locks were held while it ran.
fn load_watching(store: &mut dyn Store, schema: &Schema, text: &str) -> bool {
    let mut bulk = false;
    import(
        store,
        &mut text.as_bytes(),
        &opts(Some(AWKWARD)),
        &mut |_| bulk |= schema.bulk_locked(),
    )
    .unwrap();
    bulk
}

fn generated(persons: u64) -> String {
    let mut text = common::generated(persons, 11);
    // A name with a backslash and a note with a line break: escaped in the JSON bodies.
    text.push_str(
        "{\"type\":\"source\",\"id\":\"s-awkward\",\"publisher\":\"Viasna \\\\ back\\tslash\",\"title\":\"two\\nlines\"}\n",
    );
    text
}

struct Schema {
    url: String,
    name: String,
}

impl Schema {
    fn new(prefix: &str) -> Option<Schema> {
        let (url, name) = common::pg_schema(prefix)?;
        Some(Schema { url, name })
    }

    fn open(&self) -> PgStore {
        PgStore::open(&self.url, Some(&self.name)).unwrap()
    }

    /// A question answered with plain SQL in this schema, as rows of text.
    fn rows(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            use sqlx::{Connection, Row};
            let mut c = sqlx::PgConnection::connect(&self.url).await.unwrap();
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "SET search_path = \"{}\"",
                self.name
            )))
            .execute(&mut c)
            .await
            .unwrap();
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
                .fetch_all(&mut c)
                .await
                .unwrap();
            rows.iter()
                .map(|r| {
                    (0..r.len())
                        .map(|i| r.get::<Option<String>, _>(i))
                        .collect()
                })
                .collect()
        })
    }

    /// Every index of the schema, its definition without the schema's name.
    fn indexes(&self) -> Vec<Vec<Option<String>>> {
        let mut rows = self.rows(&format!(
            "SELECT indexname::text, replace(indexdef, '{}.', '') FROM pg_indexes WHERE schemaname = '{}' ORDER BY 1",
            self.name, self.name
        ));
        for r in &mut rows {
            r[1] = r[1]
                .as_ref()
                .map(|d| d.replace(&format!("\"{}\".", self.name), ""));
        }
        rows
    }

    /// Whether another session holds `event` locked as bulk mode does before its drops.
    fn bulk_locked(&self) -> bool {
        let n = self.rows(
            "SELECT count(*)::text FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
             WHERE c.relname = 'event' AND c.relnamespace = current_schema()::regnamespace
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND l.mode = 'AccessExclusiveLock' AND l.granted AND l.pid <> pg_backend_pid()",
        );
        n[0][0].as_deref() != Some("0")
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        let store = self.open();
        let _ = store.execute_raw(&format!("DROP SCHEMA \"{}\" CASCADE", self.name));
    }
}

fn entries(store: &dyn Store) -> Vec<vigil_core::chain::Entry> {
    let mut all = Vec::new();
    store
        .for_each_entry(None, &mut |e| {
            all.push(e);
            Ok(())
        })
        .unwrap();
    all
}

fn sorted_rows(store: &dyn Store) -> String {
    let mut r = store.derived_rows().unwrap();
    r.records
        .sort_by(|a, b| (a.rtype.as_str(), &a.rid).cmp(&(b.rtype.as_str(), &b.rid)));
    r.persons.sort_by(|a, b| a.id.cmp(&b.id));
    r.events.sort_by(|a, b| a.id.cmp(&b.id));
    r.references.sort_by(|a, b| {
        (a.0.as_str(), &a.1, a.2.as_str(), &a.3).cmp(&(b.0.as_str(), &b.1, b.2.as_str(), &b.3))
    });
    format!("{r:?}")
}

fn describe(reg: &Registry) -> std::collections::BTreeMap<String, String> {
    let day = |s: &str| s.parse::<PartialDate>().unwrap().first_day();
    reg.describe(day("2020-12-25"), day("2025-01-10"))
}

/// More entries than two of the writer's batches (4,096 each), with values to escape:
/// the same log, derived rows, row keys, indexes and counts as the row-by-row path.
#[test]
fn postgres_an_import_into_an_empty_database_leaves_what_the_row_by_row_path_leaves() {
    let (Some(a), Some(b)) = (Schema::new("vigil_bulk_a"), Schema::new("vigil_bulk_b")) else {
        return;
    };
    let text = generated(1800);
    let mut bulk = a.open();
    let schema = a.indexes();
    assert!(schema.len() >= 10, "{schema:?}");
    assert!(load_watching(&mut bulk, &a, &text), "bulk mode");
    assert!(bulk.head().unwrap().entries > 2 * 4096);
    let mut rows = b.open();
    let (first, rest) = text.split_once('\n').unwrap();
    load(&mut rows, first).unwrap();
    assert!(!load_watching(&mut rows, &b, rest), "the usual path");

    assert_eq!(a.indexes(), schema, "every index is made again");
    let (got, want) = (entries(&bulk), entries(&rows));
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "entry {} as stored", w.seq);
    }
    assert_eq!(got[0].reason.as_deref(), Some(AWKWARD));
    assert_eq!(bulk.head().unwrap(), rows.head().unwrap(), "the same chain");
    assert_eq!(
        sorted_rows(&bulk),
        sorted_rows(&rows),
        "the same derived rows"
    );
    assert_eq!(derived::check(&bulk).unwrap(), None);
    assert_eq!(
        describe(&bulk.load().unwrap()),
        describe(&rows.load().unwrap())
    );
    let keys = "SELECT pk::text, id FROM event ORDER BY pk";
    assert_eq!(a.rows(keys), b.rows(keys), "the same event row keys");
    let keys = "SELECT pk::text, id FROM person ORDER BY pk";
    assert_eq!(a.rows(keys), b.rows(keys), "the same person row keys");
    // The planner has statistics, and what follows the import goes the usual way.
    let stats = a.rows("SELECT reltuples::bigint::text FROM pg_class WHERE relname = 'record' AND relnamespace = current_schema()::regnamespace");
    assert_eq!(stats[0][0].as_deref(), Some(got.len().to_string().as_str()));
    let mut w = bulk.begin().unwrap();
    ops::retract(
        w.as_mut(),
        &meta(),
        RecordType::Source,
        "s-awkward",
        Expect::Any,
    )
    .unwrap();
    w.commit().unwrap();
    assert_eq!(derived::check(&bulk).unwrap(), None);
}

#[test]
fn postgres_a_failed_import_into_an_empty_database_keeps_every_index() {
    let Some(a) = Schema::new("vigil_bulk_fail") else {
        return;
    };
    let mut store = a.open();
    let schema = a.indexes();
    let good = generated(900);
    let bad = format!("{good}{{\"type\":\"event\",\"id\":\"e-bad\",\"person\":\"nobody\",\"kind\":\"detained\",\"date\":\"2024-02-03\"}}\n");
    let Err(ImportFailure::Invalid(errors)) = load(&mut store, &bad) else {
        panic!("must fail")
    };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(store.head().unwrap().entries, 0, "nothing kept");
    assert_eq!(
        a.indexes(),
        schema,
        "the dropped indexes come back with the rollback"
    );
    assert_eq!(
        a.rows("SELECT count(*)::text FROM log")[0][0].as_deref(),
        Some("0")
    );
    load(&mut store, &good).unwrap();
    assert_eq!(a.indexes(), schema);
    assert_eq!(derived::check(&store).unwrap(), None);
}

fn meta() -> Meta {
    Meta {
        at: "2026-12-01T00:00:00.000000Z".into(),
        actor: "suite".into(),
        reason: None,
    }
}

/// A correction, a retraction, a record's body or its referrers asked in a bulk
/// transaction end bulk mode first: what they read and write is the usual path's.
#[test]
fn postgres_a_bulk_writer_hands_over_to_the_usual_path() {
    for first in [
        First::Correction,
        First::Retraction,
        First::Body,
        First::Referrers,
    ] {
        hand_over(first);
    }
}

#[derive(Debug, Clone, Copy)]
enum First {
    Correction,
    Retraction,
    Body,
    Referrers,
}

fn hand_over(first: First) {
    let Some(a) = Schema::new("vigil_bulk_hand") else {
        return;
    };
    let mut store = a.open();
    let schema = a.indexes();
    let mut w = store.begin_import().unwrap();
    assert!(a.bulk_locked(), "{first:?}: bulk mode");
    let p = |s: &str| parse_record(s).unwrap();
    let m = meta();
    for line in [
        r#"{"type":"source","id":"s1","publisher":"Viasna"}"#,
        r#"{"type":"person","id":"p1","country":"BY"}"#,
        r#"{"type":"person","id":"p2","country":"BY"}"#,
        r#"{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-03","sources":["s1"]}"#,
    ] {
        ops::put(w.as_mut(), &m, &p(line), Expect::Any).unwrap();
    }
    // A correction of a record written in this transaction.
    let correct = |w: &mut dyn vigil_store::Writer| {
        let line = r#"{"type":"person","id":"p1","country":"BY","sex":"female"}"#;
        ops::put(w, &m, &p(line), Expect::Any).unwrap();
    };
    let retract = |w: &mut dyn vigil_store::Writer| {
        ops::retract(w, &m, RecordType::Person, "p2", Expect::Any).unwrap();
    };
    match first {
        First::Correction => {
            correct(w.as_mut());
            retract(w.as_mut());
        }
        First::Retraction => {
            retract(w.as_mut());
            correct(w.as_mut());
        }
        First::Body => {
            let body = w.record_body(RecordType::Person, "p2").unwrap().unwrap();
            assert!(body.contains(r#""id":"p2""#), "{body}");
            correct(w.as_mut());
            retract(w.as_mut());
        }
        First::Referrers => {
            let refs = w.referrers(RecordType::Source, "s1").unwrap();
            assert_eq!(refs, (1, vec![(RecordType::Event, "e1".to_string())]));
            correct(w.as_mut());
            retract(w.as_mut());
        }
    }
    let refused = ops::retract(w.as_mut(), &m, RecordType::Source, "s1", Expect::Any).unwrap_err();
    assert!(
        refused.to_string().contains("still referred to"),
        "{first:?}: {refused}"
    );
    ops::put(
        w.as_mut(),
        &m,
        &p(r#"{"type":"event","id":"e2","person":"p1","kind":"released","date":"2022-03"}"#),
        Expect::Any,
    )
    .unwrap();
    w.commit().unwrap();
    assert_eq!(a.indexes(), schema, "{first:?}");
    assert_eq!(derived::check(&store).unwrap(), None, "{first:?}");
    assert_eq!(store.head().unwrap().entries, 7);
    let reg = store.load().unwrap();
    assert_eq!((reg.person_count(), reg.event_count()), (1, 2), "{first:?}");
    assert_eq!(describe(&reg), describe(&store.load_as_of(7).unwrap()));
}

/// A reader in the middle of a transaction holds the tables bulk mode would lock: the
/// import does not wait for it (nor deadlock with it) but goes the usual way.
#[test]
fn postgres_an_import_beside_a_reader_goes_the_usual_way() {
    let Some(a) = Schema::new("vigil_bulk_reader") else {
        return;
    };
    let mut store = a.open();
    let schema = a.indexes();
    // The reader ends its transaction once the import is done (or after 60 s): an import
    // that waited for it would take bulk mode then.
    let (url, name) = (a.url.clone(), a.name.clone());
    let (open, opened) = std::sync::mpsc::channel();
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let reader = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&url).await.unwrap();
            let sql = format!("SET search_path = \"{name}\"; BEGIN; SELECT count(*) FROM event");
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(&mut c)
                .await
                .unwrap();
            open.send(()).unwrap();
            let _ = finished.recv_timeout(std::time::Duration::from_mins(1));
            sqlx::raw_sql("COMMIT").execute(&mut c).await.unwrap();
        });
    });
    opened.recv().unwrap();
    let text = generated(300);
    let bulk = load_watching(&mut store, &a, &text);
    done.send(()).unwrap();
    assert!(!bulk, "not bulk mode");
    reader.join().unwrap();
    assert_eq!(a.indexes(), schema);
    assert_eq!(derived::check(&store).unwrap(), None);
    assert!(store.head().unwrap().entries > 1000);
}

/// A statement the database refuses (PostgreSQL keeps no NUL in text) fails the import
/// when it is found, though the writer has gone on meanwhile: nothing is kept, in bulk
/// mode or not, and the database takes the next import.
#[test]
fn postgres_a_refused_batch_fails_the_import_and_keeps_nothing() {
    let Some(a) = Schema::new("vigil_bulk_nul") else {
        return;
    };
    let mut store = a.open();
    let schema = a.indexes();
    let text = generated(900);
    let nul = |store: &mut PgStore| {
        import(
            store,
            &mut text.as_bytes(),
            &opts(Some("a NUL \0 here")),
            &mut |_| {},
        )
    };
    let Err(ImportFailure::Store(e)) = nul(&mut store) else {
        panic!("must fail")
    };
    assert!(e.to_string().contains("0x00"), "{e}");
    assert_eq!(store.head().unwrap().entries, 0, "nothing kept");
    assert_eq!(a.indexes(), schema);
    load(&mut store, TEXT_ONE).unwrap();
    // Not in bulk mode now: the same refusal on the usual path.
    let Err(ImportFailure::Store(_)) = nul(&mut store) else {
        panic!("must fail")
    };
    assert_eq!(store.head().unwrap().entries, 1, "nothing kept");
    load(&mut store, &text).unwrap();
    assert_eq!(derived::check(&store).unwrap(), None);
}

const TEXT_ONE: &str = "{\"type\":\"source\",\"id\":\"s-first\",\"publisher\":\"Viasna\"}\n";

/// A statement PostgreSQL refuses aborts the transaction; `COMMIT` then rolls back and
/// says so only in its tag. A writer whose caller went on after such an error must not
/// report the rows as committed.
#[test]
fn postgres_a_commit_after_a_refused_statement_fails_and_keeps_nothing() {
    let Some(a) = Schema::new("vigil_abort") else {
        return;
    };
    let mut store = a.open();
    load(&mut store, TEXT_ONE).unwrap();
    let mut w = store.begin().unwrap();
    let p = parse_record(r#"{"type":"person","id":"p-kept","country":"BY"}"#).unwrap();
    ops::put(w.as_mut(), &meta(), &p, Expect::Any).unwrap();
    // Asking for a body sends what is pending; the refused lookup then aborts.
    w.record_body(RecordType::Person, "p-kept").unwrap();
    assert!(w.current(RecordType::Person, "nul\0here").is_err());
    let committed = w.commit();
    assert!(committed.is_err(), "{committed:?}");
    assert_eq!(store.head().unwrap().entries, 1, "nothing more kept");
    assert!(store.load().unwrap().person_index("p-kept").is_none());
}
