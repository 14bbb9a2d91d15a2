//! What a server answers from, and the one way to its store. `AppState` is a snapshot
//! (registry, directory, log position, page cache); `Live` holds the current snapshot,
//! swaps in a new one when the log grows, and keeps the store private: `Live::read` for
//! every read, `Live::write` (which takes an `auth::Editor`) for every registry write,
//! `Live::administer` (which takes an `auth::AdminForm`) for a change to accounts or
//! tokens, `Live::audit_read` for the audit row a non-public read leaves and
//! `Live::report` for a security event. Each runs the store on
//! a blocking thread; after a write, `Live::write` refreshes the snapshot, in one place.
//!
//! **Architecture Invariant:** no handler reaches the store but through these methods:
//! the store field is private to this module and nothing hands it out, so a handler that
//! does not hold an [`Editor`] cannot get a `&mut dyn Store` (there is no other `&mut`).

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use vigil_core::answer::LogPosition;
use vigil_core::date::Day;
use vigil_core::registry::Registry;
use vigil_core::search::NameIndex;
use vigil_store::accounts::AuditRow;
use vigil_store::follow::Followed;
use vigil_store::{Store, StoreError};

use crate::auth::{self, AdminForm, Editor};
use crate::forwarded::Proxies;
use crate::public::directory::Directory;
use crate::public::NAMED;
use crate::security;
use crate::AppError;

/// The store, shared by every snapshot; only this module touches the lock.
type Shared = Arc<Mutex<Box<dyn Store + Send>>>;

/// Everything a request reads. The registry is immutable while serving.
pub struct AppState {
    pub registry: Registry,
    pub log: LogPosition,
    pub directory: Directory,
    /// Public breakdown cells under this many persons are shown as "fewer than N".
    pub min_cell: i64,
    /// The language of a page whose reader asked for none (`vigil serve --lang`).
    pub lang: vigil_i18n::Lang,
    /// Shared by every snapshot of the registry; private to this module.
    store: Shared,
    /// Rendered dashboards and series by (day, canonical query), within a byte budget.
    /// The registry does not change while serving, so a page changes only with its query
    /// or the date.
    pages: Mutex<PageCache>,
}

/// Rendered answers by (day, canonical query); a cell is filled by the first request for
/// its key. The key is made from the parsed parameters (`{params:?}`), so parameters the
/// route does not know, their order and their spelling do not make new entries.
#[derive(Default)]
struct PageCache {
    cells: std::collections::HashMap<(Day, String), Arc<Slot>>,
    /// Bytes of the rendered pages in `cells` (plain and gzip copies).
    bytes: usize,
}

/// One key's page: rendered once for this snapshot. Until it is, and while one request
/// renders it, the others are answered from the page the previous snapshot rendered for
/// the same key (`previous`), so a save never makes every reader wait for one render.
#[derive(Default)]
struct Slot {
    page: tokio::sync::OnceCell<Cached>,
    rendering: std::sync::atomic::AtomicBool,
    previous: std::sync::Mutex<Option<Cached>>,
}

impl PageCache {
    /// A new snapshot's cache: empty, each page the old one rendered kept as `previous`.
    /// Only aggregate answers are carried (the dashboard and the series: counts, never a
    /// person), so a reader given the previous page for the length of one render learns
    /// nothing that was not public the moment before. A page that names persons (its key
    /// starts with [`NAMED`]) is not carried: a person made non-public by the save must
    /// not be named from the page before it.
    fn carried(&self) -> PageCache {
        let cells = self
            .cells
            .iter()
            .filter(|((_, key), _)| !key.starts_with(NAMED))
            .filter_map(|(key, slot)| {
                let page = slot.page.get()?.clone();
                let slot = Slot {
                    previous: std::sync::Mutex::new(Some(page)),
                    ..Slot::default()
                };
                Some((key.clone(), Arc::new(slot)))
            })
            .collect();
        PageCache { cells, bytes: 0 }
    }
}

/// Most cached pages kept.
const PAGE_CACHE: usize = 256;
/// Most bytes of cached pages kept (the largest answer, a 20,000-point series, is about
/// 2 MB with its gzip copy): when a new page would pass it, the others are let go.
pub const PAGE_CACHE_BYTES: usize = 64 << 20;

