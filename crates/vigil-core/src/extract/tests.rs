//! Extraction from the seed report and from reports written for these tests in the styles
//! of official statements, agency wires and monitors' posts (tests/reports/).

#![allow(clippy::float_cmp)] // values read from text compare exactly

use super::*;

fn read(text: &str, date: &str) -> Extraction {
    extract(
        text,
        &Options {
            date: Some(date.parse().unwrap()),
            country: None,
        },
    )
}

fn figure<'a>(x: &'a Extraction, metric: &str) -> &'a ProposedFigure {
    x.figures
        .iter()
        .find(|f| f.metric == metric)
        .unwrap_or_else(|| panic!("no {metric} figure in {:#?}", x.figures))
}

fn breakdown(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
    pairs.iter().map(|(k, n)| ((*k).to_string(), *n)).collect()
}

/// No announcement or figure carries any of these values.
fn not_taken(x: &Extraction, values: &[f64]) {
    for v in values {
        assert!(
            !x.figures.iter().any(|f| (f.value - v).abs() < 1e-9),
            "{v} taken as a figure: {:#?}",
            x.figures
        );
        assert!(
            !x.announcements
                .iter()
                .any(|a| f64::from(a.total) == *v
                    || a.breakdown.values().any(|n| f64::from(*n) == *v)),
            "{v} taken in an announcement: {:#?}",
            x.announcements
        );
    }
}

fn ignored_as(x: &Extraction, number: &str, why: &str) {
    assert!(
        x.ignored.iter().any(|i| i.number == number && i.why == why),
        "{number} not ignored as {why}: {:#?}",
        x.ignored
    );
}

#[test]
fn seed_report() {
    let x = read(
        include_str!("../../../../tests/reports/belarus-pardons-article.txt"),
        "2024-12-09",
    );
    assert_eq!(x.announcements.len(), 1, "{:#?}", x.announcements);
    let a = &x.announcements[0];
    assert_eq!((a.kind, a.total), ("pardon", 29));
    assert_eq!(a.country.as_deref(), Some("BY"));
    assert_eq!(a.date.as_deref(), Some("2024-12-09"));
    assert_eq!(
        a.breakdown,
        breakdown(&[
            ("women", 11),
            ("men", 18),
            ("under_25", 6),
            ("pensioners", 3),
            ("disabled", 2),
            ("chronic_illness", 15)
        ])
    );
    assert_eq!(a.names_disclosed, Some(false));
    assert_eq!(
        a.issuer.as_deref(),
        Some("Belarusian presidential administration")
    );
    assert!(
        a.claims.iter().any(|c| c.starts_with(
            "All of those released repented for their actions and appealed to the head of state"
        )),
        "{:#?}",
        a.claims
    );
    assert!(a
        .claims
        .contains(&"More than half of them had disabilities and chronic illnesses".to_string()));
    // The monitor's quotes are not official claims.
    assert!(!x
        .claims
        .iter()
        .any(|c| c.contains("Repression") || c.contains("twice")));

    let waves = figure(&x, "pardon_waves_year");
    assert_eq!((waves.value, waves.qualifier), (7.0, "exact"));
    let total = figure(&x, "pardoned_total_year");
    assert_eq!((total.value, total.qualifier), (178.0, "exact"));
    let held = figure(&x, "political_prisoners_held");
    assert_eq!((held.value, held.qualifier), (1300.0, "approximately"));
    assert_eq!(held.as_of.as_deref(), Some("2024-12-09"));
    assert_eq!(held.country.as_deref(), Some("BY"));
    let exiled = figure(&x, "exiled_total");
    assert_eq!((exiled.value, exiled.qualifier), (13000.0, "at_least"));
    let ratio = figure(&x, "ratio_imprisoned_to_pardoned");
    assert_eq!(ratio.value, 2.0);
    assert_eq!(
        ratio.attributed_to.as_deref(),
        Some("Pavel Sapelka of the Vyasna human rights monitor")
    );
    assert_eq!(x.figures.len(), 5, "{:#?}", x.figures);
    ignored_as(&x, "August 2020", "part of a date");
    // "in 2020" is a year the text dates by, not a count.
    ignored_as(&x, "in 2020", "part of a date");
    not_taken(&x, &[2020.0, 25.0]);
}

