//! In-process tests of the whole router (`tower::ServiceExt::oneshot`, axum's testing
//! pattern): no port, no binary; a scratch SQLite registry of one person.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use tower::ServiceExt;
use vigil_server::forwarded::{Header, Proxies};
use vigil_server::security::AUDIT_PER_HOUR;
use vigil_server::{router, AppState, Live};
use vigil_store::sqlite::SqliteStore;
use vigil_store::Store;

/// A server over a scratch registry, and the database file (to look at it from outside).
fn server() -> (Arc<Live>, tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let lines = concat!(
        r#"{"type":"person","id":"p1","names":[{"text":"Ales"}],"country":"BY"}"#,
        "\n",
        r#"{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-07-14"}"#,
        "\n"
    );
    let opts = vigil_store::ImportOptions {
        actor: "test".into(),
        reason: None,
        at: "2026-01-01T00:00:00.000000Z".into(),
        update: false,
    };
    vigil_store::import(&mut store, &mut lines.as_bytes(), &opts, &mut |_| {}).unwrap();
    let state = AppState::load(Box::new(store)).unwrap();
    (Live::new(state), dir, path)
}

fn entries(path: &std::path::Path) -> u64 {
    SqliteStore::open_existing(path)
        .unwrap()
        .head()
        .unwrap()
        .entries
}

async fn send(live: &Arc<Live>, request: Request<Body>) -> axum::response::Response {
    router(Arc::clone(live)).oneshot(request).await.unwrap()
}

fn get(uri: &str) -> Request<Body> {
    Request::builder().uri(uri).body(Body::empty()).unwrap()
}

fn post_form(uri: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_string()))
        .unwrap()
}

#[tokio::test]
async fn every_response_carries_the_security_headers_404s_and_refusals_too() {
    let (live, _dir, _) = server();
    let requests = [
        ("/", get("/")),
        ("/healthz", get("/healthz")),
        ("/persons/p1", get("/persons/p1")),
        ("/no/such/page", get("/no/such/page")),
        ("/api/v1/persons/nobody", get("/api/v1/persons/nobody")),
        ("/edit (to the login page)", get("/edit")),
        ("POST /edit/person", post_form("/edit/person", "id=p2")),
    ];
    for (what, request) in requests {
        let response = send(&live, request).await;
        let h = response.headers();
        let csp = h
            .get(header::CONTENT_SECURITY_POLICY)
            .unwrap_or_else(|| panic!("{what}: no CSP"));
        assert!(
            csp.to_str().unwrap().starts_with("default-src 'none'"),
            "{what}: {csp:?}"
        );
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{what}");
        assert_eq!(h[header::REFERRER_POLICY], "no-referrer", "{what}");
        assert_eq!(h[header::X_FRAME_OPTIONS], "DENY", "{what}");
    }
}

