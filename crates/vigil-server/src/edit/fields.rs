//! What a person's or an event's form shows, and how a post is written back: a form
//! writes into the stored record (at the version it was opened at) only the fields whose
//! posted value differs from what it showed, so names in other scripts, region, roles,
//! health, details and unknown fields stay as stored. Pure (no IO), tested by tables.
//!
//! A cut the review did not make: split out of `pages.rs` so the rule and its tests sit
//! apart from the HTML, and `pages.rs` stays under 800 lines.

use serde_json::{json, Value};

/// The person fields the form shows, each as the form shows it for `v` (a stored record,
/// or a new one's skeleton). A save compares what comes back with these, so a field the
/// form cannot show exactly (a sex of "unknown", a visibility left out) is not rewritten.
pub(crate) fn person_shown(v: &Value) -> Vec<(&'static str, String)> {
    let sex = string(v, "sex");
    vec![
        (
            "name",
            v["names"]
                .get(0)
                .and_then(|n| n["text"].as_str())
                .unwrap_or("")
                .to_string(),
        ),
        ("country", string(v, "country")),
        (
            "sex",
            if ["female", "male", "other"].contains(&sex.as_str()) {
                sex
            } else {
                String::new()
            },
        ),
        ("birth_date", string(v, "birth_date")),
        ("visibility", visibility(v)),
    ]
}

/// The event fields the form shows (see [`person_shown`]); sources as a comma list.
pub(crate) fn event_shown(v: &Value) -> Vec<(&'static str, String)> {
    let sources = v["sources"].as_array().map_or_else(String::new, |s| {
        s.iter()
            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", ")
    });
    vec![
        ("person", string(v, "person")),
        ("kind", string(v, "kind")),
        ("date", string(v, "date")),
        ("sources", sources),
        ("visibility", visibility(v)),
    ]
}

pub(crate) fn string(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or("").to_string()
}

fn visibility(v: &Value) -> String {
    v.get("visibility")
        .and_then(Value::as_str)
        .unwrap_or("public")
        .to_string()
}

