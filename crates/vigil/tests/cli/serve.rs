//! `vigil serve`, run for real on a random port against a real database file.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use std::collections::BTreeSet;

use crate::crawl::Crawl;
use crate::{Scratch, CONTRACT_EXAMPLE};

/// A running server; killed when dropped.
pub struct Server {
    child: Child,
    pub base: String,
    /// Kept open: the server may still write to it.
    stderr: BufReader<std::process::ChildStderr>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    pub fn start(s: &Scratch) -> Server {
        Server::start_with(&[
            "--db",
            s.db().to_str().unwrap(),
            "serve",
            "--addr",
            "127.0.0.1:0",
        ])
    }

    pub fn start_with(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vigil"))
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The server says where it listens; then its health check must answer.
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        while !line.contains("http://") {
            line.clear();
            assert!(
                stderr.read_line(&mut line).unwrap() > 0,
                "the server exited before saying where it listens"
            );
        }
        let start = line.find("http://").expect("checked");
        let base = line[start..]
            .split_whitespace()
            .next()
            .unwrap()
            .trim_end_matches('/')
            .to_string();
        let server = Server {
            child,
            base,
            stderr,
        };
        for _ in 0..100 {
            if get(&format!("{}/healthz", server.base)).0 == 200 {
                return server;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("server at {} never became healthy", server.base);
    }

    /// Stops the server and answers what it logged after saying where it listens.
    pub fn stop(&mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut self.stderr, &mut rest);
        rest
    }

    pub fn get(&self, path: &str) -> (u16, String) {
        get(&format!("{}{path}", self.base))
    }

    pub fn json(&self, path: &str) -> serde_json::Value {
        let (status, body) = self.get(path);
        assert_eq!(status, 200, "GET {path}: {body}");
        serde_json::from_str(&body).unwrap()
    }
}

fn get(url: &str) -> (u16, String) {
    match reqwest::blocking::get(url) {
        Ok(r) => (r.status().as_u16(), r.text().unwrap_or_default()),
        Err(_) => (0, String::new()),
    }
}

#[test]
fn every_api_answer_equals_the_cli_for_the_same_registry() {
    let s = Scratch::new();
    let generated = s.ok(&["generate", "--persons", "400", "--seed", "3"]);
    assert!(s.run_stdin(&["import", "-"], &generated).status);
    let server = Server::start(&s);
    let pairs: &[(&str, &[&str])] = &[
        (
            "/api/v1/stats/held?on=2024-12-09",
            &["stats", "held", "--on", "2024-12-09"],
        ),
        (
            "/api/v1/stats/held?on=2023-06-01&country=BY&by=age",
            &[
                "stats",
                "held",
                "--on",
                "2023-06-01",
                "--country",
                "BY",
                "--by",
                "age",
            ],
        ),
        (
            "/api/v1/stats/held?on=2023-06-01&by=sex&all=true",
            &[
                "stats",
                "held",
                "--on",
                "2023-06-01",
                "--by",
                "sex",
                "--all",
            ],
        ),
        (
            "/api/v1/stats/held?on=2022-01-01&recognized_by_date=true",
            &[
                "stats",
                "held",
                "--on",
                "2022-01-01",
                "--recognized-by-date",
            ],
        ),
        (
            "/api/v1/stats/series?from=2020-08-01&to=2026-10-31&step=week",
            &[
                "stats",
                "series",
                "--from",
                "2020-08-01",
                "--to",
                "2026-10-31",
                "--step",
                "week",
            ],
        ),
        (
            "/api/v1/stats/series?from=2024-01-01&to=2024-03-31&step=day&country=RU",
            &[
                "stats",
                "series",
                "--from",
                "2024-01-01",
                "--to",
                "2024-03-31",
                "--step",
                "day",
                "--country",
                "RU",
            ],
        ),
        (
            "/api/v1/stats/waves?country=BY&year=2024",
            &["stats", "waves", "--country", "BY", "--year", "2024"],
        ),
        (
            "/api/v1/stats/flow?from=2024-01-01&to=2024-12-31",
            &[
                "stats",
                "flow",
                "--from",
                "2024-01-01",
                "--to",
                "2024-12-31",
            ],
        ),
        ("/api/v1/check", &["check"]),
    ];
    for (path, args) in pairs {
        let api = server.json(path);
        let mut cli = s.json(args);
        // The public answer gives cells under 3 as keys only; the CLI is trusted.
        if let Some(by) = cli.get_mut("by").and_then(serde_json::Value::as_object_mut) {
            let small: Vec<String> = by
                .iter()
                .filter(|(_, n)| n.as_i64().is_some_and(|n| n > 0 && n < 3))
                .map(|(k, _)| k.clone())
                .collect();
            for k in &small {
                by.remove(k);
            }
            if !small.is_empty() {
                cli["small"] = serde_json::json!(small);
                cli["fewer_than"] = serde_json::json!(3);
            }
        }
        assert_eq!(api, cli, "GET {path} differs from vigil {args:?}");
    }
    // Announcements and search: the server's audience is the public, the CLI's trusted, so
    // the CLI's answer is reduced to what the public may see (persons named only if public)
    // before they are compared.
    let exported = s.ok(&["export"]);
    let public_export = s.ok(&["export", "--public"]);
    let public: BTreeSet<String> = public_export
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["type"] == "person")
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    let records: Vec<serde_json::Value> = exported
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Announcements some events point at (so persons are named), and one no event does.
    let mut announcements: Vec<&str> = Vec::new();
    for v in &records {
        if let Some(a) = v["announcement"].as_str() {
            if v["type"] == "event" && !announcements.contains(&a) && announcements.len() < 4 {
                announcements.push(a);
            }
        }
    }
    announcements.extend(
        records
            .iter()
            .filter(|v| v["type"] == "announcement")
            .filter_map(|v| v["id"].as_str())
            .find(|a| !announcements.contains(a)),
    );
    assert!(!announcements.is_empty());
    let mut named = 0;
    for id in &announcements {
        let api = server.json(&format!("/api/v1/announcements/{id}"));
        let mut cli = s.json(&["announcement", id]);
        assert!(cli["log"]["entries"].as_u64().unwrap() > 0, "{cli}");
        named += cli["identified"].as_array().unwrap().len();
        for (list, not_shown) in [
            ("identified", Some("identified_not_shown")),
            ("candidates", Some("candidates_not_shown")),
            ("prominent", None),
        ] {
            let all = cli[list].as_array().unwrap().clone();
            let id_of = |v: &serde_json::Value| {
                v.as_str()
                    .or_else(|| v["person"].as_str())
                    .unwrap()
                    .to_string()
            };
            let (shown, hidden): (Vec<_>, Vec<_>) =
                all.into_iter().partition(|v| public.contains(&id_of(v)));
            cli[list] = serde_json::json!(shown);
            if let Some(n) = not_shown {
                cli[n] = serde_json::json!(hidden.len());
            }
        }
        for c in cli["contradictions"].as_array_mut().unwrap() {
            let text = c.as_str().unwrap().to_string();
            if let Some((who, rest)) = text.split_once(" was not in custody") {
                if !public.contains(who) {
                    *c = serde_json::json!(format!(
                        "a person not shown publicly was not in custody{rest}"
                    ));
                }
            }
        }
        assert_eq!(
            api, cli,
            "GET /api/v1/announcements/{id} differs from vigil announcement {id}"
        );
    }
    assert!(
        named > 0,
        "no announcement in {announcements:?} names anyone"
    );
    // A name of a public person, searched in full and by its surname alone.
    let person = records
        .iter()
        .find(|v| v["type"] == "person" && public.contains(v["id"].as_str().unwrap()))
        .unwrap();
    let name = person["names"][0]["text"].as_str().unwrap();
    let surname = name.split_whitespace().last().unwrap();
    for q in [name, surname] {
        let api = server.json(&format!("/api/v1/search?q={}&limit=200", url_escape(q)));
        let mut cli = s.json(&["search", q, "--limit", "100000"]);
        let results = cli["results"].as_array_mut().unwrap();
        results.retain(|h| public.contains(h["person"].as_str().unwrap()));
        results.truncate(200);
        assert!(!results.is_empty(), "{q}");
        assert_eq!(
            api, cli,
            "GET /api/v1/search?q={q} differs from vigil search"
        );
    }

