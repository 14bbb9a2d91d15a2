//! The paste-a-report page as an editor uses it: the proposals in words with the sentence
//! each was read from and the reading's notes, each proposal's number, date and country
//! corrected before confirming (what is stored is what was corrected), one left out by
//! unticking it, and a warning linking to the stored announcement a proposal looks like.

use crate::forms::{form_fields, registry_with_accounts, stored, Browser};
use crate::serve::Server;

const STORED: &str = r#"{"type":"source","id":"s1","publisher":"RFE/RL","title":"Belarus Issues New Pardons","published":"2024-12-09"}
{"type":"announcement","id":"a1","kind":"pardon","date":"2024-12-09","country":"BY","total":29,"sources":["s1"]}
"#;

fn entries(s: &crate::Scratch) -> u64 {
    s.json(&["verify"])["entries"].as_u64().unwrap()
}

fn read(eda: &Browser, report: &str, date: &str) -> (u16, String) {
    let (_, page) = eda.get("/edit/extract");
    let (action, mut fields) = form_fields(&page, "extract-form");
    for (k, v) in [("text", report), ("date", date), ("country", "BY")] {
        fields.insert(k.into(), v.into());
    }
    eda.post(&action, &fields)
}

#[test]
fn proposals_are_corrected_or_left_out_before_storing_and_a_like_one_is_flagged() {
    let s = registry_with_accounts(STORED);
    let server = Server::start(&s);
    let eda = Browser::login(&server.base, "eda");
    let report =
        "On 10 December the president pardoned 30 political prisoners, among them 11 women.";
    let (status, page) = read(&eda, report, "2024-12-10");
    assert_eq!(status, 200, "{page}");
    // In words, with its sentence, and the stored wave of the day before flagged.
    assert!(page.contains("Pardon: 30 persons"), "{page}");
    assert!(
        page.contains("<blockquote>On 10 December the president pardoned 30"),
        "{page}"
    );
    assert!(
        page.contains("An announcement like this one is already stored"),
        "{page}"
    );
    assert!(
        page.contains("href=\"/edit/form/announcement/a1\""),
        "{page}"
    );
    assert!(!page.contains("&quot;type&quot;"), "no JSON shown: {page}");

    // The count and the date corrected, then confirmed: stored as corrected.
    let (action, mut fields) = form_fields(&page, "confirm-form");
    let total = fields
        .keys()
        .find(|k| k.starts_with("total."))
        .unwrap()
        .clone();
    let date = total.replace("total.", "date.");
    fields.insert(total, "31".into());
    fields.insert(date, "11.12.2024".into());
    let (status, page) = eda.post(&action, &fields);
    assert_eq!(status, 200, "{page}");
    let all = stored(&s);
    let new = all
        .iter()
        .find(|((t, id), _)| t == "announcement" && id != "a1")
        .map(|(_, v)| v)
        .expect("the proposal is stored");
    assert_eq!(
        (new["total"].as_u64(), new["date"].as_str()),
        (Some(31), Some("2024-12-11"))
    );

    // A report without a date in its text: the note says the report's date is proposed;
    // unticked, nothing is stored.
    let at = entries(&s);
    let (status, page) = read(
        &eda,
        "The president pardoned 12 political prisoners.",
        "2025-02-01",
    );
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains(
            "Pardon (12): the text gives no date; the report's date, 1 February 2025, is proposed."
        ),
        "{page}"
    );
    let (action, mut fields) = form_fields(&page, "confirm-form");
    fields.retain(|k, _| !k.starts_with("keep."));
    let (status, page) = eda.post(&action, &fields);
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("every proposal was left out"), "{page}");
    assert_eq!(entries(&s), at, "nothing written");

    // The notes are in the editor's language.
    let (_, page) = eda.get("/edit/extract?lang=ru");
    let (action, mut fields) = form_fields(&page, "extract-form");
    for (k, v) in [
        ("text", "Президент помиловал 12 политзаключённых."),
        ("date", "2025-02-01"),
        ("country", "BY"),
    ] {
        fields.insert(k.into(), v.into());
    }
    let (status, page) = eda.post(&format!("{action}?lang=ru"), &fields);
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Помилование (12): в тексте нет даты; предложена дата сообщения"),
        "{page}"
    );
    assert!(!page.contains("has no date in the text"), "{page}");
}

/// The report's date as monitors write it (03.07.2025) is read; the breakdown is in the
/// reader's words, not the record's keys; a date that is none is refused in the reader's
/// language, with the forms it may take.
#[test]
fn the_reports_date_and_breakdown_are_read_and_said_as_a_monitor_writes_them() {
    let s = registry_with_accounts(STORED);
    let server = Server::start(&s);
    let eda = Browser::login(&server.base, "eda");
    let report = "The president pardoned 16 political prisoners, among them 5 women.";
    let (status, page) = read(&eda, report, "03.07.2025");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Pardon: 16 persons"), "{page}");
    assert!(
        page.contains("value=\"2025-07-03\""),
        "the date proposed: {page}"
    );
    assert!(page.contains("women 5"), "{page}");
    assert!(!page.contains("breakdown.women"), "{page}");
    let (_, form) = eda.get("/edit/extract?lang=ru");
    let (action, mut fields) = form_fields(&form, "extract-form");
    for (k, v) in [
        ("text", "Президент помиловал 12 политзаключённых."),
        ("date", "31.02.2025"),
    ] {
        fields.insert(k.into(), v.into());
    }
    let (status, page) = eda.post(&format!("{action}?lang=ru"), &fields);
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("такого дня нет в календаре"), "{page}");
    // In Russian the breakdown is in Russian words.
    fields.insert(
        "text".into(),
        "Президент помиловал 16 политзаключённых, среди них 5 женщин.".into(),
    );
    fields.insert("date".into(), "03.07.2025".into());
    let (status, page) = eda.post(&format!("{action}?lang=ru"), &fields);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("женщины 5"), "{page}");
}
