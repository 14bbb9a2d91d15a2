//! The JSON API: the same answers as the CLI's `--json` (built by `vigil_core::answer`),
//! plus CSV for every series of numbers (`format=csv`), and the public persons.

use std::sync::Arc;

use crate::input::{Path, Query};
use crate::Snapshot;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use vigil_core::access::Audience;
use vigil_core::answer::{self, Counting, ParamError};
use vigil_core::date::Day;
use vigil_core::registry::OrgCounts;

use crate::error::ErrorBody;
use crate::public::directory as public;
use crate::public::tabular::{self, tab, Tabular};
use crate::shapes;
use crate::{today, AppError, AppState};

/// Who counts, shared by the counting routes. A country the public registry does not
/// name (none recorded, or only one or two hidden persons) is refused, the same way for
/// both, so a count cannot tell that a hidden person is there.
pub(crate) fn counting(
    s: &AppState,
    country: Option<&String>,
    all: bool,
    recognized_by_date: bool,
) -> Result<Counting, ParamError> {
    let country = country.filter(|c| !c.is_empty()).cloned();
    if let Some(c) = &country {
        public_country(s, c)?;
    }
    Ok(Counting {
        country,
        all,
        recognized_by_date,
    })
}

/// Refuses a country the public registry does not name.
fn public_country(s: &AppState, country: &str) -> Result<(), ParamError> {
    if s.registry
        .answers_for_country(country, Audience::Public, s.min_cell)
    {
        return Ok(());
    }
    Err(ParamError {
        param: "country",
        message: format!(
            "'{country}' is not a country of the public registry ({})",
            s.registry
                .countries(Audience::Public, s.min_cell)
                .join(", ")
        ),
    })
}

fn required<'a>(name: &'static str, value: Option<&'a String>) -> Result<&'a str, ParamError> {
    value.map(String::as_str).ok_or(ParamError {
        param: name,
        message: "is required".into(),
    })
}

fn wants_table(format: Option<&String>) -> Option<Tabular> {
    Tabular::of(format)
}

/// `stats held` as query parameters, named like the CLI's flags.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HeldParams {
    /// The day, YYYY-MM-DD (a partial date, YYYY-MM or YYYY, counts as its first day), in
    /// the years 1000 to 9999. Default: today.
    #[param(format = Date, example = "2024-12-09")]
    pub on: Option<String>,
    /// Only this country, e.g. `BY`.
    #[param(example = "BY")]
    pub country: Option<String>,
    /// Split the count by `sex`, `age`, `role` or `region`.
    #[param(schema_with = shapes::by_schema, example = "sex")]
    pub by: Option<String>,
    /// Count everyone in custody, not only recognized political prisoners.
    #[serde(default)]
    pub all: bool,
    /// Count only those already recognized on the day.
    #[serde(default)]
    pub recognized_by_date: bool,
    /// `csv` for a table instead of JSON.
    #[param(schema_with = shapes::format_schema)]
    pub format: Option<String>,
}

/// `stats series` as query parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SeriesParams {
    /// First day, YYYY-MM-DD (or YYYY-MM, YYYY: its first day), in the years 1000 to 9999.
    #[param(required = true, format = Date, example = "2024-01-01")]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD, included.
    #[param(required = true, format = Date, example = "2024-12-31")]
    pub to: Option<String>,
    /// `day`, `week` or `month` (default).
    #[param(schema_with = shapes::step_schema, example = "month")]
    pub step: Option<String>,
    /// Only this country, e.g. `BY`.
    pub country: Option<String>,
    /// Count everyone in custody.
    #[serde(default)]
    pub all: bool,
    /// Count only those already recognized on each day.
    #[serde(default)]
    pub recognized_by_date: bool,
    /// `csv` for a table instead of JSON.
    #[param(schema_with = shapes::format_schema)]
    pub format: Option<String>,
}

