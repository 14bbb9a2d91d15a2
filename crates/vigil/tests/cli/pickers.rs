//! The editors' pickers take typed words, not ids: a source or an announcement typed as a
//! monitor remembers it (a publisher, an issuer) is resolved on the server to the one
//! stored record it names; words that name several bring the form back asking which one
//! (listing them, what was typed kept, nothing written), and words naming none say so.

use crate::forms::{registry_with_accounts, stored, Browser};
use crate::serve::Server;

const STORED: &str = r#"{"type":"source","id":"s1","publisher":"RFE/RL","title":"Belarus Issues New Pardons","published":"2024-12-09"}
{"type":"source","id":"s2","publisher":"RFE/RL","title":"Lukashenka pardons 20 more","published":"2024-12-20"}
{"type":"source","id":"s3","publisher":"Viasna","title":"Weekly report","published":"2024-12-10"}
{"type":"announcement","id":"a1","kind":"pardon","date":"2024-12-09","country":"BY","issuer":"Presidential administration","total":29,"sources":["s1"]}
{"type":"announcement","id":"a2","kind":"pardon","date":"2024-12-20","country":"BY","issuer":"Lukashenka","total":20,"sources":["s2"]}
"#;

fn entries(s: &crate::Scratch) -> u64 {
    s.json(&["verify"])["entries"].as_u64().unwrap()
}

#[test]
fn typed_words_pick_the_record_or_ask_which_one() {
    let s = registry_with_accounts(STORED);
    let server = Server::start(&s);
    let eda = Browser::login(&server.base, "eda");

    // "RFE/RL" names two sources: the form comes back listing both, nothing written.
    let at = entries(&s);
    let person = [
        ("name", "Марфа Рабкова"),
        ("name_lang", "be"),
        ("country", "BY"),
        ("first.detained", "18.09.2020"),
    ];
    let mut typed = person.to_vec();
    typed.push(("sources.add", "RFE/RL"));
    let (status, page) = eda.submit("/edit", "person-form", &typed);
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("Several stored records match"), "{page}");
    assert!(
        page.contains("Belarus Issues New Pardons") && page.contains("Lukashenka pardons 20 more")
    );
    assert!(
        page.contains("value=\"RFE/RL\""),
        "what was typed is kept: {page}"
    );
    assert_eq!(entries(&s), at, "nothing written");

    // A word nobody stored: said so.
    let mut typed = person.to_vec();
    typed.push(("sources.add", "Nasha Niva"));
    let (status, page) = eda.submit("/edit", "person-form", &typed);
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("Nothing stored matches"), "{page}");

    // "viasna weekly" names one: her detention cites it.
    let mut typed = person.to_vec();
    typed.push(("sources.add", "viasna weekly"));
    let (status, page) = eda.submit("/edit", "person-form", &typed);
    assert_eq!(status, 200, "{page}");
    let all = stored(&s);
    let id = all
        .iter()
        .find(|((t, _), v)| t == "person" && v["names"][0]["text"] == "Марфа Рабкова")
        .map(|(k, _)| k.1.clone())
        .expect("she is stored");
    let detained = all
        .values()
        .find(|v| v["kind"] == "detained" && v["person"] == id.as_str())
        .unwrap();
    assert_eq!(detained["sources"], serde_json::json!(["s3"]));

    // Her pardon: "2024" is in both December announcements' words, so the form asks
    // which; the issuer's name picks one.
    let path = format!("/edit/person/{id}");
    let pardon = [("kind", "pardoned"), ("date", "20.12.2024")];
    let at = entries(&s);
    let mut typed = pardon.to_vec();
    typed.push(("announcement", "2024"));
    let (status, page) = eda.submit(&path, "new-event-form", &typed);
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("Several stored records match"), "{page}");
    assert!(page.contains("Presidential administration") && page.contains("Lukashenka"));
    assert_eq!(entries(&s), at, "nothing written");
    let mut typed = pardon.to_vec();
    typed.push(("announcement", "lukashenka"));
    let (status, page) = eda.submit(&path, "new-event-form", &typed);
    assert_eq!(status, 200, "{page}");
    let pardoned = stored(&s)
        .into_values()
        .find(|v| v["kind"] == "pardoned" && v["person"] == id.as_str())
        .expect("the pardon is stored");
    assert_eq!(pardoned["announcement"], "a2");

    // The form lists the stored choices for the browser to narrow as one types.
    let (_, page) = eda.get(&path);
    assert!(page.contains("<datalist"), "{page}");
    assert!(!page.contains("select id=\"new-event-form-announcement\""));
}
