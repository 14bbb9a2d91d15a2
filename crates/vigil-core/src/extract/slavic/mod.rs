//! Reading Russian and Belarusian reports: the official statements (the presidential
//! press service, BelTA, state television) are published in these languages first.
//!
//! The same proposals as the English reading, by the rules these languages need: a count
//! is the number right after a word of pardon or release ("помиловал 25 человек", "о
//! помиловании 123 граждан", "памілаваў 52 зняволеных") or before a word for people in a
//! sentence of release; numbers in words in any case form (`words`); dates as the press
//! writes them ("16 сентября", "13 декабря 2025 года", "накануне"); breakdowns by the keys
//! official statements use (women, men, age bands "до 40 лет", foreigners, …); a subset
//! ("из них", "среди них", "в том числе") is never a wave; an earlier wave is proposed
//! only when the text dates it ("16 сентября … 25 человек", a dated list "3 июля – 14
//! мужчин и четыре женщины"), never when it only recalls it ("Ранее …"); running totals
//! ("общее количество … 156", "уже помиловал 78") are figures; claims are the press
//! service's statements about those it freed, quoted or reported.

mod claims;
mod counts;
mod words;

use std::collections::BTreeMap;

use super::text::{sentences, Sentence};
use super::{Extraction, Ignored, Options, ProposedAnnouncement, ProposedFigure};
use crate::date::{Day, PartialDate};
use counts::{
    breakdown_key, intransitive, is_people, kind_of, lower_words, not_a_count, noun, numbers,
    nums_first, qualifier, release_word, Number,
};
use words::{month_genitive, month_other, starts, subset_before};

pub(super) fn read(text: &str, opts: &Options) -> Extraction {
    let all = sentences(text, None);
    let country = opts
        .country
        .clone()
        .or_else(|| super::country::of_text(text));
    let mut r = Reader {
        opts,
        country,
        out: Extraction::default(),
        main: None,
        last: None,
        recall_next: false,
        official_before: false,
        official_context: false,
    };
    for (k, s) in all.iter().enumerate() {
        // Said by the state: here, in the attribution closing this quote later on the
        // line, or carried from the sentence before ("Она также отметила, что …").
        let here = claims::official_words(&lower_words(s));
        let closing = claims::quoted_only(s)
            && all
                .iter()
                .skip(k + 1)
                .take(3)
                .take_while(|n| n.line == s.line)
                .any(|n| claims::official_words(&lower_words(n)));
        let carried = r.official_before
            && !claims::unofficial_words(&lower_words(s))
            && (claims::quoted_only(s) || claims::continues(&lower_words(s)));
        r.official_context = here || closing || carried;
        r.sentence(s);
        r.official_before = here || closing || carried;
    }
    for a in &mut r.out.announcements {
        if a.date.is_none() {
            a.date = opts.date.map(|d| d.to_string());
            a.undated = true;
        }
    }
    r.out
}

struct Reader<'o> {
    opts: &'o Options,
    country: Option<String>,
    out: Extraction,
    /// The wave the text reports (the first announcement it opens in the present).
    main: Option<usize>,
    /// The announcement opened last.
    last: Option<usize>,
    /// The sentence before was only "Напомним" / "Нагадаем": this one recalls.
    recall_next: bool,
    /// The sentence before was the state's statement.
    official_before: bool,
    /// This sentence is the state's statement (said here, or carried over).
    official_context: bool,
}

