//! The column headers a sheet is read by without a mapping, in English, Russian and
//! Belarusian: each field's names, lower case, spaces collapsed.

use super::Field;

/// The headers recognised without a mapping, lower case, spaces collapsed: English,
/// Russian, Belarusian (and the interchange names).
pub(super) const HEADERS: &[(Field, &[&str])] = &[
    (Field::Id, &["id"]),
    (
        Field::Name,
        &[
            "name",
            "full name",
            "имя и фамилия",
            "фио",
            "ф.и.о.",
            "имя",
            "імя і прозвішча",
            "прозвішча, імя",
            "прозвішча імя",
            "імя",
        ],
    ),
    (
        Field::NameBe,
        &[
            "name (be)",
            "name in belarusian",
            "имя по-белорусски",
            "фио (бел.)",
            "імя па-беларуску",
            "імя (бел.)",
        ],
    ),
    (
        Field::NameRu,
        &[
            "name (ru)",
            "name in russian",
            "фио (рус.)",
            "имя по-русски",
            "імя па-руску",
            "імя (рус.)",
        ],
    ),
    (
        Field::NameLatin,
        &[
            "name (latin)",
            "name in latin",
            "latin name",
            "фио (лат.)",
            "имя латиницей",
            "імя лацінкай",
            "імя (лац.)",
        ],
    ),
    (Field::Sex, &["sex", "gender", "пол"]),
    (
        Field::Health,
        &[
            "health",
            "здоровье",
            "состояние здоровья",
            "здароўе",
            "стан здароўя",
        ],
    ),
    (
        Field::Charged,
        &[
            "charged",
            "date charged",
            "дата обвинения",
            "дата предъявления обвинения",
            "дата абвінавачвання",
            "дата прад'яўлення абвінавачвання",
        ],
    ),
    (
        Field::BirthDate,
        &[
            "birth date",
            "birth_date",
            "date of birth",
            "дата рождения",
            "дата нараджэння",
        ],
    ),
    (Field::Country, &["country", "страна", "краіна"]),
    (
        Field::Region,
        &["region", "регион", "область", "рэгіён", "вобласць"],
    ),
    (
        Field::Roles,
        &["roles", "role", "род занятий", "род заняткаў"],
    ),
    (
        Field::Detained,
        &[
            "detained",
            "arrested",
            "date of detention",
            "date of arrest",
            "дата задержания",
            "дата ареста",
            "дата затрымання",
        ],
    ),
    (
        Field::Recognized,
        &[
            "recognized",
            "recognised",
            "date recognized",
            "дата признания",
            "дата прызнання",
        ],
    ),
    (
        Field::RecognizedBy,
        &[
            "recognized by",
            "recognised by",
            "кем признан",
            "кім прызнаны",
        ],
    ),
    (
        Field::Articles,
        &[
            "articles",
            "article",
            "charges",
            "статья",
            "статьи",
            "предъявлены обвинения",
            "артыкул",
            "артыкулы",
        ],
    ),
    (
        Field::SentenceDate,
        &[
            "sentence date",
            "verdict date",
            "date of sentence",
            "дата приговора",
            "дата прысуду",
        ],
    ),
    (
        Field::Sentence,
        &[
            "sentence",
            "court decision",
            "term",
            "решение суда",
            "приговор",
            "срок",
            "рашэнне суда",
            "прысуд",
            "тэрмін",
        ],
    ),
    (
        Field::Regime,
        &[
            "penalty",
            "regime",
            "вид наказания",
            "режим",
            "від пакарання",
            "рэжым",
        ],
    ),
    (
        Field::Place,
        &[
            "place of detention",
            "prison",
            "место заключения",
            "место содержания",
            "месца зняволення",
            "месца ўтрымання",
        ],
    ),
    (
        Field::Released,
        &[
            "released",
            "release date",
            "date of release",
            "дата освобождения",
            "дата вызвалення",
        ],
    ),
    (
        Field::ReleaseReason,
        &[
            "release reason",
            "reason for release",
            "основание освобождения",
            "падстава вызвалення",
        ],
    ),
    (Field::Visibility, &["visibility", "видимость", "бачнасць"]),
    (Field::Source, &["source", "источник", "крыніца"]),
    (Field::Court, &["court", "суд"]),
    (Field::Judge, &["judge", "судья", "суддзя"]),
    (Field::Prosecutor, &["prosecutor", "прокурор", "пракурор"]),
    (
        Field::Counsel,
        &["counsel", "lawyer", "адвокат", "защитник", "абаронца"],
    ),
    (
        Field::TermStart,
        &[
            "penalty start date",
            "term start",
            "term counted from",
            "начало срока",
            "дата начала срока",
            "срок с",
            "пачатак тэрміну",
            "дата пачатку тэрміну",
            "тэрмін з",
        ],
    ),
    (
        Field::AppealDate,
        &[
            "appeal date",
            "date of appeal",
            "дата апелляции",
            "дата рассмотрения апелляции",
            "дата апеляцыі",
            "дата разгляду апеляцыі",
        ],
    ),
    (
        Field::AppealTerm,
        &[
            "term after appeal",
            "срок после апелляции",
            "тэрмін пасля апеляцыі",
        ],
    ),
    (
        Field::AppealCourt,
        &["appeal court", "апелляционный суд", "апеляцыйны суд"],
    ),
    (
        Field::AppealOutcome,
        &[
            "appeal",
            "appeal outcome",
            "апелляция",
            "решение по апелляции",
            "апеляцыя",
            "рашэнне па апеляцыі",
        ],
    ),
];
