//! Logging in, and the editors' JSON API: read any record with its version, save one
//! against the version it was read at (a stale save gets 409 with what changed), and the
//! admins' audit trail. Reads of restricted or confidential records are audited.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use vigil_core::access;
use vigil_core::record::{parse_value, RecordType};
use vigil_store::ops::{self, Expect, OpError, Refusal as Refused};
use vigil_store::{Meta, StoreError};

use crate::auth::{Admin, Editor, Viewer};
use crate::error::{ErrorBody, ErrorCode};
use crate::input::{JsonBody, Path};
use crate::shapes::{JsonBodyRefusals, NeedsRole, NeedsViewer};
use crate::state::Written;
use crate::{AppError, Live};

pub(crate) fn now() -> String {
    vigil_core::chain::timestamp(chrono::Utc::now())
}

/// `GET /api/v1/records/{type}/{id}`.
#[derive(Serialize, ToSchema)]
pub struct RecordAnswer {
    /// The record in the interchange format, less the fields the caller's role may not see.
    #[schema(value_type = Object)]
    pub record: Value,
    /// The log entry that holds it: send it back with a save.
    pub version: u64,
    /// The fields held back from this caller.
    pub protected: Vec<&'static str>,
}

/// `POST /api/v1/records`, saved.
#[derive(Serialize, ToSchema)]
pub struct SavedAnswer {
    /// The record's new version (its log entry).
    pub version: u64,
    pub log: vigil_core::answer::LogPosition,
    /// Why the answers do not show the save yet (it is stored either way); null when they do.
    pub stale: Option<String>,
}

/// `GET /api/v1/audit`.
#[derive(Serialize, ToSchema)]
pub struct AuditAnswer {
    /// The latest 500 lines, newest first.
    pub audit: Vec<AuditLine>,
}

/// One line of the audit trail: a write to accounts or tokens, a read of a non-public
/// record, a refused login.
#[derive(Serialize, ToSchema)]
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
}

/// A record as stored, with its version (the log entry that holds it), for a viewer,
/// editor or admin; reading a non-public one is audited.
#[utoipa::path(get, path = "/api/v1/records/{type}/{id}", tag = "records",
    params(("type" = String, Path, description = "`person`, `event`, `announcement`, `figure`, `source` or `merge`", example = "person"),
        ("id" = String, Path, description = "The record's id", example = "p1")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, description = "The record and its version", body = RecordAnswer),
        (status = 400, description = "`bad_request`: a path that is not UTF-8", body = ErrorBody),
        (status = 404, description = "`not_found`: no such record, an unknown type, or one above the caller's role", body = ErrorBody),
        NeedsViewer))]
pub async fn record(
    State(live): State<Arc<Live>>,
    Viewer(p): Viewer,
    Path((rtype, id)): Path<(String, String)>,
) -> Response {
    let Some(rtype) = RecordType::parse(&rtype) else {
        return AppError::NotFound.into_response();
    };
    let (who, role, id2) = (p.name.clone(), p.role, id.clone());
    let result = live
        .read(move |store| {
            let id = id2;
            let Some(body) = store.record_body(rtype, &id)? else {
                return Ok(None);
            };
            let current = store
                .current(rtype, &id)?
                .expect("a body has a current state");
            let parsed = vigil_core::record::parse_record(&body)
                .map_err(|e| StoreError::Damaged(e.to_string()))?;
            let mut visibility = parsed.record().visibility();
            // An event is no more visible than its person.
            if let vigil_core::record::Record::Event(e) = parsed.record() {
                let person = store
                    .record_body(RecordType::Person, &e.person)?
                    .and_then(|b| vigil_core::record::parse_record(&b).ok())
                    .map(|p| p.record().visibility());
                visibility = access::event_visibility(visibility, person);
            }
            if !access::may_see(role, visibility) {
                return Ok(None);
            }
            Ok::<_, StoreError>(Some((
                access::shown(&parsed, role),
                current.seq,
                visibility,
            )))
        })
        .await;
    match result {
        Ok(Some((access::Shown { record, protected }, version, visibility))) => {
            if !visibility.is_public() {
                let subject = format!("{rtype} {id} ({})", visibility.as_str());
                if let Err(e) = live.audit_read(&who, subject).await {
                    return e.into_response();
                }
            }
            Json(RecordAnswer {
                record,
                version,
                protected,
            })
            .into_response()
        }
        Ok(None) => AppError::NotFound.into_response(),
        Err(e) => e.into_response(),
    }
}

