//! The report this product grew from (shared/seed/belarus-pardons-article.txt): a year of
//! pardon waves ending with the wave of 29 on 2024-12-09, "the seventh instance … bringing
//! the total number of individuals set free to 178", and "approximately 1,300 political
//! prisoners remain".

use std::fmt::Write;

use crate::Scratch;

/// Six earlier waves of 2024 (149 persons) and the report's wave of 29: 178 in seven waves.
const WAVES: &[(&str, u32)] = &[
    ("2024-07-03", 18),
    ("2024-07-16", 20),
    ("2024-08-15", 30),
    ("2024-09-04", 30),
    ("2024-09-16", 37),
    ("2024-11-20", 14),
    ("2024-12-09", 29),
];

/// A registry of `held` recognized prisoners in custody on 2024-12-09, the 2024 waves, and
/// the three figures given.
fn registry(held: u32, figures: &[(&str, &str, f64, &str)]) -> String {
    let mut s = String::new();
    s.push_str(r#"{"type":"source","id":"rferl","publisher":"RFE/RL","title":"Belarus Issues New Pardons, But Hundreds Of Political Prisoners Remain","published":"2024-12-09"}"#);
    s.push('\n');
    for (i, (date, total)) in WAVES.iter().enumerate() {
        let breakdown = if i == 6 {
            r#"{"women":11,"men":18,"under_25":6,"pensioners":3,"disabled":2,"chronic_illness":15}"#
                .to_string()
        } else {
            "{}".to_string()
        };
        writeln!(
            s,
            r#"{{"type":"announcement","id":"w{}","kind":"pardon","date":"{date}","country":"BY","total":{total},"breakdown":{breakdown},"names_disclosed":false,"sources":["rferl"]}}"#,
            i + 1
        )
        .unwrap();
    }
    for p in 0..held {
        writeln!(s, r#"{{"type":"person","id":"p{p}","country":"BY"}}"#).unwrap();
        // Some dates are known only to the month: still surely held by December.
        let detained = if p % 5 == 0 {
            "2021-03".to_string()
        } else {
            format!("2022-{:02}-{:02}", p % 12 + 1, p % 28 + 1)
        };
        writeln!(s, r#"{{"type":"event","id":"p{p}d","person":"p{p}","kind":"detained","date":"{detained}"}}"#).unwrap();
        writeln!(
            s,
            r#"{{"type":"event","id":"p{p}r","person":"p{p}","kind":"recognized","date":"2023"}}"#
        )
        .unwrap();
    }
    for (id, metric, value, qualifier) in figures {
        writeln!(
            s,
            r#"{{"type":"figure","id":"{id}","metric":"{metric}","value":{value},"qualifier":"{qualifier}","as_of":"2024-12-09","country":"BY","sources":["rferl"]}}"#
        )
        .unwrap();
    }
    s
}

const REPORT_FIGURES: &[(&str, &str, f64, &str)] = &[
    ("seventh", "pardon_waves_year", 7.0, "exact"),
    ("set-free", "pardoned_total_year", 178.0, "exact"),
    (
        "remain",
        "political_prisoners_held",
        1300.0,
        "approximately",
    ),
];

#[test]
fn check_is_silent_when_the_waves_agree_with_the_report() {
    let s = Scratch::new();
    let r = s.import("report.jsonl", &registry(1250, REPORT_FIGURES));
    assert!(r.status, "{}", r.stderr);
    let v = s.json(&["check"]);
    assert_eq!(v["findings"], serde_json::json!([]), "{v:#}");

    let waves = s.json(&["stats", "waves", "--country", "BY", "--year", "2024"]);
    let last = &waves["waves"][6];
    assert_eq!(
        (
            last["ordinal"].as_u64(),
            last["date"].as_str(),
            last["count"].as_u64(),
            last["running_total"].as_u64()
        ),
        (Some(7), Some("2024-12-09"), Some(29), Some(178))
    );
    assert_eq!(waves["total"], 178);

    let h = s.json(&["stats", "held", "--on", "2024-12-09", "--country", "BY"]);
    assert_eq!(
        (
            h["held"].as_i64(),
            h["held_min"].as_i64(),
            h["held_max"].as_i64()
        ),
        (Some(1250), Some(1250), Some(1250))
    );
}

#[test]
fn check_reports_each_figure_that_disagrees_with_what_vigil_computes() {
    let s = Scratch::new();
    let figures: &[(&str, &str, f64, &str)] = &[
        ("eighth", "pardon_waves_year", 8.0, "exact"),
        ("set-free", "pardoned_total_year", 149.0, "exact"),
        (
            "remain",
            "political_prisoners_held",
            1000.0,
            "approximately",
        ),
        ("floor", "political_prisoners_held", 1300.0, "at_least"),
        ("fine", "political_prisoners_held", 1200.0, "more_than"),
    ];
    let r = s.import("report.jsonl", &registry(1250, figures));
    assert!(r.status, "{}", r.stderr);
    let v = s.json(&["check"]);
    let findings: Vec<(String, String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().into(),
                f["subject"].as_str().unwrap().into(),
                f["message"].as_str().unwrap().into(),
            )
        })
        .collect();
    let subjects: Vec<&str> = findings.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(
        subjects,
        ["eighth", "floor", "remain", "set-free"],
        "{findings:#?}"
    );
    assert!(findings.iter().all(|f| f.0 == "figure_mismatch"));
    let msg = |id: &str| findings.iter().find(|f| f.1 == id).unwrap().2.clone();
    assert_eq!(
        msg("eighth"),
        "reported 8 pardon waves in BY in 2024 up to 2024-12-09; vigil counts 7"
    );
    assert_eq!(
        msg("set-free"),
        "reported 149 pardoned in BY in 2024 up to 2024-12-09; vigil counts 178 in 7 waves"
    );
    assert_eq!(msg("remain"), "reported approximately 1,000 political prisoners held in BY on 2024-12-09; vigil computes 1,250");
    assert_eq!(msg("floor"), "reported at least 1,300 political prisoners held in BY on 2024-12-09; vigil computes 1,250");
}

#[test]
fn a_figure_dated_the_day_before_the_wave_does_not_count_it() {
    let s = Scratch::new();
    let mut text = registry(10, &[]);
    text.push_str(r#"{"type":"figure","id":"before","metric":"pardoned_total_year","value":149,"as_of":"2024-12-08","country":"BY"}"#);
    text.push('\n');
    text.push_str(r#"{"type":"figure","id":"month","metric":"pardoned_total_year","value":178,"as_of":"2024-12","country":"BY"}"#);
    text.push('\n');
    assert!(s.import("r.jsonl", &text).status);
    assert_eq!(s.json(&["check"])["findings"], serde_json::json!([]));
}

#[test]
fn the_report_breakdown_adds_up_and_a_bad_one_is_flagged() {
    let s = Scratch::new();
    let text = r#"{"type":"announcement","id":"ok","kind":"pardon","date":"2024-12-09","country":"BY","total":29,"breakdown":{"women":11,"men":18,"under_25":6,"pensioners":3,"disabled":2,"chronic_illness":15}}
{"type":"announcement","id":"bad","kind":"pardon","date":"2024-12-10","country":"BY","total":29,"breakdown":{"women":12,"men":18,"chronic_illness":31}}
"#;
    assert!(s.import("a.jsonl", text).status);
    let v = s.json(&["check"]);
    let got: Vec<(&str, &str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap(),
                f["subject"].as_str().unwrap(),
                f["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "breakdown",
                "bad",
                "women 12 + men 18 = 30 but the total is 29"
            ),
            (
                "breakdown",
                "bad",
                "chronic_illness 31 exceeds the total 29"
            ),
        ]
    );
}
