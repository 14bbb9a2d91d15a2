//! The report this product grew from (shared/seed/belarus-pardons-article.txt): a year of
//! pardon waves ending with the wave of 29 on 2024-12-09, "the seventh instance … bringing
//! the total number of individuals set free to 178", and "approximately 1,300 political
//! prisoners remain".

use std::fmt::Write;

use crate::Scratch;

/// `check --json` findings as (kind, subject, message).
fn findings(check: &serde_json::Value) -> Vec<(&str, &str, &str)> {
    check["findings"]
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
        .collect()
}

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
        "reported 149 pardoned in BY in 2024 up to 2024-12-09; vigil counts 178 in 7 waves; 149 is the total before the wave of 2024-12-09, with it vigil counts 178"
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
{"type":"announcement","id":"bad","kind":"pardon","date":"2024-12-20","country":"BY","total":29,"breakdown":{"women":12,"men":18,"chronic_illness":31}}
"#;
    assert!(s.import("a.jsonl", text).status);
    let v = s.json(&["check"]);
    let got = findings(&v);
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

/// The report's anonymous wave of 29 with some of its members identified.
fn wave_with_identified(extra_women: usize) -> String {
    let mut s = String::from(
        r#"{"type":"announcement","id":"a1","kind":"pardon","date":"2024-12-09","country":"BY","total":29,"breakdown":{"women":11,"men":18,"under_25":6,"pensioners":3,"disabled":2,"chronic_illness":15,"foreigners":1},"names_disclosed":false}
"#,
    );
    // 40 recognized prisoners in custody on 2024-12-08: half women, ages and health varied;
    // every fifth has no birth date and no health record (unknown, never guessed).
    for p in 0..40 {
        let sex = if p % 2 == 0 { "female" } else { "male" };
        let (birth, health) = if p % 5 == 4 {
            (String::new(), String::new())
        } else {
            let year = [2002, 1990, 1975, 1960, 1955][p % 5 % 4 + usize::from(p % 7 == 0)];
            let health = if p % 3 == 0 {
                r#","health":["chronic_illness"]"#
            } else {
                r#","health":[]"#
            };
            (
                format!(r#","birth_date":"{year}-06-01""#),
                health.to_string(),
            )
        };
        let prominent = if p == 7 { r#","prominent":true"# } else { "" };
        let visibility = if p == 9 {
            r#","visibility":"restricted""#
        } else {
            ""
        };
        writeln!(s, r#"{{"type":"person","id":"c{p}","sex":"{sex}","country":"BY"{birth}{health}{prominent}{visibility}}}"#).unwrap();
        writeln!(s, r#"{{"type":"event","id":"c{p}d","person":"c{p}","kind":"detained","date":"2022-03-01"}}"#).unwrap();
        writeln!(s, r#"{{"type":"event","id":"c{p}r","person":"c{p}","kind":"recognized","date":"2022-04-01"}}"#).unwrap();
    }
    // Identified: the first two women, plus `extra_women` more.
    for (k, p) in [0, 2]
        .into_iter()
        .chain((0..extra_women).map(|i| 10 + 2 * i))
        .enumerate()
    {
        writeln!(s, r#"{{"type":"event","id":"c{p}p{k}","person":"c{p}","kind":"pardoned","date":"2024-12-09","announcement":"a1"}}"#).unwrap();
    }
    s
}

#[test]
fn who_was_in_the_anonymous_wave() {
    let s = Scratch::new();
    assert!(s.import("wave.jsonl", &wave_with_identified(0)).status);
    let v = s.json(&["announcement", "a1"]);
    for key in [
        "id",
        "total",
        "identified",
        "remaining",
        "contradictions",
        "candidates",
    ] {
        assert!(v.get(key).is_some(), "contract key {key} missing: {v}");
    }
    assert_eq!(v["identified"], serde_json::json!(["c0", "c2"]));
    assert_eq!(
        (
            v["remaining"]["total"].as_i64(),
            v["remaining"]["women"].as_i64()
        ),
        (Some(27), Some(9))
    );
    assert_eq!(v["contradictions"], serde_json::json!([]));
    assert!(
        v["not_checkable"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k == "foreigners"),
        "{}",
        v["not_checkable"]
    );
    assert_eq!(
        v["candidates_with_unknowns"], 8,
        "every fifth of 38 remaining candidates has unknown age and health"
    );
    let candidates = v["candidates"].as_array().unwrap();
    let sum: f64 = candidates
        .iter()
        .map(|c| c["probability"].as_f64().unwrap())
        .sum();
    assert!(
        (sum - 27.0).abs() < 1e-6,
        "probabilities add up to the 27 still to find: {sum}"
    );
    assert!(
        candidates
            .windows(2)
            .all(|w| w[0]["probability"].as_f64() >= w[1]["probability"].as_f64()),
        "best first"
    );
    assert!(
        v["prominent"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["person"] == "c7"),
        "{}",
        v["prominent"]
    );

    // The public API names only public persons.
    let server = crate::serve::Server::start_with(&[
        "--db",
        s.db().to_str().unwrap(),
        "serve",
        "--addr",
        "127.0.0.1:0",
    ]);
    let api: serde_json::Value = serde_json::from_str(
        &reqwest::blocking::get(format!("{}/api/v1/announcements/a1", server.base))
            .unwrap()
            .text()
            .unwrap(),
    )
    .unwrap();
    assert!(api["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["person"] != "c9"));
    assert_eq!(api["candidates_not_shown"], 1);
    assert_eq!(api["remaining"], v["remaining"]);
}

#[test]
fn identified_persons_that_contradict_the_breakdown_are_reported() {
    let s = Scratch::new();
    assert!(s.import("wave.jsonl", &wave_with_identified(10)).status);
    let v = s.json(&["announcement", "a1"]);
    let contradictions: Vec<&str> = v["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(
        contradictions
            .contains(&"12 identified persons count as women, but the announcement gives 11"),
        "{contradictions:?}"
    );
    assert_eq!(v["remaining"]["women"], -1);
    assert_eq!(
        v["candidates"],
        serde_json::json!([]),
        "no selection satisfies a negative count"
    );
    let check = s.json(&["check"]);
    let found = findings(&check);
    assert!(
        found.contains(&(
            "identification",
            "a1",
            "12 identified persons count as women, but the announcement gives 11"
        )),
        "{found:?}"
    );
}
