//! Transliteration against published examples of each standard, and the hard cases of
//! Belarusian/Russian name matching (NAMES.md §2).

use super::*;

fn translit_words(text: &str, scheme: Scheme) -> String {
    text.to_lowercase()
        .split(' ')
        .map(|w| transliterate(w, scheme))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn schemes_against_published_examples() {
    use Scheme::*;
    for (scheme, cyrillic, latin) in [
        // ICAO 9303 / MVD Belarusian passports (interscript icao-bel tests).
        (IcaoBe, "Бабрыковіч Аляксандр", "babrykovich aliaksandr"),
        (IcaoBe, "Ігар", "ihar"),
        (IcaoBe, "СВЯТЛАНА", "sviatlana"),
        (IcaoBe, "Мікалай", "mikalai"),
        (IcaoBe, "Ціханоўская", "tsikhanouskaia"),
        (IcaoBe, "Алесь Бяляцкі", "ales bialiatski"),
        (IcaoBe, "Лукашэнка", "lukashenka"),
        // Belarusian national system 2007 (interscript by-bel-2007 tests).
        (National2007, "Магілёў", "mahilioŭ"),
        (National2007, "Любань", "liubań"),
        (National2007, "Хоцімск", "chocimsk"),
        (National2007, "Чэрвень", "červień"),
        (National2007, "Аляксандр", "aliaksandr"),
        // BGN/PCGN 1979 Belarusian (interscript bgnpcgn-bel tests).
        (BgnBe, "Магілёў", "mahilyow"),
        (BgnBe, "Менск", "myensk"),
        // Classical Łacinka.
        (Lacinka, "Лукашэнка", "łukašenka"),
        (Lacinka, "Беларусь", "biełaruś"),
        (Lacinka, "Аляксандр", "alaksandr"),
        (Lacinka, "Ціханоўскі", "cichanoŭski"),
        // English-press habit.
        (PressBe, "Аляксандр", "alyaksandr"),
        (PressBe, "Ціханоўская", "tsikhanouskaya"),
        (PressBe, "Яўген", "yauhen"),
        // ICAO 9303 Russian (Russian passports since 2013).
        (IcaoRu, "Сергей", "sergei"),
        (IcaoRu, "Юрий", "iurii"),
        (IcaoRu, "Щукин", "shchukin"),
        (IcaoRu, "Объедков", "obieedkov"),
        (IcaoRu, "Алёна", "alena"),
        // BGN/PCGN 1947 Russian.
        (BgnRu, "Юрий", "yuriy"),
        (BgnRu, "Сергей", "sergey"),
        (BgnRu, "Ёлкин", "yëlkin"),
        (BgnRu, "Объедков", "obyedkov"),
        (BgnRu, "Тихановский", "tikhanovskiy"),
        // ISO 9:1995 = GOST 7.79 system A.
        (Iso9, "Щукин", "ŝukin"),
        (Iso9, "Чайковский", "čajkovskij"),
        (Iso9, "Юрий", "ûrij"),
        (Iso9, "Ўладзімір", "ǔladzìmìr"),
        // Ukrainian national system (KMU 2010 resolution 55, its own examples).
        (KmuUk, "Згорани", "zghorany"),
        (KmuUk, "Розгон", "rozghon"),
        (KmuUk, "Юрій", "yurii"),
        (KmuUk, "Крячко", "kriachko"),
        (KmuUk, "Ярошенко", "yaroshenko"),
        (KmuUk, "Шевченко", "shevchenko"),
        (KmuUk, "Їжакевич", "yizhakevych"),
        (KmuUk, "Київ", "kyiv"),
        (KmuUk, "Олексій", "oleksii"),
        (KmuUk, "Жуків", "zhukiv"),
        (KmuUk, "Єнакієве", "yenakiieve"),
        (KmuUk, "Гадяч", "hadiach"),
        (KmuUk, "Ґалаґан", "galagan"),
    ] {
        assert_eq!(
            translit_words(cyrillic, scheme),
            latin,
            "{scheme:?} {cyrillic}"
        );
    }
}

#[test]
fn folding_and_skeletons() {
    assert_eq!(fold("Cichanoŭski"), "cichanouski");
    assert_eq!(fold("Łukašenka"), "lukashenka");
    assert_eq!(fold("Aleś"), "ales");
    // The skeletons NAMES.md's sanity check gives.
    assert_eq!(skeleton("ales", false), "als");
    assert_eq!(skeleton("bialiatski", false), "blTk");
    assert_eq!(skeleton("byalyatski", false), "blTk");
    assert_eq!(skeleton("lukashenka", false), "lkSnk");
    assert_eq!(skeleton("lukashenko", false), "lkSnk");
    assert_eq!(skeleton("aliaksandr", false), "alksndr");
    assert_eq!(skeleton("alexander", false), "alksndr");
    assert_eq!(skeleton("tsikhanouski", false), "tgnvsk");
    assert_eq!(skeleton("tikhanovsky", false), "tgnvsk");
    assert_eq!(skeleton("cichanouski", true), "tgnvsk");
    assert_eq!(skeleton("siarhei", false), "srg");
    assert_eq!(skeleton("sergey", false), "srg");
}

fn names_score(a: &str, b: &str) -> f64 {
    name_score(&analyse(a), &analyse(b)).0
}

#[test]
fn hard_cases_match() {
    for (a, b) in [
        ("Алесь", "Ales"),
        ("Ales", "Aleś"),
        ("Алесь", "Aleś"),
        ("Лукашэнка", "Lukashenko"),
        ("Лукашэнка", "Лукашенко"),
        ("Ціханоўскі", "Tikhanovsky"),
        ("Ціханоўскі", "Cichanoŭski"),
        ("Tikhanovsky", "Cichanoŭski"),
        ("Калеснікава", "Kolesnikova"),
        ("Tsikhanouskaya", "Tikhanovskaya"),
        ("Kalesnikava", "Колесникова"),
        ("Аляксандр", "Alexander"),
        ("Алесь", "Аляксандр"),
        ("Зміцер", "Дмитрий"),
        ("Уладзімір", "Vladimir"),
        ("Siarhei", "Sergei"),
        ("Бяляцкі", "Беляцкий"),
        ("Poczobut", "Пачобут"),
        // Ukrainian forms of the same names.
        ("Микола", "Мікалай"),
        ("Mykola", "Николай"),
        ("Олексій", "Aliaksei"),
        ("Шевченко", "Shevchenko"),
        ("Володимир", "Уладзімір"),
    ] {
        let s = names_score(a, b);
        assert!(s >= 0.9, "{a} ~ {b}: {s}");
    }
}

#[test]
fn the_other_gender_of_a_surname_matches_but_less() {
    // His wife, her husband, their son: a match, but weaker than the same form.
    for (a, b, same) in [
        ("Ціханоўская", "Ціханоўскі", "Ціханоўская"),
        ("Tsikhanouskaya", "Tikhanovsky", "Tikhanovskaya"),
        ("Kalesnikava", "Калеснікаў", "Колесникова"),
    ] {
        let other = names_score(a, b);
        assert!(other >= 0.8, "{a} ~ {b}: {other}");
        assert!(other < names_score(a, same), "{a} ~ {b}: {other}");
    }
}

#[test]
fn full_names_match_regardless_of_order_and_patronymic() {
    for (a, b) in [
        ("Ales Bialiatski", "Бяляцкі Алесь Віктаравіч"),
        ("Ales Bialiatski", "Беляцкий Алесь Викторович"),
        ("Alexander Lukashenko", "Аляксандр Рыгоравіч Лукашэнка"),
        ("Sergei Tikhanovsky", "Siarhei Tsikhanouski"),
        ("Maria Kolesnikova", "Марыя Калеснікава"),
        ("Sviatlana Tsikhanouskaya", "Светлана Тихановская"),
    ] {
        let s = names_score(a, b);
        assert!(s >= 0.9, "{a} ~ {b}: {s}");
    }
}

#[test]
fn hard_negatives_stay_apart() {
    for (a, b) in [
        ("Lukashevich", "Lukashenko"),
        ("Kolesova", "Kolesnikova"),
        ("Tikhonov", "Tikhanovsky"),
        ("Belyaev", "Bialiatski"),
        ("Ihar Losik", "Ales Losik"),
        ("Maria Kalesnikava", "Volha Kalesnikava"),
        ("Aliaksandr Lukashenka", "Aliaksandr Lukashevich"),
    ] {
        let s = names_score(a, b);
        assert!(s < 0.85, "{a} vs {b} should stay apart: {s}");
    }
}

#[test]
fn patronymics_are_optional_but_count_when_both_have_one() {
    let with = names_score("Бяляцкі Алесь Віктаравіч", "Беляцкий Алесь Викторович");
    let other = names_score("Бяляцкі Алесь Віктаравіч", "Беляцкий Алесь Иванович");
    assert!(with > other + 0.1, "{with} vs {other}");
}

#[test]
fn one_edit_apart() {
    for (a, b, want) in [
        ("klSnkv", "klsnkv", true),  // changed
        ("klnsnkv", "klsnkv", true), // added
        ("klsnkv", "klsnk", true),   // dropped at the end
        ("klsnkv", "klsnkv", true),
        ("klsnkv", "klsv", false),   // Kalesnikava / Kalesava: two apart
        ("lkSnk", "lkSvC", false),   // Lukashenka / Lukashevich
        ("abcdef", "bacdef", false), // a swap is two edits
    ] {
        assert_eq!(within_one_edit(a.as_bytes(), b.as_bytes()), want, "{a} {b}");
        assert_eq!(within_one_edit(b.as_bytes(), a.as_bytes()), want, "{b} {a}");
    }
}
