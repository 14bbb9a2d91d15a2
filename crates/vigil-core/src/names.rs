//! Person names across scripts: normalisation, transliteration, skeleton keys, a given-name
//! equivalence dictionary, and the scores search and duplicate detection use. The file is
//! longer than 800 lines because the transliteration tables are written out as `match` arms
//! beside the rules that read them; splitting them from their context rules would hide
//! which rule a table row belongs to.
//!
//! A Belarusian prisoner appears as Алесь Бяляцкі, Алесь Беляцкий, Ales Bialiatski,
//! Aleś Bialacki, Alyes Byalyatski… These are not typos of each other: they are two Cyrillic
//! source strings (Belarusian and Russian forms) times several romanisation schemes. So a
//! name is analysed into, per token:
//! - its Latin readings: every Cyrillic token transliterated with the schemes people use
//!   (ICAO 9303 / Belarusian MVD passports, BGN/PCGN, English-press habit, the Belarusian
//!   national 2007 system, Łacinka, ICAO for Russian, ISO 9 = GOST 7.79 A, the Ukrainian
//!   national system of 2010), folded to ASCII;
//! - its skeleton keys (after ../shared/NAMES.md §6): consonant skeletons that survive
//!   akanne, -ka/-ko, ў/в, tsekanne/dzekanne, -ski/-sky/-skiy and feminine endings, with
//!   both readings of an ambiguous Latin "ch";
//! - its given-name symbols (Аляксандр = Александр = Алесь = Alexander …).
//!
//! Two tokens match by equal reading (1.0), shared symbol (0.95), shared skeleton (0.9) or
//! Jaro-Winkler on the readings (squared, times 0.9); names align token by token regardless of
//! order, and patronymics are optional.
//!
//! Over 800 lines for a stated reason: about 170 of them are `transliterate`, the
//! per-scheme tables as `match` arms with their context rules, kept beside the readings and
//! skeletons that depend on them; splitting the table from its one reader would only move it.

use std::borrow::Borrow;

use unicode_normalization::UnicodeNormalization;

use given::dictionary;

/// A romanisation scheme for Cyrillic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// ICAO Doc 9303 as Belarusian passports (MVD) apply it: Aliaksandr, Tsikhanouski.
    IcaoBe,
    /// BGN/PCGN 1979 for Belarusian: Alyaksandr, Mahilyow (е → ye everywhere, ў → w).
    BgnBe,
    /// English-press habit for Belarusian: BGN-like, but ў → u and е → e after consonants.
    PressBe,
    /// The Belarusian national system (2007, adopted by the UN): Mahilioŭ, Červień.
    National2007,
    /// Classical Łacinka: hard л → ł, soft л without iotation (Łukašenka, Alaksandr).
    Lacinka,
    /// ICAO Doc 9303 for Russian (Russian passports since 2013): Iurii, Sergei.
    IcaoRu,
    /// BGN/PCGN 1947 for Russian: Yuriy, Sergey.
    BgnRu,
    /// ISO 9:1995, identical to GOST 7.79-2000 system A: Ûrij, Čajkovskij.
    Iso9,
    /// Ukrainian national system (KMU resolution 55 of 2010, passports): Mykola, Yurii,
    /// Zghorany; є ї ю я iotated word-initially only.
    KmuUk,
}

impl Scheme {
    pub const BELARUSIAN: &'static [Scheme] = &[
        Scheme::IcaoBe,
        Scheme::BgnBe,
        Scheme::PressBe,
        Scheme::National2007,
        Scheme::Lacinka,
        Scheme::Iso9,
    ];
    pub const RUSSIAN: &'static [Scheme] =
        &[Scheme::IcaoRu, Scheme::BgnRu, Scheme::PressBe, Scheme::Iso9];
    pub const UKRAINIAN: &'static [Scheme] = &[Scheme::KmuUk, Scheme::Iso9];
}

fn is_cyrillic_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е' | 'ё' | 'и' | 'і' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'є' | 'ї'
    )
}

