//! NameIndex against hand-made registries, hard negatives, and the labelled evaluation set.

use super::*;

fn entry(id: &str, names: &[&str], birth: Option<i32>, region: Option<&str>) -> Entry {
    Entry {
        id: id.into(),
        names: names.iter().map(|n| (*n).to_string()).collect(),
        birth_year: birth,
        region: region.map(Into::into),
        ..Entry::default()
    }
}

fn index() -> NameIndex {
    NameIndex::build([
        entry(
            "p1",
            &["Ales Bialiatski", "Алесь Бяляцкі"],
            Some(1962),
            Some("Minsk"),
        ),
        entry("p2", &["Maryia Kalesnikava"], Some(1982), None),
        entry("p3", &["Siarhei Tsikhanouski"], Some(1978), Some("Homel")),
        entry("p4", &["Sviatlana Tsikhanouskaya"], Some(1982), None),
        entry("p5", &["Aliaksandr Lukashevich"], Some(1970), None),
        entry(
            "p6",
            &["Беляцкий Алесь Викторович"],
            Some(1962),
            Some("Minsk"),
        ),
        entry("p7", &["Volha Kalesnikava"], Some(1990), None),
        entry("p8", &["Ihar Losik"], None, None),
    ])
}

#[test]
fn search_across_scripts_best_first() {
    let ix = index();
    let hits = ix.search("Беляцкий", 10);
    let ids: Vec<&str> = hits.iter().map(|h| h.person.as_str()).collect();
    assert!(
        ids.starts_with(&["p1", "p6"]) || ids.starts_with(&["p6", "p1"]),
        "{hits:#?}"
    );
    let hits = ix.search("Sergei Tikhanovsky", 10);
    assert_eq!(hits[0].person, "p3", "{hits:#?}");
    assert!(hits[0].why.contains("sergei"), "{}", hits[0].why);
    // The feminine form ranks below the exact given name.
    assert!(hits
        .iter()
        .position(|h| h.person == "p4")
        .is_none_or(|i| i > 0));
    let hits = ix.search("Kolesnikova Maria", 10);
    assert_eq!(hits[0].person, "p2", "{hits:#?}");
    assert!(
        ix.search("Lukashenko", 10).is_empty(),
        "Lukashevich is not Lukashenko"
    );
}

#[test]
fn duplicates_with_evidence() {
    let ix = index();
    let d = ix.duplicates(DUPLICATE_FROM);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!((d[0].a.as_str(), d[0].b.as_str()), ("p1", "p6"));
    assert!(d[0].evidence.iter().any(|e| e == "both born 1962"));
    assert!(ix.duplicates_of("p6", DUPLICATE_FROM)[0].b == "p1");
    // Same surname, another given name: not a duplicate.
    assert!(!d.iter().any(|x| x.a == "p2" && x.b == "p7"));
}

#[test]
fn a_common_name_still_finds_its_double() {
    // 300 Мельник and 300 Дмитрий: each key alone is too common to pair on, together
    // they are one person's name, and the birth year tells the right one.
    let mut entries: Vec<Entry> = (0..300)
        .map(|i| {
            entry(
                &format!("m{i}"),
                &[["Иван Мельник", "Олег Мельник", "Дмитрий Мельник"][i % 3]],
                Some(1900 + i32::try_from(i / 3).unwrap() % 90),
                None,
            )
        })
        .collect();
    entries.extend((0..300).map(|i| entry(&format!("d{i}"), &["Дмитрий Ковалёв"], None, None)));
    entries.push(entry("new", &["Дмитрий Мельник"], Some(1951), None));
    let ix = NameIndex::build(entries);
    let found = ix.duplicates_of("new", DUPLICATE_FROM);
    assert!(!found.is_empty(), "a Дмитрий Мельник born 1951 is stored");
    let best = &found[0];
    assert!(
        best.b.starts_with('m') && best.evidence.iter().any(|e| e == "both born 1951"),
        "{found:#?}"
    );
    assert!(
        !found.iter().any(|d| d.b.starts_with('d')),
        "another surname is no double"
    );
}

