//! `vigil extract` measured on real reports (tests/reports/real/): each text as its
//! publisher printed it (trimmed to the article), with a hand annotation beside it
//! (`NAME.json`: the announcements it states, their breakdowns, the figures and the
//! official claims). Prints precision and recall per field and language, and asserts the
//! thresholds issue 18 sets. Run with
//! `cargo test -p vigil-core --test real_reports -- --nocapture` to see the table.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use vigil_core::extract::{extract, Extraction, Options};

#[derive(Debug, Deserialize)]
struct GoldAnnouncement {
    kind: String,
    date: String,
    total: u32,
    main: bool,
    #[serde(default)]
    breakdown: BTreeMap<String, u32>,
    /// The country the announcement is about, as the text says it; `null` when the
    /// text does not say (then nothing should be proposed: the editor sets it).
    #[serde(deserialize_with = "Option::deserialize")]
    country: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldFigure {
    metric: String,
    value: f64,
}

#[derive(Debug, Deserialize)]
struct Gold {
    announcements: Vec<GoldAnnouncement>,
    figures: Vec<GoldFigure>,
    claims: Vec<String>,
    /// The text states an act with no count ("dozens were freed"): nothing to propose.
    #[serde(default)]
    countless: bool,
    /// The text is in a language vigil does not read.
    #[serde(default)]
    language_not_read: bool,
}

struct Text {
    name: String,
    language: String,
    body: String,
    published: String,
    gold: Gold,
}

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/reports")
        .join(name)
}

fn texts(name: &str) -> Vec<Text> {
    let mut out = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir(name))
        .expect("tests/reports/…")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for path in names {
        let raw = std::fs::read_to_string(&path).unwrap();
        let mut header = BTreeMap::new();
        let mut body = String::new();
        for line in raw.lines() {
            if body.is_empty() {
                if let Some(h) = line.strip_prefix("# ") {
                    if let Some((k, v)) = h.split_once(": ") {
                        header.insert(k.to_string(), v.trim().to_string());
                        continue;
                    }
                }
            }
            body.push_str(line);
            body.push('\n');
        }
        let gold_path = path.with_extension("json");
        let gold: Gold = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        for key in ["source", "publisher", "published", "language"] {
            assert!(
                header.contains_key(key),
                "{}: no {key} in the header",
                path.display()
            );
        }
        out.push(Text {
            name: path.file_stem().unwrap().to_string_lossy().into_owned(),
            language: header["language"].clone(),
            published: header["published"].clone(),
            body,
            gold,
        });
    }
    out
}

fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A proposed claim states a gold claim when it holds most of its words.
fn states(proposed: &str, gold: &str) -> bool {
    let p = words(proposed);
    let g = words(gold);
    if g.is_empty() {
        return false;
    }
    let shared = g.iter().filter(|w| p.contains(w)).count();
    let covers = shared as f64 / g.len() as f64;
    let tight = shared as f64 / p.len().max(1) as f64;
    covers >= 0.6 && tight >= 0.4
}

fn same_metric(a: &str, b: &str) -> bool {
    a == b || (a.starts_with("pardoned_total") && b.starts_with("pardoned_total"))
}

#[derive(Default, Clone, Copy)]
struct Ratio {
    hit: usize,
    of: usize,
}

impl Ratio {
    fn add(&mut self, hit: bool) {
        self.of += 1;
        self.hit += usize::from(hit);
    }
    fn value(self) -> f64 {
        if self.of == 0 {
            1.0
        } else {
            self.hit as f64 / self.of as f64
        }
    }
    fn show(self) -> String {
        format!("{:.2} ({}/{})", self.value(), self.hit, self.of)
    }
}

#[derive(Default)]
struct Score {
    announcement_precision: Ratio,
    main_recall: BTreeMap<String, Ratio>,
    any_recall: Ratio,
    kind: Ratio,
    country: Ratio,
    cell_recall: Ratio,
    cell_precision: Ratio,
    figure_recall: Ratio,
    figure_precision: Ratio,
    claim_recall: Ratio,
    claim_precision: Ratio,
    nothing_when_none: Ratio,
    language_said: Ratio,
    failures: Vec<String>,
}