/// The Ukrainian national system, letter by letter.
fn kmu(c: char, initial: bool, prev: Option<char>) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        // зг is written zgh so that it is not read as ж.
        'г' => {
            if prev == Some('з') {
                "gh"
            } else {
                "h"
            }
        }
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'є' => {
            if initial {
                "ye"
            } else {
                "ie"
            }
        }
        'ж' => "zh",
        'з' => "z",
        'и' => "y",
        'і' => "i",
        'ї' => {
            if initial {
                "yi"
            } else {
                "i"
            }
        }
        'й' => {
            if initial {
                "y"
            } else {
                "i"
            }
        }
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ь' | '’' | '\'' => "",
        'ю' => {
            if initial {
                "yu"
            } else {
                "iu"
            }
        }
        'я' => {
            if initial {
                "ya"
            } else {
                "ia"
            }
        }
        _ => return None,
    })
}

/// Transliterates one lowercase Cyrillic word; characters outside the table pass through.
#[must_use]
#[allow(clippy::match_same_arms)] // one arm per letter and scheme, as the standards' tables read
pub fn transliterate(word: &str, scheme: Scheme) -> String {
    use Scheme::{BgnBe, BgnRu, IcaoBe, IcaoRu, Iso9, KmuUk, Lacinka, National2007, PressBe};
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len() * 2);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        if scheme == KmuUk {
            match kmu(c, i == 0, prev) {
                Some(s) => out.push_str(s),
                None => out.push(c),
            }
            continue;
        }
        // Word-initial, after a vowel, or after a separating sign: the iotated reading.
        let iotated =
            prev.is_none_or(|p| is_cyrillic_vowel(p) || matches!(p, 'ь' | 'ъ' | '’' | '\'' | 'ў'));
        let soft_next = matches!(next, Some('ь'));
        let s: &str = match (scheme, c) {
            (_, 'а') => "a",
            (_, 'б') => "b",
            (_, 'в') => "v",
            (IcaoBe | BgnBe | PressBe | National2007 | Lacinka, 'г') => "h",
            (_, 'г') => "g",
            (_, 'д') => "d",
            (IcaoBe | IcaoRu | Iso9, 'е') => "e",
            (BgnBe, 'е') => "ye",
            (PressBe | BgnRu, 'е') => {
                if iotated {
                    "ye"
                } else {
                    "e"
                }
            }
            (National2007, 'е') => {
                if iotated {
                    "je"
                } else {
                    "ie"
                }
            }
            (Lacinka, 'е') => {
                if iotated {
                    "je"
                } else if prev == Some('л') {
                    "e"
                } else {
                    "ie"
                }
            }
            (IcaoBe, 'ё') => "io",
            (IcaoRu, 'ё') => "e",
            (BgnBe | PressBe, 'ё') => "yo",
            (BgnRu, 'ё') => {
                if iotated {
                    "yë"
                } else {
                    "ë"
                }
            }
            (Iso9, 'ё') => "ë",
            (National2007, 'ё') => {
                if iotated {
                    "jo"
                } else {
                    "io"
                }
            }
            (Lacinka, 'ё') => {
                if iotated {
                    "jo"
                } else if prev == Some('л') {
                    "o"
                } else {
                    "io"
                }
            }
            (Iso9 | National2007 | Lacinka, 'ж') => "ž",
            (_, 'ж') => "zh",
            (National2007 | Lacinka, 'з') if soft_next => "ź",
            (_, 'з') => "z",
            (_, 'и') => "i",
            (Iso9, 'і') => "ì",
            (Iso9, 'ї') => "ï",
            (Iso9, 'є') => "ê",
            (Iso9, 'ґ') => "g̀",
            (_, 'і') => "i",
            (IcaoBe | IcaoRu, 'й') => "i",
            (BgnBe | PressBe | BgnRu, 'й') => "y",
            (_, 'й') => "j",
            (_, 'к') => "k",
            (National2007, 'л') if soft_next => "ĺ",
            (Lacinka, 'л') => {
                if matches!(next, Some('ь' | 'е' | 'ё' | 'і' | 'ю' | 'я')) {
                    "l"
                } else {
                    "ł"
                }
            }
            (_, 'л') => "l",
            (_, 'м') => "m",
            (National2007 | Lacinka, 'н') if soft_next => "ń",
            (_, 'н') => "n",
            (_, 'о') => "o",
            (_, 'п') => "p",
            (_, 'р') => "r",
            (National2007 | Lacinka, 'с') if soft_next => "ś",
            (_, 'с') => "s",
            (_, 'т') => "t",
            (_, 'у') => "u",
            (BgnBe, 'ў') => "w",
            (Iso9, 'ў') => "ǔ",
            (National2007 | Lacinka, 'ў') => "ŭ",
            (_, 'ў') => "u",
            (_, 'ф') => "f",
            (Iso9, 'х') => "h",
            (National2007 | Lacinka, 'х') => "ch",
            (_, 'х') => "kh",
            (National2007 | Lacinka, 'ц') if soft_next => "ć",
            (Iso9 | National2007 | Lacinka, 'ц') => "c",
            (_, 'ц') => "ts",
            (Iso9 | National2007 | Lacinka, 'ч') => "č",
            (_, 'ч') => "ch",
            (Iso9 | National2007 | Lacinka, 'ш') => "š",
            (_, 'ш') => "sh",
            (Iso9, 'щ') => "ŝ",
            (_, 'щ') => "shch",
            (IcaoRu, 'ъ') => "ie",
            (Iso9, 'ъ') => "ʺ",
            (_, 'ъ') => "",
            (_, 'ы') => "y",
            (Iso9, 'ь') => "ʹ",
            (_, 'ь' | '’' | '\'') => "",
            (Iso9, 'э') => "è",
            (_, 'э') => "e",
            (IcaoBe | IcaoRu, 'ю') => "iu",
            (BgnBe | PressBe | BgnRu, 'ю') => "yu",
            (Iso9, 'ю') => "û",
            (National2007 | Lacinka, 'ю') => {
                if iotated {
                    "ju"
                } else if scheme == Lacinka && prev == Some('л') {
                    "u"
                } else {
                    "iu"
                }
            }
            (IcaoBe | IcaoRu, 'я') => "ia",
            (BgnBe | PressBe | BgnRu, 'я') => "ya",
            (Iso9, 'я') => "â",
            (National2007 | Lacinka, 'я') => {
                if iotated {
                    "ja"
                } else if scheme == Lacinka && prev == Some('л') {
                    "a"
                } else {
                    "ia"
                }
            }
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(s);
    }
    out
}

