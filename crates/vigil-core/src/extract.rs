//! `vigil extract`: proposes the announcements, figures and official claims an English
//! report states, for an editor to confirm. Nothing here stores anything.
//!
//! The reading is rule-based and deliberately conservative: a number is taken only when
//! its words say what it counts (a pardon of 29 political prisoners, approximately 1,300
//! political prisoners remain, the seventh pardon this year, 11 women). Every other number
//! is listed in `ignored` with the reason (a year, part of a date, an article number, an
//! age or a term, no known pattern), so an editor sees what was left and why.
//!
//! Sentences come from Unicode sentence boundaries (UAX #29, `unicode-segmentation`);
//! numbers written in words ("six", "twenty-nine", "seventh") from `text2num`.

// Token positions are a, b, i, j, k, as in the grammar texts this follows.
#![allow(clippy::many_single_char_names)]

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;
use text2num::{find_numbers, Language, Token};
use unicode_segmentation::UnicodeSegmentation;

use crate::date::{Day, PartialDate};

/// What the text does not say and the editor does.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The report's date: the day of announcements and figures the text gives no date for,
    /// and the year of "this year".
    pub date: Option<PartialDate>,
    /// The country, when the text's own mentions should not decide it.
    pub country: Option<String>,
}

/// An announcement as the report states it: the interchange record without an id.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProposedAnnouncement {
    #[serde(rename = "type")]
    pub record_type: &'static str,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    pub total: u32,
    pub breakdown: BTreeMap<String, u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub names_disclosed: Option<bool>,
    pub claims: Vec<String>,
    /// The sentence the total was read from (shown to the editor, not stored).
    #[serde(skip)]
    pub evidence: String,
}

/// A figure as the report states it: the interchange record without an id.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProposedFigure {
    #[serde(rename = "type")]
    pub record_type: &'static str,
    pub metric: String,
    pub value: f64,
    pub qualifier: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Who said it, when the report quotes someone for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<String>,
    #[serde(skip)]
    pub evidence: String,
}

/// A number the reading did not take, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ignored {
    pub number: String,
    pub why: &'static str,
}

/// Everything proposed from one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    pub announcements: Vec<ProposedAnnouncement>,
    pub figures: Vec<ProposedFigure>,
    /// Official claims: statements attributed to an official source, quoted or reported.
    pub claims: Vec<String>,
    pub ignored: Vec<Ignored>,
    /// What the editor should know: dates taken from the report rather than the text, …
    pub notes: Vec<String>,
}

/// Reads `text` and proposes what it states. The text is read as [`normalise`] gives it,
/// so the same report with other line endings, spacing or Unicode form reads the same.
#[must_use]
pub fn extract(text: &str, opts: &Options) -> Extraction {
    let text = normalise(text);
    let sentences = sentences(&text);
    let country = opts.country.clone().or_else(|| country_of(&sentences));
    let mut r = Reader {
        opts,
        country,
        out: Extraction::default(),
        current: None,
        scope_start: 0,
    };
    for (k, s) in sentences.iter().enumerate() {
        r.sentence(k, s, &sentences);
    }
    r.close_scope(&sentences, sentences.len());
    r.out
}

// ---------------------------------------------------------------------------------------
// Tokens and numbers

#[derive(Debug)]
struct Tok<'a> {
    text: &'a str,
    lower: String,
    /// Byte offset in the sentence.
    at: usize,
    quoted: bool,
    /// A number written in digits, already read.
    digits: Option<(f64, bool)>,
}

impl Token for &Tok<'_> {
    fn text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.text)
    }
    fn text_lowercase(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.lower)
    }
    fn not_a_number_part(&self) -> bool {
        // Digits are read here; "and" is only part of a number between number words.
        self.digits.is_some() || !self.text.chars().any(char::is_alphanumeric)
    }
}

#[derive(Debug, Clone)]
struct Num {
    first: usize,
    end: usize,
    value: f64,
    ordinal: bool,
    text: String,
}

struct Sentence<'a> {
    text: &'a str,
    /// The first line, when it has no closing punctuation: a headline repeats the body.
    headline: bool,
    toks: Vec<Tok<'a>>,
    nums: Vec<Num>,
    /// Day expressions found, with the token ranges they cover.
    dates: Vec<(usize, usize, PartialDate)>,
}

