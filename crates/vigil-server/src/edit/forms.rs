//! The editors' forms drawn from `spec`: each field with its label bound to it (`for`),
//! what was typed kept and a wrong field marked (`aria-invalid`, the words beside it),
//! the details of each event kind shown only for that kind (CSS `:has`, no script: every
//! field is there without it), and the pickers: a source chosen from the stored ones or
//! written in place, an announcement chosen from the person's country's ones nearest the
//! date. No id is typed anywhere.

use std::collections::HashMap;

use maud::{html, Markup};
use serde_json::Value;
use vigil_core::date::PartialDate;
use vigil_core::record::Announcement;

pub(crate) use crate::edit::case_inputs::{self, Choices};
use crate::edit::spec::{self, Field, Input};
use crate::i18n::Tr;

/// What a form shows: each field's text (as stored, or as typed when it comes back), and
/// what is wrong with some of them.
#[derive(Default)]
pub(crate) struct Filled {
    pub values: HashMap<String, String>,
    pub problems: HashMap<String, String>,
}

impl Filled {
    /// A stored record (or a new one's skeleton) as the fields of `fields` show it.
    pub(crate) fn of(v: &Value, fields: &[Field]) -> Filled {
        let mut values = HashMap::new();
        for f in fields {
            values.insert(f.key.to_string(), spec::shown(f, v));
        }
        for (i, (t, l)) in spec::name_rows(v).into_iter().enumerate() {
            let (tk, lk) = spec::name_keys(i);
            values.insert(tk, t);
            values.insert(lk, l);
        }
        if let Some(list) = v["sources"].as_array() {
            let ids: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
            values.insert("sources".into(), ids.join(", "));
        }
        if let Some(a) = v["announcement"].as_str() {
            values.insert("announcement".into(), a.to_string());
        }
        for key in spec::BREAKDOWN {
            if let Some(n) = spec::at(v, &spec::breakdown_path(key)) {
                values.insert(format!("breakdown.{key}"), n.to_string());
            }
        }
        for (i, (k, n)) in spec::custom_breakdown(v).into_iter().enumerate() {
            values.insert(format!("custom_key.{i}"), k);
            values.insert(format!("custom_count.{i}"), n);
        }
        Filled {
            values,
            problems: HashMap::new(),
        }
    }

    /// What a post carried, to show it again (boxes as the lists they stand for).
    pub(crate) fn posted(form: &HashMap<String, String>, fields: &[Field]) -> Filled {
        let mut values = form.clone();
        for f in fields {
            if let Some(v) = spec::posted(f, form) {
                values.insert(f.key.to_string(), v);
            }
        }
        Filled {
            values,
            problems: HashMap::new(),
        }
    }

    pub(crate) fn get(&self, k: &str) -> &str {
        self.values.get(k).map_or("", String::as_str)
    }

    pub(crate) fn mark(&mut self, k: &str, words: String) {
        self.problems.insert(k.to_string(), words);
    }
}

/// The countries a form offers: the usual ones and whatever is stored.
const COUNTRIES: &[&str] = &[
    "BY", "RU", "UA", "AZ", "GE", "KZ", "KG", "TJ", "TM", "UZ", "MM", "VE", "CU", "NI", "IR", "CN",
];

fn dom_id(form: &str, key: &str) -> String {
    format!("{form}-{}", key.replace('.', "-"))
}

/// One field, its label bound to it, what is wrong said beside it.
pub(crate) fn field(tr: &Tr, form: &str, f: &Field, filled: &Filled) -> Markup {
    field_in(tr, form, f, filled, &Choices::default())
}

