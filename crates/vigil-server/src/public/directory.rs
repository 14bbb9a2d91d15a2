//! What the public may see. Until accounts exist, the public sees public persons and their
//! public events; restricted and confidential records never appear in a page or an API
//! answer. Counts still include everyone: a number reveals no one. The rule itself is
//! core's (`Record::visibility`, `Registry::is_public`, `Audience`); this module applies
//! it to what the server reads from the store.

use serde_json::Value;
use vigil_core::access::Audience;
use vigil_core::record::{parse_record, Parsed, Record, RecordType};
use vigil_core::registry::Registry;
use vigil_core::search::{self, Entry, NameIndex};
use vigil_store::{Store, StoreError};

/// A stored name and its language tag (empty when none was stored).
type Name = (Box<str>, Box<str>);

/// Display names of public persons, by the registry's person index: as loaded (`base`,
/// shared by every snapshot after it), and for the persons saved since (`changed`), so
/// a save updates the directory without reading every person again.
#[derive(Clone)]
pub struct Directory {
    base: std::sync::Arc<Base>,
    /// Persons saved since `base` was loaded.
    changed: std::sync::Arc<Changed>,
    /// Name search over `changed`'s public persons (`base.search` answers for the rest).
    recent: std::sync::Arc<NameIndex>,
}

/// The directory as loaded.
struct Base {
    names: Vec<Option<Box<str>>>,
    /// Every stored name of each public person, in the stored order, for a page to pick
    /// the one in its reader's language.
    all_names: Vec<Box<[Name]>>,
    /// Lower-cased names, every spelling joined, for the directory's filter.
    haystacks: Vec<Option<Box<str>>>,
    /// Name search over public persons only: the public never finds anyone else.
    search: NameIndex,
}

/// Persons saved since the directory was loaded.
#[derive(Clone, Default)]
struct Changed {
    /// By index: their names now (`None`: not public now).
    by_ix: std::collections::HashMap<u32, Option<Names>>,
    /// Their ids.
    ids: std::collections::HashSet<String>,
}

/// One public person's names, as `Base` keeps them.
#[derive(Clone)]
struct Names {
    display: Box<str>,
    all: Box<[Name]>,
    haystack: Box<str>,
    entry: Entry,
}

impl Names {
    fn of(p: &vigil_core::record::Person) -> Names {
        let display = p
            .names
            .first()
            .map_or_else(|| p.id.clone(), |n| n.text.clone());
        let all: Vec<String> = p.names.iter().map(|n| n.text.to_lowercase()).collect();
        Names {
            display: display.into(),
            all: p
                .names
                .iter()
                .map(|n| {
                    (
                        n.text.as_str().into(),
                        n.lang.as_deref().unwrap_or("").into(),
                    )
                })
                .collect(),
            haystack: all.join(" | ").into(),
            entry: Entry::of(p),
        }
    }
}

/// Most persons saved since the directory was loaded before it is loaded whole again.
const CHANGED_MOST: usize = 5_000;

impl Directory {
    pub fn load(store: &dyn Store, registry: &Registry) -> Result<Directory, StoreError> {
        let n = registry.person_count();
        let (mut names, mut haystacks) = (vec![None; n], vec![None; n]);
        let mut all_names: Vec<Box<[Name]>> = vec![Box::default(); n];
        let (mut persons, mut merges) = (Vec::new(), Vec::new());
        store.export(&mut |rtype, body| {
            if rtype == RecordType::Merge {
                if let Ok(Record::Merge(m)) = parse_record(body).map(Parsed::into_record) {
                    merges.push((m.keep, m.merged));
                }
            }
            if rtype != RecordType::Person {
                return Ok(());
            }
            let Ok(parsed) = parse_record(body) else {
                return Ok(());
            };
            let Record::Person(p) = parsed.into_record() else {
                return Ok(());
            };
            persons.push((Entry::of(&p), p.visibility));
            if let Some(ix) = registry
                .person_index(&p.id)
                .filter(|&ix| registry.is_public(ix))
            {
                let n = Names::of(&p);
                names[ix as usize] = Some(n.display);
                all_names[ix as usize] = n.all;
                haystacks[ix as usize] = Some(n.haystack);
            }
            Ok(())
        })?;
        let search = NameIndex::build(search::entries(persons, &merges, Audience::Public));
        Ok(Directory {
            base: std::sync::Arc::new(Base {
                names,
                all_names,
                haystacks,
                search,
            }),
            changed: std::sync::Arc::default(),
            recent: std::sync::Arc::default(),
        })
    }

