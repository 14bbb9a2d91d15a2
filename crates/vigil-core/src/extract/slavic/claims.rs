//! Claims, issuers, names and the country in Russian and Belarusian reports.
//!
//! A claim is what the releasing state says of those it freed ("все они признали вину и
//! раскаялись", "решение принято по просьбе…", "Усе памілаваныя пакінулі тэрыторыю"),
//! quoted or reported. A sentence is one when it has a claim's words and its speaker is
//! not a monitor, the opposition or a foreign embassy. The claim is the quote when there is
//! one, else the sentence without its attribution ("…, говорится в сообщении", "Утверждается,
//! что …").

use super::super::claims::capitalise;
use super::super::text::Sentence;
use super::words::{starts, CLAIM, OFFICIAL, STRONG_CLAIM, UNOFFICIAL};

/// Attribution words that end a claim: ", — говорится в сообщении", ", сообщила …".
const ATTRIBUTION: &[&str] = &[
    "говорится",
    "сообщил",
    "сообщила",
    "сообщили",
    "сообщает",
    "подчеркнули",
    "подчеркнула",
    "отметила",
    "отметил",
    "отметили",
    "заявила",
    "заявил",
    "заявили",
    "указала",
    "указано",
    "пояснила",
    "расказала",
    "паведаміла",
    "паведаміў",
    "адзначыла",
    "заявіла",
    "гаворыцца",
    "пишет",
    "піша",
    "передает",
    "перадае",
];

/// Does the sentence name the state as its speaker?
pub(super) fn official_words(w: &[&str]) -> bool {
    (w.iter().any(|x| starts(x, OFFICIAL)) || w.iter().any(|x| starts(x, &["кремл", "крэмл"])))
        && !unofficial_words(w)
}

/// Does the sentence name a monitor, the opposition or a foreign embassy as its speaker?
pub(super) fn unofficial_words(w: &[&str]) -> bool {
    w.iter().any(|x| starts(x, UNOFFICIAL))
}

/// Does the sentence go on with what the one before said: "Она также отметила…", "Все
/// помилованные…", "Усе памілаваныя…", "Кроме того…"?
pub(super) fn continues(w: &[&str]) -> bool {
    w.first().is_some_and(|x| {
        matches!(
            *x,
            "она"
                | "он"
                | "они"
                | "яна"
                | "ён"
                | "яны"
                | "также"
                | "таксама"
                | "кроме"
                | "акрамя"
                | "при"
                | "все"
                | "усе"
                | "ўсе"
                | "всем"
                | "им"
                | "ім"
                | "помилованные"
                | "памілаваныя"
                | "это"
                | "гэта"
                | "решение"
                | "рашэнне"
        )
    })
}

/// Is every word of the sentence inside a quote?
pub(super) fn quoted_only(s: &Sentence) -> bool {
    s.toks
        .iter()
        .filter(|t| t.text.chars().any(char::is_alphanumeric))
        .all(|t| t.quoted)
}

/// Attribution at the start: "Утверждается, что", "Она также отметила, что", "По словам …,".
fn lead_end(w: &[&str]) -> Option<usize> {
    // "Как подчеркивается, …", "По словам пресс-секретаря, …", "По данным канала, …".
    if let Some(comma) = w.iter().position(|x| *x == ",").filter(|&c| c < 10) {
        let lead = &w[..comma];
        let attributed = lead
            .first()
            .is_some_and(|x| matches!(*x, "как" | "по" | "паводле" | "як"))
            && lead.iter().any(|x| {
                starts(
                    x,
                    &[
                        "подчеркива",
                        "отмеча",
                        "указыва",
                        "сообща",
                        "слов",
                        "данны",
                        "информац",
                        "паведамл",
                        "звестк",
                    ],
                )
            });
        if attributed && !lead.iter().any(|x| matches!(*x, "что" | "што")) {
            return Some(comma + 1);
        }
    }
    let that = w.iter().position(|x| matches!(*x, "что" | "што"))?;
    let attributed = w[..that].iter().any(|x| {
        ATTRIBUTION.contains(x)
            || starts(
                x,
                &[
                    "утвержда",
                    "подчеркива",
                    "отмеча",
                    "сообща",
                    "известно",
                    "дадала",
                    "адзнача",
                    "заяўля",
                ],
            )
    });
    (attributed && that < 12).then_some(that + 1)
}

