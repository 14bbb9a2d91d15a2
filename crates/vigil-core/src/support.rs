//! What the person page, the API and the support calendar say of a person's case: the
//! expected release, where they are held and where before, the conditions, the
//! organisations that recognize them, the address to write to, and the upcoming
//! birthdays and releases of public persons who consent (docs/cases.md).
//!
//! Every answer takes an [`Audience`]; the public hears only of public persons, from the
//! events it may see, and letters and calendar entries need the person's consent.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::access::Audience;
use crate::date::{Day, DayRange, Precision};
use crate::registry::{Registry, Whereabouts};

/// The earliest and latest day of an expected release.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Release {
    pub earliest: String,
    pub latest: String,
}

impl From<DayRange> for Release {
    fn from(r: DayRange) -> Self {
        Release {
            earliest: r.lo.to_string(),
            latest: r.hi.to_string(),
        }
    }
}

/// One stay in the custody history.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StayAnswer {
    /// The first day the transfer could have happened.
    pub from: String,
    /// The place's id; null in transit or while the address is being clarified.
    pub place: Option<String>,
    /// `place`, `in_transit` or `address_unknown`.
    pub status: &'static str,
}

/// Where to write: the place's postal address, and the envelope name when one is stored.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LetterAddress {
    /// The name as the envelope carries it (stored by the monitor, not derived); null
    /// when none is stored (the address is shown all the same).
    pub name: Option<String>,
    pub place: String,
    pub address: String,
}

/// A person's case as the person page and `GET /api/v1/persons/{id}` give it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonCase {
    pub expected_release: Option<Release>,
    /// The current place's id, or null.
    pub place: Option<String>,
    /// `place`, `in_transit`, `address_unknown`, or null when no transfer says.
    pub whereabouts: Option<&'static str>,
    pub custody: Vec<StayAnswer>,
    /// Conditions reported (vocabulary words), with the first day reported.
    pub conditions: Vec<(String, String)>,
    /// Days since the first report of being held incommunicado, while still held.
    pub days_without_news: Option<i32>,
    pub recognized_by: Vec<String>,
    /// Each organisation's recognition with its date, whether it came after the release
    /// (ex post facto) and its withdrawal, in date order.
    pub recognitions: Vec<crate::registry::Recognition>,
    /// Public persons who consent to letters only.
    pub letters: Option<LetterAddress>,
}

fn status_word(w: Whereabouts) -> &'static str {
    match w {
        Whereabouts::Place(_) => "place",
        Whereabouts::InTransit => "in_transit",
        Whereabouts::AddressUnknown => "address_unknown",
    }
}

/// Person `p`'s case on `today` for this audience (the caller checks the audience may
/// see the person at all).
#[must_use]
pub fn person_case(reg: &Registry, p: u32, today: Day, audience: Audience) -> PersonCase {
    let place_id = |w: Whereabouts| match w {
        Whereabouts::Place(i) => Some(reg.places()[i as usize].id.clone()),
        Whereabouts::InTransit | Whereabouts::AddressUnknown => None,
    };
    let now = reg.whereabouts(p, today, audience);
    let conditions = reg.conditions_of(p, audience);
    let held = reg.status(p, today, audience) == crate::registry::Status::Held;
    let days_without_news = conditions
        .iter()
        .find(|(c, _)| *c == crate::record::Condition::Incommunicado)
        .filter(|_| held)
        .map(|(_, since)| today.0 - since.0);
    PersonCase {
        expected_release: reg.expected_release(p, audience).map(Release::from),
        place: now.and_then(place_id),
        whereabouts: now.map(status_word),
        custody: reg
            .custody_history(p, audience)
            .into_iter()
            .map(|s| StayAnswer {
                from: s.from.lo.to_string(),
                place: place_id(s.at),
                status: status_word(s.at),
            })
            .collect(),
        conditions: conditions
            .into_iter()
            .map(|(c, d)| (c.as_str().to_string(), d.to_string()))
            .collect(),
        days_without_news,
        recognized_by: reg.recognized_by(p, audience),
        recognitions: reg.recognitions(p, audience),
        letters: reg
            .letter_address(p, today)
            .map(|(name, place)| LetterAddress {
                name,
                place: place.id.clone(),
                address: place.address.clone().unwrap_or_default(),
            }),
    }
}

/// One entry of the support calendar.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalendarEntry {
    pub date: String,
    /// `birthday` or `release`.
    pub kind: &'static str,
    pub person: String,
    /// The age reached on a birthday.
    pub age: Option<i32>,
}

/// `GET /api/v1/calendar`: upcoming birthdays and expected releases.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalendarAnswer {
    pub from: String,
    pub to: String,
    pub entries: Vec<CalendarEntry>,
}

/// Birthdays (of a birth date known to the day) and expected releases (known to the day:
/// earliest = latest) from `from` for `days` days, of public persons held now who consent
/// to the calendar. Sorted by date, then person.
#[must_use]
pub fn calendar(reg: &Registry, from: Day, days: i32) -> CalendarAnswer {
    let to = Day(from.0 + days - 1);
    let mut entries = Vec::new();
    for p in 0..reg.person_count() as u32 {
        if !reg.is_public(p) || !reg.letters_of(p).is_some_and(|l| l.calendar) {
            continue;
        }
        if reg.status(p, from, Audience::Public) != crate::registry::Status::Held {
            continue;
        }
        let id = reg.person_id(p).to_string();
        if let Some(birth) = reg.person_facts(p).birth {
            if birth.precision() == Precision::Day {
                let b = birth.first_day().to_naive();
                for year in [from.year(), from.year() + 1] {
                    let Some(day) = birthday_in(b, year) else {
                        continue;
                    };
                    if day >= from && day <= to {
                        entries.push(CalendarEntry {
                            date: day.to_string(),
                            kind: "birthday",
                            person: id.clone(),
                            age: Some(year - b.year()),
                        });
                    }
                }
            }
        }
        if let Some(r) = reg.expected_release(p, Audience::Public) {
            if r.lo == r.hi && r.lo >= from && r.lo <= to {
                entries.push(CalendarEntry {
                    date: r.lo.to_string(),
                    kind: "release",
                    person: id,
                    age: None,
                });
            }
        }
    }
    entries.sort_by(|a, b| (&a.date, &a.person, a.kind).cmp(&(&b.date, &b.person, b.kind)));
    CalendarAnswer {
        from: from.to_string(),
        to: to.to_string(),
        entries,
    }
}

/// The birthday in `year` (29 February on 28 February in other years).
fn birthday_in(birth: NaiveDate, year: i32) -> Option<Day> {
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
        .map(Day::from_naive)
}