    /// The directory after `persons` were saved, `registry` being the registry with them;
    /// `None` when it should be loaded whole (a merged person among them, or many saved
    /// since the load).
    #[must_use]
    pub fn patched(
        &self,
        registry: &Registry,
        persons: &[vigil_core::record::Person],
    ) -> Option<Directory> {
        if persons.is_empty() {
            return Some(self.clone());
        }
        let mut changed = (*self.changed).clone();
        for p in persons {
            let ix = registry.person_index(&p.id)?;
            if registry.merge_class(&p.id).len() > 1 {
                return None;
            }
            changed
                .by_ix
                .insert(ix, registry.is_public(ix).then(|| Names::of(p)));
            changed.ids.insert(p.id.clone());
        }
        if changed.by_ix.len() > CHANGED_MOST {
            return None;
        }
        let recent = NameIndex::build(changed.by_ix.values().flatten().map(|n| n.entry.clone()));
        Some(Directory {
            base: std::sync::Arc::clone(&self.base),
            changed: std::sync::Arc::new(changed),
            recent: std::sync::Arc::new(recent),
        })
    }

    /// Public persons whose names match `query`, best first (`NameIndex::search`).
    #[must_use]
    pub fn search(&self, query: &str, limit: usize) -> Vec<search::Hit> {
        if self.changed.ids.is_empty() {
            return self.base.search.search(query, limit);
        }
        // Persons saved since the load answer from `recent` only (the loaded index has
        // their old names, and found them when they were public).
        let gone = self.changed.ids.len();
        let mut hits: Vec<search::Hit> = self
            .base
            .search
            .search(query, limit + gone)
            .into_iter()
            .filter(|h| !self.changed.ids.contains(&h.person))
            .collect();
        hits.extend(self.recent.search(query, limit));
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.truncate(limit);
        hits
    }

    /// The display name of a public person; `None` for anyone the public may not see.
    #[must_use]
    pub fn name(&self, p: u32) -> Option<&str> {
        match self.changed.by_ix.get(&p) {
            Some(n) => n.as_ref().map(|n| &*n.display),
            None => self.base.names.get(p as usize).and_then(Option::as_deref),
        }
    }

    /// Every stored name of a public person with its language tag; empty for anyone the
    /// public may not see.
    #[must_use]
    pub fn names(&self, p: u32) -> &[Name] {
        match self.changed.by_ix.get(&p) {
            Some(n) => n.as_ref().map_or(&[], |n| &n.all),
            None => self.base.all_names.get(p as usize).map_or(&[], |n| n),
        }
    }

    /// Does any spelling of a public person's name contain `needle` (lower-cased)?
    #[must_use]
    pub fn matches(&self, p: u32, needle: &str) -> bool {
        match self.changed.by_ix.get(&p) {
            Some(n) => n.as_ref().is_some_and(|n| n.haystack.contains(needle)),
            None => self
                .base
                .haystacks
                .get(p as usize)
                .and_then(Option::as_deref)
                .is_some_and(|h| h.contains(needle)),
        }
    }
}

/// A stored person's or event's JSON if the public may see it (an event's person is
/// checked separately).
#[must_use]
pub fn visible(body: &str) -> Option<Value> {
    let record = parse_record(body).ok()?.into_record();
    record
        .visibility()
        .is_public()
        .then(|| serde_json::from_str(body).ok())
        .flatten()
}
