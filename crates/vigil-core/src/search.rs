//! Name search and duplicate detection over every stored name of every person.
//!
//! The index keeps, per person, each name analysed into tokens ([`crate::names`]), and
//! posting lists from each token's skeleton keys and given-name classes to the persons
//! having them. A query is analysed the same way; persons sharing keys with more of the
//! query's tokens are scored first, each by its best-matching name.

use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::access::Audience;
use crate::record::{Person, Visibility};
use crate::registry::{in_merge_order, merge_roots};

use crate::names::{
    analyse_query, analyse_token, name_score, patronymic_position, query_score_with, split,
    token_similarity, Evidence, Pair, Token, MATCH_FROM,
};

/// A person as the index sees it.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub id: String,
    pub names: Vec<String>,
    pub birth_year: Option<i32>,
    pub region: Option<String>,
    /// The person's sex, where recorded: `Some(true)` a woman. A tie between equally
    /// good candidates goes against one whose sex disagrees with the query's surname form.
    pub female: Option<bool>,
    /// A prominent person (`prominent` in the record: a recognised, widely reported
    /// prisoner): of candidates tied on everything the query says, the one the press
    /// most likely means.
    pub prominent: bool,
}

impl Entry {
    /// A person's entry: every stored name, birth year and region. A maiden or married
    /// surname stored alone (`{"text":"Іванава","kind":"maiden"}`) is also indexed as the
    /// full name it makes with the person's given names ("Марыя Іванава"), in each script
    /// a full name is stored in, so "Maryia Ivanava" finds her as "Марыя Калеснікава" does.
    #[must_use]
    pub fn of(p: &Person) -> Entry {
        let mut names: Vec<String> = p.names.iter().map(|n| n.text.clone()).collect();
        for n in &p.names {
            if !matches!(n.kind.as_deref(), Some("maiden" | "married")) || split(&n.text).len() != 1
            {
                continue;
            }
            let cyrillic = |s: &str| s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
            for full in p.names.iter().filter(|m| {
                m.kind.is_none()
                    && cyrillic(&m.text) == cyrillic(&n.text)
                    && split(&m.text).len() > 1
            }) {
                let tokens = crate::names::analyse(&full.text);
                let Some(surname) = tokens
                    .iter()
                    .position(|t| t.symbols.is_empty() && !t.patronymic)
                else {
                    continue;
                };
                let mut words: Vec<String> = tokens.iter().map(|t| t.text.clone()).collect();
                words[surname] = n.text.trim().to_lowercase();
                let made = words.join(" ");
                if !names.contains(&made) {
                    names.push(made);
                }
            }
        }
        Entry {
            id: p.id.clone(),
            names,
            birth_year: p.birth_date.map(|d| d.year_number()),
            region: p.region.clone(),
            female: match p.sex {
                Some(crate::record::Sex::Female) => Some(true),
                Some(crate::record::Sex::Male) => Some(false),
                _ => None,
            },
            prominent: p.prominent,
        }
    }
}

/// The entries a name index is built from: the one place that decides which names find a
/// person, so `vigil search` and `/api/v1/search` agree. A merged person is no entry of its
/// own; its names are appended to the person it was merged into, merges resolved as the
/// registry resolves them (`registry::merge_roots`: chains followed, cycles dropped).
/// `persons` come with their record's visibility, in export order; `merges` are
/// (keep, merged) ids in any order. For [`Audience::Public`] only public persons are
/// entries and only a public person's names are folded in, so the public finds no one
/// through a name it may not see.
#[must_use]
pub fn entries(
    persons: Vec<(Entry, Visibility)>,
    merges: &[(String, String)],
    audience: Audience,
) -> Vec<Entry> {
    let ix: HashMap<&str, u32> = persons
        .iter()
        .enumerate()
        .map(|(i, (e, _))| (e.id.as_str(), i as u32))
        .collect();
    let roots = merge_roots(
        persons.len(),
        in_merge_order(merges)
            .filter_map(|(k, m)| Some((*ix.get(k.as_str())?, *ix.get(m.as_str())?))),
    );
    drop(ix);
    let shown = |v: Visibility| audience == Audience::Trusted || v.is_public();
    let mut moved: HashMap<u32, Vec<String>> = HashMap::new();
    let mut kept: Vec<Option<(Entry, Visibility)>> = Vec::with_capacity(persons.len());
    for (p, (e, v)) in persons.into_iter().enumerate() {
        let root = roots[p];
        if root as usize == p {
            kept.push(Some((e, v)));
        } else {
            if shown(v) {
                moved.entry(root).or_default().extend(e.names);
            }
            kept.push(None);
        }
    }
    kept.into_iter()
        .enumerate()
        .filter_map(|(p, k)| {
            let (mut e, v) = k?;
            if let Some(names) = moved.remove(&(p as u32)) {
                e.names.extend(names);
            }
            shown(v).then_some(e)
        })
        .collect()
}

