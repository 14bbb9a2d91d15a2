//! What handlers read a request with: axum's `Query`, `Path`, `Json` and `Form`
//! extractors, whose refusals (a query string that does not deserialize, a path that is
//! not UTF-8, a body that is not JSON or not of the right content type) are answered in
//! the server's error shape (`ErrorBody`) instead of axum's plain text, so every 4xx the
//! OpenAPI document names has the body it names.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::de::DeserializeOwned;

use crate::error::ErrorCode;
use crate::AppError;

/// An extractor's refusal as an [`AppError`]: its status where it is a client's error (a
/// 5xx from an extractor is a route written wrongly, logged as internal).
fn rejected(rejection: impl IntoResponse + std::fmt::Display, query: bool) -> AppError {
    let message = rejection.to_string();
    let status = rejection.into_response().status();
    let code = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
        s if s.is_server_error() => return AppError::Internal(message),
        _ if query => ErrorCode::BadParameter,
        _ => ErrorCode::BadRequest,
    };
    // A body that is JSON but not of the expected shape is 422 for axum; for this API any
    // request it cannot read is a 400, with the message saying what is wrong.
    let status = match code {
        ErrorCode::PayloadTooLarge | ErrorCode::UnsupportedMediaType => status,
        _ => StatusCode::BAD_REQUEST,
    };
    AppError::Rejected {
        status,
        code,
        message,
    }
}

/// The query string, deserialized; a refusal is a 400 `bad_parameter`.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Query(q.0))
            .map_err(|r| rejected(r, true))
    }
}

/// The path's parameters; a segment that does not decode is a 400 `bad_request`.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Path(p.0))
            .map_err(|r| rejected(r, false))
    }
}

/// A JSON request body (`Content-Type: application/json`); a refusal is a 400, 413 or 415.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = AppError;
    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        axum::Json::<T>::from_request(req, state)
            .await
            .map(|j| JsonBody(j.0))
            .map_err(|r| rejected(r, false))
    }
}

/// A form body (`application/x-www-form-urlencoded`); a refusal is a 400, 413 or 415.
pub struct Form<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = AppError;
    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        axum::Form::<T>::from_request(req, state)
            .await
            .map(|f| Form(f.0))
            .map_err(|r| rejected(r, false))
    }
}
