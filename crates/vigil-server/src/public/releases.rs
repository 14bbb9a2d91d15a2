//! Counting by releases, for the public: `GET /api/v1/stats/releases` (expected
//! releases per month ahead, with bounds), `GET /api/v1/stats/released` (released in the
//! last days, "this week"), and the dashboard's section showing both. Non-public persons
//! are never placed in a month (they count as `withheld`), and every count under the
//! small-cell threshold is taken out, as in the other breakdowns.

use axum::response::{IntoResponse, Response};
use axum::Json;
use maud::{html, Markup};
use serde::Deserialize;
use utoipa::IntoParams;
use vigil_core::access::Audience;
use vigil_core::answer::{self, ReleasedAnswer, ReleasesAnswer};
use vigil_core::date::Day;
use vigil_i18n::Arg;

use crate::i18n::Tr;
use crate::public::api::counting;
use crate::public::tabular::{self, tab, Tabular};
use crate::{today, AppError, AppState, Snapshot};

use crate::input::Query;

/// `stats releases` as query parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReleasesParams {
    /// The day, YYYY-MM-DD (a partial date counts as its first day). Default: today. The
    /// months start at its month.
    #[param(format = Date, example = "2026-12-01")]
    pub on: Option<String>,
    /// How many months ahead, 1 to 120 (default 12).
    #[param(minimum = 1, maximum = 120, example = 12)]
    pub months: Option<u32>,
    /// Only this country, e.g. `BY`.
    #[param(example = "BY")]
    pub country: Option<String>,
    /// Count everyone in custody, not only recognized political prisoners.
    #[serde(default)]
    pub all: bool,
    /// Count only those already recognized on the day.
    #[serde(default)]
    pub recognized_by_date: bool,
    /// `csv` or `xlsx` for a table instead of JSON.
    #[param(schema_with = crate::shapes::format_schema)]
    pub format: Option<String>,
}

/// `stats released` as query parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReleasedParams {
    /// The last day, YYYY-MM-DD. Default: today.
    #[param(format = Date, example = "2026-12-01")]
    pub on: Option<String>,
    /// How many days, ending on `on`, 1 to 3660 (default 7: this week).
    #[param(minimum = 1, maximum = 3660, example = 7)]
    pub days: Option<u32>,
    /// Only this country, e.g. `BY`.
    #[param(example = "BY")]
    pub country: Option<String>,
    /// Count everyone in custody, not only recognized political prisoners.
    #[serde(default)]
    pub all: bool,
    /// Count only those recognized on the day before their release.
    #[serde(default)]
    pub recognized_by_date: bool,
}

fn cell(n: Option<i64>, fewer: &str) -> String {
    n.map_or_else(|| fewer.to_string(), |v| v.to_string())
}

/// Expected releases per month of the persons held on a day.
#[utoipa::path(get, path = "/api/v1/stats/releases", tag = "statistics", params(ReleasesParams),
    responses((status = 200, description = "Expected releases per month (a table with `format=csv`, a workbook with `format=xlsx`)",
            content((ReleasesAnswer = "application/json"), (String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 400, description = "`bad_parameter`: the parameter named is wrong", body = crate::error::ErrorBody)))]
pub async fn releases(
    Snapshot(s): Snapshot,
    Query(p): Query<ReleasesParams>,
) -> Result<Response, AppError> {
    let mut a = answer::releases(
        &s.registry,
        p.on.as_deref(),
        p.months,
        &counting(&s, p.country.as_ref(), p.all, p.recognized_by_date)?,
        today(),
        Audience::Public,
        s.log.clone(),
    )?;
    a.suppress_small(s.min_cell);
    if let Some(format) = Tabular::of(p.format.as_ref()) {
        let fewer = format!("fewer than {}", s.min_cell);
        let months = a.months.iter().map(|m| {
            vec![
                m.month.clone(),
                cell(m.expected, &fewer),
                cell(m.expected_min, &fewer),
                cell(m.expected_max, &fewer),
            ]
        });
        let others = a
            .other
            .iter()
            .map(|(k, v)| vec![k.clone(), v.to_string(), String::new(), String::new()])
            .chain(
                a.small
                    .iter()
                    .filter(|k| !a.months.iter().any(|m| &m.month == *k))
                    .map(|k| vec![k.clone(), fewer.clone(), String::new(), String::new()]),
            );
        let tabs = vec![tab(
            "releases",
            &["month", "expected", "expected_min", "expected_max"],
            months.chain(others),
        )];
        return tabular::respond("releases", &tabs, format);
    }
    Ok(Json(a).into_response())
}

