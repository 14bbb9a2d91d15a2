//! The foreign press's spellings of Belarusian and Russian names: Cyrillic transcribed as
//! German, Polish, Czech/Slovak, French and Lithuanian newspapers write it, and the Latin
//! side read back, each language's digraphs normalised to the English-style letters the
//! skeleton keys are made of (German `tsch` and French `tch` = ч, German `z` = ц, French
//! `ou` = у and `ch` = ш, Spanish `j` = х …).
//!
//! The tables follow each language's published convention:
//! - German: the Duden transcription of Russian (е → je word-initially and after a vowel,
//!   ж/ш → sch, ч → tsch, ц → z, в → w, з → s, й → i at the end and before a consonant,
//!   кс → x), as summarised with its examples at <https://studopedia.info/5-39741.html> and
//!   the letter table at <https://de.m.wiktionary.org/wiki/Benutzer:AlB/Russisch_(Umschrift)>;
//!   Belarusian г as h and ў as u, as German papers print it ("Aljaksandr Lukaschenka",
//!   "Swjatlana Zichanouskaja", "Ryhor").
//! - Polish: the Polish transcription of Belarusian (hard л → ł, soft → l; е/я/ю after a
//!   consonant → ie/ia/iu, after л → e/a/u; ч → cz, ш → sz, ж → ż, х → ch, ц → c, в → w;
//!   -ская → -ska), "Zasady latynizacji języka białoruskiego", <https://doczz.pl/doc/4102275>.
//! - Czech/Slovak: the Czech press transcription (я → ja, ч → č, ш → š, ж → ž, х → ch,
//!   ц → c; -ская → -ská), as respekt.cz and aktualne.cz print "Sjarhej Cichanouski",
//!   "Svjatlana Cichanouská".
//! - French: the usual French transcription (у → ou, ш → ch, ч → tch, ж → j, х → kh,
//!   с between vowels → ss, й and и after a vowel → ï, г before e/i → gu): "Loukachenko",
//!   "Tikhanovskaïa", "Sergueï", "Statkevitch", "Lossik".
//! - Lithuanian: Lithuanian papers' transcription of Belarusian (č š ž, c, ch, я → ia) with
//!   the Lithuanian masculine endings (-as, -is, -jus): "Aliaksandras", "Alesis Bialiackis",
//!   "Siarhejus", "Sviatlana Cichanouskaja".

/// A foreign press's transcription of Cyrillic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Press {
    German,
    Polish,
    Czech,
    French,
    Lithuanian,
}

impl Press {
    pub const ALL: &'static [Press] = &[
        Press::German,
        Press::Polish,
        Press::Czech,
        Press::French,
        Press::Lithuanian,
    ];
}

fn vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е' | 'ё' | 'и' | 'і' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'є' | 'ї'
    )
}

fn hard_hushing(c: char) -> bool {
    matches!(c, 'ж' | 'ш' | 'ч' | 'щ' | 'ц' | 'р')
}

