//! Importing a spreadsheet from the editors' side (`/edit/sheet`), in the reader's
//! language: upload a CSV, XLSX or ODS list (one person per row), see how each column is
//! read and change it, see what would be stored (persons, events by kind, every bad
//! cell by row and column, rows that are probably persons already stored), then confirm.
//! Nothing is written before the confirmation, and then all or nothing, by the same path
//! as `vigil import FILE.xlsx` (`vigil_store::sheet`). The columns confirmed for a
//! source are kept (`Store::save_sheet_mapping`) and offered for its next sheet. The
//! file travels between the steps in the form itself, so the server keeps nothing.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use maud::{html, Markup};
use vigil_core::record::{parse_record, Parsed, Record, RecordType, Visibility};
use vigil_core::sheet::{self, read::Format, CellError, Field, Options};
use vigil_i18n::Arg;
use vigil_store::accounts::AuditRow;
use vigil_store::sheet::{Plan, Refused};

use crate::auth::{BackofficeEditor, EditorUpload, Principal, UPLOAD_LIMIT};
use crate::edit::api::now;
use crate::edit::{csrf, page, stale_warning};
use crate::i18n::Tr;
use crate::links::with_query;
use crate::state::Written;
use crate::{AppError, Live};

/// How many rows the column table shows as examples.
const SAMPLES: usize = 3;

fn count(n: usize) -> Arg {
    Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The sources an editor can say a sheet comes from: (id, what to show).
async fn sources(live: &Arc<Live>) -> Result<Vec<(String, String)>, AppError> {
    live.read(|store| {
        let mut out = Vec::new();
        store.records_of(RecordType::Source, &mut |body| {
            if let Ok(Record::Source(s)) = parse_record(body).map(Parsed::into_record) {
                let shown = [s.publisher.as_deref(), s.title.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(": ");
                let shown = match (shown.is_empty(), &s.url) {
                    (false, _) => shown,
                    (true, Some(url)) => url.clone(),
                    (true, None) => s.id.clone(),
                };
                out.push((s.id, shown));
            }
            Ok(())
        })?;
        Ok(out)
    })
    .await
}

/// The first step's form: the file, where it comes from, and the defaults for rows that
/// say nothing.
fn upload_form(
    tr: &Tr,
    p: &Principal,
    sources: &[(String, String)],
    f: &HashMap<String, String>,
) -> Markup {
    let v = |k: &str| f.get(k).cloned().unwrap_or_default();
    let chosen = v("visibility");
    html! {
        form #sheet-form method="post" action="/edit/sheet" enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(csrf(p));
            input type="hidden" name="step" value="read";
            p { label for="sheet-file" { (tr.t("field-sheet-file")) } br;
                input #sheet-file type="file" name="file" required accept=".xlsx,.xlsm,.ods,.csv,.tsv"; }
            p { label for="sheet-source" { (tr.t("field-sheet-source")) } br;
                select #sheet-source name="source" {
                    option value="" { (tr.t("sheet-source-none")) }
                    @for (id, shown) in sources {
                        option value=(id) selected[v("source") == *id] { (shown) }
                    }
                } }
            p { label for="sheet-country" { (tr.t("field-sheet-country")) } br;
                input #sheet-country type="text" name="country" size="4" maxlength="2" value=(v("country")) placeholder="BY"; }
            p { label for="sheet-visibility" { (tr.t("field-sheet-visibility")) } br;
                select #sheet-visibility name="visibility" {
                    @for vis in [Visibility::Restricted, Visibility::Public, Visibility::Confidential] {
                        option value=(vis.as_str()) selected[chosen == vis.as_str()] { (tr.term("visibility", vis.as_str())) }
                    }
                } }
            p { label { input type="checkbox" name="update" value="yes" checked[v("update") == "yes"]; " " (tr.t("field-sheet-update")) } }
            button type="submit" { (tr.t("button-read-sheet")) }
        }
    }
}

fn templates(tr: &Tr) -> Markup {
    html! {
        p #sheet-templates { (tr.t("sheet-template")) " "
            @for (i, (lang, name)) in [("be", tr.t("sheet-template-be")), ("ru", tr.t("sheet-template-ru")), ("en", tr.t("sheet-template-en"))].into_iter().enumerate() {
                @if i > 0 { " · " }
                a href=(with_query("/edit/sheet/template", &[("lang", lang)])) { (name) }
            }
        }
    }
}

