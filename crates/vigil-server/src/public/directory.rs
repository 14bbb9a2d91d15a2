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

/// Display names of public persons, by the registry's person index.
pub struct Directory {
    names: Vec<Option<Box<str>>>,
    /// Every stored name of each public person, in the stored order, for a page to pick
    /// the one in its reader's language.
    all_names: Vec<Box<[Name]>>,
    /// Lower-cased names, every spelling joined, for the directory's filter.
    haystacks: Vec<Option<Box<str>>>,
    /// Name search over public persons only: the public never finds anyone else.
    pub search: NameIndex,
}

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
                let display = p
                    .names
                    .first()
                    .map_or_else(|| p.id.clone(), |n| n.text.clone());
                let all: Vec<String> = p.names.iter().map(|n| n.text.to_lowercase()).collect();
                names[ix as usize] = Some(display.into());
                all_names[ix as usize] = p
                    .names
                    .iter()
                    .map(|n| {
                        (
                            n.text.as_str().into(),
                            n.lang.as_deref().unwrap_or("").into(),
                        )
                    })
                    .collect();
                haystacks[ix as usize] = Some(all.join(" | ").into());
            }
            Ok(())
        })?;
        let search = NameIndex::build(search::entries(persons, &merges, Audience::Public));
        Ok(Directory {
            names,
            all_names,
            haystacks,
            search,
        })
    }

    /// The display name of a public person; `None` for anyone the public may not see.
    #[must_use]
    pub fn name(&self, p: u32) -> Option<&str> {
        self.names.get(p as usize).and_then(Option::as_deref)
    }

    /// Every stored name of a public person with its language tag; empty for anyone the
    /// public may not see.
    #[must_use]
    pub fn names(&self, p: u32) -> &[Name] {
        self.all_names.get(p as usize).map_or(&[], |n| n)
    }

    /// Does any spelling of a public person's name contain `needle` (lower-cased)?
    #[must_use]
    pub fn matches(&self, p: u32, needle: &str) -> bool {
        self.haystacks
            .get(p as usize)
            .and_then(Option::as_deref)
            .is_some_and(|h| h.contains(needle))
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
