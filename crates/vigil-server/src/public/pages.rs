//! The public HTML pages: dashboard, directory, person, announcement. Every number links
//! to the API query that produced it (JSON, and CSV where it is a table).

use std::collections::BTreeMap;
use std::sync::Arc;


use crate::error::ErrorBody;
use crate::input::{Path, Query};
use crate::Snapshot;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use chrono::{Datelike, Months};
use maud::{html, Markup, DOCTYPE};
use serde_json::Value;
use vigil_core::access::Audience;
use vigil_core::answer;
use vigil_core::date::Day;
use vigil_core::format::{qualifier_words, thousands};
use vigil_core::record::{AnnouncementKind, RecordType};
use vigil_core::registry::{By, Mode, Step};

use crate::links::with_query;
use crate::public::api::{matching, person_bundle, PersonsParams};
use crate::public::chart::{self, Marker};
use crate::{today, AppError, AppState};

/// The icon.
#[utoipa::path(get, path = "/static/favicon.svg", tag = "operations",
    responses((status = 200, description = "The icon", content_type = "image/svg+xml", body = String)))]
pub async fn favicon() -> Response {
    (
        [(header::CONTENT_TYPE, "image/svg+xml")],
        include_str!("../../static/favicon.svg"),
    )
        .into_response()
}

/// The icon, where browsers look for it unasked.
#[utoipa::path(get, path = "/favicon.ico", tag = "operations",
    responses((status = 200, description = "The icon (SVG)", content_type = "image/svg+xml", body = String)))]
pub async fn favicon_ico() -> Response {
    favicon().await
}

/// The one stylesheet.
#[utoipa::path(get, path = "/static/vigil.css", tag = "operations",
    responses((status = 200, description = "The stylesheet", content_type = "text/css", body = String)))]
pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../static/vigil.css"),
    )
        .into_response()
}

fn layout(s: &AppState, title: &str, body: &Markup) -> Html<String> {
    shell(
        title,
        &html! {},
        &html! {
            footer {
                "Computed at log entry " (s.log.entries) ", head "
                code { (&s.log.head[..s.log.head.len().min(16)]) } "…. "
                "Reproduce any number with " code { "--as-of " (s.log.entries) } "."
            }
        },
        body,
    )
}

/// Every page's frame: head, the top bar (with `nav_extra` after the links), the body
/// and a footer.
pub(crate) fn shell(
    title: &str,
    nav_extra: &Markup,
    footer: &Markup,
    body: &Markup,
) -> Html<String> {
    Html(
        html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " — vigil" }
                    link rel="stylesheet" href="/static/vigil.css";
                    link rel="icon" href="/static/favicon.svg" type="image/svg+xml";
                }
                body {
                    header.top {
                        a.brand href="/" { "vigil" }
                        nav { a href="/" { "Dashboard" } a href="/persons" { "Persons" } (*nav_extra) }
                    }
                    main { (*body) }
                    (*footer)
                }
            }
        }
        .into_string(),
    )
}

fn num(n: i64) -> String {
    thousands(n as f64)
}

/// `[JSON] [CSV]` links to the API query behind a number (`route` under `/api/v1/`).
fn sources(route: &str, pairs: &[(&str, &str)], csv: bool) -> Markup {
    let path = format!("/api/v1/{route}");
    let with_csv: Vec<(&str, &str)> = pairs.iter().copied().chain([("format", "csv")]).collect();
    html! {
        span.dl {
            a href=(with_query(&path, pairs)) { "JSON" }
            @if csv { " · " a href=(with_query(&path, &with_csv)) { "CSV" } }
        }
    }
}

#[derive(Debug, serde::Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashboardParams {
    /// The year of the waves table (default: this year), from 1000 to 9999 as in dates.
    #[param(minimum = 1000, maximum = 9999, example = 2024)]
    year: Option<i32>,
    /// The chart's step: `day`, `week` or `month` (default).
    #[param(schema_with = crate::shapes::step_schema)]
    step: Option<String>,
    /// The chart's first day, YYYY-MM-DD.
    from: Option<String>,
    /// The chart's last day, YYYY-MM-DD.
    to: Option<String>,
}

/// The public dashboard: held today, the chart, waves, flow, breakdowns.
#[utoipa::path(get, path = "/", tag = "pages", params(DashboardParams),
    responses((status = 200, description = "The dashboard", content_type = "text/html", body = String),
        (status = 400, description = "`bad_parameter`: a parameter that is not of its type, a year outside 1000 to 9999, or a bad date", body = ErrorBody)))]
