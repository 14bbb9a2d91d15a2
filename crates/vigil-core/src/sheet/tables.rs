//! The registry as tables, one per record type, and back: what `vigil export --format
//! csv|xlsx` writes and `vigil import` of such an export reads. Every field of a record
//! has its column (lists and objects as compact JSON), and an `extra` column keeps any
//! field a record carries beyond them, so export → import → export gives the same tables.
//! The data dictionary says what each column holds.

use serde_json::{Map, Value};

use crate::record::RecordType;

/// How a column's cells are written and read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Text,
    Number,
    Bool,
    /// A list or an object, as compact JSON.
    Json,
}

/// A column: its header (the record's field name), how it is written, what it means.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub cell: Cell,
    pub meaning: &'static str,
}

const fn col(name: &'static str, cell: Cell, meaning: &'static str) -> Column {
    Column {
        name,
        cell,
        meaning,
    }
}

/// The table of a record type and its columns, `extra` last.
#[must_use]
pub fn columns(t: RecordType) -> &'static [Column] {
    match t {
        RecordType::Source => SOURCE,
        RecordType::Place => PLACE,
        RecordType::Person => PERSON,
        RecordType::Announcement => ANNOUNCEMENT,
        RecordType::Event => EVENT,
        RecordType::Figure => FIGURE,
        RecordType::Merge => MERGE,
    }
}

const SOURCE: &[Column] = &[
    col("id", Cell::Text, "the source's id"),
    col(
        "publisher",
        Cell::Text,
        "who published it (Viasna, RFE/RL, a court…)",
    ),
    col("title", Cell::Text, "its title"),
    col("url", Cell::Text, "where it is"),
    col(
        "published",
        Cell::Text,
        "when it was published: YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    col(
        "extra",
        Cell::Json,
        "any other field the record carries, as JSON",
    ),
];

const PLACE: &[Column] = &[
    col("id", Cell::Text, "the place's id"),
    col(
        "names",
        Cell::Json,
        "its names: [{\"text\", \"lang\"?}] in be, ru, en",
    ),
    col(
        "kind",
        Cell::Text,
        "ivs, sizo, colony, prison, psychiatric or other",
    ),
    col("country", Cell::Text, "ISO 3166 code, e.g. BY"),
    col("region", Cell::Text, "region as recorded"),
    col(
        "address",
        Cell::Text,
        "the postal address letters are sent to",
    ),
    col(
        "coordinates",
        Cell::Json,
        "{\"lat\", \"lon\"} in degrees, if known",
    ),
    col("sources", Cell::Json, "ids of the sources"),
    col(
        "extra",
        Cell::Json,
        "any other field the record carries, as JSON",
    ),
];

const PERSON: &[Column] = &[
    col("id", Cell::Text, "the person's id"),
    col(
        "names",
        Cell::Json,
        "every spelling: [{\"text\", \"lang\"?, \"script\"?, \"kind\"?}]",
    ),
    col("sex", Cell::Text, "female, male, other or unknown"),
    col("birth_date", Cell::Text, "YYYY, YYYY-MM or YYYY-MM-DD"),
    col("country", Cell::Text, "ISO 3166 code, e.g. BY"),
    col("region", Cell::Text, "region as recorded"),
    col(
        "roles",
        Cell::Json,
        "list of roles (journalist, lawyer…); [] when known to have none",
    ),
    col(
        "health",
        Cell::Json,
        "list of disability, chronic_illness; [] when known to have neither",
    ),
    col("prominent", Cell::Bool, "true for a widely known person"),
    col(
        "visibility",
        Cell::Text,
        "public, restricted or confidential",
    ),
    col(
        "extra",
        Cell::Json,
        "any other field the record carries, as JSON",
    ),
];

const ANNOUNCEMENT: &[Column] = &[
    col("id", Cell::Text, "the announcement's id"),
    col(
        "kind",
        Cell::Text,
        "pardon, amnesty, release or recognition",
    ),
    col("date", Cell::Text, "when it was announced"),
    col("country", Cell::Text, "ISO 3166 code"),
    col("issuer", Cell::Text, "who announced it"),
    col("total", Cell::Number, "how many persons it names or counts"),
    col(
        "breakdown",
        Cell::Json,
        "counts by group: {\"women\": N, \"minors\": N…}",
    ),
    col(
        "names_disclosed",
        Cell::Bool,
        "whether the names were published",
    ),
    col("claims", Cell::Json, "the issuer's statements, as claims"),
    col("sources", Cell::Json, "ids of the sources"),
    col(
        "extra",
        Cell::Json,
        "any other field the record carries, as JSON",
    ),
];

