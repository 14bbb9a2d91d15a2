//! Announcement identification: exact candidate probabilities.
//!
//! `cargo bench -p vigil --bench identify` runs five sizes on generated candidates:
//! a small wave where brute-force enumeration of every selection finishes (the peer),
//! a wave like the seed report's (29 of 1,300 in custody, six breakdown keys), the
//! issue's target (100 of 5,000, six keys), and two the exact count refuses and the
//! approximation answers (200 of 10,000; 2,000 of 100,000). See docs/performance.md.

#![allow(clippy::many_single_char_names)] // n, b, i, j, k as in the counting notes

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use vigil_core::access::Audience;
use vigil_core::identify::identify;
use vigil_core::record::parse_record;
use vigil_core::registry::{Builder, Registry};

struct Person {
    female: bool,
    birth_year: Option<i32>,
    /// (disabled, chronic), None when unknown.
    health: Option<(bool, bool)>,
}

/// `n` recognized prisoners in Belarus held since 2022, and a pardon of `size` of them on
/// 2024-12-09 whose breakdown is what a random selection of `size` really has. With
/// `known`, every attribute is known (so brute force can count without splitting unknowns).
fn registry(n: usize, size: usize, keys: usize, known: bool, seed: u64) -> (Registry, Vec<Person>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let persons: Vec<Person> = (0..n)
        .map(|_| Person {
            female: rng.gen_bool(0.35),
            birth_year: (known || rng.gen_bool(0.9)).then(|| rng.gen_range(1940..2004)),
            health: (known || rng.gen_bool(0.7)).then(|| (rng.gen_bool(0.1), rng.gen_bool(0.4))),
        })
        .collect();
    let mut picked: Vec<usize> = (0..n).collect();
    for i in 0..size {
        let j = rng.gen_range(i..n);
        picked.swap(i, j);
    }
    let chosen = &picked[..size];
    let count = |f: &dyn Fn(&Person) -> bool| chosen.iter().filter(|&&i| f(&persons[i])).count();
    // Ages on 2024-12-09 from a 1 January birthday; Belarus pension ages 58 / 63.
    let age = |p: &Person| p.birth_year.map(|y| 2024 - y);
    let all_keys = [
        ("women", count(&|p| p.female)),
        ("men", count(&|p| !p.female)),
        ("under_25", count(&|p| age(p).is_some_and(|a| a < 25))),
        (
            "pensioners",
            count(&|p| age(p).is_some_and(|a| a >= if p.female { 58 } else { 63 })),
        ),
        ("disabled", count(&|p| p.health.is_some_and(|h| h.0))),
        ("chronic_illness", count(&|p| p.health.is_some_and(|h| h.1))),
    ];
    let breakdown: Vec<String> = all_keys[..keys]
        .iter()
        .map(|(k, c)| format!("\"{k}\":{c}"))
        .collect();
    let mut b = Builder::new();
    let mut add = |line: String| {
        b.add_record(&parse_record(&line).unwrap().into_record())
            .unwrap();
    };
    add(format!(
        r#"{{"type":"announcement","id":"wave","kind":"pardon","date":"2024-12-09","country":"BY","total":{size},"breakdown":{{{}}}}}"#,
        breakdown.join(",")
    ));
    for (i, p) in persons.iter().enumerate() {
        let sex = if p.female { "female" } else { "male" };
        let birth = p
            .birth_year
            .map_or(String::new(), |y| format!(r#","birth_date":"{y}-01-01""#));
        let health = match p.health {
            None => String::new(),
            Some((d, c)) => {
                let mut h = Vec::new();
                if d {
                    h.push("\"disability\"");
                }
                if c {
                    h.push("\"chronic_illness\"");
                }
                format!(r#","health":[{}]"#, h.join(","))
            }
        };
        add(format!(
            r#"{{"type":"person","id":"p{i}","sex":"{sex}","country":"BY"{birth}{health}}}"#
        ));
        add(format!(
            r#"{{"type":"event","id":"p{i}d","person":"p{i}","kind":"detained","date":"2022-01-01"}}"#
        ));
        add(format!(
            r#"{{"type":"event","id":"p{i}r","person":"p{i}","kind":"recognized","date":"2022-02-01"}}"#
        ));
    }
    (b.finish(), persons)
}

/// Every selection of `size` from the candidates whose counts match the breakdown: the
/// probability of each candidate being in one. Only for all-known attributes.
fn brute(persons: &[Person], size: usize, reg: &Registry) -> Vec<f64> {
    let a = reg.announcement("wave").unwrap();
    let want = |k: &str| a.breakdown.get(k).copied().map(|n| n as usize);
    let attrs: Vec<[bool; 3]> = persons
        .iter()
        .map(|p| {
            let age = 2024 - p.birth_year.unwrap();
            [p.female, age < 25, age >= if p.female { 58 } else { 63 }]
        })
        .collect();
    let targets = [want("women"), want("under_25"), want("pensioners")];
    let n = persons.len();
    let mut hits = vec![0u64; n];
    let mut total = 0u64;
    let mut pick: Vec<usize> = (0..size).collect();
    loop {
        let ok = (0..3)
            .all(|k| targets[k].is_none_or(|t| pick.iter().filter(|&&i| attrs[i][k]).count() == t));
        if ok {
            total += 1;
            for &i in &pick {
                hits[i] += 1;
            }
        }
        // Next combination in lexicographic order.
        let Some(i) = (0..size).rev().find(|&i| pick[i] != i + n - size) else {
            break;
        };
        pick[i] += 1;
        for j in i + 1..size {
            pick[j] = pick[j - 1] + 1;
        }
    }
    hits.iter().map(|&h| h as f64 / total as f64).collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("identify");
    g.sample_size(10);

    // 8 of 24, three keys: the DP against enumerating all C(24, 8) = 735,471 selections.
    let (reg, persons) = registry(24, 8, 3, true, 7);
    let dp = identify(&reg, "wave", Audience::Trusted).unwrap();
    let exact = brute(&persons, 8, &reg);
    for c in &dp.candidates {
        let i: usize = c.person[1..].parse().unwrap();
        assert!(
            (c.probability - exact[i]).abs() < 1e-9,
            "{} vs {}",
            c.probability,
            exact[i]
        );
    }
    g.bench_function("8 of 24, 3 keys: exact DP", |b| {
        b.iter(|| black_box(identify(&reg, "wave", Audience::Trusted)));
    });
    g.bench_function("8 of 24, 3 keys: brute force", |b| {
        b.iter(|| black_box(brute(&persons, 8, &reg)));
    });

    // Beyond the issue's size the exact count is refused and the approximation answers
    // (AAPP's coalition announces releases in the thousands).
    for (n, size) in [(1_300, 29), (5_000, 100), (10_000, 200), (100_000, 2_000)] {
        let (reg, _) = registry(n, size, 6, false, 11);
        let a = identify(&reg, "wave", Audience::Trusted).unwrap();
        eprintln!(
            "{size} of {n}, six keys: {} candidates with a probability, {} with unknown attributes; {}",
            a.candidates.len(),
            a.candidates_with_unknowns,
            a.candidates_not_computed
                .as_deref()
                .or(a.candidates_approximate.as_deref())
                .unwrap_or("computed exactly")
        );
        // What is timed: an exact count up to the issue's size, the approximation beyond.
        assert_eq!(
            a.candidates_approximate.is_some(),
            n > 5_000,
            "{size} of {n}"
        );
        assert!(a.candidates_not_computed.is_none(), "{size} of {n}");
        g.bench_function(format!("{size} of {n}, 6 keys"), |b| {
            b.iter(|| black_box(identify(&reg, "wave", Audience::Trusted)));
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
