//! `vigil extract`: proposes the announcements, figures and official claims an English
//! report states, for an editor to confirm. Nothing here stores anything.
//!
//! The reading is rule-based and deliberately conservative: a number is taken only when
//! its words say what it counts (a pardon of 29 political prisoners, approximately 1,300
//! political prisoners remain, the seventh pardon this year, 11 women). Every other number
//! is listed in `ignored` with the reason (a year, part of a date, an article number, an
//! age or a term, no known pattern), so an editor sees what was left and why.
//!
//! Sentences come from Unicode sentence boundaries (UAX #29, `unicode-segmentation`);
//! numbers written in words ("six", "twenty-nine", "seventh") from `text2num`.
//!
//! The module is a folder of single-purpose files: `text` (tokens, numbers, dates),
//! `words` (the word lists), `reader` (the state machine), `claims` (attribution),
//! `country` (the country of each proposal), `proportion` (ratio claims, for `check`) and `proposal` (interchange
//! records from proposals). This file holds the public types and `extract`, the one entry.

// Token positions are a, b, i, j, k, as in the grammar texts this follows.
#![allow(clippy::many_single_char_names)]

mod claims;
mod consolidate;
mod country;
pub mod lang;
mod proportion;
mod proposal;
mod reader;
mod rules;
mod slavic;
mod speech;
mod text;
mod words;

use std::collections::BTreeMap;

use serde::Serialize;

pub use proportion::{proportion, Compare, Proportion};
pub use proposal::{normalise, proposed_records, ProposalError, SourceInfo};

use crate::date::PartialDate;
use reader::Reader;
use text::sentences;

/// What the text does not say and the editor does.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The report's date: the day of announcements and figures the text gives no date for,
    /// and the year of "this year".
    pub date: Option<PartialDate>,
    /// The country, when the text's own mentions should not decide it.
    pub country: Option<String>,
}

/// An announcement as the report states it: the interchange record without an id.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct ProposedAnnouncement {
    #[serde(rename = "type")]
    pub record_type: &'static str,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    pub total: u32,
    pub breakdown: BTreeMap<String, u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub names_disclosed: Option<bool>,
    pub claims: Vec<String>,
    /// A release under restrictive measures (`restricted`: house arrest, reporting
    /// duties, charges kept), when the text says so. Kept on import as an extra field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<&'static str>,
    /// For an amnesty: `general` (ordinary inmates, with some political prisoners among
    /// them) or `political` (of those held for political reasons).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<&'static str>,
    /// The sentence the total was read from (shown to the editor, not stored).
    #[serde(skip)]
    pub evidence: String,
    /// The total was stated as a round approximation ("more than 200", "более 120").
    #[serde(skip)]
    pub approximate: bool,
    /// The text gives no date for it: the report's date was proposed.
    #[serde(skip)]
    pub undated: bool,
}

/// A figure as the report states it: the interchange record without an id.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProposedFigure {
    #[serde(rename = "type")]
    pub record_type: &'static str,
    pub metric: String,
    pub value: f64,
    pub qualifier: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Who said it, when the report quotes someone for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<String>,
    #[serde(skip)]
    pub evidence: String,
}

/// A number the reading did not take, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ignored {
    pub number: String,
    pub why: &'static str,
}

/// Everything proposed from one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    pub announcements: Vec<ProposedAnnouncement>,
    pub figures: Vec<ProposedFigure>,
    /// Official claims: statements attributed to an official source, quoted or reported.
    pub claims: Vec<String>,
    pub ignored: Vec<Ignored>,
    /// What the editor should know: dates taken from the report rather than the text, …
    pub notes: Vec<Note>,
    /// The language the text was read in (`en`, `ru`, `be`); `None` when it is in one the
    /// reading does not know, and nothing was read.
    pub language: Option<&'static str>,
}

/// What the editor should know about a reading, as data: the CLI prints it in English
/// (its `Display`, which is also how JSON carries it), the editors' pages in the reader's
/// language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The text is in a language not read.
    NotRead,
    /// An announcement whose date is not in the text: `date` is the report's, proposed
    /// instead, when one was given.
    Undated {
        kind: &'static str,
        total: u32,
        date: Option<String>,
    },
    /// An announcement whose country the text does not give.
    NoCountry { kind: &'static str, total: u32 },
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Note::NotRead => f.write_str(NOT_READ),
            Note::Undated {
                kind,
                total,
                date: Some(d),
            } => write!(
                f,
                "the {kind} of {total} has no date in the text: the report's date {d} is proposed"
            ),
            Note::Undated {
                kind,
                total,
                date: None,
            } => write!(
                f,
                "the {kind} of {total} has no date in the text: give the report's date with --date"
            ),
            Note::NoCountry { kind, total } => write!(
                f,
                "the {kind} of {total} names no country in the text: give it with --country or set it when confirming"
            ),
        }
    }
}

impl Serialize for Note {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The note of a text in a language not read.
pub const NOT_READ: &str =
    "the text is in a language vigil does not read: only English, Russian and Belarusian reports are read";

/// Reads `text` and proposes what it states. The text is read as [`normalise`] gives it,
/// so the same report with other line endings, spacing or Unicode form reads the same.
#[must_use]
pub fn extract(text: &str, opts: &Options) -> Extraction {
    let text = normalise(text);
    let language = lang::detect(&text);
    let mut x = match language {
        Some("ru" | "be") => slavic::read(&text, opts),
        Some(_) => read_english(&text, opts),
        None => Extraction {
            notes: vec![Note::NotRead],
            ..Extraction::default()
        },
    };
    x.language = language;
    consolidate::consolidate(&mut x);
    if opts.country.is_none() {
        countries(&text, &mut x);
    }
    for a in &x.announcements {
        if a.undated {
            x.notes.push(Note::Undated {
                kind: a.kind,
                total: a.total,
                date: a.date.clone(),
            });
        }
    }
    x
}

/// Each proposal's country from its own sentence ([`country::of_proposal`]); a note for
/// each announcement the text gives no country for, which the editor sets.
fn countries(text: &str, x: &mut Extraction) {
    let weights = country::text_weights(text);
    for a in &mut x.announcements {
        a.country = country::of_proposal(
            &a.evidence,
            a.issuer.as_deref(),
            Some(a.total),
            a.kind == "exchange",
            &weights,
        );
        if a.country.is_none() {
            x.notes.push(Note::NoCountry {
                kind: a.kind,
                total: a.total,
            });
        }
    }
    for f in &mut x.figures {
        f.country = country::of_proposal(&f.evidence, None, None, false, &weights);
    }
}

fn read_english(text: &str, opts: &Options) -> Extraction {
    let sentences = sentences(text, opts.date);
    let country = opts.country.clone().or_else(|| country::of_text(text));
    let mut r = Reader {
        opts,
        country,
        out: Extraction::default(),
        current: None,
        scope_start: 0,
        pending: Vec::new(),
        speaker: speech::Speaker::None,
        recalled_here: false,
        about_recalled: false,
    };
    for (k, s) in sentences.iter().enumerate() {
        r.sentence(k, s, &sentences);
    }
    r.close_scope(&sentences, sentences.len());
    r.out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_country;
#[cfg(test)]
mod tests_issue18;