/// The labelled evaluation set (tests/names/eval.tsv): 56 people, 4–21 spellings each,
/// those with a third column collected from the press with their source.
/// Prints the numbers docs/performance.md reports:
/// `cargo test --release -p vigil-core --lib search::tests::evaluation -- --nocapture`
#[test]
fn evaluation() {
    let lines: Vec<Vec<&str>> = include_str!("../../../../tests/names/eval.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    let rows: Vec<(&str, &str)> = lines.iter().map(|f| (f[0], f[1])).collect();
    let sourced: HashSet<(&str, &str)> = lines
        .iter()
        .filter(|f| f.len() > 2)
        .map(|f| (f[0], f[1]))
        .collect();
    let mut people: Vec<&str> = rows.iter().map(|r| r.0).collect();
    people.dedup();
    // Stored: each person's first spelling. Queries: the others.
    let stored: Vec<(&str, &str)> = people
        .iter()
        .map(|p| *rows.iter().find(|r| r.0 == *p).unwrap())
        .collect();
    let queries: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| !stored.contains(r))
        .copied()
        .collect();
    // Distractors: 3,000 generated persons (Belarusian, Russian, Burmese, Venezuelan
    // names in several scripts, including Kalesnikava and Lukashevich), without those
    // that are true homonyms of someone in the set.
    let everyone = NameIndex::build(rows.iter().map(|(p, n)| entry(p, &[n], None, None)));
    let mut distractors: Vec<Entry> = Vec::new();
    crate::generate::generate(
        crate::generate::Settings {
            persons: 3_000,
            seed: 5,
        },
        &mut |line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            if v["type"] != "person" {
                return;
            }
            let names: Vec<String> = v["names"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n["text"].as_str().unwrap().to_string())
                .collect();
            if names.iter().any(|n| {
                everyone
                    .search(n, 1)
                    .first()
                    .is_some_and(|h| h.score >= 0.95)
            }) {
                return;
            }
            distractors.push(Entry {
                id: format!("g{}", v["id"].as_str().unwrap()),
                names,
                female: Some(v["sex"] == "female"),
                prominent: v["prominent"] == true,
                ..Entry::default()
            });
        },
    );
    let distractor_names: Vec<(String, String)> = distractors
        .iter()
        .flat_map(|e| e.names.iter().map(|n| (e.id.clone(), n.clone())))
        .collect();
    // The labelled people are well-known prisoners: a registry marks them `prominent`.
    // The main numbers leave that out (the hidden set may not); the line after them
    // gives them with it.
    let ix_prominent = NameIndex::build(
        stored
            .iter()
            .map(|(p, n)| Entry {
                prominent: true,
                ..entry(p, &[n], None, None)
            })
            .chain(distractors.iter().cloned()),
    );
    let ix = NameIndex::build(
        stored
            .iter()
            .map(|(p, n)| entry(p, &[n], None, None))
            .chain(distractors),
    );
    let folded = |s: &str| deunicode::deunicode(s).to_lowercase();
    let (mut at1, mut at10, mut jw1, mut jw10) = (0, 0, 0, 0);
    let (mut prominent1, mut prominent10) = (0, 0);
    let (mut press, mut press1, mut press10) = (0usize, 0usize, 0usize);
    for (want, q) in &queries {
        let hits = ix.search(q, 10);
        let first = hits.first().is_some_and(|h| h.person == *want);
        let ten = hits.iter().any(|h| h.person == *want);
        at1 += usize::from(first);
        at10 += usize::from(ten);
        let hits = ix_prominent.search(q, 10);
        prominent1 += usize::from(hits.first().is_some_and(|h| h.person == *want));
        prominent10 += usize::from(hits.iter().any(|h| h.person == *want));
        if sourced.contains(&(*want, *q)) {
            press += 1;
            press1 += usize::from(first);
            press10 += usize::from(ten);
        }
        // The baseline: Jaro-Winkler over every stored name, ASCII-folded.
        let fq = folded(q);
        let mut scan: Vec<(f64, &str)> = stored
            .iter()
            .map(|(p, n)| (strsim::jaro_winkler(&fq, &folded(n)), *p))
            .chain(
                distractor_names
                    .iter()
                    .map(|(p, n)| (strsim::jaro_winkler(&fq, &folded(n)), p.as_str())),
            )
            .collect();
        scan.sort_by(|a, b| b.0.total_cmp(&a.0));
        jw1 += usize::from(scan[0].1 == *want);
        jw10 += usize::from(scan.iter().take(10).any(|s| s.1 == *want));
    }
    let n = queries.len() as f64;
    let r = |x: usize| x as f64 / n;
    // Duplicates: every spelling as its own person; true pairs are the same person.
    let all = NameIndex::build(
        rows.iter()
            .enumerate()
            .map(|(i, (p, name))| entry(&format!("{p}#{i}"), &[name], None, None)),
    );
    let person_of = |id: &str| id.split('#').next().unwrap().to_string();
    let true_pairs: usize = people
        .iter()
        .map(|p| {
            let k = rows.iter().filter(|r| r.0 == *p).count();
            k * (k - 1) / 2
        })
        .sum();
    let found = all.duplicates(DUPLICATE_FROM);
    let tp = found
        .iter()
        .filter(|d| person_of(&d.a) == person_of(&d.b))
        .count();
    let precision = tp as f64 / found.len().max(1) as f64;
    let recall = tp as f64 / true_pairs as f64;
    // Baseline duplicates: Jaro-Winkler ≥ 0.9 over all pairs.
    let (mut jw_found, mut jw_tp) = (0usize, 0usize);
    for i in 0..rows.len() {
        for j in i + 1..rows.len() {
            if strsim::jaro_winkler(&folded(rows[i].1), &folded(rows[j].1)) >= DUPLICATE_FROM {
                jw_found += 1;
                jw_tp += usize::from(rows[i].0 == rows[j].0);
            }
        }
    }
    eprintln!(
        "evaluation: {} people and {} distractor names, {} queries: vigil recall@1 {:.3}, recall@10 {:.3}; Jaro-Winkler scan recall@1 {:.3}, recall@10 {:.3}",
        people.len(), distractor_names.len(), queries.len(), r(at1), r(at10), r(jw1), r(jw10)
    );
    eprintln!(
        "  with the labelled people marked prominent: recall@1 {:.3}, recall@10 {:.3}",
        r(prominent1),
        r(prominent10)
    );
    eprintln!(
        "  of which {press} collected from the press: recall@1 {:.3}, recall@10 {:.3}",
        press1 as f64 / press.max(1) as f64,
        press10 as f64 / press.max(1) as f64
    );
    eprintln!(
        "duplicates at {DUPLICATE_FROM}: vigil {} pairs, precision {precision:.3}, recall {recall:.3} of {true_pairs}; Jaro-Winkler {jw_found} pairs, precision {:.3}, recall {:.3}",
        found.len(),
        jw_tp as f64 / jw_found.max(1) as f64,
        jw_tp as f64 / true_pairs as f64
    );
    for d in found.iter().filter(|d| person_of(&d.a) != person_of(&d.b)) {
        eprintln!(
            "  false pair: {} / {} ({})",
            d.names[0], d.names[1], d.score
        );
    }
    for (want, q) in &queries {
        let hits = ix.search(q, 10);
        if hits.first().is_none_or(|h| h.person != *want) {
            eprintln!(
                "  missed at 1: {q} (want {want}) got {:?}",
                hits.first().map(|h| (&h.person, h.score))
            );
        }
    }
    // Issue 19's targets on this set.
    assert!(r(at1) >= 0.95 && r(at1) > r(jw1), "recall@1 {}", r(at1));
    assert!(r(at10) >= 0.98, "recall@10 {}", r(at10));
    assert!(precision >= 0.99, "duplicate precision {precision}");
}

