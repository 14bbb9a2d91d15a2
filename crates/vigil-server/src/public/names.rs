//! Which of a person's stored names a page shows in the reader's language, and the `lang`
//! attribute a name needs on a page written in another language or script.

use vigil_core::names::{transliterate, Scheme};
use vigil_i18n::Lang;

/// The script a name is written in, judged by its letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Other,
}

impl Script {
    fn of(text: &str) -> Script {
        let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
        if letters.peek().is_none() {
            return Script::Other;
        }
        let latin = |c: char| {
            c.is_ascii_alphabetic()
                || ('\u{00c0}'..='\u{024f}').contains(&c)
                || ('\u{1e00}'..='\u{1eff}').contains(&c)
        };
        let cyrillic = |c: char| ('\u{0400}'..='\u{052f}').contains(&c);
        let letters: Vec<char> = letters.collect();
        if letters.iter().all(|&c| latin(c)) {
            Script::Latin
        } else if letters.iter().all(|&c| cyrillic(c)) {
            Script::Cyrillic
        } else {
            Script::Other
        }
    }

    /// The script a page in `lang` is written in.
    fn of_page(lang: Lang) -> Script {
        match lang {
            Lang::Be | Lang::Ru => Script::Cyrillic,
            Lang::En => Script::Latin,
        }
    }

    /// The BCP 47 script subtag.
    fn subtag(self) -> Option<&'static str> {
        match self {
            Script::Latin => Some("Latn"),
            Script::Cyrillic => Some("Cyrl"),
            Script::Other => None,
        }
    }
}

/// A name as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// The `lang` attribute it needs on the page, if any.
    pub lang: Option<String>,
    /// Not a stored form: a transliteration vigil made (the page says so).
    pub transliterated: bool,
}

/// The name to show a reader of `lang`, from a person's stored `(text, language tag)`
/// pairs (the tag empty when none was stored), best first: a form in the reader's language
/// and the page's script; else one in the page's script (the Russian form on a Belarusian
/// page, any Latin form on an English one); else a form in the reader's language in
/// another script (Łacinka); else, in English and when `transliterate` is set, the first
/// Cyrillic form transliterated (ICAO, as passports write it); else the first.
#[must_use]
pub fn reader_name<S: AsRef<str>>(
    lang: Lang,
    names: &[(S, S)],
    transliterate_cyrillic: bool,
) -> Option<Shown> {
    let names: Vec<(&str, &str)> = names
        .iter()
        .map(|(t, l)| (t.as_ref(), l.as_ref()))
        .collect();
    let page = Script::of_page(lang);
    let in_lang = |l: &str| Lang::parse(l) == Some(lang);
    let stored = |(text, tag): (&str, &str)| Shown {
        text: text.to_string(),
        lang: name_lang(tag, text, lang),
        transliterated: false,
    };
    let pick = names
        .iter()
        .find(|(t, l)| in_lang(l) && Script::of(t) == page)
        .or_else(|| {
            // Another East Slavic form reads better than a Latin one on a Cyrillic page.
            names
                .iter()
                .filter(|(t, _)| Script::of(t) == page)
                .min_by_key(|(_, l)| !matches!(Lang::parse(l), Some(Lang::Be | Lang::Ru)))
        })
        .or_else(|| names.iter().find(|(_, l)| in_lang(l)));
    if let Some(&found) = pick {
        return Some(stored(found));
    }
    if lang == Lang::En && transliterate_cyrillic {
        if let Some(&(text, tag)) = names
            .iter()
            .find(|(t, _)| Script::of(t) == Script::Cyrillic)
        {
            let belarusian =
                Lang::parse(tag) == Some(Lang::Be) || text.contains(['і', 'ў', 'І', 'Ў']);
            let scheme = if belarusian {
                Scheme::IcaoBe
            } else {
                Scheme::IcaoRu
            };
            let words: Vec<String> = text
                .split_whitespace()
                .map(|w| {
                    let t = transliterate(&w.to_lowercase(), scheme);
                    let mut c = t.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                })
                .collect();
            return Some(Shown {
                text: words.join(" "),
                lang: None,
                transliterated: true,
            });
        }
    }
    names.first().map(|&n| stored(n))
}

