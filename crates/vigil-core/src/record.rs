//! The interchange records (CONTRACT.md, "Interchange format") and the one place that
//! turns a line of JSON into them.
//!
//! A record is kept twice over: as the JSON object it arrived as (so unknown fields and
//! partial dates survive a round trip byte for byte after canonicalisation), and as a
//! typed value that the counting engine reads. [`parse_record`] is the only way to get
//! the typed value, so nothing unvalidated reaches the store.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::date::PartialDate;

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the interchange spelling; `None` for anything else.
            #[must_use]
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// The kind of a record line.
    RecordType { Source = "source", Place = "place", Person = "person", Announcement = "announcement", Event = "event", Figure = "figure", Merge = "merge" }
);
string_enum!(
    /// What a place of detention is.
    PlaceKind { Ivs = "ivs", Sizo = "sizo", Colony = "colony", Prison = "prison", Psychiatric = "psychiatric", Other = "other" }
);
string_enum!(
    /// A sentence's outcome: a custodial regime (`reinforced`: Belarus's усиленный режим),
    /// or a penalty served outside.
    Regime {
        General = "general",

        Reinforced = "reinforced",
        Strict = "strict",
        Special = "special",
        Prison = "prison",
        Settlement = "settlement",
        RestrictedFreedom = "restricted_freedom",
        HouseArrest = "house_arrest",
        Fine = "fine",
        Suspended = "suspended",
        CompulsoryTreatment = "compulsory_treatment",
        Other = "other",
    }
);
string_enum!(
    /// Conditions of detention, a fixed vocabulary (after HURIDOCS's micro-thesauri).
    Condition {
        Incommunicado = "incommunicado",
        NoLawyer = "no_lawyer",
        PunishmentCell = "punishment_cell",
        CellTypeUnit = "cell_type_unit",
        VisitsBanned = "visits_banned",
        ParcelsBanned = "parcels_banned",
        CorrespondenceBlocked = "correspondence_blocked",
        IllTreatment = "ill_treatment",
        MedicalCareDenied = "medical_care_denied",
    }
);
string_enum!(
    /// What a public person agreed to: `letters` (the address to write to is shown),
    /// `calendar` (birthday and expected release in the support calendar).
    Consent { Letters = "letters", Calendar = "calendar" }
);
string_enum!(Sex { Female = "female", Male = "male", Other = "other", Unknown = "unknown" });
string_enum!(
    /// Who may see a record. The public sees only `public`.
    Visibility { Public = "public", Restricted = "restricted", Confidential = "confidential" }
);
string_enum!(Health { Disability = "disability", ChronicIllness = "chronic_illness" });
string_enum!(EventKind {
    Detained = "detained",
    Charged = "charged",
    Sentenced = "sentenced",
    Recognized = "recognized",
    RecognitionWithdrawn = "recognition_withdrawn",
    Transferred = "transferred",
    Conditions = "conditions",
    Released = "released",
    Pardoned = "pardoned",
    Exiled = "exiled",
    Harassed = "harassed",
    DiedInCustody = "died_in_custody",
    Disappeared = "disappeared",
});
string_enum!(ReleaseReason {
    EndOfTerm = "end_of_term",
    Pardon = "pardon",
    Amnesty = "amnesty",
    Acquittal = "acquittal",
    Deported = "deported",
    Conditional = "conditional",
    Other = "other",
});
string_enum!(Confidence { Confirmed = "confirmed", Reported = "reported", Alleged = "alleged" });
string_enum!(AnnouncementKind { Pardon = "pardon", Amnesty = "amnesty", Release = "release", Recognition = "recognition", Exchange = "exchange", Deportation = "deportation" });
string_enum!(Qualifier {
    Exact = "exact",
    Approximately = "approximately",
    AtLeast = "at_least",
    MoreThan = "more_than",
    UpTo = "up_to",
});

impl RecordType {
    /// The order records are exported in, so that every reference points backwards.
    #[must_use]
    pub fn rank(self) -> usize {
        RecordType::ALL
            .iter()
            .position(|t| *t == self)
            .expect("listed")
    }
}

