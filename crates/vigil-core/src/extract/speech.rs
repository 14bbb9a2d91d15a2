//! Who says what in an English report: the speaker of each sentence — found at the speech
//! verb ("X said", "said X", "according to X,", "X noted that") or carried over from the
//! sentence before ("She added…", a quote continued in the next sentence, a quote whose
//! attribution comes at the end of the next one) — classified as the releasing state's
//! officials and agencies, or anyone else (monitors, the opposition, foreign governments,
//! the freed and their families, the press); and what they claim: the quote, or the
//! reported clause. Only the releasing state's statements are official claims.

use super::claims::capitalise;
use super::text::Sentence;

/// Whose statement a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Speaker {
    /// The releasing state's officials and agencies (president, press service, ministry,
    /// court, state news agency).
    Official,
    /// Monitors, the opposition, foreign officials, the freed, the press.
    Other,
    /// No statement.
    None,
}

const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "stated",
    "noted",
    "added",
    "announced",
    "declared",
    "claimed",
    "according",
    "saying",
    "wrote",
    "told",
    "indicated",
    "confirmed",
    "stressed",
    "explained",
    "reported",
    "quoted",
    "insisted",
    "emphasised",
    "emphasized",
    "clarified",
    "specified",
    "affirmed",
    "maintained",
    "underlined",
    "informed",
    "communicated",
    "argued",
    "assured",
    "warned",
    "claims",
    "calls",
    "describes",
    "described",
    "reportedly",
    "reports",
    "notes",
    "adds",
    "announces",
];

const OFFICIAL: &[&str] = &[
    "official",
    "officials",
    "administration",
    "ministry",
    "minister",
    "government",
    "president",
    "presidential",
    "presidency",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "authorities",
    "court",
    "magistrate",
    "judge",
    "judiciary",
    "prosecutor",
    "kgb",
    "kremlin",
    "junta",
    "regime",
    "office",
    "belta",
    "mrtv",
    "leadership",
    "service",
    "agency",
    "decree",
    "lukashenko",
    "lukashenka",
    "putin",
    "ortega",
    "maduro",
    "it",
    "state",
    "committee",
    "council",
    "communique",
];

const OTHER: &[&str] = &[
    "monitor",
    "monitors",
    "activist",
    "activists",
    "rights",
    "viasna",
    "vyasna",
    "memorial",
    "ovd-info",
    "aapp",
    "opposition",
    "lawyer",
    "lawyers",
    "relatives",
    "wife",
    "husband",
    "mother",
    "father",
    "daughter",
    "son",
    "sister",
    "brother",
    "exiled",
    "ngo",
    "group",
    "forum",
    "tsikhanouskaya",
    "tsikhanouski",
    "tikhanovskaya",
    "cichanoŭskaja",
    "viacorka",
    "aide",
    "family",
    "families",
    "prisoner",
    "released",
    "freed",
    "former",
    "u.s",
    "us",
    "american",
    "washington",
    "biden",
    "trump",
    "blinken",
    "embassy",
    "lithuanian",
    "lithuania",
    "nauseda",
    "turkish",
    "turkey",
    "turkey's",
    "ankara",
    "erdogan",
    "german",
    "germany",
    "polish",
    "poland",
    "european",
    "eu",
    "un",
    "british",
    "ukraine's",
    "ukrainian",
    "coale",
    "cole",
    "kellogg",
    "envoy",
    "delegation",
    "congressman",
    "senator",
    "dpa",
    "reuters",
    "ap",
    "afp",
    "journal",
    "editor",
    "reporter",
    "department",
];

/// Pronouns and phrases that carry the speaker over from the sentence before.
const CARRIED: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "the",
    "also",
    "spokesperson",
    "is",
    "was",
    "has",
    "been",
];

/// The token of the speech verb outside quotes, if any.
fn verb(s: &Sentence) -> Option<usize> {
    (0..s.toks.len()).find(|&i| !s.toks[i].quoted && VERBS.contains(&s.word(i)))
}

fn is_quote_mark(t: &str) -> bool {
    matches!(t, "\"" | "“" | "”" | "«" | "»")
}

