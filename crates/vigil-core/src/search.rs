//! Name search and duplicate detection over every stored name of every person.
//!
//! The index keeps, per person, each name analysed into tokens ([`crate::names`]), and
//! posting lists from each token's skeleton keys and given-name classes to the persons
//! having them. A query is analysed the same way; persons sharing keys with more of the
//! query's tokens are scored first, each by its best-matching name.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::Serialize;

use crate::access::Audience;
use crate::record::{Person, Visibility};
use crate::registry::merge_roots;

use crate::names::{
    analyse_query, analyse_token, name_score, patronymic_position, query_score, split, Pair, Token,
};

/// A person as the index sees it.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub id: String,
    pub names: Vec<String>,
    pub birth_year: Option<i32>,
    pub region: Option<String>,
}

impl Entry {
    /// A person's entry: every stored name, birth year and region.
    #[must_use]
    pub fn of(p: &Person) -> Entry {
        Entry {
            id: p.id.clone(),
            names: p.names.iter().map(|n| n.text.clone()).collect(),
            birth_year: p.birth_date.map(|d| d.year_number()),
            region: p.region.clone(),
        }
    }
}

/// The entries a name index is built from: the one place that decides which names find a
/// person, so `vigil search` and `/api/v1/search` agree. A merged person is no entry of its
/// own; its names are appended to the person it was merged into, merges resolved as the
/// registry resolves them (`registry::merge_roots`: chains followed, cycles dropped).
/// `persons` come with their record's visibility, in export order; `merges` are
/// (keep, merged) ids in log order. For [`Audience::Public`] only public persons are
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
        merges
            .iter()
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