pub async fn dashboard(
    Snapshot(state): Snapshot,
    headers: axum::http::HeaderMap,
    Query(params): Query<DashboardParams>,
) -> Result<Response, AppError> {
    let day = today();
    let page = state
        .cached_page(
            day,
            format!("{params:?}"),
            render_dashboard(Arc::clone(&state), params, day),
        )
        .await?;
    Ok(page.respond(&headers, "text/html; charset=utf-8"))
}

async fn render_dashboard(
    state: Arc<AppState>,
    params: DashboardParams,
    day: Day,
) -> Result<String, AppError> {
    let s = &state;
    let reg = &s.registry;
    let year = params.year.unwrap_or_else(|| day.year());
    // The page links the years on either side (`year - 1` overflowed at i32::MIN): a year
    // of four digits, as dates have, keeps them in range.
    if !(1000..=9999).contains(&year) {
        return Err(AppError::Param(answer::ParamError {
            param: "year",
            message: format!("{year} is not a year from 1000 to 9999"),
        }));
    }
    let h = reg.held(day, None, Mode::Recognized);
    let step = Step::parse(params.step.as_deref().unwrap_or("month")).unwrap_or(Step::Month);
    let chart_from = Day::ymd(2020, 8, 1).expect("valid");
    let points = reg.series(chart_from, day, step, None, Mode::Recognized);
    let markers: Vec<Marker> = reg
        .announcements()
        .iter()
        .map(|a| Marker {
            date: a.date.first_day().to_string(),
            id: a.id.clone(),
            label: format!(
                "{} {} {}: {}",
                a.date,
                a.country.as_deref().unwrap_or(""),
                a.kind,
                a.total.map_or("?".into(), |t| t.to_string())
            ),
        })
        .collect();
    let mut figures: Vec<_> = reg.figures().iter().collect();
    figures.sort_by(|a, b| {
        b.as_of
            .first_day()
            .cmp(&a.as_of.first_day())
            .then(a.id.cmp(&b.id))
    });
    figures.truncate(6);
    let publishers: BTreeMap<String, String> = {
        let ids: Vec<String> = figures
            .iter()
            .flat_map(|f| f.sources.iter().cloned())
            .collect();
        s.read(move |store| {
            let mut m = BTreeMap::new();
            for id in ids {
                if let Some(body) = store.record_body(RecordType::Source, &id)? {
                    let v: Value = serde_json::from_str(&body).unwrap_or_default();
                    if let Some(p) = v.get("publisher").and_then(Value::as_str) {
                        m.insert(id, p.to_string());
                    }
                }
            }
            Ok(m)
        })
        .await?
    };
    let countries = reg.countries(Audience::Public, s.min_cell);
    let flow_from = params
        .from
        .clone()
        .unwrap_or_else(|| Day(day.0 - 364).to_string());
    let flow_to = params.to.clone().unwrap_or_else(|| day.to_string());
    let flow = answer::flow(
        reg,
        &flow_from,
        &flow_to,
        &answer::Counting::default(),
        s.log.clone(),
    )?
    .flow;
    let months: Vec<(Day, Day)> = (0..12)
        .rev()
        .filter_map(|k| {
            let first = day
                .to_naive()
                .with_day0(0)?
                .checked_sub_months(Months::new(k))?;
            let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
            Some((Day::from_naive(first), Day::from_naive(last)))
        })
        .collect();
    let body = html! {
        section.headline {
            h1 { "Political prisoners held today" }
            p.big #headline data-held=(h.held) { (num(h.held)) }
            @if h.held_min != h.held_max {
                p.bounds { "between " (num(h.held_min)) " surely and " (num(h.held_max)) " possibly held, where dates are known only to the month or year" }
            }
            p { "Recognized political prisoners in custody on " (day) ". " (sources("stats/held", &[("on", &day.to_string())], true)) }
            @if !figures.is_empty() {
                h2 { "Reported figures" }
                ul.figures {
                    @for f in &figures {
                        li {
                            strong { (qualifier_words(f.qualifier)) (thousands(f.value)) }
                            " " (f.metric.replace('_', " "))
                            @if let Some(c) = &f.country { " in " (c) }
                            " as of " (f.as_of.to_string())
                            @for src in &f.sources { " — " (publishers.get(src).map_or(src.as_str(), String::as_str)) }
                        }
                    }
                }
            }
        }
        section {
            h2 { "Held over time" }
            p.controls {
                @for st in ["day", "week", "month"] {
                    @if st == step.as_str() { strong { (st) } } @else { a href=(format!("/?step={st}")) { (st) } }
                    " "
                }
                (sources("stats/series", &[("from", &chart_from.to_string()), ("to", &day.to_string()), ("step", step.as_str())], true))
            }
            (chart::series(&points, &markers))
            p.legend { "Line: headline count. Band: surely to possibly held. Markers: announcements (pardons, amnesties); select one to open it." }
        }
        section {
            h2 { "Pardon waves in " (year) }
            p.controls { a href=(format!("/?year={}", year - 1)) { "← " (year - 1) } " " a href=(format!("/?year={}", year + 1)) { (year + 1) " →" } }
            @for c in &countries {
                @let w = reg.waves(c, year, AnnouncementKind::Pardon);
                @if !w.waves.is_empty() {
                    h3 { (c) ": " (w.waves.len()) " waves, " (num(w.total as i64)) " persons " (sources("stats/waves", &[("country", c), ("year", &year.to_string())], true)) }
                    div.scroll { table.waves {
                        thead { tr { th { "#" } th { "date" } th.n { "count" } th.n { "running total" } th { "breakdown" } th.n { "identified" } } }
                        tbody {
                            @for x in &w.waves {
                                @let a = reg.announcement(&x.announcement);
                                tr {
                                    td { (x.ordinal) }
                                    td { a.wave-link href=(format!("/announcements/{}", x.announcement)) { (x.date) } }
                                    td.n { (num(x.count as i64)) }
                                    td.n { (num(x.running_total as i64)) }
                                    td { @if let Some(a) = a { @for (k, v) in &a.breakdown { (k.replace('_', " ")) " " (v) "; " } } }
                                    td.n { (reg.identified(&x.announcement, Audience::Trusted).len()) }
                                }
                            }
                        }
                    } }
                }
            }
        }
        section {
            h2 { "In and out" }
            p { "From " (flow.from) " to " (flow.to) ": " strong { (flow.detained) } " detained, " strong { (flow.recognized) } " recognized, "
                strong { (flow.pardoned) } " pardoned"
                @if let Some(r) = flow.ratio_recognized_to_pardoned { " — " strong { (format!("{r:.2}")) } " recognized for every one pardoned" }
                ". " (sources("stats/flow", &[("from", &flow.from), ("to", &flow.to)], true)) }
            form.controls method="get" action="/" {
                label { "from " input type="date" name="from" value=(flow.from); }
                label { " to " input type="date" name="to" value=(flow.to); }
                button type="submit" { "Show" }
            }
            div.scroll { table {
                thead { tr { th { "month" } th.n { "detained" } th.n { "recognized" } th.n { "released" } th.n { "pardoned" } } }
                tbody {
                    @for (a, b) in &months {
                        @let f = reg.flow(*a, *b, None, Mode::Recognized);
                        tr { td { (&a.to_string()[..7]) } td.n { (f.detained) } td.n { (f.recognized) } td.n { (f.released.values().sum::<u64>()) } td.n { (f.pardoned) } }
                    }
                }
            } }
        }
        section {
            h2 { "Who is held today" }
            div.breakdowns {
                @for (name, by) in [("sex", By::Sex), ("age", By::Age), ("role", By::Role), ("region", By::Region)] {
                    div {
                        h3 { "By " (name) " " (sources("stats/held", &[("on", &day.to_string()), ("by", name)], true)) }
                        table { tbody {
                            @for (k, v) in reg.held_by(day, None, Mode::Recognized, by, Audience::Public) {
                                tr { td { (k.replace('_', " ")) } td.n {
                                    @if v > 0 && v < s.min_cell { "fewer than " (s.min_cell) } @else { (num(v)) }
                                } }
                            }
                        } }
                    }
                }
            }
        }
    };
    Ok(layout(s, "Dashboard", &body).0)
}

