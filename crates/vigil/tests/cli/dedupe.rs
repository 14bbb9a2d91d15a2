//! The same report stored twice adds nothing; announcements and figures stored twice are
//! reported by `vigil check`.

use crate::serve::Server;
use crate::Scratch;

const SEED: &str = include_str!("../../../../tests/reports/belarus-pardons-article.txt");

fn extract_import(s: &Scratch, name: &str, text: &str) -> serde_json::Value {
    let report = s.file(name, text);
    s.json(&[
        "extract",
        report.to_str().unwrap(),
        "--date",
        "2024-12-09",
        "--publisher",
        "RFE/RL",
        "--import",
        "--yes",
    ])
}

/// `check --json` findings of kind `duplicate`, as (subject, message).
fn duplicates(s: &Scratch) -> Vec<(String, String)> {
    s.json(&["check"])["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "duplicate")
        .map(|f| {
            (
                f["subject"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_report_pasted_with_crlf_after_its_import_adds_nothing() {
    let s = Scratch::new();
    let first = extract_import(&s, "report.txt", SEED);
    assert_eq!(first["imported"]["added"], 7, "{first}");
    let waves = s.json(&["stats", "waves", "--country", "BY", "--year", "2024"]);
    assert_eq!(waves["total"], 29, "{waves}");

    // As a browser sends a pasted text: CRLF line endings, here with trailing spaces too.
    let crlf = SEED.replace('\n', " \r\n");
    assert_ne!(crlf, SEED);
    let again = extract_import(&s, "pasted.txt", &crlf);
    assert_eq!(again["imported"]["added"], 0, "{again}");
    assert_eq!(again["imported"]["unchanged"], 7, "{again}");
    assert_eq!(again["imported"]["ids"], first["imported"]["ids"]);
    assert_eq!(again["imported"]["head"], first["imported"]["head"]);

    let waves = s.json(&["stats", "waves", "--country", "BY", "--year", "2024"]);
    assert_eq!(waves["waves"].as_array().unwrap().len(), 1, "{waves}");
    assert_eq!(waves["total"], 29, "{waves}");
    assert_eq!(duplicates(&s), [], "nothing is stored twice");
}

#[test]
fn check_lists_near_duplicate_announcements() {
    let s = Scratch::new();
    let r = s.import(
        "a.jsonl",
        r#"{"type":"announcement","id":"w1","kind":"pardon","date":"2024-07-03","country":"BY","total":18}
{"type":"announcement","id":"w1-again","kind":"pardon","date":"2024-07-04","country":"BY","total":18}
{"type":"announcement","id":"w2","kind":"pardon","date":"2024-07-06","country":"BY","total":18}
{"type":"announcement","id":"w3","kind":"pardon","date":"2024-07-04","country":"BY","total":20}
"#,
    );
    assert!(r.status, "{}", r.stderr);
    let found = duplicates(&s);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (subject, message) = &found[0];
    assert_eq!(subject, "w1-again");
    for part in [
        "w1-again",
        "2024-07-04",
        "w1 (",
        "2024-07-03",
        "of 18",
        "count 36",
    ] {
        assert!(message.contains(part), "{part:?} not in {message}");
    }
}

/// The issue's reproduction: `vigil extract --import`, then the same report pasted on
/// /edit/extract (a browser sends CRLF) and confirmed: nothing added, one wave of 29.
#[test]
fn the_report_pasted_on_the_editors_page_after_its_import_adds_nothing() {
    let s = Scratch::new();
    let first = extract_import(&s, "report.txt", SEED);
    assert_eq!(first["imported"]["added"], 7, "{first}");
    let r = s.run_stdin(
        &["user", "add", "eda", "--role", "editor"],
        "eda password 123\n",
    );
    assert!(r.status, "{}", r.stderr);
    let server = Server::start(&s);
    let client = reqwest::blocking::Client::new();
    let login = client
        .post(format!("{}/api/v1/session", server.base))
        .header("content-type", "application/json")
        .body(r#"{"name":"eda","password":"eda password 123"}"#)
        .send()
        .unwrap();
    assert_eq!(login.status().as_u16(), 200);
    let cookie = login.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let body: serde_json::Value = serde_json::from_str(&login.text().unwrap()).unwrap();
    let csrf = body["csrf"].as_str().unwrap().to_string();
    let crlf = SEED.replace('\n', "\r\n");
    let response = client
        .post(format!("{}/edit/extract", server.base))
        .header("cookie", cookie)
        .form(&[
            ("text", crlf.as_str()),
            ("date", "2024-12-09"),
            ("publisher", "RFE/RL"),
            ("confirm", "yes"),
            ("csrf", csrf.as_str()),
        ])
        .send()
        .unwrap();
    let status = response.status().as_u16();
    let page = response.text().unwrap();
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("0 records added"), "{page}");
    let verify = s.json(&["verify"]);
    assert_eq!(verify["entries"], first["imported"]["entries"], "{verify}");
    let waves = s.json(&["stats", "waves", "--country", "BY", "--year", "2024"]);
    assert_eq!(waves["waves"].as_array().unwrap().len(), 1, "{waves}");
    assert_eq!(waves["total"], 29, "{waves}");
}

/// A report stored twice under two sets of ids (as vigil did before ids came from the
/// normalised text): two waves and 58, and `check` names the announcement and every figure.
#[test]
fn check_names_a_report_stored_twice_under_other_ids() {
    let s = Scratch::new();
    let first = extract_import(&s, "report.txt", SEED);
    let prefix = first["imported"]["ids"][0]
        .as_str()
        .unwrap()
        .trim_end_matches("-source")
        .to_string();
    let copy = s.ok(&["export"]).replace(&prefix, "older");
    assert!(s.import("copy.jsonl", &copy).status);
    let waves = s.json(&["stats", "waves", "--country", "BY", "--year", "2024"]);
    assert_eq!(waves["total"], 58, "{waves}");
    let found = duplicates(&s);
    let mut subjects: Vec<&str> = found.iter().map(|(subject, _)| subject.as_str()).collect();
    subjects.sort_unstable();
    // The later of each pair in id order: "older-…" sorts before "x…".
    let mut want: Vec<String> = first["imported"]["ids"].as_array().unwrap()[1..]
        .iter()
        .map(|id| id.as_str().unwrap().to_string())
        .collect();
    want.sort();
    assert_eq!(subjects, want, "{found:#?}");
    let (_, message) = found
        .iter()
        .find(|(subject, _)| subject.ends_with("-a1"))
        .unwrap();
    assert!(
        message.contains("older-a1") && message.contains("they count 58"),
        "{message}"
    );
    assert!(
        found
            .iter()
            .filter(|(subject, _)| !subject.ends_with("-a1"))
            .all(|(_, m)| m.contains("other sources (older-source and")),
        "{found:#?}"
    );
}
