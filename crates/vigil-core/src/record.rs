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
    RecordType { Source = "source", Person = "person", Announcement = "announcement", Event = "event", Figure = "figure", Merge = "merge" }
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
string_enum!(AnnouncementKind { Pardon = "pardon", Amnesty = "amnesty", Release = "release", Recognition = "recognition" });
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
            Record::Source(_) | Record::Announcement(_) | Record::Figure(_) => Visibility::Public,
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
            Record::Merge(m) => vec![
                (RecordType::Person, m.keep.as_str(), "keep"),
                (RecordType::Person, m.merged.as_str(), "merged"),
            ],
            Record::Event(e) => {
                let mut refs = vec![(RecordType::Person, e.person.as_str(), "person")];
                if let Some(a) = &e.announcement {
                    refs.push((RecordType::Announcement, a.as_str(), "announcement"));
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
            for (i, n) in p.names.iter().enumerate() {
                if let Some(k) = n.kind.as_deref() {
                    if !NAME_KINDS.contains(&k) {
                        return Err(format!(
                            "field `names[{i}].kind`: unknown name kind `{k}`; expected one of {}",
                            NAME_KINDS.join(", ")
                        ));
                    }
                }
            }
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
        Record::Source(_) | Record::Announcement(_) => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTRACT_EXAMPLE: &str = r#"{"type":"source","id":"s1","publisher":"RFE/RL","title":"Belarus Issues New Pardons","url":"https://example.org/a","published":"2024-12-09"}
{"type":"person","id":"p1","names":[{"text":"Ales Bialiatski"},{"text":"Алесь Бяляцкі","lang":"be"}],"sex":"male","birth_date":"1962-09-25","country":"BY","region":"Minsk","roles":["human_rights_defender"],"health":["chronic_illness"],"prominent":true,"visibility":"public"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-07-14","sources":["s1"]}
{"type":"event","id":"e2","person":"p1","kind":"recognized","date":"2021-07","details":{"by":"Viasna"}}
{"type":"event","id":"e3","person":"p1","kind":"sentenced","date":"2023-03-03","details":{"term_months":120,"articles":["228"]}}
{"type":"event","id":"e4","person":"p1","kind":"released","date":"2025-12-13","details":{"reason":"deported"}}
{"type":"announcement","id":"a1","kind":"pardon","date":"2024-12-09","country":"BY","issuer":"Presidential administration","total":29,"breakdown":{"women":11,"men":18,"under_25":6,"pensioners":3,"disabled":2,"chronic_illness":15},"names_disclosed":false,"claims":["All of those released repented for their actions"],"sources":["s1"]}
{"type":"event","id":"e5","person":"p2","kind":"pardoned","date":"2024-12-09","announcement":"a1"}
{"type":"figure","id":"f1","metric":"political_prisoners_held","value":1300,"qualifier":"approximately","as_of":"2024-12-09","country":"BY","sources":["s1"]}"#;

    #[test]
    fn every_line_of_the_contract_example_parses() {
        let types: Vec<_> = CONTRACT_EXAMPLE
            .lines()
            .map(|l| parse_record(l).unwrap().record.record_type().as_str())
            .collect();
        assert_eq!(
            types,
            [
                "source",
                "person",
                "event",
                "event",
                "event",
                "event",
                "announcement",
                "event",
                "figure"
            ]
        );
    }

    #[test]
    fn unknown_fields_and_partial_dates_survive_canonicalisation() {
        let p = parse_record(r#"{"zeta":{"b":1,"a":[1,2]},"type":"event","id":"e2","person":"p1","kind":"recognized","date":"2021-07","details":{"by":"Viasna","x":true}}"#).unwrap();
        assert_eq!(
            p.canonical,
            r#"{"date":"2021-07","details":{"by":"Viasna","x":true},"id":"e2","kind":"recognized","person":"p1","type":"event","zeta":{"a":[1,2],"b":1}}"#
        );
        let Record::Event(e) = p.record else { panic!() };
        assert_eq!(e.date.to_string(), "2021-07");
    }

    #[test]
    fn bad_records_name_the_field_and_the_value() {
        for (line, expected) in [
            (r#"{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2024-13-01"}"#,
             "event 'e1': field `date`: date '2024-13-01' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD"),
            (r#"{"type":"event","id":"e1","person":"p1","kind":"arrested","date":"2024"}"#,
             "event 'e1': field `kind`: unknown variant `arrested`"),
            (r#"{"type":"event","id":"e1","person":"p1","kind":"released","date":"2024","details":{"reason":"escape"}}"#,
             "field `details.reason`: unknown variant `escape`"),
            (r#"{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2024","details":{"reason":"pardon"}}"#,
             "field `details.reason` belongs to a `released` event, not `detained`"),
            (r#"{"type":"event","id":"e1","kind":"detained","date":"2024"}"#, "event 'e1': missing field `person`"),
            (r#"{"type":"person","id":"p1","sex":"mal"}"#, "person 'p1': field `sex`: unknown variant `mal`"),
            (r#"{"type":"person","id":"p1","visibility":"secret"}"#, "field `visibility`: unknown variant `secret`"),
            (r#"{"type":"person","id":"p1","health":["flu"]}"#, "field `health[0]`: unknown variant `flu`"),
            (r#"{"type":"person","id":"p1","birth_date":"1962-02-30"}"#, "date '1962-02-30' is not a date"),
            (r#"{"type":"person","id":"p1","names":[{"text":" "}]}"#, "field `names[0].text` is empty"),
            (r#"{"type":"person","id":"p1","names":[{"text":"A B"},{"text":"C","kind":"nick"}]}"#,
             "field `names[1].kind`: unknown name kind `nick`; expected one of maiden, married, pen, alias"),
            (r#"{"type":"announcement","id":"a1","kind":"mercy","date":"2024"}"#, "field `kind`: unknown variant `mercy`"),
            (r#"{"type":"announcement","id":"a1","kind":"pardon","date":"2024","total":-3}"#, "field `total`: invalid value: integer `-3`"),
            (r#"{"type":"announcement","id":"a1","kind":"pardon","date":"2024","breakdown":{"women":"many"}}"#, "field `breakdown.women`: invalid type: string \"many\""),
            (r#"{"type":"figure","id":"f1","metric":"m","value":1,"qualifier":"roughly","as_of":"2024"}"#, "field `qualifier`: unknown variant `roughly`"),
            (r#"{"type":"figure","id":"f1","metric":"m","value":-1,"as_of":"2024"}"#, "field `value`: -1 is not a count"),
            (r#"{"type":"source","id":"s1","published":"yesterday"}"#, "field `published`: date 'yesterday' is not a date"),
            (r#"{"type":"prisoner","id":"x"}"#, "unknown record type 'prisoner'; expected one of source, person, announcement, event, figure"),
            (r#"{"id":"x"}"#, "missing field `type`"),
            (r#"{"type":"person"}"#, "person: missing field `id`"),
            (r#"{"type":"person","id":""}"#, "person: field `id` is empty"),
            (r#"{"type":"person","id":7}"#, "person: field `id`: expected a string, found 7"),
            (r"[1,2]", "a record must be a JSON object"),
            (r#"{"type":"person","id":"p1""#, "malformed JSON: EOF while parsing an object"),
        ] {
            let err = parse_record(line).unwrap_err().to_string();
            assert!(err.contains(expected), "for {line}\n got: {err}\n want: {expected}");
        }
    }
}
