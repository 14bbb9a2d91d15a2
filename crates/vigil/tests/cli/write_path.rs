//! Issue 11's reproduction, through the CLI and the JSON API: correcting a person that
//! events point at leaves every count and pointer intact; an import in any line order; a
//! derived row altered with plain SQL is named by `verify` and repaired by `db rebuild`.

use crate::serve::Server;
use crate::Scratch;

const A: &str = r#"{"type":"person","id":"p1","names":[{"text":"Ales One"}],"sex":"male","country":"BY"}
{"type":"person","id":"p2","names":[{"text":"Bela Two"}],"sex":"female","country":"BY"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2022-01-01"}
{"type":"event","id":"e2","person":"p1","kind":"recognized","date":"2022-02-01"}
{"type":"event","id":"e3","person":"p2","kind":"detained","date":"2022-01-01"}
"#;

const B: &str = r#"{"type":"person","id":"p1","names":[{"text":"Ales One"}],"sex":"male","country":"BY","birth_date":"1980"}
"#;

fn counts(s: &Scratch) -> (serde_json::Value, serde_json::Value) {
    (
        s.json(&["stats", "held", "--on", "2023-01-01", "--all"])["held"].clone(),
        s.json(&["stats", "held", "--on", "2023-01-01"])["held"].clone(),
    )
}

#[test]
fn correcting_a_person_with_events_keeps_every_count_through_the_cli() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", A).status);
    let before = counts(&s);
    assert_eq!(before, (2.into(), 1.into()));
    let b = s.file("b.jsonl", B);
    s.ok(&["import", b.to_str().unwrap(), "--update", "--reason", "fix"]);
    assert_eq!(counts(&s), before, "the correction changed the counts");
    assert_eq!(s.json(&["verify"])["ok"], true);
    // Backup and restore carry the corrected registry, not damage.
    let backup = s.dir.path().join("backup.jsonl");
    s.ok(&["db", "backup", backup.to_str().unwrap()]);
    let t = Scratch::new();
    t.ok(&["db", "restore", backup.to_str().unwrap()]);
    assert_eq!(counts(&t), before);
    assert_eq!(t.json(&["verify"])["ok"], true);
    // The person is still pointed at, so it cannot be retracted; its events can.
    let r = s.run(&["retract", "person", "p1", "--reason", "x"]);
    assert!(
        r.stderr
            .contains("person 'p1' is still referred to by event 'e1', event 'e2'"),
        "{}",
        r.stderr
    );
}

#[test]
fn correcting_a_person_with_events_keeps_every_count_through_the_api() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", A).status);
    let token = s.json(&["token", "create", "--role", "editor"])["token"]
        .as_str()
        .unwrap()
        .to_string();
    let server = Server::start(&s);
    let version = s.json(&["log"])["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "p1")
        .unwrap()["seq"]
        .as_u64()
        .unwrap();
    let record: serde_json::Value = serde_json::from_str(B.trim()).unwrap();
    let body = serde_json::json!({"record": record, "version": version, "reason": "birth year"});
    let r = reqwest::blocking::Client::new()
        .post(format!("{}/api/v1/records", server.base))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().unwrap());
    // The server stays current: the public count is the same, and healthy.
    let held: serde_json::Value =
        serde_json::from_str(&server.get("/api/v1/stats/held?on=2023-01-01").1).unwrap();
    assert_eq!(held["held"], 1);
    assert_eq!(server.get("/healthz").0, 200);
    drop(server);
    assert_eq!(counts(&s), (2.into(), 1.into()));
    assert_eq!(s.json(&["verify"])["ok"], true);
}

#[test]
fn a_file_in_any_order_imports_and_a_missing_reference_is_still_named() {
    let s = Scratch::new();
    let reversed = A.lines().rev().collect::<Vec<_>>().join("\n") + "\n";
    let r = s.import("rev.jsonl", &reversed);
    assert!(r.status, "{}", r.stderr);
    assert_eq!(counts(&s), (2.into(), 1.into()));
    let t = Scratch::new();
    let bad = format!(
        "{reversed}{}\n",
        r#"{"type":"event","id":"e9","person":"p9","kind":"detained","date":"2022"}"#
    );
    let r = t.import("bad.jsonl", &bad);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .contains("bad.jsonl:6: event 'e9': field `person`: unknown person 'p9'"),
        "{}",
        r.stderr
    );
    assert!(!t.db().exists() || t.ok(&["export"]).is_empty());
}

