//! Who is asking: sessions (cookies set at login), API tokens (`Authorization: Bearer`),
//! logins (limited by `limits`), CSRF, the role extractors, and from where (`forwarded`).
//! Every refusal here is a security event (`security`), reported through `Live::report`.
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

use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, MatchedPath};
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use vigil_store::accounts::{check_password, new_secret, secret_hash, token_id, Role};

use crate::error::{ErrorBody, ErrorCode};
use crate::forwarded::Proxies;
use crate::i18n::Tr;
use crate::limits::Limits;
use crate::security::{self, Event};
use crate::Live;

/// The session cookie's name.
pub const COOKIE: &str = "vigil_session";
/// The login page's anti-forgery cookie.
pub const LOGIN_COOKIE: &str = "vigil_login";
/// How long a session lasts without a new login.
pub const SESSION_LIFETIME: Duration = Duration::from_hours(12);
/// Passwords checked at once. Each argon2 check holds 19 MiB: without a bound, a burst
/// of logins from many addresses could hold the blocking pool's 512 threads' worth.
pub const PASSWORD_CHECKS: usize = 4;

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

/// Live sessions by the hash of their id, the login limits, and the proxies believed
/// about where a request comes from.
pub struct Auth {
    sessions: Mutex<HashMap<String, Session>>,
    limits: Limits,
    proxies: Proxies,
    checks: tokio::sync::Semaphore,
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
                .insert(header::RETRY_AFTER, security::retry_after(wait).into());
        }
        response
    }
}

/// The longest account name a login is tried with.
const MAX_NAME: usize = 64;