#[derive(Clone)]
struct Indexed {
    id: String,
    /// Each name's text and its tokens, shared between persons (given names repeat).
    names: Vec<(String, Vec<Arc<Token>>)>,
    birth_year: Option<i32>,
    region: Option<String>,
    female: Option<bool>,
    prominent: bool,
}

/// One search result.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub person: String,
    /// The stored name that matched best.
    pub name: String,
    pub score: f64,
    /// Which query token matched which name token, and how.
    pub why: String,
}

/// A probable duplicate pair.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicate {
    pub a: String,
    pub b: String,
    pub score: f64,
    pub names: [String; 2],
    /// Names matched token by token, birth years and regions compared.
    pub evidence: Vec<String>,
}

/// Scores under this are not shown (NAMES.md §6: 0.70 and up is worth a look).
pub const SHOW_FROM: f64 = 0.7;
/// The longest query read, in characters (no name is longer).
pub const MAX_QUERY: usize = 200;
/// The score from which a pair is proposed as a duplicate.
pub const DUPLICATE_FROM: f64 = 0.9;
/// Candidates scored per tier: a query's latency is mostly this many name comparisons.
/// When more share as many tokens (at 1M names, thousands share a common given name and a
/// short surname's neighbour), all are pre-scored (cheaply) and the best this many scored.
const SCORED: usize = 200;
/// A posting list this short names a rare token (a surname, not a given name).
const RARE: usize = 1_000;
/// Posting lists longer than this (common given names) are not used to pair duplicates.
const BLOCK_LIMIT: usize = 200;
/// Longer posting lists than this are not read even to pair a surname with a given name
/// (one person's duplicates are looked for within a few tens of thousands of others).
const COMMON_LIMIT: usize = 50_000;

#[derive(Default, Clone)]
pub struct NameIndex {
    persons: Vec<Indexed>,
    keys: HashMap<String, Vec<u32>>,
    /// Surname skeletons with one letter deleted (symmetric deletion): a typo or a
    /// changed consonant still meets the right person here.
    near: HashMap<String, Vec<u32>>,
    symbols: HashMap<u16, Vec<u32>>,
    by_id: HashMap<String, u32>,
    /// Analysed tokens by (text, is patronymic): each is analysed and kept once.
    interned: HashMap<(String, bool), Arc<Token>>,
    /// The pre-score's compact data ([`Self::pre_score`]): each person's distinct surname
    /// first readings, each followed by a 0 byte, persons one after another, so tied
    /// candidates are pre-scored by a walk over contiguous bytes, not through their names'
    /// tokens (several dependent cache misses per candidate).
    surnames: Vec<u8>,
    /// Where each person's surnames end in `surnames` (they begin where the previous end).
    surnames_end: Vec<u32>,
}

fn push_posting(list: &mut Vec<u32>, p: u32) {
    if list.last() != Some(&p) {
        list.push(p);
    }
}

impl NameIndex {
    #[must_use]
    pub fn build(entries: impl IntoIterator<Item = Entry>) -> NameIndex {
        let mut ix = NameIndex::default();
        for e in entries {
            ix.add(e);
        }
        ix
    }

