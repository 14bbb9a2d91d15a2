//! The places a sheet's place column names: a stored place when the cell is its id or one
//! of its names (in any language, compared as vigil compares names: NFKC, any case,
//! apostrophes, spaces and punctuation between words not counting), a new place record
//! only for a name no stored place has. Within one sheet, rows that write one place's
//! name differently ("ИК-20, Мозырь", "ик-20 мозырь") name the one place.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;

use crate::chain::Hash;
use crate::record::Place;

/// A place's name as it is compared: its words, normalised as person names are
/// ([`crate::names::split`]), one space between them.
#[must_use]
pub fn key(name: &str) -> String {
    crate::names::split(name).join(" ")
}

/// The stored places a sheet's place cells are matched against.
#[derive(Debug, Clone, Default)]
pub struct KnownPlaces {
    /// Name key → (place id, its country), in id order.
    by_name: BTreeMap<String, Vec<(String, Option<String>)>>,
    ids: BTreeSet<String>,
}

/// What a place cell came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A stored place, by its id.
    Stored(String),
    /// No stored place has the name: a new one.
    New,
    /// Several stored places have the name (their ids): which one is meant is not said.
    Several(Vec<String>),
}

impl KnownPlaces {
    /// The places of `places` (the current ones of a registry).
    pub fn of<'a>(places: impl IntoIterator<Item = &'a Place>) -> KnownPlaces {
        let mut out = KnownPlaces::default();
        for p in places {
            out.add(p);
        }
        out
    }

    /// Adds one stored place.
    pub fn add(&mut self, place: &Place) {
        self.ids.insert(place.id.clone());
        let mut keys: Vec<String> = place
            .names
            .iter()
            .map(|n| key(&n.text))
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            let list = self.by_name.entry(k).or_default();
            list.push((place.id.clone(), place.country.clone()));
            list.sort();
        }
    }

    /// Whether no place is known.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The place `text` names for a row of `country`: a stored place's id as written, else
    /// the stored places with that name whose country is the row's (or either is not
    /// given). Of several, the one this sheet's own id for the name (`made`, from an
    /// earlier import of it) is chosen; otherwise they are [`Found::Several`].
    #[must_use]
    pub fn find(&self, text: &str, country: Option<&str>, made: &str) -> Found {
        let text = text.trim();
        if self.ids.contains(text) {
            return Found::Stored(text.to_string());
        }
        let matching: Vec<&String> = self
            .by_name
            .get(&key(text))
            .into_iter()
            .flatten()
            .filter(|(_, c)| match (c.as_deref(), country) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => true,
            })
            .map(|(id, _)| id)
            .collect();
        match matching.as_slice() {
            [] => Found::New,
            [one] => Found::Stored((*one).clone()),
            many if many.iter().any(|id| *id == made) => Found::Stored(made.to_string()),
            many => Found::Several(many.iter().map(|id| (*id).clone()).collect()),
        }
    }
}

/// The id a sheet gives the place it names as `text` in a row of `country`: the same for
/// every row and every reading of the sheet (as before stored places were matched, so a
/// place an earlier import made keeps its id).
#[must_use]
pub fn made_id(text: &str, country: Option<&str>) -> String {
    let identity = json!([text.to_lowercase(), country]);
    format!(
        "pl-{}",
        &Hash::of_body(&identity.to_string()).to_hex()[..16]
    )
}

/// The spellings a sheet has used so far for each new place, by (name key, country): the
/// first row's spelling is the place's name and id for every later row.
#[derive(Debug, Default)]
pub struct SheetPlaces {
    first: BTreeMap<(String, Option<String>), String>,
}

impl SheetPlaces {
    /// The spelling of the place `text` names, the first row's that named it.
    pub fn spelling(&mut self, text: &str, country: Option<&str>) -> String {
        self.first
            .entry((key(text), country.map(str::to_string)))
            .or_insert_with(|| text.trim().to_string())
            .clone()
    }
}
