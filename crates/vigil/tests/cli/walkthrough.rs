//! What a new user's walk-through of the web found, against the real server: a save from
//! any editors' form answers 303 See Other to the saved record's page, so reloading it
//! saves nothing twice; the public person page names a transfer's place in the reader's
//! language and shows the address to write to a consenting person; a page that fails is a
//! page in the reader's language (the JSON API keeps its JSON); an announcement saved with
//! "names disclosed" unticked is stored as an anonymous wave.

use crate::forms::{form_fields, registry_with_accounts, stored, Browser};
use crate::serve::Server;

const BASE: &str = r#"{"type":"source","id":"s1","publisher":"RFE/RL","title":"Pardons","url":"https://example.org/a","published":"2024-12-09"}
{"type":"person","id":"p1","names":[{"text":"Ales Bialiatski"}],"sex":"male","country":"BY","visibility":"public"}
{"type":"place","id":"pk-20","names":[{"text":"ИК-20, Мозырь","lang":"ru"},{"text":"ПК-20, Мазыр","lang":"be"},{"text":"Penal colony 20, Mazyr","lang":"en"}],"kind":"colony","country":"BY","address":"247760, г. Мозырь, ул. Пролетарская, 1"}
{"type":"person","id":"c-pub","names":[{"text":"Календарны Публічны","lang":"be"}],"sex":"male","country":"BY","consent":["letters","calendar"],"visibility":"public"}
{"type":"event","id":"c-pub-d","person":"c-pub","kind":"detained","date":"2022-01-10"}
{"type":"event","id":"c-pub-r","person":"c-pub","kind":"recognized","date":"2022-02"}
{"type":"event","id":"c-pub-t","person":"c-pub","kind":"transferred","date":"2023-01","details":{"place":"pk-20"}}
{"type":"person","id":"c-res","names":[{"text":"Схаваны Каляндарны","lang":"be"}],"sex":"female","country":"BY","consent":["letters"],"envelope":"CANARY ENVELOPE","visibility":"restricted"}
{"type":"event","id":"c-res-d","person":"c-res","kind":"detained","date":"2022-01-10"}
{"type":"event","id":"c-res-t","person":"c-res","kind":"transferred","date":"2023-01","details":{"place":"pk-20"}}
"#;

fn count(s: &crate::Scratch, rtype: &str) -> usize {
    stored(s).keys().filter(|(t, _)| t == rtype).count()
}

/// Submits a create form without following the answer, checks it is a 303 to `to` with
/// the log entry, then "reloads" the page it leads to twice: one record of `rtype` more,
/// and the page says it is saved.
fn saved_once(
    s: &crate::Scratch,
    eda: &Browser,
    (page, form): (&str, &str),
    changes: &[(&str, &str)],
    rtype: &str,
    to: &str,
) {
    let before = count(s, rtype);
    let (status, location) = eda.submit_raw(page, form, changes);
    assert_eq!(status, 303, "{rtype} from {page}: {location}");
    assert!(
        location.starts_with(to) && location.contains("saved="),
        "{rtype}: {location}"
    );
    for _ in 0..2 {
        let (status, shown) = eda.get(&location);
        assert_eq!(status, 200, "{location}: {shown}");
        assert!(shown.contains("id=\"saved\""), "{location}: {shown}");
    }
    assert_eq!(count(s, rtype), before + 1, "{rtype} saved once");
}

#[test]
fn every_create_form_redirects_after_saving_so_a_reload_cannot_save_twice() {
    let s = registry_with_accounts(BASE);
    let server = Server::start(&s);
    let eda = Browser::login(&server.base, "eda");
    let person = [
        ("name", "Тест Повторов"),
        ("name_lang", "ru"),
        ("country", "RU"),
        ("first.detained", "01.02.2024"),
    ];
    saved_once(
        &s,
        &eda,
        ("/edit", "person-form"),
        &person,
        "person",
        "/edit/person/",
    );
    saved_once(
        &s,
        &eda,
        ("/edit/person/p1", "new-event-form"),
        &[("kind", "detained"), ("date", "14.07.2021")],
        "event",
        "/edit/person/p1?",
    );
    let new = |t: &str| format!("/edit/new/{t}");
    for (rtype, changes) in [
        (
            "announcement",
            &[
                ("kind", "pardon"),
                ("date", "03.07.2025"),
                ("country", "BY"),
            ][..],
        ),
        (
            "figure",
            &[
                ("metric", "political_prisoners_held"),
                ("value", "1150"),
                ("as_of", "03.07.2025"),
            ][..],
        ),
        ("source", &[("publisher", "Viasna"), ("title", "Wave")][..]),
        ("place", &[("name_ru", "СИЗО-1, Минск")][..]),
    ] {
        saved_once(
            &s,
            &eda,
            (&new(rtype), "record-fields-form"),
            changes,
            rtype,
            &format!("/edit/form/{rtype}/"),
        );
    }
    // The raw JSON form too (its record names its id).
    let record = r#"{"type":"source","id":"s-json","publisher":"Viasna"}"#;
    saved_once(
        &s,
        &eda,
        ("/edit/record?type=source", "record-form"),
        &[("record", record)],
        "source",
        "/edit/record?",
    );
}

