//! `AppError`: what a request can fail with, and the answer each failure gets; and
//! `ErrorBody`, the one JSON shape of every error answer (the OpenAPI document's `ErrorBody`
//! schema is derived from this type, so the document and the answers cannot differ).
//! Internals (a store error, a task that panicked) are logged with `tracing` inside the
//! request's span and answered as a generic 500 with the stable code `internal`, never
//! with their text.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;
use vigil_core::answer::ParamError;
use vigil_store::StoreError;

/// The body of every error answer: `{"error": {"code": …}}` with what else the code says.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong: a stable code, and for some codes more.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    pub code: ErrorCode,
    /// `bad_parameter` from a parameter's own check: the parameter, as the caller named it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// What is wrong, for a person to read (never an internal error's text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// `conflict`: the record's version now (absent when it has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u64>,
    /// `conflict`: the record as stored now, in the interchange format (null when it is
    /// gone).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub current: Option<Value>,
}

/// The stable error codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// 400: a query parameter is missing, of the wrong type or out of range.
    BadParameter,
    /// 400: a path segment or a request body the server cannot read.
    BadRequest,
    /// 400: a record that does not parse or may not be saved (`POST /api/v1/records`).
    BadRecord,
    /// 401: no credentials, or unknown, expired or revoked ones; a refused login.
    Unauthenticated,
    /// 403: the caller's role does not allow it.
    Forbidden,
    /// 403: a session's write without its CSRF token (`X-CSRF-Token`, or the form's field).
    Csrf,
    /// 404: no such thing, or not one the caller may see.
    NotFound,
    /// 409: the record changed since the version the save was made against.
    Conflict,
    /// 413: the request body is too large.
    PayloadTooLarge,
    /// 415: the request body is not of the content type the route reads.
    UnsupportedMediaType,
    /// 429: too many failed logins; `Retry-After` says when to try again.
    TooManyAttempts,
    /// 500: something failed inside the server (it is logged there).
    Internal,
}

impl ErrorBody {
    #[must_use]
    pub fn new(code: ErrorCode) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code,
                param: None,
                message: None,
                version: None,
                current: None,
            },
        }
    }

    #[must_use]
    pub fn message(mut self, message: impl Into<String>) -> ErrorBody {
        self.error.message = Some(message.into());
        self
    }

    /// The answer, with `status`.
    #[must_use]
    pub fn respond(self, status: StatusCode) -> Response {
        (status, axum::Json(self)).into_response()
    }
}

/// What a request can fail with. Internals are logged, never shown.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Param(#[from] ParamError),
    /// A request axum's extractors could not read (`input`): the status they chose (400,
    /// 413 or 415) and what they said.
    #[error("{message}")]
    Rejected {
        status: StatusCode,
        code: ErrorCode,
        message: String,
    },
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
        match self {
            AppError::Param(e) => {
                let mut body = ErrorBody::new(ErrorCode::BadParameter).message(e.message);
                body.error.param = Some(e.param.to_string());
                body.respond(StatusCode::BAD_REQUEST)
            }
            AppError::Rejected {
                status,
                code,
                message,
            } => ErrorBody::new(code).message(message).respond(status),
            AppError::NotFound => {
                ErrorBody::new(ErrorCode::NotFound).respond(StatusCode::NOT_FOUND)
            }
            AppError::Store(_) | AppError::Internal(_) => {
                tracing::error!(error = %self, "request failed");
                ErrorBody::new(ErrorCode::Internal).respond(StatusCode::INTERNAL_SERVER_ERROR)
            }
        }
    }
}