    // Some numbers, so the equality above is not between two empty answers.
    let held = server.json("/api/v1/stats/held?on=2024-12-09");
    assert!(held["held"].as_i64().unwrap() > 50, "{held}");
    assert!(
        !server.json("/api/v1/stats/waves?country=BY&year=2024")["waves"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // The OpenAPI document is generated from the code and covers every route and answer.
    let doc = server.json("/api/v1/openapi.json");
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3."),
        "{}",
        doc["openapi"]
    );
    let paths: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for route in [
        "/api/v1/stats/held",
        "/api/v1/stats/series",
        "/api/v1/stats/waves",
        "/api/v1/stats/flow",
        "/api/v1/stats/releases",
        "/api/v1/stats/released",
        "/api/v1/check",
        "/api/v1/persons",
        "/api/v1/persons/{id}",
        "/api/v1/search",
        "/api/v1/openapi.json",
    ] {
        assert!(
            doc["paths"][route]["get"].is_object(),
            "{route} missing from the OpenAPI document: {paths:?}"
        );
    }
    let held_schema = &doc["components"]["schemas"]["HeldAnswer"]["properties"];
    for field in ["on", "held", "held_min", "held_max", "by", "log"] {
        assert!(
            held_schema[field].is_object(),
            "HeldAnswer.{field} not described: {held_schema}"
        );
    }
    let params: Vec<&str> = doc["paths"]["/api/v1/stats/series"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        params,
        [
            "from",
            "to",
            "step",
            "country",
            "all",
            "recognized_by_date",
            "format"
        ]
    );

    // A long series goes out compressed to clients that accept it, and is the same answer.
    let url = format!(
        "{}/api/v1/stats/series?from=2020-08-01&to=2026-10-31&step=day",
        server.base
    );
    let r = reqwest::blocking::Client::new()
        .get(&url)
        .header("accept-encoding", "gzip")
        .send()
        .unwrap();
    assert_eq!(r.headers()["content-encoding"], "gzip");
    assert_eq!(r.headers()["vary"], "accept-encoding");
    let mut json = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(r.bytes().unwrap().as_ref()),
        &mut json,
    )
    .unwrap();
    let daily = s.json(&[
        "stats",
        "series",
        "--from",
        "2020-08-01",
        "--to",
        "2026-10-31",
        "--step",
        "day",
    ]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&json).unwrap(),
        daily
    );
    let r = reqwest::blocking::get(format!("{url}&format=csv")).unwrap();
    assert_eq!(
        r.headers()["content-disposition"],
        "attachment; filename=\"series.csv\""
    );
    assert_eq!(r.text().unwrap().lines().count(), 2_283 + 1);

    let (status, body) = server.get("/api/v1/stats/series?from=2024-02-01&to=2024-01-01");
    assert_eq!(status, 400);
    let err: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (
            err["error"]["code"].as_str(),
            err["error"]["param"].as_str()
        ),
        (Some("bad_parameter"), Some("to"))
    );
    let (status, csv) =
        server.get("/api/v1/stats/series?from=2024-01-01&to=2024-01-03&step=day&format=csv");
    assert_eq!(status, 200);
    let series = s.json(&[
        "stats",
        "series",
        "--from",
        "2024-01-01",
        "--to",
        "2024-01-03",
        "--step",
        "day",
    ]);
    let first = &series["points"][0];
    assert_eq!(
        csv.lines().nth(1).unwrap(),
        format!(
            "2024-01-01,{},{},{}",
            first["held"], first["held_min"], first["held_max"]
        )
    );
}

