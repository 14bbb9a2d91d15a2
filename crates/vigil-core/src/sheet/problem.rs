//! What is wrong with a sheet's cell or header, as data: the CLI prints it in English
//! ([`std::fmt::Display`]), the web says it in the reader's language from the same fields
//! (vigil-server's sheet page has one catalogue message per variant).

use std::fmt;

/// What a date cell (or several) is missing to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// A recognising organisation without a recognition date.
    RecognitionDate,
    /// A release reason without a release date.
    ReleaseDate,
    /// A sentence fact (term, articles, regime, place) with neither date.
    SentenceOrDetentionDate,
    /// A verdict's court, judge, prosecutor, counsel, term start or appeal without the
    /// sentence date.
    SentenceDate,
}

/// One thing wrong with a sheet; the text it quotes is the cell's, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The sheet has no rows at all.
    Empty,
    /// Two columns read as the same field.
    SecondColumn {
        field: &'static str,
    },
    /// Neither a name nor an id column.
    NoNameColumn,
    /// Two rows with the same person id and different content.
    SameId {
        id: String,
        first_row: usize,
    },
    /// A row with no name.
    NoName,
    NotDate {
        text: String,
    },
    /// A date in a readable form that is not a day of the calendar (31.02.2021).
    NotDay {
        text: String,
        day: String,
    },
    NotTerm {
        text: String,
    },
    NotSex {
        text: String,
    },
    NotReleaseReason {
        text: String,
    },
    NotRegime {
        text: String,
    },
    NotAppealOutcome {
        text: String,
    },
    NotHealth {
        text: String,
    },
    NotVisibility {
        text: String,
    },
    /// A place named by several stored places (their ids): which one is not said.
    SeveralPlaces {
        text: String,
        ids: Vec<String>,
    },
    /// A fact whose event has no date.
    Undated {
        text: String,
        needs: Needs,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Empty => write!(f, "the sheet is empty: its first row must hold the headers"),
            Problem::SecondColumn { field } => {
                write!(f, "a second column for {field}; map one of them to ignore")
            }
            Problem::NoNameColumn => write!(
                f,
                "no column for the name (name, ФИО, Імя і прозвішча…) or the id: nothing says who a row is"
            ),
            Problem::SameId { id, first_row } => write!(
                f,
                "'{id}' is also row {first_row}, with other content: give each person one row"
            ),
            Problem::NoName => write!(f, "a row without a name: every row needs the person's name"),
            Problem::NotDate { text } => write!(
                f,
                "'{text}' is not a date: write 2021-03-14, 14.03.2021, 03.2021, 2021 or 14 March 2021"
            ),
            Problem::NotDay { text, day } => {
                write!(f, "'{text}' is not a day of the calendar ({day})")
            }
            Problem::NotTerm { text } => write!(
                f,
                "'{text}' is not a term: write it as 3 years, 2 years 6 months, 36 months, 3 года, 2 г. 6 мес., 3 гады 6 месяцаў"
            ),
            Problem::NotSex { text } => write!(
                f,
                "'{text}' is not a sex: write male or female (М/Ж, мужской/женский, мужчынскі/жаночы)"
            ),
            Problem::NotReleaseReason { text } => write!(
                f,
                "'{text}' is not a release reason: write end of term, pardon, amnesty, acquittal, deported, conditional or other (помилование, окончание срока…)"
            ),
            Problem::NotRegime { text } => write!(
                f,
                "'{text}' is not a penalty vigil knows: write general, strict, special, prison, settlement, restricted freedom, house arrest, fine, suspended or compulsory treatment (общий, строгий, химия…)"
            ),
            Problem::NotAppealOutcome { text } => write!(
                f,
                "'{text}' is not an appeal's outcome: write upheld, reduced, increased, overturned or pending (оставлен без изменения, срок снижен…)"
            ),
            Problem::NotHealth { text } => write!(
                f,
                "'{text}' is not a state of health vigil counts: write chronic illness or disability (хроническое заболевание, инвалидность; хранічная хвароба, інваліднасць)"
            ),
            Problem::NotVisibility { text } => write!(
                f,
                "'{text}' is not a visibility: write public, restricted or confidential"
            ),
            Problem::SeveralPlaces { text, ids } => write!(
                f,
                "'{text}' is the name of {} stored places ({}): write the id of the one meant",
                ids.len(),
                ids.join(", ")
            ),
            Problem::Undated { text, needs } => {
                let needs = match needs {
                    Needs::RecognitionDate => "add the recognition date",
                    Needs::ReleaseDate => "add the release date",
                    Needs::SentenceOrDetentionDate => {
                        "add the sentence date or the detention date"
                    }
                    Needs::SentenceDate => "add the sentence date",
                };
                write!(
                    f,
                    "'{text}' has no date to go with: {needs}, or read the column as not read"
                )
            }
        }
    }
}
