//! An import into an empty SQLite file takes the bulk path (indexes and `record` rows
//! written once, at commit): it must leave the same file the row-by-row path leaves, keep
//! every index when it fails, and hand over to the usual path for anything but a new
//! record. The events' `details` column (schema 10 on SQLite, 9 on PostgreSQL) is filled
//! for an older file on upgrade.

mod common;

use vigil_core::date::PartialDate;
use vigil_core::record::{parse_record, RecordType};
use vigil_core::registry::Registry;
use vigil_store::ops::{self, Expect};
use vigil_store::{derived, import, ImportFailure, Meta, SqliteStore, Store};

const TEXT: &str = r#"{"type":"source","id":"s1","publisher":"Viasna"}
{"type":"person","id":"p1","country":"BY","sex":"female"}
{"type":"person","id":"p2","country":"BY","sex":"male"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-03","sources":["s1"]}
{"type":"event","id":"e2","person":"p1","kind":"recognized","date":"2021-04-01","details":{"by":"Viasna"}}
{"type":"event","id":"e3","person":"p1","kind":"charged","date":"2021-04-02","details":{"articles":["342"],"note":"kept as it came"}}
{"type":"event","id":"e4","person":"p1","kind":"sentenced","date":"2021-09-01","details":{"term_months":36,"regime":"general","articles":["342","361-1"]}}
{"type":"event","id":"e5","person":"p2","kind":"detained","date":"2022-01-10","details":{"note":"not read for this kind"}}
{"type":"event","id":"e6","person":"p2","kind":"recognized","date":"2022-02-01"}
"#;

use common::opts;

fn load(store: &mut dyn Store, text: &str) -> Result<vigil_store::ImportReport, ImportFailure> {
    import(store, &mut text.as_bytes(), &opts(), &mut |_| {})
}

fn indexes(store: &SqliteStore) -> Vec<(String, String)> {
    let mut st = store
        .connection()
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
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

/// `text` imported into an empty file (the bulk path) and, after its first line, row by
/// row; both checked to leave the same file: every index, the same chain, derived rows,
/// event row keys (the order of recording) and counts.
fn imported_both_ways(text: &str) -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let mut bulk = SqliteStore::open(&dir.path().join("bulk.db")).unwrap();
    let schema = indexes(&bulk);
    assert!(schema.len() >= 5, "{schema:?}");
    load(&mut bulk, text).unwrap();
    // Row by row: the first line makes the database non-empty, so the rest goes the usual way.
    let mut rows = SqliteStore::open(&dir.path().join("rows.db")).unwrap();
    let (first, rest) = text.split_once('\n').unwrap();
    load(&mut rows, first).unwrap();
    load(&mut rows, rest).unwrap();

    assert_eq!(indexes(&bulk), schema, "every index is built again");
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
    let keys = |s: &SqliteStore| -> Vec<(i64, String)> {
        let mut st = s
            .connection()
            .prepare("SELECT pk, id FROM event ORDER BY pk")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(keys(&bulk), keys(&rows), "the same event row keys");
    (dir, bulk)
}

#[test]
fn an_import_into_an_empty_file_leaves_what_the_row_by_row_path_leaves() {
    let (_dir, mut bulk) = imported_both_ways(TEXT);
    // The case details loaded from the column are the body's.
    let day = "2022-06-01".parse::<PartialDate>().unwrap().first_day();
    let replayed = bulk.load_as_of(bulk.head().unwrap().entries).unwrap();
    assert_eq!(describe(&bulk.load().unwrap()), describe(&replayed));
    let reg = bulk.load().unwrap();
    assert_eq!(
        reg.held(day, None, vigil_core::registry::Mode::Recognized)
            .held,
        2
    );
    // The indexes serve what they are for: a source still referred to is not retracted.
    let mut w = bulk.begin().unwrap();
    let err = ops::retract(w.as_mut(), &meta(), RecordType::Source, "s1", Expect::Any).unwrap_err();
    assert!(
        err.to_string().contains("still referred to by event 'e1'"),
        "{err}"
    );
}

/// More rows than one statement writes (the bulk path writes 256 per statement, the
/// rest one by one): a generated registry of 400 persons, its log, rows and counts the
/// same as the row-by-row path's.
#[test]
fn a_large_import_into_an_empty_file_leaves_what_the_row_by_row_path_leaves() {
    let text = common::generated(400, 7);
    let (_dir, bulk) = imported_both_ways(&text);
    let derived = bulk.derived_rows().unwrap();
    assert!(
        derived.persons.len() > 256 && derived.events.len() > 512 && derived.references.len() > 512,
        "more than a statement's worth of each: {} persons, {} events, {} references",
        derived.persons.len(),
        derived.events.len(),
        derived.references.len()
    );
}

#[test]
fn a_failed_import_into_an_empty_file_keeps_every_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let schema = indexes(&store);
    let bad = format!("{TEXT}{{\"type\":\"event\",\"id\":\"e9\",\"person\":\"p2\",\"kind\":\"detained\",\"date\":\"2024-02-30\"}}\n");
    let Err(ImportFailure::Invalid(errors)) = load(&mut store, &bad) else {
        panic!("must fail")
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(store.head().unwrap().entries, 0, "nothing kept");
    assert_eq!(
        indexes(&store),
        schema,
        "the dropped indexes come back with the rollback"
    );
    load(&mut store, TEXT).unwrap();
    assert_eq!(derived::check(&store).unwrap(), None);
}

fn meta() -> Meta {
    Meta {
        at: "2026-12-01T00:00:00.000000Z".into(),
        actor: "suite".into(),
        reason: None,
    }
}

/// A correction, a retraction and a question about references in a bulk transaction
/// end bulk mode first: what they read and write is the usual path's.
#[test]
fn a_bulk_writer_hands_over_to_the_usual_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let schema = indexes(&store);
    let mut w = store.begin_import().unwrap();
    let p = |s: &str| parse_record(s).unwrap();
    let m = meta();
    ops::put(
        w.as_mut(),
        &m,
        &p(r#"{"type":"source","id":"s1","publisher":"Viasna"}"#),
        Expect::Any,
    )
    .unwrap();
    ops::put(
        w.as_mut(),
        &m,
        &p(r#"{"type":"person","id":"p1","country":"BY"}"#),
        Expect::Any,
    )
    .unwrap();
    ops::put(
        w.as_mut(),
        &m,
        &p(r#"{"type":"person","id":"p2","country":"BY"}"#),
        Expect::Any,
    )
    .unwrap();
    ops::put(w.as_mut(), &m, &p(r#"{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-03","sources":["s1"]}"#), Expect::Any).unwrap();
    // A correction of a record written in this transaction.
    ops::put(
        w.as_mut(),
        &m,
        &p(r#"{"type":"person","id":"p1","country":"BY","sex":"female"}"#),
        Expect::Any,
    )
    .unwrap();
    let refused = ops::retract(w.as_mut(), &m, RecordType::Source, "s1", Expect::Any).unwrap_err();
    assert!(
        refused.to_string().contains("still referred to"),
        "{refused}"
    );
    ops::retract(w.as_mut(), &m, RecordType::Person, "p2", Expect::Any).unwrap();
    ops::put(
        w.as_mut(),
        &m,
        &p(r#"{"type":"event","id":"e2","person":"p1","kind":"released","date":"2022-03"}"#),
        Expect::Any,
    )
    .unwrap();
    w.commit().unwrap();
    assert_eq!(indexes(&store), schema);
    assert_eq!(derived::check(&store).unwrap(), None);
    assert_eq!(store.head().unwrap().entries, 7);
    let reg = store.load().unwrap();
    assert_eq!((reg.person_count(), reg.event_count()), (1, 2));
    assert_eq!(describe(&reg), describe(&store.load_as_of(7).unwrap()));
}

/// A file from before the `details` column (schema 9) gets it filled from the log when it
/// is opened, and loads the same case details as a new file.
#[test]
fn sqlite_a_file_without_event_details_is_rebuilt_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let mut store = SqliteStore::open(&path).unwrap();
    load(&mut store, TEXT).unwrap();
    let want = describe(&store.load().unwrap());
    drop(store);
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch("DROP TABLE counts; ALTER TABLE event DROP COLUMN details; ALTER TABLE person DROP COLUMN letters; PRAGMA user_version = 9;")
        .unwrap();
    drop(c);
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(derived::check(&store).unwrap(), None);
    let filled: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM event WHERE details IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        filled, 3,
        "recognized, charged and sentenced carry details read by the engine"
    );
    assert_eq!(describe(&store.load().unwrap()), want);
}

#[test]
fn postgres_a_database_without_event_details_is_rebuilt_on_upgrade() {
    let Some((url, schema)) = common::pg_schema("vigil_test_details") else {
        return;
    };
    let mut store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
    load(&mut store, TEXT).unwrap();
    let want = describe(&store.load().unwrap());
    store
        .execute_raw(
            "DROP TABLE counts; ALTER TABLE event DROP COLUMN details; ALTER TABLE person DROP COLUMN letters; DELETE FROM vigil_schema WHERE version >= 9;",
        )
        .unwrap();
    drop(store);
    let store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
    assert_eq!(derived::check(&store).unwrap(), None);
    assert_eq!(describe(&store.load().unwrap()), want);
    store
        .execute_raw(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .unwrap();
}