/// The speaker's tokens: before the verb back to a quote, a comma after a quote or the
/// start; or, for "…," said the press service / "…," Belta said, after it.
fn speaker_span(s: &Sentence, v: usize) -> (usize, usize) {
    if s.word(v) == "according" {
        let a = v + 2;
        let b = (a..s.toks.len())
            .find(|&i| s.toks[i].text == ",")
            .unwrap_or(s.toks.len());
        return (a, b);
    }
    let mut a = v;
    while a > 0 && !s.toks[a - 1].quoted && !is_quote_mark(s.toks[a - 1].text) {
        a -= 1;
        if s.toks[a].text == "," && s.toks[..a].iter().any(|t| t.quoted) {
            a += 1;
            break;
        }
    }
    if a < v {
        return (a, v);
    }
    let b = (v + 1..s.toks.len())
        .find(|&i| s.toks[i].quoted || matches!(s.toks[i].text, "," | "." | ":"))
        .unwrap_or(s.toks.len());
    (v + 1, b)
}

fn classify(s: &Sentence, span: (usize, usize), before: Speaker) -> Speaker {
    let words: Vec<&str> = (span.0..span.1)
        .map(|i| s.word(i))
        .map(|w| w.strip_suffix("'s").unwrap_or(w))
        .collect();
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if content.is_empty() {
        return before;
    }
    if words.iter().any(|w| OTHER.contains(w)) {
        return Speaker::Other;
    }
    if words.iter().any(|w| OFFICIAL.contains(w) && *w != "it") {
        return Speaker::Official;
    }
    if content.len() <= 2 && content.iter().all(|w| CARRIED.contains(w)) {
        return if before == Speaker::None {
            Speaker::Other
        } else {
            before
        };
    }
    Speaker::Other
}

/// Who says the sentence `k`, given who said the one before. A sentence wholly inside a
/// quote takes its speaker from the next sentence of the same line that attributes it,
/// else from the sentence before.
/// The surnames of the presidents a text names ("Egypt's President Abdel-Fattah el-Sissi"),
/// unless a foreign word stands before the title ("U.S. President Donald Trump").
fn leaders(all: &[Sentence]) -> Vec<String> {
    let mut out = Vec::new();
    for s in all {
        for i in 0..s.toks.len() {
            if !matches!(s.word(i), "president" | "leader" | "ruler" | "dictator") {
                continue;
            }
            let foreign = (i.saturating_sub(3)..i).any(|j| OTHER.contains(&s.word(j)));
            let mut j = i + 1;
            while !foreign && j < s.toks.len() {
                let t = &s.toks[j];
                let capital = t.text.chars().next().is_some_and(char::is_uppercase);
                // "Abdel-Fattah el-Sissi", "Nicolás Maduro", "Ilham Aliyev".
                let particle = matches!(
                    s.word(j),
                    "el" | "al" | "bin" | "ibn" | "de" | "van" | "von"
                );
                if !(capital || particle) {
                    break;
                }
                let name = s.word(j).strip_suffix("'s").unwrap_or(s.word(j));
                if capital && !out.iter().any(|n| n == name) && !OTHER.contains(&name) {
                    out.push(name.to_string());
                }
                j += 1;
            }
        }
    }
    out
}

pub(super) fn speaker_of(k: usize, all: &[Sentence], before: Speaker) -> Speaker {
    let who = speaker_in(k, all, before);
    if who != Speaker::Other {
        return who;
    }
    // "el-Sissi said he ordered …": the releasing state's president by name.
    let s = &all[k];
    if let Some(v) = verb(s) {
        let (a, b) = speaker_span(s, v);
        let names = leaders(all);
        let words: Vec<&str> = (a..b)
            .map(|i| s.word(i))
            .map(|w| w.strip_suffix("'s").unwrap_or(w))
            .collect();
        if !words.iter().any(|w| OTHER.contains(w))
            && words.iter().any(|w| names.iter().any(|n| n == w))
        {
            return Speaker::Official;
        }
    }
    who
}

