//! The appeal against a verdict: `sentenced.details.appeal` (docs/cases.md, "Appeal").
//! The appeal court's ruling on the verdict it belongs to — its date, the court, the
//! outcome and, when the term changed, the term after the appeal — with the rules serde's
//! types cannot say.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{EventKind, Regime};
use crate::date::PartialDate;

string_enum!(
    /// What the appeal court decided: the verdict `upheld`, its term `reduced` or
    /// `increased` (the new term in `term_months`), `overturned` (quashed, or sent back
    /// for a new trial: the verdict no longer holds), or `pending` (filed, not decided).
    AppealOutcome {
        Upheld = "upheld",
        Reduced = "reduced",
        Increased = "increased",
        Overturned = "overturned",
        Pending = "pending",
    }
);

/// An appeal against the verdict of the `sentenced` event it is written on.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Appeal {
    /// The appeal court's ruling; absent: not known.
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// The appeal court, as written.
    #[serde(default)]
    pub court: Option<String>,
    /// Absent: `pending`.
    #[serde(default)]
    pub outcome: Option<AppealOutcome>,
    /// `reduced` / `increased`: the term after the appeal, in months.
    #[serde(default)]
    pub term_months: Option<u32>,
    /// `reduced` / `increased`: the outcome after the appeal, when it changed.
    #[serde(default)]
    pub regime: Option<Regime>,
}

impl Appeal {
    /// The outcome, `pending` when none is written.
    #[must_use]
    pub fn outcome(&self) -> AppealOutcome {
        self.outcome.unwrap_or(AppealOutcome::Pending)
    }

    /// Does the appeal change the term (or the outcome) the verdict gave?
    #[must_use]
    pub fn changes_term(&self) -> bool {
        matches!(
            self.outcome(),
            AppealOutcome::Reduced | AppealOutcome::Increased
        )
    }
}

/// The rules of an appeal on event `e` whose verdict is dated `date` with `term_months`.
pub(super) fn check_appeal(
    kind: EventKind,
    date: PartialDate,
    term_months: Option<u32>,
    a: &Appeal,
) -> Result<(), String> {
    if kind != EventKind::Sentenced {
        return Err(format!(
            "field `details.appeal` belongs to a `sentenced` event, not `{kind}`"
        ));
    }
    let outcome = a.outcome();
    if a.changes_term() && a.term_months.is_none() {
        return Err(format!(
            "field `details.appeal.term_months` is needed: the appeal's outcome `{outcome}` gives a new term"
        ));
    }
    if !a.changes_term() {
        for (present, field) in [
            (a.term_months.is_some(), "term_months"),
            (a.regime.is_some(), "regime"),
        ] {
            if present {
                return Err(format!(
                    "field `details.appeal.{field}` is for an appeal that reduced or increased the term, not one `{outcome}`"
                ));
            }
        }
    }
    if let (Some(before), Some(after)) = (term_months, a.term_months) {
        let wrong = match outcome {
            AppealOutcome::Reduced => after >= before,
            AppealOutcome::Increased => after <= before,
            _ => false,
        };
        if wrong {
            return Err(format!(
                "field `details.appeal.term_months`: {after} months is not `{outcome}` from the verdict's {before}"
            ));
        }
    }
    if let Some(d) = a.date {
        if d.range().hi < date.range().lo {
            return Err(format!(
                "field `details.appeal.date`: {d} is before the verdict ({date})"
            ));
        }
    }
    if a.court.as_deref().is_some_and(|c| c.trim().is_empty()) {
        return Err("field `details.appeal.court` is empty".into());
    }
    Ok(())
}
