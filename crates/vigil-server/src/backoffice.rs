//! The editors' pages: log in, add or edit a person, add an event. Server-rendered forms
//! (no script: the CSP allows none), each with the session's CSRF token, saved through
//! the same `editor::save` as the JSON API, against the version the form was opened at.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde_json::{json, Value};
use vigil_core::record::{EventKind, RecordType};
use vigil_store::StoreError;

use crate::auth::{Caller, EditorForm, Principal, Refusal, Via};
use crate::editor::{now, save, Save, Saved};
use crate::Live;

fn page(title: &str, who: Option<&Principal>, body: &Markup) -> Html<String> {
    crate::pages::shell(
        title,
        &html! {
            a href="/edit" { "Edit" }
            @if let Some(p) = who { span.who { (p.name) " (" (p.role.as_str()) ")" } }
        },
        &html! {},
        body,
    )
}

fn csrf(p: &Principal) -> &str {
    match &p.via {
        Via::Session { csrf } => csrf,
        Via::Token => "",
    }
}

/// `GET /login`: the form, with a fresh token also set as a SameSite=Strict cookie; the
/// login only goes through when both match (no other site can post this form).
pub async fn login_page() -> Response {
    let token = vigil_store::accounts::new_secret();
    let cookie = format!(
        "{}={token}; Path=/login; HttpOnly; Secure; SameSite=Strict; Max-Age=3600",
        crate::auth::LOGIN_COOKIE
    );
    (
        [(header::SET_COOKIE, cookie)],
        page(
            "Log in",
            None,
            &html! {
                h1 { "Log in" }
                form #login method="post" action="/login" {
                    input type="hidden" name="login_token" value=(token);
                    label { "Name " input type="text" name="name" autocomplete="username" required; }
                    label { "Password " input type="password" name="password" autocomplete="current-password" required; }
                    button type="submit" { "Log in" }
                }
            },
        ),
    )
        .into_response()
}

/// Why a page is not shown: not an editor, or not logged in (sent to the login page).
enum Away {
    Forbidden,
    Login,
}

impl IntoResponse for Away {
    fn into_response(self) -> Response {
        match self {
            Away::Forbidden => Refusal::Forbidden.into_response(),
            Away::Login => Redirect::to("/login").into_response(),
        }
    }
}

fn editor_or_login(p: Option<Principal>) -> Result<Principal, Away> {
    match p {
        Some(p) if p.role >= vigil_store::accounts::Role::Editor => Ok(p),
        Some(_) => Err(Away::Forbidden),
        None => Err(Away::Login),
    }
}

/// The person fields the form shows, each as the form shows it for `v` (a stored record,
/// or a new one's skeleton). A save compares what comes back with these, so a field the
/// form cannot show exactly (a sex of "unknown", a visibility left out) is not rewritten.
fn person_shown(v: &Value) -> Vec<(&'static str, String)> {
    let sex = string(v, "sex");
    vec![
        (
            "name",
            v["names"]
                .get(0)
                .and_then(|n| n["text"].as_str())
                .unwrap_or("")
                .to_string(),
        ),
        ("country", string(v, "country")),
        (
            "sex",
            if ["female", "male", "other"].contains(&sex.as_str()) {
                sex
            } else {
                String::new()
            },
        ),
        ("birth_date", string(v, "birth_date")),
        ("visibility", visibility(v)),
    ]
}

/// The event fields the form shows (see [`person_shown`]); sources as a comma list.
fn event_shown(v: &Value) -> Vec<(&'static str, String)> {
    let sources = v["sources"].as_array().map_or_else(String::new, |s| {
        s.iter()
            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", ")
    });
    vec![
        ("person", string(v, "person")),
        ("kind", string(v, "kind")),
        ("date", string(v, "date")),
        ("sources", sources),
        ("visibility", visibility(v)),
    ]
}

fn string(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or("").to_string()
}

fn visibility(v: &Value) -> String {
    v.get("visibility")
        .and_then(Value::as_str)
        .unwrap_or("public")
        .to_string()
}

