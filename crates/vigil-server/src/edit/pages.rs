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
use serde_json::Value;
use vigil_core::record::RecordType;
use vigil_store::StoreError;

use crate::auth::{BackofficeEditor, EditorForm, Principal};
use crate::edit::api::{save, Save, Saved};
use crate::edit::{
    csrf, page, pretty, problem, record_type, stale_warning, text, unsaved, SavedAt,
};
use crate::i18n::Tr;
use crate::input::{Path, Query};
use crate::shapes::{
    EditorFormRefusals, EditorPage, EventForm, PersonForm, RetractForm, SavedPage,
};
use crate::state::Written;
use crate::{AppError, Live};

fn string(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or("").to_string()
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

/// `GET /edit`: the editors' start page: the lists to work from, a new person's form,
/// the paste page.
#[utoipa::path(get, path = "/edit", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The start page", content_type = "text/html", body = String), EditorPage))]
pub async fn home(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    tr: Tr,
) -> Response {
    let p = editor.principal().clone();
    let sources = crate::edit::person::stored_sources(&live).await;
    page(
        &tr,
        &tr.t("edit-title"),
        Some(&p),
        &html! {
            h1 { (tr.t("edit-heading")) }
            p { (tr.t("edit-intro")) }
            nav.worklists aria-label=(tr.t("edit-lists")) {
                ul {
                    li { a href="/edit/persons" { (tr.t("edit-persons-heading")) } }
                    li { a href="/edit/announcements" { (tr.t("edit-announcements-heading")) } }
                    li { a href="/edit/sources" { (tr.t("edit-sources-heading")) } }
                    li { a href="/edit/figures" { (tr.t("edit-figures-heading")) } }
                    li { a href="/edit/places" { (tr.t("edit-places-heading")) } }
                    li { a href="/edit/changes" { (tr.t("edit-changes-heading")) } }
                    li { a href="/edit/review" { (tr.t("edit-review-heading")) } }
                    li { a href="/edit/extract" { (tr.t("edit-paste-report")) } " — " (tr.t("edit-paste-report-note")) }
                    li { a #sheet-link href="/edit/sheet" { (tr.t("edit-import-sheet")) } " — " (tr.t("edit-import-sheet-note")) }
                }
            }
            form.filters #find-person method="get" action="/edit/persons" role="search" {
                div.field { label for="find-q" { (tr.t("edit-open-person")) } input type="search" id="find-q" name="q"; }
                button type="submit" { (tr.t("button-find")) }
            }
            h2 { (tr.t("edit-add-person")) }
            p { (tr.t("new-person-note")) }
            (crate::edit::person::person_form(&tr, &p, None, None, &crate::edit::person::new_person_filled(), &sources))
            h2 { (tr.t("edit-any-record")) }
            p { (tr.t("edit-any-record-note")) }
            form.filters method="get" action="/edit/record" {
                div.field { label for="any-type" { (tr.t("field-type")) } select id="any-type" name="type" {
                    @for t in [RecordType::Announcement, RecordType::Figure, RecordType::Source, RecordType::Person, RecordType::Event, RecordType::Merge] {
                        option value=(t.as_str()) { (record_type(&tr, t)) }
                    }
                } }
                div.field { label for="any-id" { (tr.t("field-id")) } input type="text" id="any-id" name="id"; }
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
        (status = 400, description = "`bad_parameter`: no `id` (a page in the reader\'s language)", content_type = "text/html", body = String),
        (status = 404, description = "No such person", content_type = "text/html", body = String), EditorPage))]
pub async fn open_query(
    State(live): State<Arc<Live>>,
    editor: BackofficeEditor,
    tr: Tr,
    Query(o): Query<Open>,
) -> Response {
    open(
        State(live),
        editor,
        tr,
        Path(o.id),
        Query(SavedAt::default()),
    )
    .await
}

/// `GET /edit/person/{id}`: a person's form at its current version, with its events, its
/// history and a retract form.
#[utoipa::path(get, path = "/edit/person/{id}", tag = "pages", params(("id" = String, Path, description = "The person's id", example = "p1"), SavedAt),
    security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The person's form, events, history and retract form", content_type = "text/html", body = String),
        (status = 400, description = "`bad_request`: an id that is not UTF-8 (a page in the reader\'s language)", content_type = "text/html", body = String),
        (status = 404, description = "No such person", content_type = "text/html", body = String), EditorPage))]
pub async fn open(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    tr: Tr,
    Path(id): Path<String>,
    Query(saved): Query<SavedAt>,
) -> Response {
    let p = editor.principal().clone();
    let banner = saved.banner(&live, &tr);
    crate::edit::person::person_page(&live, &tr, &p, &id, banner, StatusCode::OK, None, None).await
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
pub(crate) async fn stored_at(
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
            ..
        }) => crate::edit::saved_redirect(&tr, &back, version),
        Ok(Written {
            value:
                Saved::Conflict {
                    current,
                    taken: true,
                    ..
                },
            ..
        }) => shown(
            StatusCode::CONFLICT,
            &tr.t("taken-heading"),
            html! {
                h1 #taken { (tr.t("taken-heading")) }
                p #problem { (tr.t("taken-json")) }
                pre #current { (pretty(current.as_deref().unwrap_or_default())) }
            },
        ),
        Ok(Written {
            value: Saved::Conflict {
                version, current, ..
            },
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
    crate::edit::person::save_person(live, &tr, form).await
}

/// `POST /edit/event`: as for persons, only the fields the form shows change.
#[utoipa::path(post, path = "/edit/event", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = EventForm, content_type = "application/x-www-form-urlencoded"),
    responses(SavedPage, EditorFormRefusals))]
pub async fn save_event(State(live): State<Arc<Live>>, tr: Tr, form: EditorForm) -> Response {
    crate::edit::person::save_event(live, &tr, form).await
}

/// `GET /edit/event/{id}`: an event's form at its current version, with a retract form.
#[utoipa::path(get, path = "/edit/event/{id}", tag = "pages", params(("id" = String, Path, description = "The event's id", example = "p1e0")),
    security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The event's form and retract form", content_type = "text/html", body = String),
        (status = 400, description = "`bad_request`: an id that is not UTF-8 (a page in the reader\'s language)", content_type = "text/html", body = String),
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
            let sources = crate::edit::person::stored_sources(&live).await;
            let snapshot = live.snapshot();
            let country = snapshot
                .registry
                .person_index(&person)
                .and_then(|ix| snapshot.registry.country_of(ix).map(str::to_string));
            let date = v["date"].as_str().and_then(|d| d.parse().ok());
            let near = crate::edit::forms::near(
                snapshot.registry.announcements(),
                country.as_deref(),
                date,
            );
            page(
                &tr,
                &tr.t("edit-event-title"),
                Some(&p),
                &html! {
                    h1 { (tr.with("edit-event-heading", &[("id", id.as_str().into())])) }
                    p { (tr.t("version")) " " span #version { (version) } " · " (tr.t("field-person")) " " a href={ "/edit/person/" (person) } { (person) } }
                    (crate::edit::person::event_form(&tr, &p, "event-form", &person, Some(&id), Some(version), &crate::edit::forms::Filled::of(&v, crate::edit::spec::EVENT), &near, &sources, &crate::edit::forms::Choices::for_person(&tr, &snapshot.registry, &person)))
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
