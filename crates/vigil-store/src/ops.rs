//! The write operations: every change to the registry — an import's lines, a save from a
//! form or the API, a correction, a retraction, a merge, an unmerge — goes through these
//! functions, inside the caller's write transaction. Each rule is checked here once:
//! references point at current records, a save or retraction matches the version it was
//! prepared against, a record still referred to cannot be retracted, a person is merged
//! once and not into itself.

use serde_json::json;
use vigil_core::chain::Entry;
use vigil_core::record::{parse_value, Parsed, RecordType};

use crate::{Change, Current, Meta, StoreError, Writer};

/// What version of a record a write was prepared against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Whatever is stored now (an import with `--update`, the CLI's retract).
    Any,
    /// Nothing current under this id (a record made in a form).
    New,
    /// The version the form or the API read: the log entry that holds it.
    Version(u64),
}

/// Why a write was refused. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("{rtype} '{rid}' already exists (log entry {seq}): open it to change it, or choose another id")]
    Taken {
        rtype: RecordType,
        rid: String,
        seq: u64,
    },
    #[error("{rtype} '{rid}' changed since it was read ({})", match .current { Some(s) => format!("it is now log entry {s}"), None => "it is no longer there".into() })]
    Stale {
        rtype: RecordType,
        rid: String,
        current: Option<u64>,
    },
    #[error("{rtype} '{rid}': field `{field}`: unknown {target} '{target_id}'")]
    MissingReference {
        rtype: RecordType,
        rid: String,
        field: &'static str,
        target: RecordType,
        target_id: String,
    },
    #[error("{rtype} '{rid}' does not exist or is already retracted")]
    NotFound { rtype: RecordType, rid: String },
    #[error("{rtype} '{rid}' is still referred to by {}; retract those first", referrers_text(.first, *.count))]
    InUse {
        rtype: RecordType,
        rid: String,
        /// The first records that refer to it (type, id), as many as the store lists.
        first: Vec<(RecordType, String)>,
        /// How many refer to it in all.
        count: u64,
    },
    #[error("person '{merged}' is already merged into '{keep}'; unmerge it first")]
    AlreadyMerged { merged: String, keep: String },
    #[error("person '{0}' is not merged into anyone")]
    NotMerged(String),
    #[error("a person cannot be merged into itself ('{0}')")]
    SelfMerge(String),
    #[error("person '{keep}' is already counted as '{merged}' (merged into it); merging '{merged}' into '{keep}' would make a loop")]
    MergeLoop { keep: String, merged: String },
}

/// The records that refer to one, as a refusal names them: "event 'e5', event 'e6', 3 more".
fn referrers_text(first: &[(RecordType, String)], count: u64) -> String {
    let mut users: Vec<String> = first.iter().map(|(t, id)| format!("{t} '{id}'")).collect();
    if count > first.len() as u64 {
        users.push(format!("{} more", count - first.len() as u64));
    }
    users.join(", ")
}