/// Folds a Latin reading to lowercase ASCII: č → ch, š → sh, ž → zh, ł → l, ŭ → u, then
/// every other diacritic removed (deunicode).
#[must_use]
pub fn fold(latin: &str) -> String {
    let mut s = String::with_capacity(latin.len());
    for c in latin.chars() {
        match c {
            'č' | 'Č' => s.push_str("ch"),
            'š' | 'Š' => s.push_str("sh"),
            'ž' | 'Ž' | 'ż' | 'Ż' => s.push_str("zh"),
            'ŝ' | 'Ŝ' => s.push_str("shch"),
            'ł' | 'Ł' => s.push('l'),
            'ŭ' | 'ǔ' | 'Ŭ' => s.push('u'),
            'ʹ' | 'ʺ' | '’' | 'ʼ' | '\'' | '`' | '"' | '”' => {}
            _ => s.push(c),
        }
    }
    deunicode::deunicode(&s).to_lowercase()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// The East Slavic skeleton of a folded ASCII token (NAMES.md §6 step 4). `ch_as_kh` takes
/// the Łacinka/2007 reading of "ch" (х) instead of the English one (ч).
#[must_use]
pub fn skeleton(token: &str, ch_as_kh: bool) -> String {
    let mut s = token.to_string();
    for (from, to) in [
        ("tsch", "C"),
        ("shch", "S"),
        ("sch", "S"),
        ("zh", "Z"),
        ("sh", "S"),
        ("sz", "S"),
        ("cz", "C"),
        ("kh", "h"),
        ("tch", "C"),
    ] {
        s = s.replace(from, to);
    }
    s = s.replace("ch", if ch_as_kh { "h" } else { "C" });
    s = s.replace('x', "ks").replace('w', "v");
    let mut c: Vec<char> = s.chars().collect();
    // ў ↔ в: a vowel then u before a consonant or at the end reads as v.
    for i in 1..c.len() {
        if c[i] == 'u'
            && matches!(c[i - 1], 'a' | 'o' | 'e' | 'i')
            && c.get(i + 1).is_none_or(|n| !is_vowel(*n))
        {
            c[i] = 'v';
        }
    }
    // Tsekanne and dzekanne: ts/c and dz before i, e, y read as t and d.
    let mut out: Vec<char> = Vec::with_capacity(c.len());
    let mut i = 0;
    while i < c.len() {
        let soft = |k: usize| matches!(c.get(k), Some('i' | 'e' | 'y'));
        if c[i] == 't' && c.get(i + 1) == Some(&'s') {
            out.push(if soft(i + 2) { 't' } else { 'T' });
            i += 2;
            continue;
        }
        if c[i] == 'c' {
            out.push(if soft(i + 1) { 't' } else { 'T' });
            i += 1;
            continue;
        }
        if c[i] == 'd' && c.get(i + 1) == Some(&'z') && soft(i + 2) {
            out.push('d');
            i += 2;
            continue;
        }
        out.push(if c[i] == 'h' { 'g' } else { c[i] });
        i += 1;
    }
    // Iotation: i, y, j before a vowel, and a final one after a vowel, are dropped.
    let mut kept: Vec<char> = Vec::with_capacity(out.len());
    for (k, &ch) in out.iter().enumerate() {
        let iota = matches!(ch, 'i' | 'y' | 'j');
        let before_vowel = out.get(k + 1).is_some_and(|n| is_vowel(*n));
        let final_after_vowel = k + 1 == out.len() && k > 0 && is_vowel(out[k - 1]);
        if iota && k > 0 && (before_vowel || final_after_vowel) {
            continue;
        }
        if iota && k == 0 && before_vowel && ch != 'i' {
            // Word-initial y/j before a vowel (Yauhen, Jan) is iotation too.
            continue;
        }
        kept.push(ch);
    }
    // Keep the first letter, drop the other vowels, collapse doubles. A first a, o or e
    // is one letter: akanne reaches the first syllable too (Алег/Олег, Арлоў/Орлов,
    // Алена/Елена).
    let mut key = String::new();
    for (k, &ch) in kept.iter().enumerate() {
        if k == 0 && matches!(ch, 'o' | 'e') {
            key.push('a');
            continue;
        }
        if k > 0 && (is_vowel(ch) || ch == 'j') {
            continue;
        }
        if key.ends_with(ch) {
            continue;
        }
        key.push(ch);
    }
    key
}

/// One analysed token of a name. Its readings, variants and keys are sorted and
/// deduplicated (comparisons walk them as sorted lists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token as normalised (NFKC, lowercase, apostrophes removed).
    pub text: String,
    /// Latin readings, folded to ASCII.
    pub readings: Vec<String>,
    /// The foreign press's readings (German, Polish, Czech, French, Lithuanian, Spanish,
    /// names::press), folded: they give keys and count as the same reading, but spelling
    /// similarity is measured on `readings` alone.
    pub variants: Vec<String>,
    /// Skeleton keys of the readings.
    pub keys: Vec<String>,
    /// Given-name equivalence classes the token belongs to.
    pub symbols: Vec<u16>,
    pub patronymic: bool,
    /// Whether the surname form is feminine (Ціханоўская, Kalesnikavová, Cichanouskiej),
    /// masculine (Ціханоўскі, Ціханоўскага, Tikhanovsky), or says neither.
    pub feminine: Option<bool>,
}

