//! The forms of announcements (with the breakdown's grid of standard keys, custom keys
//! and the official claims, and on its page what `check` finds contradicting them),
//! figures and sources: `GET /edit/new/{type}` (a new one; a person's form, or for an
//! event the persons to pick from), `GET /edit/form/{type}/{id}`, `POST /edit/form/{type}`.
//! Saved through `write::save_all` like the person's and event's forms, with the same
//! answers: the record's form saying it is saved, or again with what was typed and the
//! field marked.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde_json::json;
use vigil_core::access::Audience;
use vigil_core::record::RecordType;

use crate::auth::{BackofficeEditor, EditorForm, Principal};
use crate::edit::forms::{self, Filled, SourceChoice};
use crate::edit::person::{new_person_filled, person_form, problem_banner, stored_sources};
use crate::edit::spec::{self, Field, Problem};
use crate::edit::write::{new_ref, save_all, Draft, Wrote};
use crate::edit::{csrf, page, record_type, saved_redirect, text, unsaved, SavedAt};
use crate::i18n::Tr;
use crate::input::{Path, Query};
use crate::state::Written;
use crate::Live;

fn fields_of(rtype: RecordType) -> Option<&'static [Field]> {
    match rtype {
        RecordType::Announcement => Some(spec::ANNOUNCEMENT),
        RecordType::Figure => Some(spec::FIGURE),
        RecordType::Source => Some(spec::SOURCE),
        RecordType::Place => Some(spec::PLACE),
        _ => None,
    }
}

fn heading(tr: &Tr, rtype: RecordType, new: bool) -> String {
    match (rtype, new) {
        (RecordType::Announcement, true) => tr.t("edit-add-announcement"),
        (RecordType::Figure, true) => tr.t("edit-add-figure"),
        (RecordType::Place, true) => tr.t("edit-add-place"),
        (_, true) => tr.t("edit-add-source"),
        (t, false) => tr.with(
            "edit-record-heading-words",
            &[("type", record_type(tr, t).into())],
        ),
    }
}

/// The breakdown grid: a cell per standard key, and custom keys with their counts.
fn breakdown(tr: &Tr, filled: &Filled) -> Markup {
    let customs = (0..40)
        .filter(|i| filled.values.contains_key(&format!("custom_key.{i}")))
        .count();
    html! {
        fieldset.breakdown {
            legend { (tr.t("field-breakdown")) }
            div.grid {
                @for key in spec::BREAKDOWN {
                    @let k = format!("breakdown.{key}");
                    @let id = format!("record-form-breakdown-{key}");
                    div.field {
                        label for=(id) { (tr.term("breakdown", key)) }
                        input type="text" inputmode="numeric" id=(id) name=(k) value=(filled.get(&k)) aria-invalid=[filled.problems.get(&k).map(|_| "true")];
                        @if let Some(p) = filled.problems.get(&k) { span.error { (p) } }
                    }
                }
            }
            @for i in 0..customs + 2 {
                @let (kk, kc) = (format!("custom_key.{i}"), format!("custom_count.{i}"));
                div.name-row {
                    div.field { label for={ "record-form-ck" (i) } { (tr.t("field-custom-key")) } input type="text" id={ "record-form-ck" (i) } name=(kk) value=(filled.get(&kk)); }
                    div.field { label for={ "record-form-cc" (i) } { (tr.t("field-custom-count")) } input type="text" inputmode="numeric" id={ "record-form-cc" (i) } name=(kc) value=(filled.get(&kc)) aria-invalid=[filled.problems.get(&kc).map(|_| "true")]; }
                }
            }
        }
    }
}

fn record_form(
    tr: &Tr,
    p: &Principal,
    rtype: RecordType,
    id: Option<&str>,
    version: Option<u64>,
    filled: &Filled,
    sources: &[SourceChoice],
) -> Markup {
    let fields = fields_of(rtype).unwrap_or(&[]);
    html! {
        form #record-fields-form.record method="post" action={ "/edit/form/" (rtype.as_str()) } {
            input type="hidden" name="csrf" value=(csrf(p));
            input type="hidden" name="version" value=(version.map_or(String::new(), |v| v.to_string()));
            input type="hidden" name="id" value=(id.unwrap_or(""));
            @for f in fields { (forms::field(tr, "record-form", f, filled)) }
            @if rtype == RecordType::Announcement { (breakdown(tr, filled)) }
            @if rtype != RecordType::Source { (forms::sources(tr, "record-form", filled, sources)) }
            div.field {
                label for="record-form-reason" { (tr.t("field-reason")) }
                input type="text" id="record-form-reason" name="reason" value=(filled.get("reason"));
            }
            button type="submit" { (tr.t("button-save")) }
        }
    }
}

