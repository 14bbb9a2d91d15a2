//! The dashboard in headless Chromium, driven by tests/browser/dashboard.mjs
//! (playwright-core): no console errors, no request to another host, the headline equals
//! the API's, the chart is drawn, a wave opens its announcement, the directory's filter
//! finds a person, and the page fits a 390 px screen; the editors' pages (editor.mjs), and
//! the person form keeping every field it does not show (person_form.mjs). Screenshots go
//! to target/screenshots/.

use std::path::PathBuf;
use std::process::Command;

use crate::serve::Server;

/// Node, Chromium and the pinned driver are there (CI must have them).
fn browser_ready(root: &std::path::Path) -> bool {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = root
        .join("tests/browser/node_modules/playwright-core")
        .exists()
        && PathBuf::from(&chromium).exists()
        && Command::new("node")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run the browser tests: .ci/run installs chromium and runs npm ci in tests/browser"
        );
        eprintln!(
            "skipping a browser test: needs node, {chromium} and `npm ci --prefix tests/browser`"
        );
    }
    ready
}

#[test]
fn an_editor_changes_the_public_count_and_a_stale_save_is_refused() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !browser_ready(&root) {
        return;
    }
    let s = crate::Scratch::new();
    assert!(s.import("base.jsonl", crate::CONTRACT_EXAMPLE).status);
    for name in ["eda", "edb"] {
        let r = s.run_stdin(
            &["user", "add", name, "--role", "editor"],
            &format!("{name} password 123\n"),
        );
        assert!(r.status, "{}", r.stderr);
    }
    let server = Server::start(&s);
    let shots = root.join("target/screenshots");
    let out = Command::new("node")
        .arg(root.join("tests/browser/editor.mjs"))
        .arg(&server.base)
        .arg(&shots)
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        out.status.success(),
        "editor browser test failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.starts_with("ok: public count "), "{stdout}");
    // The saves are log entries under each editor's name; the chain holds.
    let log = s.ok(&["log", "--json"]);
    assert!(log.contains("eda"), "{log}");
    assert_eq!(s.json(&["verify"])["ok"], true);
}

/// A person with every field set, names in two scripts, and a field vigil does not know.
const FULL_PERSON: &str = r#"{"type":"person","id":"p-full","names":[{"text":"Ales Bialiatski","script":"Latn"},{"text":"Алесь Бяляцкі","lang":"be","script":"Cyrl","kind":"native"},{"text":"Алесь Беляцкий","lang":"ru","script":"Cyrl"}],"sex":"male","birth_date":"1962-09-25","country":"BY","region":"Minsk","roles":["human_rights_defender","civic_activist"],"health":["chronic_illness","disability"],"prominent":true,"visibility":"public","note":"kept though vigil does not know it"}
{"type":"event","id":"e-full-1","person":"p-full","kind":"detained","date":"2021-07-14"}
{"type":"event","id":"e-full-2","person":"p-full","kind":"recognized","date":"2021-07"}
"#;

#[test]
fn the_person_form_keeps_every_field_it_does_not_show_in_a_real_browser() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !browser_ready(&root) {
        return;
    }
    let s = crate::Scratch::new();
    assert!(s.import("full.jsonl", FULL_PERSON).status);
    let r = s.run_stdin(
        &["user", "add", "eda", "--role", "editor"],
        "eda password 123\n",
    );
    assert!(r.status, "{}", r.stderr);
    let before = s.ok(&["export"]);
    let server = Server::start(&s);
    let shots = root.join("target/screenshots");
    let out = Command::new("node")
        .arg(root.join("tests/browser/person_form.mjs"))
        .arg(&server.base)
        .arg(&shots)
        .arg("p-full")
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        out.status.success(),
        "person form browser test failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.starts_with("ok: birth year "), "{stdout}");
    // What the store holds: only the birth date differs from before, in every record.
    let after = s.ok(&["export"]);
    let parse = |t: &str| -> Vec<serde_json::Value> {
        t.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (mut want, got) = (parse(&before), parse(&after));
    for r in &mut want {
        if r["id"] == "p-full" {
            r["birth_date"] = serde_json::json!("1963");
        }
    }
    assert_eq!(got, want);
    assert_eq!(s.json(&["verify"])["ok"], true);
}

#[test]
fn the_dashboard_works_in_a_real_browser() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let script = root.join("tests/browser/dashboard.mjs");
    if !browser_ready(&root) {
        return;
    }
    let server = Server::start_with(&[
        "serve",
        "--demo",
        "--persons",
        "3000",
        "--addr",
        "127.0.0.1:0",
    ]);
    let shots = root.join("target/screenshots");
    let out = Command::new("node")
        .arg(&script)
        .arg(&server.base)
        .arg(&shots)
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        out.status.success(),
        "browser test failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.starts_with("ok: headline "), "{stdout}");
    for shot in [
        "dashboard-1024.png",
        "dashboard-390.png",
        "announcement.png",
        "person.png",
    ] {
        assert!(
            shots.join(shot).metadata().is_ok_and(|m| m.len() > 10_000),
            "screenshot {shot} missing"
        );
    }
}
