//! The editors' forms as data: each record type's fields (`PERSON`, `EVENT`,
//! `ANNOUNCEMENT`, `FIGURE`, `SOURCE`), each with where it lives in the record, how a
//! monitor writes it (a partial date as `10.03.2022`, a term as "3 years 6 months", a list
//! with commas, boxes to tick) and which event kinds it belongs to. A new field is one
//! line here. How a post is written back is the rule of `fields.rs` before it: a form
//! writes into the stored record (at the version it was opened at) only the fields whose
//! posted value differs from what it showed; every other field, unknown ones too, stays as
//! stored. Pure (no IO), tested by tables.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::i18n::Tr;

/// How a field is written in a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Input {
    /// One line of text.
    Text,
    /// Several lines; each line one item of a list (claims).
    Lines,
    /// A partial date as monitors write it (`10.03.2022`, `03.2022`, `2022`, ISO).
    Date,
    /// A term in months, written as "3 years 6 months", "3 года", or a number of months.
    Term,
    /// A whole number.
    Count,
    /// A number (a figure's value).
    Number,
    /// A country code, chosen from a list.
    Country,
    /// One value of a vocabulary family (the words are `FAMILY-VALUE`); empty for none.
    Choice(&'static str, &'static [&'static str]),
    /// A box: `true`, or absent.
    Flag,
    /// Boxes, one per value of a family, each `KEY.VALUE`; a list, in any order. `none`
    /// (when offered) is the empty list: known to be none.
    Checks(&'static str, &'static [&'static str]),
    /// Articles of the person's country's code as boxes (`data/articles.csv`), others
    /// written with commas (`KEY.other`); a list.
    Articles,
    /// Where a transfer took the person: a stored place picked by name, in transit or
    /// the address being clarified (`case`).
    Destination,
    /// A place's name in one language: the text of its first name in that language.
    NameIn(&'static str),
    /// Latitude and longitude as a map shows them: "53.90, 27.56".
    Coordinates,
}

/// One field of a form.
pub(crate) struct Field {
    /// The form field's name.
    pub key: &'static str,
    /// Where it lives in the record.
    pub path: &'static [&'static str],
    pub input: Input,
    pub label: fn(&Tr) -> String,
    /// The event kinds it belongs to; empty for every kind (and for other records).
    pub kinds: &'static [&'static str],
}

pub(crate) mod case;
mod tables;
#[cfg(test)]
mod tests;

pub(crate) use tables::*;

/// The path of one standard breakdown cell.
pub(crate) fn breakdown_path(key: &'static str) -> [&'static str; 2] {
    ["breakdown", key]
}

/// What is wrong with a posted value, to say beside the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    Date,
    Term,
    Count,
    Number,
    Country,
    Choice,
    Coordinates,
    /// Required and empty.
    Missing,
    /// An appeal's term that its outcome does not give (`case::event_problems`).
    AppealTerm,
    /// An appeal ruled before the verdict.
    AppealDate,
}

impl Problem {
    pub(crate) fn words(&self, tr: &Tr) -> String {
        match self {
            Problem::Date => tr.t("problem-date"),
            Problem::Term => tr.t("problem-term"),
            Problem::Count => tr.t("problem-count"),
            Problem::Number => tr.t("problem-number"),
            Problem::Country => tr.t("problem-country"),
            Problem::Choice => tr.t("problem-choice"),
            Problem::Coordinates => tr.t("problem-coordinates"),
            Problem::Missing => tr.t("problem-missing"),
            Problem::AppealTerm => tr.t("problem-appeal-term"),
            Problem::AppealDate => tr.t("problem-appeal-date"),
        }
    }
}

pub(crate) fn at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, k| v.get(*k))
}