impl Sentence<'_> {
    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_str())
    }
    fn has(&self, words: &[&str]) -> bool {
        self.toks.iter().any(|t| words.contains(&t.lower.as_str()))
    }
    fn has_in(&self, range: (usize, usize), words: &[&str]) -> bool {
        self.toks[range.0..range.1]
            .iter()
            .any(|t| words.contains(&t.lower.as_str()))
    }
    fn phrase_in(&self, range: (usize, usize), phrase: &[&str]) -> bool {
        let (a, b) = range;
        (a..b).any(|i| {
            i + phrase.len() <= b
                && phrase
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.toks[i + k].lower == *w)
        })
    }
    /// The clause around token `i`: between commas, semicolons, dashes and brackets.
    fn clause(&self, i: usize) -> (usize, usize) {
        let stop = |t: &Tok| matches!(t.text, "," | ";" | ":" | "—" | "–" | "(" | ")");
        let mut a = i;
        while a > 0 && !stop(&self.toks[a - 1]) {
            a -= 1;
        }
        let mut b = i;
        while b < self.toks.len() && !stop(&self.toks[b]) {
            b += 1;
        }
        (a, b)
    }
    fn num_at(&self, i: usize) -> Option<&Num> {
        self.nums.iter().find(|n| n.first == i)
    }
    /// Source text from token `a` to the end of token `b - 1`.
    fn span(&self, a: usize, b: usize) -> &str {
        if a >= b {
            return "";
        }
        let last = &self.toks[b - 1];
        &self.text[self.toks[a].at..last.at + last.text.len()]
    }
}

fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let lang = Language::english();
    let mut out = Vec::new();
    let first_line = text.lines().position(|l| !l.trim().is_empty());
    for (number, line) in text.lines().enumerate() {
        let headline = Some(number) == first_line
            && !line.trim_end().ends_with(['.', '!', '?', '"', '”', ':']);
        let quotes = quote_spans(line);
        for (at, s) in line.split_sentence_bound_indices() {
            if s.trim().is_empty() {
                continue;
            }
            let s = s.trim_end();
            let toks: Vec<Tok> = s
                .split_word_bound_indices()
                .filter(|(_, w)| !w.trim().is_empty() && !matches!(*w, "-" | "‑"))
                .map(|(i, w)| Tok {
                    text: w,
                    lower: w.to_lowercase().replace('’', "'"),
                    at: i,
                    quoted: quotes.iter().any(|&(a, b)| at + i > a && at + i < b),
                    digits: digits(w),
                })
                .collect();
            let mut nums: Vec<Num> = toks
                .iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    t.digits.map(|(value, ordinal)| Num {
                        first: i,
                        end: i + 1,
                        value,
                        ordinal,
                        text: t.text.to_string(),
                    })
                })
                .collect();
            for o in find_numbers(toks.iter(), &lang, 0.0) {
                // "a" and "one" as articles and pronouns are not counts.
                let first = toks[o.start].lower.as_str();
                // "hundreds of detainees" is not a count either.
                if o.end == o.start + 1
                    && matches!(
                        first,
                        "a" | "an"
                            | "one"
                            | "first"
                            | "hundred"
                            | "hundreds"
                            | "thousand"
                            | "thousands"
                            | "million"
                            | "millions"
                            | "dozen"
                            | "dozens"
                    )
                {
                    continue;
                }
                nums.push(Num {
                    first: o.start,
                    end: o.end,
                    value: o.value,
                    ordinal: o.is_ordinal,
                    text: s[toks[o.start].at..toks[o.end - 1].at + toks[o.end - 1].text.len()]
                        .to_string(),
                });
            }
            nums.sort_by_key(|n| n.first);
            let mut sentence = Sentence {
                text: s,
                headline,
                toks,
                nums,
                dates: Vec::new(),
            };
            sentence.dates = find_dates(&sentence);
            out.push(sentence);
        }
    }
    out
}

/// Byte ranges inside double quotes (straight or curly), per line.
fn quote_spans(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in line.char_indices() {
        match (c, open) {
            ('"' | '”', Some(a)) => {
                out.push((a, i));
                open = None;
            }
            ('"' | '“', None) => open = Some(i),
            _ => {}
        }
    }
    if let Some(a) = open {
        out.push((a, line.len()));
    }
    out
}

/// "1,300" → 1300; "25" → 25; "21st" → the ordinal 21.
fn digits(w: &str) -> Option<(f64, bool)> {
    let first = w.chars().next()?;
    if !first.is_ascii_digit() {
        return None;
    }
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(n) = w.strip_suffix(suffix) {
            if n.chars().all(|c| c.is_ascii_digit()) {
                return n.parse().ok().map(|v| (v, true));
            }
        }
    }
    if !w
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    w.replace(',', "").parse().ok().map(|v| (v, false))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month(w: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == w).map(|i| i as u32 + 1)
}

fn is_year(n: &Num) -> bool {
    !n.ordinal && !n.text.contains(',') && n.text.len() == 4 && (1900.0..=2100.0).contains(&n.value)
}

