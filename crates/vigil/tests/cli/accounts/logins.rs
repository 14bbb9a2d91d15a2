//! Logins under attack, against the real server: limits that slow the attacker and let
//! the owner in, `--trusted-proxy`, refused logins and other refusals in the audit trail
//! and the security log.

use serde_json::json;

use super::{setup, setup_with, Api, Who};

impl Api {
    /// A login with more headers (`X-Forwarded-For`); the status and `Retry-After`.
    fn login_with(
        &self,
        name: &str,
        password: &str,
        headers: &[(&str, &str)],
    ) -> (u16, Option<u64>) {
        let mut req = self
            .client
            .post(format!("{}/api/v1/session", self.base))
            .header("content-type", "application/json")
            .body(json!({"name": name, "password": password}).to_string());
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let r = req.send().unwrap();
        let wait = r
            .headers()
            .get("retry-after")
            .map(|v| v.to_str().unwrap().parse().unwrap());
        (r.status().as_u16(), wait)
    }
}

#[test]
fn logins_are_limited_and_disabled_accounts_stay_out() {
    let (s, _server, api, _) = setup();
    for _ in 0..5 {
        assert_eq!(api.login("vera", "wrong password").err(), Some(401));
    }
    // The sixth from the same address waits, before the password is even looked at.
    assert_eq!(api.login("vera", "vera password 123").err(), Some(429));
    // An unknown name is refused like a wrong password.
    assert_eq!(api.login("nobody", "whatever password").err(), Some(401));
    s.ok(&["user", "disable", "edik"]);
    assert_eq!(api.login("edik", "edik password 123").err(), Some(401));
    // A token that was never issued is refused.
    let (status, _, _) = api.send(
        "GET",
        "/api/v1/session",
        &Who::Token("f".repeat(64)),
        None,
        false,
    );
    assert_eq!(status, 401);
}

