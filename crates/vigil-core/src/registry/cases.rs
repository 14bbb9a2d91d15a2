//! Cases, sentences and places in the registry: what an event's case details keep
//! (`CaseFacts`), places of detention, and the answers read from them — the expected
//! release (`sentence`'s rule), where a person is held, the custody history across
//! places, and the keys `held --by article|place|regime|status|recognized_by` counts by.

use serde::Serialize;

use super::{spans_of, EventRow, Letters, Registry, NONE};
use crate::access::Audience;
use crate::custody::Span;
use crate::date::{Day, DayRange};
use crate::record::{Condition, EventKind, Place, Regime};
use crate::sentence::{self, Verdict};

/// The case details of one event the engine reads (`EventRow::detail` points here).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct CaseFacts {
    /// `transferred`: the place's index.
    pub place: Option<u32>,
    pub in_transit: bool,
    pub address_unknown: bool,
    /// Interned articles, normalised ("ст. 342 УК" → "342"); `None` for none. Shared,
    /// so a patched registry's copy of every event's details allocates nothing.
    pub articles: Option<std::sync::Arc<[u32]>>,
    pub regime: Option<Regime>,
    pub term_months: Option<u32>,
    pub term_start: Option<DayRange>,
    /// Interned case id.
    pub case: Option<u32>,
    pub extends: bool,
    /// `sentenced`: what its appeal does (`sentence::AppealEffect`).
    pub appeal: Option<sentence::AppealEffect>,
    /// Bit `i` set: `Condition::ALL[i]`.
    pub conditions: u16,
    /// `recognized`, `recognition_withdrawn`: the organisation, interned.
    pub by: Option<u32>,
}

impl CaseFacts {
    /// The interned articles.
    #[must_use]
    pub fn articles(&self) -> &[u32] {
        self.articles.as_deref().unwrap_or_default()
    }
}

/// Where a person is held, as the last transfer says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Whereabouts {
    /// At a place (its index).
    Place(u32),
    InTransit,
    AddressUnknown,
}

/// A stretch of custody at one place (or in transit), from a transfer on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stay {
    pub from: DayRange,
    pub at: Whereabouts,
}

