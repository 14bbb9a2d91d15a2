//! The reading: the `Reader` state machine that walks sentences in order, opens an
//! announcement when one is stated, attaches breakdowns, figures, waves and claims to it,
//! and lists every number it leaves with the reason (`not_a_count`).

use super::claims::{issuer, names_disclosed, speaker};
use super::proportion::proportion_claims;
use super::rules::{
    claim_worthy, demand, kind_of, period_total, political_held, recalled, subset, whole_set,
};
use super::speech::{speaker_of, statement, Speaker};
use super::text::{is_year, Num, Sentence};
use super::words::{
    key_after, ARTICLE, DETAIN, DURATION, EXILE, HELD, MONEY, PEOPLE, RELEASE, TOTAL, WAVE,
};
use super::{Extraction, Ignored, Options, ProposedAnnouncement, ProposedFigure};
use crate::date::{Day, PartialDate};
use std::collections::BTreeMap;

pub(super) struct Current {
    pub(super) announcement: ProposedAnnouncement,
}

pub(super) struct Reader<'o> {
    pub(super) opts: &'o Options,
    pub(super) country: Option<String>,
    pub(super) out: Extraction,
    pub(super) current: Option<Current>,
    /// First sentence of the current announcement's scope.
    pub(super) scope_start: usize,
    /// Breakdown cells stated before any announcement they could belong to.
    pub(super) pending: Vec<(String, u32)>,
    /// Who spoke last (for "she added", a quote continued).
    pub(super) speaker: Speaker,
    /// This sentence recalled an earlier wave the text does not date.
    pub(super) recalled_here: bool,
    /// This sentence is about the wave the one before recalled ("That group included …").
    pub(super) about_recalled: bool,
}

