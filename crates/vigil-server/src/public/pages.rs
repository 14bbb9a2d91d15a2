//! The public HTML pages: dashboard, directory, person, announcement. Every number links
//! to the API query that produced it (JSON, and CSV where it is a table).

use std::collections::BTreeMap;
use std::sync::Arc;

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
use vigil_core::record::{AnnouncementKind, RecordType};
use vigil_core::registry::{By, Mode, Step};
use vigil_i18n::Arg;

use crate::i18n::Tr;
use crate::links::with_query;
use crate::public::api::person_bundle;
use crate::public::chart::{self, Marker};
use crate::public::names::{name_lang, reader_name};
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

pub(crate) fn layout(s: &AppState, tr: &Tr, title: &str, body: &Markup) -> Html<String> {
    let head = &s.log.head[..s.log.head.len().min(16)];
    shell(
        tr,
        title,
        &html! {},
        &html! {
            footer {
                (tr.with("footer-computed", &[
                    ("entries", Arg::Text(s.log.entries.to_string())),
                    ("head", Arg::Text(head.to_string())),
                    ("asof", Arg::Text(format!("--as-of {}", s.log.entries))),
                ]))
            }
        },
        body,
    )
}

/// Every page's frame: head, the top bar (with `nav_extra` after the links), the body
/// and a footer.
pub(crate) fn shell(
    tr: &Tr,
    title: &str,
    nav_extra: &Markup,
    footer: &Markup,
    body: &Markup,
) -> Html<String> {
    Html(
        html! {
            (DOCTYPE)
            html lang=(tr.lang.code()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " — vigil" }
                    link rel="stylesheet" href="/static/vigil.css";
                    link rel="icon" href="/static/favicon.svg" type="image/svg+xml";
                }
                body {
                    // The first stop of the keyboard: past the top bar to the page itself.
                    a.skip href="#main" { (tr.t("skip-to-content")) }
                    header.top {
                        a.brand href="/" { "vigil" }
                        nav { a href="/" { (tr.t("nav-dashboard")) } a href="/persons" { (tr.t("nav-persons")) } a href="/calendar" { (tr.t("nav-calendar")) } a href="/edit" { (tr.t("nav-editors")) } (*nav_extra) }
                        (tr.switch())
                    }
                    main #main tabindex="-1" { (*body) }
                    (*footer)
                }
            }
        }
        .into_string(),
    )
}

/// `[JSON] [CSV] [XLSX]` links to the API query behind a number (`route` under `/api/v1/`).
pub(crate) fn sources(route: &str, pairs: &[(&str, &str)], csv: bool) -> Markup {
    let path = format!("/api/v1/{route}");
    let with_csv: Vec<(&str, &str)> = pairs.iter().copied().chain([("format", "csv")]).collect();
    let with_xlsx: Vec<(&str, &str)> = pairs.iter().copied().chain([("format", "xlsx")]).collect();
    html! {
        span.dl {
            a href=(with_query(&path, pairs)) { "JSON" }
            @if csv {
                " · " a href=(with_query(&path, &with_csv)) { "CSV" }
                " · " a href=(with_query(&path, &with_xlsx)) { "XLSX" }
            }
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
    /// Only this country (its code, e.g. `BY`): the headline, the chart, the waves, the
    /// flow and the breakdowns all follow it (default: every country).
    country: Option<String>,
}

/// The public dashboard: held today, the chart, waves, flow, breakdowns.
#[utoipa::path(get, path = "/", tag = "pages", params(DashboardParams),
    responses((status = 200, description = "The dashboard", content_type = "text/html", body = String),
        (status = 400, description = "`bad_parameter`: a parameter that is not of its type, a year outside 1000 to 9999, or a bad date (a page in the reader\'s language)", content_type = "text/html", body = String)))]