/// `POST /api/v1/records`'s body.
#[derive(Deserialize, ToSchema)]
pub struct Save {
    /// The record in the interchange format.
    #[schema(value_type = Object)]
    pub record: Value,
    /// The version it was read at; absent or null for a new record.
    #[serde(default)]
    pub version: Option<u64>,
    /// Why, kept in the log.
    #[serde(default)]
    pub reason: Option<String>,
}

/// What a save came to.
pub(crate) enum Saved {
    Done {
        version: u64,
        entries: u64,
        head: String,
    },
    /// Stale (changed since it was read), or — `taken` — a new record whose id another
    /// record has.
    Conflict {
        version: Option<u64>,
        current: Option<String>,
        taken: bool,
    },
    Invalid(Unsaved),
}

/// Why a save or a retraction was not made; nothing was written. The JSON API says it in
/// English (`Display`), the pages in the reader's language (`edit::unsaved`).
#[derive(Debug)]
pub(crate) enum Unsaved {
    /// The record does not parse: vigil-core's message, which names the field.
    Record(String),
    /// The record's visibility is above the editor's role.
    AboveRole,
    /// A retraction that does not say which version it retracts.
    NoVersion { rtype: RecordType, id: String },
    /// One of the store's rules (`ops::Refusal`).
    Refused(Refused),
}

impl std::fmt::Display for Unsaved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unsaved::Record(message) => f.write_str(message),
            Unsaved::AboveRole => f.write_str("this record's visibility is above your role"),
            Unsaved::NoVersion { rtype, id } => {
                write!(f, "{rtype} '{id}': say which version you are retracting")
            }
            Unsaved::Refused(r) => r.fmt(f),
        }
    }
}

/// Writes one record against the version it was read at. Only an [`Editor`] can call it:
/// nothing else makes one.
pub(crate) fn save(
    store: &mut dyn vigil_store::Store,
    editor: &Editor,
    s: Save,
) -> Result<Saved, StoreError> {
    let editor = editor.principal();
    let parsed = match parse_value(s.record) {
        Ok(p) => p,
        Err(e) => return Ok(Saved::Invalid(Unsaved::Record(e.to_string()))),
    };
    let (rtype, id) = (
        parsed.record().record_type(),
        parsed.record().id().to_string(),
    );
    if !access::may_see(editor.role, parsed.record().visibility()) {
        return Ok(Saved::Invalid(Unsaved::AboveRole));
    }
    let meta = Meta {
        at: now(),
        actor: editor.name.clone(),
        reason: s.reason,
    };
    let expect = s.version.map_or(Expect::New, Expect::Version);
    let mut w = store.begin()?;
    // The version check is inside the write transaction: no other writer can slip between.
    match ops::put(w.as_mut(), &meta, &parsed, expect) {
        Ok(put) => {
            let head = w.commit()?;
            Ok(Saved::Done {
                version: put.version(),
                entries: head.entries,
                head: head.hash.to_hex(),
            })
        }
        Err(OpError::Refused(Refused::Stale { current, .. })) => {
            drop(w);
            Ok(Saved::Conflict {
                version: current,
                current: store.record_body(rtype, &id)?,
                taken: false,
            })
        }
        Err(OpError::Refused(Refused::Taken { seq, .. })) => {
            drop(w);
            Ok(Saved::Conflict {
                version: Some(seq),
                current: store.record_body(rtype, &id)?,
                taken: true,
            })
        }
        Err(OpError::Refused(r)) => Ok(Saved::Invalid(Unsaved::Refused(r))),
        Err(OpError::Store(e)) => Err(e),
    }
}

