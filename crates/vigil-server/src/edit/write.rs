//! A form's save: one or more records (a person with her first events, an event with a
//! source written in place) in one write transaction, through `vigil_store::batch::put_all`
//! (the write-path property test calls the same), each new one under an id made here
//! (`ids`) that no stored record has. A later record points at an earlier new one with the
//! placeholder [`new_ref`]. A refusal of any of them writes none.

use serde_json::Value;
use vigil_core::access;
use vigil_core::record::RecordType;
use vigil_store::batch::{self, BatchError};
use vigil_store::ops::{Expect, Refusal};
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
    batch::new_ref(i)
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

/// Saves every draft in one transaction, or none (`vigil_store::batch::put_all`).
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
    let drafts = drafts
        .into_iter()
        .map(|d| batch::Draft {
            record: d.record,
            expect: d.version.map_or(Expect::New, Expect::Version),
            slug: d.slug,
        })
        .collect();
    let mut w = store.begin()?;
    let got = batch::put_all(
        w.as_mut(),
        &meta,
        drafts,
        &mut |slug| ids::new_id(slug),
        &|p| access::may_see(editor.role, p.record().visibility()),
    );
    let refusal = match got {
        Ok(done) => {
            w.commit()?;
            return Ok(Wrote::Done {
                saved: done
                    .into_iter()
                    .map(|(id, put)| (id, put.version()))
                    .collect(),
            });
        }
        Err(BatchError::Store(e)) => return Err(e),
        Err(BatchError::Invalid { message, .. }) => {
            return Ok(Wrote::Invalid(Unsaved::Record(message)))
        }
        Err(BatchError::Forbidden { .. }) => return Ok(Wrote::Invalid(Unsaved::AboveRole)),
        Err(BatchError::Refused { refusal, .. }) => refusal,
    };
    drop(w);
    Ok(match refusal {
        Refusal::Stale { rtype, rid, .. } => {
            let current = store.record_body(rtype, &rid)?;
            Wrote::Stale {
                rtype,
                id: rid,
                current,
            }
        }
        Refusal::Taken { rtype, rid, .. } => Wrote::Taken { rtype, id: rid },
        r => Wrote::Invalid(Unsaved::Refused(r)),
    })
}
