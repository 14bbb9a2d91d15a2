//! vigil's web server: the public dashboard (server-rendered HTML, every asset embedded)
//! and the JSON API under `/api/v1/`, over the same store and counting engine as the CLI.
//!
//! **Architecture Invariant:** what the public may see is vigil-core's rule
//! (`Registry::is_public`, `Record::visibility`, `Audience::Public`); handlers never
//! filter or rewrite answers after the fact.

mod api;
pub mod auth;
mod backoffice;
mod chart;
mod editor;
mod pages;
pub mod public;

use std::sync::{Arc, Mutex};

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use vigil_core::answer::{LogPosition, ParamError};
use vigil_core::date::Day;
use vigil_core::registry::Registry;
use vigil_store::{Store, StoreError};

pub use public::Directory;

/// Everything a request reads. The registry is immutable while serving.
pub struct AppState {
    pub registry: Registry,
    pub log: LogPosition,
    pub directory: Directory,
    /// Public breakdown cells under this many persons are shown as "fewer than N".
    pub min_cell: i64,
    /// Shared by every snapshot of the registry.
    store: Arc<Mutex<Box<dyn Store + Send>>>,
    /// Rendered dashboards by (day, query). The registry does not change while serving,
    /// so a page changes only with its query or the date.
    pages: Mutex<PageCache>,
}

/// Rendered answers by (day, query); a cell is filled by the first request for its key.
type PageCache = std::collections::HashMap<(Day, String), Arc<tokio::sync::OnceCell<Cached>>>;

/// Most cached pages kept; the cache is emptied when full (queries are few in practice).
const PAGE_CACHE: usize = 256;

impl AppState {
    /// Loads the registry and the public directory from a store. A store whose derived
    /// tables cannot be loaded is refused with what failed and how to repair it.
    pub fn load(store: Box<dyn Store + Send>) -> Result<AppState, LoadError> {
        AppState::load_shared(Arc::new(Mutex::new(store))).map_err(LoadError)
    }

    fn load_shared(shared: Arc<Mutex<Box<dyn Store + Send>>>) -> Result<AppState, StoreError> {
        let store = shared
            .lock()
            .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?;
        let registry = store.load()?;
        let head = store.head()?;
        let directory = Directory::load(store.as_ref(), &registry)?;
        drop(store);
        let store = shared;
        Ok(AppState {
            min_cell: 3,
            registry,
            log: LogPosition {
                entries: head.entries,
                head: head.hash.to_hex(),
            },
            directory,
            store,
            pages: Mutex::new(std::collections::HashMap::new()),
        })
    }

    /// A cached answer, or renders and keeps it (with a gzip copy when it is large).
    /// Requests arriving while a key renders wait for that one render.
    pub(crate) async fn cached_page<F>(
        self: &Arc<Self>,
        day: Day,
        query: String,
        render: F,
    ) -> Result<Cached, AppError>
    where
        F: std::future::Future<Output = Result<String, AppError>>,
    {
        let cell = {
            let mut pages = self
                .pages
                .lock()
                .map_err(|_| AppError::Internal("page cache poisoned".into()))?;
            if pages.len() >= PAGE_CACHE && !pages.contains_key(&(day, query.clone())) {
                pages.clear();
            }
            Arc::clone(pages.entry((day, query)).or_default())
        };
        let page = cell
            .get_or_try_init(|| async { Ok::<_, AppError>(Cached::new(render.await?)) })
            .await?;
        Ok(page.clone())
    }

    /// Runs a store read off the async threads.
    async fn with_store<T: Send + 'static>(
        self: &Arc<Self>,
        read: impl FnOnce(&dyn Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, AppError> {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = state
                .store
                .lock()
                .map_err(|_| AppError::Internal("store lock poisoned".into()))?;
            read(store.as_ref()).map_err(|e| AppError::Internal(e.to_string()))
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
    }
}

/// A rendered answer kept for reuse: the body, and a gzip copy when compressing pays.
#[derive(Clone)]
pub(crate) struct Cached {
    plain: axum::body::Bytes,
    gzip: Option<axum::body::Bytes>,
}

impl Cached {
    fn new(body: String) -> Cached {
        use std::io::Write;
        let gzip = (body.len() > 4096)
            .then(|| {
                let mut z =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                z.write_all(body.as_bytes()).ok()?;
                z.finish().ok()
            })
            .flatten()
            .map(axum::body::Bytes::from);
        Cached {
            plain: body.into(),
            gzip,
        }
    }

