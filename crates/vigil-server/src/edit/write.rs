//! A form's save: one or more records (a person with her first events, an event with a
//! source written in place) in one write transaction, through `ops::put` like every other
//! write, each new one under an id made here (`ids`) that no stored record has. A later
//! record points at an earlier new one with the placeholder [`new_ref`]. A refusal of any
//! of them writes none.

use serde_json::Value;
use vigil_core::access;
use vigil_core::record::{parse_value, RecordType};
use vigil_store::ops::{self, Expect, OpError, Refusal};
use vigil_store::{Meta, StoreError};

use crate::auth::Editor;
use crate::edit::api::{now, Unsaved};
use crate::edit::ids;

/// One record of a save.
pub(crate) struct Draft {
    pub record: Value,
    /// The version the form was opened at; `None` for a new record.
    pub version: Option<u64>,
    /// For a new record without an id: the slug its id is made from.
    pub slug: Option<String>,
}

/// Where a later draft points at the `i`th draft's (new) id.
pub(crate) fn new_ref(i: usize) -> String {
    format!("\u{1}new-{i}")
}

/// What a save came to; nothing was written unless `Done`.
pub(crate) enum Wrote {
    Done {
        /// Each draft's id and log entry, in order.
        saved: Vec<(String, u64)>,
    },
    /// The record changed since the form was opened (or was retracted).
    Stale {
        rtype: RecordType,
        id: String,
        current: Option<String>,
    },
    /// A new record's id is another record's.
    Taken {
        rtype: RecordType,
        id: String,
    },
    Invalid(Unsaved),
}

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

/// Saves every draft in one transaction, or none.
pub(crate) fn save_all(
    store: &mut dyn vigil_store::Store,
    editor: &Editor,
    drafts: Vec<Draft>,
    reason: Option<String>,
) -> Result<Wrote, StoreError> {
    let editor = editor.principal();
    let meta = Meta {
        at: now(),
        actor: editor.name.clone(),
        reason,
    };
    let mut w = store.begin()?;
    let mut ids: Vec<String> = Vec::new();
    let mut saved = Vec::new();
    for d in drafts {
        let mut record = d.record;
        replace_refs(&mut record, &ids);
        if let Some(slug) = &d.slug {
            let rtype = record["type"]
                .as_str()
                .and_then(RecordType::parse)
                .unwrap_or(RecordType::Person);
            let mut id = ids::new_id(slug);
            // A suffix already used is drawn again (32⁴ of them per slug).
            for _ in 0..8 {
                if w.current(rtype, &id)?.is_none() {
                    break;
                }
                id = ids::new_id(slug);
            }
            record["id"] = id.into();
        }
        let parsed = match parse_value(record) {
            Ok(p) => p,
            Err(e) => return Ok(Wrote::Invalid(Unsaved::Record(e.to_string()))),
        };
        if !access::may_see(editor.role, parsed.record().visibility()) {
            return Ok(Wrote::Invalid(Unsaved::AboveRole));
        }
        let (rtype, id) = (
            parsed.record().record_type(),
            parsed.record().id().to_string(),
        );
        let expect = d.version.map_or(Expect::New, Expect::Version);
        match ops::put(w.as_mut(), &meta, &parsed, expect) {
            Ok(put) => {
                saved.push((id.clone(), put.version()));
                ids.push(id);
            }
            Err(OpError::Refused(Refusal::Stale { .. })) => {
                drop(w);
                let current = store.record_body(rtype, &id)?;
                return Ok(Wrote::Stale { rtype, id, current });
            }
            Err(OpError::Refused(Refusal::Taken { .. })) => {
                return Ok(Wrote::Taken { rtype, id });
            }
            Err(OpError::Refused(r)) => return Ok(Wrote::Invalid(Unsaved::Refused(r))),
            Err(OpError::Store(e)) => return Err(e),
        }
    }
    w.commit()?;
    Ok(Wrote::Done { saved })
}
