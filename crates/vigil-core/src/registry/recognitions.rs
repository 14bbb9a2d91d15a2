//! Recognition per organisation: each organisation's recognition of a person with its
//! date, whether it came after the person's release ("recognized ex post facto") and its
//! withdrawal, and the lists and counts of persons per recognising organisation the
//! directory and `GET /api/v1/persons?recognized_by=` answer (docs/cases.md).
//!
//! One organisation's `recognition_withdrawn` (the same `by`) ends that organisation's
//! recognition only. Organisation names are matched as the data writes them, ignoring
//! case ("Viasna" = "viasna").

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::Serialize;

use super::{CaseFacts, EventRow, Registry, Symbols, NONE};
use crate::access::Audience;
use crate::custody::{Contradiction, Span};
use crate::date::{Day, DayRange};
use crate::record::EventKind;

/// The name a recognition that names no organisation counts under.
pub const UNNAMED: &str = "unknown";

/// One organisation's recognition of a person, from a `recognized` event to its
/// withdrawal (if any).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recognition {
    /// The organisation as the data writes it (`unknown` when the event names none).
    pub by: String,
    /// The recognition's date as recorded (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub since: String,
    /// Recognized after the person's release, not taken into custody again before it.
    pub ex_post_facto: bool,
    /// The date this organisation withdrew the recognition, if it did.
    pub withdrawn: Option<String>,
}

/// A day range as the partial date it was read from: "2021", "2021-07", "2021-07-14".
fn partial_text(r: DayRange) -> String {
    if r.lo == r.hi {
        return r.lo.to_string();
    }
    let (lo, hi) = (r.lo.to_naive(), r.hi.to_naive());
    if (lo.month(), lo.day(), hi.month(), hi.day()) == (1, 1, 12, 31) {
        lo.format("%Y").to_string()
    } else {
        lo.format("%Y-%m").to_string()
    }
}

/// Organisations with the persons each recognises, for a list's choice and counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgCounts {
    /// By lower-cased name: the name as first written, and how many persons.
    by_key: BTreeMap<String, (String, usize)>,
}

impl OrgCounts {
    /// Counts person `orgs` under each of their organisations (an unnamed one aside).
    pub fn add(&mut self, orgs: &[String]) {
        for o in orgs.iter().filter(|o| *o != UNNAMED) {
            self.by_key
                .entry(o.to_lowercase())
                .or_insert_with(|| (o.clone(), 0))
                .1 += 1;
        }
    }

