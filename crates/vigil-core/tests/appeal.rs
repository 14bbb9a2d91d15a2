//! An appeal written on a verdict, through the registry: a real-shaped case (detained
//! 2020-08-10, sentenced 2021-03-03 to 11 years in a general-regime colony, appeal
//! 2021-06-01) — upheld, the expected release stays; reduced to 8 years, it moves and the
//! sentence-length band changes on the appeal's day (not before); overturned, the person
//! awaits a new trial. The precomputed breakdowns equal the scan on every day around it.

use serde_json::json;
use vigil_core::access::Audience;
use vigil_core::date::Day;
use vigil_core::record::parse_record;
use vigil_core::registry::{Builder, By, Mode, Registry};

fn registry(appeal: serde_json::Value) -> Registry {
    let mut details = json!({"term_months": 132, "regime": "general", "articles": ["342"],
        "court": "Мінскі гарадскі суд"});
    if !appeal.is_null() {
        details["appeal"] = appeal;
    }
    let lines = [
        json!({"type":"person","id":"p1","country":"BY"}),
        json!({"type":"event","id":"d","person":"p1","kind":"detained","date":"2020-08-10"}),
        json!({"type":"event","id":"g","person":"p1","kind":"recognized","date":"2020-09-01","details":{"by":"Viasna"}}),
        json!({"type":"event","id":"s","person":"p1","kind":"sentenced","date":"2021-03-03","details":details}),
    ];
    let mut b = Builder::new();
    for l in &lines {
        b.add_record(parse_record(&l.to_string()).unwrap().record())
            .unwrap();
    }
    b.finish()
}

fn release(reg: &Registry) -> Option<(String, String)> {
    reg.expected_release(0, Audience::Public)
        .map(|r| (r.lo.to_string(), r.hi.to_string()))
}

fn key(reg: &Registry, on: &str, by: By) -> Vec<String> {
    let day: Day = on
        .parse::<vigil_core::date::PartialDate>()
        .unwrap()
        .first_day();
    let got = reg.held_by(day, None, Mode::All, by, Audience::Trusted);
    assert_eq!(
        got,
        reg.held_by_scan(day, None, Mode::All, by, Audience::Trusted),
        "{by:?} on {on}"
    );
    got.into_keys().collect()
}

fn on(day: &str) -> (String, String) {
    (day.to_string(), day.to_string())
}

#[test]
fn an_appeal_upheld_keeps_the_expected_release() {
    let none = registry(serde_json::Value::Null);
    assert_eq!(release(&none), Some(on("2031-08-09")));
    let upheld = registry(json!({"date":"2021-06-01","court":"Вярхоўны суд","outcome":"upheld"}));
    assert_eq!(release(&upheld), Some(on("2031-08-09")));
    let pending = registry(json!({"court":"Вярхоўны суд"}));
    assert_eq!(release(&pending), Some(on("2031-08-09")));
}

#[test]
fn an_appeal_reducing_the_term_to_eight_years_moves_the_release_from_its_day() {
    let reg = registry(
        json!({"date":"2021-06-01","court":"Вярхоўны суд","outcome":"reduced","term_months":96}),
    );
    assert_eq!(release(&reg), Some(on("2028-08-09")));
    assert_eq!(key(&reg, "2021-05-31", By::Term), ["10_15"]);
    assert_eq!(key(&reg, "2021-06-01", By::Term), ["5_10"]);
    let months = reg.releases_by_month(
        "2028-01-01"
            .parse::<vigil_core::date::PartialDate>()
            .unwrap()
            .first_day(),
        12,
        None,
        Mode::All,
        Audience::Trusted,
    );
    assert_eq!(months.by.get("2028-08"), Some(&1), "{:?}", months.by);
    let stricter =
        registry(json!({"date":"2021-06","outcome":"reduced","term_months":96,"regime":"strict"}));
    assert_eq!(key(&stricter, "2021-05-31", By::Regime), ["general"]);
    assert_eq!(key(&stricter, "2021-06-01", By::Regime), ["strict"]);
    let longer = registry(json!({"date":"2021-06-01","outcome":"increased","term_months":144}));
    assert_eq!(release(&longer), Some(on("2032-08-09")));
}

#[test]
fn an_overturned_verdict_leaves_the_person_awaiting_a_new_trial() {
    let reg = registry(json!({"date":"2021-06-01","outcome":"overturned"}));
    assert_eq!(release(&reg), None);
    assert_eq!(key(&reg, "2021-05-31", By::Status), ["convicted"]);
    assert_eq!(key(&reg, "2021-06-01", By::Status), ["pre_trial"]);
    assert_eq!(key(&reg, "2021-06-01", By::Term), ["pre_trial"]);
}
