//! Logging in and out: the login form and its anti-forgery cookie, `POST /login` (a
//! refusal answered as the form again, in the reader's language), the
//! JSON session (`/api/v1/session`: log in, who am I, log out) and `POST /logout` from a
//! page, which any logged-in caller (viewers too) may use.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use maud::html;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::{self, Address, Caller, Refusal, SignedInForm, Via, Viewer};
use crate::edit::page;
use crate::error::ErrorBody;
use crate::i18n::Tr;
use crate::input::{Form, JsonBody};
use crate::security::Event;
use crate::shapes::{JsonBodyRefusals, LoginForm, LogoutForm, NeedsViewer};
use crate::Live;

/// `GET /login`: the form, with a fresh token also set as a SameSite=Strict cookie; the
/// login only goes through when both match (no other site can post this form).
#[utoipa::path(get, path = "/login", tag = "pages",
    responses((status = 200, description = "The login form; sets the `vigil_login` cookie", content_type = "text/html", body = String)))]
pub async fn login_page(tr: Tr) -> Response {
    login_answer(&tr, StatusCode::OK, None)
}

/// The login form (with why the last attempt failed, if it did), under a fresh token.
fn login_answer(tr: &Tr, status: StatusCode, problem: Option<&str>) -> Response {
    let token = vigil_store::accounts::new_secret();
    let cookie = format!(
        "{}={token}; Path=/login; HttpOnly; Secure; SameSite=Strict; Max-Age=3600",
        auth::LOGIN_COOKIE
    );
    let title = tr.t("login-title");
    (
        status,
        [(header::SET_COOKIE, cookie)],
        page(
            tr,
            &title,
            None,
            &html! {
                h1 { (title) }
                @if let Some(problem) = problem { p #problem { (problem) } }
                form #login method="post" action="/login" {
                    input type="hidden" name="login_token" value=(token);
                    label { (tr.t("login-name")) " " input type="text" name="name" autocomplete="username" required; }
                    label { (tr.t("login-password")) " " input type="password" name="password" autocomplete="current-password" required; }
                    button type="submit" { (tr.t("login-button")) }
                }
            },
        ),
    )
        .into_response()
}

/// A refused login from the form, as a page in the reader's language: the form again,
/// saying why (a wrong name or password, or how long to wait).
fn login_refused(tr: &Tr, refusal: Refusal) -> Response {
    let (status, message) = match &refusal {
        Refusal::Unauthenticated => (StatusCode::UNAUTHORIZED, tr.t("login-wrong")),
        Refusal::TooMany(wait) => {
            let secs = i64::try_from(crate::security::retry_after(*wait)).unwrap_or(i64::MAX);
            let message = if secs < 60 {
                tr.count("login-wait-seconds", secs)
            } else {
                tr.count("login-wait-minutes", (secs + 59) / 60)
            };
            (StatusCode::TOO_MANY_REQUESTS, message)
        }
        Refusal::Csrf => (StatusCode::FORBIDDEN, tr.t("login-expired")),
        Refusal::Forbidden | Refusal::Internal(_) => return refusal.into_response(),
    };
    let mut response = login_answer(tr, status, Some(&message));
    if let Refusal::TooMany(wait) = refusal {
        response.headers_mut().insert(
            header::RETRY_AFTER,
            crate::security::retry_after(wait).into(),
        );
    }
    response
}

/// `POST /logout` from a page, by anyone logged in (the form carries the CSRF token).
#[utoipa::path(post, path = "/logout", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = LogoutForm, content_type = "application/x-www-form-urlencoded"),
    responses((status = 303, description = "Logged out (the cookie is cleared); to the dashboard", headers(("location" = String, description = "`/`"))),
        (status = 401, description = "`unauthenticated`: not logged in", body = ErrorBody),
        (status = 403, description = "`csrf`: the form's `csrf` field is not the session's, or the body is not a form", body = ErrorBody),
        (status = 413, description = "`payload_too_large`: the body is over 2 MB", body = ErrorBody)))]
pub async fn logout_form(
    State(live): State<Arc<Live>>,
    headers: axum::http::HeaderMap,
    SignedInForm(_): SignedInForm,
) -> Response {
    if let Some(id) = auth::session_id(&headers) {
        live.auth.logout(&id);
    }
    (
        [(header::SET_COOKIE, auth::cleared_cookie())],
        Redirect::to("/"),
    )
        .into_response()
}

/// `POST /api/v1/session`'s body (and the login form's fields).
#[derive(Deserialize, ToSchema)]
pub struct Credentials {
    /// The account's name.
    name: String,
    password: String,
    /// The login page's token (form logins only).
    #[serde(default)]
    #[schema(ignore)]
    login_token: Option<String>,
}

/// Who the caller is.
#[derive(Serialize, ToSchema)]
pub struct SessionAnswer {
    pub name: String,
    /// `viewer`, `editor` or `admin`.
    pub role: &'static str,
    /// The session's CSRF token, to send as `X-CSRF-Token` with every write; null for a
    /// caller with a bearer token, which needs none.
    pub csrf: Option<String>,
}