/// The public directory, filtered like `GET /api/v1/persons`.
#[utoipa::path(get, path = "/persons", tag = "pages", params(PersonsParams),
    responses((status = 200, description = "The directory", content_type = "text/html", body = String),
        (status = 400, description = "`bad_parameter`: a limit or offset that is not a number", body = ErrorBody)))]
pub async fn directory(Snapshot(s): Snapshot, Query(p): Query<PersonsParams>) -> Html<String> {
    let (total, page) = matching(&s, &p);
    let day = today();
    let reg = &s.registry;
    let val = |o: &Option<String>| o.clone().unwrap_or_default();
    let body = html! {
        h1 { "Persons" }
        form.filters method="get" action="/persons" {
            label { "Name " input type="search" name="q" value=(val(&p.q)) placeholder="any spelling"; }
            label { "Country " select name="country" {
                option value="" { "any" }
                @for c in reg.countries_of_public_persons() { option value=(c) selected[p.country.as_deref() == Some(c)] { (c) } }
            } }
            label { "Status " select name="status" {
                option value="" { "any" }
                @for st in ["held", "released", "not_detained"] { option value=(st) selected[p.status.as_deref() == Some(st)] { (st.replace('_', " ")) } }
            } }
            label { "Role " input type="text" name="role" value=(val(&p.role)) placeholder="e.g. journalist"; }
            button type="submit" { "Filter" }
        }
        p { (num(total as i64)) " persons. " a href=(with_query("/api/v1/persons", &[("q", &val(&p.q)), ("country", &val(&p.country)), ("status", &val(&p.status)), ("role", &val(&p.role))])) { "JSON" } }
        div.scroll { table #directory {
            thead { tr { th { "name" } th { "country" } th { "status" } } }
            tbody {
                @for &ix in &page {
                    tr {
                        td { a href=(format!("/persons/{}", reg.person_id(ix))) { (s.directory.name(ix).unwrap_or_default()) } }
                        td { (reg.country_of(ix).unwrap_or("")) }
                        td { (reg.status(ix, day, Audience::Public).as_str().replace('_', " ")) }
                    }
                }
            }
        } }
    };
    layout(&s, "Persons", &body)
}

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// A public person's page: names, status, public events with their sources.
#[utoipa::path(get, path = "/persons/{id}", tag = "pages", params(("id" = String, Path, description = "The person's id", example = "p1")),
    responses((status = 200, description = "The page", content_type = "text/html", body = String),
        (status = 400, description = "`bad_request`: an id that is not UTF-8", body = ErrorBody),
        (status = 404, description = "`not_found`: no public person with this id", body = ErrorBody)))]
