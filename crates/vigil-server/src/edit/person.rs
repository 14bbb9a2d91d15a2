//! A person's page for editors and its forms: every field of the person (several names
//! with their languages, sex, a birth date as monitors write it, country, region, roles,
//! health, prominence, visibility — restricted for a new person —, a consent note), her
//! events each editable in place, a new event with the details of its kind, its sources
//! picked or written in place and, for a pardon, the announcement it belongs to picked
//! from her country's nearest the date. A new person can be saved with her detention and
//! recognition in the same form. Ids are made, never typed (`write`). A save answers the
//! person's page saying so; a wrong value answers the form again with what was typed and
//! the field marked; a form opened before someone else's save says so and keeps what was
//! typed.

use std::collections::HashMap;
use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde_json::{json, Value};
use vigil_core::date::PartialDate;
use vigil_core::record::{RecordType, Visibility};
use vigil_store::StoreError;

use crate::auth::Principal;
use crate::edit::forms::{self, Filled, SourceChoice};
use crate::edit::pages::{retract_form, retract_note};
use crate::edit::spec::{self, Problem, EVENT, PERSON};
use crate::edit::write::{new_ref, save_all, Draft, Wrote};
use crate::edit::{csrf, page, stale_warning, text, unsaved};
use crate::i18n::Tr;
use crate::links::with_query;
use crate::state::Written;
use crate::Live;

/// The sources a picker offers: every stored source, newest first.
pub(crate) async fn stored_sources(live: &Live) -> Vec<SourceChoice> {
    let found = live
        .read(|store| {
            let mut list = Vec::new();
            store.records_of(RecordType::Source, &mut |body| {
                if let Some(s) = forms::source_choice(body) {
                    let published = serde_json::from_str::<Value>(body)
                        .ok()
                        .and_then(|v| v["published"].as_str().map(str::to_string))
                        .unwrap_or_default();
                    list.push((published, s));
                }
                Ok(())
            })?;
            Ok::<_, StoreError>(list)
        })
        .await
        .unwrap_or_default();
    let mut found = found;
    found.sort_by(|a, b| b.0.cmp(&a.0));
    found.into_iter().map(|(_, s)| s).take(300).collect()
}

/// The person form: new (with her first events) or at the version it was opened at.
pub(crate) fn person_form(
    tr: &Tr,
    p: &Principal,
    id: Option<&str>,
    version: Option<u64>,
    filled: &Filled,
    sources: &[SourceChoice],
) -> Markup {
    let rows = (0..30)
        .rev()
        .find(|i| !filled.get(&spec::name_keys(*i).0).is_empty())
        .map_or(3, |last| (last + 3).max(3));
    html! {
        form #person-form.record method="post" action="/edit/person" {
            input type="hidden" name="csrf" value=(csrf(p));
            input type="hidden" name="version" value=(version.map_or(String::new(), |v| v.to_string()));
            input type="hidden" name="id" value=(id.unwrap_or(""));
            (forms::names(tr, "person-form", filled, rows))
            @for f in PERSON { (forms::field(tr, "person-form", f, filled)) }
            @if id.is_none() {
                fieldset.first-events {
                    legend { (tr.t("first-events")) }
                    @for (k, label) in [("first.detained", tr.t("field-detained-on")), ("first.recognized", tr.t("field-recognized-on")), ("first.by", tr.t("field-recognized-by"))] {
                        @let dom = format!("person-form-{}", k.replace('.', "-"));
                        div.field {
                            label for=(dom) { (label) }
                            input type="text" id=(dom) name=(k) value=(filled.get(k))
                                placeholder=[(k != "first.by").then(|| tr.t("hint-partial-date"))]
                                aria-invalid=[filled.problems.get(k).map(|_| "true")];
                            @if let Some(pr) = filled.problems.get(k) { span.error { (pr) } }
                        }
                    }
                    (forms::sources(tr, "person-form", filled, sources))
                }
            }
            div.field {
                label for="person-form-reason" { (tr.t("field-reason")) }
                input type="text" id="person-form-reason" name="reason" value=(filled.get("reason")) placeholder=(tr.t("hint-reason"));
            }
            button type="submit" { (tr.t("button-save-person")) }
        }
    }
}

