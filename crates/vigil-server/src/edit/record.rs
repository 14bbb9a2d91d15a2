//! Any record as JSON (`/edit/record`): a stored record at its current version with a
//! retract form, or a new record's template, and its save. For what the person and event
//! forms cannot show: announcements with their breakdown and claims, figures, sources,
//! merges, persons with several names.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde_json::{json, Value};
use vigil_core::record::RecordType;

use crate::auth::{BackofficeEditor, EditorForm};
use crate::edit::pages::{
    audit_read, not_found, read_record, retract_form, retract_note, save_form,
};
use crate::edit::{csrf, page, problem, record_type};
use crate::i18n::Tr;
use crate::input::Query;
use crate::links::with_query;
use crate::shapes::{EditorFormRefusals, EditorPage, RecordForm, SavedPage};
use crate::Live;

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OpenRecord {
    /// `person`, `event`, `announcement`, `figure`, `source` or `merge`.
    #[serde(rename = "type")]
    #[param(rename = "type", schema_with = crate::shapes::record_type_schema, example = "person")]
    rtype: String,
    /// The record's id; none (or empty) for a new record's template.
    #[serde(default)]
    #[param(example = "p1")]
    id: Option<String>,
    /// The log entry a save from this page's form just wrote (the page says it is saved).
    #[serde(default)]
    #[param(example = 12)]
    saved: Option<u64>,
}

/// A new record's skeleton, to fill in.
fn template(rtype: RecordType) -> Value {
    match rtype {
        RecordType::Announcement => {
            json!({"type": "announcement", "id": "", "kind": "pardon", "date": "", "country": "", "total": 0, "breakdown": {}, "names_disclosed": false, "claims": [], "sources": []})
        }
        RecordType::Figure => {
            json!({"type": "figure", "id": "", "metric": "political_prisoners_held", "value": 0, "qualifier": "approximately", "as_of": "", "country": "", "sources": []})
        }
        RecordType::Source => {
            json!({"type": "source", "id": "", "publisher": "", "title": "", "url": "", "published": ""})
        }
        RecordType::Person => {
            json!({"type": "person", "id": "", "names": [{"text": ""}], "visibility": "public"})
        }
        _ => json!({"type": rtype.as_str(), "id": ""}),
    }
}

/// `GET /edit/record?type=…&id=…`: any record as JSON, at its current version.
#[utoipa::path(get, path = "/edit/record", tag = "pages", params(OpenRecord), security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The record's form (or a new record's template) and retract form", content_type = "text/html", body = String),
        (status = 400, description = "`bad_parameter`: no `type`, or an unknown type (a page in the reader's language)", content_type = "text/html", body = String),
        (status = 404, description = "No such record", content_type = "text/html", body = String), EditorPage))]
pub async fn open_record(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    tr: Tr,
    Query(o): Query<OpenRecord>,
) -> Response {
    let p = editor.principal().clone();
    let Some(rtype) = RecordType::parse(&o.rtype) else {
        return problem(
            &tr,
            &p,
            StatusCode::BAD_REQUEST,
            &tr.t("unknown-record-type"),
            &tr.t("unknown-record-type-message"),
        );
    };
    let id = o.id.filter(|i| !i.trim().is_empty());
    let found = read_record(&live, rtype, id.clone()).await;
    if let (Ok(Some((v, _))), Some(id)) = (&found, &id) {
        if let Err(e) = audit_read(&live, v, &p.name, rtype, id).await {
            return e.into_response();
        }
    }
    let (value, version) = match found {
        Ok(Some((v, version))) => (v, Some(version)),
        Ok(None) if id.is_none() => (template(rtype), None),
        Ok(None) => return not_found(&tr, &p, &tr.t("no-record")),
        Err(e) => return e.into_response(),
    };
    let text = serde_json::to_string_pretty(&value).unwrap_or_default();
    let kind = record_type(&tr, rtype);
    let heading = match &id {
        Some(id) => tr.with(
            "edit-record-heading",
            &[("type", kind.into()), ("id", id.as_str().into())],
        ),
        None => tr.with("edit-record-heading-new", &[("type", kind.into())]),
    };
    let banner = crate::edit::SavedAt { saved: o.saved }.banner(&live, &tr);
    page(
        &tr,
        &tr.t("edit-record-title"),
        Some(&p),
        &html! {
            (banner)
            h1 { (heading) }
            form #record-form method="post" action="/edit/record" {
                input type="hidden" name="csrf" value=(csrf(&p));
                input type="hidden" name="version" value=(version.map_or(String::new(), |v| v.to_string()));
                textarea name="record" rows="18" cols="80" spellcheck="false" aria-label=(tr.t("field-record")) { (text) }
                label { (tr.t("field-reason")) " " input type="text" name="reason"; }
                button type="submit" { (tr.t("button-save")) }
            }
            @if let (Some(id), Some(version)) = (&id, version) {
                h2 { (tr.t("retract-heading")) }
                p { (retract_note(&tr, rtype)) }
                (retract_form(&tr, &p, rtype, id, version, "retract-form"))
            }
        },
    )
    .into_response()
}

/// `POST /edit/record`: save a record given as JSON.
#[utoipa::path(post, path = "/edit/record", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = RecordForm, content_type = "application/x-www-form-urlencoded"),
    responses(SavedPage, EditorFormRefusals))]
pub async fn save_record(State(live): State<Arc<Live>>, tr: Tr, form: EditorForm) -> Response {
    let p = form.editor().principal();
    let record: Value = match form.fields.get("record").map(|t| serde_json::from_str(t)) {
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            let message = tr.with("record-not-json", &[("error", e.to_string().into())]);
            return problem(
                &tr.at("/edit"),
                p,
                StatusCode::BAD_REQUEST,
                &tr.t("not-saved"),
                &message,
            );
        }
        None => {
            return problem(
                &tr.at("/edit"),
                p,
                StatusCode::BAD_REQUEST,
                &tr.t("not-saved"),
                &tr.t("record-missing"),
            )
        }
    };
    let back = with_query(
        "/edit/record",
        &[
            ("type", record["type"].as_str().unwrap_or("")),
            ("id", record["id"].as_str().unwrap_or("")),
        ],
    );
    save_form(live, &tr, form, record, back).await
}
