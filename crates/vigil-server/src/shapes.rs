//! The shapes the OpenAPI document (`openapi`) gives to what handlers read and answer,
//! where no Rust type of the handler carries it: the sets of refusals a role extractor or
//! a body extractor answers (`IntoResponses`), the values a string parameter takes, and the
//! fields of the form posts (handlers read forms from a map). Handlers name these in their
//! `#[utoipa::path]`; this module imports no handler, so `openapi`, which lists the
//! handlers, can import it without a circle.

use std::collections::BTreeMap;

use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{IntoResponses, ToSchema};

/// A response whose body is an [`ErrorBody`].
pub(crate) fn error(description: &str) -> RefOr<Response> {
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

/// The refusals of a route that needs more than a viewer (an editor, or an admin) through
/// the JSON API.
pub struct NeedsRole;

impl IntoResponses for NeedsRole {
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
                    .description(Some(
                        "`/login`, with `?lang=` when the page was asked for with one",
                    ))
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

/// How an admins' page (`BackofficeAdmin`) turns a caller away.
pub struct AdminPage;

impl IntoResponses for AdminPage {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut list = EditorPage::responses();
        list.insert(
            "403".to_string(),
            html("Logged in, but not as an admin: a page saying so, with a way to log out"),
        );
        list
    }
}

/// What an admin's form post (`AdminForm`) is refused with, and what any body can be.
pub struct AdminFormRefusals;

impl IntoResponses for AdminFormRefusals {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses(&[
            ("401", "`unauthenticated`: not logged in, or an unknown, expired or revoked token"),
            ("403", "`forbidden`: not an admin; `csrf`: a session's form without its `csrf` field, or a body that is not a form"),
            ("413", "`payload_too_large`: the body is over 2 MB"),
        ])
    }
}

/// What a save from an editor's form answers.
pub struct SavedPage;

impl IntoResponses for SavedPage {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        BTreeMap::from([
            (
                "303".to_string(),
                html("Saved: See Other to the saved record's page (with `saved=SEQ`, the log entry), which says so; reloading it saves nothing again"),
            ),
            (
                "400".to_string(),
                html("Not saved: the form is missing what the record needs, or the record is refused (why is on the page)"),
            ),
            (
                "404".to_string(),
                html("Not saved: the record the form was opened for is not stored (retracted, or never saved)"),
            ),
            (
                "409".to_string(),
                html("Not saved: the record changed since the form was opened; the page shows it as it is now"),
            ),
        ])
    }
}

// Parameters with a fixed set of values: the schema lists them (the tests below check that
// the server accepts each one).

/// The steps of a series.
pub(crate) const STEPS: [&str; 3] = ["day", "week", "month"];
/// What `held` can be split by.
pub(crate) const BY: [&str; 10] = [
    "sex",
    "age",
    "role",
    "region",
    "article",
    "place",
    "regime",
    "status",
    "recognized_by",
    "term",
];
/// A person's status today.
pub(crate) const STATUSES: [&str; 3] = ["held", "released", "not_detained"];
/// The answer's format: JSON (the default) or CSV.
pub(crate) const FORMATS: [&str; 3] = ["json", "csv", "xlsx"];

fn one_of(values: impl IntoIterator<Item = &'static str>) -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(values))
        .build()
}

pub(crate) fn step_schema() -> utoipa::openapi::schema::Object {
    one_of(STEPS)
}

pub(crate) fn by_schema() -> utoipa::openapi::schema::Object {
    one_of(BY)
}

pub(crate) fn status_schema() -> utoipa::openapi::schema::Object {
    one_of(STATUSES)
}

pub(crate) fn format_schema() -> utoipa::openapi::schema::Object {
    one_of(FORMATS)
}

pub(crate) fn kind_schema() -> utoipa::openapi::schema::Object {
    one_of(
        vigil_core::record::AnnouncementKind::ALL
            .iter()
            .map(|k| k.as_str()),
    )
}

pub(crate) fn record_type_schema() -> utoipa::openapi::schema::Object {
    one_of(
        vigil_core::record::RecordType::ALL
            .iter()
            .map(|t| t.as_str()),
    )
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
    /// The session's CSRF token (a caller with a bearer token needs none).
    csrf: Option<String>,
}

/// `POST /edit/person`: only fields whose posted value differs from the stored one change.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct PersonForm {
    /// The session's CSRF token (not needed with a bearer token).
    csrf: Option<String>,
    /// The version the form was opened at; empty for a new person.
    version: Option<String>,
    /// Empty for a new person: her id is made from her name.
    id: Option<String>,
    /// The first name; more as `name_2`, `name_3`…, each with `name_lang`, `name_2_lang`…
    name: Option<String>,
    name_lang: Option<String>,
    country: Option<String>,
    region: Option<String>,
    /// `female`, `male`, `other`, or empty for unknown.
    sex: Option<String>,
    /// YYYY-MM-DD, YYYY-MM or YYYY; or as monitors write it: 10.03.2022, 03.2022.
    birth_date: Option<String>,
    /// A new person's detention date (an event is made with her).
    #[schema(rename = "first.detained")]
    first_detained: Option<String>,
    /// A new person's recognition date.
    #[schema(rename = "first.recognized")]
    first_recognized: Option<String>,
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
    /// Empty for a new event: its id is made.
    id: Option<String>,
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

/// `POST /edit/form/{type}`: an announcement's, figure's or source's fields (those of
/// `edit::spec`); only fields whose posted value differs from the stored one change.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct FieldsForm {
    csrf: Option<String>,
    /// The version the form was opened at; empty for a new record.
    version: Option<String>,
    /// Empty for a new record: its id is made.
    id: Option<String>,
    date: Option<String>,
    country: Option<String>,
    total: Option<String>,
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

/// `POST /edit/sheet` (`multipart/form-data`).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct SheetForm {
    csrf: Option<String>,
    /// The spreadsheet (.xlsx, .ods or .csv), on the first step.
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: Option<String>,
    /// On the later steps: the file as the first step read it (base64), and its name.
    data: Option<String>,
    filename: Option<String>,
    /// `read` (the first step), `preview` (read again with the columns chosen) or
    /// `import` (store it).
    step: Option<String>,
    /// The source the sheet comes from: its columns are kept for the next sheet.
    source: Option<String>,
    /// The country of rows that give none (ISO 3166-1 alpha-2).
    country: Option<String>,
    /// The visibility of persons whose row gives none.
    visibility: Option<String>,
    /// `yes`: rows of persons already stored are corrections.
    update: Option<String>,
    /// `yes`: rows that probably are persons already stored are stored as new persons.
    new: Option<String>,
}

/// `POST /edit/tokens/revoke`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct RevokeTokenForm {
    csrf: Option<String>,
    /// The token's id: the first 12 hex digits of its hash, as `vigil token list` and the
    /// tokens page show it.
    id: String,
}

#[cfg(test)]
mod tests {
    use vigil_core::registry::{By, Status, Step};

    #[test]
    fn every_value_a_parameter_lists_is_accepted() {
        for s in super::STEPS {
            assert!(Step::parse(s).is_some(), "step {s}");
        }
        for b in super::BY {
            assert!(By::parse(b).is_some(), "by {b}");
        }
        let statuses = [Status::Held, Status::Released, Status::NotDetained];
        assert_eq!(statuses.map(Status::as_str), super::STATUSES);
    }
}
