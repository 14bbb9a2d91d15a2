//! The editors' half: logging in, the editors' JSON API and their server-rendered pages.

pub(crate) mod api;
pub(crate) mod pages;
