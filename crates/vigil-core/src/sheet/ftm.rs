//! The registry as FollowTheMoney entities (JSON Lines), for the field's other tools
//! (Aleph, OpenSanctions' tooling, `ftm validate`): a `Person` per person (names, the
//! patronymic as `fatherName`, birth date, gender, country), an `Event` per custody event
//! (involving its person, at its place), a `CourtCase` and its `CourtCaseParty` per
//! sentence, an `Article` per source with a `Documentation` linking it to what it
//! documents, a `PublicBody` per place of detention and per announcement's issuer, and an
//! `Event` per announcement. Figures and merges have no FtM form and are left out. A
//! place or an issuer named by several records is one entity: the writer keeps the first.

use serde_json::{json, Value};
use unicode_normalization::UnicodeNormalization;

use crate::names;
use crate::record::{Record, RecordType};

/// An entity's id: `vigil-TYPE-ID`, or a digest of the record's id when it has
/// characters an FtM id may not (FtM drops references to such ids).
fn id(t: &str, rid: &str) -> String {
    if rid
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        format!("vigil-{t}-{rid}")
    } else {
        named_id(t, rid)
    }
}

/// The id of an entity named only by its text (a place, an issuer): a digest of it.
fn named_id(t: &str, name: &str) -> String {
    format!(
        "vigil-{t}-{}",
        &crate::chain::Hash::of_body(name).to_hex()[..16]
    )
}

fn entity(id: &str, schema: &str, properties: Value) -> Value {
    let Value::Object(props) = properties else {
        return json!({ "id": id, "schema": schema, "properties": {} });
    };
    // FtM properties are lists of strings; empty ones are left out.
    let props: serde_json::Map<String, Value> = props
        .into_iter()
        .filter_map(|(k, v)| {
            let texts: Vec<String> = match v {
                Value::Array(a) => a
                    .into_iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect(),
                Value::String(s) => vec![s],
                _ => Vec::new(),
            };
            // A value once, in Unicode's composed form: FtM keeps sets of NFC text.
            let mut seen = std::collections::HashSet::new();
            let list: Vec<Value> = texts
                .into_iter()
                .map(|t| t.trim().nfc().collect::<String>())
                .filter(|t| !t.is_empty() && seen.insert(t.clone()))
                .map(Value::String)
                .collect();
            (!list.is_empty()).then_some((k, Value::Array(list)))
        })
        .collect();
    json!({ "id": id, "schema": schema, "properties": props })
}

/// The patronymic of a name of three or more words, if it has one.
fn father_name(name: &str) -> Option<String> {
    let tokens = names::analyse(name);
    let words = names::split(name);
    let at = names::patronymic_position(&tokens)?;
    words.get(at).cloned()
}