/// `POST /login` from the login form: a session cookie and to the editors' start page (a
/// viewer to the dashboard). The form
/// carries the token the login page set in a SameSite=Strict cookie, so a login form
/// posted from another site (login CSRF: logging someone in as the attacker) is refused.
#[utoipa::path(post, path = "/login", tag = "pages",
    request_body(content = LoginForm, content_type = "application/x-www-form-urlencoded"),
    responses((status = 303, description = "Logged in (sets the session cookie); an editor or admin to the editors' start page, a viewer to the dashboard", headers(("location" = String, description = "`/edit`, or `/` for a viewer"))),
        (status = 400, description = "`bad_request`: a form without a name or a password (a page in the reader\'s language)", content_type = "text/html", body = String),
        (status = 401, description = "Wrong name or password: the login form again, saying so in the reader's language (sets a new `vigil_login` cookie)", content_type = "text/html", body = String),
        (status = 403, description = "The form's `login_token` is not the `vigil_login` cookie's (an expired form, or one posted from another site): the login form again, saying so", content_type = "text/html", body = String),
        (status = 413, description = "`payload_too_large`: the body is over 2 MB", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: the body is not a form", body = ErrorBody),
        (status = 429, description = "Too many failed logins lately: the login form again, saying how long to wait", content_type = "text/html", body = String,
            headers(("retry-after" = u64, description = "Seconds to wait")))))]
pub async fn login_form(
    State(live): State<Arc<Live>>,
    Address(addr): Address,
    tr: Tr,
    headers: axum::http::HeaderMap,
    Form(c): Form<Credentials>,
) -> Response {
    let tr = tr.at("/login");
    let cookie = axum_extra::extract::cookie::CookieJar::from_headers(&headers)
        .get(auth::LOGIN_COOKIE)
        .map(|c| c.value().to_string());
    if cookie.is_none() || cookie != c.login_token {
        live.report(Event::Csrf {
            actor: None,
            from: addr.map_or_else(|| "an unknown address".into(), |a| a.to_string()),
            route: "POST /login".into(),
        })
        .await;
        return login_refused(&tr, Refusal::Csrf);
    }
    match auth::login(&live, &c.name, &c.password, addr).await {
        // Editors and admins land on their start page; a viewer, who cannot edit, on the
        // dashboard.
        Ok((id, s)) => (
            [(header::SET_COOKIE, auth::session_cookie(&id))],
            Redirect::to(if s.role >= vigil_core::access::Role::Editor {
                "/edit"
            } else {
                "/"
            }),
        )
            .into_response(),
        Err(r) => login_refused(&tr, r),
    }
}

/// `POST /api/v1/session`: log in from a script or the editors' pages; answers the CSRF
/// token to send as `X-CSRF-Token` with every write.
#[utoipa::path(post, path = "/api/v1/session", tag = "accounts", request_body = Credentials,
    responses((status = 200, description = "Logged in: the session cookie is set; send `csrf` as `X-CSRF-Token` with every write", body = SessionAnswer,
            headers(("set-cookie" = String, description = "The session cookie, `vigil_session`"))),
        (status = 400, description = "`bad_request`: a body that is not `{name, password}`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`: wrong name or password", body = ErrorBody),
        (status = 429, description = "`too_many_attempts`: too many failed logins lately", body = ErrorBody,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
        JsonBodyRefusals))]
pub async fn login_json(
    State(live): State<Arc<Live>>,
    Address(addr): Address,
    JsonBody(c): JsonBody<Credentials>,
) -> Response {
    match auth::login(&live, &c.name, &c.password, addr).await {
        Ok((id, s)) => (
            [(header::SET_COOKIE, auth::session_cookie(&id))],
            Json(SessionAnswer {
                name: s.name,
                role: s.role.as_str(),
                csrf: Some(s.csrf),
            }),
        )
            .into_response(),
        Err(r) => r.into_response(),
    }
}

/// `GET /api/v1/session`: who the caller is.
#[utoipa::path(get, path = "/api/v1/session", tag = "accounts", security(("bearer" = []), ("session" = [])),
    responses((status = 200, description = "The caller", body = SessionAnswer),
        (status = 401, description = "`unauthenticated`: no credentials, or an unknown, expired or revoked token", body = ErrorBody)))]
pub async fn whoami(Caller(p): Caller) -> Response {
    match p {
        None => Refusal::Unauthenticated.into_response(),
        Some(p) => {
            let csrf = match &p.via {
                Via::Session { csrf } => Some(csrf.clone()),
                Via::Token => None,
            };
            Json(SessionAnswer {
                name: p.name,
                role: p.role.as_str(),
                csrf,
            })
            .into_response()
        }
    }
}

/// `DELETE /api/v1/session`: log out (a write: the CSRF token is checked).
#[utoipa::path(delete, path = "/api/v1/session", tag = "accounts", security(("bearer" = []), ("session" = [], "csrf" = [])),
    responses((status = 204, description = "Logged out: the session ends and its cookie is cleared (a token stays valid: revoke it with `vigil token revoke`)"),
        NeedsViewer))]
pub async fn logout(
    State(live): State<Arc<Live>>,
    Viewer(_): Viewer,
    headers: axum::http::HeaderMap,
) -> Response {
    if let Some(id) = auth::session_id(&headers) {
        live.auth.logout(&id);
    }
    (
        [(header::SET_COOKIE, auth::cleared_cookie())],
        StatusCode::NO_CONTENT,
    )
        .into_response()
}
