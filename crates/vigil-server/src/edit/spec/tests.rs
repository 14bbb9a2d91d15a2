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
            Input::Checks(..) | Input::Articles => {
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
            vec![("articles.342", "on"), ("articles.361-1", "on")],
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

#[test]
fn a_place_form_writes_its_names_by_language_kind_address_and_coordinates() {
    let stored = json!({"type": "place", "id": "pl1", "kind": "colony", "country": "BY",
        "names": [{"text": "ИК-4", "lang": "ru"}, {"text": "Pinal colony 4", "lang": "en"}, {"text": "ИК-4 Гомель"}],
        "address": "246035, Гомель, ул. Антошкина, 3", "sources": ["s1"]});
    let mut f = untouched(&stored, PLACE);
    assert_eq!(f["name_ru"], "ИК-4");
    assert_eq!(f["coordinates"], "");
    let mut got = stored.clone();
    merge(&mut got, PLACE, None, &f).unwrap();
    assert_eq!(got, stored, "nothing changed");
    f.insert("name_be".into(), "ПК-4".into());
    f.insert("name_en".into(), "Penal colony No. 4".into());
    f.insert("name_ru".into(), String::new());
    f.insert("coordinates".into(), "52,4125, 31,0129".into());
    f.insert("kind".into(), "prison".into());
    let mut got = stored.clone();
    merge(&mut got, PLACE, None, &f).unwrap();
    assert_eq!(
        got["names"],
        json!([{"text": "Penal colony No. 4", "lang": "en"}, {"text": "ИК-4 Гомель"}, {"text": "ПК-4", "lang": "be"}]),
        "the name of one language replaced, emptied, added; one with no language kept"
    );
    assert_eq!(got["coordinates"], json!({"lat": 52.4125, "lon": 31.0129}));
    assert_eq!(got["kind"], "prison");
    assert_eq!(got["sources"], json!(["s1"]));
    vigil_core::record::parse_record(&got.to_string()).expect("a valid place");
    for (typed, want) in [
        ("53.9023, 27.5619", Some((53.9023, 27.5619))),
        ("53.9023 27.5619", Some((53.9023, 27.5619))),
        ("(53.9023; 27.5619)", Some((53.9023, 27.5619))),
        ("53,9023, 27,5619", Some((53.9023, 27.5619))),
        ("91, 27", None),
        ("Minsk", None),
        ("53.9", None),
    ] {
        assert_eq!(case::coordinates(typed), want, "{typed}");
    }
    let mut f = untouched(&stored, PLACE);
    f.insert("coordinates".into(), "Minsk".into());
    f.insert("kind".into(), "castle".into());
    let mut got = stored.clone();
    assert_eq!(
        merge(&mut got, PLACE, None, &f).unwrap_err(),
        [
            ("kind", Problem::Choice),
            ("coordinates", Problem::Coordinates)
        ]
    );
    assert_eq!(got, stored);
}

#[test]
fn an_event_form_writes_each_case_kinds_facts() {
    let sentence = json!({"type": "event", "id": "e1", "person": "p1", "kind": "sentenced", "date": "2021-03-03",
        "details": {"term_months": 132, "articles": ["ч. 1 ст. 342 УК", "293"]}});
    let mut f = untouched(&sentence, EVENT);
    assert_eq!(f.get("articles.293").map(String::as_str), Some("on"));
    let mut got = sentence.clone();
    merge(&mut got, EVENT, Some("sentenced"), &f).unwrap();
    assert_eq!(got, sentence, "articles as written stay as written");
    f.insert("regime".into(), "general".into());
    f.insert("term".into(), "11 лет".into());
    f.insert("term_start".into(), "10.08.2020".into());
    f.insert("case".into(), "№ 20201500123".into());
    f.insert("prosecutor".into(), "Иванов И. И.".into());
    f.insert("counsel".into(), "Петрова А. А.".into());
    f.insert("articles.130".into(), "on".into());
    f.remove("articles.293");
    f.insert("articles.other".into(), "361-1".into());
    let mut got = sentence.clone();
    merge(&mut got, EVENT, Some("sentenced"), &f).unwrap();
    let mut articles: Vec<String> =
        serde_json::from_value(got["details"]["articles"].clone()).unwrap();
    articles.sort();
    assert_eq!(articles, ["130", "361-1", "ч. 1 ст. 342 УК"]);
    assert_eq!(got["details"]["regime"], "general");
    assert_eq!(got["details"]["term_months"], 132);
    assert_eq!(got["details"]["term_start"], "2020-08-10");
    assert_eq!(got["details"]["case"], "№ 20201500123");
    assert_eq!(got["details"]["prosecutor"], "Иванов И. И.");
    assert_eq!(got["details"]["counsel"], "Петрова А. А.");
    vigil_core::record::parse_record(&got.to_string()).expect("a valid sentence");
    // Extends without a term is marked at the term.
    let mut f = untouched(&sentence, EVENT);
    f.insert("term".into(), String::new());
    f.insert("extends".into(), "on".into());
    let mut got = sentence.clone();
    merge(&mut got, EVENT, Some("sentenced"), &f).unwrap();
    assert_eq!(case::event_problems(&got), [("term", Problem::Missing)]);

    // A transfer: a place, then in transit, then the address being clarified.
    let transfer = json!({"type": "event", "id": "e2", "person": "p1", "kind": "transferred", "date": "2021-06",
        "details": {"place": "pl-sizo", "note": "kept"}});
    let mut got = transfer.clone();
    for (typed, details) in [
        ("pl-colony", json!({"place": "pl-colony", "note": "kept"})),
        ("in_transit", json!({"in_transit": true, "note": "kept"})),
        (
            "address_unknown",
            json!({"address_unknown": true, "note": "kept"}),
        ),
        ("", json!({"note": "kept"})),
    ] {
        let mut f = untouched(&got, EVENT);
        f.insert("destination".into(), typed.into());
        merge(&mut got, EVENT, Some("transferred"), &f).unwrap();
        assert_eq!(got["details"], details, "{typed}");
    }

    // Conditions from the vocabulary, as boxes.
    let cond =
        json!({"type": "event", "id": "e3", "person": "p1", "kind": "conditions", "date": "2023"});
    let mut f = untouched(&cond, EVENT);
    f.insert("conditions.incommunicado".into(), "on".into());
    f.insert("conditions.no_lawyer".into(), "on".into());
    let mut got = cond.clone();
    merge(&mut got, EVENT, Some("conditions"), &f).unwrap();
    assert_eq!(
        got["details"]["conditions"],
        json!(["incommunicado", "no_lawyer"])
    );
    vigil_core::record::parse_record(&got.to_string()).expect("valid conditions");
}

#[test]
fn the_sentence_form_writes_the_appeal_and_marks_a_term_its_outcome_does_not_give() {
    let sentence = json!({"type": "event", "id": "e1", "person": "p1", "kind": "sentenced", "date": "2021-03-03",
        "details": {"term_months": 132, "regime": "general", "court": "Мінскі гарадскі суд"}});
    let mut f = untouched(&sentence, EVENT);
    f.insert("appeal_date".into(), "01.06.2021".into());
    f.insert("appeal_court".into(), "Вярхоўны суд".into());
    f.insert("appeal_outcome".into(), "reduced".into());
    f.insert("appeal_term".into(), "8 гадоў".into());
    let mut got = sentence.clone();
    merge(&mut got, EVENT, Some("sentenced"), &f).unwrap();
    assert_eq!(
        got["details"]["appeal"],
        json!({"date": "2021-06-01", "court": "Вярхоўны суд", "outcome": "reduced", "term_months": 96})
    );
    assert_eq!(got["details"]["court"], "Мінскі гарадскі суд", "kept");
    assert!(case::event_problems(&got).is_empty());
    vigil_core::record::parse_record(&got.to_string()).expect("a valid appeal");
    // Shown again as it was written, and untouched it stays.
    let again = untouched(&got, EVENT);
    assert_eq!(again["appeal_outcome"], "reduced");
    assert_eq!(again["appeal_date"], "2021-06-01");
    let mut same = got.clone();
    merge(&mut same, EVENT, Some("sentenced"), &again).unwrap();
    assert_eq!(same, got);
    // Reduced to a longer term, and upheld with a term: marked at the term; reduced
    // without one: the term is needed; a ruling before the verdict: marked at its date.
    for (outcome, term, date, want) in [
        (
            "reduced",
            "12 лет",
            "",
            vec![("appeal_term", Problem::AppealTerm)],
        ),
        (
            "upheld",
            "8 лет",
            "",
            vec![("appeal_term", Problem::AppealTerm)],
        ),
        ("increased", "", "", vec![("appeal_term", Problem::Missing)]),
        (
            "upheld",
            "",
            "01.02.2021",
            vec![("appeal_date", Problem::AppealDate)],
        ),
    ] {
        let mut f = untouched(&got, EVENT);
        f.insert("appeal_outcome".into(), outcome.into());
        f.insert("appeal_term".into(), term.into());
        f.insert("appeal_date".into(), date.into());
        let mut wrong = got.clone();
        merge(&mut wrong, EVENT, Some("sentenced"), &f).unwrap();
        assert_eq!(
            case::event_problems(&wrong),
            want,
            "{outcome} {term} {date}"
        );
        assert!(
            vigil_core::record::parse_record(&wrong.to_string()).is_err(),
            "the record refuses it too: {outcome} {term} {date}"
        );
    }
    // Emptied, the appeal is gone.
    let mut f = untouched(&got, EVENT);
    for k in [
        "appeal_date",
        "appeal_court",
        "appeal_outcome",
        "appeal_term",
    ] {
        f.insert(k.into(), String::new());
    }
    let mut gone = got.clone();
    merge(&mut gone, EVENT, Some("sentenced"), &f).unwrap();
    assert!(gone["details"].get("appeal").is_none(), "{gone}");
}

#[test]
fn the_case_vocabularies_are_cores() {
    use vigil_core::record::{AppealOutcome, Condition, PlaceKind, Regime};
    let words = |all: Vec<&'static str>| all;
    assert_eq!(
        words(Regime::ALL.iter().map(|r| r.as_str()).collect()),
        REGIMES
    );
    assert_eq!(
        words(PlaceKind::ALL.iter().map(|r| r.as_str()).collect()),
        PLACE_KINDS
    );
    assert_eq!(
        words(Condition::ALL.iter().map(|r| r.as_str()).collect()),
        CONDITIONS
    );
    assert_eq!(
        words(AppealOutcome::ALL.iter().map(|r| r.as_str()).collect()),
        APPEAL_OUTCOMES
    );
}

/// Every usual breakdown key the announcement form offers has a word in every language
/// (the grid's labels; a key without one shows in English, as "foreigners" did).
#[test]
fn every_breakdown_key_of_the_form_has_a_word_in_every_language() {
    for key in super::tables::BREAKDOWN {
        for lang in vigil_i18n::Lang::ALL {
            assert!(
                vigil_i18n::has(lang, &format!("breakdown-{key}")),
                "{key} in {lang:?}"
            );
        }
    }
}
