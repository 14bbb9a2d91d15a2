//! Lists and counts per recognising organisation (issue 15): the directory and
//! `GET /api/v1/persons?recognized_by=`, the counts per organisation, and each
//! organisation's recognition on the person page — in process, over a scratch SQLite
//! registry built for it.
//!
//! The registry: p1 held, recognised by Viasna and Memorial; p2 held, recognised by both,
//! Memorial withdrew; p3 released in 2020 and recognised by Viasna in 2022 (ex post
//! facto); p4 held, recognised by "viasna" as another sheet writes it; p5 restricted,
//! recognised by Viasna and by an organisation only it names; p6 held, recognised by
//! Memorial, with a restricted recognition by another organisation; p7 held, recognised
//! by nobody.

use std::sync::Arc;

mod common;
use common::{fetch as get, fetch_json as json_of, listed};

use axum::http::StatusCode;
use serde_json::{json, Value};
use vigil_server::{AppState, Live};
use vigil_store::sqlite::SqliteStore;

const LINES: &str = r#"{"type":"person","id":"p1","names":[{"text":"Ales One"}],"country":"BY"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-01-10"}
{"type":"event","id":"e1v","person":"p1","kind":"recognized","date":"2021-02-01","details":{"by":"Viasna"}}
{"type":"event","id":"e1m","person":"p1","kind":"recognized","date":"2021-03","details":{"by":"Memorial"}}
{"type":"person","id":"p2","names":[{"text":"Maryna Two"}],"country":"BY"}
{"type":"event","id":"e2","person":"p2","kind":"detained","date":"2020-08-10"}
{"type":"event","id":"e2v","person":"p2","kind":"recognized","date":"2020-09-01","details":{"by":"Viasna"}}
{"type":"event","id":"e2m","person":"p2","kind":"recognized","date":"2020-10-01","details":{"by":"Memorial"}}
{"type":"event","id":"e2w","person":"p2","kind":"recognition_withdrawn","date":"2023-05-02","details":{"by":"Memorial"}}
{"type":"person","id":"p3","names":[{"text":"Ihar Three"}],"country":"BY"}
{"type":"event","id":"e3","person":"p3","kind":"detained","date":"2019-01-01"}
{"type":"event","id":"e3r","person":"p3","kind":"released","date":"2020-01-01"}
{"type":"event","id":"e3v","person":"p3","kind":"recognized","date":"2022-06-01","details":{"by":"Viasna"}}
{"type":"person","id":"p4","names":[{"text":"Pavel Four"}],"country":"BY"}
{"type":"event","id":"e4","person":"p4","kind":"detained","date":"2021-04-04"}
{"type":"event","id":"e4v","person":"p4","kind":"recognized","date":"2021-05","details":{"by":"viasna"}}
{"type":"person","id":"p5","names":[{"text":"Hidden Five"}],"country":"BY","visibility":"restricted"}
{"type":"event","id":"e5","person":"p5","kind":"detained","date":"2021-01-01"}
{"type":"event","id":"e5v","person":"p5","kind":"recognized","date":"2021-02-01","details":{"by":"Viasna"}}
{"type":"event","id":"e5s","person":"p5","kind":"recognized","date":"2021-02-01","details":{"by":"Secret Org"}}
{"type":"person","id":"p6","names":[{"text":"Olga Six"}],"country":"BY"}
{"type":"event","id":"e6","person":"p6","kind":"detained","date":"2022-02-02"}
{"type":"event","id":"e6m","person":"p6","kind":"recognized","date":"2022-03-03","details":{"by":"Memorial"}}
{"type":"event","id":"e6h","person":"p6","kind":"recognized","date":"2022-03-04","visibility":"restricted","details":{"by":"Hidden Org"}}
{"type":"person","id":"p7","names":[{"text":"Yury Seven"}],"country":"BY"}
{"type":"event","id":"e7","person":"p7","kind":"detained","date":"2022-02-02"}
"#;

/// Names that only hidden persons or hidden events give.
const HIDDEN: [&str; 3] = ["Secret Org", "Hidden Org", "Hidden Five"];

