//! The answers to the contract's questions, in the one shape the command line's `--json`
//! and the HTTP API share, and the parsing of their parameters. Both front ends call these
//! functions, so their numbers and shapes cannot drift apart.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::access::Audience;
use crate::check::{check, Finding};
use crate::date::{Day, PartialDate};
use crate::record::AnnouncementKind;
use crate::registry::{By, DayCounts, Flow, Mode, Registry, SeriesPoint, Step, Waves};

#[path = "answer_releases.rs"]
mod releases;
pub use releases::{
    released, releases, MonthReleases, ReleasedAnswer, ReleasesAnswer, MAX_DAYS, MAX_MONTHS,
};

/// The log position an answer was computed at: a published number can be reproduced
/// with `--as-of entries` and checked against `head`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogPosition {
    pub entries: u64,
    pub head: String,
}

/// A parameter that is not acceptable, named as the caller wrote it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{param}: {message}")]
pub struct ParamError {
    pub param: &'static str,
    pub message: String,
}

fn bad(param: &'static str, message: impl Into<String>) -> ParamError {
    ParamError {
        param,
        message: message.into(),
    }
}

/// Who counts: recognized political prisoners (default), only those already recognized
/// on the day, or everyone in custody; optionally one country.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counting {
    pub country: Option<String>,
    pub all: bool,
    pub recognized_by_date: bool,
}

impl Counting {
    pub fn mode(&self) -> Result<Mode, ParamError> {
        match (self.all, self.recognized_by_date) {
            (true, true) => Err(bad("all", "cannot be combined with recognized_by_date")),
            (true, false) => Ok(Mode::All),
            (false, true) => Ok(Mode::RecognizedByDate),
            (false, false) => Ok(Mode::Recognized),
        }
    }
}

/// A day from `YYYY-MM-DD` (a partial date counts as its first day).
pub fn parse_day(param: &'static str, text: &str) -> Result<Day, ParamError> {
    text.parse::<PartialDate>()
        .map(|d| d.first_day())
        .map_err(|e| bad(param, e.to_string()))
}

/// A period from `from` to `to`, both included; refused when it runs backwards.
pub fn period(from: &str, to: &str) -> Result<(Day, Day), ParamError> {
    let (from_day, to_day) = (parse_day("from", from)?, parse_day("to", to)?);
    if to_day < from_day {
        return Err(bad("to", format!("{to} is before from {from}")));
    }
    Ok((from_day, to_day))
}

/// The most points a series may have, at any step (a daily series over 54 years): what
/// one anonymous request can make the server compute and hold stays small.
pub const MAX_POINTS: usize = 20_000;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeldAnswer {
    pub on: String,
    pub held: i64,
    pub held_min: i64,
    pub held_max: i64,
    pub by: BTreeMap<String, i64>,
    /// For the public: the keys whose count is under `fewer_than` (and not zero), taken out
    /// of `by`, since a count of one or two can point at a person.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub small: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fewer_than: Option<i64>,
    pub log: LogPosition,
}

impl HeldAnswer {
    /// Moves cells with fewer than `threshold` persons out of `by` into `small`.
    pub fn suppress_small(&mut self, threshold: i64) {
        if threshold <= 1 {
            return;
        }
        let small: Vec<String> = self
            .by
            .iter()
            .filter(|(_, &n)| n > 0 && n < threshold)
            .map(|(k, _)| k.clone())
            .collect();
        for k in &small {
            self.by.remove(k);
        }
        if !small.is_empty() {
            self.fewer_than = Some(threshold);
        }
        self.small = small;
    }
}

/// `stats held`: on a day (default `today`), optionally split by a dimension.
pub fn held(
    reg: &Registry,
    on: Option<&str>,
    by: Option<&str>,
    counting: &Counting,
    today: Day,
    audience: Audience,
    log: LogPosition,
) -> Result<HeldAnswer, ParamError> {
    let mut a = held_total(reg, on, counting, today, log)?;
    let by = by
        .map(|b| {
            By::parse(b)
                .ok_or_else(|| bad("by", format!("'{b}' is not one of sex, age, role, region, article, place, regime, status, recognized_by, term")))
        })
        .transpose()?;
    if let Some(b) = by {
        let day = on.map_or(Ok(today), |d| parse_day("on", d))?;
        a.by = reg.held_by(
            day,
            counting.country.as_deref(),
            counting.mode()?,
            b,
            audience,
        );
    }
    Ok(a)
}