/// `stats waves` as query parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WavesParams {
    /// The country, e.g. `BY`.
    #[param(required = true, example = "BY")]
    pub country: Option<String>,
    /// The calendar year.
    #[param(required = true, example = 2024)]
    pub year: Option<i32>,
    /// `pardon` (default), `amnesty`, `release` or `recognition`.
    #[param(schema_with = shapes::kind_schema, example = "pardon")]
    pub kind: Option<String>,
    /// `csv` for a table instead of JSON.
    #[param(schema_with = shapes::format_schema)]
    pub format: Option<String>,
}

/// `stats flow` as query parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FlowParams {
    /// First day, YYYY-MM-DD (or YYYY-MM, YYYY: its first day), in the years 1000 to 9999.
    #[param(required = true, format = Date, example = "2024-01-01")]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD, included.
    #[param(required = true, format = Date, example = "2024-12-31")]
    pub to: Option<String>,
    /// Only this country, e.g. `BY`.
    pub country: Option<String>,
    /// Count everyone in custody.
    #[serde(default)]
    pub all: bool,
    /// Count only those already recognized.
    #[serde(default)]
    pub recognized_by_date: bool,
    /// `csv` for a table instead of JSON.
    #[param(schema_with = shapes::format_schema)]
    pub format: Option<String>,
}

/// The directory's filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PersonsParams {
    /// A name in any script or spelling (ranked by the name search), or part of one.
    pub q: Option<String>,
    /// Only this country, e.g. `BY`.
    pub country: Option<String>,
    /// Only persons with this role, e.g. `journalist`.
    pub role: Option<String>,
    /// Only persons this organisation recognises now (its name as the data writes it,
    /// matched ignoring case), e.g. `Viasna`: a withdrawal by the organisation ends its
    /// recognition only; a person it recognised after their release is listed too.
    pub recognized_by: Option<String>,
    /// `held`, `released` or `not_detained`, today.
    #[param(schema_with = shapes::status_schema)]
    pub status: Option<String>,
    /// At most this many (default 50, at most 500; a CSV or XLSX table asked for without
    /// a limit has every match).
    pub limit: Option<usize>,
    /// Skip this many.
    pub offset: Option<usize>,
    /// The order: `name`, `country` or `status`, or `-name`, … for the reverse (default:
    /// the registry's order; with `q`, best match first). Sorted before paging.
    pub sort: Option<String>,
    /// `csv` for a table instead of JSON.
    #[param(schema_with = shapes::format_schema)]
    pub format: Option<String>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// A name in any script or spelling: "Ales Bialiatski", "Алесь Бяляцкі", "Беляцкий".
    #[param(example = "Ales")]
    pub q: String,
    /// At most this many results (default 20, at most 200).
    pub limit: Option<usize>,
}

/// Public persons whose names match, best first, with the name that matched and why.
#[utoipa::path(get, path = "/api/v1/search", tag = "registry", params(SearchParams),
    responses((status = 200, description = "Matches, best first", body = answer::SearchAnswer),
        (status = 400, description = "`bad_parameter`: no `q`, or a limit that is not a number", body = ErrorBody)))]
pub async fn search(
    Snapshot(s): Snapshot,
    Query(p): Query<SearchParams>,
) -> Json<answer::SearchAnswer> {
    let limit = p.limit.unwrap_or(20).min(200);
    Json(answer::SearchAnswer {
        results: s.directory.search(&p.q, limit),
        log: s.log.clone(),
    })
}

/// Political prisoners held on a day, with bounds, optionally split.
#[utoipa::path(get, path = "/api/v1/stats/held", tag = "statistics", params(HeldParams),
    responses((status = 200, description = "The count (a table with `format=csv`, a workbook with `format=xlsx`)",
            content((answer::HeldAnswer = "application/json"), (String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 400, description = "`bad_parameter`: the parameter named is wrong", body = ErrorBody)))]