fn words_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The field as the form shows it for `v` (a stored record, or a new one's skeleton).
pub(crate) fn shown(f: &Field, v: &Value) -> String {
    if let Some(s) = case::shown(f, v) {
        return s;
    }
    let Some(x) = at(v, f.path) else {
        return match f.input {
            // Absent is public (CONTRACT.md).
            Input::Choice("visibility", _) => "public".into(),
            _ => String::new(),
        };
    };
    match f.input {
        Input::Checks(..) | Input::Articles => match x.as_array() {
            Some(a)
                if a.is_empty()
                    && matches!(f.input, Input::Checks(_, o) if o.contains(&"none")) =>
            {
                "none".into()
            }
            Some(a) => a.iter().map(words_of).collect::<Vec<_>>().join(", "),
            None => words_of(x),
        },
        Input::Lines => x.as_array().map_or_else(
            || words_of(x),
            |a| a.iter().map(words_of).collect::<Vec<_>>().join("\n"),
        ),
        Input::Flag => {
            if x.as_bool() == Some(true) {
                "true".into()
            } else {
                String::new()
            }
        }
        // A sex the form cannot choose ("unknown") is shown as its empty choice.
        Input::Choice("sex", values) => {
            let s = words_of(x);
            if values.contains(&s.as_str()) {
                s
            } else {
                String::new()
            }
        }
        _ => words_of(x),
    }
}

/// What the post says for a field: `None` when the form did not carry it (so it is left
/// alone). Boxes are posted as `KEY.VALUE`, with `KEY.shown` saying they were on the form,
/// and `KEY.other` for values besides the usual ones.
pub(crate) fn posted(f: &Field, form: &HashMap<String, String>) -> Option<String> {
    match f.input {
        Input::Checks(..) | Input::Flag | Input::Articles
            if !form.contains_key(&format!("{}.shown", f.key)) =>
        {
            form.get(f.key).cloned()
        }
        Input::Flag => Some(
            if form.get(f.key).is_some_and(|v| !v.is_empty()) {
                "true"
            } else {
                ""
            }
            .into(),
        ),
        Input::Checks(..) | Input::Articles => {
            let prefix = format!("{}.", f.key);
            let mut chosen: Vec<(&String, &String)> = form
                .iter()
                .filter(|(k, _)| {
                    k.starts_with(&prefix)
                        && ![".shown", ".other"].iter().any(|end| k.ends_with(end))
                })
                .collect();
            chosen.sort();
            let mut list: Vec<String> = chosen
                .iter()
                .map(|(k, _)| k[prefix.len()..].to_string())
                .collect();
            if let Some(other) = form.get(&format!("{}.other", f.key)) {
                list.extend(
                    other
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string),
                );
            }
            Some(list.join(", "))
        }
        _ => form.get(f.key).cloned(),
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// A posted value as the record holds it: `Ok(None)` for empty (the field is removed).
pub(crate) fn parse(f: &Field, text: &str) -> Result<Option<Value>, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Ok(Some(match f.input {
        // The inputs of `case` are written through `case::writes`; as text when alone.
        Input::Text | Input::Destination | Input::NameIn(_) | Input::Coordinates => t.into(),
        Input::Lines => t
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(Value::from)
            .collect::<Vec<_>>()
            .into(),
        Input::Date => vigil_core::sheet::cells::date(t)
            .map_err(|_| Problem::Date)?
            .to_string()
            .into(),
        Input::Term => match t.parse::<u32>() {
            Ok(n) => n.into(),
            Err(_) => vigil_core::sheet::cells::term_months(t)
                .map_err(|_| Problem::Term)?
                .into(),
        },
        Input::Count => t.parse::<u64>().map_err(|_| Problem::Count)?.into(),
        Input::Number => {
            let n: f64 = t
                .replace([' ', '\u{a0}'], "")
                .replace(',', ".")
                .parse()
                .map_err(|_| Problem::Number)?;
            if !n.is_finite() {
                return Err(Problem::Number);
            }
            serde_json::Number::from_f64(n).map_or(Value::Null, |x| {
                // Whole numbers stay whole (1300, not 1300.0).
                if n.fract() == 0.0 && n.abs() < 9e15 {
                    #[allow(clippy::cast_possible_truncation)]
                    Value::from(n as i64)
                } else {
                    Value::Number(x)
                }
            })
        }
        Input::Articles => split_list(t)
            .into_iter()
            .map(Value::from)
            .collect::<Vec<_>>()
            .into(),
        Input::Country => {
            let c = t.to_ascii_uppercase();
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(Problem::Country);
            }
            c.into()
        }
        Input::Choice(_, values) => {
            if !values.contains(&t) && !matches!(f.input, Input::Choice("metric", _)) {
                return Err(Problem::Choice);
            }
            t.into()
        }
        Input::Flag => true.into(),
        Input::Checks(_, values) => {
            let list = split_list(t);
            if values.contains(&"none") && list.iter().any(|x| x == "none") {
                Value::Array(Vec::new())
            } else {
                list.into_iter().map(Value::from).collect::<Vec<_>>().into()
            }
        }
    }))
}

