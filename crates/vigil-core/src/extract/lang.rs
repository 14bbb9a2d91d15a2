//! Which language a report is in, among those the reading knows: English, Russian,
//! Belarusian, or another one it does not read.
//!
//! Cyrillic text is Belarusian when it writes ў and more і than Russian's и, щ, ъ;
//! Russian when it has ы or э (which Ukrainian and Bulgarian lack) and no Ukrainian ї, є,
//! ґ; Latin text is English when its commonest function words are English. Anything else (Ukrainian, Bulgarian,
//! Latvian, Georgian, …) is a language not read — said as such, never read as English.

/// `Some("en" | "ru" | "be")`, or `None` for a language the reading does not know.
#[must_use]
pub fn detect(text: &str) -> Option<&'static str> {
    let mut latin = 0usize;
    let mut cyrillic = 0usize;
    let mut other = 0usize;
    let (mut be, mut ru, mut uk) = (0usize, 0usize, 0usize);
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if ('\u{400}'..='\u{4ff}').contains(&c) {
            cyrillic += 1;
            match c {
                'ў' | 'і' => be += 1,
                'и' | 'щ' | 'ъ' => ru += 1,
                'ї' | 'є' | 'ґ' => uk += 1,
                _ => {}
            }
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    if cyrillic > latin && cyrillic > other {
        if uk * 50 > cyrillic {
            return None;
        }
        let has_yery = text.contains(['ы', 'Ы', 'э', 'Э']);
        return if be > ru && text.contains(['ў', 'Ў']) {
            Some("be")
        } else if has_yery || plainly_russian(text) {
            Some("ru")
        } else {
            None
        };
    }
    if latin > other {
        // Non-English Latin languages mostly carry letters English lacks (ā, ž, ñ, é…).
        if other * 40 > latin {
            return None;
        }
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let common = words
            .iter()
            .filter(|w| {
                matches!(
                    w.as_str(),
                    "the"
                        | "of"
                        | "and"
                        | "to"
                        | "in"
                        | "a"
                        | "was"
                        | "is"
                        | "were"
                        | "said"
                        | "on"
                        | "for"
                        | "by"
                        | "with"
                        | "has"
                        | "had"
                        | "have"
                        | "that"
                )
            })
            .count();
        return (common * 12 >= words.len().max(1)).then_some("en");
    }
    None
}

/// A short Russian text may write neither ы nor э ("Лукашенко помиловал 30 человек."): it
/// is Russian when it writes и (which Belarusian lacks) and nothing another Cyrillic
/// language writes and Russian does not — Ukrainian and Belarusian і, ї, є, ґ, ў and the
/// apostrophe inside a word, Serbian and Macedonian ј, љ, њ, ћ, ђ, џ, ѓ, ќ, ѕ — nor the ъ
/// Bulgarian writes as a vowel (rare in Russian).
fn plainly_russian(text: &str) -> bool {
    let lower = text.to_lowercase();
    let foreign = [
        'і', 'ї', 'є', 'ґ', 'ў', 'ј', 'љ', 'њ', 'ћ', 'ђ', 'џ', 'ѓ', 'ќ', 'ѕ', 'ъ',
    ];
    let cyrillic = |c: Option<char>| c.is_some_and(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    let chars: Vec<char> = lower.chars().collect();
    let apostrophe_in_word = chars
        .windows(3)
        .any(|w| matches!(w[1], '\'' | '’' | 'ʼ') && cyrillic(Some(w[0])) && cyrillic(Some(w[2])));
    lower.contains('и') && !lower.contains(foreign) && !apostrophe_in_word
}

/// The English name of a language code the reading might meet.
#[must_use]
pub fn name(code: &str) -> &'static str {
    match code {
        "en" => "English",
        "ru" => "Russian",
        "be" => "Belarusian",
        _ => "another language",
    }
}
