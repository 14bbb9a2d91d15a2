//! The order of a person's events that the timeline's key does not order (two sentences
//! of one day): the order they were first recorded in, on both backends, in a full load
//! and in a registry patched by following the log (ARCHITECTURE.md's invariant); and the
//! upgrade that took each event's person out of the `reference` table.

mod common;

use vigil_core::registry::Registry;
use vigil_store::{import, Store};

use common::opts;

fn load(
    store: &mut dyn Store,
    text: &str,
) -> Result<vigil_store::ImportReport, vigil_store::ImportFailure> {
    import(store, &mut text.as_bytes(), &opts(), &mut |_| {})
}

/// Two sentences of one day (the timeline's key does not order them) keep the order they
/// were recorded in after one is corrected: in a full load, in a registry patched by
/// following the log, and on both backends (PostgreSQL's heap order and the (date, id)
/// order differ from it here).
fn events_of_one_day_keep_the_order_recorded(store: &mut dyn Store) {
    let two = r#"{"type":"person","id":"p1","country":"BY"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-01-10"}
{"type":"event","id":"e9","person":"p1","kind":"sentenced","date":"2021-06-01","details":{"term_months":24}}
{"type":"event","id":"e2","person":"p1","kind":"sentenced","date":"2021-06-01","details":{"term_months":36}}
"#;
    load(store, two).unwrap();
    let terms = |reg: &Registry| -> Vec<Option<u32>> {
        let p = reg.person_index("p1").unwrap();
        reg.events_of(p)
            .iter()
            .filter(|e| e.fact.kind == vigil_core::record::EventKind::Sentenced)
            .map(|e| reg.case_facts(e).and_then(|c| c.term_months))
            .collect()
    };
    assert_eq!(terms(&store.load().unwrap()), [Some(24), Some(36)]);
    let before = store.load().unwrap();
    let seen = store.head().unwrap().entries;
    let fix = r#"{"type":"event","id":"e9","person":"p1","kind":"sentenced","date":"2021-06-01","details":{"term_months":30}}
"#;
    let mut o = opts();
    o.update = true;
    import(store, &mut fix.as_bytes(), &o, &mut |_| {}).unwrap();
    assert_eq!(
        terms(&store.load().unwrap()),
        [Some(30), Some(36)],
        "a full load"
    );
    match vigil_store::follow::follow(store, &before, seen).unwrap() {
        vigil_store::follow::Followed::Patched { registry, .. } => {
            assert_eq!(
                terms(&registry),
                [Some(30), Some(36)],
                "the patched registry"
            );
        }
        other => panic!("a corrected event is patched, not {other:?}"),
    }
}

#[test]
fn sqlite_events_of_one_day_keep_the_order_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = vigil_store::SqliteStore::open(&dir.path().join("t.db")).unwrap();
    events_of_one_day_keep_the_order_recorded(&mut store);
}

#[test]
fn postgres_events_of_one_day_keep_the_order_recorded() {
    let Some((url, schema)) = common::pg_schema("vigil_test_order") else {
        return;
    };
    let mut store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
    events_of_one_day_keep_the_order_recorded(&mut store);
    store
        .execute_raw(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .unwrap();
}

/// A file of schema 12, whose `reference` table still has each event's person, loses
/// those rows when first opened (schema 13): the derived-table check then finds nothing
/// to name, and a person with events is still refused retraction.
#[test]
fn sqlite_a_file_with_event_person_references_is_brought_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let mut store = vigil_store::SqliteStore::open(&path).unwrap();
    load(
        &mut store,
        r#"{"type":"person","id":"p1","country":"BY"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-01-10"}
"#,
    )
    .unwrap();
    drop(store);
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch(
        "INSERT INTO reference (from_type, from_id, to_type, to_id) VALUES ('event', 'e1', 'person', 'p1'); PRAGMA user_version = 12;",
    )
    .unwrap();
    drop(c);
    let mut store = vigil_store::SqliteStore::open(&path).unwrap();
    assert_eq!(vigil_store::derived::check(&store).unwrap(), None);
    let mut w = store.begin().unwrap();
    let meta = vigil_store::Meta {
        at: "2026-02-01T00:00:00.000000Z".into(),
        actor: "editor".into(),
        reason: None,
    };
    let err = vigil_store::ops::retract(
        w.as_mut(),
        &meta,
        vigil_core::record::RecordType::Person,
        "p1",
        vigil_store::ops::Expect::Any,
    )
    .unwrap_err();
    assert!(err.to_string().contains("event 'e1'"), "{err}");
}