/// `stats held` without a breakdown, from a registry or from saved counts.
pub fn held_total(
    counts: &(impl DayCounts + ?Sized),
    on: Option<&str>,
    counting: &Counting,
    today: Day,
    log: LogPosition,
) -> Result<HeldAnswer, ParamError> {
    let day = on.map_or(Ok(today), |d| parse_day("on", d))?;
    let mode = counting.mode()?;
    let h = counts.held_on(day, counting.country.as_deref(), mode);
    Ok(HeldAnswer {
        small: Vec::new(),
        fewer_than: None,
        on: on.map_or_else(|| day.to_string(), str::to_string),
        held: h.held,
        held_min: h.held_min,
        held_max: h.held_max,
        by: BTreeMap::new(),
        log,
    })
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeriesAnswer {
    pub step: &'static str,
    pub points: Vec<SeriesPoint>,
    pub log: LogPosition,
}

/// `stats series`: held on each step from `from` to `to`, both included.
pub fn series(
    reg: &(impl DayCounts + ?Sized),
    from: &str,
    to: &str,
    step: &str,
    counting: &Counting,
    log: LogPosition,
) -> Result<SeriesAnswer, ParamError> {
    let (from_day, to_day) = period(from, to)?;
    let step = Step::parse(step)
        .ok_or_else(|| bad("step", format!("'{step}' is not one of day, week, month")))?;
    let days = (to_day.0 - from_day.0) as usize + 1;
    let points = match step {
        Step::Day => days,
        Step::Week => days.div_ceil(7),
        Step::Month => days.div_ceil(28),
    };
    if points > MAX_POINTS {
        return Err(bad(
            "from",
            format!(
                "a series of about {points} points ({} steps from {from} to {to}) is too long; at most {MAX_POINTS}",
                step.as_str()
            ),
        ));
    }
    let points = reg.series_of(
        from_day,
        to_day,
        step,
        counting.country.as_deref(),
        counting.mode()?,
    );
    Ok(SeriesAnswer {
        step: step.as_str(),
        points,
        log,
    })
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WavesAnswer {
    #[serde(flatten)]
    pub waves: Waves,
    pub log: LogPosition,
}

/// `stats waves`: announcements of a kind (pardon by default) in a country and year.
pub fn waves(
    reg: &Registry,
    country: &str,
    year: i32,
    kind: Option<&str>,
    log: LogPosition,
) -> Result<WavesAnswer, ParamError> {
    let kind = kind.unwrap_or("pardon");
    let kind = AnnouncementKind::parse(kind).ok_or_else(|| {
        bad(
            "kind",
            format!("'{kind}' is not one of pardon, amnesty, release, recognition"),
        )
    })?;
    if country.trim().is_empty() {
        return Err(bad("country", "is empty"));
    }
    Ok(WavesAnswer {
        waves: reg.waves(country, year, kind),
        log,
    })
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowAnswer {
    #[serde(flatten)]
    pub flow: Flow,
    pub log: LogPosition,
}

/// `stats flow`: inflow and outflow between two days, both included.
pub fn flow(
    reg: &Registry,
    from: &str,
    to: &str,
    counting: &Counting,
    log: LogPosition,
) -> Result<FlowAnswer, ParamError> {
    let (from_day, to_day) = period(from, to)?;
    Ok(FlowAnswer {
        flow: reg.flow(
            from_day,
            to_day,
            counting.country.as_deref(),
            counting.mode()?,
        ),
        log,
    })
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckAnswer {
    pub findings: Vec<Finding>,
    pub log: LogPosition,
}

/// `check`: every finding, `overdue` ones as of `today` among them.
#[must_use]
pub fn findings(reg: &Registry, audience: Audience, today: Day, log: LogPosition) -> CheckAnswer {
    let mut findings = check(reg, audience);
    findings.extend(crate::check::overdue(reg, audience, today));
    CheckAnswer { findings, log }
}

/// `announcement ID`: who was in it (`identify`), with the log position like every answer.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnnouncementAnswer {
    #[serde(flatten)]
    pub identification: crate::identify::Identification,
    pub log: LogPosition,
}

/// `announcement ID`: `None` when there is no such announcement. Persons the audience may
/// not see are counted, never named.
#[must_use]
pub fn announcement(
    reg: &Registry,
    id: &str,
    audience: Audience,
    log: LogPosition,
) -> Option<AnnouncementAnswer> {
    Some(AnnouncementAnswer {
        identification: crate::identify::identify(reg, id, audience)?,
        log,
    })
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchAnswer {
    /// Best first.
    pub results: Vec<crate::search::Hit>,
    pub log: LogPosition,
}

/// `search`: persons whose names match a query in any script or spelling.
#[must_use]
pub fn search(
    index: &crate::search::NameIndex,
    query: &str,
    limit: usize,
    log: LogPosition,
) -> SearchAnswer {
    SearchAnswer {
        results: index.search(query, limit),
        log,
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicatesAnswer {
    /// Best first.
    pub pairs: Vec<crate::search::Duplicate>,
    pub log: LogPosition,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log() -> LogPosition {
        LogPosition {
            entries: 0,
            head: String::new(),
        }
    }

    fn err<T: std::fmt::Debug>(r: Result<T, ParamError>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn parameters_are_refused_by_name() {
        let reg = crate::registry::Builder::new().finish();
        let c = Counting::default();
        let today = Day(0);
        assert_eq!(
            err(held(
                &reg,
                Some("2024-13-01"),
                None,
                &c,
                today,
                Audience::Trusted,
                log()
            )),
            "on: date '2024-13-01' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD"
        );
        assert_eq!(
            err(held(
                &reg,
                None,
                Some("height"),
                &c,
                today,
                Audience::Trusted,
                log()
            )),
            "by: 'height' is not one of sex, age, role, region, article, place, regime, status, recognized_by, term"
        );
        assert_eq!(
            err(series(&reg, "2024-02-01", "2024-01-01", "day", &c, log())),
            "to: 2024-01-01 is before from 2024-02-01"
        );
        assert_eq!(
            err(series(&reg, "2024-01-01", "2024-02-01", "hour", &c, log())),
            "step: 'hour' is not one of day, week, month"
        );
        assert!(err(series(&reg, "1000", "9000", "day", &c, log())).contains("too long"));
        assert_eq!(
            err(waves(&reg, "BY", 2024, Some("mercy"), log())),
            "kind: 'mercy' is not one of pardon, amnesty, release, recognition"
        );
        let both = Counting {
            all: true,
            recognized_by_date: true,
            ..Counting::default()
        };
        assert_eq!(
            err(flow(&reg, "2024", "2025", &both, log())),
            "all: cannot be combined with recognized_by_date"
        );
    }
}
