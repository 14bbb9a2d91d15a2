//! The OpenAPI document (`GET /api/v1/openapi.json`): every route of the route table
//! (`routes`), pages included, from the handlers' `#[utoipa::path]` annotations and the
//! answer types; the security schemes (bearer token; session cookie with `X-CSRF-Token`);
//! the error shape (`ErrorBody`, the type the server writes) on every 4xx and 5xx. The
//! pieces handlers name in their annotations (refusal sets, parameter values, form fields)
//! are in `shapes`, which imports no handler.
//!
//! The HTML pages are in it on purpose: they are routes of the server like the JSON ones
//! (the issue asks for every route), their forms are written to as an API by the editors'
//! browsers, and schemathesis (`.ci/schemathesis`) sends them what it sends the JSON API.
//! They are tagged `pages`, and answer `text/html`.

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::{ErrorBody, ErrorCode, ErrorDetail};
use crate::shapes::{
    error, EventForm, ExtractForm, FieldsForm, LoginForm, LogoutForm, PersonForm, RecordForm,
    RetractForm, RevokeTokenForm, SheetForm,
};

/// The document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "vigil",
        description = "Counts of political prisoners, with bounds where dates are uncertain; the public registry; the editors' API and pages. Every error answer is an `ErrorBody`. The examples' ids (p1, p1e0, a-BY-2020-1) are in the demo registry of `vigil serve --demo`."
    ),
    paths(
        crate::healthz,
        crate::public::pages::dashboard,
        crate::public::pages::directory,
        crate::public::pages::person,
        crate::public::pages::announcement,
        crate::public::pages::stylesheet,
        crate::public::pages::favicon,
        crate::public::pages::favicon_ico,
        crate::public::api::held,
        crate::public::api::series,
        crate::public::api::waves,
        crate::public::api::flow,
        crate::public::releases::releases,
        crate::public::releases::released,
        crate::public::api::check,
        crate::public::api::persons,
        crate::public::api::person,
        document,
        crate::public::api::announcement,
        crate::public::api::search,
        crate::public::calendar::calendar_page,
        crate::public::calendar::calendar_ics,
        crate::public::calendar::calendar_json,
        crate::edit::login::login_page,
        crate::edit::login::login_form,
        crate::edit::login::logout_form,
        crate::edit::pages::home,
        crate::edit::pages::open_query,
        crate::edit::pages::save_person,
        crate::edit::pages::open,
        crate::edit::pages::save_event,
        crate::edit::pages::open_event,
        crate::edit::pages::retract,
        crate::edit::lists::persons,
        crate::edit::lists::announcements,
        crate::edit::lists::sources,
        crate::edit::lists::figures,
        crate::edit::places::places,
        crate::edit::lists::changes,
        crate::edit::lists::review,
        crate::edit::records::new_record,
        crate::edit::records::open_form,
        crate::edit::records::save_form,
        crate::edit::extract::extract_page,
        crate::edit::extract::extract_post,
        crate::edit::record::open_record,
        crate::edit::record::save_record,
        crate::edit::sheet::sheet_page,
        crate::edit::sheet::sheet_post,
        crate::edit::sheet::template,
        crate::edit::tokens::list,
        crate::edit::tokens::revoke,
        crate::edit::login::whoami,
        crate::edit::login::login_json,
        crate::edit::login::logout,
        crate::edit::api::save_record,
        crate::edit::api::record,
        crate::edit::api::audit,
    ),
    components(schemas(
        ErrorBody,
        ErrorDetail,
        ErrorCode,
        LoginForm,
        LogoutForm,
        PersonForm,
        EventForm,
        RetractForm,
        RecordForm,
        ExtractForm,
        SheetForm,
        FieldsForm,
        RevokeTokenForm
    )),
    modifiers(&Common),
    tags(
        (name = "statistics", description = "The contract's questions: held, series, waves, flow, check, announcements."),
        (name = "registry", description = "Public persons, search, and this document."),
        (name = "accounts", description = "Logging in and out."),
        (name = "records", description = "The editors' JSON API: records with their versions, saves, the audit trail."),
        (name = "pages", description = "The HTML pages (the public dashboard and the editors' side) and their form posts."),
        (name = "operations", description = "Readiness and static assets."),
    )
)]
pub struct ApiDoc;

/// `GET /api/v1/openapi.json`.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "registry",
    responses((status = 200, description = "This document (OpenAPI 3.1)", content_type = "application/json", body = Object)))]
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// Security schemes, and the 500 every route can answer.
struct Common;

impl Modify for Common {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API token from `vigil token create --role viewer|editor|admin`, as `Authorization: Bearer TOKEN`. Not an ambient credential: writes with it need no CSRF token.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::COOKIE,
                "The session cookie set by `POST /api/v1/session` or `POST /login` (Secure, HttpOnly, SameSite=Strict; 12 hours). Checked against the account on every request.",
            ))),
        );
        components.add_security_scheme(
            "csrf",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-CSRF-Token",
                "A session's CSRF token (`csrf` in the login answer), sent with every write of that session; forms send it as their `csrf` field.",
            ))),
        );
        for item in doc.paths.paths.values_mut() {
            for op in [&mut item.get, &mut item.post, &mut item.delete]
                .into_iter()
                .flatten()
            {
                op.responses
                    .responses
                    .entry("500".into())
                    .or_insert_with(|| {
                        error("`internal`: a failure inside the server, logged there")
                    });
            }
        }
    }
}
