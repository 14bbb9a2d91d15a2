//! Counting benchmarks: time to first answer (open + load + index), and warm queries.
//!
//! `VIGIL_BENCH_DB=path.db cargo bench -p vigil --bench series` measures an existing
//! database (see docs/performance.md for how the 1M and 10M-event ones are made);
//! without it, a registry of `VIGIL_BENCH_PERSONS` persons (default 20,000) is generated
//! in memory.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use vigil_core::access::Audience;
use vigil_core::date::Day;
use vigil_core::generate::{generate, Settings};
use vigil_core::record::{parse_record, AnnouncementKind};
use vigil_core::registry::{Builder, By, Mode, Registry, Step};
use vigil_store::{SqliteStore, Store};

fn registry() -> Registry {
    if let Ok(url) = std::env::var("VIGIL_BENCH_URL") {
        let started = Instant::now();
        let store = vigil_store::PgStore::open(&url, None)
            .expect("VIGIL_BENCH_URL must name a vigil database");
        let reg = store.load().expect("load");
        let first = reg.held(Day::ymd(2024, 12, 9).unwrap(), None, Mode::Recognized);
        eprintln!(
            "PostgreSQL: {} persons, {} events; connect + load + index, first answer (held {}) after {:.2?}",
            reg.person_count(),
            reg.event_count(),
            first.held,
            started.elapsed()
        );
        return reg;
    }
    if let Some(path) = std::env::var_os("VIGIL_BENCH_DB").map(PathBuf::from) {
        let started = Instant::now();
        let store =
            SqliteStore::open_existing(&path).expect("VIGIL_BENCH_DB must name a vigil database");
        let reg = store.load().expect("load");
        let loaded = started.elapsed();
        let first = reg.held(Day::ymd(2024, 12, 9).unwrap(), None, Mode::Recognized);
        eprintln!(
            "{}: {} persons, {} events; open + load + index {:.2?}, first answer (held {}) after {:.2?}",
            path.display(),
            reg.person_count(),
            reg.event_count(),
            loaded,
            first.held,
            started.elapsed()
        );
        return reg;
    }
    // VIGIL_BENCH_PERSONS=216000 generates the 1M-event registry in memory (as
    // `vigil generate --persons 216000 --seed 1` writes it), without a database.
    let persons = std::env::var("VIGIL_BENCH_PERSONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let mut b = Builder::new();
    generate(Settings { persons, seed: 1 }, &mut |line| {
        b.add_record(&parse_record(line).unwrap().into_record())
            .unwrap();
    });
    b.finish()
}

/// The process's resident memory now and at its peak (`/proc/self/status`), for the
/// tables in docs/performance.md.
fn rss() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map_or("?".to_string(), |v| v.trim().to_string())
    };
    format!("RSS {}, peak {}", field("VmRSS:"), field("VmHWM:"))
}

/// The case dimensions of `held --by`.
const CASE_BY: [(&str, By); 6] = [
    ("article", By::Article),
    ("place", By::Place),
    ("regime", By::Regime),
    ("status", By::Status),
    ("recognized_by", By::RecognizedBy),
    ("term (the sentence-length distribution)", By::Term),
];

