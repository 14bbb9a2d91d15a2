//! The public directory page (`/persons`): the public persons filtered like
//! `GET /api/v1/persons`, paged ("showing 51–100 of N"), its columns sorted on the server
//! (`sort=`), each heading a link that sorts by it.

use axum::response::Html;
use maud::html;
use vigil_core::access::Audience;

use crate::error::ErrorBody;
use crate::i18n::Tr;
use crate::input::Query;
use crate::links::with_query;
use crate::public::api::{matching, PersonsParams};
use crate::public::pages::{layout, listed_name};
use crate::{today, Snapshot};

/// The public directory, filtered like `GET /api/v1/persons`.
#[utoipa::path(get, path = "/persons", tag = "pages", params(PersonsParams),
    responses((status = 200, description = "The directory", content_type = "text/html", body = String),
        (status = 400, description = "`bad_parameter`: a limit or offset that is not a number", body = ErrorBody)))]
pub async fn directory(
    Snapshot(s): Snapshot,
    tr: Tr,
    Query(p): Query<PersonsParams>,
) -> Html<String> {
    let tr = &tr;
    let (total, page) = matching(&s, &p, tr.lang);
    let day = today();
    let reg = &s.registry;
    let val = |o: &Option<String>| o.clone().unwrap_or_default();
    let (offset, limit) = (p.offset.unwrap_or(0), p.limit.unwrap_or(50).clamp(1, 500));
    let at = |from: usize| {
        with_query(
            "/persons",
            &[
                ("q", &val(&p.q)),
                ("country", &val(&p.country)),
                ("status", &val(&p.status)),
                ("role", &val(&p.role)),
                ("sort", &val(&p.sort)),
                ("offset", &from.to_string()),
                ("limit", &limit.to_string()),
            ],
        )
    };
    // A column's heading sorts by it (again: the reverse), from the first page.
    let sorted = |key: &str| {
        let next = if p.sort.as_deref() == Some(key) {
            format!("-{key}")
        } else {
            key.to_string()
        };
        with_query(
            "/persons",
            &[
                ("q", &val(&p.q)),
                ("country", &val(&p.country)),
                ("status", &val(&p.status)),
                ("role", &val(&p.role)),
                ("sort", &next),
                ("limit", &limit.to_string()),
            ],
        )
    };
    let aria = |key: &str| match p.sort.as_deref() {
        Some(k) if k == key => Some("ascending"),
        Some(k) if k.strip_prefix('-') == Some(key) => Some("descending"),
        _ => None,
    };
    let body = html! {
        h1 { (tr.t("persons-title")) }
        form.filters method="get" action="/persons" {
            input type="hidden" name="lang" value=(tr.lang.code());
            label { (tr.t("filter-name")) " " input type="search" name="q" value=(val(&p.q)) placeholder=(tr.t("filter-name-hint")); }
            label { (tr.t("filter-country")) " " select name="country" {
                option value="" { (tr.t("filter-any")) }
                @for c in reg.countries_of_public_persons() { option value=(c) selected[p.country.as_deref() == Some(c)] { (tr.term("country", c)) } }
            } }
            label { (tr.t("filter-status")) " " select name="status" {
                option value="" { (tr.t("filter-any")) }
                @for st in ["held", "released", "not_detained"] { option value=(st) selected[p.status.as_deref() == Some(st)] { (tr.term("status", st)) } }
            } }
            label { (tr.t("filter-role")) " " input type="text" name="role" value=(val(&p.role)) placeholder=(tr.t("filter-role-hint")); }
            button type="submit" { (tr.t("filter-button")) }
        }
        p #showing { (tr.showing(offset.min(total), page.len(), total)) ". " a href=(with_query("/api/v1/persons", &[("q", &val(&p.q)), ("country", &val(&p.country)), ("status", &val(&p.status)), ("role", &val(&p.role))])) { "JSON" }
            " · " a href=(with_query("/api/v1/persons", &[("q", &val(&p.q)), ("country", &val(&p.country)), ("status", &val(&p.status)), ("role", &val(&p.role)), ("format", "csv")])) { "CSV" }
            " · " a href=(with_query("/api/v1/persons", &[("q", &val(&p.q)), ("country", &val(&p.country)), ("status", &val(&p.status)), ("role", &val(&p.role)), ("format", "xlsx")])) { "XLSX" } }
        div.scroll { table #directory {
            thead { tr {
                @for (key, label) in [("name", tr.t("col-name")), ("country", tr.t("col-country")), ("status", tr.t("col-status"))] {
                    th scope="col" aria-sort=[aria(key)] { a href=(sorted(key)) { (label) } }
                }
            } }
            tbody {
                @for &ix in &page {
                    tr {
                        td { (listed_name(&s, tr, ix)) }
                        td { (reg.country_of(ix).map(|c| tr.term("country", c)).unwrap_or_default()) }
                        td { (tr.term("status", reg.status(ix, day, Audience::Public).as_str())) }
                    }
                }
            }
        } }
        @if total > page.len() {
            nav.pager aria-label=(tr.t("pages")) {
                @if offset > 0 { a rel="prev" href=(at(offset.saturating_sub(limit))) { (tr.t("page-previous")) } }
                @if offset + page.len() < total { a rel="next" href=(at(offset + limit)) { (tr.t("page-next")) } }
            }
        }
    };
    layout(&s, tr, &tr.t("persons-title"), &body)
}
