//! The counting engine held against a slow, obvious model on random registries with
//! partial dates, re-arrests, pardons and recognitions.
//!
//! The model knows nothing of the engine's spans, merges or cumulative arrays: for each
//! person it pairs openings and closings by walking the events, then, for the bounds,
//! enumerates every combination of days the partial dates could stand for and asks,
//! day by day, "held in all of them?" (held_min) and "held in any?" (held_max).

use std::collections::BTreeMap;

use proptest::prelude::*;
use vigil_core::access::Audience;
use vigil_core::date::{Day, PartialDate};
use vigil_core::record::{parse_record, AnnouncementKind};
use vigil_core::registry::{Builder, By, Counts, DayCounts, Mode, Registry, Step};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Detained,
    Released,
    Pardoned,
    Died,
    Recognized,
    Withdrawn,
    Charged,
}

impl K {
    fn name(self) -> &'static str {
        match self {
            K::Detained => "detained",
            K::Released => "released",
            K::Pardoned => "pardoned",
            K::Died => "died_in_custody",
            K::Recognized => "recognized",
            K::Withdrawn => "recognition_withdrawn",
            K::Charged => "charged",
        }
    }
}

#[derive(Debug, Clone)]
struct Ev {
    kind: K,
    date: PartialDate,
}

#[derive(Debug, Clone)]
struct P {
    country: &'static str,
    events: Vec<Ev>,
}

fn kind() -> impl Strategy<Value = K> {
    prop_oneof![
        4 => Just(K::Detained),
        3 => Just(K::Released),
        2 => Just(K::Pardoned),
        1 => Just(K::Died),
        2 => Just(K::Recognized),
        1 => Just(K::Withdrawn),
        1 => Just(K::Charged),
    ]
}

/// A person: up to five events on distinct first days in 2021 (same-day ties are covered
/// by the table tests), at most two of them partial, at most one of those to the year.
fn person() -> impl Strategy<Value = P> {
    let ev = (kind(), 0u32..360, 0u8..100);
    (
        prop_oneof![Just("BY"), Just("RU")],
        prop::collection::vec(ev, 1..=5),
    )
        .prop_map(|(country, raw)| {
            let base = Day::ymd(2021, 1, 1).unwrap();
            let mut partial = 0;
            let mut year_used = false;
            let mut used_first_days = Vec::new();
            let mut events = Vec::new();
            for (kind, offset, roll) in raw {
                let day = Day(base.0 + offset as i32);
                let mut date = PartialDate::day(day);
                if roll < 30 && partial < 2 {
                    let n = day.to_naive();
                    date = PartialDate::month(2021, chrono_month(n)).unwrap();
                    partial += 1;
                } else if roll < 35 && partial == 0 && !year_used {
                    date = PartialDate::year(2021).unwrap();
                    partial = 2;
                    year_used = true;
                }
                if used_first_days.contains(&date.first_day()) {
                    continue;
                }
                used_first_days.push(date.first_day());
                events.push(Ev { kind, date });
            }
            P { country, events }
        })
}

fn chrono_month(d: chrono::NaiveDate) -> u32 {
    use chrono::Datelike;
    d.month()
}

