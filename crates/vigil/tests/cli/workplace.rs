//! The editors' workplace against the real server, through its forms only: a new person
//! with two names in two scripts and her detention and recognition in one form, under an
//! id nobody typed and restricted until published; a pardon that must say which
//! announcement it belongs to (an unlinked one would count on top of the wave); what was
//! typed kept when a save comes back; "changed since you opened it" and "id taken" told
//! apart; the persons list finding her by either spelling.

use std::fmt::Write as _;

use serde_json::json;

use crate::forms::{form_fields, registry_with_accounts, stored, Browser};
use crate::serve::Server;

const WAVE: &str = r#"{"type":"source","id":"s1","publisher":"RFE/RL","title":"Belarus Issues New Pardons","url":"https://example.org/a","published":"2024-12-09"}
{"type":"announcement","id":"a1","kind":"pardon","date":"2024-12-09","country":"BY","issuer":"Presidential administration","total":29,"breakdown":{"women":11,"men":18},"names_disclosed":false,"sources":["s1"]}
{"type":"person","id":"p1","names":[{"text":"Ales Bialiatski"}],"sex":"male","country":"BY","visibility":"public"}
"#;

fn entries(s: &crate::Scratch) -> u64 {
    s.json(&["verify"])["entries"].as_u64().unwrap()
}

#[test]
fn a_monitor_records_a_prisoner_and_her_pardon_without_typing_an_id() {
    let s = registry_with_accounts(WAVE);
    let server = Server::start(&s);
    let eda = Browser::login(&server.base, "eda");

    // The start page's new-person form: two names, a birth year, the country, her
    // detention and recognition as monitors write dates.
    let (status, page) = eda.submit(
        "/edit",
        "person-form",
        &[
            ("name", "Марфа Рабкова"),
            ("name_lang", "be"),
            ("name_2", "Marfa Rabkova"),
            ("name_2_lang", "en"),
            ("birth_date", "1995"),
            ("country", "BY"),
            ("first.detained", "18.09.2020"),
            ("first.recognized", "10.2020"),
            ("first.by", "Viasna"),
            ("sources.add", "s1"),
        ],
    );
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("id=\"saved\""), "{page}");
    let all = stored(&s);
    let (key, person) = all
        .iter()
        .find(|((t, _), v)| t == "person" && v["names"][0]["text"] == "Марфа Рабкова")
        .expect("the new person is stored");
    let id = key.1.clone();
    assert!(
        id.starts_with("marfa-rabkova-") && id.len() == "marfa-rabkova-".len() + 4,
        "{id}"
    );
    assert_eq!(
        person["names"],
        json!([{"text": "Марфа Рабкова", "lang": "be", "script": "Cyrl"}, {"text": "Marfa Rabkova", "lang": "en", "script": "Latn"}])
    );
    assert_eq!(
        person["visibility"], "restricted",
        "a new person is restricted"
    );
    assert_eq!(person["birth_date"], "1995");
    let events: Vec<_> = all
        .values()
        .filter(|v| v["type"] == "event" && v["person"] == id.as_str())
        .collect();
    assert_eq!(events.len(), 2, "{events:?}");
    for e in &events {
        assert_eq!(e["sources"], json!(["s1"]));
        assert_eq!(
            e["visibility"], "restricted",
            "her events are as hidden as she is"
        );
        match e["kind"].as_str().unwrap() {
            "detained" => assert_eq!(e["date"], "2020-09-18"),
            "recognized" => {
                assert_eq!(e["date"], "2020-10");
                assert_eq!(e["details"], json!({"by": "Viasna"}));
            }
            other => panic!("unexpected {other}"),
        }
    }

    // The persons list finds her by either spelling, and says how many it shows.
    for q in ["Rabkova", "Рабкова", "rabkova marfa"] {
        let (status, page) = eda.get(&format!("/edit/persons?q={}", urlencode(q)));
        assert_eq!(status, 200);
        assert!(
            page.contains(&format!("href=\"/edit/person/{id}\"")),
            "{q}: {page}"
        );
    }
    let (_, page) = eda.get("/edit/persons");
    assert!(page.contains("Showing 1–2 of 2"), "{page}");

    // A pardon on the wave's day without saying which announcement: the form again, the
    // field marked, what was typed kept, nothing written.
    let at = entries(&s);
    let pardon = [
        ("kind", "pardoned"),
        ("date", "09.12.2024"),
        ("reason", "named by Viasna"),
    ];
    let path = format!("/edit/person/{id}");
    let (status, page) = eda.submit(&path, "new-event-form", &pardon);
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("pick the one she was in"), "{page}");
    assert!(
        page.contains("value=\"named by Viasna\""),
        "what was typed is kept: {page}"
    );
    assert_eq!(entries(&s), at);
    let flow = || {
        s.json(&[
            "stats",
            "flow",
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--country",
            "BY",
            "--all",
        ])
    };
    assert_eq!(flow()["pardoned"], 29);

    // Linked to the wave: stored, and the year's pardons are still the wave's 29.
    let mut linked = pardon.to_vec();
    linked.push(("announcement", "a1"));
    let (status, page) = eda.submit(&path, "new-event-form", &linked);
    assert_eq!(status, 200, "{page}");
    let pardoned: Vec<_> = stored(&s)
        .into_values()
        .filter(|v| v["kind"] == "pardoned")
        .collect();
    assert_eq!(pardoned.len(), 1);
    assert_eq!(pardoned[0]["announcement"], "a1");
    assert_eq!(pardoned[0]["date"], "2024-12-09");
    assert_eq!(flow()["pardoned"], 29, "{}", flow());
    // The dashboard opens the waves on the latest year that has one, where she now
    // counts among the identified.
    let (_, dashboard) = Browser::anonymous(&server.base).get("/");
    assert!(dashboard.contains("Pardon waves in 2024"), "{dashboard}");
    let identified = s.json(&["announcement", "a1"]);
    assert_eq!(identified["identified"], json!([id]), "{identified}");

    // Her birth year corrected: nothing else changes.
    let before = stored(&s);
    let (status, page) = eda.submit(&path, "person-form", &[("birth_date", "1994")]);
    assert_eq!(status, 200, "{page}");
    let after = stored(&s);
    for (k, v) in &before {
        let mut want = v.clone();
        if k.1 == id {
            want["birth_date"] = json!("1994");
        }
        assert_eq!(after[k], want, "{k:?}");
    }
}

