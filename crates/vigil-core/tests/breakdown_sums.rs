//! `held --by article|place|regime|status|term` and the expected releases per month
//! (`releases_by_month`) give one key per person: over random
//! registries (detentions with partial dates, charges, verdicts, transfers to places, in
//! transit, releases, recognitions by several organisations, hidden persons) the parts
//! add up to `held` on every day, in every counting mode, for the public and for editors;
//! `recognized_by` counts a person once under each organisation, so it is at least
//! `held` among the recognized.

use proptest::prelude::*;
use serde_json::json;
use vigil_core::access::Audience;
use vigil_core::date::PartialDate;
use vigil_core::record::parse_record;
use vigil_core::registry::{Builder, By, Mode};

#[derive(Debug, Clone)]
struct Person {
    detained: &'static str,
    charged: Option<&'static str>,
    sentenced: Option<(&'static str, &'static str, u32)>,
    moved: Option<(&'static str, u8)>,
    released: Option<&'static str>,
    recognized_by: Vec<&'static str>,
    public: bool,
}

fn person() -> impl Strategy<Value = Person> {
    (
        prop::sample::select(vec!["2020", "2020-08", "2020-08-10", "2021-03"]),
        prop::option::of(prop::sample::select(vec!["342", "361-1", "ст. 130 УК"])),
        prop::option::of(prop::sample::select(vec![
            "general",
            "strict",
            "restricted_freedom",
            "house_arrest",
            "",
        ])),
        prop::option::of((prop::sample::select(vec!["2021-06", "2022-01-01"]), 0..4u8)),
        prop::option::of(prop::sample::select(vec!["2021-05", "2023-01-01", "2024"])),
        prop::sample::subsequence(vec!["Viasna", "Memorial", "PEN Belarus"], 0..3),
        prop::bool::weighted(0.7),
        prop::sample::select(vec![6u32, 36, 132, 200, 0]),
        prop::sample::select(vec!["2021-04-01", "2021-04", "2021"]),
    )
        .prop_map(
            |(detained, charged, regime, moved, released, recognized_by, public, term, verdict)| {
                Person {
                    detained,
                    charged,
                    sentenced: regime.map(|r| (verdict, r, term)),
                    moved,
                    released,
                    recognized_by,
                    public,
                }
            },
        )
}

proptest! {
    #[test]
    fn the_parts_add_up_to_held(persons in prop::collection::vec(person(), 1..8)) {
        let mut lines = vec![
            json!({"type":"place","id":"pl0","kind":"sizo"}).to_string(),
            json!({"type":"place","id":"pl1","kind":"colony"}).to_string(),
        ];
        for (i, p) in persons.iter().enumerate() {
            let id = format!("p{i}");
            let ev = |k: &str, kind: &str, date: &str| json!({"type":"event","id":format!("{id}-{k}"),"person":id,"kind":kind,"date":date});
            lines.push(json!({"type":"person","id":id,"country":"BY","visibility": if p.public {"public"} else {"restricted"}}).to_string());
            lines.push(ev("d", "detained", p.detained).to_string());
            if let Some(a) = p.charged {
                let mut e = ev("c", "charged", "2020-12");
                e["details"] = json!({"articles": a});
                lines.push(e.to_string());
            }
            if let Some((date, regime, term)) = p.sentenced {
                let mut e = ev("s", "sentenced", date);
                e["details"] = if term > 0 { json!({"term_months": term}) } else { json!({}) };
                if !regime.is_empty() {
                    e["details"]["regime"] = regime.into();
                }
                lines.push(e.to_string());
            }
            if let Some((date, w)) = p.moved {
                let mut e = ev("t", "transferred", date);
                e["details"] = match w {
                    0 => json!({"in_transit": true}),
                    1 => json!({"address_unknown": true}),
                    n => json!({"place": format!("pl{}", n - 2)}),
                };
                lines.push(e.to_string());
            }
            if let Some(date) = p.released {
                lines.push(ev("r", "released", date).to_string());
            }
            for (k, org) in p.recognized_by.iter().enumerate() {
                let mut e = ev(&format!("g{k}"), "recognized", "2020-09");
                e["details"] = json!({"by": org});
                lines.push(e.to_string());
            }
        }
        let mut records: Vec<_> = lines.iter().map(|l| parse_record(l).unwrap().into_record()).collect();
        records.sort_by_key(|r| r.record_type().rank());
        let mut b = Builder::new();
        for r in &records {
            b.add_record(r).unwrap();
        }
        let reg = b.finish();
        for d in ["2020-08-10", "2020-12-31", "2021-04-01", "2021-07-01", "2022-06-01", "2023-06-01", "2025-01-01"] {
            let day = d.parse::<PartialDate>().unwrap().first_day();
            for mode in [Mode::All, Mode::Recognized, Mode::RecognizedByDate] {
                let held = reg.held(day, None, mode).held;
                for audience in [Audience::Public, Audience::Trusted] {
                    for by in [By::Article, By::Place, By::Regime, By::Status, By::Term] {
                        let parts: i64 = reg.held_by(day, None, mode, by, audience).values().sum();
                        prop_assert_eq!(parts, held, "{:?} on {} ({:?}, {:?})\n{}", by, d, mode, audience, lines.join("\n"));
                    }
                    let orgs: i64 = reg.held_by(day, None, mode, By::RecognizedBy, audience).values().sum();
                    prop_assert!(orgs >= held);
                    let r = reg.releases_by_month(day, 24, None, mode, audience);
                    prop_assert_eq!(r.by.values().sum::<i64>(), held, "releases on {} ({:?}, {:?})\n{}", d, mode, audience, lines.join("\n"));
                    for (month, max) in &r.max {
                        let (min, n) = (r.min[month], r.by[month]);
                        prop_assert!(min <= n && n <= *max, "{} {} {} {}", month, min, n, max);
                    }
                }
                let week = reg.released_between(day, vigil_core::date::Day(day.0 + 6), None, mode);
                prop_assert!(week.held_min <= week.held && week.held <= week.held_max);
            }
        }
    }
}