/// The grammatical gender an East Slavic surname form shows, in any case and press spelling:
/// the adjectival -ski/-ska and the possessive -ov/-ova, -in/-ina families.
fn surname_gender(readings: &[String]) -> Option<bool> {
    const FEMININE: &[&str] = &[
        "skaya", "skaia", "skaja", "ska", "skai", "skoi", "skay", "skoy", "skaj", "skoj", "skuyu",
        "skuiu", "skuju", "skou", "skiej", "skej", "skoyu", "skoiu", "ova", "ava", "eva", "owa",
        "awa", "ewa", "ovoi", "avai", "ovoy", "avay", "ovoj", "avaj", "ovou", "ovej", "owej",
        "avej", "awej", "avey", "ovey", "avu", "ovy", "avy", "ovoyu", "ovoiu", "ina", "yna",
        "inoi", "ynai", "inoy", "ynay",
    ];
    const MASCULINE: &[&str] = &[
        "ski", "sky", "skii", "skiy", "skij", "skyi", "skis", "skogo", "skaha", "skago", "skomu",
        "skamu", "skim", "skym", "skiego", "skiemu", "skeho", "skemu", "skio", "skiui", "ov", "av",
        "au", "ou", "ow", "aw", "ev", "ovym", "ovim", "avym", "ovi", "owi", "ovas", "ovo", "ovogo",
    ];
    // The longest ending met decides: Czech "Kalesnikavovou" ends in the feminine -ovou,
    // not the masculine -ou within it.
    let ends = |set: &[&str]| {
        readings
            .iter()
            .filter(|r| r.len() > 5)
            .flat_map(|r| set.iter().filter(|e| r.ends_with(*e)).map(|e| e.len()))
            .max()
            .unwrap_or(0)
    };
    let (f, m) = (ends(FEMININE), ends(MASCULINE));
    match f.cmp(&m) {
        std::cmp::Ordering::Greater => Some(true),
        std::cmp::Ordering::Less => Some(false),
        std::cmp::Ordering::Equal => None,
    }
}

