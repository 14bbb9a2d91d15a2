//! Spreadsheets in: `vigil import FILE.csv|.xlsx` with Russian and Belarusian headers and
//! the date forms monitors write, against the same registry written as JSON Lines; the
//! same sheet twice; and every kind of bad input named by row and column, writing nothing.

use std::fmt::Write;

use crate::Scratch;

/// One generated person: (name, sex, birth, detained, recognized, released, reason), each
/// date as (ISO, a form a monitor might write).
struct Row {
    name: String,
    sex: &'static str,
    birth: (String, String),
    detained: (String, String),
    recognized: Option<(String, String)>,
    released: Option<(String, String)>,
}

const RU_MONTHS: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const BE_MONTHS: [&str; 12] = [
    "студзень",
    "люты",
    "сакавік",
    "красавік",
    "травень",
    "чэрвень",
    "ліпень",
    "жнівень",
    "верасень",
    "кастрычнік",
    "лістапад",
    "снежань",
];

/// A date in one of five forms, keeping its precision: (ISO, written).
fn written(i: u64, y: i32, m: u32, d: u32, months: &[&str; 12]) -> (String, String) {
    match i % 5 {
        0 => (format!("{y}-{m:02}-{d:02}"), format!("{y}-{m:02}-{d:02}")),
        1 => (format!("{y}-{m:02}-{d:02}"), format!("{d:02}.{m:02}.{y}")),
        2 => (format!("{y}-{m:02}"), format!("{m:02}.{y}")),
        3 => (
            format!("{y}-{m:02}"),
            format!("{} {y}", months[m as usize - 1]),
        ),
        _ => (format!("{y}"), format!("{y}")),
    }
}

#[allow(clippy::many_single_char_names)] // y, m, d: a date; x, k: the generator
fn generated(n: u64, months: &[&str; 12]) -> Vec<Row> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |k: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % k
    };
    (0..n)
        .map(|i| {
            let y = 2020 + next(3) as i32;
            let (m, d) = (1 + next(12) as u32, 1 + next(28) as u32);
            let form = next(5);
            Row {
                name: format!("Асоба Нумар{i} Тэставая"),
                sex: if next(3) == 0 { "female" } else { "male" },
                birth: written(
                    1,
                    1950 + next(50) as i32,
                    1 + next(12) as u32,
                    1 + next(28) as u32,
                    months,
                ),
                detained: written(form, y, m, d, months),
                recognized: (next(4) != 0).then(|| written(next(5), y, m.min(11) + 1, d, months)),
                released: (next(3) == 0).then(|| written(next(5), y + 2, m, d, months)),
            }
        })
        .collect()
}

fn jsonl(rows: &[Row]) -> String {
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        let id = format!("p{i}");
        out += &serde_json::json!({"type": "person", "id": id, "names": [{"text": r.name}], "sex": r.sex, "birth_date": r.birth.0, "country": "BY"}).to_string();
        out += "\n";
        let mut event = |kind: &str, date: &str| {
            out += &serde_json::json!({"type": "event", "id": format!("{id}-{kind}"), "person": id, "kind": kind, "date": date}).to_string();
            out += "\n";
        };
        event("detained", &r.detained.0);
        if let Some(d) = &r.recognized {
            event("recognized", &d.0);
        }
        if let Some(d) = &r.released {
            event("released", &d.0);
        }
    }
    out
}

fn sex_ru(s: &str) -> &'static str {
    if s == "female" {
        "Ж"
    } else {
        "М"
    }
}

fn ru_csv(rows: &[Row]) -> String {
    let mut out =
        String::from("ФИО;Пол;Дата рождения;Дата задержания;Дата признания;Дата освобождения\n");
    for r in rows {
        let o = |d: &Option<(String, String)>| d.as_ref().map_or(String::new(), |d| d.1.clone());
        let _ = writeln!(
            out,
            "{};{};{};{};{};{}",
            r.name,
            sex_ru(r.sex),
            r.birth.1,
            r.detained.1,
            o(&r.recognized),
            o(&r.released)
        );
    }
    out
}

