//! What an announcement leaves to find (`remaining`), as `vigil announcement` and the
//! editors' pages show it: every key the announcement gives, men beside women included.

use vigil_core::access::Audience;
use vigil_core::answer::{announcement, LogPosition};
use vigil_core::record::parse_record;
use vigil_core::registry::Builder;

fn registry(lines: &[&str]) -> vigil_core::registry::Registry {
    let mut b = Builder::new();
    for l in lines {
        b.add_record(&parse_record(l).unwrap().into_record())
            .unwrap();
    }
    b.finish()
}

fn remaining(sex: &str) -> Vec<(String, i64)> {
    let person = format!(r#"{{"type":"person","id":"m1","sex":"{sex}","country":"BY"}}"#);
    let reg = registry(&[
        r#"{"type":"announcement","id":"a1","kind":"pardon","date":"2025-07-03","country":"BY","total":16,"breakdown":{"men":14,"women":2},"names_disclosed":false}"#,
        &person,
        r#"{"type":"event","id":"e1","person":"m1","kind":"detained","date":"2021-05-01"}"#,
        r#"{"type":"event","id":"e2","person":"m1","kind":"recognized","date":"2021-06-01"}"#,
        r#"{"type":"event","id":"e3","person":"m1","kind":"pardoned","date":"2025-07-03","announcement":"a1"}"#,
    ]);
    let log = LogPosition {
        entries: 5,
        head: String::new(),
    };
    let a = announcement(&reg, "a1", Audience::Trusted, log).unwrap();
    a.identification.remaining.into_iter().collect()
}

#[test]
fn a_man_identified_leaves_one_man_fewer_to_find() {
    assert_eq!(
        remaining("male"),
        [
            ("men".into(), 13),
            ("total".into(), 15),
            ("women".into(), 2)
        ]
    );
}

#[test]
fn a_woman_identified_leaves_every_man_to_find() {
    assert_eq!(
        remaining("female"),
        [
            ("men".into(), 14),
            ("total".into(), 15),
            ("women".into(), 1)
        ]
    );
}
