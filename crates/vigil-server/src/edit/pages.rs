//! The editors' forms: the start page, a person's form with its history, its events and
//! retract forms, an event's form, and the answers to their posts (saved, refused, a
//! conflict, retracted). Server-rendered in the reader's language (no script: the CSP
//! allows none), each with the session's CSRF token, saved through the same
//! `edit::api::save`/`retract` as the JSON API (by `Live::write`, which takes the form's
//! editor), against the version the form was opened at. Which fields a form writes back
//! is `fields`' rule; any record as JSON is `record`'s page.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde_json::{json, Value};
use vigil_core::record::{EventKind, RecordType, Sex, Visibility};
use vigil_store::StoreError;

use crate::auth::{BackofficeEditor, EditorForm, Principal};
use crate::edit::api::{save, Save, Saved};
use crate::edit::fields::{
    event_shown, merge_posted, person_shown, put_event_field, put_person_field, shown_value, string,
};
use crate::edit::{csrf, page, pretty, problem, record_type, stale_warning, text, unsaved};
use crate::error::ErrorBody;
use crate::i18n::Tr;
use crate::input::{Path, Query};
use crate::links::with_query;
use crate::shapes::{
    EditorFormRefusals, EditorPage, EventForm, PersonForm, RetractForm, SavedPage,
};
use crate::state::Written;
use crate::{AppError, Live};

/// A `select` of the visibilities, `chosen` selected.
fn visibility_select(tr: &Tr, chosen: &str) -> Markup {
    html! {
        label { (tr.t("field-visibility")) " " select name="visibility" {
            @for v in Visibility::ALL {
                option value=(v.as_str()) selected[chosen == v.as_str()] { (tr.term("visibility", v.as_str())) }
            }
        } }
    }
}

fn person_form(tr: &Tr, p: &Principal, current: Option<(&Value, u64)>) -> Markup {
    let id = current.map_or_else(String::new, |(v, _)| string(v, "id"));
    let shown = person_shown(current.map_or(&Value::Null, |(v, _)| v));
    let f = |k: &str| shown_value(&shown, k).to_string();
    let (sex, visibility) = (f("sex"), f("visibility"));
    html! {
        form #person-form method="post" action="/edit/person" {
            input type="hidden" name="csrf" value=(csrf(p));
            input type="hidden" name="version" value=(current.map_or(String::new(), |(_, v)| v.to_string()));
            label { (tr.t("field-id")) " " input type="text" name="id" value=(id) required readonly[current.is_some()]; }
            label { (tr.t("field-name")) " " input type="text" name="name" value=(f("name")) required; }
            label { (tr.t("field-country")) " " input type="text" name="country" value=(f("country")) placeholder="BY"; }
            label { (tr.t("field-sex")) " " select name="sex" {
                option value="" { (tr.term("sex", Sex::Unknown.as_str())) }
                @for s in [Sex::Female, Sex::Male, Sex::Other] {
                    option value=(s.as_str()) selected[sex == s.as_str()] { (tr.term("sex", s.as_str())) }
                }
            } }
            label { (tr.t("field-birth-date")) " " input type="text" name="birth_date" value=(f("birth_date")) placeholder=(tr.t("hint-partial-date")); }
            (visibility_select(tr, &visibility))
            label { (tr.t("field-reason")) " " input type="text" name="reason" placeholder=(tr.t("hint-reason")); }
            button type="submit" { (tr.t("button-save-person")) }
        }
        @if current.is_some() {
            p.note { (tr.t("person-form-note")) " "
                a href=(with_query("/edit/record", &[("type", "person"), ("id", &id)])) { (tr.t("edit-as-json")) } }
        }
    }
}