    pub fn add(&mut self, e: Entry) {
        let p = self.persons.len() as u32;
        let mut texts = e.names;
        for joined in texts
            .iter()
            .filter_map(|n| joined_particles(n))
            .collect::<Vec<_>>()
        {
            if !texts.contains(&joined) {
                texts.push(joined);
            }
        }
        let names: Vec<(String, Vec<Arc<Token>>)> = texts
            .into_iter()
            .map(|n| {
                let mut tokens: Vec<Arc<Token>> = split(&n)
                    .into_iter()
                    .map(|text| self.intern(text, false))
                    .collect();
                if let Some(i) = patronymic_position(&tokens) {
                    tokens[i] = self.intern(tokens[i].text.clone(), true);
                }
                (n, tokens)
            })
            .collect();
        for (_, tokens) in &names {
            for t in tokens {
                for k in &t.keys {
                    push_posting(self.keys.entry(k.clone()).or_default(), p);
                }
                for k in deletions(t) {
                    push_posting(self.near.entry(k).or_default(), p);
                }
                for s in &t.symbols {
                    push_posting(self.symbols.entry(*s).or_default(), p);
                }
            }
        }
        let mut readings: Vec<&str> = names
            .iter()
            .flat_map(|(_, tokens)| tokens)
            .filter(|t| is_surname(t))
            .filter_map(|t| t.readings.first().map(String::as_str))
            .collect();
        readings.sort_unstable();
        readings.dedup();
        for r in readings {
            self.surnames.extend(r.bytes().filter(|&b| b != 0));
            self.surnames.push(0);
        }
        self.surnames_end.push(self.surnames.len() as u32);
        self.by_id.insert(e.id.clone(), p);
        self.persons.push(Indexed {
            id: e.id,
            names,
            birth_year: e.birth_year,
            region: e.region,
            female: e.female,
            prominent: e.prominent,
        });
    }

    fn intern(&mut self, text: String, patronymic: bool) -> Arc<Token> {
        Arc::clone(self.interned.entry((text, patronymic)).or_insert_with_key(
            |(text, patronymic)| {
                let mut t = analyse_token(text);
                t.patronymic = *patronymic;
                Arc::new(t)
            },
        ))
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.persons.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.persons.is_empty()
    }

    /// Persons sharing a key or given-name class with each query token: person → how many
    /// query tokens it shares something with, how many of those exactly (a skeleton or a
    /// given-name class, not only a one-deletion neighbour), and whether one of them was a
    /// rare key (a posting list of at most [`RARE`] persons: a surname, not a given name).
    /// Only those sharing the most tokens, and those sharing one fewer through a rare key
    /// (the tiers [`Self::search`] reads); best first: more tokens, then more exact ones.
    /// With each, which of the first eight query surnames it shares a skeleton key (of two
    /// letters or more) with, one bit per query token ([`Self::pre_score`] reads it).
    fn candidates(&self, query: &[Token]) -> Vec<Candidate> {
        // Dense counters (one pass to clear is cheaper than hashing tens of thousands of
        // postings): tokens shared, tokens shared exactly, rare; and which query token
        // last touched the person, so each token counts once.
        #[derive(Clone, Copy, Default)]
        struct Count {
            shared: u8,
            exact: u8,
            rare: bool,
            token: u8,
            token_exact: bool,
            skeleton: u8,
        }
        let mut counts = vec![Count::default(); self.persons.len()];
        let mut touched: Vec<u32> = Vec::new();
        for (ti, t) in query.iter().enumerate().take(250) {
            let mark = ti as u8 + 1;
            let bit = if ti < 8 && is_surname(t) {
                1u8 << ti
            } else {
                0
            };
            let exact = t
                .keys
                .iter()
                .filter_map(|k| Some((self.keys.get(k)?, if k.len() >= 2 { bit } else { 0 })))
                .chain(
                    t.symbols
                        .iter()
                        .filter_map(|s| Some((self.symbols.get(s)?, 0))),
                )
                .map(|(l, bit)| (l, true, bit));
            // A surname's one-deletion neighbours; and a short surname key (three
            // letters, too short to have neighbours of its own) meets the longer keys it
            // is one deletion of (Chaneka ~ Chaneuk).
            let mut near = deletions(t);
            if t.symbols.is_empty() {
                near.extend(t.keys.iter().filter(|k| k.chars().count() == 3).cloned());
            }
            let near = near
                .iter()
                .filter_map(|k| self.near.get(k))
                .map(|l| (l, false, 0));
            for (list, is_exact, bit) in exact.chain(near) {
                let rare = list.len() <= RARE;
                for &p in list {
                    let c = &mut counts[p as usize];
                    if c.shared == 0 && c.token == 0 {
                        touched.push(p);
                    }
                    c.rare |= rare;
                    c.skeleton |= bit;
                    if c.token != mark {
                        c.token = mark;
                        c.token_exact = false;
                        c.shared += 1;
                    }
                    if is_exact && !c.token_exact {
                        c.token_exact = true;
                        c.exact += 1;
                    }
                }
            }
        }
        let mut out: Vec<(u32, u8, u8, bool, u8)> = touched
            .into_iter()
            .map(|p| {
                let c = counts[p as usize];
                (p, c.shared, c.exact, c.rare, c.skeleton)
            })
            .collect();
        // Only the two tiers `search` reads are sorted (tens of thousands are touched
        // through a common given name; sorting them all cost more than a millisecond).
        let best = out.iter().map(|c| c.1).max().unwrap_or(0);
        out.retain(|c| c.1 == best || (c.1 + 1 == best && c.3));
        out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        out.into_iter()
            .map(|(person, n, _, rare, skeleton)| Candidate {
                person,
                shared: usize::from(n),
                rare,
                skeleton,
            })
            .collect()
    }

