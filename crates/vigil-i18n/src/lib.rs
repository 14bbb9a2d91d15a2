//! vigil's three languages: Belarusian, Russian and English. The message catalogues are
//! Fluent files (`locales/{be,ru,en}/*.ftl`) embedded at compile time by
//! `fluent-templates`; English is the fallback only for a key missing at run time, and
//! `tests/catalogue.rs` fails when a key is missing from a catalogue or unused in code.
//!
//! Plural forms are chosen here by ICU4X (`icu_plurals`) and handed to the message as a
//! selector (`$NAME_form`: `one`, `few`, `many`, `other`), never by Fluent's own rules
//! (its `intl_pluralrules` drops the `% 10` / `% 100` of the Belarusian rule). Numbers
//! and dates are formatted by ICU4X (`icu_decimal`, `icu_datetime`).
//!
//! Choosing the language (`Lang::choose`): `?lang=`, then the cookie the language switch
//! sets, then `Accept-Language`, then the server's default.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use icu_calendar::Date;
use icu_datetime::fieldsets;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Numbers are formatted before they reach a message: no isolation marks around
        // them (they would show as stray characters in CSV and plain text).
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language vigil speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    Be,
    Ru,
    #[default]
    En,
}

/// The name of the cookie the language switch sets.
pub const COOKIE: &str = "vigil_lang";

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Be, Lang::Ru, Lang::En];

    /// The BCP 47 code: `be`, `ru`, `en`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Be => "be",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the switch: "беларуская", "русский", "English".
    #[must_use]
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Be => "беларуская",
            Lang::Ru => "русский",
            Lang::En => "English",
        }
    }

    /// A code as written by a person or a browser (`be`, `RU`, `en-GB`, `be-BY`).
    #[must_use]
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The best of ours for an `Accept-Language` header: highest `q` first, the header's
    /// order among equals; `q=0` means "not this one".
    #[must_use]
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut offers: Vec<(u16, usize, Lang)> = Vec::new();
        for (i, item) in header.split(',').enumerate() {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::parse) else {
                continue;
            };
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q=")?.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q > 0.0 {
                offers.push(((q.clamp(0.0, 1.0) * 1000.0) as u16, i, lang));
            }
        }
        offers.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        offers.first().map(|o| o.2)
    }

    /// The reader's language: the query's `lang`, then the switch's cookie, then the
    /// browser's `Accept-Language`, then the server's default. A value that is not one of
    /// ours is passed over, never an error.
    #[must_use]
    pub fn choose(
        query: Option<&str>,
        cookie: Option<&str>,
        accept_language: Option<&str>,
        default: Lang,
    ) -> Lang {
        query
            .and_then(Lang::parse)
            .or_else(|| cookie.and_then(Lang::parse))
            .or_else(|| accept_language.and_then(Lang::from_accept_language))
            .unwrap_or(default)
    }

    fn id(self) -> &'static LanguageIdentifier {
        static IDS: OnceLock<[LanguageIdentifier; 3]> = OnceLock::new();
        let ids = IDS.get_or_init(|| {
            Lang::ALL.map(|l| l.code().parse().expect("a valid language identifier"))
        });
        &ids[self as usize]
    }

    /// The locale ICU4X formats for: British English (day before month, "9 December
    /// 2024"), Belarusian, Russian.
    fn locale(self) -> Locale {
        match self {
            Lang::En => "en-GB",
            other => other.code(),
        }
        .parse()
        .expect("a valid locale")
    }

    fn tools(self) -> &'static Tools {
        static TOOLS: OnceLock<[Tools; 3]> = OnceLock::new();
        &TOOLS.get_or_init(|| Lang::ALL.map(Tools::new))[self as usize]
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// ICU4X's formatters for one language, made once.
struct Tools {
    plurals: PluralRules,
    decimal: DecimalFormatter,
    day: FixedCalendarDateTimeFormatter<icu_calendar::Gregorian, fieldsets::YMD>,
    month: FixedCalendarDateTimeFormatter<icu_calendar::Gregorian, fieldsets::YM>,
}

