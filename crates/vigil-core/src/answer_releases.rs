//! The answers of `stats releases` (expected releases per month ahead, with bounds) and
//! `stats released` (released in the last days: "released this week"), as the command
//! line's `--json` and the API give them.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{bad, parse_day, Counting, LogPosition, ParamError};
use crate::access::Audience;
use crate::date::Day;
use crate::registry::Registry;

/// The most months ahead `stats releases` answers.
pub const MAX_MONTHS: u32 = 120;
/// The most days back `stats released` answers.
pub const MAX_DAYS: u32 = 3660;

/// One month of expected releases.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthReleases {
    /// `YYYY-MM`.
    pub month: String,
    /// Persons whose earliest expected day falls in the month; `null` for the public
    /// when it is under `fewer_than`.
    pub expected: Option<i64>,
    /// Persons surely released within the month (both bounds in it); `null` when small.
    pub expected_min: Option<i64>,
    /// Persons who could be released in the month; `null` when small.
    pub expected_max: Option<i64>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleasesAnswer {
    pub on: String,
    /// Held on the day: the months and the other keys add up to it (small cells aside).
    pub held: i64,
    pub months: Vec<MonthReleases>,
    /// `later` (after the months), `overdue` (expected before the day, still held),
    /// `none` (no custodial term known), `withheld` (for the public: persons who are not
    /// public).
    pub other: BTreeMap<String, i64>,
    /// For the public: the cells under `fewer_than`, taken out (months as `YYYY-MM`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub small: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fewer_than: Option<i64>,
    pub log: LogPosition,
}

impl ReleasesAnswer {
    /// Takes every count under `threshold` (and not zero) out: a month's count and its
    /// bounds, and the other keys.
    pub fn suppress_small(&mut self, threshold: i64) {
        if threshold <= 1 {
            return;
        }
        let is_small = |n: Option<i64>| n.is_some_and(|n| n > 0 && n < threshold);
        let mut small = Vec::new();
        for m in &mut self.months {
            if is_small(m.expected) {
                small.push(m.month.clone());
                m.expected = None;
            }
            for b in [&mut m.expected_min, &mut m.expected_max] {
                if is_small(*b) {
                    *b = None;
                }
            }
        }
        let others: Vec<String> = self
            .other
            .iter()
            .filter(|(_, &n)| is_small(Some(n)))
            .map(|(k, _)| k.clone())
            .collect();
        for k in others {
            self.other.remove(&k);
            small.push(k);
        }
        let bound_out = self
            .months
            .iter()
            .any(|m| m.expected_min.is_none() || m.expected_max.is_none());
        if !small.is_empty() || bound_out {
            self.fewer_than = Some(threshold);
        }
        self.small = small;
    }
}

/// `stats releases`: the expected releases of the persons held on a day (default
/// today), per month for `months` months from that day's month.
pub fn releases(
    reg: &Registry,
    on: Option<&str>,
    months: Option<u32>,
    counting: &Counting,
    today: Day,
    audience: Audience,
    log: LogPosition,
) -> Result<ReleasesAnswer, ParamError> {
    let day = on.map_or(Ok(today), |d| parse_day("on", d))?;
    let months = months.unwrap_or(12);
    if months == 0 || months > MAX_MONTHS {
        return Err(bad(
            "months",
            format!("{months} is not a number of months from 1 to {MAX_MONTHS}"),
        ));
    }
    let mode = counting.mode()?;
    let country = counting.country.as_deref();
    let r = reg.releases_by_month(day, months, country, mode, audience);
    let held = r.by.values().sum();
    let months: Vec<MonthReleases> = r
        .min
        .keys()
        .map(|k| MonthReleases {
            month: k.clone(),
            expected: r.by.get(k).copied(),
            expected_min: r.min.get(k).copied(),
            expected_max: r.max.get(k).copied(),
        })
        .collect();
    let other =
        r.by.iter()
            .filter(|(k, _)| !r.min.contains_key(*k))
            .map(|(k, v)| (k.clone(), *v))
            .collect();
    Ok(ReleasesAnswer {
        on: on.map_or_else(|| day.to_string(), str::to_string),
        held,
        months,
        other,
        small: Vec::new(),
        fewer_than: None,
        log,
    })
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleasedAnswer {
    /// The first day of the period.
    pub from: String,
    /// The last day (default today).
    pub to: String,
    /// Persons released in the period, each release at its first possible day; `null`
    /// for the public when under `fewer_than`.
    pub released: Option<i64>,
    /// Surely released in the period.
    pub released_min: Option<i64>,
    /// Possibly released in the period.
    pub released_max: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fewer_than: Option<i64>,
    pub log: LogPosition,
}

impl ReleasedAnswer {
    /// Takes each count under `threshold` (and not zero) out.
    pub fn suppress_small(&mut self, threshold: i64) {
        if threshold <= 1 {
            return;
        }
        for n in [
            &mut self.released,
            &mut self.released_min,
            &mut self.released_max,
        ] {
            if n.is_some_and(|v| v > 0 && v < threshold) {
                *n = None;
                self.fewer_than = Some(threshold);
            }
        }
    }
}

/// `stats released`: the persons released in the `days` days up to `on` (default today
/// and 7: this week), both ends included.
pub fn released(
    reg: &Registry,
    on: Option<&str>,
    days: Option<u32>,
    counting: &Counting,
    today: Day,
    log: LogPosition,
) -> Result<ReleasedAnswer, ParamError> {
    let to = on.map_or(Ok(today), |d| parse_day("on", d))?;
    let days = days.unwrap_or(7);
    if days == 0 || days > MAX_DAYS {
        return Err(bad(
            "days",
            format!("{days} is not a number of days from 1 to {MAX_DAYS}"),
        ));
    }
    let from = Day(to.0 - i32::try_from(days).unwrap_or(1) + 1);
    let h = reg.released_between(from, to, counting.country.as_deref(), counting.mode()?);
    Ok(ReleasedAnswer {
        from: from.to_string(),
        to: to.to_string(),
        released: Some(h.held),
        released_min: Some(h.held_min),
        released_max: Some(h.held_max),
        fewer_than: None,
        log,
    })
}