pub async fn held(
    Snapshot(s): Snapshot,
    Query(p): Query<HeldParams>,
) -> Result<Response, AppError> {
    let mut a = answer::held(
        &s.registry,
        p.on.as_deref(),
        p.by.as_deref(),
        &counting(&s, p.country.as_ref(), p.all, p.recognized_by_date)?,
        today(),
        Audience::Public,
        s.log.clone(),
    )?;
    a.suppress_small(s.min_cell);
    if let Some(format) = wants_table(p.format.as_ref()) {
        let mut tabs = vec![tab(
            "held",
            &["on", "held", "held_min", "held_max"],
            [vec![
                a.on.clone(),
                a.held.to_string(),
                a.held_min.to_string(),
                a.held_max.to_string(),
            ]],
        )];
        // A breakdown whose every cell is small still says so, cell by cell.
        if !a.by.is_empty() || !a.small.is_empty() {
            let fewer = format!("fewer than {}", s.min_cell);
            let rows = a.by.iter().map(|(k, v)| vec![k.clone(), v.to_string()]);
            let small = a.small.iter().map(|k| vec![k.clone(), fewer.clone()]);
            tabs.push(tab("by", &["key", "held"], rows.chain(small)));
        }
        return tabular::respond("held", &tabs, format);
    }
    Ok(Json(a).into_response())
}

/// Held on each step between two days.
#[utoipa::path(get, path = "/api/v1/stats/series", tag = "statistics", params(SeriesParams),
    responses((status = 200, description = "The series (a table with `format=csv`, a workbook with `format=xlsx`)",
            content((answer::SeriesAnswer = "application/json"), (String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 400, description = "`bad_parameter`: the parameter named is wrong, or the series has over 20,000 points", body = ErrorBody)))]
pub async fn series(
    Snapshot(s): Snapshot,
    headers: axum::http::HeaderMap,
    Query(mut p): Query<SeriesParams>,
) -> Result<Response, AppError> {
    // A long daily series is large (150 kB for six years) and never changes while serving.
    let state = Arc::clone(&s);
    let wanted = wants_table(p.format.as_ref());
    // One key for the same question however it is spelled.
    p.country = p.country.map(|c| c.to_ascii_uppercase());
    let points = |a: &answer::SeriesAnswer| {
        tab(
            "series",
            &["date", "held", "held_min", "held_max"],
            a.points.iter().map(|x| {
                vec![
                    x.date.clone(),
                    x.held.to_string(),
                    x.held_min.to_string(),
                    x.held_max.to_string(),
                ]
            }),
        )
    };
    let compute = move |state: &AppState, p: &SeriesParams| {
        let from = required("from", p.from.as_ref())?;
        let to = required("to", p.to.as_ref())?;
        Ok::<_, AppError>(answer::series(
            &state.registry,
            from,
            to,
            p.step.as_deref().unwrap_or("month"),
            &counting(state, p.country.as_ref(), p.all, p.recognized_by_date)?,
            state.log.clone(),
        )?)
    };
    // A workbook is binary and small to make: not kept in the page cache.
    if wanted == Some(Tabular::Xlsx) {
        return tabular::respond("series", &[points(&compute(&s, &p)?)], Tabular::Xlsx);
    }
    let key = format!("series {p:?}");
    let body = s
        .cached_page(today(), key, async move {
            let a = compute(&state, &p)?;
            if wanted.is_some() {
                return tabular::csv_text(&points(&a).table);
            }
            serde_json::to_string(&a).map_err(|e| AppError::Internal(e.to_string()))
        })
        .await?;
    if wanted.is_some() {
        let mut response = body.respond(&headers, "text/csv; charset=utf-8");
        response.headers_mut().insert(
            header::CONTENT_DISPOSITION,
            axum::http::HeaderValue::from_static("attachment; filename=\"series.csv\""),
        );
        return Ok(response);
    }
    Ok(body.respond(&headers, "application/json"))
}

/// Announcements (pardon waves by default) in a country and year, with running totals.
#[utoipa::path(get, path = "/api/v1/stats/waves", tag = "statistics", params(WavesParams),
    responses((status = 200, description = "The waves (a table with `format=csv`, a workbook with `format=xlsx`)",
            content((answer::WavesAnswer = "application/json"), (String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 400, description = "`bad_parameter`: the parameter named is wrong", body = ErrorBody)))]