/// Two different people whose names fold alike, both stored: each spelling of one finds
/// that one first (husband and wife, father and son, surnames one ending apart).
#[test]
fn hard_negatives_rank_the_right_person_first() {
    let ix = NameIndex::build([
        entry("siarhei", &["Сяргей Ціханоўскі"], None, None),
        entry("sviatlana", &["Святлана Ціханоўская"], None, None),
        entry("viktar", &["Віктар Бабарыка"], None, None),
        entry("eduard", &["Эдуард Бабарыка"], None, None),
        entry("lukashenka", &["Аляксандр Лукашэнка"], None, None),
        entry("lukashevich", &["Аляксандр Лукашэвіч"], None, None),
        entry("kalesnikava", &["Марыя Калеснікава"], None, None),
        entry("kalesnikau", &["Міхаіл Калеснікаў"], None, None),
        entry("ivanava", &["Марыя Іванава"], None, None),
        entry("ivanau", &["Марк Іванаў"], None, None),
    ]);
    for (query, want) in [
        // Foreign-press spellings of the wife and of the husband (eval.tsv's sources).
        ("Swetlana Tichanowskaja", "sviatlana"),
        ("Sergej Tichanowskij", "siarhei"),
        ("Svjatlana Cichanouská", "sviatlana"),
        ("Siarheja Cichanovského", "siarhei"),
        ("Cichanouskiej", "sviatlana"),
        ("Cichanowskiego", "siarhei"),
        ("Ціханоўскай", "sviatlana"),
        ("Ціханоўскага", "siarhei"),
        ("Тихановской", "sviatlana"),
        ("Тихановскому", "siarhei"),
        ("Cichanouskaja", "sviatlana"),
        ("Cichanouskis", "siarhei"),
        // Father and son.
        ("Viktor Babariko", "viktar"),
        ("Eduard Babariko", "eduard"),
        ("Wiktara Babaryki", "viktar"),
        // One ending apart.
        ("Loukachenko", "lukashenka"),
        ("Lukaschewitsch", "lukashevich"),
        ("Łukaszenki", "lukashenka"),
        // Masculine and feminine of one surname.
        ("Kalesnikavová", "kalesnikava"),
        ("Kalesnikawej", "kalesnikava"),
        ("Марыі Іванавай", "ivanava"),
        ("Ивановым", "ivanau"),
        ("Masha Kolesnikova", "kalesnikava"),
    ] {
        let hits = ix.search(query, 10);
        assert_eq!(
            hits.first().map(|h| h.person.as_str()),
            Some(want),
            "{query}: {hits:#?}"
        );
        if let Some(second) = hits.get(1) {
            assert!(second.score < hits[0].score, "{query}: a tie {hits:#?}");
        }
    }
}