fn counting(c: &mut Criterion) {
    let reg = registry();
    eprintln!("registry loaded: {}", rss());
    let (from, to) = (
        Day::ymd(2020, 8, 1).unwrap(),
        Day::ymd(2026, 10, 31).unwrap(),
    );
    let on = Day::ymd(2024, 12, 9).unwrap();
    // Warm: the day arrays exist after the first question.
    black_box(reg.held(on, None, Mode::Recognized));
    c.bench_function(
        "series daily 2020-08-01..2026-10-31 (2,283 points, bounds)",
        |b| {
            b.iter(|| black_box(reg.series(from, to, Step::Day, None, Mode::Recognized)));
        },
    );
    c.bench_function("series daily, one country", |b| {
        b.iter(|| black_box(reg.series(from, to, Step::Day, Some("BY"), Mode::Recognized)));
    });
    c.bench_function("series monthly", |b| {
        b.iter(|| black_box(reg.series(from, to, Step::Month, None, Mode::Recognized)));
    });
    c.bench_function("held on a day", |b| {
        b.iter(|| black_box(reg.held(on, Some("BY"), Mode::Recognized)));
    });
    c.bench_function("waves BY 2024", |b| {
        b.iter(|| black_box(reg.waves("BY", 2024, AnnouncementKind::Pardon)));
    });
    // Precomputed per day (warm: built by the first question), beside the scan it
    // replaced, which is the peer.
    let first = std::time::Instant::now();
    black_box(reg.held_by(on, None, Mode::Recognized, By::Sex, Audience::Trusted));
    black_box(reg.held_by(on, None, Mode::Recognized, By::Age, Audience::Public));
    eprintln!(
        "first held_by (builds the sex and age breakdowns): {:?}",
        first.elapsed()
    );
    c.bench_function("held on a day by sex (precomputed)", |b| {
        b.iter(|| black_box(reg.held_by(on, None, Mode::Recognized, By::Sex, Audience::Trusted)));
    });
    c.bench_function("held on a day by age, public (precomputed)", |b| {
        b.iter(|| {
            black_box(reg.held_by(on, Some("BY"), Mode::Recognized, By::Age, Audience::Public))
        });
    });
    // The case breakdowns, precomputed the same way (their first build cuts each
    // person's days where the key can change).
    for (name, by) in CASE_BY {
        let first = std::time::Instant::now();
        black_box(reg.held_by(on, None, Mode::Recognized, by, Audience::Trusted));
        eprintln!("first held_by by {name} (builds it): {:?}", first.elapsed());
        c.bench_function(&format!("held on a day by {name} (precomputed)"), |b| {
            b.iter(|| black_box(reg.held_by(on, None, Mode::Recognized, by, Audience::Trusted)));
        });
    }
    let (y0, y1) = (
        Day::ymd(2024, 1, 1).unwrap(),
        Day::ymd(2024, 12, 31).unwrap(),
    );
    let first = std::time::Instant::now();
    black_box(reg.flow(y0, y1, None, Mode::Recognized));
    eprintln!(
        "first flow (builds the per-day counts): {:?}",
        first.elapsed()
    );
    // Counting by releases, precomputed per day too (docs/cases.md).
    let first = std::time::Instant::now();
    black_box(reg.releases_by_month(on, 12, None, Mode::Recognized, Audience::Public));
    eprintln!(
        "first expected releases per month (builds them): {:?}",
        first.elapsed()
    );
    c.bench_function(
        "expected releases per month, 12 months (precomputed)",
        |b| {
            b.iter(|| {
                black_box(reg.releases_by_month(on, 12, None, Mode::Recognized, Audience::Public))
            });
        },
    );
    let first = std::time::Instant::now();
    black_box(reg.released_between(Day(on.0 - 6), on, None, Mode::Recognized));
    eprintln!(
        "first released this week (builds it): {:?}",
        first.elapsed()
    );
    c.bench_function("released in the 7 days up to a day (precomputed)", |b| {
        b.iter(|| black_box(reg.released_between(Day(on.0 - 6), on, None, Mode::Recognized)));
    });
    c.bench_function("flow over a year (precomputed)", |b| {
        b.iter(|| black_box(reg.flow(y0, y1, None, Mode::Recognized)));
    });
    eprintln!("every breakdown, flow and release count built: {}", rss());
    let mut slow = c.benchmark_group("scans");
    slow.sample_size(10);
    slow.bench_function("held on a day by sex (scan)", |b| {
        b.iter(|| {
            black_box(reg.held_by_scan(on, None, Mode::Recognized, By::Sex, Audience::Trusted))
        });
    });
    // The case breakdowns (docs/cases.md): the scan walks one timeline per held person.
    for (name, by) in CASE_BY {
        slow.bench_function(format!("held on a day by {name} (scan)"), |b| {
            b.iter(|| {
                black_box(reg.held_by_scan(on, None, Mode::Recognized, by, Audience::Trusted))
            });
        });
    }
    // Counting by releases (docs/cases.md): expected releases of those held, per month.
    slow.bench_function("expected releases per month, 12 months (scan)", |b| {
        b.iter(|| {
            black_box(reg.releases_by_month_scan(on, 12, None, Mode::Recognized, Audience::Public))
        });
    });
    slow.bench_function("released in the 7 days up to a day (scan)", |b| {
        b.iter(|| black_box(reg.released_between_scan(Day(on.0 - 6), on, None, Mode::Recognized)));
    });
    slow.bench_function("flow over a year (scan)", |b| {
        b.iter(|| {
            black_box(reg.flow_scan(
                Day::ymd(2024, 1, 1).unwrap(),
                Day::ymd(2024, 12, 31).unwrap(),
                None,
                Mode::Recognized,
            ))
        });
    });
    slow.finish();
}

criterion_group!(benches, counting);
criterion_main!(benches);