/// Takes the store's lock; a poisoned lock (a panic while holding it) is a store error.
fn lock(shared: &Shared) -> Result<std::sync::MutexGuard<'_, Box<dyn Store + Send>>, StoreError> {
    shared
        .lock()
        .map_err(|_| StoreError::Damaged("store lock poisoned".into()))
}

/// Runs `f` on the store on a blocking thread (the store is synchronous).
async fn blocking<T: Send + 'static>(
    shared: &Shared,
    f: impl FnOnce(&mut (dyn Store + Send)) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, AppError> {
    let shared = Arc::clone(shared);
    let out = tokio::task::spawn_blocking(move || f(lock(&shared)?.as_mut())).await?;
    Ok(out?)
}

impl AppState {
    /// Loads the registry and the public directory from a store. A store whose derived
    /// tables cannot be loaded is refused with what failed and how to repair it.
    pub fn load(store: Box<dyn Store + Send>) -> Result<AppState, LoadError> {
        AppState::load_shared(Arc::new(Mutex::new(store))).map_err(LoadError)
    }

    fn load_shared(shared: Shared) -> Result<AppState, StoreError> {
        let store = lock(&shared)?;
        // The head first: a write by another process while the registry loads is then
        // after the snapshot's position, and the next refresh brings it in (patching is
        // idempotent), where the other order would claim a write the registry lacks.
        let head = store.head()?;
        let registry = store.load()?;
        let directory = Directory::load(store.as_ref(), &registry)?;
        drop(store);
        Ok(AppState {
            min_cell: 3,
            lang: vigil_i18n::Lang::default(),
            registry,
            log: LogPosition {
                entries: head.entries,
                head: head.hash.to_hex(),
            },
            directory,
            store: shared,
            pages: Mutex::new(PageCache::default()),
        })
    }

    /// A cached answer, or renders and keeps it (with a gzip copy when it is large).
    /// Requests arriving while a key renders wait for that one render. `key` must be
    /// canonical: made from the parsed parameters, not the raw query.
    pub(crate) async fn cached_page<F>(
        self: &Arc<Self>,
        day: Day,
        key: String,
        render: F,
    ) -> Result<Cached, AppError>
    where
        F: std::future::Future<Output = Result<String, AppError>>,
    {
        let poisoned = || AppError::Internal("page cache poisoned".into());
        let key = (day, key);
        let cell = {
            let mut pages = self.pages.lock().map_err(|_| poisoned())?;
            if pages.cells.len() >= PAGE_CACHE && !pages.cells.contains_key(&key) {
                pages.cells.clear();
                pages.bytes = 0;
            }
            Arc::clone(pages.cells.entry(key.clone()).or_default())
        };
        if let Some(page) = cell.page.get() {
            return Ok(page.clone());
        }
        if cell.rendering.swap(true, Ordering::AcqRel) {
            // Another request renders it: the previous snapshot's page, when there is one.
            let previous = cell.previous.lock().map_err(|_| poisoned())?.clone();
            if let Some(page) = previous {
                return Ok(page);
            }
        }
        let rendered_here = std::sync::atomic::AtomicBool::new(false);
        let page = cell
            .page
            .get_or_try_init(|| async {
                rendered_here.store(true, Ordering::Relaxed);
                Ok::<_, AppError>(Cached::new(render.await?))
            })
            .await;
        let page = match page {
            Ok(page) => page.clone(),
            Err(e) => {
                cell.rendering.store(false, Ordering::Release);
                return Err(e);
            }
        };
        cell.previous.lock().map_err(|_| poisoned())?.take();
        if rendered_here.load(Ordering::Relaxed) {
            let mut pages = self.pages.lock().map_err(|_| poisoned())?;
            if pages.bytes + page.bytes() > PAGE_CACHE_BYTES {
                pages.cells.retain(|k, _| *k == key);
                pages.bytes = 0;
            }
            pages.bytes += page.bytes();
        }
        Ok(page)
    }

    /// The pages this snapshot rendered, to answer from while a new snapshot renders its own.
    fn carried_pages(&self) -> PageCache {
        self.pages
            .lock()
            .map_or_else(|_| PageCache::default(), |p| p.carried())
    }

