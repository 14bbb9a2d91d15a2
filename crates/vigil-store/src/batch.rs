//! Several records saved together, all or none: a form's save (a person with her first
//! events, an event with a source written in place) through [`ops::put`] for each, inside
//! the caller's one write transaction. A new record without an id gets one from the
//! caller's id maker (drawn again while the id is already someone's); a later record
//! points at an earlier new one with the placeholder [`new_ref`]. The first refusal stops
//! the batch, and the caller drops the transaction, so nothing of it is written. The
//! editors' forms and the write-path property test call this same function.

use serde_json::Value;
use vigil_core::record::{parse_value, Parsed, RecordType};

use crate::ops::{self, Expect, OpError, Put, Refusal};
use crate::{Meta, StoreError, Writer};

/// One record of a batch.
#[derive(Debug, Clone)]
pub struct Draft {
    pub record: Value,
    /// The version the form was opened at, or `Expect::New` for a new record.
    pub expect: Expect,
    /// For a new record without an id: the slug its id is made from.
    pub slug: Option<String>,
}

/// Where a later draft points at the `i`th draft's id (made for it, or its own).
#[must_use]
pub fn new_ref(i: usize) -> String {
    format!("\u{1}new-{i}")
}

/// Why a batch stopped, naming the draft (from 0) that stopped it. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The draft does not parse as a record: vigil-core's message, naming the field.
    #[error("record {at}: {message}")]
    Invalid { at: usize, message: String },
    /// The caller's `permit` refused it (a visibility above the editor's role).
    #[error("record {at} is not permitted")]
    Forbidden { at: usize },
    /// One of the store's rules.
    #[error("record {at}: {refusal}")]
    Refused { at: usize, refusal: Refusal },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How many times an id already taken is drawn again before the put is left to refuse it.
pub const DRAWS: usize = 8;

fn replace_refs(v: &mut Value, ids: &[String]) {
    match v {
        Value::String(s) => {
            if let Some(i) = (0..ids.len()).find(|i| *s == new_ref(*i)) {
                s.clone_from(&ids[i]);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| replace_refs(x, ids)),
        Value::Object(o) => o.values_mut().for_each(|x| replace_refs(x, ids)),
        _ => {}
    }
}

/// Puts every draft in `w`, in order; on `Err` the caller must drop `w` uncommitted.
/// Returns each draft's id and what its put did.
pub fn put_all(
    w: &mut dyn Writer,
    meta: &Meta,
    drafts: Vec<Draft>,
    new_id: &mut dyn FnMut(&str) -> String,
    permit: &dyn Fn(&Parsed) -> bool,
) -> Result<Vec<(String, Put)>, BatchError> {
    let mut ids: Vec<String> = Vec::new();
    let mut done = Vec::new();
    for (at, d) in drafts.into_iter().enumerate() {
        let mut record = d.record;
        replace_refs(&mut record, &ids);
        if let Some(slug) = &d.slug {
            let rtype = record["type"]
                .as_str()
                .and_then(RecordType::parse)
                .unwrap_or(RecordType::Person);
            let mut id = new_id(slug);
            for _ in 1..DRAWS {
                if w.current(rtype, &id)?.is_none() {
                    break;
                }
                id = new_id(slug);
            }
            record["id"] = id.into();
        }
        let parsed = parse_value(record).map_err(|e| BatchError::Invalid {
            at,
            message: e.to_string(),
        })?;
        if !permit(&parsed) {
            return Err(BatchError::Forbidden { at });
        }
        let id = parsed.record().id().to_string();
        match ops::put(w, meta, &parsed, d.expect) {
            Ok(put) => {
                done.push((id.clone(), put));
                ids.push(id);
            }
            Err(OpError::Refused(refusal)) => return Err(BatchError::Refused { at, refusal }),
            Err(OpError::Store(e)) => return Err(e.into()),
        }
    }
    Ok(done)
}
