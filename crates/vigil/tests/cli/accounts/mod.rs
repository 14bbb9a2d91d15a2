//! Accounts and roles against the real server: every route × every role (and anonymous),
//! CSRF, versions and conflicts, concurrent editors, the audit trail; logins under attack
//! in `logins`.

mod logins;

use reqwest::blocking::Client;
use serde_json::{json, Value};

use crate::serve::Server;
use crate::Scratch;

const RECORDS: &str = r#"{"type":"person","id":"p-public","names":[{"text":"Public Person"}],"country":"BY"}
{"type":"person","id":"p-restricted","names":[{"text":"Restricted Person"}],"country":"BY","visibility":"restricted"}
{"type":"person","id":"p-conf","names":[{"text":"Confidential Person"}],"country":"BY","visibility":"confidential"}
"#;

/// How a request authenticates.
#[derive(Clone)]
enum Who {
    Anonymous,
    Session { cookie: String, csrf: String },
    Token(String),
}

struct Api {
    base: String,
    client: Client,
}

impl Api {
    /// A client whose connections come from `local` (any address in 127.0.0.0/8 reaches
    /// the server, so tests can be several clients).
    fn new(base: &str, local: &str) -> Api {
        Api {
            base: base.to_string(),
            client: Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .local_address(local.parse::<std::net::IpAddr>().unwrap())
                .build()
                .unwrap(),
        }
    }

    fn send(
        &self,
        method: &str,
        path: &str,
        who: &Who,
        body: Option<Value>,
        csrf: bool,
    ) -> (u16, Value, reqwest::header::HeaderMap) {
        let url = format!("{}{path}", self.base);
        let mut req = match method {
            "GET" => self.client.get(&url),
            "POST" => self.client.post(&url),
            "DELETE" => self.client.delete(&url),
            _ => unreachable!(),
        };
        match who {
            Who::Anonymous => {}
            Who::Session {
                cookie,
                csrf: token,
            } => {
                req = req.header("cookie", cookie);
                if csrf {
                    req = req.header("x-csrf-token", token);
                }
            }
            Who::Token(t) => req = req.header("authorization", format!("Bearer {t}")),
        }
        if let Some(b) = body {
            req = req
                .header("content-type", "application/json")
                .body(b.to_string());
        }
        let r = req.send().unwrap();
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let text = r.text().unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::Null),
            headers,
        )
    }

    fn login(&self, name: &str, password: &str) -> Result<Who, u16> {
        let (status, body, headers) = self.send(
            "POST",
            "/api/v1/session",
            &Who::Anonymous,
            Some(json!({"name": name, "password": password})),
            false,
        );
        if status != 200 {
            return Err(status);
        }
        let set = headers
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        for flag in ["HttpOnly", "Secure", "SameSite=Strict"] {
            assert!(set.contains(flag), "session cookie lacks {flag}: {set}");
        }
        Ok(Who::Session {
            cookie: set.split(';').next().unwrap().to_string(),
            csrf: body["csrf"].as_str().unwrap().to_string(),
        })
    }
}