/// An event's form: `dom` is its id on the page (several on a person's page).
#[allow(clippy::too_many_arguments)]
pub(crate) fn event_form(
    tr: &Tr,
    p: &Principal,
    dom: &str,
    person: &str,
    id: Option<&str>,
    version: Option<u64>,
    filled: &Filled,
    near: &[&vigil_core::record::Announcement],
    sources: &[SourceChoice],
    choices: &forms::Choices,
) -> Markup {
    html! {
        form.record.event id=(dom) method="post" action="/edit/event" {
            input type="hidden" name="csrf" value=(csrf(p));
            input type="hidden" name="version" value=(version.map_or(String::new(), |v| v.to_string()));
            input type="hidden" name="id" value=(id.unwrap_or(""));
            input type="hidden" name="person" value=(person);
            @for f in EVENT { (forms::field_in(tr, dom, f, filled, choices)) }
            (forms::announcement(tr, dom, filled, near))
            (forms::sources(tr, dom, filled, sources))
            div.field {
                label for={ (dom) "-reason" } { (tr.t("field-reason")) }
                input type="text" id={ (dom) "-reason" } name="reason" value=(filled.get("reason"));
            }
            button type="submit" { (tr.t("button-save-event")) }
        }
    }
}

/// What the person's page needs from the store.
struct Stored {
    person: Value,
    version: u64,
    history: Vec<vigil_core::chain::Entry>,
    events: Vec<(Value, String, u64)>,
}

async fn read_person(live: &Live, id: &str) -> Result<Option<Stored>, crate::AppError> {
    let id = id.to_string();
    live.read(move |store| {
        let Some(body) = store.record_body(RecordType::Person, &id)? else {
            return Ok(None);
        };
        let version = store.current(RecordType::Person, &id)?.map_or(0, |c| c.seq);
        let history = store.history(RecordType::Person, &id)?;
        let person: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        let mut events = Vec::new();
        for body in store.events_of(&id)? {
            let e: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
            let eid = spec::at(&e, &["id"])
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let version = store.current(RecordType::Event, &eid)?.map_or(0, |c| c.seq);
            events.push((e, eid, version));
        }
        events.sort_by(|a, b| a.0["date"].as_str().cmp(&b.0["date"].as_str()));
        Ok::<_, StoreError>(Some(Stored {
            person,
            version,
            history,
            events,
        }))
    })
    .await
}

/// The person's first name, for headings.
fn display_name(v: &Value) -> String {
    v["names"][0]["text"]
        .as_str()
        .or(v["id"].as_str())
        .unwrap_or("")
        .to_string()
}

/// What a form for a new event on `person` starts with.
fn new_event_filled(person: &Value) -> Filled {
    let mut f = Filled::of(&json!({"type": "event", "kind": "detained"}), EVENT);
    // Her events are as visible as she is (an event is never more visible than its person).
    f.values.insert(
        "visibility".into(),
        person["visibility"]
            .as_str()
            .unwrap_or("public")
            .to_string(),
    );
    f
}

