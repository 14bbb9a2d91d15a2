//! Who is asking: sessions (cookies set at login), API tokens (`Authorization: Bearer`),
//! login rate limits, CSRF, and the role extractors.
//!
//! **Architecture Invariant:** a write needs an [`Editor`], which only its extractor can
//! make (the field is private to this module): a handler that does not take one cannot
//! call a function that writes. For a session, the extractor also checks the CSRF token
//! (`X-CSRF-Token` must equal the session's) on every request that is not a read; API
//! tokens are not ambient credentials and need none.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequest, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use vigil_store::accounts::{check_password, new_secret, secret_hash, Role};

use crate::error::{ErrorBody, ErrorCode};
use crate::Live;

/// The session cookie's name.
pub const COOKIE: &str = "vigil_session";
/// The login page's anti-forgery cookie.
pub const LOGIN_COOKIE: &str = "vigil_login";
/// How long a session lasts without a new login.
pub const SESSION_LIFETIME: Duration = Duration::from_hours(12);
/// Failed logins allowed per account, and per address, in [`LIMIT_WINDOW`].
pub const ACCOUNT_FAILURES: usize = 5;
pub const ADDRESS_FAILURES: usize = 20;
pub const LIMIT_WINDOW: Duration = Duration::from_mins(15);

#[derive(Debug, Clone)]
pub struct Session {
    pub name: String,
    pub role: Role,
    pub csrf: String,
    expires: Instant,
    /// The digest of the account's password hash at login: a changed password ends the
    /// session.
    password: String,
}

/// Live sessions by the hash of their id, and recent failed logins.
#[derive(Default)]
pub struct Auth {
    sessions: Mutex<HashMap<String, Session>>,
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

/// How a caller proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    Session { csrf: String },
    Token,
}

/// A caller who proved who they are.
#[derive(Debug, Clone)]
pub struct Principal {
    pub name: String,
    pub role: Role,
    pub via: Via,
}

/// Why a request is refused.
#[derive(Debug)]
pub enum Refusal {
    /// No or unknown credentials.
    Unauthenticated,
    /// Known, but the role does not allow it.
    Forbidden,
    /// A session's write without the matching CSRF token.
    Csrf,
    /// Too many failed logins.
    TooMany(Duration),
    Internal(String),
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let (status, code) = match &self {
            Refusal::Unauthenticated => (StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated),
            Refusal::Forbidden => (StatusCode::FORBIDDEN, ErrorCode::Forbidden),
            Refusal::Csrf => (StatusCode::FORBIDDEN, ErrorCode::Csrf),
            Refusal::TooMany(_) => (StatusCode::TOO_MANY_REQUESTS, ErrorCode::TooManyAttempts),
            Refusal::Internal(detail) => {
                tracing::error!(error = %detail, "request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal)
            }
        };
        let mut response = ErrorBody::new(code).respond(status);
        if let Refusal::TooMany(wait) = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, wait.as_secs().max(1).into());
        }
        response
    }
}

/// The longest account name a login is tried with.
const MAX_NAME: usize = 64;
/// Above this many names and addresses with failures, the stale ones are dropped.
const MAX_TRACKED: usize = 10_000;

impl Auth {
    fn prune(list: &mut Vec<Instant>, now: Instant) {
        list.retain(|t| now.duration_since(*t) < LIMIT_WINDOW);
    }

    /// Refuses when the account or the address has failed too often lately.
    fn check_limits(&self, name: &str, addr: Option<IpAddr>) -> Result<(), Refusal> {
        let now = Instant::now();
        let mut f = self
            .failures
            .lock()
            .map_err(|_| Refusal::Internal("limits poisoned".into()))?;
        for (key, max) in [
            (format!("account:{name}"), ACCOUNT_FAILURES),
            (
                format!(
                    "address:{}",
                    addr.map_or_else(String::new, |a| a.to_string())
                ),
                ADDRESS_FAILURES,
            ),
        ] {
            // Looked up, never inserted: a check alone leaves nothing behind.
            let Some(list) = f.get_mut(&key) else {
                continue;
            };
            Self::prune(list, now);
            if list.len() >= max {
                let oldest = list[0];
                return Err(Refusal::TooMany(
                    LIMIT_WINDOW.saturating_sub(now.duration_since(oldest)),
                ));
            }
        }
        Ok(())
    }