/// Writes into a stored record the fields whose posted value differs from what the form
/// showed; a field emptied is removed. Fields the form does not show, or that the post
/// leaves out, stay exactly as stored (unknown fields too).
pub(crate) fn merge_posted(
    record: &mut Value,
    shown: &[(&'static str, String)],
    posted: &std::collections::HashMap<String, String>,
    put: fn(&mut serde_json::Map<String, Value>, &str, String),
) {
    let Some(o) = record.as_object_mut() else {
        return;
    };
    for (k, was) in shown {
        let Some(now) = posted.get(*k).map(|v| v.trim().to_string()) else {
            continue;
        };
        if now != was.trim() {
            put(o, k, now);
        }
    }
}

/// A changed person field: the name is the first name's text (its script and kind, and
/// the other names, stay).
pub(crate) fn put_person_field(o: &mut serde_json::Map<String, Value>, k: &str, value: String) {
    if k != "name" {
        return put_field(o, k, value);
    }
    match o.get_mut("names") {
        Some(Value::Array(names)) if value.is_empty() => {
            if !names.is_empty() {
                names.remove(0);
            }
        }
        Some(Value::Array(names)) => match names.first_mut().and_then(Value::as_object_mut) {
            Some(first) => {
                first.insert("text".into(), value.into());
            }
            None => names.insert(0, json!({ "text": value })),
        },
        _ if value.is_empty() => {}
        _ => {
            o.insert("names".into(), json!([{ "text": value }]));
        }
    }
}

/// A changed event field: sources are a comma list.
pub(crate) fn put_event_field(o: &mut serde_json::Map<String, Value>, k: &str, value: String) {
    if k == "sources" && !value.is_empty() {
        let list: Vec<Value> = value
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Value::from)
            .collect();
        o.insert(k.into(), list.into());
    } else {
        put_field(o, k, value);
    }
}

fn put_field(o: &mut serde_json::Map<String, Value>, k: &str, value: String) {
    if value.is_empty() {
        o.remove(k);
    } else {
        o.insert(k.into(), value.into());
    }
}

pub(crate) fn shown_value<'a>(shown: &'a [(&'static str, String)], k: &str) -> &'a str {
    shown
        .iter()
        .find(|(name, _)| *name == k)
        .map_or("", |(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a case is called, the fields changed in the form, the record it should save.
    type Case = (&'static str, Vec<(&'static str, &'static str)>, Value);

    /// A posted form: what the form showed for the record, with `changes` made.
    fn posted(
        shown: &[(&'static str, String)],
        changes: &[(&str, &str)],
    ) -> std::collections::HashMap<String, String> {
        let mut f: std::collections::HashMap<String, String> = shown
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .collect();
        for (k, v) in changes {
            f.insert((*k).to_string(), (*v).to_string());
        }
        f
    }

    #[test]
    fn a_person_form_writes_only_the_fields_changed_in_it() {
        let stored = json!({"type": "person", "id": "p1",
            "names": [{"text": "Ales", "script": "Latn"}, {"text": "Алесь", "lang": "be"}],
            "sex": "unknown", "birth_date": "1962-09-25", "country": "BY", "region": "Minsk",
            "roles": ["journalist"], "health": ["disability"], "prominent": true, "note": "kept"});
        let with = |edit: &dyn Fn(&mut Value)| {
            let mut v = stored.clone();
            edit(&mut v);
            v
        };
        let cases: Vec<Case> = vec![
            ("nothing changed", vec![], stored.clone()),
            (
                "birth year",
                vec![("birth_date", "1963")],
                with(&|v| v["birth_date"] = json!("1963")),
            ),
            (
                "country emptied",
                vec![("country", " ")],
                with(&|v| {
                    v.as_object_mut().unwrap().remove("country");
                }),
            ),
            (
                "first name's text",
                vec![("name", "Aleś")],
                with(&|v| v["names"][0]["text"] = json!("Aleś")),
            ),
            (
                "first name emptied",
                vec![("name", "")],
                with(&|v| v["names"] = json!([{"text": "Алесь", "lang": "be"}])),
            ),
            (
                "sex chosen",
                vec![("sex", "male")],
                with(&|v| v["sex"] = json!("male")),
            ),
            (
                "visibility chosen",
                vec![("visibility", "restricted")],
                with(&|v| v["visibility"] = json!("restricted")),
            ),
        ];
        for (what, changes, want) in cases {
            let shown = person_shown(&stored);
            let f = posted(&shown, &changes);
            let mut got = stored.clone();
            merge_posted(&mut got, &shown, &f, put_person_field);
            assert_eq!(got, want, "{what}");
        }
        // A field the post leaves out is not touched, even if the form shows it.
        let shown = person_shown(&stored);
        let mut f = posted(&shown, &[("country", "")]);
        f.remove("country");
        let mut got = stored.clone();
        merge_posted(&mut got, &shown, &f, put_person_field);
        assert_eq!(got, stored);
    }

    #[test]
    fn an_event_form_writes_only_the_fields_changed_in_it() {
        let stored = json!({"type": "event", "id": "e1", "person": "p1", "kind": "sentenced",
            "date": "2023-03-03", "sources": ["s1", "s2"], "confidence": "confirmed",
            "details": {"term_months": 120}, "witness": "kept"});
        let with = |edit: &dyn Fn(&mut Value)| {
            let mut v = stored.clone();
            edit(&mut v);
            v
        };
        let cases: Vec<Case> = vec![
            ("nothing changed", vec![], stored.clone()),
            (
                "sources spaced otherwise",
                vec![("sources", "s1,s2")],
                stored.clone(),
            ),
            (
                "date",
                vec![("date", "2023-03-04")],
                with(&|v| v["date"] = json!("2023-03-04")),
            ),
            (
                "a source added",
                vec![("sources", "s1, s2, s3")],
                with(&|v| v["sources"] = json!(["s1", "s2", "s3"])),
            ),
            (
                "sources emptied",
                vec![("sources", "")],
                with(&|v| {
                    v.as_object_mut().unwrap().remove("sources");
                }),
            ),
        ];
        for (what, changes, want) in cases {
            let shown = event_shown(&stored);
            let f = posted(&shown, &changes);
            let mut got = stored.clone();
            merge_posted(&mut got, &shown, &f, put_event_field);
            assert_eq!(got, want, "{what}");
        }
    }
}
