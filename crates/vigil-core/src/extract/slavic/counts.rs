//! What a Russian or Belarusian number counts: the numbers of a sentence (digits with
//! their group separators, or words), what is not a count (a year, an age, a term, an
//! article), the breakdown key a count names, the qualifier before it, and the words of
//! release that tell of an act rather than of people leaving.

use super::words::{
    key_word, number_words, starts, AMNESTY, DEPORT, EXCHANGE, PARDON, PEOPLE, RELEASE,
};
use crate::extract::text::Sentence;

/// A number in a sentence: its token range, value, whether it is an ordinal.
#[derive(Debug, Clone)]
pub(super) struct Number {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) value: u64,
    pub(super) ordinal: bool,
}

pub(super) fn lower_words<'a>(s: &'a Sentence) -> Vec<&'a str> {
    (0..s.toks.len()).map(|i| s.word(i)).collect()
}

/// Numbers in digits ("25", "1.239", "1 239", "1,300") or words ("двадцать пять").
pub(super) fn numbers(s: &Sentence, w: &[&str]) -> Vec<Number> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let t = &s.toks[i];
        if t.text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            let clean: String = t.text.chars().filter(char::is_ascii_digit).collect();
            let grouped = t
                .text
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && t.text
                    .rsplit(['.', ','])
                    .next()
                    .is_some_and(|last| last.len() == 3 && t.text.len() > 3);
            let plain = t.text.chars().all(|c| c.is_ascii_digit());
            if plain || grouped {
                let mut value: u64 = clean.parse().unwrap_or(0);
                let mut end = i + 1;
                // "1 239": a group of three digits right after, one space apart.
                if plain && t.text.len() <= 3 {
                    if let Some(n) = s.toks.get(i + 1) {
                        let gap = &s.text[t.at + t.text.len()..n.at];
                        if gap == " "
                            && n.text.len() == 3
                            && n.text.chars().all(|c| c.is_ascii_digit())
                        {
                            value = value * 1000 + n.text.parse::<u64>().unwrap_or(0);
                            end = i + 2;
                        }
                    }
                }
                out.push(Number {
                    first: i,
                    end,
                    value,
                    ordinal: false,
                });
                i = end;
                continue;
            }
        }
        if let Some((value, used, ordinal)) = number_words(&w[i..]) {
            out.push(Number {
                first: i,
                end: i + used,
                value,
                ordinal,
            });
            i += used;
            continue;
        }
        i += 1;
    }
    out
}

pub(super) fn is_people(w: &str) -> bool {
    starts(w, PEOPLE)
}

pub(super) fn release_word(w: &str) -> bool {
    starts(w, PARDON)
        || starts(w, AMNESTY)
        || starts(w, RELEASE)
        || starts(w, DEPORT)
        || starts(w, EXCHANGE)
}

pub(super) fn kind_of(w: &[&str]) -> &'static str {
    if w.iter().any(|x| starts(x, EXCHANGE)) {
        "exchange"
    } else if w.iter().any(|x| starts(x, DEPORT)) {
        "deportation"
    } else if w.iter().any(|x| starts(x, AMNESTY)) {
        "amnesty"
    } else if w.iter().any(|x| starts(x, PARDON)) {
        "pardon"
    } else {
        "release"
    }
}

pub(super) fn nums_first(w: &[&str], value: u64) -> Option<usize> {
    w.iter().position(|x| x.parse::<u64>().ok() == Some(value))
}

/// "не менее 16", "более 1000", "около 1300", "больш за 1000", "мінімум 16".
pub(super) fn qualifier(w: &[&str], first: usize) -> &'static str {
    let p = |k: usize| first.checked_sub(k).map_or("", |i| w[i]);
    match (p(2), p(1)) {
        ("не", "менее" | "меньше") | (_, "минимум" | "мінімум") | ("сама", "меней") => {
            "at_least"
        }
        ("больш", "за") | (_, "более" | "больше" | "свыше" | "звыш") => {
            "more_than"
        }
        (_, "около" | "примерно" | "почти" | "каля" | "амаль" | "прыкладна") => {
            "approximately"
        }
        _ => "exact",
    }
}