    /// The best-matching persons for a query, best first, scores of at least [`SHOW_FROM`].
    /// Only the first [`MAX_QUERY`] characters of a query are read: a name is never longer,
    /// and the work one request can cause stays bounded.
    #[must_use]
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query: String = query.chars().take(MAX_QUERY).collect();
        let q = analyse_query(&query);
        if q.is_empty() {
            return Vec::new();
        }
        let candidates = self.candidates(&q);
        let best = candidates.first().map_or(0, |c| c.shared);
        // Those sharing keys with every matched token first; those sharing one fewer
        // (a surname with a typo) only when the first tier leaves room, and only through a
        // rare key: a common given name alone would bring in thousands.
        let mut hits: Vec<(Hit, u32)> = Vec::new();
        let mut sims = Similarities::default();
        for tier in [best, best.saturating_sub(1)] {
            if tier == 0 || (tier < best && hits.len() >= limit) {
                break;
            }
            let tier_candidates: Vec<&Candidate> = candidates
                .iter()
                .filter(|c| c.shared == tier && (tier == best || c.rare))
                .collect();
            let tier_candidates: Vec<u32> = if tier_candidates.len() > SCORED {
                // More tie on the counts than are scored: the closest surnames first, by a
                // cheap pre-score (no alignment, one reading per token), not by id.
                let mut pre: Vec<(u32, f64)> = tier_candidates
                    .iter()
                    .map(|c| (c.person, self.pre_score(c, &q)))
                    .collect();
                pre.sort_by(|a, b| b.1.total_cmp(&a.1));
                pre.into_iter().take(SCORED).map(|(p, _)| p).collect()
            } else {
                tier_candidates.iter().map(|c| c.person).collect()
            };
            hits.extend(
                tier_candidates
                    .into_iter()
                    .filter_map(|p| Some((self.score(p, &q, &mut sims)?, p))),
            );
        }
        hits.sort_by(|a, b| {
            b.0.score
                .total_cmp(&a.0.score)
                .then_with(|| a.0.person.cmp(&b.0.person))
        });
        self.break_ties(&mut hits, &q, limit, &mut sims);
        hits.truncate(limit);
        hits.into_iter().map(|(h, _)| h).collect()
    }

    /// Reorders each run of hits tied on the score that reaches into the first `limit`
    /// by what else the query says, never by id alone: first a stored sex that disagrees
    /// with the query's surname form goes last, then the closer spelling (the query's
    /// readings against the matched tokens', Jaro-Winkler summed: "Kalesnikavovou" is
    /// nearer Калеснікава than Колесникова), then a prominent person first; the id
    /// decides only what none of these tells apart.
    fn break_ties(
        &self,
        hits: &mut [(Hit, u32)],
        q: &[Token],
        limit: usize,
        sims: &mut Similarities,
    ) {
        // Tied persons mostly share the matched (interned) token: its closeness to each
        // query token is computed once.
        let mut close: HashMap<(usize, *const Token), f64> = HashMap::new();
        let mut start = 0;
        while start < hits.len().min(limit) {
            let score = hits[start].0.score;
            let end = start
                + hits[start..]
                    .iter()
                    .take_while(|h| h.0.score.total_cmp(&score).is_eq())
                    .count();
            if end - start > 1 {
                let mut keyed: Vec<(TieKey, (Hit, u32))> = hits[start..end]
                    .iter()
                    .map(|h| (self.tie_key(h.1, q, sims, &mut close), h.clone()))
                    .collect();
                keyed.sort_by(|a, b| {
                    (b.0 .0)
                        .cmp(&a.0 .0)
                        .then(b.0 .1.total_cmp(&a.0 .1))
                        .then(b.0 .2.cmp(&a.0 .2))
                        .then_with(|| a.1 .0.person.cmp(&b.1 .0.person))
                });
                for (slot, (_, h)) in hits[start..end].iter_mut().zip(keyed) {
                    *slot = h;
                }
            }
            start = end;
        }
    }

    /// [`Self::break_ties`]'s key for a person: sex agreement (−1 when the stored sex
    /// disagrees with a gendered query surname, else 0), spelling closeness of its
    /// best-matching name, prominence.
    fn tie_key(
        &self,
        p: u32,
        q: &[Token],
        sims: &mut Similarities,
        close: &mut HashMap<(usize, *const Token), f64>,
    ) -> TieKey {
        let person = &self.persons[p as usize];
        let agreement = match person.female {
            Some(f) if q.iter().any(|t| is_surname(t) && t.feminine == Some(!f)) => -1,
            _ => 0,
        };
        let mut closeness: f64 = 0.0;
        for (_, tokens) in &person.names {
            let (_, pairs) = query_score_with(q, tokens, |i, j, _, _| sims.get(q, i, &tokens[j]));
            let c: f64 = pairs
                .iter()
                .map(|pair| {
                    let y = &tokens[pair.candidate];
                    *close
                        .entry((pair.query, Arc::as_ptr(y)))
                        .or_insert_with(|| {
                            q[pair.query]
                                .readings
                                .iter()
                                .flat_map(|a| {
                                    y.readings.iter().map(move |b| strsim::jaro_winkler(a, b))
                                })
                                .fold(0.0, f64::max)
                        })
                })
                .sum();
            closeness = closeness.max(c);
        }
        (agreement, closeness, person.prominent)
    }

    /// How close a person's surnames, in any of its names, are to the query's: each query
    /// surname's best [`quick_similarity`] (counted from [`MATCH_FROM`]), summed. Much
    /// cheaper than [`Self::score`]: no alignment, given names left out (tied candidates
    /// mostly share them), one reading per token; and it reads only contiguous data: a
    /// shared skeleton from the candidate's bit for the query token (set while the posting
    /// lists were read), the readings from the person's run of `surnames` bytes.
    fn pre_score(&self, c: &Candidate, q: &[Token]) -> f64 {
        let p = c.person as usize;
        let start = if p == 0 {
            0
        } else {
            self.surnames_end[p - 1] as usize
        };
        let run = &self.surnames[start..self.surnames_end[p] as usize];
        let mut sum = 0.0;
        for (ti, t) in q.iter().enumerate().filter(|(_, t)| is_surname(t)) {
            let Some(x) = t.readings.first() else {
                continue;
            };
            let best = if ti < 8 && c.skeleton & (1 << ti) != 0 {
                0.9
            } else {
                run.split(|&b| b == 0)
                    .filter(|r| !r.is_empty())
                    .filter_map(|r| std::str::from_utf8(r).ok())
                    .map(|y| quick_similarity(x, y))
                    .fold(0.0, f64::max)
            };
            if best >= MATCH_FROM {
                sum += best;
            }
        }
        sum
    }

    /// A person's best-matching name for a query, if it scores at least [`SHOW_FROM`].
    fn score(&self, p: u32, q: &[Token], sims: &mut Similarities) -> Option<Hit> {
        let person = &self.persons[p as usize];
        let (score, name, pairs, tokens) = person
            .names
            .iter()
            .map(|(text, tokens)| {
                let (s, pairs) =
                    query_score_with(q, tokens, |i, j, _, _| sims.get(q, i, &tokens[j]));
                (s, text, pairs, tokens)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))?;
        (score >= SHOW_FROM).then(|| Hit {
            person: person.id.clone(),
            name: name.clone(),
            score: round(score),
            why: explain(q, tokens, &pairs),
        })
    }

    fn pair_score(&self, first: u32, second: u32) -> Option<Duplicate> {
        let (x, y) = (
            &self.persons[first as usize],
            &self.persons[second as usize],
        );
        let mut best: Option<(f64, usize, usize, Vec<Pair>)> = None;
        for (i, (_, ta)) in x.names.iter().enumerate() {
            for (j, (_, tb)) in y.names.iter().enumerate() {
                let (s, pairs) = name_score(ta, tb);
                if best.as_ref().is_none_or(|b| s > b.0) {
                    best = Some((s, i, j, pairs));
                }
            }
        }
        let (mut score, i, j, pairs) = best?;
        let mut evidence = vec![explain(&x.names[i].1, &y.names[j].1, &pairs)];
        if let (Some(ya), Some(yb)) = (x.birth_year, y.birth_year) {
            if ya == yb {
                evidence.push(format!("both born {ya}"));
            } else {
                score -= 0.15;
                evidence.push(format!("born {ya} and {yb}"));
            }
        }
        if let (Some(ra), Some(rb)) = (&x.region, &y.region) {
            if ra.eq_ignore_ascii_case(rb) {
                evidence.push(format!("both from {ra}"));
            } else {
                score -= 0.05;
                evidence.push(format!("from {ra} and {rb}"));
            }
        }
        Some(Duplicate {
            a: x.id.clone(),
            b: y.id.clone(),
            score: round(score.max(0.0)),
            names: [x.names[i].0.clone(), y.names[j].0.clone()],
            evidence,
        })
    }

    /// Probable duplicate pairs with a score of at least `min_score`, best first. Pairs
    /// are looked for among persons sharing a rare key (a surname's skeleton), so a
    /// common given name alone never pairs two persons.
    #[must_use]
    pub fn duplicates(&self, min_score: f64) -> Vec<Duplicate> {
        let mut seen: HashSet<(u32, u32)> = HashSet::new();
        let mut out = Vec::new();
        for list in self.keys.values() {
            if list.len() < 2 || list.len() > BLOCK_LIMIT {
                continue;
            }
            for (k, &a) in list.iter().enumerate() {
                for &b in &list[k + 1..] {
                    if !seen.insert((a.min(b), a.max(b))) {
                        continue;
                    }
                    if let Some(d) = self.pair_score(a.min(b), a.max(b)) {
                        if d.score >= min_score {
                            out.push(d);
                        }
                    }
                }
            }
        }
        out.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
        });
        out
    }

    /// Persons already indexed that `id` (also indexed) probably duplicates.
    #[must_use]
    pub fn duplicates_of(&self, id: &str, min_score: f64) -> Vec<Duplicate> {
        let Some(&p) = self.by_id.get(id) else {
            return Vec::new();
        };
        let person = &self.persons[p as usize];
        let mut others: HashSet<u32> = HashSet::new();
        // Keys too common to pair on alone (a frequent surname, a given name) still pair
        // a person who shares both a surname's and a given name's: in a registry with
        // hundreds of Мельник, Дмитрий Мельник is compared with every Дмитрий Мельник.
        let mut common: HashMap<u32, u8> = HashMap::new();
        for (_, tokens) in &person.names {
            for t in tokens {
                let bit = if t.symbols.is_empty() { 1 } else { 2 };
                for k in &t.keys {
                    if let Some(list) = self.keys.get(k) {
                        if list.len() <= BLOCK_LIMIT {
                            others.extend(list.iter().filter(|&&o| o != p));
                        } else if list.len() <= COMMON_LIMIT {
                            for &o in list.iter().filter(|&&o| o != p) {
                                *common.entry(o).or_default() |= bit;
                            }
                        }
                    }
                }
            }
        }
        others.extend(common.into_iter().filter(|(_, m)| *m == 3).map(|(o, _)| o));
        let mut out: Vec<Duplicate> = others
            .into_iter()
            .filter_map(|o| self.pair_score(p, o))
            .filter(|d| d.score >= min_score)
            .collect();
        out.sort_by(|x, y| y.score.total_cmp(&x.score).then_with(|| x.b.cmp(&y.b)));
        out
    }
}