#[test]
fn official_decree_with_article_numbers() {
    let x = read(
        include_str!("../../../../tests/reports/official-pardon-decree.txt"),
        "2024-07-02",
    );
    assert_eq!(x.announcements.len(), 1, "{:#?}", x.announcements);
    let a = &x.announcements[0];
    assert_eq!(
        (a.kind, a.total, a.date.as_deref()),
        ("pardon", 18, Some("2024-07-02"))
    );
    assert_eq!(
        a.breakdown,
        breakdown(&[
            ("women", 4),
            ("men", 14),
            ("pensioners", 2),
            ("chronic_illness", 3)
        ])
    );
    assert_eq!(
        a.claims,
        ["All of them wrote petitions for pardon and admitted their guilt"]
    );
    assert!(x.figures.is_empty(), "{:#?}", x.figures);
    ignored_as(&x, "342", "an article number");
    ignored_as(&x, "361", "an article number");
    not_taken(&x, &[342.0, 361.0, 1.0]);
}

#[test]
fn wire_with_two_announcements() {
    let x = read(
        include_str!("../../../../tests/reports/wire-two-pardons.txt"),
        "2024-09-16",
    );
    let got: Vec<_> = x
        .announcements
        .iter()
        .map(|a| (a.kind, a.total, a.date.as_deref(), a.names_disclosed))
        .collect();
    assert_eq!(
        got,
        [
            ("pardon", 37, Some("2024-09-16"), Some(false)),
            ("release", 30, Some("2024-09-04"), None)
        ]
    );
    assert_eq!(x.announcements[1].breakdown, breakdown(&[("women", 14)]));
    assert!(x.announcements[0].breakdown.is_empty());
    // "on Monday" is the Monday of the report's week, 2024-09-16: no note of a missing date.
    assert!(
        !x.notes.iter().any(|n| n.to_string().contains("no date")),
        "{:?}",
        x.notes
    );
    assert_eq!(figure(&x, "pardon_waves_year").value, 5.0);
    let held = figure(&x, "political_prisoners_held");
    assert_eq!((held.value, held.qualifier), (1350.0, "approximately"));
    ignored_as(&x, "72", "an age or a term");
    ignored_as(&x, "10", "an age or a term");
    not_taken(&x, &[72.0, 10.0, 9.2, 4.0]);
}

#[test]
fn monitor_census_has_no_announcement() {
    let x = read(
        include_str!("../../../../tests/reports/monitor-post-census.txt"),
        "2024-11-01",
    );
    assert!(x.announcements.is_empty(), "{:#?}", x.announcements);
    let held = figure(&x, "political_prisoners_held");
    assert_eq!((held.value, held.qualifier), (1265.0, "exact"));
    assert_eq!(held.as_of.as_deref(), Some("2024-11-01"));
    let recognized = figure(&x, "recognized_total");
    assert_eq!(
        (recognized.value, recognized.qualifier),
        (6500.0, "more_than")
    );
    assert_eq!(x.figures.len(), 2, "{:#?}", x.figures);
    ignored_as(&x, "228", "an article number");
    ignored_as(&x, "2", "an article number");
    not_taken(&x, &[62.0, 37.0, 228.0, 2020.0]);
}

#[test]
fn official_release_in_venezuela() {
    let x = read(
        include_str!("../../../../tests/reports/official-release-venezuela.txt"),
        "2023-12-23",
    );
    assert_eq!(x.announcements.len(), 1);
    let a = &x.announcements[0];
    assert_eq!(
        (a.kind, a.total, a.date.as_deref()),
        ("release", 104, Some("2023-12-23"))
    );
    assert_eq!(a.country.as_deref(), Some("VE"));
    assert_eq!(a.names_disclosed, Some(false));
    assert_eq!(a.issuer.as_deref(), Some("Ministry"));
    assert_eq!(a.claims.len(), 1, "{:#?}", a.claims);
    assert!(a.claims[0].starts_with("These measures demonstrate"));
    let held = figure(&x, "political_prisoners_held");
    assert_eq!(
        (held.value, held.qualifier, held.country.as_deref()),
        (260.0, "at_least", Some("VE"))
    );
}