/// Day expressions: "9 December 2024", "December 9, 2024", "on 9 December", "2024-12-09",
/// "December 2024". A day without a year is returned as a month-precision placeholder
/// only when a year follows; otherwise the day and month are kept with year 0 and filled
/// from the report's date later.
fn find_dates(s: &Sentence) -> Vec<(usize, usize, PartialDate)> {
    let mut out = Vec::new();
    let n = s.toks.len();
    let day_at = |i: usize| -> Option<u32> {
        let num = s.num_at(i)?;
        (num.end == i + 1 && num.value >= 1.0 && num.value <= 31.0 && num.value.fract() == 0.0)
            .then_some(num.value as u32)
    };
    let year_at = |i: usize| -> Option<i32> {
        let num = s.num_at(i)?;
        is_year(num).then_some(num.value as i32)
    };
    let mut i = 0;
    while i < n {
        // ISO: 2024-12-09 (hyphens were dropped from the tokens; check the text).
        if let (Some(y), Some(m), Some(d)) = (year_at(i), s.num_at(i + 1), s.num_at(i + 2)) {
            let joined = s.span(i, i + 3);
            if joined.len() == 10 && joined.as_bytes()[4] == b'-' && joined.as_bytes()[7] == b'-' {
                if let Some(day) = Day::ymd(y, m.value as u32, d.value as u32) {
                    out.push((i, i + 3, PartialDate::day(day)));
                    i += 3;
                    continue;
                }
            }
        }
        if let Some(m) = month(&s.toks[i].lower) {
            // "May" is also a verb: only a month next to a day or a year.
            let before = if i > 0 { day_at(i - 1) } else { None };
            let before_of = if i > 1 && s.word(i - 1) == "of" {
                day_at(i - 2)
            } else {
                None
            };
            let after = day_at(i + 1).filter(|_| year_at(i + 1).is_none());
            let day = before.or(before_of).or(after);
            let mut a = i;
            let mut b = i + 1;
            if before.is_some() {
                a = i - 1;
            } else if before_of.is_some() {
                a = i - 2;
            } else if after.is_some() {
                b = i + 2;
            }
            let mut year = None;
            let mut j = b;
            if s.word(j) == "," {
                j += 1;
            }
            if let Some(y) = year_at(j) {
                year = Some(y);
                b = j + 1;
            }
            let date = match (day, year) {
                (Some(d), y) => Day::ymd(y.unwrap_or(0), m, d).map(PartialDate::day),
                (None, Some(y)) => PartialDate::month(y, m),
                (None, None) => None,
            };
            if let Some(date) = date {
                out.push((a, b, date));
                i = b;
                continue;
            }
        }
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------------------
// Word classes

const RELEASE: &[&str] = &[
    "pardon",
    "pardons",
    "pardoned",
    "pardoning",
    "amnesty",
    "amnestied",
    "released",
    "release",
    "releases",
    "releasing",
    "freed",
    "free",
    "freeing",
    "liberated",
];
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "person",
    "prisoners",
    "prisoner",
    "detainees",
    "inmates",
    "convicts",
    "individuals",
    "citizens",
    "others",
    "activists",
    "protesters",
    "journalists",
    "belarusians",
    "russians",
    "dissidents",
    "opponents",
    "women",
    "men",
];
const HELD: &[&str] = &[
    "remain",
    "remains",
    "remained",
    "held",
    "bars",
    "jail",
    "jails",
    "prison",
    "prisons",
    "imprisoned",
    "incarcerated",
    "custody",
    "detention",
    "behind",
    "currently",
    "serving",
    "counts",
    "lists",
];
const EXILE: &[&str] = &[
    "exile",
    "exiled",
    "fled",
    "flee",
    "emigrated",
    "emigrate",
    "emigration",
    "relocated",
];
const TOTAL: &[&str] = &[
    "total",
    "totals",
    "altogether",
    "overall",
    "cumulative",
    "bringing",
    "brings",
];
const WAVE: &[&str] = &[
    "instance",
    "instances",
    "wave",
    "waves",
    "round",
    "rounds",
    "time",
    "times",
    "pardon",
    "pardons",
    "batch",
    "batches",
    "act",
];
const ARTICLE: &[&str] = &[
    "article",
    "articles",
    "art",
    "part",
    "parts",
    "paragraph",
    "section",
    "clause",
    "§",
    "no",
    "number",
    "chapter",
    "code",
    "decree",
    "law",
    "case",
    "cases",
];
const DURATION: &[&str] = &[
    "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "hour",
    "hours",
];
const MONEY: &[&str] = &[
    "dollars", "euros", "rubles", "roubles", "usd", "eur", "byn", "$", "€",
];
const OFFICIAL: &[&str] = &[
    "official",
    "officials",
    "statement",
    "administration",
    "ministry",
    "minister",
    "government",
    "president",
    "presidential",
    "press",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "authorities",
    "decree",
    "court",
    "prosecutor",
    "prosecutor's",
    "kgb",
    "committee",
    "kremlin",
    "junta",
    "council",
    "it",
];
const UNOFFICIAL: &[&str] = &[
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
    "exiled",
    "ngo",
    "group",
];
const SPEECH: &[&str] = &[
    "said",
    "says",
    "claimed",
    "claims",
    "stated",
    "states",
    "added",
    "noted",
    "announced",
    "declared",
    "according",
    "saying",
    "wrote",
    "told",
];

/// The breakdown key a word names, if any ("women" → women, "disabilities" → disabled).
fn key_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "women" | "woman" | "female" | "females" | "girls" => "women",
        "men" | "man" | "male" | "males" => "men",
        "minors" | "minor" | "juveniles" | "teenagers" | "underage" => "minors",
        "pensioners" | "pensioner" | "retirees" | "retirement" | "elderly" | "pensionable" => {
            "pensioners"
        }
        "disabled" | "disabilities" | "disability" | "invalids" | "handicapped" => "disabled",
        "chronic" | "chronically" => "chronic_illness",
        "foreigners" | "foreign" | "foreigner" => "foreign_nationals",
        _ => return None,
    })
}

