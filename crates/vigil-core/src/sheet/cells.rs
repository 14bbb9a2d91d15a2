//! Reading the cells of a monitor's spreadsheet: dates as people write them (ISO,
//! `DD.MM.YYYY`, `MM.YYYY`, `YYYY`, month names in Belarusian, Russian and English), terms
//! of imprisonment ("3 года", "2 г. 6 мес.", "36 мес.", "3 years 6 months"), sex, release
//! reasons and visibility in the three languages. Each refusal says what was expected.

use super::problem::Problem;
use crate::date::{Day, PartialDate};
use crate::record::{AppealOutcome, Health, PlaceKind, Regime, ReleaseReason, Sex, Visibility};

/// Month names and their abbreviations, nominative and genitive, in the three
/// languages, lower case: index 0 is January.
const MONTHS: [&[&str]; 12] = [
    &[
        "january",
        "jan",
        "январь",
        "января",
        "янв",
        "студзень",
        "студзеня",
        "студз",
    ],
    &[
        "february",
        "feb",
        "февраль",
        "февраля",
        "фев",
        "февр",
        "люты",
        "лютага",
        "лют",
    ],
    &[
        "march",
        "mar",
        "март",
        "марта",
        "мар",
        "сакавік",
        "сакавіка",
        "сак",
    ],
    &[
        "april",
        "apr",
        "апрель",
        "апреля",
        "апр",
        "красавік",
        "красавіка",
        "крас",
    ],
    &["may", "май", "мая", "травень", "траўня", "травеня", "трав"],
    &[
        "june",
        "jun",
        "июнь",
        "июня",
        "июн",
        "чэрвень",
        "чэрвеня",
        "чэрв",
    ],
    &[
        "july",
        "jul",
        "июль",
        "июля",
        "июл",
        "ліпень",
        "ліпеня",
        "ліп",
    ],
    &[
        "august",
        "aug",
        "август",
        "августа",
        "авг",
        "жнівень",
        "жніўня",
        "жнів",
    ],
    &[
        "september",
        "sep",
        "sept",
        "сентябрь",
        "сентября",
        "сен",
        "сент",
        "верасень",
        "верасня",
        "вер",
    ],
    &[
        "october",
        "oct",
        "октябрь",
        "октября",
        "окт",
        "кастрычнік",
        "кастрычніка",
        "кастр",
    ],
    &[
        "november",
        "nov",
        "ноябрь",
        "ноября",
        "ноя",
        "нояб",
        "лістапад",
        "лістапада",
        "ліст",
    ],
    &[
        "december",
        "dec",
        "декабрь",
        "декабря",
        "дек",
        "снежань",
        "снежня",
        "снеж",
    ],
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .map(|i| i as u32 + 1)
}

/// A date as a monitor writes it; a partial date keeps its precision. Refused with what
/// is wrong: an impossible day (31.02.2021) is named as such.
pub fn date(text: &str) -> Result<PartialDate, Problem> {
    let t = text.trim().trim_end_matches(['г', '.', ' ']).trim();
    let t = t
        .strip_suffix(" года")
        .or_else(|| t.strip_suffix(" года."))
        .or_else(|| t.strip_suffix(" г"))
        .unwrap_or(t)
        .trim();
    let expected = || Problem::NotDate {
        text: text.trim().to_string(),
    };
    let impossible = |y: i32, m: u32, d: u32| Problem::NotDay {
        text: text.trim().to_string(),
        day: format!("{d:02}.{m:02}.{y}"),
    };
    let year = |s: &str| -> Option<i32> {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
            .filter(|y| (1000..=9999).contains(y))
    };
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    // ISO first: the interchange format's own forms.
    if let Ok(d) = t.parse::<PartialDate>() {
        return Ok(d);
    }
    let parts: Vec<&str> = t.split(['.', '/']).collect();
    match parts.as_slice() {
        [d, m, y] => {
            let (Some(d), Some(m), Some(y)) = (num(d), num(m), year(y)) else {
                return Err(expected());
            };
            return Day::ymd(y, m, d)
                .map(PartialDate::day)
                .ok_or_else(|| impossible(y, m, d));
        }
        [m, y] => {
            let (Some(m), Some(y)) = (num(m), year(y)) else {
                return Err(expected());
            };
            return PartialDate::month(y, m).ok_or_else(expected);
        }
        _ => {}
    }
    // Words: "14 March 2021", "14 марта 2021", "сакавік 2021", "March 2021".
    let words: Vec<&str> = t.split_whitespace().collect();
    match words.as_slice() {
        [d, m, y] => {
            let (Some(d), Some(m), Some(y)) = (num(d), month_of(m), year(y)) else {
                return Err(expected());
            };
            Day::ymd(y, m, d)
                .map(PartialDate::day)
                .ok_or_else(|| impossible(y, m, d))
        }
        [m, y] => {
            let (Some(m), Some(y)) = (month_of(m), year(y)) else {
                return Err(expected());
            };
            PartialDate::month(y, m).ok_or_else(expected)
        }
        _ => Err(expected()),
    }
}