fn event_form(tr: &Tr, p: &Principal, current: Option<(&Value, u64)>) -> Markup {
    let id = current.map_or_else(String::new, |(v, _)| string(v, "id"));
    let shown = event_shown(current.map_or(&Value::Null, |(v, _)| v));
    let f = |k: &str| shown_value(&shown, k).to_string();
    let (kind, visibility) = (f("kind"), f("visibility"));
    html! {
        form #event-form method="post" action="/edit/event" {
            input type="hidden" name="csrf" value=(csrf(p));
            input type="hidden" name="version" value=(current.map_or(String::new(), |(_, v)| v.to_string()));
            label { (tr.t("field-id")) " " input type="text" name="id" value=(id) required readonly[current.is_some()]; }
            label { (tr.t("field-person")) " " input type="text" name="person" value=(f("person")) required placeholder=(tr.t("hint-person")); }
            label { (tr.t("field-kind")) " " select name="kind" {
                @for k in EventKind::ALL { option value=(k.as_str()) selected[kind == k.as_str()] { (tr.term("event-kind", k.as_str())) } }
            } }
            label { (tr.t("field-date")) " " input type="text" name="date" value=(f("date")) required placeholder=(tr.t("hint-date")); }
            label { (tr.t("field-sources")) " " input type="text" name="sources" value=(f("sources")) placeholder=(tr.t("hint-sources")); }
            (visibility_select(tr, &visibility))
            label { (tr.t("field-reason")) " " input type="text" name="reason"; }
            button type="submit" { (tr.t("button-save-event")) }
        }
        @if current.is_some() {
            p.note { (tr.t("event-form-note")) " "
                a href=(with_query("/edit/record", &[("type", "event"), ("id", &id)])) { (tr.t("edit-as-json")) } }
        }
    }
}

/// A form withdrawing one record at the version shown; the reason is required.
pub(crate) fn retract_form(
    tr: &Tr,
    p: &Principal,
    rtype: RecordType,
    id: &str,
    version: u64,
    dom_id: &str,
) -> Markup {
    html! {
        form.retract id=(dom_id) method="post" action="/edit/retract" {
            input type="hidden" name="csrf" value=(csrf(p));
            input type="hidden" name="type" value=(rtype.as_str());
            input type="hidden" name="id" value=(id);
            input type="hidden" name="version" value=(version);
            label { (tr.t("field-reason")) " " input type="text" name="reason" required; }
            button type="submit" { (tr.with("button-retract", &[("type", record_type(tr, rtype).into()), ("id", id.into())])) }
        }
    }
}

/// What retracting a record of this type does, and when it is refused.
pub(crate) fn retract_note(tr: &Tr, rtype: RecordType) -> String {
    match rtype {
        RecordType::Person => tr.t("retract-note-person"),
        RecordType::Announcement => tr.t("retract-note-announcement"),
        RecordType::Merge => tr.t("retract-note-merge"),
        RecordType::Event => tr.t("retract-note-event"),
        RecordType::Place => tr.t("retract-note-place"),
        RecordType::Figure | RecordType::Source => tr.t("retract-note-other"),
    }
}

/// `GET /edit`: the editors' start page.
#[utoipa::path(get, path = "/edit", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The start page", content_type = "text/html", body = String), EditorPage))]
pub async fn home(BackofficeEditor(editor): BackofficeEditor, tr: Tr) -> Response {
    let p = editor.principal().clone();
    page(
        &tr,
        &tr.t("edit-title"),
        Some(&p),
        &html! {
            h1 { (tr.t("edit-heading")) }
            p { (tr.t("edit-intro")) }
            h2 { (tr.t("edit-add-person")) }
            (person_form(&tr, &p, None))
            h2 { (tr.t("edit-add-event")) }
            (event_form(&tr, &p, None))
            h2 { (tr.t("extract-title")) }
            p { a href="/edit/extract" { (tr.t("edit-paste-report")) } " — " (tr.t("edit-paste-report-note")) }
            h2 { (tr.t("edit-open-person")) }
            form method="get" action="/edit/person" {
                label { (tr.t("field-person-id")) " " input type="text" name="id" required; }
                button type="submit" { (tr.t("button-open")) }
            }
            h2 { (tr.t("edit-any-record")) }
            p { (tr.t("edit-any-record-note")) }
            form method="get" action="/edit/record" {
                label { (tr.t("field-type")) " " select name="type" {
                    @for t in [RecordType::Announcement, RecordType::Figure, RecordType::Source, RecordType::Person, RecordType::Event, RecordType::Merge] {
                        option value=(t.as_str()) { (record_type(&tr, t)) }
                    }
                } }
                label { (tr.t("field-id")) " " input type="text" name="id"; }
                button type="submit" { (tr.t("button-open")) }
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
    tr: Tr,
    Query(o): Query<Open>,
) -> Response {
    open(State(live), editor, tr, Path(o.id)).await
}

/// What an entry of a record's history did.
fn what_entry(tr: &Tr, e: &vigil_core::chain::Entry) -> String {
    if e.op != vigil_core::chain::Op::Put {
        tr.t("history-retracted")
    } else if e.refers_to.is_some() {
        tr.t("history-correction")
    } else {
        tr.t("history-added")
    }
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
    tr: Tr,
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
            &tr,
            &tr.t("edit-person-title"),
            Some(&p),
            &html! {
                h1 { (tr.with("edit-heading-id", &[("id", id.as_str().into())])) }
                p { (tr.t("version")) " " span #version { (version) } }
                (person_form(&tr, &p, Some((&v, version))))
                h2 { (tr.t("events")) }
                @if events.is_empty() { p { (tr.t("events-none")) } }
                @else {
                    table #events {
                        thead { tr { th { (tr.t("col-date")) } th { (tr.t("col-kind")) } th { (tr.t("col-id")) } th { (tr.t("col-edit")) } th { (tr.t("col-retract")) } } }
                        tbody {
                            @for (e, eid, eversion) in &events {
                                tr {
                                    td { (tr.day_text(&string(e, "date"))) }
                                    td { (tr.term("event-kind", &string(e, "kind"))) }
                                    td { (eid) }
                                    td { a href={ "/edit/event/" (eid) } { (tr.t("link-form")) } " · " a href=(with_query("/edit/record", &[("type", "event"), ("id", eid)])) { "JSON" } }
                                    td { (retract_form(&tr, &p, RecordType::Event, eid, *eversion, &format!("retract-event-{eid}"))) }
                                }
                            }
                        }
                    }
                }
                h2 { (tr.t("retract-heading")) }
                p { (retract_note(&tr, RecordType::Person)) }
                (retract_form(&tr, &p, RecordType::Person, &id, version, "retract-form"))
                h2 { (tr.t("history")) }
                table #history {
                    thead { tr { th { (tr.t("col-entry")) } th { (tr.t("col-when")) } th { (tr.t("col-who")) } th { (tr.t("col-what")) } th { (tr.t("col-why")) } } }
                    tbody {
                        @for e in &history {
                            tr {
                                td { (e.seq) }
                                td { (tr.time(&e.at)) }
                                td { (e.actor) }
                                td { (what_entry(&tr, e)) }
                                td { (e.reason.as_deref().unwrap_or("")) }
                            }
                        }
                    }
                }
            },
        )
        .into_response(),
        Ok(None) => not_found(&tr, &p, &tr.with("no-person", &[("id", id.as_str().into())])),
        Err(e) => e.into_response(),
    }
}