fn be_xlsx(rows: &[Row], path: &std::path::Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in [
        "Імя і прозвішча",
        "Пол",
        "Дата нараджэння",
        "Дата затрымання",
        "Дата прызнання",
        "Дата вызвалення",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        let o = |d: &Option<(String, String)>| d.as_ref().map_or(String::new(), |d| d.1.clone());
        let cells = [
            r.name.clone(),
            (if r.sex == "female" {
                "жаночы"
            } else {
                "мужчынскі"
            })
            .to_string(),
            r.birth.1.clone(),
            r.detained.1.clone(),
            o(&r.recognized),
            o(&r.released),
        ];
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(row, c as u16, v).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

/// What is counted, on several days and over a series.
fn counts(s: &Scratch) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for on in [
        "2020-06-01",
        "2021-01-01",
        "2021-07-01",
        "2022-06-30",
        "2023-12-31",
        "2024-06-01",
    ] {
        for mode in [&[][..], &["--all"][..]] {
            let v = s.json(&[&["stats", "held", "--on", on][..], mode].concat());
            out.push(serde_json::json!([v["held"], v["held_min"], v["held_max"]]));
        }
    }
    let v = s.json(&[
        "stats",
        "series",
        "--from",
        "2020-01-01",
        "--to",
        "2025-01-01",
        "--step",
        "month",
        "--all",
    ]);
    out.push(v["points"].clone());
    out
}

#[test]
fn russian_and_belarusian_sheets_of_a_thousand_rows_count_as_their_json_lines() {
    let rows = generated(1_200, &RU_MONTHS);
    let json = Scratch::new();
    assert!(json.import("list.jsonl", &jsonl(&rows)).status);
    let expected = counts(&json);

    let ru = Scratch::new();
    let csv = ru.file("спіс.csv", &ru_csv(&rows));
    let r = ru.run(&[
        "import",
        csv.to_str().unwrap(),
        "--country",
        "BY",
        "--visibility",
        "public",
    ]);
    assert!(r.status, "{}", r.stderr);
    assert!(r.stdout.contains("1200 person(s)"), "{}", r.stdout);
    assert_eq!(
        counts(&ru),
        expected,
        "the Russian CSV counts as its JSON Lines"
    );

    let be_rows = generated(1_200, &BE_MONTHS);
    let json_be = Scratch::new();
    assert!(json_be.import("list.jsonl", &jsonl(&be_rows)).status);
    let be = Scratch::new();
    let xlsx = be.dir.path().join("спіс.xlsx");
    be_xlsx(&be_rows, &xlsx);
    let r = be.run(&["import", xlsx.to_str().unwrap(), "--country", "BY"]);
    assert!(r.status, "{}", r.stderr);
    assert!(
        r.stderr.contains("stored restricted"),
        "the default is said: {}",
        r.stderr
    );
    assert_eq!(
        counts(&be),
        counts(&json_be),
        "the Belarusian XLSX counts as its JSON Lines"
    );
}

#[test]
fn the_same_sheet_twice_adds_nothing_and_an_edited_one_is_a_correction_with_update() {
    let s = Scratch::new();
    let sheet = "ФИО,Пол,Дата задержания\nИванов Иван,М,14.08.2020\nПетрова Анна,Ж,март 2021\n";
    let path = s.file("list.csv", sheet);
    let p = path.to_str().unwrap();
    let dry = s.run(&["import", p, "--dry-run"]);
    assert!(
        dry.status
            && dry
                .stdout
                .contains("would store 2 person(s) and 2 event(s)"),
        "{}",
        dry.stdout
    );
    assert!(
        !s.db().exists() || s.json(&["verify"])["entries"] == 0,
        "a dry run writes nothing"
    );
    let first = s.json(&["import", p]);
    assert_eq!(first["added"], 4);
    let again = s.json(&["import", p]);
    assert_eq!(
        (again["added"].clone(), again["unchanged"].clone()),
        (0.into(), 4.into())
    );
    // The sheet edited: Petrova's detention was in April.
    std::fs::write(&path, sheet.replace("март 2021", "апрель 2021")).unwrap();
    // The dry run says what the import will say: a conflict without --update, a
    // correction with it.
    let dry = s.run(&["import", p, "--dry-run"]);
    assert!(!dry.status, "{}", dry.stdout);
    assert!(
        dry.stderr.contains("list.csv:3: event '")
            && dry.stderr.contains("already stored with other content"),
        "{}",
        dry.stderr
    );
    let dry = s.run(&["import", p, "--dry-run", "--update"]);
    assert!(dry.status, "{}", dry.stderr);
    assert!(
        dry.stdout
            .contains("0 record(s) new, 1 corrected, 3 unchanged"),
        "{}",
        dry.stdout
    );
    let r = s.run(&["import", p]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.contains("list.csv:3:"),
        "named by its sheet row: {}",
        r.stderr
    );
    let fixed = s.json(&["import", p, "--update"]);
    assert_eq!(fixed["corrected"], 1);
}

#[test]
fn bad_sheets_are_named_by_row_and_column_and_write_nothing() {
    let s = Scratch::new();
    assert!(
        s.import("base.jsonl", "{\"type\":\"person\",\"id\":\"q1\"}\n")
            .status
    );
    let entries = |s: &Scratch| s.json(&["verify"])["entries"].clone();
    let before = entries(&s);
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "date.csv",
            "ФИО,Дата задержания\nИванов,31.02.2021\n".as_bytes(),
            "date.csv:2:Дата задержания: '31.02.2021' is not a day of the calendar",
        ),
        (
            "sex.csv",
            "ФИО,Пол\nИванов,X\n".as_bytes(),
            "sex.csv:2:Пол: 'X' is not a sex",
        ),
        (
            "term.csv",
            "ФИО,Дата приговора,Приговор\nИванов,2021,долго\n".as_bytes(),
            "term.csv:2:Приговор: 'долго' is not a term",
        ),
        (
            "name.csv",
            "ФИО,Дата задержания\n,2021\n".as_bytes(),
            "name.csv:2:ФИО: a row without a name",
        ),
        (
            "dup.csv",
            "id,name,detained\np1,Ales,2021-07-14\np1,Ales,2021-07-15\n".as_bytes(),
            "dup.csv:3:id: 'p1' is also row 2, with other content",
        ),
        (
            "cut.xlsx",
            b"PK\x03\x04\x14\x00\x06\x00",
            "cut.xlsx: the file cannot be read as XLSX",
        ),
        (
            "locked.xlsx",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
            "locked.xlsx: the XLSX file is protected by a password",
        ),
        (
            "cp1251.csv",
            b"\xd4\xc8\xce,\xcf\xee\xeb\n\xc8\xe2\xe0\xed\xee\xe2,\xcc\n",
            "it looks like Windows-1251",
        ),
    ];
    for (name, bytes, expect) in cases {
        let path = s.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let r = s.run(&["import", path.to_str().unwrap()]);
        assert_eq!(r.code, Some(1), "{name}: {}", r.stdout);
        assert!(r.stderr.contains(expect), "{name}: {}", r.stderr);
        assert!(
            r.stderr.contains("nothing was imported"),
            "{name}: {}",
            r.stderr
        );
        assert_eq!(entries(&s), before, "{name} wrote something");
    }
}

