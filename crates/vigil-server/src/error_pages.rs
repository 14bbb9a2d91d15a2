//! Error answers of the HTML pages as pages: a 400 or 404 outside `/api/` (a handler's
//! `AppError`, an extractor's refusal, a path no route has) is answered with a page in
//! the reader's language saying what was wrong, instead of the API's JSON error body or
//! an empty answer. The JSON API keeps its `ErrorBody` (its answers are language-free).

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde_json::Value;
use vigil_core::answer::parse_day;

use crate::i18n::Tr;

/// Most a JSON error body this rewrites can be (they are a few hundred bytes).
const MOST: usize = 64 * 1024;

/// Whether an answer to `path` is a page's (everything but the JSON API).
fn is_page(path: &str) -> bool {
    !(path == "/api" || path.starts_with("/api/"))
}

/// The middleware: a page's 400 or 404 answered with JSON or with nothing becomes an
/// HTML page in the reader's language, with the same status.
pub(crate) async fn html_errors(tr: Tr, request: Request, next: Next) -> Response {
    let page = is_page(request.uri().path());
    let query = request.uri().query().unwrap_or("").to_string();
    let response = next.run(request).await;
    let status = response.status();
    if !page || !matches!(status, StatusCode::BAD_REQUEST | StatusCode::NOT_FOUND) {
        return response;
    }
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let json = content_type.starts_with("application/json");
    if !(json || content_type.is_empty()) {
        // Already a page (an editor's form coming back, a page's own 404).
        return response;
    }
    let error = if json {
        let bytes = axum::body::to_bytes(response.into_body(), MOST)
            .await
            .unwrap_or_default();
        serde_json::from_slice::<Value>(&bytes).unwrap_or(Value::Null)["error"].clone()
    } else {
        Value::Null
    };
    // The language switch leads to the dashboard: the page never repeats the address it
    // was asked for (an id asked for is not echoed, whether or not it exists).
    let tr = tr.at("/");
    let (title, message) = words(&tr, status, &error, &query);
    let body = html! {
        h1 #error { (title) }
        p #problem role="alert" { (message) }
        p { a href=(format!("/?lang={}", tr.lang.code())) { (tr.t("error-home")) } }
    };
    (
        status,
        crate::public::pages::shell(&tr, &title, &html! {}, &html! {}, &body),
    )
        .into_response()
}

/// The page's heading and message for an error, in the reader's language.
fn words(tr: &Tr, status: StatusCode, error: &Value, query: &str) -> (String, String) {
    if status == StatusCode::NOT_FOUND {
        return (tr.t("not-found-title"), tr.t("error-not-found"));
    }
    let title = tr.t("error-bad-request-title");
    let Some(param) = error["param"].as_str() else {
        return (title, tr.t("error-bad-request"));
    };
    let value_of = |name: &str| {
        form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let value = value_of(param).unwrap_or_default();
    let message = match (param, value_of("from"), value_of("to")) {
        // Both ends are days, so the refusal is that the period runs backwards.
        ("from" | "to", Some(from), Some(to))
            if parse_day("from", &from).is_ok() && parse_day("to", &to).is_ok() =>
        {
            tr.with(
                "error-period-backwards",
                &[
                    ("from", tr.day_text(&from).into()),
                    ("to", tr.day_text(&to).into()),
                ],
            )
        }
        _ if value.trim().is_empty() => {
            tr.with("error-parameter-empty", &[("param", param.into())])
        }
        _ => tr.with(
            "error-parameter",
            &[("param", param.into()), ("value", value.as_str().into())],
        ),
    };
    (title, message)
}

#[cfg(test)]
mod tests {
    use super::is_page;

    #[test]
    fn only_the_json_api_keeps_json_errors() {
        for path in [
            "/",
            "/persons/nope",
            "/announcements",
            "/edit/person",
            "/apiary",
        ] {
            assert!(is_page(path), "{path}");
        }
        for path in ["/api", "/api/v1/persons/nope", "/api/v1/stats/held"] {
            assert!(!is_page(path), "{path}");
        }
    }
}