// Text, extraction, score, gold, …: the names the measure reads by.
#[allow(clippy::many_single_char_names)]
fn score_text(t: &Text, x: &Extraction, s: &mut Score) {
    let g = &t.gold;
    if g.language_not_read {
        let said =
            x.announcements.is_empty() && x.notes.contains(&vigil_core::extract::Note::NotRead);
        s.language_said.add(said);
        if !said {
            s.failures
                .push(format!("{}: unread language not said", t.name));
        }
        return;
    }
    // Announcements: each gold one matched at most once, by total and date.
    let mut used = vec![false; g.announcements.len()];
    for a in &x.announcements {
        let m = g.announcements.iter().enumerate().position(|(i, ga)| {
            !used[i] && ga.total == a.total && a.date.as_deref() == Some(ga.date.as_str())
        });
        s.announcement_precision.add(m.is_some());
        let Some(i) = m else {
            s.failures.push(format!(
                "{}: proposed {} of {} on {:?} is not stated so",
                t.name, a.kind, a.total, a.date
            ));
            continue;
        };
        used[i] = true;
        let ga = &g.announcements[i];
        s.kind.add(a.kind == ga.kind);
        if a.kind != ga.kind {
            s.failures.push(format!(
                "{}: the {} of {} read as {}",
                t.name, ga.kind, ga.total, a.kind
            ));
        }
        let country_ok = a.country == ga.country;
        s.country.add(country_ok);
        if !country_ok {
            s.failures.push(format!(
                "{}: the country of the {} of {} read as {:?}, not {:?}",
                t.name, ga.kind, ga.total, a.country, ga.country
            ));
        }
        for (k, v) in &ga.breakdown {
            let ok = a.breakdown.get(k) == Some(v);
            s.cell_recall.add(ok);
            if !ok {
                s.failures.push(format!(
                    "{}: breakdown {k}={v} of the {} missed (got {:?})",
                    t.name,
                    ga.total,
                    a.breakdown.get(k)
                ));
            }
        }
        for (k, v) in &a.breakdown {
            let ok = ga.breakdown.get(k) == Some(v);
            s.cell_precision.add(ok);
            if !ok {
                s.failures
                    .push(format!("{}: breakdown {k}={v} is not stated", t.name));
            }
        }
    }
    for (i, ga) in g.announcements.iter().enumerate() {
        s.any_recall.add(used[i]);
        if ga.main {
            s.main_recall
                .entry(t.language.clone())
                .or_default()
                .add(used[i]);
        }
        if !used[i] {
            s.failures.push(format!(
                "{}: {} of {} on {} missed{}",
                t.name,
                ga.kind,
                ga.total,
                ga.date,
                if ga.main { " (main)" } else { "" }
            ));
        }
    }
    if g.announcements.is_empty() {
        s.nothing_when_none.add(x.announcements.is_empty());
    }
    let _ = g.countless;
    for gf in &g.figures {
        let ok = x
            .figures
            .iter()
            .any(|f| same_metric(&f.metric, &gf.metric) && (f.value - gf.value).abs() < 1e-9);
        s.figure_recall.add(ok);
        if !ok {
            s.failures.push(format!(
                "{}: figure {} {} missed",
                t.name, gf.metric, gf.value
            ));
        }
    }
    for f in &x.figures {
        let ok = g
            .figures
            .iter()
            .any(|gf| same_metric(&f.metric, &gf.metric) && (f.value - gf.value).abs() < 1e-9);
        s.figure_precision.add(ok);
        if !ok {
            s.failures.push(format!(
                "{}: figure {} {} is not stated so",
                t.name, f.metric, f.value
            ));
        }
    }
    for gc in &g.claims {
        let ok = x.claims.iter().any(|c| states(c, gc));
        s.claim_recall.add(ok);
        if !ok {
            s.failures.push(format!("{}: claim missed: {gc}", t.name));
        }
    }
    for c in &x.claims {
        let ok = g.claims.iter().any(|gc| states(c, gc));
        s.claim_precision.add(ok);
        if !ok {
            s.failures
                .push(format!("{}: not an official claim: {c}", t.name));
        }
    }
}

