//! `spec`'s rule by tables: a form writes back only what changed in it.

use super::*;
use serde_json::json;

/// What a case is called, the fields changed (and unticked) in the form, the record it
/// should save.
type Case = (
    &'static str,
    Vec<(&'static str, &'static str)>,
    Vec<&'static str>,
    Value,
);
type EventCase = (&'static str, Vec<(&'static str, &'static str)>, Value);

fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect()
}

/// What the form shows for `v`, as a post would carry it back untouched.
fn untouched(v: &Value, fields: &[Field]) -> HashMap<String, String> {
    let mut f = HashMap::new();
    for field in fields {
        let s = shown(field, v);
        match field.input {
            Input::Checks(..) => {
                f.insert(format!("{}.shown", field.key), "1".into());
                for x in split_list(&s) {
                    f.insert(format!("{}.{x}", field.key), "on".into());
                }
            }
            Input::Flag => {
                f.insert(format!("{}.shown", field.key), "1".into());
                if !s.is_empty() {
                    f.insert(field.key.into(), "on".into());
                }
            }
            _ => {
                f.insert(field.key.into(), s);
            }
        }
    }
    for (i, (t, l)) in name_rows(v).into_iter().enumerate() {
        let (tk, lk) = name_keys(i);
        f.insert(tk, t);
        f.insert(lk, l);
    }
    f
}

fn stored_person() -> Value {
    json!({"type": "person", "id": "p1",
        "names": [{"text": "Ales", "script": "Latn"}, {"text": "Алесь", "lang": "be"}],
        "sex": "unknown", "birth_date": "1962-09-25", "country": "BY", "region": "Minsk",
        "roles": ["journalist", "blogger"], "health": ["disability"], "prominent": true, "note": "kept"})
}

#[test]
fn the_event_kinds_are_cores() {
    let core: Vec<&str> = vigil_core::record::EventKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(core, EVENT_KINDS);
}

#[test]
fn a_person_form_writes_only_the_fields_changed_in_it() {
    let stored = stored_person();
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v = stored.clone();
        edit(&mut v);
        v
    };
    let cases: Vec<Case> = vec![
        ("nothing changed", vec![], vec![], stored.clone()),
        (
            "birth year as monitors write it",
            vec![("birth_date", "1963")],
            vec![],
            with(&|v| v["birth_date"] = json!("1963")),
        ),
        (
            "a day as 10.03.1963",
            vec![("birth_date", "10.03.1963")],
            vec![],
            with(&|v| v["birth_date"] = json!("1963-03-10")),
        ),
        (
            "a month as 03.1963",
            vec![("birth_date", "03.1963")],
            vec![],
            with(&|v| v["birth_date"] = json!("1963-03")),
        ),
        (
            "country emptied",
            vec![("country", " ")],
            vec![],
            with(&|v| {
                v.as_object_mut().unwrap().remove("country");
            }),
        ),
        (
            "first name's text",
            vec![("name", "Aleś")],
            vec![],
            with(&|v| v["names"][0]["text"] = json!("Aleś")),
        ),
        (
            "first name emptied",
            vec![("name", "")],
            vec![],
            with(&|v| v["names"] = json!([{"text": "Алесь", "lang": "be"}])),
        ),
        (
            "a third name in Russian",
            vec![("name_3", "Алесь Беляцкий"), ("name_3_lang", "ru")],
            vec![],
            with(&|v| {
                v["names"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"text": "Алесь Беляцкий", "lang": "ru", "script": "Cyrl"}));
            }),
        ),
        (
            "sex chosen",
            vec![("sex", "male")],
            vec![],
            with(&|v| v["sex"] = json!("male")),
        ),
        (
            "a role ticked",
            vec![("roles.politician", "on")],
            vec![],
            with(&|v| v["roles"] = json!(["politician", "blogger", "journalist"])),
        ),
        (
            "a role unticked",
            vec![],
            vec!["roles.journalist"],
            with(&|v| v["roles"] = json!(["blogger"])),
        ),
        (
            "known to be healthy",
            vec![("health.none", "on")],
            vec!["health.disability"],
            with(&|v| v["health"] = json!([])),
        ),
        (
            "not prominent",
            vec![],
            vec!["prominent"],
            with(&|v| {
                v.as_object_mut().unwrap().remove("prominent");
            }),
        ),
        (
            "visibility chosen",
            vec![("visibility", "restricted")],
            vec![],
            with(&|v| v["visibility"] = json!("restricted")),
        ),
    ];
    for (what, changes, unticked, want) in cases {
        let mut f = untouched(&stored, PERSON);
        for (k, v) in changes {
            f.insert(k.into(), v.into());
        }
        for k in unticked {
            f.remove(k);
        }
        let mut got = stored.clone();
        merge(&mut got, PERSON, None, &f).unwrap();
        merge_names(&mut got, &f);
        let sort = |v: &mut Value| {
            if let Some(a) = v["roles"].as_array_mut() {
                a.sort_by_key(ToString::to_string);
            }
        };
        let (mut got, mut want) = (got, want);
        sort(&mut got);
        sort(&mut want);
        assert_eq!(got, want, "{what}");
    }
    // A field the post leaves out is not touched, even if the form shows it.
    let mut f = untouched(&stored, PERSON);
    f.remove("country");
    f.remove("roles.shown");
    f.remove("roles.journalist");
    let mut got = stored.clone();
    merge(&mut got, PERSON, None, &f).unwrap();
    assert_eq!(got, stored);
}

