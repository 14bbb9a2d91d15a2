//! The inputs of case facts and places that are not one value at one path: where a
//! transfer took the person (a place picked by name, or in transit, or the address being
//! clarified — three fields of the record, one choice in the form), a place's name in one
//! language (one entry of `names`), coordinates written as a map shows them ("53.90,
//! 27.56"). How each is shown and written back; `mod.rs` calls these first.

use serde_json::{json, Map, Value};

use vigil_core::date::PartialDate;

use super::{at, Field, Input, Problem};

/// The form's value for a transfer in transit and for one whose address is unknown.
pub(crate) const IN_TRANSIT: &str = "in_transit";
pub(crate) const ADDRESS_UNKNOWN: &str = "address_unknown";

/// One write into a record.
pub(super) enum Write {
    At(&'static [&'static str], Option<Value>),
    /// The text of the name in this language (the first such), `None` to remove it.
    Name(&'static str, Option<String>),
}

/// What the form shows for the inputs of this file; `None` for every other input.
pub(super) fn shown(f: &Field, v: &Value) -> Option<String> {
    match f.input {
        Input::Destination => {
            let d = &v["details"];
            Some(if d["in_transit"].as_bool() == Some(true) {
                IN_TRANSIT.into()
            } else if d["address_unknown"].as_bool() == Some(true) {
                ADDRESS_UNKNOWN.into()
            } else {
                d["place"].as_str().unwrap_or("").to_string()
            })
        }
        Input::NameIn(lang) => Some(name_in(v, lang).unwrap_or_default()),
        Input::Coordinates => Some(match at(v, f.path) {
            Some(c) if c.is_object() => format!("{}, {}", c["lat"], c["lon"]),
            _ => String::new(),
        }),
        _ => None,
    }
}

/// The text of a record's first name in `lang`.
pub(crate) fn name_in(v: &Value, lang: &str) -> Option<String> {
    v["names"].as_array()?.iter().find_map(|n| {
        (n["lang"].as_str() == Some(lang))
            .then(|| n["text"].as_str().map(str::to_string))
            .flatten()
    })
}

/// The writes a posted value makes for the inputs of this file; `None` for others.
pub(super) fn writes(f: &Field, text: &str) -> Option<Result<Vec<Write>, Problem>> {
    let t = text.trim();
    Some(match f.input {
        Input::Destination => {
            let flag = |on: bool| on.then_some(Value::Bool(true));
            let place = (![IN_TRANSIT, ADDRESS_UNKNOWN, ""].contains(&t)).then(|| t.into());
            Ok(vec![
                Write::At(&["details", "place"], place),
                Write::At(&["details", "in_transit"], flag(t == IN_TRANSIT)),
                Write::At(&["details", "address_unknown"], flag(t == ADDRESS_UNKNOWN)),
            ])
        }
        Input::NameIn(lang) => Ok(vec![Write::Name(
            lang,
            (!t.is_empty()).then(|| t.to_string()),
        )]),
        Input::Coordinates if t.is_empty() => Ok(vec![Write::At(f.path, None)]),
        Input::Coordinates => coordinates(t)
            .map(|(lat, lon)| vec![Write::At(f.path, Some(json!({"lat": lat, "lon": lon})))])
            .ok_or(Problem::Coordinates),
        _ => return None,
    })
}

/// "53.9023, 27.5619", "53.9023 27.5619", "53,9023; 27,5619" or "53,9023, 27,5619" as
/// latitude and longitude in degrees; `None` when it is not two numbers in range.
pub(crate) fn coordinates(t: &str) -> Option<(f64, f64)> {
    let t = t.replace(['(', ')'], "");
    let parts: Vec<String> = if t.contains(';') {
        t.split(';').map(str::to_string).collect()
    } else {
        match t.matches(',').count() {
            0 => t.split_whitespace().map(str::to_string).collect(),
            1 => t.split(',').map(str::to_string).collect(),
            // Decimal commas: the numbers are parted by a comma and a space.
            _ => t.split(", ").map(str::to_string).collect(),
        }
    };
    let [lat, lon] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str| s.trim().replace(',', ".").parse::<f64>().ok();
    let (lat, lon) = (num(lat)?, num(lon)?);
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

/// Writes the name in `lang`: its first entry's text replaced, removed when emptied, or
/// a new entry added; the other names stay as stored.
pub(super) fn write_name(o: &mut Map<String, Value>, lang: &str, text: Option<String>) {
    let mut names: Vec<Value> = o
        .get("names")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let found = names.iter().position(|n| n["lang"].as_str() == Some(lang));
    match (found, text) {
        (Some(i), Some(t)) => names[i]["text"] = t.into(),
        (Some(i), None) => {
            names.remove(i);
        }
        (None, Some(t)) => names.push(json!({"text": t, "lang": lang})),
        (None, None) => {}
    }
    if names.is_empty() {
        o.remove("names");
    } else {
        o.insert("names".into(), names.into());
    }
}

/// What is wrong across an event's case fields, to mark beside the field: a term added
/// to another (`extends`) needs the term.
pub(crate) fn event_problems(record: &Value) -> Vec<(&'static str, Problem)> {
    let d = &record["details"];
    let mut out = Vec::new();
    if record["kind"] == "sentenced"
        && d["extends"].as_bool() == Some(true)
        && d["term_months"].is_null()
    {
        out.push(("term", Problem::Missing));
    }
    if record["kind"] == "sentenced" {
        out.extend(appeal_problems(record));
    }
    out
}

/// What is wrong with a verdict's appeal (`vigil_core::record::Appeal`'s rules): a
/// reduced or increased term needs the term after it, below or above the verdict's; no
/// other outcome has one; the ruling is not before the verdict.
fn appeal_problems(record: &Value) -> Vec<(&'static str, Problem)> {
    let d = &record["details"];
    let a = &d["appeal"];
    let mut out = Vec::new();
    let outcome = a["outcome"].as_str().unwrap_or("pending");
    let after = a["term_months"].as_u64();
    let changes = matches!(outcome, "reduced" | "increased");
    if changes && after.is_none() {
        out.push(("appeal_term", Problem::Missing));
    }
    if !changes && after.is_some() {
        out.push(("appeal_term", Problem::AppealTerm));
    }
    if !changes && !a["regime"].is_null() {
        out.push(("appeal_regime", Problem::AppealTerm));
    }
    if let (Some(before), Some(after)) = (d["term_months"].as_u64(), after) {
        if (outcome == "reduced" && after >= before) || (outcome == "increased" && after <= before)
        {
            out.push(("appeal_term", Problem::AppealTerm));
        }
    }
    let day = |v: &Value| v.as_str().and_then(|t| t.parse::<PartialDate>().ok());
    if let (Some(verdict), Some(ruling)) = (day(&record["date"]), day(&a["date"])) {
        if ruling.range().hi < verdict.range().lo {
            out.push(("appeal_date", Problem::AppealDate));
        }
    }
    out
}
