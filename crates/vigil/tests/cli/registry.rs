//! The registry's life through the CLI: import, export, re-import, corrections,
//! retractions, as-of questions, the contract's shapes.

use serde_json::json;

use crate::{run_in, Scratch, CONTRACT_EXAMPLE};

#[test]
fn export_import_export_gives_the_same_records_and_keeps_every_field() {
    let a = Scratch::new();
    let generated = a.ok(&["generate", "--persons", "300", "--seed", "5"]);
    // The example's ids (s1, p1, …) are the generator's too: give the example its own.
    let example = [
        "s1", "p1", "p2", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "a1", "f1",
    ]
    .iter()
    .fold(CONTRACT_EXAMPLE.to_string(), |text, id| {
        text.replace(&format!("\"{id}\""), &format!("\"x-{id}\""))
    });
    let mixed = format!("{example}{generated}");
    let r = a.run_stdin(&["import", "-"], &mixed);
    assert!(r.status, "{}", r.stderr);
    let first = a.ok(&["export"]);
    assert_eq!(first.lines().count(), mixed.lines().count());

    let b = Scratch::new();
    let r = b.run_stdin(&["import", "-"], &first);
    assert!(r.status, "{}", r.stderr);
    assert_eq!(
        b.ok(&["export"]),
        first,
        "export → import → export changed something"
    );

    // Every field as imported: the unknown `note`, the partial dates, the nested details.
    let p2 = first
        .lines()
        .find(|l| l.contains(r#""id":"x-p2""#))
        .unwrap();
    let p2: serde_json::Value = serde_json::from_str(p2).unwrap();
    assert_eq!(p2["note"], "kept though vigil does not know it");
    assert_eq!(p2["birth_date"], "1990");
    let e2: serde_json::Value = serde_json::from_str(
        first
            .lines()
            .find(|l| l.contains(r#""id":"x-e2""#))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (e2["date"].as_str(), e2["details"]["by"].as_str()),
        (Some("2021-07"), Some("Viasna"))
    );
    for line in example.lines() {
        let given: serde_json::Value = serde_json::from_str(line).unwrap();
        let back: serde_json::Value = serde_json::from_str(
            first
                .lines()
                .find(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    v["type"] == given["type"] && v["id"] == given["id"]
                })
                .unwrap(),
        )
        .unwrap();
        assert_eq!(back, given, "export changed a record");
    }
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let s = Scratch::new();
    let p = s.file("a.jsonl", CONTRACT_EXAMPLE);
    let first = s.json(&["import", p.to_str().unwrap()]);
    assert_eq!(
        (first["added"].as_u64(), first["unchanged"].as_u64()),
        (Some(12), Some(0))
    );
    let second = s.json(&["import", p.to_str().unwrap()]);
    assert_eq!(
        (second["added"].as_u64(), second["unchanged"].as_u64()),
        (Some(0), Some(12))
    );
    assert_eq!(second["head"], first["head"]);
    assert_eq!(second["entries"], 12);
}

#[test]
fn a_correction_is_a_new_entry_pointing_at_the_old_one() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", CONTRACT_EXAMPLE).status);
    assert_eq!(s.json(&["stats", "held", "--on", "2025-12-14"])["held"], 0);
    // The deportation turns out to be wrong: still held.
    let fix = r#"{"type":"event","id":"e4","person":"p1","kind":"transferred","date":"2025-12-13","details":{"to":"Penal colony 3"}}"#;
    let p = s.file("fix.jsonl", fix);
    let refused = s.run(&["import", p.to_str().unwrap()]);
    assert_eq!(refused.code, Some(1), "a changed record needs --update");
    let r = s.json(&[
        "import",
        p.to_str().unwrap(),
        "--update",
        "--reason",
        "deportation report was wrong",
    ]);
    assert_eq!(
        (r["corrected"].as_u64(), r["entries"].as_u64()),
        (Some(1), Some(13))
    );
    assert_eq!(s.json(&["stats", "held", "--on", "2025-12-14"])["held"], 1);
    let log = s.json(&["log", "--from", "13"]);
    let e = &log["entries"][0];
    assert_eq!(
        (e["op"].as_str(), e["id"].as_str(), e["refers_to"].as_u64()),
        (Some("put"), Some("e4"), Some(7))
    );
    assert_eq!(
        (e["actor"].as_str(), e["reason"].as_str()),
        (Some("tester"), Some("deportation report was wrong"))
    );
    // The old answer is still there, as of before the correction.
    assert_eq!(
        s.json(&["stats", "held", "--on", "2025-12-14", "--as-of", "12"])["held"],
        0
    );
    assert_eq!(s.json(&["verify"])["entries"], 13);
}

#[test]
fn a_retraction_removes_a_record_from_answers_but_not_from_the_log() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", CONTRACT_EXAMPLE).status);
    assert_eq!(s.json(&["stats", "held", "--on", "2023-01-01"])["held"], 2);
    let refused = s.run(&["retract", "person", "p2", "--reason", "duplicate"]);
    assert_eq!(refused.code, Some(1));
    assert!(
        refused
            .stderr
            .contains("person 'p2' is still referred to by event 'e5', event 'e6', event 'e7'"),
        "{}",
        refused.stderr
    );
    assert!(s
        .run(&["retract", "event", "e6"])
        .stderr
        .contains("needs --reason"));
    s.ok(&[
        "retract",
        "event",
        "e6",
        "--reason",
        "detention was misreported",
    ]);
    assert_eq!(s.json(&["stats", "held", "--on", "2023-01-01"])["held"], 1);
    assert!(!s.ok(&["export"]).contains(r#""id":"e6""#));
    let log = s.json(&["log", "--from", "13"]);
    assert_eq!(
        (
            log["entries"][0]["op"].as_str(),
            log["entries"][0]["refers_to"].as_u64()
        ),
        (Some("retract"), Some(9))
    );
    assert_eq!(
        s.json(&["stats", "held", "--on", "2023-01-01", "--as-of", "12"])["held"],
        2
    );
    assert_eq!(s.json(&["verify"])["ok"], true);
    // Importing the original file again does not bring the retracted record back.
    let r = s.json(&["import", s.dir.path().join("a.jsonl").to_str().unwrap()]);
    assert_eq!(r["added"], 0);
    assert_eq!(s.json(&["stats", "held", "--on", "2023-01-01"])["held"], 1);
}

#[test]
fn as_of_answers_as_the_registry_knew_it_then() {
    let s = Scratch::new();
    let first = r#"{"type":"person","id":"a","country":"BY"}
{"type":"event","id":"a1","person":"a","kind":"detained","date":"2021-01-10"}
{"type":"event","id":"a2","person":"a","kind":"recognized","date":"2021-02"}
"#;
    let r = s.import("1.jsonl", first);
    assert!(r.status);
    let between = chrono_now();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let second = r#"{"type":"event","id":"a3","person":"a","kind":"released","date":"2022-05-01","details":{"reason":"end_of_term"}}"#;
    assert!(s.import("2.jsonl", second).status);
    let now = s.json(&["stats", "held", "--on", "2023-01-01"]);
    assert_eq!(
        (now["held"].as_i64(), now["log"]["entries"].as_u64()),
        (Some(0), Some(4))
    );
    let then = s.json(&["stats", "held", "--on", "2023-01-01", "--as-of", "3"]);
    assert_eq!(
        (then["held"].as_i64(), then["log"]["entries"].as_u64()),
        (Some(1), Some(3))
    );
    let by_time = s.json(&["stats", "held", "--on", "2023-01-01", "--as-of", &between]);
    assert_eq!(by_time["held"], 1);
    assert_eq!(by_time["log"]["head"], then["log"]["head"]);
    let flow = s.json(&[
        "stats",
        "flow",
        "--from",
        "2021-01-01",
        "--to",
        "2023-12-31",
        "--as-of",
        "3",
    ]);
    assert_eq!(flow["released"], json!({}));
    let r = s.run(&["stats", "held", "--as-of", "99"]);
    assert!(
        r.stderr.contains("--as-of 99: the log has only 4 entries"),
        "{}",
        r.stderr
    );
}

fn chrono_now() -> String {
    // RFC 3339 from the system clock, without pulling chrono into the test: `date` is everywhere.
    let out = std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%dT%H:%M:%S.%6NZ"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn stats_answer_in_the_contract_shapes() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", CONTRACT_EXAMPLE).status);
    let held = s.json(&["stats", "held", "--on", "2023-06-01", "--by", "sex"]);
    assert_eq!(held["on"], "2023-06-01");
    assert_eq!(
        (
            held["held"].as_i64(),
            held["held_min"].as_i64(),
            held["held_max"].as_i64()
        ),
        (Some(2), Some(2), Some(2))
    );
    assert_eq!(held["by"], json!({"female": 1, "male": 1}));
    // p2 was detained in "2022-03": held, but only possibly, during March.
    let march = s.json(&["stats", "held", "--on", "2022-03-15"]);
    assert_eq!(
        (
            march["held"].as_i64(),
            march["held_min"].as_i64(),
            march["held_max"].as_i64()
        ),
        (Some(2), Some(1), Some(2))
    );
    let age = s.json(&["stats", "held", "--on", "2023-06-01", "--by", "age"]);
    assert_eq!(age["by"], json!({"25-34": 1, "55-64": 1}));

    let series = s.json(&[
        "stats",
        "series",
        "--from",
        "2021-07-13",
        "--to",
        "2021-07-15",
        "--step",
        "day",
    ]);
    assert_eq!(series["step"], "day");
    let points: Vec<(String, i64)> = series["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["date"].as_str().unwrap().into(),
                p["held"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        points,
        [
            ("2021-07-13".into(), 0),
            ("2021-07-14".into(), 1),
            ("2021-07-15".into(), 1)
        ]
    );
    for p in series["points"].as_array().unwrap() {
        assert!(p["held_min"].is_i64() && p["held_max"].is_i64());
    }

    let waves = s.json(&["stats", "waves", "--country", "BY", "--year", "2024"]);
    assert_eq!(
        waves["waves"],
        json!([{"ordinal": 1, "date": "2024-12-09", "announcement": "a1", "count": 29, "running_total": 29}])
    );
    assert_eq!(
        (
            waves["country"].as_str(),
            waves["year"].as_i64(),
            waves["total"].as_u64()
        ),
        (Some("BY"), Some(2024), Some(29))
    );

    let flow = s.json(&[
        "stats",
        "flow",
        "--from",
        "2021-01-01",
        "--to",
        "2025-12-31",
        "--country",
        "BY",
    ]);
    assert_eq!(
        (flow["from"].as_str(), flow["to"].as_str()),
        (Some("2021-01-01"), Some("2025-12-31"))
    );
    assert_eq!(
        (
            flow["detained"].as_u64(),
            flow["recognized"].as_u64(),
            flow["pardoned"].as_u64()
        ),
        (Some(2), Some(2), Some(29))
    );
    assert_eq!(flow["released"], json!({"deported": 1}));
    assert_eq!(flow["ratio_recognized_to_pardoned"], 0.07);

    let check = s.json(&["check"]);
    assert!(check["findings"].is_array());
    let verify = s.json(&["verify"]);
    assert_eq!(
        (verify["ok"].as_bool(), verify["entries"].as_u64()),
        (Some(true), Some(12))
    );
    assert_eq!(verify["head"].as_str().unwrap().len(), 64);
}

#[test]
fn global_options_work_before_and_after_the_command() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", CONTRACT_EXAMPLE).status);
    let db = s.db();
    let db = db.to_str().unwrap();
    let dir = s.dir.path();
    let before = run_in(
        dir,
        &["--db", db, "--json", "stats", "held", "--on", "2023-01-01"],
        None,
    );
    let after = run_in(
        dir,
        &["stats", "held", "--on", "2023-01-01", "--db", db, "--json"],
        None,
    );
    let url = format!("sqlite://{db}");
    let by_url = run_in(
        dir,
        &[
            "stats",
            "held",
            "--on",
            "2023-01-01",
            "--database-url",
            &url,
            "--json",
        ],
        None,
    );
    assert!(
        before.status && after.status && by_url.status,
        "{}{}{}",
        before.stderr,
        after.stderr,
        by_url.stderr
    );
    assert_eq!(before.stdout, after.stdout);
    assert_eq!(before.stdout, by_url.stdout);
    let mut env = std::process::Command::new(env!("CARGO_BIN_EXE_vigil"));
    let out = env
        .args(["stats", "held", "--on", "2023-01-01", "--json"])
        .env("VIGIL_DB", db)
        .current_dir(dir)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), before.stdout);

    let bad = run_in(dir, &["verify", "--database-url", "mysql://x/y"], None);
    assert!(
        bad.stderr.contains("unknown database URL scheme 'mysql'"),
        "{}",
        bad.stderr
    );
    let missing = run_in(dir, &["stats", "held", "--db", "nowhere.db"], None);
    assert!(
        missing.stderr.contains("no database at nowhere.db"),
        "{}",
        missing.stderr
    );
    assert!(
        !dir.join("nowhere.db").exists(),
        "a read must not create a database"
    );
}

#[test]
fn demo_prints_headline_numbers_of_a_generated_registry() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_in(dir.path(), &["demo", "--persons", "2000", "--json"], None);
    assert!(r.status, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["persons"], 2000);
    assert!(v["events"].as_u64().unwrap() > 8000);
    let held = &v["held"];
    assert!(held["held"].as_i64().unwrap() > 100, "{v}");
    assert!(
        held["held_min"].as_i64() <= held["held"].as_i64()
            && held["held"].as_i64() <= held["held_max"].as_i64()
    );
    let by_country: i64 = v["by_country"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_i64().unwrap())
        .sum();
    assert_eq!(
        by_country,
        held["held"].as_i64().unwrap(),
        "countries add up to the total"
    );
}
