//! The page of a person merged into another: its old address leads to the person it now
//! counts as when both are public, and to nothing (404, as for an unknown id) otherwise.

mod common;

use axum::http::{header, StatusCode};
use common::{get, send};

const RECORDS: &str = r#"{"type":"person","id":"p1","country":"BY","names":[{"text":"Ales One"}]}
{"type":"person","id":"p2","country":"BY"}
{"type":"person","id":"p3","country":"BY","visibility":"restricted"}
{"type":"person","id":"p4","country":"BY"}
{"type":"person","id":"p5","country":"BY","visibility":"restricted"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-01-10"}
{"type":"event","id":"e2","person":"p2","kind":"detained","date":"2021-01-10"}
{"type":"merge","id":"m1","keep":"p1","merged":"p2"}
{"type":"merge","id":"m2","keep":"p1","merged":"p3"}
{"type":"merge","id":"m3","keep":"p5","merged":"p4"}
"#;

#[tokio::test]
async fn a_merged_persons_address_leads_to_the_person_it_counts_as() {
    let (live, _dir) = common::server_of(RECORDS);
    let response = send(&live, get("/persons/p2?lang=ru", None, None)).await;
    assert_eq!(response.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(response.headers()[header::LOCATION], "/persons/p1?lang=ru");
    let page = common::text(send(&live, get("/persons/p1", None, None)).await).await;
    assert!(page.contains("Ales One"), "{page}");
    // A restricted record merged into a public one, and a public one merged into a
    // restricted one: no pointer that would tell who they are.
    for id in ["p3", "p4", "p5"] {
        let response = send(&live, get(&format!("/persons/{id}"), None, None)).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{id}");
        assert!(response.headers().get(header::LOCATION).is_none(), "{id}");
    }
}
