//! The catalogues are complete and used: every key is in all three languages, every key
//! the code asks for exists, no key is left that nothing asks for; every word of the
//! vocabulary lists in vigil-core has a translation. And plural forms come from ICU4X
//! through the real lookup: Belarusian and Russian at the numbers where rules go wrong.

use std::collections::BTreeSet;
use std::path::Path;

use vigil_i18n::{catalogue_source, keys, t_with, vocabulary, Arg, Lang, DATA_FAMILIES};

/// Every `.rs` file under a directory.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The keys code asks for: the first string literal of a call to a lookup —
/// `tr.t("…")`, `tr.with("…"`, `tr.count("…"`, `t(lang, "…")`, `t_with(lang, "…"`.
fn keys_in_code() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for krate in ["vigil-server", "vigil", "vigil-i18n"] {
        sources(&root.join(krate).join("src"), &mut files);
    }
    let mut found = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for call in [".t(", ".with(", ".count(", " t(lang,", "t_with(lang,"] {
            for (i, _) in text.match_indices(call) {
                let Some(rest) = text[i + call.len()..].trim_start().strip_prefix('"') else {
                    continue;
                };
                let key: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                if rest[key.len()..].starts_with('"') && !key.is_empty() {
                    found.insert(key);
                }
            }
        }
    }
    found
}

#[test]
fn every_key_is_in_every_language_and_every_key_is_used() {
    let en = keys(catalogue_source(Lang::En));
    assert!(en.len() > 100, "{} keys", en.len());
    for lang in [Lang::Be, Lang::Ru] {
        let other = keys(catalogue_source(lang));
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(missing.is_empty(), "missing in {lang}: {missing:?}");
        assert!(extra.is_empty(), "in {lang} but not in en: {extra:?}");
    }
    let used = keys_in_code();
    let unknown: Vec<_> = used.difference(&en).collect();
    assert!(
        unknown.is_empty(),
        "asked for in code, in no catalogue: {unknown:?}"
    );
    let mut vocabulary_keys = BTreeSet::new();
    for (family, values) in vocabulary() {
        for v in values {
            let key = format!("{family}-{v}");
            assert!(en.contains(&key), "no word for {key}");
            vocabulary_keys.insert(key);
        }
    }
    let unused: Vec<_> = en
        .iter()
        .filter(|k| !used.contains(*k) && !vocabulary_keys.contains(*k))
        .filter(|k| !DATA_FAMILIES.iter().any(|p| k.starts_with(p)))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogue, asked for by nothing: {unused:?}"
    );
}

/// The text of the message `key` in a catalogue's source, its lines joined.
fn body(source: &str, key: &str) -> String {
    let start = source
        .lines()
        .position(|l| l.starts_with(&format!("{key} =")))
        .unwrap();
    let lines: Vec<&str> = source
        .lines()
        .skip(start)
        .enumerate()
        .take_while(|(i, l)| *i == 0 || !(l.contains(" =") || l.is_empty() || l.starts_with('#')))
        .map(|(_, l)| l)
        .collect();
    lines.join("\n")
}

/// Arguments for every variable the message `key` of `source` names: a count for each
/// `$NAME` selected on by `$NAME_form`, a text for the others.
fn arguments(source: &str, key: &str) -> Vec<(&'static str, Arg)> {
    let body = body(source, key);
    let mut names: Vec<String> = body
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect();
    names.sort();
    names.dedup();
    let counts: Vec<String> = names
        .iter()
        .filter_map(|n| n.strip_suffix("_form").map(str::to_string))
        .collect();
    names
        .into_iter()
        .filter(|n| !n.ends_with("_form"))
        .map(|n| {
            let arg = if counts.contains(&n) {
                Arg::Count(2)
            } else {
                Arg::Text("x".into())
            };
            (&*Box::leak(n.into_boxed_str()), arg)
        })
        .collect()
}

#[test]
fn every_message_renders_in_every_language_without_a_fallback() {
    for key in keys(catalogue_source(Lang::En)) {
        for lang in Lang::ALL {
            assert!(vigil_i18n::has(lang, &key), "{lang} has no {key}");
            // It renders with the arguments the English message names, which are those
            // the code passes: a message that asks for another one falls back to
            // English (or to its key), which a reader of Belarusian must never get.
            let (en, source) = (catalogue_source(Lang::En), catalogue_source(lang));
            let args = arguments(en, &key);
            let text = t_with(lang, &key, &args);
            assert!(
                text != key || body(source, &key) == format!("{key} = {key}"),
                "{lang}: {key} does not render"
            );
            if lang != Lang::En && body(source, &key) != body(en, &key) {
                assert_ne!(
                    text,
                    t_with(Lang::En, &key, &args),
                    "{lang}: {key} comes out in English"
                );
            }
        }
    }
}