#[test]
fn verify_names_a_derived_row_altered_with_sql_and_rebuild_repairs_it() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", A).status);
    let head = s.json(&["verify"])["head"].clone();
    {
        let c = rusqlite::Connection::open(s.db()).unwrap();
        c.execute(
            "UPDATE person SET visibility = 'public', region = 'Homiel' WHERE id = 'p2'",
            [],
        )
        .unwrap();
    }
    let r = s.run(&["verify"]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .contains("person 'p2': the derived tables disagree with the log")
            && r.stderr
                .contains("region is Homiel where the log says (none)")
            && r.stderr.contains("vigil db rebuild"),
        "{}",
        r.stderr
    );
    let v = s.run(&["verify", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&v.stdout).unwrap();
    assert_eq!(
        (v["ok"].clone(), v["derived"]["id"].clone()),
        (false.into(), "p2".into())
    );
    // An event row pointed elsewhere is named too.
    {
        let c = rusqlite::Connection::open(s.db()).unwrap();
        c.execute("UPDATE event SET person_pk = 999 WHERE id = 'e3'", [])
            .unwrap();
    }
    // A question that loads the registry says so (a headline count is answered from the
    // day arrays saved at the import, before the damage, which a rebuild also removes).
    let load = s.run(&["stats", "held", "--on", "2023-01-01", "--by", "sex"]);
    assert!(
        load.stderr.contains("event 'e3' points at person row 999")
            && load.stderr.contains("vigil db rebuild"),
        "{}",
        load.stderr
    );
    s.ok(&["db", "rebuild"]);
    let v = s.json(&["verify"]);
    assert_eq!((v["ok"].clone(), v["head"].clone()), (true.into(), head));
    assert_eq!(counts(&s), (2.into(), 1.into()));
}

#[test]
fn a_whole_file_operation_is_refused_while_a_server_has_the_file_open() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", A).status);
    let key = s.file("new.key", "a long enough passphrase\n");
    let server = Server::start(&s);
    let r = s.run(&["db", "rekey", "--new-key-file", key.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.contains("another vigil process") && r.stderr.contains("stop it first"),
        "{}",
        r.stderr
    );
    // Nothing changed: the file still opens without a key, and the server still answers.
    assert_eq!(s.json(&["verify"])["ok"], true);
    assert_eq!(server.get("/healthz").0, 200);
    let backup = s.dir.path().join("b.jsonl");
    s.ok(&["db", "backup", backup.to_str().unwrap()]);
    drop(server);
    // Alone, it runs.
    let r = s.run(&["db", "rekey", "--new-key-file", key.to_str().unwrap()]);
    assert!(r.status, "{}", r.stderr);
    // A restore into a file a server holds is refused the same way.
    let empty = Scratch::new();
    let r = empty.import("empty.jsonl", "");
    assert!(r.status && empty.db().exists(), "{}", r.stderr);
    let server = Server::start(&empty);
    let r = empty.run(&["db", "restore", backup.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("another vigil process"), "{}", r.stderr);
    assert_eq!(empty.json(&["verify"])["entries"], 0);
    drop(server);
    empty.ok(&["db", "restore", backup.to_str().unwrap()]);
    assert_eq!(empty.json(&["verify"])["entries"], 5);
}

#[test]
fn control_characters_in_a_reason_cannot_forge_a_line_of_the_log() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", A).status);
    let forged = "typo\n  9  2026-01-01T00:00:00.000000Z  admin  put  person p1\u{1b}[2J";
    s.ok(&["retract", "event", "e3", "--reason", forged]);
    let out = s.ok(&["log"]);
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert_eq!(out.lines().count(), 7, "{out}");
    assert!(out.contains("typo\\u{a}"), "{out}");
    // The JSON keeps the reason exactly as given.
    assert_eq!(s.json(&["log"])["entries"][5]["reason"], forged);
    // A key of spaces opens nothing and is said to be too short.
    let blank = s.file("blank.key", "   \n");
    let r = s.run(&["--key-file", blank.to_str().unwrap(), "verify"]);
    assert!(r.stderr.contains("use at least 8"), "{}", r.stderr);
}
