//! Tokens, numbers and dates: a report cut into sentences (Unicode sentence boundaries),
//! each sentence into tokens with their quoting, numbers in digits or words (`text2num`),
//! and the day expressions they form.

use crate::date::{Day, PartialDate};
use std::borrow::Cow;
use text2num::{find_numbers, Language, Token};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    pub(super) lower: String,
    /// Byte offset in the sentence.
    pub(super) at: usize,
    pub(super) quoted: bool,
    /// A number written in digits, already read.
    pub(super) digits: Option<(f64, bool)>,
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
pub(super) struct Num {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) ordinal: bool,
    pub(super) text: String,
}

pub(super) struct Sentence<'a> {
    pub(super) text: &'a str,
    /// The line of the text the sentence is on (quotes and their attribution share one).
    pub(super) line: usize,
    pub(super) toks: Vec<Tok<'a>>,
    pub(super) nums: Vec<Num>,
    /// Day expressions found, with the token ranges they cover.
    pub(super) dates: Vec<(usize, usize, PartialDate)>,
}

impl Sentence<'_> {
    pub(super) fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_str())
    }
    pub(super) fn has(&self, words: &[&str]) -> bool {
        self.toks.iter().any(|t| words.contains(&t.lower.as_str()))
    }
    pub(super) fn has_in(&self, range: (usize, usize), words: &[&str]) -> bool {
        self.toks[range.0..range.1]
            .iter()
            .any(|t| words.contains(&t.lower.as_str()))
    }
    pub(super) fn phrase_in(&self, range: (usize, usize), phrase: &[&str]) -> bool {
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
    pub(super) fn clause(&self, i: usize) -> (usize, usize) {
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
    pub(super) fn num_at(&self, i: usize) -> Option<&Num> {
        self.nums.iter().find(|n| n.first == i)
    }
    /// Source text from token `a` to the end of token `b - 1`.
    pub(super) fn span(&self, a: usize, b: usize) -> &str {
        if a >= b {
            return "";
        }
        let last = &self.toks[b - 1];
        &self.text[self.toks[a].at..last.at + last.text.len()]
    }
}

pub(super) fn sentences(text: &str, report: Option<PartialDate>) -> Vec<Sentence<'_>> {
    let lang = Language::english();
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
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
                // But "one is disabled", "one has a disability" in a breakdown is one.
                let word = |k: usize| toks.get(k).map_or("", |t: &Tok| t.lower.as_str());
                let one_cell = first == "one"
                    && matches!(word(o.end), "is" | "has" | "was" | "had")
                    && (o.end + 1..o.end + 5).any(|k| super::words::key_word(word(k)).is_some());
                // "hundreds of detainees" is not a count either.
                if o.end == o.start + 1
                    && !one_cell
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
                line: number,
                toks,
                nums,
                dates: Vec::new(),
            };
            sentence.dates = find_dates(&sentence, report);
            out.push(sentence);
        }
    }
    out
}

/// Byte ranges inside double quotes (straight or curly), per line.
pub(super) fn quote_spans(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in line.char_indices() {
        match (c, open) {
            ('"' | '”' | '»', Some(a)) => {
                out.push((a, i));
                open = None;
            }
            ('"' | '“' | '«', None) => open = Some(i),
            _ => {}
        }
    }
    if let Some(a) = open {
        out.push((a, line.len()));
    }
    out
}