/// Every file of a directory, by name, as text.
fn files(dir: &std::path::Path) -> std::collections::BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn an_export_as_tables_imports_into_an_empty_registry_and_exports_the_same() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", crate::CONTRACT_EXAMPLE).status);
    assert!(s.import("c.jsonl", crate::serve::CANARIES).status);
    let first = s.dir.path().join("first");
    s.ok(&[
        "export",
        "--format",
        "csv",
        "--out",
        first.to_str().unwrap(),
    ]);
    let tables = files(&first);
    for name in [
        "persons.csv",
        "events.csv",
        "announcements.csv",
        "figures.csv",
        "sources.csv",
        "merges.csv",
        "dictionary.csv",
    ] {
        assert!(tables.contains_key(name), "{name}: {:?}", tables.keys());
    }
    assert!(
        tables["dictionary.csv"].contains("events,details,"),
        "the dictionary names every column"
    );
    // CSV: into an empty registry, and out again; a dry run first writes nothing.
    let t = Scratch::new();
    let dry = t.ok(&["import", first.to_str().unwrap(), "--dry-run"]);
    assert!(dry.contains("nothing was written"), "{dry}");
    assert!(
        !t.db().exists() || t.json(&["verify"])["entries"] == 0,
        "a dry run of an export writes nothing"
    );
    // One table's CSV alone is read as that table, not as a list of persons.
    let events = first.join("events.csv");
    let one = t.ok(&["import", events.to_str().unwrap(), "--dry-run"]);
    assert!(
        one.contains("record(s):") && !one.contains("person(s)"),
        "{one}"
    );
    t.ok(&["import", first.to_str().unwrap()]);
    let second = t.dir.path().join("second");
    t.ok(&[
        "export",
        "--format",
        "csv",
        "--out",
        second.to_str().unwrap(),
    ]);
    assert_eq!(files(&second), tables, "CSV round trip");
    assert_eq!(
        s.ok(&["export"]).lines().count(),
        t.ok(&["export"]).lines().count(),
        "the same records"
    );
    // XLSX: the same tables as sheets.
    let book = s.dir.path().join("registry.xlsx");
    s.ok(&[
        "export",
        "--format",
        "xlsx",
        "--out",
        book.to_str().unwrap(),
    ]);
    let u = Scratch::new();
    u.ok(&["import", book.to_str().unwrap()]);
    let third = u.dir.path().join("third");
    u.ok(&[
        "export",
        "--format",
        "csv",
        "--out",
        third.to_str().unwrap(),
    ]);
    assert_eq!(files(&third), tables, "XLSX round trip");
    // The public tables hold nothing restricted.
    let public = s.dir.path().join("public");
    s.ok(&[
        "export",
        "--format",
        "csv",
        "--public",
        "--out",
        public.to_str().unwrap(),
    ]);
    for (name, text) in files(&public) {
        for secret in crate::serve::SECRETS {
            assert!(!text.contains(secret), "{name} leaks {secret}");
        }
    }
    let ftm = s.ok(&["export", "--format", "ftm", "--public"]);
    assert!(ftm.lines().count() > 5, "{ftm}");
    for secret in crate::serve::SECRETS {
        assert!(
            !ftm.contains(secret),
            "the public FtM export leaks {secret}"
        );
    }
    let all_ftm = s.ok(&["export", "--format", "ftm"]);
    assert!(
        all_ftm.contains("CANARY"),
        "the full FtM export has everyone"
    );
    let public_book = s.dir.path().join("public.xlsx");
    s.ok(&[
        "export",
        "--format",
        "xlsx",
        "--public",
        "--out",
        public_book.to_str().unwrap(),
    ]);
    let v = Scratch::new();
    v.ok(&["import", public_book.to_str().unwrap()]);
    let all = v.ok(&["export"]);
    for secret in crate::serve::SECRETS {
        assert!(!all.contains(secret), "the public workbook leaks {secret}");
    }
}