pub async fn person(
    Snapshot(s): Snapshot,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let (person, events) = person_bundle(&s, id.clone()).await?;
    let source_ids: Vec<String> = events
        .iter()
        .filter_map(|e| e.get("sources").and_then(Value::as_array))
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect();
    let sources = source_labels(&s, source_ids).await?;
    let ix = s.registry.person_index(&id).ok_or(AppError::NotFound)?;
    let status = s.registry.status(ix, today(), Audience::Public).as_str();
    let names: Vec<(&str, &str)> = person
        .get("names")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|n| Some((text(n, "text")?, text(n, "lang").unwrap_or(""))))
                .collect()
        })
        .unwrap_or_default();
    let title = names.first().map_or(id.as_str(), |n| n.0);
    let body = html! {
        h1 { (title) }
        p.status { "Status today: " strong { (status.replace('_', " ")) } " · " a href=(format!("/api/v1/persons/{id}")) { "JSON" } }
        @if names.len() > 1 {
            h2 { "Names" }
            ul { @for (n, lang) in &names { li { (n) @if !lang.is_empty() { " (" (lang) ")" } } } }
        }
        dl.facts {
            @for key in ["sex", "birth_date", "country", "region"] {
                @if let Some(v) = text(&person, key) { dt { (key.replace('_', " ")) } dd { (v) } }
            }
            @if let Some(roles) = person.get("roles").and_then(Value::as_array) {
                dt { "roles" } dd {
                    @if roles.is_empty() { "none" }
                    @for r in roles { (r.as_str().unwrap_or("").replace('_', " ")) " " }
                }
            }
        }
        h2 { "Timeline" }
        div.scroll { table.timeline {
            thead { tr { th { "date" } th { "event" } th { "details" } th { "sources" } } }
            tbody {
                @for e in &events {
                    tr {
                        td { (text(e, "date").unwrap_or("")) }
                        td { (text(e, "kind").unwrap_or("").replace('_', " ")) }
                        td {
                            @if let Some(a) = text(e, "announcement") { a href=(format!("/announcements/{a}")) { "announcement" } " " }
                            @if let Some(d) = e.get("details").and_then(Value::as_object) {
                                @for (k, v) in d { (k.replace('_', " ")) ": " (v.as_str().map_or_else(|| v.to_string(), str::to_string)) "; " }
                            }
                        }
                        td { @if let Some(src) = e.get("sources").and_then(Value::as_array) {
                            @for x in src.iter().filter_map(Value::as_str) {
                                @match sources.get(x) {
                                    Some((label, Some(url))) => { a href=(url) rel="noreferrer" { (label) } " " }
                                    Some((label, None)) => { (label) " " }
                                    None => { (x) " " }
                                }
                            }
                        } }
                    }
                }
            }
        } }
    };
    Ok(layout(&s, title, &body))
}