/// A registry with a restricted person, a confidential person and a restricted event on a
/// public person, each carrying a canary value that must never be served publicly.
/// (`canaries.jsonl`, beside this file: one record per line.)
pub(crate) const CANARIES: &str = include_str!("canaries.jsonl");

/// Duplicates merged away, beside the canaries (`canary_merges.jsonl`): a public person
/// merged into a public one, a public person merged into the restricted canary, and a
/// restricted person merged into a public one.
const CANARY_MERGES: &str = include_str!("canary_merges.jsonl");

/// What the merges must not show publicly: the public duplicate of the restricted person
/// is now that person (its name and address would point at them), and the restricted
/// duplicate (its name has `CANARY` in it, its id and merge's only a lowercase "canary").
const MERGED_SECRETS: &[&str] = &[
    "Duplicate Of Hidden",
    "p-dup-of-hidden",
    "m-dup-of-hidden",
    "p-canary-merged",
    "m-canary-merged",
];

pub(crate) const SECRETS: &[&str] = &[
    "CANARY",
    "p-canary-restricted",
    "p-canary-confidential",
    "p-canary-free",
    "e-canary",
    "Restricted Name",
    "Confidential Name",
    // A public person's confidential release, before their detention: a timeline
    // finding would print its date.
    "1987-11-23",
];