fn speaker_in(k: usize, all: &[Sentence], before: Speaker) -> Speaker {
    let s = &all[k];
    // "Source: Lukashenko's press service": who says the lines that follow.
    if s.word(0) == "source" && s.word(1) == ":" {
        return classify(s, (2, s.toks.len()), before);
    }
    if let Some(v) = verb(s) {
        // "All of them reportedly wrote …": as the source said.
        if s.word(v) == "reportedly" && before != Speaker::None {
            return before;
        }
        return classify(s, speaker_span(s, v), before);
    }
    let quoted_only = s
        .toks
        .iter()
        .filter(|t| t.text.chars().any(char::is_alphanumeric))
        .all(|t| t.quoted);
    if !quoted_only {
        return Speaker::None;
    }
    for next in all.iter().skip(k + 1).take(3) {
        if next.line != s.line {
            break;
        }
        if let Some(v) = verb(next) {
            return classify(next, speaker_span(next, v), before);
        }
    }
    if before == Speaker::Official {
        before
    } else {
        Speaker::None
    }
}

/// What the sentence states: its quote, or the clause reported after the verb.
/// Each statement comes with the quote alone as a second reading, for when the reported
/// clause is the announcement itself ("saying Lukashenko had pardoned 52 people “based on
/// the principles of humanism”").
pub(super) fn statement(s: &Sentence) -> Vec<Vec<String>> {
    let quoted: Vec<usize> = (0..s.toks.len())
        .filter(|&i| s.toks[i].quoted && s.toks[i].text.chars().any(char::is_alphanumeric))
        .collect();
    let v = verb(s);
    // "the authorities have not confirmed a list": nothing said.
    if v.is_some_and(|v| {
        (v.saturating_sub(2)..v).any(|i| matches!(s.word(i), "not" | "never" | "n't" | "declined"))
    }) {
        return Vec::new();
    }
    let reported = v.map(|v| {
        if s.word(v) == "according" {
            let (_, b) = speaker_span(s, v);
            if b + 1 >= s.toks.len() {
                // "…, according to the Minister": what comes before.
                let end = (0..v).rev().find(|&i| s.toks[i].text == ",").unwrap_or(v);
                return (0, end);
            }
            return (b + 1, s.toks.len());
        }
        let (a, b) = speaker_span(s, v);
        if a > v {
            // "…, said the press service": what comes before the comma.
            let end = (0..v).rev().find(|&i| s.toks[i].text == ",").unwrap_or(v);
            return (0, end);
        }
        let mut c = b.max(v + 1);
        while matches!(
            s.word(c),
            "that"
                | "on"
                | "friday"
                | "thursday"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "saturday"
                | "sunday"
                | ","
        ) {
            c += 1;
        }
        (c, s.toks.len())
    });
    let text = match (quoted.first(), reported) {
        (Some(&q), Some((a, b))) if a < q && q - a > 3 => s.span(a, b).to_string(),
        (Some(&q), _) => s.span(q, quoted[quoted.len() - 1] + 1).to_string(),
        (None, Some((a, b))) if a < b => s.span(a, b).to_string(),
        _ => return Vec::new(),
    };
    let text = text.replace(['"', '“', '”', '«', '»'], "");
    let contiguous = quoted
        .windows(2)
        .all(|p| (p[0]..p[1]).all(|i| s.toks[i].quoted));
    let quote_only = quoted.first().filter(|_| contiguous).map(|&q| {
        capitalise(
            s.span(q, quoted[quoted.len() - 1] + 1)
                .replace(['"', '“', '”', '«', '»'], "")
                .trim()
                .trim_end_matches([',', '.', ' ', ';']),
        )
    });
    let mut out = Vec::new();
    // "She noted that …, and said the group included …": two statements.
    for part in text
        .split(" and said ")
        .flat_map(|p| p.split(" and added that "))
    {
        let part = part
            .trim()
            .trim_end_matches([',', '.', ' ', ';'])
            .trim_start_matches([',', ' ']);
        if part.split_whitespace().count() >= 4 {
            let mut readings = vec![capitalise(part)];
            readings.extend(
                quote_only
                    .clone()
                    .filter(|q| q.split_whitespace().count() >= 3),
            );
            out.push(readings);
        }
    }
    out
}
