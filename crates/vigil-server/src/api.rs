//! The JSON API: the same answers as the CLI's `--json` (built by `vigil_core::answer`),
//! plus CSV for every series of numbers (`format=csv`), and the public persons.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::{Path, Query, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use vigil_core::answer::{self, Counting, ParamError};
use vigil_store::Store;

use crate::{public, today, AppError, AppState};

/// Query parameters, named like the CLI's flags.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    pub on: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub step: Option<String>,
    pub country: Option<String>,
    pub by: Option<String>,
    #[serde(default)]
    pub all: bool,
    #[serde(default)]
    pub recognized_by_date: bool,
    pub year: Option<i32>,
    pub kind: Option<String>,
    pub format: Option<String>,
    pub q: Option<String>,
    pub role: Option<String>,
    pub status: Option<String>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

impl Params {
    pub fn counting(&self) -> Counting {
        Counting {
            country: self.country.clone().filter(|c| !c.is_empty()),
            all: self.all,
            recognized_by_date: self.recognized_by_date,
        }
    }

    fn required<'a>(name: &'static str, value: Option<&'a String>) -> Result<&'a str, ParamError> {
        value.map(String::as_str).ok_or(ParamError {
            param: name,
            message: "is required".into(),
        })
    }

    fn csv(&self) -> bool {
        self.format.as_deref() == Some("csv")
    }
}

fn csv(name: &str, body: impl Into<axum::body::Body>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.csv\""),
            ),
        ],
        body.into(),
    )
        .into_response()
}

pub async fn held(
    State(s): State<Arc<AppState>>,
    Query(p): Query<Params>,
) -> Result<Response, AppError> {
    let a = answer::held(
        &s.registry,
        p.on.as_deref(),
        p.by.as_deref(),
        &p.counting(),
        today(),
        vigil_core::stats::Audience::Public,
        s.log.clone(),
    )?;
    if p.csv() {
        let mut out = format!(
            "on,held,held_min,held_max\n{},{},{},{}\n",
            a.on, a.held, a.held_min, a.held_max
        );
        if !a.by.is_empty() {
            out.push_str("\nkey,held\n");
            for (k, v) in &a.by {
                let _ = writeln!(out, "{},{v}", csv_cell(k));
            }
        }
        return Ok(csv("held", out));
    }
    Ok(Json(a).into_response())
}

pub async fn series(
    State(s): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
    Query(p): Query<Params>,
) -> Result<Response, AppError> {
    // A long daily series is large (150 kB for six years) and never changes while serving.
    let state = Arc::clone(&s);
    let csv_wanted = p.csv();
    let body = s
        .cached_page(
            today(),
            format!("series?{}", raw.unwrap_or_default()),
            async move {
                let from = Params::required("from", p.from.as_ref())?;
                let to = Params::required("to", p.to.as_ref())?;
                let a = answer::series(
                    &state.registry,
                    from,
                    to,
                    p.step.as_deref().unwrap_or("month"),
                    &p.counting(),
                    state.log.clone(),
                )?;
                if csv_wanted {
                    let mut out = String::from("date,held,held_min,held_max\n");
                    for x in &a.points {
                        let _ =
                            writeln!(out, "{},{},{},{}", x.date, x.held, x.held_min, x.held_max);
                    }
                    return Ok(out);
                }
                serde_json::to_string(&a).map_err(|e| AppError::Internal(e.to_string()))
            },
        )
        .await?;
    if csv_wanted {
        return Ok(csv("series", body));
    }
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

pub async fn waves(
    State(s): State<Arc<AppState>>,
    Query(p): Query<Params>,
) -> Result<Response, AppError> {
    let country = Params::required("country", p.country.as_ref())?;
    let year = p.year.ok_or(ParamError {
        param: "year",
        message: "is required".into(),
    })?;
    let a = answer::waves(&s.registry, country, year, p.kind.as_deref(), s.log.clone())?;
    if p.csv() {
        let mut out = String::from("ordinal,date,announcement,count,running_total\n");
        for w in &a.waves.waves {
            let _ = writeln!(
                out,
                "{},{},{},{},{}",
                w.ordinal,
                w.date,
                csv_cell(&w.announcement),
                w.count,
                w.running_total
            );
        }
        return Ok(csv("waves", out));
    }
    Ok(Json(a).into_response())
}

pub async fn flow(
    State(s): State<Arc<AppState>>,
    Query(p): Query<Params>,
) -> Result<Response, AppError> {
    let from = Params::required("from", p.from.as_ref())?;
    let to = Params::required("to", p.to.as_ref())?;
    let a = answer::flow(&s.registry, from, to, &p.counting(), s.log.clone())?;
    if p.csv() {
        let f = &a.flow;
        let mut out = String::from("from,to,detained,recognized,pardoned,pardoned_identified,pardoned_announced,ratio_recognized_to_pardoned\n");
        let ratio = f
            .ratio_recognized_to_pardoned
            .map_or(String::new(), |r| r.to_string());
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{ratio}",
            f.from,
            f.to,
            f.detained,
            f.recognized,
            f.pardoned,
            f.pardoned_identified,
            f.pardoned_announced
        );
        out.push_str("\nreleased_reason,count\n");
        for (k, v) in &f.released {
            let _ = writeln!(out, "{k},{v}");
        }
        return Ok(csv("flow", out));
    }
    Ok(Json(a).into_response())
}