#[test]
fn no_restricted_person_or_event_reaches_any_public_page_or_api_answer() {
    let s = Scratch::new();
    assert!(s.import("base.jsonl", CONTRACT_EXAMPLE).status);
    let r = s.import("canaries.jsonl", CANARIES);
    assert!(r.status, "{}", r.stderr);
    // The canaries are counted (a count reveals no one)…
    assert_eq!(s.json(&["stats", "held", "--on", "2023-06-01"])["held"], 3);
    // Duplicates merged away: a public one into a public person (its old address leads
    // there), a public one into the restricted person and a restricted one into a public
    // person (neither address may lead anywhere, nor show whom it was merged with).
    let r = s.import("canary_merges.jsonl", CANARY_MERGES);
    assert!(r.status, "{}", r.stderr);
    let server = Server::start(&s);
    assert_eq!(server.json("/api/v1/stats/held?on=2023-06-01")["held"], 3);

    // …and appear nowhere. Crawl every link from the dashboard, plus the API routes and
    // the direct addresses someone might guess; every page in each language.
    let seeds = [
        "/",
        "/persons",
        "/persons?q=canary",
        "/persons?country=BY&status=held",
        "/persons?sort=name",
        "/persons?sort=-country&q=canary",
        "/?country=BY",
        "/?country=BY&from=2022-01-01&to=2022-12-31&year=2024",
        "/api/v1/persons?sort=-name&q=canary",
        "/persons/p-canary-restricted",
        "/persons/p-canary-confidential",
        "/persons/p1",
        "/persons/p-dup-public",
        "/persons/p-dup-of-hidden",
        "/persons/p-canary-merged",
        "/api/v1/persons/p-dup-public",
        "/api/v1/persons/p-dup-of-hidden",
        "/api/v1/persons/p-canary-merged",
        "/api/v1/search?q=Duplicate",
        "/api/v1/search?q=CANARY%20Merged%20Name",
        "/persons?q=Duplicate",
        "/announcements/a1",
        "/api/v1/persons?limit=500",
        "/api/v1/persons?q=canary",
        "/api/v1/persons/p-canary-restricted",
        "/api/v1/persons/p-canary-confidential",
        "/api/v1/persons/p1",
        "/api/v1/check",
        "/api/v1/stats/held?on=2023-06-01&by=region",
        "/api/v1/stats/held?on=2023-06-01&by=role&format=csv",
        "/api/v1/stats/held?on=2023-06-01&by=region&format=xlsx",
        "/api/v1/stats/held?on=2023-06-01&by=term",
        "/api/v1/stats/releases?on=2023-06-01&months=120&all=true",
        "/api/v1/stats/releases?on=2023-06-01&format=csv",
        "/api/v1/stats/released?on=2026-06-01&days=3660&all=true",
        "/api/v1/persons?limit=500&format=xlsx",
        "/api/v1/persons?q=canary&format=xlsx",
        "/api/v1/stats/waves?country=BY&year=2024",
        "/api/v1/announcements/a1",
        "/api/v1/search?q=Restricted%20Name",
        "/api/v1/search?q=Confidential%20Name",
        "/api/v1/search?q=CANARY%20Never%20Detained",
        // Lists and counts per recognising organisation: an organisation only a hidden
        // person or a hidden event names is neither offered, counted nor listed.
        "/persons?recognized_by=canary-org",
        "/persons?recognized_by=canary-hidden-org&status=held",
        "/persons?recognized_by=viasna",
        "/api/v1/persons?recognized_by=canary-org",
        "/api/v1/persons?recognized_by=Viasna&format=csv",
        "/api/v1/persons?recognized_by=canary-hidden-org&format=xlsx",
    ];
    let crawl = Crawl::run(&server.base, &seeds, &|body: &str, what: &str| {
        for secret in SECRETS.iter().chain(MERGED_SECRETS) {
            // Region counts are shown publicly only as counts; the region's name is a field.
            assert!(!body.contains(secret), "{what} leaks {secret:?}:\n{body}");
        }
    });
    assert!(
        crawl.pages["en"].len() > 20,
        "the crawl reached only {} pages",
        crawl.pages["en"].len()
    );
    // Each language reaches the same pages: following links keeps the language and loses
    // nothing.
    assert_eq!(crawl.pages["be"], crawl.pages["en"]);
    assert_eq!(crawl.pages["ru"], crawl.pages["en"]);
    assert!(crawl.api.len() > 20, "{} API answers", crawl.api.len());
    assert!(
        crawl.workbooks >= 3,
        "{} workbooks crawled",
        crawl.workbooks
    );
    // The public duplicate's old address was followed to the person kept; the others
    // are not found, as an address nobody had.
    // (Besides the editors' side sending a reader without a session to /login.)
    assert!(
        crawl.redirects.contains(&(
            "/persons/p-dup-public".to_string(),
            "/persons/p1".to_string()
        )),
        "{:?}",
        crawl.redirects
    );
    assert_eq!(
        crawl
            .redirects
            .iter()
            .filter(|(from, _)| from.starts_with("/persons"))
            .count(),
        1,
        "{:?}",
        crawl.redirects
    );
    for hidden in ["/persons/p-dup-of-hidden", "/persons/p-canary-merged"] {
        assert_eq!(
            server.get(hidden),
            server.get("/persons/p-nobody"),
            "{hidden}"
        );
    }
    assert_eq!(server.get("/persons/p-canary-restricted").0, 404);
    assert_eq!(server.get("/api/v1/persons/p-canary-confidential").0, 404);
    // The hidden person's country is not counted: asked for, it is refused as a country
    // nobody is recorded in would be.
    let (status, body) = server.get("/api/v1/stats/held?country=CANARYLAND");
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        body.replace("CANARYLAND", "NOWHERE"),
        server.get("/api/v1/stats/held?country=NOWHERE").1
    );
    // The public person's page shows their public events, not the restricted one.
    let p1 = server.json("/api/v1/persons/p1");
    let kinds: Vec<&str> = p1["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    // By date as stored: "2021-07" (recognized) sorts before "2021-07-14" (detained).
    assert_eq!(kinds, ["recognized", "detained", "sentenced", "released"]);
    // Counted, but under a key that names no one.
    let by_region = server.json("/api/v1/stats/held?on=2023-06-01&by=region");
    // Cells of one person are shown as "fewer than 3", their counts not given.
    assert_eq!(by_region["by"], serde_json::json!({}));
    assert_eq!(
        by_region["small"],
        serde_json::json!(["Minsk", "unknown", "withheld"])
    );
    assert_eq!(by_region["fewer_than"], 3);
    assert_eq!(
        s.json(&["stats", "held", "--on", "2023-06-01", "--by", "region"])["by"]["CANARY-REGION"],
        1,
        "the CLI is trusted"
    );
}

/// A query value, percent-encoded.
fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn a_merged_persons_names_find_the_kept_person_in_the_cli_and_the_api() {
    let s = Scratch::new();
    let run = s.import(
        "people.jsonl",
        r#"{"type":"person","id":"p1","names":[{"text":"Ales Bialiatski"}],"country":"BY"}
{"type":"person","id":"p9","names":[{"text":"Siarhei Tsikhanouski"}],"country":"BY"}
{"type":"person","id":"p5","names":[{"text":"Maria Kalesnikava"}],"country":"BY"}
"#,
    );
    assert!(run.status, "{}", run.stderr);
    s.ok(&["merge", "p1", "p9", "--reason", "one person"]);
    let server = Server::start(&s);
    for q in ["Tsikhanouski", "Ales Bialiatski"] {
        let cli = s.json(&["search", q]);
        let api = server.json(&format!("/api/v1/search?q={}", url_escape(q)));
        assert_eq!(api, cli, "{q}: API and CLI differ");
        let found: Vec<&str> = cli["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["person"].as_str().unwrap())
            .collect();
        assert_eq!(found, ["p1"], "{q}: {cli}");
    }
}