const EVENT: &[Column] = &[
        col("id", Cell::Text, "the event's id"),
        col("person", Cell::Text, "the person's id"),
        col("kind", Cell::Text, "detained, charged, sentenced, recognized, recognition_withdrawn, transferred, conditions, released, pardoned, exiled, harassed, died_in_custody, disappeared"),
        col("date", Cell::Text, "YYYY, YYYY-MM or YYYY-MM-DD"),
        col("announcement", Cell::Text, "the announcement it was part of, if any"),
        col("sources", Cell::Json, "ids of the sources"),
        col("confidence", Cell::Text, "confirmed, reported or alleged"),
        col("visibility", Cell::Text, "public, restricted or confidential"),
        col("details", Cell::Json, "kind-specific details: reason, term_months, by, place, articles…"),
        col("extra", Cell::Json, "any other field the record carries, as JSON"),
];

const FIGURE: &[Column] = &[
    col("id", Cell::Text, "the figure's id"),
    col(
        "metric",
        Cell::Text,
        "what was counted, e.g. political_prisoners_held",
    ),
    col("value", Cell::Number, "the number reported"),
    col(
        "qualifier",
        Cell::Text,
        "exact, approximately, at_least, more_than or up_to",
    ),
    col("as_of", Cell::Text, "the day it counts to"),
    col("country", Cell::Text, "ISO 3166 code"),
    col("sources", Cell::Json, "ids of the sources"),
    col(
        "extra",
        Cell::Json,
        "any other field the record carries, as JSON",
    ),
];

const MERGE: &[Column] = &[
    col("id", Cell::Text, "the merge's id"),
    col("keep", Cell::Text, "the person kept"),
    col("merged", Cell::Text, "the person merged into it"),
    col(
        "extra",
        Cell::Json,
        "any other field the record carries, as JSON",
    ),
];

/// A table's name: the type's plural (`persons`, `events`…).
#[must_use]
pub fn table_name(t: RecordType) -> &'static str {
    match t {
        RecordType::Source => "sources",
        RecordType::Place => "places",
        RecordType::Person => "persons",
        RecordType::Announcement => "announcements",
        RecordType::Event => "events",
        RecordType::Figure => "figures",
        RecordType::Merge => "merges",
    }
}

/// The record type of a table name.
#[must_use]
pub fn type_of_table(name: &str) -> Option<RecordType> {
    RecordType::ALL
        .iter()
        .copied()
        .find(|&t| table_name(t) == name.trim().to_lowercase())
}

/// The record type whose table has exactly `header` (an export's CSV file read alone).
#[must_use]
pub fn type_of_header(header: &[String]) -> Option<RecordType> {
    RecordType::ALL.iter().copied().find(|&t| {
        let names = columns(t);
        names.len() == header.len() && names.iter().zip(header).all(|(c, h)| c.name == h.trim())
    })
}

/// Whether a file's bytes are an export's tables rather than a list of persons: a
/// workbook with a sheet named after a table whose first column is `id`, or one table's
/// CSV (its header exactly the table's columns).
#[must_use]
pub fn is_export(bytes: &[u8], format: super::read::Format) -> bool {
    use super::read::{rows, sheets, Format};
    match format {
        Format::Csv => rows(bytes, Format::Csv)
            .ok()
            .and_then(|r| r.first().and_then(|h| type_of_header(h)))
            .is_some(),
        Format::Xlsx | Format::Ods => sheets(bytes, format).is_ok_and(|all| {
            all.iter().any(|(n, rows)| {
                type_of_table(n).is_some()
                    && rows
                        .first()
                        .is_some_and(|h| h.first().is_some_and(|c| c == "id"))
            })
        }),
    }
}

