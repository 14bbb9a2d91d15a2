//! Criminal-code articles commonly used against political prisoners, per country, with
//! short titles in en, ru and be where a published source gives one (`data/articles.csv`,
//! each row with its source, and `ru_source`/`be_source` where that language's title was
//! published elsewhere — the Russian ones are the code's own titles as a page publishing
//! the article's text gives them; a title no source gave is left empty, never written here).

use std::sync::OnceLock;

/// One article of a country's criminal code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub country: String,
    pub number: String,
    pub en: Option<String>,
    pub ru: Option<String>,
    pub be: Option<String>,
    pub source: String,
    /// Where the Russian title is published, when not at `source`.
    pub ru_source: Option<String>,
    /// Where the Belarusian title is published, when not at `source`.
    pub be_source: Option<String>,
}

const DATA: &str = include_str!("../data/articles.csv");

/// Every article of the table.
pub fn all() -> &'static [Article] {
    static TABLE: OnceLock<Vec<Article>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut r = csv::Reader::from_reader(DATA.as_bytes());
        r.records()
            .map(|row| {
                let row = row.expect("data/articles.csv is well formed (tested)");
                let opt = |i: usize| {
                    row.get(i)
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                };
                Article {
                    country: row[0].to_string(),
                    number: row[1].to_string(),
                    en: opt(2),
                    ru: opt(3),
                    be: opt(4),
                    source: row[5].to_string(),
                    ru_source: opt(6),
                    be_source: opt(7),
                }
            })
            .collect()
    })
}

/// The short title of an article in a language (`en`, `ru`, `be`), in any country when
/// `country` is `None`; `None` when the table has none in that language.
#[must_use]
pub fn title(country: Option<&str>, number: &str, lang: &str) -> Option<&'static str> {
    all()
        .iter()
        .filter(|a| a.number == number && country.is_none_or(|c| a.country.eq_ignore_ascii_case(c)))
        .find_map(|a| match lang {
            "en" => a.en.as_deref(),
            "ru" => a.ru.as_deref(),
            "be" => a.be.as_deref(),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_and_every_row_names_its_source_and_a_title() {
        let t = all();
        assert!(t.len() >= 15);
        for a in t {
            assert!(a.source.starts_with("http"), "{a:?}");
            assert!(a.en.is_some() || a.ru.is_some() || a.be.is_some(), "{a:?}");
            assert!(["BY", "RU"].contains(&a.country.as_str()), "{a:?}");
            for s in [&a.ru_source, &a.be_source].into_iter().flatten() {
                assert!(s.starts_with("http"), "{a:?}");
            }
        }
        assert_eq!(title(Some("BY"), "293", "ru"), Some("Массовые беспорядки"));
        assert_eq!(title(Some("BY"), "342", "be"), None, "no source gave it");
        // Belarusian titles, each as the page in `be_source` gives it.
        assert_eq!(
            title(Some("BY"), "369", "be"),
            Some("Абраза прадстаўніка ўлады")
        );
        assert_eq!(
            title(Some("BY"), "361-4", "be"),
            Some("Садзейнічанне экстрэмісцкай дзейнасці")
        );
        for a in t.iter().filter(|a| a.be.is_some()) {
            assert!(
                a.be_source.is_some(),
                "{a:?}: a Belarusian title names its page"
            );
        }
        assert_eq!(
            title(Some("BY"), "361-1", "ru"),
            Some("Создание экстремистского формирования либо участие в нем")
        );
        assert_eq!(
            title(Some("RU"), "207.3", "ru"),
            Some("Публичное распространение заведомо ложной информации об использовании Вооруженных Сил Российской Федерации")
        );
        assert_eq!(
            title(None, "207.3", "en"),
            Some("public dissemination of knowingly false information about the Armed Forces")
        );
    }
}
