//! The lists editors work from: persons (found by any spelling of any name, filtered by
//! country, visibility and status, sorted, paged), announcements, sources, figures, the
//! recent changes from the log (who, what, why) and the review list of `check`'s
//! findings. Every row links to its record's form; nothing is typed as an id.

use std::sync::Arc;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde_json::Value;
use vigil_core::access::Audience;
use vigil_core::chain::{Entry, Op};
use vigil_core::record::RecordType;
use vigil_core::search::{self, NameIndex};
use vigil_store::StoreError;

use crate::auth::BackofficeEditor;
use crate::edit::page;
use crate::i18n::Tr;
use crate::input::Query;
use crate::links::with_query;
use crate::Live;

/// Rows a list page shows at once.
const PAGE: usize = 50;

/// A log history as a table: when, who, what, why.
pub(crate) fn history_table(tr: &Tr, history: &[Entry]) -> Markup {
    html! {
        table #history {
            thead { tr { th scope="col" { (tr.t("col-entry")) } th scope="col" { (tr.t("col-when")) } th scope="col" { (tr.t("col-who")) } th scope="col" { (tr.t("col-what")) } th scope="col" { (tr.t("col-why")) } } }
            tbody {
                @for e in history {
                    tr {
                        td { (e.seq) }
                        td { (tr.time(&e.at)) }
                        td { (e.actor) }
                        td { (what_entry(tr, e)) }
                        td { (e.reason.as_deref().unwrap_or("")) }
                    }
                }
            }
        }
    }
}

/// What an entry of the log did.
pub(crate) fn what_entry(tr: &Tr, e: &Entry) -> String {
    if e.op != Op::Put {
        tr.t("history-retracted")
    } else if e.refers_to.is_some() {
        tr.t("history-correction")
    } else {
        tr.t("history-added")
    }
}

/// Where a record's form is.
pub(crate) fn form_link(rtype: RecordType, id: &str) -> String {
    match rtype {
        RecordType::Person => format!("/edit/person/{id}"),
        RecordType::Event => format!("/edit/event/{id}"),
        RecordType::Announcement | RecordType::Figure | RecordType::Source | RecordType::Place => {
            format!("/edit/form/{}/{id}", rtype.as_str())
        }
        RecordType::Merge => with_query("/edit/record", &[("type", rtype.as_str()), ("id", id)]),
    }
}

#[derive(serde::Deserialize, utoipa::IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct PersonsQuery {
    /// Any spelling of any of a person's names, in any script.
    q: Option<String>,
    /// A country code.
    country: Option<String>,
    /// `public`, `restricted` or `confidential`.
    visibility: Option<String>,
    /// `held`, `released` or `not_detained`.
    status: Option<String>,
    /// `name` (default), `birth`, `country` or `status`.
    sort: Option<String>,
    /// From 1.
    #[param(minimum = 1)]
    page: Option<usize>,
}

struct Row {
    id: String,
    name: String,
    others: Vec<String>,
    country: String,
    birth: String,
    visibility: String,
    status: String,
}

/// `GET /edit/persons`: every person, for editors.
#[utoipa::path(get, path = "/edit/persons", tag = "pages", params(PersonsQuery), security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "Persons, found, filtered, sorted and paged", content_type = "text/html", body = String),
        (status = 400, description = "`bad_parameter` (a page in the reader\'s language)", content_type = "text/html", body = String), crate::shapes::EditorPage))]
