//! What is wrong with an uploaded sheet, in the reader's language: one catalogue message
//! per [`Problem`] (vigil-core says the same in English for the CLI).

use vigil_core::sheet::{CellError, Needs, Problem};
use vigil_i18n::Arg;

use crate::i18n::Tr;

/// The message for one bad cell or header; a refusal that came from the import's own
/// check (no problem as data) keeps its words.
pub(crate) fn cell_error(tr: &Tr, e: &CellError) -> String {
    let Some(p) = &e.problem else {
        return e.message.clone();
    };
    problem_words(tr, p)
}

/// What is wrong with a value as a monitor wrote it (a cell, or a form's field read the
/// same way), in the reader's language.
pub(crate) fn problem_words(tr: &Tr, p: &Problem) -> String {
    let text = |t: &str| Arg::Text(t.to_string());
    match p {
        Problem::Empty => tr.t("sheet-problem-empty"),
        Problem::SecondColumn { field } => tr.with(
            "sheet-problem-second-column",
            &[("field", Arg::Text(tr.term("sheet-field", field)))],
        ),
        Problem::NoNameColumn => tr.t("sheet-problem-no-name-column"),
        Problem::SameId { id, first_row } => tr.with(
            "sheet-problem-same-id",
            &[
                ("id", text(id)),
                (
                    "row",
                    Arg::Count(i64::try_from(*first_row).unwrap_or(i64::MAX)),
                ),
            ],
        ),
        Problem::NoName => tr.t("sheet-problem-no-name"),
        Problem::NotDate { text: t } => tr.with("sheet-problem-not-date", &[("text", text(t))]),
        Problem::NotDay { text: t, day } => tr.with(
            "sheet-problem-not-day",
            &[("text", text(t)), ("day", text(day))],
        ),
        Problem::NotTerm { text: t } => tr.with("sheet-problem-not-term", &[("text", text(t))]),
        Problem::NotSex { text: t } => tr.with("sheet-problem-not-sex", &[("text", text(t))]),
        Problem::NotReleaseReason { text: t } => {
            tr.with("sheet-problem-not-reason", &[("text", text(t))])
        }
        Problem::NotRegime { text: t } => tr.with("sheet-problem-not-regime", &[("text", text(t))]),
        Problem::NotAppealOutcome { text: t } => {
            tr.with("sheet-problem-not-appeal-outcome", &[("text", text(t))])
        }
        Problem::NotHealth { text: t } => tr.with("sheet-problem-not-health", &[("text", text(t))]),
        Problem::NotVisibility { text: t } => {
            tr.with("sheet-problem-not-visibility", &[("text", text(t))])
        }
        Problem::SeveralPlaces { text: t, ids } => tr.with(
            "sheet-problem-several-places",
            &[("text", text(t)), ("ids", Arg::Text(ids.join(", ")))],
        ),
        Problem::Undated { text: t, needs } => match needs {
            Needs::RecognitionDate => {
                tr.with("sheet-problem-undated-recognition", &[("text", text(t))])
            }
            Needs::ReleaseDate => tr.with("sheet-problem-undated-release", &[("text", text(t))]),
            Needs::SentenceOrDetentionDate => {
                tr.with("sheet-problem-undated-sentence", &[("text", text(t))])
            }
            Needs::SentenceDate => tr.with("sheet-problem-undated-verdict", &[("text", text(t))]),
        },
    }
}