/// `field`, with the stored places and the person's country's articles to pick from.
pub(crate) fn field_in(
    tr: &Tr,
    form: &str,
    f: &Field,
    filled: &Filled,
    choices: &Choices,
) -> Markup {
    let id = dom_id(form, f.key);
    let value = filled.get(f.key);
    let problem = filled.problems.get(f.key);
    let err = format!("{id}-problem");
    let classes = if f.kinds.is_empty() {
        "field".to_string()
    } else {
        let mut c = "field for-kind".to_string();
        for k in f.kinds {
            c.push_str(" for-");
            c.push_str(k);
        }
        c
    };
    let label = (f.label)(tr);
    html! {
        @match f.input {
            Input::Articles => {
                (case_inputs::articles(tr, f, &id, &classes, &label, value, problem.map(|p| (err.as_str(), p.as_str())), choices))
            }
            Input::Destination => {
                div class=(classes) {
                    label for=(id) { (label) }
                    (case_inputs::destination(tr, f, &id, value, problem.is_some().then_some(err.as_str()), choices))
                    @if let Some(p) = problem { span.error id=(err) { (p) } }
                }
            }
            Input::Checks(family, options) => {
                fieldset class=(classes) aria-describedby=[problem.map(|_| err.clone())] {
                    legend { (label) }
                    input type="hidden" name={ (f.key) ".shown" } value="1";
                    @let chosen: Vec<&str> = value.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
                    @let extra: Vec<&str> = chosen.iter().copied().filter(|c| !options.contains(c)).collect();
                    @for o in options.iter().copied().chain(extra.iter().copied()) {
                        label.check {
                            input type="checkbox" name={ (f.key) "." (o) } checked[chosen.contains(&o)];
                            " " (check_word(tr, family, o))
                        }
                    }
                    @if family == "role" {
                        label for={ (id) "-other" } { (tr.t("field-roles-other")) }
                        input type="text" id={ (id) "-other" } name={ (f.key) ".other" } value="";
                    }
                    @if let Some(p) = problem { span.error id=(err) { (p) } }
                }
            }
            Input::Flag => {
                div class=(classes) {
                    input type="hidden" name={ (f.key) ".shown" } value="1";
                    label.check for=(id) {
                        input type="checkbox" id=(id) name=(f.key) checked[!value.is_empty()];
                        " " (label)
                    }
                }
            }
            _ => {
                div class=(classes) {
                    label for=(id) { (label) }
                    (control(tr, f, &id, value, problem.is_some().then_some(err.as_str())))
                    @if let Some(p) = problem { span.error id=(err) { (p) } }
                }
            }
        }
    }
}

fn check_word(tr: &Tr, family: &str, value: &str) -> String {
    match (family, value) {
        ("health", "none") => tr.t("health-none"),
        (f, v) => tr.term(f, v),
    }
}

fn control(tr: &Tr, f: &Field, id: &str, value: &str, err: Option<&str>) -> Markup {
    let invalid = err.map(|_| "true");
    match f.input {
        Input::Choice(family, options) => {
            let extra = (!value.is_empty() && !options.contains(&value)).then_some(value);
            html! {
                select id=(id) name=(f.key) aria-invalid=[invalid] aria-describedby=[err] {
                    @if family != "event-kind" && family != "announcement-kind" && family != "qualifier" && family != "visibility" {
                        option value="" { (tr.t("choice-none")) }
                    }
                    @for o in options.iter().copied().chain(extra) {
                        option value=(o) selected[value == o] { (choice_word(tr, family, o)) }
                    }
                }
            }
        }
        Input::Country => {
            let extra = (!value.is_empty() && !COUNTRIES.contains(&value)).then_some(value);
            html! {
                select id=(id) name=(f.key) aria-invalid=[invalid] aria-describedby=[err] {
                    option value="" { (tr.t("choice-none")) }
                    @for c in COUNTRIES.iter().copied().chain(extra) {
                        option value=(c) selected[value == c] { (tr.term("country", c)) }
                    }
                }
            }
        }
        Input::Lines => html! {
            textarea id=(id) name=(f.key) rows="3" aria-invalid=[invalid] aria-describedby=[err] { (value) }
        },
        Input::Date => html! {
            input type="text" id=(id) name=(f.key) value=(value) inputmode="numeric"
                placeholder=(tr.t("hint-partial-date")) aria-invalid=[invalid] aria-describedby=[err];
        },
        Input::Count | Input::Number => html! {
            input type="text" id=(id) name=(f.key) value=(value) inputmode="decimal" aria-invalid=[invalid] aria-describedby=[err];
        },
        Input::Coordinates => html! {
            input type="text" id=(id) name=(f.key) value=(value) inputmode="decimal" placeholder=(tr.t("hint-coordinates")) aria-invalid=[invalid] aria-describedby=[err];
        },
        Input::Term => html! {
            input type="text" id=(id) name=(f.key) value=(value) placeholder=(tr.t("hint-term")) aria-invalid=[invalid] aria-describedby=[err];
        },
        _ => html! {
            input type="text" id=(id) name=(f.key) value=(value) aria-invalid=[invalid] aria-describedby=[err];
        },
    }
}

