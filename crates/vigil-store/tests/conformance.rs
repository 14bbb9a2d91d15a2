//! The store conformance suite: what every backend must do, written against `dyn Store`.
//! It runs on SQLite always; the PostgreSQL backend plugs into the same functions.

use vigil_core::access::Audience;
use vigil_core::date::PartialDate;
use vigil_core::record::RecordType;
use vigil_core::registry::{Mode, Status};
use vigil_store::ops::{self, Expect, OpError, Refusal};
use vigil_store::{import, ImportFailure, ImportOptions, Meta, SqliteStore, Store};

const BASE: &str = r#"{"type":"source","id":"s1","publisher":"Viasna"}
{"type":"person","id":"p1","country":"BY","sex":"female"}
{"type":"person","id":"p2","country":"BY","sex":"male"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-03","sources":["s1"]}
{"type":"event","id":"e2","person":"p1","kind":"recognized","date":"2021-04-01"}
{"type":"event","id":"e3","person":"p2","kind":"detained","date":"2022-01-10"}
{"type":"event","id":"e4","person":"p2","kind":"recognized","date":"2022-02-01"}
{"type":"announcement","id":"a1","kind":"pardon","date":"2024-07-03","country":"BY","total":18}
{"type":"event","id":"e5","person":"p2","kind":"pardoned","date":"2024-07-03","announcement":"a1"}
"#;

fn opts() -> ImportOptions {
    ImportOptions {
        actor: "suite".into(),
        reason: Some("conformance".into()),
        at: "2026-01-01T00:00:00.000000Z".into(),
        update: false,
    }
}

fn load(store: &mut dyn Store, text: &str) -> Result<vigil_store::ImportReport, ImportFailure> {
    import(store, &mut text.as_bytes(), &opts(), &mut |_| {})
}

fn day(s: &str) -> vigil_core::date::Day {
    s.parse::<PartialDate>().unwrap().first_day()
}

/// Each scenario becomes one test per backend, named after it, so a failure names the
/// scenario and the backend and hides no other.
macro_rules! scenarios {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $name() {
                let dir = tempfile::tempdir().unwrap();
                let mut store = vigil_store::SqliteStore::open(&dir.path().join("t.db")).unwrap();
                super::$name(&mut store);
            })+
        }
        mod postgres {
            $(#[test]
            fn $name() {
                let Some(url) = super::postgres_url() else { return };
                let schema = super::fresh_schema(stringify!($name));
                let mut store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
                super::$name(&mut store);
                drop(store);
                super::drop_schema(&url, &schema);
            })+
        }
    };
}

scenarios!(
    an_import_appends_one_entry_per_record_and_chains_them,
    a_failed_import_leaves_no_trace,
    the_loaded_registry_counts_what_was_imported,
    retraction_and_as_of,
    export_order_puts_references_first,
    accounts_tokens_and_audit,
    a_records_history_is_its_log_entries,
    a_records_body_and_a_persons_events_are_read_back,
    a_correction_keeps_what_points_at_the_record,
    a_rebuild_gives_the_same_derived_rows,
    a_hidden_event_does_not_decide_what_the_public_is_told,
    a_persons_letters_load_from_their_column,
);

const LETTERS: &str = r#"{"type":"person","id":"p1","country":"BY","consent":["letters","calendar"],"envelope":"Івановай Ганне, 1980 г.н."}
{"type":"person","id":"p2","country":"BY","envelope":"Пятрову Івану"}
{"type":"person","id":"p3","country":"BY"}
"#;