pub async fn waves(
    Snapshot(s): Snapshot,
    Query(p): Query<WavesParams>,
) -> Result<Response, AppError> {
    let country = required("country", p.country.as_ref())?;
    public_country(&s, country)?;
    let year = p.year.ok_or(ParamError {
        param: "year",
        message: "is required".into(),
    })?;
    let a = answer::waves(&s.registry, country, year, p.kind.as_deref(), s.log.clone())?;
    if let Some(format) = wants_table(p.format.as_ref()) {
        let t = tab(
            "waves",
            &["ordinal", "date", "announcement", "count", "running_total"],
            a.waves.waves.iter().map(|w| {
                vec![
                    w.ordinal.to_string(),
                    w.date.clone(),
                    w.announcement.clone(),
                    w.count.to_string(),
                    w.running_total.to_string(),
                ]
            }),
        );
        return tabular::respond("waves", &[t], format);
    }
    Ok(Json(a).into_response())
}

/// Inflow and outflow between two days, and their ratio.
#[utoipa::path(get, path = "/api/v1/stats/flow", tag = "statistics", params(FlowParams),
    responses((status = 200, description = "Inflow and outflow (a table with `format=csv`, a workbook with `format=xlsx`)",
            content((answer::FlowAnswer = "application/json"), (String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 400, description = "`bad_parameter`: the parameter named is wrong", body = ErrorBody)))]
pub async fn flow(
    Snapshot(s): Snapshot,
    Query(p): Query<FlowParams>,
) -> Result<Response, AppError> {
    let from = required("from", p.from.as_ref())?;
    let to = required("to", p.to.as_ref())?;
    let a = answer::flow(
        &s.registry,
        from,
        to,
        &counting(&s, p.country.as_ref(), p.all, p.recognized_by_date)?,
        s.log.clone(),
    )?;
    if let Some(format) = wants_table(p.format.as_ref()) {
        let f = &a.flow;
        let ratio = f
            .ratio_recognized_to_pardoned
            .map_or(String::new(), |r| r.to_string());
        let flow = tab(
            "flow",
            &[
                "from",
                "to",
                "detained",
                "recognized",
                "pardoned",
                "pardoned_identified",
                "pardoned_announced",
                "ratio_recognized_to_pardoned",
            ],
            [vec![
                f.from.clone(),
                f.to.clone(),
                f.detained.to_string(),
                f.recognized.to_string(),
                f.pardoned.to_string(),
                f.pardoned_identified.to_string(),
                f.pardoned_announced.to_string(),
                ratio,
            ]],
        );
        let released = tab(
            "released",
            &["released_reason", "count"],
            f.released
                .iter()
                .map(|(k, v)| vec![k.clone(), v.to_string()]),
        );
        return tabular::respond("flow", &[flow, released], format);
    }
    Ok(Json(a).into_response())
}

/// What disagrees: reported figures vs computed counts, breakdowns, timelines,
/// identifications. Persons the public may not see are neither the subject nor named.
#[utoipa::path(get, path = "/api/v1/check", tag = "statistics",
    responses((status = 200, description = "Every finding the public may see", body = answer::CheckAnswer)))]
pub async fn check(Snapshot(s): Snapshot) -> Json<answer::CheckAnswer> {
    Json(answer::findings(
        &s.registry,
        Audience::Public,
        today(),
        s.log.clone(),
    ))
}

/// Does public person `ix` pass the directory's country, role and status filters (and,
/// with `org`, the organisation's)? Anyone the public may not see never does.
fn passes(s: &AppState, p: &PersonsParams, ix: u32, day: Day, org: bool) -> bool {
    fn given(o: Option<&String>) -> Option<&str> {
        o.map(String::as_str)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }
    s.registry.is_public(ix)
        && given(p.country.as_ref()).is_none_or(|c| {
            s.registry
                .country_of(ix)
                .is_some_and(|pc| pc.eq_ignore_ascii_case(c))
        })
        && given(p.role.as_ref()).is_none_or(|r| s.registry.has_role(ix, r))
        && given(p.status.as_ref())
            .is_none_or(|st| s.registry.status(ix, day, Audience::Public).as_str() == st)
        && (!org
            || given(p.recognized_by.as_ref())
                .is_none_or(|o| s.registry.recognized_now_by(ix, o, Audience::Public)))
}