#[test]
fn the_person_page_names_the_place_and_shows_where_to_write() {
    let s = registry_with_accounts(BASE);
    let server = Server::start(&s);
    let anyone = Browser::anonymous(&server.base);
    for (lang, name) in [
        ("ru", "ИК-20, Мозырь"),
        ("be", "ПК-20, Мазыр"),
        ("en", "Penal colony 20, Mazyr"),
    ] {
        let (status, page) = anyone.get(&format!("/persons/c-pub?lang={lang}"));
        assert_eq!(status, 200, "{page}");
        let timeline = &page[page.find("class=\"timeline\"").unwrap()..];
        assert!(timeline.contains(name), "{lang}: {timeline}");
        assert!(!page.contains("pk-20"), "{lang}: the id shows: {page}");
        assert!(
            page.contains("247760, г. Мозырь, ул. Пролетарская, 1"),
            "{lang}: no address to write to: {page}"
        );
    }
    let p = server.json("/api/v1/persons/c-pub");
    assert_eq!(
        p["letters"]["address"], "247760, г. Мозырь, ул. Пролетарская, 1",
        "{p}"
    );
    assert!(p["letters"]["name"].is_null(), "{p}");
    // The restricted person at the same place: nothing of hers is public.
    let (status, page) = anyone.get("/persons/c-res?lang=ru");
    assert_eq!(status, 404, "{page}");
    assert!(!page.contains("CANARY"), "{page}");
}

#[test]
fn pages_that_fail_answer_a_page_in_the_readers_language() {
    let s = registry_with_accounts(BASE);
    let server = Server::start(&s);
    let anyone = Browser::anonymous(&server.base);
    let client = reqwest::blocking::Client::new();
    let answer = |path: &str| {
        let r = client.get(format!("{}{path}", server.base)).send().unwrap();
        let ctype = r.headers()["content-type"].to_str().unwrap().to_string();
        (r.status().as_u16(), ctype, r.text().unwrap())
    };
    for (path, status, words) in [
        ("/persons/nope?lang=ru", 404, "Не найдено"),
        ("/announcements/nope?lang=be", 404, "Не знойдзена"),
        (
            "/announcements?lang=ru",
            404,
            "По этому адресу страницы нет",
        ),
        (
            "/?lang=ru&from=&to=2026-12-02",
            400,
            "«from» указан без значения",
        ),
        (
            "/?lang=ru&from=2026-12-02&to=2026-01-01",
            400,
            "Период заканчивается",
        ),
        (
            "/?lang=en&from=soon&to=2026-01-01",
            400,
            "“soon” cannot be used for “from”",
        ),
    ] {
        let (got, ctype, page) = answer(path);
        assert_eq!(got, status, "{path}: {page}");
        assert!(ctype.starts_with("text/html"), "{path}: {ctype} {page}");
        let lang = &path[path.find("lang=").unwrap() + 5..][..2];
        assert!(
            page.contains(&format!("<html lang=\"{lang}\"")),
            "{path}: {page}"
        );
        assert!(page.contains(words), "{path}: {page}");
    }
    // The JSON API keeps its language-free JSON.
    let (got, ctype, body) = answer("/api/v1/persons/nope?lang=ru");
    assert_eq!((got, ctype.as_str()), (404, "application/json"), "{body}");
    assert!(body.contains("\"not_found\""), "{body}");
    let (got, _) = anyone.get("/api/v1/stats/flow?from=2026-12-02&to=2026-01-01");
    assert_eq!(got, 400);
}

#[test]
fn an_announcement_saved_with_names_disclosed_unticked_is_an_anonymous_wave() {
    let s = registry_with_accounts(BASE);
    let server = Server::start(&s);
    let eda = Browser::login(&server.base, "eda");
    let (_, page) = eda.get("/edit/new/announcement");
    let (action, mut fields) = form_fields(&page, "record-fields-form");
    assert!(!fields.contains_key("names_disclosed"), "unticked at first");
    for (k, v) in [
        ("kind", "pardon"),
        ("date", "05.09.2025"),
        ("country", "BY"),
        ("total", "30"),
    ] {
        fields.insert(k.into(), v.into());
    }
    // (Saved either way; the redirect has its own test above.)
    let (status, page) = eda.post(&action, &fields);
    assert_eq!(status, 200, "{page}");
    fields.insert("names_disclosed".into(), "on".into());
    fields.insert("date".into(), "06.09.2025".into());
    let (status, page) = eda.post(&action, &fields);
    assert_eq!(status, 200, "{page}");
    let all = stored(&s);
    let by_date = |d: &str| {
        all.values()
            .find(|v| v["type"] == "announcement" && v["date"] == d)
            .unwrap_or_else(|| panic!("{d} stored"))
            .clone()
    };
    let anonymous = by_date("2025-09-05");
    assert_eq!(anonymous["names_disclosed"], false, "{anonymous}");
    assert_eq!(by_date("2025-09-06")["names_disclosed"], true);
    let id = anonymous["id"].as_str().unwrap();
    let (status, page) =
        Browser::anonymous(&server.base).get(&format!("/announcements/{id}?lang=en"));
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("names not disclosed"), "{page}");
}