/// Two surnames' first readings' similarity for ordering candidates that share no skeleton
/// ([`token_similarity`]'s squared Jaro-Winkler, from 0.9).
fn quick_similarity(x: &str, y: &str) -> f64 {
    let jw = strsim::jaro_winkler(x, y);
    0.9 * jw * jw
}

/// A token that is a surname: not a given name (in the dictionary), not a patronymic.
fn is_surname(t: &Token) -> bool {
    t.symbols.is_empty() && !t.patronymic
}

/// [`NameIndex::tie_key`]: sex agreement, spelling closeness, prominence.
type TieKey = (i8, f64, bool);

/// A candidate of [`NameIndex::candidates`]: how many query tokens it shares keys with,
/// whether through a rare key, and which query surnames (bits, the first eight) it shares
/// a skeleton key of two letters or more with.
struct Candidate {
    person: u32,
    shared: usize,
    rare: bool,
    skeleton: u8,
}

/// One query's token similarities, each pair of a query token and a distinct stored token
/// computed once: stored tokens are interned (`NameIndex::intern`), so a given name shared
/// by thousands of candidates is compared with the query once, not once per candidate.
#[derive(Default)]
struct Similarities {
    /// The stored token's first slot in `known` (one slot per query token).
    slots: HashMap<*const Token, usize>,
    known: Vec<Option<(f64, Evidence)>>,
}

