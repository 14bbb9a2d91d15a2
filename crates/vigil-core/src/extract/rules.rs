//! The English rules that tell a wave from what only looks like one: demands, running
//! totals over a period, parts of a wave, earlier waves recalled without a date; the kind
//! a sentence states; and whether a statement is a claim about the act.

use super::text::{Num, Sentence};
use super::words::{PEOPLE, RELEASE};

/// Is the count demanded rather than done: "must be freed", "calls for the release of",
/// "until each of … is set free", "whose release Trump had called for"?
pub(super) fn demand(s: &Sentence, n: &Num) -> bool {
    let clause = s.clause(n.first);
    let words = |a: usize, b: usize| (a..b.min(s.toks.len())).map(|i| s.word(i));
    let near = words(
        clause.0.min(n.first.saturating_sub(8)),
        (n.end + 8).min(clause.1.max(n.end)),
    );
    let mut prev = "";
    for w in near {
        let hit = matches!(
            w,
            "must"
                | "should"
                | "urge"
                | "urged"
                | "urges"
                | "urging"
                | "demand"
                | "demanded"
                | "demands"
                | "demanding"
                | "until"
                | "vowed"
                | "whose"
                | "wants"
                | "hopes"
        ) || (prev == "call" || prev == "calls" || prev == "called" || prev == "calling")
            && w == "for";
        if hit {
            return true;
        }
        prev = w;
    }
    false
}

/// "all 1,150", "each of nearly 1,400", "the country's roughly 1,400": the whole set.
pub(super) fn whole_set(s: &Sentence, n: &Num) -> bool {
    (n.first.saturating_sub(4)..n.first).any(|i| {
        matches!(
            s.word(i),
            "all" | "each" | "every" | "remaining" | "country's"
        )
    })
}

/// A perfect tense over a period: "have been pardoned since 2020", "has pardoned … in
/// recent months", "so far this year".
pub(super) fn period_total(s: &Sentence, clause: (usize, usize)) -> bool {
    // "have been pardoned", "has pardoned": a perfect of the act itself.
    let perfect = (clause.0..clause.1.saturating_sub(1)).any(|i| {
        matches!(s.word(i), "have" | "has")
            && (RELEASE.contains(&s.word(i + 1)) || s.word(i + 1) == "been")
    });
    let whole = (0, s.toks.len());
    // "since 2020", "since the start of the year", "since January" — not "have since crossed".
    let since = (0..s.toks.len()).any(|i| {
        s.word(i) == "since"
            && (s.num_at(i + 1).is_some()
                || super::text::month(s.word(i + 1)).is_some()
                || matches!(s.word(i + 1), "the" | "last" | "early" | "mid" | "then"))
    });
    let period = since
        || s.has_in(whole, &["recent", "past", "already"])
        || s.phrase_in(whole, &["so", "far"])
        || s.phrase_in(whole, &["to", "date"])
        || s.phrase_in(whole, &["this", "year"]);
    perfect && period
}

/// A clause about those still held ("remain behind bars", "are still serving").
pub(super) fn political_held(s: &Sentence, clause: (usize, usize)) -> bool {
    s.has_in(clause, &["remain", "remains", "still", "behind", "held"])
}

/// Is the count a part of those released: "among those released were two", "including
/// at least 16", "the released individuals include six", "at least 9 others … along with
/// him" (the others, not the wave)?
pub(super) fn subset(s: &Sentence, n: &Num, clause: (usize, usize)) -> bool {
    let before = |k: usize| n.first.checked_sub(k).map_or("", |i| s.word(i));
    let including = (clause.0..n.first)
        .any(|i| matches!(s.word(i), "including" | "include" | "includes" | "included"));
    let among_them = (clause.0..n.first).any(|i| {
        s.word(i) == "among" && matches!(s.word(i + 1), "them" | "those" | "whom" | "the")
    }) && before(1) != "among";
    let of_them =
        matches!(s.word(n.end), "of") && matches!(s.word(n.end + 1), "them" | "whom" | "those");
    // "Of the 801 pardons, 463 were released from prison", "Under the pardon, 399 people
    // will be released": the parts of an act already named.
    let of_the = s.word(0) == "of"
        && matches!(s.word(1), "the" | "those" | "these")
        && n.first > 2
        && s.num_at(2).is_none_or(|m| m.first != n.first);
    let under = s.word(0) == "under"
        && matches!(
            s.word(2),
            "pardon" | "decree" | "amnesty" | "order" | "deal" | "law"
        );
    including || among_them || of_them || of_the || under
}