#[test]
fn changed_since_you_opened_it_and_id_taken_are_told_apart() {
    let s = registry_with_accounts(WAVE);
    let server = Server::start(&s);
    let (eda, edb) = (
        Browser::login(&server.base, "eda"),
        Browser::login(&server.base, "edb"),
    );
    let (_, page) = eda.get("/edit/person/p1");
    let (action, mut fields) = form_fields(&page, "person-form");
    let (status, _) = edb.submit("/edit/person/p1", "person-form", &[("region", "Minsk")]);
    assert_eq!(status, 200);
    fields.insert("birth_date".into(), "1962".into());
    let (status, page) = eda.post(&action, &fields);
    assert_eq!(status, 409, "{page}");
    assert!(
        page.contains("id=\"conflict\"") && !page.contains("id=\"taken\""),
        "{page}"
    );
    assert!(
        page.contains("value=\"1962\""),
        "what was typed is kept: {page}"
    );
    assert_eq!(
        stored(&s)[&("person".to_string(), "p1".to_string())]["region"],
        "Minsk"
    );

    // A new record under an id another has (only the JSON page lets one type an id).
    let (_, page) = eda.get("/edit/record?type=source");
    let (action, mut fields) = form_fields(&page, "record-form");
    fields.insert(
        "record".into(),
        json!({"type": "source", "id": "s1", "publisher": "Other"}).to_string(),
    );
    let (status, page) = eda.post(&action, &fields);
    assert_eq!(status, 409, "{page}");
    assert!(
        page.contains("id=\"taken\"") && !page.contains("id=\"conflict\""),
        "{page}"
    );
    assert_eq!(
        stored(&s)[&("source".to_string(), "s1".to_string())]["publisher"],
        "RFE/RL"
    );
}