#[test]
fn the_template_in_each_language_is_read_back_without_a_mapping() {
    let s = Scratch::new();
    for lang in ["be", "ru", "en"] {
        let path = s.dir.path().join(format!("template-{lang}.xlsx"));
        s.ok(&["template", "--lang", lang, "--out", path.to_str().unwrap()]);
        let r = s.run(&["import", path.to_str().unwrap(), "--dry-run"]);
        assert!(r.status, "{lang}: {}", r.stderr);
        assert!(
            r.stdout.contains("would store 0 person(s)"),
            "{lang}: {}",
            r.stdout
        );
        assert!(
            !r.stderr.contains("is not read"),
            "{lang}: every header is known: {}",
            r.stderr
        );
    }
}

/// A stored person a sheet's row probably is.
const B1: &str = "{\"type\":\"person\",\"id\":\"b1\",\"names\":[{\"text\":\"Алесь Бяляцкі\"}],\"birth_date\":\"1962\",\"country\":\"BY\"}\n";

#[test]
fn a_row_that_probably_duplicates_a_person_already_there_is_listed_and_not_stored() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", B1).status);
    let path = s.file(
        "list.csv",
        "ФИО,Дата рождения,Дата задержания\nАлесь Бяляцкі,1962,14.07.2021\nІван Іваноў,1980,2021\n",
    );
    let p = path.to_str().unwrap();
    let dry = s.run(&["import", p, "--country", "BY", "--dry-run"]);
    // The import would be refused as it is: the dry run says so, in its status too.
    assert!(!dry.status, "{}", dry.stderr);
    assert!(dry.stderr.contains("would be refused"), "{}", dry.stderr);
    assert!(
        dry.stderr
            .contains("list.csv:2: 'Алесь Бяляцкі' is probably b1"),
        "{}",
        dry.stderr
    );
    let r = s.run(&["import", p, "--country", "BY"]);
    assert_eq!(r.code, Some(1), "{}", r.stdout);
    assert!(r.stderr.contains("nothing was imported"), "{}", r.stderr);
    assert_eq!(s.json(&["verify"])["entries"], 1, "nothing stored");
    // Saying a row is someone it was not listed as probably being, or saying it badly:
    // refused by row, nothing stored.
    let r = s.run(&["import", p, "--country", "BY", "--same", "3=b1"]);
    assert!(
        !r.status && r.stderr.contains("list.csv:3: --same names a person"),
        "{}",
        r.stderr
    );
    let r = s.run(&["import", p, "--country", "BY", "--same", "b1"]);
    assert!(
        !r.status && r.stderr.contains("write ROW=PERSON"),
        "{}",
        r.stderr
    );
    assert_eq!(s.json(&["verify"])["entries"], 1, "nothing stored");

    // Row 2 is b1: stored and merged into b1 in the same import (two persons, two events
    // and the merge), and the detention is b1's.
    let t = Scratch::new();
    assert!(t.import("a.jsonl", B1).status);
    let r = t.json(&["import", p, "--country", "BY", "--same", "2=b1"]);
    assert_eq!(r["added"], 5, "{r}");
    let export = t.ok(&["export"]);
    assert!(
        export.contains("\"type\":\"merge\"") && export.contains("\"keep\":\"b1\""),
        "{export}"
    );

    let r = s.json(&["import", p, "--country", "BY", "--new"]);
    assert_eq!(r["added"], 4, "{r}");
}