impl Reader<'_> {
    fn report(&self) -> Option<PartialDate> {
        self.opts.date
    }

    /// A day and month from the text, with the year of the report (or the one before, for
    /// a day after the report).
    fn day_month(&self, day: u32, month: u32, year: Option<i32>) -> Option<PartialDate> {
        if let Some(y) = year {
            return Day::ymd(y, month, day).map(PartialDate::day);
        }
        let report = self.report()?;
        let y = report.year_number();
        let d = Day::ymd(y, month, day)?;
        if d > report.last_day() {
            Day::ymd(y - 1, month, day).map(PartialDate::day)
        } else {
            Some(PartialDate::day(d))
        }
    }

    /// Dates in the sentence, with the token ranges they cover.
    fn dates(&self, s: &Sentence, w: &[&str], nums: &[Number]) -> Vec<(usize, usize, PartialDate)> {
        let mut out = Vec::new();
        for n in nums {
            if n.ordinal || n.end != n.first + 1 || !(1..=31).contains(&n.value) {
                continue;
            }
            let Some(m) = w.get(n.end).and_then(|x| month_genitive(x)) else {
                continue;
            };
            let mut end = n.end + 1;
            let mut year = None;
            if let Some(y) = nums
                .iter()
                .find(|y| y.first == end && (1990..=2100).contains(&y.value))
            {
                year = Some(y.value as i32);
                end = y.end;
                if w.get(end)
                    .is_some_and(|x| x.starts_with("год") || *x == "г")
                {
                    end += 1;
                }
            }
            if let Some(d) = self.day_month(n.value as u32, m, year) {
                out.push((n.first, end, d));
            }
        }
        for (i, x) in w.iter().enumerate() {
            let report = self
                .report()
                .filter(|r| r.precision() == crate::date::Precision::Day);
            let relative = match *x {
                "накануне" | "напярэдадні" | "вчера" | "учора" => {
                    report.map(|r| PartialDate::day(Day(r.first_day().0 - 1)))
                }
                "сегодня" | "сёння" => report,
                _ => None,
            };
            if let Some(d) = relative {
                // "накануне Дня народного единства" names a holiday, not the day before.
                let holiday = *x == "накануне"
                    && w.get(i + 1)
                        .is_some_and(|n| n.starts_with("дн") || n.starts_with("нов"));
                if !holiday {
                    out.push((i, i + 1, d));
                }
                continue;
            }
            if i > 0 && matches!(w[i - 1], "в" | "во" | "у") {
                if let (Some(m), Some(r)) = (month_other(x), self.report()) {
                    let mut y = r.year_number();
                    if let Ok(rm) = r
                        .first_day()
                        .to_naive()
                        .format("%m")
                        .to_string()
                        .parse::<u32>()
                    {
                        if m > rm {
                            y -= 1;
                        }
                    }
                    // "В марте 2024 года": the year the text gives.
                    let given = nums
                        .iter()
                        .find(|n| n.first == i + 1 && (1990..=2100).contains(&n.value));
                    let mut end = i + 1;
                    if let Some(g) = given {
                        y = g.value as i32;
                        end = g.end
                            + usize::from(
                                w.get(g.end)
                                    .is_some_and(|x| x.starts_with("год") || *x == "г"),
                            );
                    }
                    if let Some(d) = PartialDate::month(y, m) {
                        out.push((i - 1, end, d));
                    }
                }
            }
            // "в 2024 году", "у 2023 годзе": a year.
            if i > 0 && matches!(w[i - 1], "в" | "у") {
                if let Some(g) = nums
                    .iter()
                    .find(|n| n.first == i && (1990..=2100).contains(&n.value))
                {
                    let next = w.get(g.end).copied().unwrap_or("");
                    if starts(next, &["году", "годзе"]) {
                        if let Some(d) = PartialDate::year(g.value as i32) {
                            out.push((i - 1, g.end + 1, d));
                        }
                    }
                }
            }
        }
        let _ = s;
        out.sort_by_key(|d| d.0);
        out
    }

    fn sentence(&mut self, s: &Sentence) {
        let w = lower_words(s);
        let nums = numbers(s, &w);
        let dates = self.dates(s, &w, &nums);
        let in_date = |i: usize| dates.iter().any(|(a, b, _)| i >= *a && i < *b);
        let recall = self.recall_next
            || w.iter().take(3).any(|x| {
                matches!(
                    *x,
                    "ранее"
                        | "раней"
                        | "напомним"
                        | "нагадаем"
                        | "прежде"
                        | "до"
                        | "да"
                ) && (*x != "до" && *x != "да"
                    || w.get(1).is_some_and(|n| matches!(*n, "этого" | "гэтага")))
            });
        self.recall_next = w.len() <= 2 && w.iter().any(|x| matches!(*x, "напомним" | "нагадаем"));
        let release_sentence = w.iter().any(|x| release_word(x));
        let total_marker = w
            .iter()
            .any(|x| matches!(*x, "всего" | "агулам" | "уже" | "ужо"))
            || w.windows(2).any(|p| {
                matches!(
                    p,
                    ["общее", "количество"]
                        | ["агульная", "колькасць"]
                        | ["в", "общей"]
                        | ["за", "последнее"]
                )
            });
        let demand = w.iter().any(|x| {
            starts(
                x,
                &[
                    "требу",
                    "патраб",
                    "призыв",
                    "призвал",
                    "заклік",
                    "должн",
                    "павінн",
                ],
            )
        });
        let sentence_date = dates.first().map(|d| d.2);
        let mut opened_here: Option<usize> = None;
        // A dated list: "3 июля – 14 мужчин и четыре женщины, 20 августа – 16 мужчин и …".
        let listed = if release_sentence && dates.len() >= 2 {
            self.dated_list(s, &w, &nums, &dates)
        } else {
            None
        };
        for n in &nums {
            if in_date(n.first) || listed.is_some_and(|(a, b)| n.first >= a && n.first < b) {
                continue;
            }
            if let Some(why) = not_a_count(&w, n) {
                self.out.ignored.push(Ignored {
                    number: s.span(n.first, n.end).to_string(),
                    why,
                });
                continue;
            }
            if n.ordinal {
                let wave = w
                    .get(n.end)
                    .is_some_and(|x| starts(x, &["волн", "хвал", "раз"]));
                if wave && release_sentence {
                    self.figure(s, "pardon_waves_year", n.value, sentence_date);
                }
                continue;
            }
            let prev = n.first.checked_sub(1).map_or("", |i| w[i]);
            let after_verb = release_word(prev)
                || (prev == "более" || prev == "больш")
                    && n.first >= 2
                    && release_word(w[n.first - 2]);
            // "помиловал 52 женщины": the act's count, all of them women.
            let mut whole_key = None;
            if let Some((key, _)) = breakdown_key(&w, n) {
                let own_act =
                    after_verb && (sentence_date.is_some() && !recall || self.main.is_none());
                if !own_act {
                    self.breakdown(key, n.value, opened_here);
                    continue;
                }
                whole_key = Some(key);
            }
            let people = (n.end..(n.end + 3).min(w.len())).any(|i| is_people(w[i]));
            let political = (n.end..(n.end + 5).min(w.len())).any(|i| {
                starts(
                    w[i],
                    &[
                        "политзаключ",
                        "палітвязн",
                        "палітвязен",
                        "палітзняволен",
                        "политическ",
                        "палітычн",
                    ],
                )
            });
            // "Имена пяти из 37 политзаключенных, которых помиловали 16 сентября": a
            // later sentence dates the wave it names by its count.
            if let (Some(d), true) = (sentence_date, release_sentence) {
                let undated = self
                    .out
                    .announcements
                    .iter_mut()
                    .find(|a| u64::from(a.total) == n.value && a.date.is_none());
                if let Some(a) = undated {
                    a.date = Some(d.to_string());
                    continue;
                }
            }
            // "Помилованы также …", "одна осуждённая": details of the wave in scope.
            let also = w.iter().any(|x| matches!(*x, "также" | "таксама" | "тоже"));
            if self.main.is_some() && sentence_date.is_none() && (also || n.value == 1) {
                continue;
            }
            let subset = subset_before(&w, n.first)
                || w.get(n.end).is_some_and(|x| matches!(*x, "из" | "з"))
                || (n.first >= 3 && w[n.first - 3..n.first].contains(&"из"));
            if subset {
                continue;
            }
            if political && !release_sentence
                || political
                    && w.iter().any(|x| {
                        starts(
                            x,
                            &[
                                "остают",
                                "застаюц",
                                "прызна",
                                "признан",
                                "признаё",
                                "признае",
                                "находят",
                                "за",
                            ],
                        )
                    })
                    && !after_verb
            {
                let held = w.iter().any(|x| {
                    starts(
                        x,
                        &[
                            "остают",
                            "застаюц",
                            "прызна",
                            "признан",
                            "признаё",
                            "признае",
                            "находят",
                            "кратам",
                            "решетк",
                            "решётк",
                        ],
                    )
                });
                if held {
                    let q = qualifier(&w, n.first);
                    self.figure_q(s, "political_prisoners_held", n.value, sentence_date, q);
                    continue;
                }
            }
            if !(release_sentence && (people || after_verb)) {
                continue;
            }
            // "на волю выйшла 16", "освободились по окончании срока": people leaving
            // prison over a period, as a monitor counts them, not an act of release.
            let act = !w.iter().any(|x| intransitive(x))
                || w.iter()
                    .any(|x| release_word(x) && !intransitive(x) && !noun(x));
            let end_of_term = w
                .iter()
                .any(|x| starts(x, &["заканчэнн", "окончани", "отбыти", "адбыцц"]));
            if !act || end_of_term {
                continue;
            }
            if demand {
                continue;
            }
            if total_marker
                && (!after_verb || w.iter().any(|x| matches!(*x, "уже" | "ужо" | "всего")))
            {
                self.figure(s, "pardoned_total", n.value, sentence_date);
                continue;
            }
            if opened_here.is_some() {
                continue;
            }
            if recall && sentence_date.is_none() {
                continue;
            }
            let approx = matches!(
                prev,
                "более"
                    | "больше"
                    | "около"
                    | "почти"
                    | "свыше"
                    | "больш"
                    | "каля"
                    | "амаль"
                    | "звыш"
                    | "несколько"
            );
            let date = sentence_date.map(|d| d.to_string());
            let background = recall
                || date.as_ref().is_some_and(|d| {
                    self.main.is_some() && self.main_date().as_deref() != Some(d.as_str())
                });
            let idx = self.announce(s, &w, n.value, date, approx);
            if let Some(k) = whole_key
                .filter(|k| matches!(k.as_str(), "women" | "men" | "foreigners"))
                .filter(|_| !approx)
            {
                self.out.announcements[idx]
                    .breakdown
                    .insert(k, u32::try_from(n.value).unwrap_or(u32::MAX));
            }
            opened_here = Some(idx);
            if !background && self.main.is_none() {
                self.main = Some(idx);
            }
        }
        let claims = claims::claims(s, &w, self.official_context);
        let at = self.main.or(self.last);
        for c in claims {
            super::reader::push_unique(&mut self.out.claims, &c);
            if let Some(i) = at {
                super::reader::push_unique(&mut self.out.announcements[i].claims, &c);
            }
        }
        if let Some(i) = opened_here.or(self.main) {
            let a = &mut self.out.announcements[i];
            if a.issuer.is_none() {
                a.issuer = claims::issuer(s, &w);
            }
            if a.names_disclosed.is_none() {
                a.names_disclosed = claims::names_disclosed(&w);
            }
        }
    }

    fn main_date(&self) -> Option<String> {
        self.main
            .and_then(|i| self.out.announcements[i].date.clone())
    }

    fn announce(
        &mut self,
        s: &Sentence,
        w: &[&str],
        total: u64,
        date: Option<String>,
        approx: bool,
    ) -> usize {
        let kind = kind_of(w);
        self.out.announcements.push(ProposedAnnouncement {
            record_type: "announcement",
            kind,
            date,
            country: self.country.clone(),
            issuer: None,
            total: u32::try_from(total).unwrap_or(u32::MAX),
            breakdown: BTreeMap::new(),
            names_disclosed: None,
            claims: Vec::new(),
            evidence: s.text.to_string(),
            approximate: approx,
            ..ProposedAnnouncement::default()
        });
        let i = self.out.announcements.len() - 1;
        self.last = Some(i);
        i
    }

    /// A breakdown cell: to the announcement of this sentence, else the last one it fits.
    fn breakdown(&mut self, key: String, value: u64, here: Option<usize>) {
        let fits = |a: &ProposedAnnouncement| {
            u64::from(a.total) >= value
                && a.breakdown.get(&key).is_none_or(|v| u64::from(*v) == value)
        };
        let target = here
            .filter(|&i| fits(&self.out.announcements[i]))
            .or_else(|| self.last.filter(|&i| fits(&self.out.announcements[i])))
            .or_else(|| self.main.filter(|&i| fits(&self.out.announcements[i])));
        if let Some(i) = target {
            self.out.announcements[i]
                .breakdown
                .entry(key)
                .or_insert(u32::try_from(value).unwrap_or(u32::MAX));
        }
    }

    fn dated_list(
        &mut self,
        s: &Sentence,
        w: &[&str],
        nums: &[Number],
        dates: &[(usize, usize, PartialDate)],
    ) -> Option<(usize, usize)> {
        let mut covered: Option<(usize, usize)> = None;
        for (k, (a, b, d)) in dates.iter().enumerate() {
            if !w
                .get(*b)
                .is_some_and(|x| matches!(*x, "–" | "—" | "-" | ":"))
            {
                continue;
            }
            let stop = dates.get(k + 1).map_or(w.len(), |n| n.0);
            let mut cells = BTreeMap::new();
            let mut total = None;
            for n in nums.iter().filter(|n| n.first > *b && n.first < stop) {
                match breakdown_key(w, n) {
                    Some((key, _)) => {
                        cells.insert(key, u32::try_from(n.value).unwrap_or(u32::MAX));
                    }
                    None if total.is_none() => total = Some(n.value),
                    None => {}
                }
            }
            let sum: u32 = ["women", "men"].iter().filter_map(|k| cells.get(*k)).sum();
            let total = total.map_or(u64::from(sum), |t| t);
            if total == 0 {
                continue;
            }
            let i = self.announce(s, w, total, Some(d.to_string()), false);
            self.out.announcements[i].breakdown = cells;
            covered = Some((covered.map_or(*a, |c| c.0), stop));
        }
        self.last = None;
        covered
    }

    fn figure(&mut self, s: &Sentence, metric: &str, value: u64, date: Option<PartialDate>) {
        let w = lower_words(s);
        let q = nums_first(&w, value).map_or("exact", |i| qualifier(&w, i));
        self.figure_q(s, metric, value, date, q);
    }

    fn figure_q(
        &mut self,
        s: &Sentence,
        metric: &str,
        value: u64,
        date: Option<PartialDate>,
        qualifier: &'static str,
    ) {
        self.out.figures.push(ProposedFigure {
            record_type: "figure",
            metric: metric.to_string(),
            value: value as f64,
            qualifier,
            as_of: date.or(self.opts.date).map(|d| d.to_string()),
            country: self.country.clone(),
            attributed_to: None,
            evidence: s.text.to_string(),
        });
    }
}