pub async fn persons(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    tr: Tr,
    Query(q): Query<PersonsQuery>,
) -> Response {
    let p = editor.principal().clone();
    let read = live
        .read(|store| vigil_store::persons_and_merges(store))
        .await;
    let (persons, merges) = match read {
        Ok(x) => x,
        Err(e) => return e.into_response(),
    };
    let snapshot = live.snapshot();
    let today = crate::state::today();
    let needle = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    // Found by any spelling: the name index over every stored name (transliterations,
    // other scripts, short forms), best first.
    let order: Option<Vec<String>> = needle.map(|n| {
        let entries = search::entries(
            persons
                .iter()
                .map(|p| (search::Entry::of(p), p.visibility))
                .collect(),
            &merges,
            Audience::Trusted,
        );
        let index = NameIndex::build(entries);
        let mut ids: Vec<String> = index.search(n, 500).into_iter().map(|h| h.person).collect();
        let lower = n.to_lowercase();
        for p in &persons {
            if !ids.contains(&p.id)
                && (p.id == n
                    || p.names
                        .iter()
                        .any(|x| x.text.to_lowercase().contains(&lower)))
            {
                ids.push(p.id.clone());
            }
        }
        ids
    });
    let mut rows: Vec<Row> = persons
        .iter()
        .filter(|person| {
            q.country
                .as_deref()
                .is_none_or(|c| c.is_empty() || person.country.as_deref() == Some(c))
        })
        .filter(|person| {
            q.visibility
                .as_deref()
                .is_none_or(|v| v.is_empty() || person.visibility.as_str() == v)
        })
        .map(|person| {
            let status = snapshot
                .registry
                .person_index(&person.id)
                .map(|ix| {
                    snapshot
                        .registry
                        .status(ix, today, Audience::Trusted)
                        .as_str()
                        .to_string()
                })
                .unwrap_or_default();
            Row {
                id: person.id.clone(),
                name: person
                    .names
                    .first()
                    .map_or_else(|| person.id.clone(), |n| n.text.clone()),
                others: person
                    .names
                    .iter()
                    .skip(1)
                    .map(|n| n.text.clone())
                    .collect(),
                country: person.country.clone().unwrap_or_default(),
                birth: person.birth_date.map(|d| d.to_string()).unwrap_or_default(),
                visibility: person.visibility.as_str().to_string(),
                status,
            }
        })
        .filter(|r| {
            q.status
                .as_deref()
                .is_none_or(|s| s.is_empty() || r.status == s)
        })
        .collect();
    match &order {
        Some(ids) => {
            rows.retain(|r| ids.contains(&r.id));
            rows.sort_by_key(|r| ids.iter().position(|i| *i == r.id));
        }
        None => match q.sort.as_deref() {
            Some("birth") => rows.sort_by(|a, b| (&a.birth, &a.name).cmp(&(&b.birth, &b.name))),
            Some("country") => {
                rows.sort_by(|a, b| (&a.country, &a.name).cmp(&(&b.country, &b.name)));
            }
            Some("status") => rows.sort_by(|a, b| (&a.status, &a.name).cmp(&(&b.status, &b.name))),
            _ => rows.sort_by_key(|a| a.name.to_lowercase()),
        },
    }
    let total = rows.len();
    let pages = total.div_ceil(PAGE).max(1);
    let at = q.page.unwrap_or(1).clamp(1, pages);
    let shown = &rows[(at - 1) * PAGE..(at * PAGE).min(total)];
    let val = |o: &Option<String>| o.clone().unwrap_or_default();
    let link = |page: usize, sort: Option<&str>| {
        with_query(
            "/edit/persons",
            &[
                ("q", &val(&q.q)),
                ("country", &val(&q.country)),
                ("visibility", &val(&q.visibility)),
                ("status", &val(&q.status)),
                ("sort", sort.unwrap_or(q.sort.as_deref().unwrap_or(""))),
                ("page", &page.to_string()),
            ],
        )
    };
    let countries = snapshot.registry.countries(Audience::Trusted, 0);
    let body = html! {
        h1 { (tr.t("edit-persons-heading")) }
        p { a href="/edit/new/person" { (tr.t("edit-add-person")) } }
        form.filters #persons-filter method="get" action="/edit/persons" role="search" {
            div.field { label for="pf-q" { (tr.t("filter-name-any")) } input type="search" id="pf-q" name="q" value=(val(&q.q)); }
            div.field { label for="pf-country" { (tr.t("field-country")) }
                select id="pf-country" name="country" {
                    option value="" { (tr.t("choice-any")) }
                    @for c in &countries { option value=(c) selected[q.country.as_deref() == Some(*c)] { (tr.term("country", c)) } }
                } }
            div.field { label for="pf-visibility" { (tr.t("field-visibility")) }
                select id="pf-visibility" name="visibility" {
                    option value="" { (tr.t("choice-any")) }
                    @for v in ["public", "restricted", "confidential"] { option value=(v) selected[q.visibility.as_deref() == Some(v)] { (tr.term("visibility", v)) } }
                } }
            div.field { label for="pf-status" { (tr.t("filter-status")) }
                select id="pf-status" name="status" {
                    option value="" { (tr.t("choice-any")) }
                    @for s in ["held", "released", "not_detained"] { option value=(s) selected[q.status.as_deref() == Some(s)] { (tr.term("status", s)) } }
                } }
            button type="submit" { (tr.t("button-find")) }
        }
        p #showing { (showing(&tr, (at - 1) * PAGE, shown.len(), total)) }
        table #persons {
            thead { tr {
                th scope="col" { a href=(link(1, Some("name"))) { (tr.t("col-name")) } }
                th scope="col" { (tr.t("col-other-names")) }
                th scope="col" { a href=(link(1, Some("country"))) { (tr.t("col-country")) } }
                th scope="col" { a href=(link(1, Some("birth"))) { (tr.t("col-birth")) } }
                th scope="col" { a href=(link(1, Some("status"))) { (tr.t("col-status")) } }
                th scope="col" { (tr.t("field-visibility")) }
            } }
            tbody {
                @for r in shown {
                    tr {
                        td { a href={ "/edit/person/" (r.id) } { (r.name) } }
                        td { (r.others.join("; ")) }
                        td { @if !r.country.is_empty() { (tr.term("country", &r.country)) } }
                        td { (tr.day_text(&r.birth)) }
                        td { @if !r.status.is_empty() { (tr.term("status", &r.status)) } }
                        td { (tr.term("visibility", &r.visibility)) }
                    }
                }
            }
        }
        (pager(&tr, at, pages, &|n| link(n, None)))
    };
    page(&tr, &tr.t("edit-persons-heading"), Some(&p), &body).into_response()
}