/// A place already stored, with its names in Russian and Belarusian.
const IK20: &str = "{\"type\":\"place\",\"id\":\"pk-20-mazyr-s6vh\",\"names\":[{\"text\":\"ИК-20, Мозырь\",\"lang\":\"ru\"},{\"text\":\"ПК-20, Мазыр\",\"lang\":\"be\"}],\"kind\":\"colony\",\"country\":\"BY\",\"address\":\"247760, г. Мозырь\"}\n";

#[test]
fn a_sheet_naming_a_stored_place_moves_its_rows_there_and_lists_articles() {
    let s = Scratch::new();
    assert!(s.import("place.jsonl", IK20).status);
    let path = s.file(
        "bel.csv",
        "Імя і прозвішча,Дата затрымання,Дата прысуду,Артыкулы,Месца зняволення\n\
         Іван Іваноў,14.08.2020,03.03.2021,\"342, 293\",\"ИК-20, Мозырь\"\n\
         Пётр Пятроў,15.08.2020,04.03.2021,342 ч.1; 130,пк-20  мазыр\n\
         Ганна Новая,16.08.2020,05.03.2021,361-1,\"ИК-4, Гомель\"\n",
    );
    let p = path.to_str().unwrap();
    s.json(&["import", p, "--country", "BY"]);
    let records: Vec<serde_json::Value> = s
        .ok(&["export"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let places: Vec<&serde_json::Value> = records.iter().filter(|r| r["type"] == "place").collect();
    assert_eq!(
        places.len(),
        2,
        "the stored place and one new one (ИК-4), no second ИК-20: {places:?}"
    );
    let stored = places
        .iter()
        .find(|p| p["id"] == "pk-20-mazyr-s6vh")
        .unwrap();
    assert_eq!(
        stored["address"], "247760, г. Мозырь",
        "the stored place is untouched"
    );
    let moves: Vec<&str> = records
        .iter()
        .filter(|r| r["kind"] == "transferred")
        .map(|r| r["details"]["place"].as_str().unwrap())
        .collect();
    assert_eq!(moves.len(), 3);
    assert_eq!(
        moves.iter().filter(|m| **m == "pk-20-mazyr-s6vh").count(),
        2,
        "both rows naming ИК-20 (in Russian, in Belarusian) go to the stored place: {moves:?}"
    );
    let mut articles: Vec<String> = records
        .iter()
        .filter(|r| r["kind"] == "sentenced")
        .map(|r| r["details"]["articles"].to_string())
        .collect();
    articles.sort();
    let mut want = [r#"["342","293"]"#, r#"["342 ч.1","130"]"#, r#"["361-1"]"#];
    want.sort_unstable();
    assert_eq!(articles, want, "a list each, in the order written");
    // The same sheet again changes nothing.
    let again = s.json(&["import", p, "--country", "BY"]);
    assert_eq!(again["added"], 0, "{again}");
}