impl Visibility {
    #[must_use]
    pub fn is_public(self) -> bool {
        self == Visibility::Public
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Name {
    pub text: String,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub script: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
}

/// What a name other than the person's own current one is: a maiden or married surname
/// (alone, or a full name), a pen name, or another name the person is known by. A name with
/// no `kind` is the person's name.
pub const NAME_KINDS: &[&str] = &["maiden", "married", "pen", "alias"];

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Source {
    pub id: String,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub published: Option<PartialDate>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Person {
    pub id: String,
    #[serde(default)]
    pub names: Vec<Name>,
    #[serde(default)]
    pub sex: Option<Sex>,
    #[serde(default)]
    pub birth_date: Option<PartialDate>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    /// Absent: unknown; empty: known to have none.
    #[serde(default)]
    pub roles: Option<Vec<String>>,
    /// Absent: unknown on both; empty: known to have neither.
    #[serde(default)]
    pub health: Option<Vec<Health>>,
    #[serde(default)]
    pub prominent: bool,
    #[serde(default = "public")]
    pub visibility: Visibility,
    /// What the person agreed to; absent or empty: nothing. An object in this field (as
    /// files before v2 wrote who consented and when) is kept and consents to nothing.
    #[serde(default)]
    pub consent: Option<ConsentField>,
    /// The name as an envelope is addressed (full name with patronymic and birth year,
    /// in the addressee's grammatical form): stored as the monitor writes it, never
    /// derived from the names.
    #[serde(default)]
    pub envelope: Option<String>,
}

/// A person's `consent`: the list of what they agreed to, or an older note kept as it is.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum ConsentField {
    List(Vec<Consent>),
    Note(Value),
}

impl Person {
    #[must_use]
    pub fn consents(&self, c: Consent) -> bool {
        matches!(&self.consent, Some(ConsentField::List(l)) if l.contains(&c))
    }
}

fn public() -> Visibility {
    Visibility::Public
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Event {
    pub id: String,
    pub person: String,
    pub kind: EventKind,
    pub date: PartialDate,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub announcement: Option<String>,
    #[serde(default = "public")]
    pub visibility: Visibility,
    #[serde(default)]
    pub details: EventDetails,
}

/// The kind-specific details vigil reads; every other detail is kept as it came.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct EventDetails {
    #[serde(default)]
    pub reason: Option<ReleaseReason>,
    #[serde(default)]
    pub term_months: Option<u32>,
    #[serde(default)]
    pub by: Option<String>,
    /// `transferred`: the place the person was moved to (a place record's id).
    #[serde(default)]
    pub place: Option<String>,
    /// `transferred`: on the way between places (этап), place not yet known.
    #[serde(default)]
    pub in_transit: bool,
    /// `transferred`: moved, the new address being clarified.
    #[serde(default)]
    pub address_unknown: bool,
    /// Articles of the country's criminal code, as a list or one text ("ст. 342 УК").
    #[serde(default)]
    pub articles: Option<Articles>,
    /// `sentenced`: the outcome.
    #[serde(default)]
    pub regime: Option<Regime>,
    /// `sentenced`: the day the term counts from; absent: the first day of the custody
    /// interval the sentence falls in (pre-trial detention counts).
    #[serde(default)]
    pub term_start: Option<PartialDate>,
    /// The case an event belongs to (charged, sentenced, appeal); a later verdict of the
    /// same case replaces an earlier one. Absent: the event is its own case.
    #[serde(default)]
    pub case: Option<String>,
    /// `sentenced`: the term is added to what the person already serves (a new case
    /// opened before release, a term extended), not counted from its own start.
    #[serde(default)]
    pub extends: bool,
    /// `sentenced`: the appeal against the verdict (`record_appeal.rs`).
    #[serde(default)]
    pub appeal: Option<Appeal>,
    /// `conditions`: what the conditions are.
    #[serde(default)]
    pub conditions: Option<Vec<Condition>>,
    /// `conditions` written with one word, the older form; read when it is a word of
    /// the vocabulary, kept otherwise.
    #[serde(default, rename = "type")]
    pub condition_type: Option<String>,
}

/// Articles as a list (`["342", "361-1"]`) or one text as a sheet gives it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Articles {
    List(Vec<String>),
    Text(String),
}

impl Articles {
    /// The articles as written, a text split at commas and semicolons.
    #[must_use]
    pub fn items(&self) -> Vec<&str> {
        match self {
            Articles::List(v) => v
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect(),
            Articles::Text(t) => t
                .split([',', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }
}

impl EventDetails {
    /// The conditions this event records, the older one-word form included.
    #[must_use]
    pub fn condition_list(&self) -> Vec<Condition> {
        let mut out = self.conditions.clone().unwrap_or_default();
        if let Some(c) = self.condition_type.as_deref().and_then(Condition::parse) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }
}

/// A place of detention: an IVS, a SIZO, a colony, a prison, a psychiatric hospital.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Place {
    pub id: String,
    #[serde(default)]
    pub names: Vec<Name>,
    #[serde(default = "other_place")]
    pub kind: PlaceKind,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    /// The postal address letters are sent to, as the post writes it.
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub coordinates: Option<Coordinates>,
    #[serde(default)]
    pub sources: Vec<String>,
}

fn other_place() -> PlaceKind {
    PlaceKind::Other
}

/// Latitude and longitude in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Announcement {
    pub id: String,
    pub kind: AnnouncementKind,
    pub date: PartialDate,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub total: Option<u32>,
    #[serde(default)]
    pub breakdown: BTreeMap<String, u32>,
    #[serde(default)]
    pub names_disclosed: Option<bool>,
    #[serde(default)]
    pub claims: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Figure {
    pub id: String,
    pub metric: String,
    pub value: f64,
    #[serde(default = "exact")]
    pub qualifier: Qualifier,
    pub as_of: PartialDate,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Two person records found to be one person: `merged`'s names and events count as
/// `keep`'s. Undone by retracting it (`vigil unmerge`); the log keeps both.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Merge {
    pub id: String,
    pub keep: String,
    pub merged: String,
}

fn exact() -> Qualifier {
    Qualifier::Exact
}

/// A validated record.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Source(Source),
    Place(Place),
    Person(Person),
    Announcement(Announcement),
    Event(Event),
    Figure(Figure),
    Merge(Merge),
}

impl Record {
    #[must_use]
    pub fn record_type(&self) -> RecordType {
        match self {
            Record::Source(_) => RecordType::Source,
            Record::Place(_) => RecordType::Place,
            Record::Person(_) => RecordType::Person,
            Record::Announcement(_) => RecordType::Announcement,
            Record::Event(_) => RecordType::Event,
            Record::Figure(_) => RecordType::Figure,
            Record::Merge(_) => RecordType::Merge,
        }
    }