/// One table: its header and rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Empty tables for every type, with their headers.
#[must_use]
pub fn empty() -> Vec<(RecordType, Table)> {
    RecordType::ALL
        .iter()
        .map(|&t| {
            (
                t,
                Table {
                    header: columns(t).iter().map(|c| c.name.to_string()).collect(),
                    rows: Vec::new(),
                },
            )
        })
        .collect()
}

/// A record's row in its table. `body` is its stored JSON.
pub fn row(t: RecordType, body: &str) -> Result<Vec<String>, String> {
    let Value::Object(mut o) = serde_json::from_str(body).map_err(|e| e.to_string())? else {
        return Err("a record is not a JSON object".into());
    };
    o.remove("type");
    let mut cells = Vec::new();
    for c in columns(t) {
        if c.name == "extra" {
            cells.push(if o.is_empty() {
                String::new()
            } else {
                Value::Object(std::mem::take(&mut o)).to_string()
            });
            continue;
        }
        cells.push(match o.remove(c.name) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) if c.cell == Cell::Text => s,
            Some(v @ (Value::Number(_) | Value::Bool(_))) if c.cell != Cell::Json => v.to_string(),
            Some(v) => v.to_string(),
        });
    }
    Ok(cells)
}

/// A row of a table back as a record's JSON line; refused with the column that is wrong.
pub fn record(
    t: RecordType,
    header: &[String],
    cells: &[String],
) -> Result<String, (String, String)> {
    let mut o = Map::new();
    o.insert("type".into(), t.as_str().into());
    for (h, text) in header.iter().zip(cells) {
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            continue;
        }
        let Some(c) = columns(t).iter().find(|c| c.name == h.trim()) else {
            return Err((h.clone(), format!("not a column of {}", table_name(t))));
        };
        let bad = |e: &dyn std::fmt::Display| (h.clone(), format!("'{text}': {e}"));
        let value: Value = match c.cell {
            Cell::Text => Value::String(text.to_string()),
            Cell::Number | Cell::Bool | Cell::Json => {
                serde_json::from_str(text).map_err(|e| bad(&e))?
            }
        };
        if c.name == "extra" {
            let Value::Object(extra) = value else {
                return Err(bad(&"not a JSON object"));
            };
            for (k, v) in extra {
                o.entry(k).or_insert(v);
            }
        } else {
            o.insert(c.name.into(), value);
        }
    }
    Ok(Value::Object(o).to_string())
}

/// The data dictionary: (table, column, meaning) for every column.
#[must_use]
pub fn dictionary() -> Vec<[String; 3]> {
    RecordType::ALL
        .iter()
        .flat_map(|&t| {
            columns(t).iter().map(move |c| {
                [
                    table_name(t).to_string(),
                    c.name.to_string(),
                    c.meaning.to_string(),
                ]
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_survives_its_row() {
        let bodies = [
            (
                RecordType::Person,
                r#"{"birth_date":"1962-09","country":"BY","id":"p1","names":[{"lang":"be","text":"Алесь, \"Бяляцкі\""}],"prominent":true,"roles":[],"type":"person","unknown_field":{"a":1},"visibility":"restricted"}"#,
            ),
            (
                RecordType::Event,
                r#"{"date":"2021-07-14","details":{"place":"ИК-15","term_months":36},"id":"e1","kind":"sentenced","person":"p1","sources":["s1"],"type":"event"}"#,
            ),
            (
                RecordType::Figure,
                r#"{"as_of":"2024-01-01","id":"f1","metric":"political_prisoners_held","qualifier":"approximately","type":"figure","value":1100.5}"#,
            ),
            (
                RecordType::Announcement,
                r#"{"breakdown":{"women":5},"date":"2024-07-03","id":"a1","kind":"pardon","names_disclosed":false,"total":18,"type":"announcement"}"#,
            ),
        ];
        for (t, body) in bodies {
            let header: Vec<String> = columns(t).iter().map(|c| c.name.to_string()).collect();
            let cells = row(t, body).unwrap();
            let back = record(t, &header, &cells).unwrap();
            let a: Value = serde_json::from_str(body).unwrap();
            let b: Value = serde_json::from_str(&back).unwrap();
            assert_eq!(a, b, "{t:?}");
        }
    }
}
