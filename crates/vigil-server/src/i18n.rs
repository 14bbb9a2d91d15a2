//! The reader's language on every page: `Tr`, an extractor that chooses it (`?lang=`,
//! then the language switch's cookie, then `Accept-Language`, then `vigil serve --lang`)
//! and carries what a page needs to speak it (messages, counts with their plural forms,
//! numbers, dates, words of the vocabulary, the switch). `remember_language` sets the
//! cookie when a page was asked for with `?lang=`, and says that pages vary by language.
//! JSON answers are language-free and never use it.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::cookie::CookieJar;
use maud::{html, Markup};
use vigil_core::date::{Day, PartialDate};
use vigil_i18n::{Arg, Lang};

use crate::Live;

/// The reader's language, and the page's address without `lang` (for the switch).
#[derive(Debug, Clone)]
pub struct Tr {
    pub lang: Lang,
    /// The path and query the page was asked for, `lang` left out.
    here: String,
}

impl FromRequestParts<Arc<Live>> for Tr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        live: &Arc<Live>,
    ) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or("");
        let asked = query_lang(query);
        let jar = CookieJar::from_headers(&parts.headers);
        let accept = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let lang = Lang::choose(
            asked.as_deref(),
            jar.get(vigil_i18n::COOKIE)
                .map(axum_extra::extract::cookie::Cookie::value),
            accept,
            live.snapshot().lang,
        );
        let rest: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .filter(|(k, _)| k != "lang")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let here = if rest.is_empty() {
            parts.uri.path().to_string()
        } else {
            let q: String = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(rest)
                .finish();
            format!("{}?{q}", parts.uri.path())
        };
        Ok(Tr { lang, here })
    }
}

/// The language a query string asks for with `lang`, if it names one of ours (to carry
/// it over a redirect, which sets no cookie).
#[must_use]
pub fn asked(query: Option<&str>) -> Option<Lang> {
    query.and_then(query_lang).and_then(|l| Lang::parse(&l))
}

/// The `lang` of a query string, if it names one of ours.
fn query_lang(query: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.into_owned())
        .filter(|v| Lang::parse(v).is_some())
}

impl Tr {
    /// A reader of `lang` at `here` (tests, and pages built outside a request).
    #[must_use]
    pub fn new(lang: Lang, here: &str) -> Tr {
        Tr {
            lang,
            here: here.to_string(),
        }
    }

    /// The same reader, with the switch pointing at `here`: for the answer to a form post,
    /// whose own address is no page to switch to.
    #[must_use]
    pub fn at(&self, here: &str) -> Tr {
        Tr::new(self.lang, here)
    }

    /// A time in the log's format (`2026-01-01T10:05:00.000000Z`) as the language writes
    /// the day, with the hour and minute in UTC; as it is if it is not one.
    #[must_use]
    pub fn time(&self, at: &str) -> String {
        match (at.get(..10), at.get(11..16)) {
            (Some(day), Some(hm)) if at.as_bytes().get(10) == Some(&b'T') => {
                format!("{}, {hm} UTC", self.day_text(day))
            }
            _ => at.to_string(),
        }
    }

    /// A message.
    #[must_use]
    pub fn t(&self, key: &str) -> String {
        vigil_i18n::t(self.lang, key)
    }

    /// A message with arguments.
    #[must_use]
    pub fn with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        vigil_i18n::t_with(self.lang, key, args)
    }

    /// A message about a count (`$n`, with its plural form).
    #[must_use]
    pub fn count(&self, key: &str, n: i64) -> String {
        self.with(key, &[("n", Arg::Count(n))])
    }

    /// A whole number as the language writes it.
    #[must_use]
    pub fn num(&self, n: i64) -> String {
        vigil_i18n::number(self.lang, n)
    }

    /// A partial date in words.
    #[must_use]
    pub fn date(&self, d: PartialDate) -> String {
        vigil_i18n::date(self.lang, d)
    }

    /// A day in words.
    #[must_use]
    pub fn day(&self, d: Day) -> String {
        self.day_text(&d.to_string())
    }

    /// A date written `YYYY-MM-DD` (or a part of it) in words; as it is if it is not one.
    #[must_use]
    pub fn day_text(&self, text: &str) -> String {
        text.parse::<PartialDate>()
            .map_or_else(|_| text.to_string(), |p| self.date(p))
    }

    /// Which rows of a list a page shows: "Showing 51–100 of 18,533" (`from` counts from
    /// 0), or that nothing was found.
    #[must_use]
    pub fn showing(&self, from: usize, count: usize, total: usize) -> String {
        let n = |x: usize| vigil_i18n::Arg::Count(i64::try_from(x).unwrap_or(i64::MAX));
        if total == 0 {
            return self.t("showing-none");
        }
        self.with(
            "showing-range",
            &[
                ("from", n(from + 1)),
                ("to", n(from + count)),
                ("total", n(total)),
            ],
        )
    }

    /// A word of the vocabulary (`status`, `event-kind`, `country`…), or the value as
    /// stored when the catalogue has none.
    #[must_use]
    pub fn term(&self, family: &str, value: &str) -> String {
        vigil_i18n::term(self.lang, family, value)
    }

    /// The language switch: this page in each language, its query kept.
    #[must_use]
    pub fn switch(&self) -> Markup {
        let sep = if self.here.contains('?') { '&' } else { '?' };
        html! {
            nav.lang aria-label=(self.t("language")) {
                @for l in Lang::ALL {
                    @if l == self.lang {
                        strong lang=(l.code()) { (l.own_name()) }
                    } @else {
                        a lang=(l.code()) hreflang=(l.code()) href=(format!("{}{sep}lang={}", self.here, l.code())) { (l.own_name()) }
                    }
                    " "
                }
            }
        }
    }
}

/// After a page asked for with a valid `?lang=`, the browser keeps the choice (a cookie
/// for a year, sent to this site only); every HTML answer says it varies by language.
pub async fn remember_language(request: Request, next: Next) -> Response {
    let asked = request.uri().query().and_then(query_lang);
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html {
        if let Some(lang) = asked.as_deref().and_then(Lang::parse) {
            let cookie = format!(
                "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
                vigil_i18n::COOKIE,
                lang.code()
            );
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, v);
            }
        }
        response.headers_mut().append(
            header::VARY,
            HeaderValue::from_static("accept-language, cookie"),
        );
    }
    response
}