    #[must_use]
    pub fn id(&self) -> &str {
        match self {
            Record::Source(r) => &r.id,
            Record::Place(r) => &r.id,
            Record::Person(r) => &r.id,
            Record::Announcement(r) => &r.id,
            Record::Event(r) => &r.id,
            Record::Figure(r) => &r.id,
            Record::Merge(r) => &r.id,
        }
    }

    /// Who may see the record: persons and events say; sources, announcements and
    /// figures name no one and are public. A merge links two persons, one of whom the
    /// public may not see: it is never public (its effect on counts is).
    #[must_use]
    pub fn visibility(&self) -> Visibility {
        match self {
            Record::Person(p) => p.visibility,
            Record::Event(e) => e.visibility,
            Record::Merge(_) => Visibility::Restricted,
            Record::Source(_) | Record::Place(_) | Record::Announcement(_) | Record::Figure(_) => {
                Visibility::Public
            }
        }
    }

    /// The records this one points at, as (type, id, field) triples, for reference checks.
    #[must_use]
    pub fn references(&self) -> Vec<(RecordType, &str, &'static str)> {
        fn sources(s: &[String]) -> Vec<(RecordType, &str, &'static str)> {
            s.iter()
                .map(|id| (RecordType::Source, id.as_str(), "sources"))
                .collect()
        }
        match self {
            Record::Source(_) | Record::Person(_) => Vec::new(),
            Record::Announcement(a) => sources(&a.sources),
            Record::Figure(f) => sources(&f.sources),
            Record::Place(p) => sources(&p.sources),
            Record::Merge(m) => vec![
                (RecordType::Person, m.keep.as_str(), "keep"),
                (RecordType::Person, m.merged.as_str(), "merged"),
            ],
            Record::Event(e) => {
                let mut refs = vec![(RecordType::Person, e.person.as_str(), "person")];
                if let Some(a) = &e.announcement {
                    refs.push((RecordType::Announcement, a.as_str(), "announcement"));
                }
                if let (EventKind::Transferred, Some(p)) = (e.kind, &e.details.place) {
                    refs.push((RecordType::Place, p.as_str(), "details.place"));
                }
                refs.extend(sources(&e.sources));
                refs
            }
        }
    }
}

/// A line turned into a record, with the object it came from kept whole. Made only by
/// [`parse_record`] and [`parse_value`], so the typed record and the canonical text the
/// log stores always say the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    record: Record,
    /// The JSON object, every field kept, in canonical (sorted-key) form.
    canonical: String,
}

impl Parsed {
    /// The typed record.
    #[must_use]
    pub fn record(&self) -> &Record {
        &self.record
    }

