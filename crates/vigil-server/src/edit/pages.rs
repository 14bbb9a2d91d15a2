//! The editors' forms: the start page, a person's form with its history, its events and
//! retract forms, an event's form, any record as JSON with a retract form. Server-rendered
//! (no script: the CSP allows none), each with the session's CSRF token, saved through
//! the same `edit::api::save`/`retract` as the JSON API (by `Live::write`, which takes the
//! form's editor), against the version the form was opened at. Which fields a form
//! writes back is `fields`' rule.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde_json::{json, Value};
use vigil_core::record::{EventKind, RecordType};
use vigil_store::StoreError;

use crate::auth::{BackofficeEditor, EditorForm, Principal};
use crate::edit::api::{save, Save, Saved};
use crate::edit::fields::{
    event_shown, merge_posted, person_shown, put_event_field, put_person_field, shown_value, string,
};
use crate::edit::{csrf, page, pretty, problem, stale_warning, text};
use crate::error::ErrorBody;
use crate::input::{Path, Query};
use crate::links::with_query;
use crate::shapes::{
    EditorFormRefusals, EditorPage, EventForm, PersonForm, RecordForm, RetractForm, SavedPage,
};
use crate::state::Written;
use crate::{AppError, Live};

fn person_form(p: &Principal, current: Option<(&Value, u64)>) -> Markup {
    let id = current.map_or_else(String::new, |(v, _)| string(v, "id"));
    let shown = person_shown(current.map_or(&Value::Null, |(v, _)| v));
    let f = |k: &str| shown_value(&shown, k).to_string();
    let (sex, visibility) = (f("sex"), f("visibility"));
    html! {
        form #person-form method="post" action="/edit/person" {
            input type="hidden" name="csrf" value=(csrf(p));
            input type="hidden" name="version" value=(current.map_or(String::new(), |(_, v)| v.to_string()));
            label { "Id " input type="text" name="id" value=(id) required readonly[current.is_some()]; }
            label { "Name " input type="text" name="name" value=(f("name")) required; }
            label { "Country " input type="text" name="country" value=(f("country")) placeholder="BY"; }
            label { "Sex " select name="sex" {
                option value="" { "unknown" }
                @for s in ["female", "male", "other"] { option value=(s) selected[sex == s] { (s) } }
            } }
            label { "Birth date " input type="text" name="birth_date" value=(f("birth_date")) placeholder="YYYY-MM-DD, YYYY-MM or YYYY"; }
            label { "Visibility " select name="visibility" {
                @for v in ["public", "restricted", "confidential"] { option value=(v) selected[visibility == v] { (v) } }
            } }
            label { "Reason " input type="text" name="reason" placeholder="why (kept in the log)"; }
            button type="submit" { "Save person" }
        }
        @if current.is_some() {
            p.note { "Names in other scripts, region, roles, health and every other field are kept as they are; "
                a href=(with_query("/edit/record", &[("type", "person"), ("id", &id)])) { "edit them as JSON" } "." }
        }
    }
}

fn event_form(p: &Principal, current: Option<(&Value, u64)>) -> Markup {
    let id = current.map_or_else(String::new, |(v, _)| string(v, "id"));
    let shown = event_shown(current.map_or(&Value::Null, |(v, _)| v));
    let f = |k: &str| shown_value(&shown, k).to_string();
    let (kind, visibility) = (f("kind"), f("visibility"));
    html! {
        form #event-form method="post" action="/edit/event" {
            input type="hidden" name="csrf" value=(csrf(p));
            input type="hidden" name="version" value=(current.map_or(String::new(), |(_, v)| v.to_string()));
            label { "Id " input type="text" name="id" value=(id) required readonly[current.is_some()]; }
            label { "Person " input type="text" name="person" value=(f("person")) required placeholder="person id"; }
            label { "Kind " select name="kind" {
                @for k in EventKind::ALL { option value=(k.as_str()) selected[kind == k.as_str()] { (k.as_str().replace('_', " ")) } }
            } }
            label { "Date " input type="text" name="date" value=(f("date")) required placeholder="YYYY-MM-DD"; }
            label { "Sources " input type="text" name="sources" value=(f("sources")) placeholder="source ids, comma-separated (optional)"; }
            label { "Visibility " select name="visibility" {
                @for v in ["public", "restricted", "confidential"] { option value=(v) selected[visibility == v] { (v) } }
            } }
            label { "Reason " input type="text" name="reason"; }
            button type="submit" { "Save event" }
        }
        @if current.is_some() {
            p.note { "Details, confidence, the announcement and every other field are kept as they are; "
                a href=(with_query("/edit/record", &[("type", "event"), ("id", &id)])) { "edit them as JSON" } "." }
        }
    }
}