/// Source id → ("Publisher: title", url), for the sources that exist.
async fn source_labels(
    s: &Arc<AppState>,
    ids: Vec<String>,
) -> Result<BTreeMap<String, (String, Option<String>)>, AppError> {
    s.read(move |store| {
        let mut out = BTreeMap::new();
        for id in ids {
            if out.contains_key(&id) {
                continue;
            }
            let Some(body) = store.record_body(RecordType::Source, &id)? else {
                continue;
            };
            let v: Value = serde_json::from_str(&body).unwrap_or_default();
            let label = match (text(&v, "publisher"), text(&v, "title")) {
                (Some(p), Some(t)) => format!("{p}: {t}"),
                (Some(p), None) => p.to_string(),
                (None, Some(t)) => t.to_string(),
                (None, None) => id.clone(),
            };
            out.insert(
                id,
                (
                    label,
                    text(&v, "url")
                        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                        .map(str::to_string),
                ),
            );
        }
        Ok(out)
    })
    .await
}

/// An announcement's page: its breakdown, claims, sources, who is identified.
#[utoipa::path(get, path = "/announcements/{id}", tag = "pages", params(("id" = String, Path, description = "The announcement's id", example = "a-BY-2020-1")),
    responses((status = 200, description = "The page", content_type = "text/html", body = String),
        (status = 400, description = "`bad_request`: an id that is not UTF-8", body = ErrorBody),
        (status = 404, description = "`not_found`: no such announcement", body = ErrorBody)))]
pub async fn announcement(
    Snapshot(s): Snapshot,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let a = s
        .registry
        .announcement(&id)
        .ok_or(AppError::NotFound)?
        .clone();
    let identified: Vec<u32> = s.registry.identified(&id, Audience::Trusted);
    let public: Vec<u32> = s.registry.identified(&id, Audience::Public);
    let sources = a.sources.clone();
    let publishers: Vec<(String, Option<String>, Option<String>)> = s
        .read(move |store| {
            let mut out = Vec::new();
            for id in sources {
                let v: Value = store
                    .record_body(RecordType::Source, &id)?
                    .and_then(|b| serde_json::from_str(&b).ok())
                    .unwrap_or_default();
                out.push((
                    id,
                    text(&v, "publisher").map(str::to_string),
                    text(&v, "title").map(str::to_string),
                ));
            }
            Ok(out)
        })
        .await?;
    let title = format!("{} of {}", a.kind, a.date);
    let body = html! {
        h1 #announcement { (a.kind.as_str()[..1].to_uppercase()) (&a.kind.as_str()[1..]) " of " (a.date.to_string()) @if let Some(c) = &a.country { " — " (c) } }
        @if let Some(issuer) = &a.issuer { p { "Issued by " (issuer) "." } }
        p.big { (a.total.map_or("?".into(), |t| num(i64::from(t)))) " persons" @if a.names_disclosed == Some(false) { ", names not disclosed" } }
        @if !a.breakdown.is_empty() {
            h2 { "Breakdown" }
            table { tbody { @for (k, v) in &a.breakdown { tr { td { (k.replace('_', " ")) } td.n { (v) } } } } }
        }
        @if !a.claims.is_empty() {
            h2 { "Official claims" }
            p.note { "Statements by the issuer, recorded as claims, not as verified facts." }
            ul { @for c in &a.claims { li { q { (c) } } } }
        }
        h2 { "Identified so far: " (identified.len()) @if let Some(t) = a.total { " of " (t) } }
        @if identified.len() > public.len() { p.note { (identified.len() - public.len()) " identified persons are not shown publicly." } }
        ul { @for &p in &public { li { a href=(format!("/persons/{}", s.registry.person_id(p))) { (s.directory.name(p).unwrap_or_default()) } } } }
        @if !publishers.is_empty() {
            h2 { "Sources" }
            ul { @for (id, publisher, t) in &publishers { li { (publisher.as_deref().unwrap_or(id)) @if let Some(t) = t { ": " (t) } } } }
        }
    };
    Ok(layout(&s, &title, &body))
}
