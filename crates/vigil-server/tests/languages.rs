//! The editors' side speaks the reader's language (issue 14): the login page, every
//! editors' page of a signed-in editor, the admins' tokens page and the refusal a viewer
//! gets, in Belarusian and Russian, carry `<html lang>` right and no English word of the
//! interface (neither one of the labels they had in English nor any other Latin word but
//! names, ids, the brand and formats); a form post refused for a missing field, and a
//! refused login, answer in the language the reader's cookie or browser asks for; the
//! language switch keeps the page and its query.

mod common;

use axum::http::{header, StatusCode};
use common::{get, login, post_form, send, server, text};
use vigil_store::Store;

/// The English of the editors' pages, as it was before they were translated: none of it
/// may be left on a Belarusian or Russian page.
const ENGLISH: &[&str] = &[
    "Log in",
    "Log out",
    "Name",
    "Password",
    "Edit",
    "Edit the registry",
    "Every save is a log entry",
    "Add a person",
    "Add an event",
    "Read a report",
    "Paste a report",
    "Edit a person",
    "Any record, as JSON",
    "Person id",
    "Open",
    "Type",
    "Id",
    "Country",
    "Sex",
    "Birth date",
    "Visibility",
    "Reason",
    "why (kept in the log)",
    "Save person",
    "Person",
    "person id",
    "Kind",
    "Date",
    "Sources",
    "source ids",
    "Save event",
    "Save",
    "Version",
    "Events",
    "No events yet",
    "kind",
    "edit",
    "retract",
    "form",
    "Retract",
    "History",
    "entry",
    "when",
    "who",
    "what",
    "why",
    "added",
    "correction",
    "are kept as they are",
    "edit them as JSON",
    "Report (English)",
    "Publisher",
    "YYYY-MM-DD",
    "unknown",
    "female",
    "male",
    "other",
    "public",
    "restricted",
    "confidential",
    "detained",
    "sentenced",
    "released",
    "pardoned",
    "announcement",
    "figure",
    "source",
    "merge",
    "viewer",
    "editor",
    "admin",
    "API tokens",
    "Revoke",
    "created",
    "expires",
    "revoked",
    "never",
    "Tokens",
    "Not an editor",
    "Editing needs the editor role",
    "You are logged in as",
];

/// Latin words a Belarusian or Russian page may show: the brand, formats, the language
/// switch's own name for English, the time zone, the country code hint, and the names and
/// ids of the registry and accounts (data, not interface).
const ALLOWED: &[&str] = &[
    "vigil",
    "API",
    "JSON",
    "URL",
    "English",
    "UTC",
    "BY",
    "Ales",
    "Bialiatski",
    "Viasna",
    "One",
    "eda",
    "ada",
    "vera",
    "test",
    "script",
    // The spreadsheet formats by their file extensions, and the test registry's source.
    "xlsx",
    "xlsm",
    "ods",
    "csv",
    "tsv",
    "Viasna",
    "One",
];

/// The text a reader sees: what is between tags (not inside `pre`, `textarea` or
/// `code`, which hold records as JSON and commands), and the placeholders and labels of
/// inputs.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut hidden = 0usize;
    while let Some(i) = rest.find('<') {
        if hidden == 0 {
            out.push_str(&rest[..i]);
            out.push(' ');
        }
        let Some(j) = rest[i..].find('>') else { break };
        let tag = &rest[i + 1..i + j];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if ["pre", "textarea", "code"].contains(&name.as_str()) {
            if tag.starts_with('/') {
                hidden = hidden.saturating_sub(1);
            } else {
                hidden += 1;
            }
        }
        for attr in ["placeholder=\"", "aria-label=\"", "title=\""] {
            if let Some(k) = tag.find(attr) {
                let v = &tag[k + attr.len()..];
                out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                out.push(' ');
            }
        }
        rest = &rest[i + j + 1..];
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Whether `phrase` stands in `text` as words of its own (not inside a longer word).
fn has_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Asserts a page is in `lang`: `<html lang>`, no English label, no Latin word but the
/// allowed ones, and some text in the language's own letters.
fn assert_in(lang: &str, what: &str, page: &str) {
    assert!(
        page.contains(&format!("<html lang=\"{lang}\"")),
        "{what}: not <html lang=\"{lang}\">:\n{page}"
    );
    let text = visible(page);
    for english in ENGLISH {
        assert!(
            !has_phrase(&text, english),
            "{what} ({lang}) still says {english:?}:\n{text}"
        );
    }
    let latin: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1 && !ALLOWED.contains(w))
        .collect();
    assert!(
        latin.is_empty(),
        "{what} ({lang}) has Latin words {latin:?}:\n{text}"
    );
    // Belarusian is not Russian spelled otherwise: outside the language switch, a
    // Belarusian page has none of Russian's own letters and a Russian page none of
    // Belarusian's.
    let words = text.replace("беларуская", "").replace("русский", "");
    let (own, foreign): (&[char], &[char]) = if lang == "be" {
        (&['і', 'ў'], &['и', 'щ', 'ъ'])
    } else {
        (&['ы', 'и'], &['і', 'ў'])
    };
    assert!(
        words.contains(own),
        "{what} ({lang}): none of {own:?}:\n{text}"
    );
    let strays: Vec<&str> = words
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.contains(foreign))
        .collect();
    assert!(
        strays.is_empty(),
        "{what} ({lang}): words in the other language {strays:?}:\n{text}"
    );
}