/// A term of imprisonment in months: "3 года", "2 г. 6 мес.", "36 мес.", "3 years 6
/// months", "1 год", "3 гады", "6 месяцаў", "2,5 года". Refused with the forms it reads.
pub fn term_months(text: &str) -> Result<u32, Problem> {
    let refuse = || Problem::NotTerm {
        text: text.trim().to_string(),
    };
    let lower = text.trim().to_lowercase().replace(',', ".");
    let mut months = 0f64;
    let mut number: Option<f64> = None;
    let mut seen_unit = false;
    // Split digits from letters: "2г.6мес." reads as "2 г. 6 мес.".
    let mut spaced = String::new();
    let mut prev_digit = None;
    for c in lower.chars() {
        let digit = c.is_ascii_digit() || c == '.';
        if let Some(p) = prev_digit {
            if p != digit && c != ' ' {
                spaced.push(' ');
            }
        }
        spaced.push(c);
        prev_digit = (c != ' ').then_some(digit);
    }
    for word in spaced.split_whitespace() {
        let w = word.trim_matches(|c: char| c == '.' || c == ',' || c == ';');
        if w.is_empty() || w == "и" || w == "і" || w == "and" {
            continue;
        }
        if let Ok(n) = w.parse::<f64>() {
            if number.is_some() {
                return Err(refuse());
            }
            number = Some(n);
            continue;
        }
        let unit = if w.starts_with("year")
            || w.starts_with("yr")
            || w.starts_with("год")
            || w.starts_with("гад")
            || w == "г"
            || w == "лет"
        {
            12.0
        } else if w.starts_with("month") || w.starts_with("mo") || w.starts_with("мес") || w == "м"
        {
            1.0
        } else {
            return Err(refuse());
        };
        let Some(n) = number.take() else {
            return Err(refuse());
        };
        months += n * unit;
        seen_unit = true;
    }
    if number.is_some()
        || !seen_unit
        || months <= 0.0
        || months > 12.0 * 99.0
        || months.fract() != 0.0
    {
        return Err(refuse());
    }
    Ok(months as u32)
}

/// Sex as written in a list: `male`/`female`, `M`/`F`, `М`/`Ж`, `мужской`/`женский`,
/// `мужчина`/`женщина`, `мужчынскі`/`жаночы`.
pub fn sex(text: &str) -> Result<Sex, Problem> {
    let w = text.trim().to_lowercase();
    Ok(match w.trim_end_matches('.') {
        "male" | "m" | "man" | "м" | "муж" | "мужской" | "мужчина" | "мужчынскі" | "мужчына"
        | "мужч" => Sex::Male,
        "female" | "f" | "woman" | "ж" | "жен" | "женский" | "женщина" | "жаночы" | "жанчына"
        | "жан" => Sex::Female,
        "unknown" | "" | "неизвестно" | "невядома" => Sex::Unknown,
        _ => {
            return Err(Problem::NotSex {
                text: text.trim().to_string(),
            })
        }
    })
}

