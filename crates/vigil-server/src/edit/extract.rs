//! The paste-a-report page (`/edit/extract`), in the reader's language: a report's
//! proposed records shown, and stored only on confirmation, through `vigil_store::import` (as `vigil extract
//! --import` does), all or nothing, by `Live::write` with the editor.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde_json::Value;
use vigil_core::record::RecordType;
use vigil_i18n::Arg;

use crate::auth::{BackofficeEditor, EditorForm, Principal};
use crate::edit::api::now;
use crate::edit::{csrf, page, record_type, stale_warning, text};
use crate::i18n::Tr;
use crate::links::with_query;
use crate::shapes::{EditorFormRefusals, EditorPage, ExtractForm};
use crate::state::Written;
use crate::{AppError, Live};

/// The report form, filled with what was given.
fn extract_form(tr: &Tr, p: &Principal, f: &std::collections::HashMap<String, String>) -> Markup {
    let v = |k: &str| f.get(k).cloned().unwrap_or_default();
    html! {
        form #extract-form method="post" action="/edit/extract" {
            input type="hidden" name="csrf" value=(csrf(p));
            label { (tr.t("field-report")) " " textarea name="text" rows="14" cols="80" required { (v("text")) } }
            label { (tr.t("field-date")) " " input type="text" name="date" placeholder=(tr.t("hint-date")) value=(v("date")); }
            (crate::edit::forms::field(tr, "extract-form", &crate::edit::spec::COUNTRY, &crate::edit::forms::Filled { values: f.clone(), problems: std::collections::HashMap::new() }))
            label { (tr.t("field-publisher")) " " input type="text" name="publisher" value=(v("publisher")); }
            label { (tr.t("field-url")) " " input type="text" name="url" value=(v("url")); }
            button type="submit" { (tr.t("button-read")) }
        }
    }
}

/// `GET /edit/extract`: paste a report.
#[utoipa::path(get, path = "/edit/extract", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The report form", content_type = "text/html", body = String), EditorPage))]
pub async fn extract_page(BackofficeEditor(editor): BackofficeEditor, tr: Tr) -> Response {
    let p = editor.principal().clone();
    page(
        &tr,
        &tr.t("extract-title"),
        Some(&p),
        &html! {
            h1 { (tr.t("extract-title")) }
            p { (tr.t("extract-intro")) }
            (extract_form(&tr, &p, &std::collections::HashMap::new()))
        },
    )
    .into_response()
}

/// `POST /edit/extract`: without `confirm`, show the proposals and a form to confirm
/// them; with it, store them all in one transaction (or none).
#[utoipa::path(post, path = "/edit/extract", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = ExtractForm, content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, description = "The proposals with a form to confirm them; or, confirmed, what was stored", content_type = "text/html", body = String),
        (status = 400, description = "No text, a bad date, nothing found, or a proposal the registry refuses", content_type = "text/html", body = String),
        EditorFormRefusals))]