/// Is the posted text what the form showed? Lists compare as sets: boxes have no order.
fn same(f: &Field, was: &str, now: &str) -> bool {
    match f.input {
        Input::Checks(..) | Input::Articles => {
            let mut a = split_list(was);
            let mut b = split_list(now);
            a.sort();
            b.sort();
            a == b
        }
        Input::Lines => {
            let lines = |s: &str| {
                s.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            lines(was) == lines(now)
        }
        _ => was.trim() == now.trim(),
    }
}

fn set_at(o: &mut Map<String, Value>, path: &[&str], value: Option<Value>) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    if parents.is_empty() {
        match value {
            Some(v) => {
                o.insert((*last).into(), v);
            }
            None => {
                o.remove(*last);
            }
        }
        return;
    }
    let child = o
        .entry(parents[0])
        .or_insert_with(|| Value::Object(Map::new()));
    if !child.is_object() {
        *child = Value::Object(Map::new());
    }
    let inner = child.as_object_mut().expect("just made an object");
    set_at(
        inner,
        &parents[1..]
            .iter()
            .copied()
            .chain([*last])
            .collect::<Vec<_>>(),
        value,
    );
    if inner.is_empty() {
        o.remove(parents[0]);
    }
}

/// Writes into `record` every field of `fields` (those of `kind`, for an event) whose
/// posted value differs from what the form showed for it; an emptied field is removed.
/// Nothing is written when any value is wrong: the problems are answered, by field key.
pub(crate) fn merge(
    record: &mut Value,
    fields: &[Field],
    kind: Option<&str>,
    form: &HashMap<String, String>,
) -> Result<(), Vec<(&'static str, Problem)>> {
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    for f in fields {
        if !f.kinds.is_empty() && !kind.is_some_and(|k| f.kinds.contains(&k)) {
            continue;
        }
        let Some(now) = posted(f, form) else { continue };
        let was = shown(f, record);
        if same(f, &was, &now) {
            continue;
        }
        if let Some(w) = case::writes(f, &now) {
            match w {
                Ok(w) => changes.extend(w),
                Err(p) => problems.push((f.key, p)),
            }
            continue;
        }
        match parse(f, &now) {
            Ok(v) => changes.push(case::Write::At(f.path, v)),
            Err(p) => problems.push((f.key, p)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if let Some(o) = record.as_object_mut() {
        for w in changes {
            match w {
                case::Write::At(path, v) => set_at(o, path, v),
                case::Write::Name(lang, text) => case::write_name(o, lang, text),
            }
        }
    }
    Ok(())
}

/// The custom breakdown rows a form shows: every stored key that is not a standard one.
pub(crate) fn custom_breakdown(v: &Value) -> Vec<(String, String)> {
    v["breakdown"].as_object().map_or_else(Vec::new, |b| {
        b.iter()
            .filter(|(k, _)| !BREAKDOWN.contains(&k.as_str()))
            .map(|(k, n)| (k.clone(), words_of(n)))
            .collect()
    })
}

/// The breakdown cells: the standard grid (`breakdown.KEY`) and the custom rows
/// (`custom_key.N`, `custom_count.N`), written back when they differ from what was shown.
pub(crate) fn merge_breakdown(
    record: &mut Value,
    form: &HashMap<String, String>,
) -> Result<(), Vec<(String, Problem)>> {
    let mut problems = Vec::new();
    let mut cells: Vec<(String, Option<u64>)> = Vec::new();
    let stored = |k: &str| {
        at(record, &["breakdown", k])
            .map(words_of)
            .unwrap_or_default()
    };
    for key in BREAKDOWN {
        let Some(now) = form.get(&format!("breakdown.{key}")) else {
            continue;
        };
        if now.trim() == stored(key).trim() {
            continue;
        }
        match now.trim() {
            "" => cells.push(((*key).to_string(), None)),
            t => match t.parse::<u64>() {
                Ok(n) => cells.push(((*key).to_string(), Some(n))),
                Err(_) => problems.push((format!("breakdown.{key}"), Problem::Count)),
            },
        }
    }
    let shown_custom = custom_breakdown(record);
    for i in 0..shown_custom.len() + 2 {
        let (Some(k), Some(n)) = (
            form.get(&format!("custom_key.{i}")),
            form.get(&format!("custom_count.{i}")),
        ) else {
            continue;
        };
        let (k, n) = (k.trim().to_lowercase().replace(' ', "_"), n.trim());
        let was = shown_custom.get(i);
        if was.is_some_and(|(wk, wn)| *wk == k && wn.trim() == n) {
            continue;
        }
        if let Some((wk, _)) = was {
            if *wk != k {
                cells.push((wk.clone(), None));
            }
        }
        if k.is_empty() {
            continue;
        }
        match n {
            "" => cells.push((k, None)),
            t => match t.parse::<u64>() {
                Ok(n) => cells.push((k, Some(n))),
                Err(_) => problems.push((format!("custom_count.{i}"), Problem::Count)),
            },
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if cells.is_empty() {
        return Ok(());
    }
    let Some(o) = record.as_object_mut() else {
        return Ok(());
    };
    let b = o
        .entry("breakdown")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Some(b) = b.as_object_mut() {
        for (k, n) in cells {
            match n {
                Some(n) => {
                    b.insert(k, n.into());
                }
                None => {
                    b.remove(&k);
                }
            }
        }
    }
    Ok(())
}

/// The name rows a person's form shows: every stored name and two empty ones, each as
/// (text, language). Row `i`'s fields are `name`/`name_lang` for the first and
/// `name_{i+1}`/`name_{i+1}_lang` after.
pub(crate) fn name_rows(v: &Value) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = v["names"].as_array().map_or_else(Vec::new, |a| {
        a.iter()
            .map(|n| {
                (
                    words_of(&n["text"]),
                    n["lang"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    });
    rows.push(Default::default());
    rows.push(Default::default());
    rows
}

pub(crate) fn name_keys(i: usize) -> (String, String) {
    if i == 0 {
        ("name".into(), "name_lang".into())
    } else {
        (format!("name_{}", i + 1), format!("name_{}_lang", i + 1))
    }
}

/// The languages (and with them the scripts) a name can be given in.
pub(crate) const NAME_LANGS: &[&str] = &["be", "ru", "be-Latn", "en", "uk"];

/// The script of a name's text, as ISO 15924 (Cyrillic or Latin, else none).
fn script_of(text: &str) -> Option<&'static str> {
    let letters = || text.chars().filter(|c| c.is_alphabetic());
    if letters().any(|c| ('\u{400}'..='\u{52f}').contains(&c)) {
        Some("Cyrl")
    } else if letters().next().is_some()
        && letters().all(|c| c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c))
    {
        Some("Latn")
    } else {
        None
    }
}

/// Writes the name rows back: a row as shown stays exactly as stored (its script, kind,
/// anything else); a changed row changes its text and language (and its script is said
/// again from the text); an emptied row is removed; a new row is added.
pub(crate) fn merge_names(record: &mut Value, form: &HashMap<String, String>) {
    let rows = name_rows(record);
    let stored: Vec<Value> = record["names"].as_array().cloned().unwrap_or_default();
    let mut names = Vec::new();
    let mut changed = false;
    for (i, (text, lang)) in rows.iter().enumerate() {
        let (tk, lk) = name_keys(i);
        let now_text = form
            .get(&tk)
            .map_or(text.as_str(), String::as_str)
            .trim()
            .to_string();
        let now_lang = form
            .get(&lk)
            .map_or(lang.as_str(), String::as_str)
            .trim()
            .to_string();
        let old = stored.get(i).cloned();
        if now_text == text.trim() && now_lang == *lang {
            if let Some(old) = old {
                names.push(old);
            }
            continue;
        }
        changed = true;
        if now_text.is_empty() {
            continue;
        }
        let mut n = old.and_then(|o| o.as_object().cloned()).unwrap_or_default();
        n.insert("text".into(), now_text.clone().into());
        if now_lang.is_empty() {
            n.remove("lang");
        } else {
            n.insert("lang".into(), now_lang.into());
        }
        match script_of(&now_text) {
            Some(s) if n.contains_key("script") || text.is_empty() => {
                n.insert("script".into(), s.into());
            }
            _ => {}
        }
        names.push(Value::Object(n));
    }
    if changed {
        if let Some(o) = record.as_object_mut() {
            if names.is_empty() {
                o.remove("names");
            } else {
                o.insert("names".into(), names.into());
            }
        }
    }
}