/// "Showing 51–100 of 18,533".
pub(crate) fn showing(tr: &Tr, from: usize, count: usize, total: usize) -> String {
    tr.showing(from, count, total)
}

/// Links to the previous and next pages.
pub(crate) fn pager(tr: &Tr, at: usize, pages: usize, link: &dyn Fn(usize) -> String) -> Markup {
    html! {
        @if pages > 1 {
            nav.pager aria-label=(tr.t("pages")) {
                @if at > 1 { a rel="prev" href=(link(at - 1)) { (tr.t("page-previous")) } " " }
                span { (tr.with("page-of", &[("at", vigil_i18n::Arg::Count(i64::try_from(at).unwrap_or(0))), ("pages", vigil_i18n::Arg::Count(i64::try_from(pages).unwrap_or(0)))])) }
                @if at < pages { " " a rel="next" href=(link(at + 1)) { (tr.t("page-next")) } }
            }
        }
    }
}

/// Every stored record of one type, as JSON.
async fn all_of(live: &Live, want: RecordType) -> Result<Vec<Value>, crate::AppError> {
    live.read(move |store| {
        let mut out = Vec::new();
        store.records_of(want, &mut |body| {
            if let Ok(v) = serde_json::from_str::<Value>(body) {
                out.push(v);
            }
            Ok(())
        })?;
        Ok::<_, StoreError>(out)
    })
    .await
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str().unwrap_or("")
}

/// `GET /edit/announcements`, `/edit/sources`, `/edit/figures`: one record type's list,
/// newest first, each with its form.
async fn records(
    live: &Arc<Live>,
    editor: &BackofficeEditor,
    tr: &Tr,
    rtype: RecordType,
) -> Response {
    let p = editor.0.principal().clone();
    let mut list = match all_of(live, rtype).await {
        Ok(l) => l,
        Err(e) => return e.into_response(),
    };
    let date_key = match rtype {
        RecordType::Announcement => "date",
        RecordType::Figure => "as_of",
        _ => "published",
    };
    list.sort_by(|a, b| s(b, date_key).cmp(s(a, date_key)));
    let snapshot = live.snapshot();
    let (heading, new) = match rtype {
        RecordType::Announcement => (
            tr.t("edit-announcements-heading"),
            tr.t("edit-add-announcement"),
        ),
        RecordType::Figure => (tr.t("edit-figures-heading"), tr.t("edit-add-figure")),
        _ => (tr.t("edit-sources-heading"), tr.t("edit-add-source")),
    };
    let body = html! {
        h1 { (heading) }
        p { a href={ "/edit/new/" (rtype.as_str()) } { (new) } }
        p { (showing(tr, 0, list.len(), list.len())) }
        table #records {
            thead { tr {
                th scope="col" { (tr.t("col-date")) }
                @match rtype {
                    RecordType::Announcement => { th scope="col" { (tr.t("col-kind")) } th scope="col" { (tr.t("col-country")) } th scope="col" { (tr.t("field-total")) } th scope="col" { (tr.t("col-identified")) } th scope="col" { (tr.t("field-issuer")) } }
                    RecordType::Figure => { th scope="col" { (tr.t("field-metric")) } th scope="col" { (tr.t("col-country")) } th scope="col" { (tr.t("field-value")) } }
                    _ => { th scope="col" { (tr.t("field-publisher")) } th scope="col" { (tr.t("field-title")) } }
                }
            } }
            tbody {
                @for v in &list {
                    @let id = s(v, "id");
                    tr {
                        td { a href=(form_link(rtype, id)) { (tr.day_text(s(v, date_key))) } }
                        @match rtype {
                            RecordType::Announcement => {
                                td { (tr.term("announcement-kind", s(v, "kind"))) }
                                td { (tr.term("country", s(v, "country"))) }
                                td { (v["total"].as_u64().map(|n| tr.num(i64::try_from(n).unwrap_or(0))).unwrap_or_default()) }
                                td { (tr.num(i64::try_from(snapshot.registry.identified(id, Audience::Trusted).len()).unwrap_or(0))) }
                                td { (s(v, "issuer")) }
                            }
                            RecordType::Figure => {
                                td { (tr.term("metric", s(v, "metric"))) }
                                td { (tr.term("country", s(v, "country"))) }
                                td { (tr.term("qualifier", s(v, "qualifier"))) " " (v["value"]) }
                            }
                            _ => { td { (s(v, "publisher")) } td { (s(v, "title")) } }
                        }
                    }
                }
            }
        }
    };
    page(tr, &heading, Some(&p), &body).into_response()
}

