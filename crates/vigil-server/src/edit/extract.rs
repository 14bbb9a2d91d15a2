//! The paste-a-report page (`/edit/extract`): a report's proposed records shown, and
//! stored only on confirmation, through `vigil_store::import` (as `vigil extract
//! --import` does), all or nothing, by `Live::write` with the editor.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde_json::Value;

use crate::auth::{BackofficeEditor, EditorForm, Principal};
use crate::edit::api::now;
use crate::edit::{csrf, page, pretty, stale_warning, text};
use crate::links::with_query;
use crate::shapes::{EditorFormRefusals, EditorPage, ExtractForm};
use crate::state::Written;
use crate::{AppError, Live};

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
#[utoipa::path(get, path = "/edit/extract", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The report form", content_type = "text/html", body = String), EditorPage))]
pub async fn extract_page(BackofficeEditor(editor): BackofficeEditor) -> Response {
    let p = editor.principal().clone();
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
#[utoipa::path(post, path = "/edit/extract", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = ExtractForm, content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, description = "The proposals with a form to confirm them; or, confirmed, what was stored", content_type = "text/html", body = String),
        (status = 400, description = "No text, a bad date, nothing found, or a proposal the registry refuses", content_type = "text/html", body = String),
        EditorFormRefusals))]
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
                h1 #stored { "Stored" }
                (stale_warning(stale.as_deref()))
                p { (report.added) " records added, " (report.unchanged) " already stored as they are." }
                ul { @for (t, id) in &ids {
                    li { a href=(with_query("/edit/record", &[("type", t), ("id", id)])) { (t) " " (id) } }
                } }
                p { a href="/edit" { "Edit something else" } }
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
            refused(format!("nothing was stored: {}", problems.join("; ")))
        }
        Ok(Written { value: Err(e), .. }) => AppError::Internal(e.to_string()).into_response(),
        Err(e) => e.into_response(),
    }
}
