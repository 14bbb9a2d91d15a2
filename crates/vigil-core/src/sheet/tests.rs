//! The sheet module on real rows: headers in Russian and Belarusian, dates and terms as
//! monitors write them, stable ids, every bad cell named, the template read back, and
//! files refused for their encoding, their damage or a password.

use super::*;

fn rows(text: &str) -> Vec<Vec<String>> {
    read::rows(text.as_bytes(), read::Format::Csv).unwrap()
}

fn records(c: &Converted) -> Vec<Value> {
    c.lines
        .iter()
        .map(|(_, l)| serde_json::from_str(l).unwrap())
        .collect()
}

const RU: &str = "ФИО;Пол;Дата рождения;Регион;Дата задержания;Дата признания;Статья;Дата приговора;Приговор;Режим;Место содержания;Дата освобождения;Основание освобождения
Иванов Иван Иванович;М;12.05.1980;Минская область;14.08.2020;09.2020;ст. 342 УК;12.2020;3 года;общий;ИК-15;;
Петрова Анна;Ж;1991;Гомель;март 2021;апрель 2021;ст. 361-1;;;;;15.01.2024;помилование
";

const BE: &str = "Імя і прозвішча,Пол,Дата нараджэння,Дата затрымання,Дата прызнання,Прысуд,Дата прысуду,Дата вызвалення,Падстава вызвалення,Бачнасць
Алесь Бяляцкі,мужчынскі,25.09.1962,14 ліпеня 2021,ліпень 2021,10 гадоў,03.03.2023,,,адкрыта
";