#[test]
fn an_announcement_is_recorded_with_its_breakdown_grid_and_a_source_written_in_place() {
    let s = registry_with_accounts(WAVE);
    let server = Server::start(&s);
    let eda = Browser::login(&server.base, "eda");
    let (status, page) = eda.submit(
        "/edit/new/announcement",
        "record-fields-form",
        &[
            ("kind", "amnesty"),
            ("date", "03.07.2025"),
            ("country", "BY"),
            ("total", "16"),
            ("breakdown.women", "5"),
            ("breakdown.men", "11"),
            ("custom_key.0", "journalists"),
            ("custom_count.0", "2"),
            ("claims", "All of them asked for clemency\nThey repented"),
            ("new_source.publisher", "Viasna"),
            ("new_source.url", "https://spring96.org/en/news/1"),
        ],
    );
    assert_eq!(status, 200, "{page}");
    let all = stored(&s);
    let a = all
        .values()
        .find(|v| v["type"] == "announcement" && v["kind"] == "amnesty")
        .expect("stored");
    assert!(
        a["id"]
            .as_str()
            .unwrap()
            .starts_with("by-amnesty-2025-07-03-"),
        "{a}"
    );
    assert_eq!(
        a["breakdown"],
        json!({"women": 5, "men": 11, "journalists": 2})
    );
    assert_eq!(
        a["claims"],
        json!(["All of them asked for clemency", "They repented"])
    );
    let source = &all[&(
        "source".to_string(),
        a["sources"][0].as_str().unwrap().to_string(),
    )];
    assert_eq!(source["publisher"], "Viasna");
    // A wrong cell: the grid again with the cell marked and the rest kept.
    let (status, page) = eda.submit(
        "/edit/new/announcement",
        "record-fields-form",
        &[
            ("date", "2025"),
            ("breakdown.men", "eleven"),
            ("issuer", "Lukashenka"),
        ],
    );
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("Write a whole number"), "{page}");
    assert!(page.contains("value=\"Lukashenka\""), "{page}");
    // Kind and date filled in, one count wrong: only that cell is marked, the filled
    // fields are not called missing.
    let (status, page) = eda.submit(
        "/edit/new/announcement",
        "record-fields-form",
        &[
            ("kind", "pardon"),
            ("date", "03.07.2025"),
            ("total", "sixteen"),
        ],
    );
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("Write a whole number"), "{page}");
    assert!(!page.contains("This is needed."), "{page}");
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn the_public_announcement_page_says_what_contradicts_an_official_claim() {
    let s = registry_with_accounts(
        r#"{"type":"announcement","id":"a9","kind":"pardon","date":"2024-12-09","country":"BY","total":29,"breakdown":{"disabled":2,"chronic_illness":5},"claims":["More than half of them had chronic diseases or disabilities"]}
{"type":"announcement","id":"a8","kind":"pardon","date":"2024-07-03","country":"BY","total":18,"breakdown":{"disabled":4,"chronic_illness":9},"claims":["More than half of them had chronic diseases or disabilities"]}
"#,
    );
    let server = Server::start(&s);
    let public = Browser::anonymous(&server.base);
    let (status, page) = public.get("/announcements/a9");
    assert_eq!(status, 200);
    assert!(page.contains("id=\"contradictions\""), "{page}");
    assert!(page.contains("contradicts the breakdown"), "{page}");
    let (_, page) = public.get("/announcements/a8");
    assert!(
        !page.contains("id=\"contradictions\""),
        "a claim the breakdown allows: {page}"
    );
}

#[test]
fn a_pasted_report_that_names_no_country_counts_in_the_country_chosen() {
    let s = registry_with_accounts(WAVE);
    let server = Server::start(&s);
    let eda = Browser::login(&server.base, "eda");
    let report =
        "On 3 July the president pardoned 16 political prisoners, among them 5 women and 11 men.";
    let (_, page) = eda.get("/edit/extract");
    let (action, mut fields) = form_fields(&page, "extract-form");
    for (k, v) in [
        ("text", report),
        ("date", "2025-07-03"),
        ("country", "BY"),
        ("confirm", "yes"),
    ] {
        fields.insert(k.into(), v.into());
    }
    let (status, page) = eda.post(&action, &fields);
    assert_eq!(status, 200, "{page}");
    let waves = s.json(&["stats", "waves", "--country", "BY", "--year", "2025"]);
    assert_eq!(waves["total"], 16, "{waves}");
}

#[test]
fn the_public_directory_is_paged_and_says_which_rows_it_shows() {
    let mut people = String::new();
    for i in 1..=60 {
        people.push_str(&serde_json::json!({"type": "person", "id": format!("p{i}"), "names": [{"text": format!("Person {i:02}")}], "country": "BY", "visibility": "public"}).to_string());
        people.push('\n');
    }
    let s = registry_with_accounts(&people);
    let server = Server::start(&s);
    let public = Browser::anonymous(&server.base);
    let (_, page) = public.get("/persons");
    assert!(page.contains("Showing 1–50 of 60"), "{page}");
    let next = page
        .split("rel=\"next\" href=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a link to the next page")
        .replace("&amp;", "&");
    let (status, page) = public.get(&next);
    assert_eq!(status, 200);
    assert!(page.contains("Showing 51–60 of 60"), "{page}");
    assert!(page.contains("rel=\"prev\""), "{page}");
}

