//! The empty list to fill in: its headers in each language (each recognised by
//! [`field_of`](super::field_of)) and the values of its drop-down lists.

use super::Field;

/// The template's headers in a language (`be`, `ru`, anything else English): one per
/// field a list usually has, each recognised by [`field_of`].
#[must_use]
pub fn template_headers(lang: &str) -> Vec<(Field, &'static str)> {
    let (be, ru) = (lang == "be", lang == "ru");
    let pick = |en: &'static str, r: &'static str, b: &'static str| {
        if be {
            b
        } else if ru {
            r
        } else {
            en
        }
    };
    vec![
        (Field::Name, pick("name", "ФИО", "Імя і прозвішча")),
        (
            Field::NameLatin,
            pick("name (latin)", "ФИО (лат.)", "Імя лацінкай"),
        ),
        (Field::Sex, pick("sex", "Пол", "Пол")),
        (
            Field::BirthDate,
            pick("birth date", "Дата рождения", "Дата нараджэння"),
        ),
        (Field::Country, pick("country", "Страна", "Краіна")),
        (Field::Region, pick("region", "Регион", "Рэгіён")),
        (Field::Roles, pick("roles", "Род занятий", "Род заняткаў")),
        (Field::Health, pick("health", "Здоровье", "Здароўе")),
        (
            Field::Detained,
            pick("detained", "Дата задержания", "Дата затрымання"),
        ),
        (
            Field::Charged,
            pick("charged", "Дата обвинения", "Дата абвінавачвання"),
        ),
        (
            Field::Recognized,
            pick("recognized", "Дата признания", "Дата прызнання"),
        ),
        (
            Field::RecognizedBy,
            pick("recognized by", "Кем признан", "Кім прызнаны"),
        ),
        (Field::Articles, pick("articles", "Статья", "Артыкул")),
        (
            Field::SentenceDate,
            pick("sentence date", "Дата приговора", "Дата прысуду"),
        ),
        (Field::Sentence, pick("sentence", "Приговор", "Прысуд")),
        (Field::Regime, pick("regime", "Режим", "Рэжым")),
        (
            Field::Place,
            pick("place of detention", "Место содержания", "Месца зняволення"),
        ),
        (
            Field::Released,
            pick("released", "Дата освобождения", "Дата вызвалення"),
        ),
        (
            Field::ReleaseReason,
            pick(
                "release reason",
                "Основание освобождения",
                "Падстава вызвалення",
            ),
        ),
        (
            Field::Visibility,
            pick("visibility", "Видимость", "Бачнасць"),
        ),
        (Field::Source, pick("source", "Источник", "Крыніца")),
    ]
}

/// The values a template offers in a drop-down for a field, in a language; empty for a
/// free field. Each is read back by the field's cell reader.
#[must_use]
pub fn choices(field: Field, lang: &str) -> Vec<&'static str> {
    let (be, ru) = (lang == "be", lang == "ru");
    match field {
        Field::Health if be => vec!["хранічная хвароба", "інваліднасць"],
        Field::Health if ru => vec!["хроническое заболевание", "инвалидность"],
        Field::Health => vec!["chronic illness", "disability"],
        Field::Sex if be => vec!["мужчынскі", "жаночы"],
        Field::Sex if ru => vec!["М", "Ж"],
        Field::Sex => vec!["male", "female"],
        Field::Visibility if be => vec!["адкрыта", "абмежавана", "канфідэнцыйна"],
        Field::Visibility if ru => vec!["открыто", "ограничено", "конфиденциально"],
        Field::Visibility => vec!["public", "restricted", "confidential"],
        Field::ReleaseReason if be => vec![
            "сканчэнне тэрміну",
            "памілаванне",
            "амністыя",
            "апраўданне",
            "высылка",
            "умоўна-датэрміновае",
            "іншае",
        ],
        Field::ReleaseReason if ru => vec![
            "окончание срока",
            "помилование",
            "амнистия",
            "оправдание",
            "выдворение",
            "условно-досрочное",
            "другое",
        ],
        Field::ReleaseReason => vec![
            "end of term",
            "pardon",
            "amnesty",
            "acquittal",
            "deported",
            "conditional",
            "other",
        ],
        _ => Vec::new(),
    }
}
