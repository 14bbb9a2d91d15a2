//! Logging in, and the editors' JSON API: read any record with its version, save one
//! against the version it was read at (a stale save gets 409 with what changed), and the
//! admins' audit trail. Reads of restricted or confidential records are audited.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use serde::Deserialize;
use serde_json::{json, Value};

use vigil_core::access;
use vigil_core::record::{parse_value, RecordType};
use vigil_store::accounts::AuditRow;
use vigil_store::ops::{self, Expect, OpError, Refusal as Refused};
use vigil_store::{Meta, StoreError};

use crate::auth::{self, Address, Admin, Caller, Editor, Refusal, Via, Viewer};
use crate::Live;

pub(crate) fn now() -> String {
    vigil_core::chain::timestamp(chrono::Utc::now())
}

#[derive(Deserialize)]
pub struct Credentials {
    name: String,
    password: String,
    /// The login page's token (form logins only).
    #[serde(default)]
    login_token: Option<String>,
}

/// `POST /login` from the login form: a session cookie and back to the dashboard. The form
/// carries the token the login page set in a SameSite=Strict cookie, so a login form
/// posted from another site (login CSRF: logging someone in as the attacker) is refused.
pub async fn login_form(
    State(live): State<Arc<Live>>,
    Address(addr): Address,
    headers: axum::http::HeaderMap,
    Form(c): Form<Credentials>,
) -> Response {
    let cookie = axum_extra::extract::cookie::CookieJar::from_headers(&headers)
        .get(auth::LOGIN_COOKIE)
        .map(|c| c.value().to_string());
    if cookie.is_none() || cookie != c.login_token {
        return Refusal::Csrf.into_response();
    }
    match auth::login(&live, &c.name, &c.password, addr).await {
        Ok((id, _)) => (
            [(header::SET_COOKIE, auth::session_cookie(&id))],
            Redirect::to("/"),
        )
            .into_response(),
        Err(r) => r.into_response(),
    }
}

/// `POST /api/v1/session`: log in from a script or the editors' pages; answers the CSRF
/// token to send as `X-CSRF-Token` with every write.
pub async fn login_json(
    State(live): State<Arc<Live>>,
    Address(addr): Address,
    Json(c): Json<Credentials>,
) -> Response {
    match auth::login(&live, &c.name, &c.password, addr).await {
        Ok((id, s)) => (
            [(header::SET_COOKIE, auth::session_cookie(&id))],
            Json(json!({ "name": s.name, "role": s.role.as_str(), "csrf": s.csrf })),
        )
            .into_response(),
        Err(r) => r.into_response(),
    }
}

/// `GET /api/v1/session`: who the caller is.
pub async fn whoami(Caller(p): Caller) -> Response {
    match p {
        None => Refusal::Unauthenticated.into_response(),
        Some(p) => {
            let csrf = match &p.via {
                Via::Session { csrf } => Some(csrf.clone()),
                Via::Token => None,
            };
            Json(json!({ "name": p.name, "role": p.role.as_str(), "csrf": csrf })).into_response()
        }
    }
}

/// `DELETE /api/v1/session`: log out (a write: the CSRF token is checked).
pub async fn logout(
    State(live): State<Arc<Live>>,
    Viewer(_): Viewer,
    headers: axum::http::HeaderMap,
) -> Response {
    if let Some(id) = auth::session_id(&headers) {
        live.auth.logout(&id);
    }
    (
        [(header::SET_COOKIE, auth::cleared_cookie())],
        StatusCode::NO_CONTENT,
    )
        .into_response()
}

fn store_error(e: &StoreError) -> Response {
    Refusal::Internal(e.to_string()).into_response()
}