/// Words that may stand between a count and what it counts: "six [of them are] pensioners".
const FILLER: &[&str] = &[
    "of",
    "them",
    "those",
    "whom",
    "are",
    "were",
    "is",
    "was",
    "have",
    "had",
    "has",
    "people",
    "persons",
    "prisoners",
    "political",
    "convicts",
    "being",
    "suffer",
    "suffering",
    "from",
    "with",
    "the",
    "among",
    "age",
    "aged",
    "diagnosed",
    "persons",
    "serious",
];

/// The breakdown key after the number ending at token `end`: the key, the token after it,
/// and for an age band the token of its bound.
fn key_after(s: &Sentence, end: usize) -> Option<(String, usize)> {
    let mut j = end;
    let limit = (end + 6).min(s.toks.len());
    while j < limit {
        let w = s.word(j);
        if matches!(
            w,
            "under" | "younger" | "below" | "over" | "older" | "above"
        ) {
            let mut k = j + 1;
            while matches!(s.word(k), "the" | "age" | "of" | "than") {
                k += 1;
            }
            let bound = s.num_at(k)?;
            let band = if matches!(w, "under" | "younger" | "below") {
                "under"
            } else {
                "over"
            };
            let mut after = bound.end;
            while matches!(s.word(after), "years" | "year" | "old") {
                after += 1;
            }
            return Some((format!("{band}_{}", bound.value), after));
        }
        if let Some(key) = key_word(w) {
            let mut after = j + 1;
            while matches!(
                s.word(after),
                "diseases" | "illnesses" | "illness" | "disease" | "conditions" | "ill" | "age"
            ) {
                after += 1;
            }
            return Some((key.to_string(), after));
        }
        if !FILLER.contains(&w) {
            return None;
        }
        j += 1;
    }
    None
}

// ---------------------------------------------------------------------------------------
// The reading

struct Current {
    announcement: ProposedAnnouncement,
    /// Claims already attached (quotes read as claims).
    sentence: usize,
}

struct Reader<'o> {
    opts: &'o Options,
    country: Option<String>,
    out: Extraction,
    current: Option<Current>,
    /// First sentence of the current announcement's scope.
    scope_start: usize,
}