#[test]
fn names_inside_russian_and_belarusian_sentences_link_to_the_registry() {
    let ix = NameIndex::build([
        entry("siarhei", &["Сяргей Ціханоўскі"], None, None),
        entry("sviatlana", &["Святлана Ціханоўская"], None, None),
        entry("kalesnikava", &["Марыя Калеснікава"], None, None),
        entry("babaryka", &["Віктар Бабарыка"], None, None),
        entry("lukashenka", &["Аляксандр Лукашэнка"], None, None),
        entry("statkevich", &["Мікалай Статкевіч"], None, None),
    ]);
    let linked = |text: &str| -> Vec<(String, String)> {
        ix.mentions(text, 0.85)
            .into_iter()
            .map(|m| {
                assert_eq!(m.persons.len(), 1, "{text}: {m:#?}");
                (
                    text[m.start..m.end].to_string(),
                    m.persons[0].person.clone(),
                )
            })
            .collect()
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
            .collect()
    };
    // Sentences of the kind svaboda.org and novayagazeta.ru print (eval.tsv's sources).
    assert_eq!(
        linked("Яго жонка — Сьвятлана Ціханоўская, якая абышла ў іх Лукашэнку."),
        pairs(&[
            ("Сьвятлана Ціханоўская", "sviatlana"),
            ("Лукашэнку", "lukashenka")
        ])
    );
    assert_eq!(
        linked("Адвакатка абараняла Сяргея Ціханоўскага і Віктара Бабарыку."),
        pairs(&[
            ("Сяргея Ціханоўскага", "siarhei"),
            ("Віктара Бабарыку", "babaryka")
        ])
    );
    assert_eq!(
        linked("Приговоры: 14 лет для Виктора Бабарико и 11 лет для Марии Колесниковой."),
        pairs(&[
            ("Виктора Бабарико", "babaryka"),
            ("Марии Колесниковой", "kalesnikava")
        ])
    );
    assert_eq!(
        linked("Суд над Николаем Статкевичем прошёл в Гомеле, А. Лукашенко молчал."),
        pairs(&[
            ("Николаем Статкевичем", "statkevich"),
            ("А. Лукашенко", "lukashenka")
        ])
    );
    // A given name alone, and capitalised words that name no one, link to no one.
    assert!(linked("Марыя сказала, што Мінск маўчыць.").is_empty());
}

