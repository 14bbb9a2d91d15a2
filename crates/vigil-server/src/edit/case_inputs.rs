//! The pickers of case facts in the event form: the articles of the person's country's
//! criminal code as boxes, each with its short title in the reader's language (others
//! written beside them), and where a transfer took the person — a stored place chosen by
//! its name, in transit, or the address being clarified. No id is typed.

use maud::{html, Markup};
use vigil_core::registry::Registry;

use crate::edit::spec::{case, Field};
use crate::i18n::Tr;

/// What the pickers offer: the stored places (id, name in the reader's language) and
/// the person's country, whose article table the boxes show.
#[derive(Default, Clone)]
pub(crate) struct Choices {
    pub places: Vec<(String, String)>,
    pub country: Option<String>,
}

impl Choices {
    /// The choices of person `person`'s event forms.
    pub(crate) fn for_person(tr: &Tr, reg: &Registry, person: &str) -> Choices {
        let country = reg
            .person_index(person)
            .and_then(|ix| reg.country_of(ix).map(str::to_string));
        Choices {
            places: places(tr, reg),
            country,
        }
    }
}

/// Every stored place as a picker shows it: its name in the reader's language, its
/// country's word after, sorted by name.
pub(crate) fn places(tr: &Tr, reg: &Registry) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = reg
        .places()
        .iter()
        .map(|p| {
            let mut words = crate::public::case::place_name(tr, reg, &p.id);
            if let Some(c) = &p.country {
                words.push_str(", ");
                words.push_str(&tr.term("country", c));
            }
            (p.id.clone(), words)
        })
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    list
}

/// An article's box label: its number and short title in the reader's language (a
/// Belarusian or Russian reader's page carries no other: the number alone then), or any
/// the table has for an English reader.
fn article_words(tr: &Tr, country: &str, number: &str) -> String {
    let order: &[&str] = match tr.lang.code() {
        "be" => &["be"],
        "ru" => &["ru"],
        _ => &["en", "ru", "be"],
    };
    let title = order
        .iter()
        .find_map(|l| vigil_core::articles::title(Some(country), number, l));
    match title {
        Some(t) => format!("{number} — {t}"),
        None => number.to_string(),
    }
}

/// The articles: a box per article of the country's table (every country's when the
/// person's is not known), ticked for those stored; the rest as written, with commas.
#[allow(clippy::too_many_arguments)] // the field, how the form shows it, what to offer
pub(crate) fn articles(
    tr: &Tr,
    f: &Field,
    id: &str,
    classes: &str,
    label: &str,
    value: &str,
    problem: Option<(&str, &str)>,
    choices: &Choices,
) -> Markup {
    let table: Vec<(&str, &str)> = vigil_core::articles::all()
        .iter()
        .filter(|a| {
            choices
                .country
                .as_deref()
                .is_none_or(|c| a.country.eq_ignore_ascii_case(c))
        })
        .map(|a| (a.country.as_str(), a.number.as_str()))
        .collect();
    let chosen: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let others: Vec<&str> = chosen
        .iter()
        .copied()
        .filter(|c| !table.iter().any(|(_, n)| n == c))
        .collect();
    let other_id = format!("{id}-other");
    html! {
        fieldset class=(classes) aria-describedby=[problem.map(|(e, _)| e)] {
            legend { (label) }
            input type="hidden" name={ (f.key) ".shown" } value="1";
            @for (country, number) in &table {
                label.check {
                    input type="checkbox" name={ (f.key) "." (number) } checked[chosen.contains(number)];
                    " " (article_words(tr, country, number))
                }
            }
            label for=(other_id) { (tr.t("field-articles-other")) }
            input type="text" id=(other_id) name={ (f.key) ".other" } value=(others.join(", ")) placeholder=(tr.t("hint-articles"));
            @if let Some((e, p)) = problem { span.error id=(e) { (p) } }
        }
    }
}

/// Where a transfer took the person: none chosen, in transit, the address being
/// clarified, or a stored place by name.
pub(crate) fn destination(
    tr: &Tr,
    f: &Field,
    id: &str,
    value: &str,
    err: Option<&str>,
    choices: &Choices,
) -> Markup {
    let known = value.is_empty()
        || [case::IN_TRANSIT, case::ADDRESS_UNKNOWN].contains(&value)
        || choices.places.iter().any(|(p, _)| p == value);
    html! {
        select id=(id) name=(f.key) aria-invalid=[err.map(|_| "true")] aria-describedby=[err] {
            option value="" { (tr.t("choice-none")) }
            option value=(case::IN_TRANSIT) selected[value == case::IN_TRANSIT] { (tr.term("whereabouts", "in_transit")) }
            option value=(case::ADDRESS_UNKNOWN) selected[value == case::ADDRESS_UNKNOWN] { (tr.term("whereabouts", "address_unknown")) }
            @for (p, words) in &choices.places {
                option value=(p) selected[value == p] { (words) }
            }
            @if !known { option value=(value) selected { (value) } }
        }
    }
}