/// Writes into a stored record the fields whose posted value differs from what the form
/// showed; a field emptied is removed. Fields the form does not show, or that the post
/// leaves out, stay exactly as stored (unknown fields too).
fn merge_posted(
    record: &mut Value,
    shown: &[(&'static str, String)],
    posted: &std::collections::HashMap<String, String>,
    put: fn(&mut serde_json::Map<String, Value>, &str, String),
) {
    let Some(o) = record.as_object_mut() else {
        return;
    };
    for (k, was) in shown {
        let Some(now) = posted.get(*k).map(|v| v.trim().to_string()) else {
            continue;
        };
        if now != was.trim() {
            put(o, k, now);
        }
    }
}

/// A changed person field: the name is the first name's text (its script and kind, and
/// the other names, stay).
fn put_person_field(o: &mut serde_json::Map<String, Value>, k: &str, value: String) {
    if k != "name" {
        return put_field(o, k, value);
    }
    match o.get_mut("names") {
        Some(Value::Array(names)) if value.is_empty() => {
            if !names.is_empty() {
                names.remove(0);
            }
        }
        Some(Value::Array(names)) => match names.first_mut().and_then(Value::as_object_mut) {
            Some(first) => {
                first.insert("text".into(), value.into());
            }
            None => names.insert(0, json!({ "text": value })),
        },
        _ if value.is_empty() => {}
        _ => {
            o.insert("names".into(), json!([{ "text": value }]));
        }
    }
}

/// A changed event field: sources are a comma list.
fn put_event_field(o: &mut serde_json::Map<String, Value>, k: &str, value: String) {
    if k == "sources" && !value.is_empty() {
        let list: Vec<Value> = value
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Value::from)
            .collect();
        o.insert(k.into(), list.into());
    } else {
        put_field(o, k, value);
    }
}

fn put_field(o: &mut serde_json::Map<String, Value>, k: &str, value: String) {
    if value.is_empty() {
        o.remove(k);
    } else {
        o.insert(k.into(), value.into());
    }
}

fn shown_value<'a>(shown: &'a [(&'static str, String)], k: &str) -> &'a str {
    shown
        .iter()
        .find(|(name, _)| *name == k)
        .map_or("", |(_, v)| v.as_str())
}

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
                a href={ "/edit/record?type=person&id=" (id) } { "edit them as JSON" } "." }
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
                a href={ "/edit/record?type=event&id=" (id) } { "edit them as JSON" } "." }
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
pub async fn home(Caller(p): Caller) -> Response {
    let p = match editor_or_login(p) {
        Ok(p) => p,
        Err(r) => return r.into_response(),
    };
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

#[derive(serde::Deserialize)]
pub struct Open {
    id: String,
}

/// `GET /edit/person?id=…`, `GET /edit/person/{id}`: a person's form at its current version.
pub async fn open_query(
    State(live): State<Arc<Live>>,
    caller: Caller,
    axum::extract::Query(o): axum::extract::Query<Open>,
) -> Response {
    open(State(live), caller, Path(o.id)).await
}

pub async fn open(
    State(live): State<Arc<Live>>,
    Caller(p): Caller,
    Path(id): Path<String>,
) -> Response {
    let p = match editor_or_login(p) {
        Ok(p) => p,
        Err(r) => return r.into_response(),
    };
    let store = live.store();
    let (id2, who) = (id.clone(), p.name.clone());
    let found = tokio::task::spawn_blocking(move || {
        let store = store
            .lock()
            .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?;
        let Some(body) = store.record_body(RecordType::Person, &id2)? else {
            return Ok(None);
        };
        let version = store
            .current(RecordType::Person, &id2)?
            .map_or(0, |c| c.seq);
        let history = store.history(RecordType::Person, &id2)?;
        let v = read_audited(store.as_ref(), &body, &who, RecordType::Person, &id2)?;
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
    match found {
        Ok(Ok(Some((v, version, history, events)))) => page(
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
                                    td { a href={ "/edit/event/" (eid) } { "form" } " · " a href={ "/edit/record?type=event&id=" (eid) } { "JSON" } }
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
        Ok(Ok(None)) => (
            StatusCode::NOT_FOUND,
            page("Not found", Some(&p), &html! { h1 { "No person " (id) } }),
        )
            .into_response(),
        Ok(Err(e)) => Refusal::Internal(e.to_string()).into_response(),
        Err(e) => Refusal::Internal(e.to_string()).into_response(),
    }
}

/// A stored record, indented for reading.
fn pretty(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or_else(|_| body.to_string())
}

/// A stored record read by an editor: parsed, and the read audited when it is not public.
fn read_audited(
    store: &dyn vigil_store::Store,
    body: &str,
    who: &str,
    rtype: RecordType,
    id: &str,
) -> Result<Value, StoreError> {
    let v: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let visibility = vigil_core::record::parse_record(body)
        .map_err(|e| StoreError::Damaged(e.to_string()))?
        .record()
        .visibility();
    if !visibility.is_public() {
        store.record_audit(&vigil_store::accounts::AuditRow {
            at: crate::editor::now(),
            actor: who.to_string(),
            action: "read".into(),
            subject: format!("{rtype} {id} ({visibility})"),
        })?;
    }
    Ok(v)
}

fn text(f: &std::collections::HashMap<String, String>, k: &str) -> Option<String> {
    f.get(k)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Said after a write that landed when the server could not load the registry again: the
/// write is stored, the public answers do not show it yet.
fn stale_warning(stale: Option<&str>) -> Markup {
    html! {
        @if let Some(reason) = stale {
            p #stale.problem {
                "Stored in the log, but the public answers are stale: this server could not load the registry again, so they do not show this change (nor any other since). "
                "Reason: " (reason)
            }
        }
    }
}

/// The stored record a form was opened at: the body of log entry `version` when that is
/// an entry of this record, else its current body (the save then finds the version stale
/// and says so). `None` for a record not stored or a form opened for a new one.
async fn stored_at(
    live: &Arc<Live>,
    rtype: RecordType,
    id: &str,
    version: Option<u64>,
) -> Result<Option<Value>, StoreError> {
    let Some(version) = version else {
        return Ok(None);
    };
    let (store, id) = (live.store(), id.to_string());
    tokio::task::spawn_blocking(move || {
        let store = store
            .lock()
            .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?;
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
    .map_err(|e| StoreError::Damaged(e.to_string()))?
}

/// Saves and answers with a page: done, refused (what was wrong) or a conflict (what the
/// record is now).
async fn save_form(live: Arc<Live>, form: EditorForm, record: Value, back: String) -> Response {
    let version = text(&form.fields, "version").and_then(|v| v.parse().ok());
    let reason = text(&form.fields, "reason");
    let principal = form.editor().principal().clone();
    let store = live.store();
    let result = tokio::task::spawn_blocking(move || {
        let mut store = store
            .lock()
            .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?;
        save(
            store.as_mut(),
            form.editor(),
            Save {
                record,
                version,
                reason,
            },
        )
    })
    .await;
    let shown = |status: StatusCode, title: &str, body: Markup| {
        (status, page(title, Some(&principal), &body)).into_response()
    };
    match result {
        Ok(Ok(Saved::Done { version, .. })) => {
            let stale = live.after_write().await;
            shown(
                StatusCode::OK,
                "Saved",
                html! {
                    h1 #saved { "Saved" }
                    (stale_warning(stale.as_deref()))
                    p { "Log entry " (version) ". " a href=(back) { "Open it again" } " · " a href="/edit" { "Edit something else" } }
                },
            )
        }
        Ok(Ok(Saved::Conflict { version, current })) => shown(
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
        Ok(Ok(Saved::Invalid(message))) => shown(
            StatusCode::BAD_REQUEST,
            "Not saved",
            html! { h1 { "Not saved" } p #problem { (message) } p { a href="/edit" { "Back" } } },
        ),
        Ok(Err(e)) => Refusal::Internal(e.to_string()).into_response(),
        Err(e) => Refusal::Internal(e.to_string()).into_response(),
    }
}

/// `POST /edit/person`: the stored person at the form's version, with the fields the form
/// shows written over; nothing else changes.
pub async fn save_person(State(live): State<Arc<Live>>, form: EditorForm) -> Response {
    let Some(id) = text(&form.fields, "id") else {
        return (StatusCode::BAD_REQUEST, "a person needs an id").into_response();
    };
    let version = text(&form.fields, "version").and_then(|v| v.parse().ok());
    let mut record = match stored_at(&live, RecordType::Person, &id, version).await {
        Ok(Some(v)) => v,
        Ok(None) => json!({"type": "person", "id": id}),
        Err(e) => return Refusal::Internal(e.to_string()).into_response(),
    };
    let shown = person_shown(&record);
    merge_posted(&mut record, &shown, &form.fields, put_person_field);
    let back = format!("/edit/person/{id}");
    save_form(live, form, record, back).await
}

/// `POST /edit/event`: as for persons, only the fields the form shows change.
pub async fn save_event(State(live): State<Arc<Live>>, form: EditorForm) -> Response {
    let f = &form.fields;
    let (Some(id), Some(_), Some(_), Some(_)) = (
        text(f, "id"),
        text(f, "person"),
        text(f, "kind"),
        text(f, "date"),
    ) else {
        return (
            StatusCode::BAD_REQUEST,
            "an event needs an id, a person, a kind and a date",
        )
            .into_response();
    };
    let version = text(f, "version").and_then(|v| v.parse().ok());
    let mut record = match stored_at(&live, RecordType::Event, &id, version).await {
        Ok(Some(v)) => v,
        Ok(None) => json!({"type": "event", "id": id}),
        Err(e) => return Refusal::Internal(e.to_string()).into_response(),
    };
    let shown = event_shown(&record);
    merge_posted(&mut record, &shown, &form.fields, put_event_field);
    let back = format!("/edit/event/{id}");
    save_form(live, form, record, back).await
}

/// `GET /edit/event/{id}`: an event's form at its current version, with a retract form.
pub async fn open_event(
    State(live): State<Arc<Live>>,
    Caller(p): Caller,
    Path(id): Path<String>,
) -> Response {
    let p = match editor_or_login(p) {
        Ok(p) => p,
        Err(r) => return r.into_response(),
    };
    let store = live.store();
    let (id2, who) = (id.clone(), p.name.clone());
    let found = tokio::task::spawn_blocking(move || {
        let store = store
            .lock()
            .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?;
        let Some(body) = store.record_body(RecordType::Event, &id2)? else {
            return Ok(None);
        };
        let version = store.current(RecordType::Event, &id2)?.map_or(0, |c| c.seq);
        let v = read_audited(store.as_ref(), &body, &who, RecordType::Event, &id2)?;
        Ok::<_, StoreError>(Some((v, version)))
    })
    .await;
    match found {
        Ok(Ok(Some((v, version)))) => {
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
        Ok(Ok(None)) => (
            StatusCode::NOT_FOUND,
            page("Not found", Some(&p), &html! { h1 { "No event " (id) } }),
        )
            .into_response(),
        Ok(Err(e)) => Refusal::Internal(e.to_string()).into_response(),
        Err(e) => Refusal::Internal(e.to_string()).into_response(),
    }
}

#[derive(serde::Deserialize)]
pub struct OpenRecord {
    #[serde(rename = "type")]
    rtype: String,
    #[serde(default)]
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
pub async fn open_record(
    State(live): State<Arc<Live>>,
    Caller(p): Caller,
    axum::extract::Query(o): axum::extract::Query<OpenRecord>,
) -> Response {
    let p = match editor_or_login(p) {
        Ok(p) => p,
        Err(r) => return r.into_response(),
    };
    let Some(rtype) = RecordType::parse(&o.rtype) else {
        return (StatusCode::BAD_REQUEST, "unknown record type").into_response();
    };
    let id = o.id.filter(|i| !i.trim().is_empty());
    let store = live.store();
    let who = p.name.clone();
    let id2 = id.clone();
    let found = tokio::task::spawn_blocking(move || {
        let Some(id) = id2 else { return Ok(None) };
        let store = store
            .lock()
            .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?;
        let Some(body) = store.record_body(rtype, &id)? else {
            return Ok(None);
        };
        let version = store.current(rtype, &id)?.map_or(0, |c| c.seq);
        let v = read_audited(store.as_ref(), &body, &who, rtype, &id)?;
        Ok::<_, StoreError>(Some((v, version)))
    })
    .await;
    let (value, version) = match found {
        Ok(Ok(Some((v, version)))) => (v, Some(version)),
        Ok(Ok(None)) if id.is_none() => (template(rtype), None),
        Ok(Ok(None)) => {
            return (
                StatusCode::NOT_FOUND,
                page("Not found", Some(&p), &html! { h1 { "No such record" } }),
            )
                .into_response();
        }
        Ok(Err(e)) => return Refusal::Internal(e.to_string()).into_response(),
        Err(e) => return Refusal::Internal(e.to_string()).into_response(),
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
pub async fn save_record(State(live): State<Arc<Live>>, form: EditorForm) -> Response {
    let record: Value = match form.fields.get("record").map(|t| serde_json::from_str(t)) {
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            return (
                StatusCode::BAD_REQUEST,
                format!("the record is not JSON: {e}"),
            )
                .into_response();
        }
        None => return (StatusCode::BAD_REQUEST, "no record").into_response(),
    };
    let back = format!(
        "/edit/record?type={}&id={}",
        record["type"].as_str().unwrap_or(""),
        record["id"].as_str().unwrap_or("")
    );
    save_form(live, form, record, back).await
}

/// `POST /edit/retract`: withdraw a record (the log keeps it), against its version.
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
    let store = live.store();
    let id2 = id.clone();
    let result = tokio::task::spawn_blocking(move || {
        let mut store = store
            .lock()
            .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?;
        crate::editor::retract(store.as_mut(), form.editor(), rtype, &id2, version, reason)
    })
    .await;
    let shown = |status: StatusCode, title: &str, body: Markup| {
        (status, page(title, Some(&principal), &body)).into_response()
    };
    match result {
        Ok(Ok(Ok(seq))) => {
            let stale = live.after_write().await;
            shown(
                StatusCode::OK,
                "Retracted",
                html! {
                    h1 #saved { "Retracted" }
                    (stale_warning(stale.as_deref()))
                    p { (rtype) " " (id) " at log entry " (seq) ". " a href="/edit" { "Back" } }
                },
            )
        }
        Ok(Ok(Err(message))) => shown(
            StatusCode::CONFLICT,
            "Not retracted",
            html! { h1 { "Not retracted" } p #problem { (message) } p { a href="/edit" { "Back" } } },
        ),
        Ok(Err(e)) => Refusal::Internal(e.to_string()).into_response(),
        Err(e) => Refusal::Internal(e.to_string()).into_response(),
    }
}

/// `POST /logout` from a page (the form carries the CSRF token).
pub async fn logout(
    State(live): State<Arc<Live>>,
    headers: axum::http::HeaderMap,
    form: EditorForm,
) -> Response {
    let _ = form;
    if let Some(id) = crate::auth::session_id(&headers) {
        live.auth.logout(&id);
    }
    (
        [(header::SET_COOKIE, crate::auth::cleared_cookie())],
        Redirect::to("/"),
    )
        .into_response()
}

/// The report form, filled with what was given.
fn extract_form(p: &Principal, f: &std::collections::HashMap<String, String>) -> Markup {
    let v = |k: &str| f.get(k).cloned().unwrap_or_default();
    html! {
        form #extract-form method="post" action="/edit/extract" {
            input type="hidden" name="csrf" value=(csrf(p));
            label { "Report (English) " textarea name="text" rows="14" cols="80" required { (v("text")) } }
            label { "Date " input type="text" name="date" placeholder="YYYY-MM-DD" value=(v("date")); }
            label { "Publisher " input type="text" name="publisher" value=(v("publisher")); }
            label { "URL " input type="text" name="url" value=(v("url")); }
            button type="submit" { "Read" }
        }
    }
}

/// `GET /edit/extract`: paste a report.
pub async fn extract_page(Caller(p): Caller) -> Response {
    let p = match editor_or_login(p) {
        Ok(p) => p,
        Err(r) => return r.into_response(),
    };
    page(
        "Read a report",
        Some(&p),
        &html! {
            h1 { "Read a report" }
            p { "vigil proposes the announcements (with their breakdown and official claims) and the reported figures the text states. You see them before anything is stored." }
            (extract_form(&p, &std::collections::HashMap::new()))
        },
    )
    .into_response()
}

/// `POST /edit/extract`: without `confirm`, show the proposals and a form to confirm
/// them; with it, store them all in one transaction (or none).
pub async fn extract_post(State(live): State<Arc<Live>>, form: EditorForm) -> Response {
    use vigil_core::extract::{extract, proposed_records, Options, SourceInfo};
    let principal = form.editor().principal().clone();
    let f = &form.fields;
    let shown = |status: StatusCode, body: Markup| {
        (status, page("Read a report", Some(&principal), &body)).into_response()
    };
    let refused = |message: String| {
        shown(
            StatusCode::BAD_REQUEST,
            html! { h1 { "Read a report" } p #problem { (message) } (extract_form(&principal, f)) },
        )
    };
    let Some(report) = f.get("text").filter(|t| !t.trim().is_empty()).cloned() else {
        return refused("paste the report's text".into());
    };
    let date = match text(f, "date").map(|d| d.parse()) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => return refused(format!("date: {e}")),
    };
    let x = extract(
        &report,
        &Options {
            date,
            country: None,
        },
    );
    let source = SourceInfo {
        publisher: text(f, "publisher"),
        url: text(f, "url"),
        date: text(f, "date"),
    };
    let records = match proposed_records(&report, &x, &source) {
        Ok(r) if r.len() > 1 => r,
        Ok(_) => return refused("no announcement or figure was found in this text".into()),
        Err(e) => return refused(e.to_string()),
    };
    if f.get("confirm").map(String::as_str) != Some("yes") {
        return shown(
            StatusCode::OK,
            html! {
                h1 { "Proposed records" }
                p { "Nothing is stored yet. These are the records vigil would add, each with the source it cites:" }
                @for r in &records { pre.proposal { (pretty(&r.to_string())) } }
                @if !x.claims.is_empty() {
                    h2 { "Official claims (kept apart from facts)" }
                    ul { @for c in &x.claims { li { (c) } } }
                }
                form #confirm-form method="post" action="/edit/extract" {
                    input type="hidden" name="csrf" value=(csrf(&principal));
                    input type="hidden" name="confirm" value="yes";
                    @for k in ["text", "date", "publisher", "url"] {
                        input type="hidden" name=(k) value=(f.get(k).cloned().unwrap_or_default());
                    }
                    label { "Reason " input type="text" name="reason"; }
                    button type="submit" { "Store these " (records.len()) " records" }
                }
                p { a href="/edit/extract" { "Start again" } }
            },
        );
    }
    let ids: Vec<(String, String)> = records
        .iter()
        .map(|r| {
            (
                r["type"].as_str().unwrap_or_default().to_string(),
                r["id"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    // The same way in as `vigil import` (and `vigil extract --import`): one transaction,
    // all or nothing, a record identical to the stored one skipped, a different one refused.
    let lines = records
        .iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    let opts = vigil_store::ImportOptions {
        actor: form.editor().principal().name.clone(),
        reason: text(f, "reason"),
        at: now(),
        update: false,
    };
    let store = live.store();
    let result = tokio::task::spawn_blocking(move || {
        let mut store = store
            .lock()
            .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?;
        Ok::<_, StoreError>(vigil_store::import(
            store.as_mut(),
            &mut std::io::Cursor::new(lines.into_bytes()),
            &opts,
            &mut |_| {},
        ))
    })
    .await;
    match result {
        Ok(Ok(Ok(report))) => {
            let stale = live.after_write().await;
            shown(
                StatusCode::OK,
                html! {
                    h1 #stored { "Stored" }
                    (stale_warning(stale.as_deref()))
                    p { (report.added) " records added, " (report.unchanged) " already stored as they are." }
                    ul { @for (t, id) in &ids {
                        li { a href={ "/edit/record?type=" (t) "&id=" (id) } { (t) " " (id) } }
                    } }
                    p { a href="/edit" { "Edit something else" } }
                },
            )
        }
        Ok(Ok(Err(vigil_store::ImportFailure::Invalid(errors)))) => {
            let problems: Vec<String> = errors
                .iter()
                .map(|e| {
                    format!(
                        "{} ({}): {}",
                        ids[e.line - 1].1,
                        ids[e.line - 1].0,
                        e.message
                    )
                })
                .collect();
            refused(format!("nothing was stored: {}", problems.join("; ")))
        }
        Ok(Ok(Err(e))) => Refusal::Internal(e.to_string()).into_response(),
        Ok(Err(e)) => Refusal::Internal(e.to_string()).into_response(),
        Err(e) => Refusal::Internal(e.to_string()).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a case is called, the fields changed in the form, the record it should save.
    type Case = (&'static str, Vec<(&'static str, &'static str)>, Value);

    /// A posted form: what the form showed for the record, with `changes` made.
    fn posted(
        shown: &[(&'static str, String)],
        changes: &[(&str, &str)],
    ) -> std::collections::HashMap<String, String> {
        let mut f: std::collections::HashMap<String, String> = shown
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .collect();
        for (k, v) in changes {
            f.insert((*k).to_string(), (*v).to_string());
        }
        f
    }

    #[test]
    fn a_person_form_writes_only_the_fields_changed_in_it() {
        let stored = json!({"type": "person", "id": "p1",
            "names": [{"text": "Ales", "script": "Latn"}, {"text": "Алесь", "lang": "be"}],
            "sex": "unknown", "birth_date": "1962-09-25", "country": "BY", "region": "Minsk",
            "roles": ["journalist"], "health": ["disability"], "prominent": true, "note": "kept"});
        let with = |edit: &dyn Fn(&mut Value)| {
            let mut v = stored.clone();
            edit(&mut v);
            v
        };
        let cases: Vec<Case> = vec![
            ("nothing changed", vec![], stored.clone()),
            (
                "birth year",
                vec![("birth_date", "1963")],
                with(&|v| v["birth_date"] = json!("1963")),
            ),
            (
                "country emptied",
                vec![("country", " ")],
                with(&|v| {
                    v.as_object_mut().unwrap().remove("country");
                }),
            ),
            (
                "first name's text",
                vec![("name", "Aleś")],
                with(&|v| v["names"][0]["text"] = json!("Aleś")),
            ),
            (
                "first name emptied",
                vec![("name", "")],
                with(&|v| v["names"] = json!([{"text": "Алесь", "lang": "be"}])),
            ),
            (
                "sex chosen",
                vec![("sex", "male")],
                with(&|v| v["sex"] = json!("male")),
            ),
            (
                "visibility chosen",
                vec![("visibility", "restricted")],
                with(&|v| v["visibility"] = json!("restricted")),
            ),
        ];
        for (what, changes, want) in cases {
            let shown = person_shown(&stored);
            let f = posted(&shown, &changes);
            let mut got = stored.clone();
            merge_posted(&mut got, &shown, &f, put_person_field);
            assert_eq!(got, want, "{what}");
        }
        // A field the post leaves out is not touched, even if the form shows it.
        let shown = person_shown(&stored);
        let mut f = posted(&shown, &[("country", "")]);
        f.remove("country");
        let mut got = stored.clone();
        merge_posted(&mut got, &shown, &f, put_person_field);
        assert_eq!(got, stored);
    }

    #[test]
    fn an_event_form_writes_only_the_fields_changed_in_it() {
        let stored = json!({"type": "event", "id": "e1", "person": "p1", "kind": "sentenced",
            "date": "2023-03-03", "sources": ["s1", "s2"], "confidence": "confirmed",
            "details": {"term_months": 120}, "witness": "kept"});
        let with = |edit: &dyn Fn(&mut Value)| {
            let mut v = stored.clone();
            edit(&mut v);
            v
        };
        let cases: Vec<Case> = vec![
            ("nothing changed", vec![], stored.clone()),
            (
                "sources spaced otherwise",
                vec![("sources", "s1,s2")],
                stored.clone(),
            ),
            (
                "date",
                vec![("date", "2023-03-04")],
                with(&|v| v["date"] = json!("2023-03-04")),
            ),
            (
                "a source added",
                vec![("sources", "s1, s2, s3")],
                with(&|v| v["sources"] = json!(["s1", "s2", "s3"])),
            ),
            (
                "sources emptied",
                vec![("sources", "")],
                with(&|v| {
                    v.as_object_mut().unwrap().remove("sources");
                }),
            ),
        ];
        for (what, changes, want) in cases {
            let shown = event_shown(&stored);
            let f = posted(&shown, &changes);
            let mut got = stored.clone();
            merge_posted(&mut got, &shown, &f, put_event_field);
            assert_eq!(got, want, "{what}");
        }
    }
}