/// The `lang` attribute a name needs on a page in `page`: none when it is in the page's
/// language and script; its own tag when it has one (`ru` on a Belarusian page, `be-Latn`
/// for Łacinka there); for a name stored without a tag, `und-` and its script when that
/// is not the page's (a Latin name on a Russian page is `und-Latn`).
#[must_use]
pub fn name_lang(tag: &str, text: &str, page: Lang) -> Option<String> {
    let script = Script::of(text);
    let same_script = script == Script::of_page(page);
    if tag.is_empty() {
        return (!same_script)
            .then(|| script.subtag().map(|s| format!("und-{s}")))
            .flatten();
    }
    (Lang::parse(tag) != Some(page) || !same_script).then(|| tag.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &[(&str, &str)] = &[
        ("Андрэй Каваленка", "be"),
        ("Андрей Коваленко", "ru"),
        ("Andrei Kavalenka", "en"),
        ("Andrej Kavalenka", "be-Latn"),
    ];

    #[test]
    fn each_reader_gets_the_form_in_their_language_and_script() {
        type Case = (
            Lang,
            &'static [(&'static str, &'static str)],
            &'static str,
            Option<&'static str>,
            bool,
        );
        let cases: &[Case] = &[
            (Lang::Be, FULL, "Андрэй Каваленка", None, false),
            (Lang::Ru, FULL, "Андрей Коваленко", None, false),
            (Lang::En, FULL, "Andrei Kavalenka", None, false),
            // Łacinka first: a Belarusian page still heads with the Cyrillic form.
            (
                Lang::Be,
                &[("Andrej Kavalenka", "be-Latn"), ("Андрэй Каваленка", "be")],
                "Андрэй Каваленка",
                None,
                false,
            ),
            // No Belarusian form: the Russian one, marked, before a Latin one.
            (
                Lang::Be,
                &[("Mikhail Orlov", "en"), ("Михаил Орлов", "ru")],
                "Михаил Орлов",
                Some("ru"),
                false,
            ),
            // Only Łacinka and English: Łacinka is Belarusian, marked as Latin script.
            (
                Lang::Be,
                &[("Andrei Kavalenka", "en"), ("Andrej Kavalenka", "be-Latn")],
                "Andrej Kavalenka",
                Some("be-Latn"),
                false,
            ),
            // Only a Latin name without a tag: shown, marked by its script.
            (
                Lang::Ru,
                &[("Volha Shauchuk", "")],
                "Volha Shauchuk",
                Some("und-Latn"),
                false,
            ),
            // English with Cyrillic forms only: transliterated, and said to be.
            (
                Lang::En,
                &[("Алесь Бяляцкі", "be")],
                "Ales Bialiatski",
                None,
                true,
            ),
            (
                Lang::En,
                &[("Михаил Орлов", "ru")],
                "Mikhail Orlov",
                None,
                true,
            ),
            // Any Latin form before a transliteration.
            (
                Lang::En,
                &[("Михаил Орлов", "ru"), ("Mijaíl Orlov", "es")],
                "Mijaíl Orlov",
                Some("es"),
                false,
            ),
        ];
        for &(lang, names, text, attr, transliterated) in cases {
            let shown = reader_name(lang, names, true).unwrap();
            assert_eq!(
                (
                    shown.text.as_str(),
                    shown.lang.as_deref(),
                    shown.transliterated
                ),
                (text, attr, transliterated),
                "{lang} {names:?}"
            );
        }
        assert_eq!(
            reader_name(Lang::En, &[("Михаил Орлов", "ru")], false)
                .unwrap()
                .text,
            "Михаил Орлов",
            "lists show stored forms only"
        );
        assert_eq!(reader_name::<&str>(Lang::Be, &[], true), None);
    }

    #[test]
    fn a_name_is_marked_when_its_language_or_script_is_not_the_pages() {
        let cases = [
            ("be", "Андрэй Каваленка", Lang::Be, None),
            ("be-BY", "Андрэй Каваленка", Lang::Be, None),
            ("be-Latn", "Andrej Kavalenka", Lang::Be, Some("be-Latn")),
            ("ru", "Андрей Коваленко", Lang::Be, Some("ru")),
            ("en", "Andrei Kavalenka", Lang::Ru, Some("en")),
            ("en", "Andrei Kavalenka", Lang::En, None),
            ("", "Andrei Kavalenka", Lang::En, None),
            ("", "Andrei Kavalenka", Lang::Be, Some("und-Latn")),
            ("", "Андрэй Каваленка", Lang::En, Some("und-Cyrl")),
            ("", "Андрэй Каваленка", Lang::Ru, None),
            ("", "အောင်", Lang::En, None),
        ];
        for (tag, text, page, want) in cases {
            assert_eq!(
                name_lang(tag, text, page).as_deref(),
                want,
                "{tag:?} {text} on {page}"
            );
        }
    }
}