/// Analyses a name into tokens, in order.
#[must_use]
pub fn analyse(name: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = split(name).iter().map(|t| analyse_token(t)).collect();
    if let Some(i) = patronymic_position(&tokens) {
        tokens[i].patronymic = true;
    }
    tokens
}

/// Analyses a query, or a name met in running text: as [`analyse`], each token also
/// carrying the keys of the nominative its case or feminine ending may stand for
/// ([`inflect`]): "Сяргея Ціханоўскага" meets "Сяргей Ціханоўскі", "Kalesnikavová" meets
/// "Калеснікава". Stored names are analysed with [`analyse`]: they are nominatives.
#[must_use]
pub fn analyse_query(name: &str) -> Vec<Token> {
    let mut tokens = analyse(name);
    for t in &mut tokens {
        query_readings(t);
        inflect::fold_inflection(t);
    }
    tokens
}

/// A Latin query token's readings under the conventions read on the query side only
/// ([`press::query_latin_readings`]: Hungarian, Dutch), as variants with their keys.
fn query_readings(t: &mut Token) {
    if t.text
        .chars()
        .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    {
        return;
    }
    let mut added = false;
    for r in press::query_latin_readings(&t.text) {
        let r = fold(&r);
        if t.readings.binary_search(&r).is_ok() || t.variants.binary_search(&r).is_ok() {
            continue;
        }
        t.keys.push(skeleton(&r, false));
        if r.contains("ch") {
            t.keys.push(skeleton(&r, true));
        }
        t.variants.push(r);
        added = true;
    }
    if added {
        t.variants.sort();
        t.variants.dedup();
        t.keys.sort();
        t.keys.dedup();
    }
}

/// A name's normalised token texts (NFKC, lowercase, apostrophes removed), in order.
#[must_use]
pub fn split(name: &str) -> Vec<String> {
    normalise(name)
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | ',' | '.' | '(' | ')' | '/'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// One normalised token analysed on its own (not marked as a patronymic).
#[must_use]
pub fn analyse_token(text: &str) -> Token {
    let mut t = token(text);
    let mut symbols: Vec<u16> = t
        .keys
        .iter()
        .filter_map(|k| dictionary().get(k))
        .chain(t.readings.iter().filter_map(|r| given::exact().get(r)))
        .flatten()
        .copied()
        .collect();
    symbols.sort_unstable();
    symbols.dedup();
    t.symbols = symbols;
    t
}

fn normalise(name: &str) -> String {
    name.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !matches!(c, '\'' | '’' | 'ʼ' | '`' | 'ʹ' | '"' | '“' | '”'))
        .collect()
}

