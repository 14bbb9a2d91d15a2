//! The route table: every route the server answers, as (method, path, handler). The
//! router is built from it and from nothing else, and [`routes`] lists it, so a test can
//! hold the OpenAPI document (`openapi`) to exactly these routes.
//!
//! **Architecture Invariant:** every route is in the OpenAPI document and every operation
//! of the document is a route. `tests/router.rs`
//! (`the_openapi_document_describes_exactly_the_routes_of_the_router`) compares [`routes`]
//! with the served document, both ways; clippy's `disallowed-methods` (the workspace's
//! `clippy.toml`) refuses `Router::route`, `route_service`, `nest`, `nest_service`, `merge`
//! and `fallback` anywhere but in [`Table::at`], so a route cannot reach the router without
//! being listed.

use std::sync::Arc;

use axum::handler::Handler;
use axum::routing::{on, MethodFilter};
use axum::Router;

use crate::{edit, public, Live};

/// An HTTP method the server routes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    Get,
    Post,
    Delete,
}

impl Method {
    /// The method as the OpenAPI document's path items name it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Post => "post",
            Method::Delete => "delete",
        }
    }

    fn filter(self) -> MethodFilter {
        match self {
            Method::Get => MethodFilter::GET,
            Method::Post => MethodFilter::POST,
            Method::Delete => MethodFilter::DELETE,
        }
    }
}

/// One route: a method on a path (axum's and OpenAPI's `{param}` syntax alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Route {
    pub method: Method,
    pub path: &'static str,
}

/// The router being built, and the list of what went into it.
pub(crate) struct Table {
    router: Router<Arc<Live>>,
    routes: Vec<Route>,
}

impl Table {
    /// Adds `handler` for `method` on `path`: the one place a route enters the router.
    #[allow(clippy::disallowed_methods)] // the one call allowed: it also lists the route
    fn at<H, T>(mut self, method: Method, path: &'static str, handler: H) -> Table
    where
        H: Handler<T, Arc<Live>>,
        T: 'static,
    {
        self.router = self.router.route(path, on(method.filter(), handler));
        self.routes.push(Route { method, path });
        self
    }

    fn get<H: Handler<T, Arc<Live>>, T: 'static>(self, path: &'static str, h: H) -> Table {
        self.at(Method::Get, path, h)
    }

    fn post<H: Handler<T, Arc<Live>>, T: 'static>(self, path: &'static str, h: H) -> Table {
        self.at(Method::Post, path, h)
    }

    fn delete<H: Handler<T, Arc<Live>>, T: 'static>(self, path: &'static str, h: H) -> Table {
        self.at(Method::Delete, path, h)
    }

    pub(crate) fn into_router(self) -> Router<Arc<Live>> {
        self.router
    }
}

/// Every route, with its handler.
pub(crate) fn table() -> Table {
    use edit::{
        api as edit_api, extract, lists, login, pages as edit_pages, places, record, records,
        sheet, tokens,
    };
    use public::{api, pages};
    Table {
        router: Router::new(),
        routes: Vec::new(),
    }
    // Operations: readiness.
    .get("/healthz", crate::healthz)
    // The public pages and their assets.
    .get("/", pages::dashboard)
    .get("/persons", pages::directory)
    .get("/persons/{id}", pages::person)
    .get("/announcements/{id}", pages::announcement)
    .get("/calendar", public::calendar::calendar_page)
    .get("/calendar.ics", public::calendar::calendar_ics)
    .get("/static/vigil.css", pages::stylesheet)
    .get("/static/favicon.svg", pages::favicon)
    .get("/favicon.ico", pages::favicon_ico)
    // The public JSON API (the contract's routes).
    .get("/api/v1/stats/held", api::held)
    .get("/api/v1/stats/series", api::series)
    .get("/api/v1/stats/waves", api::waves)
    .get("/api/v1/stats/flow", api::flow)
    .get("/api/v1/stats/releases", public::releases::releases)
    .get("/api/v1/stats/released", public::releases::released)
    .get("/api/v1/check", api::check)
    .get("/api/v1/persons", api::persons)
    .get("/api/v1/persons/{id}", api::person)
    .get("/api/v1/openapi.json", crate::openapi::document)
    .get("/api/v1/announcements/{id}", api::announcement)
    .get("/api/v1/search", api::search)
    .get("/api/v1/calendar", public::calendar::calendar_json)
    // Logging in and out from pages.
    .get("/login", login::login_page)
    .post("/login", login::login_form)
    .post("/logout", login::logout_form)
    // The editors' pages and their form posts.
    .get("/edit", edit_pages::home)
    .get("/edit/person", edit_pages::open_query)
    .post("/edit/person", edit_pages::save_person)
    .get("/edit/person/{id}", edit_pages::open)
    .post("/edit/event", edit_pages::save_event)
    .get("/edit/event/{id}", edit_pages::open_event)
    .post("/edit/retract", edit_pages::retract)
    .get("/edit/extract", extract::extract_page)
    .post("/edit/extract", extract::extract_post)
    .get("/edit/persons", lists::persons)
    .get("/edit/announcements", lists::announcements)
    .get("/edit/sources", lists::sources)
    .get("/edit/figures", lists::figures)
    .get("/edit/places", places::places)
    .get("/edit/changes", lists::changes)
    .get("/edit/review", lists::review)
    .get("/edit/new/{type}", records::new_record)
    .get("/edit/form/{type}/{id}", records::open_form)
    .post("/edit/form/{type}", records::save_form)
    .get("/edit/record", record::open_record)
    .post("/edit/record", record::save_record)
    .get("/edit/sheet", sheet::sheet_page)
    .post(
        "/edit/sheet",
        sheet::sheet_post.layer(axum::extract::DefaultBodyLimit::max(
            crate::auth::UPLOAD_LIMIT,
        )),
    )
    .get("/edit/sheet/template", sheet::template)
    // The admins' page: API tokens, and revoking one.
    .get("/edit/tokens", tokens::list)
    .post("/edit/tokens/revoke", tokens::revoke)
    // The signed-in JSON API: the session, records with their versions, the audit trail.
    .get("/api/v1/session", login::whoami)
    .post("/api/v1/session", login::login_json)
    .delete("/api/v1/session", login::logout)
    .post("/api/v1/records", edit_api::save_record)
    .get("/api/v1/records/{type}/{id}", edit_api::record)
    .get("/api/v1/audit", edit_api::audit)
}

/// Every route the server answers, in the order the router was built.
#[must_use]
pub fn routes() -> Vec<Route> {
    table().routes
}