#[tokio::test]
async fn an_anonymous_write_is_refused_and_writes_nothing() {
    let (live, _dir, path) = server();
    let before = entries(&path);
    let person = r#"{"type":"person","id":"p2","names":[{"text":"Maria"}]}"#;
    let requests = [
        Request::builder()
            .method(Method::POST)
            .uri("/api/v1/records")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(format!(r#"{{"record":{person}}}"#)))
            .unwrap(),
        post_form("/edit/person", "id=p2&name=Maria"),
        post_form(
            "/edit/event",
            "id=e2&person=p1&kind=released&date=2022-01-01",
        ),
        post_form("/edit/retract", "type=event&id=e1&version=2&reason=x"),
        post_form(
            "/edit/record",
            &form_urlencoded::Serializer::new(String::new())
                .append_pair("record", person)
                .finish(),
        ),
        post_form(
            "/edit/extract",
            "confirm=yes&text=On+1+May+2025+the+president+pardoned+16+persons.",
        ),
    ];
    for request in requests {
        let uri = request.uri().clone();
        let response = send(&live, request).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "POST {uri}");
    }
    // A made-up session cookie is no better than none.
    let mut forged = post_form("/edit/person", "id=p2&name=Maria&csrf=x");
    forged
        .headers_mut()
        .insert(header::COOKIE, "vigil_session=forged".parse().unwrap());
    assert_eq!(send(&live, forged).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(entries(&path), before, "nothing was written");
    assert_eq!(live.snapshot().log.entries, before);
}

#[tokio::test]
async fn csv_answers_are_csv() {
    let (live, _dir, _) = server();
    let response = send(&live, get("/api/v1/stats/held?on=2022-01-01&format=csv")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    let body = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    let text = String::from_utf8(body.to_vec()).unwrap();
    assert!(
        text.starts_with("on,held,held_min,held_max\n2022-01-01,"),
        "{text}"
    );
    // The directory too (README promises `format=csv` there).
    let response = send(&live, get("/api/v1/persons?format=csv")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    let body = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    let text = String::from_utf8(body.to_vec()).unwrap();
    assert_eq!(text, "id,name,country,status\np1,Ales,BY,held\n");
    // A breakdown whose every cell is under the small-cell rule says "fewer than 3" per
    // cell instead of leaving the table out.
    let response = send(
        &live,
        get("/api/v1/stats/held?on=2022-01-01&all=true&by=sex&format=csv"),
    )
    .await;
    let body = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    let text = String::from_utf8(body.to_vec()).unwrap();
    assert!(text.ends_with("key,held\nunknown,fewer than 3\n"), "{text}");
}

/// The counting sections and the directory as workbooks: each table of the CSV a sheet,
/// with the same cells.
#[tokio::test]
async fn xlsx_answers_are_workbooks_with_the_csv_tables_as_sheets() {
    use vigil_core::sheet::read::{sheets, Format};
    let (live, _dir, _) = server();
    for (query, names) in [
        (
            "/api/v1/stats/held?on=2022-01-01&all=true&by=sex",
            vec!["held", "by"],
        ),
        (
            "/api/v1/stats/series?from=2022-01-01&to=2022-03-01",
            vec!["series"],
        ),
        (
            "/api/v1/stats/flow?from=2021-01-01&to=2022-12-31",
            vec!["flow", "released"],
        ),
        ("/api/v1/persons?", vec!["persons"]),
    ] {
        let csv_response = send(&live, get(&format!("{query}&format=csv"))).await;
        let csv = axum::body::to_bytes(csv_response.into_body(), 1 << 20)
            .await
            .unwrap();
        let csv = String::from_utf8(csv.to_vec()).unwrap();
        let response = send(&live, get(&format!("{query}&format=xlsx"))).await;
        assert_eq!(response.status(), StatusCode::OK, "{query}");
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert!(response.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .ends_with(".xlsx\""));
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        let book = sheets(&bytes, Format::Xlsx).unwrap();
        let got: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(got, names, "{query}");
        // Every table of the CSV, in order, is a sheet with the same cells.
        let tables: Vec<&str> = csv.split("\n\n").collect();
        assert_eq!(tables.len(), book.len(), "{query}: {csv}");
        for ((_, rows), table) in book.iter().zip(tables) {
            let from_csv = vigil_core::sheet::read::rows(table.as_bytes(), Format::Csv).unwrap();
            assert_eq!(rows, &from_csv, "{query}");
        }
    }
}

#[tokio::test]
async fn answers_for_the_signed_in_and_the_editors_side_are_never_cached() {
    let (live, _dir, _) = server();
    let with_token = Request::builder()
        .uri("/api/v1/persons/p1")
        .header(header::AUTHORIZATION, "Bearer not-a-token")
        .body(Body::empty())
        .unwrap();
    for (what, request) in [
        ("/edit", get("/edit")),
        ("/login", get("/login")),
        (
            "/api/v1/records/person/p1",
            get("/api/v1/records/person/p1"),
        ),
        ("a request with a token", with_token),
    ] {
        let response = send(&live, request).await;
        assert_eq!(
            response
                .headers()
                .get(header::CACHE_CONTROL)
                .map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{what}"
        );
    }
    // Public pages may be cached.
    let response = send(&live, get("/persons/p1")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get(header::CACHE_CONTROL).is_none());
}

/// What one anonymous request can make the server compute or hold is bounded: a series
/// of thousands of years, a search of 56 KB, a login with a 1 MB name.
#[tokio::test]
async fn anonymous_requests_cannot_ask_for_unbounded_work() {
    let (live, _dir, _) = server();
    let response = send(
        &live,
        get("/api/v1/stats/series?from=1000-01-01&to=9999-12-31&step=week"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    // Only the first 200 characters are read: the name, then spaces; the 56 KB of words
    // after them are never analysed, and the person is found.
    let query = format!("Ales{}{}", "+".repeat(300), "Bialiatski+".repeat(5_000));
    let response = send(&live, get(&format!("/api/v1/search?q={query}"))).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(&body).contains("p1"), "{body:?}");
    let login = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/session")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            serde_json::json!({"name": "x".repeat(1 << 20), "password": "whatever it is"})
                .to_string(),
        ))
        .unwrap();
    assert_eq!(send(&live, login).await.status(), StatusCode::UNAUTHORIZED);
}

/// eda's password in [`server_with_editor`].
const EDA: &str = "eda password 123";

/// The scratch registry with one editor account, eda.
fn server_with_editor() -> (Arc<Live>, tempfile::TempDir, std::path::PathBuf) {
    server_with_editor_behind(Proxies::default())
}

/// [`server_with_editor`] behind `proxies`.
fn server_with_editor_behind(
    proxies: Proxies,
) -> (Arc<Live>, tempfile::TempDir, std::path::PathBuf) {
    let (live, dir, path) = server();
    drop(live);
    let store = SqliteStore::open_existing(&path).unwrap();
    let account = vigil_store::accounts::Account {
        name: "eda".into(),
        role: vigil_store::accounts::Role::Editor,
        hash: vigil_store::accounts::hash_password(EDA).unwrap(),
        disabled: false,
    };
    let row = vigil_store::accounts::AuditRow {
        at: "2026-01-01T00:00:00.000000Z".into(),
        actor: "test".into(),
        action: "user add".into(),
        subject: "eda as editor".into(),
    };
    store.save_account(&account, &row).unwrap();
    let state = AppState::load(Box::new(store)).unwrap();
    (Live::behind(state, proxies), dir, path)
}

/// A request as if it came over TCP from `from` (what `serve` records for each connection).
fn from(from: &str, mut request: Request<Body>) -> Request<Body> {
    let peer = std::net::SocketAddr::new(from.parse().unwrap(), 50_000);
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(peer));
    request
}

fn login_json(name: &str, password: &str) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri("/api/v1/session")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            serde_json::json!({"name": name, "password": password}).to_string(),
        ))
        .unwrap()
}

