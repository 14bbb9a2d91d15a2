//! Reading parts of a stored record body without parsing the whole record: what a store
//! needs at load for the case details of events and the letters of persons.

use serde::Deserialize;

use super::{Consent, ConsentField, EventDetails, EventKind, RecordError};

/// The kinds of event whose details the counting engine reads (a store loads the details
/// of these only).
pub const KINDS_WITH_CASE_DETAILS: [EventKind; 6] = [
    EventKind::Charged,
    EventKind::Sentenced,
    EventKind::Transferred,
    EventKind::Conditions,
    EventKind::Recognized,
    EventKind::RecognitionWithdrawn,
];

/// The `details` of a stored event body (one `parse_record` validated when it was
/// written), read alone: how a store loads case details without parsing whole records.
pub fn event_details_of(body: &str) -> Result<EventDetails, RecordError> {
    #[derive(Deserialize)]
    struct Only {
        #[serde(default)]
        details: EventDetails,
    }
    serde_json::from_str::<Only>(body)
        .map(|o| o.details)
        .map_err(|e| RecordError(format!("stored event details no longer parse: {e}")))
}

/// A person's consents and envelope name.
pub type LettersOf = (Vec<Consent>, Option<String>);

/// What a stored person body says about letters: the consents and the envelope name
/// (`None` for a body that has neither), read without parsing the whole record.
pub fn person_letters_of(body: &str) -> Result<Option<LettersOf>, RecordError> {
    #[derive(Deserialize)]
    struct Only {
        #[serde(default)]
        consent: Option<ConsentField>,
        #[serde(default)]
        envelope: Option<String>,
    }
    let o: Only = serde_json::from_str(body)
        .map_err(|e| RecordError(format!("stored person no longer parses: {e}")))?;
    let consents = match o.consent {
        Some(ConsentField::List(l)) => l,
        _ => Vec::new(),
    };
    Ok((!consents.is_empty() || o.envelope.is_some()).then_some((consents, o.envelope)))
}