/// Retracts a record against the version it was read at; the inner error says why not
/// (changed meanwhile, still referred to, already gone). Only an [`Editor`] can call it.
pub(crate) fn retract(
    store: &mut dyn vigil_store::Store,
    editor: &Editor,
    rtype: RecordType,
    id: &str,
    version: Option<u64>,
    reason: String,
) -> Result<Result<u64, Unsaved>, StoreError> {
    let Some(version) = version else {
        return Ok(Err(Unsaved::NoVersion {
            rtype,
            id: id.to_string(),
        }));
    };
    let meta = Meta {
        at: now(),
        actor: editor.principal().name.clone(),
        reason: Some(reason),
    };
    let mut w = store.begin()?;
    match ops::retract(w.as_mut(), &meta, rtype, id, Expect::Version(version)) {
        Ok(entry) => {
            w.commit()?;
            Ok(Ok(entry.seq))
        }
        Err(OpError::Refused(r)) => Ok(Err(Unsaved::Refused(r))),
        Err(OpError::Store(e)) => Err(e),
    }
}

/// Save a record (`{record, version, reason}`) as an editor. A save against a stale
/// version answers 409 with the current version and record.
#[utoipa::path(post, path = "/api/v1/records", tag = "records", request_body = Save,
    security(("bearer" = []), ("session" = [], "csrf" = [])),
    responses((status = 200, description = "Saved", body = SavedAnswer),
        (status = 400, description = "`bad_record`: a record that does not parse or may not be saved; `bad_request`: a body that is not `{record, version, reason}`", body = ErrorBody),
        (status = 409, description = "`conflict`: the record changed since `version`; `version` and `current` say what it is now", body = ErrorBody),
        NeedsRole, JsonBodyRefusals))]
pub async fn save_record(
    State(live): State<Arc<Live>>,
    editor: Editor,
    JsonBody(s): JsonBody<Save>,
) -> Response {
    let result = live
        .write(&editor, move |store, editor| save(store, editor, s))
        .await;
    match result {
        Ok(Written {
            value:
                Saved::Done {
                    version,
                    entries,
                    head,
                },
            stale,
        }) => {
            // Saved either way; `stale` says when the answers do not show it yet, and why.
            Json(SavedAnswer {
                version,
                log: vigil_core::answer::LogPosition { entries, head },
                stale,
            })
            .into_response()
        }
        Ok(Written {
            value:
                Saved::Conflict {
                    version,
                    current,
                    taken,
                },
            ..
        }) => {
            let message = if taken {
                "a record of this type already has this id: here it is"
            } else {
                "the record changed since it was read: here is what it is now"
            };
            let current: Value = current
                .as_deref()
                .and_then(|b| serde_json::from_str(b).ok())
                .unwrap_or(Value::Null);
            let mut body = ErrorBody::new(ErrorCode::Conflict).message(message);
            body.error.version = version;
            body.error.current = Some(current);
            body.respond(StatusCode::CONFLICT)
        }
        Ok(Written {
            value: Saved::Invalid(message),
            ..
        }) => ErrorBody::new(ErrorCode::BadRecord)
            .message(message.to_string())
            .respond(StatusCode::BAD_REQUEST),
        Err(e) => e.into_response(),
    }
}

/// The audit trail, for admins.
#[utoipa::path(get, path = "/api/v1/audit", tag = "records", security(("bearer" = []), ("session" = [])),
    responses((status = 200, description = "The latest lines of the audit trail", body = AuditAnswer), NeedsRole))]
pub async fn audit(State(live): State<Arc<Live>>, Admin(_): Admin) -> Response {
    match live.read(|store| store.audit_trail(500)).await {
        Ok(rows) => Json(AuditAnswer {
            audit: rows
                .into_iter()
                .map(|r| AuditLine {
                    at: r.at,
                    actor: r.actor,
                    action: r.action,
                    subject: r.subject,
                })
                .collect(),
        })
        .into_response(),
        Err(e) => e.into_response(),
    }
}