    /// A snapshot loaded whole, given this one's pages to answer from meanwhile.
    fn handed_on(&self, fresh: AppState) -> AppState {
        AppState {
            pages: Mutex::new(self.carried_pages()),
            ..fresh
        }
    }

    /// How many pages are cached, and their bytes (for tests and operators).
    #[must_use]
    pub fn cached_pages(&self) -> (usize, usize) {
        self.pages
            .lock()
            .map_or((0, 0), |p| (p.cells.len(), p.bytes))
    }

    /// Reads the store off the async threads (what a page needs beyond the registry).
    pub(crate) async fn read<T: Send + 'static>(
        &self,
        read: impl FnOnce(&dyn Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, AppError> {
        blocking(&self.store, move |s| read(&*s)).await
    }
}

/// A rendered answer kept for reuse: the body, and a gzip copy when compressing pays.
#[derive(Clone)]
pub(crate) struct Cached {
    plain: axum::body::Bytes,
    gzip: Option<axum::body::Bytes>,
}

impl Cached {
    fn new(body: String) -> Cached {
        use std::io::Write;
        let gzip = (body.len() > 4096)
            .then(|| {
                let mut z =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                z.write_all(body.as_bytes()).ok()?;
                z.finish().ok()
            })
            .flatten()
            .map(axum::body::Bytes::from);
        Cached {
            plain: body.into(),
            gzip,
        }
    }

    /// The bytes kept: the body and its gzip copy.
    fn bytes(&self) -> usize {
        self.plain.len() + self.gzip.as_ref().map_or(0, axum::body::Bytes::len)
    }

    /// The response for a request, compressed when it accepts gzip.
    pub(crate) fn respond(
        &self,
        request: &axum::http::HeaderMap,
        content_type: &'static str,
    ) -> Response {
        let accepts_gzip = request
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(',')
                    .any(|e| e.trim().split(';').next() == Some("gzip"))
            });
        let mut response = match (&self.gzip, accepts_gzip) {
            (Some(z), true) => ([(header::CONTENT_ENCODING, "gzip")], z.clone()).into_response(),
            _ => self.plain.clone().into_response(),
        };
        let h = response.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        response
    }
}

/// Today, by the server's clock (UTC).
#[must_use]
pub fn today() -> Day {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Day((secs / 86_400) as i32)
}

/// Why a server cannot start on a store: the registry it holds does not load.
#[derive(Debug, thiserror::Error)]
#[error("cannot load the registry to serve it: {}", explained(.0))]
pub struct LoadError(pub StoreError);

/// A store error, with the repair to try when the derived tables are at fault (the log
/// they come from is checked by `vigil verify`).
fn explained(e: &StoreError) -> String {
    match e {
        StoreError::Damaged(_) | StoreError::Invalid(_) => format!(
            "{e}. The log itself may be intact: `vigil verify` checks it, and `vigil db rebuild` recreates the derived tables from it (accounts are kept)"
        ),
        _ => e.to_string(),
    }
}

/// The snapshot a handler answers from.
pub struct Snapshot(pub Arc<AppState>);

impl axum::extract::FromRequestParts<Arc<Live>> for Snapshot {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        _parts: &mut axum::http::request::Parts,
        live: &Arc<Live>,
    ) -> Result<Self, Self::Rejection> {
        Ok(Snapshot(live.snapshot()))
    }
}

/// How often a server looks for writes made by other processes.
pub const REFRESH_EVERY: std::time::Duration = std::time::Duration::from_millis(500);
/// What the server answers from: the current snapshot of the registry, replaced as a
/// whole when the log grows (a save, or another process wrote), so a request sees one
/// state. The new snapshot is the old one patched from the entries written since, built
/// beside it (`AppState::followed`).
pub struct Live {
    current: std::sync::RwLock<Arc<AppState>>,
    /// Why the snapshot is behind the store's log, while it is: the last refresh failed.
    /// `/healthz` answers 503 with it; editors are told after a save.
    stale: Mutex<Option<String>>,
    /// Sessions and login limits: they outlive snapshots.
    pub auth: auth::Auth,
    /// What security events may still write to the audit trail this hour.
    budget: Mutex<security::Budget>,
    /// Every stored person's names indexed (confidential ones too), as of a log position:
    /// what a sheet's rows are compared with. Built by the first preview at a position and
    /// let go when the log moves.
    sheet_names: Arc<Mutex<Option<NamesAt>>>,
}

