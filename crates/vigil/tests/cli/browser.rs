//! The dashboard in headless Chromium, driven by tests/browser/dashboard.mjs
//! (playwright-core): no console errors, no request to another host, the headline equals
//! the API's, the chart is drawn, a wave opens its announcement, the directory's filter
//! finds a person, and the page fits a 390 px screen; the editors' pages (editor.mjs), and
//! the person form keeping every field it does not show (person_form.mjs); the public
//! pages in Belarusian, Russian and English (languages.mjs); a spreadsheet imported from
//! the editors' side (sheet.mjs). Screenshots go to
//! target/screenshots/ (the languages' to target/screenshots/languages/).

use std::path::PathBuf;
use std::process::Command;

use crate::serve::Server;
/// Runs a browser script (`tests/browser/*.mjs`) with the server's address, the folder
/// for its screenshots and `extra` arguments, and gives what it printed; a script that
/// fails fails the test with everything it said.
fn node(
    script: impl AsRef<std::ffi::OsStr>,
    base: &str,
    shots: &std::path::Path,
    extra: &[&dyn AsRef<std::ffi::OsStr>],
) -> String {
    let script = script.as_ref();
    let out = Command::new("node")
        .arg(script)
        .arg(base)
        .arg(shots)
        .args(extra.iter().map(AsRef::as_ref))
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        out.status.success(),
        "{} failed:\n{stdout}\n{stderr}",
        script.to_string_lossy()
    );
    stdout
}

/// Node, Chromium and the pinned driver are there (CI must have them).
fn browser_ready(root: &std::path::Path) -> bool {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = root
        .join("tests/browser/node_modules/playwright-core")
        .exists()
        && PathBuf::from(&chromium).exists()
        && Command::new("node")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run the browser tests: .ci/run installs chromium and runs npm ci in tests/browser"
        );
        eprintln!(
            "skipping a browser test: needs node, {chromium} and `npm ci --prefix tests/browser`"
        );
    }
    ready
}

#[test]
fn an_editor_changes_the_public_count_and_a_stale_save_is_refused() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !browser_ready(&root) {
        return;
    }
    let s = crate::Scratch::new();
    assert!(s.import("base.jsonl", crate::CONTRACT_EXAMPLE).status);
    for name in ["eda", "edb"] {
        let r = s.run_stdin(
            &["user", "add", name, "--role", "editor"],
            &format!("{name} password 123\n"),
        );
        assert!(r.status, "{}", r.stderr);
    }
    let server = Server::start(&s);
    let shots = root.join("target/screenshots");
    let stdout = node(
        root.join("tests/browser/editor.mjs"),
        &server.base,
        &shots,
        &[],
    );
    assert!(stdout.starts_with("ok: public count "), "{stdout}");
    // The saves are log entries under each editor's name; the chain holds.
    let log = s.ok(&["log", "--json"]);
    assert!(log.contains("eda"), "{log}");
    assert_eq!(s.json(&["verify"])["ok"], true);
}

#[test]
fn a_monitor_imports_a_spreadsheet_from_the_editors_side_in_a_real_browser() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !browser_ready(&root) {
        return;
    }
    let s = crate::Scratch::new();
    assert!(s.import("base.jsonl", crate::CONTRACT_EXAMPLE).status);
    let r = s.run_stdin(
        &["user", "add", "eda", "--role", "editor"],
        "eda password 123\n",
    );
    assert!(r.status, "{}", r.stderr);
    // Belarusian headers, the date forms monitors write, a column vigil does not know;
    // two of the three are held today (the third was released).
    let rows: [[&str; 6]; 4] = [
        [
            "Прозвішча, імя",
            "Дата затрымання",
            "Дата прызнання",
            "Дата вызвалення",
            "Заўвагі",
            "Бачнасць",
        ],
        [
            "Ганна Лявонава",
            "12.03.2021",
            "сакавік 2021",
            "",
            "ліст атрыманы",
            "публічна",
        ],
        ["Пётр Сцяпанаў", "2022", "05.2022", "", "", "публічна"],
        [
            "Яўген Мікалаеў",
            "10.08.2020",
            "2020-09-01",
            "16.09.2025",
            "",
            "публічна",
        ],
    ];
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    let path = s.dir.path().join("спіс.xlsx");
    book.save(&path).unwrap();
    let server = Server::start(&s);
    let shots = root.join("target/screenshots");
    let stdout = node(
        root.join("tests/browser/sheet.mjs"),
        &server.base,
        &shots,
        &[&path, &"2"],
    );
    assert!(stdout.starts_with("ok: public count "), "{stdout}");
    eprintln!("{stdout}");
    // The import is in the log under the editor's name, with the file named; the chain holds.
    let log = s.ok(&["log", "--json"]);
    assert!(log.contains("spreadsheet спіс.xlsx"), "{log}");
    assert_eq!(s.json(&["verify"])["ok"], true);
}