#[tokio::test]
async fn the_login_page_and_every_editors_page_speak_the_readers_language() {
    let (live, _dir, path) = server();
    // A token, so the admins' page has a row to show.
    let secret = vigil_store::accounts::new_secret();
    let hash = vigil_store::accounts::secret_hash(&secret);
    common::store(&path)
        .save_token(
            &hash,
            &vigil_store::accounts::TokenRow {
                name: "script".into(),
                role: vigil_store::accounts::Role::Viewer,
                created: "2026-01-01T00:00:00.000000Z".into(),
                revoked: false,
                expires: Some("2027-01-01T00:00:00.000000Z".into()),
            },
            &vigil_store::accounts::AuditRow {
                at: "2026-01-01T00:00:00.000000Z".into(),
                actor: "test".into(),
                action: "token create".into(),
                subject: "script".into(),
            },
        )
        .unwrap();
    let eda = login(&live, "eda").await;
    let ada = login(&live, "ada").await;
    let vera = login(&live, "vera").await;
    for lang in ["be", "ru"] {
        let response = send(&live, get(&format!("/login?lang={lang}"), None, None)).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_in(lang, "/login", &text(response).await);
        for page in [
            "/edit",
            "/edit/person/p1",
            "/edit/person?id=p1",
            "/edit/event/e1",
            "/edit/record?type=announcement&id=a1",
            "/edit/record?type=announcement",
            "/edit/record?type=person&id=p1",
            "/edit/extract",
            "/edit/sheet",
        ] {
            let sep = if page.contains('?') { '&' } else { '?' };
            let uri = format!("{page}{sep}lang={lang}");
            let response = send(&live, get(&uri, Some(&eda), None)).await;
            assert_eq!(response.status(), StatusCode::OK, "{uri}");
            assert_in(lang, &uri, &text(response).await);
        }
        // The admins' page, with its token row and revoke button.
        let uri = format!("/edit/tokens?lang={lang}");
        let page = text(send(&live, get(&uri, Some(&ada), None)).await).await;
        assert!(page.contains("id=\"revoke-"), "{page}");
        assert_in(lang, &uri, &page);
        // A viewer turned away from the editors' and the admins' pages.
        for uri in [
            format!("/edit?lang={lang}"),
            format!("/edit/tokens?lang={lang}"),
        ] {
            let response = send(&live, get(&uri, Some(&vera), None)).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{uri}");
            assert_in(lang, &uri, &text(response).await);
        }
    }
    // In English they say what they said (the browser tests rely on it).
    let page = text(send(&live, get("/edit/person/p1?lang=en", Some(&eda), None)).await).await;
    assert!(page.contains("<html lang=\"en\""));
    for english in ["Save person", "History", "Retract person p1", "Log out"] {
        assert!(page.contains(english), "{english}:\n{page}");
    }
}