    /// The organisation's name as written, in name order (ignoring case), with its count.
    pub fn iter(&self) -> impl Iterator<Item = (&str, usize)> {
        self.by_key.values().map(|(n, c)| (n.as_str(), *c))
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

/// The organisation an event names, lower-cased (`None`: it names none), from the case
/// details and the symbols a registry is built with.
pub(super) fn org_key(details: &[CaseFacts], symbols: &Symbols, e: &EventRow) -> Option<String> {
    (e.detail != NONE)
        .then(|| details[e.detail as usize].by)
        .flatten()
        .map(|b| symbols.names[b as usize].to_lowercase())
}

/// What [`per_organisation`] gives: the spans, whether recognised now, and each
/// withdrawal by an organisation that had no recognition of its own open then.
pub(super) type PerOrganisation = (Vec<Span>, bool, Vec<Contradiction>);

/// A person's recognition spans and whether they are recognised now, with each
/// organisation's withdrawal ending only its own recognition (`custody::walk` reads no
/// organisation: a withdrawal there ends every one). `None` when the recognitions name at
/// most one organisation, where the walk's answer is already this. `events` in timeline
/// order; the spans returned are the days some organisation recognised the person.
pub(super) fn per_organisation<'a>(
    events: impl Iterator<Item = &'a EventRow>,
    org: &dyn Fn(&EventRow) -> Option<String>,
) -> Option<PerOrganisation> {
    let marks: Vec<(EventKind, DayRange, Option<String>)> = events
        .filter(|e| {
            matches!(
                e.fact.kind,
                EventKind::Recognized | EventKind::RecognitionWithdrawn
            )
        })
        .map(|e| (e.fact.kind, e.fact.when, org(e)))
        .collect();
    let first = marks.first().map(|m| &m.2);
    if marks.iter().all(|m| Some(&m.2) == first) {
        return None;
    }
    let mut open: Vec<(Option<String>, DayRange)> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut contradictions = Vec::new();
    for (kind, when, by) in marks {
        let here = open.iter().position(|(o, _)| *o == by);
        match (kind, here) {
            (EventKind::Recognized, None) => open.push((by, when)),
            (EventKind::RecognitionWithdrawn, Some(i)) => {
                let (_, since) = open.remove(i);
                spans.push(Span {
                    open: since,
                    close: Some(when),
                });
            }
            (EventKind::RecognitionWithdrawn, None) => {
                let day = when.lo;
                contradictions.push(Contradiction {
                    day,
                    message: match &by {
                        Some(o) => format!(
                            "recognition withdrawn by {o} on {day} without a recognition by {o} before it"
                        ),
                        None => format!(
                            "recognition withdrawn on {day} without naming whose: this person's recognitions name organisations, so it ends none of them"
                        ),
                    },
                });
            }
            _ => {}
        }
    }
    let recognized = !open.is_empty();
    spans.extend(open.into_iter().map(|(_, since)| Span {
        open: since,
        close: None,
    }));
    // The union: overlapping spans (as their headline days) become one.
    spans.sort_by_key(|s| s.open.lo);
    let mut out: Vec<Span> = Vec::new();
    for s in spans {
        if let Some(last) = out.last_mut() {
            if last.close.is_none_or(|c| s.open.lo <= c.lo) {
                last.close = match (last.close, s.close) {
                    (Some(a), Some(b)) => Some(if b.lo > a.lo { b } else { a }),
                    _ => None,
                };
                continue;
            }
        }
        out.push(s);
    }
    Some((out, recognized, contradictions))
}

/// A breakdown by organisation with the spellings of one organisation ("Viasna",
/// "viasna") counted as one, under the spelling first in order: each person counts under
/// one spelling of an organisation (`recognizing_now`), so the counts add.
pub(crate) fn merge_spellings(by: BTreeMap<String, i64>) -> BTreeMap<String, i64> {
    let mut first: BTreeMap<String, String> = BTreeMap::new();
    let mut out: BTreeMap<String, i64> = BTreeMap::new();
    for (k, n) in by {
        let key = first
            .entry(k.to_lowercase())
            .or_insert_with(|| k.clone())
            .clone();
        *out.entry(key).or_insert(0) += n;
    }
    out
}

impl Registry {
    /// The events of `p` this audience may see, without building their spans.
    fn visible_events(&self, p: u32, audience: Audience) -> impl Iterator<Item = &EventRow> {
        self.events_of(p)
            .iter()
            .filter(move |e| audience == Audience::Trusted || e.visibility.is_public())
    }

    /// The organisation a recognition or withdrawal names (`unknown` when none).
    fn org_of(&self, e: &EventRow) -> &str {
        self.case_facts(e)
            .and_then(|c| c.by)
            .map_or(UNNAMED, |b| self.symbol(b))
    }

    /// Each organisation's recognitions of person `p`, in date order, from the events the
    /// audience may see: a withdrawal closes the open recognition of the same
    /// organisation (names compared ignoring case) and no other; a recognition again after
    /// a withdrawal is a new one.
    #[must_use]
    pub fn recognitions(&self, p: u32, audience: Audience) -> Vec<Recognition> {
        let (_, spans) = self.timeline_for(p, audience);
        // Each with the day it began, to list one day's by organisation below.
        let mut out: Vec<(Day, Recognition)> = Vec::new();
        for e in self.visible_events(p, audience) {
            let by = self.org_of(e);
            let open = out
                .iter_mut()
                .map(|(_, r)| r)
                .rfind(|r| r.withdrawn.is_none() && r.by.to_lowercase() == by.to_lowercase());
            match e.fact.kind {
                EventKind::Recognized if open.is_none() => {
                    let day = e.fact.when.lo;
                    // After a release: some custody closed surely before the day, and no
                    // custody began again on or before it.
                    let released_before = spans.iter().any(|s| s.close.is_some_and(|c| c.hi < day));
                    let held_again = spans
                        .iter()
                        .any(|s| s.open.lo <= day && s.close.is_none_or(|c| c.hi >= day));
                    out.push((
                        day,
                        Recognition {
                            by: by.to_string(),
                            since: partial_text(e.fact.when),
                            ex_post_facto: released_before && !held_again,
                            withdrawn: None,
                        },
                    ));
                }
                EventKind::RecognitionWithdrawn => {
                    if let Some(r) = open {
                        r.withdrawn = Some(partial_text(e.fact.when));
                    }
                }
                _ => {}
            }
        }
        // Recognitions of one day are listed by organisation, not in the order the store
        // happened to give the events (PostgreSQL's differs from SQLite's: CI found it).
        out.sort_by(|(a, r), (b, s)| (a, &r.by).cmp(&(b, &s.by)));
        out.into_iter().map(|(_, r)| r).collect()
    }

