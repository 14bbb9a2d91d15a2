//! The support calendar: upcoming birthdays and expected releases of public persons who
//! consent (`vigil_core::support::calendar`), as a page, as JSON and as an iCalendar feed
//! (RFC 5545, built with the `icalendar` crate) people can subscribe to.

use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use icalendar::{Calendar, Component, EventLike};
use maud::html;
use vigil_core::support::{calendar, CalendarAnswer};

use crate::i18n::Tr;
use crate::{today, AppError, Snapshot};

/// How far ahead the calendar looks, in days.
pub const DAYS_AHEAD: i32 = 60;

fn upcoming(s: &crate::AppState) -> CalendarAnswer {
    calendar(&s.registry, today(), DAYS_AHEAD)
}

/// Upcoming birthdays and expected releases of public persons who consent.
#[utoipa::path(get, path = "/api/v1/calendar", tag = "registry",
    responses((status = 200, description = "The next 60 days: birthdays (with the age reached) and expected releases known to the day", body = CalendarAnswer)))]
pub async fn calendar_json(Snapshot(s): Snapshot) -> Json<CalendarAnswer> {
    Json(upcoming(&s))
}

/// The same as an iCalendar feed: one all-day event per birthday and release.
#[utoipa::path(get, path = "/calendar.ics", tag = "pages",
    responses((status = 200, description = "An iCalendar feed (RFC 5545)", content_type = "text/calendar", body = String)))]
pub async fn calendar_ics(Snapshot(s): Snapshot, tr: Tr) -> Response {
    let a = upcoming(&s);
    let mut cal = Calendar::new();
    cal.name(&format!("vigil: {}", tr.t("calendar-heading")));
    for e in &a.entries {
        let Some(ix) = s.registry.person_index(&e.person) else {
            continue;
        };
        let name = s.directory.name(ix).unwrap_or(&e.person);
        let Ok(day) = chrono::NaiveDate::parse_from_str(&e.date, "%Y-%m-%d") else {
            continue;
        };
        // In the subscriber's language (`/calendar.ics?lang=be`, as the page links it).
        let what = match (e.kind, e.age) {
            ("birthday", Some(age)) => tr.count("calendar-birthday", i64::from(age)),
            ("birthday", None) => tr.t("calendar-birthday-day"),
            _ => tr.t("calendar-release"),
        };
        let summary = format!("{name}: {what}");
        cal.push(
            icalendar::Event::new()
                .uid(&format!("{}-{}-{}@vigil", e.kind, e.person, e.date))
                // One whole day: DTEND is exclusive (RFC 5545 3.6.1); the crate's
                // `all_day` writes the same day there, an event of no length.
                .starts(day)
                .ends(day.succ_opt().unwrap_or(day))
                .summary(&summary)
                .done(),
        );
    }
    (
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        cal.done().to_string(),
    )
        .into_response()
}

/// The calendar page.
#[utoipa::path(get, path = "/calendar", tag = "pages",
    responses((status = 200, description = "The support calendar", content_type = "text/html", body = String)))]
pub async fn calendar_page(Snapshot(s): Snapshot, tr: Tr) -> Result<Html<String>, AppError> {
    let tr = &tr;
    let a = upcoming(&s);
    let body = html! {
        h1 { (tr.t("calendar-heading")) }
        p { (tr.t("calendar-note")) " " a href=(format!("/calendar.ics?lang={}", tr.lang.code())) { (tr.t("calendar-subscribe")) } " · " a href="/api/v1/calendar" { "JSON" } }
        @if a.entries.is_empty() { p { (tr.t("calendar-empty")) } }
        @else {
            table.calendar { tbody {
                @for e in &a.entries {
                    @let ix = s.registry.person_index(&e.person);
                    tr {
                        td { (tr.day_text(&e.date)) }
                        td { a href=(format!("/persons/{}", e.person)) { (ix.and_then(|i| s.directory.name(i)).unwrap_or(&e.person)) } }
                        td { @if e.kind == "birthday" { (tr.count("calendar-birthday", i64::from(e.age.unwrap_or(0)))) } @else { (tr.t("calendar-release")) } }
                    }
                }
            } }
        }
    };
    Ok(super::pages::layout(
        &s,
        tr,
        &tr.t("calendar-heading"),
        &body,
    ))
}