/// The kind a sentence of release states: an exchange or a deportation is also a release,
/// an amnesty and a pardon are acts of release by law or decree.
pub(super) fn kind_of(s: &Sentence) -> &'static str {
    if s.has(&[
        "exchange",
        "exchanged",
        "swap",
        "swapped",
        "swaps",
        "exchanges",
    ]) {
        "exchange"
    } else if s.has(&[
        "deported",
        "deportation",
        "deport",
        "deporting",
        "expelled",
        "banished",
    ]) {
        "deportation"
    } else if s.has(&["amnesty", "amnestied", "amnesties"]) {
        "amnesty"
    } else if s.has(&["pardon", "pardons", "pardoned", "pardoning"]) {
        "pardon"
    } else {
        "release"
    }
}

/// Does the clause recall an earlier wave: "comes days after Belarus freed 52",
/// "follows the July release", "previously", "last week"?
pub(super) fn recalled(s: &Sentence, clause: (usize, usize)) -> bool {
    let whole = (0, s.toks.len());
    // "said earlier that 7,850 would be covered" tells when it was said, not of a wave.
    let earlier = (0..s.toks.len()).any(|i| {
        matches!(s.word(i), "earlier" | "previously")
            && !matches!(
                s.word(i.wrapping_sub(1)),
                "said" | "announced" | "reported" | "stated"
            )
    });
    earlier
        || s.has_in(whole, &["follows", "followed", "recalled"])
        || (s.has_in(whole, &["comes", "came"]) && s.has_in(whole, &["after"]))
        || s.phrase_in(whole, &["days", "after"])
        || s.phrase_in(whole, &["weeks", "after"])
        || s.phrase_in(whole, &["last", "week"])
        || s.phrase_in(clause, &["before", "that"])
}

/// Words of a claim about the act or those it freed.
const ABOUT: &[&str] = &[
    "guilt",
    "repented",
    "repent",
    "remorse",
    "pledged",
    "pledge",
    "committed",
    "clemency",
    "humanism",
    "humanity",
    "humane",
    "humanitarian",
    "law-abiding",
    "request",
    "gesture",
    "principles",
    "agreement",
    "agreements",
    "framework",
    "account",
    "extremist",
    "extremism",
    "terrorist",
    "terrorism",
    "espionage",
    "convicted",
    "crimes",
    "traitors",
    "traitor",
    "deported",
    "deportation",
    "sovereignty",
    "stability",
    "constitutional",
    "benefited",
    "control",
    "obligations",
    "reason",
    "sanctions",
    "left",
    "asked",
    "petition",
    "petitioned",
    "mercy",
    "goodwill",
    "health",
    "reunification",
    "admitted",
    "measures",
    "review",
    "accordance",
    "values",
    "appealed",
    "negotiations",
    "analysis",
    "grounds",
    "release",
    "releases",
    "pardon",
    "amnesty",
    "decision",
    "conducted",
    "case",
    "cases",
    "children",
    "opportunity",
    "pardoned",
    "repented",
];

/// Is a statement a claim about the act or those it freed, rather than the act itself
/// ("pardoned 52 people" is the announcement) or talk about something else?
pub(super) fn claim_worthy(c: &str) -> bool {
    let lower = c.to_lowercase();
    let words: Vec<&str> = lower
        .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let count = words.iter().any(|w| {
        w.chars().next().is_some_and(|ch| ch.is_ascii_digit())
            && !(w.len() == 4 && w.starts_with(['1', '2']))
    }) && words
        .iter()
        .any(|w| RELEASE.contains(w) || PEOPLE.contains(w));

    !count
        && words.iter().any(|w| {
            ABOUT.contains(w) || matches!(*w, "prisoners" | "convicts" | "inmates" | "ordered")
        })
}
