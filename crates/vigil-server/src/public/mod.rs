//! The public half: what anyone may read, as HTML pages and as the JSON API.

pub(crate) mod api;
pub(crate) mod calendar;
pub(crate) mod case;
pub(crate) mod chart;
pub mod directory;
pub(crate) mod names;
pub(crate) mod pages;
pub(crate) mod persons;
pub(crate) mod releases;
pub(crate) mod tabular;

/// The start of the key of a cached page that names persons (`AppState::cached_page`):
/// kept for its snapshot only, never carried to the next.
pub(crate) const NAMED: &str = "named ";
