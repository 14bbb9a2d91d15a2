//! A spreadsheet imported from the editors' side (issue 17): upload, see how each column
//! is read and change it, see what would be stored, confirm. Nothing is written before
//! the confirmation; what is written is exactly what `vigil_store::sheet` (the CLI's
//! path) writes for the same sheet; the columns confirmed for a source are offered for
//! its next sheet; bad cells and probable duplicates are shown by row and stop the
//! import; only an editor with the session's CSRF token can upload.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{get, login, send, server, text, Session};
use vigil_core::sheet::{read::Format, Options};
use vigil_store::Store;

const BOUNDARY: &str = "vigil-test-boundary-7d3f";

/// A multipart form post of `fields` and, if given, a file (name, bytes) as `file`.
fn upload(who: &Session, fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> Request<Body> {
    upload_in("en", who, fields, file)
}

/// The same, from a reader whose language is `lang`.
fn upload_in(
    lang: &str,
    who: &Session,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> Request<Body> {
    let mut body: Vec<u8> = Vec::new();
    let mut part = |name: &str, filename: Option<&str>, value: &[u8]| {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match filename {
            Some(f) => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(value);
        body.extend_from_slice(b"\r\n");
    };
    part("csrf", None, who.csrf.as_bytes());
    for (k, v) in fields {
        part(k, None, v.as_bytes());
    }
    if let Some((name, bytes)) = file {
        part("file", Some(name), bytes);
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    Request::builder()
        .method(Method::POST)
        .uri("/edit/sheet")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header(header::COOKIE, format!("{}; vigil_lang={lang}", who.cookie))
        .body(Body::from(body))
        .unwrap()
}

/// The value of the hidden or chosen form field `name` on a page.
fn field(page: &str, name: &str) -> String {
    let at = page
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no field {name} on the page"));
    let rest = &page[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// The option chosen for the column select `map.I`.
fn chosen(page: &str, i: usize) -> String {
    let at = page.find(&format!("name=\"map.{i}\"")).unwrap();
    let rest = &page[at..];
    let rest = &rest[..rest.find("</select>").unwrap()];
    let sel = rest.find(" selected").expect("an option is chosen");
    let before = &rest[..sel];
    let v = before.rfind("value=\"").unwrap();
    before[v + 7..before[v + 7..].find('"').unwrap() + v + 7].to_string()
}

fn persons(store: &dyn Store) -> Vec<String> {
    let mut out = Vec::new();
    store
        .records_of(vigil_core::record::RecordType::Person, &mut |b| {
            out.push(b.to_string());
            Ok(())
        })
        .unwrap();
    out
}

fn everything(store: &dyn Store) -> Vec<String> {
    let mut out = Vec::new();
    store
        .export(&mut |_, b| {
            out.push(b.to_string());
            Ok(())
        })
        .unwrap();
    out
}

/// A Russian-headed list with a column vigil does not know ("Узник", the name).
const SHEET: &str = "Узник,Пол,Дата рождения,Дата задержания,Дата освобождения\n\
Иван Сидорович Петров,м,12.03.1980,10.08.2020,\n\
Мария Ивановна Кузнецова,ж,1975,март 2021,16.09.2025\n\
Олег Викторович Смирнов,м,05.1990,2022-01-14,\n";

#[tokio::test]
async fn a_sheet_is_read_shown_and_stored_only_on_confirmation_as_the_cli_stores_it() {
    let (live, _dir, path) = server();
    let store = || common::store(&path);
    let eda = login(&live, "eda").await;
    let before = store().head().unwrap().entries;

    let page = text(send(&live, get("/edit/sheet", Some(&eda), Some("vigil_lang=en"))).await).await;
    assert!(page.contains("enctype=\"multipart/form-data\""), "{page}");
    assert!(page.contains("/edit/sheet/template?lang=be"));
    assert!(
        page.contains("Viasna: One"),
        "the source picker lists s1: {page}"
    );

    // Step one: the name column is not recognised, so the sheet cannot be stored.
    let response = send(
        &live,
        upload(
            &eda,
            &[("step", "read"), ("source", "s1"), ("country", "BY")],
            Some(("list.csv", SHEET.as_bytes())),
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = text(response).await;
    assert!(page.contains("no column for the name"), "{page}");
    assert!(
        !page.contains("id=\"sheet-import\""),
        "no way to store it yet"
    );
    assert_eq!(chosen(&page, 0), "ignore");
    assert_eq!(chosen(&page, 3), "detained");
    assert_eq!(
        store().head().unwrap().entries,
        before,
        "reading wrote nothing"
    );

    // The editor says the first column is the name: the preview says what would be stored.
    let data = field(&page, "data");
    let mut map: Vec<(String, String)> = (0..5)
        .map(|i| (format!("map.{i}"), chosen(&page, i)))
        .collect();
    map[0].1 = "name".into();
    let mut fields: Vec<(&str, &str)> = vec![
        ("step", "preview"),
        ("source", "s1"),
        ("country", "BY"),
        ("data", &data),
        ("filename", "list.csv"),
    ];
    fields.extend(map.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let response = send(&live, upload(&eda, &fields, None)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = text(response).await;
    assert!(
        page.contains("The sheet would store 3 persons and 4 events"),
        "{page}"
    );
    assert!(page.contains("id=\"sheet-import\""));
    assert_eq!(
        store().head().unwrap().entries,
        before,
        "the preview wrote nothing"
    );

    // Confirmed: stored, and the same records as the CLI's path stores for the sheet.
    fields[0] = ("step", "import");
    let response = send(&live, upload(&eda, &fields, None)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = text(response).await;
    assert!(page.contains("id=\"stored\""), "{page}");
    assert!(page.contains("records added 7"), "{page}");
    let web = everything(&store());

    let dir = tempfile::tempdir().unwrap();
    let mut cli = vigil_store::sqlite::SqliteStore::open(&dir.path().join("cli.db")).unwrap();
    let opts = vigil_store::ImportOptions {
        actor: "test".into(),
        reason: None,
        at: "2026-01-01T00:00:00.000000Z".into(),
        update: false,
    };
    vigil_store::import(
        &mut cli,
        &mut common::RECORDS.as_bytes(),
        &opts,
        &mut |_| {},
    )
    .unwrap();
    let mapping = vigil_core::sheet::parse_mapping("Узник = name").unwrap();
    let options = Options {
        country: Some("BY".into()),
        mapping,
        visibility: None,
        ..Options::default()
    };
    let plan = vigil_store::sheet::plan(Some(&cli), SHEET.as_bytes(), Format::Csv, &options, false)
        .unwrap()
        .unwrap();
    vigil_store::sheet::store(&mut cli, &plan, &opts, &mut |_| {}).unwrap();
    assert_eq!(
        web,
        everything(&cli),
        "the web and the CLI store the same records"
    );
    assert_eq!(persons(&store()).len(), 4);
    assert!(
        persons(&store())
            .iter()
            .all(|p| !p.contains("Петров") || p.contains("\"visibility\":\"restricted\"")),
        "a person whose row says nothing is stored restricted"
    );

    // The columns are kept for s1: its next sheet is read with them at once.
    let kept = store().sheet_mapping("s1").unwrap().expect("kept");
    assert!(kept.contains("Узник = name"), "{kept}");
    let next = "Узник,Дата задержания\nПавел Андреевич Орлов,01.02.2023\n";
    let response = send(
        &live,
        upload(
            &eda,
            &[("step", "read"), ("source", "s1")],
            Some(("next.csv", next.as_bytes())),
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = text(response).await;
    assert!(page.contains("id=\"sheet-kept\""), "{page}");
    assert_eq!(chosen(&page, 0), "name");
    // An edited copy of the list: the preview says it conflicts, offers no way to store it
    // until the editor says the sheet corrects what is stored, and then says what changes.
    let edited = SHEET.replace("16.09.2025", "17.09.2025");
    let before = store().head().unwrap().entries;
    let response = send(
        &live,
        upload(
            &eda,
            &[("step", "read"), ("source", "s1"), ("country", "BY")],
            Some(("list.csv", edited.as_bytes())),
        ),
    )
    .await;
    let status = response.status();
    let page = text(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{page}");
    assert!(
        page.contains("1 record of the sheet is already stored with other content"),
        "{page}"
    );
    assert!(
        page.contains("In the registry: 0 records would be new, 0 corrections, 6 already stored"),
        "{page}"
    );
    assert!(
        !page.contains("id=\"sheet-import\""),
        "no way to store it as it is"
    );
    let data = field(&page, "data");
    let refused = send(
        &live,
        upload(
            &eda,
            &[
                ("step", "import"),
                ("source", "s1"),
                ("country", "BY"),
                ("data", &data),
                ("filename", "list.csv"),
            ],
            None,
        ),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        store().head().unwrap().entries,
        before,
        "a conflict stores nothing"
    );
    let response = send(
        &live,
        upload(
            &eda,
            &[
                ("step", "preview"),
                ("source", "s1"),
                ("country", "BY"),
                ("update", "yes"),
                ("data", &data),
                ("filename", "list.csv"),
            ],
            None,
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = text(response).await;
    assert!(
        page.contains("0 records would be new, 1 correction, 6 already stored"),
        "{page}"
    );
    let response = send(
        &live,
        upload(
            &eda,
            &[
                ("step", "import"),
                ("source", "s1"),
                ("country", "BY"),
                ("update", "yes"),
                ("data", &data),
                ("filename", "list.csv"),
            ],
            None,
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(text(response).await.contains("corrected 1"));
    assert_eq!(store().head().unwrap().entries, before + 1);

    let audit = store().audit_trail(5).unwrap();
    assert!(audit
        .iter()
        .any(|r| r.action == "sheet mapping" && r.subject == "source s1" && r.actor == "eda"));
    assert!(
        store().verify_audit().unwrap().is_ok(),
        "the audit chain still verifies"
    );
}

#[tokio::test]
async fn bad_cells_and_probable_duplicates_are_shown_by_row_and_nothing_is_stored() {
    let (live, _dir, path) = server();
    let store = || common::store(&path);
    let eda = login(&live, "eda").await;
    let before = store().head().unwrap().entries;

    let bad = "ФИО,Дата задержания,Пол\nИван Петров,31.02.2021,м\nПётр Иванов,01.01.2021,не знаю\n";
    let response = send(
        &live,
        upload(&eda, &[("step", "read")], Some(("bad.csv", bad.as_bytes()))),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = text(response).await;
    assert!(page.contains("2 cells cannot be read"), "{page}");
    assert!(page.contains("Row 2, column “Дата задержания”"), "{page}");
    assert!(page.contains("Row 3, column “Пол”"), "{page}");
    // A Russian or Belarusian reader is told the same in their language, cell by cell.
    for (lang, day, sex) in [
        (
            "ru",
            "Строка 2, столбец «Дата задержания»: «31.02.2021» — такого дня нет в календаре (31.02.2021)",
            "Строка 3, столбец «Пол»: «не знаю» — не пол",
        ),
        (
            "be",
            "Радок 2, слупок «Дата задержания»: «31.02.2021» — такога дня няма ў календары (31.02.2021)",
            "Радок 3, слупок «Пол»: «не знаю» — не пол",
        ),
    ] {
        let response = send(
            &live,
            upload_in(lang, &eda, &[("step", "read")], Some(("bad.csv", bad.as_bytes()))),
        )
        .await;
        let page = text(response).await;
        assert!(page.contains(day) && page.contains(sex), "{lang}: {page}");
        assert!(!page.contains("is not a"), "{lang}: English left: {page}");
    }
    // Asked to store it anyway: refused, nothing written.
    let data = field(&page, "data");
    let response = send(
        &live,
        upload(
            &eda,
            &[("step", "import"), ("data", &data), ("filename", "bad.csv")],
            None,
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(store().head().unwrap().entries, before);

    // A row that is probably Ales Bialiatski, already stored as p1.
    let double = "Name,Detained\nAles Bialiatski,14.07.2021\n";
    let response = send(
        &live,
        upload(
            &eda,
            &[("step", "import")],
            Some(("double.csv", double.as_bytes())),
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = text(response).await;
    assert!(
        page.contains("row 2: “Ales Bialiatski” is probably"),
        "{page}"
    );
    assert!(page.contains("href=\"/edit/person/p1\""), "{page}");
    assert_eq!(
        store().head().unwrap().entries,
        before,
        "a probable duplicate stops the import"
    );
    // The editor says row 2 is p1: the row's person is stored and merged into p1 in the
    // same import, so p1 now has the detention and is counted once.
    assert!(page.contains("name=\"same.2\""), "{page}");
    let data = field(&page, "data");
    let choose = |same: &'static str| {
        upload(
            &eda,
            &[
                ("step", "import"),
                ("same.2", same),
                ("data", &data),
                ("filename", "double.csv"),
            ],
            None,
        )
    };
    // A choice naming someone the page did not offer changes nothing.
    let response = send(&live, choose("p2")).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(text(response).await.contains("the choice for row 2"));
    assert_eq!(store().head().unwrap().entries, before);
    let response = send(&live, choose("p1")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let all = everything(&store());
    let merge = all
        .iter()
        .find(|b| b.contains("\"type\":\"merge\""))
        .expect("a merge was stored");
    assert!(merge.contains("\"keep\":\"p1\""), "{merge}");
    let registry = store().load().unwrap();
    let p1 = registry.person_index("p1").unwrap();
    assert!(
        registry
            .events_of(p1)
            .iter()
            .any(|e| e.fact.kind == vigil_core::record::EventKind::Detained),
        "the row's detention now belongs to p1"
    );

    // Another spelling of him, and the editor says "a new person": stored as one.
    let before = persons(&store()).len();
    let double = "Name,Detained\nAles Bialiatsky,14.07.2021\n";
    let response = send(
        &live,
        upload(
            &eda,
            &[("step", "read")],
            Some(("double2.csv", double.as_bytes())),
        ),
    )
    .await;
    let page = text(response).await;
    let data = field(&page, "data");
    let response = send(
        &live,
        upload(
            &eda,
            &[
                ("step", "import"),
                ("new", "yes"),
                ("data", &data),
                ("filename", "double2.csv"),
            ],
            None,
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        persons(&store()).len(),
        before + 1,
        "stored as a new person when the editor says so"
    );

    // A vigil export (the registry's tables) is not a list of persons: refused, named.
    let mut tables = vigil_core::sheet::tables::empty();
    tables[0].1.rows.push(vec![
        "s9".into(),
        "Viasna".into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    let sheets: Vec<(&str, &vigil_core::sheet::tables::Table)> = tables
        .iter()
        .map(|(t, table)| (vigil_core::sheet::tables::table_name(*t), table))
        .collect();
    let book = vigil_core::sheet::write::workbook(&sheets).unwrap();
    let before = store().head().unwrap().entries;
    let response = send(
        &live,
        upload(&eda, &[("step", "import")], Some(("export.xlsx", &book))),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(text(response)
        .await
        .contains("“export.xlsx” is an export of a vigil registry"));
    assert_eq!(store().head().unwrap().entries, before);

    // Not a spreadsheet, and a truncated workbook: named, nothing written.
    let before = store().head().unwrap().entries;
    let response = send(
        &live,
        upload(&eda, &[("step", "read")], Some(("notes.txt", b"hello"))),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(text(response)
        .await
        .contains("“notes.txt” is not a spreadsheet vigil reads"));
    let response = send(
        &live,
        upload(
            &eda,
            &[("step", "import")],
            Some(("cut.xlsx", b"PK\x03\x04 cut off")),
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(text(response)
        .await
        .contains("“cut.xlsx” could not be read"));
    assert_eq!(store().head().unwrap().entries, before);
}

#[tokio::test]
async fn only_an_editor_with_the_sessions_token_uploads_and_the_template_is_a_workbook() {
    let (live, _dir, path) = server();
    let store = || common::store(&path);
    let before = store().head().unwrap().entries;
    let sheet = ("list.csv", "Name\nNew Person\n".as_bytes());
    let vera = login(&live, "vera").await;
    let response = send(&live, upload(&vera, &[("step", "import")], Some(sheet))).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let eda = login(&live, "eda").await;
    let forged = Session {
        cookie: eda.cookie.clone(),
        csrf: "forged".into(),
    };
    let response = send(&live, upload(&forged, &[("step", "import")], Some(sheet))).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        store().head().unwrap().entries,
        before,
        "neither wrote anything"
    );
    assert_eq!(
        send(&live, get("/edit/sheet", None, None)).await.status(),
        StatusCode::SEE_OTHER,
        "anonymous: to the login page"
    );

    let response = send(&live, get("/edit/sheet/template?lang=be", Some(&eda), None)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .contains("spreadsheetml"));
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    let rows = vigil_core::sheet::read::rows(&bytes, Format::Xlsx).unwrap();
    let header = rows.first().unwrap();
    assert!(
        header
            .iter()
            .any(|h| h.to_lowercase().contains("дата затрымання")),
        "{header:?}"
    );
    // The template read back as a sheet has the name column vigil recognises.
    let converted = vigil_core::sheet::convert(
        &[header.clone(), vec!["Алесь Бяляцкі".into()]],
        &Options::default(),
    );
    assert!(converted.is_ok(), "{converted:?}");
}

#[tokio::test]
async fn a_person_stored_after_a_preview_is_a_double_in_the_next_one() {
    // The stored persons' names are indexed once per log position (not per preview): a
    // person another editor stores between two previews is compared with the second.
    let (live, _dir, path) = server();
    let eda = login(&live, "eda").await;
    let sheet = "Name,Detained\nMikalai Statkevich,31.05.2020\n";
    let preview = || upload(&eda, &[("step", "read")], Some(("s.csv", sheet.as_bytes())));
    let page = text(send(&live, preview()).await).await;
    assert!(!page.contains("is probably"), "{page}");

    // Stored by another process writing to the same file.
    let mut other = common::store(&path);
    let opts = vigil_store::ImportOptions {
        actor: "another editor".into(),
        reason: None,
        at: "2026-01-02T00:00:00.000000Z".into(),
        update: false,
    };
    let line = r#"{"type":"person","id":"p-statkevich","names":[{"text":"Mikalai Statkevich","lang":"en"}],"country":"BY"}"#;
    vigil_store::import(&mut other, &mut line.as_bytes(), &opts, &mut |_| {}).unwrap();

    let page = text(send(&live, preview()).await).await;
    assert!(page.contains("“Mikalai Statkevich” is probably"), "{page}");
    assert!(
        page.contains("href=\"/edit/person/p-statkevich\""),
        "{page}"
    );
}