fn server(min_cell: i64) -> (Arc<Live>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let opts = vigil_store::ImportOptions {
        actor: "test".into(),
        reason: None,
        at: "2026-01-01T00:00:00.000000Z".into(),
        update: false,
    };
    vigil_store::import(&mut store, &mut LINES.as_bytes(), &opts, &mut |_| {}).unwrap();
    let mut state = AppState::load(Box::new(store)).unwrap();
    state.min_cell = min_cell;
    (Live::new(state), dir)
}

#[tokio::test]
async fn each_organisation_lists_the_persons_it_recognises_now() {
    let (live, _dir) = server(2);
    // Viasna, however it is written: p3 (after release) is listed, the restricted p5 not.
    for org in ["Viasna", "viasna", "VIASNA", " Viasna "] {
        let q = format!("recognized_by={}", org.replace(' ', "%20"));
        assert_eq!(listed(&live, &q).await, ["p1", "p2", "p3", "p4"], "{org}");
    }
    // Memorial's withdrawal ends its recognition of p2 only (Viasna still lists p2);
    // p6's hidden recognition by another organisation changes nothing.
    assert_eq!(listed(&live, "recognized_by=memorial").await, ["p1", "p6"]);
    // Ex post facto counts under its organisation but is not held.
    assert_eq!(
        listed(&live, "recognized_by=Viasna&status=held").await,
        ["p1", "p2", "p4"]
    );
    assert_eq!(
        listed(&live, "recognized_by=Viasna&status=released").await,
        ["p3"]
    );
    // An organisation only hidden records name lists no one.
    for org in ["Secret%20Org", "hidden%20org", "nobody"] {
        assert!(listed(&live, &format!("recognized_by={org}"))
            .await
            .is_empty());
    }
    // The rows say who recognises each person now.
    let v = json_of(&live, "/api/v1/persons?recognized_by=Memorial").await;
    assert_eq!(
        v["persons"][0]["recognized_by"],
        json!(["Memorial", "Viasna"])
    );
    assert_eq!(v["persons"][1]["recognized_by"], json!(["Memorial"]));
}

#[tokio::test]
async fn the_counts_per_organisation_are_of_public_persons_with_small_cells_withheld() {
    let (live, _dir) = server(2);
    let v = json_of(&live, "/api/v1/persons").await;
    // p4's "viasna" counts under the first spelling; p5 (restricted) counts nowhere.
    assert_eq!(
        v["organisations"],
        json!([{"name": "Memorial", "persons": 2}, {"name": "Viasna", "persons": 4}]),
        "{v}"
    );
    assert_eq!(v["fewer_than"], Value::Null);
    // The other filters narrow the counts: held today, p3 is not.
    let v = json_of(&live, "/api/v1/persons?status=held&recognized_by=Memorial").await;
    assert_eq!(
        v["organisations"],
        json!([{"name": "Memorial", "persons": 2}, {"name": "Viasna", "persons": 3}]),
        "{v}"
    );
    // The same as `held --by recognized_by` today, where the hidden p5 is `withheld`.
    let held = json_of(&live, "/api/v1/stats/held?by=recognized_by").await;
    // Memorial's withdrawal leaves p2 a political prisoner (Viasna's): held are p1, p2,
    // p4, p6 and the hidden p5.
    assert_eq!(held["held"], 5, "{held}");
    assert_eq!(held["by"]["Viasna"], 3, "{held}");
    assert_eq!(held["by"]["Memorial"], 2, "{held}");
    // Under the threshold a count is withheld and said to be small.
    let (live3, _dir3) = server(3);
    let v = json_of(&live3, "/api/v1/persons").await;
    assert_eq!(
        v["organisations"],
        json!([{"name": "Memorial", "persons": null}, {"name": "Viasna", "persons": 4}]),
        "{v}"
    );
    assert_eq!(v["fewer_than"], 3);
    let (_, page) = get(&live3, "/persons?lang=en").await;
    assert!(page.contains("Memorial</a>: fewer than 3"), "{page}");
    for body in [
        v.to_string(),
        page,
        get(&live, "/api/v1/persons?recognized_by=secret%20org")
            .await
            .1,
    ] {
        for h in HIDDEN {
            assert!(!body.contains(h), "{h}: {body}");
        }
    }
}

