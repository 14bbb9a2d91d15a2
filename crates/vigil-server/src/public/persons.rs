//! The public directory page (`/persons`): the public persons filtered like
//! `GET /api/v1/persons`, paged ("showing 51–100 of N"), its columns sorted on the server
//! (`sort=`), each heading a link that sorts by it; a choice of the recognising
//! organisations with how many persons each recognises ("Viasna: 1,123 · Memorial: 40").

use axum::response::Html;
use maud::html;
use vigil_core::access::Audience;

use crate::i18n::Tr;
use crate::input::Query;
use crate::links::with_query;
use crate::public::api::{matching, org_counts, PersonsParams};
use crate::public::pages::{layout, listed_name};
use crate::{today, Snapshot};

/// An organisation's name in the reader's language where the catalogues have one
/// (`org-viasna`), else as the data writes it.
pub(crate) fn org_label(tr: &Tr, name: &str) -> String {
    let key = format!("org-{}", name.to_lowercase());
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && vigil_i18n::has(tr.lang, &key)
    {
        tr.t(&key)
    } else {
        name.to_string()
    }
}

/// The public directory, filtered like `GET /api/v1/persons`.
#[utoipa::path(get, path = "/persons", tag = "pages", params(PersonsParams),
    responses((status = 200, description = "The directory", content_type = "text/html", body = String),
        (status = 400, description = "`bad_parameter`: a limit or offset that is not a number (a page in the reader\'s language)", content_type = "text/html", body = String)))]
pub async fn directory(
    Snapshot(s): Snapshot,
    tr: Tr,
    Query(p): Query<PersonsParams>,
) -> Html<String> {
    let tr = &tr;
    let (total, page) = matching(&s, &p, tr.lang, false);
    let (orgs, fewer_than) = org_counts(&s, &p);
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
                ("recognized_by", &val(&p.recognized_by)),
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
                ("recognized_by", &val(&p.recognized_by)),
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
            // A choice of the roles in the reader's words (typing "журналист" found no
            // one: the data keeps the role's key); a role not in the list, given in the
            // address, stays chosen.
            label { (tr.t("filter-role")) " " select name="role" {
                option value="" { (tr.t("filter-any")) }
                @for r in vigil_core::roles::USUAL_ROLES { option value=(r) selected[p.role.as_deref() == Some(*r)] { (tr.term("role", r)) } }
                @if let Some(other) = p.role.as_deref().filter(|r| !r.is_empty() && !vigil_core::roles::USUAL_ROLES.contains(r)) {
                    option value=(other) selected { (tr.term("role", other)) }
                }
            } }
            @if !orgs.is_empty() {
                label { (tr.t("filter-recognized_by")) " " select name="recognized_by" {
                    option value="" { (tr.t("filter-any")) }
                    @for o in &orgs {
                        option value=(o.name) selected[p.recognized_by.as_deref().is_some_and(|w| w.trim().to_lowercase() == o.name.to_lowercase())] { (org_label(tr, &o.name)) }
                    }
                } }
            }
            button type="submit" { (tr.t("filter-button")) }
        }
        // How many each organisation recognises among the persons the other filters give,
        // each a link to its list.
        @if !orgs.is_empty() {
            p #organisations { (tr.t("persons-recognized_by")) ": "
                @for (i, o) in orgs.iter().enumerate() {
                    @if i > 0 { " · " }
                    a href=(with_query("/persons", &[("country", &val(&p.country)), ("status", &val(&p.status)), ("role", &val(&p.role)), ("recognized_by", &o.name)])) { (org_label(tr, &o.name)) }
                    ": "
                    @match o.persons {
                        Some(n) => (tr.num(i64::try_from(n).unwrap_or(i64::MAX))),
                        None => (tr.with("fewer-than", &[("n", vigil_i18n::Arg::Text(tr.num(fewer_than.unwrap_or(0))))])),
                    }
                }
            }
        }
        p #showing { (tr.showing(offset.min(total), page.len(), total)) ". " a href=(with_query("/api/v1/persons", &[("q", &val(&p.q)), ("country", &val(&p.country)), ("status", &val(&p.status)), ("role", &val(&p.role)), ("recognized_by", &val(&p.recognized_by))])) { "JSON" }
            " · " a href=(with_query("/api/v1/persons", &[("q", &val(&p.q)), ("country", &val(&p.country)), ("status", &val(&p.status)), ("role", &val(&p.role)), ("recognized_by", &val(&p.recognized_by)), ("format", "csv")])) { "CSV" }
            " · " a href=(with_query("/api/v1/persons", &[("q", &val(&p.q)), ("country", &val(&p.country)), ("status", &val(&p.status)), ("role", &val(&p.role)), ("recognized_by", &val(&p.recognized_by)), ("format", "xlsx")])) { "XLSX" } }
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