impl Reader<'_> {
    fn report_date(&self) -> Option<String> {
        self.opts.date.map(|d| d.to_string())
    }

    /// A date from the text, completing a missing year from the report's date.
    fn complete(&self, d: PartialDate) -> Option<PartialDate> {
        if d.year_number() != 0 {
            return Some(d);
        }
        let report = self.opts.date?;
        let first = d.first_day().to_naive();
        let year = report.year_number();
        let candidate = Day::ymd(
            year,
            chrono::Datelike::month(&first),
            chrono::Datelike::day(&first),
        )?;
        // A day after the report belongs to the year before.
        if candidate > report.last_day() {
            Day::ymd(
                year - 1,
                chrono::Datelike::month(&first),
                chrono::Datelike::day(&first),
            )
            .map(PartialDate::day)
        } else {
            Some(PartialDate::day(candidate))
        }
    }

    fn sentence(&mut self, k: usize, s: &Sentence, all: &[Sentence]) {
        let mut consumed = vec![false; s.toks.len()];
        for (a, b, _) in &s.dates {
            for c in consumed.iter_mut().take(*b).skip(*a) {
                *c = true;
            }
            self.out.ignored.push(Ignored {
                number: s.span(*a, *b).to_string(),
                why: "part of a date",
            });
        }
        if s.headline {
            for n in &s.nums {
                self.ignore(n, "in the headline (the body is read instead)");
            }
            return;
        }
        let mut figure_here = false;
        let mut breakdown_here = false;
        let nums = s.nums.clone();
        for n in &nums {
            if consumed[n.first] {
                continue;
            }
            for c in consumed.iter_mut().take(n.end).skip(n.first) {
                *c = true;
            }
            if let Some(why) = not_a_count(s, n) {
                self.ignore(n, why);
                continue;
            }
            let clause = s.clause(n.first);
            let release_sentence = s.has(RELEASE);
            if n.ordinal {
                let wave_noun =
                    (n.end..(n.end + 4).min(s.toks.len())).any(|i| WAVE.contains(&s.word(i)));
                if wave_noun && release_sentence {
                    self.figure(s, n, "pardon_waves_year", n.value);
                    figure_here = true;
                } else {
                    self.ignore(n, "an ordinal");
                }
                continue;
            }
            if n.value.fract() != 0.0 || matches!(s.word(n.end), "million" | "billion" | "thousand")
            {
                self.ignore(n, "not a count of people");
                continue;
            }
            if matches!(s.word(n.end), "percent" | "%" | "per") {
                self.ignore(n, "a proportion");
                continue;
            }
            if matches!(s.word(n.end), "times") || s.word(n.first.wrapping_sub(1)) == "times" {
                self.ignore(n, "a ratio");
                continue;
            }
            let people_after =
                (n.end..(n.end + 4).min(s.toks.len())).any(|i| PEOPLE.contains(&s.word(i)));
            let people_in_clause = s.has_in(clause, PEOPLE);
            let release_clause = s.has_in(clause, RELEASE)
                || s.phrase_in(clause, &["set", "free"])
                || (s.has_in(clause, &["were", "have", "been"]) && release_sentence);
            let perfect = s.has_in(clause, &["have", "has", "had", "so", "since", "to"]);
            let total_marker = s.has_in(clause, TOTAL)
                || s.phrase_in(clause, &["so", "far"])
                || s.phrase_in(clause, &["in", "all"])
                || s.phrase_in(clause, &["to", "date"])
                || (s.phrase_in(clause, &["this", "year"]) && perfect);
            // A running total of those freed.
            if total_marker && (release_clause || release_sentence) && people_in_clause {
                let year =
                    s.phrase_in((0, s.toks.len()), &["this", "year"]) || s.has(&["year", "year's"]);
                let metric = if year {
                    "pardoned_total_year"
                } else {
                    "pardoned_total"
                };
                self.figure(s, n, metric, n.value);
                figure_here = true;
                continue;
            }
            if people_after
                && (s.has_in(clause, EXILE) || s.phrase_in(clause, &["left", "the", "country"]))
            {
                self.figure(s, n, "exiled_total", n.value);
                figure_here = true;
                continue;
            }
            if s.has_in(clause, &["waves", "rounds"]) && release_sentence && n.value < 100.0 {
                let wave_after = (n.end..(n.end + 4).min(s.toks.len()))
                    .any(|i| matches!(s.word(i), "waves" | "rounds"));
                if wave_after {
                    self.figure(s, n, "pardon_waves_year", n.value);
                    figure_here = true;
                    continue;
                }
            }
            // A breakdown of the announcement in scope ("11 women", "six are under 25").
            if let Some((key, after)) = key_after(s, n.end) {
                for c in consumed.iter_mut().take(after).skip(n.end) {
                    *c = true;
                }
                if figure_here {
                    self.ignore(n, "a breakdown of a reported figure");
                    continue;
                }
                let fits = self.current.as_ref().is_some_and(|c| {
                    n.value.fract() == 0.0 && n.value <= f64::from(c.announcement.total)
                });
                if fits {
                    let c = self.current.as_mut().expect("checked");
                    c.announcement
                        .breakdown
                        .entry(key)
                        .or_insert(n.value as u32);
                    breakdown_here = true;
                    continue;
                }
                if !(release_clause && self.current.is_none()) {
                    self.ignore(n, "a breakdown with no announcement it could belong to");
                    continue;
                }
            }
            let after_release_verb = n.first > 0 && RELEASE.contains(&s.word(n.first - 1))
                || (n.first > 1
                    && s.word(n.first - 1) == "of"
                    && RELEASE.contains(&s.word(n.first - 2)));
            let held_clause = s.has_in(clause, HELD) && !s.has_in(clause, RELEASE);
            if release_clause
                && (after_release_verb || (people_after && !detention_verb(s, n, clause)))
                && !held_clause
            {
                self.announce(k, s, n, all);
                continue;
            }
            let political = s.phrase_in(clause, &["political", "prisoners"])
                || s.phrase_in(clause, &["political", "prisoner"]);
            let number_of = s.phrase_in(clause, &["number", "of", "political", "prisoners"]);
            if political && ((held_clause && people_after) || number_of) {
                self.figure(s, n, "political_prisoners_held", n.value);
                figure_here = true;
                continue;
            }
            if political && s.has_in(clause, &["recognized", "recognised"]) && people_after {
                self.figure(s, n, "recognized_total", n.value);
                figure_here = true;
                continue;
            }
            self.ignore(n, "no known pattern");
        }
        self.ratio(s);
        if let Some(c) = &mut self.current {
            if k >= c.sentence {
                let claims = official_claims(s, breakdown_here);
                for claim in claims {
                    push_unique(&mut c.announcement.claims, &claim);
                    push_unique(&mut self.out.claims, &claim);
                }
            }
        } else {
            for claim in official_claims(s, breakdown_here) {
                push_unique(&mut self.out.claims, &claim);
            }
        }
    }

    fn ignore(&mut self, n: &Num, why: &'static str) {
        self.out.ignored.push(Ignored {
            number: n.text.clone(),
            why,
        });
    }

    fn figure(&mut self, s: &Sentence, n: &Num, metric: &str, value: f64) {
        let as_of = s
            .dates
            .first()
            .and_then(|(_, _, d)| self.complete(*d))
            .map(|d| d.to_string())
            .or_else(|| self.report_date());
        self.out.figures.push(ProposedFigure {
            record_type: "figure",
            metric: metric.to_string(),
            value,
            qualifier: qualifier_before(s, n.first),
            as_of,
            country: self.country.clone(),
            attributed_to: None,
            evidence: s.text.to_string(),
        });
    }

    /// "twice as many people put in prison as have been pardoned" → a ratio figure.
    fn ratio(&mut self, s: &Sentence) {
        let n = s.toks.len();
        for i in 0..n {
            let (factor, next) = match s.word(i) {
                "twice" => (2.0, i + 1),
                "thrice" => (3.0, i + 1),
                "half" if s.word(i + 1) == "as" => (0.5, i + 1),
                _ => match s.num_at(i) {
                    Some(num) if s.word(num.end) == "times" => (num.value, num.end + 1),
                    _ => continue,
                },
            };
            if !(s.word(next) == "as" && s.word(next + 1) == "many") {
                continue;
            }
            let Some(sep) = (next + 2..n).find(|&j| matches!(s.word(j), "as" | "than")) else {
                continue;
            };
            let group = |a: usize, b: usize| -> Option<&'static str> {
                (a..b).find_map(|j| match s.word(j) {
                    "prison" | "imprisoned" | "jailed" | "jail" | "convicted" | "sentenced" => {
                        Some("imprisoned")
                    }
                    "detained" | "arrested" => Some("detained"),
                    "pardoned" | "pardons" => Some("pardoned"),
                    "released" | "freed" | "free" => Some("released"),
                    "recognized" | "recognised" => Some("recognized"),
                    _ => None,
                })
            };
            let (Some(a), Some(b)) = (group(next + 2, sep), group(sep + 1, n)) else {
                continue;
            };
            let as_of = s
                .dates
                .first()
                .and_then(|(_, _, d)| self.complete(*d))
                .map(|d| d.to_string())
                .or_else(|| self.report_date());
            self.out.figures.push(ProposedFigure {
                record_type: "figure",
                metric: format!("ratio_{a}_to_{b}"),
                value: factor,
                qualifier: "approximately",
                as_of,
                country: self.country.clone(),
                attributed_to: speaker(s),
                evidence: s.text.to_string(),
            });
            return;
        }
    }

    fn announce(&mut self, k: usize, s: &Sentence, n: &Num, all: &[Sentence]) {
        self.close_scope(all, k);
        let kind = if s.has(&["amnesty", "amnestied"]) {
            "amnesty"
        } else if s.has(&["pardon", "pardons", "pardoned", "pardoning"]) {
            "pardon"
        } else {
            "release"
        };
        let date = if let Some(d) = s.dates.first().and_then(|(_, _, d)| self.complete(*d)) {
            Some(d.to_string())
        } else {
            {
                let d = self.report_date();
                self.out.notes.push(match &d {
                    Some(d) => format!(
                        "the {kind} of {} has no date in the text: the report's date {d} is proposed",
                        n.text
                    ),
                    None => format!(
                        "the {kind} of {} has no date in the text: give the report's date with --date",
                        n.text
                    ),
                });
                d
            }
        };
        self.scope_start = k;
        self.current = Some(Current {
            announcement: ProposedAnnouncement {
                record_type: "announcement",
                kind,
                date,
                country: self.country.clone(),
                issuer: None,
                total: n.value as u32,
                breakdown: BTreeMap::new(),
                names_disclosed: None,
                claims: Vec::new(),
                evidence: s.text.to_string(),
            },
            sentence: k,
        });
    }

    /// Finishes the announcement in scope (sentences scope_start..end): issuer, names
    /// disclosed, claims stated in reported speech.
    fn close_scope(&mut self, all: &[Sentence], end: usize) {
        let Some(mut c) = self.current.take() else {
            return;
        };
        let scope = &all[self.scope_start..end];
        c.announcement.issuer = scope.iter().take(3).find_map(issuer);
        c.announcement.names_disclosed = scope.iter().find_map(names_disclosed);
        for s in scope {
            for claim in proportion_claims(s) {
                push_unique(&mut c.announcement.claims, &claim);
                push_unique(&mut self.out.claims, &claim);
            }
        }
        self.out.announcements.push(c.announcement);
    }
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