/// What `check` says against an announcement (its breakdown, its identified persons).
fn contradictions(tr: &Tr, live: &Live, id: &str) -> Markup {
    let snapshot = live.snapshot();
    let found: Vec<_> = vigil_core::check::check(&snapshot.registry, Audience::Trusted)
        .into_iter()
        .filter(|f| f.subject == id)
        .collect();
    html! {
        @if !found.is_empty() {
            section.problem #contradictions {
                h2 { (tr.t("contradictions-heading")) }
                ul { @for f in &found { li lang="en" { (f.message) } } }
            }
        }
    }
}

/// What a new record's form starts at.
fn skeleton(rtype: RecordType) -> serde_json::Value {
    match rtype {
        RecordType::Announcement => json!({"kind": "pardon", "names_disclosed": false}),
        RecordType::Figure => json!({"qualifier": "exact"}),
        RecordType::Place => json!({"kind": "other"}),
        _ => json!({}),
    }
}

/// A new record before the post is merged in: its type, and the boxes its form showed
/// unticked with a meaning (an announcement's "names disclosed" unticked is
/// `names_disclosed: false`, the anonymous wave; left alone, an unticked box leaves the
/// field absent, which means unknown).
fn unsaved_record(rtype: RecordType, fields: &[Field]) -> serde_json::Value {
    let mut record = json!({"type": rtype.as_str(), "id": ""});
    let start = skeleton(rtype);
    for f in fields
        .iter()
        .filter(|f| matches!(f.input, spec::Input::Flag))
    {
        if let (&[key], Some(v)) = (f.path, start.get(f.key)) {
            record[key] = v.clone();
        }
    }
    record
}

#[allow(clippy::too_many_arguments)] // the page, and what came back to show on it
async fn form_page(
    live: &Arc<Live>,
    tr: &Tr,
    p: &Principal,
    rtype: RecordType,
    id: Option<&str>,
    banner: Markup,
    status: StatusCode,
    filled: Option<Filled>,
) -> Response {
    let found = match id {
        Some(id) => {
            match crate::edit::pages::read_record(live, rtype, Some(id.to_string())).await {
                Ok(Some(x)) => Some(x),
                Ok(None) => return crate::edit::pages::not_found(tr, p, &tr.t("no-record")),
                Err(e) => return e.into_response(),
            }
        }
        None => None,
    };
    let fields = fields_of(rtype).unwrap_or(&[]);
    let skeleton = skeleton(rtype);
    let filled =
        filled.unwrap_or_else(|| Filled::of(found.as_ref().map_or(&skeleton, |(v, _)| v), fields));
    let sources = stored_sources(live).await;
    let body = html! {
        (banner)
        h1 { (heading(tr, rtype, id.is_none())) }
        @if let Some((v, version)) = &found {
            p.meta { (tr.t("version")) " " span #version { (version) } " · "
                @if rtype == RecordType::Announcement { a href={ "/announcements/" (v["id"].as_str().unwrap_or("")) } { (tr.t("public-page")) } " · " }
                a href=(crate::links::with_query("/edit/record", &[("type", rtype.as_str()), ("id", id.unwrap_or(""))])) { (tr.t("edit-as-json")) } }
        }
        @if let (RecordType::Announcement, Some(id)) = (rtype, id) { (contradictions(tr, live, id)) }
        (record_form(tr, p, rtype, id, found.as_ref().map(|(_, v)| *v), &filled, &sources))
        @if let (Some(id), Some((_, version))) = (id, &found) {
            h2 { (tr.t("retract-heading")) }
            p { (crate::edit::pages::retract_note(tr, rtype)) }
            (crate::edit::pages::retract_form(tr, p, rtype, id, *version, "retract-form"))
        }
    };
    (
        status,
        page(tr, &heading(tr, rtype, id.is_none()), Some(p), &body),
    )
        .into_response()
}

/// `GET /edit/new/{type}`: a new record's form.
#[utoipa::path(get, path = "/edit/new/{type}", tag = "pages",
    params(("type" = String, Path, description = "`person`, `event`, `announcement`, `figure`, `source` or `place`", example = "person")),
    security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The new record's form", content_type = "text/html", body = String),
        (status = 303, description = "An event: to the persons, to pick whose"),
        (status = 400, description = "`bad_request`: a path that is not UTF-8 (a page in the reader\'s language)", content_type = "text/html", body = String),
        (status = 404, description = "No form for that type", content_type = "text/html", body = String), crate::shapes::EditorPage))]