/// The organisations recognising public persons now: every one the public may know of
/// (`present`, for the directory's choice) and how many of the persons the country, role
/// and status filters give each recognises (`counted`). Hidden persons and hidden events
/// name no organisation and count nowhere.
#[must_use]
pub fn organisations(s: &AppState, p: &PersonsParams) -> (OrgCounts, OrgCounts) {
    let day = today();
    let (mut present, mut counted) = (OrgCounts::default(), OrgCounts::default());
    for ix in 0..s.registry.person_count() as u32 {
        if !s.registry.is_public(ix) {
            continue;
        }
        let orgs = s.registry.recognizing_now(ix, Audience::Public);
        if orgs.is_empty() {
            continue;
        }
        present.add(&orgs);
        if passes(s, p, ix, day, false) {
            counted.add(&orgs);
        }
    }
    (present, counted)
}

/// Public persons matching the filters, in registry order or as `sort` says (names as a
/// reader of `lang` sees them); with `whole` and no `limit`, every match (the API's
/// tables), else a page of at most 500.
pub fn matching(
    s: &AppState,
    p: &PersonsParams,
    lang: vigil_i18n::Lang,
    whole: bool,
) -> (usize, Vec<u32>) {
    let q =
        p.q.as_deref()
            .map(str::to_lowercase)
            .filter(|q| !q.trim().is_empty());
    let day = today();
    let default = if whole { usize::MAX } else { 50 };
    let (offset, limit) = (
        p.offset.unwrap_or(0),
        p.limit.map_or(default, |l| l.min(500)),
    );
    let filters = |ix: u32| passes(s, p, ix, day, true);
    // With a name: the name search's matches first (any script, best first), then those
    // whose spelling contains the text typed (a part of a name).
    let mut ordered: Vec<u32> = Vec::new();
    let mut taken = std::collections::HashSet::new();
    if let Some(q) = &q {
        for hit in s.directory.search(q, 500) {
            if let Some(ix) = s.registry.person_index(&hit.person) {
                if taken.insert(ix) {
                    ordered.push(ix);
                }
            }
        }
    }
    for ix in 0..s.registry.person_count() as u32 {
        let text_ok = q
            .as_deref()
            .is_none_or(|q| s.directory.matches(ix, q.trim()));
        if text_ok && !taken.contains(&ix) {
            ordered.push(ix);
        }
    }
    let mut kept: Vec<u32> = ordered.into_iter().filter(|&ix| filters(ix)).collect();
    if let Some(sort) = p.sort.as_deref().filter(|k| !k.is_empty()) {
        let (desc, key) = sort.strip_prefix('-').map_or((false, sort), |k| (true, k));
        let text = |ix: u32| -> String {
            match key {
                "name" => crate::public::names::reader_name(lang, s.directory.names(ix), false)
                    .map(|n| n.text.to_lowercase())
                    .unwrap_or_default(),
                "country" => s
                    .registry
                    .country_of(ix)
                    .map(|c| vigil_i18n::term(lang, "country", c))
                    .unwrap_or_default(),
                "status" => s
                    .registry
                    .status(ix, day, Audience::Public)
                    .as_str()
                    .to_string(),
                _ => String::new(),
            }
        };
        kept.sort_by_cached_key(|&ix| (text(ix), s.registry.person_id(ix).to_string()));
        if desc {
            kept.reverse();
        }
    }
    let total = kept.len();
    let page = kept.into_iter().skip(offset).take(limit).collect();
    (total, page)
}

/// `GET /api/v1/persons`.
#[derive(Serialize, ToSchema)]
pub struct PersonsAnswer {
    /// How many public persons match, before `offset` and `limit`.
    pub total: usize,
    pub persons: Vec<PersonRow>,
    /// Every organisation recognising a public person now, in name order, with how many
    /// of the persons the `country`, `role` and `status` filters give it recognises.
    pub organisations: Vec<OrgCount>,
    /// Set when a count is withheld as smaller than this (small-cell rule).
    pub fewer_than: Option<i64>,
    pub log: answer::LogPosition,
}

