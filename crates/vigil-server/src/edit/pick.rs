//! Search-as-you-type pickers without script: a text box with a `datalist` of the stored
//! records' words (the browser narrows it as one types, by keyboard too), and the typed
//! words resolved here, on the server: an exact match or one record containing every
//! typed word is chosen; several are an error that lists them so the form comes back
//! asking which one; none is an error too. No id is ever typed (one is still accepted).

use std::collections::HashMap;

use maud::{html, Markup};
use vigil_core::record::Announcement;
use vigil_i18n::Arg;

use crate::edit::forms::{Filled, SourceChoice};
use crate::i18n::Tr;

/// What typed words came to among the choices.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Picked {
    One(String),
    /// Several match: their words, for the error.
    Many(Vec<String>),
    Nothing,
}

/// Which of `choices` (id, words) the typed text means.
pub(crate) fn pick(typed: &str, choices: &[(String, String)]) -> Picked {
    let typed = typed.trim();
    let low = typed.to_lowercase();
    if let Some((id, _)) = choices
        .iter()
        .find(|(id, words)| id == typed || words.to_lowercase() == low)
    {
        return Picked::One(id.clone());
    }
    let wanted: Vec<&str> = low.split_whitespace().collect();
    let found: Vec<&(String, String)> = choices
        .iter()
        .filter(|(_, words)| {
            let w = words.to_lowercase();
            !wanted.is_empty() && wanted.iter().all(|t| w.contains(t))
        })
        .collect();
    match found.as_slice() {
        [] => Picked::Nothing,
        [(id, _)] => Picked::One(id.clone()),
        many => Picked::Many(many.iter().map(|(_, w)| w.clone()).collect()),
    }
}

/// The words an error says for a pick that is not one record.
pub(crate) fn problem(tr: &Tr, typed: &str, picked: &Picked) -> Option<String> {
    match picked {
        Picked::One(_) => None,
        Picked::Many(words) => Some(tr.with(
            "problem-pick-which",
            &[
                ("typed", Arg::Text(typed.trim().to_string())),
                ("choices", Arg::Text(words.join("; "))),
            ],
        )),
        Picked::Nothing => Some(tr.with(
            "problem-pick-nothing",
            &[("typed", Arg::Text(typed.trim().to_string()))],
        )),
    }
}

/// A text box with its list: `name`'s value shown as its words when it is a choice's id.
pub(crate) fn input(
    id: &str,
    name: &str,
    value: &str,
    choices: &[(String, String)],
    problem: Option<&String>,
) -> Markup {
    let shown = choices
        .iter()
        .find(|(cid, _)| cid == value)
        .map_or(value, |(_, w)| w.as_str());
    let list = format!("{id}-list");
    html! {
        input type="text" id=(id) name=(name) value=(shown) list=(list) autocomplete="off"
            aria-invalid=[problem.map(|_| "true")] aria-describedby=[problem.map(|_| format!("{id}-problem"))];
        datalist id=(list) {
            @for (_, w) in choices { option value=(w) {} }
        }
        @if let Some(p) = problem { span.error id={ (id) "-problem" } { (p) } }
    }
}

/// The stored sources as choices.
pub(crate) fn source_choices(stored: &[SourceChoice]) -> Vec<(String, String)> {
    stored
        .iter()
        .map(|s| (s.id.clone(), s.words.clone()))
        .collect()
}

/// An announcement in words: kind, date, country, count, issuer.
pub(crate) fn announcement_words(tr: &Tr, a: &Announcement) -> String {
    let mut w = format!(
        "{}, {}",
        tr.term("announcement-kind", a.kind.as_str()),
        tr.date(a.date)
    );
    if let Some(c) = &a.country {
        w.push_str(", ");
        w.push_str(&tr.term("country", c));
    }
    if let Some(n) = a.total {
        w.push_str(", ");
        w.push_str(&tr.count("count-persons", i64::from(n)));
    }
    if let Some(i) = &a.issuer {
        w.push_str(" (");
        w.push_str(i);
        w.push(')');
    }
    w
}

/// The announcements as choices, "in no stored announcement" (`-`) first.
pub(crate) fn announcement_choices(tr: &Tr, near: &[&Announcement]) -> Vec<(String, String)> {
    let mut out = vec![("-".to_string(), tr.t("announcement-none"))];
    out.extend(
        near.iter()
            .map(|a| (a.id.clone(), announcement_words(tr, a))),
    );
    out
}

/// The post with its typed source (`sources.add`) resolved to a stored source's id; an
/// unresolved one is marked on the form and left out.
pub(crate) fn resolve_source(
    form: &HashMap<String, String>,
    stored: &[SourceChoice],
    tr: &Tr,
    filled: &mut Filled,
) -> HashMap<String, String> {
    let mut out = form.clone();
    let Some(typed) = form
        .get("sources.add")
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    else {
        return out;
    };
    let picked = pick(typed, &source_choices(stored));
    if let Picked::One(id) = &picked {
        out.insert("sources.add".into(), id.clone());
    } else {
        out.remove("sources.add");
        if let Some(p) = problem(tr, typed, &picked) {
            filled
                .values
                .insert("sources.add".into(), typed.to_string());
            filled.mark("sources.add", p);
        }
    }
    out
}

/// The typed announcement resolved to an id (or `-`, or empty), or the problem to mark.
pub(crate) fn resolve_announcement(
    typed: &str,
    tr: &Tr,
    near: &[&Announcement],
) -> Result<String, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(String::new());
    }
    let picked = pick(typed, &announcement_choices(tr, near));
    match picked {
        Picked::One(id) => Ok(id),
        other => Err(problem(tr, typed, &other).unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::{pick, Picked};

    fn choices() -> Vec<(String, String)> {
        [
            ("s1", "Viasna — Pardon list — 2024-07-03"),
            ("s2", "Viasna — Weekly report — 2024-08-01"),
            ("s3", "RFE/RL — Pardon — 2024-07-04"),
        ]
        .iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
    }

    #[test]
    fn typed_words_choose_one_or_ask_which() {
        let c = choices();
        assert_eq!(pick("viasna weekly", &c), Picked::One("s2".into()));
        assert_eq!(
            pick("RFE/RL — Pardon — 2024-07-04", &c),
            Picked::One("s3".into())
        );
        assert_eq!(pick("s1", &c), Picked::One("s1".into()));
        assert_eq!(
            pick("pardon", &c),
            Picked::Many(vec![c[0].1.clone(), c[2].1.clone()])
        );
        assert_eq!(pick("AP", &c), Picked::Nothing);
    }
}