    fn failed(&self, name: &str, addr: Option<IpAddr>) {
        if let Ok(mut f) = self.failures.lock() {
            let now = Instant::now();
            // What an attacker can make this map hold stays bounded: failures older than
            // the window go once it is large.
            if f.len() > MAX_TRACKED {
                f.retain(|_, list| {
                    Self::prune(list, now);
                    !list.is_empty()
                });
            }
            f.entry(format!("account:{name}")).or_default().push(now);
            f.entry(format!(
                "address:{}",
                addr.map_or_else(String::new, |a| a.to_string())
            ))
            .or_default()
            .push(now);
        }
    }

    fn session(&self, id: &str) -> Option<Session> {
        let mut map = self.sessions.lock().ok()?;
        let key = secret_hash(id);
        match map.get(&key) {
            Some(s) if s.expires > Instant::now() => Some(s.clone()),
            Some(_) => {
                map.remove(&key);
                None
            }
            None => None,
        }
    }

    /// Ends a session.
    pub fn logout(&self, id: &str) {
        if let Ok(mut map) = self.sessions.lock() {
            map.remove(&secret_hash(id));
        }
    }
}

/// Checks a name and password (rate-limited per account and per address; an unknown name
/// costs the same as a wrong password) and opens a session: returns its id and the session.
pub async fn login(
    live: &Arc<Live>,
    name: &str,
    password: &str,
    addr: Option<IpAddr>,
) -> Result<(String, Session), Refusal> {
    // No account has a longer name: such a login is refused before anything is kept.
    if name.chars().count() > MAX_NAME {
        return Err(Refusal::Unauthenticated);
    }
    live.auth.check_limits(name, addr)?;
    let name_owned = name.to_string();
    let account = live
        .read(move |store| store.account(&name_owned))
        .await
        .map_err(|e| Refusal::Internal(e.to_string()))?;
    // The store's lock is released: argon2 (tens of milliseconds by design) runs without
    // holding up other requests' reads and writes.
    let password = password.to_string();
    let account = tokio::task::spawn_blocking(move || {
        let ok = check_password(account.as_ref(), &password);
        account.filter(|_| ok)
    })
    .await
    .map_err(|e| Refusal::Internal(e.to_string()))?;
    let Some(account) = account else {
        live.auth.failed(name, addr);
        // The name as typed, cut short: a failed login is evidence, not a place to store text.
        let tried: String = name.chars().take(64).collect();
        let from = addr.map_or_else(|| "an unknown address".into(), |a| a.to_string());
        tracing::warn!(account = %tried, from = %from, "login refused");
        let _ = live
            .audit(&format!("login from {from}"), "login refused", tried)
            .await;
        return Err(Refusal::Unauthenticated);
    };
    let id = new_secret();
    let session = Session {
        password: secret_hash(&account.hash),
        name: account.name,
        role: account.role,
        csrf: new_secret(),
        expires: Instant::now() + SESSION_LIFETIME,
    };
    live.auth
        .sessions
        .lock()
        .map_err(|_| Refusal::Internal("sessions poisoned".into()))?
        .insert(secret_hash(&id), session.clone());
    Ok((id, session))
}

/// The session cookie: secure, HttpOnly, SameSite=Strict.
#[must_use]
pub fn session_cookie(id: &str) -> String {
    format!(
        "{COOKIE}={id}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age={}",
        SESSION_LIFETIME.as_secs()
    )
}

/// The cookie that ends a session in the browser.
#[must_use]
pub fn cleared_cookie() -> String {
    format!("{COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0")
}

