//! The size, timed: 100 of 5,000 candidates with six keys (docs/performance.md).
//!
//! Candidates as `crates/vigil/benches/identify.rs` generates them (35 % women, birth
//! years 1940–2003 with 10 % unknown, health unknown for 30 %), the breakdown what a
//! random selection of 100 really has. Run in release with
//! `cargo test -p vigil-core --release identify::scale -- --ignored --nocapture`.

use super::count;

/// Peak resident memory of this process so far (VmHWM), in kB.
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Attributes on (women, men, under 25, pensioners, disabled, chronic illness) and the
/// targets of a random selection of `size`.
pub(super) fn candidates(n: usize, size: usize, seed: u64) -> (Vec<count::Attrs>, Vec<usize>) {
    let mut s = seed;
    let mut next = move || {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((s >> 11) as f64) / ((1u64 << 53) as f64)
    };
    let persons: Vec<count::Attrs> = (0..n)
        .map(|_| {
            let female = next() < 0.35;
            let year = (next() < 0.9).then(|| 1940 + (next() * 64.0) as i32);
            let health = (next() < 0.7).then(|| (next() < 0.1, next() < 0.4));
            // Ages on 2024-12-09 from a 1 January birthday; pension ages 58 / 63.
            let age = year.map(|y| 2024 - y);
            vec![
                Some(female),
                Some(!female),
                age.map(|a| a < 25),
                age.map(|a| a >= if female { 58 } else { 63 }),
                health.map(|h| h.0),
                health.map(|h| h.1),
            ]
        })
        .collect();
    let mut picked: Vec<usize> = (0..n).collect();
    for i in 0..size {
        let j = i + ((next() * (n - i) as f64) as usize).min(n - i - 1);
        picked.swap(i, j);
    }
    let targets = (0..6)
        .map(|k| {
            picked[..size]
                .iter()
                .filter(|&&i| persons[i][k] == Some(true))
                .count()
        })
        .collect();
    (persons, targets)
}

// A printed measurement, never an assertion on a duration: the one clock read in vigil-core.
#[allow(clippy::disallowed_methods)]
#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn a_hundred_of_five_thousand_with_six_keys() {
    for (n, size) in [(1_300, 29), (5_000, 100)] {
        let (persons, targets) = candidates(n, size, 1);
        let unknown = persons
            .iter()
            .filter(|p| p.iter().any(Option::is_none))
            .count();
        // What `identify` counts: "men" is left out there when "women" is given.
        let (five, five_targets) = five_keys(&persons, &targets);
        let start = std::time::Instant::now();
        let got = count::inclusion(&five, size, &five_targets, Some(0));
        println!(
            "{size} of {n}, the five keys identify counts: {} in {:.1} ms, peak RSS (VmHWM) {} kB",
            got.as_ref()
                .map_or_else(|e| e.0.clone(), |_| "counted".into()),
            start.elapsed().as_secs_f64() * 1e3,
            peak_kb().unwrap_or(0)
        );
        if let Ok(p) = &got {
            let sum: f64 = p.iter().sum();
            assert!((sum - size as f64).abs() < 1e-6, "{sum}");
        }
        if size < 100 {
            // The dense count this replaced, for the time and the agreement.
            let start = std::time::Instant::now();
            let dense = count::inclusion_by(&five, size, &five_targets, Some(0), count::Way::Dense);
            let took = start.elapsed();
            let (Ok(dense), Ok(blocks)) = (&dense, &got) else {
                panic!("both count {size} of {n}");
            };
            let worst = dense
                .iter()
                .zip(blocks)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max);
            println!(
                "{size} of {n}, five keys, dense: {:.1} ms; blocks and dense differ by at most {worst:.1e}",
                took.as_secs_f64() * 1e3
            );
            assert!(worst < 1e-9);
        }
        let start = std::time::Instant::now();
        let p = count::inclusion(&persons, size, &targets, Some(0));
        let took = start.elapsed();
        let peak = peak_kb().unwrap_or(0);
        match p {
            Ok(p) => {
                let sum: f64 = p.iter().sum();
                println!(
                    "{size} of {n}, six keys, {unknown} with unknowns, targets {targets:?}: {:.1} ms, probabilities sum to {sum:.9}, peak RSS (VmHWM) {peak} kB",
                    took.as_secs_f64() * 1e3
                );
                assert!((sum - size as f64).abs() < 1e-6, "{sum}");
            }
            Err(e) => println!(
                "{size} of {n}, six keys, {unknown} with unknowns, targets {targets:?}: refused in {:.1} ms: {}",
                took.as_secs_f64() * 1e3,
                e.0
            ),
        }
    }
}