/// The FtM entities of one record (none for a figure or a merge); `stored` is its JSON
/// as stored, for the details vigil keeps without reading them (place, articles).
#[must_use]
pub fn entities(record: &Record, stored: &Value) -> Vec<Value> {
    let detail = |key: &str| -> Option<String> {
        match stored.get("details")?.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Array(a) => Some(
                a.iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            other => Some(other.to_string()),
        }
    };
    match record {
        Record::Person(p) => {
            let names: Vec<String> = p.names.iter().map(|n| n.text.clone()).collect();
            let fathers: Vec<String> = names.iter().filter_map(|n| father_name(n)).collect();
            let (first, rest) = names
                .split_first()
                .map_or((Vec::new(), Vec::new()), |(f, r)| {
                    (vec![f.clone()], r.to_vec())
                });
            vec![entity(
                &id("person", &p.id),
                "Person",
                json!({
                    "name": if first.is_empty() { vec![p.id.clone()] } else { first },
                    "alias": rest,
                    "fatherName": fathers,
                    "birthDate": p.birth_date.map(|d| d.to_string()).unwrap_or_default(),
                    "gender": p.sex.map(crate::record::Sex::as_str).filter(|s| matches!(*s, "male" | "female" | "other")).unwrap_or_default(),
                    "country": p.country.as_deref().map(str::to_lowercase).unwrap_or_default(),
                    "address": p.region.clone().unwrap_or_default(),
                }),
            )]
        }
        Record::Event(e) => {
            let mut out = Vec::new();
            let event_id = id("event", &e.id);
            // A transfer's place is a place record (its own entity); other events may
            // carry a place as text.
            let place = detail("place").filter(|_| e.kind != crate::record::EventKind::Transferred);
            if let Some(p) = &place {
                out.push(entity(
                    &named_id("place", p),
                    "PublicBody",
                    json!({ "name": p }),
                ));
            }
            out.push(entity(
                &event_id,
                "Event",
                json!({
                    "name": e.kind.as_str().replace('_', " "),
                    "date": e.date.to_string(),
                    "involved": [id("person", &e.person)],
                    "location": place.clone().unwrap_or_default(),
                    "summary": e.details.reason.map(|r| r.as_str().replace('_', " ")).unwrap_or_default(),
                }),
            ));
            if e.kind == crate::record::EventKind::Sentenced {
                let case_id = id("case", &e.id);
                out.push(entity(
                    &case_id,
                    "CourtCase",
                    json!({
                        "name": format!("sentence of {}", e.person),
                        "closeDate": e.date.to_string(),
                        "category": detail("articles").unwrap_or_default(),
                    }),
                ));
                out.push(entity(
                    &id("party", &e.id),
                    "CourtCaseParty",
                    json!({ "party": [id("person", &e.person)], "case": [case_id], "role": "defendant" }),
                ));
            }
            for s in &e.sources {
                out.push(entity(
                    &id("doc", &format!("{}-{s}", e.id)),
                    "Documentation",
                    json!({ "document": [id("source", s)], "entity": [event_id.clone()], "role": "source" }),
                ));
            }
            out
        }
        Record::Source(s) => vec![entity(
            &id("source", &s.id),
            "Article",
            json!({
                "title": s.title.clone().or_else(|| s.publisher.clone()).unwrap_or_else(|| s.id.clone()),
                "publisher": s.publisher.clone().unwrap_or_default(),
                "sourceUrl": s.url.clone().unwrap_or_default(),
                "publishedAt": s.published.map(|d| d.to_string()).unwrap_or_default(),
            }),
        )],
        Record::Announcement(a) => {
            let mut out = Vec::new();
            let mut organizer = Vec::new();
            if let Some(i) = &a.issuer {
                // One body per issuer and country: the same name in two countries is two.
                let body = named_id(
                    "issuer",
                    &format!("{}\n{i}", a.country.as_deref().unwrap_or("")),
                );
                out.push(entity(&body, "PublicBody", json!({ "name": i, "country": a.country.as_deref().map(str::to_lowercase).unwrap_or_default() })));
                organizer.push(body);
            }
            let event_id = id("announcement", &a.id);
            out.push(entity(
                &event_id,
                "Event",
                json!({
                    "name": format!("{} announcement", a.kind.as_str()),
                    "date": a.date.to_string(),
                    "country": a.country.as_deref().map(str::to_lowercase).unwrap_or_default(),
                    "organizer": organizer,
                    "summary": a.total.map(|t| format!("{t} persons")).unwrap_or_default(),
                }),
            ));
            for s in &a.sources {
                out.push(entity(
                    &id("doc", &format!("{}-{s}", a.id)),
                    "Documentation",
                    json!({ "document": [id("source", s)], "entity": [event_id.clone()], "role": "source" }),
                ));
            }
            out
        }
        Record::Place(pl) => vec![entity(
            &id("place", &pl.id),
            "PublicBody",
            json!({
                "name": if pl.names.is_empty() { vec![pl.id.clone()] } else { pl.names.iter().map(|n| n.text.clone()).collect() },
                "country": pl.country.as_deref().map(str::to_lowercase).unwrap_or_default(),
                "address": pl.address.clone().unwrap_or_default(),
                "classification": pl.kind.as_str(),
            }),
        )],
        Record::Figure(_) | Record::Merge(_) => Vec::new(),
    }
}

/// The record types whose FtM entities an export writes, in an order where every
/// reference points backwards.
pub const TYPES: [RecordType; 5] = [
    RecordType::Source,
    RecordType::Place,
    RecordType::Person,
    RecordType::Announcement,
    RecordType::Event,
];
