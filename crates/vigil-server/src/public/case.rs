//! The person page's case facts: expected release, where the person is held and was
//! held before, conditions, each organisation's recognition (its date, ex post facto,
//! its withdrawal) and, for a public person who consents, the address to write to
//! (`vigil_core::support::person_case`); and a verdict's appeal as the timeline says it.

use maud::{html, Markup};
use serde_json::Value;
use vigil_core::access::Audience;
use vigil_core::registry::{Recognition, Registry, UNNAMED};
use vigil_core::support::{person_case, PersonCase};

use super::names::reader_name;
use super::persons::org_label;
use crate::i18n::Tr;
use crate::today;

/// A place's name in the reader's language (its id when it has none).
pub(crate) fn place_name(tr: &Tr, reg: &Registry, id: &str) -> String {
    let Some(place) = reg.place(id) else {
        return id.to_string();
    };
    let names: Vec<(&str, &str)> = place
        .names
        .iter()
        .map(|n| (n.text.as_str(), n.lang.as_deref().unwrap_or("")))
        .collect();
    reader_name(tr.lang, &names, false).map_or_else(|| id.to_string(), |n| n.text)
}

/// The `dt`/`dd` pairs of person `ix`'s case, for the page's facts list.
pub(crate) fn facts(tr: &Tr, reg: &Registry, ix: u32) -> Markup {
    let c: PersonCase = person_case(reg, ix, today(), Audience::Public);
    let where_now = |c: &PersonCase| match (c.whereabouts, &c.place) {
        (Some("place"), Some(p)) => place_name(tr, reg, p),
        (Some(w), _) => tr.term("whereabouts", w),
        (None, _) => String::new(),
    };
    html! {
        @if let Some(r) = &c.expected_release {
            dt { (tr.t("fact-expected_release")) }
            dd.release {
                @if r.earliest == r.latest { (tr.day_text(&r.earliest)) }
                @else { (tr.with("release-between", &[("earliest", tr.day_text(&r.earliest).into()), ("latest", tr.day_text(&r.latest).into())])) }
            }
        }
        @if c.whereabouts.is_some() {
            dt { (tr.t("fact-place")) }
            dd.place { (where_now(&c)) }
        }
        @if c.custody.len() > 1 {
            dt { (tr.t("fact-custody")) }
            dd { ol.custody { @for s in &c.custody {
                li { (tr.day_text(&s.from)) " — " (match &s.place { Some(p) => place_name(tr, reg, p), None => tr.term("whereabouts", s.status) }) }
            } } }
        }
        @if let Some(l) = &c.letters {
            dt { (tr.t("fact-letters")) }
            dd.letters { @if let Some(name) = &l.name { (name) br; } (l.address) }
        }
        // Each organisation's recognition, with its date, whether it came after the
        // release, and its withdrawal; one that names no organisation says nothing here.
        @let recs: Vec<&Recognition> = c.recognitions.iter().filter(|r| r.by != UNNAMED).collect();
        @if !recs.is_empty() {
            dt { (tr.t("fact-recognized_by")) }
            dd { ul.recognitions { @for r in &recs {
                li {
                    (org_label(tr, &r.by)) ": " (tr.day_text(&r.since))
                    @if r.ex_post_facto { " (" (tr.t("recognition-ex-post-facto")) ")" }
                    @if let Some(w) = &r.withdrawn { "; " (tr.with("recognition-withdrawn", &[("date", tr.day_text(w).into())])) }
                }
            } } }
        }
        @if !c.conditions.is_empty() {
            dt { (tr.t("fact-conditions")) }
            dd {
                @for (k, since) in &c.conditions { (tr.term("condition", k)) " (" (tr.day_text(since)) "); " }
                @if let Some(n) = c.days_without_news { (tr.count("days-without-news", i64::from(n))) }
            }
        }
    }
}

/// A verdict's appeal (`details.appeal`) in the reader's language: the outcome (with the
/// term, and the regime, after it when it changed the term), the ruling's date, the court.
pub(crate) fn appeal_words(tr: &Tr, a: &Value) -> String {
    let outcome = a["outcome"].as_str().unwrap_or("pending");
    let mut words = tr.term("appeal-outcome", outcome);
    if let Some(n) = a["term_months"].as_i64() {
        let mut term = tr.count("term-months", n);
        if let Some(r) = a["regime"].as_str() {
            term = format!("{term}, {}", tr.term("regime", r));
        }
        words = tr.with(
            "appeal-to",
            &[("outcome", words.into()), ("term", term.into())],
        );
    }
    for part in [
        a["date"].as_str().map(|d| tr.day_text(d)),
        a["court"].as_str().map(str::to_string),
    ]
    .into_iter()
    .flatten()
    {
        words.push_str(", ");
        words.push_str(&part);
    }
    words
}