/// The claims a sentence makes.
pub(super) fn claims(s: &Sentence, w: &[&str], official: bool) -> Vec<String> {
    // A claim of the state is said by the state (its press service, its agency, its
    // president, a decree), or is one of the press service's standard claims; a quote the
    // state's statement closes with "говорится в сообщении" is one whatever its words.
    let standard = w.iter().any(|x| starts(x, STRONG_CLAIM));
    let vocabulary = standard || w.iter().any(|x| starts(x, CLAIM));
    let attributed_quote =
        official && s.toks.iter().any(|t| t.quoted) && w.iter().any(|x| ATTRIBUTION.contains(x));
    if !(official && vocabulary || standard || attributed_quote) {
        return Vec::new();
    }
    // "Об этом сообщила пресс-служба": who said it, not what.
    if matches!(
        (w.first().copied(), w.get(1).copied()),
        (Some("об" | "аб" | "пра"), Some("этом" | "гэтым" | "гэта"))
    ) {
        return Vec::new();
    }
    if w.iter().any(|x| starts(x, UNOFFICIAL)) {
        return Vec::new();
    }
    // A count is the announcement, not a claim about it.
    let quoted: Vec<usize> = (0..s.toks.len())
        .filter(|&i| s.toks[i].quoted && s.toks[i].text.chars().any(char::is_alphanumeric))
        .collect();
    let outside_words = (0..s.toks.len())
        .filter(|&i| !s.toks[i].quoted && s.toks[i].text.chars().any(char::is_alphanumeric))
        .count();
    let lead = lead_end(w);
    let text = if !quoted.is_empty()
        && outside_words <= 6
        && lead.is_none_or(|a| s.toks.get(a).is_some_and(|t| t.quoted) || outside_words <= 3)
    {
        // «…», — говорится в коммюнике: the quote is the claim.
        let (a, b) = (quoted[0], quoted[quoted.len() - 1] + 1);
        s.span(a, b).to_string()
    } else {
        let a = lead.unwrap_or(0);
        let mut b = w.len();
        for i in a + 1..w.len() {
            if matches!(w[i - 1], "," | "—" | "–" | "-")
                && (ATTRIBUTION.contains(&w[i])
                    || (matches!(w[i], "—" | "–")
                        && w.get(i + 1).is_some_and(|x| ATTRIBUTION.contains(x))))
            {
                b = i - 1;
                break;
            }
        }
        if a >= b {
            return Vec::new();
        }
        s.span(a, b).to_string()
    };
    let cleaned: String = text
        .replace(['«', '»', '"', '“', '”', '„'], "")
        .trim()
        .trim_end_matches([',', '.', ' ', '—', '–'])
        .to_string();
    if cleaned.split_whitespace().count() < 4 {
        return Vec::new();
    }
    // A quote of several sentences: each one a claim.
    cleaned
        .split(". ")
        .map(|c| capitalise(c.trim().trim_end_matches('.')))
        .filter(|c| c.split_whitespace().count() >= 3)
        // "сёння памілаваны 52 чалавекі" is the announcement, not a claim about it.
        .filter(|c| {
            let lower = c.to_lowercase();
            let words: Vec<&str> = lower
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|x| !x.is_empty())
                .collect();
            let count = c.chars().any(|ch| ch.is_ascii_digit())
                || words
                    .iter()
                    .any(|x| super::words::number_word(x).is_some_and(|(_, o)| !o));
            !(count
                && words
                    .iter()
                    .any(|x| starts(x, super::words::PARDON) || starts(x, super::words::RELEASE)))
        })
        .collect()
}

/// Who issued the act: the president, by decree, through the press service.
pub(super) fn issuer(s: &Sentence, w: &[&str]) -> Option<String> {
    let i = w
        .iter()
        .position(|x| starts(x, &["президент", "прэзідэнт"]))?;
    let mut b = i + 1;
    if w.get(b).is_some_and(|x| {
        starts(
            x,
            &[
                "беларус",
                "белорус",
                "республик",
                "рэспублік",
                "росси",
                "расі",
            ],
        )
    }) {
        b += 1;
    }
    Some(s.span(i, b).to_string())
}

/// "Имена … не приводятся", "имена не раскрываются", "імёны не называюцца".
pub(super) fn names_disclosed(w: &[&str]) -> Option<bool> {
    let names = w
        .iter()
        .any(|x| starts(x, &["имен", "імён", "імен", "фамили", "прозвішч"]));
    if !names {
        return None;
    }
    let negated = w.iter().any(|x| matches!(*x, "не" | "без"));
    negated.then_some(false)
}