/// Findings about persons the public may not see are left out: their ids and messages
/// would name them.
pub async fn check(State(s): State<Arc<AppState>>) -> Json<answer::CheckAnswer> {
    let mut a = answer::findings(&s.registry, s.log.clone());
    a.findings.retain(|f| {
        f.kind != "timeline"
            || s.registry
                .person_index(&f.subject)
                .is_some_and(|p| s.directory.is_public(p))
    });
    Json(a)
}

/// Public persons matching the filters, in registry order.
pub fn matching(s: &AppState, p: &Params) -> (usize, Vec<u32>) {
    let q =
        p.q.as_deref()
            .map(str::to_lowercase)
            .filter(|q| !q.trim().is_empty());
    let day = today();
    let (offset, limit) = (p.offset.unwrap_or(0), p.limit.unwrap_or(50).min(500));
    let mut total = 0;
    let mut page = Vec::new();
    for ix in 0..s.registry.person_count() as u32 {
        if !s.directory.is_public(ix) {
            continue;
        }
        let keep = q
            .as_deref()
            .is_none_or(|q| s.directory.matches(ix, q.trim()))
            && p.country
                .as_deref()
                .filter(|c| !c.is_empty())
                .is_none_or(|c| {
                    s.registry
                        .country_of(ix)
                        .is_some_and(|pc| pc.eq_ignore_ascii_case(c))
                })
            && p.role
                .as_deref()
                .filter(|r| !r.is_empty())
                .is_none_or(|r| s.registry.has_role(ix, r))
            && p.status
                .as_deref()
                .filter(|st| !st.is_empty())
                .is_none_or(|st| s.registry.status(ix, day) == st);
        if keep {
            if total >= offset && page.len() < limit {
                page.push(ix);
            }
            total += 1;
        }
    }
    (total, page)
}

pub async fn persons(State(s): State<Arc<AppState>>, Query(p): Query<Params>) -> Json<Value> {
    let (total, page) = matching(&s, &p);
    let day = today();
    let persons: Vec<Value> = page
        .iter()
        .map(|&ix| {
            json!({
                "id": s.registry.person_id(ix), "name": s.directory.name(ix),
                "country": s.registry.country_of(ix), "status": s.registry.status(ix, day),
            })
        })
        .collect();
    Json(json!({ "total": total, "persons": persons, "log": s.log }))
}

/// A public person with their public events, as stored; 404 for anyone else.
pub async fn person(
    State(s): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let (person, events) = person_bundle(&s, id).await?;
    Ok(Json(
        json!({ "person": person, "events": events, "log": s.log }),
    ))
}

/// The public person's JSON and public events' JSON, or not found.
pub async fn person_bundle(s: &Arc<AppState>, id: String) -> Result<(Value, Vec<Value>), AppError> {
    let ix = s
        .registry
        .person_index(&id)
        .filter(|&ix| s.directory.is_public(ix))
        .ok_or(AppError::NotFound)?;
    let _ = ix;
    let (body, events) = s
        .with_store(move |store| {
            let body = store.record_body(vigil_core::record::RecordType::Person, &id)?;
            Ok((body, store.events_of(&id)?))
        })
        .await?;
    let person = body
        .as_deref()
        .and_then(public::person)
        .ok_or(AppError::NotFound)?;
    let events = events.iter().filter_map(|e| public::event(e)).collect();
    Ok((person, events))
}

/// A CSV cell: quoted when it holds a comma, quote or newline.
fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
