//! Proportion claims: "more than half of them had disabilities and chronic illnesses" read
//! as a comparison and a fraction (`proportion`, which `check` tests against a breakdown's
//! counts), and the sentences that make such claims.

use unicode_segmentation::UnicodeSegmentation;

use super::claims::{capitalise, official};
use super::text::Sentence;
use super::words::key_word;

/// How a proportion claim compares a count with a share of the total.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Compare {
    MoreThan(f64),
    LessThan(f64),
    About(f64),
    AtLeast(f64),
    AtMost(f64),
}

/// A claim about a share of an announcement's persons with some attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Proportion {
    pub compare: Compare,
    /// Breakdown keys named ("disabled", "chronic_illness").
    pub keys: Vec<String>,
    /// Joined by "and" (true) or "or" (false).
    pub both: bool,
}

impl Compare {
    /// Does a count of `x` out of `total` satisfy it?
    #[must_use]
    pub fn holds(self, x: u32, total: u32) -> bool {
        let x = f64::from(x);
        let t = f64::from(total);
        match self {
            Compare::MoreThan(f) => x > f * t,
            Compare::LessThan(f) => x < f * t,
            Compare::AtLeast(f) => x >= f * t - 1e-9,
            Compare::AtMost(f) => x <= f * t + 1e-9,
            Compare::About(f) => (x - f * t).abs() <= (0.1 * t).max(1.0),
        }
    }
}

/// The quantifier at the start of `words`, with its length.
pub(super) fn quantifier(words: &[&str]) -> Option<(Compare, usize)> {
    let w = |i: usize| words.get(i).copied().unwrap_or("");
    let fraction = |word: &str| -> Option<f64> {
        Some(match word {
            "half" => 0.5,
            "third" | "thirds" => 1.0 / 3.0,
            "quarter" | "quarters" => 0.25,
            _ => return None,
        })
    };
    // [more than | less than | over | nearly | almost | about] [a | one | two] FRACTION
    let (head, skip): (Option<&str>, usize) = match (w(0), w(1)) {
        ("more" | "less" | "fewer", "than") => (Some(w(0)), 2),
        ("over" | "nearly" | "almost" | "about" | "around" | "roughly" | "under", _) => {
            (Some(w(0)), 1)
        }
        _ => (None, 0),
    };
    let mut i = skip;
    let mut times = 1.0;
    match w(i) {
        "a" | "an" | "one" => i += 1,
        "two" => {
            times = 2.0;
            i += 1;
        }
        "three" => {
            times = 3.0;
            i += 1;
        }
        _ => {}
    }
    if let Some(f) = fraction(w(i)) {
        let f = f * times;
        let c = match head {
            Some("more" | "over") => Compare::MoreThan(f),
            Some("less" | "fewer" | "under") => Compare::LessThan(f),
            Some("nearly" | "almost") => Compare::AtMost(f),
            _ => Compare::About(f),
        };
        return Some((c, i + 1));
    }
    if head.is_none() {
        return match (w(0), w(1)) {
            ("most", _) | ("the" | "a", "majority") => {
                Some((Compare::MoreThan(0.5), if w(0) == "most" { 1 } else { 2 }))
            }
            ("all", _) => Some((Compare::AtLeast(1.0), 1)),
            ("none", _) => Some((Compare::AtMost(0.0), 1)),
            _ => None,
        };
    }
    None
}

/// Reads a proportion claim: a quantifier at the start, then attributes by breakdown key.
#[must_use]
pub fn proportion(claim: &str) -> Option<Proportion> {
    let lower = claim.to_lowercase();
    let words: Vec<&str> = lower.unicode_words().collect();
    let (compare, used) = quantifier(&words)?;
    let mut keys: Vec<String> = Vec::new();
    let mut both = true;
    let mut i = used;
    while i < words.len() {
        let w = words[i];
        if w == "or" {
            both = false;
        }
        if matches!(w, "under" | "over") {
            if let Some(Ok(n)) = words.get(i + 1).map(|x| x.parse::<f64>()) {
                keys.push(format!("{w}_{n}"));
                i += 2;
                continue;
            }
        }
        if let Some(k) = key_word(w) {
            if !keys.iter().any(|x| x == k) {
                keys.push(k.to_string());
            }
        }
        i += 1;
    }
    (!keys.is_empty()).then_some(Proportion {
        compare,
        keys,
        both,
    })
}

/// Proportion statements in a sentence, as claims: from the quantifier to the clause's end.
pub(super) fn proportion_claims(s: &Sentence) -> Vec<String> {
    let mut out = Vec::new();
    if s.toks.iter().any(|t| t.quoted) && !official(s) {
        return out;
    }
    let words: Vec<&str> = s.toks.iter().map(|t| t.lower.as_str()).collect();
    let mut i = 0;
    while i < words.len() {
        if let Some((_, used)) = quantifier(&words[i..]) {
            if words.get(i + used) == Some(&"of")
                || matches!(
                    words.get(i + used),
                    Some(&("had" | "have" | "were" | "are" | "suffer"))
                )
            {
                let mut b = i + used;
                while b < words.len() && !matches!(words[b], "," | ";" | "." | "\"" | "”" | "“")
                {
                    b += 1;
                }
                let text = s.span(i, b);
                if proportion(text).is_some() {
                    out.push(capitalise(text));
                }
                i = b;
                continue;
            }
        }
        i += 1;
    }
    out
}
