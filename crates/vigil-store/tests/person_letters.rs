//! A person's consents and envelope name are a derived column, `person.letters` (SQLite
//! schema 11, PostgreSQL 10), so loading joins no person to its log body: a file or
//! database from before it gets it filled from the log when it is opened, and a column
//! that disagrees with the log is named by `derived::check` (`vigil verify`). What the
//! column loads is checked on both backends by conformance's
//! `a_persons_letters_load_from_their_column` and by `write_path.rs`.

mod common;

use vigil_core::registry::{Letters, Registry};
use vigil_store::{derived, import, ImportOptions, SqliteStore, Store};

const TEXT: &str = r#"{"type":"person","id":"p1","country":"BY","consent":["letters"],"envelope":"Івановай Ганне, 1980 г.н."}
{"type":"person","id":"p2","country":"BY","sex":"male"}
"#;

fn load(store: &mut dyn Store) {
    let opts = ImportOptions {
        actor: "suite".into(),
        reason: None,
        at: "2026-01-01T00:00:00.000000Z".into(),
        update: false,
    };
    import(store, &mut TEXT.as_bytes(), &opts, &mut |_| {}).unwrap();
}

fn letters(reg: &Registry, id: &str) -> Option<Letters> {
    reg.letters_of(reg.person_index(id)?).cloned()
}

fn p1() -> Letters {
    Letters {
        letters: true,
        calendar: false,
        envelope: Some("Івановай Ганне, 1980 г.н.".into()),
    }
}

#[test]
fn sqlite_a_file_without_person_letters_is_rebuilt_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let mut store = SqliteStore::open(&path).unwrap();
    load(&mut store);
    drop(store);
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch(
        "DROP TABLE counts; ALTER TABLE person DROP COLUMN letters; PRAGMA user_version = 10;",
    )
    .unwrap();
    drop(c);
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(derived::check(&store).unwrap(), None);
    let reg = store.load().unwrap();
    assert_eq!(letters(&reg, "p1"), Some(p1()));
    assert_eq!(letters(&reg, "p2"), None);
}

#[test]
fn sqlite_a_letters_column_that_disagrees_with_the_log_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    load(&mut store);
    store
        .connection()
        .execute_batch(
            r#"UPDATE person SET letters = NULL WHERE id = 'p1'; UPDATE person SET letters = '{"consent":["letters"]}' WHERE id = 'p2';"#,
        )
        .unwrap();
    let m = derived::check(&store).unwrap().expect("a mismatch");
    assert_eq!(m.rid, "p1");
    assert!(m.what.contains("letters"), "{}", m.what);
}

#[test]
fn postgres_a_database_without_person_letters_is_rebuilt_on_upgrade() {
    let Some((url, schema)) = common::pg_schema("vigil_test_letters") else {
        return;
    };
    let mut store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
    load(&mut store);
    store
        .execute_raw(
            "DROP TABLE counts; ALTER TABLE person DROP COLUMN letters; DELETE FROM vigil_schema WHERE version >= 10;",
        )
        .unwrap();
    drop(store);
    let store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
    assert_eq!(derived::check(&store).unwrap(), None);
    let reg = store.load().unwrap();
    assert_eq!(letters(&reg, "p1"), Some(p1()));
    assert_eq!(letters(&reg, "p2"), None);
    store
        .execute_raw(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .unwrap();
}