/// `GET /edit/announcements`.
#[utoipa::path(get, path = "/edit/announcements", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "Every announcement, newest first, with its form", content_type = "text/html", body = String), crate::shapes::EditorPage))]
pub async fn announcements(
    State(live): State<Arc<Live>>,
    editor: BackofficeEditor,
    tr: Tr,
) -> Response {
    records(&live, &editor, &tr, RecordType::Announcement).await
}

/// `GET /edit/sources`.
#[utoipa::path(get, path = "/edit/sources", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "Every source, newest first, with its form", content_type = "text/html", body = String), crate::shapes::EditorPage))]
pub async fn sources(State(live): State<Arc<Live>>, editor: BackofficeEditor, tr: Tr) -> Response {
    records(&live, &editor, &tr, RecordType::Source).await
}

/// `GET /edit/figures`.
#[utoipa::path(get, path = "/edit/figures", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "Every reported figure, newest first, with its form", content_type = "text/html", body = String), crate::shapes::EditorPage))]
pub async fn figures(State(live): State<Arc<Live>>, editor: BackofficeEditor, tr: Tr) -> Response {
    records(&live, &editor, &tr, RecordType::Figure).await
}

/// `GET /edit/changes`: the latest entries of the log.
#[utoipa::path(get, path = "/edit/changes", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "The latest 100 changes: who, when, what, why", content_type = "text/html", body = String), crate::shapes::EditorPage))]
pub async fn changes(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    tr: Tr,
) -> Response {
    let p = editor.principal().clone();
    let latest = live
        .read(|store| {
            let mut ring = std::collections::VecDeque::with_capacity(100);
            store.for_each_entry(None, &mut |mut e| {
                e.body = None;
                if ring.len() == 100 {
                    ring.pop_front();
                }
                ring.push_back(e);
                Ok(())
            })?;
            Ok::<_, StoreError>(ring.into_iter().rev().collect::<Vec<_>>())
        })
        .await;
    let latest = match latest {
        Ok(l) => l,
        Err(e) => return e.into_response(),
    };
    let body = html! {
        h1 { (tr.t("edit-changes-heading")) }
        table #changes {
            thead { tr { th scope="col" { (tr.t("col-entry")) } th scope="col" { (tr.t("col-when")) } th scope="col" { (tr.t("col-who")) } th scope="col" { (tr.t("col-what")) } th scope="col" { (tr.t("col-record")) } th scope="col" { (tr.t("col-why")) } } }
            tbody {
                @for e in &latest {
                    tr {
                        td { (e.seq) }
                        td { (tr.time(&e.at)) }
                        td { (e.actor) }
                        td { (what_entry(&tr, e)) }
                        td { (crate::edit::record_type(&tr, e.rtype)) " " a href=(form_link(e.rtype, &e.rid)) { (e.rid) } }
                        td { (e.reason.as_deref().unwrap_or("")) }
                    }
                }
            }
        }
    };
    page(&tr, &tr.t("edit-changes-heading"), Some(&p), &body).into_response()
}

/// `GET /edit/review`: `check`'s findings, each with the record to open.
#[utoipa::path(get, path = "/edit/review", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "What `vigil check` finds, each with its record's form", content_type = "text/html", body = String), crate::shapes::EditorPage))]
pub async fn review(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    tr: Tr,
) -> Response {
    let p = editor.principal().clone();
    let snapshot = live.snapshot();
    let findings = vigil_core::check::check(&snapshot.registry, Audience::Trusted);
    let body = html! {
        h1 { (tr.t("edit-review-heading")) }
        p { (tr.count("count-findings", i64::try_from(findings.len()).unwrap_or(0))) }
        table #findings {
            thead { tr { th scope="col" { (tr.t("col-kind")) } th scope="col" { (tr.t("col-record")) } th scope="col" { (tr.t("col-finding")) } } }
            tbody {
                @for f in &findings {
                    @let rtype = match f.kind { "figure_mismatch" => RecordType::Figure, "duplicate" if snapshot.registry.announcement(&f.subject).is_none() => RecordType::Figure, "breakdown" | "identification" | "duplicate" => RecordType::Announcement, _ => RecordType::Person };
                    tr {
                        td { (tr.term("finding", f.kind)) }
                        td { a href=(form_link(rtype, &f.subject)) { (f.subject) } }
                        td lang="en" { (f.message) }
                    }
                }
            }
        }
    };
    page(&tr, &tr.t("edit-review-heading"), Some(&p), &body).into_response()
}