pub async fn extract_post(State(live): State<Arc<Live>>, tr: Tr, form: EditorForm) -> Response {
    use vigil_core::extract::{extract, proposed_records, Options, SourceInfo};
    let tr = tr.at("/edit/extract");
    let principal = form.editor().principal().clone();
    let f = &form.fields;
    let title = tr.t("extract-title");
    let shown = |status: StatusCode, body: Markup| {
        (status, page(&tr, &title, Some(&principal), &body)).into_response()
    };
    let refused = |message: String| {
        shown(
            StatusCode::BAD_REQUEST,
            html! { h1 { (title) } p #problem { (message) } (extract_form(&tr, &principal, f)) },
        )
    };
    let Some(report) = f.get("text").filter(|t| !t.trim().is_empty()).cloned() else {
        return refused(tr.t("extract-no-text"));
    };
    // Written as a monitor writes it (03.07.2025, июль 2025, 2025-07-03).
    let date = match text(f, "date").map(|d| vigil_core::sheet::cells::date(&d)) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(p)) => {
            let words = crate::edit::sheet_words::problem_words(&tr, &p);
            return refused(tr.with("extract-bad-date", &[("error", words.into())]));
        }
    };
    let x = extract(
        &report,
        &Options {
            date,
            // A report that does not name its country gets the one chosen, so its
            // announcement counts in that country's waves.
            country: text(f, "country"),
        },
    );
    // A text in a language not read is said so, not "nothing found".
    if x.language.is_none() {
        return refused(tr.t("extract-language-not-read"));
    }
    let source = SourceInfo {
        publisher: text(f, "publisher"),
        url: text(f, "url"),
        date: date.map(|d| d.to_string()),
    };
    let records = match proposed_records(&report, &x, &source) {
        Ok(r) if r.len() > 1 => r,
        Ok(_) => return refused(tr.t("extract-nothing-found")),
        Err(e) => return refused(e.to_string()),
    };
    if f.get("confirm").map(String::as_str) != Some("yes") {
        return shown(
            StatusCode::OK,
            html! {
                h1 { (tr.t("extract-proposed")) }
                p { (tr.t("extract-proposed-note")) }
                @if !x.claims.is_empty() {
                    h2 { (tr.t("extract-claims")) }
                    ul { @for c in &x.claims { li { (c) } } }
                }
                form #confirm-form method="post" action="/edit/extract" {
                    input type="hidden" name="csrf" value=(csrf(&principal));
                    input type="hidden" name="confirm" value="yes";
                    (crate::edit::proposals::shown(&tr, &records, &x, live.snapshot().registry.announcements()))
                    @for k in ["text", "date", "country", "publisher", "url"] {
                        input type="hidden" name=(k) value=(f.get(k).cloned().unwrap_or_default());
                    }
                    label { (tr.t("field-reason")) " " input type="text" name="reason"; }
                    button type="submit" { (tr.count("extract-store", i64::try_from(records.len()).unwrap_or(i64::MAX))) }
                }
                p { a href="/edit/extract" { (tr.t("extract-start-again")) } }
            },
        );
    }
    // The proposals as the editor left them (unticked ones out, numbers and dates edited).
    let records = match crate::edit::proposals::edited(&tr, records, f) {
        Ok(r) => r,
        Err(message) => return refused(message),
    };
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
    let result = live
        .write(form.editor(), move |store, _| {
            Ok(vigil_store::import(
                store,
                &mut std::io::Cursor::new(lines.into_bytes()),
                &opts,
                &mut |_| {},
            ))
        })
        .await;
    match result {
        Ok(Written {
            value: Ok(report),
            stale,
        }) => shown(
            StatusCode::OK,
            html! {
                h1 #stored { (tr.t("extract-stored")) }
                (stale_warning(&tr, stale.as_deref()))
                p { (tr.with("extract-stored-summary", &[
                    ("added", Arg::Count(i64::try_from(report.added).unwrap_or(i64::MAX))),
                    ("unchanged", Arg::Count(i64::try_from(report.unchanged).unwrap_or(i64::MAX))),
                ])) }
                ul { @for (t, id) in &ids {
                    li { a href=(with_query("/edit/record", &[("type", t), ("id", id)])) {
                        (RecordType::parse(t).map_or_else(|| t.clone(), |rt| record_type(&tr, rt))) " " (id)
                    } }
                } }
                p { a href="/edit" { (tr.t("edit-something-else")) } }
            },
        ),
        Ok(Written {
            value: Err(vigil_store::ImportFailure::Invalid(errors)),
            ..
        }) => {
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
            refused(tr.with(
                "extract-nothing-stored",
                &[("problems", problems.join("; ").into())],
            ))
        }
        Ok(Written { value: Err(e), .. }) => AppError::Internal(e.to_string()).into_response(),
        Err(e) => e.into_response(),
    }
}
