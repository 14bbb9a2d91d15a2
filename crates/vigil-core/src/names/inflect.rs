//! Names as running text inflects them: the case endings of Belarusian and Russian
//! (Лукашэнкі, Ціханоўскай, Сяргея Ціханоўскага, Сергею Тихановскому, Змітром Дашкевічам)
//! and of the press languages that decline them (Polish Cichanowskiego, Cichanouskiemu;
//! Czech/Slovak Lukašenkovi, Cichanovského, Kalesnikavovou; Lithuanian Aliaksandras,
//! Bialiackį, Cichanouskio), and the feminine surname forms the press builds (Slovak and
//! Czech -ová, Polish -owa/-ska).
//!
//! Skeleton keys drop vowels, so endings of vowels alone (-а, -у, -ы, -і, -ая, -ой, -ую)
//! fold by themselves. What is left are endings with a consonant: the -m of the
//! instrumental and dative (-ам, -ым, -ому, -emu), the -g/-h of the genitive (-ага, -ого,
//! -iego, -ého), the -v of Czech -ovi/-ovou/-ová, the -s of Lithuanian -as/-is/-us. A query
//! token gets, besides its own keys, the keys of its stem without each such ending; stored
//! names (nominatives) are indexed as they are, so this costs nothing at build time.

use super::{dictionary, skeleton, Token};

/// Endings removed (longest first) from a folded reading, leaving a stem of at least three
/// letters. Transliterated Belarusian/Russian cases, then Polish, Czech/Slovak, Lithuanian.
const ENDINGS: &[&str] = &[
    "iego", "iemu", "ovou", "ovej", "iami", "yami", // pl, cs/sk, be/ru plural
    "ogo", "ego", "ago", "aha", "oha", "eha",
    "eho", // genitive, Belarusian г = h, Czech -ého
    "omu", "emu", "amu", // dative
    "ovi", "owi", "ova", "owa", "ove", "ovu", // Czech/Slovak/Polish -ov- forms, -ová
    "ykh", "ikh", "ami", "ymi", "imi", "iui", // plural, Lithuanian dative
    "ym", "im", "om", "em", "am", "ou", // instrumental (Czech -ou)
    "as", "is", "ys", "us", "os", "io", "ui", // Lithuanian
    "at", "ot", "et", "ra",
    "re", // Hungarian accusative -t, sublative -ra/-re (after a vowel)
];

/// The keys of a reading's stems: the reading with each ending above removed.
#[must_use]
pub fn stem_keys(reading: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in ENDINGS {
        if let Some(stem) = reading.strip_suffix(e) {
            if stem.chars().count() < 3 {
                continue;
            }
            out.push(skeleton(stem, false));
            if stem.contains("ch") {
                out.push(skeleton(stem, true));
            }
        }
    }
    out.retain(|k| k.len() >= 3);
    out.sort();
    out.dedup();
    out
}

/// A query token with the keys its inflected forms may stand for, and the given-name
/// classes those keys belong to (Змітром → Зміцер).
pub fn fold_inflection(t: &mut Token) {
    let mut extra: Vec<String> = t
        .readings
        .iter()
        .chain(&t.variants)
        .flat_map(|r| stem_keys(r))
        .collect();
    extra.retain(|k| !t.keys.contains(k));
    if extra.is_empty() {
        return;
    }
    for k in &extra {
        if let Some(classes) = dictionary().get(k) {
            for c in classes {
                if !t.symbols.contains(c) {
                    t.symbols.push(*c);
                }
            }
        }
    }
    t.symbols.sort_unstable();
    t.keys.extend(extra);
    t.keys.sort();
    t.keys.dedup();
}