/// `GET /edit/sheet`: upload a spreadsheet.
#[utoipa::path(get, path = "/edit/sheet", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The upload form", content_type = "text/html", body = String), crate::shapes::EditorPage))]
pub async fn sheet_page(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    tr: Tr,
) -> Response {
    let p = editor.principal().clone();
    let sources = match sources(&live).await {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    page(
        &tr,
        &tr.t("sheet-title"),
        Some(&p),
        &html! {
            h1 { (tr.t("sheet-title")) }
            p { (tr.t("sheet-intro")) }
            (templates(&tr))
            (upload_form(&tr, &p, &sources, &HashMap::new()))
        },
    )
    .into_response()
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateParams {
    /// The headers' language: `be`, `ru` or `en` (the page's language if not given).
    #[param(example = "be")]
    pub lang: Option<String>,
}

/// `GET /edit/sheet/template`: the empty list to fill in, as XLSX.
#[utoipa::path(get, path = "/edit/sheet/template", tag = "pages", security(("session" = []), ("bearer" = [])), params(TemplateParams),
    responses((status = 200, description = "An XLSX workbook with the recognised headers and drop-down lists",
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>), crate::shapes::EditorPage))]
pub async fn template(
    BackofficeEditor(_editor): BackofficeEditor,
    tr: Tr,
    Query(q): Query<TemplateParams>,
) -> Response {
    let lang = match q.lang.as_deref() {
        Some(l @ ("be" | "ru" | "en")) => l.to_string(),
        _ => tr.lang.code().to_string(),
    };
    match sheet::write::template(&lang) {
        Ok(bytes) => xlsx(&format!("vigil-template-{lang}"), bytes),
        Err(e) => AppError::Internal(e).into_response(),
    }
}

/// A workbook as a download.
pub(crate) fn xlsx(name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.xlsx\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// What the form says about how to read the sheet.
struct Asked {
    bytes: Vec<u8>,
    filename: String,
    source: Option<String>,
    options: Options,
    update: bool,
    new: bool,
    /// Per probable double's row: `new`, or the stored person the editor says it is.
    same: BTreeMap<usize, String>,
    step: String,
}

/// The column choices of the form (`map.0`, `map.1`, … for the headers in order), as a
/// mapping; `None` when the form has none (the first step).
fn chosen_mapping(
    f: &HashMap<String, String>,
    header: &[String],
) -> Option<BTreeMap<String, Option<Field>>> {
    if !f.keys().any(|k| k.starts_with("map.")) {
        return None;
    }
    let mut text = String::new();
    for (i, h) in header.iter().enumerate() {
        let Some(choice) = f.get(&format!("map.{i}")) else {
            continue;
        };
        if h.trim().is_empty() || h.contains('#') || h.contains('\n') {
            continue;
        }
        let _ = writeln!(text, "{h} = {choice}");
    }
    sheet::parse_mapping(&text).ok()
}

/// A mapping as the text of a `--mapping` file, for every header of the sheet: what is
/// kept for the source.
fn mapping_text(header: &[String], mapping: &BTreeMap<String, Option<Field>>) -> String {
    let mut text = String::new();
    for h in header {
        if h.trim().is_empty() || h.contains('#') || h.contains('\n') {
            continue;
        }
        let field = sheet::column_field(h, mapping);
        let _ = writeln!(
            text,
            "{} = {}",
            h.trim(),
            field.map_or("ignore", Field::as_str)
        );
    }
    text
}

/// `POST /edit/sheet`: read the sheet (first step), show it again with the columns the
/// editor chose (`step=preview`), or store it (`step=import`).
#[utoipa::path(post, path = "/edit/sheet", tag = "pages", security(("session" = [], "csrf" = []), ("bearer" = [])),
    request_body(content = crate::shapes::SheetForm, content_type = "multipart/form-data"),
    responses((status = 200, description = "How the sheet is read and what it would store, with a form to confirm; or, confirmed, what was stored", content_type = "text/html", body = String),
        (status = 400, description = "No file, a file that is not a spreadsheet, bad cells, or rows the registry refuses: the page says which, nothing was stored", content_type = "text/html", body = String),
        crate::shapes::EditorFormRefusals))]