/// The status of a login from `addr`, and its `Retry-After` in seconds when it has one.
async fn login_from(live: &Arc<Live>, addr: &str, password: &str) -> (StatusCode, Option<u64>) {
    let response = send(live, from(addr, login_json("eda", password))).await;
    let wait = response
        .headers()
        .get(header::RETRY_AFTER)
        .map(|v| v.to_str().unwrap().parse().unwrap());
    (response.status(), wait)
}

/// Finding 8: five failures used to lock the account, so anyone could lock an editor out.
/// Now the attacker's address waits (429 with Retry-After) and the owner, from another
/// address, gets in with the right password.
#[tokio::test]
async fn the_owner_gets_in_from_another_address_while_the_attacker_waits() {
    let (live, _dir, _) = server_with_editor();
    let attacker = "203.0.113.7";
    for _ in 0..5 {
        assert_eq!(
            login_from(&live, attacker, "a wrong guess").await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    // The attacker's next try is held back, even with the right password.
    let (status, wait) = login_from(&live, attacker, EDA).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(wait.is_some_and(|w| w >= 1), "Retry-After: {wait:?}");
    // The owner, elsewhere, is not.
    assert_eq!(
        login_from(&live, "198.51.100.9", EDA).await.0,
        StatusCode::OK
    );
    // The owner's login forgives nothing of the attacker's.
    assert_eq!(
        login_from(&live, attacker, "another guess").await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
}

/// An attacker with many addresses slows an account down; it never locks it: the owner,
/// from an address of their own, still gets in.
#[tokio::test]
async fn many_addresses_slow_an_account_but_never_lock_it() {
    let (live, _dir, _) = server_with_editor();
    for i in 1..=12 {
        assert_eq!(
            login_from(&live, &format!("203.0.113.{i}"), "a wrong guess")
                .await
                .0,
            StatusCode::UNAUTHORIZED,
            "attempt {i}"
        );
    }
    assert_eq!(
        login_from(&live, "198.51.100.9", EDA).await.0,
        StatusCode::OK
    );
}

/// A refused token costs nothing to send, so what refusals write to the audit trail is
/// bounded: the first ones are itemised, the rest are counted.
#[tokio::test]
async fn anonymous_refusals_cannot_grow_the_audit_trail_without_bound() {
    let (live, _dir, path) = server();
    for i in 0..300 {
        let request = Request::builder()
            .uri("/api/v1/session")
            .header(header::AUTHORIZATION, format!("Bearer {i:064x}"))
            .body(Body::empty())
            .unwrap();
        let response = send(&live, from("203.0.113.7", request)).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let trail = SqliteStore::open_existing(&path)
        .unwrap()
        .audit_trail(10_000)
        .unwrap();
    let refused = trail.iter().filter(|r| r.action == "token refused").count();
    assert!(refused > 0, "refused tokens are audited: {trail:?}");
    assert_eq!(refused as u32, AUDIT_PER_HOUR, "{trail:?}");
    // The row that says the rest of the hour is counted, not itemised.
    assert_eq!(trail.len() as u32, AUDIT_PER_HOUR + 1, "{trail:?}");
    assert_eq!(trail[0].action, "not itemised");
}

/// Behind a proxy that writes `Forwarded` (RFC 7239), the client it names is the one
/// limited; a client that is not the proxy is its own TCP address whatever it sends.
#[tokio::test]
async fn only_a_trusted_proxy_is_believed_about_the_client() {
    let proxies = Proxies::new(vec!["10.0.0.0/8".parse().unwrap()], Header::Forwarded);
    let (live, _dir, path) = server_with_editor_behind(proxies);
    let via_proxy = |client: &str, password: &str| {
        let mut request = from("10.1.2.3", login_json("eda", password));
        request.headers_mut().insert(
            "forwarded",
            format!(r#"for="[{client}]:4711";proto=https"#)
                .parse()
                .unwrap(),
        );
        request
    };
    let attacker = "2001:db8:bad::7";
    for _ in 0..5 {
        let response = send(&live, via_proxy(attacker, "a wrong guess")).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let response = send(&live, via_proxy(attacker, EDA)).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let response = send(&live, via_proxy("2001:db8:0:1::9", EDA)).await;
    assert_eq!(response.status(), StatusCode::OK);
    // Straight from 203.0.113.7, the header is the client's own word: ignored.
    for i in 1..=5 {
        let mut request = from("203.0.113.7", login_json("eda", "a wrong guess"));
        request
            .headers_mut()
            .insert("forwarded", format!("for=198.51.100.{i}").parse().unwrap());
        assert_eq!(
            send(&live, request).await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let response = send(&live, from("203.0.113.7", login_json("eda", EDA))).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let trail = SqliteStore::open_existing(&path)
        .unwrap()
        .audit_trail(100)
        .unwrap();
    let refused_from: Vec<&str> = trail
        .iter()
        .filter(|r| r.action == "login refused")
        .map(|r| r.actor.as_str())
        .collect();
    assert!(
        refused_from.contains(&"login from 2001:db8:bad::7"),
        "{trail:?}"
    );
    assert!(
        refused_from.contains(&"login from 203.0.113.7"),
        "{trail:?}"
    );
    assert!(
        !trail.iter().any(|r| r.actor.contains("198.51.100.")),
        "{trail:?}"
    );
}

async fn json_of(response: axum::response::Response) -> serde_json::Value {
    let body = axum::body::to_bytes(response.into_body(), 8 << 20)
        .await
        .unwrap();
    serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{e}: {body:?}"))
}

/// The served OpenAPI document has an operation for every route of the router (the route
/// table the router is built from, `vigil_server::routes::routes`) and none that is not a
/// route. A route added to the table without a `#[utoipa::path]` in `openapi::ApiDoc`
/// fails here; one added to the router another way fails clippy (`clippy.toml`).
#[tokio::test]
async fn the_openapi_document_describes_exactly_the_routes_of_the_router() {
    use std::collections::BTreeSet;
    let (live, _dir, _) = server();
    let doc = json_of(send(&live, get("/api/v1/openapi.json")).await).await;
    let routes: BTreeSet<(String, String)> = vigil_server::routes::routes()
        .iter()
        .map(|r| (r.path.to_string(), r.method.as_str().to_string()))
        .collect();
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in [
            "get", "put", "post", "delete", "options", "head", "patch", "trace",
        ] {
            if item.get(method).is_some() {
                documented.insert((path.clone(), method.to_string()));
            }
        }
    }
    let missing: Vec<_> = routes.difference(&documented).collect();
    let extra: Vec<_> = documented.difference(&routes).collect();
    assert!(
        missing.is_empty(),
        "routes not in the OpenAPI document: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "operations of the document that are not routes: {extra:?}"
    );
    assert!(routes.len() > 30, "{routes:?}");

    // Every operation says what it answers; every error answer that is JSON is an
    // `ErrorBody`, and every security requirement names a scheme the document defines.
    let schemes = doc["components"]["securitySchemes"].as_object().unwrap();
    for key in ["bearer", "session", "csrf"] {
        assert!(schemes.contains_key(key), "no {key} scheme: {schemes:?}");
    }
    for (path, method) in &routes {
        let op = &doc["paths"][path][method];
        let responses = op["responses"].as_object().unwrap();
        assert!(
            responses
                .keys()
                .any(|s| s.starts_with('2') || s.starts_with('3')),
            "{method} {path}: no success documented"
        );
        for (status, response) in responses {
            let json = &response["content"]["application/json"]["schema"]["$ref"];
            if status.starts_with('4') || status.starts_with('5') {
                assert!(
                    json.is_null() || json == "#/components/schemas/ErrorBody",
                    "{method} {path} {status}: {json}"
                );
            }
        }
        assert!(
            responses.contains_key("500"),
            "{method} {path}: no 500 documented"
        );
        for requirement in op["security"].as_array().into_iter().flatten() {
            for scheme in requirement.as_object().unwrap().keys() {
                assert!(schemes.contains_key(scheme), "{method} {path}: {scheme}");
            }
        }
    }
}

/// The error answers are what the document's `ErrorBody` says: `{"error": {"code"}}`, the
/// code one of the documented ones, for refusals from the handlers, the role extractors
/// and axum's own extractors alike.
#[tokio::test]
async fn every_error_answer_has_the_documented_shape() {
    let (live, _dir, _) = server();
    let doc = json_of(send(&live, get("/api/v1/openapi.json")).await).await;
    let codes: Vec<String> = doc["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .expect("ErrorCode is an enum")
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    let json_post = |uri: &str, content_type: &str, body: &str| {
        Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let cases = [
        (
            get("/api/v1/stats/held?on=2024-13-01"),
            400,
            "bad_parameter",
        ),
        (get("/api/v1/persons?offset=-1"), 400, "bad_parameter"),
        (get("/api/v1/search"), 400, "bad_parameter"),
        (get("/api/v1/persons/nobody"), 404, "not_found"),
        (get("/api/v1/persons/%FF"), 400, "bad_request"),
        (get("/api/v1/records/person/p1"), 401, "unauthenticated"),
        (
            json_post("/api/v1/session", "text/plain", "{}"),
            415,
            "unsupported_media_type",
        ),
        (
            json_post("/api/v1/session", "application/json", "{"),
            400,
            "bad_request",
        ),
        (
            json_post("/api/v1/session", "application/json", r#"{"name":"a"}"#),
            400,
            "bad_request",
        ),
        (
            json_post(
                "/api/v1/session",
                "application/json",
                r#"{"name":"nobody","password":"wrong"}"#,
            ),
            401,
            "unauthenticated",
        ),
    ];
    for (request, status, code) in cases {
        let what = format!("{} {}", request.method(), request.uri());
        let response = send(&live, request).await;
        assert_eq!(response.status().as_u16(), status, "{what}");
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/json",
            "{what}"
        );
        let body = json_of(response).await;
        assert_eq!(body["error"]["code"], code, "{what}: {body}");
        assert!(codes.iter().any(|c| c == code), "{code} not in {codes:?}");
    }
    // The pages' refusals are pages, as the document says (`error_pages`).
    for (uri, status) in [
        // The dashboard's year links overflowed (schemathesis found `year=-2147483648`).
        ("/?year=-2147483648", 400),
        ("/?year=2147483647", 400),
        ("/persons/%FF", 400),
        ("/persons/nobody", 404),
    ] {
        let response = send(&live, get(uri)).await;
        assert_eq!(response.status().as_u16(), status, "{uri}");
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/html; charset=utf-8",
            "{uri}"
        );
    }
}