/// A 404 page: no such record.
pub(crate) fn not_found(tr: &Tr, p: &Principal, heading: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        page(
            tr,
            &tr.t("not-found-title"),
            Some(p),
            &html! { h1 { (heading) } },
        ),
    )
        .into_response()
}

/// Audits an editor's read of a stored record when it is not public.
pub(crate) async fn audit_read(
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
/// record is now). `back` is the record's page, where the language switch points too.
pub(crate) async fn save_form(
    live: Arc<Live>,
    tr: &Tr,
    form: EditorForm,
    record: Value,
    back: String,
) -> Response {
    let tr = tr.at(&back);
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
        (status, page(&tr, title, Some(&principal), &body)).into_response()
    };
    match result {
        Ok(Written {
            value: Saved::Done { version, .. },
            stale,
        }) => shown(
            StatusCode::OK,
            &tr.t("saved"),
            html! {
                h1 #saved { (tr.t("saved")) }
                (stale_warning(&tr, stale.as_deref()))
                p { (tr.with("saved-at", &[("seq", version.to_string().into())])) " "
                    a href=(back) { (tr.t("open-again")) } " · " a href="/edit" { (tr.t("edit-something-else")) } }
            },
        ),
        Ok(Written {
            value: Saved::Conflict { version, current },
            ..
        }) => shown(
            StatusCode::CONFLICT,
            &tr.t("conflict-title"),
            html! {
                h1 #conflict { (tr.t("conflict-heading")) }
                p { (tr.with("conflict-message", &[("seq", version.map_or("—".to_string(), |v| v.to_string()).into())])) }
                pre #current { (pretty(current.as_deref().unwrap_or_default())) }
                p { a href=(back) { (tr.t("conflict-retry")) } }
            },
        ),
        Ok(Written {
            value: Saved::Invalid(why),
            ..
        }) => shown(
            StatusCode::BAD_REQUEST,
            &tr.t("not-saved"),
            html! { h1 { (tr.t("not-saved")) } p #problem { (unsaved(&tr, &why)) } p { a href="/edit" { (tr.t("edit-back")) } } },
        ),
        Err(e) => e.into_response(),
    }
}

/// `POST /edit/person`: the stored person at the form's version, with the fields the form
/// shows written over; nothing else changes.
#[utoipa::path(post, path = "/edit/person", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = PersonForm, content_type = "application/x-www-form-urlencoded"),
    responses(SavedPage, EditorFormRefusals))]