#[test]
fn a_russian_headed_sheet_becomes_persons_and_dated_events() {
    let c = convert(
        &rows(RU),
        &Options {
            country: Some("BY".into()),
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(c.persons, 2);
    assert_eq!(c.events.get("detained"), Some(&2));
    assert_eq!(c.events.get("sentenced"), Some(&1));
    assert_eq!(c.events.get("released"), Some(&1));
    let r = records(&c);
    let ivanov = &r[0];
    assert_eq!(ivanov["names"][0]["text"], "Иванов Иван Иванович");
    assert_eq!(ivanov["sex"], "male");
    assert_eq!(ivanov["birth_date"], "1980-05-12");
    assert_eq!(ivanov["country"], "BY");
    assert_eq!(
        ivanov["visibility"], "restricted",
        "no visibility column: not published"
    );
    let sentenced = r.iter().find(|v| v["kind"] == "sentenced").unwrap();
    assert_eq!(sentenced["date"], "2020-12");
    assert_eq!(sentenced["details"]["term_months"], 36);
    assert_eq!(sentenced["details"]["articles"], json!(["ст. 342 УК"]));
    assert_eq!(sentenced["details"]["place"], "ИК-15");
    assert_eq!(sentenced["details"]["regime"], "general", "«общий» is read");
    // The place is a place record, and a transfer to it on the day of the sentence.
    let place = r.iter().find(|v| v["type"] == "place").unwrap();
    assert_eq!(place["names"][0]["text"], "ИК-15");
    assert_eq!(place["kind"], "colony");
    let moved = r.iter().find(|v| v["kind"] == "transferred").unwrap();
    assert_eq!(moved["details"]["place"], place["id"]);
    assert_eq!(moved["date"], "2020-12");
    let released = r.iter().find(|v| v["kind"] == "released").unwrap();
    assert_eq!(released["date"], "2024-01-15");
    assert_eq!(released["details"]["reason"], "pardon");
    let detained = r.iter().filter(|v| v["kind"] == "detained").nth(1).unwrap();
    assert_eq!(detained["date"], "2021-03", "a month keeps its precision");
    // Every line parses as an interchange record.
    for (_, line) in &c.lines {
        crate::record::parse_record(line).unwrap_or_else(|e| panic!("{line}: {e}"));
    }
}

#[test]
fn a_belarusian_headed_sheet_reads_its_words() {
    let c = convert(&rows(BE), &Options::default()).unwrap();
    let r = records(&c);
    assert_eq!(r[0]["visibility"], "public");
    assert_eq!(r[0]["birth_date"], "1962-09-25");
    let detained = r.iter().find(|v| v["kind"] == "detained").unwrap();
    assert_eq!(detained["date"], "2021-07-14");
    let sentenced = r.iter().find(|v| v["kind"] == "sentenced").unwrap();
    assert_eq!(sentenced["details"]["term_months"], 120);
}

#[test]
fn the_same_sheet_gives_the_same_ids() {
    let a = convert(&rows(RU), &Options::default()).unwrap();
    let b = convert(&rows(RU), &Options::default()).unwrap();
    assert_eq!(a.lines, b.lines);
    // Another row order: the same persons.
    let mut swapped: Vec<&str> = RU.lines().collect();
    swapped.swap(1, 2);
    let c = convert(&rows(&swapped.join("\n")), &Options::default()).unwrap();
    let ids = |c: &Converted| -> std::collections::BTreeSet<String> {
        records(c)
            .iter()
            .map(|v| v["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&a), ids(&c));
}

#[test]
fn every_bad_cell_is_named_by_row_and_column_and_nothing_is_given() {
    let sheet = "ФИО,Пол,Дата задержания,Приговор
Иванов,М,31.02.2021,3 года
Петров,X,14.08.2020,долго
,М,14.08.2020,
";
    let errors = convert(&rows(sheet), &Options::default()).unwrap_err();
    let at: Vec<(usize, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
    assert_eq!(
        at,
        [
            (2, "Дата задержания"),
            (3, "Пол"),
            (3, "Приговор"),
            (4, "ФИО")
        ],
        "{errors:?}"
    );
    assert!(
        errors[0].message.contains("not a day of the calendar"),
        "{errors:?}"
    );
}

#[test]
fn a_duplicate_id_with_other_content_is_refused() {
    let sheet = "id,name,detained\np1,Ales,2021-07-14\np1,Ales,2021-07-15\np2,Maryna,2021\np2,Maryna,2021\n";
    let errors = convert(&rows(sheet), &Options::default()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0].row, errors[0].column.as_str()), (3, "id"));
}

#[test]
fn a_mapping_names_other_headers_and_drops_columns() {
    let mapping = parse_mapping("Кто = name\nЗадержан = detained\nПримечание = ignore\n").unwrap();
    let sheet = "Кто,Задержан,Примечание,Что-то\nИванов,2020,любое,x\n";
    let c = convert(
        &rows(sheet),
        &Options {
            mapping,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(c.persons, 1);
    assert_eq!(c.unknown_headers, ["Что-то"]);
    assert!(parse_mapping("Кто = nobody")
        .unwrap_err()
        .contains("not a field"));
}

#[test]
fn csv_in_windows_1251_is_refused_naming_the_encoding() {
    // "ФИО" in Windows-1251.
    let bytes = b"\xd4\xc8\xce;\xcf\xee\xeb\n\xc8\xe2\xe0\xed\xee\xe2;\xcc\n";
    let e = read::rows(bytes, read::Format::Csv).unwrap_err();
    assert!(e.contains("Windows-1251"), "{e}");
}

#[test]
fn a_truncated_xlsx_is_refused_with_a_reason() {
    let e = read::rows(b"PK\x03\x04 not really a workbook", read::Format::Xlsx).unwrap_err();
    assert!(e.contains("cannot be read as XLSX"), "{e}");
}

#[test]
fn a_password_protected_xlsx_is_refused_saying_so() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend([0u8; 504]);
    let e = read::rows(&bytes, read::Format::Xlsx).unwrap_err();
    assert!(e.contains("protected by a password"), "{e}");
}

#[test]
fn the_template_is_read_back_in_every_language() {
    for lang in ["be", "ru", "en"] {
        let headers = template_headers(lang);
        for (field, header) in &headers {
            assert_eq!(
                field_of(header, &BTreeMap::new()),
                Some(*field),
                "{lang}: {header}"
            );
            for value in choices(*field, lang) {
                let ok = match field {
                    Field::Sex => cells::sex(value).is_ok(),
                    Field::Visibility => cells::visibility(value).is_ok(),
                    Field::ReleaseReason => cells::release_reason(value).is_ok(),
                    _ => true,
                };
                assert!(ok, "{lang}: {value} for {}", field.as_str());
            }
        }
        // The reasons offered are the reasons vigil knows, each once.
        let reasons: std::collections::BTreeSet<_> = choices(Field::ReleaseReason, lang)
            .into_iter()
            .map(|v| cells::release_reason(v).unwrap())
            .collect();
        assert_eq!(
            reasons.len(),
            crate::record::ReleaseReason::ALL.len(),
            "{lang}"
        );
    }
}

/// What a monitor's list says is kept or refused, never dropped: a sentence without its
/// date goes with the detention; a fact with no date at all, and a row without a name,
/// are named by row and column.
#[test]
fn no_cell_is_dropped_for_want_of_a_date_and_every_row_needs_a_name() {
    let c = convert(
        &rows("ФИО;Дата задержания;Статья;Приговор;Режим\nИванов Иван;14.08.2020;ст. 342 УК;3 года 6 мес.;общий\n"),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(c.undated_sentences, 1);
    assert_eq!(c.unrecognized, 1, "no recognition date: said");
    let r = records(&c);
    let detained = r.iter().find(|v| v["kind"] == "detained").unwrap();
    assert_eq!(detained["details"]["term_months"], 42);
    assert_eq!(detained["details"]["articles"], json!(["ст. 342 УК"]));
    assert_eq!(detained["details"]["regime"], "общий");

    let e = convert(
        &rows("ФИО;Статья;Кем признан;Основание освобождения\nИванов Иван;ст. 342 УК;Вясна;помилование\n"),
        &Options::default(),
    )
    .unwrap_err();
    let said: Vec<(usize, &str)> = e.iter().map(|x| (x.row, x.column.as_str())).collect();
    assert_eq!(
        said,
        [
            (2, "Кем признан"),
            (2, "Основание освобождения"),
            (2, "Статья")
        ]
    );
    assert!(
        e[2].message.contains("no date to go with"),
        "{}",
        e[2].message
    );

    let e = convert(&rows("id;ФИО\np1;\n"), &Options::default()).unwrap_err();
    assert_eq!((e[0].row, e[0].column.as_str()), (2, "ФИО"));
    assert!(e[0].message.contains("without a name"), "{}", e[0].message);
    let e = convert(&rows("id;Пол\np1;М\n"), &Options::default()).unwrap_err();
    assert_eq!(e[0].column, "name", "no name column: the field is named");
}

#[test]
fn penalties_and_places_are_read_as_monitors_write_them() {
    use crate::record::{PlaceKind, Regime};
    for (text, want) in [
        ("общий", Regime::General),
        ("колония общего режима", Regime::General),
        ("general-security penal colony", Regime::General),
        ("калонія ўзмоцненага рэжыму", Regime::Reinforced),
        ("строгий режим", Regime::Strict),
        ("особый", Regime::Special),
        ("тюрьма", Regime::Prison),
        ("колония-поселение", Regime::Settlement),
        ("химия", Regime::RestrictedFreedom),
        (
            "ограничение свободы с направлением",
            Regime::RestrictedFreedom,
        ),
        ("домашний арест", Regime::HouseArrest),
        ("штраф", Regime::Fine),
        ("условно", Regime::Suspended),
        ("принудительное лечение", Regime::CompulsoryTreatment),
        ("house_arrest", Regime::HouseArrest),
    ] {
        assert_eq!(cells::regime(text), Ok(want), "{text}");
    }
    let e = cells::regime("пожизненно?").unwrap_err().to_string();
    assert!(e.contains("'пожизненно?' is not a penalty"), "{e}");
    for (name, want) in [
        ("ИК-15", PlaceKind::Colony),
        ("СИЗО-1, Минск", PlaceKind::Sizo),
        ("ІЧУ Гомельскага РУУС", PlaceKind::Ivs),
        ("Тюрьма № 8, Жодино", PlaceKind::Prison),
        ("Penal colony No. 4", PlaceKind::Colony),
        ("Окрестина", PlaceKind::Other),
    ] {
        assert_eq!(cells::place_kind(name), want, "{name}");
    }
}

/// The other columns: names in other scripts kept beside the name, health, and
/// the day charged.
#[test]
fn names_in_other_scripts_health_and_the_charge_are_read() {
    let c = convert(
        &rows("Імя і прозвішча;Імя лацінкай;ФИО (рус.);Здароўе;Дата затрымання;Дата абвінавачвання\nАлесь Бяляцкі;Ales Bialiatski;Алесь Беляцкий;хранічная хвароба, інваліднасць;14.07.2021;08.2021\n"),
        &Options::default(),
    )
    .unwrap();
    let r = records(&c);
    assert_eq!(
        r[0]["names"],
        json!([{"text":"Алесь Бяляцкі"},{"text":"Алесь Беляцкий","lang":"ru"},{"text":"Ales Bialiatski","script":"Latn"}])
    );
    assert_eq!(r[0]["health"], json!(["chronic_illness", "disability"]));
    let charged = r.iter().find(|v| v["kind"] == "charged").unwrap();
    assert_eq!(charged["date"], "2021-08");
    let e = convert(
        &rows("ФИО;Здоровье\nИванов Иван;насморк\n"),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!((e[0].row, e[0].column.as_str()), (2, "Здоровье"));
}

/// Viasna-style rows: the verdict's court, judge, prosecutor, counsel, the penalty start
/// date and the appeal, with Russian headers and with Belarusian ones.
const VIASNA_RU: &str = "ФИО;Дата задержания;Статья;Дата приговора;Приговор;Режим;Суд;Судья;Прокурор;Адвокат;Начало срока;Дата апелляции;Апелляционный суд;Решение по апелляции;Срок после апелляции
Иванов Иван Иванович;10.08.2020;ч. 1 ст. 342 УК;03.03.2021;11 лет;общий;Минский городской суд;Петров П. П.;Сидоров С. С.;Кузнецова А. А.;10.08.2020;01.06.2021;Верховный суд;срок снижен;8 лет
";
const VIASNA_BE: &str = "Імя і прозвішча,Дата затрымання,Дата прысуду,Прысуд,Суд,Суддзя,Абаронца,Пачатак тэрміну,Дата апеляцыі,Апеляцыйны суд,Рашэнне па апеляцыі
Алесь Бяляцкі,14.07.2021,03.03.2023,10 гадоў,Ленінскі раённы суд г. Мінска,Марына Запасніковіч,,14.07.2021,20.07.2023,Мінскі гарадскі суд,пакінуты без зменаў
";

#[test]
fn a_verdicts_court_judge_counsel_term_start_and_appeal_are_read_in_russian_and_belarusian() {
    let c = convert(&rows(VIASNA_RU), &Options::default()).unwrap();
    let r = records(&c);
    let s = r.iter().find(|v| v["kind"] == "sentenced").unwrap();
    assert_eq!(s["details"]["court"], "Минский городской суд");
    assert_eq!(s["details"]["judge"], "Петров П. П.");
    assert_eq!(s["details"]["prosecutor"], "Сидоров С. С.");
    assert_eq!(s["details"]["counsel"], "Кузнецова А. А.");
    assert_eq!(s["details"]["term_start"], "2020-08-10");
    assert_eq!(
        s["details"]["appeal"],
        json!({"date": "2021-06-01", "court": "Верховный суд", "outcome": "reduced", "term_months": 96})
    );
    for (_, line) in &c.lines {
        crate::record::parse_record(line).unwrap();
    }
    let c = convert(&rows(VIASNA_BE), &Options::default()).unwrap();
    let r = records(&c);
    let s = r.iter().find(|v| v["kind"] == "sentenced").unwrap();
    assert_eq!(s["details"]["judge"], "Марына Запасніковіч");
    assert_eq!(s["details"]["appeal"]["outcome"], "upheld");
    assert_eq!(s["details"]["appeal"]["court"], "Мінскі гарадскі суд");
    for (_, line) in &c.lines {
        crate::record::parse_record(line).unwrap();
    }
    // An outcome vigil does not know: the row and column named, nothing converted.
    let wrong = VIASNA_RU.replace("срок снижен", "рассмотрено");
    let err = convert(&rows(&wrong), &Options::default()).unwrap_err();
    let said = format!("{err:?}");
    assert!(
        said.contains("рассмотрено") && said.contains("NotAppealOutcome"),
        "{said}"
    );
}

fn stored_place(id: &str, names: &[&str], country: &str) -> crate::record::Place {
    let names: Vec<Value> = names.iter().map(|n| json!({ "text": n })).collect();
    let line =
        json!({"type": "place", "id": id, "names": names, "kind": "colony", "country": country});
    match crate::record::parse_record(&line.to_string())
        .unwrap()
        .into_record()
    {
        crate::record::Record::Place(p) => p,
        _ => unreachable!(),
    }
}

fn moved_to(r: &[Value], person_row: usize) -> String {
    let person = r
        .iter()
        .filter(|v| v["type"] == "person")
        .nth(person_row)
        .unwrap();
    let moved = r
        .iter()
        .find(|v| v["kind"] == "transferred" && v["person"] == person["id"])
        .unwrap();
    moved["details"]["place"].as_str().unwrap().to_string()
}

#[test]
fn a_place_cell_naming_a_stored_place_is_that_place_and_only_a_new_name_makes_one() {
    let known = places::KnownPlaces::of(&[
        stored_place("pk-20-mazyr-s6vh", &["ИК-20, Мозырь", "ПК-20, Мазыр"], "BY"),
        stored_place("pl-ru-sizo", &["СИЗО-1"], "RU"),
    ]);
    let sheet = "ФИО;Дата задержания;Место содержания
Иванов Иван;14.08.2020;ИК-20, Мозырь
Петров Пётр;15.08.2020; ик-20   мозырь
Сидоров Сидор;16.08.2020;ПК-20, Мазыр
Козлов Кузьма;17.08.2020;ИК-15
Орлов Олег;18.08.2020;ик-15
Белов Борис;19.08.2020;СИЗО-1
";
    let options = Options {
        country: Some("BY".into()),
        places: known,
        ..Options::default()
    };
    let r = records(&convert(&rows(sheet), &options).unwrap());
    for row in 0..3 {
        assert_eq!(
            moved_to(&r, row),
            "pk-20-mazyr-s6vh",
            "row {row}: any name, any case and spacing"
        );
    }
    let new: Vec<&Value> = r.iter().filter(|v| v["type"] == "place").collect();
    assert!(
        new.iter()
            .all(|p| p["id"] != "pk-20-mazyr-s6vh" && p["names"][0]["text"] != "ИК-20, Мозырь"),
        "no second copy of the stored place: {new:?}"
    );
    // An unknown name is one new place, however its rows spell it.
    let ik15 = moved_to(&r, 3);
    assert_eq!(moved_to(&r, 4), ik15);
    assert!(new
        .iter()
        .all(|p| p["names"][0]["text"] == "ИК-15" || p["names"][0]["text"] == "СИЗО-1"));
    // A stored place of another country is not the row's.
    assert_ne!(moved_to(&r, 5), "pl-ru-sizo");
    // Reading the sheet again gives the same records.
    assert_eq!(r, records(&convert(&rows(sheet), &options).unwrap()));
}

#[test]
fn a_name_of_several_stored_places_is_refused_and_an_id_chooses() {
    let known = places::KnownPlaces::of(&[
        stored_place("pl-a", &["СИЗО-1"], "BY"),
        stored_place("pl-b", &["СИЗО-1"], "BY"),
    ]);
    let options = Options {
        country: Some("BY".into()),
        places: known,
        ..Options::default()
    };
    let e = convert(
        &rows("ФИО;Дата задержания;Место содержания\nИванов Иван;14.08.2020;СИЗО-1\n"),
        &options,
    )
    .unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].row, e[0].column.as_str()), (2, "Место содержания"));
    assert_eq!(
        e[0].problem,
        Some(Problem::SeveralPlaces {
            text: "СИЗО-1".into(),
            ids: vec!["pl-a".into(), "pl-b".into()]
        })
    );
    let r = records(
        &convert(
            &rows("ФИО;Дата задержания;Место содержания\nИванов Иван;14.08.2020;pl-b\n"),
            &options,
        )
        .unwrap(),
    );
    assert_eq!(moved_to(&r, 0), "pl-b");
    assert!(r.iter().all(|v| v["type"] != "place"));
}
