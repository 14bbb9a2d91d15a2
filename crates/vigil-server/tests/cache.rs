//! The page cache an anonymous request can fill (issue 13, finding 5): keyed by the
//! parsed question, not the raw query, and held within a byte budget. In process, over
//! a scratch SQLite registry of one person.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;
use vigil_server::{router, AppState, Live, PAGE_CACHE_BYTES};
use vigil_store::sqlite::SqliteStore;

fn server() -> (Arc<Live>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let lines = r#"{"type":"person","id":"p1","country":"BY"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-07-14"}
"#;
    let opts = vigil_store::ImportOptions {
        actor: "test".into(),
        reason: None,
        at: "2026-01-01T00:00:00.000000Z".into(),
        update: false,
    };
    vigil_store::import(&mut store, &mut lines.as_bytes(), &opts, &mut |_| {}).unwrap();
    (Live::new(AppState::load(Box::new(store)).unwrap()), dir)
}

async fn status(live: &Arc<Live>, uri: &str) -> StatusCode {
    let request = Request::builder().uri(uri).body(Body::empty()).unwrap();
    router(Arc::clone(live))
        .oneshot(request)
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn the_same_question_spelled_differently_is_cached_once() {
    let (live, _dir) = server();
    for n in 0..40 {
        let uri = format!("/api/v1/stats/series?x={n}&to=2022-12-31&from=2020-01-01");
        assert_eq!(status(&live, &uri).await, StatusCode::OK);
        let uri = format!("/?junk={n}&year=2021");
        assert_eq!(status(&live, &uri).await, StatusCode::OK);
    }
    assert_eq!(
        live.snapshot().cached_pages().0,
        2,
        "one series, one dashboard"
    );
}

#[tokio::test]
async fn large_answers_are_cached_within_the_byte_budget() {
    let (live, _dir) = server();
    // Daily series of 20,000 points (the most allowed), each a different question.
    let mut most = 0;
    for n in 0..100 {
        let from = 1970 + n % 25;
        let uri = format!(
            "/api/v1/stats/series?from={from}-01-{:02}&to=2024-01-01&step=day&all={}",
            1 + n / 25,
            n % 2 == 0
        );
        assert_eq!(status(&live, &uri).await, StatusCode::OK, "{uri}");
        let (_, bytes) = live.snapshot().cached_pages();
        assert!(bytes <= PAGE_CACHE_BYTES, "{bytes} bytes cached");
        most = most.max(bytes);
    }
    // The budget is what bounds it: a hundred answers of about a megabyte each would be more.
    assert!(most > PAGE_CACHE_BYTES / 2, "{most}");
}