/// A person's page for editors: `banner` on top (saved, or what went wrong), then her
/// form, her events (each editable in place), a new event, retraction and history.
/// `person_filled`/`event_filled` keep what was typed when a save came back.
#[allow(clippy::too_many_arguments)] // the page, and what came back to show on it
pub(crate) async fn person_page(
    live: &Arc<Live>,
    tr: &Tr,
    p: &Principal,
    id: &str,
    banner: Markup,
    status: StatusCode,
    person_filled: Option<Filled>,
    event_filled: Option<(String, Filled)>,
) -> Response {
    let stored = match read_person(live, id).await {
        Ok(Some(s)) => s,
        Ok(None) => {
            return crate::edit::pages::not_found(
                tr,
                p,
                &tr.with("no-person", &[("id", id.into())]),
            )
        }
        Err(e) => return e.into_response(),
    };
    if let Err(e) =
        crate::edit::pages::audit_read(live, &stored.person, &p.name, RecordType::Person, id).await
    {
        return e.into_response();
    }
    let sources = stored_sources(live).await;
    let snapshot = live.snapshot();
    let country = stored.person["country"].as_str();
    let choices = forms::Choices::for_person(tr, &snapshot.registry, id);
    let filled = person_filled.unwrap_or_else(|| Filled::of(&stored.person, PERSON));
    let name = display_name(&stored.person);
    let event_near = |f: &Filled| {
        let date = f.get("date").parse::<PartialDate>().ok();
        forms::near(snapshot.registry.announcements(), country, date)
    };
    // A form that came back for an event not stored is the new event's form again.
    let stored_doms: Vec<String> = stored
        .events
        .iter()
        .map(|(_, eid, _)| format!("event-form-{eid}"))
        .collect();
    let new_filled = match &event_filled {
        Some((dom, f)) if !stored_doms.contains(dom) => clone_filled(f),
        _ => new_event_filled(&stored.person),
    };
    let new_dom = "new-event-form".to_string();
    let new_id = Some(new_filled.get("id").to_string()).filter(|i| !i.is_empty());
    let body = html! {
        (banner)
        h1 { (name) }
        p.meta { (tr.t("version")) " " span #version { (stored.version) } " · "
            a href={ "/persons/" (id) } { (tr.t("public-page")) } " · "
            a href=(with_query("/edit/record", &[("type", "person"), ("id", id)])) { (tr.t("edit-as-json")) } }
        (person_form(tr, p, Some(id), Some(stored.version), &filled, &sources))
        h2 #events-heading { (tr.t("events")) }
        @if stored.events.is_empty() { p { (tr.t("events-none")) } }
        @else {
            ul #events.events {
                @for (e, eid, eversion) in &stored.events {
                    @let dom = format!("event-form-{eid}");
                    @let mine = event_filled.as_ref().filter(|(d, _)| *d == dom);
                    li {
                        details open[mine.is_some()] {
                            summary {
                                (tr.day_text(e["date"].as_str().unwrap_or(""))) " — " (tr.term("event-kind", e["kind"].as_str().unwrap_or("")))

                            }
                            @if let Some(a) = e["announcement"].as_str() { p.note { a href={ "/announcements/" (a) } { (tr.t("in-announcement")) } } }
                            @let f = mine.map_or_else(|| Filled::of(e, EVENT), |(_, f)| clone_filled(f));
                            @let near = event_near(&f);
                            (event_form(tr, p, &dom, id, Some(eid), Some(*eversion), &f, &near, &sources, &choices))
                            p.note { a href={ "/edit/event/" (eid) } { (tr.t("link-form")) } }
                            (retract_form(tr, p, RecordType::Event, eid, *eversion, &format!("retract-event-{eid}")))
                        }
                    }
                }
            }
        }
        h2 { (tr.t("edit-add-event")) }
        @let near = event_near(&new_filled);
        (event_form(tr, p, &new_dom, id, new_id.as_deref(), None, &new_filled, &near, &sources, &choices))
        h2 { (tr.t("retract-heading")) }
        p { (retract_note(tr, RecordType::Person)) }
        (retract_form(tr, p, RecordType::Person, id, stored.version, "retract-form"))
        h2 { (tr.t("history")) }
        (crate::edit::lists::history_table(tr, &stored.history))
    };
    (status, page(tr, &tr.t("edit-person-title"), Some(p), &body)).into_response()
}

fn clone_filled(f: &Filled) -> Filled {
    Filled {
        values: f.values.clone(),
        problems: f.problems.clone(),
    }
}