/// An appeal's outcome as monitors write it in the three languages ("оставлен без
/// изменения", "срок снижен", "пакінуты без зменаў"…), or its interchange name.
pub fn appeal_outcome(text: &str) -> Result<AppealOutcome, Problem> {
    let w = text.trim().to_lowercase();
    if let Some(o) = AppealOutcome::parse(&w) {
        return Ok(o);
    }
    let has = |stems: &[&str]| stems.iter().any(|s| w.contains(s));
    if has(&["без измен", "без змен", "upheld", "в силе", "у сіле"]) {
        Ok(AppealOutcome::Upheld)
    } else if has(&["сниж", "смягч", "паменш", "зменш", "reduced"]) {
        Ok(AppealOutcome::Reduced)
    } else if has(&["увелич", "ужесточ", "павялі", "increased"]) {
        Ok(AppealOutcome::Increased)
    } else if has(&[
        "отмен",
        "адмен",
        "новое рассмотр",
        "новы разгляд",
        "overturned",
        "quashed",
    ]) {
        Ok(AppealOutcome::Overturned)
    } else if has(&[
        "не рассмотр",
        "не разгледж",
        "подана",
        "пададзена",
        "pending",
    ]) {
        Ok(AppealOutcome::Pending)
    } else {
        Err(Problem::NotAppealOutcome {
            text: text.trim().to_string(),
        })
    }
}

/// A release reason in the three languages, or its interchange name.
pub fn release_reason(text: &str) -> Result<ReleaseReason, Problem> {
    let w = text.trim().to_lowercase();
    if let Some(r) = ReleaseReason::parse(&w) {
        return Ok(r);
    }
    let has = |stems: &[&str]| stems.iter().any(|s| w.contains(s));
    Ok(if has(&["помилов", "памілав", "pardon"]) {
        ReleaseReason::Pardon
    } else if has(&["амнист", "амніст", "amnesty"]) {
        ReleaseReason::Amnesty
    } else if has(&["оправда", "апраўда", "acquit"]) {
        ReleaseReason::Acquittal
    } else if has(&["срок", "тэрмін", "term"]) && !has(&["досроч", "датэрмін"])
    {
        ReleaseReason::EndOfTerm
    } else if has(&[
        "досроч",
        "датэрмін",
        "услов",
        "умоўн",
        "parole",
        "conditional",
    ]) {
        ReleaseReason::Conditional
    } else if has(&["выдвор", "высыл", "депорт", "deport", "expel"]) {
        ReleaseReason::Deported
    } else if has(&["друг", "іншае", "other"]) {
        ReleaseReason::Other
    } else {
        return Err(Problem::NotReleaseReason {
            text: text.trim().to_string(),
        });
    })
}

/// A penalty or regime as monitors write it in the three languages ("общий",
/// "колония строгого режима", "general-security penal colony", "химия", "домашний
/// арест"…), or its interchange name.
pub fn regime(text: &str) -> Result<Regime, Problem> {
    let w = text.trim().to_lowercase();
    if let Some(r) = Regime::parse(&w.replace([' ', '-'], "_")) {
        return Ok(r);
    }
    let has = |stems: &[&str]| stems.iter().any(|s| w.contains(s));
    Ok(
        if has(&[
            "огранич",
            "абмежав",
            "хими",
            "хімі",
            "restricted freedom",
            "restriction of freedom",
        ]) {
            Regime::RestrictedFreedom
        } else if has(&["домашн", "хатн", "house arrest"]) {
            Regime::HouseArrest
        } else if has(&["поселен", "пасялен", "settlement"]) {
            Regime::Settlement
        } else if has(&["услов", "умоўн", "suspended", "probation"]) {
            Regime::Suspended
        } else if has(&["принуд", "прымус", "compulsory", "psychiatric"]) {
            Regime::CompulsoryTreatment
        } else if has(&["штраф", "fine"]) {
            Regime::Fine
        } else if has(&["усилен", "змоцн", "reinforced", "increased"]) {
            Regime::Reinforced
        } else if has(&["особ", "асабл", "special"]) {
            Regime::Special
        } else if has(&[
            "строг",
            "строгі",
            "strict",
            "high-security",
            "high security",
        ]) {
            Regime::Strict
        } else if has(&["общ", "агульн", "general"]) {
            Regime::General
        } else if has(&["тюр", "турм", "турэм", "prison"]) {
            Regime::Prison
        } else {
            return Err(Problem::NotRegime {
                text: text.trim().to_string(),
            });
        },
    )
}