fn token(text: &str) -> Token {
    let cyrillic = text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    let mut readings: Vec<String> = Vec::new();
    let mut variants: Vec<String> = Vec::new();
    if cyrillic {
        // Letters only one language has decide; і is Belarusian or Ukrainian, и Russian or
        // Ukrainian; a token with neither is read every way.
        let has = |set: &[char]| text.chars().any(|c| set.contains(&c));
        let uk_only = has(&['є', 'ї', 'ґ']);
        let be_only = has(&['ў']);
        let ru_only = has(&['ё', 'ъ', 'ы', 'э']);
        let i_dot = has(&['і']);
        let i_ru = has(&['и', 'щ']);
        let be = !uk_only && !ru_only && (be_only || i_dot || !i_ru);
        let ru = !uk_only && !be_only && !i_dot;
        let uk = !be_only && !ru_only && (uk_only || i_dot || i_ru || !has(&['ы']));
        let mut schemes: Vec<Scheme> = Vec::new();
        if be {
            schemes.extend_from_slice(Scheme::BELARUSIAN);
        }
        if ru {
            schemes.extend_from_slice(Scheme::RUSSIAN);
        }
        if uk {
            schemes.extend_from_slice(Scheme::UKRAINIAN);
        }
        if schemes.is_empty() {
            schemes.extend_from_slice(Scheme::RUSSIAN);
        }
        for s in schemes {
            readings.push(fold(&transliterate(text, s)));
        }
        // The foreign press's transcriptions, and what each means in English-style letters.
        let hard_g: &[bool] = match (be, ru || uk) {
            (true, false) => &[true],
            (true, true) => &[true, false],
            _ => &[false],
        };
        for &belarusian in hard_g {
            for &p in press::Press::ALL {
                let t = press::transcribe(text, p, belarusian);
                variants.push(fold(&press::read_back(&t, p)));
                variants.push(fold(&t));
            }
        }
    } else {
        readings.push(fold(text));
        variants.extend(press::latin_readings(text).iter().map(|r| fold(r)));
    }
    readings.sort();
    readings.dedup();
    variants.sort();
    variants.dedup();
    variants.retain(|v| readings.binary_search(v).is_err());
    let mut keys: Vec<String> = Vec::new();
    for r in readings.iter().chain(&variants) {
        keys.push(skeleton(r, false));
        if r.contains("ch") {
            keys.push(skeleton(r, true));
        }
    }
    keys.sort();
    keys.dedup();
    let feminine = surname_gender(&readings);
    Token {
        text: text.to_string(),
        readings,
        variants,
        keys,
        symbols: Vec::new(),
        patronymic: false,
        feminine,
    }
}

/// In a name of three or more tokens, the one patronymic (Віктаравіч, Викторович,
/// Viktorovich, -ovna…): the middle token if it has the ending, else the last.
#[must_use]
pub fn patronymic_position<T: Borrow<Token>>(tokens: &[T]) -> Option<usize> {
    if tokens.len() < 3 {
        return None;
    }
    let ending = |t: &Token| {
        t.readings.iter().any(|r| {
            r.len() > 5
                && [
                    "ovich", "evich", "avich", "ovna", "evna", "auna", "ouna", "ichna", "ievich",
                ]
                .iter()
                .any(|e| r.ends_with(e))
        })
    };
    let middle = tokens.len() / 2;
    let last = tokens.len() - 1;
    if ending(tokens[middle].borrow()) {
        Some(middle)
    } else if ending(tokens[last].borrow()) {
        Some(last)
    } else {
        None
    }
}

/// Why two tokens match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    Same,
    GivenName,
    Skeleton,
    Similar,
    Initial,
    /// A spelling too far apart for [`MATCH_FROM`] whose long skeletons differ by one
    /// letter (a press typo: Koleshnikova, Kolnesnikowa for Калеснікава); the score is the
    /// spelling similarity's, and [`query_score`] counts it as a match only beside an
    /// agreeing given name.
    Typo,
}

impl Evidence {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Same => "same reading",
            Evidence::GivenName => "given-name equivalence",
            Evidence::Skeleton => "same skeleton",
            Evidence::Similar => "similar spelling",
            Evidence::Initial => "initial",
            Evidence::Typo => "one letter from the skeleton",
        }
    }
}

/// Whether two sorted lists share an element that `keep` accepts: one merge walk, no
/// allocation (the lists of a [`Token`] are sorted and deduplicated when it is analysed).
pub(crate) fn share(a: &[String], b: &[String], keep: impl Fn(&str) -> bool) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if keep(&a[i]) {
                    return true;
                }
                i += 1;
                j += 1;
            }
        }
    }
    false
}