const DETAIN: &[&str] = &[
    "detained",
    "arrested",
    "jailed",
    "convicted",
    "sentenced",
    "imprisoned",
    "charged",
    "recognized",
    "recognised",
];

/// Is the verb that governs a count one of detention rather than release? The first
/// detention or release word after the number decides ("45 people were detained … and 12
/// were released": 45 were detained).
fn detention_verb(s: &Sentence, n: &Num, clause: (usize, usize)) -> bool {
    (n.end..clause.1)
        .map(|i| s.word(i))
        .find(|w| DETAIN.contains(w) || RELEASE.contains(w))
        .is_some_and(|w| DETAIN.contains(&w) && !matches!(w, "convicted" | "sentenced" | "charged"))
}

/// Why a number is not a count of people, if it is not.
fn not_a_count(s: &Sentence, n: &Num) -> Option<&'static str> {
    if is_year(n) && !PEOPLE.contains(&s.word(n.end)) {
        return Some("a year");
    }
    let prev = n.first.checked_sub(1).map_or("", |i| s.word(i));
    // "Article 342", "Part 1 of Article 361-1", "Articles 342 and 361".
    let mut j = n.first;
    while j > 0 {
        let w = s.word(j - 1);
        if s.num_at(j - 1).is_some()
            || matches!(w, "," | "and" | "or" | "of" | ".")
            || s.nums.iter().any(|m| m.end == j && m.first < j)
        {
            j -= 1;
            continue;
        }
        if ARTICLE.contains(&w) {
            return Some("an article number");
        }
        break;
    }
    let age_word = matches!(prev, "aged" | "age")
        || (prev == "of" && n.first > 1 && s.word(n.first - 2) == "age");
    if age_word && !(n.first > 2 && matches!(s.word(n.first - 3), "under" | "over")) {
        return Some("an age");
    }
    if DURATION.contains(&s.word(n.end)) {
        return Some("an age or a term");
    }
    if MONEY.contains(&s.word(n.end)) || MONEY.contains(&prev) {
        return Some("an amount of money");
    }
    if s.toks[n.first].quoted && n.value < 1.0 {
        return Some("no known pattern");
    }
    None
}

