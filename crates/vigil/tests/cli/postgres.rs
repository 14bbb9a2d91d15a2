//! The same commands on PostgreSQL as on SQLite: answers, copies, backups, the server, and
//! an import killed half-way. Runs when VIGIL_TEST_DATABASE_URL names a database whose role
//! may create databases (`.ci/run` sets it); under CI=true it must.

use std::process::{Command, Stdio};

use crate::serve::Server;
use crate::Scratch;

/// A database of its own for one test, dropped afterwards.
struct Database {
    admin: String,
    name: String,
    url: String,
}

impl Database {
    fn create(tag: &str) -> Option<Database> {
        let admin = match std::env::var("VIGIL_TEST_DATABASE_URL") {
            Ok(u) if !u.is_empty() => u,
            _ => {
                assert!(
                    std::env::var("CI").as_deref() != Ok("true"),
                    "CI=true but VIGIL_TEST_DATABASE_URL is not set: the PostgreSQL tests must run"
                );
                eprintln!("VIGIL_TEST_DATABASE_URL not set: PostgreSQL test skipped");
                return None;
            }
        };
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let name = format!(
            "vigil_t_{tag}_{}_{}",
            std::process::id(),
            nanos % 1_000_000_000
        );
        psql(&admin, &format!("CREATE DATABASE {name}"));
        let base = admin.rsplit_once('/').unwrap().0;
        Some(Database {
            url: format!("{base}/{name}"),
            admin,
            name,
        })
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let _ = Command::new("psql")
            .args([
                &self.admin,
                "-qc",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            ])
            .stdout(Stdio::null())
            .status();
    }
}

fn psql(url: &str, sql: &str) {
    let out = Command::new("psql")
        .args([url, "-v", "ON_ERROR_STOP=1", "-qc", sql])
        .output()
        .expect("psql runs");
    assert!(
        out.status.success(),
        "psql {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The answer without its log position (the two databases wrote at different times).
fn answer(mut v: serde_json::Value) -> serde_json::Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("log");
    }
    v
}