/// The form of "N waves" and "N political prisoners" at the numbers the Belarusian rule
/// is easy to get wrong at (`intl_pluralrules` gives `other` for 22, 25, 102, 111…).
#[test]
fn plural_forms_at_the_numbers_rules_get_wrong() {
    let cases: &[(i64, &str, &str, &str, &str)] = &[
        // n, be waves, be persons, ru waves, ru persons
        (0, "хваляў", "чалавек", "волн", "человек"),
        (1, "хваля", "чалавек", "волна", "человек"),
        (2, "хвалі", "чалавекі", "волны", "человека"),
        (5, "хваляў", "чалавек", "волн", "человек"),
        (11, "хваляў", "чалавек", "волн", "человек"),
        (12, "хваляў", "чалавек", "волн", "человек"),
        (21, "хваля", "чалавек", "волна", "человек"),
        (22, "хвалі", "чалавекі", "волны", "человека"),
        (25, "хваляў", "чалавек", "волн", "человек"),
        (101, "хваля", "чалавек", "волна", "человек"),
        (102, "хвалі", "чалавекі", "волны", "человека"),
        (111, "хваляў", "чалавек", "волн", "человек"),
        (112, "хваляў", "чалавек", "волн", "человек"),
        (1002, "хвалі", "чалавекі", "волны", "человека"),
        (1244, "хвалі", "чалавекі", "волны", "человека"),
    ];
    let say = |lang, key, n| t_with(lang, key, &[("n", Arg::Count(n))]);
    for &(n, be_w, be_p, ru_w, ru_p) in cases {
        let number_be = vigil_i18n::number(Lang::Be, n);
        let number_ru = vigil_i18n::number(Lang::Ru, n);
        assert_eq!(
            say(Lang::Be, "count-waves", n),
            format!("{number_be} {be_w}")
        );
        assert_eq!(
            say(Lang::Be, "count-persons", n),
            format!("{number_be} {be_p}")
        );
        assert_eq!(
            say(Lang::Ru, "count-waves", n),
            format!("{number_ru} {ru_w}")
        );
        assert_eq!(
            say(Lang::Ru, "count-persons", n),
            format!("{number_ru} {ru_p}")
        );
    }
    assert_eq!(say(Lang::En, "count-waves", 1), "1 wave");
    assert_eq!(say(Lang::En, "count-waves", 1244), "1,244 waves");
}

#[test]
fn numbers_and_dates_as_each_language_writes_them() {
    use vigil_core::date::PartialDate;
    assert_eq!(vigil_i18n::number(Lang::Be, 1135), "1135");
    assert_eq!(vigil_i18n::number(Lang::Ru, 1135), "1\u{a0}135");
    assert_eq!(vigil_i18n::number(Lang::En, 1135), "1,135");
    let d = |s: &str| s.parse::<PartialDate>().unwrap();
    assert!(vigil_i18n::date(Lang::Be, d("2024-12-09")).starts_with("9 снежня 2024"));
    assert!(vigil_i18n::date(Lang::Ru, d("2024-12-09")).starts_with("9 декабря 2024"));
    assert_eq!(
        vigil_i18n::date(Lang::En, d("2024-12-09")),
        "9 December 2024"
    );
    assert_eq!(vigil_i18n::date(Lang::Be, d("2021-03")), "сакавік 2021");
    assert!(vigil_i18n::date(Lang::Ru, d("2021-03")).starts_with("март 2021"));
    assert_eq!(vigil_i18n::date(Lang::En, d("2021")), "2021");
}

#[test]
fn the_language_is_chosen_by_query_then_cookie_then_browser_then_server() {
    let choose = Lang::choose;
    assert_eq!(
        choose(Some("be"), Some("ru"), Some("en"), Lang::En),
        Lang::Be
    );
    assert_eq!(
        choose(Some("xx"), Some("ru"), Some("en"), Lang::En),
        Lang::Ru
    );
    assert_eq!(
        choose(None, None, Some("de, ru;q=0.8, be;q=0.9"), Lang::En),
        Lang::Be
    );
    assert_eq!(
        choose(None, None, Some("be;q=0, ru-RU"), Lang::En),
        Lang::Ru
    );
    assert_eq!(choose(None, None, Some("de-DE"), Lang::Be), Lang::Be);
    assert_eq!(choose(None, None, None, Lang::Ru), Lang::Ru);
}

/// A key defined twice makes Fluent refuse the whole catalogue at the first lookup (every
/// page would fail): each key is defined once in each catalogue.
#[test]
fn no_key_is_defined_twice() {
    for lang in Lang::ALL {
        let mut seen = BTreeSet::new();
        let twice: Vec<String> = catalogue_source(lang)
            .lines()
            .filter_map(|l| {
                let (id, _) = l.split_once(" =")?;
                keys(l).contains(id).then(|| id.to_string())
            })
            .filter(|id| !seen.insert(id.clone()))
            .collect();
        assert!(twice.is_empty(), "defined twice in {lang}: {twice:?}");
    }
    // And the catalogues load: a lookup in each language renders.
    for lang in Lang::ALL {
        assert_ne!(
            vigil_i18n::t(lang, "nav-dashboard"),
            "nav-dashboard",
            "{lang}"
        );
    }
}