/// Persons released in the days up to a day.
#[utoipa::path(get, path = "/api/v1/stats/released", tag = "statistics", params(ReleasedParams),
    responses((status = 200, description = "Released in the period, with bounds", body = ReleasedAnswer),
        (status = 400, description = "`bad_parameter`: the parameter named is wrong", body = crate::error::ErrorBody)))]
pub async fn released(
    Snapshot(s): Snapshot,
    Query(p): Query<ReleasedParams>,
) -> Result<Json<ReleasedAnswer>, AppError> {
    let mut a = answer::released(
        &s.registry,
        p.on.as_deref(),
        p.days,
        &counting(&s, p.country.as_ref(), p.all, p.recognized_by_date)?,
        today(),
        s.log.clone(),
    )?;
    a.suppress_small(s.min_cell);
    Ok(Json(a))
}

/// The dashboard's section: released this week, and the expected releases of the
/// next twelve months.
pub(crate) fn section(tr: &Tr, s: &AppState, day: Day) -> Markup {
    let reg = &s.registry;
    let counting = answer::Counting::default();
    let log = s.log.clone();
    let on = day.to_string();
    let mut week =
        answer::released(reg, Some(on.as_str()), Some(7), &counting, day, log.clone()).ok();
    if let Some(w) = &mut week {
        w.suppress_small(s.min_cell);
    }
    let mut ahead = answer::releases(
        reg,
        Some(on.as_str()),
        Some(12),
        &counting,
        day,
        Audience::Public,
        log,
    )
    .ok();
    if let Some(a) = &mut ahead {
        a.suppress_small(s.min_cell);
    }
    let fewer = tr.with("fewer-than", &[("n", Arg::Text(tr.num(s.min_cell)))]);
    let n = |x: Option<i64>| x.map_or_else(|| fewer.clone(), |v| tr.num(v));
    html! {
        section #releases {
            h2 { (tr.t("releases-heading")) }
            @if let Some(w) = &week {
                p #released-week {
                    (tr.t("released-this-week")) ": " strong { (n(w.released)) }
                    @if w.released_min != w.released || w.released_max != w.released {
                        " " (tr.with("released-bounds", &[("min", Arg::Text(n(w.released_min))), ("max", Arg::Text(n(w.released_max)))]))
                    }
                    " " (super::pages::sources("stats/released", &[("on", &day.to_string())], false))
                }
            }
            @if let Some(a) = &ahead {
                h3 { (tr.t("releases-ahead")) " " (super::pages::sources("stats/releases", &[("on", &day.to_string())], true)) }
                div.scroll { table #releases-months {
                    thead { tr { th scope="col" { (tr.t("col-month")) } th.n scope="col" { (tr.t("col-expected")) } th.n scope="col" { (tr.t("col-surely")) } th.n scope="col" { (tr.t("col-possibly")) } } }
                    tbody {
                        @for m in &a.months {
                            tr { td { (tr.day_text(&m.month)) } td.n { (n(m.expected)) } td.n { (n(m.expected_min)) } td.n { (n(m.expected_max)) } }
                        }
                        @for (k, v) in &a.other {
                            tr { td { (tr.term("releases", k)) } td.n { (tr.num(*v)) } td {} td {} }
                        }
                        @for k in a.small.iter().filter(|k| !a.months.iter().any(|m| &m.month == *k)) {
                            tr { td { (tr.term("releases", k)) } td.n { (fewer) } td {} td {} }
                        }
                    }
                } }
            }
        }
    }
}