/// A name index and the log position it is of.
type NamesAt = (u64, Arc<NameIndex>);

/// What a write came to, and whether the answers show it yet.
pub(crate) struct Written<T> {
    pub value: T,
    /// Why the answers do not include the write yet (it is stored either way).
    pub stale: Option<String>,
}

impl Live {
    /// A server whose clients connect to it directly: a request's address is its TCP
    /// peer's.
    #[must_use]
    pub fn new(state: AppState) -> Arc<Live> {
        Live::behind(state, Proxies::default())
    }

    /// A server behind `proxies`, whose forwarding header is believed when a request
    /// comes from one of them.
    #[must_use]
    pub fn behind(state: AppState, proxies: Proxies) -> Arc<Live> {
        Arc::new(Live {
            current: std::sync::RwLock::new(Arc::new(state)),
            stale: Mutex::new(None),
            auth: auth::Auth::new(proxies),
            budget: Mutex::default(),
            sheet_names: Arc::default(),
        })
    }

    /// Why the answers are behind the store, if they are.
    #[must_use]
    pub fn stale(&self) -> Option<String> {
        self.stale
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Records whether the last refresh worked, and logs only when that changes (the
    /// watcher retries every [`REFRESH_EVERY`]; one line per change is what an operator
    /// can read).
    fn mark(&self, outcome: Option<String>) {
        let mut stale = self
            .stale
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if *stale == outcome {
            return;
        }
        let entries = self.snapshot().log.entries;
        if let Some(reason) = &outcome {
            tracing::warn!(
                entries,
                "the answers are stale (from log entry {entries}): {reason}"
            );
        } else {
            tracing::info!(
                entries,
                "the answers are current again (log entry {entries})"
            );
        }
        *stale = outcome;
    }

    /// Reads the store on a blocking thread: for everyone.
    pub(crate) async fn read<T: Send + 'static>(
        &self,
        read: impl FnOnce(&dyn Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, AppError> {
        self.snapshot().read(read).await
    }

    /// Reads the store with every stored person's names indexed as the store is now (for a
    /// sheet's preview): the index is built once per log position, not per request.
    pub(crate) async fn read_with_names<T: Send + 'static>(
        &self,
        read: impl FnOnce(&dyn Store, &NameIndex) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, AppError> {
        let cache = Arc::clone(&self.sheet_names);
        self.read(move |store| {
            let head = store.head()?.entries;
            let names = {
                let mut cached = cache
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                match &*cached {
                    Some((at, names)) if *at == head => Arc::clone(names),
                    _ => {
                        let names = Arc::new(vigil_store::sheet::stored_names(store)?);
                        *cached = Some((head, Arc::clone(&names)));
                        names
                    }
                }
            };
            read(store, &names)
        })
        .await
    }

    /// Writes to the registry: only with an [`Editor`], whom `write` hands on to the
    /// closure (for the actor's name and role). Afterwards the snapshot is refreshed, so
    /// the answer can say whether the answers show the write yet.
    pub(crate) async fn write<T: Send + 'static>(
        self: &Arc<Self>,
        editor: &Editor,
        write: impl FnOnce(&mut dyn Store, &Editor) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<Written<T>, AppError> {
        let editor = editor.clone();
        let shared = Arc::clone(&self.snapshot().store);
        let value = blocking(&shared, move |s| write(s, &editor)).await?;
        // `refresh` records the reason when it fails; the answer is what it recorded.
        let _ = self.refresh().await;
        Ok(Written {
            value,
            stale: self.stale(),
        })
    }

    /// Changes accounts or tokens: only with an admin's form post ([`AdminForm`]), whose
    /// admin the closure gets (the audit row's actor). Not a registry write: accounts and
    /// tokens are beside the log, and `Store::save_token`/`save_account` write each
    /// change with its audit row in one transaction.
    pub(crate) async fn administer<T: Send + 'static>(
        &self,
        form: &AdminForm,
        change: impl FnOnce(&dyn Store, &auth::Principal) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, AppError> {
        let admin = form.admin().clone();
        self.read(move |store| change(store, &admin)).await
    }

    /// Records that `actor` read a non-public record. Not a registry write (the audit
    /// trail is beside the log): a viewer's read leaves one too.
    pub(crate) async fn audit_read(&self, actor: &str, subject: String) -> Result<(), AppError> {
        self.audit(actor, "read", subject).await
    }

    /// Adds a line to the audit trail (beside the log). Security events go through
    /// [`Live::report`] instead, which bounds what they write.
    async fn audit(&self, actor: &str, action: &str, subject: String) -> Result<(), AppError> {
        let row = AuditRow {
            at: vigil_core::chain::timestamp(chrono::Utc::now()),
            actor: actor.to_string(),
            action: action.into(),
            subject,
        };
        self.read(move |s| s.record_audit(&row)).await
    }

    /// Logs a security event and writes it to the audit trail, within the hour's budget
    /// (`security`). A failure to write is logged; the request goes on.
    pub(crate) async fn report(&self, event: security::Event) {
        event.log();
        let at = vigil_core::chain::timestamp(chrono::Utc::now());
        let rows = self
            .budget
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .rows(
                event.class(),
                std::time::Instant::now(),
                &at,
                event.row(&at),
            );
        if rows.is_empty() {
            return;
        }
        let written = self
            .read(move |s| rows.iter().try_for_each(|row| s.record_audit(row)))
            .await;
        if let Err(e) = written {
            tracing::error!(target: "vigil::security", error = %e, "a security event could not be written to the audit trail");
        }
    }

    /// The snapshot requests read now.
    #[must_use]
    pub fn snapshot(&self) -> Arc<AppState> {
        Arc::clone(
            &self
                .current
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    /// Loads a new snapshot when the store's log has moved past the current one's.
    /// Returns whether it did. A failure leaves the current snapshot serving and marks the
    /// server stale until a refresh succeeds.
    pub async fn refresh(self: &Arc<Self>) -> Result<bool, StoreError> {
        let outcome = self.load_fresh().await;
        self.mark(outcome.as_ref().err().map(explained));
        outcome
    }

    async fn load_fresh(self: &Arc<Self>) -> Result<bool, StoreError> {
        let now = self.snapshot();
        let base = Arc::clone(&now);
        let fresh = tokio::task::spawn_blocking(move || base.followed())
            .await
            .map_err(|e| StoreError::Damaged(e.to_string()))??;
        let Some(mut fresh) = fresh else {
            return Ok(false);
        };
        fresh.min_cell = now.min_cell;
        fresh.lang = now.lang;
        let mut current = self
            .current
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Two refreshes may race (a save's and the watcher's): the later log wins.
        if current.log.entries <= fresh.log.entries {
            *current = Arc::new(fresh);
        }
        drop(current);
        // The sheets' name index is of a position the log has left.
        let names = self
            .sheet_names
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        // The old snapshot is let go off the save's path: freeing a registry of a million
        // events took 11–87 ms, which the save would otherwise wait for.
        tokio::task::spawn_blocking(move || drop((now, names)));
        Ok(true)
    }
}

impl AppState {
    /// This snapshot brought up to the store's head: the registry and directory patched
    /// from the entries written since (`vigil_store::follow`), or loaded whole when the
    /// patch cannot be made; `None` when nothing was written. The readers of this
    /// snapshot are not held up: the new one is built beside it.
    fn followed(&self) -> Result<Option<AppState>, StoreError> {
        let store = lock(&self.store)?;
        let seen = self.log.entries;
        let followed = vigil_store::follow::follow(store.as_ref(), &self.registry, seen)?;
        drop(store);
        match followed {
            Followed::Current => Ok(None),
            Followed::Patched {
                registry,
                head,
                persons,
            } => match self.directory.patched(&registry, &persons) {
                Some(directory) => Ok(Some(AppState {
                    registry: *registry,
                    log: LogPosition {
                        entries: head.entries,
                        head: head.hash.to_hex(),
                    },
                    directory,
                    min_cell: self.min_cell,
                    lang: self.lang,
                    store: Arc::clone(&self.store),
                    pages: Mutex::new(self.carried_pages()),
                })),
                None => {
                    AppState::load_shared(Arc::clone(&self.store)).map(|s| Some(self.handed_on(s)))
                }
            },
            Followed::Reload => {
                AppState::load_shared(Arc::clone(&self.store)).map(|s| Some(self.handed_on(s)))
            }
        }
    }
}

#[cfg(test)]
mod tests;