#[tokio::test]
async fn the_language_switch_keeps_the_editors_page_and_its_query() {
    let (live, _dir, _) = server();
    let eda = login(&live, "eda").await;
    let page = text(
        send(
            &live,
            get(
                "/edit/record?type=announcement&id=a1&lang=be",
                Some(&eda),
                None,
            ),
        )
        .await,
    )
    .await;
    for other in ["ru", "en"] {
        let link = format!("href=\"/edit/record?type=announcement&amp;id=a1&amp;lang={other}\"");
        assert!(page.contains(&link), "no {link}:\n{page}");
    }
    // Not logged in, the editors' page sends the reader to the login page in the
    // language asked for.
    let response = send(&live, get("/edit?lang=ru", None, None)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/login?lang=ru");
}

#[tokio::test]
async fn a_refused_form_post_answers_in_the_readers_language() {
    let (live, _dir, path) = server();
    let entries = || common::store(&path).head().unwrap().entries;
    let before = entries();
    let eda = login(&live, "eda").await;
    // A new person without a name, from a reader whose switch chose Belarusian: the form
    // again, the field marked, what was typed kept.
    let response = send(
        &live,
        post_form(
            "/edit/person",
            Some(&eda),
            Some("vigil_lang=be"),
            &[("id", ""), ("name", ""), ("region", "Гомель")],
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = text(response).await;
    assert!(page.contains("Гэта трэба запоўніць."), "{page}");
    assert!(page.contains("value=\"Гомель\""), "{page}");
    assert_in("be", "POST /edit/person without a name", &page);
    // An event without a date, from a browser that prefers Russian.
    let mut request = post_form(
        "/edit/event",
        Some(&eda),
        None,
        &[
            ("id", "e9"),
            ("person", "p1"),
            ("kind", "released"),
            ("date", ""),
        ],
    );
    request.headers_mut().insert(
        header::ACCEPT_LANGUAGE,
        "ru-RU,ru;q=0.9,en;q=0.5".parse().unwrap(),
    );
    let response = send(&live, request).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = text(response).await;
    assert!(page.contains("Это нужно заполнить."), "{page}");
    assert_in("ru", "POST /edit/event without a date", &page);
    // A retraction without a reason; a store's refusal (a record still referred to).
    let response = send(
        &live,
        post_form(
            "/edit/retract",
            Some(&eda),
            Some("vigil_lang=ru"),
            &[
                ("type", "person"),
                ("id", "p1"),
                ("version", "2"),
                ("reason", ""),
            ],
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = text(response).await;
    assert!(page.contains("укажите причину"), "{page}");
    assert_in("ru", "POST /edit/retract without a reason", &page);
    let version = common::store(&path)
        .current(vigil_core::record::RecordType::Person, "p1")
        .unwrap()
        .unwrap()
        .seq
        .to_string();
    let response = send(
        &live,
        post_form(
            "/edit/retract",
            Some(&eda),
            Some("vigil_lang=be"),
            &[
                ("type", "person"),
                ("id", "p1"),
                ("version", &version),
                ("reason", "тэст"),
            ],
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let page = text(response).await;
    assert!(
        page.contains("На запіс «p1» (чалавек) яшчэ спасылаюцца: падзея 'e1'"),
        "{page}"
    );
    assert_eq!(entries(), before, "nothing was written");
    // A wrong password on the login form, in Russian: the form again, saying so.
    let response = send(&live, get("/login", None, Some("vigil_lang=ru"))).await;
    let cookie = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let token = cookie.split_once('=').unwrap().1.to_string();
    let response = send(
        &live,
        post_form(
            "/login",
            None,
            Some(&format!("{cookie}; vigil_lang=ru")),
            &[
                ("name", "eda"),
                ("password", "wrong"),
                ("login_token", &token),
            ],
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let page = text(response).await;
    assert!(page.contains("Неверное имя или пароль."), "{page}");
    assert!(page.contains("id=\"login\""), "the form again: {page}");
    assert_in("ru", "POST /login with a wrong password", &page);
    // Wrong again and again from one address, in Belarusian: the form says how long to
    // wait, with Retry-After.
    let mut waited = None;
    for _ in 0..8 {
        let response = send(&live, get("/login", None, Some("vigil_lang=be"))).await;
        let cookie = response.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let token = cookie.split_once('=').unwrap().1.to_string();
        let mut request = post_form(
            "/login",
            None,
            Some(&format!("{cookie}; vigil_lang=be")),
            &[
                ("name", "eda"),
                ("password", "wrong"),
                ("login_token", &token),
            ],
        );
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                [203, 0, 113, 7],
                50_000,
            ))));
        let response = send(&live, request).await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(response.headers().contains_key(header::RETRY_AFTER));
            waited = Some(text(response).await);
            break;
        }
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let page = waited.expect("the address is made to wait");
    assert!(page.contains("Паспрабуйце зноў праз"), "{page}");
    assert_in("be", "POST /login, made to wait", &page);
}

/// A search of the public directory that finds no one says so once, in the reader's
/// language, with one full stop before the JSON link (it once read "Ничего не найдено..").
#[tokio::test]
async fn an_empty_directory_says_nothing_was_found_once() {
    let (live, _dir, _) = server();
    for (lang, said) in [
        ("en", "Nothing found. "),
        ("ru", "Ничего не найдено. "),
        ("be", "Нічога не знойдзена. "),
    ] {
        let page = text(
            send(
                &live,
                get(&format!("/persons?q=zzzznobody&lang={lang}"), None, None),
            )
            .await,
        )
        .await;
        let text = visible(&page);
        assert!(text.contains(said), "{lang}: no {said:?}:\n{text}");
        assert!(!text.contains(".."), "{lang}: a double full stop:\n{text}");
    }
}

/// Every page begins with a link past the top bar to the page itself, in the reader's
/// language (the browser test presses Tab and Enter on it).
#[tokio::test]
async fn every_page_begins_with_a_skip_link_in_the_readers_language() {
    let (live, _dir, _) = server();
    for (lang, said) in [
        ("en", "Skip to content"),
        ("ru", "Перейти к содержанию"),
        ("be", "Перайсці да зместу"),
    ] {
        for path in ["/", "/persons", "/calendar", "/login"] {
            let page =
                text(send(&live, get(&format!("{path}?lang={lang}"), None, None)).await).await;
            let body = &page[page.find("<body>").unwrap_or(0)..];
            assert!(
                body.starts_with(&format!(
                    "<body><a class=\"skip\" href=\"#main\">{said}</a>"
                )),
                "{lang} {path}:\n{body}"
            );
            assert!(
                page.contains("<main id=\"main\" tabindex=\"-1\">"),
                "{lang} {path}"
            );
        }
    }
}

/// The directory's occupation filter is a choice in the reader's words whose values are
/// the roles the data keeps, so choosing «журналист» finds the journalist.
#[tokio::test]
async fn the_occupation_filter_offers_the_roles_in_the_readers_words() {
    let (live, _dir) = common::server_of(
        r#"{"type":"person","id":"p1","country":"BY","names":[{"text":"Ales One"}],"roles":["journalist"]}
{"type":"person","id":"p2","country":"BY","names":[{"text":"Maryna Two"}],"roles":["student"]}
"#,
    );
    let page = text(send(&live, get("/persons?lang=ru", None, None)).await).await;
    assert!(
        page.contains("<option value=\"journalist\">журналист</option>"),
        "{page}"
    );
    let page = text(send(&live, get("/persons?role=journalist&lang=ru", None, None)).await).await;
    assert!(
        page.contains("<option value=\"journalist\" selected>журналист</option>"),
        "{page}"
    );
    assert!(
        page.contains("Ales One") && !page.contains("Maryna Two"),
        "{page}"
    );
}

/// The directory's CSV link has every person the filters match, not the page on screen
/// (50 rows); a limit given still limits it.
#[tokio::test]
async fn the_directorys_csv_has_every_match_not_the_page_shown() {
    let mut records = String::new();
    for i in 0..60 {
        use std::fmt::Write;
        let _ = writeln!(
            records,
            "{{\"type\":\"person\",\"id\":\"p{i:02}\",\"country\":\"BY\"}}"
        );
    }
    let (live, _dir) = common::server_of(&records);
    let page = text(send(&live, get("/persons", None, None)).await).await;
    assert!(page.contains("href=\"/api/v1/persons?q=&amp;country=&amp;status=&amp;role=&amp;recognized_by=&amp;format=csv\""), "{page}");
    let rows = |csv: &str| csv.lines().count() - 1;
    let csv = text(
        send(
            &live,
            get(
                "/api/v1/persons?q=&country=&status=&role=&recognized_by=&format=csv",
                None,
                None,
            ),
        )
        .await,
    )
    .await;
    assert_eq!(rows(&csv), 60, "{csv}");
    let csv = text(
        send(
            &live,
            get("/api/v1/persons?format=csv&limit=10", None, None),
        )
        .await,
    )
    .await;
    assert_eq!(rows(&csv), 10, "{csv}");
    // The page stays a page whatever `format` it is given.
    let page = text(send(&live, get("/persons?format=csv", None, None)).await).await;
    assert_eq!(page.matches("href=\"/persons/p").count(), 50, "{page}");
    let json = text(send(&live, get("/api/v1/persons", None, None)).await).await;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["persons"].as_array().unwrap().len(),
        50,
        "JSON stays paged"
    );
}

/// The dashboard's waves table lists a wave's breakdown with a separator between its
/// groups and none after the last (it once ended "…18; ").
#[tokio::test]
async fn a_waves_breakdown_has_no_stray_separator() {
    let (live, _dir, _) = server();
    let page = text(send(&live, get("/?year=2024&lang=ru", None, None)).await).await;
    let cell = "<td>мужчины 18; женщины 11</td>";
    assert!(page.contains(cell), "no {cell}:\n{page}");
}