/// The kind of a place of detention from its name ("ИК-15" → colony, "СИЗО-1" → SIZO);
/// `other` when the name does not say.
#[must_use]
pub fn place_kind(name: &str) -> PlaceKind {
    let w = name.to_lowercase();
    let has = |stems: &[&str]| stems.iter().any(|s| w.contains(s));
    if has(&["сизо", "сізо", "сіза", "sizo", "pre-trial"]) {
        PlaceKind::Sizo
    } else if has(&["ивс", "ічу", "цип", "ivs", "temporary detention"]) {
        PlaceKind::Ivs
    } else if has(&[
        "ик-",
        "ик ",
        "ік-",
        "калоні",
        "колони",
        "colony",
        "пк-",
        "пк ",
    ]) {
        PlaceKind::Colony
    } else if has(&["тюрьм", "турма", "prison"]) {
        PlaceKind::Prison
    } else if has(&["психиатр", "псіхіятр", "psychiatric"]) {
        PlaceKind::Psychiatric
    } else {
        PlaceKind::Other
    }
}

/// Health as monitors write it, one or more separated by commas or semicolons:
/// `chronic_illness`/`disability`, or the words in three languages ("хроническое
/// заболевание", "инвалидность", "хранічная хвароба", "інваліднасць", "chronic illness").
pub fn health(text: &str) -> Result<Vec<Health>, Problem> {
    let mut out = Vec::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let w = part.to_lowercase();
        let h = if let Some(h) = Health::parse(&w.replace(' ', "_")) {
            h
        } else if ["инвалид", "інвалід", "disab"]
            .iter()
            .any(|s| w.contains(s))
        {
            Health::Disability
        } else if [
            "хрон",
            "хран",
            "chronic",
            "болезн",
            "заболев",
            "хвароб",
            "ill",
        ]
        .iter()
        .any(|s| w.contains(s))
        {
            Health::ChronicIllness
        } else {
            return Err(Problem::NotHealth {
                text: part.to_string(),
            });
        };
        if !out.contains(&h) {
            out.push(h);
        }
    }
    Ok(out)
}

/// Visibility in the three languages, or its interchange name.
pub fn visibility(text: &str) -> Result<Visibility, Problem> {
    let w = text.trim().to_lowercase();
    if let Some(v) = Visibility::parse(&w) {
        return Ok(v);
    }
    Ok(match w.as_str() {
        "открыто" | "публично" | "адкрыта" | "публічна" => {
            Visibility::Public
        }
        "ограничено" | "абмежавана" => Visibility::Restricted,
        "конфиденциально" | "канфідэнцыйна" | "секретно" => {
            Visibility::Confidential
        }
        _ => {
            return Err(Problem::NotVisibility {
                text: text.trim().to_string(),
            })
        }
    })
}

