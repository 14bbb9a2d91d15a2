//! Security events — logins, refused and held-back logins, CSRF and role refusals,
//! refused tokens — each logged through `tracing` (target `vigil::security`, one field
//! `event` naming it, `from` the client's address) and written to the audit trail
//! (`vigil audit`), where what a stream of them can write is bounded.
//!
//! The audit trail is a database table: every anonymous refusal kept there would let
//! anyone grow it without end (a refused token costs the sender nothing). So each kind
//! of caller — anonymous, signed in — has [`AUDIT_PER_HOUR`] itemised rows an hour;
//! past it one row says the rest of the hour is not itemised, and the next event after
//! the hour writes how many were left out. The server's log has every event.

use std::time::{Duration, Instant};

use vigil_store::accounts::AuditRow;

/// Itemised audit rows an hour per kind of caller (anonymous, signed in).
pub const AUDIT_PER_HOUR: u32 = 100;
const HOUR: Duration = Duration::from_hours(1);

/// Who caused an event, for the audit budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Anonymous,
    SignedIn,
}

impl Class {
    fn index(self) -> usize {
        match self {
            Class::Anonymous => 0,
            Class::SignedIn => 1,
        }
    }

    fn callers(self) -> &'static str {
        match self {
            Class::Anonymous => "callers not signed in",
            Class::SignedIn => "signed-in callers",
        }
    }
}

/// One security event. Names are as typed, cut to 64 characters; no secret is ever in
/// one (a token is named by its id, the first 12 hex digits of its hash).
#[derive(Debug, Clone)]
pub enum Event {
    /// A login that succeeded.
    Login { account: String, from: String },
    /// A wrong password, an unknown or disabled account.
    LoginRefused { account: String, from: String },
    /// A login that must wait (429).
    LoginBackoff {
        account: String,
        from: String,
        wait: Duration,
        scope: &'static str,
    },
    /// A write without the session's CSRF token (`actor` when a session was found), or a
    /// login form without the login page's token.
    Csrf {
        actor: Option<String>,
        from: String,
        route: String,
    },
    /// A role that does not allow the request.
    Forbidden {
        actor: String,
        role: &'static str,
        needs: &'static str,
        route: String,
    },
    /// A bearer token that is unknown, revoked or expired, or not a bearer token.
    TokenRefused { from: String, token: String },
}

impl Event {
    /// Who caused it.
    #[must_use]
    pub fn class(&self) -> Class {
        match self {
            Event::Login { .. } | Event::Forbidden { .. } | Event::Csrf { actor: Some(_), .. } => {
                Class::SignedIn
            }
            _ => Class::Anonymous,
        }
    }

    /// Logs it (`vigil::security`): refusals at `warn`, logins at `info`. Text fields are
    /// recorded as strings, so a subscriber quotes and escapes them: a name typed with a
    /// newline cannot forge a line of the log.
    pub fn log(&self) {
        const T: &str = "vigil::security";
        match self {
            Event::Login { account, from } => {
                tracing::info!(target: T, event = "login", account = account.as_str(), from = from.as_str(), "login");
            }
            Event::LoginRefused { account, from } => {
                tracing::warn!(target: T, event = "login_refused", account = account.as_str(), from = from.as_str(), "login refused");
            }
            Event::LoginBackoff {
                account,
                from,
                wait,
                scope,
            } => {
                tracing::warn!(target: T, event = "login_backoff", account = account.as_str(), from = from.as_str(), wait_s = retry_after(*wait), scope, "login held back");
            }
            Event::Csrf { actor, from, route } => {
                let actor = actor.as_deref().unwrap_or("(not signed in)");
                tracing::warn!(target: T, event = "csrf_refused", actor, from = from.as_str(), route = route.as_str(), "refused: no CSRF token");
            }
            Event::Forbidden {
                actor,
                role,
                needs,
                route,
            } => {
                tracing::warn!(target: T, event = "forbidden", actor = actor.as_str(), role, needs, route = route.as_str(), "refused: role");
            }
            Event::TokenRefused { from, token } => {
                tracing::warn!(target: T, event = "token_refused", from = from.as_str(), token = token.as_str(), "token refused");
            }
        }
    }

    /// Its audit row (who, what, subject) at `at`.
    #[must_use]
    pub fn row(&self, at: &str) -> AuditRow {
        let (actor, action, subject) = match self {
            Event::Login { account, from } => (account.clone(), "login", format!("from {from}")),
            Event::LoginRefused { account, from } => (
                format!("login from {from}"),
                "login refused",
                account.clone(),
            ),
            Event::LoginBackoff {
                account,
                from,
                wait,
                scope,
            } => (
                format!("login from {from}"),
                "login backoff",
                format!("{account}: wait {} s (per {scope})", retry_after(*wait)),
            ),
            Event::Csrf { actor, from, route } => (
                actor
                    .clone()
                    .unwrap_or_else(|| format!("login from {from}")),
                "csrf refused",
                format!("{route} from {from}"),
            ),
            Event::Forbidden {
                actor,
                role,
                needs,
                route,
            } => (
                actor.clone(),
                "forbidden",
                format!("{route} needs {needs}, is {role}"),
            ),
            Event::TokenRefused { from, token } => {
                (format!("token from {from}"), "token refused", token.clone())
            }
        };
        AuditRow {
            at: at.to_string(),
            actor,
            action: action.to_string(),
            subject,
        }
    }
}