struct Indexed {
    id: String,
    /// Each name's text and its tokens, shared between persons (given names repeat).
    names: Vec<(String, Vec<Arc<Token>>)>,
    birth_year: Option<i32>,
    region: Option<String>,
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
/// Candidates scored per tier, best-sharing first: a query's latency is mostly this many
/// name comparisons.
const CANDIDATES: usize = 500;
/// A posting list this short names a rare token (a surname, not a given name).
const RARE: usize = 1_000;
/// Posting lists longer than this (common given names) are not used to pair duplicates.
const BLOCK_LIMIT: usize = 200;

#[derive(Default)]
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
        let names: Vec<(String, Vec<Arc<Token>>)> = e
            .names
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
        self.by_id.insert(e.id.clone(), p);
        self.persons.push(Indexed {
            id: e.id,
            names,
            birth_year: e.birth_year,
            region: e.region,
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
    /// Best first: more tokens, then more exact ones.
    fn candidates(&self, query: &[Token]) -> Vec<(u32, usize, bool)> {
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
        }
        let mut counts = vec![Count::default(); self.persons.len()];
        let mut touched: Vec<u32> = Vec::new();
        for (ti, t) in query.iter().enumerate().take(250) {
            let mark = ti as u8 + 1;
            let exact = t
                .keys
                .iter()
                .filter_map(|k| self.keys.get(k))
                .chain(t.symbols.iter().filter_map(|s| self.symbols.get(s)))
                .map(|l| (l, true));
            let near = deletions(t);
            let near = near
                .iter()
                .filter_map(|k| self.near.get(k))
                .map(|l| (l, false));
            for (list, is_exact) in exact.chain(near) {
                let rare = list.len() <= RARE;
                for &p in list {
                    let c = &mut counts[p as usize];
                    if c.shared == 0 && c.token == 0 {
                        touched.push(p);
                    }
                    c.rare |= rare;
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
        let mut out: Vec<(u32, u8, u8, bool)> = touched
            .into_iter()
            .map(|p| {
                let c = counts[p as usize];
                (p, c.shared, c.exact, c.rare)
            })
            .collect();
        out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        out.into_iter()
            .map(|(p, n, _, r)| (p, usize::from(n), r))
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
        let best = candidates.first().map_or(0, |c| c.1);
        // Those sharing keys with every matched token first; those sharing one fewer
        // (a surname with a typo) only when the first tier leaves room, and only through a
        // rare key: a common given name alone would bring in thousands.
        let mut hits: Vec<Hit> = Vec::new();
        for tier in [best, best.saturating_sub(1)] {
            if tier == 0 || (tier < best && hits.len() >= limit) {
                break;
            }
            hits.extend(
                candidates
                    .iter()
                    .filter(|(_, n, rare)| *n == tier && (tier == best || *rare))
                    .take(CANDIDATES)
                    .filter_map(|&(p, _, _)| self.score(p, &q)),
            );
        }
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.person.cmp(&b.person))
        });
        hits.truncate(limit);
        hits
    }

    /// A person's best-matching name for a query, if it scores at least [`SHOW_FROM`].
    fn score(&self, p: u32, q: &[Token]) -> Option<Hit> {
        let person = &self.persons[p as usize];
        let (score, name, pairs, tokens) = person
            .names
            .iter()
            .map(|(text, tokens)| {
                let (s, pairs) = query_score(q, tokens);
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
        for (_, tokens) in &person.names {
            for t in tokens {
                for k in &t.keys {
                    if let Some(list) = self.keys.get(k) {
                        if list.len() <= BLOCK_LIMIT {
                            others.extend(list.iter().filter(|&&o| o != p));
                        }
                    }
                }
            }
        }
        let mut out: Vec<Duplicate> = others
            .into_iter()
            .filter_map(|o| self.pair_score(p, o))
            .filter(|d| d.score >= min_score)
            .collect();
        out.sort_by(|x, y| y.score.total_cmp(&x.score).then_with(|| x.b.cmp(&y.b)));
        out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, names: &[&str], birth: Option<i32>, region: Option<&str>) -> Entry {
        Entry {
            id: id.into(),
            names: names.iter().map(|n| (*n).to_string()).collect(),
            birth_year: birth,
            region: region.map(Into::into),
        }
    }

    fn index() -> NameIndex {
        NameIndex::build([
            entry(
                "p1",
                &["Ales Bialiatski", "Алесь Бяляцкі"],
                Some(1962),
                Some("Minsk"),
            ),
            entry("p2", &["Maryia Kalesnikava"], Some(1982), None),
            entry("p3", &["Siarhei Tsikhanouski"], Some(1978), Some("Homel")),
            entry("p4", &["Sviatlana Tsikhanouskaya"], Some(1982), None),
            entry("p5", &["Aliaksandr Lukashevich"], Some(1970), None),
            entry(
                "p6",
                &["Беляцкий Алесь Викторович"],
                Some(1962),
                Some("Minsk"),
            ),
            entry("p7", &["Volha Kalesnikava"], Some(1990), None),
            entry("p8", &["Ihar Losik"], None, None),
        ])
    }

    #[test]
    fn search_across_scripts_best_first() {
        let ix = index();
        let hits = ix.search("Беляцкий", 10);
        let ids: Vec<&str> = hits.iter().map(|h| h.person.as_str()).collect();
        assert!(
            ids.starts_with(&["p1", "p6"]) || ids.starts_with(&["p6", "p1"]),
            "{hits:#?}"
        );
        let hits = ix.search("Sergei Tikhanovsky", 10);
        assert_eq!(hits[0].person, "p3", "{hits:#?}");
        assert!(hits[0].why.contains("sergei"), "{}", hits[0].why);
        // The feminine form ranks below the exact given name.
        assert!(hits
            .iter()
            .position(|h| h.person == "p4")
            .is_none_or(|i| i > 0));
        let hits = ix.search("Kolesnikova Maria", 10);
        assert_eq!(hits[0].person, "p2", "{hits:#?}");
        assert!(
            ix.search("Lukashenko", 10).is_empty(),
            "Lukashevich is not Lukashenko"
        );
    }

    #[test]
    fn duplicates_with_evidence() {
        let ix = index();
        let d = ix.duplicates(DUPLICATE_FROM);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!((d[0].a.as_str(), d[0].b.as_str()), ("p1", "p6"));
        assert!(d[0].evidence.iter().any(|e| e == "both born 1962"));
        assert!(ix.duplicates_of("p6", DUPLICATE_FROM)[0].b == "p1");
        // Same surname, another given name: not a duplicate.
        assert!(!d.iter().any(|x| x.a == "p2" && x.b == "p7"));
    }

    /// The labelled evaluation set (tests/names/eval.tsv): 56 people, 4–21 spellings each,
    /// those with a third column collected from the press with their source.
    /// Prints the numbers docs/performance.md reports:
    /// `cargo test --release -p vigil-core --lib search::tests::evaluation -- --nocapture`
    #[test]
    fn evaluation() {
        let lines: Vec<Vec<&str>> = include_str!("../../../tests/names/eval.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').collect())
            .collect();
        let rows: Vec<(&str, &str)> = lines.iter().map(|f| (f[0], f[1])).collect();
        let sourced: HashSet<(&str, &str)> = lines
            .iter()
            .filter(|f| f.len() > 2)
            .map(|f| (f[0], f[1]))
            .collect();
        let mut people: Vec<&str> = rows.iter().map(|r| r.0).collect();
        people.dedup();
        // Stored: each person's first spelling. Queries: the others.
        let stored: Vec<(&str, &str)> = people
            .iter()
            .map(|p| *rows.iter().find(|r| r.0 == *p).unwrap())
            .collect();
        let queries: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| !stored.contains(r))
            .copied()
            .collect();
        // Distractors: 3,000 generated persons (Belarusian, Russian, Burmese, Venezuelan
        // names in several scripts, including Kalesnikava and Lukashevich), without those
        // that are true homonyms of someone in the set.
        let everyone = NameIndex::build(rows.iter().map(|(p, n)| entry(p, &[n], None, None)));
        let mut distractors: Vec<Entry> = Vec::new();
        crate::generate::generate(
            crate::generate::Settings {
                persons: 3_000,
                seed: 5,
            },
            &mut |line| {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                if v["type"] != "person" {
                    return;
                }
                let names: Vec<String> = v["names"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n["text"].as_str().unwrap().to_string())
                    .collect();
                if names.iter().any(|n| {
                    everyone
                        .search(n, 1)
                        .first()
                        .is_some_and(|h| h.score >= 0.95)
                }) {
                    return;
                }
                distractors.push(Entry {
                    id: format!("g{}", v["id"].as_str().unwrap()),
                    names,
                    ..Entry::default()
                });
            },
        );
        let distractor_names: Vec<(String, String)> = distractors
            .iter()
            .flat_map(|e| e.names.iter().map(|n| (e.id.clone(), n.clone())))
            .collect();
        let ix = NameIndex::build(
            stored
                .iter()
                .map(|(p, n)| entry(p, &[n], None, None))
                .chain(distractors),
        );
        let folded = |s: &str| deunicode::deunicode(s).to_lowercase();
        let (mut at1, mut at10, mut jw1, mut jw10) = (0, 0, 0, 0);
        let (mut press, mut press1, mut press10) = (0usize, 0usize, 0usize);
        for (want, q) in &queries {
            let hits = ix.search(q, 10);
            let first = hits.first().is_some_and(|h| h.person == *want);
            let ten = hits.iter().any(|h| h.person == *want);
            at1 += usize::from(first);
            at10 += usize::from(ten);
            if sourced.contains(&(*want, *q)) {
                press += 1;
                press1 += usize::from(first);
                press10 += usize::from(ten);
            }
            // The baseline: Jaro-Winkler over every stored name, ASCII-folded.
            let fq = folded(q);
            let mut scan: Vec<(f64, &str)> = stored
                .iter()
                .map(|(p, n)| (strsim::jaro_winkler(&fq, &folded(n)), *p))
                .chain(
                    distractor_names
                        .iter()
                        .map(|(p, n)| (strsim::jaro_winkler(&fq, &folded(n)), p.as_str())),
                )
                .collect();
            scan.sort_by(|a, b| b.0.total_cmp(&a.0));
            jw1 += usize::from(scan[0].1 == *want);
            jw10 += usize::from(scan.iter().take(10).any(|s| s.1 == *want));
        }
        let n = queries.len() as f64;
        let r = |x: usize| x as f64 / n;
        // Duplicates: every spelling as its own person; true pairs are the same person.
        let all = NameIndex::build(
            rows.iter()
                .enumerate()
                .map(|(i, (p, name))| entry(&format!("{p}#{i}"), &[name], None, None)),
        );
        let person_of = |id: &str| id.split('#').next().unwrap().to_string();
        let true_pairs: usize = people
            .iter()
            .map(|p| {
                let k = rows.iter().filter(|r| r.0 == *p).count();
                k * (k - 1) / 2
            })
            .sum();
        let found = all.duplicates(DUPLICATE_FROM);
        let tp = found
            .iter()
            .filter(|d| person_of(&d.a) == person_of(&d.b))
            .count();
        let precision = tp as f64 / found.len().max(1) as f64;
        let recall = tp as f64 / true_pairs as f64;
        // Baseline duplicates: Jaro-Winkler ≥ 0.9 over all pairs.
        let (mut jw_found, mut jw_tp) = (0usize, 0usize);
        for i in 0..rows.len() {
            for j in i + 1..rows.len() {
                if strsim::jaro_winkler(&folded(rows[i].1), &folded(rows[j].1)) >= DUPLICATE_FROM {
                    jw_found += 1;
                    jw_tp += usize::from(rows[i].0 == rows[j].0);
                }
            }
        }
        eprintln!(
            "evaluation: {} people and {} distractor names, {} queries: vigil recall@1 {:.3}, recall@10 {:.3}; Jaro-Winkler scan recall@1 {:.3}, recall@10 {:.3}",
            people.len(), distractor_names.len(), queries.len(), r(at1), r(at10), r(jw1), r(jw10)
        );
        eprintln!(
            "  of which {press} collected from the press: recall@1 {:.3}, recall@10 {:.3}",
            press1 as f64 / press.max(1) as f64,
            press10 as f64 / press.max(1) as f64
        );
        eprintln!(
            "duplicates at {DUPLICATE_FROM}: vigil {} pairs, precision {precision:.3}, recall {recall:.3} of {true_pairs}; Jaro-Winkler {jw_found} pairs, precision {:.3}, recall {:.3}",
            found.len(),
            jw_tp as f64 / jw_found.max(1) as f64,
            jw_tp as f64 / true_pairs as f64
        );
        for d in found.iter().filter(|d| person_of(&d.a) != person_of(&d.b)) {
            eprintln!(
                "  false pair: {} / {} ({})",
                d.names[0], d.names[1], d.score
            );
        }
        for (want, q) in &queries {
            let hits = ix.search(q, 10);
            if hits.first().is_none_or(|h| h.person != *want) {
                eprintln!(
                    "  missed at 1: {q} (want {want}) got {:?}",
                    hits.first().map(|h| (&h.person, h.score))
                );
            }
        }
        assert!(r(at1) >= 0.9 && r(at1) > r(jw1), "recall@1 {}", r(at1));
        assert!(r(at10) >= 0.9, "recall@10 {}", r(at10));
        assert!(precision >= 0.9, "duplicate precision {precision}");
    }
}