#[test]
fn maiden_and_pen_names_are_searched_like_any_other() {
    let person: Person = serde_json::from_str(
        r#"{"id":"p1","names":[{"text":"Марыя Калеснікава","lang":"be"},{"text":"Іванава","lang":"be","kind":"maiden"},{"text":"Маша Флейта","kind":"pen"}]}"#,
    )
    .unwrap();
    let ix = NameIndex::build([
        Entry::of(&person),
        entry("other", &["Марыя Іванава"], None, None),
        entry("third", &["Ганна Іванава"], None, None),
    ]);
    let hits = ix.search("Maryia Ivanava", 10);
    let found: Vec<&str> = hits.iter().map(|h| h.person.as_str()).collect();
    assert!(
        found.contains(&"p1") && found.contains(&"other"),
        "{hits:#?}"
    );
    assert!(!found.contains(&"third") || found.iter().position(|p| *p == "third") > Some(1));
    assert_eq!(ix.search("Маша Флейта", 10)[0].person, "p1");
    assert_eq!(ix.search("Maria Kalesnikava", 10)[0].person, "p1");
}

/// More persons tie on every count the candidate list ranks by (a shared given name and
/// a one-deletion neighbour of the surname) than are scored: the closest surname is still
/// found, wherever its id falls. 600 Sviatlana B?l?sn?k?v? (key blsnkv: one deletion from
/// the query's klsnkv, but too far in spelling to show) come before the one Sviatlana
/// Kalesnikaba (klsnkb, one letter from the query's end), and cut by id she was lost.
#[test]
fn the_closest_name_is_scored_when_more_tie_than_are_scored() {
    let vowels = ['a', 'e', 'i', 'o', 'u'];
    let mut entries: Vec<Entry> = Vec::new();
    'all: for a in vowels {
        for b in vowels {
            for c in vowels {
                for d in vowels {
                    for e in vowels {
                        if entries.len() == SCORED + 400 {
                            break 'all;
                        }
                        let surname = format!("B{a}l{b}sn{c}k{d}v{e}");
                        let id = format!("d{}", entries.len());
                        entries.push(entry(&id, &[&format!("Sviatlana {surname}")], None, None));
                    }
                }
            }
        }
    }
    entries.push(entry("sought", &["Sviatlana Kalesnikaba"], None, None));
    let ix = NameIndex::build(entries);
    let hits = ix.search("Sviatlana Kalesnikava", 10);
    assert_eq!(
        hits.first().map(|h| h.person.as_str()),
        Some("sought"),
        "{hits:#?}"
    );
}

/// A surname alone, in a foreign declined form, matches every stored woman of that surname
/// equally: the tie goes to what the query or the record says (the closer spelling, a
/// stored sex agreeing with the form, prominence), never to the smaller id.
#[test]
fn ties_are_broken_by_what_the_query_and_record_say_not_by_id() {
    let woman = |id: &str, name: &str, female: Option<bool>, prominent: bool| Entry {
        female,
        prominent,
        ..entry(id, &[name], None, None)
    };
    // "Kalesnikavovou" (aktualne.cz): the Czech accusative of Kalesnikavová.
    let ix = NameIndex::build([
        woman("a1", "Вольга Калеснікава", None, false),
        woman("a2", "Ганна Калеснікава", None, false),
        woman("z9", "Марыя Калеснікава", Some(true), true),
    ]);
    let hits = ix.search("Kalesnikavovou", 10);
    assert_eq!(hits.len(), 3, "{hits:#?}");
    assert!(
        hits[0].score.total_cmp(&hits[1].score).is_eq(),
        "a tie: {hits:#?}"
    );
    assert_eq!(hits[0].person, "z9", "the prominent one first: {hits:#?}");
    // A stored sex that disagrees with the feminine form goes after one that does not.
    let ix = NameIndex::build([
        woman("a1", "Вольга Калеснікава", Some(false), false),
        woman("a2", "Ганна Калеснікава", None, false),
    ]);
    let hits = ix.search("Kalesnikavovou", 10);
    assert_eq!(hits[0].person, "a2", "{hits:#?}");
    // The Belarusian form is nearer a Belarusian-based press spelling than the Russian.
    let ix = NameIndex::build([
        woman("a1", "Ольга Колесникова", None, false),
        woman("a2", "Вольга Калеснікава", None, false),
    ]);
    let hits = ix.search("Kalesnikavovou", 10);
    assert!(
        hits[0].score.total_cmp(&hits[1].score).is_eq(),
        "a tie: {hits:#?}"
    );
    assert_eq!(hits[0].person, "a2", "{hits:#?}");
}

