//! vigil's web server: the public dashboard (server-rendered HTML, every asset embedded)
//! and the JSON API under `/api/v1/`, over the same store and counting engine as the CLI.
//!
//! **Architecture Invariant:** what the public may see is vigil-core's rule
//! (`Registry::is_public`, `Record::visibility`, `Audience::Public`); handlers never
//! filter or rewrite answers after the fact.

pub mod auth;
mod edit;
mod error;
mod error_pages;
pub mod forwarded;
pub mod i18n;
mod input;
pub mod limits;
mod links;
pub mod openapi;
pub mod public;
pub mod routes;
pub mod security;
mod shapes;
mod state;
mod trace;

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;

pub use error::{AppError, ErrorBody, ErrorCode};
pub use public::directory::Directory;
pub use state::{today, AppState, Live, LoadError, Snapshot, PAGE_CACHE_BYTES, REFRESH_EVERY};

/// The whole application: the route table (`routes`), the pages' errors as pages
/// (`error_pages`), then the request span and the security headers around every answer.
pub fn router(state: Arc<Live>) -> Router {
    routes::table()
        .into_router()
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error_pages::html_errors,
        ))
        .layer(middleware::from_fn(i18n::remember_language))
        .layer(middleware::from_fn(trace::request_span))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// `GET /healthz`: 200 while the answers follow the store; 503 with the reason while the
/// snapshot is stale (a write landed that the server could not load).
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "`ok`: ready", content_type = "text/plain", body = String),
        (status = 503, description = "Stale: the store could not be loaded since a write; the reason", content_type = "text/plain", body = String)))]
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
    // An answer for someone signed in, or from the editors' side, may hold what the public
    // must not see: no cache (a proxy's, a shared browser's) keeps it.
    // (The language switch's cookie alone does not make an answer private.)
    let signed_in = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains(auth::COOKIE) || v.contains(auth::LOGIN_COOKIE));
    let private = request.headers().contains_key(header::AUTHORIZATION)
        || signed_in
        || [
            "/edit",
            "/login",
            "/logout",
            "/api/v1/records",
            "/api/v1/session",
            "/api/v1/audit",
        ]
        .iter()
        .any(|p| request.uri().path().starts_with(p));
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    if private {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
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