impl Reader<'_> {
    pub(super) fn report_date(&self) -> Option<String> {
        self.opts.date.map(|d| d.to_string())
    }

    /// A date from the text, completing a missing year from the report's date.
    pub(super) fn complete(&self, d: PartialDate) -> Option<PartialDate> {
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

    pub(super) fn sentence(&mut self, k: usize, s: &Sentence, all: &[Sentence]) {
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
        // "That group included …" after a recalled wave: about that wave, not this one.
        self.about_recalled = std::mem::take(&mut self.recalled_here)
            && matches!(
                (s.word(0), s.word(1)),
                ("that" | "this" | "the", "group") | ("they" | "those", _)
            );
        self.dated_list(s, &mut consumed);
        self.date_by_reference(s, &consumed);
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
            if matches!(s.word(n.end), "dozen" | "dozens") {
                self.ignore(n, "a round count");
                continue;
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
                // "the seventh pardon this year", "for the sixth time since the summer of
                // 2024" — not "the second round within one week".
                let over_a_year = s.has(&["year", "year's", "since", "from"])
                    || s.nums.iter().any(super::text::is_year);
                if wave_noun && release_sentence && over_a_year {
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
            let political_here = s.phrase_in(clause, &["political", "prisoners"])
                || s.phrase_in(clause, &["political", "prisoner"])
                || s.phrase_in(clause, &["of", "conscience"]);
            // "calls for the release of all 1,150", "must be freed", "whose release Trump had
            // called for": a demand is no wave; of the whole set it is the held count.
            if demand(s, n) {
                if political_here && whole_set(s, n) {
                    self.figure(s, n, "political_prisoners_held", n.value);
                    figure_here = true;
                } else {
                    self.ignore(n, "a demand");
                }
                continue;
            }
            // "since 2020, 540 people have been pardoned", "in recent months he has pardoned
            // 115": a running total over a period, not a wave.
            if release_sentence && period_total(s, clause) && !political_held(s, clause) {
                let metric = if s.phrase_in(clause, &["this", "year"]) {
                    "pardoned_total_year"
                } else {
                    "pardoned_total"
                };
                self.figure(s, n, metric, n.value);
                figure_here = true;
                continue;
            }
            // "among those released were two foreigners", "including at least 16", "12 …
            // were also released", "19 people had already left prison": part of the wave or
            // earlier, never a wave of their own — a breakdown cell when it names a key.
            let part = subset(s, n, clause)
                || (self.current.is_some() && s.has_in(clause, &["also", "already"]));
            if part && key_after(s, n.end).is_none() {
                self.ignore(n, "a part of the wave");
                continue;
            }
            // "the Penal Forum has verified the release of 49": a monitor's tally.
            // "the Penal Forum has verified the release of 49", "Among the political
            // prisoners verified by the Penal Forum are 12 …": a monitor's tally.
            if s.has(&["verified", "documented", "tallied"])
                || self.about_recalled && s.word(n.first.wrapping_sub(1)) != "another"
            {
                self.ignore(n, "a monitor's tally");
                continue;
            }
            if s.has_in(
                clause,
                &["died", "killed", "dead", "death", "deaths", "perished"],
            ) {
                self.ignore(n, "deaths in custody");
                continue;
            }
            let perfect = s.has_in(clause, &["have", "has", "had", "so", "since", "to"]);
            let total_marker = s.has_in(clause, TOTAL)
                || s.phrase_in(clause, &["so", "far"])
                || s.phrase_in(clause, &["in", "all"])
                || s.phrase_in(clause, &["to", "date"])
                || (s.phrase_in(clause, &["this", "year"]) && perfect);
            // A running total of those freed.
            // "a total of 332 prisoners will be released" is the wave's own total; a running
            // total is told in the perfect or "bringing the total to …".
            let running = perfect
                || s.has_in(
                    clause,
                    &["bringing", "brings", "cumulative", "altogether", "overall"],
                );
            if total_marker && running && (release_clause || release_sentence) && people_in_clause {
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
            // "around 65 political prisoners over the age of 60 behind bars": of those held.
            if political_here && political_held(s, clause) && key_after(s, n.end).is_some() {
                self.ignore(n, "a count of those held");
                continue;
            }
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
                    // A sub-headline's "14 foreign nationals were among those freed" before
                    // the wave is stated: kept for the wave it fits when it comes.
                    if self.current.is_none() {
                        self.pending.push((key, n.value as u32));
                        continue;
                    }
                    self.ignore(n, "a breakdown with no announcement it could belong to");
                    continue;
                }
            }
            let after_release_verb = n.first > 0 && RELEASE.contains(&s.word(n.first - 1))
                || (n.first > 1
                    && s.word(n.first - 1) == "of"
                    && RELEASE.contains(&s.word(n.first - 2)));
            let held_clause = s.has_in(clause, HELD) && !s.has_in(clause, RELEASE);
            // "116 new releases have been made": a count of releases.
            let releases_after = (n.end..(n.end + 2).min(s.toks.len()))
                .any(|i| matches!(s.word(i), "releases" | "pardons" | "amnesties"));
            if release_clause
                && (after_release_verb
                    || releases_after
                    || (people_after && !detention_verb(s, n, clause)))
                && !held_clause
            {
                // "The announcement comes days after Belarus freed 52": an earlier wave the
                // text does not date is recalled, not proposed.
                if s.dates.is_empty() && recalled(s, clause) {
                    self.recalled_here = true;
                    self.ignore(n, "an earlier wave the text does not date");
                    continue;
                }
                self.announce(k, s, n, all);
                continue;
            }
            let political = political_here;
            let number_of = s.phrase_in(clause, &["number", "of", "political", "prisoners"]);
            let has_before = n.first > 0
                && matches!(
                    s.word(
                        n.first
                            - 1
                            - usize::from(qualifier_before(s, n.first) != "exact" && n.first > 1)
                    ),
                    "has" | "have" | "holds" | "hold" | "had"
                );
            if political && (held_clause || number_of || has_before) {
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
        let who = speaker_of(k, all, self.speaker);
        if who != Speaker::None {
            self.speaker = who;
        }
        let claims: Vec<String> = if who == Speaker::Official && !breakdown_here {
            statement(s)
                .into_iter()
                .filter_map(|alternatives| alternatives.into_iter().find(|c| claim_worthy(c)))
                .collect()
        } else {
            Vec::new()
        };
        for claim in claims {
            if let Some(c) = &mut self.current {
                push_unique(&mut c.announcement.claims, &claim);
            }
            push_unique(&mut self.out.claims, &claim);
        }
    }

    /// A dated list of earlier waves: "on August 16 … pardoning 30 people, on September 4
    /// — another 30, on September 16 — another 37": one announcement per date.
    fn dated_list(&mut self, s: &Sentence, consumed: &mut [bool]) {
        if s.dates.len() < 2 || !s.has(RELEASE) {
            return;
        }
        let mut items = Vec::new();
        for (k, (_, b, d)) in s.dates.iter().enumerate() {
            let stop = s.dates.get(k + 1).map_or(s.toks.len(), |n| n.0);
            let Some(n) = s.nums.iter().find(|n| {
                n.first >= *b
                    && n.first < stop
                    && !consumed[n.first]
                    && !n.ordinal
                    && !super::text::is_year(n)
            }) else {
                continue;
            };
            let marked = s.word(n.first.wrapping_sub(1)) == "another"
                || (n.end..(n.end + 3).min(s.toks.len())).any(|i| PEOPLE.contains(&s.word(i)))
                || matches!(s.toks.get(*b).map(|t| t.text), Some("—" | "–" | "-" | ":"));
            if marked {
                items.push((n.clone(), *d));
            }
        }
        if items.len() < 2 {
            return;
        }
        let kind = kind_of(s);
        for (n, d) in items {
            for c in consumed.iter_mut().take(n.end).skip(n.first) {
                *c = true;
            }
            self.out.announcements.push(ProposedAnnouncement {
                record_type: "announcement",
                kind,
                date: self.complete(d).map(|d| d.to_string()),
                country: self.country.clone(),
                total: n.value as u32,
                evidence: s.text.to_string(),
                ..ProposedAnnouncement::default()
            });
        }
    }

    /// "Monday's pardons represent the highest number": a sentence that names the wave
    /// in scope by its act and dates it, with no count of its own, dates an undated wave.
    fn date_by_reference(&mut self, s: &Sentence, consumed: &[bool]) {
        let Some(d) = s.dates.first().and_then(|(_, _, d)| self.complete(*d)) else {
            return;
        };
        let counts = s
            .nums
            .iter()
            .any(|n| !consumed[n.first] && !n.ordinal && !super::text::is_year(n));
        // Named by a noun of the act ("Monday's pardons"), dated within the week before the
        // report: not a verb of some other release, not a date long past.
        let named = s.has(&[
            "pardons", "pardon", "amnesty", "releases", "swap", "exchange", "decree",
        ]);
        let recent = self
            .opts
            .date
            .is_some_and(|r| d.last_day() <= r.last_day() && r.last_day().0 - d.first_day().0 <= 7);
        if counts || !named || !recent {
            return;
        }
        if let Some(c) = &mut self.current {
            if c.announcement.undated {
                c.announcement.date = Some(d.to_string());
                c.announcement.undated = false;
            }
        }
    }

    pub(super) fn ignore(&mut self, n: &Num, why: &'static str) {
        self.out.ignored.push(Ignored {
            number: n.text.clone(),
            why,
        });
    }

    pub(super) fn figure(&mut self, s: &Sentence, n: &Num, metric: &str, value: f64) {
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
    pub(super) fn ratio(&mut self, s: &Sentence) {
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

    pub(super) fn announce(&mut self, k: usize, s: &Sentence, n: &Num, all: &[Sentence]) {
        self.close_scope(all, k);
        let kind = kind_of(s);
        let dated = s.dates.first().and_then(|(_, _, d)| self.complete(*d));
        let date = dated.map(|d| d.to_string()).or_else(|| self.report_date());
        // "The opposition leader and at least 13 other detainees were released", "at least
        // 9 others were freed along with him": the wave counts the one named too.
        let before = |j: usize| n.first.checked_sub(j).map_or("", |i| s.word(i));
        let q = qualifier_before(s, n.first);
        let mut and_at = 1;
        while matches!(
            before(and_at),
            "at" | "least"
                | "more"
                | "than"
                | "about"
                | "some"
                | "nearly"
                | "almost"
                | "around"
                | "over"
        ) {
            and_at += 1;
        }
        let others = matches!(s.word(n.end), "other" | "others" | "more")
            && (before(and_at) == "and" || s.phrase_in(s.clause(n.first), &["along", "with"]));
        let total = n.value as u32 + u32::from(others);
        let conditions = (s.phrase_in((0, s.toks.len()), &["house", "arrest"])
            || s.has(&[
                "restrictive",
                "precautionary",
                "conditional",
                "conditionally",
                "parole",
                "paroled",
            ]))
        .then_some("restricted");
        let scope = (kind == "amnesty").then(|| {
            if s.phrase_in(s.clause(n.first), &["political", "prisoners"])
                && !s.has(&["including", "among"])
                || s.has(&["mostly"]) && s.has(&["political"])
            {
                "political"
            } else {
                "general"
            }
        });
        let mut breakdown = BTreeMap::new();
        for (key, v) in std::mem::take(&mut self.pending) {
            if v <= total {
                breakdown.entry(key).or_insert(v);
            }
        }
        self.scope_start = k;
        self.current = Some(Current {
            announcement: ProposedAnnouncement {
                record_type: "announcement",
                kind,
                date,
                country: self.country.clone(),
                issuer: None,
                total,
                breakdown,
                names_disclosed: None,
                claims: Vec::new(),
                evidence: s.text.to_string(),
                conditions,
                scope,
                approximate: q != "exact" || s.word(n.first.wrapping_sub(1)) == "some",
                undated: dated.is_none(),
            },
        });
    }

    /// Finishes the announcement in scope (sentences scope_start..end): issuer, names
    /// disclosed, claims stated in reported speech.
    pub(super) fn close_scope(&mut self, all: &[Sentence], end: usize) {
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

pub(super) fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

/// Is the verb that governs a count one of detention rather than release? The first
/// detention or release word after the number decides ("45 people were detained … and 12
/// were released": 45 were detained).
pub(super) fn detention_verb(s: &Sentence, n: &Num, clause: (usize, usize)) -> bool {
    (n.end..clause.1)
        .map(|i| s.word(i))
        .find(|w| DETAIN.contains(w) || RELEASE.contains(w))
        .is_some_and(|w| DETAIN.contains(&w) && !matches!(w, "convicted" | "sentenced" | "charged"))
}

/// Why a number is not a count of people, if it is not.
pub(super) fn not_a_count(s: &Sentence, n: &Num) -> Option<&'static str> {
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
pub(super) fn qualifier_before(s: &Sentence, first: usize) -> &'static str {
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
