//! The country of each announcement (issue 18, failure pattern 10), in sentences of the
//! shapes reports use: each proposal's own sentence decides, the issuing office counts, a
//! dateline does not, and nothing is guessed when the text names no country.

use super::*;

fn read(text: &str) -> Extraction {
    extract(
        text,
        &Options {
            date: Some("2025-06-21".parse().unwrap()),
            country: None,
        },
    )
}

fn countries(x: &Extraction) -> Vec<(u32, Option<&str>)> {
    x.announcements
        .iter()
        .map(|a| (a.total, a.country.as_deref()))
        .collect()
}

#[test]
fn each_announcement_takes_the_country_its_sentence_names() {
    let x = read(
        "Pardons in two countries\n\
         Belarus pardoned 20 prisoners on 16 June, the state agency said.\n\
         On 18 June, Azerbaijan's President Ilham Aliyev pardoned 150 people, among them \
         several journalists.",
    );
    assert_eq!(
        countries(&x),
        [(20, Some("BY")), (150, Some("AZ"))],
        "{:#?}",
        x.announcements
    );
}

#[test]
fn the_issuing_office_names_the_country() {
    for (text, want) in [
        ("Lukashenko pardoned 18 people on Monday.", "BY"),
        (
            "Venezuela's Maduro freed 30 political prisoners on Monday.",
            "VE",
        ),
        (
            "Президент Республики Беларусь помиловал 18 осуждённых, которые написали прошения о помиловании.",
            "BY",
        ),
        ("Путин помиловал 23 женщины, сообщили в Кремле.", "RU"),
        ("Лукашэнка памілаваў 16 чалавек.", "BY"),
        (
            "BelTA reported that 25 people were pardoned on Monday.",
            "BY",
        ),
    ] {
        let x = read(text);
        assert_eq!(
            x.announcements.first().and_then(|a| a.country.as_deref()),
            Some(want),
            "{text}: {:#?}",
            x.announcements
        );
    }
}

#[test]
fn a_dateline_and_the_receiving_country_do_not_decide() {
    let x = read(
        "VILNIUS, Lithuania (AP) — Belarus has freed 14 prisoners, and they have crossed \
         into Lithuania, the Lithuanian foreign minister said Thursday.",
    );
    assert_eq!(countries(&x), [(14, Some("BY"))], "{:#?}", x.announcements);
}

#[test]
fn nothing_is_guessed_when_the_text_names_no_country() {
    let x = read("The president pardoned 18 people on Monday, his press office said.");
    assert_eq!(countries(&x), [(18, None)], "{:#?}", x.announcements);
    assert!(
        x.notes
            .iter()
            .any(|n| n.to_string().contains("names no country")),
        "{:?}",
        x.notes
    );
    // Nor in Belarusian: the language is not the country.
    let x = read("Прэзідэнт памілаваў 16 чалавек.");
    assert!(
        x.announcements.iter().all(|a| a.country.is_none()),
        "{:#?}",
        x.announcements
    );
}

#[test]
fn an_exchange_is_not_given_the_host_or_a_party_named_after_the_count() {
    let x = read(
        "ANKARA — Twenty-six prisoners held in seven countries were exchanged in Ankara on \
         Thursday, Turkey's intelligence service said.",
    );
    assert!(
        x.announcements.iter().all(|a| a.country.is_none()),
        "{:#?}",
        x.announcements
    );
    let x =
        read("Russia released 16 political prisoners on Thursday in an exchange with the West.");
    assert_eq!(
        x.announcements.first().and_then(|a| a.country.as_deref()),
        Some("RU"),
        "{:#?}",
        x.announcements
    );
}

#[test]
fn the_editors_country_is_kept() {
    let x = extract(
        "Lukashenko pardoned 18 people on Monday.",
        &Options {
            date: Some("2025-06-21".parse().unwrap()),
            country: Some("RU".into()),
        },
    );
    assert_eq!(countries(&x), [(18, Some("RU"))]);
}