/// A person's consents and envelope name (the `letters` column both writers fill, what
/// loading reads instead of the body) load as written, follow a correction, are what a
/// replay of the log gives, and are checked by `derived::check`.
fn a_persons_letters_load_from_their_column(store: &mut dyn Store) {
    use vigil_core::registry::{Letters, Registry};
    let letters = |reg: &Registry, id: &str| reg.letters_of(reg.person_index(id)?).cloned();
    let column = |store: &dyn Store, id: &str| {
        let rows = store.derived_rows().unwrap();
        rows.persons
            .into_iter()
            .find(|p| p.id == id)
            .unwrap()
            .letters
    };
    load(store, LETTERS).unwrap();
    let reg = store.load().unwrap();
    let envelope = |e: &str| Some(Box::<str>::from(e));
    assert_eq!(
        letters(&reg, "p1"),
        Some(Letters {
            letters: true,
            calendar: true,
            envelope: envelope("Івановай Ганне, 1980 г.н.")
        })
    );
    assert_eq!(
        letters(&reg, "p2"),
        Some(Letters {
            letters: false,
            calendar: false,
            envelope: envelope("Пятрову Івану")
        })
    );
    assert_eq!(letters(&reg, "p3"), None);
    assert_eq!(
        column(store, "p2").as_deref(),
        Some(r#"{"envelope":"Пятрову Івану"}"#)
    );
    assert_eq!(column(store, "p3"), None);
    // p1 withdraws both: the column and the registry follow the correction.
    let update = ImportOptions {
        update: true,
        ..opts()
    };
    let line = r#"{"type":"person","id":"p1","country":"BY","consent":["calendar"]}"#;
    import(store, &mut line.as_bytes(), &update, &mut |_| {}).unwrap();
    let reg = store.load().unwrap();
    assert_eq!(
        letters(&reg, "p1"),
        Some(Letters {
            letters: false,
            calendar: true,
            envelope: None
        })
    );
    assert_eq!(
        column(store, "p1").as_deref(),
        Some(r#"{"consent":["calendar"]}"#)
    );
    let replayed = store.load_as_of(store.head().unwrap().entries).unwrap();
    for id in ["p1", "p2", "p3"] {
        assert_eq!(letters(&reg, id), letters(&replayed, id), "{id}");
    }
    assert_eq!(vigil_store::derived::check(store).unwrap(), None);
}

/// A public person with a confidential release, and a restricted person merged into a
/// public one: the loaded registry tells the public what their public events say, and
/// counts everyone (both backends store and read back each event's visibility).
fn a_hidden_event_does_not_decide_what_the_public_is_told(store: &mut dyn Store) {
    load(
        store,
        r#"{"type":"person","id":"p1","country":"BY"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2020-05-01"}
{"type":"event","id":"e2","person":"p1","kind":"released","date":"2021-03-17","visibility":"confidential"}
{"type":"person","id":"p3","country":"BY","visibility":"restricted"}
{"type":"event","id":"e3","person":"p3","kind":"detained","date":"2021-01-01"}
{"type":"person","id":"p4","country":"BY"}
{"type":"merge","id":"m1","keep":"p4","merged":"p3"}
"#,
    )
    .unwrap();
    let reg = store.load().unwrap();
    let on = day("2022-01-01");
    let (p1, p4) = (
        reg.person_index("p1").unwrap(),
        reg.person_index("p4").unwrap(),
    );
    assert_eq!(reg.status(p1, on, Audience::Trusted), Status::Released);
    assert_eq!(reg.status(p1, on, Audience::Public), Status::Held);
    assert_eq!(reg.status(p4, on, Audience::Trusted), Status::Held);
    assert_eq!(reg.status(p4, on, Audience::Public), Status::NotDetained);
    assert_eq!(
        reg.held(on, None, Mode::All).held,
        1,
        "counts see every event"
    );
    assert_eq!(vigil_store::derived::check(store).unwrap(), None);
}

fn a_records_body_and_a_persons_events_are_read_back(store: &mut dyn Store) {
    load(store, BASE).unwrap();
    let body = store
        .record_body(RecordType::Person, "p1")
        .unwrap()
        .unwrap();
    assert_eq!(
        body,
        r#"{"country":"BY","id":"p1","sex":"female","type":"person"}"#
    );
    assert_eq!(store.record_body(RecordType::Person, "p404").unwrap(), None);
    // By date, then the order recorded; the same order on both backends.
    let events: Vec<String> = store
        .events_of("p2")
        .unwrap()
        .iter()
        .map(|b| {
            serde_json::from_str::<serde_json::Value>(b).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(events, ["e3", "e4", "e5"]);
    assert!(store.events_of("p404").unwrap().is_empty());
}

fn a_correction_keeps_what_points_at_the_record(store: &mut dyn Store) {
    load(store, BASE).unwrap();
    let held = |s: &dyn Store| {
        s.load()
            .unwrap()
            .held(day("2023-01-01"), None, Mode::Recognized)
            .held
    };
    assert_eq!(held(store), 2);
    // The person and the announcement events point at, corrected.
    let fix = "{\"type\":\"person\",\"id\":\"p2\",\"country\":\"BY\",\"sex\":\"male\",\"birth_date\":\"1980\"}\n{\"type\":\"announcement\",\"id\":\"a1\",\"kind\":\"pardon\",\"date\":\"2024-07-03\",\"country\":\"BY\",\"total\":19}\n";
    let mut o = opts();
    o.update = true;
    let r = import(store, &mut fix.as_bytes(), &o, &mut |_| {}).unwrap();
    assert_eq!(r.corrected, 2);
    assert_eq!(held(store), 2);
    assert_eq!(store.events_of("p2").unwrap().len(), 3);
    assert_eq!(vigil_store::derived::check(store).unwrap(), None);
    let waves =
        store
            .load()
            .unwrap()
            .waves("BY", 2024, vigil_core::record::AnnouncementKind::Pardon);
    assert_eq!(waves.total, 19);
}

fn a_rebuild_gives_the_same_derived_rows(store: &mut dyn Store) {
    load(store, BASE).unwrap();
    let mut o = opts();
    o.update = true;
    let fix = "{\"type\":\"person\",\"id\":\"p1\",\"country\":\"BY\",\"sex\":\"female\",\"region\":\"Minsk\"}\n";
    import(store, &mut fix.as_bytes(), &o, &mut |_| {}).unwrap();
    let before = export_all(store);
    let counts = store
        .load()
        .unwrap()
        .held(day("2023-01-01"), None, Mode::All);
    let head = store.rebuild().unwrap();
    assert_eq!(head, store.head().unwrap());
    assert_eq!(export_all(store), before);
    assert_eq!(
        store
            .load()
            .unwrap()
            .held(day("2023-01-01"), None, Mode::All),
        counts
    );
    assert_eq!(vigil_store::derived::check(store).unwrap(), None);
    assert_eq!(store.events_of("p1").unwrap().len(), 2);
}

fn export_all(store: &dyn Store) -> Vec<String> {
    let mut out = Vec::new();
    store
        .export(&mut |_, b| {
            out.push(b.to_string());
            Ok(())
        })
        .unwrap();
    out
}

fn a_records_history_is_its_log_entries(store: &mut dyn Store) {
    load(store, BASE).unwrap();
    let fix = BASE.replace(
        "{\"type\":\"person\",\"id\":\"p1\",\"country\":\"BY\",\"sex\":\"female\"}",
        "{\"type\":\"person\",\"id\":\"p1\",\"country\":\"BY\",\"sex\":\"female\",\"region\":\"Minsk\"}",
    );
    let mut opts = opts();
    opts.update = true;
    import(store, &mut fix.as_bytes(), &opts, &mut |_| {}).unwrap();
    let h = store.history(RecordType::Person, "p1").unwrap();
    assert_eq!(h.len(), 2, "{h:?}");
    assert_eq!(
        h[1].refers_to,
        Some(h[0].seq),
        "the correction points at what it corrects"
    );
    assert!(h[1].body.as_deref().unwrap().contains("Minsk"));
    assert!(store
        .history(RecordType::Person, "nobody")
        .unwrap()
        .is_empty());
}

fn accounts_tokens_and_audit(store: &mut dyn Store) {
    use vigil_store::accounts::{hash_password, secret_hash, Account, AuditRow, Role, TokenRow};
    let audit = |action: &str, subject: &str| AuditRow {
        at: "2026-11-25T10:00:00.000000Z".into(),
        actor: "admin".into(),
        action: action.into(),
        subject: subject.into(),
    };
    assert_eq!(store.account("anna").unwrap(), None);
    let mut anna = Account {
        name: "anna".into(),
        role: Role::Editor,
        hash: hash_password("a long enough password").unwrap(),
        disabled: false,
    };
    store
        .save_account(&anna, &audit("user add", "anna"))
        .unwrap();
    assert_eq!(store.account("anna").unwrap().as_ref(), Some(&anna));
    anna.role = Role::Viewer;
    anna.disabled = true;
    store
        .save_account(&anna, &audit("user role", "anna"))
        .unwrap();
    assert_eq!(store.account("anna").unwrap().unwrap().role, Role::Viewer);
    assert!(store.account("anna").unwrap().unwrap().disabled);
    assert_eq!(store.accounts().unwrap().len(), 1);
    let token = TokenRow {
        name: "script".into(),
        role: Role::Viewer,
        created: "2026-11-25T10:00:00.000000Z".into(),
        revoked: false,
        expires: Some("2027-02-23T10:00:00.000000Z".into()),
    };
    store
        .save_token(
            &secret_hash("the secret"),
            &token,
            &audit("token create", "script"),
        )
        .unwrap();
    assert_eq!(
        store.token(&secret_hash("the secret")).unwrap(),
        Some(token.clone())
    );
    assert_eq!(store.token(&secret_hash("another")).unwrap(), None);
    // Revoking rewrites the same token; the list shows it, by its hash.
    let mut revoked = token.clone();
    revoked.revoked = true;
    store
        .save_token(
            &secret_hash("the secret"),
            &revoked,
            &audit("token revoke", "script"),
        )
        .unwrap();
    assert_eq!(
        store.tokens().unwrap(),
        [(secret_hash("the secret"), revoked.clone())]
    );
    assert!(!revoked.valid_at("2026-12-01T00:00:00.000000Z"));
    assert!(token.valid_at("2026-12-01T00:00:00.000000Z"));
    assert!(!token.valid_at("2027-03-01T00:00:00.000000Z"), "expired");
    store.record_audit(&audit("read", "person p1")).unwrap();
    let trail: Vec<String> = store
        .audit_trail(10)
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(
        trail,
        [
            "read",
            "token revoke",
            "token create",
            "user role",
            "user add"
        ]
    );
    // One chain of five rows, and every account and token as its last row recorded.
    let head = store.verify_audit().unwrap().unwrap();
    assert_eq!(head.rows, 5);
    assert_eq!(
        head.hash,
        store.audit_chain().unwrap().last().unwrap().hash,
        "the head is the last link"
    );
    // None of it touches the registry's log.
    assert_eq!(store.head().unwrap().entries, 0);
}

fn an_import_appends_one_entry_per_record_and_chains_them(store: &mut dyn Store) {
    assert_eq!(store.head().unwrap().entries, 0);
    let r = load(store, BASE).unwrap();
    assert_eq!((r.added, r.unchanged), (9, 0));
    let head = store.head().unwrap();
    assert_eq!(head.entries, 9);
    assert_eq!(store.verify().unwrap().unwrap(), head);
    let mut seen = Vec::new();
    store
        .for_each_entry(None, &mut |e| {
            seen.push((e.seq, e.rtype, e.rid, e.actor, e.reason));
            Ok(())
        })
        .unwrap();
    assert_eq!(seen.len(), 9);
    assert_eq!(
        seen[0],
        (
            1,
            RecordType::Source,
            "s1".into(),
            "suite".into(),
            Some("conformance".into())
        )
    );
    let again = load(store, BASE).unwrap();
    assert_eq!((again.added, again.unchanged), (0, 9));
    assert_eq!(
        store.head().unwrap(),
        head,
        "a repeated import appends nothing"
    );
}

fn a_failed_import_leaves_no_trace(store: &mut dyn Store) {
    load(store, BASE).unwrap();
    let head = store.head().unwrap();
    let bad = "{\"type\":\"person\",\"id\":\"p3\"}\n{\"type\":\"event\",\"id\":\"e9\",\"person\":\"p3\",\"kind\":\"detained\",\"date\":\"2024-02-30\"}\n";
    let Err(ImportFailure::Invalid(errors)) = load(store, bad) else {
        panic!("must fail")
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 2);
    assert_eq!(store.head().unwrap(), head);
    assert!(
        store.current(RecordType::Person, "p3").unwrap().is_none(),
        "the good line before the bad one is not kept"
    );
}

fn the_loaded_registry_counts_what_was_imported(store: &mut dyn Store) {
    load(store, BASE).unwrap();
    let reg = store.load().unwrap();
    assert_eq!(reg.person_count(), 2);
    assert_eq!(reg.event_count(), 5);
    let h = reg.held(day("2023-01-01"), Some("BY"), Mode::Recognized);
    assert_eq!((h.held, h.held_min, h.held_max), (2, 2, 2));
    let h = reg.held(day("2021-03-15"), None, Mode::All);
    assert_eq!(
        (h.held, h.held_min, h.held_max),
        (1, 0, 1),
        "detained in March 2021: possibly held mid-March"
    );
    assert_eq!(
        reg.held(day("2024-07-03"), None, Mode::Recognized).held,
        1,
        "pardoned on the day is out"
    );
    // The replayed registry agrees with the loaded one.
    let replayed = store.load_as_of(store.head().unwrap().entries).unwrap();
    for d in ["2021-03-15", "2022-06-01", "2024-07-03", "2026-01-01"] {
        for mode in [Mode::Recognized, Mode::All, Mode::RecognizedByDate] {
            assert_eq!(
                replayed.held(day(d), None, mode),
                reg.held(day(d), None, mode),
                "{d} {mode:?}"
            );
        }
    }
}

fn retraction_and_as_of(store: &mut dyn Store) {
    load(store, BASE).unwrap();
    let before = store.head().unwrap();
    let cur = store.current(RecordType::Event, "e5").unwrap().unwrap();
    let meta = Meta {
        at: "2026-02-01T00:00:00.000000Z".into(),
        actor: "editor".into(),
        reason: Some("wrong person".into()),
    };
    let retract = |w: &mut dyn vigil_store::Writer, rtype, rid: &str| {
        ops::retract(w, &meta, rtype, rid, Expect::Any)
    };
    let mut w = store.begin().unwrap();
    ops::retract(
        w.as_mut(),
        &meta,
        RecordType::Event,
        "e5",
        Expect::Version(cur.seq),
    )
    .unwrap();
    w.commit().unwrap();
    assert!(
        store
            .current(RecordType::Event, "e5")
            .unwrap()
            .unwrap()
            .retracted
    );
    assert_eq!(
        store
            .load()
            .unwrap()
            .held(day("2025-01-01"), None, Mode::Recognized)
            .held,
        2
    );
    assert_eq!(
        store
            .load_as_of(before.entries)
            .unwrap()
            .held(day("2025-01-01"), None, Mode::Recognized)
            .held,
        1
    );
    assert_eq!(
        store.seq_at("2026-01-15T00:00:00.000000Z").unwrap(),
        before.entries
    );
    assert_eq!(store.seq_at("2025-01-01T00:00:00.000000Z").unwrap(), 0);
    // A person with events cannot be retracted; nothing is half-written when refused.
    let head = store.head().unwrap();
    let mut w = store.begin().unwrap();
    let err = retract(w.as_mut(), RecordType::Person, "p1").unwrap_err();
    assert!(
        matches!(err, OpError::Refused(Refusal::InUse { .. })),
        "{err}"
    );
    drop(w);
    assert_eq!(store.head().unwrap(), head);
    // A person's events (their own rows, not `reference` rows) and a merge are named,
    // in order, the first five of them.
    load(
        store,
        r#"{"type":"person","id":"p9","country":"BY"}
{"type":"merge","id":"m1","keep":"p9","merged":"p1"}
{"type":"event","id":"e7","person":"p1","kind":"released","date":"2025-01-01"}
{"type":"event","id":"e8","person":"p1","kind":"exiled","date":"2025-02-01"}
{"type":"event","id":"e9","person":"p1","kind":"harassed","date":"2025-03-01"}
"#,
    )
    .unwrap();
    let mut w = store.begin().unwrap();
    let err = retract(w.as_mut(), RecordType::Person, "p1").unwrap_err();
    assert_eq!(
        err.to_string(),
        "person 'p1' is still referred to by event 'e1', event 'e2', event 'e7', event 'e8', event 'e9', 1 more; retract those first"
    );
    drop(w);
    let head = store.head().unwrap();
    assert_eq!(store.head().unwrap(), head);
    // Nor an announcement that an event still points at (e5 was retracted above, so add one).
    load(store, "{\"type\":\"event\",\"id\":\"e6\",\"person\":\"p2\",\"kind\":\"pardoned\",\"date\":\"2024-07-03\",\"announcement\":\"a1\"}\n").unwrap();
    let head = store.head().unwrap();
    let mut w = store.begin().unwrap();
    let err = retract(w.as_mut(), RecordType::Announcement, "a1").unwrap_err();
    assert_eq!(
        err.to_string(),
        "announcement 'a1' is still referred to by event 'e6'; retract those first"
    );
    drop(w);
    assert_eq!(store.head().unwrap(), head);
    assert!(store.verify().unwrap().is_ok());
}

fn export_order_puts_references_first(store: &mut dyn Store) {
    load(store, BASE).unwrap();
    let mut types = Vec::new();
    store
        .export(&mut |t, _| {
            types.push(t);
            Ok(())
        })
        .unwrap();
    let ranks: Vec<usize> = types.iter().map(|t| t.rank()).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{types:?}");
    assert_eq!(types.len(), 9);
}

#[test]
fn sqlite_refuses_a_database_from_a_newer_vigil() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(SqliteStore::open(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = SqliteStore::open(&path).err().unwrap();
    assert!(
        err.to_string()
            .contains("written by a newer vigil (schema 99"),
        "{err}"
    );
}

/// The PostgreSQL URL for tests: set by `.ci/run`; without it the PostgreSQL half is
/// skipped locally and fails in CI (CI=true), so it never silently stops running.
fn postgres_url() -> Option<String> {
    match std::env::var("VIGIL_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI=true but VIGIL_TEST_DATABASE_URL is not set: the PostgreSQL tests must run"
            );
            eprintln!("VIGIL_TEST_DATABASE_URL not set: PostgreSQL half skipped");
            None
        }
    }
}

/// A schema name no other test run uses.
fn fresh_schema(tag: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("vigil_test_{tag}_{}_{nanos}", std::process::id())
}

fn drop_schema(url: &str, schema: &str) {
    let admin = vigil_store::PgStore::open(url, Some(schema)).unwrap();
    admin
        .execute_raw(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .unwrap();
}

#[test]
fn postgres_log_is_append_only_and_tampering_is_found() {
    let Some(url) = postgres_url() else { return };
    let schema = fresh_schema("tamper");
    let mut store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
    load(&mut store, BASE).unwrap();
    let err = store
        .execute_raw("UPDATE log SET actor = 'mallory' WHERE seq = 5")
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    // Someone with the database's owner role can drop the trigger: verify still finds it.
    store
        .execute_raw("DROP TRIGGER log_no_update ON log; UPDATE log SET body = replace(body, '2021-04-01', '2021-05-01') WHERE seq = 5")
        .unwrap();
    let broken = store.verify().unwrap().unwrap_err();
    assert!(broken.to_string().contains('5'), "{broken}");
    drop(store);
    drop_schema(&url, &schema);
}

#[test]
fn postgres_concurrent_writers_keep_one_chain() {
    let Some(url) = postgres_url() else { return };
    let schema = fresh_schema("writers");
    drop(vigil_store::PgStore::open(&url, Some(&schema)).unwrap());
    // Four writers in their own connections (as four processes would be), 25 small
    // imports each, interleaving.
    std::thread::scope(|scope| {
        for w in 0..4 {
            let (url, schema) = (url.clone(), schema.clone());
            scope.spawn(move || {
                let mut store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
                for i in 0..25 {
                    let line =
                        format!("{{\"type\":\"person\",\"id\":\"w{w}-{i}\",\"country\":\"BY\"}}\n");
                    load(&mut store, &line).unwrap();
                }
            });
        }
    });
    let store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
    let head = store.head().unwrap();
    assert_eq!(head.entries, 100, "no write lost");
    assert_eq!(store.verify().unwrap().unwrap(), head, "one unbroken chain");
    assert_eq!(store.load().unwrap().person_count(), 100);
    drop(store);
    drop_schema(&url, &schema);
}

/// A file from before the `reference` table, carrying the damage an older vigil did to
/// it (an event's person row lost by a correction): bringing it up to date rebuilds its
/// derived tables from the log, so it loads, verifies and refuses retractions again.
#[test]
fn sqlite_an_older_file_is_rebuilt_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let mut store = SqliteStore::open(&path).unwrap();
    load(&mut store, BASE).unwrap();
    add_account(&store);
    drop(store);
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch(
        "DROP TABLE counts; DROP TABLE sheet_mapping; DROP TABLE reference; ALTER TABLE token DROP COLUMN expires; ALTER TABLE event DROP COLUMN visibility; ALTER TABLE event DROP COLUMN details; ALTER TABLE person DROP COLUMN letters; ALTER TABLE audit DROP COLUMN state; ALTER TABLE audit DROP COLUMN hash; UPDATE event SET person_pk = 999 WHERE id = 'e1'; PRAGMA user_version = 4;",
    )
    .unwrap();
    drop(c);
    let store = SqliteStore::open(&path).unwrap();
    upgraded(store);
}

#[test]
fn postgres_an_older_database_is_rebuilt_on_upgrade() {
    let Some(url) = postgres_url() else { return };
    let schema = fresh_schema("upgrade");
    let mut store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
    load(&mut store, BASE).unwrap();
    add_account(&store);
    store
        .execute_raw("DROP TABLE counts; DROP TABLE sheet_mapping; DROP TABLE reference; ALTER TABLE token DROP COLUMN expires; ALTER TABLE event DROP COLUMN visibility; ALTER TABLE event DROP COLUMN details; ALTER TABLE person DROP COLUMN letters; ALTER TABLE audit DROP COLUMN state; ALTER TABLE audit DROP COLUMN hash; UPDATE event SET person_pk = 999 WHERE id = 'e1'; DELETE FROM vigil_schema WHERE version >= 4;")
        .unwrap();
    drop(store);
    upgraded(vigil_store::PgStore::open(&url, Some(&schema)).unwrap());
    drop_schema(&url, &schema);
}

/// An editor, added through the store (one audit row).
fn add_account(store: &dyn Store) {
    use vigil_store::accounts::{Account, AuditRow, Role};
    let anna = Account {
        name: "anna".into(),
        role: Role::Editor,
        hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo".into(),
        disabled: false,
    };
    let row = AuditRow {
        at: "2026-11-25T10:00:00.000000Z".into(),
        actor: "admin".into(),
        action: "user add".into(),
        subject: "anna".into(),
    };
    store.save_account(&anna, &row).unwrap();
}

/// On PostgreSQL too (the command line's test tampers with a SQLite file), an account
/// changed by writing to its table is found by `verify_audit`.
#[test]
fn postgres_an_account_changed_outside_vigil_is_found() {
    let Some(url) = postgres_url() else { return };
    let schema = fresh_schema("audit");
    let store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
    add_account(&store);
    assert_eq!(store.verify_audit().unwrap().unwrap().rows, 1);
    store
        .execute_raw("UPDATE account SET role = 'admin' WHERE name = 'anna'")
        .unwrap();
    let e = store.verify_audit().unwrap().unwrap_err();
    assert!(e.contains("account 'anna' is not in the state"), "{e}");
    drop(store);
    drop_schema(&url, &schema);
}

fn upgraded(mut store: impl Store) {
    assert_eq!(vigil_store::derived::check(&store).unwrap(), None);
    // The older audit row is linked, and the account given a first committed state.
    let audit = store.verify_audit().unwrap().unwrap();
    assert_eq!(audit.rows, 2);
    assert_eq!(
        store.audit_trail(1).unwrap()[0].action,
        "audit chain started"
    );
    assert_eq!(
        store
            .load()
            .unwrap()
            .held(day("2021-06-01"), None, Mode::Recognized)
            .held,
        1
    );
    let mut w = store.begin().unwrap();
    let meta = Meta {
        at: "2026-12-01T00:00:00.000000Z".into(),
        actor: "suite".into(),
        reason: None,
    };
    let err = ops::retract(w.as_mut(), &meta, RecordType::Source, "s1", Expect::Any).unwrap_err();
    assert!(
        err.to_string().contains("still referred to by event 'e1'"),
        "{err}"
    );
}