/// Said on top of a page after a save.
pub(crate) fn saved_banner(tr: &Tr, seq: u64, stale: Option<&str>) -> Markup {
    html! {
        div.saved role="status" {
            p #saved { (tr.t("saved")) }
            p { (tr.with("saved-at", &[("seq", seq.to_string().into())])) }
            (stale_warning(tr, stale))
        }
    }
}

/// Said on top of a form that came back: what to fix.
pub(crate) fn problem_banner(_tr: &Tr, heading: &str, message: &str) -> Markup {
    html! {
        div.problem role="alert" {
            h2 #not-saved { (heading) }
            p #problem { (message) }
        }
    }
}

/// The stored record a form was opened at (see `pages::stored_at`).
async fn opened_at(
    live: &Arc<Live>,
    rtype: RecordType,
    id: &str,
    version: Option<u64>,
) -> Result<Option<Value>, crate::AppError> {
    crate::edit::pages::stored_at(live, rtype, id, version).await
}

/// A new source written in place, if the post has one (as a draft; its problems marked).
fn new_source(form: &HashMap<String, String>, filled: &mut Filled, tr: &Tr) -> Option<Draft> {
    let get = |k: &str| {
        form.get(k)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let (publisher, url, title) = (
        get("new_source.publisher"),
        get("new_source.url"),
        get("new_source.title"),
    );
    if publisher.is_none() && url.is_none() && title.is_none() {
        return None;
    }
    let mut record = json!({"type": "source", "id": ""});
    for (k, v) in [("publisher", &publisher), ("url", &url), ("title", &title)] {
        if let Some(v) = v {
            record[k] = v.clone().into();
        }
    }
    if let Some(d) = get("new_source.published") {
        match vigil_core::sheet::cells::date(&d) {
            Ok(d) => record["published"] = d.to_string().into(),
            Err(_) => filled.mark("new_source.published", Problem::Date.words(tr)),
        }
    }
    let slug = crate::edit::ids::slug(
        publisher
            .as_deref()
            .or(title.as_deref())
            .unwrap_or("source"),
        24,
        "source",
    );
    Some(Draft {
        record,
        version: None,
        slug: Some(slug),
    })
}

/// `POST /edit/person`'s work: the person (new, or at the form's version) with the fields
/// changed written over, and for a new one her first events.
pub(crate) async fn save_person(
    live: Arc<Live>,
    tr: &Tr,
    form: crate::auth::EditorForm,
) -> Response {
    let p = form.editor().principal().clone();
    let f = &form.fields;
    let given_id = text(f, "id");
    let version = text(f, "version").and_then(|v| v.parse().ok());
    let mut filled = Filled::posted(f, PERSON);
    // A source typed into the picker, resolved to the stored one it names.
    let stored = stored_sources(&live).await;
    let resolved = crate::edit::pick::resolve_source(f, &stored, tr, &mut filled);
    let f = &resolved;
    let mut record = match &given_id {
        Some(id) => match opened_at(&live, RecordType::Person, id, version).await {
            Ok(Some(v)) => v,
            Ok(None) => json!({"type": "person", "id": id}),
            Err(e) => return e.into_response(),
        },
        None => json!({"type": "person", "id": ""}),
    };
    if let Err(problems) = spec::merge(&mut record, PERSON, None, f) {
        for (k, pr) in problems {
            filled.mark(k, pr.words(tr));
        }
    }
    spec::merge_names(&mut record, f);
    if record["names"].as_array().is_none_or(Vec::is_empty) {
        filled.mark("name", Problem::Missing.words(tr));
    }
    let is_new = given_id.is_none();
    let mut drafts = Vec::new();
    let sources_draft = if is_new {
        new_source(f, &mut filled, tr)
    } else {
        None
    };
    let mut first_events = Vec::new();
    if is_new {
        let mut sources: Vec<Value> = forms::posted_sources(f)
            .unwrap_or_default()
            .into_iter()
            .map(Value::from)
            .collect();
        if sources_draft.is_some() {
            sources.push(new_ref(0).into());
        }
        let person_ref = new_ref(usize::from(sources_draft.is_some()));
        for (k, kind) in [
            ("first.detained", "detained"),
            ("first.recognized", "recognized"),
        ] {
            let Some(d) = text(f, k) else { continue };
            match vigil_core::sheet::cells::date(&d) {
                Ok(d) => {
                    let mut e = json!({"type": "event", "id": "", "person": person_ref, "kind": kind, "date": d.to_string()});
                    if kind == "recognized" {
                        if let Some(by) = text(f, "first.by") {
                            e["details"] = json!({"by": by});
                        }
                    }
                    if !sources.is_empty() {
                        e["sources"] = sources.clone().into();
                    }
                    if let Some(v) = record["visibility"].as_str().filter(|v| *v != "public") {
                        e["visibility"] = v.into();
                    }
                    first_events.push(e);
                }
                Err(_) => filled.mark(k, Problem::Date.words(tr)),
            }
        }
    }
    let back = |filled: Filled, status: StatusCode, banner: Markup| {
        let live = Arc::clone(&live);
        let (tr, p, id) = (tr.clone(), p.clone(), given_id.clone());
        async move {
            if let Some(id) = id {
                person_page(&live, &tr, &p, &id, banner, status, Some(filled), None).await
            } else {
                let sources = stored_sources(&live).await;
                (
                    status,
                    page(
                        &tr,
                        &tr.t("edit-add-person"),
                        Some(&p),
                        &html! {
                            (banner)
                            h1 { (tr.t("edit-add-person")) }
                            (person_form(&tr, &p, None, None, &filled, &sources))
                        },
                    ),
                )
                    .into_response()
            }
        }
    };
    if !filled.problems.is_empty() {
        let banner = problem_banner(tr, &tr.t("not-saved"), &tr.t("fix-marked"));
        return back(filled, StatusCode::BAD_REQUEST, banner).await;
    }
    let slug = crate::edit::ids::slug(&display_name(&record), 24, "person");
    if let Some(s) = sources_draft {
        drafts.push(s);
    }
    drafts.push(Draft {
        record,
        version,
        slug: is_new.then_some(slug.clone()),
    });
    for e in first_events {
        let kind = e["kind"].as_str().unwrap_or("event").to_string();
        drafts.push(Draft {
            record: e,
            version: None,
            slug: Some(format!("{slug}-{kind}")),
        });
    }
    let person_at = drafts.len()
        - 1
        - drafts
            .iter()
            .rev()
            .take_while(|d| d.record["type"] == "event")
            .count();
    let reason = text(f, "reason");
    let result = live
        .write(form.editor(), move |store, editor| {
            save_all(store, editor, drafts, reason)
        })
        .await;
    answer(tr, result, person_at, filled, back).await
}

/// The answer to a save: a redirect to the person's page, which says it is saved
/// (`edit::saved_redirect`), or the form again with why not.
async fn answer<F, Fut>(
    tr: &Tr,
    result: Result<Written<Wrote>, crate::AppError>,
    person_at: usize,
    filled: Filled,
    back: F,
) -> Response
where
    F: FnOnce(Filled, StatusCode, Markup) -> Fut,
    Fut: std::future::Future<Output = Response>,
{
    match result {
        Ok(Written {
            value: Wrote::Done { saved },
            ..
        }) => {
            let (id, seq) = &saved[person_at];
            let path = format!("/edit/person/{}", crate::links::segment(id));
            crate::edit::saved_redirect(tr, &path, *seq)
        }
        Ok(Written {
            value: Wrote::Stale { rtype, id, current },
            ..
        }) => {
            let banner = html! {
                div.problem role="alert" {
                    h2 #conflict { (tr.t("conflict-heading")) }
                    p #problem { (tr.with("conflict-changed", &[("type", crate::edit::record_type(tr, rtype).into()), ("id", id.as_str().into())])) }
                    @if current.is_none() { p { (tr.t("conflict-gone")) } }
                }
            };
            back(filled, StatusCode::CONFLICT, banner).await
        }
        Ok(Written {
            value: Wrote::Taken { rtype, id },
            ..
        }) => {
            let banner = html! {
                div.problem role="alert" {
                    h2 #taken { (tr.t("taken-heading")) }
                    p #problem { (tr.with("taken-message", &[("type", crate::edit::record_type(tr, rtype).into()), ("id", id.as_str().into())])) }
                }
            };
            back(filled, StatusCode::CONFLICT, banner).await
        }
        Ok(Written {
            value: Wrote::Invalid(why),
            ..
        }) => {
            let banner = problem_banner(tr, &tr.t("not-saved"), &unsaved(tr, &why));
            back(filled, StatusCode::BAD_REQUEST, banner).await
        }
        Err(e) => e.into_response(),
    }
}

/// The announcement a post links an event to: `Ok(None)` to leave it as shown.
fn chosen_announcement(
    record: &mut Value,
    form: &HashMap<String, String>,
    near: &[&vigil_core::record::Announcement],
    tr: &Tr,
    filled: &mut Filled,
) {
    let Some(typed) = form.get("announcement").map(|s| s.trim().to_string()) else {
        return;
    };
    let was = record["announcement"].as_str().unwrap_or("").to_string();
    // Typed words resolved among her country's announcements near the date.
    let now = if typed == was {
        typed
    } else {
        match crate::edit::pick::resolve_announcement(&typed, tr, near) {
            Ok(id) => id,
            Err(problem) => {
                filled.values.insert("announcement".into(), typed);
                filled.mark("announcement", problem);
                return;
            }
        }
    };
    let kind = record["kind"].as_str().unwrap_or("");
    if now.is_empty() && kind == "pardoned" && was.is_empty() {
        // An unlinked pardon counts on top of the waves: say so unless she was in none.
        let date = record["date"]
            .as_str()
            .and_then(|d| d.parse::<PartialDate>().ok());
        if let Some(d) = date {
            if near.iter().any(|a| forms::days_apart(a, d) <= 31) {
                filled.mark("announcement", tr.t("problem-pick-announcement"));
            }
        }
        return;
    }
    if now == was || (now.is_empty() && was.is_empty()) {
        return;
    }
    let o = record.as_object_mut().expect("an event is an object");
    if now == "-" || now.is_empty() {
        o.remove("announcement");
    } else {
        o.insert("announcement".into(), now.into());
    }
}

/// `POST /edit/event`'s work: the event (new, or at the form's version) with the fields of
/// its kind written over, its sources and its announcement.
pub(crate) async fn save_event(
    live: Arc<Live>,
    tr: &Tr,
    form: crate::auth::EditorForm,
) -> Response {
    let p = form.editor().principal().clone();
    let f = &form.fields;
    let given_id = text(f, "id");
    let version = text(f, "version").and_then(|v| v.parse().ok());
    let mut filled = Filled::posted(f, EVENT);
    // A source typed into the picker, resolved to the stored one it names.
    let stored = stored_sources(&live).await;
    let resolved = crate::edit::pick::resolve_source(f, &stored, tr, &mut filled);
    let f = &resolved;
    let Some(person) = text(f, "person") else {
        return crate::edit::problem(
            &tr.at("/edit"),
            &p,
            StatusCode::BAD_REQUEST,
            &tr.t("not-saved"),
            &tr.t("need-event-person"),
        );
    };
    let mut record = match &given_id {
        Some(id) => match opened_at(&live, RecordType::Event, id, version).await {
            Ok(Some(v)) => v,
            Ok(None) => json!({"type": "event", "id": id, "person": person}),
            Err(e) => return e.into_response(),
        },
        None => json!({"type": "event", "id": "", "person": person}),
    };
    let kind = text(f, "kind").or_else(|| record["kind"].as_str().map(str::to_string));
    if let Err(problems) = spec::merge(&mut record, EVENT, kind.as_deref(), f) {
        for (k, pr) in problems {
            filled.mark(k, pr.words(tr));
        }
    }
    for k in ["kind", "date"] {
        if record[k].as_str().is_none_or(str::is_empty) {
            filled.mark(k, Problem::Missing.words(tr));
        }
    }
    for (k, pr) in spec::case::event_problems(&record) {
        filled.mark(k, pr.words(tr));
    }
    let snapshot = live.snapshot();
    let country = snapshot
        .registry
        .person_index(&person)
        .and_then(|ix| snapshot.registry.country_of(ix).map(str::to_string));
    let date = record["date"]
        .as_str()
        .and_then(|d| d.parse::<PartialDate>().ok());
    let near = forms::near(snapshot.registry.announcements(), country.as_deref(), date);
    chosen_announcement(&mut record, f, &near, tr, &mut filled);
    let source_draft = new_source(f, &mut filled, tr);
    if let Some(mut chosen) = forms::posted_sources(f) {
        if source_draft.is_some() {
            chosen.push(new_ref(0));
        }
        let was: Vec<String> = record["sources"].as_array().map_or_else(Vec::new, |a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        });
        let (mut before, mut after) = (was.clone(), chosen.clone());
        before.sort();
        after.sort();
        if before != after {
            let obj = record.as_object_mut().expect("an event is an object");
            if chosen.is_empty() {
                obj.remove("sources");
            } else {
                // The stored order is kept for the sources that stay.
                let mut list: Vec<String> =
                    was.into_iter().filter(|s| chosen.contains(s)).collect();
                let added: Vec<String> = chosen.into_iter().filter(|s| !list.contains(s)).collect();
                list.extend(added);
                obj.insert("sources".into(), list.into());
            }
        }
    }
    // An event is no more visible than its person: a new event takes hers unless chosen.
    let dom = given_id.as_ref().map_or_else(
        || "new-event-form".to_string(),
        |id| format!("event-form-{id}"),
    );
    let back = |filled: Filled, status: StatusCode, banner: Markup| {
        let live = Arc::clone(&live);
        let (tr, p, person, dom) = (tr.clone(), p.clone(), person.clone(), dom.clone());
        async move {
            person_page(
                &live,
                &tr,
                &p,
                &person,
                banner,
                status,
                None,
                Some((dom, filled)),
            )
            .await
        }
    };
    if !filled.problems.is_empty() {
        let banner = problem_banner(tr, &tr.t("not-saved"), &tr.t("fix-marked"));
        return back(filled, StatusCode::BAD_REQUEST, banner).await;
    }
    let slug = format!(
        "{}-{}",
        crate::edit::ids::slug(&person, 40, "p"),
        record["kind"].as_str().unwrap_or("event")
    );
    let mut drafts = Vec::new();
    if let Some(s) = source_draft {
        drafts.push(s);
    }
    let is_new = given_id.is_none();
    drafts.push(Draft {
        record,
        version,
        slug: is_new.then_some(slug),
    });
    let at = drafts.len() - 1;
    let reason = text(f, "reason");
    let result = live
        .write(form.editor(), move |store, editor| {
            save_all(store, editor, drafts, reason)
        })
        .await;
    if let Ok(Written {
        value: Wrote::Done { saved },
        ..
    }) = &result
    {
        // An event's save leads to its person's page, which lists it.
        let path = format!("/edit/person/{}", crate::links::segment(&person));
        return crate::edit::saved_redirect(tr, &path, saved[at].1);
    }
    answer(tr, result, at, filled, back).await
}

/// The visibility a new person's form starts at: restricted, so no name is published
/// before someone decides it may be.
pub(crate) fn new_person_filled() -> Filled {
    let mut f = Filled::of(&json!({"type": "person"}), PERSON);
    f.values
        .insert("visibility".into(), Visibility::Restricted.as_str().into());
    f
}
