//! The admins' API tokens page (`/edit/tokens`): every token with its id (the first 12 hex
//! digits of its hash), name, role, dates and whether it is revoked, and a revoke button
//! for each one still in force. A revocation goes through `Store::save_token` with its
//! audit row, as `vigil token revoke` does, and is refused at once: every request reads
//! its token from the store. Secrets are never shown (only their hashes are kept).

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use vigil_store::accounts::{token_id, AuditRow, TokenRow};

use crate::auth::{AdminForm, BackofficeAdmin, Principal};
use crate::edit::api::now;
use crate::edit::{csrf, page, problem, role, text};
use crate::i18n::Tr;
use crate::shapes::{AdminFormRefusals, AdminPage, RevokeTokenForm};
use crate::Live;

/// The tokens as a table, each in force with its revoke form.
fn token_table(tr: &Tr, p: &Principal, tokens: &[(String, TokenRow)], at: &str) -> Markup {
    html! {
        @if tokens.is_empty() {
            p #no-tokens { (tr.t("tokens-none")) }
        } @else {
            table #tokens {
                thead { tr {
                    th scope="col" { (tr.t("col-id")) } th scope="col" { (tr.t("col-name")) } th scope="col" { (tr.t("col-role")) }
                    th scope="col" { (tr.t("col-created")) } th scope="col" { (tr.t("col-expires")) } th scope="col" { (tr.t("col-revoked")) } th scope="col" {}
                } }
                tbody {
                    @for (hash, t) in tokens {
                        @let id = token_id(hash);
                        tr id={ "token-" (id) } {
                            td { code { (id) } }
                            td { (t.name) }
                            td { (role(tr, t.role)) }
                            td { (tr.time(&t.created)) }
                            td {
                                @match &t.expires {
                                    None => (tr.t("token-never")),
                                    Some(e) => {
                                        (tr.time(e))
                                        @if e.as_str() <= at { " (" (tr.t("token-expired")) ")" }
                                    }
                                }
                            }
                            td.revoked { @if t.revoked { (tr.t("yes")) } @else { (tr.t("no")) } }
                            td {
                                @if !t.revoked {
                                    form.revoke id={ "revoke-" (id) } method="post" action="/edit/tokens/revoke" {
                                        input type="hidden" name="csrf" value=(csrf(p));
                                        input type="hidden" name="id" value=(id);
                                        button type="submit" { (tr.t("button-revoke")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The page: a notice (what a revocation came to) above the list.
async fn tokens_page(
    live: &Live,
    tr: &Tr,
    p: &Principal,
    status: StatusCode,
    notice: Markup,
) -> Response {
    let tokens = match live.read(|store| store.tokens()).await {
        Ok(t) => t,
        Err(e) => return e.into_response(),
    };
    let title = tr.t("tokens-title");
    (
        status,
        page(
            tr,
            &title,
            Some(p),
            &html! {
                h1 { (title) }
                (notice)
                p { (tr.t("tokens-intro")) " " (tr.t("tokens-make")) " " code { "vigil token create --role viewer" } }
                (token_table(tr, p, &tokens, &now()))
            },
        ),
    )
        .into_response()
}

/// `GET /edit/tokens`: every API token, for admins.
#[utoipa::path(get, path = "/edit/tokens", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The tokens: id, name, role, created, expires, revoked; a revoke form for each one in force", content_type = "text/html", body = String), AdminPage))]
pub async fn list(
    State(live): State<Arc<Live>>,
    BackofficeAdmin(p): BackofficeAdmin,
    tr: Tr,
) -> Response {
    tokens_page(&live, &tr, &p, StatusCode::OK, html! {}).await
}

/// What a revocation came to.
enum Revoked {
    Done { id: String, name: String },
    Already { id: String, name: String },
    NotFound,
}

/// `POST /edit/tokens/revoke`: revoke one token, by its id, as an admin; audited.
#[utoipa::path(post, path = "/edit/tokens/revoke", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = RevokeTokenForm, content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, description = "Revoked: refused from now on; the list again", content_type = "text/html", body = String),
        (status = 400, description = "No token id", content_type = "text/html", body = String),
        (status = 404, description = "No token has this id", content_type = "text/html", body = String),
        (status = 409, description = "The token is already revoked", content_type = "text/html", body = String),
        AdminFormRefusals))]
pub async fn revoke(State(live): State<Arc<Live>>, tr: Tr, form: AdminForm) -> Response {
    let tr = tr.at("/edit/tokens");
    let p = form.admin().clone();
    let Some(id) = text(&form.fields, "id").map(|i| i.to_ascii_lowercase()) else {
        return problem(
            &tr,
            &p,
            StatusCode::BAD_REQUEST,
            &tr.t("token-not-revoked"),
            &tr.t("token-no-id"),
        );
    };
    let wanted = id.clone();
    let outcome = live
        .administer(&form, move |store, admin| {
            // The whole id, not a prefix: a form names the one token it was shown with.
            // (Two tokens sharing 48 bits of their hashes would both be refused here;
            // `vigil token revoke` takes more of the hash.)
            let found: Vec<(String, TokenRow)> = store
                .tokens()?
                .into_iter()
                .filter(|(h, _)| token_id(h) == wanted)
                .collect();
            let Ok([(hash, row)]) = <[_; 1]>::try_from(found) else {
                return Ok(Revoked::NotFound);
            };
            let (id, name) = (token_id(&hash).to_string(), row.name.clone());
            if row.revoked {
                return Ok(Revoked::Already { id, name });
            }
            let revoked = TokenRow {
                revoked: true,
                ..row
            };
            store.save_token(
                &hash,
                &revoked,
                &AuditRow {
                    at: now(),
                    actor: admin.name.clone(),
                    action: "token revoke".into(),
                    subject: format!("{name} ({id})"),
                },
            )?;
            Ok(Revoked::Done { id, name })
        })
        .await;
    let args = |id: &str, name: &str| {
        [
            ("id", id.to_string().into()),
            ("name", name.to_string().into()),
        ]
    };
    match outcome {
        Ok(Revoked::Done { id, name }) => {
            let notice = html! { p #revoked { (tr.with("token-revoked", &args(&id, &name))) } };
            tokens_page(&live, &tr, &p, StatusCode::OK, notice).await
        }
        Ok(Revoked::Already { id, name }) => {
            let notice =
                html! { p #problem { (tr.with("token-already-revoked", &args(&id, &name))) } };
            tokens_page(&live, &tr, &p, StatusCode::CONFLICT, notice).await
        }
        Ok(Revoked::NotFound) => {
            let notice =
                html! { p #problem { (tr.with("token-not-found", &[("id", id.into())])) } };
            tokens_page(&live, &tr, &p, StatusCode::NOT_FOUND, notice).await
        }
        Err(e) => e.into_response(),
    }
}