impl Tools {
    fn new(lang: Lang) -> Tools {
        let locale = lang.locale();
        Tools {
            plurals: PluralRules::try_new_cardinal((&locale).into())
                .expect("plural rules are compiled in for be, ru, en"),
            decimal: DecimalFormatter::try_new(
                (&locale).into(),
                icu_decimal::options::DecimalFormatterOptions::default(),
            )
            .expect("decimal symbols are compiled in for be, ru, en"),
            day: FixedCalendarDateTimeFormatter::try_new((&locale).into(), fieldsets::YMD::long())
                .expect("date patterns are compiled in for be, ru, en"),
            month: FixedCalendarDateTimeFormatter::try_new((&locale).into(), fieldsets::YM::long())
                .expect("date patterns are compiled in for be, ru, en"),
        }
    }
}

/// The plural form of a count in a language, as a Fluent selector.
#[must_use]
pub fn plural_form(lang: Lang, n: i64) -> &'static str {
    match lang.tools().plurals.category_for(n.unsigned_abs()) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// A whole number as the language writes it: be "1135", ru "1 135", en "1,135".
#[must_use]
pub fn number(lang: Lang, n: i64) -> String {
    lang.tools().decimal.format(&Decimal::from(n)).to_string()
}

/// A number with `digits` places after the decimal point, as the language writes it
/// (be and ru "2,50", en "2.50"); whole when it is one and `digits` is 0.
#[must_use]
pub fn decimal(lang: Lang, x: f64, digits: u8) -> String {
    let scale = 10f64.powi(i32::from(digits));
    let mut d = Decimal::from((x * scale).round() as i64);
    d.multiply_pow10(-i16::from(digits));
    d.absolute.pad_end(-i16::from(digits));
    lang.tools().decimal.format(&d).to_string()
}

/// A day as the language writes it in words: "9 снежня 2024", "9 декабря 2024 г.",
/// "9 December 2024". `None` for a day the calendar cannot hold.
#[must_use]
pub fn day(lang: Lang, year: i32, month: u8, day: u8) -> Option<String> {
    let date = Date::try_new_iso(year, month, day)
        .ok()?
        .to_calendar(icu_calendar::Gregorian);
    Some(lang.tools().day.format(&date).to_string())
}

/// A month of a year in words: "сакавік 2021 г.", "март 2021 г.", "March 2021".
#[must_use]
pub fn month(lang: Lang, year: i32, month: u8) -> Option<String> {
    let date = Date::try_new_iso(year, month, 1)
        .ok()?
        .to_calendar(icu_calendar::Gregorian);
    Some(lang.tools().month.format(&date).to_string())
}

/// A partial date in words: a day "9 снежня 2024", a month "сакавік 2021", a year "2021".
#[must_use]
pub fn date(lang: Lang, d: vigil_core::date::PartialDate) -> String {
    use chrono::Datelike;
    use vigil_core::date::Precision;
    let first = d.first_day().to_naive();
    let (y, m, dd) = (first.year(), first.month() as u8, first.day() as u8);
    match d.precision() {
        Precision::Day => day(lang, y, m, dd),
        Precision::Month => month(lang, y, m),
        Precision::Year => None,
    }
    .unwrap_or_else(|| d.to_string())
}

/// A word of the vocabulary (an event kind, a status, a release reason, a country…):
/// the catalogue's `FAMILY-VALUE`, or the value as stored (underscores as spaces) when
/// the catalogue has no word for it (a region, a role nobody translated yet).
#[must_use]
pub fn term(lang: Lang, family: &str, value: &str) -> String {
    let key = format!("{family}-{value}");
    if has(Lang::En, &key) {
        t(lang, &key)
    } else {
        value.replace('_', " ")
    }
}