pub async fn sheet_post(State(live): State<Arc<Live>>, tr: Tr, form: EditorUpload) -> Response {
    let tr = tr.at("/edit/sheet");
    let principal = form.editor().principal().clone();
    let sources = match sources(&live).await {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    let f = &form.fields;
    let title = tr.t("sheet-title");
    let refused = |message: String| {
        (
            StatusCode::BAD_REQUEST,
            page(
                &tr,
                &title,
                Some(&principal),
                &html! {
                    h1 { (title) }
                    p #problem { (message) }
                    (upload_form(&tr, &principal, &sources, f))
                },
            ),
        )
            .into_response()
    };
    if f.contains_key("upload_failed") {
        return refused(tr.with("sheet-too-large", &[("mb", count(UPLOAD_LIMIT >> 20))]));
    }
    let (bytes, filename) = match (&form.file, f.get("data")) {
        (Some((name, bytes)), _) => (bytes.clone(), name.clone()),
        (None, Some(data)) if !data.is_empty() => {
            match base64::engine::general_purpose::STANDARD.decode(data.trim()) {
                Ok(b) => (b, f.get("filename").cloned().unwrap_or_default()),
                Err(_) => return refused(tr.t("sheet-no-file")),
            }
        }
        _ => return refused(tr.t("sheet-no-file")),
    };
    let Some(format) = Format::of_name(&filename) else {
        return refused(tr.with("sheet-not-a-sheet", &[("name", filename.as_str().into())]));
    };
    // An export's tables are the registry itself, not a list of persons: not read here.
    if sheet::tables::is_export(&bytes, format) {
        return refused(tr.with("sheet-is-export", &[("name", filename.as_str().into())]));
    }
    let rows = match sheet::read::rows(&bytes, format) {
        Ok(r) => r,
        Err(e) => {
            return refused(tr.with(
                "sheet-unreadable",
                &[("name", filename.as_str().into()), ("error", e.into())],
            ))
        }
    };
    let header: Vec<String> = rows.first().cloned().unwrap_or_default();
    let source = f.get("source").filter(|s| !s.trim().is_empty()).cloned();
    let country = f
        .get("country")
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| !c.is_empty());
    if let Some(c) = &country {
        if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
            return refused(tr.with("sheet-bad-country", &[("country", c.as_str().into())]));
        }
    }
    let visibility = f.get("visibility").and_then(|v| Visibility::parse(v));
    // The columns: as the editor chose them; on the first step, as kept for the source.
    let mut from_source = false;
    let mapping = if let Some(m) = chosen_mapping(f, &header) {
        m
    } else {
        let kept = match &source {
            Some(s) => {
                let s = s.clone();
                match live.read(move |store| store.sheet_mapping(&s)).await {
                    Ok(m) => m,
                    Err(e) => return e.into_response(),
                }
            }
            None => None,
        };
        from_source = kept.is_some();
        kept.and_then(|t| sheet::parse_mapping(&t).ok())
            .unwrap_or_default()
    };
    let asked = Asked {
        bytes,
        filename,
        source,
        options: Options {
            country,
            mapping,
            visibility,
            ..Options::default()
        },
        update: f.get("update").is_some_and(|v| v == "yes"),
        new: f.get("new").is_some_and(|v| v == "yes"),
        same: f
            .iter()
            .filter_map(|(k, v)| {
                let row = k.strip_prefix("same.")?.parse().ok()?;
                (!v.is_empty()).then(|| (row, v.clone()))
            })
            .collect(),
        step: f.get("step").cloned().unwrap_or_default(),
    };
    let plan = {
        let (rows, options, update) = (rows.clone(), asked.options.clone(), asked.update);
        match live
            .read_with_names(move |store, names| {
                vigil_store::sheet::plan_rows_against(
                    Some(store),
                    &rows,
                    &options,
                    update,
                    Some(names),
                )
            })
            .await
        {
            Ok(p) => p,
            Err(e) => return e.into_response(),
        }
    };
    let view = View {
        tr: &tr,
        principal: &principal,
        asked: &asked,
        rows: &rows,
        sources: &sources,
        from_source,
    };
    if asked.step != "import" {
        return view.preview(&plan, None);
    }
    let Ok(mut plan) = plan else {
        return view.preview(&plan, None);
    };
    if !plan.changes.conflicts.is_empty() {
        return view.preview(&Ok(plan), Some(&tr.t("sheet-conflicts-blocked")));
    }
    let undecided = plan
        .doubles
        .iter()
        .any(|d| !asked.same.contains_key(&d.row));
    if undecided && !asked.new {
        return view.preview(&Ok(plan), Some(&tr.t("sheet-doubles-blocked")));
    }
    let same: Vec<(usize, String)> = asked
        .same
        .iter()
        .filter(|(_, v)| *v != "new")
        .map(|(r, v)| (*r, v.clone()))
        .collect();
    if let Err(row) = plan.merge_doubles(&same) {
        let warning = tr.with("sheet-same-unknown", &[("row", count(row))]);
        return view.preview(&Ok(plan), Some(&warning));
    }
    view.store(&live, form.editor(), plan, &header).await
}