/// A form withdrawing one record at the version shown; the reason is required.
fn retract_form(p: &Principal, rtype: RecordType, id: &str, version: u64, dom_id: &str) -> Markup {
    html! {
        form.retract id=(dom_id) method="post" action="/edit/retract" {
            input type="hidden" name="csrf" value=(csrf(p));
            input type="hidden" name="type" value=(rtype.as_str());
            input type="hidden" name="id" value=(id);
            input type="hidden" name="version" value=(version);
            label { "Reason " input type="text" name="reason" required; }
            button type="submit" { "Retract " (rtype) " " (id) }
        }
    }
}

/// `GET /edit`: the editors' start page.
#[utoipa::path(get, path = "/edit", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The start page", content_type = "text/html", body = String), EditorPage))]
pub async fn home(BackofficeEditor(editor): BackofficeEditor) -> Response {
    let p = editor.principal().clone();
    page(
        "Edit",
        Some(&p),
        &html! {
            h1 { "Edit the registry" }
            p { "Every save is a log entry under your name. A save made against an older version of a record is refused and shows what changed." }
            h2 { "Add a person" }
            (person_form(&p, None))
            h2 { "Add an event" }
            (event_form(&p, None))
            h2 { "Read a report" }
            p { a href="/edit/extract" { "Paste a report" } " to propose the announcements and figures it states; nothing is stored until you confirm." }
            h2 { "Edit a person" }
            form method="get" action="/edit/person" {
                label { "Person id " input type="text" name="id" required; }
                button type="submit" { "Open" }
            }
            h2 { "Any record, as JSON" }
            p { "Announcements (breakdown, claims), figures, sources, merges, persons with several names: open one by type and id (to correct or retract it), or leave the id empty for a new one." }
            form method="get" action="/edit/record" {
                label { "Type " select name="type" {
                    @for t in ["announcement", "figure", "source", "person", "event", "merge"] { option value=(t) { (t) } }
                } }
                label { "Id " input type="text" name="id"; }
                button type="submit" { "Open" }
            }
        },
    )
    .into_response()
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Open {
    /// The person's id.
    #[param(example = "p1")]
    id: String,
}

/// `GET /edit/person?id=…`: a person's form at its current version (as `/edit/person/{id}`).
#[utoipa::path(get, path = "/edit/person", tag = "pages", params(Open), security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The person's form, events, history and retract form", content_type = "text/html", body = String),
        (status = 400, description = "`bad_parameter`: no `id`", body = ErrorBody),
        (status = 404, description = "No such person", content_type = "text/html", body = String), EditorPage))]
pub async fn open_query(
    State(live): State<Arc<Live>>,
    editor: BackofficeEditor,
    Query(o): Query<Open>,
) -> Response {
    open(State(live), editor, Path(o.id)).await
}

/// `GET /edit/person/{id}`: a person's form at its current version, with its events, its
/// history and a retract form.
#[utoipa::path(get, path = "/edit/person/{id}", tag = "pages", params(("id" = String, Path, description = "The person's id", example = "p1")),
    security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The person's form, events, history and retract form", content_type = "text/html", body = String),
        (status = 400, description = "`bad_request`: an id that is not UTF-8", body = ErrorBody),
        (status = 404, description = "No such person", content_type = "text/html", body = String), EditorPage))]
