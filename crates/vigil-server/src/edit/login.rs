//! Logging in and out: the login form and its anti-forgery cookie, `POST /login`, the
//! JSON session (`/api/v1/session`: log in, who am I, log out) and `POST /logout` from a
//! page, which any logged-in caller (viewers too) may use.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use maud::html;
use serde::Deserialize;
use serde_json::json;

use crate::auth::{self, Address, Caller, Refusal, SignedInForm, Via, Viewer};
use crate::edit::page;
use crate::security::Event;
use crate::Live;

/// `GET /login`: the form, with a fresh token also set as a SameSite=Strict cookie; the
/// login only goes through when both match (no other site can post this form).
pub async fn login_page() -> Response {
    let token = vigil_store::accounts::new_secret();
    let cookie = format!(
        "{}={token}; Path=/login; HttpOnly; Secure; SameSite=Strict; Max-Age=3600",
        auth::LOGIN_COOKIE
    );
    (
        [(header::SET_COOKIE, cookie)],
        page(
            "Log in",
            None,
            &html! {
                h1 { "Log in" }
                form #login method="post" action="/login" {
                    input type="hidden" name="login_token" value=(token);
                    label { "Name " input type="text" name="name" autocomplete="username" required; }
                    label { "Password " input type="password" name="password" autocomplete="current-password" required; }
                    button type="submit" { "Log in" }
                }
            },
        ),
    )
        .into_response()
}

/// `POST /logout` from a page, by anyone logged in (the form carries the CSRF token).
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

#[derive(Deserialize)]
pub struct Credentials {
    name: String,
    password: String,
    /// The login page's token (form logins only).
    #[serde(default)]
    login_token: Option<String>,
}

/// `POST /login` from the login form: a session cookie and back to the dashboard. The form
/// carries the token the login page set in a SameSite=Strict cookie, so a login form
/// posted from another site (login CSRF: logging someone in as the attacker) is refused.
pub async fn login_form(
    State(live): State<Arc<Live>>,
    Address(addr): Address,
    headers: axum::http::HeaderMap,
    Form(c): Form<Credentials>,
) -> Response {
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
        return Refusal::Csrf.into_response();
    }
    match auth::login(&live, &c.name, &c.password, addr).await {
        Ok((id, _)) => (
            [(header::SET_COOKIE, auth::session_cookie(&id))],
            Redirect::to("/"),
        )
            .into_response(),
        Err(r) => r.into_response(),
    }
}

/// `POST /api/v1/session`: log in from a script or the editors' pages; answers the CSRF
/// token to send as `X-CSRF-Token` with every write.
pub async fn login_json(
    State(live): State<Arc<Live>>,
    Address(addr): Address,
    Json(c): Json<Credentials>,
) -> Response {
    match auth::login(&live, &c.name, &c.password, addr).await {
        Ok((id, s)) => (
            [(header::SET_COOKIE, auth::session_cookie(&id))],
            Json(json!({ "name": s.name, "role": s.role.as_str(), "csrf": s.csrf })),
        )
            .into_response(),
        Err(r) => r.into_response(),
    }
}

/// `GET /api/v1/session`: who the caller is.
pub async fn whoami(Caller(p): Caller) -> Response {
    match p {
        None => Refusal::Unauthenticated.into_response(),
        Some(p) => {
            let csrf = match &p.via {
                Via::Session { csrf } => Some(csrf.clone()),
                Via::Token => None,
            };
            Json(json!({ "name": p.name, "role": p.role.as_str(), "csrf": csrf })).into_response()
        }
    }
}

/// `DELETE /api/v1/session`: log out (a write: the CSRF token is checked).
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