/// A person with every field set, names in two scripts, and a field vigil does not know.
const FULL_PERSON: &str = r#"{"type":"person","id":"p-full","names":[{"text":"Ales Bialiatski","script":"Latn"},{"text":"Алесь Бяляцкі","lang":"be","script":"Cyrl","kind":"native"},{"text":"Алесь Беляцкий","lang":"ru","script":"Cyrl"}],"sex":"male","birth_date":"1962-09-25","country":"BY","region":"Minsk","roles":["human_rights_defender","civic_activist"],"health":["chronic_illness","disability"],"prominent":true,"visibility":"public","note":"kept though vigil does not know it"}
{"type":"event","id":"e-full-1","person":"p-full","kind":"detained","date":"2021-07-14"}
{"type":"event","id":"e-full-2","person":"p-full","kind":"recognized","date":"2021-07"}
"#;

#[test]
fn the_person_form_keeps_every_field_it_does_not_show_in_a_real_browser() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !browser_ready(&root) {
        return;
    }
    let s = crate::Scratch::new();
    assert!(s.import("full.jsonl", FULL_PERSON).status);
    let r = s.run_stdin(
        &["user", "add", "eda", "--role", "editor"],
        "eda password 123\n",
    );
    assert!(r.status, "{}", r.stderr);
    let before = s.ok(&["export"]);
    let server = Server::start(&s);
    let shots = root.join("target/screenshots");
    let stdout = node(
        root.join("tests/browser/person_form.mjs"),
        &server.base,
        &shots,
        &[&"p-full"],
    );
    assert!(stdout.starts_with("ok: birth year "), "{stdout}");
    // What the store holds: only the birth date differs from before, in every record.
    let after = s.ok(&["export"]);
    let parse = |t: &str| -> Vec<serde_json::Value> {
        t.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (mut want, got) = (parse(&before), parse(&after));
    for r in &mut want {
        if r["id"] == "p-full" {
            r["birth_date"] = serde_json::json!("1963");
        }
    }
    assert_eq!(got, want);
    assert_eq!(s.json(&["verify"])["ok"], true);
}

#[test]
fn the_dashboard_works_in_a_real_browser() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let script = root.join("tests/browser/dashboard.mjs");
    if !browser_ready(&root) {
        return;
    }
    let server = Server::start_with(&[
        "serve",
        "--demo",
        "--persons",
        "3000",
        "--addr",
        "127.0.0.1:0",
    ]);
    let shots = root.join("target/screenshots");
    let stdout = node(&script, &server.base, &shots, &[]);
    assert!(stdout.starts_with("ok: headline "), "{stdout}");
    for shot in [
        "dashboard-1024.png",
        "dashboard-390.png",
        "announcement.png",
        "person.png",
    ] {
        assert!(
            shots.join(shot).metadata().is_ok_and(|m| m.len() > 10_000),
            "screenshot {shot} missing"
        );
    }
}

