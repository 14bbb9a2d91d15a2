//! Persons named inside running text: the report reader's link from "суд прысудзіў
//! Сяргею Ціханоўскаму…" or "приговор Марии Колесниковой" to the registry.
//!
//! A name in a sentence is a run of capitalised words (at most four, initials such as
//! "А." included); each run is looked up as a query (so case and feminine endings fold,
//! [`crate::names::analyse_query`]), and when the whole run names no one, its shorter
//! runs are tried, longest first. A run of one word must be a surname: a given name alone
//! ("Марыя сказала…") names thousands of people and links to no one.

use super::{Hit, NameIndex};
use crate::names::analyse_query;

/// A person named in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte offsets of the name in the text: `&text[start..end]` is the name as written.
    pub start: usize,
    pub end: usize,
    /// The persons it may name, best first: one when the name is unambiguous, several
    /// when two stored persons match it equally well (the reader decides).
    pub persons: Vec<Hit>,
}

/// Words of a text with their byte offsets: letters, with ’ ' and - inside a word.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    for (i, c) in text.char_indices() {
        let inner = matches!(c, '’' | '\'' | 'ʼ' | '-') && start.is_some();
        if c.is_alphabetic() || inner {
            if start.is_none() {
                start = Some(i);
            }
            if c.is_alphabetic() {
                last_end = i + c.len_utf8();
            }
        } else if let Some(s) = start.take() {
            // An initial keeps its full stop: "А. Лукашэнка".
            let end = if c == '.' && text[s..last_end].chars().count() == 1 {
                i + 1
            } else {
                last_end
            };
            out.push((s, end));
        }
    }
    if let Some(s) = start {
        out.push((s, last_end));
    }
    out
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl NameIndex {
    /// The persons named in `text` (Russian, Belarusian, or any script the index reads),
    /// in the order they appear, each with the stored persons scoring at least `min_score`
    /// (about 0.85 links a surname in any case form: "Лукашэнкі", "Ціханоўскай",
    /// "Сергея Иванова", "Марыі Іванавай"). Text outside capitalised runs is not read.
    #[must_use]
    pub fn mentions(&self, text: &str, min_score: f64) -> Vec<Mention> {
        let words = words(text);
        let mut runs: Vec<Vec<(usize, usize)>> = Vec::new();
        for &(s, e) in &words {
            let cap = capitalised(&text[s..e]);
            let adjacent = runs
                .last()
                .and_then(|r| r.last())
                .is_some_and(|&(_, pe)| text[pe..s].chars().all(|c| c == ' ' || c == '\u{a0}'));
            match runs.last_mut() {
                Some(run) if cap && adjacent && run.len() < 4 => run.push((s, e)),
                _ if cap => runs.push(vec![(s, e)]),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for run in runs {
            let mut from = 0;
            while from < run.len() {
                let mut found = None;
                for len in (1..=run.len() - from).rev() {
                    let (start, end) = (run[from].0, run[from + len - 1].1);
                    if let Some(m) = self.mention(&text[start..end], start, end, min_score) {
                        found = Some((len, m));
                        break;
                    }
                }
                match found {
                    Some((len, m)) => {
                        out.push(m);
                        from += len;
                    }
                    None => from += 1,
                }
            }
        }
        out
    }

    fn mention(&self, name: &str, start: usize, end: usize, min_score: f64) -> Option<Mention> {
        let q = analyse_query(name);
        // One word (initials aside): a surname, or nothing (a given name alone names no one).
        let words: Vec<_> = q.iter().filter(|t| t.text.chars().count() > 1).collect();
        if words.is_empty() || (words.len() == 1 && !words[0].symbols.is_empty()) {
            return None;
        }
        // Initials ("А. Лукашэнка") are kept in the span, not in the query: an initial
        // proves little and would lower every score.
        let query: Vec<&str> = name
            .split_whitespace()
            .filter(|w| w.trim_end_matches('.').chars().count() > 1)
            .collect();
        let hits = self.search(&query.join(" "), 10);
        let best = hits.first()?.score;
        if best < min_score {
            return None;
        }
        let persons: Vec<Hit> = hits
            .into_iter()
            .filter(|h| h.score >= best - 0.005)
            .collect();
        Some(Mention {
            start,
            end,
            persons,
        })
    }
}