    /// The response for a request, compressed when it accepts gzip.
    pub(crate) fn respond(
        &self,
        request: &axum::http::HeaderMap,
        content_type: &'static str,
    ) -> Response {
        let accepts_gzip = request
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(',')
                    .any(|e| e.trim().split(';').next() == Some("gzip"))
            });
        let mut response = match (&self.gzip, accepts_gzip) {
            (Some(z), true) => ([(header::CONTENT_ENCODING, "gzip")], z.clone()).into_response(),
            _ => self.plain.clone().into_response(),
        };
        let h = response.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        response
    }
}

/// Today, by the server's clock (UTC).
#[must_use]
pub fn today() -> Day {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Day((secs / 86_400) as i32)
}

/// What a request can fail with. Internals are logged, never shown.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Param(#[from] ParamError),
    #[error("not found")]
    NotFound,
    #[error("internal error: {0}")]
    Internal(String),
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, body) = match &self {
            AppError::Param(e) => (
                StatusCode::BAD_REQUEST,
                serde_json::json!({ "error": { "code": "bad_parameter", "param": e.param, "message": e.message } }),
            ),
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                serde_json::json!({ "error": { "code": "not_found" } }),
            ),
            AppError::Internal(detail) => {
                eprintln!("vigil serve: {detail}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    serde_json::json!({ "error": { "code": "internal" } }),
                )
            }
        };
        (status, axum::Json(body)).into_response()
    }
}

/// Why a server cannot start on a store: the registry it holds does not load.
#[derive(Debug, thiserror::Error)]
#[error("cannot load the registry to serve it: {}", explained(.0))]
pub struct LoadError(pub StoreError);

/// A store error, with the repair to try when the derived tables are at fault (the log
/// they come from is checked by `vigil verify`).
fn explained(e: &StoreError) -> String {
    match e {
        StoreError::Damaged(_) | StoreError::Invalid(_) => format!(
            "{e}. The log itself may be intact: `vigil verify` checks it, and `vigil db rebuild` recreates the derived tables from it (accounts are kept)"
        ),
        _ => e.to_string(),
    }
}

/// What the server answers from: the current snapshot of the registry, replaced as a
/// whole when the log grows (another process wrote), so a request sees one state.
pub struct Live {
    current: std::sync::RwLock<Arc<AppState>>,
    /// Why the snapshot is behind the store's log, while it is: the last refresh failed.
    /// `/healthz` answers 503 with it; editors are told after a save.
    stale: Mutex<Option<String>>,
    /// Sessions and login limits: they outlive snapshots.
    pub auth: auth::Auth,
}

impl Live {
    #[must_use]
    pub fn new(state: AppState) -> Arc<Live> {
        Arc::new(Live {
            current: std::sync::RwLock::new(Arc::new(state)),
            stale: Mutex::new(None),
            auth: auth::Auth::default(),
        })
    }