/// A registry whose free text is Cyrillic (names — with their Latin forms marked `en` or
/// `be-Latn`, and one with no language —, regions, courts, issuers, claims, sources), so
/// that any Latin word on a Belarusian or Russian page is the page's own. It uses every
/// event kind, release reason and figure qualifier, the usual roles and metrics, and has
/// in 2024 five pardon waves of 22 persons in Belarus (one pardoned person restricted) and
/// two of 21 in Russia.
fn cyrillic_registry() -> String {
    use serde_json::json;
    let mut lines = vec![
        json!({"type":"source","id":"s-vyasna","publisher":"Вясна","title":"Спіс палітычных вязняў","url":"https://example.org/vyasna","published":"2024-12-09"}),
        json!({"type":"source","id":"s-ovd","publisher":"ОВД-Инфо","title":"Сводка преследований","url":"https://example.org/ovd"}),
    ];
    let claims = json!(["Усе вызваленыя напісалі прашэнні аб памілаванні"]);
    let waves: [(&str, &str, &str, u32); 7] = [
        ("a-by-2024-1", "BY", "2024-01-17", 2),
        ("a-by-2024-2", "BY", "2024-05-03", 3),
        ("a-by-2024-3", "BY", "2024-07-03", 4),
        ("a-by-2024-4", "BY", "2024-09-16", 5),
        ("a-by-2024-5", "BY", "2024-12-09", 8),
        ("a-ru-2024-1", "RU", "2024-06-12", 10),
        ("a-ru-2024-2", "RU", "2024-11-04", 11),
    ];
    for (id, country, date, total) in waves {
        let women = total / 3;
        lines.push(json!({"type":"announcement","id":id,"kind":"pardon","date":date,"country":country,
            "issuer":"Адміністрацыя прэзідэнта","total":total,"breakdown":{"women":women,"men":total - women,"pensioners":1},
            "names_disclosed":false,"claims":claims,"sources":["s-vyasna"]}));
    }
    lines.push(json!({"type":"announcement","id":"a-by-2025-amnesty","kind":"amnesty","date":"2025-07-03","country":"BY",
        "issuer":"Палата прадстаўнікоў","total":10,"breakdown":{"minors":1,"disabled":2,"chronic_illness":3},"sources":["s-ovd"]}));
    for (id, metric, value, qualifier, as_of) in [
        (
            "f1",
            "political_prisoners_held",
            1300.0,
            "approximately",
            "2024-12-09",
        ),
        ("f2", "pardoned_total_year", 22.0, "at_least", "2024-12-31"),
        ("f3", "pardon_waves_year", 5.0, "exact", "2024-12-31"),
        ("f4", "exiled_total", 300.0, "more_than", "2025-06-30"),
        (
            "f5",
            "political_prisoners_held",
            1500.5,
            "up_to",
            "2025-06-30",
        ),
    ] {
        lines.push(
            json!({"type":"figure","id":id,"metric":metric,"value":value,"qualifier":qualifier,
            "as_of":as_of,"country":"BY","sources":["s-vyasna"]}),
        );
    }
    // (Belarusian, Russian, Latin, female)
    let belarusians = [
        (
            "Андрэй Каваленка",
            "Андрей Коваленко",
            "Andrei Kavalenka",
            false,
        ),
        ("Вольга Шаўчук", "Ольга Шевчук", "Volha Shauchuk", true),
        ("Сяргей Мельнік", "Сергей Мельник", "Siarhei Melnik", false),
        (
            "Наталля Лысенка",
            "Наталья Лысенко",
            "Natallia Lysenka",
            true,
        ),
        ("Павел Бондар", "Павел Бондарь", "Pavel Bondar", false),
        ("Марына Ткачук", "Марина Ткачук", "Maryna Tkachuk", true),
        (
            "Дзмітрый Кавальчук",
            "Дмитрий Ковальчук",
            "Dzmitry Kavalchuk",
            false,
        ),
        ("Алена Кроль", "Елена Кроль", "Alena Krol", true),
        ("Ігар Шыманскі", "Игорь Шиманский", "Ihar Shymanski", false),
        ("Тацяна Марчук", "Татьяна Марчук", "Tatsiana Marchuk", true),
        ("Віктар Гуз", "Виктор Гузь", "Viktar Huz", false),
        ("Юлія Сідарэнка", "Юлия Сидоренко", "Yuliya Sidarenka", true),
        (
            "Кірыл Дарашэвіч",
            "Кирилл Дорошевич",
            "Kiryl Darashevich",
            false,
        ),
    ];
    let roles = [
        "politician",
        "journalist",
        "human_rights_defender",
        "civic_activist",
        "lawyer",
        "trade_unionist",
        "culture_worker",
        "student",
        "activist",
        "religious",
    ];
    let regions = ["Мінск", "Гомель", "Брэст", "Гродна", "Магілёў", "Віцебск"];
    let births = [
        "1962-09-25",
        "1990",
        "1985-03",
        "2004-05-01",
        "1955",
        "1978-11-30",
    ];
    let reasons = [
        "end_of_term",
        "conditional",
        "deported",
        "acquittal",
        "amnesty",
        "other",
    ];
    for (i, (be, ru, latin, female)) in belarusians.iter().enumerate() {
        let id = format!("b{}", i + 1);
        let mut names = vec![
            json!({"text":be,"lang":"be"}),
            json!({"text":ru,"lang":"ru"}),
            json!({"text":latin,"lang":"en"}),
        ];
        match i {
            0 => names.push(json!({"text":"Andrej Kavalenka","lang":"be-Latn"})),
            // A Latin form nobody said the language of, first.
            1 => names.insert(0, json!({"text":latin})),
            _ => {}
        }
        // The last one is pardoned with the others but is not public.
        let visibility = if i == belarusians.len() - 1 {
            "restricted"
        } else {
            "public"
        };
        lines.push(json!({"type":"person","id":id,"names":names,"sex":if *female {"female"} else {"male"},
            "birth_date":births[i % births.len()],"country":"BY","region":regions[i % regions.len()],
            "roles":[roles[i % roles.len()], roles[(i + 3) % roles.len()]],
            "health": if i == 0 { json!(["chronic_illness","disability"]) } else { json!([]) },
            "visibility":visibility}));
        let event = |n: usize, kind: &str, date: &str| json!({"type":"event","id":format!("{id}-e{n}"),"person":id,"kind":kind,"date":date});
        let mut detained = event(1, "detained", &format!("2021-{:02}-14", i % 12 + 1));
        detained["sources"] = json!(["s-vyasna", "s-ovd"]);
        let mut recognized = event(2, "recognized", "2021-12");
        recognized["details"] = json!({"by":"Вясна"});
        let mut charged = event(3, "charged", "2022-01-10");
        charged["details"] = json!({"articles":["342"]});
        let mut sentenced = event(4, "sentenced", "2022-06-20");
        sentenced["details"] = json!({"term_months":36 + 6 * i,"articles":["342","361-1"],"court":"Мінскі гарадскі суд"});
        let mut transferred = event(5, "transferred", "2022-08");
        transferred["details"] = json!({"from":"СІЗА-1, Мінск","to":"ПК-17, Шклоў"});
        let mut conditions = event(6, "conditions", "2023-02-01");
        conditions["details"] = json!({"note":"ШІЗА, 10 сутак"});
        lines.extend([
            detained,
            recognized,
            charged,
            sentenced,
            transferred,
            conditions,
        ]);
        let outcome: Vec<serde_json::Value> = match i {
            // Pardoned in the Belarusian waves of 2024, one each.
            0..=4 => {
                let mut p = event(7, "pardoned", waves[i].2);
                p["announcement"] = json!(waves[i].0);
                vec![p]
            }
            12 => {
                let mut p = event(7, "pardoned", waves[4].2);
                p["announcement"] = json!(waves[4].0);
                vec![p]
            }
            5..=10 => {
                let mut r = event(7, "released", "2025-03-01");
                r["details"] = json!({"reason":reasons[i - 5]});
                let mut v = vec![r];
                match i {
                    6 => v.push(event(8, "exiled", "2025-03-02")),
                    7 => v.push(event(8, "harassed", "2025-09-01")),
                    8 => v.push(event(8, "detained", "2026-03-15")),
                    9 => v.push(event(8, "recognition_withdrawn", "2025-04")),
                    _ => {}
                }
                v
            }
            _ => vec![
                event(7, "disappeared", "2024-02"),
                event(8, "died_in_custody", "2024-03-01"),
            ],
        };
        lines.extend(outcome);
    }
    // Russians: held, released under an amnesty, never detained.
    for (i, (ru, latin)) in [
        ("Михаил Орлов", "Mikhail Orlov"),
        ("Анна Соколова", "Anna Sokolova"),
        ("Илья Волков", "Ilya Volkov"),
    ]
    .iter()
    .enumerate()
    {
        let id = format!("r{}", i + 1);
        lines.push(json!({"type":"person","id":id,"names":[{"text":ru,"lang":"ru"},{"text":latin,"lang":"en"}],
            "sex":if i == 1 {"female"} else {"male"},"country":"RU","region":"Москва","roles":["journalist"]}));
        let e = |n: usize, kind: &str, date: &str| json!({"type":"event","id":format!("{id}-e{n}"),"person":id,"kind":kind,"date":date,"sources":["s-ovd"]});
        match i {
            0 => lines.extend([
                e(1, "detained", "2022-03-01"),
                e(2, "recognized", "2022-04"),
            ]),
            1 => {
                let mut r = e(3, "released", "2024-06-12");
                r["details"] = json!({"reason":"amnesty"});
                lines.extend([
                    e(1, "detained", "2022-03-01"),
                    e(2, "recognized", "2022-04"),
                    r,
                ]);
            }
            _ => lines.push(e(1, "harassed", "2023-05-05")),
        }
    }
    let mut jsonl = lines
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    jsonl.push('\n');
    jsonl
}

