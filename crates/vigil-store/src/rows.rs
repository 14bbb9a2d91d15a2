//! The typed rows derived from a record, as both backends write them and as
//! [`crate::derived::check`] expects them: one function per table, so what is written and
//! what is checked cannot drift apart.

use vigil_core::record::{
    ConsentField, Event, EventKind, Person, Record, RecordType, ReleaseReason, Sex,
    KINDS_WITH_CASE_DETAILS,
};

/// The `person` table's columns for one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCols {
    pub id: String,
    pub sex: Option<String>,
    pub birth: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    /// A JSON array; `None` = unknown.
    pub roles: Option<String>,
    /// A JSON array; `None` = unknown.
    pub health: Option<String>,
    pub prominent: bool,
    pub visibility: String,
    /// What the person consented to and the envelope form of their name, as a small
    /// JSON object (`letters_text`); `None` when the person has neither. Loading reads
    /// this instead of joining each person to its log entry.
    pub letters: Option<String>,
}

impl PersonCols {
    #[must_use]
    pub fn of(p: &Person) -> PersonCols {
        let json =
            |v: Option<Vec<&str>>| v.map(|v| serde_json::to_string(&v).expect("strings serialise"));
        PersonCols {
            id: p.id.clone(),
            sex: p.sex.map(|s| Sex::as_str(s).to_string()),
            birth: p.birth_date.map(|d| d.to_string()),
            country: p.country.clone(),
            region: p.region.clone(),
            roles: json(
                p.roles
                    .as_ref()
                    .map(|r| r.iter().map(String::as_str).collect()),
            ),
            health: json(
                p.health
                    .as_ref()
                    .map(|h| h.iter().map(|x| x.as_str()).collect()),
            ),
            prominent: p.prominent,
            visibility: p.visibility.as_str().to_string(),
            letters: letters_text(p),
        }
    }

    /// Column name and value, for naming what differs.
    #[must_use]
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        let o = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".into());
        vec![
            ("sex", o(&self.sex)),
            ("birth", o(&self.birth)),
            ("country", o(&self.country)),
            ("region", o(&self.region)),
            ("roles", o(&self.roles)),
            ("health", o(&self.health)),
            ("prominent", self.prominent.to_string()),
            ("visibility", self.visibility.clone()),
            ("letters", o(&self.letters)),
        ]
    }
}

/// A person's consents (the list form; an older note gives none) and envelope name as
/// `{"consent":[…],"envelope":"…"}`, each key only when present, the shape
/// `record::person_letters_of` reads; `None` when the person has neither.
#[must_use]
pub fn letters_text(p: &Person) -> Option<String> {
    let consent: Vec<&str> = match &p.consent {
        Some(ConsentField::List(l)) => l.iter().map(|c| c.as_str()).collect(),
        _ => Vec::new(),
    };
    if consent.is_empty() && p.envelope.is_none() {
        return None;
    }
    let mut o = serde_json::Map::new();
    if !consent.is_empty() {
        o.insert("consent".into(), consent.into());
    }
    if let Some(e) = &p.envelope {
        o.insert("envelope".into(), e.as_str().into());
    }
    Some(serde_json::Value::Object(o).to_string())
}

/// The `event` table's columns for one event; `person` is the person's id (the backends
/// store the person's row key and join it back when checked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventCols {
    pub id: String,
    pub person: Option<String>,
    pub kind: String,
    pub date: String,
    pub reason: Option<String>,
    pub announcement: Option<String>,
    /// The event's own visibility (its person's is in the person row).
    pub visibility: String,
    /// The `details` object of its stored body, as text, for the kinds whose case
    /// details the engine reads: what loading parses instead of the whole body.
    pub details: Option<String>,
}

impl EventCols {
    /// `body` is the event's canonical JSON, as the log stores it.
    #[must_use]
    pub fn of(e: &Event, body: &str) -> EventCols {
        EventCols::with_details(e, details_text(e.kind, body))
    }

    /// With the `details` text already taken from the body.
    #[must_use]
    pub fn with_details(e: &Event, details: Option<String>) -> EventCols {
        EventCols {
            details,
            id: e.id.clone(),
            person: Some(e.person.clone()),
            kind: e.kind.as_str().to_string(),
            date: e.date.to_string(),
            reason: e
                .details
                .reason
                .map(|r| ReleaseReason::as_str(r).to_string()),
            announcement: e.announcement.clone(),
            visibility: e.visibility.as_str().to_string(),
        }
    }

    #[must_use]
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        let o = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".into());
        vec![
            ("person", o(&self.person)),
            ("kind", self.kind.clone()),
            ("date", self.date.clone()),
            ("reason", o(&self.reason)),
            ("announcement", o(&self.announcement)),
            ("visibility", self.visibility.clone()),
            ("details", o(&self.details)),
        ]
    }
}

/// The `details` object of an event's canonical body, as it is written there, for the
/// kinds with case details; `None` for other kinds or without details.
#[must_use]
pub fn details_text(kind: EventKind, body: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Only<'a> {
        #[serde(borrow, default)]
        details: Option<&'a serde_json::value::RawValue>,
    }
    if !KINDS_WITH_CASE_DETAILS.contains(&kind) || !body.contains("\"details\"") {
        return None;
    }
    // The body is a record's canonical JSON, parsed when it was written.
    let only: Only<'_> = serde_json::from_str(body).ok()?;
    only.details.map(|d| d.get().to_string())
}

/// The `reference` table's rows for one record: what it points at, except an event's
/// person, which the event's own row holds (`event.person_pk`; `Writer::referrers` reads
/// a person's events there).
#[must_use]
pub fn references_of(record: &Record) -> Vec<(RecordType, String)> {
    let mut refs: Vec<(RecordType, String)> = record
        .references()
        .into_iter()
        .filter(|(_, _, field)| !(matches!(record, Record::Event(_)) && *field == "person"))
        .map(|(t, id, _)| (t, id.to_string()))
        .collect();
    refs.sort_unstable_by(|a, b| (a.0.as_str(), &a.1).cmp(&(b.0.as_str(), &b.1)));
    refs.dedup();
    refs
}
