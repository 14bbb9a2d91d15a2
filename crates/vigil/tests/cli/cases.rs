//! Cases, places and letters through the real binary: a real-shaped record (detained
//! 2020-08-10, sentenced 2021-03-03 to 11 years in a general-regime colony, SIZO → in
//! transit → colony) answered by the CLI, the API, the person page and the dashboard; and
//! the canary crawl for what a restricted person's case must never show: place, address,
//! article, envelope, birthday, appeal court — on no page, API answer, calendar feed or
//! export. An appeal that reduces the term moves the expected release.

use serde_json::json;

use crate::crawl::Crawl;
use crate::serve::{Server, CANARIES, SECRETS};
use crate::{Scratch, CONTRACT_EXAMPLE};

/// Penal colony No. 4 in Homiel as Viasna's record gives its address; SIZO No. 1 in Minsk.
const REAL: &str = r#"{"type":"place","id":"pl-sizo1","names":[{"text":"СИЗО-1, Минск","lang":"ru"},{"text":"СІЗА-1, Мінск","lang":"be"},{"text":"Pre-trial prison No. 1, Minsk","lang":"en"}],"kind":"sizo","country":"BY","region":"Minsk","address":"220030, г. Минск, ул. Володарского, 2"}
{"type":"place","id":"pl-ik4","names":[{"text":"ИК-4, Гомель","lang":"ru"},{"text":"ПК-4, Гомель","lang":"be"},{"text":"Penal colony No. 4, Homieĺ","lang":"en"}],"kind":"colony","country":"BY","region":"Homiel","address":"246035, г. Гомель, ул. Антошкина, 3","coordinates":{"lat":52.42,"lon":31.01}}
{"type":"person","id":"p-real","names":[{"text":"Real Shaped"},{"text":"Реальны Прыклад","lang":"be"}],"sex":"male","birth_date":"1985-04-02","country":"BY","visibility":"public","consent":["letters","calendar"],"envelope":"Прыкладу Рэальнаму Іванавічу, 1985 г. н."}
{"type":"event","id":"r1","person":"p-real","kind":"detained","date":"2020-08-10"}
{"type":"event","id":"r2","person":"p-real","kind":"transferred","date":"2020-08-13","details":{"place":"pl-sizo1"}}
{"type":"event","id":"r3","person":"p-real","kind":"recognized","date":"2020-09","details":{"by":"Viasna"}}
{"type":"event","id":"r4","person":"p-real","kind":"charged","date":"2020-09-01","details":{"articles":["342"]}}
{"type":"event","id":"r5","person":"p-real","kind":"sentenced","date":"2021-03-03","details":{"term_months":132,"regime":"general","articles":["342","130"],"court":"Minsk City Court"}}
{"type":"event","id":"r6","person":"p-real","kind":"transferred","date":"2021-04-20","details":{"in_transit":true}}
{"type":"event","id":"r7","person":"p-real","kind":"transferred","date":"2021-05-04","details":{"place":"pl-ik4"}}
"#;

