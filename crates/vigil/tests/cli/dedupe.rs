//! The same report stored twice adds nothing; announcements and figures stored twice are
//! reported by `vigil check`.

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