/// Transcribes one lowercase Cyrillic word as `press` writes it; `belarusian` reads г as h
/// (otherwise g). Characters outside the table pass through.
#[must_use]
#[allow(clippy::too_many_lines)] // one table per language, as each convention reads
pub fn transcribe(word: &str, press: Press, belarusian: bool) -> String {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let mut out = String::with_capacity(word.len() * 2);
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let initial = prev.is_none_or(|p| vowel(p) || matches!(p, 'ь' | 'ъ' | 'ў'));
        let last = i + 1 == n;
        // Adjective endings the press adapts: -ская → -ska/-ská, -скі/-ский → -ski.
        let rest: String = chars[i..].iter().collect();
        if prev == Some('к') || prev == Some('ц') {
            match (press, rest.as_str()) {
                (Press::Polish, "ая") => {
                    out.push('a');
                    break;
                }
                (Press::Czech, "ая") => {
                    out.push('á');
                    break;
                }
                (Press::Polish | Press::Czech | Press::German | Press::French, "і" | "ий") => {
                    out.push('i');
                    break;
                }
                (Press::Lithuanian, "і" | "ий") => {
                    out.push_str("is");
                    break;
                }
                _ => {}
            }
        }
        let s: String = match press {
            Press::German => match c {
                'а' => "a".into(),
                'б' => "b".into(),
                'в' => "w".into(),
                'г' => (if belarusian { "h" } else { "g" }).into(),
                'д' => "d".into(),
                'е' => (if initial { "je" } else { "e" }).into(),
                'ё' => (if prev.is_some_and(hard_hushing) {
                    "o"
                } else {
                    "jo"
                })
                .into(),
                'ж' | 'ш' => "sch".into(),
                'и' | 'і' => "i".into(),
                'й' => {
                    if matches!(prev, Some('и' | 'ы')) && last {
                        String::new()
                    } else if next.is_some_and(vowel) || (matches!(prev, Some('и' | 'ы')) && !last)
                    {
                        "j".into()
                    } else {
                        "i".into()
                    }
                }
                'к' if next == Some('с') && !belarusian => {
                    i += 2;
                    out.push('x');
                    continue;
                }
                'к' => "k".into(),
                'с' if prev.is_some_and(vowel) && next.is_some_and(vowel) => "ss".into(),
                'с' | 'з' => "s".into(),
                'у' | 'ў' => "u".into(),
                'х' => "ch".into(),
                'ц' => "z".into(),
                'ч' => "tsch".into(),
                'щ' => "schtsch".into(),
                'ъ' | 'ь' | '’' | '\'' => String::new(),
                'ы' => "y".into(),
                'э' => "e".into(),
                'ю' => "ju".into(),
                'я' => "ja".into(),
                _ => common(c),
            },
            Press::Polish => match c {
                'в' => "w".into(),
                'г' => (if belarusian { "h" } else { "g" }).into(),
                'е' | 'ё' | 'ю' | 'я' => {
                    let v = match c {
                        'е' => "e",
                        'ё' => "o",
                        'ю' => "u",
                        _ => "a",
                    };
                    if initial {
                        format!("j{v}")
                    } else if (prev.is_some_and(hard_hushing) && !(c == 'ё' && prev == Some('ц')))
                        || prev == Some('л')
                    {
                        v.into()
                    } else {
                        format!("i{v}")
                    }
                }
                'ж' => "ż".into(),
                'и' if prev.is_some_and(hard_hushing) => "y".into(),
                'и' | 'і' => "i".into(),
                'й' => "j".into(),
                'л' => (if matches!(next, Some('ь' | 'е' | 'ё' | 'і' | 'и' | 'ю' | 'я')) {
                    "l"
                } else {
                    "ł"
                })
                .into(),
                'н' if next == Some('ь') => "ń".into(),
                'с' if next == Some('ь') => "ś".into(),
                'з' if next == Some('ь') => "ź".into(),
                'ц' if next == Some('ь') => "ć".into(),
                'у' | 'ў' => "u".into(),
                'х' => "ch".into(),
                'ц' => "c".into(),
                'ч' => "cz".into(),
                'ш' => "sz".into(),
                'щ' => "szcz".into(),
                'ъ' | 'ь' | '’' | '\'' => String::new(),
                'ы' => "y".into(),
                'э' => "e".into(),
                _ => common(c),
            },
            Press::Czech | Press::Lithuanian => match c {
                'в' => "v".into(),
                'г' => (if belarusian { "h" } else { "g" }).into(),
                'е' => (if initial { "je" } else { "e" }).into(),
                'ё' => (if prev.is_some_and(hard_hushing) {
                    "o"
                } else if initial || press == Press::Czech {
                    "jo"
                } else {
                    "io"
                })
                .into(),
                'ю' => (if initial || press == Press::Czech {
                    "ju"
                } else {
                    "iu"
                })
                .into(),
                'я' => (if initial || press == Press::Czech {
                    "ja"
                } else {
                    "ia"
                })
                .into(),
                'ж' => "ž".into(),
                'и' | 'і' => "i".into(),
                'й' if press == Press::Lithuanian && last => "jus".into(),
                'й' => "j".into(),
                'у' | 'ў' => "u".into(),
                'х' => "ch".into(),
                'ц' => "c".into(),
                'ч' => "č".into(),
                'ш' => "š".into(),
                'щ' => "šč".into(),
                'ь' if press == Press::Lithuanian && last => "is".into(),
                'ъ' | 'ь' | '’' | '\'' => String::new(),
                'ы' => "y".into(),
                'э' => "e".into(),
                _ => common(c),
            },
            Press::French => match c {
                'в' => "v".into(),
                'г' if belarusian => "h".into(),
                'г' if matches!(next, Some('е' | 'и' | 'і' | 'э' | 'ы')) => "gu".into(),
                'г' => "g".into(),
                'е' => (if initial { "ie" } else { "e" }).into(),
                'ё' => "io".into(),
                'ж' => "j".into(),
                'и' | 'і' | 'й' if prev.is_some_and(vowel) => "ï".into(),
                'и' | 'і' | 'й' => "i".into(),
                'с' if prev.is_some_and(vowel) && next.is_some_and(vowel) => "ss".into(),
                // оў is one sound, ou.
                'ў' if prev == Some('о') => "u".into(),
                'у' | 'ў' => "ou".into(),
                'х' => "kh".into(),
                'ц' => "ts".into(),
                'ч' => "tch".into(),
                'ш' => "ch".into(),
                'щ' => "chtch".into(),
                'ъ' | 'ь' | '’' | '\'' => String::new(),
                'ы' => "y".into(),
                'э' => "e".into(),
                'ю' => (if prev.is_some_and(vowel) {
                    "ïou"
                } else {
                    "iou"
                })
                .into(),
                'я' => (if prev.is_some_and(vowel) { "ïa" } else { "ia" }).into(),
                _ => common(c),
            },
        };
        out.push_str(&s);
        i += 1;
    }
    // Lithuanian gives a masculine name ending in a consonant the ending -as.
    if press == Press::Lithuanian
        && out.chars().last().is_some_and(|l| !"aeiouyjs".contains(l))
        && chars
            .last()
            .is_some_and(|l| !vowel(*l) && *l != 'ь' && *l != 'й')
    {
        out.push_str("as");
    }
    out
}

