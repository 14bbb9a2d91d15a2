//! vigil's domain: records, partial dates, custody rules, the registry and its counts, who
//! may see what (`access`), checks, identification, report extraction, name search, the
//! answers both front ends give, the log's hash chain and the synthetic generator.
//!
//! This crate does no IO: it never reads a clock, a file or a database. Callers pass in
//! `today`, the records and the log entries; everything here is a function of its inputs,
//! which is what makes counts reproducible.

pub mod access;
pub mod answer;
pub mod articles;
pub mod chain;
pub mod check;
pub mod checkpoint;
pub mod custody;
pub mod date;
pub mod extract;
pub mod format;
pub mod generate;
pub mod identify;
pub mod names;
pub mod record;
pub mod registry;
pub mod roles;
pub mod search;
pub mod sentence;
pub mod sheet;
pub mod support;
