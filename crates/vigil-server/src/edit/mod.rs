//! The editors' half: logging in (`login`), the editors' JSON API (`api`: records with
//! their version, saves, retractions, the audit trail), their server-rendered forms
//! (`spec` the fields as data, `forms` drawing them, `person` a person's page with her
//! events, `records` announcements, figures and sources, `write` a form's save with the
//! ids `ids` makes, `lists` the lists to work from, `pages` the start page and
//! retractions, `record` any record as JSON), the paste-a-report page (`extract`) and the admins' token page
//! (`tokens`); and here, what their pages share: the page frame (in the reader's language,
//! with who is logged in and a logout button), the form's CSRF field, a store's refusal
//! in words, and the answer to a caller the back-office extractors
//! ([`BackofficeEditor`](crate::auth::BackofficeEditor),
//! [`BackofficeAdmin`](crate::auth::BackofficeAdmin)) turn away.

pub(crate) mod api;
pub(crate) mod case_inputs;
pub(crate) mod extract;
pub(crate) mod forms;
pub(crate) mod ids;
pub(crate) mod lists;
pub(crate) mod login;
pub(crate) mod pages;
pub(crate) mod person;
pub(crate) mod pick;
pub(crate) mod places;
pub(crate) mod proposals;
pub(crate) mod record;
pub(crate) mod records;
pub(crate) mod sheet;
pub(crate) mod sheet_words;
pub(crate) mod spec;
pub(crate) mod tokens;
pub(crate) mod write;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::{html, Markup};
use vigil_core::access::Role;
use vigil_core::record::RecordType;
use vigil_i18n::Arg;
use vigil_store::ops::Refusal as Refused;

use crate::auth::{Away, Principal, Via};
use crate::edit::api::Unsaved;
use crate::i18n::Tr;

/// An editors' or viewers' page: the site's frame in the reader's language (its links
/// lead to the editors' start page too), with who is logged in and a logout button (a
/// session's; an API token has nothing to log out of), and for an admin the way to the
/// tokens.
pub(crate) fn page(tr: &Tr, title: &str, who: Option<&Principal>, body: &Markup) -> Html<String> {
    crate::public::pages::shell(
        tr,
        title,
        &html! {
            @if let Some(p) = who {
                @if p.role == Role::Admin {
                    a href="/edit/tokens" { (tr.t("edit-nav-tokens")) }
                }
                span.who { (tr.with("edit-who", &[("name", p.name.as_str().into()), ("role", role(tr, p.role).into())])) }
                @if let Via::Session { csrf } = &p.via {
                    form.logout #logout-form method="post" action="/logout" {
                        input type="hidden" name="csrf" value=(csrf);
                        button type="submit" { (tr.t("logout")) }
                    }
                }
            }
        },
        &html! {},
        body,
    )
}

