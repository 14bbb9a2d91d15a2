//! The rules of the case fields serde's types cannot say: each belongs to one kind of
//! event, and a transfer says one thing.

use super::{Event, EventKind};

/// The case fields belong to one kind of event each.
pub(super) fn check_case_details(e: &Event) -> Result<(), String> {
    let d = &e.details;
    let only = |present: bool, field: &str, kind: EventKind| {
        if present && e.kind != kind {
            Err(format!(
                "field `details.{field}` belongs to a `{kind}` event, not `{}`",
                e.kind
            ))
        } else {
            Ok(())
        }
    };
    // `place` is also written on detained and sentenced events by older sheets, as
    // text: kept, and read only on `transferred`.
    only(d.in_transit, "in_transit", EventKind::Transferred)?;
    only(d.address_unknown, "address_unknown", EventKind::Transferred)?;
    only(d.regime.is_some(), "regime", EventKind::Sentenced)?;
    only(d.term_start.is_some(), "term_start", EventKind::Sentenced)?;
    only(d.extends, "extends", EventKind::Sentenced)?;
    only(d.conditions.is_some(), "conditions", EventKind::Conditions)?;
    if e.kind == EventKind::Transferred {
        let said = [d.place.is_some(), d.in_transit, d.address_unknown]
            .iter()
            .filter(|b| **b)
            .count();
        if said > 1 {
            return Err(
                "fields `details.place`, `details.in_transit` and `details.address_unknown`: a transfer says one of them"
                    .into(),
            );
        }
        if d.place.as_deref().is_some_and(|p| p.trim().is_empty()) {
            return Err("field `details.place` is empty".into());
        }
    }
    if e.kind == EventKind::Sentenced && d.extends && d.term_months.is_none() {
        return Err("field `details.extends` needs `details.term_months`: the term added".into());
    }
    Ok(())
}