/// "1,300" → 1300; "25" → 25; "21st" → the ordinal 21.
pub(super) fn digits(w: &str) -> Option<(f64, bool)> {
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

pub(super) const MONTHS: [&str; 12] = [
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

pub(super) fn month(w: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| *m == w)
        .map(|i| i as u32 + 1)
        .or(match w {
            "jan" => Some(1),
            "feb" => Some(2),
            "mar" => Some(3),
            "apr" => Some(4),
            "jun" => Some(6),
            "jul" => Some(7),
            "aug" => Some(8),
            "sep" | "sept" => Some(9),
            "oct" => Some(10),
            "nov" => Some(11),
            "dec" => Some(12),
            _ => None,
        })
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Dates told relative to the report's day: "on Saturday" (the last Saturday up to the
/// report), "today", "yesterday", "last month", "in July" (of the report's year, or the
/// year before when July is after the report).
fn relative_dates(
    s: &Sentence,
    report: Option<PartialDate>,
    out: &mut Vec<(usize, usize, PartialDate)>,
) {
    use chrono::Datelike;
    let Some(report) = report else { return };
    let day_known = report.precision() == crate::date::Precision::Day;
    let last = report.last_day();
    let covered = |out: &Vec<(usize, usize, PartialDate)>, i: usize| {
        out.iter().any(|(a, b, _)| i >= *a && i < *b)
    };
    for i in 0..s.toks.len() {
        if covered(out, i) {
            continue;
        }
        let w = s.word(i);
        let w = w.strip_suffix("'s").unwrap_or(w);
        // "In 1998, … released 200": a year before the report's.
        if w == "in" {
            if let Some(num) = s.num_at(i + 1) {
                let y = num.value as i32;
                if is_year(num) && y < report.year_number() {
                    if let Some(p) = PartialDate::year(y) {
                        out.push((i, i + 2, p));
                    }
                }
            }
            continue;
        }
        if let Some(wd) = WEEKDAYS.iter().position(|d| *d == w) {
            if day_known {
                let today = last.to_naive().weekday().num_days_from_monday() as i32;
                let back = (today - wd as i32).rem_euclid(7);
                out.push((i, i + 1, PartialDate::day(Day(last.0 - back))));
            }
            continue;
        }
        match w {
            "today" | "tonight" if day_known => out.push((i, i + 1, PartialDate::day(last))),
            "yesterday" if day_known => out.push((i, i + 1, PartialDate::day(Day(last.0 - 1)))),
            "month" if s.word(i.wrapping_sub(1)) == "last" => {
                let d = last.to_naive();
                let (y, m) = if d.month() == 1 {
                    (d.year() - 1, 12)
                } else {
                    (d.year(), d.month() - 1)
                };
                if let Some(p) = PartialDate::month(y, m) {
                    out.push((i - 1, i + 1, p));
                }
            }
            _ => {
                // "In July", "at the end of April", "since March": a month of the report's year.
                let Some(m) = MONTHS.iter().position(|x| *x == w).map(|k| k as u32 + 1) else {
                    continue;
                };
                let prev = s.word(i.wrapping_sub(1));
                if !matches!(
                    prev,
                    "in" | "of" | "since" | "until" | "early" | "late" | "mid" | "during"
                ) {
                    continue;
                }
                if prev == "of"
                    && !matches!(
                        s.word(i.wrapping_sub(2)),
                        "end" | "start" | "beginning" | "middle"
                    )
                {
                    continue;
                }
                let d = last.to_naive();
                let y = if m > d.month() {
                    d.year() - 1
                } else {
                    d.year()
                };
                if let Some(p) = PartialDate::month(y, m) {
                    out.push((i, i + 1, p));
                }
            }
        }
    }
}

pub(super) fn is_year(n: &Num) -> bool {
    !n.ordinal && !n.text.contains(',') && n.text.len() == 4 && (1900.0..=2100.0).contains(&n.value)
}

/// Day expressions: "9 December 2024", "December 9, 2024", "on 9 December", "2024-12-09",
/// "December 2024". A day without a year is returned as a month-precision placeholder
/// only when a year follows; otherwise the day and month are kept with year 0 and filled
/// from the report's date later.
pub(super) fn find_dates(
    s: &Sentence,
    report: Option<PartialDate>,
) -> Vec<(usize, usize, PartialDate)> {
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
            let dot = usize::from(s.word(i + 1) == "." && s.toks[i].lower.len() <= 4);
            let after = day_at(i + 1 + dot).filter(|_| year_at(i + 1 + dot).is_none());
            let day = before.or(before_of).or(after);
            let mut a = i;
            let mut b = i + 1;
            if before.is_some() {
                a = i - 1;
            } else if before_of.is_some() {
                a = i - 2;
            } else if after.is_some() {
                b = i + 2 + dot;
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
    relative_dates(s, report, &mut out);
    out.sort_by_key(|d| d.0);
    out
}