/// How alike two tokens are, in [0, 1], and why.
#[must_use]
pub fn token_similarity(a: &Token, b: &Token) -> (f64, Evidence) {
    let any = |_: &str| true;
    if share(&a.readings, &b.readings, any)
        || share(&a.variants, &b.readings, any)
        || share(&a.variants, &b.variants, any)
        || share(&b.variants, &a.readings, any)
    {
        return (1.0, Evidence::Same);
    }
    if a.symbols.iter().any(|s| b.symbols.contains(s)) {
        return (0.95, Evidence::GivenName);
    }
    // A short key ("b") matches too much to mean the same name.
    if share(&a.keys, &b.keys, |k| k.len() >= 2) {
        // Ціханоўскай is not Ціханоўскі: a surname of the other gender is his wife,
        // sister or father, a weaker match than the same form.
        let other_gender = matches!((a.feminine, b.feminine), (Some(x), Some(y)) if x != y);
        return (if other_gender { 0.85 } else { 0.9 }, Evidence::Skeleton);
    }
    let short = |t: &Token| t.readings.iter().map(String::len).min().unwrap_or(0);
    let (sa, sb) = (short(a), short(b));
    if sa.min(sb) <= 3 {
        // Short tokens must match exactly, or as an initial.
        let initial = |x: &Token, y: &Token| {
            short(x) == 1
                && x.readings
                    .iter()
                    .any(|r| y.readings.iter().any(|s| s.starts_with(r.as_str())))
        };
        if initial(a, b) || initial(b, a) {
            return (0.7, Evidence::Initial);
        }
        return (0.0, Evidence::Similar);
    }
    let mut best: f64 = 0.0;
    for x in &a.readings {
        for y in &b.readings {
            best = best.max(strsim::jaro_winkler(x, y));
        }
    }
    // Squared: Jaro-Winkler is generous to shared prefixes (Kolesova, Kolesnikova: 0.95).
    let similar = 0.9 * best * best;
    if similar < MATCH_FROM && typo(a, b) {
        return (similar, Evidence::Typo);
    }
    (similar, Evidence::Similar)
}

/// The shortest skeleton a [`Evidence::Typo`] is looked for in: one letter of six is a
/// typo, one of four another surname (Ivanov, Ivakov).
const TYPO_KEY: usize = 6;

/// A token's skeleton keys of at least [`TYPO_KEY`] letters (keys are ASCII).
fn long_keys(t: &Token) -> impl Iterator<Item = &[u8]> + Clone {
    t.keys
        .iter()
        .map(String::as_bytes)
        .filter(|k| k.len() >= TYPO_KEY)
}

/// Whether one edit (a letter added, dropped or changed) or none turns `a` into `b`:
/// one walk, no table (this runs for every pair of distinct tokens a query compares).
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 1 {
        return false;
    }
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        a[head..].len() <= 1 || a[head + 1..] == b[head + 1..]
    } else {
        a[head..] == b[head + 1..]
    }
}

/// Whether two surnames' skeletons of at least [`TYPO_KEY`] letters are one edit apart
/// (a letter added, dropped or changed: klSnkv, klnsnkv ~ klsnkv).
fn typo(a: &Token, b: &Token) -> bool {
    if !a.symbols.is_empty() || !b.symbols.is_empty() {
        return false;
    }
    let kb = long_keys(b);
    long_keys(a).any(|x| kb.clone().any(|y| within_one_edit(x, y)))
}

/// One pair of aligned tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub query: usize,
    pub candidate: usize,
    pub score: f64,
    pub evidence: Evidence,
}

/// Aligns tokens regardless of order: greedily, best pair first. Patronymics align only
/// with patronymics.
#[must_use]
pub fn align<A: Borrow<Token>, B: Borrow<Token>>(a: &[A], b: &[B]) -> Vec<Pair> {
    align_with(a, b, |_, _, x, y| token_similarity(x, y))
}

/// [`align`] with the token similarity given: `similarity(i, j, a[i], b[j])`, so a caller
/// comparing one query with many names can compute each pair of distinct tokens once
/// (`NameIndex::search` does: given names are shared by thousands of persons).
pub fn align_with<A: Borrow<Token>, B: Borrow<Token>>(
    a: &[A],
    b: &[B],
    mut similarity: impl FnMut(usize, usize, &Token, &Token) -> (f64, Evidence),
) -> Vec<Pair> {
    let mut pairs: Vec<Pair> = Vec::new();
    for (i, x) in a.iter().map(Borrow::borrow).enumerate() {
        for (j, y) in b.iter().map(Borrow::borrow).enumerate() {
            if x.patronymic != y.patronymic {
                continue;
            }
            let (score, evidence) = similarity(i, j, x, y);
            if score > 0.0 {
                pairs.push(Pair {
                    query: i,
                    candidate: j,
                    score,
                    evidence,
                });
            }
        }
    }
    pairs.sort_by(|p, q| q.score.total_cmp(&p.score));
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    pairs
        .into_iter()
        .filter(|p| {
            if used_a[p.query] || used_b[p.candidate] {
                return false;
            }
            used_a[p.query] = true;
            used_b[p.candidate] = true;
            true
        })
        .collect()
}

