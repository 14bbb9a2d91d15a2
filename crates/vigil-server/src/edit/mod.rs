//! The editors' half: logging in (`login`), the editors' JSON API (`api`: records with
//! their version, saves, retractions, the audit trail), their server-rendered forms
//! (`pages`) and the paste-a-report page (`extract`); and here, what their pages share:
//! the page frame (with a logout button for whoever is logged in), the form's CSRF field,
//! and the answer to a caller the [`BackofficeEditor`](crate::auth::BackofficeEditor)
//! extractor turns away.

pub(crate) mod api;
pub(crate) mod extract;
pub(crate) mod fields;
pub(crate) mod login;
pub(crate) mod pages;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::{html, Markup};

use crate::auth::{Away, Principal, Via};

/// An editors' or viewers' page: the site's frame, with who is logged in and a logout
/// button (a session's; an API token has nothing to log out of).
pub(crate) fn page(title: &str, who: Option<&Principal>, body: &Markup) -> Html<String> {
    // The editors' pages are not translated yet: English, with the switch.
    let tr = crate::i18n::Tr::new(vigil_i18n::Lang::En, "/edit");
    crate::public::pages::shell(
        &tr,
        title,
        &html! {
            a href="/edit" { "Edit" }
            @if let Some(p) = who {
                span.who { (p.name) " (" (p.role.as_str()) ")" }
                @if let Via::Session { csrf } = &p.via {
                    form.logout #logout-form method="post" action="/logout" {
                        input type="hidden" name="csrf" value=(csrf);
                        button type="submit" { "Log out" }
                    }
                }
            }
        },
        &html! {},
        body,
    )
}

/// A refusal as a page: what was wrong, and the way back.
pub(crate) fn problem(p: &Principal, status: StatusCode, title: &str, message: &str) -> Response {
    (
        status,
        page(
            title,
            Some(p),
            &html! { h1 { (title) } p #problem { (message) } p { a href="/edit" { "Back" } } },
        ),
    )
        .into_response()
}

/// The CSRF token a session's forms carry (none for an API token).
pub(crate) fn csrf(p: &Principal) -> &str {
    match &p.via {
        Via::Session { csrf } => csrf,
        Via::Token => "",
    }
}

impl IntoResponse for Away {
    fn into_response(self) -> Response {
        match self {
            Away::Login => Redirect::to("/login").into_response(),
            Away::Forbidden(p) => (
                StatusCode::FORBIDDEN,
                page(
                    "Not an editor",
                    Some(&p),
                    &html! {
                        h1 { "Editing needs the editor role" }
                        p #problem { "You are logged in as " (p.name) ", a " (p.role.as_str()) ". Ask an admin for the editor role, or log out." }
                    },
                ),
            )
                .into_response(),
            Away::Refused(r) => r.into_response(),
        }
    }
}

/// A stored record, indented for reading.
pub(crate) fn pretty(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or_else(|_| body.to_string())
}

pub(crate) fn text(f: &std::collections::HashMap<String, String>, k: &str) -> Option<String> {
    f.get(k)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Said after a write that landed when the server could not load the registry again: the
/// write is stored, the public answers do not show it yet.
pub(crate) fn stale_warning(stale: Option<&str>) -> Markup {
    html! {
        @if let Some(reason) = stale {
            p #stale.problem {
                "Stored in the log, but the public answers are stale: this server could not load the registry again, so they do not show this change (nor any other since). "
                "Reason: " (reason)
            }
        }
    }
}