#[test]
fn amnesty_wire_from_myanmar() {
    let x = read(
        include_str!("../../../../tests/reports/wire-amnesty-myanmar.txt"),
        "2024-07-18",
    );
    assert_eq!(x.announcements.len(), 1);
    let a = &x.announcements[0];
    assert_eq!((a.kind, a.total), ("amnesty", 9652));
    assert_eq!(a.country.as_deref(), Some("MM"));
    assert_eq!(a.breakdown, breakdown(&[("foreigners", 114)]));
    assert_eq!(a.issuer.as_deref(), Some("Myanmar's junta"));
    let held = figure(&x, "political_prisoners_held");
    assert_eq!((held.value, held.qualifier), (20000.0, "more_than"));
    ignored_as(&x, "1 February 2021", "part of a date");
}

#[test]
fn dates_ages_articles_and_money_are_not_counts() {
    let x = read(
        include_str!("../../../../tests/reports/monitor-post-no-counts.txt"),
        "2024-10-01",
    );
    assert!(x.announcements.is_empty(), "{:#?}", x.announcements);
    assert!(x.figures.is_empty(), "{:#?}", x.figures);
    ignored_as(&x, "68", "no known pattern");
    ignored_as(&x, "14", "an age or a term");
    ignored_as(&x, "293", "an article number");
    ignored_as(&x, "342", "an article number");
    ignored_as(&x, "55", "an age");
    ignored_as(&x, "9 February 2023", "part of a date");
    ignored_as(&x, "12 March", "part of a date");
    ignored_as(&x, "3", "an age or a term");
    ignored_as(&x, "500", "an amount of money");
}

#[test]
fn prisoner_exchange() {
    let x = read(
        include_str!("../../../../tests/reports/wire-exchange-russia.txt"),
        "2024-08-02",
    );
    assert_eq!(x.announcements.len(), 1, "{:#?}", x.announcements);
    let a = &x.announcements[0];
    assert_eq!(
        (a.kind, a.total, a.date.as_deref()),
        ("exchange", 16, Some("2024-08-01"))
    );
    assert_eq!(a.country.as_deref(), Some("RU"));
    assert!(a.breakdown.is_empty());
    let held = figure(&x, "political_prisoners_held");
    assert_eq!((held.value, held.qualifier), (770.0, "at_least"));
    not_taken(&x, &[5.0, 25.0]);
}

#[test]
fn numbers_in_words() {
    let x = read(
        include_str!("../../../../tests/reports/official-pardon-words.txt"),
        "2024-11-20",
    );
    assert_eq!(x.announcements.len(), 1);
    let a = &x.announcements[0];
    assert_eq!((a.kind, a.total), ("pardon", 23));
    assert_eq!(
        a.breakdown,
        breakdown(&[
            ("women", 9),
            ("men", 14),
            ("pensioners", 5),
            ("disabled", 2)
        ])
    );
    assert_eq!(
        a.claims,
        ["They have all admitted their guilt and asked for forgiveness"]
    );
}

#[test]
fn running_total_and_wave_ordinal() {
    let x = read(
        include_str!("../../../../tests/reports/wire-running-total.txt"),
        "2024-11-20",
    );
    assert_eq!(x.announcements.len(), 1);
    assert_eq!(x.announcements[0].total, 14);
    assert_eq!(figure(&x, "pardon_waves_year").value, 6.0);
    assert_eq!(figure(&x, "pardoned_total_year").value, 149.0);
    let held = figure(&x, "political_prisoners_held");
    assert_eq!((held.value, held.qualifier), (1300.0, "approximately"));
}

#[test]
fn ratio_in_a_monitors_post() {
    let x = read(
        include_str!("../../../../tests/reports/monitor-post-ratio.txt"),
        "2024-10-31",
    );
    assert!(x.announcements.is_empty(), "{:#?}", x.announcements);
    let ratio = figure(&x, "ratio_imprisoned_to_released");
    assert_eq!(ratio.value, 3.0);
    assert_eq!(x.figures.len(), 1, "{:#?}", x.figures);
    assert!(
        x.claims.is_empty(),
        "a monitor is not an official source: {:#?}",
        x.claims
    );
}

