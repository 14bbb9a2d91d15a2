//! The paste page's proposals as an editor reads and corrects them: each announcement and
//! figure in words (kind, count, date, country, issuer, breakdown, official claims, the
//! sentence it was read from), the reading's notes and the numbers it did not take, as
//! `vigil extract` prints them; each proposal with a box to leave it out and its number,
//! date and country editable; and a warning, with a link, when an announcement like it
//! (same country and kind, within a few days, a similar count) is already stored.

use std::collections::HashMap;

use maud::{html, Markup};
use serde_json::Value;
use vigil_core::date::PartialDate;
use vigil_core::extract::{Extraction, Note};
use vigil_core::record::Announcement;
use vigil_i18n::Arg;

use crate::i18n::Tr;

/// Days apart, and how far the counts may differ, for "an announcement like it".
const NEAR_DAYS: i64 = 7;

/// The stored announcements like a proposed one: same country and kind, within
/// [`NEAR_DAYS`], a count within a fifth (or 3) of it.
pub(crate) fn similar<'a>(proposed: &Value, stored: &'a [Announcement]) -> Vec<&'a Announcement> {
    let Some(date) = proposed["date"]
        .as_str()
        .and_then(|d| d.parse::<PartialDate>().ok())
    else {
        return Vec::new();
    };
    let total = proposed["total"].as_u64();
    stored
        .iter()
        .filter(|a| {
            a.kind.as_str() == proposed["kind"].as_str().unwrap_or_default()
                && a.country.as_deref().map(str::to_ascii_uppercase)
                    == proposed["country"].as_str().map(str::to_ascii_uppercase)
                && crate::edit::forms::days_apart(a, date) <= NEAR_DAYS
                && match (a.total, total) {
                    (Some(x), Some(y)) => {
                        let (x, y) = (u64::from(x), y);
                        x.abs_diff(y) <= 3.max(x.max(y) / 5)
                    }
                    _ => true,
                }
        })
        .collect()
}

/// One proposal's editable fields and its words.
fn proposal(
    tr: &Tr,
    i: usize,
    r: &Value,
    x: &Extraction,
    nth: usize,
    stored: &[Announcement],
) -> Markup {
    let rtype = r["type"].as_str().unwrap_or_default();
    let v = |k: &str| match &r[k] {
        Value::String(s) => s.clone(),
        // A whole number read as a float ("1173.0") is written as the whole number.
        Value::Number(n) => n
            .as_i64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 9e15)
                    .map(|f| f as i64)
            })
            .map_or_else(|| n.to_string(), |i| i.to_string()),
        _ => String::new(),
    };
    let (number_key, number_label, date_key) = if rtype == "figure" {
        ("value", tr.t("field-value"), "as_of")
    } else {
        ("total", tr.t("field-total"), "date")
    };
    let evidence = if rtype == "figure" {
        x.figures.get(nth).map(|f| f.evidence.clone())
    } else {
        x.announcements.get(nth).map(|a| a.evidence.clone())
    };
    let like = if rtype == "announcement" {
        similar(r, stored)
    } else {
        Vec::new()
    };
    let field = |k: &str| format!("proposal-{i}-{k}");
    html! {
        fieldset.proposal id={ "proposal-" (i) } {
            legend {
                @if rtype == "announcement" {
                    (tr.term("announcement-kind", &v("kind"))) ": " (tr.count("count-persons", r["total"].as_i64().unwrap_or(0)))
                } @else {
                    (tr.t("extract-figure")) ": " (tr.term("metric", &v("metric"))) " " (v("value"))
                }
            }
            label.check { input type="checkbox" name={ "keep." (i) } checked; " " (tr.t("extract-keep")) }
            @if let Some(b) = r["breakdown"].as_object().filter(|b| !b.is_empty()) {
                p { (tr.t("field-breakdown")) ": "
                    (b.iter().map(|(k, n)| format!("{} {}", tr.term("breakdown", k), n.as_i64().map_or_else(|| n.to_string(), |n| tr.num(n)))).collect::<Vec<_>>().join(", ")) }
            }
            @if let Some(issuer) = r["issuer"].as_str() { p { (tr.t("field-issuer")) ": " (issuer) } }
            @if let Some(claims) = r["claims"].as_array().filter(|c| !c.is_empty()) {
                ul { @for c in claims { li { (tr.t("extract-claims")) ": " (c.as_str().unwrap_or_default()) } } }
            }
            @if let Some(e) = evidence { blockquote { (e) } }
            div.field {
                label for=(field(number_key)) { (number_label) }
                input type="text" inputmode="decimal" id=(field(number_key)) name={ (number_key) "." (i) } value=(v(number_key));
            }
            div.field {
                label for=(field(date_key)) { (tr.t("field-date")) }
                input type="text" id=(field(date_key)) name={ "date." (i) } value=(v(date_key)) placeholder=(tr.t("hint-date"));
            }
            div.field {
                label for=(field("country")) { (tr.t("field-country")) }
                input type="text" id=(field("country")) name={ "country." (i) } value=(v("country"));
            }
            @for a in like {
                p.warning.similar role="status" {
                    (tr.with("extract-similar", &[
                        ("date", Arg::Text(tr.date(a.date))),
                        ("n", Arg::Count(a.total.map_or(0, i64::from))),
                    ])) " "
                    a href={ "/edit/form/announcement/" (a.id) } { (tr.t("extract-similar-open")) }
                }
            }
        }
    }
}