pub async fn new_record(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    tr: Tr,
    Path(rtype): Path<String>,
) -> Response {
    let p = editor.principal().clone();
    match RecordType::parse(&rtype) {
        Some(RecordType::Person) => {
            let sources = stored_sources(&live).await;
            page(
                &tr,
                &tr.t("edit-add-person"),
                Some(&p),
                &html! {
                    h1 { (tr.t("edit-add-person")) }
                    p { (tr.t("new-person-note")) }
                    (person_form(&tr, &p, None, None, &new_person_filled(), &sources))
                },
            )
            .into_response()
        }
        Some(RecordType::Event) => Redirect::to("/edit/persons").into_response(),
        Some(t) if fields_of(t).is_some() => {
            form_page(&live, &tr, &p, t, None, html! {}, StatusCode::OK, None).await
        }
        _ => crate::edit::pages::not_found(&tr, &p, &tr.t("no-record")),
    }
}

/// `GET /edit/form/{type}/{id}`: an announcement's, figure's or source's form.
#[utoipa::path(get, path = "/edit/form/{type}/{id}", tag = "pages",
    params(("type" = String, Path, description = "`announcement`, `figure`, `source` or `place`", example = "announcement"),
        ("id" = String, Path, description = "The record's id", example = "a-BY-2020-1"), SavedAt),
    security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The record's form and retract form", content_type = "text/html", body = String),
        (status = 400, description = "`bad_request`: a path that is not UTF-8 (a page in the reader\'s language)", content_type = "text/html", body = String),
        (status = 404, description = "No such record", content_type = "text/html", body = String), crate::shapes::EditorPage))]
pub async fn open_form(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    tr: Tr,
    Path((rtype, id)): Path<(String, String)>,
    Query(saved): Query<SavedAt>,
) -> Response {
    let p = editor.principal().clone();
    match RecordType::parse(&rtype).filter(|t| fields_of(*t).is_some()) {
        Some(t) => {
            let banner = saved.banner(&live, &tr);
            form_page(&live, &tr, &p, t, Some(&id), banner, StatusCode::OK, None).await
        }
        None => crate::edit::pages::not_found(&tr, &p, &tr.t("no-record")),
    }
}

/// `POST /edit/form/{type}`: save an announcement, figure or source from its form.
#[utoipa::path(post, path = "/edit/form/{type}", tag = "pages",
    params(("type" = String, Path, description = "`announcement`, `figure`, `source` or `place`", example = "announcement")),
    security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = crate::shapes::FieldsForm, content_type = "application/x-www-form-urlencoded"),
    responses(crate::shapes::SavedPage, crate::shapes::EditorFormRefusals))]