// A printed measurement, as above: larger waves than the issue's, five keys.
#[allow(clippy::disallowed_methods)]
#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn larger_waves() {
    for (n, size) in [(10_000, 200), (20_000, 400)] {
        let (persons, targets) = candidates(n, size, 1);
        let (five, five_targets) = five_keys(&persons, &targets);
        let (needed, work) = count::estimate(&five, size, &five_targets, Some(0)).unwrap();
        println!("{size} of {n}, five keys: estimated {needed} values, {work:.2e} multiply-adds");
        let start = std::time::Instant::now();
        let got = count::inclusion(&five, size, &five_targets, Some(0));
        let took = start.elapsed().as_secs_f64();
        match got {
            Ok(p) => {
                let sum: f64 = p.iter().sum();
                println!(
                    "{size} of {n}, five keys, targets {five_targets:?}: counted in {:.1} ms, probabilities sum to {sum:.9}, peak RSS (VmHWM) {} kB",
                    took * 1e3,
                    peak_kb().unwrap_or(0)
                );
                assert!((sum - size as f64).abs() < 1e-6, "{sum}");
            }
            Err(e) => println!(
                "{size} of {n}, five keys, targets {five_targets:?}: refused in {:.1} ms: {}",
                took * 1e3,
                e.0
            ),
        }
    }
}

// A printed measurement, as above: the approximation taken where the exact count does
// not fit, against the exact count where it does, then at sizes only it reaches.
#[allow(clippy::disallowed_methods)]
#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn larger_waves_approximately() {
    for (n, size) in [
        (5_000, 100),
        (10_000, 200),
        (20_000, 400),
        (100_000, 2_000),
        (1_000_000, 20_000),
    ] {
        for seed in 1..4 {
            let (persons, targets) = candidates(n, size, seed);
            let (five, five_targets) = five_keys(&persons, &targets);
            let start = std::time::Instant::now();
            let approx = super::approx::inclusion(&five, size, &five_targets)
                .expect("generated targets are met inside");
            let took = start.elapsed().as_secs_f64();
            let sum: f64 = approx.iter().sum();
            assert!((sum - size as f64).abs() < 1e-6 * size as f64, "{sum}");
            let exact = (n <= 5_000).then(|| {
                let start = std::time::Instant::now();
                let exact = count::inclusion(&five, size, &five_targets, Some(0)).unwrap();
                (exact, start.elapsed().as_secs_f64())
            });
            let against = exact.map_or_else(
                || {
                    "exact count not tried (refused by its budgets from 200 of 10,000 on)"
                        .to_string()
                },
                |(e, t)| {
                    let worst = e
                        .iter()
                        .zip(&approx)
                        .map(|(a, b)| (a - b).abs())
                        .fold(0.0, f64::max);
                    format!(
                        "exact count {:.1} ms, largest difference {worst:.2e}",
                        t * 1e3
                    )
                },
            );
            println!(
                "{size} of {n}, seed {seed}, five keys {five_targets:?}: approximated in {:.2} ms; {against}; peak RSS (VmHWM) {} kB",
                took * 1e3,
                peak_kb().unwrap_or(0)
            );
        }
    }
}

/// The five keys `identify` counts (women, under 25, pensioners, disabled, chronic).
pub(super) fn five_keys(
    persons: &[count::Attrs],
    targets: &[usize],
) -> (Vec<count::Attrs>, Vec<usize>) {
    let keys = [0, 2, 3, 4, 5];
    (
        persons
            .iter()
            .map(|p| keys.iter().map(|&k| p[k]).collect())
            .collect(),
        keys.iter().map(|&k| targets[k]).collect(),
    )
}

