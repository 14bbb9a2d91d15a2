//! Concurrent editors' write throughput on SQLite and PostgreSQL: 1, 8 and 32 writers, each
//! in its own connection (as separate processes would be), each writing one record per
//! transaction, as an editor's save does. Every write goes through the log's one chain.
//!
//! `VIGIL_BENCH_PG=postgres://… cargo bench -p vigil --bench writers` (without it, SQLite
//! only). The PostgreSQL database should be empty or disposable: each run uses a fresh
//! schema and drops it.

use std::time::{Duration, Instant};

use vigil_store::{import, ImportOptions, PgStore, SqliteStore, Store};

const WRITES_PER_WRITER: usize = 40;

fn opts(w: usize) -> ImportOptions {
    ImportOptions {
        actor: format!("editor{w}"),
        reason: None,
        at: "2026-11-25T00:00:00.000000Z".into(),
        update: false,
    }
}

fn run(name: &str, writers: usize, open: &(dyn Fn() -> Box<dyn Store + Send> + Sync)) {
    let started = Instant::now();
    let latencies: Vec<Duration> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..writers)
            .map(|w| {
                scope.spawn(move || {
                    let mut store = open();
                    let mut times = Vec::with_capacity(WRITES_PER_WRITER);
                    for i in 0..WRITES_PER_WRITER {
                        let line = format!(
                            "{{\"type\":\"person\",\"id\":\"w{writers}-{w}-{i}\",\"country\":\"BY\"}}\n"
                        );
                        let t = Instant::now();
                        import(store.as_mut(), &mut line.as_bytes(), &opts(w), &mut |_| {})
                            .expect("write");
                        times.push(t.elapsed());
                    }
                    times
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let elapsed = started.elapsed();
    let mut sorted = latencies.clone();
    sorted.sort();
    let p = |q: f64| sorted[((sorted.len() as f64 - 1.0) * q).round() as usize];
    let store = open();
    let v = store.verify().unwrap();
    println!(
        "{name:>10} {writers:>2} writers: {:>6.0} writes/s, latency p50 {:>8.2?} p99 {:>8.2?}; chain {} ({} entries)",
        latencies.len() as f64 / elapsed.as_secs_f64(),
        p(0.5),
        p(0.99),
        if v.is_ok() { "ok" } else { "BROKEN" },
        store.head().unwrap().entries
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    for writers in [1, 8, 32] {
        let path = dir.path().join(format!("w{writers}.db"));
        drop(SqliteStore::open(&path).unwrap());
        run("SQLite", writers, &|| {
            Box::new(SqliteStore::open(&path).unwrap())
        });
    }
    let Some(url) = std::env::var("VIGIL_BENCH_PG").ok() else {
        println!("VIGIL_BENCH_PG not set: PostgreSQL not measured");
        return;
    };
    for writers in [1, 8, 32] {
        let schema = format!("vigil_bench_writers_{writers}_{}", std::process::id());
        drop(PgStore::open(&url, Some(&schema)).unwrap());
        run("PostgreSQL", writers, &|| {
            Box::new(PgStore::open(&url, Some(&schema)).unwrap())
        });
        PgStore::open(&url, Some(&schema))
            .unwrap()
            .execute_raw(&format!("DROP SCHEMA {schema} CASCADE"))
            .unwrap();
    }
}