/// A note on the reading in the reader's language.
fn note(tr: &Tr, n: &Note) -> String {
    let words = |kind: &str, total: &u32| {
        vec![
            ("kind", Arg::Text(tr.term("announcement-kind", kind))),
            ("total", Arg::Text(tr.num(i64::from(*total)))),
        ]
    };
    match n {
        Note::NotRead => tr.t("extract-language-not-read"),
        Note::Undated {
            kind,
            total,
            date: Some(d),
        } => {
            let mut args = words(kind, total);
            args.push(("date", Arg::Text(tr.day_text(d))));
            tr.with("extract-note-undated", &args)
        }
        Note::Undated {
            kind,
            total,
            date: None,
        } => tr.with("extract-note-undated-none", &words(kind, total)),
        Note::NoCountry { kind, total } => tr.with("extract-note-no-country", &words(kind, total)),
    }
}

/// The proposals shown before confirming: the editable ones, the notes, what was not taken.
pub(crate) fn shown(tr: &Tr, records: &[Value], x: &Extraction, stored: &[Announcement]) -> Markup {
    let mut nth: HashMap<&str, usize> = HashMap::new();
    html! {
        input type="hidden" name="proposals.shown" value="1";
        @for (i, r) in records.iter().enumerate() {
            @let t = r["type"].as_str().unwrap_or_default();
            @if t == "announcement" || t == "figure" {
                @let k = { let e = nth.entry(t).or_insert(0); *e += 1; *e - 1 };
                (proposal(tr, i, r, x, k, stored))
            }
        }
        @if !x.notes.is_empty() {
            h2 { (tr.t("extract-notes")) }
            ul.notes { @for n in &x.notes { li { (note(tr, n)) } } }
        }
        @if !x.ignored.is_empty() {
            h2 { (tr.t("extract-not-taken")) }
            ul.ignored { @for n in &x.ignored { li { (n.number) " (" (n.why) ")" } } }
        }
    }
}

/// The proposals as the editor left them: unticked ones out (and the source with them
/// when nothing cites it), the numbers, dates and countries as edited. An edit that is
/// not a number or a date is refused, naming the proposal and the field.
pub(crate) fn edited(
    tr: &Tr,
    records: Vec<Value>,
    f: &HashMap<String, String>,
) -> Result<Vec<Value>, String> {
    if !f.contains_key("proposals.shown") {
        return Ok(records);
    }
    let mut kept = Vec::new();
    for (i, mut r) in records.into_iter().enumerate() {
        let t = r["type"].as_str().unwrap_or_default().to_string();
        if t != "announcement" && t != "figure" {
            kept.push(r);
            continue;
        }
        if !f.contains_key(&format!("keep.{i}")) {
            continue;
        }
        let bad = |field: &str, value: &str| {
            tr.with(
                "extract-bad-edit",
                &[
                    ("n", Arg::Count(i64::try_from(i).unwrap_or(0))),
                    ("field", Arg::Text(field.to_string())),
                    ("value", Arg::Text(value.to_string())),
                ],
            )
        };
        let (number_key, date_key) = if t == "figure" {
            ("value", "as_of")
        } else {
            ("total", "date")
        };
        if let Some(n) = f
            .get(&format!("{number_key}.{i}"))
            .map(|s| s.trim().replace([' ', ','], ""))
        {
            if t == "figure" {
                let v: f64 = n.parse().map_err(|_| bad(&tr.t("field-value"), &n))?;
                r[number_key] = v.into();
            } else {
                let v: u32 = n.parse().map_err(|_| bad(&tr.t("field-total"), &n))?;
                r[number_key] = v.into();
            }
        }
        if let Some(d) = f
            .get(&format!("date.{i}"))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
        {
            let d = vigil_core::sheet::cells::date(&d).map_err(|_| bad(&tr.t("field-date"), &d))?;
            r[date_key] = d.to_string().into();
        }
        if let Some(c) = f
            .get(&format!("country.{i}"))
            .map(|s| s.trim().to_ascii_uppercase())
        {
            if c.is_empty() {
                r.as_object_mut().map(|o| o.remove("country"));
            } else {
                r["country"] = c.into();
            }
        }
        kept.push(r);
    }
    // A source nobody kept cites is left out too.
    let cited: Vec<String> = kept
        .iter()
        .flat_map(|r| r["sources"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s.as_str().map(str::to_string))
        .collect();
    kept.retain(|r| {
        r["type"] != "source"
            || r["id"]
                .as_str()
                .is_some_and(|id| cited.iter().any(|c| c == id))
    });
    if kept.is_empty() {
        return Err(tr.t("extract-none-kept"));
    }
    Ok(kept)
}