/// The model's pairing: (opening event, closing event) by the contract's words, walking
/// events by first day.
fn model_pairs(events: &[Ev]) -> Vec<(usize, Option<usize>)> {
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| events[i].date.first_day());
    // A pardon closes unless a release follows it before the next detention or a death.
    let pardon_closes = |pos: usize| {
        order[pos + 1..]
            .iter()
            .map(|&j| events[j].kind)
            .take_while(|k| *k != K::Detained && *k != K::Died)
            .all(|k| k != K::Released)
    };
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    for (pos, &i) in order.iter().enumerate() {
        let closes = match events[i].kind {
            K::Released | K::Died => true,
            K::Pardoned => pardon_closes(pos),
            _ => false,
        };
        match (events[i].kind, open) {
            (K::Detained, None) => open = Some(i),
            (_, Some(o)) if closes => {
                pairs.push((o, Some(i)));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        pairs.push((o, None));
    }
    pairs
}

fn model_recognized_now(events: &[Ev]) -> bool {
    let mut order: Vec<&Ev> = events.iter().collect();
    order.sort_by_key(|e| e.date.first_day());
    order
        .iter()
        .rev()
        .find(|e| matches!(e.kind, K::Recognized | K::Withdrawn))
        .is_some_and(|e| e.kind == K::Recognized)
}

fn model_recognized_on(events: &[Ev], d: Day) -> bool {
    let mut order: Vec<&Ev> = events.iter().filter(|e| e.date.first_day() <= d).collect();
    order.sort_by_key(|e| e.date.first_day());
    order
        .iter()
        .rev()
        .find(|e| matches!(e.kind, K::Recognized | K::Withdrawn))
        .is_some_and(|e| e.kind == K::Recognized)
}

/// (held headline, surely held, possibly held) on each query day, by enumeration.
fn model_held(events: &[Ev], days: &[Day]) -> Vec<(bool, bool, bool)> {
    let pairs = model_pairs(events);
    let involved: Vec<usize> = pairs
        .iter()
        .flat_map(|(o, c)| std::iter::once(*o).chain(*c))
        .collect();
    let ranges: Vec<Vec<Day>> = involved
        .iter()
        .map(|&i| {
            (events[i].date.first_day().0..=events[i].date.last_day().0)
                .map(Day)
                .collect()
        })
        .collect();
    let held_with = |pick: &dyn Fn(usize) -> Day, d: Day| {
        pairs
            .iter()
            .any(|(o, c)| pick(*o) <= d && c.is_none_or(|c| d < pick(c)))
    };
    let headline: Vec<bool> = days
        .iter()
        .map(|&d| held_with(&|i| events[i].date.first_day(), d))
        .collect();
    let mut all = vec![true; days.len()];
    let mut any = vec![false; days.len()];
    // Odometer over every combination of days.
    let mut idx = vec![0usize; involved.len()];
    loop {
        let pick = |i: usize| {
            let k = involved.iter().position(|&x| x == i).unwrap();
            ranges[k][idx[k]]
        };
        for (n, &d) in days.iter().enumerate() {
            let h = held_with(&pick, d);
            all[n] &= h;
            any[n] |= h;
        }
        let mut k = 0;
        while k < idx.len() {
            idx[k] += 1;
            if idx[k] < ranges[k].len() {
                break;
            }
            idx[k] = 0;
            k += 1;
        }
        if k == idx.len() {
            break;
        }
    }
    headline
        .into_iter()
        .zip(all)
        .zip(any)
        .map(|((h, a), b)| (h, a, b))
        .collect()
}

fn build(persons: &[P]) -> Registry {
    let mut b = Builder::new();
    for (i, p) in persons.iter().enumerate() {
        let line = format!(
            r#"{{"type":"person","id":"p{i}","country":"{}"}}"#,
            p.country
        );
        b.add_record(&parse_record(&line).unwrap().into_record())
            .unwrap();
    }
    for (i, p) in persons.iter().enumerate() {
        for (k, e) in p.events.iter().enumerate() {
            let line = format!(
                r#"{{"type":"event","id":"p{i}e{k}","person":"p{i}","kind":"{}","date":"{}"}}"#,
                e.kind.name(),
                e.date
            );
            b.add_record(&parse_record(&line).unwrap().into_record())
                .unwrap();
        }
    }
    b.finish()
}

fn query_days() -> Vec<Day> {
    let start = Day::ymd(2020, 12, 25).unwrap();
    (0..60).map(|k| Day(start.0 + 7 * k)).collect()
}

proptest! {
    // 150 cases in CI; PROPTEST_CASES=N for a longer sweep.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(150),
        ..ProptestConfig::default()
    })]

    #[test]
    fn held_and_bounds_match_the_model(persons in prop::collection::vec(person(), 1..7), country in prop_oneof![Just(None), Just(Some("BY"))]) {
        let reg = build(&persons);
        // The day arrays as a new process reads them back from the store.
        let saved = Counts::from_bytes(&reg.counts().to_bytes()).unwrap();
        let days = query_days();
        let models: Vec<Vec<(bool, bool, bool)>> = persons.iter().map(|p| model_held(&p.events, &days)).collect();
        for mode in [Mode::Recognized, Mode::All] {
            let series = reg.series(days[0], *days.last().unwrap(), Step::Week, country, mode);
            prop_assert_eq!(&saved.series_of(days[0], *days.last().unwrap(), Step::Week, country, mode), &series);
            prop_assert_eq!(series.len(), days.len());
            for (n, &d) in days.iter().enumerate() {
                let mut want = (0, 0, 0);
                for (p, m) in persons.iter().zip(&models) {
                    let counted = (mode == Mode::All || model_recognized_now(&p.events)) && country.is_none_or(|c| c == p.country);
                    if counted {
                        want.0 += i64::from(m[n].0);
                        want.1 += i64::from(m[n].1);
                        want.2 += i64::from(m[n].2);
                    }
                }
                let got = reg.held(d, country, mode);
                prop_assert_eq!((got.held, got.held_min, got.held_max), want, "{:?} on {} for {:?}", mode, d, persons);
                prop_assert_eq!(saved.held_on(d, country, mode), got, "saved counts, {:?} on {}", mode, d);
                let s = &series[n];
                prop_assert_eq!((s.date.clone(), s.held, s.held_min, s.held_max), (d.to_string(), want.0, want.1, want.2));
                prop_assert!(got.held_min <= got.held && got.held <= got.held_max);
                // Each person has one sex, so the breakdown adds up to the headline.
                let by_sex: i64 = reg.held_by(d, country, mode, By::Sex, Audience::Trusted).values().sum();
                prop_assert_eq!(by_sex, want.0, "by sex on {}", d);
            }
        }
        // Recognized by date: the headline count.
        for (n, &d) in days.iter().enumerate() {
            let want: i64 = persons.iter().zip(&models)
                .filter(|(p, m)| m[n].0 && model_recognized_on(&p.events, d) && country.is_none_or(|c| c == p.country))
                .count() as i64;
            prop_assert_eq!(reg.held(d, country, Mode::RecognizedByDate).held, want, "by date on {}", d);
            prop_assert_eq!(saved.held_on(d, country, Mode::RecognizedByDate), reg.held(d, country, Mode::RecognizedByDate));
            let by_sex: i64 = reg.held_by(d, country, Mode::RecognizedByDate, By::Sex, Audience::Trusted).values().sum();
            prop_assert_eq!(by_sex, want, "by date, by sex, on {}", d);
        }
    }

    #[test]
    fn waves_match_the_model(raw in prop::collection::vec((prop_oneof![Just("BY"), Just("RU")], prop_oneof![Just("pardon"), Just("amnesty")], 0i32..700, 0u32..60), 0..12)) {
        let mut b = Builder::new();
        for (i, (country, kind, offset, total)) in raw.iter().enumerate() {
            let day = Day(Day::ymd(2021, 1, 1).unwrap().0 + offset);
            let line = format!(r#"{{"type":"announcement","id":"a{i:02}","kind":"{kind}","date":"{day}","country":"{country}","total":{total}}}"#);
            b.add_record(&parse_record(&line).unwrap().into_record()).unwrap();
        }
        let reg = b.finish();
        for year in [2021, 2022] {
            let mut want: Vec<(Day, String, u64)> = raw.iter().enumerate()
                .filter(|(_, (c, k, off, _))| *c == "BY" && *k == "pardon" && Day(Day::ymd(2021, 1, 1).unwrap().0 + off).year() == year)
                .map(|(i, (_, _, off, t))| (Day(Day::ymd(2021, 1, 1).unwrap().0 + off), format!("a{i:02}"), u64::from(*t)))
                .collect();
            want.sort();
            let got = reg.waves("BY", year, AnnouncementKind::Pardon);
            let mut running = 0;
            let mut expected = BTreeMap::new();
            for (n, (d, id, t)) in want.iter().enumerate() {
                running += t;
                expected.insert(n as u32 + 1, (d.to_string(), id.clone(), *t, running));
            }
            let actual: BTreeMap<u32, (String, String, u64, u64)> = got.waves.iter()
                .map(|w| (w.ordinal, (w.date.clone(), w.announcement.clone(), w.count, w.running_total))).collect();
            prop_assert_eq!(actual, expected);
            prop_assert_eq!(got.total, running);
        }
    }
}