#[test]
fn the_public_directory_sorts_by_a_column_and_pages_in_that_order() {
    let mut people = String::new();
    for i in 1..=60 {
        let country = if i % 2 == 0 { "BY" } else { "RU" };
        people.push_str(&serde_json::json!({"type": "person", "id": format!("p{i}"), "names": [{"text": format!("Person {i:02}")}], "country": country, "visibility": "public"}).to_string());
        people.push('\n');
    }
    let s = registry_with_accounts(&people);
    let server = Server::start(&s);
    let public = Browser::anonymous(&server.base);
    let (status, page) = public.get("/persons?sort=-name");
    assert_eq!(status, 200);
    let first = |page: &str| {
        page.split("<tbody>")
            .nth(1)
            .and_then(|b| b.split("href=\"/persons/").nth(1))
            .and_then(|r| r.split('"').next())
            .map(str::to_string)
    };
    assert_eq!(first(&page).as_deref(), Some("p60"), "{page}");
    assert!(page.contains("aria-sort=\"descending\""), "{page}");
    // The name heading now sorts the other way.
    assert!(page.contains("sort=name&amp;limit=50\">"), "{page}");
    let next = page
        .split("rel=\"next\" href=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a link to the next page")
        .replace("&amp;", "&");
    assert!(next.contains("sort=-name"), "{next}");
    let (_, page) = public.get(&next);
    assert!(page.contains("Showing 51–60 of 60"), "{page}");
    assert_eq!(first(&page).as_deref(), Some("p10"), "{page}");
    // By country: Belarus's before Russia's.
    let (_, page) = public.get("/persons?sort=country");
    assert_eq!(first(&page).as_deref(), Some("p10"), "{page}");
}

#[test]
fn the_dashboard_follows_the_chosen_country_and_period_in_every_section() {
    let mut lines = String::new();
    for (id, country) in [("p1", "BY"), ("p2", "RU"), ("p3", "RU")] {
        let _ = write!(
            lines,
            "{}\n{}\n{}\n",
            json!({"type": "person", "id": id, "names": [{"text": format!("Person {id}")}], "country": country, "visibility": "public"}),
            json!({"type": "event", "id": format!("{id}-d"), "person": id, "kind": "detained", "date": "2021-01-10"}),
            json!({"type": "event", "id": format!("{id}-r"), "person": id, "kind": "recognized", "date": "2021-02-01"}),
        );
    }
    let _ = write!(
        lines,
        "{}\n{}\n",
        json!({"type": "announcement", "id": "a-by", "kind": "pardon", "date": "2024-12-09", "country": "BY", "total": 10}),
        json!({"type": "announcement", "id": "a-ru", "kind": "pardon", "date": "2024-07-01", "country": "RU", "total": 5}),
    );
    let s = registry_with_accounts(&lines);
    let server = Server::start(&s);
    let public = Browser::anonymous(&server.base);
    let held = |page: &str| {
        page.split("data-held=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .map(str::to_string)
    };
    let (_, all) = public.get("/?year=2024");
    assert_eq!(held(&all).as_deref(), Some("3"));
    assert!(all.contains("/announcements/a-by") && all.contains("/announcements/a-ru"));
    let (status, ru) = public.get("/?year=2024&country=RU");
    assert_eq!(status, 200, "{ru}");
    assert_eq!(
        held(&ru).as_deref(),
        Some("2"),
        "the headline follows the country"
    );
    assert!(
        ru.contains("/announcements/a-ru") && !ru.contains("/announcements/a-by"),
        "the waves and the chart follow it"
    );
    assert!(
        ru.contains("<option value=\"RU\" selected>"),
        "the selector says which"
    );
    assert!(
        ru.contains("year=2023&amp;country=RU"),
        "the year links keep the country"
    );
    let (_, by) = public.get("/?country=by");
    assert_eq!(held(&by).as_deref(), Some("1"));
    // The monthly in-and-out table covers the period asked for, not the current year.
    let months = |page: &str| {
        let from = page.find("<h2>In and out").expect("the in-and-out section");
        let rest = &page[from..];
        rest[..rest.find("<section").unwrap_or(rest.len())].to_string()
    };
    let (_, period) = public.get("/?from=2024-01-01&to=2024-12-31");
    let table = months(&period);
    assert!(table.contains("2024") && !table.contains("2026"), "{table}");
}
