//! One proposal per real event. A report states its wave several times — the lede, the
//! official's quote, the headline, "more than 200" before "222" — and each statement read
//! alone opens an announcement. Here they become one: proposals of the same date whose
//! totals agree (or one of which is a round approximation of the other) are merged, the
//! more specific kind kept (an exchange or a deportation is also a release; a pardon is a
//! release by decree), breakdowns, claims, issuer and names joined. Figures stated twice
//! become one.

use super::{Extraction, ProposedAnnouncement};

fn rank(kind: &str) -> u8 {
    match kind {
        "exchange" => 5,
        "deportation" => 4,
        "amnesty" => 3,
        "pardon" => 2,
        "release" => 1,
        _ => 0,
    }
}

/// Is `b` a restatement of `a` (same day, same count, or a round figure near it)?
fn same_event(a: &ProposedAnnouncement, b: &ProposedAnnouncement) -> bool {
    // A statement the text gives no date for (a headline, a quote) is the dated one of
    // the same count.
    if a.date != b.date && !((a.undated || b.undated) && a.total == b.total) {
        return false;
    }
    if a.total == b.total {
        return true;
    }
    let near = |approx: &ProposedAnnouncement, exact: &ProposedAnnouncement| {
        approx.approximate
            && f64::from(approx.total) >= 0.6 * f64::from(exact.total)
            && f64::from(approx.total) <= 1.4 * f64::from(exact.total)
    };
    near(a, b) || near(b, a)
}

fn merge(into: &mut ProposedAnnouncement, from: ProposedAnnouncement) {
    if into.undated && !from.undated {
        into.date = from.date.clone();
        into.undated = false;
    }
    if into.approximate && !from.approximate {
        into.total = from.total;
        into.approximate = false;
        into.evidence = from.evidence.clone();
    }
    if rank(from.kind) > rank(into.kind) {
        into.kind = from.kind;
    }
    for (k, v) in from.breakdown {
        into.breakdown.entry(k).or_insert(v);
    }
    for c in from.claims {
        if !into.claims.contains(&c) {
            into.claims.push(c);
        }
    }
    if into.issuer.is_none() {
        into.issuer = from.issuer;
    }
    if into.names_disclosed.is_none() {
        into.names_disclosed = from.names_disclosed;
    }
    if into.country.is_none() {
        into.country = from.country;
    }
    if into.conditions.is_none() {
        into.conditions = from.conditions;
    }
    if into.scope.is_none() {
        into.scope = from.scope;
    }
}

/// Merges restatements of one event, in the order the events are first stated.
pub(super) fn consolidate(x: &mut Extraction) {
    let mut out: Vec<ProposedAnnouncement> = Vec::new();
    for a in std::mem::take(&mut x.announcements) {
        if let Some(e) = out.iter_mut().find(|e| same_event(e, &a)) {
            merge(e, a);
        } else {
            out.push(a);
        }
    }
    // A breakdown larger than its total belongs to no one: drop the cells that exceed it.
    for a in &mut out {
        a.breakdown.retain(|_, v| *v <= a.total);
    }
    x.announcements = out;
    let mut figures = Vec::new();
    for f in std::mem::take(&mut x.figures) {
        let dup = figures.iter().any(|g: &super::ProposedFigure| {
            g.metric == f.metric && (g.value - f.value).abs() < 1e-9
        });
        if !dup {
            figures.push(f);
        }
    }
    x.figures = figures;
}