    /// The organisations recognising `p` now (a recognition not withdrawn by the same
    /// organisation), as the data writes them, from the events the audience may see;
    /// cheaper than [`Registry::recognitions`] (no custody spans), for lists.
    #[must_use]
    pub fn recognizing_now(&self, p: u32, audience: Audience) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for e in self.visible_events(p, audience) {
            let by = self.org_of(e);
            let here = out
                .iter()
                .position(|o| o.to_lowercase() == by.to_lowercase());
            match (e.fact.kind, here) {
                (EventKind::Recognized, None) => out.push(by.to_string()),
                (EventKind::RecognitionWithdrawn, Some(i)) => {
                    out.remove(i);
                }
                _ => {}
            }
        }
        out
    }

    /// Is `p` recognised now by `org` (ignoring case), as the audience may know?
    #[must_use]
    pub fn recognized_now_by(&self, p: u32, org: &str, audience: Audience) -> bool {
        let org = org.to_lowercase();
        self.recognizing_now(p, audience)
            .iter()
            .any(|o| o.to_lowercase() == org)
    }
}

#[cfg(test)]
mod tests {
    use super::partial_text;
    use crate::access::Audience;
    use crate::date::PartialDate;
    use crate::registry::count::tests::registry;

    #[test]
    fn a_withdrawal_contradicts_only_when_its_own_organisation_had_not_recognised() {
        let person = r#"{"type":"person","id":"p1","country":"BY"}
{"type":"event","id":"d","person":"p1","kind":"detained","date":"2021-01-10"}
{"type":"event","id":"rv","person":"p1","kind":"recognized","date":"2021-02-01","details":{"by":"Viasna"}}
{"type":"event","id":"rm","person":"p1","kind":"recognized","date":"2021-03-01","details":{"by":"Memorial"}}
"#;
        let found = |more: &str| {
            let r = registry(&format!("{person}{more}"));
            let out: Vec<String> = r
                .contradictions(Audience::Trusted)
                .iter()
                .map(|(_, c)| c.message.clone())
                .collect();
            out
        };
        // Each organisation withdraws its own: nothing contradicts (the walk alone, which
        // reads no organisation, took Memorial's for Viasna's and found Viasna's without one).
        let both = r#"{"type":"event","id":"wm","person":"p1","kind":"recognition_withdrawn","date":"2022-01-01","details":{"by":"Memorial"}}
{"type":"event","id":"wv","person":"p1","kind":"recognition_withdrawn","date":"2023-01-01","details":{"by":"Viasna"}}
"#;
        assert_eq!(found(both), Vec::<String>::new());
        // An organisation that never recognised the person withdraws: said, with its name.
        let other = r#"{"type":"event","id":"wo","person":"p1","kind":"recognition_withdrawn","date":"2022-01-01","details":{"by":"Libereco"}}
"#;
        assert_eq!(
            found(other),
            ["recognition withdrawn by libereco on 2022-01-01 without a recognition by libereco before it"]
        );
        // Other findings of the walk stay.
        let released = r#"{"type":"event","id":"x","person":"p1","kind":"released","date":"2020-05-01"}
"#;
        assert_eq!(found(&format!("{both}{released}")).len(), 1);
    }

    #[test]
    fn a_range_reads_back_as_the_partial_date_it_came_from() {
        for text in ["2021", "2021-07", "2021-07-14", "2020-02", "2024-12-31"] {
            let d: PartialDate = text.parse().unwrap();
            assert_eq!(partial_text(d.range()), text);
        }
    }
}