/// `GET /api/v1/records/{type}/{id}`: a record as stored, with its version (the log entry
/// that holds it), for a viewer, editor or admin; reading a non-public one is audited.
pub async fn record(
    State(live): State<Arc<Live>>,
    Viewer(p): Viewer,
    Path((rtype, id)): Path<(String, String)>,
) -> Response {
    let Some(rtype) = RecordType::parse(&rtype) else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"error": {"code": "not_found"}})),
        )
            .into_response();
    };
    let store = live.store();
    let result = tokio::task::spawn_blocking(move || {
        let store = store
            .lock()
            .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?;
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
        if !access::may_see(p.role, visibility) {
            return Ok(None);
        }
        if !visibility.is_public() {
            store.record_audit(&AuditRow {
                at: now(),
                actor: p.name.clone(),
                action: "read".into(),
                subject: format!("{rtype} {id} ({})", visibility.as_str()),
            })?;
        }
        Ok::<_, StoreError>(Some((access::shown(&parsed, p.role), current.seq)))
    })
    .await;
    match result {
        Ok(Ok(Some((access::Shown { record, protected }, version)))) => {
            Json(json!({ "record": record, "version": version, "protected": protected }))
                .into_response()
        }
        Ok(Ok(None)) => (
            StatusCode::NOT_FOUND,
            Json(json!({"error": {"code": "not_found"}})),
        )
            .into_response(),
        Ok(Err(e)) => store_error(&e),
        Err(e) => Refusal::Internal(e.to_string()).into_response(),
    }
}

#[derive(Deserialize)]
pub struct Save {
    /// The record in the interchange format.
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
    Conflict {
        version: Option<u64>,
        current: Option<String>,
    },
    Invalid(String),
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
        Err(e) => return Ok(Saved::Invalid(e.to_string())),
    };
    let (rtype, id) = (
        parsed.record().record_type(),
        parsed.record().id().to_string(),
    );
    if !access::may_see(editor.role, parsed.record().visibility()) {
        return Ok(Saved::Invalid(
            "this record's visibility is above your role".into(),
        ));
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
            })
        }
        Err(OpError::Refused(Refused::Taken { seq, .. })) => {
            drop(w);
            Ok(Saved::Conflict {
                version: Some(seq),
                current: store.record_body(rtype, &id)?,
            })
        }
        Err(OpError::Refused(r)) => Ok(Saved::Invalid(r.to_string())),
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
) -> Result<Result<u64, String>, StoreError> {
    let Some(version) = version else {
        return Ok(Err(format!(
            "{rtype} '{id}': say which version you are retracting"
        )));
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
        Err(OpError::Refused(r)) => Ok(Err(r.to_string())),
        Err(OpError::Store(e)) => Err(e),
    }
}

/// `POST /api/v1/records`: save a record (`{record, version, reason}`) as an editor. A save
/// against a stale version answers 409 with the current version and record.
pub async fn save_record(
    State(live): State<Arc<Live>>,
    editor: Editor,
    Json(s): Json<Save>,
) -> Response {
    let store = live.store();
    let result = tokio::task::spawn_blocking(move || {
        let mut store = store
            .lock()
            .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?;
        save(store.as_mut(), &editor, s)
    })
    .await;
    match result {
        Ok(Ok(Saved::Done {
            version,
            entries,
            head,
        })) => {
            // Saved either way; `stale` says when the answers do not show it yet, and why.
            let stale = live.after_write().await;
            Json(json!({ "version": version, "log": { "entries": entries, "head": head }, "stale": stale }))
                .into_response()
        }
        Ok(Ok(Saved::Conflict { version, current })) => {
            let current: Value = current
                .as_deref()
                .and_then(|b| serde_json::from_str(b).ok())
                .unwrap_or(Value::Null);
            (
                StatusCode::CONFLICT,
                Json(json!({ "error": {
                    "code": "conflict",
                    "message": "the record changed since it was read: here is what it is now",
                    "version": version,
                    "current": current,
                } })),
            )
                .into_response()
        }
        Ok(Ok(Saved::Invalid(message))) => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": { "code": "bad_record", "message": message } })),
        )
            .into_response(),
        Ok(Err(e)) => store_error(&e),
        Err(e) => Refusal::Internal(e.to_string()).into_response(),
    }
}

/// `GET /api/v1/audit`: the audit trail, for admins.
pub async fn audit(State(live): State<Arc<Live>>, Admin(_): Admin) -> Response {
    let store = live.store();
    let rows = tokio::task::spawn_blocking(move || {
        let store = store
            .lock()
            .map_err(|_| StoreError::Damaged("store lock poisoned".into()))?;
        store.audit_trail(500)
    })
    .await;
    match rows {
        Ok(Ok(rows)) => Json(json!({ "audit": rows })).into_response(),
        Ok(Err(e)) => store_error(&e),
        Err(e) => Refusal::Internal(e.to_string()).into_response(),
    }
}
