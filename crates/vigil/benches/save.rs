//! How long a save takes to be visible: a server (`Live`) on a registry, another
//! connection writing one record at a time (an event, a correction of a person, a new
//! person, an announcement, a figure), and the server's `refresh` after each — the path
//! every save and every followed write takes. Beside it, in the same run, the full load a
//! save cost before (`AppState::load`: registry and directory read whole). At the end
//! the followed registry is compared with a full load of the same store.
//!
//! `VIGIL_BENCH_DB=/tmp/bench/r216000.db cargo bench -p vigil --bench save` (the file is
//! copied first, so it is left as it was; `VIGIL_BENCH_SAVES=N`, default 30).

use std::time::{Duration, Instant};

use vigil_core::date::Day;
use vigil_core::registry::Mode;
use vigil_server::{AppState, Live};
use vigil_store::{import, ImportOptions, SqliteStore, Store};

fn opts() -> ImportOptions {
    ImportOptions {
        actor: "editor".into(),
        reason: None,
        at: "2026-12-01T00:00:00.000000Z".into(),
        update: true,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let Ok(db) = std::env::var("VIGIL_BENCH_DB") else {
        eprintln!("set VIGIL_BENCH_DB to an imported registry (benches/run.sh makes them)");
        return;
    };
    let saves: usize = std::env::var("VIGIL_BENCH_SAVES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.db");
    std::fs::copy(&db, &path).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();

    let t = Instant::now();
    let state = AppState::load(Box::new(SqliteStore::open(&path).unwrap())).unwrap();
    let full_first = t.elapsed();
    let live = Live::new(state);
    let snap = live.snapshot();
    let (persons, events) = (snap.registry.person_count(), snap.registry.event_count());
    let ids: Vec<String> = (0..50u32)
        .map(|i| {
            let p = (u64::from(i) * 7919 % persons as u64) as u32;
            snap.registry.person_id(p).to_string()
        })
        .collect();
    drop(snap);
    println!(
        "{persons} persons, {events} events; full load (registry + directory): {:.0} ms",
        ms(full_first)
    );
    let on = Day::ymd(2024, 12, 9).unwrap();
    // The dashboard has been asked: the curves exist, as on a serving server.
    for mode in [Mode::Recognized, Mode::RecognizedByDate, Mode::All] {
        let _ = live.snapshot().registry.held(on, None, mode);
    }
    let held_before = live.snapshot().registry.held(on, None, Mode::All).held;

    let mut writer = SqliteStore::open(&path).unwrap();
    let mut times = Vec::new();
    let mut writes = Vec::new();
    for i in 0..saves {
        let person = &ids[i % ids.len()];
        let line = match i % 5 {
            0 => format!(
                r#"{{"type":"event","id":"bench-e{i}","person":"{person}","kind":"detained","date":"2024-11-{:02}"}}"#,
                1 + i % 28
            ),
            1 => format!(
                r#"{{"type":"person","id":"{person}","names":[{{"text":"Bench Person {i}"}}],"sex":"female","country":"BY"}}"#
            ),
            2 => format!(
                r#"{{"type":"person","id":"bench-p{i}","names":[{{"text":"Новы Чалавек {i}"}}],"country":"BY"}}"#
            ),
            3 => format!(
                r#"{{"type":"announcement","id":"bench-a{i}","kind":"pardon","date":"2024-11-20","country":"BY","total":{i}}}"#
            ),
            _ => format!(
                r#"{{"type":"figure","id":"bench-f{i}","metric":"political_prisoners_held","value":{i},"qualifier":"approximately","as_of":"2024-11-01","country":"BY"}}"#
            ),
        };
        let t = Instant::now();
        import(&mut writer, &mut line.as_bytes(), &opts(), &mut |_| {}).unwrap();
        writes.push(t.elapsed());
        let t = Instant::now();
        assert!(rt.block_on(live.refresh()).unwrap(), "the save was seen");
        times.push(t.elapsed());
    }
    let held_after = live.snapshot().registry.held(on, None, Mode::All).held;
    let mut sorted = times.clone();
    sorted.sort();
    let p = |q: f64| sorted[((sorted.len() as f64 - 1.0) * q).round() as usize];
    writes.sort();
    println!(
        "{saves} saves, each visible after (refresh: entries read, registry and directory patched, swapped): p50 {:.1} ms, p90 {:.1} ms, max {:.1} ms (the write itself: p50 {:.1} ms)",
        ms(p(0.5)),
        ms(p(0.9)),
        ms(p(1.0)),
        ms(writes[writes.len() / 2]),
    );
    println!("held (all) on {on}: {held_before} before, {held_after} after");
    // Which kind of save the slow ones are, and whether the first saves pay for something.
    let kinds = [
        "event",
        "person corrected",
        "new person",
        "announcement",
        "figure",
    ];
    for (k, kind) in kinds.iter().enumerate() {
        let of_kind: Vec<String> = times
            .iter()
            .skip(k)
            .step_by(kinds.len())
            .map(|t| format!("{:.1}", ms(*t)))
            .collect();
        println!("  {kind}: {} ms", of_kind.join(", "));
    }

    let t = Instant::now();
    let full = SqliteStore::open(&path).unwrap().load().unwrap();
    let reload = t.elapsed();
    let t = Instant::now();
    let state = AppState::load(Box::new(SqliteStore::open(&path).unwrap())).unwrap();
    let reload_all = t.elapsed();
    drop(state);
    println!(
        "peer, same run: full registry load {:.0} ms; registry + directory {:.0} ms; ratio full ÷ patched p50 = {:.0}×",
        ms(reload),
        ms(reload_all),
        reload_all.as_secs_f64() / p(0.5).as_secs_f64()
    );
    let (from, to) = (
        Day::ymd(2024, 1, 1).unwrap(),
        Day::ymd(2024, 12, 31).unwrap(),
    );
    let followed = live.snapshot();
    let same = followed.registry.describe(from, to) == full.describe(from, to);
    println!("followed registry equal to a full load: {same}");
    assert!(same);
}
