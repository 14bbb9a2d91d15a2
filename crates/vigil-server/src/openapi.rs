//! The OpenAPI document (`GET /api/v1/openapi.json`): every route of the route table
//! (`routes`), pages included, from the handlers' `#[utoipa::path]` annotations and the
//! answer types; the security schemes (bearer token; session cookie with `X-CSRF-Token`);
//! the error shape (`ErrorBody`, the type the server writes) on every 4xx and 5xx; and the
//! fields of the form posts, which handlers read from a map.
//!
//! The HTML pages are in it on purpose: they are routes of the server like the JSON ones
//! (the issue asks for every route), their forms are written to as an API by the editors'
//! browsers, and schemathesis (`.ci/schemathesis`) sends them what it sends the JSON API.
//! They are tagged `pages`, and answer `text/html`.

use std::collections::BTreeMap;

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{IntoResponses, Modify, OpenApi, ToSchema};

use crate::error::{ErrorBody, ErrorCode, ErrorDetail};

/// The document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "vigil",
        description = "Counts of political prisoners, with bounds where dates are uncertain; the public registry; the editors' API and pages. Every error answer is an `ErrorBody`."
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
        crate::public::api::check,
        crate::public::api::persons,
        crate::public::api::person,
        document,
        crate::public::api::announcement,
        crate::public::api::search,
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
        crate::edit::extract::extract_page,
        crate::edit::extract::extract_post,
        crate::edit::pages::open_record,
        crate::edit::pages::save_record,
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
        ExtractForm
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

/// A response whose body is an [`ErrorBody`].
fn error(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
        .into()
}

fn responses(list: &[(&str, &str)]) -> BTreeMap<String, RefOr<Response>> {
    list.iter()
        .map(|(status, description)| ((*status).to_string(), error(description)))
        .collect()
}

/// The refusals of a route that needs a viewer (or more) through the JSON API.
pub struct NeedsViewer;

impl IntoResponses for NeedsViewer {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses(&[
            (
                "401",
                "`unauthenticated`: no credentials, or an unknown, expired or revoked token",
            ),
            (
                "403",
                "`csrf`: a session's write without its `X-CSRF-Token`",
            ),
        ])
    }
}

/// The refusals of a route that needs an editor or an admin through the JSON API.
pub struct NeedsEditor;

impl IntoResponses for NeedsEditor {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses(&[
            ("401", "`unauthenticated`: no credentials, or an unknown, expired or revoked token"),
            ("403", "`forbidden`: the role does not allow it; `csrf`: a session's write without its `X-CSRF-Token`"),
        ])
    }
}

/// What a JSON body can be refused with before the handler reads it.
pub struct JsonBodyRefusals;

impl IntoResponses for JsonBodyRefusals {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses(&[
            ("413", "`payload_too_large`: the body is over 2 MB"),
            (
                "415",
                "`unsupported_media_type`: the body is not `application/json`",
            ),
        ])
    }
}

/// What an editor's form post (`EditorForm`) is refused with, and what any body can be.
pub struct EditorFormRefusals;

impl IntoResponses for EditorFormRefusals {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses(&[
            ("401", "`unauthenticated`: not logged in, or an unknown, expired or revoked token"),
            ("403", "`forbidden`: not an editor; `csrf`: a session's form without its `csrf` field, or a body that is not a form"),
            ("413", "`payload_too_large`: the body is over 2 MB"),
        ])
    }
}

/// An HTML answer.
fn html(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "text/html",
            ContentBuilder::new()
                .schema(Some(utoipa::openapi::schema::Object::with_type(
                    utoipa::openapi::schema::Type::String,
                )))
                .build(),
        )
        .build()
        .into()
}

/// How an editors' page (`BackofficeEditor`) turns a caller away.
pub struct EditorPage;

impl IntoResponses for EditorPage {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let login = ResponseBuilder::new()
            .description("Not logged in: to the login page")
            .header(
                "location",
                utoipa::openapi::HeaderBuilder::new()
                    .schema(utoipa::openapi::schema::Object::with_type(
                        utoipa::openapi::schema::Type::String,
                    ))
                    .description(Some("`/login`"))
                    .build(),
            )
            .build();
        BTreeMap::from([
            ("303".to_string(), login.into()),
            (
                "401".to_string(),
                error("`unauthenticated`: an unknown, expired or revoked token"),
            ),
            (
                "403".to_string(),
                html("Logged in, but not as an editor: a page saying so, with a way to log out"),
            ),
        ])
    }
}

/// What a save from an editor's form answers.
pub struct SavedPage;

impl IntoResponses for SavedPage {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        BTreeMap::from([
            ("200".to_string(), html("Saved: the log entry, and a link back")),
            (
                "400".to_string(),
                html("Not saved: the form is missing what the record needs, or the record is refused (why is on the page)"),
            ),
            (
                "409".to_string(),
                html("Not saved: the record changed since the form was opened; the page shows it as it is now"),
            ),
        ])
    }
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

// The form posts' fields. Handlers read them from the posted map (`auth::EditorForm`); these
// types only describe them.

/// `POST /login`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct LoginForm {
    /// The token of the login page, also set as its `vigil_login` cookie; both must match.
    login_token: String,
    name: String,
    password: String,
}

/// `POST /logout`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct LogoutForm {
    /// The session's CSRF token.
    csrf: String,
}

/// `POST /edit/person`: only fields whose posted value differs from the stored one change.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct PersonForm {
    /// The session's CSRF token (not needed with a bearer token).
    csrf: Option<String>,
    /// The version the form was opened at; empty for a new person.
    version: Option<String>,
    id: String,
    name: Option<String>,
    country: Option<String>,
    /// `female`, `male`, `other`, or empty for unknown.
    sex: Option<String>,
    /// YYYY-MM-DD, YYYY-MM or YYYY.
    birth_date: Option<String>,
    /// `public`, `restricted` or `confidential`.
    visibility: Option<String>,
    /// Why, kept in the log.
    reason: Option<String>,
}

/// `POST /edit/event`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct EventForm {
    csrf: Option<String>,
    version: Option<String>,
    id: String,
    /// The person's id.
    person: String,
    /// An event kind: `detained`, `released`, …
    kind: String,
    date: String,
    /// Source ids, comma-separated.
    sources: Option<String>,
    visibility: Option<String>,
    reason: Option<String>,
}

/// `POST /edit/retract`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct RetractForm {
    csrf: Option<String>,
    /// The record type: `person`, `event`, `announcement`, `figure`, `source`, `merge`.
    #[schema(rename = "type")]
    rtype: String,
    id: String,
    /// The version retracted.
    version: String,
    /// Why (required), kept in the log.
    reason: String,
}

/// `POST /edit/record`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct RecordForm {
    csrf: Option<String>,
    version: Option<String>,
    /// The record as JSON, in the interchange format.
    record: String,
    reason: Option<String>,
}

/// `POST /edit/extract`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ExtractForm {
    csrf: Option<String>,
    /// The report's text (English).
    text: String,
    /// YYYY-MM-DD.
    date: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    /// `yes` stores the proposals; anything else shows them.
    confirm: Option<String>,
    reason: Option<String>,
}