pub async fn save_person(State(live): State<Arc<Live>>, tr: Tr, form: EditorForm) -> Response {
    let Some(id) = text(&form.fields, "id") else {
        let p = form.editor().principal();
        return problem(
            &tr.at("/edit"),
            p,
            StatusCode::BAD_REQUEST,
            &tr.t("not-saved"),
            &tr.t("need-person-id"),
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
    save_form(live, &tr, form, record, back).await
}

/// `POST /edit/event`: as for persons, only the fields the form shows change.
#[utoipa::path(post, path = "/edit/event", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = EventForm, content_type = "application/x-www-form-urlencoded"),
    responses(SavedPage, EditorFormRefusals))]
pub async fn save_event(State(live): State<Arc<Live>>, tr: Tr, form: EditorForm) -> Response {
    let f = &form.fields;
    let (Some(id), Some(_), Some(_), Some(_)) = (
        text(f, "id"),
        text(f, "person"),
        text(f, "kind"),
        text(f, "date"),
    ) else {
        return problem(
            &tr.at("/edit"),
            form.editor().principal(),
            StatusCode::BAD_REQUEST,
            &tr.t("not-saved"),
            &tr.t("need-event-fields"),
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
    save_form(live, &tr, form, record, back).await
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
    tr: Tr,
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
                &tr,
                &tr.t("edit-event-title"),
                Some(&p),
                &html! {
                    h1 { (tr.with("edit-event-heading", &[("id", id.as_str().into())])) }
                    p { (tr.t("version")) " " span #version { (version) } " · " (tr.t("field-person")) " " a href={ "/edit/person/" (person) } { (person) } }
                    (event_form(&tr, &p, Some((&v, version))))
                    h2 { (tr.t("retract-heading")) }
                    p { (retract_note(&tr, RecordType::Event)) }
                    (retract_form(&tr, &p, RecordType::Event, &id, version, "retract-form"))
                },
            )
            .into_response()
        }
        Ok(None) => not_found(&tr, &p, &tr.with("no-event", &[("id", id.as_str().into())])),
        Err(e) => e.into_response(),
    }
}

/// A stored record, parsed, at its current version; `None` when there is none (or no id).
pub(crate) async fn read_record(
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

/// `POST /edit/retract`: withdraw a record (the log keeps it), against its version.
#[utoipa::path(post, path = "/edit/retract", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = RetractForm, content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, description = "Retracted", content_type = "text/html", body = String),
        (status = 400, description = "No reason, type or id", content_type = "text/html", body = String),
        (status = 409, description = "Not retracted: changed meanwhile, still referred to, or already gone", content_type = "text/html", body = String),
        EditorFormRefusals))]
pub async fn retract(State(live): State<Arc<Live>>, tr: Tr, form: EditorForm) -> Response {
    let tr = tr.at("/edit");
    let f = &form.fields;
    let (Some(rtype), Some(id), Some(reason)) = (
        text(f, "type").and_then(|t| RecordType::parse(&t)),
        text(f, "id"),
        text(f, "reason"),
    ) else {
        let message = if text(f, "reason").is_none() {
            tr.t("retract-needs-reason")
        } else {
            tr.t("retract-needs-record")
        };
        return problem(
            &tr,
            form.editor().principal(),
            StatusCode::BAD_REQUEST,
            &tr.t("not-retracted"),
            &message,
        );
    };
    let version: Option<u64> = text(f, "version").and_then(|v| v.parse().ok());
    let principal = form.editor().principal().clone();
    let id2 = id.clone();
    let result = live
        .write(form.editor(), move |store, editor| {
            crate::edit::api::retract(store, editor, rtype, &id2, version, reason)
        })
        .await;
    match result {
        Ok(Written {
            value: Ok(seq),
            stale,
        }) => (
            StatusCode::OK,
            page(
                &tr,
                &tr.t("retracted"),
                Some(&principal),
                &html! {
                    h1 #saved { (tr.t("retracted")) }
                    (stale_warning(&tr, stale.as_deref()))
                    p { (tr.with("retracted-at", &[("type", record_type(&tr, rtype).into()), ("id", id.as_str().into()), ("seq", seq.to_string().into())])) " "
                        a href="/edit" { (tr.t("edit-back")) } }
                },
            ),
        )
            .into_response(),
        Ok(Written {
            value: Err(why),
            ..
        }) => problem(
            &tr,
            &principal,
            StatusCode::CONFLICT,
            &tr.t("not-retracted"),
            &unsaved(&tr, &why),
        ),
        Err(e) => e.into_response(),
    }
}