/// A token's weight in a name: a given name (one in the equivalence dictionary) 1, any
/// other (a surname) 1.5, since a shared given name says little.
fn weight(t: &Token) -> f64 {
    if t.symbols.is_empty() {
        1.5
    } else {
        1.0
    }
}

/// Similarities under this are no match at all: two different surnames can share half
/// their letters.
pub const MATCH_FROM: f64 = 0.8;

/// How well a query covers a name: the weighted mean over the query's tokens
/// (patronymics only when the name has one too) of the aligned similarity, where a token
/// left unmatched (a second surname the record lacks) counts half its weight.
#[must_use]
pub fn query_score<A: Borrow<Token>, B: Borrow<Token>>(
    query: &[A],
    name: &[B],
) -> (f64, Vec<Pair>) {
    query_score_with(query, name, |_, _, x, y| token_similarity(x, y))
}

/// [`query_score`] with the token similarity given, as [`align_with`] takes it.
pub fn query_score_with<A: Borrow<Token>, B: Borrow<Token>>(
    query: &[A],
    name: &[B],
    similarity: impl FnMut(usize, usize, &Token, &Token) -> (f64, Evidence),
) -> (f64, Vec<Pair>) {
    let pairs = align_with(query, name, similarity);
    let name_has_patronymic = name
        .iter()
        .map(Borrow::borrow)
        .any(|t: &Token| t.patronymic);
    // A given name matched (not a surname, not an initial): it lets a surname one
    // skeleton letter off count as matched ([`Evidence::Typo`]).
    let given_agrees = pairs
        .iter()
        .any(|p| p.score >= 0.95 && !Borrow::<Token>::borrow(&query[p.query]).symbols.is_empty());
    let mut sum = 0.0;
    let mut total = 0.0;
    for i in (0..query.len())
        .filter(|&i| !Borrow::<Token>::borrow(&query[i]).patronymic || name_has_patronymic)
    {
        let t: &Token = query[i].borrow();
        // An initial ("A. Loukachenka") weighs half a given name: agreeing, it scores
        // 0.9; disagreeing or unmatched, it costs half its weight like any token.
        if t.text.chars().count() == 1 {
            match pairs
                .iter()
                .find(|p| p.query == i && p.evidence == Evidence::Initial)
            {
                Some(_) => {
                    sum += 0.5 * 0.9;
                    total += 0.5;
                }
                None => total += 0.25,
            }
            continue;
        }
        let w = weight(t);
        match pairs.iter().find(|p| {
            p.query == i
                && (p.score >= MATCH_FROM || (given_agrees && p.evidence == Evidence::Typo))
        }) {
            Some(p) => {
                sum += w * p.score.max(MATCH_FROM);
                total += w;
            }
            None => total += 0.5 * w,
        }
    }
    if sum == 0.0 {
        return (0.0, pairs);
    }
    (sum / total, pairs)
}

/// How alike two names are, symmetric: matched tokens over the longer name's tokens
/// (patronymics aside), +0.05 when both patronymics agree, −0.1 when they differ.
#[must_use]
pub fn name_score<A: Borrow<Token>, B: Borrow<Token>>(a: &[A], b: &[B]) -> (f64, Vec<Pair>) {
    let pairs = align(a, b);
    let (na, nb) = (
        a.iter()
            .map(Borrow::borrow)
            .filter(|x: &&Token| !x.patronymic)
            .count(),
        b.iter()
            .map(Borrow::borrow)
            .filter(|x: &&Token| !x.patronymic)
            .count(),
    );
    if na == 0 || nb == 0 {
        return (0.0, pairs);
    }
    let sum: f64 = pairs
        .iter()
        .filter(|p| !Borrow::<Token>::borrow(&a[p.query]).patronymic)
        .map(|p| p.score)
        .sum();
    // An extra token (a second given name, a maiden name) costs half a token.
    let denominator = na.min(nb) as f64 + 0.5 * (na.max(nb) - na.min(nb)) as f64;
    let mut score = sum / denominator;
    let pa = a.iter().map(Borrow::borrow).find(|t| t.patronymic);
    let pb = b.iter().map(Borrow::borrow).find(|t| t.patronymic);
    if let (Some(x), Some(y)) = (pa, pb) {
        score += if token_similarity(x, y).0 >= 0.9 {
            0.05
        } else {
            -0.1
        };
    }
    (score.clamp(0.0, 1.0), pairs)
}

pub mod given;
pub mod inflect;
pub mod press;

#[cfg(test)]
mod tests;