pub async fn open(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    Path(id): Path<String>,
) -> Response {
    let p = editor.principal().clone();
    let id2 = id.clone();
    let found = live
        .read(move |store| {
            let Some(body) = store.record_body(RecordType::Person, &id2)? else {
                return Ok(None);
            };
            let version = store
                .current(RecordType::Person, &id2)?
                .map_or(0, |c| c.seq);
            let history = store.history(RecordType::Person, &id2)?;
            let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
            let mut events = Vec::new();
            for body in store.events_of(&id2)? {
                let e: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
                let eid = string(&e, "id");
                let version = store.current(RecordType::Event, &eid)?.map_or(0, |c| c.seq);
                events.push((e, eid, version));
            }
            Ok::<_, StoreError>(Some((v, version, history, events)))
        })
        .await;
    if let Ok(Some((v, ..))) = &found {
        if let Err(e) = audit_read(&live, v, &p.name, RecordType::Person, &id).await {
            return e.into_response();
        }
    }
    match found {
        Ok(Some((v, version, history, events))) => page(
            "Edit person",
            Some(&p),
            &html! {
                h1 { "Edit " (id) }
                p { "Version " span #version { (version) } }
                (person_form(&p, Some((&v, version))))
                h2 { "Events" }
                @if events.is_empty() { p { "No events yet." } }
                @else {
                    table #events {
                        thead { tr { th { "date" } th { "kind" } th { "id" } th { "edit" } th { "retract" } } }
                        tbody {
                            @for (e, eid, eversion) in &events {
                                tr {
                                    td { (string(e, "date")) }
                                    td { (string(e, "kind").replace('_', " ")) }
                                    td { (eid) }
                                    td { a href={ "/edit/event/" (eid) } { "form" } " · " a href=(with_query("/edit/record", &[("type", "event"), ("id", eid)])) { "JSON" } }
                                    td { (retract_form(&p, RecordType::Event, eid, *eversion, &format!("retract-event-{eid}"))) }
                                }
                            }
                        }
                    }
                }
                h2 { "Retract" }
                p { "A retraction withdraws the person from every answer; the log keeps it. A person with events cannot be retracted: retract the events first." }
                (retract_form(&p, RecordType::Person, &id, version, "retract-form"))
                h2 { "History" }
                table #history {
                    thead { tr { th { "entry" } th { "when" } th { "who" } th { "what" } th { "why" } } }
                    tbody {
                        @for e in &history {
                            tr {
                                td { (e.seq) }
                                td { (e.at) }
                                td { (e.actor) }
                                td { (if e.op == vigil_core::chain::Op::Put { if e.refers_to.is_some() { "correction" } else { "added" } } else { "retracted" }) }
                                td { (e.reason.as_deref().unwrap_or("")) }
                            }
                        }
                    }
                }
            },
        )
        .into_response(),
        Ok(None) => (
            StatusCode::NOT_FOUND,
            page("Not found", Some(&p), &html! { h1 { "No person " (id) } }),
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

/// Audits an editor's read of a stored record when it is not public.
async fn audit_read(
    live: &Live,
    v: &Value,
    who: &str,
    rtype: RecordType,
    id: &str,
) -> Result<(), AppError> {
    // The record's own visibility rule (a merge is never public), not the raw field; a
    // body that no longer parses is audited as if it were confidential.
    let visibility = vigil_core::record::parse_value(v.clone())
        .map_or(vigil_core::record::Visibility::Confidential, |p| {
            p.record().visibility()
        });
    if !visibility.is_public() {
        live.audit_read(who, format!("{rtype} {id} ({})", visibility.as_str()))
            .await?;
    }
    Ok(())
}

/// The stored record a form was opened at: the body of log entry `version` when that is
/// an entry of this record, else its current body (the save then finds the version stale
/// and says so). `None` for a record not stored or a form opened for a new one.
async fn stored_at(
    live: &Arc<Live>,
    rtype: RecordType,
    id: &str,
    version: Option<u64>,
) -> Result<Option<Value>, AppError> {
    let Some(version) = version else {
        return Ok(None);
    };
    let id = id.to_string();
    live.read(move |store| {
        let at = store
            .history(rtype, &id)?
            .into_iter()
            .find(|e| e.seq == version)
            .and_then(|e| e.body);
        let body = match at {
            Some(b) => Some(b),
            None => store.record_body(rtype, &id)?,
        };
        body.map(|b| {
            serde_json::from_str(&b).map_err(|e| {
                StoreError::Damaged(format!(
                    "{rtype} '{id}' is stored as JSON that does not parse: {e}"
                ))
            })
        })
        .transpose()
    })
    .await
}

/// Saves and answers with a page: done, refused (what was wrong) or a conflict (what the
/// record is now).
async fn save_form(live: Arc<Live>, form: EditorForm, record: Value, back: String) -> Response {
    let version = text(&form.fields, "version").and_then(|v| v.parse().ok());
    let reason = text(&form.fields, "reason");
    let principal = form.editor().principal().clone();
    let s = Save {
        record,
        version,
        reason,
    };
    let result = live
        .write(form.editor(), move |store, editor| save(store, editor, s))
        .await;
    let shown = |status: StatusCode, title: &str, body: Markup| {
        (status, page(title, Some(&principal), &body)).into_response()
    };
    match result {
        Ok(Written {
            value: Saved::Done { version, .. },
            stale,
        }) => shown(
            StatusCode::OK,
            "Saved",
            html! {
                h1 #saved { "Saved" }
                (stale_warning(stale.as_deref()))
                p { "Log entry " (version) ". " a href=(back) { "Open it again" } " · " a href="/edit" { "Edit something else" } }
            },
        ),
        Ok(Written {
            value: Saved::Conflict { version, current },
            ..
        }) => shown(
            StatusCode::CONFLICT,
            "Changed meanwhile",
            html! {
                h1 #conflict { "This record changed since you opened it" }
                p { "Someone saved it after you opened the form (now at log entry "
                    (version.map_or("—".to_string(), |v| v.to_string())) "). Nothing of yours was saved. This is what it is now:" }
                pre #current { (pretty(current.as_deref().unwrap_or_default())) }
                p { a href=(back) { "Open the current version" } " and make your change again." }
            },
        ),
        Ok(Written {
            value: Saved::Invalid(message),
            ..
        }) => shown(
            StatusCode::BAD_REQUEST,
            "Not saved",
            html! { h1 { "Not saved" } p #problem { (message) } p { a href="/edit" { "Back" } } },
        ),
        Err(e) => e.into_response(),
    }
}

/// `POST /edit/person`: the stored person at the form's version, with the fields the form
/// shows written over; nothing else changes.
#[utoipa::path(post, path = "/edit/person", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = PersonForm, content_type = "application/x-www-form-urlencoded"),
    responses(SavedPage, EditorFormRefusals))]
pub async fn save_person(State(live): State<Arc<Live>>, form: EditorForm) -> Response {
    let Some(id) = text(&form.fields, "id") else {
        let p = form.editor().principal();
        return problem(
            p,
            StatusCode::BAD_REQUEST,
            "Not saved",
            "a person needs an id",
        );
    };
    let version = text(&form.fields, "version").and_then(|v| v.parse().ok());
    let mut record = match stored_at(&live, RecordType::Person, &id, version).await {
        Ok(Some(v)) => v,
        Ok(None) => json!({"type": "person", "id": id}),
        Err(e) => return e.into_response(),
    };
    let shown = person_shown(&record);
    merge_posted(&mut record, &shown, &form.fields, put_person_field);
    let back = format!("/edit/person/{id}");
    save_form(live, form, record, back).await
}

/// `POST /edit/event`: as for persons, only the fields the form shows change.
#[utoipa::path(post, path = "/edit/event", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = EventForm, content_type = "application/x-www-form-urlencoded"),
    responses(SavedPage, EditorFormRefusals))]
