//! Tests of the case, place, letter and conditions fields of the interchange records.

use super::*;

#[test]
fn a_place_and_the_events_that_point_at_it_parse() {
    let place = parse_record(r#"{"type":"place","id":"pl-ik4","names":[{"text":"ИК-4, Гомель","lang":"ru"}],"kind":"colony","country":"BY","region":"Homiel","address":"246035, г. Гомель, ул. Антошкина, 3","coordinates":{"lat":52.43,"lon":31.0}}"#).unwrap();
    let Record::Place(p) = place.record() else {
        panic!()
    };
    assert_eq!(p.kind, PlaceKind::Colony);
    assert_eq!(
        p.address.as_deref(),
        Some("246035, г. Гомель, ул. Антошкина, 3")
    );
    let moved = parse_record(r#"{"type":"event","id":"e7","person":"p1","kind":"transferred","date":"2021-07-01","details":{"place":"pl-ik4"}}"#).unwrap();
    assert_eq!(
        moved.record().references(),
        vec![
            (RecordType::Person, "p1", "person"),
            (RecordType::Place, "pl-ik4", "details.place")
        ]
    );
    let transit = parse_record(r#"{"type":"event","id":"e8","person":"p1","kind":"transferred","date":"2021-06","details":{"in_transit":true}}"#).unwrap();
    let Record::Event(e) = transit.record() else {
        panic!()
    };
    assert!(e.details.in_transit);
    let sentenced = parse_record(r#"{"type":"event","id":"e3","person":"p1","kind":"sentenced","date":"2023-03-03","details":{"term_months":120,"articles":["228"],"regime":"general","court":"Minsk City Court","term_start":"2021-07-14"}}"#).unwrap();
    let Record::Event(e) = sentenced.record() else {
        panic!()
    };
    assert_eq!(e.details.regime, Some(Regime::General));
    assert_eq!(e.details.term_start.unwrap().to_string(), "2021-07-14");
    assert_eq!(e.details.articles.as_ref().unwrap().items(), ["228"]);
}

#[test]
fn consent_is_a_list_and_an_older_note_is_kept() {
    let p = parse_record(r#"{"type":"person","id":"p1","consent":["letters","calendar"],"envelope":"Бяляцкаму Алесю Віктаравічу, 1962 г. н."}"#).unwrap();
    let Record::Person(p) = p.record() else {
        panic!()
    };
    assert!(p.consents(Consent::Letters) && p.consents(Consent::Calendar));
    let old = parse_record(
        r#"{"type":"person","id":"p1","consent":{"given":"2021-08-01","by":"family"}}"#,
    )
    .unwrap();
    let Record::Person(old) = old.record() else {
        panic!()
    };
    assert!(
        !old.consents(Consent::Letters),
        "a note consents to nothing"
    );
}

#[test]
fn old_one_word_conditions_and_sheet_articles_are_read() {
    let c = parse_record(r#"{"type":"event","id":"c1","person":"p1","kind":"conditions","date":"2021","details":{"type":"incommunicado"}}"#).unwrap();
    let Record::Event(c) = c.record() else {
        panic!()
    };
    assert_eq!(c.details.condition_list(), [Condition::Incommunicado]);
    let other = parse_record(r#"{"type":"event","id":"c1","person":"p1","kind":"conditions","date":"2021","details":{"type":"cold cell"}}"#).unwrap();
    let Record::Event(other) = other.record() else {
        panic!()
    };
    assert!(other.details.condition_list().is_empty(), "kept, not read");
    let s = parse_record(r#"{"type":"event","id":"s1","person":"p1","kind":"sentenced","date":"2021","details":{"articles":"ст. 342 УК, 361-1","place":"ИК-15","regime":"strict"}}"#).unwrap();
    let Record::Event(s) = s.record() else {
        panic!()
    };
    assert_eq!(
        s.details.articles.as_ref().unwrap().items(),
        ["ст. 342 УК", "361-1"]
    );
    assert!(s.record_references_no_place());
}

impl Event {
    fn record_references_no_place(&self) -> bool {
        Record::Event(self.clone())
            .references()
            .iter()
            .all(|(t, _, _)| *t != RecordType::Place)
    }
}

#[test]
fn bad_case_fields_name_the_field_and_the_value() {
    for (line, expected) in [
        (
            r#"{"type":"place","id":"x","kind":"camp"}"#,
            "place 'x': field `kind`: unknown variant `camp`",
        ),
        (
            r#"{"type":"place","id":"x","coordinates":{"lat":95,"lon":1}}"#,
            "field `coordinates`: (95, 1) is not a latitude",
        ),
        (
            r#"{"type":"place","id":"x","names":[{"text":""}]}"#,
            "field `names[0].text` is empty",
        ),
        (
            r#"{"type":"person","id":"p1","consent":["letter"]}"#,
            "field `consent`: \"letter\" is not one of letters, calendar",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"sentenced","date":"2021","details":{"regime":"harsh"}}"#,
            "field `details.regime`: unknown variant `harsh`",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021","details":{"regime":"general"}}"#,
            "field `details.regime` belongs to a `sentenced` event, not `detained`",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"sentenced","date":"2021","details":{"term_start":"2021-02-30"}}"#,
            "date '2021-02-30' is not a date",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"sentenced","date":"2021","details":{"extends":true}}"#,
            "field `details.extends` needs `details.term_months`",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"transferred","date":"2021","details":{"place":"pl1","in_transit":true}}"#,
            "a transfer says one of them",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"released","date":"2021","details":{"in_transit":true}}"#,
            "field `details.in_transit` belongs to a `transferred` event",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"sentenced","date":"2021-03-03","details":{"appeal":{"outcome":"softened"}}}"#,
            "field `details.appeal.outcome`: unknown variant `softened`",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"sentenced","date":"2021-03-03","details":{"term_months":132,"appeal":{"outcome":"reduced"}}}"#,
            "field `details.appeal.term_months` is needed: the appeal's outcome `reduced` gives a new term",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"sentenced","date":"2021-03-03","details":{"term_months":132,"appeal":{"outcome":"reduced","term_months":144}}}"#,
            "field `details.appeal.term_months`: 144 months is not `reduced` from the verdict's 132",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"sentenced","date":"2021-03-03","details":{"term_months":132,"appeal":{"outcome":"upheld","term_months":96}}}"#,
            "field `details.appeal.term_months` is for an appeal that reduced or increased the term, not one `upheld`",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"sentenced","date":"2021-03-03","details":{"appeal":{"date":"2021-02-01","outcome":"upheld"}}}"#,
            "field `details.appeal.date`: 2021-02-01 is before the verdict (2021-03-03)",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"charged","date":"2021","details":{"appeal":{"outcome":"upheld"}}}"#,
            "field `details.appeal` belongs to a `sentenced` event, not `charged`",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"sentenced","date":"2021","details":{"appeal":{"date":"2021-13-01"}}}"#,
            "field `details.appeal.date`",
        ),
        (
            r#"{"type":"event","id":"e1","person":"p1","kind":"conditions","date":"2021","details":{"conditions":["cold"]}}"#,
            "field `details.conditions[0]`: unknown variant `cold`",
        ),
    ] {
        let err = parse_record(line).unwrap_err().to_string();
        assert!(
            err.contains(expected),
            "for {line}\n got: {err}\n want: {expected}"
        );
    }
}

