//! Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and the day numbers counting runs on.
//!
//! A monitor often knows only "March 2021". A [`PartialDate`] keeps that precision; it
//! never silently becomes a precise day. It covers a range of [`Day`]s, and counting
//! uses the range's ends to give bounds.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day as a number of days since 1970-01-01. Cheap to compare and to index arrays with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Day(pub i32);

/// Days from 0001-01-01 (chrono's CE day 1) to 1970-01-01.
const EPOCH_FROM_CE: i32 = 719_163;

impl Day {
    #[must_use]
    pub fn from_naive(date: NaiveDate) -> Day {
        Day(date.num_days_from_ce() - EPOCH_FROM_CE)
    }

    #[must_use]
    pub fn to_naive(self) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(self.0 + EPOCH_FROM_CE).expect("day in chrono's range")
    }

    /// Builds a day from a valid calendar date; `None` if it is not one.
    #[must_use]
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        NaiveDate::from_ymd_opt(year, month, day).map(Day::from_naive)
    }

    #[must_use]
    pub fn year(self) -> i32 {
        self.to_naive().year()
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_naive().format("%Y-%m-%d"))
    }
}

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

/// Why a text is not a date; the message is what a monitor reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("date '{0}' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct DateError(pub String);

impl PartialDate {
    #[must_use]
    pub fn day(date: Day) -> PartialDate {
        let d = date.to_naive();
        PartialDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    /// A month-precision date; `None` for a month outside 1..=12 or a year outside 1000..=9999.
    #[must_use]
    pub fn month(year: i32, month: u32) -> Option<PartialDate> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month)).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A year-precision date; `None` for a year outside 1000..=9999.
    #[must_use]
    pub fn year(year: i32) -> Option<PartialDate> {
        (1000..=9999).contains(&year).then_some(PartialDate {
            year,
            month: None,
            day: None,
        })
    }

    #[must_use]
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    #[must_use]
    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// The first day the date could stand for: the headline convention.
    #[must_use]
    pub fn first_day(&self) -> Day {
        let d = NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        Day::from_naive(d.expect("validated on construction"))
    }

    /// The last day the date could stand for.
    #[must_use]
    pub fn last_day(&self) -> Day {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Day::ymd(self.year, m, d).expect("validated"),
            (Some(m), None) => {
                let (ny, nm) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                Day(Day::ymd(ny, nm, 1).expect("valid").0 - 1)
            }
            (None, _) => Day::ymd(self.year, 12, 31).expect("valid"),
        }
    }

    #[must_use]
    pub fn range(&self) -> DayRange {
        DayRange {
            lo: self.first_day(),
            hi: self.last_day(),
        }
    }
}

/// The days a partial date could stand for, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DayRange {
    pub lo: Day,
    pub hi: Day,
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateError(s.to_string());
        let digits = |part: &str, len: usize| {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
                .ok_or_else(err)
        };
        let mut parts = s.split('-');
        let year = digits(parts.next().ok_or_else(err)?, 4)? as i32;
        let month = parts.next().map(|p| digits(p, 2)).transpose()?;
        let day = parts.next().map(|p| digits(p, 2)).transpose()?;
        if parts.next().is_some() || year < 1000 {
            return Err(err());
        }
        match (month, day) {
            (None, _) => Ok(PartialDate {
                year,
                month: None,
                day: None,
            }),
            (Some(m), None) => PartialDate::month(year, m).ok_or_else(err),
            (Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(year, m, d).ok_or_else(err)?;
                Ok(PartialDate {
                    year,
                    month: Some(m),
                    day: Some(d),
                })
            }
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (None, _) => write!(f, "{:04}", self.year),
            (Some(m), None) => write!(f, "{:04}-{m:02}", self.year),
            (Some(m), Some(d)) => write!(f, "{:04}-{m:02}-{d:02}", self.year),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_keeps_it() {
        for (text, precision, first, last) in [
            ("2024-12-09", Precision::Day, "2024-12-09", "2024-12-09"),
            ("2021-03", Precision::Month, "2021-03-01", "2021-03-31"),
            ("2024-02", Precision::Month, "2024-02-01", "2024-02-29"),
            ("2023-12", Precision::Month, "2023-12-01", "2023-12-31"),
            ("2020", Precision::Year, "2020-01-01", "2020-12-31"),
        ] {
            let d: PartialDate = text.parse().unwrap();
            assert_eq!(d.precision(), precision, "{text}");
            assert_eq!(d.to_string(), text, "round trip keeps precision");
            assert_eq!(d.first_day().to_string(), first, "{text}");
            assert_eq!(d.last_day().to_string(), last, "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in [
            "2024-13-01",
            "2023-02-29",
            "2024-00",
            "24-01-01",
            "2024-1-01",
            "2024-01-01-01",
            "",
            "abcd",
            "2024/01/01",
            "0999",
            "2024-01-",
            " 2024",
        ] {
            let e = bad.parse::<PartialDate>().unwrap_err();
            assert!(e.to_string().contains(&format!("'{bad}'")), "{e}");
            assert!(e
                .to_string()
                .contains("expected YYYY, YYYY-MM or YYYY-MM-DD"));
        }
    }

    #[test]
    fn day_numbers_match_the_calendar() {
        assert_eq!(Day::ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::ymd(2000, 3, 1).unwrap().to_string(), "2000-03-01");
        assert_eq!(Day::ymd(2024, 12, 9).unwrap().year(), 2024);
    }
}