pub async fn save_event(State(live): State<Arc<Live>>, form: EditorForm) -> Response {
    let f = &form.fields;
    let (Some(id), Some(_), Some(_), Some(_)) = (
        text(f, "id"),
        text(f, "person"),
        text(f, "kind"),
        text(f, "date"),
    ) else {
        return problem(
            form.editor().principal(),
            StatusCode::BAD_REQUEST,
            "Not saved",
            "an event needs an id, a person, a kind and a date",
        );
    };
    let version = text(f, "version").and_then(|v| v.parse().ok());
    let mut record = match stored_at(&live, RecordType::Event, &id, version).await {
        Ok(Some(v)) => v,
        Ok(None) => json!({"type": "event", "id": id}),
        Err(e) => return e.into_response(),
    };
    let shown = event_shown(&record);
    merge_posted(&mut record, &shown, &form.fields, put_event_field);
    let back = format!("/edit/event/{id}");
    save_form(live, form, record, back).await
}

/// `GET /edit/event/{id}`: an event's form at its current version, with a retract form.
#[utoipa::path(get, path = "/edit/event/{id}", tag = "pages", params(("id" = String, Path, description = "The event's id", example = "p1e0")),
    security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The event's form and retract form", content_type = "text/html", body = String),
        (status = 400, description = "`bad_request`: an id that is not UTF-8", body = ErrorBody),
        (status = 404, description = "No such event", content_type = "text/html", body = String), EditorPage))]
