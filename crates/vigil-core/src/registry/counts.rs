//! The day arrays of every counting mode apart from the registry ([`Counts`]): what
//! `stats held` without a breakdown and `stats series` read. They are a few kilobytes per
//! country whatever the registry's size, so the store saves them beside the log
//! (`vigil_store::counts`) and a new process answers those questions without loading the
//! registry. [`DayCounts`] is what both a registry and saved counts answer.

use serde::{Deserialize, Serialize};

use super::count::{series_of, slot, Curves};
use super::{Mode, Registry};
use crate::date::Day;
use crate::registry::{Held, SeriesPoint, Step};

/// The cumulative day arrays of the three counting modes, as a registry builds them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    /// Indexed as `Registry::curves`: recognized, recognized by date, all.
    modes: [Curves; 3],
}

impl Counts {
    /// The layout of the saved form; a saved form of another layout is not read.
    pub const FORMAT: u32 = 1;

    /// The saved form (JSON: small, and readable by anyone checking it).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("day arrays serialize")
    }

    /// Reads the saved form.
    ///
    /// # Errors
    /// When the bytes are not counts of this layout.
    pub fn from_bytes(bytes: &[u8]) -> Result<Counts, serde_json::Error> {
        serde_json::from_slice(bytes)
    }
}

/// Held on a day and over a series: what a registry and saved counts both answer.
pub trait DayCounts {
    /// Held on a day, in all or in one country, with bounds.
    fn held_on(&self, on: Day, country: Option<&str>, mode: Mode) -> Held;

    /// Held on each step from `from` to `to`, both included.
    fn series_of(
        &self,
        from: Day,
        to: Day,
        step: Step,
        country: Option<&str>,
        mode: Mode,
    ) -> Vec<SeriesPoint> {
        series_of(|d| self.held_on(d, country, mode), from, to, step)
    }
}

impl DayCounts for Counts {
    fn held_on(&self, on: Day, country: Option<&str>, mode: Mode) -> Held {
        self.modes[slot(mode)].held(on, country)
    }
}

impl DayCounts for Registry {
    fn held_on(&self, on: Day, country: Option<&str>, mode: Mode) -> Held {
        self.held(on, country, mode)
    }
}

impl Registry {
    /// The day arrays of every mode (each built now if no question built it yet).
    #[must_use]
    pub fn counts(&self) -> Counts {
        Counts {
            modes: [Mode::Recognized, Mode::RecognizedByDate, Mode::All]
                .map(|m| self.curves(m).clone()),
        }
    }
}