#[test]
fn a_refused_login_is_in_the_audit_trail() {
    let (s, _server, api, _) = setup();
    assert!(matches!(api.login("eda", "not her password"), Err(401)));
    assert!(matches!(api.login("nobody", "whatever it is"), Err(401)));
    let audit = s.json(&["audit"]);
    let refused: Vec<&str> = audit["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["action"] == "login refused")
        .map(|r| r["subject"].as_str().unwrap())
        .collect();
    assert_eq!(refused, ["nobody", "eda"], "{audit}");
}

/// Finding 8: five failures used to lock the account for everyone. Now the attacker's
/// address waits and the owner, from another address, gets in.
#[test]
fn an_attacker_is_slowed_and_the_owner_gets_in_from_another_address() {
    let (s, server, api, _) = setup();
    let attacker = Api::new(&server.base, "127.0.0.2");
    for _ in 0..5 {
        assert_eq!(attacker.login("eda", "a wrong guess").err(), Some(401));
    }
    let (status, wait) = attacker.login_with("eda", "eda password 123", &[]);
    assert_eq!(status, 429);
    assert!(wait.is_some_and(|w| w >= 1), "Retry-After: {wait:?}");
    assert!(api.login("eda", "eda password 123").is_ok());
    let audit = s.ok(&["audit"]);
    assert!(audit.contains("login from 127.0.0.2"), "{audit}");
}

/// `--trusted-proxy`: only a request from the proxy is believed about where it comes from
/// (the rightmost address the proxy did not add itself); anyone else's header is ignored.
#[test]
fn behind_a_trusted_proxy_the_forwarded_address_is_used_and_otherwise_ignored() {
    let (s, server, proxy, _) = setup_with(&["--trusted-proxy", "127.0.0.1"]);
    let forwarded = |addr: &'static str| [("x-forwarded-for", addr)];
    for _ in 0..5 {
        assert_eq!(
            proxy
                .login_with("eda", "a wrong guess", &forwarded("203.0.113.7"))
                .0,
            401
        );
    }
    assert_eq!(
        proxy
            .login_with("eda", "eda password 123", &forwarded("203.0.113.7"))
            .0,
        429
    );
    // A client that puts the owner's address in front of its own gains nothing.
    assert_eq!(
        proxy
            .login_with(
                "eda",
                "eda password 123",
                &forwarded("198.51.100.9, 203.0.113.7")
            )
            .0,
        429
    );
    // The owner, forwarded from elsewhere, gets in.
    assert_eq!(
        proxy
            .login_with("eda", "eda password 123", &forwarded("198.51.100.9"))
            .0,
        200
    );
    // A client that is not the proxy cannot choose its address: its failures are its own
    // whatever its header says.
    let direct = Api::new(&server.base, "127.0.0.3");
    for i in 1..=5 {
        let spoofed = format!("198.51.100.{i}");
        assert_eq!(
            direct
                .login_with("ada", "a wrong guess", &[("x-forwarded-for", &spoofed)])
                .0,
            401
        );
    }
    assert_eq!(
        direct
            .login_with(
                "ada",
                "ada password 123",
                &[("x-forwarded-for", "198.51.100.200")]
            )
            .0,
        429
    );
    let audit = s.ok(&["audit"]);
    assert!(audit.contains("login from 203.0.113.7"), "{audit}");
    assert!(audit.contains("login from 127.0.0.3"), "{audit}");
    assert!(!audit.contains("198.51.100.1 "), "{audit}");
}

/// Refusals are security events: in the server's log (`vigil::security`) and in the audit
/// trail, with who and from where.
#[test]
fn refusals_are_in_the_audit_trail_and_the_security_log() {
    let (s, mut server, api, callers) = setup();
    let (viewer, editor) = (&callers[1].1, &callers[2].1);
    // A role refusal, a session write without its CSRF token, a token never issued.
    assert_eq!(api.send("GET", "/api/v1/audit", viewer, None, true).0, 403);
    let body =
        json!({"record": {"type": "person", "id": "x", "names": [{"text": "X"}]}, "version": null});
    assert_eq!(
        api.send("POST", "/api/v1/records", editor, Some(body), false)
            .0,
        403
    );
    let forged = Who::Token("f".repeat(64));
    assert_eq!(
        api.send("GET", "/api/v1/session", &forged, None, false).0,
        401
    );
    // A failed login, and a login held back.
    for _ in 0..5 {
        assert_eq!(api.login("edik", "a wrong guess").err(), Some(401));
    }
    assert_eq!(api.login("edik", "edik password 123").err(), Some(429));
    // A name typed with a newline cannot forge a line of the server's log.
    let forged = "x\n2026-01-01T00:00:00Z WARN forged";
    assert_eq!(api.login(forged, "a wrong guess").err(), Some(401));
    let audit = s.json(&["audit"]);
    let rows = audit["audit"].as_array().unwrap();
    let row = |action: &str| {
        rows.iter()
            .find(|r| r["action"] == action)
            .unwrap_or_else(|| panic!("no {action} in {audit}"))
    };
    assert_eq!(row("forbidden")["actor"], "vera", "{audit}");
    assert_eq!(row("csrf refused")["actor"], "eda", "{audit}");
    assert!(
        row("token refused")["actor"]
            .as_str()
            .unwrap()
            .contains("127.0.0.1"),
        "{audit}"
    );
    assert!(
        rows.iter()
            .any(|r| r["action"] == "login refused" && r["subject"] == "edik"),
        "{audit}"
    );
    assert!(
        row("login backoff")["subject"]
            .as_str()
            .unwrap()
            .starts_with("edik"),
        "{audit}"
    );
    // The human table shows them too.
    let table = s.ok(&["audit"]);
    for action in [
        "forbidden",
        "csrf refused",
        "token refused",
        "login backoff",
    ] {
        assert!(table.contains(action), "{table}");
    }
    let log = server.stop();
    assert!(
        !log.lines().any(|l| l.starts_with("2026-01-01T00:00:00Z")),
        "a forged line:\n{log}"
    );
    for event in [
        "forbidden",
        "csrf_refused",
        "token_refused",
        "login_refused",
        "login_backoff",
    ] {
        assert!(
            log.lines()
                .any(|l| l.contains("vigil::security") && l.contains(event)),
            "no {event} in the server's log:\n{log}"
        );
    }
}