/// The vocabulary families whose every value comes from a list in vigil-core, with the
/// values: the catalogue test checks each has a word in every language.
#[must_use]
pub fn vocabulary() -> Vec<(&'static str, Vec<&'static str>)> {
    use vigil_core::access::Role;
    use vigil_core::record::{
        AnnouncementKind, Condition, Confidence, Consent, EventKind, Health, PlaceKind, Qualifier,
        RecordType, Regime, ReleaseReason, Sex, Visibility,
    };
    fn all<T: Copy>(list: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
        list.iter().map(|&x| f(x)).collect()
    }
    vec![
        ("sex", all(Sex::ALL, Sex::as_str)),
        ("visibility", all(Visibility::ALL, Visibility::as_str)),
        ("health", all(Health::ALL, Health::as_str)),
        ("event-kind", all(EventKind::ALL, EventKind::as_str)),
        (
            "release-reason",
            all(ReleaseReason::ALL, ReleaseReason::as_str),
        ),
        ("confidence", all(Confidence::ALL, Confidence::as_str)),
        (
            "announcement-kind",
            all(AnnouncementKind::ALL, AnnouncementKind::as_str),
        ),
        ("qualifier", all(Qualifier::ALL, Qualifier::as_str)),
        ("status", vec!["held", "released", "not_detained"]),
        ("record-type", all(RecordType::ALL, RecordType::as_str)),
        ("account-role", all(Role::ALL, Role::as_str)),
        ("step", vec!["day", "week", "month"]),
        (
            "sheet-field",
            all(
                &vigil_core::sheet::Field::ALL,
                vigil_core::sheet::Field::as_str,
            ),
        ),
        ("place-kind", all(PlaceKind::ALL, PlaceKind::as_str)),
        ("regime", all(Regime::ALL, Regime::as_str)),
        (
            "appeal-outcome",
            all(
                vigil_core::record::AppealOutcome::ALL,
                vigil_core::record::AppealOutcome::as_str,
            ),
        ),
        ("condition", all(Condition::ALL, Condition::as_str)),
        ("consent", all(Consent::ALL, Consent::as_str)),
        (
            "whereabouts",
            vec!["place", "in_transit", "address_unknown"],
        ),
        ("term-band", vigil_core::sentence::TERM_KEYS.to_vec()),
        ("releases", vigil_core::registry::RELEASE_KEYS.to_vec()),
    ]
}

/// Key prefixes whose values come from the data (countries, roles, detail fields,
/// metrics, breakdown keys, recognising organisations): translated where the catalogue
/// has them, shown as stored otherwise; the catalogue test does not ask that code name
/// each of them.
pub const DATA_FAMILIES: &[&str] = &[
    "country-",
    "role-",
    "detail-",
    "metric-",
    "breakdown-",
    "org-",
];

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, as it is.
    Text(String),
    /// A count: the message gets `$NAME` (the number formatted for the language) and
    /// `$NAME_form` (its plural form, to select on).
    Count(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

/// The message `key` in `lang`; English when the key is missing in `lang`, and the key
/// itself when it is missing everywhere (the catalogue test stops both reaching a user).
#[must_use]
pub fn t(lang: Lang, key: &str) -> String {
    LOCALES
        .try_lookup(lang.id(), key)
        .unwrap_or_else(|| key.to_string())
}

/// The message `key` in `lang` with arguments.
#[must_use]
pub fn t_with(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let mut map: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
    for (name, arg) in args {
        match arg {
            Arg::Text(s) => {
                map.insert(
                    Cow::Owned((*name).to_string()),
                    FluentValue::from(s.clone()),
                );
            }
            Arg::Count(n) => {
                map.insert(
                    Cow::Owned((*name).to_string()),
                    FluentValue::from(number(lang, *n)),
                );
                map.insert(
                    Cow::Owned(format!("{name}_form")),
                    FluentValue::from(plural_form(lang, *n)),
                );
            }
        }
    }
    LOCALES
        .try_lookup_with_args(lang.id(), key, &map)
        .unwrap_or_else(|| key.to_string())
}

/// Whether `lang`'s own catalogue has `key` (no fallback to English).
#[must_use]
pub fn has(lang: Lang, key: &str) -> bool {
    static KEYS: OnceLock<[std::collections::BTreeSet<String>; 3]> = OnceLock::new();
    KEYS.get_or_init(|| Lang::ALL.map(|l| keys(catalogue_source(l))))[lang as usize].contains(key)
}

/// The message ids of a catalogue's text: each line `id = …` that starts a message.
#[must_use]
pub fn keys(source: &str) -> std::collections::BTreeSet<String> {
    source
        .lines()
        .filter_map(|l| {
            let (id, _) = l.split_once(" =")?;
            (id.starts_with(|c: char| c.is_ascii_lowercase())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .then(|| id.to_string())
        })
        .collect()
}

/// The catalogue files' text, by language: for the test that every key is everywhere.
#[must_use]
pub fn catalogue_source(lang: Lang) -> &'static str {
    match lang {
        Lang::Be => include_str!("../locales/be/main.ftl"),
        Lang::Ru => include_str!("../locales/ru/main.ftl"),
        Lang::En => include_str!("../locales/en/main.ftl"),
    }
}