/// The articles a cell lists, in the order written, as the event form stores them: a list
/// of texts, split at commas and semicolons, each kept as written ("ч. 1 ст. 342 УК",
/// "342 ч.1"). A part of article numbers alone separated by spaces ("342 293") is that
/// many articles.
#[must_use]
pub fn articles(text: &str) -> Vec<String> {
    let number = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.'))
    };
    let mut out = Vec::new();
    for part in text.split([',', ';']) {
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.len() > 1 && words.iter().all(|w| number(w)) {
            out.extend(words.iter().map(|w| (*w).to_string()));
        } else if !words.is_empty() {
            out.push(words.join(" "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_a_list_in_the_order_written() {
        assert_eq!(articles("342, 293"), ["342", "293"]);
        assert_eq!(articles("342; 293 ;361-1"), ["342", "293", "361-1"]);
        assert_eq!(articles("342 293"), ["342", "293"]);
        assert_eq!(articles("ст. 342 УК"), ["ст. 342 УК"]);
        assert_eq!(articles("342 ч.1, 293"), ["342 ч.1", "293"]);
        assert_eq!(
            articles("ч. 1 ст. 342  УК; 130.1"),
            ["ч. 1 ст. 342 УК", "130.1"]
        );
        assert!(articles(" , ;").is_empty());
    }

    #[test]
    fn dates_as_monitors_write_them() {
        let d = |s: &str| date(s).map(|d| d.to_string());
        assert_eq!(d("2021-03-14"), Ok("2021-03-14".into()));
        assert_eq!(d("14.03.2021"), Ok("2021-03-14".into()));
        assert_eq!(d("14.03.2021 г."), Ok("2021-03-14".into()));
        assert_eq!(d("3.2021"), Ok("2021-03".into()));
        assert_eq!(d("2021"), Ok("2021".into()));
        assert_eq!(d("2021 г."), Ok("2021".into()));
        assert_eq!(d("март 2021"), Ok("2021-03".into()));
        assert_eq!(d("сакавік 2021"), Ok("2021-03".into()));
        assert_eq!(d("March 2021"), Ok("2021-03".into()));
        assert_eq!(d("14 марта 2021"), Ok("2021-03-14".into()));
        assert_eq!(d("9 снежня 2024"), Ok("2024-12-09".into()));
        assert_eq!(d("14 Mar 2021"), Ok("2021-03-14".into()));
        assert!(d("31.02.2021")
            .unwrap_err()
            .to_string()
            .contains("not a day of the calendar"));
        assert!(d("вчера").unwrap_err().to_string().contains("not a date"));
        assert!(
            d("14.03.21").is_err(),
            "a two-digit year is refused, not guessed"
        );
    }

    #[test]
    fn terms_as_courts_and_lists_write_them() {
        assert_eq!(term_months("3 года"), Ok(36));
        assert_eq!(term_months("2 г. 6 мес."), Ok(30));
        assert_eq!(term_months("2г.6мес."), Ok(30));
        assert_eq!(term_months("36 мес."), Ok(36));
        assert_eq!(term_months("3 years 6 months"), Ok(42));
        assert_eq!(term_months("1 год"), Ok(12));
        assert_eq!(term_months("5 лет"), Ok(60));
        assert_eq!(term_months("3 гады 6 месяцаў"), Ok(42));
        assert_eq!(term_months("2,5 года"), Ok(30));
        assert!(term_months("долго").is_err());
        assert!(
            term_months("3").is_err(),
            "a number without a unit is refused"
        );
    }

    #[test]
    fn sex_reasons_and_visibility_in_three_languages() {
        assert_eq!(sex("Ж"), Ok(Sex::Female));
        assert_eq!(sex("мужчынскі"), Ok(Sex::Male));
        assert!(sex("x").is_err());
        assert_eq!(release_reason("Помилование"), Ok(ReleaseReason::Pardon));
        assert_eq!(
            release_reason("окончание срока"),
            Ok(ReleaseReason::EndOfTerm)
        );
        assert_eq!(
            release_reason("умоўна-датэрміновае"),
            Ok(ReleaseReason::Conditional)
        );
        assert_eq!(visibility("адкрыта"), Ok(Visibility::Public));
    }
}