#[test]
fn every_command_answers_alike_on_both_backends() {
    let Some(db) = Database::create("same") else {
        return;
    };
    let s = Scratch::new();
    let generated = s.ok(&["generate", "--persons", "300", "--seed", "4"]);
    assert!(s.run_stdin(&["import", "-"], &generated).status);
    let pg = |args: &[&str]| -> Vec<String> {
        [&["--database-url", db.url.as_str()], args]
            .concat()
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let r = s.run_stdin(
        &pg(&["import", "-"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        &generated,
    );
    assert!(r.status, "{}", r.stderr);
    for args in [
        &["stats", "held", "--on", "2024-12-09", "--by", "age"][..],
        &[
            "stats",
            "series",
            "--from",
            "2021-01-01",
            "--to",
            "2025-12-31",
            "--step",
            "month",
        ],
        &["stats", "waves", "--country", "BY", "--year", "2024"],
        &[
            "stats",
            "flow",
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
        ],
        &["check"],
        &["search", "Kalesnikava"],
        &["duplicates", "--min-score", "0.7"],
        &["announcement", "a-BY-2022-5"],
    ] {
        let lite = answer(s.json(args));
        let post = answer(s.json(&pg(args).iter().map(String::as_str).collect::<Vec<_>>()));
        assert_eq!(
            lite, post,
            "vigil {args:?} differs between SQLite and PostgreSQL"
        );
    }
    let pg_export = pg(&["export"]);
    assert_eq!(
        s.ok(&["export"]),
        s.ok(&pg_export.iter().map(String::as_str).collect::<Vec<_>>()),
        "exports differ"
    );
    // Bad input is refused the same way, naming the line, and nothing is written.
    let bad = s.file("bad.jsonl", "{\"type\":\"person\",\"id\":\"x1\"}\n{\"type\":\"event\",\"id\":\"x2\",\"person\":\"nobody\",\"kind\":\"detained\",\"date\":\"2024-01-01\"}\n");
    let before = s.json(
        &pg(&["verify"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let r = s.run(
        &pg(&["import", bad.to_str().unwrap()])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(
        !r.status && r.stderr.contains("bad.jsonl:2:"),
        "{}",
        r.stderr
    );
    assert_eq!(
        s.json(
            &pg(&["verify"])
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        ),
        before
    );
    // The server on PostgreSQL answers as the CLI does.
    let server = Server::start_with(&["--database-url", &db.url, "serve", "--addr", "127.0.0.1:0"]);
    assert_eq!(
        server.json("/api/v1/stats/held?on=2024-12-09"),
        s.json(
            &pg(&["stats", "held", "--on", "2024-12-09"])
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        )
    );
}

#[test]
fn copies_and_backups_keep_the_log_and_its_head() {
    let Some(db) = Database::create("copy") else {
        return;
    };
    // Another SQLite file than the scratch one: --database-url overrides --db.
    let lite = |p: &std::path::Path| format!("sqlite://{}", p.display());
    let s = Scratch::new();
    let generated = s.ok(&["generate", "--persons", "120", "--seed", "5"]);
    assert!(s.run_stdin(&["import", "-"], &generated).status);
    s.ok(&[
        "retract",
        "event",
        "p1e0",
        "--reason",
        "a correction in the log",
    ]);
    let head = s.json(&["verify"])["head"].clone();
    let sqlite_url = format!("sqlite://{}", s.db().display());
    s.ok(&["db", "copy", "--from", &sqlite_url, "--to", &db.url]);
    let on_pg = s.json(&["--database-url", &db.url, "verify"]);
    assert_eq!((on_pg["ok"].as_bool(), &on_pg["head"]), (Some(true), &head));
    // And back, into a new SQLite file.
    let back = s.dir.path().join("back.db");
    s.ok(&[
        "db",
        "copy",
        "--from",
        &db.url,
        "--to",
        &format!("sqlite://{}", back.display()),
    ]);
    let round = s.json(&["--database-url", &lite(&back), "verify"]);
    assert_eq!(round["head"], head);
    assert_eq!(
        s.ok(&["--database-url", &lite(&back), "export"]),
        s.ok(&["export"])
    );
    // Copying into a database that has data is refused.
    let r = s.run(&["db", "copy", "--from", &sqlite_url, "--to", &db.url]);
    assert!(
        !r.status && r.stderr.contains("empty database"),
        "{}",
        r.stderr
    );

    // Backups: the log as JSON Lines from PostgreSQL, a file copy from SQLite.
    let dump = s.dir.path().join("pg-backup.jsonl");
    s.ok(&[
        "--database-url",
        &db.url,
        "db",
        "backup",
        dump.to_str().unwrap(),
    ]);
    let restored = s.dir.path().join("from-pg.db");
    s.ok(&[
        "--database-url",
        &lite(&restored),
        "db",
        "restore",
        dump.to_str().unwrap(),
    ]);
    assert_eq!(
        s.json(&["--database-url", &lite(&restored), "verify"])["head"],
        head
    );
    assert_eq!(
        s.ok(&["--database-url", &lite(&restored), "export"]),
        s.ok(&["export"])
    );
    let file = s.dir.path().join("copy.db");
    s.ok(&["db", "backup", file.to_str().unwrap()]);
    let into_pg = Database::create("restore").unwrap();
    s.ok(&[
        "--database-url",
        &into_pg.url,
        "db",
        "restore",
        file.to_str().unwrap(),
    ]);
    assert_eq!(
        s.json(&["--database-url", &into_pg.url, "verify"])["head"],
        head
    );
    // A damaged backup is refused and leaves the destination empty.
    let text = std::fs::read_to_string(&dump).unwrap();
    let cut: String = text.lines().take(40).flat_map(|l| [l, "\n"]).collect();
    let truncated = s.file("cut.jsonl", &cut);
    let empty = s.dir.path().join("empty.db");
    let r = s.run(&[
        "--database-url",
        &lite(&empty),
        "db",
        "restore",
        truncated.to_str().unwrap(),
    ]);
    assert!(!r.status && r.stderr.contains("incomplete"), "{}", r.stderr);
    assert_eq!(
        s.json(&["--database-url", &lite(&empty), "verify"])["entries"],
        0
    );
}

#[test]
fn an_import_killed_half_way_leaves_nothing_half_there() {
    let Some(db) = Database::create("kill") else {
        return;
    };
    let s = Scratch::new();
    let generated = s.ok(&["generate", "--persons", "12000", "--seed", "6"]);
    let file = s.file("big.jsonl", &generated);
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["--database-url", &db.url, "import", file.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it is writing: its transaction holds the writers' advisory lock.
    let writing = || {
        let out = Command::new("psql")
            .args([
                &db.url,
                "-tAc",
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'",
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim() != "0"
    };
    for _ in 0..200 {
        if writing() || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let finished = child.try_wait().unwrap().is_some();
    assert!(
        !finished,
        "the import finished before it could be killed: make it larger"
    );
    Command::new("kill")
        .args(["-9", &child.id().to_string()])
        .status()
        .unwrap();
    let _ = child.wait();
    let v = s.json(&["--database-url", &db.url, "verify"]);
    assert_eq!(v["ok"], true, "{v}");
    let lines = generated.lines().count();
    let entries = v["entries"].as_u64().unwrap() as usize;
    assert!(
        entries == 0 || (finished && entries == lines),
        "{entries} of {lines} entries after kill -9: half an import is there"
    );
    // And the import then runs through.
    s.ok(&["--database-url", &db.url, "import", file.to_str().unwrap()]);
    assert_eq!(
        s.json(&["--database-url", &db.url, "verify"])["entries"]
            .as_u64()
            .unwrap() as usize,
        lines
    );
}

#[test]
fn two_servers_on_one_database_see_every_write_within_a_second() {
    let Some(db) = Database::create("two") else {
        return;
    };
    let s = Scratch::new();
    let pg = |args: &[&str]| -> Vec<String> {
        [&["--database-url", db.url.as_str()], args]
            .concat()
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let run = |args: &[&str], stdin: &str| {
        let a = pg(args);
        let r = s.run_stdin(&a.iter().map(String::as_str).collect::<Vec<_>>(), stdin);
        assert!(r.status, "{}", r.stderr);
    };
    run(&["import", "-"], crate::CONTRACT_EXAMPLE);
    let base_entries = s.json(
        &pg(&["verify"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    )["entries"]
        .as_u64()
        .unwrap();
    let one = Server::start_with(&["--database-url", &db.url, "serve", "--addr", "127.0.0.1:0"]);
    let two = Server::start_with(&["--database-url", &db.url, "serve", "--addr", "127.0.0.1:0"]);
    let held = |server: &Server| server.json("/api/v1/stats/held?on=2024-06-01")["held"].clone();
    let base = held(&one).as_i64().unwrap();
    assert_eq!(held(&two), base);
    // Writers from elsewhere, interleaved: each write shows on both servers within a second.
    for i in 0..4 {
        run(
            &["import", "-"],
            &format!(
                "{{\"type\":\"person\",\"id\":\"n{i}\",\"names\":[{{\"text\":\"New Person {i}\"}}],\"country\":\"BY\"}}\n\
                 {{\"type\":\"event\",\"id\":\"n{i}d\",\"person\":\"n{i}\",\"kind\":\"detained\",\"date\":\"2023-01-0{}\"}}\n\
                 {{\"type\":\"event\",\"id\":\"n{i}r\",\"person\":\"n{i}\",\"kind\":\"recognized\",\"date\":\"2023-02-01\"}}\n",
                i + 1
            ),
        );
        let want = serde_json::json!(base + 1 + i);
        let started = std::time::Instant::now();
        while held(&one) != want || held(&two) != want {
            assert!(
                started.elapsed() < std::time::Duration::from_millis(1500),
                "write {i} not seen within a second: {} / {}",
                held(&one),
                held(&two)
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
    // Editors saving through both servers, interleaved: each save is seen on the other
    // server within a second, none is lost, and a stale save on one is refused.
    run(
        &["user", "add", "eda", "--role", "editor"],
        "eda password 123\n",
    );
    let client = reqwest::blocking::Client::new();
    let login = |server: &Server| {
        let r = client
            .post(format!("{}/api/v1/session", server.base))
            .header("content-type", "application/json")
            .body(r#"{"name":"eda","password":"eda password 123"}"#)
            .send()
            .unwrap();
        assert_eq!(r.status().as_u16(), 200);
        let cookie = r.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let body: serde_json::Value = serde_json::from_str(&r.text().unwrap()).unwrap();
        (cookie, body["csrf"].as_str().unwrap().to_string())
    };
    let sessions = [login(&one), login(&two)];
    let servers = [&one, &two];
    let save = |k: usize, record: serde_json::Value, version: serde_json::Value| {
        let (cookie, csrf) = &sessions[k];
        let r = client
            .post(format!("{}/api/v1/records", servers[k].base))
            .header("cookie", cookie)
            .header("x-csrf-token", csrf)
            .header("content-type", "application/json")
            .body(serde_json::json!({"record": record, "version": version}).to_string())
            .send()
            .unwrap();
        let status = r.status().as_u16();
        (
            status,
            serde_json::from_str::<serde_json::Value>(&r.text().unwrap()).unwrap(),
        )
    };
    for i in 0..6 {
        let k = i % 2;
        let (status, answer) = save(
            k,
            serde_json::json!({"type": "person", "id": format!("via{i}"), "names": [{"text": format!("Saved through server {k}")}]}),
            serde_json::Value::Null,
        );
        assert_eq!(status, 200, "{answer}");
        let other = servers[1 - k];
        let started = std::time::Instant::now();
        while other.get(&format!("/api/v1/persons/via{i}")).0 != 200 {
            assert!(
                started.elapsed() < std::time::Duration::from_millis(1500),
                "save {i} not seen on the other server"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
    // Both editors edit via0 from the version they read: the save through server two is stale.
    let read: serde_json::Value = serde_json::from_str(
        &client
            .get(format!("{}/api/v1/records/person/via0", one.base))
            .header("cookie", &sessions[0].0)
            .send()
            .unwrap()
            .text()
            .unwrap(),
    )
    .unwrap();
    let version = read["version"].clone();
    assert!(version.is_u64(), "{read}");
    let (first, _) = save(
        0,
        serde_json::json!({"type": "person", "id": "via0", "names": [{"text": "First"}]}),
        version.clone(),
    );
    let (second, conflict) = save(
        1,
        serde_json::json!({"type": "person", "id": "via0", "names": [{"text": "Second"}]}),
        version,
    );
    assert_eq!((first, second), (200, 409), "{conflict}");
    assert_eq!(conflict["error"]["current"]["names"][0]["text"], "First");
    let v = s.json(
        &pg(&["verify"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(v["ok"], true);
    assert_eq!(v["entries"], base_entries + 4 * 3 + 6 + 1);
    std::thread::sleep(std::time::Duration::from_millis(700));
    for server in [&one, &two] {
        assert_eq!(
            server.json("/api/v1/stats/held?on=2024-06-01")["log"]["head"],
            v["head"]
        );
    }
}