/// The caller, if any: a valid bearer token, else a live session cookie.
async fn principal(parts: &mut Parts, live: &Arc<Live>) -> Result<Option<Principal>, Refusal> {
    if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(Refusal::Unauthenticated)?
            .trim()
            .to_string();
        let row = live
            .read(move |store| store.token(&secret_hash(&token)))
            .await
            .map_err(|e| Refusal::Internal(e.to_string()))?;
        let now = vigil_core::chain::timestamp(chrono::Utc::now());
        return match row {
            Some(t) if t.valid_at(&now) => Ok(Some(Principal {
                name: format!("token:{}", t.name),
                role: t.role,
                via: Via::Token,
            })),
            _ => Err(Refusal::Unauthenticated),
        };
    }
    let jar = CookieJar::from_headers(&parts.headers);
    let Some((id, s)) = jar.get(COOKIE).and_then(|c| {
        live.auth
            .session(c.value())
            .map(|s| (c.value().to_string(), s))
    }) else {
        return Ok(None);
    };
    // The account as it is now: disabled, given another role or another password since
    // the login, the session ends at once.
    let name = s.name.clone();
    let account = live
        .read(move |store| store.account(&name))
        .await
        .map_err(|e| Refusal::Internal(e.to_string()))?;
    let current = account
        .is_some_and(|a| !a.disabled && a.role == s.role && secret_hash(&a.hash) == s.password);
    if !current {
        live.auth.logout(&id);
        tracing::info!(account = %s.name, "session ended: the account changed since its login");
        return Ok(None);
    }
    Ok(Some(Principal {
        name: s.name,
        role: s.role,
        via: Via::Session { csrf: s.csrf },
    }))
}

/// The session id the request carries, if any (for logout).
#[must_use]
pub fn session_id(headers: &axum::http::HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(COOKIE)
        .map(|c| c.value().to_string())
}

/// The address a request came from.
#[must_use]
pub fn address(parts: &Parts) -> Option<IpAddr> {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

/// Anyone: the caller if they proved who they are.
pub struct Caller(pub Option<Principal>);

impl FromRequestParts<Arc<Live>> for Caller {
    type Rejection = Refusal;
    async fn from_request_parts(parts: &mut Parts, live: &Arc<Live>) -> Result<Self, Refusal> {
        Ok(Caller(principal(parts, live).await?))
    }
}

/// A caller with at least `min`, whose session writes carry the CSRF token.
async fn at_least(parts: &mut Parts, live: &Arc<Live>, min: Role) -> Result<Principal, Refusal> {
    let p = principal(parts, live)
        .await?
        .ok_or(Refusal::Unauthenticated)?;
    if p.role < min {
        return Err(Refusal::Forbidden);
    }
    let safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    if let Via::Session { csrf } = &p.via {
        let sent = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok());
        if !safe && sent != Some(csrf.as_str()) {
            return Err(Refusal::Csrf);
        }
    }
    Ok(p)
}

/// A viewer, editor or admin: may read restricted records (confidential ones need more).
pub struct Viewer(pub Principal);

impl FromRequestParts<Arc<Live>> for Viewer {
    type Rejection = Refusal;
    async fn from_request_parts(parts: &mut Parts, live: &Arc<Live>) -> Result<Self, Refusal> {
        Ok(Viewer(at_least(parts, live, Role::Viewer).await?))
    }
}

/// An editor or admin: the only proof that lets a handler write (`Live::write` takes one).
/// Cloning needs one already, so it makes no new proof.
#[derive(Clone)]
pub struct Editor(Principal);

impl Editor {
    #[must_use]
    pub fn principal(&self) -> &Principal {
        &self.0
    }
}

impl FromRequestParts<Arc<Live>> for Editor {
    type Rejection = Refusal;
    async fn from_request_parts(parts: &mut Parts, live: &Arc<Live>) -> Result<Self, Refusal> {
        Ok(Editor(at_least(parts, live, Role::Editor).await?))
    }
}

