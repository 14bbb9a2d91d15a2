//! `vigil extract`: the seed report read, shown, and imported only when confirmed.

use std::fmt::Write;

use crate::Scratch;

const SEED: &str = include_str!("../../../../tests/reports/belarus-pardons-article.txt");

/// The six earlier pardon waves of 2024 (149 persons), as announcements.
fn earlier_waves() -> String {
    [
        ("2024-07-03", 18),
        ("2024-07-16", 20),
        ("2024-08-15", 30),
        ("2024-09-04", 30),
        ("2024-09-16", 37),
        ("2024-11-20", 14),
    ]
    .iter()
    .enumerate()
    .fold(String::new(), |mut out, (i, (date, n))| {
        let _ = writeln!(
            out,
            "{{\"type\":\"announcement\",\"id\":\"w{i}\",\"kind\":\"pardon\",\"date\":\"{date}\",\"country\":\"BY\",\"total\":{n}}}"
        );
        out
    })
}

#[test]
fn seed_report_is_read_and_nothing_is_stored() {
    let s = Scratch::new();
    let report = s.file("report.txt", SEED);
    let x = s.json(&["extract", report.to_str().unwrap(), "--date", "2024-12-09"]);
    let a = &x["announcements"][0];
    assert_eq!(x["announcements"].as_array().unwrap().len(), 1);
    assert_eq!(a["type"], "announcement");
    assert_eq!(a["kind"], "pardon");
    assert_eq!(a["total"], 29);
    assert_eq!(a["date"], "2024-12-09");
    assert_eq!(a["country"], "BY");
    assert_eq!(a["names_disclosed"], false);
    assert_eq!(
        a["breakdown"],
        serde_json::json!({"women":11,"men":18,"under_25":6,"pensioners":3,"disabled":2,"chronic_illness":15})
    );
    assert!(a.get("id").is_none(), "proposals carry no id");
    let figures: Vec<(String, f64, String)> = x["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["metric"].as_str().unwrap().to_string(),
                f["value"].as_f64().unwrap(),
                f["qualifier"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for want in [
        ("pardon_waves_year", 7.0, "exact"),
        ("pardoned_total_year", 178.0, "exact"),
        ("political_prisoners_held", 1300.0, "approximately"),
        ("exiled_total", 13000.0, "at_least"),
        ("ratio_imprisoned_to_pardoned", 2.0, "approximately"),
    ] {
        assert!(
            figures
                .iter()
                .any(|(m, v, q)| m == want.0 && (*v - want.1).abs() < 1e-9 && q == want.2),
            "{want:?} not in {figures:?}"
        );
    }
    assert!(x["claims"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c.as_str().unwrap().contains("repented for their actions")));
    assert!(
        !s.db().exists(),
        "extract without --import wrote a database"
    );

    // --import without a terminal to ask on, and without --yes: refused, nothing written.
    let r = s.run_stdin(
        &[
            "extract",
            report.to_str().unwrap(),
            "--date",
            "2024-12-09",
            "--import",
        ],
        "",
    );
    assert!(!r.status);
    assert!(r.stderr.contains("confirm with --yes"), "{}", r.stderr);
    assert!(!s.db().exists());

    // No date in the text and none given: refused before asking, naming what lacks one.
    let r = s.run(&["extract", report.to_str().unwrap(), "--import", "--yes"]);
    assert!(!r.status);
    assert!(
        r.stderr.contains("no date for the pardon of 29"),
        "{}",
        r.stderr
    );
    assert!(!s.db().exists());
}

#[test]
fn imported_report_meets_the_registry() {
    let s = Scratch::new();
    assert!(s.import("waves.jsonl", &earlier_waves()).status);
    let report = s.file("report.txt", SEED);
    let args = [
        "extract",
        report.to_str().unwrap(),
        "--date",
        "2024-12-09",
        "--publisher",
        "RFE/RL",
        "--import",
        "--yes",
    ];
    let first = s.json(&args);
    assert_eq!(first["imported"]["added"], 7, "{first}"); // source, announcement, five figures
                                                          // The same report again changes nothing.
    let again = s.json(&args);
    assert_eq!(again["imported"]["added"], 0);
    assert_eq!(again["imported"]["head"], first["imported"]["head"]);

    // The wave of 29 is the seventh, 178 in all: the report's figures agree with vigil.
    let waves = s.json(&["stats", "waves", "--country", "BY", "--year", "2024"]);
    assert_eq!(waves["total"], 178);
    let check = s.json(&["check"]);
    let findings: Vec<(&str, &str)> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["kind"].as_str().unwrap(), f["message"].as_str().unwrap()))
        .collect();
    assert!(
        !findings
            .iter()
            .any(|(_, m)| m.contains("pardon waves") || m.contains("pardoned in")),
        "{findings:#?}"
    );
    // "more than half of them had disabilities and chronic illnesses" against 2 and 15 of 29.
    assert!(
        findings.iter().any(|(k, m)| *k == "breakdown"
            && m.contains("More than half of them had disabilities and chronic illnesses")
            && m.contains("at most 2 of 29")),
        "{findings:#?}"
    );
    // The source record carries the publisher and the report's title.
    let export = s.ok(&["export"]);
    assert!(export.contains("\"publisher\":\"RFE/RL\""), "{export}");
    assert!(export.contains("Belarus Issues New Pardons"));
}