impl Similarities {
    fn get(&mut self, q: &[Token], i: usize, token: &Arc<Token>) -> (f64, Evidence) {
        let next = self.known.len();
        let slot = *self.slots.entry(Arc::as_ptr(token)).or_insert(next);
        if slot == next {
            self.known.resize(next + q.len(), None);
        }
        *self.known[slot + i].get_or_insert_with(|| token_similarity(&q[i], token))
    }
}

/// A surname token's skeletons with one letter removed, and the skeleton itself (so a
/// deletion on one side meets the full key on the other). Given names (in the dictionary)
/// and short keys have none: they would match too much.
fn deletions(t: &Token) -> Vec<String> {
    if !t.symbols.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for k in t.keys.iter().filter(|k| k.chars().count() >= 4) {
        let chars: Vec<char> = k.chars().collect();
        out.push(k.clone());
        for i in 0..chars.len() {
            out.push(chars[..i].iter().chain(&chars[i + 1..]).collect::<String>());
        }
    }
    out.sort();
    out.dedup();
    out
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// "bialiatski ~ бяляцкі (same skeleton); ales = алесь (given-name equivalence)"
fn explain<A: std::borrow::Borrow<Token>, B: std::borrow::Borrow<Token>>(
    a: &[A],
    b: &[B],
    pairs: &[Pair],
) -> String {
    pairs
        .iter()
        .map(|p| {
            let x = &std::borrow::Borrow::<Token>::borrow(&a[p.query]).text;
            let y = &std::borrow::Borrow::<Token>::borrow(&b[p.candidate]).text;
            let sign = if p.score >= 0.9 { "=" } else { "~" };
            format!("{x} {sign} {y} ({}, {:.2})", p.evidence.as_str(), p.score)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

mod mentions;
mod particles;
pub use mentions::Mention;
use particles::joined_particles;

#[cfg(test)]
mod tests;
