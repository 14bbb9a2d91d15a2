//! `AppError`: what a request can fail with, and the answer each failure gets. Internals
//! (a store error, a task that panicked) are logged with `tracing` inside the request's
//! span and answered as a generic 500 with the stable code `internal`, never with their text.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use vigil_core::answer::ParamError;
use vigil_store::StoreError;

/// What a request can fail with. Internals are logged, never shown.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Param(#[from] ParamError),
    #[error("not found")]
    NotFound,
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> AppError {
        AppError::Internal(format!("a blocking task failed: {e}"))
    }
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
            AppError::Store(_) | AppError::Internal(_) => {
                tracing::error!(error = %self, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    serde_json::json!({ "error": { "code": "internal" } }),
                )
            }
        };
        (status, axum::Json(body)).into_response()
    }
}