/// A form post by a caller with at least `min`: the role, and for a session the `csrf`
/// field of the form, are checked before the handler sees the fields.
async fn signed_form(
    req: axum::extract::Request,
    live: &Arc<Live>,
    min: Role,
) -> Result<(Principal, HashMap<String, String>), Refusal> {
    let (mut parts, body) = req.into_parts();
    let p = principal(&mut parts, live)
        .await?
        .ok_or(Refusal::Unauthenticated)?;
    if p.role < min {
        return Err(Refusal::Forbidden);
    }
    let req = axum::extract::Request::from_parts(parts, body);
    let axum::Form(fields): axum::Form<HashMap<String, String>> =
        axum::Form::from_request(req, live)
            .await
            .map_err(|_| Refusal::Csrf)?;
    if let Via::Session { csrf } = &p.via {
        if fields.get("csrf") != Some(csrf) {
            return Err(Refusal::Csrf);
        }
    }
    Ok((p, fields))
}

/// An editor's form post (see [`signed_form`]). The other way to reach a write.
pub struct EditorForm {
    editor: Editor,
    pub fields: HashMap<String, String>,
}

impl EditorForm {
    #[must_use]
    pub fn editor(&self) -> &Editor {
        &self.editor
    }
}

impl FromRequest<Arc<Live>> for EditorForm {
    type Rejection = Refusal;
    async fn from_request(req: axum::extract::Request, live: &Arc<Live>) -> Result<Self, Refusal> {
        let (p, fields) = signed_form(req, live, Role::Editor).await?;
        Ok(EditorForm {
            editor: Editor(p),
            fields,
        })
    }
}

/// A form post by anyone logged in (viewers too), CSRF-checked: logging out from a page.
pub struct SignedInForm(pub Principal);

impl FromRequest<Arc<Live>> for SignedInForm {
    type Rejection = Refusal;
    async fn from_request(req: axum::extract::Request, live: &Arc<Live>) -> Result<Self, Refusal> {
        Ok(SignedInForm(signed_form(req, live, Role::Viewer).await?.0))
    }
}

/// An editor opening one of the editors' pages (a `GET`): anyone not logged in is sent
/// to the login page, a viewer is told the page needs the editor role (with a way to log
/// out). Replaces a "editor or login" check at the top of every page handler.
pub struct BackofficeEditor(pub Editor);

/// Why an editors' page is not shown.
pub enum Away {
    /// Not logged in: to the login page.
    Login,
    /// Logged in, but not as an editor.
    Forbidden(Principal),
    /// Bad credentials, or a request that is not a read.
    Refused(Refusal),
}

impl FromRequestParts<Arc<Live>> for BackofficeEditor {
    type Rejection = Away;
    async fn from_request_parts(parts: &mut Parts, live: &Arc<Live>) -> Result<Self, Away> {
        let p = principal(parts, live)
            .await
            .map_err(Away::Refused)?
            .ok_or(Away::Login)?;
        if p.role < Role::Editor {
            return Err(Away::Forbidden(p));
        }
        // Pages only: a write comes as an `EditorForm`, which checks the form's CSRF field.
        if !matches!(parts.method, Method::GET | Method::HEAD) {
            return Err(Away::Refused(Refusal::Csrf));
        }
        Ok(BackofficeEditor(Editor(p)))
    }
}

/// An admin.
pub struct Admin(pub Principal);

impl FromRequestParts<Arc<Live>> for Admin {
    type Rejection = Refusal;
    async fn from_request_parts(parts: &mut Parts, live: &Arc<Live>) -> Result<Self, Refusal> {
        Ok(Admin(at_least(parts, live, Role::Admin).await?))
    }
}

/// The caller's address, for rate limits.
pub struct Address(pub Option<IpAddr>);

impl FromRequestParts<Arc<Live>> for Address {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        _live: &Arc<Live>,
    ) -> Result<Self, Self::Rejection> {
        Ok(Address(address(parts)))
    }
}