/// The article's number as the code writes it: "ст. 342 УК" → "342", "Art. 361-1" →
/// "361-1", "ч. 1 ст. 342" → "342" (the part is dropped); a text without a number stays.
#[must_use]
pub fn article_number(text: &str) -> String {
    let lower = text.to_lowercase();
    // After "ст." / "арт." / "art." when written, else the last number-like token.
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let is_number = |t: &str| {
        t.chars().next().is_some_and(|c| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    };
    let after_marker = tokens.windows(2).find_map(|w| {
        let marker = w[0].trim_end_matches('.');
        (["ст", "статья", "арт", "артыкул", "art", "article"].contains(&marker) && is_number(w[1]))
            .then_some(w[1])
    });
    let pick = after_marker.or_else(|| tokens.iter().copied().rfind(|t| is_number(t)));
    match pick {
        Some(n) => n.trim_end_matches(['.', '-']).to_string(),
        None => text.trim().to_string(),
    }
}

impl Registry {
    /// The places of detention, in the order added.
    #[must_use]
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// A place by id.
    #[must_use]
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.place_ix.get(id).map(|&i| &self.places[i as usize])
    }

    /// What person `p` consented to and their envelope name, if anything is recorded.
    #[must_use]
    pub fn letters_of(&self, p: u32) -> Option<&Letters> {
        self.letters.get(&p)
    }

    /// The address to write to person `p`: the current place's postal address, with the
    /// envelope name when one is stored (consent is what shows the address; the name is
    /// never derived), only for a public person who consented to letters, held on `on`
    /// at a place with an address (never for someone in transit or whose address is
    /// being clarified).
    #[must_use]
    pub fn letter_address(&self, p: u32, on: Day) -> Option<(Option<String>, &Place)> {
        if !self.is_public(p) {
            return None;
        }
        let l = self.letters.get(&p).filter(|l| l.letters)?;
        match self.whereabouts(p, on, Audience::Public)? {
            Whereabouts::Place(i) => {
                let place = &self.places[i as usize];
                place.address.as_ref()?;
                Some((l.envelope.as_deref().map(str::to_string), place))
            }
            Whereabouts::InTransit | Whereabouts::AddressUnknown => None,
        }
    }

    /// The case details of an event, if it has any.
    #[must_use]
    pub fn case_facts(&self, e: &EventRow) -> Option<&CaseFacts> {
        (e.detail != NONE).then(|| &self.details[e.detail as usize])
    }

    /// An interned name (an article, an organisation, a case id).
    #[must_use]
    pub fn symbol(&self, i: u32) -> &str {
        &self.symbols.names[i as usize]
    }

    /// The events of `p` this audience may see, and the custody spans they give.
    pub(super) fn timeline_for(&self, p: u32, audience: Audience) -> (Vec<&EventRow>, Vec<Span>) {
        let events: Vec<&EventRow> = self
            .events_of(p)
            .iter()
            .filter(|e| audience == Audience::Trusted || e.visibility.is_public())
            .collect();
        let spans = match self.public_timeline(p, audience) {
            Some(t) => t.custody.clone(),
            None => spans_of(&self.custody, p).iter().map(|(_, s)| *s).collect(),
        };
        (events, spans)
    }

    /// The verdicts among these events.
    pub(super) fn verdicts(&self, events: &[&EventRow]) -> Vec<Verdict> {
        events
            .iter()
            .filter(|e| e.fact.kind == EventKind::Sentenced)
            .map(|e| {
                let c = self.case_facts(e);
                Verdict {
                    when: e.fact.when,
                    case: c.and_then(|c| c.case),
                    term_months: c.and_then(|c| c.term_months),
                    regime: c.and_then(|c| c.regime),
                    term_start: c.and_then(|c| c.term_start),
                    extends: c.is_some_and(|c| c.extends),
                    appeal: c.and_then(|c| c.appeal),
                }
            })
            .collect()
    }

    /// When person `p` is expected to be released from the custody interval still open
    /// (the last one), as this audience may be told; `None` when not held or no
    /// custodial term is known.
    #[must_use]
    pub fn expected_release(&self, p: u32, audience: Audience) -> Option<DayRange> {
        let (events, spans) = self.timeline_for(p, audience);
        let span = spans.last().filter(|s| s.close.is_none())?;
        sentence::expected_release(span, &self.verdicts(&events))
    }

    /// Where person `p` was held, stay by stay, from the transfers the audience may see.
    #[must_use]
    pub fn custody_history(&self, p: u32, audience: Audience) -> Vec<Stay> {
        let (events, _) = self.timeline_for(p, audience);
        events
            .iter()
            .filter(|e| e.fact.kind == EventKind::Transferred)
            .filter_map(|e| {
                let c = self.case_facts(e)?;
                let at = match c.place {
                    Some(i) => Whereabouts::Place(i),
                    None if c.in_transit => Whereabouts::InTransit,
                    None if c.address_unknown => Whereabouts::AddressUnknown,
                    None => return None,
                };
                Some(Stay {
                    from: e.fact.when,
                    at,
                })
            })
            .collect()
    }

    /// Where person `p` is held on day `on`: the last transfer on or before it within the
    /// custody interval that covers it; `None` when not held then or no transfer says.
    #[must_use]
    pub fn whereabouts(&self, p: u32, on: Day, audience: Audience) -> Option<Whereabouts> {
        let (_, spans) = self.timeline_for(p, audience);
        let span = spans.iter().find(|s| s.headline().contains(on))?;
        self.custody_history(p, audience)
            .into_iter()
            .rev()
            .find(|s| s.from.lo >= span.open.lo && s.from.lo <= on)
            .map(|s| s.at)
    }

    /// The conditions recorded for `p` (events the audience may see), each with the first
    /// day it was reported, in vocabulary order.
    #[must_use]
    pub fn conditions_of(&self, p: u32, audience: Audience) -> Vec<(Condition, Day)> {
        let (events, _) = self.timeline_for(p, audience);
        let mut out: Vec<(Condition, Day)> = Vec::new();
        for e in events
            .iter()
            .filter(|e| e.fact.kind == EventKind::Conditions)
        {
            let Some(c) = self.case_facts(e) else {
                continue;
            };
            for (i, cond) in Condition::ALL.iter().enumerate() {
                if c.conditions & (1 << i) != 0 && !out.iter().any(|(k, _)| k == cond) {
                    out.push((*cond, e.fact.when.lo));
                }
            }
        }
        out.sort_by_key(|(c, _)| *c);
        out
    }

    /// The key person `p` counts under on day `on` for a case dimension (`held --by`):
    /// one key per person, so the parts add up to `held`.
    /// For the public, a public person's key comes from the events the public may see
    /// (a hidden transfer does not name the place).
    pub(super) fn case_key(&self, p: u32, on: Day, by: CaseBy, audience: Audience) -> String {
        let (events, spans) = self.timeline_for(p, audience);
        let Some(span) = spans.iter().find(|s| s.headline().contains(on)) else {
            return "unknown".into();
        };
        let in_span: Vec<&EventRow> = events
            .iter()
            .copied()
            .filter(|e| e.fact.when.lo >= span.open.lo && e.fact.when.lo <= on)
            .collect();
        // An appeal counts from its date on (`sentence::Verdict::known_on`); one that
        // overturned the verdict leaves the person awaiting a new trial.
        let verdicts: Vec<Verdict> = self
            .verdicts(&in_span)
            .into_iter()
            .map(|v| v.known_on(on))
            .collect();
        let current = sentence::in_force(span, &verdicts);
        let last_verdict = current.last();
        match by {
            CaseBy::Article => in_span
                .iter()
                .rev()
                .filter(|e| matches!(e.fact.kind, EventKind::Sentenced | EventKind::Charged))
                .find_map(|e| {
                    self.case_facts(e)
                        .and_then(|c| c.articles().first().copied())
                })
                .map_or_else(|| "unknown".into(), |a| self.symbol(a).to_string()),
            CaseBy::Place => match self.whereabouts(p, on, audience) {
                Some(Whereabouts::Place(i)) => self.places[i as usize].id.clone(),
                Some(Whereabouts::InTransit) => "in_transit".into(),
                Some(Whereabouts::AddressUnknown) => "address_unknown".into(),
                None => "unknown".into(),
            },
            CaseBy::Regime => match last_verdict {
                None => "pre_trial".into(),
                Some(v) => v.regime.map_or("unknown", Regime::as_str).into(),
            },
            CaseBy::Term => match sentence::term_in_force(span, &verdicts) {
                Some(m) => sentence::term_band(m).into(),
                None if current.is_empty() => "pre_trial".into(),
                None if current.iter().any(Verdict::custodial_regime) => "unknown".into(),
                None => "non_custodial".into(),
            },
            CaseBy::Status => match last_verdict.and_then(|v| v.regime) {
                None if last_verdict.is_none() => "pre_trial".into(),
                Some(Regime::RestrictedFreedom) => "restricted_freedom".into(),
                Some(Regime::HouseArrest) => "house_arrest".into(),
                _ => "convicted".into(),
            },
        }
    }

    /// The organisations that recognize `p` as a political prisoner as known now (a
    /// recognition by an organisation not followed by its withdrawal, names compared
    /// ignoring case), in name order; "unknown" for a recognition that names none
    /// (`recognitions.rs`).
    #[must_use]
    pub fn recognized_by(&self, p: u32, audience: Audience) -> Vec<String> {
        let mut out = self.recognizing_now(p, audience);
        out.sort();
        out
    }
}

/// The case dimensions of `held --by` that give one key per person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseBy {
    Article,
    Place,
    Regime,
    Status,
    /// The custodial term in force, in bands (`sentence::term_band`).
    Term,
}

#[cfg(test)]
mod tests {
    use super::article_number;

    #[test]
    fn article_numbers_are_read_as_monitors_write_them() {
        for (text, want) in [
            ("342", "342"),
            ("ст. 342 УК", "342"),
            ("ч. 1 ст. 342 УК РБ", "342"),
            ("Art. 361-1", "361-1"),
            ("арт. 130", "130"),
            ("207.3", "207.3"),
            ("part 2 of article 280.3", "280.3"),
            ("hooliganism", "hooliganism"),
        ] {
            assert_eq!(article_number(text), want, "{text}");
        }
    }
}