#[test]
fn iso_dates_and_reported_proportions() {
    let x = read(
        include_str!("../../../../tests/reports/statement-iso-date.txt"),
        "2024-11-21",
    );
    assert_eq!(x.announcements.len(), 1);
    let a = &x.announcements[0];
    assert_eq!((a.total, a.date.as_deref()), (14, Some("2024-11-20")));
    assert_eq!(a.breakdown, breakdown(&[("women", 7)]));
    assert_eq!(a.claims, ["More than half of them had chronic illnesses"]);
    not_taken(&x, &[2024.0, 11.0, 20.0]);
}

#[test]
fn proportions_read() {
    let p = proportion("More than half of them had disabilities and chronic illnesses").unwrap();
    assert_eq!(p.compare, Compare::MoreThan(0.5));
    assert_eq!(p.keys, ["disabled", "chronic_illness"]);
    assert!(p.both);
    let p = proportion("a third were women or pensioners").unwrap();
    assert_eq!(p.compare, Compare::About(1.0 / 3.0));
    assert!(!p.both);
    assert_eq!(
        proportion("two thirds were under 25").unwrap().keys,
        ["under_25"]
    );
    assert!(proportion("All of those released repented").is_none());
    assert!(Compare::MoreThan(0.5).holds(15, 29));
    assert!(!Compare::MoreThan(0.5).holds(14, 29));
}

/// The ids of the records proposed from `text`, read with the seed's date and source.
fn proposed_ids(text: &str) -> Vec<String> {
    let x = read(text, "2024-12-09");
    let source = SourceInfo {
        publisher: Some("RFE/RL".into()),
        url: None,
        date: Some("2024-12-09".into()),
    };
    proposed_records(text, &x, &source)
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_same_report_in_another_form_proposes_the_same_records() {
    use unicode_normalization::UnicodeNormalization;
    let seed = include_str!("../../../../tests/reports/belarus-pardons-article.txt");
    // Accented letters, so NFC and NFD differ (the seed itself is ASCII).
    let text = format!("{seed}\nAlès Bialiatski’s colleagues at Viasna — Naŭma — said so.\n");
    assert_ne!(
        text.nfd().collect::<String>(),
        text,
        "the NFD form must differ"
    );
    let source = SourceInfo {
        publisher: Some("RFE/RL".into()),
        url: None,
        date: Some("2024-12-09".into()),
    };
    let records = |t: &str| proposed_records(t, &read(t, "2024-12-09"), &source).unwrap();
    let lf = records(&text);
    assert!(lf.len() > 2, "{lf:#?}");
    for (how, variant) in [
        ("CRLF, as a browser sends it", text.replace('\n', "\r\n")),
        ("CR alone", text.replace('\n', "\r")),
        ("NFD", text.nfd().collect()),
        ("a byte order mark", format!("\u{feff}{text}")),
        ("trailing spaces and tabs", text.replace('\n', " \t\n")),
        (
            "leading space and blank lines",
            format!("\n\n  {}\n\n", text.replace('\n', "\n\n")),
        ),
        (
            "runs of spaces and a no-break space",
            text.replace(' ', "  ").replacen("  ", "\u{a0}", 3),
        ),
    ] {
        // Not only the ids: every field, so storing it again is "unchanged", not a conflict.
        assert_eq!(records(&variant), lf, "{how}");
    }
    assert_eq!(normalise(&text.replace('\n', "\r\n")), normalise(&text));
    assert_eq!(normalise(" a \t b\r\n\r\n\u{2028}c  "), "a b\nc");
}

#[test]
fn a_different_report_proposes_different_ids() {
    let seed = include_str!("../../../../tests/reports/belarus-pardons-article.txt");
    let ids = proposed_ids(seed);
    // One word changed, the numbers read the same.
    let other = seed.replacen("Belarus", "Belarus's", 1);
    assert_ne!(other, seed);
    let other_ids = proposed_ids(&other);
    assert_eq!(ids.len(), other_ids.len());
    for (a, b) in ids.iter().zip(&other_ids) {
        assert_ne!(a, b);
    }
    // Line breaks are kept: sentences do not cross lines.
    assert_ne!(normalise("a\nb"), normalise("a b"));
}