/// A refusal as a page: what was wrong, and the way back.
pub(crate) fn problem(
    tr: &Tr,
    p: &Principal,
    status: StatusCode,
    title: &str,
    message: &str,
) -> Response {
    (
        status,
        page(
            tr,
            title,
            Some(p),
            &html! { h1 { (title) } p #problem { (message) } p { a href="/edit" { (tr.t("edit-back")) } } },
        ),
    )
        .into_response()
}

/// The answer to a form's save that stored its record: 303 See Other to the saved
/// record's page (`path`, with `saved=SEQ` and the reader's language), which says it is
/// saved. Post/redirect/get: reloading that page reads it again, it cannot save twice.
pub(crate) fn saved_redirect(tr: &Tr, path: &str, seq: u64) -> Response {
    let sep = if path.contains('?') { '&' } else { '?' };
    let target = format!("{path}{sep}saved={seq}&lang={}", tr.lang.code());
    let mut response = Redirect::to(&target).into_response();
    // A page of its own, as the OpenAPI document says (text/html), for a client that does
    // not follow the redirect.
    *response.body_mut() =
        axum::body::Body::from(html! { a href=(target) { (target) } }.into_string());
    response.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// The query of a record's page a save redirected to: the log entry it saved.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SavedAt {
    /// The log entry a save from this page's form just wrote (the page says it is saved).
    #[param(example = 12)]
    pub saved: Option<u64>,
}

impl SavedAt {
    /// The "saved" notice for the top of the page, if a save led here.
    pub(crate) fn banner(&self, live: &crate::Live, tr: &Tr) -> Markup {
        self.saved.map_or_else(
            || html! {},
            |seq| crate::edit::person::saved_banner(tr, seq, live.stale().as_deref()),
        )
    }
}

/// The CSRF token a session's forms carry (none for an API token).
pub(crate) fn csrf(p: &Principal) -> &str {
    match &p.via {
        Via::Session { csrf } => csrf,
        Via::Token => "",
    }
}

/// An account's role in words.
pub(crate) fn role(tr: &Tr, role: Role) -> String {
    tr.term("account-role", role.as_str())
}

/// A record type in words.
pub(crate) fn record_type(tr: &Tr, rtype: RecordType) -> String {
    tr.term("record-type", rtype.as_str())
}

/// Why the store refused a write, in the reader's language (the JSON API says it in
/// English, from the refusal's `Display`).
pub(crate) fn refusal(tr: &Tr, r: &Refused) -> String {
    let text = |s: &str| Arg::from(s);
    match r {
        Refused::Taken { rtype, rid, seq } => tr.with(
            "refused-taken",
            &[
                ("type", record_type(tr, *rtype).into()),
                ("id", text(rid)),
                ("seq", seq.to_string().into()),
            ],
        ),
        Refused::Stale {
            rtype,
            rid,
            current: Some(seq),
        } => tr.with(
            "refused-stale",
            &[
                ("type", record_type(tr, *rtype).into()),
                ("id", text(rid)),
                ("seq", seq.to_string().into()),
            ],
        ),
        Refused::Stale {
            rtype,
            rid,
            current: None,
        } => tr.with(
            "refused-stale-gone",
            &[("type", record_type(tr, *rtype).into()), ("id", text(rid))],
        ),
        Refused::MissingReference {
            rtype,
            rid,
            field,
            target,
            target_id,
        } => tr.with(
            "refused-missing-reference",
            &[
                ("type", record_type(tr, *rtype).into()),
                ("id", text(rid)),
                ("field", text(field)),
                ("target", record_type(tr, *target).into()),
                ("target_id", text(target_id)),
            ],
        ),
        Refused::NotFound { rtype, rid } => tr.with(
            "refused-not-found",
            &[("type", record_type(tr, *rtype).into()), ("id", text(rid))],
        ),
        Refused::InUse {
            rtype,
            rid,
            first,
            count,
        } => {
            let mut users: Vec<String> = first
                .iter()
                .map(|(t, id)| format!("{} '{id}'", record_type(tr, *t)))
                .collect();
            let more = count.saturating_sub(first.len() as u64);
            if more > 0 {
                users.push(tr.count("refused-more", i64::try_from(more).unwrap_or(i64::MAX)));
            }
            tr.with(
                "refused-in-use",
                &[
                    ("type", record_type(tr, *rtype).into()),
                    ("id", text(rid)),
                    ("users", users.join(", ").into()),
                ],
            )
        }
        Refused::AlreadyMerged { merged, keep } => tr.with(
            "refused-already-merged",
            &[("merged", text(merged)), ("keep", text(keep))],
        ),
        Refused::NotMerged(id) => tr.with("refused-not-merged", &[("id", text(id))]),
        Refused::SelfMerge(id) => tr.with("refused-self-merge", &[("id", text(id))]),
        Refused::MergeLoop { keep, merged } => tr.with(
            "refused-merge-loop",
            &[("keep", text(keep)), ("merged", text(merged))],
        ),
    }
}

/// Why a save or a retraction was not made, in the reader's language. A record that does
/// not parse is named in vigil-core's words (English: they name the field and the value).
pub(crate) fn unsaved(tr: &Tr, u: &Unsaved) -> String {
    match u {
        Unsaved::Record(message) => {
            tr.with("unsaved-record", &[("message", message.as_str().into())])
        }
        Unsaved::AboveRole => tr.t("unsaved-above-role"),
        Unsaved::NoVersion { rtype, id } => tr.with(
            "unsaved-no-version",
            &[
                ("type", record_type(tr, *rtype).into()),
                ("id", id.as_str().into()),
            ],
        ),
        Unsaved::Refused(r) => refusal(tr, r),
    }
}

impl IntoResponse for Away {
    fn into_response(self) -> Response {
        match self {
            Away::Login(None) => Redirect::to("/login").into_response(),
            Away::Login(Some(lang)) => {
                Redirect::to(&format!("/login?lang={}", lang.code())).into_response()
            }
            Away::Forbidden { who, needs, tr } => {
                let heading = if needs == Role::Admin {
                    tr.t("forbidden-heading-admin")
                } else {
                    tr.t("forbidden-heading-editor")
                };
                let message = tr.with(
                    "forbidden-message",
                    &[
                        ("name", who.name.as_str().into()),
                        ("role", role(&tr, who.role).into()),
                        ("needs", role(&tr, needs).into()),
                    ],
                );
                (
                    StatusCode::FORBIDDEN,
                    page(
                        &tr,
                        &tr.t("forbidden-title"),
                        Some(&who),
                        &html! { h1 { (heading) } p #problem { (message) } },
                    ),
                )
                    .into_response()
            }
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
pub(crate) fn stale_warning(tr: &Tr, stale: Option<&str>) -> Markup {
    html! {
        @if let Some(reason) = stale {
            p #stale.problem { (tr.with("stale-warning", &[("reason", reason.into())])) }
        }
    }
}