/// Reads every text of `set` (a folder of tests/reports/) and prints the table.
fn measure(set: &str) -> (Vec<Text>, Score, bool) {
    let texts = texts(set);
    let mut by_language: BTreeMap<&str, usize> = BTreeMap::new();
    for t in &texts {
        *by_language.entry(t.language.as_str()).or_default() += 1;
    }
    let mut s = Score::default();
    let only: Option<Vec<String>> = std::env::var("VIGIL_REAL_ONLY")
        .ok()
        .map(|v| v.split(',').map(str::to_string).collect());
    for t in &texts {
        if only.as_ref().is_some_and(|o| !o.contains(&t.name)) {
            continue;
        }
        let x = extract(
            &t.body,
            &Options {
                date: Some(t.published.parse().expect("published date")),
                country: None,
            },
        );
        if std::env::var("VIGIL_REAL_SHOW").is_ok_and(|n| t.name.contains(&n)) {
            println!("{}: {:#?}", t.name, x);
        }
        score_text(t, &x, &mut s);
    }
    println!("{set} reports: {} texts {by_language:?}", texts.len());
    println!(
        "announcement precision   {}",
        s.announcement_precision.show()
    );
    for (lang, r) in &s.main_recall {
        println!("main-wave recall [{lang}]    {}", r.show());
    }
    println!("all-wave recall          {}", s.any_recall.show());
    println!("kind (matched)           {}", s.kind.show());
    println!("country (matched)        {}", s.country.show());
    println!("breakdown cells recall   {}", s.cell_recall.show());
    println!("breakdown cells precision {}", s.cell_precision.show());
    println!("figures recall           {}", s.figure_recall.show());
    println!("figures precision        {}", s.figure_precision.show());
    println!("official claims recall   {}", s.claim_recall.show());
    println!("official claims precision {}", s.claim_precision.show());
    println!(
        "nothing proposed when none stated {}",
        s.nothing_when_none.show()
    );
    println!("unread language said     {}", s.language_said.show());
    if std::env::var_os("VIGIL_REAL_FAILURES").is_some() {
        for f in &s.failures {
            println!("  {f}");
        }
    }
    (texts, s, only.is_some())
}

/// The held-out texts (tests/reports/heldout/): collected after the country reading was
/// written and read once, never tuned on. Printed, not asserted: they estimate how the
/// reading does on texts it has not seen.
#[test]
fn held_out_reports_are_read() {
    let (texts, _, _) = measure("heldout");
    assert!(!texts.is_empty());
}

#[test]
fn real_reports_are_read() {
    let (texts, s, only) = measure("real");
    let mut by_language: BTreeMap<&str, usize> = BTreeMap::new();
    for t in &texts {
        *by_language.entry(t.language.as_str()).or_default() += 1;
    }
    assert!(texts.len() >= 25, "{} texts", texts.len());
    assert!(
        by_language.get("ru").copied().unwrap_or(0) + by_language.get("be").copied().unwrap_or(0)
            >= 8
    );
    if only {
        return;
    }
    // Issue 18's thresholds, on the whole set.
    let at_least = |what: &str, r: Ratio, min: f64| {
        assert!(
            r.value() >= min,
            "{what} {} is below {min} (VIGIL_REAL_FAILURES=1 lists the misses)",
            r.show()
        );
    };
    at_least("announcement precision", s.announcement_precision, 0.90);
    for lang in ["en", "ru", "be"] {
        let r = s.main_recall.get(lang).copied().unwrap_or_default();
        assert!(r.of > 0, "no main wave in {lang}");
        at_least(&format!("main-wave recall [{lang}]"), r, 0.95);
    }
    at_least("country (matched)", s.country, 0.90);
    at_least("breakdown cells recall", s.cell_recall, 0.90);
    at_least("breakdown cells precision", s.cell_precision, 0.90);
    at_least("figures recall", s.figure_recall, 0.80);
    at_least("official claims recall", s.claim_recall, 0.70);
    at_least("official claims precision", s.claim_precision, 0.70);
    assert_eq!(
        s.nothing_when_none.hit, s.nothing_when_none.of,
        "a text that states no announcement gave one"
    );
    at_least("unread language said", s.language_said, 1.0);
}