#[test]
fn the_public_pages_speak_belarusian_russian_and_english_in_a_real_browser() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !browser_ready(&root) {
        return;
    }
    let s = crate::Scratch::new();
    let r = s.import("cyrillic.jsonl", &cyrillic_registry());
    assert!(r.status, "{}", r.stderr);
    let server = Server::start(&s);
    let shots = root.join("target/screenshots/languages");
    let stdout = node(
        root.join("tests/browser/languages.mjs"),
        &server.base,
        &shots,
        &[&"b1", &"a-by-2024-5"],
    );
    assert!(stdout.starts_with("ok: 4 pages"), "{stdout}");
    for lang in ["be", "ru", "en"] {
        for page in ["dashboard", "persons", "person", "announcement"] {
            let shot = shots.join(format!("{page}-{lang}.png"));
            assert!(
                shot.metadata().is_ok_and(|m| m.len() > 10_000),
                "screenshot {} missing",
                shot.display()
            );
        }
    }
}

/// A registry a monitor's day starts from: an anonymous pardon of 29 in Belarus, its
/// source, a reported figure, and one public prisoner held.
const MONITOR_DAY: &str = r#"{"type":"source","id":"s1","publisher":"RFE/RL","title":"Belarus Issues New Pardons","url":"https://example.org/a","published":"2024-12-09"}
{"type":"announcement","id":"a1","kind":"pardon","date":"2024-12-09","country":"BY","issuer":"Presidential administration","total":29,"breakdown":{"women":11,"men":18,"under_25":6,"pensioners":3,"disabled":2,"chronic_illness":15},"names_disclosed":false,"claims":["All of those released repented for their actions"],"sources":["s1"]}
{"type":"figure","id":"f1","metric":"political_prisoners_held","value":1300,"qualifier":"approximately","as_of":"2024-12-09","country":"BY","sources":["s1"]}
{"type":"person","id":"p1","names":[{"text":"Ales Bialiatski"},{"text":"Алесь Бяляцкі","lang":"be"}],"sex":"male","birth_date":"1962-09-25","country":"BY","region":"Minsk","roles":["human_rights_defender"],"visibility":"public"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-07-14","sources":["s1"]}
{"type":"event","id":"e2","person":"p1","kind":"recognized","date":"2021-07","details":{"by":"Viasna"}}
"#;

#[test]
fn a_monitors_day_without_json_or_ids_passes_an_accessibility_audit_in_a_real_browser() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !browser_ready(&root) {
        return;
    }
    let s = crate::Scratch::new();
    assert!(s.import("day.jsonl", MONITOR_DAY).status);
    let r = s.run_stdin(
        &["user", "add", "eda", "--role", "editor"],
        "eda password 123\n",
    );
    assert!(r.status, "{}", r.stderr);
    let server = Server::start(&s);
    let shots = root.join("target/screenshots/day");
    let stdout = node(
        root.join("tests/browser/monitor_day.mjs"),
        &server.base,
        &shots,
        &[&"a1"],
    );
    assert!(stdout.starts_with("ok: actions "), "{stdout}");
    eprintln!("{stdout}");
    // The day's saves are log entries under her name; the chain holds.
    assert!(s.ok(&["log", "--json"]).contains("eda"));
    assert_eq!(s.json(&["verify"])["ok"], true);
    for shot in ["edit-390.png", "person-390.png", "dashboard-390.png"] {
        assert!(
            shots.join(shot).metadata().is_ok_and(|m| m.len() > 5_000),
            "screenshot {shot} missing"
        );
    }
}

