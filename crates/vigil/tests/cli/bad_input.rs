//! Bad input: a clear message naming the line, the field and the value; nothing written.

use crate::{Scratch, CONTRACT_EXAMPLE};

/// (bad line, what the message must say). Each is imported after the contract example.
const CASES: &[(&str, &str)] = &[
    // dates, on every record type that has one
    (r#"{"type":"event","id":"x","person":"p1","kind":"detained","date":"2024-13-01"}"#, "event 'x': field `date`: date '2024-13-01' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD"),
    (r#"{"type":"person","id":"x","birth_date":"1990-02-30"}"#, "person 'x': field `birth_date`: date '1990-02-30' is not a date"),
    (r#"{"type":"announcement","id":"x","kind":"pardon","date":"09.12.2024"}"#, "announcement 'x': field `date`: date '09.12.2024' is not a date"),
    (r#"{"type":"figure","id":"x","metric":"m","value":1,"as_of":"2024-00"}"#, "figure 'x': field `as_of`: date '2024-00' is not a date"),
    (r#"{"type":"source","id":"x","published":"last week"}"#, "source 'x': field `published`: date 'last week' is not a date"),
    // unknown kinds and values
    (r#"{"type":"event","id":"x","person":"p1","kind":"arrested","date":"2024"}"#, "event 'x': field `kind`: unknown variant `arrested`, expected one of `detained`"),
    (r#"{"type":"announcement","id":"x","kind":"clemency","date":"2024"}"#, "announcement 'x': field `kind`: unknown variant `clemency`"),
    (r#"{"type":"prisoner","id":"x"}"#, "unknown record type 'prisoner'"),
    (r#"{"type":"person","id":"x","sex":"m"}"#, "person 'x': field `sex`: unknown variant `m`"),
    (r#"{"type":"person","id":"x","visibility":"hidden"}"#, "person 'x': field `visibility`: unknown variant `hidden`"),
    (r#"{"type":"person","id":"x","health":["asthma"]}"#, "person 'x': field `health[0]`: unknown variant `asthma`"),
    (r#"{"type":"event","id":"x","person":"p1","kind":"released","date":"2024","details":{"reason":"escaped"}}"#, "event 'x': field `details.reason`: unknown variant `escaped`"),
    (r#"{"type":"figure","id":"x","metric":"m","value":1,"qualifier":"about","as_of":"2024"}"#, "figure 'x': field `qualifier`: unknown variant `about`"),
    (r#"{"type":"announcement","id":"x","kind":"pardon","date":"2024","total":"29"}"#, "announcement 'x': field `total`: invalid type: string \"29\""),
    // references
    (r#"{"type":"event","id":"x","person":"p404","kind":"detained","date":"2024"}"#, "event 'x': field `person`: unknown person 'p404'"),
    (r#"{"type":"event","id":"x","person":"p1","kind":"detained","date":"2024","sources":["s404"]}"#, "event 'x': field `sources`: unknown source 's404'"),
    (r#"{"type":"event","id":"x","person":"p1","kind":"pardoned","date":"2024","announcement":"a404"}"#, "event 'x': field `announcement`: unknown announcement 'a404'"),
    (r#"{"type":"figure","id":"x","metric":"m","value":1,"as_of":"2024","sources":["s404"]}"#, "figure 'x': field `sources`: unknown source 's404'"),
    // ids
    (r#"{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-07-15"}"#, "event 'e1' already exists with other content (log entry 4); import with --update"),
    (r#"{"type":"person","names":[]}"#, "person: missing field `id`"),
    (r#"{"type":"person","id":""}"#, "person: field `id` is empty"),
    // not JSON at all
    (r#"{"type":"person","id":"x","#, "malformed JSON"),
    ("person,x", "malformed JSON"),
];

#[test]
fn each_bad_line_is_refused_with_its_place_and_nothing_is_written() {
    let s = Scratch::new();
    assert!(s.import("base.jsonl", CONTRACT_EXAMPLE).status);
    let before = s.ok(&["export"]);
    let head_before = s.json(&["verify"]);
    for (i, (line, want)) in CASES.iter().enumerate() {
        // A good line first, so "nothing written" means the good line too.
        let good = format!(r#"{{"type":"source","id":"fresh{i}","publisher":"x"}}"#);
        let text = format!("{good}\n{line}\n");
        let r = s.import("bad.jsonl", &text);
        assert_eq!(
            r.code,
            Some(1),
            "case {i} should fail: {line}\n{}",
            r.stderr
        );
        assert!(
            r.stderr.contains(&format!("bad.jsonl:2: {want}")),
            "case {i}: stderr lacks `bad.jsonl:2: {want}`:\n{}",
            r.stderr
        );
        assert!(r.stderr.contains("nothing was imported"), "{}", r.stderr);
    }
    assert_eq!(
        s.ok(&["export"]),
        before,
        "a refused import changed the records"
    );
    assert_eq!(
        s.json(&["verify"]),
        head_before,
        "a refused import changed the log"
    );
}

#[test]
fn every_bad_line_is_reported_in_one_pass_and_json_lists_them() {
    let s = Scratch::new();
    let text = r#"{"type":"person","id":"a"}
{"type":"person","id":"b","sex":"x"}

{"type":"event","id":"e","person":"a","kind":"detained","date":"2021"}
{"type":"event","id":"e","person":"a","kind":"detained","date":"2022"}
{"type":"event","id":"f","person":"later","kind":"detained","date":"2021"}
{"type":"person","id":"later"}
nonsense
"#;
    let p = s.file("many.jsonl", text);
    let r = s.run(&["import", p.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    let lines: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains("many.jsonl:"))
        .collect();
    // Line 6 refers to a person further down: the order of lines does not matter.
    assert_eq!(lines.len(), 3, "{}", r.stderr);
    assert!(lines[0].ends_with("many.jsonl:2: person 'b': field `sex`: unknown variant `x`, expected one of `female`, `male`, `other`, `unknown`"), "{}", lines[0]);
    assert!(
        lines[1].ends_with(
            "many.jsonl:5: event 'e' appears twice with different content (first at line 4)"
        ),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].ends_with("many.jsonl:8: malformed JSON: expected ident at line 1 column 2"),
        "{}",
        lines[2]
    );
    assert!(
        !s.db().exists() || s.run(&["export"]).stdout.is_empty(),
        "nothing may be written"
    );

    let r = s.run(&["import", p.to_str().unwrap(), "--json"]);
    assert_eq!(r.code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let got: Vec<(u64, bool)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), e["message"].is_string()))
        .collect();
    assert_eq!(got, [(2, true), (5, true), (8, true)]);
}

#[test]
fn the_log_refuses_changes_through_sql_unless_someone_forces_it() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", CONTRACT_EXAMPLE).status);
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    let err = conn
        .execute("UPDATE log SET actor = 'x' WHERE seq = 2", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    let err = conn
        .execute("DELETE FROM log WHERE seq = 2", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}

#[test]
fn tampering_with_a_stored_entry_is_found_and_named() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", CONTRACT_EXAMPLE).status);
    assert_eq!(s.json(&["verify"])["ok"], true);
    // An attacker with the file drops the guard and edits entry 5 (a recognition) away.
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    conn.execute_batch("DROP TRIGGER log_no_update").unwrap();
    let n = conn
        .execute(
            "UPDATE log SET body = replace(body, '\"recognized\"', '\"charged\"') WHERE seq = 5",
            [],
        )
        .unwrap();
    assert_eq!(n, 1);
    drop(conn);
    let r = s.run(&["verify"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("log entry 5 was altered"), "{}", r.stderr);
    let r = s.run(&["verify", "--json"]);
    assert_eq!(r.code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        (v["ok"].as_bool(), v["first_bad_entry"].as_u64()),
        (Some(false), Some(5))
    );

    // Re-sealing the edited entry's own hash moves the break to the next link, still found.
    let s = Scratch::new();
    assert!(s.import("a.jsonl", CONTRACT_EXAMPLE).status);
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    conn.execute_batch(
        "DROP TRIGGER log_no_update; UPDATE log SET hash = zeroblob(32) WHERE seq = 3",
    )
    .unwrap();
    drop(conn);
    let r = s.run(&["verify"]);
    assert!(r.stderr.contains("log entry 3 was altered"), "{}", r.stderr);
}

#[test]
fn oversized_lines_and_ids_with_control_characters_are_refused_at_their_line() {
    let s = Scratch::new();
    let long_id = "x".repeat(300);
    let huge = format!(
        r#"{{"type":"source","id":"s-big","publisher":"{}"}}"#,
        "y".repeat(2 << 20)
    );
    let long = format!(r#"{{"type":"person","id":"{long_id}"}}"#);
    let text = [
        r#"{"type":"person","id":"ok","country":"BY"}"#,
        &long,
        r#"{"type":"person","id":"a\u0000b"}"#,
        &huge,
        r#"{"type":"person","id":"p","visibility":"confidential","visibility":"public"}"#,
    ]
    .join("\n")
        + "\n";
    let p = s.file("big.jsonl", &text);
    let r = s.run(&["import", p.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    for (line, says) in [
        (2, "an id has at most 200"),
        (3, "control character"),
        (4, "a record has at most 1048576"),
        (5, "the key `visibility` appears twice"),
    ] {
        assert!(
            r.stderr.contains(&format!("big.jsonl:{line}: ")) && r.stderr.contains(says),
            "line {line} should say {says}:\n{}",
            r.stderr
        );
    }
    assert!(
        r.stderr.len() < 10_000,
        "the message does not echo the huge line"
    );
    assert!(
        !s.db().exists() || s.ok(&["export"]).is_empty(),
        "nothing written"
    );
}