#[test]
fn blocks_by_age_agree_with_the_dense_count_on_generated_waves() {
    // Generated as the measurement's candidates (unknown birth dates and health), at a
    // size the dense count finishes quickly in a debug build.
    for seed in 1..4 {
        let (persons, targets) = candidates(300, 15, seed);
        let (five, targets) = five_keys(&persons, &targets);
        let dense = count::inclusion_by(&five, 15, &targets, Some(0), count::Way::Dense).unwrap();
        // In each half the keys are (under 25, pensioners, disabled, chronic); the third
        // nonempty set of them, {under 25, pensioners}, makes the age keys outer.
        for way in [count::Way::Blocks(2), count::Way::Cheapest] {
            let got = count::inclusion_by(&five, 15, &targets, Some(0), way).unwrap();
            for (i, (d, g)) in dense.iter().zip(&got).enumerate() {
                assert!(
                    (d - g).abs() < 1e-9,
                    "seed {seed}, {way:?}, person {i}: {g} vs {d}"
                );
            }
            let sum: f64 = got.iter().sum();
            assert!((sum - 15.0).abs() < 1e-9, "{sum}");
        }
    }
}

/// The case `the_memory_estimate_covers_the_peak` asks a child process to count: "n,size"
/// (0 candidates: count nothing, for the harness's own peak).
const CASE: &str = "VIGIL_IDENTIFY_SCALE_CASE";

// A printed measurement, as above.
#[allow(clippy::disallowed_methods)]
#[test]
#[ignore = "run by the_memory_estimate_covers_the_peak, in a process of its own"]
fn one_count_in_a_process_of_its_own() {
    let Ok(case) = std::env::var(CASE) else {
        return;
    };
    let (n, size) = case.split_once(',').expect("n,size");
    let (n, size): (usize, usize) = (n.parse().expect("n"), size.parse().expect("size"));
    if n > 0 {
        let (persons, targets) = candidates(n, size, 1);
        let (five, five_targets) = five_keys(&persons, &targets);
        let start = std::time::Instant::now();
        let p = count::inclusion_unbudgeted(&five, size, &five_targets, Some(0));
        let sum: f64 = p.iter().sum();
        println!(
            "COUNTED in {:.1} ms, probabilities sum to {sum:.9}",
            start.elapsed().as_secs_f64() * 1e3
        );
        assert!((sum - size as f64).abs() < 1e-6, "{sum}");
    }
    println!("VMHWM {}", peak_kb().unwrap_or(0));
}

/// The peak memory (kB) and what `one_count_in_a_process_of_its_own` printed, for a case.
fn in_a_child(case: &str) -> (u64, String) {
    let exe = std::env::current_exe().expect("the test binary");
    let out = std::process::Command::new(exe)
        .args([
            "identify::scale::one_count_in_a_process_of_its_own",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CASE, case)
        .output()
        .expect("the test binary runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{case}: {text}");
    let kb = text
        .lines()
        .find_map(|l| l.split("VMHWM ").nth(1))
        .and_then(|v| v.trim().parse().ok())
        .expect("the child prints its peak");
    (kb, text)
}

#[test]
#[ignore = "a measurement (minutes, gigabytes at worst): run in release with --ignored --nocapture"]
fn the_memory_estimate_covers_the_peak() {
    // Each count in a fresh process, so its peak is its own; the harness's alone is taken
    // off. The estimate (values of 8 bytes) must cover what the count really held, and
    // not be so far above it that it refuses counts that would fit.
    let (base, _) = in_a_child("0,0");
    for (n, size) in [(5_000, 100), (10_000, 200), (20_000, 400)] {
        let (persons, targets) = candidates(n, size, 1);
        let (five, five_targets) = five_keys(&persons, &targets);
        let (needed, work) = count::estimate(&five, size, &five_targets, Some(0)).unwrap();
        let estimated = needed as u64 * 8 / 1024;
        if work > 2e11 {
            // Hours of counting: the estimate alone.
            println!("{size} of {n}: estimated {needed} values ({} MB) and {work:.2e} multiply-adds; not counted", estimated / 1024);
            continue;
        }
        let (peak, text) = in_a_child(&format!("{n},{size}"));
        let used = peak.saturating_sub(base);
        let counted = text
            .lines()
            .find_map(|l| l.split("COUNTED ").nth(1))
            .unwrap_or("");
        println!(
            "{size} of {n}: estimated {needed} values ({} MB) and {work:.2e} multiply-adds; the count's peak {} MB (VmHWM {peak} kB less the harness's {base} kB), {:.2}× under the estimate; counted {counted}",
            estimated / 1024,
            used / 1024,
            estimated as f64 / used.max(1) as f64
        );
        assert!(
            estimated >= used,
            "{size} of {n}: {estimated} kB estimated, {used} kB used"
        );
        assert!(
            estimated <= 4 * used + 64 * 1024,
            "{size} of {n}: {estimated} kB estimated, {used} kB used"
        );
    }
}