impl Auth {
    #[must_use]
    pub fn new(proxies: Proxies) -> Auth {
        Auth {
            sessions: Mutex::default(),
            limits: Limits::default(),
            proxies,
            checks: tokio::sync::Semaphore::new(PASSWORD_CHECKS),
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

/// How an address is written in events: the address, or that it is not known.
fn shown(addr: Option<IpAddr>) -> String {
    addr.map_or_else(|| "an unknown address".into(), |a| a.to_string())
}

/// Checks a name and password and opens a session: returns its id and the session.
/// Limited by `limits` (an attempt that must wait is refused with its wait; an account
/// under attack is slowed); an unknown name costs the same as a wrong password.
pub async fn login(
    live: &Arc<Live>,
    name: &str,
    password: &str,
    addr: Option<IpAddr>,
) -> Result<(String, Session), Refusal> {
    // The name as typed, cut short: a failed login is evidence, not a place to store text.
    let tried: String = name.chars().take(MAX_NAME).collect();
    let from = shown(addr);
    // No account has a longer name: such a login is refused before anything is counted.
    if name.chars().count() > MAX_NAME {
        live.report(Event::LoginRefused {
            account: tried,
            from,
        })
        .await;
        return Err(Refusal::Unauthenticated);
    }
    let admitted = match live.auth.limits.admit(name, addr, Instant::now()) {
        Ok(admitted) => admitted,
        Err(held) => {
            // Reported once per wait: the refusals after it cost the sender nothing.
            if held.first {
                live.report(Event::LoginBackoff {
                    account: tried,
                    from,
                    wait: held.wait,
                    scope: held.scope.as_str(),
                })
                .await;
            }
            return Err(Refusal::TooMany(held.wait));
        }
    };
    // An account tried from many addresses: everyone waits a little, the owner too.
    tokio::time::sleep(admitted.delay).await;
    let name_owned = name.to_string();
    let account = live
        .read(move |store| store.account(&name_owned))
        .await
        .map_err(|e| Refusal::Internal(e.to_string()))?;
    // The store's lock is released: argon2 (tens of milliseconds by design) runs without
    // holding up other requests' reads and writes, a few at a time.
    let permit = live
        .auth
        .checks
        .acquire()
        .await
        .map_err(|e| Refusal::Internal(e.to_string()))?;
    let password = password.to_string();
    let account = tokio::task::spawn_blocking(move || {
        let ok = check_password(account.as_ref(), &password);
        account.filter(|_| ok)
    })
    .await
    .map_err(|e| Refusal::Internal(e.to_string()))?;
    drop(permit);
    let Some(account) = account else {
        live.auth.limits.failed(name, addr, Instant::now());
        live.report(Event::LoginRefused {
            account: tried,
            from,
        })
        .await;
        return Err(Refusal::Unauthenticated);
    };
    live.auth.limits.succeeded(name, addr);
    live.report(Event::Login {
        account: account.name.clone(),
        from,
    })
    .await;
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
        let Some(token) = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| t.trim().to_string())
        else {
            refuse_token(parts, live, "not a bearer token".into()).await;
            return Err(Refusal::Unauthenticated);
        };
        let hash = secret_hash(&token);
        let key = hash.clone();
        let row = live
            .read(move |store| store.token(&key))
            .await
            .map_err(|e| Refusal::Internal(e.to_string()))?;
        let now = vigil_core::chain::timestamp(chrono::Utc::now());
        let id = token_id(&hash);
        let why = match row {
            Some(t) if t.valid_at(&now) => {
                return Ok(Some(Principal {
                    name: format!("token:{}", t.name),
                    role: t.role,
                    via: Via::Token,
                }))
            }
            Some(t) if t.revoked => format!("revoked token {id} ({})", t.name),
            Some(t) => format!("expired token {id} ({})", t.name),
            None => format!("unknown token {id}"),
        };
        refuse_token(parts, live, why).await;
        return Err(Refusal::Unauthenticated);
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
        tracing::info!(target: "vigil::security", event = "session_ended", account = %s.name, "session ended: the account changed since its login");
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

/// The address a request came from: its TCP peer's, or when that is a trusted proxy,
/// the client the proxy forwarded for (`forwarded`).
#[must_use]
pub fn address(parts: &Parts, live: &Live) -> Option<IpAddr> {
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>()?.0.ip();
    Some(live.auth.proxies.client(peer, &parts.headers))
}

/// A request's method and matched route template (`GET /api/v1/records/{type}/{id}`):
/// never the path, which can name a person.
fn route(parts: &Parts) -> String {
    let template = parts
        .extensions
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str);
    format!("{} {template}", parts.method)
}

async fn refuse_token(parts: &Parts, live: &Live, token: String) {
    live.report(Event::TokenRefused {
        from: shown(address(parts, live)),
        token,
    })
    .await;
}

/// Reports a caller whose role does not allow the request, and refuses it.
async fn forbidden(parts: &Parts, live: &Live, p: &Principal, needs: Role) -> Refusal {
    live.report(Event::Forbidden {
        actor: p.name.clone(),
        role: p.role.as_str(),
        needs: needs.as_str(),
        route: route(parts),
    })
    .await;
    Refusal::Forbidden
}

/// Reports a write without the CSRF token it needs, and refuses it.
async fn csrf(parts: &Parts, live: &Live, actor: Option<&Principal>) -> Refusal {
    live.report(Event::Csrf {
        actor: actor.map(|p| p.name.clone()),
        from: shown(address(parts, live)),
        route: route(parts),
    })
    .await;
    Refusal::Csrf
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
        return Err(forbidden(parts, live, &p, min).await);
    }
    let safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    if let Via::Session { csrf: token } = &p.via {
        let sent = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok());
        if !safe && sent != Some(token.as_str()) {
            return Err(csrf(parts, live, Some(&p)).await);
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

/// The caller of a post with at least `min`, refused before its body is read; with what
/// a refusal after reading the body needs of the request (`head`), and the request.
async fn poster(
    req: axum::extract::Request,
    live: &Arc<Live>,
    min: Role,
) -> Result<(Principal, Parts, axum::extract::Request), Refusal> {
    let (mut parts, body) = req.into_parts();
    let p = principal(&mut parts, live)
        .await?
        .ok_or(Refusal::Unauthenticated)?;
    if p.role < min {
        return Err(forbidden(&parts, live, &p, min).await);
    }
    let head = parts.clone();
    Ok((p, head, axum::extract::Request::from_parts(parts, body)))
}

/// A form post by a caller with at least `min`: the role, and for a session the `csrf`
/// field of the form, are checked before the handler sees the fields.
async fn signed_form(
    req: axum::extract::Request,
    live: &Arc<Live>,
    min: Role,
) -> Result<(Principal, HashMap<String, String>), Refusal> {
    let (p, head, req) = poster(req, live, min).await?;
    let Ok(axum::Form(fields)) =
        axum::Form::<HashMap<String, String>>::from_request(req, live).await
    else {
        return Err(csrf(&head, live, Some(&p)).await);
    };
    if let Via::Session { csrf: token } = &p.via {
        if fields.get("csrf") != Some(token) {
            return Err(csrf(&head, live, Some(&p)).await);
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

/// The most a spreadsheet upload may carry (the file and the form's other fields).
pub const UPLOAD_LIMIT: usize = 16 << 20;

/// An editor's `multipart/form-data` post: a file with the form's text fields. The role
/// and a session's `csrf` field are checked as for [`EditorForm`]; a body that is not
/// multipart, or over [`UPLOAD_LIMIT`], is refused before the handler runs.
pub struct EditorUpload {
    editor: Editor,
    pub fields: HashMap<String, String>,
    /// The file field's name as the browser sent it, and its bytes (`None` if no file was
    /// chosen).
    pub file: Option<(String, Vec<u8>)>,
}

impl EditorUpload {
    #[must_use]
    pub fn editor(&self) -> &Editor {
        &self.editor
    }
}

impl FromRequest<Arc<Live>> for EditorUpload {
    type Rejection = Refusal;
    async fn from_request(req: axum::extract::Request, live: &Arc<Live>) -> Result<Self, Refusal> {
        let (p, head, req) = poster(req, live, Role::Editor).await?;
        let Ok(mut multipart) = axum::extract::Multipart::from_request(req, live).await else {
            return Err(csrf(&head, live, Some(&p)).await);
        };
        let (mut fields, mut file) = (HashMap::new(), None);
        while let Ok(Some(field)) = multipart.next_field().await {
            let name = field.name().unwrap_or_default().to_string();
            let filename = field.file_name().map(str::to_string);
            let Ok(bytes) = field.bytes().await else {
                // Over the limit, or cut off: the handler says so on its page.
                fields.insert("upload_failed".into(), name);
                break;
            };
            match filename {
                Some(f) if name == "file" => {
                    if !bytes.is_empty() {
                        file = Some((f, bytes.to_vec()));
                    }
                }
                _ => {
                    fields.insert(name, String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
        if let Via::Session { csrf: token } = &p.via {
            if fields.get("csrf") != Some(token) {
                return Err(csrf(&head, live, Some(&p)).await);
            }
        }
        Ok(EditorUpload {
            editor: Editor(p),
            fields,
            file,
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
    /// Not logged in: to the login page (in the language the page was asked for in).
    Login(Option<vigil_i18n::Lang>),
    /// Logged in, but without the role the page needs: a page saying so, in the
    /// reader's language.
    Forbidden { who: Principal, needs: Role, tr: Tr },
    /// Bad credentials, or a request that is not a read.
    Refused(Refusal),
}

/// The caller of a back-office page with at least `min`, or why not.
async fn backoffice(parts: &mut Parts, live: &Arc<Live>, min: Role) -> Result<Principal, Away> {
    let p = principal(parts, live)
        .await
        .map_err(Away::Refused)?
        .ok_or_else(|| Away::Login(crate::i18n::asked(parts.uri.query())))?;
    if p.role < min {
        forbidden(parts, live, &p, min).await;
        let Ok(tr) = Tr::from_request_parts(parts, live).await;
        return Err(Away::Forbidden {
            who: p,
            needs: min,
            tr,
        });
    }
    // Pages only: a write comes as a form post, which checks the form's CSRF field.
    if !matches!(parts.method, Method::GET | Method::HEAD) {
        return Err(Away::Refused(csrf(parts, live, Some(&p)).await));
    }
    Ok(p)
}

impl FromRequestParts<Arc<Live>> for BackofficeEditor {
    type Rejection = Away;
    async fn from_request_parts(parts: &mut Parts, live: &Arc<Live>) -> Result<Self, Away> {
        Ok(BackofficeEditor(Editor(
            backoffice(parts, live, Role::Editor).await?,
        )))
    }
}

/// An admin opening an admins' page (a `GET`), turned away as [`BackofficeEditor`] turns
/// away callers: to the login page, or a page saying the admin role is needed.
pub struct BackofficeAdmin(pub Principal);

impl FromRequestParts<Arc<Live>> for BackofficeAdmin {
    type Rejection = Away;
    async fn from_request_parts(parts: &mut Parts, live: &Arc<Live>) -> Result<Self, Away> {
        Ok(BackofficeAdmin(backoffice(parts, live, Role::Admin).await?))
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

/// An admin's form post (see [`signed_form`]): the only way to change an account or a
/// token from the web (`Live::administer` takes one). The field is private, so only
/// this extractor makes one.
pub struct AdminForm {
    admin: Principal,
    pub fields: HashMap<String, String>,
}

impl AdminForm {
    #[must_use]
    pub fn admin(&self) -> &Principal {
        &self.admin
    }
}

impl FromRequest<Arc<Live>> for AdminForm {
    type Rejection = Refusal;
    async fn from_request(req: axum::extract::Request, live: &Arc<Live>) -> Result<Self, Refusal> {
        let (admin, fields) = signed_form(req, live, Role::Admin).await?;
        Ok(AdminForm { admin, fields })
    }
}

/// The caller's address, for rate limits.
pub struct Address(pub Option<IpAddr>);

impl FromRequestParts<Arc<Live>> for Address {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        live: &Arc<Live>,
    ) -> Result<Self, Self::Rejection> {
        Ok(Address(address(parts, live)))
    }
}
