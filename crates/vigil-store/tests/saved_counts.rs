//! The day arrays saved beside the log (`vigil_store::counts`), on both backends: saved
//! by the first answer, read back equal to the registry's, and never read once they are
//! not the current ones — after a write, when another program saved them, when they are
//! damaged — nor saved under a position the log has left; numbers written over them are
//! found by `vigil verify`'s check and removed by a rebuild.

mod common;

use vigil_core::date::PartialDate;
use vigil_core::registry::{DayCounts, Mode};
use vigil_store::{counts, import, ImportOptions, Store};

const BASE: &str = r#"{"type":"person","id":"p1","country":"BY"}
{"type":"person","id":"p2","country":"BY"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-03"}
{"type":"event","id":"e2","person":"p1","kind":"recognized","date":"2021-04-01"}
{"type":"event","id":"e3","person":"p2","kind":"detained","date":"2022-01-10"}
{"type":"event","id":"e4","person":"p2","kind":"recognized","date":"2022-02-01"}
"#;

const MORE: &str = r#"{"type":"person","id":"p3","country":"RU"}
{"type":"event","id":"e5","person":"p3","kind":"detained","date":"2022-05-02"}
{"type":"event","id":"e6","person":"p3","kind":"recognized","date":"2022-06-01"}
"#;

fn add(store: &mut dyn Store, text: &str) {
    let opts = ImportOptions {
        actor: "suite".into(),
        reason: None,
        at: "2026-01-01T00:00:00.000000Z".into(),
        update: false,
    };
    import(store, &mut text.as_bytes(), &opts, &mut |_| {}).unwrap();
}

fn held_on(c: &impl DayCounts, day: &str) -> i64 {
    let d = day.parse::<PartialDate>().unwrap().first_day();
    c.held_on(d, None, Mode::Recognized).held
}

fn scenario(store: &mut dyn Store) {
    add(store, BASE);
    let head = store.head().unwrap();
    assert_eq!(
        counts::saved(store, &head).unwrap(),
        None,
        "nothing saved yet"
    );

    // The first answer computes them from the registry and saves them.
    let (first, at) = counts::current(store).unwrap();
    assert_eq!(at, head);
    assert_eq!(first, store.load().unwrap().counts());
    assert_eq!(held_on(&first, "2023-01-01"), 2);
    let saved = counts::saved(store, &head).unwrap();
    assert_eq!(saved.as_ref(), Some(&first), "read back as computed");

    // A write moves the head: the saved counts are out of date and not read.
    add(store, MORE);
    let moved = store.head().unwrap();
    assert_eq!(
        counts::saved(store, &moved).unwrap(),
        None,
        "a write leaves them behind"
    );
    let (second, _) = counts::current(store).unwrap();
    assert_eq!(
        held_on(&second, "2023-01-01"),
        3,
        "the new person is counted"
    );
    assert_eq!(counts::saved(store, &moved).unwrap(), Some(second.clone()));

    // Counts are never filed under a position the log has left.
    assert!(!counts::save(store, &head, &first).unwrap());
    assert_eq!(counts::saved(store, &moved).unwrap(), Some(second.clone()));

    // Another program's counts (another build, other counting rules) are not read.
    let mut row = store.saved_counts().unwrap().unwrap();
    row.program = "vigil 0.0.0 counts 1 exe 1 0.000000000".into();
    row.body = first.to_bytes();
    store.save_counts(&row).unwrap();
    assert_eq!(
        counts::saved(store, &moved).unwrap(),
        None,
        "another program's"
    );

    // Damaged counts are not read; the next answer computes them again.
    row.program = counts::program().unwrap();
    row.body = b"{\"modes\":[".to_vec();
    store.save_counts(&row).unwrap();
    assert_eq!(counts::saved(store, &moved).unwrap(), None, "damaged");
    let (third, _) = counts::current(store).unwrap();
    assert_eq!(third, second);
    assert_eq!(counts::saved(store, &moved).unwrap(), Some(second.clone()));
    assert_eq!(
        counts::check(store).unwrap(),
        None,
        "verify: what the log gives"
    );

    // Numbers written over the saved ones by someone with the database in hand are read
    // (they name the current head and this program), but `vigil verify` finds them and a
    // rebuild removes them.
    row.body = first.to_bytes();
    store.save_counts(&row).unwrap();
    assert_eq!(counts::saved(store, &moved).unwrap(), Some(first));
    let found = counts::check(store).unwrap().expect("verify finds them");
    assert!(found.contains("not what the log gives"), "{found}");
    store.rebuild().unwrap();
    assert_eq!(
        counts::saved(store, &moved).unwrap(),
        None,
        "a rebuild removes them"
    );
    assert_eq!(counts::check(store).unwrap(), None);
}

#[test]
fn sqlite_saved_counts_are_read_only_when_current() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = vigil_store::SqliteStore::open(&dir.path().join("t.db")).unwrap();
    scenario(&mut store);
}

#[test]
fn postgres_saved_counts_are_read_only_when_current() {
    let Some((url, schema)) = common::pg_schema("vigil_test_counts") else {
        return;
    };
    let mut store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
    scenario(&mut store);
    store
        .execute_raw(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .unwrap();
}