const BELTA_RU: &str = include_str!("../../../../tests/reports/real/ru-4esnok-pomiloval-30.txt");
const LATVIAN: &str = include_str!("../../../../tests/reports/real/lv-jauns-apzelo-25.txt");

/// A real report as published: without the header of where it was read from.
fn article(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("# "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn russian_statement_is_read_and_imported() {
    let s = Scratch::new();
    let report = s.file("report.txt", &article(BELTA_RU));
    let x = s.json(&["extract", report.to_str().unwrap(), "--date", "2024-08-16"]);
    assert_eq!(x["language"], "ru");
    let a = &x["announcements"][0];
    assert_eq!(x["announcements"].as_array().unwrap().len(), 1, "{x}");
    assert_eq!(
        (a["kind"].as_str(), a["total"].as_u64()),
        (Some("pardon"), Some(30))
    );
    assert_eq!(a["date"], "2024-08-16");
    assert_eq!(a["country"], "BY");
    assert_eq!(a["breakdown"], serde_json::json!({"women": 14, "men": 16}));
    assert!(
        a["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c.as_str().unwrap().starts_with("Все они признали вину")),
        "{a}"
    );
    let imported = s.json(&[
        "extract",
        report.to_str().unwrap(),
        "--date",
        "2024-08-16",
        "--import",
        "--yes",
    ]);
    assert_eq!(imported["imported"]["added"], 2, "{imported}"); // source, announcement
    let waves = s.json(&["stats", "waves", "--country", "BY", "--year", "2024"]);
    assert_eq!(waves["total"], 30);
}

#[test]
fn a_language_not_read_is_said_so() {
    let s = Scratch::new();
    let report = s.file("report.txt", &article(LATVIAN));
    let r = s.run(&["extract", report.to_str().unwrap(), "--date", "2025-09-16"]);
    assert!(!r.status, "a text not read is not a success");
    assert!(
        r.stderr.contains("a language vigil does not read"),
        "{}",
        r.stderr
    );
    assert!(!r.stdout.contains("no announcement found"), "{}", r.stdout);
    let r = s.run(&["extract", report.to_str().unwrap(), "--import", "--yes"]);
    assert!(!r.status);
    assert!(!s.db().exists(), "nothing is stored");
}

const EXCHANGE: &str = include_str!("../../../../tests/reports/real/en-almonitor-exchange-26.txt");
const DATELINE: &str = include_str!("../../../../tests/reports/real/en-ap-belarus-frees-52.txt");

#[test]
fn each_announcement_carries_its_country_and_none_is_guessed() {
    let s = Scratch::new();
    // Filed in Vilnius, freed to Lithuania: the country is the one that freed them.
    let report = s.file("ap.txt", &article(DATELINE));
    let x = s.json(&["extract", report.to_str().unwrap(), "--date", "2025-09-11"]);
    assert_eq!(x["announcements"][0]["country"], "BY", "{x}");
    let shown = s.ok(&["extract", report.to_str().unwrap(), "--date", "2025-09-11"]);
    assert!(shown.contains("of 52 on 2025-09-11 in BY"), "{shown}");
    // A swap among seven countries, hosted in Ankara: no country is proposed, and the
    // editor is told to give one.
    let report = s.file("swap.txt", &article(EXCHANGE));
    let x = s.json(&["extract", report.to_str().unwrap(), "--date", "2024-08-01"]);
    let a = &x["announcements"][0];
    assert_eq!(a["kind"], "exchange", "{x}");
    assert!(a.get("country").is_none(), "{a}");
    assert!(
        x["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("names no country")),
        "{x}"
    );
    let x = s.json(&[
        "extract",
        report.to_str().unwrap(),
        "--date",
        "2024-08-01",
        "--country",
        "RU",
    ]);
    assert_eq!(x["announcements"][0]["country"], "RU", "{x}");
}

/// A report whose sentence runs over two lines is shown line by line, the sentence on one
/// line, with no escaped newline (`\u{a}`) in what a monitor reads.
#[test]
fn a_report_over_several_lines_is_shown_without_escapes() {
    let s = Scratch::new();
    let report = s.file(
        "report.txt",
        "Президент помиловал 16 политзаключённых,\nсреди них 5 женщин.\n",
    );
    let out = s.ok(&["extract", report.to_str().unwrap(), "--date", "2025-07-03"]);
    assert!(!out.contains("\\u{"), "{out}");
    assert!(out.contains("\n  breakdown: women 5\n"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("  from: Президент помиловал 16")),
        "{out}"
    );
}