/// An organisation and the public persons it recognises now.
#[derive(Serialize, ToSchema)]
pub struct OrgCount {
    /// The organisation as the data writes it (the `recognized_by` value that lists them).
    pub name: String,
    /// How many; null when fewer than `fewer_than` (but more than none).
    pub persons: Option<usize>,
}

/// The organisations with their counts, small ones withheld: the counts and whether any
/// was withheld.
#[must_use]
pub fn org_counts(s: &AppState, p: &PersonsParams) -> (Vec<OrgCount>, Option<i64>) {
    let (present, counted) = organisations(s, p);
    let min = usize::try_from(s.min_cell).unwrap_or(0);
    let mut small = false;
    let rows = present
        .iter()
        .map(|(name, _)| {
            let n = counted
                .iter()
                .find(|(c, _)| c.to_lowercase() == name.to_lowercase())
                .map_or(0, |(_, n)| n);
            let withheld = n > 0 && n < min;
            small |= withheld;
            OrgCount {
                name: name.to_string(),
                persons: (!withheld).then_some(n),
            }
        })
        .collect();
    (rows, small.then_some(s.min_cell))
}

/// A person in the directory.
#[derive(Serialize, ToSchema)]
pub struct PersonRow {
    pub id: String,
    /// The name the directory shows (none when the person has no public name).
    pub name: Option<String>,
    pub country: Option<String>,
    /// `held`, `released` or `not_detained`, today.
    pub status: &'static str,
    /// The organisations recognising the person now, from their public events.
    pub recognized_by: Vec<String>,
}

/// `GET /api/v1/persons/{id}`.
#[derive(Serialize, ToSchema)]
pub struct PersonAnswer {
    /// The person in the interchange format, public fields only.
    #[schema(value_type = Object)]
    pub person: Value,
    /// The person's public events, in the interchange format.
    #[schema(value_type = Vec<Object>)]
    pub events: Vec<Value>,
    /// The case: expected release, current place, custody history, conditions,
    /// recognitions and (for a person who consents) the address to write to.
    #[serde(flatten)]
    pub case: vigil_core::support::PersonCase,
    pub log: answer::LogPosition,
}

/// Public persons matching the filters: id, name, country and status today.
#[utoipa::path(get, path = "/api/v1/persons", tag = "registry", params(PersonsParams),
    responses((status = 200, description = "A page of the public directory (a CSV table with `format=csv`, a workbook with `format=xlsx`)",
            content((PersonsAnswer = "application/json"), (String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 400, description = "`bad_parameter`: a limit or offset that is not a number", body = ErrorBody)))]
pub async fn persons(
    Snapshot(s): Snapshot,
    Query(p): Query<PersonsParams>,
) -> Result<Response, AppError> {
    // A table asked for without a limit (the directory's CSV and XLSX links) has every
    // match, not the page on screen.
    let whole = p.limit.is_none() && wants_table(p.format.as_ref()).is_some();
    let (total, page) = matching(&s, &p, vigil_i18n::Lang::En, whole);
    let day = today();
    let persons = page
        .iter()
        .map(|&ix| PersonRow {
            id: s.registry.person_id(ix).to_string(),
            name: s.directory.name(ix).map(str::to_string),
            country: s.registry.country_of(ix).map(str::to_string),
            status: s.registry.status(ix, day, Audience::Public).as_str(),
            recognized_by: s.registry.recognized_by(ix, Audience::Public),
        })
        .collect::<Vec<PersonRow>>();
    if let Some(format) = wants_table(p.format.as_ref()) {
        let t = tab(
            "persons",
            &["id", "name", "country", "status"],
            persons.iter().map(|r| {
                vec![
                    r.id.clone(),
                    r.name.clone().unwrap_or_default(),
                    r.country.clone().unwrap_or_default(),
                    r.status.to_string(),
                ]
            }),
        );
        return tabular::respond("persons", &[t], format);
    }
    let (organisations, fewer_than) = org_counts(&s, &p);
    Ok(Json(PersonsAnswer {
        total,
        persons,
        organisations,
        fewer_than,
        log: s.log.clone(),
    })
    .into_response())
}