/// A write refused by a rule, or failed below it.
#[derive(Debug, thiserror::Error)]
pub enum OpError {
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a put did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Put {
    Added(Entry),
    /// A correction (or a retracted record put back): the entry refers to the one it replaces.
    Corrected(Entry),
    /// The stored record is this one already: nothing was written.
    Unchanged(Current),
}

impl Put {
    /// The log entry that now holds the record.
    #[must_use]
    pub fn version(&self) -> u64 {
        match self {
            Put::Added(e) | Put::Corrected(e) => e.seq,
            Put::Unchanged(c) => c.seq,
        }
    }
}

/// The id of the merge record that folds `merged` into another person.
#[must_use]
pub fn merge_id(merged: &str) -> String {
    format!("merge-{merged}")
}

/// The references of `record` that point at nothing current, as refusals.
pub fn missing_references(w: &mut dyn Writer, record: &Parsed) -> Result<Vec<Refusal>, StoreError> {
    let r = record.record();
    let mut missing = Vec::new();
    for (target, target_id, field) in r.references() {
        if w.current(target, target_id)?.is_none_or(|c| c.retracted) {
            missing.push(Refusal::MissingReference {
                rtype: r.record_type(),
                rid: r.id().to_string(),
                field,
                target,
                target_id: target_id.to_string(),
            });
        }
    }
    Ok(missing)
}

/// Stores `record` if it is new or differs from what is stored, against `expect`.
pub fn put(
    w: &mut dyn Writer,
    meta: &Meta,
    record: &Parsed,
    expect: Expect,
) -> Result<Put, OpError> {
    let (rtype, rid) = (record.record().record_type(), record.record().id());
    let current = w.current(rtype, rid)?;
    let live = current.as_ref().filter(|c| !c.retracted);
    match (expect, live) {
        (Expect::New, Some(c)) => {
            return Err(Refusal::Taken {
                rtype,
                rid: rid.to_string(),
                seq: c.seq,
            }
            .into())
        }
        (Expect::Version(v), live) if live.map(|c| c.seq) != Some(v) => {
            return Err(Refusal::Stale {
                rtype,
                rid: rid.to_string(),
                current: live.map(|c| c.seq),
            }
            .into())
        }
        _ => {}
    }
    let digest = vigil_core::chain::Hash::of_body(record.canonical());
    if let Some(c) = live {
        if c.digest == digest {
            return Ok(Put::Unchanged(c.clone()));
        }
    }
    if let Some(refused) = missing_references(w, record)?.into_iter().next() {
        return Err(refused.into());
    }
    let refers_to = current.as_ref().map(|c| c.seq);
    #[allow(clippy::disallowed_methods)] // the rules are checked just above: this is the one put
    let entry = w.append(
        meta,
        Change::Put {
            record,
            refers_to,
            digest,
        },
    )?;
    Ok(if refers_to.is_some() {
        Put::Corrected(entry)
    } else {
        Put::Added(entry)
    })
}

/// Retracts a record, against `expect`; refused while anything current refers to it.
pub fn retract(
    w: &mut dyn Writer,
    meta: &Meta,
    rtype: RecordType,
    rid: &str,
    expect: Expect,
) -> Result<Entry, OpError> {
    let live = w.current(rtype, rid)?.filter(|c| !c.retracted);
    let Some(live) = live else {
        return Err(Refusal::NotFound {
            rtype,
            rid: rid.to_string(),
        }
        .into());
    };
    if let Expect::Version(v) = expect {
        if v != live.seq {
            return Err(Refusal::Stale {
                rtype,
                rid: rid.to_string(),
                current: Some(live.seq),
            }
            .into());
        }
    }
    let (count, first) = w.referrers(rtype, rid)?;
    if count > 0 {
        return Err(Refusal::InUse {
            rtype,
            rid: rid.to_string(),
            first,
            count,
        }
        .into());
    }
    #[allow(clippy::disallowed_methods)]
    // the rules are checked just above: this is the one retraction
    Ok(w.append(
        meta,
        Change::Retract {
            rtype,
            rid,
            refers_to: live.seq,
        },
    )?)
}

/// Folds person `merged` into `keep`: the merged person's events count as the kept
/// person's, and its names find the kept person.
pub fn merge(w: &mut dyn Writer, meta: &Meta, keep: &str, merged: &str) -> Result<Put, OpError> {
    let id = merge_id(merged);
    if keep == merged {
        return Err(Refusal::SelfMerge(keep.to_string()).into());
    }
    if let Some(c) = w.current(RecordType::Merge, &id)? {
        if !c.retracted {
            return Err(Refusal::AlreadyMerged {
                merged: merged.to_string(),
                keep: merged_into(w, &id)?.unwrap_or_default(),
            }
            .into());
        }
    }
    // Follow `keep` through the merges it is in: if that leads to `merged`, this merge would
    // close a loop (the builder would have to drop one of them, by an order nobody chose).
    let mut root = keep.to_string();
    let mut seen = std::collections::HashSet::new();
    while seen.insert(root.clone()) {
        let live = w
            .current(RecordType::Merge, &merge_id(&root))?
            .is_some_and(|c| !c.retracted);
        match live
            .then(|| merged_into(w, &merge_id(&root)))
            .transpose()?
            .flatten()
        {
            Some(next) if next == merged => {
                return Err(Refusal::MergeLoop {
                    keep: keep.to_string(),
                    merged: merged.to_string(),
                }
                .into())
            }
            Some(next) => root = next,
            None => break,
        }
    }
    let record = parse_value(json!({"type": "merge", "id": id, "keep": keep, "merged": merged}))
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    put(w, meta, &record, Expect::Any)
}

/// Whom the live merge `id` folds its person into, from the writer's view.
fn merged_into(w: &mut dyn Writer, id: &str) -> Result<Option<String>, StoreError> {
    w.record_body(RecordType::Merge, id).map(|b| {
        b.and_then(|b| vigil_core::record::parse_record(&b).ok())
            .and_then(|p| match p.into_record() {
                vigil_core::record::Record::Merge(m) => Some(m.keep),
                _ => None,
            })
    })
}

/// Undoes the merge of `merged`.
pub fn unmerge(w: &mut dyn Writer, meta: &Meta, merged: &str) -> Result<Entry, OpError> {
    retract(w, meta, RecordType::Merge, &merge_id(merged), Expect::Any).map_err(|e| match e {
        OpError::Refused(Refusal::NotFound { .. }) => {
            OpError::Refused(Refusal::NotMerged(merged.to_string()))
        }
        e => e,
    })
}