fn setup() -> (Scratch, Server, Api, Vec<(&'static str, Who)>) {
    setup_with(&[])
}

/// [`setup`], with more options for `vigil serve`.
fn setup_with(serve: &[&str]) -> (Scratch, Server, Api, Vec<(&'static str, Who)>) {
    let s = Scratch::new();
    assert!(s.import("records.jsonl", RECORDS).status);
    for (name, role) in [
        ("vera", "viewer"),
        ("eda", "editor"),
        ("edik", "editor"),
        ("ada", "admin"),
    ] {
        let r = s.run_stdin(
            &["user", "add", name, "--role", role],
            &format!("{name} password 123\n"),
        );
        assert!(r.status, "{}", r.stderr);
    }
    let viewer_token = s.json(&["token", "create", "--role", "viewer"])["token"]
        .as_str()
        .unwrap()
        .to_string();
    let editor_token = s.json(&["token", "create", "--role", "editor"])["token"]
        .as_str()
        .unwrap()
        .to_string();
    let db = s.db();
    let server = Server::start_with(
        &[
            &[
                "--db",
                db.to_str().unwrap(),
                "serve",
                "--addr",
                "127.0.0.1:0",
            ],
            serve,
        ]
        .concat(),
    );
    let api = Api::new(&server.base, "127.0.0.1");
    let callers = vec![
        ("anonymous", Who::Anonymous),
        ("viewer", api.login("vera", "vera password 123").unwrap()),
        ("editor", api.login("eda", "eda password 123").unwrap()),
        ("admin", api.login("ada", "ada password 123").unwrap()),
        ("viewer token", Who::Token(viewer_token)),
        ("editor token", Who::Token(editor_token)),
    ];
    (s, server, api, callers)
}

#[test]
fn every_route_for_every_role() {
    let (s, _server, api, callers) = setup();
    // Expected status per caller, in the order of `callers`.
    let matrix: &[(&str, &str, [u16; 6])] = &[
        ("GET", "/", [200; 6]),
        ("GET", "/api/v1/stats/held", [200; 6]),
        ("GET", "/api/v1/persons/p-restricted", [404; 6]),
        (
            "GET",
            "/api/v1/records/person/p-public",
            [401, 200, 200, 200, 200, 200],
        ),
        (
            "GET",
            "/api/v1/records/person/p-restricted",
            [401, 200, 200, 200, 200, 200],
        ),
        (
            "GET",
            "/api/v1/records/person/p-conf",
            [401, 404, 200, 200, 404, 200],
        ),
        ("GET", "/api/v1/session", [401, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/audit", [401, 403, 403, 403, 403, 403]),
        ("POST", "/api/v1/records", [401, 403, 200, 200, 403, 200]),
        // The admins' token page: to the login page, a 403 page, the list.
        ("GET", "/edit/tokens", [303, 403, 403, 200, 403, 403]),
    ];
    // The admin's audit view is the one 200 in its row.
    let matrix: Vec<(&str, &str, [u16; 6])> = matrix
        .iter()
        .map(|(m, p, mut want)| {
            if *p == "/api/v1/audit" {
                want[3] = 200;
            }
            (*m, *p, want)
        })
        .collect();
    for (method, path, want) in &matrix {
        for (i, (label, who)) in callers.iter().enumerate() {
            let body = (*method == "POST").then(|| {
                json!({"record": {"type": "person", "id": format!("new-{i}"), "names": [{"text": format!("Added by {label}")}], "country": "BY"}, "version": null})
            });
            let (status, answer, _) = api.send(method, path, who, body, true);
            assert_eq!(status, want[i], "{method} {path} as {label}: {answer}");
        }
    }
    // A session's write without its CSRF token, or with another, is refused and writes nothing.
    let editor = &callers[2].1;
    let before = s.json(&["verify"])["entries"].clone();
    let body = json!({"record": {"type": "person", "id": "csrf-test", "names": [{"text": "X"}]}, "version": null});
    let (status, answer, _) =
        api.send("POST", "/api/v1/records", editor, Some(body.clone()), false);
    assert_eq!((status, &answer["error"]["code"]), (403, &json!("csrf")));
    let Who::Session { cookie, .. } = editor else {
        unreachable!()
    };
    let forged = Who::Session {
        cookie: cookie.clone(),
        csrf: "0".repeat(64),
    };
    assert_eq!(
        api.send("POST", "/api/v1/records", &forged, Some(body), true)
            .0,
        403
    );
    assert_eq!(
        api.send("DELETE", "/api/v1/session", editor, None, false).0,
        403
    );
    assert_eq!(s.json(&["verify"])["entries"], before);
    // Reads of non-public records are in the audit trail, with who read them.
    let trail = s.ok(&["audit", "--json"]);
    assert!(
        trail.contains("person p-restricted (restricted)") && trail.contains("vera"),
        "{trail}"
    );
    assert!(
        trail.contains("person p-conf (confidential)") && trail.contains("eda"),
        "{trail}"
    );
    // Saves are log entries under the editor's name.
    let log = s.ok(&["log", "--json"]);
    assert!(
        log.contains("\"actor\":\"eda\"") || log.contains("\"actor\": \"eda\""),
        "{log}"
    );
    // A login form posted from another site is refused (login CSRF): it cannot carry the
    // token the login page set in its own cookie. From the login page it works.
    let post = |cookie: Option<&str>, token: &str| {
        let mut req = api
            .client
            .post(format!("{}/login", api.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!(
                "name=vera&password=vera+password+123&login_token={token}"
            ));
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        req.send().unwrap().status().as_u16()
    };
    assert_eq!(post(None, "forged"), 403);
    let page = api
        .client
        .get(format!("{}/login", api.base))
        .send()
        .unwrap();
    let cookie = page.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let token = cookie.split_once('=').unwrap().1.to_string();
    assert!(
        page.text().unwrap().contains(&token),
        "the form carries the cookie's token"
    );
    assert_eq!(post(Some(&cookie), "another"), 403);
    assert_eq!(post(Some(&cookie), &token), 303);
    // Logging out ends the session.
    assert_eq!(
        api.send("DELETE", "/api/v1/session", editor, None, true).0,
        204
    );
    assert_eq!(
        api.send(
            "GET",
            "/api/v1/records/person/p-restricted",
            editor,
            None,
            true
        )
        .0,
        401
    );
}

#[test]
fn a_stale_save_is_refused_with_what_changed_and_nothing_is_lost() {
    let (s, server, api, callers) = setup();
    let (one, two) = (&callers[2].1, &callers[3].1);
    let (_, read, _) = api.send("GET", "/api/v1/records/person/p-public", one, None, true);
    let version = read["version"].clone();
    let edit = |who: &Who, name: &str, version: &Value| {
        api.send(
            "POST",
            "/api/v1/records",
            who,
            Some(json!({"record": {"type": "person", "id": "p-public", "names": [{"text": name}], "country": "BY"}, "version": version, "reason": "spelling"})),
            true,
        )
    };
    let (status, first, _) = edit(one, "Public Person (first)", &version);
    assert_eq!(status, 200, "{first}");
    let (status, conflict, _) = edit(two, "Public Person (second)", &version);
    assert_eq!(status, 409, "{conflict}");
    assert_eq!(conflict["error"]["version"], first["version"]);
    assert_eq!(
        conflict["error"]["current"]["names"][0]["text"],
        "Public Person (first)"
    );
    // Saved again against the version it now has, the second edit goes through.
    let (status, _, _) = edit(two, "Public Person (second)", &first["version"]);
    assert_eq!(status, 200);
    // The public page shows the latest at once.
    let (_, page) = server.get("/persons/p-public");
    assert!(page.contains("Public Person (second)"), "{page}");

    // Two editors saving concurrently: no update lost, one chain.
    let before = s.json(&["verify"])["entries"].as_u64().unwrap();
    let done: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = [one, two]
            .into_iter()
            .enumerate()
            .map(|(w, who)| {
                let api = &api;
                scope.spawn(move || {
                    (0..15)
                        .map(|i| {
                            api.send(
                                "POST",
                                "/api/v1/records",
                                who,
                                Some(json!({"record": {"type": "person", "id": format!("c{w}-{i}"), "names": [{"text": format!("Concurrent {w} {i}")}]}, "version": null})),
                                true,
                            )
                            .0
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(done.iter().all(|&s| s == 200), "{done:?}");
    let v = s.json(&["verify"]);
    assert_eq!(v["ok"], true);
    assert_eq!(v["entries"].as_u64().unwrap(), before + 30);
}

const CANARIES: &str = r#"{"type":"person","id":"p-r","names":[{"text":"Restricted Canary"}],"country":"BY","region":"CanaryRegion","birth_date":"1980-05-06","health":["chronic_illness"],"visibility":"restricted"}
{"type":"person","id":"p-c","names":[{"text":"Confidential Canary"}],"country":"BY","visibility":"confidential"}
{"type":"event","id":"e-r1","person":"p-r","kind":"detained","date":"2022-01-01","visibility":"restricted"}
{"type":"event","id":"e-r2","person":"p-r","kind":"transferred","date":"2022-02-01","visibility":"confidential","details":{"to":"CanarySecretPrison"}}
{"type":"event","id":"e-c1","person":"p-c","kind":"detained","date":"2022-01-01"}
"#;

#[test]
fn a_viewer_sees_no_confidential_value_and_no_protected_field() {
    let (s, _server, api, callers) = setup();
    assert!(s.import("canaries.jsonl", CANARIES).status);
    // Wait for the server to pick up the import (it checks every 500 ms).
    std::thread::sleep(std::time::Duration::from_millis(700));
    let viewer = &callers[1].1;
    let secrets = [
        "Confidential Canary",
        "CanaryRegion",
        "CanarySecretPrison",
        "1980-05-06",
        "chronic_illness",
    ];
    // Every record the registry holds, as the viewer asks for it.
    let export = s.ok(&["export"]);
    let mut seen = 0;
    for line in export.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let path = format!(
            "/api/v1/records/{}/{}",
            v["type"].as_str().unwrap(),
            v["id"].as_str().unwrap()
        );
        let (status, body, _) = api.send("GET", &path, viewer, None, true);
        assert!(status == 200 || status == 404, "{path}: {status}");
        let text = body.to_string();
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "a viewer got {secret:?} from {path}: {text}"
            );
        }
        seen += usize::from(status == 200);
    }
    // p-public, p-restricted, p-r, e-r1: not the confidential person, nor its events.
    assert_eq!(
        seen, 4,
        "the viewer sees the public and restricted records only"
    );
    let (_, p_r, _) = api.send("GET", "/api/v1/records/person/p-r", viewer, None, true);
    assert_eq!(p_r["record"]["birth_date"], "1980", "{p_r}");
    assert_eq!(
        p_r["protected"],
        json!(["health", "region", "birth_date (year only)"])
    );
    // Public pages do not change with who asks.
    for path in [
        "/",
        "/persons",
        "/persons/p-r",
        "/persons/p-c",
        "/api/v1/persons?limit=500",
    ] {
        let (_, body, _) = api.send("GET", path, viewer, None, true);
        let text = body.to_string();
        assert!(
            !text.contains("Canary"),
            "{path} shows a canary to a viewer: {text}"
        );
    }
    // An editor sees every field (so the test above could have failed).
    let (_, as_editor, _) = api.send(
        "GET",
        "/api/v1/records/person/p-r",
        &callers[2].1,
        None,
        true,
    );
    assert_eq!(as_editor["record"]["region"], "CanaryRegion");
    let (status, _, _) = api.send(
        "GET",
        "/api/v1/records/event/e-r2",
        &callers[2].1,
        None,
        true,
    );
    assert_eq!(status, 200);
}

/// An editor pastes a report in the back office: the proposals are shown and nothing is
/// stored; confirmed, they are stored in one go (again: nothing added twice); a viewer
/// cannot reach the page's write, and a post without the form's token stores nothing.
#[test]
fn a_pasted_report_is_stored_only_when_an_editor_confirms() {
    let (s, _server, api, callers) = setup();
    let report = include_str!("../../../../../tests/reports/belarus-pardons-article.txt");
    let post = |who: &Who, fields: &[(&str, &str)]| {
        let mut req = api.client.post(format!("{}/edit/extract", api.base));
        let mut fields = fields.to_vec();
        if let Who::Session { cookie, csrf } = who {
            req = req.header("cookie", cookie);
            fields.push(("csrf", csrf.as_str()));
        }
        let r = req.form(&fields).send().unwrap();
        (r.status().as_u16(), r.text().unwrap())
    };
    let entries = |s: &Scratch| s.json(&["verify"])["entries"].as_u64().unwrap();
    let before = entries(&s);
    let editor = &callers[2].1;
    let base = [
        ("text", report),
        ("date", "2024-12-09"),
        ("publisher", "RFE/RL"),
    ];
    let (status, page) = post(editor, &base);
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Proposed records")
            && page.contains("Pardon: 29 persons")
            && page.contains("name=\"total.1\" value=\"29\""),
        "{page}"
    );
    assert!(
        page.contains("All of those released repented"),
        "the official claim is shown"
    );
    assert_eq!(entries(&s), before, "showing proposals stores nothing");

    // Without the session's token, or as a viewer, confirming stores nothing.
    let mut confirm = base.to_vec();
    confirm.push(("confirm", "yes"));
    let (status, _) = post(&Who::Anonymous, &confirm);
    assert!(
        status == 401 || status == 403 || status == 303,
        "anonymous: {status}"
    );
    let (status, _) = post(&callers[1].1, &confirm);
    assert_eq!(status, 403, "a viewer may not store");
    if let Who::Session { cookie, .. } = editor {
        let forged = Who::Session {
            cookie: cookie.clone(),
            csrf: "0".repeat(64),
        };
        let (status, _) = post(&forged, &confirm);
        assert_eq!(status, 403, "a wrong token");
    }
    assert_eq!(entries(&s), before);

    let (status, page) = post(editor, &confirm);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("id=\"stored\""), "{page}");
    let after = entries(&s);
    assert!(
        after > before + 2,
        "a source, the announcement and figures: {before} -> {after}"
    );
    let exported = s.run(&["export"]).stdout;
    assert!(exported.contains("\"total\":29") && exported.contains("\"publisher\":\"RFE/RL\""));
    assert!(s.json(&["verify"])["ok"].as_bool().unwrap());
    // The same report again: nothing added twice.
    let (status, page) = post(editor, &confirm);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("0 records added"), "{page}");
    assert_eq!(entries(&s), after);
    // The same report under another publisher would change the stored source: refused,
    // named, and nothing of it stored (corrections go through the record's own form).
    let mut other = confirm.clone();
    other[2] = ("publisher", "AP");
    let (status, page) = post(editor, &other);
    assert_eq!(status, 400, "{page}");
    assert!(
        page.contains("nothing was stored") && page.contains("-source (source)"),
        "{page}"
    );
    assert_eq!(entries(&s), after);
    // A report in a language not read is said so, not "nothing found", and stores nothing.
    let latvian =
        "Lukašenko apžēlojis 25 cilvēkus, tai skaitā politieslodzītos, paziņojis Lukašenko birojs.";
    let (status, page) = post(
        editor,
        &[
            ("text", latvian),
            ("date", "2025-09-16"),
            ("confirm", "yes"),
        ],
    );
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("a language vigil does not read"), "{page}");
    assert_eq!(entries(&s), after);
}

#[test]
fn tokens_are_listed_revoked_and_expire() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", crate::CONTRACT_EXAMPLE).status);
    let made = s.json(&[
        "token",
        "create",
        "--role",
        "viewer",
        "--name",
        "dashboard-script",
    ]);
    let (secret, id) = (
        made["token"].as_str().unwrap().to_string(),
        made["id"].as_str().unwrap().to_string(),
    );
    assert!(made["expires"].as_str().unwrap() > "2026");
    let other = s.json(&[
        "token",
        "create",
        "--role",
        "viewer",
        "--expires-in-days",
        "1",
    ]);
    let list = s.json(&["token", "list"]);
    let ids: Vec<&str> = list["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&id.as_str()) && ids.len() == 2, "{list}");
    assert!(
        !list.to_string().contains(&secret),
        "the list never shows a secret"
    );
    let server = crate::serve::Server::start(&s);
    let get = |token: &str| {
        reqwest::blocking::Client::new()
            .get(format!("{}/api/v1/records/person/p1", server.base))
            .header("authorization", format!("Bearer {token}"))
            .send()
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(get(&secret), 200);
    s.ok(&["token", "revoke", &id, "--reason", "laptop lost"]);
    assert_eq!(get(&secret), 401, "a revoked token stops working at once");
    assert_eq!(
        s.run(&["token", "revoke", &id]).code,
        Some(1),
        "already revoked"
    );
    // An expired token is refused.
    let other_secret = other["token"].as_str().unwrap();
    assert_eq!(get(other_secret), 200);
    rusqlite::Connection::open(s.db())
        .unwrap()
        .execute(
            "UPDATE token SET expires = '2020-01-01T00:00:00.000000Z' WHERE revoked = 0",
            [],
        )
        .unwrap();
    assert_eq!(get(other_secret), 401);
    let audit = s.ok(&["audit"]);
    assert!(audit.contains("token revoke"), "{audit}");
}

#[test]
fn sessions_end_when_their_account_is_disabled_demoted_or_given_a_new_password() {
    let (s, _server, api, _) = setup();
    let conf = "/api/v1/records/person/p-conf";
    // Demoted: the editor's session no longer reads confidential records, nor writes.
    let eda = api.login("eda", "eda password 123").unwrap();
    assert_eq!(api.send("GET", conf, &eda, None, false).0, 200);
    s.ok(&[
        "user",
        "role",
        "eda",
        "viewer",
        "--reason",
        "moved to another team",
    ]);
    assert_eq!(api.send("GET", conf, &eda, None, false).0, 401);
    let body = json!({"record": {"type":"person","id":"p-new","country":"BY"}, "version": null, "reason": "x"});
    assert_eq!(
        api.send("POST", "/api/v1/records", &eda, Some(body.clone()), true)
            .0,
        401
    );
    // Disabled.
    let edik = api.login("edik", "edik password 123").unwrap();
    assert_eq!(api.send("GET", conf, &edik, None, false).0, 200);
    s.ok(&["user", "disable", "edik", "--reason", "left"]);
    assert_eq!(
        api.send("POST", "/api/v1/records", &edik, Some(body), true)
            .0,
        401
    );
    // A new password: the old session ends, a login with the new one works.
    let ada = api.login("ada", "ada password 123").unwrap();
    assert_eq!(api.send("GET", conf, &ada, None, false).0, 200);
    let r = s.run_stdin(&["user", "passwd", "ada"], "a brand new password\n");
    assert!(r.status, "{}", r.stderr);
    assert_eq!(api.send("GET", conf, &ada, None, false).0, 401);
    let again = api.login("ada", "a brand new password").unwrap();
    assert_eq!(api.send("GET", conf, &again, None, false).0, 200);
    // Nothing was written by the ended sessions.
    assert_eq!(s.json(&["verify"])["entries"], 3);
}