/// A public person with their public events, in the interchange format; 404 for anyone else.
#[utoipa::path(get, path = "/api/v1/persons/{id}", tag = "registry", params(("id" = String, Path, description = "The person's id", example = "p1")),
    responses((status = 200, description = "The person and their public events", body = PersonAnswer),
        (status = 400, description = "`bad_request`: an id that is not UTF-8", body = ErrorBody),
        (status = 404, description = "`not_found`: no public person with this id", body = ErrorBody)))]
pub async fn person(
    Snapshot(s): Snapshot,
    Path(id): Path<String>,
) -> Result<Json<PersonAnswer>, AppError> {
    let ix = s.registry.person_index(&id);
    let (person, events) = person_bundle(&s, id).await?;
    let ix = ix.ok_or(AppError::NotFound)?;
    Ok(Json(PersonAnswer {
        person,
        events,
        case: vigil_core::support::person_case(&s.registry, ix, today(), Audience::Public),
        log: s.log.clone(),
    }))
}

/// The public person's JSON and public events' JSON, or not found.
pub async fn person_bundle(s: &Arc<AppState>, id: String) -> Result<(Value, Vec<Value>), AppError> {
    if !s
        .registry
        .person_index(&id)
        .is_some_and(|p| s.registry.is_public(p))
    {
        return Err(AppError::NotFound);
    }
    let (body, events) = s
        .read(move |store| {
            let body = store.record_body(vigil_core::record::RecordType::Person, &id)?;
            Ok((body, store.events_of(&id)?))
        })
        .await?;
    let person = body
        .as_deref()
        .and_then(public::visible)
        .ok_or(AppError::NotFound)?;
    let events = events.iter().filter_map(|e| public::visible(e)).collect();
    Ok((person, events))
}

/// Who was in an announcement: identified persons, what remains of its breakdown,
/// contradictions, and candidates with the probability of being among the unidentified.
/// Publicly, only public persons are named; the others are counted.
#[utoipa::path(get, path = "/api/v1/announcements/{id}", tag = "statistics", params(("id" = String, Path, description = "The announcement's id", example = "a-BY-2020-1")),
    responses((status = 200, description = "Who was in it, as far as the public may know", body = answer::AnnouncementAnswer),
        (status = 400, description = "`bad_request`: an id that is not UTF-8", body = ErrorBody),
        (status = 404, description = "`not_found`: no such announcement", body = ErrorBody)))]
pub async fn announcement(
    Snapshot(s): Snapshot,
    headers: axum::http::HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    if s.registry.announcement(&id).is_none() {
        return Err(AppError::NotFound);
    }
    // Counting the candidates may take seconds of a core: once per snapshot and day (the
    // page cache; readers arriving meanwhile wait for that one count), off the async
    // threads, so no one can make the server count it again and again. The answer names
    // public persons: a `NAMED` page, never carried to the next snapshot.
    let state = Arc::clone(&s);
    let key = format!("{}announcement {id:?}", super::NAMED);
    let body = s
        .cached_page(today(), key, async move {
            tokio::task::spawn_blocking(move || {
                let mut a =
                    answer::announcement(&state.registry, &id, Audience::Public, state.log.clone())
                        .ok_or(AppError::NotFound)?;
                a.identification.withhold_small(state.min_cell);
                serde_json::to_string(&a).map_err(|e| AppError::Internal(e.to_string()))
            })
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
        })
        .await?;
    Ok(body.respond(&headers, "application/json"))
}

#[cfg(test)]
mod tests {
    use super::tabular::{csv_text, tab};

    #[test]
    fn csv_cells_are_quoted_where_they_must_be() {
        let rows = [
            vec!["plain".to_string(), "1".into()],
            vec!["a, b".into(), "2".into()],
            vec!["say \"no\"".into(), "3".into()],
            vec!["two\nlines".into(), "4".into()],
            vec![String::new(), "5".into()],
        ];
        let got = csv_text(&tab("t", &["key", "held"], rows).table).unwrap();
        assert_eq!(
            got,
            "key,held\nplain,1\n\"a, b\",2\n\"say \"\"no\"\"\",3\n\"two\nlines\",4\n,5\n"
        );
    }
}