#[test]
fn a_real_shaped_record_gives_release_place_letters_and_the_article_count() {
    let s = Scratch::new();
    let r = s.import("real.jsonl", REAL);
    assert!(r.status, "{}", r.stderr);
    let by = s.json(&["stats", "held", "--on", "2024-01-01", "--by", "article"]);
    assert_eq!(by["held"], 1);
    assert_eq!(
        by["by"],
        json!({"342": 1}),
        "the main article of the verdict"
    );
    let status = s.json(&["stats", "held", "--on", "2021-01-01", "--by", "status"]);
    assert_eq!(status["by"], json!({"pre_trial": 1}));
    let term = s.json(&["stats", "held", "--on", "2024-01-01", "--by", "term"]);
    assert_eq!(
        term["by"],
        json!({"10_15": 1}),
        "11 years is in the 10-15 band"
    );
    let before = s.json(&["stats", "held", "--on", "2021-01-01", "--by", "term"]);
    assert_eq!(before["by"], json!({"pre_trial": 1}));
    let ahead = s.json(&["stats", "releases", "--on", "2031-01-15", "--months", "12"]);
    assert_eq!(ahead["held"], 1);
    let august: Vec<&serde_json::Value> = ahead["months"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["expected"] != 0)
        .collect();
    assert_eq!(
        august,
        [&json!({"month": "2031-08", "expected": 1, "expected_min": 1, "expected_max": 1})],
        "expected on 2031-08-09, known to the day"
    );
    let now = s.json(&["stats", "releases", "--on", "2024-01-01"]);
    assert_eq!(now["other"]["later"], 1, "{now}");
    let text = s.ok(&["stats", "releases", "--on", "2031-01-15"]);
    assert!(text.contains("2031-08"), "{text}");
    let released = s.json(&["stats", "released", "--on", "2031-08-15"]);
    assert_eq!(
        (released["from"].as_str(), released["released"].as_i64()),
        (Some("2031-08-09"), Some(0)),
        "no release recorded: expected is not released"
    );
    let place = s.json(&["stats", "held", "--on", "2021-04-25", "--by", "place"]);
    assert_eq!(
        place["by"],
        json!({"in_transit": 1}),
        "on the way between places"
    );
    let server = Server::start(&s);
    let p = server.json("/api/v1/persons/p-real");
    assert_eq!(
        p["expected_release"],
        json!({"earliest": "2031-08-09", "latest": "2031-08-09"}),
        "11 years from the first day of custody, released on the last day of the term"
    );
    assert_eq!(p["place"], "pl-ik4");
    let stays: Vec<&str> = p["custody"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(stays, ["place", "in_transit", "place"]);
    assert_eq!(
        p["letters"]["name"],
        "Прыкладу Рэальнаму Іванавічу, 1985 г. н."
    );
    assert_eq!(
        p["letters"]["address"],
        "246035, г. Гомель, ул. Антошкина, 3"
    );
    assert_eq!(p["recognized_by"], json!(["Viasna"]));
    let (_, page) = server.get("/persons/p-real?lang=be");
    assert!(page.contains("ПК-4, Гомель"), "the place in Belarusian");
    assert!(page.contains("246035, г. Гомель, ул. Антошкина, 3"));
    assert!(page.contains("2031"), "the expected release");
    let (_, dashboard) = server.get("/?lang=en");
    assert!(
        dashboard.contains("By article") && dashboard.contains("art. 342"),
        "the dashboard's by-article table"
    );
    assert!(
        dashboard.contains("By length of sentence")
            && dashboard.contains("Released in the last 7 days"),
        "the dashboard's sentence-length table and releases"
    );
    let months = server.json("/api/v1/stats/releases?on=2031-01-15");
    assert_eq!(
        months["small"],
        json!(["2031-08"]),
        "one person expected in a month is a small cell for the public"
    );
    assert_eq!(months["months"][7]["expected"], serde_json::Value::Null);
    let api = server.json("/api/v1/stats/held?on=2024-01-01&by=article");
    assert_eq!(
        api["small"],
        json!(["342"]),
        "one person is a small cell for the public"
    );
}

#[test]
fn an_appeal_reducing_the_term_moves_the_expected_release_in_the_api_and_on_the_page() {
    let s = Scratch::new();
    let appealed = REAL.replace(
        r#""court":"Minsk City Court"}"#,
        r#""court":"Minsk City Court","appeal":{"date":"2021-06-01","court":"Вярхоўны суд Рэспублікі Беларусь","outcome":"reduced","term_months":96}}"#,
    );
    assert_ne!(appealed, REAL);
    let r = s.import("real.jsonl", &appealed);
    assert!(r.status, "{}", r.stderr);
    let before = s.json(&["stats", "held", "--on", "2021-05-31", "--by", "term"]);
    assert_eq!(
        before["by"],
        json!({"10_15": 1}),
        "11 years until the appeal"
    );
    let after = s.json(&["stats", "held", "--on", "2021-06-01", "--by", "term"]);
    assert_eq!(
        after["by"],
        json!({"5_10": 1}),
        "8 years from the appeal on"
    );
    let server = Server::start(&s);
    let p = server.json("/api/v1/persons/p-real");
    assert_eq!(
        p["expected_release"],
        json!({"earliest": "2028-08-09", "latest": "2028-08-09"}),
        "8 years from the detention"
    );
    let verdict = p["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "sentenced")
        .unwrap();
    assert_eq!(verdict["details"]["appeal"]["outcome"], "reduced");
    let (_, be) = server.get("/persons/p-real?lang=be");
    assert!(be.contains("тэрмін паменшаны: 96 месяцаў"), "{be}");
    assert!(be.contains("Вярхоўны суд Рэспублікі Беларусь"), "{be}");
    assert!(be.contains("2028"), "the expected release moved");
    let (_, ru) = server.get("/persons/p-real?lang=ru");
    assert!(ru.contains("апелляция: срок снижен"), "{ru}");
    // An unknown outcome is refused, naming the field and the value; nothing changes.
    let wrong = appealed.replace(r#""outcome":"reduced""#, r#""outcome":"softened""#);
    let r = s.import("wrong.jsonl", &wrong);
    assert!(!r.status);
    assert!(
        r.stderr.contains("details.appeal.outcome") && r.stderr.contains("softened"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_restricted_persons_case_reaches_no_public_page_api_answer_feed_or_export() {
    let s = Scratch::new();
    assert!(s.import("base.jsonl", CONTRACT_EXAMPLE).status);
    assert!(s.import("canaries.jsonl", CANARIES).status);
    assert!(s.import("real.jsonl", REAL).status);
    // A birthday in the calendar's window, so the feed has something to leak.
    let soon = chrono::Utc::now().date_naive() + chrono::Duration::days(10);
    let birthday = format!("1977-{}", soon.format("%m-%d"));
    let cases = [
        json!({"type":"place","id":"pl-hidden","names":[{"text":"Hidden colony"}],"kind":"colony","address":"HIDDEN-PLACE-ADDRESS"}),
        json!({"type":"person","id":"p-canary-case","names":[{"text":"CANARY Case Name"}],"birth_date":birthday,"country":"BY","visibility":"restricted","consent":["letters","calendar"],"envelope":"CANARY ENVELOPE"}),
        json!({"type":"event","id":"e-canary-c1","person":"p-canary-case","kind":"detained","date":"2022-01-01"}),
        json!({"type":"event","id":"e-canary-c2","person":"p-canary-case","kind":"recognized","date":"2022-01-02","details":{"by":"CANARY-ORG"}}),
        json!({"type":"event","id":"e-canary-c3","person":"p-canary-case","kind":"sentenced","date":"2022-06-01","details":{"term_months":48,"articles":["CANARY-ARTICLE"],"regime":"strict","appeal":{"date":"2022-09-01","court":"CANARY-APPEAL-COURT","outcome":"upheld"}}}),
        json!({"type":"event","id":"e-canary-c4","person":"p-canary-case","kind":"transferred","date":"2022-07-01","details":{"place":"pl-hidden"}}),
        // A public, consenting person's hidden transfer: no place and no letters for them.
        json!({"type":"event","id":"e-canary-c5","person":"p-real","kind":"transferred","date":"2023-02-02","visibility":"restricted","details":{"place":"pl-hidden"}}),
        json!({"type":"event","id":"e-canary-c6","person":"p-real","kind":"conditions","date":"2023-02-03","visibility":"restricted","details":{"conditions":["punishment_cell"]}}),
    ];
    let text: String = cases.iter().map(|c| c.to_string() + "\n").collect();
    let r = s.import("cases.jsonl", &text);
    assert!(r.status, "{}", r.stderr);
    // Editors see it all.
    let trusted = s.json(&[
        "stats",
        "held",
        "--on",
        "2023-06-01",
        "--by",
        "place",
        "--all",
    ]);
    assert_eq!(trusted["by"]["pl-hidden"], 2);
    let server = Server::start(&s);
    let secrets: Vec<String> = SECRETS
        .iter()
        .map(ToString::to_string)
        .chain(
            [
                "pl-hidden",
                "HIDDEN-PLACE-ADDRESS",
                "Hidden colony",
                &birthday,
                "punishment",
            ]
            .map(String::from),
        )
        .collect();
    let seeds = [
        "/",
        "/calendar",
        "/calendar.ics",
        "/api/v1/calendar",
        "/persons/p-real",
        "/api/v1/persons/p-real",
        "/api/v1/persons/p-canary-case",
        "/api/v1/stats/held?on=2023-06-01&by=article",
        "/api/v1/stats/held?on=2023-06-01&by=place",
        "/api/v1/stats/held?on=2023-06-01&by=regime&format=csv",
        "/api/v1/stats/held?on=2023-06-01&by=status",
        "/api/v1/stats/held?on=2023-06-01&by=recognized_by",
        "/api/v1/stats/held?on=2023-06-01&by=term",
        "/api/v1/stats/releases?on=2023-06-01&months=36",
        "/api/v1/stats/releases?on=2023-06-01&months=36&format=csv",
        "/api/v1/stats/released?on=2026-01-05&days=30",
        "/api/v1/check",
    ];
    let crawl = Crawl::run(&server.base, &seeds, &|body: &str, what: &str| {
        for secret in &secrets {
            assert!(
                !body.contains(secret.as_str()),
                "{what} leaks {secret:?}:\n{body}"
            );
        }
    });
    assert!(
        crawl.api.contains("/calendar.ics") || crawl.api.iter().any(|a| a.contains("calendar")),
        "{:?}",
        crawl.api
    );
    // The public consenting person: the place the public may see is the colony, and the
    // letters go there.
    let p = server.json("/api/v1/persons/p-real");
    assert_eq!(p["place"], "pl-ik4");
    assert!(p["letters"]["address"]
        .as_str()
        .unwrap()
        .contains("Антошкина"));
    // The restricted person is expected out on 2025-12-31: editors see the month, the
    // public never has them in a month, and the one person withheld is a small cell.
    let trusted = s.json(&["stats", "releases", "--on", "2023-06-01", "--months", "36"]);
    assert_eq!(trusted["months"][30]["month"], "2025-12");
    assert_eq!(trusted["months"][30]["expected"], 1, "{trusted}");
    let public = server.json("/api/v1/stats/releases?on=2023-06-01&months=36");
    assert_eq!(public["months"][30]["expected"], 0, "{public}");
    assert!(public["other"].get("withheld").is_none(), "{public}");
    assert!(
        public["small"]
            .as_array()
            .unwrap()
            .contains(&json!("withheld")),
        "{public}"
    );
    let feed = server.get("/calendar.ics").1;
    assert!(feed.starts_with("BEGIN:VCALENDAR"), "{feed}");
    assert!(!feed.contains("CANARY"), "{feed}");
    // The feed speaks the subscriber's language, as the calendar page links it.
    let feed_ru = server.get("/calendar.ics?lang=ru").1;
    assert!(feed_ru.contains("Календарь поддержки"), "{feed_ru}");
    assert!(!feed_ru.contains("CANARY"), "{feed_ru}");
    assert!(
        feed.contains("Support calendar") || feed.contains("Каляндар"),
        "{feed}"
    );
    // Exports: what links a restricted person to a case is not in them.
    let mut exports = vec![
        s.ok(&["export", "--public"]),
        s.ok(&["export", "--format", "ftm", "--public"]),
    ];
    let dir = s.dir.path().join("public-csv");
    s.ok(&[
        "export",
        "--format",
        "csv",
        "--public",
        "--out",
        dir.to_str().unwrap(),
    ]);
    for f in std::fs::read_dir(&dir).unwrap() {
        exports.push(std::fs::read_to_string(f.unwrap().path()).unwrap());
    }
    for text in &exports {
        for secret in
            SECRETS
                .iter()
                .copied()
                .chain([birthday.as_str(), "e-canary-c5", "punishment"])
        {
            assert!(!text.contains(secret), "a public export leaks {secret}");
        }
    }
}

#[test]
fn a_viasna_style_sheet_with_the_appeal_gives_the_expected_release_and_the_court() {
    let s = Scratch::new();
    let csv = "id;ФИО;Видимость;Дата задержания;Статья;Дата приговора;Приговор;Режим;Суд;Судья;Адвокат;Начало срока;Дата апелляции;Апелляционный суд;Решение по апелляции;Срок после апелляции
p-sheet;Иванов Иван Иванович;public;10.08.2020;ч. 1 ст. 342 УК;03.03.2021;11 лет;общий;Минский городской суд;Петров П. П.;Кузнецова А. А.;10.08.2020;01.06.2021;Верховный суд;срок снижен;8 лет
";
    let r = s.import("viasna.csv", csv);
    assert!(r.status, "{}", r.stderr);
    let server = Server::start(&s);
    let p = server.json("/api/v1/persons/p-sheet");
    assert_eq!(
        p["expected_release"],
        json!({"earliest": "2028-08-09", "latest": "2028-08-09"}),
        "{p}"
    );
    let (_, ru) = server.get("/persons/p-sheet?lang=ru");
    assert!(ru.contains("Минский городской суд"), "{ru}");
    assert!(ru.contains("срок снижен: 96 месяцев"), "{ru}");
}