/// Why a number is not a count, if it is not: a year, an age, a term, an article.
pub(super) fn not_a_count(w: &[&str], n: &Number) -> Option<&'static str> {
    let next = w.get(n.end).copied().unwrap_or("");
    let prev = n.first.checked_sub(1).map_or("", |i| w[i]);
    if (1900..=2100).contains(&n.value) && !n.ordinal && !is_people(next) {
        return Some("a year");
    }
    if (starts(
        next,
        &[
            "год",
            "лет",
            "гад",
            "месяц",
            "месяц",
            "дн",
            "сут",
            "летн",
            "гадов",
            "%",
            "процент",
            "працэнт",
        ],
    ) || next == "г")
        && !starts(next, &["годовщин"])
    {
        return Some("an age or a term");
    }
    if matches!(
        prev,
        "ст" | "статьи" | "статья" | "арт" | "ч" | "часть" | "части" | "артыкула" | "№"
    ) {
        return Some("an article number");
    }
    if starts(next, &["руб", "долл", "евро", "тыс"]) {
        return Some("an amount of money");
    }
    None
}

/// The breakdown key a count names: "14 женщин", "19 человек в возрасте до 40 лет",
/// "шесть женщин", "Большинство — 11 человек — являются женщинами".
pub(super) fn breakdown_key(w: &[&str], n: &Number) -> Option<(String, usize)> {
    // "Большасць памілаваных - жанчыны (11 чалавек)": the key before the bracket.
    if n.first >= 2 && w[n.first - 1] == "(" {
        if let Some(k) = key_word(w[n.first - 2]) {
            return Some((k.to_string(), n.end));
        }
    }
    let end = n.end;
    let limit = (end + 6).min(w.len());
    let mut j = end;
    while j < limit {
        let x = w[j];
        if starts(x, &["дет", "дзец", "дзяц", "ребен", "ребён"]) {
            return None;
        }
        if matches!(
            x,
            "до" | "младше"
                | "моложе"
                | "маладзей"
                | "маладзейшыя"
                | "от"
                | "старше"
                | "старэйшыя"
                | "за"
        ) && j > end
        {
            let band = if matches!(x, "до" | "младше" | "моложе" | "маладзей" | "маладзейшыя")
            {
                "under"
            } else {
                "over"
            };
            let age = w.get(j + 1).and_then(|a| a.parse::<u32>().ok());
            let years = w
                .get(j + 2)
                .is_some_and(|y| starts(y, &["лет", "гад", "год"]));
            if let (Some(a), true) = (age, years) {
                return Some((format!("{band}_{a}"), j + 3));
            }
        }
        if let Some(k) = key_word(x) {
            // "14 иностранных граждан" counts foreigners; "несовершеннолетних детей" not minors.
            if k == "minors"
                && w.get(j + 1)
                    .is_some_and(|y| starts(y, &["дет", "дзяц", "дзец", "возраст", "ўзрост"]))
            {
                return None;
            }
            return Some((k.to_string(), j + 1));
        }
        if j > end && (x.parse::<u64>().is_ok() || matches!(x, "," | "." | ";" | "и" | "і" | ":"))
        {
            return None;
        }
        j += 1;
    }
    None
}

/// A release word that tells of people leaving, not of someone freeing them.
pub(super) fn intransitive(w: &str) -> bool {
    starts(w, &["вышл", "выйшл", "вышел", "выйшаў"])
        || (starts(w, RELEASE) && (w.ends_with("ся") || w.ends_with("сь")))
}

/// A verbal noun: "помилования", "памілаванні", "освобождение".
pub(super) fn noun(w: &str) -> bool {
    [
        "ние", "ния", "нии", "нию", "нне", "ння", "нні", "нню", "ньне", "ньня",
    ]
    .iter()
    .any(|e| w.ends_with(e))
}