#[test]
fn a_monitor_records_places_and_a_sentenced_persons_transfers_through_the_forms_in_a_real_browser()
{
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !browser_ready(&root) {
        return;
    }
    let s = crate::Scratch::new();
    let r = s.run_stdin(
        &["user", "add", "eda", "--role", "editor"],
        "eda password 123\n",
    );
    assert!(r.status, "{}", r.stderr);
    let server = Server::start(&s);
    let shots = root.join("target/screenshots/cases");
    let stdout = node(
        root.join("tests/browser/cases_form.mjs"),
        &server.base,
        &shots,
        &[],
    );
    assert!(stdout.starts_with("ok: 2 places"), "{stdout}");
    // What the forms wrote is the registry's: the CLI counts it, the chain holds.
    let term = s.json(&["stats", "held", "--on", "2024-01-01", "--by", "term"]);
    assert_eq!(term["by"], serde_json::json!({"10_15": 1}));
    let place = s.json(&["stats", "held", "--on", "2021-04-25", "--by", "place"]);
    assert_eq!(place["by"], serde_json::json!({"in_transit": 1}));
    assert_eq!(s.json(&["verify"])["ok"], true);
    for shot in ["places-390.png", "place-form-390.png", "person-390.png"] {
        assert!(
            shots.join(shot).metadata().is_ok_and(|m| m.len() > 5_000),
            "screenshot {shot} missing"
        );
    }
}