pub async fn open_event(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    Path(id): Path<String>,
) -> Response {
    let p = editor.principal().clone();
    let found = read_record(&live, RecordType::Event, Some(id.clone())).await;
    if let Ok(Some((v, _))) = &found {
        if let Err(e) = audit_read(&live, v, &p.name, RecordType::Event, &id).await {
            return e.into_response();
        }
    }
    match found {
        Ok(Some((v, version))) => {
            let person = string(&v, "person");
            page(
                "Edit event",
                Some(&p),
                &html! {
                    h1 { "Edit event " (id) }
                    p { "Version " span #version { (version) } " · person " a href={ "/edit/person/" (person) } { (person) } }
                    (event_form(&p, Some((&v, version))))
                    h2 { "Retract" }
                    p { "A retraction withdraws the event from every count; the log keeps it." }
                    (retract_form(&p, RecordType::Event, &id, version, "retract-form"))
                },
            )
            .into_response()
        }
        Ok(None) => (
            StatusCode::NOT_FOUND,
            page("Not found", Some(&p), &html! { h1 { "No event " (id) } }),
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

/// A stored record, parsed, at its current version; `None` when there is none (or no id).
async fn read_record(
    live: &Live,
    rtype: RecordType,
    id: Option<String>,
) -> Result<Option<(Value, u64)>, AppError> {
    live.read(move |store| {
        let Some(id) = id else { return Ok(None) };
        let Some(body) = store.record_body(rtype, &id)? else {
            return Ok(None);
        };
        let version = store.current(rtype, &id)?.map_or(0, |c| c.seq);
        let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        Ok(Some((v, version)))
    })
    .await
}

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
        (status = 400, description = "`bad_parameter`: no `type` (JSON); an unknown type (a page)",
            content((ErrorBody = "application/json"), (String = "text/html"))),
        (status = 404, description = "No such record", content_type = "text/html", body = String), EditorPage))]
pub async fn open_record(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    Query(o): Query<OpenRecord>,
) -> Response {
    let p = editor.principal().clone();
    let Some(rtype) = RecordType::parse(&o.rtype) else {
        return problem(
            &p,
            StatusCode::BAD_REQUEST,
            "Unknown record type",
            "expected person, event, announcement, figure, source or merge",
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
        Ok(None) => {
            return (
                StatusCode::NOT_FOUND,
                page("Not found", Some(&p), &html! { h1 { "No such record" } }),
            )
                .into_response();
        }
        Err(e) => return e.into_response(),
    };
    let text = serde_json::to_string_pretty(&value).unwrap_or_default();
    page(
        "Edit record",
        Some(&p),
        &html! {
            h1 { "Edit " (rtype) @if let Some(id) = &id { " " (id) } @else { " (new)" } }
            form #record-form method="post" action="/edit/record" {
                input type="hidden" name="csrf" value=(csrf(&p));
                input type="hidden" name="version" value=(version.map_or(String::new(), |v| v.to_string()));
                textarea name="record" rows="18" cols="80" spellcheck="false" { (text) }
                label { "Reason " input type="text" name="reason"; }
                button type="submit" { "Save" }
            }
            @if let (Some(id), Some(version)) = (&id, version) {
                h2 { "Retract" }
                p { (retract_note(rtype)) }
                (retract_form(&p, rtype, id, version, "retract-form"))
            }
        },
    )
    .into_response()
}

/// What retracting a record of this type does, and when it is refused.
fn retract_note(rtype: RecordType) -> &'static str {
    match rtype {
        RecordType::Person => "A retraction withdraws the person from every answer; the log keeps it. A person with events cannot be retracted: retract the events first.",
        RecordType::Announcement => "A retraction withdraws the announcement from waves and checks; the log keeps it. An announcement that events point at cannot be retracted: retract or correct those events first.",
        RecordType::Merge => "Retracting a merge undoes it: the two persons count separately again. The log keeps it.",
        RecordType::Event => "A retraction withdraws the event from every count; the log keeps it.",
        RecordType::Figure | RecordType::Source => "A retraction withdraws it from every answer; the log keeps it.",
    }
}