/// The qualifier words right before a number: "approximately 1,300", "at least 13,000".
fn qualifier_before(s: &Sentence, first: usize) -> &'static str {
    let w = |k: usize| first.checked_sub(k).map_or("", |i| s.word(i));
    match (w(2), w(1)) {
        ("at", "least") | ("no", "fewer") | ("not", "less") | ("a", "minimum") => "at_least",
        ("more", "than") | ("in", "excess") | ("upwards", "of") | (_, "over") => "more_than",
        ("up", "to")
        | ("as", "many")
        | ("no", "more")
        | ("at", "most")
        | ("fewer" | "less", "than") => "up_to",
        (
            _,
            "approximately" | "about" | "around" | "roughly" | "some" | "nearly" | "almost"
            | "estimated" | "approx" | "circa" | "c.",
        ) => "approximately",
        _ => "exact",
    }
}

/// Who a sentence quotes: the words before "said" or "was quoted", outside the quotes.
fn speaker(s: &Sentence) -> Option<String> {
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
fn official(s: &Sentence) -> bool {
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

/// Quoted statements attributed to an official source. A quote that gave breakdown counts
/// is the breakdown, not a claim.
fn official_claims(s: &Sentence, breakdown_here: bool) -> Vec<String> {
    let quoted: Vec<usize> = (0..s.toks.len())
        .filter(|&i| s.toks[i].quoted && s.toks[i].text.chars().any(char::is_alphanumeric))
        .collect();
    if quoted.is_empty() || breakdown_here || !official(s) {
        return Vec::new();
    }
    let (a, b) = (quoted[0], quoted[quoted.len() - 1] + 1);
    let inner = s.span(a, b);
    // Whole-sentence quote: the quote is the claim. Partial: the clause after "that".
    let outside_words = (0..s.toks.len())
        .filter(|&i| !s.toks[i].quoted && s.toks[i].text.chars().any(char::is_alphanumeric))
        .count();
    let text = if a > 0 && outside_words > 0 && s.toks[..a].iter().any(|t| t.lower == "that") {
        let that = s.toks[..a]
            .iter()
            .rposition(|t| t.lower == "that")
            .expect("checked");
        let full = s.span(that + 1, b);
        full.replace(['"', '“', '”'], "")
    } else {
        inner.to_string()
    };
    let text = text.trim().trim_end_matches([',', '.', ' ']).to_string();
    if text.split_whitespace().count() < 3 {
        return Vec::new();
    }
    vec![capitalise(&text)]
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The official body an announcement names: "the Belarusian presidential administration".
fn issuer(s: &Sentence) -> Option<String> {
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
fn names_disclosed(s: &Sentence) -> Option<bool> {
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

// ---------------------------------------------------------------------------------------
// Proportion claims: "more than half of them had disabilities and chronic illnesses"

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
fn quantifier(words: &[&str]) -> Option<(Compare, usize)> {
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
fn proportion_claims(s: &Sentence) -> Vec<String> {
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

/// The country the text talks about most (ISO code), among those vigil knows words for.
fn country_of(sentences: &[Sentence]) -> Option<String> {
    const WORDS: &[(&str, &[&str])] = &[
        (
            "BY",
            &["belarus", "belarusian", "belarusians", "belarus's", "minsk"],
        ),
        (
            "RU",
            &["russia", "russian", "russians", "russia's", "moscow"],
        ),
        (
            "MM",
            &[
                "myanmar",
                "burma",
                "burmese",
                "myanmar's",
                "naypyidaw",
                "yangon",
            ],
        ),
        (
            "VE",
            &[
                "venezuela",
                "venezuelan",
                "venezuelans",
                "venezuela's",
                "caracas",
            ],
        ),
        ("UA", &["ukraine", "ukrainian", "ukrainians", "kyiv"]),
        ("AZ", &["azerbaijan", "azerbaijani", "baku"]),
        ("NI", &["nicaragua", "nicaraguan", "managua"]),
        ("CU", &["cuba", "cuban", "havana"]),
    ];
    let mut best: Option<(&str, usize)> = None;
    for (code, words) in WORDS {
        let n = sentences
            .iter()
            .flat_map(|s| &s.toks)
            .filter(|t| words.contains(&t.lower.as_str()))
            .count();
        if n > 0 && best.is_none_or(|(_, m)| n > m) {
            best = Some((code, n));
        }
    }
    best.map(|(c, _)| c.to_string())
}

/// A report's text in the one form its reading and its proposals' ids derive from: a
/// leading byte order mark dropped, Unicode NFC, every line break (CRLF, CR, LF, NEL,
/// U+2028, U+2029) one LF, every run of other whitespace one space, each line trimmed and
/// blank lines dropped. The same report saved by an editor (LF), pasted in a browser
/// (CRLF), re-spaced or decomposed (NFD) is one text. Sentences do not cross lines, so
/// line breaks are kept.
#[must_use]
pub fn normalise(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let nfc: String = text.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    for line in nfc.split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(first);
        for w in words {
            out.push(' ');
            out.push_str(w);
        }
    }
    out
}

/// Where a report came from, for the source record of its proposals.
#[derive(Debug, Clone, Default)]
pub struct SourceInfo {
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// As given (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: Option<String>,
}

/// Why proposals cannot become records.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProposalError {
    #[error("no date for {}: give the report's date", .0.join(", "))]
    NoDate(Vec<String>),
    #[error("proposed {0}: {1}")]
    Invalid(String, String),
}

/// The records an editor confirms: a source for the report, then the announcements and
/// figures citing it, in the interchange format. Ids derive from the [`normalise`]d text,
/// so confirming the same report twice — from a file, pasted in a browser — proposes the
/// same records, and storing them again adds nothing. Every one is valid interchange.
pub fn proposed_records(
    text: &str,
    x: &Extraction,
    source: &SourceInfo,
) -> Result<Vec<serde_json::Value>, ProposalError> {
    use serde_json::{json, Map, Value};
    let text = normalise(text);
    let digest = crate::chain::Hash::of_body(&text).to_hex();
    let prefix = format!("x{}", &digest[..10]);
    let source_id = format!("{prefix}-source");
    let mut src = Map::new();
    src.insert("type".into(), "source".into());
    src.insert("id".into(), source_id.clone().into());
    if let Some(title) = text.lines().map(str::trim).find(|l| !l.is_empty()) {
        src.insert(
            "title".into(),
            title.chars().take(200).collect::<String>().into(),
        );
    }
    for (k, v) in [
        ("publisher", &source.publisher),
        ("url", &source.url),
        ("published", &source.date),
    ] {
        if let Some(v) = v {
            src.insert(k.into(), v.clone().into());
        }
    }
    let with_id = |v: Value, id: String| {
        let mut v = v;
        let o = v.as_object_mut().expect("records serialise as objects");
        o.insert("id".into(), id.into());
        o.insert("sources".into(), json!([source_id.clone()]));
        v
    };
    let mut out = vec![Value::Object(src)];
    let mut missing = Vec::new();
    for (i, a) in x.announcements.iter().enumerate() {
        if a.date.is_none() {
            missing.push(format!("the {} of {}", a.kind, a.total));
        }
        let v = serde_json::to_value(a).expect("a proposal serialises");
        out.push(with_id(v, format!("{prefix}-a{}", i + 1)));
    }
    for (i, f) in x.figures.iter().enumerate() {
        if f.as_of.is_none() {
            missing.push(format!(
                "the figure {} {}",
                f.metric,
                crate::format::thousands(f.value)
            ));
        }
        let v = serde_json::to_value(f).expect("a proposal serialises");
        out.push(with_id(v, format!("{prefix}-f{}", i + 1)));
    }
    if !missing.is_empty() {
        return Err(ProposalError::NoDate(missing));
    }
    for r in &out {
        crate::record::parse_value(r.clone())
            .map_err(|e| ProposalError::Invalid(r["id"].to_string(), e.to_string()))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