    /// Why the answers are behind the store, if they are.
    #[must_use]
    pub fn stale(&self) -> Option<String> {
        self.stale
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Records whether the last refresh worked, and logs only when that changes (the
    /// watcher retries every [`REFRESH_EVERY`]; one line per change is what an operator
    /// can read).
    fn mark(&self, outcome: Option<String>) {
        let mut stale = self
            .stale
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if *stale == outcome {
            return;
        }
        match &outcome {
            Some(reason) => eprintln!(
                "vigil serve: the answers are stale (from log entry {}): {reason}",
                self.snapshot().log.entries
            ),
            None => eprintln!(
                "vigil serve: the answers are current again (log entry {})",
                self.snapshot().log.entries
            ),
        }
        *stale = outcome;
    }

    /// Refreshes after this server wrote: `None` when the answers now include the write,
    /// otherwise why they do not (the write itself is stored either way).
    pub(crate) async fn after_write(self: &Arc<Self>) -> Option<String> {
        // `refresh` has recorded the reason; the answer is what it recorded.
        let _ = self.refresh().await;
        self.stale()
    }

    /// The store, shared by every snapshot.
    #[must_use]
    pub fn store(&self) -> Arc<Mutex<Box<dyn Store + Send>>> {
        Arc::clone(&self.snapshot().store)
    }

    /// The snapshot requests read now.
    #[must_use]
    pub fn snapshot(&self) -> Arc<AppState> {
        Arc::clone(
            &self
                .current
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    /// Loads a new snapshot when the store's log has moved past the current one's.
    /// Returns whether it did. A failure leaves the current snapshot serving and marks the
    /// server stale until a refresh succeeds.
    pub async fn refresh(self: &Arc<Self>) -> Result<bool, StoreError> {
        let outcome = self.load_fresh().await;
        self.mark(outcome.as_ref().err().map(explained));
        outcome
    }

    async fn load_fresh(self: &Arc<Self>) -> Result<bool, StoreError> {
        let now = self.snapshot();
        let shared = Arc::clone(&now.store);
        let seen = now.log.entries;
        let fresh = tokio::task::spawn_blocking(move || {
            let head = shared
                .lock()
                .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?
                .head()?;
            if head.entries == seen {
                return Ok(None);
            }
            AppState::load_shared(shared).map(Some)
        })
        .await
        .map_err(|e| StoreError::Damaged(e.to_string()))??;
        let Some(mut fresh) = fresh else {
            return Ok(false);
        };
        fresh.min_cell = now.min_cell;
        *self
            .current
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(fresh);
        Ok(true)
    }
}

/// The snapshot a handler answers from.
pub struct Snapshot(pub Arc<AppState>);

impl axum::extract::FromRequestParts<Arc<Live>> for Snapshot {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        _parts: &mut axum::http::request::Parts,
        live: &Arc<Live>,
    ) -> Result<Self, Self::Rejection> {
        Ok(Snapshot(live.snapshot()))
    }
}

/// How often a server looks for writes made by other processes.
pub const REFRESH_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// The whole application.
pub fn router(state: Arc<Live>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/", get(pages::dashboard))
        .route("/persons", get(pages::directory))
        .route("/persons/{id}", get(pages::person))
        .route("/announcements/{id}", get(pages::announcement))
        .route("/static/vigil.css", get(pages::stylesheet))
        .route("/static/favicon.svg", get(pages::favicon))
        .route("/favicon.ico", get(pages::favicon))
        .route("/api/v1/stats/held", get(api::held))
        .route("/api/v1/stats/series", get(api::series))
        .route("/api/v1/stats/waves", get(api::waves))
        .route("/api/v1/stats/flow", get(api::flow))
        .route("/api/v1/check", get(api::check))
        .route("/api/v1/persons", get(api::persons))
        .route("/api/v1/persons/{id}", get(api::person))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/announcements/{id}", get(api::announcement))
        .route("/api/v1/search", get(api::search))
        .route(
            "/login",
            get(backoffice::login_page).post(editor::login_form),
        )
        .route("/logout", axum::routing::post(backoffice::logout))
        .route("/edit", get(backoffice::home))
        .route(
            "/edit/person",
            get(backoffice::open_query).post(backoffice::save_person),
        )
        .route("/edit/person/{id}", get(backoffice::open))
        .route("/edit/event", axum::routing::post(backoffice::save_event))
        .route("/edit/event/{id}", get(backoffice::open_event))
        .route("/edit/retract", axum::routing::post(backoffice::retract))
        .route(
            "/edit/extract",
            get(backoffice::extract_page).post(backoffice::extract_post),
        )
        .route(
            "/edit/record",
            get(backoffice::open_record).post(backoffice::save_record),
        )
        .route(
            "/api/v1/session",
            get(editor::whoami)
                .post(editor::login_json)
                .delete(editor::logout),
        )
        .route("/api/v1/records", axum::routing::post(editor::save_record))
        .route("/api/v1/records/{type}/{id}", get(editor::record))
        .route("/api/v1/audit", get(editor::audit))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// `GET /healthz`: 200 while the answers follow the store; 503 with the reason while the
/// snapshot is stale (a write landed that the server could not load).
async fn healthz(axum::extract::State(live): axum::extract::State<Arc<Live>>) -> Response {
    match live.stale() {
        None => "ok".into_response(),
        Some(reason) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "stale: the answers are from log entry {}; the store could not be loaded since: {reason}\n",
                live.snapshot().log.entries
            ),
        )
            .into_response(),
    }
}

/// Security headers on every response: nothing from another host may load, nothing may
/// frame the pages, no referrer leaves.
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Serves until Ctrl-C, picking up other processes' writes within a second.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<Live>) -> std::io::Result<()> {
    let watcher = Arc::clone(&state);
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(REFRESH_EVERY).await;
            // A failure is logged once, when the server becomes stale (`Live::mark`).
            let _ = watcher.refresh().await;
        }
    });
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}