/// `POST /edit/record`: save a record given as JSON.
#[utoipa::path(post, path = "/edit/record", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = RecordForm, content_type = "application/x-www-form-urlencoded"),
    responses(SavedPage, EditorFormRefusals))]
pub async fn save_record(State(live): State<Arc<Live>>, form: EditorForm) -> Response {
    let p = form.editor().principal();
    let record: Value = match form.fields.get("record").map(|t| serde_json::from_str(t)) {
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            let message = format!("the record is not JSON: {e}");
            return problem(p, StatusCode::BAD_REQUEST, "Not saved", &message);
        }
        None => return problem(p, StatusCode::BAD_REQUEST, "Not saved", "no record"),
    };
    let back = with_query(
        "/edit/record",
        &[
            ("type", record["type"].as_str().unwrap_or("")),
            ("id", record["id"].as_str().unwrap_or("")),
        ],
    );
    save_form(live, form, record, back).await
}

/// `POST /edit/retract`: withdraw a record (the log keeps it), against its version.
#[utoipa::path(post, path = "/edit/retract", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = RetractForm, content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, description = "Retracted", content_type = "text/html", body = String),
        (status = 400, description = "No reason, type or id", content_type = "text/html", body = String),
        (status = 409, description = "Not retracted: changed meanwhile, still referred to, or already gone", content_type = "text/html", body = String),
        EditorFormRefusals))]
pub async fn retract(State(live): State<Arc<Live>>, form: EditorForm) -> Response {
    let f = &form.fields;
    let (Some(rtype), Some(id), Some(reason)) = (
        text(f, "type").and_then(|t| RecordType::parse(&t)),
        text(f, "id"),
        text(f, "reason"),
    ) else {
        let principal = form.editor().principal();
        let message = if text(f, "reason").is_none() {
            "Nothing was retracted: give a reason (it is kept in the log beside the retraction)."
        } else {
            "Nothing was retracted: a retraction needs a record type and an id; open the record and use its Retract form."
        };
        return (
            StatusCode::BAD_REQUEST,
            page(
                "Not retracted",
                Some(principal),
                &html! { h1 { "Not retracted" } p #problem { (message) } p { a href="/edit" { "Back" } } },
            ),
        )
            .into_response();
    };
    let version: Option<u64> = text(f, "version").and_then(|v| v.parse().ok());
    let principal = form.editor().principal().clone();
    let id2 = id.clone();
    let result = live
        .write(form.editor(), move |store, editor| {
            crate::edit::api::retract(store, editor, rtype, &id2, version, reason)
        })
        .await;
    let shown = |status: StatusCode, title: &str, body: Markup| {
        (status, page(title, Some(&principal), &body)).into_response()
    };
    match result {
        Ok(Written {
            value: Ok(seq),
            stale,
        }) => shown(
            StatusCode::OK,
            "Retracted",
            html! {
                h1 #saved { "Retracted" }
                (stale_warning(stale.as_deref()))
                p { (rtype) " " (id) " at log entry " (seq) ". " a href="/edit" { "Back" } }
            },
        ),
        Ok(Written {
            value: Err(message),
            ..
        }) => shown(
            StatusCode::CONFLICT,
            "Not retracted",
            html! { h1 { "Not retracted" } p #problem { (message) } p { a href="/edit" { "Back" } } },
        ),
        Err(e) => e.into_response(),
    }
}