pub async fn dashboard(
    Snapshot(state): Snapshot,
    tr: Tr,
    headers: axum::http::HeaderMap,
    Query(params): Query<DashboardParams>,
) -> Result<Response, AppError> {
    let day = today();
    let page = state
        .cached_page(
            day,
            format!("{} {params:?}", tr.lang),
            render_dashboard(Arc::clone(&state), tr, params, day),
        )
        .await?;
    Ok(page.respond(&headers, "text/html; charset=utf-8"))
}

async fn render_dashboard(
    state: Arc<AppState>,
    tr: Tr,
    params: DashboardParams,
    day: Day,
) -> Result<String, AppError> {
    let tr = &tr;
    let num = |n: i64| tr.num(n);
    let s = &state;
    let reg = &s.registry;
    // Without a year asked for, the waves open on the latest year that has one up to
    // today (not on an empty current year).
    let country = params
        .country
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_ascii_uppercase);
    let cc = country.as_deref();
    let in_country =
        |c: Option<&str>| cc.is_none_or(|cc| c.is_some_and(|c| c.eq_ignore_ascii_case(cc)));
    let year = params.year.unwrap_or_else(|| {
        reg.announcements()
            .iter()
            .filter(|a| a.kind == AnnouncementKind::Pardon && a.date.first_day() <= day)
            .filter(|a| in_country(a.country.as_deref()))
            .map(|a| a.date.year_number())
            .max()
            .unwrap_or_else(|| day.year())
    });
    // The page links the years on either side (`year - 1` overflowed at i32::MIN): a year
    // of four digits, as dates have, keeps them in range.
    if !(1000..=9999).contains(&year) {
        return Err(AppError::Param(answer::ParamError {
            param: "year",
            message: format!("{year} is not a year from 1000 to 9999"),
        }));
    }
    let h = reg.held(day, cc, Mode::Recognized);
    let step = Step::parse(params.step.as_deref().unwrap_or("month")).unwrap_or(Step::Month);
    let chart_from = Day::ymd(2020, 8, 1).expect("valid");
    let points = reg.series(chart_from, day, step, cc, Mode::Recognized);
    let markers: Vec<Marker> = reg
        .announcements()
        .iter()
        .filter(|a| in_country(a.country.as_deref()))
        .map(|a| Marker {
            date: a.date.first_day().to_string(),
            id: a.id.clone(),
            label: format!(
                "{} {} {}: {}",
                tr.date(a.date),
                a.country
                    .as_deref()
                    .map(|c| tr.term("country", c))
                    .unwrap_or_default(),
                tr.term("announcement-kind", a.kind.as_str()),
                a.total.map_or("?".into(), |t| tr.num(i64::from(t)))
            ),
        })
        .collect();
    let mut figures: Vec<_> = reg
        .figures()
        .iter()
        .filter(|f| in_country(f.country.as_deref()))
        .collect();
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
    let all_countries = reg.countries(Audience::Public, s.min_cell);
    let countries: Vec<_> = all_countries
        .iter()
        .filter(|c| in_country(Some(**c)))
        .copied()
        .collect();
    let keep = |path: &str, pairs: &[(&str, &str)]| {
        let mut all: Vec<(&str, &str)> = pairs.to_vec();
        if let Some(c) = cc {
            all.push(("country", c));
        }
        with_query(path, &all)
    };
    let flow_from = params
        .from
        .clone()
        .unwrap_or_else(|| Day(day.0 - 364).to_string());
    let flow_to = params.to.clone().unwrap_or_else(|| day.to_string());
    let flow = answer::flow(
        reg,
        &flow_from,
        &flow_to,
        &answer::Counting {
            country: country.clone(),
            ..answer::Counting::default()
        },
        s.log.clone(),
    )?
    .flow;
    let flow_end = flow
        .to
        .parse::<vigil_core::date::PartialDate>()
        .map_or(day, |d| d.first_day());
    let flow_start = flow
        .from
        .parse::<vigil_core::date::PartialDate>()
        .map_or(flow_end, |d| d.first_day());
    let months: Vec<(Day, Day)> = (0..12)
        .rev()
        .filter_map(|k| {
            let first = flow_end
                .to_naive()
                .with_day0(0)?
                .checked_sub_months(Months::new(k))?;
            let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
            Some((Day::from_naive(first), Day::from_naive(last)))
        })
        .filter(|(_, last)| *last >= flow_start)
        .collect();
    let body = html! {
        form.controls #country-form method="get" action="/" {
            input type="hidden" name="lang" value=(tr.lang.code());
            label { (tr.t("filter-country")) " " select name="country" {
                option value="" { (tr.t("filter-any")) }
                @for c in &all_countries { option value=(c) selected[cc == Some(*c)] { (tr.term("country", c)) } }
            } }
            " " button type="submit" { (tr.t("show")) }
        }
        section.headline {
            h1 { (tr.t("held-today-title")) }
            p.big #headline data-held=(h.held) { (num(h.held)) }
            @if h.held_min != h.held_max {
                p.bounds { (tr.with("held-bounds", &[("min", Arg::Text(num(h.held_min))), ("max", Arg::Text(num(h.held_max)))])) }
            }
            p { (tr.with("held-today-note", &[("day", Arg::Text(tr.day(day)))])) " " (sources("stats/held", &[("on", &day.to_string()), ("country", cc.unwrap_or_default())], true)) }
            @if !figures.is_empty() {
                h2 { (tr.t("reported-figures")) }
                ul.figures {
                    @for f in &figures {
                        li {
                            strong { (tr.term("qualifier", f.qualifier.as_str())) " " (figure_value(tr, f.value)) }
                            " " (tr.term("metric", &f.metric))
                            @if let Some(c) = &f.country { " " (tr.with("figure-in-country", &[("country", Arg::Text(tr.term("country", c)))])) }
                            " " (tr.with("figure-as-of", &[("date", Arg::Text(tr.date(f.as_of)))]))
                            @for src in &f.sources { " — " (publishers.get(src).map_or(src.as_str(), String::as_str)) }
                        }
                    }
                }
            }
        }
        section {
            h2 { (tr.t("held-over-time")) }
            p.controls {
                @for st in ["day", "week", "month"] {
                    @if st == step.as_str() { strong { (tr.term("step", st)) } } @else { a href=(keep("/", &[("step", st)])) { (tr.term("step", st)) } }
                    " "
                }
                (sources("stats/series", &[("from", &chart_from.to_string()), ("to", &day.to_string()), ("step", step.as_str())], true))
            }
            (chart::series(tr, &points, &markers))
            p.legend { (tr.t("chart-legend")) }
        }
        section {
            h2 { (tr.with("waves-in-year", &[("year", Arg::Text(year.to_string()))])) }
            p.controls { a href=(keep("/", &[("year", &(year - 1).to_string())])) { (tr.with("previous-year", &[("year", Arg::Text((year - 1).to_string()))])) } " " a href=(keep("/", &[("year", &(year + 1).to_string())])) { (tr.with("next-year", &[("year", Arg::Text((year + 1).to_string()))])) } }
            @for c in &countries {
                @let w = reg.waves(c, year, AnnouncementKind::Pardon);
                @if !w.waves.is_empty() {
                    h3 { (tr.term("country", c)) ": " (tr.count("count-waves", w.waves.len() as i64)) ", " (tr.count("count-persons", w.total as i64)) " " (sources("stats/waves", &[("country", c), ("year", &year.to_string())], true)) }
                    div.scroll { table.waves {
                        thead { tr { th scope="col" { (tr.t("col-ordinal")) } th scope="col" { (tr.t("col-date")) } th.n scope="col" { (tr.t("col-count")) } th.n scope="col" { (tr.t("col-running-total")) } th scope="col" { (tr.t("col-breakdown")) } th.n scope="col" { (tr.t("col-identified")) } } }
                        tbody {
                            @for x in &w.waves {
                                @let a = reg.announcement(&x.announcement);
                                tr {
                                    td { (x.ordinal) }
                                    td { a.wave-link href=(format!("/announcements/{}", x.announcement)) { (tr.day_text(&x.date)) } }
                                    td.n { (num(x.count as i64)) }
                                    td.n { (num(x.running_total as i64)) }
                                    td { @if let Some(a) = a { (a.breakdown.iter().map(|(k, v)| format!("{} {}", tr.term("breakdown", k), num(i64::from(*v)))).collect::<Vec<_>>().join("; ")) } }
                                    td.n { (num(reg.identified(&x.announcement, Audience::Trusted).len() as i64)) }
                                }
                            }
                        }
                    } }
                }
            }
        }
        section {
            h2 { (tr.t("in-and-out")) }
            p { (tr.with("flow-summary", &[
                    ("from", Arg::Text(tr.day_text(&flow.from))),
                    ("to", Arg::Text(tr.day_text(&flow.to))),
                    ("detained", Arg::Text(num(flow.detained as i64))),
                    ("recognized", Arg::Text(num(flow.recognized as i64))),
                    ("pardoned", Arg::Text(num(flow.pardoned as i64))),
                ]))
                @if let Some(r) = flow.ratio_recognized_to_pardoned { " — " strong { (tr.with("flow-ratio", &[("ratio", Arg::Text(ratio(tr, r)))])) } }
                ". " (sources("stats/flow", &[("from", &flow.from), ("to", &flow.to), ("country", cc.unwrap_or_default())], true)) }
            form.controls method="get" action="/" {
                input type="hidden" name="lang" value=(tr.lang.code());
                @if let Some(c) = cc { input type="hidden" name="country" value=(c); }
                label { (tr.t("from")) " " input type="date" name="from" value=(flow.from); }
                label { " " (tr.t("to")) " " input type="date" name="to" value=(flow.to); }
                button type="submit" { (tr.t("show")) }
            }
            div.scroll { table {
                thead { tr { th scope="col" { (tr.t("col-month")) } th.n scope="col" { (tr.term("event-kind", "detained")) } th.n scope="col" { (tr.term("event-kind", "recognized")) } th.n scope="col" { (tr.term("event-kind", "released")) } th.n scope="col" { (tr.term("event-kind", "pardoned")) } } }
                tbody {
                    @for (a, b) in &months {
                        @let f = reg.flow(*a, *b, cc, Mode::Recognized);
                        tr { td { (tr.day_text(&a.to_string()[..7])) } td.n { (num(f.detained as i64)) } td.n { (num(f.recognized as i64)) } td.n { (num(f.released.values().sum::<u64>() as i64)) } td.n { (num(f.pardoned as i64)) } }
                    }
                }
            } }
        }
        section {
            h2 { (tr.t("who-held-today")) }
            div.breakdowns {
                @for (name, by, heading) in [("sex", By::Sex, tr.t("by-sex")), ("age", By::Age, tr.t("by-age")), ("role", By::Role, tr.t("by-role")), ("region", By::Region, tr.t("by-region")), ("article", By::Article, tr.t("by-article")), ("place", By::Place, tr.t("by-place")), ("regime", By::Regime, tr.t("by-regime")), ("status", By::Status, tr.t("by-status")), ("recognized_by", By::RecognizedBy, tr.t("by-recognized_by")), ("term", By::Term, tr.t("by-term"))] {
                    div {
                        h3 { (heading) " " (sources("stats/held", &[("on", &day.to_string()), ("by", name)], true)) }
                        table { tbody {
                            @for (k, v) in reg.held_by(day, cc, Mode::Recognized, by, Audience::Public) {
                                tr { td lang=[(by == By::RecognizedBy && k.is_ascii() && !matches!(k.as_str(), "none" | "unknown" | "withheld")).then_some("und-Latn")] { (breakdown_key(tr, reg, by, &k)) } td.n {
                                    @if v > 0 && v < s.min_cell { (tr.with("fewer-than", &[("n", Arg::Text(num(s.min_cell)))])) } @else { (num(v)) }
                                } }
                            }
                        } }
                    }
                }
            }
        }
        (super::releases::section(tr, s, day))
    };
    Ok(layout(s, tr, &tr.t("nav-dashboard"), &body).0)
}

