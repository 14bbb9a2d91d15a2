//! The page cache across snapshots: while one request renders a page for a new snapshot,
//! the others are answered from the previous snapshot's page instead of waiting (issue 20:
//! the dashboard under an editor's saves); a page that names persons is not carried.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use vigil_core::date::Day;
use vigil_store::sqlite::SqliteStore;

use super::AppState;
use crate::AppError;

fn loaded(dir: &tempfile::TempDir) -> AppState {
    let store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    AppState::load(Box::new(store)).unwrap()
}

async fn page(state: &Arc<AppState>, day: Day, body: &'static str) -> String {
    let cached = state
        .cached_page(day, "dashboard".into(), async move { Ok(body.to_string()) })
        .await
        .unwrap();
    String::from_utf8(cached.plain.to_vec()).unwrap()
}

#[tokio::test]
async fn readers_get_the_previous_page_while_one_renders_the_new_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let day = Day::ymd(2026, 12, 2).unwrap();
    let old = Arc::new(loaded(&dir));
    assert_eq!(page(&old, day, "before the save").await, "before the save");

    let new = Arc::new(old.handed_on(loaded(&dir)));
    let (go, wait) = tokio::sync::oneshot::channel::<()>();
    let renderer = tokio::spawn({
        let new = Arc::clone(&new);
        async move {
            let cached = new
                .cached_page(day, "dashboard".into(), async move {
                    wait.await.ok();
                    Ok("after the save".to_string())
                })
                .await
                .unwrap();
            String::from_utf8(cached.plain.to_vec()).unwrap()
        }
    });
    let slot = loop {
        let slot = new.pages.lock().unwrap().cells.values().next().cloned();
        match slot {
            Some(slot) if slot.rendering.load(Ordering::Acquire) => break slot,
            _ => tokio::task::yield_now().await,
        }
    };
    // Another reader is not made to wait for the render (which waits for `go`), nor
    // renders it a second time.
    let meanwhile = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        page(&new, day, "a second render"),
    )
    .await
    .expect("a reader waited for another's render");
    assert_eq!(meanwhile, "before the save");
    go.send(()).unwrap();
    assert_eq!(renderer.await.unwrap(), "after the save");
    // Once rendered, everyone gets the new page, and the old one is let go.
    assert_eq!(page(&new, day, "a second render").await, "after the save");
    assert!(slot.previous.lock().unwrap().is_none());
    // A day without a page of its own has nothing previous: it renders.
    let next = Day(day.0 + 1);
    assert_eq!(page(&new, next, "the next day").await, "the next day");
}

#[tokio::test]
async fn a_render_that_fails_is_tried_again_by_the_next_reader() {
    let dir = tempfile::tempdir().unwrap();
    let day = Day::ymd(2026, 12, 2).unwrap();
    let old = Arc::new(loaded(&dir));
    page(&old, day, "before the save").await;
    let new = Arc::new(old.handed_on(loaded(&dir)));
    let failed = new
        .cached_page(day, "dashboard".into(), async {
            Err::<String, _>(AppError::Internal("the render failed".into()))
        })
        .await;
    assert!(failed.is_err());
    // Not left marked as rendering (which would serve the old page for ever).
    assert_eq!(page(&new, day, "rendered again").await, "rendered again");
}

#[tokio::test]
async fn a_page_that_names_persons_is_not_carried_to_the_next_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let day = Day::ymd(2026, 12, 2).unwrap();
    let old = Arc::new(loaded(&dir));
    let named = format!("{}announcement \"a1\"", super::NAMED);
    for key in ["dashboard".to_string(), named.clone()] {
        old.cached_page(day, key, async { Ok("before the save".to_string()) })
            .await
            .unwrap();
    }
    let new = Arc::new(old.handed_on(loaded(&dir)));
    let cells = new.pages.lock().unwrap();
    let carried = |key: &str| {
        cells
            .cells
            .get(&(day, key.to_string()))
            .is_some_and(|slot| slot.previous.lock().unwrap().is_some())
    };
    assert!(carried("dashboard"), "an aggregate page is carried");
    assert!(!carried(&named), "a page naming persons is not");
}

/// A save's refresh lets the snapshot it replaced go (off the save's path, since freeing a
/// large registry takes tens of milliseconds): once no reader holds it, it is freed, not
/// kept beside the new one.
#[tokio::test]
async fn a_refresh_lets_the_replaced_snapshot_go() {
    let dir = tempfile::tempdir().unwrap();
    let live = super::Live::new(loaded(&dir));
    let old = Arc::downgrade(&live.snapshot());
    let mut writer = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let opts = vigil_store::ImportOptions {
        actor: "editor".into(),
        reason: None,
        at: "2026-12-03T00:00:00.000000Z".into(),
        update: false,
    };
    let line = r#"{"type":"source","id":"s1","publisher":"Viasna"}"#;
    vigil_store::import(&mut writer, &mut line.as_bytes(), &opts, &mut |_| {}).unwrap();
    assert!(live.refresh().await.unwrap(), "the save was seen");
    assert_eq!(live.snapshot().log.entries, 1);
    for _ in 0..500 {
        if old.upgrade().is_none() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("the replaced snapshot is still held 5 s after the refresh");
}