#[tokio::test]
async fn the_directory_offers_the_organisations_in_the_readers_language() {
    let (live, _dir) = server(2);
    for (lang, viasna, memorial, label) in [
        ("be", "Вясна", "Мемарыял", "Кім прызнаны"),
        ("ru", "Весна", "Мемориал", "Кем признан"),
        ("en", "Viasna", "Memorial", "Recognized by"),
    ] {
        let (status, page) = get(&live, &format!("/persons?lang={lang}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains(label), "{lang}: {page}");
        assert!(
            page.contains(&format!(r#"<option value="Viasna">{viasna}</option>"#)),
            "{lang}: {page}"
        );
        assert!(
            page.contains(&format!(r#"<option value="Memorial">{memorial}</option>"#)),
            "{lang}: {page}"
        );
        // Each count links to its organisation's list.
        assert!(
            page.contains(&format!("recognized_by=Viasna\">{viasna}</a>: 4")),
            "{lang}: {page}"
        );
        for h in HIDDEN {
            assert!(!page.contains(h), "{lang} {h}: {page}");
        }
    }
    // Chosen, the organisation's list is shown, the choice kept, the links carry it.
    let (_, page) = get(&live, "/persons?lang=en&recognized_by=memorial").await;
    assert!(
        page.contains("Ales One") && page.contains("Olga Six"),
        "{page}"
    );
    assert!(!page.contains("Maryna Two"), "{page}");
    assert!(
        page.contains(r#"<option value="Memorial" selected>Memorial</option>"#),
        "{page}"
    );
    assert!(
        page.contains("recognized_by=memorial&amp;format=csv"),
        "{page}"
    );
}

#[tokio::test]
async fn the_person_page_shows_each_organisations_recognition() {
    let (live, _dir) = server(2);
    let v = json_of(&live, "/api/v1/persons/p2").await;
    assert_eq!(
        v["recognitions"],
        json!([
            {"by": "Viasna", "since": "2020-09-01", "ex_post_facto": false, "withdrawn": null},
            {"by": "Memorial", "since": "2020-10-01", "ex_post_facto": false, "withdrawn": "2023-05-02"},
        ]),
        "{v}"
    );
    assert_eq!(v["recognized_by"], json!(["Viasna"]));
    let v = json_of(&live, "/api/v1/persons/p3").await;
    assert_eq!(
        v["recognitions"],
        json!([{"by": "Viasna", "since": "2022-06-01", "ex_post_facto": true, "withdrawn": null}])
    );
    // A partial date stays partial; a hidden recognition is not told.
    let v = json_of(&live, "/api/v1/persons/p1").await;
    assert_eq!(v["recognitions"][1]["since"], "2021-03");
    let v = json_of(&live, "/api/v1/persons/p6").await;
    assert_eq!(v["recognitions"].as_array().unwrap().len(), 1, "{v}");
    for (lang, withdrawn, after) in [
        ("en", "withdrawn: ", "recognized after release"),
        ("be", "прызнанне адклікана: ", "прызнаны пасля вызвалення"),
        ("ru", "признание отозвано: ", "признан после освобождения"),
    ] {
        let (_, page) = get(&live, &format!("/persons/p2?lang={lang}")).await;
        let l = vigil_i18n::Lang::parse(lang).unwrap();
        let memorial = vigil_i18n::t(l, "org-memorial");
        assert!(page.contains(&format!("{memorial}: ")), "{lang}: {page}");
        // The timeline names the organisation as the lists do, not as the data writes it.
        let (by, viasna) = (
            vigil_i18n::t(l, "detail-by"),
            vigil_i18n::t(l, "org-viasna"),
        );
        assert!(
            page.contains(&format!("{by}: {viasna}; ")),
            "{lang}: {page}"
        );
        assert!(page.contains(withdrawn), "{lang}: {page}");
        assert!(!page.contains(after), "{lang}: {page}");
        let (_, page) = get(&live, &format!("/persons/p3?lang={lang}")).await;
        assert!(page.contains(after), "{lang}: {page}");
        let (_, page) = get(&live, &format!("/persons/p6?lang={lang}")).await;
        assert!(!page.contains("Hidden Org"), "{lang}: {page}");
    }
}
