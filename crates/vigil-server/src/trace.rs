//! The request span: one `tracing` span per request with the method and the matched
//! route's *template* (`/persons/{id}`, never the path itself or the query string, which
//! can hold a person's name or id), and on the way out the status and the latency.
//!
//! A small middleware rather than tower-http's `TraceLayer`: its default span records the
//! whole URI, query string included, so using it safely means overriding every part of it;
//! this is the whole of what is wanted, in one screen. Events inside a request (a store
//! error logged by `AppError`) carry the span's fields. The closing line is at `debug`
//! (`RUST_LOG=vigil_server=debug`): by default a busy server logs only what needs reading.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

/// Wraps a request in its span and logs its status and latency when it is answered.
pub(crate) async fn request_span(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str)
        .to_string();
    let span = tracing::info_span!(
        "request",
        method = %request.method(),
        route = %route,
        status = tracing::field::Empty,
        latency_ms = tracing::field::Empty,
    );
    let started = Instant::now();
    async move {
        let response = next.run(request).await;
        let span = tracing::Span::current();
        let status = response.status().as_u16();
        let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
        span.record("status", status);
        span.record("latency_ms", latency_ms);
        tracing::debug!(status, latency_ms, "answered");
        response
    }
    .instrument(span)
    .await
}
