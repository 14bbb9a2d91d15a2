//! What the back-office tests share: a scratch SQLite registry with a viewer, an editor
//! and an admin, the router in process (`oneshot`), logging in through the JSON session,
//! and requests as a signed-in browser sends them.

#![allow(dead_code)] // each test binary uses its part

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request};
use tower::ServiceExt;
use vigil_server::{router, AppState, Live};
use vigil_store::accounts::{hash_password, Account, AuditRow, Role};
use vigil_store::sqlite::SqliteStore;
use vigil_store::Store;

/// A person with a Latin and a Cyrillic name, an event, an announcement and a source.
pub const RECORDS: &str = r#"{"type":"source","id":"s1","publisher":"Viasna","title":"One"}
{"type":"person","id":"p1","names":[{"text":"Ales Bialiatski"},{"text":"Алесь Бяляцкі","lang":"be"}],"country":"BY","sex":"male","birth_date":"1962-09-25"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-07-14","sources":["s1"]}
{"type":"announcement","id":"a1","kind":"pardon","date":"2024-12-09","country":"BY","total":29,"breakdown":{"women":11,"men":18},"sources":["s1"]}
"#;

/// The accounts: viewer vera, editor eda, admin ada; each one's password is its name
/// followed by " password 123".
pub const ACCOUNTS: [(&str, Role); 3] = [
    ("vera", Role::Viewer),
    ("eda", Role::Editor),
    ("ada", Role::Admin),
];

/// A server over a scratch registry holding [`RECORDS`] and [`ACCOUNTS`], and the
/// database file (to look at it from outside).
pub fn server() -> (Arc<Live>, tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let opts = vigil_store::ImportOptions {
        actor: "test".into(),
        reason: None,
        at: "2026-01-01T00:00:00.000000Z".into(),
        update: false,
    };
    vigil_store::import(&mut store, &mut RECORDS.as_bytes(), &opts, &mut |_| {}).unwrap();
    for (name, role) in ACCOUNTS {
        let account = Account {
            name: name.into(),
            role,
            hash: hash_password(&format!("{name} password 123")).unwrap(),
            disabled: false,
        };
        let row = AuditRow {
            at: "2026-01-01T00:00:00.000000Z".into(),
            actor: "test".into(),
            action: "user add".into(),
            subject: format!("{name} as {role}"),
        };
        store.save_account(&account, &row).unwrap();
    }
    let state = AppState::load(Box::new(store)).unwrap();
    (Live::new(state), dir, path)
}

/// A server over a scratch registry holding only `records` (JSON Lines), no accounts.
pub fn server_of(records: &str) -> (Arc<Live>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let opts = vigil_store::ImportOptions {
        actor: "test".into(),
        reason: None,
        at: "2026-01-01T00:00:00.000000Z".into(),
        update: false,
    };
    vigil_store::import(&mut store, &mut records.as_bytes(), &opts, &mut |_| {}).unwrap();
    (Live::new(AppState::load(Box::new(store)).unwrap()), dir)
}

/// The store behind the server, opened again (SQLite in WAL: it sees every commit).
pub fn store(path: &std::path::Path) -> SqliteStore {
    SqliteStore::open_existing(path).unwrap()
}

pub async fn send(live: &Arc<Live>, request: Request<Body>) -> axum::response::Response {
    router(Arc::clone(live)).oneshot(request).await.unwrap()
}

pub async fn text(response: axum::response::Response) -> String {
    let body = axum::body::to_bytes(response.into_body(), 8 << 20)
        .await
        .unwrap();
    String::from_utf8(body.to_vec()).unwrap()
}

/// A signed-in browser: its session cookie and the session's CSRF token.
#[derive(Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// Logs `name` in through `POST /api/v1/session`.
pub async fn login(live: &Arc<Live>, name: &str) -> Session {
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/session")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            serde_json::json!({"name": name, "password": format!("{name} password 123")})
                .to_string(),
        ))
        .unwrap();
    let response = send(live, request).await;
    assert_eq!(response.status(), 200, "logging in as {name}");
    let cookie = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let body: serde_json::Value = serde_json::from_str(&text(response).await).unwrap();
    Session {
        cookie,
        csrf: body["csrf"].as_str().unwrap().to_string(),
    }
}

/// A `GET` of `uri` by `who` (anonymous when `None`), with `extra` cookies (the language
/// switch's) and headers.
pub fn get(uri: &str, who: Option<&Session>, extra_cookie: Option<&str>) -> Request<Body> {
    let mut builder = Request::builder().uri(uri);
    if let Some(cookie) = cookies(who, extra_cookie) {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder.body(Body::empty()).unwrap()
}

/// A form post of `fields` to `uri` by `who`, its `csrf` field added for a session.
pub fn post_form(
    uri: &str,
    who: Option<&Session>,
    extra_cookie: Option<&str>,
    fields: &[(&str, &str)],
) -> Request<Body> {
    let mut body = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        body.append_pair(k, v);
    }
    if let Some(s) = who {
        body.append_pair("csrf", &s.csrf);
    }
    let mut builder = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(cookie) = cookies(who, extra_cookie) {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder.body(Body::from(body.finish())).unwrap()
}

fn cookies(who: Option<&Session>, extra: Option<&str>) -> Option<String> {
    let list: Vec<&str> = who
        .map(|s| s.cookie.as_str())
        .into_iter()
        .chain(extra)
        .collect();
    (!list.is_empty()).then(|| list.join("; "))
}

/// `GET uri` as an anonymous reader: the status and the body.
pub async fn fetch(live: &Arc<Live>, uri: &str) -> (axum::http::StatusCode, String) {
    let request = Request::builder().uri(uri).body(Body::empty()).unwrap();
    let response = send(live, request).await;
    let status = response.status();
    (status, text(response).await)
}

/// `GET uri` answered 200 with JSON, parsed.
pub async fn fetch_json(live: &Arc<Live>, uri: &str) -> serde_json::Value {
    let (status, body) = fetch(live, uri).await;
    assert_eq!(status, axum::http::StatusCode::OK, "{uri}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// The ids the public persons list gives for a query.
pub async fn listed(live: &Arc<Live>, query: &str) -> Vec<String> {
    let v = fetch_json(live, &format!("/api/v1/persons?{query}")).await;
    v["persons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}