/// Typos the press printed, two letters from the spelling and one from the skeleton, find
/// the person when the given name agrees; without it the same surname is no match.
#[test]
fn a_long_surname_one_skeleton_letter_off_matches_beside_its_given_name() {
    let ix = NameIndex::build([
        entry("kalesnikava", &["Марыя Калеснікава"], None, None),
        entry("kolesova", &["Марыя Калесава"], None, None),
    ]);
    // actualidadsinfronteras.com and de.euronews.com (tests/names/eval.tsv).
    for q in ["Maria Koleshnikova", "Maria Kolnesnikowa"] {
        let hits = ix.search(q, 10);
        assert_eq!(
            hits.first().map(|h| h.person.as_str()),
            Some("kalesnikava"),
            "{q}: {hits:#?}"
        );
        assert!(
            hits[0].why.contains("one letter from the skeleton"),
            "{}",
            hits[0].why
        );
    }
    assert!(
        !ix.search("Ivan Koleshnikova", 10)
            .iter()
            .any(|h| h.person == "kalesnikava"),
        "no agreeing given name: a typo is no match"
    );
    // The duplicates side is unchanged: a one-letter typo with the same given name is
    // not proposed as the same person.
    let ix = NameIndex::build([
        entry("a", &["Maria Kalesnikava"], None, None),
        entry("b", &["Maria Koleshnikova"], None, None),
    ]);
    assert!(ix.duplicates(DUPLICATE_FROM).is_empty());
}

/// A compound surname written apart is found by its joined spelling ("Rocio Sanmiguel"),
/// and a given name outside Belarusian and Russian by another language's form of it
/// (Xavier for Javier).
#[test]
fn compound_surnames_joined_and_spanish_given_names() {
    let ix = NameIndex::build([
        entry("sanmiguel", &["Rocío San Miguel"], None, None),
        entry("miguel", &["Rocío Miguel"], None, None),
        entry("tarazona", &["Javier Tarazona"], None, None),
        entry("other", &["Luis Tarazona"], None, None),
    ]);
    let hits = ix.search("Rocio Sanmiguel", 10);
    assert_eq!(hits[0].person, "sanmiguel", "{hits:#?}");
    assert!(hits[0].score >= 0.95, "{hits:#?}");
    let hits = ix.search("Xavier Tarazona", 10);
    assert_eq!(hits[0].person, "tarazona", "{hits:#?}");
    assert!(hits[0].score > hits.get(1).map_or(0.0, |h| h.score));
}

/// Hungarian and Dutch press Latin, and a š printed without its háček, read on the query
/// side: each finds its person, not the one whose name folds alike (eval.tsv's sources).
#[test]
fn hungarian_and_dutch_press_spellings_find_the_right_person() {
    let ix = NameIndex::build([
        entry("lukashenka", &["Аляксандр Лукашэнка"], None, None),
        entry("lukashevich", &["Аляксандр Лукашэвіч"], None, None),
        entry("lusenka", &["Аляксандр Лусенка"], None, None),
        entry("kalesnikava", &["Марыя Калеснікава"], None, None),
        entry("kolesova", &["Марыя Калесава"], None, None),
    ]);
    for (query, want) in [
        ("Alekszandr Lukasenko", "lukashenka"),  // nepszava.hu
        ("Aleksandr Lukasenko", "lukashenka"),   // ziare.com
        ("Aleksandr Loekasjenko", "lukashenka"), // vrt.be
        ("Marija Kolesznyikova", "kalesnikava"), // nepszava.hu
        ("Kolesznyikovát", "kalesnikava"),       // nepszava.hu, accusative
    ] {
        let hits = ix.search(query, 10);
        assert_eq!(
            hits.first().map(|h| h.person.as_str()),
            Some(want),
            "{query}: {hits:#?}"
        );
        assert!(hits[0].score >= 0.9, "{query}: {hits:#?}");
    }
}