/// Whole seconds to wait, rounded up and at least 1 (what `Retry-After` says).
#[must_use]
pub fn retry_after(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

#[derive(Debug, Clone, Default)]
struct Window {
    /// When this hour began, by the monotonic clock and as the log writes times.
    started: Option<(Instant, String)>,
    written: u32,
    left_out: u32,
}

/// How many rows each kind of caller has left this hour.
#[derive(Debug, Default)]
pub struct Budget {
    windows: [Window; 2],
}

impl Budget {
    /// The rows to write for `row`, caused by `class`, at `now` (`at` in the log's time
    /// format): itself while the hour's budget lasts; the notice that it ran out when it
    /// does; nothing after that; and first, when a new hour begins after one that ran
    /// out, how many were left out.
    pub fn rows(&mut self, class: Class, now: Instant, at: &str, row: AuditRow) -> Vec<AuditRow> {
        let w = &mut self.windows[class.index()];
        let mut out = Vec::new();
        let expired = w
            .started
            .as_ref()
            .is_none_or(|(t, _)| now.saturating_duration_since(*t) >= HOUR);
        if expired {
            if let (Some((_, since)), true) = (&w.started, w.left_out > 0) {
                out.push(notice(
                    at,
                    format!(
                        "{} security events of {} from {since} were not itemised here (over {AUDIT_PER_HOUR} in an hour); the server's log has each",
                        w.left_out,
                        class.callers()
                    ),
                ));
            }
            *w = Window {
                started: Some((now, at.to_string())),
                written: 0,
                left_out: 0,
            };
        }
        if w.written < AUDIT_PER_HOUR {
            w.written += 1;
            out.push(row);
            if w.written == AUDIT_PER_HOUR {
                out.push(notice(
                    at,
                    format!(
                        "{AUDIT_PER_HOUR} security events of {} this hour: the rest of the hour's are counted, not itemised; the server's log has each",
                        class.callers()
                    ),
                ));
            }
        } else {
            w.left_out += 1;
        }
        out
    }
}

fn notice(at: &str, subject: String) -> AuditRow {
    AuditRow {
        at: at.to_string(),
        actor: "vigil".into(),
        action: "not itemised".into(),
        subject,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(i: u32) -> AuditRow {
        Event::TokenRefused {
            from: "203.0.113.7".into(),
            token: format!("unknown token {i}"),
        }
        .row("t")
    }

    #[test]
    fn an_hour_itemises_its_budget_then_counts() {
        let mut b = Budget::default();
        let t = Instant::now();
        let mut written = Vec::new();
        for i in 0..250 {
            written.extend(b.rows(Class::Anonymous, t, "t0", refused(i)));
        }
        assert_eq!(written.len() as u32, AUDIT_PER_HOUR + 1);
        assert_eq!(written.last().unwrap().action, "not itemised");
        // Signed-in callers have their own budget: an anonymous flood does not hide them.
        let forbidden = Event::Forbidden {
            actor: "vera".into(),
            role: "viewer",
            needs: "admin",
            route: "GET /api/v1/audit".into(),
        };
        assert_eq!(
            b.rows(Class::SignedIn, t, "t0", forbidden.row("t0")),
            [forbidden.row("t0")]
        );
        // The next hour starts with how many were left out.
        let next = b.rows(Class::Anonymous, t + HOUR, "t1", refused(999));
        assert_eq!(next.len(), 2, "{next:?}");
        assert!(
            next[0]
                .subject
                .starts_with("150 security events of callers not signed in from t0"),
            "{next:?}"
        );
        assert_eq!(next[1], refused(999));
    }

    #[test]
    fn rows_say_who_what_and_from_where() {
        let cases: &[(Event, &str, &str, &str, Class)] = &[
            (
                Event::LoginRefused {
                    account: "eda".into(),
                    from: "203.0.113.7".into(),
                },
                "login from 203.0.113.7",
                "login refused",
                "eda",
                Class::Anonymous,
            ),
            (
                Event::LoginBackoff {
                    account: "eda".into(),
                    from: "203.0.113.7".into(),
                    wait: Duration::from_millis(1_500),
                    scope: "account and address",
                },
                "login from 203.0.113.7",
                "login backoff",
                "eda: wait 2 s (per account and address)",
                Class::Anonymous,
            ),
            (
                Event::Login {
                    account: "eda".into(),
                    from: "198.51.100.9".into(),
                },
                "eda",
                "login",
                "from 198.51.100.9",
                Class::SignedIn,
            ),
            (
                Event::Csrf {
                    actor: Some("eda".into()),
                    from: "127.0.0.1".into(),
                    route: "POST /api/v1/records".into(),
                },
                "eda",
                "csrf refused",
                "POST /api/v1/records from 127.0.0.1",
                Class::SignedIn,
            ),
            (
                Event::Csrf {
                    actor: None,
                    from: "127.0.0.1".into(),
                    route: "POST /login".into(),
                },
                "login from 127.0.0.1",
                "csrf refused",
                "POST /login from 127.0.0.1",
                Class::Anonymous,
            ),
            (
                Event::Forbidden {
                    actor: "vera".into(),
                    role: "viewer",
                    needs: "admin",
                    route: "GET /api/v1/audit".into(),
                },
                "vera",
                "forbidden",
                "GET /api/v1/audit needs admin, is viewer",
                Class::SignedIn,
            ),
        ];
        for (event, actor, action, subject, class) in cases {
            let row = event.row("t");
            assert_eq!(
                (
                    row.actor.as_str(),
                    row.action.as_str(),
                    row.subject.as_str()
                ),
                (*actor, *action, *subject)
            );
            assert_eq!(event.class(), *class, "{event:?}");
        }
        assert_eq!(retry_after(Duration::ZERO), 1);
        assert_eq!(retry_after(Duration::from_millis(1_001)), 2);
        assert_eq!(retry_after(Duration::from_mins(15)), 900);
    }
}