#[test]
fn an_appeal_is_read_with_its_date_court_outcome_and_new_term() {
    let line = r#"{"type":"event","id":"e3","person":"p1","kind":"sentenced","date":"2021-03-03","details":{"term_months":132,"regime":"general","case":"c1","appeal":{"date":"2021-06-01","court":"Minsk City Court","outcome":"reduced","term_months":96,"regime":"strict"}}}"#;
    let parsed = parse_record(line).unwrap();
    let Record::Event(e) = parsed.record() else {
        panic!()
    };
    let a = e.details.appeal.as_ref().unwrap();
    assert_eq!(a.outcome(), AppealOutcome::Reduced);
    assert_eq!(a.date.unwrap().to_string(), "2021-06-01");
    assert_eq!(a.court.as_deref(), Some("Minsk City Court"));
    assert_eq!((a.term_months, a.regime), (Some(96), Some(Regime::Strict)));
    let pending = parse_record(r#"{"type":"event","id":"e3","person":"p1","kind":"sentenced","date":"2021-03","details":{"appeal":{"court":"Minsk City Court"}}}"#).unwrap();
    let Record::Event(p) = pending.record() else {
        panic!()
    };
    assert_eq!(
        p.details.appeal.as_ref().unwrap().outcome(),
        AppealOutcome::Pending,
        "an appeal without an outcome is pending"
    );
}