/// What the preview and result pages need.
struct View<'a> {
    tr: &'a Tr,
    principal: &'a Principal,
    asked: &'a Asked,
    rows: &'a [Vec<String>],
    sources: &'a [(String, String)],
    from_source: bool,
}

impl View<'_> {
    fn shown(&self, status: StatusCode, body: &Markup) -> Response {
        (
            status,
            page(
                self.tr,
                &self.tr.t("sheet-title"),
                Some(self.principal),
                body,
            ),
        )
            .into_response()
    }

    fn source_name(&self) -> String {
        let id = self.asked.source.clone().unwrap_or_default();
        self.sources
            .iter()
            .find(|(s, _)| *s == id)
            .map_or(id, |(_, shown)| shown.clone())
    }

    /// How each column is read, what the sheet would store or what is wrong with it, and
    /// the form to read it again or store it.
    fn preview(&self, plan: &Result<Plan, Refused>, warning: Option<&str>) -> Response {
        let tr = self.tr;
        let a = self.asked;
        let header = self.rows.first().cloned().unwrap_or_default();
        let samples = |i: usize| -> String {
            self.rows
                .iter()
                .skip(1)
                .filter_map(|r| r.get(i).filter(|c| !c.trim().is_empty()))
                .take(SAMPLES)
                .cloned()
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let (errors, ok): (&[CellError], Option<&Plan>) = match plan {
            Ok(p) => (&[], Some(p)),
            Err(Refused::Cells(e)) => (e.as_slice(), None),
            Err(Refused::Unreadable(_)) => (&[], None),
        };
        let conflicts = ok.is_some_and(|p| !p.changes.conflicts.is_empty());
        let status = if errors.is_empty() && warning.is_none() && !conflicts {
            StatusCode::OK
        } else {
            StatusCode::BAD_REQUEST
        };
        let data = base64::engine::general_purpose::STANDARD.encode(&a.bytes);
        self.shown(
            status,
            &html! {
                h1 { (tr.t("sheet-title")) " — " (a.filename) }
                @if let Some(w) = &warning { p #problem { (w) } }
                @if self.from_source { p #sheet-kept { (tr.with("sheet-mapping-from-source", &[("source", self.source_name().into())])) } }
                @if !errors.is_empty() {
                    div #sheet-errors {
                        p #problem { (tr.with("sheet-errors", &[("n", count(errors.len()))])) }
                        ul { @for e in errors {
                            li { (tr.with("sheet-error-line", &[("row", count(e.row)), ("column", e.column.as_str().into()), ("message", crate::edit::sheet_words::cell_error(tr, e).into())])) }
                        } }
                    }
                }
                @if let Some(p) = ok {
                    div #sheet-summary {
                        p { (tr.with("sheet-would-store", &[("persons", count(p.converted.persons)), ("events", count(p.converted.events.values().sum()))])) }
                        @if !p.converted.events.is_empty() {
                            ul { @for (k, n) in &p.converted.events { li { (tr.term("event-kind", k)) ": " (n) } } }
                        }
                        @if p.converted.default_visibility > 0 {
                            p { (tr.with("sheet-default-visibility", &[("n", count(p.converted.default_visibility)),
                                ("visibility", tr.term("visibility", a.options.visibility.unwrap_or(Visibility::Restricted).as_str()).into())])) }
                        }
                        @if !p.converted.unknown_headers.is_empty() {
                            p { (tr.with("sheet-unknown-columns", &[("list", p.converted.unknown_headers.join(", ").into())])) }
                        }
                        @if p.converted.unrecognized > 0 {
                            p #sheet-unrecognized { (tr.with("sheet-unrecognized", &[("n", count(p.converted.unrecognized))])) }
                        }
                        @if p.converted.undated_sentences > 0 {
                            p { (tr.with("sheet-undated-sentences", &[("n", count(p.converted.undated_sentences))])) }
                        }
                        p #sheet-changes { (tr.with("sheet-changes", &[("added", count(p.changes.added)), ("corrected", count(p.changes.corrected)), ("unchanged", count(p.changes.unchanged))])) }
                    }
                    @if !p.changes.conflicts.is_empty() {
                        div #sheet-conflicts {
                            p { (tr.with("sheet-conflicts", &[("n", count(p.changes.conflicts.len()))])) }
                            ul { @for k in &p.changes.conflicts {
                                li { (tr.with("sheet-conflict", &[("row", count(p.row_of(k.line))), ("what", crate::edit::record_type(tr, k.rtype).into())]))
                                    " " @if k.rtype == RecordType::Person { a href=(format!("/edit/person/{}", k.id)) { (k.id) } } @else { (k.id) } }
                            } }
                        }
                    }
                }
                form #sheet-confirm method="post" action="/edit/sheet" enctype="multipart/form-data" {
                    @if let Some(p) = ok.filter(|p| !p.doubles.is_empty()) {
                        div #sheet-doubles {
                            p { (tr.with("sheet-doubles", &[("n", count(p.doubles.len()))])) }
                            ul { @for d in &p.doubles {
                                @let chosen = a.same.get(&d.row).map_or("", String::as_str);
                                li { label for=(format!("same-{}", d.row)) { (tr.with("sheet-double", &[("row", count(d.row)), ("name", d.name.as_str().into()), ("existing_name", d.existing_name.as_str().into())])) }
                                    " (" a href=(format!("/edit/person/{}", d.existing)) { (d.existing) } ") "
                                    select id=(format!("same-{}", d.row)) name=(format!("same.{}", d.row)) {
                                        option value="" selected[chosen.is_empty()] { (tr.t("sheet-same-choose")) }
                                        option value="new" selected[chosen == "new"] { (tr.t("sheet-same-new")) }
                                        option value=(d.existing) selected[chosen == d.existing] { (tr.with("sheet-same-merge", &[("name", d.existing_name.as_str().into())])) }
                                    } }
                            } }
                        }
                    }
                    input type="hidden" name="csrf" value=(csrf(self.principal));
                    input type="hidden" name="data" value=(data);
                    input type="hidden" name="filename" value=(a.filename);
                    input type="hidden" name="source" value=(a.source.clone().unwrap_or_default());
                    input type="hidden" name="country" value=(a.options.country.clone().unwrap_or_default());
                    input type="hidden" name="visibility" value=(a.options.visibility.map_or("", Visibility::as_str));
                    h2 { (tr.t("sheet-columns")) }
                    div.scroll { table #sheet-columns {
                        thead { tr { th scope="col" { (tr.t("sheet-column-header")) } th scope="col" { (tr.t("sheet-column-field")) } th scope="col" { (tr.t("sheet-column-sample")) } } }
                        tbody { @for (i, h) in header.iter().enumerate() {
                            @if !h.trim().is_empty() {
                                @let field = sheet::column_field(h, &a.options.mapping);
                                tr {
                                    td { label for=(format!("map-{i}")) { (h) } }
                                    td { select id=(format!("map-{i}")) name=(format!("map.{i}")) {
                                        option value="ignore" selected[field.is_none()] { (tr.t("sheet-field-ignore")) }
                                        @for f in Field::ALL {
                                            option value=(f.as_str()) selected[field == Some(f)] { (tr.term("sheet-field", f.as_str())) }
                                        }
                                    } }
                                    td.sample { (samples(i)) }
                                }
                            }
                        } }
                    } }
                    p { label { input #sheet-update type="checkbox" name="update" value="yes" checked[a.update]; " " (tr.t("field-sheet-update")) } }
                    @if ok.is_some_and(|p| !p.doubles.is_empty()) {
                        p { label { input type="checkbox" name="new" value="yes" checked[a.new]; " " (tr.t("sheet-doubles-new")) } }
                    }
                    p {
                        button type="submit" name="step" value="preview" { (tr.t("button-sheet-again")) }
                        @if let Some(p) = ok.filter(|p| p.converted.persons > 0 && p.changes.conflicts.is_empty()) {
                            " " button #sheet-import type="submit" name="step" value="import" { (tr.with("button-sheet-import", &[("n", count(p.converted.persons))])) }
                        }
                    }
                }
                p { a href="/edit/sheet" { (tr.t("sheet-start-again")) } }
            },
        )
    }

    /// Stores the sheet, all or nothing, and keeps its columns for the source.
    async fn store(
        &self,
        live: &Arc<Live>,
        editor: &crate::auth::Editor,
        plan: Plan,
        header: &[String],
    ) -> Response {
        let tr = self.tr;
        let a = self.asked;
        let opts = vigil_store::ImportOptions {
            actor: editor.principal().name.clone(),
            reason: Some(format!("spreadsheet {}", a.filename)),
            at: now(),
            update: a.update,
        };
        let kept = a
            .source
            .clone()
            .map(|s| (s, mapping_text(header, &a.options.mapping)));
        let actor = editor.principal().name.clone();
        let persons = plan.converted.persons;
        let result = live
            .write(editor, move |store, _| {
                let stored = vigil_store::sheet::store(store, &plan, &opts, &mut |_| {});
                if stored.is_ok() {
                    if let Some((source, text)) = &kept {
                        let row = AuditRow {
                            at: opts.at.clone(),
                            actor,
                            action: "sheet mapping".into(),
                            subject: format!("source {source}"),
                        };
                        store.save_sheet_mapping(source, text, &row)?;
                    }
                }
                Ok(stored)
            })
            .await;
        match result {
            Ok(Written { value: Ok(r), stale }) => self.shown(
                StatusCode::OK,
                &html! {
                    h1 #stored { (tr.t("sheet-stored")) }
                    (stale_warning(tr, stale.as_deref()))
                    p #sheet-result { (tr.with("sheet-stored-summary", &[("persons", count(persons)), ("added", count(r.added)),
                        ("corrected", count(r.corrected)), ("unchanged", count(r.unchanged))])) }
                    @if a.source.is_some() { p { (tr.with("sheet-mapping-saved", &[("source", self.source_name().into())])) } }
                    p { a href="/persons" { (tr.t("sheet-see-directory")) } " · " a href="/edit/sheet" { (tr.t("sheet-another")) } " · " a href="/edit" { (tr.t("edit-back")) } }
                },
            ),
            Ok(Written { value: Err(vigil_store::ImportFailure::Invalid(errors)), .. }) => self.shown(
                StatusCode::BAD_REQUEST,
                &html! {
                    h1 { (tr.t("sheet-title")) " — " (a.filename) }
                    p #problem { (tr.t("sheet-refused")) }
                    ul { @for e in &errors { li { (tr.with("sheet-refused-line", &[("row", count(e.line)), ("message", e.message.as_str().into())])) } } }
                    @if !a.update { p { (tr.t("sheet-refused-update")) } }
                    p { a href="/edit/sheet" { (tr.t("sheet-start-again")) } }
                },
            ),
            Ok(Written { value: Err(e), .. }) => AppError::Internal(e.to_string()).into_response(),
            Err(e) => e.into_response(),
        }
    }
}
