//! Tests of the interchange records: the contract's example, canonical form, messages.

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
        (r#"{"type":"announcement","id":"a1","kind":"mercy","date":"2024"}"#, "field `kind`: unknown variant `mercy`"),
        (r#"{"type":"announcement","id":"a1","kind":"pardon","date":"2024","total":-3}"#, "field `total`: invalid value: integer `-3`"),
        (r#"{"type":"announcement","id":"a1","kind":"pardon","date":"2024","breakdown":{"women":"many"}}"#, "field `breakdown.women`: invalid type: string \"many\""),
        (r#"{"type":"figure","id":"f1","metric":"m","value":1,"qualifier":"roughly","as_of":"2024"}"#, "field `qualifier`: unknown variant `roughly`"),
        (r#"{"type":"figure","id":"f1","metric":"m","value":-1,"as_of":"2024"}"#, "field `value`: -1 is not a count"),
        (r#"{"type":"source","id":"s1","published":"yesterday"}"#, "field `published`: date 'yesterday' is not a date"),
        (r#"{"type":"prisoner","id":"x"}"#, "unknown record type 'prisoner'; expected one of source, place, person, announcement, event, figure"),
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