pub use crate::public::persons::{__path_directory, directory};

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// A public person's page: names, status, public events with their sources.
#[utoipa::path(get, path = "/persons/{id}", tag = "pages", params(("id" = String, Path, description = "The person's id", example = "p1")),
    responses((status = 200, description = "The page", content_type = "text/html", body = String),
        (status = 400, description = "`bad_request`: an id that is not UTF-8 (a page in the reader\'s language)", content_type = "text/html", body = String),
        (status = 307, description = "A public record merged into another public person: the address of that person's page"),
        (status = 404, description = "`not_found`: no public person with this id (a page in the reader\'s language)", content_type = "text/html", body = String)))]
pub async fn person(
    Snapshot(s): Snapshot,
    tr: Tr,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let tr = &tr;
    // A duplicate merged away: its old address (in links, in the press) leads to the
    // person it now counts as.
    if let Some(k) = s
        .registry
        .person_index(&id)
        .and_then(|p| s.registry.public_successor(p))
    {
        let to = with_query(
            &format!(
                "/persons/{}",
                crate::links::segment(s.registry.person_id(k))
            ),
            &[("lang", tr.lang.code())],
        );
        return Ok(axum::response::Redirect::temporary(&to).into_response());
    }
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
    // The name in the reader's language first (public::names).
    let shown = reader_name(tr.lang, &names, true);
    let (title, title_lang, transliterated) =
        shown.as_ref().map_or((id.as_str(), None, false), |n| {
            (n.text.as_str(), n.lang.as_deref(), n.transliterated)
        });
    let body = html! {
        h1 lang=[title_lang] { (title) @if transliterated { " " small.note { "(" (tr.t("name-transliterated")) ")" } } }
        p.status { (tr.t("status-today")) " " strong { (tr.term("status", status)) } " · " a href=(format!("/api/v1/persons/{id}")) { "JSON" } }
        @if names.len() > 1 {
            h2 { (tr.t("names")) }
            ul { @for (n, lang) in &names { li lang=[name_lang(lang, n, tr.lang)] { (n) @if !lang.is_empty() { " (" (lang) ")" } } } }
        }
        dl.facts {
            @if let Some(v) = text(&person, "sex") { dt { (tr.t("fact-sex")) } dd { (tr.term("sex", v)) } }
            @if let Some(v) = text(&person, "birth_date") { dt { (tr.t("fact-birth_date")) } dd { (tr.day_text(v)) } }
            @if let Some(v) = text(&person, "country") { dt { (tr.t("fact-country")) } dd { (tr.term("country", v)) } }
            @if let Some(v) = text(&person, "region") { dt { (tr.t("fact-region")) } dd { (v) } }
            @if let Some(roles) = person.get("roles").and_then(Value::as_array) {
                dt { (tr.t("fact-roles")) } dd {
                    @if roles.is_empty() { (tr.t("roles-none")) }
                    @for r in roles { (tr.term("role", r.as_str().unwrap_or(""))) " " }
                }
            }
            (super::case::facts(tr, &s.registry, ix))
        }
        h2 { (tr.t("timeline")) }
        div.scroll { table.timeline {
            thead { tr { th scope="col" { (tr.t("col-date")) } th scope="col" { (tr.t("col-event")) } th scope="col" { (tr.t("col-details")) } th scope="col" { (tr.t("col-sources")) } } }
            tbody {
                @for e in &events {
                    tr {
                        td { (text(e, "date").map(|d| tr.day_text(d)).unwrap_or_default()) }
                        td { (tr.term("event-kind", text(e, "kind").unwrap_or(""))) }
                        td {
                            @if let Some(a) = text(e, "announcement") { a href=(format!("/announcements/{a}")) { (tr.t("link-announcement")) } " " }
                            @if let Some(d) = e.get("details").and_then(Value::as_object) {
                                @for (k, v) in d { (tr.term("detail", k)) ": " (detail_value(tr, &s.registry, k, v)) "; " }
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
    Ok(layout(&s, tr, title, &body).into_response())
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
        (status = 400, description = "`bad_request`: an id that is not UTF-8 (a page in the reader\'s language)", content_type = "text/html", body = String),
        (status = 404, description = "`not_found`: no such announcement (a page in the reader\'s language)", content_type = "text/html", body = String)))]
pub async fn announcement(
    Snapshot(s): Snapshot,
    tr: Tr,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let tr = &tr;
    let num = |n: i64| tr.num(n);
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
    let title = tr.with(
        "announcement-title",
        &[
            (
                "kind",
                Arg::Text(tr.term("announcement-kind", a.kind.as_str())),
            ),
            ("date", Arg::Text(tr.date(a.date))),
        ],
    );
    // What the registry finds against this announcement (its breakdown against its total
    // and its official claims, who is identified), in the public's view.
    let contradicted: Vec<vigil_core::check::Finding> =
        vigil_core::check::check(&s.registry, Audience::Public)
            .into_iter()
            .filter(|f| f.subject == id && f.kind != "duplicate")
            .collect();
    let body = html! {
        h1 #announcement { (title) @if let Some(c) = &a.country { " — " (tr.term("country", c)) } }
        @if let Some(issuer) = &a.issuer { p { (tr.with("issued-by", &[("issuer", Arg::Text(issuer.clone()))])) } }
        p.big { @match a.total { Some(t) => { (tr.count("count-persons", i64::from(t))) } None => { "?" } } @if a.names_disclosed == Some(false) { ", " (tr.t("names-not-disclosed")) } }
        @if !a.breakdown.is_empty() {
            h2 { (tr.t("breakdown")) }
            table { tbody { @for (k, v) in &a.breakdown { tr { td { (tr.term("breakdown", k)) } td.n { (num(i64::from(*v))) } } } } }
        }
        @if !a.claims.is_empty() {
            h2 { (tr.t("official-claims")) }
            p.note { (tr.t("claims-note")) }
            ul { @for c in &a.claims { li { q { (c) } } } }
        }
        @if !contradicted.is_empty() {
            section.problem #contradictions {
                h2 { (tr.t("contradictions-heading")) }
                ul { @for f in &contradicted { li lang="en" { (f.message) } } }
            }
        }
        h2 { @match a.total {
            Some(t) => { (tr.with("identified-of-total", &[("n", Arg::Text(num(identified.len() as i64))), ("total", Arg::Text(num(i64::from(t))))])) }
            None => { (tr.with("identified-so-far", &[("n", Arg::Text(num(identified.len() as i64)))])) }
        } }
        @if identified.len() > public.len() { p.note { (tr.count("identified-not-shown", (identified.len() - public.len()) as i64)) } }
        ul { @for &p in &public { li { (listed_name(&s, tr, p)) } } }
        @if !publishers.is_empty() {
            h2 { (tr.t("sources")) }
            ul { @for (id, publisher, t) in &publishers { li { (publisher.as_deref().unwrap_or(id)) @if let Some(t) = t { ": " (t) } } } }
        }
    };
    Ok(layout(&s, tr, &title, &body))
}

/// A reported figure's value: whole, or with one decimal place.
fn figure_value(tr: &Tr, v: f64) -> String {
    if v.fract() == 0.0 {
        tr.num(v as i64)
    } else {
        vigil_i18n::decimal(tr.lang, v, 1)
    }
}

/// A ratio with two decimal places.
fn ratio(tr: &Tr, r: f64) -> String {
    vigil_i18n::decimal(tr.lang, r, 2)
}

/// A breakdown cell's key in words: a sex, a role, "withheld" and "unknown" translated;
/// age bands and regions as they are.
fn breakdown_key(tr: &Tr, reg: &vigil_core::registry::Registry, by: By, key: &str) -> String {
    match (by, key) {
        (_, "withheld" | "unknown" | "none") => tr.term("breakdown", key),
        (By::Sex, k) => tr.term("sex", k),
        (By::Role, k) => tr.term("role", k),
        (By::Regime, k) if vigil_core::record::Regime::parse(k).is_some() => tr.term("regime", k),
        (By::Regime | By::Status | By::Place, k) if reg.place(k).is_none() => {
            tr.term("breakdown", k)
        }
        (By::Place, k) => super::case::place_name(tr, reg, k),
        (By::Term, k) => tr.term("term-band", k),
        (By::RecognizedBy, k) => super::persons::org_label(tr, k),
        (By::Article, k) => {
            let n = tr.with("article-number", &[("n", Arg::Text(k.to_string()))]);
            match vigil_core::articles::title(None, k, tr.lang.code()) {
                Some(t) => format!("{n} — {t}"),
                None => n,
            }
        }
        (_, k) => k.to_string(),
    }
}

/// A detail's value: a release reason or a confidence translated, a term in months as a
/// count, a day in words, lists joined, yes and no in words, numbers as the language
/// writes them, a place by its name in the reader's language; other text as stored.
fn detail_value(tr: &Tr, reg: &vigil_core::registry::Registry, key: &str, v: &Value) -> String {
    match (key, v) {
        ("place", Value::String(id)) => super::case::place_name(tr, reg, id),
        ("reason", Value::String(s)) => tr.term("release-reason", s),
        ("confidence", Value::String(s)) => tr.term("confidence", s),
        ("term_months", Value::Number(n)) if n.as_i64().is_some() => {
            tr.count("term-months", n.as_i64().unwrap_or_default())
        }
        ("term_start", Value::String(s)) => tr.day_text(s),
        ("regime", Value::String(s)) => tr.term("regime", s),
        // The recognising organisation, in the reader's language as the lists show it.
        ("by", Value::String(s)) => super::persons::org_label(tr, s),
        ("appeal", Value::Object(_)) => super::case::appeal_words(tr, v),
        ("type", Value::String(s)) if vigil_core::record::Condition::parse(s).is_some() => {
            tr.term("condition", s)
        }
        ("conditions", Value::Array(items)) => items
            .iter()
            .map(|x| tr.term("condition", x.as_str().unwrap_or("")))
            .collect::<Vec<_>>()
            .join(", "),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Array(items)) => items
            .iter()
            .map(|x| detail_value(tr, reg, "", x))
            .collect::<Vec<_>>()
            .join(", "),
        (_, Value::Bool(true)) => tr.t("yes"),
        (_, Value::Bool(false)) => tr.t("no"),
        (_, Value::Number(n)) => n.as_i64().map_or_else(|| n.to_string(), |n| tr.num(n)),
        _ => v.to_string(),
    }
}

/// A public person in a list, linked to their page: a stored name in the reader's
/// language or script (lists never transliterate), marked when it is in another.
pub(crate) fn listed_name(s: &AppState, tr: &Tr, ix: u32) -> Markup {
    let shown = reader_name(tr.lang, s.directory.names(ix), false);
    html! {
        a href=(format!("/persons/{}", s.registry.person_id(ix))) lang=[shown.as_ref().and_then(|n| n.lang.as_deref())] {
            (shown.map(|n| n.text).unwrap_or_default())
        }
    }
}
