//! An import into an empty registry builds the registry it leaves as it writes
//! (`vigil_store::import_building`, what `vigil import` saves the day arrays from instead
//! of reading the registry back): on both backends it must describe alike, and count
//! alike, with what `Store::load` reads back — every record type, lines out of order,
//! merges, places, case facts, letters, restricted persons — and it is not built when
//! the registry was not empty.

mod common;

use vigil_core::date::PartialDate;
use vigil_core::registry::Registry;
use vigil_store::{import_building, PgStore, SqliteStore, Store};

/// Every record type; an event and a person before what they refer to.
const RICH: &str = r#"{"type":"event","id":"r1","person":"p-real","kind":"detained","date":"2020-08-10"}
{"type":"event","id":"r2","person":"p-real","kind":"transferred","date":"2020-08-13","details":{"place":"pl-sizo1"}}
{"type":"place","id":"pl-sizo1","names":[{"text":"СИЗО-1, Минск","lang":"ru"},{"text":"Pre-trial prison No. 1, Minsk","lang":"en"}],"kind":"sizo","country":"BY","region":"Minsk","address":"220030, г. Минск, ул. Володарского, 2"}
{"type":"person","id":"p-real","names":[{"text":"Real Shaped"},{"text":"Реальны Прыклад","lang":"be"}],"sex":"male","birth_date":"1985-04-02","country":"BY","visibility":"public","consent":["letters","calendar"],"envelope":"Прыкладу Рэальнаму Іванавічу, 1985 г. н."}
{"type":"event","id":"r3","person":"p-real","kind":"recognized","date":"2020-09","details":{"by":"Viasna"}}
{"type":"event","id":"r5","person":"p-real","kind":"sentenced","date":"2021-03-03","details":{"term_months":132,"regime":"general","articles":["342","130"],"court":"Minsk City Court"}}
{"type":"event","id":"r6","person":"p-real","kind":"transferred","date":"2021-04-20","details":{"in_transit":true}}
{"type":"source","id":"s-rich","publisher":"RFE/RL","title":"Belarus Issues New Pardons","url":"https://example.org/a","published":"2024-12-09"}
{"type":"person","id":"p-ales","names":[{"text":"Ales Bialiatski"},{"text":"Алесь Бяляцкі","lang":"be"}],"sex":"male","birth_date":"1962-09-25","country":"BY","region":"Minsk","roles":["human_rights_defender"],"health":["chronic_illness"],"prominent":true,"visibility":"public"}
{"type":"person","id":"p-unnamed","names":[{"text":"Unnamed prisoner"}],"sex":"female","birth_date":"1990","country":"BY","visibility":"restricted"}
{"type":"event","id":"e-rich1","person":"p-ales","kind":"detained","date":"2021-07-14","sources":["s-rich"]}
{"type":"event","id":"e-rich2","person":"p-ales","kind":"recognized","date":"2021-07","details":{"by":"Viasna"}}
{"type":"event","id":"e-rich3","person":"p-ales","kind":"sentenced","date":"2023-03-03","details":{"term_months":120,"articles":["228"]}}
{"type":"event","id":"e-rich4","person":"p-ales","kind":"released","date":"2025-12-13","details":{"reason":"deported"}}
{"type":"event","id":"e-rich5","person":"p-unnamed","kind":"pardoned","date":"2024-12-09","announcement":"a-rich"}
{"type":"announcement","id":"a-rich","kind":"pardon","date":"2024-12-09","country":"BY","issuer":"Presidential administration","total":29,"names_disclosed":false,"sources":["s-rich"]}
{"type":"event","id":"e-rich6","person":"p-unnamed","kind":"detained","date":"2022-03"}
{"type":"event","id":"e-rich7","person":"p-unnamed","kind":"recognized","date":"2022"}
{"type":"figure","id":"f-rich","metric":"political_prisoners_held","value":1300,"qualifier":"approximately","as_of":"2024-12-09","country":"BY","sources":["s-rich"]}
{"type":"merge","id":"merge-p9","keep":"p-ales","merged":"p-dup"}
{"type":"person","id":"p-dup","names":[{"text":"Ales Bialiatski"}],"country":"BY"}
{"type":"event","id":"e-rich9","person":"p-dup","kind":"detained","date":"2021-07-15"}
"#;

use common::opts;

fn text() -> String {
    RICH.to_string() + &common::generated(400, 5)
}

fn describe(reg: &Registry) -> std::collections::BTreeMap<String, String> {
    let day = |s: &str| s.parse::<PartialDate>().unwrap().first_day();
    reg.describe(day("2020-01-01"), day("2026-06-01"))
}

/// What an import into `store` (empty) builds is what the store loads back; a second
/// import into it builds nothing.
fn built_equals_loaded(store: &mut dyn Store) {
    let text = text();
    let (report, built) =
        import_building(store, &mut text.as_bytes(), &opts(), &mut |_| {}, true).unwrap();
    assert_eq!(report.added, text.lines().count());
    let built = built.expect("built: the registry was empty");
    let loaded = store.load().unwrap();
    assert!(loaded.person_count() > 400);
    let (b, l) = (describe(&built), describe(&loaded));
    assert_eq!(b.len(), l.len());
    for (key, want) in &l {
        assert_eq!(b.get(key), Some(want), "{key}");
    }
    // Compared as values: the per-country arrays are a map, serialized in any order.
    assert!(
        built.counts() == loaded.counts(),
        "the same day arrays in every mode"
    );
    let more = r#"{"type":"person","id":"p-late","country":"BY"}"#;
    let (_, again) =
        import_building(store, &mut more.as_bytes(), &opts(), &mut |_| {}, true).unwrap();
    assert!(
        again.is_none(),
        "not built into a registry that was not empty"
    );
}

#[test]
fn an_import_into_an_empty_sqlite_file_builds_what_it_loads() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("v.db")).unwrap();
    built_equals_loaded(&mut store);
}

#[test]
fn postgres_an_import_into_an_empty_database_builds_what_it_loads() {
    let Some((url, schema)) = common::pg_schema("vigil_import_builds") else {
        return;
    };
    let mut store = PgStore::open(&url, Some(&schema)).unwrap();
    built_equals_loaded(&mut store);
    let _ = store.execute_raw(&format!("DROP SCHEMA \"{schema}\" CASCADE"));
}

#[test]
fn an_import_that_fails_or_is_not_asked_to_builds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("v.db")).unwrap();
    let text = text();
    let (_, built) = import_building(
        &mut store,
        &mut text.as_bytes(),
        &opts(),
        &mut |_| {},
        false,
    )
    .unwrap();
    assert!(built.is_none());
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("v.db")).unwrap();
    let bad = format!("{text}{{\"type\":\"event\",\"id\":\"e-bad\",\"person\":\"nobody\",\"kind\":\"detained\",\"date\":\"2024-02-03\"}}\n");
    assert!(import_building(&mut store, &mut bad.as_bytes(), &opts(), &mut |_| {}, true).is_err());
    assert_eq!(store.head().unwrap().entries, 0);
}