fn common(c: char) -> String {
    match c {
        'а' => "a",
        'б' => "b",
        'д' => "d",
        'з' => "z",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ф' => "f",
        _ => return c.to_string(),
    }
    .into()
}

/// Rewrites `s` left to right, the first rule matching at a position winning; what was
/// written is not read again (so Polish `cz` → `ch` is not then read as `ch` → `kh`).
fn rewrite(s: &str, rules: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut rest = s;
    'outer: while let Some(c) = rest.chars().next() {
        for (from, to) in rules {
            if let Some(r) = rest.strip_prefix(from) {
                out.push_str(to);
                rest = r;
                continue 'outer;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The rules reading one press language's Latin back into English-style letters.
fn rules(press: Option<Press>) -> &'static [(&'static str, &'static str)] {
    const GERMAN: &[(&str, &str)] = &[
        ("schtsch", "shch"),
        ("tsch", "ch"),
        ("sch", "sh"),
        ("ch", "kh"),
        ("ck", "k"),
        ("ss", "s"),
        ("z", "ts"),
        ("w", "v"),
        ("j", "y"),
    ];
    const POLISH: &[(&str, &str)] = &[
        ("szcz", "shch"),
        ("sz", "sh"),
        ("cz", "ch"),
        ("ch", "kh"),
        ("rz", "zh"),
        ("ż", "zh"),
        ("w", "v"),
        ("j", "y"),
    ];
    const CZECH: &[(&str, &str)] = &[
        ("ch", "kh"),
        ("č", "ch"),
        ("š", "sh"),
        ("ž", "zh"),
        ("ě", "ie"),
        ("j", "y"),
    ];
    const FRENCH: &[(&str, &str)] = &[
        ("chtch", "shch"),
        ("tch", "ch"),
        ("ch", "sh"),
        ("ou", "u"),
        ("gue", "ge"),
        ("gui", "gi"),
        ("ss", "s"),
        ("j", "zh"),
    ];
    const SPANISH: &[(&str, &str)] = &[("j", "kh"), ("gue", "ge"), ("gui", "gi")];
    match press {
        Some(Press::German) => GERMAN,
        Some(Press::Polish) => POLISH,
        Some(Press::Czech | Press::Lithuanian) => CZECH,
        Some(Press::French) => FRENCH,
        None => SPANISH,
    }
}

/// A word as `press` writes it, read back into English-style letters: what its
/// transcription means, for the skeleton keys.
#[must_use]
pub fn read_back(word: &str, press: Press) -> String {
    rewrite(word, rules(Some(press)))
}

/// The readings of a lowercase Latin token under each press language's conventions
/// (German, Polish, Czech/Slovak/Lithuanian, French, Spanish), rewritten to English-style
/// letters (before folding to ASCII). Only those that differ from the token are returned.
#[must_use]
pub fn latin_readings(token: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for press in [
        Some(Press::German),
        Some(Press::Polish),
        Some(Press::Czech),
        Some(Press::French),
        None,
    ] {
        let r = rewrite(token, rules(press));
        if r != token && !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// The readings of a lowercase Latin query token under conventions read on the query side
/// only (stored names never get them: no index memory, no new duplicate pairs): Hungarian
/// (`sz` с, `s` ш, `cs` ч, `zs` ж, `ny` нь: nepszava.hu's "Alekszandr Lukasenko",
/// "Marija Kolesznyikova") — whose `s` is also what a š becomes with its háček dropped, as
/// Romanian and Latvian sites print it ("Aleksandr Lukasenko", ziare.com) — and Dutch
/// (`oe` у, `sj` ш, `tsj` ч, `j` й: vrt.be's "Aleksandr Loekasjenko", "Tichanovskaja").
#[must_use]
pub fn query_latin_readings(token: &str) -> Vec<String> {
    const HUNGARIAN: &[(&str, &str)] = &[
        // An English-style sh is kept (Hungarian writes ш as s, never sh).
        ("sh", "sh"),
        ("sz", "s"),
        ("cs", "ch"),
        ("zs", "zh"),
        ("s", "sh"),
        ("ny", "n"),
        ("ly", "l"),
        ("ty", "t"),
        ("c", "ts"),
        ("j", "y"),
    ];
    const DUTCH: &[(&str, &str)] = &[
        ("chtsj", "shch"),
        ("tsj", "ch"),
        ("sj", "sh"),
        ("ch", "kh"),
        ("oe", "u"),
        ("j", "y"),
    ];
    let mut out: Vec<String> = Vec::new();
    for rules in [HUNGARIAN, DUTCH] {
        let r = rewrite(token, rules);
        if r != token && !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests;
