//! Attribution: who says a sentence (`speaker`), whether the source is official, the
//! claims an official makes, who issued an announcement and whether names were disclosed.

use super::text::Sentence;
use super::words::{OFFICIAL, SPEECH, UNOFFICIAL};

/// Who a sentence quotes: the words before "said" or "was quoted", outside the quotes.
pub(super) fn speaker(s: &Sentence) -> Option<String> {
    let outside: Vec<usize> = (0..s.toks.len())
        .filter(|&i| {
            !s.toks[i].quoted
                && s.toks[i].text != "\""
                && s.toks[i].text != "“"
                && s.toks[i].text != "”"
        })
        .collect();
    let verb = outside.iter().position(|&i| {
        matches!(
            s.word(i),
            "said" | "says" | "told" | "wrote" | "quoted" | "according"
        )
    })?;
    // The run of outside tokens before the verb, back to the start or a quote.
    let end = outside[verb];
    let mut a = end;
    while a > 0 && !s.toks[a - 1].quoted && !matches!(s.toks[a - 1].text, "\"" | "“" | "”" | ",")
    {
        a -= 1;
    }
    let mut b = end;
    while b > a
        && matches!(
            s.word(b - 1),
            "was" | "is" | "were" | "has" | "had" | "been"
        )
    {
        b -= 1;
    }
    let who = s.span(a, b).trim().trim_start_matches(',').trim();
    (!who.is_empty()).then(|| who.to_string())
}

/// Is the speaker of this sentence an official source?
pub(super) fn official(s: &Sentence) -> bool {
    let outside = |i: usize| !s.toks[i].quoted;
    let words: Vec<&str> = (0..s.toks.len())
        .filter(|&i| outside(i))
        .map(|i| s.word(i))
        .collect();
    let speech = words.iter().any(|w| SPEECH.contains(w));
    speech
        && words.iter().any(|w| OFFICIAL.contains(w))
        && !words.iter().any(|w| UNOFFICIAL.contains(w))
}

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The official body an announcement names: "the Belarusian presidential administration".
pub(super) fn issuer(s: &Sentence) -> Option<String> {
    const HEADS: &[&str] = &[
        "administration",
        "ministry",
        "office",
        "government",
        "service",
        "court",
        "committee",
        "council",
        "junta",
        "kremlin",
        "commission",
    ];
    let i = s
        .toks
        .iter()
        .position(|t| !t.quoted && HEADS.contains(&t.lower.as_str()))?;
    let mut a = i;
    while a > 0 && i - a < 3 {
        let t = &s.toks[a - 1];
        let qualifies = t.text.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                t.lower.as_str(),
                "presidential"
                    | "interior"
                    | "justice"
                    | "internal"
                    | "affairs"
                    | "state"
                    | "press"
                    | "prosecutor's"
                    | "military"
            );
        if !qualifies || t.lower == "the" {
            break;
        }
        a -= 1;
    }
    let mut b = i + 1;
    // "Ministry of Internal Affairs", "press service of the president"
    if s.word(b) == "of" {
        let mut c = b + 1;
        if s.word(c) == "the" {
            c += 1;
        }
        let start = c;
        while c < s.toks.len()
            && (s.toks[c]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                || matches!(s.word(c), "president" | "interior" | "justice"))
        {
            c += 1;
        }
        if c > start {
            b = c;
        }
    }
    Some(s.span(a, b).to_string())
}

/// Whether the text says the names were (not) disclosed.
pub(super) fn names_disclosed(s: &Sentence) -> Option<bool> {
    const VERBS: &[&str] = &[
        "disclose",
        "disclosed",
        "name",
        "named",
        "naming",
        "names",
        "identify",
        "identified",
        "publish",
        "published",
        "reveal",
        "revealed",
        "public",
        "released",
        "list",
        "listed",
    ];
    let n = s.toks.len();
    let mentions_names = s.has(&[
        "names",
        "name",
        "named",
        "naming",
        "anonymous",
        "unnamed",
        "identities",
    ]);
    if !mentions_names {
        return None;
    }
    if s.has(&["anonymous", "unnamed"]) {
        return Some(false);
    }
    for i in 0..n {
        if !VERBS.contains(&s.word(i)) {
            continue;
        }
        let window = i.saturating_sub(5)..(i + 1);
        let negated = window.clone().any(|j| {
            matches!(
                s.word(j),
                "not" | "n't" | "without" | "no" | "neither" | "nor" | "never"
            ) || s.word(j).ends_with("n't")
        });
        if negated {
            return Some(false);
        }
    }
    for i in 0..n {
        if VERBS.contains(&s.word(i)) && s.has(&["names", "named"]) {
            return Some(true);
        }
    }
    None
}