    /// The canonical JSON text, as the log stores it.
    #[must_use]
    pub fn canonical(&self) -> &str {
        &self.canonical
    }

    /// The typed record, the text let go.
    #[must_use]
    pub fn into_record(self) -> Record {
        self.record
    }

    /// Both halves.
    #[must_use]
    pub fn into_parts(self) -> (Record, String) {
        (self.record, self.canonical)
    }
}

/// Why a line is not a record. `Display` gives the message a monitor reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct RecordError(pub String);

/// The longest id a record may have, in characters.
pub const MAX_ID: usize = 200;

/// Parses and validates one line of the interchange format. A key given twice in one
/// object is refused (a plain JSON reader keeps the last one, so
/// `"visibility":"confidential",…,"visibility":"public"` would be stored public).
pub fn parse_record(line: &str) -> Result<Parsed, RecordError> {
    let Strict(value) =
        serde_json::from_str(line).map_err(|e| RecordError(format!("malformed JSON: {e}")))?;
    parse_value(value)
}

/// A JSON value read with duplicate keys refused.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Strict(v) = map.next_value()?;
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format!(
                    "the key `{key}` appears twice in one object"
                )));
            }
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// Validates one JSON value as a record.
pub fn parse_value(value: Value) -> Result<Parsed, RecordError> {
    let Value::Object(object) = value else {
        return Err(RecordError("a record must be a JSON object".into()));
    };
    let rtype = match object.get("type") {
        Some(Value::String(t)) => RecordType::parse(t).ok_or_else(|| {
            RecordError(format!(
                "unknown record type '{t}'; expected one of {}",
                RecordType::ALL
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?,
        Some(other) => {
            return Err(RecordError(format!(
                "field `type`: expected a string, found {other}"
            )))
        }
        None => return Err(RecordError("missing field `type`".into())),
    };
    let label = match object.get("id") {
        Some(Value::String(id)) if id.chars().count() > MAX_ID => {
            return Err(RecordError(format!(
                "{rtype}: field `id` is {} characters long; an id has at most {MAX_ID}",
                id.chars().count()
            )))
        }
        Some(Value::String(id)) if id.chars().any(char::is_control) || id.trim() != id => {
            return Err(RecordError(format!(
                "{rtype}: field `id` {id:?} holds a control character or surrounding space"
            )))
        }
        Some(Value::String(id)) if !id.trim().is_empty() => format!("{rtype} '{id}'"),
        Some(Value::String(_)) => return Err(RecordError(format!("{rtype}: field `id` is empty"))),
        Some(other) => {
            return Err(RecordError(format!(
                "{rtype}: field `id`: expected a string, found {other}"
            )))
        }
        None => return Err(RecordError(format!("{rtype}: missing field `id`"))),
    };
    let value = Value::Object(object);
    let record = typed(rtype, &value).map_err(|e| RecordError(format!("{label}: {e}")))?;
    check_semantics(&record).map_err(|e| RecordError(format!("{label}: {e}")))?;
    // serde_json's map is ordered by key (no crate enables `preserve_order`; the test
    // `unknown_fields_and_partial_dates_survive_canonicalisation` would catch it), so
    // serialising gives the canonical form the log hashes.
    let canonical = serde_json::to_string(&value).expect("a Value always serialises");
    Ok(Parsed { record, canonical })
}

fn typed(rtype: RecordType, value: &Value) -> Result<Record, String> {
    fn de<'a, T: Deserialize<'a>>(value: &'a Value) -> Result<T, String> {
        serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner().to_string();
            if path == "." {
                inner
            } else {
                format!("field `{path}`: {inner}")
            }
        })
    }
    Ok(match rtype {
        RecordType::Source => Record::Source(de(value)?),
        RecordType::Place => Record::Place(de(value)?),
        RecordType::Person => Record::Person(de(value)?),
        RecordType::Announcement => Record::Announcement(de(value)?),
        RecordType::Event => Record::Event(de(value)?),
        RecordType::Figure => Record::Figure(de(value)?),
        RecordType::Merge => Record::Merge(de(value)?),
    })
}

/// Rules serde's types cannot say.
fn check_semantics(record: &Record) -> Result<(), String> {
    match record {
        Record::Person(p) => {
            if let Some(i) = p.names.iter().position(|n| n.text.trim().is_empty()) {
                return Err(format!("field `names[{i}].text` is empty"));
            }
            if let Some(ConsentField::Note(Value::Array(items))) = &p.consent {
                let bad = items
                    .iter()
                    .find(|v| v.as_str().and_then(Consent::parse).is_none())
                    .map_or_else(String::new, ToString::to_string);
                return Err(format!(
                    "field `consent`: {bad} is not one of letters, calendar"
                ));
            }
            // A name's kind is open (`native`, `transliteration`… in older files); the
            // kinds search reads specially are `NAME_KINDS`.
        }
        Record::Event(e) => {
            if e.person.trim().is_empty() {
                return Err("field `person` is empty".into());
            }
            if e.details.reason.is_some() && e.kind != EventKind::Released {
                return Err(format!(
                    "field `details.reason` belongs to a `released` event, not `{}`",
                    e.kind
                ));
            }
            check_case_details(e)?;
            if let Some(a) = &e.details.appeal {
                appeal::check_appeal(e.kind, e.date, e.details.term_months, a)?;
            }
        }
        Record::Figure(f) => {
            if !f.value.is_finite() || f.value < 0.0 {
                return Err(format!("field `value`: {} is not a count", f.value));
            }
        }
        Record::Merge(m) => {
            if m.keep.trim().is_empty() || m.merged.trim().is_empty() {
                return Err("fields `keep` and `merged` name two persons".into());
            }
            if m.keep == m.merged {
                return Err(format!(
                    "a person cannot be merged into itself ('{}')",
                    m.keep
                ));
            }
        }
        Record::Place(p) => {
            if let Some(i) = p.names.iter().position(|n| n.text.trim().is_empty()) {
                return Err(format!("field `names[{i}].text` is empty"));
            }
            if let Some(c) = p.coordinates {
                if !(-90.0..=90.0).contains(&c.lat) || !(-180.0..=180.0).contains(&c.lon) {
                    return Err(format!(
                        "field `coordinates`: ({}, {}) is not a latitude in -90..90 and a longitude in -180..180",
                        c.lat, c.lon
                    ));
                }
            }
        }
        Record::Source(_) | Record::Announcement(_) => {}
    }
    Ok(())
}

#[path = "record_appeal.rs"]
mod appeal;
pub use appeal::{Appeal, AppealOutcome};

#[path = "record_rules.rs"]
mod rules;
use rules::check_case_details;

#[path = "record_stored.rs"]
mod stored;
pub use stored::{event_details_of, person_letters_of, LettersOf, KINDS_WITH_CASE_DETAILS};

#[cfg(test)]
#[path = "record_case_tests.rs"]
mod case_tests;

#[cfg(test)]
#[path = "record_tests.rs"]
mod tests;