#[test]
fn a_wrong_value_names_its_field_and_writes_nothing() {
    let stored = stored_person();
    let mut f = untouched(&stored, PERSON);
    f.insert("birth_date".into(), "1963-13".into());
    f.insert("region".into(), "Homiel".into());
    f.insert("country".into(), "Belarus".into());
    let mut got = stored.clone();
    let problems = merge(&mut got, PERSON, None, &f).unwrap_err();
    assert_eq!(
        problems,
        [("birth_date", Problem::Date), ("country", Problem::Country)]
    );
    assert_eq!(got, stored);
}

#[test]
fn an_event_form_writes_the_details_of_its_kind() {
    let stored = json!({"type": "event", "id": "e1", "person": "p1", "kind": "sentenced",
        "date": "2023-03-03", "sources": ["s1", "s2"], "confidence": "confirmed",
        "details": {"term_months": 120, "regime": "strict"}, "witness": "kept"});
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v = stored.clone();
        edit(&mut v);
        v
    };
    let cases: Vec<EventCase> = vec![
        ("nothing changed", vec![], stored.clone()),
        (
            "date",
            vec![("date", "04.03.2023")],
            with(&|v| v["date"] = json!("2023-03-04")),
        ),
        (
            "a term in words",
            vec![("term", "3 years 6 months")],
            with(&|v| v["details"]["term_months"] = json!(42)),
        ),
        (
            "articles",
            vec![("articles", "342, 361-1")],
            with(&|v| v["details"]["articles"] = json!(["342", "361-1"])),
        ),
        (
            "a release reason on a sentence is not its field",
            vec![("release_reason", "pardon")],
            stored.clone(),
        ),
        (
            "term emptied keeps the other details",
            vec![("term", "")],
            with(&|v| v["details"] = json!({"regime": "strict"})),
        ),
    ];
    for (what, changes, want) in cases {
        let mut f = untouched(&stored, EVENT);
        for (k, v) in changes {
            f.insert(k.into(), v.into());
        }
        let mut got = stored.clone();
        merge(&mut got, EVENT, Some("sentenced"), &f).unwrap();
        assert_eq!(got, want, "{what}");
    }
    // The only detail emptied: no empty `details` is left.
    let lone = json!({"type": "event", "id": "e2", "person": "p1", "kind": "recognized", "date": "2021", "details": {"by": "Viasna"}});
    let mut f = untouched(&lone, EVENT);
    f.insert("by".into(), String::new());
    let mut got = lone.clone();
    merge(&mut got, EVENT, Some("recognized"), &f).unwrap();
    assert_eq!(
        got,
        json!({"type": "event", "id": "e2", "person": "p1", "kind": "recognized", "date": "2021"})
    );
}

#[test]
fn an_announcement_grid_writes_its_cells_and_custom_keys() {
    let stored = json!({"type": "announcement", "id": "a1", "kind": "pardon", "date": "2024-12-09",
        "total": 29, "breakdown": {"women": 11, "men": 18, "journalists": 2}, "claims": ["They repented"]});
    let mut f = form(&[
        ("breakdown.women", "11"),
        ("breakdown.men", "18"),
        ("breakdown.under_25", "6"),
        ("custom_key.0", "journalists"),
        ("custom_count.0", "3"),
        ("custom_key.1", "Former officials"),
        ("custom_count.1", "1"),
    ]);
    let mut got = stored.clone();
    merge_breakdown(&mut got, &f).unwrap();
    assert_eq!(
        got["breakdown"],
        json!({"women": 11, "men": 18, "under_25": 6, "journalists": 3, "former_officials": 1})
    );
    f.insert("breakdown.men".into(), "eighteen".into());
    assert_eq!(
        merge_breakdown(&mut got.clone(), &f).unwrap_err(),
        [("breakdown.men".to_string(), Problem::Count)]
    );
    // Claims, one a line.
    let mut got = stored.clone();
    merge(
        &mut got,
        ANNOUNCEMENT,
        None,
        &form(&[("claims", "They repented\nMore than half were ill\n")]),
    )
    .unwrap();
    assert_eq!(
        got["claims"],
        json!(["They repented", "More than half were ill"])
    );
}