pub async fn save_form(
    State(live): State<Arc<Live>>,
    tr: Tr,
    Path(rtype): Path<String>,
    form: EditorForm,
) -> Response {
    let p = form.editor().principal().clone();
    let Some((rtype, fields)) =
        RecordType::parse(&rtype).and_then(|t| fields_of(t).map(|f| (t, f)))
    else {
        return crate::edit::pages::not_found(&tr, &p, &tr.t("no-record"));
    };
    let f = &form.fields;
    let given_id = text(f, "id");
    let version = text(f, "version").and_then(|v| v.parse().ok());
    let mut filled = Filled::posted(f, fields);
    // A source typed into the picker, resolved to the stored one it names.
    let stored = stored_sources(&live).await;
    let resolved = crate::edit::pick::resolve_source(f, &stored, &tr, &mut filled);
    let f = &resolved;
    let mut record = match &given_id {
        Some(id) => match crate::edit::pages::stored_at(&live, rtype, id, version).await {
            Ok(Some(v)) => v,
            Ok(None) => json!({"type": rtype.as_str(), "id": id}),
            Err(e) => return e.into_response(),
        },
        None => unsaved_record(rtype, fields),
    };
    if let Err(problems) = spec::merge(&mut record, fields, None, f) {
        for (k, pr) in problems {
            filled.mark(k, pr.words(&tr));
        }
    }
    if rtype == RecordType::Announcement {
        if let Err(problems) = spec::merge_breakdown(&mut record, f) {
            for (k, pr) in problems {
                filled.mark(&k, pr.words(&tr));
            }
        }
    }
    let required: &[&str] = match rtype {
        RecordType::Announcement => &["kind", "date"],
        RecordType::Figure => &["metric", "value", "as_of"],
        _ => &[],
    };
    // Asked only when the rest was written: a form refused for another field kept its names.
    if rtype == RecordType::Place
        && filled.problems.is_empty()
        && record["names"].as_array().is_none_or(Vec::is_empty)
    {
        filled.mark("name_be", Problem::Missing.words(&tr));
    }
    // Missing is what the editor left empty: a field written but refused says why, and
    // one filled in is not called missing because another field stopped the merge.
    for k in required {
        let posted = f.get(*k).is_some_and(|v| !v.trim().is_empty());
        if !posted
            && !filled.problems.contains_key(*k)
            && (record[*k].is_null() || record[*k].as_str() == Some(""))
        {
            filled.mark(k, Problem::Missing.words(&tr));
        }
    }
    let source_draft = if rtype == RecordType::Source {
        None
    } else {
        let get = |k: &str| {
            f.get(k)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let (publisher, url) = (get("new_source.publisher"), get("new_source.url"));
        (publisher.is_some() || url.is_some()).then(|| {
            let mut s = json!({"type": "source", "id": ""});
            for (k, v) in [
                ("publisher", &publisher),
                ("url", &url),
                ("title", &get("new_source.title")),
            ] {
                if let Some(v) = v {
                    s[k] = v.clone().into();
                }
            }
            if let Some(d) =
                get("new_source.published").and_then(|d| vigil_core::sheet::cells::date(&d).ok())
            {
                s["published"] = d.to_string().into();
            }
            let slug =
                crate::edit::ids::slug(publisher.as_deref().unwrap_or("source"), 24, "source");
            Draft {
                record: s,
                version: None,
                slug: Some(slug),
            }
        })
    };
    if rtype != RecordType::Source {
        if let Some(mut chosen) = forms::posted_sources(f) {
            if source_draft.is_some() {
                chosen.push(new_ref(0));
            }
            let was: Vec<String> = record["sources"].as_array().map_or_else(Vec::new, |a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            });
            let (mut a, mut b) = (was, chosen.clone());
            a.sort();
            b.sort();
            if a != b {
                record["sources"] = chosen.into();
            }
        }
    }
    let back = |filled: Filled, status: StatusCode, banner: Markup| {
        let (live, tr, p, id) = (Arc::clone(&live), tr.clone(), p.clone(), given_id.clone());
        async move {
            form_page(
                &live,
                &tr,
                &p,
                rtype,
                id.as_deref(),
                banner,
                status,
                Some(filled),
            )
            .await
        }
    };
    if !filled.problems.is_empty() {
        return back(
            filled,
            StatusCode::BAD_REQUEST,
            problem_banner(&tr, &tr.t("not-saved"), &tr.t("fix-marked")),
        )
        .await;
    }
    let slug_text = match rtype {
        RecordType::Announcement => format!(
            "{} {} {}",
            record["country"].as_str().unwrap_or(""),
            record["kind"].as_str().unwrap_or(""),
            record["date"].as_str().unwrap_or("")
        ),
        RecordType::Figure => format!(
            "{} {}",
            record["metric"].as_str().unwrap_or(""),
            record["as_of"].as_str().unwrap_or("")
        ),
        RecordType::Place => ["en", "be", "ru"]
            .iter()
            .find_map(|l| spec::case::name_in(&record, l))
            .unwrap_or_else(|| "place".into()),
        _ => record["publisher"]
            .as_str()
            .or(record["title"].as_str())
            .unwrap_or("source")
            .to_string(),
    };
    let slug = crate::edit::ids::slug(&slug_text, 40, rtype.as_str());
    let mut drafts = Vec::new();
    if let Some(s) = source_draft {
        drafts.push(s);
    }
    drafts.push(Draft {
        record,
        version,
        slug: given_id.is_none().then_some(slug),
    });
    let at = drafts.len() - 1;
    let reason = text(f, "reason");
    let result = live
        .write(form.editor(), move |store, editor| {
            save_all(store, editor, drafts, reason)
        })
        .await;
    match result {
        Ok(Written {
            value: Wrote::Done { saved },
            ..
        }) => {
            let (id, seq) = &saved[at];
            let path = format!(
                "/edit/form/{}/{}",
                rtype.as_str(),
                crate::links::segment(id)
            );
            saved_redirect(&tr, &path, *seq)
        }
        Ok(Written {
            value: Wrote::Stale { .. },
            ..
        }) => {
            let banner = html! { div.problem role="alert" { h2 #conflict { (tr.t("conflict-heading")) } p #problem { (tr.with("conflict-changed", &[("type", record_type(&tr, rtype).into()), ("id", given_id.as_deref().unwrap_or("").into())])) } } };
            back(filled, StatusCode::CONFLICT, banner).await
        }
        Ok(Written {
            value: Wrote::Taken { rtype, id },
            ..
        }) => {
            let banner = html! { div.problem role="alert" { h2 #taken { (tr.t("taken-heading")) } p #problem { (tr.with("taken-message", &[("type", record_type(&tr, rtype).into()), ("id", id.as_str().into())])) } } };
            back(filled, StatusCode::CONFLICT, banner).await
        }
        Ok(Written {
            value: Wrote::Invalid(why),
            ..
        }) => {
            let banner = problem_banner(&tr, &tr.t("not-saved"), &unsaved(&tr, &why));
            back(filled, StatusCode::BAD_REQUEST, banner).await
        }
        Err(e) => e.into_response(),
    }
}