fn choice_word(tr: &Tr, family: &str, value: &str) -> String {
    match family {
        "qualifier" if value == "exact" => tr.t("qualifier-exact-word"),
        _ => tr.term(family, value),
    }
}

/// The name rows: each name's text and its language (which says its script).
pub(crate) fn names(tr: &Tr, form: &str, filled: &Filled, rows: usize) -> Markup {
    html! {
        fieldset.names {
            legend { (tr.t("field-names")) }
            @for i in 0..rows {
                @let (tk, lk) = spec::name_keys(i);
                @let (tid, lid) = (dom_id(form, &tk), dom_id(form, &lk));
                @let lang = filled.get(&lk);
                @let problem = filled.problems.get(&tk);
                div.name-row {
                    div.field {
                        label for=(tid) { (tr.with("field-name-n", &[("n", vigil_i18n::Arg::Count(i as i64 + 1))])) }
                        input type="text" id=(tid) name=(tk) value=(filled.get(&tk)) required[i == 0]
                            aria-invalid=[problem.map(|_| "true")];
                        @if let Some(p) = problem { span.error { (p) } }
                    }
                    div.field {
                        label for=(lid) { (tr.t("field-name-lang")) }
                        select id=(lid) name=(lk) {
                            option value="" { (tr.t("name-lang-unknown")) }
                            @for l in spec::NAME_LANGS.iter().copied().chain((!lang.is_empty() && !spec::NAME_LANGS.contains(&lang)).then_some(lang)) {
                                option value=(l) selected[lang == l] { (lang_word(tr, l)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn lang_word(tr: &Tr, l: &str) -> String {
    match l {
        "be" => tr.t("name-lang-be"),
        "ru" => tr.t("name-lang-ru"),
        "be-Latn" => tr.t("name-lang-be-latn"),
        "en" => tr.t("name-lang-en"),
        "uk" => tr.t("name-lang-uk"),
        other => other.to_string(),
    }
}

/// A stored source as a picker shows it: publisher, title, date.
pub(crate) struct SourceChoice {
    pub id: String,
    pub words: String,
}

/// Reads a stored source's words for a picker.
pub(crate) fn source_choice(body: &str) -> Option<SourceChoice> {
    let v: Value = serde_json::from_str(body).ok()?;
    let id = v["id"].as_str()?.to_string();
    let mut words: Vec<&str> = Vec::new();
    for k in ["publisher", "title", "published"] {
        if let Some(s) = v[k].as_str().filter(|s| !s.is_empty()) {
            words.push(s);
        }
    }
    let words = if words.is_empty() {
        v["url"].as_str().unwrap_or(&id).to_string()
    } else {
        words.join(" — ")
    };
    Some(SourceChoice { id, words })
}

/// The sources picker: the record's sources as boxes (untick to drop one), one more from
/// the stored sources typed into a box with their list (`pick`), or a new one written in
/// place.
pub(crate) fn sources(tr: &Tr, form: &str, filled: &Filled, stored: &[SourceChoice]) -> Markup {
    let chosen: Vec<&str> = filled
        .get("sources")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let word = |id: &str| {
        stored
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| s.words.clone())
    };
    let add = dom_id(form, "sources-add");
    let choices: Vec<(String, String)> = stored
        .iter()
        .filter(|s| !chosen.contains(&s.id.as_str()))
        .map(|s| (s.id.clone(), s.words.clone()))
        .collect();
    html! {
        fieldset.sources {
            legend { (tr.t("field-sources")) }
            input type="hidden" name="sources.shown" value="1";
            @for s in &chosen {
                label.check { input type="checkbox" name={ "sources." (s) } checked; " " (word(s)) }
            }
            div.field {
                label for=(add) { (tr.t("field-source-add")) }
                (crate::edit::pick::input(&add, "sources.add", filled.get("sources.add"), &choices, filled.problems.get("sources.add")))
            }
            details.new-source open[!filled.get("new_source.publisher").is_empty() || !filled.get("new_source.url").is_empty()] {
                summary { (tr.t("field-source-new")) }
                @for (k, label) in [("new_source.publisher", tr.t("field-publisher")), ("new_source.title", tr.t("field-title")), ("new_source.url", tr.t("field-url")), ("new_source.published", tr.t("field-published"))] {
                    @let id = dom_id(form, k);
                    div.field {
                        label for=(id) { (label) }
                        input type="text" id=(id) name=(k) value=(filled.get(k)) aria-invalid=[filled.problems.get(k).map(|_| "true")];
                        @if let Some(p) = filled.problems.get(k) { span.error { (p) } }
                    }
                }
            }
        }
    }
}

/// The sources a post chose (ticked, added from the list), in order; a new source is
/// `new_source`'s to make.
pub(crate) fn posted_sources(form: &HashMap<String, String>) -> Option<Vec<String>> {
    if !form.contains_key("sources.shown") {
        return form.get("sources").map(|s| {
            s.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        });
    }
    let mut ticked: Vec<String> = form
        .keys()
        .filter_map(|k| k.strip_prefix("sources."))
        .filter(|k| !["shown", "add"].contains(k))
        .map(str::to_string)
        .collect();
    ticked.sort();
    if let Some(add) = form
        .get("sources.add")
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    {
        if !ticked.iter().any(|t| t == add) {
            ticked.push(add.to_string());
        }
    }
    Some(ticked)
}

/// The announcements a pardon (or a release) could belong to: the person's country's,
/// nearest the event's date first.
pub(crate) fn near<'a>(
    all: &'a [Announcement],
    country: Option<&str>,
    date: Option<PartialDate>,
) -> Vec<&'a Announcement> {
    let mut list: Vec<&Announcement> = all
        .iter()
        .filter(|a| {
            country.is_none_or(|c| {
                a.country
                    .as_deref()
                    .is_some_and(|ac| ac.eq_ignore_ascii_case(c))
            })
        })
        .collect();
    match date {
        Some(d) => {
            list.sort_by_key(|a| ((a.date.first_day().0 - d.first_day().0).abs(), a.id.clone()));
        }
        None => list.sort_by_key(|a| std::cmp::Reverse(a.date.first_day())),
    }
    list.truncate(30);
    list
}

/// Days between an announcement and a date, at their first days.
pub(crate) fn days_apart(a: &Announcement, d: PartialDate) -> i64 {
    i64::from((a.date.first_day().0 - d.first_day().0).abs())
}

/// The announcement picker, typed into: none, "in no stored announcement" (`-`), or one
/// of `near` (`pick`).
pub(crate) fn announcement(tr: &Tr, form: &str, filled: &Filled, near: &[&Announcement]) -> Markup {
    let id = dom_id(form, "announcement");
    let value = filled.get("announcement");
    let problem = filled.problems.get("announcement");
    html! {
        div.field.for-kind.for-pardoned.for-released {
            label for=(id) { (tr.t("field-announcement")) }
            (crate::edit::pick::input(&id, "announcement", value, &crate::edit::pick::announcement_choices(tr, near), problem))
        }
    }
}
